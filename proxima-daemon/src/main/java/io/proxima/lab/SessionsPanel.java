package io.proxima.lab;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The ecmp scenario's part of the timeline: one thin row per TCP session (the anycast ones, then the
 * hand-off ones), coloured by the site answering it, a red tick where it broke, and the scenario's
 * drains and undrains as dashed lines. Empty when the run had no ecmp scenario.
 */
final class SessionsPanel {

    static final int ROW = 6;
    static final int GAP = 1;
    static final int GROUP_GAP = 14;
    static final int HEADER = 24;
    static final int FOOTER = 30;
    static final String BROKEN_COLOUR = "#D00000";
    static final String MARK_PREFIX = "ecmp: ";

    private SessionsPanel() {
    }

    static int height(List<SessionProbe> probes) {
        if (probes.isEmpty()) return 0;
        return HEADER + probes.size() * (SessionProbe.SESSIONS * (ROW + GAP) + GROUP_GAP) + FOOTER;
    }

    static void draw(StringBuilder b, List<SessionProbe> probes, List<LabRun.Mark> marks, int left, int top, int width) {
        if (probes.isEmpty()) return;
        List<SessionProbe.Event> all = probes.stream().flatMap(p -> p.events().stream()).toList();
        if (all.isEmpty()) return;
        Instant from = all.stream().map(SessionProbe.Event::at).min(Instant::compareTo).orElseThrow();
        Instant to = all.stream().map(SessionProbe.Event::at).max(Instant::compareTo).orElseThrow().plusSeconds(1);
        double span = Math.max(1, Duration.between(from, to).toMillis());
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", left, top + 12, Timeline.escape(
                "ecmp: client-1's TCP sessions (" + SessionProbe.INTERVAL + " queries), coloured by the site answering; red tick: broken")));
        int y = top + HEADER;
        int bottom = top + height(probes) - FOOTER;
        for (LabRun.Mark m : marks) {
            if (!m.label().startsWith(MARK_PREFIX) || m.at().isBefore(from) || m.at().isAfter(to)) continue;
            double x = left + width * Duration.between(from, m.at()).toMillis() / span;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\" stroke-dasharray=\"3,2\"/>%n",
                    x, top + HEADER - 4, x, bottom));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>%n", x + 2, bottom + 12,
                    Timeline.escape(m.label().substring(MARK_PREFIX.length()))));
        }
        for (SessionProbe p : probes) {
            b.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">%s</text>%n", y + SessionProbe.SESSIONS * (ROW + GAP) / 2 + 4, p.label));
            List<SessionProbe.Event> events = p.events();
            for (int s = 1; s <= SessionProbe.SESSIONS; s++) {
                int session = s;
                int rowY = y + (s - 1) * (ROW + GAP);
                List<SessionProbe.Event> mine = events.stream().filter(e -> e.session() == session).toList();
                for (int k = 0; k < mine.size(); k++) {
                    SessionProbe.Event e = mine.get(k);
                    double x0 = left + width * Duration.between(from, e.at()).toMillis() / span;
                    if (e.kind().equals(SessionProbe.BROKEN)) {
                        b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"2\" height=\"%d\" fill=\"%s\"/>%n", x0, rowY, ROW, BROKEN_COLOUR));
                    } else if (e.kind().equals(SessionProbe.ANSWERED)) {
                        Instant end = k + 1 < mine.size() ? mine.get(k + 1).at() : to;
                        double x1 = left + width * Duration.between(from, end).toMillis() / span;
                        b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\"/>%n",
                                x0, rowY, Math.max(0.5, x1 - x0), ROW, Timeline.colour(e.instance())));
                    }
                }
            }
            y += SessionProbe.SESSIONS * (ROW + GAP) + GROUP_GAP;
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.1f s</text>%n", left + width, bottom + 24, span / 1000));
    }
}
