package io.corridorsim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import static io.corridorsim.scenario.InvalidValueException.finite;
import static io.corridorsim.scenario.InvalidValueException.finiteOr;
import static io.corridorsim.scenario.InvalidValueException.nonNegative;
import static io.corridorsim.scenario.InvalidValueException.nonNegativeOr;
import static io.corridorsim.scenario.InvalidValueException.positive;
import static io.corridorsim.scenario.InvalidValueException.positiveInt;
import static io.corridorsim.scenario.InvalidValueException.positiveIntOr;
import static io.corridorsim.scenario.InvalidValueException.positiveOr;
import static io.corridorsim.scenario.InvalidValueException.required;
import static io.corridorsim.scenario.InvalidValueException.shareOr;

/**
 * A scenario file, as written by users (YAML, snake_case keys). Every record validates itself
 * and fills defaults in its constructor, so a constructed {@code Scenario} is complete: writing
 * it back out gives the resolved scenario of a run. Unknown keys are errors (the loader).
 * Amounts are bn CNY, rates percent p.a., spreads basis points.
 *
 * @param name        scenario name, used for the run directory
 * @param startDate   first day (YYYY-MM-DD); moved to the first business day on or after it
 * @param days        business days to simulate
 * @param calendar    {@code china} (official holidays and make-up workdays) or {@code weekdays}
 * @param calendarDir folder of the calendar data files, relative to the scenario file
 */
public record Scenario(String name, String description, String startDate, Integer days, String calendar,
                       String calendarDir, RunDefaults run, Corridor corridor, Banks banks, Market market,
                       CentralBank centralBank, Initial initial, Averaging averaging, Autonomous autonomous,
                       Precautionary precautionary, List<Event> events) {

    public Scenario {
        required(name, "name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new InvalidValueException("name", "expected letters, digits, '.', '_' or '-' (it names the run folder), got '" + name + "'");
        }
        description = description == null ? "" : description;
        parseDate(required(startDate, "start_date"), "start_date");
        days = positiveInt(days, "days");
        calendar = oneOf(calendar == null ? "china" : calendar, "calendar", Set.of("china", "weekdays"));
        calendarDir = calendarDir == null ? "calendar" : calendarDir;
        run = run == null ? new RunDefaults(null, null) : run;
        required(corridor, "corridor");
        required(banks, "banks");
        market = market == null ? new Market(null, null, null, null) : market;
        required(centralBank, "central_bank");
        required(initial, "initial");
        averaging = averaging == null ? new Averaging(null, null, null) : averaging;
        autonomous = autonomous == null ? Autonomous.none() : autonomous;
        precautionary = precautionary == null ? Precautionary.none() : precautionary;
        events = events == null ? List.of() : List.copyOf(events);
    }

    public LocalDate start() {
        return LocalDate.parse(startDate);
    }

    static LocalDate parseDate(String text, String key) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(key, "expected a date YYYY-MM-DD, got '" + text + "'");
        }
    }

    static String oneOf(String value, String key, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new InvalidValueException(key, "expected one of " + new java.util.TreeSet<>(allowed) + ", got '" + value + "'");
        }
        return value;
    }

    /** Defaults for the CLI's --paths and --seed. */
    public record RunDefaults(Integer paths, Long seed) {
        public RunDefaults {
            paths = positiveIntOr(paths, 200, "paths");
            seed = seed == null ? 20250102L : seed;
        }
    }

    /**
     * The corridor: floor = interest on excess reserves, ceiling = overnight SLF rate, policy
     * rate = 7-day reverse repo rate; required reserves earn {@code required_remuneration_pct}
     * (1.62% since 2008-11-27).
     */
    public record Corridor(Double floorPct, Double ceilingPct, @JsonProperty("ceiling_7d_pct") Double ceiling7dPct,
                           Double policyRatePct, Double requiredRemunerationPct) {
        public Corridor {
            double f = finite(floorPct, "floor_pct");
            double c = finite(ceilingPct, "ceiling_pct");
            if (!(f < c)) {
                throw new InvalidValueException("floor_pct", "the floor (" + f + "%) must be below the ceiling_pct (" + c + "%)");
            }
            ceiling7dPct = finiteOr(ceiling7dPct, c, "ceiling_7d_pct");
            double p = finite(policyRatePct, "policy_rate_pct");
            if (p < f || p > c) {
                throw new InvalidValueException("policy_rate_pct", "expected a rate inside the corridor [" + f + ", " + c + "], got " + p);
            }
            requiredRemunerationPct = nonNegativeOr(requiredRemunerationPct, 1.62, "required_remuneration_pct");
        }
    }

    /** The bank population: groups of similar banks and the shock family they share. */
    public record Banks(Shocks shocks, List<Group> groups) {
        public Banks {
            shocks = shocks == null ? new Shocks(null, null) : shocks;
            required(groups, "groups");
            if (groups.isEmpty()) {
                throw new InvalidValueException("groups", "expected at least one bank group");
            }
            groups = List.copyOf(groups);
            if (groups.stream().noneMatch(Group::dealer)) {
                throw new InvalidValueException("groups", "expected at least one group with dealer: true (only dealers take OMO)");
            }
        }
    }

    /** End-of-day payment shock family: {@code normal} or {@code student_t} with {@code dof} &gt; 2. */
    public record Shocks(String distribution, Double dof) {
        public Shocks {
            distribution = oneOf(distribution == null ? "normal" : distribution, "distribution", Set.of("normal", "student_t"));
            dof = positiveOr(dof, 5.0, "dof");
            if (distribution.equals("student_t") && !(dof > 2)) {
                throw new InvalidValueException("dof", "expected degrees of freedom > 2 (finite variance), got " + dof);
            }
        }
    }

    /**
     * A group of banks. Banks are placed at the (i − ½)/count quantiles of the group's deposit
     * distribution: a deterministic, representative population.
     *
     * @param tier                  reserve tier {@code large|medium|small} for tiered RRR changes
     * @param shockSigma            payment-shock scale rule
     * @param bufferPctOfRequired   precautionary demand on assessment dates, percent of the requirement
     * @param workingBalancePctOfDeposits reserves kept above the requirement every day for clearing, percent of deposits
     */
    public record Group(String name, Integer count, String tier, Boolean dealer, Deposits deposits,
                        Double reserveRatioPct, ShockSigma shockSigma, Double shockMeanBn, Double stigmaBp,
                        Double bufferPctOfRequired, Double workingBalancePctOfDeposits) {
        public Group {
            required(name, "name");
            count = positiveInt(count, "count");
            tier = oneOf(tier == null ? "medium" : tier, "tier", Set.of("large", "medium", "small"));
            dealer = dealer != null && dealer;
            required(deposits, "deposits");
            double r = finite(reserveRatioPct, "reserve_ratio_pct");
            if (r < 0 || r >= 100) {
                throw new InvalidValueException("reserve_ratio_pct", "expected a percentage in [0, 100), got " + r);
            }
            required(shockSigma, "shock_sigma");
            shockMeanBn = finiteOr(shockMeanBn, 0, "shock_mean_bn");
            stigmaBp = nonNegativeOr(stigmaBp, 0, "stigma_bp");
            bufferPctOfRequired = nonNegativeOr(bufferPctOfRequired, 0, "buffer_pct_of_required");
            workingBalancePctOfDeposits = nonNegativeOr(workingBalancePctOfDeposits, 0, "working_balance_pct_of_deposits");
        }
    }

    /**
     * Deposit size distribution of a group: {@code lognormal} (median_bn, dispersion = sd of
     * log deposits), {@code pareto} (minimum_bn, alpha &gt; 1) or {@code fixed} (value_bn).
     */
    public record Deposits(String distribution, Double medianBn, Double dispersion, Double minimumBn, Double alpha,
                           Double valueBn) {
        public Deposits {
            distribution = oneOf(required(distribution, "distribution"), "distribution", Set.of("lognormal", "pareto", "fixed"));
            switch (distribution) {
                case "lognormal" -> {
                    positive(medianBn, "median_bn");
                    dispersion = nonNegativeOr(dispersion, 0.0, "dispersion");
                }
                case "pareto" -> {
                    positive(minimumBn, "minimum_bn");
                    double a = positive(alpha, "alpha");
                    if (a <= 1) {
                        throw new InvalidValueException("alpha", "expected a Pareto tail index > 1 (finite mean), got " + a);
                    }
                }
                default -> positive(valueBn, "value_bn");
            }
        }
    }

    /**
     * σ_i = sigma_bn · (D_i / at_deposits_bn)^elasticity: shocks grow with size, less than
     * proportionally when elasticity &lt; 1 (0 gives the same σ to every bank).
     */
    public record ShockSigma(Double sigmaBn, Double atDepositsBn, Double elasticity) {
        public ShockSigma {
            positive(sigmaBn, "sigma_bn");
            atDepositsBn = positiveOr(atDepositsBn, 1000.0, "at_deposits_bn");
            elasticity = nonNegativeOr(elasticity, 0.0, "elasticity");
            if (elasticity > 1.5) {
                throw new InvalidValueException("elasticity", "expected an elasticity in [0, 1.5], got " + elasticity);
            }
        }
    }

    /**
     * The interbank market: two call auctions (overnight and 7-day); optionally forced onto the
     * numeric solver; the 7-day segment; the frictions that make the split between tenors determinate.
     */
    public record Market(Boolean forceNumeric, Double tolerancePct, Term term, Frictions frictions) {
        public Market {
            forceNumeric = forceNumeric != null && forceNumeric;
            tolerancePct = positiveOr(tolerancePct, 1e-12, "tolerance_pct");
            if (tolerancePct >= 0.01) {
                throw new InvalidValueException("tolerance_pct", "expected a tolerance below 0.01 percentage points, got " + tolerancePct);
            }
            term = term == null ? new Term(null, null, null) : term;
            frictions = frictions == null ? new Frictions(null, null, null) : frictions;
        }
    }

    /**
     * The traded 7-day segment (DOMAIN §5; see the model's TermSpec): {@code persistence} is banks'
     * prior belief of how much of today's overnight deviation lasts a day, which they then learn
     * from the fixings.
     */
    public record Term(Boolean enabled, Integer tenorDays, Double persistence) {
        public Term {
            enabled = enabled == null || enabled;
            tenorDays = positiveIntOr(tenorDays, 7, "tenor_days");
            persistence = shareOr(persistence, 0.5, "persistence");
        }
    }

    /**
     * Lenders' balance-sheet cost of a loan outstanding over a month end or a quarter end, bp of
     * principal, overnight and 7-day loans alike (跨月/跨季); and the daily probability that a bank
     * is shut out of borrowing in the interbank market and must use the SLF.
     */
    public record Frictions(Double monthEndCostBp, Double quarterEndCostBp, Double shutOutProbability) {
        public Frictions {
            monthEndCostBp = nonNegativeOr(monthEndCostBp, 0, "month_end_cost_bp");
            quarterEndCostBp = nonNegativeOr(quarterEndCostBp, 0, "quarter_end_cost_bp");
            shutOutProbability = shareOr(shutOutProbability, 0, "shut_out_probability");
            if (shutOutProbability >= 1) {
                throw new InvalidValueException("shut_out_probability", "expected a probability below 1, got " + shutOutProbability);
            }
        }
    }

    /**
     * The central bank (DOMAIN §3.3). {@code rule}: {@code forecast_neutral}, {@code quantity_set},
     * {@code deviation_feedback}, {@code excess_reserve_target}, {@code full_allotment} or {@code none}
     * (it stands aside: textbook economies).
     * {@code target_spread_bp}: where forecast-neutral and quantity-set rules steer the overnight
     * rate against the policy rate; {@code collateral_cost_bp}: dealers' cost of pledging collateral,
     * so a dealer bids for reserves it values above policy + this (tenders); {@code forecast_error_sd_bn}
     * and {@code forecast_error_share_of_flow}: its error forecasting the morning's flows, drawn
     * daily; {@code learning}: how it learns the level of demand from fixings;
     * {@code precaution_prior_bn}: what it expects banks to add per unit of precautionary
     * intensity on assessment dates (its calendar prior), with error share
     * {@code precaution_prior_error_share}; {@code operation_days}: weekdays it operates on,
     * e.g. [tue, thu] (empty: every business day).
     */
    public record CentralBank(String rule, Integer tenorDays, Double forecastErrorSdBn, Double forecastErrorShareOfFlow,
                              Double targetSpreadBp, Feedback feedback, Double excessReserveTargetBn,
                              Double collateralCostBp, Boolean allowDrain, Learning learning,
                              Double precautionPriorBn, Double precautionPriorErrorShare, List<String> operationDays,
                              List<Operation> operations, Rollover rollover, Temporary temporaryOperations,
                              String profitRemittance) {
        public CentralBank {
            operations = operations == null ? List.of() : List.copyOf(operations);
            rollover = rollover == null ? new Rollover(null, null) : rollover;
            if (profitRemittance != null && !profitRemittance.matches("\\d\\d-\\d\\d")) {
                throw new InvalidValueException("profit_remittance", "expected a month and day MM-DD, got '" + profitRemittance + "'");
            }
            rule = oneOf(required(rule, "rule"), "rule", Set.of("forecast_neutral", "quantity_set",
                    "deviation_feedback", "excess_reserve_target", "full_allotment", "none"));
            tenorDays = positiveIntOr(tenorDays, 7, "tenor_days");
            forecastErrorSdBn = nonNegativeOr(forecastErrorSdBn, 0, "forecast_error_sd_bn");
            forecastErrorShareOfFlow = nonNegativeOr(forecastErrorShareOfFlow, 0, "forecast_error_share_of_flow");
            targetSpreadBp = finiteOr(targetSpreadBp, 0, "target_spread_bp");
            feedback = feedback == null ? new Feedback(null, null, null) : feedback;
            if (rule.equals("excess_reserve_target")) {
                finite(excessReserveTargetBn, "excess_reserve_target_bn");
            } else {
                excessReserveTargetBn = finiteOr(excessReserveTargetBn, 0, "excess_reserve_target_bn");
            }
            collateralCostBp = finiteOr(collateralCostBp, 0, "collateral_cost_bp");
            allowDrain = allowDrain != null && allowDrain;
            learning = learning == null ? new Learning(null, null, null) : learning;
            precautionPriorBn = nonNegativeOr(precautionPriorBn, 0, "precaution_prior_bn");
            precautionPriorErrorShare = nonNegativeOr(precautionPriorErrorShare, 0, "precaution_prior_error_share");
            operationDays = operationDays == null ? List.of() : List.copyOf(operationDays);
            for (String d : operationDays) {
                oneOf(d, "operation_days", Set.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"));
            }
        }
    }

    /**
     * An announced operation (the central bank's calendar): on {@code date}, or every month on
     * {@code monthly_day} (the next business day if it is not one) from {@code from} to {@code until};
     * {@code instrument}: {@code reverse_repo} (7 or 14 days), {@code outright_reverse_repo}
     * (3 or 6 months), {@code mlf} (1 year), {@code structural} (relending, PSL); {@code amount_bn}
     * offered; {@code rate_pct} fixed, or absent for a rate tender priced {@code multiple} (each
     * winner its own bid) or {@code single}, accepting no bid below {@code minimum_rate_pct}.
     */
    public record Operation(String date, Integer monthlyDay, String from, String until, String instrument,
                            Integer tenorDays, Double amountBn, Double ratePct, String pricing, Double minimumRatePct) {
        public Operation {
            oneOf(required(instrument, "instrument"), "instrument",
                    Set.of("reverse_repo", "outright_reverse_repo", "mlf", "structural"));
            if ((date == null) == (monthlyDay == null)) {
                throw new InvalidValueException("date", "expected either date or monthly_day");
            }
            if (date != null) {
                parseDate(date, "date");
            } else {
                if (monthlyDay < 1 || monthlyDay > 31) {
                    throw new InvalidValueException("monthly_day", "expected a day of the month 1–31, got " + monthlyDay);
                }
                if (from != null) {
                    parseDate(from, "from");
                }
                if (until != null) {
                    parseDate(until, "until");
                }
            }
            tenorDays = positiveInt(required(tenorDays, "tenor_days"), "tenor_days");
            amountBn = nonNegativeOr(required(amountBn, "amount_bn"), 0, "amount_bn");
            if (ratePct != null) {
                finite(ratePct, "rate_pct");
            }
            pricing = oneOf(pricing == null ? "multiple" : pricing, "pricing", Set.of("multiple", "single"));
            if (minimumRatePct != null) {
                finite(minimumRatePct, "minimum_rate_pct");
            }
        }
    }

    /** Shares of maturing MLF and outright reverse repos the central bank offers again the same day, on the last terms. */
    public record Rollover(Double mlf, Double outrightReverseRepo) {
        public Rollover {
            mlf = shareOr(mlf, 0, "mlf");
            outrightReverseRepo = shareOr(outrightReverseRepo, 0, "outright_reverse_repo");
        }
    }

    /**
     * The afternoon temporary overnight operations, from {@code from}: repos at policy +
     * {@code repo_spread_bp} (default −20) and reverse repos at policy + {@code reverse_repo_spread_bp}
     * (default +50), in full at the fixed rate, when the day's market would clear outside them.
     */
    public record Temporary(String from, Double repoSpreadBp, Double reverseRepoSpreadBp) {
        public Temporary {
            parseDate(required(from, "from"), "from");
            repoSpreadBp = finiteOr(repoSpreadBp, -20, "repo_spread_bp");
            reverseRepoSpreadBp = finiteOr(reverseRepoSpreadBp, 50, "reverse_repo_spread_bp");
            if (!(repoSpreadBp < reverseRepoSpreadBp)) {
                throw new InvalidValueException("repo_spread_bp", "expected below reverse_repo_spread_bp (" + reverseRepoSpreadBp + "), got " + repoSpreadBp);
            }
        }
    }

    /**
     * How the central bank learns the level of reserve demand: each close it moves its estimate
     * {@code gain} of the way to the level that explains the overnight fixing (half-life ≈ ln 2 / gain
     * business days). {@code demand_scale_bn}: the slope of its demand model, Σσ of the shocks it
     * believes in (default: the scenario's banks' Σσ_i, a structural parameter it estimates, not
     * any bank's state); {@code initial_estimate_bn}: its opening estimate of the excess reserves
     * at the corridor midpoint (default: inferred from the opening, taken to sit at its target).
     */
    public record Learning(Double gain, Double demandScaleBn, Double initialEstimateBn) {
        public Learning {
            gain = shareOr(gain, 0.2, "gain");
            if (demandScaleBn != null) {
                positive(demandScaleBn, "demand_scale_bn");
            }
            if (initialEstimateBn != null) {
                finite(initialEstimateBn, "initial_estimate_bn");
            }
        }
    }

    /**
     * Seed 001's deviation rule: z over the previous {@code window_days}; the excess-reserve level
     * moves by {@code gain_bn} per unit z whenever |z| exceeds {@code threshold_z}.
     */
    public record Feedback(Integer windowDays, Double gainBn, Double thresholdZ) {
        public Feedback {
            windowDays = positiveIntOr(windowDays, 14, "window_days");
            if (windowDays < 2) {
                throw new InvalidValueException("window_days", "expected at least 2 days, got " + windowDays);
            }
            gainBn = finiteOr(gainBn, 0, "gain_bn");
            thresholdZ = nonNegativeOr(thresholdZ, 0, "threshold_z");
        }
    }

    /** Opening balances (bn): excess reserves, outstanding reverse repos, other claims, FX, currency, government deposits. */
    public record Initial(Double excessReservesBn, Double omoOutstandingBn, Double otherClaimsBn, Double fxBn,
                          Double currencyBn, Double govDepositsBn, Double mlfOutstandingBn, Double outrightOutstandingBn) {
        public Initial {
            finite(excessReservesBn, "excess_reserves_bn");
            omoOutstandingBn = nonNegativeOr(omoOutstandingBn, 0, "omo_outstanding_bn");
            mlfOutstandingBn = nonNegativeOr(mlfOutstandingBn, 0, "mlf_outstanding_bn");
            outrightOutstandingBn = nonNegativeOr(outrightOutstandingBn, 0, "outright_outstanding_bn");
            otherClaimsBn = nonNegativeOr(otherClaimsBn, 0, "other_claims_bn");
            fxBn = nonNegativeOr(fxBn, 0, "fx_bn");
            currencyBn = nonNegativeOr(currencyBn, 0, "currency_bn");
            govDepositsBn = nonNegativeOr(govDepositsBn, 0, "gov_deposits_bn");
        }
    }

    /**
     * Reserve averaging over maintenance periods with a daily allowance (percentage points of
     * deposits). {@code credibility}: the probability banks give the central bank's bringing the
     * period's last-day rate to its target, in [0, 1) (0: banks expect the period to settle on its
     * own position).
     */
    public record Averaging(Boolean enabled, Double allowancePp, Double credibility) {
        public Averaging {
            enabled = enabled != null && enabled;
            allowancePp = nonNegativeOr(allowancePp, 1.0, "allowance_pp");
            credibility = shareOr(credibility, 0.0, "credibility");
            if (credibility >= 1) {
                throw new InvalidValueException("credibility", "expected a probability below 1 (at 1 the rate could not move), got " + credibility);
            }
        }
    }

    /**
     * A dated change: corridor or policy rates (any subset) and/or a reserve ratio change
     * ({@code rrr_change_pp}, optionally for one {@code tier}, never below {@code rrr_floor_pct}).
     */
    public record Event(String date, String note, Double policyRatePct, Double floorPct, Double ceilingPct,
                        @JsonProperty("ceiling_7d_pct") Double ceiling7dPct, Double rrrChangePp, String tier,
                        Double rrrFloorPct) {
        public Event {
            parseDate(required(date, "date"), "date");
            note = note == null ? "" : note;
            if (policyRatePct != null) {
                finite(policyRatePct, "policy_rate_pct");
            }
            if (floorPct != null) {
                finite(floorPct, "floor_pct");
            }
            if (ceilingPct != null) {
                finite(ceilingPct, "ceiling_pct");
            }
            if (ceiling7dPct != null) {
                finite(ceiling7dPct, "ceiling_7d_pct");
            }
            if (rrrChangePp != null) {
                finite(rrrChangePp, "rrr_change_pp");
            }
            if (tier != null) {
                oneOf(tier, "tier", Set.of("large", "medium", "small"));
            }
            rrrFloorPct = nonNegativeOr(rrrFloorPct, 5.0, "rrr_floor_pct");
            if (policyRatePct == null && floorPct == null && ceilingPct == null && ceiling7dPct == null && rrrChangePp == null) {
                throw new InvalidValueException("", "expected at least one of policy_rate_pct, floor_pct, ceiling_pct, ceiling_7d_pct, rrr_change_pp");
            }
        }
    }

    static double nonNegativeValue(Double v, String key) {
        return nonNegative(v, key);
    }
}
