package io.proxima.dns;

import java.net.InetSocketAddress;

/**
 * A datagram that Netty's decoder could not read, as a value rather than an exception: the
 * handler answers FORMERR when the header was readable and was a query, and drops it otherwise
 * (RFC 1035 section 4.1.1; never answer a response, or two servers could ping-pong).
 *
 * @param id the query ID, copied into the FORMERR
 * @param flags the second header word, for the opcode and RD bit
 * @param answerable false for fewer than {@value GuardedQueryDecoder#HEADER_OCTETS} octets or a set QR bit: drop
 */
record MalformedQuery(InetSocketAddress sender, InetSocketAddress recipient, int id, int flags, boolean answerable) {
}
