package io.corridorsim.model;

import io.corridorsim.centralbank.Facility;

/**
 * One central bank operation of a path, as operations.csv reports it.
 *
 * @param day               business-day index
 * @param facility          the instrument
 * @param tenorDays         calendar days to maturity
 * @param maturityDay       business-day index on which it is repaid (may lie past the run)
 * @param amountBn          allotted, bn (negative: the central bank took funds, a repo)
 * @param ratePct           the fixed rate, or a rate tender's allotment-weighted average rate paid
 * @param marginalRatePct   a rate tender's lowest accepted rate (the fixed rate otherwise)
 * @param bidders           dealers that bid (0 where nobody bids: temporary and structural operations)
 * @param bidBn             what dealers bid in total (NaN where nobody bids)
 * @param offeredBn         what the central bank offered (infinite under full allotment)
 */
public record OperationRecord(int day, Facility facility, int tenorDays, int maturityDay, double amountBn,
                              double ratePct, double marginalRatePct, int bidders, double bidBn, double offeredBn) {

    /** Bids over the amount offered (NaN without bids or without a finite offer). */
    public double coverRatio() {
        return Double.isFinite(offeredBn) && offeredBn > 0 && Double.isFinite(bidBn) ? bidBn / offeredBn : Double.NaN;
    }
}
