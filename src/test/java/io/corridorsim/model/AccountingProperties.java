package io.corridorsim.model;

import io.corridorsim.TestScenarios;
import io.corridorsim.montecarlo.MonteCarlo;
import io.corridorsim.montecarlo.RunResult;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stock-flow consistency on random economies: the model's own per-day check must never fire,
 * and the recorded balance-sheet levels must satisfy the five-factor identity row by row:
 * ΔExcess = ΔFX + ΔClaims − ΔGovDeposits − ΔRequired − ΔCurrency.
 */
class AccountingProperties {

    private static final String[] RULES = {"forecast_neutral", "deviation_feedback", "excess_reserve_target", "full_allotment"};

    @Property(tries = 25)
    void fiveFactorIdentityHoldsEveryDayOnRandomScenarios(
            @ForAll @IntRange(min = 0, max = 3) int rule,
            @ForAll @DoubleRange(min = 0, max = 300) double forecastError,
            @ForAll @DoubleRange(min = 0, max = 200) double surprise,
            @ForAll @DoubleRange(min = 0, max = 40) double stigmaBp,
            @ForAll boolean studentT,
            @ForAll boolean averaging,
            @ForAll boolean drain,
            @ForAll @IntRange(min = 1, max = 12) int smallBanks,
            @ForAll @DoubleRange(min = -500, max = 2000) double excess,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        ModelSpec spec = TestScenarios.spec(TestScenarios.SMALL,
                "central_bank.rule=" + RULES[rule],
                "central_bank.forecast_error_sd_bn=" + forecastError,
                "central_bank.excess_reserve_target_bn=" + excess,
                "central_bank.feedback.gain_bn=300",
                "central_bank.allow_drain=" + drain,
                "autonomous.surprise_sd_bn=" + surprise,
                "banks.groups[2].stigma_bp=" + stigmaBp,
                "banks.groups[2].count=" + smallBanks,
                "banks.shocks.distribution=" + (studentT ? "student_t" : "normal"),
                "averaging.enabled=" + averaging,
                "initial.excess_reserves_bn=" + excess,
                "days=25");
        RunResult r = RunResult.simulate(spec, 2, seed, 1, d -> { });
        for (int p = 0; p < 2; p++) {
            for (int t = 1; t < r.days(); t++) {
                double dEr = d(r, Metric.EXCESS_RESERVES_BN, t, p);
                double rhs = d(r, Metric.FX_BN, t, p) + d(r, Metric.CLAIMS_BN, t, p) - d(r, Metric.GOV_DEPOSITS_BN, t, p)
                        - d(r, Metric.REQUIRED_BN, t, p) - d(r, Metric.CURRENCY_BN, t, p) - d(r, Metric.OTHER_ITEMS_BN, t, p);
                assertEquals(dEr, rhs, 1e-6 * (1 + Math.abs(dEr)), "identity broken on day " + t);
                double rate = r.value(Metric.DR001, t, p);
                assertTrue(rate >= spec.rates().floorPct(t) - 1e-12
                        && rate <= spec.rates().ceilingPct(t) + stigmaBp / 100.0 + 1e-12, "rate outside corridor: " + rate);
                assertTrue(r.value(Metric.SLF_BN, t, p) >= 0);
            }
        }
    }

    private static double d(RunResult r, Metric m, int t, int p) {
        return r.value(m, t, p) - r.value(m, t - 1, p);
    }
}
