/* importlib.c - gilpy's import system as CPython's importlib sees it.
 *
 * gilpy imports in C (import.c).  CPython's importlib, from its library, is
 * loaded only when a program asks for it (compiling it costs about 20 ms, too
 * much for every start), and this file keeps the two views in step:
 *
 * - sys.meta_path, sys.path_hooks and sys.path_importer_cache appear on their
 *   first use (sys's module __getattr__ calls imlib_sys_getattr), filled as
 *   CPython fills them at start: BuiltinImporter and FrozenImporter (gilpy's
 *   embedded modules are its frozen ones, served by the _imp module), then
 *   PathFinder with FileFinder's hook.
 * - Once the `importlib` package has run, every module has __spec__ and
 *   __loader__ made by importlib's own functions: the ones already imported
 *   at that moment, then each new one before its code runs.
 * - The import statement consults sys.meta_path only when it holds something
 *   other than those three standard finders.  A program's finder then runs in
 *   its place in the list; the standard finders stand for gilpy's C search,
 *   which finds what they would, and fast.
 * - What that search passes over goes to PathFinder after it: namespace
 *   packages, zip archives, a program's sys.path_hooks (imlib_path_find).
 *   zipimport's hook is a lazy native one until a zip archive shows up.
 * - importlib._bootstrap and _bootstrap_external are kept here once loaded,
 *   as CPython keeps its frozen importlib: a fresh copy that a program loads
 *   (test.support's import_fresh_module) is its own business.
 */
#include "importlib.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "../runtime/call.h"
#include "../runtime/error.h"
#include "../runtime/gc.h"
#include "../runtime/obj_bytes.h"
#include "../runtime/obj_dict.h"
#include "../runtime/obj_int.h"
#include "../runtime/obj_list.h"
#include "../runtime/obj_misc.h"
#include "../runtime/obj_str.h"
#include "../runtime/state.h"
#include "import.h"
#include "pycache.h"

enum { IMLIB_BUILTIN, IMLIB_FROZEN, IMLIB_PATH, IMLIB_NSTD };
enum { IMLIB_BOOT, IMLIB_EXT, IMLIB_NPARTS };

static Value imlib_std[IMLIB_NSTD];    /* the standard finders, once installed */
static Value imlib_parts[IMLIB_NPARTS];  /* the import system's own _bootstrap halves */
static int imlib_roots, imlib_ready;

static void imlib_add_roots(void) {
    if (imlib_roots) return;
    imlib_roots = 1;
    for (int i = 0; i < IMLIB_NSTD; i++) { imlib_std[i] = VAL_NULL; gc_add_root(&imlib_std[i]); }
    for (int i = 0; i < IMLIB_NPARTS; i++) { imlib_parts[i] = VAL_NULL; gc_add_root(&imlib_parts[i]); }
}

static Value imlib_sys_dict(void) { return MODULE_DICT(interp.sys_module); }

/* importlib._bootstrap or _bootstrap_external: imported once, then kept, as
 * CPython's interpreter keeps its frozen importlib.  A fresh copy a program
 * loads later (import_fresh_module, with _frozen_importlib blocked) is its
 * own; the import system goes on with the first. */
static Value imlib_part(int which) {
    static const char *const names[IMLIB_NPARTS] = {"importlib._bootstrap", "importlib._bootstrap_external"};
    imlib_add_roots();
    if (!IS_NULL(imlib_parts[which])) return imlib_parts[which];
    Value m = import_module_c(names[which]);
    if (!IS_NULL(m) && IS_NULL(imlib_parts[which])) imlib_parts[which] = m;
    return m;
}

static Value imlib_call_attr(Value obj, const char *attr, Value *args, int nargs, Value kwnames) {
    Value f = obj_getattr_c(obj, attr);
    return IS_NULL(f) ? VAL_NULL : call_value(f, args, nargs, kwnames);
}

/* zipimport's hook, first in sys.path_hooks as CPython's start-up puts it.
 * Compiling zipimport would cost every program that never has a zip archive
 * on its path, so the hook starts as the lazy one below and becomes
 * zipimport.zipimporter when a path entry is a file (or inside one). */
static Value imlib_zip_hook_fn = VAL_NULL;
static int imlib_add_zip_hook(void);

/* The hook until then: a path entry that is a file, or a path inside one,
 * goes to zipimport.zipimporter; any other is refused at once. */
static Value imlib_zip_hook_m(Value *args, int nargs, Value kwnames) {
    struct stat st;
    Value path = args[0];
    int r = IS_STR(path) ? stat(STR_DATA(path), &st) : -1;
    int file = IS_STR(path) && (r == 0 ? S_ISREG(st.st_mode) : errno == ENOTDIR);
    if (!file) return err_format(&exc_ImportError, "not a Zip file");
    if (imlib_add_zip_hook() < 0) return VAL_NULL;
    Value zi = import_module_c("zipimport");
    Value zimp = IS_NULL(zi) ? VAL_NULL : obj_getattr_c(zi, "zipimporter");
    return IS_NULL(zimp) ? VAL_NULL : call_value(zimp, &path, 1, VAL_NULL);
}

static const MethodDef imlib_zip_hook_def = {
    "zipimporter", imlib_zip_hook_m, ARGS_ONE, "zipimport.zipimporter, imported when first needed."};

/* Put the three lists into sys, then let importlib fill them as CPython's
 * start-up does (_bootstrap._install, _bootstrap_external._install). */
static int imlib_install(void) {
    /* importlib first: the lists must not be there, empty, while it loads
     * (an empty sys.meta_path finds nothing), and once the package has run
     * it has installed them itself (imlib_become_ready) */
    Value boot = imlib_part(IMLIB_BOOT);
    Value ext = IS_NULL(boot) ? VAL_NULL : imlib_part(IMLIB_EXT);
    if (IS_NULL(ext)) return -1;
    if (!IS_NULL(imlib_std[IMLIB_PATH])) return 0;
    Value d = imlib_sys_dict();
    Value mp = list_new(4), hooks = list_new(2), cache = dict_new();
    if (IS_NULL(mp) || IS_NULL(hooks) || IS_NULL(cache)) return -1;
    if (dict_set_c(d, "meta_path", mp) < 0 || dict_set_c(d, "path_hooks", hooks) < 0 ||
        dict_set_c(d, "path_importer_cache", cache) < 0)
        return -1;
    /* As in CPython, where they are the frozen import system: a fresh
     * `import importlib` (import_fresh_module) takes them over from here. */
    if (dict_set_c(interp.modules, "_frozen_importlib", boot) < 0 ||
        dict_set_c(interp.modules, "_frozen_importlib_external", ext) < 0)
        return -1;
    imlib_add_roots();
    imlib_std[IMLIB_BUILTIN] = obj_getattr_c(boot, "BuiltinImporter");
    imlib_std[IMLIB_FROZEN] = obj_getattr_c(boot, "FrozenImporter");
    imlib_std[IMLIB_PATH] = obj_getattr_c(ext, "PathFinder");
    for (int i = 0; i < IMLIB_NSTD; i++) if (IS_NULL(imlib_std[i])) return -1;
    if (list_append(mp, imlib_std[IMLIB_BUILTIN]) < 0 || list_append(mp, imlib_std[IMLIB_FROZEN]) < 0)
        return -1;
    if (IS_NULL(imlib_call_attr(ext, "_install", &boot, 1, VAL_NULL))) return -1;
    if (IS_NULL(imlib_zip_hook_fn)) {
        gc_add_root(&imlib_zip_hook_fn);
        imlib_zip_hook_fn = builtin_fn_new(&imlib_zip_hook_def, VAL_NULL);
        if (IS_NULL(imlib_zip_hook_fn)) return -1;
    }
    return list_insert(hooks, 0, imlib_zip_hook_fn);
}

/* The lazy hook's work, done once: zipimport.zipimporter takes its place. */
static int imlib_add_zip_hook(void) {
    static int done;
    if (done) return 0;
    done = 1;
    Value zi = import_module_c("zipimport");
    Value zimp = IS_NULL(zi) ? VAL_NULL : obj_getattr_c(zi, "zipimporter");
    if (IS_NULL(zimp)) { err_clear(); return 0; }          /* as CPython: quietly without it */
    Value hooks = dict_get_c(imlib_sys_dict(), "path_hooks");
    if (!IS_LIST(hooks)) return 0;
    int64_t at = -1;
    for (int64_t i = 0; i < AS_LIST(hooks)->len && at < 0; i++)
        if (AS_LIST(hooks)->items[i] == imlib_zip_hook_fn) at = i;
    if (at >= 0) AS_LIST(hooks)->items[at] = zimp;
    else if (list_insert(hooks, 0, zimp) < 0) return -1;
    /* entries no hook took before are asked again */
    Value cache = dict_get_c(imlib_sys_dict(), "path_importer_cache");
    Value keys = IS_DICT(cache) ? seq_to_tuple(cache) : VAL_NULL;
    if (IS_NULL(keys)) return IS_DICT(cache) ? -1 : 0;
    for (int64_t i = 0; i < AS_TUPLE(keys)->len; i++)
        if (IS_NONE(dict_get(cache, AS_TUPLE(keys)->items[i])) && dict_del(cache, AS_TUPLE(keys)->items[i]) < 0)
            return -1;
    return 0;
}

Value imlib_sys_getattr(Value name) {
    if (IS_STR(name) && (str_eq_c(name, "meta_path") || str_eq_c(name, "path_hooks") ||
                         str_eq_c(name, "path_importer_cache"))) {
        if (imlib_install() < 0) return VAL_NULL;
        return dict_get(imlib_sys_dict(), name);
    }
    return err_format(&exc_AttributeError, "module 'sys' has no attribute '%S'", name);
}

/* ---- specs ------------------------------------------------------------------------ */

/* The spec importlib would give module m, found where gilpy found it. */
static Value imlib_spec_for(Value m) {
    Value name = obj_getattr_c(m, "__name__");
    if (IS_NULL(name)) return VAL_NULL;
    Value boot = imlib_part(IMLIB_BOOT);
    if (IS_NULL(boot)) return VAL_NULL;
    if (IS_EXACT(m, type_module) && ((ModuleObj *)AS_OBJ(m))->builtin) {
        Value finder = obj_getattr_c(boot, "BuiltinImporter");
        return IS_NULL(finder) ? VAL_NULL : imlib_call_attr(finder, "find_spec", &name, 1, VAL_NULL);
    }
    if (!IS_NULL(dict_get_c(MODULE_DICT(m), "__origname__"))) {      /* embedded: frozen */
        Value finder = obj_getattr_c(boot, "FrozenImporter");
        if (IS_NULL(finder) || dict_del(MODULE_DICT(m), str_intern_c("__origname__")) < 0) return VAL_NULL;
        return imlib_call_attr(finder, "find_spec", &name, 1, VAL_NULL);
    }
    Value file = dict_get_c(MODULE_DICT(m), "__file__");
    if (!IS_STR(file)) return VAL_NONE;
    Value ext = imlib_part(IMLIB_EXT);
    if (IS_NULL(ext)) return VAL_NULL;
    Value path = dict_get_c(MODULE_DICT(m), "__path__");
    Value args[3] = {name, file, IS_NULL(path) ? VAL_NONE : path};
    Value kw = tuple_pack(1, str_intern_c("submodule_search_locations"));
    if (IS_NULL(kw)) return VAL_NULL;
    return imlib_call_attr(ext, "spec_from_file_location", args, 2, kw);
}

int imlib_attach_spec(Value m) {
    if (!imlib_ready) return 0;
    Value spec = imlib_spec_for(m);
    if (IS_NULL(spec)) return -1;
    if (IS_NONE(spec)) return 0;
    /* The spec names the cache gilpy's import used (pycache.c may keep it
     * under the user's cache directory when the source's is read-only). */
    Value cached = IS_EXACT(m, type_module) ? dict_get_c(MODULE_DICT(m), "__cached__") : VAL_NULL;
    if (IS_STR(cached) && obj_setattr(spec, str_intern_c("cached"), cached) < 0) return -1;
    Value boot = imlib_part(IMLIB_BOOT);
    if (IS_NULL(boot)) return -1;
    Value args[2] = {spec, m};
    return IS_NULL(imlib_call_attr(boot, "_init_module_attrs", args, 2, VAL_NULL)) ? -1 : 0;
}

int imlib_attach_main_spec(Value m) {
    if (!imlib_ready || !IS_EXACT(m, type_module)) return 0;
    Value d = MODULE_DICT(m);
    Value pkg = dict_get_c(d, "__package__"), file = dict_get_c(d, "__file__");
    Value spec = dict_get_c(d, "__spec__");
    if (!IS_STR(pkg) || !IS_STR(file) || (!IS_NULL(spec) && !IS_NONE(spec))) return 0;
    const char *path = STR_DATA(file), *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t len = strlen(base);
    if (len > 3 && strcmp(base + len - 3, ".py") == 0) len -= 3;
    char buf[512];
    int n = snprintf(buf, sizeof buf, "%s%s%.*s", STR_DATA(pkg), STR_LEN(pkg) ? "." : "", (int)len, base);
    if (n < 0 || (size_t)n >= sizeof buf) return 0;
    Value name = str_new_checked(buf, (size_t)n);
    Value ext = imlib_part(IMLIB_EXT);
    if (IS_NULL(name) || IS_NULL(ext)) return -1;
    Value args[2] = {name, file};
    spec = imlib_call_attr(ext, "spec_from_file_location", args, 2, VAL_NULL);
    if (IS_NULL(spec)) return -1;
    return dict_set_c(d, "__spec__", spec) < 0 || dict_set_c(d, "__loader__", obj_getattr_c(spec, "loader")) < 0
           ? -1 : 0;
}

/* The importlib package has run: give every module imported so far its spec. */
/* importlib's MAGIC_NUMBER (and importlib.util's, taken from it) is that of
 * gilpy's cache files, so that its SourceFileLoader and py_compile read and
 * write the same files as gilpy's import (pycache.c). */
static int imlib_set_magic(void) {
    Value ext = dict_get_c(interp.modules, "importlib._bootstrap_external");
    if (IS_NULL(ext) || !IS_EXACT(ext, type_module)) return 0;
    unsigned char magic[4];
    pyc_magic(magic);
    Value m = bytes_new(magic, 4);
    Value raw = int_from_i64((int64_t)magic[0] | magic[1] << 8 | magic[2] << 16 | (int64_t)magic[3] << 24);
    if (IS_NULL(m) || IS_NULL(raw)) return -1;
    return dict_set_c(MODULE_DICT(ext), "MAGIC_NUMBER", m) < 0 ||
           dict_set_c(MODULE_DICT(ext), "_RAW_MAGIC_NUMBER", raw) < 0 ? -1 : 0;
}

static int imlib_become_ready(void) {
    imlib_ready = 1;
    if (imlib_set_magic() < 0) return -1;
    /* The lists now, while importlib is whole: code that takes importlib out of
     * sys.modules (import_fresh_module) must find them there. */
    if (IS_NULL(dict_get_c(imlib_sys_dict(), "meta_path")) && imlib_install() < 0) return -1;
    Value items = seq_to_tuple(interp.modules);     /* the names, as a snapshot */
    if (IS_NULL(items)) return -1;
    /* __main__ keeps the __spec__ it has, also under another name (multiprocessing
     * aliases it as __mp_main__, and its spawn tells a script from a module by it) */
    Value main = dict_get_c(interp.modules, "__main__");
    if (!IS_NULL(main) && imlib_attach_main_spec(main) < 0) return -1;
    for (int64_t i = 0; i < AS_TUPLE(items)->len; i++) {
        Value name = AS_TUPLE(items)->items[i];
        Value m = dict_get(interp.modules, name);
        if (IS_NULL(m) || !IS_EXACT(m, type_module) || m == main) continue;
        Value spec = dict_get_c(MODULE_DICT(m), "__spec__");
        if (!IS_NULL(spec) && !IS_NONE(spec)) continue;
        if (imlib_attach_spec(m) < 0) return -1;
    }
    return 0;
}

int imlib_imported(Value fullname) {
    if (imlib_ready || !str_eq_c(fullname, "importlib")) return 0;
    return imlib_become_ready();
}

/* Load through a finder's spec as importlib does (module_from_spec, exec_module). */
static Value imlib_load_spec(Value spec) {
    Value boot = imlib_part(IMLIB_BOOT);
    return IS_NULL(boot) ? VAL_NULL : imlib_call_attr(boot, "_load", &spec, 1, VAL_NULL);
}

/* ---- what gilpy's own search does not do ------------------------------------------------ */

/* After gilpy's search of the path found nothing: importlib's PathFinder,
 * for what only it finds (namespace packages, zip files, a program's
 * sys.path_hooks).  It runs once importlib has set up sys.path_hooks, or
 * when the search saw a directory that could be a namespace package or a
 * path entry that is a file (then with zipimport's hook). */
Value imlib_path_find(Value fullname, Value path, int saw) {
    static int installing;              /* importlib's own imports, meanwhile, are gilpy's */
    int ready = imlib_roots && !IS_NULL(imlib_std[IMLIB_PATH]);
    if (installing || (!ready && !saw)) return VAL_NULL;
    if (!ready || (saw & IMPORT_SAW_FILE)) {
        installing = 1;
        int r = ready ? 0 : imlib_install();
        if (r == 0 && (saw & IMPORT_SAW_FILE)) r = imlib_add_zip_hook();
        installing = 0;
        if (r < 0) return VAL_NULL;
    }
    Value args[2] = {fullname, IS_NULL(path) ? VAL_NONE : path};
    Value spec = imlib_call_attr(imlib_std[IMLIB_PATH], "find_spec", args, 2, VAL_NULL);
    if (IS_NULL(spec) || IS_NONE(spec)) return VAL_NULL;
    return imlib_load_spec(spec);
}

/* ---- a program's own finders ------------------------------------------------------------ */

static int imlib_is_std(Value f) {
    for (int i = 0; i < IMLIB_NSTD; i++) if (imlib_roots && f == imlib_std[i]) return 1;
    return 0;
}


Value imlib_meta_find(Value fullname, Value parent, int after_std, int *use_c) {
    *use_c = 1;
    Value mp = dict_get_c(imlib_sys_dict(), "meta_path");
    if (IS_NULL(mp)) return VAL_NULL;               /* never looked at: gilpy's own search */
    if (!IS_LIST(mp)) return err_format(&exc_ImportError, "sys.meta_path must be a list of import hooks");
    int64_t n = AS_LIST(mp)->len, i = 0, nstd = 0;
    for (int64_t k = 0; k < n; k++) nstd += imlib_is_std(AS_LIST(mp)->items[k]);
    if (nstd == n && n > 0) return VAL_NULL;        /* only the standard finders */
    *use_c = nstd > 0;
    if (after_std) { while (i < n && !imlib_is_std(AS_LIST(mp)->items[i])) i++; }
    Value path = VAL_NONE;
    if (!IS_NULL(parent)) {
        path = obj_getattr_opt(parent, str_intern_c("__path__"));
        if (IS_NULL(path)) { if (err_occurred()) return VAL_NULL; path = VAL_NONE; }
    }
    for (; i < AS_LIST(mp)->len; i++) {
        Value f = AS_LIST(mp)->items[i];
        if (imlib_is_std(f)) { if (!after_std) break; continue; }
        Value fs = obj_getattr_opt(f, str_intern_c("find_spec"));
        if (IS_NULL(fs) && err_occurred()) return VAL_NULL;
        Value args[3] = {fullname, path, VAL_NONE};
        Value spec;
        if (!IS_NULL(fs)) {
            spec = call_value(fs, args, 3, VAL_NULL);
        } else {                        /* a PEP 302 finder: find_module, with importlib's warning */
            Value boot = imlib_part(IMLIB_BOOT);
            Value largs[3] = {f, fullname, path};
            spec = IS_NULL(boot) ? VAL_NULL : imlib_call_attr(boot, "_find_spec_legacy", largs, 3, VAL_NULL);
        }
        if (IS_NULL(spec)) return VAL_NULL;
        if (!IS_NONE(spec)) return imlib_load_spec(spec);
    }
    return VAL_NULL;
}
