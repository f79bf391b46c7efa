package io.corridorsim.centralbank;

import io.corridorsim.calendar.ChinaCalendar;
import io.corridorsim.calendar.Timeline;
import io.corridorsim.market.ShockFamily;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CentralBankTest {

    /** A sampler that counts its draws. */
    private static final class Counting implements NormalizedGaussianSampler {
        int draws;

        @Override
        public double sample() {
            draws++;
            return 0.7;
        }
    }

    private static CentralBank bank(CentralBankSpec spec, Counting a, Counting b, int days) {
        Timeline tl = Timeline.build(ChinaCalendar.weekdaysOnly(2024, 2026), LocalDate.of(2025, 1, 6), days);
        double[] f = new double[days];
        double[] c = new double[days];
        double[] p = new double[days];
        Arrays.fill(f, 0.35);
        Arrays.fill(c, 2.25);
        Arrays.fill(p, 1.40);
        RatePath rates = new RatePath(f, c, c, p, 0);
        CentralBank cb = new CentralBank(new CentralBank.Setting(spec, rates, tl, ShockFamily.normal()),
                new BalanceSheet(1000, 500, 300, 200, 900), new CentralBank.Streams(a, b), 800);
        cb.markOpen();
        return cb;
    }

    private static CentralBankSpec spec(double errorSd, double prior, Set<java.time.DayOfWeek> days) {
        return new CentralBankSpec(new ReactionRule.ForecastNeutral(0), 7, errorSd, 0.1, 0, true, 0.2, 100, Double.NaN,
                prior, 0.5, days, null);
    }

    @Test
    void drawsTwoNormalsEveryDayWhateverItsParameters() {
        // Common random numbers across scenarios: the number of draws never depends on parameters.
        for (CentralBankSpec s : new CentralBankSpec[] {spec(0, 0, Set.of()), spec(150, 40, Set.of()),
            spec(150, 40, Set.of(java.time.DayOfWeek.TUESDAY))}) {
            Counting a = new Counting();
            Counting b = new Counting();
            CentralBank cb = bank(s, a, b, 10);
            for (int t = 0; t < 10; t++) {
                cb.settleOperations(t);
                CentralBankView v = cb.view(t, 50, t % 3);
                cb.operate(v, 0);
                cb.close(1.40, 1.40);
            }
            assertEquals(10, a.draws);
            assertEquals(10, b.draws);
        }
    }

    @Test
    void itsForecastIsItsBooksPlusTheFlowsPlusAnErrorThatDoesNotPersist() {
        Counting a = new Counting();
        Counting b = new Counting();
        CentralBank cb = bank(spec(100, 0, Set.of()), a, b, 5);
        cb.settleOperations(0);
        CentralBankView v = cb.view(0, 50, 0);
        // Books: reserves 900 at the open; error 0.7 · (100 + 0.1 · 50).
        assertEquals(900 + 50 + 0.7 * 105, v.forecastSupplyBn(), 1e-9);
        cb.operate(v, 0);
        cb.close(1.40, 1.40);
        CentralBankView next = cb.view(1, -20, 0);
        // Yesterday's error is gone: today's forecast carries only today's draw on today's flow.
        assertEquals(-20 + 0.7 * (100 + 0.1 * 20), next.forecastFlowBn(), 1e-9);
    }
}
