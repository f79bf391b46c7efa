package io.corridorsim.report;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import io.corridorsim.calendar.DayFlags;
import io.corridorsim.calendar.Timeline;
import io.corridorsim.centralbank.Facility;
import io.corridorsim.centralbank.RatePath;
import io.corridorsim.model.Metric;
import io.corridorsim.montecarlo.OperationFlows;
import io.corridorsim.montecarlo.RunSummary;
import io.corridorsim.montecarlo.FixedBinHistogram;
import io.corridorsim.montecarlo.Statistics;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntToDoubleFunction;

/**
 * The run's pictures, made for people: titles, axis labels with units, legends, the corridor
 * shaded, calendar events marked, each as PNG and SVG. Rates set by the central bank (floor,
 * ceilings, policy rate) are steps: a value holds until the day it changes. Date axes are
 * labelled at month starts. Headless (the CLI sets java.awt.headless).
 */
public final class Plots {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 700;
    private static final int LIQUIDITY_LEVEL_HEIGHT = 330;
    private static final Color CORRIDOR = new Color(203, 216, 234);
    private static final Color BAND_OUTER = new Color(253, 208, 162);
    private static final Color BAND_INNER = new Color(244, 150, 80);
    private static final Color MEDIAN = new Color(166, 54, 3);
    private static final Color TERM_INNER = new Color(107, 160, 214);
    private static final Color TERM_MEDIAN = new Color(8, 69, 148);
    private static final Color BOUND = new Color(90, 90, 90);
    private static final Color POLICY = new Color(200, 0, 0);
    private static final BasicStroke SOLID = SeriesLines.SOLID;
    private static final BasicStroke DASHED = SeriesLines.DASH_DASH;
    private static final BasicStroke DOTTED = SeriesLines.DOT_DOT;

    /** Series names of the liquidity charts that tests read back. */
    public static final String MONTH_END_EXCESS = "Excess reserves at month end";

    private Plots() {
    }

    /**
     * corridor.png/svg: fan chart (p05–p95, p25–p75, median) of DR001 and, when recorded,
     * DR007 (median, p05/p95) inside the shaded corridor, with the policy rate and events.
     */
    public static void corridor(RunSummary r, Path dir) {
        save(corridorChart(r), dir.resolve("corridor"));
    }

    static XYChart corridorChart(RunSummary r) {
        Timeline tl = r.spec().timeline();
        RatePath rates = r.spec().rates();
        int n = r.days();
        MonthAxis axis = MonthAxis.of(tl);
        double[] x = axis.days(tl);
        boolean term = r.metrics().contains(Metric.DR007);
        double[][] on = bands(r, Metric.DR001);
        double[][] tw = term ? bands(r, Metric.DR007) : null;
        double[] floor = new double[n];
        double[] ceiling = new double[n];
        double[] ceiling7 = new double[n];
        double[] policy = new double[n];
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        boolean distinct7 = false;
        for (int t = 0; t < n; t++) {
            floor[t] = rates.floorPct(t);
            ceiling[t] = rates.ceilingPct(t);
            ceiling7[t] = rates.ceiling7dPct(t);
            policy[t] = rates.policyPct(t);
            distinct7 |= term && ceiling7[t] != ceiling[t];
            lo = Math.min(lo, floor[t]);
            hi = Math.max(hi, distinct7 ? Math.max(ceiling[t], ceiling7[t]) : ceiling[t]);
        }
        double pad = 0.08 * (hi - lo);
        double yMin = lo - pad;
        double yMax = hi + pad;
        double xEnd = axis.end(tl);

        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(r.spec().name() + ": simulated interbank rates in the corridor (" + r.paths() + " paths)")
                .xAxisTitle("Date (business days; ticks at month starts)").yAxisTitle("Rate (% p.a.)").build();
        style(c.getStyler());
        axis.apply(c);
        c.getStyler().setXAxisMin(x[0]);
        c.getStyler().setXAxisMax(xEnd);
        c.getStyler().setYAxisMin(yMin);
        c.getStyler().setYAxisMax(yMax);
        c.getStyler().setYAxisDecimalPattern("0.00");
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);

        // Layers, bottom to top: corridor, DR001 bands, lines. Bands are polygons between two
        // quantile curves; the corridor is a polygon between the stepped floor and ceiling.
        polygon(c, "Corridor (IOER floor to SLF O/N ceiling)", steps(x, ceiling, xEnd), steps(x, floor, xEnd), CORRIDOR);
        polygon(c, "DR001 p05–p95", points(x, on[4]), points(x, on[0]), BAND_OUTER);
        polygon(c, "DR001 p25–p75", points(x, on[3]), points(x, on[1]), BAND_INNER);
        line(c, new LineStyle("SLF O/N (ceiling)", BOUND, SOLID, 1.5f), steps(x, ceiling, xEnd));
        if (distinct7) {
            line(c, new LineStyle("SLF 7-day (DR007's ceiling)", BOUND, DASHED, 1.2f), steps(x, ceiling7, xEnd));
        }
        line(c, new LineStyle("IOER (floor)", BOUND, DOTTED, 1.5f), steps(x, floor, xEnd));
        line(c, new LineStyle("7-day reverse repo (policy rate)", POLICY, DASHED, 2f), steps(x, policy, xEnd));
        line(c, new LineStyle("DR001 median", MEDIAN, SOLID, 1.8f), points(x, on[2]));
        if (term) {
            line(c, new LineStyle("DR007 median", TERM_MEDIAN, SOLID, 2f), points(x, tw[2]));
            line(c, new LineStyle("DR007 p05 / p95", TERM_INNER, DASHED, 1.2f), points(x, tw[0]));
            line(c, new LineStyle("DR007 p95", TERM_INNER, DASHED, 1.2f).hidden(), points(x, tw[4]));
        }
        events(c, tl, axis, new double[] {yMin, yMax});
        policyEvents(c, r, axis, new double[] {yMin, yMax});
        return c;
    }

    private static void events(XYChart c, Timeline tl, MonthAxis axis, double[] yRange) {
        List<Double> quarterEnds = new ArrayList<>();
        List<Double> festivals = new ArrayList<>();
        List<Double> taxDays = new ArrayList<>();
        for (int t = 0; t < tl.size(); t++) {
            if (tl.has(t, DayFlags.QUARTER_END)) {
                quarterEnds.add(axis.x(tl.date(t)));
            }
            if (tl.businessDaysToSpringFestival(t) == -1) {
                festivals.add(axis.x(tl.date(t)));
            }
            if (tl.has(t, DayFlags.TAX_DEADLINE)) {
                taxDays.add(axis.x(tl.date(t)));
            }
        }
        verticals(c, new LineStyle("Quarter end", new Color(60, 120, 60), SeriesLines.DASH_DOT, 1.2f), quarterEnds, yRange);
        verticals(c, new LineStyle("Spring Festival (last business day before)", new Color(170, 0, 120),
                new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 4f}, 0f), 2f),
                festivals, yRange);
        if (!taxDays.isEmpty()) {
            List<Double> y = new ArrayList<>();
            taxDays.forEach(d -> y.add(yRange[0] + 0.02 * (yRange[1] - yRange[0])));
            XYSeries s = c.addSeries("Tax deadline", taxDays, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.TRIANGLE_UP);
            s.setMarkerColor(new Color(110, 70, 0));
        }
    }

    /** Scheduled policy events: rate changes (where the corridor or policy rate moves) and RRR changes. */
    private static void policyEvents(XYChart c, RunSummary r, MonthAxis axis, double[] yRange) {
        RatePath rates = r.spec().rates();
        Timeline tl = r.spec().timeline();
        TreeSet<Integer> days = new TreeSet<>();
        for (int t = 1; t < tl.size(); t++) {
            if (rates.policyPct(t) != rates.policyPct(t - 1) || rates.ceilingPct(t) != rates.ceilingPct(t - 1)
                    || rates.floorPct(t) != rates.floorPct(t - 1)) {
                days.add(t);
            }
        }
        r.spec().rrrChanges().forEach(ch -> days.add(ch.day()));
        List<Double> xs = new ArrayList<>();
        for (int t : days) {
            xs.add(axis.x(tl.date(t)));
        }
        verticals(c, new LineStyle("Policy rate or RRR change", new Color(230, 120, 0), DOTTED, 1.5f), xs, yRange);
    }

    /**
     * rate_histogram.png/svg: the spread of DR001 (and DR007) to the 7-day policy rate in force
     * on each day, over all path-days, so regimes with different policy rates line up; the
     * floor, the O/N ceiling and (for DR007) the 7-day ceiling marked as spreads too.
     */
    public static void histogram(RunSummary r, Path dir) {
        save(histogramChart(r), dir.resolve("rate_histogram"));
    }

    static XYChart histogramChart(RunSummary r) {
        RatePath rates = r.spec().rates();
        int days = r.days();
        List<Metric> ms = new ArrayList<>(List.of(Metric.DR001));
        boolean term = r.metrics().contains(Metric.DR007);
        if (term) {
            ms.add(Metric.DR007);
        }
        TreeSet<Double> floors = new TreeSet<>();
        TreeSet<Double> ceilings = new TreeSet<>();
        TreeSet<Double> ceilings7 = new TreeSet<>();
        for (int t = 0; t < days; t++) {
            double p = rates.policyPct(t);
            floors.add(bp(rates.floorPct(t) - p));
            ceilings.add(bp(rates.ceilingPct(t) - p));
            ceilings7.add(bp(rates.ceiling7dPct(t) - p));
        }
        boolean distinct7 = term && !ceilings7.equals(ceilings);
        double lo = floors.first();
        double hi = Math.max(ceilings.last(), distinct7 ? ceilings7.last() : ceilings.last());
        for (Metric m : ms) {
            FixedBinHistogram h = r.spreadHistogram(m);
            if (h.count() > 0) {
                lo = Math.min(lo, h.min());
                hi = Math.max(hi, h.max());
            }
        }
        lo = Math.floor(lo) - 5;
        hi = Math.ceil(hi) + 5;
        double width = 1.0;
        int bins = (int) Math.ceil((hi - lo) / width);
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(r.spec().name() + ": spread of simulated rates to the policy rate in force, all path-days ("
                        + r.paths() + " paths)")
                .xAxisTitle("Spread to the 7-day reverse repo rate of the day (bp)")
                .yAxisTitle("Share of path-days (% per 1bp bin)").build();
        style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        c.getStyler().setYAxisDecimalPattern("0.0");
        c.getStyler().setXAxisDecimalPattern("0");
        Color[] colours = {BAND_INNER, TERM_INNER};
        double maxShare = 0;
        for (int k = 0; k < ms.size(); k++) {
            FixedBinHistogram h = r.spreadHistogram(ms.get(k));
            long[] counts = h.counts(lo, width, bins);
            double[] xs = new double[bins];
            double[] ys = new double[bins];
            for (int b = 0; b < bins; b++) {
                xs[b] = lo + (b + 0.5) * width;
                ys[b] = h.count() == 0 ? 0 : 100.0 * counts[b] / h.count();
                maxShare = Math.max(maxShare, ys[b]);
            }
            XYSeries s = c.addSeries(ms.get(k).column().toUpperCase(Locale.ROOT) + " − policy", xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(colours[k].darker());
            s.setFillColor(new Color(colours[k].getRed(), colours[k].getGreen(), colours[k].getBlue(), 140));
        }
        double[] yRange = {0, maxShare * 1.1};
        verticals(c, new LineStyle("Policy rate (spread 0)", POLICY, DASHED, 2f), List.of(0.0), yRange);
        verticals(c, new LineStyle("IOER floor " + join(floors), BOUND, DOTTED, 2f), new ArrayList<>(floors), yRange);
        verticals(c, new LineStyle("SLF O/N ceiling " + join(ceilings), BOUND, SOLID, 2f), new ArrayList<>(ceilings), yRange);
        if (distinct7) {
            verticals(c, new LineStyle("SLF 7-day ceiling (DR007) " + join(ceilings7), TERM_MEDIAN, DASHED, 2f),
                    new ArrayList<>(ceilings7), yRange);
        }
        c.getStyler().setXAxisMin(lo);
        c.getStyler().setXAxisMax(hi);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(yRange[1]);
        return c;
    }

    private static double bp(double pct) {
        // Rounded to 1e-6bp so that the same spread in two regimes is one value, not two.
        return Math.rint(pct * 100 * 1e6) / 1e6;
    }

    private static String join(TreeSet<Double> bps) {
        List<String> s = new ArrayList<>();
        bps.forEach(b -> s.add(String.format(Locale.ROOT, "%+.0fbp", b)));
        return "(" + String.join(", ", s) + ")";
    }

    /**
     * The two panels of liquidity.png: per complete month, the mean (over paths) contribution
     * of each factor to the change in excess reserves (stacked bars), and below, on its own
     * axis and unstacked, the mean excess reserves on the month's last business day.
     */
    public record LiquidityCharts(CategoryChart changes, CategoryChart level, List<String> months, List<Integer> monthEndDays) {
    }

    /** liquidity.png/svg: the two {@link LiquidityCharts} panels, one above the other. */
    public static void liquidity(RunSummary r, Path dir) {
        LiquidityCharts charts = liquidityCharts(r);
        saveStacked(List.of(charts.changes(), charts.level()), dir.resolve("liquidity"));
    }

    public static LiquidityCharts liquidityCharts(RunSummary r) {
        Timeline tl = r.spec().timeline();
        Metric[] f = {Metric.FX_BN, Metric.CLAIMS_BN, Metric.GOV_DEPOSITS_BN, Metric.REQUIRED_BN, Metric.CURRENCY_BN,
            Metric.OTHER_ITEMS_BN};
        String[] names = {"+ΔFX", "+ΔClaims on banks (OMO, MLF, SLF)", "−ΔGovernment deposits", "−ΔRequired reserves",
            "−ΔCurrency", "−ΔOther items (central bank equity)"};
        double[] sign = {1, 1, -1, -1, -1, -1};
        Color[] colours = {new Color(102, 166, 30), new Color(31, 120, 180), new Color(227, 26, 28),
            new Color(255, 127, 0), new Color(106, 61, 154), new Color(140, 140, 140)};
        // Complete months only: a month the run enters after its first business day, or leaves
        // before its last, would show a partial change as if it were the month's.
        List<String> months = new ArrayList<>();
        List<Integer> firstDay = new ArrayList<>();
        List<Integer> lastDay = new ArrayList<>();
        int t0 = 0;
        while (t0 < tl.size()) {
            YearMonth ym = YearMonth.from(tl.date(t0));
            int t1 = t0;
            while (t1 + 1 < tl.size() && YearMonth.from(tl.date(t1 + 1)).equals(ym)) {
                t1++;
            }
            if (tl.has(t0, DayFlags.MONTH_START) && tl.has(t1, DayFlags.MONTH_END)) {
                months.add(ym.toString());
                firstDay.add(t0);
                lastDay.add(t1);
            }
            t0 = t1 + 1;
        }
        IntToDoubleFunction[] mean = new IntToDoubleFunction[f.length + 1];
        for (int k = 0; k <= f.length; k++) {
            Metric m = k < f.length ? f[k] : Metric.EXCESS_RESERVES_BN;
            mean[k] = t -> r.mean(m, t);
        }
        String subtitle = months.isEmpty() ? " (no complete month in the run)" : "";
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(r.spec().name() + ": what moved excess reserves, by month (mean over " + r.paths() + " paths)" + subtitle)
                .xAxisTitle("Month").yAxisTitle("Change in excess reserves over the month (bn CNY)").build();
        style(c.getStyler());
        c.getStyler().setStacked(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setXAxisLabelRotation(months.size() > 14 ? 90 : 0);
        c.getStyler().setYAxisDecimalPattern("#,##0");
        List<String> cats = months.isEmpty() ? List.of("none") : months;
        for (int k = 0; k < f.length; k++) {
            List<Double> ys = new ArrayList<>();
            for (int m = 0; m < months.size(); m++) {
                // The month's change: from the previous business day's close (the run's first
                // day's close for the first month) to its last business day's close.
                int from = Math.max(0, firstDay.get(m) - 1);
                ys.add(sign[k] * (mean[k].applyAsDouble(lastDay.get(m)) - mean[k].applyAsDouble(from)));
            }
            CategorySeries s = c.addSeries(names[k], cats, months.isEmpty() ? List.of(0.0) : ys);
            s.setFillColor(colours[k]);
        }
        CategoryChart level = new CategoryChartBuilder().width(WIDTH).height(LIQUIDITY_LEVEL_HEIGHT)
                .title("Excess reserves on the month's last business day (mean over paths)")
                .xAxisTitle("Month").yAxisTitle("Excess reserves (bn CNY)").build();
        style(level.getStyler());
        level.getStyler().setLegendVisible(false);
        level.getStyler().setXAxisLabelRotation(months.size() > 14 ? 90 : 0);
        level.getStyler().setYAxisDecimalPattern("#,##0");
        level.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        List<Double> levels = new ArrayList<>();
        for (int m = 0; m < months.size(); m++) {
            levels.add(mean[f.length].applyAsDouble(lastDay.get(m)));
        }
        CategorySeries line = level.addSeries(MONTH_END_EXCESS, cats, months.isEmpty() ? List.of(0.0) : levels);
        line.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        line.setLineColor(Color.BLACK);
        line.setMarker(SeriesMarkers.CIRCLE);
        line.setMarkerColor(Color.BLACK);
        line.setLineWidth(2.5f);
        return new LiquidityCharts(c, level, List.copyOf(months), List.copyOf(lastDay));
    }

    /** The three panels of operations.png, top to bottom, on one date axis. */
    public record OperationsCharts(XYChart stock, XYChart injection, XYChart maturing) {
    }

    /** How an instrument is named and coloured in every panel of operations.png. */
    private record Instrument(Facility facility, String label, Color colour) {
    }

    /** Term instruments (with a stock) first, in the order they are stacked, then the overnight one. */
    private static final List<Instrument> INSTRUMENTS = List.of(
            new Instrument(Facility.REVERSE_REPO, "7- and 14-day reverse repos", new Color(31, 120, 180)),
            new Instrument(Facility.OUTRIGHT_REVERSE_REPO, "Outright reverse repos (3 and 6 months)", new Color(255, 127, 0)),
            new Instrument(Facility.MLF, "MLF (1 year)", new Color(51, 160, 44)),
            new Instrument(Facility.STRUCTURAL, "Structural (relending, PSL)", new Color(106, 61, 154)),
            new Instrument(Facility.TEMPORARY_OVERNIGHT, "Temporary overnight (a repo drains, its repayment adds back)",
                    new Color(227, 26, 28)));

    /** The instruments of the maturities panel: those that run beyond a few weeks. */
    private static final Set<Facility> TERM = EnumSet.of(Facility.OUTRIGHT_REVERSE_REPO, Facility.MLF, Facility.STRUCTURAL);

    /** Name of an instrument's series in every panel of operations.png (tests read them back). */
    public static String instrumentLabel(Facility f) {
        return INSTRUMENTS.stream().filter(i -> i.facility() == f).findFirst().orElseThrow().label();
    }

    /** Series name of the total stock in the top panel of operations.png (left out when it would repeat the one instrument). */
    public static final String OPERATIONS_TOTAL = "Total of the instruments shown";

    private static final int OPERATIONS_PANEL_HEIGHT = 430;

    /** operations.png/svg: the three {@link OperationsCharts} panels, one above the other. */
    public static void operations(RunSummary r, Path dir) {
        OperationsCharts c = operationsCharts(r);
        saveStacked(List.of(c.stock(), c.injection(), c.maturing()), dir.resolve("operations"));
    }

    /**
     * (a) The stock outstanding by term instrument after each day's operations and their total;
     * (b) the net injection of each day by instrument, allotted less principal repaid, as bars
     * stacked up (injections) and down (drains); (c) the principal of the outright reverse
     * repos, MLF and structural operations falling due in the next
     * {@value OperationFlows#AHEAD_DAYS} business days, opening stocks included, drawn while that
     * window lies inside the run (the 7- and 14-day reverse repos turn over several times in it
     * and would dwarf the rest). Means over paths; instruments the run never used are left out.
     */
    public static OperationsCharts operationsCharts(RunSummary r) {
        Timeline tl = r.spec().timeline();
        OperationFlows flows = r.flows();
        int n = r.days();
        MonthAxis axis = MonthAxis.of(tl);
        double[] x = axis.days(tl);
        double xEnd = axis.end(tl);
        List<Instrument> used = new ArrayList<>();
        for (Instrument i : INSTRUMENTS) {
            boolean any = false;
            for (int t = 0; t < n && !any; t++) {
                any = flows.stockBn(i.facility(), t) != 0 || flows.netInjectionBn(i.facility(), t) != 0;
            }
            if (any) {
                used.add(i);
            }
        }

        XYChart stock = operationsPanel(axis, tl, r.spec().name() + ": central bank operations outstanding by instrument (mean over "
                + r.paths() + " paths)", "Outstanding (bn CNY)");
        double[] total = new double[n];
        int stocks = 0;
        for (Instrument i : used) {
            if (i.facility() == Facility.TEMPORARY_OVERNIGHT) {
                continue;
            }
            stocks++;
            double[] y = new double[n];
            for (int t = 0; t < n; t++) {
                y[t] = flows.stockBn(i.facility(), t);
                total[t] += y[t];
            }
            line(stock, new LineStyle(i.label(), i.colour(), SOLID, 2f), points(x, y));
        }
        if (stocks != 1) {
            line(stock, new LineStyle(OPERATIONS_TOTAL, Color.BLACK, DASHED, 1.5f), points(x, total));
        }

        XYChart injection = operationsPanel(axis, tl, "Net injection each business day: allotted less principal repaid"
                + " (mean over paths; below zero: drained)", "Net injection (bn CNY)");
        double[] up = new double[n];
        double[] down = new double[n];
        double[][] edges = barEdges(axis, tl);
        for (Instrument i : used) {
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int t = 0; t < n; t++) {
                double v = flows.netInjectionBn(i.facility(), t);
                if (v >= 0) {
                    lo[t] = up[t];
                    up[t] += v;
                    hi[t] = up[t];
                } else {
                    hi[t] = down[t];
                    down[t] += v;
                    lo[t] = down[t];
                }
            }
            bars(injection, i.label(), i.colour(), new BarSpans(edges, lo, hi));
        }
        line(injection, new LineStyle("zero", BOUND, SOLID, 0.8f).hidden(), new Points(new double[] {x[0], xEnd}, new double[] {0, 0}));

        XYChart maturing = operationsPanel(axis, tl, "Term operations maturing within the next " + OperationFlows.AHEAD_DAYS
                + " business days, opening stocks included (mean over paths)", "Maturing ahead (bn CNY)");
        int shown = Math.max(0, n - OperationFlows.AHEAD_DAYS);
        for (Instrument i : used) {
            if (!TERM.contains(i.facility()) || shown == 0) {
                continue;
            }
            double[] y = new double[shown];
            for (int t = 0; t < shown; t++) {
                y[t] = flows.maturingAheadBn(i.facility(), t);
            }
            line(maturing, new LineStyle(i.label(), i.colour(), SOLID, 2f), points(java.util.Arrays.copyOf(x, shown), y));
        }
        if (maturing.getSeriesMap().isEmpty()) {
            String why = shown == 0 ? "The run is too short for a complete " + OperationFlows.AHEAD_DAYS + "-business-day window"
                    : "No term operations in this run";
            // Drawn at every day, so the date axis gets its month ticks as in the panels above.
            line(maturing, new LineStyle(why, BOUND, DOTTED, 1f), points(x, new double[n]));
        }
        maturing.setXAxisTitle("Date (ticks at month starts; 7/14-day reverse repos left out; none drawn in the last "
                + OperationFlows.AHEAD_DAYS + " business days)");
        maturing.getStyler().setXAxisTitleVisible(true);
        return new OperationsCharts(stock, injection, maturing);
    }

    private static XYChart operationsPanel(MonthAxis axis, Timeline tl, String title, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(OPERATIONS_PANEL_HEIGHT).title(title).xAxisTitle("Date").yAxisTitle(yTitle)
                .build();
        style(c.getStyler());
        axis.apply(c);
        c.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        c.getStyler().setXAxisMin(axis.x(tl.date(0)));
        c.getStyler().setXAxisMax(axis.end(tl));
        c.getStyler().setYAxisDecimalPattern("#,##0");
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setXAxisTitleVisible(false);
        return c;
    }

    /** Left and right edge of each business day's bar: the middle 80% of its calendar day. */
    private static double[][] barEdges(MonthAxis axis, Timeline tl) {
        double[][] e = new double[2][tl.size()];
        for (int t = 0; t < tl.size(); t++) {
            LocalDate d = tl.date(t);
            double day = axis.x(d.plusDays(1)) - axis.x(d);
            e[0][t] = axis.x(d) + 0.1 * day;
            e[1][t] = axis.x(d) + 0.9 * day;
        }
        return e;
    }

    /**
     * One series of bars from {@code lo[t]} to {@code hi[t]}: a polygon that runs over the bars,
     * four points a day (left-bottom, left-top, right-top, right-bottom), and back along their
     * bottoms; between bars both passes share a segment, which encloses nothing. No outline is
     * drawn, so only the bars show.
     */
    private static void bars(XYChart c, String name, Color colour, BarSpans spans) {
        double[][] edges = spans.edges();
        double[] lo = spans.lo();
        double[] hi = spans.hi();
        int n = lo.length;
        double[] xs = new double[6 * n];
        double[] ys = new double[6 * n];
        for (int t = 0; t < n; t++) {
            double l = edges[0][t];
            double r = edges[1][t];
            int k = 4 * t;
            xs[k] = l;
            ys[k] = lo[t];
            xs[k + 1] = l;
            ys[k + 1] = hi[t];
            xs[k + 2] = r;
            ys[k + 2] = hi[t];
            xs[k + 3] = r;
            ys[k + 3] = lo[t];
            int b = 4 * n + 2 * (n - 1 - t);
            xs[b] = r;
            ys[b] = lo[t];
            xs[b + 1] = l;
            ys[b + 1] = lo[t];
        }
        XYSeries s = c.addSeries(name, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(colour);
        s.setLineStyle(SeriesLines.NONE);
        s.setMarker(SeriesMarkers.NONE);
    }

    /** Bars' extents, one per day: left and right edges ({@code edges[0]}, {@code edges[1]}), bottoms and tops. */
    private record BarSpans(double[][] edges, double[] lo, double[] hi) {
    }

    /** The title and labels of {@code poole.png}. */
    public record PooleTitle(String scenario, int pathsPerLevel) {
    }

    /**
     * A series of {@code poole.png}, taken from the check's table by column name; a series
     * whose column the table lacks is skipped.
     */
    private record PooleSeries(String column, String errorColumn, String label, Color colour, Marker marker) {
    }

    /** The curves of {@code poole.png}: one line per series. */
    private static final List<PooleSeries> POOLE_SERIES = List.of(
            new PooleSeries("analytic_pct", "", "Closed form: f + (c − f)·F(gap / Σσ)", POLICY, SeriesMarkers.NONE),
            new PooleSeries("simulated_pct", "se_pct", "Simulated marginal value: f + (c − f) × share of bank-days at the SLF (± 2 se)",
                    TERM_MEDIAN, SeriesMarkers.CIRCLE),
            new PooleSeries("market_pct", "market_se_pct", "Simulated market rate: mean DR001 of the numeric call auction (± 2 se)",
                    MEDIAN, SeriesMarkers.CROSS));

    /**
     * poole.png/svg: the textbook Poole (1968) curve for teaching. Rate against the expected
     * reserve shortfall, the corridor shaded, the closed form as a line and the simulated rates
     * as points with their Monte Carlo error bars.
     *
     * @param t columns {@code supply_gap_bn, floor_pct, ceiling_pct} and the series of
     *          {@link #POOLE_SERIES} present, with their standard errors
     */
    public static void poole(Table t, PooleTitle title, Path dir) {
        save(pooleChart(t, title), dir.resolve("poole"));
    }

    static XYChart pooleChart(Table t, PooleTitle title) {
        double[] gap = t.column("supply_gap_bn");
        double[] floor = t.column("floor_pct");
        double[] ceiling = t.column("ceiling_pct");
        int n = gap.length;
        double xLo = Double.MAX_VALUE;
        double xHi = -Double.MAX_VALUE;
        for (double g : gap) {
            xLo = Math.min(xLo, g);
            xHi = Math.max(xHi, g);
        }
        double f = floor[0];
        double cl = ceiling[0];
        double pad = 0.06 * (cl - f);
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Poole (1968) in the corridor: the overnight rate against the reserve shortfall (" + title.scenario()
                        + ", " + title.pathsPerLevel() + " paths per level)")
                .xAxisTitle("Expected reserve shortfall ΣK − Σμ − S (bn CNY; > 0: banks are short, < 0: surplus)")
                .yAxisTitle("Overnight rate (% p.a.)").build();
        style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        c.getStyler().setYAxisDecimalPattern("0.00");
        c.getStyler().setXAxisDecimalPattern("#,##0");
        c.getStyler().setMarkerSize(11);
        c.getStyler().setYAxisMin(f - pad);
        c.getStyler().setYAxisMax(cl + pad);
        c.getStyler().setXAxisMin(xLo);
        c.getStyler().setXAxisMax(xHi);
        polygon(c, String.format(Locale.ROOT, "Corridor: IOER floor %.2f%% to SLF ceiling %.2f%%", f, cl),
                new Points(new double[] {xLo, xHi}, new double[] {cl, cl}), new Points(new double[] {xLo, xHi}, new double[] {f, f}),
                CORRIDOR);
        double mid = (f + cl) / 2;
        line(c, new LineStyle(String.format(Locale.ROOT, "Corridor midpoint %.3f%% (zero expected shortfall)", mid), BOUND, DOTTED, 1.2f),
                new Points(new double[] {xLo, xHi}, new double[] {mid, mid}));
        for (PooleSeries p : POOLE_SERIES) {
            if (!t.has(p.column())) {
                continue;
            }
            double[] y = t.column(p.column());
            if (p.marker() == SeriesMarkers.NONE) {
                line(c, new LineStyle(p.label(), p.colour(), SOLID, 2.5f), new Points(gap, y));
            } else {
                double[] bars = new double[n];
                double[] err = t.has(p.errorColumn()) ? t.column(p.errorColumn()) : new double[n];
                for (int i = 0; i < n; i++) {
                    bars[i] = 2 * err[i];
                }
                XYSeries s = c.addSeries(p.label(), gap, y, bars);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(p.marker());
                s.setMarkerColor(p.colour());
                s.setLineColor(p.colour());
            }
        }
        return c;
    }

    /** Rows p05, p25, p50, p75, p95 of a metric per day (across paths). */
    private static double[][] bands(RunSummary r, Metric m) {
        int n = r.days();
        double[][] out = new double[5][n];
        for (int t = 0; t < n; t++) {
            double[] q = r.quantiles(m, t);
            out[0][t] = q[1];
            out[1][t] = q[2];
            out[2][t] = q[3];
            out[3][t] = q[4];
            out[4][t] = q[5];
        }
        return out;
    }

    /** A polyline. */
    /**
     * averaging.png/svg: DR001's spread to the policy rate by business days to the end of the
     * reserve maintenance period, over every path and period of the run (p05–p95, p25–p75,
     * median, mean): where the pressure goes under averaging. With {@code without} (the same
     * scenario and shocks with averaging off) its median and p05/p95 are drawn over it.
     */
    public static void averaging(RunSummary r, RunSummary without, Path dir) {
        save(averagingChart(r, without), dir.resolve("averaging"));
    }

    static XYChart averagingChart(RunSummary r, RunSummary without) {
        Timeline tl = r.spec().timeline();
        // Positions that at least a quarter of the periods reach (long periods alone would make a noisy edge).
        int[] reach = new int[tl.size() + 1];
        for (int t = 0; t < tl.size(); t++) {
            reach[tl.businessDaysToPeriodEnd(t)]++;
        }
        int longest = 0;
        while (longest + 1 < reach.length && reach[longest + 1] * 4 >= reach[0]) {
            longest++;
        }
        double[] x = new double[longest + 1];
        for (int k = 0; k <= longest; k++) {
            x[k] = k - longest;
        }
        double[][] on = spreadBands(r, longest);
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(r.spec().name() + ": DR001 through the reserve maintenance period (" + r.paths() + " paths × "
                        + reach[0] + " periods)")
                .xAxisTitle("Business days to the period's last day (0 = last day)")
                .yAxisTitle("DR001 − 7-day reverse repo rate (bp)").build();
        style(c.getStyler());
        c.getStyler().setXAxisDecimalPattern("0");
        c.getStyler().setYAxisDecimalPattern("0");
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        polygon(c, "Averaging: p05–p95", points(x, on[4]), points(x, on[0]), BAND_OUTER);
        polygon(c, "Averaging: p25–p75", points(x, on[3]), points(x, on[1]), BAND_INNER);
        line(c, new LineStyle("Averaging: median", MEDIAN, SOLID, 2f), points(x, on[2]));
        line(c, new LineStyle("Averaging: mean", MEDIAN, DOTTED, 2f), points(x, on[5]));
        if (without != null) {
            double[][] off = spreadBands(without, longest);
            line(c, new LineStyle("No averaging, same shocks: median", TERM_MEDIAN, SOLID, 2f), points(x, off[2]));
            line(c, new LineStyle("No averaging: p05 / p95", TERM_INNER, DASHED, 1.5f), points(x, off[0]));
            line(c, new LineStyle("No averaging: p95", TERM_INNER, DASHED, 1.5f).hidden(), points(x, off[4]));
        }
        line(c, new LineStyle("Policy rate (spread 0)", POLICY, DASHED, 1.5f),
                new Points(new double[] {x[0], 0}, new double[] {0, 0}));
        return c;
    }

    /** Per business day to the period's end (index = longest − days to end): p05, p25, p50, p75, p95 and mean of DR001 − policy, bp. */
    private static double[][] spreadBands(RunSummary r, int longest) {
        RunSummary.PeriodBands b = r.periodBands();
        double[][] all = {b.p05(), b.p25(), b.p50(), b.p75(), b.p95(), b.mean()};
        double[][] out = new double[6][longest + 1];
        for (int j = 0; j < 6; j++) {
            // The summary's index runs to its own longest distance; keep the last longest + 1.
            int from = all[j].length - (longest + 1);
            for (int k = 0; k <= longest; k++) {
                out[j][k] = from + k >= 0 ? all[j][from + k] : Double.NaN;
            }
        }
        return out;
    }

    record Points(double[] x, double[] y) {
    }

    /** How a line series looks; {@code legend} false for the second of a pair sharing a legend entry. */
    record LineStyle(String name, Color colour, BasicStroke stroke, float width, boolean legend) {
        LineStyle(String name, Color colour, BasicStroke stroke, float width) {
            this(name, colour, stroke, width, true);
        }

        LineStyle hidden() {
            return new LineStyle(name, colour, stroke, width, false);
        }
    }

    static Points points(double[] x, double[] y) {
        return new Points(x, y);
    }

    /**
     * A rate in force from day t until day t + 1 as a step: horizontal to the next day, then
     * vertical; the last value holds to {@code xEnd}.
     */
    static Points steps(double[] x, double[] y, double xEnd) {
        List<double[]> pts = new ArrayList<>();
        for (int t = 0; t < x.length; t++) {
            if (t > 0 && y[t] != y[t - 1]) {
                pts.add(new double[] {x[t], y[t - 1]});
            }
            pts.add(new double[] {x[t], y[t]});
        }
        pts.add(new double[] {xEnd, y[y.length - 1]});
        double[] xs = new double[pts.size()];
        double[] ys = new double[pts.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = pts.get(i)[0];
            ys[i] = pts.get(i)[1];
        }
        return new Points(xs, ys);
    }

    /** A filled polygon between an upper and a lower curve (same x direction). */
    private static void polygon(XYChart c, String name, Points upper, Points lower, Color fill) {
        int a = upper.x().length;
        int b = lower.x().length;
        double[] xs = new double[a + b];
        double[] ys = new double[a + b];
        for (int i = 0; i < a; i++) {
            xs[i] = upper.x()[i];
            ys[i] = upper.y()[i];
        }
        for (int i = 0; i < b; i++) {
            xs[a + i] = lower.x()[b - 1 - i];
            ys[a + i] = lower.y()[b - 1 - i];
        }
        XYSeries s = c.addSeries(name, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(fill);
        s.setLineColor(fill);
        s.setMarker(SeriesMarkers.NONE);
    }

    private static void line(XYChart c, LineStyle st, Points p) {
        XYSeries s = c.addSeries(st.name(), p.x(), p.y());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(st.colour());
        s.setLineStyle(st.stroke());
        s.setLineWidth(st.width());
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(st.legend());
    }

    /** One vertical line per x over the y range, with a single legend entry. */
    private static void verticals(XYChart c, LineStyle st, List<Double> xs, double[] yRange) {
        for (int k = 0; k < xs.size(); k++) {
            double x = xs.get(k);
            LineStyle one = new LineStyle(k == 0 ? st.name() : st.name() + " " + k, st.colour(), st.stroke(), st.width(), k == 0);
            line(c, one, new Points(new double[] {x, x}, new double[] {yRange[0], yRange[1]}));
        }
    }

    /**
     * A date axis in months: x = months since the run's first month, plus the elapsed share of
     * the month. Month starts are whole numbers, so ticks (XChart places them at round numbers)
     * fall on month starts, labelled yyyy-MM.
     */
    record MonthAxis(YearMonth first) {
        static MonthAxis of(Timeline tl) {
            return new MonthAxis(YearMonth.from(tl.date(0)));
        }

        double x(LocalDate d) {
            YearMonth ym = YearMonth.from(d);
            long months = (ym.getYear() - first.getYear()) * 12L + ym.getMonthValue() - first.getMonthValue();
            return months + (d.getDayOfMonth() - 1) / (double) ym.lengthOfMonth();
        }

        double[] days(Timeline tl) {
            double[] out = new double[tl.size()];
            for (int t = 0; t < out.length; t++) {
                out[t] = x(tl.date(t));
            }
            return out;
        }

        /** The end of the last day shown: the calendar day after the run's last business day. */
        double end(Timeline tl) {
            return x(tl.date(tl.size() - 1).plusDays(1));
        }

        /**
         * "yyyy-MM" at a month start; elsewhere (only runs too short for a tick per month get
         * such ticks) the calendar date at that position. XChart needs every label distinct.
         */
        String label(double x) {
            double whole = Math.floor(x + 1e-6);
            YearMonth ym = first.plusMonths((long) whole);
            double share = x - whole;
            if (share < 1e-6) {
                return ym.toString();
            }
            return ym.atDay(1 + (int) Math.round(share * ym.lengthOfMonth())).toString();
        }

        void apply(XYChart c) {
            c.getStyler().setxAxisTickLabelsFormattingFunction(this::label);
        }
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

    /** PNG and SVG of one chart. */
    private static void save(Chart<?, ?> chart, Path base) {
        writePng(BitmapEncoder.getBufferedImage(chart), base);
        writeSvg(base, List.of(chart));
    }

    /** PNG and SVG of charts of the same width, one above the other in order. */
    private static void saveStacked(List<Chart<?, ?>> charts, Path base) {
        int w = charts.get(0).getWidth();
        int h = charts.stream().mapToInt(Chart::getHeight).sum();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        paintStacked(g, charts);
        g.dispose();
        writePng(img, base);
        writeSvg(base, charts);
    }

    private static void writePng(BufferedImage img, Path base) {
        Path png = base.resolveSibling(base.getFileName() + ".png");
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(png), 1 << 16)) {
            PngWriter.write(img, o);
        } catch (IOException e) {
            throw Csv.io(png, e);
        }
    }

    private static void paintStacked(Graphics2D g, List<Chart<?, ?>> charts) {
        int y = 0;
        for (Chart<?, ?> c : charts) {
            Graphics2D a = (Graphics2D) g.create(0, y, c.getWidth(), c.getHeight());
            c.paint(a, c.getWidth(), c.getHeight());
            a.dispose();
            y += c.getHeight();
        }
    }

    /** The charts drawn one above the other on a canvas that records the drawing for SVG. */
    static VectorGraphics2D vector(List<Chart<?, ?>> charts) {
        VectorGraphics2D g = new VectorGraphics2D();
        if (charts.size() == 1) {
            Chart<?, ?> c = charts.get(0);
            c.paint(g, c.getWidth(), c.getHeight());
        } else {
            paintStacked(g, charts);
        }
        return g;
    }

    private static void writeSvg(Path base, List<Chart<?, ?>> charts) {
        Path svg = base.resolveSibling(base.getFileName() + ".svg");
        int w = charts.get(0).getWidth();
        int h = charts.stream().mapToInt(Chart::getHeight).sum();
        VectorGraphics2D g = vector(charts);
        SvgWriter writer = SvgWriter.of(g.getCommands(), w, h);
        try (OutputStream o = Files.newOutputStream(svg)) {
            if (writer != null) {
                Writer text = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8));
                writer.writeTo(text);
                text.flush();
            } else {
                // Text or images (no chart of ours has them): the library's own, slower writer.
                new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, w, h)).writeTo(o);
            }
        } catch (IOException e) {
            throw Csv.io(svg, e);
        }
    }
}
