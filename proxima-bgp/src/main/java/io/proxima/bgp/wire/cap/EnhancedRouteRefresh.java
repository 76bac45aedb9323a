package io.proxima.bgp.wire.cap;

import io.netty.buffer.ByteBuf;

/** Enhanced Route Refresh capability (RFC 7313 §3.1): no value. */
public record EnhancedRouteRefresh() implements Capability {
    public static final EnhancedRouteRefresh INSTANCE = new EnhancedRouteRefresh();
    @Override public int code() { return ENHANCED_ROUTE_REFRESH; }
    @Override public void writeValue(ByteBuf out) { }
}
