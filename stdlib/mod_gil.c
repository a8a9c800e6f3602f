/* mod_gil.c - the `gil` module: the GIL's counters seen from Python.
 *
 *     gil.stats()            one dict per thread, live and ended (see below)
 *     gil.reset()            zero the counters, forget ended threads
 *     gil.policy()           'interval', 'ticks', 'ioprio' or 'fifo'
 *     gil.switch_interval()  seconds (sys.getswitchinterval())
 *     gil.check_interval()   ticks (the `ticks` policy's N)
 *     gil.enabled()          has a second thread ever started?
 *     gil.tracing()          is -X giltrace=FILE recording?
 *     gil.REASONS            the drop reasons, in the order of the table
 *
 * Design: a thin layer over gilstats_table (runtime/gilstats.c), which
 * copies every thread's counters under the GIL's mutex.  Times are floats
 * in seconds, as everywhere in Python.  Keys of a stats() dict:
 *   name, ident, alive, acquisitions, drops ({reason: count}),
 *   held_s, waited_s, wait_max_s, wait_histogram (list: bucket 0 counts
 *   waits under 2 us, bucket i waits in [2**i, 2**(i+1)) us; trailing zero
 *   buckets removed), drop_requests, drop_latency_mean_s, drop_latency_max_s,
 *   contested_drops (drops made while another thread waited) and retakes
 *   (of those, how many the same thread won straight back: the GIL battle).
 */
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gil.h"
#include "runtime/giltrace.h"
#include "runtime/gilstats.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/state.h"
#include "interp/modreg.h"

#include <stdlib.h>

GILPY_MODULE("gil", mod_gil_init);

static Value mod_gil_seconds(uint64_t ns) { return MK_FLOAT((double)ns / 1e9); }

static Value mod_gil_drops(const GilStats *s) {
    Value d = dict_new();
    if (IS_NULL(d)) return VAL_NULL;
    for (int r = 0; r < GIL_REASON__COUNT; r++)
        if (dict_set_c(d, gil_reason_names[r], int_from_u64(s->drops[r])) < 0) return VAL_NULL;
    return d;
}

static Value mod_gil_histogram(const GilStats *s) {
    int n = GILSTATS_BUCKETS;
    while (n > 0 && s->wait_hist[n - 1] == 0) n--;
    Value l = list_new(0);
    for (int b = 0; b < n && !IS_NULL(l); b++)
        if (list_append(l, int_from_u64(s->wait_hist[b])) < 0) return VAL_NULL;
    return l;
}

static Value mod_gil_row(const GilStatsRow *r) {
    const GilStats *s = &r->s;
    Value d = dict_new(), drops = mod_gil_drops(s), hist = mod_gil_histogram(s);
    if (IS_NULL(d) || IS_NULL(drops) || IS_NULL(hist)) return VAL_NULL;
    uint64_t forced = s->drops[GIL_REASON_FORCED];
    dict_set_c(d, "name", str_from_c(r->name));
    dict_set_c(d, "ident", int_from_u64(r->ident));
    dict_set_c(d, "alive", MK_BOOL(r->alive));
    dict_set_c(d, "acquisitions", int_from_u64(s->acquisitions));
    dict_set_c(d, "drops", drops);
    dict_set_c(d, "held_s", mod_gil_seconds(s->held_ns));
    dict_set_c(d, "waited_s", mod_gil_seconds(s->waited_ns));
    dict_set_c(d, "wait_max_s", mod_gil_seconds(s->wait_max_ns));
    dict_set_c(d, "wait_histogram", hist);
    dict_set_c(d, "drop_requests", int_from_u64(s->drop_requests));
    dict_set_c(d, "drop_latency_mean_s", MK_FLOAT(forced ? (double)s->drop_latency_ns / 1e9 / (double)forced : 0.0));
    dict_set_c(d, "drop_latency_max_s", mod_gil_seconds(s->drop_latency_max_ns));
    dict_set_c(d, "contested_drops", int_from_u64(s->contested_drops));
    dict_set_c(d, "retakes", int_from_u64(s->retakes));
    return err_occurred() ? VAL_NULL : d;
}

static Value mod_gil_stats(Value *args, int nargs, Value kwnames) {
    GilStatsRow *rows;
    size_t n = gilstats_table(&rows);
    if (!rows) return err_no_memory();
    Value l = list_new(0);
    for (size_t i = 0; i < n && !IS_NULL(l); i++) {
        Value row = mod_gil_row(&rows[i]);
        if (IS_NULL(row) || list_append(l, row) < 0) l = VAL_NULL;
    }
    free(rows);
    return l;
}

static Value mod_gil_reset(Value *args, int nargs, Value kwnames) {
    gilstats_reset_table();
    return VAL_NONE;
}

static Value mod_gil_policy(Value *args, int nargs, Value kwnames) {
    return str_from_c(gil_policy_names[gil_policy()]);
}

static Value mod_gil_switch_interval(Value *args, int nargs, Value kwnames) {
    return MK_FLOAT(gil_switch_interval());
}

static Value mod_gil_check_interval(Value *args, int nargs, Value kwnames) {
    return MK_SMALLINT(gil_check_interval());
}

static Value mod_gil_enabled(Value *args, int nargs, Value kwnames) {
    return MK_BOOL(gil_enabled());
}

static Value mod_gil_tracing(Value *args, int nargs, Value kwnames) {
    return MK_BOOL(giltrace_active());
}

static const MethodDef mod_gil_functions[] = {
    {"stats", mod_gil_stats, ARGS_NONE,
     "Per-thread GIL counters, live and ended threads, as a list of dicts."},
    {"reset", mod_gil_reset, ARGS_NONE, "Zero the GIL counters and forget ended threads."},
    {"policy", mod_gil_policy, ARGS_NONE, "The GIL policy's name (-X gil=NAME)."},
    {"switch_interval", mod_gil_switch_interval, ARGS_NONE, "The switch interval in seconds."},
    {"check_interval", mod_gil_check_interval, ARGS_NONE, "The ticks policy's check interval."},
    {"enabled", mod_gil_enabled, ARGS_NONE, "Whether the GIL is in use (a second thread has started)."},
    {"tracing", mod_gil_tracing, ARGS_NONE, "Whether -X giltrace=FILE is recording."},
    {NULL, NULL, 0, NULL},
};

Value mod_gil_init(void) {
    Value m = module_new_c("gil");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, mod_gil_functions, m);
    Value reasons = list_new(0);
    for (int r = 0; r < GIL_REASON__COUNT && !IS_NULL(reasons); r++) list_append(reasons, str_from_c(gil_reason_names[r]));
    Value policies = list_new(0);
    for (int p = 0; p < GIL_POLICY__COUNT && !IS_NULL(policies); p++) list_append(policies, str_from_c(gil_policy_names[p]));
    if (!IS_NULL(reasons)) dict_set_c(d, "REASONS", tuple_from_array(AS_LIST(reasons)->items, AS_LIST(reasons)->len));
    if (!IS_NULL(policies))
        dict_set_c(d, "POLICIES", tuple_from_array(AS_LIST(policies)->items, AS_LIST(policies)->len));
    return err_occurred() ? VAL_NULL : m;
}
