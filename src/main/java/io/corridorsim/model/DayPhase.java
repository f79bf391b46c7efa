package io.corridorsim.model;

/**
 * The phases of one business day (DOMAIN §4), in order: the model steps them top to bottom as
 * one MASON {@code Sequence} scheduled once per business day.
 */
public enum DayPhase {
    /** Maturing operations and last night's loans settle; scheduled autonomous flows land. */
    SETTLE,
    /** Banks post their demand schedules; the central bank sizes and conducts its operation. */
    OPERATIONS,
    /** The interbank market clears. */
    MARKET,
    /** Zero-sum payment shocks among banks plus the unforecast autonomous surprise. */
    LATE_SHOCKS,
    /** Shortfalls go to the SLF, reserves earn interest, averaging accounts update. */
    END_OF_DAY,
    /** Fixings and quantities are recorded and the books are checked. */
    COLLECT
}
