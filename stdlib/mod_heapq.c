/* mod_heapq.c - the `_heapq` module: the min-heap (and max-heap) primitives
 * CPython's heapq.py imports, on lists, as CPython 3.11's _heapq.
 *
 * The heap is a list; every comparison is `<` through the runtime, in the
 * order heapq.py's pure-Python versions make them, so objects with their own
 * __lt__ see the same calls and the list ends in the same layout as under
 * CPython.  A comparison may run Python code that changes the list: after
 * each one the size is checked ("list changed size during iteration") and
 * items are read back from the list, never kept across a call. */
#include "runtime/error.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/object.h"
#include "runtime/ops.h"
#include "interp/modreg.h"

GILPY_MODULE("_heapq", mod_heapq_init);

/* a < b for a min-heap, b < a for a max-heap: 1, 0, -1 raised. */
static int hq_less(Value a, Value b, int max) {
    return max ? obj_richcompare_bool(b, a, CMP_LT) : obj_richcompare_bool(a, b, CMP_LT);
}

static int hq_changed(Value heap, int64_t size) {
    if (AS_LIST(heap)->len == size) return 0;
    err_format(&exc_RuntimeError, "list changed size during iteration");
    return -1;
}

static void hq_swap(Value heap, int64_t i, int64_t j) {
    Value *it = AS_LIST(heap)->items, t = it[i];
    it[i] = it[j];
    it[j] = t;
}

/* Move the item at pos up towards startpos while it is less than its parent. */
static int hq_siftdown(Value heap, int64_t startpos, int64_t pos, int max) {
    int64_t size = AS_LIST(heap)->len;
    while (pos > startpos) {
        int64_t parentpos = (pos - 1) >> 1;
        int lt = hq_less(AS_LIST(heap)->items[pos], AS_LIST(heap)->items[parentpos], max);
        if (lt < 0 || hq_changed(heap, size) < 0) return -1;
        if (!lt) break;
        hq_swap(heap, pos, parentpos);
        pos = parentpos;
    }
    return 0;
}

/* Move the smaller child up until a leaf, then the item back up (heapq.py's _siftup). */
static int hq_siftup(Value heap, int64_t pos, int max) {
    int64_t endpos = AS_LIST(heap)->len, startpos = pos, limit = endpos >> 1;
    while (pos < limit) {
        int64_t child = 2 * pos + 1;
        if (child + 1 < endpos) {
            int lt = hq_less(AS_LIST(heap)->items[child], AS_LIST(heap)->items[child + 1], max);
            if (lt < 0 || hq_changed(heap, endpos) < 0) return -1;
            if (!lt) child++;
        }
        hq_swap(heap, pos, child);
        pos = child;
    }
    return hq_siftdown(heap, startpos, pos, max);
}

static int hq_check(Value heap, const char *fname, int one_arg) {
    if (IS_LIST(heap)) return 0;
    err_format(&exc_TypeError, one_arg ? "%s() argument must be list, not %N" : "%s() argument 1 must be list, not %N",
               fname, heap);
    return -1;
}

static Value hq_heappush(Value *a, int n, Value kw) {
    if (hq_check(a[0], "heappush", 0) < 0 || list_append(a[0], a[1]) < 0) return VAL_NULL;
    return hq_siftdown(a[0], 0, AS_LIST(a[0])->len - 1, 0) < 0 ? VAL_NULL : VAL_NONE;
}

static Value hq_pop(Value heap, const char *fname, int max) {
    if (hq_check(heap, fname, 1) < 0) return VAL_NULL;
    if (AS_LIST(heap)->len == 0) return err_format(&exc_IndexError, "index out of range");
    Value last = list_pop(heap, -1);
    if (IS_NULL(last) || AS_LIST(heap)->len == 0) return last;
    Value top = AS_LIST(heap)->items[0];
    AS_LIST(heap)->items[0] = last;
    return hq_siftup(heap, 0, max) < 0 ? VAL_NULL : top;
}
static Value hq_heappop(Value *a, int n, Value kw) { return hq_pop(a[0], "heappop", 0); }
static Value hq_heappop_max(Value *a, int n, Value kw) { return hq_pop(a[0], "_heappop_max", 1); }

static Value hq_replace(Value heap, Value item, const char *fname, int max) {
    if (hq_check(heap, fname, 0) < 0) return VAL_NULL;
    if (AS_LIST(heap)->len == 0) return err_format(&exc_IndexError, "index out of range");
    Value top = AS_LIST(heap)->items[0];
    AS_LIST(heap)->items[0] = item;
    return hq_siftup(heap, 0, max) < 0 ? VAL_NULL : top;
}
static Value hq_heapreplace(Value *a, int n, Value kw) { return hq_replace(a[0], a[1], "heapreplace", 0); }
static Value hq_heapreplace_max(Value *a, int n, Value kw) { return hq_replace(a[0], a[1], "_heapreplace_max", 1); }

static Value hq_heappushpop(Value *a, int n, Value kw) {
    Value heap = a[0], item = a[1];
    if (hq_check(heap, "heappushpop", 0) < 0) return VAL_NULL;
    if (AS_LIST(heap)->len == 0) return item;
    int lt = obj_richcompare_bool(AS_LIST(heap)->items[0], item, CMP_LT);
    if (lt < 0) return VAL_NULL;
    if (!lt) return item;
    if (AS_LIST(heap)->len == 0) return err_format(&exc_IndexError, "index out of range");
    Value top = AS_LIST(heap)->items[0];
    AS_LIST(heap)->items[0] = item;
    return hq_siftup(heap, 0, 0) < 0 ? VAL_NULL : top;
}

/* Sift every parent, the last first: each subtree is a heap before its root. */
static Value hq_heapify_any(Value heap, const char *fname, int max) {
    if (hq_check(heap, fname, 1) < 0) return VAL_NULL;
    for (int64_t i = (AS_LIST(heap)->len >> 1) - 1; i >= 0; i--)
        if (hq_siftup(heap, i, max) < 0) return VAL_NULL;
    return VAL_NONE;
}
static Value hq_heapify(Value *a, int n, Value kw) { return hq_heapify_any(a[0], "heapify", 0); }
static Value hq_heapify_max(Value *a, int n, Value kw) { return hq_heapify_any(a[0], "_heapify_max", 1); }

static const MethodDef mod_heapq_functions[] = {
    {"heappush", hq_heappush, ARGS_POS(2, 2), "Push item onto heap, maintaining the heap invariant.",
     "($module, heap, item, /)"},
    {"heappop", hq_heappop, ARGS_ONE, "Pop the smallest item off the heap, maintaining the heap invariant.",
     "($module, heap, /)"},
    {"heapreplace", hq_heapreplace, ARGS_POS(2, 2), "Pop and return the current smallest value, and add the new "
     "item.\n\nThis is more efficient than heappop() followed by heappush(), and can be\nmore appropriate when "
     "using a fixed-size heap.  Note that the value\nreturned may be larger than item!  That constrains reasonable "
     "uses of\nthis routine unless written as part of a conditional replacement:\n\n    if item > heap[0]:\n"
     "        item = heapreplace(heap, item)", "($module, heap, item, /)"},
    {"heappushpop", hq_heappushpop, ARGS_POS(2, 2), "Push item on the heap, then pop and return the smallest "
     "item from the heap.\n\nThe combined action runs more efficiently than heappush() followed by\na separate "
     "call to heappop().", "($module, heap, item, /)"},
    {"heapify", hq_heapify, ARGS_ONE, "Transform list into a heap, in-place, in O(len(heap)) time.",
     "($module, heap, /)"},
    {"_heappop_max", hq_heappop_max, ARGS_ONE, "Maxheap variant of heappop.", "($module, heap, /)"},
    {"_heapreplace_max", hq_heapreplace_max, ARGS_POS(2, 2), "Maxheap variant of heapreplace.",
     "($module, heap, item, /)"},
    {"_heapify_max", hq_heapify_max, ARGS_ONE, "Maxheap variant of heapify.", "($module, heap, /)"},
    {NULL, NULL, 0, NULL},
};

Value mod_heapq_init(void) {
    Value m = module_new_c("_heapq");
    if (IS_NULL(m)) return VAL_NULL;
    dict_add_methods(MODULE_DICT(m), mod_heapq_functions, m);
    return err_occurred() ? VAL_NULL : m;
}
