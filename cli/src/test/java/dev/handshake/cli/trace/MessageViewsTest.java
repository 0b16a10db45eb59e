package dev.handshake.cli.trace;

import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.message.Certificate;
import dev.handshake.tls.message.Cookie;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.ExtensionType;
import dev.handshake.tls.message.Extensions;
import dev.handshake.tls.message.Handshake;
import dev.handshake.tls.message.HandshakeType;
import dev.handshake.tls.message.KeyUpdate;
import dev.handshake.tls.message.NewSessionTicket;
import dev.handshake.tls.message.ServerHello;
import dev.handshake.tls.message.ServerNameList;
import dev.handshake.tls.message.SupportedVersions;
import dev.handshake.tls.message.Writer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages this explanation has no view for, or that do not decode, render generically and never fail. */
class MessageViewsTest {

    private final Negotiation negotiation = new Negotiation();

    @Test
    void anUnknownMessageTypeShowsItsTypeLengthAndFirstBytes() {
        MessageView view = MessageViews.describe(Handshake.of(new HandshakeType(99), new byte[40]), Side.SERVER, negotiation);

        assertThat(view.name()).isEqualTo("handshake(99)");
        assertThat(view.fields()).containsExactly(new Field("type", "handshake(99) (99)"), new Field("length", "40 bytes"),
            new Field("body", "00000000000000000000000000000000\u2026 (40 bytes)"));
    }

    @Test
    void aMessageThatDoesNotDecodeSaysWhyAndStillShowsItsBytes() {
        MessageView view = MessageViews.describe(Handshake.of(HandshakeType.CLIENT_HELLO, new byte[] {3, 3, 1}),
            Side.CLIENT, negotiation);

        assertThat(view.name()).isEqualTo("ClientHello");
        assertThat(view.purpose()).contains("could not be decoded");
        assertThat(view.fields()).extracting(Field::name).containsExactly("type", "length", "body", "note");
    }

    @Test
    void aKeyExchangeMessageBeforeAnyServerHelloIsShownGenerically() {
        MessageView view = MessageViews.describe(Handshake.of(HandshakeType.SERVER_KEY_EXCHANGE, new byte[] {3, 0, 29}),
            Side.SERVER, negotiation);

        assertThat(view.purpose()).contains("for a suite this explanation does not know");
    }

    @Test
    void aNewSessionTicketShowsLifetimeAgeAddNonceAndTicketLength() {
        Handshake ticket = new NewSessionTicket(7200, 0x01020304L, new byte[] {7}, new byte[90], Extensions.NONE).toHandshake();

        MessageView view = MessageViews.describe(ticket, Side.SERVER, negotiation);

        assertThat(view.name()).isEqualTo("NewSessionTicket");
        assertThat(view.fields()).extracting(Field::name).containsExactly("lifetime", "ticket_age_add", "nonce", "ticket");
        assertThat(view.fields()).extracting(Field::value).anySatisfy(v -> assertThat(v).startsWith("7200 s (2h)"))
            .anySatisfy(v -> assertThat(v).startsWith("0x01020304"))
            .anySatisfy(v -> assertThat(v).startsWith("07 (1 bytes)"))
            .contains("90 bytes, opaque to the client");
    }

    @Test
    void aKeyUpdateSaysWhetherThePeerMustUpdateToo() {
        MessageView requested = MessageViews.describe(new KeyUpdate(true).toHandshake(), Side.CLIENT, negotiation);
        MessageView answer = MessageViews.describe(new KeyUpdate(false).toHandshake(), Side.SERVER, negotiation);

        assertThat(requested.purpose()).contains("the client encrypts with the next generation of keys", "\"traffic upd\"");
        assertThat(requested.fields()).singleElement().extracting(Field::value).asString().startsWith("update_requested (1)");
        assertThat(answer.fields()).singleElement().extracting(Field::value).isEqualTo("update_not_requested (0)");
    }

    @Test
    void aHelloRetryRequestForACookieOnlySaysSo() {
        ServerHello retry = new ServerHello(ProtocolVersion.TLS12, ServerHello.helloRetryRequestRandom(), new byte[32],
            CipherSuite.TLS_AES_128_GCM_SHA256, 0, new Extensions(List.of(SupportedVersions.selected(ProtocolVersion.TLS13),
            Cookie.of(new byte[] {1, 2, 3}))));

        MessageView view = MessageViews.describe(retry.toHandshake(), Side.SERVER, negotiation);

        assertThat(view.name()).isEqualTo("HelloRetryRequest");
        assertThat(view.purpose()).contains("key share suits the server, but it wants the client's address confirmed",
            "The cookie must come back");
        assertThat(view.fields()).contains(new Field("cookie", "010203 (3 bytes)\nthe client must return it in its second "
            + "ClientHello: proof that it receives at its address"));
        assertThat(negotiation.helloRetried()).isTrue();
        assertThat(negotiation.tls13()).isTrue();
    }

    @Test
    void anEmptyClientCertificateSaysTheClientHasNone() {
        ServerHello hello = new ServerHello(ProtocolVersion.TLS12, new byte[32], new byte[0], CipherSuite.TLS_AES_128_GCM_SHA256,
            0, new Extensions(List.of(SupportedVersions.selected(ProtocolVersion.TLS13))));
        MessageViews.describe(hello.toHandshake(), Side.SERVER, negotiation);

        MessageView view = MessageViews.describe(new Certificate(new byte[0], List.of(), true).toHandshake(), Side.CLIENT,
            negotiation);

        assertThat(view.fields()).containsExactly(new Field("certificates", "none"));
        assertThat(view.purpose()).startsWith("The client has no certificate to send");
    }

    @Test
    void encryptedExtensionsOfTls13DecodeTheirExtensions() {
        Writer body = new Writer();
        new Extensions(List.of(new ServerNameList("example.com").toExtension(),
            new Extension(ExtensionType.EARLY_DATA, new byte[0]))).encode(body);

        MessageView view = MessageViews.describe(Handshake.of(HandshakeType.ENCRYPTED_EXTENSIONS, body.toByteArray()),
            Side.SERVER, negotiation);

        assertThat(view.name()).isEqualTo("EncryptedExtensions");
        assertThat(view.fields()).containsExactly(new Field("server_name", "example.com"), new Field("early_data", "(empty)"));
    }
}
