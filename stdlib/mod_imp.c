/* mod_imp.c - the `_imp` module: the import system's C half that CPython's
 * importlib calls.  Built-in modules are gilpy's C modules; the frozen ones
 * are the Python modules embedded in the binary (stdlib/lib), which
 * importlib's FrozenImporter then serves: find_frozen says whether a name is
 * one, get_frozen_object compiles its source.  The import lock is the GIL's
 * business in gilpy (imports run with it held), so the lock functions only
 * count, for lock_held() and release_lock()'s error. */
#include <string.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_int.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/state.h"
#include "interp/code.h"
#include "interp/import.h"
#include "interp/modreg.h"

GILPY_MODULE("_imp", mod_imp_init);

static int imp_lock_depth;

static Value imp_acquire_lock(Value *args, int nargs, Value kwnames) { imp_lock_depth++; return VAL_NONE; }

static Value imp_release_lock(Value *args, int nargs, Value kwnames) {
    if (imp_lock_depth == 0) return err_format(&exc_RuntimeError, "not holding the import lock");
    imp_lock_depth--;
    return VAL_NONE;
}

static Value imp_lock_held(Value *args, int nargs, Value kwnames) { return MK_BOOL(imp_lock_depth > 0); }

static int imp_is_core(Value name) { return str_eq_c(name, "sys") || str_eq_c(name, "builtins"); }

static int imp_check_str(Value v, const char *fn) {
    if (IS_STR(v)) return 0;
    err_format(&exc_TypeError, "%s() argument must be str, not %T", fn, v);
    return -1;
}

/* 1 for a C module, -1 for sys and builtins (which cannot be made again), else 0. */
static Value imp_is_builtin(Value *args, int nargs, Value kwnames) {
    if (imp_check_str(args[0], "is_builtin") < 0) return VAL_NULL;
    if (imp_is_core(args[0])) return MK_SMALLINT(-1);
    return MK_SMALLINT(import_is_builtin_name(STR_DATA(args[0])));
}

/* create_builtin(spec): the module named spec.name, imported by gilpy. */
static Value imp_create_builtin(Value *args, int nargs, Value kwnames) {
    Value name = obj_getattr_c(args[0], "name");
    if (IS_NULL(name)) return VAL_NULL;
    if (!IS_STR(name)) return err_format(&exc_TypeError, "name must be string, not %T", name);
    Value m = dict_get(interp.modules, name);
    if (!IS_NULL(m) && (imp_is_core(name) || import_is_builtin_name(STR_DATA(name)))) return m;
    if (!import_is_builtin_name(STR_DATA(name))) {
        err_format(&exc_ImportError, "no built-in module named %U", name);
        return VAL_NULL;
    }
    return import_module(name);
}

static Value imp_exec_builtin(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(0); }

static const struct gilpy_embedded_module *imp_frozen(Value name) {
    if (!IS_STR(name)) return NULL;
    const struct gilpy_embedded_module *e = import_find_embedded(STR_DATA(name));
    return e && str_eq_c(name, e->name) ? e : NULL;
}

/* Was the module of that name imported from a file?  The script's directory
 * comes before the embedded modules, so a file there (CPython's own library,
 * when it is the working directory) may shadow one: importlib must then not
 * take the module for a frozen one (its _setup would fix up a file module as
 * frozen, and fail). */
static int imp_shadowed(Value name) {
    Value m = dict_get(interp.modules, name);
    if (IS_NULL(m) || !IS_EXACT(m, type_module)) return 0;
    return IS_STR(dict_get_c(MODULE_DICT(m), "__file__"));
}

static Value imp_is_frozen(Value *args, int nargs, Value kwnames) {
    if (imp_check_str(args[0], "is_frozen") < 0) return VAL_NULL;
    return MK_BOOL(imp_frozen(args[0]) != NULL && !imp_shadowed(args[0]));
}

static Value imp_is_frozen_package(Value *args, int nargs, Value kwnames) {
    if (imp_check_str(args[0], "is_frozen_package") < 0) return VAL_NULL;
    const struct gilpy_embedded_module *e = imp_frozen(args[0]);
    if (!e) return err_format(&exc_ImportError, "No such frozen object named '%U'", args[0]);
    return MK_BOOL(e->is_package);
}

/* find_frozen(name, *, withdata=False): None, or (None, ispkg, None): no
 * "origname", since gilpy's embedded modules are not files of CPython's
 * library (importlib would otherwise name sys._stdlib_dir's file of the
 * same name as their __file__). */
static Value imp_find_frozen(Value *args, int nargs, Value kwnames) {
    if (imp_check_str(args[0], "find_frozen") < 0) return VAL_NULL;
    const struct gilpy_embedded_module *e = imp_frozen(args[0]);
    if (!e) return VAL_NONE;
    return tuple_pack(3, VAL_NONE, MK_BOOL(e->is_package), VAL_NONE);
}

/* get_frozen_object(name, data=None): the module's code, compiled from its embedded source. */
static Value imp_get_frozen_object(Value *args, int nargs, Value kwnames) {
    if (imp_check_str(args[0], "get_frozen_object") < 0) return VAL_NULL;
    const struct gilpy_embedded_module *e = imp_frozen(args[0]);
    if (!e) return err_format(&exc_ImportError, "No such frozen object named '%U'", args[0]);
    Value filename = str_format_c("<frozen %s>", e->name);
    if (IS_NULL(filename)) return VAL_NULL;
    return compile_source(e->source, e->len, filename, PARSE_FILE);
}

static Value imp_init_frozen(Value *args, int nargs, Value kwnames) {
    if (imp_check_str(args[0], "init_frozen") < 0) return VAL_NULL;
    if (!imp_frozen(args[0])) return VAL_NONE;
    return import_module(args[0]);
}

static Value imp_frozen_module_names(Value *args, int nargs, Value kwnames) {
    Value list = list_new(0);
    if (IS_NULL(list)) return VAL_NULL;
    size_t n;
    const struct gilpy_embedded_module *const *tables = import_embedded_tables(&n);
    for (size_t t = 0; t < n; t++)
        for (const struct gilpy_embedded_module *e = tables[t]; e->name; e++)
            if (list_append(list, str_from_c(e->name)) < 0) return VAL_NULL;
    return seq_to_tuple(list);
}

static Value imp_none(Value *args, int nargs, Value kwnames) { return VAL_NONE; }

/* source_hash(key, source): SipHash-1-3 of the source under the key, the 8
 * bytes that hash-based .pyc files carry (importlib.util.source_hash). */
static Value imp_source_hash(Value *args, int nargs, Value kwnames) {
    int64_t key;                                    /* a C long, as CPython's */
    Value k = obj_index(args[0]);
    if (IS_NULL(k) || int_to_i64(k, &key) < 0) return VAL_NULL;
    const uint8_t *data;
    int64_t len;
    if (bytes_view(args[1], &data, &len) < 0) return VAL_NULL;
    SipHash h;
    siphash_init_keyed(&h, (uint64_t)key, 0);
    siphash_feed(&h, data, (size_t)len);
    uint64_t r = siphash_finish_raw(&h);
    uint8_t out[8];
    for (int i = 0; i < 8; i++) out[i] = (uint8_t)(r >> (8 * i));
    return bytes_new(out, 8);
}

/* No shared libraries: gilpy loads no extension modules. */
static Value imp_extension_suffixes(Value *args, int nargs, Value kwnames) { return list_new(0); }

static const MethodDef imp_functions[] = {
    {"acquire_lock", imp_acquire_lock, ARGS_NONE, "Acquires the interpreter's import lock for the current thread."},
    {"release_lock", imp_release_lock, ARGS_NONE, "Release the interpreter's import lock."},
    {"lock_held", imp_lock_held, ARGS_NONE, "Return True if the import lock is currently held, else False."},
    {"is_builtin", imp_is_builtin, ARGS_ONE, "Returns True if the module name corresponds to a built-in module."},
    {"create_builtin", imp_create_builtin, ARGS_ONE, "Create an extension module."},
    {"exec_builtin", imp_exec_builtin, ARGS_ONE, "Initialize a built-in module."},
    {"is_frozen", imp_is_frozen, ARGS_ONE, "Returns True if the module name corresponds to a frozen module."},
    {"is_frozen_package", imp_is_frozen_package, ARGS_ONE, "Returns True if the module name is of a frozen package."},
    {"find_frozen", imp_find_frozen, ARGS_KW, "Return info about the corresponding frozen module (if there is one) or None.",
     "($module, name, /, *, withdata=False)"},
    {"get_frozen_object", imp_get_frozen_object, ARGS_POS(1, 2), "Create a code object for a frozen module."},
    {"init_frozen", imp_init_frozen, ARGS_ONE, "Initializes a frozen module."},
    {"_frozen_module_names", imp_frozen_module_names, ARGS_NONE, "Returns the list of available frozen modules."},
    {"_override_frozen_modules_for_tests", imp_none, ARGS_ONE, "(internal-only) Override PyConfig.use_frozen_modules."},
    {"_fix_co_filename", imp_none, ARGS_POS(2, 2), "Changes code.co_filename to specify the passed-in file path."},
    {"source_hash", imp_source_hash, ARGS_KW, NULL, "($module, /, key, source)"},
    {"extension_suffixes", imp_extension_suffixes, ARGS_NONE, "Returns the list of file suffixes used to identify extension modules."},
    {NULL, NULL, 0, NULL},
};

Value mod_imp_init(void) {
    Value m = module_new_c("_imp");
    if (IS_NULL(m)) return VAL_NULL;
    dict_add_methods(MODULE_DICT(m), imp_functions, m);
    if (dict_set_c(MODULE_DICT(m), "check_hash_based_pycs", str_from_c("default")) < 0) return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
