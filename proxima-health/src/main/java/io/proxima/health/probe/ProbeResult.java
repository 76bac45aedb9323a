package io.proxima.health.probe;

import java.time.Duration;

/**
 * What one probe of a service found: pass or fail, how long it took, and why (for the event log
 * and the service state's reason).
 *
 * @param latency time from sending to the verdict; for a timeout, the timeout
 * @param reason  short and specific: "connect refused", "HTTP 503", "rcode SERVFAIL", "exit 2"
 * @param detail  more for the event log (bounded output of an exec check, an NSID), may be empty
 */
public record ProbeResult(boolean pass, Duration latency, String reason, String detail) {

    public ProbeResult {
        if (latency.isNegative()) throw new IllegalArgumentException("negative latency");
        if (reason == null) reason = "";
        if (detail == null) detail = "";
    }

    public static ProbeResult pass(Duration latency, String reason) {
        return new ProbeResult(true, latency, reason, "");
    }

    public static ProbeResult fail(Duration latency, String reason) {
        return new ProbeResult(false, latency, reason, "");
    }
}
