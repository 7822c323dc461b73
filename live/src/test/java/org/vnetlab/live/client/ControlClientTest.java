package org.vnetlab.live.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a hostile server on the control connection can and cannot do to a client. */
class ControlClientTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /**
     * A frame must come whole within the timeout: a server that announced 1000 bytes and sent one
     * every 10 s, each within the socket's timeout, held the client for ever.
     */
    @Test
    @Timeout(20)
    void aFrameDribbledSlowerThanTheTimeoutEndsTheTest() throws Exception {
        try (ServerSocket fake = new ServerSocket(0, 1, LOOPBACK)) {
            Thread server = new Thread(() -> {
                try (Socket s = fake.accept()) {
                    DataOutputStream out = new DataOutputStream(s.getOutputStream());
                    out.writeInt(1000);
                    for (int i = 0; i < 1000; i++) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(200);
                    }
                } catch (IOException | InterruptedException e) {
                    // the client went away, as it should
                }
            });
            server.setDaemon(true);
            server.start();
            long started = System.nanoTime();
            try (ControlClient client = ControlClient.connect(LOOPBACK, fake.getLocalPort(), Duration.ofSeconds(1))) {
                MeasureException e = assertThrows(MeasureException.class, client::receive);
                assertEquals(client.server() + " went silent", e.getMessage());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertTrue(seconds < 5, "gave up after " + seconds + " s, not about 1");
        }
    }
}
