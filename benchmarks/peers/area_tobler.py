"""Peer for the area-method benchmark: population of each LAD × ICB piece by tobler's areal interpolation.

Usage: python area_tobler.py BLOCKS POPULATION PLACES SYSTEMS OUT_CSV
The pieces are the GeoPandas overlay of the places and systems; each block's people are shared
between the pieces it meets in proportion to area (tobler.area_weighted.area_interpolate, extensive),
as `placemap overlap PLACES SYSTEMS --blocks … --population … --population-method area`.
Prints the seconds of its own work (after the imports) on stdout.
"""
import sys
import time

import geopandas as gpd
import pandas as pd
from tobler.area_weighted import area_interpolate

start = time.perf_counter()
blocks_path, population_path, places_path, systems_path, out = sys.argv[1:6]
blocks = gpd.read_file(blocks_path)[["lsoa21_code", "geometry"]].to_crs(27700)
people = pd.read_csv(population_path)[["lsoa21_code", "usual_residents"]]
blocks = blocks.merge(people, on="lsoa21_code")
places = gpd.read_file(places_path).to_crs(27700)
systems = gpd.read_file(systems_path).to_crs(27700)
place_code, system_code = places.columns[0], systems.columns[0]
pieces = gpd.overlay(places[[place_code, "geometry"]], systems[[system_code, "geometry"]], how="intersection",
                     keep_geom_type=True)
estimate = area_interpolate(source_df=blocks, target_df=pieces, extensive_variables=["usual_residents"])
pieces["population"] = estimate["usual_residents"].values
pieces["area_m2"] = pieces.area
pieces.drop(columns="geometry").to_csv(out, index=False)
print(f"{time.perf_counter() - start:.3f}")
