"""The page an analyst sees, in a real browser: search a dyad, open an article and see
its highlights, chart the dyad and follow a bar to its events; a hostile article's
markup is shown as text and never runs; a phone's width needs no sideways scrolling."""

from __future__ import annotations

import re
import time

import pytest

pytestmark = pytest.mark.model  # the store is coded by the real model

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 860}
INJECTED = ("main script, main img, main iframe, main [onerror], main [onload], "
            "main [onmouseover], main a[href^='javascript']")


def wait_until(page, expression: str, timeout: float = 10.0) -> None:
    """Poll a JavaScript expression from here: the page's Content-Security-Policy (kept on,
    it is under test) forbids Playwright's wait_for_function, which evaluates strings in
    the page."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"still false after {timeout}s: {expression}"
        page.wait_for_timeout(50)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=LAPTOP)
    opened = context.new_page()
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    opened.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    opened.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    opened.problems = problems
    yield opened
    context.close()


def test_search_a_dyad_open_an_article_and_chart_the_dyad(browser, live_url, page, tmp_path):
    page.goto(live_url + "/")
    page.wait_for_selector("table.events tbody tr")
    page.fill("input[name=a]", "chn")
    page.fill("input[name=b]", "RUS")
    page.click("form.filters button[type=submit]")
    wait_until(page, "location.hash.includes('a=chn')")
    page.wait_for_selector("p.count a.to-chart")
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 5
    for sides in rows.evaluate_all("rows => rows.map(r => [...r.querySelectorAll('.side b')]"
                                   ".map(b => b.textContent.slice(0, 3)).sort().join('-'))"):
        assert sides == "CHN-RUS"
    page.screenshot(path=str(tmp_path / "search.png"))

    # the evidence of an event opens its article, the event chosen
    rows.first.locator("a.snippet").click()
    page.wait_for_selector("#article-text .mark.trigger")
    text = page.locator("#article-text")
    assert text.locator(".mark.actor").count() >= 4
    assert text.locator(".mark.quote").count() >= 1
    assert page.locator(".event-card.chosen").count() == 1
    assert text.locator(".lit").count() >= 2  # the chosen event's trigger and a side
    colours = text.locator(".mark.trigger").evaluate_all(
        "marks => marks.map(m => getComputedStyle(m).backgroundColor)")
    assert colours and all(c not in ("rgba(0, 0, 0, 0)", "transparent") for c in colours)
    card = page.locator(".event-card.chosen").inner_text()
    assert re.search(r"\b\d{3,4} [A-Z][a-z]", card)  # its CAMEO code and name
    assert "PLOVER" in card and "Confidence" in card and "Sentence" in card
    page.screenshot(path=str(tmp_path / "article.png"))

    # back to the search, on to the dyad's chart, and from a bar to its events
    page.go_back()
    page.click("a.to-chart")
    page.wait_for_selector("svg.timeline rect.bar")
    periods = page.locator("svg.timeline a.period:has(rect.bar)")
    assert periods.count() >= 3
    assert page.locator("svg.timeline .goldstein-line").count() == 1
    assert page.locator("svg.timeline rect.bar.q3, svg.timeline rect.bar.q4").count() >= 1
    page.screenshot(path=str(tmp_path / "dyad.png"))
    periods.first.click()
    page.wait_for_selector("section.period-events h2:has-text('Events in the week of')")
    page.wait_for_selector("section.period-events table.events tbody tr")
    assert page.locator("svg.timeline a.period.selected").count() == 1
    assert not page.problems, page.problems
    for name in ("search", "article", "dyad"):
        assert (tmp_path / f"{name}.png").stat().st_size > 10_000


def test_the_chart_counts_plans_apart_only_when_asked(live_url, page):
    # Putin "accepted an invitation to visit Beijing in the spring", on February 4: a plan
    page.goto(live_url + "/#/dyad/CHN/RUS?period=month")
    page.wait_for_selector("svg.timeline rect.bar")
    figures = page.locator(".figures .figure")
    done = figures.first.locator("b").inner_text()
    assert "Planned" not in page.locator(".figures").inner_text()
    assert "Plans and promises dated later are left out" in page.locator(".legend").inner_text()
    page.check("input[name=planned]")
    page.click("form.filters button[type=submit]")
    wait_until(page, "location.hash.includes('planned=1')")
    page.wait_for_selector(".figures .figure:has-text('Planned')")
    assert figures.first.locator("b").inner_text() == done  # the bars still count what happened
    planned = int(page.locator(".figures .figure:has-text('Planned') b").inner_text())
    assert planned >= 1
    headers = page.locator("details.period-table th").all_text_contents()
    assert headers[-1].lower() == "planned"
    cells = page.locator("details.period-table tbody tr td:last-child").all_text_contents()
    assert sum(int(c) for c in cells) == planned
    assert not page.problems, page.problems


def test_a_hostile_article_is_shown_as_text_and_nothing_of_it_runs(live_url, page):
    page.goto(live_url + "/#/article/hostile")
    page.wait_for_selector("#article-text .mark")
    text = page.locator("#article-text").inner_text()
    assert "<script>window.__pwned = 'script'; alert('script')</script>" in text
    assert "<img src=x onerror=" in text and "<iframe" in text
    assert page.locator("h1").inner_text().startswith("<img src=x onerror=")
    assert page.locator(".meta a").count() == 0  # a javascript: URL is no link
    page.locator("#article-text").hover()
    page.goto(live_url + "/#/events?actor=JPN")
    page.wait_for_selector("table.events tbody tr")
    assert "<img src=x" in page.locator("table.events").inner_text()
    assert page.locator(INJECTED).count() == 0
    assert page.evaluate("window.__pwned") is None
    assert not page.problems, page.problems


def test_on_a_phone_nothing_needs_sideways_scrolling(browser, live_url, tmp_path):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    phone = context.new_page()
    try:
        for view, ready in (("#/", "table.events tbody tr"),
                            ("#/article/demo", "#article-text .mark"),
                            ("#/dyad/CHN/RUS", "svg.timeline rect.bar"),
                            ("#/actors", "table.actors tbody tr")):
            phone.goto(f"{live_url}/{view}")
            phone.wait_for_selector(ready)
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], (view, width)
            if view.startswith("#/article"):  # the events come after the text: a way there
                phone.click("button.jump")
                wait_until(phone, "document.querySelector('.event-cards')"
                                  ".getBoundingClientRect().top < innerHeight")
        phone.screenshot(path=str(tmp_path / "phone-actors.png"))
    finally:
        context.close()
