/* mod_warnings.c - the `_warnings` module: interp/warn.c's machinery under
 * CPython's names.  CPython's warnings.py imports filters, _defaultaction,
 * _onceregistry, warn, warn_explicit and _filters_mutated from here, so the
 * filters it edits are the ones C code consults. */
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "interp/modreg.h"
#include "interp/warn.h"

GILPY_MODULE("_warnings", mod_warnings_init);

static Value warnings_warn(Value *args, int nargs, Value kwnames) {
    int stacklevel = 1;
    if (!IS_NULL(args[2]) && arg_to_int(args[2], &stacklevel) < 0) return VAL_NULL;
    Value category = IS_NULL(args[1]) ? VAL_NONE : args[1];
    return warn_at(args[0], category, stacklevel, args[3]) < 0 ? VAL_NULL : VAL_NONE;
}

/* The line `lineno` of the module's source, from its __loader__.get_source();
 * VAL_NULL without an error when there is no such source. */
static Value warnings_source_line(Value globals, int lineno) {
    Value loader = dict_get_c(globals, "__loader__");
    Value name = IS_NULL(loader) ? VAL_NULL : dict_get_c(globals, "__name__");
    if (IS_NULL(name)) return VAL_NULL;
    Value get_source = obj_getattr_c(loader, "get_source");
    if (IS_NULL(get_source)) {
        if (err_matches(&exc_AttributeError)) err_clear();
        return VAL_NULL;
    }
    Value source = call1(get_source, name);
    if (IS_NULL(source) || IS_NONE(source)) return VAL_NULL;
    if (!IS_STR(source)) return err_format(&exc_TypeError, "bad argument type for built-in operation");
    Value split = obj_getattr_c(MK_OBJ(&type_str), "splitlines");     /* str's own, not an override */
    Value lines = IS_NULL(split) ? VAL_NULL : call1(split, source);
    if (IS_NULL(lines)) return VAL_NULL;
    if (lineno < 1 || lineno > AS_LIST(lines)->len)
        return err_format(&exc_IndexError, "list index out of range");
    return AS_LIST(lines)->items[lineno - 1];
}

static Value warnings_warn_explicit(Value *args, int nargs, Value kwnames) {
    Value message = args[0], category = args[1], filename = args[2];
    int lineno;
    if (!IS_STR(filename))
        return err_format(&exc_TypeError, "warn_explicit() argument 3 must be str, not %T", filename);
    if (arg_to_int(args[3], &lineno) < 0) return VAL_NULL;
    Value module = IS_NULL(args[4]) ? VAL_NULL : args[4];
    Value registry = IS_NULL(args[5]) ? VAL_NONE : args[5];
    Value globals = args[6], sourceline = VAL_NULL;
    if (!IS_NULL(globals) && !IS_NONE(globals)) {
        if (!IS_DICT(globals))
            return err_format(&exc_TypeError, "module_globals must be a dict, not '%T'", globals);
        sourceline = warnings_source_line(globals, lineno);
        if (IS_NULL(sourceline) && err_occurred()) return VAL_NULL;
    }
    if (warn_explicit(message, category, filename, lineno, module, registry, sourceline, args[7]) < 0)
        return VAL_NULL;
    return VAL_NONE;
}

static Value warnings_filters_mutated(Value *args, int nargs, Value kwnames) {
    warn_filters_mutated();
    return VAL_NONE;
}

static const MethodDef warnings_functions[] = {
    {"warn", warnings_warn, ARGS_KW, "Issue a warning, or maybe ignore it or raise an exception.",
     "($module, /, message, category=None, stacklevel=1, source=None)"},
    {"warn_explicit", warnings_warn_explicit, ARGS_KW, "Low-level interface to warnings functionality.",
     "($module, /, message, category, filename, lineno, module=None, registry=None, module_globals=None, "
     "source=None)"},
    {"_filters_mutated", warnings_filters_mutated, ARGS_NONE, NULL, NULL},
    {NULL, NULL, 0, NULL},
};

Value mod_warnings_init(void) {
    Value m = module_new_c("_warnings");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, warnings_functions, m);
    dict_set_c(d, "__doc__", str_from_c("_warnings provides basic warning filtering support.\n"
                                        "It is a helper module to speed up interpreter start-up."));
    dict_set_c(d, "filters", warn_get_filters());
    dict_set_c(d, "_defaultaction", warn_get_defaultaction());
    dict_set_c(d, "_onceregistry", warn_get_onceregistry());
    return err_occurred() ? VAL_NULL : m;
}
