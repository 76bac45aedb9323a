package io.proxima.bgp.mrt;

/**
 * The MRT common header (RFC 6396 §2), plus where the record starts in the (decompressed) stream.
 * <pre>
 *   +---------------------------------------------------------------+
 *   |                           Timestamp                           |
 *   +---------------------------------------------------------------+
 *   |             Type              |            Subtype            |
 *   +---------------------------------------------------------------+
 *   |                             Length                            |
 *   +---------------------------------------------------------------+
 *   |                      Microsecond Timestamp (ET types only)    |
 *   +---------------------------------------------------------------+
 * </pre>
 *
 * @param microseconds the extended timestamp of the _ET types (RFC 6396 §3), or -1
 * @param length       the Length field: the message, microsecond timestamp included
 */
public record MrtHeader(long offset, long timestamp, int microseconds, int type, int subtype, long length) {

    public static final int LENGTH = 12;

    public static final int TABLE_DUMP = 12;
    public static final int TABLE_DUMP_V2 = 13;
    public static final int BGP4MP = 16;
    public static final int BGP4MP_ET = 17;

    /** OSPFv3_ET and ISIS_ET (RFC 6396 §5.3, §5.6): like BGP4MP_ET, they carry microseconds. */
    public static final int ISIS_ET = 33;
    public static final int OSPFV3_ET = 49;

    /**
     * Whether the record carries the 4-octet microsecond field (RFC 6396 §3). By type, not by the
     * value: a value of 2^31 or more is out of range but still occupies its four octets.
     */
    public boolean extendedTimestamp() {
        return extended(type);
    }

    static boolean extended(int type) {
        return type == BGP4MP_ET || type == ISIS_ET || type == OSPFV3_ET;
    }

    public String typeName() {
        return switch (type) {
            case TABLE_DUMP -> "TABLE_DUMP";
            case TABLE_DUMP_V2 -> "TABLE_DUMP_V2";
            case BGP4MP -> "BGP4MP";
            case BGP4MP_ET -> "BGP4MP_ET";
            case 11 -> "OSPFv2";
            case 32 -> "ISIS";
            case 33 -> "ISIS_ET";
            case 48 -> "OSPFv3";
            case 49 -> "OSPFv3_ET";
            default -> "type " + type;
        };
    }

    public String subtypeName() {
        return switch (type) {
            case TABLE_DUMP -> subtype == 1 ? "AFI_IPv4" : subtype == 2 ? "AFI_IPv6" : "subtype " + subtype;
            case TABLE_DUMP_V2 -> switch (subtype) {
                case 1 -> "PEER_INDEX_TABLE";
                case 2 -> "RIB_IPV4_UNICAST";
                case 3 -> "RIB_IPV4_MULTICAST";
                case 4 -> "RIB_IPV6_UNICAST";
                case 5 -> "RIB_IPV6_MULTICAST";
                case 6 -> "RIB_GENERIC";
                case 8 -> "RIB_IPV4_UNICAST_ADDPATH";
                case 9 -> "RIB_IPV4_MULTICAST_ADDPATH";
                case 10 -> "RIB_IPV6_UNICAST_ADDPATH";
                case 11 -> "RIB_IPV6_MULTICAST_ADDPATH";
                case 12 -> "RIB_GENERIC_ADDPATH";
                default -> "subtype " + subtype;
            };
            case BGP4MP, BGP4MP_ET -> switch (subtype) {
                case 0 -> "STATE_CHANGE";
                case 1 -> "MESSAGE";
                case 4 -> "MESSAGE_AS4";
                case 5 -> "STATE_CHANGE_AS4";
                case 6 -> "MESSAGE_LOCAL";
                case 7 -> "MESSAGE_AS4_LOCAL";
                case 8 -> "MESSAGE_ADDPATH";
                case 9 -> "MESSAGE_AS4_ADDPATH";
                case 10 -> "MESSAGE_LOCAL_ADDPATH";
                case 11 -> "MESSAGE_AS4_LOCAL_ADDPATH";
                default -> "subtype " + subtype;
            };
            default -> "subtype " + subtype;
        };
    }
}
