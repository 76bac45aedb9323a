package io.proxima.bfd;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * One session at run time: the {@link Fsm}'s variables, its two timers on the event loop, its
 * sending socket and its counters. Everything here belongs to the service's event loop thread.
 */
final class Session {

    private final BfdService service;
    private final Channel sender;
    private final int sourcePort;
    private final InetSocketAddress destination;
    private final RandomGenerator random;
    private final Authenticator authenticator;
    private SessionConfig cfg;
    private SessionVars vars;
    private final ScheduledFuture<?>[] timers = new ScheduledFuture<?>[Timer.values().length];
    /** Bumped by every start and stop, so a timer task that was already due when cancelled does nothing. */
    private final long[] generations = new long[Timer.values().length];

    private long received;
    private long sent;
    private long sendErrors;
    private long ups;
    private long failures;
    private final Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
    private Instant since;
    private boolean silenced;

    Session(BfdService service, SessionConfig cfg, int localDiscr, Channel sender, int sourcePort, int port, RandomGenerator random) {
        this.service = service;
        this.cfg = cfg;
        this.sender = sender;
        this.sourcePort = sourcePort;
        this.destination = BfdTransport.socketAddress(cfg.key().peer(), cfg.key().interfaceName(), port);
        this.random = random;
        this.authenticator = cfg.authentication().map(k -> new Authenticator(k, random)).orElse(null);
        this.vars = SessionVars.initial(cfg, localDiscr);
        this.since = service.now();
    }

    SessionKey key() {
        return cfg.key();
    }

    SessionConfig config() {
        return cfg;
    }

    int localDiscr() {
        return vars.localDiscr();
    }

    int sourcePort() {
        return sourcePort;
    }

    SessionState state() {
        return vars.sessionState();
    }

    Channel sender() {
        return sender;
    }

    void start() {
        fire(new Event.Start());
    }

    /** A decoded packet demultiplexed to this session; {@code raw} is the datagram, for authentication. */
    void receive(ControlPacket p, ByteBuf raw) {
        if (authenticator != null && p.authentication().isPresent()
                && !authenticator.verify(p, raw, System.nanoTime(), vars.detectionTimeMicros() * 1000)) {
            drop(DropReason.AUTH_FAILED);
            return;
        }
        received++;
        fire(new Event.Received(p));
    }

    void drop(DropReason reason) {
        dropped.merge(reason, 1L, Long::sum);
    }

    /** New timers (RFC 5880 §6.8.3); the key and the authentication stay as they are. */
    void reconfigure(SessionConfig next) {
        cfg = next;
        fire(new Event.Reconfigured());
    }

    void disable(Diagnostic diagnostic) {
        fire(new Event.Disable(diagnostic));
    }

    void enable() {
        fire(new Event.Enable());
    }

    /** Test hook: stop (or resume) putting packets on the wire; everything else runs on. */
    void silence(boolean on) {
        silenced = on;
    }

    /** Stops the timers and closes the socket; the session is gone. */
    void close() {
        for (Timer t : Timer.values()) stopTimer(t);
        sender.close();
    }

    private void fire(Event e) {
        Transition t = Fsm.step(cfg, vars, e, System.nanoTime(), random);
        vars = t.next();
        for (Action a : t.actions()) perform(a);
    }

    private void perform(Action a) {
        switch (a) {
            case Action.Send s -> send(s.packet());
            case Action.StartTimer s -> startTimer(s.timer(), s.after());
            case Action.StopTimer s -> stopTimer(s.timer());
            case Action.Drop d -> drop(d.reason());
            case Action.StateChanged c -> changed(c);
        }
    }

    private void send(ControlPacket p) {
        if (silenced) return;
        ByteBuf buf = authenticator != null ? Unpooled.wrappedBuffer(authenticator.sign(p)) : sender.alloc().buffer(p.length());
        if (authenticator == null) ControlPacketEncoder.encode(p, buf);
        sent++;
        sender.writeAndFlush(new DatagramPacket(buf, destination)).addListener(f -> {
            if (!f.isSuccess()) sendErrors++;
        });
    }

    private void startTimer(Timer t, Duration after) {
        stopTimer(t);
        long generation = generations[t.ordinal()];
        timers[t.ordinal()] = sender.eventLoop().schedule(() -> {
            if (generations[t.ordinal()] == generation) fire(new Event.TimerExpired(t));
        }, after.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void stopTimer(Timer t) {
        generations[t.ordinal()]++;
        ScheduledFuture<?> f = timers[t.ordinal()];
        if (f != null) f.cancel(false);
        timers[t.ordinal()] = null;
    }

    private void changed(Action.StateChanged c) {
        since = service.now();
        StateChange change = new StateChange(cfg.key(), c.from(), c.to(), c.diagnostic(), vars.remoteSessionState(), vars.remoteDiag(),
                micros(vars.detectionTimeMicros()), c.reason(), since);
        if (c.to() == SessionState.UP) ups++;
        if (change.signalsFailure()) failures++;
        service.notifyListeners(change);
    }

    SessionSnapshot snapshot() {
        SessionVars v = vars;
        return new SessionSnapshot(cfg.key(), v.sessionState(), v.remoteSessionState(), v.localDiag(), v.remoteDiag(),
                Integer.toUnsignedLong(v.localDiscr()), Integer.toUnsignedLong(v.remoteDiscr()), sourcePort,
                cfg.desiredMinTx(), cfg.requiredMinRx(), cfg.detectMultiplier(),
                micros(v.remoteDesiredMinTx()), micros(v.remoteMinRx() == SessionVars.INITIAL_REMOTE_MIN_RX && v.remoteDetectMult() == 0 ? 0 : v.remoteMinRx()),
                v.remoteDetectMult(), micros(v.transmitIntervalMicros()), micros(v.receiveIntervalMicros()),
                micros(v.detectionTimeMicros()), v.pollActive(), authenticator != null, since,
                new Counters(received, sent, sendErrors, ups, failures, dropped));
    }

    private static Duration micros(long us) {
        return Duration.ofNanos(us * 1000);
    }
}
