/* mod_mp.c - the `_mp` module: multiprocessing's small C core.
 *
 * Design: everything process-shared lives in anonymous MAP_SHARED memory
 * mapped before fork, so parent and children see the same bytes:
 *   - Sem: a POSIX unnamed semaphore (sem_init with pshared=1) plus its
 *     maxvalue; multiprocessing's Lock, RLock, Semaphore, Event, Condition
 *     and Barrier are Python code over it (stdlib/lib/multiprocessing/).
 *   - Buffer: raw shared bytes read and written by struct-like typecode
 *     (Value, Array, RawValue, RawArray, and the RLock's owner record).
 *   - poll(fds, timeout): which fds are readable (Connection.poll, Pool).
 *   - pack_frames/read_frame: Queue's wire format (a 4-byte big-endian length,
 *     the payload, zero padding up to a minimum frame size so that a small
 *     item is read with one read(2)), done in C because it is the hot path;
 *     read_exact: Connection's reads.
 *   - private fds and the lifeline (pipe, close, fork, set_lifeline): so
 *     that no process is left waiting forever for one that died; the design
 *     is at the top of that section.
 * Blocking waits release the GIL and touch no object meanwhile.  A mapping
 * is unmapped when its object is collected in that process.
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <semaphore.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "runtime/object.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/fork.h"
#include "runtime/gc.h"
#include "runtime/gil.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_float.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/signals.h"
#include "interp/modreg.h"

GILPY_MODULE("_mp", mod_mp_init);

/* ---------------------------------------------------------------- shared memory */

static void *mp_map(size_t size) {
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) { err_from_errno(&exc_OSError, VAL_NULL); return NULL; }
    return p;
}

/* ---------------------------------------------------------------- Sem */

typedef struct MpSem {
    Obj header;
    sem_t *sem;          /* in shared memory */
    int64_t maxvalue;
} MpSem;

static Type type_mp_sem;

static void mp_sem_finalize(Obj *o) {
    MpSem *s = (MpSem *)o;
    if (s->sem) munmap(s->sem, sizeof(sem_t));
    s->sem = NULL;
}

/* Sem(value, maxvalue).  ARGS_ANY (also Buffer's __new__): a static __new__
 * gets its class as args[0], which the ARGS_* counts would include. */
static Value mp_sem_new(Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"cls", "value", "maxvalue"};
    Value a[3];
    int64_t value, maxv;
    if (arg_parse("Sem", args, nargs, kwnames, names, 3, 3, 3, a) < 0 ||
        int_to_i64(a[1], &value) < 0 || int_to_i64(a[2], &maxv) < 0)
        return VAL_NULL;
    if (value < 0 || value > SEM_VALUE_MAX) return err_format(&exc_ValueError, "invalid value");
    MpSem *s = (MpSem *)obj_new_instance(AS_TYPE(a[0]));
    if (!s) return VAL_NULL;
    s->sem = mp_map(sizeof(sem_t));
    if (!s->sem) return VAL_NULL;
    if (sem_init(s->sem, 1, (unsigned)value) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    s->maxvalue = maxv;
    return MK_OBJ(s);
}

/* Wait for the semaphore: 1 acquired, 0 timed out.  timeout < 0: forever. */
static int mp_sem_wait(sem_t *sem, double timeout) {
    int rc, err;
    struct timespec ts;
    if (timeout >= 0) {
        clock_gettime(CLOCK_REALTIME, &ts);
        double end = (double)ts.tv_sec + ts.tv_nsec / 1e9 + timeout;
        ts.tv_sec = (time_t)end;
        ts.tv_nsec = (long)((end - (double)ts.tv_sec) * 1e9);
        if (ts.tv_nsec >= 1000000000L) { ts.tv_sec++; ts.tv_nsec -= 1000000000L; }
    }
    GIL_BLOCKING_BEGIN(GIL_REASON_LOCK);
    do {
        rc = timeout >= 0 ? sem_timedwait(sem, &ts) : sem_wait(sem);
    } while (rc < 0 && errno == EINTR);
    err = errno;
    GIL_BLOCKING_END();
    if (rc == 0) return 1;
    return err == ETIMEDOUT ? 0 : (errno = err, -1);
}

/* acquire(block=True, timeout=None): args = [self, block, timeout] */
static Value mp_sem_acquire(Value *args, int nargs, Value kwnames) {
    Value *a = args;
    MpSem *s = (MpSem *)AS_OBJ(a[0]);
    int block = IS_NULL(a[1]) ? 1 : obj_truthy(a[1]);
    double timeout = -1;
    if (block < 0) return VAL_NULL;
    if (!IS_NULL(a[2]) && !IS_NONE(a[2])) {
        if (arg_to_double(a[2], &timeout) < 0) return VAL_NULL;
        if (timeout < 0) timeout = 0;
    }
    if (sem_trywait(s->sem) == 0) return VAL_TRUE;
    if (!block) return VAL_FALSE;
    /* NaN, inf and timeouts past time_t: CPython's deadline is invalid and
     * sem_timedwait says EINVAL; never a wait without end */
    if (!(timeout < 9.2e18)) { errno = EINVAL; return err_from_errno(&exc_OSError, VAL_NULL); }
    int r = mp_sem_wait(s->sem, timeout);
    if (r < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return r ? VAL_TRUE : VAL_FALSE;
}

static Value mp_sem_release(Value *args, int nargs, Value kwnames) {
    MpSem *s = (MpSem *)AS_OBJ(args[0]);
    int v = 0;
    sem_getvalue(s->sem, &v);
    if (s->maxvalue > 0 && v >= s->maxvalue)
        return err_format(&exc_ValueError, "semaphore or lock released too many times");
    if (sem_post(s->sem) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return VAL_NONE;
}

static Value mp_sem_get_value(Value *args, int nargs, Value kwnames) {
    int v = 0;
    sem_getvalue(((MpSem *)AS_OBJ(args[0]))->sem, &v);
    return MK_SMALLINT(v < 0 ? 0 : v);
}

static const MethodDef mp_sem_methods[] = {
    {"__new__", mp_sem_new, METH_STATIC | ARGS_ANY, NULL},
    {"acquire", mp_sem_acquire, ARGS_KW, "Acquire the semaphore (block, timeout); True if acquired.",
     "($self, /, block=True, timeout=None)"},
    {"release", mp_sem_release, ARGS_NONE, "Release the semaphore."},
    {"get_value", mp_sem_get_value, ARGS_NONE, "The semaphore's current value."},
    {NULL, NULL, 0, NULL},
};

static Type type_mp_sem = {
    .tp_name = "_mp.Sem", .base = &type_object, .basicsize = sizeof(MpSem),
    .finalize = mp_sem_finalize, .methods = mp_sem_methods,
};

/* ---------------------------------------------------------------- Buffer */

typedef struct MpBuffer {
    Obj header;
    uint8_t *data;       /* in shared memory */
    int64_t size;
} MpBuffer;

static Type type_mp_buffer;

static void mp_buffer_finalize(Obj *o) {
    MpBuffer *b = (MpBuffer *)o;
    if (b->data) munmap(b->data, (size_t)(b->size ? b->size : 1));
    b->data = NULL;
}

/* Buffer(size) */
static Value mp_buffer_new(Value *args, int nargs, Value kwnames) {
    int64_t size;
    if (arg_no_kw("Buffer", kwnames) || arg_count("Buffer", nargs - 1, 1, 1) || int_to_i64(args[1], &size) < 0)
        return VAL_NULL;
    if (size < 0 || size > ((int64_t)1 << 40)) return err_format(&exc_ValueError, "invalid buffer size");
    MpBuffer *b = (MpBuffer *)obj_new_instance(AS_TYPE(args[0]));
    if (!b) return VAL_NULL;
    b->data = mp_map((size_t)(size ? size : 1));
    if (!b->data) return VAL_NULL;
    b->size = size;
    return MK_OBJ(b);
}

/* Size of one item of a typecode, 0 if unknown. */
static int mp_itemsize(char tc) {
    switch (tc) {
    case 'b': case 'B': case 'c': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'd': return 8;
    default: return 0;
    }
}

/* Parse (typecode, index) and bounds-check; returns the item's address. */
static uint8_t *mp_buffer_item(Value *args, char *tc) {
    MpBuffer *b = (MpBuffer *)AS_OBJ(args[0]);
    int64_t idx;
    if (!IS_STR(args[1]) || STR_LEN(args[1]) != 1 || !mp_itemsize(STR_DATA(args[1])[0])) {
        err_format(&exc_ValueError, "bad typecode");
        return NULL;
    }
    *tc = STR_DATA(args[1])[0];
    if (int_to_i64(args[2], &idx) < 0) return NULL;
    int sz = mp_itemsize(*tc);
    if (idx < 0 || (idx + 1) * sz > b->size) { err_format(&exc_IndexError, "index out of range"); return NULL; }
    return b->data + idx * sz;
}

static Value mp_load(const uint8_t *p, char tc) {
    union { int8_t b; uint8_t B; int16_t h; uint16_t H; int32_t i; uint32_t I; int64_t q; uint64_t Q;
            float f; double d; } u;
    memcpy(&u, p, (size_t)mp_itemsize(tc));
    switch (tc) {
    case 'b': return MK_SMALLINT(u.b);
    case 'B': return MK_SMALLINT(u.B);
    case 'c': return bytes_new(p, 1);
    case 'h': return MK_SMALLINT(u.h);
    case 'H': return MK_SMALLINT(u.H);
    case 'i': return MK_SMALLINT(u.i);
    case 'I': return MK_SMALLINT(u.I);
    case 'f': return val_from_float_safe(u.f);
    case 'd': return val_from_float_safe(u.d);
    case 'L': case 'Q': return int_from_u64(u.Q);
    default: return int_from_i64(u.q);
    }
}

static int mp_store_int(uint8_t *p, char tc, Value v) {
    int64_t i;
    if (tc == 'Q' || tc == 'L') {
        Value lim = int_from_u64(UINT64_MAX);
        if (!IS_INT(v)) { err_format(&exc_TypeError, "an integer is required (got type %T)", v); return -1; }
        if (int_sign(v) < 0 || int_compare(v, lim) > 0) { err_format(&exc_OverflowError, "int too big to convert"); return -1; }
        mpz_t z; mpz_init(z); int_to_mpz(v, z);
        uint64_t u = mpz_get_ui(z);
        mpz_clear(z);
        memcpy(p, &u, 8);
        return 0;
    }
    if (!IS_INT(v)) { err_format(&exc_TypeError, "an integer is required (got type %T)", v); return -1; }
    if (int_to_i64(v, &i) < 0) return -1;
    union { int8_t b; uint8_t B; int16_t h; uint16_t H; int32_t i; uint32_t I; int64_t q; } u;
    switch (tc) {
    case 'b': u.b = (int8_t)i; break;
    case 'B': u.B = (uint8_t)i; break;
    case 'h': u.h = (int16_t)i; break;
    case 'H': u.H = (uint16_t)i; break;
    case 'i': u.i = (int32_t)i; break;
    case 'I': u.I = (uint32_t)i; break;
    default: u.q = i; break;
    }
    memcpy(p, &u, (size_t)mp_itemsize(tc));
    return 0;
}

static int mp_store(uint8_t *p, char tc, Value v) {
    if (tc == 'c') {
        if (!IS_BYTES(v) || AS_BYTES(v)->len != 1) {
            err_format(&exc_TypeError, "one character bytes, bytearray or integer expected");
            return -1;
        }
        *p = AS_BYTES(v)->data[0];
        return 0;
    }
    if (tc == 'f' || tc == 'd') {
        double d;
        if (arg_to_double(v, &d) < 0) return -1;
        if (tc == 'f') { float f = (float)d; memcpy(p, &f, 4); } else memcpy(p, &d, 8);
        return 0;
    }
    return mp_store_int(p, tc, v);
}

static Value mp_buffer_get(Value *args, int nargs, Value kwnames) {
    char tc;
    uint8_t *p = mp_buffer_item(args, &tc);
    return p ? mp_load(p, tc) : VAL_NULL;
}

static Value mp_buffer_set(Value *args, int nargs, Value kwnames) {
    char tc;
    uint8_t *p = mp_buffer_item(args, &tc);
    return !p || mp_store(p, tc, args[3]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value mp_buffer_check(Value *args, int nargs, Value kwnames) {
    char tc;
    uint8_t tmp[8];
    if (!IS_STR(args[1]) || STR_LEN(args[1]) != 1 || !mp_itemsize(STR_DATA(args[1])[0]))
        return err_format(&exc_ValueError, "bad typecode");
    tc = STR_DATA(args[1])[0];
    return mp_store(tmp, tc, args[2]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value mp_buffer_read(Value *args, int nargs, Value kwnames) {
    MpBuffer *b = (MpBuffer *)AS_OBJ(args[0]);
    return bytes_new(b->data, (size_t)b->size);
}

static const MethodDef mp_buffer_methods[] = {
    {"__new__", mp_buffer_new, METH_STATIC | ARGS_ANY, NULL},
    {"get", mp_buffer_get, ARGS_POS(2, 2), "get(typecode, index): the item at index."},
    {"set", mp_buffer_set, ARGS_POS(3, 3), "set(typecode, index, value): store an item."},
    {"check", mp_buffer_check, ARGS_POS(2, 2), "check(typecode, value): raise if value does not fit."},
    {"read", mp_buffer_read, ARGS_NONE, "All the bytes."},
    {NULL, NULL, 0, NULL},
};

static Type type_mp_buffer = {
    .tp_name = "_mp.Buffer", .base = &type_object, .basicsize = sizeof(MpBuffer),
    .finalize = mp_buffer_finalize, .methods = mp_buffer_methods,
};

/* ---------------------------------------------------------------- private fds, lifeline
 *
 * Private fds are a process's own ends of the pipes that tie it to its
 * children: a child's sentinel, a child's lifeline (below), a Pool's task and
 * result pipes and wake-up pipe.  No other process may hold one, or the other
 * side never sees EOF (a Pool worker that kept its own task pipe's write end
 * would wait forever once the parent died).  pipe() registers both ends at
 * creation, in the same C call, so no fork in another thread copies them
 * unregistered; every forked child (os.fork too) closes them all in a fork
 * hook, except the ones that fork(keep, forkfn) hands to that child, which
 * become the child's own private fds.  A private fd is closed with close(),
 * which forgets it first (a stale entry would close a reused fd number in the
 * next child).
 *
 * The lifeline: a child started by multiprocessing keeps the read end of a
 * pipe whose write end only its parent holds (CPython's parent sentinel), so
 * it reaches EOF when the parent dies.  A blocking read in that child
 * (read_exact, read_frame) polls it with the fd it reads: when the parent is
 * gone and nothing is left to read, the read raises EOFError instead of
 * waiting forever for a writer that died with the parent (a child blocked in
 * Queue.get or Connection.recv; CPython's would hang), and poll(fds, timeout,
 * watch=True) reports the lifeline among the ready fds.  A plain os.fork
 * child has no lifeline (the hook clears it).
 */

#define MP_MAX_KEEP 16

static int *mp_private;             /* malloc'd; no Values */
static size_t mp_nprivate, mp_private_cap;
static int mp_keep[MP_MAX_KEEP];    /* during fork(keep, forkfn) only */
static int mp_nkeep;
static int mp_lifeline = -1;

static int mp_private_add(int fd) {
    if (mp_nprivate == mp_private_cap) {
        size_t cap = mp_private_cap ? mp_private_cap * 2 : 16;
        int *p = realloc(mp_private, cap * sizeof *p);
        if (!p) { err_no_memory(); return -1; }
        mp_private = p;
        mp_private_cap = cap;
    }
    mp_private[mp_nprivate++] = fd;
    return 0;
}

static void mp_private_forget(int fd) {
    for (size_t i = 0; i < mp_nprivate; i++)
        if (mp_private[i] == fd) { mp_private[i] = mp_private[--mp_nprivate]; return; }
}

static int mp_kept(int fd) {
    for (int i = 0; i < mp_nkeep; i++)
        if (mp_keep[i] == fd) return 1;
    return 0;
}

/* Fork hook (runtime/fork.c), in every child: close the private fds this
 * child was not given; the kept ones are its own from now on. */
static void mp_after_fork_child(void) {
    size_t n = 0;
    for (size_t i = 0; i < mp_nprivate; i++) {
        if (mp_kept(mp_private[i])) mp_private[n++] = mp_private[i];
        else close(mp_private[i]);
    }
    mp_nprivate = n;
    mp_nkeep = 0;
    mp_lifeline = -1;
}

/* pipe(r_private=True, w_private=True) -> (r, w): a close-on-exec pipe whose
 * ends are private as asked (a Manager's clients' ends are not: every later
 * child inherits them to use proxies). */
static Value mp_pipe(Value *args, int nargs, Value kwnames) {
    int priv[2], fds[2];
    for (int i = 0; i < 2; i++) {
        priv[i] = IS_NULL(args[i]) ? 1 : obj_truthy(args[i]);
        if (priv[i] < 0) return VAL_NULL;
    }
    if (pipe2(fds, O_CLOEXEC) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    if ((priv[0] && mp_private_add(fds[0]) < 0) || (priv[1] && mp_private_add(fds[1]) < 0)) {
        mp_private_forget(fds[0]);
        close(fds[0]);
        close(fds[1]);
        return VAL_NULL;
    }
    return tuple_pack(2, MK_SMALLINT(fds[0]), MK_SMALLINT(fds[1]));
}

/* close(fd): forget fd if it is private, then close it (OSError as os.close). */
static Value mp_close(Value *args, int nargs, Value kwnames) {
    int fd;
    if (arg_to_cint(args[0], &fd) < 0) return VAL_NULL;
    mp_private_forget(fd);
    if (fd == mp_lifeline) mp_lifeline = -1;
    if (close(fd) < 0 && errno != EINTR) return err_from_errno(&exc_OSError, VAL_NULL);
    return VAL_NONE;
}

/* fork(keep, forkfn): forkfn() (os.fork) with the private fds in keep handed
 * to the child; returns what forkfn returns. */
static Value mp_fork(Value *args, int nargs, Value kwnames) {
    Value keep = args[0];
    if (!IS_LIST(keep) && !IS_TUPLE(keep))
        return err_format(&exc_TypeError, "fork() expects a tuple of fds");
    int64_t n = IS_LIST(keep) ? AS_LIST(keep)->len : AS_TUPLE(keep)->len;
    Value *items = IS_LIST(keep) ? AS_LIST(keep)->items : AS_TUPLE(keep)->items;
    if (n > MP_MAX_KEEP) return err_format(&exc_ValueError, "too many fds to keep");
    int fds[MP_MAX_KEEP];
    for (int64_t i = 0; i < n; i++)
        if (arg_to_cint(items[i], &fds[i]) < 0) return VAL_NULL;
    memcpy(mp_keep, fds, sizeof(int) * (size_t)n);
    mp_nkeep = (int)n;      /* read by the hook in the child, before forkfn returns */
    Value r = call_value(args[1], NULL, 0, VAL_NULL);
    mp_nkeep = 0;
    return r;
}

/* set_lifeline(fd): watch fd (-1: nothing) in this process's blocking reads. */
static Value mp_set_lifeline(Value *args, int nargs, Value kwnames) {
    int fd;
    if (arg_to_cint(args[0], &fd) < 0) return VAL_NULL;
    mp_lifeline = fd;
    return VAL_NONE;
}

/* Without the GIL: wait until fd is readable; 1 if the lifeline reached EOF
 * first (the parent died), -1 with errno on error (EINTR included). */
static int mp_wait_or_orphan(int fd, int life) {
    struct pollfd p[2] = {{.fd = fd, .events = POLLIN}, {.fd = life, .events = POLLIN}};
    int rc = poll(p, 2, -1);
    if (rc < 0) return -1;
    return !p[0].revents && p[1].revents;
}

/* ---------------------------------------------------------------- poll */

static Value mp_poll_result(struct pollfd *pfds, int64_t n) {
    Value out = list_new(0);
    for (int64_t i = 0; i < n && !IS_NULL(out); i++)
        if (pfds[i].revents && list_append(out, MK_SMALLINT(pfds[i].fd)) < 0) return VAL_NULL;
    return out;
}

/* The timeout of poll() as CPython's PollSelector takes it: math.ceil(t * 1e3)
 * milliseconds (NaN and infinities cannot be converted), which must fit the
 * nanosecond clock.  Seconds, -1 for none; 0 or -1 with the error. */
static int mp_poll_timeout(Value v, double *out) {
    if (arg_to_double(v, out) < 0) return -1;
    if (isnan(*out)) { err_format(&exc_ValueError, "cannot convert float NaN to integer"); return -1; }
    if (isinf(*out) && *out > 0) {
        err_format(&exc_OverflowError, "cannot convert float infinity to integer");
        return -1;
    }
    if (*out > 9223372036.0) {
        err_format(&exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    if (*out < 0) *out = 0;
    return 0;
}

/* poll(fds, timeout, watch=False): the fds readable (or at EOF/error) within
 * timeout seconds (None: forever); with watch, the lifeline too, which is
 * then among the fds returned when the parent died. */
static Value mp_poll(Value *args, int nargs, Value kwnames) {
    if (!IS_LIST(args[0])) return err_format(&exc_TypeError, "poll() expects a list of fds");
    double timeout = -1;
    if (!IS_NONE(args[1]) && mp_poll_timeout(args[1], &timeout) < 0) return VAL_NULL;
    int watch = IS_NULL(args[2]) ? 0 : obj_truthy(args[2]);
    if (watch < 0) return VAL_NULL;
    int64_t n = AS_LIST(args[0])->len;
    struct pollfd *pfds = calloc((size_t)n + 1, sizeof *pfds);
    if (!pfds) return err_no_memory();
    for (int64_t i = 0; i < n; i++) {
        int64_t fd;
        if (int_to_i64(AS_LIST(args[0])->items[i], &fd) < 0) { free(pfds); return VAL_NULL; }
        pfds[i].fd = (int)fd;
        pfds[i].events = POLLIN;
    }
    if (watch && mp_lifeline >= 0) {
        pfds[n].fd = mp_lifeline;
        pfds[n++].events = POLLIN;
    }
    int ms = timeout < 0 ? -1 : timeout > 1e6 ? 1000000000 : (int)ceil(timeout * 1000);
    int rc, err;
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    do {
        rc = poll(pfds, (nfds_t)n, ms);
    } while (rc < 0 && errno == EINTR);
    err = errno;
    GIL_BLOCKING_END();
    Value r = rc < 0 ? (errno = err, err_from_errno(&exc_OSError, VAL_NULL)) : mp_poll_result(pfds, n);
    free(pfds);
    return r;
}


/* ---------------------------------------------------------------- Queue frames */

static int mp_frame_arg(Value v, int64_t *out) {
    if (int_to_i64(v, out) < 0) return -1;
    if (*out < 4 || *out > 4096) { err_format(&exc_ValueError, "bad frame size"); return -1; }
    return 0;
}

/* pack_frames(list_of_bytes, minframe) -> bytes: every item as one frame. */
static Value mp_pack_frames(Value *args, int nargs, Value kwnames) {
    int64_t minf;
    if (mp_frame_arg(args[1], &minf) < 0) return VAL_NULL;
    if (!IS_LIST(args[0])) return err_format(&exc_TypeError, "pack_frames() expects a list");
    List *l = AS_LIST(args[0]);
    size_t total = 0;
    for (int64_t i = 0; i < l->len; i++) {
        const uint8_t *d;
        int64_t n;
        if (bytes_view(l->items[i], &d, &n) < 0) return VAL_NULL;
        if (n > 0x7fffffff) return err_format(&exc_ValueError, "message too long");
        total += (size_t)(n + 4 < minf ? minf : n + 4);
    }
    uint8_t *buf = calloc(total + 1, 1);
    if (!buf) return err_no_memory();
    size_t at = 0;
    for (int64_t i = 0; i < l->len; i++) {
        const uint8_t *d;
        int64_t n;
        bytes_view(l->items[i], &d, &n);
        buf[at] = (uint8_t)(n >> 24); buf[at + 1] = (uint8_t)(n >> 16);
        buf[at + 2] = (uint8_t)(n >> 8); buf[at + 3] = (uint8_t)n;
        memcpy(buf + at + 4, d, (size_t)n);
        at += (size_t)(n + 4 < minf ? minf : n + 4);
    }
    Value r = bytes_new(buf, total);
    free(buf);
    return r;
}

/* Read exactly n bytes, with the GIL released: 0; 1 at EOF; 2 when the
 * lifeline says the parent died; -1 with errno; -2 when a signal handler
 * raised (a read interrupted by a signal runs the handlers, as os.read). */
static int mp_read_exact(int fd, uint8_t *buf, size_t n) {
    size_t got = 0;
    int life = mp_lifeline, rc, err;
    for (;;) {
        rc = 0;
        GIL_BLOCKING_BEGIN(GIL_REASON_IO);
        while (got < n) {
            int orphan = life >= 0 ? mp_wait_or_orphan(fd, life) : 0;
            if (orphan) { rc = orphan > 0 ? 2 : -1; break; }
            ssize_t k = read(fd, buf + got, n - got);
            if (k <= 0) { rc = k < 0 ? -1 : 1; break; }
            got += (size_t)k;
        }
        err = errno;
        GIL_BLOCKING_END();
        if (rc != -1 || err != EINTR) break;
        if (sig_check() < 0) return -2;
    }
    errno = err;
    return rc;
}

static Value mp_read_fail(int rc) {
    if (rc == -2) return VAL_NULL;
    if (rc == 2) return err_format(&exc_EOFError, "the parent process died");
    return rc < 0 ? err_from_errno(&exc_OSError, VAL_NULL) : err_set_none(&exc_EOFError);
}

/* read_exact(fd, n) -> bytes: exactly n bytes; EOFError at end of file. */
static Value mp_read_exact_m(Value *args, int nargs, Value kwnames) {
    int fd;
    int64_t n;
    if (arg_to_cint(args[0], &fd) < 0 || int_to_i64(args[1], &n) < 0) return VAL_NULL;
    if (n < 0 || n > 0x7fffffff) return err_format(&exc_ValueError, "bad message length");
    Bytes *b = bytes_alloc((size_t)n);
    if (!b) return VAL_NULL;
    int rc = mp_read_exact(fd, b->data, (size_t)n);
    return rc ? mp_read_fail(rc) : MK_OBJ(b);
}

/* read_frame(fd, minframe) -> bytes: the payload of the next frame. */
static Value mp_read_frame(Value *args, int nargs, Value kwnames) {
    int64_t fd, minf;
    if (int_to_i64(args[0], &fd) < 0 || mp_frame_arg(args[1], &minf) < 0) return VAL_NULL;
    uint8_t head[4096];
    int rc = mp_read_exact((int)fd, head, (size_t)minf);
    if (rc) return mp_read_fail(rc);
    size_t n = ((size_t)head[0] << 24) | ((size_t)head[1] << 16) | ((size_t)head[2] << 8) | head[3];
    if (n <= (size_t)minf - 4) return bytes_new(head + 4, n);
    uint8_t *buf = malloc(n);
    if (!buf) return err_no_memory();
    size_t have = (size_t)minf - 4;
    memcpy(buf, head + 4, have);
    rc = mp_read_exact((int)fd, buf + have, n - have);
    Value r = rc ? mp_read_fail(rc) : bytes_new(buf, n);
    free(buf);
    return r;
}

static const MethodDef mp_methods[] = {
    {"poll", mp_poll, ARGS_POS(2, 3), "poll(fds, timeout, watch=False) -> the readable fds."},
    {"read_exact", mp_read_exact_m, ARGS_POS(2, 2), "read_exact(fd, n) -> exactly n bytes."},
    {"pipe", mp_pipe, ARGS_POS(0, 2), "pipe(r_private=True, w_private=True) -> (r, w)."},
    {"close", mp_close, ARGS_ONE, "close(fd): close a (private) fd."},
    {"fork", mp_fork, ARGS_POS(2, 2),
     "fork(keep, forkfn): forkfn() handing the private fds in keep to the child."},
    {"set_lifeline", mp_set_lifeline, ARGS_ONE,
     "set_lifeline(fd): the pipe that reaches EOF when the parent dies."},
    {"pack_frames", mp_pack_frames, ARGS_POS(2, 2),
     "pack_frames(items, minframe) -> bytes: Queue frames."},
    {"read_frame", mp_read_frame, ARGS_POS(2, 2),
     "read_frame(fd, minframe) -> the next frame's payload."},
    {NULL, NULL, 0, NULL},
};

Value mod_mp_init(void) {
    static int ready;
    if (!ready) {
        type_ready(&type_mp_sem);
        type_ready(&type_mp_buffer);
        fork_add_child_hook(mp_after_fork_child);
        ready = 1;
    }
    Value m = module_new_c("_mp");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, mp_methods, m);
    if (dict_set_c(d, "Sem", MK_OBJ(&type_mp_sem)) < 0 || dict_set_c(d, "Buffer", MK_OBJ(&type_mp_buffer)) < 0)
        return VAL_NULL;
    return m;
}
