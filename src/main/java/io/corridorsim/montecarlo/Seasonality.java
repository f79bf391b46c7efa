package io.corridorsim.montecarlo;

import io.corridorsim.calendar.DayFlags;
import io.corridorsim.calendar.Timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The seasonal shape of a run: the mean spread of a rate to the policy rate (bp) over calendar
 * windows a rates desk watches (tax days, quarter ends, Spring Festival, start and end of
 * month), with its Monte Carlo standard error over paths. Nothing here is fitted: the shape
 * comes out of the calendar mechanisms.
 */
public final class Seasonality {

    /** One window. {@code businessDays} counts the run's days in it; NaN where it has none. */
    public record Row(String window, int businessDays, double meanSpreadBp, double seBp) {
    }

    private Seasonality() {
    }

    /** A calendar window: the run's business days in it. */
    record Window(String name, boolean[] in, int businessDays) {
    }

    /** The windows of the issue, in a fixed order, as day masks of the timeline. */
    static List<Window> windows(Timeline tl) {
        List<Window> w = new ArrayList<>();
        w.add(window("all_days", t -> true, tl));
        w.add(window("tax_days", t -> tl.taxDaysAhead(t) >= 0 && tl.taxDaysAhead(t) < 3, tl));
        w.add(window("tax_deadline", t -> tl.has(t, DayFlags.TAX_DEADLINE), tl));
        w.add(window("quarter_end_last_5", t -> tl.date(t).getMonthValue() % 3 == 0 && tl.businessDaysToQuarterEnd(t) < 5
                && tl.businessDaysToQuarterEnd(t) == tl.businessDaysToMonthEnd(t), tl));
        w.add(window("month_end_last_3_other", t -> tl.date(t).getMonthValue() % 3 != 0 && tl.businessDaysToMonthEnd(t) < 3, tl));
        w.add(window("spring_festival_before_10", t -> {
            int k = tl.businessDaysToSpringFestival(t);
            return k < 0 && k >= -10;
        }, tl));
        w.add(window("spring_festival_after_10", t -> {
            int k = tl.businessDaysToSpringFestival(t);
            return k > 0 && k <= 10;
        }, tl));
        w.add(window("month_days_1_10", t -> tl.dayOfMonth(t) <= 10, tl));
        w.add(window("month_days_26_31", t -> tl.dayOfMonth(t) >= 26, tl));
        w.add(window("reserve_payment_days", t -> tl.has(t, DayFlags.RESERVE_PAYMENT), tl));
        return w;
    }

    private static Window window(String name, IntPredicate in, Timeline tl) {
        boolean[] mask = new boolean[tl.size()];
        int count = 0;
        for (int t = 0; t < mask.length; t++) {
            mask[t] = in.test(t);
            if (mask[t]) {
                count++;
            }
        }
        return new Window(name, mask, count);
    }

    /** One path's mean spread (bp) over the window's days; NaN when the window has none. */
    static double pathMeanBp(Window w, double[] ratePct, double[] policyPct) {
        if (w.businessDays() == 0) {
            return Double.NaN;
        }
        double s = 0;
        boolean[] in = w.in();
        for (int t = 0; t < in.length; t++) {
            if (in[t]) {
                s += (ratePct[t] - policyPct[t]) * 100;
            }
        }
        return s / w.businessDays();
    }

    /** The windows' rows from a stored run ({@code [day][path]}); the streaming runner folds the same path means. */
    public static List<Row> of(double[][] dayByPath, double[] policyPct, Timeline tl) {
        int days = dayByPath.length;
        int paths = dayByPath[0].length;
        List<Row> rows = new ArrayList<>();
        double[] series = new double[days];
        for (Window w : windows(tl)) {
            if (w.businessDays() == 0) {
                rows.add(new Row(w.name(), 0, Double.NaN, Double.NaN));
                continue;
            }
            double[] pathMean = new double[paths];
            for (int p = 0; p < paths; p++) {
                for (int t = 0; t < days; t++) {
                    series[t] = dayByPath[t][p];
                }
                pathMean[p] = pathMeanBp(w, series, policyPct);
            }
            double se = paths > 1 ? Statistics.sd(pathMean) / Math.sqrt(paths) : Double.NaN;
            rows.add(new Row(w.name(), w.businessDays(), Statistics.mean(pathMean), se));
        }
        return rows;
    }
}
