package io.proxima.bgp.wire;

import java.util.Set;

/**
 * What the two ends agreed on, passed explicitly to every decode and encode call. The codec keeps
 * no state of its own.
 *
 * @param fourOctetAs   RFC 6793: AS numbers in AS_PATH and AGGREGATOR are 4 octets
 * @param addPath       RFC 7911: families whose NLRI carry a path identifier in this direction
 * @param extendedMessage RFC 8654: messages may be up to 65535 octets
 * @param ribEntry      RFC 6396 §4.3.4: attributes come from an MRT RIB entry, where
 *                      MP_REACH_NLRI holds only the next-hop length and next hop
 */
public record SessionFacts(boolean fourOctetAs, Set<Family> addPath, boolean extendedMessage, boolean ribEntry) {

    /** A fresh RFC 4271 session: 2-octet AS, no ADD-PATH, 4096-octet messages. */
    public static final SessionFacts RFC4271 = new SessionFacts(false, Set.of(), false, false);
    /** A modern session: 4-octet AS, no ADD-PATH, 4096-octet messages. */
    public static final SessionFacts AS4 = new SessionFacts(true, Set.of(), false, false);

    public SessionFacts {
        addPath = Set.copyOf(addPath);
    }

    public boolean addPath(Family family) {
        return !addPath.isEmpty() && addPath.contains(family);
    }

    public int maxMessageLength() {
        return extendedMessage ? BgpMessage.MAX_EXTENDED_LENGTH : BgpMessage.MAX_LENGTH;
    }

    public SessionFacts withAddPath(Set<Family> families) {
        return new SessionFacts(fourOctetAs, families, extendedMessage, ribEntry);
    }

    public SessionFacts withExtendedMessage(boolean on) {
        return new SessionFacts(fourOctetAs, addPath, on, ribEntry);
    }

    public SessionFacts withFourOctetAs(boolean on) {
        return new SessionFacts(on, addPath, extendedMessage, ribEntry);
    }

    public SessionFacts withRibEntry(boolean on) {
        return new SessionFacts(fourOctetAs, addPath, extendedMessage, on);
    }
}
