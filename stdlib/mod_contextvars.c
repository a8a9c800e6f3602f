/* mod_contextvars.c - the `_contextvars` module: Context, ContextVar, Token
 * and copy_context, for CPython's contextvars.py.
 *
 * A Context maps ContextVars to values with a dict.  Each thread's current
 * Context lives in its ThreadState (ts->context, traced by the collector),
 * made empty on first use, so a new thread starts with an empty context as in
 * CPython.  ContextVar.set writes into the current Context's dict;
 * copy_context() copies that dict, which gives the snapshot semantics that
 * asyncio and decimal rely on (an O(n) copy where CPython shares a HAMT: the
 * contexts programs use hold a handful of variables).  Context.run enters a
 * context for one call, refusing one already entered, and always restores
 * the previous one. */
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_genericalias.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/state.h"
#include "interp/modreg.h"

GILPY_MODULE("_contextvars", mod_contextvars_init);

typedef struct ContextObj {
    Obj   header;
    Value vars;        /* dict: ContextVar -> value */
    Value prev;        /* the context run() replaced, while entered */
    int   entered;
} ContextObj;

typedef struct ContextVarObj {
    Obj   header;
    Value name;        /* str */
    Value deflt;       /* VAL_NULL: no default */
} ContextVarObj;

typedef struct TokenObj {
    Obj   header;
    Value ctx, var;
    Value old;         /* VAL_NULL: the variable was not set (Token.MISSING) */
    int   used;
} TokenObj;

extern Type type_context, type_contextvar, type_token, type_token_missing;
#define AS_CTX(v)   ((ContextObj *)AS_OBJ(v))
#define AS_CVAR(v)  ((ContextVarObj *)AS_OBJ(v))
#define AS_TOKEN(v) ((TokenObj *)AS_OBJ(v))
#define IS_CTX(v)   (IS_OBJ(v) && AS_OBJ(v)->type == &type_context)
#define IS_CVAR(v)  (IS_OBJ(v) && AS_OBJ(v)->type == &type_contextvar)

static Value token_missing = VAL_NULL;    /* Token.MISSING */

/* ---- Context ----------------------------------------------------------------------- */

static Value context_new_with(Value vars) {
    if (IS_NULL(vars)) return VAL_NULL;
    ContextObj *c = (ContextObj *)obj_new_instance(&type_context);
    if (!c) return VAL_NULL;
    c->vars = vars;
    c->prev = VAL_NULL;
    return MK_OBJ(c);
}

/* The calling thread's context, made on first use. */
static Value context_current(void) {
    ThreadState *ts = ts_get();
    if (IS_NULL(ts->context)) ts->context = context_new_with(dict_new());
    return ts->context;
}

static void context_trace(Obj *o) {
    ContextObj *c = (ContextObj *)o;
    gc_mark_value(c->vars);
    gc_mark_value(c->prev);
}

static Value context_new_m(Value *args, int nargs, Value kwnames) {
    if (nargs > 1 || !IS_NULL(kwnames)) return err_format(&exc_TypeError, "Context() does not accept any arguments");
    return context_new_with(dict_new());
}

/* run(callable, *args, **kwargs) */
static Value context_run_m(Value *args, int nargs, Value kwnames) {
    if (nargs < 2) return err_format(&exc_TypeError, "run() missing 1 required positional argument");
    Value self = args[0];
    ContextObj *c = AS_CTX(self);
    if (c->entered)
        return err_format(&exc_RuntimeError, "cannot enter context: %R is already entered", self);
    Value prev = context_current();
    if (IS_NULL(prev)) return VAL_NULL;
    ThreadState *ts = ts_get();
    c->prev = prev;
    c->entered = 1;
    ts->context = self;
    Value r = call_value(args[1], args + 2, nargs - 2, kwnames);
    ts = ts_get();
    ts->context = c->prev;
    c->prev = VAL_NULL;
    c->entered = 0;
    return r;
}

static Value context_copy_m(Value *args, int nargs, Value kwnames) {
    return context_new_with(dict_copy(AS_CTX(args[0])->vars));
}

static int need_var(Value v) {
    if (IS_CVAR(v)) return 0;
    err_format(&exc_TypeError, "a ContextVar key was expected, got %R", v);
    return -1;
}

static Value context_getitem_m(Value *args, int nargs, Value kwnames) {
    if (need_var(args[1]) < 0) return VAL_NULL;
    Value v = dict_get(AS_CTX(args[0])->vars, args[1]);
    if (!IS_NULL(v) || err_occurred()) return v;
    return err_set_obj(call1(MK_OBJ(&exc_KeyError), args[1]));
}

static Value context_get_m(Value *args, int nargs, Value kwnames) {
    if (need_var(args[1]) < 0) return VAL_NULL;
    Value v = dict_get(AS_CTX(args[0])->vars, args[1]);
    if (!IS_NULL(v) || err_occurred()) return v;
    return IS_NULL(args[2]) ? VAL_NONE : args[2];
}

static Value context_contains_m(Value *args, int nargs, Value kwnames) {
    if (need_var(args[1]) < 0) return VAL_NULL;
    Value v = dict_get(AS_CTX(args[0])->vars, args[1]);
    if (IS_NULL(v) && err_occurred()) return VAL_NULL;
    return IS_NULL(v) ? VAL_FALSE : VAL_TRUE;
}

static Value context_len_m(Value *args, int nargs, Value kwnames) {
    return MK_SMALLINT(dict_len(AS_CTX(args[0])->vars));
}

static Value context_iter_m(Value *args, int nargs, Value kwnames) {
    return obj_iter(AS_CTX(args[0])->vars);
}

static Value context_view(Value self, const char *m) {
    Value l = obj_call_method(AS_CTX(self)->vars, m, NULL, 0);
    return IS_NULL(l) ? l : seq_to_list(l);
}
static Value context_keys_m(Value *a, int n, Value k) { return context_view(a[0], "keys"); }
static Value context_values_m(Value *a, int n, Value k) { return context_view(a[0], "values"); }
static Value context_items_m(Value *a, int n, Value k) { return context_view(a[0], "items"); }

static Value context_eq_m(Value *args, int nargs, Value kwnames) {
    if (!IS_CTX(args[1])) return VAL_NOTIMPLEMENTED;
    int eq = obj_eq(AS_CTX(args[0])->vars, AS_CTX(args[1])->vars);
    return eq < 0 ? VAL_NULL : eq ? VAL_TRUE : VAL_FALSE;
}

static const MethodDef context_methods[] = {
    {"__new__", context_new_m, METH_STATIC, NULL},
    {"run", context_run_m, ARGS_ANY, "Run a callable in this context."},
    {"copy", context_copy_m, ARGS_NONE, "Return a shallow copy of the context object."},
    {"get", context_get_m, ARGS_POS(1, 2), "Return the value for `key` if `key` has the value in the context object."},
    {"keys", context_keys_m, ARGS_NONE, "Return a list of all variables in the context object."},
    {"values", context_values_m, ARGS_NONE, "Return a list of all variables' values in the context object."},
    {"items", context_items_m, ARGS_NONE, "Return all variables and their values in the context object."},
    {"__getitem__", context_getitem_m, ARGS_WRAP(1), NULL},
    {"__contains__", context_contains_m, ARGS_WRAP(1), NULL},
    {"__len__", context_len_m, ARGS_WRAP(0), NULL},
    {"__iter__", context_iter_m, ARGS_WRAP(0), NULL},
    {"__eq__", context_eq_m, ARGS_WRAP(1), NULL},
    {"__hash__", NULL, 0, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_context = {
    .tp_name = "_contextvars.Context", .base = &type_object,
    .basicsize = sizeof(ContextObj), .trace = context_trace, .methods = context_methods,
};
GILPY_TYPE(type_context, NULL);

/* ---- ContextVar -------------------------------------------------------------------- */

static void contextvar_trace(Obj *o) {
    ContextVarObj *v = (ContextVarObj *)o;
    gc_mark_value(v->name);
    gc_mark_value(v->deflt);
}

/* ContextVar(name, *, default=<missing>): ARGS_ANY, args[0] the class */
static Value contextvar_new_m(Value *args, int nargs, Value kwnames) {
    int nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    Value name = nargs > 1 ? args[1] : VAL_NULL, deflt = VAL_NULL;
    if (nargs > 2) return err_format(&exc_TypeError, "ContextVar() takes exactly 1 positional argument (%d given)", nargs - 1);
    for (int i = 0; i < nkw; i++) {
        Value k = AS_TUPLE(kwnames)->items[i];
        if (str_eq_c(k, "default")) deflt = args[nargs + i];
        else if (str_eq_c(k, "name") && IS_NULL(name)) name = args[nargs + i];
        else return err_format(&exc_TypeError, "'%U' is an invalid keyword argument for ContextVar()", k);
    }
    if (IS_NULL(name)) return err_format(&exc_TypeError, "ContextVar() takes exactly 1 positional argument (0 given)");
    if (!IS_STR(name)) return err_format(&exc_TypeError, "context variable name must be a str");
    ContextVarObj *v = (ContextVarObj *)obj_new_instance(&type_contextvar);
    if (!v) return VAL_NULL;
    v->name = name;
    v->deflt = deflt;
    return MK_OBJ(v);
}

/* get(default=<missing>) */
static Value contextvar_get_m(Value *args, int nargs, Value kwnames) {
    Value ctx = context_current();
    if (IS_NULL(ctx)) return VAL_NULL;
    Value v = dict_get(AS_CTX(ctx)->vars, args[0]);
    if (!IS_NULL(v) || err_occurred()) return v;
    if (!IS_NULL(args[1])) return args[1];
    if (!IS_NULL(AS_CVAR(args[0])->deflt)) return AS_CVAR(args[0])->deflt;
    return err_set_obj(call1(MK_OBJ(&exc_LookupError), args[0]));
}

static Value contextvar_set_m(Value *args, int nargs, Value kwnames) {
    Value ctx = context_current();
    if (IS_NULL(ctx)) return VAL_NULL;
    Value old = dict_get(AS_CTX(ctx)->vars, args[0]);
    if (IS_NULL(old) && err_occurred()) return VAL_NULL;
    TokenObj *t = (TokenObj *)obj_new_instance(&type_token);
    if (!t) return VAL_NULL;
    t->ctx = ctx;
    t->var = args[0];
    t->old = old;
    if (dict_set(AS_CTX(ctx)->vars, args[0], args[1]) < 0) return VAL_NULL;
    return MK_OBJ(t);
}

static Value contextvar_reset_m(Value *args, int nargs, Value kwnames) {
    Value tv = args[1];
    if (!IS_OBJ(tv) || AS_OBJ(tv)->type != &type_token)
        return err_format(&exc_TypeError, "expected an instance of Token, got %R", tv);
    TokenObj *t = AS_TOKEN(tv);
    if (t->used) return err_format(&exc_RuntimeError, "%R has already been used once", tv);
    if (t->var != args[0]) return err_format(&exc_ValueError, "%R was created by a different ContextVar", tv);
    Value ctx = context_current();
    if (IS_NULL(ctx)) return VAL_NULL;
    if (t->ctx != ctx) return err_format(&exc_ValueError, "%R was created in a different Context", tv);
    t->used = 1;
    if (!IS_NULL(t->old)) return dict_set(AS_CTX(ctx)->vars, args[0], t->old) < 0 ? VAL_NULL : VAL_NONE;
    if (dict_del(AS_CTX(ctx)->vars, args[0]) < 0) err_clear();
    return VAL_NONE;
}

static Value contextvar_repr_m(Value *args, int nargs, Value kwnames) {
    ContextVarObj *v = AS_CVAR(args[0]);
    Value name = obj_repr(v->name);
    if (IS_NULL(name)) return VAL_NULL;
    if (IS_NULL(v->deflt)) return str_format_c("<ContextVar name=%U at %p>", name, (void *)v);
    Value d = obj_repr(v->deflt);
    return IS_NULL(d) ? d : str_format_c("<ContextVar name=%U default=%U at %p>", name, d, (void *)v);
}

static Value contextvar_class_getitem_m(Value *args, int nargs, Value kwnames) {
    return call2(MK_OBJ(&type_generic_alias), args[0], args[1]);
}

static Value contextvar_name_get(Value self) { return AS_CVAR(self)->name; }

static const MethodDef contextvar_methods[] = {
    {"__new__", contextvar_new_m, METH_STATIC, NULL},
    {"get", contextvar_get_m, ARGS_POS(0, 1), "Return a value for the context variable for the current context."},
    {"set", contextvar_set_m, ARGS_ONE, "Call to set a new value for the context variable in the current context."},
    {"reset", contextvar_reset_m, ARGS_ONE, "Reset the context variable."},
    {"__repr__", contextvar_repr_m, ARGS_WRAP(0), NULL},
    {"__class_getitem__", contextvar_class_getitem_m, METH_CLASS | ARGS_ONE, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef contextvar_getsets[] = {
    {"name", contextvar_name_get, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_contextvar = {
    .tp_name = "_contextvars.ContextVar", .base = &type_object,
    .basicsize = sizeof(ContextVarObj), .trace = contextvar_trace,
    .methods = contextvar_methods, .getsets = contextvar_getsets,
};
GILPY_TYPE(type_contextvar, NULL);

/* ---- Token --------------------------------------------------------------------------- */

static void token_trace(Obj *o) {
    TokenObj *t = (TokenObj *)o;
    gc_mark_value(t->ctx);
    gc_mark_value(t->var);
    gc_mark_value(t->old);
}

static Value token_new_m(Value *args, int nargs, Value kwnames) {
    return err_format(&exc_RuntimeError, "Tokens can only be created by ContextVars");
}

static Value token_repr_m(Value *args, int nargs, Value kwnames) {
    TokenObj *t = AS_TOKEN(args[0]);
    Value var = obj_repr(t->var);
    return IS_NULL(var) ? var : str_format_c("<Token%s var=%U at %p>", t->used ? " used" : "", var, (void *)t);
}

static Value token_var_get(Value self) { return AS_TOKEN(self)->var; }
static Value token_old_get(Value self) {
    return IS_NULL(AS_TOKEN(self)->old) ? token_missing : AS_TOKEN(self)->old;
}

static const MethodDef token_methods[] = {
    {"__new__", token_new_m, METH_STATIC, NULL},
    {"__repr__", token_repr_m, ARGS_WRAP(0), NULL},
    {"__class_getitem__", contextvar_class_getitem_m, METH_CLASS | ARGS_ONE, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef token_getsets[] = {
    {"var", token_var_get, getset_readonly, NULL},
    {"old_value", token_old_get, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_token = {
    .tp_name = "_contextvars.Token", .base = &type_object,
    .basicsize = sizeof(TokenObj), .trace = token_trace,
    .methods = token_methods, .getsets = token_getsets,
};
GILPY_TYPE(type_token, NULL);

static Value token_missing_repr_m(Value *args, int nargs, Value kwnames) {
    return str_from_c("<Token.MISSING>");
}

static const MethodDef token_missing_methods[] = {
    {"__repr__", token_missing_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

Type type_token_missing = {
    .tp_name = "Token.MISSING", .base = &type_object, .basicsize = sizeof(Obj),
    .methods = token_missing_methods,
};
GILPY_TYPE(type_token_missing, NULL);

/* ---- the module ----------------------------------------------------------------------- */

static Value mod_copy_context(Value *args, int nargs, Value kwnames) {
    Value ctx = context_current();
    return IS_NULL(ctx) ? ctx : context_new_with(dict_copy(AS_CTX(ctx)->vars));
}

static const MethodDef mod_contextvars_functions[] = {
    {"copy_context", mod_copy_context, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};

Value mod_contextvars_init(void) {
    Value m = module_new_c("_contextvars");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    if (IS_NULL(token_missing)) {
        gc_add_root(&token_missing);
        Obj *o = obj_new_instance(&type_token_missing);
        if (!o) return VAL_NULL;
        token_missing = MK_OBJ(o);
        if (dict_set_c(type_token.dict, "MISSING", token_missing) < 0) return VAL_NULL;
    }
    dict_add_methods(d, mod_contextvars_functions, m);
    if (dict_set_c(d, "Context", MK_OBJ(&type_context)) < 0 ||
        dict_set_c(d, "ContextVar", MK_OBJ(&type_contextvar)) < 0 ||
        dict_set_c(d, "Token", MK_OBJ(&type_token)) < 0)
        return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
