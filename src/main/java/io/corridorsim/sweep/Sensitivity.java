package io.corridorsim.sweep;

import io.corridorsim.montecarlo.Statistics;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Global sensitivity from a sweep's point estimates, as pure functions: Sobol indices from a
 * Saltelli layout and Morris elementary effects, each with a percentile bootstrap interval
 * (resampling base rows or trajectories with a seeded generator, so intervals are reproducible).
 */
public final class Sensitivity {

    private Sensitivity() {
    }

    /** The percentile bootstrap: how many resamples, and the seed of their generator. */
    public record Bootstrap(int resamples, long seed) {
    }

    /** One index of one parameter: {@code index} is S1, ST, mu_star, mu or sigma. */
    public record Index(String parameter, String index, double estimate, double lo, double hi) {
    }

    /**
     * First-order (Saltelli 2010: S_i = E[f_B (f_ABi − f_A)] / V) and total (Jansen 1999:
     * ST_i = E[(f_A − f_ABi)²] / 2V) Sobol indices. {@code y}: outputs in
     * {@link Designs#saltelli} row order (N blocks of k+2); V: variance of f_A and f_B together.
     */
    public static List<Index> sobol(double[] y, int n, List<String> parameters, Bootstrap boot) {
        int bootstrap = boot.resamples();
        int k = parameters.size();
        int[] all = new int[n];
        for (int j = 0; j < n; j++) {
            all[j] = j;
        }
        double[][] point = sobolIndices(y, n, k, all);
        double[][][] reps = new double[bootstrap][][];
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(boot.seed());
        int[] sample = new int[n];
        for (int b = 0; b < bootstrap; b++) {
            for (int j = 0; j < n; j++) {
                sample[j] = rng.nextInt(n);
            }
            reps[b] = sobolIndices(y, n, k, sample);
        }
        List<Index> out = new ArrayList<>();
        String[] names = {"S1", "ST"};
        for (int i = 0; i < k; i++) {
            for (int which = 0; which < 2; which++) {
                double[] r = new double[bootstrap];
                for (int b = 0; b < bootstrap; b++) {
                    r[b] = reps[b][which][i];
                }
                double[] ci = percentile(r);
                out.add(new Index(parameters.get(i), names[which], point[which][i], ci[0], ci[1]));
            }
        }
        return out;
    }

    /** {@code [0][i]} = S1_i, {@code [1][i]} = ST_i over the base rows {@code rows}. */
    static double[][] sobolIndices(double[] y, int n, int k, int[] rows) {
        int m = rows.length;
        double[] ab = new double[2 * m];
        for (int r = 0; r < m; r++) {
            int at = rows[r] * (k + 2);
            ab[r] = y[at];
            ab[m + r] = y[at + 1];
        }
        double mean = Statistics.mean(ab);
        double v = 0;
        for (double x : ab) {
            v += (x - mean) * (x - mean);
        }
        v /= ab.length;
        double[][] out = new double[2][k];
        for (int i = 0; i < k; i++) {
            double first = 0;
            double total = 0;
            for (int r = 0; r < m; r++) {
                int at = rows[r] * (k + 2);
                double fa = y[at];
                double fb = y[at + 1];
                double fab = y[at + 2 + i];
                first += fb * (fab - fa);
                total += (fa - fab) * (fa - fab);
            }
            out[0][i] = v == 0 ? 0 : first / m / v;
            out[1][i] = v == 0 ? 0 : total / m / (2 * v);
        }
        return out;
    }

    /**
     * Morris elementary effects EE = (f(x + Δe_i) − f(x)) / Δ on the unit cube: μ* (mean |EE|),
     * μ and σ (sd of EE) per parameter. {@code y} in the design's row order (only its
     * {@code moved} and {@code delta} are used).
     */
    public static List<Index> morris(double[] y, Designs.Morris design, List<String> parameters, Bootstrap boot) {
        int[] moved = design.moved();
        double delta = design.delta();
        int bootstrap = boot.resamples();
        int k = parameters.size();
        int r = y.length / (k + 1);
        double[][] ee = new double[k][r];
        for (int t = 0; t < r; t++) {
            for (int s = 1; s <= k; s++) {
                int row = t * (k + 1) + s;
                ee[moved[row]][t] = (y[row] - y[row - 1]) / delta;
            }
        }
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(boot.seed());
        int[][] samples = new int[bootstrap][r];
        for (int[] s : samples) {
            for (int t = 0; t < r; t++) {
                s[t] = rng.nextInt(r);
            }
        }
        List<Index> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double[][] reps = new double[3][bootstrap];
            for (int b = 0; b < bootstrap; b++) {
                double[] e = new double[r];
                for (int t = 0; t < r; t++) {
                    e[t] = ee[i][samples[b][t]];
                }
                double[] m = morrisOf(e);
                for (int q = 0; q < 3; q++) {
                    reps[q][b] = m[q];
                }
            }
            double[] m = morrisOf(ee[i]);
            String[] names = {"mu_star", "mu", "sigma"};
            for (int q = 0; q < 3; q++) {
                double[] ci = percentile(reps[q]);
                out.add(new Index(parameters.get(i), names[q], m[q], ci[0], ci[1]));
            }
        }
        return out;
    }

    private static double[] morrisOf(double[] e) {
        double[] abs = new double[e.length];
        for (int t = 0; t < e.length; t++) {
            abs[t] = Math.abs(e[t]);
        }
        return new double[] {Statistics.mean(abs), Statistics.mean(e), Statistics.sd(e)};
    }

    /** The 2.5% and 97.5% percentiles (type 7). */
    private static double[] percentile(double[] reps) {
        double[] sorted = reps.clone();
        Arrays.sort(sorted);
        return new double[] {Statistics.quantileSorted(sorted, 0.025), Statistics.quantileSorted(sorted, 0.975)};
    }
}
