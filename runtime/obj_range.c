/* obj_range.c - range and its iterators.
 *
 * A range keeps start, stop, step and its length as int Values, which may be
 * big (range(10**20) works); arithmetic goes through int_binop.  Iteration
 * uses `range_iterator` (int64 counters) when start, step and length fit in
 * a small int, else `longrange_iterator` (int Values), as CPython does.
 * Slicing a range gives a range (CPython's compute_slice, on Values).
 */
#include "runtime/obj_misc.h"
#include "runtime/obj_list.h"
#include "runtime/obj_int.h"
#include "runtime/obj_str.h"
#include "runtime/gc.h"
#include "runtime/error.h"
#include "runtime/call.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_type.h"
#include "runtime/state.h"

enum { RC_EQ, RC_NE, RC_LT, RC_LE, RC_GT, RC_GE };
enum { IOP_ADD = 0, IOP_SUB = 1, IOP_MUL = 2, IOP_FLOORDIV = 5, IOP_MOD = 6 };

#define R(v) ((RangeObj *)AS_OBJ(v))

static Value iadd(Value a, Value b) { return BOTH_SMALLINT(a, b) ? int_from_i64(AS_SMALLINT(a) + AS_SMALLINT(b)) : int_binop(a, b, IOP_ADD); }
static Value isub(Value a, Value b) { return BOTH_SMALLINT(a, b) ? int_from_i64(AS_SMALLINT(a) - AS_SMALLINT(b)) : int_binop(a, b, IOP_SUB); }
static Value imul(Value a, Value b) { return int_binop(a, b, IOP_MUL); }
static int icmp(Value a, Value b) { return int_compare(a, b); }

/* len(range(lo, hi, step)) as an int Value. */
static Value range_compute_length(Value lo, Value hi, Value step)
{
    Value one = MK_SMALLINT(1);
    if (int_sign(step) > 0) {
        if (icmp(lo, hi) >= 0) return MK_SMALLINT(0);
        Value d = isub(isub(hi, lo), one);
        Value q = IS_NULL(d) ? d : int_binop(d, step, IOP_FLOORDIV);
        return IS_NULL(q) ? q : iadd(q, one);
    }
    if (icmp(lo, hi) <= 0) return MK_SMALLINT(0);
    Value d = isub(isub(lo, hi), one);
    Value ns = IS_NULL(d) ? d : int_neg(step);
    Value q = IS_NULL(ns) ? ns : int_binop(d, ns, IOP_FLOORDIV);
    return IS_NULL(q) ? q : iadd(q, one);
}

Value range_new(Value start, Value stop, Value step)
{
    if (int_sign(step) == 0) return err_format(&exc_ValueError, "range() arg 3 must not be zero");
    Value len = range_compute_length(start, stop, step);
    if (IS_NULL(len)) return VAL_NULL;
    RangeObj *r = (RangeObj *)gc_alloc(&type_range, sizeof(RangeObj));
    if (!r) return VAL_NULL;
    r->start = int_exact(start);
    r->stop = int_exact(stop);
    r->step = int_exact(step);
    r->length = len;
    return MK_OBJ(r);
}

static Value as_index_int(Value v)
{
    if (IS_SMALLINT(v)) return v;
    Value r = obj_index(v);
    return r;
}

/* ARGS_ANY: CPython's messages name the type ("range expected at least 1 argument, got 0"). */
static Value range_new_m(Value *args, int nargs, Value kwnames)
{
    if (arg_no_kw("range", kwnames) || arg_count("range", nargs - 1, 1, 3)) return VAL_NULL;
    int n = nargs - 1;
    Value v[3];
    for (int i = 0; i < n; i++) {
        v[i] = as_index_int(args[1 + i]);
        if (IS_NULL(v[i])) return VAL_NULL;
    }
    if (n == 1) return range_new(MK_SMALLINT(0), v[0], MK_SMALLINT(1));
    return range_new(v[0], v[1], n == 3 ? v[2] : MK_SMALLINT(1));
}

static Value range_item(RangeObj *r, Value i) { Value m = imul(i, r->step); return IS_NULL(m) ? m : iadd(r->start, m); }

/* One bound of CPython's compute_slice. */
static Value range_slice_bound(Value v, Value len, Value lower, Value upper, Value dflt)
{
    if (IS_NONE(v)) return dflt;
    Value i = as_index_int(v);
    if (IS_NULL(i)) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_format(&exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        }
        return VAL_NULL;
    }
    if (int_sign(i) < 0) {
        i = iadd(i, len);
        if (IS_NULL(i)) return VAL_NULL;
        if (icmp(i, lower) < 0) i = lower;
    } else if (icmp(i, upper) > 0) {
        i = upper;
    }
    return i;
}

static Value range_getslice(RangeObj *r, Value slice)
{
    SliceObj *s = (SliceObj *)AS_OBJ(slice);
    Value step = MK_SMALLINT(1);
    if (!IS_NONE(s->step)) {
        step = as_index_int(s->step);
        if (IS_NULL(step)) return VAL_NULL;
        if (int_sign(step) == 0) return err_format(&exc_ValueError, "slice step cannot be zero");
    }
    int neg = int_sign(step) < 0;
    Value lower = neg ? MK_SMALLINT(-1) : MK_SMALLINT(0);
    Value upper = neg ? isub(r->length, MK_SMALLINT(1)) : r->length;
    if (IS_NULL(upper)) return VAL_NULL;
    Value start = range_slice_bound(s->start, r->length, lower, upper, neg ? upper : lower);
    if (IS_NULL(start)) return VAL_NULL;
    Value stop = range_slice_bound(s->stop, r->length, lower, upper, neg ? lower : upper);
    if (IS_NULL(stop)) return VAL_NULL;
    Value nstart = range_item(r, start), nstop = range_item(r, stop);
    Value nstep = imul(r->step, step);
    if (IS_NULL(nstart) || IS_NULL(nstop) || IS_NULL(nstep)) return VAL_NULL;
    return range_new(nstart, nstop, nstep);
}

static Value range_getitem_m(Value *args, int nargs, Value kwnames)
{
    RangeObj *r = R(args[0]);
    Value key = args[1];
    if (IS_EXACT(key, type_slice)) return range_getslice(r, key);
    if (!IS_INT(key) && val_type(key)->slots[SM_INDEX] == VAL_NULL)
        return err_format(&exc_TypeError, "range indices must be integers or slices, not %T", key);
    Value i = as_index_int(key);
    if (IS_NULL(i)) return VAL_NULL;
    if (int_sign(i) < 0) { i = iadd(i, r->length); if (IS_NULL(i)) return VAL_NULL; }
    if (int_sign(i) < 0 || icmp(i, r->length) >= 0)
        return err_format(&exc_IndexError, "range object index out of range");
    return range_item(r, i);
}

static Value range_len_m(Value *args, int nargs, Value kwnames)
{
    Value n = R(args[0])->length;
    int64_t i;
    return arg_to_ssize(n, &i) < 0 ? VAL_NULL : n;
}

static Value range_bool_m(Value *args, int nargs, Value kwnames)
{
    return MK_BOOL(int_sign(R(args[0])->length) != 0);
}

/* x (an exact int or bool) in r: 1/0/-1 */
static int range_contains_int(RangeObj *r, Value x)
{
    int pos = int_sign(r->step) > 0;
    if (pos ? (icmp(r->start, x) > 0 || icmp(x, r->stop) >= 0)
            : (icmp(r->stop, x) >= 0 || icmp(x, r->start) > 0))
        return 0;
    Value d = isub(x, r->start);
    if (IS_NULL(d)) return -1;
    Value m = int_binop(d, r->step, IOP_MOD);
    if (IS_NULL(m)) return -1;
    return int_sign(m) == 0;
}

static int range_is_int(Value x) { return IS_SMALLINT(x) || IS_BOOL(x) || IS_EXACT(x, type_int); }

static Value range_contains_m(Value *args, int nargs, Value kwnames)
{
    RangeObj *r = R(args[0]);
    if (range_is_int(args[1])) {
        int c = range_contains_int(r, args[1]);
        return c < 0 ? VAL_NULL : MK_BOOL(c);
    }
    Value it = obj_iter(args[0]);
    if (IS_NULL(it)) return VAL_NULL;
    for (;;) {
        Value v = obj_next(it);
        if (IS_NULL(v)) return err_occurred() ? VAL_NULL : VAL_FALSE;
        int e = obj_eq(v, args[1]);
        if (e < 0) return VAL_NULL;
        if (e) return VAL_TRUE;
    }
}

static Value range_count_m(Value *args, int nargs, Value kwnames)
{
    if (range_is_int(args[1])) {
        int c = range_contains_int(R(args[0]), args[1]);
        return c < 0 ? VAL_NULL : MK_SMALLINT(c);
    }
    Value it = obj_iter(args[0]);
    if (IS_NULL(it)) return VAL_NULL;
    int64_t n = 0;
    for (;;) {
        Value v = obj_next(it);
        if (IS_NULL(v)) return err_occurred() ? VAL_NULL : MK_SMALLINT(n);
        int e = obj_eq(v, args[1]);
        if (e < 0) return VAL_NULL;
        n += e;
    }
}

static Value range_index_m(Value *args, int nargs, Value kwnames)
{
    RangeObj *r = R(args[0]);
    if (range_is_int(args[1])) {
        int c = range_contains_int(r, args[1]);
        if (c < 0) return VAL_NULL;
        if (!c) return err_format(&exc_ValueError, "%R is not in range", args[1]);
        Value d = isub(args[1], r->start);
        return IS_NULL(d) ? d : int_binop(d, r->step, IOP_FLOORDIV);
    }
    Value it = obj_iter(args[0]);
    if (IS_NULL(it)) return VAL_NULL;
    for (int64_t n = 0;; n++) {
        Value v = obj_next(it);
        if (IS_NULL(v)) {
            if (err_occurred()) return VAL_NULL;
            return err_format(&exc_ValueError, "sequence.index(x): x not in sequence");
        }
        int e = obj_eq(v, args[1]);
        if (e < 0) return VAL_NULL;
        if (e) return MK_SMALLINT(n);
    }
}

static Value range_repr_m(Value *args, int nargs, Value kwnames)
{
    RangeObj *r = R(args[0]);
    if (IS_SMALLINT(r->step) && AS_SMALLINT(r->step) == 1)
        return str_format_c("range(%R, %R)", r->start, r->stop);
    return str_format_c("range(%R, %R, %R)", r->start, r->stop, r->step);
}

/* 1 equal, 0 not, -1 error (CPython's range_equals). */
static int range_equals(RangeObj *a, RangeObj *b)
{
    if (a == b) return 1;
    if (icmp(a->length, b->length) != 0) return 0;
    if (int_sign(a->length) == 0) return 1;
    if (icmp(a->start, b->start) != 0) return 0;
    if (IS_SMALLINT(a->length) && AS_SMALLINT(a->length) == 1) return 1;
    return icmp(a->step, b->step) == 0;
}

static Value range_eq_m(Value *args, int nargs, Value kwnames)
{
    if (!IS_EXACT(args[1], type_range)) return VAL_NOTIMPLEMENTED;
    return MK_BOOL(range_equals(R(args[0]), R(args[1])));
}

static Value range_ne_m(Value *args, int nargs, Value kwnames)
{
    if (!IS_EXACT(args[1], type_range)) return VAL_NOTIMPLEMENTED;
    return MK_BOOL(!range_equals(R(args[0]), R(args[1])));
}

/* Ranges are not ordered: range's own slots, as in CPython, that decline. */
static Value range_notimpl_m(Value *args, int nargs, Value kwnames) { return VAL_NOTIMPLEMENTED; }

static Value range_hash_m(Value *args, int nargs, Value kwnames)
{
    RangeObj *r = R(args[0]);
    Value t;
    if (int_sign(r->length) == 0) t = tuple_pack(3, r->length, VAL_NONE, VAL_NONE);
    else if (IS_SMALLINT(r->length) && AS_SMALLINT(r->length) == 1) t = tuple_pack(3, r->length, r->start, VAL_NONE);
    else t = tuple_pack(3, r->length, r->start, r->step);
    if (IS_NULL(t)) return VAL_NULL;
    int64_t h = tuple_hash(t);
    if (h == -1) return VAL_NULL;
    return int_from_i64(h);
}

/* ARGS_ANY: CPython's range.__reduce__ is METH_VARARGS (any positional
 * arguments, ignored; keywords refused), a kind the table has no entry for. */
static Value range_reduce_m(Value *args, int nargs, Value kwnames)
{
    if (arg_no_kw("range.__reduce__", kwnames)) return VAL_NULL;
    RangeObj *r = R(args[0]);
    Value t = tuple_pack(3, r->start, r->stop, r->step);
    return IS_NULL(t) ? t : tuple_pack(2, MK_OBJ(&type_range), t);
}

/* ---- iterators -------------------------------------------------------------- */

/* CPython 3.11's layout: the first value, the step, the length and the
 * index reached, so that __reduce__ can rebuild the range and __setstate__
 * can move the index. */
typedef struct RangeIter {
    Obj     header;
    int64_t index, start, step, len;
} RangeIter;

typedef struct LongRangeIter {
    Obj   header;
    Value index, start, step, len;      /* ints */
} LongRangeIter;

Type type_range_iterator, type_longrange_iterator;

static void longrangeiter_trace(Obj *o)
{
    LongRangeIter *it = (LongRangeIter *)o;
    gc_mark_value(it->index); gc_mark_value(it->start); gc_mark_value(it->step); gc_mark_value(it->len);
}

static Value range_make_iter(Value start, Value step, Value len)
{
    if (IS_SMALLINT(start) && IS_SMALLINT(step) && IS_SMALLINT(len)) {
        /* last value start + (len-1)*step must fit too */
        int64_t last;
        if (!__builtin_mul_overflow(AS_SMALLINT(len) ? AS_SMALLINT(len) - 1 : 0, AS_SMALLINT(step), &last) &&
            !__builtin_add_overflow(last, AS_SMALLINT(start), &last) && SMALLINT_FITS(last)) {
            RangeIter *it = (RangeIter *)gc_alloc(&type_range_iterator, sizeof(RangeIter));
            if (!it) return VAL_NULL;
            it->start = AS_SMALLINT(start);
            it->step = AS_SMALLINT(step);
            it->len = AS_SMALLINT(len);
            return MK_OBJ(it);
        }
    }
    LongRangeIter *it = (LongRangeIter *)gc_alloc(&type_longrange_iterator, sizeof(LongRangeIter));
    if (!it) return VAL_NULL;
    it->index = MK_SMALLINT(0);
    it->start = start; it->step = step; it->len = len;
    return MK_OBJ(it);
}

static Value range_iter_m(Value *args, int nargs, Value kwnames)
{
    RangeObj *r = R(args[0]);
    return range_make_iter(r->start, r->step, r->length);
}

static Value range_reversed_m(Value *args, int nargs, Value kwnames)
{
    RangeObj *r = R(args[0]);
    Value last = int_sign(r->length) == 0 ? r->start : range_item(r, isub(r->length, MK_SMALLINT(1)));
    if (IS_NULL(last)) return VAL_NULL;
    Value nstep = int_neg(r->step);
    if (IS_NULL(nstep)) return VAL_NULL;
    return range_make_iter(last, nstep, r->length);
}

/* (iter, (range(start, start + len*step, step),), index): what both iterators pickle as. */
static Value rangeiter_reduce_values(Value start, Value step, Value len, Value index)
{
    Value iter = dict_get_c(interp.builtins, "iter");
    if (IS_NULL(iter)) return err_format(&exc_AttributeError, "iter");
    Value span = imul(len, step);
    Value stop = IS_NULL(span) ? span : iadd(start, span);
    if (IS_NULL(stop)) return VAL_NULL;
    Value range = range_new(start, stop, step);
    if (IS_NULL(range)) return VAL_NULL;
    Value args = tuple_pack(1, range);
    return IS_NULL(args) ? args : tuple_pack(3, iter, args, index);
}

static Value rangeiter_self(Value *args, int nargs, Value kwnames) { return args[0]; }

static Value rangeiter_next(Value *args, int nargs, Value kwnames)
{
    RangeIter *it = (RangeIter *)AS_OBJ(args[0]);
    if (it->index >= it->len) return VAL_NULL;
    return MK_SMALLINT(it->start + it->index++ * it->step);
}

static Value rangeiter_length_hint(Value *args, int nargs, Value kwnames)
{
    RangeIter *it = (RangeIter *)AS_OBJ(args[0]);
    return MK_SMALLINT(it->len - it->index);
}

static Value rangeiter_reduce(Value *args, int nargs, Value kwnames)
{
    RangeIter *it = (RangeIter *)AS_OBJ(args[0]);
    return rangeiter_reduce_values(MK_SMALLINT(it->start), MK_SMALLINT(it->step), MK_SMALLINT(it->len),
                                   MK_SMALLINT(it->index));
}

/* The index, silently clipped into [0, len] (CPython's PyLong_AsLong wording). */
static Value rangeiter_setstate(Value *args, int nargs, Value kwnames)
{
    RangeIter *it = (RangeIter *)AS_OBJ(args[0]);
    int64_t index;
    if (arg_to_ssize(args[1], &index) < 0) {
        if (err_matches(&exc_OverflowError)) {
            err_clear();
            err_format(&exc_OverflowError, "Python int too large to convert to C long");
        }
        return VAL_NULL;
    }
    it->index = index < 0 ? 0 : index > it->len ? it->len : index;
    return VAL_NONE;
}

static Value longrangeiter_next(Value *args, int nargs, Value kwnames)
{
    LongRangeIter *it = (LongRangeIter *)AS_OBJ(args[0]);
    if (icmp(it->index, it->len) >= 0) return VAL_NULL;
    Value off = imul(it->index, it->step);
    Value v = IS_NULL(off) ? off : iadd(it->start, off);
    Value ni = iadd(it->index, MK_SMALLINT(1));
    if (IS_NULL(v) || IS_NULL(ni)) return VAL_NULL;
    it->index = ni;
    return v;
}

static Value longrangeiter_length_hint(Value *args, int nargs, Value kwnames)
{
    LongRangeIter *it = (LongRangeIter *)AS_OBJ(args[0]);
    return isub(it->len, it->index);
}

static Value longrangeiter_reduce(Value *args, int nargs, Value kwnames)
{
    LongRangeIter *it = (LongRangeIter *)AS_OBJ(args[0]);
    return rangeiter_reduce_values(it->start, it->step, it->len, it->index);
}

static Value longrangeiter_setstate(Value *args, int nargs, Value kwnames)
{
    LongRangeIter *it = (LongRangeIter *)AS_OBJ(args[0]);
    Value index = as_index_int(args[1]);
    if (IS_NULL(index)) return VAL_NULL;
    if (int_sign(index) < 0) index = MK_SMALLINT(0);
    else if (icmp(index, it->len) > 0) index = it->len;
    it->index = int_exact(index);
    return VAL_NONE;
}

static const MethodDef rangeiter_methods[] = {
    {"__iter__", rangeiter_self, ARGS_WRAP(0), NULL},
    {"__next__", rangeiter_next, ARGS_WRAP(0), NULL},
    {"__length_hint__", rangeiter_length_hint, ARGS_NONE, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", rangeiter_reduce, ARGS_NONE, "Return state information for pickling."},
    {"__setstate__", rangeiter_setstate, ARGS_ONE, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

static const MethodDef longrangeiter_methods[] = {
    {"__iter__", rangeiter_self, ARGS_WRAP(0), NULL},
    {"__next__", longrangeiter_next, ARGS_WRAP(0), NULL},
    {"__length_hint__", longrangeiter_length_hint, ARGS_NONE, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", longrangeiter_reduce, ARGS_NONE, "Return state information for pickling."},
    {"__setstate__", longrangeiter_setstate, ARGS_ONE, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

Type type_range_iterator = {
    .tp_name = "range_iterator", .base = &type_object,
    .basicsize = sizeof(RangeIter), .methods = rangeiter_methods,
};
GILPY_TYPE(type_range_iterator, NULL);

Type type_longrange_iterator = {
    .tp_name = "longrange_iterator", .base = &type_object,
    .basicsize = sizeof(LongRangeIter), .trace = longrangeiter_trace, .methods = longrangeiter_methods,
};
GILPY_TYPE(type_longrange_iterator, NULL);

/* ---- the type ------------------------------------------------------------------ */

static Value range_get_start(Value self) { return R(self)->start; }
static Value range_get_stop(Value self) { return R(self)->stop; }
static Value range_get_step(Value self) { return R(self)->step; }

/* Read-only members in CPython. */
static const GetSetDef range_getsets[] = {
    {"start", range_get_start, getset_readonly, NULL},
    {"stop", range_get_stop, getset_readonly, NULL},
    {"step", range_get_step, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef range_methods[] = {
    {"__new__", range_new_m, METH_STATIC, NULL},
    {"__repr__", range_repr_m, ARGS_WRAP(0), NULL},
    {"__len__", range_len_m, ARGS_WRAP(0), NULL},
    {"__bool__", range_bool_m, ARGS_WRAP(0), NULL},
    {"__getitem__", range_getitem_m, ARGS_WRAP(1), NULL},
    {"__contains__", range_contains_m, ARGS_WRAP(1), NULL},
    {"__iter__", range_iter_m, ARGS_WRAP(0), NULL},
    {"__reversed__", range_reversed_m, ARGS_NONE, "Return a reverse iterator."},
    {"__eq__", range_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", range_ne_m, ARGS_WRAP(1), NULL},
    {"__lt__", range_notimpl_m, ARGS_WRAP(1), NULL},
    {"__le__", range_notimpl_m, ARGS_WRAP(1), NULL},
    {"__gt__", range_notimpl_m, ARGS_WRAP(1), NULL},
    {"__ge__", range_notimpl_m, ARGS_WRAP(1), NULL},
    {"__hash__", range_hash_m, ARGS_WRAP(0), NULL},
    {"__reduce__", range_reduce_m, ARGS_ANY, "Return state information for pickling."},
    {"count", range_count_m, ARGS_ONE, "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", range_index_m, ARGS_ONE, "rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if the value is not present."},
    {NULL, NULL, 0, NULL},
};

static void range_trace(Obj *o)
{
    RangeObj *r = (RangeObj *)o;
    gc_mark_value(r->start); gc_mark_value(r->stop); gc_mark_value(r->step); gc_mark_value(r->length);
}

Type type_range = {
    .tp_name = "range", .base = &type_object, .flags = TF_SEQUENCE,
    .basicsize = sizeof(RangeObj), .trace = range_trace,
    .methods = range_methods, .getsets = range_getsets,
};
GILPY_TYPE(type_range, "range");
