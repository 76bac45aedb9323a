package io.proxima.dns;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DefaultDnsResponse;
import io.netty.handler.codec.dns.DnsOpCode;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.util.ReferenceCountUtil;
import io.proxima.dns.ResponseRateLimiter.Decision;
import io.proxima.dns.Tally.Outcome;

/**
 * Turns each decoded query into a response: checks the header and EDNS, asks the {@link Lookup},
 * fits the answer to the client's UDP size, counts the outcome. One instance serves every
 * channel of a transport (UDP or TCP) of one responder; it keeps no per-query state.
 *
 * <p>Size: the response is measured before it is built, record by record, as
 * {@link ResponseRecordEncoder} will write it (names are not compressed). If it exceeds what the client can take over UDP (512
 * octets without EDNS, RFC 1035 section 4.2.1; the advertised size with it, capped at
 * {@value OptRecords#MAX_UDP_PAYLOAD}, RFC 6891 section 7), the response carries the question,
 * the OPT record and the TC bit, and the client retries over TCP (RFC 7766 section 5).
 */
@ChannelHandler.Sharable
final class QueryHandler extends ChannelInboundHandlerAdapter {

    /** A DNS message over TCP has a two-octet length (RFC 1035 section 4.2.2). */
    static final int MAX_TCP_MESSAGE = 65535;
    private static final int FLAG_RD = 0x0100;
    private static final int OPCODE_SHIFT = 11;
    private static final int OPCODE_MASK = 0xF;
    /** Netty's z() holds the header bits Z, AD and CD; CD is copied into responses (RFC 4035 section 3.1.6). */
    private static final int CD_BIT = 1;

    private final Tally tally;
    private final boolean udp;
    /** Read once per query; replaced whole by {@link #serve} (a reconfiguration), from any thread. */
    private volatile Serving serving;

    /** @param serving what to answer from; its rate limiter applies over UDP only */
    QueryHandler(Serving serving, Tally tally, boolean udp) {
        this.serving = serving;
        this.tally = tally;
        this.udp = udp;
    }

    /** Answers from {@code next} from now on. */
    void serve(Serving next) {
        this.serving = next;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MalformedQuery m) {
            malformed(ctx, m);
        } else if (msg instanceof DnsQuery q) {
            try {
                query(ctx, q);
            } finally {
                q.release();
            }
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // One flush per batch of reads: epoll then sends the batch with one sendmmsg.
        ctx.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // TCP: a client that sends queries but does not read the answers stops being read.
        if (!udp) ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (udp) return; // a send error concerns one datagram; the socket serves on
        if (cause instanceof DecoderException) {
            // Netty's TCP decoder cannot hand over the bad frame's ID: no FORMERR is possible.
            tally.query();
            tally.outcome(Outcome.DROPPED);
        }
        ctx.close();
    }

    private void query(ChannelHandlerContext ctx, DnsQuery q) {
        tally.query();
        if (udp && !ctx.channel().isWritable()) {
            // Overloaded: the socket's send queue is full. Dropping keeps memory bounded.
            tally.outcome(Outcome.DROPPED);
            return;
        }
        Serving s = serving;
        ResponseRateLimiter limiter = udp ? s.limiter() : null;
        boolean slip = false;
        if (limiter != null) {
            Decision d = limiter.admit(((DatagramDnsQuery) q).sender().getAddress());
            if (d == Decision.DROP) {
                tally.outcome(Outcome.RATE_LIMITED);
                return;
            }
            slip = d == Decision.SLIP;
        }
        DnsResponse r = newResponse(q, q.id(), q.opCode());
        r.setRecursionDesired(q.isRecursionDesired());
        r.setZ(q.z() & CD_BIT);
        Outcome outcome = fill(r, q, s, slip);
        tally.outcome(slip ? Outcome.RATE_LIMITED : outcome);
        ctx.write(r);
        if (!udp && !ctx.channel().isWritable()) ctx.channel().config().setAutoRead(false);
    }

    /** Sets the code, flags and sections of {@code r}; returns the outcome to count. */
    private Outcome fill(DnsResponse r, DnsQuery q, Serving s, boolean forceTruncation) {
        OptRecords opt = s.opt();
        if (q.opCode().byteValue() != DnsOpCode.QUERY.byteValue()) {
            r.setCode(DnsResponseCode.NOTIMP);
            return Outcome.NOT_IMPLEMENTED;
        }
        if (q.count(DnsSection.QUESTION) != 1) {
            // RFC 9619: a query has exactly one question.
            r.setCode(DnsResponseCode.FORMERR);
            return Outcome.FORMERR;
        }
        Edns edns = Edns.of(q);
        if (edns == Edns.MALFORMED) {
            r.setCode(DnsResponseCode.FORMERR);
            return Outcome.FORMERR;
        }
        DnsQuestion question = q.recordAt(DnsSection.QUESTION);
        r.addRecord(DnsSection.QUESTION, question);
        if (edns.version() != 0) {
            // RFC 6891 section 6.1.3: BADVERS, whose upper bits travel in the OPT record.
            r.setCode(DnsResponseCode.NOERROR);
            r.addRecord(DnsSection.ADDITIONAL, opt.badVersion(edns));
            return Outcome.FORMERR;
        }
        Answer a = s.lookup().answer(question.name(), question.type().intValue(), question.dnsClass());
        r.setCode(a.rcode());
        r.setAuthoritativeAnswer(a.authoritative());
        StaticRecord optRecord = edns.present() ? opt.answering(edns) : null;
        int limit = !udp ? MAX_TCP_MESSAGE : edns.present() ? Math.min(edns.udpSize(), OptRecords.MAX_UDP_PAYLOAD) : Edns.MIN_UDP_SIZE;
        int base = GuardedQueryDecoder.HEADER_OCTETS + ResponseRecordEncoder.questionOctets(question);
        int optOctets = optRecord == null ? 0 : optRecord.wireLength();
        boolean truncate = forceTruncation || base + a.recordOctets() + optOctets > limit;
        if (truncate) {
            r.setTruncated(true);
            if (optRecord != null && base + optOctets > limit) {
                optRecord = opt.answering(new Edns(true, edns.udpSize(), 0, edns.dnssecOk(), false));
            }
        } else {
            for (StaticRecord rr : a.answers()) r.addRecord(DnsSection.ANSWER, rr);
            for (StaticRecord rr : a.authority()) r.addRecord(DnsSection.AUTHORITY, rr);
        }
        if (optRecord != null) r.addRecord(DnsSection.ADDITIONAL, optRecord);
        if (a.rcode() == DnsResponseCode.REFUSED) return Outcome.REFUSED;
        return truncate ? Outcome.TRUNCATED : Outcome.ANSWERED;
    }

    /** FORMERR with only the header, or nothing when the datagram is not a query at all. */
    private void malformed(ChannelHandlerContext ctx, MalformedQuery m) {
        tally.query();
        if (!m.answerable() || !ctx.channel().isWritable()) {
            tally.outcome(Outcome.DROPPED);
            return;
        }
        ResponseRateLimiter limiter = serving.limiter();
        if (limiter != null && limiter.admit(m.sender().getAddress()) != Decision.PASS) {
            tally.outcome(Outcome.RATE_LIMITED);
            return;
        }
        DatagramDnsResponse r = new DatagramDnsResponse(m.recipient(), m.sender(), m.id(),
                DnsOpCode.valueOf((m.flags() >>> OPCODE_SHIFT) & OPCODE_MASK), DnsResponseCode.FORMERR);
        r.setRecursionDesired((m.flags() & FLAG_RD) != 0);
        tally.outcome(Outcome.FORMERR);
        ctx.write(r);
    }

    private DnsResponse newResponse(DnsQuery q, int id, DnsOpCode opCode) {
        if (q instanceof DatagramDnsQuery d) return new DatagramDnsResponse(d.recipient(), d.sender(), id, opCode);
        return new DefaultDnsResponse(id, opCode);
    }
}
