package io.proxima.bgp.wire;

import static io.proxima.bgp.wire.BgpMessage.HEADER_LENGTH;
import static io.proxima.bgp.wire.BgpMessage.MARKER_LENGTH;
import static io.proxima.bgp.wire.ErrorCode.HEADER_BAD_MESSAGE_LENGTH;
import static io.proxima.bgp.wire.ErrorCode.HEADER_BAD_MESSAGE_TYPE;
import static io.proxima.bgp.wire.ErrorCode.HEADER_CONNECTION_NOT_SYNCHRONIZED;
import static io.proxima.bgp.wire.ErrorCode.MESSAGE_HEADER;
import static io.proxima.bgp.wire.ErrorCode.OPEN_MESSAGE;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.cap.Capability;
import io.proxima.bgp.wire.cap.FourOctetAs;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one framed BGP message (header included) into a {@link DecodeResult}. Pure: no state, no
 * I/O, no logging. Every read is bounded by the length of its field.
 */
public final class MessageDecoder {

    /** RFC 4271 §4.2: a hold time of one or two seconds MUST be rejected. */
    public static final int MIN_NONZERO_HOLD_TIME = 3;

    private MessageDecoder() {
    }

    /**
     * Peeks at a buffer that may hold a partial message: the total length of the first message, or
     * -1 when the header is not complete yet. Does not validate; {@link #decode} does.
     */
    public static int frameLength(ByteBuf in) {
        if (in.readableBytes() < HEADER_LENGTH) return -1;
        return in.getUnsignedShort(in.readerIndex() + MARKER_LENGTH);
    }

    /** Decodes the message at the reader index, which must hold at least the whole message. */
    public static DecodeResult decode(ByteBuf in, SessionFacts facts) {
        int start = in.readerIndex();
        if (in.readableBytes() < HEADER_LENGTH) {
            return MessageError.reset(MESSAGE_HEADER, HEADER_BAD_MESSAGE_LENGTH,
                    UpdateDecoder.lengthData(in.readableBytes()), "message shorter than the 19-octet header");
        }
        for (int i = 0; i < MARKER_LENGTH; i++) {
            if (in.getByte(start + i) != (byte) 0xFF) {
                in.skipBytes(in.readableBytes());
                // RFC 4271 §6.1: the Marker field is not as expected.
                return MessageError.reset(MESSAGE_HEADER, HEADER_CONNECTION_NOT_SYNCHRONIZED, Octets.EMPTY,
                        "marker is not all ones (RFC 4271 §6.1)");
            }
        }
        int length = in.getUnsignedShort(start + MARKER_LENGTH);
        int type = in.getUnsignedByte(start + MARKER_LENGTH + 2);
        Octets lengthData = UpdateDecoder.lengthData(length);
        if (length < HEADER_LENGTH || length > facts.maxMessageLength()) {
            in.skipBytes(in.readableBytes());
            return MessageError.reset(MESSAGE_HEADER, HEADER_BAD_MESSAGE_LENGTH, lengthData,
                    "length " + length + " outside 19.." + facts.maxMessageLength() + " (RFC 4271 §6.1)");
        }
        if (length > in.readableBytes()) {
            int present = in.readableBytes();
            in.skipBytes(present);
            return MessageError.reset(MESSAGE_HEADER, HEADER_BAD_MESSAGE_LENGTH, lengthData,
                    "length " + length + " but only " + present + " octets present");
        }
        in.skipBytes(HEADER_LENGTH);
        ByteBuf body = in.readSlice(length - HEADER_LENGTH);
        int min = switch (type) {
            case BgpMessage.TYPE_OPEN -> HEADER_LENGTH + Open.FIXED_LENGTH;
            case BgpMessage.TYPE_UPDATE -> HEADER_LENGTH + Update.FIXED_LENGTH;
            case BgpMessage.TYPE_NOTIFICATION -> HEADER_LENGTH + 2;
            case BgpMessage.TYPE_KEEPALIVE, BgpMessage.TYPE_ROUTE_REFRESH -> HEADER_LENGTH;
            default -> -1;
        };
        if (min < 0) {
            // RFC 4271 §6.1: the Data field contains the erroneous Type field.
            return MessageError.reset(MESSAGE_HEADER, HEADER_BAD_MESSAGE_TYPE, Octets.of((byte) type),
                    "unknown message type " + type + " (RFC 4271 §6.1)");
        }
        if (length < min || (type == BgpMessage.TYPE_KEEPALIVE && length != HEADER_LENGTH)) {
            return MessageError.reset(MESSAGE_HEADER, HEADER_BAD_MESSAGE_LENGTH, lengthData,
                    "length " + length + " is wrong for message type " + type + " (RFC 4271 §6.1)");
        }
        return switch (type) {
            case BgpMessage.TYPE_OPEN -> decodeOpen(body);
            case BgpMessage.TYPE_UPDATE -> UpdateDecoder.decode(body, facts);
            case BgpMessage.TYPE_NOTIFICATION -> new DecodeResult.Decoded(
                    new Notification(body.readUnsignedByte(), body.readUnsignedByte(), Octets.read(body, body.readableBytes())));
            case BgpMessage.TYPE_KEEPALIVE -> new DecodeResult.Decoded(Keepalive.INSTANCE);
            default -> decodeRouteRefresh(in, start, length, body);
        };
    }

    private static DecodeResult decodeRouteRefresh(ByteBuf in, int start, int length, ByteBuf body) {
        if (body.readableBytes() != RouteRefresh.BODY_LENGTH) {
            // RFC 7313 §5: the Data field holds the complete ROUTE-REFRESH message.
            return MessageError.reset(ErrorCode.ROUTE_REFRESH_MESSAGE, ErrorCode.ROUTE_REFRESH_INVALID_LENGTH,
                    Octets.read(in.duplicate().readerIndex(start), length), "ROUTE-REFRESH length " + length + " (RFC 7313 §5)");
        }
        int afi = body.readUnsignedShort();
        int subtype = body.readUnsignedByte();
        return new DecodeResult.Decoded(new RouteRefresh(Family.of(afi, body.readUnsignedByte()), subtype));
    }

    private static DecodeResult decodeOpen(ByteBuf body) {
        int version = body.readUnsignedByte();
        int myAs = body.readUnsignedShort();
        int holdTime = body.readUnsignedShort();
        IpAddress id = IpAddress.v4(body.readInt());
        int optLength = body.readUnsignedByte();
        if (version != Open.VERSION) {
            // RFC 4271 §6.2: Data = the largest locally supported version, 2 octets.
            return MessageError.reset(OPEN_MESSAGE, ErrorCode.OPEN_UNSUPPORTED_VERSION, Octets.of((byte) 0, (byte) Open.VERSION),
                    "BGP version " + version + " (RFC 4271 §6.2)");
        }
        if (myAs == 0) {
            return MessageError.reset(OPEN_MESSAGE, ErrorCode.OPEN_BAD_PEER_AS, Octets.EMPTY, "My AS is 0 (RFC 7607 §2)");
        }
        if (holdTime > 0 && holdTime < MIN_NONZERO_HOLD_TIME) {
            return MessageError.reset(OPEN_MESSAGE, ErrorCode.OPEN_UNACCEPTABLE_HOLD_TIME, Octets.EMPTY,
                    "hold time " + holdTime + " s is neither 0 nor at least 3 s (RFC 4271 §6.2)");
        }
        if (id.isUnspecified()) {
            return MessageError.reset(OPEN_MESSAGE, ErrorCode.OPEN_BAD_BGP_IDENTIFIER, Octets.EMPTY,
                    "BGP Identifier 0.0.0.0 (RFC 6286 §2.2)");
        }
        boolean extended = false;
        int paramsLength = optLength;
        // RFC 9072 §2: Opt Parm Len 255 and a first Parm Type of 255 announce 2-octet lengths.
        if (optLength == Open.PARAM_EXTENDED_LENGTH && body.readableBytes() >= 3
                && body.getUnsignedByte(body.readerIndex()) == Open.PARAM_EXTENDED_LENGTH) {
            body.skipBytes(1);
            paramsLength = body.readUnsignedShort();
            extended = true;
        }
        if (paramsLength != body.readableBytes()) {
            return MessageError.reset(OPEN_MESSAGE, 0, Octets.EMPTY,
                    "Optional Parameters Length " + paramsLength + " but " + body.readableBytes() + " octets follow");
        }
        List<List<Capability>> params = new ArrayList<>();
        while (body.isReadable()) {
            int headerLength = extended ? 3 : 2;
            if (body.readableBytes() < headerLength) {
                return MessageError.reset(OPEN_MESSAGE, 0, Octets.EMPTY, "truncated optional parameter header");
            }
            int ptype = body.readUnsignedByte();
            int plen = extended ? body.readUnsignedShort() : body.readUnsignedByte();
            if (plen > body.readableBytes()) {
                return MessageError.reset(OPEN_MESSAGE, 0, Octets.EMPTY, "optional parameter of " + plen + " octets overruns the OPEN");
            }
            ByteBuf pvalue = body.readSlice(plen);
            if (ptype != Open.PARAM_CAPABILITIES) {
                // RFC 4271 §6.2 / RFC 5492 §3: only Capabilities (2) is defined.
                return MessageError.reset(OPEN_MESSAGE, ErrorCode.OPEN_UNSUPPORTED_OPTIONAL_PARAMETER, Octets.EMPTY,
                        "unsupported optional parameter type " + ptype + " (RFC 4271 §6.2)");
            }
            List<Capability> caps = new ArrayList<>();
            while (pvalue.isReadable()) {
                if (pvalue.readableBytes() < 2) {
                    return MessageError.reset(OPEN_MESSAGE, 0, Octets.EMPTY, "truncated capability header (RFC 5492 §4)");
                }
                int code = pvalue.readUnsignedByte();
                int clen = pvalue.readUnsignedByte();
                if (clen > pvalue.readableBytes()) {
                    return MessageError.reset(OPEN_MESSAGE, 0, Octets.EMPTY, "capability " + code + " overruns its parameter (RFC 5492 §4)");
                }
                try {
                    Capability c = Capability.decode(code, pvalue.readSlice(clen));
                    if (c instanceof FourOctetAs f && f.asn() == 0) {
                        return MessageError.reset(OPEN_MESSAGE, ErrorCode.OPEN_BAD_PEER_AS, Octets.EMPTY,
                                "4-octet AS capability carries AS 0 (RFC 7607 §2)");
                    }
                    caps.add(c);
                } catch (Capability.Malformed e) {
                    return MessageError.reset(OPEN_MESSAGE, 0, Octets.EMPTY, e.getMessage() + " (RFC 5492 §4)");
                }
            }
            params.add(caps);
        }
        return new DecodeResult.Decoded(new Open(version, myAs, holdTime, id, params));
    }
}
