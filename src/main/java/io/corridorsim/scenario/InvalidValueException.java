package io.corridorsim.scenario;

/**
 * Thrown by scenario records' constructors: {@code key} is the offending key relative to the
 * record (may be a dotted path or empty for the record as a whole).
 */
final class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    InvalidValueException(String key, String problem) {
        super(problem);
        this.key = key;
    }

    String key() {
        return key;
    }

    static <T> T required(T value, String key) {
        if (value == null) {
            throw new InvalidValueException(key, "missing required key; expected a value");
        }
        return value;
    }

    static double finite(Double value, String key) {
        required(value, key);
        if (!Double.isFinite(value)) {
            throw new InvalidValueException(key, "expected a finite number, got " + value);
        }
        return value;
    }

    static double finiteOr(Double value, double fallback, String key) {
        return value == null ? fallback : finite(value, key);
    }

    static double nonNegative(Double value, String key) {
        double v = finite(value, key);
        if (v < 0) {
            throw new InvalidValueException(key, "expected a number ≥ 0, got " + v);
        }
        return v;
    }

    static double nonNegativeOr(Double value, double fallback, String key) {
        return value == null ? fallback : nonNegative(value, key);
    }

    static double positive(Double value, String key) {
        double v = finite(value, key);
        if (v <= 0) {
            throw new InvalidValueException(key, "expected a number > 0, got " + v);
        }
        return v;
    }

    static double positiveOr(Double value, double fallback, String key) {
        return value == null ? fallback : positive(value, key);
    }

    static int positiveInt(Integer value, String key) {
        required(value, key);
        if (value < 1) {
            throw new InvalidValueException(key, "expected a whole number ≥ 1, got " + value);
        }
        return value;
    }

    static int positiveIntOr(Integer value, int fallback, String key) {
        return value == null ? fallback : positiveInt(value, key);
    }

    static double shareOr(Double value, double fallback, String key) {
        double v = value == null ? fallback : finite(value, key);
        if (v < 0 || v > 1) {
            throw new InvalidValueException(key, "expected a share between 0 and 1, got " + v);
        }
        return v;
    }
}
