package io.corridorsim.centralbank;

import io.corridorsim.market.ShockFamily;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reaction rules as pure functions of the central bank's view, checked by hand. */
class ReactionRuleTest {

    /** Corridor 0.35–2.25, policy 1.40; reserves 10,000 at the close, 300 due back, 100 of flows. */
    private static CentralBankView view(FixingHistory fixings, double feedbackLevel) {
        return view(fixings, feedbackLevel, 1_000);
    }

    private static CentralBankView view(FixingHistory fixings, double feedbackLevel, double estimate) {
        return new CentralBankView(5, 1.40, 0.35, 2.25, true, 10_000, 300, 100, 8_000, 50, estimate, 500,
                feedbackLevel, fixings, ShockFamily.normal(), null);
    }

    private static CentralBankView view() {
        return view(new FixingHistory(15), 900);
    }

    @Test
    void forecastSupplyIsTheCloseLessClaimsDuePlusFlows() {
        assertEquals(10_000 - 300 + 100, view().forecastSupplyBn(), 1e-12);
    }

    @Test
    void forecastNeutralOffersTheGapToItsOwnDemandModelAtTheTarget() {
        CentralBankView v = view();
        // Target 1.40: p = (1.40 − 0.35)/1.90, supply = K + X̂ + prior − σ̂ Φ⁻¹(p).
        double q = ShockFamily.normal().quantile((1.40 - 0.35) / 1.90);
        double supply = 8_000 + 1_000 + 50 - 500 * q;
        assertEquals(supply - 9_800, new ReactionRule.ForecastNeutral(0).offerBn(v), 1e-9);
        // A higher target spread means a tighter stance: less is offered.
        assertTrue(new ReactionRule.ForecastNeutral(20).offerBn(v) < new ReactionRule.ForecastNeutral(0).offerBn(v));
        // At the midpoint the model's quantile is zero.
        double mid = (0.35 + 2.25) / 2;
        assertEquals(8_000 + 1_000 + 50 - 9_800, new ReactionRule.ForecastNeutral((mid - 1.40) * 100).offerBn(v), 1e-9);
    }

    @Test
    void excessReserveTargetOffersTheGapToReportedRequirementPlusTarget() {
        assertEquals(8_000 + 400 - 9_800, new ReactionRule.ExcessReserveTarget(400).offerBn(view()), 1e-12);
    }

    @Test
    void deviationFeedbackInjectsWhenTheRateIsHighAndDrainsWhenLow() {
        ReactionRule.DeviationFeedback rule = new ReactionRule.DeviationFeedback(4, 100, 0.0);
        FixingHistory calm = history(1.40, 1.41, 1.40, 1.41, 1.40);
        FixingHistory high = history(1.40, 1.41, 1.40, 1.41, 1.60);
        FixingHistory low = history(1.40, 1.41, 1.40, 1.41, 1.20);
        double base = rule.offerBn(view(calm, 900));
        assertTrue(rule.offerBn(view(high, 900)) > base + 1, "a high rate against its recent past: inject more");
        assertTrue(rule.offerBn(view(low, 900)) < base - 1, "a low rate: inject less (drain)");
        // The level moves by gain · z exactly.
        double z = high.zScore(4);
        assertEquals(900 + 100 * z, rule.levelBn(view(high, 900)), 1e-9);
        // Inside the threshold nothing moves.
        ReactionRule.DeviationFeedback wide = new ReactionRule.DeviationFeedback(4, 100, Math.abs(z) + 1);
        assertEquals(900, wide.levelBn(view(high, 900)), 0);
    }

    private static FixingHistory history(double... fixings) {
        FixingHistory h = new FixingHistory(fixings.length);
        for (double f : fixings) {
            h.add(f);
        }
        return h;
    }

    @Test
    void fullAllotmentAllotsExactlyTheBidsAndNeverDrains() {
        ReactionRule fa = new ReactionRule.FullAllotment(5);
        CentralBankView v = view();
        assertEquals(1234.5, CentralBank.allotment(fa, v, 1234.5, true), 0);
        assertEquals(0, CentralBank.allotment(fa, v, 0, true), 0, "no bids, nothing allotted, even with drains allowed");
        assertEquals(0, CentralBank.allotment(fa, v, -50, true), 0, "a negative bid total is no drain");
    }

    @Test
    void quantitySetIsRationedByBidsButNeverExceedsItsOffer() {
        ReactionRule qs = new ReactionRule.QuantitySet(0);
        CentralBankView v = view(new FixingHistory(15), 900, 3_000);
        double offer = qs.offerBn(v);
        assertTrue(offer > 0);
        assertEquals(offer, CentralBank.allotment(qs, v, offer * 3, false), 1e-12, "plenty of bids: the offer");
        assertEquals(offer / 2, CentralBank.allotment(qs, v, offer / 2, false), 1e-12, "few bids: the bids");
    }

    @Test
    void drainsOnlyWhenAllowedAndNothingOnOtherDays() {
        ReactionRule er = new ReactionRule.ExcessReserveTarget(-5_000);
        CentralBankView v = view();
        assertEquals(8_000 - 5_000 - 9_800, CentralBank.allotment(er, v, 0, true), 1e-12);
        assertEquals(0, CentralBank.allotment(er, v, 0, false), 0);
        CentralBankView closed = new CentralBankView(5, 1.40, 0.35, 2.25, false, 10_000, 300, 100, 8_000, 50, 1_000, 500,
                900, new FixingHistory(15), ShockFamily.normal(), null);
        assertEquals(0, CentralBank.allotment(new ReactionRule.ExcessReserveTarget(400), closed, 0, true), 0);
    }

    @Test
    void theDemandModelInvertsItsOwnForecast() {
        // The fixing the model predicts for a supply implies back the estimate it started from.
        CentralBankView v = view();
        double supply = DemandModel.supplyForRate(v, 1.62);
        assertEquals(v.demandEstimateBn(), DemandModel.impliedEstimateBn(v, supply, 1.62, 1.40), 1e-9);
        // More supply for the same fixing means demand was higher than thought.
        assertTrue(DemandModel.impliedEstimateBn(v, supply + 100, 1.62, 1.40) > v.demandEstimateBn());
        // A higher fixing at the same supply: demand higher too.
        assertTrue(DemandModel.impliedEstimateBn(v, supply, 1.80, 1.40) > v.demandEstimateBn());
    }

    @Test
    void constantGainLearningClosesItsShareOfTheGap() {
        assertEquals(130, DemandModel.learn(100, 200, 0.3), 1e-12);
        assertEquals(100, DemandModel.learn(100, 200, 0), 0);
        assertEquals(200, DemandModel.learn(100, 200, 1), 0);
    }
}
