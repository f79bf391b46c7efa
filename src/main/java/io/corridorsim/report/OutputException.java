package io.corridorsim.report;

/**
 * The run directory cannot be written where asked (read-only folder, a file in the way, a
 * path the system refuses, a destination filled meanwhile). The message is one line naming
 * the path and the reason; the CLI turns it into exit code 2.
 */
public final class OutputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OutputException(String message) {
        super(message);
    }
}
