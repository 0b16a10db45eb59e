package dev.handshake.cli.pcap;

import dev.handshake.cli.trace.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The synthetic TCP packets, read back from the file: checksums, sequence numbers, segment sizes. */
class TcpFlowTest {

    private record Packet(byte[] bytes) {
        int flags() {
            return bytes[33] & 0xFF;
        }

        int sourcePort() {
            return ByteBuffer.wrap(bytes, 20, 2).getShort() & 0xFFFF;
        }

        long seq() {
            return ByteBuffer.wrap(bytes, 24, 4).getInt() & 0xFFFFFFFFL;
        }

        long ack() {
            return ByteBuffer.wrap(bytes, 28, 4).getInt() & 0xFFFFFFFFL;
        }

        int payload() {
            return bytes.length - 40;
        }
    }

    @Test
    void segmentsCarryTheBytesWithRunningSequenceNumbersAndValidChecksums(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("flow.pcap");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (PcapFile pcap = PcapFile.create(file, Clock.systemUTC())) {
            TcpFlow flow = pcap.flow(new InetSocketAddress(loopback, 50000), new InetSocketAddress(loopback, 8443));
            flow.open();
            flow.data(Side.CLIENT, new byte[300], 0, 300);
            flow.data(Side.SERVER, new byte[150_000], 0, 150_000);
            flow.close(Side.CLIENT);
        }

        List<Packet> packets = read(file);
        assertThat(packets).extracting(Packet::flags)
            .containsExactly(0x02, 0x12, 0x10, 0x18, 0x18, 0x18, 0x18, 0x11, 0x10, 0x11, 0x10);
        assertThat(packets).allSatisfy(p -> {
            assertThat(TcpFlow.checksum(p.bytes(), 0, 20, 0)).as("IPv4 header checksum").isZero();
            assertThat(p.bytes().length).isLessThanOrEqualTo(65_535);
        });
        assertThat(packets).extracting(Packet::payload).containsExactly(0, 0, 0, 300, 65_495, 65_495, 19_010, 0, 0, 0, 0);
        Packet request = packets.get(3);
        Packet firstResponse = packets.get(4);
        assertThat(request.seq()).isEqualTo(packets.get(0).seq() + 1);
        assertThat(firstResponse.ack()).isEqualTo(request.seq() + 300);
        assertThat(packets.get(5).seq()).isEqualTo(firstResponse.seq() + 65_495);
        assertThat(packets.get(7).sourcePort()).as("the client closes first").isEqualTo(50000);
        assertThat(packets.get(10).ack()).isEqualTo(packets.get(9).seq() + 1);
    }

    private static List<Packet> read(Path file) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(in.getInt()).isEqualTo(0xa1b2c3d4);
        in.position(20);
        assertThat(in.getInt()).as("LINKTYPE_RAW").isEqualTo(101);
        List<Packet> packets = new ArrayList<>();
        while (in.hasRemaining()) {
            in.position(in.position() + 8);
            int length = in.getInt();
            assertThat(in.getInt()).isEqualTo(length);
            byte[] packet = new byte[length];
            in.get(packet);
            packets.add(new Packet(packet));
        }
        return packets;
    }
}
