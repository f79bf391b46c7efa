package io.corridorsim.calendar;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineTest {

    static final ChinaCalendar CN = ChinaCalendar.load(Path.of("models/calendar/cn-holidays.csv"),
            Path.of("models/calendar/cn-festivals.csv"));

    private static int index(Timeline tl, String date) {
        int t = tl.indexOnOrAfter(LocalDate.parse(date));
        assertEquals(LocalDate.parse(date), tl.date(t), date + " is not a business day of the timeline");
        return t;
    }

    @Test
    void springFestival2024IsClosedAndTheMakeUpSundaysAreOpen() {
        for (LocalDate d = LocalDate.of(2024, 2, 10); !d.isAfter(LocalDate.of(2024, 2, 17)); d = d.plusDays(1)) {
            assertFalse(CN.isBusinessDay(d), d + " should be closed");
        }
        assertTrue(CN.isBusinessDay(LocalDate.of(2024, 2, 4)), "2024-02-04 (Sunday) is a make-up workday");
        assertTrue(CN.isBusinessDay(LocalDate.of(2024, 2, 18)), "2024-02-18 (Sunday) is a make-up workday");
        assertEquals(LocalDate.of(2024, 2, 10), CN.springFestival(2024));
        for (LocalDate d = LocalDate.of(2025, 10, 1); !d.isAfter(LocalDate.of(2025, 10, 8)); d = d.plusDays(1)) {
            assertFalse(CN.isBusinessDay(d), d + " should be closed");
        }
        assertTrue(CN.isBusinessDay(LocalDate.of(2025, 9, 28)));
        assertTrue(CN.isBusinessDay(LocalDate.of(2025, 10, 11)));
        assertEquals("National Day and Mid-Autumn", CN.holidayName(LocalDate.of(2025, 10, 3)).orElseThrow().replace("Mid-Autumn and National Day", "National Day and Mid-Autumn"));
    }

    @Test
    void accrualRunsToTheNextBusinessDay() {
        Timeline tl = Timeline.build(CN, LocalDate.of(2024, 1, 2), 60);
        assertEquals(3, tl.accrualDays(index(tl, "2024-01-05")), "a Friday loan runs to Monday");
        assertEquals(1, tl.accrualDays(index(tl, "2024-01-08")));
        // Friday 2024-02-09: closed through the festival until the make-up Sunday 2024-02-18.
        assertEquals(9, tl.accrualDays(index(tl, "2024-02-09")));
        assertTrue(tl.has(index(tl, "2024-02-09"), DayFlags.PRE_HOLIDAY));
    }

    @Test
    void reservePaymentAndTaxDeadlinesMoveOffClosedDays() {
        Timeline tl = Timeline.build(CN, LocalDate.of(2024, 1, 2), 60);
        // 2024-02-15 falls in the festival: the payment moves to the make-up Sunday 2024-02-18.
        assertTrue(tl.has(index(tl, "2024-02-18"), DayFlags.RESERVE_PAYMENT));
        assertTrue(tl.has(index(tl, "2024-01-05"), DayFlags.RESERVE_PAYMENT));
        assertTrue(tl.has(index(tl, "2024-01-15"), DayFlags.TAX_DEADLINE));
        // February's deadline is extended past the festival.
        int feb = -1;
        for (int t = 0; t < tl.size(); t++) {
            if (tl.date(t).getMonthValue() == 2 && tl.has(t, DayFlags.TAX_DEADLINE)) {
                feb = t;
            }
        }
        assertTrue(tl.date(feb).isAfter(LocalDate.of(2024, 2, 18)), "February 2024 deadline " + tl.date(feb));
    }

    @Test
    void quarterEndsOf2017() {
        Timeline tl = Timeline.build(CN, LocalDate.of(2017, 1, 3), 250);
        Set<LocalDate> q = new HashSet<>();
        for (int t = 0; t < tl.size(); t++) {
            if (tl.has(t, DayFlags.QUARTER_END)) {
                q.add(tl.date(t));
            }
        }
        // 2017-09-30 was a Saturday make-up workday before National Day: the market's last day of Q3.
        assertEquals(Set.of(LocalDate.of(2017, 3, 31), LocalDate.of(2017, 6, 30), LocalDate.of(2017, 9, 30),
                LocalDate.of(2017, 12, 29)), q);
        assertTrue(tl.spansQuarterEnd(index(tl, "2017-09-28"), 7));
        assertFalse(tl.spansQuarterEnd(index(tl, "2017-09-18"), 7));
        assertEquals(0, tl.businessDaysToQuarterEnd(index(tl, "2017-06-30")));
        assertEquals(2, tl.businessDaysToQuarterEnd(index(tl, "2017-06-28")));
    }

    @Test
    void maturityIndexSkipsWeekendsAndHolidays() {
        Timeline tl = Timeline.build(CN, LocalDate.of(2025, 1, 2), 40);
        int fri = index(tl, "2025-01-03");
        assertEquals(LocalDate.of(2025, 1, 10), tl.date(tl.maturityIndex(fri, 7)));
        // A 7-day repo from 2025-01-24 matures on 2025-01-31, inside the festival: it settles on 2025-02-05.
        assertEquals(LocalDate.of(2025, 2, 5), tl.date(tl.maturityIndex(index(tl, "2025-01-24"), 7)));
    }

    @Test
    void maturityDatesPastTheRunComeFromTheCalendar() {
        Timeline tl = Timeline.build(CN, LocalDate.of(2025, 9, 22), 5);
        int fri = index(tl, "2025-09-26");
        assertEquals(tl.size(), tl.maturityIndex(fri, 7), "past the run, the index only says so");
        // 2025-10-03 lies in the National Day holiday (1–8 October): repaid on 2025-10-09.
        assertEquals(LocalDate.of(2025, 10, 9), tl.maturityDate(fri, 7));
        assertEquals(tl.date(tl.maturityIndex(0, 2)), tl.maturityDate(0, 2), "inside the run: the date of the index");
        // Beyond the calendar's years: weekends and 1 January closed (Friday 2027-01-01 → Monday 2027-01-04).
        Timeline end = Timeline.build(CN, LocalDate.of(2026, 12, 21), 5);
        assertEquals(LocalDate.of(2026, 12, 25), end.date(end.size() - 1));
        assertEquals(LocalDate.of(2027, 1, 4), end.maturityDate(end.size() - 1, 7));
    }

    @Test
    void yearsOutsideTheDataAreRefusedWithTheYearsInTheMessage() {
        CalendarRangeException e = assertThrows(CalendarRangeException.class,
                () -> CN.isBusinessDay(LocalDate.of(2027, 1, 4)));
        assertTrue(e.getMessage().contains("2015–2026"), e.getMessage());
        assertThrows(CalendarRangeException.class, () -> Timeline.build(CN, LocalDate.of(2026, 12, 1), 40));
    }

    @Test
    void maintenancePeriodsTileTheDays() {
        Timeline tl = Timeline.build(CN, LocalDate.of(2017, 1, 3), 245);
        int prev = tl.maintenancePeriod(0);
        for (int t = 1; t < tl.size(); t++) {
            int p = tl.maintenancePeriod(t);
            assertTrue(p == prev || p == prev + 1, "periods increase one at a time");
            assertEquals(p != prev, tl.isPeriodEnd(t - 1), "period end flag on day " + (t - 1));
            int len = tl.periodLengthCalendarDays(t);
            assertTrue(len >= 8 && len <= 11, "period length " + len);
            assertTrue(tl.periodCalendarDaysRemaining(t) >= 1 && tl.periodCalendarDaysRemaining(t) <= len);
            prev = p;
        }
    }

    /** Offsets up to 2025-06-30: 300 business days from there stay inside the data's 2026. */
    @Property(tries = 60)
    void everyTimelineDayIsABusinessDayAndAccrualsCoverTheSpan(@ForAll @IntRange(min = 0, max = 3833) int offset,
                                                               @ForAll @IntRange(min = 1, max = 300) int days) {
        LocalDate start = LocalDate.of(2015, 1, 1).plusDays(offset);
        Timeline tl = Timeline.build(CN, start, days);
        long sum = 0;
        for (int t = 0; t < tl.size(); t++) {
            LocalDate d = tl.date(t);
            assertTrue(CN.isBusinessDay(d));
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            assertTrue(!weekend || CN.holidayName(d).isPresent(), "weekend business days are make-up days");
            if (t + 1 < tl.size()) {
                sum += tl.accrualDays(t);
            }
        }
        assertEquals(ChronoUnit.DAYS.between(tl.date(0), tl.date(tl.size() - 1)), sum);
    }
}
