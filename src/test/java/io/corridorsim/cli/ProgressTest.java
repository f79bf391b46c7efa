package io.corridorsim.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {

    @Test
    void outsideATerminalOneLinePerTenPercentFromThePathsToTheLastReport() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Progress p = Progress.create(true, false, 1000, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            for (int done = 1; done <= 1000; done++) {
                p.simulated(done);
            }
            p.stage("writing quantiles.csv", 0.0);
            p.stage("writing daily.csv", 0.55);
            p.stage("drawing corridor.png", 0.9);
            p.done();
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), "no carriage returns in logs");
        List<String> lines = text.lines().toList();
        assertEquals(10, lines.size(), text);
        assertEquals("corridorsim:  10% simulating 125/1000 paths", lines.get(0));
        assertEquals("corridorsim:  80% simulating 1000/1000 paths", lines.get(7));
        assertEquals("corridorsim:  90% writing daily.csv", lines.get(8), "the report stages are on the bar, with labels");
        assertEquals("corridorsim: 100% done", lines.get(9));
    }

    @Test
    void quietShowsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Progress p = Progress.create(false, false, 10, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            p.simulated(10);
            p.stage("writing quantiles.csv", 0.5);
            p.done();
        }
        assertTrue(bytes.toString(StandardCharsets.UTF_8).isEmpty());
    }
}
