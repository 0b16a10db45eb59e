package dev.handshake.cli.trace;

import java.util.List;

/** Finished: the MAC over the whole handshake that proves both sides saw the same one. */
final class FinishedView {

    private FinishedView() {
    }

    static MessageView of(byte[] verifyData, Side sender, Negotiation negotiation) {
        if (negotiation.tls13()) {
            return new MessageView("Finished",
                "The end of the " + sender.label() + "'s handshake flight: an HMAC over every handshake message so far, "
                    + "keyed from the " + sender.label() + "'s handshake traffic secret. It proves the " + sender.label()
                    + " holds the handshake keys and saw exactly the same handshake: a message changed in flight would "
                    + "make it differ." + (sender == Side.SERVER ? " Right after it the server may send application data."
                    : ""),
                List.of(new Field("verify_data", Hex.of(verifyData)),
                    new Field("computed as", "verify_data = HMAC(finished_key, Transcript-Hash(every handshake message so "
                        + "far)),\nfinished_key = HKDF-Expand-Label(" + sender.label() + "_handshake_traffic_secret, "
                        + "\"finished\", \"\", Hash.length) (RFC 8446 §4.4.4)")));
        }
        return new MessageView("Finished",
            "The first message under the new keys. It proves the " + sender.label() + " has the keys and saw exactly "
                + "the same handshake: a message changed in flight would make it differ.",
            List.of(new Field("verify_data", Hex.of(verifyData)),
                new Field("computed as", "verify_data = PRF(master_secret, \"" + sender.label() + " finished\", "
                    + "Hash(every handshake message so far))[0..11] (RFC 5246 §7.4.9)")));
    }
}
