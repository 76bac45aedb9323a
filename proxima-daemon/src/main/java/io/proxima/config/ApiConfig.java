package io.proxima.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The HTTP control API. Listening anywhere but loopback requires a token file.
 *
 * @param listen    address and port; port 0 picks a free one (tests)
 * @param tokenFile a file whose content is the bearer token every request must carry
 */
public record ApiConfig(InetSocketAddress listen, Optional<Path> tokenFile) {

    public static final int DEFAULT_PORT = 9179;
    public static final ApiConfig DEFAULT =
            new ApiConfig(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), DEFAULT_PORT), Optional.empty());
}
