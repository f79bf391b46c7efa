package io.corridorsim.report;

import io.corridorsim.calendar.Timeline;
import io.corridorsim.model.Metric;
import io.corridorsim.model.ModelSpec;
import io.corridorsim.montecarlo.MonteCarlo;
import io.corridorsim.montecarlo.RunResult;
import io.corridorsim.montecarlo.RunSummary;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Under averaging, daily.csv says where each day sits in its period, and averaging.png draws what the run produced. */
class AveragingOutputsTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private Runs.Written run(String... sets) {
        Path file = Path.of("models", "pboc-2017.yaml");
        ModelSpec spec = ScenarioCompiler.compile(new ScenarioLoader().load(file, List.of(sets)), file);
        return Runs.run(spec, new MonteCarlo.Plan(6, 3, 2), tmp.resolve(String.join("-", sets)));
    }

    @Test
    void dailyCsvCarriesThePeriodPosition() throws IOException {
        Runs.Written w = run("days=60");
        RunSummary r = w.summary();
        Path f = w.daily();
        Timeline tl = r.spec().timeline();
        try (Reader in = Files.newBufferedReader(f)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                int t = Integer.parseInt(row.get("day"));
                int toEnd = Integer.parseInt(row.get("days_to_period_end"));
                int periodDay = Integer.parseInt(row.get("period_day"));
                int next = Integer.parseInt(row.get("nights_in_next_period"));
                assertEquals(tl.isPeriodEnd(t) || t == tl.size() - 1, toEnd == 0, "day " + t);
                assertTrue(periodDay >= 1 && (periodDay == 1) == (t == 0 || tl.maintenancePeriod(t - 1) != tl.maintenancePeriod(t)));
                assertTrue(next >= 0 && (next == 0 || toEnd == 0), "only a last day counts nights in the next period");
                assertEquals(tl.accrualDays(t) - tl.periodWeight(t), tl.isPeriodEnd(t) ? next : tl.accrualDays(t) - tl.periodWeight(t));
            }
        }
        // A 2017 period that ends on a Friday: 2017-01-13 counts the 14th in its period and the 15th in the next.
        int friday = tl.indexOnOrAfter(java.time.LocalDate.of(2017, 1, 13));
        assertEquals(1, tl.nightsInNextPeriod(friday));
        // Without averaging, no period columns.
        Path g = run("days=20", "averaging.enabled=false").daily();
        assertTrue(!Files.readAllLines(g).get(0).contains("period_day"));
    }

    @Test
    void theAveragingChartDrawsTheRunsMedianByDaysToThePeriodsEnd() {
        Runs.Written w = run("days=120");
        RunSummary r = w.summary();
        RunResult stored = w.stored();
        XYChart c = Plots.averagingChart(r, null);
        XYSeries median = c.getSeriesMap().get("Averaging: median");
        double[] x = median.getXData();
        double[] y = median.getYData();
        assertEquals(0, x[x.length - 1], 0, "the last point is the period's last day");
        // Recompute the last day's median spread from the run itself.
        Timeline tl = r.spec().timeline();
        List<Double> last = new java.util.ArrayList<>();
        for (int t = 0; t < tl.size(); t++) {
            if (tl.businessDaysToPeriodEnd(t) == 0) {
                for (double v : stored.values(Metric.DR001)[t]) {
                    last.add(100 * (v - r.spec().rates().policyPct(t)));
                }
            }
        }
        double[] d = last.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        // The plot's quantiles come from 0.1bp bins: within half a bin of the order statistic at rank ⌊p(n−1)⌋.
        int k = (int) Math.floor(0.5 * (d.length - 1));
        assertEquals(d[k], y[y.length - 1], io.corridorsim.montecarlo.FixedBinHistogram.BIN_BP / 2 + 1e-9);
    }
}
