/* dt_calendar.c - the arithmetic every `_datetime` type shares: the
 * proleptic Gregorian calendar as day ordinals (0001-01-01 is day 1), ISO
 * weeks, the range checks with CPython's messages, the carrying of
 * out-of-range fields, and the local clock.
 *
 * Ordinals to dates go through 400-, 100-, 4- and 1-year cycles (146097,
 * 36524, 1461 and 365 days), so no loop depends on the year.  Local time is
 * CPython's: seconds since 0001-01-01 converted by localtime_r, and the
 * inverse (a local wall time to a timestamp, honouring `fold`) found by
 * probing the offsets before and after, which also finds gaps and folds
 * without mktime's guesses about tm_isdst.
 *
 * The argument parser here imitates PyArg_ParseTupleAndKeywords for the
 * constructors, which CPython parses without a function name ("function
 * takes at most 3 arguments (4 given)"): they also accept the single bytes
 * argument of a pickle, so they cannot declare a signature. */
#include <errno.h>
#include <math.h>
#include <string.h>
#include <time.h>
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/obj_int.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_float.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "stdlib/datetime.h"

static const int dtc_month_days[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
static const int dtc_before_month[13] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

int dtc_is_leap(int year) {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int dtc_days_in_month(int year, int month) {
    return month == 2 && dtc_is_leap(year) ? 29 : dtc_month_days[month];
}

int dtc_days_before_month(int year, int month) {
    return dtc_before_month[month] + (month > 2 && dtc_is_leap(year));
}

static int dtc_days_before_year(int year) {
    int y = year - 1;
    return y >= 0 ? y * 365 + y / 4 - y / 100 + y / 400 : -366;
}

int dtc_ymd_to_ord(int year, int month, int day) {
    return dtc_days_before_year(year) + dtc_days_before_month(year, month) + day;
}

void dtc_ord_to_ymd(int ordinal, int *year, int *month, int *day) {
    int n = ordinal - 1;
    int n400 = n / 146097; n %= 146097;
    int n100 = n / 36524;  n %= 36524;
    int n4 = n / 1461;     n %= 1461;
    int n1 = n / 365;      n %= 365;
    *year = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1;
    if (n1 == 4 || n100 == 4) {     /* the last day of a leap cycle */
        *year -= 1;
        *month = 12;
        *day = 31;
        return;
    }
    int m = (n + 50) >> 5;          /* an estimate that is right or one too big */
    int before = dtc_days_before_month(*year, m);
    if (before > n) {
        m--;
        before -= dtc_days_in_month(*year, m);
    }
    *month = m;
    *day = n - before + 1;
}

int dtc_weekday(int year, int month, int day) {
    return (dtc_ymd_to_ord(year, month, day) + 6) % 7;
}

int dtc_iso_week1_monday(int year) {
    int first = dtc_ymd_to_ord(year, 1, 1), wd = (first + 6) % 7;
    return first - wd + (wd > 3 ? 7 : 0);
}

int dtc_iso_to_ymd(int iyear, int iweek, int iday, int *y, int *m, int *d) {
    if (iweek <= 0 || iweek >= 53) {
        int wd = (dtc_ymd_to_ord(iyear, 1, 1) + 6) % 7;
        if (!(iweek == 53 && (wd == 3 || (wd == 2 && dtc_is_leap(iyear))))) return -2;
    }
    if (iday <= 0 || iday >= 8) return -3;
    dtc_ord_to_ymd(dtc_iso_week1_monday(iyear) + (iweek - 1) * 7 + iday - 1, y, m, d);
    return 0;
}

/* ---- range checks ---------------------------------------------------------------------- */

int dtc_check_date(int year, int month, int day) {
    if (year < DT_MINYEAR || year > DT_MAXYEAR) {
        err_format(&exc_ValueError, "year %d is out of range", year);
        return -1;
    }
    if (month < 1 || month > 12) {
        err_format(&exc_ValueError, "month must be in 1..12");
        return -1;
    }
    if (day < 1 || day > dtc_days_in_month(year, month)) {
        err_format(&exc_ValueError, "day is out of range for month");
        return -1;
    }
    return 0;
}

int dtc_check_time(int hour, int minute, int second, int us, int fold) {
    const char *msg = NULL;
    if (hour < 0 || hour > 23) msg = "hour must be in 0..23";
    else if (minute < 0 || minute > 59) msg = "minute must be in 0..59";
    else if (second < 0 || second > 59) msg = "second must be in 0..59";
    else if (us < 0 || us > 999999) msg = "microsecond must be in 0..999999";
    else if (fold != 0 && fold != 1) msg = "fold must be either 0 or 1";
    if (!msg) return 0;
    err_format(&exc_ValueError, "%s", msg);
    return -1;
}

/* ---- carrying ---------------------------------------------------------------------------- */

static void dtc_carry(int *hi, int *lo, int factor) {
    if (*lo >= 0 && *lo < factor) return;
    int q = *lo / factor;
    if (*lo % factor < 0) q--;
    *hi += q;
    *lo -= q * factor;
}

static int dtc_out_of_range(void) {
    err_format(&exc_OverflowError, "date value out of range");
    return -1;
}

int dtc_normalize_date(int *year, int *month, int *day) {
    int mi = *month - 1;
    dtc_carry(year, &mi, 12);
    *month = mi + 1;
    if (*year < DT_MINYEAR - 1 || *year > DT_MAXYEAR + 1) return dtc_out_of_range();
    int dim = dtc_days_in_month(*year, *month);
    if (*day == 0) {
        if (--*month > 0) *day = dtc_days_in_month(*year, *month);
        else { --*year; *month = 12; *day = 31; }
    } else if (*day == dim + 1) {
        *day = 1;
        if (++*month > 12) { *month = 1; ++*year; }
    } else if (*day < 1 || *day > dim) {
        if (*year < DT_MINYEAR || *year > DT_MAXYEAR) return dtc_out_of_range();
        long long ord = (long long)dtc_ymd_to_ord(*year, *month, 1) + *day - 1;
        if (ord < 1 || ord > DT_MAX_ORDINAL) return dtc_out_of_range();
        dtc_ord_to_ymd((int)ord, year, month, day);
        return 0;
    }
    return *year < DT_MINYEAR || *year > DT_MAXYEAR ? dtc_out_of_range() : 0;
}

int dtc_normalize_datetime(int *y, int *m, int *d, int *hh, int *mm, int *ss, int *us) {
    dtc_carry(ss, us, 1000000);
    dtc_carry(mm, ss, 60);
    dtc_carry(hh, mm, 60);
    dtc_carry(d, hh, 24);
    return dtc_normalize_date(y, m, d);
}

/* ---- the local clock --------------------------------------------------------------------- */

int64_t dtc_utc_seconds(int y, int m, int d, int hh, int mm, int ss) {
    if (y < DT_MINYEAR || y > DT_MAXYEAR) {
        err_format(&exc_ValueError, "year %d is out of range", y);
        return -1;
    }
    int64_t ord = dtc_ymd_to_ord(y, m, d);
    return ((ord * 24 + hh) * 60 + mm) * 60 + ss;
}

int dtc_tm_of(int64_t t, int local, struct tm *out) {
    time_t tt = (time_t)t;
    errno = 0;
    if ((local ? localtime_r(&tt, out) : gmtime_r(&tt, out)) == NULL) {
        if (errno == 0) errno = EINVAL;
        err_from_errno(&exc_OSError, VAL_NULL);
        return -1;
    }
    return 0;
}

int64_t dtc_local(int64_t u) {
    struct tm tm;
    if (dtc_tm_of(u - DTC_EPOCH_SECONDS, 1, &tm) < 0) return -1;
    return dtc_utc_seconds(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                           tm.tm_sec);
}

/* Solve local(u) == t for u.  Two offsets are probed: the one at t itself and
 * the one a fold's width away; a wall time between them is in a gap. */
int64_t dtc_local_to_seconds(int y, int m, int d, int hh, int mm, int ss, int fold) {
    int64_t t = dtc_utc_seconds(y, m, d, hh, mm, ss);
    if (t == -1 && err_occurred()) return -1;
    int64_t lt = dtc_local(t);
    if (lt == -1) return -1;
    int64_t a = lt - t, u1 = t - a, b;
    int64_t t1 = dtc_local(u1);
    if (t1 == -1) return -1;
    if (t1 == t) {
        int64_t u2 = fold ? u1 + DTC_MAX_FOLD_SECONDS : u1 - DTC_MAX_FOLD_SECONDS;
        lt = dtc_local(u2);
        if (lt == -1) return -1;
        b = lt - u2;
        if (a == b) return u1;
    } else {
        b = t1 - u1;
    }
    int64_t u2 = t - b, t2 = dtc_local(u2);
    if (t2 == -1) return -1;
    if (t2 == t) return u2;
    if (t1 == t) return u1;
    return fold ? (u1 < u2 ? u1 : u2) : (u1 > u2 ? u1 : u2);
}

static int dtc_time_t_overflow(void) {
    err_format(&exc_OverflowError, "timestamp out of range for platform time_t");
    return -1;
}

static double dtc_round_half_even(double x) {
    double r = round(x);
    if (fabs(x - r) == 0.5) r = 2.0 * round(x / 2.0);
    return r;
}

int dtc_timestamp_split(Value ts, int64_t *secs, int *us, int floor_seconds) {
    *us = 0;
    if (IS_FLOATOBJ(ts)) {
        double d;
        if (arg_to_double(ts, &d) < 0) return -1;
        if (isnan(d)) {
            err_format(&exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        double ip, fp;
        if (floor_seconds) {
            ip = floor(d);
            fp = 0;
        } else {
            fp = dtc_round_half_even(modf(d, &ip) * 1e6);
            if (fp >= 1e6) { fp -= 1e6; ip += 1.0; }
            else if (fp < 0) { fp += 1e6; ip -= 1.0; }
        }
        if (!(ip >= -9223372036854775808.0 && ip < 9223372036854775808.0)) return dtc_time_t_overflow();
        *secs = (int64_t)ip;
        *us = (int)fp;
        return 0;
    }
    Value i = obj_index(ts);
    if (IS_NULL(i)) return -1;
    if (int_to_i64(i, secs) < 0) {
        err_clear();
        return dtc_time_t_overflow();
    }
    return 0;
}

/* ---- arguments ----------------------------------------------------------------------------- */

int dtc_int_arg(Value v, int *out) {
    if (IS_SMALLINT(v) && AS_SMALLINT(v) >= INT32_MIN && AS_SMALLINT(v) <= INT32_MAX) {
        *out = (int)AS_SMALLINT(v);
        return 0;
    }
    return arg_to_cint(v, out);
}

int dtc_parse_args(Value *args, int nargs, Value kwnames, const char *const *names, int nparams,
                   int npos, int nrequired, Value *out) {
    (void)nrequired;                    /* checked in order with the conversions: dtc_int_field */
    int nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    if (nargs + nkw > nparams) {
        err_format(&exc_TypeError, "function takes at most %d %sargument%s (%d given)", nparams,
                   nargs == 0 ? "keyword " : "", nparams == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    if (nargs > npos) {
        err_format(&exc_TypeError, "function takes %s %d positional argument%s (%d given)",
                   nrequired < npos ? "at most" : "exactly", npos, npos == 1 ? "" : "s", nargs);
        return -1;
    }
    for (int i = 0; i < nparams; i++) out[i] = i < nargs ? args[i] : VAL_NULL;
    for (int k = 0; k < nkw; k++) {
        Value name = AS_TUPLE(kwnames)->items[k];
        int i = 0;
        while (i < nparams && !str_eq_c(name, names[i])) i++;
        if (i == nparams) {
            err_format(&exc_TypeError, "'%U' is an invalid keyword argument for this function", name);
            return -1;
        }
        if (i < nargs) {
            err_format(&exc_TypeError, "argument for function given by name ('%s') and position (%d)",
                       names[i], i + 1);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    return 0;
}

int dtc_int_field(Value v, int *out, const char *const *names, int i, int nrequired) {
    if (!IS_NULL(v)) return dtc_int_arg(v, out);
    if (i >= nrequired) return 0;
    err_format(&exc_TypeError, "function missing required argument '%s' (pos %d)", names[i], i + 1);
    return -1;
}

/* ---- pickles and hashes ------------------------------------------------------------------- */

int64_t dtc_hash_bytes(const uint8_t *p, size_t n) {
    SipHash h;
    siphash_init(&h);
    siphash_feed(&h, p, n);
    return siphash_finish(&h);
}

/* The state argument of a pickle: bytes (or a str of latin-1 characters,
 * from Python 2 pickles) of exactly `len` bytes whose byte `idx`, masked,
 * lies in lo..hi.  1 and the bytes in out, 0 when it is not one, -1 on error. */
int dtc_state_arg(Value v, uint8_t *out, size_t len, int idx, int mask, int lo, int hi, const char *what) {
    if (IS_BYTES(v)) {
        const uint8_t *p;
        int64_t n;
        if (bytes_view(v, &p, &n) < 0) return -1;
        if ((size_t)n != len || (p[idx] & mask) < lo || (p[idx] & mask) > hi) return 0;
        memcpy(out, p, len);
        return 1;
    }
    if (!IS_STR(v) || (size_t)AS_STR(v)->nchars != len) return 0;
    uint32_t c = str_char_at(v, idx);
    if (c > 255 || ((int)c & mask) < lo || ((int)c & mask) > hi) return 0;
    for (size_t i = 0; i < len; i++) {
        c = str_char_at(v, (int64_t)i);
        if (c > 255) {
            err_format(&exc_ValueError, "Failed to encode latin1 string when unpickling a %s object. "
                       "pickle.load(data, encoding='latin1') is assumed.", what);
            return -1;
        }
        out[i] = (uint8_t)c;
    }
    return 1;
}

Value dtc_call_class(Type *cls, Value *argv, int n, int fold) {
    if (!fold) return call_value(MK_OBJ(cls), argv, n, VAL_NULL);
    Value a[12];
    for (int i = 0; i < n; i++) a[i] = argv[i];
    a[n] = MK_SMALLINT(1);
    Value kw = tuple_pack(1, str_intern_c("fold"));
    return IS_NULL(kw) ? VAL_NULL : call_value(MK_OBJ(cls), a, n, kw);
}

Value dt_cmp_result(int c, int op) {
    switch (op) {
    case CMP_EQ: return MK_BOOL(c == 0);
    case CMP_NE: return MK_BOOL(c != 0);
    case CMP_LT: return MK_BOOL(c < 0);
    case CMP_LE: return MK_BOOL(c <= 0);
    case CMP_GT: return MK_BOOL(c > 0);
    default: return MK_BOOL(c >= 0);
    }
}
