package io.corridorsim.model;

import java.time.LocalDate;

/**
 * Stock-flow consistency failed: the books of the banks and of the central bank disagree, or
 * payments among banks did not net to zero. Stops the run.
 */
public final class AccountingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long path;
    private final LocalDate date;

    public AccountingException(long path, int day, LocalDate date, String what) {
        super("accounting violation on path " + path + ", day " + day + " (" + date + "): " + what);
        this.path = path;
        this.date = date;
    }

    public long path() {
        return path;
    }

    public LocalDate date() {
        return date;
    }
}
