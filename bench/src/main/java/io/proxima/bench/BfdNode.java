package io.proxima.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.proxima.bfd.BfdBgpBinding;
import io.proxima.bfd.BfdService;
import io.proxima.bfd.BfdServiceConfig;
import io.proxima.bfd.SessionConfig;
import io.proxima.bfd.SessionKey;
import io.proxima.bfd.SessionState;
import io.proxima.bgp.fsm.State;
import io.proxima.bgp.rib.Advertisement;
import io.proxima.bgp.session.PeerConfig;
import io.proxima.bgp.speaker.BgpSpeaker;
import io.proxima.bgp.speaker.SpeakerConfig;
import io.proxima.bgp.speaker.SpeakerListener;
import io.proxima.bgp.wire.ErrorCode;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Notification;
import io.proxima.bgp.wire.Prefix;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The node of the BFD benchmarks (bench/bfd-failover.sh), run as its own JVM in the speaker's
 * namespace: Proxima's speaker announcing one route to a neighbor, with a BFD session beside it
 * wired as the daemon wires it ({@link BfdBgpBinding}: Cease / BFD Down), or without BFD.
 * Optionally it makes garbage on a thread of its own, to put the collector under pressure.
 *
 * <p>Prints, each with the wall clock in epoch µs: {@code ESTABLISHED <µs>}, {@code BGP_DOWN <µs>
 * <reason>}, {@code BFD <µs> <from> <to> <diagnostic code> <failure> <reason>}, {@code GC <µs>
 * <collector> <pause ms>}, {@code PRESSURE <µs>} when the garbage starts. Runs until killed.
 *
 * <pre>
 *   BfdNode LOCAL_ADDRESS NEIGHBOR LOCAL_AS NEIGHBOR_AS HOLD ROUTE BFD_MS MULT LIVE_MB ALLOC_MB_PER_S PRESSURE_AFTER_S
 * </pre>
 * BFD_MS 0: no BFD. LIVE_MB 0: no garbage. The garbage starts PRESSURE_AFTER_S seconds after BFD
 * (or BGP, without BFD) first comes up.
 */
public final class BfdNode {

    /** Each garbage object; small, so that a full collection has many to trace. */
    static final int CHUNK = 1024;
    /** How often the garbage thread checks its allocation budget. */
    static final int BATCH = 1024;

    private BfdNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 11) {
            System.err.println("usage: BfdNode LOCAL_ADDRESS NEIGHBOR LOCAL_AS NEIGHBOR_AS HOLD ROUTE BFD_MS MULT LIVE_MB ALLOC_MB_PER_S PRESSURE_AFTER_S");
            System.exit(2);
        }
        InetAddress local = InetAddress.getByName(args[0]);
        InetAddress neighbor = InetAddress.getByName(args[1]);
        long localAs = Long.parseLong(args[2]);
        long neighborAs = Long.parseLong(args[3]);
        int hold = Integer.parseInt(args[4]);
        Prefix route = Prefix.parse(args[5]);
        int bfdMs = Integer.parseInt(args[6]);
        int mult = Integer.parseInt(args[7]);
        int liveMb = Integer.parseInt(args[8]);
        int allocMbPerS = Integer.parseInt(args[9]);
        int pressureAfter = Integer.parseInt(args[10]);

        watchGc();
        BgpSpeaker speaker = BgpSpeaker.start(new SpeakerConfig(localAs, IpAddress.of(local), List.of(), 1));
        Runnable pressure = () -> startGarbage(liveMb, allocMbPerS, pressureAfter);
        speaker.addListener(new SpeakerListener() {
            boolean started;

            @Override
            public void peerStateChanged(IpAddress peer, State from, State to, String reason) {
                if (to == State.ESTABLISHED) {
                    System.out.println("ESTABLISHED " + Clock.epochMicros());
                    if (bfdMs == 0 && !started) {
                        started = true;
                        pressure.run();
                    }
                } else if (from == State.ESTABLISHED) {
                    System.out.println("BGP_DOWN " + Clock.epochMicros() + " " + reason);
                }
            }
        });
        if (bfdMs > 0) {
            BfdService bfd = BfdService.start(BfdServiceConfig.defaults());
            bfd.addListener(new BfdBgpBinding((address, reason) -> speaker.abortPeer(IpAddress.of(address),
                    Notification.cease(ErrorCode.CEASE_BFD_DOWN, reason), reason)));
            boolean[] started = {false};
            bfd.addListener(c -> {
                System.out.println("BFD " + Clock.epochMicros() + " " + c.from().rfcName() + " " + c.to().rfcName() + " "
                        + c.diagnostic().code() + " " + c.signalsFailure() + " " + c.reason());
                if (c.to() == SessionState.UP && !started[0]) {
                    started[0] = true;
                    pressure.run();
                }
            });
            bfd.addSession(SessionConfig.of(SessionKey.of(neighbor, local), Duration.ofMillis(bfdMs), mult)).get();
        }
        speaker.addPeer(PeerConfig.of(IpAddress.of(neighbor), neighborAs).withLocalAddress(IpAddress.of(local))
                .withHoldTime(hold).withFamilies(Set.of(Family.IPV4_UNICAST))).get();
        speaker.announce(List.of(Advertisement.of(route))).get();
        Thread.currentThread().join();
    }

    /** Prints every collection's pause, from the JVM's own notifications. */
    private static void watchGc() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                GarbageCollectionNotificationInfo i = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                System.out.println("GC " + Clock.epochMicros() + " " + i.getGcName().replace(' ', '_') + " " + i.getGcInfo().getDuration());
            }, null, null);
        }
    }

    /**
     * A ring of {@code liveMb} of 1 KB arrays, overwritten round and round at {@code allocMbPerS}:
     * every array lives long enough to be promoted, so the old generation fills and is collected
     * in full again and again.
     */
    private static void startGarbage(int liveMb, int allocMbPerS, int afterSeconds) {
        if (liveMb == 0) return;
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(afterSeconds * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("PRESSURE " + Clock.epochMicros());
            byte[][] ring = new byte[liveMb * (1024 * 1024 / CHUNK)][];
            long bytesPerMicro = allocMbPerS; // 1 MB/s is about one byte per µs
            long start = System.nanoTime();
            long allocated = 0;
            int i = 0;
            while (true) {
                for (int k = 0; k < BATCH; k++) {
                    ring[i] = new byte[CHUNK];
                    i = (i + 1) % ring.length;
                }
                allocated += (long) BATCH * CHUNK;
                long dueMicros = allocated / Math.max(1, bytesPerMicro);
                long aheadMicros = dueMicros - (System.nanoTime() - start) / 1000;
                if (aheadMicros > 1000) {
                    try {
                        Thread.sleep(aheadMicros / 1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "garbage");
        t.setDaemon(true);
        t.start();
    }
}
