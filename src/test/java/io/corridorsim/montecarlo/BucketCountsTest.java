package io.corridorsim.montecarlo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Int counts that widen to longs instead of wrapping, and growth on either side. */
class BucketCountsTest {

    @Test
    void aBucketPastTheIntRangeWidensTheArrayAndKeepsEveryCount() {
        BucketCounts b = new BucketCounts();
        b.add(5, 3);
        b.add(6, Integer.MAX_VALUE - 1L);
        b.add(6, 1);
        assertEquals(Integer.MAX_VALUE, b.count(6 - b.offset));
        b.add(6, 2);
        assertEquals(Integer.MAX_VALUE + 2L, b.count(6 - b.offset));
        assertEquals(3, b.count(5 - b.offset));
        // Growth after widening, below and far above.
        b.add(-40, 4);
        b.add(300, 5);
        assertEquals(3, b.count(5 - b.offset));
        assertEquals(Integer.MAX_VALUE + 2L, b.count(6 - b.offset));
        assertEquals(4, b.count(-40 - b.offset));
        assertEquals(5, b.count(300 - b.offset));
        assertEquals(3L + Integer.MAX_VALUE + 2 + 4 + 5, b.total);
    }

    @Test
    void mergingTwoLargeCountsWidensAndAddsExactly() {
        BucketCounts a = new BucketCounts();
        BucketCounts o = new BucketCounts();
        a.add(0, Integer.MAX_VALUE);
        o.add(0, Integer.MAX_VALUE);
        o.add(9, 1);
        a.merge(o);
        assertEquals(2L * Integer.MAX_VALUE, a.count(0 - a.offset));
        assertEquals(1, a.count(9 - a.offset));
        assertEquals(2L * Integer.MAX_VALUE + 1, a.total);
    }

    @Test
    void growsTowardsEitherSideWithoutLosingCounts() {
        BucketCounts b = new BucketCounts();
        for (int k = 0; k < 100; k++) {
            b.add(k % 2 == 0 ? k : -k, k + 1);
        }
        for (int k = 0; k < 100; k++) {
            assertEquals(k + 1, b.count((k % 2 == 0 ? k : -k) - b.offset));
        }
    }
}
