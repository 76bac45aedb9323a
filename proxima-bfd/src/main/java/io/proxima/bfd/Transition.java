package io.proxima.bfd;

import java.util.List;

/** The result of one step: the next state and the actions to perform, in order. */
record Transition(SessionVars next, List<Action> actions) {
    Transition {
        actions = List.copyOf(actions);
    }
}
