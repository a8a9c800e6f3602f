/* mod_signal.c - the `_signal` module over runtime/signals.c; `signal`
 * (stdlib/lib/signal.py) re-exports it, with signal() and getsignal() as
 * Python functions, as CPython does.
 *
 * Python-level handlers run in the main thread between bytecodes (or when a
 * blocking call there is interrupted), as in CPython; this module only
 * records them and installs the C handler, SIG_DFL or SIG_IGN.  Signal
 * numbers are plain ints (gilpy has no enum module yet, so they are not
 * `Signals` members).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_type.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/signals.h"
#include "runtime/state.h"
#include "interp/modreg.h"

GILPY_MODULE("_signal", mod_signal_init);

#define SIGNAL_DFL MK_SMALLINT(0)
#define SIGNAL_IGN MK_SMALLINT(1)

static int signal_number(Value v, int *out) {
    if (arg_to_int(v, out) < 0) return -1;
    if (*out < 1 || *out >= NSIG) {
        err_format(&exc_ValueError, "signal number out of range");
        return -1;
    }
    return 0;
}

/* default_int_handler(signalnum, frame) */
static Value signal_default_int_handler(Value *args, int nargs, Value kwnames) {
    int signum;
    if (arg_to_int(args[0], &signum) < 0) return VAL_NULL;
    return err_set_none(&exc_KeyboardInterrupt);
}

static Value signal_default_handler_value;   /* the default_int_handler function */

static Value signal_getsignal(Value *args, int nargs, Value kwnames) {
    int sig;
    if (signal_number(args[0], &sig) < 0) return VAL_NULL;
    Value h = sig_get_handler(sig);
    if (!IS_NULL(h)) return h;
    if (sig == SIGINT) return signal_default_handler_value;
    struct sigaction sa;
    sigaction(sig, NULL, &sa);
    return sa.sa_handler == SIG_IGN ? SIGNAL_IGN : SIGNAL_DFL;
}

static Value signal_signal(Value *args, int nargs, Value kwnames) {
    int sig;
    if (signal_number(args[0], &sig) < 0) return VAL_NULL;
    if (ts_get() != interp.main_thread)
        return err_format(&exc_ValueError, "signal only works in main thread of the main interpreter");
    if (sig == SIGKILL || sig == SIGSTOP) { errno = EINVAL; return err_from_errno(&exc_OSError, VAL_NULL); }
    Value h = args[1];
    Value old = signal_getsignal(args, 1, VAL_NULL);
    if (IS_NULL(old)) return VAL_NULL;
    if (h == SIGNAL_DFL || h == SIGNAL_IGN) {
        signal(sig, h == SIGNAL_DFL ? SIG_DFL : SIG_IGN);
        sig_set_handler(sig, VAL_NULL);
        if (sig == SIGINT && h == SIGNAL_DFL) sig_set_handler(sig, SIGNAL_DFL);
        return old;
    }
    if (!call_is_callable(h))
        return err_format(&exc_TypeError, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
    if (sig_set_handler(sig, h) < 0) {
        return err_format(&exc_ValueError, "signal number out of range");
    }
    return old;
}

static Value signal_raise_signal(Value *args, int nargs, Value kwnames) {
    int sig;
    if (signal_number(args[0], &sig) < 0) return VAL_NULL;
    if (raise(sig) != 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return sig_check() < 0 ? VAL_NULL : VAL_NONE;
}

static Value signal_alarm(Value *args, int nargs, Value kwnames) {
    int secs;
    if (arg_to_int(args[0], &secs) < 0) return VAL_NULL;
    return MK_SMALLINT(alarm((unsigned)secs));
}

static Value signal_strsignal(Value *args, int nargs, Value kwnames) {
    int sig;
    if (signal_number(args[0], &sig) < 0) return VAL_NULL;
    const char *s = strsignal(sig);
    return s ? str_from_c(s) : VAL_NONE;
}

/* set_wakeup_fd(fd, /, *, warn_on_full_buffer=True): fd must be non-blocking. */
static Value signal_set_wakeup_fd(Value *args, int nargs, Value kwnames) {
    int fd;
    if (arg_to_int(args[0], &fd) < 0) return VAL_NULL;
    if (!IS_NULL(args[1]) && obj_truthy(args[1]) < 0) return VAL_NULL;
    if (ts_get() != interp.main_thread)
        return err_format(&exc_ValueError, "set_wakeup_fd only works in main thread of the main interpreter");
    if (fd != -1) {
        int flags = fcntl(fd, F_GETFL);
        if (flags < 0) return err_from_errno(&exc_OSError, VAL_NULL);
        if (!(flags & O_NONBLOCK))
            return err_format(&exc_ValueError, "the fd %d must be in non-blocking mode", fd);
    }
    return MK_SMALLINT(sig_set_wakeup_fd(fd));
}

/* siginterrupt(signalnum, flag): flag false restarts system calls the signal
 * interrupts (SA_RESTART), true lets them fail with EINTR (gilpy's default). */
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

/* valid_signals(): every signal number this system knows (sigfillset's). */
static Value signal_valid_signals(Value *args, int nargs, Value kwnames) {
    sigset_t all;
    if (sigfillset(&all) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    Value out = set_new(&type_set);
    for (int sig = 1; !IS_NULL(out) && sig < NSIG; sig++)
        if (sigismember(&all, sig) == 1 && set_add(out, MK_SMALLINT(sig)) < 0) out = VAL_NULL;
    return out;
}

static const MethodDef signal_functions[] = {
    {"signal", signal_signal, ARGS_POS(2, 2), "Set the action for the given signal."},
    {"getsignal", signal_getsignal, ARGS_ONE, "Return the current action for the given signal."},
    {"raise_signal", signal_raise_signal, ARGS_ONE, "Send a signal to the executing process."},
    {"alarm", signal_alarm, ARGS_ONE,
     "Arrange for SIGALRM to arrive after the given number of seconds."},
    {"strsignal", signal_strsignal, ARGS_ONE, "Return the system description of the given signal."},
    {"set_wakeup_fd", signal_set_wakeup_fd, ARGS_KW, "Sets the fd to be written to (with the signal number) when a signal comes in.",
     "($module, fd, /, *, warn_on_full_buffer=True)"},
    {"siginterrupt", signal_siginterrupt, ARGS_POS(2, 2), "Change system call restart behaviour."},
    {"valid_signals", signal_valid_signals, ARGS_NONE, "Return a set of valid signal numbers on this platform."},
    {NULL, NULL, 0, NULL},
};

static const MethodDef signal_default_def = {
    "default_int_handler", signal_default_int_handler, ARGS_POS(2, 2),
    "The default handler for SIGINT."};

Value mod_signal_init(void) {
    Value m = module_new_c("_signal");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, signal_functions, m);
    static int rooted;
    if (!rooted) { gc_add_root(&signal_default_handler_value); rooted = 1; }
    signal_default_handler_value = builtin_fn_new(&signal_default_def, m);
    dict_set_c(d, "default_int_handler", signal_default_handler_value);
    dict_set_c(d, "SIG_DFL", SIGNAL_DFL);
    dict_set_c(d, "SIG_IGN", SIGNAL_IGN);
    dict_set_c(d, "NSIG", MK_SMALLINT(NSIG));
    static const struct { const char *name; int num; } sigs[] = {
        {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL},
        {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT}, {"SIGBUS", SIGBUS}, {"SIGFPE", SIGFPE},
        {"SIGKILL", SIGKILL}, {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV}, {"SIGUSR2", SIGUSR2},
        {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM}, {"SIGCHLD", SIGCHLD},
        {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP}, {"SIGTSTP", SIGTSTP}, {"SIGTTIN", SIGTTIN},
        {"SIGTTOU", SIGTTOU}, {"SIGWINCH", SIGWINCH},
    };
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) dict_set_c(d, sigs[i].name, MK_SMALLINT(sigs[i].num));
    return err_occurred() ? VAL_NULL : m;
}
