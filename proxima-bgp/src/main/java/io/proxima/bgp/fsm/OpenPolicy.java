package io.proxima.bgp.fsm;

import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Open;
import io.proxima.bgp.wire.cap.Capability;
import io.proxima.bgp.wire.cap.EnhancedRouteRefresh;
import io.proxima.bgp.wire.cap.ExtendedMessage;
import io.proxima.bgp.wire.cap.ExtendedNextHop;
import io.proxima.bgp.wire.cap.FourOctetAs;
import io.proxima.bgp.wire.cap.GracefulRestart;
import io.proxima.bgp.wire.cap.Multiprotocol;
import io.proxima.bgp.wire.cap.RouteRefreshCapability;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What this speaker offers in its OPEN and what it insists on from the peer.
 *
 * @param remoteAs           the AS the peer must have (RFC 4271 §6.2 Bad Peer AS otherwise)
 * @param holdTime           seconds; 0 or at least 3 (RFC 4271 §4.2)
 * @param families           the address families to negotiate (RFC 4760)
 * @param extendedNextHop    offer IPv4 unicast with an IPv6 next hop (RFC 8950)
 * @param gracefulRestartTime seconds to offer in the Graceful Restart capability, or -1 for none
 *                           (RFC 4724: opt-in, because it keeps a dead node's routes alive)
 * @param restarting         set the Restart State bit: this process has just restarted
 */
public record OpenPolicy(long localAs, IpAddress routerId, long remoteAs, int holdTime, Set<Family> families,
                         boolean extendedMessage, boolean extendedNextHop, int gracefulRestartTime, boolean restarting) {

    public OpenPolicy {
        if (holdTime != 0 && (holdTime < MessageLimits.MIN_HOLD_TIME || holdTime > 0xFFFF)) {
            throw new IllegalArgumentException("hold time must be 0 or 3..65535 s, not " + holdTime);
        }
        if (routerId.v6() || routerId.isUnspecified()) throw new IllegalArgumentException("router id must be a non-zero IPv4 address");
        families = Set.copyOf(families);
        if (gracefulRestartTime > GracefulRestart.MAX_RESTART_TIME) throw new IllegalArgumentException("restart time " + gracefulRestartTime);
    }

    public boolean ebgp() {
        return localAs != remoteAs;
    }

    /** Our OPEN (RFC 4271 §4.2, RFC 5492): every capability in one optional parameter. */
    public Open open() {
        List<Capability> caps = new ArrayList<>();
        for (Family f : families.stream().sorted((a, b) -> a.afi() != b.afi() ? a.afi() - b.afi() : a.safi() - b.safi()).toList()) {
            caps.add(new Multiprotocol(f));
        }
        caps.add(RouteRefreshCapability.INSTANCE);
        caps.add(EnhancedRouteRefresh.INSTANCE);
        caps.add(new FourOctetAs(localAs));
        if (extendedMessage) caps.add(ExtendedMessage.INSTANCE);
        if (extendedNextHop && families.contains(Family.IPV4_UNICAST)) {
            caps.add(new ExtendedNextHop(List.of(new ExtendedNextHop.Entry(Family.IPV4_UNICAST, Family.AFI_IPV6))));
        }
        if (gracefulRestartTime >= 0) {
            List<GracefulRestart.Entry> entries = new ArrayList<>();
            for (Family f : families) entries.add(new GracefulRestart.Entry(f, restarting ? GracefulRestart.AF_FORWARDING_STATE : 0));
            caps.add(new GracefulRestart(restarting ? GracefulRestart.FLAG_RESTART_STATE : 0, gracefulRestartTime, entries));
        }
        return Open.of(localAs, holdTime, routerId, caps);
    }
}
