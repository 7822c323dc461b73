package org.vnetlab.live.client;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.vnetlab.live.control.ControlCodec;
import org.vnetlab.live.control.ControlMessage;
import org.vnetlab.live.control.ControlMessage.Accepted;
import org.vnetlab.live.control.ControlMessage.Finish;
import org.vnetlab.live.control.ControlMessage.Report;
import org.vnetlab.live.control.ControlMessage.Request;
import org.vnetlab.live.control.ControlMessage.Start;
import org.vnetlab.live.control.ControlMessage.Started;

/**
 * A hostile server on loopback for one client's rx test (the client sends): it keeps to the
 * protocol until the end, then answers the client's Finish with the report it was given. Its data
 * socket takes the client's datagrams and never reads them.
 */
public final class FakeServer implements AutoCloseable {

    private final ServerSocket control = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    private final DatagramSocket data = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    private final Thread thread;

    public FakeServer(Report report) throws IOException {
        thread = new Thread(() -> serve(report), "fake-server");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return control.getLocalPort();
    }

    private void serve(Report report) {
        try (Socket s = control.accept()) {
            s.setSoTimeout(30_000);
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            expect(in, Request.class);
            send(out, new Accepted(1, 0xfedcba9876543210L, data.getLocalPort()));
            expect(in, Start.class);
            send(out, new Started());
            expect(in, Finish.class);
            send(out, report);
            while (in.read() >= 0) {
                // until the client closes
            }
        } catch (IOException e) {
            // the client went: the test says what it saw
        }
    }

    private static void expect(DataInputStream in, Class<? extends ControlMessage> type) throws IOException {
        byte[] body = new byte[in.readInt()];
        in.readFully(body);
        ControlMessage m = ControlCodec.decode(body);
        if (!type.isInstance(m)) {
            throw new IOException("expected " + type.getSimpleName() + ", got " + m);
        }
    }

    private static void send(DataOutputStream out, ControlMessage m) throws IOException {
        byte[] body = ControlCodec.encode(m);
        out.writeInt(body.length);
        out.write(body);
        out.flush();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        control.close();
        data.close();
        thread.join(5_000);
    }
}
