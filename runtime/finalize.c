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
 * Collection (runtime/gc.c).  After marking, and after weak references to
 * every dead object were cleared (runtime/weakref.c), each registered object
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

size_t fin_resurrect_unreachable(void) {
    Obj **reg = fin.reg.items;
    size_t kept = 0, before = fin.dels.n;
    for (size_t i = 0; i < fin.reg.n; i++) {
        Obj *o = reg[i];
        if (gc_is_marked(o)) { reg[kept++] = o; continue; }
        if (fin_reserve(&fin.dels, 1, sizeof(Value)) < 0) { reg[kept++] = o; gc_mark_obj(o); continue; }
        ((Value *)fin.dels.items)[fin.dels.n++] = MK_OBJ(o);
        o->gcflags |= GCF_FINALIZED;
        gc_mark_obj(o);
    }
    fin.reg.n = kept;
    if (fin_pending()) {
        ThreadState *ts = ts_get();
        if (ts) __atomic_fetch_or(&ts->eval_breaker, (uint32_t)EB_GC_REQUEST, __ATOMIC_SEQ_CST);
    }
    return fin.dels.n - before;
}

int fin_pending(void) { return fin.dels.n || fin.cbs.n; }

/* ---- sys.unraisablehook ----
 * An error nobody can catch (in __del__, a weakref callback, a generator
 * closed by the collector) goes to sys.unraisablehook as an
 * UnraisableHookArgs; the default hook (sys.__unraisablehook__) prints
 * "Exception ignored in: <object>" and the traceback to sys.stderr. */
static const char *const unraisable_fields[] = {"exc_type", "exc_value", "exc_traceback", "err_msg", "object"};
static StructSeqDesc unraisable_desc = {"UnraisableHookArgs", unraisable_fields, 5, 5};

static void fin_print_unraisable(Value exc, Value obj) {
    Value head = VAL_NULL;
    if (!IS_NONE(obj)) {
        Value r = obj_repr(obj);
        if (IS_NULL(r)) { err_clear(); r = str_intern_c("<object repr() failed>"); }
        head = str_format_c("Exception ignored in: %U\n", r);
    }
    Value err = IS_OBJ(interp.sys_module) ? dict_get_c(MODULE_DICT(interp.sys_module), "stderr") : VAL_NULL;
    if (!IS_NULL(head) && !IS_NULL(err) && !IS_NONE(err)) obj_call_method(err, "write", &head, 1);
    err_clear();
    if (IS_EXC(exc)) exc_print(exc);
    err_clear();
}

static Value fin_unraisablehook_m(Value *args, int nargs, Value kwnames) {
    if (!IS_OBJ(args[0]) || AS_OBJ(args[0])->type != structseq_type(&unraisable_desc))
        return err_format(&exc_TypeError, "sys.unraisablehook argument type must be UnraisableHookArgs");
    fin_print_unraisable(STRUCTSEQ_ITEMS(args[0])[1], STRUCTSEQ_ITEMS(args[0])[4]);
    return VAL_NONE;
}

const MethodDef fin_unraisablehook_def = {"unraisablehook", fin_unraisablehook_m, ARGS_ONE,
                                          "Handle an unraisable exception.\n\nThe unraisable argument has the following attributes:\n\n* exc_type: Exception type.\n* exc_value: Exception value, can be None.\n* exc_traceback: Exception traceback, can be None.\n* err_msg: Error message, can be None.\n* object: Object causing the exception, can be None."};

void fin_write_unraisable(Value obj) {
    Value exc = err_fetch();
    Value hook = IS_OBJ(interp.sys_module) ? dict_get_c(MODULE_DICT(interp.sys_module), "unraisablehook") : VAL_NULL;
    Value a = IS_NULL(hook) || IS_NONE(hook) ? VAL_NULL : structseq_new(&unraisable_desc);
    if (IS_NULL(a)) {
        err_clear();
        fin_print_unraisable(exc, obj);
        return;
    }
    STRUCTSEQ_ITEMS(a)[0] = IS_EXC(exc) ? MK_OBJ(val_type(exc)) : VAL_NONE;
    STRUCTSEQ_ITEMS(a)[1] = IS_EXC(exc) ? exc : VAL_NONE;
    STRUCTSEQ_ITEMS(a)[2] = IS_EXC(exc) ? AS_EXC(exc)->traceback : VAL_NONE;
    STRUCTSEQ_ITEMS(a)[4] = obj;
    if (IS_NULL(call1(hook, a))) {     /* the hook failed: that error, by the default */
        Value e2 = err_fetch();
        Value r = obj_repr(hook);
        Value err = dict_get_c(MODULE_DICT(interp.sys_module), "stderr");
        Value head = IS_NULL(r) ? VAL_NULL : str_format_c("Exception ignored in sys.unraisablehook: %U\n", r);
        if (!IS_NULL(head) && !IS_NULL(err) && !IS_NONE(err)) obj_call_method(err, "write", &head, 1);
        err_clear();
        if (IS_EXC(e2)) exc_print(e2);
    }
    err_clear();
}

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
