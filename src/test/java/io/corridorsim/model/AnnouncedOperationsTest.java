package io.corridorsim.model;

import io.corridorsim.calendar.Timeline;
import io.corridorsim.centralbank.Facility;
import io.corridorsim.montecarlo.MonteCarlo;
import io.corridorsim.montecarlo.RunResult;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 000's announcement, played by {@code models/pboc-2026-q1.yaml}: the 3-month outright
 * reverse repos of 2025-11-05 mature on 2026-02-04, the day the central bank conducts 800bn more
 * of them, so the outright stock moves that day by what the new tender allots less what matures.
 */
class AnnouncedOperationsTest {

    private static final Path MODEL = Path.of("models", "pboc-2026-q1.yaml");

    @Test
    void theNovemberOutrightReverseReposMatureOnTheDayOfTheFebruaryTender() {
        ModelSpec spec = ScenarioCompiler.compile(new ScenarioLoader().load(MODEL, List.of()), MODEL);
        RunResult r = RunResult.simulate(spec, 3, 2026, 1, d -> { });
        Timeline tl = spec.timeline();
        int feb4 = tl.indexOnOrAfter(LocalDate.of(2026, 2, 4));
        assertEquals(LocalDate.of(2026, 2, 4), tl.date(feb4));
        double[][] stock = r.values(Metric.OUTRIGHT_OUTSTANDING_BN);
        for (int p = 0; p < r.paths(); p++) {
            double matured = 0;
            double allotted = 0;
            double offered = 0;
            for (OperationRecord o : r.operations(p)) {
                if (o.facility() != Facility.OUTRIGHT_REVERSE_REPO) {
                    continue;
                }
                if (tl.date(o.day()).equals(LocalDate.of(2025, 11, 5))) {
                    assertEquals(feb4, o.maturityDay(), "91 days from 2025-11-05");
                    assertTrue(o.amountBn() > 0, "dealers bid for the November tender");
                    matured += o.amountBn();
                }
                if (o.day() == feb4) {
                    allotted += o.amountBn();
                    offered += o.offeredBn();
                }
            }
            assertEquals(800, offered, 1e-9);
            assertTrue(allotted > 0 && allotted <= 800 + 1e-9, "allotted " + allotted);
            assertEquals(allotted - matured, stock[feb4][p] - stock[feb4 - 1][p], 1e-6, "path " + p);
        }
    }
}
