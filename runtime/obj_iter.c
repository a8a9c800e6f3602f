/* obj_iter.c - the iterator types behind the builtins: enumerate, zip, map,
 * filter, reversed, the old-protocol sequence iterator (`iterator`, over
 * __getitem__) and `callable_iterator` (iter(f, sentinel)).
 *
 * Each keeps its state in Values (traced) and implements __iter__ (self) and
 * __next__ (VAL_NULL with no exception when exhausted).  enumerate, zip, map
 * and filter end when an inner iterator ends, and pass on how it ended
 * (obj_next_forward): a StopIteration(value) stays pending, as in CPython.
 * The repr is object's default (<enumerate object at 0x...>).
 */
#include "runtime/obj_misc.h"
#include "runtime/obj_list.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_str.h"
#include "runtime/gc.h"
#include "runtime/error.h"
#include "runtime/call.h"
#include "runtime/state.h"

typedef struct IterObj {       /* shared layout: up to three Values + a counter */
    Obj     header;
    Value   a, b, c;
    int64_t n;
    int64_t flag;
} IterObj;

#define IT(v) ((IterObj *)AS_OBJ(v))

static void iterobj_trace(Obj *o)
{
    IterObj *it = (IterObj *)o;
    gc_mark_value(it->a); gc_mark_value(it->b); gc_mark_value(it->c);
}

static IterObj *iterobj_new(Type *t)
{
    IterObj *it = (IterObj *)(t->flags & TF_HEAPTYPE ? obj_new_instance(t) : gc_alloc(t, sizeof(IterObj)));
    if (!it) return NULL;
    it->a = it->b = it->c = VAL_NULL;
    return it;
}

static Value iter_self(Value *args, int nargs, Value kwnames) { return args[0]; }

/* map, filter and reversed refuse keywords unless a subclass defines its own
 * __init__ (CPython's `type == &PyMap_Type || type->tp_init == PyMap_Type.tp_init`). */
static int no_kw_unless_init(Type *cls, Type *base, const char *fname, Value kwnames)
{
    if (cls != base && type_lookup_c(cls, "__init__") != type_lookup_c(base, "__init__")) return 0;
    return arg_no_kw(fname, kwnames);
}

/* ---- enumerate: a = iterator, b = count (when big or not an int) ---- */

/* ARGS_ANY (as every __new__ here): the messages name the type, not __new__
 * ("enumerate() missing required argument 'iterable'"). */
static Value enumerate_new_m(Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"iterable", "start"};
    Value out[2];
    if (nargs == 1 && (IS_NULL(kwnames) || AS_TUPLE(kwnames)->len == 0))
        return err_format(&exc_TypeError, "enumerate() missing required argument 'iterable'");
    for (int64_t k = 0; !IS_NULL(kwnames) && k < AS_TUPLE(kwnames)->len; k++) {  /* unknown names first */
        Value kn = AS_TUPLE(kwnames)->items[k];
        if (!str_eq_c(kn, "iterable") && !str_eq_c(kn, "start"))
            return err_format(&exc_TypeError, "'%U' is an invalid keyword argument for enumerate()", kn);
    }
    if (arg_parse("enumerate", args + 1, nargs - 1, kwnames, names, 2, 0, 1, out) < 0) return VAL_NULL;
    Value start = MK_SMALLINT(0);
    if (!IS_NULL(out[1])) {
        start = obj_index(out[1]);
        if (IS_NULL(start)) return VAL_NULL;
    }
    Value it = obj_iter(out[0]);
    if (IS_NULL(it)) return VAL_NULL;
    IterObj *e = iterobj_new(AS_TYPE(args[0]));
    if (!e) return VAL_NULL;
    e->a = it;
    e->b = start;
    return MK_OBJ(e);
}

static Value enumerate_next_m(Value *args, int nargs, Value kwnames)
{
    IterObj *e = IT(args[0]);
    Value item = obj_next_forward(e->a);
    if (IS_NULL(item)) return VAL_NULL;
    Value idx = e->b;
    Value nx = IS_SMALLINT(idx) ? int_from_i64(AS_SMALLINT(idx) + 1) : int_binop(idx, MK_SMALLINT(1), 0);
    if (IS_NULL(nx)) return VAL_NULL;
    e->b = nx;
    return tuple_pack(2, idx, item);
}

/* ---- zip: a = tuple of iterators, flag = strict ---- */

static Value zip_new_m(Value *args, int nargs, Value kwnames)
{
    int strict = 0;
    if (!IS_NULL(kwnames)) {
        Tuple *kw = AS_TUPLE(kwnames);
        if (kw->len > 1)    /* PyArg_ParseTupleAndKeywords "|$p:zip" */
            return err_format(&exc_TypeError, "zip() takes at most 1 keyword argument (%lld given)",
                              (long long)kw->len);
        for (int64_t i = 0; i < kw->len; i++) {
            if (!str_eq_c(kw->items[i], "strict"))
                return err_format(&exc_TypeError, "'%U' is an invalid keyword argument for zip()", kw->items[i]);
            strict = obj_truthy(args[nargs + i]);
            if (strict < 0) return VAL_NULL;
        }
    }
    Value its = tuple_new(nargs - 1);
    if (IS_NULL(its)) return VAL_NULL;
    for (int i = 1; i < nargs; i++) {
        Value it = obj_iter(args[i]);
        if (IS_NULL(it)) return VAL_NULL;
        AS_TUPLE(its)->items[i - 1] = it;
    }
    IterObj *z = iterobj_new(AS_TYPE(args[0]));
    if (!z) return VAL_NULL;
    z->a = its;
    z->flag = strict;
    return MK_OBJ(z);
}

static Value zip_strict_error(int64_t i, int longer)
{
    return err_format(&exc_ValueError, "zip() argument %lld is %s than argument%s%lld",
                      (long long)(i + 1), longer ? "longer" : "shorter", i == 1 ? " " : "s 1-",
                      (long long)i);
}

static Value zip_next_m(Value *args, int nargs, Value kwnames)
{
    IterObj *z = IT(args[0]);
    Tuple *its = AS_TUPLE(z->a);
    int64_t n = its->len;
    if (n == 0) return VAL_NULL;
    Value res = tuple_new(n);
    if (IS_NULL(res)) return VAL_NULL;
    for (int64_t i = 0; i < n; i++) {
        Value item = obj_next_forward(its->items[i]);
        if (IS_NULL(item)) {
            if (!z->flag) return VAL_NULL;
            if (err_occurred() && !err_matches(&exc_StopIteration)) return VAL_NULL;
            err_clear();        /* strict: the lengths are compared; the value is dropped */
            if (i) return zip_strict_error(i, 0);
            for (int64_t j = 1; j < n; j++) {
                Value x = obj_next(its->items[j]);
                if (!IS_NULL(x)) return zip_strict_error(j, 1);
                if (err_occurred()) return VAL_NULL;
            }
            return VAL_NULL;
        }
        AS_TUPLE(res)->items[i] = item;
    }
    return res;
}

/* ---- map: a = function, b = tuple of iterators ---- */

static Value map_new_m(Value *args, int nargs, Value kwnames)
{
    if (no_kw_unless_init(AS_TYPE(args[0]), &type_map, "map", kwnames)) return VAL_NULL;
    if (nargs < 3) return err_format(&exc_TypeError, "map() must have at least two arguments.");
    Value its = tuple_new(nargs - 2);
    if (IS_NULL(its)) return VAL_NULL;
    for (int i = 2; i < nargs; i++) {
        Value it = obj_iter(args[i]);
        if (IS_NULL(it)) return VAL_NULL;
        AS_TUPLE(its)->items[i - 2] = it;
    }
    IterObj *m = iterobj_new(AS_TYPE(args[0]));
    if (!m) return VAL_NULL;
    m->a = args[1];
    m->b = its;
    return MK_OBJ(m);
}

static Value map_next_m(Value *args, int nargs, Value kwnames)
{
    IterObj *m = IT(args[0]);
    Tuple *its = AS_TUPLE(m->b);
    Value argv = tuple_new(its->len);      /* GC-visible scratch */
    if (IS_NULL(argv)) return VAL_NULL;
    for (int64_t i = 0; i < its->len; i++) {
        Value x = obj_next_forward(its->items[i]);
        if (IS_NULL(x)) return VAL_NULL;
        AS_TUPLE(argv)->items[i] = x;
    }
    return call_value(m->a, AS_TUPLE(argv)->items, (int)its->len, VAL_NULL);
}

/* ---- filter: a = predicate (None: truth), b = iterator ---- */

static Value filter_new_m(Value *args, int nargs, Value kwnames)
{
    if (no_kw_unless_init(AS_TYPE(args[0]), &type_filter, "filter", kwnames)) return VAL_NULL;
    if (nargs != 3) return err_format(&exc_TypeError, "filter expected 2 arguments, got %d", nargs - 1);
    Value it = obj_iter(args[2]);
    if (IS_NULL(it)) return VAL_NULL;
    IterObj *f = iterobj_new(AS_TYPE(args[0]));
    if (!f) return VAL_NULL;
    f->a = args[1];
    f->b = it;
    return MK_OBJ(f);
}

static Value filter_next_m(Value *args, int nargs, Value kwnames)
{
    IterObj *f = IT(args[0]);
    for (;;) {
        Value x = obj_next_forward(f->b);
        if (IS_NULL(x)) return VAL_NULL;
        int ok;
        if (IS_NONE(f->a) || f->a == MK_OBJ(&type_bool)) {
            ok = obj_truthy(x);
        } else {
            Value r = call1(f->a, x);
            if (IS_NULL(r)) return VAL_NULL;
            ok = obj_truthy(r);
        }
        if (ok < 0) return VAL_NULL;
        if (ok) return x;
    }
}

/* ---- reversed: a = sequence (VAL_NULL when done), n = next index ---- */

static Value reversed_new_m(Value *args, int nargs, Value kwnames)
{
    if (no_kw_unless_init(AS_TYPE(args[0]), &type_reversed, "reversed", kwnames)) return VAL_NULL;
    if (nargs != 2) return err_format(&exc_TypeError, "reversed expected 1 argument, got %d", nargs - 1);
    Value seq = args[1];
    Type *t = val_type(seq);
    Value rm = t->slots[SM_REVERSED];
    if (!IS_NULL(rm) && !IS_NONE(rm)) {
        Value a[1] = {seq};
        return obj_call_special(seq, SM_REVERSED, a, 1);
    }
    /* CPython's PySequence_Check (__getitem__, not a dict); then len(), whose
     * error says "has no len()" when __len__ is missing. */
    if (IS_NONE(rm) || IS_NULL(t->slots[SM_GETITEM]) || IS_DICT(seq))
        return err_format(&exc_TypeError, "'%T' object is not reversible", seq);
    int64_t n = obj_len(seq);
    if (n < 0) return VAL_NULL;
    IterObj *r = iterobj_new(AS_TYPE(args[0]));
    if (!r) return VAL_NULL;
    r->a = seq;
    r->n = n - 1;
    return MK_OBJ(r);
}

static Value reversed_next_m(Value *args, int nargs, Value kwnames)
{
    IterObj *r = IT(args[0]);
    if (IS_NULL(r->a) || r->n < 0) { r->a = VAL_NULL; return VAL_NULL; }
    Value x = obj_getitem(r->a, MK_SMALLINT(r->n));
    if (IS_NULL(x)) {
        if (err_matches(&exc_IndexError) || err_matches(&exc_StopIteration)) err_clear();
        r->a = VAL_NULL;
        return VAL_NULL;
    }
    r->n--;
    return x;
}

static Value reversed_length_hint_m(Value *args, int nargs, Value kwnames)
{
    IterObj *r = IT(args[0]);
    if (IS_NULL(r->a)) return MK_SMALLINT(0);
    int64_t len = obj_len(r->a);
    if (len < 0) return VAL_NULL;
    return MK_SMALLINT(len < r->n + 1 ? 0 : r->n + 1);
}

/* ---- iterator (sequence iterator): a = sequence, n = index ---- */

Value seqiter_new(Value seq)
{
    IterObj *s = iterobj_new(&type_seqiter);
    if (!s) return VAL_NULL;
    s->a = seq;
    return MK_OBJ(s);
}

static Value seqiter_next_m(Value *args, int nargs, Value kwnames)
{
    IterObj *s = IT(args[0]);
    if (IS_NULL(s->a)) return VAL_NULL;
    Value x = obj_getitem(s->a, MK_SMALLINT(s->n));
    if (IS_NULL(x)) {
        if (err_matches(&exc_IndexError) || err_matches(&exc_StopIteration)) err_clear();
        s->a = VAL_NULL;
        return VAL_NULL;
    }
    s->n++;
    return x;
}

/* ---- callable_iterator: a = callable, b = sentinel ---- */

Value calliter_new(Value callable, Value sentinel)
{
    IterObj *c = iterobj_new(&type_callable_iterator);
    if (!c) return VAL_NULL;
    c->a = callable;
    c->b = sentinel;
    return MK_OBJ(c);
}

static Value calliter_next_m(Value *args, int nargs, Value kwnames)
{
    IterObj *c = IT(args[0]);
    if (IS_NULL(c->a)) return VAL_NULL;
    Value r = call0(c->a);
    if (IS_NULL(r)) {
        if (err_matches(&exc_StopIteration)) { err_clear(); c->a = VAL_NULL; }
        return VAL_NULL;
    }
    int eq = obj_eq(r, c->b);
    if (eq < 0) return VAL_NULL;
    if (eq) { c->a = VAL_NULL; return VAL_NULL; }
    return r;
}

/* ---- pickling: __reduce__ gives what re-creates the iterator where it is ---- */

Value iter_builtin(void)
{
    Value f = IS_DICT(interp.builtins) ? dict_get_c(interp.builtins, "iter") : VAL_NULL;
    return IS_NULL(f) ? VAL_NONE : f;
}

Value iter_reduce_items(Value items_list)
{
    if (IS_NULL(items_list)) return VAL_NULL;
    return tuple_pack(2, iter_builtin(), tuple_pack(1, items_list));
}

static Value enumerate_reduce_m(Value *args, int nargs, Value kwnames)
{
    IterObj *e = IT(args[0]);
    return tuple_pack(2, MK_OBJ(val_type(args[0])), tuple_pack(2, e->a, e->b));
}

static Value zip_reduce_m(Value *args, int nargs, Value kwnames)
{
    IterObj *z = IT(args[0]);
    Value cls = MK_OBJ(val_type(args[0]));
    return z->flag ? tuple_pack(3, cls, z->a, VAL_TRUE) : tuple_pack(2, cls, z->a);
}

static Value zip_setstate_m(Value *args, int nargs, Value kwnames)
{
    int strict = obj_truthy(args[1]);
    if (strict < 0) return VAL_NULL;
    IT(args[0])->flag = strict;
    return VAL_NONE;
}

static Value map_reduce_m(Value *args, int nargs, Value kwnames)
{
    IterObj *m = IT(args[0]);
    Tuple *its = AS_TUPLE(m->b);
    Value a = tuple_new(its->len + 1);
    if (IS_NULL(a)) return VAL_NULL;
    AS_TUPLE(a)->items[0] = m->a;
    values_copy(AS_TUPLE(a)->items + 1, its->items, (size_t)its->len);
    return tuple_pack(2, MK_OBJ(val_type(args[0])), a);
}

static Value filter_reduce_m(Value *args, int nargs, Value kwnames)
{
    IterObj *f = IT(args[0]);
    return tuple_pack(2, MK_OBJ(val_type(args[0])), tuple_pack(2, f->a, f->b));
}

/* ---- the types ---- */

#define ITER_TYPE(var, name, flags_, newfn, nextfn, extra)                        \
    static const MethodDef var##_methods[] = {                                   \
        {"__iter__", iter_self, ARGS_WRAP(0), NULL},                             \
        {"__next__", nextfn, ARGS_WRAP(0), NULL},                                \
        {"__new__", newfn, METH_STATIC | ARGS_ANY, NULL},                        \
        extra                                                                    \
        {NULL, NULL, 0, NULL},                                                   \
    };                                                                           \
    Type var = {.tp_name = name, .base = &type_object, .flags = flags_,          \
                .basicsize = sizeof(IterObj), .trace = iterobj_trace,            \
                .methods = var##_methods};

#define REDUCE(fn) {"__reduce__", fn, ARGS_NONE, "Return state information for pickling."},
ITER_TYPE(type_enumerate, "enumerate", TF_BASETYPE, enumerate_new_m, enumerate_next_m, REDUCE(enumerate_reduce_m))
GILPY_TYPE(type_enumerate, "enumerate");
#define ZIP_STATE REDUCE(zip_reduce_m) \
    {"__setstate__", zip_setstate_m, ARGS_ONE, "Set state information for unpickling."},
ITER_TYPE(type_zip, "zip", TF_BASETYPE, zip_new_m, zip_next_m, ZIP_STATE)
GILPY_TYPE(type_zip, "zip");
ITER_TYPE(type_map, "map", TF_BASETYPE, map_new_m, map_next_m, REDUCE(map_reduce_m))
GILPY_TYPE(type_map, "map");
ITER_TYPE(type_filter, "filter", TF_BASETYPE, filter_new_m, filter_next_m, REDUCE(filter_reduce_m))
GILPY_TYPE(type_filter, "filter");

static const MethodDef reversed_methods[] = {
    {"__iter__", iter_self, ARGS_WRAP(0), NULL},
    {"__next__", reversed_next_m, ARGS_WRAP(0), NULL},
    {"__length_hint__", reversed_length_hint_m, ARGS_NONE, NULL},
    {"__new__", reversed_new_m, METH_STATIC | ARGS_ANY, NULL},
    {NULL, NULL, 0, NULL},
};
Type type_reversed = {.tp_name = "reversed", .base = &type_object, .flags = TF_BASETYPE,
                      .basicsize = sizeof(IterObj), .trace = iterobj_trace,
                      .methods = reversed_methods};
GILPY_TYPE(type_reversed, "reversed");

static const MethodDef seqiter_methods[] = {
    {"__iter__", iter_self, ARGS_WRAP(0), NULL},
    {"__next__", seqiter_next_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};
Type type_seqiter = {.tp_name = "iterator", .base = &type_object, .basicsize = sizeof(IterObj),
                     .trace = iterobj_trace, .methods = seqiter_methods};
GILPY_TYPE(type_seqiter, NULL);

static const MethodDef calliter_methods[] = {
    {"__iter__", iter_self, ARGS_WRAP(0), NULL},
    {"__next__", calliter_next_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};
Type type_callable_iterator = {.tp_name = "callable_iterator", .base = &type_object,
                               .basicsize = sizeof(IterObj), .trace = iterobj_trace,
                               .methods = calliter_methods};
GILPY_TYPE(type_callable_iterator, NULL);
