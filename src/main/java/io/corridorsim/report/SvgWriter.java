package io.corridorsim.report;

import de.erichseifert.vectorgraphics2d.GraphicsState;
import de.erichseifert.vectorgraphics2d.intermediate.CommandSequence;
import de.erichseifert.vectorgraphics2d.intermediate.commands.AffineTransformCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Command;
import de.erichseifert.vectorgraphics2d.intermediate.commands.CreateCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DisposeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.FillShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Group;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetClipCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetColorCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetStrokeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetTransformCommand;
import de.erichseifert.vectorgraphics2d.intermediate.filters.FillPaintedShapeAsImageFilter;
import de.erichseifert.vectorgraphics2d.intermediate.filters.StateChangeGroupingFilter;
import de.erichseifert.vectorgraphics2d.util.DataUtils;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.color.ColorSpace;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The SVG of a chart drawn on VectorGraphics2D: the document the library's
 * {@code SVGProcessor} makes, byte for byte, for drawings made of filled and stroked shapes
 * (XChart's charts, whose text arrives as glyph outlines), written as text. The library builds
 * an XML DOM and serialises it through {@code javax.xml.transform}: on a fresh JVM that took
 * 0.3-0.4 s for a run's first plot and 0.05-0.1 s for each later one (0.7-1.3 MB of path data
 * each), a quarter of a small run's wall time.
 *
 * <p>On one thread at a time: some numbers go through the library's {@link DataUtils#format},
 * which shares one {@code DecimalFormat}. Text and images are not written here: {@link #of}
 * returns null for drawings that have them.
 */
final class SvgWriter {

    private static final String NL = "\n";

    private final double width;
    private final double height;
    private final Deque<GraphicsState> states = new ArrayDeque<>();
    private final StringBuilder defs = new StringBuilder();
    private final StringBuilder body = new StringBuilder();
    private final Set<Integer> clips = new HashSet<>();
    /** Attributes of the group that takes the next shapes, or null while they go to the root element. */
    private String groupAttributes;
    private boolean groupWritten;

    private SvgWriter(List<Command<?>> commands, double width, double height) {
        this.width = width;
        this.height = height;
        states.push(new GraphicsState());
        for (Command<?> c : commands) {
            if (c instanceof Group g) {
                apply(g.getValue());
            } else if (c instanceof DrawShapeCommand d) {
                element(d.getValue(), style(false));
            } else if (c instanceof FillShapeCommand f) {
                element(f.getValue(), style(true));
            }
        }
        closeGroup();
    }

    /**
     * A writer for a drawing of {@code width} × {@code height} px, or null when the drawing has
     * commands this class does not write (text, images, fills with gradients).
     */
    static SvgWriter of(CommandSequence drawing, double width, double height) {
        List<Command<?>> grouped = new ArrayList<>();
        // The library's own preparation: fills with a paint other than a colour become images,
        // and each run of state changes becomes one Group.
        for (Command<?> c : new StateChangeGroupingFilter(new FillPaintedShapeAsImageFilter(drawing))) {
            if (!(c instanceof Group || c instanceof DrawShapeCommand || c instanceof FillShapeCommand)) {
                return null;
            }
            grouped.add(c);
        }
        return new SvgWriter(grouped, width, height);
    }

    /** Writes the document (the caller's writer encodes it as UTF-8). */
    void writeTo(Writer out) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>" + NL
                + "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">" + NL);
        out.write("<svg xmlns:xlink=\"http://www.w3.org/1999/xlink\" height=\"" + num(height) + "px\" version=\"1.1\" viewBox=\""
                + DataUtils.join(" ", new double[] {0, 0, width, height}) + "\" width=\"" + num(width)
                + "px\" x=\"0px\" y=\"0px\" xmlns=\"http://www.w3.org/2000/svg\">" + NL);
        if (!defs.isEmpty()) {
            out.write("  <defs>" + NL);
            out.append(defs);
            out.write("  </defs>" + NL);
        }
        out.append(body);
        out.write("</svg>" + NL);
    }

    /** The state changes of one group; a new clip or transform starts a new SVG group. */
    private void apply(List<Command<?>> changes) {
        boolean regroup = false;
        for (Command<?> c : changes) {
            GraphicsState s = states.peek();
            if (c instanceof SetClipCommand clip) {
                s.setClip(clip.getValue());
                regroup = true;
            } else if (c instanceof SetColorCommand colour) {
                s.setColor(colour.getValue());
            } else if (c instanceof SetStrokeCommand stroke) {
                s.setStroke(stroke.getValue());
            } else if (c instanceof SetTransformCommand tx) {
                s.setTransform(tx.getValue());
                regroup = true;
            } else if (c instanceof AffineTransformCommand tx) {
                AffineTransform t = s.getTransform();
                t.concatenate(tx.getValue());
                s.setTransform(t);
                regroup = true;
            } else if (c instanceof CreateCommand) {
                states.push(copy(s));
            } else if (c instanceof DisposeCommand) {
                states.pop();
            }
            // Background, composite, font, paint and hints do not show in the SVG of shapes.
        }
        if (regroup) {
            newGroup();
        }
    }

    private static GraphicsState copy(GraphicsState s) {
        try {
            return (GraphicsState) s.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The group for the shapes that follow, written when the first of them arrives. */
    private void newGroup() {
        closeGroup();
        GraphicsState s = states.peek();
        StringBuilder a = new StringBuilder();
        Shape clip = s.getClip();
        if (clip != GraphicsState.DEFAULT_CLIP) {
            a.append(" clip-path=\"url(#").append(clipId(clip)).append(")\"");
        }
        AffineTransform tx = s.getTransform();
        if (!GraphicsState.DEFAULT_TRANSFORM.equals(tx)) {
            a.append(" transform=\"").append(transform(tx)).append('"');
        }
        groupAttributes = a.toString();
        groupWritten = false;
    }

    private void closeGroup() {
        if (groupWritten) {
            body.append("  </g>").append(NL);
        }
        groupWritten = false;
    }

    /** Registers a clip in {@code <defs>} once (by its hash code, as the library does) and returns its id. */
    private String clipId(Shape clip) {
        String id = "clip" + clip.hashCode();
        if (clips.add(clip.hashCode())) {
            defs.append("    <clipPath id=\"").append(id).append("\">").append(NL).append("      ");
            shape(defs, clip, null);
            defs.append("/>").append(NL).append("    </clipPath>").append(NL);
        }
        return id;
    }

    private void element(Shape shape, String style) {
        String indent = "  ";
        if (groupAttributes != null) {
            if (!groupWritten) {
                body.append("  <g").append(groupAttributes).append('>').append(NL);
                groupWritten = true;
            }
            indent = "    ";
        }
        body.append(indent);
        shape(body, shape, style);
        body.append("/>").append(NL);
    }

    /**
     * The element of a shape without its closing "/>", attributes in name order as the DOM
     * serialiser wrote them; {@code style} null for a clip path's shape. No value can hold a
     * character that XML escapes (numbers, colours, names), so none is escaped.
     */
    private static void shape(StringBuilder e, Shape shape, String style) {
        if (shape instanceof Line2D l) {
            e.append("<line");
            attr(e, "style", style);
            attr(e, "x1", num(l.getX1()));
            attr(e, "x2", num(l.getX2()));
            attr(e, "y1", num(l.getY1()));
            attr(e, "y2", num(l.getY2()));
        } else if (shape instanceof Rectangle2D r) {
            e.append("<rect");
            attr(e, "height", num(r.getHeight()));
            attr(e, "style", style);
            attr(e, "width", num(r.getWidth()));
            attr(e, "x", num(r.getX()));
            attr(e, "y", num(r.getY()));
        } else if (shape instanceof RoundRectangle2D r) {
            e.append("<rect");
            attr(e, "height", num(r.getHeight()));
            attr(e, "rx", num(r.getArcWidth() / 2.0));
            attr(e, "ry", num(r.getArcHeight() / 2.0));
            attr(e, "style", style);
            attr(e, "width", num(r.getWidth()));
            attr(e, "x", num(r.getX()));
            attr(e, "y", num(r.getY()));
        } else if (shape instanceof Ellipse2D o) {
            e.append("<ellipse");
            attr(e, "cx", num(o.getCenterX()));
            attr(e, "cy", num(o.getCenterY()));
            attr(e, "rx", num(o.getWidth() / 2.0));
            attr(e, "ry", num(o.getHeight() / 2.0));
            attr(e, "style", style);
        } else {
            e.append("<path d=\"");
            path(e, shape);
            e.append('"');
            attr(e, "style", style);
        }
    }

    private static void attr(StringBuilder e, String name, String value) {
        if (value != null) {
            e.append(' ').append(name).append("=\"").append(value).append('"');
        }
    }

    /**
     * Path data as the library writes it: the x of a line-to in Java's shortest decimal
     * ({@code Double.toString}, so "-0.0" and "7.0"), every other coordinate through its
     * {@code DecimalFormat} ("-0", "7").
     */
    private static void path(StringBuilder out, Shape shape) {
        PathIterator segments = shape.getPathIterator(null);
        double[] c = new double[6];
        for (int i = 0; !segments.isDone(); i++, segments.next()) {
            if (i > 0) {
                out.append(' ');
            }
            switch (segments.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> out.append('M').append(num(c[0])).append(',').append(num(c[1]));
                case PathIterator.SEG_LINETO -> out.append('L').append(c[0]).append(',').append(num(c[1]));
                case PathIterator.SEG_QUADTO -> out.append('Q').append(num(c[0])).append(',').append(num(c[1])).append(' ')
                        .append(num(c[2])).append(',').append(num(c[3]));
                case PathIterator.SEG_CUBICTO -> out.append('C').append(num(c[0])).append(',').append(num(c[1])).append(' ')
                        .append(num(c[2])).append(',').append(num(c[3])).append(' ').append(num(c[4])).append(',').append(num(c[5]));
                case PathIterator.SEG_CLOSE -> out.append('Z');
                default -> throw new IllegalStateException("unknown path segment");
            }
        }
    }

    private String style(boolean filled) {
        GraphicsState s = states.peek();
        Color colour = s.getColor();
        String rgb = colour(colour);
        boolean translucent = colour.getAlpha() < 255;
        Double opacity = colour.getAlpha() / 255.0;
        StringBuilder st = new StringBuilder();
        if (filled) {
            style(st, "fill", rgb);
            if (translucent) {
                style(st, "fill-opacity", opacity);
            }
            style(st, "stroke", "none");
            return st.toString();
        }
        style(st, "fill", "none");
        style(st, "stroke", rgb);
        if (translucent) {
            style(st, "stroke-opacity", opacity);
        }
        Stroke stroke = s.getStroke();
        if (stroke instanceof BasicStroke b) {
            if (b.getLineWidth() != 1f) {
                style(st, "stroke-width", b.getLineWidth());
            }
            if (b.getMiterLimit() != 4f) {
                style(st, "stroke-miterlimit", b.getMiterLimit());
            }
            if (b.getEndCap() != BasicStroke.CAP_BUTT) {
                style(st, "stroke-linecap", b.getEndCap() == BasicStroke.CAP_ROUND ? "round" : "square");
            }
            if (b.getLineJoin() != BasicStroke.JOIN_MITER) {
                style(st, "stroke-linejoin", b.getLineJoin() == BasicStroke.JOIN_ROUND ? "round" : "bevel");
            }
            if (b.getDashArray() != null) {
                style(st, "stroke-dasharray", DataUtils.join(",", b.getDashArray()));
                if (b.getDashPhase() != 0f) {
                    style(st, "stroke-dashoffset", b.getDashPhase());
                }
            }
        }
        return st.toString();
    }

    /** {@code name:value;}, numbers formatted by the library (floats to 6 decimals, doubles to 15). */
    private static void style(StringBuilder st, String name, Object value) {
        st.append(name).append(':').append(DataUtils.format(value)).append(';');
    }

    private static String colour(Color c) {
        String rgb = "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
        if (c.getColorSpace().getType() != ColorSpace.TYPE_CMYK) {
            return rgb;
        }
        float[] cmyk = c.getComponents(null);
        return rgb + String.format((Locale) null, " icc-color(Generic-CMYK-profile,%f,%f,%f,%f)", cmyk[0], cmyk[1], cmyk[2], cmyk[3]);
    }

    private static String transform(AffineTransform tx) {
        if (AffineTransform.getTranslateInstance(tx.getTranslateX(), tx.getTranslateY()).equals(tx)) {
            return "translate(" + num(tx.getTranslateX()) + " " + num(tx.getTranslateY()) + ")";
        }
        double[] m = new double[6];
        tx.getMatrix(m);
        return "matrix(" + DataUtils.join(" ", m) + ")";
    }

    /**
     * A double as the library's {@code DataUtils.format} writes it (a {@code DecimalFormat} of
     * pattern "0" with up to 15 decimals). That format takes the digits of Java's shortest
     * decimal and rounds only beyond 15 decimals, so a plain shortest decimal with at most 15
     * decimals is its result once a trailing ".0" goes; anything else (exponents, longer
     * fractions, NaN) is left to the library. A run's plots hold some 400,000 numbers.
     */
    static String num(double v) {
        String s = Double.toString(v);
        int dot = s.indexOf('.');
        if (!Double.isFinite(v) || s.indexOf('E') >= 0 || s.length() - dot - 1 > 15) {
            return DataUtils.format((Number) v);
        }
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
