/* obj_list.c - list: a growable array of Values, its iterators, and the
 * sequence helpers shared with tuple (seq_*).
 *
 * Layout: List.items is gc_malloc'd with room for `cap` Values; `len` are in
 * use.  Growth follows CPython's over-allocation (new = n + n/8 + 6, rounded)
 * so amortised append is O(1).  Every operation that may run Python code
 * (comparisons, __index__, key functions) re-reads items/len afterwards: the
 * list may have been mutated under our feet.
 *
 * sort() is CPython's timsort (listsort, comparison for comparison) over an
 * index permutation.  While it runs the
 * list is empty (as in CPython); the original items are kept in a scratch
 * List object (GC-visible) and computed keys in another one.  If the list is
 * found non-empty at the end, "list modified during sort" is raised.
 *
 * The repr recursion guard (seq_repr_enter/leave) is a per-thread stack of
 * the containers being repr'd; the containers themselves are kept alive by
 * the C stack of the thread doing the repr.
 */
#include <stdio.h>
#include <stdlib.h>
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_int.h"
#include "runtime/obj_str.h"
#include "runtime/gc.h"
#include "runtime/error.h"
#include "runtime/call.h"
#include "runtime/strbuf.h"
#include "runtime/state.h"

enum { RC_EQ, RC_NE, RC_LT, RC_LE, RC_GT, RC_GE };

/* ---- shared helpers ------------------------------------------------------ */

/* The containers being repr'd live on the thread's state (freed with it). */
int seq_repr_enter(Value v)
{
    ThreadState *t = ts_get();
    const void *p = AS_OBJ(v);
    for (int i = 0; i < t->repr_depth; i++)
        if (t->repr_stack[i] == p) return 1;
    if (t->repr_depth == t->repr_cap) {
        int ncap = t->repr_cap ? t->repr_cap * 2 : 16;
        const void **ns = realloc((void *)t->repr_stack, (size_t)ncap * sizeof(void *));
        if (!ns) { err_no_memory(); return -1; }
        t->repr_stack = ns;
        t->repr_cap = ncap;
    }
    t->repr_stack[t->repr_depth++] = p;
    return 0;
}

void seq_repr_leave(Value v)
{
    ThreadState *t = ts_get();
    const void *p = AS_OBJ(v);
    for (int i = t->repr_depth - 1; i >= 0; i--) {
        if (t->repr_stack[i] == p) {
            for (int j = i; j + 1 < t->repr_depth; j++) t->repr_stack[j] = t->repr_stack[j + 1];
            t->repr_depth--;
            return;
        }
    }
}

int seq_index_value(Value key, int64_t *out)
{
    if (IS_SMALLINT(key)) { *out = AS_SMALLINT(key); return 1; }
    if (IS_BOOL(key)) { *out = AS_BOOL(key); return 1; }
    if (!IS_INT(key) && val_type(key)->slots[SM_INDEX] == VAL_NULL) return 0;
    Value iv = IS_INT(key) ? key : obj_index(key);
    if (IS_NULL(iv)) return -1;
    if (int_to_i64(iv, out) < 0) {
        err_clear();
        err_format(&exc_IndexError, "cannot fit '%T' into an index-sized integer", key);
        return -1;
    }
    return 1;
}

int seq_clamp_index(Value v, int64_t *out) { return arg_to_ssize_clamped(v, out); }

/* A start or stop of index(): CPython's _PyEval_SliceIndexNotNone. */
static int seq_bound(Value v, int64_t *out)
{
    if (!IS_INT(v) && val_type(v)->slots[SM_INDEX] == VAL_NULL) {
        err_format(&exc_TypeError, "slice indices must be integers or have an __index__ method");
        return -1;
    }
    return arg_to_ssize_clamped(v, out);
}

/* Resolve optional start/stop arguments of index() against len. */
int seq_start_stop(Value vstart, Value vstop, int64_t len, int64_t *start, int64_t *stop)
{
    *start = 0;
    *stop = len;
    if (!IS_NULL(vstart) && seq_bound(vstart, start) < 0) return -1;
    if (!IS_NULL(vstop) && seq_bound(vstop, stop) < 0) return -1;
    if (*start < 0) { *start += len; if (*start < 0) *start = 0; }
    if (*stop < 0) { *stop += len; if (*stop < 0) *stop = 0; }
    return 0;
}

Value seq_richcompare(const Value *a, int64_t na, const Value *b, int64_t nb, int cmpop)
{
    if ((cmpop == RC_EQ || cmpop == RC_NE) && na != nb)
        return MK_BOOL(cmpop == RC_NE);
    int64_t i;
    for (i = 0; i < na && i < nb; i++) {
        int r = obj_eq(a[i], b[i]);
        if (r < 0) return VAL_NULL;
        if (!r) break;
    }
    if (i >= na || i >= nb) {
        int c = na < nb ? -1 : na > nb ? 1 : 0;
        int res = 0;
        switch (cmpop) {
        case RC_EQ: res = c == 0; break;
        case RC_NE: res = c != 0; break;
        case RC_LT: res = c < 0; break;
        case RC_LE: res = c <= 0; break;
        case RC_GT: res = c > 0; break;
        default:    res = c >= 0; break;
        }
        return MK_BOOL(res);
    }
    if (cmpop == RC_EQ) return VAL_FALSE;
    if (cmpop == RC_NE) return VAL_TRUE;
    return obj_richcompare(a[i], b[i], cmpop);
}

/* ---- core list operations ------------------------------------------------ */

static int list_resize(List *l, int64_t n)
{
    if (n <= l->cap && n >= l->cap / 2) { l->len = n; return 0; }
    int64_t ncap = n + (n >> 3) + (n < 9 ? 3 : 6);
    if (n == 0) ncap = 0;
    Value *ni = gc_realloc(l->items, (size_t)l->cap * sizeof(Value), (size_t)ncap * sizeof(Value));
    if (!ni && ncap) return -1;
    l->items = ni;
    l->cap = ncap;
    l->len = n;
    return 0;
}

static int list_reserve(List *l, int64_t n)
{
    if (n <= l->cap) return 0;
    Value *ni = gc_realloc(l->items, (size_t)l->cap * sizeof(Value), (size_t)n * sizeof(Value));
    if (!ni) return -1;
    l->items = ni;
    l->cap = n;
    return 0;
}

static List *list_alloc(Type *t, int64_t cap)
{
    List *l = (List *)(t == &type_list ? gc_alloc(t, sizeof(List)) : obj_new_instance(t));
    if (!l) return NULL;
    if (cap > 0 && list_reserve(l, cap) < 0) return NULL;
    return l;
}

Value list_new(int64_t cap)
{
    List *l = list_alloc(&type_list, cap);
    return l ? MK_OBJ(l) : VAL_NULL;
}

Value list_from_array(const Value *items, int64_t n)
{
    GcPinned pin;                  /* items may belong to a dying list: see gc_pin */
    const Value *src = gc_pin(&pin, items, (size_t)n);
    if (!src) return err_no_memory();
    List *l = list_alloc(&type_list, n);
    if (l) {
        values_copy(l->items, src, (size_t)n);
        l->len = n;
    }
    gc_unpin(&pin);
    return l ? MK_OBJ(l) : VAL_NULL;
}

int list_append(Value list, Value item)
{
    List *l = AS_LIST(list);
    int64_t n = l->len;
    if (n == l->cap) {
        if (list_resize(l, n + 1) < 0) return -1;
    } else {
        l->len = n + 1;
    }
    l->items[n] = item;
    return 0;
}

static int list_extend_array(List *l, const Value *src, int64_t n)
{
    int64_t old = l->len;
    if (n == 0) return 0;
    if (list_reserve(l, old + n) < 0) return -1;
    memmove(l->items + old, src, (size_t)n * sizeof(Value));
    l->len = old + n;
    return 0;
}

int list_extend(Value list, Value iterable)
{
    List *l = AS_LIST(list);
    if (IS_EXACT(iterable, type_list) || IS_EXACT(iterable, type_tuple)) {
        if (IS_EXACT(iterable, type_list)) {
            List *o = AS_LIST(iterable);
            int64_t n = o->len;
            if (list_reserve(l, l->len + n) < 0) return -1;
            return list_extend_array(l, o->items, o->len);   /* o may be l */
        }
        return list_extend_array(l, AS_TUPLE(iterable)->items, AS_TUPLE(iterable)->len);
    }
    Value it = obj_iter(iterable);
    if (IS_NULL(it)) return -1;
    if (obj_length_hint(iterable, 8) < 0) return -1;    /* its calls and errors, as CPython */
    for (;;) {
        Value x = obj_next(it);
        if (IS_NULL(x)) return err_occurred() ? -1 : 0;
        if (list_append(list, x) < 0) return -1;
    }
}

int list_insert(Value list, int64_t i, Value item)
{
    List *l = AS_LIST(list);
    int64_t n = l->len;
    if (i < 0) { i += n; if (i < 0) i = 0; }
    if (i > n) i = n;
    if (list_resize(l, n + 1) < 0) return -1;
    memmove(l->items + i + 1, l->items + i, (size_t)(n - i) * sizeof(Value));
    l->items[i] = item;
    return 0;
}

Value list_pop(Value list, int64_t i)
{
    List *l = AS_LIST(list);
    int64_t n = l->len;
    if (n == 0) return err_format(&exc_IndexError, "pop from empty list");
    if (i < 0) i += n;
    if (i < 0 || i >= n) return err_format(&exc_IndexError, "pop index out of range");
    Value v = l->items[i];
    memmove(l->items + i, l->items + i + 1, (size_t)(n - i - 1) * sizeof(Value));
    list_resize(l, n - 1);
    return v;
}

void list_reverse(Value list)
{
    List *l = AS_LIST(list);
    for (int64_t i = 0, j = l->len - 1; i < j; i++, j--) {
        Value t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
}

static Value seq_repr_items(Value owner, int is_list, char open, char close)
{
    StrBuf sb;
    sb_init(&sb);
    sb_putc(&sb, open);
    for (int64_t i = 0;; i++) {
        int64_t n = is_list ? AS_LIST(owner)->len : AS_TUPLE(owner)->len;
        if (i >= n) break;
        Value item = is_list ? AS_LIST(owner)->items[i] : AS_TUPLE(owner)->items[i];
        Value r = obj_repr(item);
        if (IS_NULL(r)) { sb_free(&sb); return VAL_NULL; }
        if (i) sb_puts(&sb, ", ");
        sb_put_value_str(&sb, r);
    }
    if (!is_list && AS_TUPLE(owner)->len == 1) sb_putc(&sb, ',');
    sb_putc(&sb, close);
    return sb_finish_str(&sb);
}

Value seq_repr_guarded(Value owner, int is_list)
{
    int64_t n = is_list ? AS_LIST(owner)->len : AS_TUPLE(owner)->len;
    if (n == 0) return str_from_c(is_list ? "[]" : "()");
    int st = seq_repr_enter(owner);
    if (st < 0) return VAL_NULL;
    if (st > 0) return str_from_c(is_list ? "[...]" : "(...)");
    Value r = seq_repr_items(owner, is_list, is_list ? '[' : '(', is_list ? ']' : ')');
    seq_repr_leave(owner);
    return r;
}

Value list_repr(Value list) { return seq_repr_guarded(list, 1); }

Value list_getslice(Value list, int64_t start, int64_t stop, int64_t step)
{
    List *l = AS_LIST(list);
    int64_t n = 0;
    if (step > 0 && start < stop) n = (stop - start - 1) / step + 1;
    else if (step < 0 && stop < start) n = (start - stop - 1) / (-step) + 1;
    List *r = list_alloc(&type_list, n);
    if (!r) return VAL_NULL;
    if (step == 1) {
        if (n) memcpy(r->items, l->items + start, (size_t)n * sizeof(Value));
    } else {
        for (int64_t i = 0, j = start; i < n; i++, j = seq_next_index(j, step)) r->items[i] = l->items[j];
    }
    r->len = n;
    return MK_OBJ(r);
}

/* ---- sort ----------------------------------------------------------------- */

/* Keys all of one builtin type compare without the generic protocol (as
 * CPython's unsafe_*_compare): the result is the same, only faster.  Exact
 * non-empty tuples whose first items are all of one such kind compare
 * those first items that way (SORT_TUPLE, kind0), and the rest as tuple
 * comparison does: the same calls of == and < on the same items. */
typedef enum { SORT_ANY, SORT_SMALLINT, SORT_FLOAT, SORT_STR, SORT_TUPLE } SortKind;

typedef struct SortState {
    const Value *keys;
    int reverse;
    SortKind kind;
    SortKind kind0;          /* SORT_TUPLE: the kind of the first items */
} SortState;

static SortKind sort_kind_of(Value v)
{
    return IS_SMALLINT(v) ? SORT_SMALLINT : IS_FLOAT(v) ? SORT_FLOAT
         : IS_EXACT(v, type_str) ? SORT_STR
         : IS_EXACT(v, type_tuple) && AS_TUPLE(v)->len > 0 ? SORT_TUPLE : SORT_ANY;
}

/* The kind of keys[0, n), and in *kind0 that of their first items when they
 * are all tuples. */
static SortKind sort_kind(const Value *keys, int64_t n, SortKind *kind0)
{
    *kind0 = SORT_ANY;
    if (n == 0) return SORT_ANY;
    SortKind k = sort_kind_of(keys[0]);
    for (int64_t i = 1; i < n && k != SORT_ANY; i++)
        if (sort_kind_of(keys[i]) != k) k = SORT_ANY;
    if (k != SORT_TUPLE) return k;
    SortKind k0 = sort_kind_of(AS_TUPLE(keys[0])->items[0]);
    for (int64_t i = 1; i < n && k0 != SORT_ANY; i++)
        if (sort_kind_of(AS_TUPLE(keys[i])->items[0]) != k0) k0 = SORT_ANY;
    *kind0 = k0 == SORT_TUPLE ? SORT_ANY : k0;
    return k;
}

static int sort_less_kind(SortKind kind, Value x, Value y)
{
    switch (kind) {
    case SORT_SMALLINT: return AS_SMALLINT(x) < AS_SMALLINT(y);
    case SORT_FLOAT: return AS_FLOAT(x) < AS_FLOAT(y);
    case SORT_STR: return str_compare(x, y) < 0;
    default: return obj_richcompare_bool(x, y, RC_LT);
    }
}

static int sort_eq_kind(SortKind kind, Value x, Value y)
{
    switch (kind) {
    case SORT_SMALLINT: return x == y;
    case SORT_FLOAT: return AS_FLOAT(x) == AS_FLOAT(y);
    case SORT_STR: return str_compare(x, y) == 0;
    default: return obj_richcompare_bool(x, y, RC_EQ);
    }
}

/* x < y for two non-empty exact tuples, as tuple's < decides it: the first
 * items that are not identical and not equal are compared with <. */
static int sort_tuple_less(SortKind kind0, Value x, Value y)
{
    Tuple *a = AS_TUPLE(x), *b = AS_TUPLE(y);
    int64_t n = a->len < b->len ? a->len : b->len, i = 0;
    for (; i < n; i++) {
        Value u = a->items[i], v = b->items[i];
        if (u == v) continue;
        int eq = sort_eq_kind(i == 0 ? kind0 : SORT_ANY, u, v);
        if (eq < 0) return -1;
        if (!eq) break;
    }
    if (i >= n) return a->len < b->len;
    return sort_less_kind(i == 0 ? kind0 : SORT_ANY, a->items[i], b->items[i]);
}

/* x < y for the state's key kind: 1, 0, -1 on error. */
static int sort_less(const SortState *s, Value x, Value y)
{
    if (s->kind == SORT_TUPLE) return sort_tuple_less(s->kind0, x, y);
    return sort_less_kind(s->kind, x, y);
}

/* ---- timsort ----------------------------------------------------------------
 * CPython 3.11's listsort, comparison for comparison: runs found by
 * count_run, short ones extended by binary insertion, merged by the powersort
 * policy with galloping (min_gallop adapts as in CPython).  Matching its exact
 * sequence of `<` calls matters: it decides which pair a TypeError names,
 * what a logging or inconsistent __lt__ (NaN, sets) sees and returns, and
 * the order a failed sort leaves behind.  It runs on a permutation of
 * indices into the keys; every path keeps that a permutation, so a failed
 * sort still applies it, as CPython leaves its partly sorted array. */

#define MIN_GALLOP 7
#define MAX_MERGE_PENDING 85

typedef struct SortRun { int64_t base, len; int power; } SortRun;

typedef struct MergeState {
    SortState *s;
    int64_t   *a;           /* the permutation being sorted */
    int64_t   *tmp;         /* scratch, as long as the list */
    int64_t    n;           /* list length */
    int64_t    min_gallop;
    int        npending;
    SortRun    pending[MAX_MERGE_PENDING];
} MergeState;

/* keys[x] < keys[y]: 1, 0, -1 on error. */
static int ms_lt(MergeState *ms, int64_t x, int64_t y)
{
    return sort_less(ms->s, ms->s->keys[x], ms->s->keys[y]);
}

static void ms_reverse(int64_t *lo, int64_t *hi)
{
    for (--hi; lo < hi; lo++, hi--) { int64_t t = *lo; *lo = *hi; *hi = t; }
}

/* Binary insertion of [start, hi) into the sorted [lo, start). */
static int ms_binarysort(MergeState *ms, int64_t *lo, int64_t *hi, int64_t *start)
{
    if (lo == start) ++start;
    for (; start < hi; ++start) {
        int64_t *l = lo, *r = start, pivot = *r;
        do {
            int64_t *p = l + ((r - l) >> 1);
            int k = ms_lt(ms, pivot, *p);
            if (k < 0) return -1;
            if (k) r = p; else l = p + 1;
        } while (l < r);
        for (int64_t *p = start; p > l; --p) *p = *(p - 1);
        *l = pivot;
    }
    return 0;
}

/* Length of the run at lo (strictly descending ones are flagged). */
static int64_t ms_count_run(MergeState *ms, int64_t *lo, int64_t *hi, int *descending)
{
    *descending = 0;
    if (lo + 1 == hi) return 1;
    int64_t n = 2;
    int k = ms_lt(ms, lo[1], lo[0]);
    if (k < 0) return -1;
    if (k) {
        *descending = 1;
        for (lo += 2; lo < hi; ++lo, ++n) {
            k = ms_lt(ms, *lo, *(lo - 1));
            if (k < 0) return -1;
            if (!k) break;
        }
    } else {
        for (lo += 2; lo < hi; ++lo, ++n) {
            k = ms_lt(ms, *lo, *(lo - 1));
            if (k < 0) return -1;
            if (k) break;
        }
    }
    return n;
}

/* Where key goes in the sorted a[0..n): left of equal elements. */
static int64_t ms_gallop_left(MergeState *ms, int64_t key, int64_t *a, int64_t n, int64_t hint)
{
    int64_t lastofs = 0, ofs = 1, k;
    a += hint;
    int c = ms_lt(ms, *a, key);
    if (c < 0) return -1;
    if (c) {
        int64_t maxofs = n - hint;
        while (ofs < maxofs) {
            c = ms_lt(ms, a[ofs], key);
            if (c < 0) return -1;
            if (!c) break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    } else {
        int64_t maxofs = hint + 1;
        while (ofs < maxofs) {
            c = ms_lt(ms, *(a - ofs), key);
            if (c < 0) return -1;
            if (c) break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
        int64_t m = lastofs + ((ofs - lastofs) >> 1);
        c = ms_lt(ms, a[m], key);
        if (c < 0) return -1;
        if (c) lastofs = m + 1; else ofs = m;
    }
    return ofs;
}

/* Where key goes in the sorted a[0..n): right of equal elements. */
static int64_t ms_gallop_right(MergeState *ms, int64_t key, int64_t *a, int64_t n, int64_t hint)
{
    int64_t lastofs = 0, ofs = 1, k;
    a += hint;
    int c = ms_lt(ms, key, *a);
    if (c < 0) return -1;
    if (c) {
        int64_t maxofs = hint + 1;
        while (ofs < maxofs) {
            c = ms_lt(ms, key, *(a - ofs));
            if (c < 0) return -1;
            if (!c) break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    } else {
        int64_t maxofs = n - hint;
        while (ofs < maxofs) {
            c = ms_lt(ms, key, a[ofs]);
            if (c < 0) return -1;
            if (c) break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
        int64_t m = lastofs + ((ofs - lastofs) >> 1);
        c = ms_lt(ms, key, a[m]);
        if (c < 0) return -1;
        if (c) ofs = m; else lastofs = m + 1;
    }
    return ofs;
}

#define MS_COPY(dst, src, n) memmove((dst), (src), (size_t)(n) * sizeof(int64_t))

/* Merge the adjacent runs pa[0..na) and pb[0..nb), na <= nb, from the left. */
static int ms_merge_lo(MergeState *ms, int64_t *pa, int64_t na, int64_t *pb, int64_t nb)
{
    int64_t *dest = pa, k;
    int result = -1;
    MS_COPY(ms->tmp, pa, na);
    pa = ms->tmp;
    *dest++ = *pb++;
    if (--nb == 0) goto succeed;
    if (na == 1) goto copy_b;
    int64_t min_gallop = ms->min_gallop;
    for (;;) {
        int64_t acount = 0, bcount = 0;
        for (;;) {
            int c = ms_lt(ms, *pb, *pa);
            if (c < 0) goto fail;
            if (c) {
                *dest++ = *pb++;
                ++bcount; acount = 0;
                if (--nb == 0) goto succeed;
                if (bcount >= min_gallop) break;
            } else {
                *dest++ = *pa++;
                ++acount; bcount = 0;
                if (--na == 1) goto copy_b;
                if (acount >= min_gallop) break;
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = ms_gallop_right(ms, *pb, pa, na, 0);
            acount = k;
            if (k) {
                if (k < 0) goto fail;
                MS_COPY(dest, pa, k);
                dest += k; pa += k; na -= k;
                if (na == 1) goto copy_b;
                if (na == 0) goto succeed;     /* an inconsistent comparison */
            }
            *dest++ = *pb++;
            if (--nb == 0) goto succeed;
            k = ms_gallop_left(ms, *pa, pb, nb, 0);
            bcount = k;
            if (k) {
                if (k < 0) goto fail;
                MS_COPY(dest, pb, k);
                dest += k; pb += k; nb -= k;
                if (nb == 0) goto succeed;
            }
            *dest++ = *pa++;
            if (--na == 1) goto copy_b;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (na) MS_COPY(dest, pa, na);
    return result;
copy_b:
    MS_COPY(dest, pb, nb);
    dest[nb] = *pa;
    return 0;
}

/* Merge the adjacent runs pa[0..na) and pb[0..nb), na > nb, from the right. */
static int ms_merge_hi(MergeState *ms, int64_t *pa, int64_t na, int64_t *pb, int64_t nb)
{
    int64_t *dest = pb + nb - 1, *basea = pa, *baseb = ms->tmp, k;
    int result = -1;
    MS_COPY(ms->tmp, pb, nb);
    pb = ms->tmp + nb - 1;
    pa += na - 1;
    *dest-- = *pa--;
    if (--na == 0) goto succeed;
    if (nb == 1) goto copy_a;
    int64_t min_gallop = ms->min_gallop;
    for (;;) {
        int64_t acount = 0, bcount = 0;
        for (;;) {
            int c = ms_lt(ms, *pb, *pa);
            if (c < 0) goto fail;
            if (c) {
                *dest-- = *pa--;
                ++acount; bcount = 0;
                if (--na == 0) goto succeed;
                if (acount >= min_gallop) break;
            } else {
                *dest-- = *pb--;
                ++bcount; acount = 0;
                if (--nb == 1) goto copy_a;
                if (bcount >= min_gallop) break;
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = ms_gallop_right(ms, *pb, basea, na, na - 1);
            if (k < 0) goto fail;
            k = na - k;
            acount = k;
            if (k) {
                dest -= k; pa -= k;
                MS_COPY(dest + 1, pa + 1, k);
                na -= k;
                if (na == 0) goto succeed;
            }
            *dest-- = *pb--;
            if (--nb == 1) goto copy_a;
            k = ms_gallop_left(ms, *pa, baseb, nb, nb - 1);
            if (k < 0) goto fail;
            k = nb - k;
            bcount = k;
            if (k) {
                dest -= k; pb -= k;
                MS_COPY(dest + 1, pb + 1, k);
                nb -= k;
                if (nb == 1) goto copy_a;
                if (nb == 0) goto succeed;     /* an inconsistent comparison */
            }
            *dest-- = *pa--;
            if (--na == 0) goto succeed;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (nb) MS_COPY(dest - (nb - 1), baseb, nb);
    return result;
copy_a:
    MS_COPY(dest + 1 - na, pa + 1 - na, na);
    dest -= na;
    *dest = *pb;
    return 0;
}

/* Merge pending runs i and i + 1. */
static int ms_merge_at(MergeState *ms, int i)
{
    int64_t *pa = ms->a + ms->pending[i].base, na = ms->pending[i].len;
    int64_t *pb = ms->a + ms->pending[i + 1].base, nb = ms->pending[i + 1].len;
    ms->pending[i].len = na + nb;
    if (i == ms->npending - 3) ms->pending[i + 1] = ms->pending[i + 2];
    --ms->npending;
    int64_t k = ms_gallop_right(ms, *pb, pa, na, 0);
    if (k < 0) return -1;
    pa += k;
    na -= k;
    if (na == 0) return 0;
    nb = ms_gallop_left(ms, pa[na - 1], pb, nb, nb - 1);
    if (nb <= 0) return (int)nb;
    return na <= nb ? ms_merge_lo(ms, pa, na, pb, nb) : ms_merge_hi(ms, pa, na, pb, nb);
}

/* Powersort's node power of the boundary between runs [s1, s1+n1) and [s1+n1, s1+n1+n2). */
static int ms_powerloop(int64_t s1, int64_t n1, int64_t n2, int64_t n)
{
    int result = 0;
    int64_t a = 2 * s1 + n1, b = a + n1 + n2;
    for (;;) {
        ++result;
        if (a >= n) { a -= n; b -= n; }
        else if (b >= n) break;
        a <<= 1;
        b <<= 1;
    }
    return result;
}

static int ms_found_new_run(MergeState *ms, int64_t n2)
{
    if (ms->npending) {
        SortRun *p = ms->pending;
        int power = ms_powerloop(p[ms->npending - 1].base, p[ms->npending - 1].len, n2, ms->n);
        while (ms->npending > 1 && p[ms->npending - 2].power > power)
            if (ms_merge_at(ms, ms->npending - 2) < 0) return -1;
        p[ms->npending - 1].power = power;
    }
    return 0;
}

static int ms_force_collapse(MergeState *ms)
{
    SortRun *p = ms->pending;
    while (ms->npending > 1) {
        int n = ms->npending - 2;
        if (n > 0 && p[n - 1].len < p[n + 1].len) --n;
        if (ms_merge_at(ms, n) < 0) return -1;
    }
    return 0;
}

static int64_t ms_minrun(int64_t n)
{
    int64_t r = 0;
    while (n >= 64) { r |= n & 1; n >>= 1; }
    return n + r;
}

/* Sort the permutation a[0..n) by the keys: 0, or -1 with the exception set
 * (a is then a permutation too, partly sorted). */
static int sort_perm(SortState *s, int64_t *a, int64_t *tmp, int64_t n)
{
    if (n < 2) return 0;
    MergeState ms = {.s = s, .a = a, .tmp = tmp, .n = n, .min_gallop = MIN_GALLOP, .npending = 0};
    int64_t minrun = ms_minrun(n), lo = 0, nremaining = n;
    do {
        int descending;
        int64_t run = ms_count_run(&ms, a + lo, a + lo + nremaining, &descending);
        if (run < 0) return -1;
        if (descending) ms_reverse(a + lo, a + lo + run);
        if (run < minrun) {
            int64_t force = nremaining <= minrun ? nremaining : minrun;
            if (ms_binarysort(&ms, a + lo, a + lo + force, a + lo + run) < 0) return -1;
            run = force;
        }
        if (ms_found_new_run(&ms, run) < 0) return -1;
        ms.pending[ms.npending].base = lo;
        ms.pending[ms.npending].len = run;
        ms.npending++;
        lo += run;
        nremaining -= run;
    } while (nremaining);
    return ms_force_collapse(&ms);
}

int list_sort(Value list, Value key, int reverse)
{
    List *l = AS_LIST(list);
    List *saved = (List *)gc_alloc(&type_list, sizeof(List));
    if (!saved) return -1;
    saved->items = l->items; saved->len = l->len; saved->cap = l->cap;
    l->items = NULL; l->len = 0; l->cap = 0;
    int64_t n = saved->len;
    Value keys = MK_OBJ(saved);
    int rc = 0;
    int64_t *perm = NULL;
    if (!IS_NULL(key) && !IS_NONE(key)) {
        keys = list_new(n);
        if (IS_NULL(keys)) { rc = -1; goto done; }
        for (int64_t i = 0; i < n && i < saved->len; i++) {
            Value k = call1(key, saved->items[i]);
            if (IS_NULL(k)) { rc = -1; goto done; }
            AS_LIST(keys)->items[i] = k;
            AS_LIST(keys)->len = i + 1;
        }
    }
    perm = malloc((size_t)(2 * n + 1) * sizeof(int64_t));
    if (!perm) { err_no_memory(); rc = -1; goto done; }
    for (int64_t i = 0; i < n; i++) perm[i] = i;
    /* reverse=True is CPython's: reverse, sort stably ascending, reverse
     * back (also after a failed comparison, which leaves a partial sort). */
    if (reverse) ms_reverse(perm, perm + n);
    SortState st = {AS_LIST(keys)->items, 0, SORT_ANY, SORT_ANY};
    st.kind = sort_kind(AS_LIST(keys)->items, n, &st.kind0);
    rc = sort_perm(&st, perm, perm + n, n);
    if (reverse) ms_reverse(perm, perm + n);
    {
        Value *out = gc_malloc((size_t)(n ? n : 1) * sizeof(Value));
        if (!out) { rc = -1; goto done; }
        for (int64_t i = 0; i < n; i++) out[i] = saved->items[perm[i]];
        values_copy(saved->items, out, (size_t)n);
        gc_free(out, (size_t)(n ? n : 1) * sizeof(Value));
    }
done:
    free(perm);
    {
        int modified = l->len != 0 || l->items != NULL;
        if (l->items) gc_free(l->items, (size_t)l->cap * sizeof(Value));
        l->items = saved->items; l->len = saved->len; l->cap = saved->cap;
        saved->items = NULL; saved->len = saved->cap = 0;
        if (modified && rc == 0) {
            err_format(&exc_ValueError, "list modified during sort");
            rc = -1;
        }
    }
    return rc;
}

/* ---- iterators ------------------------------------------------------------- */

typedef struct ListIter {
    Obj     header;
    Value   seq;            /* VAL_NULL once exhausted */
    int64_t index;
} ListIter;

Type type_list_iterator, type_list_reverseiterator;

static void listiter_trace(Obj *o) { gc_mark_value(((ListIter *)o)->seq); }

Value list_iter(Value list)
{
    ListIter *it = (ListIter *)gc_alloc(&type_list_iterator, sizeof(ListIter));
    if (!it) return VAL_NULL;
    it->seq = list;
    it->index = 0;
    return MK_OBJ(it);
}

static Value listiter_self(Value *args, int nargs, Value kwnames) { return args[0]; }

static Value listiter_next(Value *args, int nargs, Value kwnames)
{
    ListIter *it = (ListIter *)AS_OBJ(args[0]);
    if (IS_NULL(it->seq)) return VAL_NULL;
    List *l = AS_LIST(it->seq);
    if (it->index < l->len) return l->items[it->index++];
    it->seq = VAL_NULL;
    return VAL_NULL;
}

static Value listiter_length_hint(Value *args, int nargs, Value kwnames)
{
    ListIter *it = (ListIter *)AS_OBJ(args[0]);
    if (IS_NULL(it->seq)) return MK_SMALLINT(0);
    int64_t n = AS_LIST(it->seq)->len - it->index;
    return MK_SMALLINT(n < 0 ? 0 : n);
}

static Value listreviter_next(Value *args, int nargs, Value kwnames)
{
    ListIter *it = (ListIter *)AS_OBJ(args[0]);
    if (IS_NULL(it->seq)) return VAL_NULL;
    List *l = AS_LIST(it->seq);
    if (it->index >= 0 && it->index < l->len) return l->items[it->index--];
    it->seq = VAL_NULL;
    return VAL_NULL;
}

static Value listreviter_length_hint(Value *args, int nargs, Value kwnames)
{
    ListIter *it = (ListIter *)AS_OBJ(args[0]);
    if (IS_NULL(it->seq) || it->index >= AS_LIST(it->seq)->len) return MK_SMALLINT(0);
    return MK_SMALLINT(it->index + 1);
}

/* __reduce__: (iter, (list,), index), or (iter, ((),)) once exhausted; the
 * reverse iterator uses reversed.  __setstate__ clamps the index. */
static Value listiter_reduce_common(Value self, Value maker)
{
    ListIter *it = (ListIter *)AS_OBJ(self);
    if (IS_NULL(it->seq))
        return tuple_pack(2, iter_builtin(), tuple_pack(1, tuple_empty()));
    return tuple_pack(3, maker, tuple_pack(1, it->seq), MK_SMALLINT(it->index));
}

static Value listiter_reduce(Value *args, int nargs, Value kwnames)
{
    return listiter_reduce_common(args[0], iter_builtin());
}

static Value listreviter_reduce(Value *args, int nargs, Value kwnames)
{
    return listiter_reduce_common(args[0], MK_OBJ(&type_reversed));
}

static Value listiter_setstate_common(Value self, Value state, int64_t lo, int64_t hi_offset)
{
    ListIter *it = (ListIter *)AS_OBJ(self);
    int64_t i;
    if (arg_to_ssize(state, &i) < 0) return VAL_NULL;
    if (IS_NULL(it->seq)) return VAL_NONE;
    int64_t hi = AS_LIST(it->seq)->len + hi_offset;
    it->index = i < lo ? lo : i > hi ? hi : i;
    return VAL_NONE;
}

static Value listiter_setstate(Value *args, int nargs, Value kwnames)
{
    return listiter_setstate_common(args[0], args[1], 0, 0);
}

static Value listreviter_setstate(Value *args, int nargs, Value kwnames)
{
    return listiter_setstate_common(args[0], args[1], -1, -1);
}

static const MethodDef listiter_methods[] = {
    {"__reduce__", listiter_reduce, ARGS_NONE, "Return state information for pickling."},
    {"__setstate__", listiter_setstate, ARGS_ONE, "Set state information for unpickling."},
    {"__iter__", listiter_self, ARGS_WRAP(0), NULL},
    {"__next__", listiter_next, ARGS_WRAP(0), NULL},
    {"__length_hint__", listiter_length_hint, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};

static const MethodDef listreviter_methods[] = {
    {"__reduce__", listreviter_reduce, ARGS_NONE, "Return state information for pickling."},
    {"__setstate__", listreviter_setstate, ARGS_ONE, "Set state information for unpickling."},
    {"__iter__", listiter_self, ARGS_WRAP(0), NULL},
    {"__next__", listreviter_next, ARGS_WRAP(0), NULL},
    {"__length_hint__", listreviter_length_hint, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_list_iterator = {
    .tp_name = "list_iterator", .base = &type_object,
    .basicsize = sizeof(ListIter), .trace = listiter_trace, .methods = listiter_methods,
};
GILPY_TYPE(type_list_iterator, NULL);

Type type_list_reverseiterator = {
    .tp_name = "list_reverseiterator", .base = &type_object,
    .basicsize = sizeof(ListIter), .trace = listiter_trace, .methods = listreviter_methods,
};
GILPY_TYPE(type_list_reverseiterator, NULL);

/* ---- Python-visible methods ----------------------------------------------- */

#define SELF AS_LIST(args[0])

static Value list_new_m(Value *args, int nargs, Value kwnames)
{
    List *l = list_alloc(AS_TYPE(args[0]), 0);
    return l ? MK_OBJ(l) : VAL_NULL;
}

static Value list_init_m(Value *args, int nargs, Value kwnames)
{
    /* ARGS_ANY: the messages name the type ("list expected at most 1 argument,
     * got 2"), and keywords are refused only when the class keeps list's __new__. */
    Type *t = val_type(args[0]);
    if ((t == &type_list || type_lookup_c(t, "__new__") == type_lookup_c(&type_list, "__new__")) &&
        arg_no_kw("list", kwnames))
        return VAL_NULL;
    if (arg_count("list", nargs - 1, 0, 1)) return VAL_NULL;
    List *l = SELF;
    if (l->items) gc_free(l->items, (size_t)l->cap * sizeof(Value));
    l->items = NULL; l->len = l->cap = 0;
    if (nargs > 1 && list_extend(args[0], args[1]) < 0) return VAL_NULL;
    return VAL_NONE;
}

static Value list_repr_m(Value *args, int nargs, Value kwnames) { return list_repr(args[0]); }

static Value list_len_m(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(SELF->len); }

static Value list_getitem_m(Value *args, int nargs, Value kwnames)
{
    List *l = SELF;
    int64_t i;
    int r = seq_index_value(args[1], &i);
    if (r < 0) return VAL_NULL;
    if (r > 0) {
        if (i < 0) i += l->len;
        if (i < 0 || i >= l->len) return err_format(&exc_IndexError, "list index out of range");
        return l->items[i];
    }
    if (IS_EXACT(args[1], type_slice)) {
        int64_t start, stop, step;
        if (slice_unpack_bounds(args[1], &start, &stop, &step) < 0) return VAL_NULL;
        slice_adjust_bounds(l->len, &start, &stop, step);
        return list_getslice(args[0], start, stop, step);
    }
    return err_format(&exc_TypeError, "list indices must be integers or slices, not %T", args[1]);
}

/* Items of an iterable as a fresh list (so self-assignment is safe). */
static Value list_items_copy(Value v)
{
    if (IS_LIST(v)) return list_from_array(AS_LIST(v)->items, AS_LIST(v)->len);
    return seq_to_list(v);
}

/* CPython's order: the bounds (their __index__, which may resize the list)
 * resolved against the length then, then the value's items (its iterator may
 * resize the list too): a simple slice is then clamped to the length left,
 * as list_ass_slice does; an extended one is resolved again (CPython would
 * write past the end). */
static int list_assign_slice(Value self, Value slice, Value v)
{
    List *l = AS_LIST(self);
    int64_t start, stop, step;
    if (slice_unpack_bounds(slice, &start, &stop, &step) < 0) return -1;
    int64_t raw_start = start, raw_stop = stop, len0 = l->len;
    slice_adjust_bounds(len0, &start, &stop, step);
    Value src = VAL_NULL;
    if (!IS_NULL(v)) {
        src = list_items_copy(v);
        if (IS_NULL(src)) {
            if (err_matches(&exc_TypeError)) {
                err_clear();
                err_format(&exc_TypeError, step == 1 ? "can only assign an iterable"
                                                     : "must assign iterable to extended slice");
            }
            return -1;
        }
    }
    if (l->len != len0 && step == 1) {
        start = start < 0 ? 0 : start > l->len ? l->len : start;
        stop = stop < start ? start : stop > l->len ? l->len : stop;
    } else if (l->len != len0) {
        start = raw_start; stop = raw_stop;
        slice_adjust_bounds(l->len, &start, &stop, step);
    }
    int64_t m = IS_NULL(src) ? 0 : AS_LIST(src)->len;
    if (step == 1) {
        if (stop < start) stop = start;
        int64_t n = l->len, d = m - (stop - start);
        if (d > 0 && list_reserve(l, n + d) < 0) return -1;
        if (n > stop) memmove(l->items + stop + d, l->items + stop, (size_t)(n - stop) * sizeof(Value));
        if (m) memcpy(l->items + start, AS_LIST(src)->items, (size_t)m * sizeof(Value));
        if (d < 0) return list_resize(l, n + d);
        l->len = n + d;
        return 0;
    }
    int64_t cnt = 0;
    if (step > 0 && start < stop) cnt = (stop - start - 1) / step + 1;
    else if (step < 0 && stop < start) cnt = (start - stop - 1) / (-step) + 1;
    if (IS_NULL(src)) {                          /* delete extended slice */
        if (cnt == 0) return 0;
        if (step < 0) { start = start + step * (cnt - 1); step = -step; }
        int64_t w = start, k = 0;
        for (int64_t r = start; r < l->len; r++) {
            if (k < cnt && r == start + k * step) { k++; continue; }
            l->items[w++] = l->items[r];
        }
        return list_resize(l, w);
    }
    if (m != cnt) {
        err_format(&exc_ValueError, "attempt to assign sequence of size %lld to extended slice of size %lld",
                   (long long)m, (long long)cnt);
        return -1;
    }
    for (int64_t i = 0, j = start; i < cnt; i++, j = seq_next_index(j, step)) l->items[j] = AS_LIST(src)->items[i];
    return 0;
}

static int list_ass_item(Value self, Value key, Value v)
{
    List *l = AS_LIST(self);
    int64_t i;
    int r = seq_index_value(key, &i);
    if (r < 0) return -1;
    if (r > 0) {
        if (i < 0) i += l->len;
        if (i < 0 || i >= l->len) {
            err_format(&exc_IndexError, "list assignment index out of range");
            return -1;
        }
        if (IS_NULL(v)) {
            memmove(l->items + i, l->items + i + 1, (size_t)(l->len - i - 1) * sizeof(Value));
            return list_resize(l, l->len - 1);
        }
        l->items[i] = v;
        return 0;
    }
    if (IS_EXACT(key, type_slice)) return list_assign_slice(self, key, v);
    err_format(&exc_TypeError, "list indices must be integers or slices, not %T", key);
    return -1;
}

static Value list_setitem_m(Value *args, int nargs, Value kwnames)
{
    return list_ass_item(args[0], args[1], args[2]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value list_delitem_m(Value *args, int nargs, Value kwnames)
{
    return list_ass_item(args[0], args[1], VAL_NULL) < 0 ? VAL_NULL : VAL_NONE;
}

static Value list_contains_m(Value *args, int nargs, Value kwnames)
{
    for (int64_t i = 0; i < SELF->len; i++) {
        int r = obj_eq(SELF->items[i], args[1]);
        if (r < 0) return VAL_NULL;
        if (r) return VAL_TRUE;
    }
    return VAL_FALSE;
}

static Value list_iter_m(Value *args, int nargs, Value kwnames) { return list_iter(args[0]); }

static Value list_reversed_m(Value *args, int nargs, Value kwnames)
{
    ListIter *it = (ListIter *)gc_alloc(&type_list_reverseiterator, sizeof(ListIter));
    if (!it) return VAL_NULL;
    it->seq = args[0];
    it->index = SELF->len - 1;
    return MK_OBJ(it);
}

static Value list_add_m(Value *args, int nargs, Value kwnames)
{
    if (!IS_LIST(args[1]))
        return err_format(&exc_TypeError, "can only concatenate list (not \"%T\") to list", args[1]);
    List *a = SELF, *b = AS_LIST(args[1]);
    List *r = list_alloc(&type_list, a->len + b->len);
    if (!r) return VAL_NULL;
    if (a->len) memcpy(r->items, a->items, (size_t)a->len * sizeof(Value));
    if (b->len) memcpy(r->items + a->len, b->items, (size_t)b->len * sizeof(Value));
    r->len = a->len + b->len;
    return MK_OBJ(r);
}

static Value list_iadd_m(Value *args, int nargs, Value kwnames)
{
    if (list_extend(args[0], args[1]) < 0) return VAL_NULL;
    return args[0];
}

int seq_repeat_arg(Value n, int64_t *out)
{
    if (obj_index_size(n, out) < 0) return -1;
    if (*out < 0) *out = 0;
    return 0;
}

static Value list_mul_m(Value *args, int nargs, Value kwnames)
{
    int64_t k;
    if (seq_repeat_arg(args[1], &k) < 0) return VAL_NULL;
    int64_t n = SELF->len;
    if (n && k > INT64_MAX / 16 / n) return err_no_memory();
    List *res = list_alloc(&type_list, n * k);
    if (!res) return VAL_NULL;
    for (int64_t i = 0; i < k; i++)
        if (n) memcpy(res->items + i * n, SELF->items, (size_t)n * sizeof(Value));
    res->len = n * k;
    return MK_OBJ(res);
}

static Value list_imul_m(Value *args, int nargs, Value kwnames)
{
    int64_t k;
    if (seq_repeat_arg(args[1], &k) < 0) return VAL_NULL;
    List *l = SELF;
    int64_t n = l->len;
    if (k == 0 || n == 0) { list_resize(l, 0); return args[0]; }
    if (k > INT64_MAX / 16 / n) return err_no_memory();
    if (list_reserve(l, n * k) < 0) return VAL_NULL;
    for (int64_t i = 1; i < k; i++) memcpy(l->items + i * n, l->items, (size_t)n * sizeof(Value));
    l->len = n * k;
    return args[0];
}

/* CPython's list_richcompare: the items' __eq__ may change either list, so
 * lengths and items are read afresh at every step, never kept. */
static Value list_cmp(Value *args, int op)
{
    if (!IS_LIST(args[1])) return VAL_NOTIMPLEMENTED;
    List *a = SELF, *b = AS_LIST(args[1]);
    if ((op == RC_EQ || op == RC_NE) && a->len != b->len) return MK_BOOL(op == RC_NE);
    int64_t i;
    for (i = 0; i < a->len && i < b->len; i++) {
        int r = obj_eq(a->items[i], b->items[i]);
        if (r < 0) return VAL_NULL;
        if (!r) break;
    }
    if (i >= a->len || i >= b->len) {
        Value la = MK_SMALLINT(a->len), lb = MK_SMALLINT(b->len);
        return obj_richcompare(la, lb, op);
    }
    if (op == RC_EQ) return VAL_FALSE;
    if (op == RC_NE) return VAL_TRUE;
    return obj_richcompare(a->items[i], b->items[i], op);
}

static Value list_eq_m(Value *a, int n, Value k) { return list_cmp(a, RC_EQ); }
static Value list_ne_m(Value *a, int n, Value k) { return list_cmp(a, RC_NE); }
static Value list_lt_m(Value *a, int n, Value k) { return list_cmp(a, RC_LT); }
static Value list_le_m(Value *a, int n, Value k) { return list_cmp(a, RC_LE); }
static Value list_gt_m(Value *a, int n, Value k) { return list_cmp(a, RC_GT); }
static Value list_ge_m(Value *a, int n, Value k) { return list_cmp(a, RC_GE); }

static Value list_append_m(Value *args, int nargs, Value kwnames)
{
    return list_append(args[0], args[1]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value list_extend_m(Value *args, int nargs, Value kwnames)
{
    return list_extend(args[0], args[1]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value list_insert_m(Value *args, int nargs, Value kwnames)
{
    int64_t i;
    if (arg_to_ssize(args[1], &i) < 0) return VAL_NULL;
    return list_insert(args[0], i, args[2]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value list_remove_m(Value *args, int nargs, Value kwnames)
{
    for (int64_t i = 0; i < SELF->len; i++) {
        int r = obj_eq(SELF->items[i], args[1]);
        if (r < 0) return VAL_NULL;
        if (r) {
            if (i < SELF->len) {
                memmove(SELF->items + i, SELF->items + i + 1, (size_t)(SELF->len - i - 1) * sizeof(Value));
                list_resize(SELF, SELF->len - 1);
            }
            return VAL_NONE;
        }
    }
    return err_format(&exc_ValueError, "list.remove(x): x not in list");
}

static Value list_pop_m(Value *args, int nargs, Value kwnames)
{
    int64_t i = -1;
    if (!IS_NULL(args[1]) && arg_to_ssize(args[1], &i) < 0) return VAL_NULL;
    return list_pop(args[0], i);
}

static Value list_clear_m(Value *args, int nargs, Value kwnames)
{
    list_resize(SELF, 0);
    return VAL_NONE;
}

static Value list_index_m(Value *args, int nargs, Value kwnames)
{
    int64_t start, stop;
    if (seq_start_stop(args[2], args[3], SELF->len, &start, &stop) < 0)
        return VAL_NULL;
    for (int64_t i = start; i < stop && i < SELF->len; i++) {
        int r = obj_eq(SELF->items[i], args[1]);
        if (r < 0) return VAL_NULL;
        if (r) return MK_SMALLINT(i);
    }
    return err_format(&exc_ValueError, "%R is not in list", args[1]);
}

static Value list_count_m(Value *args, int nargs, Value kwnames)
{
    int64_t c = 0;
    for (int64_t i = 0; i < SELF->len; i++) {
        int r = obj_eq(SELF->items[i], args[1]);
        if (r < 0) return VAL_NULL;
        c += r;
    }
    return MK_SMALLINT(c);
}

/* sort(*, key=None, reverse=False): args = [self, key, reverse] */
static Value list_sort_m(Value *args, int nargs, Value kwnames)
{
    int rev = 0;
    if (!IS_NULL(args[2])) {
        if (!IS_INT(args[2]))
            return err_format(&exc_TypeError, "'%T' object cannot be interpreted as an integer", args[2]);
        rev = obj_truthy(args[2]);
        if (rev < 0) return VAL_NULL;
    }
    return list_sort(args[0], args[1], rev) < 0 ? VAL_NULL : VAL_NONE;
}

static Value list_reverse_m(Value *args, int nargs, Value kwnames)
{
    list_reverse(args[0]);
    return VAL_NONE;
}

static Value list_copy_m(Value *args, int nargs, Value kwnames)
{
    return list_from_array(SELF->items, SELF->len);
}

static Value list_sizeof_m(Value *args, int nargs, Value kwnames)
{
    return MK_SMALLINT(40 + SELF->cap * 8);
}

static const MethodDef list_methods[] = {
    {"__new__", list_new_m, METH_STATIC | ARGS_ANY, NULL},   /* accepts and ignores anything */
    {"__init__", list_init_m, ARGS_ANY, NULL},
    {"__repr__", list_repr_m, ARGS_WRAP(0), NULL},
    {"__len__", list_len_m, ARGS_WRAP(0), NULL},
    {"__getitem__", list_getitem_m, ARGS_ONE, NULL},
    {"__setitem__", list_setitem_m, ARGS_WRAPT(2, 2), NULL},
    {"__delitem__", list_delitem_m, ARGS_WRAP(1), NULL},
    {"__contains__", list_contains_m, ARGS_WRAP(1), NULL},
    {"__iter__", list_iter_m, ARGS_WRAP(0), NULL},
    {"__reversed__", list_reversed_m, ARGS_NONE, "Return a reverse iterator over the list."},
    {"__add__", list_add_m, ARGS_WRAP(1), NULL},
    {"__iadd__", list_iadd_m, ARGS_WRAP(1), NULL},
    {"__mul__", list_mul_m, ARGS_WRAPT(1, 1), NULL},
    {"__rmul__", list_mul_m, ARGS_WRAPT(1, 1), NULL},
    {"__imul__", list_imul_m, ARGS_WRAPT(1, 1), NULL},
    {"__eq__", list_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", list_ne_m, ARGS_WRAP(1), NULL},
    {"__lt__", list_lt_m, ARGS_WRAP(1), NULL},
    {"__le__", list_le_m, ARGS_WRAP(1), NULL},
    {"__gt__", list_gt_m, ARGS_WRAP(1), NULL},
    {"__ge__", list_ge_m, ARGS_WRAP(1), NULL},
    {"__hash__", NULL, 0, NULL},
    {"__sizeof__", list_sizeof_m, ARGS_NONE, NULL},
    {"append", list_append_m, ARGS_ONE, "Append object to the end of the list."},
    {"extend", list_extend_m, ARGS_ONE, "Extend list by appending elements from the iterable."},
    {"insert", list_insert_m, ARGS_POS(2, 2), "Insert object before index."},
    {"remove", list_remove_m, ARGS_ONE, "Remove first occurrence of value."},
    {"pop", list_pop_m, ARGS_POS(0, 1), "Remove and return item at index (default last)."},
    {"clear", list_clear_m, ARGS_NONE, "Remove all items from list."},
    {"index", list_index_m, ARGS_POS(1, 3), "Return first index of value."},
    {"count", list_count_m, ARGS_ONE, "Return number of occurrences of value."},
    {"sort", list_sort_m, ARGS_KW, "Sort the list in ascending order and return None.",
     "($self, /, *, key=None, reverse=False)"},
    {"reverse", list_reverse_m, ARGS_NONE, "Reverse *IN PLACE*."},
    {"copy", list_copy_m, ARGS_NONE, "Return a shallow copy of the list."},
    {NULL, NULL, 0, NULL},
};

static void list_trace(Obj *o)
{
    List *l = (List *)o;
    if (l->items) gc_mark_values(l->items, (size_t)l->len);
}

static void list_finalize(Obj *o)
{
    List *l = (List *)o;
    if (l->items) gc_free(l->items, (size_t)l->cap * sizeof(Value));
    l->items = NULL;
    l->len = l->cap = 0;
}

/* list.sort(**kw) called from C, with sort()'s own keyword checks and
 * messages: sorted() hands its keywords on. */
Value list_sort_kw(Value list, const Value *kwvalues, Value kwnames)
{
    static const MethodDef *sort_def;
    if (!sort_def)
        for (const MethodDef *d = list_methods; d->name && !sort_def; d++)
            if (strcmp(d->name, "sort") == 0) sort_def = d;
    int nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    Value holder = tuple_new(1 + nkw);              /* GC-visible argument array */
    if (IS_NULL(holder)) return VAL_NULL;
    AS_TUPLE(holder)->items[0] = list;
    values_copy(AS_TUPLE(holder)->items + 1, kwvalues, (size_t)nkw);
    return call_native_def(list, sort_def, AS_TUPLE(holder)->items, 1, kwnames, 1);
}

Type type_list = {
    .tp_name = "list", .base = &type_object,
    .flags = TF_BASETYPE | TF_LIST_SUBCLASS | TF_SEQUENCE | TF_MATCH_SELF,
    .basicsize = sizeof(List), .trace = list_trace, .finalize = list_finalize,
    .methods = list_methods,
};
GILPY_TYPE(type_list, "list");
