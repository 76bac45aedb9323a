package io.proxima.health.probe;

import io.proxima.health.check.AddressCheck;
import io.proxima.health.check.CheckSpec;
import io.proxima.health.check.DnsCheck;
import io.proxima.health.check.ExecCheck;
import io.proxima.health.check.FileCheck;
import io.proxima.health.check.HttpCheck;
import io.proxima.health.check.LdapCheck;
import io.proxima.health.check.TcpCheck;
import io.proxima.health.check.UdpCheck;

/** The prober for each check kind. */
public final class Probes {

    private Probes() {}

    public static Probe of(CheckSpec spec) {
        return switch (spec) {
            case TcpCheck c -> new TcpProbe(c);
            case UdpCheck c -> new UdpProbe(c);
            case HttpCheck c -> new HttpProbe(c);
            case DnsCheck c -> new DnsProbe(c);
            case LdapCheck c -> new LdapProbe(c);
            case ExecCheck c -> new ExecProbe(c);
            case FileCheck c -> new FileProbe(c);
            case AddressCheck c -> new AddressProbe(c);
        };
    }
}
