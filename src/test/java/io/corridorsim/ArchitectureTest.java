package io.corridorsim;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** STYLE §1: dependencies point one way; the model never imports the CLI, the reports or XChart. */
class ArchitectureTest {

    private static final List<String> MODEL_PACKAGES = List.of("calendar", "bank", "market", "centralbank", "flows", "model");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "^import (static )?(org\\.knowm\\.xchart|picocli|io\\.corridorsim\\.(cli|report|scenario|montecarlo))\\b");
    private static final Pattern STATIC_MUTABLE = Pattern.compile("^\\s*(public |protected |private )?static (?!final)[\\w<>\\[\\], ]+ \\w+\\s*[=;]");

    @Test
    void modelPackagesImportNoCliReportOrPlotting() throws IOException {
        List<String> offences = new ArrayList<>();
        for (String pkg : MODEL_PACKAGES) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/corridorsim", pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(f)) {
                        if (FORBIDDEN.matcher(line).find()) {
                            offences.add(f + ": " + line);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), offences);
    }

    /**
     * DOMAIN §3.3: the central bank decides from its view. Its package may not reach a bank, the
     * model or the flows behind the view: every rule is a function of {@code CentralBankView}.
     */
    @Test
    void theCentralBankSeesNoBank() throws IOException {
        Pattern reach = Pattern.compile("^import (static )?io\\.corridorsim\\.(bank|model|flows)\\b");
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/corridorsim/centralbank"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (reach.matcher(line).find() || line.contains("io.corridorsim.bank.")) {
                        offences.add(f + ": " + line.strip());
                    }
                }
            }
        }
        assertEquals(List.of(), offences);
    }

    @Test
    void noStaticMutableState() throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (STATIC_MUTABLE.matcher(line).find()) {
                        offences.add(f + ": " + line.strip());
                    }
                }
            }
        }
        assertEquals(List.of(), offences, "two runs in one JVM would share these");
    }
}
