"""Peer for the coterminosity benchmark: the same analysis written with GeoPandas.

Usage: python coterminosity_geopandas.py BLOCKS POPULATION PLACES SYSTEMS OUT_DIR
Each block (LSOA) goes wholly to the place and the system holding the largest share of its area
(as placemap's largest-share method); a place is split when two or more systems hold some of its
people, and the place table is written to OUT_DIR/places.csv.
"""
import os
import sys

import geopandas as gpd
import pandas as pd

blocks_path, population_path, places_path, systems_path, out = sys.argv[1:6]
blocks = gpd.read_file(blocks_path)[["lsoa21_code", "geometry"]].to_crs(27700)
people = pd.read_csv(population_path)[["lsoa21_code", "usual_residents"]]
places = gpd.read_file(places_path).to_crs(27700)
systems = gpd.read_file(systems_path).to_crs(27700)
place_code, system_code = places.columns[0], systems.columns[0]


def largest(layer, code):
    pieces = gpd.overlay(blocks, layer[[code, "geometry"]], how="intersection", keep_geom_type=True)
    pieces["area"] = pieces.area
    return pieces.sort_values("area", ascending=False).drop_duplicates("lsoa21_code")[["lsoa21_code", code]]


assigned = largest(places, place_code).merge(largest(systems, system_code), on="lsoa21_code").merge(people, on="lsoa21_code")
pairs = assigned.groupby([place_code, system_code])["usual_residents"].sum().reset_index()
pairs["share"] = pairs["usual_residents"] / pairs.groupby(place_code)["usual_residents"].transform("sum")
pairs = pairs[pairs["usual_residents"] > 0]
summary = pairs.sort_values("share", ascending=False).groupby(place_code).agg(
    main_system=(system_code, "first"), main_share=("share", "first"), n_systems=(system_code, "count"),
    population=("usual_residents", "sum"))
summary["status"] = summary["n_systems"].map(lambda n: "coterminous" if n == 1 else "split")
os.makedirs(out, exist_ok=True)
summary.to_csv(os.path.join(out, "places.csv"))
