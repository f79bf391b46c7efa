package io.corridorsim.sweep;

import io.corridorsim.montecarlo.StoredPaths;
import io.corridorsim.model.Metric;
import io.corridorsim.model.ModelSpec;
import io.corridorsim.montecarlo.MonteCarlo;
import io.corridorsim.montecarlo.RunResult;
import io.corridorsim.montecarlo.Statistics;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepTest {

    static final Path SWEEPS = Path.of("src/test/resources/sweeps");

    static Path run(Path file, SweepLoader.Overrides o, Path dir, SweepEngine engine) {
        SweepLoader.Loaded loaded = new SweepLoader().load(file, o);
        Sweep.run(new Sweep.Job(loaded, dir, false, engine, new Sweep.Provenance("test", "none", List.of()), Sweep.Listener.NONE));
        return dir.resolve("points.csv");
    }

    static List<CSVRecord> rows(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
    }

    @Test
    void pointsCsvIsIdenticalForOneAndTwoThreadsAndHasOneRowPerPointInOrder(@TempDir Path tmp) throws IOException {
        Path one = run(SWEEPS.resolve("small-grid.yaml"), SweepLoader.Overrides.NONE, tmp.resolve("t1"), new LocalEngine(1));
        Path two = run(SWEEPS.resolve("small-grid.yaml"), SweepLoader.Overrides.NONE, tmp.resolve("t2"), new LocalEngine(2));
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        List<CSVRecord> rows = rows(one);
        assertEquals(12, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(Integer.toString(i), rows.get(i).get("point"));
        }
        assertEquals("150", rows.get(0).get("corridor_width_bp"));
        assertEquals("2000", rows.get(3).get("central_bank.feedback.gain_bn"));
        // The baseline (200bp, gain 0) is point 4: its difference against itself is exactly zero.
        assertEquals("0.0", rows.get(4).get("dr007_sd_diff"));
        assertTrue(Files.readString(tmp.resolve("t1/timings.csv")).lines().count() == 13);
    }

    @Test
    void everyShippedSweepFileLoadsWithItsDesignSize() throws IOException {
        java.util.Map<String, Integer> expected = java.util.Map.of("corridor-width", 20, "regimes", 5, "omo-frequency", 16,
                "feedback-gain", 9, "sensitivity", 64 * (5 + 2), "screening", 12 * (7 + 1), "rrr-spring-festival", 9,
                "overhead", 10);
        java.util.Set<String> seen = new java.util.TreeSet<>();
        try (java.util.stream.Stream<Path> files = Files.list(Path.of("models/sweeps"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                SweepPlan plan = new SweepLoader().load(f, new SweepLoader.Overrides(2, 5)).plan();
                String name = f.getFileName().toString().replace(".yaml", "");
                assertEquals(name, plan.name());
                assertEquals(expected.get(name), plan.points().size(), name);
                seen.add(name);
            }
        }
        assertEquals(new java.util.TreeSet<>(expected.keySet()), seen);
    }

    @Test
    void aPointEqualsARunOfTheSameScenarioAndSeed(@TempDir Path tmp) throws IOException {
        Path file = SWEEPS.resolve("one-point.yaml");
        SweepPlan plan = new SweepLoader().load(file, SweepLoader.Overrides.NONE).plan();
        CSVRecord row = rows(run(file, SweepLoader.Overrides.NONE, tmp.resolve("s"), new LocalEngine(2))).get(0);

        ModelSpec spec = plan.compile(0);
        RunResult r = RunResult.simulate(spec, 16, 7, 1, done -> { });
        double[][] dr007 = r.values(Metric.DR007);
        double[] sdPerPath = new double[16];
        double[] meanPerPath = new double[16];
        for (int p = 0; p < 16; p++) {
            double[] spread = new double[spec.days()];
            for (int t = 0; t < spread.length; t++) {
                spread[t] = (dr007[t][p] - spec.rates().policyPct(t)) * 100;
            }
            sdPerPath[p] = Statistics.sd(spread);
            meanPerPath[p] = Statistics.mean(spread);
        }
        assertEquals(Statistics.mean(sdPerPath), Double.parseDouble(row.get("dr007_sd")), 1e-12);
        assertEquals(Statistics.mean(meanPerPath), Double.parseDouble(row.get("dr007_mean")), 1e-12);
        assertEquals(Statistics.sd(sdPerPath) / 4, Double.parseDouble(row.get("dr007_sd_se")), 1e-12);
        double[][] er = r.values(Metric.EXCESS_RESERVES_BN);
        assertEquals(Statistics.mean(StoredPaths.flatten(er)), Double.parseDouble(row.get("excess_reserves_bn_mean")), 1e-9);
    }

    @Test
    void standardErrorsShrinkLikeOneOverRootPaths(@TempDir Path tmp) throws IOException {
        Path file = SWEEPS.resolve("one-point.yaml");
        CSVRecord small = rows(run(file, new SweepLoader.Overrides(16, null), tmp.resolve("a"), new LocalEngine(2))).get(0);
        CSVRecord large = rows(run(file, new SweepLoader.Overrides(256, null), tmp.resolve("b"), new LocalEngine(2))).get(0);
        for (String stat : List.of("dr007_mean", "dr007_sd", "dr007_sd_change", "dr007_p05", "excess_reserves_bn_mean")) {
            double ratio = Double.parseDouble(small.get(stat + "_se")) / Double.parseDouble(large.get(stat + "_se"));
            assertTrue(ratio > 4 * 0.7 && ratio < 4 * 1.4, stat + ": se(16)/se(256) = " + ratio + ", expected about 4");
            double width = Double.parseDouble(large.get(stat + "_hi95")) - Double.parseDouble(large.get(stat + "_lo95"));
            assertEquals(2 * 1.9697 * Double.parseDouble(large.get(stat + "_se")), width, 1e-3 * width);
        }
    }

    @Test
    void commonRandomNumbersMakeThePairedDifferenceMorePreciseOnCorridorWidth(@TempDir Path tmp) throws IOException {
        Path csv = run(Path.of("models/sweeps/corridor-width.yaml"), new SweepLoader.Overrides(24, 40), tmp.resolve("cw"),
                new LocalEngine(2));
        List<CSVRecord> rows = rows(csv);
        assertEquals(20, rows.size());
        int compared = 0;
        for (CSVRecord r : rows) {
            if (r.get("dr007_sd_diff").equals("0.0")) {
                continue; // the baseline itself
            }
            for (String stat : List.of("dr007_sd", "dr007_mean")) {
                double paired = Double.parseDouble(r.get(stat + "_diff_se"));
                double unpaired = Double.parseDouble(r.get(stat + "_diff_se_unpaired"));
                assertTrue(paired < unpaired, "point " + r.get("point") + " " + stat + ": paired se " + paired + " ≥ unpaired " + unpaired);
                compared++;
            }
            assertEquals("20250102", r.get("seed"));
        }
        assertEquals(38, compared);
    }

    @Test
    void withoutCommonRandomNumbersPointsGetTheirOwnSeeds(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("nocrn.yaml");
        Files.writeString(file, Files.readString(SWEEPS.resolve("small-grid.yaml"))
                .replace("base: ../../../../models/reference.yaml", "base: " + Path.of("models/reference.yaml").toAbsolutePath())
                .replace("seed: 42", "seed: 42\ncommon_random_numbers: false"));
        SweepPlan plan = new SweepLoader().load(file, SweepLoader.Overrides.NONE).plan();
        assertEquals(12, plan.points().stream().map(PointPlan::seed).distinct().count());
        SweepPlan crn = new SweepLoader().load(SWEEPS.resolve("small-grid.yaml"), SweepLoader.Overrides.NONE).plan();
        assertEquals(1, crn.points().stream().map(PointPlan::seed).distinct().count());
        assertNotEquals(plan.fingerprint(), crn.fingerprint());
    }

    @Test
    void saltelliSweepWritesSobolIndicesWithTheDummyAndATornado(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("sa");
        run(SWEEPS.resolve("small-saltelli.yaml"), SweepLoader.Overrides.NONE, dir, new LocalEngine(2));
        List<String> lines = Files.readAllLines(dir.resolve("sensitivity.csv"));
        // 2 statistics × 3 parameters (ceiling, forecast error, dummy) × 2 indices, plus the header.
        assertEquals(1 + 2 * 3 * 2, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("dr007_mean,dummy,ST,")));
        double ceilingSt = lines.stream().filter(l -> l.startsWith("dr007_mean,corridor.ceiling_pct,ST,"))
                .mapToDouble(l -> Double.parseDouble(l.split(",")[3])).findFirst().orElseThrow();
        double dummySt = lines.stream().filter(l -> l.startsWith("dr007_mean,dummy,ST,"))
                .mapToDouble(l -> Double.parseDouble(l.split(",")[3])).findFirst().orElseThrow();
        assertTrue(ceilingSt > dummySt, "the ceiling moves the DR007 level more than the seed does: " + ceilingSt + " vs " + dummySt);
        assertEquals(4 * 5, rows(dir.resolve("points.csv")).size());
    }
}
