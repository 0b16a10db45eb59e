package dev.handshake.bench;

import dev.handshake.tls.Credential;
import dev.handshake.tls.crypto.CryptoProvider;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PSSParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The floor: the JCA operations a scenario cannot do without, back to back on JCA objects made once,
 * through the same {@link CryptoProvider} an engine would use (the JDK's providers, or ACCP first).
 *
 * <ul>
 *   <li>(EC)DHE and TLS 1.3: an x25519 key pair on each side and a key agreement on each side; the
 *       server's signature (rsa_pss_rsae_sha256 or ecdsa_secp256r1_sha256) and the client's
 *       verification of it; the client's verification of the leaf's signature by the intermediate
 *       and of the intermediate's by the root.</li>
 *   <li>RSA key exchange: the premaster secret encrypted to the leaf and decrypted by the server;
 *       the two chain verifications.</li>
 *   <li>Resumption (psk_dhe_ke): the two key pairs and two agreements; no signature.</li>
 *   <li>Transfer: one AEAD seal and one open of a 16 KiB record (2^14 bytes plus the TLS 1.3 content
 *       type byte), with a fresh nonce each time as TLS needs.</li>
 * </ul>
 *
 * Keys are converted to the provider's own key objects once, beforehand. Not counted: hashing,
 * HKDF/PRF, certificate parsing and everything else an engine does; the floor is what no engine
 * built on these providers can go below.
 */
final class Floor implements Workload {

    private static final byte[] SIGNED_CONTENT = new byte[130]; // a TLS 1.3 CertificateVerify input's size

    private final Scenario scenario;
    private KeyPairGenerator x25519;
    private KeyAgreement agreement;
    private Signature signer;
    private Signature verifier;
    private PrivateKey leafKey;
    private PublicKey leafPublicKey;
    private byte[] leafTbs;
    private byte[] leafSignature;
    private PublicKey intermediateKey;
    private byte[] intermediateTbs;
    private byte[] intermediateSignature;
    private PublicKey rootKey;
    private Signature leafVerifier;
    private Signature intermediateVerifier;
    private Cipher rsaEncrypt;
    private Cipher rsaDecrypt;
    private final byte[] premaster = new byte[48];
    private Cipher seal;
    private Cipher open;
    private SecretKeySpec recordKey;
    private final byte[] nonce = new byte[12];
    private long sequence;
    private final byte[] aad = {23, 3, 3, 0x40, 0x11};
    private final byte[] record = new byte[Scenario.RECORD_BYTES + 1];
    private final byte[] sealed = new byte[Scenario.RECORD_BYTES + 1 + 16];
    private final byte[] opened = new byte[Scenario.RECORD_BYTES + 1 + 16];

    Floor(Scenario scenario, Credential credential, X509Certificate root, Provider preferred) {
        this.scenario = scenario;
        CryptoProvider crypto = preferred == null ? CryptoProvider.jca() : CryptoProvider.jca(preferred);
        try {
            if (scenario.kind() == Scenario.Kind.TRANSFER) {
                boolean gcm = scenario.suite().contains("AES");
                seal = crypto.cipher(gcm ? "AES/GCM/NoPadding" : "ChaCha20-Poly1305");
                open = crypto.cipher(gcm ? "AES/GCM/NoPadding" : "ChaCha20-Poly1305");
                recordKey = new SecretKeySpec(new byte[gcm ? 16 : 32], gcm ? "AES" : "ChaCha20");
                return;
            }
            if (scenario.keyAgreement()) {
                x25519 = crypto.keyPairGenerator("X25519");
                x25519.initialize(NamedParameterSpec.X25519);
                agreement = crypto.keyAgreement("X25519");
            }
            if (scenario.kind() == Scenario.Kind.RESUMED) {
                return;
            }
            X509Certificate leaf = credential.certificate();
            X509Certificate intermediate = credential.chain().get(1);
            leafTbs = leaf.getTBSCertificate();
            leafSignature = leaf.getSignature();
            intermediateKey = translate(crypto, intermediate.getPublicKey());
            intermediateTbs = intermediate.getTBSCertificate();
            intermediateSignature = intermediate.getSignature();
            rootKey = translate(crypto, root.getPublicKey());
            leafKey = translate(crypto, credential.privateKey());
            leafPublicKey = translate(crypto, leaf.getPublicKey());
            leafVerifier = crypto.signature(leaf.getSigAlgName());
            intermediateVerifier = crypto.signature(intermediate.getSigAlgName());
            if (scenario.serverSigns()) {
                boolean rsa = leafKey.getAlgorithm().equals("RSA");
                signer = crypto.signature(rsa ? "RSASSA-PSS" : "SHA256withECDSA");
                verifier = crypto.signature(rsa ? "RSASSA-PSS" : "SHA256withECDSA");
                if (rsa) {
                    PSSParameterSpec pss = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
                    signer.setParameter(pss);
                    verifier.setParameter(pss);
                }
            } else {
                rsaEncrypt = crypto.cipher("RSA/ECB/PKCS1Padding");
                rsaDecrypt = crypto.cipher("RSA/ECB/PKCS1Padding");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the floor of " + scenario.id() + " cannot be set up: " + e, e);
        }
    }

    /**
     * The key as the provider's own object, made once: a native provider given a JDK key object
     * converts it on every init (ACCP: PKCS#8 to an EVP_PKEY), work no engine needs to repeat.
     */
    @SuppressWarnings("unchecked")
    private static <K extends Key> K translate(CryptoProvider crypto, K key) throws GeneralSecurityException {
        return (K) crypto.keyFactory(key.getAlgorithm()).translateKey(key);
    }

    @Override
    public int run() throws GeneralSecurityException {
        if (scenario.kind() == Scenario.Kind.TRANSFER) {
            return transfer();
        }
        int result = 0;
        if (scenario.keyAgreement()) {
            KeyPair client = x25519.generateKeyPair();
            KeyPair server = x25519.generateKeyPair();
            agreement.init(server.getPrivate());
            agreement.doPhase(client.getPublic(), true);
            result += agreement.generateSecret()[0];
            agreement.init(client.getPrivate());
            agreement.doPhase(server.getPublic(), true);
            result += agreement.generateSecret()[0];
        }
        if (scenario.kind() == Scenario.Kind.RESUMED) {
            return result;
        }
        if (scenario.serverSigns()) {
            signer.initSign(leafKey);
            signer.update(SIGNED_CONTENT);
            byte[] signature = signer.sign();
            verifier.initVerify(leafPublicKey);
            verifier.update(SIGNED_CONTENT);
            result += check(verifier.verify(signature), "the handshake signature");
        } else {
            rsaEncrypt.init(Cipher.ENCRYPT_MODE, leafPublicKey);
            byte[] encrypted = rsaEncrypt.doFinal(premaster);
            rsaDecrypt.init(Cipher.DECRYPT_MODE, leafKey);
            result += rsaDecrypt.doFinal(encrypted).length;
        }
        result += verify(leafVerifier, intermediateKey, leafTbs, leafSignature, "the leaf's signature");
        result += verify(intermediateVerifier, rootKey, intermediateTbs, intermediateSignature,
            "the intermediate's signature");
        return result;
    }

    private static int verify(Signature verifier, PublicKey issuerKey, byte[] tbs, byte[] signature, String what)
        throws GeneralSecurityException {
        verifier.initVerify(issuerKey);
        verifier.update(tbs);
        return check(verifier.verify(signature), what);
    }

    private static int check(boolean valid, String what) {
        if (!valid) {
            throw new IllegalStateException(what + " does not verify");
        }
        return 1;
    }

    private int transfer() throws GeneralSecurityException {
        sequence++;
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] = (byte) (sequence >>> (8 * i));
        }
        boolean gcm = recordKey.getAlgorithm().equals("AES");
        seal.init(Cipher.ENCRYPT_MODE, recordKey, gcm ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce));
        seal.updateAAD(aad);
        int length = seal.doFinal(record, 0, record.length, sealed, 0);
        open.init(Cipher.DECRYPT_MODE, recordKey, gcm ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce));
        open.updateAAD(aad);
        return open.doFinal(sealed, 0, length, opened, 0);
    }

    @Override
    public Negotiated negotiated() {
        return null;
    }
}
