/* mod_weakref.c - the `_weakref` module: CPython's names for the weak
 * reference types and functions of runtime/weakref.c, which weakref.py
 * (CPython's, embedded) builds on. */
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_misc.h"
#include "runtime/weakref.h"
#include "interp/modreg.h"

GILPY_MODULE("_weakref", mod_weakref_init);

static Value mod_weakref_getweakrefcount(Value *args, int nargs, Value kwnames) {
    return int_from_i64(weak_count(args[0]));
}

static Value mod_weakref_getweakrefs(Value *args, int nargs, Value kwnames) {
    return weak_list(args[0]);
}

static Value mod_weakref_proxy(Value *args, int nargs, Value kwnames) {
    return weak_new_proxy(args[0], args[1]);
}

/* Delete d[key] if it is a dead weak reference (WeakValueDictionary's
 * callbacks); a missing key is not an error. */
static Value mod_weakref_remove_dead(Value *args, int nargs, Value kwnames) {
    Value d = args[0], key = args[1];
    if (!IS_DICT(d))
        return err_format(&exc_TypeError, "_remove_dead_weakref() argument 1 must be dict, not %N", d);
    Value v = dict_get(d, key);
    if (IS_NULL(v)) return err_occurred() ? VAL_NULL : VAL_NONE;
    if (!IS_WEAKREF(v)) return err_format(&exc_TypeError, "not a weakref");
    if (IS_NONE(weak_get(v)) && dict_del(d, key) < 0) return VAL_NULL;
    return VAL_NONE;
}

static const MethodDef mod_weakref_functions[] = {
    {"getweakrefcount", mod_weakref_getweakrefcount, ARGS_ONE,
     "Return the number of weak references to 'object'."},
    {"getweakrefs", mod_weakref_getweakrefs, ARGS_ONE,
     "Return a list of all weak reference objects pointing to 'object'."},
    {"proxy", mod_weakref_proxy, ARGS_POS(1, 2),
     "Create a proxy object that weakly references 'object'."},
    {"_remove_dead_weakref", mod_weakref_remove_dead, ARGS_POS(2, 2),
     "Atomically remove key from dict if it points to a dead weakref."},
    {NULL, NULL, 0, NULL},
};

Value mod_weakref_init(void) {
    Value m = module_new_c("_weakref");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, mod_weakref_functions, m);
    dict_set_c(d, "ref", MK_OBJ(&type_weakref));
    dict_set_c(d, "ReferenceType", MK_OBJ(&type_weakref));
    dict_set_c(d, "ProxyType", MK_OBJ(&type_weakproxy));
    dict_set_c(d, "CallableProxyType", MK_OBJ(&type_weakcallableproxy));
    return err_occurred() ? VAL_NULL : m;
}
