package io.proxima.bfd;

/** What {@link ControlPacketDecoder} makes of a datagram: a packet, or the rule it breaks. Never an exception. */
public sealed interface DecodeResult {

    record Decoded(ControlPacket packet) implements DecodeResult { }

    /**
     * @param reason the §6.8.6 rule
     * @param detail the offending value, for the log
     */
    record Malformed(DropReason reason, String detail) implements DecodeResult { }
}
