package io.proxima.bgp.session;

import io.netty.channel.ChannelOption;
import io.netty.channel.unix.IntegerUnixChannelOption;

/**
 * Linux socket options that Netty has no named option for, set through epoll's raw integer
 * options (values from linux/in.h and linux/in6.h).
 */
final class SocketOptions {

    private SocketOptions() {
    }

    private static final int IPPROTO_IP = 0;
    private static final int IPPROTO_IPV6 = 41;

    /** The TTL of sent IPv4 packets. */
    static final ChannelOption<Integer> IP_TTL = new IntegerUnixChannelOption("IP_TTL", IPPROTO_IP, 2);
    /** RFC 5082 GTSM: drop received IPv4 packets with a lower TTL. */
    static final ChannelOption<Integer> IP_MINTTL = new IntegerUnixChannelOption("IP_MINTTL", IPPROTO_IP, 21);
    /** The hop limit of sent IPv6 packets. */
    static final ChannelOption<Integer> IPV6_UNICAST_HOPS = new IntegerUnixChannelOption("IPV6_UNICAST_HOPS", IPPROTO_IPV6, 16);
    /** RFC 5082 GTSM for IPv6: drop received packets with a lower hop limit. */
    static final ChannelOption<Integer> IPV6_MINHOPCOUNT = new IntegerUnixChannelOption("IPV6_MINHOPCOUNT", IPPROTO_IPV6, 73);

    /** RFC 5082 §3: GTSM sends with TTL 255 and accepts 255 minus the allowed hops. */
    static final int GTSM_TTL = 255;
    /** RFC 4271 practice: a directly connected eBGP peer is one hop away, so TTL 1. */
    static final int EBGP_DEFAULT_TTL = 1;
}
