package dev.handshake.tls;

import dev.handshake.pki.FailureCode;
import dev.handshake.pki.KeyPurpose;
import dev.handshake.pki.KeyUsage;
import dev.handshake.pki.PathValidator;
import dev.handshake.pki.ServerIdentity;
import dev.handshake.pki.TrustAnchors;
import dev.handshake.pki.ValidationResult;
import dev.handshake.tls.trace.TlsEvent;
import dev.handshake.tls.trace.TlsObserver;

import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The {@link CertificateVerifier} of the web PKI: validates the peer's chain with a
 * {@link PathValidator} at the handshake's time, for the peer's name, with the keyUsage the key
 * exchange needs, and turns a rejection into the fitting alert (RFC 8446 §6.2, RFC 5246 §7.2.2).
 */
public final class PkixCertificateVerifier implements CertificateVerifier {

    private final PathValidator validator;
    private final KeyPurpose purpose;

    public PkixCertificateVerifier(PathValidator validator, KeyPurpose purpose) {
        this.validator = validator;
        this.purpose = purpose;
    }

    /** A client's verifier of servers: serverAuth, the server's name checked. */
    public static PkixCertificateVerifier forServers(TrustAnchors anchors) {
        return new PkixCertificateVerifier(PathValidator.builder(anchors).build(), KeyPurpose.SERVER_AUTH);
    }

    /** A server's verifier of client certificates: clientAuth. */
    public static PkixCertificateVerifier forClients(TrustAnchors anchors) {
        return new PkixCertificateVerifier(PathValidator.builder(anchors).build(), KeyPurpose.CLIENT_AUTH);
    }

    @Override
    public void verify(List<X509Certificate> chain, Context context) throws TlsException {
        if (chain == null || chain.isEmpty()) {
            throw new TlsException(AlertDescription.BAD_CERTIFICATE, "the peer sent no certificate");
        }
        ServerIdentity expected = null;
        if (purpose == KeyPurpose.SERVER_AUTH && context.peerName() != null) {
            try {
                expected = ServerIdentity.of(context.peerName());
            } catch (IllegalArgumentException e) {
                throw new TlsException(AlertDescription.INTERNAL_ERROR,
                    "the name to connect to, '" + context.peerName() + "', is neither a DNS name nor an IP address", e);
            }
        }
        PathValidator.Builder builder = validator.toBuilder()
            .validationTime(context.now())
            .leafKeyUsage(leafKeyUsage(context.keyExchange()));
        TlsObserver observer = context.observer();
        if (observer != null) {
            builder.listener(step -> observer.onEvent(new TlsEvent.CertificateCheck(step)));
        }
        ValidationResult result = builder.build().validate(chain, expected, purpose);
        if (!result.valid()) {
            throw new TlsException(alert(result.failure()), result.message());
        }
    }

    /**
     * RFC 5246 §7.4.2: the RSA key exchange encrypts the premaster secret to the key
     * (keyEncipherment); (EC)DHE, TLS 1.3 and client authentication sign with it (digitalSignature).
     */
    static Set<KeyUsage> leafKeyUsage(CipherSuite.KeyExchange keyExchange) {
        return keyExchange == CipherSuite.KeyExchange.RSA
            ? EnumSet.of(KeyUsage.KEY_ENCIPHERMENT) : EnumSet.of(KeyUsage.DIGITAL_SIGNATURE);
    }

    /** The alert for each kind of rejection (RFC 5246 §7.2.2, RFC 8446 §6.2). */
    static AlertDescription alert(FailureCode failure) {
        return switch (failure) {
            case EXPIRED, NOT_YET_VALID -> AlertDescription.CERTIFICATE_EXPIRED;
            case UNKNOWN_ISSUER, SELF_SIGNED, PATH_TOO_LONG -> AlertDescription.UNKNOWN_CA;
            case KEY_USAGE, EXTENDED_KEY_USAGE, UNKNOWN_CRITICAL_EXTENSION -> AlertDescription.UNSUPPORTED_CERTIFICATE;
            case INVALID_INPUT -> AlertDescription.INTERNAL_ERROR;
            default -> AlertDescription.BAD_CERTIFICATE;
        };
    }
}
