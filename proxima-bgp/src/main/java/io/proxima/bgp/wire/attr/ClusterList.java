package io.proxima.bgp.wire.attr;

import static io.proxima.bgp.wire.ErrorCode.UPDATE_ATTRIBUTE_LENGTH_ERROR;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.SessionFacts;
import java.util.ArrayList;
import java.util.List;

/** CLUSTER_LIST (RFC 4456 §8): optional non-transitive, 4-octet cluster IDs. Not a non-zero multiple of 4: treat-as-withdraw (RFC 7606 §7.10). */
public record ClusterList(int flags, List<IpAddress> ids) implements PathAttribute {

    public ClusterList(List<IpAddress> ids) {
        this(OPTIONAL, ids);
    }

    public ClusterList {
        ids = List.copyOf(ids);
    }

    static ClusterList decode(int flags, ByteBuf v, SessionFacts facts) throws Malformed {
        int n = v.readableBytes();
        if (n == 0 || n % 4 != 0) throw new Malformed(UPDATE_ATTRIBUTE_LENGTH_ERROR, "CLUSTER_LIST length " + n + " is not a non-zero multiple of 4");
        List<IpAddress> out = new ArrayList<>(n / 4);
        while (v.isReadable()) out.add(IpAddress.v4(v.readInt()));
        return new ClusterList(flags, out);
    }

    @Override public int typeCode() { return CLUSTER_LIST; }
    @Override public int valueLength(SessionFacts facts) { return 4 * ids.size(); }
    @Override public void writeValue(ByteBuf out, SessionFacts facts) { for (IpAddress a : ids) a.write(out); }
}
