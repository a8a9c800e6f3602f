/* gil.c - the global interpreter lock, its four policies, and its counters.
 *
 * The GIL is a flag (`locked`) protected by a mutex, with two condition
 * variables: `released` is signalled whenever the flag drops, `switched`
 * whenever the holder changes (switch_number moves).  A lone main thread
 * never touches any of it: the GIL is enabled when the first extra thread
 * starts, and until then acquire/release cost nothing.
 *
 * interval (default; CPython 3.2+'s algorithm).  A thread that wants the GIL
 * waits on `released` for one switch interval (sys.setswitchinterval, 5 ms).
 * If the wait timed out and no switch happened meanwhile, it sets
 * EB_GIL_DROP_REQUEST in the holder's eval-breaker word.  The holder polls
 * that word at backward jumps and function entry, drops the GIL, and - this
 * is "forced switching" - waits on `switched` until another thread has
 * really taken it, so it cannot win it straight back.
 *
 * ticks (Python 2).  Every N ticks (sys.setcheckinterval, 100; a tick is a
 * poll point of the eval loop) the holder releases and immediately re-takes
 * the GIL, with no handshake: on a multicore machine it usually wins again,
 * the "GIL battle" of Beazley's talks.
 *
 * ioprio (the fix proposed in bpo-7946).  A thread coming back from a
 * blocking call asks the holder to drop at once instead of after an
 * interval, and CPU-bound waiters stand aside while such a thread waits: it
 * preempts a CPU-bound holder at the holder's next poll point.
 *
 * fifo.  Waiters take tickets and get the GIL strictly in arrival order;
 * drop requests work as in interval.  Fair, at a cost in throughput.
 *
 * Counters.  Every thread state has a GilStats (gil.h): acquisitions, drops
 * by reason, time held, time waited, a log2 histogram of waits, and the
 * latency from a drop request to the drop, and the "battle" pair: drops made
 * while another thread waited (contested) and, of those, how many the same
 * thread won straight back (its next acquisition found itself as the last
 * holder: no waiter got the GIL in between).  They are updated only while the
 * GIL is enabled, under the mutex or by the holder.
 */
#define _GNU_SOURCE
#include "gil.h"

#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gilstats.h"
#include "obj_dict.h"
#include "obj_str.h"

const char *const gil_policy_names[GIL_POLICY__COUNT] = {"interval", "ticks", "ioprio", "fifo"};
const char *const gil_reason_names[GIL_REASON__COUNT] = {
    "forced", "ticks", "sleep", "lock", "join", "io", "exit"};

static struct {
    pthread_mutex_t mutex;
    pthread_cond_t released;      /* the flag dropped */
    pthread_cond_t switched;      /* the holder changed */
    int locked;                   /* under mutex */
    ThreadState *holder;          /* under mutex: current (or last) holder */
    uint64_t switch_number;       /* under mutex: changes of holder */
    uint64_t acquisitions;        /* under mutex: takes of the GIL (gil_idle_since) */
    int waiters;                  /* under mutex: threads in gil_acquire */
    int contested;                /* under mutex: the last drop was made while a thread
                                     waited (a retake by the holder counts as a battle won) */
    int io_waiters;               /* under mutex: ioprio, waiters back from I/O */
    uint64_t next_ticket;         /* under mutex: fifo */
    uint64_t now_serving;         /* under mutex: fifo */
    int enabled;                  /* set once, by the GIL holder, before any thread starts */
    GilPolicy policy;             /* set before enabling */
    double switch_interval;       /* seconds (sys.setswitchinterval); written by the
                                     GIL holder, read atomically by waiters without it */
    int check_interval;           /* ticks between releases under the ticks policy */
} gil = {
    .mutex = PTHREAD_MUTEX_INITIALIZER,
    .released = PTHREAD_COND_INITIALIZER,
    .switched = PTHREAD_COND_INITIALIZER,
    .switch_interval = 0.005,
    .check_interval = 100,
};

double gil_switch_interval(void) {
    double d;
    __atomic_load(&gil.switch_interval, &d, __ATOMIC_RELAXED);
    return d;
}

void gil_set_switch_interval(double seconds) {
    __atomic_store(&gil.switch_interval, &seconds, __ATOMIC_RELAXED);
}

int  gil_check_interval(void) { return gil.check_interval; }
void gil_set_check_interval(int ticks) { gil.check_interval = ticks > 0 ? ticks : 1; }

static _Thread_local int gil_back_from_io;   /* ioprio: this acquire follows a blocking call */

int gil_configure(Value xoptions) {
    const char *name = NULL;
    Value x = IS_DICT(xoptions) ? dict_get_c(xoptions, "gil") : VAL_NULL;
    if (IS_STR(x)) name = STR_DATA(x);
    else if (!interp.flag_ignore_env) name = getenv("GILPY_GIL");
    if (!name || !*name) return 0;
    if (gil_set_policy(name) == 0) {
        /* Children inherit the policy: CPython's subprocess._args_from_interpreter_flags
         * (multiprocessing's spawn and forkserver, subprocess) passes on only its own
         * -X options, never gil=. */
        if (IS_STR(x)) setenv("GILPY_GIL", name, 1);
        return 0;
    }
    fprintf(stderr, "gilpy: unknown GIL policy '%s' (choose from interval, ticks, ioprio, fifo)\n", name);
    return -1;
}

int gil_set_policy(const char *name) {
    for (int i = 0; i < GIL_POLICY__COUNT; i++) {
        if (strcmp(name, gil_policy_names[i]) != 0) continue;
        pthread_mutex_lock(&gil.mutex);
        gil.policy = (GilPolicy)i;
        gil.now_serving = gil.next_ticket;    /* fifo starts with the next arrival */
        pthread_mutex_unlock(&gil.mutex);
        return 0;
    }
    return -1;
}

GilPolicy gil_policy(void) { return gil.policy; }
void gil_mutex_lock(void) { pthread_mutex_lock(&gil.mutex); }
void gil_mutex_unlock(void) { pthread_mutex_unlock(&gil.mutex); }
int gil_enabled(void) { return gil.enabled; }

uint64_t gil_now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static void gil_set_breaker(ThreadState *ts, uint32_t bits) {
    __atomic_fetch_or(&ts->eval_breaker, bits, __ATOMIC_SEQ_CST);
}

void gil_enable(void) {
    if (gil.enabled) return;
    ThreadState *ts = ts_get();
    pthread_mutex_lock(&gil.mutex);
    gil.locked = 1;
    gil.holder = ts;
    gil.enabled = 1;
    gilstats_acquired(ts, gil_now_ns(), 0, 0);
    pthread_mutex_unlock(&gil.mutex);
    if (gil.policy == GIL_POLICY_TICKS)
        for (ThreadState *t = interp.threads; t; t = t->next) gil_set_breaker(t, EB_GIL_DROP_REQUEST);
}

/* ---- acquiring ------------------------------------------------------------------ */

static void gil_deadline(struct timespec *ts, double seconds) {
    clock_gettime(CLOCK_REALTIME, ts);
    long ns = (long)(seconds * 1e9);
    if (ns < 1000) ns = 1000;
    ts->tv_sec += ns / 1000000000L;
    ts->tv_nsec += ns % 1000000000L;
    if (ts->tv_nsec >= 1000000000L) { ts->tv_sec++; ts->tv_nsec -= 1000000000L; }
}

/* Ask the holder to drop (under mutex). */
static void gil_request_drop(void) {
    ThreadState *h = gil.holder;
    if (!h || (__atomic_load_n(&h->eval_breaker, __ATOMIC_RELAXED) & EB_GIL_DROP_REQUEST)) return;
    gilstats_drop_requested(h, gil_now_ns());
    gil_set_breaker(h, EB_GIL_DROP_REQUEST);
}

/* May this waiter take the GIL now?  (under mutex) */
static int gil_may_take(uint64_t ticket, int from_io) {
    if (gil.locked) return 0;
    if (gil.policy == GIL_POLICY_FIFO) return ticket == gil.now_serving;
    if (gil.policy == GIL_POLICY_IOPRIO && !from_io && gil.io_waiters > 0) return 0;
    return 1;
}

/* One wait of a thread that wants the GIL (under mutex). */
static void gil_wait_once(int from_io) {
    if (gil.policy == GIL_POLICY_TICKS) {
        pthread_cond_wait(&gil.released, &gil.mutex);
        return;
    }
    if (gil.policy == GIL_POLICY_IOPRIO && from_io && gil.locked) gil_request_drop();
    uint64_t seen = gil.switch_number;
    struct timespec deadline;
    gil_deadline(&deadline, gil_switch_interval());
    int rc = pthread_cond_timedwait(&gil.released, &gil.mutex, &deadline);
    if (rc == ETIMEDOUT && gil.locked && gil.switch_number == seen) gil_request_drop();
}

void gil_acquire(ThreadState *ts) {
    if (!gil.enabled) { ts->gil_released = 0; return; }
    uint64_t t0 = gil_now_ns();
    int from_io = gil.policy == GIL_POLICY_IOPRIO && gil_back_from_io;
    gil_back_from_io = 0;
    pthread_mutex_lock(&gil.mutex);
    gilstats_waiting(ts, t0);
    uint64_t ticket = gil.next_ticket++;
    gil.waiters++;
    if (from_io) gil.io_waiters++;
    while (!gil_may_take(ticket, from_io)) gil_wait_once(from_io);
    gil.waiters--;
    if (from_io) gil.io_waiters--;
    gil.locked = 1;
    gil.acquisitions++;
    if (gil.policy == GIL_POLICY_FIFO) gil.now_serving++;
    int retake = gil.holder == ts && gil.contested;
    if (gil.holder != ts) {
        gil.holder = ts;
        gil.switch_number++;
        pthread_cond_broadcast(&gil.switched);
    }
    /* A drop request is meant for the holder it was made of.  One that came
     * after this thread cleared its bit in gil_yield but before it released
     * is stale: left set, it would make this thread drop again at once,
     * often with nobody waiting - and win the GIL straight back.  CPython's
     * take_gil resets it the same way. */
    __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)EB_GIL_DROP_REQUEST, __ATOMIC_SEQ_CST);
    uint64_t now = gil_now_ns();
    gilstats_acquired(ts, now, now - t0, retake);
    pthread_mutex_unlock(&gil.mutex);
    ts->gil_released = 0;
    if (gil.policy == GIL_POLICY_TICKS) gil_set_breaker(ts, EB_GIL_DROP_REQUEST);
}

/* ---- releasing ------------------------------------------------------------------- */

/* Record what the collector needs to scan this thread while it runs without
 * the GIL: its callee-saved registers and its stack pointer.  Kept out of
 * line so the jmp_buf is filled at a call boundary. */
__attribute__((noinline)) static void gil_save_stack(ThreadState *ts) {
    setjmp(ts->saved_regs);
    ts->c_stack_lo_saved = (char *)__builtin_frame_address(0) - 256;
    ts->gil_released = 1;
}

void gil_release(ThreadState *ts, GilReason reason) {
    gil_save_stack(ts);
    if (!gil.enabled) return;
    pthread_mutex_lock(&gil.mutex);
    gil.contested = gil.waiters > 0;
    gilstats_released(ts, gil_now_ns(), reason, gil.contested);
    gil.locked = 0;
    pthread_cond_broadcast(&gil.released);
    if (reason == GIL_REASON_FORCED && gil.waiters > 0 && gil.policy != GIL_POLICY_TICKS) {
        /* forced switching: do not come back before somebody else got it */
        uint64_t seen = gil.switch_number;
        while (gil.switch_number == seen && gil.waiters > 0)
            pthread_cond_wait(&gil.switched, &gil.mutex);
    }
    pthread_mutex_unlock(&gil.mutex);
}

void gil_yield(ThreadState *ts) {
    __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)EB_GIL_DROP_REQUEST, __ATOMIC_SEQ_CST);
    if (!gil.enabled) return;
    if (gil.policy == GIL_POLICY_TICKS) {
        if (--ts->ticks > 0) { gil_set_breaker(ts, EB_GIL_DROP_REQUEST); return; }
        ts->ticks = gil.check_interval;
        gil_release(ts, GIL_REASON_TICKS);
    } else {
        gil_release(ts, GIL_REASON_FORCED);
    }
    gil_acquire(ts);
}

/* ---- idleness ------------------------------------------------------------------------ */

int gil_idle_since(uint64_t *mark) {
    pthread_mutex_lock(&gil.mutex);
    int idle = gil.acquisitions == *mark && !(gil.enabled && gil.locked);
    *mark = gil.acquisitions;
    pthread_mutex_unlock(&gil.mutex);
    return idle;
}

uint64_t gil_acquisitions(void) {
    pthread_mutex_lock(&gil.mutex);
    uint64_t n = gil.acquisitions;
    pthread_mutex_unlock(&gil.mutex);
    return n;
}

/* ---- blocking calls ---------------------------------------------------------------- */

ThreadState *gil_blocking_begin(GilReason reason) {
    ThreadState *ts = ts_get();
    gil_release(ts, reason);
    return ts;
}

void gil_blocking_end(ThreadState *ts) {
    gil_back_from_io = 1;
    gil_acquire(ts);
}

/* ---- fork --------------------------------------------------------------------------- */

void gil_after_fork_child(ThreadState *ts) {
    pthread_mutex_init(&gil.mutex, NULL);
    pthread_cond_init(&gil.released, NULL);
    pthread_cond_init(&gil.switched, NULL);
    gil.locked = gil.enabled;
    gil.holder = ts;
    gil.waiters = gil.io_waiters = gil.contested = 0;
    gil.next_ticket = gil.now_serving = 0;
    ts->gil_released = 0;
}
