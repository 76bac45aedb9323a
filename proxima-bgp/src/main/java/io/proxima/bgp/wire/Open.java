package io.proxima.bgp.wire;

import io.proxima.bgp.wire.cap.Capability;
import io.proxima.bgp.wire.cap.FourOctetAs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OPEN (RFC 4271 §4.2). Optional parameters (RFC 5492) are kept as groups of capabilities, in the
 * order received: some speakers put each capability in its own parameter, others all in one.
 * <pre>
 *   +-+-+-+-+-+-+-+-+
 *   |    Version    |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |     My Autonomous System      |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |           Hold Time           |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                         BGP Identifier                        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   | Opt Parm Len  |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |             Optional Parameters (variable)                    |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record Open(int version, int myAs, int holdTime, IpAddress bgpIdentifier, List<List<Capability>> parameters)
        implements BgpMessage {

    public static final int VERSION = 4;
    /** Octets after the header up to and including Opt Parm Len. */
    public static final int FIXED_LENGTH = 10;
    /** RFC 5492 §4: optional parameter type "Capabilities". */
    public static final int PARAM_CAPABILITIES = 2;
    /** RFC 9072 §2: Opt Parm Len and Parm Type of 255 announce the extended format. */
    public static final int PARAM_EXTENDED_LENGTH = 255;

    public Open {
        if (version < 0 || version > 0xFF) throw new IllegalArgumentException("version " + version);
        if (myAs < 0 || myAs > 0xFFFF) throw new IllegalArgumentException("My AS " + myAs);
        if (holdTime < 0 || holdTime > 0xFFFF) throw new IllegalArgumentException("hold time " + holdTime);
        if (bgpIdentifier.v6()) throw new IllegalArgumentException("BGP Identifier is 4 octets");
        List<List<Capability>> copy = new ArrayList<>(parameters.size());
        for (List<Capability> p : parameters) copy.add(List.copyOf(p));
        parameters = List.copyOf(copy);
    }

    /** An OPEN with all capabilities in one parameter; My AS is AS_TRANS when the AS needs 4 octets. */
    public static Open of(long asn, int holdTime, IpAddress bgpIdentifier, List<Capability> capabilities) {
        int myAs = asn > 0xFFFF ? FourOctetAs.AS_TRANS : (int) asn;
        return new Open(VERSION, myAs, holdTime, bgpIdentifier, capabilities.isEmpty() ? List.of() : List.of(capabilities));
    }

    @Override
    public int type() {
        return TYPE_OPEN;
    }

    public List<Capability> capabilities() {
        if (parameters.size() == 1) return parameters.get(0);
        List<Capability> all = new ArrayList<>();
        for (List<Capability> p : parameters) all.addAll(p);
        return all;
    }

    public <T extends Capability> Optional<T> capability(Class<T> kind) {
        for (List<Capability> p : parameters) {
            for (Capability c : p) if (kind.isInstance(c)) return Optional.of(kind.cast(c));
        }
        return Optional.empty();
    }

    /** The speaker's AS: the 4-octet AS capability if present (RFC 6793 §4.1), else My AS. */
    public long asn() {
        return capability(FourOctetAs.class).map(FourOctetAs::asn).orElse((long) myAs);
    }
}
