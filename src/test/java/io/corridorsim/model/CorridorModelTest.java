package io.corridorsim.model;

import io.corridorsim.montecarlo.StoredPaths;
import io.corridorsim.TestScenarios;
import io.corridorsim.market.Poole;
import io.corridorsim.montecarlo.MonteCarlo;
import io.corridorsim.montecarlo.PathSeeds;
import io.corridorsim.montecarlo.RunResult;
import io.corridorsim.montecarlo.Statistics;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorridorModelTest {

    private static double meanOf(RunResult r, Metric m) {
        return Statistics.mean(StoredPaths.flatten(r.values(m)));
    }

    private static double sdOf(RunResult r, Metric m) {
        return Statistics.sd(StoredPaths.flatten(r.values(m)));
    }

    @Test
    void ratesStayInsideTheCorridorEveryDay() {
        ModelSpec spec = TestScenarios.small("central_bank.forecast_error_sd_bn=400");
        RunResult r = RunResult.simulate(spec, 20, 7, 1, d -> { });
        for (Metric m : new Metric[] {Metric.DR001, Metric.DR007}) {
            double[][] v = r.values(m);
            for (int t = 0; t < r.days(); t++) {
                for (double x : v[t]) {
                    double ceiling = m == Metric.DR001 ? spec.rates().ceilingPct(t) : spec.rates().ceiling7dPct(t);
                    assertTrue(x >= spec.rates().floorPct(t) - 1e-12 && x <= ceiling + 1e-12,
                            m.column() + " outside the corridor on day " + t + ": " + x);
                }
            }
        }
    }

    /** Values of a metric from day {@code from} on, all paths: past the central bank's learning transient. */
    private static double[] after(RunResult r, Metric m, int from) {
        double[][] v = r.values(m);
        return StoredPaths.flatten(Arrays.copyOfRange(v, from, v.length));
    }

    @Test
    void forecastNeutralCentralBankLearnsItsWayToThePolicyRate() {
        // The opening is not where the rate sits at the policy rate, and the central bank does not
        // know where that is: it learns it from the fixings and then hits it exactly.
        String[] exact = {"central_bank.forecast_error_sd_bn=0", "central_bank.allow_drain=true"};
        RunResult r = RunResult.simulate(TestScenarios.small(exact), 5, 3, 1, d -> { });
        assertTrue(Math.abs(r.value(Metric.DR001, 0, 0) - 1.40) > 0.05, "day 0 is off target: " + r.value(Metric.DR001, 0, 0));
        for (double x : after(r, Metric.DR001, 30)) {
            assertEquals(1.40, x, 1e-3);
        }
        // Mechanism off: a central bank that does not learn stays where its opening guess put it.
        String[] noLearning = {exact[0], exact[1], "central_bank.learning.gain=0"};
        double stuck = Statistics.mean(after(RunResult.simulate(TestScenarios.small(noLearning), 5, 3, 1, d -> { }), Metric.DR001, 30));
        assertTrue(Math.abs(stuck - 1.40) > 0.05, "without learning the rate stays off target: " + stuck);
    }

    @Test
    void moreInjectionLowersTheRate() {
        // Excess-reserve targeting at rising targets: more OMO, lower rate, monotonically.
        double prev = Double.POSITIVE_INFINITY;
        for (int target : new int[] {-200, 0, 200, 400, 800}) {
            ModelSpec spec = TestScenarios.small("central_bank.rule=excess_reserve_target",
                    "central_bank.excess_reserve_target_bn=" + target, "central_bank.forecast_error_sd_bn=30");
            RunResult r = RunResult.simulate(spec, 10, 11, 1, d -> { });
            double rate = meanOf(r, Metric.DR001);
            double injected = meanOf(r, Metric.OMO_OUTSTANDING_BN);
            assertTrue(rate < prev, "rate did not fall when the target rose to " + target + ": " + rate);
            assertTrue(injected > 0);
            prev = rate;
        }
    }

    @Test
    void largerAndMoreFrequentOperationsLowerVolatility() {
        // Seed 001: the OMO quantity sets the volatility. A CB that offsets flows precisely
        // (small forecast error) gives a calmer DR001 than one that offsets them roughly.
        RunResult precise = RunResult.simulate(TestScenarios.small("central_bank.forecast_error_sd_bn=20"), 20, 5, 1, d -> { });
        RunResult rough = RunResult.simulate(TestScenarios.small("central_bank.forecast_error_sd_bn=200"), 20, 5, 1, d -> { });
        assertTrue(Statistics.sd(after(precise, Metric.DR001, 15)) < 0.5 * Statistics.sd(after(rough, Metric.DR001, 15)));
        // …and the OMO rate still sets the level: both centre on the policy rate.
        assertEquals(1.40, Statistics.quantiles(after(precise, Metric.DR001, 15))[3], 0.02);
    }

    @Test
    void dailyOperationsCalmDr007AgainstTwiceWeekly() {
        // Seed 001: from 2016 the PBoC operated every day instead of Tuesdays and Thursdays, and
        // DR007 calmed down; the OMO rate sets the level, the OMO frequency the volatility.
        String[] common = {"central_bank.forecast_error_sd_bn=20", "autonomous.surprise_sd_bn=60", "central_bank.allow_drain=true"};
        RunResult daily = RunResult.simulate(TestScenarios.small(common), 20, 8, 1, d -> { });
        String[] twice = java.util.Arrays.copyOf(common, common.length + 1);
        twice[common.length] = "central_bank.operation_days=[tue, thu]";
        RunResult tueThu = RunResult.simulate(TestScenarios.small(twice), 20, 8, 1, d -> { });
        double sdDaily = Statistics.sd(after(daily, Metric.DR007, 15));
        double sdTueThu = Statistics.sd(after(tueThu, Metric.DR007, 15));
        assertTrue(sdDaily < 0.7 * sdTueThu, "daily " + sdDaily + " vs Tue/Thu " + sdTueThu);
        assertEquals(Statistics.mean(after(daily, Metric.DR001, 15)), Statistics.mean(after(tueThu, Metric.DR001, 15)), 0.05,
                "the level stays at the policy rate");
        for (int t = 0; t < tueThu.days(); t++) {
            java.time.DayOfWeek w = tueThu.spec().timeline().date(t).getDayOfWeek();
            if (w != java.time.DayOfWeek.TUESDAY && w != java.time.DayOfWeek.THURSDAY) {
                assertEquals(0, tueThu.value(Metric.OMO_INJECTION_BN, t, 0), 0, "no operation on " + w);
            }
        }
    }

    @Test
    void slfStigmaRaisesTheRateInAShortageAndCanLiftItAboveTheCeiling() {
        String[] shortage = {"central_bank.rule=excess_reserve_target", "central_bank.excess_reserve_target_bn=-300",
            "central_bank.allow_drain=true", "central_bank.forecast_error_sd_bn=0"};
        double none = meanOf(RunResult.simulate(TestScenarios.small(shortage), 5, 2, 1, d -> { }), Metric.DR001);
        String[] some = java.util.Arrays.copyOf(shortage, shortage.length + 1);
        some[shortage.length] = "banks.groups[2].stigma_bp=60";   // small banks only: numeric clearing
        double partial = meanOf(RunResult.simulate(TestScenarios.small(some), 5, 2, 1, d -> { }), Metric.DR001);
        String[] all = java.util.Arrays.copyOf(some, some.length + 2);
        all[some.length] = "banks.groups[0].stigma_bp=60";
        all[some.length + 1] = "banks.groups[1].stigma_bp=60";
        double full = meanOf(RunResult.simulate(TestScenarios.small(all), 5, 2, 1, d -> { }), Metric.DR001);
        assertTrue(none < partial && partial < full, "no stigma " + none + " < some " + partial + " < all " + full);
        assertTrue(full > 2.25, "with stigma the market can trade above the SLF rate: " + full);
    }

    @Test
    void widerCorridorMeansMoreVolatility() {
        RunResult narrow = RunResult.simulate(TestScenarios.small("corridor.floor_pct=1.00", "corridor.ceiling_pct=1.80"), 20, 9, 1, d -> { });
        RunResult wide = RunResult.simulate(TestScenarios.small("corridor.floor_pct=0.35", "corridor.ceiling_pct=2.45"), 20, 9, 1, d -> { });
        double ratio = sdOf(wide, Metric.DR001) / sdOf(narrow, Metric.DR001);
        // Same shocks, same standardised gaps: the rate scales with the corridor width (2.10 / 0.80).
        assertEquals(2.10 / 0.80, ratio, 0.1 * 2.10 / 0.80);
    }

    @Test
    void sameSeedSameNumbersWhateverTheThreadCount() {
        ModelSpec spec = TestScenarios.small();
        RunResult one = RunResult.simulate(spec, 9, 42, 1, d -> { });
        RunResult two = RunResult.simulate(spec, 9, 42, 2, d -> { });
        RunResult other = RunResult.simulate(spec, 9, 43, 2, d -> { });
        for (Metric m : one.metrics()) {
            for (int t = 0; t < one.days(); t++) {
                assertArrayEquals(one.values(m)[t], two.values(m)[t], 0.0, m.column() + " day " + t);
            }
        }
        assertTrue(!Arrays.equals(one.values(Metric.DR001)[5], other.values(Metric.DR001)[5]));
    }

    @Test
    void pathResultsDoNotDependOnHowManyPathsRun() {
        ModelSpec spec = TestScenarios.small();
        RunResult few = RunResult.simulate(spec, 3, 42, 1, d -> { });
        RunResult many = RunResult.simulate(spec, 8, 42, 2, d -> { });
        for (int t = 0; t < few.days(); t++) {
            for (int p = 0; p < 3; p++) {
                assertEquals(few.value(Metric.DR001, t, p), many.value(Metric.DR001, t, p), 0.0);
            }
        }
    }

    @Test
    void marketRateEqualsTheClosedFormAtFixedSupply() {
        // Poole economy with supply held exactly: the agent-based call auction (numeric solver
        // forced) must give the closed-form rate to 1e-9 every day.
        for (double z : new double[] {-2.5, -1, 0, 0.7, 2.2}) {
            ModelSpec probe = TestScenarios.small();
            double sumSigma = 0;
            double sumSq = 0;
            for (var b : probe.banks()) {
                sumSigma += b.shockSigmaBn();
                sumSq += b.shockSigmaBn() * b.shockSigmaBn();
            }
            double gap = z * sumSigma;
            // Banks target K + W − μ; excess reserves ΣW − gap put the standardised gap at z.
            double excess = -gap + probe.banks().stream().mapToDouble(b -> b.workingBalanceBn()).sum();
            ModelSpec spec = TestScenarios.small("central_bank.rule=excess_reserve_target", "central_bank.allow_drain=true",
                    "central_bank.forecast_error_sd_bn=0", "central_bank.excess_reserve_target_bn=" + excess,
                    "initial.excess_reserves_bn=" + excess, "autonomous.surprise_sd_bn=" + Math.sqrt(sumSq),
                    "market.force_numeric=true", "corridor.required_remuneration_pct=0");
            double analytic = Poole.clearingRate(0.35, 2.25, gap, sumSigma, spec.family());
            RunResult r = RunResult.simulate(spec, 3, 1, 1, d -> { });
            for (double[] day : r.values(Metric.DR001)) {
                for (double x : day) {
                    assertEquals(analytic, x, 1e-9, "z=" + z);
                }
            }
        }
    }

    @Test
    void anAccountingLeakStopsTheRunNamingDayPathAndAmounts() {
        ModelSpec spec = TestScenarios.small();
        CorridorModel[] holder = new CorridorModel[1];
        PathSink leaky = (metric, day, value) -> {
            if (metric == Metric.DR001 && day == 3) {
                holder[0].banks().payByDeposits(5.0); // reserves appear from nowhere
            }
        };
        PathStreams streams = PathStreams.of(PathSeeds.streams(1, 1)[0]);
        holder[0] = new CorridorModel(spec, 17, streams, leaky);
        holder[0].start();
        AccountingException e = assertThrows(AccountingException.class, () -> {
            for (int d = 0; d < spec.days(); d++) {
                holder[0].schedule.step(holder[0]);
            }
        });
        assertEquals(17, e.path());
        assertEquals(spec.timeline().date(4), e.date());
        assertTrue(e.getMessage().contains("difference 5.000e+00 bn"), e.getMessage());
    }
}
