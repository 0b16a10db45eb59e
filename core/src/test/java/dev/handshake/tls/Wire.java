package dev.handshake.tls;

import dev.handshake.tls.message.Handshake;
import dev.handshake.tls.message.HandshakeMessage;
import dev.handshake.tls.message.HandshakeType;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads and forges records for tests that play a misbehaving peer. */
final class Wire {

    static final int CHANGE_CIPHER_SPEC = 20;
    static final int ALERT = 21;
    static final int HANDSHAKE = 22;
    static final int APPLICATION_DATA = 23;

    record Record(int type, int version, byte[] body) {
    }

    private Wire() {
    }

    static List<Record> records(byte[] bytes) {
        List<Record> records = new ArrayList<>();
        int at = 0;
        while (at + 5 <= bytes.length) {
            int length = ((bytes[at + 3] & 0xFF) << 8) | (bytes[at + 4] & 0xFF);
            records.add(new Record(bytes[at] & 0xFF, ((bytes[at + 1] & 0xFF) << 8) | (bytes[at + 2] & 0xFF),
                Arrays.copyOfRange(bytes, at + 5, at + 5 + length)));
            at += 5 + length;
        }
        return records;
    }

    /** The plaintext handshake messages in these records. */
    static List<Handshake> handshakes(byte[] bytes) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (Record record : records(bytes)) {
            if (record.type() == HANDSHAKE) {
                stream.writeBytes(record.body());
            }
        }
        byte[] all = stream.toByteArray();
        List<Handshake> messages = new ArrayList<>();
        int at = 0;
        while (at + 4 <= all.length) {
            int length = ((all[at + 1] & 0xFF) << 16) | ((all[at + 2] & 0xFF) << 8) | (all[at + 3] & 0xFF);
            byte[] raw = Arrays.copyOfRange(all, at, at + 4 + length);
            messages.add(new Handshake(new HandshakeType(raw[0] & 0xFF), Arrays.copyOfRange(raw, 4, raw.length), raw));
            at += 4 + length;
        }
        return messages;
    }

    static byte[] record(int type, byte[] body) {
        byte[] out = new byte[5 + body.length];
        out[0] = (byte) type;
        out[1] = 3;
        out[2] = 3;
        out[3] = (byte) (body.length >>> 8);
        out[4] = (byte) body.length;
        System.arraycopy(body, 0, out, 5, body.length);
        return out;
    }

    /** One handshake record holding these messages. */
    static byte[] handshakeRecord(HandshakeMessage... messages) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (HandshakeMessage message : messages) {
            body.writeBytes(message.toHandshake().raw());
        }
        return record(HANDSHAKE, body.toByteArray());
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** The first occurrence of {@code pattern} in {@code bytes}, or -1. */
    static int indexOf(byte[] bytes, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
