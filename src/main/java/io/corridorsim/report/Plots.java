package io.corridorsim.report;

import io.corridorsim.calendar.DayFlags;
import io.corridorsim.calendar.Timeline;
import io.corridorsim.centralbank.RatePath;
import io.corridorsim.model.Metric;
import io.corridorsim.montecarlo.RunResult;
import io.corridorsim.montecarlo.Statistics;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The run's pictures, made for people: titles, axis labels with units, legends, the corridor
 * shaded, calendar events marked. Headless (the CLI sets java.awt.headless).
 */
public final class Plots {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 700;
    private static final Color CORRIDOR = new Color(226, 232, 240);
    private static final Color BAND_OUTER = new Color(253, 208, 162);
    private static final Color BAND_INNER = new Color(244, 150, 80);
    private static final Color MEDIAN = new Color(166, 54, 3);
    private static final Color TERM_INNER = new Color(107, 160, 214);
    private static final Color TERM_MEDIAN = new Color(8, 69, 148);
    private static final Color BOUND = new Color(90, 90, 90);
    private static final Color POLICY = new Color(200, 0, 0);

    private Plots() {
    }

    /**
     * corridor.png and corridor.svg: fan chart (p05–p95, p25–p75, median) of DR001 and, when
     * recorded, DR007, inside the shaded corridor, with the policy rate and calendar events.
     */
    public static void corridor(RunResult r, Path dir) {
        Timeline tl = r.spec().timeline();
        RatePath rates = r.spec().rates();
        int n = r.days();
        List<Date> x = dates(tl);
        boolean term = r.metrics().contains(Metric.DR007);
        double[][] on = bands(r.values(Metric.DR001));
        double[][] tw = term ? bands(r.values(Metric.DR007)) : null;
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        double[] floor = new double[n];
        double[] ceiling = new double[n];
        double[] policy = new double[n];
        for (int t = 0; t < n; t++) {
            floor[t] = rates.floorPct(t);
            ceiling[t] = rates.ceilingPct(t);
            policy[t] = rates.policyPct(t);
            lo = Math.min(lo, floor[t]);
            hi = Math.max(hi, term ? Math.max(ceiling[t], rates.ceiling7dPct(t)) : ceiling[t]);
        }
        double pad = 0.08 * (hi - lo);
        double yMin = lo - pad;
        double yMax = hi + pad;

        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(r.spec().name() + ": simulated interbank rates in the corridor (" + r.paths() + " paths)")
                .xAxisTitle("Date").yAxisTitle("Rate (% p.a.)").build();
        style(c.getStyler());
        c.getStyler().setYAxisMin(yMin);
        c.getStyler().setYAxisMax(yMax);
        c.getStyler().setDatePattern(n > 400 ? "yyyy-MM" : "yyyy-MM-dd");
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);

        // Layers, bottom to top: corridor (area to the ceiling, white below the floor), bands, lines.
        area(c, "Corridor (IOER floor to SLF O/N ceiling)", x, ceiling, CORRIDOR, true);
        area(c, "below floor", x, floor, Color.WHITE, false);
        fan(c, "DR001", x, on, BAND_OUTER, BAND_INNER, floor);
        line(c, "SLF O/N (ceiling)", x, ceiling, BOUND, SeriesLines.SOLID, 1.5f, true);
        line(c, "IOER (floor)", x, floor, BOUND, SeriesLines.DOT_DOT, 1.5f, true);
        line(c, "7-day reverse repo (policy rate)", x, policy, POLICY, SeriesLines.DASH_DASH, 2f, true);
        line(c, "DR001 median", x, on[2], MEDIAN, SeriesLines.SOLID, 1.8f, true);
        if (term) {
            // DR007 as lines over the DR001 fan: median and its p05/p95 envelope.
            line(c, "DR007 median", x, tw[2], TERM_MEDIAN, SeriesLines.SOLID, 2f, true);
            line(c, "DR007 p05 / p95", x, tw[0], TERM_INNER, SeriesLines.DASH_DASH, 1.2f, true);
            line(c, "DR007 p95", x, tw[4], TERM_INNER, SeriesLines.DASH_DASH, 1.2f, false);
        }
        events(c, tl, yMin, yMax);
        policyEvents(c, r, yMin, yMax);
        save(c, dir.resolve("corridor"), true);
    }

    private static void fan(XYChart c, String name, List<Date> x, double[][] b, Color outer, Color inner, double[] floor) {
        // Areas fill down to the plot's bottom: paint p95, cut out below p05 with the corridor
        // colour, then p75 and cut below p25 with the outer band colour; finally restore white below the floor.
        area(c, name + " p05–p95", x, b[4], outer, true);
        area(c, name + " cut p05", x, b[0], CORRIDOR, false);
        area(c, name + " p25–p75", x, b[3], inner, true);
        area(c, name + " cut p25", x, b[1], outer, false);
        area(c, name + " cut p05 again", x, b[0], CORRIDOR, false);
        area(c, name + " floor", x, floor, Color.WHITE, false);
    }

    private static void events(XYChart c, Timeline tl, double yMin, double yMax) {
        List<Date> quarterEnds = new ArrayList<>();
        List<Date> festivals = new ArrayList<>();
        List<Date> taxDays = new ArrayList<>();
        List<Double> taxY = new ArrayList<>();
        for (int t = 0; t < tl.size(); t++) {
            if (tl.has(t, DayFlags.QUARTER_END)) {
                quarterEnds.add(date(tl.date(t)));
            }
            if (tl.businessDaysToSpringFestival(t) == -1) {
                festivals.add(date(tl.date(t)));
            }
            if (tl.has(t, DayFlags.TAX_DEADLINE)) {
                taxDays.add(date(tl.date(t)));
                taxY.add(yMin + 0.02 * (yMax - yMin));
            }
        }
        verticals(c, "Quarter end", quarterEnds, new Color(60, 120, 60), SeriesLines.DASH_DOT, 1.2f, yMin, yMax);
        verticals(c, "Spring Festival", festivals, new Color(170, 0, 120),
                new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 4f}, 0f), 2f, yMin, yMax);
        if (!taxDays.isEmpty()) {
            XYSeries s = c.addSeries("Tax deadline", taxDays, taxY);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.TRIANGLE_UP);
            s.setMarkerColor(new Color(110, 70, 0));
        }
    }

    /** Scheduled policy events: rate changes (where the corridor or policy rate moves) and RRR changes. */
    private static void policyEvents(XYChart c, RunResult r, double yMin, double yMax) {
        RatePath rates = r.spec().rates();
        Timeline tl = r.spec().timeline();
        java.util.Set<Integer> days = new java.util.TreeSet<>();
        for (int t = 1; t < tl.size(); t++) {
            if (rates.policyPct(t) != rates.policyPct(t - 1) || rates.ceilingPct(t) != rates.ceilingPct(t - 1)
                    || rates.floorPct(t) != rates.floorPct(t - 1)) {
                days.add(t);
            }
        }
        r.spec().rrrChanges().forEach(ch -> days.add(ch.day()));
        List<Date> dates = new ArrayList<>();
        for (int t : days) {
            dates.add(date(tl.date(t)));
        }
        verticals(c, "Policy or RRR change", dates, new Color(230, 120, 0), SeriesLines.DOT_DOT, 1.5f, yMin, yMax);
    }

    /** One vertical line per date from yMin to yMax, with a single legend entry. */
    private static void verticals(XYChart c, String name, List<Date> dates, Color colour, BasicStroke stroke, float width,
                                  double yMin, double yMax) {
        for (int k = 0; k < dates.size(); k++) {
            Date d = dates.get(k);
            XYSeries s = c.addSeries(k == 0 ? name : name + " " + k, List.of(d, d), List.of(yMin, yMax));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setLineColor(colour);
            s.setLineStyle(stroke);
            s.setLineWidth(width);
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(k == 0);
        }
    }

    /** rate_histogram.png: distribution of DR001 (and DR007) over all path-days, with floor, ceiling and policy. */
    public static void histogram(RunResult r, Path dir) {
        RatePath rates = r.spec().rates();
        java.util.Set<Double> policies = new java.util.TreeSet<>();
        for (int t = 0; t < r.days(); t++) {
            policies.add(rates.policyPct(t));
        }
        double policy = rates.policyPct(r.days() - 1);
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(r.spec().name() + ": distribution of simulated rates over all path-days")
                .xAxisTitle("Rate (% p.a.)").yAxisTitle("Share of path-days per 1bp bin").build();
        style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        double maxShare = 0;
        List<Metric> ms = new ArrayList<>(List.of(Metric.DR001));
        if (r.metrics().contains(Metric.DR007)) {
            ms.add(Metric.DR007);
        }
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        List<double[]> all = new ArrayList<>();
        for (Metric m : ms) {
            double[] v = Statistics.flatten(r.values(m));
            all.add(v);
            double[] q = Statistics.quantiles(v);
            lo = Math.min(lo, q[0]);
            hi = Math.max(hi, q[6]);
        }
        for (double p : policies) {
            lo = Math.min(lo, p);
            hi = Math.max(hi, p);
        }
        lo -= 0.05;
        hi += 0.05;
        double width = 0.01;
        int bins = Math.max(10, (int) Math.ceil((hi - lo) / width));
        Color[] colours = {BAND_INNER, TERM_INNER};
        for (int k = 0; k < ms.size(); k++) {
            double[] v = all.get(k);
            double[] counts = new double[bins];
            for (double x : v) {
                int b = (int) Math.floor((x - lo) / width);
                if (b >= 0 && b < bins) {
                    counts[b]++;
                }
            }
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int b = 0; b < bins; b++) {
                xs.add(lo + (b + 0.5) * width);
                ys.add(counts[b] / v.length);
                maxShare = Math.max(maxShare, counts[b] / v.length);
            }
            XYSeries s = c.addSeries(ms.get(k).column().toUpperCase(), xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(colours[k].darker());
            s.setFillColor(new Color(colours[k].getRed(), colours[k].getGreen(), colours[k].getBlue(), 140));
        }
        double top = maxShare * 1.1;
        for (double p : policies) {
            vertical(c, "Policy rate " + p + "%" + (policies.size() > 1 && p == policy ? " (at the end)" : ""), p, top, POLICY);
        }
        java.util.Set<Double> bounds = new java.util.TreeSet<>();
        for (int t = 0; t < r.days(); t++) {
            bounds.add(rates.floorPct(t));
            bounds.add(rates.ceilingPct(t));
        }
        for (double b : bounds) {
            if (b >= lo && b <= hi) {
                vertical(c, (b <= rates.floorPct(r.days() - 1) ? "IOER floor " : "SLF O/N ceiling ") + b + "%", b, top, BOUND);
            }
        }
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(top);
        save(c, dir.resolve("rate_histogram"), false);
    }

    private static void vertical(XYChart c, String name, double x, double top, Color colour) {
        XYSeries s = c.addSeries(name, List.of(x, x), List.of(0.0, top));
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(colour);
        s.setLineStyle(SeriesLines.DASH_DASH);
        s.setMarker(SeriesMarkers.NONE);
    }

    /**
     * liquidity.png: per month, the mean (over paths) contribution of each factor to the change
     * in excess reserves (stacked bars, bn), with the mean end-of-month excess reserves as a line.
     */
    public static void liquidity(RunResult r, Path dir) {
        Timeline tl = r.spec().timeline();
        Metric[] f = {Metric.FX_BN, Metric.CLAIMS_BN, Metric.GOV_DEPOSITS_BN, Metric.REQUIRED_BN, Metric.CURRENCY_BN};
        String[] names = {"+ΔFX", "+ΔClaims on banks (OMO, SLF)", "−ΔGovernment deposits", "−ΔRequired reserves", "−ΔCurrency"};
        double[] sign = {1, 1, -1, -1, -1};
        Color[] colours = {new Color(102, 166, 30), new Color(31, 120, 180), new Color(227, 26, 28),
            new Color(255, 127, 0), new Color(106, 61, 154)};
        List<String> months = new ArrayList<>();
        List<Integer> lastDay = new ArrayList<>();
        YearMonth current = null;
        for (int t = 0; t < tl.size(); t++) {
            YearMonth ym = YearMonth.from(tl.date(t));
            if (!ym.equals(current)) {
                months.add(ym.toString());
                lastDay.add(t);
                current = ym;
            } else {
                lastDay.set(lastDay.size() - 1, t);
            }
        }
        double[][] mean = new double[f.length + 1][tl.size()];
        for (int k = 0; k < f.length; k++) {
            double[][] v = r.values(f[k]);
            for (int t = 0; t < tl.size(); t++) {
                mean[k][t] = Statistics.mean(v[t]);
            }
        }
        double[][] er = r.values(Metric.EXCESS_RESERVES_BN);
        for (int t = 0; t < tl.size(); t++) {
            mean[f.length][t] = Statistics.mean(er[t]);
        }
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(r.spec().name() + ": what moved excess reserves, by month (mean over paths)")
                .xAxisTitle("Month").yAxisTitle("Monthly change in excess reserves by factor (bn CNY)").build();
        style(c.getStyler());
        c.getStyler().setStacked(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setXAxisLabelRotation(months.size() > 14 ? 90 : 0);
        for (int k = 0; k < f.length; k++) {
            List<Double> ys = new ArrayList<>();
            int prevEnd = -1;
            for (int m = 0; m < months.size(); m++) {
                int end = lastDay.get(m);
                double start = prevEnd < 0 ? mean[k][0] : mean[k][prevEnd];
                ys.add(sign[k] * (mean[k][end] - start));
                prevEnd = end;
            }
            CategorySeries s = c.addSeries(names[k], months, ys);
            s.setFillColor(colours[k]);
        }
        List<Double> level = new ArrayList<>();
        for (int m = 0; m < months.size(); m++) {
            level.add(mean[f.length][lastDay.get(m)]);
        }
        CategorySeries line = c.addSeries("Excess reserves at month end", months, level);
        line.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        line.setLineColor(Color.BLACK);
        line.setMarker(SeriesMarkers.CIRCLE);
        line.setMarkerColor(Color.BLACK);
        line.setLineWidth(2.5f);
        // Levels are two orders of magnitude above monthly changes: give them their own axis.
        line.setYAxisGroup(1);
        c.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        c.setYAxisGroupTitle(0, "Monthly change in excess reserves by factor (bn CNY)");
        c.setYAxisGroupTitle(1, "Excess reserves at month end (bn CNY)");
        save(c, dir.resolve("liquidity"), false);
    }


    /** Rows p05, p25, p50, p75, p95 of a [day][path] table. */
    private static double[][] bands(double[][] v) {
        int n = v.length;
        double[][] out = new double[5][n];
        for (int t = 0; t < n; t++) {
            double[] q = Statistics.quantiles(v[t]);
            out[0][t] = q[1];
            out[1][t] = q[2];
            out[2][t] = q[3];
            out[3][t] = q[4];
            out[4][t] = q[5];
        }
        return out;
    }

    private static void area(XYChart c, String name, List<Date> x, double[] y, Color fill, boolean legend) {
        XYSeries s = c.addSeries(name, x, box(y));
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setFillColor(fill);
        s.setLineColor(fill);
        s.setLineWidth(0.5f);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(legend);
    }

    private static void line(XYChart c, String name, List<Date> x, double[] y, Color colour, BasicStroke stroke, float width,
                             boolean legend) {
        XYSeries s = c.addSeries(name, x, box(y));
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(colour);
        s.setLineStyle(stroke);
        s.setLineWidth(width);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(legend);
    }

    private static List<Double> box(double[] y) {
        List<Double> out = new ArrayList<>(y.length);
        for (double v : y) {
            out.add(v);
        }
        return out;
    }

    private static List<Date> dates(Timeline tl) {
        List<Date> out = new ArrayList<>(tl.size());
        for (int t = 0; t < tl.size(); t++) {
            out.add(date(tl.date(t)));
        }
        return out;
    }

    private static Date date(LocalDate d) {
        return Date.from(d.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setAntiAlias(true);
        if (s instanceof org.knowm.xchart.style.AxesChartStyler a) {
            a.setPlotGridLinesColor(new Color(235, 235, 235));
            a.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
            a.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        }
    }

    private static void save(Chart<?, ?> chart, Path base, boolean svg) {
        try {
            Files.createDirectories(base.toAbsolutePath().getParent());
            BitmapEncoder.saveBitmap(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG);
            if (svg) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            }
        } catch (IOException e) {
            throw Csv.io(base, e);
        }
    }
}
