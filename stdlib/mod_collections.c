/* mod_collections.c - the `_collections` module: deque, defaultdict,
 * _count_elements and _tuplegetter, as CPython 3.11's _collectionsmodule.c.
 * CPython's own collections/__init__.py imports them from here.
 *
 * deque is a ring buffer: one gc_malloc'd array of `cap` Values (a power of
 * two), the items at logical positions head .. head+len-1 modulo cap, so both
 * ends and indexing are O(1).  The array doubles when full and halves when a
 * quarter full.  `state` counts the changes CPython's deque counts (appends,
 * pops, inserts, deletions, clear): iterators and the comparing loops of
 * count/index/remove/`in` remember it and fail with "deque mutated during
 * iteration" when it moved.  Items are never kept across a call into Python
 * (an __eq__ may change the deque): they are read back by position.
 *
 * defaultdict is a dict with one more field after the Dict layout; dict's own
 * __getitem__ calls __missing__ for subclasses.  _tuplegetter is the
 * descriptor namedtuple gives each field.  OrderedDict is still Python
 * (lib/_collections_odict.py), exported from here as CPython's C one is. */
#include <string.h>
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_genericalias.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/ops.h"
#include "interp/import.h"
#include "interp/modreg.h"

GILPY_MODULE("_collections", mod_collections_init);

/* A type's name without its module, as CPython's _PyType_Name. */
static const char *coll_short_name(Type *t) {
    const char *name = type_name(t), *dot = strrchr(name, '.');
    return dot ? dot + 1 : name;
}

/* ---- deque: the ring buffer ------------------------------------------------------------ */

typedef struct Deque {
    Obj      header;
    Value   *items;         /* gc_malloc'd, cap slots (cap 0: NULL) */
    int64_t  cap, head, len;
    int64_t  maxlen;        /* -1: unbounded */
    uint64_t state;         /* bumped by every change iterators must notice */
} Deque;

extern Type type_deque, type_deque_iterator, type_deque_reverse_iterator;

#define DQ(v) ((Deque *)AS_OBJ(v))
#define DQ_MIN_CAP 8

static inline Value *dq_at(Deque *d, int64_t i) { return &d->items[(d->head + i) & (d->cap - 1)]; }

static int is_deque(Value v) { return IS_OBJ(v) && type_is_subtype(AS_OBJ(v)->type, &type_deque); }

/* Move the items into a new array of newcap slots, head at 0. */
static int dq_resize(Deque *d, int64_t newcap) {
    Value *items = gc_malloc((size_t)newcap * sizeof(Value));
    if (!items) return -1;
    for (int64_t i = 0; i < d->len; i++) items[i] = *dq_at(d, i);
    if (d->items) gc_free(d->items, (size_t)d->cap * sizeof(Value));
    d->items = items;
    d->cap = newcap;
    d->head = 0;
    return 0;
}

/* Room for `more` items beyond len. */
static int dq_reserve(Deque *d, int64_t more) {
    if (more > INT64_MAX / 16 - d->len) { err_no_memory(); return -1; }
    int64_t need = d->len + more;
    if (need <= d->cap) return 0;
    int64_t cap = d->cap ? d->cap : DQ_MIN_CAP;
    while (cap < need) cap *= 2;
    return dq_resize(d, cap);
}

/* Give memory back once the deque is a quarter full (never fails: a
 * refused allocation keeps the big array). */
static void dq_maybe_shrink(Deque *d) {
    if (d->cap > 64 && d->len * 4 < d->cap && dq_resize(d, d->cap / 2) < 0) err_clear();
}

static Value dq_take_right(Deque *d) {
    Value v = *dq_at(d, d->len - 1);
    d->len--;
    d->state++;
    dq_maybe_shrink(d);
    return v;
}

static Value dq_take_left(Deque *d) {
    Value v = d->items[d->head];
    d->head = (d->head + 1) & (d->cap - 1);
    d->len--;
    d->state++;
    dq_maybe_shrink(d);
    return v;
}

/* append / appendleft, dropping from the other end past maxlen. */
static int dq_push_right(Deque *d, Value v) {
    if (dq_reserve(d, 1) < 0) return -1;
    *dq_at(d, d->len) = v;
    d->len++;
    d->state++;
    if (d->maxlen >= 0 && d->len > d->maxlen) dq_take_left(d);
    return 0;
}

static int dq_push_left(Deque *d, Value v) {
    if (dq_reserve(d, 1) < 0) return -1;
    d->head = (d->head - 1) & (d->cap - 1);
    d->items[d->head] = v;
    d->len++;
    d->state++;
    if (d->maxlen >= 0 && d->len > d->maxlen) dq_take_right(d);
    return 0;
}

static void dq_clear(Deque *d) {
    if (d->items) gc_free(d->items, (size_t)d->cap * sizeof(Value));
    d->items = NULL;
    d->cap = d->head = d->len = 0;
    d->state++;
}

/* Delete the item at i (0 <= i < len), shifting the shorter side. */
static void dq_del_at(Deque *d, int64_t i) {
    if (i < d->len / 2) {
        for (int64_t k = i; k > 0; k--) *dq_at(d, k) = *dq_at(d, k - 1);
        d->head = (d->head + 1) & (d->cap - 1);
    } else {
        for (int64_t k = i; k + 1 < d->len; k++) *dq_at(d, k) = *dq_at(d, k + 1);
    }
    d->len--;
    d->state++;
    dq_maybe_shrink(d);
}

/* Rotate n steps to the right (0 <= n < len), with no allocation. */
static void dq_rotate(Deque *d, int64_t n) {
    int64_t mask = d->cap - 1;
    if (n <= d->len / 2) {
        for (; n > 0; n--) {
            Value v = *dq_at(d, d->len - 1);
            d->head = (d->head - 1) & mask;
            d->items[d->head] = v;
        }
    } else {
        for (n = d->len - n; n > 0; n--) {
            Value v = d->items[d->head];
            d->head = (d->head + 1) & mask;
            *dq_at(d, d->len - 1) = v;
        }
    }
}

static Value dq_to_list(Deque *d) {
    Value l = list_new(d->len);
    if (IS_NULL(l)) return VAL_NULL;
    for (int64_t i = 0; i < d->len; i++) AS_LIST(l)->items[i] = *dq_at(d, i);
    AS_LIST(l)->len = d->len;
    return l;
}

static Value dq_to_tuple(Deque *d) {
    Value t = tuple_new(d->len);
    if (IS_NULL(t)) return VAL_NULL;
    for (int64_t i = 0; i < d->len; i++) AS_TUPLE(t)->items[i] = *dq_at(d, i);
    return t;
}

static int dq_mutated(int index_error) {
    err_format(index_error ? &exc_IndexError : &exc_RuntimeError, "deque mutated during iteration");
    return -2;
}

/* The first position in [start, stop) whose item equals x: its index, -1 when
 * none, -2 raised.  Each comparison may run Python code: the state is checked
 * after it (remove() raises IndexError there, the others RuntimeError). */
static int64_t dq_find(Value self, Value x, int64_t start, int64_t stop, int index_error) {
    Deque *d = DQ(self);
    uint64_t state = d->state;
    for (int64_t i = start; i < stop && i < d->len; i++) {
        int r = obj_eq(*dq_at(d, i), x);
        if (r < 0) return -2;
        if (d->state != state) return dq_mutated(index_error);
        if (r) return i;
    }
    return -1;
}

/* Append everything an iterable yields, to the right or the left. */
static int dq_extend(Value self, Value iterable, int left) {
    Deque *d = DQ(self);
    if (iterable == self) {
        iterable = dq_to_list(d);
        if (IS_NULL(iterable)) return -1;
    }
    Value it = obj_iter(iterable);
    if (IS_NULL(it)) return -1;
    for (;;) {
        Value v = obj_next(it);
        if (IS_NULL(v)) return err_occurred() ? -1 : 0;
        if (d->maxlen == 0) continue;
        if ((left ? dq_push_left(d, v) : dq_push_right(d, v)) < 0) return -1;
    }
}

/* deque *= n: the items repeated, only the last maxlen of them kept. */
static int dq_repeat(Deque *d, int64_t n) {
    int64_t len = d->len;
    if (n <= 0 || len == 0) { if (len) dq_clear(d); return 0; }
    if (n == 1) return 0;
    int64_t keep;
    if (d->maxlen >= 0 && n > d->maxlen / len) keep = d->maxlen;
    else if (n > INT64_MAX / 16 / len) { err_no_memory(); return -1; }
    else keep = len * n;
    int64_t cap = DQ_MIN_CAP;
    while (cap < keep) cap *= 2;
    Value *items = gc_malloc((size_t)cap * sizeof(Value));
    if (!items) return -1;
    /* the result's item j is the repetition's item total-keep+j */
    int64_t first = ((len - keep % len) % len);
    for (int64_t j = 0; j < keep; j++) items[j] = *dq_at(d, (first + j) % len);
    gc_free(d->items, (size_t)d->cap * sizeof(Value));
    d->items = items;
    d->cap = cap;
    d->head = 0;
    d->len = keep;
    d->state++;
    return 0;
}

/* ---- deque: construction --------------------------------------------------------------- */

static Value dq_new_m(Value *args, int nargs, Value kwnames) {
    Deque *d = (Deque *)obj_new_instance(AS_TYPE(args[0]));
    if (!d) return VAL_NULL;
    d->maxlen = -1;
    return MK_OBJ(d);
}

/* maxlen as CPython reads it: None, or an int (no __index__). */
static int dq_maxlen_arg(Value v, int64_t *out) {
    *out = -1;
    if (IS_NULL(v) || IS_NONE(v)) return 0;
    if (!IS_INT(v)) { err_format(&exc_TypeError, "an integer is required"); return -1; }
    if (arg_to_ssize(v, out) < 0) return -1;
    if (*out < 0) { err_format(&exc_ValueError, "maxlen must be non-negative"); return -1; }
    return 0;
}

static Value dq_init_m(Value *args, int nargs, Value kwnames) {
    Deque *d = DQ(args[0]);
    int64_t maxlen;
    if (dq_maxlen_arg(args[2], &maxlen) < 0) return VAL_NULL;
    d->maxlen = maxlen;
    if (d->len > 0) dq_clear(d);
    if (!IS_NULL(args[1]) && dq_extend(args[0], args[1], 0) < 0) return VAL_NULL;
    return VAL_NONE;
}

/* A new deque like self (same type and maxlen) holding self's items. */
static Value dq_copy(Value self) {
    Deque *d = DQ(self);
    Type *t = val_type(self);
    if (t == &type_deque) {
        Deque *c = (Deque *)obj_new_instance(t);
        if (!c) return VAL_NULL;
        c->maxlen = d->maxlen;
        if (dq_reserve(c, d->len) < 0) return VAL_NULL;
        for (int64_t i = 0; i < d->len; i++) c->items[i] = *dq_at(d, i);
        c->len = d->len;
        return MK_OBJ(c);
    }
    Value r = d->maxlen < 0 ? call1(MK_OBJ(t), self) : call2(MK_OBJ(t), self, MK_SMALLINT(d->maxlen));
    if (!IS_NULL(r) && !is_deque(r))
        return err_format(&exc_TypeError, "%s() must return a deque, not %s", type_name(t), val_type_name(r));
    return r;
}

/* ---- deque: methods -------------------------------------------------------------------- */

#define SELF DQ(args[0])

static Value dq_append_m(Value *args, int nargs, Value kwnames) {
    return dq_push_right(SELF, args[1]) < 0 ? VAL_NULL : VAL_NONE;
}
static Value dq_appendleft_m(Value *args, int nargs, Value kwnames) {
    return dq_push_left(SELF, args[1]) < 0 ? VAL_NULL : VAL_NONE;
}
static Value dq_pop_m(Value *args, int nargs, Value kwnames) {
    if (SELF->len == 0) return err_format(&exc_IndexError, "pop from an empty deque");
    return dq_take_right(SELF);
}
static Value dq_popleft_m(Value *args, int nargs, Value kwnames) {
    if (SELF->len == 0) return err_format(&exc_IndexError, "pop from an empty deque");
    return dq_take_left(SELF);
}
static Value dq_extend_m(Value *args, int nargs, Value kwnames) {
    return dq_extend(args[0], args[1], 0) < 0 ? VAL_NULL : VAL_NONE;
}
static Value dq_extendleft_m(Value *args, int nargs, Value kwnames) {
    return dq_extend(args[0], args[1], 1) < 0 ? VAL_NULL : VAL_NONE;
}
static Value dq_clear_m(Value *args, int nargs, Value kwnames) {
    dq_clear(SELF);
    return VAL_NONE;
}
static Value dq_copy_m(Value *args, int nargs, Value kwnames) { return dq_copy(args[0]); }

static Value dq_count_m(Value *args, int nargs, Value kwnames) {
    int64_t n = 0, i = 0;
    for (;;) {
        int64_t at = dq_find(args[0], args[1], i, INT64_MAX, 0);
        if (at == -2) return VAL_NULL;
        if (at < 0) return MK_SMALLINT(n);
        n++;
        i = at + 1;
    }
}

static Value dq_index_m(Value *args, int nargs, Value kwnames) {
    int64_t start, stop;
    if (seq_start_stop(args[2], args[3], SELF->len, &start, &stop) < 0) return VAL_NULL;
    int64_t at = dq_find(args[0], args[1], start, stop, 0);
    if (at == -2) return VAL_NULL;
    if (at < 0) return err_format(&exc_ValueError, "%R is not in deque", args[1]);
    return MK_SMALLINT(at);
}

static Value dq_insert_m(Value *args, int nargs, Value kwnames) {
    Deque *d = SELF;
    int64_t i;
    if (arg_to_ssize(args[1], &i) < 0) return VAL_NULL;
    if (d->maxlen >= 0 && d->len >= d->maxlen)
        return err_format(&exc_IndexError, "deque already at its maximum size");
    if (i < 0) i = i + d->len < 0 ? 0 : i + d->len;
    if (i > d->len) i = d->len;
    if (dq_reserve(d, 1) < 0) return VAL_NULL;
    d->len++;
    for (int64_t k = d->len - 1; k > i; k--) *dq_at(d, k) = *dq_at(d, k - 1);
    *dq_at(d, i) = args[2];
    d->state++;
    return VAL_NONE;
}

static Value dq_remove_m(Value *args, int nargs, Value kwnames) {
    int64_t at = dq_find(args[0], args[1], 0, INT64_MAX, 1);
    if (at == -2) return VAL_NULL;
    if (at < 0) return err_format(&exc_ValueError, "%R is not in deque", args[1]);
    dq_del_at(SELF, at);
    return VAL_NONE;
}

static Value dq_reverse_m(Value *args, int nargs, Value kwnames) {
    Deque *d = SELF;
    for (int64_t i = 0, j = d->len - 1; i < j; i++, j--) {
        Value t = *dq_at(d, i);
        *dq_at(d, i) = *dq_at(d, j);
        *dq_at(d, j) = t;
    }
    return VAL_NONE;
}

static Value dq_rotate_m(Value *args, int nargs, Value kwnames) {
    int64_t n = 1;
    if (!IS_NULL(args[1]) && arg_to_ssize(args[1], &n) < 0) return VAL_NULL;
    int64_t len = SELF->len;
    if (len <= 1) return VAL_NONE;
    SELF->state++;
    dq_rotate(SELF, ((n % len) + len) % len);
    return VAL_NONE;
}

static Value dq_len_m(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(SELF->len); }

static Value dq_contains_m(Value *args, int nargs, Value kwnames) {
    int64_t at = dq_find(args[0], args[1], 0, INT64_MAX, 0);
    return at == -2 ? VAL_NULL : MK_BOOL(at >= 0);
}

/* The position an index names, or -1 raised. */
static int64_t dq_index_arg(Deque *d, Value key) {
    int64_t i;
    int r = seq_index_value(key, &i);
    if (r < 0) return -1;
    if (r == 0) { err_format(&exc_TypeError, "sequence index must be integer, not '%T'", key); return -1; }
    if (i < 0) i += d->len;
    if (i < 0 || i >= d->len) { err_format(&exc_IndexError, "deque index out of range"); return -1; }
    return i;
}

static Value dq_getitem_m(Value *args, int nargs, Value kwnames) {
    int64_t i = dq_index_arg(SELF, args[1]);
    return i < 0 ? VAL_NULL : *dq_at(SELF, i);
}
static Value dq_setitem_m(Value *args, int nargs, Value kwnames) {
    int64_t i = dq_index_arg(SELF, args[1]);
    if (i < 0) return VAL_NULL;
    *dq_at(SELF, i) = args[2];
    return VAL_NONE;
}
static Value dq_delitem_m(Value *args, int nargs, Value kwnames) {
    int64_t i = dq_index_arg(SELF, args[1]);
    if (i < 0) return VAL_NULL;
    dq_del_at(SELF, i);
    return VAL_NONE;
}

static Value dq_compare(Value *args, int op) {
    if (!is_deque(args[1])) return VAL_NOTIMPLEMENTED;
    Value a = dq_to_tuple(SELF), b = IS_NULL(a) ? VAL_NULL : dq_to_tuple(DQ(args[1]));
    if (IS_NULL(b)) return VAL_NULL;
    return seq_richcompare(AS_TUPLE(a)->items, AS_TUPLE(a)->len, AS_TUPLE(b)->items, AS_TUPLE(b)->len, op);
}
#define DQ_COMPARE(NAME, OP) \
    static Value dq_##NAME##_m(Value *args, int nargs, Value kwnames) { return dq_compare(args, OP); }
DQ_COMPARE(eq, CMP_EQ)
DQ_COMPARE(ne, CMP_NE)
DQ_COMPARE(lt, CMP_LT)
DQ_COMPARE(le, CMP_LE)
DQ_COMPARE(gt, CMP_GT)
DQ_COMPARE(ge, CMP_GE)

static Value dq_add_m(Value *args, int nargs, Value kwnames) {
    if (!is_deque(args[1]))
        return err_format(&exc_TypeError, "can only concatenate deque (not \"%s\") to deque", val_type_name(args[1]));
    Value r = dq_copy(args[0]);
    if (IS_NULL(r) || dq_extend(r, args[1], 0) < 0) return VAL_NULL;
    return r;
}
static Value dq_iadd_m(Value *args, int nargs, Value kwnames) {
    return dq_extend(args[0], args[1], 0) < 0 ? VAL_NULL : args[0];
}
/* The count of deque * n, checked as the operator checks a sequence's. */
static int dq_repeat_arg(Value n, int64_t *out) {
    if (!IS_INT(n) && IS_NULL(val_type(n)->slots[SM_INDEX])) {
        err_format(&exc_TypeError, "can't multiply sequence by non-int of type '%T'", n);
        return -1;
    }
    return seq_repeat_arg(n, out);
}
static Value dq_mul_m(Value *args, int nargs, Value kwnames) {
    int64_t n;
    if (dq_repeat_arg(args[1], &n) < 0) return VAL_NULL;
    Value r = dq_copy(args[0]);
    if (IS_NULL(r) || dq_repeat(DQ(r), n) < 0) return VAL_NULL;
    return r;
}
static Value dq_imul_m(Value *args, int nargs, Value kwnames) {
    int64_t n;
    if (dq_repeat_arg(args[1], &n) < 0) return VAL_NULL;
    return dq_repeat(SELF, n) < 0 ? VAL_NULL : args[0];
}

/* deque([1, 2], maxlen=3); "[...]" for a deque inside itself. */
static Value dq_repr_m(Value *args, int nargs, Value kwnames) {
    Value self = args[0];
    int rc = seq_repr_enter(self);
    if (rc != 0) return rc < 0 ? VAL_NULL : str_from_c("[...]");
    Value l = dq_to_list(SELF);
    Value r = IS_NULL(l) ? VAL_NULL : obj_repr(l);
    seq_repr_leave(self);
    if (IS_NULL(r)) return VAL_NULL;
    const char *name = coll_short_name(val_type(self));
    if (SELF->maxlen < 0) return str_format_c("%s(%U)", name, r);
    return str_format_c("%s(%U, maxlen=%lld)", name, r, (long long)SELF->maxlen);
}

/* (type, () or ((), maxlen), __getstate__(), iter(self)) */
static Value dq_reduce_m(Value *args, int nargs, Value kwnames) {
    Value dict = obj_call_method(args[0], "__getstate__", NULL, 0);
    if (IS_NULL(dict)) return VAL_NULL;
    Value it = obj_iter(args[0]);
    Value cargs = SELF->maxlen < 0 ? tuple_empty() : tuple_pack(2, tuple_empty(), MK_SMALLINT(SELF->maxlen));
    if (IS_NULL(it) || IS_NULL(cargs)) return VAL_NULL;
    return tuple_pack(4, MK_OBJ(val_type(args[0])), cargs, dict, it);
}

static Value dq_sizeof_m(Value *args, int nargs, Value kwnames) {
    return MK_SMALLINT((int64_t)sizeof(Deque) + SELF->cap * (int64_t)sizeof(Value));
}

static Value dq_get_maxlen(Value self) { return DQ(self)->maxlen < 0 ? VAL_NONE : MK_SMALLINT(DQ(self)->maxlen); }

#undef SELF

/* ---- deque: iterators ------------------------------------------------------------------ */

typedef struct DequeIter {
    Obj      header;
    Value    deque;
    int64_t  index;         /* items given so far */
    int64_t  counter;       /* items left */
    uint64_t state;
} DequeIter;

#define DQI(v) ((DequeIter *)AS_OBJ(v))

static Value dqi_make(Type *t, Value deque) {
    DequeIter *it = (DequeIter *)gc_alloc(t, sizeof(DequeIter));
    if (!it) return VAL_NULL;
    it->deque = deque;
    it->counter = DQ(deque)->len;
    it->state = DQ(deque)->state;
    return MK_OBJ(it);
}

static Value dq_iter_m(Value *args, int nargs, Value kwnames) { return dqi_make(&type_deque_iterator, args[0]); }
static Value dq_reversed_m(Value *args, int nargs, Value kwnames) {
    return dqi_make(&type_deque_reverse_iterator, args[0]);
}

static Value dqi_next_m(Value *args, int nargs, Value kwnames) {
    DequeIter *it = DQI(args[0]);
    Deque *d = DQ(it->deque);
    if (d->state != it->state) {
        it->counter = 0;
        return err_format(&exc_RuntimeError, "deque mutated during iteration");
    }
    if (it->counter == 0) return VAL_NULL;
    int64_t i = val_type(args[0]) == &type_deque_iterator ? it->index : d->len - 1 - it->index;
    it->index++;
    it->counter--;
    return *dq_at(d, i);
}

static Value dqi_self_m(Value *args, int nargs, Value kwnames) { return args[0]; }
static Value dqi_length_hint_m(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(DQI(args[0])->counter); }

static Value dqi_reduce_m(Value *args, int nargs, Value kwnames) {
    DequeIter *it = DQI(args[0]);
    int64_t given = DQ(it->deque)->len - it->counter;
    return tuple_pack(2, MK_OBJ(val_type(args[0])), tuple_pack(2, it->deque, MK_SMALLINT(given)));
}

/* _deque_iterator(deque, index=0): an iterator that has given index items. */
static Value dqi_new_m(Value *args, int nargs, Value kwnames) {
    Type *t = AS_TYPE(args[0]);
    if (arg_no_kw(t->tp_name, kwnames) < 0 || arg_count(strchr(t->tp_name, '.') + 1, nargs - 1, 1, 2) < 0)
        return VAL_NULL;
    if (!is_deque(args[1]))
        return err_format(&exc_TypeError, "argument 1 must be collections.deque, not %T", args[1]);
    int64_t index = 0;
    if (nargs > 2 && arg_to_ssize(args[2], &index) < 0) return VAL_NULL;
    Value it = dqi_make(t, args[1]);
    if (IS_NULL(it)) return VAL_NULL;
    for (; index > 0 && DQI(it)->counter > 0; index--) {
        DQI(it)->index++;
        DQI(it)->counter--;
    }
    return it;
}

static void dqi_trace(Obj *o) { gc_mark_value(((DequeIter *)o)->deque); }

static const MethodDef dqi_methods[] = {
    {"__new__", dqi_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__iter__", dqi_self_m, ARGS_WRAP(0), NULL},
    {"__next__", dqi_next_m, ARGS_WRAP(0), NULL},
    {"__length_hint__", dqi_length_hint_m, ARGS_NONE, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", dqi_reduce_m, ARGS_NONE, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

Type type_deque_iterator = {
    .tp_name = "_collections._deque_iterator", .base = &type_object, .basicsize = sizeof(DequeIter),
    .trace = dqi_trace, .methods = dqi_methods,
};
GILPY_TYPE(type_deque_iterator, NULL);
Type type_deque_reverse_iterator = {
    .tp_name = "_collections._deque_reverse_iterator", .base = &type_object, .basicsize = sizeof(DequeIter),
    .trace = dqi_trace, .methods = dqi_methods,
};
GILPY_TYPE(type_deque_reverse_iterator, NULL);

/* ---- deque: the type ------------------------------------------------------------------- */

static void dq_trace(Obj *o) {
    Deque *d = (Deque *)o;
    if (!d->items) return;
    for (int64_t i = 0; i < d->len; i++) gc_mark_value(*dq_at(d, i));
}

static void dq_finalize(Obj *o) {
    Deque *d = (Deque *)o;
    if (d->items) gc_free(d->items, (size_t)d->cap * sizeof(Value));
    d->items = NULL;
}

static const MethodDef dq_methods[] = {
    {"__new__", dq_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", dq_init_m, ARGS_KW, NULL, "deque($self, iterable=(), maxlen=None)"},
    {"append", dq_append_m, ARGS_ONE, "Add an element to the right side of the deque."},
    {"appendleft", dq_appendleft_m, ARGS_ONE, "Add an element to the left side of the deque."},
    {"pop", dq_pop_m, ARGS_NONE, "Remove and return the rightmost element."},
    {"popleft", dq_popleft_m, ARGS_NONE, "Remove and return the leftmost element."},
    {"extend", dq_extend_m, ARGS_ONE, "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", dq_extendleft_m, ARGS_ONE, "Extend the left side of the deque with elements from the iterable"},
    {"clear", dq_clear_m, ARGS_NONE, "Remove all elements from the deque."},
    {"copy", dq_copy_m, ARGS_NONE, "Return a shallow copy of a deque."},
    {"__copy__", dq_copy_m, ARGS_NONE, "Return a shallow copy of a deque."},
    {"count", dq_count_m, ARGS_ONE, "D.count(value) -> integer -- return number of occurrences of value"},
    {"index", dq_index_m, ARGS_TUPLE(1, 3), "D.index(value, [start, [stop]]) -> integer -- return first index of "
     "value.\nRaises ValueError if the value is not present."},
    {"insert", dq_insert_m, ARGS_TUPLE(2, 2), "D.insert(index, object) -- insert object before index"},
    {"remove", dq_remove_m, ARGS_ONE, "D.remove(value) -- remove first occurrence of value."},
    {"reverse", dq_reverse_m, ARGS_NONE, "D.reverse() -- reverse *IN PLACE*"},
    {"rotate", dq_rotate_m, ARGS_POS(0, 1), "Rotate the deque n steps to the right (default n=1).  If n is "
     "negative, rotates left.", "deque.rotate($self, n=1, /)"},
    {"__len__", dq_len_m, ARGS_WRAP(0), NULL},
    {"__contains__", dq_contains_m, ARGS_WRAP(1), NULL},
    {"__getitem__", dq_getitem_m, ARGS_WRAP(1), NULL},
    {"__setitem__", dq_setitem_m, ARGS_WRAPT(2, 2), NULL},
    {"__delitem__", dq_delitem_m, ARGS_WRAP(1), NULL},
    {"__iter__", dq_iter_m, ARGS_WRAP(0), NULL},
    {"__reversed__", dq_reversed_m, ARGS_NONE, "D.__reversed__() -- return a reverse iterator over the deque"},
    {"__eq__", dq_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", dq_ne_m, ARGS_WRAP(1), NULL},
    {"__lt__", dq_lt_m, ARGS_WRAP(1), NULL},
    {"__le__", dq_le_m, ARGS_WRAP(1), NULL},
    {"__gt__", dq_gt_m, ARGS_WRAP(1), NULL},
    {"__ge__", dq_ge_m, ARGS_WRAP(1), NULL},
    {"__add__", dq_add_m, ARGS_WRAP(1), NULL},
    {"__iadd__", dq_iadd_m, ARGS_WRAP(1), NULL},
    {"__mul__", dq_mul_m, ARGS_WRAP(1), NULL},
    {"__rmul__", dq_mul_m, ARGS_WRAP(1), NULL},
    {"__imul__", dq_imul_m, ARGS_WRAP(1), NULL},
    {"__repr__", dq_repr_m, ARGS_WRAP(0), NULL},
    {"__reduce__", dq_reduce_m, ARGS_NONE, "Return state information for pickling."},
    {"__sizeof__", dq_sizeof_m, ARGS_NONE, "D.__sizeof__() -- size of D in memory, in bytes"},
    {"__class_getitem__", generic_alias_class_getitem_m, METH_CLASS | ARGS_ONE, "See PEP 585"},
    {"__hash__", NULL, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef dq_getsets[] = {
    {"maxlen", dq_get_maxlen, NULL, "maximum size of a deque or None if unbounded"},
    {NULL, NULL, NULL, NULL},
};

Type type_deque = {
    .tp_name = "collections.deque", .base = &type_object,
    .flags = TF_BASETYPE | TF_WEAKREFABLE | TF_SEQUENCE,
    .basicsize = sizeof(Deque), .trace = dq_trace, .finalize = dq_finalize,
    .methods = dq_methods, .getsets = dq_getsets,
};
GILPY_TYPE(type_deque, NULL);

/* ---- defaultdict ----------------------------------------------------------------------- */

typedef struct DefDict {
    Dict  dict;
    Value factory;          /* None when there is none */
} DefDict;

extern Type type_defaultdict;
#define DD(v) ((DefDict *)AS_OBJ(v))

static Value dd_new_m(Value *args, int nargs, Value kwnames) {
    DefDict *d = (DefDict *)obj_new_instance(AS_TYPE(args[0]));
    if (!d) return VAL_NULL;
    d->factory = VAL_NONE;
    return MK_OBJ(d);
}

/* defaultdict(default_factory=None, /, ...): the rest goes to dict.__init__. */
static Value dd_init_m(Value *args, int nargs, Value kwnames) {
    if (nargs > 1) {
        if (!IS_NONE(args[1]) && !call_is_callable(args[1]))
            return err_format(&exc_TypeError, "first argument must be callable or None");
        DD(args[0])->factory = args[1];
        args[1] = args[0];
        args++;
        nargs--;
    }
    Value dict_init = type_lookup_c(&type_dict, "__init__");
    Value r = call_value(dict_init, args, nargs, kwnames);
    return IS_NULL(r) ? VAL_NULL : VAL_NONE;
}

static Value dd_missing_m(Value *args, int nargs, Value kwnames) {
    Value factory = DD(args[0])->factory;
    if (IS_NONE(factory)) return err_set_value(&exc_KeyError, args[1]);
    Value v = call0(factory);
    if (IS_NULL(v) || obj_setitem(args[0], args[1], v) < 0) return VAL_NULL;
    return v;
}

/* type(self)(self.default_factory, src) */
static Value dd_new_like(Value self, Value src) {
    return call2(MK_OBJ(val_type(self)), DD(self)->factory, src);
}

static Value dd_copy_m(Value *args, int nargs, Value kwnames) { return dd_new_like(args[0], args[0]); }

static Value dd_reduce_m(Value *args, int nargs, Value kwnames) {
    Value factory = DD(args[0])->factory;
    Value cargs = IS_NONE(factory) ? tuple_empty() : tuple_pack(1, factory);
    Value items = IS_NULL(cargs) ? VAL_NULL : obj_call_method(args[0], "items", NULL, 0);
    Value it = IS_NULL(items) ? VAL_NULL : obj_iter(items);
    if (IS_NULL(it)) return VAL_NULL;
    return tuple_pack(5, MK_OBJ(val_type(args[0])), cargs, VAL_NONE, VAL_NONE, it);
}

/* defaultdict(<class 'list'>, {...}), "..." for a factory inside its own repr. */
static Value dd_repr_m(Value *args, int nargs, Value kwnames) {
    Value base = dict_repr(args[0]);
    if (IS_NULL(base)) return VAL_NULL;
    Value factory = DD(args[0])->factory, frepr;
    if (IS_NONE(factory)) frepr = str_from_c("None");
    else {
        int rc = seq_repr_enter(factory);
        if (rc < 0) return VAL_NULL;
        if (rc > 0) frepr = str_from_c("...");
        else {
            frepr = obj_repr(factory);
            seq_repr_leave(factory);
        }
    }
    if (IS_NULL(frepr)) return VAL_NULL;
    return str_format_c("%s(%U, %U)", coll_short_name(val_type(args[0])), frepr, base);
}

/* a | b with a defaultdict on either side: a copy of the defaultdict's kind. */
static Value dd_or(Value left, Value right, int reflected) {
    Value self = reflected ? right : left, other = reflected ? left : right;
    if (!IS_DICT(other)) return VAL_NOTIMPLEMENTED;
    Value r = dd_new_like(self, left);
    if (IS_NULL(r) || dict_update(r, right) < 0) return VAL_NULL;
    return r;
}
static Value dd_or_m(Value *args, int nargs, Value kwnames) { return dd_or(args[0], args[1], 0); }
static Value dd_ror_m(Value *args, int nargs, Value kwnames) { return dd_or(args[1], args[0], 1); }

static Value dd_get_factory(Value self) { return DD(self)->factory; }
static int dd_set_factory(Value self, Value v) {
    DD(self)->factory = IS_NULL(v) ? VAL_NONE : v;
    return 0;
}

static void dd_trace(Obj *o) {
    type_dict.trace(o);
    gc_mark_value(((DefDict *)o)->factory);
}
static void dd_finalize(Obj *o) { type_dict.finalize(o); }

static const MethodDef dd_methods[] = {
    {"__new__", dd_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", dd_init_m, ARGS_ANY, NULL},
    {"__missing__", dd_missing_m, ARGS_ONE, "__missing__(key) # Called by __getitem__ for missing key; "
     "pseudo-code:\n  if self.default_factory is None: raise KeyError((key,))\n  self[key] = value = "
     "self.default_factory()\n  return value\n"},
    {"copy", dd_copy_m, ARGS_NONE, "D.copy() -> a shallow copy of D."},
    {"__copy__", dd_copy_m, ARGS_NONE, "D.copy() -> a shallow copy of D."},
    {"__reduce__", dd_reduce_m, ARGS_NONE, "Return state information for pickling."},
    {"__repr__", dd_repr_m, ARGS_WRAP(0), NULL},
    {"__or__", dd_or_m, ARGS_WRAP(1), NULL},
    {"__ror__", dd_ror_m, ARGS_WRAP(1), NULL},
    {"__class_getitem__", generic_alias_class_getitem_m, METH_CLASS | ARGS_ONE, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef dd_getsets[] = {
    {"default_factory", dd_get_factory, dd_set_factory, "Factory for default value called by __missing__()."},
    {NULL, NULL, NULL, NULL},
};

Type type_defaultdict = {
    .tp_name = "collections.defaultdict", .base = &type_dict,
    .flags = TF_BASETYPE | TF_DICT_SUBCLASS | TF_MAPPING | TF_MATCH_SELF,
    .basicsize = sizeof(DefDict), .trace = dd_trace, .finalize = dd_finalize,
    .methods = dd_methods, .getsets = dd_getsets,
};
GILPY_TYPE(type_defaultdict, NULL);

/* ---- _tuplegetter ---------------------------------------------------------------------- */

typedef struct TupleGetter {
    Obj     header;
    int64_t index;
    Value   doc;
} TupleGetter;

extern Type type_tuplegetter;
#define TG(v) ((TupleGetter *)AS_OBJ(v))

static Value tg_new_m(Value *args, int nargs, Value kwnames) {
    if (arg_no_kw("_tuplegetter", kwnames) < 0 || arg_count("_tuplegetter", nargs - 1, 2, 2) < 0) return VAL_NULL;
    int64_t index;
    if (arg_to_ssize(args[1], &index) < 0) return VAL_NULL;
    TupleGetter *g = (TupleGetter *)obj_new_instance(AS_TYPE(args[0]));
    if (!g) return VAL_NULL;
    g->index = index;
    g->doc = args[2];
    return MK_OBJ(g);
}

static Value tg_get_m(Value *args, int nargs, Value kwnames) {
    Value obj = args[1];
    if (IS_NONE(obj)) return args[0];
    if (!IS_TUPLE(obj))
        return err_format(&exc_TypeError, "descriptor for index '%lld' for tuple subclasses doesn't apply to '%s' object",
                          (long long)TG(args[0])->index, val_type_name(obj));
    int64_t i = TG(args[0])->index;
    if (i < 0 || i >= AS_TUPLE(obj)->len) return err_format(&exc_IndexError, "tuple index out of range");
    return AS_TUPLE(obj)->items[i];
}
static Value tg_set_m(Value *args, int nargs, Value kwnames) {
    return err_format(&exc_AttributeError, "can't set attribute");
}
static Value tg_delete_m(Value *args, int nargs, Value kwnames) {
    return err_format(&exc_AttributeError, "can't delete attribute");
}
static Value tg_reduce_m(Value *args, int nargs, Value kwnames) {
    Value cargs = tuple_pack(2, MK_SMALLINT(TG(args[0])->index), TG(args[0])->doc);
    return IS_NULL(cargs) ? VAL_NULL : tuple_pack(2, MK_OBJ(val_type(args[0])), cargs);
}
static Value tg_repr_m(Value *args, int nargs, Value kwnames) {
    return str_format_c("%s(%lld, %R)", coll_short_name(val_type(args[0])), (long long)TG(args[0])->index,
                        TG(args[0])->doc);
}

static Value tg_get_doc(Value self) { return TG(self)->doc; }
static int tg_set_doc(Value self, Value v) {
    TG(self)->doc = IS_NULL(v) ? VAL_NONE : v;
    return 0;
}

static void tg_trace(Obj *o) { gc_mark_value(((TupleGetter *)o)->doc); }

static const MethodDef tg_methods[] = {
    {"__new__", tg_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__get__", tg_get_m, ARGS_WRAPT(1, 2), NULL},
    {"__set__", tg_set_m, ARGS_WRAPT(2, 2), NULL},
    {"__delete__", tg_delete_m, ARGS_WRAP(1), NULL},
    {"__reduce__", tg_reduce_m, ARGS_NONE, NULL},
    {"__repr__", tg_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef tg_getsets[] = {
    {"__doc__", tg_get_doc, tg_set_doc, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_tuplegetter = {
    .tp_name = "_collections._tuplegetter", .base = &type_object, .basicsize = sizeof(TupleGetter),
    .trace = tg_trace, .methods = tg_methods, .getsets = tg_getsets,
};
GILPY_TYPE(type_tuplegetter, NULL);

/* ---- _count_elements ------------------------------------------------------------------- */

/* mapping[elem] = mapping.get(elem, 0) + 1 for every element; a plain dict
 * directly. */
static Value coll_count_elements(Value *args, int nargs, Value kwnames) {
    Value mapping = args[0], it = obj_iter(args[1]);
    if (IS_NULL(it)) return VAL_NULL;
    int plain = IS_EXACT(mapping, type_dict);
    Value get = plain ? VAL_NULL : obj_getattr_c(mapping, "get");
    if (!plain && IS_NULL(get)) return VAL_NULL;
    for (;;) {
        Value key = obj_next(it);
        if (IS_NULL(key)) return err_occurred() ? VAL_NULL : VAL_NONE;
        Value old = plain ? dict_get(mapping, key) : call2(get, key, MK_SMALLINT(0));
        if (IS_NULL(old)) {
            if (!plain || err_occurred()) return VAL_NULL;
            old = MK_SMALLINT(0);
        }
        Value n = obj_binop(old, MK_SMALLINT(1), OP_ADD);
        if (IS_NULL(n) || obj_setitem(mapping, key, n) < 0) return VAL_NULL;
    }
}

/* ---- the module ------------------------------------------------------------------------ */

static const MethodDef mod_collections_functions[] = {
    {"_count_elements", coll_count_elements, ARGS_POS(2, 2), "Count elements in the iterable, updating the mapping",
     "($module, mapping, iterable, /)"},
    {NULL, NULL, 0, NULL},
};

Value mod_collections_init(void) {
    Value m = module_new_c("_collections");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, mod_collections_functions, m);
    if (dict_set_c(d, "__doc__", str_from_c("High performance data structures.\n- deque:        ordered "
            "collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value "
            "factory\n")) < 0
        || dict_set_c(d, "deque", MK_OBJ(&type_deque)) < 0
        || dict_set_c(d, "defaultdict", MK_OBJ(&type_defaultdict)) < 0
        || dict_set_c(d, "_tuplegetter", MK_OBJ(&type_tuplegetter)) < 0
        || dict_set_c(d, "_deque_iterator", MK_OBJ(&type_deque_iterator)) < 0
        || dict_set_c(d, "_deque_reverse_iterator", MK_OBJ(&type_deque_reverse_iterator)) < 0)
        return VAL_NULL;
    if (dict_set_c(type_deque.dict, "__doc__", str_from_c("deque([iterable[, maxlen]]) --> deque object\n\n"
            "A list-like sequence optimized for data accesses near its endpoints.")) < 0
        || dict_set_c(type_defaultdict.dict, "__doc__", str_from_c("defaultdict(default_factory=None, /, [...]) "
            "--> dict with default factory\n\nThe default factory is called without arguments to produce\na new "
            "value when a key is not present, in __getitem__ only.\nA defaultdict compares equal to a dict with the "
            "same items.\nAll remaining arguments are treated the same as if they were\npassed to the dict "
            "constructor, including keyword arguments.\n")) < 0)
        return VAL_NULL;
    Value odict = import_module_c("_collections_odict");
    Value od = IS_NULL(odict) ? VAL_NULL : obj_getattr_c(odict, "OrderedDict");
    if (IS_NULL(od) || dict_set_c(d, "OrderedDict", od) < 0) return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
