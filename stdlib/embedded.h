/* stdlib/embedded.h: the Python modules of stdlib/lib/ compiled into the binary.
 *
 * tools/embed_lib.py generates embedded_lib.c (in the build directory) from
 * the .py files listed in stdlib/lib/meson.build. One entry per module:
 *   stdlib/lib/threading.py                 -> name "threading",        is_package 0
 *   stdlib/lib/multiprocessing/__init__.py  -> name "multiprocessing",  is_package 1
 *   stdlib/lib/multiprocessing/pool.py      -> name "multiprocessing.pool"
 * Entries are sorted by name; the array ends with an all-zero entry (name == NULL).
 * `source` is NUL-terminated UTF-8 and `len` is its length in bytes without the NUL.
 * The generated file registers the table with the import system itself
 * (GILPY_EMBEDDED_TABLE, interp/modreg.h, which also defines the struct): only
 * tests name gilpy_embedded_modules.
 */
#ifndef GILPY_EMBEDDED_H
#define GILPY_EMBEDDED_H

#include "../interp/modreg.h"

extern const struct gilpy_embedded_module gilpy_embedded_modules[];

#endif /* GILPY_EMBEDDED_H */
