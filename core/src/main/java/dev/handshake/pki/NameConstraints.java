package dev.handshake.pki;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The nameConstraints extension of a CA certificate (RFC 5280 §4.2.1.10): the subtrees in which
 * every subject name below the CA must lie, and those in which none may.
 */
record NameConstraints(List<GeneralName> permitted, List<GeneralName> excluded) {

    /**
     * NameConstraints ::= SEQUENCE { permittedSubtrees [0] GeneralSubtrees OPTIONAL,
     * excludedSubtrees [1] GeneralSubtrees OPTIONAL }.
     */
    static NameConstraints decode(byte[] value) throws IOException {
        DerReader outer = new DerReader(value);
        DerReader fields = outer.next(DerReader.SEQUENCE).children();
        outer.expectEnd("nameConstraints");
        List<GeneralName> permitted = List.of();
        List<GeneralName> excluded = List.of();
        if (fields.peekTag() == DerReader.contextTag(0, true)) {
            permitted = subtrees(fields.next());
        }
        if (fields.peekTag() == DerReader.contextTag(1, true)) {
            excluded = subtrees(fields.next());
        }
        fields.expectEnd("nameConstraints");
        if (permitted.isEmpty() && excluded.isEmpty()) {
            throw new IOException("nameConstraints names no subtree (RFC 5280 §4.2.1.10)");
        }
        return new NameConstraints(permitted, excluded);
    }

    /**
     * GeneralSubtrees ::= SEQUENCE SIZE (1..MAX) OF GeneralSubtree; GeneralSubtree ::= SEQUENCE {
     * base GeneralName, minimum [0] DEFAULT 0, maximum [1] OPTIONAL }. RFC 5280 §4.2.1.10 uses
     * neither minimum nor maximum, so both must be absent.
     */
    private static List<GeneralName> subtrees(DerReader.Element element) throws IOException {
        List<GeneralName> bases = new ArrayList<>();
        DerReader reader = element.children();
        while (reader.hasMore()) {
            DerReader subtree = reader.next(DerReader.SEQUENCE).children();
            bases.add(GeneralName.decode(subtree.next(), true));
            if (subtree.hasMore()) {
                throw new IOException("a GeneralSubtree carries minimum or maximum, which RFC 5280 §4.2.1.10 forbids");
            }
        }
        if (bases.isEmpty()) {
            throw new IOException("nameConstraints has an empty list of subtrees");
        }
        return bases;
    }
}
