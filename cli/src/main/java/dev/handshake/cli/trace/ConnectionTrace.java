package dev.handshake.cli.trace;

import dev.handshake.tls.trace.TlsEvent;
import dev.handshake.tls.trace.TlsObserver;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The observer of one connection: turns each {@link TlsEvent} into a {@link TraceStep} (who sent
 * it, whether encrypted, the decoded message), keeps the steps, and hands each to the listeners
 * (explanation, JSON, key log) as it happens. {@link #finish()} tells them the connection is over
 * (summary, report).
 */
public final class ConnectionTrace implements TlsObserver {

    /** Steps kept for the report and summary; a longer connection is still traced live. */
    private static final int MAX_KEPT_STEPS = 100_000;

    /** Something that follows a connection's steps. */
    public interface Listener {
        default void onStep(ConnectionTrace trace, TraceStep step) {
        }

        /** The connection ended; called once. */
        default void onFinish(ConnectionTrace trace) {
        }
    }

    private final Side self;
    private final int number;
    private final Clock clock;
    private final List<Listener> listeners;
    private final Negotiation negotiation = new Negotiation();
    private final List<TraceStep> steps = new ArrayList<>();
    private int count;
    private boolean finished;

    /**
     * @param self the side this program plays
     * @param number the connection's number, from 1, among those one command made or accepted
     */
    public ConnectionTrace(Side self, int number, Clock clock, List<Listener> listeners) {
        this.self = self;
        this.number = number;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    public Side self() {
        return self;
    }

    public int number() {
        return number;
    }

    public Negotiation negotiation() {
        return negotiation;
    }

    /** The steps so far, in the order they happened. */
    public synchronized List<TraceStep> steps() {
        return List.copyOf(steps);
    }

    @Override
    public synchronized void onEvent(TlsEvent event) {
        TraceStep step = step(++count, event);
        if (steps.size() < MAX_KEPT_STEPS) {
            steps.add(step);
        }
        for (Listener listener : listeners) {
            listener.onStep(this, step);
        }
    }

    /** Ends the trace: the listeners write summaries and reports. Later calls do nothing. */
    public synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        for (Listener listener : listeners) {
            listener.onFinish(this);
        }
    }

    private TraceStep step(int index, TlsEvent event) {
        if (event instanceof TlsEvent.HandshakeMessage m) {
            Side sender = self.sender(m.direction());
            negotiation.sent(sender, m.protectedRecord());
            return new TraceStep(index, clock.instant(), event, sender, m.protectedRecord(),
                MessageViews.describe(m.message(), sender, negotiation));
        }
        if (event instanceof TlsEvent.ChangeCipherSpec c) {
            // A ChangeCipherSpec record itself is never protected: it announces the change.
            return new TraceStep(index, clock.instant(), event, self.sender(c.direction()), false, null);
        }
        if (event instanceof TlsEvent.ApplicationData d) {
            // TLS never sends application data unprotected.
            return new TraceStep(index, clock.instant(), event, self.sender(d.direction()), true, null);
        }
        if (event instanceof TlsEvent.Alert a) {
            Side sender = self.sender(a.direction());
            return new TraceStep(index, clock.instant(), event, sender, negotiation.encrypts(sender), null);
        }
        if (event instanceof TlsEvent.Record r) {
            return new TraceStep(index, clock.instant(), event, self.sender(r.direction()), r.protectedRecord(), null);
        }
        return new TraceStep(index, clock.instant(), event, null, false, null);
    }
}
