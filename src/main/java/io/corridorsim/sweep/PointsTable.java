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
import java.util.function.IntFunction;

/**
 * {@code points.csv}: one row per point in point order: the point index, the parameter values,
 * paths and seed, then for each statistic its estimate, standard error and 95% interval; with a
 * baseline, each statistic's difference against it (paired path by path) with its se and
 * interval, and the unpaired se for comparison. Depends only on the plan and the points' values,
 * never on timing, threads or engine. Holds one point's per-path values at a time.
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

    /**
     * Writes points.csv atomically, reading one point's per-path values at a time (and the
     * baseline's once), and returns every point's estimates {@code [point][statistic]}.
     */
    public static List<List<PointEstimates.Estimate>> write(SweepPlan plan, IntFunction<double[][]> read, Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        List<List<PointEstimates.Estimate>> all = new ArrayList<>();
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            csv.printRecord(header(plan));
            double[][] base = plan.baseline() >= 0 ? read.apply(plan.baseline()) : null;
            for (PointPlan pt : plan.points()) {
                double[][] v = read.apply(pt.index());
                List<String> row = new ArrayList<>();
                row.add(Integer.toString(pt.index()));
                row.addAll(pt.values());
                row.add(Integer.toString(plan.paths()));
                row.add(Long.toString(pt.seed()));
                List<PointEstimates.Estimate> estimates = new ArrayList<>();
                for (int j = 0; j < plan.statistics().size(); j++) {
                    PointEstimates.Estimate e = PointEstimates.of(PointEstimates.column(v, j));
                    estimates.add(e);
                    row.addAll(List.of(num(e.value()), num(e.se()), num(e.lo()), num(e.hi())));
                }
                all.add(List.copyOf(estimates));
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
        return all;
    }

    /** The point values of {@code estimates}: {@code [point][statistic]}. */
    public static double[][] values(List<List<PointEstimates.Estimate>> estimates) {
        double[][] out = new double[estimates.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = estimates.get(i).stream().mapToDouble(PointEstimates.Estimate::value).toArray();
        }
        return out;
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
