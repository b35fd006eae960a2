"""Oracle: libpysal Queen and Rook contiguity of a layer, with shared boundary lengths by Shapely.

Usage: python contiguity.py FILE CODE_FIELD  → prints "a_code,b_code,kind,shared_m" lines, a_code < b_code, sorted.
kind is libpysal's: "rook" when the pair is in Rook.from_dataframe (a shared edge: two consecutive
shared vertices), else "queen" (in Queen.from_dataframe only: a shared vertex). Both are vertex-based.
shared_m is measured in EPSG:27700 (pyproj) as the mean of |boundary(a) ∩ b| and |boundary(b) ∩ a|,
which is the common edge length for touching polygons.
"""
import sys
import warnings

import geopandas as gpd
import libpysal
import shapely

path, field = sys.argv[1], sys.argv[2]
frame = gpd.read_file(path)
codes = list(frame[field])
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # islands and disconnected components are expected
    queen = libpysal.weights.Queen.from_dataframe(frame, ids=codes, use_index=False)
    rook = libpysal.weights.Rook.from_dataframe(frame, ids=codes, use_index=False)


def pairs(weights):
    return {(a, b) for a, near in weights.neighbors.items() for b in near if a < b}


queen_pairs, rook_pairs = pairs(queen), pairs(rook)
assert rook_pairs <= queen_pairs
ordered = sorted(queen_pairs)
geometry = dict(zip(codes, frame.to_crs(27700).geometry))
a = [geometry[p[0]] for p in ordered]
b = [geometry[p[1]] for p in ordered]
inside = shapely.length(shapely.intersection(shapely.boundary(a), b))
outside = shapely.length(shapely.intersection(shapely.boundary(b), a))
for (x, y), la, lb in zip(ordered, inside, outside):
    kind = "rook" if (x, y) in rook_pairs else "queen"
    print(f"{x},{y},{kind},{float((la + lb) / 2)!r}")
