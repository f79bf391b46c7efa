package io.corridorsim.bank;

/**
 * The PBoC's three reserve-requirement tiers (三档两优): large banks carry the highest ratio,
 * small rural institutions the lowest (floor 5%).
 */
public enum ReserveTier {
    LARGE, MEDIUM, SMALL
}
