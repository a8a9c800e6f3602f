/* ext_entry.c - linked into every module built as a shared object
 * (interp/import_ext.c).  The linker gathers the object's own GILPY_MODULE
 * and GILPY_TYPE entries into its sections `gilpy_modules` and
 * `gilpy_types`, and the __start_/__stop_ symbols of a shared object refer to
 * its own copies of the sections: this hands them to the loader, which
 * readies the types (as types_init() does the executable's) and finds the
 * module by name. */
#include <stddef.h>

#include "interp/modreg.h"
#include "runtime/object.h"

/* Hidden: bind to this object's own section, never to the executable's. */
extern const BuiltinModule *const __start_gilpy_modules[] __attribute__((visibility("hidden")));
extern const BuiltinModule *const __stop_gilpy_modules[] __attribute__((visibility("hidden")));

extern const TypeReg *const __start_gilpy_types[] __attribute__((visibility("hidden"), weak));
extern const TypeReg *const __stop_gilpy_types[] __attribute__((visibility("hidden"), weak));

const BuiltinModule *const *gilpy_ext_modules(size_t *n);
const TypeReg *const *gilpy_ext_types(size_t *n);

__attribute__((visibility("default"))) const BuiltinModule *const *gilpy_ext_modules(size_t *n) {
    *n = (size_t)(__stop_gilpy_modules - __start_gilpy_modules);
    return __start_gilpy_modules;
}

/* Weak: an object may define no static type, and then has no such section. */
__attribute__((visibility("default"))) const TypeReg *const *gilpy_ext_types(size_t *n) {
    *n = __start_gilpy_types ? (size_t)(__stop_gilpy_types - __start_gilpy_types) : 0;
    return __start_gilpy_types;
}
