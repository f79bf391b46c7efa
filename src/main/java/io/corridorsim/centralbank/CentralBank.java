package io.corridorsim.centralbank;

import io.corridorsim.bank.BankSector;
import io.corridorsim.calendar.Timeline;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The PBoC agent of one path: settles maturing operations in the morning and conducts the
 * day's 7-day reverse repo, sized by its {@link ReactionRule}. The arithmetic of each rule
 * is in {@link Reaction}; this class only orchestrates and books.
 */
public final class CentralBank {

    private final CentralBankSpec spec;
    private final RatePath rates;
    private final Timeline timeline;
    private final BalanceSheet books;
    private final OperationBook operations;
    private final NormalizedGaussianSampler forecastError;
    private final double[] rateHistory;
    private int observed;
    private double settledTodayBn;
    private double previousTargetBn = Double.NaN;
    private double errorBn;
    private double feedbackExcessBn = Double.NaN;

    public CentralBank(CentralBankSpec spec, RatePath rates, Timeline timeline, BalanceSheet books,
                       NormalizedGaussianSampler forecastError) {
        this.spec = spec;
        this.rates = rates;
        this.timeline = timeline;
        this.books = books;
        this.operations = new OperationBook(timeline.size());
        this.forecastError = forecastError;
        this.rateHistory = new double[spec.feedbackWindowDays() + 1];
    }

    /**
     * Opening stock of reverse repos, spread evenly over the business days of the first tenor,
     * as if the bank had injected the same amount every day before the run. Returns the
     * amount booked (the caller has already put it in reserves and claims).
     */
    public void openOutstanding(double outstandingBn) {
        if (outstandingBn == 0) {
            return;
        }
        int last = Math.min(timeline.maturityIndex(0, spec.tenorDays() - 1), timeline.size());
        int days = Math.max(1, last + 1);
        double each = outstandingBn / days;
        double rate = rates.policyPct(0);
        for (int k = 0; k < days; k++) {
            operations.book(k, each, each * rate / 100.0 * spec.tenorDays() / 365.0);
        }
    }

    public BalanceSheet books() {
        return books;
    }

    public double outstandingBn() {
        return operations.outstandingBn();
    }

    /** Morning: dealers repay the operations maturing today, with interest. */
    public void settle(int t, BankSector banks) {
        double principal = operations.principalDue(t);
        double interest = operations.interestDue(t);
        settledTodayBn = principal + interest;
        if (principal == 0 && interest == 0) {
            return;
        }
        banks.payDealers(-(principal + interest));
        books.addClaims(-principal);
        books.bookNetInterest(interest);
        operations.settle(t);
    }

    /**
     * Sizes and conducts today's operation. Banks must have posted today's demand schedules.
     *
     * @param forecastFlowBn          the day's forecastable autonomous flow into reserves (already landed)
     * @param unaccommodatedDemandBn  precautionary demand the central bank leaves to the market, bn
     * @return the amount injected (negative: drained through a repo)
     */
    public double operate(int t, BankSector banks, double forecastFlowBn, double unaccommodatedDemandBn) {
        // AR(1) forecast error with stationary sd forecastErrorSdBn.
        double rho = spec.forecastErrorPersistence();
        if (spec.forecastErrorSdBn() != 0) {
            errorBn = rho * errorBn + Math.sqrt(1 - rho * rho) * spec.forecastErrorSdBn() * forecastError.sample();
        }
        double error = errorBn;
        if (!spec.operationDays().isEmpty() && !spec.operationDays().contains(timeline.date(t).getDayOfWeek())) {
            return 0;
        }
        double supply = banks.postedSupplyBn();
        double forecastSupply = supply + error;
        double policy = rates.policyPct(t);
        double q;
        switch (spec.rule()) {
            case FORECAST_NEUTRAL:
                q = smoothed(plannedDemand(banks, policy + spec.targetSpreadBp() / 100.0) - unaccommodatedDemandBn,
                        forecastSupply, forecastFlowBn - settledTodayBn);
                break;
            case DEVIATION_FEEDBACK:
                if (Double.isNaN(feedbackExcessBn)) {
                    // Start from the excess reserves that put the rate at the policy rate.
                    feedbackExcessBn = banks.totalBn(policy) - unaccommodatedDemandBn - banks.totalRequired();
                }
                feedbackExcessBn += spec.feedbackGainBn() * Reaction.zScore(rateHistory, observed, spec.feedbackWindowDays());
                q = Reaction.toTarget(banks.totalRequired() + feedbackExcessBn, forecastSupply);
                break;
            case EXCESS_RESERVE_TARGET:
                q = smoothed(banks.totalRequired() + spec.excessReserveTargetBn(), forecastSupply,
                        forecastFlowBn - settledTodayBn);
                break;
            case FULL_ALLOTMENT:
                q = Reaction.toTarget(plannedDemand(banks, policy + spec.bidSpreadBp() / 100.0) - unaccommodatedDemandBn,
                        forecastSupply);
                q = Math.max(0, q);
                break;
            default:
                throw new IllegalStateException("unknown rule " + spec.rule());
        }
        if (q < 0 && !spec.allowDrain()) {
            q = 0;
        }
        if (!Double.isFinite(q)) {
            q = 0;
        }
        if (q != 0) {
            banks.payDealers(q);
            books.addClaims(q);
            double interest = q * policy / 100.0 * spec.tenorDays() / 365.0;
            operations.book(timeline.maturityIndex(t, spec.tenorDays()), q, interest);
        }
        return q;
    }

    /**
     * Demand the operation is sized against: banks' own schedules, including a period-end
     * catch-up under averaging (the central bank sees banks' reserve positions).
     */
    private double plannedDemand(BankSector banks, double ratePct) {
        return banks.totalBn(ratePct);
    }

    /**
     * Targeting with partial adjustment: offset today's known change in full (the morning's
     * flows and maturities, {@code morningChangeBn}, and the move of the target itself), and
     * close {@code adjustmentSpeed} of the gap inherited from yesterday.
     */
    private double smoothed(double targetBn, double forecastSupplyBn, double morningChangeBn) {
        double speed = spec.adjustmentSpeed();
        double previous = Double.isNaN(previousTargetBn) ? targetBn : previousTargetBn;
        previousTargetBn = targetBn;
        if (speed == 1) {
            return Reaction.toTarget(targetBn, forecastSupplyBn);
        }
        double inherited = previous - (forecastSupplyBn - morningChangeBn);
        return (targetBn - previous) - morningChangeBn + speed * inherited;
    }

    /** End of day: the central bank sees the day's fixing (for the deviation-feedback rule). */
    public void observe(double ratePct) {
        rateHistory[observed % rateHistory.length] = ratePct;
        observed++;
    }
}
