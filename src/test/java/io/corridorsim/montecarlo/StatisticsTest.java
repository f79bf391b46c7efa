package io.corridorsim.montecarlo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatisticsTest {

    @Test
    void quantilesInterpolateBetweenOrderStatisticsLikeR() {
        double[] x = {5, 1, 4, 2, 3};
        // R: quantile(c(1,2,3,4,5), c(.01,.05,.25,.5,.75,.95,.99)) = 1.04 1.2 2 3 4 4.8 4.96
        assertArrayEquals(new double[] {1.04, 1.2, 2, 3, 4, 4.8, 4.96}, Statistics.quantiles(x), 1e-12);
        assertArrayEquals(new double[] {5, 1, 4, 2, 3}, x, 0, "input untouched");
    }

    @Test
    void meanSdAndAutocorrelation() {
        double[] x = {1, 2, 3, 4};
        assertEquals(2.5, Statistics.mean(x), 0);
        assertEquals(Math.sqrt(5.0 / 3.0), Statistics.sd(x), 1e-15);
        // Lag-1 autocorrelation of 1,2,3,4 about its mean: (−1.5·−0.5 + −0.5·0.5 + 0.5·1.5)/5 = 0.25.
        assertEquals(0.25, Statistics.autocorrelation1(x), 1e-15);
    }

    @Test
    void monteCarloStandardErrorUsesPathMeans() {
        // Two days, three paths; path means 1, 2, 3 → sd 1 → se 1/sqrt(3).
        double[][] dayByPath = {{0, 2, 2}, {2, 2, 4}};
        assertEquals(1 / Math.sqrt(3), StoredPaths.mcse(dayByPath), 1e-15);
    }

    @Test
    void spreadStatisticsAreInBasisPoints() {
        double[] rate = {2.50, 2.60, 2.40, 2.50};
        double[] policy = {2.45, 2.45, 2.45, 2.45};
        SpreadStatistics s = SpreadStatistics.ofSeries(rate, policy);
        assertEquals(5.0, s.meanBp(), 1e-9);
        assertEquals(Math.sqrt(200.0 / 3.0), s.sdBp(), 1e-9);
        // Daily changes +10, −20, +10 bp: mean 0, sample variance (100 + 400 + 100)/2.
        assertEquals(Math.sqrt(300), s.sdChangeBp(), 1e-9);
    }

    @Test
    void undefinedStatisticsAreNaNNeverANumber() {
        // One path: no standard error, no sd across paths.
        assertTrue(Double.isNaN(Statistics.sd(new double[] {1.5})));
        assertTrue(Double.isNaN(StoredPaths.mcse(new double[][] {{1}, {2}})));
        double[][] onePath = {{2.50}, {2.60}, {2.40}, {2.55}};
        double[] policy = {2.45, 2.45, 2.45, 2.45};
        SpreadStatistics s = SpreadStatistics.ofPaths(onePath, policy);
        assertEquals(6.25, s.meanBp(), 1e-9);
        assertTrue(Double.isNaN(s.meanSeBp()) && Double.isNaN(s.ar1Se()), s.toString());
        assertTrue(s.undefinedReason().contains("at least two paths"), s.undefinedReason());
    }

    @Test
    void theAutocorrelationOfAConstantSeriesIsUndefinedEvenWithRoundOff() {
        // A rate pinned at the ceiling minus a policy rate that moves: the spread is constant in
        // value, but rate − policy differs in the last bits (1.05 − 0.05 vs 1.15 − 0.15).
        double[] rate = {1.05, 1.05, 1.15, 1.15, 1.15, 1.05, 1.15, 1.05};
        double[] policyPct = {0.05, 0.05, 0.15, 0.15, 0.15, 0.05, 0.15, 0.05};
        double[] spread = new double[rate.length];
        for (int t = 0; t < rate.length; t++) {
            spread[t] = (rate[t] - policyPct[t]) * 100;
        }
        assertTrue(spread[0] != spread[2], "the round-off this test is about");
        assertTrue(Double.isNaN(Statistics.autocorrelation1(spread)));
        SpreadStatistics s = SpreadStatistics.ofSeries(rate, policyPct);
        assertTrue(Double.isNaN(s.ar1()));
        assertTrue(s.undefinedReason().contains("AR(1) undefined"), s.undefinedReason());
        assertEquals(0.25, Statistics.autocorrelation1(new double[] {1, 2, 3, 4}), 1e-15, "a moving series still has one");
    }
}
