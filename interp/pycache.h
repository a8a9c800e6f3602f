/* pycache.h - the bytecode cache: compiled modules kept in __pycache__
 * (interp/pycache.c explains where and how). */
#ifndef GILPY_PYCACHE_H
#define GILPY_PYCACHE_H

#include <limits.h>
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

/* One module's cache file and what it must record of the module's source:
 * for a source file, its modification time in seconds and its size, both
 * truncated to 32 bits (CPython's .pyc header); for a module embedded in
 * the binary, a hash of its text and its length. */
typedef struct PycEntry {
    char     cache[PATH_MAX];
    size_t   dir_end;           /* where the cache file's directory ends in cache */
    uint32_t mtime, size;
    unsigned mode;              /* permissions of a new cache file */
} PycEntry;

/* The entry of the source file at path: 0, or -1 (no error set) when it
 * has no cache (the file cannot be stat'ed, or there is nowhere to keep it). */
int   pyc_entry_for_file(const char *path, PycEntry *e);
/* The entry of the embedded module `name` whose text is src. */
int   pyc_entry_for_embedded(const char *name, const char *src, size_t len, PycEntry *e);
/* The code cached for e when the cache file is current, with co_filename
 * set to filename; VAL_NULL without an error when there is none (or it is
 * stale, or unreadable, or from another compiler). */
Value pyc_load(const PycEntry *e, Value filename);
/* Cache code for e; quietly does nothing when sys.dont_write_bytecode is
 * true or the file cannot be written. */
void  pyc_store(const PycEntry *e, Value code);

/* The 4 bytes a cache file starts with (importlib.util.MAGIC_NUMBER). */
void  pyc_magic(unsigned char out[4]);

#endif
