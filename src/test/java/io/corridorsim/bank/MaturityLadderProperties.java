package io.corridorsim.bank;

import io.corridorsim.calendar.ChinaCalendar;
import io.corridorsim.calendar.Timeline;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ladder reconciles: on random loan books over the 2024 Spring Festival (a week closed, make-up
 * Sundays), every position is paid on the business day its tenor ends (holiday-shifted), in full,
 * once; per bank and in aggregate the running outstanding equals what the ladder holds.
 */
class MaturityLadderProperties {

    private static final Timeline TIMELINE = Timeline.build(
            ChinaCalendar.load(Path.of("models/calendar/cn-holidays.csv"), Path.of("models/calendar/cn-festivals.csv")),
            LocalDate.of(2024, 1, 29), 40);

    /** One loan: booked on day {@code day} by bank {@code bank} for {@code tenor} calendar days. */
    record Loan(int day, int bank, int tenor, double principal, int instrument) {
    }

    @Property(tries = 200)
    void everyPositionIsPaidOnItsMaturityDayInFullAndOnce(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 29) Integer> days,
            @ForAll @IntRange(min = 1, max = 14) int tenorSeed,
            @ForAll @DoubleRange(min = -500, max = 500) double size) {
        int banks = 5;
        MaturityLadder ladder = new MaturityLadder(banks, 14);
        double[] expectedPaid = new double[TIMELINE.size() + 15];
        double[][] expectedByBank = new double[TIMELINE.size() + 15][banks];
        double booked = 0;
        MaturityLadder.Instrument[] kinds = MaturityLadder.Instrument.values();
        int k = 0;
        double[] reserves = new double[banks];
        double[] paid = new double[MaturityLadder.instrumentCount()];
        double[] paidPrincipal = new double[MaturityLadder.instrumentCount()];
        for (int t = 0; t < 30; t++) {
            ladder.settle(t, reserves, paid, paidPrincipal);
            double total = 0;
            for (double p : paid) {
                total += p;
            }
            assertEquals(expectedPaid[t], total, 1e-9, "day " + t);
            for (int i = 0; i < banks; i++) {
                assertEquals(-expectedByBank[t][i], reserves[i], 1e-9, "bank " + i + " on day " + t);
                reserves[i] = 0;
            }
            for (int d : days) {
                if (d != t) {
                    continue;
                }
                int tenor = 1 + (tenorSeed + 3 * k) % 14;
                int bank = k % banks;
                double principal = size * (1 + k % 3);
                int maturity = TIMELINE.maturityIndex(t, tenor);
                MaturityLadder.Instrument kind = kinds[k % kinds.length];
                ladder.book(kind, bank, maturity, principal, principal * 0.01 * tenor / 365);
                if (maturity < expectedPaid.length) {
                    expectedPaid[maturity] += principal * (1 + 0.01 * tenor / 365);
                    expectedByBank[maturity][bank] += principal * (1 + 0.01 * tenor / 365);
                }
                booked += principal;
                k++;
            }
            double sum = 0;
            for (MaturityLadder.Instrument kind : kinds) {
                assertEquals(ladder.ladderSumBn(kind), ladder.outstandingBn(kind), 1e-9);
                sum += ladder.outstandingBn(kind);
                double perBank = 0;
                for (int i = 0; i < banks; i++) {
                    perBank += ladder.bankOutstandingBn(kind, i);
                }
                assertEquals(ladder.outstandingBn(kind), perBank, 1e-9);
            }
        }
    }

    @Property(tries = 1)
    void aSevenDayLoanOverTheSpringFestivalIsRepaidOnTheFirstBusinessDayAfter() {
        // 2024-02-08 + 7 days = 02-15, inside the holiday (02-10..02-17): repaid on Sunday 02-18, a make-up workday.
        int t = TIMELINE.indexOnOrAfter(LocalDate.of(2024, 2, 8));
        int m = TIMELINE.maturityIndex(t, 7);
        assertEquals(LocalDate.of(2024, 2, 18), TIMELINE.date(m));
        MaturityLadder ladder = new MaturityLadder(1, 7);
        ladder.book(MaturityLadder.Instrument.INTERBANK_OVERNIGHT, 0, m, 100, 1);
        double[] reserves = {0};
        double[] paid = new double[MaturityLadder.instrumentCount()];
        double[] principal = new double[MaturityLadder.instrumentCount()];
        for (int d = t + 1; d < m; d++) {
            ladder.settle(d, reserves, paid, principal);
            assertEquals(0, reserves[0], 0, "nothing before " + TIMELINE.date(m));
        }
        ladder.settle(m, reserves, paid, principal);
        assertEquals(-101, reserves[0], 1e-12);
        assertEquals(100, principal[0], 1e-12);
    }
}
