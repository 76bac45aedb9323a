package io.proxima.bfd;

import io.netty.channel.Channel;
import io.netty.channel.unix.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * RFC 5881 §5 in the kernel: "All received BFD Control packets that are demultiplexed to the
 * session MUST be discarded if the received TTL or Hop Limit is not equal to 255."
 *
 * <p>Why a socket filter: Linux applies IP_MINTTL and IPV6_MINHOPCOUNT to TCP only. A UDP socket
 * with IP_MINTTL 255 still receives TTL 254 (checked on kernel 6.18), and Netty's datagram
 * channels do not hand the IP_RECVTTL control message to Java. So a classic BPF program on the
 * receiving socket reads the TTL (IPv4 header byte 8) or Hop Limit (IPv6 header byte 7) through
 * the network-header offset, and cuts a packet whose value is not 255 down to its UDP header. The
 * socket then receives an empty datagram, which no valid BFD packet is: the service counts it as a
 * {@link DropReason#TTL} drop, so operators see it, and a peer cannot reach the session from off
 * the link. (A genuine empty datagram is counted the same way; it is malformed either way.)
 *
 * <pre>
 *   ldb  [SKF_NET_OFF + 8]     ; 7 for IPv6
 *   jeq  #255, accept, strip
 *   accept: ret #ACCEPT_BYTES  ; the whole datagram
 *   strip:  ret #UDP_HEADER    ; header only: an empty payload
 * </pre>
 */
final class TtlFilter {

    /** linux/filter.h: negative offsets from here address the network header. */
    private static final int SKF_NET_OFF = -0x100000;
    private static final int IPV4_TTL_OFFSET = 8;
    private static final int IPV6_HOP_LIMIT_OFFSET = 7;
    private static final short LD_B_ABS = 0x30;
    private static final short JMP_JEQ_K = 0x15;
    private static final short RET_K = 0x06;
    /** More than any datagram: keep all of it. */
    private static final int ACCEPT_BYTES = 0x40000;
    /** The filter's return value counts from the UDP header, which the kernel always keeps. */
    private static final int UDP_HEADER = 8;
    private static final int INSTRUCTIONS = 4;
    /** struct sock_filter: u16 code, u8 jt, u8 jf, u32 k. */
    private static final int INSTRUCTION_SIZE = 8;

    private TtlFilter() {
    }

    /** Attaches the filter to an epoll datagram channel (not yet receiving: attach before bind). */
    static void attach(Channel ch, boolean ipv6) {
        ByteBuffer program = ByteBuffer.allocateDirect(INSTRUCTIONS * INSTRUCTION_SIZE).order(ByteOrder.nativeOrder());
        instruction(program, LD_B_ABS, 0, 0, SKF_NET_OFF + (ipv6 ? IPV6_HOP_LIMIT_OFFSET : IPV4_TTL_OFFSET));
        instruction(program, JMP_JEQ_K, 0, 1, SocketOptions.SINGLE_HOP_TTL);
        instruction(program, RET_K, 0, 0, ACCEPT_BYTES);
        instruction(program, RET_K, 0, 0, UDP_HEADER);
        program.flip();
        // struct sock_fprog { unsigned short len; struct sock_filter *filter; }: the pointer is
        // aligned to its own size, so the struct is two pointers long.
        int pointer = Buffer.addressSize();
        ByteBuffer fprog = ByteBuffer.allocateDirect(2 * pointer).order(ByteOrder.nativeOrder());
        fprog.putShort(0, (short) INSTRUCTIONS);
        if (pointer == Long.BYTES) fprog.putLong(pointer, Buffer.memoryAddress(program));
        else fprog.putInt(pointer, (int) Buffer.memoryAddress(program));
        fprog.position(0).limit(2 * pointer);
        // The kernel copies the program during setsockopt; the buffers are garbage afterwards.
        ch.config().setOption(SocketOptions.soAttachFilter(2 * pointer), fprog);
        java.lang.ref.Reference.reachabilityFence(program);
    }

    private static void instruction(ByteBuffer b, short code, int jt, int jf, int k) {
        b.putShort(code).put((byte) jt).put((byte) jf).putInt(k);
    }
}
