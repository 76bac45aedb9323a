package io.proxima.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** The zone of DESIGN.md's config sketch, plus the records the tests need. */
final class TestZones {

    static final String ORIGIN = "example.net.";
    /** Five TXT strings of 200 octets: about 1 KB, beyond 512 octets but within 1232. */
    static final int BIG_TXT_RECORDS = 5;
    static final int BIG_TXT_LENGTH = 200;

    private TestZones() {
    }

    static List<String> lines() {
        List<String> lines = new ArrayList<>(List.of(
                "@ 3600 SOA ns1.example.net. hostmaster.example.net. 1 3600 600 86400 60",
                "@ 3600 NS ns1.example.net.",
                "ns1 3600 A 198.51.100.75",
                "www 60 A 198.51.100.80",
                "www 60 AAAA 2001:db8:75::80",
                "www 60 TXT \"v=1\" \"hello world\"",
                "a.b.deep 60 A 198.51.100.81"));
        for (int i = 0; i < BIG_TXT_RECORDS; i++) lines.add("big 60 TXT \"" + String.valueOf((char) ('a' + i)).repeat(BIG_TXT_LENGTH) + "\"");
        return lines;
    }

    static Zone zone() {
        return Zone.parse(ORIGIN, lines());
    }

    /** Loopback, an ephemeral port, node name {@code site-a}, hand-off {@code here.example.net.} to 203.0.113.2. */
    static ResponderConfig config(String nodeName) {
        return ResponderConfig.of(List.of(new InetSocketAddress(address("127.0.0.1"), 0)), nodeName, zone())
                .withHandoff(new ResponderConfig.Handoff("here.example.net.", address("203.0.113.2")));
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no lookup
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
