package io.proxima.bfd.interop;

import io.proxima.labkit.Bird;
import io.proxima.labkit.BirdConfig;

/** {@link BgpBfdInteropTest} against BIRD 2: {@code bfd on} in its {@code protocol bgp}. */
class BgpBfdBirdInteropTest extends BgpBfdInteropTest<Bird> {

    BgpBfdBirdInteropTest() {
        super(BfdRouter.BIRD, 2, "BFD session down");
    }

    /** Nothing more for BIRD: its BFD session Up, which {@link BgpBfdLab#expectUp} waits for, is what this test reads. */
    @Override
    void routerShowsBgpBoundToBfd() {
    }

    /** The BGP protocol's info column, e.g. {@code Error: BFD session down}. */
    @Override
    String routerSaysWhy() {
        return lab.daemon.protocolState(BirdConfig.protocolName(lab.ours())).info();
    }
}
