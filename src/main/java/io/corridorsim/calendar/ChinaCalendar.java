package io.corridorsim.calendar;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The China interbank market's business days: weekdays, less the official public holidays,
 * plus the make-up working days (调休) on weekends, which the interbank market keeps open, from
 * the State Council notices ({@code models/calendar/cn-holidays.csv}); and the Spring Festival
 * dates ({@code models/calendar/cn-festivals.csv}).
 *
 * <p>Immutable and thread-safe. The calendar covers whole years, {@link #firstYear()} to
 * {@link #lastYear()} (the years of the dates in the holiday table); every date query outside
 * them throws {@link CalendarRangeException}, because the holidays of a year are only known once
 * the State Council publishes them, and guessing would silently misplace the Spring Festival.
 */
public final class ChinaCalendar {

    private static final byte WORKDAY = 0;
    private static final byte WEEKEND = 1;
    private static final byte HOLIDAY = 2;
    private static final byte MAKE_UP = 3;

    private final int firstYear;
    private final int lastYear;
    private final long firstEpochDay;
    /** Kind of each calendar day from 1 January of firstYear to 31 December of lastYear. */
    private final byte[] kind;
    private final Map<LocalDate, String> names;
    private final Map<Integer, LocalDate> festivals;
    private final boolean officialHolidays;
    private final String source;

    /** The kind of each day of the years covered, from 1 January of the first. */
    private record Days(int firstYear, int lastYear, byte[] kind) {
    }

    /** Where the calendar comes from: the official notices (a file), or weekdays only. */
    private record Origin(boolean officialHolidays, String source) {
    }

    private ChinaCalendar(Days days, Map<LocalDate, String> names, Map<Integer, LocalDate> festivals, Origin origin) {
        this.firstYear = days.firstYear();
        this.lastYear = days.lastYear();
        this.firstEpochDay = LocalDate.of(firstYear, 1, 1).toEpochDay();
        this.kind = days.kind();
        this.names = names;
        this.festivals = festivals;
        this.officialHolidays = origin.officialHolidays();
        this.source = origin.source();
    }

    /**
     * Loads the holiday table and the Spring Festival dates. Both are UTF-8 CSV with a header
     * row and {@code #} comment lines: {@code date,name_zh,name_en,is_off_day} (one row per day
     * listed by a notice; {@code is_off_day=false} on a weekend is a make-up working day) and
     * {@code year,spring_festival_date}, which must give every year of the holiday table.
     *
     * @throws CalendarDataException when a file cannot be read or a row is malformed; the
     *                               message names the file, the line and what was expected
     */
    public static ChinaCalendar load(Path holidaysCsv, Path festivalsCsv) {
        Map<LocalDate, Boolean> off = new HashMap<>();
        Map<LocalDate, String> names = new HashMap<>();
        read(holidaysCsv, List.of("date", "name_zh", "name_en", "is_off_day"), (r, where) -> {
            LocalDate d = date(r.get("date"), where, "date");
            String flag = r.get("is_off_day");
            if (!flag.equals("true") && !flag.equals("false")) {
                throw new CalendarDataException(where + ": is_off_day: expected true or false, got '" + flag + "'");
            }
            if (r.get("name_en").isEmpty()) {
                throw new CalendarDataException(where + ": name_en: expected the holiday's English name, got nothing");
            }
            if (off.put(d, flag.equals("true")) != null) {
                throw new CalendarDataException(where + ": date: expected each date once, got " + d + " again");
            }
            names.put(d, r.get("name_en"));
        });
        if (off.isEmpty()) {
            throw new CalendarDataException(holidaysCsv + ": expected at least one holiday row, got none");
        }
        int first = off.keySet().stream().mapToInt(LocalDate::getYear).min().orElseThrow();
        int last = off.keySet().stream().mapToInt(LocalDate::getYear).max().orElseThrow();
        boolean[] yearSeen = new boolean[last - first + 1];
        off.forEach((d, isOff) -> yearSeen[d.getYear() - first] |= isOff);
        for (int y = first; y <= last; y++) {
            if (!yearSeen[y - first]) {
                // A missing notice would silently turn a year's holidays into business days.
                throw new CalendarDataException(holidaysCsv + ": expected off days for every year " + first + "–" + last
                        + ", got none for " + y);
            }
        }

        Map<Integer, LocalDate> fest = new HashMap<>();
        read(festivalsCsv, List.of("year", "spring_festival_date"), (r, where) -> {
            int year;
            try {
                year = Integer.parseInt(r.get("year"));
            } catch (NumberFormatException e) {
                throw new CalendarDataException(where + ": year: expected a year, got '" + r.get("year") + "'");
            }
            LocalDate d = date(r.get("spring_festival_date"), where, "spring_festival_date");
            if (d.getYear() != year) {
                throw new CalendarDataException(where + ": spring_festival_date: expected a date in " + year + ", got " + d);
            }
            if (fest.put(year, d) != null) {
                throw new CalendarDataException(where + ": year: expected each year once, got " + year + " again");
            }
        });
        for (int y = first; y <= last; y++) {
            if (!fest.containsKey(y)) {
                throw new CalendarDataException(festivalsCsv + ": expected a Spring Festival date for every year " + first
                        + "–" + last + " of " + holidaysCsv + ", got none for " + y);
            }
        }
        fest.keySet().removeIf(y -> y < first || y > last);

        LocalDate day = LocalDate.of(first, 1, 1);
        byte[] kind = new byte[(int) (LocalDate.of(last, 12, 31).toEpochDay() - day.toEpochDay() + 1)];
        for (int k = 0; k < kind.length; k++, day = day.plusDays(1)) {
            Boolean isOff = off.get(day);
            boolean weekend = isWeekend(day);
            if (isOff == null) {
                kind[k] = weekend ? WEEKEND : WORKDAY;
            } else if (isOff) {
                kind[k] = HOLIDAY;
            } else {
                // A listed working weekday (2020-02-03 ends the extended Spring Festival) is ordinary.
                kind[k] = weekend ? MAKE_UP : WORKDAY;
            }
        }
        return new ChinaCalendar(new Days(first, last, kind), Map.copyOf(names), Map.copyOf(fest),
                new Origin(true, holidaysCsv.toString()));
    }

    /**
     * Every weekday is a business day and there are no holidays nor Spring Festival dates: for
     * textbook scenarios. Covers {@code firstYear}–{@code lastYear}.
     */
    public static ChinaCalendar weekdaysOnly(int firstYear, int lastYear) {
        if (firstYear > lastYear) {
            throw new IllegalArgumentException("firstYear " + firstYear + " is after lastYear " + lastYear);
        }
        LocalDate day = LocalDate.of(firstYear, 1, 1);
        byte[] kind = new byte[(int) (LocalDate.of(lastYear, 12, 31).toEpochDay() - day.toEpochDay() + 1)];
        for (int k = 0; k < kind.length; k++, day = day.plusDays(1)) {
            kind[k] = isWeekend(day) ? WEEKEND : WORKDAY;
        }
        return new ChinaCalendar(new Days(firstYear, lastYear, kind), Map.of(), Map.of(),
                new Origin(false, "weekdays-only calendar"));
    }

    private interface RowReader {
        void accept(CSVRecord r, String where);
    }

    private static void read(Path file, List<String> columns, RowReader rows) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build();
        String expected = String.join(",", columns);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CSVParser p;
            try {
                p = format.parse(in);
            } catch (IllegalArgumentException e) {
                // Commons CSV reports a blank or duplicate header name this way.
                throw new CalendarDataException(file + ": header: expected columns " + expected + " (" + e.getMessage() + ")");
            }
            try (p) {
                List<String> header = p.getHeaderNames();
                if (!header.containsAll(columns)) {
                    throw new CalendarDataException(file + ": header: expected columns " + expected + ", got "
                            + (header.isEmpty() ? "an empty file" : String.join(",", header)));
                }
                for (CSVRecord r : p) {
                    // The parser has just read this record, so its line count ends on the record's line.
                    String where = file + ":" + p.getCurrentLineNumber();
                    if (!r.isConsistent()) {
                        throw new CalendarDataException(where + ": expected " + header.size() + " fields ("
                                + String.join(",", header) + "), got " + r.size());
                    }
                    rows.accept(r, where);
                }
            } catch (IllegalStateException | UncheckedIOException e) {
                // Commons CSV wraps lexer errors such as an unterminated quote this way.
                throw new CalendarDataException(file + ":" + p.getCurrentLineNumber() + ": expected a CSV row ("
                        + e.getMessage() + ")");
            }
        } catch (IOException e) {
            throw new CalendarDataException(file + ": cannot read calendar data (" + e + ")");
        }
    }

    private static LocalDate date(String text, String where, String column) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CalendarDataException(where + ": " + column + ": expected a date YYYY-MM-DD, got '" + text + "'");
        }
    }

    private static boolean isWeekend(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
    }

    /** First year covered (2015 for the shipped data). */
    public int firstYear() {
        return firstYear;
    }

    /** Last year covered (2026 for the shipped data). */
    public int lastYear() {
        return lastYear;
    }

    /** Where the holidays come from: the holiday file's path, or "weekdays-only calendar". */
    public String source() {
        return source;
    }

    /** Whether {@code d} lies in {@link #firstYear()}–{@link #lastYear()}; never throws. */
    public boolean covers(LocalDate d) {
        return d.getYear() >= firstYear && d.getYear() <= lastYear;
    }

    private byte kind(LocalDate d) {
        if (!covers(d)) {
            throw new CalendarRangeException("date " + d + " is outside the calendar's years " + firstYear + "–" + lastYear
                    + " (" + source + ")");
        }
        return kind[(int) (d.toEpochDay() - firstEpochDay)];
    }

    /** A weekday not declared off, or a weekend make-up working day. */
    public boolean isBusinessDay(LocalDate d) {
        byte k = kind(d);
        return k == WORKDAY || k == MAKE_UP;
    }

    /** A day declared off by a notice (weekend days inside a holiday included); not a plain weekend. */
    public boolean isHoliday(LocalDate d) {
        return kind(d) == HOLIDAY;
    }

    /** A weekend day declared a working day to make up for a holiday. */
    public boolean isMakeUpWorkday(LocalDate d) {
        return kind(d) == MAKE_UP;
    }

    /**
     * English name of the holiday that a listed day belongs to: the holiday itself on an off
     * day, the holiday it makes up for on a make-up working day; empty on other days.
     */
    public Optional<String> holidayName(LocalDate d) {
        kind(d);
        return Optional.ofNullable(names.get(d));
    }

    /** The first business day strictly after {@code d}; throws if it lies past the last year. */
    public LocalDate nextBusinessDay(LocalDate d) {
        LocalDate x = d.plusDays(1);
        while (!isBusinessDay(x)) {
            x = x.plusDays(1);
        }
        return x;
    }

    /** The last business day strictly before {@code d}; throws if it lies before the first year. */
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

    /**
     * The lunar new year date of {@code year}.
     *
     * @throws CalendarRangeException outside the calendar's years, or always for
     *                                {@link #weekdaysOnly}, which has no festivals
     */
    public LocalDate springFestival(int year) {
        if (year < firstYear || year > lastYear) {
            throw new CalendarRangeException("year " + year + " is outside the calendar's years " + firstYear + "–" + lastYear
                    + " (" + source + ")");
        }
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

    /**
     * Business day or not, for look-ahead and look-back just past the data (the day after a
     * run's last day, the tax deadline after it): inside the years as {@link #isBusinessDay};
     * outside them, weekdays are open except 1 January, the one holiday fixed by statute to a
     * date, so a run ending on 31 December does not accrue one night over New Year's Day. The
     * weekdays-only calendar keeps 1 January open too.
     */
    boolean assumedBusinessDay(LocalDate d) {
        if (covers(d)) {
            return isBusinessDay(d);
        }
        if (isWeekend(d)) {
            return false;
        }
        return !(officialHolidays && d.getMonthValue() == 1 && d.getDayOfMonth() == 1);
    }

    /** {@link #isHoliday} inside the years; outside them no day is known to belong to a holiday. */
    boolean assumedHoliday(LocalDate d) {
        return covers(d) && isHoliday(d);
    }
}
