package io.corridorsim.centralbank;

/** How the central bank sizes its daily 7-day reverse repo (DOMAIN §3.3). */
public enum ReactionRule {
    /**
     * Offset the forecast autonomous flows and maturing operations so that expected supply sits
     * where the Poole rate equals the policy rate (plus a target spread); the forecast of the
     * day's flows carries an error.
     */
    FORECAST_NEUTRAL,
    /**
     * Seed 001's rule: offset forecast flows and maturities so excess reserves stay where the
     * central bank last set them, and move that level by {@code gain · z} each day, with
     * z = (r − mean of the previous window) / annualised volatility of the previous window:
     * inject when the rate is high against its recent past, drain when low. The level starts
     * where the Poole rate equals the policy rate; there is no further anchor to it.
     */
    DEVIATION_FEEDBACK,
    /** Hold forecast excess reserves at a fixed amount. */
    EXCESS_RESERVE_TARGET,
    /**
     * Fixed-rate full allotment: dealers bid, at the policy rate, for what brings their
     * forecast holdings to the Poole demand at policy rate plus their bid spread; all filled.
     */
    FULL_ALLOTMENT
}
