package io.corridorsim.montecarlo;

import io.corridorsim.bank.BankProfile;
import io.corridorsim.bank.BankSector;
import io.corridorsim.market.Poole;
import io.corridorsim.model.Metric;
import io.corridorsim.model.ModelSpec;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The textbook Poole curve as an experiment (DOMAIN §6.1). At each supply level the central bank
 * holds reserves exactly there (excess-reserve targeting, no forecast error); banks trade to their
 * Poole holdings in a market cleared by the numeric call auction, then take their shocks. Two
 * rates come out and each must match the closed form {@code f + (c − f)·F(gap/Σσ)}:
 * <ul>
 *   <li>the marginal value the simulation realises, {@code f + (c − f)·(share of bank-days at the SLF)},
 *       which tests the shocks and the end of day;</li>
 *   <li>the rate the market produced (mean DR001), which tests the market's clearing.</li>
 * </ul>
 */
public final class PooleExperiment {

    /** A level misses when it is off the closed form by more than max(3 se, this), percent (0.5bp). */
    public static final double TOLERANCE_PCT = 0.005;

    /** The experiment's size: levels run from +span to −span standard deviations of the gap. */
    public record Settings(int paths, int levels, double span, long seed, int threads) {
    }

    /** One supply level: the closed form, the SLF-share rate and the market's rate, each with its MC error. */
    public record Row(double gapBn, double sumSigmaBn, double floorPct, double ceilingPct, double analyticPct,
                      double simulatedPct, double simulatedSePct, double marketPct, double marketSePct) {

        /** Both rates within max(3 se, 0.5bp) of the closed form. */
        public boolean passes() {
            return Math.abs(simulatedPct - analyticPct) <= Math.max(3 * simulatedSePct, TOLERANCE_PCT)
                    && Math.abs(marketPct - analyticPct) <= Math.max(3 * marketSePct, TOLERANCE_PCT);
        }
    }

    private PooleExperiment() {
    }

    /**
     * Runs the experiment on a textbook scenario file.
     *
     * @param sets   the user's --set overrides, applied before the experiment's own
     * @param tamper applied to each level's model before it runs: identity, or a deliberately broken market in tests
     */
    public static List<Row> run(Path file, List<String> sets, Settings s, UnaryOperator<ModelSpec> tamper) {
        ScenarioLoader loader = new ScenarioLoader();
        ModelSpec probe = ScenarioCompiler.compile(loader.load(file, sets), file);
        // An aggregate surprise of variance Σσ² makes every bank's total shock exactly N(μ_i, σ_i²).
        BankSector sector = new BankSector(probe.banks().toArray(new BankProfile[0]), probe.family());
        double sd = Math.sqrt(sector.sumSigmaSq());
        double sumSigma = sector.sumSigma();
        double sumMu = sector.sumMu();
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < s.levels(); k++) {
            double z = s.span() - 2 * s.span() * k / (s.levels() - 1);
            double gap = z * sumSigma;
            List<String> o = new ArrayList<>(sets);
            o.add("central_bank.rule=excess_reserve_target");
            o.add("central_bank.allow_drain=true");
            o.add("central_bank.forecast_error_sd_bn=0");
            o.add("central_bank.forecast_error_share_of_flow=0");
            o.add("central_bank.excess_reserve_target_bn=" + (-sumMu - gap));
            o.add("initial.excess_reserves_bn=" + (-sumMu - gap));
            o.add("autonomous.surprise_sd_bn=" + sd);
            o.add("market.force_numeric=true");
            ModelSpec model = tamper.apply(ScenarioCompiler.compile(loader.load(file, o), file));
            RunSummary r = MonteCarlo.summarize(model, new MonteCarlo.Plan(s.paths(), s.seed() + k, s.threads()), done -> { }, null);
            double floor = model.rates().floorPct(0);
            double ceiling = model.rates().ceilingPct(0);
            double analytic = Poole.clearingRate(floor, ceiling, gap, sumSigma, model.family());
            RunSummary.Overall share = r.overall(Metric.SHORT_BANK_SHARE);
            RunSummary.Overall market = r.overall(Metric.DR001);
            rows.add(new Row(gap, sumSigma, floor, ceiling, analytic,
                    floor + (ceiling - floor) * share.mean(), (ceiling - floor) * share.mcseMean(),
                    market.mean(), market.mcseMean()));
        }
        return rows;
    }
}
