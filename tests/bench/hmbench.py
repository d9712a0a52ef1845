"""What the Python benchmarks share: a hivemind-server of their own on a
free loopback port with a fresh data dir, and one-shot HTTP requests to it.
Only the Python standard library."""

import base64
import contextlib
import json
import os
import socket
import subprocess
import tempfile
import time

ADMIN, PASSWORD = "bench-admin", "Bench!Passw0rd1"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, method, path, body=None, token=None, timeout=300):
    """One request on its own connection (Connection: close): (status, body)."""
    payload = json.dumps(body).encode() if body is not None else b""
    head = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close",
            f"Content-Length: {len(payload)}", "Content-Type: application/json"]
    if token:
        head.append(f"Authorization: Bearer {token}")
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(("\r\n".join(head) + "\r\n\r\n").encode() + payload)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    status = int(data.split(b" ", 2)[1])
    body = data.split(b"\r\n\r\n", 1)[1]
    return status, json.loads(body) if body else None


@contextlib.contextmanager
def server(binary, *arguments):
    """BINARY started with `arguments` on a fresh data dir, up and signed in
    as its first administrator, the anonymous rate limit raised:
    yields (port, token); stopped at the end."""
    port = free_port()
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, HIVEMIND_MASTER_KEY=base64.b64encode(os.urandom(32)).decode(),
                   HIVEMIND_ADMIN_USER=ADMIN, HIVEMIND_ADMIN_PASSWORD=PASSWORD)
        # HMBENCH_SERVER_LOG=FILE keeps the server's log (e.g. with
        # QT_LOGGING_RULES set to see one area's timings).
        log = open(os.environ["HMBENCH_SERVER_LOG"], "ab") \
            if os.environ.get("HMBENCH_SERVER_LOG") else subprocess.DEVNULL
        process = subprocess.Popen([binary, "--data-dir", data, "--listen", f"127.0.0.1:{port}",
                                    "--component-health-interval", "0", *arguments], env=env,
                                   stdout=subprocess.DEVNULL, stderr=log)
        try:
            for _ in range(600):
                try:
                    if request(port, "GET", "/api/v1/health", timeout=1)[0] == 200:
                        break
                except OSError:
                    time.sleep(0.1)
            status, answer = request(port, "POST", "/api/v1/auth/login",
                                     {"username": ADMIN, "password": PASSWORD})
            assert status == 200, answer
            token = answer["data"]["access_token"]
            assert request(port, "PUT", "/api/v1/system/config",
                           {"anonymous_rate_limit": 1000000}, token)[0] == 200
            yield port, token
        finally:
            process.terminate()
            process.wait(30)
            if log is not subprocess.DEVNULL:
                log.close()
