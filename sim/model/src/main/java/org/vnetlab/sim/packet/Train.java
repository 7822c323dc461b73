package org.vnetlab.sim.packet;

/**
 * A train: {@code count} packets of one kind, size and flow whose times and numbers step
 * evenly. Packet j is ready at {@code ready + j * readyStep}, was sent by its source at
 * {@code stamp + j * stampStep}, and is numbered {@code seq + j}; every packet carries the
 * same {@code ack}. A single packet is a train of one.
 *
 * <p>A mutable value, not a record: each producer owns one and refills it for every train it
 * hands on ({@link org.vnetlab.sim.net.PacketPort#send}, {@link PacketQueue#offer(Train)}),
 * and a consumer reads a queue's head into its own ({@link PacketQueue#head(Train)}), so
 * moving packets never allocates. Every field has its own named setter, so two times or two
 * counts cannot be swapped by position. The receiver of a train copies what it keeps: the
 * producer may refill it as soon as the call returns.
 */
public final class Train {

    private long ready;
    private long readyStep;
    private long stamp;
    private long stampStep;
    private long seq;
    private long ack;
    private int count = 1;
    private int payload;
    private int flow;
    /** By {@link PacketKind#index()}: see there. */
    private int kind;

    /** Makes this a copy of {@code other}. */
    public Train copy(Train other) {
        ready = other.ready;
        readyStep = other.readyStep;
        stamp = other.stamp;
        stampStep = other.stampStep;
        seq = other.seq;
        ack = other.ack;
        count = other.count;
        payload = other.payload;
        flow = other.flow;
        kind = other.kind;
        return this;
    }

    /** What the packets are: kind, payload bytes and flow id. */
    public Train of(PacketKind packetKind, int payloadBytes, int flowId) {
        kind = packetKind.index();
        payload = payloadBytes;
        flow = flowId;
        return this;
    }

    /** When the first packet is ready where it is handed. */
    public Train readyAt(long time) {
        ready = time;
        return this;
    }

    /** Nanoseconds between the packets' ready times (0: all at once). */
    public Train readyEvery(long nanos) {
        readyStep = nanos;
        return this;
    }

    /** When the source sent the first packet. */
    public Train stampedAt(long time) {
        stamp = time;
        return this;
    }

    /** Nanoseconds between the packets' send times. */
    public Train stampedEvery(long nanos) {
        stampStep = nanos;
        return this;
    }

    /** The first packet's sequence number. */
    public Train seq(long first) {
        seq = first;
        return this;
    }

    /** The acknowledgement every packet carries (a TCP ACK's next expected segment; else 0). */
    public Train ack(long value) {
        ack = value;
        return this;
    }

    /** How many packets. */
    public Train count(int n) {
        count = n;
        return this;
    }

    /** The same packets travelling as {@code packetKind} (a relay's or reflector's send). */
    public Train kind(PacketKind packetKind) {
        kind = packetKind.index();
        return this;
    }

    public long ready() {
        return ready;
    }

    public long readyStep() {
        return readyStep;
    }

    public long stamp() {
        return stamp;
    }

    public long stampStep() {
        return stampStep;
    }

    public long seq() {
        return seq;
    }

    public long ack() {
        return ack;
    }

    public int count() {
        return count;
    }

    public int payload() {
        return payload;
    }

    public int flow() {
        return flow;
    }

    public PacketKind kind() {
        return PacketKind.ofIndex(kind);
    }

    /** Ready time of packet {@code j}. */
    public long readyOf(long j) {
        return ready + j * readyStep;
    }

    /** Send stamp of packet {@code j}. */
    public long stampOf(long j) {
        return stamp + j * stampStep;
    }

    @Override
    public String toString() {
        return count + " x " + kind() + " " + payload + " B flow " + flow + " seq " + seq + " ready " + ready + "+"
                + readyStep + " stamp " + stamp + "+" + stampStep + " ack " + ack;
    }
}
