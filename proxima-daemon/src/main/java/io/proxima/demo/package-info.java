/**
 * {@code proxima demo}: the seed's picture (four edge routers, four sites announcing one anycast
 * address, four clients) in one JVM, without root. Routers are Proxima's own speakers in router
 * mode; sites are real daemons with real health checks against the real DNS responder; clients
 * follow their router's Loc-RIB best path (simulated forwarding) and send real DNS queries over
 * UDP on 127.0.0.0/8.
 */
package io.proxima.demo;
