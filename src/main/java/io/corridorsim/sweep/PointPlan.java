package io.corridorsim.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * One point of a sweep: its index (the row of points.csv), its coordinates on the unit cube
 * (including the dummy's, if any), the parameter values as written in points.csv, the scenario
 * overrides ({@code key.path=value}) that make it, and the master seed of its paths.
 */
public record PointPlan(int index, double[] unit, List<String> values, List<String> overrides, long seed)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public PointPlan {
        unit = unit.clone();
        values = List.copyOf(values);
        overrides = List.copyOf(overrides);
    }

    @Override
    public double[] unit() {
        return unit.clone();
    }
}
