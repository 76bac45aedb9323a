package io.proxima.labkit;

import java.util.List;

/**
 * A veth pair from the host's (the test JVM's) own namespace into a lab namespace: how an
 * in-process speaker under test reaches a daemon in the lab. The host end is removed on close;
 * deleting the namespace would remove the pair anyway.
 */
public final class HostLink {

    private final String hostIf;
    private final Netns ns;
    private final String nsIf;

    private HostLink(String hostIf, Netns ns, String nsIf) {
        this.hostIf = hostIf;
        this.ns = ns;
        this.nsIf = nsIf;
    }

    static HostLink create(Lab lab, String hostIf, Netns ns, String nsIf) {
        Netns.checkInterfaceName(hostIf);
        Netns.checkInterfaceName(nsIf);
        Exec.run(List.of("ip", "link", "add", hostIf, "type", "veth", "peer", "name", nsIf, "netns", ns.name())).orThrow();
        HostLink link = new HostLink(hostIf, ns, nsIf);
        lab.onClose(link::delete);
        return link;
    }

    /** IPv4 addresses: the host end's, then the namespace end's. */
    public HostLink ipv4(String hostCidr, String nsCidr) {
        Exec.run(List.of("ip", "addr", "add", hostCidr, "dev", hostIf)).orThrow();
        ns.addAddress(nsIf, nsCidr);
        return this;
    }

    /** IPv6 addresses, {@code nodad} on both ends so they are usable at once. */
    public HostLink ipv6(String hostCidr, String nsCidr) {
        Exec.run(List.of("ip", "-6", "addr", "add", hostCidr, "dev", hostIf, "nodad")).orThrow();
        ns.addAddress(nsIf, nsCidr);
        return this;
    }

    public HostLink up() {
        Exec.run(List.of("ip", "link", "set", hostIf, "up")).orThrow();
        ns.setLink(nsIf, true);
        return this;
    }

    public HostLink down() {
        Exec.run(List.of("ip", "link", "set", hostIf, "down")).orThrow();
        ns.setLink(nsIf, false);
        return this;
    }

    public String hostInterface() {
        return hostIf;
    }

    public Netns netns() {
        return ns;
    }

    public String nsInterface() {
        return nsIf;
    }

    void delete() {
        // Gone already if the namespace was deleted first: that is fine.
        Exec.run(List.of("ip", "link", "del", hostIf));
    }
}
