package io.corridorsim.sweep;

import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Experimental designs on the unit cube [0, 1]^k, as pure functions. A row is a point, a column
 * a parameter; {@link ParameterSpace} maps coordinates to parameter values. Random draws come
 * from a XoShiRo256++ generator seeded with the design seed, so a design is data.
 */
public final class Designs {

    private Designs() {
    }

    /**
     * Full factorial grid, first parameter slowest: every combination of level indices.
     * {@code levels[j]}: how many levels parameter j has. Rows: ∏ levels[j].
     */
    public static int[][] grid(int[] levels) {
        long count = 1;
        for (int l : levels) {
            count *= l;
            if (count > 10_000_000) {
                throw new IllegalArgumentException("the grid has more than 10 million points");
            }
        }
        int[][] out = new int[(int) count][levels.length];
        for (int i = 0; i < count; i++) {
            int rest = i;
            for (int j = levels.length - 1; j >= 0; j--) {
                out[i][j] = rest % levels[j];
                rest /= levels[j];
            }
        }
        return out;
    }

    /** Independent uniform points. */
    public static double[][] random(int n, int k, long seed) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
        double[][] out = new double[n][k];
        for (double[] row : out) {
            for (int j = 0; j < k; j++) {
                row[j] = rng.nextDouble();
            }
        }
        return out;
    }

    /**
     * Latin hypercube: in every dimension each of the n strata [i/n, (i+1)/n) holds exactly one
     * point, placed uniformly inside it; strata are paired across dimensions by independent
     * random permutations.
     */
    public static double[][] latinHypercube(int n, int k, long seed) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
        double[][] out = new double[n][k];
        for (int j = 0; j < k; j++) {
            int[] perm = permutation(n, rng);
            for (int i = 0; i < n; i++) {
                out[i][j] = (perm[i] + rng.nextDouble()) / n;
            }
        }
        return out;
    }

    /** The first n points of the Sobol sequence (Joe–Kuo directions), the all-zero origin skipped. */
    public static double[][] sobol(int n, int k) {
        SobolSequenceGenerator g = new SobolSequenceGenerator(k);
        g.skipTo(1);
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = g.nextVector();
        }
        return out;
    }

    /**
     * Saltelli's layout for Sobol indices: base sample N from a 2k-dimensional Sobol sequence,
     * A its first k columns, B its last k. Row j of the design is the block
     * {@code A_j, B_j, AB_j^1 … AB_j^k} (AB^i: A with column i taken from B), so rows
     * {@code j·(k+2) + m}; N·(k+2) rows in all.
     */
    public static double[][] saltelli(int n, int k) {
        double[][] base = sobol(n, 2 * k);
        double[][] out = new double[n * (k + 2)][];
        for (int j = 0; j < n; j++) {
            double[] a = java.util.Arrays.copyOfRange(base[j], 0, k);
            double[] b = java.util.Arrays.copyOfRange(base[j], k, 2 * k);
            int at = j * (k + 2);
            out[at] = a;
            out[at + 1] = b;
            for (int i = 0; i < k; i++) {
                double[] ab = a.clone();
                ab[i] = b[i];
                out[at + 2 + i] = ab;
            }
        }
        return out;
    }

    /** Morris trajectories and which factor each step moved. */
    public record Morris(double[][] points, int[] moved, double delta) {
    }

    /**
     * Morris (1991) elementary-effects design: r trajectories of k+1 points on the p-level grid
     * {0, 1/(p−1), …, 1}. Each starts at a random point whose coordinates lie at most 1 − Δ and
     * moves one factor at a time by +Δ = p / (2(p−1)), in a random order. {@code moved[row]}
     * is the factor moved to reach that row, −1 at a trajectory's start.
     */
    public static Morris morris(int r, int k, int p, long seed) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
        double delta = p / (2.0 * (p - 1));
        int startLevels = p / 2; // levels 0 … p/2 − 1 satisfy x ≤ 1 − Δ
        double[][] points = new double[r * (k + 1)][];
        int[] moved = new int[r * (k + 1)];
        for (int t = 0; t < r; t++) {
            double[] x = new double[k];
            for (int j = 0; j < k; j++) {
                x[j] = rng.nextInt(startLevels) / (double) (p - 1);
            }
            int row = t * (k + 1);
            points[row] = x.clone();
            moved[row] = -1;
            int[] order = permutation(k, rng);
            for (int s = 0; s < k; s++) {
                x[order[s]] = Math.min(1.0, x[order[s]] + delta);
                points[row + 1 + s] = x.clone();
                moved[row + 1 + s] = order[s];
            }
        }
        return new Morris(points, moved, delta);
    }

    /**
     * The L2-star discrepancy of points in [0,1]^k (Warnock's formula): the L2 norm over anchored
     * boxes of (share of points in the box − the box's volume). Lower is more uniform.
     */
    public static double l2StarDiscrepancy(double[][] x) {
        int n = x.length;
        int k = x[0].length;
        double a = Math.pow(3, -k);
        double b = 0;
        for (double[] row : x) {
            double prod = 1;
            for (double v : row) {
                prod *= (1 - v * v);
            }
            b += prod;
        }
        b *= Math.pow(2, 1 - k) / n;
        double c = 0;
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < n; l++) {
                double prod = 1;
                for (int j = 0; j < k; j++) {
                    prod *= 1 - Math.max(x[i][j], x[l][j]);
                }
                c += prod;
            }
        }
        c /= (double) n * n;
        return Math.sqrt(a - b + c);
    }

    private static int[] permutation(int n, UniformRandomProvider rng) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        return perm;
    }
}
