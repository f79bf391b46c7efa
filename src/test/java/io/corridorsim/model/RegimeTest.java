package io.corridorsim.model;

import io.corridorsim.montecarlo.StoredPaths;
import io.corridorsim.calendar.Timeline;
import io.corridorsim.montecarlo.MonteCarlo;
import io.corridorsim.montecarlo.RunResult;
import io.corridorsim.montecarlo.Statistics;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operating regimes of {@code models/regimes/} over the same 2025 year (same banks, flows,
 * shocks and seed; only the central bank, the corridor and the requirement differ), and seed 001's
 * claims about operations, each with a run where the mechanism is off or broken. 20 paths per run,
 * common random numbers (seed 2025, the files' own); the bounds were set after measuring, and the
 * measured values are in each comment (README, "Regimes", has the 100-path table).
 */
class RegimeTest {

    private static final int PATHS = 20;
    private static final long SEED = 2025;
    private static final Path REGIMES = Path.of("models", "regimes");
    private static final Path QUANTITY_SET = REGIMES.resolve("quantity-set.yaml");
    private static final Path FULL_ALLOTMENT = REGIMES.resolve("full-allotment.yaml");
    private static final Path FLOOR_SYSTEM = REGIMES.resolve("floor-system.yaml");
    private static final Path PBOC_2025 = Path.of("models", "pboc-2025.yaml");
    /** The scenarios take their calendar from the installation's models/ (as the CLI does). */
    private static final ScenarioLoader LOADER = new ScenarioLoader(List.of(Path.of("models")));
    /** Runs are deterministic: tests that need the same run share it. */
    private static final Map<String, RunResult> RUNS = new ConcurrentHashMap<>();

    private static ModelSpec spec(Path file, String... sets) {
        return ScenarioCompiler.compile(LOADER.load(file, List.of(sets)), file);
    }

    private static RunResult run(Path file, String... sets) {
        return run(SEED, file, sets);
    }

    private static RunResult run(long seed, Path file, String... sets) {
        return RUNS.computeIfAbsent(seed + " " + file + " " + Arrays.toString(sets),
                k -> RunResult.simulate(spec(file, sets), PATHS, seed, 2, d -> { }));
    }

    /** Spreads of a rate to the day's policy rate minus {@code offsetBp}, bp, over the path-days {@code days} admits (empty fixings left out). */
    private static double[] spreadsBp(RunResult r, Metric m, double offsetBp, IntPredicate days) {
        List<Double> out = new ArrayList<>();
        double[][] v = r.values(m);
        for (int t = 0; t < r.days(); t++) {
            if (!days.test(t)) {
                continue;
            }
            for (double x : v[t]) {
                if (!Double.isNaN(x)) {
                    out.add((x - r.spec().rates().policyPct(t)) * 100 - offsetBp);
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double medianAbs(double[] x) {
        double[] a = Arrays.stream(x).map(Math::abs).sorted().toArray();
        return Statistics.quantileSorted(a, 0.5);
    }

    /**
     * Calm days: outside the last five business days of a quarter (the MPA assessment and the
     * quarter-end date costs) and the ten business days either side of the Spring Festival (the cash drain).
     */
    private static IntPredicate calm(RunResult r) {
        Timeline tl = r.spec().timeline();
        return t -> {
            boolean quarterEnd = tl.date(t).getMonthValue() % 3 == 0 && tl.businessDaysToQuarterEnd(t) < 5
                    && tl.businessDaysToQuarterEnd(t) == tl.businessDaysToMonthEnd(t);
            int k = tl.businessDaysToSpringFestival(t);
            boolean festival = k != Integer.MIN_VALUE && Math.abs(k) <= 10;
            return !quarterEnd && !festival;
        };
    }

    /** Median over calm path-days of |DR007 − (policy + dealers' collateral cost)|, bp. */
    private static double calmDeviationBp(RunResult r) {
        return medianAbs(spreadsBp(r, Metric.DR007, r.spec().centralBank().collateralCostBp(), calm(r)));
    }

    @Test
    void fullAllotmentKeepsDr007NearThePolicyRateOnCalmDays() {
        // Measured (20 paths): 5.8bp on the shipped file (5.5 and 5.7 on seeds 1 and 7); 210 of the
        // 250 days are calm. Fails if dealers' bids stop anchoring DR007 at policy + their cost
        // (a shifted level or a much wider spread).
        double shipped = calmDeviationBp(run(FULL_ALLOTMENT));
        assertTrue(shipped < 8, "full allotment, calm days: median |DR007 − (policy + collateral cost)| = " + shipped + "bp");
        // Mechanism off. With averaging on, banks give the central bank 90% odds of steering each
        // period's last day to its target whatever it does (averaging.credibility), and that belief
        // alone holds the median at 5.4bp even when it stops operating (rule none). So the contrast
        // is made with averaging off: full allotment 3.9bp, no daily operation 45.6bp (DR007 drifts
        // up to the temporary reverse repos at policy + 50bp).
        double allotting = calmDeviationBp(run(FULL_ALLOTMENT, "averaging.enabled=false"));
        double standingAside = calmDeviationBp(run(FULL_ALLOTMENT, "averaging.enabled=false", "central_bank.rule=none"));
        assertTrue(allotting < 8, "full allotment without averaging: " + allotting + "bp");
        assertTrue(standingAside > 30, "no daily operation, averaging off: " + standingAside + "bp");
    }

    @Test
    void theFloorSystemPutsDr001AtIoer() {
        // Measured: DR001 at IOER on every path-day (median 0.0bp, 100% within 2bp): 15,000bn of
        // excess reserves, about 9 Σσ of the payment shocks beyond the 3,533bn that put DR001 at the
        // policy rate in pboc-2025. Fails if abundant reserves stop pushing the rate to the floor.
        RunResult floor = run(FLOOR_SYSTEM);
        assertTrue(medianFromFloorBp(floor) < 2, "floor system: median |DR001 − IOER| = " + medianFromFloorBp(floor) + "bp");
        assertTrue(shareWithin2BpOfFloor(floor) > 0.99, "floor system: share within 2bp " + shareWithin2BpOfFloor(floor));
        // Mechanism off: the same corridor (IOER = policy) with reserves as scarce as in pboc-2025
        // (opening and target 3,700bn): median 5.9bp above IOER, 15% of path-days within 2bp.
        RunResult scarce = run(FLOOR_SYSTEM, "central_bank.excess_reserve_target_bn=3700", "initial.excess_reserves_bn=3700");
        assertTrue(medianFromFloorBp(scarce) > 4, "scarce reserves: median |DR001 − IOER| = " + medianFromFloorBp(scarce) + "bp");
        assertTrue(shareWithin2BpOfFloor(scarce) < 0.5, "scarce reserves: share within 2bp " + shareWithin2BpOfFloor(scarce));
    }

    private static double[] fromFloorBp(RunResult r) {
        double[][] v = r.values(Metric.DR001);
        double[] out = new double[r.days() * r.paths()];
        int k = 0;
        for (int t = 0; t < r.days(); t++) {
            for (double x : v[t]) {
                out[k++] = (x - r.spec().rates().floorPct(t)) * 100;
            }
        }
        return out;
    }

    private static double medianFromFloorBp(RunResult r) {
        return medianAbs(fromFloorBp(r));
    }

    private static double shareWithin2BpOfFloor(RunResult r) {
        double[] d = fromFloorBp(r);
        return Arrays.stream(d).filter(x -> Math.abs(x) < 2).count() / (double) d.length;
    }

    @Test
    void temporaryOperationsHoldDr001AbovePolicyMinus25Bp() {
        // Measured on pboc-2025: 5000 of 5000 path-days above policy − 25bp with the afternoon
        // repos at policy − 20bp; with them moved past the run's end, 90.2% (90.8 and 90.9% on
        // seeds 1 and 7): full allotment cannot drain, so surpluses push DR001 towards IOER.
        // Fails if the temporary repos stop clearing the market at their rate.
        double with = shareAbovePolicyMinus25(run(PBOC_2025));
        double without = shareAbovePolicyMinus25(run(PBOC_2025, "central_bank.temporary_operations.from=2026-06-01"));
        assertTrue(with >= 0.99, "with temporary operations: " + with);
        assertTrue(without < 0.95, "without temporary operations: " + without);
    }

    private static double shareAbovePolicyMinus25(RunResult r) {
        double[] s = spreadsBp(r, Metric.DR001, 0, t -> true);
        return Arrays.stream(s).filter(x -> x > -25).count() / (double) s.length;
    }

    @Test
    void quantitySetAndFullAllotmentGiveDifferentRateDistributionsForTheSameShocks() {
        // Two-sample Kolmogorov–Smirnov statistic D of the path-day spreads to policy, same seed.
        // Path-days are autocorrelated, so D is judged against the same regime on other shocks
        // rather than the iid critical value: measured 0.018–0.055 (DR001) and 0.024–0.060 (DR007)
        // on seeds 1 and 7 against 2025, and 0.32 (DR001) and 0.37 (DR007) between the regimes
        // (DR001 − policy: quantity set mean 4.4bp, sd 12.7; full allotment 0.1bp, sd 11.5, floored
        // at −20bp by the temporary repos). Fails if the regimes stop mattering for the rates.
        // (CentralBankMechanismTest compares the two rules alone on the reference economy.)
        RunResult quantity = run(QUANTITY_SET);
        RunResult allotment = run(FULL_ALLOTMENT);
        RunResult allotmentOtherShocks = run(1, FULL_ALLOTMENT);
        for (Metric m : new Metric[] {Metric.DR001, Metric.DR007}) {
            double between = ks(spreadsBp(quantity, m, 0, t -> true), spreadsBp(allotment, m, 0, t -> true));
            double noise = ks(spreadsBp(allotment, m, 0, t -> true), spreadsBp(allotmentOtherShocks, m, 0, t -> true));
            assertTrue(noise < 0.1, m.column() + ": full allotment against itself on other shocks, D = " + noise);
            assertTrue(between > 0.15, m.column() + ": quantity set against full allotment, D = " + between);
        }
    }

    /** Two-sample Kolmogorov–Smirnov statistic: the largest gap between the empirical distribution functions. */
    static double ks(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] <= v) {
                i++;
            }
            while (j < y.length && y[j] <= v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    @Test
    void ksStatisticIsTheLargestGapBetweenTheEmpiricalDistributionFunctions() {
        assertEquals(0, ks(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4}));
        assertEquals(0.5, ks(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6}));
        assertEquals(1, ks(new double[] {1, 2}, new double[] {5, 6, 7}));
    }

    /**
     * Seed 001's deviation feedback, z = (fixing − mean of the previous 14) / annualised 14-day
     * volatility, moving the excess-reserve level by gain × z: it is the rule's only way to learn.
     * It lowers DR007's volatility where the central bank's view is wrong persistently. Here banks
     * hold a precautionary buffer every day from day 60 on (as if an assessment date applied every
     * day: a new permanent buffer), which the central bank's calendar prior (250bn ± 50% per unit
     * of intensity) misjudges: at gain 0 DR001 − policy falls from −0.3 to −4.8bp on average (it
     * over-supplies) and the sd of DR007 − policy rises from 6.7 to 8.1bp. Measured (20 paths, sd of
     * daily changes of DR007 − policy, per path, averaged): 9.75, 8.48, 8.02bp at gains 0, 100,
     * 200bn (paired differences −1.27 ± 0.12, −0.46 ± 0.06; seeds 1 and 7 alike; 7.90 at 300, 8.11
     * at 600: beyond about 300bn the feedback adds more noise than it removes). Fails if the
     * feedback stops correcting a persistent error (gain 0 is the mechanism off).
     *
     * <p>Not asserted, and a limit of the model: on the regime year as shipped, where the central
     * bank's errors do not persist, no gain lowers the volatility: 7.48, 7.50, 7.58bp at 0, 100,
     * 200bn, and 7.85, 9.27, 11.64bp at 500, 2000, 8000bn (README, "Regimes").
     */
    @Test
    void higherDeviationFeedbackGainLowersDr007VolatilityWhenTheCentralBanksViewIsPersistentlyWrong() {
        double previous = Double.POSITIVE_INFINITY;
        for (int gain : new int[] {0, 100, 200}) {
            ModelSpec s = spec(QUANTITY_SET, "central_bank.rule=deviation_feedback", "central_bank.feedback.gain_bn=" + gain);
            double[] precaution = new double[s.days()];
            for (int t = 0; t < precaution.length; t++) {
                precaution[t] = s.precaution(t) + (t >= 60 ? 1 : 0);
            }
            ModelSpec stepped = new ModelSpec(s.name(), s.timeline(), s.banks(), s.family(), s.rates(), s.centralBank(),
                    s.flows(), s.averaging(), s.initial(), s.market(), s.term(), precaution, s.rrrChanges());
            double sd = sdOfDailyChangesBp(RunResult.simulate(stepped, PATHS, SEED, 2, d -> { }), Metric.DR007);
            assertTrue(sd < previous - 0.1, "gain " + gain + "bn: sd of DR007's daily changes " + sd + "bp, after " + previous);
            previous = sd;
        }
    }

    /** Per path, the sd of the day-to-day changes of the spread to policy (bp); averaged over paths. */
    private static double sdOfDailyChangesBp(RunResult r, Metric m) {
        double[][] v = r.values(m);
        double sum = 0;
        for (int p = 0; p < r.paths(); p++) {
            double[] change = new double[r.days() - 1];
            for (int t = 1; t < r.days(); t++) {
                change[t - 1] = ((v[t][p] - r.spec().rates().policyPct(t)) - (v[t - 1][p] - r.spec().rates().policyPct(t - 1))) * 100;
            }
            sum += Statistics.sd(change);
        }
        return sum / r.paths();
    }

    /** Per path, the sd of the spread to policy (bp); averaged over paths. */
    private static double sdOfSpreadBp(RunResult r, Metric m) {
        double[][] v = r.values(m);
        double sum = 0;
        for (int p = 0; p < r.paths(); p++) {
            double[] spread = new double[r.days()];
            for (int t = 0; t < r.days(); t++) {
                spread[t] = (v[t][p] - r.spec().rates().policyPct(t)) * 100;
            }
            sum += Statistics.sd(spread);
        }
        return sum / r.paths();
    }

    /**
     * Seed 001: the OMO rate sets the level of the repo rates, the OMO quantity their volatility.
     * The quantity half (more frequent and more precisely sized operations calm DR007 at the same
     * level) is CorridorModelTest's {@code largerAndMoreFrequentOperationsLowerVolatility} and
     * {@code dailyOperationsCalmDr007AgainstTwiceWeekly}; on the quantity-set year it holds too
     * (DR007 − policy sd 6.5bp operating daily, 9.6bp on Tuesdays and Thursdays; not re-asserted).
     * The rate half: the policy rate 10bp higher all year (corridor unchanged) moves DR007 by
     * +9.4bp (measured) and leaves the sd of its spread within 3% (6.45 → 6.61bp). Mechanism off:
     * with no daily operation at the policy rate and no averaging (whose credibility ties banks'
     * expectations to the central bank's target), the same shift moves DR007 by +0.2bp. Fails if
     * the level stops following the OMO rate, or follows it without the operations.
     */
    @Test
    void theOmoRateSetsTheLevelOfDr007() {
        String[] higher = {"corridor.policy_rate_pct=1.60", "events[0].policy_rate_pct=1.50"};
        RunResult base = run(QUANTITY_SET);
        RunResult up = run(QUANTITY_SET, higher);
        double moved = levelBp(up) - levelBp(base);
        assertTrue(Math.abs(moved - 10) < 2, "policy +10bp moves DR007 by " + moved + "bp");
        double sdBase = sdOfSpreadBp(base, Metric.DR007);
        double sdUp = sdOfSpreadBp(up, Metric.DR007);
        assertTrue(Math.abs(sdUp / sdBase - 1) < 0.1, "the rate leaves the volatility: sd " + sdBase + " → " + sdUp + "bp");

        String[] off = {"central_bank.rule=none", "averaging.enabled=false"};
        String[] offHigher = {off[0], off[1], higher[0], higher[1]};
        double movedOff = levelBp(run(QUANTITY_SET, offHigher)) - levelBp(run(QUANTITY_SET, off));
        assertTrue(Math.abs(movedOff) < 3, "without operations at the policy rate DR007 moves " + movedOff + "bp");
    }

    /** Mean DR007 over path-days, bp. */
    private static double levelBp(RunResult r) {
        return 100 * Statistics.mean(StoredPaths.flatten(r.values(Metric.DR007)));
    }
}
