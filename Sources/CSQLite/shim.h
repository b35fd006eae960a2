#ifndef PLACEMAP_CSQLITE_SHIM_H
#define PLACEMAP_CSQLITE_SHIM_H
#include <sqlite3.h>

/* SQLITE_TRANSIENT is a cast macro Swift cannot import: bind copies of the caller's bytes. */
static inline sqlite3_destructor_type placemap_sqlite_transient(void) { return SQLITE_TRANSIENT; }

#endif
