package io.corridorsim.model;

/**
 * The traded 7-day segment (DOMAIN §5, {@code docs/term-segment.md}). Banks choose each day how
 * much of their position to lock for the tenor; the 7-day call auction clears where the lenders'
 * and borrowers' term schedules meet, around the compounded overnight rate they expect over the
 * loan's nights. Outside averaging, banks expect today's overnight deviation from the central
 * bank's anchor to decay geometrically, at a persistence they learn from the fixings starting
 * from {@code persistence}; under averaging, the overnight rate is a martingale within the period.
 *
 * @param enabled     whether the 7-day segment trades (DR007 is recorded)
 * @param tenorDays   calendar days of the term loan (7)
 * @param persistence banks' prior of the day-to-day persistence of the overnight deviation, in [0, 1]
 * @param frictions   the date costs and shut-out risk that make the split between tenors determinate
 */
public record TermSpec(boolean enabled, int tenorDays, double persistence, Frictions frictions) {
    public TermSpec {
        if (tenorDays < 2 || tenorDays > 31) {
            throw new IllegalArgumentException("term tenor must be 2–31 calendar days, got " + tenorDays);
        }
        if (!(persistence >= 0 && persistence <= 1)) {
            throw new IllegalArgumentException("persistence must be in [0, 1], got " + persistence);
        }
        if (frictions == null) {
            throw new IllegalArgumentException("the frictions must be given (Frictions.NONE for none)");
        }
    }

    /** A segment with no frictions: the expectations hypothesis holds exactly. */
    public TermSpec(boolean enabled, int tenorDays, double persistence) {
        this(enabled, tenorDays, persistence, Frictions.NONE);
    }

    /** The same segment with other frictions (experiments and tests). */
    public TermSpec withFrictions(Frictions other) {
        return new TermSpec(enabled, tenorDays, persistence, other);
    }
}
