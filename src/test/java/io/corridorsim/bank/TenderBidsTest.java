package io.corridorsim.bank;

import io.corridorsim.market.ShockFamily;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dealers' bid schedules at a rate tender come from their own books (DOMAIN §3.3): each dealer
 * asks to replace the short-term central bank money it owes plus its need at the money's value,
 * in four equal tranches from the value less its collateral cost down by one step each;
 * non-dealers bid nothing.
 */
class TenderBidsTest {

    @Test
    void aDealerBidsToReplaceWhatItOwesPlusItsNeedInFourTranchesNonDealersNothing() {
        BankProfile[] p = {
            new BankProfile("d", ReserveTier.LARGE, 10000, 8, 40, 0, 0, true, 0, 100),
            new BankProfile("n", ReserveTier.SMALL, 800, 5, 10, 0, 0, false, 0, 10),
            new BankProfile("d", ReserveTier.MEDIUM, 3000, 6, 20, 0, 0, true, 0, 30)};
        BankSector s = new BankSector(p, ShockFamily.normal());
        s.open(300);
        s.openLadder(14);
        s.setAggregateVariance(s.sumSigmaSq());
        s.prepareDemand(new DemandDay(0.35, 2.25, 0, null));
        // Dealer 0 owes 120bn of 7-day reverse repos, dealer 2 owes 40.
        s.ladder().book(MaturityLadder.Instrument.CENTRAL_BANK_REPO, 0, 5, 120, 0.05);
        s.ladder().book(MaturityLadder.Instrument.CENTRAL_BANK_REPO, 2, 5, 40, 0.02);
        double value = 1.45;
        double[] rate = new double[4 * p.length];
        double[] amount = new double[4 * p.length];
        int[] bidder = new int[4 * p.length];
        int m = s.tenderBids(new BankSector.TermBidding(value, 0.07, 0.03), rate, amount, bidder);
        assertEquals(8, m, "four tranches for each of the two dealers");
        for (int j = 0; j < m; j++) {
            assertTrue(bidder[j] != 1, "the non-dealer bids nothing");
            assertEquals(value - 0.07 - (j % 4) * 0.03, rate[j], 1e-12, "tranche " + j);
        }
        for (int d : new int[] {0, 2}) {
            double need = Math.max(0, s.holding(d, value) - s.reserves(d));
            double owed = d == 0 ? 120 : 40;
            double total = 0;
            for (int j = 0; j < m; j++) {
                if (bidder[j] == d) {
                    total += amount[j];
                    assertEquals((owed + need) / 4, amount[j], 1e-9, "equal tranches");
                }
            }
            assertEquals(owed + need, total, 1e-9, "dealer " + d + " asks for what it owes plus its need");
        }
    }
}
