package dev.handshake.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A {@code HOST:PORT} argument; an IPv6 literal goes in brackets, {@code [::1]:8443}. */
record HostPort(String host, int port) {

    static final class Converter implements ITypeConverter<HostPort> {
        @Override
        public HostPort convert(String value) {
            int colon = value.lastIndexOf(':');
            String host = colon > 0 ? value.substring(0, colon) : "";
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            String port = value.substring(colon + 1);
            if (host.isEmpty() || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                throw new TypeConversionException("'" + value + "' is not HOST:PORT (e.g. localhost:8443)");
            }
            return new HostPort(host, Integer.parseInt(port));
        }
    }
}
