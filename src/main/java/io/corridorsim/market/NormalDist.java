package io.corridorsim.market;

/**
 * Standard normal distribution function and its inverse, accurate to about 1e-15, without
 * allocation. The clearing kernels call these once per day (closed form) or once per bank and
 * solver iteration (numeric path), so they must be fast and exact enough that the two paths
 * agree to 1e-9 percentage points.
 */
public final class NormalDist {

    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    private NormalDist() {
    }

    /** Φ(x): West (2005) double-precision form of Hart's algorithm 5666; absolute error below 1e-14. */
    public static double cdf(double x) {
        double xabs = Math.abs(x);
        double c;
        if (xabs > 37) {
            c = 0;
        } else {
            double e = Math.exp(-xabs * xabs / 2);
            if (xabs < 7.07106781186547) {
                double b = 3.52624965998911E-02 * xabs + 0.700383064443688;
                b = b * xabs + 6.37396220353165;
                b = b * xabs + 33.912866078383;
                b = b * xabs + 112.079291497871;
                b = b * xabs + 221.213596169931;
                b = b * xabs + 220.206867912376;
                c = e * b;
                b = 8.83883476483184E-02 * xabs + 1.75566716318264;
                b = b * xabs + 16.064177579207;
                b = b * xabs + 86.7807322029461;
                b = b * xabs + 296.564248779674;
                b = b * xabs + 637.333633378831;
                b = b * xabs + 793.826512519948;
                b = b * xabs + 440.413735824752;
                c = c / b;
            } else {
                double b = xabs + 0.65;
                b = xabs + 4 / b;
                b = xabs + 3 / b;
                b = xabs + 2 / b;
                b = xabs + 1 / b;
                c = e / b / SQRT_2PI;
            }
        }
        return x > 0 ? 1 - c : c;
    }

    /** Standard normal density φ(x). */
    public static double pdf(double x) {
        return Math.exp(-0.5 * x * x) / SQRT_2PI;
    }

    /**
     * Φ⁻¹(p): Wichura's algorithm AS 241 (PPND16), relative accuracy about 1e-16.
     * Returns ∓infinity at p = 0 and 1, NaN outside [0, 1].
     */
    public static double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r
                    + 67265.770927008700853) * r + 45921.953931549871457) * r
                    + 13731.693765509461125) * r + 1971.5909503065514427) * r
                    + 133.14166789178437745) * r + 3.387132872796366608)
                    / (((((((5226.495278852545925 * r + 28729.085735721942674) * r
                    + 39307.89580009271061) * r + 21213.794301586595867) * r
                    + 5394.1960214247511077) * r + 687.1870074920579083) * r
                    + 42.313330701600911252) * r + 1.0);
        }
        double r = q < 0 ? p : 1 - p;
        r = Math.sqrt(-Math.log(r));
        double val;
        if (r <= 5) {
            r -= 1.6;
            val = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r
                    + 0.24178072517745061177) * r + 1.27045825245236838258) * r
                    + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                    + 4.6303378461565452959) * r + 1.42343711074968357734)
                    / (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r
                    + 0.0151986665636164571966) * r + 0.14810397642748007459) * r
                    + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                    + 2.05319162663775882187) * r + 1.0);
        } else {
            r -= 5;
            val = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
                    + 0.0012426609473880784386) * r + 0.026532189526576123093) * r
                    + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                    + 5.4637849111641143699) * r + 6.6579046435011037772)
                    / (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r
                    + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r
                    + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                    + 0.59983220655588793769) * r + 1.0);
        }
        return q < 0 ? -val : val;
    }
}
