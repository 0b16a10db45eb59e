package dev.handshake.cli;

import dev.handshake.tls.CipherSuite;
import dev.handshake.tls.NamedGroup;
import dev.handshake.tls.TlsConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code --suite} and {@code --group}: what a command offers (client) or accepts (server). */
final class NegotiationOptions {

    @Option(names = "--suite", paramLabel = "NAME", converter = SuiteConverter.class,
        description = "A cipher suite, by IANA name; repeat for more, most preferred first.")
    private List<CipherSuite> suites = new ArrayList<>();

    @Option(names = "--group", paramLabel = "NAME", converter = GroupConverter.class,
        description = "A key-exchange group (x25519, secp256r1, secp384r1, ffdhe2048, ffdhe3072); "
            + "repeat for more, most preferred first.")
    private List<NamedGroup> groups = new ArrayList<>();

    /** The TLS 1.2 suites Handshake implements. */
    static List<CipherSuite> tls12Suites() {
        return CipherSuite.supported().stream().filter(s -> !s.isTls13()).toList();
    }

    /** Applies the options to {@code builder}: the suites given, else {@code defaultSuites}; the groups given, else the library's. */
    TlsConfig.Builder applyTo(TlsConfig.Builder builder, List<CipherSuite> defaultSuites) {
        builder.cipherSuites(suites.isEmpty() ? defaultSuites : suites);
        if (!groups.isEmpty()) {
            builder.namedGroups(groups);
        }
        return builder;
    }

    static final class SuiteConverter implements ITypeConverter<CipherSuite> {
        @Override
        public CipherSuite convert(String name) {
            CipherSuite suite = CipherSuite.forName(name);
            if (suite == null || suite.isTls13()) {
                throw new TypeConversionException("unknown cipher suite '" + name + "'; Handshake implements "
                    + tls12Suites().stream().map(CipherSuite::name).collect(Collectors.joining(", ")));
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
