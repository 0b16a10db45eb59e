package dev.handshake.cli.pcap;

import dev.handshake.cli.trace.Side;

import java.io.IOException;
import java.net.Socket;
import java.net.ServerSocket;

/** A server socket whose accepted connections are {@link CapturingSocket}s recording into one file. */
public final class CapturingServerSocket extends ServerSocket {

    private final PcapFile file;

    public CapturingServerSocket(PcapFile file) throws IOException {
        this.file = file;
    }

    @Override
    public Socket accept() throws IOException {
        CapturingSocket socket = new CapturingSocket(file, Side.SERVER);
        implAccept(socket);
        socket.startFlow();
        return socket;
    }
}
