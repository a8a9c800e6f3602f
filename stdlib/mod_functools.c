/* mod_functools.c - the `_functools` module: partial, reduce and cmp_to_key, as CPython
 * 3.11's _functoolsmodule.c (the rest of functools is Python).
 *
 * cmp_to_key(mycmp) returns a callable KeyWrapper, as CPython's;
 * _lru_cache_wrapper is in functools_lru.c.
 *
 * partial(func, *args, **kw) keeps func, the args tuple and the keywords
 * dict; a call puts the stored and the new positional arguments side by side
 * on the C stack and passes keywords through untouched when none are stored,
 * so calling a partial allocates nothing in the common case.  A partial of
 * an exact partial without a __dict__ is flattened into one, as CPython
 * does.  Instances have a __dict__ and weak references, and subclass.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_genericalias.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/object.h"
#include "runtime/strbuf.h"
#include "interp/modreg.h"
#include "functools_lru.h"

GILPY_MODULE("_functools", mod_functools_init);

typedef struct {
    Obj   header;
    Value dict;          /* __dict__, VAL_NULL until used */
    Value func;
    Value args;          /* tuple */
    Value kw;            /* dict */
} Partial;

extern Type type_partial;
#define AS_PARTIAL(v) ((Partial *)AS_OBJ(v))

static void partial_trace(Obj *o) {
    Partial *p = (Partial *)o;
    gc_mark_value(p->dict);
    gc_mark_value(p->func);
    gc_mark_value(p->args);
    gc_mark_value(p->kw);
}

/* The keyword arguments of a call as a new dict. */
static Value kw_dict(Value *kwvals, Value kwnames) {
    Value d = dict_new();
    if (IS_NULL(d) || IS_NULL(kwnames)) return d;
    for (int64_t i = 0; i < AS_TUPLE(kwnames)->len; i++)
        if (dict_set(d, AS_TUPLE(kwnames)->items[i], kwvals[i]) < 0) return VAL_NULL;
    return d;
}

static Value partial_new_m(Value *args, int nargs, Value kwnames) {
    Type *cls = AS_TYPE(args[0]);
    args++, nargs--;
    if (nargs < 1) return err_format(&exc_TypeError, "type 'partial' takes at least one argument");
    Value func = args[0];
    if (!call_is_callable(func)) return err_format(&exc_TypeError, "the first argument must be callable");
    Value pargs = tuple_from_array(args + 1, nargs - 1);
    Value kw = kw_dict(args + nargs, kwnames);
    if (IS_NULL(pargs) || IS_NULL(kw)) return VAL_NULL;
    if (IS_EXACT(func, type_partial) && IS_NULL(AS_PARTIAL(func)->dict)) {
        Partial *inner = AS_PARTIAL(func);
        int64_t ni = AS_TUPLE(inner->args)->len, nn = AS_TUPLE(pargs)->len;
        Value both = tuple_new(ni + nn);
        if (IS_NULL(both)) return VAL_NULL;
        memcpy(AS_TUPLE(both)->items, AS_TUPLE(inner->args)->items, sizeof(Value) * (size_t)ni);
        memcpy(AS_TUPLE(both)->items + ni, AS_TUPLE(pargs)->items, sizeof(Value) * (size_t)nn);
        Value merged = dict_copy(inner->kw);
        if (IS_NULL(both) || IS_NULL(merged) || dict_update(merged, kw) < 0) return VAL_NULL;
        func = inner->func, pargs = both, kw = merged;
    }
    Partial *p = (Partial *)obj_new_instance(cls);
    if (!p) return VAL_NULL;
    p->func = func, p->args = pargs, p->kw = kw;
    return MK_OBJ(p);
}

static Value partial_call(Value self, Value *args, int nargs, Value kwnames) {
    Partial *p = AS_PARTIAL(self);
    int64_t np = AS_TUPLE(p->args)->len, nk = IS_NULL(kwnames) ? 0 : AS_TUPLE(kwnames)->len;
    if (dict_len(p->kw) == 0) {
        if (np == 0) return call_value(p->func, args, nargs, kwnames);
        Value stack[16], *all = np + nargs + nk <= 16 ? stack : gc_sys_malloc(sizeof(Value) * (size_t)(np + nargs + nk));
        if (!all) return err_no_memory();
        memcpy(all, AS_TUPLE(p->args)->items, sizeof(Value) * (size_t)np);
        if (nargs + nk) memcpy(all + np, args, sizeof(Value) * (size_t)(nargs + nk));   /* args may be NULL */
        Value r = call_value(p->func, all, (int)(np + nargs), kwnames);
        if (all != stack) free(all);
        return r;
    }
    Value kw = dict_copy(p->kw);
    if (IS_NULL(kw)) return VAL_NULL;
    for (int64_t i = 0; i < nk; i++)
        if (dict_set(kw, AS_TUPLE(kwnames)->items[i], args[nargs + i]) < 0) return VAL_NULL;
    Value pos = tuple_new(np + nargs);
    if (IS_NULL(pos)) return VAL_NULL;
    memcpy(AS_TUPLE(pos)->items, AS_TUPLE(p->args)->items, sizeof(Value) * (size_t)np);
    memcpy(AS_TUPLE(pos)->items + np, args, sizeof(Value) * (size_t)nargs);
    return call_tuple_dict(p->func, pos, kw);
}

static Value partial_repr_m(Value *args, int nargs, Value kwnames) {
    Value self = args[0];
    Partial *p = AS_PARTIAL(self);
    Type *t = AS_OBJ(self)->type;
    int rc = seq_repr_enter(self);
    if (rc < 0) return VAL_NULL;
    if (rc > 0) return str_from_c("...");
    StrBuf sb;
    sb_init(&sb);
    Value name = t == &type_partial ? str_from_c("functools.partial") : t->name;
    Value r = obj_repr(p->func);
    int ok = !IS_NULL(name) && !IS_NULL(r) && sb_put_value_str(&sb, name) == 0 && sb_putc(&sb, '(') == 0 &&
             sb_put_value_str(&sb, r) == 0;
    for (int64_t i = 0; ok && i < AS_TUPLE(p->args)->len; i++) {
        r = obj_repr(AS_TUPLE(p->args)->items[i]);
        ok = !IS_NULL(r) && sb_puts(&sb, ", ") == 0 && sb_put_value_str(&sb, r) == 0;
    }
    int64_t pos = 0;
    Value k, v;
    while (ok && dict_next(p->kw, &pos, &k, &v)) {
        Value ks = obj_str(k);
        r = obj_repr(v);
        ok = !IS_NULL(ks) && !IS_NULL(r) && sb_puts(&sb, ", ") == 0 && sb_put_value_str(&sb, ks) == 0 &&
             sb_putc(&sb, '=') == 0 && sb_put_value_str(&sb, r) == 0;
    }
    seq_repr_leave(self);
    if (!ok || sb_putc(&sb, ')') < 0) {
        sb_free(&sb);
        return err_occurred() ? VAL_NULL : err_no_memory();
    }
    return sb_finish_str(&sb);
}

static Value partial_reduce_m(Value *args, int nargs, Value kwnames) {
    Partial *p = AS_PARTIAL(args[0]);
    Value cls = MK_OBJ(AS_OBJ(args[0])->type);
    Value state = tuple_pack(4, p->func, p->args, p->kw, IS_NULL(p->dict) ? VAL_NONE : p->dict);
    Value fargs = tuple_pack(1, p->func);
    if (IS_NULL(state) || IS_NULL(fargs)) return VAL_NULL;
    return tuple_pack(3, cls, fargs, state);
}

static Value partial_setstate_m(Value *args, int nargs, Value kwnames) {
    Partial *p = AS_PARTIAL(args[0]);
    Value st = args[1];
    if (!IS_TUPLE(st)) return err_format(&exc_TypeError, "argument to __setstate__ must be a tuple");
    if (AS_TUPLE(st)->len != 4) return err_format(&exc_TypeError, "invalid partial state");
    Value fn = AS_TUPLE(st)->items[0], fnargs = AS_TUPLE(st)->items[1];
    Value kw = AS_TUPLE(st)->items[2], dict = AS_TUPLE(st)->items[3];
    if (!call_is_callable(fn) || !IS_TUPLE(fnargs) || (!IS_NONE(kw) && !IS_DICT(kw)))
        return err_format(&exc_TypeError, "invalid partial state");
    Value a = IS_EXACT(fnargs, type_tuple) ? fnargs : tuple_from_array(AS_TUPLE(fnargs)->items, AS_TUPLE(fnargs)->len);
    Value k = IS_NONE(kw) ? dict_new() : IS_EXACT(kw, type_dict) ? kw : dict_copy(kw);
    if (IS_NULL(a) || IS_NULL(k)) return VAL_NULL;
    p->func = fn, p->args = a, p->kw = k;
    if (IS_NONE(dict)) p->dict = VAL_NULL;
    else if (!IS_DICT(dict)) return err_format(&exc_TypeError, "a partial object's dictionary may not be deleted");
    else p->dict = dict;
    return VAL_NONE;
}

static Value partial_get_dict(Value self) {
    Partial *p = AS_PARTIAL(self);
    if (IS_NULL(p->dict)) p->dict = dict_new();
    return p->dict;
}
static int partial_set_dict(Value self, Value v) { return getset_set_dict(&AS_PARTIAL(self)->dict, v); }

static Value partial_get_func(Value self) { return AS_PARTIAL(self)->func; }
static Value partial_get_args(Value self) { return AS_PARTIAL(self)->args; }
static Value partial_get_keywords(Value self) { return AS_PARTIAL(self)->kw; }

static const GetSetDef partial_getsets[] = {
    {"func", partial_get_func, NULL, "function object to use in future partial calls"},
    {"args", partial_get_args, NULL, "tuple of arguments to future partial calls"},
    {"keywords", partial_get_keywords, NULL, "dictionary of keyword arguments to future partial calls"},
    {"__dict__", partial_get_dict, partial_set_dict, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef partial_methods[] = {
    {"__new__", partial_new_m, METH_STATIC | ARGS_ANY,
     "partial(func, *args, **keywords) - new function with partial application\n    of the given arguments and keywords.\n"},
    {"__repr__", partial_repr_m, ARGS_WRAP(0), NULL},
    {"__reduce__", partial_reduce_m, ARGS_NONE, NULL},
    {"__setstate__", partial_setstate_m, ARGS_ONE, NULL},
    {"__class_getitem__", generic_alias_class_getitem_m, METH_CLASS | ARGS_ONE,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

Type type_partial = {
    .tp_name = "functools.partial", .base = &type_object, .basicsize = sizeof(Partial),
    .flags = TF_BASETYPE | TF_HAS_DICT | TF_WEAKREFABLE, .dictoffset = offsetof(Partial, dict),
    .trace = partial_trace, .call = partial_call,
    .methods = partial_methods, .getsets = partial_getsets,
};
GILPY_TYPE(type_partial, NULL);

/* ---- cmp_to_key ---------------------------------------------------------
 * cmp_to_key(mycmp) is a KeyWrapper without an object; calling it wraps one,
 * and two wrapped objects compare by mycmp(a, b) against 0. */

typedef struct {
    Obj   header;
    Value cmp;
    Value obj;           /* VAL_NULL in the wrapper cmp_to_key returns */
} KeyWrapper;

extern Type type_keywrapper;
#define AS_KW(v) ((KeyWrapper *)AS_OBJ(v))

static void keywrapper_trace(Obj *o) {
    gc_mark_value(((KeyWrapper *)o)->cmp);
    gc_mark_value(((KeyWrapper *)o)->obj);
}

static Value keywrapper_new(Value cmp, Value obj) {
    KeyWrapper *k = (KeyWrapper *)gc_alloc(&type_keywrapper, sizeof(KeyWrapper));
    if (!k) return VAL_NULL;
    k->cmp = cmp, k->obj = obj;
    return MK_OBJ(k);
}

static Value keywrapper_call(Value self, Value *args, int nargs, Value kwnames) {
    int64_t nk = IS_NULL(kwnames) ? 0 : AS_TUPLE(kwnames)->len;
    if (nargs + nk > 1) return err_format(&exc_TypeError, "K() takes at most 1 argument (%d given)", (int)(nargs + nk));
    if (nk && !str_eq_c(AS_TUPLE(kwnames)->items[0], "obj"))
        return err_format(&exc_TypeError, "K() got an unexpected keyword argument '%U'", AS_TUPLE(kwnames)->items[0]);
    if (nargs + nk == 0) return err_format(&exc_TypeError, "K() missing required argument 'obj' (pos 1)");
    return keywrapper_new(AS_KW(self)->cmp, args[0]);
}

static Value keywrapper_compare(Value *args, int op) {
    Value a = args[0], b = args[1];
    if (!IS_EXACT(b, type_keywrapper)) return err_format(&exc_TypeError, "other argument must be K instance");
    Value pair[2] = { AS_KW(a)->obj, AS_KW(b)->obj };
    if (IS_NULL(pair[0]) || IS_NULL(pair[1])) return err_format(&exc_AttributeError, "object");
    Value r = call_value(AS_KW(a)->cmp, pair, 2, VAL_NULL);
    return IS_NULL(r) ? VAL_NULL : obj_richcompare(r, MK_SMALLINT(0), op);
}
static Value kw_lt(Value *a, int n, Value k) { return keywrapper_compare(a, CMP_LT); }
static Value kw_le(Value *a, int n, Value k) { return keywrapper_compare(a, CMP_LE); }
static Value kw_eq(Value *a, int n, Value k) { return keywrapper_compare(a, CMP_EQ); }
static Value kw_ne(Value *a, int n, Value k) { return keywrapper_compare(a, CMP_NE); }
static Value kw_gt(Value *a, int n, Value k) { return keywrapper_compare(a, CMP_GT); }
static Value kw_ge(Value *a, int n, Value k) { return keywrapper_compare(a, CMP_GE); }

static Value keywrapper_get_obj(Value self) {
    Value o = AS_KW(self)->obj;
    return IS_NULL(o) ? err_format(&exc_AttributeError, "obj") : o;
}
static int keywrapper_set_obj(Value self, Value v) {
    AS_KW(self)->obj = v;
    return 0;
}

static const GetSetDef keywrapper_getsets[] = {
    {"obj", keywrapper_get_obj, keywrapper_set_obj, "Value wrapped by a key function."},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef keywrapper_methods[] = {
    {"__lt__", kw_lt, ARGS_WRAP(1), NULL}, {"__le__", kw_le, ARGS_WRAP(1), NULL},
    {"__eq__", kw_eq, ARGS_WRAP(1), NULL}, {"__ne__", kw_ne, ARGS_WRAP(1), NULL},
    {"__gt__", kw_gt, ARGS_WRAP(1), NULL}, {"__ge__", kw_ge, ARGS_WRAP(1), NULL},
    {"__hash__", NULL, 0, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_keywrapper = {
    .tp_name = "functools.KeyWrapper", .base = &type_object, .basicsize = sizeof(KeyWrapper),
    .trace = keywrapper_trace, .call = keywrapper_call,
    .methods = keywrapper_methods, .getsets = keywrapper_getsets,
};
GILPY_TYPE(type_keywrapper, NULL);

static Value ft_cmp_to_key(Value *args, int nargs, Value kwnames) {
    return keywrapper_new(args[0], VAL_NULL);
}

/* ---- reduce ------------------------------------------------------------- */

static Value ft_reduce(Value *args, int nargs, Value kwnames) {
    Value fn = args[0], it = obj_iter(args[1]);
    if (IS_NULL(it)) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            return err_format(&exc_TypeError, "reduce() arg 2 must support iteration");
        }
        return VAL_NULL;
    }
    Value acc = nargs > 2 ? args[2] : VAL_NULL;
    for (;;) {
        Value x = obj_next(it);
        if (IS_NULL(x)) {
            if (err_occurred()) return VAL_NULL;
            break;
        }
        if (IS_NULL(acc)) { acc = x; continue; }
        Value pair[2] = { acc, x };
        acc = call_value(fn, pair, 2, VAL_NULL);
        if (IS_NULL(acc)) return VAL_NULL;
    }
    if (IS_NULL(acc)) return err_format(&exc_TypeError, "reduce() of empty iterable with no initial value");
    return acc;
}

static const MethodDef mod_functools_functions[] = {
    {"cmp_to_key", ft_cmp_to_key, ARGS_KW, "Convert a cmp= function into a key= function.",
     "($module, /, mycmp)"},
    {"reduce", ft_reduce, ARGS_POS(2, 3) | METH_VARARGS,
     "reduce(function, iterable[, initial]) -> value\n\nApply a function of two arguments cumulatively to the "
     "items of a sequence\nor iterable, from left to right, so as to reduce the iterable to a single\nvalue.  For "
     "example, reduce(lambda x, y: x+y, [1, 2, 3, 4, 5]) calculates\n((((1+2)+3)+4)+5).  If initial is present, it "
     "is placed before the items\nof the iterable in the calculation, and serves as a default when the\niterable is "
     "empty.", "reduce"},
    {NULL, NULL, 0, NULL},
};

Value mod_functools_init(void) {
    Value m = module_new_c("_functools");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, mod_functools_functions, m);
    if (dict_set_c(d, "__doc__", str_from_c("Tools that operate on functions.")) < 0 ||
        dict_set_c(d, "partial", MK_OBJ(&type_partial)) < 0 || lru_add_to_module(d) < 0)
        return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
