#!/usr/bin/env python3
"""Integration test of examples/chat_corio over real loopback sockets.

Starts the server on 127.0.0.1 with an ephemeral port, then:
  1. 50 clients each send 40 lines; every client must receive every line of
     every client (its own included), each sender's lines in order, none lost;
  2. clients that drop mid-line (FIN and RST) do not disturb the others, and
     their partial lines are never broadcast;
  3. a line longer than the limit ends that session with a clear message,
     and the server keeps serving;
  4. SIGTERM: the server exits 0 within 2 s, reporting a clean stop.
Usage: chat_corio_test.py SERVER_BINARY WORK_DIR
"""
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time

CLIENTS = 50
LINES = 40
MAX_LINE = 1024
DEADLINE = 60.0  # seconds for the whole exchange


def fail(message):
    print("FAIL: " + message, flush=True)
    sys.exit(1)


class Client:
    def __init__(self, port, name):
        self.name = name
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.lines = []
        self.cond = threading.Condition()
        self.closed = False
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        buffer = b""
        try:
            while True:
                data = self.sock.recv(65536)
                if not data:
                    break
                buffer += data
                *complete, buffer = buffer.split(b"\n")
                with self.cond:
                    self.lines.extend(line.decode() for line in complete)
                    self.cond.notify_all()
        except OSError:
            pass
        with self.cond:
            self.closed = True
            self.cond.notify_all()

    def wait_for(self, predicate, timeout, what):
        end = time.monotonic() + timeout
        with self.cond:
            while not predicate(self.lines):
                left = end - time.monotonic()
                if left <= 0 or (self.closed and not predicate(self.lines)):
                    fail(f"{self.name}: {what} (got {len(self.lines)} lines, closed={self.closed})")
                self.cond.wait(min(left, 0.5))

    def wait_closed(self, timeout):
        end = time.monotonic() + timeout
        with self.cond:
            while not self.closed:
                left = end - time.monotonic()
                if left <= 0:
                    fail(f"{self.name}: the server did not close the session")
                self.cond.wait(left)

    def send(self, text):
        self.sock.sendall(text.encode())


def chat_lines(lines, prefix):
    return [line for line in lines if line.startswith(prefix)]


def main():
    server_binary, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    server = subprocess.Popen(
        [server_binary, "0", "--bind", "127.0.0.1", "--log", os.path.join(work, "chat.log"),
         "--mirror", "127.0.0.1", "--max-line", str(MAX_LINE), "--throttle-ms", "5"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        banner = server.stdout.readline()
        if "listening on 127.0.0.1:" not in banner:
            fail(f"no listening banner: {banner!r}; stderr: {server.stderr.read()}")
        port = int(banner.rsplit(":", 1)[1])

        # 1. 50 clients x 40 lines, everyone receives everything in order.
        clients = [Client(port, f"c{i}") for i in range(CLIENTS)]
        for c in clients:
            c.wait_for(lambda ls: any(l.startswith("* welcome") for l in ls), 10, "no welcome line")
        start = time.monotonic()
        for seq in range(LINES):
            for i, c in enumerate(clients):
                c.send(f"m c{i} {seq} {'x' * (seq % 7 * 10)}\n")
        expected = CLIENTS * LINES
        for c in clients:
            c.wait_for(lambda ls: len(chat_lines(ls, "m ")) >= expected,
                       max(1.0, DEADLINE - (time.monotonic() - start)), f"fewer than {expected} chat lines")
        for c in clients:
            got = chat_lines(c.lines, "m ")
            if len(got) != expected:
                fail(f"{c.name}: {len(got)} chat lines, expected {expected}")
            per_sender = {}
            for line in got:
                _, sender, seq, payload = (line.split(" ") + [""])[:4]
                if payload != "x" * (int(seq) % 7 * 10):
                    fail(f"{c.name}: corrupted line {line!r}")
                per_sender.setdefault(sender, []).append(int(seq))
            if sorted(per_sender) != sorted(f"c{i}" for i in range(CLIENTS)):
                fail(f"{c.name}: lines from {len(per_sender)} senders")
            for sender, seqs in per_sender.items():
                if seqs != list(range(LINES)):
                    fail(f"{c.name}: lines of {sender} out of order or missing: {seqs}")
        print(f"ok: {CLIENTS} clients x {LINES} lines, {expected} lines each, in order "
              f"({time.monotonic() - start:.2f} s)", flush=True)

        # 2. Clients dropping mid-line (orderly close, and reset).
        for n in range(6):
            dropper = socket.create_connection(("127.0.0.1", port), timeout=10)
            dropper.sendall(b"partial line that never ends")
            if n % 2:
                dropper.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            dropper.close()
        clients[0].send("m c0 after-drops ok\n")
        for c in clients:
            c.wait_for(lambda ls: "m c0 after-drops ok" in ls, 10, "line after the drops not received")
        for c in clients:
            if any("partial line" in line for line in c.lines):
                fail(f"{c.name}: received a partial line of a dropped client")
        print("ok: clients dropped mid-line; nothing partial broadcast; still serving", flush=True)

        # 3. A line over the limit ends that session with a message.
        long_talker = Client(port, "long")
        long_talker.wait_for(lambda ls: any(l.startswith("* welcome") for l in ls), 10, "no welcome line")
        long_talker.send("y" * (MAX_LINE + 100) + "\n")
        long_talker.wait_for(lambda ls: any("line too long" in l for l in ls), 10, "no 'line too long' message")
        long_talker.wait_closed(10)
        clients[1].send("m c1 after-long-line ok\n")
        for c in clients:
            c.wait_for(lambda ls: "m c1 after-long-line ok" in ls, 10, "line after the long line not received")
        if any(l.startswith("y") or "yyyy" in l for c in clients for l in c.lines):
            fail("the over-long line was broadcast")
        print("ok: over-long line ends that session with a message; the server keeps serving", flush=True)

        # 4. SIGTERM: exit 0 within 2 s, with the clients still connected.
        server.send_signal(signal.SIGTERM)
        sent = time.monotonic()
        try:
            out, err = server.communicate(timeout=2.0)
        except subprocess.TimeoutExpired:
            fail("the server did not exit within 2 s of SIGTERM")
        elapsed = time.monotonic() - sent
        if server.returncode != 0:
            fail(f"exit status {server.returncode}; stderr:\n{err[-4000:]}")
        if "chat server: stopped" not in out or "AddressSanitizer" in err or "LeakSanitizer" in err:
            fail(f"unclean stop; stdout {out!r}; stderr:\n{err[-4000:]}")
        for c in clients:
            c.wait_closed(5)
        print(f"ok: SIGTERM -> exit 0 in {elapsed:.2f} s, every session closed", flush=True)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


if __name__ == "__main__":
    main()
