package io.corridorsim.montecarlo;

import io.corridorsim.TestScenarios;
import io.corridorsim.model.Metric;
import io.corridorsim.model.ModelSpec;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming summary against the stored paths of the same run: moments exact, quantiles
 * within the sketches' stated error of the exact order statistics, the per-path figures equal,
 * and the same bits for any thread count.
 */
class RunSummaryTest {

    /** pboc-2017 over 60 business days, 70 paths: five blocks, averaging, the 7-day segment, tenders. */
    private static ModelSpec spec() {
        Path file = Path.of("models", "pboc-2017.yaml");
        return ScenarioCompiler.compile(new ScenarioLoader().load(file, List.of("days=60")), file);
    }

    @Test
    void sketchQuantilesAreWithinTheirStatedErrorOfTheExactOnesAndMomentsAreExact() {
        ModelSpec spec = spec();
        int paths = 70;
        RunSummary s = MonteCarlo.summarize(spec, new MonteCarlo.Plan(paths, 4, 2), d -> { }, null);
        RunResult r = RunResult.simulate(spec, paths, 4, 2, d -> { });
        int checked = 0;
        for (Metric m : r.metrics()) {
            QuantileSketch.Accuracy a = SummaryLayout.LEVEL_ACCURACY;
            boolean rate = SummaryLayout.isRate(m);
            for (int t = 0; t < r.days(); t++) {
                double[] v = r.values(m)[t];
                double[] sorted = Statistics.defined(v);
                Arrays.sort(sorted);
                double[] q = s.quantiles(m, t);
                for (int k = 0; k < Statistics.LEVELS.length; k++) {
                    if (sorted.length == 0) {
                        assertTrue(Double.isNaN(q[k]));
                        continue;
                    }
                    double x = sorted[(int) Math.floor(Statistics.LEVELS[k] * (sorted.length - 1))];
                    // Rates: half a 0.1bp bin; levels: the sketch's relative accuracy.
                    double err = rate ? 0.0005 + 1e-12 : Math.max(a.relative() * Math.abs(x), a.zeroBelow()) * (1 + 1e-9);
                    assertEquals(x, q[k], err, m.column() + " day " + t + " " + Statistics.LEVEL_NAMES[k]);
                    checked++;
                }
                assertEquals(Statistics.mean(v), s.mean(m, t), 1e-12 * Math.max(1, Math.abs(Statistics.mean(v))), m + " mean, day " + t);
                double sd = Statistics.sd(v);
                if (Double.isNaN(sd)) {
                    assertTrue(Double.isNaN(s.sd(m, t)));
                } else {
                    assertEquals(sd, s.sd(m, t), 1e-9 * Math.max(1, sd), m + " sd, day " + t);
                }
            }
            double[] all = StoredPaths.flatten(r.values(m));
            RunSummary.Overall o = s.overall(m);
            assertEquals(Statistics.mean(all), o.mean(), 1e-12 * Math.max(1, Math.abs(o.mean())), m + " overall mean");
            assertEquals(StoredPaths.mcse(r.values(m)), o.mcseMean(), 1e-9 * Math.max(1, Math.abs(o.mean())), m + " mcse");
        }
        assertTrue(checked > 10_000, "checked " + checked + " quantiles");
        double[] policy = new double[r.days()];
        for (int t = 0; t < policy.length; t++) {
            policy[t] = spec.rates().policyPct(t);
        }
        for (Metric m : List.of(Metric.DR001, Metric.DR007)) {
            SpreadStatistics exact = SpreadStatistics.ofPaths(r.values(m), policy);
            SpreadStatistics streamed = s.calibration(m);
            double[] e = {exact.meanBp(), exact.sdBp(), exact.sdChangeBp(), exact.ar1(), exact.meanSeBp(), exact.sdSeBp(),
                exact.sdChangeSeBp(), exact.ar1Se()};
            double[] g = {streamed.meanBp(), streamed.sdBp(), streamed.sdChangeBp(), streamed.ar1(), streamed.meanSeBp(),
                streamed.sdSeBp(), streamed.sdChangeSeBp(), streamed.ar1Se()};
            assertArrayEquals(e, g, 1e-9, m + " calibration");
            List<Seasonality.Row> se = Seasonality.of(r.values(m), policy, spec.timeline());
            List<Seasonality.Row> ss = s.seasonality(m);
            for (int w = 0; w < se.size(); w++) {
                assertEquals(se.get(w).businessDays(), ss.get(w).businessDays());
                assertEquals(se.get(w).meanSpreadBp(), ss.get(w).meanSpreadBp(), 1e-9, se.get(w).window());
                assertEquals(se.get(w).seBp(), ss.get(w).seBp(), 1e-9, se.get(w).window());
            }
        }
    }

    @Test
    void sharesAtTheBoundsSpreadHistogramsAndThePeriodProfileAreThoseOfTheStoredPaths() {
        // The floor system: DR001 sits at the floor on many path-days, so the shares are not zeros by default.
        Path file = Path.of("models", "regimes", "floor-system.yaml");
        ModelSpec spec = ScenarioCompiler.compile(new ScenarioLoader(List.of(Path.of("models"))).load(file, List.of("days=60")), file);
        int paths = 40;
        RunSummary s = MonteCarlo.summarize(spec, new MonteCarlo.Plan(paths, 9, 2), d -> { }, null);
        RunResult r = RunResult.simulate(spec, paths, 9, 2, d -> { });
        var rates = spec.rates();
        var tl = spec.timeline();
        for (Metric m : List.of(Metric.DR001, Metric.DR007)) {
            long floor = 0;
            long ceiling = 0;
            long n = 0;
            FixedBinHistogram direct = FixedBinHistogram.ofSpreads();
            for (int t = 0; t < r.days(); t++) {
                double c = m == Metric.DR007 ? rates.ceiling7dPct(t) : rates.ceilingPct(t);
                for (double x : r.values(m)[t]) {
                    n++;
                    floor += x <= rates.floorPct(t) + 0.01 ? 1 : 0;
                    ceiling += x >= c - 0.01 ? 1 : 0;
                    direct.add(Math.rint((x - rates.policyPct(t)) * 100 * 1e6) / 1e6);
                }
            }
            assertEquals(floor / (double) n, s.overall(m).shareAtFloor(), 0, m + " at the floor");
            assertEquals(ceiling / (double) n, s.overall(m).shareAtCeiling(), 0, m + " at the ceiling");
            if (m == Metric.DR001) {
                assertTrue(floor > 0, "DR001 at the floor on some path-days");
            }
            FixedBinHistogram h = s.spreadHistogram(m);
            assertEquals(direct.count(), h.count());
            assertArrayEquals(direct.counts(-200, 1, 400), h.counts(-200, 1, 400), m + " spread histogram");
        }
        // DR001 − policy by business days to the period's end: the mean and median of the stored path-days.
        assertPeriodProfile(s, r);
        // A run without averaging folds the same profile (the averaging plot draws one over the other).
        ModelSpec off = ScenarioCompiler.compile(new ScenarioLoader(List.of(Path.of("models"))).load(file,
                List.of("days=60", "averaging.enabled=false")), file);
        assertPeriodProfile(MonteCarlo.summarize(off, new MonteCarlo.Plan(paths, 9, 2), d -> { }, null),
                RunResult.simulate(off, paths, 9, 2, d -> { }));
    }

    private static void assertPeriodProfile(RunSummary s, RunResult r) {
        var rates = s.spec().rates();
        var tl = s.spec().timeline();
        RunSummary.PeriodBands b = s.periodBands();
        int longest = b.mean().length - 1;
        for (int toEnd = 0; toEnd <= 3; toEnd++) {
            java.util.List<Double> v = new java.util.ArrayList<>();
            for (int t = 0; t < r.days(); t++) {
                if (tl.businessDaysToPeriodEnd(t) == toEnd) {
                    for (double x : r.values(Metric.DR001)[t]) {
                        v.add(100 * (x - rates.policyPct(t)));
                    }
                }
            }
            double[] d = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            assertEquals(Statistics.mean(d), b.mean()[longest - toEnd], 1e-9, "mean, " + toEnd + " days to the end");
            assertEquals(d[(int) Math.floor(0.5 * (d.length - 1))], b.p50()[longest - toEnd], FixedBinHistogram.BIN_BP / 2 + 1e-9);
        }
    }

    @Test
    void theSummaryIsTheSameBitsForOneTwoAndThreeThreads() {
        ModelSpec spec = TestScenarios.spec(TestScenarios.SMALL);
        // 53 paths: four blocks, the last one short.
        RunSummary one = MonteCarlo.summarize(spec, new MonteCarlo.Plan(53, 8, 1), d -> { }, null);
        for (int threads : new int[] {2, 3}) {
            RunSummary other = MonteCarlo.summarize(spec, new MonteCarlo.Plan(53, 8, threads), d -> { }, null);
            for (Metric m : one.metrics()) {
                for (int t = 0; t < one.days(); t++) {
                    assertEquals(Double.doubleToLongBits(one.mean(m, t)), Double.doubleToLongBits(other.mean(m, t)), m + " mean");
                    assertEquals(Double.doubleToLongBits(one.sd(m, t)), Double.doubleToLongBits(other.sd(m, t)), m + " sd");
                    assertArrayEquals(one.quantiles(m, t), other.quantiles(m, t), 0, m + " quantiles");
                }
                assertEquals(one.overall(m).toString().replaceAll("\\[D@\\w+", ""), other.overall(m).toString().replaceAll("\\[D@\\w+", ""));
                assertArrayEquals(one.overall(m).quantiles(), other.overall(m).quantiles(), 0);
            }
            assertEquals(one.calibration(Metric.DR001), other.calibration(Metric.DR001));
            assertEquals(one.seasonality(Metric.DR001), other.seasonality(Metric.DR001));
            assertEquals(one.operationsByDay(), other.operationsByDay());
        }
    }

    @Test
    void aBrokenSketchIsCaughtByTheErrorCheck() {
        // The oracle above can fail: a sketch ten times coarser than stated misses on real data.
        ModelSpec spec = spec();
        RunResult r = RunResult.simulate(spec, 70, 4, 2, d -> { });
        QuantileSketch coarse = new QuantileSketch(new QuantileSketch.Accuracy(1e-1, 1e-3));
        double[] v = r.values(Metric.EXCESS_RESERVES_BN)[30];
        for (double x : v) {
            coarse.add(x);
        }
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        int misses = 0;
        for (int k = 0; k < Statistics.LEVELS.length; k++) {
            double x = sorted[(int) Math.floor(Statistics.LEVELS[k] * (sorted.length - 1))];
            if (Math.abs(coarse.quantile(Statistics.LEVELS[k]) - x) > SummaryLayout.LEVEL_ACCURACY.relative() * Math.abs(x)) {
                misses++;
            }
        }
        assertTrue(misses > 0, "a 10% sketch should miss the 1% error bound somewhere");
    }
}
