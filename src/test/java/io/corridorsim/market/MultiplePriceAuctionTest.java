package io.corridorsim.market;

import io.corridorsim.market.MultiplePriceAuction.Bids;
import io.corridorsim.market.MultiplePriceAuction.Outcome;
import io.corridorsim.market.MultiplePriceAuction.Pricing;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The central bank's rate tender worked by hand: who is filled, how far, at what marginal and
 * average rate, with ties at the margin, a minimum rate, too few bids and a single bidder; then,
 * on random tenders with many ties, the bounds every allotment must respect.
 */
class MultiplePriceAuctionTest {

    private static final double NONE = Double.NaN;
    private static final double EPS = 1e-12;

    private static Outcome allot(double[] ratePct, double[] amountBn, double quantityBn, double reservePct,
                                 Pricing pricing, double[] filledBn) {
        return MultiplePriceAuction.allot(new Bids(ratePct, amountBn, ratePct.length), quantityBn, reservePct, pricing, filledBn);
    }

    @Test
    void oversubscribedTenderFillsFromTheTopAndTheMarginalBidTakesTheRest() {
        // 100 offered. 2.10%×50 and 2.05%×30 fill in full (80); 2.00%×40 is alone at the margin and
        // takes the remaining 20; 1.95%×20 gets nothing. Valid bids 50+30+40+20 = 140, cover 1.4.
        // Average paid: (50·2.10 + 30·2.05 + 20·2.00) / 100 = (105 + 61.5 + 40) / 100 = 2.065.
        double[] filled = new double[4];
        Outcome o = allot(new double[]{1.95, 2.10, 2.00, 2.05}, new double[]{20, 50, 40, 30}, 100, NONE,
                Pricing.MULTIPLE, filled);
        assertArrayEquals(new double[]{0, 50, 20, 30}, filled, EPS);
        assertEquals(100, o.allottedBn(), EPS);
        assertEquals(140, o.bidBn(), EPS);
        assertEquals(1.4, o.coverRatio(), EPS);
        assertEquals(2.00, o.marginalRatePct(), 0);
        assertEquals(2.065, o.weightedAverageRatePct(), EPS);
        assertEquals(3, o.winners());
    }

    @Test
    void tiesAtTheMarginShareTheRemainderProRata() {
        // 100 offered. 2.0%×60 fills in full; 40 remain for the two 1.9% bids (40 + 60 = 100 at the
        // margin), so each gets 40/100 of its amount: 40·0.4 = 16 and 60·0.4 = 24. Cover 160/100.
        // Average paid: (60·2.0 + 16·1.9 + 24·1.9) / 100 = (120 + 76) / 100 = 1.96.
        double[] filled = new double[3];
        Outcome o = allot(new double[]{2.0, 1.9, 1.9}, new double[]{60, 40, 60}, 100, NONE, Pricing.MULTIPLE, filled);
        assertArrayEquals(new double[]{60, 16, 24}, filled, EPS);
        assertEquals(100, o.allottedBn(), EPS);
        assertEquals(1.6, o.coverRatio(), EPS);
        assertEquals(1.9, o.marginalRatePct(), 0);
        assertEquals(1.96, o.weightedAverageRatePct(), EPS);
        assertEquals(3, o.winners());
    }

    @Test
    void undersubscribedTenderFillsEveryValidBidAndAllotsLessThanOffered() {
        // 200 offered, only 50 + 70 = 120 bid: both filled in full, allotted 120 < 200, cover 0.6.
        // The margin is the lowest bid, 2.1. Average: (50·2.2 + 70·2.1) / 120 = (110 + 147) / 120 = 257/120.
        double[] filled = new double[2];
        Outcome o = allot(new double[]{2.1, 2.2}, new double[]{70, 50}, 200, NONE, Pricing.MULTIPLE, filled);
        assertArrayEquals(new double[]{70, 50}, filled, EPS);
        assertEquals(120, o.allottedBn(), EPS);
        assertEquals(0.6, o.coverRatio(), EPS);
        assertEquals(2.1, o.marginalRatePct(), 0);
        assertEquals(257.0 / 120, o.weightedAverageRatePct(), EPS);
        assertEquals(2, o.winners());
    }

    @Test
    void aSingleBidderGetsTheQuantityOrItsBidWhicheverIsSmaller() {
        double[] filled = new double[1];
        // 80 bid at 1.8% against 100 offered: filled 80, cover 0.8, pays its own rate.
        Outcome under = allot(new double[]{1.8}, new double[]{80}, 100, NONE, Pricing.MULTIPLE, filled);
        assertEquals(80, filled[0], EPS);
        assertEquals(80, under.allottedBn(), EPS);
        assertEquals(0.8, under.coverRatio(), EPS);
        assertEquals(1.8, under.marginalRatePct(), 0);
        assertEquals(1.8, under.weightedAverageRatePct(), EPS);
        // 80 bid against 50 offered: it is alone at the margin, share 50/80, filled 50, cover 1.6.
        Outcome over = allot(new double[]{1.8}, new double[]{80}, 50, NONE, Pricing.MULTIPLE, filled);
        assertEquals(50, filled[0], EPS);
        assertEquals(50, over.allottedBn(), EPS);
        assertEquals(1.6, over.coverRatio(), EPS);
        assertEquals(1.8, over.marginalRatePct(), 0);
        assertEquals(1.8, over.weightedAverageRatePct(), EPS);
        assertEquals(1, over.winners());
    }

    @Test
    void bidsBelowTheMinimumRateAreNotBids() {
        // Minimum 2.0%, 100 offered. 2.3%×30 and 2.0%×40 (at the minimum: valid) are filled; the
        // 1.99%×100 bid is excluded although it would cover the rest. Allotted and bid 70, cover 0.7,
        // margin 2.0, average (30·2.3 + 40·2.0) / 70 = (69 + 80) / 70 = 149/70.
        double[] rates = {1.99, 2.3, 2.0};
        double[] amounts = {100, 30, 40};
        double[] filled = new double[3];
        Outcome o = allot(rates, amounts, 100, 2.0, Pricing.MULTIPLE, filled);
        assertArrayEquals(new double[]{0, 30, 40}, filled, EPS);
        assertEquals(70, o.allottedBn(), EPS);
        assertEquals(70, o.bidBn(), EPS);
        assertEquals(0.7, o.coverRatio(), EPS);
        assertEquals(2.0, o.marginalRatePct(), 0);
        assertEquals(149.0 / 70, o.weightedAverageRatePct(), EPS);

        // No minimum (NaN or −infinity): the 1.99% bid takes the last 30 of its 100.
        for (double none : new double[]{Double.NaN, Double.NEGATIVE_INFINITY}) {
            Outcome all = allot(rates, amounts, 100, none, Pricing.MULTIPLE, filled);
            assertArrayEquals(new double[]{30, 30, 40}, filled, EPS);
            assertEquals(1.99, all.marginalRatePct(), 0);
            assertEquals(170, all.bidBn(), EPS);
        }

        // Minimum 2.5%: every bid is below it. Nothing allotted, no rates, cover 0; stale fills are cleared.
        Arrays.fill(filled, 999);
        Outcome nothing = allot(rates, amounts, 100, 2.5, Pricing.MULTIPLE, filled);
        assertArrayEquals(new double[]{0, 0, 0}, filled, 0);
        assertEquals(0, nothing.allottedBn(), 0);
        assertEquals(0, nothing.bidBn(), 0);
        assertEquals(0, nothing.coverRatio(), 0);
        assertTrue(Double.isNaN(nothing.marginalRatePct()));
        assertTrue(Double.isNaN(nothing.weightedAverageRatePct()));
        assertEquals(0, nothing.winners());
    }

    @Test
    void zeroAndNegativeAmountsAreNoBids() {
        // The 2.5%×0 and 2.4%×(−10) bids neither win nor set the margin nor count in the cover.
        // 100 offered: 2.0%×50 in full, 1.9%×80 takes the remaining 50. Valid bids 130, cover 1.3;
        // average (50·2.0 + 50·1.9) / 100 = (100 + 95) / 100 = 1.95.
        double[] filled = {7, 7, 7, 7};
        Outcome o = allot(new double[]{2.5, 2.4, 2.0, 1.9}, new double[]{0, -10, 50, 80}, 100, NONE,
                Pricing.MULTIPLE, filled);
        assertArrayEquals(new double[]{0, 0, 50, 50}, filled, EPS);
        assertEquals(130, o.bidBn(), EPS);
        assertEquals(1.3, o.coverRatio(), EPS);
        assertEquals(1.9, o.marginalRatePct(), 0);
        assertEquals(1.95, o.weightedAverageRatePct(), EPS);
        assertEquals(2, o.winners());
    }

    @Test
    void theOrderOfTheBidsDoesNotMatter() {
        // Minimum 2.0%, 150 offered. Above the margin: 2.30×40, 2.25×25, 2.25×35 = 100 in full. At
        // 2.20%: 10 + 30 + 60 = 100 bid for the 50 left, share 1/2 → 5, 15, 30. 2.10×50 loses;
        // 1.90×200 is below the minimum; 2.40×0 is no bid. Valid 250, cover 250/150.
        // Average: 2.20 + (40·0.10 + 60·0.05) / 150 = 2.20 + 7/150.
        double[] rates = {2.30, 2.25, 2.25, 2.20, 2.20, 2.20, 2.10, 1.90, 2.40};
        double[] amounts = {40, 25, 35, 10, 30, 60, 50, 200, 0};
        double[] expected = {40, 25, 35, 5, 15, 30, 0, 0, 0};
        int n = rates.length;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Random rnd = new Random(20250325);
        double[] r = new double[n];
        double[] a = new double[n];
        double[] filled = new double[n];
        for (int trial = 0; trial < 50; trial++) {
            if (trial > 0) {
                Collections.shuffle(order, rnd);
            }
            for (int k = 0; k < n; k++) {
                r[k] = rates[order.get(k)];
                a[k] = amounts[order.get(k)];
            }
            Outcome o = allot(r, a, 150, 2.0, Pricing.MULTIPLE, filled);
            for (int k = 0; k < n; k++) {
                assertEquals(expected[order.get(k)], filled[k], EPS, "bid " + order.get(k) + " in order " + order);
            }
            assertEquals(150, o.allottedBn(), EPS);
            assertEquals(250.0 / 150, o.coverRatio(), EPS);
            assertEquals(2.20, o.marginalRatePct(), 0);
            assertEquals(2.20 + 7.0 / 150, o.weightedAverageRatePct(), EPS);
            assertEquals(6, o.winners());
        }
    }

    @Test
    void uniformPricingChargesEveryWinnerTheMarginalRate() {
        // The tender of the first test, single-rate: same fills (0, 50, 20, 30), but all 100 pay the
        // margin 2.00%, so the average is 2.00, not 2.065.
        double[] rates = {1.95, 2.10, 2.00, 2.05};
        double[] filled = new double[4];
        Outcome o = allot(rates, new double[]{20, 50, 40, 30}, 100, NONE, Pricing.UNIFORM, filled);
        assertArrayEquals(new double[]{0, 50, 20, 30}, filled, EPS);
        assertEquals(2.00, o.marginalRatePct(), 0);
        assertEquals(2.00, o.weightedAverageRatePct(), 0);
        assertEquals(2.00, Pricing.UNIFORM.ratePaidPct(2.10, o.marginalRatePct()), 0);
        assertEquals(2.10, Pricing.MULTIPLE.ratePaidPct(2.10, o.marginalRatePct()), 0);
    }

    @Test
    void malformedTendersAreRefused() {
        double[] filled = new double[2];
        assertThrows(IllegalArgumentException.class, () -> new Bids(new double[2], new double[1], 2));
        assertThrows(IllegalArgumentException.class, () -> new Bids(new double[2], new double[2], -1));
        assertThrows(IllegalArgumentException.class,
                () -> allot(new double[]{2.0, 1.9}, new double[]{1, 1}, 0, NONE, Pricing.MULTIPLE, filled));
        assertThrows(IllegalArgumentException.class,
                () -> allot(new double[]{Double.NaN, 1.9}, new double[]{1, 1}, 10, NONE, Pricing.MULTIPLE, filled));
        assertThrows(IllegalArgumentException.class,
                () -> allot(new double[]{2.0, 1.9}, new double[]{Double.NaN, 1}, 10, NONE, Pricing.MULTIPLE, filled));
        assertThrows(IllegalArgumentException.class,
                () -> allot(new double[]{2.0, 1.9}, new double[]{1, 1}, 10, NONE, Pricing.MULTIPLE, new double[1]));
    }

    /**
     * Random tenders on a 5bp grid of 13 rates, so ties at the margin are common, with some
     * non-positive amounts and an optional minimum rate: the allotment is min(quantity, valid
     * bids); nobody gets more than it bid; winners bid at least the margin and bids above it are
     * filled in full; the average paid lies between the margin and the highest bid (equals the
     * margin under uniform pricing, which fills the same); reversing the bids changes nothing.
     */
    @Property(tries = 1000)
    void allotmentsRespectTheTenderBounds(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 12) Integer> rateTicks,
                                          @ForAll @Size(max = 40) List<@DoubleRange(min = -20, max = 200) Double> amounts,
                                          @ForAll @DoubleRange(min = 0.5, max = 1500) double quantityBn,
                                          @ForAll @IntRange(min = -1, max = 12) int reserveTick) {
        int n = Math.min(rateTicks.size(), amounts.size());
        double[] rate = new double[n];
        double[] amount = new double[n];
        for (int i = 0; i < n; i++) {
            rate[i] = 1.50 + 0.05 * rateTicks.get(i);
            amount[i] = amounts.get(i);
        }
        double reserve = reserveTick < 0 ? NONE : 1.50 + 0.05 * reserveTick;
        double[] filled = new double[n];
        Outcome o = MultiplePriceAuction.allot(new Bids(rate, amount, n), quantityBn, reserve, Pricing.MULTIPLE, filled);

        double valid = 0;
        double highest = Double.NEGATIVE_INFINITY;
        double sumFilled = 0;
        int winners = 0;
        int partlyFilled = 0;
        for (int i = 0; i < n; i++) {
            boolean isValid = amount[i] > 0 && (reserveTick < 0 || rate[i] >= reserve);
            if (isValid) {
                valid += amount[i];
                highest = Math.max(highest, rate[i]);
            } else {
                assertEquals(0, filled[i], 0, "invalid bid " + i + " filled");
            }
            assertTrue(filled[i] >= 0 && filled[i] <= Math.max(amount[i], 0), "bid " + i + " filled beyond its amount");
            if (filled[i] > 0) {
                assertTrue(rate[i] >= o.marginalRatePct(), "bid " + i + " below the margin filled");
                winners++;
                if (filled[i] < amount[i]) {
                    partlyFilled++;
                }
            }
            if (isValid && rate[i] > o.marginalRatePct()) {
                assertEquals(amount[i], filled[i], 0, "bid " + i + " above the margin not filled in full");
            }
            sumFilled += filled[i];
        }
        assertEquals(Math.min(quantityBn, valid), o.allottedBn(), 1e-9);
        assertEquals(sumFilled, o.allottedBn(), 1e-9);
        assertEquals(valid, o.bidBn(), 1e-9);
        assertEquals(winners, o.winners());
        if (valid > 0) {
            assertTrue(o.marginalRatePct() >= (reserveTick < 0 ? Double.NEGATIVE_INFINITY : reserve));
            assertTrue(o.weightedAverageRatePct() >= o.marginalRatePct() - EPS
                    && o.weightedAverageRatePct() <= highest + EPS, "average " + o.weightedAverageRatePct()
                    + " outside [" + o.marginalRatePct() + ", " + highest + "]");
        } else {
            assertTrue(Double.isNaN(o.marginalRatePct()) && Double.isNaN(o.weightedAverageRatePct()));
        }

        double[] uniformFilled = new double[n];
        Outcome u = MultiplePriceAuction.allot(new Bids(rate, amount, n), quantityBn, reserve, Pricing.UNIFORM, uniformFilled);
        assertArrayEquals(filled, uniformFilled, 0);
        assertEquals(o.marginalRatePct(), u.weightedAverageRatePct(), 0);

        double[] revRate = new double[n];
        double[] revAmount = new double[n];
        double[] revFilled = new double[n];
        for (int i = 0; i < n; i++) {
            revRate[i] = rate[n - 1 - i];
            revAmount[i] = amount[n - 1 - i];
        }
        Outcome rev = MultiplePriceAuction.allot(new Bids(revRate, revAmount, n), quantityBn, reserve, Pricing.MULTIPLE, revFilled);
        for (int i = 0; i < n; i++) {
            assertEquals(filled[i], revFilled[n - 1 - i], 1e-9, "bid " + i + " depends on the order");
        }
        assertEquals(o.marginalRatePct(), rev.marginalRatePct(), 0);
        assertEquals(o.weightedAverageRatePct(), rev.weightedAverageRatePct(), 1e-12);

        // The cases that matter must be drawn often: rationing, and rationing shared by a tie.
        Statistics.label("oversubscribed").collect(valid > quantityBn);
        Statistics.label("oversubscribed").coverage(c -> c.check(true).percentage(p -> p >= 20));
        Statistics.label("several bids rationed at the margin").collect(partlyFilled >= 2);
        Statistics.label("several bids rationed at the margin").coverage(c -> c.check(true).percentage(p -> p >= 5));
    }
}
