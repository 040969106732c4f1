"""Shared helpers for the web tests."""
from __future__ import annotations

HOSTILE = (
    "Hostile headline <script>window.__pwned = 1</script>\n\n"
    "The mayor said \"<img src=x onerror=\"window.__pwned=2\"> is fine\" on Monday. "
    "Officials said the <b>bridge</b> would reopen, according to a statement.\n"
)


def assert_error_shape(response, status: int) -> dict:
    """The one error body of the app: exactly ok/error/status, status matching the response."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status and isinstance(body["error"], str) and body["error"]
    return body
