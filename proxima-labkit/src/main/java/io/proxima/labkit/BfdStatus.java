package io.proxima.labkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One BFD session as a lab daemon reports it: BIRD's {@code show bfd sessions} row, or an entry of
 * FRR's {@code show bfd peers json}. Fields a daemon does not show are -1.
 *
 * @param peer              the neighbor's address
 * @param interfaceName     the link, or "" if not shown
 * @param state             normalised: {@code up}, {@code down}, {@code init} or {@code admindown}
 * @param intervalMs        BIRD: the transmit interval in use, max(its min tx, our min rx), ms
 * @param timeoutMs         BIRD: its Detection Time for us, our multiplier × max(its min rx, our min tx), ms
 * @param receiveMs         FRR: its configured receive interval
 * @param transmitMs        FRR: its configured transmit interval
 * @param multiplier        FRR: its configured multiplier
 * @param remoteReceiveMs   FRR: our Required Min RX Interval as it received it
 * @param remoteTransmitMs  FRR: our Desired Min TX Interval as it received it
 * @param remoteMultiplier  FRR: our Detect Mult as it received it
 * @param diagnostic        FRR: its local diagnostic ("ok", "control detection time expired", …), "" for BIRD
 */
public record BfdStatus(String peer, String interfaceName, String state, long intervalMs, long timeoutMs,
                        long receiveMs, long transmitMs, int multiplier, long remoteReceiveMs, long remoteTransmitMs,
                        int remoteMultiplier, String diagnostic) {

    /**
     * BIRD 2.0.12:
     * <pre>
     * bfd1:
     * IP address                Interface  State      Since         Interval  Timeout
     * 203.0.113.42              va         Up         12:53:18.826    0.300    0.750
     * </pre>
     */
    private static final Pattern BIRD_ROW = Pattern.compile(
            "^(\\S+)\\s+(\\S+)\\s+(AdminDown|Down|Init|Up)\\s+(.+?)\\s+(\\d+)\\.(\\d{3})\\s+(\\d+)\\.(\\d{3})\\s*$");

    public boolean up() {
        return state.equals("up");
    }

    static List<BfdStatus> parseBird(String output) {
        List<BfdStatus> out = new ArrayList<>();
        for (String line : output.lines().toList()) {
            Matcher m = BIRD_ROW.matcher(line.strip());
            if (!m.matches()) continue;
            out.add(new BfdStatus(m.group(1), m.group(2), m.group(3).toLowerCase(Locale.ROOT),
                    millis(m.group(5), m.group(6)), millis(m.group(7), m.group(8)), -1, -1, -1, -1, -1, -1, ""));
        }
        return out;
    }

    /** FRR 8.4's {@code show bfd peers json}: an array of peers, intervals in ms, status up/down/init/shutdown. */
    static List<BfdStatus> parseFrr(JsonNode doc) {
        List<BfdStatus> out = new ArrayList<>();
        for (JsonNode p : doc) {
            String status = p.path("status").asText("");
            out.add(new BfdStatus(p.path("peer").asText(""), p.path("interface").asText(""),
                    status.equals("shutdown") ? "admindown" : status, -1, -1,
                    p.path("receive-interval").asLong(-1), p.path("transmit-interval").asLong(-1), p.path("detect-multiplier").asInt(-1),
                    p.path("remote-receive-interval").asLong(-1), p.path("remote-transmit-interval").asLong(-1),
                    p.path("remote-detect-multiplier").asInt(-1), p.path("diagnostic").asText("")));
        }
        return out;
    }

    /** The session with {@code peer}, compared as addresses: 2001:db8::2 and 2001:db8:0:0:0:0:0:2 are one. */
    static Optional<BfdStatus> find(List<BfdStatus> all, String peer) {
        String wanted = canonical(peer);
        return all.stream().filter(s -> canonical(s.peer()).equals(wanted)).findFirst();
    }

    private static String canonical(String address) {
        if (!address.matches("[0-9A-Fa-f:.]+")) return address; // not a literal: never resolve names here
        try {
            return java.net.InetAddress.getByName(address).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return address;
        }
    }

    private static long millis(String seconds, String thousandths) {
        return Long.parseLong(seconds) * 1000 + Long.parseLong(thousandths);
    }
}
