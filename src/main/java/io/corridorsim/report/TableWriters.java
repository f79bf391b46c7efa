package io.corridorsim.report;

import io.corridorsim.calendar.Timeline;
import io.corridorsim.centralbank.Facility;
import io.corridorsim.model.Metric;
import io.corridorsim.model.OperationRecord;
import io.corridorsim.montecarlo.RunResult;
import io.corridorsim.montecarlo.Seasonality;
import io.corridorsim.montecarlo.SpreadStatistics;
import io.corridorsim.montecarlo.Statistics;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The run's tables: quantiles.csv, daily.csv, liquidity.csv, operations.csv, seasonality.csv
 * and calibration.csv. Every writer is deterministic: the same result gives the same bytes.
 */
public final class TableWriters {

    /**
     * Columns of liquidity.csv: the balance-sheet levels in the order of the five-factor identity,
     * then the stock of central bank operations outstanding by instrument (part of claims).
     */
    private static final Metric[] LIQUIDITY = {Metric.FX_BN, Metric.CLAIMS_BN, Metric.GOV_DEPOSITS_BN, Metric.REQUIRED_BN,
        Metric.CURRENCY_BN, Metric.OTHER_ITEMS_BN, Metric.EXCESS_RESERVES_BN, Metric.OMO_OUTSTANDING_BN,
        Metric.MLF_OUTSTANDING_BN, Metric.OUTRIGHT_OUTSTANDING_BN, Metric.STRUCTURAL_OUTSTANDING_BN};

    private TableWriters() {
    }

    /** Per day and metric, across paths: mean, sd and the seven quantiles. */
    public static void quantiles(RunResult r, Path file) {
        List<String> header = new ArrayList<>(List.of("date", "day", "metric", "mean", "sd"));
        header.addAll(List.of(Statistics.LEVEL_NAMES));
        Timeline tl = r.spec().timeline();
        try (CSVPrinter out = Csv.open(file, header.toArray(new String[0]))) {
            for (int t = 0; t < r.days(); t++) {
                for (Metric m : r.metrics()) {
                    double[] v = r.values(m)[t];
                    List<String> row = new ArrayList<>(12);
                    row.add(tl.date(t).toString());
                    row.add(Integer.toString(t));
                    row.add(m.column());
                    row.add(Csv.num(Statistics.mean(v)));
                    row.add(Csv.num(Statistics.sd(v)));
                    for (double q : Statistics.quantiles(v)) {
                        row.add(Csv.num(q));
                    }
                    out.printRecord(row);
                }
            }
        } catch (IOException e) {
            throw Csv.io(file, e);
        }
    }

    /**
     * One row per path and day with every recorded metric; under reserve averaging also the
     * day's place in its maintenance period: {@code period_day} (1 on its first business day),
     * {@code days_to_period_end} (business days, 0 on the last) and {@code nights_in_next_period}.
     */
    public static void daily(RunResult r, Path file) {
        List<String> header = new ArrayList<>(List.of("path", "day", "date"));
        boolean averaging = r.spec().averaging().enabled();
        if (averaging) {
            header.addAll(List.of("period_day", "days_to_period_end", "nights_in_next_period"));
        }
        for (Metric m : r.metrics()) {
            header.add(m.column());
        }
        writePathDays(r, file, header, r.metrics().toArray(new Metric[0]));
    }

    /**
     * The five-factor levels per path and day (ΔExcess = ΔFX + ΔClaims − ΔGov − ΔRequired −
     * ΔCurrency − ΔOther items, row by row), then the operations outstanding by instrument.
     */
    public static void liquidity(RunResult r, Path file) {
        List<String> header = new ArrayList<>(List.of("path", "day", "date"));
        for (Metric m : LIQUIDITY) {
            header.add(m.column());
        }
        writePathDays(r, file, header, LIQUIDITY);
    }

    /** Header of operations.csv with {@code --daily all}: one row per path and operation. */
    public static final List<String> OPERATIONS_BY_PATH = List.of("path", "day", "date", "instrument", "amount_bn", "rate_pct",
            "marginal_rate_pct", "tenor_days", "maturity_date", "bidders", "bid_bn", "cover_ratio", "offered_bn");

    /** Header of operations.csv without {@code --daily all}: one row per day, instrument and tenor across paths. */
    public static final List<String> OPERATIONS_BY_DAY = List.of("date", "instrument", "operations", "paths_with_operation",
            "mean_amount_bn", "mean_rate_pct", "mean_marginal_rate_pct", "mean_cover_ratio", "tenor_days", "share_of_paths");

    /**
     * Every central bank operation of every path, paths in order, each path's operations in the
     * order conducted. {@code maturity_date} is the business date of repayment, past the run's
     * end too; {@code offered_bn} is empty under full allotment (no limit), {@code bid_bn} and
     * {@code cover_ratio} where nobody bids (temporary and structural operations).
     */
    public static void operationsByPath(RunResult r, Path file) {
        Timeline tl = r.spec().timeline();
        try (CSVPrinter out = Csv.open(file, OPERATIONS_BY_PATH.toArray(new String[0]))) {
            for (int p = 0; p < r.paths(); p++) {
                for (OperationRecord o : r.operations(p)) {
                    out.printRecord(p, o.day(), tl.date(o.day()), o.facility().key(), Csv.num(o.amountBn()), Csv.num(o.ratePct()),
                            Csv.num(o.marginalRatePct()), o.tenorDays(), tl.maturityDate(o.day(), o.tenorDays()), o.bidders(),
                            Csv.num(o.bidBn()), Csv.num(o.coverRatio()), finite(o.offeredBn()));
                }
            }
        } catch (IOException e) {
            throw Csv.io(file, e);
        }
    }

    /**
     * Per day, instrument and tenor on which at least one path operated: {@code operations}
     * (path-operations), {@code paths_with_operation}, {@code mean_amount_bn} (over all paths,
     * zero where a path had none), the rates weighted by |amount| over the path-operations
     * (empty when nothing was allotted), the plain mean of the defined cover ratios, and
     * {@code share_of_paths}. Sums run over paths in order, so the bytes do not depend on threads.
     */
    public static void operationsByDay(RunResult r, Path file) {
        Timeline tl = r.spec().timeline();
        TreeMap<DayInstrument, DayOperations> rows = new TreeMap<>(Comparator.comparingInt(DayInstrument::day)
                .thenComparing(DayInstrument::facility).thenComparingInt(DayInstrument::tenorDays));
        for (int p = 0; p < r.paths(); p++) {
            for (OperationRecord o : r.operations(p)) {
                rows.computeIfAbsent(new DayInstrument(o.day(), o.facility(), o.tenorDays()), DayOperations::new).add(p, o);
            }
        }
        try (CSVPrinter out = Csv.open(file, OPERATIONS_BY_DAY.toArray(new String[0]))) {
            for (DayOperations d : rows.values()) {
                out.printRecord(tl.date(d.key.day()), d.key.facility().key(), d.operations, d.paths, Csv.num(d.amountBn / r.paths()),
                        Csv.num(d.rate.mean()), Csv.num(d.marginal.mean()),
                        Csv.num(d.covers > 0 ? d.coverSum / d.covers : Double.NaN), d.key.tenorDays(),
                        Csv.num(d.paths / (double) r.paths()));
            }
        } catch (IOException e) {
            throw Csv.io(file, e);
        }
    }

    /** The key of a row of the per-day operations table. */
    private record DayInstrument(int day, Facility facility, int tenorDays) {
    }

    /** Running sums of one row of the per-day operations table. */
    private static final class DayOperations {
        final DayInstrument key;
        int operations;
        int paths;
        int lastPath = -1;
        double amountBn;
        final WeightedMean rate = new WeightedMean();
        final WeightedMean marginal = new WeightedMean();
        double coverSum;
        int covers;

        DayOperations(DayInstrument key) {
            this.key = key;
        }

        void add(int path, OperationRecord o) {
            operations++;
            // Paths arrive one after another, so a new path is a change of path.
            if (path != lastPath) {
                paths++;
                lastPath = path;
            }
            amountBn += o.amountBn();
            rate.add(o.ratePct(), Math.abs(o.amountBn()));
            marginal.add(o.marginalRatePct(), Math.abs(o.amountBn()));
            double c = o.coverRatio();
            if (Double.isFinite(c)) {
                coverSum += c;
                covers++;
            }
        }
    }

    /**
     * A weighted mean taken as deviations from the first value, so that equal rates average to
     * themselves exactly (1.5, not 1.4999999999999993). NaN without weight.
     */
    private static final class WeightedMean {
        private double reference = Double.NaN;
        private double sum;
        private double weight;

        void add(double value, double w) {
            if (!Double.isFinite(value) || !(w > 0)) {
                return;
            }
            if (Double.isNaN(reference)) {
                reference = value;
            }
            sum += w * (value - reference);
            weight += w;
        }

        double mean() {
            return weight > 0 ? reference + sum / weight : Double.NaN;
        }
    }

    /** A finite number, or an empty cell for an unlimited offer (full allotment). */
    private static String finite(double v) {
        return Double.isInfinite(v) ? "" : Csv.num(v);
    }

    /**
     * liquidity.csv without {@code --daily all}: one row per day, each column the mean over paths
     * (summed in path order). The means of levels satisfy the five-factor identity row by row as
     * each path does (it is linear), and the file does not grow with the paths.
     */
    public static void liquidityByDay(RunResult r, Path file) {
        Timeline tl = r.spec().timeline();
        List<String> header = new ArrayList<>(List.of("day", "date"));
        for (Metric m : LIQUIDITY) {
            header.add(m.column());
        }
        double[][][] v = new double[LIQUIDITY.length][][];
        for (int k = 0; k < LIQUIDITY.length; k++) {
            v[k] = r.values(LIQUIDITY[k]);
        }
        try (CSVPrinter out = Csv.open(file, header.toArray(new String[0]))) {
            List<String> row = new ArrayList<>(header.size());
            for (int t = 0; t < r.days(); t++) {
                row.clear();
                row.add(Integer.toString(t));
                row.add(tl.date(t).toString());
                for (int k = 0; k < LIQUIDITY.length; k++) {
                    double s = 0;
                    for (int p = 0; p < r.paths(); p++) {
                        s += v[k][t][p];
                    }
                    row.add(Csv.num(s / r.paths()));
                }
                out.printRecord(row);
            }
        } catch (IOException e) {
            throw Csv.io(file, e);
        }
    }

    private static void writePathDays(RunResult r, Path file, List<String> header, Metric[] metrics) {
        Timeline tl = r.spec().timeline();
        boolean periodColumns = header.contains("period_day");
        int[] periodDay = new int[r.days()];
        int[] toEnd = new int[r.days()];
        for (int t = 0; t < r.days(); t++) {
            periodDay[t] = tl.periodDay(t);
            toEnd[t] = tl.businessDaysToPeriodEnd(t);
        }
        try (CSVPrinter out = Csv.open(file, header.toArray(new String[0]))) {
            List<String> row = new ArrayList<>(header.size());
            for (int p = 0; p < r.paths(); p++) {
                for (int t = 0; t < r.days(); t++) {
                    row.clear();
                    row.add(Integer.toString(p));
                    row.add(Integer.toString(t));
                    row.add(tl.date(t).toString());
                    if (periodColumns) {
                        row.add(Integer.toString(periodDay[t]));
                        row.add(Integer.toString(toEnd[t]));
                        row.add(Integer.toString(tl.nightsInNextPeriod(t)));
                    }
                    for (Metric m : metrics) {
                        row.add(Csv.num(r.value(m, t, p)));
                    }
                    out.printRecord(row);
                }
            }
        } catch (IOException e) {
            throw Csv.io(file, e);
        }
    }

    /** Mean spread to the policy rate (bp) over the calendar windows, for dr007 and dr001. */
    public static void seasonality(RunResult r, Path file) {
        Timeline tl = r.spec().timeline();
        double[] policy = policy(r);
        boolean term = r.metrics().contains(Metric.DR007);
        List<Seasonality.Row> on = Seasonality.of(r.values(Metric.DR001), policy, tl);
        List<Seasonality.Row> tw = term ? Seasonality.of(r.values(Metric.DR007), policy, tl) : null;
        try (CSVPrinter out = Csv.open(file, "window", "business_days", "dr007_spread_bp", "dr007_se_bp",
                "dr001_spread_bp", "dr001_se_bp", "note")) {
            for (int k = 0; k < on.size(); k++) {
                Seasonality.Row o = on.get(k);
                String note = o.businessDays() == 0 ? "no business day of the run falls in this window"
                        : r.paths() < 2 ? "standard errors need at least two paths" : "";
                out.printRecord(o.window(), o.businessDays(), term ? Csv.num(tw.get(k).meanSpreadBp()) : "",
                        term ? Csv.num(tw.get(k).seBp()) : "", Csv.num(o.meanSpreadBp()), Csv.num(o.seBp()), note);
            }
        } catch (IOException e) {
            throw Csv.io(file, e);
        }
    }

    /**
     * Calibration statistics of the simulated rates against the policy rate (mean and sd of the
     * spread, sd of daily changes, AR(1), each with its MC se). Undefined values are empty
     * cells, and the {@code note} column says why.
     */
    public static void calibration(RunResult r, Path file) {
        double[] policy = policy(r);
        try (CSVPrinter out = Csv.open(file, "metric", "mean_spread_bp", "sd_spread_bp", "sd_daily_change_bp", "ar1",
                "mean_spread_se_bp", "sd_spread_se_bp", "sd_daily_change_se_bp", "ar1_se", "note")) {
            for (Metric m : new Metric[] {Metric.DR001, Metric.DR007}) {
                if (!r.metrics().contains(m)) {
                    continue;
                }
                SpreadStatistics s = SpreadStatistics.ofPaths(r.values(m), policy);
                out.printRecord(m.column(), Csv.num(s.meanBp()), Csv.num(s.sdBp()), Csv.num(s.sdChangeBp()), Csv.num(s.ar1()),
                        Csv.num(s.meanSeBp()), Csv.num(s.sdSeBp()), Csv.num(s.sdChangeSeBp()), Csv.num(s.ar1Se()),
                        s.undefinedReason());
            }
        } catch (IOException e) {
            throw Csv.io(file, e);
        }
    }

    /** A {@link Table} as CSV, columns in order. */
    public static void table(Table t, Path file) {
        try (CSVPrinter out = Csv.open(file, t.columns().toArray(new String[0]))) {
            for (double[] row : t.rows()) {
                List<String> cells = new ArrayList<>(row.length);
                for (double v : row) {
                    cells.add(Csv.num(v));
                }
                out.printRecord(cells);
            }
        } catch (IOException e) {
            throw Csv.io(file, e);
        }
    }

    static double[] policy(RunResult r) {
        double[] policy = new double[r.days()];
        for (int t = 0; t < policy.length; t++) {
            policy[t] = r.spec().rates().policyPct(t);
        }
        return policy;
    }
}
