package io.corridorsim.calendar;

/** A date outside the years the calendar data cover. */
public final class CalendarRangeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CalendarRangeException(String message) {
        super(message);
    }
}
