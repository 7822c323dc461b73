package org.vnetlab.live.control;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.vnetlab.live.control.ControlMessage.Finish;
import org.vnetlab.live.data.Tally;

/**
 * The server's side of one accepted test: its data socket, opened when the test is accepted; its
 * data thread, started on Start; and its end. {@link #close()} may be called at any time, from any
 * thread, and releases everything.
 */
sealed interface ServerTest extends AutoCloseable
        permits UdpTest, TcpTest, ProbeTest {

    /** The port of the test's data socket (the one to put in Accepted). */
    int dataPort();

    /** Starts the server's side; {@link #done()} completes when it ends. */
    void start();

    /** The client's sender is done; a receiving side ends once what is in flight has arrived. */
    void finish(Finish finish);

    /** What the server's side received or sent so far. */
    Tally tally();

    /** Datagrams that came out of order (receiving UDP sides), else 0. */
    default long reordered() {
        return 0;
    }

    /** Completes with nothing when the server's side ended normally, exceptionally when it failed. */
    CompletableFuture<Void> done();

    @Override
    void close() throws IOException;
}
