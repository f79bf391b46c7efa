package io.corridorsim.centralbank;

import java.time.DayOfWeek;
import java.util.Set;

/**
 * The central bank's operating parameters.
 *
 * @param rule                 reaction function sizing the daily reverse repo
 * @param tenorDays            reverse repo tenor in calendar days (7)
 * @param forecastErrorSdBn    sd of the sizing party's error in forecasting the day's pre-market reserves, bn
 * @param targetSpreadBp       market rate the forecast-neutral rule aims at, relative to the policy rate, bp
 * @param feedbackWindowDays   deviation-feedback look-back window in business days (14)
 * @param feedbackGainBn       deviation-feedback injection per unit of z, bn
 * @param excessReserveTargetBn excess reserves the targeting rule aims at, bn
 * @param bidSpreadBp          under full allotment, dealers bid for the holdings they want at policy + this spread, bp
 * @param allowDrain           negative operations are executed as 7-day repos (正回购) instead of being skipped
 * @param accommodation        share of banks' known precautionary demand (quarter/month end) the CB supplies, 0–1
 * @param operationDays        weekdays on which the bank operates; empty means every business day
 *                             (before 2016 the PBoC operated on Tuesdays and Thursdays)
 * @param forecastErrorPersistence AR(1) coefficient of the forecast error: misjudgements of liquidity last for days
 * @param adjustmentSpeed      targeting rules: share of the inherited gap to the target closed each day
 *                             (today's known changes are always offset in full); 1 closes it at once
 */
public record CentralBankSpec(ReactionRule rule, int tenorDays, double forecastErrorSdBn, double targetSpreadBp,
                              int feedbackWindowDays, double feedbackGainBn, double excessReserveTargetBn,
                              double bidSpreadBp, boolean allowDrain, double accommodation, double adjustmentSpeed,
                              double forecastErrorPersistence, Set<DayOfWeek> operationDays) {
    public CentralBankSpec {
        operationDays = Set.copyOf(operationDays);
        if (rule == null) {
            throw new IllegalArgumentException("rule is required");
        }
        if (tenorDays < 1 || tenorDays > 366) {
            throw new IllegalArgumentException("tenor must be 1–366 calendar days, got " + tenorDays);
        }
        if (!(forecastErrorSdBn >= 0) || Double.isInfinite(forecastErrorSdBn)) {
            throw new IllegalArgumentException("forecast error sd must be ≥ 0 and finite, got " + forecastErrorSdBn);
        }
        if (feedbackWindowDays < 2) {
            throw new IllegalArgumentException("feedback window must be at least 2 days, got " + feedbackWindowDays);
        }
        if (!Double.isFinite(targetSpreadBp) || !Double.isFinite(feedbackGainBn)
                || !Double.isFinite(excessReserveTargetBn) || !Double.isFinite(bidSpreadBp)) {
            throw new IllegalArgumentException("spreads, gains and targets must be finite numbers");
        }
        if (!(forecastErrorPersistence >= 0 && forecastErrorPersistence < 1)) {
            throw new IllegalArgumentException("forecast error persistence must be in [0, 1), got " + forecastErrorPersistence);
        }
        if (!(adjustmentSpeed > 0 && adjustmentSpeed <= 1)) {
            throw new IllegalArgumentException("adjustment speed must be in (0, 1], got " + adjustmentSpeed);
        }
        if (!(accommodation >= 0 && accommodation <= 1)) {
            throw new IllegalArgumentException("accommodation must be in [0, 1], got " + accommodation);
        }
    }
}
