package io.proxima.bgp.fsm;

import io.proxima.bgp.wire.ErrorCode;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.Notification;
import io.proxima.bgp.wire.Octets;
import io.proxima.bgp.wire.Open;
import io.proxima.bgp.wire.cap.Capability;
import io.proxima.bgp.wire.cap.EnhancedRouteRefresh;
import io.proxima.bgp.wire.cap.ExtendedMessage;
import io.proxima.bgp.wire.cap.ExtendedNextHop;
import io.proxima.bgp.wire.cap.FourOctetAs;
import io.proxima.bgp.wire.cap.GracefulRestart;
import io.proxima.bgp.wire.cap.Multiprotocol;
import io.proxima.bgp.wire.cap.RouteRefreshCapability;
import java.util.HashSet;
import java.util.Set;

/** Checks the peer's OPEN against our policy and works out what the session uses (RFC 4271 §6.2, RFC 5492). */
public final class Negotiation {

    private Negotiation() {
    }

    /** The outcome: the agreement, or the NOTIFICATION to send and why. */
    public sealed interface Result permits Agreed, Refused { }

    public record Agreed(Negotiated negotiated) implements Result { }

    public record Refused(Notification notification, String reason) implements Result { }

    public static Result negotiate(OpenPolicy policy, Open remote) {
        Open local = policy.open();
        boolean fourOctet = remote.capability(FourOctetAs.class).isPresent();
        long peerAs = remote.asn();
        if (peerAs != policy.remoteAs()) {
            // RFC 4271 §6.2: "If the Autonomous System field of the OPEN message is unacceptable,
            // then the Error Subcode MUST be set to Bad Peer AS."
            return new Refused(new Notification(ErrorCode.OPEN_MESSAGE, ErrorCode.OPEN_BAD_PEER_AS,
                    Octets.of((byte) (remote.myAs() >>> 8), (byte) remote.myAs())),
                    "peer AS " + peerAs + ", expected " + policy.remoteAs());
        }
        if (!policy.ebgp() && remote.bgpIdentifier().equals(policy.routerId())) {
            // RFC 6286 §2.2: an internal peer with our own BGP Identifier.
            return new Refused(new Notification(ErrorCode.OPEN_MESSAGE, ErrorCode.OPEN_BAD_BGP_IDENTIFIER),
                    "iBGP peer uses our BGP Identifier " + policy.routerId());
        }
        int hold = Math.min(policy.holdTime(), remote.holdTime());
        Set<Family> theirs = new HashSet<>();
        boolean routeRefresh = false, enhanced = false, extMessage = false, extNextHop = false;
        boolean sawMp = false;
        GracefulRestart gr = null;
        for (Capability c : remote.capabilities()) {
            switch (c) {
                case Multiprotocol mp -> { theirs.add(mp.family()); sawMp = true; }
                case RouteRefreshCapability r -> routeRefresh = true;
                case EnhancedRouteRefresh r -> enhanced = true;
                case ExtendedMessage m -> extMessage = true;
                case ExtendedNextHop e -> extNextHop |= e.entries().stream()
                        .anyMatch(x -> x.nlri().equals(Family.IPV4_UNICAST) && x.nextHopAfi() == Family.AFI_IPV6);
                case GracefulRestart g -> gr = g;
                default -> { }
            }
        }
        // RFC 4760 §8: a speaker without the Multiprotocol capability does IPv4 unicast only.
        if (!sawMp) theirs.add(Family.IPV4_UNICAST);
        Set<Family> families = new HashSet<>(policy.families());
        families.retainAll(theirs);
        return new Agreed(new Negotiated(peerAs, remote.bgpIdentifier(), hold, hold / 3, fourOctet, families,
                routeRefresh, routeRefresh && enhanced, extMessage && policy.extendedMessage(),
                extNextHop && policy.extendedNextHop(), java.util.Optional.ofNullable(gr), local, remote));
    }
}
