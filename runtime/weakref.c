/* weakref.c - weak references: weakref.ref, proxies, and what the
 * collector does with them.
 *
 * Objects.  A WeakRef holds a raw, untraced pointer to its referent (NULL
 * once the referent died), its callback and a cached hash.  The weak
 * references to one object are chained through prev/next in CPython's
 * order: the basic ref (exact ReferenceType, no callback) first, so that
 * ref(o) can return it again, then the basic proxy, then every other one,
 * the newest first.  Callbacks run in chain order.
 *
 * The side table.  The chain of an object is found by its address in an
 * open-addressing table (wt below, malloc'd: invisible to the collector, so
 * it holds nothing alive), and GCF_WEAKREFD in the object's header says an
 * entry exists.  No object pays a field for weak references it does not
 * have; the collector walks only the table, not the heap.
 *
 * Collection (runtime/gc.c calls these with the marks of the cycle):
 *   0. when weak_any_unreachable, finalize.c first keeps the dead objects in
 *      no cycle that have finalizers, with what they reach (their weak
 *      references work in __del__, as after a death by reference count).
 *   1. weak_clear_unreachable, right after marking: every object that was
 *      not marked is dead, and so are its weak references: each is cleared
 *      (referent NULL) and unchained, and a cleared reference that is itself
 *      alive and has a callback is queued (runtime/finalize.c) to have it
 *      called after the collection.  References that are garbage themselves
 *      get no call, as in CPython.  This happens before __del__ methods are
 *      looked for, so a finalizer finds weak references to its object
 *      already cleared (PEP 442).
 *   2. finalizers resurrect what they need (fin_resurrect_unreachable).
 *   3. weak_prune, before sweeping: weak references that are not marked
 *      (about to be freed) leave their referent's chain; empty chains leave
 *      the table.  So the table never points at freed memory.
 */
#include "weakref.h"

#include <stdlib.h>

#include "call.h"
#include "error.h"
#include "finalize.h"
#include "gc.h"
#include "obj_dict.h"
#include "obj_genericalias.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_str.h"
#include "obj_type.h"

/* ---- the side table ------------------------------------------------------------------ */

#define WT_TOMB ((Obj *)1)

static struct {
    Obj     **keys;        /* NULL: empty, WT_TOMB: deleted */
    WeakRef **heads;
    size_t    cap;         /* a power of two, or 0 */
    size_t    used;        /* live entries and tombstones */
    size_t    live;
} wt;

static size_t wt_hash(const Obj *o) {
    uint64_t a = (uint64_t)(uintptr_t)o >> 4;
    return (size_t)(a * 0x9E3779B97F4A7C15ull >> 17);
}

static size_t wt_find(const Obj *o) {
    if (!wt.cap) return SIZE_MAX;
    size_t mask = wt.cap - 1;
    for (size_t i = wt_hash(o) & mask;; i = (i + 1) & mask) {
        if (wt.keys[i] == o) return i;
        if (!wt.keys[i]) return SIZE_MAX;
    }
}

/* Rebuild with room for `want` live entries; -1 (nothing changed) when
 * memory is short. */
static int wt_resize(size_t want) {
    size_t cap = 16;
    while (cap < want * 2) cap *= 2;
    Obj **keys = calloc(cap, sizeof(Obj *));
    WeakRef **heads = calloc(cap, sizeof(WeakRef *));
    if (!keys || !heads) { free(keys); free(heads); return -1; }
    for (size_t i = 0; i < wt.cap; i++) {
        Obj *k = wt.keys[i];
        if (!k || k == WT_TOMB) continue;
        size_t j = wt_hash(k) & (cap - 1);
        while (keys[j]) j = (j + 1) & (cap - 1);
        keys[j] = k;
        heads[j] = wt.heads[i];
    }
    free(wt.keys);
    free(wt.heads);
    wt.keys = keys;
    wt.heads = heads;
    wt.cap = cap;
    wt.used = wt.live;
    return 0;
}

/* The chain head's slot for o, made if missing; NULL (MemoryError) when
 * the table cannot grow. */
static WeakRef **wt_slot(Obj *o) {
    size_t i = wt_find(o);
    if (i != SIZE_MAX) return &wt.heads[i];
    if ((wt.used + 1) * 4 > wt.cap * 3 && wt_resize(wt.live + 1) < 0) { err_no_memory(); return NULL; }
    size_t mask = wt.cap - 1;
    for (i = wt_hash(o) & mask; wt.keys[i] && wt.keys[i] != WT_TOMB; i = (i + 1) & mask) {}
    if (!wt.keys[i]) wt.used++;
    wt.keys[i] = o;
    wt.heads[i] = NULL;
    wt.live++;
    o->gcflags |= GCF_WEAKREFD;
    return &wt.heads[i];
}

static void wt_remove_at(size_t i) {
    wt.keys[i]->gcflags &= ~(uint32_t)GCF_WEAKREFD;
    wt.keys[i] = WT_TOMB;
    wt.heads[i] = NULL;
    wt.live--;
}

static WeakRef *weak_head(const Obj *o) {
    if (!(o->gcflags & GCF_WEAKREFD)) return NULL;
    size_t i = wt_find(o);
    return i == SIZE_MAX ? NULL : wt.heads[i];
}

/* ---- chains -------------------------------------------------------------------------- */

static int weak_is_proxy(const WeakRef *w) {
    return w->header.type == &type_weakproxy || w->header.type == &type_weakcallableproxy;
}

static int weak_is_basic_ref(const WeakRef *w) {
    return w->header.type == &type_weakref && IS_NULL(w->callback);
}

static int weak_is_basic_proxy(const WeakRef *w) {
    return weak_is_proxy(w) && IS_NULL(w->callback);
}

/* Insert w into its referent's chain at CPython's place.  -1: MemoryError. */
static int weak_link(WeakRef *w) {
    WeakRef **headp = wt_slot(w->referent);
    if (!headp) return -1;
    WeakRef *prev = NULL, *p = *headp;
    if (!weak_is_basic_ref(w)) {
        if (p && weak_is_basic_ref(p)) { prev = p; p = p->next; }
        if (p && weak_is_basic_proxy(p) && !weak_is_basic_proxy(w)) prev = p;
    }
    w->prev = prev;
    w->next = prev ? prev->next : *headp;
    if (w->next) w->next->prev = w;
    if (prev) prev->next = w; else *headp = w;
    return 0;
}

/* ---- creation ------------------------------------------------------------------------ */

static int weak_check_referent(Value obj) {
    if (IS_OBJ(obj) && TYPE_HAS(AS_OBJ(obj)->type, TF_WEAKREFABLE)) return 0;
    err_format(&exc_TypeError, "cannot create weak reference to '%T' object", obj);
    return -1;
}

static Value weak_make(Type *cls, Value obj, Value callback) {
    WeakRef *w = (WeakRef *)(cls->flags & TF_HEAPTYPE ? obj_new_instance(cls)
                                                      : gc_alloc(cls, sizeof(WeakRef)));
    if (!w) return VAL_NULL;
    w->referent = AS_OBJ(obj);
    w->callback = callback;
    w->hash = -1;
    return weak_link(w) < 0 ? VAL_NULL : MK_OBJ(w);
}

Value weak_new_ref(Type *cls, Value obj, Value callback) {
    if (weak_check_referent(obj) < 0) return VAL_NULL;
    if (IS_NONE(callback)) callback = VAL_NULL;
    if (cls == &type_weakref && IS_NULL(callback)) {
        WeakRef *h = weak_head(AS_OBJ(obj));
        if (h && weak_is_basic_ref(h)) return MK_OBJ(h);
    }
    return weak_make(cls, obj, callback);
}

Value weak_new_proxy(Value obj, Value callback) {
    if (weak_check_referent(obj) < 0) return VAL_NULL;
    if (IS_NONE(callback)) callback = VAL_NULL;
    if (IS_NULL(callback)) {
        WeakRef *p = weak_head(AS_OBJ(obj));
        if (p && weak_is_basic_ref(p)) p = p->next;
        if (p && weak_is_basic_proxy(p)) return MK_OBJ(p);
    }
    Type *cls = call_is_callable(obj) ? &type_weakcallableproxy : &type_weakproxy;
    return weak_make(cls, obj, callback);
}

Value weak_get(Value ref) {
    Obj *o = ((WeakRef *)AS_OBJ(ref))->referent;
    return o ? MK_OBJ(o) : VAL_NONE;
}

int64_t weak_count(Value obj) {
    int64_t n = 0;
    if (IS_OBJ(obj))
        for (WeakRef *w = weak_head(AS_OBJ(obj)); w; w = w->next) n++;
    return n;
}

Value weak_list(Value obj) {
    Value l = list_new(0);
    if (IS_NULL(l) || !IS_OBJ(obj)) return l;
    int64_t n = weak_count(obj);
    for (int64_t i = 0; i < n; i++) {          /* re-walked: list_append may collect */
        WeakRef *w = weak_head(AS_OBJ(obj));
        for (int64_t j = 0; w && j < i; j++) w = w->next;
        if (!w) break;
        if (list_append(l, MK_OBJ(w)) < 0) return VAL_NULL;
    }
    return l;
}

Value weak_first(Value obj) {
    WeakRef *w = IS_OBJ(obj) ? weak_head(AS_OBJ(obj)) : NULL;
    return w ? MK_OBJ(w) : VAL_NONE;
}

/* ---- the collector's side ------------------------------------------------------------ */

int weak_any_unreachable(void) {
    for (size_t i = 0; i < wt.cap; i++) {
        Obj *k = wt.keys[i];
        if (k && k != WT_TOMB && !gc_is_marked(k)) return 1;
    }
    return 0;
}

void weak_clear_unreachable(void) {
    for (size_t i = 0; i < wt.cap; i++) {
        Obj *k = wt.keys[i];
        if (!k || k == WT_TOMB || gc_is_marked(k)) continue;
        for (WeakRef *w = wt.heads[i], *next; w; w = next) {
            next = w->next;
            w->referent = NULL;
            w->prev = w->next = NULL;
            if (!IS_NULL(w->callback) && gc_is_marked(&w->header))
                fin_queue_callback(MK_OBJ(w), w->callback);
            w->callback = VAL_NULL;
        }
        wt_remove_at(i);
    }
}

void weak_prune(void) {
    for (size_t i = 0; i < wt.cap; i++) {
        Obj *k = wt.keys[i];
        if (!k || k == WT_TOMB) continue;
        WeakRef **pp = &wt.heads[i];
        for (WeakRef *w = *pp, *prev = NULL; w; w = w->next) {
            if (gc_is_marked(&w->header)) { w->prev = prev; *pp = w; pp = &w->next; prev = w; }
        }
        *pp = NULL;
        if (!wt.heads[i]) wt_remove_at(i);
    }
    if (wt.cap > 16 && wt.used > 2 * wt.live + 16) wt_resize(wt.live);
}

/* ---- weakref.ref ----------------------------------------------------------------------- */

#define AS_WEAK(v) ((WeakRef *)AS_OBJ(v))

/* PyArg_UnpackTuple(args, name, 1, 2) */
static int weak_unpack(const char *name, int n) {
    if (n < 1) { err_format(&exc_TypeError, "%s expected at least 1 argument, got %d", name, n); return -1; }
    if (n > 2) { err_format(&exc_TypeError, "%s expected at most 2 arguments, got %d", name, n); return -1; }
    return 0;
}

/* ARGS_ANY: keywords are left to __init__, as CPython's weakref___new__ does. */
static Value weakref_new_m(Value *args, int nargs, Value kwnames) {
    (void)kwnames;
    if (weak_unpack("__new__", nargs - 1) < 0) return VAL_NULL;
    return weak_new_ref(AS_TYPE(args[0]), args[1], nargs > 2 ? args[2] : VAL_NULL);
}

static Value weakref_init_m(Value *args, int nargs, Value kwnames) {
    if (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len)
        return err_format(&exc_TypeError, "ref() takes no keyword arguments");
    return weak_unpack("__init__", nargs - 1) < 0 ? VAL_NULL : VAL_NONE;
}

static Value weakref_call_m(Value *args, int nargs, Value kwnames) {
    if (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len)
        return err_format(&exc_TypeError, "weakref() takes no keyword arguments");
    if (nargs != 1) return err_format(&exc_TypeError, "weakref expected 0 arguments, got %d", nargs - 1);
    return weak_get(args[0]);
}

static Value weakref_hash_m(Value *args, int nargs, Value kwnames) {
    WeakRef *w = AS_WEAK(args[0]);
    if (w->hash != -1) return int_from_i64(w->hash);
    if (!w->referent) return err_format(&exc_TypeError, "weak object has gone away");
    int64_t h = obj_hash(MK_OBJ(w->referent));
    if (h == -1) return VAL_NULL;
    AS_WEAK(args[0])->hash = h;
    return int_from_i64(h);
}

static Value weakref_compare(Value *args, int eq) {
    if (!IS_WEAKREF(args[1])) return VAL_NOTIMPLEMENTED;
    Obj *a = AS_WEAK(args[0])->referent, *b = AS_WEAK(args[1])->referent;
    if (!a || !b) return MK_BOOL((args[0] == args[1]) == eq);
    return obj_richcompare(MK_OBJ(a), MK_OBJ(b), eq ? CMP_EQ : CMP_NE);
}
static Value weakref_eq_m(Value *args, int nargs, Value kwnames) { return weakref_compare(args, 1); }
static Value weakref_ne_m(Value *args, int nargs, Value kwnames) { return weakref_compare(args, 0); }

/* The referent's __name__, for reprs: VAL_NULL when it has none. */
static Value weak_referent_name(Obj *o) {
    Value n = obj_getattr_opt(MK_OBJ(o), str_intern_c("__name__"));
    if (IS_NULL(n)) err_clear();
    return n;
}

static Value weakref_repr_m(Value *args, int nargs, Value kwnames) {
    Obj *o = AS_WEAK(args[0])->referent;
    void *self = AS_OBJ(args[0]);
    if (!o) return str_format_c("<weakref at %p; dead>", self);
    Value name = weak_referent_name(o);
    if (IS_NULL(name))
        return str_format_c("<weakref at %p; to '%s' at %p>", self, type_name(o->type), (void *)o);
    return str_format_c("<weakref at %p; to '%s' at %p (%S)>", self, type_name(o->type), (void *)o, name);
}

static Value weakref_get_callback(Value self) {
    Value cb = AS_WEAK(self)->callback;
    return IS_NULL(cb) ? VAL_NONE : cb;
}

static void weakref_trace(Obj *o) {
    gc_mark_value(((WeakRef *)o)->callback);
}

static const MethodDef weakref_methods[] = {
    {"__new__", weakref_new_m, METH_STATIC, NULL},
    {"__init__", weakref_init_m, ARGS_ANY, NULL},
    {"__call__", weakref_call_m, ARGS_ANY, NULL},
    {"__hash__", weakref_hash_m, ARGS_WRAP(0), NULL},
    {"__eq__", weakref_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", weakref_ne_m, ARGS_WRAP(1), NULL},
    {"__repr__", weakref_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};
static const GetSetDef weakref_getsets[] = {
    {"__callback__", weakref_get_callback, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};
Type type_weakref = {
    .tp_name = "weakref.ReferenceType", .base = &type_object, .flags = TF_BASETYPE,
    .basicsize = sizeof(WeakRef), .trace = weakref_trace,
    .methods = weakref_methods, .getsets = weakref_getsets,
};
GILPY_TYPE(type_weakref, NULL);

/* ---- proxies ----------------------------------------------------------------------------- */

/* The referent of a proxy, v itself if it is not one; VAL_NULL with
 * ReferenceError when the referent died. */
static Value proxy_unwrap(Value v) {
    if (!IS_OBJ(v) || !weak_is_proxy(AS_WEAK(v))) return v;
    Obj *o = AS_WEAK(v)->referent;
    if (o) return MK_OBJ(o);
    return err_format(&exc_ReferenceError, "weakly-referenced object no longer exists");
}

#define PROXY_UNWRAP(var, v) Value var = proxy_unwrap(v); if (IS_NULL(var)) return VAL_NULL

static Value proxy_getattribute_m(Value *args, int nargs, Value kwnames) {
    PROXY_UNWRAP(o, args[0]);
    return obj_getattr(o, args[1]);
}

static Value proxy_setattr_m(Value *args, int nargs, Value kwnames) {
    PROXY_UNWRAP(o, args[0]);
    return obj_setattr(o, args[1], args[2]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value proxy_delattr_m(Value *args, int nargs, Value kwnames) {
    PROXY_UNWRAP(o, args[0]);
    return obj_setattr(o, args[1], VAL_NULL) < 0 ? VAL_NULL : VAL_NONE;
}

static Value proxy_repr_m(Value *args, int nargs, Value kwnames) {
    Obj *o = AS_WEAK(args[0])->referent;
    if (!o) return str_format_c("<weakproxy at %p; dead>", (void *)AS_OBJ(args[0]));
    return str_format_c("<weakproxy at %p to %s at %p>", (void *)AS_OBJ(args[0]),
                        type_name(o->type), (void *)o);
}

static Value proxy_str_m(Value *args, int nargs, Value kwnames) {
    PROXY_UNWRAP(o, args[0]);
    return obj_str(o);
}

static Value proxy_bool_m(Value *args, int nargs, Value kwnames) {
    PROXY_UNWRAP(o, args[0]);
    int t = obj_truthy(o);
    return t < 0 ? VAL_NULL : MK_BOOL(t);
}

static Value proxy_len_m(Value *args, int nargs, Value kwnames) {
    PROXY_UNWRAP(o, args[0]);
    int64_t n = obj_len(o);
    return n < 0 ? VAL_NULL : int_from_i64(n);
}

static Value proxy_iter_m(Value *args, int nargs, Value kwnames) {
    PROXY_UNWRAP(o, args[0]);
    return obj_iter(o);
}

static Value proxy_next_m(Value *args, int nargs, Value kwnames) {
    PROXY_UNWRAP(o, args[0]);
    if (IS_NULL(val_type(o)->slots[SM_NEXT]))
        return err_format(&exc_TypeError, "Weakref proxy referenced a non-iterator '%T' object", o);
    return obj_next(o);
}

static Value proxy_contains_m(Value *args, int nargs, Value kwnames) {
    PROXY_UNWRAP(o, args[0]);
    int r = obj_contains(o, args[1]);
    return r < 0 ? VAL_NULL : MK_BOOL(r);
}

static Value proxy_getitem_m(Value *args, int nargs, Value kwnames) {
    PROXY_UNWRAP(o, args[0]);
    return obj_getitem(o, args[1]);
}

static Value proxy_setitem_m(Value *args, int nargs, Value kwnames) {
    PROXY_UNWRAP(o, args[0]);
    return obj_setitem(o, args[1], args[2]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value proxy_delitem_m(Value *args, int nargs, Value kwnames) {
    PROXY_UNWRAP(o, args[0]);
    return obj_delitem(o, args[1]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value proxy_call_m(Value *args, int nargs, Value kwnames) {
    PROXY_UNWRAP(o, args[0]);
    return call_value(o, args + 1, nargs - 1, kwnames);
}

static Value proxy_method0(Value self, const char *name) {
    PROXY_UNWRAP(o, self);
    return obj_call_method(o, name, NULL, 0);
}
static Value proxy_bytes_m(Value *args, int nargs, Value kwnames) { return proxy_method0(args[0], "__bytes__"); }
static Value proxy_reversed_m(Value *args, int nargs, Value kwnames) { return proxy_method0(args[0], "__reversed__"); }

#define PROXY_CMP(name, op)                                                                 \
    static Value proxy_##name##_m(Value *args, int nargs, Value kwnames) {                  \
        PROXY_UNWRAP(a, args[0]);                                                           \
        PROXY_UNWRAP(b, args[1]);                                                           \
        return obj_richcompare(a, b, op);                                                   \
    }
PROXY_CMP(eq, CMP_EQ) PROXY_CMP(ne, CMP_NE) PROXY_CMP(lt, CMP_LT)
PROXY_CMP(le, CMP_LE) PROXY_CMP(gt, CMP_GT) PROXY_CMP(ge, CMP_GE)

/* x op y, y op x (reflected) and x op= y, each with both operands unwrapped. */
#define PROXY_BINOP(name, op)                                                               \
    static Value proxy_##name##_m(Value *args, int nargs, Value kwnames) {                  \
        PROXY_UNWRAP(a, args[0]);                                                           \
        PROXY_UNWRAP(b, args[1]);                                                           \
        return obj_binop(a, b, op);                                                         \
    }                                                                                       \
    static Value proxy_r##name##_m(Value *args, int nargs, Value kwnames) {                 \
        PROXY_UNWRAP(a, args[0]);                                                           \
        PROXY_UNWRAP(b, args[1]);                                                           \
        return obj_binop(b, a, op);                                                         \
    }                                                                                       \
    static Value proxy_i##name##_m(Value *args, int nargs, Value kwnames) {                 \
        PROXY_UNWRAP(a, args[0]);                                                           \
        PROXY_UNWRAP(b, args[1]);                                                           \
        return obj_inplace_binop(a, b, op);                                                 \
    }
PROXY_BINOP(add, OP_ADD) PROXY_BINOP(sub, OP_SUB) PROXY_BINOP(mul, OP_MUL)
PROXY_BINOP(matmul, OP_MATMUL) PROXY_BINOP(truediv, OP_TRUEDIV)
PROXY_BINOP(floordiv, OP_FLOORDIV) PROXY_BINOP(mod, OP_MOD) PROXY_BINOP(pow, OP_POW)
PROXY_BINOP(lshift, OP_LSHIFT) PROXY_BINOP(rshift, OP_RSHIFT) PROXY_BINOP(or, OP_BITOR)
PROXY_BINOP(xor, OP_BITXOR) PROXY_BINOP(and, OP_BITAND)

#define PROXY_UNARY(name, expr)                                                             \
    static Value proxy_##name##_m(Value *args, int nargs, Value kwnames) {                  \
        PROXY_UNWRAP(o, args[0]);                                                           \
        return expr;                                                                        \
    }
PROXY_UNARY(neg, obj_unaryop(o, UOP_NEG)) PROXY_UNARY(pos, obj_unaryop(o, UOP_POS))
PROXY_UNARY(invert, obj_unaryop(o, UOP_INVERT))
PROXY_UNARY(abs, obj_call_special(o, SM_ABS, &o, 1))
PROXY_UNARY(index, obj_index(o))
PROXY_UNARY(int, obj_call_method(o, "__int__", NULL, 0))
PROXY_UNARY(float, obj_call_method(o, "__float__", NULL, 0))

#define PROXY_BINOP_DEFS(name)                                                              \
    {"__" #name "__", proxy_##name##_m, ARGS_WRAP(1), NULL},                                \
    {"__r" #name "__", proxy_r##name##_m, ARGS_WRAP(1), NULL},                              \
    {"__i" #name "__", proxy_i##name##_m, ARGS_WRAP(1), NULL}

#define PROXY_METHODS                                                                       \
    {"__getattribute__", proxy_getattribute_m, ARGS_WRAP(1), NULL},                         \
    {"__setattr__", proxy_setattr_m, ARGS_WRAP(2), NULL},                                   \
    {"__delattr__", proxy_delattr_m, ARGS_WRAP(1), NULL},                                   \
    {"__repr__", proxy_repr_m, ARGS_WRAP(0), NULL},                                         \
    {"__str__", proxy_str_m, ARGS_WRAP(0), NULL},                                           \
    {"__bool__", proxy_bool_m, ARGS_WRAP(0), NULL},                                         \
    {"__len__", proxy_len_m, ARGS_WRAP(0), NULL},                                           \
    {"__iter__", proxy_iter_m, ARGS_WRAP(0), NULL},                                         \
    {"__next__", proxy_next_m, ARGS_WRAP(0), NULL},                                         \
    {"__contains__", proxy_contains_m, ARGS_WRAP(1), NULL},                                 \
    {"__getitem__", proxy_getitem_m, ARGS_WRAP(1), NULL},                                   \
    {"__setitem__", proxy_setitem_m, ARGS_WRAP(2), NULL},                                   \
    {"__delitem__", proxy_delitem_m, ARGS_WRAP(1), NULL},                                   \
    {"__bytes__", proxy_bytes_m, ARGS_NONE, NULL},                                          \
    {"__reversed__", proxy_reversed_m, ARGS_NONE, NULL},                                    \
    {"__eq__", proxy_eq_m, ARGS_WRAP(1), NULL}, {"__ne__", proxy_ne_m, ARGS_WRAP(1), NULL}, \
    {"__lt__", proxy_lt_m, ARGS_WRAP(1), NULL}, {"__le__", proxy_le_m, ARGS_WRAP(1), NULL}, \
    {"__gt__", proxy_gt_m, ARGS_WRAP(1), NULL}, {"__ge__", proxy_ge_m, ARGS_WRAP(1), NULL}, \
    PROXY_BINOP_DEFS(add), PROXY_BINOP_DEFS(sub), PROXY_BINOP_DEFS(mul),                    \
    PROXY_BINOP_DEFS(matmul), PROXY_BINOP_DEFS(truediv), PROXY_BINOP_DEFS(floordiv),        \
    PROXY_BINOP_DEFS(mod), PROXY_BINOP_DEFS(pow), PROXY_BINOP_DEFS(lshift),                 \
    PROXY_BINOP_DEFS(rshift), PROXY_BINOP_DEFS(or), PROXY_BINOP_DEFS(xor),                  \
    PROXY_BINOP_DEFS(and),                                                                  \
    {"__neg__", proxy_neg_m, ARGS_WRAP(0), NULL}, {"__pos__", proxy_pos_m, ARGS_WRAP(0), NULL}, \
    {"__invert__", proxy_invert_m, ARGS_WRAP(0), NULL},                                     \
    {"__abs__", proxy_abs_m, ARGS_WRAP(0), NULL},                                           \
    {"__index__", proxy_index_m, ARGS_WRAP(0), NULL},                                       \
    {"__int__", proxy_int_m, ARGS_WRAP(0), NULL},                                           \
    {"__float__", proxy_float_m, ARGS_WRAP(0), NULL},                                       \
    {"__hash__", NULL, 0, NULL}

static const MethodDef proxy_methods[] = {
    PROXY_METHODS,
    {NULL, NULL, 0, NULL},
};
static const MethodDef callable_proxy_methods[] = {
    PROXY_METHODS,
    {"__call__", proxy_call_m, ARGS_ANY, NULL},
    {NULL, NULL, 0, NULL},
};
Type type_weakproxy = {
    .tp_name = "weakref.ProxyType", .base = &type_object, .basicsize = sizeof(WeakRef),
    .trace = weakref_trace, .methods = proxy_methods,
};
GILPY_TYPE(type_weakproxy, NULL);
Type type_weakcallableproxy = {
    .tp_name = "weakref.CallableProxyType", .base = &type_object, .basicsize = sizeof(WeakRef),
    .trace = weakref_trace, .methods = callable_proxy_methods,
};
GILPY_TYPE(type_weakcallableproxy, NULL);
