"""Peer for the contiguity benchmark: libpysal Queen and Rook weights from a GeoDataFrame.

Usage: python contiguity_libpysal.py FILE CODE_FIELD OUT.csv
Reads FILE with GeoPandas (pyogrio), builds Queen and Rook weights (vertex-based, ids from
CODE_FIELD) and writes a_code,b_code,kind (rook when in Rook, else queen), one row per pair, sorted.
No reprojection and no shared lengths: placemap does both on top of this.
"""
import csv
import sys
import warnings

import geopandas as gpd
import libpysal

path, field, out = sys.argv[1:4]
frame = gpd.read_file(path)
codes = list(frame[field])
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # islands are expected
    queen = libpysal.weights.Queen.from_dataframe(frame, ids=codes, use_index=False)
    rook = libpysal.weights.Rook.from_dataframe(frame, ids=codes, use_index=False)
rook_pairs = {(a, b) for a, near in rook.neighbors.items() for b in near if a < b}
pairs = sorted((a, b) for a, near in queen.neighbors.items() for b in near if a < b)
with open(out, "w", newline="", encoding="utf-8") as f:
    writer = csv.writer(f)
    writer.writerow(["a_code", "b_code", "kind"])
    for a, b in pairs:
        writer.writerow([a, b, "rook" if (a, b) in rook_pairs else "queen"])
