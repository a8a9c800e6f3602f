/* mod_multiprocessing.c - the `_multiprocessing` module: SemLock, sem_unlink, flags.
 *
 * CPython's multiprocessing (synchronize.py, queues.py, resource_tracker.py)
 * runs unchanged over this file.  A SemLock is a POSIX *named* semaphore
 * (sem_open), so that a process started by spawn or forkserver can open the
 * same one by name (`_rebuild`); under fork the name is unlinked at once and
 * the children inherit the mapping.
 *
 * The bookkeeping is CPython's: `count` is how many times this process's
 * object holds the semaphore, `last_tid` the thread that last acquired it.
 * A RECURSIVE_MUTEX (kind 0) re-entered by its owner only counts; `_is_mine`
 * is "count > 0 and acquired by this thread"; `_after_fork` forgets the
 * count in a child.  acquire tries sem_trywait with the GIL held, then waits
 * with it released (sem_wait, or sem_timedwait on a CLOCK_REALTIME deadline
 * computed before the first try), running signal handlers on EINTR.
 *
 * Handles: `handle` is the address of the sem_t, as in CPython.  Unlike
 * CPython, `_rebuild(handle, ..., None)` (the handle reused without a name)
 * accepts only a handle that this process opened (or inherited by fork), so a
 * stray integer is an OSError instead of a wild pointer.  Handles are counted
 * per open object and closed with the last one.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <semaphore.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/gil.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/signals.h"
#include "runtime/state.h"
#include "interp/modreg.h"

GILPY_MODULE("_multiprocessing", mod_multiprocessing_init);

enum { SL_RECURSIVE_MUTEX = 0, SL_SEMAPHORE = 1 };

typedef struct SemLock {
    Obj header;
    sem_t *handle;       /* NULL once closed */
    int kind;
    int maxvalue;
    int count;           /* acquisitions held through this object */
    uint64_t last_tid;   /* ts->ident of the thread that last acquired */
    Value name;          /* str, or None once unlinked */
} SemLock;

static Type type_semlock;
#define AS_SEMLOCK(v) ((SemLock *)AS_OBJ(v))

/* ---------------------------------------------------------------- open handles */

typedef struct SlHandle { sem_t *sem; int refs; } SlHandle;
static SlHandle *sl_handles;
static int sl_nhandles, sl_cap;

static SlHandle *sl_handle_find(sem_t *sem) {
    for (int i = 0; i < sl_nhandles; i++)
        if (sl_handles[i].sem == sem) return &sl_handles[i];
    return NULL;
}

static int sl_handle_ref(sem_t *sem) {
    SlHandle *h = sl_handle_find(sem);
    if (h) { h->refs++; return 0; }
    if (sl_nhandles == sl_cap) {
        int cap = sl_cap ? sl_cap * 2 : 16;
        SlHandle *n = gc_sys_realloc(sl_handles, (size_t)cap * sizeof *n);
        if (!n) return err_no_memory(), -1;
        sl_handles = n;
        sl_cap = cap;
    }
    sl_handles[sl_nhandles++] = (SlHandle){sem, 1};
    return 0;
}

static void sl_handle_unref(sem_t *sem) {
    SlHandle *h = sl_handle_find(sem);
    if (!h) return;
    if (--h->refs > 0) return;
    sem_close(sem);
    *h = sl_handles[--sl_nhandles];
}

/* ---------------------------------------------------------------- the object */

static void semlock_trace(Obj *o) { gc_mark_value(((SemLock *)o)->name); }

static void semlock_finalize(Obj *o) {
    SemLock *s = (SemLock *)o;
    if (s->handle) sl_handle_unref(s->handle);
    s->handle = NULL;
}

/* A SemLock over sem, which it takes: on failure sem is closed (unless other
 * objects hold it). */
static Value semlock_make(Value cls, sem_t *sem, int kind, int maxvalue, Value name) {
    if (sl_handle_ref(sem) < 0) {
        if (!sl_handle_find(sem)) sem_close(sem);
        return VAL_NULL;
    }
    SemLock *s = (SemLock *)obj_new_instance(AS_TYPE(cls));
    if (!s) { sl_handle_unref(sem); return VAL_NULL; }
    s->handle = sem;
    s->kind = kind;
    s->maxvalue = maxvalue;
    s->name = name;
    return MK_OBJ(s);
}

/* The str argument argname ("argument 'name'") of fname as a C string; no NUL inside. */
static const char *sl_name_arg(const char *fname, const char *argname, Value v) {
    if (!IS_STR(v)) {
        err_format(&exc_TypeError, "%s() %s must be str, not %N", fname, argname, v);
        return NULL;
    }
    if (memchr(STR_DATA(v), '\0', (size_t)STR_LEN(v))) {
        err_format(&exc_ValueError, "embedded null character");
        return NULL;
    }
    return STR_DATA(v);
}

/* SemLock(kind, value, maxvalue, name, unlink) */
static Value semlock_new_m(Value *args, int nargs, Value kwnames) {
    int kind, value, maxvalue, unlink;
    if (arg_to_int(args[1], &kind) < 0 || arg_to_int(args[2], &value) < 0 ||
        arg_to_int(args[3], &maxvalue) < 0)
        return VAL_NULL;
    const char *name = sl_name_arg("SemLock", "argument 'name'", args[4]);
    if (!name || arg_to_int(args[5], &unlink) < 0) return VAL_NULL;
    if (kind != SL_RECURSIVE_MUTEX && kind != SL_SEMAPHORE)
        return err_format(&exc_ValueError, "unrecognized kind");
    sem_t *sem = sem_open(name, O_CREAT | O_EXCL, 0600, (unsigned)value);
    if (sem == SEM_FAILED) return err_from_errno(&exc_OSError, VAL_NULL);
    if (unlink && sem_unlink(name) < 0) {
        int err = errno;
        sem_close(sem);
        errno = err;
        return err_from_errno(&exc_OSError, VAL_NULL);
    }
    return semlock_make(args[0], sem, kind, maxvalue, unlink ? VAL_NONE : args[4]);
}

/* _rebuild(handle, kind, maxvalue, name, /): a classmethod.  With a name the
 * semaphore is opened again by name (a spawned child); without one the handle
 * must be one this process holds. */
static Value semlock_rebuild_m(Value *args, int nargs, Value kwnames) {
    int kind, maxvalue;
    int64_t h = 0;
    if (!IS_INT(args[1]))
        return err_format(&exc_TypeError, "_rebuild() argument 1 must be int, not %T", args[1]);
    if (int_to_i64(args[1], &h) < 0) err_clear();
    if (arg_to_int(args[2], &kind) < 0 || arg_to_int(args[3], &maxvalue) < 0) return VAL_NULL;
    if (IS_NONE(args[4])) {
        sem_t *sem = (sem_t *)(intptr_t)h;
        if (!sl_handle_find(sem)) { errno = EINVAL; return err_from_errno(&exc_OSError, VAL_NULL); }
        return semlock_make(args[0], sem, kind, maxvalue, VAL_NONE);
    }
    const char *name = sl_name_arg("_rebuild", "argument 4", args[4]);
    if (!name) return VAL_NULL;
    sem_t *sem = sem_open(name, 0);
    if (sem == SEM_FAILED) return err_from_errno(&exc_OSError, VAL_NULL);
    return semlock_make(args[0], sem, kind, maxvalue, args[4]);
}

static int sl_is_mine(SemLock *s) { return s->count > 0 && s->last_tid == ts_get()->ident; }

/* The absolute CLOCK_REALTIME deadline `timeout` seconds from now, as
 * sem_timedwait wants it; 0, or -1 when no clock can hold it (NaN, inf,
 * beyond time_t), which CPython's sem_timedwait answers with EINVAL. */
static int sl_deadline(double timeout, struct timespec *out) {
    struct timeval now;
    gettimeofday(&now, NULL);
    if (timeout < 0) timeout = 0;
    if (!(timeout < (double)(LONG_MAX - now.tv_sec - 1))) return -1;
    long sec = (long)timeout;
    long nsec = (long)(1e9 * (timeout - (double)sec) + 0.5);
    out->tv_sec = now.tv_sec + sec;
    out->tv_nsec = now.tv_usec * 1000 + nsec;
    out->tv_sec += out->tv_nsec / 1000000000L;
    out->tv_nsec %= 1000000000L;
    return 0;
}

/* Block on the semaphore with the GIL released: 0, or -1 with errno. */
static int sl_wait(sem_t *sem, const struct timespec *deadline) {
    int res, err;
    for (;;) {
        GIL_BLOCKING_BEGIN(GIL_REASON_LOCK);
        res = deadline ? sem_timedwait(sem, deadline) : sem_wait(sem);
        err = errno;
        GIL_BLOCKING_END();
        if (res == 0 || err != EINTR) break;
        if (sig_check() < 0) return errno = EINTR, -1;
    }
    errno = err;
    return res;
}

/* acquire(block=True, timeout=None) */
static Value semlock_acquire_m(Value *args, int nargs, Value kwnames) {
    SemLock *s = AS_SEMLOCK(args[0]);
    int blocking = 1, bad_deadline = 0;
    struct timespec deadline;
    double timeout = 0;
    if (!IS_NULL(args[1]) && arg_to_int(args[1], &blocking) < 0) return VAL_NULL;
    if (!s->handle) return err_format(&exc_ValueError, "semaphore is closed");
    if (s->kind == SL_RECURSIVE_MUTEX && sl_is_mine(s)) {   /* before the timeout, as CPython */
        s->count++;
        return VAL_TRUE;
    }
    int use_deadline = !IS_NULL(args[2]) && !IS_NONE(args[2]);
    if (use_deadline) {
        if (arg_to_double(args[2], &timeout) < 0) return VAL_NULL;
        bad_deadline = sl_deadline(timeout, &deadline) < 0;
    }
    int res;
    while ((res = sem_trywait(s->handle)) < 0 && errno == EINTR)
        if (sig_check() < 0) return VAL_NULL;
    if (res < 0 && errno == EAGAIN && blocking) {
        if (bad_deadline) errno = EINVAL;
        else if (sl_wait(s->handle, use_deadline ? &deadline : NULL) == 0) res = 0;
        if (res < 0 && errno == EINTR) return VAL_NULL;
    }
    if (res < 0) {
        if (errno == EAGAIN || errno == ETIMEDOUT) return VAL_FALSE;
        return err_from_errno(&exc_OSError, VAL_NULL);
    }
    s->count++;
    s->last_tid = ts_get()->ident;
    return VAL_TRUE;
}

static Value semlock_release_m(Value *args, int nargs, Value kwnames) {
    SemLock *s = AS_SEMLOCK(args[0]);
    if (!s->handle) return err_format(&exc_ValueError, "semaphore is closed");
    if (s->kind == SL_RECURSIVE_MUTEX) {
        if (!sl_is_mine(s))
            return err_format(&exc_AssertionError, "attempt to release recursive lock not owned by thread");
        if (s->count > 1) {
            s->count--;
            return VAL_NONE;
        }
    } else {
        int sval;
        if (sem_getvalue(s->handle, &sval) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
        if (sval >= s->maxvalue)
            return err_format(&exc_ValueError, "semaphore or lock released too many times");
    }
    if (sem_post(s->handle) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    s->count--;
    return VAL_NONE;
}

static Value semlock_enter_m(Value *args, int nargs, Value kwnames) {
    Value a[3] = {args[0], VAL_NULL, VAL_NULL};
    return semlock_acquire_m(a, 3, VAL_NULL);
}

static Value semlock_exit_m(Value *args, int nargs, Value kwnames) {
    return semlock_release_m(args, 1, VAL_NULL);
}

static Value semlock_count_m(Value *args, int nargs, Value kwnames) {
    return MK_SMALLINT(AS_SEMLOCK(args[0])->count);
}

static Value semlock_is_mine_m(Value *args, int nargs, Value kwnames) {
    return MK_BOOL(sl_is_mine(AS_SEMLOCK(args[0])));
}

/* The semaphore's value (never negative), or -1 with an error. */
static int sl_value(SemLock *s) {
    int sval;
    if (!s->handle) return err_format(&exc_ValueError, "semaphore is closed"), -1;
    if (sem_getvalue(s->handle, &sval) < 0) return err_from_errno(&exc_OSError, VAL_NULL), -1;
    return sval < 0 ? 0 : sval;
}

static Value semlock_get_value_m(Value *args, int nargs, Value kwnames) {
    int v = sl_value(AS_SEMLOCK(args[0]));
    return v < 0 ? VAL_NULL : MK_SMALLINT(v);
}

static Value semlock_is_zero_m(Value *args, int nargs, Value kwnames) {
    int v = sl_value(AS_SEMLOCK(args[0]));
    return v < 0 ? VAL_NULL : MK_BOOL(v == 0);
}

static Value semlock_after_fork_m(Value *args, int nargs, Value kwnames) {
    AS_SEMLOCK(args[0])->count = 0;
    return VAL_NONE;
}

static Value semlock_get_handle(Value self) { return int_from_u64((uint64_t)(uintptr_t)AS_SEMLOCK(self)->handle); }
static Value semlock_get_kind(Value self) { return MK_SMALLINT(AS_SEMLOCK(self)->kind); }
static Value semlock_get_maxvalue(Value self) { return MK_SMALLINT(AS_SEMLOCK(self)->maxvalue); }
static Value semlock_get_name(Value self) { return AS_SEMLOCK(self)->name; }

static const GetSetDef semlock_getsets[] = {
    {"handle", semlock_get_handle, getset_readonly, NULL},
    {"kind", semlock_get_kind, getset_readonly, NULL},
    {"maxvalue", semlock_get_maxvalue, getset_readonly, NULL},
    {"name", semlock_get_name, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef semlock_methods[] = {
    {"__new__", semlock_new_m, METH_STATIC | ARGS_KW, NULL,
     "(type, kind, value, maxvalue, name, unlink)"},
    {"acquire", semlock_acquire_m, ARGS_KW, "Acquire the semaphore/lock.",
     "($self, /, block=True, timeout=None)"},
    {"release", semlock_release_m, ARGS_NONE, "Release the semaphore/lock."},
    {"__enter__", semlock_enter_m, ARGS_NONE, "Enter the semaphore/lock."},
    {"__exit__", semlock_exit_m, ARGS_POS(0, 3), "Exit the semaphore/lock."},
    {"_count", semlock_count_m, ARGS_NONE, "Num of `acquire()`s minus num of `release()`s for this process."},
    {"_is_mine", semlock_is_mine_m, ARGS_NONE, "Whether the lock is owned by this thread."},
    {"_get_value", semlock_get_value_m, ARGS_NONE, "Get the value of the semaphore."},
    {"_is_zero", semlock_is_zero_m, ARGS_NONE, "Return whether semaphore has value zero."},
    {"_rebuild", semlock_rebuild_m, METH_CLASS | ARGS_POS(4, 4), NULL},
    {"_after_fork", semlock_after_fork_m, ARGS_NONE, "Rezero the net acquisition count after fork()."},
    {NULL, NULL, 0, NULL},
};

static Type type_semlock = {
    .tp_name = "_multiprocessing.SemLock", .base = &type_object, .basicsize = sizeof(SemLock),
    .flags = TF_BASETYPE, .trace = semlock_trace, .finalize = semlock_finalize,
    .methods = semlock_methods, .getsets = semlock_getsets,
};
GILPY_TYPE(type_semlock, NULL);

/* ---------------------------------------------------------------- the module */

/* sem_unlink(name) */
static Value mp_sem_unlink_m(Value *args, int nargs, Value kwnames) {
    const char *name = sl_name_arg("sem_unlink", "argument", args[0]);
    if (!name) return VAL_NULL;
    if (sem_unlink(name) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return VAL_NONE;
}

static const MethodDef mp_functions[] = {
    {"sem_unlink", mp_sem_unlink_m, ARGS_ONE, NULL},
    {NULL, NULL, 0, NULL},
};

Value mod_multiprocessing_init(void) {
    Value m = module_new_c("_multiprocessing");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, mp_functions, m);
    Value flags = dict_new();
    if (IS_NULL(flags)) return VAL_NULL;
    if (dict_set_c(flags, "HAVE_SEM_OPEN", MK_SMALLINT(1)) < 0 ||
        dict_set_c(flags, "HAVE_SEM_TIMEDWAIT", MK_SMALLINT(1)) < 0 ||
        dict_set_c(d, "flags", flags) < 0 ||
        dict_set_c(d, "SemLock", MK_OBJ(&type_semlock)) < 0 ||
        dict_set_c(type_semlock.dict, "SEM_VALUE_MAX", MK_SMALLINT(SEM_VALUE_MAX)) < 0 ||
        dict_set_c(type_semlock.dict, "__doc__", str_from_c("Semaphore/Mutex type")) < 0)
        return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
