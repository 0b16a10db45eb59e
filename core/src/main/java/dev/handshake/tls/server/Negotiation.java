package dev.handshake.tls.server;

import dev.handshake.tls.AlertDescription;
import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.CipherSuite.KeyExchange;
import dev.handshake.tls.Credential;
import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.SignatureScheme;
import dev.handshake.tls.TlsConfig;
import dev.handshake.tls.TlsException;
import dev.handshake.tls.crypto.TlsSignatures;

import java.security.interfaces.ECKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's choice of cipher suite, credential, group and signature scheme for a TLS 1.2
 * ClientHello, in the server's order of preference. When nothing fits, the failure says why.
 */
final class Negotiation {

    /** One workable combination. {@code group} and {@code scheme} are null for the RSA key exchange. */
    record Choice(CipherSuite suite, Credential credential, NamedGroup group, SignatureScheme scheme) {
    }

    private Negotiation() {
    }

    /**
     * @param clientGroups the client's supported_groups, or {@code null} if it sent none
     * @param clientSchemes the client's signature_algorithms (empty if it sent none)
     */
    static Choice choose(TlsConfig config, List<CipherSuite> clientSuites, List<NamedGroup> clientGroups,
                         List<SignatureScheme> clientSchemes) throws TlsException {
        List<String> reasons = new ArrayList<>();
        for (CipherSuite suite : config.cipherSuites()) {
            if (suite.isTls13() || !clientSuites.contains(suite)) {
                continue;
            }
            Choice choice = tryChoose(config, suite, clientGroups, clientSchemes, reasons);
            if (choice != null) {
                return choice;
            }
        }
        String offered = clientSuites.stream().filter(CipherSuite::isSupported).map(CipherSuite::name).toList().toString();
        throw new TlsException(AlertDescription.HANDSHAKE_FAILURE, reasons.isEmpty()
            ? "no cipher suite in common: the client offers " + describe(clientSuites)
                + "; this server accepts " + config.cipherSuites()
            : "no cipher suite could be used: " + String.join("; ", reasons) + " (client's usable suites: " + offered + ")");
    }

    private static Choice tryChoose(TlsConfig config, CipherSuite suite, List<NamedGroup> clientGroups,
                                    List<SignatureScheme> clientSchemes, List<String> reasons) {
        String keyType = suite.authentication() == CipherSuite.Authentication.ECDSA ? "EC" : "RSA";
        List<Credential> ofType = config.credentials().stream()
            .filter(c -> c.keyAlgorithm().equals(keyType) && curveAccepted(c, clientGroups)).toList();
        if (ofType.isEmpty()) {
            reasons.add(suite + " needs an " + keyType + " certificate" + (keyType.equals("EC")
                ? " on a curve the client lists (it lists " + clientGroups + ")" : "") + ", which this server lacks");
            return null;
        }
        Credential credential = null;
        SignatureScheme scheme = null;
        if (suite.keyExchange() == KeyExchange.RSA) {
            credential = ofType.get(0);
        } else {
            for (Credential candidate : ofType) {
                scheme = TlsSignatures.choose(config.signatureSchemes(), clientSchemes, candidate.privateKey(), false);
                if (scheme != null) {
                    credential = candidate;
                    break;
                }
            }
            if (credential == null) {
                reasons.add(suite + " needs a signature scheme the client accepts (it offers " + clientSchemes + ")");
                return null;
            }
        }
        NamedGroup group = null;
        if (suite.keyExchange() == KeyExchange.ECDHE) {
            group = ecGroup(config, clientGroups);
            if (group == null) {
                reasons.add(suite + " needs a curve in common (client offers " + clientGroups + ")");
                return null;
            }
        } else if (suite.keyExchange() == KeyExchange.DHE) {
            group = ffGroup(config, clientGroups);
            if (group == null) {
                reasons.add(suite + " needs a finite-field group in common (client offers " + clientGroups + ")");
                return null;
            }
        }
        return new Choice(suite, credential, group, scheme);
    }

    /**
     * RFC 8422 §5.1.1: in TLS 1.2 supported_groups also names the curves the client accepts an
     * ECDSA certificate on. A client that sent no list accepts any.
     */
    private static boolean curveAccepted(Credential credential, List<NamedGroup> clientGroups) {
        if (clientGroups == null || !(credential.privateKey() instanceof ECKey key)) {
            return true;
        }
        NamedGroup curve = switch (key.getParams().getCurve().getField().getFieldSize()) {
            case 256 -> NamedGroup.SECP256R1;
            case 384 -> NamedGroup.SECP384R1;
            case 521 -> NamedGroup.SECP521R1;
            default -> null;
        };
        return clientGroups.contains(curve);
    }

    /** RFC 8422 §4: without supported_groups the client is assumed to take secp256r1. */
    private static NamedGroup ecGroup(TlsConfig config, List<NamedGroup> clientGroups) {
        for (NamedGroup group : config.namedGroups()) {
            if (group.isFiniteField()) {
                continue;
            }
            if (clientGroups == null ? group.equals(NamedGroup.SECP256R1) : clientGroups.contains(group)) {
                return group;
            }
        }
        return null;
    }

    /**
     * RFC 7919 §4: if the client lists finite-field groups, the server must pick one of them (or
     * not use DHE); if it lists none, the server may use a group of its own choosing.
     */
    private static NamedGroup ffGroup(TlsConfig config, List<NamedGroup> clientGroups) {
        boolean clientListsFf = clientGroups != null && clientGroups.stream().anyMatch(NamedGroup::isFiniteField);
        for (NamedGroup group : config.namedGroups()) {
            if (group.isFiniteField() && (!clientListsFf || clientGroups.contains(group))) {
                return group;
            }
        }
        return null;
    }

    private static String describe(List<CipherSuite> suites) {
        List<String> names = suites.stream().map(CipherSuite::name).toList();
        return names.size() > 12 ? names.subList(0, 12) + " and " + (names.size() - 12) + " more" : names.toString();
    }
}
