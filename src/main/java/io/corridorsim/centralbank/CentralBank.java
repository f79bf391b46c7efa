package io.corridorsim.centralbank;

import io.corridorsim.calendar.Timeline;
import io.corridorsim.market.ShockFamily;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The PBoC agent of one path. It keeps its own books and its own claims by maturity, forms
 * each morning its {@link CentralBankView} (what it knows: its balance sheet, the calendar, a
 * forecast of the day's autonomous flows, reported requirements, past fixings, its own
 * estimate of demand), sizes the day's 7-day reverse repo by its {@link ReactionRule}, and at
 * the close learns its demand estimate from the fixing. It never reads a bank: the model books
 * the cash legs on the dealers' side.
 *
 * <p>Random streams: one normal draw a day for the flow forecast error and one for the error of
 * its precautionary prior, whatever the parameters, so common random numbers hold across scenarios.
 */
public final class CentralBank {

    private final CentralBankSpec spec;
    private final RatePath rates;
    private final Timeline timeline;
    private final BalanceSheet books;
    /** Its operations outstanding, one book per facility (by ordinal). */
    private final OperationBook[] operations;
    /** Per facility, what the morning's settlement brought back: principal, and principal plus interest. */
    private final double[] settledPrincipalBn = new double[FACILITIES.length];
    private final double[] settledBn = new double[FACILITIES.length];
    /** Per facility, the terms of its last announced operation (rollovers reuse them). */
    private final ScheduledOperation[] lastTerms = new ScheduledOperation[FACILITIES.length];
    private int scheduledCursor;
    /** What its announced operations allotted this morning (its own books, known before it sizes the daily one). */
    private double todayScheduledBn;
    /** What its afternoon temporary operation injected (negative: drained) today. */
    private double todayTemporaryBn;
    private static final Facility[] FACILITIES = Facility.values();
    private NormalizedGaussianSampler forecastError;
    private NormalizedGaussianSampler priorError;
    private final ShockFamily family;
    private final FixingHistory fixings;

    private double reservesAtCloseBn;
    private double reportedRequiredBn;
    private double estimateBn;
    private double feedbackLevelBn;
    private double claimsDueTodayBn;
    /** Reserve-days held so far in the current maintenance period (its own books), for averaging. */
    private double heldBnDays;

    private CentralBankView today;
    private double todayErrorBn;
    private double todayAllottedBn;
    /** What the SLF lent this morning to banks shut out of the market (its own books). */
    private double todayMorningStandingBn;
    /** Its expectation of that lending (exponentially weighted average of its own books) and the one used today. */
    private double expectedMorningStandingBn;
    private double expectedMorningStandingTodayBn;
    /** RiskMetrics' decay for that average. */
    private static final double STANDING_DECAY = 0.94;

    /** The central bank's random sources: one normal draw a day each. */
    public record Streams(NormalizedGaussianSampler forecastError, NormalizedGaussianSampler priorError) {
    }

    /** What it operates in: its parameters, the rates it sets, the calendar, the shock family of its demand model. */
    public record Setting(CentralBankSpec spec, RatePath rates, Timeline timeline, ShockFamily family) {
    }

    /**
     * @param books             its balance sheet, opened
     * @param openingRequiredBn required reserves as reported when the run opens
     */
    public CentralBank(Setting setting, BalanceSheet books, Streams streams, double openingRequiredBn) {
        CentralBankSpec spec = setting.spec();
        ShockFamily family = setting.family();
        this.spec = spec;
        this.rates = setting.rates();
        this.timeline = setting.timeline();
        this.books = books;
        this.operations = new OperationBook[FACILITIES.length];
        for (int k = 0; k < FACILITIES.length; k++) {
            operations[k] = new OperationBook(timeline.size());
        }
        this.family = family;
        int window = spec.rule() instanceof ReactionRule.DeviationFeedback d ? d.windowDays() : 1;
        this.fixings = new FixingHistory(window + 1);
        reset(streams, openingRequiredBn);
    }

    /**
     * Back to the state the constructor leaves, for the next path of a reused model, drawing from
     * that path's streams: no operation outstanding, nothing observed, its opening estimate. Its
     * books are the model's to open again.
     */
    public void reset(Streams streams, double openingRequiredBn) {
        for (OperationBook book : operations) {
            book.clear();
        }
        java.util.Arrays.fill(settledPrincipalBn, 0);
        java.util.Arrays.fill(settledBn, 0);
        java.util.Arrays.fill(lastTerms, null);
        fixings.clear();
        this.forecastError = streams.forecastError();
        this.priorError = streams.priorError();
        scheduledCursor = 0;
        todayScheduledBn = 0;
        todayTemporaryBn = 0;
        reservesAtCloseBn = 0;
        this.reportedRequiredBn = openingRequiredBn;
        this.estimateBn = spec.initialEstimateBn();
        this.feedbackLevelBn = Double.NaN;
        claimsDueTodayBn = 0;
        heldBnDays = 0;
        today = null;
        todayErrorBn = 0;
        todayAllottedBn = 0;
        todayMorningStandingBn = 0;
        expectedMorningStandingBn = 0;
        expectedMorningStandingTodayBn = 0;
    }

    /** The books are open (opening operations booked): the opening reserves are the first "yesterday's close". */
    public void markOpen() {
        reservesAtCloseBn = books.reservesBn();
    }

    public BalanceSheet books() {
        return books;
    }

    public CentralBankSpec spec() {
        return spec;
    }

    /** Reverse repos (7- and 14-day) outstanding, bn. */
    public double outstandingBn() {
        return outstandingBn(Facility.REVERSE_REPO);
    }

    /** Operations outstanding on facility f, bn (negative: it owes dealers, after a repo). */
    public double outstandingBn(Facility f) {
        return operations[f.ordinal()].outstandingBn();
    }

    /** Books a reverse repo (negative: a repo) on its side: the claim and what it brings back at maturity. */
    public void bookOperation(int maturityIndex, double principalBn, double interestBn) {
        book(Facility.REVERSE_REPO, maturityIndex, principalBn, interestBn);
    }

    /** Books an operation on facility f (negative principal: it borrows from dealers): the claim and what it brings back. */
    public void book(Facility f, int maturityIndex, double principalBn, double interestBn) {
        books.addClaims(principalBn);
        operations[f.ordinal()].book(maturityIndex, principalBn, interestBn);
    }

    /**
     * Morning: every operation maturing today comes back with interest, facility by facility
     * ({@link #settledBn(Facility)}). Returns principal plus interest over all of them.
     */
    public double settleOperations(int t) {
        double total = 0;
        for (int k = 0; k < FACILITIES.length; k++) {
            OperationBook book = operations[k];
            double principal = book.principalDue(t);
            double interest = book.interestDue(t);
            book.settle(t);
            books.addClaims(-principal);
            books.bookNetInterest(interest);
            settledPrincipalBn[k] = principal;
            settledBn[k] = principal + interest;
            total += principal + interest;
        }
        claimsDueTodayBn = total;
        todayScheduledBn = 0;
        todayTemporaryBn = 0;
        return total;
    }

    /** What facility f brought back at the last {@link #settleOperations}, principal plus interest. */
    public double settledBn(Facility f) {
        return settledBn[f.ordinal()];
    }

    /**
     * Today's announced operations (its calendar), then its rollovers: the shares of this
     * morning's maturing MLF and outright reverse repos it offers again, on the last terms of
     * that facility (a year's MLF, a three-month outright rate tender when none has been seen).
     * Call after {@link #settleOperations}.
     */
    public java.util.List<ScheduledOperation> operationsToday(int t) {
        Toolkit kit = spec.toolkit();
        java.util.List<ScheduledOperation> all = kit.scheduled();
        while (scheduledCursor < all.size() && all.get(scheduledCursor).day() < t) {
            scheduledCursor++;
        }
        boolean announced = scheduledCursor < all.size() && all.get(scheduledCursor).day() == t;
        boolean rolls = kit.mlfRollover() > 0 && settledPrincipalBn[Facility.MLF.ordinal()] > 0
                || kit.outrightRollover() > 0 && settledPrincipalBn[Facility.OUTRIGHT_REVERSE_REPO.ordinal()] > 0;
        if (!announced && !rolls) {
            return java.util.List.of(); // most days: nothing to allocate
        }
        java.util.List<ScheduledOperation> today = new java.util.ArrayList<>(2);
        while (scheduledCursor < all.size() && all.get(scheduledCursor).day() == t) {
            ScheduledOperation o = all.get(scheduledCursor++);
            today.add(o);
            lastTerms[o.facility().ordinal()] = o;
        }
        rollover(t, Facility.MLF, kit.mlfRollover(), 365, today);
        rollover(t, Facility.OUTRIGHT_REVERSE_REPO, kit.outrightRollover(), 91, today);
        return today;
    }

    private void rollover(int t, Facility f, double share, int defaultTenorDays, java.util.List<ScheduledOperation> out) {
        double maturing = settledPrincipalBn[f.ordinal()];
        if (share <= 0 || !(maturing > 0)) {
            return;
        }
        ScheduledOperation terms = lastTerms[f.ordinal()];
        if (terms == null) {
            terms = new ScheduledOperation(t, f, defaultTenorDays, 0, Double.NaN, ScheduledOperation.Pricing.MULTIPLE, Double.NaN);
        }
        out.add(terms.rolled(t, share * maturing));
    }

    /** An announced operation allotted this morning (its own books: it knows the amount before it sizes the daily operation). */
    public void recordScheduled(double allottedBn) {
        todayScheduledBn += allottedBn;
    }

    /**
     * Afternoon: the temporary overnight operation the market called for (positive: a reverse
     * repo, negative: a repo), booked at {@code ratePct} until the next business day.
     */
    public void bookTemporary(int maturityIndex, double amountBn, double ratePct, int accrualDays) {
        if (amountBn == 0) {
            return;
        }
        book(Facility.TEMPORARY_OVERNIGHT, maturityIndex, amountBn, amountBn * ratePct / 100.0 * accrualDays / 365.0);
        todayTemporaryBn += amountBn;
    }

    /** On a remittance day: the year's positive profit goes to the treasury's account. Returns what was remitted. */
    public double remitProfitIfDue(int t) {
        return spec.toolkit().remitsOn(t) ? books.remitProfit() : 0;
    }

    /** Morning: last night's SLF comes back with interest. */
    public void settleStandingFacility(double principalBn, double interestBn) {
        books.addClaims(-principalBn);
        books.bookNetInterest(interestBn);
        claimsDueTodayBn += principalBn + interestBn;
    }

    /** End of day: the SLF lends to banks short of their minimum. */
    public void lendStandingFacility(double principalBn) {
        books.addClaims(principalBn);
    }

    /** Morning: the SLF lends to banks shut out of the interbank market with a need (it knows its own lending). */
    public void lendStandingFacilityBeforeMarket(double principalBn) {
        books.addClaims(principalBn);
        todayMorningStandingBn += principalBn;
    }

    /** The statistical report of required reserves at a ten-day period end, or a requirement it changed itself. */
    public void receiveRequiredReport(double requiredBn) {
        reportedRequiredBn = requiredBn;
    }

    /**
     * Morning: forms today's view. Draws its forecast error and its prior error (one draw each,
     * every day).
     *
     * @param calendarFlowBn     the morning's forecastable autonomous flow (the treasury's plans, the calendar)
     * @param precautionIntensity the calendar's precautionary intensity today (0 on ordinary days)
     */
    public CentralBankView view(int t, double calendarFlowBn, double precautionIntensity) {
        return view(t, calendarFlowBn, precautionIntensity, null);
    }

    /**
     * As {@link #view(int, double, double)} under reserve averaging.
     *
     * @param period the period's calendar (its held reserve-days are filled in from its own books); null without averaging
     */
    public CentralBankView view(int t, double calendarFlowBn, double precautionIntensity, PeriodView period) {
        PeriodView p = period == null ? null : new PeriodView(period.lengthDays(), period.remainingDays(),
                period.lastDayWeight(), period.newsVariance(), heldBnDays, period.credibility());
        double e = forecastError.sample();
        double u = priorError.sample();
        todayErrorBn = e * (spec.forecastErrorSdBn() + spec.forecastErrorShareOfFlow() * Math.abs(calendarFlowBn));
        double prior = spec.precautionPriorBn() * precautionIntensity
                * Math.max(0, 1 + spec.precautionPriorErrorShare() * u);
        boolean operates = spec.operationDays().isEmpty() || spec.operationDays().contains(timeline.date(t).getDayOfWeek());
        // Its forecast of the morning's flows includes what it expects its SLF to lend banks shut out
        // of the market before the market opens: the average of its recent such lending (own books).
        expectedMorningStandingTodayBn = expectedMorningStandingBn;
        CentralBankView v = new CentralBankView(t, rates.policyPct(t), rates.floorPct(t), rates.ceilingPct(t), operates,
                reservesAtCloseBn, claimsDueTodayBn,
                calendarFlowBn + todayErrorBn + expectedMorningStandingTodayBn + todayScheduledBn,
                reportedRequiredBn, prior,
                estimateBn, spec.demandScaleBn(), feedbackLevelBn, fixings, family, p);
        if (Double.isNaN(estimateBn) || Double.isNaN(feedbackLevelBn)) {
            v = opening(v);
        }
        today = v;
        return v;
    }

    /** First morning: an estimate inferred from the opening (taken to sit at its target) and the feedback level at policy. */
    private CentralBankView opening(CentralBankView v) {
        if (Double.isNaN(estimateBn)) {
            double excess = v.reservesAtCloseBn() - v.reportedRequiredBn() - v.priorShiftBn();
            estimateBn = excess + v.demandScaleBn() * DemandModel.standardGap(v, spec.rule().targetPct(v));
            if (v.period() != null) {
                // As if the period so far had been held at the same level.
                heldBnDays = v.reservesAtCloseBn() * (v.period().lengthDays() - v.period().remainingDays());
            }
        }
        feedbackLevelBn = estimateBn - v.demandScaleBn() * DemandModel.standardGap(v, v.policyPct());
        return new CentralBankView(v.day(), v.policyPct(), v.floorPct(), v.ceilingPct(), v.operationDay(),
                v.reservesAtCloseBn(), v.claimsDueTodayBn(), v.forecastFlowBn(), v.reportedRequiredBn(), v.priorShiftBn(),
                estimateBn, v.demandScaleBn(), feedbackLevelBn, fixings, family,
                v.period() == null ? null : new PeriodView(v.period().lengthDays(), v.period().remainingDays(),
                        v.period().lastDayWeight(), v.period().newsVariance(), heldBnDays, v.period().credibility()));
    }

    /**
     * Conducts today's operation: the rule's offer, capped by dealers' total bids when the rule
     * is a tender; a negative offer is a drain (executed only when drains are allowed). Books
     * its side and returns the amount allotted (negative: drained).
     *
     * @param bidsBn dealers' total bids at the fixed rate (what an auction shows a central bank)
     */
    public double operate(CentralBankView v, double bidsBn) {
        ReactionRule rule = spec.rule();
        if (rule instanceof ReactionRule.DeviationFeedback d) {
            feedbackLevelBn = d.levelBn(v);
        }
        double q = allotment(rule, v, bidsBn, spec.allowDrain());
        if (q != 0) {
            double interest = q * v.policyPct() / 100.0 * spec.tenorDays() / 365.0;
            bookOperation(timeline.maturityIndex(v.day(), spec.tenorDays()), q, interest);
        }
        todayAllottedBn = q;
        todayMorningStandingBn = 0;
        return q;
    }

    /** What is allotted for an offer: nothing on a non-operation day; a drain only if allowed; a tender capped by bids. */
    static double allotment(ReactionRule rule, CentralBankView v, double bidsBn, boolean allowDrain) {
        if (!v.operationDay()) {
            return 0;
        }
        double offer = rule.offerBn(v);
        if (Double.isNaN(offer)) {
            return 0;
        }
        if (offer < 0) {
            return allowDrain ? offer : 0;
        }
        return rule.rationedByBids() ? Math.min(offer, Math.max(0, bidsBn)) : offer;
    }

    /**
     * Close: it sees the day's fixings and its own books. The morning's flows are on its books
     * now, so it knows the supply the market cleared at; its demand estimate moves
     * {@code learningGain} of the way to the level that explains the overnight fixing.
     *
     * @param overnightPct the overnight fixing (learning)
     * @param feedbackPct  the fixing the deviation-feedback rule watches (DR007 where traded)
     */
    public void close(double overnightPct, double feedbackPct) {
        close(overnightPct, feedbackPct, true);
    }

    /**
     * As {@link #close(double, double)}; {@code informative} false on a day whose overnight fixing
     * carries lenders' date cost (a month or quarter end falls on its loans: public calendar), which
     * its demand model does not describe, so it does not learn from it.
     */
    public void close(double overnightPct, double feedbackPct, boolean informative) {
        // The market cleared the supply plus what the SLF lent banks shut out of it this morning:
        // their demand was met there, at the market's rate or not.
        double cleared = today.forecastSupplyBn() - todayErrorBn + todayAllottedBn
                + todayMorningStandingBn - expectedMorningStandingTodayBn + todayTemporaryBn;
        expectedMorningStandingBn = STANDING_DECAY * expectedMorningStandingBn + (1 - STANDING_DECAY) * todayMorningStandingBn;
        if (informative && Double.isFinite(overnightPct)) {
            double implied = DemandModel.impliedEstimateBn(today, cleared, overnightPct, spec.rule().targetPct(today));
            estimateBn = DemandModel.learn(estimateBn, implied, spec.learningGain() * informativeness(today));
        }
        fixings.add(feedbackPct);
        reservesAtCloseBn = books.reservesBn();
        claimsDueTodayBn = 0;
        if (today.period() != null) {
            // Its books give the day's total reserves; the calendar how many days they count, and where.
            int t = today.day();
            int weight = timeline.periodWeight(t);
            heldBnDays = timeline.isPeriodEnd(t) ? reservesAtCloseBn * (timeline.accrualDays(t) - weight)
                    : heldBnDays + reservesAtCloseBn * weight;
        }
    }

    /**
     * How much a fixing says about demand, relative to a day without averaging: before a period's
     * last day the fixing moves only by the share 1 − p banks leave to the period's own position
     * (p, their credibility in its period-end operation), so inverting it magnifies every error by
     * 1/(1 − p); it learns from it with its gain scaled by 1 − p.
     */
    static double informativeness(CentralBankView v) {
        PeriodView p = v.period();
        if (p == null || p.remainingDays() == p.lastDayWeight()) {
            return 1;
        }
        return 1 - p.credibility();
    }

    /** Its current estimate of the excess reserves at the corridor midpoint, bn. */
    public double demandEstimateBn() {
        return estimateBn;
    }
}
