/**
 * The daemon: wiring and lifecycle. Health engine → announce policy → speaker, with the lease,
 * drain state, managed addresses, the event log, metrics and systemd notification beside them.
 */
package io.proxima.daemon;
