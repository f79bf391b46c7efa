package io.corridorsim.montecarlo;

import java.util.Arrays;

/**
 * Running count, mean and sum of squared deviations for many cells at once
 * (flat arrays, no objects per cell). Values are added one by one (Welford) and tables are
 * merged with Chan, Golub and LeVeque's pairwise formula, so a fixed order of additions and
 * merges gives the same bits every time. NaN values are skipped, as {@link Statistics} skips them.
 */
final class MomentTable {

    private final double[] n;
    private final double[] mean;
    private final double[] m2;

    MomentTable(int cells) {
        n = new double[cells];
        mean = new double[cells];
        m2 = new double[cells];
    }

    void clear() {
        Arrays.fill(n, 0);
        Arrays.fill(mean, 0);
        Arrays.fill(m2, 0);
    }

    void add(int cell, double x) {
        if (x != x) {
            return;
        }
        double k = n[cell] + 1;
        n[cell] = k;
        double d = x - mean[cell];
        double m = mean[cell] + d / k;
        mean[cell] = m;
        m2[cell] += d * (x - m);
    }

    /** Adds {@code o}'s cells into this table's (o after this one). */
    void merge(MomentTable o) {
        for (int c = 0; c < n.length; c++) {
            mergeCell(c, o, c);
        }
    }

    /**
     * Sets an empty cell to the moments of {@code x[0 … n−1]} (NaN skipped), by two passes: the
     * mean, then the squared deviations from it. A block folds each cell once, all its paths at
     * a time, so no running update (and no division per value) is needed.
     */
    void set(int cell, double[] x, int n) {
        double sum = 0;
        int k = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = x[i];
            if (v == v) {
                sum += v;
                k++;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (k == 0) {
            return;
        }
        double m = sum / k;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double v = x[i];
            if (v == v) {
                double d = v - m;
                ss += d * d;
            }
        }
        this.n[cell] = k;
        mean[cell] = lo == hi ? lo : m;
        m2[cell] = lo == hi ? 0 : ss;
    }

    /** Adds cell {@code from} of {@code o} into cell {@code c} of this table. */
    void mergeCell(int c, MomentTable o, int from) {
        double nb = o.n[from];
        if (nb == 0) {
            return;
        }
        double na = n[c];
        if (na == 0) {
            n[c] = nb;
            mean[c] = o.mean[from];
            m2[c] = o.m2[from];
        } else {
            double nn = na + nb;
            double d = o.mean[from] - mean[c];
            mean[c] += d * (nb / nn);
            m2[c] += o.m2[from] + d * d * (na * nb / nn);
            n[c] = nn;
        }
    }

    /** How many defined values the cell has seen. */
    long count(int cell) {
        return (long) n[cell];
    }

    /** Mean of the cell's values; NaN when it has none. */
    double mean(int cell) {
        return n[cell] == 0 ? Double.NaN : mean[cell];
    }

    /** Sample standard deviation (n − 1); NaN for fewer than two values. */
    double sd(int cell) {
        return n[cell] < 2 ? Double.NaN : Math.sqrt(Math.max(0, m2[cell]) / (n[cell] - 1));
    }
}
