package dev.handshake.tls;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a client keeps of a TLS 1.3 session to resume it later (RFC 8446 §4.6.1): the server's
 * opaque ticket and the pre-shared key derived for it.
 *
 * @param serverName the server the ticket came from
 * @param cipherSuite the suite of the session; a resumption must use a suite with the same hash
 * @param ticket the ticket, opaque to the client
 * @param psk the pre-shared key, HKDF-Expand-Label(resumption_master_secret, "resumption", nonce)
 * @param ageAdd the server's ticket_age_add, which hides the ticket's age on the wire
 * @param received when the ticket arrived
 * @param lifetime how long the server will accept it
 * @param peerCertificates the server's chain as checked in the original handshake
 */
public record SessionTicket(String serverName, CipherSuite cipherSuite, byte[] ticket, byte[] psk, long ageAdd,
                            Instant received, Duration lifetime, String applicationProtocol,
                            List<X509Certificate> peerCertificates) {

    public SessionTicket {
        peerCertificates = List.copyOf(peerCertificates);
    }

    /** Whether the ticket may still be offered at {@code now}. */
    public boolean usableAt(Instant now) {
        return !now.isBefore(received) && now.isBefore(received.plus(lifetime));
    }

    /** RFC 8446 §4.2.11.1: (age in milliseconds + ticket_age_add) mod 2^32. */
    public long obfuscatedAge(Instant now) {
        long ageMillis = Duration.between(received, now).toMillis();
        return (ageMillis + ageAdd) & 0xFFFFFFFFL;
    }
}
