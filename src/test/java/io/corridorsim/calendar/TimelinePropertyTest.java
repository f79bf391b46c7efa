package io.corridorsim.calendar;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of timelines built from random dates of the official calendar. */
class TimelinePropertyTest {

    private static final ChinaCalendar CAL = ChinaCalendarTest.CAL;

    /** Starts up to 2025-06-30 and at most 300 business days keep every run inside 2015–2026. */
    private static final int LAST_START_OFFSET = (int) ChronoUnit.DAYS.between(LocalDate.of(2015, 1, 1),
            LocalDate.of(2025, 6, 30));

    @Property(tries = 200)
    void everyDayIsABusinessDayAndAccrualsSumToTheCalendarSpan(
            @ForAll @IntRange(min = 0, max = 3833) int startOffset,
            @ForAll @IntRange(min = 1, max = 300) int days) {
        assertTrue(startOffset <= LAST_START_OFFSET);
        LocalDate start = LocalDate.of(2015, 1, 1).plusDays(startOffset);
        Timeline tl = Timeline.build(CAL, start, days);
        assertEquals(days, tl.size());
        assertEquals(CAL.onOrAfter(start), tl.date(0));
        long sum = 0;
        for (int t = 0; t < tl.size(); t++) {
            LocalDate d = tl.date(t);
            assertTrue(CAL.isBusinessDay(d), d + " is a business day");
            LocalDate next = CAL.nextBusinessDay(d);
            assertEquals(ChronoUnit.DAYS.between(d, next), tl.accrualDays(t), "accrual of " + d);
            if (t + 1 < tl.size()) {
                assertEquals(next, tl.date(t + 1), "no business day is skipped after " + d);
            }
            assertEquals(t, tl.indexOnOrAfter(d));
            assertEquals(t + 1, tl.maturityIndex(t, tl.accrualDays(t)));
            assertEquals(tl.accrualDays(t) >= 4, tl.has(t, DayFlags.PRE_HOLIDAY));
            assertEquals(next.getMonth() != d.getMonth(), tl.has(t, DayFlags.MONTH_END));
            assertEquals(tl.has(t, DayFlags.MONTH_END), tl.businessDaysToMonthEnd(t) == 0);
            assertEquals(tl.has(t, DayFlags.TAX_DEADLINE), tl.taxDaysAhead(t) == 0);
            assertTrue(tl.taxDaysAhead(t) <= 25, "a deadline every month");
            assertTrue(tl.periodWeight(t) >= 1 && tl.periodWeight(t) <= tl.accrualDays(t));
            if (t > 0) {
                int step = tl.maintenancePeriod(t) - tl.maintenancePeriod(t - 1);
                assertTrue(step == 0 || step == 1, "period ids step by one");
                assertEquals(step == 1, tl.isPeriodEnd(t - 1));
                assertFalse(tl.date(t).isBefore(tl.date(t - 1).plusDays(1)));
            }
            sum += tl.accrualDays(t);
        }
        assertEquals(ChronoUnit.DAYS.between(tl.date(0), CAL.nextBusinessDay(tl.date(tl.size() - 1))), sum);
    }
}
