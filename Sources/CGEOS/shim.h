#ifndef PLACEMAP_CGEOS_SHIM_H
#define PLACEMAP_CGEOS_SHIM_H
#include <geos_c.h>

/* Version gates: the floor is GEOS 3.11 (Debian bookworm). */
#if GEOS_VERSION_MAJOR < 3 || (GEOS_VERSION_MAJOR == 3 && GEOS_VERSION_MINOR < 11)
#error "Placemap needs GEOS 3.11 or later"
#endif

/* GEOSCoverageIsValid_r arrived in GEOS 3.12; 1 = available. */
static inline int placemap_geos_has_coverage_is_valid(void) {
#if GEOS_VERSION_MAJOR > 3 || (GEOS_VERSION_MAJOR == 3 && GEOS_VERSION_MINOR >= 12)
    return 1;
#else
    return 0;
#endif
}

#endif
