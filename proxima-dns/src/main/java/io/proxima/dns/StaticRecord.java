package io.proxima.dns;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecordType;

/**
 * A record built once, when the responder starts, and put into every response that needs it. Its
 * content is read-only and never released, so one instance is shared by all event loops and
 * responses without copying: Netty's encoder reads the content by absolute index and the
 * response's release is a no-op here. (Netty's own records would re-run IDN conversion of the owner
 * name for every copy.) The whole record is also kept as octets, which {@link ResponseRecordEncoder}
 * writes in one copy.
 */
final class StaticRecord implements DnsRawRecord {

    /** Type, class, TTL and RDLENGTH: the fixed part after the owner name (RFC 1035 section 4.1.3). */
    static final int FIXED_OCTETS = 10;

    private final String name;
    private final DnsRecordType type;
    private final int dnsClass;
    private final long ttl;
    private final ByteBuf content;
    /** The whole record on the wire: owner, type, class, TTL, RDLENGTH, RDATA. */
    private final byte[] wire;

    StaticRecord(String name, DnsRecordType type, int dnsClass, long ttl, byte[] rdata) {
        this.name = name;
        this.type = type;
        this.dnsClass = dnsClass;
        this.ttl = ttl;
        this.content = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(rdata).asReadOnly());
        byte[] owner = DomainName.wire(name);
        ByteBuf w = Unpooled.buffer(owner.length + FIXED_OCTETS + rdata.length);
        w.writeBytes(owner).writeShort(type.intValue()).writeShort(dnsClass).writeInt((int) ttl).writeShort(rdata.length).writeBytes(rdata);
        this.wire = w.array();
    }

    static StaticRecord of(ZoneRecord r) {
        return new StaticRecord(r.owner(), DnsRecordType.valueOf(r.type().code()), DnsRawRecord.CLASS_IN, r.ttl(), r.data().wire());
    }

    /** Octets on the wire: the owner name uncompressed, the fixed fields, the RDATA. */
    int wireLength() {
        return wire.length;
    }

    /** Writes the whole record, as Netty's encoder would, in one copy. */
    void writeTo(ByteBuf out) {
        out.writeBytes(wire);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DnsRecordType type() {
        return type;
    }

    @Override
    public int dnsClass() {
        return dnsClass;
    }

    @Override
    public long timeToLive() {
        return ttl;
    }

    @Override
    public ByteBuf content() {
        return content;
    }

    @Override
    public DnsRawRecord copy() {
        return replace(content.copy());
    }

    @Override
    public DnsRawRecord duplicate() {
        return this;
    }

    @Override
    public DnsRawRecord retainedDuplicate() {
        return this;
    }

    @Override
    public DnsRawRecord replace(ByteBuf newContent) {
        return new DefaultDnsRawRecord(name, type, dnsClass, ttl, newContent);
    }

    @Override
    public int refCnt() {
        return 1;
    }

    @Override
    public DnsRawRecord retain() {
        return this;
    }

    @Override
    public DnsRawRecord retain(int increment) {
        return this;
    }

    @Override
    public DnsRawRecord touch() {
        return this;
    }

    @Override
    public DnsRawRecord touch(Object hint) {
        return this;
    }

    @Override
    public boolean release() {
        return false;
    }

    @Override
    public boolean release(int decrement) {
        return false;
    }

    @Override
    public String toString() {
        return name + " " + ttl + " " + dnsClass + " " + type.name() + " (" + content.readableBytes() + " octets)";
    }
}
