package io.corridorsim.centralbank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The central bank's instruments beyond its daily reverse repo (DOMAIN §3.3): its calendar of
 * announced operations, how it rolls maturing MLF and outright reverse repos, its afternoon
 * temporary overnight operations, and when it remits its profit.
 *
 * @param scheduled            announced operations, in day order
 * @param mlfRollover          share of each maturing MLF it offers again the same day, on the last MLF's terms
 * @param outrightRollover     the same for outright reverse repos
 * @param temporary            its afternoon temporary overnight operations (null: none)
 * @param remittanceDays       business days on which it remits the year's positive profit to the treasury, ascending
 */
public record Toolkit(List<ScheduledOperation> scheduled, double mlfRollover, double outrightRollover,
                      TemporaryOperations temporary, int[] remittanceDays) {

    /**
     * The afternoon temporary overnight operations (since 2024-07): having seen the day's market,
     * the central bank takes dealers' funds at policy + {@code repoSpreadBp} (a repo, −20bp) when
     * the overnight rate would fall below it, and lends at policy + {@code reverseRepoSpreadBp}
     * (+50bp) when it would rise above, in full at the fixed rate: dealers place or take exactly
     * what brings the market to that rate. From business day {@code fromDay}.
     */
    public record TemporaryOperations(int fromDay, double repoSpreadBp, double reverseRepoSpreadBp) {
        public TemporaryOperations {
            if (fromDay < 0 || !Double.isFinite(repoSpreadBp) || !Double.isFinite(reverseRepoSpreadBp)
                    || !(repoSpreadBp < reverseRepoSpreadBp)) {
                throw new IllegalArgumentException("temporary operations need a start day and a repo rate below the reverse repo rate");
            }
        }

        /** Whether they run on business day t. */
        public boolean activeOn(int t) {
            return t >= fromDay;
        }
    }

    public Toolkit {
        List<ScheduledOperation> sorted = new ArrayList<>(scheduled);
        sorted.sort(Comparator.comparingInt(ScheduledOperation::day));
        scheduled = List.copyOf(sorted);
        if (!(mlfRollover >= 0 && mlfRollover <= 1) || !(outrightRollover >= 0 && outrightRollover <= 1)) {
            throw new IllegalArgumentException("rollover shares must be in [0, 1]");
        }
        remittanceDays = remittanceDays.clone();
        for (int k = 1; k < remittanceDays.length; k++) {
            if (remittanceDays[k] <= remittanceDays[k - 1]) {
                throw new IllegalArgumentException("remittance days must ascend");
            }
        }
    }

    /** Only the daily reverse repo: no calendar, no rollover, no temporary operations, profit never remitted. */
    public static Toolkit none() {
        return new Toolkit(List.of(), 0, 0, null, new int[0]);
    }

    @Override
    public int[] remittanceDays() {
        return remittanceDays.clone();
    }

    /** Whether business day t is a remittance day. */
    public boolean remitsOn(int t) {
        return java.util.Arrays.binarySearch(remittanceDays, t) >= 0;
    }

    /** The longest tenor of any announced operation, calendar days (0 if none). */
    public int longestTenorDays(Facility f) {
        int m = 0;
        for (ScheduledOperation o : scheduled) {
            if (o.facility() == f) {
                m = Math.max(m, o.tenorDays());
            }
        }
        return m;
    }
}
