#ifndef PLACEMAP_CGDAL_SHIM_H
#define PLACEMAP_CGDAL_SHIM_H
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>

/* Version gate: the floor is GDAL 3.6 (Debian bookworm). */
#if GDAL_VERSION_NUM < GDAL_COMPUTE_VERSION(3, 6, 0)
#error "Placemap needs GDAL 3.6 or later"
#endif

#endif
