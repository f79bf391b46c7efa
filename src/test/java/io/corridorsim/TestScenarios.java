package io.corridorsim;

import io.corridorsim.model.ModelSpec;
import io.corridorsim.scenario.Scenario;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Small scenarios for tests, built from YAML text exactly as users write them. */
public final class TestScenarios {

    /** A virtual file inside models/, so calendar data resolve to models/calendar. */
    public static final Path FILE = Path.of("models", "test.yaml");

    private TestScenarios() {
    }

    /** A compact economy: 30 banks of three kinds, weekdays calendar, forecast-neutral OMO. */
    public static final String SMALL = """
            name: small
            start_date: 2025-01-06
            days: 40
            calendar: weekdays
            corridor: {floor_pct: 0.35, ceiling_pct: 2.25, policy_rate_pct: 1.40}
            banks:
              groups:
                - {name: big, count: 5, tier: large, dealer: true, reserve_ratio_pct: 7.5,
                   deposits: {distribution: lognormal, median_bn: 8000, dispersion: 0.3},
                   shock_sigma: {sigma_bn: 40, at_deposits_bn: 8000, elasticity: 0.7},
                   working_balance_pct_of_deposits: 1.0}
                - {name: mid, count: 10, tier: medium, dealer: true, reserve_ratio_pct: 6.0,
                   deposits: {distribution: lognormal, median_bn: 1500, dispersion: 0.5},
                   shock_sigma: {sigma_bn: 40, at_deposits_bn: 8000, elasticity: 0.7}}
                - {name: small, count: 15, tier: small, reserve_ratio_pct: 5.0,
                   deposits: {distribution: pareto, minimum_bn: 300, alpha: 2.0},
                   shock_sigma: {sigma_bn: 40, at_deposits_bn: 8000, elasticity: 0.7}}
            central_bank: {rule: forecast_neutral, forecast_error_sd_bn: 60}
            initial: {excess_reserves_bn: 600, omo_outstanding_bn: 500, other_claims_bn: 3000,
                      fx_bn: 5000, currency_bn: 2500, gov_deposits_bn: 1000}
            autonomous: {surprise_sd_bn: 40}
            """;

    public static Scenario scenario(String yaml, String... overrides) {
        return new ScenarioLoader().parse(FILE, yaml, Arrays.asList(overrides));
    }

    public static ModelSpec spec(String yaml, String... overrides) {
        return ScenarioCompiler.compile(scenario(yaml, overrides), FILE);
    }

    public static ModelSpec small(String... overrides) {
        return spec(SMALL, overrides);
    }

    public static List<String> list(String... s) {
        return List.of(s);
    }
}
