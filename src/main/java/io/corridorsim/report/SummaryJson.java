package io.corridorsim.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corridorsim.centralbank.RatePath;
import io.corridorsim.model.Metric;
import io.corridorsim.montecarlo.RunResult;
import io.corridorsim.montecarlo.Statistics;

import java.io.IOException;
import java.nio.file.Path;

/**
 * summary.json: per metric over all path-days, the mean, sd, quantiles, Monte Carlo standard
 * error of the mean (over paths), and for rates the share of path-days at the floor and at the
 * ceiling (within 1bp).
 */
public final class SummaryJson {

    /** A rate within this many percentage points of a bound counts as at it (1bp). */
    public static final double AT_BOUND_PCT = 0.01;

    private SummaryJson() {
    }

    public static ObjectNode build(RunResult r) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("scenario", r.spec().name());
        root.put("paths", r.paths());
        root.put("days", r.days());
        root.put("banks", r.spec().banks().size());
        root.put("seed", r.seed());
        if (r.paths() < 2) {
            root.put("note", "one path: mcse_mean (the Monte Carlo standard error) is undefined and null");
        }
        ObjectNode metrics = root.putObject("metrics");
        for (Metric m : r.metrics()) {
            double[][] v = r.values(m);
            double[] all = Statistics.flatten(v);
            ObjectNode o = metrics.putObject(m.column());
            o.put("unit", m.unit());
            o.put("description", m.description());
            o.put("mean", Statistics.mean(all));
            number(o, "sd", Statistics.sd(all));
            double[] q = Statistics.quantiles(all);
            for (int k = 0; k < q.length; k++) {
                o.put(Statistics.LEVEL_NAMES[k], q[k]);
            }
            number(o, "mcse_mean", Statistics.mcse(v));
            if (m == Metric.DR001 || m == Metric.DR007) {
                double[] share = boundShares(v, r.spec().rates(), m == Metric.DR007);
                o.put("share_at_floor", share[0]);
                o.put("share_at_ceiling", share[1]);
            } else {
                o.putNull("share_at_floor");
                o.putNull("share_at_ceiling");
            }
        }
        return root;
    }

    /** A number, or null when undefined (NaN). */
    private static void number(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }

    /** Shares of path-days within {@link #AT_BOUND_PCT} of the floor and of the ceiling (7-day SLF for dr007). */
    static double[] boundShares(double[][] dayByPath, RatePath rates, boolean sevenDay) {
        long floor = 0;
        long ceiling = 0;
        long count = 0;
        for (int t = 0; t < dayByPath.length; t++) {
            double f = rates.floorPct(t);
            double c = sevenDay ? rates.ceiling7dPct(t) : rates.ceilingPct(t);
            for (double x : dayByPath[t]) {
                count++;
                if (x <= f + AT_BOUND_PCT) {
                    floor++;
                }
                if (x >= c - AT_BOUND_PCT) {
                    ceiling++;
                }
            }
        }
        return new double[] {floor / (double) count, ceiling / (double) count};
    }

    public static void write(RunResult r, Path file) {
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), build(r));
        } catch (IOException e) {
            throw Csv.io(file, e);
        }
    }
}
