/* mod_warnings.c - the `_warnings` module CPython's importlib imports: warn
 * and warn_explicit, handed to gilpy's `warnings` module (the one filter
 * list and registry there are).  Without `filters` here, CPython's own
 * warnings.py, when it is the one imported, keeps its pure-Python filters. */
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/obj_misc.h"
#include "interp/import.h"
#include "interp/modreg.h"

GILPY_MODULE("_warnings", mod_warnings_init);

static Value warnings_forward(const char *fn, Value *args, int nargs, Value kwnames) {
    Value mod = import_module_c("warnings");
    if (IS_NULL(mod)) return VAL_NULL;
    Value f = obj_getattr_c(mod, fn);
    if (IS_NULL(f)) return VAL_NULL;
    int n = nargs;
    while (n > 0 && IS_NULL(args[n - 1])) n--;     /* the optional arguments not given */
    return call_value(f, args, n, kwnames);
}

static Value warnings_warn(Value *args, int nargs, Value kwnames) {
    return warnings_forward("warn", args, nargs, VAL_NULL);
}

static Value warnings_warn_explicit(Value *args, int nargs, Value kwnames) {
    return warnings_forward("warn_explicit", args, nargs, VAL_NULL);
}

static const MethodDef warnings_functions[] = {
    {"warn", warnings_warn, ARGS_KW, "Issue a warning, or maybe ignore it or raise an exception.",
     "($module, /, message, category=None, stacklevel=1, source=None)"},
    {"warn_explicit", warnings_warn_explicit, ARGS_KW, "Low-level interface to warnings functionality.",
     "($module, /, message, category, filename, lineno, module=None, registry=None, module_globals=None, source=None)"},
    {NULL, NULL, 0, NULL},
};

Value mod_warnings_init(void) {
    Value m = module_new_c("_warnings");
    if (IS_NULL(m)) return VAL_NULL;
    dict_add_methods(MODULE_DICT(m), warnings_functions, m);
    return err_occurred() ? VAL_NULL : m;
}
