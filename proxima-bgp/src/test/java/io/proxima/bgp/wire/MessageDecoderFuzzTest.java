package io.proxima.bgp.wire;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Base64;

/**
 * Jazzer fuzz target for the BGP wire codec. The only allowed outcome is {@link DecodeContract}'s:
 * every input decodes to a message that round-trips, or to a {@link MessageError}; anything
 * thrown is a finding.
 *
 * <p>Input layout: the first octet picks the session facts ({@link DecodeContract#factsFromOctet}:
 * bit 0 four-octet AS, bits 1 and 2 ADD-PATH for IPv4 and IPv6 unicast, bit 3 extended messages,
 * bit 4 MRT RIB-entry attributes); the rest is decoded as BGP messages back to back, as they
 * arrive on a session.
 *
 * <p>A plain {@code mvn test} replays the committed inputs under
 * {@code src/test/resources/io/proxima/bgp/wire/MessageDecoderFuzzTestInputs/decode/} (regression
 * mode). With {@code JAZZER_FUZZ=1} Jazzer mutates them for {@code maxDuration} and writes any
 * crashing input into that directory. See docs/fuzzing.md.
 */
class MessageDecoderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void decode(byte[] input) {
        if (input.length == 0) return;
        try {
            decodeAll(input);
        } catch (Throwable t) {
            // Jazzer saves the input as a file, but the CI burst's files go with its clone: carry
            // the input in the report too. Suppressed, so that the finding keeps its own stack.
            t.addSuppressed(new FindingInput(input));
            throw t;
        }
    }

    private static void decodeAll(byte[] input) {
        SessionFacts facts = DecodeContract.factsFromOctet(input[0] & 0xFF);
        ByteBuf in = Unpooled.wrappedBuffer(input, 1, input.length - 1);
        while (in.isReadable()) {
            int before = in.readerIndex();
            DecodeResult r = DecodeContract.decode(in, facts);
            if (in.readerIndex() == before) {
                // Fewer octets than a header: left for the next read, and only as an error.
                if (r instanceof DecodeResult.Decoded) throw new AssertionError("decoded a message without consuming input");
                return;
            }
        }
    }

    /** The input of a finding, printed with it; save it with {@code base64 -d} into the inputs directory. */
    private static final class FindingInput extends Exception {
        FindingInput(byte[] input) {
            super("fuzz input (base64): " + Base64.getEncoder().encodeToString(input), null, false, false);
        }
    }
}
