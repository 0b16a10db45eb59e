package dev.handshake.tls.message;

import dev.handshake.tls.TlsException;

/**
 * The psk_key_exchange_modes extension (RFC 8446 §4.2.9): {@code PskKeyExchangeMode ke_modes<1..255>}.
 * Handshake only resumes with psk_dhe_ke, so every resumed session still gets fresh (EC)DHE keys.
 */
public final class PskKeyExchangeModes {

    public static final int PSK_KE = 0;
    public static final int PSK_DHE_KE = 1;

    private PskKeyExchangeModes() {
    }

    public static Extension dheOnly() {
        return new Extension(ExtensionType.PSK_KEY_EXCHANGE_MODES, new byte[] {1, PSK_DHE_KE});
    }

    /** Whether the client's list allows psk_dhe_ke. */
    public static boolean allowsDhe(Extension extension) throws TlsException {
        Reader reader = extension.reader();
        Reader modes = reader.u8Prefixed("ke_modes");
        reader.expectEnd();
        if (!modes.hasRemaining()) {
            throw modes.error("the list of modes is empty");
        }
        boolean dhe = false;
        while (modes.hasRemaining()) {
            dhe |= modes.u8("ke_mode") == PSK_DHE_KE;
        }
        return dhe;
    }
}
