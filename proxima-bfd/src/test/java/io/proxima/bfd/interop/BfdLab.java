package io.proxima.bfd.interop;

import io.proxima.bfd.BfdService;
import io.proxima.bfd.BfdServiceConfig;
import io.proxima.bfd.SessionConfig;
import io.proxima.bfd.SessionKey;
import io.proxima.bfd.SessionSnapshot;
import io.proxima.bfd.SessionState;
import io.proxima.bfd.StateChange;
import io.proxima.labkit.Await;
import io.proxima.labkit.ExecResult;
import io.proxima.labkit.HostLink;
import io.proxima.labkit.Lab;
import io.proxima.labkit.LabException;
import io.proxima.labkit.Netns;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One lab for one daemon: a namespace holding it, a veth from this JVM's namespace into it, and a
 * {@link BfdService} in this JVM on the host end, on the real port 3784. Each test class gets its
 * own /30 of 203.0.113.32/28 and its own /64 of 2001:db8:200::/40, so classes never collide with
 * each other or with the BGP interop tests (203.0.113.0–.19, 2001:db8:101–104::/64).
 */
final class BfdLab implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** Fixed, and printed, so that a failing run's discriminators and jitter can be replayed. */
    static final long SEED = 5880_5881L;
    /** Sends octets as UDP with a given TTL from inside a namespace: the test's raw sender. */
    private static final String RAW_SENDER = String.join("\n",
            "import socket, sys",
            "src, dst, port, ttl = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])",
            "v6 = ':' in dst",
            "s = socket.socket(socket.AF_INET6 if v6 else socket.AF_INET, socket.SOCK_DGRAM)",
            "s.setsockopt(socket.IPPROTO_IPV6 if v6 else socket.IPPROTO_IP, socket.IPV6_UNICAST_HOPS if v6 else socket.IP_TTL, ttl)",
            "s.bind((src, 0))",
            "for h in sys.argv[5:]: s.sendto(bytes.fromhex(h), (dst, port))");

    final Lab lab;
    final Netns ns;
    final HostLink link;
    /** Our end (this JVM) and the daemon's end. */
    final InetAddress hostV4, hostV6, peerV4, peerV6;
    final List<StateChange> events = new CopyOnWriteArrayList<>();
    BfdService bfd;

    /** {@code index} 0..3 picks 203.0.113.(32 + 4i)/30 and 2001:db8:(201 + i)::/64. */
    BfdLab(String name, int index) {
        lab = Lab.create();
        try {
            ns = lab.netns(name);
            String p4 = "203.0.113." + (33 + 4 * index), h4 = "203.0.113." + (34 + 4 * index);
            String net6 = "2001:db8:" + Integer.toHexString(0x201 + index);
            String p6 = net6 + "::1", h6 = net6 + "::2";
            link = lab.hostLink("b" + index, ns, "eth0").ipv4(h4 + "/30", p4 + "/30").ipv6(h6 + "/64", p6 + "/64").up();
            hostV4 = address(h4);
            hostV6 = address(h6);
            peerV4 = address(p4);
            peerV6 = address(p6);
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    void startBfd() {
        System.out.println("BfdLab " + lab.id() + ": seed " + SEED);
        bfd = BfdService.start(BfdServiceConfig.defaults().withSeed(SEED));
        bfd.addListener(events::add);
    }

    SessionKey v4() {
        return SessionKey.of(peerV4, hostV4);
    }

    SessionKey v6() {
        return SessionKey.of(peerV6, hostV6);
    }

    void add(SessionConfig c) throws Exception {
        bfd.addSession(c).get(10, TimeUnit.SECONDS);
    }

    SessionSnapshot snapshot(SessionKey k) {
        return bfd.session(k).orElseThrow(() -> new LabException("no BFD session " + k));
    }

    SessionState state(SessionKey k) {
        return snapshot(k).state();
    }

    void awaitState(SessionKey k, SessionState s) {
        Await.until(WAIT, () -> state(k) == s, "Proxima's BFD session " + k + " " + s + "; events " + events);
    }

    /** Waits for {@code s} and returns how long it took on the real clock, from {@code sinceNanos}. */
    Duration timeTo(SessionKey k, SessionState s, long sinceNanos) {
        awaitState(k, s);
        return Duration.ofNanos(System.nanoTime() - sinceNanos);
    }

    /** The events of one session so far. */
    List<StateChange> events(SessionKey k) {
        List<StateChange> out = new ArrayList<>();
        for (StateChange c : events) if (c.session().equals(k)) out.add(c);
        return out;
    }

    /** Sends each datagram from {@code from} (an address in the namespace) to our port 3784, with {@code ttl}. */
    void sendRaw(InetAddress from, InetAddress to, int ttl, byte[]... datagrams) {
        List<String> cmd = new ArrayList<>(List.of("python3", "-c", RAW_SENDER, from.getHostAddress(), to.getHostAddress(),
                Integer.toString(BfdServiceConfig.SINGLE_HOP_PORT), Integer.toString(ttl)));
        for (byte[] d : datagrams) cmd.add(HexFormat.of().formatHex(d));
        ExecResult r = ns.exec(cmd.toArray(String[]::new));
        r.orThrow();
    }

    @Override
    public void close() {
        try {
            if (bfd != null) bfd.close();
        } finally {
            lab.close();
        }
    }

    static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
