package io.proxima.config;

/**
 * The anycast addresses on an interface.
 *
 * @param manage add each service prefix's address to {@code device} at start and remove it after
 *               the withdraw is on the wire; off: the operator manages them
 */
public record AddressesConfig(String device, boolean manage) {

    public static final AddressesConfig DEFAULT = new AddressesConfig("lo", false);
}
