package org.vnetlab.live.client;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.vnetlab.live.control.ControlCodec;
import org.vnetlab.live.control.ControlMessage;
import org.vnetlab.live.control.ControlMessage.Failed;
import org.vnetlab.live.control.ControlMessage.Refused;
import org.vnetlab.live.control.ProtocolException;
import org.vnetlab.live.data.ClientText;
import org.vnetlab.live.data.InetAddressText;

/**
 * The client's end of a control connection: blocking, the same frames as the server's Pekko
 * Streams codec ({@link ControlCodec}), so a client starts in a fraction of a second. Writes may
 * come from any thread; reads from one.
 */
public final class ControlClient implements AutoCloseable {

    /** Largest frame a client accepts (a report with CPU samples of a long test fits easily). */
    private static final int MAX_FRAME = 1 << 20;

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final String server;
    /** How long a whole frame may take to come, from when it is awaited. */
    private final long frameNanos;

    private ControlClient(Socket socket, String server, Duration readTimeout) throws IOException {
        this.socket = socket;
        this.server = server;
        this.frameNanos = readTimeout.toNanos();
        this.in = new DataInputStream(socket.getInputStream());
        this.out = new DataOutputStream(socket.getOutputStream());
    }

    /** Connects to a server's control port; fails with a one-line reason. */
    public static ControlClient connect(InetAddress host, int port, Duration readTimeout) {
        String where = InetAddressText.of(host, port);
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), 5000);
            s.setSoTimeout((int) readTimeout.toMillis());
            return new ControlClient(s, where, readTimeout);
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to release
            }
            throw new MeasureException("cannot reach " + where + ": " + e.getMessage());
        }
    }

    public synchronized void send(ControlMessage m) {
        byte[] body = ControlCodec.encode(m);
        try {
            out.writeInt(body.length);
            out.write(body);
            out.flush();
        } catch (IOException e) {
            throw new MeasureException("control connection to " + server + " lost: " + e.getMessage());
        }
    }

    /** Reads {@code buffer} whole by {@code deadline} (System.nanoTime), or fails as a server gone silent. */
    private void readFully(byte[] buffer, long deadline) throws IOException {
        int done = 0;
        while (done < buffer.length) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new SocketTimeoutException();
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            int n = in.read(buffer, done, buffer.length - done);
            if (n < 0) {
                throw new EOFException();
            }
            done += n;
        }
    }

    /** The next frame; Refused and Failed become a {@link MeasureException} with the server's reason. */
    public ControlMessage receive() {
        try {
            // the whole frame within the timeout: a server dribbling a byte a little faster than the
            // socket's timeout once held the client for ever
            long deadline = System.nanoTime() + frameNanos;
            byte[] head = new byte[4];
            readFully(head, deadline);
            int length = ByteBuffer.wrap(head).getInt();
            if (length < 0 || length > MAX_FRAME) {
                throw new MeasureException(server + " sent a control frame of " + length + " bytes");
            }
            byte[] body = new byte[length];
            readFully(body, deadline);
            ControlMessage m = ControlCodec.decode(body);
            // the server's words reach the user's terminal: escaped and cut like a client's in the server's log
            if (m instanceof Refused r) {
                throw new TestRefused(server + " refused the test: " + ClientText.of(r.reason()));
            }
            if (m instanceof Failed f) {
                throw new MeasureException(server + " failed the test: " + ClientText.of(f.reason()));
            }
            return m;
        } catch (SocketTimeoutException e) {
            throw new MeasureException(server + " went silent");
        } catch (EOFException e) {
            throw new MeasureException(server + " closed the control connection");
        } catch (IOException e) {
            throw new MeasureException("control connection to " + server + " lost: " + e.getMessage());
        } catch (ProtocolException e) {
            throw new MeasureException(server + " sent a bad frame: " + ClientText.of(e.getMessage()));
        }
    }

    /** The next frame, which must be a {@code type}. */
    public <T extends ControlMessage> T expect(Class<T> type) {
        ControlMessage m = receive();
        if (!type.isInstance(m)) {
            throw new MeasureException(server + " sent " + m.getClass().getSimpleName() + " where "
                    + type.getSimpleName() + " was due");
        }
        return type.cast(m);
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    public String server() {
        return server;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
