"""Oracle: trust catchment populations computed with pandas from the bundled files.

Usage: python catchments.py GEODATA_DIR  → prints "trust_code,proportional,first_past_the_post" lines.
MSOA 2011 population: census 2021 LSOA21 counts, each LSOA21 divided equally between the LSOA11s the
ONS lookup links it to, summed by MSOA11. First past the post: largest share, ties to the lower code.
"""
import os
import sys

import pandas as pd

g = sys.argv[1]
census = pd.read_csv(os.path.join(g, "census21_population_lsoa21.csv"))
bridge = pd.read_csv(os.path.join(g, "lookup_lsoa11_lsoa21.csv"))
nest = pd.read_csv(os.path.join(g, "lookup_lsoa11_msoa11.csv"))
bridge = bridge.merge(census, on="lsoa21_code")
bridge["people"] = bridge["usual_residents"] / bridge.groupby("lsoa21_code")["lsoa11_code"].transform("count")
msoa = bridge.merge(nest, on="lsoa11_code").groupby("msoa11_code")["people"].sum()

shares = pd.read_csv(os.path.join(g, "ohid_trust_msoa11_shares_2019.csv"))
shares = shares[shares["msoa_code"].isin(msoa.index)]
shares["people"] = shares["proportion"] * shares["msoa_code"].map(msoa)
proportional = shares.groupby("trust_code")["people"].sum()
first = shares.sort_values(["msoa_code", "proportion", "trust_code"], ascending=[True, False, True]).drop_duplicates("msoa_code")
fptp = first.assign(people=first["msoa_code"].map(msoa)).groupby("trust_code")["people"].sum()
for trust in sorted(proportional.index):
    print(f"{trust},{float(proportional[trust])!r},{float(fptp.get(trust, 0.0))!r}")
