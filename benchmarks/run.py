#!/usr/bin/env python3
"""Runs placemap and its peers on the same machine in the same run and reports ratios.

Usage: python3 benchmarks/run.py [read] [formats] [overlap] [contiguity] [coterminosity] [diff] [scenario] [attributes]
       [dissolve] [area] [catchments] [floor] [edges] [mainjob] [evidence] [jagged] (default: all)
Needs a release build (swift build -c release; PLACEMAP_BIN_DIR names another build folder, e.g.
.build-contig/release) and the oracle venv (scripts/oracle-venv).
Each case runs every command REPEATS times, alternating placemap and peer, and reports the median
in-process time, the median whole-process wall time and the peak resident memory (from wait4).
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPEATS = int(os.environ.get("REPEATS", "5"))
BIN = os.environ.get("PLACEMAP_BIN_DIR") or os.path.join(ROOT, ".build", "release")
PYTHON = subprocess.run([os.path.join(ROOT, "scripts", "oracle-venv")], capture_output=True, text=True,
                        check=True).stdout.strip().splitlines()[-1]


def data(name):
    return os.path.join(ROOT, "geodata", name)


def measure(command):
    """Runs command once; returns (wall seconds, peak RSS MiB, stdout, CPU seconds)."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    out, err = proc.stdout.read(), proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}\n{err.decode()}")
    return wall, usage.ru_maxrss / 1024, out.decode(), usage.ru_utime + usage.ru_stime


def compare(name, ours, peer, inner=None):
    """Alternates ours and peer REPEATS times; inner(stdout) extracts an in-process time."""
    rows = {"placemap": [], "peer": []}
    for _ in range(REPEATS):
        for label, command in (("placemap", ours), ("peer", peer)):
            rows[label].append(measure(command))
    report = {}
    for label, runs in rows.items():
        report[label] = {
            "wall": statistics.median(r[0] for r in runs),
            "rss": max(r[1] for r in runs),
            "cpu": statistics.median(r[3] for r in runs),
            "inner": statistics.median(inner(r[2]) for r in runs) if inner else None,
            "stdout": [r[2] for r in runs],
        }
    p, q = report["placemap"], report["peer"]
    print(f"\n## {name}  (median of {REPEATS}, same machine, same run)")
    print(f"| measure | placemap | peer | peer / placemap |")
    print(f"|---|---|---|---|")
    if inner:
        print(f"| in-process time (s) | {p['inner']:.3f} | {q['inner']:.3f} | {q['inner'] / p['inner']:.2f}× |")
    print(f"| whole process (s) | {p['wall']:.3f} | {q['wall']:.3f} | {q['wall'] / p['wall']:.2f}× |")
    print(f"| CPU, user + system (s) | {p['cpu']:.3f} | {q['cpu']:.3f} | {q['cpu'] / p['cpu']:.2f}× |")
    print(f"| peak memory (MiB) | {p['rss']:.0f} | {q['rss']:.0f} | {q['rss'] / p['rss']:.2f}× |")
    return report


def first_field(text):
    return float(text.split()[0])


RAW_LSOA = os.path.join(ROOT, "..", "shared", "geodata", "raw", "geographr", "boundaries_lsoa21.geojson")


def case_read():
    files = [data("lsoa21_england.geojson"), data("msoa11_england.geojson")]
    if os.path.exists(RAW_LSOA):  # the 16.6 MB England and Wales original, when the raw set is beside the repo
        files.insert(0, RAW_LSOA)
    for file in files:
        compare(f"read {os.path.basename(file)} (features with properties)",
                [os.path.join(BIN, "placemap-bench"), "read", file],
                [PYTHON, os.path.join(ROOT, "benchmarks", "peers", "read_pyogrio.py"), file],
                inner=first_field)


def inner_time(command):
    """Runs command once; returns (in-process seconds, feature count) from its "seconds count" line."""
    seconds, count = measure(command)[2].split()[:2]
    return float(seconds), int(count)


def case_formats():
    """The bundled LSOA 2021 layer converted by ogr2ogr to GeoPackage, FlatGeobuf and Shapefile, read by
    placemap (GDAL/OGR through LayerReader) and by pyogrio on the same files, and the GeoJSON fast path
    against both; every reader must return the same number of features, and `placemap-bench same`
    checks that the fast path and GDAL give identical features from the GeoJSON."""
    source = data("lsoa21_england.geojson")
    folder = os.path.join(ROOT, ".build", "bench-formats")
    os.makedirs(folder, exist_ok=True)
    files = {"GeoJSON": source}
    for name, driver, ending in (("GeoPackage", "GPKG", "gpkg"), ("FlatGeobuf", "FlatGeobuf", "fgb"),
                                 ("Shapefile", "ESRI Shapefile", "shp")):
        path = os.path.join(folder, f"lsoa21.{ending}")
        if not os.path.exists(path) or os.path.getmtime(path) < os.path.getmtime(source):
            subprocess.run(["ogr2ogr", "-f", driver, "-overwrite", path, source], check=True, capture_output=True)
        files[name] = path
    same = measure([os.path.join(BIN, "placemap-bench"), "same", source])[2].strip()
    print(f"\n## read formats: {os.path.basename(source)} as GeoJSON, GeoPackage, FlatGeobuf, Shapefile"
          f"  (median of {REPEATS} in-process reads, same machine, same run; fast path vs GDAL: {same})")
    readers = {
        "placemap": lambda f: [os.path.join(BIN, "placemap-bench"), "read", f],
        "placemap via GDAL": lambda f: [os.path.join(BIN, "placemap-bench"), "read-gdal", f],
        "pyogrio": lambda f: [PYTHON, os.path.join(ROOT, "benchmarks", "peers", "read_pyogrio.py"), f],
    }
    times = {(r, f): [] for r in readers for f in files}
    counts = set()
    for _ in range(REPEATS):
        for f, path in files.items():
            for r, command in readers.items():
                if r == "placemap via GDAL" and f != "GeoJSON":
                    continue  # the same reader as "placemap" for these
                t, n = inner_time(command(path))
                times[(r, f)].append(t)
                counts.add(n)
    if len(counts) != 1:
        sys.exit(f"readers disagree on the feature count: {sorted(counts)}")
    med = {k: statistics.median(v) for k, v in times.items() if v}
    fast = med[("placemap", "GeoJSON")]
    print("| file | placemap (s) | pyogrio (s) | pyogrio / placemap | placemap / GeoJSON fast path |")
    print("|---|---|---|---|---|")
    for f in files:
        ours, peer = med[("placemap", f)], med[("pyogrio", f)]
        print(f"| {f}{' (fast path)' if f == 'GeoJSON' else ' (GDAL/OGR)'} | {ours:.3f} | {peer:.3f} | {peer / ours:.2f}× | {ours / fast:.2f}× |")
    gdal = med[("placemap via GDAL", "GeoJSON")]
    print(f"| GeoJSON through GDAL/OGR | {gdal:.3f} | | | {gdal / fast:.2f}× |")
    print(f"({counts.pop()} features from every reader)")


def case_overlap():
    pairs = [
        ("lsoa21_england.geojson", "lad24_england.geojson", "lsoa21_code", "ltla24_code"),
        ("msoa11_england.geojson", "lad24_england.geojson", "msoa11_code", "ltla24_code"),
        ("built/lad24.geojson", "built/icb24.geojson", "LAD24CD", "ICB24CD"),
    ]
    out = os.path.join(ROOT, ".build", "bench-out")
    os.makedirs(out, exist_ok=True)
    for a, b, a_code, b_code in pairs:
        name = f"overlap {a} × {b}"
        compare(name + ": whole process, read → compute → write CSV",
                [os.path.join(BIN, "placemap"), "overlap", data(a), data(b), "-o", os.path.join(out, "placemap.csv"), "--overwrite"],
                [PYTHON, os.path.join(ROOT, "Tests", "oracle", "overlay.py"), data(a), data(b), a_code, b_code,
                 os.path.join(out, "geopandas.csv"), "--compute-time"])
        compare(name + ": compute only (reproject, overlay, areas; files already read)",
                [os.path.join(BIN, "placemap-bench"), "overlap", data(a), data(b)],
                [PYTHON, os.path.join(ROOT, "Tests", "oracle", "overlay.py"), data(a), data(b), a_code, b_code,
                 os.path.join(out, "geopandas.csv"), "--compute-time"],
                inner=first_field)


def case_contiguity():
    out = tempfile.mkdtemp(prefix="placemap-bench-")
    for name, field in (("lsoa21_england.geojson", "lsoa21_code"), ("lad24_england.geojson", "ltla24_code")):
        compare(f"contiguity {name} (rook and queen edges to CSV)",
                [os.path.join(BIN, "placemap"), "contiguity", data(name), "--out", os.path.join(out, "placemap"), "--overwrite"],
                [PYTHON, os.path.join(ROOT, "benchmarks", "peers", "contiguity_libpysal.py"), data(name), field,
                 os.path.join(out, "libpysal.csv")])
    shutil.rmtree(out, ignore_errors=True)


def case_coterminosity():
    out = tempfile.mkdtemp(prefix="placemap-bench-")
    blocks, population = data("lsoa21_england.geojson"), data("census21_population_lsoa21.csv")
    places, systems = data("built/lad24.geojson"), data("built/icb24.geojson")
    compare("coterminosity LAD24 × ICB24 weighted through LSOA 2021 (largest share), tables written",
            [os.path.join(BIN, "placemap"), "coterminosity", "--places", places, "--systems", systems,
             "--blocks", blocks, "--population", population, "--out", os.path.join(out, "placemap"), "--overwrite"],
            [PYTHON, os.path.join(ROOT, "benchmarks", "peers", "coterminosity_geopandas.py"), blocks, population,
             places, systems, os.path.join(out, "geopandas")])
    shutil.rmtree(out, ignore_errors=True)


def case_mainjob():
    """The main job against the same job built from an earlier commit (PLACEMAP_BASELINE: its placemap binary)."""
    baseline = os.environ.get("PLACEMAP_BASELINE")
    if not baseline:
        print("\n## main job: skipped (set PLACEMAP_BASELINE to the placemap binary of the commit to compare with)")
        return
    out = tempfile.mkdtemp(prefix="placemap-bench-")
    compare("main job (placemap england), this build against PLACEMAP_BASELINE (in the 'peer' column)",
            [os.path.join(BIN, "placemap"), "england", "--out", os.path.join(out, "new")],
            [baseline, "england", "--out", os.path.join(out, "old")])
    shutil.rmtree(out, ignore_errors=True)


def case_evidence():
    """CPU seconds of the block allocation with and without the interior evidence, in one process."""
    blocks, population = data("lsoa21_england.geojson"), data("census21_population_lsoa21.csv")
    for places in ("lad24_england.geojson", "built/lad24.geojson"):
        _, _, out, _ = measure([os.path.join(BIN, "placemap-bench"), "evidence-cost", blocks, population, data(places),
                                data("built/icb24.geojson"), str(REPEATS)])
        runs = [tuple(map(float, line.split()[:2])) for line in out.splitlines()]
        without = statistics.median(r[0] for r in runs)
        with_evidence = statistics.median(r[1] for r in runs)
        print(f"\n## interior evidence, LSOA 2021 into {places} and ICB24 (CPU s, median of {REPEATS})")
        print(f"| allocation without | with interior evidence | added |")
        print(f"|---|---|---|")
        print(f"| {without:.3f} | {with_evidence:.3f} | {100 * (with_evidence - without) / without:+.1f} % |")


def case_diff():
    """ICB 2022 → ICB 2024 over LSOA 2021 against one coterminosity run (the peer is placemap itself)."""
    out = tempfile.mkdtemp(prefix="placemap-bench-")
    blocks, population = data("lsoa21_england.geojson"), data("census21_population_lsoa21.csv")
    weighting = ["--blocks", blocks, "--population", population]
    coterminosity = [os.path.join(BIN, "placemap"), "coterminosity", "--places", data("built/lad24.geojson"),
                     "--systems", data("built/icb24.geojson")] + weighting + ["--out", os.path.join(out, "cot"), "--overwrite"]
    icb22 = [data("lookup_lsoa21_icb22_lad22.csv"), "--old-by", "icb22_code"]
    for label, new in (("block lookups", [data("lookup_lsoa21_sicbl24_icb24.csv"), "--new-by", "icb24_code"]),
                       ("ICB 2024 as polygons", [data("built/icb24.geojson")])):
        compare(f"diff ICB22 → ICB24 over LSOA 2021 ({label}, with LAD24 places) against coterminosity LAD24 × ICB24",
                [os.path.join(BIN, "placemap"), "diff"] + icb22 + new + weighting
                + ["--places-lookup", data("lookup_lsoa21_lad24.csv"), "--places-by", "ltla24_code", "--out", os.path.join(out, "diff"), "--overwrite"],
                coterminosity)
    shutil.rmtree(out, ignore_errors=True)


def case_scenario():
    """placemap scenario on the bundled data (Frimley's split and the Surrey unitaries at once: both tiers,
    coterminosity after, the diff and the contiguity of the new ICBs) against one coterminosity run (the peer
    is placemap itself: the scenario must take less time)."""
    out = tempfile.mkdtemp(prefix="placemap-bench-")
    coterminosity = [os.path.join(BIN, "placemap"), "coterminosity", "--places", data("built/lad24.geojson"),
                     "--systems", data("built/icb24.geojson"), "--blocks", data("lsoa21_england.geojson"),
                     "--population", data("census21_population_lsoa21.csv"), "--out", os.path.join(out, "cot"), "--overwrite"]
    compare("scenario (examples/scenarios/surrey_both_tiers_2027.csv, bundled data) against coterminosity LAD24 × ICB24",
            [os.path.join(BIN, "placemap"), "scenario", os.path.join(ROOT, "examples", "scenarios", "surrey_both_tiers_2027.csv"),
             "--out", os.path.join(out, "scenario"), "--overwrite"],
            coterminosity)
    shutil.rmtree(out, ignore_errors=True)


def case_attributes():
    """The cost of carrying six age bands with the population: the same coterminosity and an area-weighted
    overlap with and without --attributes, alternating, in the same run."""
    out = tempfile.mkdtemp(prefix="placemap-bench-")
    blocks, population = data("lsoa21_england.geojson"), data("census21_population_lsoa21.csv")
    places, systems = data("built/lad24.geojson"), data("built/icb24.geojson")
    weighting = ["--blocks", blocks, "--population", population]
    bands = ["--attributes", data("census21_age_lsoa21.csv")]
    cases = [
        ("coterminosity LAD24 × ICB24 (largest share), tables written",
         lambda extra, n: [os.path.join(BIN, "placemap"), "coterminosity", "--places", places, "--systems", systems,
                           *weighting, *extra, "--out", os.path.join(out, f"c{n}"), "--overwrite", "-q"]),
        ("overlap LAD24 × ICB24 (area-weighted within blocks), table written",
         lambda extra, n: [os.path.join(BIN, "placemap"), "overlap", places, systems, *weighting, "--population-method", "area",
                           *extra, "-o", os.path.join(out, f"o{n}.csv"), "--overwrite", "-q"]),
    ]
    for name, command in cases:
        runs = {"population": [], "six bands": []}
        for i in range(REPEATS):
            runs["population"].append(measure(command([], i)))
            runs["six bands"].append(measure(command(bands, i)))
        one = statistics.median(r[0] for r in runs["population"])
        six = statistics.median(r[0] for r in runs["six bands"])
        print(f"\n## {name}: six age bands against one population column  (median of {REPEATS}, same run)")
        print("| measure | population only | + six bands | six / one |")
        print("|---|---|---|---|")
        print(f"| whole process (s) | {one:.3f} | {six:.3f} | {six / one:.3f}× |")
        rss1 = max(r[1] for r in runs["population"])
        rss6 = max(r[1] for r in runs["six bands"])
        print(f"| peak memory (MiB) | {rss1:.0f} | {rss6:.0f} | {rss6 / rss1:.2f}× |")
    shutil.rmtree(out, ignore_errors=True)


def peer_imports(*modules):
    """One import-only process of the peer's modules: with the peer's own timed work, its 'fair' time."""
    return [PYTHON, "-c", "; ".join(f"import {m}" for m in modules)]


def compare_fair(name, ours, peer, imports):
    """Like compare, and also the peer's fair time: its own timed work (printed on its stdout) plus the
    median of one import-only process, against placemap's whole process."""
    report = compare(name, ours, peer)
    load = statistics.median(measure(imports)[0] for _ in range(REPEATS))
    work = statistics.median(first_field(out) for out in report["peer"]["stdout"])
    fair = work + load
    print(f"| peer fair: own work {work:.3f} s + imports {load:.3f} s (s) | {report['placemap']['wall']:.3f} | {fair:.3f} | "
          f"{fair / report['placemap']['wall']:.2f}× |")
    return report


def case_dissolve():
    """LSOA 2021 → ICB 2024 through the ONS lookup, against GeoPandas dissolve."""
    out = tempfile.mkdtemp(prefix="placemap-bench-")
    blocks, lookup = data("lsoa21_england.geojson"), data("lookup_lsoa21_sicbl24_icb24.csv")
    compare_fair("dissolve LSOA 2021 → ICB 2024 (GeoJSON written)",
                 [os.path.join(BIN, "placemap"), "dissolve", blocks, "--lookup", lookup, "--by", "icb24_code",
                  "--output", os.path.join(out, "icb.geojson"), "--overwrite", "-q"],
                 [PYTHON, os.path.join(ROOT, "benchmarks", "peers", "dissolve_geopandas.py"), blocks, lookup, "icb24_code",
                  os.path.join(out, "peer.geojson")],
                 peer_imports("geopandas", "pandas"))
    shutil.rmtree(out, ignore_errors=True)


def ensure_tobler():
    """tobler is a benchmark peer only: installed into the oracle venv on first use."""
    if subprocess.run([PYTHON, "-c", "import tobler"], capture_output=True).returncode != 0:
        subprocess.run([PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "tobler"], check=True)


def case_area():
    """Population per LAD24 × ICB24 piece by the area method, against tobler's area_interpolate."""
    ensure_tobler()
    out = tempfile.mkdtemp(prefix="placemap-bench-")
    blocks, population = data("lsoa21_england.geojson"), data("census21_population_lsoa21.csv")
    systems = data("built/icb24.geojson")
    for label, places in (("ONS 500 m LAD24", data("lad24_england.geojson")), ("built LAD24", data("built/lad24.geojson"))):
        compare_fair(f"population per {label} × ICB24 piece, area method through LSOA 2021 (table written)",
                     [os.path.join(BIN, "placemap"), "overlap", places, systems, "--blocks", blocks, "--population", population,
                      "--population-method", "area", "-o", os.path.join(out, "pieces.csv"), "--overwrite", "-q"],
                     [PYTHON, os.path.join(ROOT, "benchmarks", "peers", "area_tobler.py"), blocks, population, places, systems,
                      os.path.join(out, "peer.csv")],
                     peer_imports("geopandas", "pandas", "tobler.area_weighted"))
    shutil.rmtree(out, ignore_errors=True)


def case_catchments():
    """The bundled OHID acute trust catchments, against the same method in pandas and GeoPandas."""
    out = tempfile.mkdtemp(prefix="placemap-bench-")
    compare_fair("acute trust catchments (OHID 2019 shares, census 2021 via MSOA 2011), tables and polygons written",
                 [os.path.join(BIN, "placemap"), "catchments", "--out", os.path.join(out, "placemap"), "--overwrite", "-q"],
                 [PYTHON, os.path.join(ROOT, "benchmarks", "peers", "catchments_geopandas.py"), os.path.join(ROOT, "geodata"),
                  os.path.join(out, "peer")],
                 peer_imports("geopandas", "pandas"))
    shutil.rmtree(out, ignore_errors=True)


def case_edges():
    """CPU seconds of the overlay and of the block allocation with areas from the edges (IntersectionArea)
    and with GEOS for every pair the coordinate relation leaves open, in one process (placemap-bench edges)."""
    for blocks, a, b in (("lsoa21_england.geojson", "lad24_england.geojson", "built/icb24.geojson"),
                         ("msoa11_england.geojson", "built/lad24.geojson", "built/icb24.geojson")):
        print(f"\n## areas from edges: {blocks} × {a} (and {b} for the allocation), CPU seconds")
        for _ in range(REPEATS):
            print(measure([os.path.join(BIN, "placemap-bench"), "edges", data(blocks), data(a), data(b)])[2].strip())


def case_floor():
    """placemap's overlay CPU time by phase beside the floor of GEOS work (placemap-bench floor), median ratio."""
    for a, b in (("lsoa21_england.geojson", "lad24_england.geojson"), ("built/lad24.geojson", "built/icb24.geojson")):
        outs = [measure([os.path.join(BIN, "placemap-bench"), "floor", data(a), data(b)])[2] for _ in range(REPEATS)]
        ratios = sorted(float(o.split()[-3].rstrip("×")) for o in outs)
        print(f"\n## overlay {a} × {b} against its floor (CPU, median ratio of {REPEATS})")
        print(outs[len(outs) // 2].rstrip())
        print(f"median: {ratios[len(ratios) // 2]:.2f}× the floor")


def write_jagged(path, n, shape):
    """One polygon of n vertices as GeoJSON in EPSG:27700, centred in Leeds: `star`, points alternating
    between radii 10 km and 5 km (long thin teeth side by side: GEOS's validity check is quadratic on it),
    or `saw`, a 20 km strip whose lower edge is a 1 km sawtooth."""
    import math
    cx, cy = 430000.0, 433000.0
    with open(path, "w") as f:
        f.write('{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},'
                '"features":[{"type":"Feature","properties":{"code":"J1","name":"jagged"},'
                '"geometry":{"type":"Polygon","coordinates":[[')
        points = []
        if shape == "star":
            for i in range(n):
                a = 2 * math.pi * i / n
                r = 10000.0 if i % 2 == 0 else 5000.0
                points.append((cx + r * math.cos(a), cy + r * math.sin(a)))
        else:
            for i in range(n - 2):
                points.append((cx - 10000 + 20000.0 * i / (n - 3), cy + (1000.0 if i % 2 else 0.0)))
            points += [(cx + 10000, cy + 5000), (cx - 10000, cy + 5000)]
        points.append(points[0])
        f.write(",".join(f"[{x:.3f},{y:.3f}]" for x, y in points))
        f.write("]]}}]}")


def case_jagged():
    """One jagged polygon of JAGGED_VERTICES (default 5 M) vertices through `placemap info` and `placemap overlap`
    against the LAD 2024 layer (issue 25: GEOS's validity check took 232 s; the goal is under 30 s each).
    PLACEMAP_BASELINE names an older binary to time beside it, stopped after JAGGED_TIMEOUT seconds (default 600)."""
    n = int(os.environ.get("JAGGED_VERTICES", "5000000"))
    timeout = float(os.environ.get("JAGGED_TIMEOUT", "600"))
    binaries = [("placemap", os.path.join(BIN, "placemap"))]
    if os.environ.get("PLACEMAP_BASELINE"):
        binaries.append(("baseline", os.environ["PLACEMAP_BASELINE"]))
    with tempfile.TemporaryDirectory() as folder:
        for shape in ("star", "saw"):
            path = os.path.join(folder, f"jagged_{shape}.geojson")
            write_jagged(path, n, shape)
            print(f"\n## jagged {shape}, {n:,} vertices ({os.path.getsize(path) / 2**20:.0f} MiB GeoJSON)")
            print("| binary | command | whole process (s) | exit |")
            print("|---|---|---|---|")
            for label, binary in binaries:
                for command in (["info", path], ["overlap", path, data("lad24_england.geojson"), "-o",
                                                 os.path.join(folder, "out.csv"), "--overwrite"]):
                    start = time.perf_counter()
                    try:
                        proc = subprocess.run([binary] + command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                              cwd=ROOT, timeout=timeout)
                    except subprocess.TimeoutExpired:
                        print(f"| {label} | {command[0]} | > {timeout:.0f} (stopped) | – |")
                        continue
                    print(f"| {label} | {command[0]} | {time.perf_counter() - start:.1f} | {proc.returncode} |")


CASES = {"read": case_read, "formats": case_formats, "overlap": case_overlap, "contiguity": case_contiguity,
         "coterminosity": case_coterminosity, "mainjob": case_mainjob, "evidence": case_evidence, "diff": case_diff, "scenario": case_scenario, "attributes": case_attributes,
         "dissolve": case_dissolve, "area": case_area, "catchments": case_catchments,
         "floor": case_floor, "edges": case_edges, "jagged": case_jagged}

if __name__ == "__main__":
    chosen = sys.argv[1:] or list(CASES)
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    for case in chosen:
        CASES[case]()
