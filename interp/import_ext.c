/* import_ext.c - C modules over a C library, loaded on their first import.
 *
 * A module that wraps a well-kept C library (zlib, libcrypto, sqlite, libffi,
 * expat, ...) is built as its own shared object, stdlib/NAME.so, instead of
 * into the gilpy executable.  Linking those libraries into the executable
 * made every start-up pay for them: the dynamic loader maps and relocates
 * each one (libcrypto alone is megabytes of relocated data) before main()
 * runs, and on this kind of machine a page fault costs several
 * microseconds.  An empty script now maps none of them.
 *
 * To the import system these modules are still built-in (they are in
 * sys.builtin_module_names and found by BuiltinImporter, as most of them are
 * in CPython's own build): import_find_builtin() asks ext_find() for a name
 * the executable does not register, and ext_find() dlopens the object the
 * first time.  Inside the object the module registers itself with
 * GILPY_MODULE and its static types with GILPY_TYPE, as in the executable;
 * stdlib/ext_entry.c, linked into every object, hands the object's own
 * registry sections to the loader, which readies the types before the
 * module's init runs.  The
 * executable exports its symbols (meson.build: export_dynamic) so the
 * objects call the runtime directly.
 *
 * Where the objects are is fixed at configure time (config.h): the build
 * tree's stdlib/ directory first, then the installed library directory.  The
 * list of names (GILPY_EXT_MODULES) comes from meson.build, which builds one
 * object per name.
 */
#include "import_ext.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "../runtime/object.h"

static const char *const ext_names_table[] = {GILPY_EXT_MODULES};
#define EXT_COUNT (sizeof ext_names_table / sizeof ext_names_table[0])

static const char *const ext_dirs[] = {GILPY_EXT_DIR_BUILD, GILPY_EXT_DIR_INSTALL};

/* Per name: the loaded object's entry, once found. */
static const BuiltinModule *ext_loaded[EXT_COUNT];
static char ext_error[512];

const char *const *ext_names(size_t *n) {
    *n = EXT_COUNT;
    return ext_names_table;
}

static int ext_index(const char *name) {
    for (size_t i = 0; i < EXT_COUNT; i++)
        if (strcmp(ext_names_table[i], name) == 0) return (int)i;
    return -1;
}

int ext_is_ext(const char *name) {
    return ext_index(name) >= 0;
}

typedef const BuiltinModule *const *(*ExtModulesFn)(size_t *n);
typedef const TypeReg *const *(*ExtTypesFn)(size_t *n);

/* dlopen NAME.so from the first directory that has it; NULL with
 * ext_error set when none does or it will not load. */
static void *ext_open(const char *name) {
    ext_error[0] = '\0';
    for (size_t i = 0; i < sizeof ext_dirs / sizeof ext_dirs[0]; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.so", ext_dirs[i], name);
        void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
        if (h) return h;
        const char *why = dlerror();
        /* Keep the first error that is not "no such file": it says why an object that exists did not load. */
        if (why && (!ext_error[0] || strstr(ext_error, "No such file")))
            snprintf(ext_error, sizeof ext_error, "%s", why);
    }
    return NULL;
}

static const BuiltinModule *ext_load(int idx) {
    const char *name = ext_names_table[idx];
    void *h = ext_open(name);
    if (!h) return NULL;
    ExtModulesFn modules = (ExtModulesFn)dlsym(h, "gilpy_ext_modules");
    ExtTypesFn types = (ExtTypesFn)dlsym(h, "gilpy_ext_types");
    if (!modules || !types) {
        snprintf(ext_error, sizeof ext_error, "%s.so was not built by gilpy (no gilpy_ext_modules)", name);
        return NULL;
    }
    size_t n;
    const TypeReg *const *reg = types(&n);
    for (size_t i = 0; i < n; i++) type_ready(reg[i]->type);
    const BuiltinModule *const *mods = modules(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(mods[i]->name, name) == 0) return mods[i];
    snprintf(ext_error, sizeof ext_error, "%s.so does not define module %s", name, name);
    return NULL;
}

const BuiltinModule *ext_find(const char *name) {
    int idx = ext_index(name);
    if (idx < 0) return NULL;
    if (!ext_loaded[idx]) ext_loaded[idx] = ext_load(idx);
    return ext_loaded[idx];
}

const char *ext_last_error(void) {
    return ext_error;
}
