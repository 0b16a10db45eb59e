package dev.handshake.tls;

import dev.handshake.tls.crypto.CryptoProvider;
import dev.handshake.tls.crypto.TlsSignatures;
import dev.handshake.tls.message.Certificate;
import dev.handshake.tls.message.ClientHello;
import dev.handshake.tls.message.Extension;
import dev.handshake.tls.message.ExtensionType;
import dev.handshake.tls.message.Extensions;
import dev.handshake.tls.message.RenegotiationInfo;
import dev.handshake.tls.message.ServerHello;
import dev.handshake.tls.message.ServerKeyExchange;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Plays a TLS 1.2 server message by message, so tests can make it misbehave at any step. */
final class ScriptedServer {

    final TlsConnection client;
    final ClientHello clientHello;
    final byte[] random = new byte[32];
    final Credential credential;

    ScriptedServer(TlsConfig clientConfig, Credential credential) throws TlsException {
        this.client = TlsConnection.client(clientConfig, "localhost");
        this.clientHello = ClientHello.decode(Wire.handshakes(EnginePair.drain(client)).get(0));
        this.credential = credential;
        new SecureRandom().nextBytes(random);
    }

    /** A client that pins {@code credential} and offers {@code suites}. */
    static ScriptedServer forSuites(Credential credential, CipherSuite... suites) throws TlsException {
        return new ScriptedServer(TlsConfig.builder().cipherSuites(List.of(suites))
            .certificateVerifier(CertificateVerifier.pinned(List.of(credential.certificate()))).build(), credential);
    }

    /** A proper ServerHello (with renegotiation_info and extended_master_secret) plus {@code extra} extensions. */
    ServerHello hello(CipherSuite suite, Extension... extra) {
        List<Extension> extensions = new ArrayList<>();
        extensions.add(RenegotiationInfo.initial());
        extensions.add(Extension.empty(ExtensionType.EXTENDED_MASTER_SECRET));
        extensions.addAll(Arrays.asList(extra));
        return new ServerHello(ProtocolVersion.TLS12, random, new byte[0], suite, 0, new Extensions(extensions));
    }

    Certificate certificate() throws Exception {
        return Certificate.tls12(List.of(credential.certificate().getEncoded()));
    }

    /** A ServerKeyExchange over {@code params}, correctly signed with the credential's key. */
    ServerKeyExchange keyExchange(ServerKeyExchange.Params params, SignatureScheme scheme) throws TlsException {
        byte[] signed = Wire.concat(clientHello.random(), random, params.encoded());
        byte[] signature = TlsSignatures.sign(scheme, credential.privateKey(), signed, CryptoProvider.jca(),
            new SecureRandom());
        return new ServerKeyExchange(params, scheme, signature);
    }
}
