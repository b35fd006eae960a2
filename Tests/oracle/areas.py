"""Oracle: area in EPSG:27700 of each feature of a GeoJSON file, by Shapely + pyproj.

Usage: python areas.py FILE CODE_FIELD   → prints "code,area_m2" lines.
"""
import json
import sys

import numpy as np
import pyproj
import shapely
from shapely.geometry import shape

path, field = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    data = json.load(f)
transformer = pyproj.Transformer.from_crs(4326, 27700, always_xy=True)


def to_bng(xy):
    return np.column_stack(transformer.transform(xy[:, 0], xy[:, 1]))


for feature in data["features"]:
    geometry = shapely.transform(shape(feature["geometry"]), to_bng)
    print(f'{feature["properties"][field]},{float(shapely.area(geometry))!r}')
