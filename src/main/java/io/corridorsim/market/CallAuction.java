package io.corridorsim.market;

/**
 * Walrasian call auction: the rate at which aggregate demand meets the fixed supply of
 * reserves (DOMAIN §5). Works for any non-increasing schedule (stigma, credit limits,
 * averaging kinks) by bracketing root-finding; allocation-free.
 */
public final class CallAuction {

    /** Bisection steps are capped; 200 halvings of a corridor are far below double resolution. */
    private static final int MAX_ITERATIONS = 200;

    private CallAuction() {
    }

    /**
     * Finds r in [loPct, hiPct] with demand(r) = supplyBn. If demand stays above supply up to
     * {@code hiPct} the market is pinned at the ceiling and hiPct is returned; if it stays below
     * supply down to {@code loPct} the market is pinned at the floor and loPct is returned.
     *
     * @param tolPct absolute tolerance on the rate, in percentage points
     */
    public static double clear(AggregateDemand demand, double supplyBn, double loPct, double hiPct, double tolPct) {
        // Brent–Dekker on g(r) = demand(r) − S, which is non-increasing. The end points may be
        // ±infinity (Poole schedules diverge at the corridor bounds), so step inside first.
        double span = hiPct - loPct;
        double a = loPct + span * 1e-15;
        double b = hiPct - span * 1e-15;
        double fa = demand.totalBn(a) - supplyBn;
        double fb = demand.totalBn(b) - supplyBn;
        if (fa <= 0) {
            return loPct;
        }
        if (fb >= 0) {
            return hiPct;
        }
        // Schedules with different ceilings diverge at different rates: bisect until both ends
        // are finite, then let Brent take over.
        for (int i = 0; i < MAX_ITERATIONS && (Double.isInfinite(fa) || Double.isInfinite(fb)) && b - a > tolPct; i++) {
            double mid = 0.5 * (a + b);
            double fm = demand.totalBn(mid) - supplyBn;
            if (fm > 0) {
                a = mid;
                fa = fm;
            } else {
                b = mid;
                fb = fm;
            }
        }
        if (Double.isInfinite(fa) || Double.isInfinite(fb)) {
            return 0.5 * (a + b);
        }
        double c = a;
        double fc = fa;
        double d = b - a;
        double e = d;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            if (Math.abs(fc) < Math.abs(fb)) {
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }
            double tol = 2 * Math.ulp(b) + 0.5 * tolPct;
            double m = 0.5 * (c - b);
            if (Math.abs(m) <= tol || fb == 0) {
                return b;
            }
            if (Math.abs(e) < tol || Math.abs(fa) <= Math.abs(fb)) {
                d = m;
                e = m;
            } else {
                double s = fb / fa;
                double p;
                double q;
                if (a == c) {
                    p = 2 * m * s;
                    q = 1 - s;
                } else {
                    double qq = fa / fc;
                    double r = fb / fc;
                    p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
                    q = (qq - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) {
                    q = -q;
                } else {
                    p = -p;
                }
                if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
                    e = d;
                    d = p / q;
                } else {
                    d = m;
                    e = m;
                }
            }
            a = b;
            fa = fb;
            b += Math.abs(d) > tol ? d : (m > 0 ? tol : -tol);
            fb = demand.totalBn(b) - supplyBn;
            if (Double.isNaN(fb)) {
                return bisect(demand, supplyBn, Math.min(b, c), Math.max(b, c), tolPct);
            }
            if ((fb > 0) == (fc > 0)) {
                c = a;
                fc = fa;
                d = b - a;
                e = d;
            }
        }
        return b;
    }

    private static double bisect(AggregateDemand demand, double supplyBn, double lo, double hi, double tolPct) {
        for (int i = 0; i < MAX_ITERATIONS && hi - lo > tolPct; i++) {
            double mid = 0.5 * (lo + hi);
            if (demand.totalBn(mid) - supplyBn > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
