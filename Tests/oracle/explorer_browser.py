"""Drives the scenario explorer page in headless Chromium (Playwright for Python, the system's
/usr/bin/chromium; no browser is ever downloaded) and reports what it saw as JSON.

Usage: python explorer_browser.py EXPLORE.html OUT_DIR [CHROMIUM] [--only-fragments] [NAME=SCENARIO.csv …]

Steps: read the page's figures as loaded; tick two systems and merge them into a new one named with
markup characters; give a council to another system; merge two districts into a unitary; download the
scenario CSV; screenshot the map before and after (pixels compared in the changed systems' box and
far from it); load the CSV through the URL fragment in a fresh page; load a move-block row; measure
each update's time in the page; record every request the page makes.
"""
import json
import os
import sys
import urllib.parse

from PIL import Image, ImageChops
from playwright.sync_api import sync_playwright

page_path, out = os.path.abspath(sys.argv[1]), sys.argv[2]
chromium = sys.argv[3] if len(sys.argv) > 3 else "/usr/bin/chromium"
only_fragments = "--only-fragments" in sys.argv[4:]
scenarios = [a.split("=", 1) for a in sys.argv[4:] if "=" in a]
url = "file://" + page_path
NAME = "Surrey <b>&amp; \"Frimley\" 'Test' & <img src=x onerror=window.__injected=1>"
FIRST, SECOND = "E54000034", "E54000063"  # Frimley, Surrey Heartlands
MOVED, TO = "E07000244", "E54000022"  # East Suffolk → Norfolk and Waveney
DISTRICTS = ["E07000085", "E07000089"]  # East Hampshire, Hart → one unitary
KEYS = ["split-places", "systems", "systems-under-1m", "systems-not-one-piece"]
result = {"requests": [], "console_errors": [], "update_ms": []}


def summary(page):
    return {k: page.get_attribute("#scenario-summary", "data-" + k) for k in KEYS + ["unsupported-rows", "errors", "rows"]}


def timing(page):
    result["update_ms"].append(float(page.get_attribute("#scenario-summary", "data-update-ms")))
    result.setdefault("total_ms", []).append(float(page.get_attribute("#scenario-summary", "data-total-ms")))
    result.setdefault("phases_ms", []).append(page.get_attribute("#scenario-summary", "data-phases-ms"))


def box(page, codes):
    """The page box of every atom path of the systems in `codes` (their bounding rectangles)."""
    return page.evaluate(
        """codes => { const D = JSON.parse(document.getElementById('explorer-data').textContent);
        let x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
        document.querySelectorAll('#atoms path').forEach(p => { const a = +p.getAttribute('data-atom');
          if (!codes.includes(D.systems[D.system[a]][0])) return; const r = p.getBoundingClientRect();
          x0 = Math.min(x0, r.left); y0 = Math.min(y0, r.top); x1 = Math.max(x1, r.right); y1 = Math.max(y1, r.bottom) });
        const m = document.getElementById('explorer-map').getBoundingClientRect();
        return [x0 - m.left, y0 - m.top, x1 - m.left, y1 - m.top] }""",
        codes,
    )


def changed_pixels(a, b, rect):
    x0, y0, x1, y1 = (int(round(v)) for v in rect)
    diff = ImageChops.difference(a.crop((x0, y0, x1, y1)).convert("RGB"), b.crop((x0, y0, x1, y1)).convert("RGB"))
    return diff.convert("L").point(lambda v: 255 if v else 0).histogram()[255]


with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1100})
    page = context.new_page()
    page.on("request", lambda r: result["requests"].append(r.url[:60]))
    page.on("console", lambda m: m.type == "error" and result["console_errors"].append(m.text))
    page.on("pageerror", lambda e: result["console_errors"].append(str(e)))
    # Each scenario file given, loaded through the URL fragment in a fresh page.
    result["scenarios"] = {}
    for name, path in scenarios:
        other = context.new_page()
        other.goto(url + "#scenario=" + urllib.parse.quote(open(path, encoding="utf-8").read(), safe=""))
        other.wait_for_selector("#scenario-summary[data-rows]")
        result["scenarios"][name] = summary(other) | {"problems": other.inner_text("#problems")}
        other.close()
    if only_fragments:
        browser.close()
        print(json.dumps(result))
        sys.exit(0)
    page.goto(url)
    page.wait_for_selector("#scenario-summary[data-systems]")
    result["loaded"] = summary(page)
    timing(page)
    before = os.path.join(out, "before.png")
    page.locator("#explorer-map").screenshot(path=before)
    changed_box = box(page, [FIRST, SECOND])

    # Merge two systems: keyboard-reachable checkboxes and inputs, then the button.
    page.check(f"#merge-list input[value='{FIRST}']")
    page.check(f"#merge-list input[value='{SECOND}']")
    page.fill("#merge-code", "NEW-SYS-01")
    page.fill("#merge-name", NAME)
    page.click("#merge-button")
    timing(page)
    result["after_merge"] = summary(page)
    after = os.path.join(out, "after-merge.png")
    page.locator("#explorer-map").screenshot(path=after)
    a, b = Image.open(before), Image.open(after)
    result["changed_box"] = changed_box
    result["pixels_changed_in_box"] = changed_pixels(a, b, changed_box)
    # Far from the merge: Northumberland and Tyneside, the top of the map (North East and North Cumbria).
    far = box(page, ["E54000050"])
    result["pixels_changed_far"] = changed_pixels(a, b, [far[0], far[1], far[2], far[1] + (far[3] - far[1]) / 3])
    result["name_shown"] = NAME in page.locator("#checks").inner_text()
    result["injected"] = page.evaluate("window.__injected === 1 || document.querySelectorAll('#checks img, #checks b').length > 0")

    # Give a council to another system, by keyboard: focus the select, choose, press Enter on the button.
    page.focus("#move-place")
    page.select_option("#move-place", MOVED)
    page.select_option("#move-to", TO)
    page.focus("#move-button")
    page.keyboard.press("Enter")
    timing(page)
    result["after_move"] = summary(page)

    # Two districts into one unitary.
    page.select_option("#unitary-places", DISTRICTS)
    page.fill("#unitary-code", "NEW-UA-01")
    page.fill("#unitary-name", "East Hampshire and Hart")
    page.click("#unitary-button")
    timing(page)
    result["after_unitary"] = summary(page)
    result["split_rows"] = page.eval_on_selector_all("#splits tbody tr", "rs => rs.map(r => r.getAttribute('data-code'))")

    # Undo and redo come back to the same figures.
    page.click("#undo")
    timing(page)
    result["after_undo"] = summary(page)
    page.click("#redo")
    timing(page)
    result["after_redo"] = summary(page)

    # Timing: ten more undo/redo pairs (each recomputes every figure, the map and the tables).
    for _ in range(10):
        for button in ("#undo", "#redo"):
            page.click(button)
            timing(page)

    with page.expect_download() as info:
        page.click("#download")
    csv_path = os.path.join(out, "scenario.csv")
    info.value.save_as(csv_path)
    result["csv"] = open(csv_path, encoding="utf-8", newline="").read()
    result["hash"] = page.evaluate("location.hash")

    # The URL fragment, in a fresh page.
    fresh = context.new_page()
    fresh.goto(url + "#scenario=" + urllib.parse.quote(result["csv"], safe=""))
    fresh.wait_for_selector("#scenario-summary[data-rows]")
    result["fragment"] = summary(fresh)

    # A move-block row cannot be represented by atoms: shown as not supported.
    block = fresh.context.new_page()
    block.goto(url + "#scenario=" + urllib.parse.quote("change,code,to_code,to_name\r\nmove-block,E01030774,E54000022,\r\n", safe=""))
    block.wait_for_selector("#scenario-summary[data-rows]")
    result["move_block"] = summary(block)
    result["move_block_problems"] = block.inner_text("#problems")

    # Reset returns to today.
    page.click("#reset")
    timing(page)
    result["after_reset"] = summary(page)
    result["bytes"] = os.path.getsize(page_path)
    browser.close()

print(json.dumps(result))
