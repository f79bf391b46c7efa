package io.corridorsim.centralbank;

/**
 * How the central bank sizes its daily 7-day reverse repo (DOMAIN §3.3): one small type per
 * rule, each a pure function of the central bank's {@link CentralBankView}. A rule returns the
 * amount the central bank offers (negative: a drain through a repo); whether dealers' bids ration
 * the offer is the rule's {@link #rationedByBids()}.
 */
public sealed interface ReactionRule
        permits ReactionRule.ForecastNeutral, ReactionRule.QuantitySet, ReactionRule.DeviationFeedback,
        ReactionRule.ExcessReserveTarget, ReactionRule.FullAllotment, ReactionRule.StandAside {

    /** The amount offered today, bn; {@code +∞} offers whatever dealers bid. */
    double offerBn(CentralBankView view);

    /** True when dealers' bids at the fixed rate cap the allotment (a tender); false when the amount is simply executed. */
    default boolean rationedByBids() {
        return false;
    }

    /** Where the central bank steers the overnight rate, relative to the policy rate, bp (known to banks). */
    default double targetSpreadBp() {
        return 0;
    }

    /** The overnight rate the central bank steers towards, percent. */
    default double targetPct(CentralBankView view) {
        return view.policyPct() + targetSpreadBp() / 100.0;
    }


    /** What moves its forecast supply to where its demand model puts the overnight rate at its target. */
    default double offsetToTargetBn(CentralBankView v) {
        return DemandModel.supplyForRate(v, targetPct(v)) - v.forecastSupplyBn();
    }

    /**
     * Seed 001's 削峰填谷: offset the forecast liquidity gap so that forecast supply sits where the
     * central bank's own demand estimate puts the overnight rate at policy + {@code targetSpreadBp}.
     * The amount is executed whatever dealers bid (the textbook rule).
     */
    record ForecastNeutral(double targetSpreadBp) implements ReactionRule {
        @Override
        public double offerBn(CentralBankView v) {
            return offsetToTargetBn(v);
        }
    }

    /**
     * Quantity set by the central bank at the fixed policy rate (2016–2024): it offers the
     * forecast-neutral amount, and dealers' bids at the policy rate ration it (it cannot place
     * more than dealers want).
     */
    record QuantitySet(double targetSpreadBp) implements ReactionRule {
        @Override
        public double offerBn(CentralBankView v) {
            return offsetToTargetBn(v);
        }

        @Override
        public boolean rationedByBids() {
            return true;
        }
    }

    /**
     * Seed 001's deviation feedback: hold excess reserves at a level and move the level by
     * {@code gainBn · z} whenever |z| exceeds {@code thresholdZ}, with z the newest fixing's
     * deviation from the mean of the previous {@code windowDays} over their annualised
     * volatility: inject when the rate is high against its recent past, drain when low.
     */
    record DeviationFeedback(int windowDays, double gainBn, double thresholdZ) implements ReactionRule {
        public DeviationFeedback {
            if (windowDays < 2) {
                throw new IllegalArgumentException("feedback window must be at least 2 days, got " + windowDays);
            }
            if (!(thresholdZ >= 0) || !Double.isFinite(gainBn)) {
                throw new IllegalArgumentException("feedback threshold must be ≥ 0 and gain finite");
            }
        }

        /** Today's level: yesterday's moved by gain · z when |z| exceeds the threshold. */
        public double levelBn(CentralBankView v) {
            double z = v.fixings().zScore(windowDays);
            return Math.abs(z) > thresholdZ ? v.feedbackLevelBn() + gainBn * z : v.feedbackLevelBn();
        }

        @Override
        public double offerBn(CentralBankView v) {
            return v.reportedRequiredBn() + levelBn(v) + v.priorShiftBn() - v.forecastSupplyBn();
        }
    }

    /** Hold forecast excess reserves (over the reported requirement) at {@code targetBn}. */
    record ExcessReserveTarget(double targetBn) implements ReactionRule {
        @Override
        public double offerBn(CentralBankView v) {
            return v.reportedRequiredBn() + targetBn - v.forecastSupplyBn();
        }
    }

    /**
     * Fixed-rate full allotment: the central bank offers without limit at the policy rate and
     * allots every dealer bid in full; dealers decide the quantity from their own demand.
     * The rate it expects is policy + dealers' collateral cost.
     */
    record FullAllotment(double collateralCostBp) implements ReactionRule {
        @Override
        public double targetSpreadBp() {
            return collateralCostBp;
        }

        @Override
        public double offerBn(CentralBankView v) {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public boolean rationedByBids() {
            return true;
        }
    }

    /** No operations at all (textbook economies): supply moves only with the autonomous factors. */
    record StandAside() implements ReactionRule {
        @Override
        public double offerBn(CentralBankView v) {
            return 0;
        }
    }
}
