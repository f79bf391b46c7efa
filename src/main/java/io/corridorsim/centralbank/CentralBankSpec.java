package io.corridorsim.centralbank;

import java.time.DayOfWeek;
import java.util.Set;

/**
 * The central bank's operating parameters and beliefs.
 *
 * @param rule                   reaction function sizing the daily reverse repo
 * @param tenorDays              reverse repo tenor in calendar days (7)
 * @param forecastErrorSdBn      sd of its error forecasting the morning's autonomous flows, bn; drawn
 *                               afresh every day (yesterday's error is on its books by the close)
 * @param forecastErrorShareOfFlow extra error sd per bn of the day's calendar flow: big tax and
 *                               spending days are harder to forecast
 * @param collateralCostBp       dealers' cost of pledging collateral at an operation: a dealer bids for
 *                               reserves it values above policy + this, bp
 * @param allowDrain             negative amounts are executed as 7-day repos (正回购) instead of being skipped
 * @param learningGain           constant gain of its demand-estimate update from each day's fixing, in [0, 1]
 * @param demandScaleBn          slope of its demand model (Σσ it believes in), bn
 * @param initialEstimateBn      its opening estimate of the excess reserves at the corridor midpoint;
 *                               NaN: infer it from the opening excess reserves, taken to sit at its target
 * @param precautionPriorBn      its calendar prior of banks' extra demand on assessment dates, bn per unit
 *                               of the day's precautionary intensity
 * @param precautionPriorErrorShare sd of its error on that prior, as a share of the prior (drawn daily)
 * @param operationDays          weekdays on which it operates; empty means every business day
 *                               (before 2016 the PBoC operated on Tuesdays and Thursdays)
 * @param toolkit                its other instruments: announced operations, rollovers, temporary
 *                               overnight operations, profit remittance
 */
public record CentralBankSpec(ReactionRule rule, int tenorDays, double forecastErrorSdBn,
                              double forecastErrorShareOfFlow, double collateralCostBp, boolean allowDrain,
                              double learningGain, double demandScaleBn, double initialEstimateBn,
                              double precautionPriorBn, double precautionPriorErrorShare,
                              Set<DayOfWeek> operationDays, Toolkit toolkit) {
    public CentralBankSpec {
        operationDays = Set.copyOf(operationDays);
        toolkit = toolkit == null ? Toolkit.none() : toolkit;
        if (rule == null) {
            throw new IllegalArgumentException("rule is required");
        }
        if (tenorDays < 1 || tenorDays > 366) {
            throw new IllegalArgumentException("tenor must be 1–366 calendar days, got " + tenorDays);
        }
        if (!(forecastErrorSdBn >= 0) || Double.isInfinite(forecastErrorSdBn)
                || !(forecastErrorShareOfFlow >= 0) || Double.isInfinite(forecastErrorShareOfFlow)) {
            throw new IllegalArgumentException("forecast error sizes must be ≥ 0 and finite");
        }
        if (!Double.isFinite(collateralCostBp)) {
            throw new IllegalArgumentException("collateral cost must be finite, got " + collateralCostBp);
        }
        if (!(learningGain >= 0 && learningGain <= 1)) {
            throw new IllegalArgumentException("learning gain must be in [0, 1], got " + learningGain);
        }
        if (!(demandScaleBn > 0) || Double.isInfinite(demandScaleBn)) {
            throw new IllegalArgumentException("demand scale must be positive and finite, got " + demandScaleBn);
        }
        if (Double.isInfinite(initialEstimateBn)) {
            throw new IllegalArgumentException("initial estimate must be finite or NaN (inferred)");
        }
        if (!(precautionPriorBn >= 0) || Double.isInfinite(precautionPriorBn)
                || !(precautionPriorErrorShare >= 0) || Double.isInfinite(precautionPriorErrorShare)) {
            throw new IllegalArgumentException("precaution prior and its error must be ≥ 0 and finite");
        }
    }
}
