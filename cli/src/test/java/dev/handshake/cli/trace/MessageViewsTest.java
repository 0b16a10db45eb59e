package dev.handshake.cli.trace;

import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.ExtensionType;
import dev.handshake.tls.message.Extensions;
import dev.handshake.tls.message.Handshake;
import dev.handshake.tls.message.HandshakeType;
import dev.handshake.tls.message.ServerNameList;
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
