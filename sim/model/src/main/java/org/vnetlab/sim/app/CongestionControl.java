package org.vnetlab.sim.app;

/**
 * How a TCP sender grows its congestion window in congestion avoidance and where it restarts
 * after a loss. Windows are in segments.
 */
public sealed interface CongestionControl permits CongestionControl.Reno, CongestionControl.Cubic {

    /** The window after {@code acked} segments were acknowledged at {@code now}. */
    double avoid(double cwnd, int acked, long now, long srttNanos);

    /** The slow-start threshold after a loss with this window; also starts a new epoch. */
    double onLoss(double cwnd, long now);

    static CongestionControl of(String name) {
        return name.equals("cubic") ? new Cubic() : new Reno();
    }

    /** Reno (RFC 5681): one segment per window per round trip; halve on loss. */
    final class Reno implements CongestionControl {
        @Override
        public double avoid(double cwnd, int acked, long now, long srttNanos) {
            return cwnd + (double) acked / cwnd;
        }

        @Override
        public double onLoss(double cwnd, long now) {
            return Math.max(cwnd / 2, 2);
        }
    }

    /**
     * CUBIC (RFC 8312): W(t) = C (t - K)^3 + Wmax with C = 0.4 and beta = 0.7, never below
     * what Reno would reach (the TCP-friendly region).
     */
    final class Cubic implements CongestionControl {
        private static final double C = 0.4;
        private static final double BETA = 0.7;
        private double wMax;
        private long epochStart = -1;
        private double k;
        private double renoWindow;

        @Override
        public double avoid(double cwnd, int acked, long now, long srttNanos) {
            if (epochStart < 0) {
                epochStart = now;
                wMax = Math.max(wMax, cwnd);
                k = Math.cbrt(wMax * (1 - BETA) / C);
                renoWindow = cwnd;
            }
            double t = (now - epochStart + srttNanos) / 1e9;
            double target = C * Math.pow(t - k, 3) + wMax;
            renoWindow += 3 * (1 - BETA) / (1 + BETA) * acked / renoWindow;
            double next = Math.max(target, renoWindow);
            // at most one segment per acknowledged segment, as the kernel limits growth per ACK
            return Math.min(Math.max(next, cwnd), cwnd + acked);
        }

        @Override
        public double onLoss(double cwnd, long now) {
            wMax = cwnd;
            epochStart = -1;
            return Math.max(cwnd * BETA, 2);
        }
    }
}
