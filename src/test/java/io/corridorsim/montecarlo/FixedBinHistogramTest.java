package io.corridorsim.montecarlo;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FixedBinHistogramTest {

    @Test
    void quantilesAreWithinHalfABinOfTheOrderStatisticAndCountsAreExact() {
        Random r = new Random(3);
        double[] v = new double[4001];
        FixedBinHistogram h = FixedBinHistogram.ofSpreads();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.round(r.nextGaussian() * 300) / 10.0 + 25;  // spreads on a 0.1bp grid, as bin edges
            h.add(v[i]);
        }
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double[] q = h.quantiles();
        for (int k = 0; k < q.length; k++) {
            double x = sorted[(int) Math.floor(Statistics.LEVELS[k] * (v.length - 1))];
            assertEquals(x, q[k], FixedBinHistogram.BIN_BP / 2 + 1e-9, Statistics.LEVEL_NAMES[k]);
            assertEquals(q[k], h.quantile(Statistics.LEVELS[k]), 0);
        }
        // 4001 values: rank 2000 exactly at the median, the order statistic itself (not its neighbour).
        assertEquals(sorted[2000], h.quantile(0.5), FixedBinHistogram.BIN_BP / 2 + 1e-9);
        // 1bp plot bins from the 0.1bp bins: the same counts as binning the values directly.
        double from = Math.floor(sorted[0]) - 5;
        int bins = (int) Math.ceil(sorted[v.length - 1] - from) + 5;
        long[] direct = new long[bins];
        for (double x : v) {
            direct[(int) Math.floor(Math.floor(x * 10 + 1e-9) / 10) - (int) from]++;
        }
        assertArrayEquals(direct, h.counts(from, 1, bins));
        assertEquals(sorted[0], h.min(), 0);
        assertEquals(sorted[v.length - 1], h.max(), 0);
        assertEquals(v.length, h.count());
    }

    @Test
    void anyPartitionAndMergeOrderGivesTheSameAnswers() {
        Random r = new Random(5);
        FixedBinHistogram whole = FixedBinHistogram.ofRates();
        FixedBinHistogram a = FixedBinHistogram.ofRates();
        FixedBinHistogram b = FixedBinHistogram.ofRates();
        for (int i = 0; i < 3000; i++) {
            double x = 1.4 + r.nextGaussian() * (i < 1500 ? 0.05 : 0.4);  // b reaches far beyond a's range
            whole.add(x);
            (i % 3 == 0 ? a : b).add(x);
        }
        b.merge(a);
        assertArrayEquals(whole.quantiles(), b.quantiles(), 0);
    }

    @Test
    void aValueOnABinEdgeCountsInTheBinItOpens() {
        FixedBinHistogram h = FixedBinHistogram.ofSpreads();
        h.add(0.3);
        h.add(0.3);
        h.add(-0.1);
        // 0.3bp opens [0.3, 0.4): counted with 1bp bins from 0 in the first one, and -0.1 in the one below.
        assertArrayEquals(new long[] {1, 2}, h.counts(-1, 1, 2));
        assertEquals(0.3, h.quantile(1), 0, "clamped to the exact maximum");
    }
}
