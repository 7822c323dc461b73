package org.vnetlab.live.control;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import org.vnetlab.live.control.ControlMessage.Accepted;
import org.vnetlab.live.control.ControlMessage.Interval;
import org.vnetlab.live.control.ControlMessage.Start;
import org.vnetlab.live.control.ControlMessage.Started;

/**
 * A control connection as an attacker holds one: raw bytes or frames out, frames in, from a chosen
 * local address, every read with a deadline (5 s unless set).
 */
final class RawControl implements AutoCloseable {

    final Socket socket = new Socket();
    final DataOutputStream out;
    final DataInputStream in;

    RawControl(InetAddress server, int port) throws IOException {
        this(server, port, null);
    }

    /** From {@code local} (any loopback address on Linux), or the system's choice when null. */
    RawControl(InetAddress server, int port, InetAddress local) throws IOException {
        try {
            if (local != null) {
                socket.bind(new InetSocketAddress(local, 0));
            }
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(server, port), 2000);
            socket.setSoTimeout(5000);
            out = new DataOutputStream(socket.getOutputStream());
            in = new DataInputStream(socket.getInputStream());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    void send(ControlMessage m) throws IOException {
        out.write(frame(m));
        out.flush();
    }

    /** A message as it goes on the wire: its length, then its body. */
    static byte[] frame(ControlMessage m) {
        byte[] body = ControlCodec.encode(m);
        return ByteBuffer.allocate(ControlCodec.LENGTH_BYTES + body.length).putInt(body.length).put(body).array();
    }

    ControlMessage receive() throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return ControlCodec.decode(b);
    }

    /** Asks for a test and starts it: its Accepted, once Started came back. */
    Accepted start(ControlMessage request) throws IOException {
        send(request);
        ControlMessage m = receive();
        if (!(m instanceof Accepted a)) {
            throw new AssertionError("expected Accepted, got " + m);
        }
        send(new Start());
        ControlMessage started = receive();
        if (!(started instanceof Started)) {
            throw new AssertionError("expected Started, got " + started);
        }
        return a;
    }

    /** Skips interval frames. */
    ControlMessage receiveSkippingIntervals() throws IOException {
        ControlMessage m;
        do {
            m = receive();
        } while (m instanceof Interval);
        return m;
    }

    /** True when the server closed the connection within the read timeout. */
    boolean closedByServer() throws IOException {
        try {
            while (in.read() >= 0) {
                // drain whatever the server still sent
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
