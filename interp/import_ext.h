/* import_ext.h - C modules in shared objects, loaded on first import (see import_ext.c). */
#ifndef GILPY_IMPORT_EXT_H
#define GILPY_IMPORT_EXT_H

#include <stddef.h>

#include "modreg.h"

/* The module called NAME from its shared object, loading it the first time;
 * NULL when NAME is not such a module or its object will not load (then
 * ext_last_error() says why). */
const BuiltinModule *ext_find(const char *name);

/* 1 when NAME is one of the modules built as a shared object. */
int ext_is_ext(const char *name);

/* The names of all such modules (loaded or not). */
const char *const *ext_names(size_t *n);

/* Why the last ext_find() of an existing name failed ("" if it did not). */
const char *ext_last_error(void);

#endif
