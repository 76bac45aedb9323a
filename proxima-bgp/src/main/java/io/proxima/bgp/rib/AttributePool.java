package io.proxima.bgp.rib;

import java.lang.ref.WeakReference;
import java.util.WeakHashMap;

/**
 * Makes equal {@link Attributes} one object, so a full table of ~600k routes holds each distinct
 * attribute set once (a 2015 full feed has about seven routes per set). A set stays in the pool
 * only while some route refers to it: the pool holds it weakly, and the garbage collector clears it
 * after the last route using it is gone.
 *
 * <p>Single-threaded: owned by the speaker's event loop, like the RIBs that use it. The collector
 * clears the weak references concurrently, which {@link WeakHashMap} is built to tolerate.
 */
public final class AttributePool {

    private final WeakHashMap<Attributes, WeakReference<Attributes>> pool = new WeakHashMap<>();

    /** The pooled instance equal to {@code attributes}; {@code attributes} itself if it is the first. */
    public Attributes intern(Attributes attributes) {
        WeakReference<Attributes> ref = pool.get(attributes);
        Attributes known = ref == null ? null : ref.get();
        if (known != null) return known;
        pool.put(attributes, new WeakReference<>(attributes));
        return attributes;
    }

    /** How many distinct sets are pooled (including some no longer used, until the collector runs). */
    public int size() {
        return pool.size();
    }
}
