package io.corridorsim.report;

import io.corridorsim.TestScenarios;
import io.corridorsim.centralbank.Facility;
import io.corridorsim.model.Metric;
import io.corridorsim.model.ModelSpec;
import io.corridorsim.montecarlo.MonteCarlo;
import io.corridorsim.montecarlo.OperationFlows;
import io.corridorsim.montecarlo.RunResult;
import io.corridorsim.montecarlo.RunSummary;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYSeries;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * operations.csv, the stocks of liquidity.csv and operations.png checked against one another:
 * the per-day table is the mean of the per-path rows, the stocks are what the operations log
 * says is outstanding, and the plot draws what the tables hold.
 */
class OperationsOutputsTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * The small economy with a toolkit and no opening MLF or outright stock, so the operations log
     * holds every term operation outstanding: 28-day outright tenders on the 15th (the February
     * one matures on the day of the March one), MLF tenders on the 25th, one structural injection
     * and one 14-day reverse repo, temporary overnight operations. 65 weekdays from 2025-01-06.
     */
    private static final String TOOLKIT = TestScenarios.SMALL.replace("days: 40", "days: 65")
            .replace("central_bank: {rule: forecast_neutral, forecast_error_sd_bn: 60}", """
                    central_bank:
                      rule: forecast_neutral
                      forecast_error_sd_bn: 60
                      temporary_operations: {from: 2025-01-06}
                      operations:
                        - {instrument: outright_reverse_repo, monthly_day: 15, tenor_days: 28, amount_bn: 300}
                        - {instrument: mlf, monthly_day: 25, tenor_days: 365, amount_bn: 200}
                        - {instrument: structural, date: 2025-02-10, tenor_days: 35, amount_bn: 100, rate_pct: 1.5}
                        - {instrument: reverse_repo, date: 2025-01-27, tenor_days: 14, amount_bn: 200, rate_pct: 1.4}""");

    private Runs.Written toolkit(int threads) {
        return Runs.run(TestScenarios.spec(TOOLKIT), new MonteCarlo.Plan(5, 11, threads), tmp.resolve("toolkit-" + threads));
    }

    /** pboc-2025 shortened to 60 business days: outright and MLF tenders, full allotment, temporary operations. */
    private Runs.Written pboc2025(int paths, int threads) {
        Path file = Path.of("models", "pboc-2025.yaml");
        ModelSpec spec = ScenarioCompiler.compile(new ScenarioLoader().load(file, List.of("days=60")), file);
        return Runs.run(spec, new MonteCarlo.Plan(paths, 7, threads), tmp.resolve("pboc2025-" + paths + "-" + threads));
    }

    @Test
    void theDailyTableIsTheMeanOfThePerPathRows() throws IOException {
        Runs.Written w = pboc2025(4, 2);
        RunSummary r = w.summary();
        Path byPath = w.operations();
        Path byDay = tmp.resolve("by-day.csv");
        TableWriters.operationsByDay(r, byDay);
        List<CSVRecord> rows = csv(byPath);
        assertEquals(TableWriters.OPERATIONS_BY_PATH, rows.get(0).getParser().getHeaderNames());

        // Group the per-path rows by date, instrument and tenor, in order of first appearance.
        Map<String, List<CSVRecord>> groups = new LinkedHashMap<>();
        Set<String> instruments = new HashSet<>();
        for (CSVRecord row : rows) {
            groups.computeIfAbsent(row.get("date") + "|" + row.get("instrument") + "|" + row.get("tenor_days"), k -> new ArrayList<>())
                    .add(row);
            instruments.add(row.get("instrument"));
        }
        assertTrue(instruments.containsAll(Set.of("reverse_repo", "outright_reverse_repo", "mlf", "temporary_overnight")),
                "the run exercises the toolkit: " + instruments);

        List<CSVRecord> days = csv(byDay);
        assertEquals(TableWriters.OPERATIONS_BY_DAY, days.get(0).getParser().getHeaderNames());
        assertEquals(groups.size(), days.size(), "one row per date, instrument and tenor that some path operated on");
        String previousDate = "";
        for (CSVRecord d : days) {
            assertTrue(d.get("date").compareTo(previousDate) >= 0, "rows in date order");
            previousDate = d.get("date");
            List<CSVRecord> g = groups.get(d.get("date") + "|" + d.get("instrument") + "|" + d.get("tenor_days"));
            String where = d.get("date") + " " + d.get("instrument");
            assertTrue(g != null, "no per-path rows for " + where);
            Set<String> paths = new HashSet<>();
            double amount = 0;
            double weight = 0;
            double rate = 0;
            double marginal = 0;
            double cover = 0;
            int covers = 0;
            for (CSVRecord row : g) {
                paths.add(row.get("path"));
                double a = Double.parseDouble(row.get("amount_bn"));
                amount += a;
                weight += Math.abs(a);
                rate += Math.abs(a) * Double.parseDouble(row.get("rate_pct"));
                marginal += Math.abs(a) * Double.parseDouble(row.get("marginal_rate_pct"));
                if (!row.get("cover_ratio").isEmpty()) {
                    cover += Double.parseDouble(row.get("cover_ratio"));
                    covers++;
                }
            }
            assertEquals(g.size(), Integer.parseInt(d.get("operations")), where);
            assertEquals(paths.size(), Integer.parseInt(d.get("paths_with_operation")), where);
            assertEquals(paths.size() / (double) r.paths(), Double.parseDouble(d.get("share_of_paths")), 1e-12, where);
            assertClose(amount / r.paths(), num(d, "mean_amount_bn"), where + " mean amount over all paths");
            if (weight > 0) {
                assertClose(rate / weight, num(d, "mean_rate_pct"), where + " rate");
                assertClose(marginal / weight, num(d, "mean_marginal_rate_pct"), where + " marginal rate");
            } else {
                assertEquals("", d.get("mean_rate_pct"), where + ": nothing allotted, no rate");
            }
            if (covers > 0) {
                assertClose(cover / covers, num(d, "mean_cover_ratio"), where + " cover ratio");
            } else {
                assertEquals("", d.get("mean_cover_ratio"), where);
            }
        }
    }

    @Test
    void perPathRowsSayWhenEachOperationIsRepaidAndWhatWasOffered() throws IOException {
        Runs.Written w = pboc2025(2, 1);
        RunSummary r = w.summary();
        Path byPath = w.operations();
        int pastTheRun = 0;
        LocalDate lastDay = r.spec().timeline().date(r.days() - 1);
        for (CSVRecord row : csv(byPath)) {
            LocalDate date = LocalDate.parse(row.get("date"));
            LocalDate due = LocalDate.parse(row.get("maturity_date"));
            long tenor = Long.parseLong(row.get("tenor_days"));
            // The first business day on or after date + tenor: never before it, and at most a holiday later.
            assertTrue(!due.isBefore(date.plusDays(tenor)) && !due.isAfter(date.plusDays(tenor + 10)), row.toString());
            pastTheRun += due.isAfter(lastDay) ? 1 : 0;
            switch (row.get("instrument")) {
                case "reverse_repo" -> assertEquals("", row.get("offered_bn"), "full allotment: no limit offered");
                case "temporary_overnight" -> assertEquals("", row.get("bid_bn"), "nobody bids for a temporary operation");
                case "outright_reverse_repo" -> {
                    double bid = Double.parseDouble(row.get("bid_bn"));
                    double offered = Double.parseDouble(row.get("offered_bn"));
                    assertEquals(bid / offered, Double.parseDouble(row.get("cover_ratio")), 1e-12);
                }
                default -> { }
            }
        }
        assertTrue(pastTheRun > 0, "the MLF's year runs past the run: its maturity dates are still given");
    }

    @Test
    void bothTablesAreTheSameBytesForOneAndTwoThreads() throws IOException {
        // 40 paths: three blocks, merged in block order whatever the threads.
        Runs.Written one = pboc2025(40, 1);
        Runs.Written two = pboc2025(40, 2);
        for (boolean perPath : new boolean[] {true, false}) {
            Path a = one.operations();
            Path b = two.operations();
            if (!perPath) {
                a = tmp.resolve("one-by-day.csv");
                b = tmp.resolve("two-by-day.csv");
                TableWriters.operationsByDay(one.summary(), a);
                TableWriters.operationsByDay(two.summary(), b);
            }
            assertTrue(Files.size(a) > 1000, "a table with rows");
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), (perPath ? "per-path" : "per-day") + " operations.csv");
        }
    }

    @Test
    void liquidityStocksAreWhatTheOperationsLogLeavesOutstanding() throws IOException {
        Runs.Written w = toolkit(2);
        RunResult r = w.stored();
        Path liquidity = w.liquidity();
        Path ops = w.operations();
        List<CSVRecord> rows = csv(liquidity);
        assertEquals(List.of("path", "day", "date", "fx_bn", "claims_bn", "gov_deposits_bn", "required_reserves_bn", "currency_bn",
                "other_items_bn", "excess_reserves_bn", "omo_outstanding_bn", "mlf_outstanding_bn", "outright_outstanding_bn",
                "structural_outstanding_bn"), rows.get(0).getParser().getHeaderNames());
        List<CSVRecord> log = csv(ops);
        Map<String, String> column = Map.of("reverse_repo", "omo_outstanding_bn", "mlf", "mlf_outstanding_bn",
                "outright_reverse_repo", "outright_outstanding_bn", "structural", "structural_outstanding_bn");
        // The opening reverse repos (7 days) are in no log: compare from the third week on.
        int firstFullDay = 10;
        Map<String, Double> largest = new HashMap<>();
        for (CSVRecord row : rows) {
            int path = Integer.parseInt(row.get("path"));
            int day = Integer.parseInt(row.get("day"));
            LocalDate date = LocalDate.parse(row.get("date"));
            for (Map.Entry<String, String> e : column.entrySet()) {
                double written = num(row, e.getValue());
                assertEquals(r.value(metric(e.getValue()), day, path), written, 0, e.getValue() + " is the metric, row " + row);
                if (e.getKey().equals("reverse_repo") && day < firstFullDay) {
                    continue;
                }
                double outstanding = 0;
                for (CSVRecord o : log) {
                    if (Integer.parseInt(o.get("path")) == path && o.get("instrument").equals(e.getKey())
                            && Integer.parseInt(o.get("day")) <= day && LocalDate.parse(o.get("maturity_date")).isAfter(date)) {
                        outstanding += num(o, "amount_bn");
                    }
                }
                assertClose(outstanding, written, e.getValue() + " on " + date + ", path " + path);
                largest.merge(e.getKey(), Math.abs(written), Math::max);
            }
        }
        for (String instrument : column.keySet()) {
            assertTrue(largest.get(instrument) > 1, instrument + " was used, so the comparison is not of zeros: " + largest);
        }
    }

    @Test
    void thePlotDrawsTheTables() throws IOException {
        Runs.Written w = toolkit(1);
        RunSummary r = w.summary();
        Path liquidity = tmp.resolve("liquidity.csv");
        Path ops = tmp.resolve("operations.csv");
        Files.copy(w.liquidity(), liquidity);
        Files.copy(w.operations(), ops);
        List<CSVRecord> rows = csv(liquidity);
        List<CSVRecord> log = csv(ops);
        int n = r.days();
        List<LocalDate> dates = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            dates.add(r.spec().timeline().date(t));
        }
        Plots.OperationsCharts charts = Plots.operationsCharts(r);

        // (a) Stocks: the mean over paths of liquidity.csv, and their total.
        Map<Facility, String> column = Map.of(Facility.REVERSE_REPO, "omo_outstanding_bn", Facility.MLF, "mlf_outstanding_bn",
                Facility.OUTRIGHT_REVERSE_REPO, "outright_outstanding_bn", Facility.STRUCTURAL, "structural_outstanding_bn");
        Set<String> expected = new HashSet<>(List.of(Plots.OPERATIONS_TOTAL));
        column.keySet().forEach(f -> expected.add(Plots.instrumentLabel(f)));
        assertEquals(expected, charts.stock().getSeriesMap().keySet());
        double[] total = new double[n];
        Map<Facility, double[]> stock = new HashMap<>();
        for (Map.Entry<Facility, String> e : column.entrySet()) {
            double[] mean = new double[n];
            for (CSVRecord row : rows) {
                mean[Integer.parseInt(row.get("day"))] += num(row, e.getValue()) / r.paths();
            }
            stock.put(e.getKey(), mean);
            double[] drawn = charts.stock().getSeriesMap().get(Plots.instrumentLabel(e.getKey())).getYData();
            for (int t = 0; t < n; t++) {
                assertClose(mean[t], drawn[t], e.getValue() + " on " + dates.get(t));
                total[t] += mean[t];
            }
        }
        assertArrayEquals(total, charts.stock().getSeriesMap().get(Plots.OPERATIONS_TOTAL).getYData(), 1e-6);

        // (b) Net injections: each instrument's bars add up, from the opening stock, to its stock;
        // the temporary operation's to the day's operation (outstanding for one night).
        double[] temporary = new double[n];
        for (CSVRecord o : log) {
            if (o.get("instrument").equals("temporary_overnight")) {
                temporary[Integer.parseInt(o.get("day"))] += num(o, "amount_bn") / r.paths();
            }
        }
        Map<Facility, double[]> target = new HashMap<>(stock);
        target.put(Facility.TEMPORARY_OVERNIGHT, temporary);
        for (Map.Entry<Facility, double[]> e : target.entrySet()) {
            XYSeries bars = charts.injection().getSeriesMap().get(Plots.instrumentLabel(e.getKey()));
            assertTrue(bars != null, e.getKey() + " has bars: " + charts.injection().getSeriesMap().keySet());
            double[] net = barHeights(bars, n);
            double level = e.getKey() == Facility.REVERSE_REPO ? r.spec().initial().omoOutstandingBn() : 0;
            for (int t = 0; t < n; t++) {
                level += net[t];
                assertClose(e.getValue()[t], level, e.getKey() + " on " + dates.get(t));
            }
        }
        assertTrue(java.util.Arrays.stream(temporary).anyMatch(v -> v != 0), "the run has temporary operations");

        // (c) Maturing ahead: from the operations log, what falls due in the next 30 business days.
        for (Facility f : List.of(Facility.OUTRIGHT_REVERSE_REPO, Facility.STRUCTURAL)) {
            double[] drawn = charts.maturing().getSeriesMap().get(Plots.instrumentLabel(f)).getYData();
            assertEquals(n - OperationFlows.AHEAD_DAYS, drawn.length, "no value once the window passes the run's end");
            double largest = 0;
            for (int t = 0; t < drawn.length; t++) {
                LocalDate from = dates.get(t);
                LocalDate to = dates.get(t + OperationFlows.AHEAD_DAYS);
                double due = 0;
                for (CSVRecord o : log) {
                    LocalDate m = LocalDate.parse(o.get("maturity_date"));
                    if (o.get("instrument").equals(f.key()) && m.isAfter(from) && !m.isAfter(to)) {
                        due += num(o, "amount_bn") / r.paths();
                    }
                }
                assertClose(due, drawn[t], f + " maturing after " + from);
                largest = Math.max(largest, due);
            }
            assertTrue(largest > 50, f + " matures inside the run");
        }
        assertTrue(!charts.maturing().getSeriesMap().containsKey(Plots.instrumentLabel(Facility.REVERSE_REPO)),
                "7- and 14-day reverse repos are left out of the maturities panel");

        Plots.operations(r, tmp);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(tmp.resolve("operations.png").toFile());
        assertEquals(3 * charts.stock().getHeight(), img.getHeight(), "three panels, one above the other");
    }

    /**
     * Each day's bar of a stacked bar series (four points a day: left-bottom, left-top,
     * right-top, right-bottom); bars above zero are injections, bars below it drains.
     */
    private static double[] barHeights(XYSeries s, int days) {
        double[] y = s.getYData();
        double[] out = new double[days];
        for (int t = 0; t < days; t++) {
            double lo = y[4 * t];
            double hi = y[4 * t + 1];
            out[t] = lo >= 0 ? hi - lo : lo - hi;
        }
        return out;
    }

    private static Metric metric(String column) {
        for (Metric m : Metric.values()) {
            if (m.column().equals(column)) {
                return m;
            }
        }
        throw new IllegalArgumentException(column);
    }

    private static void assertClose(double expected, double actual, String message) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), message);
    }

    private static double num(CSVRecord r, String column) {
        return Double.parseDouble(r.get(column));
    }

    private static List<CSVRecord> csv(Path f) throws IOException {
        try (Reader in = Files.newBufferedReader(f)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
    }
}
