package io.corridorsim.model;

import io.corridorsim.calendar.DayFlags;
import io.corridorsim.calendar.Timeline;
import io.corridorsim.flows.FlowSchedule;
import io.corridorsim.montecarlo.MonteCarlo;
import io.corridorsim.montecarlo.RunResult;
import io.corridorsim.montecarlo.SpreadStatistics;
import io.corridorsim.montecarlo.Statistics;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOMAIN §3.4 and §3.1: the calendar mechanisms move reserves and rates the way a rates desk expects. */
class CalendarMechanismsTest {

    private static final Path PBOC_2017 = Path.of("models", "pboc-2017.yaml");
    private static final Path PBOC_2025 = Path.of("models", "pboc-2025.yaml");

    static ModelSpec compile(Path file, String... sets) {
        return ScenarioCompiler.compile(new ScenarioLoader().load(file, List.of(sets)), file);
    }

    private static double meanOver(Timeline tl, double[] x, IntPredicate in) {
        double s = 0;
        int n = 0;
        for (int t = 0; t < tl.size(); t++) {
            if (in.test(t)) {
                s += x[t];
                n++;
            }
        }
        assertTrue(n > 0, "no days in the window");
        return s / n;
    }

    @Test
    void eachAutonomousFactorDrainsOrAddsOnItsDays() {
        ModelSpec spec = compile(PBOC_2017);
        Timeline tl = spec.timeline();
        FlowSchedule f = spec.flows();
        double[] gov = new double[tl.size()];
        double[] cur = new double[tl.size()];
        for (int t = 0; t < tl.size(); t++) {
            gov[t] = f.govBn(t);
            cur[t] = f.currencyBn(t);
        }
        // Taxes: government deposits rise (reserves drain) most in the days up to the deadline.
        double taxWindow = meanOver(tl, gov, t -> tl.taxDaysAhead(t) >= 0 && tl.taxDaysAhead(t) < 3);
        double midMonth = meanOver(tl, gov, t -> tl.taxDaysAhead(t) >= 5 && tl.businessDaysToMonthEnd(t) >= 5);
        assertTrue(taxWindow > midMonth + 100, "tax window drain " + taxWindow + " vs other days " + midMonth);
        // Fiscal spending: government deposits fall at month end, most in December.
        double monthEnd = meanOver(tl, gov, t -> tl.businessDaysToMonthEnd(t) < 3);
        assertTrue(monthEnd < -200, "month-end spending " + monthEnd);
        double decEnd = meanOver(tl, gov, t -> tl.date(t).getMonthValue() == 12 && tl.businessDaysToMonthEnd(t) < 3);
        assertTrue(decEnd < 2 * monthEnd, "December spending " + decEnd + " vs average month end " + monthEnd);
        // Currency: drains before the Spring Festival, flows back after it.
        double before = meanOver(tl, cur, t -> tl.businessDaysToSpringFestival(t) < 0 && tl.businessDaysToSpringFestival(t) >= -10);
        double after = meanOver(tl, cur, t -> tl.businessDaysToSpringFestival(t) > 0 && tl.businessDaysToSpringFestival(t) <= 10);
        assertTrue(before > 80 && after < -40, "cash drain " + before + ", return " + after);
        // Deposits swell into quarter ends: the requirement basis on the first payment date after is higher.
        int jul5 = tl.indexOnOrAfter(LocalDate.of(2017, 7, 5));
        int jun15 = tl.indexOnOrAfter(LocalDate.of(2017, 6, 15));
        assertTrue(f.requirementReset(jul5) && f.depositFactor(jul5) > f.depositFactor(jun15));
    }

    @Test
    void reservesMoveWithTheFactorsWhenTheCentralBankStandsAside() {
        // No operations, no surprises, ample reserves: excess reserves follow the calendar alone.
        ModelSpec spec = compile(PBOC_2017, "central_bank.rule=excess_reserve_target", "central_bank.excess_reserve_target_bn=-1e7",
                "central_bank.allow_drain=false", "initial.omo_outstanding_bn=0", "initial.excess_reserves_bn=20000",
                "autonomous.surprise_sd_bn=0", "autonomous.surprise_share_of_flow=0", "corridor.required_remuneration_pct=0",
                "corridor.floor_pct=0.0001", "averaging.enabled=false");
        RunResult r = RunResult.simulate(spec, 1, 1, 1, d -> { });
        Timeline tl = spec.timeline();
        double[] dEr = new double[tl.size()];
        for (int t = 1; t < tl.size(); t++) {
            dEr[t] = r.value(Metric.EXCESS_RESERVES_BN, t, 0) - r.value(Metric.EXCESS_RESERVES_BN, t - 1, 0)
                    + (r.value(Metric.REQUIRED_BN, t, 0) - r.value(Metric.REQUIRED_BN, t - 1, 0));
        }
        double sfDrain = meanOver(tl, dEr, t -> t > 0 && tl.businessDaysToSpringFestival(t) < 0 && tl.businessDaysToSpringFestival(t) >= -10);
        double sfReturn = meanOver(tl, dEr, t -> tl.businessDaysToSpringFestival(t) > 0 && tl.businessDaysToSpringFestival(t) <= 10);
        double tax = meanOver(tl, dEr, t -> t > 0 && tl.taxDaysAhead(t) >= 0 && tl.taxDaysAhead(t) < 3);
        double monthEnd = meanOver(tl, dEr, t -> t > 0 && tl.businessDaysToMonthEnd(t) < 3 && tl.taxDaysAhead(t) > 3);
        assertTrue(sfDrain < -50, "reserves fall before the festival: " + sfDrain);
        assertTrue(sfReturn > 0, "and come back after: " + sfReturn);
        assertTrue(tax < -200, "tax days drain: " + tax);
        assertTrue(monthEnd > 100, "month-end spending adds: " + monthEnd);
        // Required reserves jump on the first payment date after the quarter-end deposit drive.
        int oct = tl.indexOnOrAfter(LocalDate.of(2017, 10, 9));
        assertTrue(r.value(Metric.REQUIRED_BN, oct, 0) > r.value(Metric.REQUIRED_BN, oct - 3, 0));
    }

    @Test
    void averagingCalmsTheRateInsideThePeriodAndMovesTheVarianceToItsLastDay() {
        // Same scenario, same seed, same shocks. Inside a maintenance period a shortfall today can
        // be made up later, so day-to-day changes are smaller with averaging; the pressure goes to
        // the period's last day, where the whole period's position settles.
        ModelSpec on = compile(PBOC_2017, "averaging.enabled=true");
        ModelSpec off = compile(PBOC_2017, "averaging.enabled=false");
        Timeline tl = on.timeline();
        double[][] a = RunResult.simulate(on, 30, 4, 2, d -> { }).values(Metric.DR001);
        double[][] b = RunResult.simulate(off, 30, 4, 2, d -> { }).values(Metric.DR001);
        double insideOn = sdOfChanges(a, tl, false);
        double insideOff = sdOfChanges(b, tl, false);
        assertTrue(insideOn < 0.8 * insideOff, "inside the period: sd of daily changes " + insideOn + " with averaging vs " + insideOff);
        double lastOn = sdOfChanges(a, tl, true);
        double lastOff = sdOfChanges(b, tl, true);
        assertTrue(lastOn / insideOn > 1.5 * (lastOff / insideOff), "the variance moves to the last day: " + lastOn + "/" + insideOn
                + " with averaging vs " + lastOff + "/" + insideOff + " without");
    }

    /** Sd (bp) of DR001 changes into period-end days ({@code lastDay}) or into other days of the same period. */
    private static double sdOfChanges(double[][] dayByPath, Timeline tl, boolean lastDay) {
        double s = 0;
        double s2 = 0;
        int n = 0;
        for (int t = 1; t < tl.size(); t++) {
            if (tl.maintenancePeriod(t) != tl.maintenancePeriod(t - 1) || tl.isPeriodEnd(t) != lastDay) {
                continue;
            }
            for (int p = 0; p < dayByPath[t].length; p++) {
                double d = 100 * (dayByPath[t][p] - dayByPath[t - 1][p]);
                s += d;
                s2 += d * d;
                n++;
            }
        }
        return Math.sqrt(s2 / n - (s / n) * (s / n));
    }

    @Test
    void aLoanAcrossQuarterEndPaysMoreThanOneInsideTheQuarter() {
        ModelSpec spec = compile(PBOC_2017);
        Timeline tl = spec.timeline();
        RunResult r = RunResult.simulate(spec, 40, 9, 2, d -> { });
        double[][] dr007 = r.values(Metric.DR007);
        double[] spread = new double[tl.size()];
        for (int t = 0; t < tl.size(); t++) {
            spread[t] = (Statistics.mean(dr007[t]) - spec.rates().policyPct(t)) * 100;
        }
        // Days whose 7-day loan covers a quarter's last day, against the 5–15 business days before.
        double across = meanOver(tl, spread, t -> tl.spansQuarterEnd(t, 7) && tl.date(t).getMonthValue() % 3 == 0);
        double inside = meanOver(tl, spread, t -> tl.date(t).getMonthValue() % 3 == 0 && !tl.spansQuarterEnd(t, 7)
                && tl.businessDaysToQuarterEnd(t) >= 5 && tl.businessDaysToQuarterEnd(t) <= 15);
        assertTrue(across > inside + 3, "across quarter end " + across + "bp vs inside " + inside + "bp");
    }

    @Test
    void scheduledEventsChangeRatesAndRequirementsOnTheirDates() {
        ModelSpec spec = compile(PBOC_2025);
        Timeline tl = spec.timeline();
        int may8 = tl.indexOnOrAfter(LocalDate.of(2025, 5, 8));
        assertEquals(1.50, spec.rates().policyPct(may8 - 1), 0);
        assertEquals(1.40, spec.rates().policyPct(may8), 0);
        assertEquals(2.25, spec.rates().ceilingPct(may8), 0);
        RunResult r = RunResult.simulate(spec, 1, 3, 1, d -> { });
        int may15 = tl.indexOnOrAfter(LocalDate.of(2025, 5, 15));
        double before = r.value(Metric.REQUIRED_BN, may15 - 1, 0);
        double after = r.value(Metric.REQUIRED_BN, may15, 0);
        // A 0.5pp cut on the deposits of banks above the 5% floor: roughly 0.5% of 200+ trn.
        assertTrue(before - after > 800 && before - after < 1500, "RRR cut released " + (before - after) + " bn");
    }

    @Test
    void theCalendarShowsUpInTheSimulatedRatesWithoutBeingFitted() {
        ModelSpec spec = compile(PBOC_2017);
        RunResult r = RunResult.simulate(spec, 40, 5, 2, d -> { });
        Timeline tl = spec.timeline();
        double[] policy = new double[tl.size()];
        for (int t = 0; t < tl.size(); t++) {
            policy[t] = spec.rates().policyPct(t);
        }
        var rows = io.corridorsim.montecarlo.Seasonality.of(r.values(Metric.DR007), policy, tl);
        double all = rows.get(0).meanSpreadBp();
        double quarterEnd = rows.stream().filter(x -> x.window().equals("quarter_end_last_5")).findFirst().orElseThrow().meanSpreadBp();
        assertTrue(quarterEnd > all + 5, "quarter end " + quarterEnd + " vs all days " + all);
        assertTrue(tl.has(tl.indexOnOrAfter(LocalDate.of(2017, 3, 31)), DayFlags.QUARTER_END));
    }

    @Test
    void aRunThatEndsInsideAMaintenancePeriodDoesNotSettleItOnItsLastDay() {
        // 2017 ends on Friday 12-29 inside the period of 12-25 to 01-04: the last day of the run is
        // not the period's last day, so neither banks nor the central bank squeeze the rest of
        // the period into it (a bug once made that day's operation about 20 trn).
        ModelSpec spec = compile(PBOC_2017);
        RunResult r = RunResult.simulate(spec, 4, 6, 2, d -> { });
        int last = r.days() - 1;
        assertTrue(!spec.timeline().isPeriodEnd(last));
        for (int p = 0; p < r.paths(); p++) {
            double before = r.value(Metric.EXCESS_RESERVES_BN, last - 1, p);
            double at = r.value(Metric.EXCESS_RESERVES_BN, last, p);
            assertTrue(Math.abs(at - before) < 1500, "excess reserves jump from " + before + " to " + at + " bn on the run's last day");
        }
    }
}
