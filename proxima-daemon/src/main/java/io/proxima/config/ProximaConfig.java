package io.proxima.config;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.dns.ResponderConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A whole, validated configuration: what {@code proxima run -c FILE} runs. Every record in this
 * package is immutable and compares by value, so a reload can diff the old and new configuration
 * piece by piece (a changed peer resets that peer only; a changed check or policy resets nothing).
 *
 * @param source     the file it was read from, for messages
 * @param routerId   BGP identifier, an IPv4 address
 * @param localAs    our AS
 * @param listen     where the speaker accepts BGP connections from configured peers; empty: it
 *                   only connects out
 * @param peers      the routers we announce to
 * @param services   in the file's order; names are unique
 * @param addresses  the anycast addresses on an interface
 * @param api        the HTTP control API
 * @param stateDir   where drain state survives a restart
 * @param eventLog   where the JSON-lines event log goes
 * @param lease      the dead-man switch: withdraw everything when the health engine has not
 *                   re-asserted its state for this long
 * @param shutdownTimeout the bound on SIGTERM's drain, withdraw and Cease
 * @param dnsResponder the built-in DNS responder on the service addresses, if configured
 */
public record ProximaConfig(Path source, IpAddress routerId, long localAs, List<InetSocketAddress> listen,
                            List<PeerSpec> peers, List<ServiceConfig> services, AddressesConfig addresses,
                            ApiConfig api, Path stateDir, EventLogConfig eventLog, Duration lease,
                            Duration shutdownTimeout, Optional<ResponderConfig> dnsResponder) {

    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/proxima");

    public ProximaConfig {
        listen = List.copyOf(listen);
        peers = List.copyOf(peers);
        services = List.copyOf(services);
        java.util.Objects.requireNonNull(dnsResponder, "dnsResponder");
    }

    /** A config without the built-in DNS responder. */
    public ProximaConfig(Path source, IpAddress routerId, long localAs, List<InetSocketAddress> listen, List<PeerSpec> peers,
                         List<ServiceConfig> services, AddressesConfig addresses, ApiConfig api, Path stateDir, EventLogConfig eventLog,
                         Duration lease, Duration shutdownTimeout) {
        this(source, routerId, localAs, listen, peers, services, addresses, api, stateDir, eventLog, lease, shutdownTimeout, Optional.empty());
    }

    public Optional<ServiceConfig> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<PeerSpec> peer(IpAddress address) {
        return peers.stream().filter(p -> p.address().equals(address)).findFirst();
    }
}
