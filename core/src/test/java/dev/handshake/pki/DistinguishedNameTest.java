package dev.handshake.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

/** RFC 5280 §7.1 name matching, which chain building uses to find a certificate's issuer. */
class DistinguishedNameTest {

    /** A Name of one RDN per attribute; each attribute is {type, value}. */
    private static DistinguishedName name(Object[]... rdns) throws IOException {
        ASN1EncodableVector sequence = new ASN1EncodableVector();
        for (Object[] rdn : rdns) {
            ASN1EncodableVector set = new ASN1EncodableVector();
            for (int i = 0; i < rdn.length; i += 2) {
                set.add(new DERSequence(new ASN1Encodable[] {(ASN1ObjectIdentifier) rdn[i], (ASN1Encodable) rdn[i + 1]}));
            }
            sequence.add(new DERSet(set));
        }
        byte[] der = new DERSequence(sequence).getEncoded(ASN1Encoding.DER);
        return DistinguishedName.decode(new DerReader(der).next());
    }

    private static Object[] cn(ASN1Encodable value) {
        return new Object[] {BCStyle.CN, value};
    }

    @Test
    void matchesAcrossCaseSpacesAndStringTypes() throws IOException {
        DistinguishedName printable = name(new Object[] {BCStyle.O, new DERPrintableString("Example")},
            cn(new DERPrintableString("Issuing CA")));
        DistinguishedName utf8 = name(new Object[] {BCStyle.O, new DERUTF8String("EXAMPLE")},
            cn(new DERUTF8String("  issuing   ca ")));
        assertThat(utf8).isEqualTo(printable).hasSameHashCodeAs(printable);
    }

    @Test
    void comparesUnicodeInItsCompatibleForm() throws IOException {
        // RFC 4518 §2.3: NFKC, so the fullwidth letters match their ASCII forms.
        DistinguishedName fullwidth = name(cn(new DERUTF8String("\uFF25\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45 CA")));
        DistinguishedName ascii = name(cn(new DERUTF8String("Example CA")));
        assertThat(fullwidth).isEqualTo(ascii);
    }

    @Test
    void treatsAnRdnAsASetButKeepsTheOrderOfRdns() throws IOException {
        DistinguishedName ab = name(new Object[] {BCStyle.CN, new DERUTF8String("a"), BCStyle.O, new DERUTF8String("b")});
        DistinguishedName ba = name(new Object[] {BCStyle.O, new DERUTF8String("b"), BCStyle.CN, new DERUTF8String("a")});
        assertThat(ab).isEqualTo(ba);
        DistinguishedName cnThenO = name(cn(new DERUTF8String("a")), new Object[] {BCStyle.O, new DERUTF8String("b")});
        DistinguishedName oThenCn = name(new Object[] {BCStyle.O, new DERUTF8String("b")}, cn(new DERUTF8String("a")));
        assertThat(cnThenO).isNotEqualTo(oThenCn).isNotEqualTo(ab);
    }

    @Test
    void tellsDifferentNamesApart() throws IOException {
        assertThat(name(cn(new DERUTF8String("Issuing CA 1")))).isNotEqualTo(name(cn(new DERUTF8String("Issuing CA"))));
        assertThat(name(cn(new DERUTF8String("a")))).isNotEqualTo(name(new Object[] {BCStyle.O, new DERUTF8String("a")}));
        // A value that merely looks like the next attribute is not confused with it.
        assertThat(name(cn(new DERUTF8String("a1:b"))))
            .isNotEqualTo(name(new Object[] {BCStyle.CN, new DERUTF8String("a"), BCStyle.CN, new DERUTF8String("b")}));
    }
}
