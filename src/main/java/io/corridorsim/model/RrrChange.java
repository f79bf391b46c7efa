package io.corridorsim.model;

import io.corridorsim.bank.ReserveTier;

/**
 * A scheduled change of the required reserve ratio, effective on business day {@code day}.
 *
 * @param tier            the tier it applies to, or null for every bank
 * @param changePp        change in percentage points (negative: a cut)
 * @param floorRatioPct   cuts never take a bank below this ratio (5% in 2025)
 */
public record RrrChange(int day, ReserveTier tier, double changePp, double floorRatioPct) {
}
