package io.corridorsim.report;

import io.corridorsim.calendar.Timeline;
import io.corridorsim.model.Metric;
import io.corridorsim.montecarlo.RunResult;
import io.corridorsim.montecarlo.Seasonality;
import io.corridorsim.montecarlo.SpreadStatistics;
import io.corridorsim.montecarlo.Statistics;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's tables: quantiles.csv, daily.csv, liquidity.csv, seasonality.csv and
 * calibration.csv. Every writer is deterministic: the same result gives the same bytes.
 */
public final class TableWriters {

    /** Balance-sheet levels of liquidity.csv, in the order of the five-factor identity. */
    private static final Metric[] LIQUIDITY = {Metric.FX_BN, Metric.CLAIMS_BN, Metric.GOV_DEPOSITS_BN, Metric.REQUIRED_BN,
        Metric.CURRENCY_BN, Metric.OTHER_ITEMS_BN, Metric.EXCESS_RESERVES_BN};

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

    /** The five-factor levels per path and day: ΔExcess = ΔFX + ΔClaims − ΔGov − ΔRequired − ΔCurrency row by row. */
    public static void liquidity(RunResult r, Path file) {
        List<String> header = new ArrayList<>(List.of("path", "day", "date"));
        for (Metric m : LIQUIDITY) {
            header.add(m.column());
        }
        writePathDays(r, file, header, LIQUIDITY);
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
