package dev.handshake.cli.pcap;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * A classic pcap file (the libpcap format Wireshark and tshark read) of raw IPv4 packets,
 * shared by every connection a command captures. Each packet is written and flushed as it
 * happens, so the file is readable while the command runs.
 */
public final class PcapFile implements Closeable {

    private static final int MAGIC = 0xa1b2c3d4;
    /** LINKTYPE_RAW: each packet starts with its IPv4 header. */
    private static final int LINKTYPE_RAW = 101;
    private static final int SNAPLEN = 262_144;

    private final Path path;
    private final OutputStream out;
    private final Clock clock;

    private PcapFile(Path path, OutputStream out, Clock clock) {
        this.path = path;
        this.out = out;
        this.clock = clock;
    }

    /** Creates (or truncates) {@code path} and writes the file header. */
    public static PcapFile create(Path path, Clock clock) throws IOException {
        PcapFile file = new PcapFile(path, new BufferedOutputStream(Files.newOutputStream(path)), clock);
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(MAGIC).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(SNAPLEN).putInt(LINKTYPE_RAW);
        file.out.write(header.array());
        file.out.flush();
        return file;
    }

    public Path path() {
        return path;
    }

    /** A new TCP connection in the capture between these two ends. */
    public TcpFlow flow(InetSocketAddress client, InetSocketAddress server) {
        return new TcpFlow(this, client, server);
    }

    /** Writes one packet, time-stamped now. */
    synchronized void write(byte[] packet) throws IOException {
        Instant now = clock.instant();
        ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt((int) now.getEpochSecond()).putInt(now.getNano() / 1000).putInt(packet.length).putInt(packet.length);
        out.write(record.array());
        out.write(packet);
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
