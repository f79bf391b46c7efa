package io.corridorsim.market;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The distribution family of a bank's end-of-day payment shock, standardised to mean 0 and
 * variance 1. A bank's shock is {@code mu + sigma * Z} with Z from this family, so every bank of a
 * scenario shares {@link #cdf} and {@link #quantile}; that is what keeps the market-clearing
 * closed form valid for any location-scale family when banks share one ceiling.
 */
public sealed interface ShockFamily permits ShockFamily.Normal, ShockFamily.StudentT {

    /** P(Z ≤ z). */
    double cdf(double z);

    /** The z with P(Z ≤ z) = p; ∓infinity at 0 and 1. */
    double quantile(double p);

    /** Short name used in scenario files and manifests. */
    String label();

    static ShockFamily normal() {
        return Normal.INSTANCE;
    }

    static ShockFamily studentT(double degreesOfFreedom) {
        return new StudentT(degreesOfFreedom);
    }

    /** Gaussian shocks: Poole's textbook case. */
    final class Normal implements ShockFamily {
        static final Normal INSTANCE = new Normal();

        private Normal() {
        }

        @Override
        public double cdf(double z) {
            return NormalDist.cdf(z);
        }

        @Override
        public double quantile(double p) {
            return NormalDist.quantile(p);
        }

        @Override
        public String label() {
            return "normal";
        }
    }

    /**
     * Student-t shocks with ν &gt; 2 degrees of freedom, rescaled by sqrt((ν−2)/ν) to unit
     * variance: same variance as the normal case, fatter tails.
     */
    final class StudentT implements ShockFamily {
        private final double dof;
        private final double unitScale;
        private final TDistribution t;

        StudentT(double dof) {
            if (!(dof > 2) || Double.isInfinite(dof)) {
                throw new IllegalArgumentException("Student-t degrees of freedom must be a finite number > 2, got " + dof);
            }
            this.dof = dof;
            this.unitScale = Math.sqrt((dof - 2) / dof);
            // null generator: the distribution is only evaluated, never sampled here.
            this.t = new TDistribution(null, dof, 1e-14);
        }

        public double degreesOfFreedom() {
            return dof;
        }

        /** Multiply a raw t variate by this to get unit variance. */
        public double unitScale() {
            return unitScale;
        }

        @Override
        public double cdf(double z) {
            return t.cumulativeProbability(z / unitScale);
        }

        @Override
        public double quantile(double p) {
            if (p <= 0) {
                return Double.NEGATIVE_INFINITY;
            }
            if (p >= 1) {
                return Double.POSITIVE_INFINITY;
            }
            return t.inverseCumulativeProbability(p) * unitScale;
        }

        @Override
        public String label() {
            return "student_t";
        }
    }
}
