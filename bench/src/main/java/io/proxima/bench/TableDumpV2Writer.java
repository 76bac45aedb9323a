package io.proxima.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.proxima.bgp.mrt.MrtHeader;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.SessionFacts;
import io.proxima.bgp.wire.attr.AsPath;
import io.proxima.bgp.wire.attr.NextHop;
import io.proxima.bgp.wire.attr.Origin;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the smallest TABLE_DUMP_V2 file (RFC 6396 §4.3) that {@code gobgp mrt inject global}
 * loads: a PEER_INDEX_TABLE with one peer, then one RIB_IPV4_UNICAST record per prefix with one
 * entry: ORIGIN IGP, an empty AS_PATH (the route is originated, GoBGP prepends its AS towards an
 * eBGP peer) and NEXT_HOP. GoBGP accepts only this MRT type for injection (LAB.md §7), and
 * {@code gobgp global rib add} costs ~40 ms a route.
 */
final class TableDumpV2Writer {

    static final int SUBTYPE_PEER_INDEX_TABLE = 1;
    static final int SUBTYPE_RIB_IPV4_UNICAST = 2;
    /** RFC 6396 §4.3.1 Peer Type: bit 1 set = the Peer AS field is 4 octets; bit 0 clear = IPv4 address. */
    static final int PEER_TYPE_AS4_IPV4 = 0x02;

    private TableDumpV2Writer() {
    }

    /**
     * @param padding how many of the first prefixes to write a second time after all of them: see
     *                {@link GoBgpRib#injectPadding}. A repeated record re-adds the same path.
     */
    static void write(Path file, IpAddress peer, long peerAs, IpAddress nextHop, List<Prefix> prefixes, int padding)
            throws IOException {
        long now = System.currentTimeMillis() / 1000;
        ByteBuf rec = Unpooled.buffer(256);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            // PEER_INDEX_TABLE: collector id, empty view name, one peer.
            peer.write(rec);
            rec.writeShort(0);
            rec.writeShort(1);
            rec.writeByte(PEER_TYPE_AS4_IPV4);
            peer.write(rec);
            peer.write(rec);
            rec.writeInt((int) peerAs);
            record(out, now, SUBTYPE_PEER_INDEX_TABLE, rec);

            // RFC 6396 §4.3.4: attributes in RIB entries always use 4-octet AS numbers.
            ByteBuf attrs = Unpooled.buffer(32);
            new Origin(Origin.IGP).write(attrs, SessionFacts.AS4);
            AsPath.EMPTY.write(attrs, SessionFacts.AS4);
            new NextHop(nextHop).write(attrs, SessionFacts.AS4);
            long sequence = 0;
            List<Prefix> all = new java.util.ArrayList<>(prefixes);
            all.addAll(prefixes.subList(0, Math.min(padding, prefixes.size())));
            for (Prefix p : all) {
                rec.clear();
                rec.writeInt((int) sequence++);
                p.write(rec);             // prefix length, then its significant octets
                rec.writeShort(1);        // entry count
                rec.writeShort(0);        // peer index
                rec.writeInt((int) now);  // originated time
                rec.writeShort(attrs.readableBytes());
                rec.writeBytes(attrs, attrs.readerIndex(), attrs.readableBytes());
                record(out, now, SUBTYPE_RIB_IPV4_UNICAST, rec);
            }
            attrs.release();
        } finally {
            rec.release();
        }
    }

    /** The MRT common header (RFC 6396 §2), then the body. */
    private static void record(OutputStream out, long time, int subtype, ByteBuf body) throws IOException {
        ByteBuf h = Unpooled.buffer(MrtHeader.LENGTH);
        h.writeInt((int) time).writeShort(MrtHeader.TABLE_DUMP_V2).writeShort(subtype).writeInt(body.readableBytes());
        out.write(h.array(), h.arrayOffset(), h.readableBytes());
        out.write(body.array(), body.arrayOffset() + body.readerIndex(), body.readableBytes());
        h.release();
    }
}
