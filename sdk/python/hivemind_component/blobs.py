"""The server's blob endpoint as a component uses it (docs/component-
protocol.md, "Blobs"): GET and PUT `<blob.base_url>/<id>` with the
execution's token in `X-Execution-Token`.

The token is a secret of the execution: it is never put in an error
message, a log line or an exception text.
"""

import json
import urllib.error
import urllib.request
import uuid

from .errors import ComponentError, RetryableError, ValidationError

# Above this the server refuses a PUT (413 PAYLOAD_TOO_LARGE).
MAX_BLOB_BYTES = 64 * 1024 * 1024
_TOKEN_HEADER = "X-Execution-Token"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """The token header would follow a redirect to any host: the blob
    endpoint never redirects, so a redirect is an error."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


class BlobClient:
    """Reads and writes the blobs of one execution."""

    def __init__(self, base_url, token, timeout=lambda: 60.0):
        self.base_url = base_url.rstrip("/")
        self._token = token
        self._timeout = timeout  # seconds left for a call (the deadline's rest)

    def __repr__(self):  # never the token
        return f"BlobClient({self.base_url!r})"

    def read(self, ref):
        """(content bytes, content type) of `blob:<id>` or `{"$ref": ...}`."""
        blob_id = _blob_id(ref)
        request = urllib.request.Request(f"{self.base_url}/{blob_id}", method="GET")
        request.add_header(_TOKEN_HEADER, self._token)
        with self._open(request, f"reading blob {blob_id}") as reply:
            limit = MAX_BLOB_BYTES + 1
            data = reply.read(limit)
            if len(data) >= limit:
                raise ComponentError(f"blob {blob_id} is larger than {MAX_BLOB_BYTES} bytes", code="PAYLOAD_TOO_LARGE")
            return data, reply.headers.get("Content-Type", "application/octet-stream")

    def write(self, data, content_type="application/octet-stream"):
        """Stores `data` (bytes) as a new blob; its `{"$ref": "blob:<id>"}`."""
        if len(data) > MAX_BLOB_BYTES:
            raise ComponentError(
                f"a blob of {len(data)} bytes is above the {MAX_BLOB_BYTES}-byte limit", code="PAYLOAD_TOO_LARGE"
            )
        blob_id = str(uuid.uuid4())
        for attempt in (1, 2):
            request = urllib.request.Request(f"{self.base_url}/{blob_id}", data=data, method="PUT")
            request.add_header(_TOKEN_HEADER, self._token)
            request.add_header("Content-Type", content_type)
            try:
                with self._open(request, f"writing blob {blob_id}", conflict_ok=attempt == 2):
                    pass
                return {"$ref": f"blob:{blob_id}"}
            except RetryableError:
                # A lost answer: sending the same PUT again is safe, and a
                # 409 for our own fresh id then means the first one arrived.
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def write_json(self, value):
        """Stores one JSON value as a blob (a non-bytes port receives the
        value itself)."""
        body = json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        return self.write(body, "application/json")

    def _open(self, request, what, conflict_ok=False):
        timeout = max(0.5, self._timeout())
        try:
            return _OPENER.open(request, timeout=timeout)
        except urllib.error.HTTPError as e:
            if conflict_ok and e.code == 409:
                return _Empty()
            code, message = _server_error(e)
            if e.code == 404:
                raise ValidationError(f"{what}: not found ({message})", reason="BLOB_NOT_FOUND") from None
            if e.code == 413:
                raise ComponentError(f"{what}: {message}", code="PAYLOAD_TOO_LARGE") from None
            if e.code >= 500 or e.code in (408, 429):
                raise RetryableError(f"{what}: HTTP {e.code} {message}", code="NETWORK_ERROR") from None
            raise ComponentError(f"{what}: HTTP {e.code} {code} {message}".rstrip(), code="INTERNAL_ERROR") from None
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise RetryableError(f"{what}: {reason}", code="NETWORK_ERROR") from None


class _Empty:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _server_error(http_error):
    """(code, message) of the server's error body, if it sent one."""
    try:
        body = json.loads(http_error.read(64 * 1024).decode("utf-8"))
        error = body.get("error", {})
        return str(error.get("code", "")), str(error.get("message", ""))
    except (ValueError, AttributeError, OSError):
        return "", http_error.reason or ""


def _blob_id(ref):
    if isinstance(ref, dict):
        ref = ref.get("$ref")
    if not isinstance(ref, str) or not ref.startswith("blob:") or len(ref) == 5:
        raise ValidationError(f"not a blob reference: {str(ref)[:80]!r}", reason="BLOB_REF")
    blob_id = ref[5:]
    if not all(c.isascii() and (c.isalnum() or c in "-_") for c in blob_id):
        raise ValidationError(f"bad blob id {blob_id[:80]!r}", reason="BLOB_REF")
    return blob_id
