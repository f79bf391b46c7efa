package io.corridorsim.report;

import io.corridorsim.TestScenarios;
import io.corridorsim.montecarlo.MonteCarlo;
import io.corridorsim.montecarlo.RunSummary;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plots read back: what was drawn is what the tables say. */
class PlotsTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** 2025-01-06 to early April on weekdays, a rate cut on 2025-02-17: January and April are partial. */
    private Runs.Written written() {
        String yaml = TestScenarios.SMALL.replace("days: 40", "days: 65")
                + "events:\n  - {date: 2025-02-17, policy_rate_pct: 1.30, floor_pct: 0.30, ceiling_pct: 2.15}\n";
        return Runs.run(TestScenarios.spec(yaml), new MonteCarlo.Plan(4, 9, 1), tmp.resolve("run"));
    }

    private RunSummary run() {
        return written().summary();
    }

    @Test
    void theMonthEndLineIsTheMeanOfLiquidityCsvOnEachCompleteMonthsLastDay() throws IOException {
        Runs.Written w = written();
        RunSummary r = w.summary();
        Path csv = w.liquidity();
        Map<LocalDate, List<Double>> byDate = new HashMap<>();
        try (Reader in = Files.newBufferedReader(csv)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                byDate.computeIfAbsent(LocalDate.parse(rec.get("date")), d -> new ArrayList<>())
                        .add(Double.parseDouble(rec.get("excess_reserves_bn")));
            }
        }
        Plots.LiquidityCharts charts = Plots.liquidityCharts(r);
        assertEquals(List.of("2025-02", "2025-03"), charts.months(), "partial first and last months are left out");
        CategorySeries level = charts.level().getSeriesMap().get(Plots.MONTH_END_EXCESS);
        List<Double> drawn = new ArrayList<>();
        level.getYData().forEach(v -> drawn.add(v.doubleValue()));
        List<Double> expected = new ArrayList<>();
        for (String m : charts.months()) {
            LocalDate last = byDate.keySet().stream().filter(d -> YearMonth.from(d).toString().equals(m)).max(LocalDate::compareTo)
                    .orElseThrow();
            expected.add(byDate.get(last).stream().mapToDouble(Double::doubleValue).sum() / r.paths());
        }
        assertEquals(expected.size(), drawn.size());
        for (int k = 0; k < expected.size(); k++) {
            assertEquals(expected.get(k), drawn.get(k), 1e-6 * Math.abs(expected.get(k)), charts.months().get(k));
        }
        // The level is drawn on its own, unstacked; the stacked panel holds only the factors.
        assertFalse(charts.level().getStyler().isStacked());
        assertFalse(charts.changes().getSeriesMap().containsKey(Plots.MONTH_END_EXCESS));
        assertEquals(6, charts.changes().getSeriesMap().size());
    }

    @Test
    void policyRatesAreDrawnAsStepsAndTicksFallOnMonthStarts() {
        RunSummary r = run();
        XYChart c = Plots.corridorChart(r);
        for (String name : List.of("7-day reverse repo (policy rate)", "IOER (floor)", "SLF O/N (ceiling)")) {
            XYSeries s = c.getSeriesMap().get(name);
            double[] x = s.getXData();
            double[] y = s.getYData();
            int vertical = 0;
            for (int i = 1; i < x.length; i++) {
                assertTrue(x[i] == x[i - 1] || y[i] == y[i - 1], name + ": no ramp between points " + (i - 1) + " and " + i);
                vertical += x[i] == x[i - 1] ? 1 : 0;
            }
            assertEquals(1, vertical, name + ": one change, drawn as one vertical step");
        }
        Plots.MonthAxis axis = Plots.MonthAxis.of(r.spec().timeline());
        assertEquals("2025-02", axis.label(axis.x(LocalDate.of(2025, 2, 1))));
        assertEquals("2025-04", axis.label(3.0));
        // The corridor is one polygon: its lowest point is the lowest floor, never below.
        double[] corridorY = c.getSeriesMap().get("Corridor (IOER floor to SLF O/N ceiling)").getYData();
        assertEquals(0.30, java.util.Arrays.stream(corridorY).min().orElseThrow(), 1e-12);
    }

    @Test
    void theHistogramIsOfSpreadsToThePolicyRateOfTheDayWithFloorAndBothCeilingsMarked() {
        RunSummary r = run();
        XYChart c = Plots.histogramChart(r);
        // The cut moves the floor's spread from -105bp to -100bp (two lines) and keeps the ceiling's at +85bp (one).
        assertTrue(c.getSeriesMap().containsKey("IOER floor (-105bp, -100bp)"), c.getSeriesMap().keySet().toString());
        assertTrue(c.getSeriesMap().keySet().stream().anyMatch(k -> k.startsWith("SLF O/N ceiling (+85bp)")), c.getSeriesMap().keySet().toString());
        XYSeries dr001 = c.getSeriesMap().get("DR001 − policy");
        double total = java.util.Arrays.stream(dr001.getYData()).sum();
        assertEquals(100, total, 1e-9, "shares of all path-days add up to 100%");
    }

    @Test
    void pooleTakesItsSeriesFromTheTableByName() {
        List<String> cols = new ArrayList<>(List.of("supply_gap_bn", "sum_sigma_bn", "floor_pct", "ceiling_pct", "analytic_pct",
                "simulated_pct", "se_pct"));
        List<double[]> rows = List.of(new double[] {100, 50, 0.35, 2.25, 2.0, 2.01, 0.01},
                new double[] {0, 50, 0.35, 2.25, 1.3, 1.29, 0.01}, new double[] {-100, 50, 0.35, 2.25, 0.6, 0.61, 0.01});
        XYChart without = Plots.pooleChart(new Table(cols, rows), new Plots.PooleTitle("t", 10));
        assertEquals(4, without.getSeriesMap().size(), "corridor, midpoint, closed form, simulated");
        cols.add("market_pct");
        List<double[]> wider = new ArrayList<>();
        rows.forEach(rw -> {
            double[] w = java.util.Arrays.copyOf(rw, rw.length + 1);
            w[rw.length] = rw[4] + 0.1;
            wider.add(w);
        });
        XYChart with = Plots.pooleChart(new Table(cols, wider), new Plots.PooleTitle("t", 10));
        XYSeries market = with.getSeriesMap().get("Simulated market rate: mean DR001 of the numeric call auction (± 2 se)");
        assertEquals(2.1, market.getYData()[0], 1e-12, "the market_pct column is drawn when the check provides it");
    }
}
