"""The HTML reports open in a real browser (headless Chromium): no script errors, no
broken images. Needs Debian's chromium and chromium-driver (`.ci/run` installs them)."""

from __future__ import annotations

import shutil

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("reports")]

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM and DRIVER):
        pytest.skip("headless Chromium not installed: `apt-get install chromium "
                    "chromium-driver` (Debian), as .ci/run does")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1200,1600"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


BROKEN_IMAGES = ("return Array.from(document.images)"
                 ".filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src);")


@pytest.mark.parametrize("page", ["index.html", "01_sourcing_density.html",
                                  "10_teaching_quickstart.html"])
def test_report_page_loads_without_errors_or_broken_images(browser, sample_reports, page,
                                                           tmp_path):
    out, _ = sample_reports
    browser.get((out / page).as_uri())
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []
    assert browser.execute_script(BROKEN_IMAGES) == []
    shot = tmp_path / f"{page}.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    assert browser.title


def test_index_links_to_every_report(browser, sample_reports):
    out, results = sample_reports
    browser.get((out / "index.html").as_uri())
    hrefs = browser.execute_script("return Array.from(document.links).map(a => a.href);")
    for name in results:
        assert any(href.endswith(f"{name}.html") for href in hrefs), name
