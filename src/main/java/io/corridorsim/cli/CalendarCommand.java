package io.corridorsim.cli;

import io.corridorsim.calendar.CalendarDataException;
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

/**
 * {@code corridorsim calendar YEAR}: every calendar day of the year as CSV on stdout,
 * {@code date,weekday,business_day,holiday,accrual_days,flags}. {@code holiday} names the
 * holiday a listed day belongs to (a make-up working day shows the holiday it makes up for,
 * with {@code business_day} true); accrual days and flags ({@code ;}-joined) are given on
 * business days only. A year outside the data, or unreadable data, is reported on stderr with
 * exit code 2.
 */
@Command(name = "calendar", mixinStandardHelpOptions = true, description = "Print the China interbank business-day calendar of a year")
final class CalendarCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "YEAR", description = "Calendar year.")
    int year;

    @Option(names = "--calendar-dir", paramLabel = "DIR",
            description = "Folder with cn-holidays.csv and cn-festivals.csv (default: the installation's models/calendar).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (dir == null) {
            dir = Home.locate().models("calendar");
        }
        Path holidays = dir.resolve("cn-holidays.csv");
        ChinaCalendar cal;
        try {
            cal = ChinaCalendar.load(holidays, dir.resolve("cn-festivals.csv"));
        } catch (CalendarDataException e) {
            err.println("corridorsim: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        if (year < cal.firstYear() || year > cal.lastYear()) {
            err.println("corridorsim: year " + year + " is outside the calendar's years " + cal.firstYear() + "–"
                    + cal.lastYear() + " (" + holidays + ")");
            return Main.BAD_INPUT;
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
            String holiday = cal.holidayName(d).orElse("");
            out.println(d + "," + d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT) + "," + business + ","
                    + holiday + "," + (business ? Integer.toString(tl.accrualDays(t)) : "") + ","
                    + (business ? DayFlags.names(tl.flags(t)) : ""));
            if (business) {
                t++;
            }
        }
        out.flush();
        return Main.OK;
    }
}
