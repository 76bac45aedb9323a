package io.proxima.bfd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The codec's contract (STYLE.md rule 3, docs/fuzzing.md): any octets decode to a packet or to a
 * {@link DropReason}, never an exception; a decoded packet encodes to octets that decode to the
 * same packet. jqwik prints the seed of a failing run.
 */
class CodecPropertiesTest {

    @Property(tries = 2000)
    void anyPacketSurvivesTheRoundTrip(@ForAll("packets") ControlPacket p) {
        byte[] wire = ControlPacketEncoder.toBytes(p);
        assertThat(wire).hasSize(p.length());
        DecodeResult r = ControlPacketDecoder.decode(wire);
        assertThat(r).isEqualTo(new DecodeResult.Decoded(p));
    }

    @Property(tries = 20_000)
    void randomOctetsNeverThrow(@ForAll @Size(max = 300) byte[] datagram) {
        assertContract(datagram);
    }

    /** Random octets almost never pass the first checks; valid packets with bits flipped reach the deep ones. */
    @Property(tries = 20_000)
    void mutatedPacketsNeverThrow(@ForAll("packets") ControlPacket p, @ForAll @Size(min = 1, max = 8) int[] flips,
                                  @ForAll byte[] tail) {
        byte[] wire = ControlPacketEncoder.toBytes(p);
        byte[] b = java.util.Arrays.copyOf(wire, wire.length + Math.min(tail.length, 8));
        for (int f : flips) {
            int bit = Math.floorMod(f, b.length * 8);
            b[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        assertContract(b);
        assertContract(java.util.Arrays.copyOf(b, Math.floorMod(flips[0], b.length + 1)));
    }

    private static void assertContract(byte[] datagram) {
        DecodeResult r = ControlPacketDecoder.decode(datagram);
        if (r instanceof DecodeResult.Decoded d) {
            assertThat(ControlPacketDecoder.decode(ControlPacketEncoder.toBytes(d.packet()))).isEqualTo(r);
        } else {
            assertThat(((DecodeResult.Malformed) r).reason()).isNotNull();
        }
    }

    @Provide
    Arbitrary<ControlPacket> packets() {
        Arbitrary<SessionState> state = Arbitraries.of(SessionState.class);
        Arbitrary<Integer> my = Arbitraries.integers().filter(i -> i != 0);
        Arbitrary<Long> interval = Arbitraries.longs().between(0, ControlPacket.MAX_INTERVAL_MICROS);
        Arbitrary<Optional<Authentication>> auth = Arbitraries.oneOf(
                Arbitraries.just(Optional.empty()),
                Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16))
                        .as((id, pw) -> Optional.of(new Authentication.SimplePassword(id, pw))),
                Combinators.combine(Arbitraries.integers().between(2, 5), Arbitraries.integers().between(0, 255),
                                Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.bytes().array(byte[].class).ofSize(20))
                        .as((type, id, seq, d) -> Optional.of(new Authentication.KeyedDigest(type, id, seq,
                                java.util.Arrays.copyOf(d, Authentication.KeyedDigest.digestLength(type))))),
                Combinators.combine(Arbitraries.integers().between(6, 255), Arbitraries.bytes().array(byte[].class).ofMaxSize(40))
                        .as((type, data) -> Optional.of(new Authentication.Unknown(type, data))));
        return Combinators.combine(
                Combinators.combine(Arbitraries.integers().between(0, 31), state, Arbitraries.of(true, false), Arbitraries.of(true, false),
                        Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.integers().between(1, 255), my)
                        .as(Header::new),
                Arbitraries.integers(), interval, interval, interval, auth)
                .as((h, your, tx, rx, echo, a) -> new ControlPacket(new Diagnostic(h.diag), h.state, h.poll, h.fin, h.cpi, h.demand,
                        h.mult, h.my, your == 0 && (h.state == SessionState.UP || h.state == SessionState.INIT) ? 1 : your,
                        tx, rx, echo, a));
    }

    private record Header(int diag, SessionState state, boolean poll, boolean fin, boolean cpi, boolean demand, int mult, int my) { }
}
