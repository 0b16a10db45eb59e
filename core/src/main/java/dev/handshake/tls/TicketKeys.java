package dev.handshake.tls;

import dev.handshake.tls.crypto.CryptoProvider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys a server encrypts its TLS 1.3 session tickets with (RFC 8446 §4.6.1 leaves the
 * ticket's format to the server). A ticket is {@code key_id (16) || nonce (12) || AES-256-GCM(state)}.
 *
 * <p>Keys rotate: a new key encrypts new tickets every {@link #ROTATION}, and older keys keep
 * opening tickets until those could have expired. {@link #file} keeps the keys in a file that
 * several servers share, so a ticket from one opens on another; whichever server notices that the
 * newest key is due for rotation adds the next one to the file.
 */
public final class TicketKeys {

    /** How long one key encrypts new tickets. */
    public static final Duration ROTATION = Duration.ofHours(12);
    /** How long a ticket may be used: the lifetime sent in NewSessionTicket. */
    public static final Duration TICKET_LIFETIME = Duration.ofHours(24);

    private static final int ID_LENGTH = 16;
    private static final int KEY_LENGTH = 32;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final HexFormat HEX = HexFormat.of();

    /** One key: its identifier, its secret, and when it began to encrypt. */
    private record Key(byte[] id, byte[] secret, Instant created) {
    }

    private final SecureRandom random;
    private final Path file;
    private final List<Key> keys = new ArrayList<>();
    private FileTime loadedVersion;

    private TicketKeys(SecureRandom random, Path file) {
        this.random = random;
        this.file = file;
    }

    /** Keys made in memory, for one server. */
    public static TicketKeys inMemory(SecureRandom random) {
        return new TicketKeys(random, null);
    }

    /**
     * Keys kept in {@code file}, shared by every server that names it. The file is created (readable
     * by its owner only) when missing, re-read when it changes, and given a new key when rotation is due.
     */
    public static TicketKeys file(Path file, SecureRandom random) {
        return new TicketKeys(random, file);
    }

    /** Encrypts a ticket's contents under the current key. */
    public synchronized byte[] seal(byte[] state, Instant now, CryptoProvider crypto) throws TlsException {
        Key key = currentKey(now);
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher cipher = crypto.cipher("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.secret(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(key.id());
            byte[] sealed = cipher.doFinal(state);
            byte[] ticket = new byte[ID_LENGTH + NONCE_LENGTH + sealed.length];
            System.arraycopy(key.id(), 0, ticket, 0, ID_LENGTH);
            System.arraycopy(nonce, 0, ticket, ID_LENGTH, NONCE_LENGTH);
            System.arraycopy(sealed, 0, ticket, ID_LENGTH + NONCE_LENGTH, sealed.length);
            return ticket;
        } catch (GeneralSecurityException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR, "cannot encrypt a session ticket: " + e.getMessage(), e);
        }
    }

    /** The contents of a ticket this server (or one sharing its keys) made, or {@code null}. */
    public synchronized byte[] open(byte[] ticket, Instant now, CryptoProvider crypto) {
        if (ticket.length < ID_LENGTH + NONCE_LENGTH + TAG_BITS / 8) {
            return null;
        }
        refresh(now);
        byte[] id = Arrays.copyOf(ticket, ID_LENGTH);
        for (Key key : keys) {
            if (MessageDigest.isEqual(key.id(), id) && stillOpens(key, now)) {
                try {
                    Cipher cipher = crypto.cipher("AES/GCM/NoPadding");
                    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.secret(), "AES"),
                        new GCMParameterSpec(TAG_BITS, ticket, ID_LENGTH, NONCE_LENGTH));
                    cipher.updateAAD(id);
                    return cipher.doFinal(ticket, ID_LENGTH + NONCE_LENGTH, ticket.length - ID_LENGTH - NONCE_LENGTH);
                } catch (GeneralSecurityException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean stillOpens(Key key, Instant now) {
        return now.isBefore(key.created().plus(ROTATION).plus(TICKET_LIFETIME));
    }

    private Key currentKey(Instant now) throws TlsException {
        refresh(now);
        Key newest = keys.isEmpty() ? null : keys.get(keys.size() - 1);
        if (newest == null || !now.isBefore(newest.created().plus(ROTATION))) {
            byte[] id = new byte[ID_LENGTH];
            byte[] secret = new byte[KEY_LENGTH];
            random.nextBytes(id);
            random.nextBytes(secret);
            newest = new Key(id, secret, now);
            keys.add(newest);
            for (Iterator<Key> old = keys.iterator(); old.hasNext(); ) {
                if (!stillOpens(old.next(), now)) {
                    old.remove();
                }
            }
            save();
        }
        return newest;
    }

    /** Re-reads the key file when it changed since it was last read. */
    private void refresh(Instant now) {
        if (file == null) {
            return;
        }
        try {
            if (!Files.exists(file)) {
                return;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(loadedVersion)) {
                return;
            }
            List<Key> read = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] fields = trimmed.split("\\s+");
                if (fields.length != 3) {
                    continue;
                }
                read.add(new Key(HEX.parseHex(fields[1]), HEX.parseHex(fields[2]), Instant.parse(fields[0])));
            }
            read.sort((a, b) -> a.created().compareTo(b.created()));
            keys.clear();
            keys.addAll(read);
            loadedVersion = modified;
        } catch (IOException | RuntimeException e) {
            // An unreadable or half-written file leaves the keys as they were; the next use tries again.
        }
    }

    /** Writes the keys to the file, if there is one, replacing it in one step. */
    private void save() throws TlsException {
        if (file == null) {
            return;
        }
        StringBuilder text = new StringBuilder("# Handshake session ticket keys: created key-id secret. Keep secret.\n");
        for (Key key : keys) {
            text.append(key.created()).append(' ').append(HEX.formatHex(key.id())).append(' ')
                .append(HEX.formatHex(key.secret())).append('\n');
        }
        try {
            Path directory = file.toAbsolutePath().getParent();
            Path temporary = Files.createTempFile(directory, ".ticket-keys", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system; the directory's permissions protect the file.
            }
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            loadedVersion = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new TlsException(AlertDescription.INTERNAL_ERROR,
                "cannot write the session ticket key file " + file + ": " + e.getMessage(), e);
        }
    }
}
