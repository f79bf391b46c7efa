package io.corridorsim.sweep;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensitivityTest {

    private static final double A = 7;
    private static final double B = 0.1;

    private static double ishigami(double x1, double x2, double x3) {
        return Math.sin(x1) + A * Math.sin(x2) * Math.sin(x2) + B * Math.pow(x3, 4) * Math.sin(x1);
    }

    /** A deterministic "seed noise": a hash of the dummy coordinate mapped to U(−1, 1), variance 1/3. */
    private static double noise(double u) {
        long z = Double.doubleToLongBits(u) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
        z ^= z >>> 29;
        return 2 * ((z >>> 11) * 0x1.0p-53) - 1;
    }

    private static Sensitivity.Index find(List<Sensitivity.Index> idx, String parameter, String index) {
        return idx.stream().filter(i -> i.parameter().equals(parameter) && i.index().equals(index)).findFirst().orElseThrow();
    }

    @Test
    void sobolIndicesRecoverIshigamiAndTheDummyMeasuresTheNoise() {
        int n = 4096;
        int k = 4; // x1, x2, x3 and a dummy that only changes the noise
        double[][] d = Designs.saltelli(n, k);
        double sigma = 1.5;
        double[] y = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            double x1 = -Math.PI + 2 * Math.PI * d[i][0];
            double x2 = -Math.PI + 2 * Math.PI * d[i][1];
            double x3 = -Math.PI + 2 * Math.PI * d[i][2];
            y[i] = ishigami(x1, x2, x3) + sigma * noise(d[i][3]);
        }
        List<Sensitivity.Index> idx = Sensitivity.sobol(y, n, List.of("x1", "x2", "x3", "dummy"), new Sensitivity.Bootstrap(100, 1));

        double pi4 = Math.pow(Math.PI, 4);
        double v1 = 0.5 * Math.pow(1 + B * pi4 / 5, 2);
        double v2 = A * A / 8;
        double v13 = Math.pow(B, 2) * Math.pow(Math.PI, 8) * (1.0 / 18 - 1.0 / 50);
        double vNoise = sigma * sigma / 3;
        double v = v1 + v2 + v13 + vNoise;
        double tol = 0.03;
        assertEquals(v1 / v, find(idx, "x1", "S1").estimate(), tol);
        assertEquals(v2 / v, find(idx, "x2", "S1").estimate(), tol);
        assertEquals(0, find(idx, "x3", "S1").estimate(), tol);
        assertEquals((v1 + v13) / v, find(idx, "x1", "ST").estimate(), tol);
        assertEquals(v2 / v, find(idx, "x2", "ST").estimate(), tol);
        assertEquals(v13 / v, find(idx, "x3", "ST").estimate(), tol);
        assertEquals(vNoise / v, find(idx, "dummy", "ST").estimate(), tol);
        for (Sensitivity.Index i : idx) {
            assertTrue(i.lo() <= i.estimate() + 1e-9 && i.estimate() <= i.hi() + 1e-9, i.toString());
        }
        // The noise floor is real: x3's first-order index does not clear it, x1's does.
        assertTrue(find(idx, "x1", "S1").lo() > find(idx, "dummy", "ST").hi());
    }

    @Test
    void withoutNoiseTheDummyIsExactlyZero() {
        int n = 1024;
        double[][] d = Designs.saltelli(n, 2);
        double[] y = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            y[i] = 3 * d[i][0];
        }
        List<Sensitivity.Index> idx = Sensitivity.sobol(y, n, List.of("x", "dummy"), new Sensitivity.Bootstrap(50, 1));
        assertEquals(0, find(idx, "dummy", "ST").estimate(), 0.0);
        assertEquals(1, find(idx, "x", "ST").estimate(), 0.03);
        assertEquals(1, find(idx, "x", "S1").estimate(), 0.03);
    }

    @Test
    void morrisRecoversLinearAndQuadraticEffects() {
        int r = 20;
        int k = 3;
        Designs.Morris m = Designs.morris(r, k, 4, 3);
        double[] y = new double[m.points().length];
        for (int i = 0; i < y.length; i++) {
            double[] x = m.points()[i];
            y[i] = 3 * x[0] - 0 * x[1] + x[2] * x[2];
        }
        List<Sensitivity.Index> idx = Sensitivity.morris(y, m, List.of("a", "b", "c"), new Sensitivity.Bootstrap(50, 1));
        assertEquals(3, find(idx, "a", "mu_star").estimate(), 1e-12);
        assertEquals(0, find(idx, "a", "sigma").estimate(), 1e-12);
        assertEquals(0, find(idx, "b", "mu_star").estimate(), 0.0);
        // x² from x ∈ {0, 1/3} by Δ = 2/3: EE = 2x + Δ ∈ {2/3, 4/3}.
        double c = find(idx, "c", "mu_star").estimate();
        assertTrue(c >= 2.0 / 3 - 1e-12 && c <= 4.0 / 3 + 1e-12, "c mu* " + c);
        assertTrue(find(idx, "c", "sigma").estimate() > 0);
    }
}
