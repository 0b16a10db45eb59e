package dev.handshake.tls;

import dev.handshake.tls.crypto.CryptoProvider;
import dev.handshake.tls.trace.TlsObserver;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything a {@link TlsConnection} needs to know before it starts: versions, suites, groups,
 * signature schemes, the server's credentials, how the client checks certificates, ALPN, and
 * the injected clock and randomness. Immutable; build one with {@link #builder()} and share it
 * between connections.
 *
 * <p>The defaults are strict: only forward-secret AEAD suites, extended master secret required,
 * and a client checks servers against the system's trust store ({@link CertificateVerifier#system()}).
 */
public final class TlsConfig {

    /** The library's default suites: the TLS 1.3 ones, then TLS 1.2 with forward secrecy and AEAD only. */
    public static final List<CipherSuite> DEFAULT_CIPHER_SUITES = List.of(
        CipherSuite.TLS_AES_128_GCM_SHA256,
        CipherSuite.TLS_AES_256_GCM_SHA384,
        CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256);

    /** The default maximum size of one handshake message. */
    public static final int DEFAULT_MAX_HANDSHAKE_MESSAGE_SIZE = 64 * 1024;

    private final List<ProtocolVersion> versions;
    private final List<CipherSuite> cipherSuites;
    private final List<NamedGroup> namedGroups;
    private final List<SignatureScheme> signatureSchemes;
    private final List<Credential> credentials;
    private final CertificateVerifier certificateVerifier;
    private final List<String> applicationProtocols;
    private final boolean falseStart;
    private final boolean requireExtendedMasterSecret;
    private final int maxHandshakeMessageSize;
    private final int minDheBits;
    private final SecureRandom random;
    private final Clock clock;
    private final CryptoProvider crypto;
    private final Supplier<TlsObserver> observers;
    private final SessionCache sessionCache;
    private final TicketKeys ticketKeys;
    private final ClientAuth clientAuth;
    private final CertificateVerifier clientCertificateVerifier;

    /** Whether a server asks clients for a certificate. */
    public enum ClientAuth {
        /** No CertificateRequest is sent. */
        NONE,
        /** A certificate is asked for; a client without one may continue. */
        OPTIONAL,
        /** A client without a valid certificate is refused (certificate_required in TLS 1.3). */
        REQUIRED
    }

    private TlsConfig(Builder b) {
        versions = List.copyOf(b.versions);
        cipherSuites = List.copyOf(b.cipherSuites);
        namedGroups = List.copyOf(b.namedGroups);
        signatureSchemes = List.copyOf(b.signatureSchemes);
        credentials = List.copyOf(b.credentials);
        certificateVerifier = b.certificateVerifier;
        applicationProtocols = List.copyOf(b.applicationProtocols);
        falseStart = b.falseStart;
        requireExtendedMasterSecret = b.requireExtendedMasterSecret;
        maxHandshakeMessageSize = b.maxHandshakeMessageSize;
        minDheBits = b.minDheBits;
        random = b.random;
        clock = b.clock;
        crypto = b.crypto;
        observers = b.observers;
        sessionCache = b.sessionCache;
        ticketKeys = b.ticketKeys;
        clientAuth = b.clientAuth;
        clientCertificateVerifier = b.clientCertificateVerifier;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.versions = new ArrayList<>(versions);
        b.cipherSuites = new ArrayList<>(cipherSuites);
        b.namedGroups = new ArrayList<>(namedGroups);
        b.signatureSchemes = new ArrayList<>(signatureSchemes);
        b.credentials = new ArrayList<>(credentials);
        b.certificateVerifier = certificateVerifier;
        b.applicationProtocols = new ArrayList<>(applicationProtocols);
        b.falseStart = falseStart;
        b.requireExtendedMasterSecret = requireExtendedMasterSecret;
        b.maxHandshakeMessageSize = maxHandshakeMessageSize;
        b.minDheBits = minDheBits;
        b.random = random;
        b.clock = clock;
        b.crypto = crypto;
        b.observers = observers;
        b.sessionCache = sessionCache;
        b.ticketKeys = ticketKeys;
        b.ticketKeysChosen = true;
        b.clientAuth = clientAuth;
        b.clientCertificateVerifier = clientCertificateVerifier;
        return b;
    }

    /** The protocol versions to negotiate. */
    public List<ProtocolVersion> versions() {
        return versions;
    }

    /** Whether TLS 1.3 is enabled and has a cipher suite to use. */
    public boolean tls13() {
        return versions.contains(ProtocolVersion.TLS13) && hasSuite(true);
    }

    /** Whether TLS 1.2 is enabled and has a cipher suite to use. */
    public boolean tls12() {
        return versions.contains(ProtocolVersion.TLS12) && hasSuite(false);
    }

    private boolean hasSuite(boolean tls13) {
        for (CipherSuite suite : cipherSuites) {
            if (suite.isTls13() == tls13) {
                return true;
            }
        }
        return false;
    }

    /** The cipher suites, most preferred first. */
    public List<CipherSuite> cipherSuites() {
        return cipherSuites;
    }

    /** The key-exchange groups, most preferred first. */
    public List<NamedGroup> namedGroups() {
        return namedGroups;
    }

    /** The signature schemes accepted from the peer and used to sign, most preferred first. */
    public List<SignatureScheme> signatureSchemes() {
        return signatureSchemes;
    }

    /** The certificates and keys this side can authenticate with. */
    public List<Credential> credentials() {
        return credentials;
    }

    /** How the peer's certificates are checked. */
    public CertificateVerifier certificateVerifier() {
        return certificateVerifier;
    }

    /** ALPN protocol names, most preferred first; empty to send no ALPN. */
    public List<String> applicationProtocols() {
        return applicationProtocols;
    }

    /** Whether the client may send application data before the server's Finished (RFC 7918). */
    public boolean falseStart() {
        return falseStart;
    }

    /** Whether a TLS 1.2 peer without extended master secret (RFC 7627) is refused. */
    public boolean requireExtendedMasterSecret() {
        return requireExtendedMasterSecret;
    }

    /** The largest handshake message accepted, in bytes. */
    public int maxHandshakeMessageSize() {
        return maxHandshakeMessageSize;
    }

    /** The smallest finite-field Diffie-Hellman prime accepted, in bits. */
    public int minDheBits() {
        return minDheBits;
    }

    public SecureRandom random() {
        return random;
    }

    public Clock clock() {
        return clock;
    }

    public CryptoProvider crypto() {
        return crypto;
    }

    /** Where a client keeps TLS 1.3 session tickets to resume sessions; {@code null} disables resumption. */
    public SessionCache sessionCache() {
        return sessionCache;
    }

    /** The keys a server protects its session tickets with; {@code null} sends no tickets. */
    public TicketKeys ticketKeys() {
        return ticketKeys;
    }

    /** Whether a server asks for client certificates. */
    public ClientAuth clientAuth() {
        return clientAuth;
    }

    /** How a server checks client certificates. */
    public CertificateVerifier clientCertificateVerifier() {
        return clientCertificateVerifier;
    }

    /** The observer for a new connection, or {@code null} when none is installed. */
    public TlsObserver newObserver() {
        return observers == null ? null : observers.get();
    }

    public static final class Builder {
        private List<ProtocolVersion> versions = new ArrayList<>(List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12));
        private List<CipherSuite> cipherSuites = new ArrayList<>(DEFAULT_CIPHER_SUITES);
        private List<NamedGroup> namedGroups = new ArrayList<>(NamedGroup.supported());
        private List<SignatureScheme> signatureSchemes = new ArrayList<>(SignatureScheme.supported());
        private List<Credential> credentials = new ArrayList<>();
        private CertificateVerifier certificateVerifier = CertificateVerifier.system();
        private List<String> applicationProtocols = new ArrayList<>();
        private boolean falseStart;
        private boolean requireExtendedMasterSecret = true;
        private int maxHandshakeMessageSize = DEFAULT_MAX_HANDSHAKE_MESSAGE_SIZE;
        private int minDheBits = 2048;
        private SecureRandom random;
        private Clock clock = Clock.systemUTC();
        private CryptoProvider crypto = CryptoProvider.jca();
        private Supplier<TlsObserver> observers;
        private SessionCache sessionCache = SessionCache.inMemory(256);
        private TicketKeys ticketKeys;
        private boolean ticketKeysChosen;
        private ClientAuth clientAuth = ClientAuth.NONE;
        private CertificateVerifier clientCertificateVerifier;

        private Builder() {
        }

        public Builder versions(List<ProtocolVersion> versions) {
            for (ProtocolVersion version : versions) {
                if (!version.equals(ProtocolVersion.TLS12) && !version.equals(ProtocolVersion.TLS13)) {
                    throw new IllegalArgumentException(version + " is not supported; Handshake speaks TLS 1.2 and 1.3");
                }
            }
            this.versions = nonEmpty(versions, "versions");
            return this;
        }

        /**
         * The suites to offer or accept, most preferred first. The RSA key exchange suites are used
         * only when listed here: they have no forward secrecy.
         */
        public Builder cipherSuites(List<CipherSuite> suites) {
            for (CipherSuite suite : suites) {
                if (!suite.isSupported()) {
                    throw new IllegalArgumentException(suite + " is not a suite Handshake implements");
                }
            }
            this.cipherSuites = nonEmpty(suites, "cipher suites");
            return this;
        }

        public Builder namedGroups(List<NamedGroup> groups) {
            for (NamedGroup group : groups) {
                if (!group.isSupported()) {
                    throw new IllegalArgumentException("group " + group + " is not supported; choose from "
                        + NamedGroup.supported());
                }
            }
            this.namedGroups = nonEmpty(groups, "groups");
            return this;
        }

        public Builder signatureSchemes(List<SignatureScheme> schemes) {
            for (SignatureScheme scheme : schemes) {
                if (!SignatureScheme.supported().contains(scheme)) {
                    throw new IllegalArgumentException("signature scheme " + scheme + " is not supported; choose from "
                        + SignatureScheme.supported());
                }
            }
            this.signatureSchemes = nonEmpty(schemes, "signature schemes");
            return this;
        }

        /** Adds a certificate chain and its key; a server picks one that fits the negotiated suite. */
        public Builder credential(Credential credential) {
            credentials.add(Objects.requireNonNull(credential, "credential"));
            return this;
        }

        public Builder certificateVerifier(CertificateVerifier verifier) {
            this.certificateVerifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        public Builder applicationProtocols(List<String> protocols) {
            this.applicationProtocols = new ArrayList<>(protocols);
            return this;
        }

        public Builder falseStart(boolean enabled) {
            this.falseStart = enabled;
            return this;
        }

        /**
         * Whether to refuse TLS 1.2 peers without the extended master secret (RFC 7627), which
         * protects against the triple-handshake attack. On by default.
         */
        public Builder requireExtendedMasterSecret(boolean required) {
            this.requireExtendedMasterSecret = required;
            return this;
        }

        public Builder maxHandshakeMessageSize(int bytes) {
            if (bytes < 1024 || bytes > (1 << 24) - 1) {
                throw new IllegalArgumentException("max handshake message size must be between 1 KiB and 16 MiB");
            }
            this.maxHandshakeMessageSize = bytes;
            return this;
        }

        public Builder minDheBits(int bits) {
            if (bits < 2048) {
                throw new IllegalArgumentException("finite-field DH below 2048 bits is not allowed");
            }
            this.minDheBits = bits;
            return this;
        }

        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder crypto(CryptoProvider crypto) {
            this.crypto = Objects.requireNonNull(crypto, "crypto");
            return this;
        }

        /** Where a client keeps session tickets; {@code null} turns resumption off. */
        public Builder sessionCache(SessionCache cache) {
            this.sessionCache = cache;
            return this;
        }

        /**
         * The keys a server encrypts session tickets with, e.g. {@link TicketKeys#file} to share them
         * between servers; {@code null} sends no tickets. By default each configuration makes its own
         * keys in memory and rotates them.
         */
        public Builder ticketKeys(TicketKeys keys) {
            this.ticketKeys = keys;
            this.ticketKeysChosen = true;
            return this;
        }

        /** Asks clients for a certificate and checks it with {@code verifier} (purpose clientAuth). */
        public Builder clientAuth(ClientAuth mode, CertificateVerifier verifier) {
            this.clientAuth = Objects.requireNonNull(mode, "mode");
            this.clientCertificateVerifier = mode == ClientAuth.NONE ? null : Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        /**
         * Reports every step of every connection made with this configuration to {@code observer}
         * (secrets included). For an observer per connection, use {@link #observers}.
         */
        public Builder observer(TlsObserver observer) {
            Objects.requireNonNull(observer, "observer");
            this.observers = () -> observer;
            return this;
        }

        /** Asks {@code factory} for an observer for each new connection. */
        public Builder observers(Supplier<TlsObserver> factory) {
            this.observers = Objects.requireNonNull(factory, "factory");
            return this;
        }

        public TlsConfig build() {
            if (random == null) {
                random = new SecureRandom();
            }
            if (!ticketKeysChosen) {
                ticketKeys = TicketKeys.inMemory(random);
            }
            return new TlsConfig(this);
        }

        private static <T> List<T> nonEmpty(List<T> list, String what) {
            if (list.isEmpty()) {
                throw new IllegalArgumentException("configure at least one of the " + what);
            }
            return new ArrayList<>(list);
        }
    }
}
