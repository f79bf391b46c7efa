package io.corridorsim.montecarlo;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuantileSketchTest {

    private static final QuantileSketch.Accuracy A = new QuantileSketch.Accuracy(1e-3, 1e-3);

    /** Drains, zeros and injections: negatives, exact zeros and positives over six decades. */
    private static double[] values(long seed, int n) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            v[i] = u < 0.3 ? 0 : (u < 0.5 ? -1 : 1) * Math.exp(r.nextGaussian() * 3);
        }
        return v;
    }

    @Test
    void theOnePassQuantilesAreTheLevelByLevelOnesAndWithinTheStatedErrorOfTheOrderStatistic() {
        double[] v = values(1, 5000);
        QuantileSketch s = new QuantileSketch(A);
        for (double x : v) {
            s.add(x);
        }
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double[] q = s.quantiles();
        for (int k = 0; k < q.length; k++) {
            assertEquals(s.quantile(Statistics.LEVELS[k]), q[k], 0, Statistics.LEVEL_NAMES[k]);
            double x = sorted[(int) Math.floor(Statistics.LEVELS[k] * (v.length - 1))];
            assertEquals(x, q[k], Math.max(A.relative() * Math.abs(x), A.zeroBelow()), Statistics.LEVEL_NAMES[k]);
        }
    }

    @Test
    void anyPartitionAndMergeOrderGivesTheSameAnswers() {
        double[] v = values(2, 3000);
        QuantileSketch whole = new QuantileSketch(A);
        for (double x : v) {
            whole.add(x);
        }
        // Three workers, uneven shares, merged in reverse.
        QuantileSketch[] part = {new QuantileSketch(A), new QuantileSketch(A), new QuantileSketch(A)};
        for (int i = v.length - 1; i >= 0; i--) {
            part[(i * 7) % 3 == 0 ? 0 : i % 5 == 0 ? 1 : 2].add(v[i]);
        }
        part[2].merge(part[1]);
        part[2].merge(part[0]);
        assertArrayEquals(whole.quantiles(), part[2].quantiles(), 0);
    }

    @Test
    void integerRanksPickTheOrderStatisticItselfAndTinyMagnitudesCountAsZero() {
        QuantileSketch s = new QuantileSketch(A);
        for (double x : new double[] {-5, -0.0005, 0.0004, 3, 4, 1000}) {
            s.add(x);
        }
        // Six values: p = 0.2 has rank 1 (the second, a zero); p = 0.6 rank 3 (3); p = 0.8 rank 4 (4).
        assertEquals(0, s.quantile(0.2), 0);
        assertEquals(3, s.quantile(0.6), 3 * A.relative());
        assertEquals(4, s.quantile(0.8), 4 * A.relative());
        assertEquals(-5, s.quantile(0), 5 * A.relative(), "the minimum, within the accuracy and never below it");
        assertTrue(s.quantile(0) >= -5 && s.quantile(1) <= 1000, "clamped to the exact range");
        assertEquals(1000, s.quantile(1), 1000 * A.relative());
        assertEquals(-5, s.quantile(0.1), 5 * A.relative(), "rank 0.5: the smallest order statistic, negative side");
    }

    @Test
    void aConstantSeriesIsExact() {
        QuantileSketch s = new QuantileSketch(A);
        for (int i = 0; i < 10; i++) {
            s.add(12345.678);
        }
        for (double q : s.quantiles()) {
            assertEquals(12345.678, q, 0);
        }
    }
}
