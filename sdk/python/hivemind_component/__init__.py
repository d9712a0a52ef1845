"""HiveMind component SDK for Python (standard library only).

Declare a component (name, version, ports, config schema), implement
run(ctx, inputs), and serve it; the SDK speaks the component protocol
(docs/component-protocol.md): /execute, /cancel, /health, /interface,
validation, errors, cancellation, deadlines and blobs.
"""

__version__ = "1.0.0"

from .context import Context  # noqa: E402
from .errors import (  # noqa: E402
    Cancelled,
    ComponentError,
    DeadlineExceeded,
    DeclarationError,
    RetryableError,
    ValidationError,
)
from .interface import Component, Port, Result, component, is_blob_ref  # noqa: E402
from .schema import validate  # noqa: E402
from .server import ComponentServer, serve  # noqa: E402

__all__ = [
    "Cancelled",
    "Component",
    "ComponentError",
    "ComponentServer",
    "Context",
    "DeadlineExceeded",
    "DeclarationError",
    "Port",
    "Result",
    "RetryableError",
    "ValidationError",
    "component",
    "is_blob_ref",
    "serve",
    "validate",
]
