package io.corridorsim.centralbank;

/** The reaction functions' arithmetic, as pure functions (amounts bn, rates percent). */
public final class Reaction {

    /** Trading days per year used to annualise the volatility in the deviation z-score. */
    public static final double TRADING_DAYS_PER_YEAR = 250.0;

    private Reaction() {
    }

    /**
     * Seed 001's standardised deviation: (latest − mean of the previous {@code window} values) /
     * annualised volatility of those values, where the volatility is the sd of their daily
     * changes times sqrt(250). {@code history} is a ring buffer of {@code capacity} entries
     * whose newest is at index {@code (count − 1) % capacity}. Returns 0 until {@code window + 1}
     * observations exist or when the window has no variation.
     */
    /** The smallest daily sd of fixings' changes the z-score divides by, percent (0.5bp). */
    static final double MIN_DAILY_SD_PCT = 0.005;

    public static double zScore(double[] history, int count, int window) {
        int capacity = history.length;
        if (count < window + 1 || capacity < window + 1) {
            return 0;
        }
        double latest = history[(count - 1) % capacity];
        double sum = 0;
        double prev = Double.NaN;
        double sumD = 0;
        double sumD2 = 0;
        for (int k = count - 1 - window; k < count - 1; k++) {
            double v = history[k % capacity];
            sum += v;
            if (!Double.isNaN(prev)) {
                double d = v - prev;
                sumD += d;
                sumD2 += d * d;
            }
            prev = v;
        }
        double mean = sum / window;
        int m = window - 1;
        double varD = (sumD2 - sumD * sumD / m) / Math.max(1, m - 1);
        double annualVol = Math.sqrt(Math.max(0, varD) * TRADING_DAYS_PER_YEAR);
        if (!(annualVol > 1e-12)) {
            return 0;
        }
        // A window of fixings pinned at a bound has a volatility of rounding errors; nobody reads a
        // deviation against less than half a basis point a day (annualised).
        return (latest - mean) / Math.max(annualVol, MIN_DAILY_SD_PCT * Math.sqrt(TRADING_DAYS_PER_YEAR));
    }
}
