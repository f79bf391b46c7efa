package io.corridorsim.model;

/**
 * Reserve averaging (DOMAIN §3.1): compliance is judged on the period average; the
 * end-of-day ratio may fall up to {@code allowancePp} percentage points of deposits below the
 * requirement (1.0 since 2015-09-15, the PBoC's averaging rule).
 *
 * @param credibility the probability banks give the central bank's bringing the period's
 *                    last-day rate to its target (its period-end operation), in [0, 1); 0 when it
 *                    does not operate (the oracle economy)
 */
public record AveragingSpec(boolean enabled, double allowancePp, double credibility) {
    public AveragingSpec {
        if (!(credibility >= 0 && credibility < 1)) {
            throw new IllegalArgumentException("credibility must be in [0, 1), got " + credibility);
        }
        if (!(allowancePp >= 0 && allowancePp <= 100)) {
            throw new IllegalArgumentException("daily allowance must be in [0, 100] percentage points, got " + allowancePp);
        }
    }
}
