package io.bertlab.pretrain.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG (no script, no external resource): series of (x, y) points over shared axes with tick
 * labels, and a legend. Non-finite values are left out.
 */
final class LineChart {

    private static final int WIDTH = 560;
    private static final int HEIGHT = 280;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 64;
    private static final int TICKS = 6;

    /**
     * One line.
     *
     * @param name its legend
     * @param colour an SVG colour
     * @param dashed whether it is drawn dashed
     * @param points its (x, y) pairs in x order
     */
    record Series(String name, String colour, boolean dashed, List<double[]> points) {
    }

    private final String title;
    private final String xLabel;
    private final List<Series> series = new ArrayList<>();

    LineChart(String title, String xLabel) {
        this.title = title;
        this.xLabel = xLabel;
    }

    LineChart add(Series line) {
        List<double[]> finite = line.points().stream()
                .filter(p -> Double.isFinite(p[0]) && Double.isFinite(p[1])).toList();
        if (!finite.isEmpty()) {
            series.add(new Series(line.name(), line.colour(), line.dashed(), finite));
        }
        return this;
    }

    boolean isEmpty() {
        return series.isEmpty();
    }

    String svg() {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Series line : series) {
            for (double[] p : line.points()) {
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, p[1]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        if (series.isEmpty()) {
            minX = 0;
            maxX = 1;
            minY = 0;
            maxY = 1;
        }
        minX = Math.min(0, minX); // steps: the axis starts at the run's start
        if (maxX == minX) {
            maxX = minX + 1;
        }
        if (maxY == minY) {
            double pad = Math.max(Math.abs(minY) * 0.05, 1e-6);
            minY -= pad;
            maxY += pad;
        }
        double xStep = niceStep(maxX - minX);
        double yStep = niceStep(maxY - minY);
        minY = Math.floor(minY / yStep) * yStep;
        maxY = Math.ceil(maxY / yStep) * yStep;
        Scale x = new Scale(minX, maxX, LEFT, WIDTH - RIGHT);
        Scale y = new Scale(minY, maxY, HEIGHT - BOTTOM, TOP);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">", WIDTH, HEIGHT,
                WIDTH, HEIGHT));
        svg.append("<title>").append(Html.escape(title)).append("</title>");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-size=\"13\" font-weight=\"bold\">%s</text>",
                LEFT, Html.escape(title)));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                + " stroke=\"#999\"/>", LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM));
        for (double vx = Math.ceil(minX / xStep) * xStep; vx <= maxX + xStep * 1e-9; vx += xStep) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>",
                    x.at(vx), TOP, x.at(vx), HEIGHT - BOTTOM));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    x.at(vx), HEIGHT - BOTTOM + 14, number(vx, xStep)));
        }
        for (double vy = minY; vy <= maxY + yStep * 1e-9; vy += yStep) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>",
                    LEFT, y.at(vy), WIDTH - RIGHT, y.at(vy)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    LEFT - 4, y.at(vy) + 4, number(vy, yStep)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - BOTTOM + 30, Html.escape(xLabel)));
        int legendX = LEFT;
        for (Series line : series) {
            StringBuilder points = new StringBuilder();
            for (double[] p : line.points()) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.at(p[0]), y.at(p[1])));
            }
            String dash = line.dashed() ? " stroke-dasharray=\"5 3\"" : "";
            if (line.points().size() == 1) {
                double[] p = line.points().get(0);
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>",
                        x.at(p[0]), y.at(p[1]), line.colour()));
            } else {
                svg.append("<polyline fill=\"none\" stroke-width=\"1.8\" stroke=\"").append(line.colour()).append('"')
                        .append(dash).append(" points=\"").append(points.toString().trim()).append("\"/>");
            }
            int legendY = HEIGHT - 14;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
                    + " stroke-width=\"2\"%s/>", legendX, legendY - 4, legendX + 18, legendY - 4, line.colour(), dash));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", legendX + 22, legendY,
                    Html.escape(line.name())));
            legendX += 30 + 7 * line.name().length();
        }
        return svg.append("</svg>").toString();
    }

    /** A tick spacing of 1, 2 or 5 times a power of ten giving about {@value #TICKS} intervals over a range. */
    static double niceStep(double range) {
        double rough = range / TICKS;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }

    /** A tick label with as many decimals as the tick spacing needs. */
    static String number(double value, double step) {
        if (Math.abs(value) < step * 1e-9) {
            return "0";
        }
        if (Math.abs(value) >= 1e5 || step < 1e-4) {
            return String.format(Locale.ROOT, "%.2g", value);
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A linear map from values to pixels. */
    private record Scale(double min, double max, double from, double to) {
        double at(double value) {
            return from + (to - from) * (value - min) / (max - min);
        }
    }

    /** HTML text escaping. */
    static final class Html {
        private Html() {
        }

        static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
