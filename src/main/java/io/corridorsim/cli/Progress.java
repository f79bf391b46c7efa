package io.corridorsim.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A run's progress on stderr, from the first path to the last report file: the simulation
 * fills the first {@value #SIMULATION_PERCENT}%, the report stages share the rest, each with a
 * label. On a terminal a redrawn bar; elsewhere (logs, CI) one line per 10%; with
 * {@code --quiet} or a small run, nothing.
 */
abstract class Progress implements AutoCloseable {

    static final int SIMULATION_PERCENT = 80;

    private final int paths;

    private Progress(int paths) {
        this.paths = paths;
    }

    /**
     * @param show    false for --quiet or runs too small to watch
     * @param console true when stderr is a terminal that can redraw a bar
     */
    static Progress create(boolean show, boolean console, int paths, PrintStream err) {
        if (!show) {
            return new Silent(paths);
        }
        return console ? new Bar(paths, err) : new Lines(paths, err);
    }

    /** {@code done} of the run's paths are simulated (any thread). */
    final synchronized void simulated(int done) {
        show(SIMULATION_PERCENT * done / Math.max(1, paths), "simulating " + done + "/" + paths + " paths");
    }

    /**
     * A report stage starts: the bar moves to the share of the report work already done
     * (0 to 1) and shows the stage's label.
     */
    final synchronized void stage(String label, double reportShareDone) {
        show(SIMULATION_PERCENT + (int) ((100 - SIMULATION_PERCENT) * reportShareDone), label);
    }

    /** Everything written. */
    final synchronized void done() {
        show(100, "done");
    }

    abstract void show(int percent, String label);

    @Override
    public void close() {
    }

    private static final class Silent extends Progress {
        Silent(int paths) {
            super(paths);
        }

        @Override
        void show(int percent, String label) {
        }
    }

    /** One line per 10% crossed, for logs: no carriage returns. */
    private static final class Lines extends Progress {
        private final PrintStream err;
        private int lastDecile;

        Lines(int paths, PrintStream err) {
            super(paths);
            this.err = err;
        }

        @Override
        void show(int percent, String label) {
            int decile = percent / 10;
            if (decile > lastDecile) {
                lastDecile = decile;
                err.println(String.format(Locale.ROOT, "corridorsim: %3d%% %s", decile * 10, label));
                err.flush();
            }
        }
    }

    private static final class Bar extends Progress {
        private final ProgressBar bar;

        Bar(int paths, PrintStream err) {
            super(paths);
            bar = new ProgressBarBuilder().setTaskName("run").setInitialMax(100).setUnit("%", 1).hideEta()
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err)).build();
        }

        @Override
        void show(int percent, String label) {
            bar.setExtraMessage(label);
            bar.stepTo(percent);
        }

        @Override
        public void close() {
            bar.close();
        }
    }
}
