package io.proxima.lab;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The run as an SVG: one row per client over time, each probe a sliver coloured by the site that
 * answered it (grey: lost), the events as labelled vertical lines. Written by hand; one rectangle
 * per run of equal answers, so a minute of 10 ms probes stays a small file.
 */
final class Timeline {

    static final int WIDTH = 1000;
    static final int LEFT = 70;
    static final int RIGHT = 20;
    static final int TOP = 150;
    static final int ROW = 28;
    static final int GAP = 8;
    static final int LEGEND = 40;
    /** Site i's colour (1-based); colour-blind-safe (Okabe–Ito). */
    static final List<String> SITE_COLOURS = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7");
    static final String LOST_COLOUR = "#BBBBBB";
    static final String OTHER_COLOUR = "#000000";

    private Timeline() {
    }

    static String svg(List<Client> clients, List<LabRun.Mark> marks, String title) {
        Instant start = clients.stream().flatMap(c -> c.samples().stream()).map(Client.Sample::sent).min(Instant::compareTo).orElse(Instant.now());
        Instant end = clients.stream().flatMap(c -> c.samples().stream()).map(Client.Sample::sent).max(Instant::compareTo).orElse(start.plusSeconds(1));
        double span = Math.max(1, Duration.between(start, end).toMillis());
        double plot = WIDTH - LEFT - RIGHT;
        int height = TOP + clients.size() * (ROW + GAP) + LEGEND;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                WIDTH, height));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-size=\"13\">%s</text>%n", LEFT, escape(title)));
        for (int i = 0; i < clients.size(); i++) {
            Client c = clients.get(i);
            int y = TOP + i * (ROW + GAP);
            b.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">%s</text>%n", y + ROW / 2 + 4, c.name()));
            List<Client.Sample> s = c.samples();
            int runStart = 0;
            for (int k = 1; k <= s.size(); k++) {
                if (k < s.size() && s.get(k).instance().equals(s.get(runStart).instance())) continue;
                double x0 = LEFT + plot * Duration.between(start, s.get(runStart).sent()).toMillis() / span;
                double x1 = k < s.size() ? LEFT + plot * Duration.between(start, s.get(k).sent()).toMillis() / span : LEFT + plot;
                b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\"/>%n",
                        x0, y, Math.max(0.5, x1 - x0), ROW, colour(s.get(runStart).instance())));
                runStart = k;
            }
        }
        int bottom = TOP + clients.size() * (ROW + GAP);
        for (int m = 0; m < marks.size(); m++) {
            LabRun.Mark mark = marks.get(m);
            double x = LEFT + plot * Math.max(0, Duration.between(start, mark.at()).toMillis()) / span;
            int labelY = 34 + (m % 8) * 14;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\" stroke-dasharray=\"3,2\"/>%n",
                    x, labelY + 2, x, bottom));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>%n", x + 2, labelY, escape(mark.label())));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">0 s</text>%n", LEFT, bottom + 4));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.1f s</text>%n", WIDTH - RIGHT, bottom + 4, span / 1000));
        int lx = LEFT;
        for (int i = 0; i < SITE_COLOURS.size(); i++) {
            lx = legend(b, lx, bottom + 24, SITE_COLOURS.get(i), "site-" + (i + 1));
        }
        legend(b, lx, bottom + 24, LOST_COLOUR, "lost");
        b.append("</svg>\n");
        return b.toString();
    }

    private static int legend(StringBuilder b, int x, int y, String colour, String label) {
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
                x, y - 10, colour, x + 16, y, label));
        return x + 90;
    }

    static String colour(String instance) {
        if (instance.equals(Client.LOST)) return LOST_COLOUR;
        for (int i = 0; i < SITE_COLOURS.size(); i++) if (instance.equals("site-" + (i + 1))) return SITE_COLOURS.get(i);
        return OTHER_COLOUR;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
