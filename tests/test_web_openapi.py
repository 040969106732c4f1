"""The OpenAPI document: every reference resolves, analyses are described by the output schema,
and the docs page is where users look for it (no model: a stand-in analyzer)."""
from __future__ import annotations

import json

import jsonschema
import pytest
from fastapi.testclient import TestClient

import reportedly
from reportedly.model import Analysis
from reportedly.serialize import output_schema
from reportedly.web import create_app


class BareAnalyzer:
    """Returns the article with no attributions: enough for the response's shape."""

    def analyze(self, article):
        return Analysis(article.id, article)


@pytest.fixture(scope="module")
def client():
    return TestClient(create_app(analyzer=BareAnalyzer()))


@pytest.fixture(scope="module")
def spec(client):
    return client.get("/openapi.json").json()


def _refs(node):
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def test_every_reference_resolves(spec):
    refs = set(_refs(spec))
    assert "#/components/schemas/Analysis" in refs and "#/components/schemas/Error" in refs
    for ref in refs:
        node = spec
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]


def _response_schema(spec, path, method):
    schema = spec["paths"][path][method]["responses"]["200"]["content"]["application/json"]["schema"]
    # Resolved against the whole document, as a client generator would.
    return {**schema, "components": spec["components"]}


@pytest.mark.parametrize("path, method", [("/api/analyze", "post"), ("/api/articles/{article_id}", "get")])
def test_analysis_responses_use_the_output_schema(spec, path, method):
    assert spec["paths"][path][method]["responses"]["200"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Analysis"}
    described = spec["components"]["schemas"]["Analysis"]
    assert described["required"] == output_schema()["required"] and "$defs" not in json.dumps(described)


def test_a_response_validates_against_the_described_schema(client, spec):
    body = client.post("/api/analyze", json={"text": "The council met on Monday to discuss the budget."}).json()
    schema = _response_schema(spec, "/api/analyze", "post")
    jsonschema.Draft202012Validator(schema).validate(body)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate({**body, "schema": "reportedly/2"})
    stored = client.get(f"/api/articles/{body['id']}").json()
    jsonschema.Draft202012Validator(_response_schema(spec, "/api/articles/{article_id}", "get")).validate(stored)


def test_an_error_body_matches_the_error_schema(client, spec):
    body = client.post("/api/analyze", json={}).json()
    jsonschema.Draft202012Validator({**spec["components"]["schemas"]["Error"]}).validate(body)


def test_docs_page_and_redoc_address(client, spec):
    page = client.get("/docs")
    assert page.status_code == 200 and "/static/swagger/swagger-ui-bundle.js" in page.text and "/openapi.json" in page.text
    redirect = client.get("/redoc", follow_redirects=False)
    assert redirect.status_code == 308 and redirect.headers["location"] == "/docs"
    assert spec["info"]["version"] == reportedly.__version__
