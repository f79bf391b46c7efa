package io.corridorsim.report;

import io.corridorsim.calendar.Timeline;
import io.corridorsim.model.Metric;
import io.corridorsim.model.ModelSpec;
import io.corridorsim.model.OperationRecord;
import io.corridorsim.montecarlo.PathConsumer;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The per-path tables of {@code --daily all}, written while the paths run: {@code daily.csv}
 * (every recorded metric per path and day; under reserve averaging also {@code period_day},
 * {@code days_to_period_end} and {@code nights_in_next_period}), {@code liquidity.csv} (the
 * five-factor levels per path and day, ΔExcess = ΔFX + ΔClaims − ΔGov − ΔRequired − ΔCurrency
 * − ΔOther items row by row, then the operations outstanding by instrument) and
 * {@code operations.csv} (every operation of every path). Paths arrive in path order from the
 * Monte Carlo runner; each row is built in one reused buffer, so nothing grows with the paths.
 */
public final class PathTables implements PathConsumer, AutoCloseable {

    private final ModelSpec spec;
    private final Metric[] metrics;
    private final boolean periodColumns;
    private final String[] dates;
    private final int[] periodDay;
    private final int[] toEnd;
    private final int[] nightsNext;
    private final Writer daily;
    private final Writer liquidity;
    private final Writer operations;
    private final Path dir;
    private final StringBuilder row = new StringBuilder(512);

    /** Opens the three files in {@code dir} and writes their headers. */
    public PathTables(ModelSpec spec, Set<Metric> recorded, Path dir) {
        this.spec = spec;
        this.dir = dir;
        this.metrics = recorded.toArray(new Metric[0]);
        this.periodColumns = spec.averaging().enabled();
        Timeline tl = spec.timeline();
        int days = spec.days();
        dates = new String[days];
        periodDay = new int[days];
        toEnd = new int[days];
        nightsNext = new int[days];
        for (int t = 0; t < days; t++) {
            dates[t] = tl.date(t).toString();
            if (periodColumns) {
                periodDay[t] = tl.periodDay(t);
                toEnd[t] = tl.businessDaysToPeriodEnd(t);
                nightsNext[t] = tl.nightsInNextPeriod(t);
            }
        }
        List<String> dh = new ArrayList<>(List.of("path", "day", "date"));
        if (periodColumns) {
            dh.addAll(List.of("period_day", "days_to_period_end", "nights_in_next_period"));
        }
        for (Metric m : metrics) {
            dh.add(m.column());
        }
        List<String> lh = new ArrayList<>(List.of("path", "day", "date"));
        for (Metric m : TableWriters.LIQUIDITY) {
            lh.add(m.column());
        }
        Writer d = null;
        Writer l = null;
        Writer o = null;
        try {
            d = open(dir.resolve("daily.csv"), dh);
            l = open(dir.resolve("liquidity.csv"), lh);
            o = open(dir.resolve("operations.csv"), TableWriters.OPERATIONS_BY_PATH);
        } catch (IOException e) {
            closeQuietly(d, l, o);
            throw new OutputException("cannot write the per-path tables in " + dir + ": " + RunDirectory.reason(e));
        }
        daily = d;
        liquidity = l;
        operations = o;
    }

    private static Writer open(Path file, List<String> header) throws IOException {
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        w.write(String.join(",", header));
        w.write('\n');
        return w;
    }

    @Override
    public void path(int path, double[][] values, List<OperationRecord> ops) {
        try {
            int days = spec.days();
            for (int t = 0; t < days; t++) {
                start(path, t);
                if (periodColumns) {
                    row.append(',').append(periodDay[t]).append(',').append(toEnd[t]).append(',').append(nightsNext[t]);
                }
                for (Metric m : metrics) {
                    row.append(',');
                    Csv.append(row, values[m.ordinal()][t]);
                }
                daily.append(row.append('\n'));
                start(path, t);
                for (Metric m : TableWriters.LIQUIDITY) {
                    row.append(',');
                    Csv.append(row, values[m.ordinal()][t]);
                }
                liquidity.append(row.append('\n'));
            }
            Timeline tl = spec.timeline();
            for (OperationRecord op : ops) {
                row.setLength(0);
                row.append(path).append(',').append(op.day()).append(',').append(dates[op.day()]).append(',')
                        .append(op.facility().key()).append(',');
                Csv.append(row, op.amountBn());
                row.append(',');
                Csv.append(row, op.ratePct());
                row.append(',');
                Csv.append(row, op.marginalRatePct());
                row.append(',').append(op.tenorDays()).append(',').append(tl.maturityDate(op.day(), op.tenorDays())).append(',')
                        .append(op.bidders()).append(',');
                Csv.append(row, op.bidBn());
                row.append(',');
                Csv.append(row, op.coverRatio());
                row.append(',').append(TableWriters.finite(op.offeredBn())).append('\n');
                operations.append(row);
            }
        } catch (IOException e) {
            throw new OutputException("cannot write the per-path tables in " + dir + ": " + RunDirectory.reason(e));
        }
    }

    private void start(int path, int t) {
        row.setLength(0);
        row.append(path).append(',').append(t).append(',').append(dates[t]);
    }

    @Override
    public void close() {
        try {
            daily.close();
            liquidity.close();
            operations.close();
        } catch (IOException e) {
            throw new OutputException("cannot write the per-path tables in " + dir + ": " + RunDirectory.reason(e));
        }
    }

    private static void closeQuietly(Writer... ws) {
        for (Writer w : ws) {
            if (w != null) {
                try {
                    w.close();
                } catch (IOException ignored) {
                    // the open failure is the one reported
                }
            }
        }
    }
}
