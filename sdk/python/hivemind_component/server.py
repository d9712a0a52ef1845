"""Serves components over HTTP: the endpoints of docs/component-protocol.md
(POST /execute, POST /cancel, GET /health, GET /interface) and the SDK's own
GET /jobs (what runs and what ended, for operators and tests).

One thread per connection (http.server.ThreadingHTTPServer); run() executes
on the connection's thread and the reply is written when it returns, since
the protocol's /execute is synchronous.
"""

import argparse
import collections
import json
import logging
import os
import select
import signal
import socket
import sys
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from . import __version__
from .context import Context
from .errors import Cancelled, ComponentError, DeadlineExceeded, DeclarationError, ValidationError
from .interface import Result

log = logging.getLogger("hivemind_component")

PROTOCOL_VERSION = "1"
# The engine's inline limit: larger bytes outputs go as blobs.
INLINE_BYTES_LIMIT = 64 * 1024
# The engine reads at most this much of a reply (PAYLOAD_TOO_LARGE above).
MAX_REPLY_BYTES = 16 * 1024 * 1024
_JOBS_KEPT = 100


def _error_body(code, message, retryable=False, details=None):
    error = {"code": code, "message": message}
    if details:
        error["details"] = details
    return {"status": "error", "error": error, "retryable": retryable}


class ComponentServer(ThreadingHTTPServer):
    """Serves `components` (Component instances) on (host, port); port 0
    takes a free one (see .url). start() serves on a background thread,
    serve_forever() on this one."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        components,
        host="127.0.0.1",
        port=0,
        prefix="",
        max_request_bytes=16 * 1024 * 1024,
        max_concurrent=32,
        offload_json_bytes=1024 * 1024,
        idle_timeout=60.0,
    ):
        self.components = {}
        for component in components:
            component.check_declaration()
            key = (component.name, component.version)
            if key in self.components:
                raise DeclarationError(f"component {component.name} {component.version} is served twice")
            self.components[key] = component
        if not self.components:
            raise DeclarationError("no components to serve")
        self.prefix = prefix.rstrip("/")
        self.max_request_bytes = max_request_bytes
        self.offload_json_bytes = offload_json_bytes
        self.idle_timeout = idle_timeout
        self._slots = threading.BoundedSemaphore(max_concurrent)
        self._lock = threading.Lock()
        self._running = {}  # (execution_id, node_id) -> Context
        self._recent = collections.deque(maxlen=_JOBS_KEPT)
        self._cancels = collections.deque(maxlen=_JOBS_KEPT)
        self._thread = None
        self._stopping = False
        self._answering = 0  # /execute requests between slot and answer
        super().__init__((host, port), _Handler)

    @property
    def url(self):
        host, port = self.server_address[:2]
        return f"http://{host}:{port}{self.prefix}"

    def start(self):
        self._thread = threading.Thread(target=self.serve_forever, name="hivemind-component", daemon=True)
        self._thread.start()
        return self

    def stop(self, drain_seconds=0.0):
        """Stops accepting requests; lets running attempts finish for up to
        `drain_seconds`, then cancels what still runs (their callers get the
        cancellation as an answer rather than a reset connection)."""
        self.shutdown()
        self.drain(drain_seconds)
        self.server_close()

    def drain(self, seconds):
        """Waits until nothing runs or `seconds` passed; then cancels the rest
        and gives them a moment to answer. True when nothing had to be
        cancelled."""
        self._stopping = True
        end = time.monotonic() + seconds
        while self.answering_count() and time.monotonic() < end:
            time.sleep(0.05)
        if not self.answering_count():
            return True
        with self._lock:
            for ctx in self._running.values():
                ctx.cancel("server stopping")
        end = time.monotonic() + 2.0
        while self.answering_count() and time.monotonic() < end:
            time.sleep(0.05)
        return False

    def running_count(self):
        with self._lock:
            return len(self._running)

    # -- jobs ----------------------------------------------------------

    def begin(self, ctx):
        key = (ctx.execution_id, ctx.node_id)
        with self._lock:
            older = self._running.get(key)
            if older is not None:
                # A retry or a re-send after a lost connection replaces the
                # request still running for the same node.
                older.cancel("superseded")
            self._running[key] = ctx

    def end(self, ctx, outcome, code=None):
        key = (ctx.execution_id, ctx.node_id)
        with self._lock:
            if self._running.get(key) is ctx:
                del self._running[key]
            self._recent.append(
                {
                    "execution_id": ctx.execution_id,
                    "node_id": ctx.node_id,
                    "attempt": ctx.attempt,
                    "component": ctx.component,
                    "version": ctx.version,
                    "outcome": outcome,
                    "code": code,
                    "cancel_reason": ctx.cancel_reason,
                    "duration_ms": ctx.elapsed_ms(),
                }
            )

    def cancel(self, execution_id, node_id, attempt):
        with self._lock:
            ctx = self._running.get((execution_id, node_id))
            found = ctx is not None and (attempt is None or attempt == ctx.attempt)
            self._cancels.append(
                {"execution_id": execution_id, "node_id": node_id, "attempt": attempt, "found": found}
            )
        if found:
            ctx.cancel("cancel request")
        return found

    def jobs(self):
        with self._lock:
            running = [
                {
                    "execution_id": c.execution_id,
                    "node_id": c.node_id,
                    "attempt": c.attempt,
                    "component": c.component,
                    "version": c.version,
                    "elapsed_ms": c.elapsed_ms(),
                    "cancelled": c.cancelled,
                }
                for c in self._running.values()
            ]
            return {"running": running, "recent": list(self._recent), "cancel_requests": list(self._cancels)}

    def health(self):
        status, messages = "healthy", []
        for component in self.components.values():
            try:
                answer = component.health()
            except Exception as e:  # a broken check is a broken component
                answer = ("unhealthy", f"{component.name}: health check failed: {type(e).__name__}")
            state, message = answer if isinstance(answer, tuple) else (answer, None)
            if state != "healthy":
                status = state if status == "healthy" else status
                messages.append(message or f"{component.name} {component.version}: {state}")
        with self._lock:
            running = len(self._running)
        body = {
            "status": status,
            "components": [{"name": n, "version": v} for (n, v) in self.components],
            "running": running,
            "sdk": f"hivemind-component-python/{__version__}",
        }
        if messages:
            body["message"] = "; ".join(messages)
        return body

    def acquire_slot(self):
        if not self._slots.acquire(blocking=False):
            return False
        with self._lock:
            self._answering += 1
        return True

    def release_slot(self):
        # After the answer is written: drain() waits for it, so a stop
        # never exits between an attempt's end and its answer.
        with self._lock:
            self._answering -= 1
        self._slots.release()

    def answering_count(self):
        with self._lock:
            return self._answering


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive; every answer has a length
    server_version = f"hivemind-component/{__version__}"

    def setup(self):
        self.timeout = self.server.idle_timeout
        super().setup()

    def log_message(self, fmt, *args):  # access lines: no bodies, no tokens
        log.info("%s %s", self.address_string(), fmt % args)

    # -- plumbing ------------------------------------------------------

    def _path(self):
        path = self.path.split("?", 1)[0]
        prefix = self.server.prefix
        if prefix:
            if not (path == prefix or path.startswith(prefix + "/")):
                return None
            path = path[len(prefix):]
        return path or "/"

    def _send(self, status, body):
        data = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            # The engine hung up (cancelled or past its deadline): nobody
            # is listening any more.
            self.close_connection = True

    def _read_json(self):
        """The request's JSON body, or None after an error answer."""
        if self.headers.get("Transfer-Encoding", "").lower() not in ("", "identity"):
            self.close_connection = True
            self._send(411, _error_body("BAD_REQUEST", "send a Content-Length (chunked bodies are not accepted)"))
            return None
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True
            self._send(400, _error_body("BAD_REQUEST", "bad Content-Length"))
            return None
        if length > self.server.max_request_bytes:
            # The body is not read, so the connection cannot be reused.
            self.close_connection = True
            self._send(
                413,
                _error_body(
                    "PAYLOAD_TOO_LARGE",
                    f"the request body of {length} bytes is above this component's limit of "
                    f"{self.server.max_request_bytes} bytes",
                ),
            )
            return None
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw.decode("utf-8")) if raw else {}
        except (UnicodeDecodeError, ValueError) as e:
            self._send(400, _error_body("VALIDATION_ERROR", f"the request body is not JSON: {e}"))
            return None
        if not isinstance(body, dict):
            self._send(400, _error_body("VALIDATION_ERROR", "the request body is not a JSON object"))
            return None
        return body

    def _discard_body(self):
        """Reads and drops the body of a request that gets an error answer
        anyway, so the connection stays usable (or closes it when the body
        is too large or of unknown length)."""
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        chunked = self.headers.get("Transfer-Encoding", "").lower() not in ("", "identity")
        if chunked or length < 0 or length > self.server.max_request_bytes:
            self.close_connection = True
        elif length:
            self.rfile.read(length)

    def _not_found(self):
        self._send(404, _error_body("RESOURCE_NOT_FOUND", f"no route for {self.command} {self.path.split('?', 1)[0]}"))

    # -- routes --------------------------------------------------------

    def do_GET(self):
        path = self._path()
        if path == "/health":
            self._send(200, self.server.health())
        elif path == "/interface":
            self._send(200, [c.interface() for c in self.server.components.values()])
        elif path == "/jobs":
            self._send(200, self.server.jobs())
        else:
            self._not_found()

    def do_POST(self):
        path = self._path()
        if path not in ("/execute", "/cancel"):
            self._discard_body()
            return self._not_found()
        body = self._read_json()
        if body is None:
            return
        if path == "/cancel":
            attempt = body.get("attempt")
            found = self.server.cancel(
                str(body.get("execution_id", "")),
                str(body.get("node_id", "")),
                attempt if isinstance(attempt, int) and not isinstance(attempt, bool) else None,
            )
            return self._send(200, {"status": "ok", "found": found})
        self._execute(body)

    def do_PUT(self):
        self._discard_body()
        self._not_found()

    do_DELETE = do_PUT
    do_PATCH = do_PUT

    # -- /execute ------------------------------------------------------

    def _execute(self, request):
        protocol = self.headers.get("X-HiveMind-Protocol")
        if protocol is not None and protocol.strip() != PROTOCOL_VERSION:
            # A later protocol may mean something this SDK would misread.
            return self._send(
                400,
                _error_body(
                    "VALIDATION_ERROR",
                    f"component protocol {protocol.strip()!r} is not supported here (this SDK speaks {PROTOCOL_VERSION})",
                ),
            )
        if self.server._stopping:
            # A kept-alive connection may still bring work while stopping:
            # 503 makes the engine try again (elsewhere, or after a restart).
            self.close_connection = True
            return self._send(503, _error_body("SERVICE_UNAVAILABLE", "this component is stopping", True))
        name, version = request.get("component"), request.get("version")
        component = self.server.components.get((name, version))
        if component is None:
            served = sorted(f"{n} {v}" for (n, v) in self.server.components)
            return self._send(
                404,
                _error_body(
                    "COMPONENT_NOT_FOUND",
                    f"component {name!r} version {version!r} is not served here (served: {', '.join(served)})",
                ),
            )
        if not self.server.acquire_slot():
            # 429: the engine fails the attempt retryably (COMPONENT_UNAVAILABLE).
            return self._send(
                429, _error_body("RATE_LIMIT_EXCEEDED", "too many executions running in this component", True)
            )
        try:
            status, body = self._run(component, request)
            self._send(status, body)
        finally:
            self.server.release_slot()

    def _run(self, component, request):
        try:
            config = component.checked_config(request.get("config"))
        except ValidationError as e:
            return 200, _error_body(e.code, e.message, False, e.details)
        ctx = Context(request, config)
        self.server.begin(ctx)
        done = threading.Event()
        watcher = threading.Thread(target=_watch_connection, args=(self.connection, done, ctx), daemon=True)
        watcher.start()
        outcome, code = "error", None
        try:
            inputs = component.checked_inputs(request.get("inputs"))
            ctx.check_cancelled()
            result = component.run(ctx, inputs)
            ctx.check_cancelled()
            body = self._ok(component, ctx, result)
            outcome = "ok" if body["status"] == "ok" else "error"
            code = body.get("error", {}).get("code")
            return 200, body
        except DeadlineExceeded:
            outcome, code = "timeout", "EXECUTION_TIMEOUT"
            return 200, _error_body(code, f"{component.name}: the attempt's deadline passed", True)
        except Cancelled as e:
            outcome, code = "cancelled", "EXECUTION_CANCELLED"
            return 200, _error_body(code, f"{component.name}: cancelled ({e.reason})", False)
        except ComponentError as e:
            code = e.code
            return 200, _error_body(e.code, e.message, e.retryable, e.details)
        except (ConnectionError, TimeoutError) as e:
            # Transient by nature: let the retry policy decide.
            code = "NETWORK_ERROR" if isinstance(e, ConnectionError) else "TIMEOUT"
            return 200, _error_body(code, f"{component.name}: {type(e).__name__}: {e}", True)
        except Exception as e:
            code = "INTERNAL_ERROR"
            log.error("%s %s failed:\n%s", component.name, component.version, traceback.format_exc())
            return 200, _error_body(code, f"{component.name}: {type(e).__name__}: {str(e)[:1000]}", False)
        finally:
            done.set()
            self.server.end(ctx, outcome, code)

    def _ok(self, component, ctx, result):
        if isinstance(result, Result):
            outputs, handle, logs = result.outputs, result.handle, ctx.logs + result.logs
        else:
            outputs, handle, logs = result, None, ctx.logs
        if outputs is None:
            outputs = {}
        if not isinstance(outputs, dict):
            return _error_body(
                "INTERNAL_ERROR", f"{component.name}: run() returned {type(outputs).__name__}, not a dict of outputs"
            )
        outputs = {name: self._output_value(ctx, value) for name, value in outputs.items()}
        problems = component.output_problems(outputs, handle)
        if problems:
            return _error_body(
                "INTERNAL_ERROR",
                f"{component.name}: outputs do not match the declared interface: {'; '.join(problems[:5])}",
                False,
                {"code": "OUTPUT_INVALID", "problems": problems[:20]},
            )
        body = {"status": "ok", "outputs": outputs}
        if handle is not None:
            body["handle"] = handle
        if logs:
            body["logs"] = logs
        size = len(json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
        if size > MAX_REPLY_BYTES:
            return _error_body(
                "PAYLOAD_TOO_LARGE",
                f"{component.name}: the reply of {size} bytes is above the engine's {MAX_REPLY_BYTES}-byte limit; "
                "write large values as blobs",
            )
        return body

    def _output_value(self, ctx, value):
        if isinstance(value, (bytes, bytearray)):
            return ctx.encode_bytes(bytes(value), INLINE_BYTES_LIMIT)
        if ctx.blobs is not None and isinstance(value, (dict, list, str)):
            text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
            if len(text) > self.server.offload_json_bytes:
                return ctx.write_json_blob(value)
        return value


def _watch_connection(sock, done, ctx):
    """Cancels `ctx` when the engine closes the connection: the protocol's
    /cancel is best effort, a hang-up is the other sign."""
    while not done.wait(0.2):
        try:
            readable, _, _ = select.select([sock], [], [], 0)
        except (OSError, ValueError):
            return
        if not readable:
            continue
        try:
            data = sock.recv(1, socket.MSG_PEEK)
        except (BlockingIOError, InterruptedError):
            continue
        except OSError:
            data = b""
        if not data:
            ctx.cancel("connection closed")
        return  # closed, or a pipelined request: the connection lives


def _exit_with_parent():
    """Ends this process when its parent dies (Linux's parent-death signal;
    elsewhere a thread that watches the parent id)."""
    parent = os.getppid()
    if parent == 1:
        # The parent died before we got here (a slow interpreter start): the
        # signal below would never come.
        os._exit(0)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM) == 0:
            if os.getppid() != parent:  # it died while the signal was set
                os._exit(0)
            return
    except (OSError, AttributeError):
        pass

    def watch():
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def serve(*components, argv=None):
    """Command-line entry: serves `components` until SIGTERM or Ctrl-C.

    --listen HOST:PORT (default 127.0.0.1:9000; port 0 = any free port),
    --prefix /path, --max-request-bytes N, --exit-with-parent, --verbose.
    Prints "listening on http://HOST:PORT" once ready.
    """
    parser = argparse.ArgumentParser(description="HiveMind component: " + ", ".join(c.name for c in components))
    parser.add_argument("--listen", default=os.environ.get("HIVEMIND_COMPONENT_LISTEN", "127.0.0.1:9000"))
    parser.add_argument("--prefix", default="")
    parser.add_argument("--max-request-bytes", type=int, default=16 * 1024 * 1024)
    parser.add_argument("--max-concurrent", type=int, default=32)
    parser.add_argument("--drain-seconds", type=float, default=30.0,
                        help="on SIGTERM, how long running attempts may finish before they are cancelled")
    parser.add_argument("--exit-with-parent", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(asctime)s %(message)s")
    host, _, port = args.listen.rpartition(":")
    if not host or not port.isdigit():
        parser.error("--listen wants HOST:PORT")
    if args.exit_with_parent:
        _exit_with_parent()
    try:
        server = ComponentServer(
            components,
            host.strip("[]"),
            int(port),
            prefix=args.prefix,
            max_request_bytes=args.max_request_bytes,
            max_concurrent=args.max_concurrent,
        )
    except DeclarationError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"error: cannot listen on {args.listen}: {e}", file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown, daemon=True).start())
    print(f"listening on {server.url}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        # No new requests from here on; what runs may finish (a rolling
        # restart should not cut attempts off), then it is cancelled.
        drained = server.drain(args.drain_seconds)
        server.server_close()
        if not drained:
            print("stopped with attempts still running: they were cancelled", file=sys.stderr, flush=True)
    return 0
