package io.corridorsim.calendar;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The China interbank market's business days: weekdays, less the official public holidays,
 * plus the make-up working days (调休) on weekends, from the State Council notices
 * ({@code models/calendar/cn-holidays.csv}). Immutable. Queries outside the data's years throw
 * {@link CalendarRangeException}.
 */
public final class ChinaCalendar {

    private final Map<LocalDate, Boolean> offDay;
    private final Map<LocalDate, String> names;
    private final Map<Integer, LocalDate> festivals;
    private final int firstYear;
    private final int lastYear;
    private final String source;

    private ChinaCalendar(Map<LocalDate, Boolean> offDay, Map<LocalDate, String> names, Map<Integer, LocalDate> festivals,
                          int firstYear, int lastYear, String source) {
        this.offDay = offDay;
        this.names = names;
        this.festivals = festivals;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        this.source = source;
    }

    /** Loads the holiday table and the Spring Festival dates (CSV, '#' comments). */
    public static ChinaCalendar load(Path holidaysCsv, Path festivalsCsv) {
        Map<LocalDate, Boolean> off = new HashMap<>();
        Map<LocalDate, String> names = new HashMap<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (CSVRecord r : read(holidaysCsv, "date", "name_zh", "name_en", "is_off_day")) {
            LocalDate d = date(holidaysCsv, r, "date");
            String flag = r.get("is_off_day").trim();
            if (!flag.equals("true") && !flag.equals("false")) {
                throw new CalendarDataException(holidaysCsv + ":" + r.getParser().getCurrentLineNumber()
                        + ": is_off_day: expected true or false, got '" + flag + "'");
            }
            off.put(d, flag.equals("true"));
            names.put(d, r.get("name_en"));
            first = Math.min(first, d.getYear());
            last = Math.max(last, d.getYear());
        }
        if (off.isEmpty()) {
            throw new CalendarDataException(holidaysCsv + ": no holiday rows");
        }
        Map<Integer, LocalDate> fest = new HashMap<>();
        for (CSVRecord r : read(festivalsCsv, "year", "spring_festival_date")) {
            LocalDate d = date(festivalsCsv, r, "spring_festival_date");
            fest.put(d.getYear(), d);
        }
        return new ChinaCalendar(Map.copyOf(off), Map.copyOf(names), Map.copyOf(fest), first, last,
                holidaysCsv.toString());
    }

    /** Weekdays only, no holidays: for textbook scenarios. */
    public static ChinaCalendar weekdaysOnly(int firstYear, int lastYear) {
        return new ChinaCalendar(Map.of(), Map.of(), Map.of(), firstYear, lastYear, "weekdays only");
    }

    private static Iterable<CSVRecord> read(Path file, String... header) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).build();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = format.parse(in)) {
            for (String h : header) {
                if (!p.getHeaderMap().containsKey(h)) {
                    throw new CalendarDataException(file + ": missing column '" + h + "' (columns: " + p.getHeaderNames() + ")");
                }
            }
            return p.getRecords();
        } catch (IOException e) {
            throw new CalendarDataException(file + ": cannot read calendar data (" + e.getMessage() + ")");
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new CalendarDataException(file + ": malformed CSV (" + e.getMessage() + ")");
        }
    }

    private static LocalDate date(Path file, CSVRecord r, String column) {
        try {
            return LocalDate.parse(r.get(column).trim());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new CalendarDataException(file + ":" + r.getParser().getCurrentLineNumber() + ": " + column
                    + ": expected a date YYYY-MM-DD");
        }
    }

    public int firstYear() {
        return firstYear;
    }

    public int lastYear() {
        return lastYear;
    }

    public boolean covers(LocalDate d) {
        return d.getYear() >= firstYear && d.getYear() <= lastYear;
    }

    private void check(LocalDate d) {
        if (!covers(d)) {
            throw new CalendarRangeException("date " + d + " is outside the calendar's years " + firstYear + "–" + lastYear
                    + " (" + source + ")");
        }
    }

    /** A weekday not declared off, or a weekend make-up working day. */
    public boolean isBusinessDay(LocalDate d) {
        check(d);
        Boolean off = offDay.get(d);
        if (off != null) {
            return !off;
        }
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
    }

    /** Declared public holiday (off day). */
    public boolean isHoliday(LocalDate d) {
        check(d);
        return Boolean.TRUE.equals(offDay.get(d));
    }

    /** English name of the holiday or make-up day, if listed. */
    public Optional<String> holidayName(LocalDate d) {
        check(d);
        return Optional.ofNullable(names.get(d));
    }

    /** The first business day strictly after {@code d}. */
    public LocalDate nextBusinessDay(LocalDate d) {
        LocalDate x = d.plusDays(1);
        while (!isBusinessDay(x)) {
            x = x.plusDays(1);
        }
        return x;
    }

    /** The last business day strictly before {@code d}. */
    public LocalDate previousBusinessDay(LocalDate d) {
        LocalDate x = d.minusDays(1);
        while (!isBusinessDay(x)) {
            x = x.minusDays(1);
        }
        return x;
    }

    /** {@code d} itself if it is a business day, else the next one. */
    public LocalDate onOrAfter(LocalDate d) {
        return isBusinessDay(d) ? d : nextBusinessDay(d);
    }

    /** The lunar new year date of {@code year}. */
    public LocalDate springFestival(int year) {
        LocalDate d = festivals.get(year);
        if (d == null) {
            throw new CalendarRangeException("no Spring Festival date for " + year + " (" + source + ")");
        }
        return d;
    }

    /** Whether Spring Festival dates are known (false for the weekdays-only calendar). */
    public boolean hasFestivals() {
        return !festivals.isEmpty();
    }
}
