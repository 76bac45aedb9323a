package io.proxima.config;

import io.proxima.health.check.DnsCheck;
import io.proxima.health.engine.Combine;
import io.proxima.health.engine.FlapDamping;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Every value the loader fills in for a key the config leaves out, in one place, so that
 * docs/config.md, docs/config.schema.json and the code can be checked against one list.
 *
 * <p><b>Check timing.</b> A check probes every {@link #INTERVAL} (500 ms), gives each probe
 * {@link #TIMEOUT} (250 ms), and needs {@link #RISE} (3) passes in a row to come UP and
 * {@link #FALL} (2) failures in a row to go DOWN. The worst case from a dead service to the
 * withdraw is therefore fall × interval + timeout = {@link #WORST_CASE_FAILOVER}, 1.25 s. This is a
 * deliberate product choice: under the 1.5 s the project promises by default, and slow enough
 * that a healthy service never flaps (two probes in a row must fail, each given a quarter of a
 * second, before anything is withdrawn; three must pass before anything is announced).
 */
public final class Defaults {

    public static final Duration INTERVAL = Duration.ofMillis(500);
    public static final Duration TIMEOUT = Duration.ofMillis(250);
    public static final int RISE = 3;
    public static final int FALL = 2;
    /** fall × interval + timeout: how long a dead service stays announced at worst (DESIGN.md rule 2). */
    public static final Duration WORST_CASE_FAILOVER = INTERVAL.multipliedBy(FALL).plus(TIMEOUT);
    public static final FlapDamping DAMPING = FlapDamping.DEFAULTS;
    /** The damping ceiling is this many times reuse: at most five half-lives held down (2^5). */
    public static final int DAMPING_CEILING_PER_REUSE = 32;

    public static final int BGP_PORT = 179;
    public static final Duration HOLD_TIME = PeerSpec.DEFAULT_HOLD_TIME;
    /** Graceful restart is off unless asked for: it keeps a dead node's routes alive (DESIGN.md rule 4). */
    public static final int GRACEFUL_RESTART_OFF = -1;
    /** 0: the speaker's default TTL (1 for eBGP). */
    public static final int MULTIHOP = 0;
    public static final Duration BFD_INTERVAL = Duration.ofMillis(300);
    public static final int BFD_MULTIPLIER = 3;

    public static final Combine REQUIRE = new Combine.All();
    public static final Duration DRAIN = ServiceConfig.DEFAULT_DRAIN;

    public static final ApiConfig API = ApiConfig.DEFAULT;
    public static final int API_PORT = ApiConfig.DEFAULT_PORT;
    public static final AddressesConfig ADDRESSES = AddressesConfig.DEFAULT;
    public static final Path STATE_DIR = ProximaConfig.DEFAULT_STATE_DIR;
    public static final EventLogConfig EVENT_LOG = EventLogConfig.DEFAULT;
    public static final Duration LEASE = ProximaConfig.DEFAULT_LEASE;
    public static final Duration SHUTDOWN_TIMEOUT = ProximaConfig.DEFAULT_SHUTDOWN_TIMEOUT;

    public static final String HTTP_METHOD = "GET";
    public static final boolean HTTP_VERIFY_TLS = true;
    public static final int DNS_PORT = DnsCheck.DEFAULT_PORT;
    public static final DnsCheck.DnsType DNS_TYPE = DnsCheck.DnsType.A;
    public static final DnsCheck.DnsClass DNS_CLASS = DnsCheck.DnsClass.IN;
    public static final DnsCheck.Transport DNS_TRANSPORT = DnsCheck.Transport.UDP;
    public static final DnsCheck.Rcode DNS_RCODE = DnsCheck.Rcode.NOERROR;
    public static final String LDAP_BASE = "";
    public static final String LDAP_FILTER = "(objectClass=*)";
    public static final String UDP_SEND_HEX = "";
    public static final boolean FILE_EXISTS = true;


    private Defaults() {}

    /**
     * The timeout of a check that sets no timeout: {@link #TIMEOUT}, but never more than half its
     * interval, so that {@code interval: 100ms} alone is a valid check (timeout 50 ms).
     */
    public static Duration timeoutFor(Duration interval) {
        Duration half = interval.dividedBy(2);
        return half.compareTo(TIMEOUT) < 0 ? half : TIMEOUT;
    }

    /** The event log's stdout switch when not given: on, unless the events go to a file. */
    public static boolean eventLogStdout(boolean hasFile) {
        return !hasFile;
    }
}
