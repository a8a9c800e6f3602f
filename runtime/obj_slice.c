/* obj_slice.c - slice objects and slice_indices (CPython's PySlice_Unpack +
 * PySlice_AdjustIndices): bounds are clamped into int64 before adjusting, so
 * huge or negative bounds behave as in CPython; slice.indices alone works on
 * ints of any size.  Slices are unhashable in
 * 3.11 and compare as (start, stop, step) tuples.
 *
 * A mutable sequence calls the two halves apart (slice_unpack_bounds, then
 * slice_adjust_bounds with its length *after* that): a bound's __index__ may
 * resize the sequence, and the length read before it would be stale.
 */
#include "runtime/obj_misc.h"
#include "runtime/obj_list.h"
#include "runtime/obj_int.h"
#include "runtime/obj_str.h"
#include "runtime/gc.h"
#include "runtime/error.h"
#include "runtime/call.h"
#include "runtime/obj_type.h"
#include "runtime/ops.h"

#define SL(v) ((SliceObj *)AS_OBJ(v))

Value slice_new(Value start, Value stop, Value step)
{
    SliceObj *s = (SliceObj *)gc_alloc(&type_slice, sizeof(SliceObj));
    if (!s) return VAL_NULL;
    s->start = start;
    s->stop = stop;
    s->step = step;
    return MK_OBJ(s);
}

/* A slice bound as a clamped int64. */
static int slice_bound(Value v, int64_t *out)
{
    if (IS_SMALLINT(v)) { *out = AS_SMALLINT(v); return 0; }
    if (!IS_INT(v) && val_type(v)->slots[SM_INDEX] == VAL_NULL) {
        err_format(&exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    return arg_to_ssize_clamped(v, out);
}

int slice_unpack_bounds(Value slice, int64_t *start, int64_t *stop, int64_t *step)
{
    SliceObj *s = SL(slice);
    if (IS_NONE(s->step)) {
        *step = 1;
    } else {
        if (slice_bound(s->step, step) < 0) return -1;
        if (*step == 0) {
            err_format(&exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        if (*step < -INT64_MAX) *step = -INT64_MAX;
    }
    if (IS_NONE(s->start)) *start = *step < 0 ? INT64_MAX : 0;
    else if (slice_bound(s->start, start) < 0) return -1;
    if (IS_NONE(s->stop)) *stop = *step < 0 ? INT64_MIN : INT64_MAX;
    else if (slice_bound(s->stop, stop) < 0) return -1;
    return 0;
}

int64_t slice_adjust_bounds(int64_t len, int64_t *start, int64_t *stop, int64_t step)
{
    if (*start < 0) {
        *start += len;
        if (*start < 0) *start = step < 0 ? -1 : 0;
    } else if (*start >= len) {
        *start = step < 0 ? len - 1 : len;
    }
    if (*stop < 0) {
        *stop += len;
        if (*stop < 0) *stop = step < 0 ? -1 : 0;
    } else if (*stop >= len) {
        *stop = step < 0 ? len - 1 : len;
    }
    if (step < 0) {
        if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

int64_t slice_indices(Value slice, int64_t len, int64_t *start, int64_t *stop, int64_t *step)
{
    if (slice_unpack_bounds(slice, start, stop, step) < 0) return -1;
    return slice_adjust_bounds(len, start, stop, *step);
}

/* ---- Python methods ---------------------------------------------------------- */

/* ARGS_ANY: CPython's messages name the type ("slice expected at least 1 argument, got 0"). */
static Value slice_new_m(Value *args, int nargs, Value kwnames)
{
    if (arg_no_kw("slice", kwnames) || arg_count("slice", nargs - 1, 1, 3)) return VAL_NULL;
    int n = nargs - 1;
    if (n == 1) return slice_new(VAL_NONE, args[1], VAL_NONE);
    return slice_new(args[1], args[2], n == 3 ? args[3] : VAL_NONE);
}

static Value slice_repr_m(Value *args, int nargs, Value kwnames)
{
    SliceObj *s = SL(args[0]);
    return str_format_c("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

/* One bound of slice.indices, CPython's _PySlice_GetLongIndices step: None
 * takes dflt; a negative one is counted from length and clamped up to lower,
 * another clamped down to upper. */
static Value slice_long_bound(Value v, Value dflt, Value length, Value lower, Value upper)
{
    if (IS_NONE(v)) return dflt;
    if (!IS_INT(v) && val_type(v)->slots[SM_INDEX] == VAL_NULL)
        return err_format(&exc_TypeError, "slice indices must be integers or None or have an __index__ method");
    v = obj_index(v);
    if (IS_NULL(v)) return v;
    if (int_sign(v) < 0) {
        v = int_binop(v, length, OP_ADD);
        if (IS_NULL(v)) return v;
        return int_compare(v, lower) < 0 ? lower : v;
    }
    return int_compare(v, upper) > 0 ? upper : v;
}

/* slice.indices(length) with ints of any size (slice(0, 2**70, 3).indices(2**70)
 * is (0, 2**70, 3)): the int64 engine above clamps, which is right for indexing
 * sequences but not here. */
static Value slice_indices_m(Value *args, int nargs, Value kwnames)
{
    SliceObj *s = SL(args[0]);
    Value length = obj_index(args[1]);
    if (IS_NULL(length)) return VAL_NULL;
    if (int_sign(length) < 0) return err_format(&exc_ValueError, "length should not be negative");
    Value step = MK_SMALLINT(1);
    if (!IS_NONE(s->step)) {
        if (!IS_INT(s->step) && val_type(s->step)->slots[SM_INDEX] == VAL_NULL)
            return err_format(&exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        step = obj_index(s->step);
        if (IS_NULL(step)) return VAL_NULL;
        if (int_sign(step) == 0) return err_format(&exc_ValueError, "slice step cannot be zero");
    }
    int neg = int_sign(step) < 0;
    Value lower = neg ? MK_SMALLINT(-1) : MK_SMALLINT(0);
    Value upper = neg ? int_binop(length, lower, OP_ADD) : length;
    if (IS_NULL(upper)) return VAL_NULL;
    Value start = slice_long_bound(s->start, neg ? upper : lower, length, lower, upper);
    if (IS_NULL(start)) return VAL_NULL;
    Value stop = slice_long_bound(s->stop, neg ? lower : upper, length, lower, upper);
    if (IS_NULL(stop)) return VAL_NULL;
    return tuple_pack(3, start, stop, step);
}

static Value slice_cmp(Value *args, int op)
{
    if (!IS_EXACT(args[1], type_slice)) return VAL_NOTIMPLEMENTED;
    SliceObj *a = SL(args[0]), *b = SL(args[1]);
    Value ta[3] = {a->start, a->stop, a->step}, tb[3] = {b->start, b->stop, b->step};
    return seq_richcompare(ta, 3, tb, 3, op);
}

static Value slice_eq_m(Value *a, int n, Value k) { return slice_cmp(a, 0); }
static Value slice_ne_m(Value *a, int n, Value k) { return slice_cmp(a, 1); }
static Value slice_lt_m(Value *a, int n, Value k) { return slice_cmp(a, 2); }
static Value slice_le_m(Value *a, int n, Value k) { return slice_cmp(a, 3); }
static Value slice_gt_m(Value *a, int n, Value k) { return slice_cmp(a, 4); }
static Value slice_ge_m(Value *a, int n, Value k) { return slice_cmp(a, 5); }

static Value slice_reduce_m(Value *args, int nargs, Value kwnames)
{
    SliceObj *s = SL(args[0]);
    Value t = tuple_pack(3, s->start, s->stop, s->step);
    return IS_NULL(t) ? t : tuple_pack(2, MK_OBJ(&type_slice), t);
}

static Value slice_get_start(Value self) { return SL(self)->start; }
static Value slice_get_stop(Value self) { return SL(self)->stop; }
static Value slice_get_step(Value self) { return SL(self)->step; }

/* Read-only members in CPython. */
static const GetSetDef slice_getsets[] = {
    {"start", slice_get_start, getset_readonly, NULL},
    {"stop", slice_get_stop, getset_readonly, NULL},
    {"step", slice_get_step, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef slice_methods[] = {
    {"__new__", slice_new_m, METH_STATIC, NULL},
    {"__repr__", slice_repr_m, ARGS_WRAP(0), NULL},
    {"__hash__", NULL, 0, NULL},
    {"__eq__", slice_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", slice_ne_m, ARGS_WRAP(1), NULL},
    {"__lt__", slice_lt_m, ARGS_WRAP(1), NULL},
    {"__le__", slice_le_m, ARGS_WRAP(1), NULL},
    {"__gt__", slice_gt_m, ARGS_WRAP(1), NULL},
    {"__ge__", slice_ge_m, ARGS_WRAP(1), NULL},
    {"__reduce__", slice_reduce_m, ARGS_NONE, "Return state information for pickling."},
    {"indices", slice_indices_m, ARGS_ONE, NULL},
    {NULL, NULL, 0, NULL},
};

static void slice_trace(Obj *o)
{
    SliceObj *s = (SliceObj *)o;
    gc_mark_value(s->start); gc_mark_value(s->stop); gc_mark_value(s->step);
}

Type type_slice = {
    .tp_name = "slice", .base = &type_object,
    .basicsize = sizeof(SliceObj), .trace = slice_trace,
    .methods = slice_methods, .getsets = slice_getsets,
};
GILPY_TYPE(type_slice, "slice");
