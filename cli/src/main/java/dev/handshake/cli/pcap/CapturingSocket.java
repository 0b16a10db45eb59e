package dev.handshake.cli.pcap;

import dev.handshake.cli.trace.Side;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

/**
 * A socket that records what crosses it into a {@link PcapFile}: the TLS engine reads and writes
 * through it unaware, so the capture holds exactly the bytes on the wire.
 */
public final class CapturingSocket extends Socket {

    private final PcapFile file;
    private final Side side;
    private TcpFlow flow;
    private InputStream in;
    private OutputStream out;

    /** An unconnected client socket; {@link #connect} starts the flow. */
    public CapturingSocket(PcapFile file) {
        this(file, Side.CLIENT);
    }

    CapturingSocket(PcapFile file, Side side) {
        this.file = file;
        this.side = side;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        super.connect(endpoint, timeout);
        startFlow();
    }

    /** Writes the TCP handshake of a connection that just connected or was accepted. */
    void startFlow() {
        InetSocketAddress local = (InetSocketAddress) getLocalSocketAddress();
        InetSocketAddress remote = (InetSocketAddress) getRemoteSocketAddress();
        flow = side == Side.CLIENT ? file.flow(local, remote) : file.flow(remote, local);
        flow.open();
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
            in = new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        flow.data(side.other(), b, off, n);
                    } else if (n < 0) {
                        flow.fin(side.other());
                    }
                    return n;
                }
            };
        }
        return in;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (out == null) {
            out = new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    this.out.write(b, off, len);
                    flow.data(side, b, off, len);
                }
            };
        }
        return out;
    }

    @Override
    public synchronized void close() throws IOException {
        if (flow != null) {
            flow.close(side);
        }
        super.close();
    }
}
