package io.corridorsim.montecarlo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MomentTableTest {

    @Test
    void runningAddsSetsAndMergesGiveTheSampleMomentsNaNSkipped() {
        double[] x = {2, 4, Double.NaN, 4, 4, 5, 5, 7, 9};
        MomentTable running = new MomentTable(1);
        for (double v : x) {
            running.add(0, v);
        }
        // Hand values: the eight defined numbers have mean 5 and sum of squares 32, so sd = √(32/7).
        assertEquals(8, running.count(0));
        assertEquals(5, running.mean(0), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7), running.sd(0), 1e-15);

        MomentTable a = new MomentTable(1);
        MomentTable b = new MomentTable(1);
        a.set(0, new double[] {2, 4, Double.NaN, 4}, 4);
        b.set(0, new double[] {4, 5, 5, 7, 9}, 5);
        a.merge(b);
        assertEquals(8, a.count(0));
        assertEquals(5, a.mean(0), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7), a.sd(0), 1e-14);
    }

    @Test
    void oneValueHasNoSdTwoDoAndAConstantIsExact() {
        MomentTable t = new MomentTable(3);
        t.add(0, 1.5);
        assertTrue(Double.isNaN(t.sd(0)));
        assertTrue(Double.isNaN(t.mean(1)), "an empty cell has no mean");
        t.add(1, 1);
        t.add(1, 3);
        assertEquals(Math.sqrt(2), t.sd(1), 1e-15);
        // 0.1 summed ten times is not 1.0; a constant cell still reports itself exactly.
        double[] c = new double[10];
        java.util.Arrays.fill(c, 0.1);
        t.set(2, c, 10);
        assertEquals(0.1, t.mean(2), 0);
        assertEquals(0, t.sd(2), 0);
    }
}
