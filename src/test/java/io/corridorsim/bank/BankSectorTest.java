package io.corridorsim.bank;

import io.corridorsim.market.ShockFamily;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BankSectorTest {

    private static BankProfile[] banks(int n, long seed) {
        Random rnd = new Random(seed);
        BankProfile[] out = new BankProfile[n];
        for (int i = 0; i < n; i++) {
            double d = 100 + rnd.nextDouble() * 5000;
            out[i] = new BankProfile("g", ReserveTier.MEDIUM, d, 6, 1 + rnd.nextDouble() * 50, 0, 0, i % 3 == 0, 0, 0);
        }
        return out;
    }

    @Property(tries = 200)
    void paymentShocksAmongBanksNetToZeroAndTheAggregateLandsWhole(@ForAll @IntRange(min = 1, max = 200) int n,
                                                                   @ForAll @LongRange(min = 0, max = 9999) long seed,
                                                                   @ForAll @DoubleRange(min = -500, max = 500) double aggregate) {
        BankSector s = new BankSector(banks(n, seed), ShockFamily.normal());
        s.open(100);
        double before = s.totalReserves();
        Random rnd = new Random(seed + 1);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = rnd.nextGaussian();
        }
        double net = s.applyLateShocks(z, aggregate);
        assertEquals(0, net, 1e-9 * (1 + n));
        assertEquals(before + aggregate, s.totalReserves(), 1e-7 * (1 + Math.abs(before)));
    }

    @Test
    void effectiveSigmaRestoresEachBanksVarianceWhenTheSurpriseHasVarianceSumSigmaSquared() {
        BankSector s = new BankSector(banks(30, 3), ShockFamily.normal());
        for (int i = 0; i < 30; i++) {
            assertEquals(s.profile(i).shockSigmaBn(), s.effectiveSigma(i, s.sumSigmaSq()), 1e-12);
        }
        // Without any aggregate surprise the zero-sum correction removes σ_i⁴/Σσ² of variance.
        double sig = s.profile(0).shockSigmaBn();
        assertEquals(Math.sqrt(sig * sig - Math.pow(sig, 4) / s.sumSigmaSq()), s.effectiveSigma(0, 0), 1e-12);
    }

    @Test
    void monteCarloVarianceOfEachBanksShockMatchesItsEffectiveSigma() {
        BankProfile[] p = banks(5, 11);
        BankSector s = new BankSector(p, ShockFamily.normal());
        Random rnd = new Random(5);
        int draws = 200_000;
        double[] sum2 = new double[5];
        double[] z = new double[5];
        double aggSd = Math.sqrt(s.sumSigmaSq()) * 0.5;
        for (int k = 0; k < draws; k++) {
            s.open(0);
            double[] before = new double[5];
            for (int i = 0; i < 5; i++) {
                before[i] = s.reserves(i);
                z[i] = rnd.nextGaussian();
            }
            s.applyLateShocks(z, aggSd * rnd.nextGaussian());
            for (int i = 0; i < 5; i++) {
                double e = s.reserves(i) - before[i];
                sum2[i] += e * e;
            }
        }
        for (int i = 0; i < 5; i++) {
            double expected = s.effectiveSigma(i, aggSd * aggSd);
            assertEquals(expected, Math.sqrt(sum2[i] / draws), 0.01 * expected);
        }
    }

    @Test
    void rrrCutsRespectTheFloorAndTheTier() {
        BankProfile large = new BankProfile("l", ReserveTier.LARGE, 10000, 8, 10, 0, 0, true, 0, 0);
        BankProfile small = new BankProfile("s", ReserveTier.SMALL, 500, 5, 2, 0, 0, false, 0, 0);
        BankSector s = new BankSector(new BankProfile[] {large, small}, ShockFamily.normal());
        s.changeReserveRatio(null, -0.5, 5.0);
        s.resetRequirements(1.0);
        assertEquals(10000 * 0.075, s.required(0), 1e-9);
        assertEquals(500 * 0.05, s.required(1), 1e-9); // already at the 5% floor: untouched
        s.changeReserveRatio(ReserveTier.SMALL, 1.0, 5.0);
        s.resetRequirements(1.1);
        assertEquals(11000 * 0.075, s.required(0), 1e-9);
        assertEquals(550 * 0.06, s.required(1), 1e-9);
    }
}
