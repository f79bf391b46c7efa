package io.corridorsim.model;

/**
 * The two frictions of the interbank market (DOMAIN §5), each with an economic meaning.
 *
 * <p>Date costs: a lender bears a lump-sum balance-sheet cost on every loan it has outstanding
 * at the end of a month or a quarter (MPA assessment and reporting dates, 跨月/跨季), overnight
 * and 7-day alike, in bp of principal; a quarter end costs {@code quarterEndCostBp} instead of
 * {@code monthEndCostBp}. Annualised over an overnight loan's nights it opens a band between
 * what borrowers pay and what lenders keep, so the overnight market clears with an inaction band
 * on the days whose loans span the date.
 *
 * <p>Shut-out risk: each business day each bank is shut out of borrowing in the interbank market
 * (credit lines cut, operational limits) with probability {@code shutOutProbability}, drawn from
 * its own stream, and must use the SLF plus its stigma for what it cannot borrow. Locking funds
 * for 7 days insures a borrower against it and costs a lender the flexibility: the term premium.
 */
public record Frictions(double monthEndCostBp, double quarterEndCostBp, double shutOutProbability) {

    public static final Frictions NONE = new Frictions(0, 0, 0);

    public Frictions {
        if (!(monthEndCostBp >= 0 && Double.isFinite(monthEndCostBp))) {
            throw new IllegalArgumentException("month-end cost must be ≥ 0 bp, got " + monthEndCostBp);
        }
        if (!(quarterEndCostBp >= 0 && Double.isFinite(quarterEndCostBp))) {
            throw new IllegalArgumentException("quarter-end cost must be ≥ 0 bp, got " + quarterEndCostBp);
        }
        if (!(shutOutProbability >= 0 && shutOutProbability < 1)) {
            throw new IllegalArgumentException("shut-out probability must be in [0, 1), got " + shutOutProbability);
        }
    }

    public boolean hasDateCosts() {
        return monthEndCostBp > 0 || quarterEndCostBp > 0;
    }
}
