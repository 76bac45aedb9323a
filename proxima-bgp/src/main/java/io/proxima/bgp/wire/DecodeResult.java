package io.proxima.bgp.wire;

/**
 * What decoding one message yields: the message, or a {@link MessageError}. Never an exception:
 * malformed input is a value (RFC 7606 makes it a normal event).
 */
public sealed interface DecodeResult permits DecodeResult.Decoded, MessageError {

    /** A well-formed message. */
    record Decoded(BgpMessage message) implements DecodeResult { }
}
