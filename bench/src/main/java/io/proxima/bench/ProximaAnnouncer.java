package io.proxima.bench;

import io.proxima.bgp.fsm.State;
import io.proxima.bgp.rib.Advertisement;
import io.proxima.bgp.session.PeerConfig;
import io.proxima.bgp.speaker.BgpSpeaker;
import io.proxima.bgp.speaker.PeerSnapshot;
import io.proxima.bgp.speaker.SpeakerConfig;
import io.proxima.bgp.speaker.SpeakerListener;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Proxima's side of the announce benchmark, run as its own JVM inside the speaker's namespace
 * ({@code ip netns exec NS java -cp benchmarks.jar io.proxima.bench.ProximaAnnouncer …}), fresh for
 * every repetition as a daemon would start: the desired set of {@code COUNT} /32s is given to the
 * speaker before the peer exists, so the whole table goes out at Established.
 *
 * <p>Prints {@code ESTABLISHED <epoch µs>} when the session comes up, {@code QUEUED <epoch µs>
 * <updates>} when the event loop is next free after it (the table is then encoded and handed to
 * the socket, though not necessarily on the wire), and {@code DOWN <reason>} if the session falls;
 * runs until killed.
 *
 * <pre>
 *   ProximaAnnouncer LOCAL_AS ROUTER_ID LOCAL_ADDRESS NEIGHBOR NEIGHBOR_AS HOLD COUNT
 * </pre>
 */
public final class ProximaAnnouncer {

    private ProximaAnnouncer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: ProximaAnnouncer LOCAL_AS ROUTER_ID LOCAL_ADDRESS NEIGHBOR NEIGHBOR_AS HOLD COUNT");
            System.exit(2);
        }
        long localAs = Long.parseLong(args[0]);
        IpAddress routerId = IpAddress.parse(args[1]);
        IpAddress local = IpAddress.parse(args[2]);
        IpAddress neighbor = IpAddress.parse(args[3]);
        long neighborAs = Long.parseLong(args[4]);
        int hold = Integer.parseInt(args[5]);
        int count = Integer.parseInt(args[6]);

        BgpSpeaker speaker = BgpSpeaker.start(new SpeakerConfig(localAs, routerId, List.of(), 1));
        speaker.addListener(new SpeakerListener() {
            @Override
            public void peerStateChanged(IpAddress peer, State from, State to, String reason) {
                if (to == State.ESTABLISHED) System.out.println("ESTABLISHED " + Clock.epochMicros());
                else if (from == State.ESTABLISHED) System.out.println("DOWN " + reason);
            }
        });
        List<Advertisement> routes = new ArrayList<>(count);
        for (Prefix p : BenchPrefixes.hosts(count)) routes.add(Advertisement.of(p));
        speaker.announce(routes).get();
        speaker.addPeer(PeerConfig.of(neighbor, neighborAs).withLocalAddress(local).withHoldTime(hold)
                .withFamilies(Set.of(Family.IPV4_UNICAST))).get();
        System.out.println("READY " + Clock.epochMicros());
        // A snapshot is taken on the speaker's event loop: the first one after Established returns
        // once the task that encoded the initial table has finished.
        while (true) {
            PeerSnapshot p = speaker.peer(neighbor);
            if (p.state() == State.ESTABLISHED) {
                System.out.println("QUEUED " + Clock.epochMicros() + " " + p.updatesOut());
                break;
            }
            Thread.sleep(1);
        }
        Thread.currentThread().join(); // until the lab stops this JVM
    }
}
