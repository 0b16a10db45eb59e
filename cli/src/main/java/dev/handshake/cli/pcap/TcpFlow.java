package dev.handshake.cli.pcap;

import dev.handshake.cli.trace.Side;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * One TCP connection as synthetic IPv4 packets: the three-way handshake, the bytes each side sent
 * as segments with correct sequence and acknowledgement numbers and checksums, and FIN at the end.
 * Addresses that are not IPv4 appear as 127.0.0.1.
 */
public final class TcpFlow {

    /** The largest payload of one segment, so that an IPv4 packet stays within 65,535 bytes. */
    static final int MAX_SEGMENT = 65_535 - 20 - 20;

    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private final PcapFile file;
    private final byte[] clientIp;
    private final byte[] serverIp;
    private final int clientPort;
    private final int serverPort;
    private final boolean[] finished = new boolean[2];
    /** The next sequence number of each side, indexed by {@link Side#ordinal()}. */
    private final long[] next = {0x1000_0000L, 0x5000_0000L};
    private int packetId;
    private boolean failed;

    TcpFlow(PcapFile file, InetSocketAddress client, InetSocketAddress server) {
        this.file = file;
        boolean ipv4 = client.getAddress() instanceof Inet4Address && server.getAddress() instanceof Inet4Address;
        this.clientIp = ipv4 ? client.getAddress().getAddress() : LOOPBACK;
        this.serverIp = ipv4 ? server.getAddress().getAddress() : LOOPBACK;
        this.clientPort = client.getPort();
        this.serverPort = server.getPort();
    }

    /** SYN, SYN-ACK, ACK. */
    public synchronized void open() {
        segment(Side.CLIENT, SYN, new byte[0], 0, 0);
        next[Side.CLIENT.ordinal()]++;
        segment(Side.SERVER, SYN | ACK, new byte[0], 0, 0);
        next[Side.SERVER.ordinal()]++;
        segment(Side.CLIENT, ACK, new byte[0], 0, 0);
    }

    /** Bytes {@code from} sent, cut into segments. */
    public synchronized void data(Side from, byte[] bytes, int offset, int length) {
        if (finished[from.ordinal()]) {
            return;
        }
        for (int at = offset; at < offset + length; at += MAX_SEGMENT) {
            int n = Math.min(MAX_SEGMENT, offset + length - at);
            segment(from, PSH | ACK, bytes, at, n);
            next[from.ordinal()] += n;
        }
    }

    /** {@code from} closed its side: FIN, and the other side's ACK. */
    public synchronized void fin(Side from) {
        if (finished[from.ordinal()]) {
            return;
        }
        finished[from.ordinal()] = true;
        segment(from, FIN | ACK, new byte[0], 0, 0);
        next[from.ordinal()]++;
        segment(from.other(), ACK, new byte[0], 0, 0);
    }

    /** The connection is over: whichever side has not sent FIN yet sends it now, {@code first} first. */
    public synchronized void close(Side first) {
        fin(first);
        fin(first.other());
    }

    private void segment(Side from, int flags, byte[] payload, int offset, int length) {
        if (failed) {
            return;
        }
        boolean client = from == Side.CLIENT;
        int tcpLength = 20 + length;
        ByteBuffer packet = ByteBuffer.allocate(20 + tcpLength);
        // RFC 791 §3.1: version 4, header length 5 words, DF, TTL 64, protocol 6 (TCP).
        packet.put((byte) 0x45).put((byte) 0).putShort((short) (20 + tcpLength)).putShort((short) packetId++)
            .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0)
            .put(client ? clientIp : serverIp).put(client ? serverIp : clientIp);
        packet.putShort(10, checksum(packet.array(), 0, 20, 0));
        // RFC 9293 §3.1: ports, sequence, acknowledgement (when ACK is set), data offset 5 words, flags, window.
        long ack = (flags & ACK) != 0 ? next[from.other().ordinal()] : 0;
        packet.putShort((short) (client ? clientPort : serverPort)).putShort((short) (client ? serverPort : clientPort))
            .putInt((int) next[from.ordinal()]).putInt((int) ack)
            .put((byte) 0x50).put((byte) flags).putShort((short) 0xFFFF).putShort((short) 0).putShort((short) 0)
            .put(payload, offset, length);
        byte[] bytes = packet.array();
        packet.putShort(20 + 16, checksum(bytes, 20, tcpLength, pseudoHeaderSum(bytes, tcpLength)));
        try {
            file.write(bytes);
        } catch (IOException e) {
            // A capture that cannot be written must not break the connection it records; the file stays as it is.
            failed = true;
        }
    }

    /** RFC 9293 §3.1: source and destination address, zero, protocol, TCP length. */
    private static int pseudoHeaderSum(byte[] packet, int tcpLength) {
        int sum = 0;
        for (int i = 12; i < 20; i += 2) {
            sum += ((packet[i] & 0xFF) << 8) | (packet[i + 1] & 0xFF);
        }
        return sum + 6 + tcpLength;
    }

    /** RFC 1071: the ones' complement of the ones' complement sum of 16-bit words. */
    static short checksum(byte[] data, int offset, int length, int initial) {
        long sum = initial;
        for (int i = 0; i + 1 < length; i += 2) {
            sum += ((data[offset + i] & 0xFF) << 8) | (data[offset + i + 1] & 0xFF);
        }
        if (length % 2 == 1) {
            sum += (data[offset + length - 1] & 0xFF) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (short) ~sum;
    }
}
