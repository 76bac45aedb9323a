package io.proxima.bgp.session;

import io.proxima.bgp.wire.Notification;

/** A session's counters; written on its event loop, copied into snapshots for readers. */
public final class SessionCounters {
    long messagesIn;
    long messagesOut;
    long updatesIn;
    long updatesOut;
    long malformedUpdates;
    long establishedTransitions;
    long establishedAtNanos;
    String lastError;
    Notification lastNotificationSent;
    Notification lastNotificationReceived;

    public long messagesIn() { return messagesIn; }
    public long messagesOut() { return messagesOut; }
    public long updatesIn() { return updatesIn; }
    public long updatesOut() { return updatesOut; }
    public long malformedUpdates() { return malformedUpdates; }
    public long establishedTransitions() { return establishedTransitions; }
    public long establishedAtNanos() { return establishedAtNanos; }
    public String lastError() { return lastError; }
    public Notification lastNotificationSent() { return lastNotificationSent; }
    public Notification lastNotificationReceived() { return lastNotificationReceived; }
}
