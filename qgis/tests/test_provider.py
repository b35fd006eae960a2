"""Headless test of the Placemap Processing provider (Debian's python3-qgis, QT_QPA_PLATFORM=offscreen).

    QT_QPA_PLATFORM=offscreen PLACEMAP_BINARY=.build/debug/placemap /usr/bin/python3 qgis/tests/test_provider.py REPO

Registers the provider, runs placemap:coterminosity on the bundled layers loaded as QGIS layers and
compares its places.csv with the tool's own run on the same files (the 13 split districts, their
systems and people); runs it again with the systems as a memory-provider layer; checks that a tool
error is a Processing error carrying the tool's message. Exit 0 when every check passes, 1 with the
failures, 77 when QGIS cannot be imported (the caller reports the skip).
"""
import csv
import os
import subprocess
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
try:
    from qgis.core import (
        QgsApplication,
        QgsFeature,
        QgsProcessingException,
        QgsProject,
        QgsVectorLayer,
    )
except ImportError as error:
    print(f"cannot import qgis.core ({error})")
    sys.exit(77)

repo = os.path.abspath(sys.argv[1])
binary = os.environ["PLACEMAP_BINARY"]
geodata = os.path.join(repo, "geodata")
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message, flush=True)
    if not condition:
        failures.append(message)


def rows(folder):
    with open(os.path.join(folder, "places.csv"), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def splits(table):
    """(code, name, status, and every population and share column) of each split place."""
    keep = [k for k in table[0] if k in ("place_code", "place_name", "status", "n_systems") or k.startswith("main_") or "population" in k]
    return sorted(tuple(r[k] for k in keep) for r in table if r["status"] == "split")


app = QgsApplication([], False)
app.initQgis()
sys.path.append("/usr/share/qgis/python/plugins")
import processing  # noqa: E402
from processing.core.Processing import Processing  # noqa: E402

Processing.initialize()
sys.path.insert(0, os.path.join(repo, "qgis"))
from placemap.provider import PlacemapProvider  # noqa: E402

provider = PlacemapProvider()
check(QgsApplication.processingRegistry().addProvider(provider), "the provider registers")
names = sorted(a.name() for a in provider.algorithms())
print("algorithms:", ", ".join(names), "| not offered:", "; ".join(provider.problems) or "none")
for command in ["coterminosity", "overlap", "lookup", "dissolve", "contiguity", "catchments", "diff"]:
    check(QgsApplication.processingRegistry().algorithmById(f"placemap:{command}") is not None, f"placemap:{command} is registered")
alg = QgsApplication.processingRegistry().algorithmById("placemap:coterminosity")
check(alg.group() == "Placemap", "in the Placemap group")
sliver = alg.parameterDefinition("sliver-share")
check(sliver is not None and sliver.defaultValue() == 0.005, "sliver-share carries the CLI's default 0.005")
check(alg.parameterDefinition("places-code") is not None, "places-code has the CLI's name")

places = QgsVectorLayer(os.path.join(geodata, "built/lad24.geojson"), "lad24", "ogr")
systems = QgsVectorLayer(os.path.join(geodata, "built/icb24.geojson"), "icb24", "ogr")
blocks = QgsVectorLayer(os.path.join(geodata, "lsoa21_england.geojson"), "lsoa21", "ogr")
for layer in (places, systems, blocks):
    check(layer.isValid(), f"{layer.name()} loads in QGIS")
QgsProject.instance().addMapLayers([places, systems, blocks])
population = os.path.join(geodata, "census21_population_lsoa21.csv")
work = tempfile.mkdtemp(prefix="placemap-qgis-test-")

# 1. Population-weighted, the bundled layers as QGIS layers, against the tool run directly.
out = os.path.join(work, "qgis")
result = processing.run(
    "placemap:coterminosity",
    {"places": places, "systems": systems, "blocks": blocks, "population": population, "out": out},
)
cli = os.path.join(work, "cli")
done = subprocess.run(
    [binary, "coterminosity", "--places", places.source(), "--systems", systems.source(), "--blocks", blocks.source(),
     "--population", population, "--out", cli, "--quiet"],
    capture_output=True, text=True, check=False,
)
check(done.returncode == 0, f"the tool itself runs ({done.stderr.strip()[:300]})")
ours, theirs = splits(rows(out)), splits(rows(cli))
check(len(ours) == 13, f"13 split districts through Processing (got {len(ours)})")
check(ours == theirs, "the same split districts, systems and populations as the CLI")
check(any(r[0] == "E06000065" for r in ours), "North Yorkshire (E06000065) is split")
loaded = result.get("LAYERS", [])
check(any(p.endswith("places.gpkg") for p in loaded), f"places.gpkg is loaded ({loaded})")
gpkg = QgsVectorLayer(os.path.join(out, "places.gpkg"), "places", "ogr")
renderer = gpkg.renderer().type() if gpkg.isValid() and gpkg.renderer() else None
check(renderer == "categorizedSymbol", f"places.gpkg opens with its stored style (renderer {renderer})")

# 2. A memory-provider layer (not a file) is written to a temporary GeoPackage and gives the same answer.
memory = QgsVectorLayer(f"MultiPolygon?crs={systems.crs().authid()}", "icb24 in memory", "memory")
memory.dataProvider().addAttributes(systems.fields().toList())
memory.updateFields()
features = []
for f in systems.getFeatures():
    g = QgsFeature(memory.fields())
    g.setGeometry(f.geometry())
    g.setAttributes(f.attributes())
    features.append(g)
memory.dataProvider().addFeatures(features)
check(memory.featureCount() == 42, f"42 ICBs in the memory layer ({memory.featureCount()})")
out_memory = os.path.join(work, "memory")
processing.run(
    "placemap:coterminosity",
    {"places": places, "systems": memory, "blocks": blocks, "population": population, "out": out_memory},
)
check(splits(rows(out_memory)) == theirs, "a memory layer gives the same 13 splits and populations")

# 3. A tool error is a Processing error with the tool's message.
try:
    processing.run("placemap:coterminosity", {"places": places, "systems": systems, "places-code": "NO_SUCH_FIELD", "out": os.path.join(work, "bad")})
    check(False, "a bad field is refused")
except QgsProcessingException as error:
    text = str(error)
    check("NO_SUCH_FIELD" in text and "exit 64" in text, f"the tool's error is the Processing error: {text.splitlines()[0][:200]}")

print(f"{len(failures)} failure(s)", flush=True)
# QGIS 3.22 can crash in exitQgis() once the Processing framework has loaded its providers; the checks
# are done, so leave without tearing QGIS down.
sys.stderr.flush()
os._exit(1 if failures else 0)
