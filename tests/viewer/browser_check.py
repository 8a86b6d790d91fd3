"""Browser test of the viewer pages (``make test-browser``; not part of ``make test``).

Runs headless Chromium (Debian's ``/usr/bin/chromium``, driven by playwright's bundled
driver; nothing is downloaded) on the pages of the corpus run and checks the rendered DOM:
every quote, document, money and date row of every corpus article has its highlighted
span; clicking a row (or pressing Enter on it) scrolls its span into view and flashes it;
a quote leads to its speaker; the index filters and sorts; screenshots are not blank.
``NEWSIE_SCREENSHOTS=docs/img`` also saves the seed article's screenshots there.
"""

import base64
import os
from pathlib import Path

import pytest

from pipeline.viewer import show

CHROMIUM = os.environ.get("NEWSIE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SEED = "00_seed_tokayev_xi_beijing"
CHECKED = ("quotes", "documents", "money", "dates")


@pytest.fixture(scope="module")
def site(corpus_run, tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    return out, show(corpus_run["out"], out)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    pg = ctx.new_page()
    yield pg
    ctx.close()


MISSING_SPANS = """(tables) => {
  const out = [];
  for (const t of tables) {
    for (const tr of document.querySelectorAll(`section[data-table="${t}"] tr.rec`)) {
      const k = tr.dataset.k, mark = document.getElementById(k);
      const box = mark && mark.getBoundingClientRect();
      if (!mark || mark.tagName !== "MARK" || !box || box.width === 0 || box.height === 0
          || !mark.textContent.trim()) { out.push(t + " " + k); }
    }
  }
  return out;
}"""

IN_VIEW = """(k) => {
  const m = document.getElementById(k), r = m.getBoundingClientRect();
  let el = m.parentElement;
  while (el && getComputedStyle(el).overflowY === "visible") { el = el.parentElement; }
  const box = el ? el.getBoundingClientRect() : {top: 0, bottom: innerHeight};
  return r.bottom > Math.max(0, box.top) && r.top < Math.min(innerHeight, box.bottom);
}"""

NOT_BLANK = """async (src) => {
  const img = new Image(); img.src = src; await img.decode();
  const c = document.createElement("canvas"); c.width = img.width; c.height = img.height;
  const g = c.getContext("2d"); g.drawImage(img, 0, 0);
  const d = g.getImageData(0, 0, c.width, c.height).data, colours = new Set();
  let ink = 0;
  for (let i = 0; i < d.length; i += 4 * 7) {
    colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    if (d[i] + d[i + 1] + d[i + 2] < 600) { ink++; }
  }
  return {colours: colours.size, ink: ink / (d.length / 28)};
}"""


def open_article(page, site, article_id):
    out, hrefs = site
    page.goto((out / hrefs[article_id]).as_uri())


def test_every_record_row_has_its_highlighted_span(page, site, corpus_run):
    tables = corpus_run["tables"]
    for article_id in tables["articles"]["article_id"]:
        open_article(page, site, article_id)
        assert page.evaluate(MISSING_SPANS, list(CHECKED)) == [], article_id
        for t in CHECKED:
            n = int((tables[t]["article_id"] == article_id).sum())
            assert page.locator(f'section[data-table="{t}"] tr.rec').count() == n, (article_id, t)


def test_clicking_a_row_scrolls_to_its_span_and_flashes_it(page, site):
    open_article(page, site, SEED)
    rows = page.locator("section[data-table] tr.rec")
    for t in ("dates", "money", "documents", "quotes"):
        row = page.locator(f'section[data-table="{t}"] tr.rec').last
        key = row.get_attribute("data-k")
        page.evaluate("() => document.querySelectorAll('.text, .panels').forEach(e => e.scrollTop = 0)")
        row.scroll_into_view_if_needed()
        row.click()
        assert page.evaluate(IN_VIEW, key), (t, key)
        assert "flash" in page.locator(f"#{key}").get_attribute("class")
    assert rows.count() > 0
    # the keyboard does the same: focus a row, press Enter
    row = page.locator('section[data-table="dates"] tr.rec').first
    row.focus()
    page.keyboard.press("Enter")
    assert page.evaluate(IN_VIEW, row.get_attribute("data-k"))


def test_a_quote_leads_to_its_speaker(page, site):
    open_article(page, site, SEED)
    quote = page.locator("mark.m-quote[data-speaker]").first
    speaker = quote.get_attribute("data-speaker")
    assert page.locator(f"#{speaker}").count() == 1
    quote.hover()
    assert page.locator(".text svg.link path").count() == 1   # the arc from the quote to its speaker
    quote.click()
    assert page.evaluate(IN_VIEW, speaker)
    assert "flash" in page.locator(f"#{speaker}").get_attribute("class")


def test_index_lists_filters_and_sorts(page, site, corpus_run):
    out, _ = site
    page.goto((out / "index.html").as_uri())
    n = len(corpus_run["tables"]["articles"])
    assert page.locator("table.index tbody tr").count() == n
    page.fill("#filter", "seed")
    assert page.locator("table.index tbody tr:visible").count() == 1
    page.fill("#filter", "")
    page.locator("th", has_text="quotes").locator("button").click()
    page.locator("th", has_text="quotes").locator("button").click()
    first = page.locator("table.index tbody tr").first.locator("td").nth(4).inner_text()
    assert int(first) == max(int((corpus_run["tables"]["quotes"]["article_id"] == a).sum())
                             for a in corpus_run["tables"]["articles"]["article_id"])


def test_gold_pages_show_missed_and_spurious_spans(page, corpus_run, seed_gold, tmp_path):
    from pipeline.evaluation.evaluate import evaluate, write_report

    write_report(evaluate(seed_gold, corpus_run["out"]), tmp_path / "report")
    page.goto((tmp_path / "report" / "index.html").as_uri())
    page.locator(f"a[href='a/{SEED}.html']").first.click()
    for status, side in (("missed", "g-"), ("spurious", "p-")):
        row = page.locator(f"tr.rec.st-{status}").first
        key = row.get_attribute("data-k")
        assert key.startswith(side)
        mark = page.locator(f"#{key}")
        assert f"st-{status}" in mark.get_attribute("class") and mark.bounding_box()["width"] > 0
        row.scroll_into_view_if_needed()
        row.click()
        assert page.evaluate(IN_VIEW, key)


@pytest.mark.parametrize("name,width,height", [("viewer-desktop", 1280, 860), ("viewer-phone", 390, 844)])
def test_screenshots_are_not_blank(browser, site, name, width, height):
    ctx = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
    page = ctx.new_page()
    open_article(page, site, SEED)
    png = page.screenshot()
    # readable at this width: the page itself never scrolls sideways (wide tables scroll in their box)
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    if os.environ.get("NEWSIE_SCREENSHOTS"):
        target = Path(os.environ["NEWSIE_SCREENSHOTS"]) / f"{name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png)
    blank = ctx.new_page()
    stats = blank.evaluate(NOT_BLANK, "data:image/png;base64," + base64.b64encode(png).decode())
    ctx.close()
    assert stats["colours"] > 20 and 0.01 < stats["ink"] < 0.9, stats
