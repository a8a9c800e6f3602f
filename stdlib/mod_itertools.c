/* mod_itertools.c - the `itertools` module, as CPython 3.11's itertoolsmodule.c.
 *
 * Every iterator is a C type whose __next__ is a native slot (VAL_NULL with no
 * exception when exhausted), so a loop over one never enters a Python frame.
 * Constructors check their arguments at the call with CPython's messages:
 * those CPython declares with Argument Clinic go through arg_parse/arg_count,
 * and a positional-only one refuses keywords unless a subclass brings its own
 * __init__ (it_posonly), as clinic's generated code does.
 *
 * State that is "absent" (an exhausted inner iterator, a total not yet
 * computed) is VAL_NULL.  The combinatoric iterators keep their index arrays
 * in gc_malloc'd memory freed by the type's finalize; the pools are tuples.
 * __reduce__/__setstate__ produce and accept exactly CPython 3.11's states,
 * so copy, deepcopy and pickle round-trip an iterator part-way through.
 *
 * tee: the buffered values live in a linked list of _tee_dataobject links of
 * TEE_LINK values each; every _tee is a (link, index) cursor into it, so n
 * tees share one buffer and a link is freed by the collector once every
 * cursor has moved past it.  groupby remembers its current _grouper: a
 * grouper whose parent has moved on to another group is exhausted. */
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
#include "interp/modreg.h"

GILPY_MODULE("itertools", mod_itertools_init);

extern Type type_it_count, type_it_cycle, type_it_repeat, type_it_accumulate, type_it_chain,
    type_it_compress, type_it_dropwhile, type_it_takewhile, type_it_filterfalse, type_it_groupby,
    type_it_grouper, type_it_islice, type_it_pairwise, type_it_starmap, type_it_tee, type_it_teedata,
    type_it_zip_longest, type_it_product, type_it_permutations, type_it_combinations, type_it_cwr;

/* ---- shared helpers -------------------------------------------------------------------- */

/* A type's name without its module, as CPython's _PyType_Name. */
static const char *it_short_name(Type *t) {
    const char *name = type_name(t), *dot = strrchr(name, '.');
    return dot ? dot + 1 : name;
}

static Value it_self_m(Value *args, int nargs, Value kwnames) { return args[0]; }

/* A positional-only __new__ as clinic checks it: no keywords unless a
 * subclass defines its own __init__, then lo..hi positional arguments. */
static int it_no_kw(Value cls, Type *base, const char *name, Value kwnames) {
    Type *t = AS_TYPE(cls);
    int own_init = t != base && type_lookup_c(t, "__init__") != type_lookup_c(base, "__init__");
    return own_init ? 0 : arg_no_kw(name, kwnames);
}

static int it_posonly(Value *args, int nargs, Value kwnames, Type *base, const char *name, int lo, int hi) {
    if (it_no_kw(args[0], base, name, kwnames) < 0) return -1;
    int n = nargs - 1;
    if (n >= lo && n <= hi) return 0;
    int bound = n < lo ? lo : hi;
    err_format(&exc_TypeError, "%s expected %s%d argument%s, got %d", name,
               lo == hi ? "" : n < lo ? "at least " : "at most ", bound, bound == 1 ? "" : "s", n);
    return -1;
}

/* (type(self), cargs) and (type(self), cargs, state), failing on a failed part. */
static Value it_reduce2(Value self, Value cargs) {
    return IS_NULL(cargs) ? VAL_NULL : tuple_pack(2, MK_OBJ(val_type(self)), cargs);
}
static Value it_reduce3(Value self, Value cargs, Value state) {
    if (IS_NULL(cargs) || IS_NULL(state)) return VAL_NULL;
    return tuple_pack(3, MK_OBJ(val_type(self)), cargs, state);
}

/* The int64 an index-sized integer holds (int(x) for small ints). */
static Value it_ssize_val(int64_t n) { return int_from_i64(n); }

/* An index in a __setstate__ state, read as PyLong_AsSsize_t reads it (an int only). */
static int it_state_ssize(Value v, int64_t *out) {
    if (!IS_INT(v)) { err_format(&exc_TypeError, "an integer is required"); return -1; }
    return arg_to_ssize(v, out);
}

/* An int64 array of n slots from gc_malloc (NULL raised). */
static int64_t *it_indices(int64_t n) {
    return gc_malloc((size_t)(n > 0 ? n : 1) * sizeof(int64_t));
}

/* The tuple of an int64 array. */
static Value it_tuple_of(const int64_t *a, int64_t n) {
    Value t = tuple_new(n);
    if (IS_NULL(t)) return VAL_NULL;
    for (int64_t i = 0; i < n; i++) {
        Value v = it_ssize_val(a[i]);
        if (IS_NULL(v)) return VAL_NULL;
        AS_TUPLE(t)->items[i] = v;
    }
    return t;
}

static const char RED_DOC[] = "Return state information for pickling.";
static const char SET_DOC[] = "Set state information for unpickling.";

/* ---- count ----------------------------------------------------------------------------- */

/* cnt is the next value; `fast` while cnt is a small int and step is the int 1. */
typedef struct Count {
    Obj   header;
    Value cnt, step;
    int   fast;
} Count;
#define CNT(v) ((Count *)AS_OBJ(v))

static Value count_new_m(Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"start", "step"};
    Value out[2];
    if (arg_parse("count", args + 1, nargs - 1, kwnames, names, 2, 0, 0, out) < 0) return VAL_NULL;
    Value start = IS_NULL(out[0]) ? MK_SMALLINT(0) : out[0], step = IS_NULL(out[1]) ? MK_SMALLINT(1) : out[1];
    if (!obj_is_number(start) || !obj_is_number(step))
        return err_format(&exc_TypeError, "a number is required");
    int64_t s = 0;
    int step_one = IS_INT(step) && arg_to_ssize_clamped(step, &s) == 0 && s == 1;
    if (IS_INT(start) && step_one) {
        start = obj_index(start);          /* count(True) counts from the int 1 */
        if (IS_NULL(start)) return VAL_NULL;
    }
    Count *c = (Count *)obj_new_instance(AS_TYPE(args[0]));
    if (!c) return VAL_NULL;
    c->cnt = start;
    c->step = step;
    c->fast = IS_SMALLINT(start) && step_one;
    return MK_OBJ(c);
}

static Value count_next_m(Value *args, int nargs, Value kwnames) {
    Count *c = CNT(args[0]);
    Value v = c->cnt;
    if (c->fast && IS_SMALLINT(v) && AS_SMALLINT(v) < ((int64_t)1 << 46)) {
        c->cnt = MK_SMALLINT(AS_SMALLINT(v) + 1);
        return v;
    }
    Value nx = obj_binop(v, c->step, OP_ADD);
    if (IS_NULL(nx)) return VAL_NULL;
    c->cnt = nx;
    return v;
}

static Value count_repr_m(Value *args, int nargs, Value kwnames) {
    Count *c = CNT(args[0]);
    const char *name = it_short_name(val_type(args[0]));
    if (IS_INT(c->step)) {
        int64_t s;
        if (arg_to_ssize(c->step, &s) < 0) err_clear();
        else if (s == 1) return str_format_c("%s(%R)", name, c->cnt);
    }
    return str_format_c("%s(%R, %R)", name, c->cnt, c->step);
}

static Value count_reduce_m(Value *args, int nargs, Value kwnames) {
    Count *c = CNT(args[0]);
    if (c->fast && IS_SMALLINT(c->cnt)) return it_reduce2(args[0], tuple_pack(1, c->cnt));
    return it_reduce2(args[0], tuple_pack(2, c->cnt, c->step));
}

static void count_trace(Obj *o) {
    gc_mark_value(((Count *)o)->cnt);
    gc_mark_value(((Count *)o)->step);
}

/* ---- cycle ----------------------------------------------------------------------------- */

typedef struct Cycle {
    Obj     header;
    Value   it;             /* VAL_NULL once exhausted: then the saved list repeats */
    Value   saved;
    int64_t index;
    int     firstpass;
} Cycle;
#define CYC(v) ((Cycle *)AS_OBJ(v))

static Value cycle_new_m(Value *args, int nargs, Value kwnames) {
    if (it_posonly(args, nargs, kwnames, &type_it_cycle, "cycle", 1, 1) < 0) return VAL_NULL;
    Value it = obj_iter(args[1]);
    Value saved = IS_NULL(it) ? VAL_NULL : list_new(0);
    if (IS_NULL(saved)) return VAL_NULL;
    Cycle *c = (Cycle *)obj_new_instance(AS_TYPE(args[0]));
    if (!c) return VAL_NULL;
    c->it = it;
    c->saved = saved;
    return MK_OBJ(c);
}

static Value cycle_next_m(Value *args, int nargs, Value kwnames) {
    Cycle *c = CYC(args[0]);
    if (!IS_NULL(c->it)) {
        Value item = obj_next(c->it);
        if (!IS_NULL(item)) {
            if (!c->firstpass && list_append(c->saved, item) < 0) return VAL_NULL;
            return item;
        }
        if (err_occurred()) return VAL_NULL;
        c->it = VAL_NULL;
    }
    List *l = AS_LIST(c->saved);
    if (l->len == 0) return VAL_NULL;
    if (c->index >= l->len) c->index = 0;
    Value item = l->items[c->index++];
    if (c->index >= l->len) c->index = 0;
    return item;
}

static Value cycle_reduce_m(Value *args, int nargs, Value kwnames) {
    Cycle *c = CYC(args[0]);
    if (IS_NULL(c->it)) {
        Value it = obj_iter(c->saved);
        if (IS_NULL(it)) return VAL_NULL;
        if (c->index != 0) {
            Value n = MK_SMALLINT(c->index);
            if (IS_NULL(obj_call_method(it, "__setstate__", &n, 1))) return VAL_NULL;
        }
        return it_reduce3(args[0], tuple_pack(1, it), tuple_pack(2, c->saved, VAL_TRUE));
    }
    return it_reduce3(args[0], tuple_pack(1, c->it), tuple_pack(2, c->saved, MK_BOOL(c->firstpass)));
}

static Value cycle_setstate_m(Value *args, int nargs, Value kwnames) {
    Value st = args[1];
    if (!IS_TUPLE(st)) return err_format(&exc_TypeError, "state is not a tuple");
    if (AS_TUPLE(st)->len != 2)
        return err_format(&exc_TypeError, "function takes exactly 2 arguments (%lld given)",
                          (long long)AS_TUPLE(st)->len);
    Value saved = AS_TUPLE(st)->items[0];
    if (!IS_LIST(saved))
        return err_format(&exc_TypeError, "argument 1 must be list, not %T", saved);
    int first;
    if (arg_to_cint(AS_TUPLE(st)->items[1], &first) < 0) return VAL_NULL;
    CYC(args[0])->saved = saved;
    CYC(args[0])->firstpass = first != 0;
    CYC(args[0])->index = 0;
    return VAL_NONE;
}

static void cycle_trace(Obj *o) {
    gc_mark_value(((Cycle *)o)->it);
    gc_mark_value(((Cycle *)o)->saved);
}

/* ---- repeat ---------------------------------------------------------------------------- */

typedef struct Repeat {
    Obj     header;
    Value   element;
    int64_t cnt;            /* -1: forever */
} Repeat;
#define REP(v) ((Repeat *)AS_OBJ(v))

static Value repeat_new_m(Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"object", "times"};
    Value out[2];
    if (arg_parse("repeat", args + 1, nargs - 1, kwnames, names, 2, 0, 1, out) < 0) return VAL_NULL;
    int64_t cnt = -1;
    if (!IS_NULL(out[1]) && arg_to_ssize(out[1], &cnt) < 0) return VAL_NULL;
    if (!IS_NULL(out[1]) && cnt < 0) cnt = 0;
    Repeat *r = (Repeat *)obj_new_instance(AS_TYPE(args[0]));
    if (!r) return VAL_NULL;
    r->element = out[0];
    r->cnt = cnt;
    return MK_OBJ(r);
}

static Value repeat_next_m(Value *args, int nargs, Value kwnames) {
    Repeat *r = REP(args[0]);
    if (r->cnt == 0) return VAL_NULL;
    if (r->cnt > 0) r->cnt--;
    return r->element;
}

static Value repeat_repr_m(Value *args, int nargs, Value kwnames) {
    Repeat *r = REP(args[0]);
    const char *name = it_short_name(val_type(args[0]));
    if (r->cnt == -1) return str_format_c("%s(%R)", name, r->element);
    return str_format_c("%s(%R, %lld)", name, r->element, (long long)r->cnt);
}

static Value repeat_length_hint_m(Value *args, int nargs, Value kwnames) {
    if (REP(args[0])->cnt == -1) return err_format(&exc_TypeError, "len() of unsized object");
    return it_ssize_val(REP(args[0])->cnt);
}

static Value repeat_reduce_m(Value *args, int nargs, Value kwnames) {
    Repeat *r = REP(args[0]);
    if (r->cnt == -1) return it_reduce2(args[0], tuple_pack(1, r->element));
    return it_reduce2(args[0], tuple_pack(2, r->element, it_ssize_val(r->cnt)));
}

static void repeat_trace(Obj *o) { gc_mark_value(((Repeat *)o)->element); }

/* ---- accumulate ------------------------------------------------------------------------ */

typedef struct Accumulate {
    Obj   header;
    Value it, func;         /* func None: + */
    Value total;            /* VAL_NULL before the first item */
    Value initial;          /* None once given out */
} Accumulate;
#define ACC(v) ((Accumulate *)AS_OBJ(v))

static Value accumulate_new_m(Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"iterable", "func", "initial"};
    Value out[3];
    int nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    if (nargs - 1 + nkw > 3)
        return err_format(&exc_TypeError, "accumulate() takes at most 3 arguments (%d given)", nargs - 1 + nkw);
    if (nargs - 1 > 2)
        return err_format(&exc_TypeError, "accumulate() takes at most 2 positional arguments (%d given)", nargs - 1);
    if (arg_parse("accumulate", args + 1, nargs - 1, kwnames, names, 3, 0, 1, out) < 0) return VAL_NULL;
    Value it = obj_iter(out[0]);
    if (IS_NULL(it)) return VAL_NULL;
    Accumulate *a = (Accumulate *)obj_new_instance(AS_TYPE(args[0]));
    if (!a) return VAL_NULL;
    a->it = it;
    a->func = IS_NULL(out[1]) ? VAL_NONE : out[1];
    a->total = VAL_NULL;
    a->initial = IS_NULL(out[2]) ? VAL_NONE : out[2];
    return MK_OBJ(a);
}

static Value accumulate_next_m(Value *args, int nargs, Value kwnames) {
    Accumulate *a = ACC(args[0]);
    if (!IS_NONE(a->initial)) {
        a->total = a->initial;
        a->initial = VAL_NONE;
        return a->total;
    }
    Value v = obj_next(a->it);
    if (IS_NULL(v)) return VAL_NULL;
    if (IS_NULL(a->total)) return a->total = v;
    Value t = IS_NONE(a->func) ? obj_binop(a->total, v, OP_ADD) : call2(a->func, a->total, v);
    if (IS_NULL(t)) return VAL_NULL;
    return a->total = t;
}

static Value accumulate_reduce_m(Value *args, int nargs, Value kwnames) {
    Accumulate *a = ACC(args[0]);
    if (!IS_NONE(a->initial)) {
        Value first = tuple_pack(1, a->initial);
        Value it = IS_NULL(first) ? VAL_NULL : call2(MK_OBJ(&type_it_chain), first, a->it);
        if (IS_NULL(it)) return VAL_NULL;
        return it_reduce3(args[0], tuple_pack(2, it, a->func), VAL_NONE);
    }
    if (!IS_NULL(a->total) && IS_NONE(a->total)) {
        /* a total of None cannot be a state (None means "none yet"):
         * islice(accumulate(chain((None,), it), func), 1, None) */
        Value first = tuple_pack(1, VAL_NONE);
        Value it = IS_NULL(first) ? VAL_NULL : call2(MK_OBJ(&type_it_chain), first, a->it);
        Value acc = IS_NULL(it) ? VAL_NULL : call2(MK_OBJ(val_type(args[0])), it, a->func);
        if (IS_NULL(acc)) return VAL_NULL;
        Value cargs = tuple_pack(3, acc, MK_SMALLINT(1), VAL_NONE);
        return IS_NULL(cargs) ? VAL_NULL : tuple_pack(2, MK_OBJ(&type_it_islice), cargs);
    }
    return it_reduce3(args[0], tuple_pack(2, a->it, a->func), IS_NULL(a->total) ? VAL_NONE : a->total);
}

static Value accumulate_setstate_m(Value *args, int nargs, Value kwnames) {
    ACC(args[0])->total = args[1];
    return VAL_NONE;
}

static void accumulate_trace(Obj *o) {
    Accumulate *a = (Accumulate *)o;
    gc_mark_value(a->it); gc_mark_value(a->func); gc_mark_value(a->total); gc_mark_value(a->initial);
}

/* ---- chain ----------------------------------------------------------------------------- */

typedef struct Chain {
    Obj   header;
    Value source;           /* iterator over the iterables; VAL_NULL when done */
    Value active;           /* the current one's iterator, or VAL_NULL */
} Chain;
#define CHN(v) ((Chain *)AS_OBJ(v))

static Value chain_make(Type *t, Value source) {
    Chain *c = (Chain *)obj_new_instance(t);
    if (!c) return VAL_NULL;
    c->source = source;
    c->active = VAL_NULL;
    return MK_OBJ(c);
}

static Value chain_new_m(Value *args, int nargs, Value kwnames) {
    Type *t = AS_TYPE(args[0]);
    if (it_no_kw(args[0], &type_it_chain, "chain", kwnames) < 0) return VAL_NULL;
    Value iterables = tuple_new(nargs - 1);
    if (IS_NULL(iterables)) return VAL_NULL;
    for (int i = 1; i < nargs; i++) AS_TUPLE(iterables)->items[i - 1] = args[i];
    Value source = obj_iter(iterables);
    return IS_NULL(source) ? VAL_NULL : chain_make(t, source);
}

static Value chain_from_iterable_m(Value *args, int nargs, Value kwnames) {
    Value source = obj_iter(args[1]);
    return IS_NULL(source) ? VAL_NULL : chain_make(AS_TYPE(args[0]), source);
}

static Value chain_next_m(Value *args, int nargs, Value kwnames) {
    Chain *c = CHN(args[0]);
    while (!IS_NULL(c->source)) {
        if (IS_NULL(c->active)) {
            Value iterable = obj_next(c->source);
            Value it = IS_NULL(iterable) ? VAL_NULL : obj_iter(iterable);
            if (IS_NULL(it)) { c->source = VAL_NULL; return VAL_NULL; }
            c->active = it;
        }
        Value item = obj_next(c->active);
        if (!IS_NULL(item)) return item;
        if (err_occurred()) return VAL_NULL;
        c->active = VAL_NULL;
    }
    return VAL_NULL;
}

static Value chain_reduce_m(Value *args, int nargs, Value kwnames) {
    Chain *c = CHN(args[0]);
    if (IS_NULL(c->source)) return it_reduce2(args[0], tuple_empty());
    Value state = IS_NULL(c->active) ? tuple_pack(1, c->source) : tuple_pack(2, c->source, c->active);
    return it_reduce3(args[0], tuple_empty(), state);
}

static int it_is_iterator(Value v) { return !IS_NULL(val_type(v)->slots[SM_NEXT]) && !IS_NONE(val_type(v)->slots[SM_NEXT]); }

static Value chain_setstate_m(Value *args, int nargs, Value kwnames) {
    Value st = args[1];
    if (!IS_TUPLE(st)) return err_format(&exc_TypeError, "state is not a tuple");
    int64_t n = AS_TUPLE(st)->len;
    if (n < 1 || n > 2)
        return err_format(&exc_TypeError, "function takes at %s %d argument%s (%lld given)",
                          n < 1 ? "least" : "most", n < 1 ? 1 : 2, n < 1 ? "" : "s", (long long)n);
    Value source = AS_TUPLE(st)->items[0], active = n > 1 ? AS_TUPLE(st)->items[1] : VAL_NULL;
    if (!it_is_iterator(source) || (!IS_NULL(active) && !it_is_iterator(active)))
        return err_format(&exc_TypeError, "Arguments must be iterators.");
    CHN(args[0])->source = source;
    CHN(args[0])->active = active;
    return VAL_NONE;
}

static void chain_trace(Obj *o) {
    gc_mark_value(((Chain *)o)->source);
    gc_mark_value(((Chain *)o)->active);
}

/* ---- compress, dropwhile, takewhile, filterfalse, starmap ------------------------------ */

/* The shape these share: a (function or data), b an iterator, flag a state bit. */
typedef struct Pair {
    Obj   header;
    Value a, b;
    int   flag;
} Pair;
#define PR(v) ((Pair *)AS_OBJ(v))

static Value pair_make(Value cls, Value a, Value iterable) {
    Value it = obj_iter(iterable);
    if (IS_NULL(it)) return VAL_NULL;
    Pair *p = (Pair *)obj_new_instance(AS_TYPE(cls));
    if (!p) return VAL_NULL;
    p->a = a;
    p->b = it;
    return MK_OBJ(p);
}

static void pair_trace(Obj *o) {
    gc_mark_value(((Pair *)o)->a);
    gc_mark_value(((Pair *)o)->b);
}

static Value pair_reduce_m(Value *args, int nargs, Value kwnames) {
    return it_reduce2(args[0], tuple_pack(2, PR(args[0])->a, PR(args[0])->b));
}

static Value pair_reduce_flag_m(Value *args, int nargs, Value kwnames) {
    return it_reduce3(args[0], tuple_pack(2, PR(args[0])->a, PR(args[0])->b), MK_SMALLINT(PR(args[0])->flag));
}

static Value pair_setstate_flag_m(Value *args, int nargs, Value kwnames) {
    int t = obj_truthy(args[1]);
    if (t < 0) return VAL_NULL;
    PR(args[0])->flag = t;
    return VAL_NONE;
}

/* compress(data, selectors): a = data iterator, b = selectors iterator */
static Value compress_new_m(Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"data", "selectors"};
    Value out[2];
    if (arg_parse("compress", args + 1, nargs - 1, kwnames, names, 2, 0, 2, out) < 0) return VAL_NULL;
    Value data = obj_iter(out[0]);
    if (IS_NULL(data)) return VAL_NULL;
    return pair_make(args[0], data, out[1]);
}

static Value compress_next_m(Value *args, int nargs, Value kwnames) {
    Pair *p = PR(args[0]);
    for (;;) {
        Value datum = obj_next(p->a);
        if (IS_NULL(datum)) return VAL_NULL;
        Value sel = obj_next(p->b);
        if (IS_NULL(sel)) return VAL_NULL;
        int ok = obj_truthy(sel);
        if (ok > 0) return datum;
        if (ok < 0) return VAL_NULL;
    }
}

static Value dropwhile_new_m(Value *args, int nargs, Value kwnames) {
    if (it_posonly(args, nargs, kwnames, &type_it_dropwhile, "dropwhile", 2, 2) < 0) return VAL_NULL;
    return pair_make(args[0], args[1], args[2]);
}

static Value dropwhile_next_m(Value *args, int nargs, Value kwnames) {
    Pair *p = PR(args[0]);
    for (;;) {
        Value item = obj_next(p->b);
        if (IS_NULL(item) || p->flag) return item;
        Value good = call1(p->a, item);
        if (IS_NULL(good)) return VAL_NULL;
        int ok = obj_truthy(good);
        if (ok < 0) return VAL_NULL;
        if (!ok) { p->flag = 1; return item; }
    }
}

static Value takewhile_new_m(Value *args, int nargs, Value kwnames) {
    if (it_posonly(args, nargs, kwnames, &type_it_takewhile, "takewhile", 2, 2) < 0) return VAL_NULL;
    return pair_make(args[0], args[1], args[2]);
}

static Value takewhile_next_m(Value *args, int nargs, Value kwnames) {
    Pair *p = PR(args[0]);
    if (p->flag) return VAL_NULL;
    Value item = obj_next(p->b);
    if (IS_NULL(item)) return VAL_NULL;
    Value good = call1(p->a, item);
    if (IS_NULL(good)) return VAL_NULL;
    int ok = obj_truthy(good);
    if (ok > 0) return item;
    if (ok == 0) p->flag = 1;
    return VAL_NULL;
}

static Value filterfalse_new_m(Value *args, int nargs, Value kwnames) {
    if (it_posonly(args, nargs, kwnames, &type_it_filterfalse, "filterfalse", 2, 2) < 0) return VAL_NULL;
    return pair_make(args[0], args[1], args[2]);
}

static Value filterfalse_next_m(Value *args, int nargs, Value kwnames) {
    Pair *p = PR(args[0]);
    int plain = IS_NONE(p->a) || p->a == MK_OBJ(&type_bool);
    for (;;) {
        Value item = obj_next(p->b);
        if (IS_NULL(item)) return VAL_NULL;
        int ok;
        if (plain) ok = obj_truthy(item);
        else {
            Value good = call1(p->a, item);
            if (IS_NULL(good)) return VAL_NULL;
            ok = obj_truthy(good);
        }
        if (ok == 0) return item;
        if (ok < 0) return VAL_NULL;
    }
}

static Value starmap_new_m(Value *args, int nargs, Value kwnames) {
    if (it_posonly(args, nargs, kwnames, &type_it_starmap, "starmap", 2, 2) < 0) return VAL_NULL;
    return pair_make(args[0], args[1], args[2]);
}

static Value starmap_next_m(Value *args, int nargs, Value kwnames) {
    Pair *p = PR(args[0]);
    Value a = obj_next(p->b);
    if (IS_NULL(a)) return VAL_NULL;
    if (!IS_TUPLE(a)) {
        a = seq_to_tuple(a);
        if (IS_NULL(a)) return VAL_NULL;
    }
    return call_value(p->a, AS_TUPLE(a)->items, (int)AS_TUPLE(a)->len, VAL_NULL);
}

/* ---- pairwise -------------------------------------------------------------------------- */

/* a = the iterator (VAL_NULL when done), b = the previous item (VAL_NULL at first) */
static Value pairwise_new_m(Value *args, int nargs, Value kwnames) {
    if (it_posonly(args, nargs, kwnames, &type_it_pairwise, "pairwise", 1, 1) < 0) return VAL_NULL;
    Value it = obj_iter(args[1]);
    if (IS_NULL(it)) return VAL_NULL;
    Pair *p = (Pair *)obj_new_instance(AS_TYPE(args[0]));
    if (!p) return VAL_NULL;
    p->a = it;
    p->b = VAL_NULL;
    return MK_OBJ(p);
}

static Value pairwise_next_m(Value *args, int nargs, Value kwnames) {
    Pair *p = PR(args[0]);
    if (IS_NULL(p->a)) return VAL_NULL;
    if (IS_NULL(p->b)) {
        p->b = obj_next(p->a);
        if (IS_NULL(p->b)) { p->a = VAL_NULL; return VAL_NULL; }
    }
    Value nw = obj_next(p->a);
    if (IS_NULL(nw)) { p->a = p->b = VAL_NULL; return VAL_NULL; }
    Value r = tuple_pack(2, p->b, nw);
    p->b = nw;
    return r;
}

/* ---- groupby and _grouper -------------------------------------------------------------- */

typedef struct GroupBy {
    Obj   header;
    Value it, keyfunc;
    Value tgtkey, currkey, currvalue;   /* VAL_NULL when unset */
    Value currgrouper;                  /* the live _grouper, or VAL_NULL */
} GroupBy;
#define GB(v) ((GroupBy *)AS_OBJ(v))

typedef struct Grouper {
    Obj   header;
    Value parent, tgtkey;
} Grouper;
#define GRP(v) ((Grouper *)AS_OBJ(v))

static Value groupby_new_m(Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"iterable", "key"};
    Value out[2];
    if (arg_parse("groupby", args + 1, nargs - 1, kwnames, names, 2, 0, 1, out) < 0) return VAL_NULL;
    Value it = obj_iter(out[0]);
    if (IS_NULL(it)) return VAL_NULL;
    GroupBy *g = (GroupBy *)obj_new_instance(AS_TYPE(args[0]));
    if (!g) return VAL_NULL;
    g->it = it;
    g->keyfunc = IS_NULL(out[1]) ? VAL_NONE : out[1];
    g->tgtkey = g->currkey = g->currvalue = g->currgrouper = VAL_NULL;
    return MK_OBJ(g);
}

/* Read the next value and its key into currvalue/currkey: 0, or -1 (ended or raised). */
static int groupby_step(GroupBy *g) {
    Value v = obj_next(g->it);
    if (IS_NULL(v)) return -1;
    Value k = IS_NONE(g->keyfunc) ? v : call1(g->keyfunc, v);
    if (IS_NULL(k)) return -1;
    g->currvalue = v;
    g->currkey = k;
    return 0;
}

static Value grouper_make(Type *t, Value parent, Value tgtkey) {
    Grouper *gr = (Grouper *)obj_new_instance(t);
    if (!gr) return VAL_NULL;
    gr->parent = parent;
    gr->tgtkey = tgtkey;
    GB(parent)->currgrouper = MK_OBJ(gr);
    return MK_OBJ(gr);
}

static Value groupby_next_m(Value *args, int nargs, Value kwnames) {
    GroupBy *g = GB(args[0]);
    g->currgrouper = VAL_NULL;
    for (;;) {                          /* skip the rest of the current group */
        if (IS_NULL(g->currkey)) { /* nothing read yet */ }
        else if (IS_NULL(g->tgtkey)) break;
        else {
            int eq = obj_richcompare_bool(g->tgtkey, g->currkey, CMP_EQ);
            if (eq < 0) return VAL_NULL;
            if (eq == 0) break;
        }
        if (groupby_step(g) < 0) return VAL_NULL;
    }
    g->tgtkey = g->currkey;
    Value gr = grouper_make(&type_it_grouper, args[0], g->tgtkey);
    return IS_NULL(gr) ? VAL_NULL : tuple_pack(2, g->currkey, gr);
}

static Value groupby_reduce_m(Value *args, int nargs, Value kwnames) {
    GroupBy *g = GB(args[0]);
    Value cargs = tuple_pack(2, g->it, g->keyfunc);
    if (!IS_NULL(g->tgtkey) && !IS_NULL(g->currkey) && !IS_NULL(g->currvalue))
        return it_reduce3(args[0], cargs, tuple_pack(3, g->currkey, g->currvalue, g->tgtkey));
    return it_reduce2(args[0], cargs);
}

static Value groupby_setstate_m(Value *args, int nargs, Value kwnames) {
    Value st = args[1];
    if (!IS_TUPLE(st)) return err_format(&exc_TypeError, "state is not a tuple");
    if (AS_TUPLE(st)->len != 3)
        return err_format(&exc_TypeError, "function takes exactly 3 arguments (%lld given)",
                          (long long)AS_TUPLE(st)->len);
    GroupBy *g = GB(args[0]);
    g->currkey = AS_TUPLE(st)->items[0];
    g->currvalue = AS_TUPLE(st)->items[1];
    g->tgtkey = AS_TUPLE(st)->items[2];
    return VAL_NONE;
}

static void groupby_trace(Obj *o) {
    GroupBy *g = (GroupBy *)o;
    gc_mark_value(g->it); gc_mark_value(g->keyfunc); gc_mark_value(g->tgtkey);
    gc_mark_value(g->currkey); gc_mark_value(g->currvalue); gc_mark_value(g->currgrouper);
}

static Value grouper_new_m(Value *args, int nargs, Value kwnames) {
    if (it_posonly(args, nargs, kwnames, &type_it_grouper, "_grouper", 2, 2) < 0) return VAL_NULL;
    if (!IS_OBJ(args[1]) || !type_is_subtype(val_type(args[1]), &type_it_groupby))
        return err_format(&exc_TypeError, "_grouper() argument 1 must be itertools.groupby, not %T", args[1]);
    return grouper_make(AS_TYPE(args[0]), args[1], args[2]);
}

static Value grouper_next_m(Value *args, int nargs, Value kwnames) {
    Grouper *gr = GRP(args[0]);
    GroupBy *g = GB(gr->parent);
    if (g->currgrouper != args[0]) return VAL_NULL;
    if (IS_NULL(g->currvalue) && groupby_step(g) < 0) return VAL_NULL;
    int eq = obj_richcompare_bool(gr->tgtkey, g->currkey, CMP_EQ);
    if (eq <= 0) return VAL_NULL;
    Value r = g->currvalue;
    g->currvalue = VAL_NULL;
    return r;
}

static Value grouper_reduce_m(Value *args, int nargs, Value kwnames) {
    Grouper *gr = GRP(args[0]);
    if (GB(gr->parent)->currgrouper != args[0]) {
        Value empty = tuple_pack(1, tuple_empty());
        return IS_NULL(empty) ? VAL_NULL : tuple_pack(2, iter_builtin(), empty);
    }
    return it_reduce2(args[0], tuple_pack(2, gr->parent, gr->tgtkey));
}

static void grouper_trace(Obj *o) {
    gc_mark_value(((Grouper *)o)->parent);
    gc_mark_value(((Grouper *)o)->tgtkey);
}

/* ---- islice ---------------------------------------------------------------------------- */

typedef struct ISlice {
    Obj     header;
    Value   it;             /* VAL_NULL once done */
    int64_t next, stop, step, cnt;      /* stop -1: none */
} ISlice;
#define ISL(v) ((ISlice *)AS_OBJ(v))

/* An index as islice reads it: -1 (the error cleared) when not an index-sized integer. */
static int64_t islice_index(Value v) {
    int64_t i;
    if (arg_to_ssize(v, &i) < 0) { err_clear(); return -1; }
    return i;
}

static Value islice_new_m(Value *args, int nargs, Value kwnames) {
    static const char STOP_MSG[] = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    if (it_no_kw(args[0], &type_it_islice, "islice", kwnames) < 0) return VAL_NULL;
    int n = nargs - 1;
    if (n < 2 || n > 4)
        return err_format(&exc_TypeError, "islice expected %s %d argument%s, got %d", n < 2 ? "at least" : "at most",
                          n < 2 ? 2 : 4, "s", n);
    int64_t start = 0, stop = -1, step = 1;
    if (n == 2) {
        if (!IS_NONE(args[2])) {
            stop = islice_index(args[2]);
            if (stop == -1) return err_format(&exc_ValueError, STOP_MSG);
        }
    } else {
        if (!IS_NONE(args[2])) start = islice_index(args[2]);
        if (!IS_NONE(args[3])) {
            stop = islice_index(args[3]);
            if (stop == -1) return err_format(&exc_ValueError, STOP_MSG);
        }
    }
    if (start < 0 || stop < -1)
        return err_format(&exc_ValueError,
                          "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
    if (n == 4 && !IS_NONE(args[4])) step = islice_index(args[4]);
    if (step < 1) return err_format(&exc_ValueError, "Step for islice() must be a positive integer or None.");
    Value it = obj_iter(args[1]);
    if (IS_NULL(it)) return VAL_NULL;
    ISlice *s = (ISlice *)obj_new_instance(AS_TYPE(args[0]));
    if (!s) return VAL_NULL;
    s->it = it;
    s->next = start;
    s->stop = stop;
    s->step = step;
    return MK_OBJ(s);
}

static Value islice_next_m(Value *args, int nargs, Value kwnames) {
    ISlice *s = ISL(args[0]);
    Value it = s->it;
    if (IS_NULL(it)) return VAL_NULL;
    while (s->cnt < s->next) {
        if (IS_NULL(obj_next(it))) goto empty;
        s->cnt++;
    }
    if (s->stop != -1 && s->cnt >= s->stop) goto empty;
    Value item = obj_next(it);
    if (IS_NULL(item)) goto empty;
    s->cnt++;
    int64_t old = s->next;
    if (__builtin_add_overflow(s->next, s->step, &s->next) || s->next < old
        || (s->stop != -1 && s->next > s->stop))
        s->next = s->stop;
    return item;
empty:
    s->it = VAL_NULL;
    return VAL_NULL;
}

static Value islice_reduce_m(Value *args, int nargs, Value kwnames) {
    ISlice *s = ISL(args[0]);
    if (IS_NULL(s->it)) {
        Value l = list_new(0), it = IS_NULL(l) ? VAL_NULL : obj_iter(l);
        if (IS_NULL(it)) return VAL_NULL;
        return it_reduce3(args[0], tuple_pack(2, it, MK_SMALLINT(0)), MK_SMALLINT(0));
    }
    Value stop = s->stop == -1 ? VAL_NONE : it_ssize_val(s->stop);
    Value nx = it_ssize_val(s->next), step = it_ssize_val(s->step), cnt = it_ssize_val(s->cnt);
    if (IS_NULL(stop) || IS_NULL(nx) || IS_NULL(step) || IS_NULL(cnt)) return VAL_NULL;
    return it_reduce3(args[0], tuple_pack(4, s->it, nx, stop, step), cnt);
}

static Value islice_setstate_m(Value *args, int nargs, Value kwnames) {
    int64_t cnt;
    if (it_state_ssize(args[1], &cnt) < 0) return VAL_NULL;
    ISL(args[0])->cnt = cnt;
    return VAL_NONE;
}

static void islice_trace(Obj *o) { gc_mark_value(((ISlice *)o)->it); }

/* ---- tee ------------------------------------------------------------------------------- */

#define TEE_LINK 57

typedef struct TeeData {
    Obj   header;
    Value it;
    int   numread, running;
    Value nextlink;         /* the next link once this one is full, or VAL_NULL */
    Value values[TEE_LINK];
} TeeData;
#define TD(v) ((TeeData *)AS_OBJ(v))

typedef struct Tee {
    Obj   header;
    Value data;             /* a TeeData */
    int   index;            /* the next value's position in it */
} Tee;
#define TEE(v) ((Tee *)AS_OBJ(v))

static Value teedata_make(Value it) {
    TeeData *d = (TeeData *)gc_alloc(&type_it_teedata, sizeof(TeeData));
    if (!d) return VAL_NULL;
    d->it = it;
    d->nextlink = VAL_NULL;
    return MK_OBJ(d);
}

static Value teedata_next_link(TeeData *d) {
    if (IS_NULL(d->nextlink)) d->nextlink = teedata_make(d->it);
    return d->nextlink;
}

static Value teedata_get(TeeData *d, int i) {
    if (i < d->numread) return d->values[i];
    if (d->running) return err_format(&exc_RuntimeError, "cannot re-enter the tee iterator");
    d->running = 1;
    Value v = obj_next(d->it);
    d->running = 0;
    if (IS_NULL(v)) return VAL_NULL;
    d->values[d->numread++] = v;
    return v;
}

static Value teedata_reduce_m(Value *args, int nargs, Value kwnames) {
    TeeData *d = TD(args[0]);
    Value values = list_new(d->numread);
    if (IS_NULL(values)) return VAL_NULL;
    for (int i = 0; i < d->numread; i++) AS_LIST(values)->items[i] = d->values[i];
    AS_LIST(values)->len = d->numread;
    return it_reduce2(args[0], tuple_pack(3, d->it, values, IS_NULL(d->nextlink) ? VAL_NONE : d->nextlink));
}

static Value teedata_new_m(Value *args, int nargs, Value kwnames) {
    if (it_posonly(args, nargs, kwnames, &type_it_teedata, "teedataobject", 3, 3) < 0) return VAL_NULL;
    Value values = args[2], next = args[3];
    if (!IS_LIST(values))
        return err_format(&exc_TypeError, "teedataobject() argument 2 must be list, not %T", values);
    int64_t len = AS_LIST(values)->len;
    int ok = len <= TEE_LINK
        && (len == TEE_LINK ? IS_NONE(next) || val_type(next) == &type_it_teedata : IS_NONE(next));
    if (!ok) return err_format(&exc_ValueError, "Invalid arguments");
    Value it = obj_iter(args[1]);
    Value dv = IS_NULL(it) ? VAL_NULL : teedata_make(it);
    if (IS_NULL(dv)) return VAL_NULL;
    TeeData *d = TD(dv);
    for (int64_t i = 0; i < len; i++) d->values[i] = AS_LIST(values)->items[i];
    d->numread = (int)len;
    if (!IS_NONE(next)) d->nextlink = next;
    return dv;
}

static void teedata_trace(Obj *o) {
    TeeData *d = (TeeData *)o;
    gc_mark_value(d->it);
    gc_mark_value(d->nextlink);
    gc_mark_values(d->values, (size_t)d->numread);
}

static Value tee_make(Type *t, Value data, int index) {
    Tee *e = (Tee *)gc_alloc(t, sizeof(Tee));
    if (!e) return VAL_NULL;
    e->data = data;
    e->index = index;
    return MK_OBJ(e);
}

static Value tee_copy_m(Value *args, int nargs, Value kwnames) {
    return tee_make(&type_it_tee, TEE(args[0])->data, TEE(args[0])->index);
}

/* A _tee over iterable: a copy when iter(iterable) is a _tee already. */
static Value tee_from_iterable(Value iterable) {
    Value it = obj_iter(iterable);
    if (IS_NULL(it)) return VAL_NULL;
    if (val_type(it) == &type_it_tee) return tee_make(&type_it_tee, TEE(it)->data, TEE(it)->index);
    Value d = teedata_make(it);
    return IS_NULL(d) ? VAL_NULL : tee_make(&type_it_tee, d, 0);
}

static Value tee_new_m(Value *args, int nargs, Value kwnames) {
    if (it_posonly(args, nargs, kwnames, &type_it_tee, "_tee", 1, 1) < 0) return VAL_NULL;
    return tee_from_iterable(args[1]);
}

static Value tee_next_m(Value *args, int nargs, Value kwnames) {
    Tee *e = TEE(args[0]);
    if (e->index >= TEE_LINK) {
        Value link = teedata_next_link(TD(e->data));
        if (IS_NULL(link)) return VAL_NULL;
        e->data = link;
        e->index = 0;
    }
    Value v = teedata_get(TD(e->data), e->index);
    if (IS_NULL(v)) return VAL_NULL;
    e->index++;
    return v;
}

static Value tee_reduce_m(Value *args, int nargs, Value kwnames) {
    Value cargs = tuple_pack(1, tuple_empty());
    return it_reduce3(args[0], cargs, tuple_pack(2, TEE(args[0])->data, MK_SMALLINT(TEE(args[0])->index)));
}

static Value tee_setstate_m(Value *args, int nargs, Value kwnames) {
    Value st = args[1];
    if (!IS_TUPLE(st)) return err_format(&exc_TypeError, "state is not a tuple");
    if (AS_TUPLE(st)->len != 2)
        return err_format(&exc_TypeError, "function takes exactly 2 arguments (%lld given)",
                          (long long)AS_TUPLE(st)->len);
    Value d = AS_TUPLE(st)->items[0];
    if (val_type(d) != &type_it_teedata)
        return err_format(&exc_TypeError, "argument 1 must be itertools._tee_dataobject, not %T", d);
    int index;
    if (arg_to_cint(AS_TUPLE(st)->items[1], &index) < 0) return VAL_NULL;
    if (index < 0 || index > TEE_LINK) return err_format(&exc_ValueError, "Index out of range");
    TEE(args[0])->data = d;
    TEE(args[0])->index = index;
    return VAL_NONE;
}

static void tee_trace(Obj *o) { gc_mark_value(((Tee *)o)->data); }

/* tee(iterable, n=2, /): n independent iterators; copies through __copy__ when the iterator has one. */
static Value it_tee(Value *args, int nargs, Value kwnames) {
    int64_t n = 2;
    if (!IS_NULL(args[1]) && arg_to_ssize(args[1], &n) < 0) return VAL_NULL;
    if (n < 0) return err_format(&exc_ValueError, "n must be >= 0");
    Value result = tuple_new(n);
    if (IS_NULL(result) || n == 0) return result;
    for (int64_t i = 0; i < n; i++) AS_TUPLE(result)->items[i] = VAL_NONE;
    Value it = obj_iter(args[0]);
    if (IS_NULL(it)) return VAL_NULL;
    Value copyfunc = obj_getattr_opt(it, str_intern_c("__copy__"));
    if (IS_NULL(copyfunc)) {
        if (err_occurred()) return VAL_NULL;
        it = tee_from_iterable(it);
        copyfunc = IS_NULL(it) ? VAL_NULL : obj_getattr_c(it, "__copy__");
        if (IS_NULL(copyfunc)) return VAL_NULL;
    }
    AS_TUPLE(result)->items[0] = it;
    for (int64_t i = 1; i < n; i++) {
        Value c = call0(copyfunc);
        if (IS_NULL(c)) return VAL_NULL;
        AS_TUPLE(result)->items[i] = c;
    }
    return result;
}

/* ---- zip_longest ----------------------------------------------------------------------- */

typedef struct ZipLongest {
    Obj     header;
    Value   its;            /* tuple of iterators, VAL_NULL where exhausted */
    Value   fillvalue;
    int64_t numactive;
} ZipLongest;
#define ZL(v) ((ZipLongest *)AS_OBJ(v))

static Value zip_longest_new_m(Value *args, int nargs, Value kwnames) {
    Value fill = VAL_NONE;
    if (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len > 0) {
        if (AS_TUPLE(kwnames)->len != 1 || !str_eq_c(AS_TUPLE(kwnames)->items[0], "fillvalue"))
            return err_format(&exc_TypeError, "zip_longest() got an unexpected keyword argument");
        fill = args[nargs];
    }
    Value its = tuple_new(nargs - 1);
    if (IS_NULL(its)) return VAL_NULL;
    for (int i = 1; i < nargs; i++) {
        Value it = obj_iter(args[i]);
        if (IS_NULL(it)) return VAL_NULL;
        AS_TUPLE(its)->items[i - 1] = it;
    }
    ZipLongest *z = (ZipLongest *)obj_new_instance(AS_TYPE(args[0]));
    if (!z) return VAL_NULL;
    z->its = its;
    z->fillvalue = fill;
    z->numactive = nargs - 1;
    return MK_OBJ(z);
}

static Value zip_longest_next_m(Value *args, int nargs, Value kwnames) {
    ZipLongest *z = ZL(args[0]);
    Tuple *its = AS_TUPLE(z->its);
    int64_t n = its->len;
    if (n == 0 || z->numactive == 0) return VAL_NULL;
    Value res = tuple_new(n);
    if (IS_NULL(res)) return VAL_NULL;
    for (int64_t i = 0; i < n; i++) {
        Value item = z->fillvalue;
        if (!IS_NULL(its->items[i])) {
            item = obj_next(its->items[i]);
            if (IS_NULL(item)) {
                z->numactive--;
                if (z->numactive == 0 || err_occurred()) { z->numactive = 0; return VAL_NULL; }
                item = z->fillvalue;
                its->items[i] = VAL_NULL;
            }
        }
        AS_TUPLE(res)->items[i] = item;
    }
    return res;
}

static Value zip_longest_reduce_m(Value *args, int nargs, Value kwnames) {
    ZipLongest *z = ZL(args[0]);
    Tuple *its = AS_TUPLE(z->its);
    Value cargs = tuple_new(its->len);
    if (IS_NULL(cargs)) return VAL_NULL;
    for (int64_t i = 0; i < its->len; i++)
        AS_TUPLE(cargs)->items[i] = IS_NULL(its->items[i]) ? tuple_empty() : its->items[i];
    return it_reduce3(args[0], cargs, z->fillvalue);
}

static Value zip_longest_setstate_m(Value *args, int nargs, Value kwnames) {
    ZL(args[0])->fillvalue = args[1];
    return VAL_NONE;
}

static void zip_longest_trace(Obj *o) {
    gc_mark_value(((ZipLongest *)o)->its);
    gc_mark_value(((ZipLongest *)o)->fillvalue);
}

/* ---- product, permutations, combinations, combinations_with_replacement ---------------- */

/* The combinatoric iterators' shared layout.  product: pool is the tuple of
 * pools, r their count; the others: pool the tuple of items, n its length.
 * `result` is VAL_NULL before the first tuple. */
typedef struct Combi {
    Obj      header;
    Value    pool, result;
    int64_t *indices;       /* product: r; permutations: n; combinations: r */
    int64_t *cycles;        /* permutations only: r */
    int64_t  n, r;
    int      stopped;
} Combi;
#define CB(v) ((Combi *)AS_OBJ(v))

static void combi_trace(Obj *o) {
    gc_mark_value(((Combi *)o)->pool);
    gc_mark_value(((Combi *)o)->result);
}

static void combi_finalize(Obj *o) {
    Combi *c = (Combi *)o;
    if (c->indices) gc_free(c->indices, (size_t)(c->n > c->r ? c->n : c->r > 0 ? c->r : 1) * sizeof(int64_t));
    if (c->cycles) gc_free(c->cycles, (size_t)(c->r > 0 ? c->r : 1) * sizeof(int64_t));
    c->indices = c->cycles = NULL;
}

/* A Combi of type cls over pool with `nidx` indices (sized max(n, r) for finalize). */
static Combi *combi_make(Value cls, Value pool, int64_t n, int64_t r) {
    Combi *c = (Combi *)obj_new_instance(AS_TYPE(cls));
    if (!c) return NULL;
    c->pool = pool;
    c->result = VAL_NULL;
    c->n = n;
    c->r = r;
    c->indices = it_indices(n > r ? n : r);
    if (!c->indices) return NULL;
    memset(c->indices, 0, (size_t)(n > r ? n : r > 0 ? r : 1) * sizeof(int64_t));
    return c;
}

/* The tuple result with positions from..r-1 set from the indices (a fresh tuple each time:
 * the caller may keep the previous one). */
static Value combi_result(Combi *c, int product) {
    Value t = tuple_new(c->r);
    if (IS_NULL(t)) return VAL_NULL;
    Tuple *pool = AS_TUPLE(c->pool);
    for (int64_t i = 0; i < c->r; i++)
        AS_TUPLE(t)->items[i] = product ? AS_TUPLE(pool->items[i])->items[c->indices[i]] : pool->items[c->indices[i]];
    return c->result = t;
}

/* The object and its index arrays, as CPython counts them. */
static Value combi_sizeof_m(Value *args, int nargs, Value kwnames) {
    Combi *c = CB(args[0]);
    int64_t words = val_type(args[0]) == &type_it_product || type_is_subtype(val_type(args[0]), &type_it_product)
        ? c->r : c->cycles ? AS_TUPLE(c->pool)->len + c->r : c->r;
    return int_from_i64((int64_t)val_type(args[0])->basicsize + words * (int64_t)sizeof(int64_t));
}

static Value combi_pool_of(Value iterable) { return seq_to_tuple(iterable); }

static Value product_new_m(Value *args, int nargs, Value kwnames) {
    int64_t repeat = 1;
    if (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len > 0) {
        int64_t nk = AS_TUPLE(kwnames)->len;
        if (nk > 1)
            return err_format(&exc_TypeError, "product() takes at most 1 keyword argument (%lld given)", (long long)nk);
        if (!str_eq_c(AS_TUPLE(kwnames)->items[0], "repeat"))
            return err_format(&exc_TypeError, "'%U' is an invalid keyword argument for product()",
                              AS_TUPLE(kwnames)->items[0]);
        if (arg_to_ssize(args[nargs], &repeat) < 0) return VAL_NULL;
        if (repeat < 0) return err_format(&exc_ValueError, "repeat argument cannot be negative");
    }
    int64_t npools = nargs - 1;
    if (repeat && npools > INT64_MAX / 16 / repeat) return err_format(&exc_OverflowError, "repeat argument too large");
    int64_t total = npools * repeat;
    Value given = tuple_new(npools);        /* every iterable is read, even with repeat=0 */
    if (IS_NULL(given)) return VAL_NULL;
    for (int64_t i = 0; i < npools; i++) {
        Value p = combi_pool_of(args[1 + i]);
        if (IS_NULL(p)) return VAL_NULL;
        AS_TUPLE(given)->items[i] = p;
    }
    Value pools = tuple_new(total);
    if (IS_NULL(pools)) return VAL_NULL;
    for (int64_t i = 0; i < total; i++) AS_TUPLE(pools)->items[i] = AS_TUPLE(given)->items[i % npools];
    Combi *c = combi_make(args[0], pools, 0, total);
    return c ? MK_OBJ(c) : VAL_NULL;
}

static Value product_next_m(Value *args, int nargs, Value kwnames) {
    Combi *c = CB(args[0]);
    if (c->stopped) return VAL_NULL;
    Tuple *pools = AS_TUPLE(c->pool);
    if (IS_NULL(c->result)) {
        for (int64_t i = 0; i < c->r; i++)
            if (AS_TUPLE(pools->items[i])->len == 0) goto empty;
        return combi_result(c, 1);
    }
    int64_t i;
    for (i = c->r - 1; i >= 0; i--) {
        if (++c->indices[i] < AS_TUPLE(pools->items[i])->len) break;
        c->indices[i] = 0;
    }
    if (i < 0) goto empty;
    return combi_result(c, 1);
empty:
    c->stopped = 1;
    return VAL_NULL;
}

static Value product_reduce_m(Value *args, int nargs, Value kwnames) {
    Combi *c = CB(args[0]);
    if (c->stopped) return it_reduce2(args[0], tuple_pack(1, tuple_empty()));
    if (IS_NULL(c->result)) return it_reduce2(args[0], c->pool);
    return it_reduce3(args[0], c->pool, it_tuple_of(c->indices, c->r));
}

static Value product_setstate_m(Value *args, int nargs, Value kwnames) {
    Combi *c = CB(args[0]);
    Value st = args[1];
    if (!IS_TUPLE(st) || AS_TUPLE(st)->len != c->r) return err_format(&exc_ValueError, "invalid arguments");
    for (int64_t i = 0; i < c->r; i++) {
        int64_t index;
        if (it_state_ssize(AS_TUPLE(st)->items[i], &index) < 0) return VAL_NULL;
        int64_t size = AS_TUPLE(AS_TUPLE(c->pool)->items[i])->len;
        if (size == 0) { c->stopped = 1; return VAL_NONE; }
        c->indices[i] = index < 0 ? 0 : index > size - 1 ? size - 1 : index;
    }
    return IS_NULL(combi_result(c, 1)) ? VAL_NULL : VAL_NONE;
}

/* combinations(iterable, r) and combinations_with_replacement(iterable, r) */
static Value combinations_make(Value *args, int nargs, Value kwnames, const char *name, int repl) {
    static const char *const names[] = {"iterable", "r"};
    Value out[2];
    if (arg_parse(name, args + 1, nargs - 1, kwnames, names, 2, 0, 2, out) < 0) return VAL_NULL;
    int64_t r;
    if (arg_to_ssize(out[1], &r) < 0) return VAL_NULL;
    Value pool = combi_pool_of(out[0]);
    if (IS_NULL(pool)) return VAL_NULL;
    if (r < 0) return err_format(&exc_ValueError, "r must be non-negative");
    int64_t n = AS_TUPLE(pool)->len;
    Combi *c = combi_make(args[0], pool, n, r);
    if (!c) return VAL_NULL;
    for (int64_t i = 0; i < r; i++) c->indices[i] = repl ? 0 : i;
    c->stopped = repl ? n == 0 && r > 0 : r > n;
    return MK_OBJ(c);
}

static Value combinations_new_m(Value *args, int nargs, Value kwnames) {
    return combinations_make(args, nargs, kwnames, "combinations", 0);
}
static Value cwr_new_m(Value *args, int nargs, Value kwnames) {
    return combinations_make(args, nargs, kwnames, "combinations_with_replacement", 1);
}

static Value combinations_next_m(Value *args, int nargs, Value kwnames) {
    Combi *c = CB(args[0]);
    if (c->stopped) return VAL_NULL;
    if (IS_NULL(c->result)) return combi_result(c, 0);
    int64_t n = AS_TUPLE(c->pool)->len, r = c->r, i;
    for (i = r - 1; i >= 0 && c->indices[i] == i + n - r; i--) {}
    if (i < 0) { c->stopped = 1; return VAL_NULL; }
    c->indices[i]++;
    for (int64_t j = i + 1; j < r; j++) c->indices[j] = c->indices[j - 1] + 1;
    return combi_result(c, 0);
}

static Value cwr_next_m(Value *args, int nargs, Value kwnames) {
    Combi *c = CB(args[0]);
    if (c->stopped) return VAL_NULL;
    if (IS_NULL(c->result)) return combi_result(c, 0);
    int64_t n = AS_TUPLE(c->pool)->len, r = c->r, i;
    for (i = r - 1; i >= 0 && c->indices[i] == n - 1; i--) {}
    if (i < 0) { c->stopped = 1; return VAL_NULL; }
    int64_t index = c->indices[i] + 1;
    for (int64_t j = i; j < r; j++) c->indices[j] = index;
    return combi_result(c, 0);
}

static Value combinations_reduce_m(Value *args, int nargs, Value kwnames) {
    Combi *c = CB(args[0]);
    Value r = it_ssize_val(c->r);
    if (IS_NULL(r)) return VAL_NULL;
    if (IS_NULL(c->result)) return it_reduce2(args[0], tuple_pack(2, c->pool, r));
    if (c->stopped) return it_reduce2(args[0], tuple_pack(2, tuple_empty(), r));
    return it_reduce3(args[0], tuple_pack(2, c->pool, r), it_tuple_of(c->indices, c->r));
}

static Value combinations_setstate(Value *args, int repl) {
    Combi *c = CB(args[0]);
    Value st = args[1];
    if (!IS_TUPLE(st) || AS_TUPLE(st)->len != c->r) return err_format(&exc_ValueError, "invalid arguments");
    int64_t n = AS_TUPLE(c->pool)->len;
    for (int64_t i = 0; i < c->r; i++) {
        int64_t index;
        if (it_state_ssize(AS_TUPLE(st)->items[i], &index) < 0) return VAL_NULL;
        int64_t max = repl ? n - 1 : i + n - c->r;
        if (index > max) index = max;
        if (index < 0) index = 0;
        c->indices[i] = index;
    }
    return IS_NULL(combi_result(c, 0)) ? VAL_NULL : VAL_NONE;
}
static Value combinations_setstate_m(Value *args, int nargs, Value kwnames) { return combinations_setstate(args, 0); }
static Value cwr_setstate_m(Value *args, int nargs, Value kwnames) { return combinations_setstate(args, 1); }

static Value permutations_new_m(Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"iterable", "r"};
    Value out[2];
    if (arg_parse("permutations", args + 1, nargs - 1, kwnames, names, 2, 0, 1, out) < 0) return VAL_NULL;
    Value pool = combi_pool_of(out[0]);
    if (IS_NULL(pool)) return VAL_NULL;
    int64_t n = AS_TUPLE(pool)->len, r = n;
    if (!IS_NULL(out[1]) && !IS_NONE(out[1])) {
        if (!IS_INT(out[1])) return err_format(&exc_TypeError, "Expected int as r");
        if (arg_to_ssize(out[1], &r) < 0) return VAL_NULL;
    }
    if (r < 0) return err_format(&exc_ValueError, "r must be non-negative");
    Combi *c = combi_make(args[0], pool, n, r);
    if (!c) return VAL_NULL;
    c->cycles = it_indices(r);
    if (!c->cycles) return VAL_NULL;
    for (int64_t i = 0; i < n; i++) c->indices[i] = i;
    for (int64_t i = 0; i < r; i++) c->cycles[i] = n - i;
    c->stopped = r > n;
    return MK_OBJ(c);
}

static Value permutations_next_m(Value *args, int nargs, Value kwnames) {
    Combi *c = CB(args[0]);
    if (c->stopped) return VAL_NULL;
    if (IS_NULL(c->result)) return combi_result(c, 0);
    int64_t n = AS_TUPLE(c->pool)->len, r = c->r, i;
    int64_t *ix = c->indices, *cy = c->cycles;
    if (n == 0) goto empty;
    for (i = r - 1; i >= 0; i--) {
        if (--cy[i] == 0) {             /* indices[i:] = indices[i+1:] + indices[i:i+1] */
            int64_t first = ix[i];
            memmove(ix + i, ix + i + 1, (size_t)(n - 1 - i) * sizeof(int64_t));
            ix[n - 1] = first;
            cy[i] = n - i;
        } else {
            int64_t j = cy[i], t = ix[i];
            ix[i] = ix[n - j];
            ix[n - j] = t;
            break;
        }
    }
    if (i < 0) goto empty;
    return combi_result(c, 0);
empty:
    c->stopped = 1;
    return VAL_NULL;
}

static Value permutations_reduce_m(Value *args, int nargs, Value kwnames) {
    Combi *c = CB(args[0]);
    Value r = it_ssize_val(c->r);
    if (IS_NULL(r)) return VAL_NULL;
    if (IS_NULL(c->result)) return it_reduce2(args[0], tuple_pack(2, c->pool, r));
    if (c->stopped) return it_reduce2(args[0], tuple_pack(2, tuple_empty(), r));
    Value ix = it_tuple_of(c->indices, AS_TUPLE(c->pool)->len), cy = it_tuple_of(c->cycles, c->r);
    if (IS_NULL(ix) || IS_NULL(cy)) return VAL_NULL;
    return it_reduce3(args[0], tuple_pack(2, c->pool, r), tuple_pack(2, ix, cy));
}

static Value permutations_setstate_m(Value *args, int nargs, Value kwnames) {
    Combi *c = CB(args[0]);
    Value st = args[1];
    if (!IS_TUPLE(st)) return err_format(&exc_TypeError, "state is not a tuple");
    if (AS_TUPLE(st)->len != 2)
        return err_format(&exc_TypeError, "function takes exactly 2 arguments (%lld given)",
                          (long long)AS_TUPLE(st)->len);
    Value ix = AS_TUPLE(st)->items[0], cy = AS_TUPLE(st)->items[1];
    if (!IS_TUPLE(ix)) return err_format(&exc_TypeError, "argument 1 must be tuple, not %T", ix);
    if (!IS_TUPLE(cy)) return err_format(&exc_TypeError, "argument 2 must be tuple, not %T", cy);
    int64_t n = AS_TUPLE(c->pool)->len;
    if (AS_TUPLE(ix)->len != n || AS_TUPLE(cy)->len != c->r)
        return err_format(&exc_ValueError, "invalid arguments");
    for (int64_t i = 0; i < n; i++) {
        int64_t v;
        if (it_state_ssize(AS_TUPLE(ix)->items[i], &v) < 0) return VAL_NULL;
        c->indices[i] = v < 0 ? 0 : v > n - 1 ? n - 1 : v;
    }
    for (int64_t i = 0; i < c->r; i++) {
        int64_t v;
        if (it_state_ssize(AS_TUPLE(cy)->items[i], &v) < 0) return VAL_NULL;
        c->cycles[i] = v < 1 ? 1 : v > n - i ? n - i : v;
    }
    return IS_NULL(combi_result(c, 0)) ? VAL_NULL : VAL_NONE;
}

/* ---- the types ------------------------------------------------------------------------- */

#define IT_METHODS(pfx, newfn, ...)                                               \
    static const MethodDef pfx##_methods[] = {                                     \
        {"__new__", newfn, METH_STATIC | ARGS_ANY, NULL},                          \
        {"__iter__", it_self_m, ARGS_WRAP(0), NULL},                               \
        {"__next__", pfx##_next_m, ARGS_WRAP(0), NULL},                            \
        __VA_ARGS__                                                                \
        {NULL, NULL, 0, NULL},                                                     \
    };
#define REDUCE(fn) {"__reduce__", fn, ARGS_NONE, RED_DOC},
#define SETSTATE(fn) {"__setstate__", fn, ARGS_ONE, SET_DOC},
#define SIZEOF {"__sizeof__", combi_sizeof_m, ARGS_NONE, "Returns size in memory, in bytes."},
#define IT_TYPE(var, name, pfx, strct, flags_, fin)                                \
    Type var = {.tp_name = "itertools." name, .base = &type_object,                \
                .flags = TF_BASETYPE | (flags_), .basicsize = sizeof(strct),       \
                .trace = pfx##_trace, .finalize = fin, .methods = pfx##_methods};  \
    GILPY_TYPE(var, NULL);

IT_METHODS(count, count_new_m, REDUCE(count_reduce_m) {"__repr__", count_repr_m, ARGS_WRAP(0), NULL},)
IT_TYPE(type_it_count, "count", count, Count, 0, NULL)

IT_METHODS(cycle, cycle_new_m, REDUCE(cycle_reduce_m) SETSTATE(cycle_setstate_m))
IT_TYPE(type_it_cycle, "cycle", cycle, Cycle, 0, NULL)

IT_METHODS(repeat, repeat_new_m, REDUCE(repeat_reduce_m) {"__repr__", repeat_repr_m, ARGS_WRAP(0), NULL},
           {"__length_hint__", repeat_length_hint_m, ARGS_NONE, "Private method returning an estimate of len(list(it))."},)
IT_TYPE(type_it_repeat, "repeat", repeat, Repeat, 0, NULL)

IT_METHODS(accumulate, accumulate_new_m, REDUCE(accumulate_reduce_m) SETSTATE(accumulate_setstate_m))
IT_TYPE(type_it_accumulate, "accumulate", accumulate, Accumulate, 0, NULL)

IT_METHODS(chain, chain_new_m, REDUCE(chain_reduce_m) SETSTATE(chain_setstate_m)
           {"from_iterable", chain_from_iterable_m, METH_CLASS | ARGS_ONE,
            "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
           {"__class_getitem__", generic_alias_class_getitem_m, METH_CLASS | ARGS_ONE, "See PEP 585"},)
IT_TYPE(type_it_chain, "chain", chain, Chain, 0, NULL)

#define compress_trace pair_trace
#define dropwhile_trace pair_trace
#define takewhile_trace pair_trace
#define filterfalse_trace pair_trace
#define starmap_trace pair_trace
#define pairwise_trace pair_trace
IT_METHODS(compress, compress_new_m, REDUCE(pair_reduce_m))
IT_TYPE(type_it_compress, "compress", compress, Pair, 0, NULL)
IT_METHODS(dropwhile, dropwhile_new_m, REDUCE(pair_reduce_flag_m) SETSTATE(pair_setstate_flag_m))
IT_TYPE(type_it_dropwhile, "dropwhile", dropwhile, Pair, 0, NULL)
IT_METHODS(takewhile, takewhile_new_m, REDUCE(pair_reduce_flag_m) SETSTATE(pair_setstate_flag_m))
IT_TYPE(type_it_takewhile, "takewhile", takewhile, Pair, 0, NULL)
IT_METHODS(filterfalse, filterfalse_new_m, REDUCE(pair_reduce_m))
IT_TYPE(type_it_filterfalse, "filterfalse", filterfalse, Pair, 0, NULL)
IT_METHODS(starmap, starmap_new_m, REDUCE(pair_reduce_m))
IT_TYPE(type_it_starmap, "starmap", starmap, Pair, 0, NULL)
IT_METHODS(pairwise, pairwise_new_m, )
IT_TYPE(type_it_pairwise, "pairwise", pairwise, Pair, 0, NULL)

IT_METHODS(groupby, groupby_new_m, REDUCE(groupby_reduce_m) SETSTATE(groupby_setstate_m))
IT_TYPE(type_it_groupby, "groupby", groupby, GroupBy, 0, NULL)

IT_METHODS(grouper, grouper_new_m, REDUCE(grouper_reduce_m))
Type type_it_grouper = {.tp_name = "itertools._grouper", .base = &type_object, .basicsize = sizeof(Grouper),
                        .trace = grouper_trace, .methods = grouper_methods};
GILPY_TYPE(type_it_grouper, NULL);

IT_METHODS(islice, islice_new_m, REDUCE(islice_reduce_m) SETSTATE(islice_setstate_m))
IT_TYPE(type_it_islice, "islice", islice, ISlice, 0, NULL)

IT_METHODS(zip_longest, zip_longest_new_m, REDUCE(zip_longest_reduce_m) SETSTATE(zip_longest_setstate_m))
IT_TYPE(type_it_zip_longest, "zip_longest", zip_longest, ZipLongest, 0, NULL)

#define product_trace combi_trace
#define permutations_trace combi_trace
#define combinations_trace combi_trace
#define cwr_trace combi_trace
IT_METHODS(product, product_new_m, REDUCE(product_reduce_m) SETSTATE(product_setstate_m) SIZEOF)
IT_TYPE(type_it_product, "product", product, Combi, 0, combi_finalize)
IT_METHODS(permutations, permutations_new_m, REDUCE(permutations_reduce_m) SETSTATE(permutations_setstate_m) SIZEOF)
IT_TYPE(type_it_permutations, "permutations", permutations, Combi, 0, combi_finalize)
IT_METHODS(combinations, combinations_new_m, REDUCE(combinations_reduce_m) SETSTATE(combinations_setstate_m) SIZEOF)
IT_TYPE(type_it_combinations, "combinations", combinations, Combi, 0, combi_finalize)
IT_METHODS(cwr, cwr_new_m, REDUCE(combinations_reduce_m) SETSTATE(cwr_setstate_m) SIZEOF)
IT_TYPE(type_it_cwr, "combinations_with_replacement", cwr, Combi, 0, combi_finalize)

static const MethodDef tee_methods[] = {
    {"__new__", tee_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__iter__", it_self_m, ARGS_WRAP(0), NULL},
    {"__next__", tee_next_m, ARGS_WRAP(0), NULL},
    {"__copy__", tee_copy_m, ARGS_NONE, "Returns an independent iterator."},
    REDUCE(tee_reduce_m)
    SETSTATE(tee_setstate_m)
    {NULL, NULL, 0, NULL},
};
Type type_it_tee = {.tp_name = "itertools._tee", .base = &type_object, .flags = TF_WEAKREFABLE,
                    .basicsize = sizeof(Tee), .trace = tee_trace, .methods = tee_methods};
GILPY_TYPE(type_it_tee, NULL);

static const MethodDef teedata_methods[] = {
    {"__new__", teedata_new_m, METH_STATIC | ARGS_ANY, NULL},
    REDUCE(teedata_reduce_m)
    {NULL, NULL, 0, NULL},
};
Type type_it_teedata = {.tp_name = "itertools._tee_dataobject", .base = &type_object,
                        .basicsize = sizeof(TeeData), .trace = teedata_trace, .methods = teedata_methods};
GILPY_TYPE(type_it_teedata, NULL);

/* ---- the module ------------------------------------------------------------------------ */

static const MethodDef mod_itertools_functions[] = {
    {"tee", it_tee, ARGS_POS(1, 2), "Returns a tuple of n independent iterators.", "($module, iterable, n=2, /)"},
    {NULL, NULL, 0, NULL},
};

static const struct { const char *name; Type *type; const char *doc; } it_types[] = {
    {"accumulate", &type_it_accumulate, "Return series of accumulated sums (or other binary function results)."},
    {"chain", &type_it_chain, "Return a chain object whose .__next__() method returns elements from the\n"
     "first iterable until it is exhausted, then elements from the next\niterable, until all of the iterables "
     "are exhausted."},
    {"combinations", &type_it_combinations, "Return successive r-length combinations of elements in the iterable."},
    {"combinations_with_replacement", &type_it_cwr, "Return successive r-length combinations of elements in the "
     "iterable allowing individual elements to have successive repeats."},
    {"compress", &type_it_compress, "Return data elements corresponding to true selector elements.\n\n"
     "Forms a shorter iterator from selected data elements using the selectors to\n"
     "choose the data elements."},
    {"count", &type_it_count, "Return a count object whose .__next__() method returns consecutive values."},
    {"cycle", &type_it_cycle, "Return elements from the iterable until it is exhausted. Then repeat the "
     "sequence indefinitely."},
    {"dropwhile", &type_it_dropwhile, "Drop items from the iterable while predicate(item) is true.\n\n"
     "Afterwards, return every element until the iterable is exhausted."},
    {"filterfalse", &type_it_filterfalse, "Return those items of iterable for which function(item) is false.\n\n"
     "If function is None, return the items that are false."},
    {"groupby", &type_it_groupby, "make an iterator that returns consecutive keys and groups from the iterable"},
    {"islice", &type_it_islice, "islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) "
     "--> islice object\n\nReturn an iterator whose next() method returns selected values from an\niterable.  If "
     "start is specified, will skip all preceding elements;\notherwise, start defaults to zero.  Step defaults to "
     "one.  If\nspecified as another value, step determines how many values are\nskipped between successive calls."
     "  Works like a slice() on a list\nbut returns an iterator."},
    {"pairwise", &type_it_pairwise, "Return an iterator of overlapping pairs taken from the input iterator.\n\n"
     "    s -> (s0,s1), (s1,s2), (s2, s3), ..."},
    {"permutations", &type_it_permutations, "Return successive r-length permutations of elements in the iterable."},
    {"product", &type_it_product, "product(*iterables, repeat=1) --> product object\n\nCartesian product of "
     "input iterables.  Equivalent to nested for-loops."},
    {"repeat", &type_it_repeat, "repeat(object [,times]) -> create an iterator which returns the object\nfor the "
     "specified number of times.  If not specified, returns the object\nendlessly."},
    {"starmap", &type_it_starmap, "Return an iterator whose values are returned from the function evaluated with "
     "an argument tuple taken from the given sequence."},
    {"takewhile", &type_it_takewhile, "Return successive entries from an iterable as long as the predicate "
     "evaluates to true for each entry."},
    {"zip_longest", &type_it_zip_longest, "zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest "
     "object\n\nReturn a zip_longest object whose .__next__() method returns a tuple where\nthe i-th element comes "
     "from the i-th iterable argument.  The .__next__()\nmethod continues until the longest iterable in the "
     "argument sequence\nis exhausted and then it raises StopIteration.  When the shorter iterables\nare exhausted, "
     "the fillvalue is substituted in their place.  The fillvalue\ndefaults to None or can be specified by a "
     "keyword argument."},
    {"_grouper", &type_it_grouper, NULL},
    {"_tee", &type_it_tee, "Iterator wrapped to make it copyable."},
    {"_tee_dataobject", &type_it_teedata, "teedataobject(iterable, values, next, /)\n--\n\nData container common "
     "to multiple tee objects."},
};

Value mod_itertools_init(void) {
    Value m = module_new_c("itertools");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, mod_itertools_functions, m);
    if (dict_set_c(d, "__doc__", str_from_c("Functional tools for creating and using iterators.")) < 0)
        return VAL_NULL;
    for (size_t i = 0; i < sizeof it_types / sizeof it_types[0]; i++) {
        Type *t = it_types[i].type;
        if (dict_set_c(d, it_types[i].name, MK_OBJ(t)) < 0) return VAL_NULL;
        if (it_types[i].doc && dict_set_c(t->dict, "__doc__", str_from_c(it_types[i].doc)) < 0) return VAL_NULL;
    }
    return err_occurred() ? VAL_NULL : m;
}
