package dev.handshake.pki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM files (RFC 7468): certificates, and private keys in PKCS#8 ("PRIVATE KEY"),
 * PKCS#1 ("RSA PRIVATE KEY") and SEC1 ("EC PRIVATE KEY") form. Failures are IOExceptions whose
 * message names the file and the problem.
 */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
        "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    private static final String OID_RSA = "1.2.840.113549.1.1.1";
    private static final String OID_RSASSA_PSS = "1.2.840.113549.1.1.10";
    private static final String OID_EC = "1.2.840.10045.2.1";
    private static final String OID_ED25519 = "1.3.101.112";
    private static final String OID_ED448 = "1.3.101.113";

    /** One block of a PEM file: its label and its decoded bytes. */
    public record Block(String label, byte[] der) {
    }

    private Pem() {
    }

    public static List<Block> blocks(String text) throws IOException {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            try {
                byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
                blocks.add(new Block(matcher.group(1), der));
            } catch (IllegalArgumentException e) {
                throw new IOException("invalid base64 in the PEM block '" + matcher.group(1) + "'", e);
            }
        }
        return blocks;
    }

    /** Every CERTIFICATE block in the file, in order. Fails if there is none. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        try {
            return parseCertificates(read(file));
        } catch (IOException e) {
            throw inFile(file, e);
        }
    }

    /** Every CERTIFICATE block in the text, in order. Fails if there is none. */
    public static List<X509Certificate> parseCertificates(String text) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IOException("the JDK offers no X.509 certificate factory", e);
        }
        int index = 0;
        for (Block block : blocks(text)) {
            if (!block.label().equals("CERTIFICATE")) {
                continue;
            }
            try {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
            } catch (CertificateException e) {
                throw new IOException("certificate #" + (index + 1) + " is not a valid X.509 certificate: "
                    + e.getMessage(), e);
            }
            index++;
        }
        if (certificates.isEmpty()) {
            throw new IOException("no '-----BEGIN CERTIFICATE-----' block found");
        }
        return certificates;
    }

    /** The first private key in the file. */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        try {
            return parsePrivateKey(read(file));
        } catch (IOException e) {
            throw inFile(file, e);
        }
    }

    /** The first private key in the text: PKCS#8, PKCS#1 RSA or SEC1 EC. */
    public static PrivateKey parsePrivateKey(String text) throws IOException {
        for (Block block : blocks(text)) {
            switch (block.label()) {
                case "PRIVATE KEY":
                    return pkcs8(block.der());
                case "RSA PRIVATE KEY":
                    return pkcs8(wrapInPkcs8(OID_RSA, null, block.der()));
                case "EC PRIVATE KEY":
                    return pkcs8(wrapInPkcs8(OID_EC, sec1Curve(block.der()), block.der()));
                case "ENCRYPTED PRIVATE KEY":
                    throw new IOException("the private key is encrypted; decrypt it first, e.g. "
                        + "'openssl pkey -in KEY.pem -out plain.pem'");
                default:
                    break;
            }
        }
        throw new IOException("no private key block found (expected PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    /** Encodes DER as a PEM block with this label. */
    public static String encode(String label, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
    }

    private static PrivateKey pkcs8(byte[] der) throws IOException {
        String algorithm;
        try {
            DerReader info = new DerReader(der).next(DerReader.SEQUENCE).children();
            info.next(DerReader.INTEGER);
            String oid = info.next(DerReader.SEQUENCE).children().next(DerReader.OBJECT_IDENTIFIER).oid();
            algorithm = switch (oid) {
                case OID_RSA -> "RSA";
                case OID_RSASSA_PSS -> "RSASSA-PSS";
                case OID_EC -> "EC";
                case OID_ED25519 -> "Ed25519";
                case OID_ED448 -> "Ed448";
                default -> throw new IOException("unsupported private key algorithm " + oid);
            };
        } catch (IOException e) {
            throw new IOException("not a valid PKCS#8 private key: " + e.getMessage(), e);
        }
        try {
            KeyFactory factory = KeyFactory.getInstance(algorithm);
            return factory.generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load the " + algorithm + " private key: " + e.getMessage(), e);
        }
    }

    /** SEC1 §C.4: ECPrivateKey ::= SEQUENCE { version, privateKey, [0] parameters, [1] publicKey }. */
    private static byte[] sec1Curve(byte[] der) throws IOException {
        DerReader key = new DerReader(der).next(DerReader.SEQUENCE).children();
        key.next(DerReader.INTEGER);
        key.next(DerReader.OCTET_STRING);
        while (key.hasMore()) {
            DerReader.Element element = key.next();
            if (element.tag() == 0xA0) {
                DerReader.Element curve = element.children().next(DerReader.OBJECT_IDENTIFIER);
                return curve.encoded();
            }
        }
        throw new IOException("the EC private key does not name its curve");
    }

    /** PKCS#8 PrivateKeyInfo (RFC 5208 §5) around a PKCS#1 or SEC1 key. */
    private static byte[] wrapInPkcs8(String algorithmOid, byte[] parametersDer, byte[] privateKey) {
        byte[] algorithm = tlv(DerReader.SEQUENCE, concat(encodeOid(algorithmOid),
            parametersDer != null ? parametersDer : new byte[] {DerReader.NULL, 0}));
        return tlv(DerReader.SEQUENCE, concat(new byte[] {DerReader.INTEGER, 1, 0}, algorithm,
            tlv(DerReader.OCTET_STRING, privateKey)));
    }

    private static byte[] encodeOid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long value = Long.parseLong(arcs[i]);
            int groups = 1;
            while ((value >>> (7 * groups)) != 0) {
                groups++;
            }
            for (int g = groups - 1; g >= 0; g--) {
                int b = (int) ((value >>> (7 * g)) & 0x7F);
                out.write(g == 0 ? b : b | 0x80);
            }
        }
        return tlv(DerReader.OBJECT_IDENTIFIER, out.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = contents.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int count = length > 0xFFFFFF ? 4 : length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
            out.write(0x80 | count);
            for (int i = count - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(contents);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IOException("cannot read: " + e, e);
        }
    }

    private static IOException inFile(Path file, IOException e) {
        return new IOException(file + ": " + e.getMessage(), e);
    }
}
