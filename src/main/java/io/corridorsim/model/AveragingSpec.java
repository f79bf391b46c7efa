package io.corridorsim.model;

/**
 * Reserve averaging (DOMAIN §3.1): compliance is judged on the period average; the
 * end-of-day ratio may fall up to {@code allowancePp} percentage points of deposits below the
 * requirement (1.0 since 2015-09-15, data/reserve-requirements.csv).
 */
public record AveragingSpec(boolean enabled, double allowancePp) {
    public AveragingSpec {
        if (!(allowancePp >= 0 && allowancePp <= 100)) {
            throw new IllegalArgumentException("daily allowance must be in [0, 100] percentage points, got " + allowancePp);
        }
    }
}
