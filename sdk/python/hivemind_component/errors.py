"""Errors a component raises, and how each becomes a protocol error.

The engine reads `error.code`, `error.message` and `retryable` from a
`{"status": "error"}` reply (docs/component-protocol.md, "Reply"). Codes
from HiveMind's catalogue keep their meaning; any other code fails the node
with INTERNAL_ERROR and is kept as `component_code`.
"""

# Errors the component reports itself are about this input and would fail
# the same way again, so the protocol's default is "not retryable".


class ComponentError(Exception):
    """A failure the component reports: code, message, retryable."""

    default_code = "INTERNAL_ERROR"
    default_retryable = False

    def __init__(self, message, code=None, retryable=None, details=None):
        super().__init__(message)
        self.message = str(message)
        self.code = code or self.default_code
        self.retryable = self.default_retryable if retryable is None else bool(retryable)
        self.details = dict(details or {})

    def to_error(self):
        """The `error` object of the reply."""
        error = {"code": self.code, "message": self.message}
        if self.details:
            error["details"] = self.details
        return error


class ValidationError(ComponentError):
    """Bad config or inputs: VALIDATION_ERROR, never retried.

    `field` names what was wrong (`inputs.width`, `config.quality`, ...).
    """

    default_code = "VALIDATION_ERROR"

    def __init__(self, message, field=None, reason=None, details=None):
        merged = dict(details or {})
        if field:
            merged.setdefault("field", field)
        if reason:
            merged.setdefault("code", reason)
        super().__init__(message, details=merged)
        self.field = field
        self.reason = reason


class RetryableError(ComponentError):
    """A transient cause (a dependency briefly down, a rate limit): the
    engine's retry policy may try again. SERVICE_UNAVAILABLE by default."""

    default_code = "SERVICE_UNAVAILABLE"
    default_retryable = True


# Cancelled derives from BaseException, as asyncio.CancelledError does: a
# component's own `except Exception:` must not swallow a cancellation.
class Cancelled(BaseException):
    """Raised by Context.check_cancelled() once the attempt is cancelled
    (a /cancel request, the engine hanging up, or the deadline)."""

    def __init__(self, reason="cancelled"):
        super().__init__(reason)
        self.reason = reason


class DeadlineExceeded(Cancelled):
    """The attempt's `deadline_ms` has passed."""

    def __init__(self):
        super().__init__("deadline")


class DeclarationError(ValueError):
    """A component's declared interface is not valid (raised at start-up,
    before anything is served)."""
