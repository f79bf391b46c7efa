package io.corridorsim.report;

import io.corridorsim.calendar.Timeline;
import io.corridorsim.centralbank.Facility;
import io.corridorsim.model.Metric;
import io.corridorsim.model.OperationRecord;
import io.corridorsim.montecarlo.RunSummary;
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
    static final Metric[] LIQUIDITY = {Metric.FX_BN, Metric.CLAIMS_BN, Metric.GOV_DEPOSITS_BN, Metric.REQUIRED_BN,
        Metric.CURRENCY_BN, Metric.OTHER_ITEMS_BN, Metric.EXCESS_RESERVES_BN, Metric.OMO_OUTSTANDING_BN,
        Metric.MLF_OUTSTANDING_BN, Metric.OUTRIGHT_OUTSTANDING_BN, Metric.STRUCTURAL_OUTSTANDING_BN};

    private TableWriters() {
    }

    /**
     * Per day and metric, across paths: mean, sd and the seven quantiles. Means and sds are
     * exact; quantiles are within the stated error of the sketches ({@link RunSummary}).
     */
    public static void quantiles(RunSummary r, Path file) {
        List<String> header = new ArrayList<>(List.of("date", "day", "metric", "mean", "sd"));
        header.addAll(List.of(Statistics.LEVEL_NAMES));
        Timeline tl = r.spec().timeline();
        try (CSVPrinter out = Csv.open(file, header.toArray(new String[0]))) {
            List<String> row = new ArrayList<>(12);
            for (int t = 0; t < r.days(); t++) {
                String date = tl.date(t).toString();
                for (Metric m : r.metrics()) {
                    row.clear();
                    row.add(date);
                    row.add(Integer.toString(t));
                    row.add(m.column());
                    row.add(Csv.num(r.mean(m, t)));
                    row.add(Csv.num(r.sd(m, t)));
                    for (double q : r.quantiles(m, t)) {
                        row.add(Csv.num(q));
                    }
                    out.printRecord(row);
                }
            }
        } catch (IOException e) {
            throw Csv.io(file, e);
        }
    }

    /** Header of operations.csv with {@code --daily all}: one row per path and operation. */
    public static final List<String> OPERATIONS_BY_PATH = List.of("path", "day", "date", "instrument", "amount_bn", "rate_pct",
            "marginal_rate_pct", "tenor_days", "maturity_date", "bidders", "bid_bn", "cover_ratio", "offered_bn");

    /** Header of operations.csv without {@code --daily all}: one row per day, instrument and tenor across paths. */
    public static final List<String> OPERATIONS_BY_DAY = List.of("date", "instrument", "operations", "paths_with_operation",
            "mean_amount_bn", "mean_rate_pct", "mean_marginal_rate_pct", "mean_cover_ratio", "tenor_days", "share_of_paths");

    /**
     * Per day, instrument and tenor on which at least one path operated: {@code operations}
     * (path-operations), {@code paths_with_operation}, {@code mean_amount_bn} (over all paths,
     * zero where a path had none), the rates weighted by |amount| over the path-operations
     * (empty when nothing was allotted), the plain mean of the defined cover ratios, and
     * {@code share_of_paths}. Sums run over paths in order, so the bytes do not depend on threads.
     */
    public static void operationsByDay(RunSummary r, Path file) {
        Timeline tl = r.spec().timeline();
        try (CSVPrinter out = Csv.open(file, OPERATIONS_BY_DAY.toArray(new String[0]))) {
            for (RunSummary.OperationDay d : r.operationsByDay()) {
                out.printRecord(tl.date(d.day()), d.facility().key(), d.operations(), d.paths(), Csv.num(d.meanAmountBn()),
                        Csv.num(d.meanRatePct()), Csv.num(d.meanMarginalRatePct()), Csv.num(d.meanCoverRatio()), d.tenorDays(),
                        Csv.num(d.shareOfPaths()));
            }
        } catch (IOException e) {
            throw Csv.io(file, e);
        }
    }

    /** A finite number, or an empty cell for an unlimited offer (full allotment). */
    static String finite(double v) {
        return Double.isInfinite(v) ? "" : Csv.num(v);
    }

    /**
     * liquidity.csv without {@code --daily all}: one row per day, each column the mean over paths
     * (summed in path order). The means of levels satisfy the five-factor identity row by row as
     * each path does (it is linear), and the file does not grow with the paths.
     */
    public static void liquidityByDay(RunSummary r, Path file) {
        Timeline tl = r.spec().timeline();
        List<String> header = new ArrayList<>(List.of("day", "date"));
        for (Metric m : LIQUIDITY) {
            header.add(m.column());
        }
        try (CSVPrinter out = Csv.open(file, header.toArray(new String[0]))) {
            List<String> row = new ArrayList<>(header.size());
            for (int t = 0; t < r.days(); t++) {
                row.clear();
                row.add(Integer.toString(t));
                row.add(tl.date(t).toString());
                for (Metric m : LIQUIDITY) {
                    row.add(Csv.num(r.mean(m, t)));
                }
                out.printRecord(row);
            }
        } catch (IOException e) {
            throw Csv.io(file, e);
        }
    }

    /** Mean spread to the policy rate (bp) over the calendar windows, for dr007 and dr001. */
    public static void seasonality(RunSummary r, Path file) {
        boolean term = r.metrics().contains(Metric.DR007);
        List<Seasonality.Row> on = r.seasonality(Metric.DR001);
        List<Seasonality.Row> tw = term ? r.seasonality(Metric.DR007) : null;
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
    public static void calibration(RunSummary r, Path file) {
        try (CSVPrinter out = Csv.open(file, "metric", "mean_spread_bp", "sd_spread_bp", "sd_daily_change_bp", "ar1",
                "mean_spread_se_bp", "sd_spread_se_bp", "sd_daily_change_se_bp", "ar1_se", "note")) {
            for (Metric m : new Metric[] {Metric.DR001, Metric.DR007}) {
                if (!r.metrics().contains(m)) {
                    continue;
                }
                SpreadStatistics s = r.calibration(m);
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
}
