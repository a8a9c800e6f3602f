/* finalize.c - __del__ methods, generator closing and weak reference
 * callbacks: the Python code a collection owes, run after it (PEP 442).
 *
 * Registration.  An object that needs a finalizer is registered when it is
 * made (fin_register): an instance of a class with __del__ (obj_new_instance
 * checks the class's slot), a generator whose code has a try block
 * (closing one without is not observable).  The registry holds raw
 * pointers the collector does not trace: registering keeps nothing alive,
 * and objects without finalizers never touch it.  A class that gains
 * __del__ after its instances were made does not finalize those instances.
 *
 * Collection (runtime/gc.c).  After marking, a dead registered object in no
 * cycle (no path of dead objects leads from it back to it) is queued and
 * marked first, with what it reaches (fin_resurrect_acyclic): CPython frees
 * such an object by its reference count, which runs __del__ while weak
 * references to it and to what it holds still work; if __del__ resurrects
 * it, they keep working, else the next collection clears them (gc.collect()
 * runs one when there were such references).
 * Then, after weak references to every dead object were cleared
 * (runtime/weakref.c), each registered object
 * that was not marked leaves the registry for the queue of objects to
 * finalize and is marked, with everything it reaches: it survives this
 * collection, so its __del__ sees a consistent heap.  It is marked
 * GCF_FINALIZED and never registered again, so __del__ runs once even if it
 * resurrects the object; a later collection that finds it unreachable just
 * frees it.  Every object of a dead cycle that has a finalizer is queued,
 * as in CPython, not only the ones outside the cycle.
 *
 * Running.  The queues (objects, then (ref, callback) pairs) are roots until
 * they run.  They run with the GIL held and no collector on the stack:
 * after gc.collect(), and otherwise at the eval breaker of the thread that
 * collected (gc.c sets EB_GC_REQUEST), a point between bytecodes where C
 * code holds no pointers into objects that Python code could change.  An
 * exception a finalizer raises is reported as CPython's PyErr_WriteUnraisable
 * reports it and cleared.  __del__ methods run before the callbacks, the
 * order CPython gives an object that dies by its reference count.
 */
#include "finalize.h"

#include <stdlib.h>
#include <string.h>

#include "call.h"
#include "error.h"
#include "gc.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_list.h"
#include "obj_misc.h"
#include "obj_str.h"
#include "state.h"
#include "structseq.h"

typedef struct {
    void  *items;
    size_t n, cap;
} FinVec;

static struct {
    FinVec reg;        /* Obj *: registered, not traced */
    FinVec dels;       /* Value: objects whose finalizer must run (roots) */
    FinVec cbs;        /* Value pairs: (ref, callback) to call (roots) */
    int    running;
    int    acyclic;    /* fin_resurrect_acyclic kept something */
} fin;

/* Room for `more` elements of `size` bytes; -1 when memory is short. */
static int fin_reserve(FinVec *v, size_t more, size_t size) {
    if (v->n + more <= v->cap) return 0;
    size_t cap = v->cap ? v->cap * 2 : 64;
    while (cap < v->n + more) cap *= 2;
    void *p = realloc(v->items, cap * size);
    if (!p) return -1;
    v->items = p;
    v->cap = cap;
    return 0;
}

void fin_register(Obj *o) {
    if (o->gcflags & GCF_FINALIZED) return;
    if (fin_reserve(&fin.reg, 1, sizeof(Obj *)) < 0) return;   /* no memory: no finalizer */
    ((Obj **)fin.reg.items)[fin.reg.n++] = o;
}

static int fin_made_del_flag;

void fin_register_del(Obj *o) {
    fin_made_del_flag = 1;
    fin_register(o);
}

int fin_made_del(void) { return fin_made_del_flag; }

/* The collector queues with malloc only (it must not allocate objects). */
void fin_queue_callback(Value ref, Value callback) {
    if (fin_reserve(&fin.cbs, 2, sizeof(Value)) < 0) return;
    Value *p = (Value *)fin.cbs.items + fin.cbs.n;
    p[0] = ref;
    p[1] = callback;
    fin.cbs.n += 2;
}

void fin_mark_pending(void) {
    gc_mark_values(fin.dels.items, fin.dels.n);
    gc_mark_values(fin.cbs.items, fin.cbs.n);
}

/* ---- the cycle test: can o reach itself through dead objects? ---- */

/* A walk that visits more than FIN_WALK_MAX dead objects takes its object as
 * in a cycle, and so does every walk once the collection's walks visited
 * FIN_WALK_BUDGET in all: without the total, N finalizable objects dying
 * with a big dead graph (a program's whole heap at exit) cost N walks of it. */
enum { FIN_WALK_MAX = 100000, FIN_WALK_BUDGET = 1000000 };
static size_t fin_walk_left;      /* visits left to this collection's walks */

typedef struct {
    Obj   *target;
    int    found, failed, weak;    /* weak: a visited object has weak references */
    FinVec todo, seen;    /* Obj *: to visit; visited (GCF_SEEN to clear) */
} FinWalk;

static void fin_walk_visit(Obj *o, void *ctx) {
    FinWalk *w = ctx;
    if (o == w->target) { w->found = 1; return; }
    if (o->gcflags & (GCF_MARK | GCF_STATIC | GCF_SEEN)) return;
    if (o->gcflags & GCF_WEAKREFD) w->weak = 1;
    if (w->seen.n >= FIN_WALK_MAX || fin_walk_left == 0 || fin_reserve(&w->todo, 1, sizeof(Obj *)) < 0 ||
        fin_reserve(&w->seen, 1, sizeof(Obj *)) < 0) {
        w->failed = 1;
        return;
    }
    fin_walk_left--;
    o->gcflags |= GCF_SEEN;
    ((Obj **)w->seen.items)[w->seen.n++] = o;
    ((Obj **)w->todo.items)[w->todo.n++] = o;
}

/* 1 when o is in a cycle; else 0, and *weak says whether o or a dead
 * object it reaches has weak references. */
static int fin_in_cycle(Obj *o, int *weak) {
    FinWalk w;
    memset(&w, 0, sizeof w);
    w.target = o;
    w.weak = (o->gcflags & GCF_WEAKREFD) != 0;
    gc_referents_collecting(o, fin_walk_visit, &w);
    while (w.todo.n && !w.found && !w.failed)
        gc_referents_collecting(((Obj **)w.todo.items)[--w.todo.n], fin_walk_visit, &w);
    for (size_t i = 0; i < w.seen.n; i++) ((Obj **)w.seen.items)[i]->gcflags &= ~(uint32_t)GCF_SEEN;
    free(w.todo.items);
    free(w.seen.items);
    *weak = w.weak;
    return w.found || w.failed;
}

/* Queue reg[i] (unmarked) for its finalizer and mark it; 0 when memory is short. */
static int fin_queue_del(Obj *o) {
    if (fin_reserve(&fin.dels, 1, sizeof(Value)) < 0) return 0;
    ((Value *)fin.dels.items)[fin.dels.n++] = MK_OBJ(o);
    o->gcflags |= GCF_FINALIZED;
    gc_mark_obj(o);
    return 1;
}

size_t fin_resurrect_acyclic(void) {
    Obj **reg = fin.reg.items;
    size_t kept = 0, before = fin.dels.n;
    fin_walk_left = FIN_WALK_BUDGET;
    for (size_t i = 0; i < fin.reg.n; i++) {
        Obj *o = reg[i];
        int weak = 0;
        if (!gc_is_marked(o) && !fin_in_cycle(o, &weak) && fin_queue_del(o)) {
            fin.acyclic |= weak;
            continue;
        }
        reg[kept++] = o;
    }
    fin.reg.n = kept;
    return fin.dels.n - before;
}

size_t fin_collect(const char *top) {
    if (top) gc_collect_from(top);
    else gc_collect();
    size_t n = gc_last_unreachable();
    fin_run_pending();
    if (fin_take_acyclic()) {
        if (top) gc_collect_from(top);
        else gc_collect();
        fin_run_pending();
    }
    return n;
}

int fin_take_acyclic(void) {
    int r = fin.acyclic;
    fin.acyclic = 0;
    return r;
}

size_t fin_resurrect_unreachable(void) {
    Obj **reg = fin.reg.items;
    size_t kept = 0, before = fin.dels.n;
    for (size_t i = 0; i < fin.reg.n; i++) {
        Obj *o = reg[i];
        if (gc_is_marked(o)) { reg[kept++] = o; continue; }
        if (!fin_queue_del(o)) { reg[kept++] = o; gc_mark_obj(o); }
    }
    fin.reg.n = kept;
    if (fin_pending()) {
        ThreadState *ts = ts_get();
        if (ts) __atomic_fetch_or(&ts->eval_breaker, (uint32_t)EB_GC_REQUEST, __ATOMIC_SEQ_CST);
    }
    return fin.dels.n - before;
}

int fin_pending(void) { return fin.dels.n || fin.cbs.n; }

/* ---- unraisable exceptions -------------------------------------------------- */

/* sys.unraisablehook's argument, as CPython's. */
static const char *const unraisable_fields[] = {"exc_type", "exc_value", "exc_traceback", "err_msg", "object", NULL};
static StructSeqDesc unraisable_desc = {"UnraisableHookArgs", unraisable_fields, 5, 5};

Type *fin_unraisable_args_type(void) { return structseq_type(&unraisable_desc); }

/* The default hook's output on sys.stderr: "<err_msg>: <repr(object)>" (the
 * message defaults to "Exception ignored in"), then the traceback. */
static void unraisable_print(Value exc, Value msg, Value obj) {
    Value err = IS_OBJ(interp.sys_module) ? dict_get_c(MODULE_DICT(interp.sys_module), "stderr") : VAL_NULL;
    if (IS_NULL(err) || IS_NONE(err)) return;
    Value head = VAL_NULL;
    if (!IS_NONE(obj)) {
        Value r = obj_repr(obj);
        if (IS_NULL(r)) { err_clear(); r = str_intern_c("<object repr() failed>"); }
        head = IS_NONE(msg) ? str_format_c("Exception ignored in: %U\n", r) : str_format_c("%S: %U\n", msg, r);
    } else if (!IS_NONE(msg)) {
        head = str_format_c("%S:\n", msg);
    }
    if (!IS_NULL(head)) obj_call_method(err, "write", &head, 1);
    err_clear();
    if (IS_EXC(exc)) exc_print(exc);
    err_clear();
}

Value fin_unraisablehook_m(Value *args, int nargs, Value kwnames) {
    if (val_type(args[0]) != fin_unraisable_args_type())
        return err_format(&exc_TypeError, "sys.unraisablehook argument type must be UnraisableHookArgs");
    Value *f = STRUCTSEQ_ITEMS(args[0]);
    unraisable_print(f[1], f[3], f[4]);
    return VAL_NONE;
}

/* Hand the exception to sys.unraisablehook (CPython's _PyErr_WriteUnraisableMsg):
 * a hook that fails is itself reported by the default printing. */
static void unraisable_report(Value exc, Value msg, Value obj) {
    Value hook = IS_OBJ(interp.sys_module) ? dict_get_c(MODULE_DICT(interp.sys_module), "unraisablehook") : VAL_NULL;
    Value a = structseq_new(&unraisable_desc);
    if (IS_NULL(hook) || IS_NONE(hook) || IS_NULL(a)) {
        err_clear();
        unraisable_print(exc, msg, obj);
        return;
    }
    Value *f = STRUCTSEQ_ITEMS(a);
    f[0] = IS_EXC(exc) ? MK_OBJ(val_type(exc)) : VAL_NONE;
    f[1] = IS_NULL(exc) ? VAL_NONE : exc;
    f[2] = IS_EXC(exc) ? AS_EXC(exc)->traceback : VAL_NONE;
    f[3] = msg;
    f[4] = obj;
    if (IS_NULL(call1(hook, a))) {
        Value e2 = err_fetch();
        unraisable_print(e2, str_intern_c("Exception ignored in sys.unraisablehook"), hook);
    }
    err_clear();
}

void fin_write_unraisable_msg(const char *msg, Value obj) {
    Value exc = err_fetch();
    Value m = msg ? str_from_c(msg) : VAL_NONE;
    if (IS_NULL(m)) { err_clear(); m = VAL_NONE; }
    unraisable_report(exc, m, IS_NULL(obj) ? VAL_NONE : obj);
    err_clear();
}

void fin_write_unraisable(Value obj) { fin_write_unraisable_msg(NULL, obj); }

/* Take a queue into a list (the Values stay rooted while it is made; a
 * collection meanwhile may queue more, which stay for the next round). */
static Value fin_take(FinVec *v) {
    size_t n = v->n;
    Value l = list_from_array(v->items, (int64_t)n);
    if (IS_NULL(l)) { err_clear(); return VAL_NULL; }
    if (v->n > n) memmove(v->items, (Value *)v->items + n, (v->n - n) * sizeof(Value));
    v->n -= n;
    return l;
}

static void fin_run_del(Value o) {
    Value del = val_type(o)->slots[SM_DEL];
    if (IS_NULL(del)) return;
    Value r = obj_call_special(o, SM_DEL, &o, 1);
    if (IS_NULL(r) && err_occurred()) fin_write_unraisable(TYPE_HAS(val_type(del), TF_FUNCTION) ? del : o);
}

void fin_run_pending(void) {
    ThreadState *ts = ts_get();
    if (fin.running || !ts) return;
    fin.running = 1;
    Value saved = ts->exc;
    ts->exc = VAL_NULL;
    while (fin_pending()) {
        Value dels = fin_take(&fin.dels);
        if (IS_NULL(dels)) break;
        for (int64_t i = 0; i < AS_LIST(dels)->len; i++) fin_run_del(AS_LIST(dels)->items[i]);
        Value cbs = fin_take(&fin.cbs);
        if (IS_NULL(cbs)) break;
        for (int64_t i = 0; i + 1 < AS_LIST(cbs)->len; i += 2) {
            Value cb = AS_LIST(cbs)->items[i + 1];
            if (IS_NULL(call1(cb, AS_LIST(cbs)->items[i]))) fin_write_unraisable(cb);
        }
    }
    ts->exc = saved;
    fin.running = 0;
}
