"""Loads the scenario explorer page in headless Firefox (Debian's firefox-esr, driven over Marionette with
the marionette_driver package: no geckodriver, nothing downloaded) and reports what it saw as JSON.

Usage: python explorer_firefox.py EXPLORE.html [FIREFOX] [--move PLACE=SYSTEM] NAME=SCENARIO.csv …

Each scenario file is loaded through the page's URL fragment (explore.html#scenario=<URL-encoded CSV>)
in the same browser, and #scenario-summary's data-* values and the #problems text are read once the page has
applied it. With --move, the page is then opened with no scenario, PLACE is given to SYSTEM with the
mouse (the options of the two lists, then the button), and the figures, the scenario as CSV (the text the
download button saves) are read; then Undo is clicked and the figures read again.
"""
import json
import os
import shutil
import socket
import sys
import tempfile
import urllib.parse

from marionette_driver import Wait
from marionette_driver.marionette import Marionette

page_path = os.path.abspath(sys.argv[1])
rest = sys.argv[2:]
firefox = rest.pop(0) if rest and "=" not in rest[0] and not rest[0].startswith("--") else "/usr/bin/firefox-esr"
move = None
if "--move" in rest:
    k = rest.index("--move")
    move = rest[k + 1].split("=", 1)
    del rest[k:k + 2]
scenarios = [a.split("=", 1) for a in rest]
KEYS = ["split-places", "systems", "systems-under-1m", "systems-not-one-piece", "unsupported-rows", "errors", "rows"]

# A free local port for Marionette, so that two runs never meet.
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()

# Firefox's own log goes to a temporary folder (shown on failure), never into the working directory.
logs = tempfile.mkdtemp(prefix="placemap-firefox-")
log = os.path.join(logs, "gecko.log")
client = Marionette(host="127.0.0.1", port=port, bin=firefox, headless=True, startup_timeout=180, gecko_log=log)
result = {"scenarios": {}}


def summary():
    """#scenario-summary's data-* values and the #problems text."""
    return client.execute_script(
        """const e = document.getElementById('scenario-summary'); const out = {};
        for (const k of arguments[0]) out[k] = e.getAttribute('data-' + k);
        out.problems = document.getElementById('problems') ? document.getElementById('problems').innerText : '';
        return out""",
        script_args=[KEYS])


try:
    client.start_session()
    result["browser"] = client.session_capabilities.get("browserName", "") + " " + client.session_capabilities.get("browserVersion", "")
    for name, path in scenarios:
        client.navigate("about:blank")
        with open(path, encoding="utf-8") as f:
            csv = f.read()
        client.navigate("file://" + page_path + "#scenario=" + urllib.parse.quote(csv, safe=""))
        Wait(client, timeout=120).until(
            lambda m: m.execute_script("return document.querySelector('#scenario-summary[data-rows]') !== null"))
        result["scenarios"][name] = summary()
    if move:
        place, system = move
        client.navigate("about:blank")
        client.navigate("file://" + page_path)
        Wait(client, timeout=120).until(
            lambda m: m.execute_script("return document.querySelector('#scenario-summary[data-systems]') !== null"))
        result["loaded"] = summary()
        client.find_element("css selector", f"#move-place option[value='{place}']").click()
        client.find_element("css selector", f"#move-to option[value='{system}']").click()
        client.find_element("css selector", "#move-button").click()
        Wait(client, timeout=60).until(lambda m: m.execute_script(
            "return document.getElementById('scenario-summary').getAttribute('data-rows') === '1'"))
        result["after_move"] = summary()
        # The page's own object lives in its content window (outside the sandbox Marionette runs scripts in).
        result["csv"] = client.execute_script("return window.placemapExplorer.csv()", sandbox=None)
        client.find_element("css selector", "#undo").click()
        Wait(client, timeout=60).until(lambda m: m.execute_script(
            "return document.getElementById('scenario-summary').getAttribute('data-rows') === '0'"))
        result["after_undo"] = summary()
except Exception:
    if os.path.exists(log):
        with open(log, encoding="utf-8", errors="replace") as f:
            sys.stderr.write("firefox log (last lines):\n" + "".join(f.readlines()[-40:]))
    raise
finally:
    client.cleanup()
    shutil.rmtree(logs, ignore_errors=True)
print(json.dumps(result))
