package io.proxima.health.probe;

import io.proxima.health.check.AddressCheck;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/** Passes while the address is configured, on the named interface if the check names one. */
final class AddressProbe implements BlockingProbe {

    private final AddressCheck check;

    AddressProbe(AddressCheck check) {
        this.check = check;
    }

    @Override
    public CompletionStage<ProbeResult> probe(Duration timeout) {
        return Attempt.run("address", timeout, this::run);
    }

    @Override
    public ProbeResult call(Duration timeout) {
        return Attempt.call(timeout, this::run);
    }

    private ProbeResult run(Duration timeout, Attempt.Clock clock) throws Exception {
        String address = check.address().getHostAddress();
        Stream<NetworkInterface> candidates;
        if (check.interfaceName().isPresent()) {
            NetworkInterface nic = NetworkInterface.getByName(check.interfaceName().get());
            if (nic == null) return ProbeResult.fail(clock.elapsed(), "no interface " + check.interfaceName().get());
            candidates = Stream.of(nic);
        } else {
            candidates = NetworkInterface.networkInterfaces();
        }
        var holder = candidates.filter(nic -> nic.inetAddresses().anyMatch(check.address()::equals)).findFirst();
        if (holder.isPresent()) return ProbeResult.pass(clock.elapsed(), address + " on " + holder.get().getName());
        return ProbeResult.fail(clock.elapsed(), address + " not configured"
                + check.interfaceName().map(n -> " on " + n).orElse(""));
    }
}
