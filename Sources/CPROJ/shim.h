#ifndef PLACEMAP_CPROJ_SHIM_H
#define PLACEMAP_CPROJ_SHIM_H
#include <proj.h>

#if PROJ_VERSION_MAJOR < 9 || (PROJ_VERSION_MAJOR == 9 && PROJ_VERSION_MINOR < 1)
#error "Placemap needs PROJ 9.1 or later"
#endif

#endif
