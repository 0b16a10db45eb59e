package dev.handshake.tls.server;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.TicketKeys;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.crypto.TranscriptHash;
import dev.handshake.tls.handshake.HandshakeContext;
import dev.handshake.tls.handshake.Tls13Keys;
import dev.handshake.tls.message.ClientHello;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.ExtensionType;
import dev.handshake.tls.message.Handshake;
import dev.handshake.tls.message.PreSharedKey;
import dev.handshake.tls.message.PskKeyExchangeModes;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;

/**
 * The server's decision to resume from a ticket the client offers (RFC 8446 §4.2.11): the first
 * identity that is one of this server's live tickets, for the same server name and a suite both
 * sides still accept, whose binder proves the client holds the PSK. Anything else gives a full
 * handshake — except a wrong binder, which is an attack or a bug: decrypt_error.
 *
 * @param index the position of the identity in the client's list, echoed in ServerHello
 */
record Resumption(TicketState state, int index) {

    static Resumption accept(HandshakeContext context, ClientHello hello, Handshake message, TranscriptHash transcript,
                             boolean afterRetry, String serverName) throws TlsException {
        TlsConfig config = context.config();
        Extension pskExtension = hello.extensions().find(ExtensionType.PRE_SHARED_KEY);
        TicketKeys keys = config.ticketKeys();
        if (pskExtension == null || keys == null
                || !PskKeyExchangeModes.allowsDhe(hello.extensions().find(ExtensionType.PSK_KEY_EXCHANGE_MODES))) {
            return null;
        }
        PreSharedKey.Offered offered = PreSharedKey.decodeOffered(pskExtension);
        Instant now = context.now();
        for (int i = 0; i < offered.identities().size(); i++) {
            byte[] plaintext = keys.open(offered.identities().get(i).identity(), now, config.crypto());
            TicketState state = plaintext == null ? null : TicketState.decode(plaintext);
            if (state == null || !usable(state, config, hello, now, serverName)
                    || (afterRetry && transcript.algorithm() != state.suite().hash())) {
                continue;
            }
            checkBinder(context, message, transcript, offered, state, i);
            return new Resumption(state, i);
        }
        return null;
    }

    private static boolean usable(TicketState state, TlsConfig config, ClientHello hello, Instant now,
                                  String serverName) {
        return state.suite().isSupported() && state.suite().isTls13()
            && hello.cipherSuites().contains(state.suite()) && config.cipherSuites().contains(state.suite())
            && now.isBefore(state.created().plus(TicketKeys.TICKET_LIFETIME))
            && state.serverName().equals(serverName == null ? "" : serverName);
    }

    /** RFC 8446 §4.2.11.2: the binder is an HMAC over the ClientHello up to the binders list. */
    private static void checkBinder(HandshakeContext context, Handshake message, TranscriptHash transcript,
                                    PreSharedKey.Offered offered, TicketState state, int index) throws TlsException {
        byte[] raw = message.raw();
        byte[] truncated = Arrays.copyOf(raw, raw.length - offered.bindersLength());
        TranscriptHash hashing = transcript;
        if (!transcript.selected()) {
            hashing = new TranscriptHash();
            hashing.select(state.suite().hash(), context.config().crypto(), false);
        }
        byte[] expected = Tls13Keys.binder(context, state.suite(), state.psk(), hashing.currentWith(truncated));
        if (!MessageDigest.isEqual(expected, offered.binders().get(index))) {
            throw new TlsException(AlertDescription.DECRYPT_ERROR,
                "the PSK binder of the offered session ticket does not verify (RFC 8446 §4.2.11.2)");
        }
    }
}
