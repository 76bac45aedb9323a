package io.proxima.bfd;

/**
 * Receives session state changes. Called on the BFD event loop, in order, as each change happens:
 * keep it short and never block (hop to another executor for anything slow), or detection timers
 * of every session wait.
 */
@FunctionalInterface
public interface BfdListener {

    void stateChanged(StateChange change);
}
