/* mod_bisect.c - the `_bisect` module: bisection over sorted sequences, as
 * CPython 3.11's _bisect (CPython's bisect.py imports it).
 *
 * The comparisons are bisect.py's: `x < a[mid]` to the right, `a[mid] < x`
 * to the left, a[mid] through key when one is given.  hi=None (or -1) means
 * len(a), taken only then.  An exact list is read in place (its length is
 * checked at every step: a comparison may shrink it); anything else goes
 * through __getitem__, and insort through its insert method. */
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/object.h"
#include "runtime/ops.h"
#include "interp/modreg.h"

GILPY_MODULE("_bisect", mod_bisect_init);

enum { BI_A, BI_X, BI_LO, BI_HI, BI_KEY };

/* lo and hi from the arguments: 0, or -1 raised. */
static int bi_bounds(Value *args, int64_t *lo, int64_t *hi) {
    *lo = 0;
    *hi = -1;
    if (!IS_NULL(args[BI_LO]) && arg_to_ssize(args[BI_LO], lo) < 0) return -1;
    if (*lo < 0) { err_format(&exc_ValueError, "lo must be non-negative"); return -1; }
    if (arg_to_optional_ssize(args[BI_HI], hi) < 0) return -1;
    if (*hi == -1) {
        *hi = obj_len(args[BI_A]);
        if (*hi < 0) return -1;
    }
    return 0;
}

static Value bi_item(Value a, int64_t i) {
    if (IS_EXACT(a, type_list)) {
        if (i < AS_LIST(a)->len) return AS_LIST(a)->items[i];
        return err_format(&exc_IndexError, "list index out of range");
    }
    Type *t = val_type(a);                       /* PySequence_GetItem's refusals */
    if (IS_NULL(t->slots[SM_GETITEM]))
        return err_format(&exc_TypeError, "'%T' object does not support indexing", a);
    if (IS_DICT(a) && t->slots[SM_GETITEM] == type_dict.slots[SM_GETITEM])
        return err_format(&exc_TypeError, "%T is not a sequence", a);
    return obj_getitem(a, int_from_i64(i));
}

/* The insertion point of x in a[lo:hi]: right of equal items or left of them. */
static int64_t bi_search(Value *args, Value x, int right) {
    int64_t lo, hi;
    if (bi_bounds(args, &lo, &hi) < 0) return -1;
    Value a = args[BI_A], key = IS_NULL(args[BI_KEY]) || IS_NONE(args[BI_KEY]) ? VAL_NULL : args[BI_KEY];
    while (lo < hi) {
        int64_t mid = (int64_t)(((uint64_t)lo + (uint64_t)hi) / 2);
        Value item = bi_item(a, mid);
        if (!IS_NULL(item) && !IS_NULL(key)) item = call1(key, item);
        if (IS_NULL(item)) return -1;
        int lt = right ? obj_richcompare_bool(x, item, CMP_LT) : obj_richcompare_bool(item, x, CMP_LT);
        if (lt < 0) return -1;
        if (lt == right) hi = mid;
        else lo = mid + 1;
    }
    return lo;
}

static Value bi_bisect(Value *args, int right) {
    int64_t i = bi_search(args, args[BI_X], right);
    return i < 0 ? VAL_NULL : int_from_i64(i);
}
static Value bi_bisect_right(Value *a, int n, Value kw) { return bi_bisect(a, 1); }
static Value bi_bisect_left(Value *a, int n, Value kw) { return bi_bisect(a, 0); }

static Value bi_insort(Value *args, int right) {
    Value x = args[BI_X];
    Value kx = IS_NULL(args[BI_KEY]) || IS_NONE(args[BI_KEY]) ? x : call1(args[BI_KEY], x);
    if (IS_NULL(kx)) return VAL_NULL;
    int64_t i = bi_search(args, kx, right);
    if (i < 0) return VAL_NULL;
    Value a = args[BI_A];
    if (IS_EXACT(a, type_list)) return list_insert(a, i, x) < 0 ? VAL_NULL : VAL_NONE;
    Value margs[2] = { int_from_i64(i), x };
    return IS_NULL(obj_call_method(a, "insert", margs, 2)) ? VAL_NULL : VAL_NONE;
}
static Value bi_insort_right(Value *a, int n, Value kw) { return bi_insort(a, 1); }
static Value bi_insort_left(Value *a, int n, Value kw) { return bi_insort(a, 0); }

#define BI_SIG "($module, /, a, x, lo=0, hi=None, *, key=None)"

static const MethodDef mod_bisect_functions[] = {
    {"bisect_right", bi_bisect_right, ARGS_KW, "Return the index where to insert item x in list a, assuming a is "
     "sorted.\n\nThe return value i is such that all e in a[:i] have e <= x, and all e in\na[i:] have e > x.  So if "
     "x already appears in the list, a.insert(i, x) will\ninsert just after the rightmost x already there.\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\nslice of a to be searched.", BI_SIG},
    {"insort_right", bi_insort_right, ARGS_KW, "Insert item x in list a, and keep it sorted assuming a is sorted."
     "\n\nIf x is already in a, insert it to the right of the rightmost x.\n\nOptional args lo (default 0) and hi "
     "(default len(a)) bound the\nslice of a to be searched.", BI_SIG},
    {"bisect_left", bi_bisect_left, ARGS_KW, "Return the index where to insert item x in list a, assuming a is "
     "sorted.\n\nThe return value i is such that all e in a[:i] have e < x, and all e in\na[i:] have e >= x.  So if "
     "x already appears in the list, a.insert(i, x) will\ninsert just before the leftmost x already there.\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\nslice of a to be searched.", BI_SIG},
    {"insort_left", bi_insort_left, ARGS_KW, "Insert item x in list a, and keep it sorted assuming a is sorted.\n\n"
     "If x is already in a, insert it to the left of the leftmost x.\n\nOptional args lo (default 0) and hi "
     "(default len(a)) bound the\nslice of a to be searched.", BI_SIG},
    {NULL, NULL, 0, NULL},
};

Value mod_bisect_init(void) {
    Value m = module_new_c("_bisect");
    if (IS_NULL(m)) return VAL_NULL;
    dict_add_methods(MODULE_DICT(m), mod_bisect_functions, m);
    return err_occurred() ? VAL_NULL : m;
}
