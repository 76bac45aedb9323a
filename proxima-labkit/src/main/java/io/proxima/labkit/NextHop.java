package io.proxima.labkit;

/**
 * One next hop of a kernel FIB route, as {@code ip -j route show} reports it. {@code gateway} is
 * null for a directly connected route; {@code device} is null for blackhole/unreachable routes.
 */
public record NextHop(String gateway, String device) {
}
