"""Oracle and benchmark peer: GeoPandas overlay of two layers, areas in EPSG:27700.

Usage: python overlay.py A B A_CODE B_CODE OUT.csv [--compute-time]
Writes a_code,b_code,area_m2,share_of_a,share_of_b sorted by a_code, b_code, keeping pieces with
positive area (what `placemap overlap` reports). With --compute-time, prints the seconds spent in
reprojection, overlay and area (reading and writing excluded) to stdout.
"""
import sys
import time

import geopandas as gpd

a_path, b_path, a_code, b_code, out = sys.argv[1:6]
a = gpd.read_file(a_path)[[a_code, "geometry"]]
b = gpd.read_file(b_path)[[b_code, "geometry"]]
start = time.perf_counter()
a = a.to_crs(27700)
b = b.to_crs(27700)
a["area_a"] = a.area
b["area_b"] = b.area
pieces = gpd.overlay(a, b, how="intersection", keep_geom_type=True)
pieces["area_m2"] = pieces.area
pieces = pieces[pieces["area_m2"] > 0]
pieces["share_of_a"] = pieces["area_m2"] / pieces["area_a"]
pieces["share_of_b"] = pieces["area_m2"] / pieces["area_b"]
table = pieces[[a_code, b_code, "area_m2", "share_of_a", "share_of_b"]].rename(columns={a_code: "a_code", b_code: "b_code"})
table = table.sort_values(["a_code", "b_code"])
elapsed = time.perf_counter() - start
table.to_csv(out, index=False, float_format="%.12g")
if "--compute-time" in sys.argv:
    print(f"{elapsed:.4f}")
