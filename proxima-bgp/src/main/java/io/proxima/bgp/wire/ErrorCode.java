package io.proxima.bgp.wire;

/**
 * NOTIFICATION error codes and subcodes (RFC 4271 §4.5, §6; IANA "BGP Error (Notification) Codes"
 * and "BGP Error Subcodes"). Values are open: an unknown code or subcode prints as its number.
 */
public final class ErrorCode {

    private ErrorCode() {
    }

    public static final int MESSAGE_HEADER = 1;
    public static final int OPEN_MESSAGE = 2;
    public static final int UPDATE_MESSAGE = 3;
    public static final int HOLD_TIMER_EXPIRED = 4;
    public static final int FSM = 5;
    public static final int CEASE = 6;
    /** RFC 7313 §5. */
    public static final int ROUTE_REFRESH_MESSAGE = 7;
    /** RFC 9687. */
    public static final int SEND_HOLD_TIMER_EXPIRED = 8;

    // Message Header Error subcodes (RFC 4271 §6.1)
    public static final int HEADER_CONNECTION_NOT_SYNCHRONIZED = 1;
    public static final int HEADER_BAD_MESSAGE_LENGTH = 2;
    public static final int HEADER_BAD_MESSAGE_TYPE = 3;

    // OPEN Message Error subcodes (RFC 4271 §6.2, RFC 5492, RFC 9234)
    public static final int OPEN_UNSUPPORTED_VERSION = 1;
    public static final int OPEN_BAD_PEER_AS = 2;
    public static final int OPEN_BAD_BGP_IDENTIFIER = 3;
    public static final int OPEN_UNSUPPORTED_OPTIONAL_PARAMETER = 4;
    public static final int OPEN_UNACCEPTABLE_HOLD_TIME = 6;
    public static final int OPEN_UNSUPPORTED_CAPABILITY = 7;
    public static final int OPEN_ROLE_MISMATCH = 11;

    // UPDATE Message Error subcodes (RFC 4271 §6.3)
    public static final int UPDATE_MALFORMED_ATTRIBUTE_LIST = 1;
    public static final int UPDATE_UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE = 2;
    public static final int UPDATE_MISSING_WELL_KNOWN_ATTRIBUTE = 3;
    public static final int UPDATE_ATTRIBUTE_FLAGS_ERROR = 4;
    public static final int UPDATE_ATTRIBUTE_LENGTH_ERROR = 5;
    public static final int UPDATE_INVALID_ORIGIN = 6;
    public static final int UPDATE_INVALID_NEXT_HOP = 8;
    public static final int UPDATE_OPTIONAL_ATTRIBUTE_ERROR = 9;
    public static final int UPDATE_INVALID_NETWORK_FIELD = 10;
    public static final int UPDATE_MALFORMED_AS_PATH = 11;

    // FSM Error subcodes (RFC 6608)
    public static final int FSM_UNSPECIFIED = 0;
    public static final int FSM_UNEXPECTED_IN_OPENSENT = 1;
    public static final int FSM_UNEXPECTED_IN_OPENCONFIRM = 2;
    public static final int FSM_UNEXPECTED_IN_ESTABLISHED = 3;

    // Cease subcodes (RFC 4486, RFC 8538, RFC 9384)
    public static final int CEASE_MAX_PREFIXES = 1;
    public static final int CEASE_ADMINISTRATIVE_SHUTDOWN = 2;
    public static final int CEASE_PEER_DECONFIGURED = 3;
    public static final int CEASE_ADMINISTRATIVE_RESET = 4;
    public static final int CEASE_CONNECTION_REJECTED = 5;
    public static final int CEASE_OTHER_CONFIGURATION_CHANGE = 6;
    public static final int CEASE_CONNECTION_COLLISION = 7;
    public static final int CEASE_OUT_OF_RESOURCES = 8;
    public static final int CEASE_HARD_RESET = 9;
    public static final int CEASE_BFD_DOWN = 10;

    // ROUTE-REFRESH Message Error subcodes (RFC 7313 §5)
    public static final int ROUTE_REFRESH_INVALID_LENGTH = 1;

    private static final String[] CODES = {
        null, "Message Header Error", "OPEN Message Error", "UPDATE Message Error", "Hold Timer Expired",
        "Finite State Machine Error", "Cease", "ROUTE-REFRESH Message Error", "Send Hold Timer Expired",
    };
    private static final String[][] SUBCODES = {
        {},
        {null, "Connection Not Synchronized", "Bad Message Length", "Bad Message Type"},
        {null, "Unsupported Version Number", "Bad Peer AS", "Bad BGP Identifier", "Unsupported Optional Parameter",
            "Authentication Failure (deprecated)", "Unacceptable Hold Time", "Unsupported Capability",
            "Deprecated (8)", "Deprecated (9)", "Deprecated (10)", "Role Mismatch"},
        {null, "Malformed Attribute List", "Unrecognized Well-known Attribute", "Missing Well-known Attribute",
            "Attribute Flags Error", "Attribute Length Error", "Invalid ORIGIN Attribute",
            "AS Routing Loop (deprecated)", "Invalid NEXT_HOP Attribute", "Optional Attribute Error",
            "Invalid Network Field", "Malformed AS_PATH"},
        {},
        {"Unspecified Error", "Receive Unexpected Message in OpenSent State",
            "Receive Unexpected Message in OpenConfirm State", "Receive Unexpected Message in Established State"},
        {null, "Maximum Number of Prefixes Reached", "Administrative Shutdown", "Peer De-configured",
            "Administrative Reset", "Connection Rejected", "Other Configuration Change",
            "Connection Collision Resolution", "Out of Resources", "Hard Reset", "BFD Down"},
        {null, "Invalid Message Length"},
        {},
    };

    public static String codeName(int code) {
        return code > 0 && code < CODES.length ? CODES[code] : "Unknown error code " + code;
    }

    public static String subcodeName(int code, int subcode) {
        if (code > 0 && code < SUBCODES.length && subcode < SUBCODES[code].length && SUBCODES[code][subcode] != null) {
            return SUBCODES[code][subcode];
        }
        return subcode == 0 ? "Unspecific" : "subcode " + subcode;
    }

    /** "UPDATE Message Error / Malformed AS_PATH (3/11)". */
    public static String describe(int code, int subcode) {
        return codeName(code) + " / " + subcodeName(code, subcode) + " (" + code + "/" + subcode + ")";
    }
}
