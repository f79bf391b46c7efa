package io.corridorsim.bank;

import io.corridorsim.market.ShockFamily;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One day of the two auctions by hand on a small bank sector: the 7-day trades net to zero, stay
 * within each bank's position, clear at r̄ + πθ inside [r̄, r̄ + π·(c − r̄)], and each bank owes back
 * exactly its principal with interest at that rate over the loan's calendar days on the maturity
 * day; the overnight trades likewise at the overnight rate on the next business day.
 */
class TermAuctionTest {

    @Test
    void sevenDayAndOvernightTradesAreBookedWithTheirOwnRatesAndRepaidOnTheirDays() {
        int n = 20;
        Random rnd = new Random(7);
        BankProfile[] p = new BankProfile[n];
        for (int i = 0; i < n; i++) {
            p[i] = new BankProfile("g", ReserveTier.MEDIUM, 500 + rnd.nextDouble() * 3000, 10, 5 + rnd.nextDouble() * 20,
                    0, 0, i % 4 == 0, 0, 0);
        }
        BankSector s = new BankSector(p, ShockFamily.normal());
        s.open(300);
        s.openLadder(7);
        // Dealers long, the others short: a persistent structure for the 7-day market to fund.
        s.payByDealerShare(400);
        s.payByDeposits(-400);
        s.setAggregateVariance(s.sumSigmaSq());
        s.prepareDemand(new DemandDay(0.35, 2.25, 0, null));
        double[] none = new double[n];
        s.drawShutOuts(none, 0);
        double q = s.clearingQuantile(s.totalReserves());
        double on = s.rateAtQuantile(q);
        s.holdAtQuantile(q);
        double rbar = on + 0.01;
        double pi = 0.1;
        double r7 = s.tradeTerm(new BankSector.TermDay(0, 5, 7, rbar, 2.25, 2.40, pi));
        assertTrue(r7 >= rbar && r7 <= rbar + pi * (2.25 - rbar), "r7 " + r7 + " vs r̄ " + rbar);
        double[] before = new double[n];
        double[] held = new double[n];
        for (int i = 0; i < n; i++) {
            before[i] = s.reserves(i);
        }
        double onVolume = s.bookTrades(0, on, 2.25, 1);
        assertTrue(s.lastTermVolume() > 50, "7-day volume " + s.lastTermVolume());
        assertEquals(0, s.lastTermNet(), 1e-9);
        assertEquals(0, s.lastInterbankNet(), 1e-9);
        assertTrue(onVolume >= 0);
        MaturityLadder ladder = s.ladder();
        double[] termP = ladder.principal(MaturityLadder.Instrument.INTERBANK_TERM);
        double[] termI = ladder.interest(MaturityLadder.Instrument.INTERBANK_TERM);
        double[] onP = ladder.principal(MaturityLadder.Instrument.INTERBANK_OVERNIGHT);
        double[] onI = ladder.interest(MaturityLadder.Instrument.INTERBANK_OVERNIGHT);
        int b5 = ladder.base(MaturityLadder.Instrument.INTERBANK_TERM, 5);
        int b1 = ladder.base(MaturityLadder.Instrument.INTERBANK_OVERNIGHT, 1);
        for (int i = 0; i < n; i++) {
            double x = termP[b5 + i];
            double t = onP[b1 + i];
            held[i] = s.reserves(i);
            // Each bank's cash moved by its two trades, and each trade stays within its position.
            assertEquals(held[i] - before[i], x + t, 1e-9);
            double today = held[i] - before[i];
            assertTrue(Math.abs(x) <= Math.abs(today) + 1e-9 && x * today >= -1e-12,
                    "bank " + i + " traded " + x + " for 7 days on a position of " + today);
            assertEquals(x * r7 / 100.0 * 7 / 365.0, termI[b5 + i], 1e-12);
            assertEquals(t * on / 100.0 / 365.0, onI[b1 + i], 1e-12);
            assertEquals(x, ladder.runningOutstandingBn(MaturityLadder.Instrument.INTERBANK_TERM, i), 1e-12);
        }
        // Repaid on their days: overnight on day 1, 7-day on day 5, each with its own interest.
        s.settleMorning(1);
        for (int i = 0; i < n; i++) {
            double t = held[i] - before[i] - termP[b5 + i];
            assertEquals(held[i] - t * (1 + on / 100.0 / 365.0), s.reserves(i), 1e-9);
            held[i] = s.reserves(i);
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = termP[b5 + i];
        }
        s.settleMorning(5);
        for (int i = 0; i < n; i++) {
            assertEquals(held[i] - x[i] * (1 + r7 / 100.0 * 7 / 365.0), s.reserves(i), 1e-9);
        }
        assertEquals(0, ladder.outstandingBn(MaturityLadder.Instrument.INTERBANK_TERM), 1e-9);
    }
}
