package dev.handshake.cli;

import dev.handshake.cli.CertificateMaker.Issued;
import dev.handshake.tls.Credential;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A throwaway certificate hierarchy: root CA → intermediate CA → two server certificates for
 * {@code localhost} and {@code 127.0.0.1}, one with an RSA 2048 key and one with an ECDSA P-256 key.
 *
 * @param rsaServer the RSA server certificate and the intermediate, with the RSA key
 * @param ecServer the ECDSA server certificate and the intermediate, with the EC key
 */
record DemoPki(X509Certificate root, X509Certificate intermediate, Credential rsaServer, Credential ecServer) {

    private static final Duration VALIDITY = Duration.ofDays(7);
    private static final List<String> HOSTS = List.of("localhost", "127.0.0.1");

    static DemoPki generate(Instant now) throws GeneralSecurityException, IOException {
        CertificateMaker maker = new CertificateMaker(now, VALIDITY);
        Issued root = maker.issue(null, maker.rsa(), "CN=Handshake Demo Root CA", CertificateMaker.ca(-1));
        Issued intermediate = maker.issue(root, maker.rsa(), "CN=Handshake Demo Intermediate CA", CertificateMaker.ca(0));
        KeyPair rsa = maker.rsa();
        KeyPair ec = maker.ec();
        Issued rsaServer = maker.issue(intermediate, rsa, "CN=localhost", CertificateMaker.server(rsa, HOSTS));
        Issued ecServer = maker.issue(intermediate, ec, "CN=localhost", CertificateMaker.server(ec, HOSTS));
        return new DemoPki(root.certificate(), intermediate.certificate(),
            credential(rsaServer, intermediate), credential(ecServer, intermediate));
    }

    private static Credential credential(Issued server, Issued intermediate) {
        return new Credential(List.of(server.certificate(), intermediate.certificate()), server.keys().getPrivate());
    }
}
