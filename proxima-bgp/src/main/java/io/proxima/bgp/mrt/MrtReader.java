package io.proxima.bgp.mrt;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.proxima.bgp.wire.DecodeResult;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.MessageDecoder;
import io.proxima.bgp.wire.Octets;
import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.SessionFacts;
import io.proxima.bgp.wire.UpdateDecoder;
import io.proxima.bgp.wire.nlri.Nlri;
import io.proxima.bgp.wire.nlri.NlriCodec;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Streams MRT records (RFC 6396) from plain, gzip or bzip2 input, one record in memory at a time.
 * A malformed record becomes a {@link MrtRecord.Malformed} value and reading goes on; only a
 * truncated stream or an absurd length ends it.
 */
public final class MrtReader implements Closeable {

    /** The largest record body we accept. RIB records of a full table stay far below this. */
    public static final int MAX_RECORD_LENGTH = 16 << 20;
    /** TABLE_DUMP_V2 subtype 1 (RFC 6396 §4.3.1): the RIB records after it index into it. */
    static final int PEER_INDEX_TABLE = 1;
    private static final int INPUT_BUFFER = 1 << 16;

    private static final SessionFacts AS2 = SessionFacts.RFC4271;
    private static final SessionFacts AS4 = SessionFacts.AS4;
    private static final SessionFacts RIB = SessionFacts.AS4.withRibEntry(true);
    
    private static final SessionFacts TABLE_DUMP = SessionFacts.RFC4271.withRibEntry(true);
    private static final SessionFacts[] BGP4MP_FACTS = new SessionFacts[4]; // [as4][addPath]

    static {
        Set<Family> both = Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);
        // An MRT file may hold messages of any length the session allowed: accept extended length.
        BGP4MP_FACTS[0] = AS2.withExtendedMessage(true);
        BGP4MP_FACTS[1] = AS2.withExtendedMessage(true).withAddPath(both);
        BGP4MP_FACTS[2] = AS4.withExtendedMessage(true);
        BGP4MP_FACTS[3] = AS4.withExtendedMessage(true).withAddPath(both);
    }

    private final InputStream in;
    private final byte[] head = new byte[MrtHeader.LENGTH];
    private byte[] body = new byte[1 << 16];
    private long offset;
    private int lastLength;
    private boolean done;

    public MrtReader(InputStream in) {
        this.in = in;
    }

    /** Opens a file, recognising gzip and bzip2 by their magic numbers. */
    public static MrtReader open(Path file) throws IOException {
        return new MrtReader(decompressing(Files.newInputStream(file)));
    }

    public static InputStream decompressing(InputStream raw) throws IOException {
        BufferedInputStream b = new BufferedInputStream(raw, INPUT_BUFFER);
        b.mark(3);
        int m0 = b.read(), m1 = b.read(), m2 = b.read();
        b.reset();
        if (m0 == 0x1f && m1 == 0x8b) return new BufferedInputStream(new GZIPInputStream(b, INPUT_BUFFER), INPUT_BUFFER);
        if (m0 == 'B' && m1 == 'Z' && m2 == 'h') {
            return new BufferedInputStream(new BZip2CompressorInputStream(b, true), INPUT_BUFFER);
        }
        return b;
    }

    /**
     * A record read but not decoded: its header and body (after the microsecond timestamp of the
     * ET types), or the malformed record that ended the stream. Decoding needs no reader state,
     * so it can run on another thread.
     */
    public record Raw(MrtHeader header, byte[] body, MrtRecord.Malformed malformed) {
        public MrtRecord decode() {
            return malformed != null ? malformed : MrtReader.decode(header, Unpooled.wrappedBuffer(body));
        }
    }

    /** The next record, or null at the end of the stream. */
    public MrtRecord next() throws IOException {
        MrtHeader header = readRecord();
        if (header == null) return null;
        if (terminal != null) return terminal;
        int skip = header.extendedTimestamp() ? 4 : 0;
        return decode(header, Unpooled.wrappedBuffer(body, skip, lastLength - skip));
    }

    /** The next record undecoded (its body copied), or null at the end of the stream. */
    public Raw nextRaw() throws IOException {
        MrtHeader header = readRecord();
        if (header == null) return null;
        if (terminal != null) return new Raw(header, null, terminal);
        int skip = header.extendedTimestamp() ? 4 : 0;
        return new Raw(header, java.util.Arrays.copyOfRange(body, skip, lastLength), null);
    }

    private MrtRecord.Malformed terminal;

    /** Reads one header and body into {@link #body}; sets {@link #terminal} if the stream ends badly. */
    private MrtHeader readRecord() throws IOException {
        terminal = null;
        if (done) return null;
        long start = offset;
        int got = readFully(head, MrtHeader.LENGTH);
        if (got == 0) {
            done = true;
            return null;
        }
        long timestamp = u32(head, 0);
        int type = u16(head, 4);
        int subtype = u16(head, 6);
        long length = u32(head, 8);
        if (got < MrtHeader.LENGTH) {
            return end(new MrtHeader(start, 0, -1, 0, 0, 0), "truncated MRT header (" + got + " octets)");
        }
        boolean et = MrtHeader.extended(type);
        MrtHeader plain = new MrtHeader(start, timestamp, -1, type, subtype, length);
        if (length > MAX_RECORD_LENGTH) return end(plain, "record length " + length + " exceeds " + MAX_RECORD_LENGTH);
        if (body.length < length) body = new byte[(int) Math.max(length, body.length * 2L)];
        int n = readFully(body, (int) length);
        if (n < length) return end(plain, "truncated record: " + n + " of " + length + " octets");
        lastLength = (int) length;
        if (!et) return plain;
        if (length < 4) {
            // Not the end of the stream: the length was honest, only too short to hold the microseconds.
            terminal = new MrtRecord.Malformed(plain, "ET record without microseconds");
            return plain;
        }
        int micros = (int) u32(body, 0);
        return new MrtHeader(start, timestamp, micros, type, subtype, length);
    }

    /** Big-endian reads of header fields, without a ByteBuf: the -m fast path never starts Netty. */
    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private MrtHeader end(MrtHeader header, String reason) {
        done = true;
        terminal = new MrtRecord.Malformed(header, reason);
        return header;
    }

    /** Decodes a record body (after any microsecond timestamp). */
    static MrtRecord decode(MrtHeader header, ByteBuf b) {
        try {
            return decodeBody(header, b);
        } catch (IndexOutOfBoundsException e) {
            // Every field read below is length-checked against its record; this is the backstop.
            return new MrtRecord.Malformed(header, "record body truncated: " + e.getMessage());
        }
    }

    private static MrtRecord decodeBody(MrtHeader header, ByteBuf b) {
        return switch (header.type()) {
            case MrtHeader.TABLE_DUMP -> tableDump(header, b);
            case MrtHeader.TABLE_DUMP_V2 -> switch (header.subtype()) {
                case 1 -> peerIndexTable(header, b);
                case 2, 4 -> rib(header, b, false);
                case 8, 10 -> rib(header, b, true);
                default -> unsupported(header, b);
            };
            case MrtHeader.BGP4MP, MrtHeader.BGP4MP_ET -> switch (header.subtype()) {
                case 0 -> stateChange(header, b, false);
                case 5 -> stateChange(header, b, true);
                case 1, 4, 6, 7, 8, 9, 10, 11 -> bgp4mpMessage(header, b);
                default -> unsupported(header, b);
            };
            default -> unsupported(header, b);
        };
    }

    private static MrtRecord unsupported(MrtHeader header, ByteBuf b) {
        return new MrtRecord.Unsupported(header, Octets.read(b, b.readableBytes()));
    }

    /** RFC 6396 §4.2: TABLE_DUMP; the subtype is the AFI. */
    private static MrtRecord tableDump(MrtHeader header, ByteBuf b) {
        int alen = header.subtype() == Family.AFI_IPV6 ? 16 : header.subtype() == Family.AFI_IPV4 ? 4 : -1;
        if (alen < 0) return new MrtRecord.Malformed(header, "TABLE_DUMP with unknown AFI " + header.subtype());
        if (b.readableBytes() < 4 + alen + 2 + 4 + alen + 2 + 2) return new MrtRecord.Malformed(header, "TABLE_DUMP record too short");
        int view = b.readUnsignedShort();
        int seq = b.readUnsignedShort();
        IpAddress prefixAddress = IpAddress.read(b, alen);
        int plen = b.readUnsignedByte();
        int status = b.readUnsignedByte();
        long originated = b.readUnsignedInt();
        IpAddress peer = IpAddress.read(b, alen);
        long peerAs = b.readUnsignedShort();
        int attrLen = b.readUnsignedShort();
        if (plen > alen * 8) return new MrtRecord.Malformed(header, "prefix length " + plen);
        if (attrLen > b.readableBytes()) return new MrtRecord.Malformed(header, "attribute length " + attrLen + " overruns the record");
        return new MrtRecord.TableDump(header, view, seq, new Prefix(prefixAddress, plen), status, originated, peer, peerAs,
                attributes(b.readSlice(attrLen), TABLE_DUMP));
    }

    /** RFC 6396 §4.3.1. */
    private static MrtRecord peerIndexTable(MrtHeader header, ByteBuf b) {
        IpAddress collector = IpAddress.v4(b.readInt());
        int nameLength = b.readUnsignedShort();
        if (nameLength > b.readableBytes()) return new MrtRecord.Malformed(header, "view name overruns the record");
        String name = b.readCharSequence(nameLength, StandardCharsets.UTF_8).toString();
        int count = b.readUnsignedShort();
        List<MrtRecord.PeerIndexTable.Peer> peers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int peerType = b.readUnsignedByte();
            IpAddress bgpId = IpAddress.v4(b.readInt());
            IpAddress address = IpAddress.read(b, (peerType & 1) != 0 ? 16 : 4);
            long asn = (peerType & 2) != 0 ? b.readUnsignedInt() : b.readUnsignedShort();
            peers.add(new MrtRecord.PeerIndexTable.Peer(bgpId, address, asn));
        }
        return new MrtRecord.PeerIndexTable(header, collector, name, peers);
    }

    /** RFC 6396 §4.3.2 (RIB_IPV4/IPV6_UNICAST), RFC 8050 §4 (the _ADDPATH subtypes). */
    private static MrtRecord rib(MrtHeader header, ByteBuf b, boolean addPath) {
        long seq = b.readUnsignedInt();
        Family family = header.subtype() == 2 || header.subtype() == 8 ? Family.IPV4_UNICAST : Family.IPV6_UNICAST;
        int plen = b.getUnsignedByte(b.readerIndex());
        int prefixOctets = 1 + ((plen + 7) >>> 3);
        if (prefixOctets > b.readableBytes()) return new MrtRecord.Malformed(header, "prefix overruns the record");
        Prefix prefix;
        try {
            List<Nlri> one = NlriCodec.decode(b.readSlice(prefixOctets), family, false);
            prefix = one.get(0).prefix();
        } catch (NlriCodec.InvalidNlri e) {
            return new MrtRecord.Malformed(header, "RIB prefix: " + e.getMessage());
        }
        int count = b.readUnsignedShort();
        List<MrtRecord.RibEntry> entries = new ArrayList<>(count);
        SessionFacts facts = RIB; // the path identifier is in the entry, not in the attributes (RFC 8050 §4)
        for (int i = 0; i < count; i++) {
            if (b.readableBytes() < (addPath ? 12 : 8)) return new MrtRecord.Malformed(header, "RIB entry " + i + " truncated");
            int peerIndex = b.readUnsignedShort();
            long originated = b.readUnsignedInt();
            long pathId = addPath ? b.readUnsignedInt() : 0;
            int attrLen = b.readUnsignedShort();
            if (attrLen > b.readableBytes()) return new MrtRecord.Malformed(header, "RIB entry " + i + " attributes overrun the record");
            entries.add(new MrtRecord.RibEntry(peerIndex, originated, pathId, attributes(b.readSlice(attrLen), facts)));
        }
        return new MrtRecord.Rib(header, seq, prefix, addPath, entries);
    }

    private static MrtRecord.Attributes attributes(ByteBuf field, SessionFacts facts) {
        UpdateDecoder.AttributeList list = UpdateDecoder.decodeAttributes(field, facts);
        return new MrtRecord.Attributes(list.attributes(), list.error());
    }

    /** RFC 6396 §4.4.2-4.4.6 and RFC 8050 §3: the MESSAGE subtypes. */
    private static MrtRecord bgp4mpMessage(MrtHeader header, ByteBuf b) {
        int st = header.subtype();
        boolean as4 = st == 4 || st == 7 || st == 9 || st == 11;
        boolean local = st == 6 || st == 7 || st == 10 || st == 11;
        boolean addPath = st >= 8;
        int asLen = as4 ? 4 : 2;
        if (b.readableBytes() < 2 * asLen + 4) return new MrtRecord.Malformed(header, "BGP4MP header truncated");
        long peerAs = as4 ? b.readUnsignedInt() : b.readUnsignedShort();
        long localAs = as4 ? b.readUnsignedInt() : b.readUnsignedShort();
        int ifIndex = b.readUnsignedShort();
        int afi = b.readUnsignedShort();
        int alen = afi == Family.AFI_IPV6 ? 16 : afi == Family.AFI_IPV4 ? 4 : -1;
        if (alen < 0) return new MrtRecord.Malformed(header, "BGP4MP with unknown AFI " + afi);
        if (b.readableBytes() < 2 * alen) return new MrtRecord.Malformed(header, "BGP4MP addresses truncated");
        IpAddress peer = IpAddress.read(b, alen);
        IpAddress localAddress = IpAddress.read(b, alen);
        DecodeResult message = MessageDecoder.decode(b, BGP4MP_FACTS[(as4 ? 2 : 0) + (addPath ? 1 : 0)]);
        return new MrtRecord.Bgp4mpMessage(header, peerAs, localAs, ifIndex, peer, localAddress, as4, addPath, local, message);
    }

    /** RFC 6396 §4.4.1 and §4.4.4. */
    private static MrtRecord stateChange(MrtHeader header, ByteBuf b, boolean as4) {
        int asLen = as4 ? 4 : 2;
        if (b.readableBytes() < 2 * asLen + 4) return new MrtRecord.Malformed(header, "STATE_CHANGE header truncated");
        long peerAs = as4 ? b.readUnsignedInt() : b.readUnsignedShort();
        long localAs = as4 ? b.readUnsignedInt() : b.readUnsignedShort();
        int ifIndex = b.readUnsignedShort();
        int afi = b.readUnsignedShort();
        int alen = afi == Family.AFI_IPV6 ? 16 : afi == Family.AFI_IPV4 ? 4 : -1;
        if (alen < 0) return new MrtRecord.Malformed(header, "STATE_CHANGE with unknown AFI " + afi);
        if (b.readableBytes() < 2 * alen + 4) return new MrtRecord.Malformed(header, "STATE_CHANGE truncated");
        IpAddress peer = IpAddress.read(b, alen);
        IpAddress localAddress = IpAddress.read(b, alen);
        return new MrtRecord.Bgp4mpStateChange(header, peerAs, localAs, ifIndex, peer, localAddress,
                b.readUnsignedShort(), b.readUnsignedShort());
    }

    /** A copy of the body of the record last returned (after the 12-octet header), for tools and tests. */
    public byte[] lastRecordBody() {
        return java.util.Arrays.copyOf(body, lastLength);
    }

    private int readFully(byte[] buf, int len) throws IOException {
        int n = 0;
        while (n < len) {
            int r = in.read(buf, n, len - n);
            if (r < 0) break;
            n += r;
        }
        offset += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
