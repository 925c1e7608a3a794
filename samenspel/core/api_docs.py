"""The API's documentation page, rendered on the server from the OpenAPI document.

Swagger UI (what django-ninja ships) was measured here and fails the site's rules: axe
finds nested interactive controls in every operation, low contrast and small targets, and
it needs script. This page is plain HTML in the site's own layout: no script, nothing
inline, nothing from another host, and every operation and schema on one page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from ninja.openapi.docs import DocsBase

if TYPE_CHECKING:
    from ninja import NinjaAPI

METHODS = ("get", "post", "put", "patch", "delete")
REF_PREFIX = "#/components/schemas/"


@dataclass
class Piece:
    """Part of a type's name: plain text, or a schema to link to."""

    text: str
    schema: str = ""


@dataclass
class Property:
    name: str
    type: list[Piece]
    required: bool
    description: str


@dataclass
class Operation:
    anchor: str
    method: str
    path: str
    summary: str
    description: str
    security: list[str]
    parameters: list[Property]
    body: str
    responses: list[tuple[str, str, list[Piece]]]


@dataclass
class Group:
    tag: str
    operations: list[Operation] = field(default_factory=list)


@dataclass
class Schema:
    name: str
    description: str
    properties: list[Property]


class ApiDocs(DocsBase):
    """django-ninja's hook for the docs page, with our template instead of Swagger UI."""

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        document = dict(api.get_openapi_schema(path_params=kwargs))
        return render(request, "core/api_docs.html", {
            "info": document["info"],
            "openapi_url": reverse(f"{api.urls_namespace}:openapi-json", kwargs=kwargs),
            "groups": operation_groups(document),
            "schemas": schemas(document),
        })


def operation_groups(document: dict[str, Any]) -> list[Group]:
    """The operations by tag, in the order the API declares them."""
    groups: dict[str, Group] = {}
    for path, item in document.get("paths", {}).items():
        for method in METHODS:
            if method not in item:
                continue
            spec = item[method]
            tag = (spec.get("tags") or ["api"])[0]
            groups.setdefault(tag, Group(tag)).operations.append(operation(path, method, spec))
    return list(groups.values())


def operation(path: str, method: str, spec: dict[str, Any]) -> Operation:
    body = spec.get("requestBody", {}).get("content", {}).get("application/json", {})
    return Operation(
        anchor=spec.get("operationId", f"{method}-{path}"),
        method=method.upper(),
        path=path,
        summary=spec.get("summary", ""),
        description=spec.get("description", ""),
        security=sorted({name for option in spec.get("security", []) for name in option}),
        parameters=[
            Property(
                name=f"{p['name']} ({p['in']})", type=type_pieces(p.get("schema", {})),
                required=bool(p.get("required")),
                description=p.get("description", p.get("schema", {}).get("description", "")),
            )
            for p in spec.get("parameters", [])
        ],
        body=reference_name(body.get("schema", {})),
        responses=[
            (status, answer.get("description", ""), type_pieces(
                answer.get("content", {}).get("application/json", {}).get("schema", {})
            ))
            for status, answer in spec.get("responses", {}).items()
        ],
    )


def schemas(document: dict[str, Any]) -> list[Schema]:
    found = document.get("components", {}).get("schemas", {})
    return [
        Schema(
            name=name,
            description=spec.get("description", ""),
            properties=[
                Property(
                    name=prop_name, type=type_pieces(prop),
                    required=prop_name in spec.get("required", []),
                    description=prop.get("description", ""),
                )
                for prop_name, prop in spec.get("properties", {}).items()
            ],
        )
        for name, spec in sorted(found.items())
    ]


def reference_name(schema: dict[str, Any]) -> str:
    ref = schema.get("$ref", "")
    return str(ref).removeprefix(REF_PREFIX) if ref.startswith(REF_PREFIX) else ""


def type_pieces(schema: dict[str, Any] | bool) -> list[Piece]:
    """A JSON Schema type in words: "list of NoteOut", "integer or null", "one of: a, b"."""
    if not isinstance(schema, dict):  # `true`: anything goes
        return [Piece("any")]
    if not schema:
        return []
    name = reference_name(schema)
    if name:
        return [Piece(name, name)]
    if "anyOf" in schema:
        pieces: list[Piece] = []
        for n, option in enumerate(schema["anyOf"]):
            if n:
                pieces.append(Piece(" or "))
            pieces.extend(type_pieces(option))
        return pieces
    if "enum" in schema:
        return [Piece("one of: " + ", ".join(str(v) for v in schema["enum"]))]
    kind = schema.get("type", "any")
    if kind == "array":
        return [Piece("list of "), *type_pieces(schema.get("items", {}))]
    if kind == "object" and "additionalProperties" in schema:
        return [Piece("map to "), *type_pieces(schema["additionalProperties"])]
    limits = [schema["format"]] if "format" in schema else []
    for key, words in LIMITS.items():
        # A maximum beyond 2**53 is the database's range for ids, not a rule worth reading.
        if key in schema and not (key == "maximum" and schema[key] > 2**53):
            limits.append(f"{words} {schema[key]}")
    return [Piece(f"{kind} ({', '.join(limits)})" if limits else str(kind))]


LIMITS = {
    "minLength": "min. length", "maxLength": "max. length", "minimum": "min.", "maximum": "max.",
}
