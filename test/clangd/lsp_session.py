#!/usr/bin/env python3
"""A minimal LSP client: just enough JSON-RPC over stdio to drive clangd."""
import json
import os
import subprocess
import threading
import queue


class LspSession:
    def __init__(self, command, root, stderr=subprocess.DEVNULL):
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=stderr, cwd=root)
        self.next_id = 1
        self.inbox = queue.Queue()
        self.reader = threading.Thread(target=self._read_loop, daemon=True)
        self.reader.start()
        self.root = root

    def _read_loop(self):
        stream = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.decode().strip()
                if not line:
                    break
                key, value = line.split(":", 1)
                headers[key.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.inbox.put(json.loads(body))

    def _send(self, message):
        data = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=60):
        rid = self.next_id
        self.next_id += 1
        self._send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return self.wait_for(lambda m: m.get("id") == rid and "method" not in m,
                             timeout)["result"]

    def wait_for(self, predicate, timeout=60):
        """Returns the first incoming message that satisfies predicate,
        answering server-to-client requests on the way."""
        while True:
            message = self.inbox.get(timeout=timeout)
            if message is None:
                raise RuntimeError("server exited")
            if "method" in message and "id" in message:
                # e.g. window/workDoneProgress/create: acknowledge.
                self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})
                continue
            if predicate(message):
                return message

    def close(self):
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
