package dev.handshake.cli.report;

import dev.handshake.cli.trace.ConnectionTrace;
import dev.handshake.cli.trace.Field;
import dev.handshake.cli.trace.Flight;
import dev.handshake.cli.trace.Names;
import dev.handshake.cli.trace.Side;
import dev.handshake.cli.trace.Summary;
import dev.handshake.cli.trace.TraceStep;
import dev.handshake.pki.ValidationStep;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.Session;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.message.Certificate;
import dev.handshake.tls.message.HandshakeType;
import dev.handshake.tls.trace.TlsEvent;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the report page shows, as one JSON-ready map: the flights of messages with their fields,
 * the certificate chain with the signature checks between its links, the key derivations (names
 * and formulas, never the values), and what was negotiated.
 */
final class ReportData {

    private ReportData() {
    }

    static Map<String, Object> of(ConnectionTrace trace) {
        List<TraceStep> steps = trace.steps();
        Summary summary = Summary.of(steps);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("self", trace.self().label());
        data.put("connection", trace.number());
        data.put("flights", flights(steps));
        Side chainFrom = chainSender(steps, trace.self(), trace.negotiation().tls13());
        data.put("chainFrom", chainFrom.label());
        data.put("chain", chain(steps, chainFrom, trace.negotiation().tls13()));
        data.put("checks", steps.stream().filter(s -> s.event() instanceof TlsEvent.CertificateCheck)
            .map(s -> ((TlsEvent.CertificateCheck) s.event()).step().describe()).toList());
        data.put("secrets", secrets(steps));
        data.put("parameters", parameters(summary));
        data.put("failure", summary.failure() == null ? null
            : (summary.failure().sentByPeer() ? "the peer sent " : "we sent ") + summary.failure().alert().name()
                + ": " + summary.failure().reason());
        return data;
    }

    private static List<Object> flights(List<TraceStep> steps) {
        List<Object> flights = new ArrayList<>();
        for (Flight flight : Flight.of(steps)) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("from", flight.sender().label());
            json.put("messages", flight.steps().stream().map(ReportData::message).toList());
            flights.add(json);
        }
        return flights;
    }

    private static Map<String, Object> message(TraceStep step) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seq", step.index());
        json.put("from", step.sender().label());
        json.put("encrypted", step.encrypted());
        TlsEvent event = step.event();
        if (event instanceof TlsEvent.HandshakeMessage m) {
            json.put("kind", "handshake");
            json.put("name", step.message().name());
            json.put("length", m.message().raw().length);
            json.put("purpose", step.message().purpose());
            json.put("fields", fields(step.message().fields()));
        } else if (event instanceof TlsEvent.ChangeCipherSpec) {
            json.put("kind", "ccs");
            json.put("name", "ChangeCipherSpec");
            json.put("length", 1);
            json.put("purpose", "From the next record on, the " + step.sender().label() + " encrypts with the new keys.");
            json.put("fields", List.of());
        } else if (event instanceof TlsEvent.ApplicationData d) {
            json.put("kind", "data");
            json.put("name", "application data");
            json.put("length", d.length());
            json.put("purpose", d.length() + " bytes of application data (plaintext length), sent encrypted.");
            json.put("fields", List.of());
        } else if (event instanceof TlsEvent.Alert a) {
            json.put("kind", "alert");
            json.put("name", "alert " + a.description().name());
            json.put("length", 2);
            json.put("purpose", (a.fatal() ? "A fatal alert: the connection ends." : "A warning alert.")
                + (a.description().code() == 0 ? " close_notify: the sender will send nothing more." : ""));
            json.put("fields", List.of());
        }
        return json;
    }

    private static List<Object> fields(List<Field> fields) {
        List<Object> list = new ArrayList<>();
        for (Field field : fields) {
            list.add(List.of(field.name(), field.value()));
        }
        return list;
    }

    /**
     * Whose chain the picture shows: the peer's, which this side checked; a server whose client sent
     * no certificate shows its own.
     */
    private static Side chainSender(List<TraceStep> steps, Side self, boolean tls13) {
        boolean peerSentOne = steps.stream().anyMatch(step -> step.sender() == self.other()
            && step.event() instanceof TlsEvent.HandshakeMessage m && m.message().type().equals(HandshakeType.CERTIFICATE)
            && !certificates(m, tls13).isEmpty());
        return peerSentOne ? self.other() : Side.SERVER;
    }

    /**
     * The accepted path when the chain was checked (it ends at the trust anchor), else the
     * certificates {@code from} sent; each link carries the signature check made on it, if any.
     */
    private static List<Object> chain(List<TraceStep> steps, Side from, boolean tls13) {
        List<X509Certificate> sent = new ArrayList<>();
        List<X509Certificate> path = null;
        List<ValidationStep.SignatureChecked> signatures = new ArrayList<>();
        for (TraceStep step : steps) {
            if (step.event() instanceof TlsEvent.HandshakeMessage m
                && m.message().type().equals(HandshakeType.CERTIFICATE) && step.sender() == from) {
                sent = certificates(m, tls13);
            } else if (step.event() instanceof TlsEvent.CertificateCheck c) {
                if (c.step() instanceof ValidationStep.PathAccepted accepted) {
                    path = accepted.path();
                } else if (c.step() instanceof ValidationStep.SignatureChecked signature) {
                    signatures.add(signature);
                }
            }
        }
        List<X509Certificate> shown = path != null ? path : sent;
        List<Object> chain = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            X509Certificate certificate = shown.get(i);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("subject", Names.subject(certificate));
            json.put("issuer", Names.issuer(certificate));
            json.put("key", Names.key(certificate.getPublicKey()));
            json.put("notBefore", certificate.getNotBefore().toInstant().toString());
            json.put("notAfter", certificate.getNotAfter().toInstant().toString());
            json.put("sent", contains(sent, certificate));
            json.put("anchor", path != null && i == shown.size() - 1);
            json.put("signedBy", i + 1 < shown.size() ? link(certificate, shown.get(i + 1), signatures) : null);
            chain.add(json);
        }
        return chain;
    }

    /** The certificates of a Certificate message, as far as they parse. */
    private static List<X509Certificate> certificates(TlsEvent.HandshakeMessage m, boolean tls13) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : Certificate.decode(m.message(), tls13).certificates()) {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | TlsException e) {
            // The explanation shows why the message did not decode; the picture shows what did.
        }
        return certificates;
    }

    private static Map<String, Object> link(X509Certificate subject, X509Certificate issuer,
                                            List<ValidationStep.SignatureChecked> signatures) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (ValidationStep.SignatureChecked check : signatures) {
            if (check.subject().equals(subject) && check.issuer().equals(issuer)) {
                json.put("algorithm", check.algorithm());
                json.put("matches", check.matches());
                return json;
            }
        }
        json.put("algorithm", subject.getSigAlgName());
        json.put("matches", null);
        return json;
    }

    private static boolean contains(List<X509Certificate> certificates, X509Certificate wanted) {
        try {
            for (X509Certificate certificate : certificates) {
                if (Arrays.equals(certificate.getEncoded(), wanted.getEncoded())) {
                    return true;
                }
            }
        } catch (CertificateEncodingException e) {
            return false;
        }
        return false;
    }

    private static List<Object> secrets(List<TraceStep> steps) {
        List<Object> secrets = new ArrayList<>();
        for (TraceStep step : steps) {
            if (step.event() instanceof TlsEvent.Secret secret) {
                secrets.add(List.of(secret.name(), secret.value().length + " bytes", secret.derivation()));
            }
        }
        return secrets;
    }

    private static List<Object> parameters(Summary summary) {
        List<Object> rows = new ArrayList<>();
        Session session = summary.session();
        if (session != null) {
            rows.add(List.of("protocol", session.version().name()));
            rows.add(List.of("cipher suite", session.cipherSuite().name()));
            rows.add(List.of("reads as", Names.anatomy(session.cipherSuite())));
            rows.add(List.of("group", session.groupName() != null ? session.groupName() : "none (RSA key transport)"));
            rows.add(List.of("signature", session.signatureScheme() != null ? session.signatureScheme().name() : "none"));
            rows.add(List.of("server name (SNI)", session.serverName() != null ? session.serverName() : "none"));
            rows.add(List.of("ALPN", session.applicationProtocol() != null ? session.applicationProtocol() : "none"));
            boolean tls13 = ProtocolVersion.TLS13.equals(session.version());
            rows.add(List.of("extended master secret", tls13 ? "not needed: every TLS 1.3 key hashes the handshake"
                : session.extendedMasterSecret() ? "yes (RFC 7627)" : "no"));
            rows.add(List.of("False Start", tls13 ? "not needed: TLS 1.3 takes one round trip"
                : session.falseStart() ? "yes (RFC 7918)" : "no"));
            rows.add(List.of("forward secrecy", summary.forwardSecrecy()));
            rows.add(List.of("round trips", summary.roundTripText()));
            if (summary.resumptionText() != null) {
                rows.add(List.of("resumption", summary.resumptionText()));
            }
        }
        rows.add(List.of("handshake", summary.handshakeMessages() + " messages in " + summary.handshakeFlights() + " flights"
            + (summary.helloRetried() ? ", a HelloRetryRequest among them" : "")));
        if (summary.newSessionTickets() + summary.keyUpdates() > 0) {
            rows.add(List.of("after the handshake", summary.newSessionTickets() + " NewSessionTicket, "
                + summary.keyUpdates() + " KeyUpdate"));
        }
        return rows;
    }
}
