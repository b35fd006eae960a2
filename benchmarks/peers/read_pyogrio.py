"""Peer for the GeoJSON read benchmark: GDAL via pyogrio into a GeoDataFrame (geometries and properties).

Usage: python read_pyogrio.py FILE [REPEATS]  → one line per repeat: "seconds features".
"""
import sys
import time

import pyogrio

path = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 1
for _ in range(repeats):
    start = time.perf_counter()
    frame = pyogrio.read_dataframe(path)
    print(f"{time.perf_counter() - start:.4f} {len(frame)}")
