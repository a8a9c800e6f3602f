/* gilstats.c - the per-thread GIL counters (see gilstats.h).
 *
 * The second half keeps the table of all threads: when a thread ends,
 * gilstats_thread_ended copies its counters and its name into `ended` (the
 * thread state and its GilStats are freed right after).  `ended` and
 * `ended_names` are touched only with the GIL held; the live counters are
 * read under the GIL's mutex, which their writers hold.
 */
#include "gilstats.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "obj_dict.h"
#include "obj_int.h"
#include "obj_misc.h"
#include "obj_str.h"

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

void gilstats_acquired(ThreadState *ts, uint64_t now, uint64_t waited, int retake) {
    GilStats *s = gilstats_of(ts);
    if (!s) return;
    s->acquisitions++;
    s->retakes += retake != 0;
    s->waited_ns += waited;
    if (waited > s->wait_max_ns) s->wait_max_ns = waited;
    s->wait_hist[gilstats_bucket(waited)]++;
    s->acquired_at_ns = now;
    s->requested_at_ns = 0;                /* a new holder has no pending request */
    if (gil_trace_hook) gil_trace_hook(ts, GILEV_ACQUIRE, now, 0);
}

void gilstats_released(ThreadState *ts, uint64_t now, GilReason reason, int contested) {
    GilStats *s = gilstats_of(ts);
    if (!s) return;
    s->drops[reason]++;
    s->contested_drops += contested != 0;
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

/* ---- the table of live and ended threads ------------------------------------------ */

typedef struct GilStatsName { uint64_t ident; char name[64]; } GilStatsName;

static GilStatsRow *ended;          /* counters of ended threads (GIL) */
static size_t ended_len, ended_cap;
static GilStatsName *ended_names;   /* their names, kept across resets (GIL) */
static size_t names_len, names_cap;

static int gilstats_grow(void **arr, size_t *cap, size_t need, size_t elem) {
    if (need <= *cap) return 0;
    size_t n = *cap ? *cap * 2 : 16;
    void *p = realloc(*arr, n * elem);
    if (!p) return -1;
    *arr = p;
    *cap = n;
    return 0;
}

/* threading._active[ident], or VAL_NULL (no error set). */
static Value gilstats_active_thread(uint64_t ident) {
    Value threading = IS_DICT(interp.modules) ? dict_get_c(interp.modules, "threading") : VAL_NULL;
    if (IS_NULL(threading) || val_type(threading) != &type_module || !IS_DICT(MODULE_DICT(threading))) return VAL_NULL;
    Value active = dict_get_c(MODULE_DICT(threading), "_active");
    if (!IS_DICT(active)) return VAL_NULL;
    Value saved = err_fetch();
    Value th = dict_get(active, int_from_u64(ident));
    err_clear();
    if (!IS_NULL(saved)) ts_get()->exc = saved;
    return th;
}

/* Thread.name when ts runs a threading.Thread, else MainThread or the ident. */
void gilstats_name_of(ThreadState *ts, char *buf, size_t size) {
    if (ts == interp.main_thread) { snprintf(buf, size, "MainThread"); return; }
    snprintf(buf, size, "%" PRIu64, ts->ident);
    Value th = ts->thread_obj;
    if (!IS_OBJ(th) || IS_TUPLE(th)) th = gilstats_active_thread(ts->ident);   /* not set: ask threading */
    if (IS_NULL(th)) return;
    Value saved = err_fetch();
    Value name = obj_getattr_c(th, "name");
    if (!IS_NULL(name) && IS_STR(name)) snprintf(buf, size, "%s", STR_DATA(name));
    err_clear();
    if (!IS_NULL(saved)) ts_get()->exc = saved;       /* put the pending exception back */
}

void gilstats_thread_ended(ThreadState *ts) {
    if (gilstats_grow((void **)&ended_names, &names_cap, names_len + 1, sizeof *ended_names) < 0) return;
    GilStatsName *n = &ended_names[names_len++];
    n->ident = ts->ident;
    gilstats_name_of(ts, n->name, sizeof n->name);
    if (!ts->gil_stats) return;
    if (gilstats_grow((void **)&ended, &ended_cap, ended_len + 1, sizeof *ended) < 0) return;
    GilStatsRow *r = &ended[ended_len++];
    r->ident = ts->ident;
    memcpy(r->name, n->name, sizeof r->name);
    r->alive = 0;
    gil_mutex_lock();
    gilstats_snapshot(ts, &r->s);
    gil_mutex_unlock();
    r->s.drops[GIL_REASON_EXIT]++;         /* the drop gil_release is about to make */
    r->s.acquired_at_ns = r->s.requested_at_ns = 0;
}

const char *gilstats_ended_name(uint64_t ident) {
    for (size_t i = names_len; i-- > 0;)
        if (ended_names[i].ident == ident) return ended_names[i].name;
    return NULL;
}

static int gilstats_row_cmp(const void *a, const void *b) {
    const GilStatsRow *x = a, *y = b;
    int xm = x->alive && x->ident == interp.main_thread->ident;
    int ym = y->alive && y->ident == interp.main_thread->ident;
    if (xm != ym) return ym - xm;
    return x->ident < y->ident ? -1 : x->ident > y->ident;
}

size_t gilstats_table(GilStatsRow **out) {
    size_t live = 0;
    for (ThreadState *t = interp.threads; t; t = t->next) live++;
    GilStatsRow *rows = calloc(live + ended_len + 1, sizeof *rows);
    *out = rows;
    if (!rows) return 0;
    size_t n = 0;
    for (ThreadState *t = interp.threads; t; t = t->next, n++) {
        rows[n].ident = t->ident;
        rows[n].alive = 1;
        gilstats_name_of(t, rows[n].name, sizeof rows[n].name);
    }
    gil_mutex_lock();                       /* names first: they may run Python code */
    n = 0;
    for (ThreadState *t = interp.threads; t && n < live; t = t->next, n++) gilstats_snapshot(t, &rows[n].s);
    gil_mutex_unlock();
    if (ended_len) memcpy(rows + n, ended, ended_len * sizeof *ended);
    n += ended_len;
    qsort(rows, n, sizeof *rows, gilstats_row_cmp);
    return n;
}

void gilstats_reset_table(void) {
    ended_len = 0;
    gil_mutex_lock();
    gilstats_reset_all();
    gil_mutex_unlock();
}

/* ---- -X gilstats: the table on stderr ---------------------------------------------- */

static double ms(uint64_t ns) { return (double)ns / 1e6; }

static void gilstats_print_row(FILE *f, const char *name, const GilStats *s) {
    fprintf(f, "%-16.16s %7" PRIu64, name, s->acquisitions);
    for (int r = 0; r < GIL_REASON__COUNT; r++) fprintf(f, " %6" PRIu64, s->drops[r]);
    double lat_mean = s->drops[GIL_REASON_FORCED] ? (double)s->drop_latency_ns / 1e3 / (double)s->drops[GIL_REASON_FORCED] : 0;
    fprintf(f, " %9.1f %9.1f %8.2f %6" PRIu64 " %8.1f %8.1f %7" PRIu64 " %7" PRIu64 "\n", ms(s->held_ns), ms(s->waited_ns),
            ms(s->wait_max_ns), s->drop_requests, lat_mean, (double)s->drop_latency_max_ns / 1e3, s->contested_drops,
            s->retakes);
}

static void gilstats_add(GilStats *sum, const GilStats *s) {
    sum->acquisitions += s->acquisitions;
    for (int r = 0; r < GIL_REASON__COUNT; r++) sum->drops[r] += s->drops[r];
    sum->held_ns += s->held_ns;
    sum->waited_ns += s->waited_ns;
    if (s->wait_max_ns > sum->wait_max_ns) sum->wait_max_ns = s->wait_max_ns;
    for (int b = 0; b < GILSTATS_BUCKETS; b++) sum->wait_hist[b] += s->wait_hist[b];
    sum->drop_requests += s->drop_requests;
    sum->contested_drops += s->contested_drops;
    sum->retakes += s->retakes;
    sum->drop_latency_ns += s->drop_latency_ns;
    if (s->drop_latency_max_ns > sum->drop_latency_max_ns) sum->drop_latency_max_ns = s->drop_latency_max_ns;
}

static void gilstats_print_hist(FILE *f, const GilStats *sum) {
    uint64_t top = 0;
    int last = -1;
    for (int b = 0; b < GILSTATS_BUCKETS; b++)
        if (sum->wait_hist[b]) { last = b; if (sum->wait_hist[b] > top) top = sum->wait_hist[b]; }
    if (last < 0) return;
    fprintf(f, "wait histogram (all threads; a wait is one gil_acquire):\n");
    for (int b = 0; b <= last; b++) {
        char range[32];
        if (b == 0) snprintf(range, sizeof range, "< 2 us");
        else snprintf(range, sizeof range, "%" PRIu64 "-%" PRIu64 " us", (uint64_t)1 << b, (uint64_t)1 << (b + 1));
        int bar = (int)(40 * sum->wait_hist[b] / top);
        fprintf(f, "  %18s %9" PRIu64 " %.*s\n", range, sum->wait_hist[b], bar, "########################################");
    }
}

void gilstats_print(FILE *f) {
    GilStatsRow *rows;
    size_t n = gilstats_table(&rows);
    fprintf(f, "GIL statistics: policy %s, switch interval %.3f ms, %zu thread%s%s\n",
            gil_policy_names[gil_policy()], gil_switch_interval() * 1e3, n, n == 1 ? "" : "s",
            gil_enabled() ? "" : " (the GIL was never needed: one thread)");
    fprintf(f, "%-16s %7s", "thread", "acq");
    for (int r = 0; r < GIL_REASON__COUNT; r++) fprintf(f, " %6s", gil_reason_names[r]);
    fprintf(f, " %9s %9s %8s %6s %8s %8s %7s %7s\n", "held ms", "waited ms", "maxwait", "dropreq", "lat avg", "lat max",
            "contest", "retake");
    fprintf(f, "%-16s %7s %*s %9s %9s %8s %6s %8s %8s %7s %7s\n", "", "", GIL_REASON__COUNT * 7 - 1, "(drops by reason)",
            "", "", "ms", "", "us", "us", "drops", "");
    GilStats sum;
    memset(&sum, 0, sizeof sum);
    for (size_t i = 0; i < n; i++) {
        gilstats_print_row(f, rows[i].name, &rows[i].s);
        gilstats_add(&sum, &rows[i].s);
    }
    if (n > 1) gilstats_print_row(f, "total", &sum);
    gilstats_print_hist(f, &sum);
    free(rows);
}
