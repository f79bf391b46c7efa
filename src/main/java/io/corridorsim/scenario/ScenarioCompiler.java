package io.corridorsim.scenario;

import java.time.YearMonth;

import io.corridorsim.centralbank.Toolkit;

import io.corridorsim.centralbank.ScheduledOperation;

import io.corridorsim.centralbank.Facility;

import io.corridorsim.bank.BankProfile;
import io.corridorsim.bank.ReserveTier;
import io.corridorsim.calendar.CalendarDataException;
import io.corridorsim.calendar.CalendarRangeException;
import io.corridorsim.calendar.ChinaCalendar;
import io.corridorsim.calendar.Timeline;
import io.corridorsim.centralbank.CentralBankSpec;
import io.corridorsim.centralbank.RatePath;
import io.corridorsim.centralbank.ReactionRule;
import io.corridorsim.flows.FlowBuilder;
import io.corridorsim.flows.FlowSchedule;
import io.corridorsim.market.NormalDist;
import io.corridorsim.market.ShockFamily;
import io.corridorsim.model.AveragingSpec;
import io.corridorsim.model.InitialBalances;
import io.corridorsim.model.MarketSpec;
import io.corridorsim.model.ModelSpec;
import io.corridorsim.model.RrrChange;
import io.corridorsim.model.Frictions;
import io.corridorsim.model.TermSpec;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Turns a validated {@link Scenario} into the immutable {@link ModelSpec} every path shares:
 * resolves the calendar, places the banks, lays out rates, events, flows and precautionary
 * demand day by day. Problems that only show here (a run past the calendar's years, an event
 * that inverts the corridor) are reported as {@link ScenarioException}s too.
 */
public final class ScenarioCompiler {

    private ScenarioCompiler() {
    }

    /** @param scenarioFile the file the scenario came from; data paths resolve against its folder */
    public static ModelSpec compile(Scenario s, Path scenarioFile) {
        return compile(s, scenarioFile, new Calendars());
    }

    /**
     * Calendars loaded once per folder, for callers that compile many scenarios (a sweep's
     * points): loading the CSVs is most of a compile's cost. Thread-safe; an instance, never static.
     */
    public static final class Calendars {
        private final java.util.concurrent.ConcurrentHashMap<Path, ChinaCalendar> byFolder = new java.util.concurrent.ConcurrentHashMap<>();

        ChinaCalendar load(Path folder) {
            return byFolder.computeIfAbsent(folder.toAbsolutePath().normalize(),
                    f -> ChinaCalendar.load(f.resolve("cn-holidays.csv"), f.resolve("cn-festivals.csv")));
        }
    }

    /** As {@link #compile(Scenario, Path)}, with calendars from {@code calendars}. */
    public static ModelSpec compile(Scenario s, Path scenarioFile, Calendars calendars) {
        Path dir = scenarioFile.toAbsolutePath().getParent();
        ChinaCalendar calendar = calendar(s, scenarioFile, dir, calendars);
        Timeline timeline;
        try {
            timeline = Timeline.build(calendar, s.start(), s.days());
        } catch (CalendarRangeException e) {
            throw new ScenarioException(scenarioFile, "days", 0,
                    "a run of " + s.days() + " business days from " + s.startDate() + " does not fit the calendar: " + e.getMessage());
        }
        List<BankProfile> banks = banks(s.banks());
        ShockFamily family = s.banks().shocks().distribution().equals("student_t")
                ? ShockFamily.studentT(s.banks().shocks().dof()) : ShockFamily.normal();

        List<Scenario.Event> events = new ArrayList<>(s.events());
        events.sort(Comparator.comparing(Scenario.Event::date));
        RatePath rates = rates(s, timeline, events, scenarioFile);
        List<RrrChange> rrr = new ArrayList<>();
        for (Scenario.Event e : events) {
            if (e.rrrChangePp() != null) {
                int day = timeline.indexOnOrAfter(LocalDate.parse(e.date()));
                if (day < timeline.size()) {
                    rrr.add(new RrrChange(day, e.tier() == null ? null : ReserveTier.valueOf(e.tier().toUpperCase(Locale.ROOT)),
                            e.rrrChangePp(), e.rrrFloorPct()));
                }
            }
        }
        Scenario.CentralBank cb = s.centralBank();
        Scenario.Learning learning = cb.learning();
        double demandScale = learning.demandScaleBn() != null ? learning.demandScaleBn()
                : banks.stream().mapToDouble(BankProfile::shockSigmaBn).sum();
        CentralBankSpec cbSpec = new CentralBankSpec(rule(cb), cb.tenorDays(), cb.forecastErrorSdBn(),
                cb.forecastErrorShareOfFlow(), cb.collateralCostBp(), cb.allowDrain(), learning.gain(), demandScale,
                learning.initialEstimateBn() == null ? Double.NaN : learning.initialEstimateBn(),
                cb.precautionPriorBn(), cb.precautionPriorErrorShare(), operationDays(cb.operationDays()),
                toolkit(cb, timeline));
        FlowSchedule flows = flows(s.autonomous(), timeline, calendar);
        Scenario.Initial i = s.initial();
        InitialBalances initial = new InitialBalances(i.excessReservesBn(), i.omoOutstandingBn(), i.otherClaimsBn(),
                i.fxBn(), i.currencyBn(), i.govDepositsBn(), new InitialBalances.TermStock(i.mlfOutstandingBn(), i.outrightOutstandingBn()));
        Scenario.Market m = s.market();
        return new ModelSpec(s.name(), timeline, banks, family, rates, cbSpec, flows,
                new AveragingSpec(s.averaging().enabled(), s.averaging().allowancePp(), s.averaging().credibility()), initial,
                new MarketSpec(m.forceNumeric(), m.tolerancePct()),
                new TermSpec(m.term().enabled(), m.term().tenorDays(), m.term().persistence(),
                        new Frictions(m.frictions().monthEndCostBp(), m.frictions().quarterEndCostBp(),
                                m.frictions().shutOutProbability())),
                precaution(s.precautionary(), timeline), rrr);
    }

    /** The central bank's calendar of announced operations, rollovers, temporary operations and remittance days, on business days. */
    static Toolkit toolkit(Scenario.CentralBank cb, Timeline timeline) {
        List<ScheduledOperation> ops = new ArrayList<>();
        LocalDate first = timeline.date(0);
        LocalDate last = timeline.date(timeline.size() - 1);
        for (Scenario.Operation o : cb.operations()) {
            Facility f = Facility.byKey(o.instrument());
            ScheduledOperation.Pricing pricing = o.pricing().equals("single")
                    ? ScheduledOperation.Pricing.UNIFORM : ScheduledOperation.Pricing.MULTIPLE;
            double rate = o.ratePct() == null ? Double.NaN : o.ratePct();
            double minimum = o.minimumRatePct() == null ? Double.NaN : o.minimumRatePct();
            List<LocalDate> dates = new ArrayList<>();
            if (o.date() != null) {
                dates.add(LocalDate.parse(o.date()));
            } else {
                LocalDate from = o.from() == null ? first : LocalDate.parse(o.from());
                LocalDate until = o.until() == null ? last : LocalDate.parse(o.until());
                for (YearMonth m = YearMonth.from(from); !m.atDay(1).isAfter(until); m = m.plusMonths(1)) {
                    LocalDate d = m.atDay(Math.min(o.monthlyDay(), m.lengthOfMonth()));
                    if (!d.isBefore(from) && !d.isAfter(until)) {
                        dates.add(d);
                    }
                }
            }
            for (LocalDate d : dates) {
                if (d.isBefore(first)) {
                    continue;
                }
                int day = timeline.indexOnOrAfter(d);
                if (day < timeline.size()) {
                    ops.add(new ScheduledOperation(day, f, o.tenorDays(), o.amountBn(), rate, pricing, minimum));
                }
            }
        }
        Toolkit.TemporaryOperations temporary = null;
        if (cb.temporaryOperations() != null) {
            Scenario.Temporary t = cb.temporaryOperations();
            temporary = new Toolkit.TemporaryOperations(timeline.indexOnOrAfter(LocalDate.parse(t.from())),
                    t.repoSpreadBp(), t.reverseRepoSpreadBp());
        }
        List<Integer> remit = new ArrayList<>();
        if (cb.profitRemittance() != null) {
            int month = Integer.parseInt(cb.profitRemittance().substring(0, 2));
            int dayOfMonth = Integer.parseInt(cb.profitRemittance().substring(3, 5));
            for (int year = first.getYear(); year <= last.getYear(); year++) {
                YearMonth ym = YearMonth.of(year, month);
                int day = timeline.indexOnOrAfter(ym.atDay(Math.min(dayOfMonth, ym.lengthOfMonth())));
                if (day < timeline.size() && !remit.contains(day)) {
                    remit.add(day);
                }
            }
        }
        return new Toolkit(ops, cb.rollover().mlf(), cb.rollover().outrightReverseRepo(), temporary,
                remit.stream().mapToInt(Integer::intValue).sorted().toArray());
    }

    static ReactionRule rule(Scenario.CentralBank cb) {
        return switch (cb.rule()) {
            case "forecast_neutral" -> new ReactionRule.ForecastNeutral(cb.targetSpreadBp());
            case "quantity_set" -> new ReactionRule.QuantitySet(cb.targetSpreadBp());
            case "deviation_feedback" -> new ReactionRule.DeviationFeedback(cb.feedback().windowDays(),
                    cb.feedback().gainBn(), cb.feedback().thresholdZ());
            case "excess_reserve_target" -> new ReactionRule.ExcessReserveTarget(cb.excessReserveTargetBn());
            case "none" -> new ReactionRule.StandAside();
            default -> new ReactionRule.FullAllotment(cb.collateralCostBp());
        };
    }

    private static java.util.Set<java.time.DayOfWeek> operationDays(List<String> days) {
        java.util.Set<java.time.DayOfWeek> out = java.util.EnumSet.noneOf(java.time.DayOfWeek.class);
        for (String d : days) {
            for (java.time.DayOfWeek w : java.time.DayOfWeek.values()) {
                if (w.name().toLowerCase(Locale.ROOT).startsWith(d)) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    private static ChinaCalendar calendar(Scenario s, Path file, Path dir, Calendars calendars) {
        if (s.calendar().equals("weekdays")) {
            int y = s.start().getYear();
            return ChinaCalendar.weekdaysOnly(y - 1, y + s.days() / 240 + 2);
        }
        Path cdir = dir.resolve(s.calendarDir());
        try {
            return calendars.load(cdir);
        } catch (CalendarDataException e) {
            throw new ScenarioException(file, "calendar_dir", 0, e.getMessage());
        }
    }

    /** Places each group's banks at the (i − ½)/count quantiles of its deposit distribution. */
    static List<BankProfile> banks(Scenario.Banks b) {
        List<BankProfile> out = new ArrayList<>();
        for (Scenario.Group g : b.groups()) {
            ReserveTier tier = ReserveTier.valueOf(g.tier().toUpperCase(Locale.ROOT));
            for (int k = 0; k < g.count(); k++) {
                double u = (k + 0.5) / g.count();
                double deposits = depositQuantile(g.deposits(), u);
                Scenario.ShockSigma ss = g.shockSigma();
                double sigma = ss.sigmaBn() * Math.pow(deposits / ss.atDepositsBn(), ss.elasticity());
                double required = deposits * g.reserveRatioPct() / 100.0;
                out.add(new BankProfile(g.name(), tier, deposits, g.reserveRatioPct(), sigma, g.shockMeanBn(),
                        g.stigmaBp(), g.dealer(), required * g.bufferPctOfRequired() / 100.0,
                        deposits * g.workingBalancePctOfDeposits() / 100.0));
            }
        }
        return out;
    }

    static double depositQuantile(Scenario.Deposits d, double u) {
        return switch (d.distribution()) {
            case "lognormal" -> d.medianBn() * Math.exp(d.dispersion() * NormalDist.quantile(u));
            case "pareto" -> d.minimumBn() * Math.pow(1 - u, -1 / d.alpha());
            default -> d.valueBn();
        };
    }

    private static RatePath rates(Scenario s, Timeline tl, List<Scenario.Event> events, Path file) {
        int n = tl.size();
        double[] floor = new double[n];
        double[] ceiling = new double[n];
        double[] ceiling7 = new double[n];
        double[] policy = new double[n];
        Scenario.Corridor c = s.corridor();
        double f = c.floorPct();
        double ce = c.ceilingPct();
        double c7 = c.ceiling7dPct();
        double p = c.policyRatePct();
        int next = 0;
        for (int t = 0; t < n; t++) {
            while (next < events.size() && !LocalDate.parse(events.get(next).date()).isAfter(tl.date(t))) {
                Scenario.Event e = events.get(next++);
                f = e.floorPct() != null ? e.floorPct() : f;
                ce = e.ceilingPct() != null ? e.ceilingPct() : ce;
                c7 = e.ceiling7dPct() != null ? e.ceiling7dPct() : c7;
                p = e.policyRatePct() != null ? e.policyRatePct() : p;
            }
            floor[t] = f;
            ceiling[t] = ce;
            ceiling7[t] = c7;
            policy[t] = p;
        }
        try {
            return new RatePath(floor, ceiling, ceiling7, policy, c.requiredRemunerationPct());
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(file, "events", 0, "after the scheduled rate changes " + e.getMessage());
        }
    }

    private static FlowSchedule flows(Autonomous a, Timeline tl, ChinaCalendar calendar) {
        List<LocalDate> festivals = new ArrayList<>();
        for (int y = tl.date(0).getYear(); y <= tl.date(tl.size() - 1).getYear() + 1; y++) {
            if (calendar.hasFestivals() && y >= calendar.firstYear() && y <= calendar.lastYear()) {
                festivals.add(calendar.springFestival(y));
            }
        }
        Autonomous.Currency cur = a.currency();
        Autonomous.Spending sp = a.fiscalSpending();
        Autonomous.Deposits dep = a.deposits();
        return new FlowBuilder(tl)
                .taxes(a.taxes().monthlyBn(), toArray(a.taxes().monthMultipliers()), a.taxes().daysBeforeDeadline(),
                        a.taxes().shareInWindow())
                .bonds(a.governmentBonds().monthlyBn(), toArray(a.governmentBonds().monthMultipliers()))
                .spending(sp.monthlyBn(), toArray(sp.monthMultipliers()), sp.monthEndDays(), sp.monthEndShare(),
                        sp.quarterEndMultiplier())
                .currency(new FlowBuilder.CurrencyCycle(cur.springFestivalBn(), cur.drainDays(), cur.returnDays(),
                        cur.nationalDayBn(), cur.returnShare(), cur.monthEndBn(), cur.trendMonthlyBn()),
                        festivals.toArray(new LocalDate[0]))
                .fx(a.fx().monthlyBn())
                .deposits(dep.quarterEndSwellPct(), dep.aprilJulyFallPct(), dep.annualGrowthPct(), dep.swellDays())
                .surprise(a.surpriseSdBn(), a.surpriseShareOfFlow(), a.surpriseReversal())
                .build();
    }

    private static double[] toArray(List<Double> v) {
        double[] out = new double[v.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = v.get(k);
        }
        return out;
    }

    /** Precautionary intensity per business day from the quarter- and month-end windows. */
    static double[] precaution(Precautionary p, Timeline tl) {
        int n = tl.size();
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            int toQuarter = tl.businessDaysToQuarterEnd(t);
            int toMonth = tl.businessDaysToMonthEnd(t);
            boolean quarterMonth = tl.date(t).getMonthValue() % 3 == 0;
            if (quarterMonth && toQuarter < p.quarterEndDays() && toMonth == toQuarter) {
                out[t] = p.quarterEndIntensity();
            } else if (toMonth < p.monthEndDays()) {
                out[t] = p.monthEndIntensity();
            }
        }
        return out;
    }
}
