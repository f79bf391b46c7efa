package io.corridorsim.montecarlo;

import io.corridorsim.bank.BankProfile;
import io.corridorsim.bank.BankSector;
import io.corridorsim.calendar.Timeline;
import io.corridorsim.model.Metric;
import io.corridorsim.model.ModelSpec;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The averaging oracle (DOMAIN §3.1, {@code docs/averaging.md}). In the oracle economy
 * ({@code models/poole-averaging.yaml}: no operations, no interest, news that does not reverse)
 * every path opens a maintenance period in the same state, so by the law of iterated
 * expectations the mean rate on every day of the period equals the formula's rate at its start,
 * {@code f + (c − f)·Φ(E[gap_T] / √(S_T² + V_0))}, and the mean day-to-day change is zero: DR001
 * is a martingale. The experiment runs the period at several supply levels and reports both by
 * days to the period's end.
 */
public final class AveragingExperiment {

    /** A day misses when it is off by more than max(3 se, this), percent (0.5bp). */
    public static final double TOLERANCE_PCT = 0.005;

    /** Supply levels are opening excess reserves, bn; each runs {@code paths} paths of the first period. */
    public record Settings(List<Double> excessReservesBn, int paths, long seed, int threads) {
    }

    /**
     * One day of one supply level.
     *
     * @param daysToPeriodEnd business days to the period's last (0 on it)
     * @param meanChangePct   mean over paths of DR001 today minus yesterday (NaN on the first day)
     * @param changeSePct     its Monte Carlo standard error
     * @param acrossPathSdPct sd of DR001 across paths today
     * @param meanPct         mean DR001 today, with {@code meanSePct}
     * @param formulaPct      the formula's rate at the period's start
     */
    public record Row(double excessReservesBn, int daysToPeriodEnd, double meanChangePct, double changeSePct,
                      double acrossPathSdPct, double meanPct, double meanSePct, double formulaPct) {

        public boolean passes() {
            boolean change = Double.isNaN(meanChangePct) || Math.abs(meanChangePct) <= Math.max(3 * changeSePct, TOLERANCE_PCT);
            return change && Math.abs(meanPct - formulaPct) <= Math.max(3 * meanSePct, TOLERANCE_PCT);
        }
    }

    private AveragingExperiment() {
    }

    public static List<Row> run(Path file, List<String> sets, Settings s) {
        ScenarioLoader loader = new ScenarioLoader();
        ModelSpec probe = ScenarioCompiler.compile(loader.load(file, sets), file);
        Timeline tl = probe.timeline();
        int days = 1;
        while (days < tl.size() && tl.maintenancePeriod(days) == tl.maintenancePeriod(0)) {
            days++;
        }
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < s.excessReservesBn().size(); k++) {
            double excess = s.excessReservesBn().get(k);
            List<String> o = new ArrayList<>(sets);
            o.add("initial.excess_reserves_bn=" + excess);
            o.add("days=" + days);
            ModelSpec model = ScenarioCompiler.compile(loader.load(file, o), file);
            double formula = formulaPct(model);
            // A seed per level: levels are separate experiments, not common random numbers. Paths
            // arrive in path order; each one's day-to-day changes fold into running moments.
            MomentTable change = new MomentTable(days);
            int dr001 = Metric.DR001.ordinal();
            int periodDays = days;
            RunSummary r = MonteCarlo.summarize(model, new MonteCarlo.Plan(s.paths(), s.seed() + k, s.threads()), done -> { },
                    (path, values, operations) -> {
                        double[] v = values[dr001];
                        for (int t = 1; t < periodDays; t++) {
                            change.add(t, v[t] - v[t - 1]);
                        }
                    });
            for (int t = 0; t < days; t++) {
                double sdChange = t == 0 ? Double.NaN : change.sd(t);
                double sd = r.sd(Metric.DR001, t);
                rows.add(new Row(excess, days - 1 - t, t == 0 ? Double.NaN : change.mean(t),
                        sdChange / Math.sqrt(s.paths()), sd, r.mean(Metric.DR001, t), sd / Math.sqrt(s.paths()), formula));
            }
        }
        return rows;
    }

    /**
     * The formula at the period's first day: E[gap_T] = Σ(K + W) − Σμ − S in average units (nothing
     * held yet, supply expected to stay), S_T = Σσ_eff · w_T / L, V_0 = Σ_s (A_s · W_s)² / L².
     */
    static double formulaPct(ModelSpec m) {
        Timeline tl = m.timeline();
        int last = tl.size() - 1;
        int length = tl.periodLengthCalendarDays(0);
        BankSector banks = new BankSector(m.banks().toArray(new BankProfile[0]), m.family());
        banks.resetRequirements(m.flows().depositFactor(0));
        banks.open(m.initial().excessReservesBn());
        double news = 0;
        double keep = 1 - m.flows().surpriseReversal();
        for (int t = 0; t < last; t++) {
            double stays = tl.periodWeight(t) + keep * (tl.periodCalendarDaysRemaining(t) - tl.periodWeight(t));
            double a = m.flows().surpriseSdBn(t) * stays;
            news += a * a;
        }
        double sdLast = m.flows().surpriseSdBn(last);
        banks.setAggregateVariance(sdLast * sdLast);
        double scale = Math.hypot(banks.sumEffectiveSigma() * tl.periodWeight(last), Math.sqrt(news)) / length;
        double gap = banks.sumRequiredAndWorking() - banks.sumMu() - banks.totalReserves();
        double f = m.rates().floorPct(0);
        double c = m.rates().ceilingPct(0);
        return f + (c - f) * m.family().cdf(gap / scale);
    }
}
