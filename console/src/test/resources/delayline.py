"""A fixed delay for the truth checks where the kernel has no netem: holds every packet that
iptables sends to an NFQUEUE queue for DELAY_MS from the kernel's arrival stamp, then lets it go
on, in the order it came.

    python3 delayline.py QUEUE DELAY_MS

Run it inside a network namespace (nfnetlink queues are per namespace) with rules on arriving
packets, such as `iptables-legacy -A INPUT -i veth1 -j NFQUEUE --queue-num QUEUE`: only those carry
a kernel stamp (packets on their way out would be held from when this program sees them, ~0.1 ms
later). It prints "ready" once it listens and runs until killed. Independent of vnetlab on purpose:
Linux's nfnetlink_queue and Python's standard library only.
"""
import collections
import os
import select
import socket
import struct
import sys
import time

NETLINK_NETFILTER = 12
NFNL_SUBSYS_QUEUE = 3
NFQNL_MSG_PACKET, NFQNL_MSG_VERDICT, NFQNL_MSG_CONFIG = 0, 1, 2
NFQA_CFG_CMD, NFQA_CFG_PARAMS = 1, 2
NFQNL_CFG_CMD_BIND = 1
NFQNL_COPY_META = 1
NFQA_PACKET_HDR, NFQA_VERDICT_HDR, NFQA_TIMESTAMP = 1, 2, 4
NF_ACCEPT = 1
NLMSG_ERROR = 2
SO_TIMESTAMP, SO_RCVBUFFORCE = 29, 33  # not in Python's socket module
NLM_F_REQUEST, NLM_F_ACK = 1, 4
NLMSG_HEADER = struct.Struct("=IHHII")  # length, type, flags, sequence, port id (host order)
NFGEN_HEADER = 4  # family, version, queue number (big-endian)
# Waking from select takes some 20-50 us, which this learns and asks for that much sooner; a
# later wake-up is a stall (the machine busy), and learning it would busy-wait ahead of every packet.
EARLY_MAX = 0.0001


def message(kind, queue, attributes, flags=NLM_F_REQUEST):
    """A netlink message to the queue subsystem: header, nfgenmsg, then type-length-value attributes."""
    body = struct.pack("!BBH", socket.AF_UNSPEC, 0, queue)
    for kind_of_attribute, value in attributes:
        attribute = struct.pack("=HH", 4 + len(value), kind_of_attribute) + value
        body += attribute + b"\0" * (-len(attribute) % 4)
    return NLMSG_HEADER.pack(NLMSG_HEADER.size + len(body), (NFNL_SUBSYS_QUEUE << 8) | kind, flags, 0, 0) + body


def configure(sock, queue, attribute, value):
    """Sends one configuration attribute and raises OSError if the kernel refuses it."""
    sock.send(message(NFQNL_MSG_CONFIG, queue, [(attribute, value)], NLM_F_REQUEST | NLM_F_ACK))
    reply = sock.recv(65536)
    length, kind = NLMSG_HEADER.unpack_from(reply)[:2]
    if kind == NLMSG_ERROR:
        error = -struct.unpack_from("=i", reply, NLMSG_HEADER.size)[0]
        if error:
            raise OSError(error, "configuring queue %d" % queue)


def packets(data):
    """(packet id, arrival time or None) of each queued-packet message in one datagram from the kernel."""
    offset = 0
    while offset + NLMSG_HEADER.size <= len(data):
        length, kind = NLMSG_HEADER.unpack_from(data, offset)[:2]
        if kind == (NFNL_SUBSYS_QUEUE << 8) | NFQNL_MSG_PACKET:
            packet_id = arrival = None
            at = offset + NLMSG_HEADER.size + NFGEN_HEADER
            while at + 4 <= offset + length:
                size, attribute = struct.unpack_from("=HH", data, at)
                if attribute & 0x7FFF == NFQA_PACKET_HDR:
                    packet_id = struct.unpack_from("!I", data, at + 4)[0]
                elif attribute & 0x7FFF == NFQA_TIMESTAMP:
                    seconds, microseconds = struct.unpack_from("!QQ", data, at + 4)
                    arrival = seconds + microseconds / 1e6
                at += max(4, (size + 3) & ~3)
            yield packet_id, arrival
        offset += max(NLMSG_HEADER.size, (length + 3) & ~3)


def run(queue, delay):
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_NETFILTER)
    # Room for a few thousand queued packets, should this program be held up: when the kernel
    # cannot pass a packet on, it drops it and recv fails with ENOBUFS, which ends this program.
    sock.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, 4 << 20)
    sock.bind((0, 0))
    configure(sock, queue, NFQA_CFG_CMD, struct.pack("!BxH", NFQNL_CFG_CMD_BIND, 0))
    # the packet id and the arrival stamp are all this needs: no payload copied to user space
    configure(sock, queue, NFQA_CFG_PARAMS, struct.pack("!IB", 0, NFQNL_COPY_META))
    sock.setblocking(False)
    # The kernel stamps packets as they arrive only while some socket asks for receive
    # timestamps. Holding from that stamp leaves out the ~0.1 ms the queue takes to wake us.
    stamps = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    stamps.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMP, 1)
    # netem holds packets in the kernel, ahead of every program; real-time scheduling comes
    # closest, and a real-time task's timeouts have no slack. Without the right to it
    # (CAP_SYS_NICE) this runs as an ordinary process, only less punctual on a busy machine.
    try:
        os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(50))
    except PermissionError:
        pass
    print("ready", flush=True)
    held = collections.deque()  # (release time, packet id), in arrival order, which one delay keeps
    early = 0.0  # how late select's timeouts end, a moving average of up to EARLY_MAX
    while True:
        timeout = None
        if held:
            wake = held[0][0] - early
            timeout = max(0.0, wake - time.time())
        # select waits to the microsecond, where poll would round to milliseconds
        if select.select([sock], [], [], timeout)[0]:
            while True:
                try:
                    data = sock.recv(65536)
                except BlockingIOError:
                    break
                # stamps are wall-clock time; the first packets after start may have none
                for packet_id, arrival in packets(data):
                    held.append(((arrival or time.time()) + delay, packet_id))
        elif timeout:
            early = min(EARLY_MAX, early + (time.time() - wake - early) / 8)
        now = time.time()
        while held and held[0][0] <= now:
            verdict = struct.pack("!II", NF_ACCEPT, held.popleft()[1])
            sock.send(message(NFQNL_MSG_VERDICT, queue, [(NFQA_VERDICT_HDR, verdict)]))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python3 delayline.py QUEUE DELAY_MS")
    try:
        run(int(sys.argv[1]), float(sys.argv[2]) / 1000)
    except OSError as e:
        sys.exit("delay line: " + str(e))
