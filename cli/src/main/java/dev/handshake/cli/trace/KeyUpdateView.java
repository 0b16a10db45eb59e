package dev.handshake.cli.trace;

import dev.handshake.tls.message.KeyUpdate;

import java.util.List;

/** KeyUpdate (RFC 8446 §4.6.3): the sender moves on to the next traffic keys. */
final class KeyUpdateView {

    private KeyUpdateView() {
    }

    static MessageView of(KeyUpdate update, Side sender) {
        return new MessageView("KeyUpdate",
            "From the next record on, the " + sender.label() + " encrypts with the next generation of keys, "
                + "application_traffic_secret_N+1 = HKDF-Expand-Label(application_traffic_secret_N, \"traffic upd\", "
                + "\"\", Hash.length) (RFC 8446 §7.2). A long connection limits this way how much one key encrypts, "
                + "and a key that leaks later does not decrypt what came after it.",
            List.of(new Field("request_update", update.updateRequested()
                ? "update_requested (1): the peer must update its keys too and answer with a KeyUpdate of its own"
                : "update_not_requested (0)")));
    }
}
