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
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void itRemitsTheProfitOnItsRemittanceDayOnlyAndRollsMaturingMlfOnTheLastTerms() {
        ScheduledOperation mlf = new ScheduledOperation(1, Facility.MLF, 3, 100, 2.0, ScheduledOperation.Pricing.UNIFORM, Double.NaN);
        CentralBankSpec s = new CentralBankSpec(new ReactionRule.ForecastNeutral(0), 7, 0, 0, 0, true, 0.2, 100, Double.NaN,
                0, 0, Set.of(), new Toolkit(java.util.List.of(mlf), 0.5, 0, null, new int[] {5}));
        CentralBank cb = bank(s, new Counting(), new Counting(), 10);
        cb.settleOperations(0);
        assertEquals(0, cb.operationsToday(0).size());
        cb.settleOperations(1);
        java.util.List<ScheduledOperation> day1 = cb.operationsToday(1);
        assertEquals(java.util.List.of(mlf), day1);
        cb.book(Facility.MLF, 4, 100, 100 * 2.0 / 100 * 3 / 365);
        for (int t = 2; t <= 4; t++) {
            cb.settleOperations(t);
            java.util.List<ScheduledOperation> today = cb.operationsToday(t);
            if (t < 4) {
                assertEquals(0, today.size(), "nothing announced or maturing on day " + t);
            } else {
                // Half of the 100bn maturing is offered again, on the last MLF's terms (3 days, 2.0%, single price).
                assertEquals(1, today.size());
                assertEquals(mlf.rolled(4, 50), today.get(0));
                assertEquals(100 + 100 * 2.0 / 100 * 3 / 365, cb.settledBn(Facility.MLF), 1e-12);
            }
        }
        double equity = cb.books().equityBn();
        double gov = cb.books().govDepositsBn();
        assertEquals(0, cb.remitProfitIfDue(4), 1e-12, "not a remittance day");
        double remitted = cb.remitProfitIfDue(5);
        assertTrue(remitted > 0, "the MLF's interest is profit");
        assertEquals(equity - remitted, cb.books().equityBn(), 1e-12);
        assertEquals(gov + remitted, cb.books().govDepositsBn(), 1e-12);
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
