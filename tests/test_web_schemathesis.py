"""Property-based run of the OpenAPI spec: no request, however odd, makes the server error."""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from reportedly.web import create_app  # noqa: E402

pytestmark = pytest.mark.model


APP = create_app(max_bytes=50_000)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(autouse=True, scope="module")
def _app_state(analyzer, example_text, tmp_path_factory):
    from reportedly.web.store import StoreReader
    from web_support import build_store

    # The app loads its Analyzer lazily; hand it the session's so spaCy is loaded once. A small
    # store makes the corpus endpoints do real work instead of answering "no store".
    APP.state.library._analyzer = analyzer
    APP.state.library.store = StoreReader(build_store(tmp_path_factory.mktemp("st") / "c.db", analyzer, example_text))


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_errors(case):
    response = case.call()
    case.validate_response(response, checks=[not_a_server_error])
    if response.status_code >= 400:
        body = response.json()
        assert body["ok"] is False and body["status"] == response.status_code
