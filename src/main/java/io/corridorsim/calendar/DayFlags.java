package io.corridorsim.calendar;

import java.util.List;

/** Bit flags of a business day in a {@link Timeline}: combine with |, test with {@link Timeline#has}. */
public final class DayFlags {

    /** Reserve payment (缴准) day: the 5th, 15th and 25th, moved to the next business day when closed. */
    public static final int RESERVE_PAYMENT = 1;
    /**
     * Monthly tax filing deadline. The State Taxation Administration's rule: the filing period
     * ends on the 15th, and when it holds a statutory holiday of three or more consecutive days
     * off, the deadline is postponed by the holiday (its yearly notices give the dates).
     * Approximated here: a holiday is a run of consecutive days the State Council notice lists
     * as off (weekends inside the span included, weekends merely adjoining a one-day holiday
     * not); one of three or more such days that overlaps the 1st–15th postpones the 15th by its
     * off days that fall on weekdays and on or after the 1st (the part of a holiday in the
     * previous month was not in this filing period); the result then moves to the first
     * business day on or after it. The notices appear to count the holiday's calendar days
     * instead, so this can fall a few days before the official deadline (February 2024: the
     * 20th here).
     */
    public static final int TAX_DEADLINE = 1 << 1;
    /** Last business day of a month. */
    public static final int MONTH_END = 1 << 2;
    /** Last business day of March, June, September or December. */
    public static final int QUARTER_END = 1 << 3;
    /** Last business day of the year. */
    public static final int YEAR_END = 1 << 4;
    /** First business day of a month. */
    public static final int MONTH_START = 1 << 5;
    /** The business day before three or more closed calendar days in a row (accrual of 4 or more days). */
    public static final int PRE_HOLIDAY = 1 << 6;
    /** Within ten business days before or after the Spring Festival (see {@link Timeline#businessDaysToSpringFestival}). */
    public static final int SPRING_FESTIVAL_WINDOW = 1 << 7;
    /** The five business days before October 1, through the first business day after the National Day holiday. */
    public static final int NATIONAL_DAY_WINDOW = 1 << 8;

    /** Lowercase names, in bit order. */
    private static final List<String> NAMES = List.of("reserve_payment", "tax_deadline", "month_end", "quarter_end",
            "year_end", "month_start", "pre_holiday", "spring_festival_window", "national_day_window");

    private DayFlags() {
    }

    /** Lowercase names of the flags set in {@code flags}, joined by ';'. */
    public static String names(int flags) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < NAMES.size(); k++) {
            if ((flags & (1 << k)) != 0) {
                if (b.length() > 0) {
                    b.append(';');
                }
                b.append(NAMES.get(k));
            }
        }
        return b.toString();
    }
}
