/**
 * The announce policy: a pure function from each service's state (the health engine's verdict,
 * plus drain) to the routes it should have. The daemon hands the result to the speaker as the
 * desired set; the speaker's Adj-RIB-Out turns the difference into UPDATEs.
 */
package io.proxima.policy;
