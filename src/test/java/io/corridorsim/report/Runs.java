package io.corridorsim.report;

import io.corridorsim.model.ModelSpec;
import io.corridorsim.montecarlo.MonteCarlo;
import io.corridorsim.montecarlo.RunResult;
import io.corridorsim.montecarlo.RunSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A run as the run command makes it, for the report tests: the summary, the per-path tables in a folder, and the stored paths. */
final class Runs {

    /** @param dir holds daily.csv, liquidity.csv and operations.csv per path, as {@code --daily all} writes them */
    record Written(RunSummary summary, Path dir, RunResult stored) {
        Path daily() {
            return dir.resolve("daily.csv");
        }

        Path liquidity() {
            return dir.resolve("liquidity.csv");
        }

        Path operations() {
            return dir.resolve("operations.csv");
        }
    }

    private Runs() {
    }

    static Written run(ModelSpec spec, MonteCarlo.Plan plan, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RunSummary s;
        try (PathTables t = new PathTables(spec, MonteCarlo.recordedMetrics(spec), dir)) {
            s = MonteCarlo.summarize(spec, plan, d -> { }, t);
        }
        RunResult stored = RunResult.simulate(spec, plan.paths(), plan.seed(), plan.threads(), d -> { });
        return new Written(s, dir, stored);
    }
}
