package io.proxima.bgp.wire.cap;

import io.netty.buffer.ByteBuf;

/** Route Refresh capability (RFC 2918 §2): no value. */
public record RouteRefreshCapability() implements Capability {
    public static final RouteRefreshCapability INSTANCE = new RouteRefreshCapability();
    @Override public int code() { return ROUTE_REFRESH; }
    @Override public void writeValue(ByteBuf out) { }
}
