"""Oracle: area in EPSG:27700 of each feature of a GeoJSON file, by Shapely + pyproj.

Usage: python areas.py FILE CODE_FIELD   → prints "code,area_m2" lines.
"""
import json
import sys

import pyproj
import shapely
from shapely.geometry import shape
from shapely.ops import transform

path, field = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    data = json.load(f)
to_bng = pyproj.Transformer.from_crs(4326, 27700, always_xy=True).transform
for feature in data["features"]:
    geometry = transform(to_bng, shape(feature["geometry"]))
    print(f'{feature["properties"][field]},{float(shapely.area(geometry))!r}')
