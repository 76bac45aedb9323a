package io.proxima.bgp.rib;

import io.netty.buffer.Unpooled;
import io.proxima.bgp.wire.BgpMessage;
import io.proxima.bgp.wire.DecodeResult;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.MessageDecoder;
import io.proxima.bgp.wire.MessageEncoder;
import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.SessionFacts;
import io.proxima.bgp.wire.Update;
import io.proxima.bgp.wire.attr.AsPath;
import io.proxima.bgp.wire.attr.NextHop;
import io.proxima.bgp.wire.attr.Origin;
import io.proxima.bgp.wire.attr.PathAttribute;
import io.proxima.bgp.wire.nlri.Nlri;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Peers, attributes and UPDATEs for the RIB tests, written the way a reader says them. */
final class Routes {

    static final long LOCAL_AS = 65000;
    static final Set<Family> BOTH = Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);

    private Routes() {
    }

    static IpAddress ip(String s) {
        return IpAddress.parse(s);
    }

    static Prefix prefix(String s) {
        return Prefix.parse(s);
    }

    static Nlri nlri(String s) {
        return Nlri.of(s);
    }

    static List<Nlri> routes(String... s) {
        return Arrays.stream(s).map(Nlri::of).toList();
    }

    static PeerId ebgp(String address, long asn) {
        return PeerId.of(ip(address), asn, ip(address), LOCAL_AS);
    }

    static PeerId ebgp(String address, long asn, String bgpId) {
        return PeerId.of(ip(address), asn, ip(bgpId), LOCAL_AS);
    }

    static PeerId ibgp(String address, String bgpId) {
        return PeerId.of(ip(address), LOCAL_AS, ip(bgpId), LOCAL_AS);
    }

    static PeerId self() {
        return PeerId.local(LOCAL_AS, ip("192.0.2.254"));
    }

    /** ORIGIN IGP, the given AS_SEQUENCE, and any further attributes; next hop given separately. */
    static Attributes attrs(String nextHop, long[] path, PathAttribute... more) {
        List<PathAttribute> list = new ArrayList<>();
        list.add(new Origin(Origin.IGP));
        list.add(AsPath.sequence(path));
        list.addAll(List.of(more));
        return Attributes.of(list, ip(nextHop));
    }

    static long[] as(long... asns) {
        return asns;
    }

    /** An IPv4 UPDATE: ORIGIN IGP, AS_PATH, NEXT_HOP, the extra attributes, and the NLRI. */
    static Update announce(String nextHop, long[] path, List<Nlri> nlri, PathAttribute... more) {
        List<PathAttribute> list = new ArrayList<>();
        list.add(new Origin(Origin.IGP));
        list.add(AsPath.sequence(path));
        list.add(new NextHop(ip(nextHop)));
        list.addAll(List.of(more));
        return new Update(List.of(), list, nlri);
    }

    static Update withdraw(List<Nlri> nlri) {
        return new Update(nlri, List.of(), List.of());
    }

    /** Encodes and decodes a message, as the peer at the other end would see it. */
    static Update overTheWire(Update u, SessionFacts facts) {
        byte[] wire = MessageEncoder.toBytes(u, facts);
        DecodeResult r = MessageDecoder.decode(Unpooled.wrappedBuffer(wire), facts);
        if (!(r instanceof DecodeResult.Decoded d)) throw new AssertionError("does not decode: " + r);
        BgpMessage m = d.message();
        return (Update) m;
    }
}
