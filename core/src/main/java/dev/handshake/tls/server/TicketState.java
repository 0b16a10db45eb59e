package dev.handshake.tls.server;

import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.message.Reader;
import dev.handshake.tls.message.Writer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a server needs to resume a session, sealed into the ticket it gives the client
 * (RFC 8446 §4.6.1 leaves the format to the server). Never seen in the clear outside this server.
 *
 * @param created when the ticket was issued
 * @param ageAdd the ticket_age_add sent with it
 * @param psk the resumption PSK
 * @param serverName the SNI of the original connection, or "" — a ticket only resumes for the same name
 * @param clientCertificates the client's chain, if it authenticated, in DER
 */
record TicketState(CipherSuite suite, Instant created, long ageAdd, byte[] psk, String applicationProtocol,
                   String serverName, List<byte[]> clientCertificates) {

    private static final int FORMAT = 1;

    byte[] encode() {
        Writer writer = new Writer();
        writer.u8(FORMAT);
        writer.u16(suite.code());
        writer.u32(created.getEpochSecond());
        writer.u32(ageAdd);
        writer.opaque8(psk);
        writer.opaque8(applicationProtocol == null ? new byte[0] : applicationProtocol.getBytes(StandardCharsets.UTF_8));
        writer.opaque8(serverName.getBytes(StandardCharsets.US_ASCII));
        try (Writer.Length list = writer.u24Prefixed()) {
            for (byte[] der : clientCertificates) {
                writer.opaque24(der);
            }
        }
        return writer.toByteArray();
    }

    /** The state in a ticket's plaintext, or {@code null} when it is not one this version wrote. */
    static TicketState decode(byte[] plaintext) {
        try {
            Reader reader = new Reader("ticket", plaintext);
            if (reader.u8("format") != FORMAT) {
                return null;
            }
            CipherSuite suite = new CipherSuite(reader.u16("suite"));
            Instant created = Instant.ofEpochSecond(reader.u32("created"));
            long ageAdd = reader.u32("age_add");
            byte[] psk = reader.opaque8("psk");
            byte[] protocol = reader.opaque8("alpn");
            String serverName = new String(reader.opaque8("sni"), StandardCharsets.US_ASCII);
            Reader list = reader.u24Prefixed("client_certificates");
            List<byte[]> certificates = new ArrayList<>();
            while (list.hasRemaining()) {
                certificates.add(list.opaque24("certificate"));
            }
            reader.expectEnd();
            return new TicketState(suite, created, ageAdd, psk,
                protocol.length == 0 ? null : new String(protocol, StandardCharsets.UTF_8), serverName, certificates);
        } catch (TlsException e) {
            return null;
        }
    }
}
