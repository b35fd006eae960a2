"""Peer for the catchments benchmark: OHID acute trust catchments written with pandas and GeoPandas.

Usage: python catchments_geopandas.py GEODATA OUT_DIR
Census 2021 LSOA populations go to MSOA 2011 through the ONS lookups (a split LSOA shared equally);
each trust's catchment is the sum over MSOAs of its admission share times the MSOA's people
(proportional flow) and the people of the MSOAs where it has the largest share (first past the post);
the first-past-the-post MSOAs are dissolved into catchment polygons; each MSOA goes to the LAD holding
most of its area, giving the people each trust draws from each place. Writes trusts.csv,
trust_places.csv and catchments.geojson, as `placemap catchments` does (with more tables).
Prints the seconds of its own work (after the imports) on stdout.
"""
import os
import sys
import time

import geopandas as gpd
import pandas as pd

start = time.perf_counter()
data, out = sys.argv[1:3]
path = lambda name: os.path.join(data, name)
census = pd.read_csv(path("census21_population_lsoa21.csv"))[["lsoa21_code", "usual_residents"]]
bridge = pd.read_csv(path("lookup_lsoa11_lsoa21.csv"))[["lsoa11_code", "lsoa21_code"]]
nest = pd.read_csv(path("lookup_lsoa11_msoa11.csv"))
links = census.merge(bridge, on="lsoa21_code").merge(nest, on="lsoa11_code")
links["people"] = links["usual_residents"] / links.groupby("lsoa21_code")["lsoa11_code"].transform("count")
msoa_people = links.groupby("msoa11_code")["people"].sum().rename("people").reset_index()

shares = pd.read_csv(path("ohid_trust_msoa11_shares_2019.csv")).rename(columns={"msoa_code": "msoa11_code"})
flows = shares.merge(msoa_people, on="msoa11_code")
flows["proportional"] = flows["proportion"] * flows["people"]
top = flows.sort_values("proportion", ascending=False).drop_duplicates("msoa11_code")
trusts = flows.groupby("trust_code")["proportional"].sum().to_frame()
trusts["first_past_the_post"] = top.groupby("trust_code")["people"].sum()
trusts = trusts.fillna(0)

msoas = gpd.read_file(path("msoa11_england.geojson"))[["msoa11_code", "geometry"]].to_crs(27700)
lads = gpd.read_file(path("built/lad24.geojson")).to_crs(27700)
lad_code = lads.columns[0]
pieces = gpd.overlay(msoas, lads[[lad_code, "geometry"]], how="intersection", keep_geom_type=True)
pieces["area"] = pieces.area
msoa_lad = pieces.sort_values("area", ascending=False).drop_duplicates("msoa11_code")[["msoa11_code", lad_code]]
trust_places = flows.merge(msoa_lad, on="msoa11_code").groupby(["trust_code", lad_code])["proportional"].sum()

catchments = msoas.merge(top[["msoa11_code", "trust_code"]], on="msoa11_code").dissolve(by="trust_code")
os.makedirs(out, exist_ok=True)
trusts.to_csv(os.path.join(out, "trusts.csv"))
trust_places.to_csv(os.path.join(out, "trust_places.csv"))
catchments.to_crs(4326).to_file(os.path.join(out, "catchments.geojson"), driver="GeoJSON")
print(f"{time.perf_counter() - start:.3f}")
