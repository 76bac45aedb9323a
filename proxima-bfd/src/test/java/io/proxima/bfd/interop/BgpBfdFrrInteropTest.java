package io.proxima.bfd.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.proxima.labkit.BfdStatus;
import io.proxima.labkit.Frr;

/** {@link BgpBfdInteropTest} against FRR 8.4: {@code neighbor X bfd} with the BFD timers in a profile. */
class BgpBfdFrrInteropTest extends BgpBfdInteropTest<Frr> {

    BgpBfdFrrInteropTest() {
        super(BfdRouter.FRR, 3, "control detection time expired");
    }

    @Override
    void routerShowsBgpBoundToBfd() {
        assertThat(neighbor().path("peerBfdInfo").path("status").asText()).isEqualTo("Up");
    }

    /** bfdd's diagnostic for the session. */
    @Override
    String routerSaysWhy() {
        return lab.daemon.bfdSession(lab.ours()).map(BfdStatus::diagnostic).orElse("");
    }

    private JsonNode neighbor() {
        return lab.daemon.json("show bgp neighbors " + lab.ours() + " json").path(lab.ours());
    }
}
