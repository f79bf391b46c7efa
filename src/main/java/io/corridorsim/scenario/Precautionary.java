package io.corridorsim.scenario;

import static io.corridorsim.scenario.InvalidValueException.nonNegativeOr;

/**
 * Banks' precautionary demand around balance-sheet dates (quarter-end MPA assessment, 跨月/跨季):
 * each bank adds {@code intensity × buffer} to its demand, where its buffer is
 * {@code buffer_pct_of_required} of its requirement (per group); intensity is
 * {@code quarter_end_intensity} over the last {@code quarter_end_days} business days of a
 * quarter, {@code month_end_intensity} over the last {@code month_end_days} of other months.
 */
public record Precautionary(Integer quarterEndDays, Double quarterEndIntensity, Integer monthEndDays,
                            Double monthEndIntensity) {
    public Precautionary {
        quarterEndDays = quarterEndDays == null ? 3 : quarterEndDays;
        if (quarterEndDays < 0) {
            throw new InvalidValueException("quarter_end_days", "expected a whole number ≥ 0, got " + quarterEndDays);
        }
        quarterEndIntensity = nonNegativeOr(quarterEndIntensity, 1.0, "quarter_end_intensity");
        monthEndDays = monthEndDays == null ? 1 : monthEndDays;
        if (monthEndDays < 0) {
            throw new InvalidValueException("month_end_days", "expected a whole number ≥ 0, got " + monthEndDays);
        }
        monthEndIntensity = nonNegativeOr(monthEndIntensity, 0.3, "month_end_intensity");
    }

    static Precautionary none() {
        return new Precautionary(0, 0.0, 0, 0.0);
    }
}
