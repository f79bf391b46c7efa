package io.corridorsim.sweep;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code points.csv}: one row per point in point order: the point index, the parameter values,
 * paths and seed, then for each statistic its estimate, standard error and 95% interval; with a
 * baseline, each statistic's difference against it (paired path by path) with its se and
 * interval, and the unpaired se for comparison. Depends only on the plan and the points' values,
 * never on timing, threads or engine.
 */
public final class PointsTable {

    private PointsTable() {
    }

    /** The header row. */
    public static List<String> header(SweepPlan plan) {
        List<String> h = new ArrayList<>();
        h.add("point");
        h.addAll(plan.parameters());
        h.add("paths");
        h.add("seed");
        for (StatisticSpec s : plan.statistics()) {
            String c = s.column();
            h.addAll(List.of(c, c + "_se", c + "_lo95", c + "_hi95"));
        }
        if (plan.baseline() >= 0) {
            for (StatisticSpec s : plan.statistics()) {
                String c = s.column() + "_diff";
                h.addAll(List.of(c, c + "_se", c + "_lo95", c + "_hi95", c + "_se_unpaired"));
            }
        }
        return h;
    }

    /** Point estimates {@code [point][statistic]} (the mean over paths). */
    public static double[][] estimates(SweepPlan plan, Map<Integer, double[][]> values) {
        double[][] out = new double[plan.points().size()][plan.statistics().size()];
        for (int i = 0; i < out.length; i++) {
            double[][] v = values.get(i);
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = PointEstimates.of(PointEstimates.column(v, j)).value();
            }
        }
        return out;
    }

    /** Writes points.csv atomically; {@code values} holds every point's {@code [path][statistic]}. */
    public static void write(SweepPlan plan, Map<Integer, double[][]> values, Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            csv.printRecord(header(plan));
            double[][] base = plan.baseline() >= 0 ? values.get(plan.baseline()) : null;
            for (PointPlan pt : plan.points()) {
                double[][] v = values.get(pt.index());
                List<String> row = new ArrayList<>();
                row.add(Integer.toString(pt.index()));
                row.addAll(pt.values());
                row.add(Integer.toString(plan.paths()));
                row.add(Long.toString(pt.seed()));
                for (int j = 0; j < plan.statistics().size(); j++) {
                    PointEstimates.Estimate e = PointEstimates.of(PointEstimates.column(v, j));
                    row.addAll(List.of(num(e.value()), num(e.se()), num(e.lo()), num(e.hi())));
                }
                if (base != null) {
                    for (int j = 0; j < plan.statistics().size(); j++) {
                        PointEstimates.Difference d = PointEstimates.difference(PointEstimates.column(v, j),
                                PointEstimates.column(base, j));
                        PointEstimates.Estimate e = d.paired();
                        row.addAll(List.of(num(e.value()), num(e.se()), num(e.lo()), num(e.hi()), num(d.unpairedSe())));
                    }
                }
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
