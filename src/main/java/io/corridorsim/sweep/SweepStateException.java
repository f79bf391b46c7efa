package io.corridorsim.sweep;

/**
 * The sweep directory does not fit the request: it exists and is not empty without
 * {@code --resume}, or {@code --resume} names a directory of another sweep. Bad input (exit 2).
 */
public final class SweepStateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SweepStateException(String message) {
        super(message);
    }
}
