/* import.c - finding, loading and caching modules.
 *
 * A dotted name is imported one component at a time; each component is
 * looked up in sys.modules, then among the modules written in C (in the
 * executable, or in a shared object loaded on first import: import_ext.c), then among
 * the Python modules embedded in the binary (stdlib/lib/), both found through
 * the linker-section registry of modreg.h, then as NAME.py or NAME/__init__.py
 * in each directory of sys.path (a package's own directory for its
 * submodules).  The module enters sys.modules before its code runs, so
 * circular imports see the partly initialised module, and leaves it again
 * if the code fails.
 */
#include "import.h"
#include "source.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "../runtime/audit.h"
#include "../runtime/call.h"
#include "../runtime/error.h"
#include "../runtime/gc.h"
#include "../runtime/obj_dict.h"
#include "../runtime/obj_list.h"
#include "../runtime/obj_misc.h"
#include "../runtime/obj_str.h"
#include "../runtime/state.h"
#include "code.h"
#include "import_ext.h"
#include "importlib.h"
#include "modreg.h"
#include "pycache.h"
#include "vm.h"

static char *import_read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) { cap *= 2; char *nb = realloc(buf, cap); if (!nb) { free(buf); buf = NULL; } else buf = nb; }
    }
    int bad = ferror(f), e = errno;
    fclose(f);
    if (bad) { free(buf); errno = e; return NULL; }
    if (!buf) { errno = ENOMEM; return NULL; }
    *len = n;
    return buf;
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
static size_t utf8_seq_len(const unsigned char *s, size_t n) {
    unsigned c = s[0];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || len > n) return 0;
    for (size_t i = 1; i < len; i++) if ((s[i] & 0xC0) != 0x80) return 0;
    if (len == 2 && c < 0xC2) return 0;                          /* overlong */
    if (len == 3 && ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0))) return 0;
    if (len == 4 && ((c == 0xF0 && s[1] < 0x90) || c > 0xF4 || (c == 0xF4 && s[1] >= 0x90))) return 0;
    return len;
}

int import_check_source(const char *src, size_t len, const char *path) {
    const unsigned char *s = (const unsigned char *)src;
    int line = 1;
    for (size_t i = 0; i < len;) {
        size_t l = utf8_seq_len(s + i, len - i);
        if (l == 0) {
            Value msg = str_format_c("Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no "
                                     "encoding declared; see https://peps.python.org/pep-0263/ for details",
                                     s[i], path, line);
            if (!IS_NULL(msg)) err_set_value(&exc_SyntaxError, msg);
            return -1;
        }
        if (s[i] == '\n') line++;
        i += l;
    }
    return 0;
}

static Value import_exec_code(Value code, Value module) {
    /* CPython's loader runs a module through exec(): its "exec" event */
    if (audit_active() && audit("exec", "O", code) < 0) return VAL_NULL;
    Value d = MODULE_DICT(module);
    if (IS_NULL(vm_exec_code(AS_CODE(code), d, d))) return VAL_NULL;
    return module;
}

Value import_exec_source(Value name, const char *src, size_t len, Value filename, Value module) {
    Value code = compile_source(src, len, filename, PARSE_FILE);
    return IS_NULL(code) ? VAL_NULL : import_exec_code(code, module);
}

/* What a module runs: its compiled code, or its source text (compiled once
 * the module is registered, so that a SyntaxError unregisters it). */
typedef struct ModuleBody {
    Value code;                 /* VAL_NULL: compile src */
    const char *src;
    size_t len;
    Value cached;               /* __cached__ when the file's cache entry named it, else VAL_NULL */
} ModuleBody;

/* Create module `fullname`, register it, run its body; the module or NULL.
 * A module embedded in the binary is a frozen one to importlib, as CPython
 * makes them: no __file__, __origname__ for importlib's _setup, and an empty
 * __path__ for a package (pkgpath is then only a marker). */
static Value import_load_module(Value fullname, const ModuleBody *body, Value filename, Value pkgpath,
                                int frozen) {
    Value m = module_new(fullname);
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    if (frozen ? dict_set_c(d, "__origname__", fullname) < 0 : dict_set_c(d, "__file__", filename) < 0)
        return VAL_NULL;
    Value cached = frozen ? VAL_NULL : !IS_NULL(body->cached) ? body->cached : pyc_cached_name(STR_DATA(filename));
    if (!frozen && (IS_NULL(cached) || dict_set_c(d, "__cached__", cached) < 0)) return VAL_NULL;
    const char *fn = STR_DATA(fullname);
    const char *dot = strrchr(fn, '.');
    Value pkg;
    if (!IS_NULL(pkgpath)) {
        pkg = fullname;
        Value path = list_new(1);
        if (IS_NULL(path) || (!frozen && list_append(path, pkgpath) < 0) || dict_set_c(d, "__path__", path) < 0)
            return VAL_NULL;
    } else {
        pkg = dot ? str_new(fn, (size_t)(dot - fn)) : str_empty();
    }
    if (IS_NULL(pkg) || dict_set_c(d, "__package__", pkg) < 0) return VAL_NULL;
    if (dict_set(interp.modules, fullname, m) < 0) return VAL_NULL;
    if (imlib_attach_spec(m) < 0 ||
        IS_NULL(IS_NULL(body->code) ? import_exec_source(fullname, body->src, body->len, filename, m)
                                    : import_exec_code(body->code, m))) {
        Value e = err_fetch();
        dict_del(interp.modules, fullname);
        ts_get()->exc = e;
        return VAL_NULL;
    }
    Value final = dict_get(interp.modules, fullname);
    return IS_NULL(final) ? m : final;
}

/* The registries of modreg.h: arrays of pointers the linker gathers from
 * every object file's GILPY_MODULE / GILPY_EMBEDDED_TABLE. */
extern const BuiltinModule *const __start_gilpy_modules[], *const __stop_gilpy_modules[];
extern const struct gilpy_embedded_module *const __start_gilpy_embedded[],
    *const __stop_gilpy_embedded[];

const BuiltinModule *const *import_builtin_modules(size_t *n) {
    *n = (size_t)(__stop_gilpy_modules - __start_gilpy_modules);
    return __start_gilpy_modules;
}

const BuiltinModule *import_find_builtin(const char *name) {
    for (const BuiltinModule *const *b = __start_gilpy_modules; b < __stop_gilpy_modules; b++)
        if (strcmp((*b)->name, name) == 0) return *b;
    return ext_find(name);
}

int import_is_builtin_name(const char *name) {
    for (const BuiltinModule *const *b = __start_gilpy_modules; b < __stop_gilpy_modules; b++)
        if (strcmp((*b)->name, name) == 0) return 1;
    return ext_is_ext(name);
}

const struct gilpy_embedded_module *const *import_embedded_tables(size_t *n) {
    *n = (size_t)(__stop_gilpy_embedded - __start_gilpy_embedded);
    return __start_gilpy_embedded;
}

const struct gilpy_embedded_module *import_find_embedded(const char *name) {
    const struct gilpy_embedded_module *const *t;
    for (t = __start_gilpy_embedded; t < __stop_gilpy_embedded; t++)
        for (const struct gilpy_embedded_module *e = *t; e->name; e++)
            if (strcmp(e->name, name) == 0) return e;
    return NULL;
}

static Value import_error_named(Value fullname) {
    Value *dp = obj_dict_ptr(err_peek());
    if (dp && IS_DICT(*dp)) dict_set_c(*dp, "name", fullname);
    return VAL_NULL;
}

static Value import_builtin(Value fullname) {
    const BuiltinModule *b = import_find_builtin(STR_DATA(fullname));
    if (!b && ext_is_ext(STR_DATA(fullname)) && str_eq_c(fullname, STR_DATA(fullname))) {  /* its object will not load */
        err_format(&exc_ImportError, "%s", ext_last_error());
        return import_error_named(fullname);
    }
    if (!b || !str_eq_c(fullname, b->name)) return VAL_NULL;     /* no "math\0x" */
    Value m = b->init();
    if (IS_NULL(m)) return VAL_NULL;
    if (IS_EXACT(m, type_module)) MODULE_SET_BUILTIN(m);
    if (dict_set(interp.modules, fullname, m) < 0 || imlib_attach_spec(m) < 0) return VAL_NULL;
    return m;
}

static Value import_embedded(Value fullname) {
    const struct gilpy_embedded_module *e = import_find_embedded(STR_DATA(fullname));
    if (!e || !str_eq_c(fullname, e->name)) return VAL_NULL;
    Value filename = str_format_c("<frozen %s>", e->name);
    if (IS_NULL(filename)) return VAL_NULL;
    Value pkgpath = e->is_package ? str_format_c("<frozen %s>", e->name) : VAL_NULL;
    PycEntry entry;
    int cacheable = pyc_entry_for_embedded(e->name, e->source, e->len, &entry) == 0;
    ModuleBody body = {cacheable ? pyc_load(&entry, filename) : VAL_NULL, e->source, e->len, VAL_NULL};
    if (IS_NULL(body.code) && cacheable) {
        body.code = compile_source(e->source, e->len, filename, PARSE_FILE);
        if (IS_NULL(body.code)) return VAL_NULL;
        pyc_store(&entry, body.code);
    }
    return import_load_module(fullname, &body, filename, pkgpath, 1);
}

/* Modules CPython 3.11 freezes into its binary: found before sys.path (the
 * embedded one, or else the library directory's), so a script's own os.py or
 * abc.py does not shadow them.  The rest of the embedded stdlib comes after
 * sys.path, as CPython's stdlib directory does. */
static int import_is_frozen(const char *name) {
    static const char *const frozen[] = {
        "abc", "codecs", "io", "_collections_abc", "_sitebuiltins", "genericpath", "ntpath",
        "posixpath", "os", "os.path", "site", "stat", "importlib.util", "importlib.machinery", "runpy",
    };
    for (size_t i = 0; i < sizeof frozen / sizeof frozen[0]; i++)
        if (strcmp(name, frozen[i]) == 0) return 1;
    return 0;
}

static int import_is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* The code of the module source file at path: from the bytecode cache when
 * it is current, else compiled from the file (and cached); *cached is the
 * cache file's name (the module's __cached__), VAL_NULL when it has none. */
static Value import_file_code(const char *path, Value filename, Value *cached) {
    PycEntry entry;
    int cacheable = pyc_entry_for_file(path, &entry) == 0;
    *cached = cacheable ? str_from_c(entry.cache) : VAL_NULL;
    Value code = cacheable ? pyc_load(&entry, filename) : VAL_NULL;
    if (!IS_NULL(code)) return code;
    size_t len;
    char *src = import_read_file(path, &len);
    /* CPython's loaders fail as their read() does: MemoryError or OSError. */
    if (!src) return errno == ENOMEM ? err_no_memory() : err_from_errno(&exc_OSError, filename);
    char *owned;
    size_t tlen;
    int declared;
    const char *text = source_decode(src, len, SOURCE_STRING, filename, &tlen, &owned, &declared);
    if (text && (declared || import_check_source(text, tlen, STR_DATA(filename)) == 0))
        code = compile_source(text, tlen, filename, PARSE_FILE);
    free(owned);
    free(src);
    if (!IS_NULL(code) && cacheable) pyc_store(&entry, code);
    return code;
}

/* Look for `short` (the last component) in each directory of `dirs`.  *saw
 * gathers IMPORT_SAW_* for what was passed over that importlib's PathFinder
 * may still find (imlib_path_find): a directory `short` without __init__.py,
 * an entry that is a file.  The
 * embedded stdlib is searched just before CPython's library directory
 * (GILPY_CPYTHON_LIB), so gilpy's own version of a module wins over the
 * library's, and a script's directory or GILPY_PATH over both. */
static Value import_from_path(Value fullname, const char *shortname, Value dirs, int *saw) {
    if (!IS_LIST(dirs)) return VAL_NULL;
    int embedded_tried = 0;
    for (int64_t i = 0; i < AS_LIST(dirs)->len; i++) {
        Value dir = AS_LIST(dirs)->items[i];
        if (!IS_STR(dir)) continue;
        const char *ds = STR_LEN(dir) ? STR_DATA(dir) : ".";
        if (dirs == interp.path && !embedded_tried && strcmp(ds, GILPY_CPYTHON_LIB) == 0) {
            embedded_tried = 1;
            Value m = import_embedded(fullname);
            if (!IS_NULL(m) || err_occurred()) return m;
        }
        char cwd[PATH_MAX];                  /* a relative entry stands for its absolute path */
        if (ds[0] != '/' && getcwd(cwd, sizeof cwd)) {
            Value abs = strcmp(ds, ".") == 0 ? str_from_c(cwd) : str_format_c("%s/%s", cwd, ds);
            if (IS_NULL(abs)) return VAL_NULL;
            ds = STR_DATA(abs);
        }
        size_t need = strlen(ds) + strlen(shortname) + 16;
        char *path = malloc(need);
        if (!path) return err_no_memory();
        int pkg = 0;
        snprintf(path, need, "%s/%s/__init__.py", ds, shortname);
        if (import_is_file(path)) pkg = 1;
        else snprintf(path, need, "%s/%s.py", ds, shortname);
        if (!pkg && !import_is_file(path)) {
            struct stat st;         /* a namespace package's portion, or a zip archive? */
            snprintf(path, need, "%s/%s", ds, shortname);
            if (stat(path, &st) == 0) *saw |= S_ISDIR(st.st_mode) ? IMPORT_SAW_DIR : 0;
            else if (errno == ENOTDIR) *saw |= IMPORT_SAW_FILE;
            free(path);
            continue;
        }
        Value filename = str_from_c(path);
        Value pkgpath = VAL_NULL;
        if (pkg) {
            size_t end = strlen(path) - strlen("/__init__.py");
            pkgpath = str_new(path, end);
        }
        Value cached = VAL_NULL;
        Value code = IS_NULL(filename) || (pkg && IS_NULL(pkgpath)) ? VAL_NULL : import_file_code(path, filename, &cached);
        free(path);
        if (IS_NULL(code)) return VAL_NULL;
        ModuleBody body = {code, NULL, 0, cached};
        return import_load_module(fullname, &body, filename, pkgpath, 0);
    }
    return VAL_NULL;
}

/* The pending ImportError's `name` is fullname; returns VAL_NULL. */
/* gilpy's own search for `fullname`: built-in C modules, CPython's frozen
 * names among the embedded ones, sys.path (or the parent's __path__), the rest
 * of the embedded ones.  VAL_NULL without an error: not found. */
static Value import_search(Value fullname, Value parent) {
    const char *fn = STR_DATA(fullname);
    const char *dot = strrchr(fn, '.');
    int saw = 0;
    Value m = import_builtin(fullname);
    if (!IS_NULL(m) || err_occurred()) return m;
    if (IS_NULL(parent)) {
        if (import_is_frozen(fn)) {     /* gilpy's own, else the library's, before sys.path */
            m = import_embedded(fullname);
            if (!IS_NULL(m) || err_occurred()) return m;
            Value libdir = str_from_c(GILPY_CPYTHON_LIB);
            Value dirs = IS_NULL(libdir) ? VAL_NULL : list_from_array(&libdir, 1);
            if (IS_NULL(dirs)) return VAL_NULL;
            m = import_from_path(fullname, fn, dirs, &saw);
            if (!IS_NULL(m) || err_occurred()) return m;
        }
        m = import_from_path(fullname, fn, interp.path, &saw);
        if (!IS_NULL(m) || err_occurred()) return m;
        m = import_embedded(fullname);
        if (!IS_NULL(m) || err_occurred()) return m;
        return imlib_path_find(fullname, VAL_NULL, saw);
    }
    m = import_embedded(fullname);
    if (!IS_NULL(m) || err_occurred()) return m;
    Value ppath = obj_getattr_opt(parent, str_intern_c("__path__"));
    if (IS_NULL(ppath)) {
        if (err_occurred()) return VAL_NULL;
        Value pn = obj_getattr_c(parent, "__name__");
        if (IS_NULL(pn)) return VAL_NULL;
        err_format(&exc_ModuleNotFoundError, "No module named '%U'; %R is not a package", fullname, pn);
        return import_error_named(fullname);
    }
    /* a namespace package's __path__ is importlib's _NamespacePath: its entries now */
    Value dirs = IS_LIST(ppath) ? ppath : seq_to_list(ppath);
    if (IS_NULL(dirs)) return VAL_NULL;
    m = import_from_path(fullname, dot + 1, dirs, &saw);
    if (!IS_NULL(m) || err_occurred()) return m;
    return imlib_path_find(fullname, ppath, saw);
}

/* The search in the order sys.meta_path gives: a program's own finders in
 * their places, gilpy's search where the standard finders stand. */
static Value import_find(Value fullname, Value parent) {
    int use_c;
    Value m = imlib_meta_find(fullname, parent, 0, &use_c);
    if (!IS_NULL(m) || err_occurred()) return m;
    if (use_c) {
        m = import_search(fullname, parent);
        if (!IS_NULL(m) || err_occurred()) return m;
    }
    return imlib_meta_find(fullname, parent, 1, &use_c);
}

/* Import `fullname` whose parent (if any) is already imported. */
static Value import_one(Value fullname, Value parent) {
    Value m = dict_get(interp.modules, fullname);
    if (IS_NONE(m)) {
        err_format(&exc_ModuleNotFoundError, "import of %U halted; None in sys.modules", fullname);
        return import_error_named(fullname);
    }
    if (!IS_NULL(m)) return m;
    const char *dot = strrchr(STR_DATA(fullname), '.');
    m = import_find(fullname, parent);
    if (IS_NULL(m) && !err_occurred()) {
        err_format(&exc_ModuleNotFoundError, "No module named '%U'", fullname);
        return import_error_named(fullname);
    }
    if (IS_NULL(m)) return VAL_NULL;
    if (!IS_NULL(parent) && obj_setattr(parent, str_intern_c(dot + 1), m) < 0) return VAL_NULL;
    if (imlib_imported(fullname) < 0) return VAL_NULL;
    return m;
}

/* Import every prefix of a dotted name; returns the last module. */
/* sys.<name> for the audit event, without making the import lists appear (an
 * empty list stands for one importlib has not filled yet). */
static Value import_sys_attr(const char *name) {
    Value v = IS_OBJ(interp.sys_module) ? dict_get_c(MODULE_DICT(interp.sys_module), name) : VAL_NULL;
    return !IS_NULL(v) ? v : strcmp(name, "path") == 0 ? VAL_NONE : list_new(0);
}

/* The "import" audit event for a module that is not loaded yet, then (as
 * CPython's bootstrap imports the parents on its way) for each missing
 * parent package, the longest name first. */
static int import_audit(Value name) {
    const char *s = STR_DATA(name);
    size_t end = (size_t)STR_LEN(name);
    while (end > 0) {
        Value prefix = end == (size_t)STR_LEN(name) ? name : str_new(s, end);
        if (IS_NULL(prefix)) return -1;
        if (!IS_NULL(dict_get(interp.modules, prefix))) return 0;
        if (audit("import", "OOOOO", prefix, VAL_NONE, import_sys_attr("path"), import_sys_attr("meta_path"),
                  import_sys_attr("path_hooks")) < 0)
            return -1;
        while (end > 0 && s[end - 1] != '.') end--;
        if (end > 0) end--;
    }
    return 0;
}

Value import_module(Value name) {
    const char *s = STR_DATA(name);
    size_t n = (size_t)STR_LEN(name);
    Value parent = VAL_NULL, m = VAL_NULL;
    if (audit_active() && import_audit(name) < 0) return VAL_NULL;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '.') continue;
        Value prefix = str_new(s, i);
        if (IS_NULL(prefix)) return VAL_NULL;
        m = import_one(prefix, parent);
        if (IS_NULL(m)) return VAL_NULL;
        parent = m;
    }
    return m;
}

Value import_module_c(const char *name) { return import_module(str_from_c(name)); }

/* The package a relative import from a module with `globals` starts from, as
 * CPython's resolve_name finds it: __package__, else __spec__.parent, else
 * (with an ImportWarning) __name__, less its last part unless __path__ says
 * it is a package itself. */
static Value import_package_of(Value globals) {
    if (!IS_DICT(globals)) return err_format(&exc_KeyError, "'__name__' not in globals");
    Value pkg = dict_get_c(globals, "__package__");
    Value spec = dict_get_c(globals, "__spec__");
    if (IS_NONE(pkg)) pkg = VAL_NULL;
    if (!IS_NULL(pkg)) {
        if (!IS_STR(pkg)) return err_format(&exc_TypeError, "package must be a string");
        if (!IS_NULL(spec) && !IS_NONE(spec)) {
            Value parent = obj_getattr_c(spec, "parent");
            int eq = IS_NULL(parent) ? -1 : obj_eq(pkg, parent);
            if (eq < 0) return VAL_NULL;
            if (!eq && err_warn(&exc_ImportWarning, "__package__ != __spec__.parent") < 0) return VAL_NULL;
        }
        return pkg;
    }
    if (!IS_NULL(spec) && !IS_NONE(spec)) {
        pkg = obj_getattr_c(spec, "parent");
        if (IS_NULL(pkg)) return VAL_NULL;
        if (!IS_STR(pkg)) return err_format(&exc_TypeError, "__spec__.parent must be a string");
        return pkg;
    }
    if (err_warn(&exc_ImportWarning, "can't resolve package from __spec__ or __package__, "
                                   "falling back on __name__ and __path__") < 0)
        return VAL_NULL;
    Value name = dict_get_c(globals, "__name__");
    if (IS_NULL(name)) return err_format(&exc_KeyError, "'__name__' not in globals");
    if (!IS_STR(name)) return err_format(&exc_TypeError, "__name__ must be a string");
    if (!IS_NULL(dict_get_c(globals, "__path__"))) return name;
    const char *d = strrchr(STR_DATA(name), '.');
    if (!d) return err_format(&exc_ImportError, "attempted relative import with no known parent package");
    return str_new(STR_DATA(name), (size_t)(d - STR_DATA(name)));
}

/* The absolute name for a relative import from a module with `globals`. */
static Value import_resolve(Value name, Value globals, int level) {
    Value pkg = import_package_of(globals);
    if (IS_NULL(pkg)) return VAL_NULL;
    if (STR_LEN(pkg) == 0)
        return err_format(&exc_ImportError, "attempted relative import with no known parent package");
    const char *p = STR_DATA(pkg);
    size_t end = (size_t)STR_LEN(pkg);
    for (int i = 1; i < level; i++) {
        while (end > 0 && p[end - 1] != '.') end--;
        if (end == 0) return err_format(&exc_ImportError, "attempted relative import beyond top-level package");
        end--;
    }
    Value base = str_new(p, end);
    if (IS_NULL(base) || STR_LEN(name) == 0) return base;
    return str_format_c("%U.%U", base, name);
}

/* `from package import a, b`: import the names that are not attributes yet
 * as submodules, as importlib's _handle_fromlist does ('*' stands for
 * __all__).  Only a submodule's own absence is ignored, unless sys.modules
 * blocks it with None: what it failed to import is reported. */
static int import_handle_fromlist(Value m, Value fromlist, int recursive) {
    Value l = seq_to_list(fromlist);
    if (IS_NULL(l)) return -1;
    for (int64_t i = 0; i < AS_LIST(l)->len; i++) {
        Value item = AS_LIST(l)->items[i];
        if (!IS_STR(item)) {
            if (!recursive) {
                err_format(&exc_TypeError, "Item in ``from list'' must be str, not %s", val_type(item)->tp_name);
                return -1;
            }
            Value mn = obj_getattr_c(m, "__name__");
            if (IS_NULL(mn)) return -1;
            err_format(&exc_TypeError, "Item in %S.__all__ must be str, not %s", mn, val_type(item)->tp_name);
            return -1;
        }
        if (str_eq_c(item, "*")) {
            if (recursive) continue;
            Value all = obj_getattr_opt(m, str_intern_c("__all__"));
            if (IS_NULL(all)) { if (err_occurred()) return -1; continue; }
            if (import_handle_fromlist(m, all, 1) < 0) return -1;
            continue;
        }
        int has = obj_hasattr(m, item);
        if (has < 0) return -1;
        if (has) continue;
        Value mn = obj_getattr_c(m, "__name__");
        Value sub = IS_NULL(mn) ? VAL_NULL : str_format_c("%S.%U", mn, item);
        if (IS_NULL(sub)) return -1;
        if (!IS_NULL(import_module(sub))) continue;
        if (!err_matches(&exc_ModuleNotFoundError)) return -1;
        Value *dp = obj_dict_ptr(err_peek());
        Value missing = dp && IS_DICT(*dp) ? dict_get_c(*dp, "name") : VAL_NULL;
        if (!IS_STR(missing) || !str_eq(missing, sub) || IS_NONE(dict_get(interp.modules, sub))) return -1;
        err_clear();
    }
    return 0;
}

static Value import_default_func = VAL_NULL;   /* builtins.__import__ as created */

void import_set_default_func(Value f) {
    import_default_func = f;
    gc_add_root(&import_default_func);
}

Value import_name(Value builtins, Value name, Value globals, Value locals, Value fromlist, Value level) {
    Value f = dict_get(builtins, str_intern_c("__import__"));
    if (IS_NULL(f))
        return err_occurred() ? VAL_NULL : err_format(&exc_ImportError, "__import__ not found");
    if (f == import_default_func && IS_SMALLINT(level))
        return import_module_level(name, globals, fromlist, (int)AS_SMALLINT(level));
    Value args[5] = { name, globals, IS_NULL(locals) ? VAL_NONE : locals, fromlist, level };
    return call_value(f, args, 5, VAL_NULL);
}

Value import_module_level(Value name, Value globals, Value fromlist, int level) {
    if (!IS_STR(name)) return err_format(&exc_TypeError, "module name must be str, not %T", name);
    if (level < 0) return err_format(&exc_ValueError, "level must be >= 0");
    if (level == 0 && STR_LEN(name) == 0) return err_format(&exc_ValueError, "Empty module name");
    Value full = level > 0 ? import_resolve(name, globals, level) : name;
    if (IS_NULL(full)) return VAL_NULL;
    Value m = import_module(full);
    if (IS_NULL(m)) return VAL_NULL;
    int has_from = !IS_NULL(fromlist) && !IS_NONE(fromlist) && obj_truthy(fromlist) == 1;
    if (has_from) {
        Value path = obj_getattr_opt(m, str_intern_c("__path__"));
        if (IS_NULL(path)) return err_occurred() ? VAL_NULL : m;
        return import_handle_fromlist(m, fromlist, 0) < 0 ? VAL_NULL : m;
    }
    if (level > 0 && STR_LEN(name) == 0) return m;
    /* plain `import a.b.c` binds the top package a */
    const char *s = STR_DATA(full);
    const char *dot = strchr(s, '.');
    if (!dot) return m;
    if (level > 0) {
        /* relative: the top is the package of the first component of name */
        const char *nd = strchr(STR_DATA(name), '.');
        size_t keep = (size_t)STR_LEN(full) - (size_t)STR_LEN(name) + (nd ? (size_t)(nd - STR_DATA(name)) : (size_t)STR_LEN(name));
        return dict_get(interp.modules, str_new(s, keep));
    }
    return dict_get(interp.modules, str_new(s, (size_t)(dot - s)));
}
