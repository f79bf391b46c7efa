package io.corridorsim.sweep;

import io.corridorsim.scenario.Scenario;
import io.corridorsim.scenario.ScenarioLoader;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * A sweep's pictures, one per statistic: a line with 95% error bars for one parameter, a heatmap
 * for a two-parameter grid, small multiples (the statistic against each parameter) otherwise;
 * and for saltelli and morris designs a tornado of the indices with the dummy's noise floor.
 * Titles name the sweep and the base corridor; axes carry units.
 */
public final class SweepPlots {

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 650;
    private static final Color MAIN = new Color(8, 69, 148);
    private static final Color SECOND = new Color(244, 150, 80);
    private static final Color FLOOR = new Color(200, 0, 0);

    private SweepPlots() {
    }

    /** Writes {@code plot-<statistic>.png} for every statistic and {@code tornado-<statistic>.png} when indices exist. */
    public static void write(SweepPlan plan, List<List<PointEstimates.Estimate>> estimates, List<SensitivityTable.Row> sensitivity,
                             Path dir) {
        String corridor = corridor(plan);
        int real = plan.parameters().size() - (plan.layout().dummy() ? 1 : 0);
        for (int j = 0; j < plan.statistics().size(); j++) {
            StatisticSpec s = plan.statistics().get(j);
            List<PointEstimates.Estimate> est = new ArrayList<>();
            for (PointPlan p : plan.points()) {
                est.add(estimates.get(p.index()).get(j));
            }
            Path file = dir.resolve("plot-" + s.column() + ".png");
            String title = plan.name() + ": " + s.label() + " (" + corridor + ", " + plan.paths() + " paths per point)";
            if (real == 1 && plan.layout().type().equals("grid")) {
                save(line(plan, est, s, title), file);
            } else if (real == 2 && plan.layout().type().equals("grid")) {
                save(heatmap(plan, est, s, title), file);
            } else {
                saveImage(smallMultiples(plan, est, s, title, real), file);
            }
            List<SensitivityTable.Row> rows = sensitivity.stream().filter(r -> r.statistic().equals(s)).toList();
            if (!rows.isEmpty()) {
                save(tornado(plan, rows, s, corridor), dir.resolve("tornado-" + s.column() + ".png"));
            }
        }
    }

    /** "base corridor 0.35–2.25%, policy 1.40%", from the resolved base scenario. */
    static String corridor(SweepPlan plan) {
        Scenario s = new ScenarioLoader().parse(Path.of(plan.baseFile()), plan.baseYaml(), List.of());
        return String.format(Locale.ROOT, "base corridor %.2f–%.2f%%, policy %.2f%%", s.corridor().floorPct(),
                s.corridor().ceilingPct(), s.corridor().policyRatePct());
    }

    private static String axis(SweepPlan plan, int j) {
        String unit = plan.units().get(j);
        return plan.parameters().get(j) + (unit.isEmpty() ? "" : " (" + unit + ")");
    }

    private static double[] numeric(SweepPlan plan, int j) {
        double[] x = new double[plan.points().size()];
        for (int i = 0; i < x.length; i++) {
            try {
                x[i] = Double.parseDouble(plan.points().get(i).values().get(j));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return x;
    }

    private static Chart<?, ?> line(SweepPlan plan, List<PointEstimates.Estimate> est, StatisticSpec s, String title) {
        double[] x = numeric(plan, 0);
        int n = est.size();
        double[] y = new double[n];
        double[] err = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = est.get(i).value();
            err[i] = est.get(i).hi() - est.get(i).value();
        }
        if (x == null) {
            CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                    .xAxisTitle(axis(plan, 0)).yAxisTitle(s.label()).build();
            style(c.getStyler());
            List<String> cats = plan.points().stream().map(p -> p.values().get(0)).toList();
            c.addSeries("estimate with 95% interval", cats, java.util.Arrays.asList(box(y)), java.util.Arrays.asList(box(err))).setFillColor(MAIN);
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            c.getStyler().setErrorBarsColor(Color.BLACK);
            return c;
        }
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(axis(plan, 0)).yAxisTitle(s.label()).build();
        style(c.getStyler());
        XYSeries series = c.addSeries("estimate with 95% interval", x, y, err);
        series.setLineColor(MAIN);
        series.setMarkerColor(MAIN);
        series.setMarker(SeriesMarkers.CIRCLE);
        c.getStyler().setErrorBarsColor(MAIN);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return c;
    }

    private static Chart<?, ?> heatmap(SweepPlan plan, List<PointEstimates.Estimate> est, StatisticSpec s, String title) {
        List<String> xs = new ArrayList<>(new LinkedHashSet<>(plan.points().stream().map(p -> p.values().get(0)).toList()));
        List<String> ys = new ArrayList<>(new LinkedHashSet<>(plan.points().stream().map(p -> p.values().get(1)).toList()));
        List<Number[]> cells = new ArrayList<>();
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (PointPlan p : plan.points()) {
            if (p.index() == plan.baseline() && p.index() >= plan.points().size() - 1 && Double.isNaN(p.unit()[0])) {
                continue; // an extra baseline point off the grid
            }
            double v = est.get(p.index()).value();
            cells.add(new Number[] {xs.indexOf(p.values().get(0)), ys.indexOf(p.values().get(1)), v});
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        HeatMapChart c = new HeatMapChartBuilder().width(WIDTH + 200).height(HEIGHT).title(title)
                .xAxisTitle(axis(plan, 0)).yAxisTitle(axis(plan, 1)).build();
        style(c.getStyler());
        c.getStyler().setShowValue(true);
        c.getStyler().setHeatMapValueDecimalPattern("#0.00");
        c.getStyler().setHeatMapDecimalValueFormatter(v -> String.format(Locale.ROOT, "%.2f", v));
        c.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        c.getStyler().setRangeColors(new Color[] {new Color(247, 251, 255), new Color(107, 174, 214), new Color(8, 48, 107)});
        double min = Math.floor(lo * 100) / 100;
        c.getStyler().setMin(min);
        c.getStyler().setMax(Math.max(Math.ceil(hi * 100) / 100, min + 0.01));
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setValueFontColor(Color.BLACK);
        c.addSeries(s.label(), xs, ys, cells);
        return c;
    }

    private static BufferedImage smallMultiples(SweepPlan plan, List<PointEstimates.Estimate> est, StatisticSpec s,
                                                String title, int real) {
        int cols = Math.min(3, real);
        int rows = (real + cols - 1) / cols;
        int pw = 520;
        int ph = 380;
        int head = 50;
        BufferedImage img = new BufferedImage(cols * pw, head + rows * ph, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, cols == 1 ? 13 : 16));
        g.drawString(title, 12, 30);
        for (int jj = 0; jj < real; jj++) {
            final int j = jj;
            double[] x = numeric(plan, j);
            boolean categorical = x == null;
            List<String> cats = categorical ? new ArrayList<>(new LinkedHashSet<>(plan.points().stream().map(p -> p.values().get(j)).toList())) : null;
            int n = est.size();
            double[] xx = new double[n];
            double[] y = new double[n];
            double[] err = new double[n];
            for (int i = 0; i < n; i++) {
                xx[i] = categorical ? cats.indexOf(plan.points().get(i).values().get(j)) : x[i];
                y[i] = est.get(i).value();
                err[i] = est.get(i).hi() - est.get(i).value();
            }
            XYChart c = new XYChartBuilder().width(pw).height(ph).title(s.column() + " against " + plan.parameters().get(j))
                    .xAxisTitle(axis(plan, j) + (categorical ? ": " + String.join(", ", indexLabels(cats)) : ""))
                    .yAxisTitle(s.label()).build();
            style(c.getStyler());
            c.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            c.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            c.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            c.getStyler().setErrorBarsColor(MAIN);
            XYSeries series = c.addSeries("points, 95% interval", xx, y, err);
            series.setMarkerColor(MAIN);
            series.setMarker(SeriesMarkers.CIRCLE);
            g.drawImage(BitmapEncoder.getBufferedImage(c), (j % cols) * pw, head + (j / cols) * ph, null);
        }
        g.dispose();
        return img;
    }

    private static List<String> indexLabels(List<String> cats) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < cats.size(); i++) {
            out.add(i + "=" + cats.get(i));
        }
        return out;
    }

    /**
     * Horizontal bars, largest on top: total index (or μ*) with its bootstrap interval, the
     * first-order index (or σ) beside it, and a vertical line at the dummy's upper bound.
     */
    private static Chart<?, ?> tornado(SweepPlan plan, List<SensitivityTable.Row> rows, StatisticSpec s, String corridor) {
        boolean sobol = plan.layout().type().equals("saltelli");
        String main = sobol ? "ST" : "mu_star";
        String second = sobol ? "S1" : "sigma";
        List<Sensitivity.Index> mains = new ArrayList<>(rows.stream().map(SensitivityTable.Row::index).filter(i -> i.index().equals(main)).toList());
        mains.sort(Comparator.comparingDouble(Sensitivity.Index::estimate));
        int k = mains.size();
        XYChart c = new XYChartBuilder().width(WIDTH).height(Math.max(420, 110 + 70 * k))
                .title(plan.name() + ": sensitivity of " + s.label() + " (" + corridor + ")")
                .xAxisTitle(sobol ? "Sobol index (share of variance, 1), bars: total ST, thin: first-order S1; whiskers: 95% bootstrap"
                        : "elementary effect per unit range (" + (StatisticSpec.isRate(s.metric()) ? "bp" : s.metric().unit()) + "), bars: μ*, thin: σ; whiskers: 95% bootstrap")
                .yAxisTitle("parameter").build();
        style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setYAxisMin(-0.6);
        c.getStyler().setYAxisMax(k - 0.4);
        c.getStyler().setYAxisTicksVisible(false);
        double xMin = 0;
        double xMax = 0;
        for (SensitivityTable.Row r : rows) {
            if (r.index().index().equals(main) || r.index().index().equals(second)) {
                xMin = Math.min(xMin, r.index().lo());
                xMax = Math.max(xMax, r.index().hi());
            }
        }
        double pad = 0.05 * Math.max(xMax - xMin, 1e-9);
        c.getStyler().setXAxisMin(xMin - pad);
        c.getStyler().setXAxisMax(xMax + pad);
        for (int i = 0; i < k; i++) {
            String name = mains.get(i).parameter();
            c.addAnnotation(new AnnotationText(name.equals("dummy") ? "dummy (seed only: noise floor)" : name,
                    (xMin + xMax) / 2, i + 0.42, false));
        }
        c.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        double dummyHi = Double.NaN;
        for (int i = 0; i < k; i++) {
            Sensitivity.Index m = mains.get(i);
            Sensitivity.Index sec = rows.stream().map(SensitivityTable.Row::index)
                    .filter(x -> x.parameter().equals(m.parameter()) && x.index().equals(second)).findFirst().orElseThrow();
            boolean dummy = m.parameter().equals("dummy");
            if (dummy) {
                dummyHi = m.hi();
            }
            bar(c, new Bar(i == 0 ? main : "_" + main + i, i + 0.12, 0, m.estimate(), 26, dummy ? Color.GRAY : MAIN));
            bar(c, new Bar("_" + main + "ci" + i, i + 0.12, m.lo(), m.hi(), 2, Color.BLACK));
            bar(c, new Bar(i == 0 ? second : "_" + second + i, i - 0.25, 0, sec.estimate(), 10, dummy ? Color.LIGHT_GRAY : SECOND));
            bar(c, new Bar("_" + second + "ci" + i, i - 0.25, sec.lo(), sec.hi(), 2, Color.BLACK));
        }
        if (Double.isFinite(dummyHi)) {
            XYSeries f = c.addSeries("noise floor (dummy's upper bound)", new double[] {dummyHi, dummyHi}, new double[] {-0.6, k - 0.4});
            f.setLineColor(FLOOR);
            f.setMarker(SeriesMarkers.NONE);
            f.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
        }
        return c;
    }

    /** A horizontal bar from {@code from} to {@code to} at height {@code y}; names starting with '_' stay out of the legend. */
    private record Bar(String name, double y, double from, double to, float widthPx, Color color) {
    }

    private static void bar(XYChart c, Bar bar) {
        XYSeries b = c.addSeries(bar.name(), new double[] {bar.from(), bar.to()}, new double[] {bar.y(), bar.y()});
        b.setLineColor(bar.color());
        b.setMarker(SeriesMarkers.NONE);
        b.setLineStyle(new BasicStroke(bar.widthPx(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        b.setShowInLegend(!bar.name().startsWith("_"));
    }

    private static Double[] box(double[] v) {
        Double[] out = new Double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        if (s instanceof org.knowm.xchart.style.AxesChartStyler a) {
            a.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            a.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        }
        s.setPlotBackgroundColor(Color.WHITE);
    }

    private static void save(Chart<?, ?> chart, Path file) {
        saveImage(BitmapEncoder.getBufferedImage(chart), file);
    }

    private static void saveImage(BufferedImage img, Path file) {
        try {
            javax.imageio.ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
