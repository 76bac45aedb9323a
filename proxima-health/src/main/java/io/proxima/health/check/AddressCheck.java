package io.proxima.health.check;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/** Pass while {@code address} is configured on this host, on {@code interfaceName} if set. */
public record AddressCheck(InetAddress address, Optional<String> interfaceName, Timing timing) implements CheckSpec {

    public AddressCheck {
        Objects.requireNonNull(address, "address: address is required");
        Objects.requireNonNull(interfaceName, "address: interfaceName must be an Optional");
        interfaceName.ifPresent(n -> {
            if (n.isBlank()) throw new IllegalArgumentException("address: interface name must not be empty");
        });
        Validation.timing("address", timing);
    }
}
