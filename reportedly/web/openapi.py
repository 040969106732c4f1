"""The API description as OpenAPI 3.0, which the bundled Swagger UI (4.x) can render.

FastAPI writes OpenAPI 3.1; Swagger UI before 5.0 answers "Unable to render this definition" for
it. Our schemas use little of 3.1, and each use has a 3.0 spelling: a type or null is
``nullable``, a list of ``examples`` is one ``example``, ``const`` is a one-value ``enum``,
a numeric ``exclusiveMinimum``/``exclusiveMaximum`` is the bound with the flag set.
"""
from __future__ import annotations

from fastapi.openapi.utils import get_openapi

ERROR_SCHEMA = {
    "type": "object",
    "description": "The one error body of the app",
    "required": ["ok", "error", "status"],
    "properties": {
        "ok": {"type": "boolean", "enum": [False]},
        "error": {"type": "string", "description": "what went wrong and what to do"},
        "status": {"type": "integer", "description": "the HTTP status, repeated"},
    },
}


def openapi_30(app) -> dict:
    """The app's OpenAPI description, written as OpenAPI 3.0.3 (cached on the app)."""
    if app.openapi_schema is None:
        spec = get_openapi(title=app.title, version=app.version, summary=app.summary, routes=app.routes)
        spec = to_30(spec)
        spec["openapi"] = "3.0.3"
        spec.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
        # 3.0 has no top-level summary; it goes in the description.
        summary = spec["info"].pop("summary", None)
        if summary:
            spec["info"].setdefault("description", summary)
        app.openapi_schema = spec
    return app.openapi_schema


def to_30(node):
    """A JSON Schema (3.1 dialect) node and everything under it, in OpenAPI 3.0's dialect."""
    if isinstance(node, list):
        return [to_30(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: to_30(value) for key, value in node.items()}
    for key in ("anyOf", "oneOf"):
        options = node.get(key)
        if isinstance(options, list) and {"type": "null"} in options:
            rest = [o for o in options if o != {"type": "null"}]
            del node[key]
            if len(rest) == 1:
                node.update(rest[0])
            else:
                node[key] = rest
            node["nullable"] = True
    if isinstance(node.get("type"), list):
        types = [t for t in node["type"] if t != "null"]
        if len(types) < len(node["type"]):
            node["nullable"] = True
        node["type"] = types[0] if len(types) == 1 else node["type"]
    if isinstance(node.get("examples"), list) and "example" not in node and not _is_media(node):
        examples = node.pop("examples")
        if examples:
            node["example"] = examples[0]
    if "const" in node:
        node["enum"] = [node.pop("const")]
    for bound, plain in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if isinstance(node.get(bound), (int, float)) and not isinstance(node.get(bound), bool):
            node[plain] = node.pop(bound)
            node[bound] = True
    return node


def _is_media(node: dict) -> bool:
    # A media type object's ``examples`` is a map of named examples in 3.0 too.
    return "schema" in node and isinstance(node.get("examples"), dict)
