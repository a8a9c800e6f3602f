/* giltrace.c - the GIL timeline (-X giltrace=FILE) and the exit-time table
 * (-X gilstats).
 *
 * Recording.  giltrace_start installs gil_trace_hook.  runtime/gil.c calls
 * it under the GIL's mutex, so the hook only appends a 24-byte event
 * (time, thread ident, event, reason) to one global buffer: no lock of its
 * own, no allocation except when the buffer doubles.  The buffer is capped
 * (GILTRACE_MAX_EVENTS); past the cap events are counted and dropped.  When
 * nobody traces, the hook is NULL and gil.c pays one load and one branch.
 *
 * Spans.  At exit the events are replayed per thread (a "lane") through a
 * tiny state machine:
 *     WAIT             -> close what is open, open "waiting"
 *     ACQUIRE          -> close what is open, open "holding"
 *     RELEASE(reason)  -> close "holding"; for a blocking reason (sleep,
 *                         lock, join, io) open "blocked: reason" until the
 *                         next WAIT/ACQUIRE.  After a forced or ticks drop
 *                         the thread wants the GIL back at once: "waiting"
 *                         (under interval, first for the handoff to another
 *                         thread).  An exit drop opens nothing.
 *     DROP_REQUEST     -> an instant on the holder's lane.
 * A span never starts before the previous one of its lane ended, so spans
 * of one thread never overlap.  Whatever is open at exit ends there.
 *
 * Output.  FILE.json: Chrome Trace Event format ("X" spans, "i" instants,
 * "M" thread_name metadata; microseconds), which Perfetto opens.  FILE.svg:
 * one lane per thread; each lane is cut into pixel columns, every column
 * takes the color of the state that filled most of it, and runs of equal
 * columns become one rectangle - so the picture stays small however many
 * events there were.  Perfetto on the JSON is the zoomable version.
 */
#define _GNU_SOURCE
#include "giltrace.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gil.h"
#include "gilstats.h"
#include "obj_dict.h"
#include "obj_str.h"
#include "state.h"

#define GILTRACE_MAX_EVENTS ((size_t)4 << 20)

typedef struct GiltraceEvent {
    uint64_t t_ns;
    uint64_t ident;
    uint8_t ev;          /* GilEvent */
    uint8_t reason;      /* GilReason, for RELEASE */
} GiltraceEvent;

/* What gets drawn: a span's kind and, for blocked spans, the reason. */
enum { GT_HOLD, GT_WAIT, GT_BLOCKED, GT_REQUEST, GT_NONE };

typedef struct GiltraceSpan {
    uint32_t lane;
    uint8_t kind;
    uint8_t reason;      /* GT_BLOCKED: why; GT_HOLD: how it ended */
    uint64_t t0, t1;
} GiltraceSpan;

typedef struct GiltraceLane {
    uint64_t ident;
    char name[64];
    int open_kind;       /* replay state: GT_NONE or the open span's kind */
    int open_reason;
    uint64_t open_t0, last_t;
} GiltraceLane;

static struct {
    GiltraceEvent *ev;   /* under the GIL's mutex while the hook is installed */
    size_t len, cap;
    uint64_t dropped;
    FILE *out;
    char *path;
    int svg;
    int print_stats;     /* -X gilstats */
    uint64_t t_start;
} gt;

/* ---- recording --------------------------------------------------------------------- */

static void giltrace_hook(ThreadState *ts, GilEvent ev, uint64_t t_ns, int reason) {
    if (gt.len == gt.cap) {
        size_t n = gt.cap ? gt.cap * 2 : 4096;
        GiltraceEvent *p = n <= GILTRACE_MAX_EVENTS ? realloc(gt.ev, n * sizeof *p) : NULL;
        if (!p) { gt.dropped++; return; }
        gt.ev = p;
        gt.cap = n;
    }
    gt.ev[gt.len++] = (GiltraceEvent){t_ns, ts->ident, (uint8_t)ev, (uint8_t)reason};
}

static int giltrace_is_svg(const char *path) {
    size_t n = strlen(path);
    return n >= 4 && strcmp(path + n - 4, ".svg") == 0;
}

int giltrace_start(const char *path) {
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    free(gt.path);
    gt.path = strdup(path);
    gt.out = f;
    gt.svg = giltrace_is_svg(path);
    gt.t_start = gil_now_ns();
    gil_mutex_lock();
    gil_trace_hook = giltrace_hook;
    gil_mutex_unlock();
    return 0;
}

int giltrace_active(void) { return gt.out != NULL; }

void giltrace_after_fork_child(void) {
    gilstats_reset_table();                    /* the parent's ended threads are not ours */
    if (!gt.out) return;
    gil_trace_hook = NULL;                     /* the child is single-threaded here */
    fclose(gt.out);
    gt.out = NULL;
    gt.len = 0;
    gt.dropped = 0;
    const char *dot = strrchr(gt.path, '.');
    size_t stem = dot && !strchr(dot, '/') ? (size_t)(dot - gt.path) : strlen(gt.path);
    char *child;
    if (asprintf(&child, "%.*s.%d%s", (int)stem, gt.path, (int)getpid(), gt.path + stem) < 0) return;
    giltrace_start(child);
    free(child);
}

/* ---- replaying the events into spans ------------------------------------------------ */

typedef struct GiltraceModel {
    GiltraceLane *lanes;
    size_t nlanes;
    GiltraceSpan *spans;
    size_t nspans, cap;
    uint64_t t_base, t_end;
} GiltraceModel;

static int giltrace_push(GiltraceModel *m, uint32_t lane, int kind, int reason, uint64_t t0, uint64_t t1) {
    if (m->nspans == m->cap) {
        size_t n = m->cap ? m->cap * 2 : 1024;
        GiltraceSpan *p = realloc(m->spans, n * sizeof *p);
        if (!p) return -1;
        m->spans = p;
        m->cap = n;
    }
    m->spans[m->nspans++] = (GiltraceSpan){lane, (uint8_t)kind, (uint8_t)reason, t0, t1};
    return 0;
}

/* Close the lane's open span at t (never before where the lane stands). */
static void giltrace_close(GiltraceModel *m, uint32_t li, uint64_t t, int end_reason) {
    GiltraceLane *l = &m->lanes[li];
    if (t < l->last_t) t = l->last_t;
    if (l->open_kind != GT_NONE) {
        int reason = l->open_kind == GT_HOLD ? end_reason : l->open_reason;
        giltrace_push(m, li, l->open_kind, reason, l->open_t0, t);
    }
    l->open_kind = GT_NONE;
    l->last_t = t;
}

static void giltrace_open(GiltraceModel *m, uint32_t li, int kind, int reason) {
    GiltraceLane *l = &m->lanes[li];
    l->open_kind = kind;
    l->open_reason = reason;
    l->open_t0 = l->last_t;
}

static void giltrace_replay_one(GiltraceModel *m, uint32_t li, const GiltraceEvent *e) {
    switch (e->ev) {
    case GILEV_WAIT:
        giltrace_close(m, li, e->t_ns, -1);
        giltrace_open(m, li, GT_WAIT, 0);
        break;
    case GILEV_ACQUIRE:
        giltrace_close(m, li, e->t_ns, -1);
        giltrace_open(m, li, GT_HOLD, 0);
        break;
    case GILEV_RELEASE:
        giltrace_close(m, li, e->t_ns, e->reason);
        if (e->reason >= GIL_REASON_SLEEP && e->reason <= GIL_REASON_IO) giltrace_open(m, li, GT_BLOCKED, e->reason);
        else if (e->reason != GIL_REASON_EXIT) giltrace_open(m, li, GT_WAIT, 0);   /* wants it back at once */
        break;
    case GILEV_DROP_REQUEST:
        giltrace_push(m, li, GT_REQUEST, 0, e->t_ns, e->t_ns);
        break;
    default:
        break;
    }
}

/* The thread's name: live threads ask their Thread object (GIL held). */
static void giltrace_name_lane(GiltraceLane *l) {
    for (ThreadState *t = interp.threads; t; t = t->next)
        if (t->ident == l->ident) { gilstats_name_of(t, l->name, sizeof l->name); return; }
    const char *n = gilstats_ended_name(l->ident);
    if (n) snprintf(l->name, sizeof l->name, "%s", n);
    else snprintf(l->name, sizeof l->name, "%" PRIu64, l->ident);
}

/* Lanes by ident (idents are small sequential numbers): the main thread first. */
static int giltrace_make_lanes(GiltraceModel *m, const GiltraceEvent *ev, size_t n, uint32_t **by_ident) {
    uint64_t max = interp.main_thread ? interp.main_thread->ident : 0;
    for (size_t i = 0; i < n; i++) if (ev[i].ident > max) max = ev[i].ident;
    uint32_t *map = malloc((max + 1) * sizeof *map);
    m->lanes = calloc(max + 1, sizeof *m->lanes);
    if (!map || !m->lanes) { free(map); return -1; }
    for (uint64_t i = 0; i <= max; i++) map[i] = UINT32_MAX;
    if (interp.main_thread) map[interp.main_thread->ident] = (uint32_t)m->nlanes++;
    for (size_t i = 0; i < n; i++)
        if (map[ev[i].ident] == UINT32_MAX) map[ev[i].ident] = (uint32_t)m->nlanes++;
    for (uint64_t id = 0; id <= max; id++) {
        if (map[id] == UINT32_MAX) continue;
        GiltraceLane *l = &m->lanes[map[id]];
        l->ident = id;
        l->open_kind = GT_NONE;
        giltrace_name_lane(l);
    }
    *by_ident = map;
    return 0;
}

static int giltrace_build(GiltraceModel *m, const GiltraceEvent *ev, size_t n, uint64_t t_end) {
    memset(m, 0, sizeof *m);
    uint32_t *map;
    if (giltrace_make_lanes(m, ev, n, &map) < 0) return -1;
    m->t_base = n ? ev[0].t_ns : gt.t_start;
    for (size_t i = 0; i < n; i++) if (ev[i].t_ns < m->t_base) m->t_base = ev[i].t_ns;
    for (size_t i = 0; i < m->nlanes; i++) m->lanes[i].last_t = m->t_base;
    for (size_t i = 0; i < n; i++) giltrace_replay_one(m, map[ev[i].ident], &ev[i]);
    m->t_end = t_end;
    for (size_t i = 0; i < m->nlanes; i++) {
        if (m->lanes[i].last_t > m->t_end) m->t_end = m->lanes[i].last_t;
        giltrace_close(m, (uint32_t)i, t_end, -1);
    }
    free(map);
    return 0;
}

static void giltrace_free_model(GiltraceModel *m) {
    free(m->lanes);
    free(m->spans);
}

/* ---- writing: shared helpers --------------------------------------------------------- */

static const char *const giltrace_kind_names[] = {"holding", "waiting", "blocked", "drop request"};

static void giltrace_span_label(const GiltraceSpan *s, char *buf, size_t size) {
    if (s->kind == GT_BLOCKED) snprintf(buf, size, "blocked: %s", gil_reason_names[s->reason]);
    else snprintf(buf, size, "%s", giltrace_kind_names[s->kind]);
}

/* Write s escaped for a JSON string or XML text (both: no raw control chars). */
static void giltrace_escape(FILE *f, const char *s, int xml) {
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (xml && c == '&') fputs("&amp;", f);
        else if (xml && c == '<') fputs("&lt;", f);
        else if (xml && c == '>') fputs("&gt;", f);
        else if (xml && c == '"') fputs("&quot;", f);
        else if (!xml && (c == '"' || c == '\\')) fprintf(f, "\\%c", c);
        else if (c < 0x20) fprintf(f, xml ? " " : "\\u%04x", c);
        else fputc(c, f);
    }
}

static double giltrace_us(const GiltraceModel *m, uint64_t t) { return (double)(t - m->t_base) / 1e3; }

/* ---- writing: Chrome Trace Event JSON ------------------------------------------------- */

static void giltrace_json_meta(FILE *f, const GiltraceModel *m, int pid) {
    fprintf(f, "{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":%d,\"tid\":0,\"args\":{\"name\":\"gilpy GIL (policy %s)\"}}",
            pid, gil_policy_names[gil_policy()]);
    for (size_t i = 0; i < m->nlanes; i++) {
        const GiltraceLane *l = &m->lanes[i];
        fprintf(f, ",\n{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":%d,\"tid\":%" PRIu64 ",\"args\":{\"name\":\"", pid,
                l->ident);
        giltrace_escape(f, l->name, 0);
        fprintf(f, "\"}},\n{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":%d,\"tid\":%" PRIu64
                   ",\"args\":{\"sort_index\":%zu}}", pid, l->ident, i);
    }
}

static void giltrace_json_span(FILE *f, const GiltraceModel *m, const GiltraceSpan *s, int pid) {
    char label[48];
    giltrace_span_label(s, label, sizeof label);
    uint64_t tid = m->lanes[s->lane].ident;
    if (s->kind == GT_REQUEST) {
        fprintf(f, ",\n{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"gil\",\"name\":\"%s\",\"pid\":%d,\"tid\":%" PRIu64 ",\"ts\":%.3f}",
                label, pid, tid, giltrace_us(m, s->t0));
        return;
    }
    fprintf(f, ",\n{\"ph\":\"X\",\"cat\":\"gil\",\"name\":\"%s\",\"pid\":%d,\"tid\":%" PRIu64 ",\"ts\":%.3f,\"dur\":%.3f",
            label, pid, tid, giltrace_us(m, s->t0), (double)(s->t1 - s->t0) / 1e3);
    if (s->kind == GT_HOLD && s->reason < GIL_REASON__COUNT)
        fprintf(f, ",\"args\":{\"released\":\"%s\"}", gil_reason_names[s->reason]);
    fputc('}', f);
}

static void giltrace_write_json(FILE *f, const GiltraceModel *m) {
    int pid = (int)getpid();
    fputs("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n", f);
    giltrace_json_meta(f, m, pid);
    for (size_t i = 0; i < m->nspans; i++) giltrace_json_span(f, m, &m->spans[i], pid);
    fprintf(f, "\n],\"otherData\":{\"policy\":\"%s\",\"switch_interval_ms\":%.3f,\"events\":%zu,\"events_dropped\":%" PRIu64
               "}}\n", gil_policy_names[gil_policy()], gil_switch_interval() * 1e3, gt.len, gt.dropped);
}

/* ---- writing: SVG ---------------------------------------------------------------------- */

#define SVG_NAME_W 150
#define SVG_PLOT_W 1000
#define SVG_LANE_H 18
#define SVG_LANE_GAP 6
#define SVG_TOP 46
#define SVG_NCAT 6          /* holding, waiting, blocked: sleep / lock / join / io */

static const char *const svg_colors[SVG_NCAT] = {"#2e9d4f", "#e8553e", "#8fb3d9", "#c7a0e0", "#f0c75e", "#4a78c2"};
static const char *const svg_labels[SVG_NCAT] = {"holding the GIL", "waiting for it", "blocked: sleep",
                                                  "blocked: lock", "blocked: join", "blocked: io"};

static int svg_category(const GiltraceSpan *s) {
    if (s->kind == GT_HOLD) return 0;
    if (s->kind == GT_WAIT) return 1;
    return 2 + (s->reason - GIL_REASON_SLEEP);
}

static int giltrace_span_cmp(const void *a, const void *b) {
    const GiltraceSpan *x = a, *y = b;
    if (x->lane != y->lane) return x->lane < y->lane ? -1 : 1;
    return x->t0 < y->t0 ? -1 : x->t0 > y->t0;
}

/* Spread [t0, t1) over the pixel columns it covers. */
static void svg_accumulate(double (*acc)[SVG_NCAT], const GiltraceModel *m, const GiltraceSpan *s, double scale) {
    double x0 = (double)(s->t0 - m->t_base) * scale, x1 = (double)(s->t1 - m->t_base) * scale;
    int c = svg_category(s);
    for (int col = (int)x0; col < SVG_PLOT_W && col < x1; col++) {
        double lo = x0 > col ? x0 : col, hi = x1 < col + 1 ? x1 : col + 1;
        if (hi > lo) acc[col][c] += hi - lo;
    }
}

static int svg_winner(const double *cell) {
    int best = -1;
    double most = 0.05;          /* a column less than 5% covered stays empty */
    for (int c = 0; c < SVG_NCAT; c++) if (cell[c] > most) { most = cell[c]; best = c; }
    return best;
}

static void svg_lane_rects(FILE *f, double (*acc)[SVG_NCAT], int y) {
    int run = -1, start = 0;
    for (int col = 0; col <= SVG_PLOT_W; col++) {
        int w = col < SVG_PLOT_W ? svg_winner(acc[col]) : -2;
        if (w == run) continue;
        if (run >= 0)
            fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n", SVG_NAME_W + start, y,
                    col - start, SVG_LANE_H, svg_colors[run]);
        run = w;
        start = col;
    }
}

static void svg_lane_requests(FILE *f, const unsigned char *req, int y) {
    for (int col = 0; col < SVG_PLOT_W; col++)
        if (req[col]) fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"1\" height=\"5\" fill=\"#b00020\"/>\n", SVG_NAME_W + col, y - 4);
}

/* One lane: its name, its state per pixel column, its drop requests. */
static size_t svg_lane(FILE *f, const GiltraceModel *m, size_t i, size_t lane, double scale) {
    double (*acc)[SVG_NCAT] = calloc(SVG_PLOT_W, sizeof *acc);
    unsigned char *req = calloc(SVG_PLOT_W, 1);
    int y = SVG_TOP + (int)lane * (SVG_LANE_H + SVG_LANE_GAP);
    for (; i < m->nspans && m->spans[i].lane == lane; i++) {
        const GiltraceSpan *s = &m->spans[i];
        if (!acc || !req) continue;
        if (s->kind != GT_REQUEST) { svg_accumulate(acc, m, s, scale); continue; }
        int col = (int)((double)(s->t0 - m->t_base) * scale);
        req[col < SVG_PLOT_W ? col : SVG_PLOT_W - 1] = 1;
    }
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", SVG_NAME_W - 8, y + 13);
    giltrace_escape(f, m->lanes[lane].name, 1);
    fprintf(f, "</text>\n<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f4f4f4\"/>\n", SVG_NAME_W, y,
            SVG_PLOT_W, SVG_LANE_H);
    if (acc && req) { svg_lane_rects(f, acc, y); svg_lane_requests(f, req, y); }
    free(acc);
    free(req);
    return i;
}

/* A round tick step (1, 2 or 5 times a power of ten) giving about 10 ticks. */
static double svg_tick_step(double span_us) {
    double step = 1;
    while (step * 10 < span_us) step *= 10;
    if (span_us / step < 2) step /= 5;
    else if (span_us / step < 5) step /= 2;
    return step > 0 ? step : 1;
}

static void svg_axis(FILE *f, double span_us, int y) {
    double step = svg_tick_step(span_us);
    int ms = span_us >= 2000;
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", SVG_NAME_W, y, SVG_NAME_W + SVG_PLOT_W, y);
    for (double t = 0; t <= span_us * 1.0001; t += step) {
        int x = SVG_NAME_W + (int)(t / span_us * SVG_PLOT_W);
        fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", x, y, x, y + 5);
        fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\" stroke-dasharray=\"2,3\"/>", x, SVG_TOP - 4,
                x, y);
        fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%g</text>\n", x, y + 18, ms ? t / 1000 : t);
    }
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">time (%s)</text>\n", SVG_NAME_W + SVG_PLOT_W / 2, y + 34,
            ms ? "ms" : "µs");
}

static void svg_legend(FILE *f, int y) {
    int x = SVG_NAME_W;
    for (int c = 0; c < SVG_NCAT; c++) {
        fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"12\" fill=\"%s\"/>", x, y, svg_colors[c]);
        fprintf(f, "<text x=\"%d\" y=\"%d\">%s</text>\n", x + 18, y + 11, svg_labels[c]);
        x += 30 + 7 * (int)strlen(svg_labels[c]);
    }
    fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"2\" height=\"12\" fill=\"#b00020\"/>", x, y);
    fprintf(f, "<text x=\"%d\" y=\"%d\">drop request</text>\n", x + 8, y + 11);
}

static void giltrace_write_svg(FILE *f, GiltraceModel *m) {
    qsort(m->spans, m->nspans, sizeof *m->spans, giltrace_span_cmp);
    double span_us = (double)(m->t_end - m->t_base) / 1e3;
    if (span_us <= 0) span_us = 1;
    double scale = SVG_PLOT_W / (span_us * 1e3);
    int axis_y = SVG_TOP + (int)m->nlanes * (SVG_LANE_H + SVG_LANE_GAP) + 4;
    int width = SVG_NAME_W + SVG_PLOT_W + 30, height = axis_y + 70;
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
               "font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
            width, height, width, height);
    fprintf(f, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">GIL timeline: policy %s, switch interval "
               "%g ms, %zu thread%s, %.1f ms</text>\n", SVG_NAME_W, gil_policy_names[gil_policy()],
            gil_switch_interval() * 1e3, m->nlanes, m->nlanes == 1 ? "" : "s", span_us / 1e3);
    size_t i = 0;
    for (size_t lane = 0; lane < m->nlanes; lane++) i = svg_lane(f, m, i, lane, scale);
    svg_axis(f, span_us, axis_y);
    svg_legend(f, axis_y + 44);
    fputs("</svg>\n", f);
}

/* ---- finishing ---------------------------------------------------------------------- */

int giltrace_finish(void) {
    if (!gt.out) return 0;
    gil_mutex_lock();                 /* threads still running stop recording here */
    gil_trace_hook = NULL;
    uint64_t t_end = gil_now_ns();
    gil_mutex_unlock();
    GiltraceModel m;
    int rc = giltrace_build(&m, gt.ev, gt.len, t_end);
    if (rc == 0) {
        if (gt.svg) giltrace_write_svg(gt.out, &m);
        else giltrace_write_json(gt.out, &m);
    }
    giltrace_free_model(&m);
    if (fclose(gt.out) != 0 || rc < 0) rc = -1;
    gt.out = NULL;
    free(gt.ev);
    gt.ev = NULL;
    gt.len = gt.cap = 0;
    return rc;
}

/* ---- -X options ---------------------------------------------------------------------- */

int giltrace_configure(Value xoptions) {
    if (!IS_DICT(xoptions)) return 0;
    Value st = dict_get_c(xoptions, "gilstats");
    gt.print_stats = !IS_NULL(st) && !(IS_STR(st) && (strcmp(STR_DATA(st), "0") == 0 || strcmp(STR_DATA(st), "off") == 0));
    Value tr = dict_get_c(xoptions, "giltrace");
    if (IS_NULL(tr)) return 0;
    if (!IS_STR(tr) || !*STR_DATA(tr)) {
        fprintf(stderr, "gilpy: -X giltrace needs a file name: -X giltrace=FILE.json or -X giltrace=FILE.svg\n");
        return -1;
    }
    if (giltrace_start(STR_DATA(tr)) < 0) {
        fprintf(stderr, "gilpy: cannot write the GIL trace '%s': %s\n", STR_DATA(tr), strerror(errno));
        return -1;
    }
    return 0;
}

void giltrace_at_exit(void) {
    if (gt.print_stats) {
        fflush(stdout);
        gilstats_print(stderr);
    }
    size_t kept = gt.len;
    if (gt.out && giltrace_finish() < 0)
        fprintf(stderr, "gilpy: cannot write the GIL trace '%s': %s\n", gt.path, strerror(errno));
    if (gt.dropped)
        fprintf(stderr, "gilpy: the GIL trace kept its first %zu events and dropped %" PRIu64 "\n", kept, gt.dropped);
}
