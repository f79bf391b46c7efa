package io.corridorsim.sweep;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DesignsTest {

    @Test
    void gridHoldsEveryCombinationOnce() {
        int[] levels = {3, 4, 2};
        int[][] g = Designs.grid(levels);
        assertEquals(24, g.length);
        Set<String> seen = new HashSet<>();
        for (int[] row : g) {
            for (int j = 0; j < levels.length; j++) {
                assertTrue(row[j] >= 0 && row[j] < levels[j]);
            }
            assertTrue(seen.add(Arrays.toString(row)), "duplicate " + Arrays.toString(row));
        }
        assertEquals(0, g[0][0]);
        assertEquals(2, g[g.length - 1][0], "first parameter varies slowest");
        assertEquals(1, g[1][2], "last parameter varies fastest");
    }

    @Test
    void latinHypercubeHasOnePointPerStratumInEveryDimension() {
        int n = 37;
        int k = 5;
        double[][] x = Designs.latinHypercube(n, k, 11);
        for (int j = 0; j < k; j++) {
            int[] count = new int[n];
            for (double[] row : x) {
                assertTrue(row[j] >= 0 && row[j] < 1);
                count[(int) Math.floor(row[j] * n)]++;
            }
            for (int s = 0; s < n; s++) {
                assertEquals(1, count[s], "dimension " + j + ", stratum " + s);
            }
        }
    }

    @Test
    void randomPointsAreNotLatin() {
        // The same check must be able to fail: independent uniforms leave strata empty.
        double[][] x = Designs.random(37, 1, 11);
        int[] count = new int[37];
        for (double[] row : x) {
            count[(int) Math.floor(row[0] * 37)]++;
        }
        assertTrue(Arrays.stream(count).anyMatch(c -> c == 0));
    }

    @Test
    void sobolDiscrepancyIsBelowRandomForTheSameCount() {
        int n = 128;
        int k = 4;
        double sobol = Designs.l2StarDiscrepancy(Designs.sobol(n, k));
        for (long seed = 1; seed <= 10; seed++) {
            double random = Designs.l2StarDiscrepancy(Designs.random(n, k, seed));
            assertTrue(sobol < random, "sobol " + sobol + " vs random " + random + " (seed " + seed + ")");
        }
        double lhs = Designs.l2StarDiscrepancy(Designs.latinHypercube(n, k, 3));
        assertTrue(sobol < lhs, "sobol " + sobol + " vs lhs " + lhs);
    }

    @Test
    void discrepancyOfOnePointMatchesTheClosedForm() {
        // One point at c in 1D: D² = 1/3 − (1 − c²) + (1 − c) (Warnock's formula with n = k = 1).
        double c = 0.3;
        double expected = Math.sqrt(1.0 / 3 - (1 - c * c) + (1 - c));
        assertEquals(expected, Designs.l2StarDiscrepancy(new double[][] {{c}}), 1e-12);
    }

    @Test
    void saltelliBlocksDifferFromAOnlyInTheirOwnColumn() {
        int n = 8;
        int k = 3;
        double[][] d = Designs.saltelli(n, k);
        assertEquals(n * (k + 2), d.length);
        for (int j = 0; j < n; j++) {
            double[] a = d[j * (k + 2)];
            double[] b = d[j * (k + 2) + 1];
            for (int i = 0; i < k; i++) {
                double[] ab = d[j * (k + 2) + 2 + i];
                for (int c = 0; c < k; c++) {
                    assertEquals(c == i ? b[c] : a[c], ab[c], 0.0);
                }
            }
        }
    }

    @Test
    void morrisTrajectoriesMoveEachFactorOnceByDelta() {
        int r = 6;
        int k = 4;
        int p = 4;
        Designs.Morris m = Designs.morris(r, k, p, 9);
        double delta = 4.0 / 6.0;
        assertEquals(delta, m.delta(), 1e-15);
        for (int t = 0; t < r; t++) {
            Set<Integer> moved = new HashSet<>();
            for (int s = 1; s <= k; s++) {
                int row = t * (k + 1) + s;
                int changed = 0;
                for (int j = 0; j < k; j++) {
                    double diff = m.points()[row][j] - m.points()[row - 1][j];
                    if (diff != 0) {
                        changed++;
                        assertEquals(delta, diff, 1e-12);
                        assertEquals(j, m.moved()[row]);
                    }
                    assertTrue(m.points()[row][j] >= 0 && m.points()[row][j] <= 1 + 1e-12);
                }
                assertEquals(1, changed);
                moved.add(m.moved()[row]);
            }
            assertEquals(k, moved.size());
        }
    }
}
