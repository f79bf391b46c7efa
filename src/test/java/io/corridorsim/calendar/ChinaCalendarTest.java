package io.corridorsim.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChinaCalendarTest {

    static final Path HOLIDAYS = Path.of("models/calendar/cn-holidays.csv");
    static final Path FESTIVALS = Path.of("models/calendar/cn-festivals.csv");
    static final ChinaCalendar CAL = ChinaCalendar.load(HOLIDAYS, FESTIVALS);

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void yearsComeFromTheData() {
        assertEquals(2015, CAL.firstYear());
        assertEquals(2026, CAL.lastYear());
    }

    @Test
    void springFestival2024ClosesTheTenthToTheSeventeenth() {
        for (LocalDate x = d("2024-02-10"); !x.isAfter(d("2024-02-17")); x = x.plusDays(1)) {
            assertFalse(CAL.isBusinessDay(x), x + " is closed");
            assertTrue(CAL.isHoliday(x), x + " is a holiday");
            assertEquals(Optional.of("Spring Festival"), CAL.holidayName(x));
        }
        assertTrue(CAL.isBusinessDay(d("2024-02-09")));
        assertTrue(CAL.isBusinessDay(d("2024-02-19")));
        assertEquals(d("2024-02-10"), CAL.springFestival(2024));
    }

    @Test
    void makeUpSundaysAreBusinessDays() {
        for (String sunday : new String[] {"2024-02-04", "2024-02-18", "2025-09-28"}) {
            assertTrue(CAL.isBusinessDay(d(sunday)), sunday);
            assertTrue(CAL.isMakeUpWorkday(d(sunday)), sunday);
            assertFalse(CAL.isHoliday(d(sunday)), sunday);
        }
        assertTrue(CAL.isBusinessDay(d("2025-10-11")), "Saturday 2025-10-11 makes up for National Day");
        // An ordinary weekend stays closed and is not a holiday.
        assertFalse(CAL.isBusinessDay(d("2024-02-25")));
        assertFalse(CAL.isHoliday(d("2024-02-25")));
        assertEquals(Optional.empty(), CAL.holidayName(d("2024-02-25")));
    }

    @Test
    void nationalDay2025ClosesTheFirstToTheEighth() {
        for (LocalDate x = d("2025-10-01"); !x.isAfter(d("2025-10-08")); x = x.plusDays(1)) {
            assertFalse(CAL.isBusinessDay(x), x + " is closed");
            assertEquals(Optional.of("National Day and Mid-Autumn"), CAL.holidayName(x));
        }
        assertTrue(CAL.isBusinessDay(d("2025-10-09")));
        assertEquals(d("2025-10-09"), CAL.nextBusinessDay(d("2025-09-30")));
    }

    @Test
    void nextBusinessDayIsStrictlyAfterAndOnOrAfterKeepsOpenDays() {
        assertEquals(d("2024-02-18"), CAL.nextBusinessDay(d("2024-02-09")));
        assertEquals(d("2024-03-04"), CAL.nextBusinessDay(d("2024-03-01")), "Friday to Monday");
        assertEquals(d("2024-02-18"), CAL.onOrAfter(d("2024-02-10")));
        assertEquals(d("2024-02-18"), CAL.onOrAfter(d("2024-02-18")));
        assertEquals(d("2024-02-19"), CAL.nextBusinessDay(d("2024-02-18")));
        assertEquals(d("2024-02-09"), CAL.previousBusinessDay(d("2024-02-18")));
    }

    @Test
    void queriesOutsideTheYearsNameTheYears() {
        CalendarRangeException e = assertThrows(CalendarRangeException.class, () -> CAL.isBusinessDay(d("2027-01-04")));
        assertTrue(e.getMessage().contains("2027-01-04"), e.getMessage());
        assertTrue(e.getMessage().contains("2015–2026"), e.getMessage());
        assertTrue(e.getMessage().contains("cn-holidays.csv"), e.getMessage());
        assertThrows(CalendarRangeException.class, () -> CAL.isHoliday(d("2014-12-31")));
        assertThrows(CalendarRangeException.class, () -> CAL.holidayName(d("2014-12-31")));
        // The next business day after 2026-12-31 is in 2027, which the data do not cover.
        assertThrows(CalendarRangeException.class, () -> CAL.nextBusinessDay(d("2026-12-31")));
        CalendarRangeException f = assertThrows(CalendarRangeException.class, () -> CAL.springFestival(2027));
        assertTrue(f.getMessage().contains("2015–2026"), f.getMessage());
        assertFalse(CAL.covers(d("2027-01-01")));
        assertTrue(CAL.covers(d("2026-12-31")));
    }

    @Test
    void weekdaysOnlyHasNoHolidays() {
        ChinaCalendar w = ChinaCalendar.weekdaysOnly(2024, 2025);
        assertTrue(w.isBusinessDay(d("2024-02-12")), "a Spring Festival Monday is open without holidays");
        assertFalse(w.isBusinessDay(d("2024-02-18")), "no make-up Sundays either");
        assertFalse(w.isHoliday(d("2024-10-01")));
        assertFalse(w.hasFestivals());
        assertEquals(2024, w.firstYear());
        assertEquals(2025, w.lastYear());
        assertThrows(CalendarRangeException.class, () -> w.isBusinessDay(d("2026-01-05")));
        assertThrows(CalendarRangeException.class, () -> w.springFestival(2024));
        assertThrows(IllegalArgumentException.class, () -> ChinaCalendar.weekdaysOnly(2025, 2024));
    }

    private static final String FESTIVALS_OK = "year,spring_festival_date\n2024,2024-02-10\n";

    private static CalendarDataException loadError(Path dir, String holidays, String festivals) throws IOException {
        Path h = dir.resolve("h.csv");
        Path f = dir.resolve("f.csv");
        Files.writeString(h, holidays, StandardCharsets.UTF_8);
        Files.writeString(f, festivals, StandardCharsets.UTF_8);
        return assertThrows(CalendarDataException.class, () -> ChinaCalendar.load(h, f));
    }

    @Test
    void aBadDateNamesFileLineAndFormat(@TempDir Path dir) throws IOException {
        CalendarDataException e = loadError(dir, "# comment\ndate,name_zh,name_en,is_off_day\n"
                + "2024-01-01,元旦,New Year,true\n2024-02-31,春节,Spring Festival,true\n", FESTIVALS_OK);
        assertTrue(e.getMessage().contains("h.csv:4:"), e.getMessage());
        assertTrue(e.getMessage().contains("YYYY-MM-DD"), e.getMessage());
    }

    @Test
    void aBadOffFlagNamesWhatWasExpected(@TempDir Path dir) throws IOException {
        CalendarDataException e = loadError(dir, "date,name_zh,name_en,is_off_day\n2024-01-01,元旦,New Year,yes\n",
                FESTIVALS_OK);
        assertTrue(e.getMessage().contains("h.csv:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("true or false"), e.getMessage());
    }

    @Test
    void shortRowsMissingColumnsAndDuplicatesAreRejected(@TempDir Path dir) throws IOException {
        CalendarDataException shortRow = loadError(dir, "date,name_zh,name_en,is_off_day\n2024-01-01,元旦,true\n",
                FESTIVALS_OK);
        assertTrue(shortRow.getMessage().contains("h.csv:2: expected 4 fields"), shortRow.getMessage());
        CalendarDataException header = loadError(dir, "date,name,is_off_day\n2024-01-01,New Year,true\n", FESTIVALS_OK);
        assertTrue(header.getMessage().contains("expected columns date,name_zh,name_en,is_off_day"), header.getMessage());
        CalendarDataException dup = loadError(dir, "date,name_zh,name_en,is_off_day\n2024-01-01,元旦,New Year,true\n"
                + "2024-01-01,元旦,New Year,true\n", FESTIVALS_OK);
        assertTrue(dup.getMessage().contains("h.csv:3:"), dup.getMessage());
    }

    @Test
    void festivalsMustCoverEveryYearAndMatchTheirYear(@TempDir Path dir) throws IOException {
        String holidays = "date,name_zh,name_en,is_off_day\n2024-01-01,元旦,New Year,true\n2025-01-01,元旦,New Year,true\n";
        CalendarDataException missing = loadError(dir, holidays, FESTIVALS_OK);
        assertTrue(missing.getMessage().contains("f.csv") && missing.getMessage().contains("none for 2025"),
                missing.getMessage());
        CalendarDataException wrongYear = loadError(dir, holidays,
                "year,spring_festival_date\n2024,2024-02-10\n2025,2024-01-29\n");
        assertTrue(wrongYear.getMessage().contains("f.csv:3:"), wrongYear.getMessage());
    }

    @Test
    void aMissingFileIsADataError() {
        CalendarDataException e = assertThrows(CalendarDataException.class,
                () -> ChinaCalendar.load(Path.of("no/such/h.csv"), FESTIVALS));
        assertTrue(e.getMessage().contains("no/such/h.csv"), e.getMessage());
    }
}
