package io.corridorsim.model;

import java.util.List;

import io.corridorsim.market.MultiplePriceAuction;

import io.corridorsim.centralbank.Toolkit;

import io.corridorsim.centralbank.ScheduledOperation;

import io.corridorsim.centralbank.Facility;

import io.corridorsim.bank.BankProfile;
import io.corridorsim.bank.BankSector;
import io.corridorsim.bank.DemandDay;
import io.corridorsim.bank.EndOfDay;
import io.corridorsim.bank.MaturityLadder;
import io.corridorsim.bank.PeriodPosition;
import io.corridorsim.calendar.Timeline;
import io.corridorsim.centralbank.BalanceSheet;
import io.corridorsim.centralbank.CentralBank;
import io.corridorsim.centralbank.CentralBankSpec;
import io.corridorsim.centralbank.CentralBankView;
import io.corridorsim.centralbank.PeriodView;
import io.corridorsim.centralbank.RatePath;
import io.corridorsim.flows.FlowSchedule;
import io.corridorsim.market.ShockFamily;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.TSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import sim.engine.Schedule;
import sim.engine.Sequence;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * One Monte Carlo path of the corridor economy on MASON: the bank sector, the central bank and
 * the interbank market, stepped once per business day in the phases of {@link DayPhase}.
 * {@link #start()} is the script of a day, read top to bottom.
 */
public final class CorridorModel extends SimState {

    private static final long serialVersionUID = 1L;

    /** Relative tolerance of the accounting checks (floating-point noise over a year is ~1e-12). */
    private static final double ACCOUNTING_TOLERANCE = 1e-9;

    /** RiskMetrics' decay for the dealers' estimate of the volatility of fixings. */
    private static final double EWMA_DECAY = 0.94;

    /** Floor of the dealers' rate uncertainty, percent (0.5bp). */
    private static final double MIN_RATE_SD_PCT = 0.005;

    private final ModelSpec spec;
    /** The path being run, its streams and where its observations go: set anew for each path of a reused model. */
    private long pathIndex;
    private transient PathSink sink;
    private transient PathStreams streams;
    /** The day's phases in one MASON Sequence, built once and scheduled again at each start. */
    private transient Sequence day;
    /** Today's business day, read off the schedule by the day's first phase (its clock is synchronised: once a day, not per phase). */
    private int today;
    /** What depends on the scenario alone, worked out at the first path and kept for the next. */
    private transient int[] ladderTenors;

    private transient BankSector banks;
    private transient CentralBank centralBank;
    private transient InterbankMarket market;
    private transient BalanceSheet books;
    private transient ContinuousSampler shockSampler;
    private transient NormalizedGaussianSampler surpriseSampler;
    /** One uniform per bank per day for the shut-out draws. */
    private transient double[] shutOutDraws;
    /** Dealers' bids at announced fixed-rate operations, and the bid book of rate tenders (reused). */
    private transient double[] operationBids;
    private transient double[] tenderRates;
    private transient double[] tenderAmounts;
    private transient double[] tenderFilled;
    private transient int[] tenderBidder;
    private transient double[] tenderPrincipal;
    private transient double[] tenderInterest;
    /** What today's announced operations allotted, bn. */
    private transient double scheduledBn;
    private static final Facility[] FACILITIES = Facility.values();
    /** Per facility: its instrument on the dealers' ladder and the accounting checks' wording (built once, not each day). */
    private static final MaturityLadder.Instrument[] LADDER = new MaturityLadder.Instrument[FACILITIES.length];
    private static final String[] MATURING_CHECK = new String[FACILITIES.length];
    private static final String[] OUTSTANDING_CHECK = new String[FACILITIES.length];

    static {
        for (Facility f : FACILITIES) {
            LADDER[f.ordinal()] = ladderInstrument(f);
            MATURING_CHECK[f.ordinal()] = "maturing " + f.key() + ": dealers repaid vs the central bank's book";
            OUTSTANDING_CHECK[f.ordinal()] = f.key() + " outstanding: dealers' ladder vs the central bank's book";
        }
    }

    private transient double[] bids;

    private double injectionBn;
    private double bidsBn;
    /** The last DR001 fixing and the exponentially weighted variance of its daily changes (public information). */
    private double lastFixingPct = Double.NaN;
    /** The last DR007 fixing (a day without 7-day trades has none). */
    private double lastTermFixingPct = Double.NaN;
    private double fixingChangeVar;
    private double lastSurpriseBn;
    private double forecastFlowBn;
    private double slfBn;
    /** SLF lent this morning to banks shut out of the market with a need. */
    private double shutOutSlfBn;
    private int rrrCursor;
    private double anchorSpreadPct;
    private transient AveragingWeights averagingWeights;

    public CorridorModel(ModelSpec spec, long pathIndex, PathStreams streams, PathSink sink) {
        super(streams.masonSeed());
        this.spec = spec;
        this.pathIndex = pathIndex;
        this.streams = streams;
        this.sink = sink;
    }

    /** Runs the path from the first to the last business day (a fresh model; {@link #newRunner} reuses one). */
    public static void runPath(ModelSpec spec, long pathIndex, PathStreams streams, PathSink sink) {
        newRunner(spec).run(pathIndex, streams, sink);
    }

    /**
     * A runner of paths of {@code spec} that keeps one model and resets it for each path instead
     * of building it anew: the same results as {@link #runPath}. One thread at a time.
     */
    public static PathRunner newRunner(ModelSpec spec) {
        return new PathRunner(spec);
    }

    /** The next path on this model: its index, streams and sink; {@link #start()} then resets every agent in place. */
    void rebind(long pathIndex, PathStreams streams, PathSink sink) {
        setSeed(streams.masonSeed());
        this.pathIndex = pathIndex;
        this.streams = streams;
        this.sink = sink;
    }

    /** Lets go of the last path's streams and sink (a runner keeps the model between paths). */
    void unbind() {
        this.streams = null;
        this.sink = null;
    }

    /** Starts the path and steps it from the first to the last business day. */
    void runToEnd() {
        start();
        int days = spec.days();
        // One schedule step per business day (the schedule starts at step 0).
        for (int d = 0; d < days; d++) {
            if (!schedule.step(this)) {
                break;
            }
        }
        finish();
    }

    @Override
    public void start() {
        super.start();
        open();
        if (day == null) {
            // The day, top to bottom (DOMAIN §4): one MASON Sequence of the phases, in DayPhase order,
            // scheduled once per business day (one schedule entry a day instead of six).
            Steppable[] phases = new Steppable[DayPhase.values().length];
            phases[DayPhase.SETTLE.ordinal()] = state -> {                    // maturities, overnight repayments, calendar flows
                today = (int) Math.round(state.schedule.getTime());           // the clock, read once a day
                settle(today);
            };
            phases[DayPhase.OPERATIONS.ordinal()] = phase(this::operate);     // banks post demand; the PBoC operates
            phases[DayPhase.MARKET.ordinal()] = phase(this::trade);           // call auctions: overnight, then 7-day
            phases[DayPhase.LATE_SHOCKS.ordinal()] = phase(this::lateShocks); // zero-sum payments + autonomous surprise
            phases[DayPhase.END_OF_DAY.ordinal()] = phase(this::endOfDay);    // SLF for shortfalls, interest on reserves
            phases[DayPhase.COLLECT.ordinal()] = phase(this::collect);        // fixings, quantities, the books checked
            day = new Sequence(phases);
        }
        schedule.scheduleRepeating(Schedule.EPOCH, 0, day, 1.0);
    }

    /** A phase after the first: today's business day as the first phase read it off the schedule. */
    private Steppable phase(java.util.function.IntConsumer action) {
        return state -> action.accept(today);
    }

    /**
     * Opens the path: every agent as at the first morning. The first path builds them; a reused
     * model's next path resets them in place (arrays, ladder, books), to the same state.
     */
    private void open() {
        boolean first = banks == null;
        if (first) {
            banks = new BankSector(spec.banks().toArray(new BankProfile[0]), spec.family());
        } else {
            banks.reset();
        }
        banks.resetRequirements(spec.flows().depositFactor(0));
        InitialBalances init = spec.initial();
        Timeline tl = spec.timeline();
        banks.open(init.excessReservesBn(), tl.periodLengthCalendarDays(0) - tl.periodCalendarDaysRemaining(0));
        double openingReservesBn = banks.totalReserves() - init.omoOutstandingBn() - init.termStock().mlfBn()
                - init.termStock().outrightBn();
        if (first) {
            books = new BalanceSheet(init.fxBn(), init.otherClaimsBn(), init.currencyBn(), init.govDepositsBn(), openingReservesBn);
        } else {
            books.open(init.fxBn(), init.otherClaimsBn(), init.currencyBn(), init.govDepositsBn(), openingReservesBn);
        }
        CentralBank.Streams cbStreams = new CentralBank.Streams(
                ZigguratSampler.NormalizedGaussian.of(streams.forecastError()),
                ZigguratSampler.NormalizedGaussian.of(streams.priorError()));
        if (first) {
            centralBank = new CentralBank(new CentralBank.Setting(spec.centralBank(), spec.rates(), tl, spec.family()), books,
                    cbStreams, banks.totalRequired());
            ladderTenors = ladderTenors(spec);
        } else {
            centralBank.reset(cbStreams, banks.totalRequired());
        }
        banks.openLadder(ladderTenors);
        openOutstanding(init.omoOutstandingBn());
        openTermStock(Facility.MLF, init.termStock().mlfBn(), 12, 25);
        openTermStock(Facility.OUTRIGHT_REVERSE_REPO, init.termStock().outrightBn(), 6, 15);
        centralBank.markOpen();
        int tranches = BankSector.TENDER_TRANCHES * banks.size();
        if (first) {
            bids = new double[banks.size()];
            operationBids = new double[banks.size()];
            tenderRates = new double[tranches];
            tenderAmounts = new double[tranches];
            tenderFilled = new double[tranches];
            tenderBidder = new int[tranches];
            tenderPrincipal = new double[banks.size()];
            tenderInterest = new double[banks.size()];
            shutOutDraws = new double[banks.size()];
            market = new InterbankMarket(spec, banks);
            anchorSpreadPct = anchorSpreadPct(spec);
            averagingWeights = spec.averaging().enabled() ? new AveragingWeights(spec.timeline(), spec.flows()) : null;
        } else {
            java.util.Arrays.fill(bids, 0);
            java.util.Arrays.fill(operationBids, 0);
            java.util.Arrays.fill(tenderRates, 0);
            java.util.Arrays.fill(tenderAmounts, 0);
            java.util.Arrays.fill(tenderFilled, 0);
            java.util.Arrays.fill(tenderBidder, 0);
            java.util.Arrays.fill(tenderPrincipal, 0);
            java.util.Arrays.fill(tenderInterest, 0);
            java.util.Arrays.fill(shutOutDraws, 0);
            market.reset();
        }
        scheduledBn = 0;
        injectionBn = 0;
        bidsBn = 0;
        lastFixingPct = Double.NaN;
        lastTermFixingPct = Double.NaN;
        fixingChangeVar = 0;
        lastSurpriseBn = 0;
        forecastFlowBn = 0;
        slfBn = 0;
        shutOutSlfBn = 0;
        ShockFamily family = spec.family();
        if (family instanceof ShockFamily.StudentT t) {
            TSampler raw = TSampler.of(streams.paymentShocks(), t.degreesOfFreedom());
            double unit = t.unitScale();
            shockSampler = () -> raw.sample() * unit;
        } else {
            NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(streams.paymentShocks());
            shockSampler = g::sample;
        }
        surpriseSampler = ZigguratSampler.NormalizedGaussian.of(streams.autonomousSurprise());
        rrrCursor = 0;
    }

    /**
     * An opening stock of MLF or outright reverse repos, in {@code months} equal parts maturing on
     * day {@code dayOfMonth} (the next business day) of each of the next months, at the opening
     * policy rate: booked on both sides (the dealers' reserves already hold it).
     */
    private void openTermStock(Facility f, double stockBn, int months, int dayOfMonth) {
        if (stockBn == 0) {
            return;
        }
        Timeline tl = spec.timeline();
        java.time.YearMonth first = java.time.YearMonth.from(tl.date(0)).plusMonths(1);
        double each = stockBn / months;
        for (int m = 0; m < months; m++) {
            java.time.YearMonth ym = first.plusMonths(m);
            java.time.LocalDate due = ym.atDay(Math.min(dayOfMonth, ym.lengthOfMonth()));
            int maturity = tl.indexOnOrAfter(due);
            int tenor = (int) (due.toEpochDay() - tl.date(0).toEpochDay());
            double factor = spec.rates().policyPct(0) / 100.0 * tenor / 365.0;
            centralBank.book(f, maturity, each, each * factor);
            banks.allotToDealers(each, null, 0, new BankSector.Allotment(ladderInstrument(f), maturity, factor));
        }
        banks.payByDealerShare(-stockBn);
    }

    /** The longest tenor each ladder instrument will carry in this scenario, calendar days (0: unused). */
    static int[] ladderTenors(ModelSpec spec) {
        int[] t = new int[MaturityLadder.instrumentCount()];
        CentralBankSpec cb = spec.centralBank();
        Toolkit kit = cb.toolkit();
        t[MaturityLadder.Instrument.INTERBANK_OVERNIGHT.ordinal()] = 1;
        t[MaturityLadder.Instrument.SLF_OVERNIGHT.ordinal()] = 1;
        t[MaturityLadder.Instrument.CENTRAL_BANK_REPO.ordinal()] = Math.max(cb.tenorDays(), kit.longestTenorDays(Facility.REVERSE_REPO));
        t[MaturityLadder.Instrument.INTERBANK_TERM.ordinal()] = spec.term().enabled() ? spec.term().tenorDays() : 0;
        t[MaturityLadder.Instrument.OUTRIGHT_REVERSE_REPO.ordinal()] = Math.max(kit.longestTenorDays(Facility.OUTRIGHT_REVERSE_REPO),
                kit.outrightRollover() > 0 || spec.initial().termStock().outrightBn() > 0 ? 200 : 0);
        t[MaturityLadder.Instrument.MLF.ordinal()] = Math.max(kit.longestTenorDays(Facility.MLF),
                kit.mlfRollover() > 0 || spec.initial().termStock().mlfBn() > 0 ? 400 : 0);
        t[MaturityLadder.Instrument.TEMPORARY_OVERNIGHT.ordinal()] = kit.temporary() != null ? 1 : 0;
        t[MaturityLadder.Instrument.STRUCTURAL.ordinal()] = kit.longestTenorDays(Facility.STRUCTURAL);
        return t;
    }

    /** The banks' side of a central bank facility. */
    static MaturityLadder.Instrument ladderInstrument(Facility f) {
        return switch (f) {
            case REVERSE_REPO -> MaturityLadder.Instrument.CENTRAL_BANK_REPO;
            case OUTRIGHT_REVERSE_REPO -> MaturityLadder.Instrument.OUTRIGHT_REVERSE_REPO;
            case MLF -> MaturityLadder.Instrument.MLF;
            case TEMPORARY_OVERNIGHT -> MaturityLadder.Instrument.TEMPORARY_OVERNIGHT;
            case STRUCTURAL -> MaturityLadder.Instrument.STRUCTURAL;
        };
    }

    /**
     * Opening stock of reverse repos, spread evenly over the business days of the first tenor,
     * as if the central bank had injected the same amount every day before the run: booked on
     * both sides (the dealers' reserves already hold it; this adds the claim and the debt).
     */
    private void openOutstanding(double outstandingBn) {
        if (outstandingBn == 0) {
            return;
        }
        Timeline tl = spec.timeline();
        int tenor = spec.centralBank().tenorDays();
        int last = Math.min(tl.maturityIndex(0, tenor - 1), tl.size());
        int days = Math.max(1, last + 1);
        double each = outstandingBn / days;
        double factor = spec.rates().policyPct(0) / 100.0 * tenor / 365.0;
        for (int k = 0; k < days; k++) {
            centralBank.bookOperation(k, each, each * factor);
            banks.allotToDealers(each, null, 0, k, factor);
        }
        // The dealers held these reserves already: the bookings above only created the debts.
        banks.payByDealerShare(-outstandingBn);
    }


    private void settle(int t) {
        Timeline tl = spec.timeline();
        RatePath rates = spec.rates();
        // Every position due today settles in one pass over the ladder.
        banks.settleMorning(t);
        checkZeroSum(t, "overnight interbank repayments", banks.settledBn(MaturityLadder.Instrument.INTERBANK_OVERNIGHT));
        checkZeroSum(t, "7-day interbank repayments", banks.settledBn(MaturityLadder.Instrument.INTERBANK_TERM));
        centralBank.settleOperations(t);
        for (Facility f : FACILITIES) {
            checkEqual(t, MATURING_CHECK[f.ordinal()], banks.settledBn(LADDER[f.ordinal()]), centralBank.settledBn(f));
        }
        double slfPrincipal = banks.settledPrincipalBn(MaturityLadder.Instrument.SLF_OVERNIGHT);
        centralBank.settleStandingFacility(slfPrincipal, banks.settledBn(MaturityLadder.Instrument.SLF_OVERNIGHT) - slfPrincipal);
        FlowSchedule flows = spec.flows();
        // Yesterday's surprise partly reverses: treasury timing errors wash out (known this morning).
        double reversal = flows.surpriseReversal() * lastSurpriseBn;
        books.addFx(flows.fxBn(t));
        books.addGovDeposits(flows.govBn(t) + reversal);
        books.addCurrency(flows.currencyBn(t));
        banks.payByDeposits(flows.netBn(t) - reversal);
        forecastFlowBn = flows.netBn(t) - reversal;
        boolean reset = flows.requirementReset(t);
        boolean rrr = false;
        while (rrrCursor < spec.rrrChanges().size() && spec.rrrChanges().get(rrrCursor).day() <= t) {
            RrrChange c = spec.rrrChanges().get(rrrCursor++);
            banks.changeReserveRatio(c.tier(), c.changePp(), c.floorRatioPct());
            rrr = true;
        }
        if (reset || rrr) {
            banks.resetRequirements(flows.depositFactor(t));
            // The central bank computes the requirement itself: a period's requirement comes from
            // the deposits banks reported at the ten-day period end before it (DOMAIN §3.3), and
            // a ratio change is its own policy.
            centralBank.receiveRequiredReport(banks.totalRequired());
        }
    }

    private void operate(int t) {
        Timeline tl = spec.timeline();
        RatePath rates = spec.rates();
        double sd = spec.flows().surpriseSdBn(t);
        banks.setAggregateVariance(sd * sd);
        double precaution = spec.precaution(t);
        PeriodPosition period = spec.averaging().enabled() ? periodPosition(t) : null;
        DemandDay demandDay = new DemandDay(rates.floorPct(t), rates.ceilingPct(t), precaution, period);
        banks.prepareDemand(demandDay);
        // Its announced operations first (it knows what they allot before it sizes the daily one);
        // dealers bid for them from today's schedules, and post again after.
        scheduledBn = 0;
        List<ScheduledOperation> announced = centralBank.operationsToday(t);
        if (!announced.isEmpty()) {
            for (ScheduledOperation o : announced) {
                scheduledBn += conduct(t, o);
            }
            centralBank.recordScheduled(scheduledBn);
            banks.prepareDemand(demandDay);
        }
        // The central bank sees its view only; dealers bid from their own schedules.
        PeriodView cbPeriod = period == null ? null : new PeriodView(period.lengthDays(), period.remainingDays(),
                period.lastDayWeight(), period.newsVariance(), 0, spec.averaging().credibility());
        CentralBankView view = centralBank.view(t, forecastFlowBn, precaution, cbPeriod);
        CentralBankSpec cb = spec.centralBank();
        boolean tender = cb.rule().rationedByBids();
        bidsBn = 0;
        if (tender) {
            BankSector.RateExpectation expected = new BankSector.RateExpectation(lastFixingPct,
                    Math.max(MIN_RATE_SD_PCT, Math.sqrt(fixingChangeVar)));
            bidsBn = banks.dealerBids(rates.policyPct(t) + cb.collateralCostBp() / 100.0, expected, bids);
        }
        injectionBn = centralBank.operate(view, bidsBn);
        if (injectionBn != 0) {
            double factor = rates.policyPct(t) / 100.0 * cb.tenorDays() / 365.0;
            int maturity = tl.maturityIndex(t, cb.tenorDays());
            banks.allotToDealers(injectionBn, tender ? bids : null, bidsBn, maturity, factor);
            sink.operation(new OperationRecord(t, Facility.REVERSE_REPO, cb.tenorDays(), maturity, injectionBn,
                    rates.policyPct(t), rates.policyPct(t), tender ? countPositive(bids) : 0, tender ? bidsBn : Double.NaN,
                    tender ? cb.rule().offerBn(view) : injectionBn));
        }
    }

    /**
     * One announced operation: at a fixed rate dealers bid what they need at it plus their
     * collateral cost (relending and PSL go to dealers by their deposits: targeted programmes
     * nobody bids for), and are allotted pro rata up to the amount offered; a rate tender takes
     * dealers' bid schedules ({@link BankSector#tenderBids}) through the auction. Books both sides.
     *
     * @return the amount allotted, bn
     */
    private double conduct(int t, ScheduledOperation o) {
        CentralBankSpec cb = spec.centralBank();
        MaturityLadder.Instrument k = ladderInstrument(o.facility());
        int maturity = spec.timeline().maturityIndex(t, o.tenorDays());
        double collateralPct = cb.collateralCostBp() / 100.0;
        double sdPct = Math.max(MIN_RATE_SD_PCT, Math.sqrt(fixingChangeVar));
        if (!o.tender()) {
            double factor = o.ratePct() / 100.0 * o.tenorDays() / 365.0;
            double amount;
            if (o.facility() == Facility.STRUCTURAL) {
                amount = o.amountBn();
                banks.allotToDealers(amount, null, 0, new BankSector.Allotment(k, maturity, factor));
            } else {
                double total = banks.dealerBids(o.ratePct() + collateralPct,
                        new BankSector.RateExpectation(lastFixingPct, sdPct), operationBids);
                amount = Math.min(o.amountBn(), total);
                banks.allotToDealers(amount, operationBids, total, new BankSector.Allotment(k, maturity, factor));
            }
            centralBank.book(o.facility(), maturity, amount, amount * factor);
            boolean bidFor = o.facility() != Facility.STRUCTURAL;
            sink.operation(new OperationRecord(t, o.facility(), o.tenorDays(), maturity, amount, o.ratePct(), o.ratePct(),
                    bidFor ? countPositive(operationBids) : 0, bidFor ? sum(operationBids) : Double.NaN, o.amountBn()));
            return amount;
        }
        // What the term money replaces: 7-day money at the last DR007 fixing where traded, else overnight.
        double value = Double.isFinite(lastTermFixingPct) ? lastTermFixingPct
                : Double.isFinite(lastFixingPct) ? lastFixingPct : spec.rates().policyPct(t) + collateralPct;
        int m = banks.tenderBids(new BankSector.TermBidding(value, collateralPct, sdPct), tenderRates, tenderAmounts, tenderBidder);
        MultiplePriceAuction.Outcome out = MultiplePriceAuction.allot(new MultiplePriceAuction.Bids(tenderRates, tenderAmounts, m),
                o.amountBn(), o.minimumRatePct(), o.pricing() == ScheduledOperation.Pricing.MULTIPLE
                        ? MultiplePriceAuction.Pricing.MULTIPLE : MultiplePriceAuction.Pricing.UNIFORM, tenderFilled);
        java.util.Arrays.fill(tenderPrincipal, 0);
        java.util.Arrays.fill(tenderInterest, 0);
        double principal = 0;
        double interest = 0;
        for (int j = 0; j < m; j++) {
            double x = tenderFilled[j];
            if (x > 0) {
                double paid = o.pricing() == ScheduledOperation.Pricing.MULTIPLE ? tenderRates[j] : out.marginalRatePct();
                double q = x * paid / 100.0 * o.tenorDays() / 365.0;
                tenderPrincipal[tenderBidder[j]] += x;
                tenderInterest[tenderBidder[j]] += q;
                principal += x;
                interest += q;
            }
        }
        banks.bookDealerPositions(k, maturity, tenderPrincipal, tenderInterest);
        centralBank.book(o.facility(), maturity, principal, interest);
        sink.operation(new OperationRecord(t, o.facility(), o.tenorDays(), maturity, principal, out.weightedAverageRatePct(),
                out.marginalRatePct(), distinctBidders(m), out.bidBn(), o.amountBn()));
        return principal;
    }

    private static int countPositive(double[] v) {
        int c = 0;
        for (double x : v) {
            if (x > 0) {
                c++;
            }
        }
        return c;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    /** Dealers with a bid in the first {@code m} entries of the tender's book (bids come grouped by dealer). */
    private int distinctBidders(int m) {
        int c = 0;
        for (int j = 0; j < m; j++) {
            if (j == 0 || tenderBidder[j] != tenderBidder[j - 1]) {
                c++;
            }
        }
        return c;
    }

    /**
     * Today's place in its maintenance period. Before the last day the market mixes in the
     * central bank's target with the credibility banks give its period-end operation; on a last
     * day whose balance also counts in the next period, the next period's expected rate, with the
     * share of nights it counts there.
     */
    private PeriodPosition periodPosition(int t) {
        Timeline tl = spec.timeline();
        AveragingSpec a = spec.averaging();
        // The period's last business day by the calendar: a period the run ends inside goes on after it.
        boolean last = tl.isPeriodEnd(t);
        int w = tl.periodWeight(t);
        int wT = averagingWeights.lastDayWeight(t);
        int remaining = last ? w : Math.max(tl.periodCalendarDaysRemaining(t), w);
        double targetPct = spec.rates().policyPct(t) + anchorSpreadPct;
        double anchor = targetPct;
        double weight = a.credibility();
        if (last) {
            int next = averagingWeights.nightsInNextPeriod(t);
            weight = next / (double) (w + next);
            anchor = weight > 0 ? nextPeriodRatePct(t, wT, targetPct) : targetPct;
        }
        return new PeriodPosition(tl.periodLengthCalendarDays(t), remaining, wT, last,
                last ? 0 : averagingWeights.newsVariance(t), a.allowancePp(), anchor, weight);
    }

    /**
     * What banks expect the next period's rate to be, seen from this period's last day: the
     * martingale level at its start if supply stays where it is, mixed with the central bank's
     * target by its credibility.
     */
    private double nextPeriodRatePct(int t, int lastDayWeight, double targetPct) {
        RatePath rates = spec.rates();
        double f = rates.floorPct(t);
        double c = rates.ceilingPct(t);
        int length = spec.timeline().periodLengthCalendarDays(t);
        double news = t + 1 < spec.days() ? averagingWeights.newsVariance(t + 1) : 0;
        double sumEff = banks.sumEffectiveSigma();
        double gap = banks.sumRequiredAndWorking() - banks.sumMu() - banks.totalReserves();
        double scale = Math.sqrt(sumEff * sumEff * lastDayWeight * lastDayWeight + news) / length;
        double poole = f + (c - f) * banks.family().cdf(gap / scale);
        double p = spec.averaging().credibility();
        return p * targetPct + (1 - p) * poole;
    }

    private void trade(int t) {
        // One draw per bank per day whatever the (positive) shut-out probability, so the stream
        // stays aligned across its values; with none, its own stream is not touched at all.
        if (spec.term().frictions().shutOutProbability() > 0) {
            org.apache.commons.rng.UniformRandomProvider u = streams.shutOuts();
            for (int i = 0; i < shutOutDraws.length; i++) {
                shutOutDraws[i] = u.nextDouble();
            }
        }
        // Reserves after the operation: what banks posted plus what the central bank added.
        market.clear(t, banks.postedSupplyBn() + injectionBn, shutOutDraws);
        centralBank.bookTemporary(t + 1, market.temporaryBn(), market.temporaryPct(), spec.timeline().accrualDays(t));
        if (market.temporaryBn() != 0) {
            sink.operation(new OperationRecord(t, Facility.TEMPORARY_OVERNIGHT, spec.timeline().accrualDays(t), t + 1,
                    market.temporaryBn(), market.temporaryPct(), market.temporaryPct(), 0, Double.NaN, Double.POSITIVE_INFINITY));
        }
        checkZeroSum(t, "overnight interbank trades", banks.lastInterbankNet());
        checkZeroSum(t, "7-day interbank trades", banks.lastTermNet());
        shutOutSlfBn = banks.lastShutOutSlfBn();
        centralBank.lendStandingFacilityBeforeMarket(shutOutSlfBn);
    }

    private void lateShocks(int t) {
        // Drawn now (one per bank, in bank order, from the payment stream), settled in the end of
        // day's pass over the banks.
        double surprise = spec.flows().surpriseSdBn(t) * surpriseSampler.sample();
        banks.drawLateShocks(shockSampler, surprise);
        lastSurpriseBn = surprise;
        // The unforecast autonomous flow is the treasury's: it moves government deposits.
        books.addGovDeposits(-(surprise + banks.sumMu()));
    }

    private void endOfDay(int t) {
        Timeline tl = spec.timeline();
        RatePath rates = spec.rates();
        PeriodPosition period = spec.averaging().enabled() ? periodPosition(t) : null;
        slfBn = banks.endOfDay(new EndOfDay(t, tl.accrualDays(t), rates.floorPct(t), rates.requiredRemunerationPct(),
                rates.ceilingPct(t), period, tl.periodWeight(t), tl.isPeriodEnd(t)));
        checkZeroSum(t, "payment shocks among banks", banks.lastPaymentNet());
        centralBank.lendStandingFacility(slfBn);
        books.bookNetInterest(-banks.lastInterestPaid());
        centralBank.remitProfitIfDue(t);
    }

    private void collect(int t) {
        double reserves = banks.closingReserves();
        double required = banks.totalRequired();
        double cbReserves = books.reservesBn();
        if (!(Math.abs(reserves - cbReserves) <= ACCOUNTING_TOLERANCE * Math.max(1, Math.abs(reserves)))) {
            throw new AccountingException(pathIndex, t, spec.timeline().date(t), String.format(
                    "banks hold %.9f bn of reserves but the five factors give %.9f bn (FX %.6f + claims %.6f"
                            + " - government %.6f - currency %.6f - equity %.6f); difference %.3e bn",
                    reserves, cbReserves, books.fxBn(), books.claimsBn(), books.govDepositsBn(), books.currencyBn(),
                    books.equityBn(), reserves - cbReserves));
        }
        MaturityLadder ladder = banks.ladder();
        checkZeroSum(t, "overnight loans outstanding between banks", ladder.outstandingBn(MaturityLadder.Instrument.INTERBANK_OVERNIGHT));
        for (Facility f : FACILITIES) {
            checkEqual(t, OUTSTANDING_CHECK[f.ordinal()], ladder.outstandingBn(LADDER[f.ordinal()]), centralBank.outstandingBn(f));
        }
        checkZeroSum(t, "7-day loans outstanding between banks", ladder.outstandingBn(MaturityLadder.Instrument.INTERBANK_TERM));
        checkEqual(t, "SLF outstanding: banks' ladder vs today's lending (shut-out banks in the morning, shortfalls at close)",
                ladder.outstandingBn(MaturityLadder.Instrument.SLF_OVERNIGHT), shutOutSlfBn + slfBn);
        checkTermCorridor(t);
        double excess = reserves - required;
        double dr001 = market.overnightPct();
        if (!Double.isNaN(lastFixingPct)) {
            double d = dr001 - lastFixingPct;
            fixingChangeVar = fixingChangeVar == 0 ? d * d : EWMA_DECAY * fixingChangeVar + (1 - EWMA_DECAY) * d * d;
        }
        lastFixingPct = dr001;
        sink.record(Metric.DR001, t, dr001);
        if (spec.term().enabled()) {
            sink.record(Metric.DR007, t, market.termPct());
            sink.record(Metric.DR007_EMPTY_REASON, t, market.termEmpty().ordinal());
            sink.record(Metric.VOLUME_7D_BN, t, market.volumeTermBn());
        }
        sink.record(Metric.VOLUME_ON_BN, t, market.volumeOnBn());
        sink.record(Metric.EXCESS_RESERVES_BN, t, excess);
        sink.record(Metric.ER_RATIO_PCT, t, 100.0 * excess / banks.totalDeposits());
        sink.record(Metric.SLF_BN, t, slfBn + shutOutSlfBn);
        sink.record(Metric.OMO_INJECTION_BN, t, injectionBn);
        sink.record(Metric.OMO_OUTSTANDING_BN, t, centralBank.outstandingBn());
        sink.record(Metric.OMO_BIDS_BN, t, bidsBn);
        sink.record(Metric.CB_DEMAND_ESTIMATE_BN, t, centralBank.demandEstimateBn());
        sink.record(Metric.SHORT_BANK_SHARE, t, banks.lastShortCount() / (double) banks.size());
        sink.record(Metric.INTERBANK_VOLUME_BN, t, market.volumeOnBn() + market.volumeTermBn());
        sink.record(Metric.FX_BN, t, books.fxBn());
        sink.record(Metric.CLAIMS_BN, t, books.claimsBn());
        sink.record(Metric.GOV_DEPOSITS_BN, t, books.govDepositsBn());
        sink.record(Metric.REQUIRED_BN, t, required);
        sink.record(Metric.CURRENCY_BN, t, books.currencyBn());
        sink.record(Metric.OTHER_ITEMS_BN, t, books.equityBn());
        sink.record(Metric.SCHEDULED_OPERATIONS_BN, t, scheduledBn);
        sink.record(Metric.TEMPORARY_OPERATION_BN, t, market.temporaryBn());
        sink.record(Metric.MLF_OUTSTANDING_BN, t, centralBank.outstandingBn(Facility.MLF));
        sink.record(Metric.OUTRIGHT_OUTSTANDING_BN, t, centralBank.outstandingBn(Facility.OUTRIGHT_REVERSE_REPO));
        sink.record(Metric.STRUCTURAL_OUTSTANDING_BN, t, centralBank.outstandingBn(Facility.STRUCTURAL));
        double dr007 = market.termPct();
        if (Double.isFinite(dr007)) {
            lastTermFixingPct = dr007;
        }
        // The feedback rule watches DR007; a day without 7-day trades repeats the last fixing (no
        // news), before any the overnight fixing stands in. The central bank's demand model has no
        // date costs: on a day whose overnight loans carry one it does not learn.
        double watched = Double.isFinite(lastTermFixingPct) ? lastTermFixingPct : dr001;
        centralBank.close(dr001, spec.term().enabled() ? watched : dr001, market.wedgePct(t) == 0);
    }

    /** DR007, where traded, lies inside the 7-day corridor: IOER to the 7-day SLF rate plus the largest stigma. */
    private void checkTermCorridor(int t) {
        double r = market.termPct();
        if (Double.isNaN(r)) {
            return;
        }
        RatePath rates = spec.rates();
        double lo = rates.floorPct(t);
        double hi = rates.ceiling7dPct(t) + banks.maxStigmaPct();
        if (!(r >= lo - 1e-9 && r <= hi + 1e-9)) {
            throw new AccountingException(pathIndex, t, spec.timeline().date(t), String.format(
                    "DR007 %.6f%% lies outside the 7-day corridor [%.4f%%, %.4f%%] (IOER, SLF 7-day + stigma)", r, lo, hi));
        }
    }

    private void checkEqual(int t, String what, double a, double b) {
        if (!(Math.abs(a - b) <= ACCOUNTING_TOLERANCE * Math.max(1, Math.abs(a)))) {
            throw new AccountingException(pathIndex, t, spec.timeline().date(t),
                    String.format("%s differ: %.9f bn against %.9f bn", what, a, b));
        }
    }

    private void checkZeroSum(int t, String what, double net) {
        double scale = Math.max(1, banks.totalRequired());
        if (!(Math.abs(net) <= ACCOUNTING_TOLERANCE * scale)) {
            throw new AccountingException(pathIndex, t, spec.timeline().date(t),
                    String.format("%s do not net to zero: they sum to %.9e bn", what, net));
        }
    }

    /** Where the central bank steers the overnight rate, relative to the policy rate (percentage points). */
    static double anchorSpreadPct(ModelSpec spec) {
        return spec.centralBank().rule().targetSpreadBp() / 100.0;
    }

    /** The bank sector, for tests and inspection. */
    public BankSector banks() {
        return banks;
    }

    public BalanceSheet books() {
        return books;
    }
}
