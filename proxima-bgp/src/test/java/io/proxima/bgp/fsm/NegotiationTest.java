package io.proxima.bgp.fsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.wire.ErrorCode;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Open;
import io.proxima.bgp.wire.cap.FourOctetAs;
import io.proxima.bgp.wire.cap.Multiprotocol;
import io.proxima.bgp.wire.cap.RouteRefreshCapability;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NegotiationTest {

    static final IpAddress ID = IpAddress.parse("192.0.2.1");
    static final IpAddress PEER_ID = IpAddress.parse("192.0.2.2");

    static OpenPolicy policy(long remoteAs, int hold) {
        return new OpenPolicy(65001, ID, remoteAs, hold, Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST), true, false, -1, false);
    }

    @Test
    void agreesOnTheSmallerHoldTimeAndCommonFamilies() {
        Open remote = Open.of(65000, 30, PEER_ID, List.of(new Multiprotocol(Family.IPV6_UNICAST), RouteRefreshCapability.INSTANCE,
                new FourOctetAs(65000)));
        Negotiated n = ((Negotiation.Agreed) Negotiation.negotiate(policy(65000, 9), remote)).negotiated();
        assertThat(n.holdTime()).isEqualTo(9);
        assertThat(n.keepaliveTime()).isEqualTo(3);
        assertThat(n.families()).containsExactly(Family.IPV6_UNICAST);
        assertThat(n.fourOctetAs()).isTrue();
        assertThat(n.routeRefresh()).isTrue();
        assertThat(n.enhancedRouteRefresh()).isFalse();
        assertThat(n.extendedMessage()).isFalse(); // we offered, they did not
    }

    @Test
    void noMultiprotocolCapabilityMeansIpv4Unicast() {
        Open remote = Open.of(65000, 90, PEER_ID, List.of());
        Negotiated n = ((Negotiation.Agreed) Negotiation.negotiate(policy(65000, 9), remote)).negotiated();
        assertThat(n.families()).containsExactly(Family.IPV4_UNICAST); // RFC 4760 §8
        assertThat(n.fourOctetAs()).isFalse();
    }

    @Test
    void aWrongPeerAsIsBadPeerAs() {
        Open remote = Open.of(65099, 90, PEER_ID, List.of(new FourOctetAs(65099)));
        var r = (Negotiation.Refused) Negotiation.negotiate(policy(65000, 9), remote);
        assertThat(r.notification().code()).isEqualTo(ErrorCode.OPEN_MESSAGE);
        assertThat(r.notification().subcode()).isEqualTo(ErrorCode.OPEN_BAD_PEER_AS);
    }

    @Test
    void aFourOctetPeerAsIsReadFromTheCapability() {
        Open remote = Open.of(4_200_000_000L, 90, PEER_ID, List.of(new FourOctetAs(4_200_000_000L)));
        assertThat(remote.myAs()).isEqualTo(FourOctetAs.AS_TRANS);
        assertThat(Negotiation.negotiate(policy(4_200_000_000L, 9), remote)).isInstanceOf(Negotiation.Agreed.class);
    }

    @Test
    void anInternalPeerWithOurIdentifierIsBadBgpIdentifier() {
        Open remote = Open.of(65001, 90, ID, List.of(new FourOctetAs(65001)));
        var r = (Negotiation.Refused) Negotiation.negotiate(policy(65001, 9), remote);
        assertThat(r.notification().subcode()).isEqualTo(ErrorCode.OPEN_BAD_BGP_IDENTIFIER);
    }
}
