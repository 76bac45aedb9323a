package io.proxima.bgp.wire;

import io.proxima.bgp.wire.nlri.Nlri;
import java.util.List;

/**
 * A malformed message, as a value (RFC 4271 §6, RFC 7606). It carries the NOTIFICATION the RFC
 * prescribes and the disposition; only the session decides what to send, log and withdraw.
 *
 * @param code        NOTIFICATION error code
 * @param subcode     NOTIFICATION error subcode
 * @param data        NOTIFICATION data (RFC 4271 §6: e.g. the erroneous attribute)
 * @param disposition the strongest disposition among all errors in the message
 * @param reason      what was wrong, for logs, naming the RFC rule
 * @param update      what could be salvaged: for attribute discard, the UPDATE without the
 *                    malformed attributes; for treat-as-withdraw, the UPDATE as far as decoded.
 *                    For a session reset usually null; for a bad NLRI field, the part before the
 *                    bad prefix, for diagnostics and MRT viewers only, never to be used as routes.
 * @param treatAsWithdraw for treat-as-withdraw: the routes to remove (all that the UPDATE announced)
 * @param errors      how many errors the message had in all (the strongest is described here)
 */
public record MessageError(int code, int subcode, Octets data, Disposition disposition, String reason,
                           Update update, List<Nlri> treatAsWithdraw, int errors) implements DecodeResult {

    public MessageError {
        treatAsWithdraw = List.copyOf(treatAsWithdraw);
        if (data == null) data = Octets.EMPTY;
    }

    static MessageError reset(int code, int subcode, Octets data, String reason) {
        return new MessageError(code, subcode, data, Disposition.SESSION_RESET, reason, null, List.of(), 1);
    }

    /** The NOTIFICATION to send for a session reset. */
    public Notification notification() {
        return new Notification(code, subcode, data);
    }

    @Override
    public String toString() {
        return ErrorCode.describe(code, subcode) + ", " + disposition + ": " + reason
                + (errors > 1 ? " (and " + (errors - 1) + " more)" : "");
    }
}
