package dev.handshake.pki;

import java.util.ArrayList;
import java.util.List;

/**
 * IP address literals and the iPAddress forms of RFC 5280 §4.2.1.6 (4 or 16 octets) and
 * §4.2.1.10 (address and mask, 8 or 32 octets). Parsing is strict and never asks the DNS.
 */
final class IpAddress {

    private IpAddress() {
    }

    /** The octets of an IPv4 dotted quad or an IPv6 literal (RFC 4291 §2.2, brackets allowed), or null. */
    static byte[] parse(String text) {
        String s = text;
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.indexOf(':') >= 0 ? parseV6(s) : parseV4(s);
    }

    /** RFC 1123 §2.1 dotted decimal: four numbers 0-255, no leading zeros. */
    static byte[] parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return null;
            }
            int value = 0;
            for (char c : part.toCharArray()) {
                if (c < '0' || c > '9') {
                    return null;
                }
                value = value * 10 + (c - '0');
            }
            if (value > 255) {
                return null;
            }
            out[i] = (byte) value;
        }
        return out;
    }

    private static byte[] parseV6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<Integer> head = gap >= 0 ? groups(s.substring(0, gap), false) : groups(s, true);
        List<Integer> tail = gap >= 0 ? groups(s.substring(gap + 2), true) : new ArrayList<>();
        if (head == null || tail == null) {
            return null;
        }
        int total = head.size() + tail.size();
        if (gap < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            put(out, i, head.get(i));
        }
        for (int i = 0; i < tail.size(); i++) {
            put(out, 8 - tail.size() + i, tail.get(i));
        }
        return out;
    }

    /** 16-bit groups separated by colons; an IPv4 dotted quad may end them (RFC 4291 §2.2 form 3). */
    private static List<Integer> groups(String s, boolean mayEndWithV4) {
        List<Integer> groups = new ArrayList<>();
        if (s.isEmpty()) {
            return groups;
        }
        String[] parts = s.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (mayEndWithV4 && i == parts.length - 1 && part.indexOf('.') >= 0) {
                byte[] v4 = parseV4(part);
                if (v4 == null) {
                    return null;
                }
                groups.add(((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF));
                groups.add(((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF));
                continue;
            }
            if (part.isEmpty() || part.length() > 4) {
                return null;
            }
            int value = 0;
            for (char c : part.toCharArray()) {
                int digit = Character.digit(c, 16);
                if (digit < 0) {
                    return null;
                }
                value = value * 16 + digit;
            }
            groups.add(value);
        }
        return groups;
    }

    private static void put(byte[] out, int group, int value) {
        out[2 * group] = (byte) (value >>> 8);
        out[2 * group + 1] = (byte) value;
    }

    /** Dotted quad or RFC 5952 text (lowercase hex, the longest run of zero groups as "::"). */
    static String format(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xFF) + "." + (address[1] & 0xFF) + "." + (address[2] & 0xFF) + "." + (address[3] & 0xFF);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xFF) << 8) | (address[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    /** An address and mask from a name constraint, as "10.0.0.0/8". */
    static String formatSubnet(byte[] constraint) {
        int half = constraint.length / 2;
        byte[] address = new byte[half];
        System.arraycopy(constraint, 0, address, 0, half);
        int prefix = 0;
        for (int i = half; i < constraint.length; i++) {
            prefix += Integer.bitCount(constraint[i] & 0xFF);
        }
        return format(address) + "/" + prefix;
    }

    /** RFC 5280 §4.2.1.10: the mask's one bits are contiguous, from the left. */
    static boolean contiguousMask(byte[] constraint) {
        boolean zeroSeen = false;
        for (int i = constraint.length / 2; i < constraint.length; i++) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean one = (constraint[i] & (1 << bit)) != 0;
                if (one && zeroSeen) {
                    return false;
                }
                zeroSeen |= !one;
            }
        }
        return true;
    }

    /** Whether the address lies in the constraint's subnet; addresses of the other family never do. */
    static boolean within(byte[] address, byte[] constraint) {
        if (constraint.length != 2 * address.length) {
            return false;
        }
        int half = address.length;
        for (int i = 0; i < half; i++) {
            int mask = constraint[half + i];
            if ((address[i] & mask) != (constraint[i] & mask)) {
                return false;
            }
        }
        return true;
    }
}
