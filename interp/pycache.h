/* pycache.h - the bytecode cache: compiled modules kept in __pycache__
 * (interp/pycache.c explains where and how). */
#ifndef GILPY_PYCACHE_H
#define GILPY_PYCACHE_H

#include <stdint.h>

#include "../runtime/object.h"

/* sys.implementation.cache_tag: cache files are NAME.gilpy-311.pyc. */
#define PYC_CACHE_TAG "gilpy-311"

/* What a cache file records of its source: the modification time in seconds
 * and the size, both truncated to 32 bits (CPython's .pyc header). */
typedef struct PycSource {
    uint32_t mtime, size;
} PycSource;

/* Where the cache of the source at path is kept (a module's __cached__), or
 * None when it has none; NULL on MemoryError. */
Value pyc_cached_name(const char *path);
/* Stat the source file at path: 0, or -1 (no error set) when it cannot be. */
int   pyc_stat_source(const char *path, PycSource *src);
/* The code cached for the source at path when the cache file is current,
 * with co_filename set to filename; VAL_NULL without an error when there is
 * none (or it is stale, or unreadable, or from another compiler). */
Value pyc_load(const char *path, const PycSource *src, Value filename);
/* Cache code, compiled from the source at path; quietly does nothing when
 * sys.dont_write_bytecode is true or the cache cannot be written. */
void  pyc_store(const char *path, const PycSource *src, Value code);

/* The 4 bytes a cache file starts with (importlib.util.MAGIC_NUMBER). */
void  pyc_magic(unsigned char out[4]);

#endif
