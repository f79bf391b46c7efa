package io.corridorsim.centralbank;

/**
 * The corridor and policy rates in force on each business day of a run (percent p.a.), after
 * the scenario's scheduled rate changes. Immutable; shared by all paths.
 */
public final class RatePath {

    private final double[] floorPct;
    private final double[] slfOvernightPct;
    private final double[] slf7dPct;
    private final double[] policyPct;
    private final double requiredRemunerationPct;

    public RatePath(double[] floorPct, double[] slfOvernightPct, double[] slf7dPct, double[] policyPct,
                    double requiredRemunerationPct) {
        int n = floorPct.length;
        if (slfOvernightPct.length != n || slf7dPct.length != n || policyPct.length != n) {
            throw new IllegalArgumentException("rate arrays must have one entry per business day");
        }
        for (int t = 0; t < n; t++) {
            if (!(floorPct[t] < slfOvernightPct[t])) {
                throw new IllegalArgumentException("corridor floor " + floorPct[t] + "% must be below the SLF ceiling "
                        + slfOvernightPct[t] + "% (day " + t + ")");
            }
            if (!(policyPct[t] >= floorPct[t] && policyPct[t] <= slfOvernightPct[t])) {
                throw new IllegalArgumentException("policy rate " + policyPct[t] + "% must lie inside the corridor ["
                        + floorPct[t] + ", " + slfOvernightPct[t] + "] (day " + t + ")");
            }
        }
        this.floorPct = floorPct.clone();
        this.slfOvernightPct = slfOvernightPct.clone();
        this.slf7dPct = slf7dPct.clone();
        this.policyPct = policyPct.clone();
        this.requiredRemunerationPct = requiredRemunerationPct;
    }

    public int size() {
        return floorPct.length;
    }

    /** Interest on excess reserves: the corridor floor. */
    public double floorPct(int t) {
        return floorPct[t];
    }

    /** Overnight SLF rate: the corridor ceiling for overnight funds. */
    public double ceilingPct(int t) {
        return slfOvernightPct[t];
    }

    public double ceiling7dPct(int t) {
        return slf7dPct[t];
    }

    /** 7-day reverse repo rate: the policy rate. */
    public double policyPct(int t) {
        return policyPct[t];
    }

    /** Interest the PBoC pays on required reserves (1.62% since 2008-11-27). */
    public double requiredRemunerationPct() {
        return requiredRemunerationPct;
    }
}
