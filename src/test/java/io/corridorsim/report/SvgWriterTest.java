package io.corridorsim.report;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.DataUtils;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import io.corridorsim.model.ModelSpec;
import io.corridorsim.montecarlo.MonteCarlo;
import io.corridorsim.montecarlo.RunSummary;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.internal.chartpart.Chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The SVG writer gives the library's document byte for byte, for every chart the project draws. */
class SvgWriterTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static String library(VectorGraphics2D g, int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, w, h)).writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String ours(VectorGraphics2D g, int w, int h) throws IOException {
        SvgWriter writer = SvgWriter.of(g.getCommands(), w, h);
        assertNotNull(writer, "a chart of shapes only");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.writeTo(text);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void sameAsLibrary(String name, List<Chart<?, ?>> charts) throws IOException {
        int w = charts.get(0).getWidth();
        int h = charts.stream().mapToInt(Chart::getHeight).sum();
        VectorGraphics2D g = Plots.vector(charts);
        String expected = library(g, w, h);
        String actual = ours(g, w, h);
        // assertEquals on megabytes prints too much: find the first difference.
        int at = 0;
        while (at < Math.min(expected.length(), actual.length()) && expected.charAt(at) == actual.charAt(at)) {
            at++;
        }
        assertEquals(expected.length(), at, name + ": differs from the library's SVG at char " + at + ": "
                + expected.substring(Math.max(0, at - 80), Math.min(expected.length(), at + 80)) + "\n  ours: "
                + actual.substring(Math.max(0, at - 80), Math.min(actual.length(), at + 80)));
        assertEquals(expected.length(), actual.length(), name + ": length");
    }

    @Test
    void everyChartOfARunIsTheLibrarysSvg() throws IOException {
        Path file = Path.of("models", "pboc-2017.yaml");
        // Averaging on, so averaging.svg too; 120 days cross two quarter ends and the Spring Festival.
        ModelSpec spec = ScenarioCompiler.compile(new ScenarioLoader().load(file, List.of("days=120")), file);
        RunSummary r = Runs.run(spec, new MonteCarlo.Plan(4, 5, 1), tmp.resolve("run")).summary();
        Plots.LiquidityCharts liquidity = Plots.liquidityCharts(r);
        Plots.OperationsCharts operations = Plots.operationsCharts(r);
        Map<String, List<Chart<?, ?>>> charts = Map.of(
                "corridor", List.of(Plots.corridorChart(r)),
                "rate_histogram", List.of(Plots.histogramChart(r)),
                "liquidity", List.of(liquidity.changes(), liquidity.level()),
                "operations", List.of(operations.stock(), operations.injection(), operations.maturing()),
                "averaging", List.of(Plots.averagingChart(r, r)));
        for (Map.Entry<String, List<Chart<?, ?>>> e : charts.entrySet()) {
            sameAsLibrary(e.getKey(), e.getValue());
        }
    }

    @Test
    void thePooleChartWithItsMarkersAndErrorBarsIsTheLibrarysSvg() throws IOException {
        List<String> cols = List.of("supply_gap_bn", "sum_sigma_bn", "floor_pct", "ceiling_pct", "analytic_pct", "simulated_pct",
                "se_pct", "market_pct", "market_se_pct");
        List<double[]> rows = new ArrayList<>();
        for (int k = -7; k <= 7; k++) {
            double p = 0.35 + 1.9 / (1 + Math.exp(-k / 2.0));
            rows.add(new double[] {k * 100.0, 300, 0.35, 2.25, p, p + 0.01 * Math.sin(k), 0.013, p - 0.02, 0.021});
        }
        sameAsLibrary("poole", List.of(Plots.pooleChart(new Table(cols, rows), new Plots.PooleTitle("t", 10))));
    }

    @Test
    void translucentColoursRoundedJoinsAndDashOffsetsAsTheLibraryWritesThem() throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        g.setColor(new Color(10, 20, 30, 128));
        g.fill(new java.awt.geom.RoundRectangle2D.Double(1, 2, 30, 40, 5, 6));
        g.setStroke(new BasicStroke(1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 7f, new float[] {3f, 1.5f}, 0.25f));
        g.draw(new java.awt.geom.CubicCurve2D.Double(0, 0, 10.1, 20.2, 30.3, 40.4, 50, 60));
        // A clip other than a rectangle is named by its identity hash, in the library's files too.
        g.setClip(new java.awt.geom.Rectangle2D.Double(0, 0, 50, 50));
        g.draw(new java.awt.geom.Line2D.Double(-0.0, 1e-5, 123456789.5, 0.1f));
        g.setClip(null);
        g.rotate(0.3);
        g.draw(new java.awt.geom.Ellipse2D.Double(5, 5, 10, 20));
        assertEquals(library(g, 100, 80), ours(g, 100, 80));
    }

    @Test
    void textIsLeftToTheLibrary() {
        VectorGraphics2D g = new VectorGraphics2D();
        g.drawString("text", 10, 10);
        assertNull(SvgWriter.of(g.getCommands(), 100, 100));
    }

    @Test
    void numbersAreTheLibrarysDecimalFormat() {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 7.0, -7.0, 0.5, 1e-3, 9.99e-4, 1e-5, 1.5e-7, 1e7, 9999999.5, 1.2345e15,
                123456789.123456789, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 0.125, 1e-15, 5e-16, 1.5e-15, 2.5e-15, Double.MIN_VALUE,
                Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 430.0300170542514));
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            double v = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(-8, 9));
            values.add(v);
            values.add((double) (float) v);
            values.add(Math.rint(v * 64) / 64);
        }
        for (double v : values) {
            assertEquals(DataUtils.format((Number) v), SvgWriter.num(v), "value " + v);
        }
    }
}
