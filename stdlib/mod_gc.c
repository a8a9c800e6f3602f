/* mod_gc.c - the `gc` module: CPython's interface to the collector, mapped
 * onto gilpy's tracing one (runtime/gc.c).  docs/GC.md explains the mapping;
 * in short:
 *   - there is one generation: collect(generation) checks its argument and
 *     always makes a full collection, which returns the number of objects
 *     found dead and then runs the finalizers and weak reference callbacks
 *     it queued (runtime/finalize.c) before returning;
 *   - thresholds are bookkeeping, except that threshold0 scales the least
 *     heap growth that starts a collection (700, the default, is 4 MiB)
 *     and 0 turns automatic collection off; get_count()[0] counts that
 *     growth in the same unit;
 *   - "tracked" objects are containers: objects whose type can reference
 *     others (a dict or tuple of atomic values is untracked, as CPython
 *     untracks them);
 *   - freeze() makes every existing container a root until unfreeze();
 *   - callbacks run around collect() only: an automatic collection happens
 *     inside an allocation, where Python code cannot run;
 *   - nothing is ever uncollectable (PEP 442), so garbage stays empty;
 *     set_debug flags are kept but print nothing.
 */
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/finalize.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "interp/modreg.h"
#include "interp/vm.h"

#include <stdlib.h>

GILPY_MODULE("gc", mod_gc_init);

#define GC_NGEN 3
#define GC_DEFAULT_THRESHOLD0 700
#define GC_COUNT_UNIT (GC_MIN_THRESHOLD / GC_DEFAULT_THRESHOLD0)

static int gc_thresholds[GC_NGEN] = {GC_DEFAULT_THRESHOLD0, 10, 10};
static int gc_debug_flags;
static Value gc_module = VAL_NULL;

static Value mod_gc_enable(Value *args, int nargs, Value kwnames) { gc_set_enabled(1); return VAL_NONE; }
static Value mod_gc_disable(Value *args, int nargs, Value kwnames) { gc_set_enabled(0); return VAL_NONE; }
static Value mod_gc_isenabled(Value *args, int nargs, Value kwnames) { return MK_BOOL(gc_is_enabled()); }

/* Call every gc.callbacks entry with (phase, info); errors are unraisable. */
static void mod_gc_callbacks(const char *phase, size_t collected) {
    Value cbs = dict_get_c(MODULE_DICT(gc_module), "callbacks");
    if (!IS_LIST(cbs) || AS_LIST(cbs)->len == 0) return;
    Value info = dict_new();
    if (IS_NULL(info) || dict_set_c(info, "generation", MK_SMALLINT(2)) < 0 ||
        dict_set_c(info, "collected", int_from_u64(collected)) < 0 ||
        dict_set_c(info, "uncollectable", MK_SMALLINT(0)) < 0) { err_clear(); return; }
    Value ph = str_from_c(phase);
    Value copy = list_from_array(AS_LIST(cbs)->items, AS_LIST(cbs)->len);
    if (IS_NULL(ph) || IS_NULL(copy)) { err_clear(); return; }
    for (int64_t i = 0; i < AS_LIST(copy)->len; i++) {
        Value cb = AS_LIST(copy)->items[i];
        if (IS_NULL(call2(cb, ph, info))) fin_write_unraisable(cb);
    }
}

static Value mod_gc_collect(Value *args, int nargs, Value kwnames) {
    int gen = 2;
    if (!IS_NULL(args[0]) && arg_to_cint(args[0], &gen) < 0) return VAL_NULL;
    if (gen < 0 || gen >= GC_NGEN) return err_format(&exc_ValueError, "invalid generation");
    mod_gc_callbacks("start", 0);
    ThreadState *ts = ts_get();
    int from_top = vm_forget_dead_slots(dict_get_c(MODULE_DICT(gc_module), "collect"), IS_NULL(args[0]) ? 0 : 1);
    size_t n = fin_collect(from_top ? ts->vm_c_top : NULL);
    mod_gc_callbacks("stop", n);
    return int_from_u64(n);
}

static Value mod_gc_get_count(Value *args, int nargs, Value kwnames) {
    return tuple_pack(3, int_from_u64(gc_allocated_since() / GC_COUNT_UNIT), MK_SMALLINT(0), MK_SMALLINT(0));
}

static Value mod_gc_get_threshold(Value *args, int nargs, Value kwnames) {
    return tuple_pack(3, MK_SMALLINT(gc_thresholds[0]), MK_SMALLINT(gc_thresholds[1]),
                      MK_SMALLINT(gc_thresholds[2]));
}

static Value mod_gc_set_threshold(Value *args, int nargs, Value kwnames) {
    int t[GC_NGEN];
    for (int i = 0; i < GC_NGEN; i++) {
        t[i] = gc_thresholds[i];
        if (!IS_NULL(args[i]) && arg_to_cint(args[i], &t[i]) < 0) return VAL_NULL;
    }
    for (int i = 0; i < GC_NGEN; i++) gc_thresholds[i] = t[i];
    gc_set_min_threshold(t[0] <= 0 ? SIZE_MAX : (size_t)t[0] * GC_COUNT_UNIT);
    return VAL_NONE;
}

static Value mod_gc_set_debug(Value *args, int nargs, Value kwnames) {
    return arg_to_cint(args[0], &gc_debug_flags) < 0 ? VAL_NULL : VAL_NONE;
}
static Value mod_gc_get_debug(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(gc_debug_flags); }

/* A value CPython's collector would not track: no references to others,
 * or a dict or tuple holding only such values (it untracks those). */
static int mod_gc_atomic(Value v, int depth);

static int mod_gc_tracked(Value v, int depth) {
    if (!IS_OBJ(v) || !gc_is_container(AS_OBJ(v))) return 0;
    if (depth > 50) return 1;
    if (IS_EXACT(v, type_dict)) {
        int64_t pos = 0;
        Value k, x;
        while (dict_next(v, &pos, &k, &x))
            if (!mod_gc_atomic(k, depth + 1) || !mod_gc_atomic(x, depth + 1)) return 1;
        return 0;
    }
    if (IS_EXACT(v, type_tuple)) {
        for (int64_t i = 0; i < AS_TUPLE(v)->len; i++)
            if (!mod_gc_atomic(AS_TUPLE(v)->items[i], depth + 1)) return 1;
        return 0;
    }
    return 1;
}

static int mod_gc_atomic(Value v, int depth) { return !mod_gc_tracked(v, depth); }

static Value mod_gc_is_tracked(Value *args, int nargs, Value kwnames) {
    return MK_BOOL(mod_gc_tracked(args[0], 0));
}

static Value mod_gc_is_finalized(Value *args, int nargs, Value kwnames) {
    return MK_BOOL(IS_OBJ(args[0]) && (AS_OBJ(args[0])->gcflags & GCF_FINALIZED));
}

/* Every container, into a malloc'd array (*n of them); automatic collection
 * is off until mod_gc_walk_end, so none of them is freed meanwhile. */
static Obj **mod_gc_walk_begin(size_t *n, int *was_enabled) {
    *was_enabled = gc_is_enabled();
    gc_set_enabled(0);
    size_t count = gc_objects(NULL, 0);
    Obj **objs = malloc((count + 1) * sizeof(Obj *));
    if (!objs) { gc_set_enabled(*was_enabled); err_no_memory(); return NULL; }
    *n = gc_objects(objs, count);
    if (*n > count) *n = count;
    return objs;
}

static void mod_gc_walk_end(Obj **objs, int was_enabled) {
    free(objs);
    gc_set_enabled(was_enabled);
}

static Value mod_gc_get_objects(Value *args, int nargs, Value kwnames) {
    if (!IS_NULL(args[0]) && !IS_NONE(args[0])) {
        int gen;
        if (arg_to_cint(args[0], &gen) < 0) return VAL_NULL;
        if (gen >= GC_NGEN)
            return err_format(&exc_ValueError, "generation parameter must be less than the number "
                              "of available generations (%d)", GC_NGEN);
        if (gen < 0) return err_format(&exc_ValueError, "generation parameter cannot be negative");
    }
    size_t n;
    int was;
    Obj **objs = mod_gc_walk_begin(&n, &was);
    if (!objs) return VAL_NULL;
    Value l = list_new((int64_t)n);
    for (size_t i = 0; i < n && !IS_NULL(l); i++)
        if (list_append(l, MK_OBJ(objs[i])) < 0) l = VAL_NULL;
    mod_gc_walk_end(objs, was);
    return l;
}

typedef struct {
    Value  out;              /* get_referents: the list to fill */
    const Value *targets;    /* get_referrers: the objects looked for */
    int    ntargets;
    int    found;
} RefCtx;

static void mod_gc_add_referent(Obj *o, void *p) {
    RefCtx *c = p;
    if (!IS_NULL(c->out) && gc_is_container(o) && list_append(c->out, MK_OBJ(o)) < 0) c->out = VAL_NULL;
}

static Value mod_gc_get_referents(Value *args, int nargs, Value kwnames) {
    RefCtx c = { list_new(0), NULL, 0, 0 };
    for (int i = 0; i < nargs && !IS_NULL(c.out); i++) {
        if (!IS_OBJ(args[i])) continue;
        /* collect first, append after: appending inside the visit could collect */
        Value tmp = list_new(0);
        RefCtx t = { tmp, NULL, 0, 0 };
        int was = gc_is_enabled();
        gc_set_enabled(0);
        gc_referents(AS_OBJ(args[i]), mod_gc_add_referent, &t);
        gc_set_enabled(was);
        if (IS_NULL(t.out) || list_extend(c.out, t.out) < 0) return VAL_NULL;
    }
    return c.out;
}

static void mod_gc_find_target(Obj *o, void *p) {
    RefCtx *c = p;
    for (int i = 0; i < c->ntargets; i++)
        if (MK_OBJ(o) == c->targets[i]) c->found = 1;
}

static Value mod_gc_get_referrers(Value *args, int nargs, Value kwnames) {
    size_t n;
    int was;
    Obj **objs = mod_gc_walk_begin(&n, &was);
    if (!objs) return VAL_NULL;
    Value l = list_new(0);
    for (size_t i = 0; i < n && !IS_NULL(l); i++) {
        RefCtx c = { VAL_NULL, args, nargs, 0 };
        gc_referents(objs[i], mod_gc_find_target, &c);
        if (c.found && MK_OBJ(objs[i]) != l && list_append(l, MK_OBJ(objs[i])) < 0) l = VAL_NULL;
    }
    mod_gc_walk_end(objs, was);
    return l;
}

static Value mod_gc_freeze(Value *args, int nargs, Value kwnames) { gc_freeze(); return VAL_NONE; }
static Value mod_gc_unfreeze(Value *args, int nargs, Value kwnames) { gc_unfreeze(); return VAL_NONE; }
static Value mod_gc_get_freeze_count(Value *args, int nargs, Value kwnames) {
    return int_from_u64(gc_freeze_count());
}

static Value mod_gc_get_stats(Value *args, int nargs, Value kwnames) {
    Value l = list_new(GC_NGEN);
    for (int g = 0; g < GC_NGEN && !IS_NULL(l); g++) {
        Value d = dict_new();
        if (IS_NULL(d)) return VAL_NULL;
        size_t colls = g == GC_NGEN - 1 ? gc_collections() : 0;
        size_t coll = g == GC_NGEN - 1 ? gc_total_unreachable() : 0;
        if (dict_set_c(d, "collections", int_from_u64(colls)) < 0 ||
            dict_set_c(d, "collected", int_from_u64(coll)) < 0 ||
            dict_set_c(d, "uncollectable", MK_SMALLINT(0)) < 0 || list_append(l, d) < 0)
            return VAL_NULL;
    }
    return l;
}

static const MethodDef mod_gc_functions[] = {
    {"enable", mod_gc_enable, ARGS_NONE, "Enable automatic garbage collection."},
    {"disable", mod_gc_disable, ARGS_NONE, "Disable automatic garbage collection."},
    {"isenabled", mod_gc_isenabled, ARGS_NONE, "Returns true if automatic garbage collection is enabled."},
    {"collect", mod_gc_collect, ARGS_KW, "Run the garbage collector.", "($module, /, generation=2)"},
    {"get_count", mod_gc_get_count, ARGS_NONE, "Return a three-tuple of the current collection counts."},
    {"get_threshold", mod_gc_get_threshold, ARGS_NONE, "Return the current collection thresholds."},
    {"set_threshold", mod_gc_set_threshold, ARGS_TUPLE(1, 3) | METH_VARARGS,
     "set_threshold(threshold0, [threshold1, threshold2]) -> None"},
    {"set_debug", mod_gc_set_debug, ARGS_ONE, "Set the garbage collection debugging flags."},
    {"get_debug", mod_gc_get_debug, ARGS_NONE, "Get the garbage collection debugging flags."},
    {"is_tracked", mod_gc_is_tracked, ARGS_ONE,
     "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", mod_gc_is_finalized, ARGS_ONE,
     "Returns true if the object has been already finalized by the GC."},
    {"get_objects", mod_gc_get_objects, ARGS_KW,
     "Return a list of objects tracked by the collector (excluding the list returned).",
     "($module, /, generation=None)"},
    {"get_referents", mod_gc_get_referents, ARGS_VAR, "Return the list of objects that are directly referred to by 'objs'."},
    {"get_referrers", mod_gc_get_referrers, ARGS_VAR, "Return the list of objects that directly refer to any of 'objs'."},
    {"freeze", mod_gc_freeze, ARGS_NONE, "Freeze all current tracked objects and ignore them for future collections."},
    {"unfreeze", mod_gc_unfreeze, ARGS_NONE, "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", mod_gc_get_freeze_count, ARGS_NONE,
     "Return the number of objects in the permanent generation."},
    {"get_stats", mod_gc_get_stats, ARGS_NONE, "Return a list of dictionaries containing per-generation statistics."},
    {NULL, NULL, 0, NULL},
};

Value mod_gc_init(void) {
    Value m = module_new_c("gc");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, mod_gc_functions, m);
    static const struct { const char *name; int value; } consts[] = {
        {"DEBUG_STATS", 1}, {"DEBUG_COLLECTABLE", 2}, {"DEBUG_UNCOLLECTABLE", 4},
        {"DEBUG_SAVEALL", 32}, {"DEBUG_LEAK", 38},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        dict_set_c(d, consts[i].name, MK_SMALLINT(consts[i].value));
    dict_set_c(d, "garbage", list_new(0));
    dict_set_c(d, "callbacks", list_new(0));
    if (IS_NULL(gc_module)) gc_add_root(&gc_module);
    gc_module = m;
    return err_occurred() ? VAL_NULL : m;
}
