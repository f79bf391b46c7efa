package io.corridorsim.sweep;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** STYLE §1: sweep sits after montecarlo and before report and cli, so it imports neither. */
class SweepLayerTest {

    @Test
    void sweepImportsNoCliOrReport() throws IOException {
        Pattern forbidden = Pattern.compile("^import (static )?io\\.corridorsim\\.(cli|report)\\b");
        List<String> offences = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.walk(Path.of("src/main/java/io/corridorsim/sweep"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                for (String line : Files.readAllLines(f)) {
                    if (forbidden.matcher(line).find()) {
                        offences.add(f + ": " + line);
                    }
                }
            }
        }
        assertTrue(files > 10, "the scan found the sweep sources");
        assertEquals(List.of(), offences);
    }
}
