package io.corridorsim.montecarlo;

/**
 * Statistics of stored paths ({@code [day][path]}, as {@link RunResult#values} gives them): the
 * direct formulas the folded statistics of a run are tested against. Runs never store paths.
 */
public final class StoredPaths {

    private StoredPaths() {
    }

    /**
     * Monte Carlo standard error of the mean over path-days: the sd of the per-path means over
     * sqrt(paths). Days within a path are autocorrelated; paths are independent, so this is
     * the honest error. NaN with a single path.
     */
    public static double mcse(double[][] dayByPath) {
        int days = dayByPath.length;
        int paths = dayByPath[0].length;
        if (paths < 2) {
            return Double.NaN;
        }
        double[] pathMeans = new double[paths];
        int[] counts = new int[paths];
        for (double[] row : dayByPath) {
            for (int p = 0; p < paths; p++) {
                if (!Double.isNaN(row[p])) {
                    pathMeans[p] += row[p];
                    counts[p]++;
                }
            }
        }
        for (int p = 0; p < paths; p++) {
            pathMeans[p] = counts[p] == 0 ? Double.NaN : pathMeans[p] / counts[p];
        }
        return Statistics.sd(pathMeans) / Math.sqrt(Statistics.defined(pathMeans).length);
    }

    /** Flattens {@code [day][path]} in day-major order. */
    public static double[] flatten(double[][] dayByPath) {
        int days = dayByPath.length;
        int paths = dayByPath[0].length;
        double[] out = new double[days * paths];
        for (int d = 0; d < days; d++) {
            System.arraycopy(dayByPath[d], 0, out, d * paths, paths);
        }
        return out;
    }
}
