package io.proxima.bgp.rib;

import io.proxima.bgp.wire.BgpMessage;
import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.Update;
import java.util.List;

/**
 * The messages that bring a peer's view up to date, in the order to send them: UPDATEs, End-of-RIB
 * markers, and for an enhanced route refresh the BoRR / EoRR ROUTE-REFRESH messages around them
 * (RFC 7313 §4).
 *
 * @param announced  routes announced (new or changed)
 * @param withdrawn  routes withdrawn
 * @param unsendable routes that could not be sent: a family the session did not negotiate, or
 *                   attributes too long for one message with the route; the peer does not have them
 */
public record Outbound(List<BgpMessage> messages, int announced, int withdrawn, List<Prefix> unsendable) {

    public Outbound {
        messages = List.copyOf(messages);
        unsendable = List.copyOf(unsendable);
    }

    /** The UPDATEs among the messages, End-of-RIB included. */
    public List<Update> updates() {
        return messages.stream().filter(Update.class::isInstance).map(Update.class::cast).toList();
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }
}
