package io.proxima.bfd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One side of a session on simulated time: the pure {@link Fsm}, its timers as deadlines on a
 * shared {@link SimulatedLink}'s clock, and a record of everything it did.
 */
final class SimulatedPeer {

    /** A packet as it left, with the simulated time. */
    record Sent(long atNanos, ControlPacket packet) { }

    final String name;
    SessionConfig cfg;
    SessionVars vars;
    final SplittableRandom random;
    final Map<Timer, Long> deadlines = new EnumMap<>(Timer.class);
    final List<Sent> sent = new ArrayList<>();
    final List<Action.StateChanged> changes = new ArrayList<>();
    final List<Long> changeTimes = new ArrayList<>();
    final List<DropReason> drops = new ArrayList<>();
    private final SimulatedLink link;
    Consumer<ControlPacket> wire = p -> { };

    SimulatedPeer(String name, SessionConfig cfg, int discr, long seed, SimulatedLink link) {
        this.name = name;
        this.cfg = cfg;
        this.vars = SessionVars.initial(cfg, discr);
        this.random = new SplittableRandom(seed);
        this.link = link;
    }

    void fire(Event e) {
        Transition t = Fsm.step(cfg, vars, e, link.now(), random);
        vars = t.next();
        for (Action a : t.actions()) {
            switch (a) {
                case Action.Send s -> {
                    sent.add(new Sent(link.now(), s.packet()));
                    wire.accept(s.packet());
                }
                case Action.StartTimer s -> deadlines.put(s.timer(), link.now() + s.after().toNanos());
                case Action.StopTimer s -> deadlines.remove(s.timer());
                case Action.StateChanged c -> {
                    changes.add(c);
                    changeTimes.add(link.now());
                }
                case Action.Drop d -> drops.add(d.reason());
            }
        }
    }

    void reconfigure(SessionConfig next) {
        cfg = next;
        fire(new Event.Reconfigured());
    }

    SessionState state() {
        return vars.sessionState();
    }

    /** Periodic packets only (no Finals), after {@code fromNanos}. */
    List<Sent> periodicSince(long fromNanos) {
        return sent.stream().filter(s -> s.atNanos() >= fromNanos && !s.packet().fin()).toList();
    }

    Duration transmitInterval() {
        return Duration.ofNanos(vars.transmitIntervalMicros() * 1000);
    }

    @Override
    public String toString() {
        return name + " " + vars.sessionState();
    }
}
