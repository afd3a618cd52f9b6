#!/usr/bin/env python3
"""The chat servers under load: examples/chat_corio against the Asio original.

The same load against each server, one after the other, on 127.0.0.1:
CLIENTS clients connect; once every client is in the room (each has seen a
"ready" line), every client sends LINES lines at once, and every line must
reach every other client. Reports, per server, the lines delivered to other
clients per second (from the first send to the last delivery), or where the
server stopped delivering (no progress for STALL seconds). A completed run is
checked: every client got every other client's lines, in order, none lost.

Both servers run as shipped: the original throttles every line with a
blocking 50 ms sleep and holds a lock across its broadcast (examples/chat
keeps these anti-patterns for the checks); chat_corio's throttle is a 50 ms
corio::sleep_for per session.

Usage: chat_load.py --corio BIN --asio BIN [--clients N] [--lines N] [--work DIR]
"""
import argparse
import os
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
import time

STALL = 10.0  # seconds without a delivery that end a run


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def connect(port, deadline):
    while True:
        try:
            return socket.create_connection(("127.0.0.1", port), timeout=5)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class Room:
    """The clients, read by one selector loop; lines are kept raw and parsed once at the end."""

    def __init__(self, port, count):
        deadline = time.monotonic() + 30
        self.socks = [connect(port, deadline) for _ in range(count)]
        self.data = [bytearray() for _ in range(count)]
        self.selector = selectors.DefaultSelector()
        for i, s in enumerate(self.socks):
            s.setblocking(False)
            self.selector.register(s, selectors.EVENT_READ, i)
        self.last_delivery = time.monotonic()

    def pump(self, timeout):
        for key, _ in self.selector.select(timeout):
            i = key.data
            try:
                chunk = self.socks[i].recv(1 << 16)
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:
                chunk = b""
            if not chunk:
                self.selector.unregister(self.socks[i])
                continue
            self.data[i] += chunk
            self.last_delivery = time.monotonic()

    def send(self, i, text):
        self.socks[i].setblocking(True)
        self.socks[i].sendall(text.encode())
        self.socks[i].setblocking(False)

    def close(self):
        for s in self.socks:
            s.close()


def chat_lines(data):
    return [line for line in data.decode(errors="replace").split("\n") if line.startswith("m ")]


def wait_ready(room, count):
    """Until every client is in the room: client 0 says "ready" until everyone has heard it."""
    deadline = time.monotonic() + 60
    while True:
        room.send(0, "ready\n")
        until = time.monotonic() + 1.0
        while time.monotonic() < until:
            room.pump(0.05)
            if all(b"ready\n" in d for d in room.data):
                return True
        if time.monotonic() > deadline:
            return False


def run_load(name, port, clients, lines):
    room = Room(port, clients)
    if not wait_ready(room, clients):
        room.close()
        return f"{name}: not every client was in the room after 60 s"
    time.sleep(1.0)  # late "ready" repeats arrive before the measured part
    for _ in range(20):
        room.pump(0.01)
    base = [d.count(b"\n") for d in room.data]
    expected_per_client = clients * lines  # every sender's lines, its own included
    start = room.last_delivery = time.monotonic()
    for i in range(clients):
        room.send(i, "".join(f"m c{i} {seq}\n" for seq in range(lines)))
    done = [False] * clients
    while not all(done):
        room.pump(0.2)
        for i, d in enumerate(room.data):
            if not done[i] and d.count(b"\n") - base[i] >= expected_per_client:
                done[i] = len(chat_lines(d)) >= expected_per_client
        if time.monotonic() - room.last_delivery > STALL:
            break
    elapsed = room.last_delivery - start
    others = 0
    errors = []
    for i, d in enumerate(room.data):
        per_sender = {}
        for line in chat_lines(d):
            _, sender, seq = (line.split(" ") + ["", ""])[:3]
            per_sender.setdefault(sender, []).append(int(seq))
        others += sum(len(seqs) for sender, seqs in per_sender.items() if sender != f"c{i}")
        if all(done):
            bad = [s for s, seqs in per_sender.items() if seqs != list(range(lines))]
            if len(per_sender) != clients or bad:
                errors.append(f"client c{i}: {len(per_sender)} senders, out of order or missing: {bad[:3]}")
    room.close()
    wanted = clients * (clients - 1) * lines
    rate = others / elapsed if elapsed > 0 else 0.0
    if not all(done):
        if others == 0:
            return f"{name}: STALLED: none of {wanted} lines delivered to other clients within {STALL:.0f} s"
        return (f"{name}: STALLED: {others} of {wanted} lines delivered to other clients, the last after "
                f"{elapsed:.2f} s, then nothing for {STALL:.0f} s ({rate:,.0f} lines/s while it delivered)")
    if errors:
        return f"{name}: WRONG: " + "; ".join(errors[:5])
    return f"{name}: {others} lines delivered to other clients in {elapsed:.2f} s: {rate:,.0f} lines/s"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corio", required=True, help="chat-server-corio (examples/chat_corio)")
    parser.add_argument("--asio", required=True, help="chat-server (examples/chat, the Asio original)")
    parser.add_argument("--clients", type=int, default=500)
    parser.add_argument("--lines", type=int, default=20, help="lines each client sends")
    parser.add_argument("--work", default=None, help="working directory (chat.log goes there)")
    args = parser.parse_args()
    args.corio, args.asio = os.path.abspath(args.corio), os.path.abspath(args.asio)  # the servers run in --work
    work = args.work or tempfile.mkdtemp(prefix="corio-chat-load-")
    os.makedirs(work, exist_ok=True)
    load = f"{args.clients} clients x {args.lines} lines"
    print(f"load: {load}; every line to every other client", flush=True)

    corio = subprocess.Popen(
        [args.corio, "0", "--bind", "127.0.0.1", "--log", os.path.join(work, "chat-corio.log"),
         "--mirror", "127.0.0.1"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=work)
    try:
        banner = corio.stdout.readline()
        if "listening on 127.0.0.1:" not in banner:
            sys.exit(f"chat-server-corio: no listening banner: {banner!r}")
        print(run_load("chat_corio", int(banner.rsplit(":", 1)[1]), args.clients, args.lines), flush=True)
        corio.send_signal(signal.SIGTERM)
        corio.wait(timeout=10)
    finally:
        if corio.poll() is None:
            corio.kill()
            corio.wait()

    port = free_port()
    asio = subprocess.Popen([args.asio, str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=work)
    try:
        print(run_load("chat (Asio original)", port, args.clients, args.lines), flush=True)
        if asio.poll() is None:
            print("chat (Asio original): the server process is still running", flush=True)
    finally:
        asio.kill()  # it has no graceful stop (and may be deadlocked)
        asio.wait()


if __name__ == "__main__":
    main()
