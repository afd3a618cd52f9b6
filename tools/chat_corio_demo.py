#!/usr/bin/env python3
"""The last step of tools/demo.sh: examples/chat_corio on loopback.

Starts the server on 127.0.0.1 (ephemeral port), connects three scripted
clients that each say two lines, prints what every client received, then
stops the server with SIGTERM and prints how it exited.
Usage: chat_corio_demo.py SERVER_BINARY WORK_DIR
"""
import os
import signal
import socket
import subprocess
import sys
import time


def main():
    server_binary, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    server = subprocess.Popen(
        [server_binary, "0", "--bind", "127.0.0.1", "--log", os.path.join(work, "chat.log"),
         "--mirror", "127.0.0.1", "--throttle-ms", "5"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        banner = server.stdout.readline().strip()
        print(banner)
        port = int(banner.rsplit(":", 1)[1])
        names = ["alice", "bob", "carol"]
        clients = {}
        for name in names:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.settimeout(5)
            clients[name] = [s, b""]
            while b"* welcome" not in clients[name][1]:
                clients[name][1] += s.recv(4096)
        for round_ in range(2):
            for name in names:
                clients[name][0].sendall(f"{name}: line {round_ + 1}\n".encode())
        expected = 2 * len(names)
        for name in names:
            s, received = clients[name]
            deadline = time.monotonic() + 5
            while received.count(b": line ") < expected and time.monotonic() < deadline:
                received += s.recv(4096)
            print(f"-- {name} received:")
            for line in received.decode().splitlines():
                print(f"   {line}")
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=5)
        print(f"-- SIGTERM: exit status {server.returncode}; the server said:")
        for line in (err + out).splitlines():
            if line.startswith("chat server:"):
                print(f"   {line}")
        return 0 if server.returncode == 0 else 1
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


if __name__ == "__main__":
    sys.exit(main())
