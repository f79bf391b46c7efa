package io.corridorsim.market;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalDistTest {

    private final NormalDistribution reference = new NormalDistribution(null, 0, 1);

    @Test
    void cdfMatchesCommonsMathAcrossTheLine() {
        for (double x = -8; x <= 8; x += 0.0137) {
            assertEquals(reference.cumulativeProbability(x), NormalDist.cdf(x), 1e-14, "x=" + x);
        }
    }

    @Test
    void quantileInvertsCdfToMachinePrecision() {
        for (double p = 1e-10; p < 1; p = p < 0.01 ? p * 3 : p + 0.0071) {
            double x = NormalDist.quantile(p);
            assertEquals(p, NormalDist.cdf(x), 1e-14 + 1e-12 * p, "p=" + p);
        }
        assertEquals(0.0, NormalDist.quantile(0.5), 0.0);
        assertEquals(1.959963984540054, NormalDist.quantile(0.975), 1e-14);
        assertTrue(Double.isInfinite(NormalDist.quantile(0)) && NormalDist.quantile(0) < 0);
        assertTrue(Double.isNaN(NormalDist.quantile(1.5)));
    }

    @Test
    void quantileHoldsInTheFarTailsWhereAMarketPinnedAtABoundLives() {
        // AS 241's second branch (p below about 1e-11): relative accuracy, both tails.
        for (double p = 1e-12; p > 1e-300; p *= 1e-7) {
            double x = NormalDist.quantile(p);
            assertEquals(1.0, reference.cumulativeProbability(x) / p, 1e-9, "p=" + p);
        }
        assertEquals(-7.034483825301131, NormalDist.quantile(1e-12), 1e-12);
    }

    @Test
    void studentTIsStandardisedToUnitVariance() {
        ShockFamily t = ShockFamily.studentT(5);
        // Var of t_5 is 5/3; after rescaling by sqrt(3/5) the 97.5% quantile is t_{5,0.975}·sqrt(3/5).
        assertEquals(2.570581835636314 * Math.sqrt(3.0 / 5.0), t.quantile(0.975), 1e-9);
        assertEquals(0.975, t.cdf(t.quantile(0.975)), 1e-12);
        // Fatter tails than the normal at equal variance.
        assertTrue(t.quantile(0.999) > NormalDist.quantile(0.999));
    }
}
