package io.proxima.bfd;

import io.netty.channel.ChannelOption;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.channel.unix.RawUnixChannelOption;

/**
 * Linux socket options that Netty names no option for, set through epoll's raw options (values
 * from asm-generic/socket.h, linux/in.h, linux/in6.h).
 */
final class SocketOptions {

    private SocketOptions() {
    }

    private static final int SOL_SOCKET = 1;
    private static final int IPPROTO_IP = 0;
    private static final int IPPROTO_IPV6 = 41;
    /** Linux IFNAMSIZ, the terminating NUL included. */
    static final int IFNAMSIZ = 16;

    /** The TTL of sent IPv4 packets. */
    static final ChannelOption<Integer> IP_TTL = new IntegerUnixChannelOption("IP_TTL", IPPROTO_IP, 2);
    /** The hop limit of sent IPv6 packets. */
    static final ChannelOption<Integer> IPV6_UNICAST_HOPS = new IntegerUnixChannelOption("IPV6_UNICAST_HOPS", IPPROTO_IPV6, 16);
    /** Binds a socket to one interface: packets leave and are accepted only there. */
    static final RawUnixChannelOption SO_BINDTODEVICE = new RawUnixChannelOption("SO_BINDTODEVICE", SOL_SOCKET, 25, IFNAMSIZ);

    /** A classic BPF socket filter: {@code struct sock_fprog}, whose size depends on the pointer size. */
    static RawUnixChannelOption soAttachFilter(int fprogSize) {
        return new RawUnixChannelOption("SO_ATTACH_FILTER", SOL_SOCKET, 26, fprogSize);
    }

    /** RFC 5881 §5: "all BFD Control packets for the session MUST be sent with a Time to Live (TTL) or Hop Limit value of 255". */
    static final int SINGLE_HOP_TTL = 255;
}
