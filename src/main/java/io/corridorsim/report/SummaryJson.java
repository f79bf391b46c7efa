package io.corridorsim.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corridorsim.model.Metric;
import io.corridorsim.montecarlo.RunSummary;
import io.corridorsim.montecarlo.Statistics;

import java.io.IOException;
import java.nio.file.Path;

/**
 * summary.json: per metric over all path-days, the mean, sd, quantiles, Monte Carlo standard
 * error of the mean (over paths), and for rates the share of path-days at the floor and at the
 * ceiling (within 1bp).
 */
public final class SummaryJson {

    private SummaryJson() {
    }

    public static ObjectNode build(RunSummary r) {
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
            RunSummary.Overall all = r.overall(m);
            ObjectNode o = metrics.putObject(m.column());
            o.put("unit", m.unit());
            o.put("description", m.description());
            o.put("mean", all.mean());
            number(o, "sd", all.sd());
            double[] q = all.quantiles();
            for (int k = 0; k < q.length; k++) {
                o.put(Statistics.LEVEL_NAMES[k], q[k]);
            }
            number(o, "mcse_mean", all.mcseMean());
            if (m == Metric.DR001 || m == Metric.DR007) {
                o.put("share_at_floor", all.shareAtFloor());
                o.put("share_at_ceiling", all.shareAtCeiling());
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

    public static void write(RunSummary r, Path file) {
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), build(r));
        } catch (IOException e) {
            throw Csv.io(file, e);
        }
    }
}
