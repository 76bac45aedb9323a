package io.proxima.bfd;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Where control packets arrive: the local address (and interface) a receiving socket is bound to.
 * Sessions with the same one share that socket.
 */
record LocalBinding(InetAddress address, Optional<String> iface) {

    static LocalBinding of(SessionKey k) {
        return new LocalBinding(k.local(), k.interfaceName());
    }
}
