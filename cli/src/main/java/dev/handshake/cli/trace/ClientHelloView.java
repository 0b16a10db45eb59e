package dev.handshake.cli.trace;

import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.message.ClientHello;

import java.util.ArrayList;
import java.util.List;

/** ClientHello: what the client can do, and its random. */
final class ClientHelloView {

    private ClientHelloView() {
    }

    static MessageView of(ClientHello hello) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("version", Names.version(hello.legacyVersion())));
        fields.add(new Field("client random", Hex.of(hello.random())));
        fields.add(new Field("session id", hello.sessionId().length == 0 ? "(empty: a new session)" : Hex.head(hello.sessionId())));
        List<String> suites = new ArrayList<>();
        for (CipherSuite suite : hello.cipherSuites()) {
            suites.add(suite(suite));
        }
        fields.add(new Field("cipher suites", hello.cipherSuites().size() + " offered, most preferred first:\n"
            + String.join("\n", suites)));
        fields.add(new Field("compression", hello.compressionMethods().length == 1 && hello.compressionMethods()[0] == 0
            ? "null (none)" : Hex.head(hello.compressionMethods())));
        fields.addAll(ExtensionText.fields(hello.extensions()));
        return new MessageView("ClientHello",
            "The client opens: the versions, cipher suites and groups it can use, and 32 fresh random bytes. "
                + "Nothing is secret yet; anyone on the path can read this.", fields);
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
