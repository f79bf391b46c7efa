package io.corridorsim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad sweep files and options: exit 2, one line naming the file, line and key path, nothing left behind. */
class SweepCommandTest {

    @TempDir
    Path tmp;

    private static final String GOOD = """
            name: t
            base: %s
            days: 10
            paths: 4
            seed: 1
            design: {type: grid}
            parameters:
              - key: corridor.ceiling_pct
                values: [2.0, 2.25]
            metrics:
              - metric: dr007
                statistics: [mean, sd]
            """.formatted(Path.of("models/reference.yaml").toAbsolutePath());

    private record Outcome(int code, String out, String err) {
    }

    private Outcome sweep(String yaml, String... extra) throws IOException {
        Path f = tmp.resolve("s.yaml");
        Files.writeString(f, yaml);
        String[] args = new String[4 + extra.length];
        args[0] = "sweep";
        args[1] = f.toString();
        args[2] = "--out";
        args[3] = tmp.resolve("out").toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private void rejected(String yaml, String... fragments) throws IOException {
        Outcome o = sweep(yaml, "--quiet");
        assertEquals(Main.BAD_INPUT, o.code(), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        for (String f : fragments) {
            assertTrue(o.err().contains(f), "expected '" + f + "' in: " + o.err());
        }
        assertFalse(Files.exists(tmp.resolve("out")), "nothing left behind");
    }

    @Test
    void aGoodFileRuns() throws IOException {
        Outcome o = sweep(GOOD, "--quiet", "--threads", "1");
        assertEquals(0, o.code(), o.err());
        assertEquals(3, Files.readAllLines(tmp.resolve("out/points.csv")).size());
    }

    @Test
    void unknownKey() throws IOException {
        rejected(GOOD.replace("paths: 4", "paths: 4\nrepeats: 3"), "s.yaml:5: ", "unknown key 'repeats'", "expected one of [");
    }

    @Test
    void keyPathNotInTheBaseScenario() throws IOException {
        rejected(GOOD.replace("corridor.ceiling_pct", "corridor.width_pct"), "s.yaml:8: parameters[0].key: ",
                "'corridor.width_pct' is not a key of the base scenario", "there is no 'width_pct' under 'corridor'", "ceiling_pct");
    }

    @Test
    void listElementBeyondTheList() throws IOException {
        rejected(GOOD.replace("corridor.ceiling_pct", "banks.groups[8].count"), "parameters[0].key",
                "there is no item [8] under 'banks.groups' (it has 8)");
    }

    @Test
    void emptyRange() throws IOException {
        rejected(GOOD.replace("values: [2.0, 2.25]", "range: {min: 2.0, max: 2.0, steps: 3}"), "s.yaml:9: parameters[0].range: ",
                "the range is empty");
    }

    @Test
    void emptyValues() throws IOException {
        rejected(GOOD.replace("values: [2.0, 2.25]", "values: []"), "parameters[0].values", "the list of values is empty");
    }

    @Test
    void valueThatMakesAnInvalidScenario() throws IOException {
        rejected(GOOD.replace("values: [2.0, 2.25]", "values: [2.0, 0.2]"), "parameters[0]", "point 1 (corridor.ceiling_pct=0.2)",
                "must be below the ceiling_pct");
    }

    @Test
    void unknownStatistic() throws IOException {
        rejected(GOOD.replace("[mean, sd]", "[mean, median]"), "metrics[0].statistics[1]", "got 'median'");
    }

    @Test
    void badDesign() throws IOException {
        rejected(GOOD.replace("{type: grid}", "{type: factorial}"), "design.type", "expected one of [grid, lhs, morris, random, saltelli, sobol]");
    }

    @Test
    void existingDirectoryWithoutResume() throws IOException {
        Files.createDirectories(tmp.resolve("out"));
        Files.writeString(tmp.resolve("out/keep.txt"), "x");
        Outcome o = sweep(GOOD, "--quiet");
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("use --resume"), o.err());
        assertEquals(1, Files.list(tmp.resolve("out")).count(), "the directory is untouched");
    }

    @Test
    void badEngine() throws IOException {
        Outcome o = sweep(GOOD, "--engine", "hadoop");
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("--engine expects local or spark"), o.err());
    }
}
