"""Peer for the dissolve benchmark: LSOA 2021 → ICB 2024 with GeoPandas.

Usage: python dissolve_geopandas.py BLOCKS LOOKUP GROUP_COLUMN OUT_GEOJSON
Joins each block to its group through the lookup, dissolves by group and writes GeoJSON (WGS 84,
as RFC 7946 asks), as `placemap dissolve BLOCKS --lookup LOOKUP --by GROUP_COLUMN -o OUT`.
Prints the seconds of its own work (after the imports) on stdout.
"""
import sys
import time

import geopandas as gpd
import pandas as pd

start = time.perf_counter()
blocks_path, lookup_path, group, out = sys.argv[1:5]
blocks = gpd.read_file(blocks_path)[["lsoa21_code", "geometry"]].to_crs(27700)
lookup = pd.read_csv(lookup_path)[["lsoa21_code", group]]
areas = blocks.merge(lookup, on="lsoa21_code").dissolve(by=group)
areas["area_m2"] = areas.area
areas.to_crs(4326).to_file(out, driver="GeoJSON")
print(f"{time.perf_counter() - start:.3f}")
