package io.corridorsim.montecarlo;

import io.corridorsim.model.Metric;
import io.corridorsim.model.ModelSpec;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DOMAIN §3.1: in the oracle economy DR001 is a martingale within the maintenance period at the
 * formula's level; each legitimate break shows up where, and only where, it should; an anchor
 * held whatever the supply (the old design) fails.
 */
class AveragingExperimentTest {

    private static final Path FILE = Path.of("models", "poole-averaging.yaml");

    private static List<AveragingExperiment.Row> run(List<String> sets, double... levels) {
        List<Double> l = new ArrayList<>();
        for (double x : levels) {
            l.add(x);
        }
        return AveragingExperiment.run(FILE, sets, new AveragingExperiment.Settings(l, 1500, 11, 2));
    }

    @Test
    void theRateIsAMartingaleAtTheFormulasLevelOnEveryDayOfThePeriod() {
        List<AveragingExperiment.Row> rows = run(List.of(), -15, 0, 15);
        assertTrue(rows.stream().allMatch(AveragingExperiment.Row::passes), rows.toString());
        // The levels span the corridor's interior (10%–90%) and order with supply.
        double f = 0;
        double c = 2.25;
        List<Double> formulas = rows.stream().map(AveragingExperiment.Row::formulaPct).distinct().toList();
        assertTrue(formulas.size() == 3 && formulas.get(0) > formulas.get(1) && formulas.get(1) > formulas.get(2));
        assertTrue(formulas.get(0) < f + 0.9 * (c - f) && formulas.get(2) > f + 0.1 * (c - f), formulas.toString());
        // The variance goes to the end: the across-path sd grows towards the last day.
        AveragingExperiment.Row second = rows.get(1);
        AveragingExperiment.Row last = rows.get(7);
        assertTrue(last.daysToPeriodEnd() == 0 && last.acrossPathSdPct() > second.acrossPathSdPct());
    }

    @Test
    void changesAreUncorrelatedWithTheLevelAndWithCumulativeNews() {
        Path file = FILE;
        ModelSpec spec = ScenarioCompiler.compile(new ScenarioLoader().load(file, List.of("days=8")), file);
        RunResult r = RunResult.simulate(spec, 3000, 5, 2, d -> { });
        double[][] rate = r.values(Metric.DR001);
        double[][] reserves = r.values(Metric.EXCESS_RESERVES_BN);
        List<double[]> pairsLevel = new ArrayList<>();
        List<double[]> pairsNews = new ArrayList<>();
        for (int t = 2; t < rate.length; t++) {
            for (int p = 0; p < rate[t].length; p++) {
                double change = rate[t][p] - rate[t - 1][p];
                pairsLevel.add(new double[] {rate[t - 1][p], change});
                // Excess reserves at the close before yesterday's market: the news yesterday's rate already knew
                // (no operations, nothing reverses). Yesterday's own late news is what today's change is about.
                pairsNews.add(new double[] {reserves[t - 2][p], change});
            }
        }
        double n = pairsLevel.size();
        double bound = 3 / Math.sqrt(n);
        assertTrue(Math.abs(correlation(pairsLevel)) < bound, "corr(change, level) = " + correlation(pairsLevel));
        assertTrue(Math.abs(correlation(pairsNews)) < bound, "corr(change, news) = " + correlation(pairsNews));
    }

    private static double correlation(List<double[]> xy) {
        double mx = 0;
        double my = 0;
        for (double[] p : xy) {
            mx += p[0];
            my += p[1];
        }
        mx /= xy.size();
        my /= xy.size();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : xy) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void anAnchorHeldWhateverTheSupplyFailsTheOracle() {
        // Today's design before this change, as a fixture: the rate tied to a target within the
        // period (here by giving banks near-certainty that a central bank which never operates will
        // steer the last day) and released on the last day: a predictable jump.
        List<AveragingExperiment.Row> rows = run(List.of("averaging.credibility=0.95"), 15);
        assertFalse(rows.stream().allMatch(AveragingExperiment.Row::passes));
    }

    @Test
    void aBindingDailyMinimumBreaksTheMartingaleAndOnlyThen() {
        // With an allowance of a tenth of a point the daily minimum binds in a shortage: banks must
        // hold more today, so today's rate sits above what the period's end implies.
        List<AveragingExperiment.Row> binding = run(List.of("averaging.allowance_pp=0.02"), -15);
        assertFalse(binding.stream().allMatch(AveragingExperiment.Row::passes));
        // The same shortage with the 1pp allowance passes (the first test).
    }

    @Test
    void aLastDayWhoseBalanceAlsoCountsInTheNextPeriodMixesTheTwoPeriodsValues() {
        // 2025-03-05 to 03-14: the period ends on a Friday whose balance counts two nights in the
        // next period. Every day before it stays a martingale; the last day departs from it.
        List<AveragingExperiment.Row> rows = run(List.of("start_date=2025-03-05"), 15);
        for (AveragingExperiment.Row r : rows) {
            if (r.daysToPeriodEnd() > 0) {
                assertTrue(r.passes(), r.toString());
            }
        }
        AveragingExperiment.Row last = rows.stream().filter(r -> r.daysToPeriodEnd() == 0).findFirst().orElseThrow();
        assertFalse(last.passes(), "the last day mixes in the next period's value: " + last);
    }
}
