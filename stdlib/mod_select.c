/* mod_select.c - the `select` module: select(), poll objects and epoll
 * objects, with CPython's names, errors and timeouts (what `selectors` and
 * `subprocess` from CPython's library use).
 *
 * Every wait releases the GIL and touches only C memory meanwhile: the
 * descriptors are copied into an fd_set / pollfd / epoll_event array first
 * and the results read back after.  A signal (EINTR) runs its Python handler
 * and the wait resumes with what is left of the timeout, as PEP 475 says.
 * A poll object refuses a second poll() from another thread while one is
 * waiting ("concurrent poll() invocation"), as CPython's does.
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#include "runtime/fdlimit.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/gil.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_float.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/signals.h"
#include "interp/modreg.h"

GILPY_MODULE("select", mod_select_init);

static double sel_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* A timeout in seconds: *secs < 0 for None (wait for ever). */
static int sel_timeout(Value v, double *secs, const char *negmsg) {
    if (IS_NULL(v) || IS_NONE(v)) { *secs = -1; return 0; }
    if (!IS_INT(v) && !IS_FLOATOBJ(v) && IS_NULL(val_type(v)->slots[SM_FLOAT]) && IS_NULL(val_type(v)->slots[SM_INDEX])) {
        err_format(&exc_TypeError, "timeout must be a float or None");
        return -1;
    }
    if (arg_to_seconds(v, secs) < 0) return -1;
    if (*secs < 0 && negmsg) { err_format(&exc_ValueError, "%s", negmsg); return -1; }
    return 0;
}

/* ---- select() -------------------------------------------------------------------------- */

typedef struct { Value items; int n; int fds[FD_SETSIZE]; } SelList;

/* The objects of a select() argument: a list is read live, as CPython reads
 * it (a fileno() method that shortens the list ends the walk early), any
 * other sequence through a tuple. */
static Value sel_seq(Value seq) {
    if (IS_LIST(seq) || IS_TUPLE(seq)) return seq;
    Value t = seq_to_tuple(seq);
    if (IS_NULL(t) && err_matches(&exc_TypeError)) {
        err_clear();
        err_format(&exc_TypeError, "arguments 1-3 must be sequences");
    }
    return t;
}

static int64_t sel_seq_len(Value seq) {
    return IS_LIST(seq) ? AS_LIST(seq)->len : AS_TUPLE(seq)->len;
}

static Value sel_seq_item(Value seq, int64_t i) {
    return IS_LIST(seq) ? AS_LIST(seq)->items[i] : AS_TUPLE(seq)->items[i];
}

/* The objects walked are kept in a new list, *root (a local of the caller):
 * SelList lives in malloc'd memory, which the collector does not scan. */
static int sel_list(Value seq, SelList *l, fd_set *set, int *maxfd, volatile Value *root) {
    Value src = sel_seq(seq), kept = *root = list_new(0);
    if (IS_NULL(src) || IS_NULL(kept)) return -1;
    l->items = kept;
    l->n = 0;
    FD_ZERO(set);
    for (int64_t i = 0; i < sel_seq_len(src); i++) {
        Value o = sel_seq_item(src, i);
        int fd;
        if (list_append(kept, o) < 0 || arg_to_fd(o, &fd) < 0) return -1;
        if (fd >= FD_SETSIZE || l->n >= FD_SETSIZE) {
            err_format(&exc_ValueError, "filedescriptor out of range in select()");
            return -1;
        }
        l->fds[l->n++] = fd;
        FD_SET(fd, set);
        if (fd > *maxfd) *maxfd = fd;
    }
    return 0;
}

static Value sel_ready(SelList *l, fd_set *set) {
    Value out = list_new(0);
    for (int i = 0; !IS_NULL(out) && i < l->n; i++)
        if (FD_ISSET(l->fds[i], set) && list_append(out, AS_LIST(l->items)->items[i]) < 0) out = VAL_NULL;
    return out;
}

static Value sel_select(Value *args, int nargs, Value kwnames) {
    double secs;
    if (sel_timeout(args[3], &secs, "timeout must be non-negative") < 0) return VAL_NULL;
    SelList *lists = malloc(3 * sizeof(SelList));
    if (!lists) return err_no_memory();
    fd_set sets[3];
    int maxfd = -1;
    Value r = VAL_NULL;
    volatile Value roots[3] = {VAL_NULL, VAL_NULL, VAL_NULL};   /* read by the collector only */
    for (int i = 0; i < 3; i++) if (sel_list(args[i], &lists[i], &sets[i], &maxfd, &roots[i]) < 0) goto out;
    double deadline = secs >= 0 ? sel_now() + secs : 0;
    fd_set work[3];
    for (;;) {
        memcpy(work, sets, sizeof work);
        struct timeval tv, *tvp = NULL;
        if (secs >= 0) {
            double left = deadline - sel_now();
            if (left < 0) left = 0;
            tv.tv_sec = (time_t)left;
            tv.tv_usec = (suseconds_t)((left - (double)tv.tv_sec) * 1e6);
            tvp = &tv;
        }
        int n, err;
        GIL_BLOCKING_BEGIN(GIL_REASON_IO);
        n = select(maxfd + 1, &work[0], &work[1], &work[2], tvp);
        err = errno;
        GIL_BLOCKING_END();
        if (n >= 0) break;
        if (err != EINTR) { errno = err; err_from_errno(&exc_OSError, VAL_NULL); goto out; }
        if (sig_check() < 0) goto out;
    }
    Value a = sel_ready(&lists[0], &work[0]), b = sel_ready(&lists[1], &work[1]), c = sel_ready(&lists[2], &work[2]);
    if (!IS_NULL(a) && !IS_NULL(b) && !IS_NULL(c)) r = tuple_pack(3, a, b, c);
out:
    free(lists);
    return r;
}

/* ---- poll objects ---------------------------------------------------------------------- */

typedef struct {
    Obj   header;
    Value fds;          /* dict: fd -> event mask */
    int   polling;
} PollObj;

static void poll_trace(Obj *o) { gc_mark_value(((PollObj *)o)->fds); }

extern Type type_poll;

static Value sel_poll_new(Value *args, int nargs, Value kwnames) {
    PollObj *p = (PollObj *)gc_alloc(&type_poll, sizeof(PollObj));
    if (!p) return VAL_NULL;
    p->fds = dict_new();
    return IS_NULL(p->fds) ? VAL_NULL : MK_OBJ(p);
}

/* An event mask as CPython's unsigned short converter takes it: negative is a
 * ValueError, past 0xffff an OverflowError. */
static int poll_mask(Value v, int dflt, unsigned short *out) {
    if (IS_NULL(v)) { *out = (unsigned short)dflt; return 0; }
    if (!IS_INT(v)) { err_format(&exc_TypeError, "an integer is required"); return -1; }
    if (int_sign(v) < 0) { err_format(&exc_ValueError, "value must be positive"); return -1; }
    int64_t m;
    if (int_to_i64(v, &m) < 0 || m > 0xffff) {
        err_clear();
        err_format(&exc_OverflowError, "Python int too large for C unsigned short");
        return -1;
    }
    *out = (unsigned short)m;
    return 0;
}

static Value poll_register_m(Value *args, int nargs, Value kwnames) {
    PollObj *p = (PollObj *)AS_OBJ(args[0]);
    int fd;
    unsigned short mask;
    if (arg_to_fd(args[1], &fd) < 0 || poll_mask(args[2], POLLIN | POLLPRI | POLLOUT, &mask) < 0) return VAL_NULL;
    return dict_set(p->fds, MK_SMALLINT(fd), MK_SMALLINT(mask)) < 0 ? VAL_NULL : VAL_NONE;
}

static Value poll_modify_m(Value *args, int nargs, Value kwnames) {
    PollObj *p = (PollObj *)AS_OBJ(args[0]);
    int fd;
    unsigned short mask;
    if (arg_to_fd(args[1], &fd) < 0 || poll_mask(args[2], 0, &mask) < 0) return VAL_NULL;
    if (IS_NULL(dict_get(p->fds, MK_SMALLINT(fd)))) {
        errno = ENOENT;
        return err_from_errno(&exc_OSError, VAL_NULL);
    }
    return dict_set(p->fds, MK_SMALLINT(fd), MK_SMALLINT(mask)) < 0 ? VAL_NULL : VAL_NONE;
}

static Value poll_unregister_m(Value *args, int nargs, Value kwnames) {
    PollObj *p = (PollObj *)AS_OBJ(args[0]);
    int fd;
    if (arg_to_fd(args[1], &fd) < 0) return VAL_NULL;
    if (IS_NULL(dict_get(p->fds, MK_SMALLINT(fd))))
        return err_set_value(&exc_KeyError, MK_SMALLINT(fd)), VAL_NULL;
    return dict_del(p->fds, MK_SMALLINT(fd)) < 0 ? VAL_NULL : VAL_NONE;
}

/* A timeout in milliseconds as CPython's _PyTime_FromMillisecondsObject takes
 * it: held in int64 nanoseconds, else OverflowError (worded by type). */
static int poll_timeout_ms(Value v, double *ms) {
    const double limit = 9.2233720368547758e18 / 1e6;
    if (IS_INT(v)) {
        int64_t i;
        if (int_to_i64(v, &i) < 0 || i > (int64_t)limit || i < -(int64_t)limit) {
            err_clear();
            err_format(&exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
            return -1;
        }
        *ms = (double)i;
        return 0;
    }
    if (arg_to_double(v, ms) < 0) return -1;
    if (isnan(*ms)) return err_format(&exc_ValueError, "Invalid value NaN (not a number)"), -1;
    if (!(fabs(*ms) < limit))
        return err_format(&exc_OverflowError, "timestamp out of range for platform time_t"), -1;
    return 0;
}

/* poll(timeout=None): milliseconds; None or negative waits for ever. */
static Value poll_poll_m(Value *args, int nargs, Value kwnames) {
    PollObj *p = (PollObj *)AS_OBJ(args[0]);
    double ms = -1;
    if (!IS_NULL(args[1]) && !IS_NONE(args[1])) {
        if (!IS_INT(args[1]) && !IS_FLOATOBJ(args[1])) {
            return err_format(&exc_TypeError, "timeout must be an integer or None");
        }
        if (poll_timeout_ms(args[1], &ms) < 0) return VAL_NULL;
        /* rounded away from zero, as CPython's timeouts: any negative value
         * (even -1e-100) waits for ever, a positive fraction at least 1 ms */
        ms = ms < 0 ? -1 : ceil(ms);
        if (ms > INT_MAX) return err_format(&exc_OverflowError, "timeout is too large");
    }
    if (p->polling) return err_format(&exc_RuntimeError, "concurrent poll() invocation");
    int64_t n = dict_len(p->fds);
    struct pollfd *pf = calloc((size_t)n + 1, sizeof(struct pollfd));
    if (!pf) return err_no_memory();
    int64_t pos = 0, i = 0;
    Value k, v;
    while (dict_next(p->fds, &pos, &k, &v)) {
        pf[i].fd = (int)AS_SMALLINT(k);
        pf[i].events = (short)AS_SMALLINT(v);
        i++;
    }
    double deadline = ms >= 0 ? sel_now() + ms / 1000 : 0;
    int r, err;
    p->polling = 1;
    for (;;) {
        int wait = ms < 0 ? -1 : (int)ceil((deadline - sel_now()) * 1000);
        if (ms >= 0 && wait < 0) wait = 0;
        GIL_BLOCKING_BEGIN(GIL_REASON_IO);
        r = poll(pf, (nfds_t)n, wait);
        err = errno;
        GIL_BLOCKING_END();
        if (r >= 0 || err != EINTR) break;
        if (sig_check() < 0) { p->polling = 0; free(pf); return VAL_NULL; }
    }
    p->polling = 0;
    if (r < 0) { free(pf); errno = err; return err_from_errno(&exc_OSError, VAL_NULL); }
    Value out = list_new(r);
    for (int64_t j = 0; !IS_NULL(out) && j < n; j++) {
        if (!pf[j].revents) continue;
        Value pair = tuple_pack(2, MK_SMALLINT(pf[j].fd), MK_SMALLINT((unsigned short)pf[j].revents));
        if (IS_NULL(pair) || list_append(out, pair) < 0) out = VAL_NULL;
    }
    free(pf);
    return out;
}

static const MethodDef poll_methods[] = {
    {"register", poll_register_m, ARGS_POS(1, 2), "Register a file descriptor with the polling object."},
    {"modify", poll_modify_m, ARGS_POS(2, 2), "Modify an already registered file descriptor."},
    {"unregister", poll_unregister_m, ARGS_ONE, "Remove a file descriptor being tracked by the polling object."},
    {"poll", poll_poll_m, ARGS_POS(0, 1), "Polls the set of registered file descriptors."},
    {NULL, NULL, 0, NULL},
};

Type type_poll = {
    .tp_name = "select.poll", .base = &type_object, .basicsize = sizeof(PollObj),
    .trace = poll_trace, .methods = poll_methods, .flags = TF_ABSTRACT,
};
GILPY_TYPE(type_poll, NULL);

/* ---- epoll objects ---------------------------------------------------------------------- */

typedef struct {
    Obj header;
    int epfd;           /* -1 once closed */
} EpollObj;

extern Type type_epoll;

static void epoll_finalize(Obj *o) {
    EpollObj *e = (EpollObj *)o;
    if (e->epfd >= 0) close(e->epfd);
    e->epfd = -1;
}

static Value epoll_wrap(Type *t, int fd) {
    EpollObj *e = (EpollObj *)obj_new_instance(t);
    if (!e) { close(fd); return VAL_NULL; }
    e->epfd = fd;
    return MK_OBJ(e);
}

/* epoll(sizehint=-1, flags=0) */
static Value epoll_new_m(Value *args, int nargs, Value kwnames) {
    int sizehint = -1, flags = 0;
    Value out[2];
    static const char *const names[] = {"sizehint", "flags"};
    if (arg_parse("epoll", args + 1, nargs - 1, kwnames, names, 2, 0, 0, out) < 0) return VAL_NULL;
    if (!IS_NULL(out[0]) && arg_to_int(out[0], &sizehint) < 0) return VAL_NULL;
    if (!IS_NULL(out[1]) && arg_to_int(out[1], &flags) < 0) return VAL_NULL;
    if (sizehint == 0 || sizehint < -1) return err_format(&exc_ValueError, "negative sizehint");
    if (flags && flags != EPOLL_CLOEXEC) return err_format(&exc_OSError, "invalid flags");
    int fd;
    FDLIMIT_RETRY(fd, fd = epoll_create1(EPOLL_CLOEXEC));
    if (fd < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return epoll_wrap(AS_TYPE(args[0]), fd);
}

static EpollObj *epoll_open(Value self) {
    EpollObj *e = (EpollObj *)AS_OBJ(self);
    if (e->epfd >= 0) return e;
    err_format(&exc_ValueError, "I/O operation on closed epoll object");
    return NULL;
}

static Value epoll_ctl_common(Value *args, int op, int dflt) {
    EpollObj *e = epoll_open(args[0]);
    int fd;
    if (!e || arg_to_fd(args[1], &fd) < 0) return VAL_NULL;
    struct epoll_event ev = {0};
    if (op != EPOLL_CTL_DEL) {
        int64_t m = dflt;
        if (!IS_NULL(args[2]) && int_to_i64(args[2], &m) < 0) return VAL_NULL;
        ev.events = (uint32_t)m;
    }
    ev.data.fd = fd;
    if (epoll_ctl(e->epfd, op, fd, &ev) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return VAL_NONE;
}

static Value epoll_register_m(Value *args, int nargs, Value kwnames) {
    return epoll_ctl_common(args, EPOLL_CTL_ADD, EPOLLIN | EPOLLPRI | EPOLLOUT);
}
static Value epoll_modify_m(Value *args, int nargs, Value kwnames) { return epoll_ctl_common(args, EPOLL_CTL_MOD, 0); }
static Value epoll_unregister_m(Value *args, int nargs, Value kwnames) { return epoll_ctl_common(args, EPOLL_CTL_DEL, 0); }

/* poll(timeout=None, maxevents=-1): seconds. */
static Value epoll_poll_m(Value *args, int nargs, Value kwnames) {
    EpollObj *e = epoll_open(args[0]);
    double secs;
    int maxevents = -1;
    if (!e || sel_timeout(args[1], &secs, NULL) < 0) return VAL_NULL;
    if (!IS_NULL(args[2]) && arg_to_int(args[2], &maxevents) < 0) return VAL_NULL;
    if (maxevents == -1) maxevents = FD_SETSIZE - 1;
    else if (maxevents < 1) return err_format(&exc_ValueError, "maxevents must be greater than 0, got %d", maxevents);
    struct epoll_event *evs = calloc((size_t)maxevents, sizeof *evs);
    if (!evs) return err_no_memory();
    double deadline = secs >= 0 ? sel_now() + secs : 0;
    int n, err, epfd = e->epfd;
    for (;;) {
        int wait = secs < 0 ? -1 : (int)ceil((deadline - sel_now()) * 1000);
        if (secs >= 0 && wait < 0) wait = 0;
        GIL_BLOCKING_BEGIN(GIL_REASON_IO);
        n = epoll_wait(epfd, evs, maxevents, wait);
        err = errno;
        GIL_BLOCKING_END();
        if (n >= 0 || err != EINTR) break;
        if (sig_check() < 0) { free(evs); return VAL_NULL; }
    }
    if (n < 0) { free(evs); errno = err; return err_from_errno(&exc_OSError, VAL_NULL); }
    Value out = list_new(n);
    for (int i = 0; !IS_NULL(out) && i < n; i++) {
        Value pair = tuple_pack(2, MK_SMALLINT(evs[i].data.fd), int_from_u64(evs[i].events));
        if (IS_NULL(pair) || list_append(out, pair) < 0) out = VAL_NULL;
    }
    free(evs);
    return out;
}

static Value epoll_close_m(Value *args, int nargs, Value kwnames) {
    EpollObj *e = (EpollObj *)AS_OBJ(args[0]);
    if (e->epfd >= 0 && close(e->epfd) < 0) { e->epfd = -1; return err_from_errno(&exc_OSError, VAL_NULL); }
    e->epfd = -1;
    return VAL_NONE;
}

static Value epoll_fileno_m(Value *args, int nargs, Value kwnames) {
    EpollObj *e = epoll_open(args[0]);
    return e ? MK_SMALLINT(e->epfd) : VAL_NULL;
}

static Value epoll_enter_m(Value *args, int nargs, Value kwnames) {
    return epoll_open(args[0]) ? args[0] : VAL_NULL;
}

static Value epoll_exit_m(Value *args, int nargs, Value kwnames) { return epoll_close_m(args, 1, VAL_NULL); }

static Value epoll_fromfd_m(Value *args, int nargs, Value kwnames) {
    int fd;
    if (arg_to_int(args[1], &fd) < 0) return VAL_NULL;
    return epoll_wrap(AS_TYPE(args[0]), fd);
}

static Value epoll_get_closed(Value self) { return MK_BOOL(((EpollObj *)AS_OBJ(self))->epfd < 0); }

static const GetSetDef epoll_getsets[] = {
    {"closed", epoll_get_closed, NULL, "True if the epoll handler is closed"},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef epoll_methods[] = {
    {"__new__", epoll_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"register", epoll_register_m, ARGS_KW, "Registers a new fd or raises an OSError if the fd is already registered.",
     "($self, /, fd, eventmask=select.EPOLLIN | select.EPOLLPRI | select.EPOLLOUT)"},
    {"modify", epoll_modify_m, ARGS_KW, "Modify event mask for a registered file descriptor.", "($self, /, fd, eventmask)"},
    {"unregister", epoll_unregister_m, ARGS_KW, "Remove a registered file descriptor from the epoll object.", "($self, /, fd)"},
    {"poll", epoll_poll_m, ARGS_KW, "Wait for events on the epoll file descriptor.", "($self, /, timeout=None, maxevents=-1)"},
    {"close", epoll_close_m, ARGS_NONE, "Close the epoll control file descriptor."},
    {"fileno", epoll_fileno_m, ARGS_NONE, "Return the epoll control file descriptor."},
    {"fromfd", epoll_fromfd_m, METH_CLASS | ARGS_ONE, "Create an epoll object from a given control fd."},
    {"__enter__", epoll_enter_m, ARGS_NONE, NULL},
    {"__exit__", epoll_exit_m, ARGS_POS(0, 3), NULL},
    {NULL, NULL, 0, NULL},
};

Type type_epoll = {
    .tp_name = "select.epoll", .base = &type_object, .basicsize = sizeof(EpollObj),
    .finalize = epoll_finalize, .flags = TF_BASETYPE,
    .methods = epoll_methods, .getsets = epoll_getsets,
};
GILPY_TYPE(type_epoll, NULL);

/* ---- the module ------------------------------------------------------------------------- */

static const MethodDef sel_functions[] = {
    {"select", sel_select, ARGS_POS(3, 4), "Wait until one or more file descriptors are ready for some kind of I/O."},
    {"poll", sel_poll_new, ARGS_NONE, "Returns a polling object."},
    {NULL, NULL, 0, NULL},
};

#define C INT_CONST
static const IntConst sel_constants[] = {
    C(POLLIN) C(POLLPRI) C(POLLOUT) C(POLLERR) C(POLLHUP) C(POLLNVAL) C(POLLRDNORM) C(POLLRDBAND)
    C(POLLWRNORM) C(POLLWRBAND) C(POLLMSG) C(POLLRDHUP)
    C(EPOLLIN) C(EPOLLOUT) C(EPOLLPRI) C(EPOLLERR) C(EPOLLHUP) C(EPOLLET) C(EPOLLONESHOT)
    C(EPOLLEXCLUSIVE) C(EPOLLRDHUP) C(EPOLLRDNORM) C(EPOLLRDBAND) C(EPOLLWRNORM) C(EPOLLWRBAND)
    C(EPOLLMSG) C(EPOLL_CLOEXEC) C(PIPE_BUF)
    {NULL, 0},
};
#undef C

Value mod_select_init(void) {
    Value m = module_new_c("select");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, sel_functions, m);
    if (dict_add_int_constants(d, sel_constants) < 0) return VAL_NULL;
    if (dict_set_c(d, "error", MK_OBJ(&exc_OSError)) < 0 || dict_set_c(d, "epoll", MK_OBJ(&type_epoll)) < 0)
        return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
