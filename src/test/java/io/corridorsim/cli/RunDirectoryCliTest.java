package io.corridorsim.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 10: a run directory that reproduces itself, survives signals and neighbours, and fails in one line. */
class RunDirectoryCliTest {

    @TempDir
    Path tmp;

    private static final String TINY = """
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

    /** The same economy on the China calendar: it needs the shipped models/calendar. */
    private static final String CHINA = TINY.replace("calendar: weekdays", "calendar: china");

    private static final List<String> TABLES = List.of("quantiles.csv", "summary.json", "liquidity.csv", "operations.csv",
            "seasonality.csv", "calibration.csv", "daily.csv");

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void theSavedScenarioReproducesItsRunFromAnotherDirectory() throws IOException {
        // Seed, paths and days from the command line, calendar resolved outside models/: all must be in scenario.yaml.
        Path model = write("my.yaml", CHINA);
        Path a = tmp.resolve("a");
        CliTest.Outcome first = CliTest.run("run", model.toString(), "--paths", "3", "--seed", "77", "--days", "25",
                "--daily", "all", "--out", a.toString(), "--quiet");
        assertEquals(0, first.code(), first.err());
        String saved = Files.readString(a.resolve("scenario.yaml"));
        assertTrue(saved.contains("seed: 77") && saved.contains("paths: 3") && saved.contains("days: 25"), saved);
        assertTrue(saved.contains("calendar_dir: " + Path.of("models", "calendar").toAbsolutePath()), saved);

        // Copied somewhere else, without its neighbours, and run with no options.
        Path moved = Files.createDirectories(tmp.resolve("far/away")).resolve("scenario.yaml");
        Files.copy(a.resolve("scenario.yaml"), moved);
        Path b = tmp.resolve("b");
        CliTest.Outcome again = CliTest.run("run", moved.toString(), "--daily", "all", "--out", b.toString(), "--quiet");
        assertEquals(0, again.code(), again.err());
        for (String f : TABLES) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " differs on the rerun");
        }
        assertEquals(body(a.resolve("scenario.yaml")), body(b.resolve("scenario.yaml")), "the rerun's scenario is the same scenario");

        // rerun DIR does the same and says so.
        Path c = tmp.resolve("c");
        CliTest.Outcome rerun = CliTest.run("rerun", a.toString(), "--out", c.toString(), "--quiet");
        assertEquals(0, rerun.code(), rerun.err());
        assertTrue(rerun.out().contains("identical: calibration.csv, daily.csv, liquidity.csv, operations.csv, quantiles.csv, seasonality.csv,"
                + " summary.json"),
                rerun.out());
        assertTrue(rerun.out().contains("written to " + c), "--quiet keeps the final line: " + rerun.out());
    }

    @Test
    void rerunSaysWhichFilesDiffer() throws IOException {
        Path a = tmp.resolve("a");
        assertEquals(0, CliTest.run("run", write("t.yaml", TINY).toString(), "--paths", "2", "--out", a.toString(), "--quiet").code());
        Files.writeString(a.resolve("quantiles.csv"), "tampered\n");
        CliTest.Outcome o = CliTest.run("rerun", a.toString(), "--out", tmp.resolve("b").toString(), "--quiet");
        assertEquals(1, o.code(), o.err());
        assertTrue(o.err().contains("differs") && o.err().contains("quantiles.csv") && !o.err().contains("summary.json"), o.err());
    }

    @Test
    void relativePathsResolveAgainstTheCallersDirectory() throws Exception {
        // A child JVM started in a directory far from the project, as the launcher now does (no cd).
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(work.resolve("my.yaml"), CHINA);
        Process p = java(work, List.of(), "run", "my.yaml", "--paths", "2", "--days", "10", "--out", "results/one", "--quiet");
        String out = drain(p);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child finished");
        assertEquals(0, p.exitValue(), out);
        assertTrue(Files.isRegularFile(work.resolve("results/one/quantiles.csv")), "--out lands under the caller's directory: " + out);
        assertTrue(out.contains("written to " + work.resolve("results/one").toRealPath()) || out.contains("written to "
                + work.resolve("results/one")), out);
        assertFalse(Files.exists(Path.of("results")), "nothing lands in the project");
    }

    @Test
    void twoRunsStartedTogetherBothSucceedInDistinctDirectories() throws Exception {
        Home home = new Home(Files.createDirectories(tmp.resolve("home")));
        Path model = write("tiny.yaml", TINY);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Path>> runs = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                runs.add(pool.submit(() -> {
                    Runner.Request q = new Runner.Request(model, List.of("run.paths=3"), null, false, 1, true, List.of("run"), false);
                    start.await();
                    return new Runner(home, new PrintWriter(new StringWriter()), System.err).run(q);
                }));
            }
            Path a = runs.get(0).get(60, TimeUnit.SECONDS);
            Path b = runs.get(1).get(60, TimeUnit.SECONDS);
            assertNotEquals(a, b);
            for (Path d : List.of(a, b)) {
                assertEquals(home.runs().resolve("tiny"), d.getParent());
                assertTrue(Files.size(d.resolve("manifest.json")) > 0, d.toString());
            }
            assertArrayEquals(Files.readAllBytes(a.resolve("quantiles.csv")), Files.readAllBytes(b.resolve("quantiles.csv")));
            try (Stream<Path> s = Files.list(home.runs().resolve("tiny"))) {
                assertEquals(List.of(), s.filter(f -> f.getFileName().toString().startsWith(".tmp-")).toList());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void runDirectoriesAreReadableByTheGroup() throws IOException {
        Path a = tmp.resolve("a");
        assertEquals(0, CliTest.run("run", write("t.yaml", TINY).toString(), "--paths", "2", "--out", a.toString(), "--quiet").code());
        Set<PosixFilePermission> dir = Files.getPosixFilePermissions(a);
        assertTrue(dir.containsAll(Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE)), dir.toString());
        assertTrue(Files.getPosixFilePermissions(a.resolve("summary.json")).contains(PosixFilePermission.GROUP_READ));
    }

    @Test
    void sigtermDuringReportWritingLeavesNoTemporaryFolderAndExits143() throws Exception {
        interrupt("TERM", 143);
    }

    @Test
    void sigintDuringReportWritingLeavesNoTemporaryFolderAndExits130() throws Exception {
        interrupt("INT", 130);
    }

    private void interrupt(String signal, int expected) throws Exception {
        // Big enough to spend seconds writing daily.csv; killed once that file is growing in
        // the temporary folder, i.e. in the middle of the reports.
        Path out = tmp.resolve("killed");
        Process p = java(tmp, List.of(), "run", Path.of("models/reference.yaml").toAbsolutePath().toString(), "--paths", "400",
                "--daily", "all", "--threads", "1", "--out", out.toString());
        boolean killed = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!killed && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            for (Path t : temporaryFolders()) {
                Path daily = t.resolve("daily.csv");
                if (Files.isRegularFile(daily) && sizeOf(daily) > 0) {
                    new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor();
                    killed = true;
                }
            }
        }
        String log = drain(p);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child exits");
        assertTrue(killed, "killed while daily.csv was being written: " + log);
        assertEquals(expected, p.exitValue(), log);
        assertFalse(log.contains("\r"), "no carriage returns outside a terminal");
        assertFalse(Files.exists(out), "no half-written run directory");
        assertEquals(List.of(), temporaryFolders(), "no temporary folder left");
    }

    private List<Path> temporaryFolders() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(f -> f.getFileName().toString().startsWith(".tmp-")).toList();
        }
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0; // deleted meanwhile
        }
    }

    @Test
    void everyBadOutIsExitTwoInOneLineAndLeavesNothing() throws IOException {
        Path model = write("t.yaml", TINY);
        Path file = write("a-file", "x");
        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("old.csv"), "x");
        String[][] cases = {
            {file.toString(), "exists and is not a directory"},
            {file.resolve("sub").toString(), "a file is in the way"},
            {full.toString(), "exists and is not empty"},
            {"/proc/corridorsim-test/run", "cannot create the output directory /proc/corridorsim-test/run"},
        };
        for (String[] c : cases) {
            for (String cmd : new String[] {"run", "check"}) {
                CliTest.Outcome o = cmd.equals("run") ? CliTest.run("run", model.toString(), "--paths", "2", "--out", c[0], "--quiet")
                        : CliTest.run("check", "poole", "--paths", "2", "--out", c[0]);
                assertEquals(2, o.code(), cmd + " --out " + c[0] + ": " + o.err());
                assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
                assertTrue(o.err().startsWith("corridorsim: ") && o.err().contains(c[1]), o.err());
                assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), "no Java in the message: " + o.err());
            }
        }
        assertEquals(List.of("old.csv"), list(full), "an occupied directory is left as it was");
        assertEquals(Set.of("a-file", "full", "t.yaml"), Set.copyOf(list(tmp)), "nothing left behind");
    }

    @Test
    void aReadOnlyOutIsExitTwo() throws IOException {
        // Root ignores permission bits: only meaningful for an ordinary user.
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "running as root");
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        Files.setPosixFilePermissions(ro, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE));
        try {
            CliTest.Outcome o = CliTest.run("run", write("t.yaml", TINY).toString(), "--out", ro.resolve("x").toString(), "--quiet");
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().contains("permission denied"), o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
        } finally {
            Files.setPosixFilePermissions(ro, Set.of(PosixFilePermission.values()));
        }
    }

    @Test
    void unreadableScenarioTextIsNamedInWordsNotJavaClasses() throws IOException {
        Path f = tmp.resolve("latin1.yaml");
        Files.write(f, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
        CliTest.Outcome o = CliTest.run("validate", f.toString());
        assertEquals(2, o.code());
        assertEquals("corridorsim: " + f + ": cannot read the scenario file: it is not UTF-8 text", o.err().strip());
        CliTest.Outcome missing = CliTest.run("validate", tmp.resolve("nope.yaml").toString());
        assertTrue(missing.err().strip().endsWith("cannot read the scenario file: no such file"), missing.err());
    }

    @Test
    void aMistypedKeyIsNamedAsUnknownWithTheNearestValidKey() throws IOException {
        Path f = write("typo.yaml", TINY.replace("floor_pct: 0.35", "flor_pct: 0.35"));
        CliTest.Outcome o = CliTest.run("validate", f.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains(":5: corridor.flor_pct: unknown key 'flor_pct'; did you mean 'floor_pct'?"), o.err());
        assertFalse(o.err().contains("missing"), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
    }

    @Test
    void quietKeepsOnlyTheFinalLineAndDebugAddsTheStackTrace() throws IOException {
        Path a = tmp.resolve("a");
        CliTest.Outcome o = CliTest.run("run", write("t.yaml", TINY).toString(), "--paths", "2", "--out", a.toString(), "--quiet");
        assertEquals("written to " + a.toAbsolutePath().normalize(), o.out().strip());
        assertEquals("", o.err());
        CliTest.Outcome plain = CliTest.run("run", tmp.resolve("t.yaml").toString(), "--out", a.toString(), "--quiet");
        CliTest.Outcome debug = CliTest.run("run", tmp.resolve("t.yaml").toString(), "--out", a.toString(), "--quiet", "--debug");
        assertEquals(2, plain.code());
        assertEquals(2, debug.code());
        assertEquals(1, plain.err().strip().lines().count(), plain.err());
        assertTrue(debug.err().contains("\tat io.corridorsim."), "--debug shows where: " + debug.err());
    }

    @Test
    void onePathGivesEmptyOrNullStandardErrorsWithTheReasonNeverZero() throws IOException {
        Path a = tmp.resolve("one");
        assertEquals(0, CliTest.run("run", write("t.yaml", TINY).toString(), "--paths", "1", "--out", a.toString(), "--quiet").code());
        List<org.apache.commons.csv.CSVRecord> cal = csv(a.resolve("calibration.csv"));
        for (org.apache.commons.csv.CSVRecord r : cal) {
            assertTrue(!r.get("mean_spread_bp").isEmpty(), "the mean itself is defined: " + r);
            for (String se : List.of("mean_spread_se_bp", "sd_spread_se_bp", "sd_daily_change_se_bp", "ar1_se")) {
                assertEquals("", r.get(se), se + " of " + r.get("metric"));
            }
            assertTrue(r.get("note").contains("standard errors need at least two paths"), r.toString());
        }
        assertTrue(csv(a.resolve("seasonality.csv")).stream().allMatch(r -> r.get("dr001_se_bp").isEmpty()
                && !r.get("note").isEmpty()));
        assertTrue(csv(a.resolve("quantiles.csv")).stream().allMatch(r -> r.get("sd").isEmpty()), "sd across one path");
        com.fasterxml.jackson.databind.JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(a.resolve("summary.json").toFile());
        assertTrue(summary.get("metrics").get("dr001").get("mcse_mean").isNull());
        assertTrue(summary.get("note").asText().contains("one path"), summary.get("note").toString());
    }

    private static List<org.apache.commons.csv.CSVRecord> csv(Path f) throws IOException {
        try (var in = Files.newBufferedReader(f)) {
            return org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)
                    .getRecords();
        }
    }

    @Test
    void checkPooleWritesItsPlotIntoOut() throws IOException {
        Path out = tmp.resolve("poole");
        CliTest.Outcome o = CliTest.run("check", "poole", "--paths", "20", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        List<String> csv = Files.readAllLines(out.resolve("poole.csv"));
        assertEquals(String.join(",", CheckCommand.PooleCheck.COLUMNS), csv.get(0));
        assertEquals(o.out().lines().filter(l -> !l.startsWith("written to")).count(), csv.size(), "poole.csv has the rows on stdout");
        assertEquals(1200, javax.imageio.ImageIO.read(out.resolve("poole.png").toFile()).getWidth());
        assertTrue(Files.readString(out.resolve("poole.svg")).contains("<svg"));
    }

    private Process java(Path dir, List<String> jvm, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), "-Djava.awt.headless=true", "-Xmx512m"));
        cmd.addAll(jvm);
        cmd.add(Main.class.getName());
        cmd.addAll(Arrays.asList(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    private static String drain(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** scenario.yaml without its comment lines (they name the source file). */
    private static String body(Path scenario) throws IOException {
        return String.join("\n", Files.readAllLines(scenario).stream().filter(l -> !l.startsWith("#")).toList());
    }
}
