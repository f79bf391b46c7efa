package io.corridorsim.cli;

import io.corridorsim.calendar.CalendarRangeException;
import io.corridorsim.calendar.ChinaCalendar;
import io.corridorsim.calendar.DayFlags;
import io.corridorsim.calendar.Timeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code corridorsim calendar YEAR}: the year's days as CSV, business days with their flags. */
@Command(name = "calendar", description = "Print the China interbank business-day calendar of a year (CSV).")
final class CalendarCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "YEAR", description = "Calendar year.")
    int year;

    @Option(names = "--calendar-dir", paramLabel = "DIR", description = "Calendar data folder (default: ${DEFAULT-VALUE}).")
    Path dir = Path.of("models/calendar");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ChinaCalendar cal = ChinaCalendar.load(dir.resolve("cn-holidays.csv"), dir.resolve("cn-festivals.csv"));
        if (year < cal.firstYear() || year > cal.lastYear()) {
            throw new CalendarRangeException("year " + year + " is outside the calendar's years " + cal.firstYear() + "–"
                    + cal.lastYear() + " (" + dir.resolve("cn-holidays.csv") + ")");
        }
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        int open = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (cal.isBusinessDay(d)) {
                open++;
            }
        }
        Timeline tl = Timeline.build(cal, first, open);
        PrintWriter out = spec.commandLine().getOut();
        out.println("date,weekday,business_day,holiday,accrual_days,flags");
        int t = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            boolean business = t < tl.size() && tl.date(t).equals(d);
            String name = cal.holidayName(d).orElse("");
            out.printf("%s,%s,%s,%s,%s,%s%n", d, d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT),
                    business, name, business ? Integer.toString(tl.accrualDays(t)) : "",
                    business ? DayFlags.names(tl.flags(t)) : "");
            if (business) {
                t++;
            }
        }
        return Main.OK;
    }
}
