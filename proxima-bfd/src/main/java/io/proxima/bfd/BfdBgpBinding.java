package io.proxima.bfd;

import java.net.InetAddress;

/**
 * Ties BGP sessions to BFD (RFC 5882 §4.3, RFC 9384): when the BFD session to a peer signals a
 * failure, the BGP session to that peer is torn down at once, instead of waiting seconds for its
 * hold timer. Generic on purpose, so this module needs no BGP: the caller says how to abort, e.g.
 * <pre>{@code
 * bfd.addListener(new BfdBgpBinding((peer, reason) -> speaker.abortPeer(IpAddress.of(peer),
 *         Notification.cease(ErrorCode.CEASE_BFD_DOWN, reason), reason)));
 * }</pre>
 * Only {@linkplain StateChange#signalsFailure() failures} act: a peer going AdminDown, our own
 * AdminDown and a removed session leave BGP alone (RFC 5882 §3.2). The BGP session's normal
 * reconnect follows, and BFD comes back Up on its own when the path does.
 */
public final class BfdBgpBinding implements BfdListener {

    /** Closes the client session to {@code peer}; called on the BFD event loop, so it must not block. */
    @FunctionalInterface
    public interface Abort {
        void abort(InetAddress peer, String reason);
    }

    private final Abort abort;

    public BfdBgpBinding(Abort abort) {
        this.abort = abort;
    }

    /** The reason text given to {@link Abort}: says BFD, the session and the detail, e.g. for a NOTIFICATION or the event log. */
    public static String reason(StateChange change) {
        return "BFD session " + change.session() + " went Down: " + change.diagnostic().describe() + ", " + change.reason();
    }

    @Override
    public void stateChanged(StateChange change) {
        if (change.signalsFailure()) abort.abort(change.session().peer(), reason(change));
    }
}
