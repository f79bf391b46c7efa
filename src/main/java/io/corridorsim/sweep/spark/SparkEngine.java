package io.corridorsim.sweep.spark;

import io.corridorsim.scenario.ScenarioLoader;
import io.corridorsim.sweep.PointRunner;
import io.corridorsim.sweep.SweepEngine;
import io.corridorsim.sweep.SweepPlan;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a sweep's points on Apache Spark: points, or blocks of paths of one point when there are
 * fewer points than cores, become tasks; the plan is broadcast and each executor compiles the
 * points it meets. Path p of a point always uses stream p of the point's seed, whatever the
 * partitioning, so this engine gives the same points.csv as the local one. The driver commits
 * points after each job of about two tasks per core, so a killed sweep resumes from there.
 * This is the only class that references Spark; the CLI loads it by name.
 */
public final class SparkEngine implements SweepEngine {

    private final String master;

    /** Under spark-submit: the master comes from spark-submit (local[*] if none was given). */
    public SparkEngine() {
        this(null);
    }

    /** With an explicit master such as {@code local[2]} (tests). */
    public SparkEngine(String master) {
        this.master = master;
    }

    @Override
    public String name() {
        return "spark";
    }

    /** A task: paths {@code from … to−1} of one point. */
    record Block(int point, int from, int to) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A task's result: its per-path statistics and the banks of the point's model. */
    record BlockResult(int point, int from, double[][] values, int banks) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public void run(SweepPlan plan, List<Integer> pending, PointSink sink) {
        if (pending.isEmpty()) {
            return;
        }
        SparkConf conf = new SparkConf().setAppName("corridorsim sweep " + plan.name());
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "localhost");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SparkContext.getOrCreate(conf));
        try {
            int cores = Math.max(1, sc.defaultParallelism());
            Broadcast<SweepPlan> shared = sc.broadcast(plan);
            int perJob = 2 * cores;
            for (int at = 0; at < pending.size(); at += perJob) {
                List<Integer> batch = pending.subList(at, Math.min(pending.size(), at + perJob));
                int blocks = batch.size() >= cores ? 1 : Math.min(plan.paths(), (2 * cores + batch.size() - 1) / batch.size());
                List<Block> tasks = new ArrayList<>();
                for (int point : batch) {
                    for (int b = 0; b < blocks; b++) {
                        tasks.add(new Block(point, (int) ((long) plan.paths() * b / blocks), (int) ((long) plan.paths() * (b + 1) / blocks)));
                    }
                }
                long t0 = System.nanoTime();
                List<BlockResult> results = sc.parallelize(tasks, tasks.size()).mapPartitions(it -> {
                    SweepPlan p = shared.value();
                    Map<Integer, PointRunner> runners = new HashMap<>();
                    ScenarioLoader loader = new ScenarioLoader();
                    List<BlockResult> out = new ArrayList<>();
                    while (it.hasNext()) {
                        Block blk = it.next();
                        PointRunner r = runners.computeIfAbsent(blk.point(),
                                i -> new PointRunner(p.compile(i, loader), p.statistics(), p.points().get(i).seed()));
                        out.add(new BlockResult(blk.point(), blk.from(), r.run(blk.from(), blk.to()), r.spec().banks().size()));
                    }
                    return out.iterator();
                }).collect();
                double seconds = (System.nanoTime() - t0) / 1e9 / batch.size();
                Map<Integer, double[][]> values = new LinkedHashMap<>();
                Map<Integer, Integer> banks = new HashMap<>();
                for (int point : batch) {
                    values.put(point, new double[plan.paths()][]);
                }
                for (BlockResult r : results) {
                    System.arraycopy(r.values(), 0, values.get(r.point()), r.from(), r.values().length);
                    banks.put(r.point(), r.banks());
                }
                for (Map.Entry<Integer, double[][]> e : values.entrySet()) {
                    sink.finished(e.getKey(), e.getValue(), seconds, (double) banks.get(e.getKey()) * plan.days() * plan.paths());
                }
            }
        } finally {
            sc.stop();
        }
    }
}
