"""What a component declares: its name, version, ports and config schema,
and the checks of config, inputs and outputs against them.

The declaration is served as `GET /interface` (docs/component-protocol.md):
the server stores it at registration and the flow editor builds forms from
it, so it is checked here at start-up rather than discovered by a refused
registration.
"""

import base64
import re

from . import schema as js
from .errors import DeclarationError, ValidationError

PORT_TYPES = ("string", "integer", "number", "boolean", "bytes", "object", "array", "any")
# Semantic versions as the server requires them (MAJOR.MINOR.PATCH with
# optional pre-release and build parts).
_SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$"
)
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
_MISSING = object()


def is_blob_ref(value):
    """`{"$ref": "blob:<id>"}`, an object with exactly that member."""
    return (
        isinstance(value, dict)
        and len(value) == 1
        and isinstance(value.get("$ref"), str)
        and value["$ref"].startswith("blob:")
    )


def port_type_matches(value, port_type):
    if port_type == "any":
        return True
    if port_type == "bytes":
        # base64 text, or a reference to a blob
        return isinstance(value, str) or is_blob_ref(value)
    return js.type_matches(value, port_type)


class Port:
    """One input or output port: name, type, and optionally required,
    default, description and `schema` (JSON Schema of the value)."""

    def __init__(self, name, type="any", required=False, default=_MISSING, description="", schema=None):
        self.name = name
        self.type = type
        self.required = bool(required)
        self.default = default
        self.description = description
        self.schema = schema

    @property
    def has_default(self):
        return self.default is not _MISSING

    def check(self, where):
        if not isinstance(self.name, str) or not self.name:
            raise DeclarationError(f"{where}: a port needs a name")
        if self.type not in PORT_TYPES:
            raise DeclarationError(f"{where} \"{self.name}\": unknown type \"{self.type}\" (one of {', '.join(PORT_TYPES)})")
        if self.schema is not None:
            js.check_schema(self.schema, f"{where} \"{self.name}\" schema")
        if self.has_default and not port_type_matches(self.default, self.type):
            raise DeclarationError(f"{where} \"{self.name}\": the default is not of type {self.type}")

    def to_json(self, is_input):
        out = {"name": self.name, "type": self.type}
        if self.description:
            out["description"] = self.description
        if is_input:
            out["required"] = self.required
            if self.has_default:
                out["default"] = self.default
        if self.schema is not None:
            out["schema"] = self.schema
        return out


class Result:
    """What run() may return instead of a plain outputs dict: the outputs,
    the output handle taken (for components with several) and log lines."""

    def __init__(self, outputs=None, handle=None, logs=None):
        self.outputs = outputs or {}
        self.handle = handle
        self.logs = list(logs or [])


class Component:
    """Base class of a component. Set the class attributes and implement
    run(ctx, inputs); return a dict of outputs (or a Result).

        class Greet(Component):
            name = "greet"
            version = "1.0.0"
            inputs = [Port("who", "string", required=True)]
            outputs = [Port("greeting", "string")]

            def run(self, ctx, inputs):
                return {"greeting": "hello " + inputs["who"]}
    """

    name = None
    version = "1.0.0"
    description = ""
    inputs = []
    outputs = []
    config_schema = None
    output_handles = None  # default ["default"]

    def run(self, ctx, inputs):  # pragma: no cover - the author's part
        raise NotImplementedError("implement run(ctx, inputs)")

    def health(self):
        """"healthy", or another status (say "degraded") with an optional
        message as a (status, message) tuple. Called on every GET /health."""
        return "healthy"

    # -- declaration ---------------------------------------------------

    def check_declaration(self):
        where = f"component {self.name!r}"
        if not isinstance(self.name, str) or not _NAME.match(self.name):
            raise DeclarationError(f"{where}: the name must be 1-128 characters of letters, digits, '_', '.', '-'")
        if not isinstance(self.version, str) or not _SEMVER.match(self.version):
            raise DeclarationError(f"{where}: version {self.version!r} is not a semantic version (1.2.3)")
        for kind, ports in (("input", self.inputs), ("output", self.outputs)):
            seen = set()
            for port in ports:
                if not isinstance(port, Port):
                    raise DeclarationError(f"{where}: {kind}s must be Port objects")
                port.check(f"{where} {kind}")
                if port.name in seen:
                    raise DeclarationError(f"{where}: {kind} \"{port.name}\" is declared twice")
                seen.add(port.name)
        if self.config_schema is not None:
            js.check_schema(self.config_schema, f"{where} configSchema")
        if self.output_handles is not None and (
            not self.output_handles or not all(isinstance(h, str) and h for h in self.output_handles)
        ):
            raise DeclarationError(f"{where}: output_handles must be non-empty names")

    def interface(self):
        """The interface definition served by GET /interface."""
        out = {
            "name": self.name,
            "version": self.version,
            "description": self.description,
            "inputs": [p.to_json(True) for p in self.inputs],
            "outputs": [p.to_json(False) for p in self.outputs],
        }
        if self.config_schema is not None:
            out["configSchema"] = self.config_schema
        if self.output_handles is not None:
            out["outputHandles"] = list(self.output_handles)
        return out

    # -- checks of one request -----------------------------------------

    def checked_config(self, config):
        """`config` with schema defaults applied; ValidationError naming the
        first problem (the engine validated it already; this guards
        against other callers and version skew)."""
        if config is None:
            config = {}
        if not isinstance(config, dict):
            raise ValidationError("config must be an object", field="config", reason="type")
        if self.config_schema is None:
            return config
        config = js.apply_defaults(config, self.config_schema)
        problems = js.validate(config, self.config_schema, "config")
        if problems:
            raise _validation_error(problems)
        return config

    def checked_inputs(self, inputs):
        """The inputs with defaults applied, checked against each port's
        type, `required` and `schema`. Undeclared inputs are passed on
        unchanged (a flow may map more than the interface names)."""
        if inputs is None:
            inputs = {}
        if not isinstance(inputs, dict):
            raise ValidationError("inputs must be an object", field="inputs", reason="type")
        result = dict(inputs)
        problems = []
        for port in self.inputs:
            path = f"inputs.{port.name}"
            value = result.get(port.name)
            if value is None:
                if port.has_default:
                    result[port.name] = port.default
                    continue
                if port.required:
                    problems.append(js.Problem(path, "required", "is required"))
                continue
            if not port_type_matches(value, port.type):
                problems.append(js.Problem(path, "type", f"must be {port.type}, not {js.json_type(value)}"))
                continue
            if port.schema is not None and not is_blob_ref(value):
                problems.extend(js.validate(value, port.schema, path))
        if problems:
            raise _validation_error(problems)
        return result

    def output_problems(self, outputs, handle):
        """Why the outputs do not fit the declaration (a component bug)."""
        declared = {p.name: p for p in self.outputs}
        problems = []
        for name, value in outputs.items():
            port = declared.get(name)
            if port is None:
                if declared:
                    problems.append(f"output \"{name}\" is not declared")
                continue
            if value is None or is_blob_ref(value):
                # Any port may carry a blob reference; the engine resolves
                # it for ports that are not bytes or any.
                continue
            if not port_type_matches(value, port.type):
                problems.append(f"output \"{name}\" must be {port.type}, not {js.json_type(value)}")
            elif port.schema is not None:
                problems.extend(str(p) for p in js.validate(value, port.schema, f"outputs.{name}"))
        handles = self.output_handles or ["default"]
        if handle is not None and handle not in handles:
            problems.append(f"handle \"{handle}\" is not one of {', '.join(handles)}")
        elif handle is None and "default" not in handles:
            # The engine would take "default", which this component lacks.
            problems.append(f"no handle chosen: return Result(outputs, handle=...) with one of {', '.join(handles)}")
        return problems


def _validation_error(problems):
    first = problems[0]
    message = str(first)
    if len(problems) > 1:
        message += f" (and {len(problems) - 1} more)"
    return ValidationError(
        message,
        field=first.path,
        reason=first.keyword,
        details={"problems": [{"field": p.path, "code": p.keyword, "message": p.message} for p in problems[:20]]},
    )


def component(name, version="1.0.0", description="", inputs=(), outputs=(), config_schema=None, output_handles=None):
    """Decorator: a function run(ctx, inputs) becomes a Component.

        @component("greet", inputs=[Port("who", "string", required=True)],
                   outputs=[Port("greeting", "string")])
        def greet(ctx, inputs):
            return {"greeting": "hello " + inputs["who"]}
    """

    def wrap(function):
        cls = type(
            function.__name__,
            (Component,),
            {
                "name": name,
                "version": version,
                "description": description or (function.__doc__ or "").strip(),
                "inputs": list(inputs),
                "outputs": list(outputs),
                "config_schema": config_schema,
                "output_handles": output_handles,
                "run": lambda self, ctx, values: function(ctx, values),
            },
        )
        return cls()

    return wrap


def decode_base64(text, field):
    try:
        return base64.b64decode(text, validate=True)
    except (ValueError, TypeError):
        raise ValidationError(f"{field}: not valid base64", field=field, reason="bytes") from None
