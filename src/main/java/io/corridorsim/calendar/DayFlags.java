package io.corridorsim.calendar;

/** Bit flags of a business day in a {@link Timeline}. */
public final class DayFlags {

    /** Reserve payment (缴准) day: the 5th, 15th and 25th, moved to the next business day when closed. */
    public static final int RESERVE_PAYMENT = 1;
    /** Monthly tax filing deadline: the 15th, extended over long holidays, then moved to a business day. */
    public static final int TAX_DEADLINE = 1 << 1;
    /** Last business day of a month. */
    public static final int MONTH_END = 1 << 2;
    /** Last business day of March, June, September or December. */
    public static final int QUARTER_END = 1 << 3;
    /** Last business day of the year. */
    public static final int YEAR_END = 1 << 4;
    /** First business day of a month. */
    public static final int MONTH_START = 1 << 5;
    /** The business day before three or more closed calendar days in a row. */
    public static final int PRE_HOLIDAY = 1 << 6;
    /** Within ten business days before or after the Spring Festival. */
    public static final int SPRING_FESTIVAL_WINDOW = 1 << 7;
    /** From five business days before October 1 to the first business day after the holiday. */
    public static final int NATIONAL_DAY_WINDOW = 1 << 8;

    private static final String[] NAMES = {"reserve_payment", "tax_deadline", "month_end", "quarter_end", "year_end",
        "month_start", "pre_holiday", "spring_festival_window", "national_day_window"};

    private DayFlags() {
    }

    /** Lowercase names of the flags set in {@code flags}, joined by ';'. */
    public static String names(int flags) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < NAMES.length; k++) {
            if ((flags & (1 << k)) != 0) {
                if (b.length() > 0) {
                    b.append(';');
                }
                b.append(NAMES[k]);
            }
        }
        return b.toString();
    }
}
