package io.proxima.bgp.wire;

/**
 * A BGP-4 message (RFC 4271 §4). Every message starts with the fixed header:
 * <pre>
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                           Marker (16 octets of 0xFF)          |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |          Length               |      Type     |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public sealed interface BgpMessage permits Open, Update, Notification, Keepalive, RouteRefresh {

    int MARKER_LENGTH = 16;
    int HEADER_LENGTH = 19;
    /** RFC 4271 §4.1: the largest message without RFC 8654. */
    int MAX_LENGTH = 4096;
    /** RFC 8654 §4: with the Extended Message capability on both sides. */
    int MAX_EXTENDED_LENGTH = 65535;

    int TYPE_OPEN = 1;
    int TYPE_UPDATE = 2;
    int TYPE_NOTIFICATION = 3;
    int TYPE_KEEPALIVE = 4;
    int TYPE_ROUTE_REFRESH = 5;

    int type();
}
