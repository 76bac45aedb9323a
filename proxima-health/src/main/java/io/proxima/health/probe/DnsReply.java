package io.proxima.health.probe;

import java.util.List;
import java.util.Optional;

/**
 * What a DNS check needs from a response: or why the response could not be read.
 */
sealed interface DnsReply {

    /**
     * @param rcode     the full RCODE, with the EDNS extended bits (RFC 6891 section 6.1.3)
     * @param truncated the TC bit: the answer did not fit in the UDP payload
     * @param answers   each answer record's data as text (A, AAAA, TXT, names; others as hex)
     * @param nsid      the server's NSID option payload, if it sent one
     */
    record Message(int id, int rcode, boolean truncated, List<String> answers, Optional<String> nsid) implements DnsReply {
        public Message {
            answers = List.copyOf(answers);
        }
    }

    /** A response that broke the format: {@code reason} says where. */
    record Malformed(String reason) implements DnsReply {}
}
