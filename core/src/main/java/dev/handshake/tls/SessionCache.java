package dev.handshake.tls;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a client keeps TLS 1.3 session tickets, by server name. Each ticket is used once
 * (RFC 8446 Appendix C.4: reusing a ticket lets observers link connections).
 */
public interface SessionCache {

    /** Keeps a ticket the server sent. */
    void put(SessionTicket ticket);

    /** Removes and returns a usable ticket for this server, or {@code null}. */
    SessionTicket take(String serverName, Instant now);

    /** A cache in memory for up to {@code servers} server names, a few tickets each. */
    static SessionCache inMemory(int servers) {
        return new InMemory(servers);
    }

    /** The in-memory cache: least recently used server names are forgotten first. */
    final class InMemory implements SessionCache {

        private static final int TICKETS_PER_SERVER = 4;

        private final Map<String, Deque<SessionTicket>> tickets;

        private InMemory(int servers) {
            this.tickets = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Deque<SessionTicket>> eldest) {
                    return size() > servers;
                }
            };
        }

        @Override
        public synchronized void put(SessionTicket ticket) {
            Deque<SessionTicket> forServer = tickets.get(ticket.serverName());
            if (forServer == null) {
                forServer = new ArrayDeque<>();
                tickets.put(ticket.serverName(), forServer);
            }
            forServer.addLast(ticket);
            while (forServer.size() > TICKETS_PER_SERVER) {
                forServer.removeFirst();
            }
        }

        @Override
        public synchronized SessionTicket take(String serverName, Instant now) {
            Deque<SessionTicket> forServer = tickets.get(serverName);
            while (forServer != null && !forServer.isEmpty()) {
                SessionTicket newest = forServer.removeLast();
                if (newest.usableAt(now)) {
                    return newest;
                }
            }
            return null;
        }
    }
}
