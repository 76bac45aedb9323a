package io.proxima.dns;

import static io.proxima.dns.Messages.CLASS_CH;
import static io.proxima.dns.Messages.CLASS_IN;
import static io.proxima.dns.Messages.TYPE_A;
import static io.proxima.dns.Messages.TYPE_TXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.handler.codec.dns.TcpDnsQueryDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The UDP and TCP pipelines on an {@link EmbeddedChannel}: query octets in, response octets out,
 * nothing left over and the query's buffers released.
 */
class QueryHandlerTest {

    private final Tally tally = new Tally();
    private final List<EmbeddedChannel> channels = new ArrayList<>();

    @AfterEach
    void nothingLeftOver() {
        for (EmbeddedChannel ch : channels) {
            assertThat(ch.finishAndReleaseAll()).as("messages left in the pipeline").isFalse();
        }
    }

    private EmbeddedChannel udp(ResponderConfig config) {
        QueryHandler h = new QueryHandler(Serving.of(config, null), tally, true);
        EmbeddedChannel ch = new EmbeddedChannel(new GuardedQueryDecoder(), DnsResponder.UDP_ENCODER, h);
        channels.add(ch);
        return ch;
    }

    private EmbeddedChannel udp() {
        return udp(TestZones.config("site-a"));
    }

    /** Sends one datagram; returns the response octets, or null if none was sent. */
    private static ByteBuf exchange(EmbeddedChannel ch, byte[] query) {
        ByteBuf in = Unpooled.wrappedBuffer(query);
        ch.writeInbound(new DatagramPacket(in, Messages.SERVER, Messages.CLIENT));
        assertThat(in.refCnt()).as("query buffer released").isZero();
        DatagramPacket out = ch.readOutbound();
        if (out == null) return null;
        assertThat(out.recipient()).isEqualTo(Messages.CLIENT);
        return out.content();
    }

    private static DnsResponse ask(EmbeddedChannel ch, byte[] query) {
        ByteBuf octets = exchange(ch, query);
        assertThat(octets).as("a response").isNotNull();
        return Messages.decode(octets);
    }

    @Test
    void anAnswerIsAuthoritativeAndEchoesTheQuestionsCase() {
        DnsResponse r = ask(udp(), Messages.query(4711, "WwW.Example.NET", TYPE_A, CLASS_IN));
        try {
            assertThat(r.id()).isEqualTo(4711);
            assertThat(r.code()).isEqualTo(DnsResponseCode.NOERROR);
            assertThat(r.isAuthoritativeAnswer()).isTrue();
            assertThat(r.isRecursionAvailable()).isFalse();
            assertThat(r.recordAt(DnsSection.QUESTION).name()).isEqualTo("WwW.Example.NET.");
            assertThat(r.count(DnsSection.ANSWER)).isEqualTo(1);
            DnsRawRecord a = r.recordAt(DnsSection.ANSWER);
            assertThat(a.name()).isEqualTo("www.example.net.");
            assertThat(a.timeToLive()).isEqualTo(60);
            assertThat(ByteBufBytes.of(a.content())).containsExactly(198, 51, 100, 80);
            assertThat(Messages.opt(r)).as("no OPT without EDNS in the query").isNull();
        } finally {
            r.release();
        }
        assertThat(tally.snapshot().answered()).isEqualTo(1);
    }

    @Test
    void responseOctetsAreWhatTheSizeCheckCounted() {
        ByteBuf octets = exchange(udp(), Messages.query(1, "www.example.net", TYPE_TXT, CLASS_IN, Messages.Opt.NSID));
        try {
            // header 12, question 17+4, TXT www 17+10+16, OPT 1+10+4+6
            assertThat(octets.readableBytes()).isEqualTo(12 + 21 + 43 + 21);
        } finally {
            octets.release();
        }
    }

    /** 58 octets of header, question and record framing plus the TXT strings: exactly 512, then 513. */
    @Test
    void truncationStartsOneOctetAboveTheClientsLimit() {
        for (int extra = 0; extra <= 1; extra++) {
            List<String> lines = new ArrayList<>(TestZones.lines());
            lines.add("t 60 TXT \"" + "x".repeat(227 + extra) + "\" \"" + "y".repeat(227) + "\"");
            ResponderConfig config = ResponderConfig.of(TestZones.config("n").listen(), "n", Zone.parse(TestZones.ORIGIN, lines));
            ByteBuf octets = exchange(udp(config), Messages.query(2, "t.example.net", TYPE_TXT, CLASS_IN));
            DnsResponse r = Messages.decode(octets.retainedDuplicate());
            try {
                if (extra == 0) {
                    assertThat(octets.readableBytes()).isEqualTo(512);
                    assertThat(r.isTruncated()).isFalse();
                    assertThat(r.count(DnsSection.ANSWER)).isEqualTo(1);
                } else {
                    assertThat(r.isTruncated()).isTrue();
                    assertThat(r.count(DnsSection.ANSWER)).isZero();
                    assertThat(r.count(DnsSection.QUESTION)).isEqualTo(1);
                }
            } finally {
                r.release();
                octets.release();
            }
        }
        assertThat(tally.snapshot().truncated()).isEqualTo(1);
        assertThat(tally.snapshot().answered()).isEqualTo(1);
    }

    @Test
    void ednsRaisesTheLimitUpToTheFlagDaySize() {
        EmbeddedChannel ch = udp();
        DnsResponse big = ask(ch, Messages.query(3, "big.example.net", TYPE_TXT, CLASS_IN, Messages.Opt.PLAIN));
        DnsResponse small = ask(ch, Messages.query(4, "big.example.net", TYPE_TXT, CLASS_IN, new Messages.Opt(100, 0, false, false)));
        try {
            assertThat(big.isTruncated()).isFalse();
            assertThat(big.count(DnsSection.ANSWER)).isEqualTo(TestZones.BIG_TXT_RECORDS);
            assertThat(Messages.opt(big).dnsClass()).as("our advertised payload size").isEqualTo(OptRecords.MAX_UDP_PAYLOAD);
            assertThat(small.isTruncated()).as("a size below 512 counts as 512").isTrue();
            assertThat(Messages.opt(small)).as("OPT stays in a truncated response").isNotNull();
        } finally {
            big.release();
            small.release();
        }
    }

    @Test
    void nsidOnlyWhenAskedAndDoIsCopied() {
        EmbeddedChannel ch = udp(TestZones.config("site-a").withNsid("a1.example"));
        DnsResponse asked = ask(ch, Messages.query(5, "www.example.net", TYPE_A, CLASS_IN, new Messages.Opt(1232, 0, true, true)));
        DnsResponse notAsked = ask(ch, Messages.query(6, "www.example.net", TYPE_A, CLASS_IN, Messages.Opt.PLAIN));
        try {
            ByteBuf options = Messages.opt(asked).content();
            assertThat(options.getUnsignedShort(options.readerIndex())).isEqualTo(3);
            int len = options.getUnsignedShort(options.readerIndex() + 2);
            assertThat(options.toString(options.readerIndex() + 4, len, StandardCharsets.UTF_8)).isEqualTo("a1.example");
            assertThat(Messages.opt(asked).timeToLive() & 0x8000).as("DO copied").isEqualTo(0x8000);
            assertThat(Messages.opt(notAsked).content().readableBytes()).isZero();
        } finally {
            asked.release();
            notAsked.release();
        }
    }

    @Test
    void chaosIdentityAnswersTheNodeName() {
        EmbeddedChannel ch = udp();
        for (String name : List.of("id.server", "HOSTNAME.BIND")) {
            DnsResponse r = ask(ch, Messages.query(7, name, TYPE_TXT, CLASS_CH));
            try {
                assertThat(r.code()).isEqualTo(DnsResponseCode.NOERROR);
                assertThat(r.recordAt(DnsSection.ANSWER).dnsClass()).isEqualTo(CLASS_CH);
                assertThat(Messages.txt(r.recordAt(DnsSection.ANSWER))).isEqualTo("site-a");
            } finally {
                r.release();
            }
        }
    }

    @Test
    void otherEdnsVersionsGetBadvers() {
        DnsResponse r = ask(udp(), Messages.query(8, "www.example.net", TYPE_A, CLASS_IN, new Messages.Opt(1232, 1, false, false)));
        try {
            assertThat(r.code().intValue()).as("header RCODE: the lower four bits of 16").isZero();
            assertThat(Messages.opt(r).timeToLive() >>> 24).as("EXTENDED-RCODE: BADVERS >> 4").isEqualTo(1);
            assertThat(r.count(DnsSection.ANSWER)).isZero();
        } finally {
            r.release();
        }
        assertThat(tally.snapshot().formerr()).isEqualTo(1);
    }

    @Test
    void twoOptRecordsOrTwoQuestionsAreFormerr() {
        EmbeddedChannel ch = udp();
        DnsResponse twoOpt = ask(ch, Messages.query(9, "www.example.net", TYPE_A, CLASS_IN, Messages.Opt.PLAIN, Messages.Opt.PLAIN));
        ByteArrayOutputStream two = new ByteArrayOutputStream();
        Messages.header(two, 10, 0, 2, 0);
        Messages.question(two, "www.example.net", TYPE_A, CLASS_IN);
        Messages.question(two, "ns1.example.net", TYPE_A, CLASS_IN);
        DnsResponse twoQuestions = ask(ch, two.toByteArray());
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        Messages.header(none, 11, 0, 0, 0);
        DnsResponse noQuestion = ask(ch, none.toByteArray());
        try {
            for (DnsResponse r : List.of(twoOpt, twoQuestions, noQuestion)) assertThat(r.code()).isEqualTo(DnsResponseCode.FORMERR);
        } finally {
            twoOpt.release();
            twoQuestions.release();
            noQuestion.release();
        }
    }

    @Test
    void otherOpcodesAreNotImplemented() {
        ByteArrayOutputStream notify = new ByteArrayOutputStream();
        Messages.header(notify, 12, 4 << 11, 1, 0);
        Messages.question(notify, "example.net", Messages.TYPE_SOA, CLASS_IN);
        DnsResponse r = ask(udp(), notify.toByteArray());
        try {
            assertThat(r.code()).isEqualTo(DnsResponseCode.NOTIMP);
            assertThat(r.opCode().byteValue()).isEqualTo((byte) 4);
        } finally {
            r.release();
        }
        assertThat(tally.snapshot().notImplemented()).isEqualTo(1);
    }

    @Test
    void malformedQueriesGetFormerrWithTheirIdAndRdBit() {
        EmbeddedChannel ch = udp();
        byte[] pointer = {0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, (byte) 0xC0, 12, 0, 1, 0, 1};
        byte[] binaryLabel = {0x12, 0x35, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 2, 'a', 0, 0, 0, 1, 0, 1};
        byte[] cutShort = {0x12, 0x36, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 3, 'w', 'w'};
        for (byte[] q : List.of(pointer, binaryLabel, cutShort)) {
            DnsResponse r = ask(ch, q);
            try {
                assertThat(r.code()).isEqualTo(DnsResponseCode.FORMERR);
                assertThat(r.id()).isEqualTo(((q[0] & 0xFF) << 8) | (q[1] & 0xFF));
                assertThat(r.count(DnsSection.QUESTION)).isZero();
            } finally {
                r.release();
            }
        }
        Counters c = tally.snapshot();
        assertThat(c.formerr()).isEqualTo(3);
        assertThat(c.queries()).isEqualTo(3);
    }

    @Test
    void shortDatagramsAndResponsesAreDroppedSilently() {
        EmbeddedChannel ch = udp();
        assertThat(exchange(ch, new byte[] {1, 2, 3})).isNull();
        byte[] response = Messages.query(13, "www.example.net", TYPE_A, CLASS_IN);
        response[2] |= (byte) 0x80;
        assertThat(exchange(ch, response)).isNull();
        assertThat(tally.snapshot().dropped()).isEqualTo(2);
    }

    @Test
    void everyQueryEndsInExactlyOneOutcome() {
        EmbeddedChannel ch = udp();
        List<byte[]> queries = List.of(
                Messages.query(1, "www.example.net", TYPE_A, CLASS_IN),
                Messages.query(2, "www.example.org", TYPE_A, CLASS_IN),
                Messages.query(3, "big.example.net", TYPE_TXT, CLASS_IN),
                Messages.query(4, "nope.example.net", TYPE_A, CLASS_IN),
                new byte[] {9},
                new byte[] {0, 1, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0});
        for (byte[] q : queries) {
            ByteBuf out = exchange(ch, q);
            if (out != null) out.release();
        }
        Counters c = tally.snapshot();
        assertThat(c.queries()).isEqualTo(6);
        assertThat(c.answered() + c.refused() + c.formerr() + c.notImplemented() + c.dropped() + c.truncated() + c.rateLimited())
                .isEqualTo(c.queries());
        assertThat(c).isEqualTo(new Counters(6, 2, 1, 1, 0, 1, 1, 0));
    }

    @Test
    void rateLimitedClientsGetEverySecondResponseAsAnEmptyTruncatedOne() {
        EmbeddedChannel ch = udp(TestZones.config("site-a").withRateLimit(new ResponderConfig.RateLimit(1, 2)));
        List<Boolean> truncated = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ByteBuf out = exchange(ch, Messages.query(i, "www.example.net", TYPE_A, CLASS_IN));
            if (out == null) {
                truncated.add(null);
                continue;
            }
            DnsResponse r = Messages.decode(out);
            truncated.add(r.isTruncated());
            r.release();
        }
        // burst of 2, then drop, slip, drop, slip (within the same second)
        assertThat(truncated).containsExactly(false, false, null, true, null, true);
        assertThat(tally.snapshot().rateLimited()).isEqualTo(4);
    }

    @Test
    void tcpAnswersPipelinedQueriesAndClosesOnAMalformedFrame() {
        QueryHandler h = new QueryHandler(Serving.of(TestZones.config("site-a"), null), tally, false);
        EmbeddedChannel ch = new EmbeddedChannel(new TcpDnsQueryDecoder(QuestionDecoder.INSTANCE, QueryHandler.MAX_TCP_MESSAGE),
                DnsResponder.TCP_ENCODER, h);
        channels.add(ch);
        ByteBuf in = Unpooled.buffer();
        for (int id = 1; id <= 2; id++) {
            byte[] q = Messages.query(id, "big.example.net", TYPE_TXT, CLASS_IN);
            in.writeShort(q.length).writeBytes(q);
        }
        ch.writeInbound(in);
        for (int id = 1; id <= 2; id++) {
            ByteBuf framed = ch.readOutbound();
            int length = framed.readUnsignedShort();
            assertThat(framed.readableBytes()).isEqualTo(length);
            DnsResponse r = Messages.decode(framed);
            assertThat(r.id()).isEqualTo(id);
            assertThat(r.isTruncated()).as("no 512-octet limit over TCP").isFalse();
            assertThat(r.count(DnsSection.ANSWER)).isEqualTo(TestZones.BIG_TXT_RECORDS);
            r.release();
        }
        byte[] bad = {0, 7, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, (byte) 0xC0, 12};
        ch.writeInbound(Unpooled.buffer().writeShort(bad.length).writeBytes(bad));
        assertThat(ch.isOpen()).isFalse();
        assertThat(tally.snapshot().dropped()).isEqualTo(1);
    }
}
