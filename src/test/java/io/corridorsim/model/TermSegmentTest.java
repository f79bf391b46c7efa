package io.corridorsim.model;

import io.corridorsim.calendar.Timeline;
import io.corridorsim.montecarlo.MonteCarlo;
import io.corridorsim.montecarlo.RunResult;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The traded 7-day segment (DOMAIN §5, docs/term-segment.md): the expectations hypothesis where
 * it is exact, the martingale inside a maintenance period, the directions the derivation gives for
 * the date cost κ and the shut-out probability π, the corridor, and the quarter-end premium.
 */
class TermSegmentTest {

    private static final Path REFERENCE = Path.of("models", "reference.yaml");
    private static final Path PBOC_2017 = Path.of("models", "pboc-2017.yaml");

    static ModelSpec compile(Path file, String... sets) {
        return ScenarioCompiler.compile(new ScenarioLoader().load(file, List.of(sets)), file);
    }

    private static String frictions(double monthBp, double quarterBp, double pi) {
        return "market.frictions={month_end_cost_bp: " + monthBp + ", quarter_end_cost_bp: " + quarterBp
                + ", shut_out_probability: " + pi + "}";
    }

    /** DR001 compounded over the nights of a 7-day loan made on day t, annualised; NaN if they run past the run. */
    static double realisedCompounded(RunResult r, int t, int path) {
        Timeline tl = r.spec().timeline();
        int maturity = tl.maturityIndex(t, r.spec().term().tenorDays());
        if (maturity >= tl.size()) {
            return Double.NaN;
        }
        int days = (int) (tl.date(maturity).toEpochDay() - tl.date(t).toEpochDay());
        double growth = 1;
        for (int k = t; k < maturity; k++) {
            growth *= 1 + r.value(Metric.DR001, k, path) / 100.0 * tl.accrualDays(k) / 365.0;
        }
        return (growth - 1) * 36500.0 / days;
    }

    /**
     * At π = 0 DR007 is the expected compounded DR001 over the loan's nights (the expectations
     * hypothesis): by days to month end, the mean error against what DR001 then did is about 0,
     * and across those groups the realised rate moves one for one with DR007. With date costs on,
     * DR007 varies strongly with the month end; the hypothesis still holds.
     */
    @Test
    void expectationsHypothesisHoldsByDaysToMonthEndWithAndWithoutDateCosts() {
        for (String f : new String[] {frictions(0, 0, 0), frictions(0.3, 1.0, 0)}) {
            ModelSpec spec = compile(REFERENCE, f);
            RunResult r = RunResult.simulate(spec, 30, 7, 2, d -> { });
            Timeline tl = spec.timeline();
            int groups = 23;
            double[] sumDr007 = new double[groups];
            double[] sumReal = new double[groups];
            double[] sumErr2 = new double[groups];
            int[] count = new int[groups];
            for (int t = 5; t < tl.size(); t++) {
                int g = Math.min(groups - 1, tl.businessDaysToMonthEnd(t));
                for (int p = 0; p < r.paths(); p++) {
                    double real = realisedCompounded(r, t, p);
                    double dr007 = r.value(Metric.DR007, t, p);
                    if (Double.isNaN(real) || Double.isNaN(dr007)) {
                        continue;
                    }
                    sumDr007[g] += dr007;
                    sumReal[g] += real;
                    sumErr2[g] += (dr007 - real) * (dr007 - real);
                    count[g]++;
                }
            }
            List<double[]> points = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                if (count[g] < 200) {
                    continue;
                }
                double meanErrBp = 100 * (sumDr007[g] - sumReal[g]) / count[g];
                double rmsBp = 100 * Math.sqrt(sumErr2[g] / count[g]);
                assertTrue(Math.abs(meanErrBp) < 3 + 3 * rmsBp / Math.sqrt(count[g] / 5.0),
                        f + ": mean error " + meanErrBp + "bp at " + g + " business days to month end");
                points.add(new double[] {sumDr007[g] / count[g], sumReal[g] / count[g]});
            }
            assertTrue(points.size() >= 15, "too few groups");
            if (f.contains("month_end_cost_bp: 0.3")) {
                // Only the date cost makes DR007 vary by days to month end; then the slope is defined.
                double slope = slope(points);
                assertTrue(slope > 0.8 && slope < 1.2, f + ": slope of realised on DR007 across groups " + slope);
            }
        }
    }

    /** OLS slope of y on x (Commons Math). */
    private static double slope(List<double[]> xy) {
        org.apache.commons.math3.stat.regression.SimpleRegression r = new org.apache.commons.math3.stat.regression.SimpleRegression();
        for (double[] p : xy) {
            r.addData(p[0], p[1]);
        }
        return r.getSlope();
    }

    /**
     * Under averaging, with no date cost and no shut-outs, a 7-day loan whose nights all lie in
     * today's maintenance period prices at today's overnight rate compounded over them: DR007
     * equals DR001 to within the compounding (below 0.1bp). A date cost inside the loan breaks it.
     */
    @Test
    void insideOnePeriodWithoutDateCostsDr007EqualsDr001() {
        ModelSpec spec = compile(PBOC_2017, frictions(0, 0, 0), "days=120");
        RunResult r = RunResult.simulate(spec, 3, 11, 1, d -> { });
        Timeline tl = spec.timeline();
        int checked = 0;
        for (int t = 0; t < tl.size(); t++) {
            int maturity = tl.maturityIndex(t, 7);
            if (maturity >= tl.size() || tl.maintenancePeriod(maturity - 1) != tl.maintenancePeriod(t)) {
                continue;
            }
            for (int p = 0; p < r.paths(); p++) {
                double d1 = r.value(Metric.DR001, t, p);
                double d7 = r.value(Metric.DR007, t, p);
                assertEquals(d1, d7, 0.001, "day " + tl.date(t) + " path " + p);
                checked++;
            }
        }
        assertTrue(checked > 30, "only " + checked + " loans inside one period");
        ModelSpec withCost = compile(PBOC_2017, frictions(0.3, 1.0, 0), "days=120");
        RunResult c = RunResult.simulate(withCost, 1, 11, 1, d -> { });
        double worst = 0;
        for (int t = 0; t < tl.size(); t++) {
            int maturity = tl.maturityIndex(t, 7);
            if (maturity < tl.size() && tl.maintenancePeriod(maturity - 1) == tl.maintenancePeriod(t) && tl.spansMonthEnd(t, 7)) {
                worst = Math.max(worst, c.value(Metric.DR007, t, 0) - c.value(Metric.DR001, t, 0));
            }
        }
        assertTrue(worst > 0.03, "a month-end date cost inside the loan should lift DR007 over DR001, got " + worst);
    }

    private static double mean(RunResult r, Metric m, IntPredicate days) {
        double s = 0;
        int n = 0;
        for (int t = 0; t < r.days(); t++) {
            if (!days.test(t)) {
                continue;
            }
            for (int p = 0; p < r.paths(); p++) {
                double v = r.value(m, t, p);
                if (!Double.isNaN(v)) {
                    s += v;
                    n++;
                }
            }
        }
        return s / n;
    }

    /**
     * The shut-out probability π: the term premium DR007 − r̄ is πθ, so mean DR007 − DR001 rises
     * with π; borrowers shut out cannot roll their 7-day loans, so the 7-day volume falls, and
     * they go to the SLF, so its use rises.
     */
    @Test
    void raisingTheShutOutProbabilityRaisesTheTermSpreadAndTheSlfAndCutsTermVolume() {
        double[] pis = {0, 0.05, 0.15};
        double[] spread = new double[3];
        double[] volume = new double[3];
        double[] slf = new double[3];
        for (int k = 0; k < 3; k++) {
            RunResult r = RunResult.simulate(compile(REFERENCE, frictions(0, 0, pis[k]), "days=120"), 8, 3, 2, d -> { });
            spread[k] = mean(r, Metric.DR007, t -> true) - mean(r, Metric.DR001, t -> true);
            volume[k] = mean(r, Metric.VOLUME_7D_BN, t -> true);
            slf[k] = mean(r, Metric.SLF_BN, t -> true);
        }
        for (int k = 1; k < 3; k++) {
            assertTrue(spread[k] > spread[k - 1] + 0.005, "DR007 − DR001 by π: " + java.util.Arrays.toString(spread));
            assertTrue(volume[k] < volume[k - 1], "7-day volume by π: " + java.util.Arrays.toString(volume));
            assertTrue(slf[k] > slf[k - 1], "SLF by π: " + java.util.Arrays.toString(slf));
        }
    }

    /**
     * The date cost κ: on the days whose overnight loans span a quarter end, lenders keep only
     * r − κ·365/nights, so DR001 rises, the banks inside the inaction band trade less (interbank
     * volume falls) and those short at the close go to the SLF instead; DR007 on
     * the loans that span it rises through the expected overnight rates; on days whose loans
     * span no date nothing moves.
     */
    @Test
    void raisingTheQuarterEndCostLiftsRatesOnTheLoansThatSpanItCutsVolumeAndSendsBanksToTheSlf() {
        double[] kappas = {0, 0.15, 0.3};
        double[] onWedge = new double[3];
        double[] volWedge = new double[3];
        double[] slfWedge = new double[3];
        double[] termSpan = new double[3];
        double[] termOther = new double[3];
        ModelSpec base = compile(REFERENCE, "days=130");
        Timeline tl = base.timeline();
        IntPredicate wedge = t -> tl.spansQuarterEnd(t, 1);
        IntPredicate span = t -> tl.spansQuarterEnd(t, 7) && !tl.spansQuarterEnd(t, 1);
        IntPredicate other = t -> !tl.spansQuarterEnd(t, 7) && !tl.spansMonthEnd(t, 7);
        for (int k = 0; k < 3; k++) {
            RunResult r = RunResult.simulate(compile(REFERENCE, frictions(0, kappas[k], 0), "days=130"), 8, 5, 2, d -> { });
            onWedge[k] = mean(r, Metric.DR001, wedge);
            volWedge[k] = mean(r, Metric.INTERBANK_VOLUME_BN, wedge);
            slfWedge[k] = mean(r, Metric.SLF_BN, wedge);
            termSpan[k] = mean(r, Metric.DR007, span);
            termOther[k] = mean(r, Metric.DR007, other);
        }
        for (int k = 1; k < 3; k++) {
            assertTrue(onWedge[k] > onWedge[k - 1] + 0.05, "DR001 on the quarter-end night by κ: " + java.util.Arrays.toString(onWedge));
            assertTrue(volWedge[k] < volWedge[k - 1], "interbank volume on the quarter-end night by κ: " + java.util.Arrays.toString(volWedge));
            assertTrue(slfWedge[k] > slfWedge[k - 1], "SLF on the quarter-end night by κ: " + java.util.Arrays.toString(slfWedge));
            assertTrue(termSpan[k] > termSpan[k - 1] + 0.02, "DR007 on loans spanning the quarter end by κ: " + java.util.Arrays.toString(termSpan));
            assertEquals(termOther[0], termOther[k], 0.01, "DR007 on loans spanning no date should not move with κ");
        }
    }

    /**
     * The quarter-end premium (DR007 − policy) appears about a week before the date, peaks on the
     * loans that span it, and vanishes after, with no parameter that targets it; switching the
     * date cost off removes it.
     */
    @Test
    void theQuarterEndPremiumComesFromTheDateCostAndHasItsShape() {
        double[] on = premiumAroundQuarterEnds(compile(PBOC_2017, "days=130"));
        double[] off = premiumAroundQuarterEnds(compile(PBOC_2017, frictions(0.1, 0, 0.05), "days=130"));
        // on[0]: 10–15 business days before; on[1]: the loans spanning it; on[2]: 3–8 business days after.
        assertTrue(on[1] > on[0] + 5, "spanning " + on[1] + "bp vs two weeks before " + on[0]);
        assertTrue(on[1] > on[2] + 5, "spanning " + on[1] + "bp vs the week after " + on[2]);
        assertTrue(Math.abs(on[2] - on[0]) < 6, "after " + on[2] + " vs before " + on[0]);
        assertTrue(off[1] - off[0] < (on[1] - on[0]) / 2, "without the quarter-end cost the premium should mostly go: "
                + (off[1] - off[0]) + " vs " + (on[1] - on[0]));
    }

    private static double[] premiumAroundQuarterEnds(ModelSpec spec) {
        RunResult r = RunResult.simulate(spec, 8, 21, 2, d -> { });
        Timeline tl = spec.timeline();
        double[] sum = new double[3];
        int[] n = new int[3];
        for (int t = 0; t < tl.size(); t++) {
            int toQe = tl.businessDaysToQuarterEnd(t);
            int bucket = tl.spansQuarterEnd(t, 7) ? 1 : toQe >= 10 && toQe <= 15 ? 0 : -1;
            if (bucket < 0 && t >= 3 && tl.spansQuarterEnd(t - 3, 1)) {
                bucket = -1;
            }
            for (int back = 3; back <= 8 && bucket < 0; back++) {
                if (t - back >= 0 && tl.spansQuarterEnd(t - back, 1) && !tl.spansQuarterEnd(t - back + 1, 1)) {
                    bucket = 2;
                }
            }
            if (bucket < 0) {
                continue;
            }
            for (int p = 0; p < r.paths(); p++) {
                double v = r.value(Metric.DR007, t, p);
                if (!Double.isNaN(v)) {
                    sum[bucket] += 100 * (v - spec.rates().policyPct(t));
                    n[bucket]++;
                }
            }
        }
        return new double[] {sum[0] / n[0], sum[1] / n[1], sum[2] / n[2]};
    }

    /**
     * Outside averaging, banks learn how long an overnight deviation lasts from the fixings: two
     * economies that differ only in the banks' prior persistence (0 and 1) price DR007 alike once
     * a few weeks of fixings are in, while in the first days they differ.
     */
    @Test
    void banksLearnThePersistenceOfOvernightDeviationsFromTheFixings() {
        RunResult low = RunResult.simulate(compile(REFERENCE, "market.term={enabled: true, tenor_days: 7, persistence: 0.0}",
                "days=120"), 6, 13, 2, d -> { });
        RunResult high = RunResult.simulate(compile(REFERENCE, "market.term={enabled: true, tenor_days: 7, persistence: 1.0}",
                "days=120"), 6, 13, 2, d -> { });
        double early = 0;
        double late = 0;
        for (int p = 0; p < low.paths(); p++) {
            for (int t = 1; t < 6; t++) {
                early += Math.abs(low.value(Metric.DR007, t, p) - high.value(Metric.DR007, t, p));
            }
            for (int t = 60; t < 120; t++) {
                late += Math.abs(low.value(Metric.DR007, t, p) - high.value(Metric.DR007, t, p)) / 12;
            }
        }
        assertTrue(early > 0.01, "the priors should matter at first: " + early);
        assertTrue(late < early / 5, "after learning the priors should not matter: early " + early + ", late " + late);
    }

    /** Every traded DR007 lies in the 7-day corridor, and 7-day trades happen and are booked. */
    @Test
    void dr007StaysInsideTheSevenDayCorridorAndSevenDayLoansAreBooked() {
        ModelSpec spec = compile(PBOC_2017, "days=130");
        RunResult r = RunResult.simulate(spec, 6, 9, 2, d -> { });
        int traded = 0;
        for (int t = 0; t < r.days(); t++) {
            for (int p = 0; p < r.paths(); p++) {
                double v = r.value(Metric.DR007, t, p);
                if (Double.isNaN(v)) {
                    assertTrue(r.value(Metric.DR007_EMPTY_REASON, t, p) > 0, "an empty DR007 must say why");
                    continue;
                }
                traded++;
                assertTrue(v >= spec.rates().floorPct(t) && v <= spec.rates().ceiling7dPct(t), "DR007 " + v + " on day " + t);
                assertTrue(r.value(Metric.VOLUME_7D_BN, t, p) > 0, "a DR007 without 7-day volume on day " + t);
            }
        }
        assertTrue(traded > 0.95 * r.days() * r.paths(), "7-day trades on only " + traded + " path-days");

        // One path by hand: the ladder holds the 7-day loans, they net to zero and are repaid on their day.
        CorridorModel model = new CorridorModel(spec, 0, PathStreams.of(io.corridorsim.montecarlo.PathSeeds.streams(1, 1)[0]),
                (m, t, v) -> { });
        model.start();
        for (int k = 0; k < 10; k++) {
            model.schedule.step(model);
        }
        var ladder = model.banks().ladder();
        double gross = 0;
        double net = 0;
        for (int i = 0; i < model.banks().size(); i++) {
            double x = ladder.bankOutstandingBn(io.corridorsim.bank.MaturityLadder.Instrument.INTERBANK_TERM, i);
            gross += Math.abs(x);
            net += x;
        }
        assertTrue(gross > 100, "7-day loans outstanding on the ladder: " + gross + " bn");
        assertEquals(0, net, 1e-6 * gross);
        assertEquals(ladder.ladderSumBn(io.corridorsim.bank.MaturityLadder.Instrument.INTERBANK_TERM),
                ladder.outstandingBn(io.corridorsim.bank.MaturityLadder.Instrument.INTERBANK_TERM), 1e-6);
    }
}
