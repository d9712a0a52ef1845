"""The context of one attempt: who it is for, its config, cancellation,
its deadline, logs, and blob access."""

import base64
import json
import threading
import time

from . import interface
from .blobs import BlobClient
from .errors import Cancelled, ComponentError, DeadlineExceeded, ValidationError


class Context:
    """Handed to run(ctx, inputs). Long work should call check_cancelled()
    now and then (or test `ctx.cancelled`): the engine gives up on an
    attempt when it is cancelled, killed or past its deadline, and the SDK
    can only stop the work where run() cooperates."""

    def __init__(self, request, config, now=time.monotonic):
        self.execution_id = str(request.get("execution_id", ""))
        self.node_id = str(request.get("node_id", ""))
        self.component = str(request.get("component", ""))
        self.version = str(request.get("version", ""))
        attempt = request.get("attempt", 1)
        self.attempt = attempt if isinstance(attempt, int) and not isinstance(attempt, bool) else 1
        self.config = config
        self.logs = []
        self._now = now
        self._started = now()
        deadline_ms = request.get("deadline_ms")
        self.deadline = (
            self._started + deadline_ms / 1000.0
            if isinstance(deadline_ms, (int, float)) and not isinstance(deadline_ms, bool) and deadline_ms > 0
            else None
        )
        self._cancelled = threading.Event()
        self.cancel_reason = None
        blob = request.get("blob")
        self.blobs = None
        if isinstance(blob, dict) and isinstance(blob.get("base_url"), str) and blob.get("base_url"):
            self.blobs = BlobClient(blob["base_url"], str(blob.get("token", "")), timeout=self._call_timeout)

    # -- cancellation and time -----------------------------------------

    @property
    def cancelled(self):
        """True once the attempt is cancelled or past its deadline."""
        return self._cancelled.is_set() or self.deadline_passed

    @property
    def deadline_passed(self):
        return self.deadline is not None and self._now() >= self.deadline

    def remaining(self):
        """Seconds left before the deadline (None without one)."""
        return None if self.deadline is None else max(0.0, self.deadline - self._now())

    def check_cancelled(self):
        """Raises Cancelled (or DeadlineExceeded) once the attempt should
        stop. The SDK turns both into the protocol's error answer."""
        if self._cancelled.is_set():
            raise Cancelled(self.cancel_reason or "cancelled")
        if self.deadline_passed:
            raise DeadlineExceeded()

    def sleep(self, seconds):
        """Waits like time.sleep, but wakes up and raises Cancelled as soon
        as the attempt is cancelled."""
        end = self._now() + seconds
        while True:
            self.check_cancelled()
            left = end - self._now()
            if left <= 0:
                return
            wait = left if self.deadline is None else min(left, max(0.0, self.deadline - self._now()))
            self._cancelled.wait(max(0.0, min(wait, 0.5)))

    def process_batch(self, items, processor, check_interval=100):
        """Calls processor(item) for each item, checking for cancellation
        every `check_interval` items (seed 003 §9's helper); returns the
        results in order."""
        results = []
        for i, item in enumerate(items):
            if i % max(1, check_interval) == 0:
                self.check_cancelled()
            results.append(processor(item))
        return results

    def cancel(self, reason):
        """Called by the SDK (a /cancel request, a closed connection)."""
        if not self._cancelled.is_set():
            self.cancel_reason = reason
            self._cancelled.set()

    def elapsed_ms(self):
        return int((self._now() - self._started) * 1000)

    def _call_timeout(self):
        left = self.remaining()
        return 60.0 if left is None else left

    # -- logs ----------------------------------------------------------

    def log(self, message):
        """A line for the execution log (sent with the reply). Do not log
        secrets: the server masks what it knows, but not everything."""
        self.logs.append(str(message))

    # -- values and blobs ----------------------------------------------

    def _require_blobs(self):
        if self.blobs is None:
            raise ComponentError(
                "the engine gave this attempt no blob access (no blob endpoint configured)",
                code="SERVICE_UNAVAILABLE",
            )
        return self.blobs

    def read_bytes(self, value, field="input"):
        """The bytes of a `bytes` port's value: base64 text, or a blob
        reference read through the blob endpoint."""
        if isinstance(value, (bytes, bytearray)):
            return bytes(value)
        if isinstance(value, str):
            return interface.decode_base64(value, field)
        if interface.is_blob_ref(value):
            data, content_type = self._require_blobs().read(value)
            if _is_json(content_type):
                # A large value the engine stored itself: its JSON text (for
                # a bytes port, a base64 string).
                decoded = json.loads(data.decode("utf-8"))
                if isinstance(decoded, str):
                    return interface.decode_base64(decoded, field)
                return data
            return data
        raise ValidationError(f"{field}: expected base64 text or a blob reference", field=field, reason="type")

    def resolve(self, value):
        """A value with a blob reference replaced by what it refers to: the
        JSON value for JSON blobs, bytes for byte blobs. Other values are
        returned as they are."""
        if not interface.is_blob_ref(value):
            return value
        data, content_type = self._require_blobs().read(value)
        return json.loads(data.decode("utf-8")) if _is_json(content_type) else data

    def write_blob(self, data, content_type="application/octet-stream"):
        """Stores bytes as a blob of this execution; returns the reference
        to put in an output."""
        return self._require_blobs().write(bytes(data), content_type)

    def write_json_blob(self, value):
        return self._require_blobs().write_json(value)

    def encode_bytes(self, data, inline_limit):
        """An output value for bytes: base64 text when small, a blob when
        larger than `inline_limit` and blob access exists."""
        if len(data) > inline_limit and self.blobs is not None:
            return self.write_blob(data)
        return base64.b64encode(data).decode("ascii")


def _is_json(content_type):
    media = (content_type or "").split(";")[0].strip().lower()
    return media == "application/json" or media.endswith("+json")
