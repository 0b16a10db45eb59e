package dev.handshake.pki;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

/** How certificates, roles, dates and bytes read in the sentences of results and steps. */
final class Wording {

    private Wording() {
    }

    /** A certificate by its subject, e.g. {@code 'CN=Example CA'}. */
    static String name(X509Certificate certificate) {
        return "'" + certificate.getSubjectX500Principal().getName() + "'";
    }

    /** "leaf", "intermediate" or "trust anchor", by position in a path of this size. */
    static String role(int index, int pathSize, boolean endsAtAnchor) {
        if (index == 0) {
            return "leaf";
        }
        return endsAtAnchor && index == pathSize - 1 ? "trust anchor" : "intermediate";
    }

    /** A day when the instant is midnight UTC, else the full instant: {@code 2025-03-01}. */
    static String date(Instant instant) {
        if (instant.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }
        return instant.toString();
    }

    static String hex(byte[] bytes) {
        return bytes == null ? "-" : HexFormat.of().formatHex(bytes);
    }

    /** A path as "'CN=leaf' ← 'CN=CA' ← 'CN=Root'". */
    static String path(List<X509Certificate> path) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate certificate : path) {
            if (out.length() > 0) {
                out.append(" \u2190 ");
            }
            out.append(name(certificate));
        }
        return out.toString();
    }
}
