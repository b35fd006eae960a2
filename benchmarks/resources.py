#!/usr/bin/env python3
"""Resource growth: time and peak memory of `placemap info` as a layer grows.

    python3 benchmarks/resources.py [--sizes-vertices 250000,500000,1000000,2000000]
                                    [--sizes-features 125000,250000,500000,1000000] [--limit-mb 1024]

Two families of inputs, written to a temporary folder in EPSG:27700:
  vertices  one polygon (a wavy circle round a point in England) with N vertices
  features  N tiny squares (10 m) on a grid
For each size it prints the whole-process wall time and peak resident memory (wait4) and the ratio to
the previous size: linear growth shows as ratios near the size ratio (2 for doubling sizes).
Then it runs the largest features file under `ulimit -v` (--limit-mb) and prints the exit status
and the first line of stderr. Uses the release build (.build/release, or PLACEMAP_BIN_DIR).
"""
import argparse, math, os, pathlib, resource, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = pathlib.Path(os.environ.get("PLACEMAP_BIN_DIR", ROOT / ".build/release")) / "placemap"


def polygon_file(path, n):
    cx, cy, r = 430_000.0, 380_000.0, 20_000.0
    with open(path, "w") as f:
        f.write('{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:27700"}},"features":[')
        f.write('{"type":"Feature","properties":{"code":"P1"},"geometry":{"type":"Polygon","coordinates":[[')
        pts = []
        for k in range(n):
            t = 2 * math.pi * k / n
            rr = r * (1 + 0.01 * math.sin(50 * t))
            pts.append("[%.3f,%.3f]" % (cx + rr * math.cos(t), cy + rr * math.sin(t)))
        pts.append(pts[0])
        f.write(",".join(pts))
        f.write("]]}}]}")


def features_file(path, n):
    side = int(math.ceil(math.sqrt(n)))
    with open(path, "w") as f:
        f.write('{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:27700"}},"features":[\n')
        for k in range(n):
            x = 400_000 + 20 * (k % side)
            y = 300_000 + 20 * (k // side)
            if k:
                f.write(",\n")
            f.write('{"type":"Feature","properties":{"code":"F%d"},"geometry":{"type":"Polygon","coordinates":'
                    '[[[%d,%d],[%d,%d],[%d,%d],[%d,%d],[%d,%d]]]}}' % (k, x, y, x + 10, y, x + 10, y + 10, x, y + 10, x, y))
        f.write("\n]}")


def measure(args, limit_mb=None):
    pre = None
    if limit_mb:
        def pre():
            resource.setrlimit(resource.RLIMIT_AS, (limit_mb << 20, limit_mb << 20))
    start = time.perf_counter()
    p = subprocess.Popen([str(BIN)] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=pre)
    err = p.stderr.read().decode(errors="replace")
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, code, err


def family(name, maker, sizes, folder):
    print(f"\n{name}: placemap info FILE")
    print(f"{'N':>10} {'file MB':>8} {'wall s':>8} {'ratio':>6} {'peak MiB':>9} {'ratio':>6}")
    previous = None
    last = None
    for n in sizes:
        path = folder / f"{name}-{n}.geojson"
        maker(path, n)
        wall, rss, code, err = measure(["info", str(path)])
        if code != 0:
            print(f"{n:>10} failed with {code}: {err.strip().splitlines()[:1]}")
            continue
        mb = path.stat().st_size / 1e6
        rt = f"{wall / previous[0]:.2f}" if previous else ""
        rm = f"{rss / previous[1]:.2f}" if previous else ""
        print(f"{n:>10} {mb:>8.1f} {wall:>8.2f} {rt:>6} {rss:>9.0f} {rm:>6}")
        previous = (wall, rss)
        last = path
    return last


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes-vertices", default="250000,500000,1000000,2000000")
    ap.add_argument("--sizes-features", default="125000,250000,500000,1000000")
    ap.add_argument("--limit-mb", type=int, default=1024)
    a = ap.parse_args()
    if not BIN.exists():
        sys.exit(f"no {BIN}: run swift build -c release first")
    with tempfile.TemporaryDirectory() as d:
        folder = pathlib.Path(d)
        family("vertices", polygon_file, [int(s) for s in a.sizes_vertices.split(",")], folder)
        last = family("features", features_file, [int(s) for s in a.sizes_features.split(",")], folder)
        if last:
            wall, rss, code, err = measure(["info", str(last)], limit_mb=a.limit_mb)
            first = err.strip().splitlines()[0] if err.strip() else "(nothing on stderr)"
            signal = f" (signal {-code})" if code < 0 else ""
            print(f"\nunder ulimit -v {a.limit_mb} MiB: exit {code}{signal}: {first}")


if __name__ == "__main__":
    main()
