package io.proxima.bfd;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A session's counters since it was added, as an immutable snapshot.
 *
 * @param packetsReceived packets demultiplexed to the session and authenticated, which the state
 *                        machine then processes (or discards while AdminDown, or for an A bit that
 *                        does not match the configuration)
 * @param packetsSent     packets handed to the socket
 * @param sendErrors      writes the socket refused (no route, link down)
 * @param upTransitions   times the session reached Up
 * @param failures        changes that {@linkplain StateChange#signalsFailure() signal a failure}
 * @param dropped         discarded packets by rule; reasons never seen are absent
 */
public record Counters(long packetsReceived, long packetsSent, long sendErrors, long upTransitions, long failures,
                       Map<DropReason, Long> dropped) {

    public Counters {
        EnumMap<DropReason, Long> copy = new EnumMap<>(DropReason.class);
        copy.putAll(dropped);
        dropped = Collections.unmodifiableMap(copy);
    }

    public long dropped(DropReason reason) {
        return dropped.getOrDefault(reason, 0L);
    }

    /** Drops of packets that broke a rule ({@link DropReason#malformed()}), all reasons together. */
    public long malformedDropped() {
        return dropped.entrySet().stream().filter(e -> e.getKey().malformed()).mapToLong(Map.Entry::getValue).sum();
    }
}
