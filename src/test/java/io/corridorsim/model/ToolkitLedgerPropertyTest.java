package io.corridorsim.model;

import io.corridorsim.calendar.Timeline;
import io.corridorsim.centralbank.Facility;
import io.corridorsim.montecarlo.MonteCarlo;
import io.corridorsim.montecarlo.RunResult;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The central bank's instruments on both ledgers, on random calendars of announced operations
 * across the 2024 Spring Festival (2024-02-10 to 02-17, with the make-up Sunday 02-04): every
 * operation matures on the first business day on or after its tenor (never on a holiday), and
 * each facility's outstanding stock, as the run reports it every day, equals a reference book
 * rebuilt from the operations log (booked minus matured). The model's own checks compare the
 * dealers' ladder with the central bank's book facility by facility every morning and close,
 * and would throw on any mismatch.
 */
class ToolkitLedgerPropertyTest {

    private static final Path REFERENCE = Path.of("models", "reference.yaml");
    private static final LocalDate START = LocalDate.of(2024, 1, 2);
    private static final int DAYS = 60;
    private static final Facility[] STOCKED = {Facility.OUTRIGHT_REVERSE_REPO, Facility.MLF, Facility.STRUCTURAL};

    @Property(tries = 12, seed = "20240210", afterFailure = AfterFailureMode.PREVIOUS_SEED)
    void operationsMatureOnTheRightBusinessDayAndStocksReconcile(
            @ForAll @IntRange(min = 1, max = 8) int count, @ForAll long calendarSeed) {
        SplittableRandom rnd = new SplittableRandom(calendarSeed);
        List<String> ops = new ArrayList<>();
        List<Object[]> terms = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            LocalDate date = START.plusDays(rnd.nextInt(70));
            String instrument = switch (rnd.nextInt(4)) {
                case 0 -> "reverse_repo";
                case 1 -> "outright_reverse_repo";
                case 2 -> "mlf";
                default -> "structural";
            };
            int tenor = instrument.equals("reverse_repo") ? (rnd.nextBoolean() ? 7 : 14) : 1 + rnd.nextInt(45);
            int amount = 10 + rnd.nextInt(800);
            boolean tender = !instrument.equals("structural") && rnd.nextBoolean();
            String rate = tender ? "" : String.format(Locale.ROOT, ", rate_pct: %.2f", 1.2 + rnd.nextInt(40) / 100.0);
            String pricing = tender && rnd.nextBoolean() ? ", pricing: single" : "";
            ops.add(String.format(Locale.ROOT, "{instrument: %s, date: %s, tenor_days: %d, amount_bn: %d%s%s}",
                    instrument, date, tenor, amount, rate, pricing));
            terms.add(new Object[] {date, instrument, tenor, tender ? Double.NaN : Double.parseDouble(rate.substring(12)),
                !pricing.isEmpty()});
        }
        ModelSpec spec = ScenarioCompiler.compile(new ScenarioLoader().load(REFERENCE, List.of(
                "start_date=" + START, "days=" + DAYS, "central_bank.operations=[" + String.join(", ", ops) + "]")), REFERENCE);
        RunResult r = RunResult.simulate(spec, 1, calendarSeed, 1, d -> { });
        Timeline tl = spec.timeline();

        Map<Facility, double[]> reference = new EnumMap<>(Facility.class);
        for (Facility f : STOCKED) {
            reference.put(f, new double[tl.size()]);
        }
        for (OperationRecord o : r.operations(0)) {
            // Repaid on the first business day on or after the tenor: a business day, and the one before is too early.
            LocalDate due = tl.date(o.day()).plusDays(o.tenorDays());
            if (o.maturityDay() < tl.size()) {
                LocalDate repaid = tl.date(o.maturityDay());
                assertFalse(repaid.isBefore(due), o + " repaid before its tenor");
                assertTrue(o.maturityDay() == 0 || tl.date(o.maturityDay() - 1).isBefore(due),
                        o + " repaid later than the first business day on or after " + due);
            }
            assertEquals(tl.maturityIndex(o.day(), o.tenorDays()), o.maturityDay(), o.toString());
            if (o.facility() != Facility.REVERSE_REPO && o.amountBn() > 0) {
                // Priced as announced: a fixed rate at that rate; a tender at or above its marginal rate, at it if single-priced.
                boolean matched = false;
                for (Object[] a : terms) {
                    if (tl.indexOnOrAfter((LocalDate) a[0]) != o.day() || !o.facility().key().equals(a[1])
                            || (int) a[2] != o.tenorDays()) {
                        continue;
                    }
                    double fixed = (double) a[3];
                    matched |= Double.isNaN(fixed)
                            ? o.ratePct() >= o.marginalRatePct() - 1e-12 && (!(boolean) a[4] || o.ratePct() == o.marginalRatePct())
                            : o.ratePct() == fixed && o.marginalRatePct() == fixed;
                }
                assertTrue(matched, o + " priced otherwise than announced");
            }
            double[] book = reference.get(o.facility());
            if (book != null) {
                for (int t = o.day(); t < Math.min(o.maturityDay(), tl.size()); t++) {
                    book[t] += o.amountBn();
                }
            }
        }
        Map<Facility, Metric> metric = Map.of(Facility.OUTRIGHT_REVERSE_REPO, Metric.OUTRIGHT_OUTSTANDING_BN,
                Facility.MLF, Metric.MLF_OUTSTANDING_BN, Facility.STRUCTURAL, Metric.STRUCTURAL_OUTSTANDING_BN);
        for (Facility f : STOCKED) {
            double[][] reported = r.values(metric.get(f));
            for (int t = 0; t < tl.size(); t++) {
                assertEquals(reference.get(f)[t], reported[t][0], 1e-6, f + " outstanding on " + tl.date(t));
            }
        }
    }
}
