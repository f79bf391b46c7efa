package io.corridorsim.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The business days of one run, with everything the model asks about them precomputed into
 * arrays so every accessor is O(1) in the hot loop. Day t is the t-th business day (0-based).
 * Immutable and shared by all paths.
 *
 * <p>Where a question looks past the calendar's last year (the day after the run's last day),
 * weekends-only is assumed for that look-ahead; the run's own days must lie inside the data.
 */
public final class Timeline {

    private final LocalDate[] dates;
    private final int[] accrual;
    private final int[] flags;
    private final int[] toMonthEnd;
    private final int[] toQuarterEnd;
    private final int[] toFestival;
    private final int[] taxAhead;
    private final int[] period;
    private final int[] periodRemaining;
    private final int[] periodLength;
    private final int[] monthBusinessDays;

    private Timeline(int n) {
        dates = new LocalDate[n];
        accrual = new int[n];
        flags = new int[n];
        toMonthEnd = new int[n];
        toQuarterEnd = new int[n];
        toFestival = new int[n];
        taxAhead = new int[n];
        period = new int[n];
        periodRemaining = new int[n];
        periodLength = new int[n];
        monthBusinessDays = new int[n];
    }

    /** {@code businessDays} business days from the first business day on or after {@code start}. */
    public static Timeline build(ChinaCalendar cal, LocalDate start, int businessDays) {
        if (businessDays < 1) {
            throw new IllegalArgumentException("a timeline needs at least one business day");
        }
        Timeline tl = new Timeline(businessDays);
        LocalDate d = cal.onOrAfter(start);
        for (int t = 0; t < businessDays; t++) {
            tl.dates[t] = d;
            if (t + 1 < businessDays) {
                d = cal.nextBusinessDay(d);
            }
        }
        for (int t = 0; t < businessDays; t++) {
            LocalDate day = tl.dates[t];
            LocalDate next = t + 1 < businessDays ? tl.dates[t + 1] : nextOpen(cal, day);
            LocalDate prev = t > 0 ? tl.dates[t - 1] : previousOpen(cal, day);
            tl.accrual[t] = (int) ChronoUnit.DAYS.between(day, next);
            int f = 0;
            if (next.getMonthValue() != day.getMonthValue() || next.getYear() != day.getYear()) {
                f |= DayFlags.MONTH_END;
                if (day.getMonthValue() % 3 == 0) {
                    f |= DayFlags.QUARTER_END;
                }
                if (day.getMonthValue() == 12) {
                    f |= DayFlags.YEAR_END;
                }
            }
            if (prev.getMonthValue() != day.getMonthValue() || prev.getYear() != day.getYear()) {
                f |= DayFlags.MONTH_START;
            }
            if (tl.accrual[t] >= 4) {
                f |= DayFlags.PRE_HOLIDAY;
            }
            // A payment or deadline date falls on this business day if it lies in (prev, day].
            for (LocalDate x = prev.plusDays(1); !x.isAfter(day); x = x.plusDays(1)) {
                int dom = x.getDayOfMonth();
                if (dom == 5 || dom == 15 || dom == 25) {
                    f |= DayFlags.RESERVE_PAYMENT;
                }
                if (x.equals(taxDeadlineDate(cal, YearMonth.from(x)))) {
                    f |= DayFlags.TAX_DEADLINE;
                }
            }
            LocalDate oct1 = LocalDate.of(day.getYear(), 10, 1);
            int toOct = businessDaysBetween(cal, day, oct1);
            LocalDate afterNd = nextOpen(cal, lastClosedFrom(cal, oct1));
            if ((day.isBefore(oct1) && toOct <= 5) || (!day.isBefore(oct1) && !day.isAfter(afterNd))) {
                f |= DayFlags.NATIONAL_DAY_WINDOW;
            }
            tl.flags[t] = f;
            tl.toMonthEnd[t] = countOpen(cal, day.plusDays(1), YearMonth.from(day).atEndOfMonth());
            YearMonth qEnd = YearMonth.of(day.getYear(), ((day.getMonthValue() - 1) / 3 + 1) * 3);
            tl.toQuarterEnd[t] = countOpen(cal, day.plusDays(1), qEnd.atEndOfMonth());
            tl.toFestival[t] = festivalOffset(cal, day);
            if (Math.abs(tl.toFestival[t]) <= 10 && tl.toFestival[t] != Integer.MIN_VALUE) {
                tl.flags[t] |= DayFlags.SPRING_FESTIVAL_WINDOW;
            }
            tl.monthBusinessDays[t] = countOpen(cal, YearMonth.from(day).atDay(1), YearMonth.from(day).atEndOfMonth());
            // Maintenance periods run from one payment date (5th, 15th, 25th) to the day before the next.
            LocalDate pStart = periodStart(day);
            LocalDate pEnd = periodStart(pStart.plusDays(11)).minusDays(1);
            tl.period[t] = (int) (YearMonth.from(pStart).getYear() * 36L + (pStart.getMonthValue() - 1) * 3L
                    + (pStart.getDayOfMonth() == 5 ? 0 : pStart.getDayOfMonth() == 15 ? 1 : 2));
            tl.periodLength[t] = (int) ChronoUnit.DAYS.between(pStart, pEnd) + 1;
            tl.periodRemaining[t] = (int) ChronoUnit.DAYS.between(day, pEnd) + 1;
        }
        for (int t = 0; t < businessDays; t++) {
            LocalDate dl = taxDeadlineOnOrAfter(cal, tl.dates[t]);
            tl.taxAhead[t] = dl == null ? -1 : businessDaysBetween(cal, tl.dates[t], dl);
        }
        return tl;
    }

    // ---- calendar helpers (static, used only while building) ----------------------------------

    private static boolean open(ChinaCalendar cal, LocalDate d) {
        if (cal.covers(d)) {
            return cal.isBusinessDay(d);
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static LocalDate nextOpen(ChinaCalendar cal, LocalDate d) {
        LocalDate x = d.plusDays(1);
        while (!open(cal, x)) {
            x = x.plusDays(1);
        }
        return x;
    }

    private static LocalDate previousOpen(ChinaCalendar cal, LocalDate d) {
        LocalDate x = d.minusDays(1);
        while (!open(cal, x)) {
            x = x.minusDays(1);
        }
        return x;
    }

    /** Business days in [from, to], 0 if empty. */
    private static int countOpen(ChinaCalendar cal, LocalDate from, LocalDate to) {
        int k = 0;
        for (LocalDate x = from; !x.isAfter(to); x = x.plusDays(1)) {
            if (open(cal, x)) {
                k++;
            }
        }
        return k;
    }

    /** Business days from {@code from} (exclusive) up to {@code to} (inclusive when open); 0 if to ≤ from. */
    private static int businessDaysBetween(ChinaCalendar cal, LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        return countOpen(cal, from.plusDays(1), to) + (open(cal, to) ? 0 : 1);
    }

    /** The last day of the closed run starting at {@code d} (d itself if open). */
    private static LocalDate lastClosedFrom(ChinaCalendar cal, LocalDate d) {
        LocalDate x = d;
        while (!open(cal, x.plusDays(1))) {
            x = x.plusDays(1);
        }
        return x;
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

    /**
     * The monthly tax filing deadline: the 15th; when a public holiday of three or more closed
     * days in a row starts within the 1st–15th, the deadline moves back by the holiday's closed
     * weekdays (the State Taxation Administration's practice for Spring Festival, Labour Day
     * and National Day months); then to the first business day on or after it. An
     * approximation of the administration's yearly notices.
     */
    static LocalDate taxDeadlineDate(ChinaCalendar cal, YearMonth ym) {
        LocalDate d = ym.atDay(15);
        int extension = 0;
        LocalDate x = ym.atDay(1);
        while (!x.isAfter(ym.atDay(15))) {
            if (cal.covers(x) && cal.isHoliday(x)) {
                LocalDate end = x;
                int weekdays = 0;
                int closed = 0;
                while (!open(cal, end)) {
                    closed++;
                    if (end.getDayOfWeek() != DayOfWeek.SATURDAY && end.getDayOfWeek() != DayOfWeek.SUNDAY) {
                        weekdays++;
                    }
                    end = end.plusDays(1);
                }
                if (closed >= 3) {
                    extension += weekdays;
                }
                x = end;
            } else {
                x = x.plusDays(1);
            }
        }
        LocalDate deadline = d.plusDays(extension);
        while (!open(cal, deadline)) {
            deadline = deadline.plusDays(1);
        }
        return deadline;
    }

    private static LocalDate taxDeadlineOnOrAfter(ChinaCalendar cal, LocalDate d) {
        YearMonth ym = YearMonth.from(d);
        for (int k = 0; k < 3; k++) {
            YearMonth m = ym.plusMonths(k);
            if (!cal.covers(m.atDay(1))) {
                return null;
            }
            LocalDate dl = taxDeadlineDate(cal, m);
            if (!dl.isBefore(d)) {
                return dl;
            }
        }
        return null;
    }

    /** Signed business-day distance to the nearest Spring Festival; MIN_VALUE when unknown. */
    private static int festivalOffset(ChinaCalendar cal, LocalDate day) {
        if (!cal.hasFestivals()) {
            return Integer.MIN_VALUE;
        }
        LocalDate best = null;
        for (int y = day.getYear() - 1; y <= day.getYear() + 1; y++) {
            if (y < cal.firstYear() || y > cal.lastYear()) {
                continue;
            }
            LocalDate f = cal.springFestival(y);
            if (best == null || Math.abs(ChronoUnit.DAYS.between(day, f)) < Math.abs(ChronoUnit.DAYS.between(day, best))) {
                best = f;
            }
        }
        if (best == null) {
            return Integer.MIN_VALUE;
        }
        if (day.isBefore(best)) {
            // The last business day before the festival is −1.
            return -countOpen(cal, day, best.minusDays(1));
        }
        // The first business day after the festival is +1.
        return countOpen(cal, best.plusDays(1), day);
    }

    // ---- accessors ------------------------------------------------------------------------------

    public int size() {
        return dates.length;
    }

    public LocalDate date(int t) {
        return dates[t];
    }

    /** Calendar days from business day t to the next business day: 1 on a weekday, 3 on a Friday, more before holidays. */
    public int accrualDays(int t) {
        return accrual[t];
    }

    public int flags(int t) {
        return flags[t];
    }

    public boolean has(int t, int flag) {
        return (flags[t] & flag) != 0;
    }

    /** First index whose date is on or after {@code d}; {@code size()} if none. */
    public int indexOnOrAfter(LocalDate d) {
        int lo = 0;
        int hi = dates.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (dates[mid].isBefore(d)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The business day on which something starting on day t with a tenor of
     * {@code tenorCalendarDays} settles: the first business day on or after date(t) + tenor.
     * May be ≥ size() when it matures after the run.
     */
    public int maturityIndex(int t, int tenorCalendarDays) {
        return indexOnOrAfter(dates[t].plusDays(tenorCalendarDays));
    }

    /** Business days after t up to the month's last business day (0 on it). */
    public int businessDaysToMonthEnd(int t) {
        return toMonthEnd[t];
    }

    /** Business days after t up to the quarter's last business day (0 on it). */
    public int businessDaysToQuarterEnd(int t) {
        return toQuarterEnd[t];
    }

    /**
     * Signed business days to the nearest Spring Festival: −1 on the last business day before
     * it, +1 on the first after; {@code Integer.MIN_VALUE} without festival data.
     */
    public int businessDaysToSpringFestival(int t) {
        return toFestival[t];
    }

    /** Business days until the next tax deadline (0 on it); −1 when it is past the calendar. */
    public int taxDaysAhead(int t) {
        return taxAhead[t];
    }

    public int dayOfMonth(int t) {
        return dates[t].getDayOfMonth();
    }

    /** Business days in date(t)'s calendar month. */
    public int businessDaysInMonth(int t) {
        return monthBusinessDays[t];
    }

    /** Whether a loan from date(t) for {@code tenor} nights covers a quarter's last calendar day. */
    public boolean spansQuarterEnd(int t, int tenorCalendarDays) {
        LocalDate d = dates[t];
        LocalDate qEnd = YearMonth.of(d.getYear(), ((d.getMonthValue() - 1) / 3 + 1) * 3).atEndOfMonth();
        return !qEnd.isAfter(d.plusDays(tenorCalendarDays - 1L));
    }

    /** Whether a loan from date(t) for {@code tenor} nights covers a month's last calendar day. */
    public boolean spansMonthEnd(int t, int tenorCalendarDays) {
        LocalDate d = dates[t];
        return !YearMonth.from(d).atEndOfMonth().isAfter(d.plusDays(tenorCalendarDays - 1L));
    }

    /** Maintenance period id (increasing): periods start on the 5th, 15th and 25th. */
    public int maintenancePeriod(int t) {
        return period[t];
    }

    /** Calendar days from date(t) to the period's last calendar day, both included. */
    public int periodCalendarDaysRemaining(int t) {
        return periodRemaining[t];
    }

    /** Calendar days in date(t)'s maintenance period (8–11). */
    public int periodLengthCalendarDays(int t) {
        return periodLength[t];
    }

    /** The last business day of its maintenance period. */
    public boolean isPeriodEnd(int t) {
        return t == dates.length - 1 || period[t + 1] != period[t];
    }

    /** Calendar days today's end-of-day balance counts for in its period: accrual capped at the period end. */
    public int periodWeight(int t) {
        return Math.min(accrual[t], periodRemaining[t]);
    }
}
