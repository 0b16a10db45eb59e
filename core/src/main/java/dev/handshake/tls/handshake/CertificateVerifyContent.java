package dev.handshake.tls.handshake;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a TLS 1.3 CertificateVerify signs (RFC 8446 §4.4.3): 64 spaces, a context string naming
 * the signer's role, a zero byte, and the transcript hash — so a signature made for one purpose
 * can never pass for another.
 */
public final class CertificateVerifyContent {

    private CertificateVerifyContent() {
    }

    public static byte[] of(boolean server, byte[] transcriptHash) {
        byte[] context = (server ? "TLS 1.3, server CertificateVerify" : "TLS 1.3, client CertificateVerify")
            .getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[64 + context.length + 1 + transcriptHash.length];
        Arrays.fill(content, 0, 64, (byte) 0x20);
        System.arraycopy(context, 0, content, 64, context.length);
        System.arraycopy(transcriptHash, 0, content, 64 + context.length + 1, transcriptHash.length);
        return content;
    }
}
