package io.corridorsim.model;

import io.corridorsim.montecarlo.StoredPaths;
import io.corridorsim.TestScenarios;
import io.corridorsim.bank.BankProfile;
import io.corridorsim.market.ShockFamily;
import io.corridorsim.montecarlo.MonteCarlo;
import io.corridorsim.montecarlo.RunResult;
import io.corridorsim.montecarlo.Seasonality;
import io.corridorsim.montecarlo.Statistics;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DOMAIN §3.3 and §6.4: the central bank decides from its view and learns; dealers bid from
 * their own demand; each mechanism is switched off or broken and seen to matter.
 */
class CentralBankMechanismTest {

    private static double[] after(RunResult r, Metric m, int from) {
        double[][] v = r.values(m);
        return StoredPaths.flatten(Arrays.copyOfRange(v, from, v.length));
    }

    @Test
    void sameViewSameOperationWhateverTheBanksWantToday() {
        // Two economies alike until the first month end, where banks of one add a precautionary
        // buffer the central bank has no prior of. Its view that morning is the same in both, so
        // its operation is the same to the last bit; the market's rate is not.
        String[] common = {"precautionary.month_end_days=1", "precautionary.month_end_intensity=1",
            "precautionary.quarter_end_days=0"};
        String[] buffered = Arrays.copyOf(common, common.length + 3);
        buffered[common.length] = "banks.groups[0].buffer_pct_of_required=20";
        buffered[common.length + 1] = "banks.groups[1].buffer_pct_of_required=20";
        buffered[common.length + 2] = "banks.groups[2].buffer_pct_of_required=20";
        ModelSpec plain = TestScenarios.small(common);
        ModelSpec wanting = TestScenarios.small(buffered);
        int monthEnd = 0;
        while (plain.precaution(monthEnd) == 0) {
            monthEnd++;
        }
        RunResult a = RunResult.simulate(plain, 3, 9, 1, d -> { });
        RunResult b = RunResult.simulate(wanting, 3, 9, 1, d -> { });
        for (int p = 0; p < 3; p++) {
            assertEquals(a.value(Metric.OMO_INJECTION_BN, monthEnd, p), b.value(Metric.OMO_INJECTION_BN, monthEnd, p), 0,
                    "the operation on the month end depends only on the central bank's view");
            assertTrue(b.value(Metric.DR001, monthEnd, p) > a.value(Metric.DR001, monthEnd, p) + 0.05,
                    "banks that want more pay more: " + b.value(Metric.DR001, monthEnd, p) + " vs " + a.value(Metric.DR001, monthEnd, p));
        }
    }

    /**
     * A permanent step in demand the central bank cannot see (a precautionary buffer it has no
     * prior of, from day 40 on). In its demand model's own units the rate's deviation from target
     * decays by (1 − gain) a day, so its half-life is ln 2 / −ln(1 − gain) ≈ ln 2 / gain.
     */
    @Test
    void afterAnUnseenStepInDemandTheRateReturnsWithTheHalfLifeTheGainImplies() {
        double gain = 0.1;
        double halfLife = measuredHalfLife(gain);
        assertEquals(Math.log(2) / -Math.log(1 - gain), halfLife, 0.05 * halfLife);
        assertEquals(Math.log(2) / gain, halfLife, 0.1 * halfLife);
        assertEquals(Math.log(2) / -Math.log(1 - 0.3), measuredHalfLife(0.3), 0.1);
        // The gain ignored (no learning): the deviation never decays.
        assertTrue(Double.isInfinite(measuredHalfLife(0)));
    }

    private static double measuredHalfLife(double gain) {
        double[] withStep = deviations(gain, 40);
        double[] without = deviations(gain, Integer.MAX_VALUE);
        // The central bank's learning is linear in its model's units: the step's own response is the difference.
        double[] dev = new double[withStep.length];
        for (int t = 0; t < dev.length; t++) {
            dev[t] = withStep[t] - without[t];
        }
        assertEquals(0, dev[39], 1e-9, "nothing differs before the step");
        assertTrue(dev[40] > 0.3, "the step puts the rate off target: " + dev[40]);
        for (int t = 41; t < dev.length; t++) {
            if (dev[t] <= dev[40] / 2) {
                // Log-linear interpolation between the last day above half and the first below.
                double a = Math.log(dev[t - 1] / dev[40]);
                double b = Math.log(dev[t] / dev[40]);
                return (t - 41) + (Math.log(0.5) - a) / (b - a);
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Per day, the overnight rate's standardised deviation from target, with a step in demand from day {@code stepDay} on. */
    private static double[] deviations(double gain, int stepDay) {
        String[] sets = {"days=100", "central_bank.forecast_error_sd_bn=0", "central_bank.learning.gain=" + gain,
            "central_bank.allow_drain=true", "banks.groups[0].buffer_pct_of_required=5",
            "banks.groups[1].buffer_pct_of_required=5", "banks.groups[2].buffer_pct_of_required=5"};
        ModelSpec base = TestScenarios.small(sets);
        double sumSigmaSq = base.banks().stream().mapToDouble(b -> b.shockSigmaBn() * b.shockSigmaBn()).sum();
        // An aggregate surprise of variance Σσ² gives each bank exactly σ_i: the central bank's slope is then right.
        String[] exactSets = Arrays.copyOf(sets, sets.length + 1);
        exactSets[sets.length] = "autonomous.surprise_sd_bn=" + Math.sqrt(sumSigmaSq);
        ModelSpec exact = TestScenarios.small(exactSets);
        double[] step = new double[exact.days()];
        if (stepDay < step.length) {
            Arrays.fill(step, stepDay, step.length, 1.0);
        }
        ModelSpec spec = new ModelSpec(exact.name(), exact.timeline(), exact.banks(), exact.family(), exact.rates(),
                exact.centralBank(), exact.flows(), exact.averaging(), exact.initial(), exact.market(), exact.term(), step,
                exact.rrrChanges());
        RunResult r = RunResult.simulate(spec, 1, 5, 1, d -> { });
        double f = spec.rates().floorPct(0);
        double c = spec.rates().ceilingPct(0);
        double target = ShockFamily.normal().quantile((1.40 - f) / (c - f));
        double[] dev = new double[spec.days()];
        for (int t = 0; t < dev.length; t++) {
            dev[t] = ShockFamily.normal().quantile((r.value(Metric.DR001, t, 0) - f) / (c - f)) - target;
        }
        return dev;
    }

    @Test
    void fullAllotmentNeverDrainsAndDealersBidOnlyAboveTheirCost() {
        // Opening in a deep surplus: under full allotment nothing can drain; maturities run off.
        RunResult r = RunResult.simulate(TestScenarios.small("central_bank.rule=full_allotment", "central_bank.allow_drain=true",
                "initial.excess_reserves_bn=2500", "central_bank.collateral_cost_bp=5"), 5, 4, 1, d -> { });
        for (double q : StoredPaths.flatten(r.values(Metric.OMO_INJECTION_BN))) {
            assertTrue(q >= 0, "full allotment drained " + q);
        }
        for (int t = 0; t < r.days(); t++) {
            for (int p = 0; p < r.paths(); p++) {
                assertEquals(r.value(Metric.OMO_BIDS_BN, t, p), r.value(Metric.OMO_INJECTION_BN, t, p), 1e-9, "every bid is filled");
            }
        }
        assertTrue(r.value(Metric.DR001, 0, 0) < 1.2, "the surplus pushes the rate down at first");
        assertTrue(r.value(Metric.OMO_OUTSTANDING_BN, 10, 0) < 100, "and no dealer bids while money is cheaper in the market");
    }

    @Test
    void dealersCollateralCostSetsTheFullAllotmentRate() {
        // Dealers bid for reserves they value above policy + their collateral cost: a higher cost, a higher rate.
        double previous = Double.NEGATIVE_INFINITY;
        for (int cost : new int[] {0, 10, 25}) {
            RunResult r = RunResult.simulate(TestScenarios.small("central_bank.rule=full_allotment",
                    "central_bank.collateral_cost_bp=" + cost, "initial.excess_reserves_bn=0"), 10, 6, 1, d -> { });
            double mean = Statistics.mean(after(r, Metric.DR001, 10));
            assertTrue(mean > previous + 0.03, "cost " + cost + "bp: mean DR001 " + mean + " after " + previous);
            assertTrue(Math.abs(mean - (1.40 + cost / 100.0)) < 0.2, "the rate sits near policy + cost: " + mean);
            previous = mean;
        }
    }

    @Test
    void fullAllotmentAndQuantitySetGiveDifferentRatesForTheSameShocks() {
        Path file = Path.of("models", "reference.yaml");
        ScenarioLoader loader = new ScenarioLoader();
        ModelSpec fa = ScenarioCompiler.compile(loader.load(file, List.of("central_bank.rule=full_allotment",
                "central_bank.collateral_cost_bp=5", "days=120")), file);
        ModelSpec qs = ScenarioCompiler.compile(loader.load(file, List.of("central_bank.rule=quantity_set",
                "central_bank.collateral_cost_bp=5", "days=120")), file);
        RunResult a = RunResult.simulate(fa, 12, 3, 2, d -> { });
        RunResult b = RunResult.simulate(qs, 12, 3, 2, d -> { });
        double sdA = Statistics.sd(after(a, Metric.DR001, 20));
        double sdB = Statistics.sd(after(b, Metric.DR001, 20));
        double meanA = Statistics.mean(after(a, Metric.DR001, 20));
        double meanB = Statistics.mean(after(b, Metric.DR001, 20));
        double seA = StoredPaths.mcse(Arrays.copyOfRange(a.values(Metric.DR001), 20, a.days()));
        double seB = StoredPaths.mcse(Arrays.copyOfRange(b.values(Metric.DR001), 20, b.days()));
        boolean meansDiffer = Math.abs(meanA - meanB) > 3 * Math.hypot(seA, seB);
        boolean sdsDiffer = Math.abs(sdA - sdB) > 0.25 * Math.min(sdA, sdB);
        assertTrue(meansDiffer || sdsDiffer, "full allotment " + meanA + " ± " + sdA + " vs quantity set " + meanB + " ± " + sdB);
        assertNotEquals(Arrays.deepToString(a.values(Metric.OMO_INJECTION_BN)), Arrays.deepToString(b.values(Metric.OMO_INJECTION_BN)));
    }

    @Test
    void withoutForecastErrorsRatesStillVaryAcrossPathsAndTheCalendarShows() {
        Path file = Path.of("models", "pboc-2017.yaml");
        ModelSpec spec = ScenarioCompiler.compile(new ScenarioLoader().load(file,
                List.of("central_bank.forecast_error_sd_bn=0", "central_bank.forecast_error_share_of_flow=0")), file);
        RunResult r = RunResult.simulate(spec, 16, 2017, 2, d -> { });
        double[][] v = r.values(Metric.DR001);
        int varying = 0;
        for (double[] day : v) {
            if (Statistics.sd(day) > 0.001) {
                varying++;
            }
        }
        // What still moves rates apart: its misjudged prior of assessment-date demand, and banks'
        // period positions where the daily minimum binds. Without the prior's error, far fewer days vary.
        assertTrue(varying > 0.1 * v.length, "DR001 differs across paths on " + varying + " of " + v.length + " days");
        double[] policy = new double[spec.days()];
        for (int t = 0; t < policy.length; t++) {
            policy[t] = spec.rates().policyPct(t);
        }
        List<Seasonality.Row> rows = Seasonality.of(r.values(Metric.DR007), policy, spec.timeline());
        Seasonality.Row all = rows.get(0);
        long standingOut = rows.stream().skip(1).filter(row -> row.businessDays() > 0
                && Math.abs(row.meanSpreadBp() - all.meanSpreadBp()) > 3 * Math.hypot(row.seBp(), all.seBp()) + 1).count();
        assertTrue(standingOut >= 3, "calendar windows that stand out from the year: " + standingOut + " in " + rows);
    }
}
