package dev.handshake.pki;

import java.util.EnumSet;
import java.util.Set;

/** The bits of the keyUsage extension, in their RFC 5280 §4.2.1.3 order. */
public enum KeyUsage {
    DIGITAL_SIGNATURE("digitalSignature"),
    NON_REPUDIATION("nonRepudiation"),
    KEY_ENCIPHERMENT("keyEncipherment"),
    DATA_ENCIPHERMENT("dataEncipherment"),
    KEY_AGREEMENT("keyAgreement"),
    KEY_CERT_SIGN("keyCertSign"),
    CRL_SIGN("cRLSign"),
    ENCIPHER_ONLY("encipherOnly"),
    DECIPHER_ONLY("decipherOnly");

    private final String rfcName;

    KeyUsage(String rfcName) {
        this.rfcName = rfcName;
    }

    /** The RFC 5280 name, e.g. {@code keyCertSign}. */
    public String rfcName() {
        return rfcName;
    }

    /** The usages whose bits are set in a mask read by {@link DerReader.Element#bitMask()}. */
    static Set<KeyUsage> fromMask(int mask) {
        Set<KeyUsage> usages = EnumSet.noneOf(KeyUsage.class);
        for (KeyUsage usage : values()) {
            if ((mask & (1 << usage.ordinal())) != 0) {
                usages.add(usage);
            }
        }
        return usages;
    }
}
