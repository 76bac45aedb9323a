package io.proxima.bgp.wire;

import io.proxima.bgp.wire.attr.MpReachNlri;
import io.proxima.bgp.wire.attr.MpUnreachNlri;
import io.proxima.bgp.wire.attr.PathAttribute;
import io.proxima.bgp.wire.nlri.Nlri;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * UPDATE (RFC 4271 §4.3). IPv4 unicast routes travel in the withdrawn and NLRI fields; other
 * families in MP_REACH_NLRI / MP_UNREACH_NLRI (RFC 4760), which stay among the attributes.
 * <pre>
 *   +-----------------------------------------------------+
 *   |   Withdrawn Routes Length (2 octets)                |
 *   +-----------------------------------------------------+
 *   |   Withdrawn Routes (variable)                       |
 *   +-----------------------------------------------------+
 *   |   Total Path Attribute Length (2 octets)            |
 *   +-----------------------------------------------------+
 *   |   Path Attributes (variable)                        |
 *   +-----------------------------------------------------+
 *   |   Network Layer Reachability Information (variable) |
 *   +-----------------------------------------------------+
 * </pre>
 * Attributes keep their received order, so the message re-encodes to its original octets.
 */
public record Update(List<Nlri> withdrawn, List<PathAttribute> attributes, List<Nlri> nlri) implements BgpMessage {

    /** Withdrawn Routes Length + Total Path Attribute Length. */
    public static final int FIXED_LENGTH = 4;

    public Update {
        withdrawn = List.copyOf(withdrawn);
        attributes = List.copyOf(attributes);
        nlri = List.copyOf(nlri);
    }

    /** End-of-RIB (RFC 4724 §2): an empty UPDATE for IPv4 unicast, an empty MP_UNREACH_NLRI otherwise. */
    public static Update endOfRib(Family family) {
        if (family.equals(Family.IPV4_UNICAST)) return new Update(List.of(), List.of(), List.of());
        return new Update(List.of(), List.of(MpUnreachNlri.of(family, List.of())), List.of());
    }

    @Override
    public int type() {
        return TYPE_UPDATE;
    }

    /** The first attribute of the given kind, if any. */
    public <T extends PathAttribute> Optional<T> attribute(Class<T> kind) {
        return Optional.ofNullable(get(kind));
    }

    /** The first attribute of the given kind, or null: the allocation-free form for hot paths. */
    public <T extends PathAttribute> T get(Class<T> kind) {
        for (int i = 0; i < attributes.size(); i++) {
            PathAttribute a = attributes.get(i);
            if (kind.isInstance(a)) return kind.cast(a);
        }
        return null;
    }

    /** The family this UPDATE is End-of-RIB for, if it is one (RFC 4724 §2). */
    public Optional<Family> endOfRibFamily() {
        if (!withdrawn.isEmpty() || !nlri.isEmpty()) return Optional.empty();
        if (attributes.isEmpty()) return Optional.of(Family.IPV4_UNICAST);
        if (attributes.size() == 1 && attributes.get(0) instanceof MpUnreachNlri u
                && u.withdrawn().isEmpty() && u.unparsedNlri().length() == 0) {
            return Optional.of(u.family());
        }
        return Optional.empty();
    }

    /** Every route this UPDATE announces: the NLRI field, then MP_REACH_NLRI. */
    public List<Nlri> announced() {
        MpReachNlri mp = get(MpReachNlri.class);
        if (mp == null || mp.nlri().isEmpty()) return nlri;
        List<Nlri> all = new ArrayList<>(nlri.size() + mp.nlri().size());
        all.addAll(nlri);
        all.addAll(mp.nlri());
        return all;
    }

    /** Every route this UPDATE withdraws: the withdrawn field, then MP_UNREACH_NLRI. */
    public List<Nlri> withdrawnAll() {
        MpUnreachNlri mp = get(MpUnreachNlri.class);
        if (mp == null || mp.withdrawn().isEmpty()) return withdrawn;
        List<Nlri> all = new ArrayList<>(withdrawn.size() + mp.withdrawn().size());
        all.addAll(withdrawn);
        all.addAll(mp.withdrawn());
        return all;
    }
}
