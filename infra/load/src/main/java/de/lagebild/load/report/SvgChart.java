package de.lagebild.load.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A line chart as inline SVG: no script, no external asset, so the report stays one file. */
final class SvgChart {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int WIDTH = 980;
    private static final int HEIGHT = 300;
    private static final int LEFT = 70;
    private static final int RIGHT = 300;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;
    private static final double GAP = 2.5;

    /** One line; {@code dashed} draws it dashed in the colour of the line before it (p50 beside p99). */
    record Series(String name, double[] xs, double[] ys, boolean dashed) {
    }

    /** A label on the x axis at a position of the x scale. */
    record Tick(double x, String label) {
    }

    private SvgChart() {
    }

    static String render(String title, String xLabel, String yLabel, List<Series> series, List<Tick> xTicks) {
        double maxX = 0;
        double maxY = 0;
        for (Series s : series) {
            for (double x : s.xs()) {
                maxX = Math.max(maxX, x);
            }
            for (double y : s.ys()) {
                maxY = Math.max(maxY, y);
            }
        }
        maxX = maxX <= 0 ? 1 : maxX;
        maxY = niceCeiling(maxY);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"13\" font-weight=\"bold\">%s</text>",
                LEFT, HtmlReport.escape(title)));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" "
                + "stroke=\"#999\"/>", LEFT, TOP, plotW, plotH));
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH - plotH * i / 4;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT, LEFT + plotW, y, y, LEFT - 4,
                    y + 4, number(maxY * i / 4)));
        }
        List<Tick> ticks = xTicks;
        if (ticks == null) {
            ticks = new ArrayList<>();
            for (int i = 0; i <= 5; i++) {
                ticks.add(new Tick(maxX * i / 5, number(maxX * i / 5)));
            }
        }
        for (Tick tick : ticks) {
            double x = LEFT + plotW * tick.x() / maxX;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x,
                    TOP + (int) plotH + 14, HtmlReport.escape(tick.label())));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                LEFT + plotW / 2, HEIGHT - 6, HtmlReport.escape(xLabel)));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(14,%.0f) rotate(-90)\" text-anchor=\"middle\">"
                + "%s</text>", TOP + plotH / 2, HtmlReport.escape(yLabel)));
        int colour = -1;
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            colour = s.dashed() ? Math.max(colour, 0) : colour + 1;
            String stroke = COLOURS[colour % COLOURS.length];
            // a gap of more than GAP on the x axis (a second without values, a process that was down) breaks the line
            StringBuilder points = new StringBuilder();
            for (int p = 0; p < s.xs().length; p++) {
                if (p > 0 && s.xs()[p] - s.xs()[p - 1] > GAP) {
                    svg.append(polyline(stroke, s.dashed(), points));
                    points.setLength(0);
                }
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + plotW * s.xs()[p] / maxX,
                        TOP + plotH - plotH * Math.min(s.ys()[p], maxY) / maxY));
            }
            svg.append(polyline(stroke, s.dashed(), points));
            double legendY = TOP + 12 + 14 * i;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.0f\" y2=\"%.0f\" stroke=\"%s\" "
                    + "stroke-width=\"2\"%s/><text x=\"%.0f\" y=\"%.0f\">%s</text>", LEFT + plotW + 10, LEFT + plotW + 28,
                    legendY - 4, legendY - 4, stroke, s.dashed() ? " stroke-dasharray=\"4 3\"" : "", LEFT + plotW + 32,
                    legendY, HtmlReport.escape(s.name())));
        }
        return svg.append("</svg>").toString();
    }

    private static String polyline(String stroke, boolean dashed, CharSequence points) {
        return String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"%s points=\"%s\"/>",
                stroke, dashed ? " stroke-dasharray=\"4 3\"" : "", points);
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least the value. */
    private static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String number(double value) {
        return value >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
