package io.corridorsim.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The installation: the folder holding {@code models/} (default scenarios, the calendar, the
 * data) and {@code runs/} (default output root). The launcher passes it as
 * {@code -Dcorridorsim.home}; without it, the first folder above the running code (the jar or
 * {@code target/classes}) that has a {@code models/} folder; failing that, the working directory.
 * Everything a user types (scenario files, {@code --out}) resolves against the working
 * directory instead.
 */
record Home(Path dir) {

    static final String PROPERTY = "corridorsim.home";

    static Home locate() {
        String given = System.getProperty(PROPERTY);
        if (given != null && !given.isBlank()) {
            return new Home(Path.of(given).toAbsolutePath().normalize());
        }
        try {
            Path code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path d = code.toAbsolutePath(); d != null; d = d.getParent()) {
                if (Files.isDirectory(d.resolve("models"))) {
                    return new Home(d);
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no code source (unusual class loader): fall back to the working directory
        }
        return new Home(Path.of("").toAbsolutePath());
    }

    /** A shipped file or folder under {@code models/}. */
    Path models(String name) {
        return dir.resolve("models").resolve(name);
    }

    /** Where {@code calendar_dir} is looked up when it is not next to the scenario. */
    List<Path> dataRoots() {
        return List.of(dir.resolve("models"));
    }

    /** The default output root, {@code runs/} of the installation. */
    Path runs() {
        return dir.resolve("runs");
    }
}
