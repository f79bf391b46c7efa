package io.corridorsim.market;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PooleTest {

    @Test
    void zeroExpectedExcessGivesTheCorridorMidpoint() {
        // Seed 001's textbook result: S = ΣK − Σμ puts the rate halfway between floor and ceiling.
        assertEquals((0.35 + 2.25) / 2, Poole.clearingRate(0.35, 2.25, 0, 500, ShockFamily.normal()), 1e-15);
        assertEquals((0.35 + 2.25) / 2, Poole.clearingRate(0.35, 2.25, 0, 500, ShockFamily.studentT(4)), 1e-12);
    }

    @Test
    void theCurveIsAFallingSFromCeilingToFloor() {
        double prev = Double.POSITIVE_INFINITY;
        for (double gap = 5000; gap >= -5000; gap -= 250) {
            double r = Poole.clearingRate(0.35, 2.25, gap, 1000, ShockFamily.normal());
            assertTrue(r < prev || r == 0.35 || r == 2.25, "not decreasing in supply at gap " + gap);
            assertTrue(r >= 0.35 && r <= 2.25);
            prev = r;
        }
        assertEquals(2.25, Poole.clearingRate(0.35, 2.25, 8000, 1000, ShockFamily.normal()), 1e-12);
        assertEquals(0.35, Poole.clearingRate(0.35, 2.25, -8000, 1000, ShockFamily.normal()), 1e-12);
    }

    @Test
    void demandInvertsTheRate() {
        double target = 1000;
        double sigma = 40;
        double r = 1.7;
        double holding = Poole.demand(target, sigma, new Poole.Corridor(0.35, 2.25), r, ShockFamily.normal());
        double pShort = NormalDist.cdf((target - holding) / sigma);
        assertEquals(r, Poole.rate(0.35, 2.25, pShort), 1e-12);
    }

    /** The numeric call auction must reproduce the closed form to 1e-9 for heterogeneous σ. */
    @Property(tries = 300)
    void numericClearingAgreesWithClosedForm(@ForAll @IntRange(min = 1, max = 60) int banks,
                                              @ForAll @DoubleRange(min = -4, max = 4) double z,
                                              @ForAll @DoubleRange(min = 0.1, max = 1.5) double floor,
                                              @ForAll @DoubleRange(min = 0.2, max = 3) double width,
                                              @ForAll boolean fatTails) {
        ShockFamily family = fatTails ? ShockFamily.studentT(4) : ShockFamily.normal();
        double[] target = new double[banks];
        double[] sigma = new double[banks];
        double sumTarget = 0;
        double sumSigma = 0;
        for (int i = 0; i < banks; i++) {
            target[i] = 100 + 37.0 * i;
            sigma[i] = 1 + (i * 7 % 13);
            sumTarget += target[i];
            sumSigma += sigma[i];
        }
        double ceiling = floor + width;
        double gap = z * sumSigma;
        double supply = sumTarget - gap;
        AggregateDemand demand = r -> {
            double s = 0;
            for (int i = 0; i < banks; i++) {
                s += Poole.demand(target[i], sigma[i], new Poole.Corridor(floor, ceiling), r, family);
            }
            return s;
        };
        double numeric = CallAuction.clear(demand, supply, floor, ceiling, 1e-13);
        double closed = Poole.clearingRate(floor, ceiling, gap, sumSigma, family);
        assertEquals(closed, numeric, 1e-9);
    }

    @Test
    void pinnedAtTheBoundsWhenDemandNeverCrosses() {
        AggregateDemand flat = r -> 100;
        assertEquals(0.35, CallAuction.clear(flat, 200, 0.35, 2.25, 1e-12), 0);
        assertEquals(2.25, CallAuction.clear(flat, 50, 0.35, 2.25, 1e-12), 0);
    }

    @Test
    void numericSolverHandlesKinkedSchedules() {
        // A step schedule (e.g. credit limits binding): demand 300 below 1.0%, 100 above.
        AggregateDemand step = r -> r < 1.0 ? 300 : 100;
        double r = CallAuction.clear(step, 200, 0.35, 2.25, 1e-12);
        assertEquals(1.0, r, 1e-9);
    }
}
