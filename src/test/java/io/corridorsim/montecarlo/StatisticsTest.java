package io.corridorsim.montecarlo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(1 / Math.sqrt(3), Statistics.mcse(dayByPath), 1e-15);
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
}
