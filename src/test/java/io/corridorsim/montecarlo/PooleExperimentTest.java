package io.corridorsim.montecarlo;

import io.corridorsim.market.CallAuction;
import io.corridorsim.model.MarketSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Poole oracle passes on the real market and fails when the market is broken on purpose. */
class PooleExperimentTest {

    private static final Path FILE = Path.of("models", "poole.yaml");
    private static final PooleExperiment.Settings SMALL = new PooleExperiment.Settings(40, 15, 3.0, 1968, 2);

    @Test
    void theMarketAndTheSimulationMatchTheClosedForm() {
        List<PooleExperiment.Row> rows = PooleExperiment.run(FILE, List.of(), SMALL, m -> m);
        assertTrue(rows.stream().allMatch(PooleExperiment.Row::passes), rows.toString());
        // The curve runs from near the ceiling in a shortage to near the floor in a surplus.
        assertTrue(rows.get(0).marketPct() > 2.2 && rows.get(rows.size() - 1).marketPct() < 0.4);
    }

    @Test
    void aMarketFixedAtTheMidpointFailsTheCheck() {
        List<PooleExperiment.Row> rows = PooleExperiment.run(FILE, List.of(), SMALL,
                m -> m.withMarket(m.market().withSolver((d, s, lo, hi, tol) -> (m.rates().floorPct(0) + m.rates().ceilingPct(0)) / 2)));
        assertFalse(rows.stream().allMatch(PooleExperiment.Row::passes));
    }

    @Test
    void aMarketWithTheWrongSlopeFailsTheCheck() {
        // Demand A − 2.5·B·q(r) instead of A − B·q(r): 2.5·D(r) − 1.5·D(midpoint).
        List<PooleExperiment.Row> rows = PooleExperiment.run(FILE, List.of(), SMALL, m -> {
            MarketSpec market = m.market();
            double mid = (m.rates().floorPct(0) + m.rates().ceilingPct(0)) / 2;
            return m.withMarket(market.withSolver((d, s, lo, hi, tol) ->
                    CallAuction.clear(r -> 2.5 * d.totalBn(r) - 1.5 * d.totalBn(mid), s, lo, hi, tol)));
        });
        assertFalse(rows.stream().allMatch(PooleExperiment.Row::passes));
        // The SLF-share side alone cannot see it: only the market's column catches a broken market.
        assertTrue(rows.stream().allMatch(r -> Math.abs(r.simulatedPct() - r.analyticPct())
                <= Math.max(3 * r.simulatedSePct(), PooleExperiment.TOLERANCE_PCT)));
    }
}
