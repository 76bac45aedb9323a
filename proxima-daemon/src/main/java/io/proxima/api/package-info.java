/**
 * The control plane: a localhost HTTP JSON API (status, services, peers, routes, drain, undrain,
 * reload) and Prometheus {@code /metrics}. The CLI talks to the daemon only through it.
 */
package io.proxima.api;
