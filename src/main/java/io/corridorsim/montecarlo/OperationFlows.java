package io.corridorsim.montecarlo;

import io.corridorsim.centralbank.Facility;
import io.corridorsim.model.InitialBalances;
import io.corridorsim.model.Metric;

/**
 * The central bank's operations per instrument and day, means over paths, for operations.png:
 * the stock outstanding after the day's operations, the net injection (allotted today less
 * principal repaid this morning) and the principal maturing in the next {@link #AHEAD_DAYS}
 * business days. All bn CNY, indexed {@code [facility ordinal][day]}.
 *
 * <p>What matures on a day is read from the books, not from the operations log: yesterday's
 * stock plus today's allotments less today's stock. That counts the opening stocks (booked
 * before day 0, so in no log) as well as the run's own operations. Day 0's "yesterday" is the
 * opening stock of the scenario. The temporary overnight operations have no stock metric:
 * each is outstanding for one night, so its stock is the day's operation.
 */
public final class OperationFlows {

    /** The window of {@link #maturingAheadBn}, business days after the day. */
    public static final int AHEAD_DAYS = 30;

    private final double[][] stockBn;
    private final double[][] netInjectionBn;
    private final double[][] maturingAheadBn;

    private OperationFlows(double[][] stockBn, double[][] netInjectionBn, double[][] maturingAheadBn) {
        this.stockBn = stockBn;
        this.netInjectionBn = netInjectionBn;
        this.maturingAheadBn = maturingAheadBn;
    }

    /** The stock metric of facility f, or null for the temporary overnight operations. */
    static Metric stockMetric(Facility f) {
        return switch (f) {
            case REVERSE_REPO -> Metric.OMO_OUTSTANDING_BN;
            case OUTRIGHT_REVERSE_REPO -> Metric.OUTRIGHT_OUTSTANDING_BN;
            case MLF -> Metric.MLF_OUTSTANDING_BN;
            case STRUCTURAL -> Metric.STRUCTURAL_OUTSTANDING_BN;
            case TEMPORARY_OVERNIGHT -> null;
        };
    }

    private static double openingBn(Facility f, InitialBalances initial) {
        return switch (f) {
            case REVERSE_REPO -> initial.omoOutstandingBn();
            case OUTRIGHT_REVERSE_REPO -> initial.termStock().outrightBn();
            case MLF -> initial.termStock().mlfBn();
            case STRUCTURAL, TEMPORARY_OVERNIGHT -> 0;
        };
    }

    /**
     * From the mean stocks per day ({@code stockMean.applyAsDouble(metric, day)}) and the mean
     * amount each facility allotted per day ({@code [facility][day]}). Every quantity is linear
     * in the path's values, so the mean over paths of each path's flows is this.
     */
    static OperationFlows of(SummaryLayout l, java.util.function.ToDoubleBiFunction<Metric, Integer> stockMean,
                             double[][] allottedMeanBn) {
        int days = l.days;
        int nf = Facility.values().length;
        double[][] stock = new double[nf][days];
        double[][] net = new double[nf][days];
        double[][] ahead = new double[nf][days];
        double[] matured = new double[days];
        for (Facility f : Facility.values()) {
            int k = f.ordinal();
            Metric m = stockMetric(f);
            double before = openingBn(f, l.spec.initial());
            for (int t = 0; t < days; t++) {
                double now = m == null ? allottedMeanBn[k][t] : stockMean.applyAsDouble(m, t);
                stock[k][t] = now;
                matured[t] = before + allottedMeanBn[k][t] - now;
                net[k][t] = now - before;
                before = now;
            }
            for (int t = 0; t < days; t++) {
                if (t + AHEAD_DAYS >= days) {
                    ahead[k][t] = Double.NaN;
                    continue;
                }
                double due = 0;
                for (int s = t + 1; s <= t + AHEAD_DAYS; s++) {
                    due += matured[s];
                }
                ahead[k][t] = due;
            }
        }
        return new OperationFlows(stock, net, ahead);
    }

    /** Mean stock of f outstanding after day t's operations. */
    public double stockBn(Facility f, int t) {
        return stockBn[f.ordinal()][t];
    }

    /** Mean net injection of f on day t: allotted less principal repaid (the change in its stock); negative drains. */
    public double netInjectionBn(Facility f, int t) {
        return netInjectionBn[f.ordinal()][t];
    }

    /** Mean principal of f maturing on days t+1 … t+{@link #AHEAD_DAYS}; NaN when that window passes the run's end. */
    public double maturingAheadBn(Facility f, int t) {
        return maturingAheadBn[f.ordinal()][t];
    }
}
