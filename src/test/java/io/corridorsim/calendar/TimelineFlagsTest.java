package io.corridorsim.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineFlagsTest {

    private static final ChinaCalendar CAL = ChinaCalendarTest.CAL;

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** Every business day of {@code year}. */
    private static Timeline year(int year) {
        int open = 0;
        for (LocalDate x = LocalDate.of(year, 1, 1); x.getYear() == year; x = x.plusDays(1)) {
            open += CAL.isBusinessDay(x) ? 1 : 0;
        }
        return Timeline.build(CAL, LocalDate.of(year, 1, 1), open);
    }

    private static List<LocalDate> flagged(Timeline tl, int flag, LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (int t = 0; t < tl.size(); t++) {
            if (tl.has(t, flag) && !tl.date(t).isBefore(from) && !tl.date(t).isAfter(to)) {
                out.add(tl.date(t));
            }
        }
        return out;
    }

    @Test
    void startMovesToTheFirstBusinessDayOnOrAfterIt() {
        Timeline tl = Timeline.build(CAL, d("2024-02-10"), 3);
        assertEquals(List.of(d("2024-02-18"), d("2024-02-19"), d("2024-02-20")),
                List.of(tl.date(0), tl.date(1), tl.date(2)));
        assertThrows(IllegalArgumentException.class, () -> Timeline.build(CAL, d("2024-02-10"), 0));
    }

    @Test
    void fridayAccruesThreeDaysAndAnOrdinaryWeekdayOne() {
        Timeline tl = Timeline.build(CAL, d("2024-03-01"), 3);
        assertEquals(3, tl.accrualDays(0), "Friday 2024-03-01 to Monday");
        assertEquals(1, tl.accrualDays(1), "Monday to Tuesday");
        assertFalse(tl.has(0, DayFlags.PRE_HOLIDAY), "a weekend is not a holiday");
    }

    @Test
    void theDayBeforeSpringFestival2024AccruesNineDays() {
        Timeline tl = Timeline.build(CAL, d("2024-02-08"), 3);
        assertEquals(1, tl.accrualDays(0));
        assertEquals(9, tl.accrualDays(1), "Friday 2024-02-09 to the make-up Sunday 2024-02-18");
        assertEquals(d("2024-02-18"), tl.date(2));
        assertTrue(tl.has(1, DayFlags.PRE_HOLIDAY));
        assertFalse(tl.has(0, DayFlags.PRE_HOLIDAY));
    }

    @Test
    void theLastDayAccruesToTheNextBusinessDayOfTheCalendar() {
        Timeline one = Timeline.build(CAL, d("2024-02-09"), 1);
        assertEquals(9, one.accrualDays(0));
        assertTrue(one.has(0, DayFlags.PRE_HOLIDAY));
        // Past the data's last year only weekends and 1 January are assumed closed.
        Timeline end = Timeline.build(CAL, d("2026-12-31"), 1);
        assertEquals(4, end.accrualDays(0), "Thursday 2026-12-31 to Monday 2027-01-04");
        assertTrue(end.has(0, DayFlags.YEAR_END));
    }

    @Test
    void aRunPastTheDataThrows() {
        CalendarRangeException e = assertThrows(CalendarRangeException.class,
                () -> Timeline.build(CAL, d("2026-12-01"), 40));
        assertTrue(e.getMessage().contains("2015–2026"), e.getMessage());
    }

    @Test
    void reservePaymentDaysMoveToTheNextBusinessDay() {
        Timeline tl = year(2024);
        // The 15th falls in the holiday (moves to the make-up Sunday); the 25th is a Sunday.
        assertEquals(List.of(d("2024-02-05"), d("2024-02-18"), d("2024-02-26")),
                flagged(tl, DayFlags.RESERVE_PAYMENT, d("2024-02-01"), d("2024-02-29")));
        assertEquals(List.of(d("2024-10-08"), d("2024-10-15"), d("2024-10-25")),
                flagged(tl, DayFlags.RESERVE_PAYMENT, d("2024-10-01"), d("2024-10-31")));
    }

    @Test
    void theTaxDeadlineIsExtendedOverALongHoliday() {
        Timeline tl = year(2024);
        // Spring Festival 2024-02-10..17 has five closed weekdays: the 15th + 5 = Tuesday the 20th.
        assertEquals(List.of(d("2024-02-20")), flagged(tl, DayFlags.TAX_DEADLINE, d("2024-02-01"), d("2024-02-29")));
        assertEquals(List.of(d("2024-03-15")), flagged(tl, DayFlags.TAX_DEADLINE, d("2024-03-01"), d("2024-03-31")),
                "no holiday, the 15th is a Friday");
        assertEquals(List.of(d("2024-06-17")), flagged(tl, DayFlags.TAX_DEADLINE, d("2024-06-01"), d("2024-06-30")),
                "the 15th is a Saturday: the next business day");
        // New Year 2024 is one listed day (Monday 01-01 next to a weekend): no extension.
        assertEquals(List.of(d("2024-01-15")), flagged(tl, DayFlags.TAX_DEADLINE, d("2024-01-01"), d("2024-01-31")));
        // Qingming 2024-04-04..06 lists three days, two of them weekdays: the 17th.
        assertEquals(List.of(d("2024-04-17")), flagged(tl, DayFlags.TAX_DEADLINE, d("2024-04-01"), d("2024-04-30")));
        // National Day 2024-10-01..07 has five closed weekdays: the 20th, a Sunday, moves to the 21st.
        assertEquals(List.of(d("2024-10-21")), flagged(tl, DayFlags.TAX_DEADLINE, d("2024-10-01"), d("2024-10-31")));
        int t = tl.indexOnOrAfter(d("2024-02-09"));
        assertEquals(3, tl.taxDaysAhead(t), "02-18, 02-19, 02-20");
        assertEquals(0, tl.taxDaysAhead(tl.indexOnOrAfter(d("2024-02-20"))));
        assertEquals(tl.indexOnOrAfter(d("2024-03-15")) - tl.indexOnOrAfter(d("2024-02-21")),
                tl.taxDaysAhead(tl.indexOnOrAfter(d("2024-02-21"))), "after a deadline, count to the next month's");
    }

    @Test
    void onlyTheFilingMonthsPartOfAHolidayExtendsItsDeadline() {
        Timeline tl = year(2017);
        // Spring Festival 2017-01-27..02-02: February's filing period holds only 02-01 and 02-02.
        assertEquals(List.of(d("2017-02-17")), flagged(tl, DayFlags.TAX_DEADLINE, d("2017-02-01"), d("2017-02-28")));
    }

    @Test
    void quarterEnds2017AreTheLastBusinessDays() {
        Timeline tl = year(2017);
        // 2017-09-30 was a make-up Saturday (National Day and Mid-Autumn, 10-01..08), open in the interbank market.
        assertEquals(List.of(d("2017-03-31"), d("2017-06-30"), d("2017-09-30"), d("2017-12-29")),
                flagged(tl, DayFlags.QUARTER_END, d("2017-01-01"), d("2017-12-31")));
        assertEquals(List.of(d("2017-12-29")), flagged(tl, DayFlags.YEAR_END, d("2017-01-01"), d("2017-12-31")));
        assertEquals(12, flagged(tl, DayFlags.MONTH_END, d("2017-01-01"), d("2017-12-31")).size());
        List<LocalDate> starts = flagged(tl, DayFlags.MONTH_START, d("2017-01-01"), d("2017-12-31"));
        assertEquals(12, starts.size());
        assertEquals(d("2017-02-03"), starts.get(1), "02-01 and 02-02 close the Spring Festival");
        int t = tl.indexOnOrAfter(d("2017-09-28"));
        assertEquals(2, tl.businessDaysToMonthEnd(t), "09-29 and the make-up 09-30");
        assertEquals(2, tl.businessDaysToQuarterEnd(t));
        int july = tl.indexOnOrAfter(d("2017-07-31"));
        assertEquals(0, tl.businessDaysToMonthEnd(july));
        assertEquals(tl.indexOnOrAfter(d("2017-09-30")) - july, tl.businessDaysToQuarterEnd(july));
    }

    @Test
    void maturityIndexRollsOverWeekendsAndHolidays() {
        Timeline tl = Timeline.build(CAL, d("2024-02-01"), 30);
        int fri = tl.indexOnOrAfter(d("2024-02-02"));
        assertEquals(d("2024-02-04"), tl.date(tl.maturityIndex(fri, 1)), "Saturday rolls to the make-up Sunday");
        int mar1 = tl.indexOnOrAfter(d("2024-03-01"));
        assertEquals(d("2024-03-04"), tl.date(tl.maturityIndex(mar1, 1)), "Friday O/N settles Monday");
        assertEquals(d("2024-03-08"), tl.date(tl.maturityIndex(mar1, 7)));
        int thu = tl.indexOnOrAfter(d("2024-02-08"));
        assertEquals(thu + 1, tl.maturityIndex(thu, 1));
        assertEquals(d("2024-02-18"), tl.date(tl.maturityIndex(thu, 2)));
        assertEquals(thu, tl.maturityIndex(thu, 0));
        assertEquals(tl.size(), tl.maturityIndex(tl.size() - 1, 1), "past the run");
        assertEquals(0, tl.indexOnOrAfter(d("2023-12-01")));
        assertEquals(tl.indexOnOrAfter(d("2024-02-26")), tl.indexOnOrAfter(d("2024-02-24")), "Saturday → Monday");
        assertEquals(tl.size(), tl.indexOnOrAfter(d("2025-01-01")));
    }

    @Test
    void aLoanSpansTheBalanceSheetDateItIsOutstandingOn() {
        Timeline tl = year(2017);
        assertTrue(tl.spansQuarterEnd(tl.indexOnOrAfter(d("2017-09-28")), 7));
        assertFalse(tl.spansQuarterEnd(tl.indexOnOrAfter(d("2017-09-18")), 7));
        assertTrue(tl.spansMonthEnd(tl.indexOnOrAfter(d("2017-09-18")), 14), "09-18 + 14 = 10-02");
        assertFalse(tl.spansQuarterEnd(tl.indexOnOrAfter(d("2017-08-31")), 7), "August's month end is not a quarter end");
        assertTrue(tl.spansMonthEnd(tl.indexOnOrAfter(d("2017-08-31")), 1));
        assertFalse(tl.spansMonthEnd(tl.indexOnOrAfter(d("2017-08-30")), 1));
        Timeline y2024 = year(2024);
        // Friday 2024-03-29: the O/N loan is repaid on Monday 04-01, so it is on the books on Sunday 03-31.
        assertTrue(y2024.spansQuarterEnd(y2024.indexOnOrAfter(d("2024-03-29")), 1));
        assertFalse(y2024.spansQuarterEnd(y2024.indexOnOrAfter(d("2024-03-28")), 1));
        // Repaid past the run's last day: the calendar decides.
        assertTrue(y2024.spansMonthEnd(y2024.size() - 1, 1));
    }

    @Test
    void maintenancePeriodsCoverEveryCalendarDayExactlyOnce() {
        Timeline tl = year(2024);
        LocalDate previousEnd = null;
        int previousId = -1;
        int covered = 0;
        for (int t = 0; t < tl.size(); t++) {
            int id = tl.maintenancePeriod(t);
            LocalDate end = tl.date(t).plusDays(tl.periodCalendarDaysRemaining(t) - 1L);
            LocalDate start = end.minusDays(tl.periodLengthCalendarDays(t) - 1L);
            assertTrue(!tl.date(t).isBefore(start) && !tl.date(t).isAfter(end), "day " + tl.date(t) + " in its period");
            assertTrue(List.of(5, 15, 25).contains(start.getDayOfMonth()), "period starts on a payment date: " + start);
            if (id != previousId) {
                assertEquals(previousId + 1, id, "ids count up by one");
                if (previousEnd != null) {
                    assertEquals(previousEnd.plusDays(1), start, "periods tile the calendar without gap or overlap");
                    assertTrue(tl.isPeriodEnd(t - 1), tl.date(t - 1) + " ends its period");
                }
                covered += tl.periodLengthCalendarDays(t);
                previousId = id;
                previousEnd = end;
            } else {
                assertEquals(previousEnd, end);
                assertFalse(tl.isPeriodEnd(t - 1), tl.date(t - 1) + " does not end its period");
            }
        }
        // From the period of day 0 (2023-12-25..2024-01-04) to that of 2024-12-31 (..2025-01-04).
        assertEquals(ChronoUnit.DAYS.between(d("2023-12-25"), d("2025-01-04")) + 1, covered);
        assertEquals(0, tl.maintenancePeriod(0));
        assertEquals(36, tl.maintenancePeriod(tl.size() - 1));
    }

    @Test
    void periodWeightsAddUpToTheRemainingDays() {
        Timeline tl = year(2024);
        int t = tl.indexOnOrAfter(d("2024-02-18"));
        assertEquals(tl.maintenancePeriod(tl.indexOnOrAfter(d("2024-02-19"))), tl.maintenancePeriod(t));
        assertEquals(10, tl.periodLengthCalendarDays(t), "02-15..02-24");
        assertEquals(7, tl.periodCalendarDaysRemaining(t), "02-18..02-24");
        int fri = tl.indexOnOrAfter(d("2024-02-23"));
        assertEquals(3, tl.accrualDays(fri));
        assertEquals(2, tl.periodWeight(fri), "Friday counts for 23 and 24; Sunday 25 opens the next period");
        assertTrue(tl.isPeriodEnd(fri));
        assertEquals(9, tl.periodLengthCalendarDays(tl.indexOnOrAfter(d("2024-02-26"))), "02-25..03-04, leap year");
        int sum = 0;
        for (int k = t; tl.maintenancePeriod(k) == tl.maintenancePeriod(t); k++) {
            sum += tl.periodWeight(k);
        }
        assertEquals(tl.periodCalendarDaysRemaining(t), sum);
        // The run's last day ends its period only if the calendar's next business day starts a new one.
        assertTrue(Timeline.build(CAL, d("2024-02-09"), 1).isPeriodEnd(0));
        assertFalse(Timeline.build(CAL, d("2024-02-06"), 1).isPeriodEnd(0));
    }

    @Test
    void springFestivalDistanceAndWindow() {
        Timeline tl = year(2024);
        int before = tl.indexOnOrAfter(d("2024-02-09"));
        int after = tl.indexOnOrAfter(d("2024-02-18"));
        assertEquals(-1, tl.businessDaysToSpringFestival(before));
        assertEquals(1, tl.businessDaysToSpringFestival(after));
        assertEquals(-10, tl.businessDaysToSpringFestival(before - 9));
        assertTrue(tl.has(before - 9, DayFlags.SPRING_FESTIVAL_WINDOW));
        assertFalse(tl.has(before - 10, DayFlags.SPRING_FESTIVAL_WINDOW));
        assertTrue(tl.has(after + 9, DayFlags.SPRING_FESTIVAL_WINDOW));
        assertFalse(tl.has(after + 10, DayFlags.SPRING_FESTIVAL_WINDOW));
        // December is nearer the next festival, in the following year.
        assertTrue(tl.businessDaysToSpringFestival(tl.indexOnOrAfter(d("2024-12-31"))) < -10);
        assertTrue(tl.businessDaysToSpringFestival(tl.indexOnOrAfter(d("2024-06-03"))) > 10);
    }

    @Test
    void nationalDayWindow2025() {
        Timeline tl = year(2025);
        assertEquals(List.of(d("2025-09-25"), d("2025-09-26"), d("2025-09-28"), d("2025-09-29"), d("2025-09-30"),
                        d("2025-10-09")),
                flagged(tl, DayFlags.NATIONAL_DAY_WINDOW, d("2025-01-01"), d("2025-12-31")));
        int sep30 = tl.indexOnOrAfter(d("2025-09-30"));
        assertEquals(9, tl.accrualDays(sep30));
        assertTrue(tl.has(sep30, DayFlags.PRE_HOLIDAY | DayFlags.QUARTER_END));
        assertEquals(DayFlags.MONTH_END | DayFlags.QUARTER_END | DayFlags.PRE_HOLIDAY | DayFlags.NATIONAL_DAY_WINDOW,
                tl.flags(sep30));
        assertEquals("month_end;quarter_end;pre_holiday;national_day_window", DayFlags.names(tl.flags(sep30)));
    }

    @Test
    void weekdaysOnlyTimelineHasNoHolidaysNorFestival() {
        Timeline tl = Timeline.build(ChinaCalendar.weekdaysOnly(2023, 2025), d("2024-02-09"), 5);
        assertEquals(d("2024-02-12"), tl.date(1));
        assertEquals(3, tl.accrualDays(0));
        assertEquals(Integer.MIN_VALUE, tl.businessDaysToSpringFestival(0));
        assertFalse(tl.has(0, DayFlags.SPRING_FESTIVAL_WINDOW));
        assertEquals(d("2024-02-15"), tl.date(tl.indexOnOrAfter(d("2024-02-15"))));
        assertTrue(tl.has(tl.indexOnOrAfter(d("2024-02-15")), DayFlags.TAX_DEADLINE), "no holiday, no extension");
    }

    @Test
    void dayOfMonthAndBusinessDaysInMonth() {
        Timeline tl = year(2024);
        int t = tl.indexOnOrAfter(d("2024-02-18"));
        assertEquals(18, tl.dayOfMonth(t));
        // February 2024: 21 weekdays, less 5 holiday weekdays, plus the two make-up Sundays.
        assertEquals(18, tl.businessDaysInMonth(t));
    }
}
