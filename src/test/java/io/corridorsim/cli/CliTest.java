package io.corridorsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    @TempDir
    Path tmp;

    record Outcome(int code, String out, String err) {
    }

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static final String GOOD = """
            name: tiny
            start_date: 2025-03-03
            days: 30
            calendar: weekdays
            corridor: {floor_pct: 0.35, ceiling_pct: 2.25, policy_rate_pct: 1.40}
            banks:
              groups:
                - {name: a, count: 4, tier: large, dealer: true, reserve_ratio_pct: 7,
                   deposits: {distribution: fixed, value_bn: 2000}, shock_sigma: {sigma_bn: 20}}
                - {name: b, count: 8, reserve_ratio_pct: 5,
                   deposits: {distribution: lognormal, median_bn: 300, dispersion: 0.4}, shock_sigma: {sigma_bn: 5}}
            central_bank: {rule: forecast_neutral, forecast_error_sd_bn: 30}
            initial: {excess_reserves_bn: 50, omo_outstanding_bn: 300}
            autonomous: {surprise_sd_bn: 20, surprise_reversal: 0.5}
            """;

    /** The shipped scenarios: models/*.yaml and the regime comparison models/regimes/*.yaml (not the sweeps). */
    private static List<Path> shippedModels() throws IOException {
        List<Path> yamls = new java.util.ArrayList<>();
        for (Path dir : List.of(Path.of("models"), Path.of("models", "regimes"))) {
            try (var files = Files.list(dir)) {
                files.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(yamls::add);
            }
        }
        return yamls;
    }

    @Test
    void validateAcceptsEveryShippedModel() throws IOException {
        List<Path> yamls = shippedModels();
        assertTrue(yamls.size() >= 8, "models/ should ship the reference, poole, PBoC and four regime scenarios");
        for (Path y : yamls) {
            Outcome o = run("validate", y.toString());
            assertEquals(0, o.code(), y + ": " + o.err());
            assertTrue(o.out().contains(": ok"), o.out());
        }
    }

    @Test
    void everyShippedModelRunsAFewDays() throws IOException {
        for (Path y : shippedModels()) {
            Path out = tmp.resolve("smoke-" + y.getFileName());
            Outcome o = run("run", y.toString(), "--days", "12", "--paths", "3", "--out", out.toString(), "--quiet");
            assertEquals(0, o.code(), y + ": " + o.err());
            List<CSVRecord> q = csv(out.resolve("quantiles.csv"));
            assertTrue(q.stream().filter(r -> r.get("metric").equals("dr001"))
                    .allMatch(r -> Double.parseDouble(r.get("p50")) > 0), y + ": rates are positive");
        }
    }

    @Test
    void goldenRunGivesTheSameNumbersAsWhenItWasRecorded() throws IOException {
        // A regression guard: optimisations must leave results unchanged. Rounded to 1e-9 so the
        // check is about the model, not about the last ulp of a platform's exp or log.
        Path model = write("golden.yaml", GOOD);
        Path out = tmp.resolve("golden");
        assertEquals(0, run("run", model.toString(), "--paths", "4", "--seed", "11", "--out", out.toString(), "--quiet").code());
        JsonNode m = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("metrics");
        assertEquals(GOLDEN_DR001_MEAN, Math.round(m.get("dr001").get("mean").asDouble() * 1e9) / 1e9, 0, "dr001 mean");
        assertEquals(GOLDEN_DR007_MEAN, Math.round(m.get("dr007").get("mean").asDouble() * 1e9) / 1e9, 0, "dr007 mean");
        assertEquals(GOLDEN_SLF_MEAN, Math.round(m.get("slf_bn").get("mean").asDouble() * 1e9) / 1e9, 0, "slf mean");
    }

    private static final double GOLDEN_DR001_MEAN = 1.24704835;
    private static final double GOLDEN_DR007_MEAN = 1.336290695;
    private static final double GOLDEN_SLF_MEAN = 44.230668531;

    @Test
    void badInputExitsWithTwoAndOneClearLine() throws IOException {
        String[][] cases = {
            {"name: x\ncorridor: [1, 2\n", "YAML syntax error"},
            {GOOD.replace("policy_rate_pct: 1.40}", "policy_rate_pct: 1.40, width: 3}"), "corridor.width: unknown key 'width'"},
            {GOOD.replace("days: 30\n", ""), "days: missing required key"},
            {GOOD.replace("count: 8,", "count: eight,"), "banks.groups[1].count: expected a whole number, got 'eight'"},
            {GOOD.replace("floor_pct: 0.35", "floor_pct: 2.35"), "corridor.floor_pct: the floor (2.35%) must be below the ceiling_pct"},
            {GOOD.replace("sigma_bn: 20", "sigma_bn: -20"), "banks.groups[0].shock_sigma.sigma_bn: expected a number > 0"},
            {GOOD.replace("value_bn: 2000", "value_bn: -2000"), "banks.groups[0].deposits.value_bn: expected a number > 0"},
            {GOOD.replace("policy_rate_pct: 1.40", "policy_rate_pct: .nan"), "corridor.policy_rate_pct: expected a finite number"},
            {GOOD.replace("start_date: 2025-03-03", "start_date: 2026-12-01").replace("calendar: weekdays", "calendar: china"),
                "outside the calendar's years 2015–2026"},
        };
        copyCalendar(tmp);
        int k = 0;
        for (String[] c : cases) {
            Path f = write("bad" + k++ + ".yaml", c[0]);
            for (String cmd : new String[] {"validate", "run"}) {
                Path out = tmp.resolve("out-" + k + cmd);
                Outcome o = cmd.equals("run") ? run("run", f.toString(), "--out", out.toString(), "--quiet")
                        : run("validate", f.toString());
                assertEquals(2, o.code(), cmd + " " + c[1] + ": " + o.err());
                assertTrue(o.err().contains(f.toString()), "names the file: " + o.err());
                assertTrue(o.err().contains(c[1]), "expected '" + c[1] + "' in: " + o.err());
                assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
                assertFalse(Files.exists(out), "a failed run leaves no directory");
            }
        }
    }

    @Test
    void aScenarioAnywhereFindsTheShippedCalendarAndAMissingOneIsNamed() throws IOException {
        // Outside models/, calendar_dir (default "calendar") falls back to the installation's models/calendar.
        Files.createDirectories(tmp.resolve("elsewhere"));
        Path f = write("elsewhere/elsewhere.yaml", GOOD.replace("calendar: weekdays", "calendar: china"));
        Outcome ok = run("validate", f.toString());
        assertEquals(0, ok.code(), ok.err());
        Path g = write("elsewhere/nowhere.yaml", GOOD.replace("calendar: weekdays", "calendar: china\ncalendar_dir: no-such-folder"));
        Outcome o = run("validate", g.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("calendar_dir"), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
    }

    @Test
    void unknownOptionsAndBadValuesExitTwo() {
        assertEquals(2, run("run", "--paths", "many").code());
        assertEquals(2, run("frobnicate").code());
        assertEquals(2, run("check").code(), "check needs an experiment");
        Outcome help = run("run", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--paths") && help.out().contains("--set"), help.out());
        assertEquals(2, run("run", "models/reference.yaml", "--daily", "some", "--quiet").code());
        assertEquals(2, run("run", "models/reference.yaml", "--set", "banks.groups[9].count=1", "--quiet").code());
    }

    @Test
    void aNamedSubcommandIsBuiltAloneAndTheHelpStillNamesThemAll() {
        List<String> all = List.of("run", "rerun", "sweep", "check", "validate", "bench", "calendar", "observed", "help");
        assertEquals(all, List.copyOf(Main.commandLine().getSubcommands().keySet()));
        assertEquals(all, List.copyOf(Main.commandLine("help", "run").getSubcommands().keySet()));
        assertEquals(all, List.copyOf(Main.commandLine("--debug", "run").getSubcommands().keySet()));
        assertEquals(List.of("run"), List.copyOf(Main.commandLine("run", "--paths", "3").getSubcommands().keySet()));
        assertEquals(List.of("poole", "averaging"), List.copyOf(Main.commandLine("check").getSubcommands().get("check")
                .getSubcommands().keySet()));
        Outcome top = run("--help");
        assertEquals(0, top.code());
        for (String name : all) {
            assertTrue(top.out().contains("  " + name + " "), name + " in\n" + top.out());
        }
        Outcome help = run("help", "run");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: corridorsim run "), help.out());
        Outcome debug = run("run", "--debug", "--paths", "0");
        assertEquals(2, debug.code());
        assertTrue(debug.err().contains("UsageException"), "--debug is inherited by a subcommand built alone: " + debug.err());
    }

    @Test
    void runWritesEveryOutputAndTheyAreIdenticalForOneAndTwoThreads() throws IOException {
        Path model = write("tiny.yaml", GOOD);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        // 40 paths: three blocks of the streaming runner, merged in block order whatever the threads.
        assertEquals(0, run("run", model.toString(), "--paths", "40", "--seed", "5", "--threads", "1", "--daily", "all",
                "--out", a.toString(), "--quiet").code());
        assertEquals(0, run("run", model.toString(), "--paths", "40", "--seed", "5", "--threads", "2", "--daily", "all",
                "--out", b.toString(), "--quiet").code());
        Path c = tmp.resolve("c");
        assertEquals(0, run("run", model.toString(), "--paths", "40", "--seed", "5", "--threads", "3", "--out", c.toString(),
                "--quiet").code());
        for (String f : new String[] {"quantiles.csv", "summary.json", "daily.csv", "liquidity.csv", "operations.csv",
            "seasonality.csv", "calibration.csv", "scenario.yaml"}) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " differs across thread counts");
        }
        for (String f : new String[] {"quantiles.csv", "summary.json", "seasonality.csv", "calibration.csv"}) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(c.resolve(f)), f + " differs with three threads");
        }
        List<CSVRecord> q = csv(a.resolve("quantiles.csv"));
        assertEquals(List.of("date", "day", "metric", "mean", "sd", "p01", "p05", "p25", "p50", "p75", "p95", "p99"),
                q.get(0).getParser().getHeaderNames());
        assertTrue(q.stream().anyMatch(r -> r.get("metric").equals("dr007")));
        for (CSVRecord r : q) {
            double p05 = Double.parseDouble(r.get("p05"));
            double p50 = Double.parseDouble(r.get("p50"));
            double p95 = Double.parseDouble(r.get("p95"));
            assertTrue(p05 <= p50 && p50 <= p95, "quantiles out of order: " + r);
        }
        List<CSVRecord> daily = csv(a.resolve("daily.csv"));
        assertEquals(40 * 30, daily.size());
        JsonNode summary = new ObjectMapper().readTree(a.resolve("summary.json").toFile());
        JsonNode dr001 = summary.get("metrics").get("dr001");
        assertTrue(dr001.get("mcse_mean").asDouble() > 0);
        assertTrue(dr001.get("share_at_floor").asDouble() >= 0 && dr001.get("share_at_ceiling").asDouble() >= 0);
        assertTrue(summary.get("metrics").get("slf_bn").get("share_at_floor").isNull());
        JsonNode manifest = new ObjectMapper().readTree(a.resolve("manifest.json").toFile());
        assertEquals(5, manifest.get("random").get("master_seed").asLong());
        assertEquals("tiny", manifest.get("scenario").get("resolved").get("name").asText());
        assertTrue(manifest.get("timings_seconds").get("simulation").asDouble() > 0);
        for (String plot : new String[] {"corridor", "rate_histogram", "liquidity", "operations"}) {
            BufferedImage img = ImageIO.read(a.resolve(plot + ".png").toFile());
            assertEquals(1200, img.getWidth(), plot);
            // liquidity.png holds two panels (monthly changes, month-end level), operations.png three.
            assertEquals(switch (plot) {
                case "liquidity" -> 1030;
                case "operations" -> 1290;
                default -> 700;
            }, img.getHeight(), plot);
            String svg = Files.readString(a.resolve(plot + ".svg"));
            assertTrue(svg.contains("<svg") && svg.contains("height=\"" + img.getHeight()), plot + ".svg is the same picture");
        }
        // Runs are provenance records: never overwritten.
        Outcome again = run("run", model.toString(), "--paths", "2", "--out", a.toString(), "--quiet");
        assertEquals(2, again.code(), again.err());
    }

    @Test
    void liquidityCsvSatisfiesTheFiveFactorIdentityRowByRow() throws IOException {
        Path model = write("tiny.yaml", GOOD);
        // Per path and day with --daily all; per day (means over paths) otherwise: the identity holds in both.
        for (boolean perPath : new boolean[] {true, false}) {
            Path a = tmp.resolve(perPath ? "liq-all" : "liq-days");
            List<String> args = new ArrayList<>(List.of("run", model.toString(), "--paths", "40", "--out", a.toString(), "--quiet"));
            if (perPath) {
                args.addAll(List.of("--daily", "all"));
            }
            assertEquals(0, run(args.toArray(new String[0])).code());
            List<CSVRecord> rows = csv(a.resolve("liquidity.csv"));
            int checked = 0;
            for (int k = 1; k < rows.size(); k++) {
                CSVRecord r = rows.get(k);
                CSVRecord p = rows.get(k - 1);
                if (perPath && !r.get("path").equals(p.get("path"))) {
                    continue;
                }
                double lhs = d(r, p, "excess_reserves_bn");
                double rhs = d(r, p, "fx_bn") + d(r, p, "claims_bn") - d(r, p, "gov_deposits_bn") - d(r, p, "required_reserves_bn")
                        - d(r, p, "currency_bn") - d(r, p, "other_items_bn");
                assertEquals(lhs, rhs, 1e-6, "row " + k);
                checked++;
            }
            assertTrue(checked > 10, "rows checked: " + checked);
            assertEquals(perPath, rows.get(0).isMapped("path"), "per-path rows only with --daily all");
        }
    }

    @Test
    void checkPoolePassesAndReportsAtLeastFifteenLevels() throws IOException {
        Outcome o = run("check", "poole", "--paths", "40");
        assertEquals(0, o.code(), o.err());
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(o.out())).getRecords();
        assertTrue(rows.size() >= 15);
        double prev = Double.POSITIVE_INFINITY;
        for (CSVRecord r : rows) {
            double analytic = Double.parseDouble(r.get("analytic_pct"));
            double sim = Double.parseDouble(r.get("simulated_pct"));
            double se = Double.parseDouble(r.get("se_pct"));
            assertTrue(Math.abs(sim - analytic) <= Math.max(3 * se, 0.005), r.toString());
            assertTrue(analytic <= prev, "the Poole curve falls as supply rises");
            prev = analytic;
        }
        assertTrue(Double.parseDouble(rows.get(0).get("analytic_pct")) > 2.2, "deep shortage near the ceiling");
        assertTrue(Double.parseDouble(rows.get(rows.size() - 1).get("analytic_pct")) < 0.4, "deep surplus near the floor");
    }

    @Test
    void checkAveragingPassesOnTheOracleAndFailsOnAnAnchorHeldWhateverTheSupply() throws IOException {
        Outcome pass = run("check", "averaging", "--paths", "3000", "--levels", "-10,10");
        assertEquals(0, pass.code(), pass.err());
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(pass.out())).getRecords();
        assertEquals(16, rows.size(), "two levels × eight business days of the period");
        assertEquals("0", rows.get(7).get("days_to_period_end"));
        Outcome fail = run("check", "averaging", "--paths", "3000", "--levels", "10", "--set", "averaging.credibility=0.95");
        assertEquals(Main.CHECK_FAILED, fail.code(), fail.out());
        assertTrue(fail.err().contains("check averaging FAILED"), fail.err());
    }

    @Test
    void calendarPrintsTheOfficialHolidays() {
        Outcome o = run("calendar", "2024");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("2024-02-12,Mon,false,Spring Festival,,"), "Spring Festival closes 2024-02-12");
        assertTrue(o.out().contains("2024-02-04,Sun,true,Spring Festival,"), "2024-02-04 is a make-up workday");
        assertEquals(367, o.out().lines().count());
        Outcome bad = run("calendar", "2031");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("2015–2026"), bad.err());
    }

    @Test
    void benchEndsWithBankDaysPerSecond() {
        Outcome o = run("bench", "--paths", "20", "--repeats", "1", "--warmup", "0", "--threads", "2");
        assertEquals(0, o.code(), o.err());
        String last = o.out().strip().lines().reduce((x, y) -> y).orElse("");
        assertTrue(last.matches("bank_days_per_second=\\d+"), last);
        assertTrue(Long.parseLong(last.substring(last.indexOf('=') + 1)) > 1_000_000);
        // The kernel on one thread and the whole run (every default output written) are reported apart.
        java.util.Map<String, Double> v = new java.util.HashMap<>();
        o.out().lines().filter(l -> l.matches("[a-z_0-9]+=[0-9.]+")).forEach(l -> v.put(l.substring(0, l.indexOf('=')),
                Double.parseDouble(l.substring(l.indexOf('=') + 1))));
        assertTrue(v.getOrDefault("kernel_1_thread_bank_days_per_second", 0.0) > 1_000_000, o.out());
        assertTrue(v.getOrDefault("whole_run_seconds", 0.0) > v.get("best_run_seconds"), "a whole run writes outputs too: " + o.out());
    }

    private static void copyCalendar(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("calendar"));
        for (String f : new String[] {"cn-holidays.csv", "cn-festivals.csv"}) {
            Files.copy(Path.of("models", "calendar", f), dir.resolve("calendar").resolve(f));
        }
    }

    private static double d(CSVRecord r, CSVRecord p, String col) {
        return Double.parseDouble(r.get(col)) - Double.parseDouble(p.get(col));
    }

    private static List<CSVRecord> csv(Path f) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(f)).getRecords();
    }
}
