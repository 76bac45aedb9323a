package io.proxima.lab;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The run as an SVG, written by hand: on top the whole run, one row per client, each probe a sliver
 * coloured by the site that answered it (grey: lost), the events as labelled dashed lines; below, one
 * zoomed panel per scenario from just before its event until the traffic had moved, where a
 * failover of a few hundred milliseconds is wide enough to see. One rectangle per run of equal
 * answers keeps the file small.
 */
final class Timeline {

    static final int WIDTH = 1000;
    static final int LEFT = 70;
    static final int RIGHT = 20;
    static final int TOP = 150;
    static final int ROW = 24;
    static final int GAP = 6;
    static final int PANEL_ROW = 12;
    static final int PANELS_PER_LINE = 2;
    static final int PANEL_GAP = 40;
    static final int PANEL_HEIGHT = 4 * (PANEL_ROW + 2) + 50;
    /** A panel starts this long before its event and ends this long after the slowest move. */
    static final Duration PANEL_BEFORE = Duration.ofMillis(300);
    static final Duration PANEL_AFTER = Duration.ofMillis(700);
    static final Duration PANEL_MIN = Duration.ofSeconds(2);
    /** Site i's colour (1-based); colour-blind-safe (Okabe–Ito). */
    static final List<String> SITE_COLOURS = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7");
    static final String LOST_COLOUR = "#BBBBBB";
    static final String OTHER_COLOUR = "#000000";

    private Timeline() {
    }

    static String svg(List<Client> clients, List<LabRun.Mark> marks, List<LabRun.Result> results, String title) {
        return svg(clients, marks, results, title, List.of());
    }

    /** With the ecmp scenario's TCP sessions, if any, in a panel of their own at the bottom. */
    static String svg(List<Client> clients, List<LabRun.Mark> marks, List<LabRun.Result> results, String title, List<SessionProbe> sessions) {
        Instant start = clients.stream().flatMap(c -> c.samples().stream()).map(Client.Sample::sent).min(Instant::compareTo).orElse(Instant.now());
        Instant end = clients.stream().flatMap(c -> c.samples().stream()).map(Client.Sample::sent).max(Instant::compareTo).orElse(start.plusSeconds(1));
        int overviewBottom = TOP + clients.size() * (ROW + GAP);
        int panelLines = (results.size() + PANELS_PER_LINE - 1) / PANELS_PER_LINE;
        int sessionsTop = overviewBottom + 50 + panelLines * PANEL_HEIGHT;
        int height = sessionsTop + 20 + SessionsPanel.height(sessions);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                WIDTH, height));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-size=\"13\">%s</text>%n", LEFT, escape(title)));
        rows(b, clients, LEFT, TOP, WIDTH - LEFT - RIGHT, ROW, GAP, start, end, true);
        double plot = WIDTH - LEFT - RIGHT;
        double span = Math.max(1, Duration.between(start, end).toMillis());
        for (int m = 0; m < marks.size(); m++) {
            LabRun.Mark mark = marks.get(m);
            double x = LEFT + plot * Math.max(0, Duration.between(start, mark.at()).toMillis()) / span;
            int labelY = 34 + (m % 8) * 14;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\" stroke-dasharray=\"3,2\"/>%n",
                    x, labelY + 2, x, overviewBottom));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>%n", x + 2, labelY, escape(mark.label())));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">0 s</text>%n", LEFT, overviewBottom + 8));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.1f s</text>%n", WIDTH - RIGHT, overviewBottom + 8, span / 1000));
        int lx = LEFT;
        for (int i = 0; i < SITE_COLOURS.size(); i++) lx = legend(b, lx, overviewBottom + 30, SITE_COLOURS.get(i), "site-" + (i + 1));
        legend(b, lx, overviewBottom + 30, LOST_COLOUR, "lost");
        int panelWidth = (WIDTH - LEFT - RIGHT - PANEL_GAP * (PANELS_PER_LINE - 1)) / PANELS_PER_LINE;
        for (int k = 0; k < results.size(); k++) {
            LabRun.Result r = results.get(k);
            int x = LEFT + (k % PANELS_PER_LINE) * (panelWidth + PANEL_GAP);
            int y = overviewBottom + 50 + (k / PANELS_PER_LINE) * PANEL_HEIGHT;
            Duration moved = r.clients().stream().map(LabRun.ClientResult::moved).filter(d -> d != null).max(Duration::compareTo).orElse(Duration.ZERO);
            Duration window = PANEL_BEFORE.plus(moved).plus(PANEL_AFTER);
            if (window.compareTo(PANEL_MIN) < 0) window = PANEL_MIN;
            Instant from = r.at().minus(PANEL_BEFORE);
            Instant to = from.plus(window);
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x, y + 12,
                    escape(r.scenario().id + " at " + r.site() + (r.announcer().equals(LabRun.PROXIMA)
                            ? (r.profile() == Profile.TUNED ? "" : " (profile " + r.profile() + ")")
                            // a frozen ExaBGP is found by the hold timer: the check profile has no part in it
                            : r.scenario() == Scenario.FROZEN_NODE ? " (" + r.announcer() + ")"
                            : " (ExaBGP, profile " + r.profile() + ")"))));
            int rowsTop = y + 20;
            rows(b, clients, x, rowsTop, panelWidth, PANEL_ROW, 2, from, to, false);
            double ex = x + panelWidth * (double) PANEL_BEFORE.toMillis() / window.toMillis();
            int rowsBottom = rowsTop + clients.size() * (PANEL_ROW + 2);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d00\"/>%n", ex, rowsTop - 4, ex, rowsBottom));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#d00\">event</text>%n", ex + 2, rowsBottom + 12));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">+%d ms</text>%n", x + panelWidth, rowsBottom + 12,
                    window.minus(PANEL_BEFORE).toMillis()));
        }
        SessionsPanel.draw(b, sessions, marks, LEFT, sessionsTop, WIDTH - LEFT - RIGHT);
        b.append("</svg>\n");
        return b.toString();
    }

    /** One row per client between {@code from} and {@code to}. */
    private static void rows(StringBuilder b, List<Client> clients, int left, int top, int width, int rowHeight, int gap,
                             Instant from, Instant to, boolean names) {
        double span = Math.max(1, Duration.between(from, to).toMillis());
        for (int i = 0; i < clients.size(); i++) {
            Client c = clients.get(i);
            int y = top + i * (rowHeight + gap);
            if (names) b.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">%s</text>%n", y + rowHeight / 2 + 4, c.name()));
            List<Client.Sample> s = c.samples().stream().filter(p -> !p.sent().isBefore(from) && !p.sent().isAfter(to)).toList();
            int runStart = 0;
            for (int k = 1; k <= s.size(); k++) {
                if (k < s.size() && s.get(k).instance().equals(s.get(runStart).instance())) continue;
                double x0 = left + width * Duration.between(from, s.get(runStart).sent()).toMillis() / span;
                double x1 = k < s.size() ? left + width * Duration.between(from, s.get(k).sent()).toMillis() / span : left + width;
                b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\"/>%n",
                        x0, y, Math.max(0.5, x1 - x0), rowHeight, colour(s.get(runStart).instance())));
                runStart = k;
            }
        }
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
