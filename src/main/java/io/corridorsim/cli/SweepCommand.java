package io.corridorsim.cli;

import io.corridorsim.report.RunDirectory;
import io.corridorsim.sweep.LocalEngine;
import io.corridorsim.sweep.Sweep;
import io.corridorsim.sweep.SweepEngine;
import io.corridorsim.sweep.SweepLoader;
import io.corridorsim.sweep.SweepStateException;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code corridorsim sweep FILE}: a parameter sweep in one warm JVM (or on Spark), each point's
 * paths on the same seeds, each point committed as it finishes, resumable after any kill.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a parameter sweep (models/sweeps/*.yaml) and write points.csv, sensitivity and plots to a sweep directory.")
final class SweepCommand implements Callable<Integer> {

    /** The Spark engine, loaded by name so that no other command needs Spark on the classpath. */
    static final String SPARK_ENGINE = "io.corridorsim.sweep.spark.SparkEngine";

    @Parameters(index = "0", paramLabel = "FILE", description = "Sweep file, e.g. models/sweeps/corridor-width.yaml.")
    Path file;

    @Option(names = "--engine", paramLabel = "local|spark", description = "local (this JVM, default) or spark (under spark-submit).")
    String engine = "local";

    @Option(names = "--resume", description = "Continue the sweep in --out (default: the latest runs/sweeps/<name>/ directory), skipping committed points.")
    boolean resume;

    @Option(names = "--out", paramLabel = "DIR", description = "Sweep directory (default: runs/sweeps/<name>/<UTC timestamp>/).")
    Path out;

    @Option(names = "--paths", description = "Paths per point (overrides the sweep file).")
    Integer paths;

    @Option(names = "--days", description = "Business days per path (overrides the base scenario).")
    Integer days;

    @Option(names = "--threads", description = "Worker threads of the local engine (default: all cores). Results do not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--quiet", description = "No progress bar and no summary on stdout.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!engine.equals("local") && !engine.equals("spark")) {
            throw new UsageException("--engine expects local or spark, got '" + engine + "'");
        }
        if (threads < 1) {
            throw new UsageException("--threads must be ≥ 1, got " + threads);
        }
        if (paths != null && paths < 2) {
            throw new UsageException("--paths must be ≥ 2 (standard errors need two paths), got " + paths);
        }
        if (days != null && days < 1) {
            throw new UsageException("--days must be ≥ 1, got " + days);
        }
        SweepLoader.Loaded loaded = new SweepLoader().load(file, new SweepLoader.Overrides(paths, days));
        Path dir = directory(loaded.plan().name());
        SweepEngine e = engine.equals("local") ? new LocalEngine(threads) : spark();
        try {
            Sweep.checkDirectory(dir, resume, loaded.plan());
        } catch (SweepStateException ex) {
            throw new UsageException(ex.getMessage());
        }
        Sweep.Provenance provenance = new Sweep.Provenance(Main.version(), RunDirectory.gitCommit(Path.of("").toAbsolutePath()),
                spec.commandLine().getParseResult().originalArgs());
        Sweep.Outcome o;
        if (quiet) {
            o = Sweep.run(new Sweep.Job(loaded, dir, resume, e, provenance, Sweep.Listener.NONE));
        } else {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("points").setInitialMax(loaded.plan().points().size())
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
                o = Sweep.run(new Sweep.Job(loaded, dir, resume, e, provenance, new Sweep.Listener() {
                    @Override
                    public void started(int total, int alreadyDone) {
                        bar.stepTo(alreadyDone);
                    }

                    @Override
                    public void pointDone(int done, int total, double bankDaysPerSecond) {
                        bar.stepTo(done);
                        bar.setExtraMessage(String.format(Locale.ROOT, " %.1fM bank-days/s", bankDaysPerSecond / 1e6));
                    }
                }));
            }
        }
        if (!quiet) {
            PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "%s: %d points (%d run now, %d already committed) x %d paths in %.2f s, %.1f million bank-days/s%n",
                    loaded.plan().name(), loaded.plan().points().size(), o.pointsRun(), o.pointsSkipped(), loaded.plan().paths(),
                    o.seconds(), o.bankDaysPerSecond() / 1e6);
            w.println("sweep directory: " + o.dir());
        }
        return Main.OK;
    }

    private Path directory(String name) {
        if (out != null) {
            return out;
        }
        // Under the installation's runs/, like run directories (the repository's top level stays as it is).
        Path parent = Home.locate().runs().resolve("sweeps").resolve(name);
        if (!resume) {
            return parent.resolve(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now()));
        }
        Optional<Path> latest = Optional.empty();
        if (Files.isDirectory(parent)) {
            try (Stream<Path> s = Files.list(parent)) {
                latest = s.filter(p -> Files.isRegularFile(p.resolve("manifest.json"))).max(Comparator.comparing(Path::toString));
            } catch (IOException ex) {
                throw new UsageException("--resume: cannot list " + parent + ": " + ex.getMessage());
            }
        }
        return latest.orElseThrow(() -> new UsageException("--resume: no sweep directory under " + parent + "; give it with --out"));
    }

    /** The Spark engine by reflection: only this path loads Spark classes. */
    private static SweepEngine spark() {
        try {
            Class.forName("org.apache.spark.SparkConf", false, SweepCommand.class.getClassLoader());
            return (SweepEngine) Class.forName(SPARK_ENGINE).getConstructor().newInstance();
        } catch (ClassNotFoundException | NoClassDefFoundError ex) {
            throw new UsageException("--engine spark needs Apache Spark on the classpath: run the jar under spark-submit (see the README, Sweeps)");
        } catch (ReflectiveOperationException ex) {
            Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
            if (cause instanceof NoClassDefFoundError) {
                throw new UsageException("--engine spark needs Apache Spark on the classpath: run the jar under spark-submit (see the README, Sweeps)");
            }
            throw new IllegalStateException("cannot start the Spark engine: " + cause, cause);
        }
    }
}
