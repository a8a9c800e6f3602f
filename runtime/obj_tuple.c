/* obj_tuple.c - tuple: an immutable array of Values stored inline.
 *
 * Layout.  Every tuple, exact or subclass instance, keeps its items inline at
 * Tuple.items[len]; the allocation is cls->basicsize + len * sizeof(Value)
 * (basicsize is sizeof(Tuple) for tuple and its subclasses).  A subclass
 * instance that has a __dict__ (namedtuple's class does not: it has
 * __slots__ = (), but a plain `class P(tuple): pass` does) keeps it in the
 * Tuple.hash word, which tuple itself does not use (CPython does not cache
 * tuple hashes).  So the class machinery's rule is:
 *
 *     solid base is tuple  =>  dictoffset = TUPLE_DICTOFFSET (offsetof(Tuple,
 *     hash)), basicsize = sizeof(Tuple); nonempty __slots__ are refused.
 *
 * and all accesses to items stay `t->items[i]`, with no per-instance offset.
 *
 * The hash is CPython 3.11's xxHash-based tuplehash, bit for bit, so that
 * sets and dicts of tuples iterate in CPython's order.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_int.h"
#include "runtime/gc.h"
#include "runtime/error.h"
#include "runtime/call.h"
#include "runtime/obj_dict.h"
#include "runtime/state.h"
#include "runtime/strbuf.h"

enum { RC_EQ, RC_NE, RC_LT, RC_LE, RC_GT, RC_GE };

static Value tuple_empty_v = VAL_NULL;

static Tuple *tuple_alloc(Type *cls, int64_t n)
{
    size_t base = cls->basicsize > sizeof(Tuple) ? cls->basicsize : sizeof(Tuple);
    Tuple *t = (Tuple *)gc_alloc(cls, base + (size_t)n * sizeof(Value));
    if (!t) return NULL;
    t->len = n;
    if (cls != &type_tuple) {
        t->hash = 0;
        if (cls->dictoffset) *(Value *)((char *)t + cls->dictoffset) = VAL_NULL;
    }
    return t;
}

Value tuple_empty(void)
{
    if (IS_NULL(tuple_empty_v)) {
        Tuple *t = tuple_alloc(&type_tuple, 0);
        if (!t) return VAL_NULL;
        tuple_empty_v = MK_OBJ(t);
        gc_add_root(&tuple_empty_v);
    }
    return tuple_empty_v;
}

Value tuple_new(int64_t n)
{
    if (n == 0) return tuple_empty();
    Tuple *t = tuple_alloc(&type_tuple, n);
    return t ? MK_OBJ(t) : VAL_NULL;
}

Value tuple_from_array(const Value *items, int64_t n)
{
    if (n == 0) return tuple_empty();
    GcPinned pin;                  /* items may belong to a dying list: see gc_pin */
    const Value *src = gc_pin(&pin, items, (size_t)n);
    if (!src) return err_no_memory();
    Tuple *t = tuple_alloc(&type_tuple, n);
    if (t) memcpy(t->items, src, (size_t)n * sizeof(Value));
    gc_unpin(&pin);
    return t ? MK_OBJ(t) : VAL_NULL;
}

Value tuple_pack(int n, ...)
{
    Value v = tuple_new(n);
    if (IS_NULL(v)) return VAL_NULL;
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) AS_TUPLE(v)->items[i] = va_arg(ap, Value);
    va_end(ap);
    return v;
}

#define XXPRIME_1 ((uint64_t)11400714785074694791ULL)
#define XXPRIME_2 ((uint64_t)14029467366897019727ULL)
#define XXPRIME_5 ((uint64_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static uint64_t xx_lane(uint64_t acc, int64_t h)
{
    acc += (uint64_t)h * XXPRIME_2;
    acc = XXROTATE(acc);
    return acc * XXPRIME_1;
}

static int64_t xx_final(uint64_t acc, int64_t len)
{
    acc += (uint64_t)len ^ (XXPRIME_5 ^ 3527539UL);
    return acc == (uint64_t)-1 ? 1546275796 : (int64_t)acc;
}

/* Nested exact tuples are walked with an explicit stack, not C recursion:
 * CPython hashes a tuple nested 100 000 deep (its C frames are small), so
 * gilpy must too.  The stacked tuples stay reachable from tv, and exact
 * tuples cannot change while an item's __hash__ runs. */
typedef struct { Tuple *t; int64_t i; uint64_t acc; } HashFrame;

int64_t tuple_hash(Value tv)
{
    HashFrame small[32], *st = small;
    int64_t cap = 32, n = 0, result = -1;
    Tuple *t = AS_TUPLE(tv);
    int64_t i = 0;
    uint64_t acc = XXPRIME_5;
    for (;;) {
        if (i < t->len) {
            Value x = t->items[i];
            if (!IS_EXACT(x, type_tuple)) {
                int64_t h = obj_hash(x);
                if (h == -1) break;
                acc = xx_lane(acc, h);
                i++;
                continue;
            }
            if (n == cap) {
                HashFrame *bigger = malloc((size_t)cap * 2 * sizeof *st);
                if (!bigger) { err_no_memory(); break; }
                memcpy(bigger, st, (size_t)n * sizeof *st);
                if (st != small) free(st);
                st = bigger;
                cap *= 2;
            }
            st[n++] = (HashFrame){ t, i, acc };
            t = AS_TUPLE(x);
            i = 0;
            acc = XXPRIME_5;
            continue;
        }
        int64_t h = xx_final(acc, t->len);
        if (n == 0) { result = h; break; }
        n--;
        t = st[n].t;
        i = st[n].i + 1;
        acc = xx_lane(st[n].acc, h);
    }
    if (st != small) free(st);
    return result;
}

Value tuple_repr(Value t) { return seq_repr_guarded(t, 0); }

/* ---- iterator ------------------------------------------------------------- */

typedef struct TupleIter {
    Obj     header;
    Value   seq;            /* VAL_NULL once exhausted */
    int64_t index;
} TupleIter;

Type type_tuple_iterator;

static void tupleiter_trace(Obj *o) { gc_mark_value(((TupleIter *)o)->seq); }

Value tuple_iter(Value t)
{
    TupleIter *it = (TupleIter *)gc_alloc(&type_tuple_iterator, sizeof(TupleIter));
    if (!it) return VAL_NULL;
    it->seq = t;
    return MK_OBJ(it);
}

static Value tupleiter_self(Value *args, int nargs, Value kwnames) { return args[0]; }

static Value tupleiter_next(Value *args, int nargs, Value kwnames)
{
    TupleIter *it = (TupleIter *)AS_OBJ(args[0]);
    if (IS_NULL(it->seq)) return VAL_NULL;
    Tuple *t = AS_TUPLE(it->seq);
    if (it->index < t->len) return t->items[it->index++];
    it->seq = VAL_NULL;
    return VAL_NULL;
}

static Value tupleiter_length_hint(Value *args, int nargs, Value kwnames)
{
    TupleIter *it = (TupleIter *)AS_OBJ(args[0]);
    if (IS_NULL(it->seq)) return MK_SMALLINT(0);
    return MK_SMALLINT(AS_TUPLE(it->seq)->len - it->index);
}

/* (iter, (tuple,), index), or (iter, ((),)) once exhausted. */
static Value tupleiter_reduce(Value *args, int nargs, Value kwnames)
{
    TupleIter *it = (TupleIter *)AS_OBJ(args[0]);
    Value iter = dict_get_c(interp.builtins, "iter");
    if (IS_NULL(iter)) return err_format(&exc_AttributeError, "iter");
    Value a = tuple_pack(1, IS_NULL(it->seq) ? tuple_empty() : it->seq);
    if (IS_NULL(a)) return VAL_NULL;
    if (IS_NULL(it->seq)) return tuple_pack(2, iter, a);
    return tuple_pack(3, iter, a, int_from_i64(it->index));
}

/* The index, silently clipped into [0, len]: an int proper (PyLong_AsSsize_t, no __index__). */
static Value tupleiter_setstate(Value *args, int nargs, Value kwnames)
{
    TupleIter *it = (TupleIter *)AS_OBJ(args[0]);
    int64_t index;
    if (!IS_INT(args[1])) return err_format(&exc_TypeError, "an integer is required");
    if (arg_to_ssize(args[1], &index) < 0) return VAL_NULL;
    if (!IS_NULL(it->seq)) {
        int64_t len = AS_TUPLE(it->seq)->len;
        it->index = index < 0 ? 0 : index > len ? len : index;
    }
    return VAL_NONE;
}

static const MethodDef tupleiter_methods[] = {
    {"__iter__", tupleiter_self, ARGS_WRAP(0), NULL},
    {"__next__", tupleiter_next, ARGS_WRAP(0), NULL},
    {"__length_hint__", tupleiter_length_hint, ARGS_NONE, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", tupleiter_reduce, ARGS_NONE, "Return state information for pickling."},
    {"__setstate__", tupleiter_setstate, ARGS_ONE, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

Type type_tuple_iterator = {
    .tp_name = "tuple_iterator", .base = &type_object,
    .basicsize = sizeof(TupleIter), .trace = tupleiter_trace, .methods = tupleiter_methods,
};
GILPY_TYPE(type_tuple_iterator, NULL);

/* ---- methods -------------------------------------------------------------- */

#define SELF AS_TUPLE(args[0])

/* ARGS_ANY: CPython's messages name the type ("tuple expected at most 1
 * argument, got 2"), and subclasses may take keywords. */
static Value tuple_new_m(Value *args, int nargs, Value kwnames)
{
    Type *cls = AS_TYPE(args[0]);
    if (cls == &type_tuple && arg_no_kw("tuple", kwnames)) return VAL_NULL;
    if (arg_count("tuple", nargs - 1, 0, 1)) return VAL_NULL;
    Value src;
    if (nargs < 2) src = tuple_empty();
    else if (IS_EXACT(args[1], type_tuple)) src = args[1];
    else src = seq_to_tuple(args[1]);
    if (IS_NULL(src)) return VAL_NULL;
    if (cls == &type_tuple) return src;
    Tuple *t = tuple_alloc(cls, AS_TUPLE(src)->len);
    if (!t) return VAL_NULL;
    memcpy(t->items, AS_TUPLE(src)->items, (size_t)t->len * sizeof(Value));
    return MK_OBJ(t);
}

static Value tuple_repr_m(Value *args, int nargs, Value kwnames) { return tuple_repr(args[0]); }

static Value tuple_hash_m(Value *args, int nargs, Value kwnames)
{
    int64_t h = tuple_hash(args[0]);
    if (h == -1) return VAL_NULL;
    return SMALLINT_FITS(h) ? MK_SMALLINT(h) : int_from_i64(h);
}

static Value tuple_len_m(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(SELF->len); }

static Value tuple_getitem_m(Value *args, int nargs, Value kwnames)
{
    Tuple *t = SELF;
    int64_t i;
    int r = seq_index_value(args[1], &i);
    if (r < 0) return VAL_NULL;
    if (r > 0) {
        if (i < 0) i += t->len;
        if (i < 0 || i >= t->len) return err_format(&exc_IndexError, "tuple index out of range");
        return t->items[i];
    }
    if (IS_EXACT(args[1], type_slice)) {
        int64_t start, stop, step, n;
        n = slice_indices(args[1], t->len, &start, &stop, &step);
        if (n < 0) return VAL_NULL;
        if (step == 1 && n == t->len && IS_EXACT(args[0], type_tuple)) return args[0];
        Value res = tuple_new(n);
        if (IS_NULL(res)) return VAL_NULL;
        for (int64_t k = 0, j = start; k < n; k++, j = seq_next_index(j, step)) AS_TUPLE(res)->items[k] = t->items[j];
        return res;
    }
    return err_format(&exc_TypeError, "tuple indices must be integers or slices, not %T", args[1]);
}

static Value tuple_contains_m(Value *args, int nargs, Value kwnames)
{
    for (int64_t i = 0; i < SELF->len; i++) {
        int r = obj_eq(SELF->items[i], args[1]);
        if (r < 0) return VAL_NULL;
        if (r) return VAL_TRUE;
    }
    return VAL_FALSE;
}

static Value tuple_iter_m(Value *args, int nargs, Value kwnames) { return tuple_iter(args[0]); }

static Value tuple_add_m(Value *args, int nargs, Value kwnames)
{
    if (!IS_TUPLE(args[1]))
        return err_format(&exc_TypeError, "can only concatenate tuple (not \"%T\") to tuple", args[1]);
    Tuple *a = SELF, *b = AS_TUPLE(args[1]);
    if (b->len == 0 && IS_EXACT(args[0], type_tuple)) return args[0];
    if (a->len == 0 && IS_EXACT(args[1], type_tuple)) return args[1];
    Value r = tuple_new(a->len + b->len);
    if (IS_NULL(r)) return VAL_NULL;
    memcpy(AS_TUPLE(r)->items, a->items, (size_t)a->len * sizeof(Value));
    memcpy(AS_TUPLE(r)->items + a->len, b->items, (size_t)b->len * sizeof(Value));
    return r;
}

static Value tuple_mul_m(Value *args, int nargs, Value kwnames)
{
    int64_t k;
    if (seq_repeat_arg(args[1], &k) < 0) return VAL_NULL;
    int64_t n = SELF->len;
    if (k == 1 && IS_EXACT(args[0], type_tuple)) return args[0];
    if (n && k > INT64_MAX / 16 / n) return err_no_memory();
    Value r = tuple_new(n * k);
    if (IS_NULL(r)) return VAL_NULL;
    for (int64_t i = 0; i < k; i++)
        memcpy(AS_TUPLE(r)->items + i * n, SELF->items, (size_t)n * sizeof(Value));
    return r;
}

static Value tuple_cmp(Value *args, int op)
{
    if (!IS_TUPLE(args[1])) return VAL_NOTIMPLEMENTED;
    return seq_richcompare(SELF->items, SELF->len, AS_TUPLE(args[1])->items,
                           AS_TUPLE(args[1])->len, op);
}

static Value tuple_eq_m(Value *a, int n, Value k) { return tuple_cmp(a, RC_EQ); }
static Value tuple_ne_m(Value *a, int n, Value k) { return tuple_cmp(a, RC_NE); }
static Value tuple_lt_m(Value *a, int n, Value k) { return tuple_cmp(a, RC_LT); }
static Value tuple_le_m(Value *a, int n, Value k) { return tuple_cmp(a, RC_LE); }
static Value tuple_gt_m(Value *a, int n, Value k) { return tuple_cmp(a, RC_GT); }
static Value tuple_ge_m(Value *a, int n, Value k) { return tuple_cmp(a, RC_GE); }

static Value tuple_count_m(Value *args, int nargs, Value kwnames)
{
    int64_t c = 0;
    for (int64_t i = 0; i < SELF->len; i++) {
        int r = obj_eq(SELF->items[i], args[1]);
        if (r < 0) return VAL_NULL;
        c += r;
    }
    return MK_SMALLINT(c);
}

static Value tuple_index_m(Value *args, int nargs, Value kwnames)
{
    int64_t start, stop;
    if (seq_start_stop(args[2], args[3], SELF->len, &start, &stop) < 0) return VAL_NULL;
    for (int64_t i = start; i < stop && i < SELF->len; i++) {
        int r = obj_eq(SELF->items[i], args[1]);
        if (r < 0) return VAL_NULL;
        if (r) return MK_SMALLINT(i);
    }
    return err_format(&exc_ValueError, "tuple.index(x): x not in tuple");
}

static Value tuple_getnewargs_m(Value *args, int nargs, Value kwnames)
{
    Value t = tuple_from_array(SELF->items, SELF->len);
    if (IS_NULL(t)) return VAL_NULL;
    return tuple_pack(1, t);
}

static const MethodDef tuple_methods[] = {
    {"__new__", tuple_new_m, METH_STATIC, NULL},
    {"__repr__", tuple_repr_m, ARGS_WRAP(0), NULL},
    {"__hash__", tuple_hash_m, ARGS_WRAP(0), NULL},
    {"__len__", tuple_len_m, ARGS_WRAP(0), NULL},
    {"__getitem__", tuple_getitem_m, ARGS_WRAP(1), NULL},
    {"__contains__", tuple_contains_m, ARGS_WRAP(1), NULL},
    {"__iter__", tuple_iter_m, ARGS_WRAP(0), NULL},
    {"__add__", tuple_add_m, ARGS_WRAP(1), NULL},
    {"__mul__", tuple_mul_m, ARGS_WRAPT(1, 1), NULL},
    {"__rmul__", tuple_mul_m, ARGS_WRAPT(1, 1), NULL},
    {"__eq__", tuple_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", tuple_ne_m, ARGS_WRAP(1), NULL},
    {"__lt__", tuple_lt_m, ARGS_WRAP(1), NULL},
    {"__le__", tuple_le_m, ARGS_WRAP(1), NULL},
    {"__gt__", tuple_gt_m, ARGS_WRAP(1), NULL},
    {"__ge__", tuple_ge_m, ARGS_WRAP(1), NULL},
    {"__getnewargs__", tuple_getnewargs_m, ARGS_NONE, NULL},
    {"count", tuple_count_m, ARGS_ONE, "Return number of occurrences of value."},
    {"index", tuple_index_m, ARGS_POS(1, 3), "Return first index of value."},
    {NULL, NULL, 0, NULL},
};

static void tuple_trace(Obj *o)
{
    Tuple *t = (Tuple *)o;
    gc_mark_values(t->items, (size_t)t->len);
    if (o->type != &type_tuple && o->type->dictoffset)
        gc_mark_value(*(Value *)((char *)o + o->type->dictoffset));
}

Type type_tuple = {
    .tp_name = "tuple", .base = &type_object,
    .flags = TF_BASETYPE | TF_TUPLE_SUBCLASS | TF_SEQUENCE | TF_MATCH_SELF,
    .basicsize = sizeof(Tuple), .trace = tuple_trace,
    .methods = tuple_methods,
};
GILPY_TYPE(type_tuple, "tuple");
