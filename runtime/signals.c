/* signals.c - see signals.h. */
#include "signals.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "call.h"
#include "error.h"
#include "finalize.h"
#include "gc.h"
#include "state.h"

#define SIG_MAX 65

static volatile sig_atomic_t sig_pending[SIG_MAX];
static volatile sig_atomic_t sig_any;
static Value sig_handlers[SIG_MAX];
static volatile sig_atomic_t sig_wakeup_fd = -1;
static volatile sig_atomic_t sig_wakeup_warn_full = 1;
static volatile sig_atomic_t sig_wakeup_errno;     /* a failed wakeup write to report */

static void sig_trip_main(void) {
    sig_any = 1;
    ThreadState *main = interp.main_thread;
    if (main) __atomic_fetch_or(&main->eval_breaker, EB_SIGNALS_PENDING, __ATOMIC_SEQ_CST);
}

static void sig_c_handler(int signum) {
    if (signum <= 0 || signum >= SIG_MAX) return;
    int saved = errno;
    sig_pending[signum] = 1;             /* before sig_any, which sig_check clears first */
    sig_trip_main();
    int fd = sig_wakeup_fd;
    if (fd >= 0) {                       /* the signal number as one byte */
        unsigned char byte = (unsigned char)signum;
        if (write(fd, &byte, 1) < 0 &&
            (sig_wakeup_warn_full || (errno != EAGAIN && errno != EWOULDBLOCK)))
            sig_wakeup_errno = errno;
    }
    errno = saved;
}

int sig_set_wakeup_fd(int fd, int warn_full) {
    int old = sig_wakeup_fd;
    sig_wakeup_warn_full = warn_full;
    sig_wakeup_fd = fd;
    return old;
}

static int sig_install(int signum, void (*fn)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_ONSTACK;            /* no SA_RESTART: blocking calls see EINTR */
    return sigaction(signum, &sa, NULL);
}

void sig_init(void) {
    for (int i = 0; i < SIG_MAX; i++) {
        sig_handlers[i] = VAL_NULL;
        gc_add_root(&sig_handlers[i]);
    }
    struct sigaction sa;                 /* SIGINT ignored by our parent stays ignored */
    if (sigaction(SIGINT, NULL, &sa) == 0 && sa.sa_handler == SIG_DFL) sig_install(SIGINT, sig_c_handler);
    signal(SIGPIPE, SIG_IGN);            /* writes to a closed pipe give EPIPE, as in CPython */
    signal(SIGXFSZ, SIG_IGN);            /* a too large write gives EFBIG, as in CPython */
}

int sig_tripped(void) { return sig_any; }

static void sig_thread_set(sigset_t *set) {
    sigemptyset(set);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGTERM);
}

void sig_block_in_thread(void) {
    sigset_t set;
    sig_thread_set(&set);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
}

void sig_unblock_in_main(void) {
    sigset_t set;
    sig_thread_set(&set);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

static int sig_run(int signum) {
    Value h = sig_handlers[signum];
    if (IS_NULL(h)) {
        if (signum == SIGINT) { err_set_none(&exc_KeyboardInterrupt); return -1; }
        return 0;
    }
    if (!call_is_callable(h)) return 0;        /* SIG_DFL / SIG_IGN since it was sent */
    Value frame = interp.vm.current_frame ? interp.vm.current_frame() : VAL_NONE;
    if (IS_NULL(frame)) return -1;
    return IS_NULL(call2(h, MK_SMALLINT(signum), frame)) ? -1 : 0;
}

static void sig_report_wakeup_error(void) {
    int err = sig_wakeup_errno;
    sig_wakeup_errno = 0;
    errno = err;
    err_from_errno(&exc_OSError, VAL_NULL);
    fin_write_unraisable_msg("Exception ignored when trying to write to the signal wakeup fd", VAL_NULL);
}

int sig_check(void) {
    ThreadState *ts = ts_get();
    if (ts != interp.main_thread) return 0;
    __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)EB_SIGNALS_PENDING, __ATOMIC_SEQ_CST);
    if (!sig_any) return 0;
    sig_any = 0;
    if (sig_wakeup_errno) sig_report_wakeup_error();
    for (int i = 1; i < SIG_MAX; i++) {
        if (!sig_pending[i]) continue;
        sig_pending[i] = 0;
        if (sig_run(i) < 0) {
            for (int j = i + 1; j < SIG_MAX; j++)
                if (sig_pending[j]) { sig_trip_main(); break; }
            return -1;
        }
    }
    return 0;
}

Value sig_get_handler(int signum) {
    if (signum <= 0 || signum >= SIG_MAX) return VAL_NULL;
    return sig_handlers[signum];
}

int sig_set_handler(int signum, Value handler, int action) {
    if (signum <= 0 || signum >= SIG_MAX) { errno = EINVAL; return -1; }
    void (*fn)(int) = action == SIG_ACT_PYTHON ? sig_c_handler
                    : action == SIG_ACT_IGNORE ? SIG_IGN : SIG_DFL;
    if (sig_install(signum, fn) < 0) return -1;
    sig_handlers[signum] = handler;
    return 0;
}

void sig_set_handler_object(int signum, Value handler) {
    if (signum > 0 && signum < SIG_MAX) sig_handlers[signum] = handler;
}
