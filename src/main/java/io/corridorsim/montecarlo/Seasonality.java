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

    /** The windows of the issue, in a fixed order. */
    public static List<Row> of(double[][] dayByPath, double[] policyPct, Timeline tl) {
        List<Row> rows = new ArrayList<>();
        rows.add(window("all_days", t -> true, dayByPath, policyPct));
        rows.add(window("tax_days", t -> tl.taxDaysAhead(t) >= 0 && tl.taxDaysAhead(t) < 3, dayByPath, policyPct));
        rows.add(window("tax_deadline", t -> tl.has(t, DayFlags.TAX_DEADLINE), dayByPath, policyPct));
        rows.add(window("quarter_end_last_5", t -> tl.date(t).getMonthValue() % 3 == 0 && tl.businessDaysToQuarterEnd(t) < 5
                && tl.businessDaysToQuarterEnd(t) == tl.businessDaysToMonthEnd(t), dayByPath, policyPct));
        rows.add(window("month_end_last_3_other", t -> tl.date(t).getMonthValue() % 3 != 0 && tl.businessDaysToMonthEnd(t) < 3,
                dayByPath, policyPct));
        rows.add(window("spring_festival_before_10", t -> {
            int k = tl.businessDaysToSpringFestival(t);
            return k < 0 && k >= -10;
        }, dayByPath, policyPct));
        rows.add(window("spring_festival_after_10", t -> {
            int k = tl.businessDaysToSpringFestival(t);
            return k > 0 && k <= 10;
        }, dayByPath, policyPct));
        rows.add(window("month_days_1_10", t -> tl.dayOfMonth(t) <= 10, dayByPath, policyPct));
        rows.add(window("month_days_26_31", t -> tl.dayOfMonth(t) >= 26, dayByPath, policyPct));
        rows.add(window("reserve_payment_days", t -> tl.has(t, DayFlags.RESERVE_PAYMENT), dayByPath, policyPct));
        return rows;
    }

    static Row window(String name, IntPredicate in, double[][] dayByPath, double[] policyPct) {
        int days = dayByPath.length;
        int paths = dayByPath[0].length;
        double[] pathMean = new double[paths];
        int count = 0;
        for (int t = 0; t < days; t++) {
            if (!in.test(t)) {
                continue;
            }
            count++;
            for (int p = 0; p < paths; p++) {
                pathMean[p] += (dayByPath[t][p] - policyPct[t]) * 100;
            }
        }
        if (count == 0) {
            return new Row(name, 0, Double.NaN, Double.NaN);
        }
        for (int p = 0; p < paths; p++) {
            pathMean[p] /= count;
        }
        double se = paths > 1 ? Statistics.sd(pathMean) / Math.sqrt(paths) : Double.NaN;
        return new Row(name, count, Statistics.mean(pathMean), se);
    }
}
