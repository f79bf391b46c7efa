package io.corridorsim.model;

import io.corridorsim.bank.BankSector;
import io.corridorsim.bank.MaturityLadder;
import io.corridorsim.calendar.Timeline;
import io.corridorsim.centralbank.RatePath;
import io.corridorsim.market.AggregateDemand;
import io.corridorsim.market.ShockFamily;

/**
 * The interbank market of one path (DOMAIN §5, {@code docs/term-segment.md}): two call auctions
 * a day. The overnight auction clears the banks' Poole schedules (closed form when every bank
 * shares one ceiling, no date cost falls on today's loans and the daily minimum is slack; the
 * numeric solver otherwise), with the banks shut out today out of the buying side and, on days
 * whose loans span a month or quarter end, an inaction band between what borrowers pay and what
 * lenders keep. The 7-day auction then clears the banks' term schedules around the compounded
 * overnight rate they expect over the loan's nights. Both fixings are the volume-weighted rates
 * of the day's trades of their tenor: one price per auction, so the clearing rate, or empty with
 * a reason when nothing traded.
 */
final class InterbankMarket {

    /** RiskMetrics' decay for the banks' estimate of the persistence of overnight deviations. */
    private static final double PERSISTENCE_DECAY = 0.94;
    /** Observations before the estimate replaces the prior. */
    private static final int PERSISTENCE_WARMUP = 10;
    /** How fast banks revise the share of a date cost borrowers pay, per date observed. */
    private static final double PASS_THROUGH_GAIN = 0.3;

    private final BankSector banks;
    private final RatePath rates;
    private final Timeline timeline;
    private final MarketSpec spec;
    private final TermSpec term;
    private final ModelSpec model;
    private final boolean averaging;
    private final double credibility;
    private final double anchorSpreadPct;
    /** The central bank's calendar prior of precautionary demand per unit intensity, bn: the part it supplies. */
    private final double priorBn;
    /** Per day, the standardised gap that puts the overnight rate at the central bank's anchor. */
    private final double[] anchorGap;
    /** Per day, the date cost of that day's overnight loans annualised over their nights, percent (0 on most days). */
    private final double[] wedgePct;

    private double overnightPct;
    /** Today's afternoon temporary operation with dealers (positive: a reverse repo), bn, and its rate. */
    private double temporaryBn;
    private double temporaryPct;
    private double termPct;
    private double volumeOnBn;
    private double volumeTermBn;
    private BankSector.TermEmpty termEmpty;

    // What banks learn from the fixings (public information).
    private double persistence;
    private double persistenceCov;
    private double persistenceVar;
    private int persistenceObs;
    private double lastDeviation;
    private double passThrough;
    private double lastFixingPct;

    InterbankMarket(ModelSpec model, BankSector banks) {
        this.model = model;
        this.banks = banks;
        this.rates = model.rates();
        this.timeline = model.timeline();
        this.spec = model.market();
        this.term = model.term();
        this.averaging = model.averaging().enabled();
        this.credibility = model.averaging().credibility();
        this.anchorSpreadPct = CorridorModel.anchorSpreadPct(model);
        this.priorBn = model.centralBank().precautionPriorBn();
        int days = timeline.size();
        this.anchorGap = new double[days];
        this.wedgePct = new double[days];
        Frictions f = term.frictions();
        for (int t = 0; t < days; t++) {
            anchorGap[t] = standardGap(t, rates.policyPct(t) + anchorSpreadPct);
            wedgePct[t] = dateCostBp(f, t, 1) / 100.0 * 365.0 / timeline.accrualDays(t);
        }
        reset();
    }

    /** Back to the state the constructor leaves (the next path of a reused model): nothing traded, nothing learned. */
    void reset() {
        overnightPct = Double.NaN;
        temporaryBn = 0;
        temporaryPct = Double.NaN;
        termPct = Double.NaN;
        volumeOnBn = 0;
        volumeTermBn = 0;
        termEmpty = BankSector.TermEmpty.SEGMENT_OFF;
        persistence = term.persistence();
        persistenceCov = 0;
        persistenceVar = 0;
        persistenceObs = 0;
        lastDeviation = Double.NaN;
        passThrough = 0.5;
        lastFixingPct = Double.NaN;
    }

    /** Lenders' date cost on a loan made on day t for {@code tenorDays}, bp of principal: the quarter end's if it spans one, else the month end's. */
    static double dateCostBp(Frictions f, Timeline tl, int t, int tenorDays) {
        if (!f.hasDateCosts()) {
            return 0;
        }
        if (tl.spansQuarterEnd(t, tenorDays)) {
            return f.quarterEndCostBp();
        }
        return tl.spansMonthEnd(t, tenorDays) ? f.monthEndCostBp() : 0;
    }

    private double dateCostBp(Frictions f, int t, int tenorDays) {
        return dateCostBp(f, timeline, t, tenorDays);
    }

    /**
     * Today's two auctions at today's supply (bn), after the shut-out draws ({@code uniforms}: one
     * per bank): the overnight rate, the 7-day auction, then the overnight trades booked.
     */
    void clear(int t, double supply, double[] uniforms) {
        banks.drawShutOuts(uniforms, term.frictions().shutOutProbability());
        double floor = rates.floorPct(t);
        double w = wedgePct[t];
        double shadow = Double.NaN;
        double q = Double.NaN;
        if (banks.commonCeiling() && !spec.forceNumeric()) {
            q = banks.clearingQuantile(supply);
            shadow = banks.rateAtQuantile(q);
            if (banks.dailyMinimumBinds(shadow)) {
                shadow = Double.NaN;
                q = Double.NaN;
            }
        }
        double rate = w == 0 ? shadow : Double.NaN;
        if (Double.isNaN(shadow)) {
            shadow = solve(supply, floor, 0);
        }
        if (Double.isNaN(rate)) {
            rate = solve(supply, floor, w);
        }
        // What today says about later nights: the rate without its date cost and without today's
        // shut-outs, which are drawn afresh each day (closed form where it applies).
        double shadowPct = !Double.isNaN(q) && banks.shutOutCount() > 0
                ? banks.rateAtQuantile((banks.sumTarget() - supply) / banks.sumDemandScale()) : shadow;
        temporaryBn = 0;
        temporaryPct = Double.NaN;
        double band = temporaryRatePct(t, rate);
        if (!Double.isNaN(band)) {
            // The afternoon temporary operation: dealers place with the central bank (or take
            // from it) at its fixed rate exactly what the market would otherwise trade beyond it,
            // so the market clears there.
            banks.forceExactHoldings();
            double amount = banks.overnightNetDemand(band, w);
            banks.allotToDealers(amount, null, 0, new BankSector.Allotment(MaturityLadder.Instrument.TEMPORARY_OVERNIGHT,
                    t + 1, band / 100.0 * timeline.accrualDays(t) / 365.0));
            temporaryBn = amount;
            temporaryPct = band;
            rate = band;
            shadowPct = band;
            q = Double.NaN;
        }
        overnightPct = rate;
        if (w == 0 && !Double.isNaN(q)) {
            banks.holdAtQuantile(q);
        } else {
            banks.forceExactHoldings();
            banks.overnightNetDemand(rate, w);
        }
        termPct = Double.NaN;
        volumeTermBn = 0;
        termEmpty = BankSector.TermEmpty.SEGMENT_OFF;
        if (term.enabled()) {
            int maturity = timeline.maturityIndex(t, term.tenorDays());
            int interestDays = interestDays(t, maturity);
            double expectedPct = expectedOvernightPct(t, rate, shadowPct, interestDays);
            termPct = banks.tradeTerm(new BankSector.TermDay(t, maturity, interestDays, expectedPct, rates.ceilingPct(t),
                    rates.ceiling7dPct(t), term.frictions().shutOutProbability()));
            termEmpty = banks.lastTermEmpty();
        }
        volumeOnBn = banks.bookTrades(t, rate, rates.ceilingPct(t), timeline.accrualDays(t));
        volumeTermBn = banks.lastTermVolume();
        if (!Double.isNaN(termPct) && !(volumeTermBn > 0)) {
            // The auction cleared but nothing changed hands: no trade, no fixing.
            termPct = Double.NaN;
            termEmpty = BankSector.TermEmpty.NO_POSITIONS;
        }
        learn(t, rate, w);
    }

    /**
     * The rate of the afternoon temporary operation the day's market calls for (DOMAIN §3.3, since
     * 2024-07): the repo rate (policy − 20bp) when the overnight rate would clear below it, the
     * reverse repo rate (policy + 50bp) when above; NaN when inside, or when the central bank does
     * not run them. A pure function of the observed rate and its own policy rates.
     */
    private double temporaryRatePct(int t, double ratePct) {
        io.corridorsim.centralbank.Toolkit.TemporaryOperations tmp = model.centralBank().toolkit().temporary();
        if (tmp == null || !tmp.activeOn(t)) {
            return Double.NaN;
        }
        double policy = rates.policyPct(t);
        double low = policy + tmp.repoSpreadBp() / 100.0;
        double high = policy + tmp.reverseRepoSpreadBp() / 100.0;
        if (ratePct < low - 1e-9) {
            return low;
        }
        if (ratePct > high + 1e-9) {
            return high;
        }
        return Double.NaN;
    }

    /** Today's temporary operation (positive: reverse repo, injects; negative: repo, drains), bn. */
    double temporaryBn() {
        return temporaryBn;
    }

    /** Its rate, percent (NaN when none ran). */
    double temporaryPct() {
        return temporaryPct;
    }

    /**
     * The numeric overnight auction: the rate in [floor, highest ceiling] where the market's net
     * demand ({@link BankSector#overnightNetDemand}) is zero. Holdings are exact: the daily
     * minimum is taken into account bank by bank.
     */
    private double solve(double supply, double floor, double wedge) {
        banks.forceExactHoldings();
        AggregateDemand demand = r -> supply + banks.overnightNetDemand(r, wedge);
        return spec.solver().clear(demand, supply, floor, banks.maxCeilingPct(), spec.tolerancePct());
    }

    /** Calendar days from date(t) to the repayment day (the tenor when that falls after the run). */
    private int interestDays(int t, int maturity) {
        if (maturity >= timeline.size()) {
            return term.tenorDays();
        }
        return (int) (timeline.date(maturity).toEpochDay() - timeline.date(t).toEpochDay());
    }

    /**
     * r̄: the overnight rates banks expect over the loan's nights, compounded and annualised
     * (ACT/365). Tonight's is today's fixing. Later nights:
     * <ul>
     *   <li>under averaging, in today's maintenance period, today's rate without its date cost
     *   (the martingale, DOMAIN §3.1); in the next period, the central bank's target mixed with
     *   today's rate by the credibility banks give it;</li>
     *   <li>without averaging, the Poole curve at the central bank's anchor, plus today's deviation
     *   decayed at the persistence banks have learned, plus the demand shift known for that date;</li>
     *   <li>on a night whose loans span a month or quarter end, plus the share of the date cost
     *   borrowers have been seen to pay (learned from past fixings), never above the ceiling.</li>
     * </ul>
     */
    double expectedOvernightPct(int t, double ratePct, double shadowPct, int interestDays) {
        ShockFamily family = banks.family();
        double shiftPerUnit = shiftPerUnit();
        double deviation = averaging ? 0 : deviation(t, shadowPct);
        int last = timeline.size() - 1;
        int period = averaging ? timeline.maintenancePeriod(t) : 0;
        double growth = 1;
        int covered = 0;
        double decay = 1;
        int k = t;
        while (covered < interestDays) {
            int day = Math.min(k, last);
            double r;
            if (k == t) {
                r = ratePct;
            } else {
                decay *= persistence;
                if (averaging) {
                    r = timeline.maintenancePeriod(day) == period ? shadowPct
                            : credibility * (rates.policyPct(day) + anchorSpreadPct) + (1 - credibility) * shadowPct;
                } else {
                    double z = anchorGap[day] + decay * deviation + shiftPerUnit * model.precaution(day);
                    double f = rates.floorPct(day);
                    r = f + (rates.ceilingPct(day) - f) * family.cdf(z);
                }
                if (k <= last && wedgePct[k] > 0) {
                    r = Math.min(r + passThrough * wedgePct[k], rates.ceilingPct(day) + banks.maxStigmaPct());
                }
            }
            int d = k <= last ? timeline.accrualDays(k) : 1;
            d = Math.min(d, interestDays - covered);
            growth *= 1 + r / 100.0 * d / 365.0;
            covered += d;
            k++;
        }
        return (growth - 1) * 36500.0 / interestDays;
    }

    /**
     * What banks learn from today's fixing: the persistence of the overnight deviation from the
     * anchor (exponentially weighted lag-1 moments, days without a date cost), and on a day with a
     * date cost, the share of it borrowers paid (the fixing's rise over yesterday's).
     */
    private void learn(int t, double ratePct, double wedge) {
        if (wedge > 0) {
            if (!Double.isNaN(lastFixingPct)) {
                double share = Math.min(1, Math.max(0, (ratePct - lastFixingPct) / wedge));
                passThrough += PASS_THROUGH_GAIN * (share - passThrough);
            }
            lastDeviation = Double.NaN;
        } else {
            if (!averaging) {
                double dev = deviation(t, ratePct);
                if (!Double.isNaN(lastDeviation)) {
                    persistenceCov = PERSISTENCE_DECAY * persistenceCov + (1 - PERSISTENCE_DECAY) * dev * lastDeviation;
                    persistenceVar = PERSISTENCE_DECAY * persistenceVar + (1 - PERSISTENCE_DECAY) * lastDeviation * lastDeviation;
                    if (++persistenceObs >= PERSISTENCE_WARMUP && persistenceVar > 0) {
                        persistence = Math.min(1, Math.max(0, persistenceCov / persistenceVar));
                    }
                }
                lastDeviation = dev;
            }
            lastFixingPct = ratePct;
        }
    }

    /** Demand banks add per unit of precautionary intensity beyond the central bank's prior of it, in units of the demand scale. */
    private double shiftPerUnit() {
        return Math.max(0, banks.sumBuffer() - priorBn) / banks.sumDemandScale();
    }

    /** How far a rate on day t lies from the central bank's anchor, in standardised gap, the known demand shift taken out. */
    private double deviation(int t, double ratePct) {
        return standardGap(t, ratePct) - anchorGap[t] - shiftPerUnit() * model.precaution(t);
    }

    /** The standardised gap F⁻¹((r − f)/(c − f)) that puts the overnight rate at r on day t. */
    private double standardGap(int t, double ratePct) {
        double f = rates.floorPct(t);
        double p = (ratePct - f) / (rates.ceilingPct(t) - f);
        p = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
        return banks.family().quantile(p);
    }

    /** The date cost of day t's overnight loans, annualised over their nights, percent. */
    double wedgePct(int t) {
        return wedgePct[t];
    }

    double overnightPct() {
        return overnightPct;
    }

    /** DR007: NaN when nothing traded ({@link #termEmpty()} says why). */
    double termPct() {
        return termPct;
    }

    BankSector.TermEmpty termEmpty() {
        return termEmpty;
    }

    double volumeOnBn() {
        return volumeOnBn;
    }

    double volumeTermBn() {
        return volumeTermBn;
    }
}
