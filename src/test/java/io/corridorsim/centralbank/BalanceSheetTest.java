package io.corridorsim.centralbank;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The central bank's equity (seed 002's "other items") takes its net interest; a remittance moves
 * the profit since the last one to the treasury's account and leaves reserves where they were; a
 * loss is not remitted and is made good by later profit first.
 */
class BalanceSheetTest {

    @Test
    void netInterestMovesEquityAndReservesAndARemittanceMovesOnlyTheTreasurysAccount() {
        BalanceSheet b = new BalanceSheet(1000, 500, 300, 200, 900);
        assertEquals(100, b.equityBn(), 1e-12);
        b.bookNetInterest(7);        // interest received on its operations: banks paid it out of reserves
        assertEquals(107, b.equityBn(), 1e-12);
        assertEquals(893, b.reservesBn(), 1e-12);
        b.bookNetInterest(-2);       // interest paid on reserves
        assertEquals(895, b.reservesBn(), 1e-12);
        assertEquals(5, b.remitProfit(), 1e-12);
        assertEquals(100, b.equityBn(), 1e-12);
        assertEquals(205, b.govDepositsBn(), 1e-12);
        assertEquals(895, b.reservesBn(), 1e-12, "a remittance moves no reserves");
        b.bookNetInterest(-4);       // a loss
        assertEquals(0, b.remitProfit(), 1e-12);
        assertEquals(96, b.equityBn(), 1e-12);
        b.bookNetInterest(6);        // profit after the loss: it first makes the loss good, only the rest goes
        assertEquals(2, b.remitProfit(), 1e-12);
        assertEquals(100, b.equityBn(), 1e-12);
        assertEquals(207, b.govDepositsBn(), 1e-12);
    }
}
