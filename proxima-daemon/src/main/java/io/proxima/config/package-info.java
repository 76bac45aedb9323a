/**
 * The configuration: YAML in, immutable validated records out. Validation reports every error it
 * finds, each as {@code file:line:col: message}, and a config with any error is never run.
 *
 * <p>{@link io.proxima.config.ConfigLoader} is the entry point; {@link io.proxima.config.Defaults}
 * holds every default, and docs/config.md and docs/config.schema.json describe the same keys (a
 * test keeps the schema and the loader's key tables equal).
 *
 * <p>Rules taken from RFCs: hold time 0 or at least 3 s (RFC 4271 §4.2); 4-octet AS numbers, not
 * AS_TRANS (RFC 6793) nor the last AS numbers (RFC 7300); a non-zero router ID (RFC 6286);
 * communities (RFC 1997, RFC 8326 graceful-shutdown), large communities (RFC 8092); graceful
 * restart time in 12 bits (RFC 4724 §3); BFD detect multiplier in 8 bits (RFC 5880 §4.1);
 * reserved subnet anycast addresses (RFC 2526, see {@link io.proxima.config.Rfc2526}).
 *
 * <p>Deliberate choices: scalars are read as written, not with YAML 1.1's implicit types (65010:100
 * is a community, not a base-60 number; only true and false are booleans); relative paths are
 * relative to the config file's directory; files the config names (TCP MD5 keys, API tokens, LDAP
 * passwords) must exist when it loads, so a missing key is an error message and not a session that
 * never comes up.
 */
package io.proxima.config;
