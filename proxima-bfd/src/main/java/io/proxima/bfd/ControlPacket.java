package io.proxima.bfd;

import java.util.Optional;

/**
 * A BFD Control packet (RFC 5880 §4.1), as it is valid to receive: {@link ControlPacketDecoder}
 * returns one only when every packet-level check of §6.8.6 has passed, so the compact constructor
 * refuses what those checks refuse. The Version (always 1) and the Multipoint bit (always 0) are
 * therefore not fields; the A bit is {@code authentication.isPresent()} and Length is
 * {@link #length()}.
 *
 * <p>Intervals are microseconds, unsigned 32 bits on the wire, as the RFC states them.
 *
 * @param diagnostic               the sender's reason for its last state change
 * @param state                    the sender's session state
 * @param poll                     P: the sender asks for verification of a parameter change
 * @param fin                      F: the reply to a packet with P set
 * @param controlPlaneIndependent  C: the sender's BFD does not share fate with its control plane
 * @param demand                   D: the sender wants to run in Demand mode
 * @param detectMult               the sender's detection time multiplier, 1..255
 * @param myDiscriminator          the sender's own discriminator, nonzero
 * @param yourDiscriminator        the receiver's discriminator as the sender knows it, or 0
 * @param desiredMinTxMicros       how often the sender wants to send
 * @param requiredMinRxMicros      how often the sender can receive; 0: do not send periodically
 * @param requiredMinEchoRxMicros  how often the sender can receive Echo packets; 0: none
 * @param authentication           the Authentication Section, if the A bit is set
 */
public record ControlPacket(Diagnostic diagnostic, SessionState state, boolean poll, boolean fin,
                            boolean controlPlaneIndependent, boolean demand, int detectMult,
                            int myDiscriminator, int yourDiscriminator, long desiredMinTxMicros,
                            long requiredMinRxMicros, long requiredMinEchoRxMicros,
                            Optional<Authentication> authentication) {

    /** The only version RFC 5880 defines. */
    public static final int VERSION = 1;
    /** §4.1: the Mandatory Section is 24 bytes. */
    public static final int MANDATORY_LENGTH = 24;
    /** §6.8.6: with the A bit set, the packet holds at least Auth Type and Auth Len. */
    public static final int MIN_AUTHENTICATED_LENGTH = 26;
    /** The Length field is one octet. */
    public static final int MAX_LENGTH = 255;
    /** Detect Mult is one octet, and 0 is refused by §6.8.6. */
    public static final int MAX_DETECT_MULT = 255;
    /** The interval fields are unsigned 32-bit microsecond counts. */
    public static final long MAX_INTERVAL_MICROS = 0xFFFF_FFFFL;

    public ControlPacket {
        if (detectMult < 1 || detectMult > MAX_DETECT_MULT) throw new IllegalArgumentException("Detect Mult " + detectMult + " is not 1.." + MAX_DETECT_MULT);
        if (myDiscriminator == 0) throw new IllegalArgumentException("My Discriminator must be nonzero (RFC 5880 §6.8.6)");
        if (yourDiscriminator == 0 && state != SessionState.DOWN && state != SessionState.ADMIN_DOWN) {
            throw new IllegalArgumentException("Your Discriminator 0 is valid only in Down and AdminDown (RFC 5880 §6.8.6), not " + state.rfcName());
        }
        checkInterval(desiredMinTxMicros, "Desired Min TX Interval");
        checkInterval(requiredMinRxMicros, "Required Min RX Interval");
        checkInterval(requiredMinEchoRxMicros, "Required Min Echo RX Interval");
        if (authentication.isPresent() && MANDATORY_LENGTH + authentication.get().length() > MAX_LENGTH) {
            throw new IllegalArgumentException("packet longer than " + MAX_LENGTH + " bytes");
        }
    }

    /** The Length field: the Mandatory Section plus the Authentication Section, if any. */
    public int length() {
        return MANDATORY_LENGTH + authentication.map(Authentication::length).orElse(0);
    }

    /** This packet with another Authentication Section (e.g. after signing). */
    public ControlPacket withAuthentication(Optional<Authentication> auth) {
        return new ControlPacket(diagnostic, state, poll, fin, controlPlaneIndependent, demand, detectMult, myDiscriminator,
                yourDiscriminator, desiredMinTxMicros, requiredMinRxMicros, requiredMinEchoRxMicros, auth);
    }

    /** The discriminators as BIRD and FRR print them: unsigned decimal. */
    public static String discriminator(int d) {
        return Integer.toUnsignedString(d);
    }

    @Override
    public String toString() {
        return "BFD " + state.rfcName() + (poll ? " P" : "") + (fin ? " F" : "") + (demand ? " D" : "")
                + " diag=" + diagnostic.code() + " mult=" + detectMult + " my=" + discriminator(myDiscriminator)
                + " your=" + discriminator(yourDiscriminator) + " tx=" + desiredMinTxMicros + "us rx=" + requiredMinRxMicros
                + "us echo=" + requiredMinEchoRxMicros + "us" + authentication.map(a -> " auth=" + a).orElse("");
    }

    private static void checkInterval(long micros, String what) {
        if (micros < 0 || micros > MAX_INTERVAL_MICROS) throw new IllegalArgumentException(what + " " + micros + " µs is not an unsigned 32-bit value");
    }
}
