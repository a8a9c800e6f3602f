/* signals.c - see signals.h. */
#include "signals.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "call.h"
#include "error.h"
#include "gc.h"
#include "state.h"

#define SIG_MAX 65

static volatile sig_atomic_t sig_pending[SIG_MAX];
static volatile sig_atomic_t sig_any;
static Value sig_handlers[SIG_MAX];     /* VAL_NULL: C default (SIGINT: KeyboardInterrupt) */
static volatile sig_atomic_t sig_wakeup_fd = -1;

static void sig_c_handler(int signum) {
    if (signum <= 0 || signum >= SIG_MAX) return;
    sig_pending[signum] = 1;
    sig_any = 1;
    ThreadState *main = interp.main_thread;
    if (main) __atomic_fetch_or(&main->eval_breaker, EB_SIGNALS_PENDING, __ATOMIC_SEQ_CST);
    int fd = sig_wakeup_fd;
    if (fd >= 0) {                       /* the signal number as one byte, errors ignored */
        int saved = errno;
        unsigned char byte = (unsigned char)signum;
        ssize_t w = write(fd, &byte, 1);
        (void)w;
        errno = saved;
    }
}

int sig_set_wakeup_fd(int fd) {
    int old = sig_wakeup_fd;
    sig_wakeup_fd = fd;
    return old;
}

static void sig_install(int signum) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = sig_c_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_ONSTACK;            /* no SA_RESTART: blocking calls see EINTR */
    sigaction(signum, &sa, NULL);
}

void sig_init(void) {
    for (int i = 0; i < SIG_MAX; i++) {
        sig_handlers[i] = VAL_NULL;
        gc_add_root(&sig_handlers[i]);
    }
    sig_install(SIGINT);
    signal(SIGPIPE, SIG_IGN);            /* writes to a closed pipe give EPIPE, as in CPython */
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
    if (!IS_OBJ(h)) return 0;            /* SIG_DFL / SIG_IGN given as ints */
    Value frame = VAL_NONE;
    return IS_NULL(call2(h, MK_SMALLINT(signum), frame)) ? -1 : 0;
}

int sig_check(void) {
    ThreadState *ts = ts_get();
    if (ts != interp.main_thread) return 0;
    __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)EB_SIGNALS_PENDING, __ATOMIC_SEQ_CST);
    if (!sig_any) return 0;
    sig_any = 0;
    for (int i = 1; i < SIG_MAX; i++) {
        if (!sig_pending[i]) continue;
        sig_pending[i] = 0;
        if (sig_run(i) < 0) return -1;
    }
    return 0;
}

Value sig_get_handler(int signum) {
    if (signum <= 0 || signum >= SIG_MAX) return VAL_NULL;
    return sig_handlers[signum];
}

int sig_set_handler(int signum, Value handler) {
    if (signum <= 0 || signum >= SIG_MAX) return -1;
    sig_handlers[signum] = handler;
    if (IS_OBJ(handler)) sig_install(signum);
    return 0;
}
