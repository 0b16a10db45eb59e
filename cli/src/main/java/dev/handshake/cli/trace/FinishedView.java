package dev.handshake.cli.trace;

import java.util.List;

/** Finished: the MAC over the whole handshake that proves both sides saw the same one. */
final class FinishedView {

    private FinishedView() {
    }

    static MessageView of(byte[] verifyData, Side sender, Negotiation negotiation) {
        String how = negotiation.tls13()
            ? "verify_data = HMAC(finished_key, Transcript-Hash(every handshake message so far)) (RFC 8446 §4.4.4)"
            : "verify_data = PRF(master_secret, \"" + sender.label() + " finished\", Hash(every handshake message so far))"
                + "[0..11] (RFC 5246 §7.4.9)";
        return new MessageView("Finished",
            "The first message under the new keys. It proves the " + sender.label() + " has the keys and saw exactly "
                + "the same handshake: a message changed in flight would make it differ.",
            List.of(new Field("verify_data", Hex.of(verifyData)), new Field("computed as", how)));
    }
}
