package io.proxima.bgp.fsm;

import java.util.List;

/** The result of one FSM step: the next state and the actions to perform, in order. */
public record Transition(FsmState next, List<Action> actions) {
    public Transition {
        actions = List.copyOf(actions);
    }
}
