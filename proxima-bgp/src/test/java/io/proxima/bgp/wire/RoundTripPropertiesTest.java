package io.proxima.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** decode(encode(m)) == m for generated well-formed messages of every type, under every kind of session. */
class RoundTripPropertiesTest {

    @Property(tries = 2000)
    void decodeOfEncodeIsIdentity(@ForAll("messages") Tuple2<SessionFacts, BgpMessage> c) {
        SessionFacts facts = c.get1();
        BgpMessage m = c.get2();
        byte[] wire;
        try {
            wire = MessageEncoder.toBytes(m, facts);
        } catch (IllegalArgumentException tooLong) {
            // Larger than the session allows: the encoder refuses, which is the contract.
            assertThat(tooLong).hasMessageContaining("exceeds");
            return;
        }
        DecodeResult r = MessageDecoder.decode(Unpooled.wrappedBuffer(wire), facts);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(((DecodeResult.Decoded) r).message()).isEqualTo(m);
        // And the octets are stable: encoding the decoded message gives the same octets.
        assertThat(MessageEncoder.toBytes(((DecodeResult.Decoded) r).message(), facts)).isEqualTo(wire);
    }

    @Provide
    Arbitrary<Tuple2<SessionFacts, BgpMessage>> messages() {
        return MessageArbitraries.facts().flatMap(f -> MessageArbitraries.message(f).map(m -> Tuple.of(f, m)));
    }
}
