package io.corridorsim.flows;

import io.corridorsim.calendar.DayFlags;
import io.corridorsim.calendar.Timeline;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;

/**
 * Lays the autonomous factors' calendar parts onto the business days of a run (DOMAIN §3.4,
 * seed 002). Each method adds one mechanism; {@link #build()} freezes the result. Amounts are
 * bn CNY; monthly amounts are spread over the business days of each month, so a month that is
 * only partly inside the run contributes only its days inside the run.
 */
public final class FlowBuilder {

    private final Timeline timeline;
    private final int n;
    private final double[] fx;
    private final double[] gov;
    private final double[] currency;
    private final double[] depositFactor;
    private final boolean[] reset;
    private final double[] gross;
    private double surpriseSdBn;
    private double surpriseShareOfFlow;
    private double surpriseReversal;

    public FlowBuilder(Timeline timeline) {
        this.timeline = timeline;
        this.n = timeline.size();
        fx = new double[n];
        gov = new double[n];
        currency = new double[n];
        depositFactor = new double[n];
        Arrays.fill(depositFactor, 1.0);
        reset = new boolean[n];
        gross = new double[n];
        for (int t = 0; t < n; t++) {
            reset[t] = timeline.has(t, DayFlags.RESERVE_PAYMENT);
        }
    }

    /**
     * Taxes into the treasury account: {@code shareInWindow} of each month's collection over the
     * {@code daysBefore} business days up to and including the filing deadline, the rest evenly
     * over the month's business days.
     */
    public FlowBuilder taxes(double monthlyBn, double[] monthMultipliers, int daysBefore, double shareInWindow) {
        if (monthlyBn == 0) {
            return this;
        }
        for (MonthSpan m : months()) {
            double amount = monthlyBn * monthMultipliers[m.month - 1];
            int deadline = -1;
            for (int t = m.first; t <= m.last; t++) {
                if (timeline.has(t, DayFlags.TAX_DEADLINE)) {
                    deadline = t;
                }
            }
            double even = deadline < 0 ? amount : amount * (1 - shareInWindow);
            spreadEven(gov, m.first, m.last, even, m.daysInMonth);
            if (deadline >= 0) {
                int from = Math.max(m.first, deadline - daysBefore + 1);
                double per = amount * shareInWindow / daysBefore;
                // Window days before the run started are lost with the rest of the month.
                for (int t = from; t <= deadline; t++) {
                    add(gov, t, per);
                }
            }
        }
        return this;
    }

    /** Government bond payments (缴款): evenly over each month's business days. */
    public FlowBuilder bonds(double monthlyBn, double[] monthMultipliers) {
        if (monthlyBn == 0) {
            return this;
        }
        for (MonthSpan m : months()) {
            spreadEven(gov, m.first, m.last, monthlyBn * monthMultipliers[m.month - 1], m.daysInMonth);
        }
        return this;
    }

    /**
     * Fiscal spending out of the treasury account: {@code monthEndShare} over the last
     * {@code monthEndDays} business days of the month, the rest evenly; quarter-end months times
     * {@code quarterEndMultiplier}.
     */
    public FlowBuilder spending(double monthlyBn, double[] monthMultipliers, int monthEndDays, double monthEndShare,
                                double quarterEndMultiplier) {
        if (monthlyBn == 0) {
            return this;
        }
        for (MonthSpan m : months()) {
            double amount = monthlyBn * monthMultipliers[m.month - 1] * (m.month % 3 == 0 ? quarterEndMultiplier : 1);
            spreadEven(gov, m.first, m.last, -amount * (1 - monthEndShare), m.daysInMonth);
            if (m.partialEnd) {
                continue;
            }
            int from = Math.max(m.first, m.last - monthEndDays + 1);
            int k = m.last - from + 1;
            for (int t = from; t <= m.last; t++) {
                add(gov, t, -amount * monthEndShare / k);
            }
        }
        return this;
    }

    /** The currency cycle of {@link #currency}: holiday drains and returns, month ends, trend (bn). */
    public record CurrencyCycle(double springFestivalBn, int drainDays, int returnDays, double nationalDayBn,
                                double returnShare, double monthEndBn, double trendMonthlyBn) {
    }

    /**
     * Currency: the Spring Festival drain over the {@code drainDays} business days before the
     * festival and {@code returnShare} of it back over the {@code returnDays} after; the same
     * around National Day (Oct 1) with {@code nationalDayBn}; {@code monthEndBn} on each month's
     * last business day (positive = drain) and a {@code trendMonthlyBn} drift.
     */
    public FlowBuilder currency(CurrencyCycle cycle, LocalDate[] festivals) {
        double springFestivalBn = cycle.springFestivalBn();
        int drainDays = cycle.drainDays();
        int returnDays = cycle.returnDays();
        double nationalDayBn = cycle.nationalDayBn();
        double returnShare = cycle.returnShare();
        double monthEndBn = cycle.monthEndBn();
        double trendMonthlyBn = cycle.trendMonthlyBn();
        for (LocalDate festival : festivals) {
            holidayCash(festival, springFestivalBn, drainDays, returnDays, returnShare);
        }
        if (nationalDayBn != 0) {
            int firstYear = timeline.date(0).getYear();
            int lastYear = timeline.date(n - 1).getYear();
            for (int y = firstYear; y <= lastYear; y++) {
                holidayCash(LocalDate.of(y, 10, 1), nationalDayBn, Math.max(1, drainDays / 2), Math.max(1, returnDays / 3),
                        returnShare);
            }
        }
        for (MonthSpan m : months()) {
            spreadEven(currency, m.first, m.last, trendMonthlyBn, m.daysInMonth);
            if (!m.partialEnd && monthEndBn != 0) {
                add(currency, m.last, monthEndBn);
            }
        }
        return this;
    }

    private void holidayCash(LocalDate holiday, double amountBn, int drainDays, int returnDays, double returnShare) {
        if (amountBn == 0) {
            return;
        }
        int at = timeline.indexOnOrAfter(holiday);
        // Drain over the business days strictly before the holiday, return after it.
        for (int k = 1; k <= drainDays; k++) {
            int t = at - k;
            if (t >= 0 && t < n) {
                add(currency, t, amountBn / drainDays);
            }
        }
        for (int k = 0; k < returnDays; k++) {
            int t = at + k;
            if (t >= 0 && t < n) {
                add(currency, t, -amountBn * returnShare / returnDays);
            }
        }
    }

    /** Net FX purchases, evenly over each month's business days (positive adds reserves). */
    public FlowBuilder fx(double monthlyBn) {
        if (monthlyBn == 0) {
            return this;
        }
        for (MonthSpan m : months()) {
            spreadEven(fx, m.first, m.last, monthlyBn, m.daysInMonth);
        }
        return this;
    }

    /**
     * Deposit seasonality as a factor on each bank's deposits, applied to requirements on
     * reserve payment dates from the deposits at the end of the previous ten-day period (旬末):
     * +{@code swellPct} over the last {@code swellDays} calendar days of a quarter (deposit
     * drives), half of it still on the 10th of the next month, −{@code aprilJulyFallPct} from
     * mid-April and mid-July to month end, and a trend.
     */
    public FlowBuilder deposits(double swellPct, double aprilJulyFallPct, double annualGrowthPct, int swellDays) {
        LocalDate start = timeline.date(0);
        for (int t = 0; t < n; t++) {
            LocalDate d = timeline.date(t);
            double f = 1 + annualGrowthPct / 100.0 * (d.toEpochDay() - start.toEpochDay()) / 365.0;
            LocalDate basis = requirementBasis(d);
            YearMonth ym = YearMonth.from(basis);
            boolean quarterMonth = ym.getMonthValue() % 3 == 0;
            int fromEnd = ym.lengthOfMonth() - basis.getDayOfMonth();
            if (quarterMonth && fromEnd < swellDays) {
                f += swellPct / 100.0;
            } else if (basis.getDayOfMonth() <= 10 && (basis.getMonthValue() - 1) % 3 == 0) {
                f += swellPct / 100.0 * 0.5;
            }
            if ((basis.getMonthValue() == 4 || basis.getMonthValue() == 7) && basis.getDayOfMonth() >= 15) {
                f -= aprilJulyFallPct / 100.0;
            }
            depositFactor[t] = f;
        }
        return this;
    }

    /**
     * The date whose deposits set the requirement paid on (or moved to) business day {@code d}:
     * the end of the previous ten-day period (旬末). The payment of the 5th uses the previous
     * month's last day, the 15th uses the 10th, the 25th the 20th.
     */
    static LocalDate requirementBasis(LocalDate d) {
        int dom = d.getDayOfMonth();
        if (dom >= 25) {
            return d.withDayOfMonth(20);
        }
        if (dom >= 15) {
            return d.withDayOfMonth(10);
        }
        if (dom >= 5) {
            return d.withDayOfMonth(1).minusDays(1);
        }
        return d.minusMonths(1).withDayOfMonth(20);
    }

    /**
     * Size of the unforecast part: a floor plus a share of the day's gross scheduled flow; a
     * share {@code reversal} of each day's surprise reverses the next morning.
     */
    public FlowBuilder surprise(double sdBn, double shareOfFlow, double reversal) {
        this.surpriseSdBn = sdBn;
        this.surpriseShareOfFlow = shareOfFlow;
        this.surpriseReversal = reversal;
        return this;
    }

    public FlowSchedule build() {
        double[] sd = new double[n];
        for (int t = 0; t < n; t++) {
            sd[t] = surpriseSdBn + surpriseShareOfFlow * gross[t];
        }
        return new FlowSchedule(new FlowSchedule.Factors(fx, gov, currency), depositFactor, reset,
                new FlowSchedule.Surprise(sd, surpriseReversal));
    }

    private void add(double[] target, int t, double bn) {
        target[t] += bn;
        gross[t] += Math.abs(bn);
    }

    private void spreadEven(double[] target, int first, int last, double amountBn, int businessDaysInMonth) {
        if (amountBn == 0) {
            return;
        }
        double per = amountBn / businessDaysInMonth;
        for (int t = first; t <= last; t++) {
            add(target, t, per);
        }
    }

    /** A calendar month's business days inside the run. */
    private record MonthSpan(int month, int first, int last, int daysInMonth, boolean partialEnd) {
    }

    private java.util.List<MonthSpan> months() {
        java.util.List<MonthSpan> out = new java.util.ArrayList<>();
        int t = 0;
        while (t < n) {
            YearMonth ym = YearMonth.from(timeline.date(t));
            int first = t;
            while (t < n && YearMonth.from(timeline.date(t)).equals(ym)) {
                t++;
            }
            int last = t - 1;
            // Business days in the whole month, so a partial month gets only its share.
            int full = timeline.businessDaysInMonth(first);
            boolean partialEnd = last == n - 1 && !timeline.has(last, DayFlags.MONTH_END);
            out.add(new MonthSpan(ym.getMonthValue(), first, last, Math.max(full, last - first + 1), partialEnd));
        }
        return out;
    }
}
