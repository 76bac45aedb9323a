package io.proxima.bgp.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.proxima.bgp.fsm.Action;
import io.proxima.bgp.fsm.Event;
import io.proxima.bgp.fsm.Fsm;
import io.proxima.bgp.fsm.FsmState;
import io.proxima.bgp.fsm.Negotiated;
import io.proxima.bgp.fsm.Negotiation;
import io.proxima.bgp.fsm.OpenPolicy;
import io.proxima.bgp.fsm.State;
import io.proxima.bgp.fsm.Timer;
import io.proxima.bgp.fsm.Transition;
import io.proxima.bgp.wire.BgpMessage;
import io.proxima.bgp.wire.DecodeResult;
import io.proxima.bgp.wire.ErrorCode;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Keepalive;
import io.proxima.bgp.wire.MessageDecoder;
import io.proxima.bgp.wire.MessageEncoder;
import io.proxima.bgp.wire.MessageError;
import io.proxima.bgp.wire.Notification;
import io.proxima.bgp.wire.Open;
import io.proxima.bgp.wire.RouteRefresh;
import io.proxima.bgp.wire.SessionFacts;
import io.proxima.bgp.wire.Update;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * One peer: the FSM, its TCP connection and its timers. Everything here runs on one event loop
 * (STYLE rule 7); other threads call the public methods of {@code BgpSpeaker}, which hop onto
 * the loop. The FSM decides, this class performs its actions.
 */
public final class PeerSession {

    /** Messages written between flushes when sending a batch (a full table is a few hundred UPDATEs). */
    static final int FLUSH_EVERY = 16;

    private final PeerConfig cfg;
    private final OpenPolicy policy;
    private final Transport transport;
    private final EventLoop loop;
    private final SessionListener listener;
    private final RandomGenerator random;

    private FsmState fsm = FsmState.INITIAL;
    private final ArrayDeque<Event> events = new ArrayDeque<>();
    private boolean processing;
    private Channel channel;
    private boolean outbound;
    private ChannelFuture connecting;
    /** A second connection during OpenSent/OpenConfirm, waiting for its OPEN (RFC 4271 §6.8). */
    private Channel pending;
    private boolean pendingOpenSent;
    private final Map<Timer, ScheduledFuture<?>> timers = new EnumMap<>(Timer.class);
    private Negotiated negotiated;
    private SessionFacts facts = SessionFacts.RFC4271;
    private Open remoteOpen;
    private final SessionCounters counters = new SessionCounters();

    /** A session for one peer, to be driven on {@code loop} only. */
    public PeerSession(PeerConfig cfg, OpenPolicy policy, Transport transport, EventLoop loop, SessionListener listener,
                       RandomGenerator random) {
        this.cfg = cfg;
        this.policy = policy;
        this.transport = transport;
        this.loop = loop;
        this.listener = listener;
        this.random = random;
    }

    public PeerConfig config() {
        return cfg;
    }

    public State state() {
        return fsm.state();
    }

    public Negotiated negotiated() {
        return negotiated;
    }

    public SessionCounters counters() {
        return counters;
    }

    OpenPolicy policy() {
        return policy;
    }

    EventLoop loop() {
        return loop;
    }

    /** The local address of the connection, for next-hop self; null when not connected. */
    public IpAddress localAddress() {
        return channel != null && channel.localAddress() instanceof InetSocketAddress a ? IpAddress.of(a.getAddress()) : null;
    }

    // ---- commands (on the loop) ----

    public void start() {
        fire(new Event.ManualStart());
    }

    public void stop(Notification cease) {
        fire(new Event.ManualStop(cease));
    }

    public void abort(Notification n, String reason) {
        fire(new Event.Abort(n, reason));
    }

    /** Closes the connection without a NOTIFICATION and without restarting: a simulated crash. */
    public void drop() {
        if (channel != null) channel.close();
        channel = null;
        for (ScheduledFuture<?> f : timers.values()) f.cancel(false);
        timers.clear();
        fsm = FsmState.INITIAL;
    }

    /** Sends messages on the established session; the future completes when they are written. */
    public ChannelFuture send(List<? extends BgpMessage> messages) {
        if (channel == null || fsm.state() != State.ESTABLISHED) return null;
        ChannelFuture last = null;
        int unflushed = 0;
        for (BgpMessage m : messages) {
            last = write(channel, m);
            // Flush as we go, so the peer starts working on a large table while we encode the rest.
            if (++unflushed == FLUSH_EVERY) {
                channel.flush();
                unflushed = 0;
            }
        }
        channel.flush();
        return last;
    }

    // ---- connections ----

    /** An inbound connection from this peer's address. */
    public void accept(Channel ch) {
        transport.applyTtl(ch, cfg.address().v6(), cfg.sendTtl(policy.ebgp()), cfg.minTtl());
        switch (fsm.state()) {
            case IDLE -> ch.close();
            case CONNECT, ACTIVE -> {
                if (connecting != null) connecting.cancel(false);
                connecting = null;
                attach(ch, false);
                fire(new Event.TcpConnected());
            }
            case OPEN_SENT, OPEN_CONFIRM -> {
                if (pending != null) {
                    ch.close();
                    return;
                }
                pending = ch;
                ch.pipeline().addLast(new BgpFrameDecoder(), new SessionHandler(this));
                write(ch, policy.open());
                ch.flush();
                pendingOpenSent = true;
                if (fsm.state() == State.OPEN_CONFIRM && remoteOpen != null) resolveCollision(remoteOpen);
            }
            case ESTABLISHED -> {
                // RFC 4271 §6.8: a collision with an established session is resolved in its favour.
                write(ch, new Notification(ErrorCode.CEASE, ErrorCode.CEASE_CONNECTION_COLLISION));
                ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    private void attach(Channel ch, boolean isOutbound) {
        channel = ch;
        outbound = isOutbound;
        if (ch.pipeline().get(SessionHandler.class) == null) ch.pipeline().addLast(new BgpFrameDecoder(), new SessionHandler(this));
    }

    private void connect() {
        if (cfg.passive() || channel != null || connecting != null) return;
        ChannelFuture f = transport.connect(cfg, cfg.sendTtl(policy.ebgp()), cfg.minTtl(), loop, new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new BgpFrameDecoder(), new SessionHandler(PeerSession.this));
            }
        });
        connecting = f;
        f.addListener((ChannelFutureListener) done -> {
            if (connecting != done) {
                if (done.isSuccess()) done.channel().close();
                return;
            }
            connecting = null;
            if (!done.isSuccess()) {
                fire(new Event.TcpFailed(String.valueOf(done.cause() == null ? "cancelled" : done.cause().getMessage())));
            } else if (channel == null && (fsm.state() == State.CONNECT || fsm.state() == State.ACTIVE)) {
                attach(done.channel(), true);
                fire(new Event.TcpConnected());
            } else {
                done.channel().close();
            }
        });
    }

    void onFrame(Channel ch, ByteBuf frame) {
        if (ch == pending) {
            onPendingFrame(frame);
            return;
        }
        if (ch != channel) return;
        counters.messagesIn++;
        DecodeResult r = MessageDecoder.decode(frame, facts);
        Event e = switch (r) {
            case DecodeResult.Decoded d -> switch (d.message()) {
                case Open o -> {
                    remoteOpen = o;
                    yield switch (Negotiation.negotiate(policy, o)) {
                        case Negotiation.Agreed a -> new Event.OpenReceived(a.negotiated());
                        case Negotiation.Refused x -> new Event.MessageInvalid(x.notification(), x.reason());
                    };
                }
                case Update u -> {
                    counters.updatesIn++;
                    yield new Event.UpdateReceived(u);
                }
                case Keepalive k -> new Event.KeepaliveReceived();
                case Notification n -> {
                    counters.lastNotificationReceived = n;
                    yield new Event.NotificationReceived(n);
                }
                case RouteRefresh rr -> new Event.RouteRefreshReceived(rr);
            };
            case MessageError err when err.code() == ErrorCode.UPDATE_MESSAGE -> {
                counters.updatesIn++;
                counters.malformedUpdates++;
                yield new Event.UpdateInvalid(err);
            }
            case MessageError err -> new Event.MessageInvalid(err.notification(), err.reason());
        };
        fire(e);
    }

    /** The OPEN on a colliding connection decides which connection stays (RFC 4271 §6.8). */
    private void onPendingFrame(ByteBuf frame) {
        DecodeResult r = MessageDecoder.decode(frame, SessionFacts.RFC4271);
        if (r instanceof DecodeResult.Decoded d && d.message() instanceof Open o) {
            resolveCollision(o);
        } else {
            pending.close();
            pending = null;
        }
    }

    private void resolveCollision(Open theirs) {
        // "the connection ... initiated by the BGP speaker with the larger BGP Identifier" is kept.
        boolean weAreHigher = Long.compareUnsigned(policy.routerId().lo(), theirs.bgpIdentifier().lo()) > 0;
        boolean keepExisting = outbound == weAreHigher;
        Channel loser = keepExisting ? pending : channel;
        if (keepExisting) {
            write(loser, new Notification(ErrorCode.CEASE, ErrorCode.CEASE_CONNECTION_COLLISION));
            loser.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            pending = null;
            return;
        }
        // Dump the existing connection and carry on with the new one, which has our OPEN and theirs.
        Channel winner = pending;
        pending = null;
        fire(new Event.CollisionDump());
        stopTimer(Timer.IDLE_HOLD);
        fsm = new FsmState(State.OPEN_SENT, 0, 0, null);
        attach(winner, false);
        remoteOpen = theirs;
        fire(switch (Negotiation.negotiate(policy, theirs)) {
            case Negotiation.Agreed a -> new Event.OpenReceived(a.negotiated());
            case Negotiation.Refused x -> new Event.MessageInvalid(x.notification(), x.reason());
        });
    }

    void onClosed(Channel ch) {
        if (ch == pending) {
            pending = null;
        } else if (ch == channel) {
            channel = null;
            fire(new Event.TcpFailed("connection closed"));
        }
    }

    void onSocketError(Channel ch, Throwable cause) {
        if (ch == channel) counters.lastError = "socket: " + cause.getMessage();
    }

    // ---- the FSM ----

    private void fire(Event e) {
        events.add(e);
        if (processing) return;
        processing = true;
        try {
            Event next;
            while ((next = events.poll()) != null) step(next);
        } finally {
            processing = false;
        }
    }

    private void step(Event e) {
        State before = fsm.state();
        Transition t = Fsm.step(cfg.fsm(), fsm, e, random);
        fsm = t.next();
        String reason = null;
        for (Action a : t.actions()) {
            switch (a) {
                case Action.Connect c -> connect();
                case Action.Disconnect d -> disconnect();
                case Action.SendOpen o -> { write(channel, policy.open()); flush(); }
                case Action.SendKeepalive k -> { write(channel, Keepalive.INSTANCE); flush(); }
                case Action.SendNotification n -> {
                    counters.lastNotificationSent = n.notification();
                    reason = n.notification().describe();
                    write(channel, n.notification());
                    flush();
                }
                case Action.StartTimer st -> startTimer(st.timer(), st.after().toNanos());
                case Action.StopTimer st -> stopTimer(st.timer());
                case Action.SessionUp up -> {
                    negotiated = up.negotiated();
                    facts = negotiated.facts();
                    counters.establishedAtNanos = System.nanoTime();
                    counters.establishedTransitions++;
                    // the state change is reported before the table goes out
                    listener.stateChanged(this, before, State.ESTABLISHED, "session up");
                    before = State.ESTABLISHED;
                    send(listener.established(this, negotiated));
                }
                case Action.SessionDown down -> {
                    reason = down.reason();
                    counters.lastError = down.reason();
                    listener.down(this, down.reason(), e instanceof Event.TcpFailed);
                    negotiated = null;
                    facts = SessionFacts.RFC4271;
                }
                case Action.DeliverUpdate u -> {
                    SessionListener.Refusal refusal = listener.received(this, u.update());
                    if (refusal != null) events.add(new Event.Abort(refusal.notification(), refusal.reason()));
                }
                case Action.DeliverUpdateError err -> listener.receivedWithError(this, err.error());
                case Action.DeliverRouteRefresh rr -> send(listener.refresh(this, rr.refresh()));
            }
        }
        if (fsm.state() == State.IDLE) {
            remoteOpen = null;
            if (reason == null && e instanceof Event.TcpFailed f) reason = f.reason();
        }
        if (before != fsm.state()) listener.stateChanged(this, before, fsm.state(), reason == null ? describe(e) : reason);
    }

    private static String describe(Event e) {
        return switch (e) {
            case Event.ManualStart s -> "start";
            case Event.ManualStop s -> "stop";
            case Event.TimerExpired t -> t.timer().name().toLowerCase() + " timer";
            case Event.TcpConnected c -> "connected";
            case Event.TcpFailed f -> f.reason();
            case Event.OpenReceived o -> "OPEN received";
            case Event.MessageInvalid m -> m.reason();
            case Event.NotificationReceived n -> "peer sent " + n.notification().describe();
            case Event.KeepaliveReceived k -> "KEEPALIVE received";
            case Event.UpdateReceived u -> "UPDATE received";
            case Event.UpdateInvalid u -> u.error().reason();
            case Event.RouteRefreshReceived r -> "ROUTE-REFRESH received";
            case Event.CollisionDump c -> "connection collision";
            case Event.Abort a -> a.reason();
        };
    }

    private ChannelFuture write(Channel ch, BgpMessage m) {
        if (ch == null) return null;
        ByteBuf buf = ch.alloc().buffer(m instanceof Update ? 512 : 64);
        try {
            MessageEncoder.encode(m, m instanceof Open ? SessionFacts.RFC4271 : facts, buf);
        } catch (RuntimeException ex) {
            buf.release();
            throw ex;
        }
        counters.messagesOut++;
        if (m instanceof Update) counters.updatesOut++;
        return ch.write(buf);
    }

    private void flush() {
        if (channel != null) channel.flush();
    }

    private void disconnect() {
        if (connecting != null) {
            ChannelFuture f = connecting;
            connecting = null;
            f.cancel(false);
            if (f.isSuccess()) f.channel().close();
        }
        if (channel != null) {
            Channel ch = channel;
            channel = null;
            // Flush what is queued (a NOTIFICATION must reach the peer), then close.
            ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
        if (pending != null) {
            pending.close();
            pending = null;
        }
    }

    private final Map<Timer, Long> generations = new EnumMap<>(Timer.class);

    private void startTimer(Timer t, long nanos) {
        stopTimer(t);
        long gen = generations.merge(t, 1L, Long::sum);
        timers.put(t, loop.schedule(() -> {
            // A timer stopped or restarted after this task was queued is stale: ignore it.
            if (generations.get(t) == gen && timers.remove(t) != null) fire(new Event.TimerExpired(t));
        }, nanos, TimeUnit.NANOSECONDS));
    }

    private void stopTimer(Timer t) {
        ScheduledFuture<?> f = timers.remove(t);
        if (f != null) f.cancel(false);
        generations.merge(t, 1L, Long::sum);
    }
}
