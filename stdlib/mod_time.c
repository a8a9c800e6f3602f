/* mod_time.c - the time module.
 *
 * Design: thin wrappers over POSIX clocks (clock_gettime with REALTIME,
 * MONOTONIC, PROCESS_CPUTIME_ID, THREAD_CPUTIME_ID) and the C library's
 * calendar functions (gmtime_r, localtime_r, mktime, strftime).
 *
 * struct_time is a structseq (runtime/structseq.h): nine sequence items,
 * then tm_zone and tm_gmtoff reachable only as attributes.
 *
 * sleep() releases the GIL around the blocking clock_nanosleep through
 * GIL_BLOCKING_BEGIN/END (runtime/gil.h; no-ops until that header exists).
 * Between the two no Python object is touched.  It sleeps until an absolute
 * CLOCK_MONOTONIC deadline, so an EINTR simply resumes the wait.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <string.h>
#include <time.h>
#include "runtime/object.h"
#include "runtime/obj_int.h"
#include "runtime/obj_float.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_namespace.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_str.h"
#include "runtime/error.h"
#include "runtime/call.h"
#include "runtime/gc.h"
#include "runtime/strbuf.h"

#include "runtime/gil.h"
#include "runtime/signals.h"
#include "runtime/state.h"
#include "runtime/structseq.h"
#include "interp/import.h"
#include "interp/modreg.h"

GILPY_MODULE("time", mod_time_init);

enum { TIME_NSEQ = 9, TIME_NFIELDS = 11 };

static const char *const time_field_names[TIME_NFIELDS] = {
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
    "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff",
};

static StructSeqDesc time_st_desc = {"time.struct_time", time_field_names, TIME_NSEQ, TIME_NFIELDS};

/* ---------------------------------------------------------------- clocks */

static int64_t time_clock_ns(clockid_t clk) {
    struct timespec ts;
    clock_gettime(clk, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static Value time_clock_float(clockid_t clk) {
    struct timespec ts;
    clock_gettime(clk, &ts);
    return MK_FLOAT((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static Value time_clock_int(clockid_t clk) { return int_from_i64(time_clock_ns(clk)); }

#define TIME_CLOCK_FUNCS(pyname, clk)                                              \
    static Value time_##pyname(Value *args, int nargs, Value kw) {                 \
        return time_clock_float(clk);                                              \
    }                                                                              \
    static Value time_##pyname##_ns(Value *args, int nargs, Value kw) {            \
        return time_clock_int(clk);                                                \
    }

TIME_CLOCK_FUNCS(time, CLOCK_REALTIME)
TIME_CLOCK_FUNCS(monotonic, CLOCK_MONOTONIC)
TIME_CLOCK_FUNCS(perf_counter, CLOCK_MONOTONIC)
TIME_CLOCK_FUNCS(process_time, CLOCK_PROCESS_CPUTIME_ID)
TIME_CLOCK_FUNCS(thread_time, CLOCK_THREAD_CPUTIME_ID)

/* ---------------------------------------------------------------- sleep */

static Value time_sleep(Value *args, int nargs, Value kwnames) {
    double secs;
    if (arg_to_seconds(args[0], &secs) < 0) return VAL_NULL;
    if (secs < 0) return err_format(&exc_ValueError, "sleep length must be non-negative");
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    double whole = floor(secs);
    deadline.tv_sec += (time_t)whole;
    deadline.tv_nsec += (long)((secs - whole) * 1e9);
    if (deadline.tv_nsec >= 1000000000L) { deadline.tv_sec++; deadline.tv_nsec -= 1000000000L; }
    int rc;
    for (;;) {
        GIL_BLOCKING_BEGIN(GIL_REASON_SLEEP);
        rc = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL);
        GIL_BLOCKING_END();
        if (rc != EINTR) break;
        /* a signal: run its handler now (Ctrl-C raises KeyboardInterrupt),
           then sleep on until the same deadline */
        if (sig_check() < 0) return VAL_NULL;
    }
    if (rc != 0) { errno = rc; return err_from_errno(&exc_OSError, VAL_NULL); }
    return VAL_NONE;
}

/* ---------------------------------------------------------------- struct_time */

static Value time_st_from_tm(const struct tm *tm) {
    Value r = structseq_new(&time_st_desc);
    if (IS_NULL(r)) return VAL_NULL;
    Value *it = STRUCTSEQ_ITEMS(r);
    it[0] = MK_SMALLINT((int64_t)tm->tm_year + 1900);
    it[1] = MK_SMALLINT(tm->tm_mon + 1);
    it[2] = MK_SMALLINT(tm->tm_mday);
    it[3] = MK_SMALLINT(tm->tm_hour);
    it[4] = MK_SMALLINT(tm->tm_min);
    it[5] = MK_SMALLINT(tm->tm_sec);
    it[6] = MK_SMALLINT((tm->tm_wday + 6) % 7);
    it[7] = MK_SMALLINT(tm->tm_yday + 1);
    it[8] = MK_SMALLINT(tm->tm_isdst);
    if (tm->tm_zone) {
        it[9] = str_decode_utf8_lossy(tm->tm_zone, strlen(tm->tm_zone));
        if (IS_NULL(it[9])) return VAL_NULL;
    }
    it[10] = MK_SMALLINT(tm->tm_gmtoff);
    return r;
}

/* ---------------------------------------------------------------- conversions */

/* A timestamp argument (None/absent: now) as time_t, rounded toward -inf. */
static int time_timestamp_arg(Value v, time_t *out) {
    if (IS_NULL(v) || IS_NONE(v)) { *out = time(NULL); return 0; }
    if (IS_FLOATOBJ(v)) {
        double d = float_value(v);
        if (isnan(d)) { err_format(&exc_ValueError, "Invalid value NaN (not a number)"); return -1; }
        d = floor(d);
        if (!(d >= -9.2e18 && d <= 9.2e18)) {
            err_format(&exc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)d;
        return 0;
    }
    if (!IS_INT(v)) {
        Value i = obj_index(v);
        if (IS_NULL(i)) return -1;
        v = i;
    }
    int64_t n;
    if (int_to_i64(v, &n) < 0) {
        if (err_matches(&exc_OverflowError)) {
            err_clear();
            err_format(&exc_OverflowError, "timestamp out of range for platform time_t");
        }
        return -1;
    }
    *out = (time_t)n;
    return 0;
}

static Value time_convert(Value *args, int local) {
    time_t t;
    if (time_timestamp_arg(args[0], &t) < 0) return VAL_NULL;
    struct tm tm;
    errno = 0;
    if (!(local ? localtime_r(&t, &tm) : gmtime_r(&t, &tm))) {
        if (errno == 0 || errno == EOVERFLOW)
            return err_format(&exc_OverflowError, "timestamp out of range for platform time_t");
        return err_from_errno(&exc_OSError, VAL_NULL);
    }
    return time_st_from_tm(&tm);
}

static Value time_gmtime(Value *args, int nargs, Value kw) { return time_convert(args, 0); }
static Value time_localtime(Value *args, int nargs, Value kw) { return time_convert(args, 1); }

/* A 9-tuple or struct_time into a struct tm (CPython's gettmarg). */
static int time_tm_arg(Value v, struct tm *tm, const char *name) {
    if (!IS_TUPLE(v)) {
        err_format(&exc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    Tuple *t = AS_TUPLE(v);
    if (t->len != TIME_NSEQ) {
        err_format(&exc_TypeError, "%s(): illegal time tuple argument", name);
        return -1;
    }
    int f[TIME_NSEQ];
    for (int i = 0; i < TIME_NSEQ; i++)
        if (arg_to_cint(t->items[i], &f[i]) < 0) return -1;
    if (f[0] < INT_MIN + 1900) {
        err_format(&exc_OverflowError, "year out of range");
        return -1;
    }
    memset(tm, 0, sizeof *tm);
    tm->tm_year = f[0] - 1900;
    tm->tm_mon = f[1] - 1;
    tm->tm_mday = f[2];
    tm->tm_hour = f[3];
    tm->tm_min = f[4];
    tm->tm_sec = f[5];
    tm->tm_wday = (f[6] + 1) % 7;     /* C's %, as CPython: -1 is Sunday, -2 out of range */
    tm->tm_yday = f[7] - 1;
    tm->tm_isdst = f[8];
    if (val_isinstance(v, structseq_type(&time_st_desc))) {
        Value zone = t->items[9], off = t->items[10];
        tm->tm_zone = IS_STR(zone) ? STR_DATA(zone) : NULL;
        if (IS_SMALLINT(off)) tm->tm_gmtoff = (long)AS_SMALLINT(off);
    } else {
        tzset();
        tm->tm_zone = tzname[tm->tm_isdst > 0];
        tm->tm_gmtoff = -(tm->tm_isdst > 0 ? timezone - 3600 : timezone);
    }
    return 0;
}

/* The range checks strftime and asctime apply (CPython's checktm). */
static int time_check_tm(struct tm *tm) {
    const char *msg = NULL;
    if (tm->tm_mon == -1) tm->tm_mon = 0;
    else if (tm->tm_mon < 0 || tm->tm_mon > 11) msg = "month out of range";
    if (!msg) {
        if (tm->tm_mday == 0) tm->tm_mday = 1;
        else if (tm->tm_mday < 0 || tm->tm_mday > 31) msg = "day of month out of range";
    }
    if (!msg && (tm->tm_hour < 0 || tm->tm_hour > 23)) msg = "hour out of range";
    if (!msg && (tm->tm_min < 0 || tm->tm_min > 59)) msg = "minute out of range";
    if (!msg && (tm->tm_sec < 0 || tm->tm_sec > 61)) msg = "seconds out of range";
    if (!msg && tm->tm_wday < 0) msg = "day of week out of range";
    if (!msg) {
        if (tm->tm_yday == -1) tm->tm_yday = 0;
        else if (tm->tm_yday < 0 || tm->tm_yday > 365) msg = "day of year out of range";
    }
    if (msg) { err_format(&exc_ValueError, "%s", msg); return -1; }
    return 0;
}

/* The struct tm of an optional tuple argument (absent: local now). */
static int time_tm_or_now(Value arg, struct tm *tm, const char *name) {
    if (IS_NULL(arg)) {
        time_t now = time(NULL);
        localtime_r(&now, tm);
        return 0;
    }
    if (time_tm_arg(arg, tm, name) < 0) return -1;
    return time_check_tm(tm);
}

static Value time_strftime(Value *args, int nargs, Value kwnames) {
    if (!IS_STR(args[0]))
        return err_format(&exc_TypeError, "strftime() argument 1 must be str, not %N",
                          args[0]);
    struct tm tm;
    if (time_tm_or_now(args[1], &tm, "strftime") < 0) return VAL_NULL;
    const char *fmt = STR_DATA(args[0]);
    if ((int64_t)strlen(fmt) != STR_LEN(args[0]))
        return err_format(&exc_ValueError, "embedded null character");
    if (*fmt == '\0') return str_empty();
    for (size_t cap = 256;; cap *= 2) {
        char *buf = gc_malloc(cap);
        if (!buf) return VAL_NULL;
        size_t n = strftime(buf, cap, fmt, &tm);
        if (n > 0 || cap > 256 * strlen(fmt) + 4096) {
            Value r = str_decode_utf8_lossy(buf, n);
            gc_free(buf, cap);
            return r;
        }
        gc_free(buf, cap);
    }
}

static Value time_asctime_tm(const struct tm *tm) {
    static const char wday[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return str_format_c("%s %s%3d %.2d:%.2d:%.2d %d", wday[tm->tm_wday], mon[tm->tm_mon],
                        tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, 1900 + tm->tm_year);
}

static Value time_asctime(Value *args, int nargs, Value kwnames) {
    struct tm tm;
    if (time_tm_or_now(args[0], &tm, "asctime") < 0) return VAL_NULL;
    return time_asctime_tm(&tm);
}

static Value time_ctime(Value *args, int nargs, Value kwnames) {
    time_t t;
    if (time_timestamp_arg(args[0], &t) < 0) return VAL_NULL;
    struct tm tm;
    if (!localtime_r(&t, &tm))
        return err_format(&exc_OverflowError, "timestamp out of range for platform time_t");
    return time_asctime_tm(&tm);
}

static Value time_mktime(Value *args, int nargs, Value kwnames) {
    struct tm tm;
    if (time_tm_arg(args[0], &tm, "mktime") < 0) return VAL_NULL;
    tm.tm_wday = -1;   /* sentinel: mktime() sets it on success */
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1)
        return err_format(&exc_OverflowError, "mktime argument out of range");
    return MK_FLOAT((double)t);
}

/* get_clock_info(name): a namespace describing one of the clocks above. */
static Value time_get_clock_info(Value *args, int nargs, Value kwnames) {
    static const struct { const char *name, *impl; clockid_t clk; int monotonic; } clocks[] = {
        {"time", "clock_gettime(CLOCK_REALTIME)", CLOCK_REALTIME, 0},
        {"monotonic", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, 1},
        {"perf_counter", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, 1},
        {"process_time", "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", CLOCK_PROCESS_CPUTIME_ID, 1},
        {"thread_time", "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", CLOCK_THREAD_CPUTIME_ID, 1},
    };
    if (!IS_STR(args[0]))
        return err_format(&exc_TypeError, "get_clock_info() argument must be str, not %N", args[0]);
    for (size_t i = 0; i < sizeof clocks / sizeof clocks[0]; i++) {
        if (!str_eq_c(args[0], clocks[i].name)) continue;
        struct timespec res;
        double resolution = clock_getres(clocks[i].clk, &res) == 0 ? (double)res.tv_sec + (double)res.tv_nsec * 1e-9 : 1e-9;
        Value ns = namespace_new();
        if (IS_NULL(ns)) return VAL_NULL;
        Value d = namespace_dict(ns), impl = str_from_c(clocks[i].impl);
        if (IS_NULL(impl) || dict_set_c(d, "implementation", impl) < 0 ||
            dict_set_c(d, "monotonic", MK_BOOL(clocks[i].monotonic)) < 0 ||
            dict_set_c(d, "adjustable", MK_BOOL(!clocks[i].monotonic)) < 0 ||
            dict_set_c(d, "resolution", MK_FLOAT(resolution)) < 0)
            return VAL_NULL;
        return ns;
    }
    return err_format(&exc_ValueError, "unknown clock");
}

/* ---------------------------------------------------------------- clock_* and strptime */

static int time_clk_arg(Value v, clockid_t *clk) {
    int64_t id;
    if (int_to_i64(v, &id) < 0) return -1;
    *clk = (clockid_t)id;
    return 0;
}

static Value time_clock_gettime_m(Value *args, int nargs, Value kwnames) {
    clockid_t clk;
    struct timespec ts;
    if (time_clk_arg(args[0], &clk) < 0) return VAL_NULL;
    if (clock_gettime(clk, &ts) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return MK_FLOAT((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static Value time_clock_gettime_ns_m(Value *args, int nargs, Value kwnames) {
    clockid_t clk;
    struct timespec ts;
    if (time_clk_arg(args[0], &clk) < 0) return VAL_NULL;
    if (clock_gettime(clk, &ts) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return int_from_i64((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}

static Value time_clock_getres_m(Value *args, int nargs, Value kwnames) {
    clockid_t clk;
    struct timespec ts;
    if (time_clk_arg(args[0], &clk) < 0) return VAL_NULL;
    if (clock_getres(clk, &ts) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return MK_FLOAT((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static Value time_settime(Value clkv, int64_t ns) {
    clockid_t clk;
    if (time_clk_arg(clkv, &clk) < 0) return VAL_NULL;
    struct timespec ts = {(time_t)(ns / 1000000000), (long)(ns % 1000000000)};
    if (ts.tv_nsec < 0) { ts.tv_sec--; ts.tv_nsec += 1000000000; }
    if (clock_settime(clk, &ts) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return VAL_NONE;
}

static Value time_clock_settime_m(Value *args, int nargs, Value kwnames) {
    double secs;
    if (arg_to_seconds(args[1], &secs) < 0) return VAL_NULL;
    return time_settime(args[0], (int64_t)(secs * 1e9));
}

static Value time_clock_settime_ns_m(Value *args, int nargs, Value kwnames) {
    int64_t ns;
    if (int_to_i64(args[1], &ns) < 0) return VAL_NULL;
    return time_settime(args[0], ns);
}

/* pthread_getcpuclockid(thread_id): thread_id is threading.get_ident()'s;
 * only a live thread of this interpreter has one (any other id is ESRCH,
 * where handing it to the C library would crash). */
static Value time_pthread_getcpuclockid_m(Value *args, int nargs, Value kwnames) {
    int64_t id;
    if (int_to_i64(args[0], &id) < 0) return VAL_NULL;
    ThreadState *t = interp.threads;
    while (t && t->ident != (uint64_t)id) t = t->next;
    clockid_t clk;
    int rc = t ? pthread_getcpuclockid(t->pthread, &clk) : ESRCH;
    if (rc) { errno = rc; return err_from_errno(&exc_OSError, VAL_NULL); }
    return int_from_i64((int64_t)clk);
}

/* strptime(string, format="%a %b %d %H:%M:%S %Y"): _strptime's, as in CPython. */
static Value time_strptime_m(Value *args, int nargs, Value kwnames) {
    Value mod = import_module_c("_strptime");
    Value fn = IS_NULL(mod) ? VAL_NULL : obj_getattr_c(mod, "_strptime_time");
    return IS_NULL(fn) ? VAL_NULL : call_value(fn, args, nargs, VAL_NULL);
}

static Value time_module_dict = VAL_NULL;     /* tzset() rewrites tzname & co there */
static int time_set_tz(Value d);

static Value time_tzset_m(Value *args, int nargs, Value kwnames) {
    return IS_NULL(time_module_dict) || time_set_tz(time_module_dict) < 0 ? VAL_NULL : VAL_NONE;
}

/* ---------------------------------------------------------------- module */

static const MethodDef time_methods[] = {
    {"time", time_time, ARGS_NONE, "Return the current time in seconds since the Epoch."},
    {"time_ns", time_time_ns, ARGS_NONE, "Return the current time in nanoseconds since the Epoch."},
    {"monotonic", time_monotonic, ARGS_NONE, "Monotonic clock, cannot go backward."},
    {"monotonic_ns", time_monotonic_ns, ARGS_NONE,
     "Monotonic clock, cannot go backward, as nanoseconds."},
    {"perf_counter", time_perf_counter, ARGS_NONE, "Performance counter for benchmarking."},
    {"perf_counter_ns", time_perf_counter_ns, ARGS_NONE,
     "Performance counter for benchmarking as nanoseconds."},
    {"process_time", time_process_time, ARGS_NONE,
     "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", time_process_time_ns, ARGS_NONE, "Process time for profiling as nanoseconds."},
    {"thread_time", time_thread_time, ARGS_NONE, "Thread time for profiling."},
    {"thread_time_ns", time_thread_time_ns, ARGS_NONE, "Thread time for profiling as nanoseconds."},
    {"get_clock_info", time_get_clock_info, ARGS_ONE, "Get information of the specified clock."},
    {"sleep", time_sleep, ARGS_ONE, "Delay execution for a given number of seconds."},
    {"gmtime", time_gmtime, ARGS_TUPLE(0, 1) | METH_VARARGS,
     "Convert seconds since the Epoch to a time tuple expressing UTC."},
    {"localtime", time_localtime, ARGS_TUPLE(0, 1) | METH_VARARGS,
     "Convert seconds since the Epoch to a time tuple expressing local time."},
    {"mktime", time_mktime, ARGS_ONE, "Convert a time tuple in local time to seconds since the Epoch."},
    {"strftime", time_strftime, ARGS_TUPLE(1, 2) | METH_VARARGS,
     "Convert a time tuple to a string according to a format specification."},
    {"asctime", time_asctime, ARGS_POS(0, 1) | METH_VARARGS,
     "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."},
    {"ctime", time_ctime, ARGS_TUPLE(0, 1) | METH_VARARGS,
     "Convert a time in seconds since the Epoch to a string in local time."},
    {"clock_gettime", time_clock_gettime_m, ARGS_ONE, "Return the time of the specified clock clk_id."},
    {"clock_gettime_ns", time_clock_gettime_ns_m, ARGS_ONE,
     "Return the time of the specified clock clk_id as nanoseconds."},
    {"clock_getres", time_clock_getres_m, ARGS_ONE, "Return the resolution (precision) of the specified clock clk_id."},
    {"clock_settime", time_clock_settime_m, ARGS_POS(2, 2), "Set the time of the specified clock clk_id."},
    {"clock_settime_ns", time_clock_settime_ns_m, ARGS_POS(2, 2),
     "Set the time of the specified clock clk_id with nanoseconds."},
    {"pthread_getcpuclockid", time_pthread_getcpuclockid_m, ARGS_ONE,
     "Return the clk_id of a thread's CPU time clock."},
    {"strptime", time_strptime_m, ARGS_TUPLE(1, 2) | METH_VARARGS,
     "Parse a string to a time tuple according to a format specification."},
    {"tzset", time_tzset_m, ARGS_NONE, "Initialize, or reinitialize, the local timezone to the value of the "
     "environment variable TZ."},
    {NULL, NULL, 0, NULL},
};

/* tzname/timezone/altzone/daylight from the C library after tzset(). */
static int time_set_tz(Value d) {
    tzset();
    Value n0 = str_decode_utf8_lossy(tzname[0], strlen(tzname[0]));
    Value n1 = str_decode_utf8_lossy(tzname[1], strlen(tzname[1]));
    if (IS_NULL(n0) || IS_NULL(n1)) return -1;
    Value names = tuple_pack(2, n0, n1);
    if (IS_NULL(names)) return -1;
    long alt = daylight ? timezone - 3600 : timezone;
    if (dict_set_c(d, "tzname", names) < 0 || dict_set_c(d, "timezone", MK_SMALLINT(timezone)) < 0 ||
        dict_set_c(d, "altzone", MK_SMALLINT(alt)) < 0 ||
        dict_set_c(d, "daylight", MK_SMALLINT(daylight)) < 0)
        return -1;
    return 0;
}

Value mod_time_init(void) {
    Value m = module_new_c("time");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, time_methods, m);
    if (dict_set_c(d, "struct_time", MK_OBJ(structseq_type(&time_st_desc))) < 0 || time_set_tz(d) < 0)
        return VAL_NULL;
    if (IS_NULL(time_module_dict)) gc_add_root(&time_module_dict);
    time_module_dict = d;
    static const IntConst consts[] = {
        {"CLOCK_REALTIME", CLOCK_REALTIME}, {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
        {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW}, {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
        {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID}, {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
        {"CLOCK_TAI", CLOCK_TAI}, {"_STRUCT_TM_ITEMS", TIME_NFIELDS}, {NULL, 0}};
    if (dict_add_int_constants(d, consts) < 0) return VAL_NULL;
    return m;
}
