package io.corridorsim.centralbank;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReactionTest {

    @Test
    void zScoreIsTheDeviationFromTheWindowMeanOverAnnualisedVolatility() {
        // Window of 4 previous values 2.0, 2.1, 2.0, 2.1 then the latest 2.3.
        double[] ring = new double[5];
        double[] values = {2.0, 2.1, 2.0, 2.1, 2.3};
        for (int k = 0; k < values.length; k++) {
            ring[k % ring.length] = values[k];
        }
        double mean = 2.05;
        // Daily changes within the window: +0.1, −0.1, +0.1 → sample variance 0.04/3·... computed directly:
        double[] d = {0.1, -0.1, 0.1};
        double m = (d[0] + d[1] + d[2]) / 3;
        double var = ((d[0] - m) * (d[0] - m) + (d[1] - m) * (d[1] - m) + (d[2] - m) * (d[2] - m)) / 2;
        double expected = (2.3 - mean) / Math.sqrt(var * 250);
        assertEquals(expected, Reaction.zScore(ring, 5, 4), 1e-12);
        assertTrue(expected > 0, "a rate above its recent mean calls for an injection");
    }

    @Test
    void zScoreWaitsForAFullWindowAndIgnoresFlatRates() {
        double[] ring = new double[15];
        assertEquals(0, Reaction.zScore(ring, 10, 14));
        for (int k = 0; k < 15; k++) {
            ring[k] = 1.4;
        }
        assertEquals(0, Reaction.zScore(ring, 15, 14));
    }

    @Test
    void aWindowPinnedAtABoundDoesNotMakeATinyDeviationHuge() {
        // Fixings pinned at the ceiling differ only by rounding: their volatility is ~1e-13, and
        // an unfloored z-score of a 1bp move would be ~1e10 (once a 1e11 bn operation).
        double[] h = new double[11];
        for (int k = 0; k < 10; k++) {
            h[k] = 2.2501 + (k % 2 == 0 ? 1e-13 : -1e-13);
        }
        h[10] = 2.2401;
        double z = Reaction.zScore(h, 11, 10);
        assertTrue(z < 0 && Math.abs(z) <= 0.01 / (Reaction.MIN_DAILY_SD_PCT * Math.sqrt(Reaction.TRADING_DAYS_PER_YEAR)) + 1e-9, "z = " + z);
    }
}
