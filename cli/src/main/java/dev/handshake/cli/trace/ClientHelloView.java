package dev.handshake.cli.trace;

import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.message.ClientHello;
import dev.handshake.tls.message.ExtensionType;

import java.util.ArrayList;
import java.util.List;

/** ClientHello: what the client can do, and its random. */
final class ClientHelloView {

    private ClientHelloView() {
    }

    /** @param negotiation says whether this is the second ClientHello, after a HelloRetryRequest */
    static MessageView of(ClientHello hello, Negotiation negotiation) {
        boolean tls13 = hello.extensions().has(ExtensionType.SUPPORTED_VERSIONS);
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("version", Names.version(hello.legacyVersion())
            + (tls13 ? ": frozen at TLS 1.2 for old middleboxes; supported_versions below is what counts" : "")));
        fields.add(new Field("client random", Hex.of(hello.random())));
        fields.add(new Field("session id", hello.sessionId().length == 0 ? "(empty: a new session)" : Hex.head(hello.sessionId())
            + (tls13 ? "\nTLS 1.3 does not use it; a random one makes the handshake look like a TLS 1.2 resumption to "
                + "middleboxes (RFC 8446 Appendix D.4)" : "")));
        List<String> suites = new ArrayList<>();
        for (CipherSuite suite : hello.cipherSuites()) {
            suites.add(suite(suite));
        }
        fields.add(new Field("cipher suites", hello.cipherSuites().size() + " offered, most preferred first:\n"
            + String.join("\n", suites)));
        fields.add(new Field("compression", hello.compressionMethods().length == 1 && hello.compressionMethods()[0] == 0
            ? "null (none)" : Hex.head(hello.compressionMethods())));
        fields.addAll(ExtensionText.fields(hello.extensions(), ExtensionText.In.CLIENT_HELLO));
        return new MessageView("ClientHello", purpose(hello, tls13, negotiation.helloRetried()), fields);
    }

    private static String purpose(ClientHello hello, boolean tls13, boolean second) {
        if (second) {
            return "The ClientHello again, as the HelloRetryRequest asked: the same random and offers, now with a key "
                + "share for the group the server wants" + (hello.extensions().has(ExtensionType.COOKIE)
                ? " and the server's cookie" : "") + ". Both hellos count in the transcript: the first as its hash.";
        }
        String purpose = "The client opens: the versions, cipher suites and groups it can use, and 32 fresh random bytes. "
            + "Nothing is secret yet; anyone on the path can read this.";
        if (tls13 && hello.extensions().has(ExtensionType.KEY_SHARE)) {
            purpose += " For TLS 1.3 it already sends a key share for the group it expects the server to take: if it "
                + "guessed right, the handshake takes one round trip.";
        }
        if (hello.extensions().has(ExtensionType.PRE_SHARED_KEY)) {
            purpose += " It also offers a session ticket from an earlier connection, to resume that session.";
        }
        return purpose;
    }

    private static String suite(CipherSuite suite) {
        if (suite.equals(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV)) {
            return "TLS_EMPTY_RENEGOTIATION_INFO_SCSV (a signal, not a suite: secure renegotiation, RFC 5746)";
        }
        if (suite.equals(CipherSuite.TLS_FALLBACK_SCSV)) {
            return "TLS_FALLBACK_SCSV (a signal, not a suite: this is a downgraded retry, RFC 7507)";
        }
        return suite.name() + " = " + Names.anatomy(suite);
    }
}
