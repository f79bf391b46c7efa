package io.corridorsim.scenario;

import java.util.List;

import static io.corridorsim.scenario.InvalidValueException.finiteOr;
import static io.corridorsim.scenario.InvalidValueException.nonNegativeOr;
import static io.corridorsim.scenario.InvalidValueException.positiveIntOr;
import static io.corridorsim.scenario.InvalidValueException.shareOr;

/**
 * The autonomous factors of DOMAIN §2/§3.4 (seed 002's five-factor model): each has a calendar
 * part, known in advance, and the day's surprise, {@code surprise_sd_bn} plus
 * {@code surprise_share_of_flow} times the day's gross scheduled flow, lands after trading;
 * {@code surprise_reversal} of it reverses the next morning (timing errors wash out).
 * Monthly amounts are bn CNY; {@code month_multipliers} are twelve factors, January first.
 */
public record Autonomous(Double surpriseSdBn, Double surpriseShareOfFlow, Double surpriseReversal, Taxes taxes, Bonds governmentBonds,
                         Spending fiscalSpending, Currency currency, Fx fx, Deposits deposits) {

    public Autonomous {
        surpriseSdBn = nonNegativeOr(surpriseSdBn, 0, "surprise_sd_bn");
        surpriseShareOfFlow = shareOr(surpriseShareOfFlow, 0, "surprise_share_of_flow");
        surpriseReversal = shareOr(surpriseReversal, 0, "surprise_reversal");
        taxes = taxes == null ? new Taxes(0.0, null, null, null) : taxes;
        governmentBonds = governmentBonds == null ? new Bonds(0.0, null) : governmentBonds;
        fiscalSpending = fiscalSpending == null ? new Spending(0.0, null, null, null, null) : fiscalSpending;
        currency = currency == null ? new Currency(0.0, null, null, 0.0, null, null, null) : currency;
        fx = fx == null ? new Fx(0.0) : fx;
        deposits = deposits == null ? new Deposits(null, null, null, null) : deposits;
    }

    /** No calendar flows and no surprise. */
    static Autonomous none() {
        return new Autonomous(null, null, null, null, null, null, null, null, null);
    }

    static List<Double> months(List<Double> m, String key) {
        if (m == null) {
            return java.util.Collections.nCopies(12, 1.0);
        }
        if (m.size() != 12) {
            throw new InvalidValueException(key, "expected 12 monthly multipliers (January first), got " + m.size());
        }
        for (Double v : m) {
            if (v == null || !Double.isFinite(v) || v < 0) {
                throw new InvalidValueException(key, "expected non-negative finite multipliers, got " + v);
            }
        }
        return List.copyOf(m);
    }

    /**
     * Taxes paid into the treasury account: {@code share_in_window} of the month's collection
     * drains over the {@code days_before_deadline} business days up to the filing deadline (about
     * the 15th, holiday-shifted), the rest evenly over the month's business days.
     */
    public record Taxes(Double monthlyBn, List<Double> monthMultipliers, Integer daysBeforeDeadline, Double shareInWindow) {
        public Taxes {
            monthlyBn = nonNegativeOr(monthlyBn, 0, "monthly_bn");
            monthMultipliers = months(monthMultipliers, "month_multipliers");
            daysBeforeDeadline = positiveIntOr(daysBeforeDeadline, 3, "days_before_deadline");
            shareInWindow = shareOr(shareInWindow, 0.7, "share_in_window");
        }
    }

    /** Government bond payments (缴款), drained into the treasury account evenly over each month's business days. */
    public record Bonds(Double monthlyBn, List<Double> monthMultipliers) {
        public Bonds {
            monthlyBn = nonNegativeOr(monthlyBn, 0, "monthly_bn");
            monthMultipliers = months(monthMultipliers, "month_multipliers");
        }
    }

    /**
     * Fiscal spending out of the treasury account: {@code month_end_share} over the month's last
     * {@code month_end_days} business days, the rest evenly; quarter-end months scaled by
     * {@code quarter_end_multiplier} on top of the monthly multipliers (December biggest).
     */
    public record Spending(Double monthlyBn, List<Double> monthMultipliers, Integer monthEndDays, Double monthEndShare,
                           Double quarterEndMultiplier) {
        public Spending {
            monthlyBn = nonNegativeOr(monthlyBn, 0, "monthly_bn");
            monthMultipliers = months(monthMultipliers, "month_multipliers");
            monthEndDays = positiveIntOr(monthEndDays, 5, "month_end_days");
            monthEndShare = shareOr(monthEndShare, 0.6, "month_end_share");
            quarterEndMultiplier = nonNegativeOr(quarterEndMultiplier, 1.0, "quarter_end_multiplier");
        }
    }

    /**
     * Currency in circulation: the Spring Festival drain over the {@code drain_days} business
     * days before the festival, {@code return_share} of it flowing back over the
     * {@code return_days} business days after; the same shape around National Day.
     */
    public record Currency(Double springFestivalBn, Integer drainDays, Integer returnDays, Double nationalDayBn,
                           Double returnShare, Double monthEndBn, Double trendMonthlyBn) {
        public Currency {
            springFestivalBn = nonNegativeOr(springFestivalBn, 0, "spring_festival_bn");
            drainDays = positiveIntOr(drainDays, 10, "drain_days");
            returnDays = positiveIntOr(returnDays, 15, "return_days");
            nationalDayBn = nonNegativeOr(nationalDayBn, 0, "national_day_bn");
            returnShare = shareOr(returnShare, 0.9, "return_share");
            monthEndBn = finiteOr(monthEndBn, 0, "month_end_bn");
            trendMonthlyBn = finiteOr(trendMonthlyBn, 0, "trend_monthly_bn");
        }
    }

    /** Net foreign-exchange purchases (positive adds reserves), spread evenly over each month. */
    public record Fx(Double monthlyBn) {
        public Fx {
            monthlyBn = finiteOr(monthlyBn, 0, "monthly_bn");
        }
    }

    /**
     * Deposit seasonality, which moves required reserves on the next reserve payment date:
     * deposits swell by {@code quarter_end_swell_pct} into each quarter end (banks' deposit
     * drives) and give it back over the following month, falling a further
     * {@code april_july_fall_pct} in April and July; {@code annual_growth_pct} trend.
     */
    public record Deposits(Double quarterEndSwellPct, Double aprilJulyFallPct, Double annualGrowthPct, Integer swellDays) {
        public Deposits {
            quarterEndSwellPct = nonNegativeOr(quarterEndSwellPct, 0, "quarter_end_swell_pct");
            aprilJulyFallPct = nonNegativeOr(aprilJulyFallPct, 0, "april_july_fall_pct");
            annualGrowthPct = finiteOr(annualGrowthPct, 0, "annual_growth_pct");
            swellDays = positiveIntOr(swellDays, 10, "swell_days");
        }
    }
}
