package io.corridorsim.bank;

import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

import io.corridorsim.market.AggregateDemand;
import io.corridorsim.market.NormalDist;
import io.corridorsim.market.ShockFamily;

/**
 * Every bank of one Monte Carlo path, held as parallel arrays (structure of arrays) so the
 * day's loops over banks are tight and allocation-free. Bank i is the agent at index i: its
 * parameters ({@link BankProfile}), its state (reserves, overnight positions, averaging
 * account) and its decision rule (Poole demand, {@link #holding}) all live here.
 *
 * <p>Amounts are bn CNY, rates percent per annum, interest ACT/365.
 */
public final class BankSector implements AggregateDemand {

    private final int n;
    private final BankProfile[] profiles;

    // parameters
    private final double[] deposits;
    private final double[] ratioPct;
    private final double[] sigma;
    private final double[] mu;
    private final double[] stigmaPct;
    private final double[] buffer;
    private final double[] working;
    private final boolean[] dealer;
    private final double[] dealerShare;
    private final double[] depositShare;
    /** a_i = σ_i² / Σσ²: bank i's share of the aggregate late surprise, which keeps its shock variance σ_i². */
    private final double[] surpriseWeight;
    private final double sumSigmaSq;
    private final double sumBuffer;
    private final double sumMu;

    // state
    private final double[] reserves;
    private final double[] required;
    private final double[] periodHeld;
    private final double[] target;
    private final double[] demandScale;
    private final double[] ceilingPct;
    private final double[] z;
    /** Late payments drawn by {@link #drawLateShocks}, settled at the next {@link #endOfDay}: Σ σ_i Z_i and A. */
    private boolean shocksPending;
    private double pendingOwnShocks;
    private double pendingAggregate;
    private double lastPaymentNet;
    private double closingReserves;
    /** Standard deviation of each bank's total late shock (own payments plus its share of the surprise). */
    private final double[] effSigma;
    /** Each bank's net borrowing (negative: lending) in yesterday's overnight market: what a dealer expects to do again today. */
    private final double[] borrowedYesterday;
    /** Every bank's positions by settlement day: overnight interbank loans, the SLF, the central bank's repos. */
    private MaturityLadder ladder;
    private final double[] settledBn = new double[MaturityLadder.instrumentCount()];
    private final double[] settledPrincipalBn = new double[MaturityLadder.instrumentCount()];
    private double aggregateVariance;
    private double sumEffSigma;
    /** Under averaging, each bank's daily minimum K_i − allowance · D_i, below which it goes to the SLF tonight. */
    private final double[] dailyMin;
    private boolean minimumActive;
    /** Today the daily minimum binds for some bank at the clearing rate: the schedules have a kink and clear numerically. */
    private boolean minimumBinds;

    private double sumTarget;
    private double sumScale;
    private double totalRequired;
    private double totalDeposits;
    private double postedSupply;
    private double damping;
    private double anchorPct;
    private double averagingAllowance;
    private double lastInterbankNet;
    private double lastInterestPaid;
    private int lastShortCount;
    private double floorPct;
    private boolean commonCeiling;

    private final ShockFamily family;

    /** The 7-day auction's quantile stays within ±3: beyond it one side's interest is exhausted and the other is rationed. */
    static final double TERM_QUANTILE_BOUND = 3;

    // the day's market: shut-outs, holdings, the 7-day auction's working arrays
    private final boolean[] shutOut;
    private final int[] shutOutList;
    private int shutOutCount;
    /** Each bank's overnight holding at today's clearing rate ({@link #overnightNetDemand}). */
    private final double[] held;
    /** Each bank's overnight trade at the last booking. */
    private final double[] onTrade;
    /** Today's bounds on each bank's 7-day trade: its position (need or surplus; 0 to borrow when shut out). */
    private final double[] termLo;
    private final double[] termHi;
    /** Ladder offsets of the central bank's operations settling after the 7-day horizon. */
    private final int[] laterSlots = new int[64];
    private final double[] termNeed;
    /** Each bank's sd of its need over the 7-day horizon, set by {@link #tradeTerm}. */
    private final double[] termSd;
    /** Banks grouped by stigma: one quantile per group per step of the 7-day auction. */
    private final int[] group;
    private final int groups;
    private final double[] groupStigmaPct;
    private final double[] groupA;
    private final double[] groupG;
    private final double minStigmaPct;
    private final double maxStigmaPct;
    /** Per stigma group, today's effective ceiling (the SLF rate plus its stigma): the ceilingPct of each of its banks. */
    private final double[] groupCeilingPct;
    /** The schedules' quantiles at a market rate, one per stigma group: the numeric auction's buying and selling sides. */
    private final RateQuantiles atRate;
    private final RateQuantiles atLenderRate;
    private double lastTermVolume;
    private double lastOvernightVolume;
    /** NaN, or the quantile at which today's holdings are target_i − scale_i·q (not yet filled). */
    private double heldQuantile;
    /** The overnight market's net demand at the clearing rate (solver tolerance) and the demand scale of the banks in it. */
    private double onResidual;
    private double onScaleIn;
    private boolean termTraded;
    /** Σ x at the common quantile {@link #thetaCommon} settled on (≈ 0 unless one side is exhausted). */
    private double termExcessCommon;
    /** √((m + 1)/2): a bank's need over the loan's horizon has sd effSigma_i times this. */
    private double termHorizonSd;
    private double termBorrowFactor;
    private double termLendFactor;
    private int termMaturity;
    private double termInterestFactor;
    private double lastTermNet;
    private TermEmpty lastTermEmpty;
    private double lastShutOutSlf;

    public BankSector(BankProfile[] profiles, ShockFamily family) {
        this.n = profiles.length;
        if (n == 0) {
            throw new IllegalArgumentException("a bank sector needs at least one bank");
        }
        this.profiles = profiles.clone();
        this.family = family;
        deposits = new double[n];
        ratioPct = new double[n];
        sigma = new double[n];
        mu = new double[n];
        stigmaPct = new double[n];
        buffer = new double[n];
        working = new double[n];
        dealer = new boolean[n];
        dealerShare = new double[n];
        depositShare = new double[n];
        surpriseWeight = new double[n];
        reserves = new double[n];
        required = new double[n];
        periodHeld = new double[n];
        target = new double[n];
        demandScale = new double[n];
        ceilingPct = new double[n];
        z = new double[n];
        effSigma = new double[n];
        borrowedYesterday = new double[n];
        dailyMin = new double[n];
        shutOut = new boolean[n];
        shutOutList = new int[n];
        held = new double[n];
        onTrade = new double[n];
        termLo = new double[n];
        termHi = new double[n];
        termNeed = new double[n];
        termSd = new double[n];
        group = new int[n];
        double[] stigmas = new double[n];
        int g = 0;
        double minStigma = Double.POSITIVE_INFINITY;
        double maxStigma = 0;
        for (int i = 0; i < n; i++) {
            double s = profiles[i].stigmaBp() / 100.0;
            minStigma = Math.min(minStigma, s);
            maxStigma = Math.max(maxStigma, s);
            int k = 0;
            while (k < g && stigmas[k] != s) {
                k++;
            }
            if (k == g) {
                stigmas[g++] = s;
            }
            group[i] = k;
        }
        groups = g;
        groupStigmaPct = java.util.Arrays.copyOf(stigmas, g);
        groupA = new double[g];
        groupG = new double[g];
        groupCeilingPct = new double[g];
        atRate = new RateQuantiles(g);
        atLenderRate = new RateQuantiles(g);
        minStigmaPct = minStigma;
        maxStigmaPct = maxStigma;
        double dealerDeposits = 0;
        double totalDeposits = 0;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            BankProfile p = profiles[i];
            deposits[i] = p.depositsBn();
            ratioPct[i] = p.reserveRatioPct();
            sigma[i] = p.shockSigmaBn();
            mu[i] = p.shockMeanBn();
            stigmaPct[i] = p.stigmaBp() / 100.0;
            buffer[i] = p.bufferBn();
            working[i] = p.workingBalanceBn();
            dealer[i] = p.dealer();
            totalDeposits += deposits[i];
            if (dealer[i]) {
                dealerDeposits += deposits[i];
            }
            s2 += sigma[i] * sigma[i];
        }
        if (dealerDeposits <= 0) {
            throw new IllegalArgumentException("at least one bank must be a primary dealer");
        }
        sumSigmaSq = s2;
        double sb = 0;
        double sm = 0;
        for (int i = 0; i < n; i++) {
            sb += buffer[i];
            sm += mu[i];
        }
        sumBuffer = sb;
        sumMu = sm;
        for (int i = 0; i < n; i++) {
            dealerShare[i] = dealer[i] ? deposits[i] / dealerDeposits : 0;
            depositShare[i] = deposits[i] / totalDeposits;
            surpriseWeight[i] = sigma[i] * sigma[i] / s2;
        }
        reset();
    }

    /**
     * Back to the state the constructor leaves, for the next path of a reused model: every
     * balance, position, ratio and working array as new, the ladder emptied (its rings kept).
     * The banks' parameters do not change between paths and are kept.
     */
    public void reset() {
        for (int i = 0; i < n; i++) {
            ratioPct[i] = profiles[i].reserveRatioPct();
        }
        java.util.Arrays.fill(reserves, 0);
        java.util.Arrays.fill(periodHeld, 0);
        java.util.Arrays.fill(target, 0);
        java.util.Arrays.fill(demandScale, 0);
        java.util.Arrays.fill(ceilingPct, 0);
        java.util.Arrays.fill(z, 0);
        java.util.Arrays.fill(effSigma, 0);
        java.util.Arrays.fill(borrowedYesterday, 0);
        java.util.Arrays.fill(dailyMin, 0);
        java.util.Arrays.fill(shutOut, false);
        java.util.Arrays.fill(shutOutList, 0);
        java.util.Arrays.fill(held, 0);
        java.util.Arrays.fill(onTrade, 0);
        java.util.Arrays.fill(termLo, 0);
        java.util.Arrays.fill(termHi, 0);
        java.util.Arrays.fill(termNeed, 0);
        java.util.Arrays.fill(termSd, 0);
        java.util.Arrays.fill(groupA, 0);
        java.util.Arrays.fill(groupG, 0);
        java.util.Arrays.fill(groupCeilingPct, 0);
        java.util.Arrays.fill(laterSlots, 0);
        java.util.Arrays.fill(settledBn, 0);
        java.util.Arrays.fill(settledPrincipalBn, 0);
        if (ladder == null) {
            ladder = new MaturityLadder(n, 1);
        } else {
            ladder.clear();
        }
        shocksPending = false;
        pendingOwnShocks = 0;
        pendingAggregate = 0;
        lastPaymentNet = 0;
        closingReserves = 0;
        aggregateVariance = Double.NaN;
        sumEffSigma = 0;
        minimumActive = false;
        minimumBinds = false;
        sumTarget = 0;
        sumScale = 0;
        postedSupply = 0;
        damping = 1;
        anchorPct = 0;
        averagingAllowance = 0;
        lastInterbankNet = 0;
        lastInterestPaid = 0;
        lastShortCount = 0;
        floorPct = 0;
        commonCeiling = false;
        shutOutCount = 0;
        lastTermVolume = 0;
        lastOvernightVolume = 0;
        heldQuantile = Double.NaN;
        onResidual = 0;
        onScaleIn = 0;
        termTraded = false;
        termExcessCommon = 0;
        termHorizonSd = 0;
        termBorrowFactor = 1;
        termLendFactor = 1;
        termMaturity = 0;
        termInterestFactor = 0;
        lastTermNet = 0;
        lastTermEmpty = TermEmpty.SEGMENT_OFF;
        lastShutOutSlf = 0;
        resetRequirements(1.0);
    }

    public int size() {
        return n;
    }

    public BankProfile profile(int i) {
        return profiles[i];
    }

    public ShockFamily family() {
        return family;
    }


    /**
     * Opening balances: each bank holds its requirement and working balance plus a share of
     * the rest of the system's excess reserves proportional to its shock scale (where Poole
     * banks would put it).
     */
    public void open(double totalExcessBn) {
        open(totalExcessBn, 0);
    }

    /**
     * Opening balances as {@link #open(double)}, for a run that starts {@code elapsedPeriodDays}
     * calendar days into a maintenance period: banks are taken to have held their opening
     * balances on those days (as the central bank's books say the system did).
     */
    public void open(double totalExcessBn, int elapsedPeriodDays) {
        double sumSigma = sumSigma();
        double rest = totalExcessBn;
        for (int i = 0; i < n; i++) {
            rest -= working[i];
        }
        for (int i = 0; i < n; i++) {
            reserves[i] = required[i] + working[i] + rest * sigma[i] / sumSigma;
            periodHeld[i] = reserves[i] * elapsedPeriodDays;
        }
    }


    /**
     * Morning of business day t: every position due today settles in one pass over the ladder
     * (overnight interbank loans with interest, last night's SLF, maturing central bank repos).
     * Each bank remembers its net borrowing in the overnight market it repays today.
     * Totals by instrument: {@link #settledBn}, {@link #settledPrincipalBn}.
     */
    public void settleMorning(int t) {
        ladder.principalsDue(MaturityLadder.Instrument.INTERBANK_OVERNIGHT, t, borrowedYesterday);
        ladder.settle(t, reserves, settledBn, settledPrincipalBn);
        lastInterbankNet = settledBn[MaturityLadder.Instrument.INTERBANK_OVERNIGHT.ordinal()];
    }

    /** What the last {@link #settleMorning} paid on instrument k, principal plus interest (interbank: ≈ 0). */
    public double settledBn(MaturityLadder.Instrument k) {
        return settledBn[k.ordinal()];
    }

    /** The principal part of {@link #settledBn}. */
    public double settledPrincipalBn(MaturityLadder.Instrument k) {
        return settledPrincipalBn[k.ordinal()];
    }

    /** The positions by settlement day. */
    public MaturityLadder ladder() {
        return ladder;
    }

    /** Sum of the last interbank payments (repayments or trades): zero up to rounding. */
    public double lastInterbankNet() {
        return lastInterbankNet;
    }

    /** Makes room on the ladder for positions of up to {@code longestTenorDays} calendar days (before any is booked). */
    public void openLadder(int longestTenorDays) {
        ladder = new MaturityLadder(n, Math.max(1, longestTenorDays));
    }

    /**
     * Makes room on the ladder, instrument by instrument (by ordinal, calendar days; 0 for unused),
     * before any position is booked: an empty ladder of these tenors (the one in hand, emptied, when it has them).
     */
    public void openLadder(int[] longestTenorDays) {
        if (ladder.fits(n, longestTenorDays)) {
            ladder.clear();
        } else {
            ladder = new MaturityLadder(n, longestTenorDays);
        }
    }

    /**
     * Dealers' bids at a fixed-rate operation (DOMAIN §3.3): each dealer asks for what brings its
     * reserves to its own demand at its cost of central bank money, {@code costPct} (policy rate
     * plus collateral cost), after the market position it expects to take again today: its net
     * lending (or borrowing) in yesterday's market, repaid this morning. So dealers in aggregate
     * bid for their own gap at the cost plus the non-dealers' need they intermediate; where the
     * market trades below the cost their holdings exceed their demand at it and they bid nothing.
     * A dealer that expects the market to trade below its cost covers itself there instead: it
     * bids its need times the probability it puts on today's market rate ending above the cost,
     * {@code Φ((expected − cost) / sd)}, from the last fixing and the volatility of fixings it has
     * seen. Never negative; non-dealers bid nothing. Today's schedules must be posted.
     *
     * @param market the dealer's expectation of today's market rate; NaN mean (no fixing seen yet) bids the whole need
     * @param bids   filled with each bank's bid, bn
     * @return the total bid
     */
    public double dealerBids(double costPct, RateExpectation market, double[] bids) {
        double w = Double.isNaN(market.meanPct()) ? 1 : ShockFamily.normal().cdf((market.meanPct() - costPct) / market.sdPct());
        double total = 0;
        RateQuantiles at = atRate.at(costPct);
        for (int i = 0; i < n; i++) {
            double b = 0;
            if (dealer[i]) {
                double h = at.holding(i);
                b = Double.isFinite(h) ? w * Math.max(0, h - borrowedYesterday[i] - reserves[i]) : 0;
            }
            bids[i] = b;
            total += b;
        }
        return total;
    }

    /**
     * What a dealer expects of today's overnight rate before the market opens: the last fixing
     * and the sd of fixings' daily changes it has seen, percent.
     */
    public record RateExpectation(double meanPct, double sdPct) {
        public RateExpectation {
            if (!(sdPct > 0)) {
                throw new IllegalArgumentException("the sd of an expectation must be positive, got " + sdPct);
            }
        }
    }

    /**
     * Books the dealers' side of an operation maturing on business day {@code maturityIndex}:
     * each dealer receives its part of {@code amountBn} (negative: pays it, a repo) and owes it
     * back with interest at {@code interestFactor} (interest per unit principal). Parts are pro
     * rata to {@code bids} when given and positive in total, else to dealers' deposits.
     */
    public void allotToDealers(double amountBn, double[] bids, double totalBidsBn, int maturityIndex, double interestFactor) {
        allotToDealers(amountBn, bids, totalBidsBn, new Allotment(MaturityLadder.Instrument.CENTRAL_BANK_REPO, maturityIndex, interestFactor));
    }

    /** Where and on what terms an operation is booked on the dealers' side: the instrument, its maturity day, interest per unit principal. */
    public record Allotment(MaturityLadder.Instrument instrument, int maturityIndex, double interestFactor) {
    }

    /** As {@link #allotToDealers(double, double[], double, int, double)}, on any instrument. */
    public void allotToDealers(double amountBn, double[] bids, double totalBidsBn, Allotment terms) {
        if (amountBn == 0) {
            return;
        }
        boolean byBids = bids != null && totalBidsBn > 0 && amountBn > 0;
        // One pass: each dealer's reserves and its position on the ladder (as MaturityLadder.bookAll books it).
        MaturityLadder.Instrument k = terms.instrument();
        double[] p = ladder.principal(k);
        double[] q = ladder.interest(k);
        double[] owed = ladder.bankOutstanding(k);
        int base = ladder.base(k, terms.maturityIndex());
        double factor = terms.interestFactor();
        double net = 0;
        for (int i = 0; i < n; i++) {
            double part = amountBn * (byBids ? bids[i] / totalBidsBn : dealerShare[i]);
            reserves[i] += part;
            p[base + i] += part;
            q[base + i] += part * factor;
            owed[i] += part;
            net += part;
        }
        ladder.addOutstanding(k, terms.maturityIndex(), net);
    }

    /**
     * Books a rate tender's winners: bank i receives {@code principalBn[i]} and owes it back with
     * {@code interestBn[i]} (each at its own rate) on business day {@code maturityIndex}.
     */
    public void bookDealerPositions(MaturityLadder.Instrument k, int maturityIndex, double[] principalBn, double[] interestBn) {
        for (int i = 0; i < n; i++) {
            double p = principalBn[i];
            if (p != 0) {
                reserves[i] += p;
                ladder.book(k, i, maturityIndex, p, interestBn[i]);
            }
        }
    }

    /**
     * What term central bank money is worth to dealers and how they shade it, for {@link #tenderBids}.
     *
     * @param valuePct          the all-in rate at which a dealer is indifferent: what it expects the
     *                          funding it replaces to cost over the tenor
     * @param collateralCostPct its cost of pledging collateral, percent (bids are net of it)
     * @param stepPct           how much lower it bids each further quarter of its demand: the sd of
     *                          the overnight fixing's daily changes it has seen (money it is less sure
     *                          to need is worth less)
     */
    public record TermBidding(double valuePct, double collateralCostPct, double stepPct) {
    }

    /**
     * Dealers' bid schedules at a rate tender for term central bank money (an outright reverse
     * repo, an MLF), from their own books: a dealer wants to replace the central bank's
     * short-term money it owes (its 7- and 14-day reverse repos outstanding) and to cover its own
     * need at the value ({@link #holding} at it, after the position it expects to take again in
     * the market, as {@link #dealerBids}). It bids that amount in four equal tranches, at the
     * value less its collateral cost and then one step lower for each further tranche.
     * Non-dealers reach central bank money only through the market and bid nothing.
     *
     * @param ratePct  filled with the bids' rates (room for 4 × banks)
     * @param amountBn filled with the bids' amounts
     * @param bidder   filled with the bank of each bid
     * @return the number of bids
     */
    public int tenderBids(TermBidding b, double[] ratePct, double[] amountBn, int[] bidder) {
        double[] owed = ladder.bankOutstanding(MaturityLadder.Instrument.CENTRAL_BANK_REPO);
        RateQuantiles at = atRate.at(b.valuePct());
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (!dealer[i]) {
                continue;
            }
            double h = at.holding(i);
            double need = Double.isFinite(h) ? Math.max(0, h - borrowedYesterday[i] - reserves[i]) : 0;
            double total = Math.max(0, owed[i]) + need;
            if (!(total > 0)) {
                continue;
            }
            for (int j = 0; j < TENDER_TRANCHES; j++) {
                ratePct[c] = b.valuePct() - b.collateralCostPct() - j * b.stepPct();
                amountBn[c] = total / TENDER_TRANCHES;
                bidder[c] = i;
                c++;
            }
        }
        return c;
    }

    /** Tranches in a dealer's bid schedule at a rate tender. */
    public static final int TENDER_TRANCHES = 4;

    /** Credits (or debits, if negative) dealers pro rata to their deposits, with no debt booked. */
    public void payByDealerShare(double amountBn) {
        for (int i = 0; i < n; i++) {
            reserves[i] += amountBn * dealerShare[i];
        }
    }

    /** Spreads an autonomous flow (positive = into reserves) over banks by deposit share. */
    public void payByDeposits(double amountBn) {
        if (amountBn == 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            reserves[i] += amountBn * depositShare[i];
        }
    }

    /**
     * Recomputes requirements K_i = ρ_i · D_i with deposits scaled by {@code depositFactor}
     * (deposit seasonality), as on a reserve payment date. Returns the new total requirement.
     */
    public double resetRequirements(double depositFactor) {
        double total = 0;
        double dep = 0;
        for (int i = 0; i < n; i++) {
            deposits[i] = profiles[i].depositsBn() * depositFactor;
            required[i] = deposits[i] * ratioPct[i] / 100.0;
            total += required[i];
            dep += deposits[i];
        }
        totalRequired = total;
        totalDeposits = dep;
        return total;
    }

    /**
     * Changes the reserve ratio of every bank in {@code tier} (all banks when null) by
     * {@code changePp}, never cutting a bank below {@code floorRatioPct} (banks already at or
     * below the floor are left alone, as the PBoC excludes them). Takes effect at the next
     * {@link #resetRequirements}.
     */
    public void changeReserveRatio(ReserveTier tier, double changePp, double floorRatioPct) {
        for (int i = 0; i < n; i++) {
            if (tier != null && profiles[i].tier() != tier) {
                continue;
            }
            double r = ratioPct[i] + changePp;
            if (changePp < 0) {
                r = ratioPct[i] <= floorRatioPct ? ratioPct[i] : Math.max(floorRatioPct, r);
            }
            ratioPct[i] = r;
        }
    }


    /**
     * Sets today's demand schedules target_i − scale_i · F⁻¹(p(r)), the SLF ceiling plus each
     * bank's stigma, and the map from the market rate to the Poole value p(r).
     *
     * <p>Without averaging: target_i = K_i − μ_i + W_i + buffer_i · precaution (the holding that
     * leaves the bank at its requirement plus working balance W_i after an average shock), scale_i =
     * σ_i (its effective shock sd, {@link #setAggregateVariance}).
     *
     * <p>With averaging (DOMAIN §3.1, {@code docs/averaging.md}): reserves held on any day of the
     * period count alike toward its average, so with risk-neutral banks today's rate is the rate
     * expected for the period's last day, where Poole applies to the period's cumulative position.
     * Bank i still needs N_i = (K_i + W_i)·L − H_i reserve-days (H_i: its balances so far, weighted by
     * the days each counts), plans to hold the same amount on the remaining W_t days, and values
     * the period's last-day shortfall probability: target_i = N_i / W_t − μ_i + buffer_i · precaution,
     * scale_i = σ_i · √(w_T² + V/(Σσ)²) / W_t, with V the news still to come. The schedules clear at
     * r̃ = f + (c − f)·Φ(E_t[gap_T] / √(S_T² + V_t)), S_T = Σσ·w_T/L; the market rate mixes in the
     * period's anchor: r = a·anchor + (1 − a)·r̃. On the last day W_t = w_T and V = 0: plain Poole on
     * what the period still needs.
     */
    public void prepareDemand(DemandDay day) {
        PeriodPosition period = day.period();
        boolean averaging = period != null;
        this.averagingAllowance = averaging ? period.allowancePp() / 100.0 : 0;
        this.floorPct = day.floorPct();
        this.anchorPct = averaging ? period.anchorPct() : 0;
        this.damping = averaging ? 1 / (1 - period.anchorWeight()) : 1;
        double sumEff = 0;
        if (averaging) {
            for (int i = 0; i < n; i++) {
                sumEff += effSigma[i];
            }
        }
        double scaleFactor = 1;
        if (averaging) {
            double wT = period.lastDayWeight();
            scaleFactor = Math.sqrt(wT * wT + period.newsVariance() / (sumEff * sumEff)) / period.remainingDays();
        }
        double slfCeilingPct = day.ceilingPct();
        boolean common = true;
        double c0 = slfCeilingPct + stigmaPct[0];
        double st = 0;
        double ss = 0;
        double supply = 0;
        for (int i = 0; i < n; i++) {
            supply += reserves[i];
            double base;
            double scale;
            if (averaging) {
                double needDays = (required[i] + working[i]) * period.lengthDays() - periodHeld[i];
                base = needDays / period.remainingDays();
                scale = effSigma[i] * scaleFactor;
            } else {
                base = required[i] + working[i];
                scale = effSigma[i];
            }
            target[i] = base - mu[i] + buffer[i] * day.precaution();
            demandScale[i] = scale;
            dailyMin[i] = required[i] - averagingAllowance * deposits[i];
            double c = slfCeilingPct + stigmaPct[i];
            ceilingPct[i] = c;
            common &= c == c0;
            st += target[i];
            ss += scale;
        }
        for (int k = 0; k < groups; k++) {
            groupCeilingPct[k] = slfCeilingPct + groupStigmaPct[k];
        }
        commonCeiling = common;
        minimumActive = averaging;
        minimumBinds = false;
        sumTarget = st;
        sumScale = ss;
        postedSupply = supply;
    }

    /**
     * Whether, at market rate {@code ratePct}, some bank's daily minimum asks for more than its
     * period plan: then it holds its day-by-day Poole demand against the minimum instead (a
     * legitimate break of the martingale, DOMAIN §3.1), and the market clears numerically.
     * Records the answer for {@link #trade}.
     */
    public boolean dailyMinimumBinds(double ratePct) {
        minimumBinds = false;
        if (!minimumActive) {
            return false;
        }
        if (commonCeiling) {
            // One quantile each for all banks: the check is a pass of multiply-adds.
            double qa = family.quantile(clampProbability((dailyValuePct(ratePct) - floorPct) / (ceilingPct[0] - floorPct)));
            double qd = family.quantile(clampProbability((ratePct - floorPct) / (ceilingPct[0] - floorPct)));
            for (int i = 0; i < n; i++) {
                if (dailyMin[i] - mu[i] - effSigma[i] * qd > target[i] - demandScale[i] * qa) {
                    minimumBinds = true;
                    return true;
                }
            }
            return false;
        }
        RateQuantiles at = atRate.at(ratePct);
        for (int i = 0; i < n; i++) {
            if (at.minimumHolding(i) > at.planHolding(i)) {
                minimumBinds = true;
                return true;
            }
        }
        return false;
    }

    /**
     * Makes {@link #overnightNetDemand} evaluate every bank's own schedule, daily minimum included
     * (the numeric auction), instead of the one-quantile form.
     */
    public void forceExactHoldings() {
        minimumBinds = minimumActive;
    }

    /** The day-by-day Poole demand against the daily minimum: what the SLF tonight makes a bank hold. */
    private double minimumHolding(int i, double ratePct) {
        double p = (ratePct - floorPct) / (ceilingPct[i] - floorPct);
        if (p <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (p >= 1) {
            return Double.NEGATIVE_INFINITY;
        }
        return dailyMin[i] - mu[i] - effSigma[i] * family.quantile(p);
    }

    /**
     * Tells banks the variance of today's aggregate late surprise (bn²), so their demand uses
     * the true spread of their own end-of-day shock. Recomputed only when it changes.
     */
    public void setAggregateVariance(double varianceBn2) {
        if (varianceBn2 == aggregateVariance) {
            return;
        }
        aggregateVariance = varianceBn2;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            effSigma[i] = effectiveSigma(i, varianceBn2);
            sum += effSigma[i];
        }
        sumEffSigma = sum;
    }

    /** Σ of the banks' effective shock sds (own payments plus their share of the aggregate surprise). */
    public double sumEffectiveSigma() {
        return sumEffSigma;
    }

    /** Σ (K_i + W_i): requirements plus working balances, bn. */
    public double sumRequiredAndWorking() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += required[i] + working[i];
        }
        return s;
    }

    public double sumBuffer() {
        return sumBuffer;
    }

    /** True when every bank faces the same effective ceiling, so the closed form clears the market. */
    public boolean commonCeiling() {
        return commonCeiling;
    }

    public double commonCeilingPct() {
        return ceilingPct[0];
    }

    /** The highest effective ceiling: no bank demands reserves above it. */
    public double maxCeilingPct() {
        double m = ceilingPct[0];
        for (int i = 1; i < n; i++) {
            m = Math.max(m, ceilingPct[i]);
        }
        return m;
    }

    /** Σ reserves when today's schedules were posted (before the central bank's operation). */
    public double postedSupplyBn() {
        return postedSupply;
    }

    /**
     * The rate at which banks evaluate their day-by-day Poole schedule when the market rate is
     * {@code ratePct}: the rate itself without averaging, anchor + damping · (rate − anchor) with it.
     */
    public double dailyValuePct(double ratePct) {
        return damping == 1 ? ratePct : anchorPct + damping * (ratePct - anchorPct);
    }

    /** Inverse of {@link #dailyValuePct}: the market rate at which banks' daily Poole value is {@code dailyPct}. */
    public double marketRatePct(double dailyPct) {
        return damping == 1 ? dailyPct : anchorPct + (dailyPct - anchorPct) / damping;
    }

    /** Σ target_i of today's schedules (set by {@link #prepareDemand}). */
    public double sumTarget() {
        return sumTarget;
    }

    /** Σ of today's demand scales (set by {@link #prepareDemand}). */
    public double sumDemandScale() {
        return sumScale;
    }

    /** Bank i's holding at {@code ratePct}: its schedule, never below its demand against the daily minimum. */
    public double holding(int i, double ratePct) {
        double h = averagingHolding(i, ratePct);
        return minimumActive ? Math.max(h, minimumHolding(i, ratePct)) : h;
    }

    /** Bank i's schedule target_i − scale_i · F⁻¹(p(r)) (the period plan under averaging). */
    private double averagingHolding(int i, double ratePct) {
        double p = (dailyValuePct(ratePct) - floorPct) / (ceilingPct[i] - floorPct);
        if (p <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (p >= 1) {
            return Double.NEGATIVE_INFINITY;
        }
        return target[i] - demandScale[i] * family.quantile(p);
    }

    @Override
    public double totalBn(double ratePct) {
        if (commonCeiling && !minimumActive) {
            // Σ (target_i − scale_i q) = Σ target − q Σ scale: O(1) when every bank shares the quantile.
            double p = (dailyValuePct(ratePct) - floorPct) / (ceilingPct[0] - floorPct);
            if (p <= 0) {
                return Double.POSITIVE_INFINITY;
            }
            if (p >= 1) {
                return Double.NEGATIVE_INFINITY;
            }
            return sumTarget - sumScale * family.quantile(p);
        }
        RateQuantiles at = atRate.at(ratePct);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += at.holding(i);
        }
        return s;
    }

    // ---- The day's interbank market (DOMAIN §5, docs/term-segment.md) ----------------------

    /**
     * Marks the banks shut out of borrowing today: bank i is out when {@code uniforms[i] <
     * probability}. One draw per bank per day, whatever the probability, so the streams stay
     * aligned across parameter values.
     */
    public void drawShutOuts(double[] uniforms, double probability) {
        if (probability == 0) {
            if (shutOutCount > 0) {
                java.util.Arrays.fill(shutOut, false);
                shutOutCount = 0;
            }
            return;
        }
        int c = 0;
        for (int i = 0; i < n; i++) {
            boolean out = uniforms[i] < probability;
            shutOut[i] = out;
            if (out) {
                shutOutList[c++] = i;
            }
        }
        shutOutCount = c;
    }

    /** Banks shut out of borrowing today. */
    public int shutOutCount() {
        return shutOutCount;
    }

    /**
     * The overnight clearing quantile when every bank shares one ceiling, no date cost falls on
     * today's loans and the daily minimum is slack: holdings are target_i − scale_i·Q, and the
     * banks shut out with a need leave the market (the SLF covers them), so Q solves
     * Σ target − Q Σ scale − Σ_out max(0, target_i − scale_i Q − R_i) = S. The left side is
     * concave and decreasing in Q and piecewise linear, so Newton's method from the closed form
     * (Q₀ = (Σ target − S)/Σ scale, no bank out) converges from above, exactly, in as many steps
     * as kinks it crosses.
     */
    public double clearingQuantile(double supplyBn) {
        double a0 = sumTarget - supplyBn;
        double q = a0 / sumScale;
        if (shutOutCount == 0) {
            return q;
        }
        for (int iter = 0; iter < 64; iter++) {
            double g = a0 - q * sumScale;
            double slope = -sumScale;
            for (int j = 0; j < shutOutCount; j++) {
                int i = shutOutList[j];
                double need = target[i] - demandScale[i] * q - reserves[i];
                if (need > 0) {
                    g -= need;
                    slope += demandScale[i];
                }
            }
            if (slope >= 0) {
                // Every bank that could buy is out: no market; hold the last quantile.
                return q;
            }
            double step = g / slope;
            q -= step;
            if (!(Math.abs(step) > 1e-13 * Math.max(1, Math.abs(q)))) {
                break;
            }
        }
        return q;
    }

    /** The market rate at which the common-ceiling holdings are target_i − scale_i·Q. */
    public double rateAtQuantile(double q) {
        return marketRatePct(floorPct + (ceilingPct[0] - floorPct) * family.cdf(q));
    }

    /**
     * Every bank's overnight holding at market rate r when lenders keep only r − w (w: the date
     * cost annualised over the loan's nights): a bank whose holding at r exceeds its reserves
     * buys up to it (if it is shut out, it cannot, and takes the SLF for it); one whose holding
     * at r − w is below its reserves sells down to it; one in between neither buys nor sells
     * (the inaction band). Fills the holdings and returns the market's net demand, Σ over the
     * banks that trade in it of holding − reserves.
     */
    public double overnightNetDemand(double ratePct, double wedgePct) {
        boolean fast = commonCeiling && !minimumBinds;
        double qb = 0;
        double qs = 0;
        if (fast) {
            qb = family.quantile(clampProbability((dailyValuePct(ratePct) - floorPct) / (ceilingPct[0] - floorPct)));
            qs = wedgePct == 0 ? qb
                    : family.quantile(clampProbability((dailyValuePct(ratePct - wedgePct) - floorPct) / (ceilingPct[0] - floorPct)));
        }
        RateQuantiles buy = fast ? null : atRate.at(ratePct);
        RateQuantiles sell = fast || wedgePct == 0 ? null : atLenderRate.at(ratePct - wedgePct);
        // Inside the corridor (every numeric auction but its first steps) every holding is finite: no clamping.
        boolean inside = !fast && buy.inside && (sell == null || sell.inside);
        double net = 0;
        double scaleIn = 0;
        for (int i = 0; i < n; i++) {
            double r = reserves[i];
            double hb = fast ? target[i] - demandScale[i] * qb : inside ? buy.finiteHolding(i) : buy.clampedHolding(i);
            double h;
            if (hb > r) {
                h = hb;
                if (!shutOut[i]) {
                    net += h - r;
                    scaleIn += demandScale[i];
                }
            } else {
                double hs = wedgePct == 0 ? hb : fast ? target[i] - demandScale[i] * qs
                        : inside ? sell.finiteHolding(i) : sell.clampedHolding(i);
                h = Math.min(hs, r);
                net += h - r;
                scaleIn += demandScale[i];
            }
            held[i] = h;
        }
        heldQuantile = Double.NaN;
        onResidual = net;
        onScaleIn = scaleIn;
        return net;
    }

    /**
     * The fast day (common ceiling, no date cost on today's loans, daily minimum slack): every
     * bank's holding is target_i − scale_i·q, computed where it is needed (the 7-day auction's
     * pass, or the booking) instead of in a pass of its own.
     */
    public void holdAtQuantile(double q) {
        heldQuantile = q;
    }

    /** Fills the holdings at {@link #heldQuantile} and the overnight market's residual, in one pass (when no 7-day auction runs). */
    private void fillHeldAtQuantile() {
        double q = heldQuantile;
        double net = 0;
        double scaleIn = 0;
        for (int i = 0; i < n; i++) {
            double h = target[i] - demandScale[i] * q;
            held[i] = h;
            double t = h - reserves[i];
            if (!(shutOut[i] && t > 0)) {
                net += t;
                scaleIn += demandScale[i];
            }
        }
        heldQuantile = Double.NaN;
        onResidual = net;
        onScaleIn = scaleIn;
    }

    /**
     * Every bank's schedule at one market rate, with the quantiles F⁻¹(p) worked out once per
     * stigma group instead of once per bank: banks of a group share their effective ceiling, so
     * their p(r) and its quantile are the same numbers. {@link #holding}, {@link #planHolding},
     * {@link #minimumHolding} and {@link #clampedHolding} give bank i exactly what
     * {@link BankSector#holding} and its parts give at that rate. Valid until the schedules change.
     */
    private final class RateQuantiles {
        /** Per group: the schedule's quantile where p(r) lies inside (0, 1); side +1 (holding +∞) at or below 0, −1 (−∞) at or above 1. */
        private final double[] plan;
        private final byte[] planSide;
        /** The same for the demand against the daily minimum (p of the market rate itself). */
        private final double[] minimum;
        private final byte[] minimumSide;
        /** The schedule's quantile just inside the corridor (NaN until a bank of the group needs it). */
        private final double[] clamped;
        private double ratePct;
        /** Every group's p(r) lies inside (0, 1): every holding is finite ({@link #finiteHolding}). */
        private boolean inside;

        RateQuantiles(int groups) {
            plan = new double[groups];
            planSide = new byte[groups];
            minimum = new double[groups];
            minimumSide = new byte[groups];
            clamped = new double[groups];
        }

        RateQuantiles at(double r) {
            ratePct = r;
            double daily = dailyValuePct(r);
            boolean in = true;
            for (int k = 0; k < groups; k++) {
                double width = groupCeilingPct[k] - floorPct;
                double p = (daily - floorPct) / width;
                planSide[k] = p <= 0 ? (byte) 1 : p >= 1 ? (byte) -1 : 0;
                plan[k] = planSide[k] == 0 ? family.quantile(p) : 0;
                clamped[k] = Double.NaN;
                if (minimumActive) {
                    double pm = (r - floorPct) / width;
                    minimumSide[k] = pm <= 0 ? (byte) 1 : pm >= 1 ? (byte) -1 : 0;
                    minimum[k] = minimumSide[k] == 0 ? family.quantile(pm) : 0;
                    in &= minimumSide[k] == 0;
                }
                in &= planSide[k] == 0;
            }
            inside = in;
            return this;
        }

        /** {@link #holding} when {@link #inside}: no bound to test. */
        double finiteHolding(int i) {
            int k = group[i];
            double h = target[i] - demandScale[i] * plan[k];
            return minimumActive ? Math.max(h, dailyMin[i] - mu[i] - effSigma[i] * minimum[k]) : h;
        }

        /** As {@link BankSector#averagingHolding}. */
        double planHolding(int i) {
            int k = group[i];
            byte side = planSide[k];
            return side == 0 ? target[i] - demandScale[i] * plan[k] : side > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }

        /** As {@link BankSector#minimumHolding}. */
        double minimumHolding(int i) {
            int k = group[i];
            byte side = minimumSide[k];
            return side == 0 ? dailyMin[i] - mu[i] - effSigma[i] * minimum[k] : side > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }

        /** As {@link BankSector#holding}. */
        double holding(int i) {
            double h = planHolding(i);
            return minimumActive ? Math.max(h, minimumHolding(i)) : h;
        }

        /** {@link #holding}, evaluated just inside the corridor when the rate sits on a bound. */
        double clampedHolding(int i) {
            double h = holding(i);
            if (Double.isFinite(h)) {
                return h;
            }
            int k = group[i];
            double q = clamped[k];
            if (Double.isNaN(q)) {
                q = family.quantile(clampProbability((dailyValuePct(ratePct) - floorPct) / (groupCeilingPct[k] - floorPct)));
                clamped[k] = q;
            }
            return target[i] - demandScale[i] * q;
        }
    }

    /**
     * The 7-day call auction (DOMAIN §5, docs/term-segment.md), after today's overnight rate and
     * holdings are set ({@link #overnightNetDemand} or {@link #holdAtQuantile}) and before the
     * trades are booked ({@link #bookTrades}).
     *
     * <p>Bank i's position beyond its term funding, U_i = holding − reserves + its net 7-day
     * borrowing outstanding, is the need it carries into the tenor. The part of it expected to
     * persist over the loan's horizon: all of a need (a bank short of reserves stays short until
     * it is paid), and of a surplus only what is left after the bank repays the central bank's
     * operations maturing within the horizon. A unit of need left to the overnight market costs
     * c + s_i − r̄ on a day the bank is shut out (probability π: the SLF and its stigma), so a
     * bank keeps its 7-day stock at the persistent part plus sd_i·Φ⁻¹(1 − θ/a_i), a_i = c + s_i − r̄,
     * θ = (r₇ − r̄)/π: the quantile at which insurance is worth its price. Today's 7-day trade tops
     * the stock up to that, x_i = P_i + sd_i·Φ⁻¹(1 − θ/a_i) − outstanding_i, within today's
     * position (a bank short today borrows at most its need, one long lends at most its surplus;
     * one shut out only lends); sd_i is the sd of its need over the horizon (its late shocks). The
     * auction finds θ where Σ x_i = 0; r₇ = r̄ + πθ (at π = 0 the limit: r₇ = r̄, quantities at
     * the same θ).
     *
     * @return the clearing rate, or NaN with {@link #lastTermEmpty()} saying why
     */
    public double tradeTerm(TermDay d) {
        lastTermVolume = 0;
        lastTermNet = 0;
        termTraded = false;
        int m = Math.max(1, d.maturityIndex() - d.day() - 1);
        double[] termNow = ladder.bankOutstanding(MaturityLadder.Instrument.INTERBANK_TERM);
        // The central bank's operations each bank repays within the horizon: what it owes less the
        // slots that settle after it (usually one: today's operation), read in the same pass.
        double[] cbOwed = ladder.bankOutstanding(MaturityLadder.Instrument.CENTRAL_BANK_REPO);
        double[] cbPrincipal = ladder.principal(MaturityLadder.Instrument.CENTRAL_BANK_REPO);
        int later = ladder.slotsAfter(MaturityLadder.Instrument.CENTRAL_BANK_REPO, d.day(), m, laterSlots);
        double horizon = Math.sqrt((m + 1) / 2.0);
        double rbar = d.expectedOvernightPct();
        double amin = Double.POSITIVE_INFINITY;
        for (int k = 0; k < groups; k++) {
            groupA[k] = Math.max(d.ceilingPct() + groupStigmaPct[k] - rbar, 1e-9);
            amin = Math.min(amin, groupA[k]);
        }
        boolean atQuantile = !Double.isNaN(heldQuantile);
        double q = heldQuantile;
        double needAll = 0;
        double onNet = 0;
        int[] ls = laterSlots;
        for (int i = 0; i < n; i++) {
            double h = atQuantile ? target[i] - demandScale[i] * q : held[i];
            held[i] = h;
            double today = h - reserves[i];
            onNet += today;
            double b = termNow[i];
            double u = today + b;
            double due = cbOwed[i];
            if (later == 1) {
                due -= cbPrincipal[ls[0] + i];
            } else {
                for (int k = 0; k < later; k++) {
                    due -= cbPrincipal[ls[k] + i];
                }
            }
            // Branch-free (a sign that varies across banks would mispredict): u > 0 gives u (then
            // v > 0), otherwise min(v, 0).
            double v = u + Math.max(due, 0);
            double persistent = Math.max(u, 0) + Math.min(v, 0);
            double e = persistent - b;
            termNeed[i] = e;
            termSd[i] = effSigma[i] * horizon;
            // Math.min/max compile to branch-free instructions; comparisons here would mispredict.
            termLo[i] = Math.min(today, 0);
            termHi[i] = Math.max(today, 0);
            needAll += e;
        }
        termHorizonSd = horizon;
        double sdActive = sumEffSigma * horizon;
        double needActive = needAll;
        double onScale = sumScale;
        for (int j = 0; j < shutOutCount; j++) {
            int i = shutOutList[j];
            termHi[i] = 0;
            sdActive -= effSigma[i] * horizon;
            needActive -= termNeed[i];
            double today = held[i] - reserves[i];
            if (today > 0) {
                onNet -= today;
                onScale -= demandScale[i];
            }
        }
        if (atQuantile) {
            heldQuantile = Double.NaN;
            onResidual = onNet;
            onScaleIn = onScale;
        }
        if (!(sdActive > 0)) {
            lastTermEmpty = TermEmpty.ALL_SHUT_OUT;
            return Double.NaN;
        }
        double theta = groups == 1 ? thetaCommon(needActive, sdActive) : thetaByBisection(amin);
        double rate = rbar + d.probability() * theta;
        double cap = d.ceiling7dPct() + minStigmaPct;
        if (rate > cap) {
            // Borrowers would rather take the 7-day SLF than pay the lenders' ask: no 7-day trade.
            lastTermEmpty = TermEmpty.ABOVE_SLF_7D;
            return Double.NaN;
        }
        double excess = groups > 1 ? termExcess(theta) : termExcessCommon;
        if (Math.abs(excess) > 1e-9 * sdActive) {
            rationTerm();
        } else {
            // Σ x = 0 up to the closed form's rounding (Newton's tolerance with shut-outs): no rationing.
            termBorrowFactor = 1;
            termLendFactor = 1;
        }
        termTraded = true;
        termMaturity = d.maturityIndex();
        termInterestFactor = rate / 100.0 * d.interestDays() / 365.0;
        lastTermEmpty = TermEmpty.TRADED;
        return rate;
    }

    /**
     * Every bank bears the same stigma, so one quantile g = Φ⁻¹(1 − θ/a) serves all: Σ x_i(g) =
     * Σ clamp(e_i + sd_i g, lo_i, hi_i) is non-decreasing and piecewise linear in g (each bank
     * trades within today's position: lo_i = min(0, today_i), hi_i = max(0, today_i), 0 if shut
     * out). Semismooth Newton inside a shrinking bracket (bisection when a step leaves it), from
     * the zero without bounds (free: the sums are known), finds it in two or three passes without
     * a quantile. g stays within ±{@link #TERM_QUANTILE_BOUND}; if Σ x cannot reach zero there
     * one side is exhausted and {@link #rationTerm} rations the other. θ = a·(1 − Φ(g)).
     */
    private double thetaCommon(double needActive, double sdActive) {
        double h = termHorizonSd;
        double gLo = -TERM_QUANTILE_BOUND;
        double gHi = TERM_QUANTILE_BOUND;
        double g = Math.max(gLo, Math.min(gHi, -needActive / sdActive));
        double tol = 1e-9 * sdActive;
        double f = 0;
        for (int iter = 0; iter < 100; iter++) {
            // Branch-free (which banks sit on a bound changes from pass to pass; branches would
            // mispredict): Math.min/max, and the slope through a conditional long, which C2
            // compiles to a cmov where a conditional double is a branch (30% of the bench). Two
            // banks a step into separate sums (one chain of additions is latency-bound).
            double f0 = 0;
            double f1 = 0;
            double s0 = 0;
            double s1 = 0;
            int i = 0;
            for (; i + 1 < n; i += 2) {
                double sd0 = termSd[i];
                double v0 = termNeed[i] + sd0 * g;
                double c0 = Math.min(Math.max(v0, termLo[i]), termHi[i]);
                s0 += Double.longBitsToDouble(c0 == v0 ? Double.doubleToRawLongBits(sd0) : 0L);
                f0 += c0;
                double sd1 = termSd[i + 1];
                double v1 = termNeed[i + 1] + sd1 * g;
                double c1 = Math.min(Math.max(v1, termLo[i + 1]), termHi[i + 1]);
                s1 += Double.longBitsToDouble(c1 == v1 ? Double.doubleToRawLongBits(sd1) : 0L);
                f1 += c1;
            }
            if (i < n) {
                double sd0 = termSd[i];
                double v0 = termNeed[i] + sd0 * g;
                double c0 = Math.min(Math.max(v0, termLo[i]), termHi[i]);
                s0 += Double.longBitsToDouble(c0 == v0 ? Double.doubleToRawLongBits(sd0) : 0L);
                f0 += c0;
            }
            f = f0 + f1;
            double slope = s0 + s1;
            if (Math.abs(f) <= tol) {
                break;
            }
            if (f > 0) {
                gHi = g;
            } else {
                gLo = g;
            }
            if (gHi - gLo < 1e-12) {
                break;
            }
            double next = slope > 0 ? g - f / slope : Double.NaN;
            g = next > gLo && next < gHi ? next : 0.5 * (gLo + gHi);
        }
        groupG[0] = g;
        termExcessCommon = f;
        return groupA[0] * (1 - NormalDist.cdf(g));
    }

    /**
     * After the clearing quantiles are set: when one side's interest is exhausted (the quantile
     * at its bound) the auction rations the long side pro rata; otherwise the trades net to
     * zero up to the solver's tolerance, and the same pro-rata factor removes that. Sets the
     * factors {@link #bookTrades} applies to borrowers and lenders.
     */
    private void rationTerm() {
        double borrow = 0;
        double lend = 0;
        for (int i = 0; i < n; i++) {
            double x = termTrade(i);
            if (x > 0) {
                borrow += x;
            } else {
                lend -= x;
            }
        }
        termBorrowFactor = borrow > lend && borrow > 0 ? lend / borrow : 1;
        termLendFactor = lend > borrow && lend > 0 ? borrow / lend : 1;
    }

    /**
     * Bank i's 7-day trade at the clearing quantile of its stigma group, before rationing, within
     * today's position: a bank short today borrows at most its need, one long lends at most its
     * surplus, one shut out only lends.
     */
    private double termTrade(int i) {
        return Math.min(Math.max(termNeed[i] + termSd[i] * groupG[group[i]], termLo[i]), termHi[i]);
    }

    /** Stigma differs across banks: θ by bisection on (0, a_min), 50 halvings (to 1e-15 of a_min). */
    private double thetaByBisection(double amin) {
        double lo = 0;
        double hi = amin;
        for (int iter = 0; iter < 50; iter++) {
            double mid = 0.5 * (lo + hi);
            if (termExcess(mid) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Σ x_i(θ) of {@link #tradeTerm}: one quantile per stigma group (bounded as in the common case). Allocation-free. */
    private double termExcess(double theta) {
        for (int k = 0; k < groups; k++) {
            groupG[k] = Math.max(-TERM_QUANTILE_BOUND, Math.min(TERM_QUANTILE_BOUND,
                    NormalDist.quantile(clampProbability(1 - theta / groupA[k]))));
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += termTrade(i);
        }
        return total;
    }

    /** Why the last {@link #tradeTerm} traded nothing ({@link TermEmpty#TRADED} when it did). */
    public TermEmpty lastTermEmpty() {
        return lastTermEmpty;
    }

    /** Gross 7-day volume lent at the last {@link #bookTrades}, bn. */
    public double lastTermVolume() {
        return lastTermVolume;
    }

    /** Sum of the last 7-day trades (≈ 0). */
    public double lastTermNet() {
        return lastTermNet;
    }

    /**
     * Books the day's trades in one pass: the 7-day trades of {@link #tradeTerm} (if it traded;
     * its residual, the solver's tolerance, spread over the banks in it by their sd), then each
     * bank moves to its overnight holding, buying or selling the rest overnight at the clearing
     * rate (the overnight residual spread by demand scale over the banks in that market); a bank
     * shut out with a need borrows it at the SLF ({@code slfPct}) instead. Overnight loans and the
     * SLF are repaid with interest on the next business day, 7-day loans on their maturity day.
     *
     * @return gross overnight volume lent, bn ({@link #lastTermVolume()}, {@link #lastShutOutSlfBn()} hold the rest)
     */
    public double bookTrades(int day, double ratePct, double slfPct, int accrualDays) {
        if (!Double.isNaN(heldQuantile)) {
            fillHeldAtQuantile();
        }
        boolean term = termTraded;
        termTraded = false;
        lastTermNet = 0;
        lastTermVolume = 0;
        lastShutOutSlf = 0;
        double onShare = onScaleIn > 0 ? onResidual / onScaleIn : 0;
        double factor = ratePct / 100.0 * accrualDays / 365.0;
        if (term) {
            bookTermAndOvernight(onShare, day, factor, slfPct / 100.0 * accrualDays / 365.0);
        } else {
            if (shutOutCount == 0) {
                overnightTrades(onShare);
            } else {
                overnightTradesWithShutOuts(onShare, day, slfPct / 100.0 * accrualDays / 365.0);
            }
            ladder.bookAll(MaturityLadder.Instrument.INTERBANK_OVERNIGHT, day + 1, onTrade, factor);
        }
        return lastOvernightVolume;
    }

    /**
     * The day's 7-day and overnight trades, each bank in one pass: its 7-day trade (rationed where
     * one side is exhausted), then the rest of its position overnight (or, shut out with a need,
     * at the SLF), written straight onto the ladder's two instruments.
     */
    private void bookTermAndOvernight(double onShare, int day, double onFactor, double slfInterest) {
        MaturityLadder.Instrument term = MaturityLadder.Instrument.INTERBANK_TERM;
        MaturityLadder.Instrument on = MaturityLadder.Instrument.INTERBANK_OVERNIGHT;
        double[] pa = ladder.principal(term);
        double[] qa = ladder.interest(term);
        double[] oa = ladder.bankOutstanding(term);
        double[] pb = ladder.principal(on);
        double[] qb = ladder.interest(on);
        double[] ob = ladder.bankOutstanding(on);
        int baseA = ladder.base(term, termMaturity);
        int baseB = ladder.base(on, day + 1);
        double fa = termInterestFactor;
        double bf = termBorrowFactor;
        double lf = termLendFactor;
        boolean anyOut = shutOutCount > 0;
        double net = 0;
        double volume = 0;
        double termNet = 0;
        double termVolume = 0;
        double slf = 0;
        boolean one = groups == 1;
        boolean rationed = bf != 1 || lf != 1;
        double g0 = groupG[0];
        for (int i = 0; i < n; i++) {
            double x = Math.min(Math.max(termNeed[i] + termSd[i] * (one ? g0 : groupG[group[i]]), termLo[i]), termHi[i]);
            if (rationed) {
                x *= x > 0 ? bf : lf;
            }
            pa[baseA + i] += x;
            qa[baseA + i] += x * fa;
            oa[i] += x;
            termNet += x;
            termVolume += Math.max(x, 0);
            double today = held[i] - reserves[i];
            if (anyOut && shutOut[i] && today > 0) {
                // x is 0 here (a bank shut out does not borrow): its need goes to the SLF.
                ladder.book(MaturityLadder.Instrument.SLF_OVERNIGHT, i, day + 1, today, today * slfInterest);
                slf += today;
                reserves[i] = held[i];
                continue;
            }
            double h = held[i] - onShare * demandScale[i];
            double t = h - reserves[i] - x;
            reserves[i] = h;
            pb[baseB + i] += t;
            qb[baseB + i] += t * onFactor;
            ob[i] += t;
            net += t;
            volume += Math.max(t, 0);
        }
        ladder.addOutstanding(term, termMaturity, termNet);
        ladder.addOutstanding(on, day + 1, net);
        lastTermNet = termNet;
        lastTermVolume = termVolume;
        lastInterbankNet = net;
        lastOvernightVolume = volume;
        lastShutOutSlf = slf;
    }

    /** No 7-day auction today, nobody shut out: every bank moves to its holding overnight. */
    private void overnightTrades(double onShare) {
        double net = 0;
        double volume = 0;
        for (int i = 0; i < n; i++) {
            double h = held[i] - onShare * demandScale[i];
            double t = h - reserves[i];
            onTrade[i] = t;
            reserves[i] = h;
            net += t;
            volume += Math.max(t, 0);
        }
        lastInterbankNet = net;
        lastOvernightVolume = volume;
    }

    /** As {@link #overnightTrades}; a bank shut out with a need today (as the auction saw it) borrows it at the SLF. */
    private void overnightTradesWithShutOuts(double onShare, int day, double slfInterest) {
        double net = 0;
        double volume = 0;
        double slf = 0;
        for (int i = 0; i < n; i++) {
            double today = held[i] - reserves[i];
            if (shutOut[i] && today > 0) {
                ladder.book(MaturityLadder.Instrument.SLF_OVERNIGHT, i, day + 1, today, today * slfInterest);
                slf += today;
                onTrade[i] = 0;
                reserves[i] = held[i];
                continue;
            }
            double h = held[i] - onShare * demandScale[i];
            double t = h - reserves[i];
            onTrade[i] = t;
            reserves[i] = h;
            net += t;
            volume += Math.max(t, 0);
        }
        lastInterbankNet = net;
        lastOvernightVolume = volume;
        lastShutOutSlf = slf;
    }


    /** What banks shut out today borrowed at the SLF in the morning, bn. */
    public double lastShutOutSlfBn() {
        return lastShutOutSlf;
    }

    /** The largest stigma any bank bears at the SLF, percent. */
    public double maxStigmaPct() {
        return maxStigmaPct;
    }

    /**
     * One day of the 7-day auction.
     *
     * @param day                  today (business day index)
     * @param maturityIndex        the business day the loans are repaid (holiday-shifted)
     * @param interestDays         calendar days the loans run, for ACT/365 interest
     * @param expectedOvernightPct r̄: the compounded overnight rate banks expect over the loan's nights, annualised
     * @param ceilingPct           today's SLF overnight rate (the cost of a shut-out, before stigma)
     * @param ceiling7dPct         today's SLF 7-day rate (with the smallest stigma: DR007's bound)
     * @param probability          π: the daily shut-out probability
     */
    public record TermDay(int day, int maturityIndex, int interestDays, double expectedOvernightPct, double ceilingPct,
                          double ceiling7dPct, double probability) {
    }

    /** Why a day has no 7-day trades (its DR007 is empty). */
    public enum TermEmpty {
        TRADED("traded"),
        ALL_SHUT_OUT("every bank that could borrow was shut out"),
        ABOVE_SLF_7D("the lenders' ask was above the 7-day SLF rate plus stigma: borrowers roll overnight or use the facility"),
        NO_POSITIONS("no bank wanted to lock funds for 7 days"),
        SEGMENT_OFF("the 7-day segment is switched off");

        private final String reason;

        TermEmpty(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /**
     * A market pinned at a bound (supply beyond about 8 standard deviations of the gap) has
     * infinite Poole holdings; allocate as if just inside it, and let the residual share out
     * what is left, so positions stay finite and the facilities take the rest at end of day.
     */
    private static double clampProbability(double p) {
        return Math.min(Math.max(p, 1e-15), 1 - 1e-15);
    }


    /**
     * Bank i's shock: μ_i + σ_i Z_i + a_i (A − Σ_j σ_j Z_j) with a_i = σ_i²/Σσ². The bracketed
     * term redistributes so that payments among banks sum to exactly zero, while A (the
     * aggregate surprise, N(0, Σσ²) scaled to the scenario) restores each bank's variance to
     * σ_i²·(1 + (σ_i²/Σσ²)(v_A/Σσ² − 1)).
     *
     * @param unitShocks  n draws of the standardised shock family, consumed in bank order
     * @param aggregateBn the aggregate late surprise A (bn) plus nothing else
     * @return the zero-sum part's total (≈ 0) for the accounting check
     */
    public double applyLateShocks(double[] unitShocks, double aggregateBn) {
        // The model's own path: drawn as drawLateShocks draws, settled with lateShock as endOfDay settles.
        int[] next = {0};
        drawLateShocks(() -> unitShocks[next[0]++], aggregateBn);
        shocksPending = false;
        double net = 0;
        for (int i = 0; i < n; i++) {
            double payment = latePayment(i, pendingOwnShocks);
            net += payment;
            reserves[i] += lateShock(i, payment, pendingAggregate);
        }
        return net;
    }

    /** Bank i's zero-sum payment: its own shock less its share a_i of all banks' own shocks. */
    private double latePayment(int i, double ownShocksBn) {
        return z[i] - surpriseWeight[i] * ownShocksBn;
    }

    /** Bank i's whole late shock: its mean, its zero-sum payment and its share a_i of the aggregate surprise. */
    private double lateShock(int i, double paymentBn, double aggregateBn) {
        return mu[i] + paymentBn + surpriseWeight[i] * aggregateBn;
    }

    /**
     * Draws the day's late payments (the shocks of {@link #applyLateShocks}): bank i's own shock
     * σ_i Z_i, Z_i from {@code sampler} (n draws, in bank order), and the aggregate surprise A.
     * They settle at the next {@link #endOfDay}, in its pass over the banks; the zero-sum part's
     * total is then {@link #lastPaymentNet()}.
     */
    public void drawLateShocks(ContinuousSampler sampler, double aggregateBn) {
        double x = 0;
        for (int i = 0; i < n; i++) {
            double s = sigma[i] * sampler.sample();
            z[i] = s;
            x += s;
        }
        pendingOwnShocks = x;
        pendingAggregate = aggregateBn;
        shocksPending = true;
    }

    /** The zero-sum part of the late payments settled at the last {@link #endOfDay} (≈ 0; 0 if none were drawn). */
    public double lastPaymentNet() {
        return lastPaymentNet;
    }

    /** Σ reserves after the last {@link #endOfDay}, summed in its pass (bank order, as {@link #totalReserves()}). */
    public double closingReserves() {
        return closingReserves;
    }

    public double sumMu() {
        return sumMu;
    }

    public double sumSigmaSq() {
        return sumSigmaSq;
    }

    public double sumSigma() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += sigma[i];
        }
        return s;
    }

    /**
     * The standard deviation of bank i's total late shock when the aggregate surprise has
     * variance {@code aggregateVar}: what a rational bank plugs into its demand.
     */
    public double effectiveSigma(int i, double aggregateVar) {
        double w = surpriseWeight[i];
        return sigma[i] * Math.sqrt(1 + w * (aggregateVar / sumSigmaSq - 1));
    }


    /**
     * End of day in one pass: covers every balance below its daily minimum at the SLF
     * (overnight, booked on the ladder for the next business day with interest at the SLF rate),
     * updates the maintenance-period account, and pays interest on reserves for the night(s)
     * ahead: IOER on excess over the requirement, the required-reserve rate on required reserves
     * (the PBoC remunerates both). Without averaging the minimum is the requirement; with
     * averaging it is the requirement less the daily allowance, and on the period's last day
     * whatever keeps the period average at K.
     *
     * @return the total borrowed at the SLF; {@link #lastInterestPaid()} and {@link #lastShortCount()} hold the rest
     */
    public double endOfDay(EndOfDay d) {
        boolean averaging = d.averaging() != null;
        double allowance = averaging ? d.averaging().allowancePp() / 100.0 : 0;
        int periodLength = averaging ? d.averaging().lengthDays() : 1;
        int weightDays = d.weightDays();
        boolean periodEnd = averaging && d.periodEnd();
        int accrualDays = d.accrualDays();
        double f = d.floorPct() / 100.0 * accrualDays / 365.0;
        double rq = d.requiredPct() / 100.0 * accrualDays / 365.0;
        double slfInterest = d.slfRatePct() / 100.0 * accrualDays / 365.0;
        double total = 0;
        double interest = 0;
        int count = 0;
        boolean shocks = shocksPending;
        shocksPending = false;
        double own = pendingOwnShocks;
        double aggregate = pendingAggregate;
        double paymentNet = 0;
        double closing = 0;
        for (int i = 0; i < n; i++) {
            double r = reserves[i];
            if (shocks) {
                // The late payments drawn by drawLateShocks settle first (as applyLateShocks).
                double payment = latePayment(i, own);
                paymentNet += payment;
                r += lateShock(i, payment, aggregate);
            }
            double k = required[i];
            double min;
            if (!averaging) {
                min = k;
            } else if (periodEnd) {
                min = Math.max(k - allowance * deposits[i], (k * periodLength - periodHeld[i]) / weightDays);
            } else {
                min = k - allowance * deposits[i];
            }
            if (r < min) {
                ladder.book(MaturityLadder.Instrument.SLF_OVERNIGHT, i, d.day() + 1, min - r, (min - r) * slfInterest);
                total += min - r;
                r = min;
                count++;
            }
            if (averaging) {
                // Today's balance counts for the days left in its period; nights past the period
                // end (a balance carried over a weekend) open the next period's account.
                periodHeld[i] = periodEnd ? r * (accrualDays - weightDays) : periodHeld[i] + r * weightDays;
            }
            double pay = Math.max(0, r - k) * f + Math.max(0, Math.min(k, r)) * rq;
            double closed = r + pay;
            reserves[i] = closed;
            closing += closed;
            interest += pay;
        }
        lastPaymentNet = paymentNet;
        closingReserves = closing;
        lastShortCount = count;
        lastInterestPaid = interest;
        return total;
    }

    /** Banks that went to the SLF at the last {@link #endOfDay}. */
    public int lastShortCount() {
        return lastShortCount;
    }

    /** Interest on reserves paid at the last {@link #endOfDay}. */
    public double lastInterestPaid() {
        return lastInterestPaid;
    }


    public double totalReserves() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += reserves[i];
        }
        return s;
    }

    /** Σ K_i, as of the last {@link #resetRequirements}. */
    public double totalRequired() {
        return totalRequired;
    }

    /** Σ D_i, as of the last {@link #resetRequirements}. */
    public double totalDeposits() {
        return totalDeposits;
    }

    public double reserves(int i) {
        return reserves[i];
    }

    public double required(int i) {
        return required[i];
    }
}
