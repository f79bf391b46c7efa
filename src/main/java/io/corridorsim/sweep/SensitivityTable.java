package io.corridorsim.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sensitivity.csv}: for saltelli designs the first-order and total Sobol indices of
 * every statistic, for morris designs μ*, μ and σ, each with its 95% bootstrap interval; the
 * dummy parameter's row is the noise floor a real parameter must clear.
 */
public final class SensitivityTable {

    private SensitivityTable() {
    }

    /** One row: a statistic, a parameter, an index with its interval. */
    public record Row(StatisticSpec statistic, Sensitivity.Index index) {
    }

    /** Empty unless the design is saltelli or morris. {@code estimates}: {@code [point][statistic]}. */
    public static List<Row> compute(SweepPlan plan, double[][] estimates) {
        SweepPlan.Layout l = plan.layout();
        List<Row> out = new ArrayList<>();
        if (!l.type().equals("saltelli") && !l.type().equals("morris")) {
            return out;
        }
        int designRows = l.type().equals("saltelli") ? l.baseSamples() * (l.factors() + 2) : l.baseSamples() * (l.factors() + 1);
        for (int j = 0; j < plan.statistics().size(); j++) {
            double[] y = new double[designRows];
            for (int i = 0; i < designRows; i++) {
                y[i] = estimates[i][j];
            }
            List<Sensitivity.Index> idx = l.type().equals("saltelli")
                    ? Sensitivity.sobol(y, l.baseSamples(), plan.parameters(), new Sensitivity.Bootstrap(l.bootstrap(), l.designSeed()))
                    : Sensitivity.morris(y, new Designs.Morris(null, l.morrisMoved(), l.morrisDelta()), plan.parameters(),
                    new Sensitivity.Bootstrap(l.bootstrap(), l.designSeed()));
            for (Sensitivity.Index i : idx) {
                out.add(new Row(plan.statistics().get(j), i));
            }
        }
        return out;
    }

    public static void write(List<Row> rows, Path file) {
        StringBuilder b = new StringBuilder("statistic,parameter,index,estimate,lo95,hi95\n");
        for (Row r : rows) {
            b.append(r.statistic().column()).append(',').append(r.index().parameter()).append(',').append(r.index().index())
                    .append(',').append(PointsTable.num(r.index().estimate())).append(',').append(PointsTable.num(r.index().lo()))
                    .append(',').append(PointsTable.num(r.index().hi())).append('\n');
        }
        try {
            Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
