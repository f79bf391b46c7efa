package io.corridorsim.cli;

/** A bad option value the parser cannot catch (exit code 2). */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
