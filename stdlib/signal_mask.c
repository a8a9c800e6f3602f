/* signal_mask.c - the `_signal` functions on signal masks and on other
 * threads and processes: pthread_sigmask, sigpending, sigwait, sigwaitinfo,
 * sigtimedwait, pthread_kill and pidfd_send_signal (signal_mod.h).
 *
 * A signal set argument is any iterable of signal numbers, checked as
 * CPython's _Py_Sigset_Converter does; a set comes back as a set of ints
 * (signal.py makes them Signals members).  The waits run with the GIL
 * released; sigwaitinfo and sigtimedwait resume after a signal whose handler
 * did not raise (PEP 475), sigtimedwait with what is left of its timeout.
 * Thread ids are gilpy's threading.get_ident() numbers, mapped here to the
 * thread they name.
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "signal_mod.h"
#include "runtime/audit.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gil.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_type.h"
#include "runtime/signals.h"
#include "runtime/state.h"
#include "runtime/structseq.h"

static const char *const siginfo_fields[] = {
    "si_signo", "si_code", "si_errno", "si_pid", "si_uid", "si_status", "si_band",
};
static StructSeqDesc siginfo_desc = {"signal.struct_siginfo", siginfo_fields, 7, 7};

Type *signal_siginfo_type(void) { return structseq_type(&siginfo_desc); }

/* One signal number of a set: out of range is a ValueError, and a number
 * the system keeps for itself (32, 33) a RuntimeWarning. */
static int sigset_add_item(sigset_t *mask, Value item) {
    int64_t n;
    if (arg_to_long(item, &n) < 0) {
        if (!err_matches(&exc_OverflowError)) return -1;
        err_clear();
        n = -1;
    }
    if (n <= 0 || n >= NSIG) {
        err_format(&exc_ValueError, "signal number %lld out of range [1; %d]", (long long)n, NSIG - 1);
        return -1;
    }
    if (sigaddset(mask, (int)n) == 0) return 0;
    return err_warn(&exc_RuntimeWarning, "invalid signal number %lld, please use valid_signals()",
                    (long long)n);
}

static int sigset_arg(Value v, sigset_t *mask) {
    sigemptyset(mask);
    Value it = obj_iter(v);
    if (IS_NULL(it)) return -1;
    for (;;) {
        Value item = obj_next(it);
        if (IS_NULL(item)) return err_occurred() ? -1 : 0;
        if (sigset_add_item(mask, item) < 0) return -1;
    }
}

static Value sigset_value(const sigset_t *mask) {
    Value out = set_new(&type_set);
    for (int sig = 1; !IS_NULL(out) && sig < NSIG; sig++)
        if (sigismember(mask, sig) == 1 && set_add(out, MK_SMALLINT(sig)) < 0) out = VAL_NULL;
    return out;
}

static Value sigmask_errno(int err) {
    errno = err;
    return err_from_errno(&exc_OSError, VAL_NULL);
}

/* pthread_sigmask(how, mask): the previous mask.  Unblocked signals that
 * were pending run their handlers before it returns. */
static Value sigmask_pthread_sigmask(Value *args, int nargs, Value kwnames) {
    int how;
    sigset_t mask, old;
    if (arg_to_int(args[0], &how) < 0 || sigset_arg(args[1], &mask) < 0) return VAL_NULL;
    int err = pthread_sigmask(how, &mask, &old);
    if (err) return sigmask_errno(err);
    if (sig_check() < 0) return VAL_NULL;
    return sigset_value(&old);
}

static Value sigmask_sigpending(Value *args, int nargs, Value kwnames) {
    sigset_t mask;
    if (sigpending(&mask) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return sigset_value(&mask);
}

static Value sigmask_valid_signals(Value *args, int nargs, Value kwnames) {
    sigset_t all;
    if (sigemptyset(&all) < 0 || sigfillset(&all) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return sigset_value(&all);
}

static Value sigmask_sigwait(Value *args, int nargs, Value kwnames) {
    sigset_t mask;
    int sig = 0, err;
    if (sigset_arg(args[0], &mask) < 0) return VAL_NULL;
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    err = sigwait(&mask, &sig);
    GIL_BLOCKING_END();
    return err ? sigmask_errno(err) : MK_SMALLINT(sig);
}

static Value sigmask_siginfo(const siginfo_t *si) {
    Value v = structseq_new(&siginfo_desc);
    if (IS_NULL(v)) return VAL_NULL;
    Value *items = STRUCTSEQ_ITEMS(v);
    items[0] = MK_SMALLINT(si->si_signo);
    items[1] = MK_SMALLINT(si->si_code);
    items[2] = MK_SMALLINT(si->si_errno);
    items[3] = MK_SMALLINT(si->si_pid);
    items[4] = int_from_u64(si->si_uid);
    items[5] = MK_SMALLINT(si->si_status);
    items[6] = int_from_i64(si->si_band);
    return v;
}

static Value sigmask_sigwaitinfo(Value *args, int nargs, Value kwnames) {
    sigset_t mask;
    siginfo_t si;
    if (sigset_arg(args[0], &mask) < 0) return VAL_NULL;
    for (;;) {
        int r, err;
        GIL_BLOCKING_BEGIN(GIL_REASON_IO);
        r = sigwaitinfo(&mask, &si);
        err = errno;
        GIL_BLOCKING_END();
        if (r >= 0) return sigmask_siginfo(&si);
        if (err != EINTR) return sigmask_errno(err);
        if (sig_check() < 0) return VAL_NULL;
    }
}

static double sigmask_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* sigtimedwait(sigset, timeout): a struct_siginfo, or None when the timeout
 * passes first. */
static Value sigmask_sigtimedwait(Value *args, int nargs, Value kwnames) {
    sigset_t mask;
    siginfo_t si;
    double secs;
    if (sigset_arg(args[0], &mask) < 0 || arg_to_seconds(args[1], &secs) < 0) return VAL_NULL;
    if (secs < 0) return err_format(&exc_ValueError, "timeout must be non-negative");
    double deadline = sigmask_now() + secs;
    for (;;) {
        struct timespec ts = {.tv_sec = (time_t)secs};
        ts.tv_nsec = (long)ceil((secs - (double)ts.tv_sec) * 1e9);
        if (ts.tv_nsec >= 1000000000) { ts.tv_sec++; ts.tv_nsec -= 1000000000; }
        int r, err;
        GIL_BLOCKING_BEGIN(GIL_REASON_IO);
        r = sigtimedwait(&mask, &si, &ts);
        err = errno;
        GIL_BLOCKING_END();
        if (r >= 0) return sigmask_siginfo(&si);
        if (err == EAGAIN) return VAL_NONE;
        if (err != EINTR) return sigmask_errno(err);
        if (sig_check() < 0) return VAL_NULL;
        secs = deadline - sigmask_now();
        if (secs < 0) return VAL_NONE;
    }
}

/* The thread whose threading.get_ident() is ident, or NULL. */
static ThreadState *sigmask_thread(uint64_t ident) {
    for (ThreadState *t = interp.threads; t; t = t->next)
        if (t->ident == ident) return t;
    return NULL;
}

/* pthread_kill(thread_id, signalnum) */
static Value sigmask_pthread_kill(Value *args, int nargs, Value kwnames) {
    int64_t id;
    int sig;
    if (!IS_INT(args[0]))
        return err_format(&exc_TypeError, "pthread_kill() argument 1 must be int, not %T", args[0]);
    if (int_to_i64(args[0], &id) < 0 || arg_to_int(args[1], &sig) < 0) return VAL_NULL;
    if (audit_active() && audit("signal.pthread_kill", "ni", id, sig) < 0) return VAL_NULL;
    ThreadState *t = sigmask_thread((uint64_t)id);
    if (!t) return sigmask_errno(ESRCH);
    int err = pthread_kill(t->pthread, sig);
    if (err) return sigmask_errno(err);
    return sig_check() < 0 ? VAL_NULL : VAL_NONE;       /* it may have been this thread */
}

/* pidfd_send_signal(pidfd, signalnum, siginfo=None, flags=0) */
static Value sigmask_pidfd_send_signal(Value *args, int nargs, Value kwnames) {
    int fd, sig, flags = 0;
    if (arg_to_int(args[0], &fd) < 0 || arg_to_int(args[1], &sig) < 0) return VAL_NULL;
    if (!IS_NULL(args[2]) && !IS_NONE(args[2])) return err_format(&exc_TypeError, "siginfo must be None");
    if (!IS_NULL(args[3]) && arg_to_int(args[3], &flags) < 0) return VAL_NULL;
    if (syscall(SYS_pidfd_send_signal, fd, sig, NULL, flags) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return VAL_NONE;
}

const MethodDef signal_mask_functions[] = {
    {"pthread_sigmask", sigmask_pthread_sigmask, ARGS_POS(2, 2),
     "Fetch and/or change the signal mask of the calling thread."},
    {"sigpending", sigmask_sigpending, ARGS_NONE, "Examine pending signals."},
    {"valid_signals", sigmask_valid_signals, ARGS_NONE,
     "Return a set of valid signal numbers on this platform."},
    {"sigwait", sigmask_sigwait, ARGS_ONE, "Wait for a signal."},
    {"sigwaitinfo", sigmask_sigwaitinfo, ARGS_ONE,
     "Wait synchronously until one of the signals in *sigset* is delivered."},
    {"sigtimedwait", sigmask_sigtimedwait, ARGS_POS(2, 2), "Like sigwaitinfo(), but with a timeout."},
    {"pthread_kill", sigmask_pthread_kill, ARGS_POS(2, 2), "Send a signal to a thread."},
    {"pidfd_send_signal", sigmask_pidfd_send_signal, ARGS_POS(2, 4),
     "Send a signal to a process referred to by a pid file descriptor."},
    {NULL, NULL, 0, NULL},
};
