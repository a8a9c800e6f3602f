/* gil.h - the global interpreter lock.
 *
 * Only the thread holding the GIL touches Python objects.  A thread lets go
 * of it in two ways:
 *   - around a blocking call, with the macro pair below (the code between
 *     them touches no Python object: copy data in and out of C buffers);
 *   - when the eval loop sees a drop request in its eval-breaker word (the
 *     VM calls gil_yield from vm_handle_eval_breaker).
 * runtime/gil.c explains the algorithm and the four policies.
 */
#ifndef GILPY_GIL_H
#define GILPY_GIL_H

#include <stdint.h>
#include "state.h"

typedef enum {
    GIL_POLICY_INTERVAL,    /* CPython 3.2+: timed drop requests, forced switching */
    GIL_POLICY_TICKS,       /* Python 2: release and re-take every N ticks, no handoff */
    GIL_POLICY_IOPRIO,      /* threads back from I/O preempt CPU-bound holders */
    GIL_POLICY_FIFO,        /* strict arrival order by ticket */
    GIL_POLICY__COUNT
} GilPolicy;

/* Why a thread gave the GIL up (the drop reasons counted per thread). */
typedef enum {
    GIL_REASON_FORCED,      /* another thread asked (drop request) */
    GIL_REASON_TICKS,       /* the ticks policy's periodic release */
    GIL_REASON_SLEEP,       /* time.sleep */
    GIL_REASON_LOCK,        /* lock / condition / event / semaphore waits */
    GIL_REASON_JOIN,        /* Thread.join, waiting for a thread to end */
    GIL_REASON_IO,          /* read / write / select / waitpid / input */
    GIL_REASON_EXIT,        /* the thread ended */
    GIL_REASON__COUNT
} GilReason;

extern const char *const gil_policy_names[GIL_POLICY__COUNT];
extern const char *const gil_reason_names[GIL_REASON__COUNT];

/* The policy from -X gil=NAME (xoptions dict) or GILPY_GIL; -1 after
 * printing an error when the name is unknown. */
int  gil_configure(Value xoptions);
/* Choose the policy by name before the second thread starts; -1 if unknown. */
int  gil_set_policy(const char *name);
GilPolicy gil_policy(void);
/* sys.getswitchinterval()/setswitchinterval() (seconds > 0) and the ticks
 * policy's interval (sys.getcheckinterval(); ticks >= 1). */
double gil_switch_interval(void);
void   gil_set_switch_interval(double seconds);
int    gil_check_interval(void);
void   gil_set_check_interval(int ticks);
/* Called when the first extra thread is about to start: from then on the GIL
 * is a real lock (a lone main thread never touches it). */
void gil_enable(void);
int  gil_enabled(void);

/* Take the GIL for ts (blocking) / give it up.  gil_release records the
 * stack bounds and registers the collector needs while ts runs without it. */
void gil_acquire(ThreadState *ts);
void gil_release(ThreadState *ts, GilReason reason);
/* The eval loop saw EB_GIL_DROP_REQUEST (or the ticks countdown ran out):
 * let another thread run, then continue. */
void gil_yield(ThreadState *ts);
/* Hold the GIL's mutex to read or reset other threads' counters
 * consistently (gilstats.c): the counters are updated under it. */
void gil_mutex_lock(void);
void gil_mutex_unlock(void);
/* After fork in the child: a fresh, held GIL for the only thread left. */
void gil_after_fork_child(ThreadState *ts);

/* Idleness (the lock waits' idle collection, stdlib/mod_thread.c): whether
 * no thread took the GIL since *mark was taken and nobody holds it now;
 * *mark becomes the current count of acquisitions.  gil_acquisitions() is
 * that count. */
int gil_idle_since(uint64_t *mark);
uint64_t gil_acquisitions(void);

/* The blocking-call bracket.  Cheap when no second thread exists. */
ThreadState *gil_blocking_begin(GilReason reason);
void gil_blocking_end(ThreadState *ts);
#define GIL_BLOCKING_BEGIN(reason) { ThreadState *gil_saved_ts_ = gil_blocking_begin(reason);
#define GIL_BLOCKING_END()           gil_blocking_end(gil_saved_ts_); }

#endif
