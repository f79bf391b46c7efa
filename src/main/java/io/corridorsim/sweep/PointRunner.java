package io.corridorsim.sweep;

import io.corridorsim.model.CorridorModel;
import io.corridorsim.model.Metric;
import io.corridorsim.model.ModelSpec;
import io.corridorsim.model.PathStreams;
import io.corridorsim.montecarlo.PathSeeds;
import org.apache.commons.rng.JumpableUniformRandomProvider;

import java.util.List;

/**
 * Runs a block of paths of one point and reduces each path to its statistics at once, so a
 * point never holds more than one day-series per metric per thread. Path p uses stream p of
 * {@link PathSeeds} under the point's seed, as in a run ({@code MonteCarlo.summarize}), so a point's numbers
 * depend only on (seed, path index), never on the block or the thread.
 */
public final class PointRunner {

    private final ModelSpec spec;
    private final List<StatisticSpec> statistics;
    private final long seed;
    private final double[] policyPct;
    private final Metric[] metrics;

    public PointRunner(ModelSpec spec, List<StatisticSpec> statistics, long seed) {
        this.spec = spec;
        this.statistics = List.copyOf(statistics);
        this.seed = seed;
        this.policyPct = new double[spec.days()];
        for (int t = 0; t < policyPct.length; t++) {
            policyPct[t] = spec.rates().policyPct(t);
        }
        this.metrics = statistics.stream().map(StatisticSpec::metric).distinct().toArray(Metric[]::new);
    }

    public ModelSpec spec() {
        return spec;
    }

    /** {@code [path − from][statistic]} for paths {@code from … to−1}. */
    public double[][] run(int from, int to) {
        JumpableUniformRandomProvider[] streams = PathSeeds.streams(seed, to);
        int days = spec.days();
        double[][] series = new double[Metric.values().length][];
        for (Metric m : metrics) {
            series[m.ordinal()] = new double[days];
        }
        double[][] out = new double[to - from][statistics.size()];
        // One model for the block, reset for each path.
        io.corridorsim.model.PathRunner runner = CorridorModel.newRunner(spec);
        for (int p = from; p < to; p++) {
            runner.run(p, PathStreams.of(streams[p]), (metric, day, value) -> {
                double[] s = series[metric.ordinal()];
                if (s != null) {
                    s[day] = value;
                }
            });
            for (int j = 0; j < statistics.size(); j++) {
                StatisticSpec st = statistics.get(j);
                out[p - from][j] = st.ofPath(series[st.metric().ordinal()], policyPct);
            }
        }
        return out;
    }
}
