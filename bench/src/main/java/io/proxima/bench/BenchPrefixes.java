package io.proxima.bench;

import io.proxima.bgp.wire.Prefix;
import java.util.ArrayList;
import java.util.List;

/**
 * The routes the announce benchmark sends: distinct /32s counted up from 198.18.0.0, inside
 * 198.18.0.0/15 (RFC 2544, benchmarking). They are only ever announced between lab namespaces; no
 * traffic is sent to them.
 */
final class BenchPrefixes {

    /** 198.18.0.0 */
    static final int BASE = (198 << 24) | (18 << 16);
    /** A /15 holds 131,072 addresses. */
    static final int MAX = 1 << 17;

    private BenchPrefixes() {
    }

    static List<Prefix> hosts(int count) {
        if (count < 1 || count > MAX) throw new IllegalArgumentException(count + " /32s do not fit 198.18.0.0/15");
        List<Prefix> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(Prefix.v4(BASE + i, 32));
        return out;
    }
}
