package io.corridorsim.calendar;

/** A calendar data file is missing or malformed; the message names the file and line. */
public final class CalendarDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CalendarDataException(String message) {
        super(message);
    }
}
