package io.proxima.cli;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import io.proxima.config.Rfc2526;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rfc2526", mixinStandardHelpOptions = true,
        description = {"Print the reserved IPv6 subnet anycast addresses of a /64 (RFC 2526).",
            "Without --id: all 128, with their IDs and meanings. With --id: that one address alone, for scripts.",
            "A service can name one in its prefixes as rfc2526: {subnet: PREFIX/64, id: N}."},
        footer = {"", "Exit codes: 0 printed, 2 not an IPv6 /64 or an ID outside 0..127, 3 internal error."})
final class Rfc2526Command implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @Parameters(paramLabel = "PREFIX/64", description = "an IPv6 subnet, like 2001:db8:1::/64")
    String subnet;

    @Option(names = "--id", paramLabel = "N", description = "one anycast ID, 0..127 (126: Mobile IPv6 Home-Agents)")
    Integer id;

    Rfc2526Command(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Prefix p;
        try {
            p = Prefix.parse(subnet.strip());
        } catch (IllegalArgumentException e) {
            err.println("proxima rfc2526: not a prefix: '" + subnet + "' (expected an IPv6 /64, like 2001:db8:1::/64)");
            return Main.USAGE;
        }
        try {
            Rfc2526.checkSubnet(p);
            if (id != null) {
                out.println(Rfc2526.address(p, id));
                return Main.OK;
            }
        } catch (IllegalArgumentException e) {
            err.println("proxima rfc2526: " + e.getMessage());
            return Main.USAGE;
        }
        List<IpAddress> all = Rfc2526.all(p);
        out.printf("%-4s %-40s %s%n", "ID", "ADDRESS", "MEANING");
        for (int i = 0; i < all.size(); i++) out.printf("%-4d %-40s %s%n", i, all.get(i), Rfc2526.meaning(i));
        return Main.OK;
    }
}
