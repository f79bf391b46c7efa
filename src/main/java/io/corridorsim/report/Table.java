package io.corridorsim.report;

import java.util.List;

/**
 * A small numeric table with named columns, as a command computes it (e.g. the rows of
 * {@code check poole}); plots take their series from it by column name.
 */
public record Table(List<String> columns, List<double[]> rows) {

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (double[] r : rows) {
            if (r.length != columns.size()) {
                throw new IllegalArgumentException("a row has " + r.length + " values for " + columns.size() + " columns");
            }
        }
    }

    public boolean has(String column) {
        return columns.contains(column);
    }

    /** The values of one column, top to bottom. */
    public double[] column(String name) {
        int k = columns.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("no column '" + name + "' in " + columns);
        }
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[k];
        }
        return out;
    }
}
