package io.proxima.bgp.rib;

import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.nlri.Nlri;
import java.util.function.BiConsumer;

/**
 * A map from NLRI (prefix and ADD-PATH path identifier) to a value, with no object per route: the
 * routes of an {@link AdjRibIn} (to their {@link Attributes}) and the candidates of the
 * {@link LocRib} (prefix alone, to its paths). A {@code HashMap<Nlri, Attributes>} holds a full
 * table (~600k routes) as a node, an {@code Nlri} and a {@code Prefix} per route, about 100 octets
 * and three objects that the garbage collector copies while the table loads. Here a route is a slot in parallel primitive arrays:
 * the network address in 32-bit words (one for IPv4; an IPv6 table adds two, and a third once a
 * prefix is longer than /64), the prefix length as one octet, and a reference to the value (the
 * shared attributes, in an Adj-RIB-In): 9 octets per slot for IPv4, 17 for IPv6 up to /64, and 4
 * more per slot once any route has a non-zero ADD-PATH identifier.
 *
 * <p>Open addressing with linear probing; an empty slot is one whose value is null. Removal
 * shifts the following entries of the run back (no tombstones), so a table that sees many
 * withdrawals does not degrade. Keys are the network address with the bits beyond the prefix
 * length cleared, which is what {@link Prefix#equals} compares: the NLRI given back by
 * {@link #forEach} has no trailing bits, whatever the peer sent (RFC 4271 §4.3: they are
 * irrelevant).
 *
 * <p>Not thread-safe: owned by its {@code AdjRibIn} or {@code LocRib}, on the speaker's event loop.
 *
 * @param <V> what a route maps to
 */
final class RouteTable<V> {

    static final int MIN_CAPACITY = 16;
    /** The table grows when it would be more than 3/4 full: linear probing stays short below that. */
    static final int LOAD_NUMERATOR = 3;
    static final int LOAD_DENOMINATOR = 4;
    /** The largest power of two an array can have. */
    static final int MAX_CAPACITY = 1 << 30;
    /** Length codes above this are IPv6 prefixes: code = length for IPv4, 33 + length for IPv6. */
    private static final int MAX_V4_LENGTH = 32;

    /** The first half of an IPv6 network address; null while every key's first half is 0 (all IPv4 tables). */
    private long[] hi;
    /** The low 32 bits of the second half of an IPv6 network address, or an IPv4 address. */
    private int[] lo;
    /**
     * The high 32 bits of the second half of an IPv6 network address; null while they are 0 for
     * every key (IPv4, and IPv6 prefixes up to /64, which are nearly all of an IPv6 table).
     */
    private int[] loHigh;
    /** The prefix length and family, see {@link #MAX_V4_LENGTH}. */
    private byte[] codes;
    /** ADD-PATH path identifiers (RFC 7911 §3), unsigned; null while all are 0. */
    private int[] pathIds;
    /** The value of each route; null marks an empty slot. */
    private Object[] values;
    private int size;

    RouteTable() {
        allocate(MIN_CAPACITY, false, false, false);
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    V get(Nlri n) {
        return get(n.prefix(), (int) n.pathId());
    }

    /** The value for a prefix without a path identifier (path id 0). */
    V get(Prefix p) {
        return get(p, 0);
    }

    boolean containsKey(Nlri n) {
        return find(n.prefix(), (int) n.pathId()) >= 0;
    }

    /** Maps {@code n} to {@code value}; returns what it mapped to before, or null. */
    V put(Nlri n, V value) {
        return put(n.prefix(), (int) n.pathId(), value);
    }

    /** Maps a prefix without a path identifier (path id 0) to {@code value}; returns what it mapped to before, or null. */
    V put(Prefix p, V value) {
        return put(p, 0, value);
    }

    /** Maps a prefix without a path identifier to {@code value} unless it has one; returns that one, or null if it was absent. */
    V putIfAbsent(Prefix p, V value) {
        if (value == null) throw new NullPointerException("value");
        long h = p.networkHi();
        long l = p.networkLo();
        int code = code(p);
        int mask = values.length - 1;
        for (int i = index(h, l, code, 0, mask); ; i = (i + 1) & mask) {
            if (values[i] == null) {
                if ((long) (size + 1) * LOAD_DENOMINATOR > (long) values.length * LOAD_NUMERATOR) {
                    grow();
                    return putIfAbsent(p, value);
                }
                store(i, h, l, code, 0, value);
                size++;
                return null;
            }
            if (matches(i, h, l, code, 0)) return valueAt(i);
        }
    }

    /** Removes the route for {@code n}; returns its value, or null if there was none. */
    V remove(Nlri n) {
        return remove(n.prefix(), (int) n.pathId());
    }

    /** Removes the route for a prefix without a path identifier (path id 0); returns its value, or null. */
    V remove(Prefix p) {
        return remove(p, 0);
    }

    /** Visits every route, in no particular order. The visitor must not change this table. */
    void forEach(BiConsumer<Nlri, V> visitor) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) visitor.accept(nlriAt(i), valueAt(i));
        }
    }

    /** Visits every route by its prefix alone, for tables without path identifiers. The visitor must not change this table. */
    void forEachPrefix(BiConsumer<Prefix, V> visitor) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) visitor.accept(prefixAt(i), valueAt(i));
        }
    }

    /** Adds every route of {@code other}, replacing routes for the same NLRI. */
    void putAll(RouteTable<V> other) {
        other.forEach(this::put);
    }

    /**
     * Removes every route of one address family, handing each to {@code removed}. Rebuilds the
     * table from the routes that stay: the work is proportional to the table either way.
     */
    int removeFamily(boolean v6, BiConsumer<Nlri, V> removed) {
        RouteTable<V> kept = new RouteTable<>();
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) continue;
            Nlri nlri = nlriAt(i);
            if (nlri.prefix().isV6() == v6) {
                removed.accept(nlri, valueAt(i));
                n++;
            } else {
                kept.put(nlri, valueAt(i));
            }
        }
        hi = kept.hi;
        lo = kept.lo;
        loHigh = kept.loHigh;
        codes = kept.codes;
        pathIds = kept.pathIds;
        values = kept.values;
        size = kept.size;
        return n;
    }

    /** The number of slots: for tests of growth. */
    int capacity() {
        return values.length;
    }

    private V get(Prefix p, int id) {
        int i = find(p, id);
        return i < 0 ? null : valueAt(i);
    }

    private V put(Prefix p, int id, V value) {
        if (value == null) throw new NullPointerException("value");
        long h = p.networkHi();
        long l = p.networkLo();
        int code = code(p);
        int mask = values.length - 1;
        for (int i = index(h, l, code, id, mask); ; i = (i + 1) & mask) {
            if (values[i] == null) {
                if ((long) (size + 1) * LOAD_DENOMINATOR > (long) values.length * LOAD_NUMERATOR) {
                    grow();
                    return put(p, id, value);
                }
                store(i, h, l, code, id, value);
                size++;
                return null;
            }
            if (matches(i, h, l, code, id)) {
                V previous = valueAt(i);
                values[i] = value;
                return previous;
            }
        }
    }

    private V remove(Prefix p, int id) {
        int i = find(p, id);
        if (i < 0) return null;
        V previous = valueAt(i);
        deleteAt(i);
        return previous;
    }

    private int find(Prefix p, int id) {
        long h = p.networkHi();
        long l = p.networkLo();
        int code = code(p);
        int mask = values.length - 1;
        for (int i = index(h, l, code, id, mask); ; i = (i + 1) & mask) {
            if (values[i] == null) return -1;
            if (matches(i, h, l, code, id)) return i;
        }
    }

    private boolean matches(int i, long h, long l, int code, int id) {
        return lo[i] == (int) l && (codes[i] & 0xFF) == code
                && (loHigh == null ? l >>> 32 == 0 : loHigh[i] == (int) (l >>> 32))
                && (hi == null ? h == 0 : hi[i] == h)
                && (pathIds == null ? id == 0 : pathIds[i] == id);
    }

    private void store(int i, long h, long l, int code, int id, Object value) {
        if (h != 0 && hi == null) hi = new long[values.length];
        if (l >>> 32 != 0 && loHigh == null) loHigh = new int[values.length];
        if (id != 0 && pathIds == null) pathIds = new int[values.length];
        if (hi != null) hi[i] = h;
        if (loHigh != null) loHigh[i] = (int) (l >>> 32);
        if (pathIds != null) pathIds[i] = id;
        lo[i] = (int) l;
        codes[i] = (byte) code;
        values[i] = value;
    }

    /** Linear-probing removal (Knuth, TAOCP vol. 3, §6.4, algorithm R): later entries of the run move back into the gap. */
    private void deleteAt(int gap) {
        int mask = values.length - 1;
        for (int j = (gap + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int home = index(hiAt(j), loAt(j), codes[j] & 0xFF, idAt(j), mask);
            // The entry at j may fill the gap unless its home slot lies cyclically in (gap, j].
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                store(gap, hiAt(j), loAt(j), codes[j] & 0xFF, idAt(j), values[j]);
                gap = j;
            }
        }
        values[gap] = null;
        size--;
    }

    private void grow() {
        if (values.length == MAX_CAPACITY) throw new IllegalStateException("route table full at " + size + " routes");
        long[] oldHi = hi;
        int[] oldLo = lo;
        int[] oldLoHigh = loHigh;
        byte[] oldCodes = codes;
        int[] oldIds = pathIds;
        Object[] oldValues = values;
        allocate(values.length * 2, oldHi != null, oldLoHigh != null, oldIds != null);
        int mask = values.length - 1;
        for (int j = 0; j < oldValues.length; j++) {
            if (oldValues[j] == null) continue;
            long h = oldHi == null ? 0 : oldHi[j];
            int id = oldIds == null ? 0 : oldIds[j];
            long l = (oldLoHigh == null ? 0 : (long) oldLoHigh[j] << 32) | (oldLo[j] & 0xFFFF_FFFFL);
            int code = oldCodes[j] & 0xFF;
            int i = index(h, l, code, id, mask);
            while (values[i] != null) i = (i + 1) & mask;
            store(i, h, l, code, id, oldValues[j]);
        }
    }

    private void allocate(int capacity, boolean withHi, boolean withLoHigh, boolean withIds) {
        hi = withHi ? new long[capacity] : null;
        lo = new int[capacity];
        loHigh = withLoHigh ? new int[capacity] : null;
        codes = new byte[capacity];
        pathIds = withIds ? new int[capacity] : null;
        values = new Object[capacity];
    }

    private long hiAt(int i) {
        return hi == null ? 0 : hi[i];
    }

    private long loAt(int i) {
        return (loHigh == null ? 0 : (long) loHigh[i] << 32) | (lo[i] & 0xFFFF_FFFFL);
    }

    private int idAt(int i) {
        return pathIds == null ? 0 : pathIds[i];
    }

    /** Only values of type V are ever stored (put's parameter), so the cast is safe. */
    @SuppressWarnings("unchecked")
    private V valueAt(int i) {
        return (V) values[i];
    }

    private Nlri nlriAt(int i) {
        return new Nlri(idAt(i) & 0xFFFF_FFFFL, prefixAt(i));
    }

    private Prefix prefixAt(int i) {
        int code = codes[i] & 0xFF;
        return code > MAX_V4_LENGTH ? Prefix.v6(hiAt(i), loAt(i), code - MAX_V4_LENGTH - 1) : Prefix.v4(lo[i], code);
    }

    private static int code(Prefix p) {
        return p.isV6() ? MAX_V4_LENGTH + 1 + p.length() : p.length();
    }

    /** The home slot: every key bit mixed in (MurmurHash3's fmix64), as most routes are /24s whose last octet is 0. */
    private static int index(long h, long l, int code, int id, int mask) {
        long x = h * 0x9E3779B97F4A7C15L ^ l;
        x = x * 0xC2B2AE3D27D4EB4FL ^ ((long) id << 8 | code);
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return (int) x & mask;
    }

    @Override
    public String toString() {
        return "RouteTable[" + size + " routes, " + values.length + " slots" + (hi != null ? ", IPv6" : "")
                + (loHigh != null ? ", beyond /64" : "")
                + (pathIds != null ? ", path ids" : "") + "]";
    }

}
