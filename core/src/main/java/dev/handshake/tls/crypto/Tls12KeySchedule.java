package dev.handshake.tls.crypto;

import dev.handshake.tls.TlsException;

import java.util.Arrays;

/**
 * The TLS 1.2 key derivation: premaster secret → master secret → key block, and the Finished
 * verify_data (RFC 5246 §6.3, §7.4.9, §8.1; RFC 7627 §4).
 */
public final class Tls12KeySchedule {

    public static final int MASTER_SECRET_LENGTH = 48;
    public static final int VERIFY_DATA_LENGTH = 12;

    /** The keys of one direction: the AEAD key and the IV part taken from the key block. */
    public record DirectionKeys(byte[] key, byte[] iv) {
    }

    private final Prf prf;

    public Tls12KeySchedule(HashAlgorithm hash, CryptoProvider crypto) throws TlsException {
        this.prf = new Prf(hash, crypto);
    }

    /** RFC 5246 §8.1: PRF(pre_master_secret, "master secret", ClientHello.random + ServerHello.random). */
    public byte[] masterSecret(byte[] preMasterSecret, byte[] clientRandom, byte[] serverRandom) throws TlsException {
        return prf.compute(preMasterSecret, "master secret", concat(clientRandom, serverRandom), MASTER_SECRET_LENGTH);
    }

    /** RFC 7627 §4: PRF(pre_master_secret, "extended master secret", session_hash). */
    public byte[] extendedMasterSecret(byte[] preMasterSecret, byte[] sessionHash) throws TlsException {
        return prf.compute(preMasterSecret, "extended master secret", sessionHash, MASTER_SECRET_LENGTH);
    }

    /**
     * RFC 5246 §6.3: key_block = PRF(master_secret, "key expansion", server_random + client_random),
     * cut into client_write_key, server_write_key, client_write_IV, server_write_IV (AEAD suites
     * have no MAC keys).
     *
     * @return the client's keys, then the server's
     */
    public DirectionKeys[] keyBlock(byte[] masterSecret, byte[] clientRandom, byte[] serverRandom,
                                    AeadAlgorithm aead) throws TlsException {
        int keyLength = aead.keyLength();
        int ivLength = aead.tls12FixedIvLength();
        byte[] block = prf.compute(masterSecret, "key expansion", concat(serverRandom, clientRandom),
            2 * keyLength + 2 * ivLength);
        int at = 0;
        byte[] clientKey = Arrays.copyOfRange(block, at, at += keyLength);
        byte[] serverKey = Arrays.copyOfRange(block, at, at += keyLength);
        byte[] clientIv = Arrays.copyOfRange(block, at, at += ivLength);
        byte[] serverIv = Arrays.copyOfRange(block, at, at + ivLength);
        Arrays.fill(block, (byte) 0);
        return new DirectionKeys[] {new DirectionKeys(clientKey, clientIv), new DirectionKeys(serverKey, serverIv)};
    }

    /** RFC 5246 §7.4.9: PRF(master_secret, finished_label, Hash(handshake_messages))[0..11]. */
    public byte[] verifyData(byte[] masterSecret, boolean client, byte[] transcriptHash) throws TlsException {
        return prf.compute(masterSecret, client ? "client finished" : "server finished", transcriptHash,
            VERIFY_DATA_LENGTH);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
