package io.proxima.labkit;

/**
 * A veth pair between two namespaces. Address and state changes return this, so a link reads as
 * one statement:
 * <pre>{@code
 * Netns.link(r, "eth-s", s, "eth-r")
 *      .ipv4("203.0.113.1/30", "203.0.113.2/30")
 *      .ipv6("2001:db8:1::1/64", "2001:db8:1::2/64")
 *      .up();
 * }</pre>
 */
public final class Veth {

    private final Netns a;
    private final String ifA;
    private final Netns b;
    private final String ifB;

    Veth(Netns a, String ifA, Netns b, String ifB) {
        this.a = a;
        this.ifA = ifA;
        this.b = b;
        this.ifB = ifB;
    }

    public Veth ipv4(String cidrA, String cidrB) {
        a.addAddress(ifA, cidrA);
        b.addAddress(ifB, cidrB);
        return this;
    }

    /** IPv6 addresses, {@code nodad}: usable at once. */
    public Veth ipv6(String cidrA, String cidrB) {
        a.addAddress(ifA, cidrA);
        b.addAddress(ifB, cidrB);
        return this;
    }

    public Veth up() {
        a.setLink(ifA, true);
        b.setLink(ifB, true);
        return this;
    }

    /** Both ends down: the carrier drops on each side, as when a cable is pulled. */
    public Veth down() {
        a.setLink(ifA, false);
        b.setLink(ifB, false);
        return this;
    }

    public Netns a() {
        return a;
    }

    public String ifA() {
        return ifA;
    }

    public Netns b() {
        return b;
    }

    public String ifB() {
        return ifB;
    }

    @Override
    public String toString() {
        return a + ":" + ifA + " <-> " + b + ":" + ifB;
    }
}
