/* mod_atexit.c - the `atexit` module: Python functions run at shutdown, last
 * registered first, after threading's non-daemon threads were joined
 * (interp/lifecycle.c runs mod_atexit_run among its at-exit handlers).  Each
 * entry is a (func, args, kwargs) tuple in one list; an exception a handler
 * raises, SystemExit included, goes to sys.unraisablehook ("Exception ignored
 * in atexit callback") and the next handler runs. */
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/finalize.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/state.h"
#include "interp/lifecycle.h"
#include "interp/modreg.h"

GILPY_MODULE("atexit", mod_atexit_init);

static Value atexit_handlers = VAL_NULL;      /* list of (func, args, kwargs) */

static void mod_atexit_run(void) {
    while (IS_LIST(atexit_handlers) && AS_LIST(atexit_handlers)->len) {
        Value h = list_pop(atexit_handlers, -1);
        if (IS_NULL(h)) { err_clear(); return; }
        Value *it = AS_TUPLE(h)->items;
        if (IS_NULL(call_tuple_dict(it[0], it[1], it[2])))
            fin_write_unraisable_msg("Exception ignored in atexit callback", it[0]);
    }
}

/* ARGS_ANY: register(func, /, *args, **kwargs) */
static Value mod_atexit_register(Value *args, int nargs, Value kwnames) {
    if (nargs < 1) return err_format(&exc_TypeError, "register() takes at least 1 argument (0 given)");
    if (!call_is_callable(args[0])) return err_format(&exc_TypeError, "the first argument must be callable");
    int nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    Value pos = tuple_from_array(args + 1, nargs - 1);
    Value kw = dict_new();
    if (IS_NULL(pos) || IS_NULL(kw)) return VAL_NULL;
    for (int i = 0; i < nkw; i++)
        if (dict_set(kw, AS_TUPLE(kwnames)->items[i], args[nargs + i]) < 0) return VAL_NULL;
    Value h = tuple_pack(3, args[0], pos, kw);
    if (IS_NULL(h) || list_append(atexit_handlers, h) < 0) return VAL_NULL;
    return args[0];
}

static Value mod_atexit_unregister(Value *args, int nargs, Value kwnames) {
    Value l = atexit_handlers;
    for (int64_t i = AS_LIST(l)->len; i-- > 0;) {
        if (i >= AS_LIST(l)->len) continue;
        int eq = obj_eq(AS_TUPLE(AS_LIST(l)->items[i])->items[0], args[0]);
        if (eq < 0) return VAL_NULL;
        if (eq && i < AS_LIST(l)->len && IS_NULL(list_pop(l, i))) return VAL_NULL;
    }
    return VAL_NONE;
}

static Value mod_atexit_run_exitfuncs(Value *args, int nargs, Value kwnames) {
    mod_atexit_run();
    return VAL_NONE;
}

static Value mod_atexit_clear(Value *args, int nargs, Value kwnames) {
    Value l = list_new(0);
    if (IS_NULL(l)) return VAL_NULL;
    atexit_handlers = l;
    return VAL_NONE;
}

static Value mod_atexit_ncallbacks(Value *args, int nargs, Value kwnames) {
    return MK_SMALLINT(AS_LIST(atexit_handlers)->len);
}

static const MethodDef mod_atexit_functions[] = {
    {"register", mod_atexit_register, ARGS_ANY,
     "Register a function to be executed upon normal program termination"},
    {"unregister", mod_atexit_unregister, ARGS_ONE, "Unregister an exit function which was previously registered"},
    {"_run_exitfuncs", mod_atexit_run_exitfuncs, ARGS_NONE, "Run all registered exit functions."},
    {"_clear", mod_atexit_clear, ARGS_NONE, "Clear the list of previously registered exit functions."},
    {"_ncallbacks", mod_atexit_ncallbacks, ARGS_NONE, "Return the number of registered exit functions."},
    {NULL, NULL, 0, NULL},
};

Value mod_atexit_init(void) {
    Value m = module_new_c("atexit");
    if (IS_NULL(m)) return VAL_NULL;
    if (IS_NULL(atexit_handlers)) {
        gc_add_root(&atexit_handlers);
        atexit_handlers = list_new(0);
        if (IS_NULL(atexit_handlers)) return VAL_NULL;
        lifecycle_at_exit(mod_atexit_run);
    }
    dict_add_methods(MODULE_DICT(m), mod_atexit_functions, m);
    return err_occurred() ? VAL_NULL : m;
}
