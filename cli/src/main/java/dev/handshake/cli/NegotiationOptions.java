package dev.handshake.cli;

import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.ProtocolVersion;
import dev.handshake.tls.TlsConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** {@code --tls1.2}, {@code --tls1.3}, {@code --suite} and {@code --group}: what a command offers (client) or accepts (server). */
final class NegotiationOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--tls1.2", description = "Only TLS 1.2 (default: TLS 1.3 and 1.2, TLS 1.3 preferred).")
    private boolean tls12Only;

    @Option(names = "--tls1.3", description = "Only TLS 1.3.")
    private boolean tls13Only;

    @Option(names = "--suite", paramLabel = "NAME", converter = SuiteConverter.class,
        description = "A cipher suite, by IANA name (TLS 1.3 ones too, e.g. TLS_AES_128_GCM_SHA256); repeat for more, "
            + "most preferred first.")
    private List<CipherSuite> suites = new ArrayList<>();

    @Option(names = "--group", paramLabel = "NAME", converter = GroupConverter.class,
        description = "A key-exchange group (x25519, secp256r1, secp384r1, ffdhe2048, ffdhe3072); "
            + "repeat for more, most preferred first. A TLS 1.3 client sends a key share for the first only.")
    private List<NamedGroup> groups = new ArrayList<>();

    /**
     * Every suite Handshake implements: the TLS 1.3 ones, then the TLS 1.2 ones with forward secrecy
     * before those without, each in the library's order.
     */
    static List<CipherSuite> everySuite() {
        List<CipherSuite> library = TlsConfig.DEFAULT_CIPHER_SUITES;
        return CipherSuite.supported().stream()
            .sorted(Comparator.comparing((CipherSuite s) -> !s.isTls13())
                .thenComparing(s -> !s.keyExchange().forwardSecret())
                .thenComparing(s -> library.contains(s) ? library.indexOf(s) : library.size()))
            .toList();
    }

    /**
     * Applies the options to {@code builder}: the versions asked for; the suites given, else
     * {@code defaultSuites}, either kept to those of the versions; the groups given, else the library's.
     */
    TlsConfig.Builder applyTo(TlsConfig.Builder builder, List<CipherSuite> defaultSuites) {
        if (tls12Only && tls13Only) {
            throw new ParameterException(spec.commandLine(),
                "--tls1.2 and --tls1.3 exclude each other (without either, both are offered, TLS 1.3 preferred)");
        }
        List<ProtocolVersion> versions = tls12Only ? List.of(ProtocolVersion.TLS12)
            : tls13Only ? List.of(ProtocolVersion.TLS13) : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12);
        List<CipherSuite> usable = (suites.isEmpty() ? defaultSuites : suites).stream()
            .filter(s -> versions.contains(s.isTls13() ? ProtocolVersion.TLS13 : ProtocolVersion.TLS12))
            .toList();
        if (usable.isEmpty()) {
            String version = tls13Only ? "TLS 1.3" : "TLS 1.2";
            throw new ParameterException(spec.commandLine(), (tls13Only ? "--tls1.3" : "--tls1.2") + " needs a "
                + version + " suite, and the --suite options name none; " + version + " suites: " + names(
                    everySuite().stream().filter(s -> s.isTls13() == tls13Only).toList()));
        }
        builder.versions(versions).cipherSuites(usable);
        if (!groups.isEmpty()) {
            builder.namedGroups(groups);
        }
        return builder;
    }

    private static String names(List<CipherSuite> suites) {
        return suites.stream().map(CipherSuite::name).collect(Collectors.joining(", "));
    }

    static final class SuiteConverter implements ITypeConverter<CipherSuite> {
        @Override
        public CipherSuite convert(String name) {
            CipherSuite suite = CipherSuite.forName(name);
            if (suite == null) {
                throw new TypeConversionException("unknown cipher suite '" + name + "'; Handshake implements "
                    + names(everySuite()));
            }
            return suite;
        }
    }

    static final class GroupConverter implements ITypeConverter<NamedGroup> {
        @Override
        public NamedGroup convert(String name) {
            NamedGroup group = NamedGroup.forName(name);
            if (group == null) {
                throw new TypeConversionException("unknown group '" + name + "'; Handshake implements "
                    + NamedGroup.supported().stream().map(NamedGroup::name).collect(Collectors.joining(", ")));
            }
            return group;
        }
    }
}
