"""Loads the scenario explorer page in headless Firefox (Debian's firefox-esr, driven over Marionette with
the marionette_driver package: no geckodriver, nothing downloaded) and reports what it saw as JSON.

Usage: python explorer_firefox.py EXPLORE.html [FIREFOX] NAME=SCENARIO.csv …

Each scenario file is loaded through the page's URL fragment (explore.html#scenario=<URL-encoded CSV>)
in the same browser, and #scenario-summary's data-* values and the #problems text are read once the page has
applied it.
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
firefox = rest.pop(0) if rest and "=" not in rest[0] else "/usr/bin/firefox-esr"
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
        seen = client.execute_script(
            """const e = document.getElementById('scenario-summary'); const out = {};
            for (const k of arguments[0]) out[k] = e.getAttribute('data-' + k);
            out.problems = document.getElementById('problems') ? document.getElementById('problems').innerText : '';
            out.hash = location.hash.length; return out""",
            script_args=[KEYS])
        result["scenarios"][name] = seen
except Exception:
    if os.path.exists(log):
        with open(log, encoding="utf-8", errors="replace") as f:
            sys.stderr.write("firefox log (last lines):\n" + "".join(f.readlines()[-40:]))
    raise
finally:
    client.cleanup()
    shutil.rmtree(logs, ignore_errors=True)
print(json.dumps(result))
