/* gilstats.c - the per-thread GIL counters (see gilstats.h). */
#include "gilstats.h"

#include <stdlib.h>
#include <string.h>

void (*gil_trace_hook)(ThreadState *ts, GilEvent ev, uint64_t t_ns, int reason);

GilStats *gilstats_of(ThreadState *ts) {
    if (!ts->gil_stats) ts->gil_stats = calloc(1, sizeof(GilStats));
    return ts->gil_stats;
}

static int gilstats_bucket(uint64_t ns) {
    uint64_t us = ns / 1000;
    int b = 0;
    while (us >= 2 && b < GILSTATS_BUCKETS - 1) { us >>= 1; b++; }
    return b;
}

void gilstats_waiting(ThreadState *ts, uint64_t now) {
    if (gil_trace_hook) gil_trace_hook(ts, GILEV_WAIT, now, 0);
}

void gilstats_acquired(ThreadState *ts, uint64_t now, uint64_t waited) {
    GilStats *s = gilstats_of(ts);
    if (!s) return;
    s->acquisitions++;
    s->waited_ns += waited;
    if (waited > s->wait_max_ns) s->wait_max_ns = waited;
    s->wait_hist[gilstats_bucket(waited)]++;
    s->acquired_at_ns = now;
    if (gil_trace_hook) gil_trace_hook(ts, GILEV_ACQUIRE, now, 0);
}

void gilstats_released(ThreadState *ts, uint64_t now, GilReason reason) {
    GilStats *s = gilstats_of(ts);
    if (!s) return;
    s->drops[reason]++;
    if (s->acquired_at_ns) s->held_ns += now - s->acquired_at_ns;
    s->acquired_at_ns = 0;
    if (reason == GIL_REASON_FORCED && s->requested_at_ns) {
        uint64_t lat = now - s->requested_at_ns;
        s->drop_latency_ns += lat;
        if (lat > s->drop_latency_max_ns) s->drop_latency_max_ns = lat;
    }
    s->requested_at_ns = 0;
    if (gil_trace_hook) gil_trace_hook(ts, GILEV_RELEASE, now, (int)reason);
}

void gilstats_drop_requested(ThreadState *ts, uint64_t now) {
    GilStats *s = gilstats_of(ts);
    if (!s) return;
    s->drop_requests++;
    s->requested_at_ns = now;
    if (gil_trace_hook) gil_trace_hook(ts, GILEV_DROP_REQUEST, now, 0);
}

void gilstats_snapshot(ThreadState *ts, GilStats *out) {
    GilStats *s = gilstats_of(ts);
    if (s) *out = *s;
    else memset(out, 0, sizeof *out);
    if (s && s->acquired_at_ns) out->held_ns += gil_now_ns() - s->acquired_at_ns;
}

void gilstats_reset_all(void) {
    for (ThreadState *t = interp.threads; t; t = t->next) {
        GilStats *s = gilstats_of(t);
        if (!s) continue;
        uint64_t held_since = s->acquired_at_ns ? gil_now_ns() : 0;
        memset(s, 0, sizeof *s);
        s->acquired_at_ns = held_since;
    }
}
