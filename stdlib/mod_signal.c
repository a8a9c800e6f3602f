/* mod_signal.c - the `_signal` module over runtime/signals.c; CPython's own
 * signal.py re-exports it, turning numbers into Signals, Handlers and
 * Sigmasks members.
 *
 * Python-level handlers run in the main thread between bytecodes (or when a
 * blocking call there is interrupted), as in CPython; this file records them
 * and installs the C handler, SIG_DFL or SIG_IGN (signal, getsignal,
 * siginterrupt, set_wakeup_fd), and holds the calls that wait for a signal or
 * time one (pause, alarm, setitimer/getitimer).  The calls on signal masks
 * and on other threads and processes (pthread_sigmask, sigwait...,
 * pthread_kill, pidfd_send_signal) are in signal_mask.c.
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "signal_mod.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/gil.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/signals.h"
#include "runtime/state.h"
#include "interp/modreg.h"

GILPY_MODULE("_signal", mod_signal_init);

#define SIGNAL_DFL MK_SMALLINT(0)
#define SIGNAL_IGN MK_SMALLINT(1)

static Value signal_default_handler_value;   /* the default_int_handler function */
static Value signal_itimer_error;            /* signal.itimer_error (ItimerError) */

int signal_number(Value v, int *out) {
    if (arg_to_int(v, out) < 0) return -1;
    if (*out < 1 || *out >= NSIG) {
        err_format(&exc_ValueError, "signal number out of range");
        return -1;
    }
    return 0;
}

static int signal_in_main_thread(const char *fname) {
    if (ts_get() == interp.main_thread) return 0;
    err_format(&exc_ValueError, "%s only works in main thread of the main interpreter", fname);
    return -1;
}

/* default_int_handler(signalnum, frame) */
static Value signal_default_int_handler(Value *args, int nargs, Value kwnames) {
    int signum;
    if (arg_to_int(args[0], &signum) < 0) return VAL_NULL;
    return err_set_none(&exc_KeyboardInterrupt);
}

/* What the system does for a signal Python never set a handler for. */
static Value signal_system_handler(int sig) {
    struct sigaction sa;
    if (sigaction(sig, NULL, &sa) < 0) return VAL_NONE;
    if (sa.sa_handler == SIG_DFL) return SIGNAL_DFL;
    if (sa.sa_handler == SIG_IGN) return SIGNAL_IGN;
    return VAL_NONE;
}

static Value signal_getsignal(Value *args, int nargs, Value kwnames) {
    int sig;
    if (signal_number(args[0], &sig) < 0) return VAL_NULL;
    Value h = sig_get_handler(sig);
    return IS_NULL(h) ? signal_system_handler(sig) : h;
}

/* SIG_DFL and SIG_IGN are recognised as exact ints only (signal.py passes
 * its Handlers members on as ints). */
static int signal_is_handler_const(Value v, Value which) {
    return val_type(v) == &type_int && IS_SMALLINT(v) && v == which;
}

static Value signal_signal(Value *args, int nargs, Value kwnames) {
    int sig, action;
    if (signal_in_main_thread("signal") < 0 || signal_number(args[0], &sig) < 0) return VAL_NULL;
    Value h = args[1];
    if (call_is_callable(h)) action = SIG_ACT_PYTHON;
    else if (signal_is_handler_const(h, SIGNAL_IGN)) action = SIG_ACT_IGNORE;
    else if (signal_is_handler_const(h, SIGNAL_DFL)) action = SIG_ACT_DEFAULT;
    else
        return err_format(&exc_TypeError,
                          "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
    if (sig_check() < 0) return VAL_NULL;        /* what is pending runs under the old handler */
    Value old = signal_getsignal(args, 1, VAL_NULL);
    if (IS_NULL(old)) return VAL_NULL;
    if (sig_set_handler(sig, h, action) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return old;
}

static Value signal_raise_signal(Value *args, int nargs, Value kwnames) {
    int sig, r;
    if (arg_to_int(args[0], &sig) < 0) return VAL_NULL;
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    r = raise(sig);
    GIL_BLOCKING_END();
    if (r != 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return sig_check() < 0 ? VAL_NULL : VAL_NONE;
}

static Value signal_pause(Value *args, int nargs, Value kwnames) {
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    pause();
    GIL_BLOCKING_END();
    return sig_check() < 0 ? VAL_NULL : VAL_NONE;
}

static Value signal_alarm(Value *args, int nargs, Value kwnames) {
    int secs;
    if (arg_to_int(args[0], &secs) < 0) return VAL_NULL;
    return MK_SMALLINT(alarm((unsigned)secs));
}

/* strsignal(signalnum): None for a number the system has no name for. */
static Value signal_strsignal(Value *args, int nargs, Value kwnames) {
    int sig;
    if (signal_number(args[0], &sig) < 0) return VAL_NULL;
    errno = 0;
    const char *s = strsignal(sig);
    if (errno || !s || strstr(s, "Unknown signal")) return VAL_NONE;
    return str_from_c(s);
}

/* set_wakeup_fd(fd, /, *, warn_on_full_buffer=True): fd must be non-blocking. */
static Value signal_set_wakeup_fd(Value *args, int nargs, Value kwnames) {
    int fd, warn = 1;
    if (signal_in_main_thread("set_wakeup_fd") < 0 || arg_to_int(args[0], &fd) < 0) return VAL_NULL;
    if (!IS_NULL(args[1]) && (warn = obj_truthy(args[1])) < 0) return VAL_NULL;
    if (fd != -1) {
        struct stat st;
        if (fstat(fd, &st) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
        int flags = fcntl(fd, F_GETFL);
        if (flags < 0) return err_from_errno(&exc_OSError, VAL_NULL);
        if (!(flags & O_NONBLOCK))
            return err_format(&exc_ValueError, "the fd %d must be in non-blocking mode", fd);
    }
    return MK_SMALLINT(sig_set_wakeup_fd(fd, warn));
}

/* siginterrupt(signalnum, flag): flag false restarts system calls the signal
 * interrupts (SA_RESTART), true lets them fail with EINTR (the default). */
static Value signal_siginterrupt(Value *args, int nargs, Value kwnames) {
    int sig, flag;
    if (signal_number(args[0], &sig) < 0 || arg_to_int(args[1], &flag) < 0) return VAL_NULL;
    struct sigaction sa;
    if (sigaction(sig, NULL, &sa) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    if (flag) sa.sa_flags &= ~SA_RESTART;
    else sa.sa_flags |= SA_RESTART;
    if (sigaction(sig, &sa, NULL) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return VAL_NONE;
}

/* ---- interval timers ---------------------------------------------------------------------- */

/* Seconds as a timeval, rounded up to the microsecond (a tiny positive
 * delay still arms the timer). */
static int signal_timeval_arg(Value v, struct timeval *tv) {
    double secs;
    if (IS_NULL(v)) { tv->tv_sec = 0; tv->tv_usec = 0; return 0; }
    if (arg_to_seconds(v, &secs) < 0) return -1;
    double us = ceil(secs * 1e6), whole = floor(us / 1e6);
    tv->tv_sec = (time_t)whole;
    tv->tv_usec = (suseconds_t)(us - whole * 1e6);
    return 0;
}

static Value signal_itimer_value(const struct itimerval *it) {
    double v = (double)it->it_value.tv_sec + (double)it->it_value.tv_usec / 1e6;
    double i = (double)it->it_interval.tv_sec + (double)it->it_interval.tv_usec / 1e6;
    return tuple_pack(2, MK_FLOAT(v), MK_FLOAT(i));
}

static Value signal_itimer_fail(void) {
    return err_from_errno(AS_TYPE(signal_itimer_error), VAL_NULL);
}

/* setitimer(which, seconds, interval=0.0): the old (delay, interval). */
static Value signal_setitimer(Value *args, int nargs, Value kwnames) {
    int which;
    struct itimerval it, old;
    if (arg_to_int(args[0], &which) < 0 || signal_timeval_arg(args[1], &it.it_value) < 0 ||
        signal_timeval_arg(args[2], &it.it_interval) < 0)
        return VAL_NULL;
    if (setitimer(which, &it, &old) != 0) return signal_itimer_fail();
    return signal_itimer_value(&old);
}

static Value signal_getitimer(Value *args, int nargs, Value kwnames) {
    int which;
    struct itimerval it;
    if (arg_to_int(args[0], &which) < 0) return VAL_NULL;
    if (getitimer(which, &it) != 0) return signal_itimer_fail();
    return signal_itimer_value(&it);
}

/* ---- the module ----------------------------------------------------------------------------- */

static const MethodDef signal_functions[] = {
    {"signal", signal_signal, ARGS_POS(2, 2), "Set the action for the given signal."},
    {"getsignal", signal_getsignal, ARGS_ONE, "Return the current action for the given signal."},
    {"raise_signal", signal_raise_signal, ARGS_ONE, "Send a signal to the executing process."},
    {"pause", signal_pause, ARGS_NONE, "Wait until a signal arrives."},
    {"alarm", signal_alarm, ARGS_ONE,
     "Arrange for SIGALRM to arrive after the given number of seconds."},
    {"setitimer", signal_setitimer, ARGS_POS(2, 3),
     "Sets given itimer (one of ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF)."},
    {"getitimer", signal_getitimer, ARGS_ONE, "Returns current value of given itimer."},
    {"strsignal", signal_strsignal, ARGS_ONE, "Return the system description of the given signal."},
    {"set_wakeup_fd", signal_set_wakeup_fd, ARGS_KW,
     "set_wakeup_fd(fd, *, warn_on_full_buffer=True) -> fd\n\n"
     "Sets the fd to be written to (with the signal number) when a signal comes in.",
     "($module, fd, /, *, warn_on_full_buffer=True)"},
    {"siginterrupt", signal_siginterrupt, ARGS_POS(2, 2), "Change system call restart behaviour."},
    {NULL, NULL, 0, NULL},
};

static const MethodDef signal_default_def = {
    "default_int_handler", signal_default_int_handler, ARGS_POS(2, 2),
    "The default handler for SIGINT installed by Python."};

#define C INT_CONST
static const IntConst signal_constants[] = {
    C(NSIG) C(SIG_BLOCK) C(SIG_UNBLOCK) C(SIG_SETMASK)
    C(ITIMER_REAL) C(ITIMER_VIRTUAL) C(ITIMER_PROF)
    C(SIGHUP) C(SIGINT) C(SIGQUIT) C(SIGILL) C(SIGTRAP) C(SIGABRT) C(SIGIOT) C(SIGBUS)
    C(SIGFPE) C(SIGKILL) C(SIGUSR1) C(SIGSEGV) C(SIGUSR2) C(SIGPIPE) C(SIGALRM) C(SIGTERM)
    C(SIGSTKFLT) C(SIGCHLD) C(SIGCLD) C(SIGCONT) C(SIGSTOP) C(SIGTSTP) C(SIGTTIN) C(SIGTTOU)
    C(SIGURG) C(SIGXCPU) C(SIGXFSZ) C(SIGVTALRM) C(SIGPROF) C(SIGWINCH) C(SIGIO) C(SIGPOLL)
    C(SIGPWR) C(SIGSYS)
    {NULL, 0},
};
#undef C

/* The function objects and the exception live as long as the process, so
 * that a second import (importlib.reload) hands out the same ones. */
static int signal_statics(Value m) {
    static int made;
    if (made) return 0;
    gc_add_root(&signal_default_handler_value);
    gc_add_root(&signal_itimer_error);
    signal_default_handler_value = builtin_fn_new(&signal_default_def, m);
    signal_itimer_error = exc_new_class("signal", "itimer_error", &exc_OSError);
    if (IS_NULL(signal_default_handler_value) || IS_NULL(signal_itimer_error)) return -1;
    made = 1;
    /* SIGINT raises KeyboardInterrupt unless it was ignored when gilpy started */
    struct sigaction sa;
    if (IS_NULL(sig_get_handler(SIGINT)) && sigaction(SIGINT, NULL, &sa) == 0 &&
        sa.sa_handler != SIG_DFL && sa.sa_handler != SIG_IGN)
        sig_set_handler_object(SIGINT, signal_default_handler_value);
    return 0;
}

Value mod_signal_init(void) {
    Value m = module_new_c("_signal");
    if (IS_NULL(m) || signal_statics(m) < 0) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, signal_functions, m);
    dict_add_methods(d, signal_mask_functions, m);
    if (dict_add_int_constants(d, signal_constants) < 0 ||
        dict_set_c(d, "default_int_handler", signal_default_handler_value) < 0 ||
        dict_set_c(d, "SIG_DFL", SIGNAL_DFL) < 0 || dict_set_c(d, "SIG_IGN", SIGNAL_IGN) < 0 ||
        dict_set_c(d, "SIGRTMIN", MK_SMALLINT(SIGRTMIN)) < 0 ||
        dict_set_c(d, "SIGRTMAX", MK_SMALLINT(SIGRTMAX)) < 0 ||
        dict_set_c(d, "ItimerError", signal_itimer_error) < 0 ||
        dict_set_c(d, "struct_siginfo", MK_OBJ(signal_siginfo_type())) < 0)
        return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
