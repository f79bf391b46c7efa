package io.corridorsim.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The business days of one run, with everything the model asks about them precomputed into
 * arrays by {@link #build}, so that every accessor is O(1) and allocation-free in the hot loop.
 * Day t is the t-th business day of the run (0-based). Immutable and shared by all paths.
 *
 * <p>Some answers look just past the run (the accrual of its last day, whether that day ends
 * a month or a maintenance period, the next tax deadline) or just before it (whether day 0
 * starts a month). Those come from the calendar too; only where they leave the calendar's
 * years does the fallback of {@link ChinaCalendar#assumedBusinessDay} apply (weekends and
 * 1 January closed). The run's own days must lie inside the calendar's years.
 */
public final class Timeline {

    private final ChinaCalendar calendar;
    private final LocalDate[] dates;
    private final int[] epochDay;
    /** For each calendar day from date(0) to date(size − 1): the first index on or after it. */
    private final int[] indexByDay;
    private final int[] accrual;
    private final int[] flags;
    private final int[] toMonthEnd;
    private final int[] toQuarterEnd;
    private final int[] toFestival;
    private final int[] taxAhead;
    private final int[] monthBusinessDays;
    private final int[] monthEndEpochDay;
    private final int[] quarterEndEpochDay;
    private final int[] period;
    private final int[] periodRemaining;
    private final int[] periodLength;
    private final boolean[] periodEnd;

    /**
     * {@code businessDays} consecutive business days from the first business day on or after
     * {@code start}.
     *
     * @throws CalendarRangeException when a day of the run lies outside the calendar's years
     * @throws IllegalArgumentException when {@code businessDays < 1}
     */
    public static Timeline build(ChinaCalendar cal, LocalDate start, int businessDays) {
        if (businessDays < 1) {
            throw new IllegalArgumentException("a timeline needs at least one business day, got " + businessDays);
        }
        LocalDate[] dates = new LocalDate[businessDays];
        LocalDate d = cal.onOrAfter(start);
        for (int t = 0; t < businessDays; t++) {
            dates[t] = d;
            if (t + 1 < businessDays) {
                d = cal.nextBusinessDay(d);
            }
        }
        return new Timeline(cal, dates);
    }

    private Timeline(ChinaCalendar cal, LocalDate[] dates) {
        int n = dates.length;
        this.calendar = cal;
        this.dates = dates;
        epochDay = new int[n];
        accrual = new int[n];
        flags = new int[n];
        toMonthEnd = new int[n];
        toQuarterEnd = new int[n];
        toFestival = new int[n];
        taxAhead = new int[n];
        monthBusinessDays = new int[n];
        monthEndEpochDay = new int[n];
        quarterEndEpochDay = new int[n];
        period = new int[n];
        periodRemaining = new int[n];
        periodLength = new int[n];
        periodEnd = new boolean[n];
        for (int t = 0; t < n; t++) {
            epochDay[t] = (int) dates[t].toEpochDay();
        }
        indexByDay = new int[epochDay[n - 1] - epochDay[0] + 1];
        for (int t = 0, k = 0; k < indexByDay.length; k++) {
            if (epochDay[0] + k > epochDay[t]) {
                t++;
            }
            indexByDay[k] = t;
        }

        // One year either side of the run holds every look-around: the nearest festival, the
        // next tax deadline, the business day before day 0 and after the last day.
        OpenDays open = new OpenDays(cal, LocalDate.of(dates[0].getYear() - 1, 1, 1),
                LocalDate.of(dates[n - 1].getYear() + 1, 12, 31));
        long[] taxDeadlines = taxDeadlines(open, YearMonth.from(dates[0]), YearMonth.from(dates[n - 1]).plusMonths(1));
        int nextDeadline = 0;
        int firstPeriodOrdinal = periodOrdinal(periodStart(dates[0]));

        for (int t = 0; t < n; t++) {
            LocalDate day = dates[t];
            long e = epochDay[t];
            long prev = t > 0 ? epochDay[t - 1] : open.previous(e);
            long next = t + 1 < n ? epochDay[t + 1] : open.next(e);
            LocalDate prevDate = LocalDate.ofEpochDay(prev);
            LocalDate nextDate = LocalDate.ofEpochDay(next);
            accrual[t] = (int) (next - e);

            int f = 0;
            if (!YearMonth.from(nextDate).equals(YearMonth.from(day))) {
                f |= DayFlags.MONTH_END;
                if (day.getMonthValue() % 3 == 0) {
                    f |= DayFlags.QUARTER_END;
                }
                if (day.getMonthValue() == 12) {
                    f |= DayFlags.YEAR_END;
                }
            }
            if (!YearMonth.from(prevDate).equals(YearMonth.from(day))) {
                f |= DayFlags.MONTH_START;
            }
            if (accrual[t] >= 4) {
                f |= DayFlags.PRE_HOLIDAY;
            }
            // A payment date falls on the first business day on or after it: the one whose (prev, day] holds it.
            for (long x = prev + 1; x <= e; x++) {
                int dom = LocalDate.ofEpochDay(x).getDayOfMonth();
                if (dom == 5 || dom == 15 || dom == 25) {
                    f |= DayFlags.RESERVE_PAYMENT;
                }
            }
            while (taxDeadlines[nextDeadline] < e) {
                nextDeadline++;
            }
            if (taxDeadlines[nextDeadline] == e) {
                f |= DayFlags.TAX_DEADLINE;
            }
            taxAhead[t] = open.count(e + 1, taxDeadlines[nextDeadline]);
            if (inNationalDayWindow(open, day)) {
                f |= DayFlags.NATIONAL_DAY_WINDOW;
            }
            toFestival[t] = festivalOffset(cal, open, day);
            if (toFestival[t] != Integer.MIN_VALUE && Math.abs(toFestival[t]) <= 10) {
                f |= DayFlags.SPRING_FESTIVAL_WINDOW;
            }
            flags[t] = f;

            YearMonth month = YearMonth.from(day);
            long monthEnd = month.atEndOfMonth().toEpochDay();
            long quarterEnd = YearMonth.of(day.getYear(), (day.getMonthValue() + 2) / 3 * 3).atEndOfMonth().toEpochDay();
            monthEndEpochDay[t] = (int) monthEnd;
            quarterEndEpochDay[t] = (int) quarterEnd;
            toMonthEnd[t] = open.count(e + 1, monthEnd);
            toQuarterEnd[t] = open.count(e + 1, quarterEnd);
            monthBusinessDays[t] = open.count(month.atDay(1).toEpochDay(), monthEnd);

            LocalDate pStart = periodStart(day);
            LocalDate pEnd = nextPeriodStart(pStart).minusDays(1);
            period[t] = periodOrdinal(pStart) - firstPeriodOrdinal;
            periodLength[t] = (int) (pEnd.toEpochDay() - pStart.toEpochDay() + 1);
            periodRemaining[t] = (int) (pEnd.toEpochDay() - e + 1);
            periodEnd[t] = next > pEnd.toEpochDay();
        }
    }

    /** Open (business) days over a span of calendar days, with prefix counts for O(1) counting. */
    private static final class OpenDays {
        private final long first;
        private final boolean[] open;
        private final boolean[] holiday;
        /** cum[k]: open days among the span's first k days. */
        private final int[] cum;

        OpenDays(ChinaCalendar cal, LocalDate from, LocalDate to) {
            first = from.toEpochDay();
            int len = (int) (to.toEpochDay() - first + 1);
            open = new boolean[len];
            holiday = new boolean[len];
            cum = new int[len + 1];
            LocalDate d = from;
            for (int k = 0; k < len; k++, d = d.plusDays(1)) {
                open[k] = cal.assumedBusinessDay(d);
                holiday[k] = cal.assumedHoliday(d);
                cum[k + 1] = cum[k] + (open[k] ? 1 : 0);
            }
        }

        boolean open(long e) {
            return open[(int) (e - first)];
        }

        boolean holiday(long e) {
            return holiday[(int) (e - first)];
        }

        /** Open days in [from, to]; 0 when to < from. */
        int count(long from, long to) {
            return to < from ? 0 : cum[(int) (to - first) + 1] - cum[(int) (from - first)];
        }

        long next(long e) {
            long x = e + 1;
            while (!open(x)) {
                x++;
            }
            return x;
        }

        long previous(long e) {
            long x = e - 1;
            while (!open(x)) {
                x--;
            }
            return x;
        }

        long onOrAfter(long e) {
            return open(e) ? e : next(e);
        }
    }

    private static boolean isWeekday(long epochDay) {
        // 1970-01-01 was a Thursday, so (epochDay + 3) mod 7 counts from Monday = 0.
        return Math.floorMod(epochDay + 3, 7) < 5;
    }

    /** The tax filing deadline of {@code month} as an epoch day, by the rule of {@link DayFlags#TAX_DEADLINE}. */
    private static long taxDeadline(OpenDays open, YearMonth month) {
        long first = month.atDay(1).toEpochDay();
        long fifteenth = month.atDay(15).toEpochDay();
        int extension = 0;
        long x = first;
        while (x <= fifteenth) {
            if (!open.holiday(x)) {
                x++;
                continue;
            }
            long runStart = x;
            while (open.holiday(runStart - 1)) {
                runStart--;
            }
            long runEnd = x;
            while (open.holiday(runEnd + 1)) {
                runEnd++;
            }
            if (runEnd - runStart + 1 >= 3) {
                for (long y = Math.max(runStart, first); y <= runEnd; y++) {
                    if (isWeekday(y)) {
                        extension++;
                    }
                }
            }
            x = runEnd + 1;
        }
        return open.onOrAfter(fifteenth + extension);
    }

    private static long[] taxDeadlines(OpenDays open, YearMonth from, YearMonth to) {
        List<Long> out = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            out.add(taxDeadline(open, m));
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** From the 5th business day before 1 October to the first business day on or after it (after the holiday). */
    private static boolean inNationalDayWindow(OpenDays open, LocalDate day) {
        long e = day.toEpochDay();
        long oct1 = LocalDate.of(day.getYear(), 10, 1).toEpochDay();
        if (e < oct1) {
            return open.count(e + 1, oct1 - 1) < 5;
        }
        return e <= open.onOrAfter(oct1);
    }

    /** Signed business-day distance to the nearest Spring Festival; MIN_VALUE without festival data. */
    private static int festivalOffset(ChinaCalendar cal, OpenDays open, LocalDate day) {
        if (!cal.hasFestivals()) {
            return Integer.MIN_VALUE;
        }
        long e = day.toEpochDay();
        long best = Long.MIN_VALUE;
        for (int y = day.getYear() - 1; y <= day.getYear() + 1; y++) {
            if (y >= cal.firstYear() && y <= cal.lastYear()) {
                long f = cal.springFestival(y).toEpochDay();
                if (best == Long.MIN_VALUE || Math.abs(f - e) < Math.abs(best - e)) {
                    best = f;
                }
            }
        }
        if (e < best) {
            return -open.count(e, best - 1);
        }
        return open.count(best + 1, e);
    }

    private static LocalDate periodStart(LocalDate d) {
        int dom = d.getDayOfMonth();
        if (dom >= 25) {
            return d.withDayOfMonth(25);
        }
        if (dom >= 15) {
            return d.withDayOfMonth(15);
        }
        if (dom >= 5) {
            return d.withDayOfMonth(5);
        }
        return d.minusMonths(1).withDayOfMonth(25);
    }

    private static LocalDate nextPeriodStart(LocalDate periodStart) {
        return periodStart.getDayOfMonth() == 25 ? periodStart.plusMonths(1).withDayOfMonth(5) : periodStart.plusDays(10);
    }

    /** Consecutive numbering of periods: three a month. */
    private static int periodOrdinal(LocalDate periodStart) {
        return periodStart.getYear() * 36 + (periodStart.getMonthValue() - 1) * 3 + (periodStart.getDayOfMonth() - 5) / 10;
    }

    /** Number of business days in the run. */
    public int size() {
        return dates.length;
    }

    /** The date of business day t. */
    public LocalDate date(int t) {
        return dates[t];
    }

    /**
     * Calendar days from business day t to the next business day (looking past the run for
     * the last day): the nights an overnight loan made on day t runs. 1 on an ordinary weekday,
     * 3 on a Friday, more before a holiday.
     */
    public int accrualDays(int t) {
        return accrual[t];
    }

    /** The {@link DayFlags} bits of day t. */
    public int flags(int t) {
        return flags[t];
    }

    /** Whether day t has {@code flag} (one of the {@link DayFlags} constants). */
    public boolean has(int t, int flag) {
        return (flags[t] & flag) != 0;
    }

    /** First index whose date is on or after {@code d}: 0 before the run, {@code size()} after it. */
    public int indexOnOrAfter(LocalDate d) {
        return indexOnOrAfterEpochDay(d.toEpochDay());
    }

    private int indexOnOrAfterEpochDay(long e) {
        if (e <= epochDay[0]) {
            return 0;
        }
        if (e > epochDay[epochDay.length - 1]) {
            return epochDay.length;
        }
        return indexByDay[(int) (e - epochDay[0])];
    }

    /**
     * The business day on which something starting on day t with a tenor of
     * {@code tenorCalendarDays} settles: the first business day on or after date(t) + tenor.
     * {@code size()} or more when that is after the run.
     */
    public int maturityIndex(int t, int tenorCalendarDays) {
        if (tenorCalendarDays < 0) {
            throw new IllegalArgumentException("tenor must be ≥ 0 calendar days, got " + tenorCalendarDays);
        }
        return indexOnOrAfterEpochDay((long) epochDay[t] + tenorCalendarDays);
    }

    /**
     * The date of {@link #maturityIndex}: the first business day on or after date(t) + tenor,
     * past the run too (where {@link #maturityIndex} only says "after the run"), from the
     * calendar, and beyond its years by {@link ChinaCalendar#assumedBusinessDay}.
     */
    public LocalDate maturityDate(int t, int tenorCalendarDays) {
        int k = maturityIndex(t, tenorCalendarDays);
        if (k < dates.length) {
            return dates[k];
        }
        LocalDate d = dates[t].plusDays(tenorCalendarDays);
        while (!calendar.assumedBusinessDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Business days after t up to the last business day of its month (0 on it). */
    public int businessDaysToMonthEnd(int t) {
        return toMonthEnd[t];
    }

    /** Business days after t up to the last business day of its quarter (0 on it). */
    public int businessDaysToQuarterEnd(int t) {
        return toQuarterEnd[t];
    }

    /**
     * Signed business days to the nearest Spring Festival (nearest in calendar days, among the
     * calendar's years): −k on the k-th last business day before it, +k on the k-th business
     * day after it. {@code Integer.MIN_VALUE} when the calendar has no festival dates
     * ({@link ChinaCalendar#weekdaysOnly}).
     */
    public int businessDaysToSpringFestival(int t) {
        return toFestival[t];
    }

    /** Business days from day t to the next {@link DayFlags#TAX_DEADLINE} (0 on it); never negative. */
    public int taxDaysAhead(int t) {
        return taxAhead[t];
    }

    /** Day of the month of date(t), 1–31. */
    public int dayOfMonth(int t) {
        return dates[t].getDayOfMonth();
    }

    /** Business days in date(t)'s calendar month. */
    public int businessDaysInMonth(int t) {
        return monthBusinessDays[t];
    }

    /**
     * Whether a loan made on day t for {@code tenorCalendarDays} is on the books at the end of
     * its quarter's last calendar day, the balance-sheet date. The loan is outstanding from
     * date(t) until it settles, on the first business day on or after date(t) + tenor, so a
     * 1-day loan on a Friday before a quarter ending on Sunday spans it.
     */
    public boolean spansQuarterEnd(int t, int tenorCalendarDays) {
        return outstandingOn(t, tenorCalendarDays, quarterEndEpochDay[t]);
    }

    /** As {@link #spansQuarterEnd}, for the last calendar day of date(t)'s month. */
    public boolean spansMonthEnd(int t, int tenorCalendarDays) {
        return outstandingOn(t, tenorCalendarDays, monthEndEpochDay[t]);
    }

    /** Whether the loan is outstanding at the end of {@code balanceDay}, a day on or after date(t). */
    private boolean outstandingOn(int t, int tenorCalendarDays, long balanceDay) {
        if (tenorCalendarDays < 1) {
            throw new IllegalArgumentException("a loan's tenor must be ≥ 1 calendar day, got " + tenorCalendarDays);
        }
        long due = (long) epochDay[t] + tenorCalendarDays;
        if (balanceDay < due) {
            return true;
        }
        return settlementEpochDay(due) > balanceDay;
    }

    private long settlementEpochDay(long due) {
        if (due <= epochDay[epochDay.length - 1]) {
            return epochDay[indexByDay[(int) (due - epochDay[0])]];
        }
        // Past the run: rare (only loans made near the end), so the calendar is asked directly.
        LocalDate x = LocalDate.ofEpochDay(due);
        while (!calendar.assumedBusinessDay(x)) {
            x = x.plusDays(1);
        }
        return x.toEpochDay();
    }

    /**
     * Reserve maintenance period of day t, numbered 0, 1, 2, … from the period holding day 0.
     * The PBoC assesses reserves over ten-day periods (旬) of the calendar: the 5th–14th,
     * the 15th–24th, and the 25th to the 4th of the next month, whether or not those days are
     * open; the id increases by one per calendar period, so a period without any business day
     * (impossible with the official data) would leave a gap.
     */
    public int maintenancePeriod(int t) {
        return period[t];
    }

    /**
     * Calendar days from date(t) to the last calendar day of its maintenance period, both
     * included. Every one of those days carries the end-of-day balance of the latest business
     * day on or before it, which is day t or a later business day of the period, so this equals
     * the sum of {@link #periodWeight} over day t and the period's remaining business days
     * (including those after the run). Closed days at the start of a period carry the previous
     * period's last balance and are in no business day's weight of this period.
     */
    public int periodCalendarDaysRemaining(int t) {
        return periodRemaining[t];
    }

    /** Calendar days in date(t)'s maintenance period: 10, or 8–11 for the period from the 25th. */
    public int periodLengthCalendarDays(int t) {
        return periodLength[t];
    }

    /**
     * Whether day t is the last business day of its maintenance period, judged from the
     * calendar: the last day of the run is a period end only if the next business day after
     * it starts a new period.
     */
    public boolean isPeriodEnd(int t) {
        return periodEnd[t];
    }

    /**
     * Calendar days day t's end-of-day balance counts for within its own maintenance period:
     * {@link #accrualDays} capped at {@link #periodCalendarDaysRemaining}.
     */
    public int periodWeight(int t) {
        return Math.min(accrual[t], periodRemaining[t]);
    }

    /** Business day t's place in its maintenance period: 1 on the period's first business day of the run. */
    public int periodDay(int t) {
        int k = 1;
        while (t - k >= 0 && maintenancePeriod(t - k) == maintenancePeriod(t)) {
            k++;
        }
        return k;
    }

    /** Business days from t to its maintenance period's last business day in the run, 0 on it. */
    public int businessDaysToPeriodEnd(int t) {
        int k = 0;
        while (t + k + 1 < size() && maintenancePeriod(t + k + 1) == maintenancePeriod(t)) {
            k++;
        }
        return k;
    }

    /** On a period's last business day, the nights its balance counts in the next period (weekend or holiday), else 0. */
    public int nightsInNextPeriod(int t) {
        return isPeriodEnd(t) ? accrualDays(t) - periodWeight(t) : 0;
    }
}
