package io.proxima.bench;

import io.proxima.bgp.fsm.State;
import io.proxima.bgp.rib.Rejection;
import io.proxima.bgp.rib.RouteChange;
import io.proxima.bgp.session.PeerConfig;
import io.proxima.bgp.speaker.BgpSpeaker;
import io.proxima.bgp.speaker.SpeakerConfig;
import io.proxima.bgp.speaker.SpeakerListener;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.MessageError;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;

/**
 * Proxima's side of the receive benchmark, run as its own JVM inside the receiver's namespace so
 * that its CPU time and peak RSS are its own. A {@link BgpSpeaker} listens on port 179 for one
 * passive eBGP peer and announces nothing. In {@code router} mode it also runs the decision process
 * into a Loc-RIB, as BIRD, FRR and GoBGP do; in {@code speaker} mode it keeps the Adj-RIB-In only,
 * which is all an anycast speaker needs.
 *
 * <p>Counts the Adj-RIB-In from the speaker's own route-change events (on its event loop: +1 per
 * route added, −1 per route removed) and prints {@code ALL <epoch µs> <count>} the moment it
 * holds {@code EXPECTED} routes; also {@code LISTENING}, {@code ESTABLISHED}, and {@code COUNT}
 * every second. Runs until killed.
 *
 * <pre>
 *   ProximaReceiver LOCAL_AS ROUTER_ID LISTEN_ADDRESS NEIGHBOR NEIGHBOR_AS HOLD EXPECTED speaker|router
 * </pre>
 */
public final class ProximaReceiver {

    static final int PROGRESS_SECONDS = 1;

    // Written on the speaker's event loop only; read by the progress thread.
    private static volatile long held;
    private static volatile long rejected;
    private static volatile long updateErrors;
    private static volatile boolean reported;

    private ProximaReceiver() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 8) {
            System.err.println("usage: ProximaReceiver LOCAL_AS ROUTER_ID LISTEN_ADDRESS NEIGHBOR NEIGHBOR_AS HOLD EXPECTED speaker|router");
            System.exit(2);
        }
        long localAs = Long.parseLong(args[0]);
        IpAddress routerId = IpAddress.parse(args[1]);
        IpAddress listen = IpAddress.parse(args[2]);
        IpAddress neighbor = IpAddress.parse(args[3]);
        long neighborAs = Long.parseLong(args[4]);
        int hold = Integer.parseInt(args[5]);
        long expected = Long.parseLong(args[6]);
        boolean router = args[7].equals("router");

        SpeakerConfig cfg = new SpeakerConfig(localAs, routerId, List.of(new InetSocketAddress(listen.toInetAddress(), FeederSession.PORT)), 1);
        BgpSpeaker speaker = router ? BgpSpeaker.startRouter(cfg) : BgpSpeaker.start(cfg);
        speaker.addListener(new SpeakerListener() {
            @Override
            public void peerStateChanged(IpAddress peer, State from, State to, String reason) {
                if (to == State.ESTABLISHED) System.out.println("ESTABLISHED " + Clock.epochMicros());
                else if (from == State.ESTABLISHED) System.out.println("DOWN " + Clock.epochMicros() + " " + reason);
            }

            @Override
            public void routesReceived(IpAddress peer, List<RouteChange> changes) {
                long n = held;
                for (RouteChange c : changes) {
                    if (c instanceof RouteChange.Added) n++;
                    else if (c instanceof RouteChange.Removed) n--;
                }
                held = n;
                if (!reported && n >= expected) {
                    reported = true;
                    System.out.println("ALL " + Clock.epochMicros() + " " + n + " rejected " + rejected + " update-errors " + updateErrors);
                }
            }

            @Override
            public void routesRejected(IpAddress peer, List<Rejection> rejections) {
                long n = rejected;
                for (Rejection r : rejections) n += r.routes().size();
                rejected = n;
            }

            @Override
            public void updateError(IpAddress peer, MessageError error) {
                updateErrors++;
            }
        });
        speaker.addPeer(PeerConfig.of(neighbor, neighborAs).withPassive(true).withHoldTime(hold)
                .withFamilies(Set.of(Family.IPV4_UNICAST))).get();
        System.out.println("LISTENING " + Clock.epochMicros());
        while (true) {
            Thread.sleep(PROGRESS_SECONDS * 1000L);
            System.out.println("COUNT " + held + " rejected " + rejected + " update-errors " + updateErrors);
        }
    }
}
