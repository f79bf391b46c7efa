package io.corridorsim.bench;

import io.corridorsim.model.CorridorModel;
import io.corridorsim.model.ModelSpec;
import io.corridorsim.model.PathSink;
import io.corridorsim.model.PathRunner;
import io.corridorsim.model.PathStreams;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The speed issue's yardstick, beside the project's kernel on the same footing: one path of the
 * reference scenario (100 banks × 250 business days), timed per path.
 *
 * <ul>
 *   <li>{@link #minimalPath}: the irreducible work of a path, written as tightly as we can: per
 *   bank-day one normal draw (XoShiRo256++ and the Ziggurat sampler), the zero-sum netting of
 *   payments, settlement against a requirement (the shortfall to the SLF), no allocation.</li>
 *   <li>{@link #modelPath}: {@code CorridorModel.runPath} on {@code models/reference.yaml}, every
 *   metric recorded into a sink that discards it.</li>
 *   <li>{@link #modelPathReused}: the same path on one model reset for each path
 *   ({@code CorridorModel.newRunner}), as a Monte Carlo worker runs its paths.</li>
 * </ul>
 * Bank-days per second = 25,000 / (seconds per path). Run with {@code mvn -Pjmh verify}; the
 * ratio of the two is the kernel's share of the hardware the speed issue asks about.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MinimalKernelBenchmark {

    private static final int BANKS = 100;
    private static final int DAYS = 250;

    private ModelSpec spec;
    private PathRunner runner;
    private long path;
    private final double[] sigma = new double[BANKS];
    private final double[] weight = new double[BANKS];
    private final double[] reserves = new double[BANKS];
    private final double[] required = new double[BANKS];
    private final double[] z = new double[BANKS];
    private ZigguratSampler.NormalizedGaussian normal;

    @Setup
    public void setup() {
        Path model = Path.of("models", "reference.yaml");
        spec = ScenarioCompiler.compile(new ScenarioLoader().load(model, List.of()), model);
        runner = CorridorModel.newRunner(spec);
        double sumSq = 0;
        for (int i = 0; i < BANKS; i++) {
            sigma[i] = 20 + i % 17;
            required[i] = 1000 + 10.0 * i;
            sumSq += sigma[i] * sigma[i];
        }
        for (int i = 0; i < BANKS; i++) {
            weight[i] = sigma[i] * sigma[i] / sumSq;
        }
        normal = ZigguratSampler.NormalizedGaussian.of(new XoShiRo256PlusPlus(new long[] {1, 2, 3, 4}));
    }

    /** The minimal program: one path of normal draws, zero-sum netting and settlement. */
    @Benchmark
    public double minimalPath() {
        double slf = 0;
        for (int i = 0; i < BANKS; i++) {
            reserves[i] = required[i] + 20;
        }
        for (int t = 0; t < DAYS; t++) {
            double x = 0;
            for (int i = 0; i < BANKS; i++) {
                double s = sigma[i] * normal.sample();
                z[i] = s;
                x += s;
            }
            for (int i = 0; i < BANKS; i++) {
                double r = reserves[i] + z[i] - weight[i] * x;
                double shortfall = Math.max(0, required[i] - r);
                slf += shortfall;
                reserves[i] = r + shortfall;
            }
        }
        return slf;
    }

    /** The project's kernel: one whole path of the reference scenario. */
    @Benchmark
    public long modelPath() {
        long p = path++;
        CorridorModel.runPath(spec, p, PathStreams.of(new XoShiRo256PlusPlus(new long[] {p, 0x9E3779B97F4A7C15L, 7, 11})), PathSink.NONE);
        return p;
    }

    /** The project's kernel as a worker runs it: one path of the reference scenario on a reused model. */
    @Benchmark
    public long modelPathReused() {
        long p = path++;
        runner.run(p, PathStreams.of(new XoShiRo256PlusPlus(new long[] {p, 0x9E3779B97F4A7C15L, 7, 11})), PathSink.NONE);
        return p;
    }
}
