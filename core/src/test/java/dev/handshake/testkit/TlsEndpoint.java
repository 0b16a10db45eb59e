package dev.handshake.testkit;

/**
 * One side of a TLS connection seen as bytes: what it takes from the network and what it has to
 * send. {@link JdkEnginePeer} is one; an adapter over Handshake's sans-IO engine is another, so
 * {@link InMemoryLink} can connect them without sockets.
 */
public interface TlsEndpoint {

    /** Takes bytes that arrived from the peer (any split: whole records, parts of one, several). */
    void fromNetwork(byte[] bytes);

    /** Everything this side wants to send now; empty when it has nothing to say. */
    byte[] toNetwork();
}
