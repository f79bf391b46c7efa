package io.corridorsim.sweep;

/**
 * Thrown by the sweep file's records when a value is invalid; {@code key} is relative to the
 * record (empty for the record as a whole). The loader adds the file, the full key path and the line.
 */
final class SweepValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    SweepValueException(String key, String problem) {
        super(problem);
        this.key = key;
    }

    String key() {
        return key;
    }
}
