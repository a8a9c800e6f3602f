/* gilstats.h - per-thread GIL counters and the trace hook.
 *
 * Updated by runtime/gil.c under the GIL's mutex (so a reader holding the
 * mutex through gilstats_snapshot sees consistent numbers), and only while
 * the GIL is enabled: a single-threaded program never pays for them.
 */
#ifndef GILPY_GILSTATS_H
#define GILPY_GILSTATS_H

#include <stdint.h>
#include "gil.h"

#define GILSTATS_BUCKETS 32

typedef struct GilStats {
    uint64_t acquisitions;
    uint64_t drops[GIL_REASON__COUNT];     /* by reason */
    uint64_t held_ns;                      /* total time holding the GIL */
    uint64_t waited_ns;                    /* total time waiting for it */
    uint64_t wait_max_ns;
    uint64_t wait_hist[GILSTATS_BUCKETS];  /* waits by log2(microseconds): bucket 0 < 2 us,
                                              bucket i in [2**i, 2**(i+1)) us */
    uint64_t drop_requests;                /* requests other threads made of this one */
    uint64_t drop_latency_ns;              /* total time from a request to the drop */
    uint64_t drop_latency_max_ns;
    uint64_t contested_drops;              /* drops made while another thread waited */
    uint64_t retakes;                      /* of those, how many this thread won straight
                                              back, before any waiter got the GIL (the
                                              "GIL battle") */
    uint64_t acquired_at_ns;               /* when the current hold began (0: not held) */
    uint64_t requested_at_ns;              /* pending drop request, 0 if none */
} GilStats;

/* What the trace hook is told. */
typedef enum {
    GILEV_WAIT,          /* the thread starts waiting for the GIL */
    GILEV_ACQUIRE,       /* it got the GIL */
    GILEV_RELEASE,       /* it gave it up (reason) */
    GILEV_DROP_REQUEST,  /* someone asked it to drop */
} GilEvent;

/* Set by the timeline writer (-X giltrace); NULL when nobody traces. */
extern void (*gil_trace_hook)(ThreadState *ts, GilEvent ev, uint64_t t_ns, int reason);

uint64_t gil_now_ns(void);
GilStats *gilstats_of(ThreadState *ts);     /* allocated on first use */
void gilstats_waiting(ThreadState *ts, uint64_t now);
/* retake: ts made the last drop, contested, and nobody took the GIL since. */
void gilstats_acquired(ThreadState *ts, uint64_t now, uint64_t waited, int retake);
/* contested: another thread was waiting for the GIL at the drop. */
void gilstats_released(ThreadState *ts, uint64_t now, GilReason reason, int contested);
void gilstats_drop_requested(ThreadState *ts, uint64_t now);
/* Copy a thread's counters (under the GIL's mutex). */
void gilstats_snapshot(ThreadState *ts, GilStats *out);
void gilstats_reset_all(void);

#endif

/* ---- The table of all threads, live and ended (added for -X gilstats and
 * the gil module; gilstats.c).  Call with the GIL held. ---- */
#include <stdio.h>

typedef struct GilStatsRow {
    uint64_t ident;
    char name[64];          /* the threading.Thread's name, MainThread, or the ident */
    int alive;
    GilStats s;
} GilStatsRow;

/* A thread is ending (mod_thread.c, before ts_unlink): keep its counters,
 * counting the exit drop it is about to make. */
void gilstats_thread_ended(ThreadState *ts);
/* The name shown for a live thread (may run Python code: Thread.name). */
void gilstats_name_of(ThreadState *ts, char *buf, size_t size);
/* The name an ended thread had; NULL if unknown.  Survives gilstats_reset_all. */
const char *gilstats_ended_name(uint64_t ident);
/* Every row: the main thread first, then by ident.  malloc'd; *out NULL if none. */
size_t gilstats_table(GilStatsRow **out);
/* Forget ended threads' counters and zero the live ones (takes the GIL's mutex). */
void gilstats_reset_table(void);
/* The table of -X gilstats. */
void gilstats_print(FILE *f);
