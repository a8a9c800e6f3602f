/* mod_thread.c - the `_thread` module: threads, locks and reentrant locks,
 * with CPython 3.11's API; `threading` (stdlib/lib/threading.py) is written
 * in Python on top of it.
 *
 * Threads.  start_new_thread enables the GIL (runtime/gil.c), makes a thread
 * state whose `thread_obj` holds (function, args, kwargs) so the collector
 * keeps them alive, and starts a detached pthread that takes the GIL, calls
 * the function, releases the thread's sentinel locks (what Thread.join
 * waits on), unlinks its state and gives the GIL up for good.
 *
 * Locks.  A lock is a flag under a pthread mutex with a condition variable.
 * acquire tries the fast path with the GIL held; otherwise it releases the
 * GIL (reason "lock") and waits.  The main thread waits in slices of at
 * most 20 ms and stops when a signal is pending, so Ctrl-C raises
 * KeyboardInterrupt promptly even inside Lock.acquire or Thread.join.
 *
 * Idle collection.  gilpy frees objects only when it collects, and a
 * collection starts only when Python code allocates.  Programs written for
 * CPython's reference counting wait on locks for what a dead object's
 * finalizer or weak reference callback does: a ThreadPoolExecutor that is
 * dropped (`del executor`) wakes its workers from a weakref callback, while
 * the main thread joins them.  With every thread waiting nothing allocates,
 * so nothing would ever collect.  So a lock waiter wakes every slice (20 ms
 * for the main thread; 50 ms for the others, doubling up to 0.8 s as their
 * wait goes on, so that idle pools cost little) and asks the GIL whether
 * anyone took it since its previous slice; if nobody did, the process is
 * idle, and one waiter (the one that wins lock_idle_collected_at) takes the
 * GIL, collects, runs the finalizers and callbacks, and waits again.  One
 * collection per quiet period: a program that really waits for ever (a
 * server's main thread on an Event) collects once, not every slice.
 *
 * Fork.  A thread waiting for a lock holds the lock's mutex between two
 * slices of its wait; if another thread forks just then, the child's copy
 * of that mutex stays locked by a thread that does not exist there, and the
 * child hangs the first time it touches the lock (a Pool made in a thread
 * while the main thread joined it: the worker hung in threading._shutdown).
 * So every live lock is on a list, and a fork hook re-creates the mutex and
 * condition variable of each in the child, keeping whether the lock is
 * held, which is all CPython's semaphore-based locks carry across a fork.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/fork.h"
#include "runtime/finalize.h"
#include "runtime/gc.h"
#include "runtime/gil.h"
#include "runtime/gilstats.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_float.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/signals.h"
#include "runtime/state.h"
#include "interp/modreg.h"

GILPY_MODULE("_thread", mod_thread_init);

#define THREAD_TIMEOUT_MAX 9223372036.0
#define THREAD_WAIT_SLICE_NS 20000000L
#define THREAD_IDLE_SLICE_NS 50000000L
#define THREAD_IDLE_SLICE_MAX_NS 800000000L

typedef struct LockObj {
    Obj             header;
    pthread_mutex_t mu;
    pthread_cond_t  cv;
    int             locked;     /* atomic: taken by compare-and-swap */
    int             sleepers;   /* atomic, changed under mu: waiters in lock_wait */
    uint64_t        owner;      /* RLock: ident of the owner, 0 if none (under GIL) */
    int64_t         count;      /* RLock: recursion depth (under GIL) */
    struct LockObj *prev, *next;    /* lock_list, under the GIL */
} LockObj;

#define AS_LOCK(v) ((LockObj *)AS_OBJ(v))

extern Type type_thread_lock, type_thread_rlock;

static size_t thread_stack_bytes;      /* stack_size(); 0: the default */
static int thread_count;               /* threads started here and still running */

/* ---- the waiting primitive ----------------------------------------------------- */

static LockObj *lock_list;      /* every live lock (see Fork above) */

static void lock_finalize(Obj *o) {
    LockObj *l = (LockObj *)o;
    pthread_mutex_destroy(&l->mu);
    pthread_cond_destroy(&l->cv);
    if (l->prev) l->prev->next = l->next;
    else if (lock_list == l) lock_list = l->next;
    if (l->next) l->next->prev = l->prev;
    l->prev = l->next = NULL;
}

/* The condition variable measures its timeouts on CLOCK_MONOTONIC, like
 * the deadlines lock_wait computes. */
static void lock_init_sync(LockObj *l) {
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_mutex_init(&l->mu, NULL);
    pthread_cond_init(&l->cv, &ca);
    pthread_condattr_destroy(&ca);
}

static Value lock_alloc(Type *t) {
    LockObj *l = (LockObj *)gc_alloc(t, sizeof(LockObj));
    if (!l) return VAL_NULL;
    lock_init_sync(l);
    l->next = lock_list;
    if (lock_list) lock_list->prev = l;
    lock_list = l;
    return MK_OBJ(l);
}

/* Fork hook, in the child: no other thread is left to hold a lock's mutex. */
static void lock_after_fork_child(void) {
    for (LockObj *l = lock_list; l; l = l->next) {
        lock_init_sync(l);
        l->sleepers = 0;            /* they were threads of the parent */
    }
}

static int lock_try(LockObj *l) {
    int expected = 0;
    return __atomic_compare_exchange_n(&l->locked, &expected, 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED);
}

static int lock_is_locked(LockObj *l) { return __atomic_load_n(&l->locked, __ATOMIC_ACQUIRE); }

static void lock_deadline(struct timespec *d, double secs) {
    clock_gettime(CLOCK_MONOTONIC, d);
    double whole = floor(secs);
    d->tv_sec += (time_t)whole;
    d->tv_nsec += (long)((secs - whole) * 1e9);
    if (d->tv_nsec >= 1000000000L) { d->tv_sec++; d->tv_nsec -= 1000000000L; }
}

static int ts_before(const struct timespec *a, const struct timespec *b) {
    return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

/* ---- idle collection (see the design comment) ---- */

#define LOCK_WAIT_IDLE (-2)
#define LOCK_MARK_UNSET UINT64_MAX

/* gil_acquisitions() after the last idle collection, or while one is
 * claimed, the count it was claimed at (atomic). */
static uint64_t lock_idle_collected_at = LOCK_MARK_UNSET;

/* After a slice of waiting: has nobody taken the GIL since the previous
 * slice (nor holds it), with no idle collection in that quiet time, and
 * does this waiter win the right to run one? */
static int lock_idle_claim(uint64_t *mark) {
    uint64_t seen = *mark;
    if (!gil_idle_since(mark) || seen == LOCK_MARK_UNSET) return 0;
    uint64_t done = __atomic_load_n(&lock_idle_collected_at, __ATOMIC_ACQUIRE);
    if (done == seen) return 0;
    return __atomic_compare_exchange_n(&lock_idle_collected_at, &done, seen, 0, __ATOMIC_ACQ_REL,
                                       __ATOMIC_ACQUIRE);
}

/* With the GIL: the collection a claim won, its finalizers and weak
 * reference callbacks (which may release what the waiters wait for).
 * `from`: lock_scan_from's mark for this thread. */
static void lock_idle_collect(const char *from) {
    fin_collect(from);
    __atomic_store_n(&lock_idle_collected_at, gil_acquisitions(), __ATOMIC_RELEASE);
}

static void ts_add_ns(struct timespec *t, long ns) {
    t->tv_nsec += ns;
    if (t->tv_nsec >= 1000000000L) { t->tv_sec++; t->tv_nsec -= 1000000000L; }
}

/* Wait for the lock without the GIL until `deadline` (NULL: forever), in
 * slices (THREAD_WAIT_SLICE_NS for the main thread, which looks for
 * signals between them, THREAD_IDLE_SLICE_NS for the others).  1 acquired,
 * 0 timed out, -1 interrupted by a signal (main thread), LOCK_WAIT_IDLE
 * when this waiter is to run an idle collection. */
static int lock_wait(LockObj *l, const struct timespec *deadline, int interruptible) {
    int result = 0;
    uint64_t mark = LOCK_MARK_UNSET;
    long slice = interruptible ? THREAD_WAIT_SLICE_NS : THREAD_IDLE_SLICE_NS;
    pthread_mutex_lock(&l->mu);
    __atomic_add_fetch(&l->sleepers, 1, __ATOMIC_SEQ_CST);
    for (;;) {
        if (lock_try(l)) { result = 1; break; }
        if (interruptible && sig_tripped()) { result = -1; break; }
        struct timespec now, until;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (deadline && !ts_before(&now, deadline)) break;
        until = now;
        ts_add_ns(&until, slice);
        if (deadline && ts_before(deadline, &until)) until = *deadline;
        if (pthread_cond_timedwait(&l->cv, &l->mu, &until) != ETIMEDOUT || !lock_is_locked(l)) continue;
        if (lock_idle_claim(&mark)) {
            result = LOCK_WAIT_IDLE;
            break;
        }
        if (!interruptible && slice < THREAD_IDLE_SLICE_MAX_NS) slice *= 2;    /* a long wait wakes less */
    }
    __atomic_sub_fetch(&l->sleepers, 1, __ATOMIC_SEQ_CST);
    pthread_mutex_unlock(&l->mu);
    return result;
}

/* Where the collector may start scanning the C stack of this thread while it
 * waits for l: when the wait came straight from the loop's CALL of one of
 * l's methods (the call site holds l as the receiver), the frames below the
 * loop's mark are the call machinery and this file, whose Values are all on
 * the VM stack, and some of their words are stale (unwritten padding that
 * an earlier, deeper call left there), which would keep garbage alive for
 * as long as the thread waits.  Otherwise (`with lock:`, a wait from C such
 * as SimpleQueue.get) NULL: all of it. */
static char *lock_scan_from(ThreadState *ts, LockObj *l) {
    Value *site = ts->native_site;
    ts->native_site = NULL;         /* not for what runs nested in this wait */
    return site && site[1] == MK_OBJ(l) ? ts->vm_c_top : NULL;
}

/* acquire(blocking, timeout) for a plain lock; 1, 0, or -1 with an error. */
static int lock_acquire_timed(LockObj *l, double timeout, GilReason reason) {
    if (lock_try(l)) return 1;
    if (timeout == 0) return 0;
    ThreadState *ts = ts_get();
    int main = ts == interp.main_thread;
    char *from = lock_scan_from(ts, l);
    struct timespec deadline = {0, 0};
    if (timeout > 0) lock_deadline(&deadline, timeout);
    for (;;) {
        int r;
        ts->c_scan_from = from;
        GIL_BLOCKING_BEGIN(reason);
        r = lock_wait(l, timeout > 0 ? &deadline : NULL, main);
        GIL_BLOCKING_END();
        ts->c_scan_from = NULL;
        if (r == LOCK_WAIT_IDLE) lock_idle_collect(from);
        else if (r >= 0) return r;
        else if (sig_check() < 0) return -1;     /* KeyboardInterrupt */
    }
}

/* A sleeper counts itself (under mu) before it tries the lock, and the
 * unlocker clears the flag before it looks at the count: either the sleeper
 * sees the lock free, or the unlocker sees the sleeper and signals it under
 * mu (after the sleeper is in its wait, since that releases mu). */
static void lock_unlock(LockObj *l) {
    __atomic_store_n(&l->locked, 0, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&l->sleepers, __ATOMIC_SEQ_CST) == 0) return;
    pthread_mutex_lock(&l->mu);
    pthread_cond_signal(&l->cv);
    pthread_mutex_unlock(&l->mu);
}

/* acquire(blocking=True, timeout=-1): args = [self, blocking, timeout], into a
 * timeout in seconds (-1 forever).  As in CPython, blocking is a C int and the
 * timeout a float or an integer. */
static int lock_parse_acquire(Value *args, double *timeout) {
    int blocking = 1;
    if (!IS_NULL(args[1]) && arg_to_cint(args[1], &blocking) < 0) return -1;
    double t = -1;
    if (!IS_NULL(args[2]) && arg_to_seconds(args[2], &t) < 0) return -1;
    if (!blocking && t != -1) {
        err_format(&exc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (t < 0 && t != -1) {
        err_format(&exc_ValueError, "timeout value must be positive");
        return -1;
    }
    if (t > THREAD_TIMEOUT_MAX) {
        err_format(&exc_OverflowError, "timeout value is too large");
        return -1;
    }
    *timeout = blocking ? t : 0;
    return 0;
}

/* ---- _thread.lock ---------------------------------------------------------------- */

static Value lock_acquire_m(Value *args, int nargs, Value kwnames) {
    double timeout;
    if (lock_parse_acquire(args, &timeout) < 0) return VAL_NULL;
    int r = lock_acquire_timed(AS_LOCK(args[0]), timeout, GIL_REASON_LOCK);
    return r < 0 ? VAL_NULL : MK_BOOL(r);
}

static Value lock_release_m(Value *args, int nargs, Value kwnames) {
    LockObj *l = AS_LOCK(args[0]);
    if (!lock_is_locked(l)) return err_format(&exc_RuntimeError, "release unlocked lock");
    lock_unlock(l);
    return VAL_NONE;
}

/* __exit__(*args) (also RLock's): the exception triple is ignored. */
static Value lock_exit_m(Value *args, int nargs, Value kwnames) {
    LockObj *l = AS_LOCK(args[0]);
    if (!lock_is_locked(l)) return err_format(&exc_RuntimeError, "release unlocked lock");
    lock_unlock(l);
    return VAL_FALSE;
}

static Value lock_locked_m(Value *args, int nargs, Value kwnames) {
    return MK_BOOL(lock_is_locked(AS_LOCK(args[0])));
}

static Value lock_reinit_m(Value *args, int nargs, Value kwnames) {
    LockObj *l = AS_LOCK(args[0]);
    lock_init_sync(l);
    l->locked = l->sleepers = 0;
    l->owner = 0;
    l->count = 0;
    return VAL_NONE;
}

static Value lock_repr_m(Value *args, int nargs, Value kwnames) {
    LockObj *l = AS_LOCK(args[0]);
    return str_format_c("<%s _thread.lock object at %p>", lock_is_locked(l) ? "locked" : "unlocked", (void *)l);
}

/* ARGS_ANY: RLock() accepts and ignores any arguments, as CPython's does. */
static Value rlock_new_m(Value *args, int nargs, Value kwnames) { return lock_alloc(AS_TYPE(args[0])); }

#define LOCK_ACQUIRE_SIG "acquire($self, /, blocking=True, timeout=-1)"

/* ARGS_ANY: as in CPython, locks come from allocate_lock() only, whatever
 * the arguments of lock(). */
static Value lock_new_m(Value *args, int nargs, Value kwnames) {
    return err_format(&exc_TypeError, "cannot create '_thread.lock' instances");
}

static const MethodDef lock_methods[] = {
    {"__new__", lock_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"acquire", lock_acquire_m, ARGS_KW, "Lock the lock.", LOCK_ACQUIRE_SIG},
    {"acquire_lock", lock_acquire_m, ARGS_KW, NULL, LOCK_ACQUIRE_SIG},
    {"release", lock_release_m, ARGS_NONE, "Release the lock."},
    {"release_lock", lock_release_m, ARGS_NONE, NULL},
    {"locked", lock_locked_m, ARGS_NONE, "Test whether the lock is currently locked."},
    {"locked_lock", lock_locked_m, ARGS_NONE, NULL},
    {"__enter__", lock_acquire_m, ARGS_KW, NULL, LOCK_ACQUIRE_SIG},
    {"__exit__", lock_exit_m, ARGS_VAR, NULL},
    {"_at_fork_reinit", lock_reinit_m, ARGS_NONE, NULL},
    {"__repr__", lock_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};
Type type_thread_lock = {
    .tp_name = "_thread.lock", .base = &type_object, .flags = TF_WEAKREFABLE, .basicsize = sizeof(LockObj),
    .finalize = lock_finalize, .methods = lock_methods,
};

/* ---- _thread.RLock ----------------------------------------------------------------- */

static Value rlock_acquire_m(Value *args, int nargs, Value kwnames) {
    double timeout;
    if (lock_parse_acquire(args, &timeout) < 0) return VAL_NULL;
    LockObj *l = AS_LOCK(args[0]);
    uint64_t me = ts_get()->ident;
    if (l->count > 0 && l->owner == me) {
        l->count++;
        return VAL_TRUE;
    }
    int r = lock_acquire_timed(l, timeout, GIL_REASON_LOCK);
    if (r <= 0) return r < 0 ? VAL_NULL : VAL_FALSE;
    l->owner = me;
    l->count = 1;
    return VAL_TRUE;
}

static int rlock_release_one(LockObj *l) {
    if (l->count == 0 || l->owner != ts_get()->ident) {
        err_format(&exc_RuntimeError, "cannot release un-acquired lock");
        return -1;
    }
    if (--l->count == 0) {
        l->owner = 0;
        lock_unlock(l);
    }
    return 0;
}

static Value rlock_release_m(Value *args, int nargs, Value kwnames) {
    return rlock_release_one(AS_LOCK(args[0])) < 0 ? VAL_NULL : VAL_NONE;
}

static Value rlock_exit_m(Value *args, int nargs, Value kwnames) {
    return rlock_release_one(AS_LOCK(args[0])) < 0 ? VAL_NULL : VAL_FALSE;
}

static Value rlock_is_owned_m(Value *args, int nargs, Value kwnames) {
    LockObj *l = AS_LOCK(args[0]);
    return MK_BOOL(l->count > 0 && l->owner == ts_get()->ident);
}

static Value rlock_count_m(Value *args, int nargs, Value kwnames) {
    LockObj *l = AS_LOCK(args[0]);
    return MK_SMALLINT(l->owner == ts_get()->ident ? l->count : 0);
}

/* Condition.wait on an RLock: give it up entirely, remembering the depth. */
static Value rlock_release_save_m(Value *args, int nargs, Value kwnames) {
    LockObj *l = AS_LOCK(args[0]);
    if (l->count == 0) return err_format(&exc_RuntimeError, "cannot release un-acquired lock");
    Value state = tuple_pack(2, MK_SMALLINT(l->count), int_from_u64(l->owner));
    if (IS_NULL(state)) return VAL_NULL;
    l->count = 0;
    l->owner = 0;
    lock_unlock(l);
    return state;
}

static Value rlock_acquire_restore_m(Value *args, int nargs, Value kwnames) {
    LockObj *l = AS_LOCK(args[0]);
    Value st = args[1];
    if (!IS_TUPLE(st) || AS_TUPLE(st)->len != 2)
        return err_format(&exc_TypeError, "_acquire_restore() argument must be a (count, owner) tuple");
    if (lock_acquire_timed(l, -1, GIL_REASON_LOCK) < 0) return VAL_NULL;
    int64_t count;
    if (obj_index_i64(AS_TUPLE(st)->items[0], &count) < 0) return VAL_NULL;
    l->count = count;
    l->owner = ts_get()->ident;
    return VAL_NONE;
}

static Value rlock_repr_m(Value *args, int nargs, Value kwnames) {
    LockObj *l = AS_LOCK(args[0]);
    return str_format_c("<%s _thread.RLock object owner=%llu count=%lld at %p>", l->count ? "locked" : "unlocked",
                        (unsigned long long)l->owner, (long long)l->count, (void *)l);
}

static const MethodDef rlock_methods[] = {
    {"__new__", rlock_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"acquire", rlock_acquire_m, ARGS_KW, "Lock the lock.", LOCK_ACQUIRE_SIG},
    {"release", rlock_release_m, ARGS_NONE, "Release the lock."},
    {"__enter__", rlock_acquire_m, ARGS_KW, NULL, LOCK_ACQUIRE_SIG},
    {"__exit__", rlock_exit_m, ARGS_VAR, NULL},
    {"_is_owned", rlock_is_owned_m, ARGS_NONE, NULL},
    {"_recursion_count", rlock_count_m, ARGS_NONE, NULL},
    {"_release_save", rlock_release_save_m, ARGS_NONE, NULL},
    {"_acquire_restore", rlock_acquire_restore_m, ARGS_TUPLE(1, 1) | METH_VARARGS, NULL},
    {"_at_fork_reinit", lock_reinit_m, ARGS_NONE, NULL},
    {"__repr__", rlock_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};
Type type_thread_rlock = {
    .tp_name = "_thread.RLock", .base = &type_object, .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .basicsize = sizeof(LockObj), .finalize = lock_finalize, .methods = rlock_methods,
};

/* ---- threads ------------------------------------------------------------------------- */

static void thread_report_exception(Value func) {
    Value exc = err_fetch();
    if (IS_EXC(exc) && type_is_subtype(val_type(exc), &exc_SystemExit)) return;
    Value r = obj_repr(func);
    if (IS_NULL(r)) { err_clear(); r = str_intern_c("?"); }
    Value head = str_format_c("Exception ignored in thread started by: %U\n", r);
    Value err = obj_getattr_c(interp.sys_module, "stderr");
    if (!IS_NULL(head) && !IS_NULL(err) && !IS_NONE(err)) obj_call_method(err, "write", &head, 1);
    err_clear();
    exc_print(exc);
}

/* Release the sentinel locks of a finishing thread (Thread.join waits on them). */
static void thread_release_sentinels(ThreadState *ts) {
    if (!IS_LIST(ts->sentinels)) return;
    for (int64_t i = 0; i < AS_LIST(ts->sentinels)->len; i++) {
        LockObj *l = AS_LOCK(AS_LIST(ts->sentinels)->items[i]);
        if (lock_is_locked(l)) lock_unlock(l);
    }
    ts->sentinels = VAL_NULL;
}

static void *thread_main(void *arg) {
    ThreadState *ts = arg;
    ts_bind(ts);
    sig_block_in_thread();
    gil_acquire(ts);
    Value boot = ts->thread_obj;
    Value func = AS_TUPLE(boot)->items[0], args = AS_TUPLE(boot)->items[1], kw = AS_TUPLE(boot)->items[2];
    /* threading starts threads with a bound method of the Thread: keep the
       Thread as the state's thread object (the GIL statistics name rows by it) */
    ts->thread_obj = IS_EXACT(func, type_method) ? ((BoundMethod *)AS_OBJ(func))->self : VAL_NULL;
    if (IS_NULL(call_tuple_dict(func, args, IS_NONE(kw) ? VAL_NULL : kw))) thread_report_exception(func);
    thread_release_sentinels(ts);
    thread_count--;
    gilstats_thread_ended(ts);      /* keep its GIL counters (runtime/gilstats.c) */
    ts_unlink(ts);
    gil_release(ts, GIL_REASON_EXIT);
    ts_free(ts);
    return NULL;
}

/* start_new_thread(function, args, kwargs=None) */
static Value thread_start_m(Value *args, int nargs, Value kwnames) {
    if (!call_is_callable(args[0]))
        return err_format(&exc_TypeError, "first arg must be callable");
    if (!IS_TUPLE(args[1])) return err_format(&exc_TypeError, "2nd arg must be a tuple");
    if (!IS_NULL(args[2]) && !IS_DICT(args[2]))
        return err_format(&exc_TypeError, "optional 3rd arg must be a dictionary");
    if (interp.finalizing) return err_format(&exc_RuntimeError, "can't create new thread at interpreter shutdown");
    Value boot = tuple_pack(3, args[0], args[1], IS_NULL(args[2]) ? VAL_NONE : args[2]);
    if (IS_NULL(boot)) return VAL_NULL;
    gil_enable();
    ThreadState *ts = ts_new();
    if (!ts) return err_no_memory();
    ts->thread_obj = boot;
    ts->gil_released = 1;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, thread_stack_bytes ? thread_stack_bytes : ((size_t)8 << 20));
    pthread_t tid;
    int rc = pthread_create(&tid, &attr, thread_main, ts);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        ts_unlink(ts);
        ts_free(ts);
        return err_format(&exc_RuntimeError, "can't start new thread");
    }
    thread_count++;
    return int_from_u64(ts->ident);
}

static Value thread_allocate_lock_m(Value *args, int nargs, Value kwnames) {
    return lock_alloc(&type_thread_lock);
}

static Value thread_get_ident_m(Value *args, int nargs, Value kwnames) {
    return int_from_u64(ts_get()->ident);
}

static Value thread_get_native_id_m(Value *args, int nargs, Value kwnames) {
    return MK_SMALLINT((int64_t)syscall(SYS_gettid));
}

static Value thread_count_m(Value *args, int nargs, Value kwnames) {
    return MK_SMALLINT(thread_count);
}

static Value thread_stack_size_m(Value *args, int nargs, Value kwnames) {
    int64_t old = (int64_t)thread_stack_bytes;
    if (IS_NULL(args[0])) return MK_SMALLINT(old);
    int64_t size;
    if (arg_to_ssize(args[0], &size) < 0) return VAL_NULL;
    if (size != 0 && size < 32768) return err_format(&exc_ValueError, "size not valid: %lld bytes", (long long)size);
    thread_stack_bytes = (size_t)size;
    return MK_SMALLINT(old);
}

static Value thread_exit_m(Value *args, int nargs, Value kwnames) {
    return err_set_none(&exc_SystemExit);
}

static Value thread_interrupt_main_m(Value *args, int nargs, Value kwnames) {
    int signum = SIGINT;
    if (!IS_NULL(args[0]) && arg_to_cint(args[0], &signum) < 0) return VAL_NULL;
    raise(signum);
    return VAL_NONE;
}

static Value thread_set_sentinel_m(Value *args, int nargs, Value kwnames) {
    Value l = lock_alloc(&type_thread_lock);          /* unlocked: threading acquires it */
    if (IS_NULL(l)) return VAL_NULL;
    ThreadState *ts = ts_get();
    if (!IS_LIST(ts->sentinels)) {
        ts->sentinels = list_new(1);
        if (IS_NULL(ts->sentinels)) return VAL_NULL;
    }
    if (list_append(ts->sentinels, l) < 0) return VAL_NULL;
    return l;
}

static Value thread_daemon_allowed_m(Value *args, int nargs, Value kwnames) {
    return VAL_TRUE;
}

static const MethodDef thread_functions[] = {
    {"start_new_thread", thread_start_m, ARGS_POS(2, 3) | METH_VARARGS,
     "Start a new thread and return its identifier."},
    {"start_new", thread_start_m, ARGS_POS(2, 3) | METH_VARARGS, NULL, "start_new_thread()"},
    {"allocate_lock", thread_allocate_lock_m, ARGS_NONE, "Create a new lock object."},
    {"allocate", thread_allocate_lock_m, ARGS_NONE, NULL},
    {"get_ident", thread_get_ident_m, ARGS_NONE,
     "Return a non-zero integer that uniquely identifies the current thread."},
    {"get_native_id", thread_get_native_id_m, ARGS_NONE,
     "Return the native thread id of the current thread."},
    {"_count", thread_count_m, ARGS_NONE, NULL},
    {"stack_size", thread_stack_size_m, ARGS_TUPLE(0, 1) | METH_VARARGS,
     "Set the thread stack size used when new threads are created."},
    {"exit", thread_exit_m, ARGS_NONE, "Raise SystemExit."},
    {"exit_thread", thread_exit_m, ARGS_NONE, NULL},
    {"interrupt_main", thread_interrupt_main_m, ARGS_TUPLE(0, 1) | METH_VARARGS,
     "Simulate the arrival of a signal in the main thread."},
    {"_set_sentinel", thread_set_sentinel_m, ARGS_NONE, NULL},
    {"daemon_threads_allowed", thread_daemon_allowed_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};

Value mod_thread_init(void) {
    Value m = module_new_c("_thread");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    static int hooked;
    if (!hooked) {
        fork_add_child_hook(lock_after_fork_child);
        hooked = 1;
    }
    type_ready(&type_thread_lock);
    type_ready(&type_thread_rlock);
    dict_add_methods(d, thread_functions, m);
    dict_set_c(d, "LockType", MK_OBJ(&type_thread_lock));
    dict_set_c(d, "lock", MK_OBJ(&type_thread_lock));
    dict_set_c(d, "RLock", MK_OBJ(&type_thread_rlock));
    dict_set_c(d, "error", MK_OBJ(&exc_RuntimeError));
    dict_set_c(d, "TIMEOUT_MAX", MK_FLOAT(THREAD_TIMEOUT_MAX));
    return err_occurred() ? VAL_NULL : m;
}
