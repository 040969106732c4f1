"""Browser tests in real headless Chromium (Debian's package, driven by Playwright for Python).

uvicorn serves the app once per session on a free loopback port; screenshots go to
``artifacts/screenshots/`` (gitignored) for a person to look at.
"""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.model]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(analyzer, example_text, tmp_path_factory):
    uvicorn = pytest.importorskip("uvicorn")
    from reportedly.web import create_app
    from reportedly.web.store import StoreReader
    from web_support import build_store

    store = StoreReader(build_store(tmp_path_factory.mktemp("store") / "corpus.db", analyzer, example_text))
    port = _free_port()
    config = uvicorn.Config(create_app(analyzer=analyzer, store=store), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(5)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    # Console errors include Content-Security-Policy violations and failed asset loads.
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.errors = errors
    yield pg
    context.close()


def _shot(page, name: str, full: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def test_analyze_example_through_the_form(server, page, example_text):
    page.goto(server + "/")
    _shot(page, "01-analyze")
    page.fill("#text", example_text)
    page.click("button[type=submit]")
    page.wait_for_url("**/articles/**")
    assert page.locator(".hl-source").count() > 3
    assert page.locator(".hl-cue").count() > 3
    assert page.locator(".hl-content").count() > 3
    assert page.locator(".speaker h3", has_text="Lukashenko").count() >= 1
    _shot(page, "02-article", full=True)
    # Hovering a statement shows its speaker (and its chain, when provenance is there).
    first = page.locator("#article-text .hl-source").first
    first.hover()
    assert page.locator("#focus-body").is_visible()
    assert page.locator("#focus-speaker").inner_text().strip()
    assert page.locator("#article-text .is-active").count() >= 1
    _shot(page, "03-article-hover")
    # Selecting a statement in the side panel marks it in the text and shows its chain
    # outlet › … › speaker as breadcrumbs (provenance).
    button = page.locator("button.statement").nth(0)
    chain = button.locator("ol.chain li").all_inner_texts()
    assert len(chain) >= 2
    button.click()
    assert page.locator("button.statement.is-active").count() == 1
    assert page.locator("#focus-chain li").all_inner_texts() == chain
    page.wait_for_timeout(400)  # let the smooth scroll settle before the screenshot
    _shot(page, "04-article-selected")
    assert page.errors == []


def test_hostile_article_runs_nothing(server, page):
    from web_support import HOSTILE

    page.goto(server + "/")
    page.fill("#text", HOSTILE)
    page.click("button[type=submit]")
    page.wait_for_url("**/articles/**")
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned = 1</script>" in page.locator("#article-text").inner_text()
    assert page.locator("#article-text img, #article-text script, #article-text b").count() == 0
    _shot(page, "05-hostile")
    assert page.errors == []


def test_speaker_search_trace_and_graph(server, page):
    page.goto(server + "/speakers")
    page.click("text=Alexander Lukashenko")
    page.wait_for_url("**/speakers/Alexander%20Lukashenko")
    assert page.locator("h1").inner_text().startswith("Alexander Lukashenko")
    assert page.locator("ul.statements-list li").count() >= 3
    _shot(page, "06-speaker", full=True)
    page.goto(server + "/search")
    page.fill("#q", "bridge reopen")
    page.click("form.search button[type=submit]")
    page.wait_for_url("**/search?q=bridge*")
    assert page.locator(".hit mark").count() >= 2
    _shot(page, "07-search")
    page.locator("text=where else this statement appeared").first.click()
    page.wait_for_url("**/trace?text=*")
    assert page.locator("ol.timeline li").count() >= 2
    _shot(page, "08-trace")
    page.goto(server + "/graph")
    assert page.locator("svg.graph .node").count() >= 2
    _shot(page, "09-graph")
    assert page.errors == []


def test_api_docs_page_renders_the_analysis_schema(server, page):
    # FastAPI writes OpenAPI 3.1; a Swagger UI older than 5 shows "Unable to render this
    # definition" instead of the endpoints.
    page.goto(server + "/redoc")
    page.wait_for_url("**/docs")
    page.locator("#operations-api-analyze_api_analyze_post").click()
    page.wait_for_selector("text=The analysis (schema reportedly/1)")
    assert "Unable to render" not in page.content()
    assert page.locator("text=Analysis_span").count() + page.locator("text=\"attributions\"").count() >= 1
    _shot(page, "10-api-docs")
    assert page.errors == []


@pytest.fixture(params=[1400, 400], ids=["1400px", "400px"])
def sized(browser, request):
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.errors, pg.width = errors, request.param
    yield pg
    context.close()


def test_every_page_fits_the_window(server, sized):
    """No page is wider than the window (a 400 px phone included), and the menu is all there."""
    for route in ("/", "/speakers", "/speakers/Alexander%20Lukashenko", "/search?q=bridge", "/articles", "/outlets",
                  "/trace?text=the+bridge+will+reopen+on+Monday", "/graph", "/articles/belarus-military-letter"):
        sized.goto(server + route)
        width = sized.evaluate("document.documentElement.scrollWidth")
        assert width <= sized.width + 1, (route, width)
        assert sized.locator("header.top nav a").last.is_visible()
        _shot(sized, f"11-fit{route.replace('/', '_').split('?')[0] or '_home'}-{sized.width}", full=True)
    assert sized.errors == []


def test_browse_filters_pages_and_exports(server, page):
    page.goto(server + "/speakers?name=Lukash")
    assert page.locator("table.data tbody tr").count() == 1
    page.goto(server + "/articles")
    assert page.locator(".pager").first.inner_text().startswith("1–4 of 4 articles")
    page.goto(server + "/articles?limit=2")
    page.click("a[rel=next]")
    page.wait_for_url("**offset=2*")
    assert page.locator("table.data tbody tr").count() == 2
    page.goto(server + "/outlets")
    page.click("text=Evening Star")
    assert "Evening Star" in page.locator("h1").inner_text()
    csv = page.request.get(server + "/speakers.csv").text()
    assert csv.splitlines()[0] == "name,type,statements,articles"
    _shot(page, "12-outlet")
    assert page.errors == []


def test_highlights_are_reached_by_keyboard(server, page):
    page.goto(server + "/articles/belarus-military-letter")
    stop = page.locator("#article-text [tabindex='0']").first
    stop.focus()
    assert page.locator("#focus-body").is_visible()
    page.keyboard.press("Enter")
    assert page.locator("#article-text .is-active").count() >= 1
    assert page.errors == []


def _axe_script() -> str:
    axe = pytest.importorskip("axe_playwright_python", reason="axe-core comes with axe-playwright-python (pip install '.[test]')")
    return (Path(axe.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("route", ["/articles/belarus-military-letter", "/speakers/Alexander%20Lukashenko",
                                   "/search?q=bridge", "/trace?text=the+bridge+will+reopen+on+Monday", "/"])
def test_no_serious_accessibility_violations(server, sized, route):
    """axe-core (WCAG 2 A/AA rules, colour contrast included) finds nothing serious or critical."""
    script = _axe_script()
    sized.goto(server + route)
    sized.evaluate(script)
    result = sized.evaluate("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']}})")
    assert result["passes"], "axe-core did not run"
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == [], serious
    print(route, sized.width, "axe: passes", len(result["passes"]), "violations",
          [(v["id"], v["impact"]) for v in result["violations"]])
