/* modreg.h - how modules register themselves with the import system.
 *
 * A module written in C is its own stdlib/mod_*.c plus its line in
 * stdlib/meson.build; nothing else names it.  At file scope, before the init
 * function, the file says
 *
 *     GILPY_MODULE("math", mod_math_init);
 *
 * which declares `Value mod_math_init(void)` and puts a pointer to the entry
 * {"math", mod_math_init} into the ELF section `gilpy_modules`.  The linker
 * concatenates that section across all object files and, because its name is a
 * C identifier, defines __start_gilpy_modules and __stop_gilpy_modules around
 * it (GNU ld, gold and lld all do): the import system walks that array.  So
 * interp/ never names a stdlib/ symbol, and no hand-written table can fall out
 * of step with the files (tools/check_layers.py checks the layering).
 *
 * Design decisions:
 * - The section holds pointers to the entries, not the entries: an 8-byte
 *   pointer is never padded or over-aligned, so the section is a dense array
 *   whatever the compiler does to a struct.  (ASan puts no redzones around
 *   globals in named sections, with gcc or clang.)
 * - An object file that only registers a module is referenced by nobody, so a
 *   static library would drop it: the gilpy executable and the unit tests link
 *   gilpy_core whole (meson.build).
 * - Entries come in link order; look-up is by name (a dozen modules).
 * - The generated embedded_lib.c (tools/embed_lib.py) registers its table of
 *   Python sources the same way, with GILPY_EMBEDDED_TABLE in section
 *   `gilpy_embedded`; there may be several tables, each ending in {0}.
 * - `builtins` and `sys` are not registered: start-up code creates them before
 *   any import runs.
 */
#ifndef GILPY_MODREG_H
#define GILPY_MODREG_H

#include <stddef.h>

#include "../runtime/object.h"

typedef struct BuiltinModule {
    const char *name;           /* import name, e.g. "posix" */
    Value (*init)(void);        /* builds the module; the import system caches it */
} BuiltinModule;

/* One Python module compiled into the binary (see stdlib/embedded.h). */
struct gilpy_embedded_module {
    const char *name;   /* dotted module name */
    const char *source; /* module source text, NUL-terminated */
    size_t len;         /* strlen(source) */
    int is_package;     /* 1 for a package's __init__.py */
};

/* Register the C module NAME, built by `Value INIT(void)` (defined in the same
 * file, after this line, with external linkage). */
#define GILPY_MODULE(NAME, INIT)                                              \
    Value INIT(void);                                                         \
    static const BuiltinModule gilpy_module_##INIT = {NAME, INIT};            \
    static const BuiltinModule *const gilpy_modref_##INIT                     \
        __attribute__((used, section("gilpy_modules"))) = &gilpy_module_##INIT

/* Register TABLE, an array of embedded modules that ends with an all-zero entry. */
#define GILPY_EMBEDDED_TABLE(TABLE)                                           \
    static const struct gilpy_embedded_module *const gilpy_embref_##TABLE    \
        __attribute__((used, section("gilpy_embedded"))) = TABLE

/* The registered C module called `name`, or NULL. */
const BuiltinModule *import_find_builtin(const char *name);

/* 1 when `name` is a C module, without loading it (import_ext.c's shared
 * objects are only named, not opened). */
int import_is_builtin_name(const char *name);

/* All registered C modules (*n of them), in link order. */
const BuiltinModule *const *import_builtin_modules(size_t *n);
/* The embedded Python module `name` (dotted), or NULL. */
const struct gilpy_embedded_module *import_find_embedded(const char *name);
/* The tables of embedded modules (each ends with an all-zero entry). */
const struct gilpy_embedded_module *const *import_embedded_tables(size_t *n);

#endif
