/* mod_faulthandler.c - the `faulthandler` module: Python tracebacks written
 * straight to a file descriptor, from places where running Python code is
 * not possible, as CPython 3.11's faulthandler writes them:
 *   - enable(): a fatal signal (SIGSEGV, SIGFPE, SIGABRT, SIGBUS, SIGILL)
 *     writes "Fatal Python error: Segmentation fault" and the tracebacks,
 *     then the signal takes its default course;
 *   - dump_traceback(): the tracebacks now;
 *   - dump_traceback_later(): after a timeout, from a watchdog thread that
 *     runs without the GIL (and may end the process: exit=True);
 *   - register(signum): whenever a user signal arrives.
 *
 * Writing is async-signal-safe: write(2) of bytes, numbers formatted by
 * hand, frames read as they are (a thread running at that moment may be
 * changing its chain: a best effort, as CPython's).  A frame shows as
 *   File "name.py", line 12 in func
 * with non-ASCII characters escaped and strings cut at 500 characters; at
 * most 100 frames and 100 threads are written.  The thread idents are
 * threading.get_ident()'s.  -X faulthandler and PYTHONFAULTHANDLER call
 * enable() at start-up (interp/main.c).
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/gil.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_float.h"
#include "runtime/obj_int.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/state.h"
#include "interp/code.h"
#include "interp/builtins.h"
#include "interp/modreg.h"
#include "interp/vm.h"

GILPY_MODULE("faulthandler", mod_faulthandler_init);

#define FH_MAX_FRAMES   100
#define FH_MAX_THREADS  100
#define FH_MAX_STRING   500

/* ---- writing, async-signal-safe ---------------------------------------------------------- */

static void fh_write(int fd, const char *s, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return;
        s += w;
        n -= (size_t)w;
    }
}

static void fh_puts(int fd, const char *s) { fh_write(fd, s, strlen(s)); }

/* value in hex, at least width digits. */
static void fh_hex(int fd, uint64_t value, int width) {
    char buf[17], *p = buf + sizeof buf;
    int n = 0;
    do { *--p = "0123456789abcdef"[value & 15]; value >>= 4; n++; } while (value || n < width);
    fh_write(fd, p, (size_t)(buf + sizeof buf - p));
}

static void fh_decimal(int fd, uint64_t value, int width) {
    char buf[21], *p = buf + sizeof buf;
    int n = 0;
    do { *--p = (char)('0' + value % 10); value /= 10; n++; } while (value || n < width);
    fh_write(fd, p, (size_t)(buf + sizeof buf - p));
}

/* A str as ASCII: other characters as \xNN, \uNNNN or \UNNNNNNNN. */
static void fh_ascii(int fd, Value s) {
    if (!IS_STR(s)) { fh_puts(fd, "???"); return; }
    const unsigned char *p = (const unsigned char *)STR_DATA(s), *end = p + STR_LEN(s);
    for (int count = 0; p < end; count++) {
        if (count == FH_MAX_STRING) { fh_puts(fd, "..."); return; }
        uint32_t c = *p++;
        int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        if (more) c &= 0x3Fu >> more;
        for (; more > 0 && p < end; more--) c = c << 6 | (*p++ & 0x3F);
        if (c >= 0x20 && c < 0x7F) { char ch = (char)c; fh_write(fd, &ch, 1); }
        else if (c <= 0xFF) { fh_puts(fd, "\\x"); fh_hex(fd, c, 2); }
        else if (c <= 0xFFFF) { fh_puts(fd, "\\u"); fh_hex(fd, c, 4); }
        else { fh_puts(fd, "\\U"); fh_hex(fd, c, 8); }
    }
}

/* The line a frame stands on: that of its last instruction, or of the
 * nearest one before it that has a line. */
static int fh_frame_line(const Frame *f) {
    const Code *co = f->code;
    if (!co || !co->positions || !f->ip) return 0;
    int i = (int)(f->ip - co->code) - 1;
    if (i >= co->ncode) i = co->ncode - 1;
    while (i > 0 && co->positions[i].lineno == 0) i--;
    return i >= 0 ? co->positions[i].lineno : 0;
}

static void fh_dump_frame(int fd, const Frame *f) {
    fh_puts(fd, "  File \"");
    fh_ascii(fd, f->code ? f->code->filename : VAL_NULL);
    fh_puts(fd, "\", line ");
    int line = fh_frame_line(f);
    if (line > 0) fh_decimal(fd, (uint64_t)line, 1);
    else fh_puts(fd, "???");
    fh_puts(fd, " in ");
    fh_ascii(fd, f->code ? f->code->name : VAL_NULL);
    fh_puts(fd, "\n");
}

static void fh_dump_frames(int fd, const ThreadState *ts, int header) {
    if (header) fh_puts(fd, "Stack (most recent call first):\n");
    const Frame *f = ts->frame;
    if (!f) { fh_puts(fd, "  <no Python frame>\n"); return; }
    for (int depth = 0; f; f = f->prev, depth++) {
        if (depth == FH_MAX_FRAMES) { fh_puts(fd, "  ...\n"); return; }
        fh_dump_frame(fd, f);
    }
}

/* Every thread's traceback, the newest thread first; current (which may be
 * NULL) is marked "Current thread". */
static void fh_dump_threads(int fd, const ThreadState *current) {
    int n = 0;
    for (const ThreadState *ts = interp.threads; ts; ts = ts->next, n++) {
        if (n) fh_puts(fd, "\n");
        if (n == FH_MAX_THREADS) { fh_puts(fd, "...\n"); return; }
        fh_puts(fd, ts == current ? "Current thread 0x" : "Thread 0x");
        fh_hex(fd, ts->ident, 16);
        fh_puts(fd, " (most recent call first):\n");
        fh_dump_frames(fd, ts, 0);
    }
}

static void fh_dump(int fd, int all_threads, const ThreadState *current) {
    if (all_threads) fh_dump_threads(fd, current);
    else if (current) fh_dump_frames(fd, current, 1);
}

/* ---- the file argument ---------------------------------------------------------------------- */

/* The descriptor of `file` (an int, an object with fileno(), or None / absent
 * for sys.stderr), flushed; *keep is what must stay alive while it is used. */
static int fh_file_fd(Value file, Value *keep) {
    *keep = VAL_NONE;
    if (!IS_NULL(file) && !IS_NONE(file) && IS_INT(file)) {
        int fd;
        if (arg_to_int(file, &fd) < 0) return -1;
        if (fd < 0) { err_format(&exc_ValueError, "file is not a valid file descripter"); return -1; }
        return fd;
    }
    if (IS_NULL(file) || IS_NONE(file)) {
        file = sys_stream("stderr");
        if (IS_NULL(file) || IS_NONE(file)) { err_format(&exc_RuntimeError, "sys.stderr is None"); return -1; }
    }
    Value r = obj_call_method(file, "fileno", NULL, 0);
    int fd;
    if (IS_NULL(r) || arg_to_int(r, &fd) < 0) return -1;
    if (fd < 0) { err_format(&exc_ValueError, "file.fileno() is not a valid file descriptor"); return -1; }
    if (IS_NULL(obj_call_method(file, "flush", NULL, 0))) err_clear();   /* a failing flush is ignored */
    *keep = file;
    return fd;
}

/* ---- fatal signals ------------------------------------------------------------------------- */

static const struct { int signum; const char *name; } fh_fatal_signals[] = {
    {SIGBUS, "Bus error"}, {SIGILL, "Illegal instruction"}, {SIGFPE, "Floating point exception"},
    {SIGABRT, "Aborted"}, {SIGSEGV, "Segmentation fault"},
};
#define FH_NFATAL ((int)(sizeof fh_fatal_signals / sizeof fh_fatal_signals[0]))

static struct {
    int enabled, fd, all_threads;
    Value file;
    struct sigaction previous[FH_NFATAL];
    void *altstack;
} fh_fatal;

static void fh_fatal_restore(void) {
    if (!fh_fatal.enabled) return;
    fh_fatal.enabled = 0;
    for (int i = 0; i < FH_NFATAL; i++) sigaction(fh_fatal_signals[i].signum, &fh_fatal.previous[i], NULL);
}

static void fh_fatal_handler(int signum) {
    int saved = errno, i = 0;
    while (i < FH_NFATAL && fh_fatal_signals[i].signum != signum) i++;
    if (!fh_fatal.enabled || i == FH_NFATAL) return;
    int fd = fh_fatal.fd;
    fh_fatal_restore();
    fh_puts(fd, "Fatal Python error: ");
    fh_puts(fd, fh_fatal_signals[i].name);
    fh_puts(fd, "\n\n");
    fh_dump(fd, fh_fatal.all_threads, ts_get());
    errno = saved;
    raise(signum);          /* now with the previous handler: usually the default, ending the process */
}

/* An alternate stack, so that a stack overflow can still be reported. */
static void fh_setup_altstack(void) {
    if (fh_fatal.altstack) return;
    size_t size = SIGSTKSZ * 2 + 65536;
    stack_t ss = {.ss_sp = malloc(size), .ss_size = size, .ss_flags = 0};
    if (ss.ss_sp && sigaltstack(&ss, NULL) == 0) fh_fatal.altstack = ss.ss_sp;
    else free(ss.ss_sp);
}

static Value fh_enable(Value *args, int nargs, Value kwnames) {
    Value keep;
    int fd = fh_file_fd(args[0], &keep), all = IS_NULL(args[1]) ? 1 : obj_truthy(args[1]);
    if (fd < 0 || all < 0) return VAL_NULL;
    fh_fatal.fd = fd;
    fh_fatal.all_threads = all;
    fh_fatal.file = keep;
    if (fh_fatal.enabled) return VAL_NONE;
    fh_setup_altstack();
    for (int i = 0; i < FH_NFATAL; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = fh_fatal_handler;
        sa.sa_flags = SA_NODEFER | SA_ONSTACK;
        sigemptyset(&sa.sa_mask);
        if (sigaction(fh_fatal_signals[i].signum, &sa, &fh_fatal.previous[i]) < 0) {
            for (int k = 0; k < i; k++) sigaction(fh_fatal_signals[k].signum, &fh_fatal.previous[k], NULL);
            return err_from_errno(&exc_RuntimeError, VAL_NULL);
        }
    }
    fh_fatal.enabled = 1;
    return VAL_NONE;
}

static Value fh_disable(Value *args, int nargs, Value kwnames) {
    int was = fh_fatal.enabled;
    fh_fatal_restore();
    fh_fatal.file = VAL_NONE;
    return MK_BOOL(was);
}

static Value fh_is_enabled(Value *args, int nargs, Value kwnames) { return MK_BOOL(fh_fatal.enabled); }

static Value fh_dump_traceback(Value *args, int nargs, Value kwnames) {
    Value keep;
    int fd = fh_file_fd(args[0], &keep), all = IS_NULL(args[1]) ? 1 : obj_truthy(args[1]);
    if (fd < 0 || all < 0) return VAL_NULL;
    fh_dump(fd, all, ts_get());
    return VAL_NONE;
}

/* ---- dump_traceback_later: the watchdog thread --------------------------------------------- */

static struct {
    pthread_mutex_t lock;
    pthread_cond_t cancel;      /* signalled to stop the watchdog */
    pthread_t thread;
    int running, cancelled;
    int fd, repeat, exit;
    int64_t timeout_us;
    Value file;
    char header[64];
    size_t header_len;
} fh_later = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER};

/* "Timeout (0:00:05)!\n", or with the microseconds when there are some
 * (made when the watchdog is set up, not in it: snprintf is fine). */
static size_t fh_format_timeout(int64_t us, char *out, size_t cap) {
    long long sec = us / 1000000, frac = us % 1000000;
    int n = frac ? snprintf(out, cap, "Timeout (%lld:%02lld:%02lld.%06lld)!\n", sec / 3600, sec / 60 % 60, sec % 60, frac)
                 : snprintf(out, cap, "Timeout (%lld:%02lld:%02lld)!\n", sec / 3600, sec / 60 % 60, sec % 60);
    return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}

static void *fh_watchdog(void *arg) {
    pthread_mutex_lock(&fh_later.lock);
    for (;;) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        int64_t ns = until.tv_nsec + (fh_later.timeout_us % 1000000) * 1000;
        until.tv_sec += (time_t)(fh_later.timeout_us / 1000000 + ns / 1000000000);
        until.tv_nsec = (long)(ns % 1000000000);
        int r = 0;
        while (!fh_later.cancelled && r != ETIMEDOUT)
            r = pthread_cond_timedwait(&fh_later.cancel, &fh_later.lock, &until);
        if (fh_later.cancelled) break;
        fh_write(fh_later.fd, fh_later.header, fh_later.header_len);
        fh_dump_threads(fh_later.fd, NULL);
        if (fh_later.exit) _exit(1);
        if (!fh_later.repeat) break;
    }
    pthread_mutex_unlock(&fh_later.lock);
    return arg;
}

static void fh_cancel_later(void) {
    if (!fh_later.running) return;
    pthread_mutex_lock(&fh_later.lock);
    fh_later.cancelled = 1;
    pthread_cond_signal(&fh_later.cancel);
    pthread_mutex_unlock(&fh_later.lock);
    GIL_BLOCKING_BEGIN(GIL_REASON_JOIN);
    pthread_join(fh_later.thread, NULL);
    GIL_BLOCKING_END();
    fh_later.running = 0;
    fh_later.file = VAL_NONE;
}

/* dump_traceback_later(timeout, repeat=False, file=sys.stderr, exit=False) */
static Value fh_dump_traceback_later(Value *args, int nargs, Value kwnames) {
    double timeout;
    if (IS_FLOATOBJ(args[0])) timeout = float_value(args[0]);
    else if (IS_INT(args[0])) {
        if (int_to_double(args[0], &timeout) < 0) return VAL_NULL;
    } else {
        return err_format(&exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
    }
    if (!(timeout * 1e9 < 9.2233720368547758e18))     /* the nanoseconds must fit 64 bits */
        return err_format(&exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
    int64_t us = (int64_t)(timeout * 1e6 + (timeout > 0 ? 0.5 : -0.5));
    if (us <= 0) return err_format(&exc_ValueError, "timeout must be greater than 0");
    int repeat = IS_NULL(args[1]) ? 0 : obj_truthy(args[1]);
    int exit_ = IS_NULL(args[3]) ? 0 : obj_truthy(args[3]);
    Value keep;
    int fd = repeat < 0 || exit_ < 0 ? -1 : fh_file_fd(args[2], &keep);
    if (fd < 0) return VAL_NULL;
    fh_cancel_later();
    fh_later.fd = fd;
    fh_later.repeat = repeat;
    fh_later.exit = exit_;
    fh_later.timeout_us = us;
    fh_later.file = keep;
    fh_later.cancelled = 0;
    fh_later.header_len = fh_format_timeout(us, fh_later.header, sizeof fh_later.header);
    sigset_t all, old;                        /* signals stay with the threads that handle them */
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    int r = pthread_create(&fh_later.thread, NULL, fh_watchdog, NULL);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (r != 0) { errno = r; return err_from_errno(&exc_RuntimeError, VAL_NULL); }
    fh_later.running = 1;
    return VAL_NONE;
}

static Value fh_cancel_dump_traceback_later(Value *args, int nargs, Value kwnames) {
    fh_cancel_later();
    return VAL_NONE;
}

/* ---- register: user signals ---------------------------------------------------------------- */

typedef struct {
    int registered, fd, all_threads, chain;
    Value file;
    struct sigaction previous;
} FhUser;

static FhUser fh_user[NSIG];

static void fh_user_handler(int signum) {
    int saved = errno;
    FhUser *u = &fh_user[signum];
    if (!u->registered) return;
    fh_dump(u->fd, u->all_threads, ts_get());
    if (u->chain) {
        struct sigaction mine;
        sigaction(signum, &u->previous, &mine);   /* the previous handler, once */
        raise(signum);
        sigaction(signum, &mine, NULL);
    }
    errno = saved;
}

static int fh_user_signal(Value v, int *signum) {
    if (arg_to_int(v, signum) < 0) return -1;
    for (int i = 0; i < FH_NFATAL; i++)
        if (fh_fatal_signals[i].signum == *signum) {
            err_format(&exc_RuntimeError, "signal %d cannot be registered, use enable() instead", *signum);
            return -1;
        }
    if (*signum < 1 || *signum >= NSIG) {
        err_format(&exc_ValueError, "signal number out of range");
        return -1;
    }
    return 0;
}

/* register(signum, file=sys.stderr, all_threads=True, chain=False) */
static Value fh_register(Value *args, int nargs, Value kwnames) {
    int signum;
    if (fh_user_signal(args[0], &signum) < 0) return VAL_NULL;
    Value keep;
    int fd = fh_file_fd(args[1], &keep);
    int all = IS_NULL(args[2]) ? 1 : obj_truthy(args[2]), chain = IS_NULL(args[3]) ? 0 : obj_truthy(args[3]);
    if (fd < 0 || all < 0 || chain < 0) return VAL_NULL;
    FhUser *u = &fh_user[signum];
    if (!u->registered) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = fh_user_handler;
        sa.sa_flags = SA_RESTART | SA_ONSTACK | (chain ? SA_NODEFER : 0);
        sigemptyset(&sa.sa_mask);
        if (sigaction(signum, &sa, &u->previous) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    }
    u->fd = fd, u->all_threads = all, u->chain = chain, u->file = keep;
    u->registered = 1;
    return VAL_NONE;
}

static Value fh_unregister(Value *args, int nargs, Value kwnames) {
    int signum;
    if (arg_to_int(args[0], &signum) < 0) return VAL_NULL;
    if (signum < 1 || signum >= NSIG) return err_format(&exc_ValueError, "signal number out of range");
    FhUser *u = &fh_user[signum];
    if (!u->registered) return VAL_FALSE;
    sigaction(signum, &u->previous, NULL);
    u->registered = 0;
    u->file = VAL_NONE;
    return VAL_TRUE;
}

/* ---- crashes on purpose, for tests ---------------------------------------------------------- */

static Value fh_sigsegv(Value *args, int nargs, Value kwnames) { raise(SIGSEGV); return VAL_NONE; }
static Value fh_sigabrt(Value *args, int nargs, Value kwnames) { abort(); }
static Value fh_sigfpe(Value *args, int nargs, Value kwnames) { raise(SIGFPE); return VAL_NONE; }
static volatile uintptr_t fh_null_address;     /* 0, out of the compiler's sight */
static Value fh_read_null(Value *args, int nargs, Value kwnames) {
    return MK_SMALLINT(*(volatile int *)fh_null_address);
}

/* ---- the module ------------------------------------------------------------------------------ */

static const MethodDef fh_functions[] = {
    {"enable", fh_enable, ARGS_KW, "Enable the fault handler.", "($module, /, file=sys.stderr, all_threads=True)"},
    {"disable", fh_disable, ARGS_NONE, "Disable the fault handler."},
    {"is_enabled", fh_is_enabled, ARGS_NONE, "Check if the handler is enabled."},
    {"dump_traceback", fh_dump_traceback, ARGS_KW, "Dump the traceback of the current thread, or of all threads if all_threads is True, into file.",
     "($module, /, file=sys.stderr, all_threads=True)"},
    {"dump_traceback_later", fh_dump_traceback_later, ARGS_KW,
     "Dump the traceback of all threads in timeout seconds, or each timeout seconds if repeat is True.",
     "($module, /, timeout, repeat=False, file=sys.stderr, exit=False)"},
    {"cancel_dump_traceback_later", fh_cancel_dump_traceback_later, ARGS_NONE,
     "Cancel the previous call to dump_traceback_later()."},
    {"register", fh_register, ARGS_KW, "Register a handler for the signal 'signum': dump the traceback of the current thread, or of all threads if all_threads is True, into file.",
     "($module, /, signum, file=sys.stderr, all_threads=True, chain=False)"},
    {"unregister", fh_unregister, ARGS_ONE, "Unregister the handler of the signal 'signum' registered by register()."},
    {"_sigsegv", fh_sigsegv, ARGS_POS(0, 1), "Raise a SIGSEGV signal."},
    {"_sigabrt", fh_sigabrt, ARGS_NONE, "Raise a SIGABRT signal."},
    {"_sigfpe", fh_sigfpe, ARGS_NONE, "Raise a SIGFPE signal."},
    {"_read_null", fh_read_null, ARGS_NONE, "Read from NULL, raise a SIGSEGV or SIGBUS signal depending on the platform."},
    {NULL, NULL, 0, NULL},
};

Value mod_faulthandler_init(void) {
    static int rooted;
    if (!rooted) {
        rooted = 1;
        fh_fatal.file = fh_later.file = VAL_NONE;
        gc_add_root(&fh_fatal.file);
        gc_add_root(&fh_later.file);
        for (int i = 0; i < NSIG; i++) {
            fh_user[i].file = VAL_NONE;
            gc_add_root(&fh_user[i].file);
        }
    }
    Value m = module_new_c("faulthandler");
    if (IS_NULL(m)) return VAL_NULL;
    dict_add_methods(MODULE_DICT(m), fh_functions, m);
    if (dict_set_c(MODULE_DICT(m), "__doc__", str_from_c("faulthandler module.")) < 0) return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
