/* dt_datetime.c - `datetime`: a date (its layout comes first, so every
 * date method reads it) followed by a time of day (DtClock).
 *
 * Aware arithmetic follows CPython: subtraction of two datetimes with
 * different tzinfo objects subtracts their UTC offsets; comparison does the
 * same, and equality also applies PEP 495's rule that a datetime whose
 * offset changes with fold (one in a repeated or skipped hour) is never
 * equal to a datetime in another zone.  Local time (naive timestamps,
 * astimezone() with no zone, fromtimestamp) is dt_calendar.c's clock, with
 * the fold found by probing a day back as CPython does.
 *
 * The results of arithmetic and of the class methods have the class they
 * came from (dtm_new_sub calls a subclass with the fields, fold as a
 * keyword); replace() and astimezone()'s intermediate values are allocated
 * directly as the subclass, as CPython's are. */
#include <stdio.h>
#include <time.h>
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/gc.h"
#include "runtime/strbuf.h"
#include "interp/import.h"
#include "stdlib/datetime.h"

/* ---- construction ------------------------------------------------------------------------ */

static Value dtm_alloc(Type *cls, int y, int m, int d, int hh, int mm, int ss, int us, Value tz, int fold) {
    DtDateTime *o = (DtDateTime *)obj_new_instance(cls);
    if (!o) return VAL_NULL;
    o->d.year = y;
    o->d.month = (uint8_t)m;
    o->d.day = (uint8_t)d;
    o->c = (DtClock){(uint8_t)hh, (uint8_t)mm, (uint8_t)ss, (uint8_t)fold, us, tz};
    return MK_OBJ(o);
}

Value dtm_new_exact(Type *cls, int y, int m, int d, int hh, int mm, int ss, int us, Value tz, int fold) {
    if (dtc_check_date(y, m, d) < 0 || dtc_check_time(hh, mm, ss, us, fold) < 0 || tz_check_tzinfo(tz) < 0)
        return VAL_NULL;
    return dtm_alloc(cls, y, m, d, hh, mm, ss, us, tz, fold);
}

Value dtm_new_sub(Type *cls, int y, int m, int d, int hh, int mm, int ss, int us, Value tz, int fold) {
    if (cls == &dt_type_datetime) return dtm_new_exact(cls, y, m, d, hh, mm, ss, us, tz, fold);
    Value argv[8] = {MK_SMALLINT(y), MK_SMALLINT(m), MK_SMALLINT(d), MK_SMALLINT(hh), MK_SMALLINT(mm),
                     MK_SMALLINT(ss), MK_SMALLINT(us), tz};
    return dtc_call_class(cls, argv, 8, fold);
}

/* A copy of dt as its own class with other fields (no constructor call). */
static Value dtm_copy_with(Value dt, Value tz, int fold) {
    const DtDateTime *s = DTM(dt);
    return dtm_alloc(AS_OBJ(dt)->type, s->d.year, s->d.month, s->d.day, s->c.hour, s->c.minute, s->c.second,
                     s->c.us, tz, fold);
}

static const char *const dtm_kw[] = {"year", "month", "day", "hour", "minute", "second", "microsecond",
                                     "tzinfo", "fold"};

/* Nine fields from parsed arguments; VAL_NULL keeps what v/tz hold. */
static int dtm_fields(const Value *a, int v[9], Value *tz, int nrequired) {
    for (int i = 0; i < 9; i++) {
        if (i == 7) {
            if (!IS_NULL(a[7])) *tz = a[7];
        } else if (dtc_int_field(a[i], &v[i], dtm_kw, i, nrequired) < 0) {
            return -1;
        }
    }
    return 0;
}

static Value dtm_new_m(Value *args, int nargs, Value kwnames) {
    Type *cls = AS_TYPE(args[0]);
    uint8_t st[10];
    if (nargs == 2 || nargs == 3) {
        int r = dtc_state_arg(args[1], st, 10, 2, 0x7f, 1, 12, "datetime");
        if (r < 0) return VAL_NULL;
        if (r) {
            Value tz = nargs == 3 ? args[2] : VAL_NONE;
            if (!IS_NONE(tz) && !DT_IS_TZINFO(tz)) return err_format(&exc_TypeError, "bad tzinfo state arg");
            return dtm_alloc(cls, st[0] * 256 + st[1], st[2] & 0x7f, st[3], st[4], st[5], st[6],
                             (st[7] << 16) | (st[8] << 8) | st[9], tz, st[2] >> 7);
        }
    }
    if (nargs >= 4 && nargs <= 9 && IS_NULL(kwnames)) {   /* the common call: positional ints */
        int v[9] = {0, 0, 0, 0, 0, 0, 0, 0, 0};
        Value tz = VAL_NONE;
        for (int i = 1; i < nargs; i++) {
            if (i == 8) tz = args[i];
            else if (dtc_int_arg(args[i], &v[i - 1]) < 0) return VAL_NULL;
        }
        return dtm_new_exact(cls, v[0], v[1], v[2], v[3], v[4], v[5], v[6], tz, 0);
    }
    Value a[9];
    int v[9] = {0, 0, 0, 0, 0, 0, 0, 0, 0};
    Value tz = VAL_NONE;
    if (dtc_parse_args(args + 1, nargs - 1, kwnames, dtm_kw, 9, 8, 3, a) < 0 || dtm_fields(a, v, &tz, 3) < 0)
        return VAL_NULL;
    return dtm_new_exact(cls, v[0], v[1], v[2], v[3], v[4], v[5], v[6], tz, v[8]);
}

#define SELF DTM(args[0])
#define SELF_TYPE AS_OBJ(args[0])->type

static Value dtm_replace_m(Value *args, int nargs, Value kwnames) {
    const DtDateTime *s = SELF;
    int v[9] = {s->d.year, s->d.month, s->d.day, s->c.hour, s->c.minute, s->c.second, s->c.us, 0, s->c.fold};
    Value tz = s->c.tzinfo;
    if (dtm_fields(args + 1, v, &tz, 0) < 0) return VAL_NULL;
    return dtm_new_exact(SELF_TYPE, v[0], v[1], v[2], v[3], v[4], v[5], v[6], tz, v[8]);
}

/* ---- from timestamps and clocks ------------------------------------------------------------ */

/* The datetime of time_t t (UTC or local) and us; local naive ones get their fold. */
static Value dtm_from_timet(Type *cls, int64_t t, int us, int local, Value tz) {
    struct tm tm;
    if (dtc_tm_of(t, local, &tm) < 0) return VAL_NULL;
    int y = tm.tm_year + 1900, m = tm.tm_mon + 1, d = tm.tm_mday;
    int ss = tm.tm_sec > 59 ? 59 : tm.tm_sec, fold = 0;
    if (local && IS_NONE(tz)) {
        int64_t result = dtc_utc_seconds(y, m, d, tm.tm_hour, tm.tm_min, ss);
        if (result == -1 && err_occurred()) return VAL_NULL;
        int64_t probe = dtc_local(DTC_EPOCH_SECONDS + t - DTC_MAX_FOLD_SECONDS);
        if (probe == -1) return VAL_NULL;
        int64_t transition = result - probe - DTC_MAX_FOLD_SECONDS;
        if (transition < 0) {
            probe = dtc_local(DTC_EPOCH_SECONDS + t + transition);
            if (probe == -1) return VAL_NULL;
            fold = probe == result;
        }
    }
    return dtm_new_sub(cls, y, m, d, tm.tm_hour, tm.tm_min, ss, us, tz, fold);
}

static Value dtm_fromutc(Value tz, Value dt) {
    if (IS_NULL(dt) || IS_NONE(tz)) return dt;
    return obj_call_method(tz, "fromutc", &dt, 1);
}

static Value dtm_now_m(Value *args, int nargs, Value kwnames) {
    Value tz = IS_NULL(args[1]) ? VAL_NONE : args[1];
    if (tz_check_tzinfo(tz) < 0) return VAL_NULL;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    Value dt = dtm_from_timet(AS_TYPE(args[0]), ts.tv_sec, (int)(ts.tv_nsec / 1000), IS_NONE(tz), tz);
    return dtm_fromutc(tz, dt);
}

static Value dtm_utcnow_m(Value *args, int nargs, Value kwnames) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return dtm_from_timet(AS_TYPE(args[0]), ts.tv_sec, (int)(ts.tv_nsec / 1000), 0, VAL_NONE);
}

static Value dtm_fromtimestamp_m(Value *args, int nargs, Value kwnames) {
    Value tz = IS_NULL(args[2]) ? VAL_NONE : args[2];
    int64_t t;
    int us;
    if (tz_check_tzinfo(tz) < 0 || dtc_timestamp_split(args[1], &t, &us, 0) < 0) return VAL_NULL;
    return dtm_fromutc(tz, dtm_from_timet(AS_TYPE(args[0]), t, us, IS_NONE(tz), tz));
}

static Value dtm_utcfromtimestamp_m(Value *args, int nargs, Value kwnames) {
    int64_t t;
    int us;
    if (dtc_timestamp_split(args[1], &t, &us, 0) < 0) return VAL_NULL;
    return dtm_from_timet(AS_TYPE(args[0]), t, us, 0, VAL_NONE);
}

static Value dtm_strptime_m(Value *args, int nargs, Value kwnames) {
    for (int i = 1; i <= 2; i++)
        if (!IS_STR(args[i]))
            return err_format(&exc_TypeError, "strptime() argument %d must be str, not %N", i, args[i]);
    Value mod = import_module_c("_strptime");
    Value fn = IS_NULL(mod) ? VAL_NULL : obj_getattr_c(mod, "_strptime_datetime");
    return IS_NULL(fn) ? VAL_NULL : call3(fn, args[0], args[1], args[2]);
}

static Value dtm_combine_m(Value *args, int nargs, Value kwnames) {
    Value d = args[1], t = args[2];
    if (!DT_IS_DATE(d))
        return err_format(&exc_TypeError, "combine() argument 1 must be datetime.date, not %N", d);
    if (!DT_IS_TIME(t))
        return err_format(&exc_TypeError, "combine() argument 2 must be datetime.time, not %N", t);
    const DtClock *c = &TOD(t)->c;
    Value tz = IS_NULL(args[3]) ? c->tzinfo : args[3];
    return dtm_new_sub(AS_TYPE(args[0]), DATE(d)->year, DATE(d)->month, DATE(d)->day, c->hour, c->minute,
                       c->second, c->us, tz, c->fold);
}

static Value dtm_fromisoformat_m(Value *args, int nargs, Value kwnames) {
    Value s = args[1];
    if (!IS_STR(s)) return err_format(&exc_TypeError, "fromisoformat: argument must be str");
    int64_t nchars = AS_STR(s)->nchars;
    if (nchars < 7) return dtf_invalid_iso(s);
    Value clean = s;
    static const int seps[3] = {7, 8, 10};
    for (int i = 0; i < 3 && seps[i] < nchars; i++) {
        uint32_t c = str_char_at(s, seps[i]);
        if (c >= 0xD800 && c <= 0xDFFF) {
            Value head = str_slice(s, 0, seps[i], 1), tail = str_slice(s, seps[i] + 1, nchars, 1);
            Value mid = IS_NULL(head) ? VAL_NULL : str_concat(head, str_from_c("T"));
            clean = IS_NULL(mid) || IS_NULL(tail) ? VAL_NULL : str_concat(mid, tail);
            if (IS_NULL(clean)) return VAL_NULL;
            break;
        }
    }
    if (str_has_surrogates(clean)) return dtf_invalid_iso(s);
    const char *p = STR_DATA(clean);
    size_t n = (size_t)STR_LEN(clean);
    int64_t sep = dtf_datetime_sep(p, n);
    int y, m, d, hh = 0, mm = 0, ss = 0, us = 0, tzsec = 0, tzus = 0;
    int rv = sep < 0 ? -1 : dtf_parse_date(p, (size_t)sep, &y, &m, &d);
    if (rv == 0 && n > (size_t)sep) {
        size_t t = (size_t)sep + 1;     /* past the separator, one character of any width */
        while (t < n && ((uint8_t)p[t] & 0xC0) == 0x80) t++;
        rv = dtf_parse_time(p + t, n - t, &hh, &mm, &ss, &us, &tzsec, &tzus);
    }
    if (rv < 0) return dtf_invalid_iso(s);
    Value tz = dtf_tz_from_parse(rv, tzsec, tzus);
    if (IS_NULL(tz)) return VAL_NULL;
    return dtm_new_sub(AS_TYPE(args[0]), y, m, d, hh, mm, ss, us, tz, 0);
}

/* ---- arithmetic ------------------------------------------------------------------------------ */

Value dtm_add_delta(Value dt, Value delta, int sign) {
    const DtDateTime *s = DTM(dt);
    const DtDelta *t = TD(delta);
    int y = s->d.year, m = s->d.month, d = s->d.day + sign * t->days;
    int hh = s->c.hour, mm = s->c.minute, ss = s->c.second + sign * t->seconds, us = s->c.us + sign * t->us;
    if (dtc_normalize_datetime(&y, &m, &d, &hh, &mm, &ss, &us) < 0) return VAL_NULL;
    return dtm_new_sub(AS_OBJ(dt)->type, y, m, d, hh, mm, ss, us, s->c.tzinfo, 0);
}

Value dtm_utcoffset(Value dt) {
    return tz_call_utcoffset(DTM(dt)->c.tzinfo, dt);
}

static int64_t dtm_seconds_of(const DtDateTime *s) {
    return (int64_t)dtc_ymd_to_ord(s->d.year, s->d.month, s->d.day) * 86400 + s->c.hour * 3600 +
           s->c.minute * 60 + s->c.second;
}

/* a - b for two datetimes: a timedelta. */
static Value dtm_subtract(Value a, Value b) {
    Value o1 = VAL_NONE, o2 = VAL_NONE;
    if (DTM(a)->c.tzinfo != DTM(b)->c.tzinfo) {
        o1 = dtm_utcoffset(a);
        o2 = IS_NULL(o1) ? VAL_NULL : dtm_utcoffset(b);
        if (IS_NULL(o2)) return VAL_NULL;
        if (IS_NONE(o1) != IS_NONE(o2))
            return err_format(&exc_TypeError, "can't subtract offset-naive and offset-aware datetimes");
    }
    int64_t secs = dtm_seconds_of(DTM(a)) - dtm_seconds_of(DTM(b));
    Value r = td_new(0, secs, DTM(a)->c.us - DTM(b)->c.us);
    if (IS_NULL(r) || IS_NONE(o1) || td_cmp(o1, o2) == 0) return r;
    Value off = td_add(o1, o2, -1);
    return IS_NULL(off) ? VAL_NULL : td_add(r, off, -1);
}

static Value dtm_add_m(Value *args, int nargs, Value kwnames) {
    if (!DT_IS_DT(args[0]) || !DT_IS_DELTA(args[1])) return VAL_NOTIMPLEMENTED;
    return dtm_add_delta(args[0], args[1], 1);
}

static Value dtm_sub_m(Value *args, int nargs, Value kwnames) {
    if (DT_IS_DT(args[1])) return dtm_subtract(args[0], args[1]);
    if (DT_IS_DELTA(args[1])) return dtm_add_delta(args[0], args[1], -1);
    return VAL_NOTIMPLEMENTED;
}

static Value dtm_rsub_m(Value *args, int nargs, Value kwnames) {
    return DT_IS_DT(args[1]) ? dtm_subtract(args[1], args[0]) : VAL_NOTIMPLEMENTED;
}

/* ---- comparison and hashing ----------------------------------------------------------------- */

static int dtm_field_cmp(const DtDateTime *a, const DtDateTime *b) {
    int64_t x = dtm_seconds_of(a), y = dtm_seconds_of(b);
    if (x != y) return x < y ? -1 : 1;
    return a->c.us < b->c.us ? -1 : a->c.us > b->c.us;
}

/* PEP 495: 1 when flipping fold changes dt's offset from `off`. */
static int dtm_fold_sensitive(Value dt, Value off) {
    Value flip = dtm_copy_with(dt, DTM(dt)->c.tzinfo, !DTM(dt)->c.fold);
    Value o = IS_NULL(flip) ? VAL_NULL : dtm_utcoffset(flip);
    if (IS_NULL(o)) return -1;
    if (o == off || IS_NONE(o) || IS_NONE(off)) return o != off && IS_NONE(o) != IS_NONE(off);
    return td_cmp(o, off) != 0;
}

static Value dtm_richcompare(Value self, Value other, int op) {
    if (!DT_IS_DT(other)) {
        if (!DT_IS_DATE(other)) return VAL_NOTIMPLEMENTED;
        if (op == CMP_EQ) return VAL_FALSE;
        if (op == CMP_NE) return VAL_TRUE;
        return err_format(&exc_TypeError, "can't compare %s to %s", val_type_name(self), val_type_name(other));
    }
    if (DTM(self)->c.tzinfo == DTM(other)->c.tzinfo)
        return dt_cmp_result(dtm_field_cmp(DTM(self), DTM(other)), op);
    Value o1 = dtm_utcoffset(self);
    Value o2 = IS_NULL(o1) ? VAL_NULL : dtm_utcoffset(other);
    if (IS_NULL(o2)) return VAL_NULL;
    int diff;
    if (IS_NONE(o1) != IS_NONE(o2)) {
        if (op == CMP_EQ) return VAL_FALSE;
        if (op == CMP_NE) return VAL_TRUE;
        return err_format(&exc_TypeError, "can't compare offset-naive and offset-aware datetimes");
    }
    if (IS_NONE(o1) || td_cmp(o1, o2) == 0) {
        diff = dtm_field_cmp(DTM(self), DTM(other));
    } else {
        Value delta = dtm_subtract(self, other);
        if (IS_NULL(delta)) return VAL_NULL;
        diff = TD(delta)->days ? TD(delta)->days : (TD(delta)->seconds | TD(delta)->us);
    }
    if ((op == CMP_EQ || op == CMP_NE) && diff == 0 && !IS_NONE(o1)) {
        int ex = dtm_fold_sensitive(self, o1);
        if (ex == 0) ex = dtm_fold_sensitive(other, o2);
        if (ex < 0) return VAL_NULL;
        if (ex) diff = 1;
    }
    return dt_cmp_result(diff, op);
}

#define DTM_CMP(name, op) \
    static Value name(Value *args, int nargs, Value kwnames) { return dtm_richcompare(args[0], args[1], op); }
DTM_CMP(dtm_eq_m, CMP_EQ) DTM_CMP(dtm_ne_m, CMP_NE) DTM_CMP(dtm_lt_m, CMP_LT)
DTM_CMP(dtm_le_m, CMP_LE) DTM_CMP(dtm_gt_m, CMP_GT) DTM_CMP(dtm_ge_m, CMP_GE)

static void dtm_pack(const DtDateTime *s, uint8_t st[10], int with_fold) {
    dtf_pack_date(&s->d, st);
    dtf_pack_clock(&s->c, st + 4, 0);
    if (with_fold && s->c.fold) st[2] |= 128;
}

/* As CPython's: a naive value hashes its bytes (fold cleared), an aware one the
 * timedelta from day 0 minus its offset; -1 on error. */
static int64_t dtm_hash(Value self) {
    const DtDateTime *s = DTM(self);
    Value self0 = s->c.fold ? dtm_copy_with(self, s->c.tzinfo, 0) : self;
    Value off = IS_NULL(self0) ? VAL_NULL : dtm_utcoffset(self0);
    if (IS_NULL(off)) return -1;
    if (IS_NONE(off)) {
        uint8_t st[10];
        dtm_pack(s, st, 0);
        return dtc_hash_bytes(st, 10);
    }
    Value t = td_new(0, dtm_seconds_of(s), s->c.us);
    Value u = IS_NULL(t) ? VAL_NULL : td_add(t, off, -1);
    return IS_NULL(u) ? -1 : obj_hash(u);
}

static Value dtm_hash_m(Value *args, int nargs, Value kwnames) {
    DtClock *c = &SELF->c;
    if (!c->hash) c->hash = dtm_hash(args[0]);
    return c->hash == -1 ? (c->hash = 0, VAL_NULL) : int_from_i64(c->hash);
}

/* ---- views ------------------------------------------------------------------------------------ */

static Value dtm_utcoffset_m(Value *args, int nargs, Value kwnames) { return dtm_utcoffset(args[0]); }

static Value dtm_dst_m(Value *args, int nargs, Value kwnames) {
    return tz_call_dst(SELF->c.tzinfo, args[0]);
}

static Value dtm_tzname_m(Value *args, int nargs, Value kwnames) {
    return tz_call_tzname(SELF->c.tzinfo, args[0]);
}

static Value dtm_date_m(Value *args, int nargs, Value kwnames) {
    return date_new_exact(&dt_type_date, SELF->d.year, SELF->d.month, SELF->d.day);
}

static Value dtm_time_m(Value *args, int nargs, Value kwnames) {
    const DtClock *c = &SELF->c;
    return tod_new_exact(&dt_type_time, c->hour, c->minute, c->second, c->us, VAL_NONE, c->fold);
}

static Value dtm_timetz_m(Value *args, int nargs, Value kwnames) {
    const DtClock *c = &SELF->c;
    return tod_new_exact(&dt_type_time, c->hour, c->minute, c->second, c->us, c->tzinfo, c->fold);
}

static Value dtm_ctime_m(Value *args, int nargs, Value kwnames) {
    return date_ctime(SELF->d.year, SELF->d.month, SELF->d.day, SELF->c.hour, SELF->c.minute, SELF->c.second);
}

static Value dtm_timetuple_m(Value *args, int nargs, Value kwnames) {
    int flag = -1;
    if (!IS_NONE(SELF->c.tzinfo)) {
        Value dst = tz_call_dst(SELF->c.tzinfo, args[0]);
        if (IS_NULL(dst)) return VAL_NULL;
        if (!IS_NONE(dst)) flag = !td_is_zero(dst);
    }
    return date_timetuple(SELF->d.year, SELF->d.month, SELF->d.day, SELF->c.hour, SELF->c.minute,
                          SELF->c.second, flag);
}

static Value dtm_utctimetuple_m(Value *args, int nargs, Value kwnames) {
    Value u = args[0];
    if (!IS_NONE(SELF->c.tzinfo)) {
        Value off = dtm_utcoffset(u);
        if (IS_NULL(off)) return VAL_NULL;
        if (!IS_NONE(off)) u = dtm_add_delta(u, off, -1);
        if (IS_NULL(u)) return VAL_NULL;
    }
    const DtDateTime *s = DTM(u);
    return date_timetuple(s->d.year, s->d.month, s->d.day, s->c.hour, s->c.minute, s->c.second, 0);
}

static Value dtm_epoch = VAL_NULL;     /* datetime(1970, 1, 1, tzinfo=timezone.utc) */

static Value dtm_timestamp_m(Value *args, int nargs, Value kwnames) {
    const DtDateTime *s = SELF;
    if (!IS_NONE(s->c.tzinfo)) {
        if (IS_NULL(dtm_epoch)) {
            dtm_epoch = dtm_new_exact(&dt_type_datetime, 1970, 1, 1, 0, 0, 0, 0, tz_utc, 0);
            if (IS_NULL(dtm_epoch)) return VAL_NULL;
            gc_add_root(&dtm_epoch);
        }
        Value delta = dtm_subtract(args[0], dtm_epoch);
        return IS_NULL(delta) ? VAL_NULL : obj_call_method(delta, "total_seconds", NULL, 0);
    }
    int64_t secs = dtc_local_to_seconds(s->d.year, s->d.month, s->d.day, s->c.hour, s->c.minute, s->c.second,
                                        s->c.fold);
    if (secs == -1 && err_occurred()) return VAL_NULL;
    return MK_FLOAT((double)(secs - DTC_EPOCH_SECONDS) + s->c.us / 1e6);
}

static Value dtm_local_zone_of_local(Value dt) {
    const DtDateTime *s = DTM(dt);
    int64_t secs = dtc_local_to_seconds(s->d.year, s->d.month, s->d.day, s->c.hour, s->c.minute, s->c.second,
                                        s->c.fold);
    if (secs == -1 && err_occurred()) return VAL_NULL;
    return tz_local_from_timestamp(secs - DTC_EPOCH_SECONDS);
}

static Value dtm_astimezone_m(Value *args, int nargs, Value kwnames) {
    Value self = args[0], tz = IS_NULL(args[1]) ? VAL_NONE : args[1];
    if (tz_check_tzinfo(tz) < 0) return VAL_NULL;
    Value self_tz = SELF->c.tzinfo, off = VAL_NONE;
    for (int pass = 0; pass < 2 && IS_NONE(off); pass++) {
        if (IS_NONE(self_tz) || pass == 1) self_tz = dtm_local_zone_of_local(self);
        if (IS_NULL(self_tz)) return VAL_NULL;
        if (self_tz == tz) return self;
        off = tz_call_utcoffset(self_tz, self);
        if (IS_NULL(off)) return VAL_NULL;
    }
    if (IS_NONE(off)) return err_format(&exc_ValueError, "astimezone: local zone has no UTC offset");
    Value r = dtm_add_delta(self, off, -1);
    if (IS_NULL(r)) return VAL_NULL;
    if (!DT_IS_DT(r)) return err_format(&exc_TypeError, "astimezone: subtraction gave a non-datetime");
    DTM(r)->c.tzinfo = tz_utc;
    if (IS_NONE(tz)) {
        const DtDateTime *u = DTM(r);
        int64_t secs = dtc_utc_seconds(u->d.year, u->d.month, u->d.day, u->c.hour, u->c.minute, u->c.second);
        if (secs == -1 && err_occurred()) return VAL_NULL;
        tz = tz_local_from_timestamp(secs - DTC_EPOCH_SECONDS);
        if (IS_NULL(tz)) return VAL_NULL;
    }
    DTM(r)->c.tzinfo = tz;
    return obj_call_method(tz, "fromutc", &r, 1);
}

static Value dtm_isoformat(Value self, Value sep, Value timespec) {
    const DtDateTime *s = DTM(self);
    uint32_t sepc = 'T';
    if (!IS_NULL(sep)) {
        if (!IS_STR(sep) || AS_STR(sep)->nchars != 1)
            return err_format(&exc_TypeError, "isoformat() argument 1 must be a unicode character, not %N", sep);
        sepc = str_char_at(sep, 0);
    }
    if (!IS_NULL(timespec) && !IS_STR(timespec))
        return err_format(&exc_TypeError, "isoformat() argument 2 must be str, not %N", timespec);
    StrBuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%04d-%02d-%02d", s->d.year, s->d.month, s->d.day);
    sb_put_codepoint(&sb, sepc);
    if (dtf_clock_iso(&sb, &s->c, timespec, self) < 0) {
        sb_free(&sb);
        return VAL_NULL;
    }
    return sb_finish_str(&sb);
}

static Value dtm_isoformat_m(Value *args, int nargs, Value kwnames) {
    return dtm_isoformat(args[0], args[1], args[2]);
}

static Value dtm_str_m(Value *args, int nargs, Value kwnames) {
    return dtm_isoformat(args[0], str_from_c(" "), VAL_NULL);
}

static Value dtm_repr_m(Value *args, int nargs, Value kwnames) {
    const DtDateTime *s = SELF;
    const DtClock *c = &s->c;
    const char *name = type_name(SELF_TYPE);
    Value head = c->us ? str_format_c("%s(%d, %d, %d, %d, %d, %d, %d)", name, s->d.year, s->d.month, s->d.day,
                                      c->hour, c->minute, c->second, c->us)
               : c->second ? str_format_c("%s(%d, %d, %d, %d, %d, %d)", name, s->d.year, s->d.month, s->d.day,
                                          c->hour, c->minute, c->second)
               : str_format_c("%s(%d, %d, %d, %d, %d)", name, s->d.year, s->d.month, s->d.day, c->hour,
                              c->minute);
    return IS_NULL(head) ? VAL_NULL : dtf_repr_tail(head, c, 1);
}

static Value dtm_reduce(Value self, int proto) {
    uint8_t st[10];
    dtm_pack(DTM(self), st, proto > 3);
    Value b = bytes_new(st, 10);
    if (IS_NULL(b)) return VAL_NULL;
    Value tz = DTM(self)->c.tzinfo;
    Value a = IS_NONE(tz) ? tuple_pack(1, b) : tuple_pack(2, b, tz);
    return IS_NULL(a) ? VAL_NULL : tuple_pack(2, MK_OBJ(AS_OBJ(self)->type), a);
}

static Value dtm_reduce_ex_m(Value *args, int nargs, Value kwnames) {
    int proto;
    return dtc_int_arg(args[1], &proto) < 0 ? VAL_NULL : dtm_reduce(args[0], proto);
}

static Value dtm_reduce_m(Value *args, int nargs, Value kwnames) { return dtm_reduce(args[0], 2); }

/* ---- attributes ------------------------------------------------------------------------------ */

static Value dtm_get_hour(Value self) { return MK_SMALLINT(DTM(self)->c.hour); }
static Value dtm_get_minute(Value self) { return MK_SMALLINT(DTM(self)->c.minute); }
static Value dtm_get_second(Value self) { return MK_SMALLINT(DTM(self)->c.second); }
static Value dtm_get_us(Value self) { return MK_SMALLINT(DTM(self)->c.us); }
static Value dtm_get_tzinfo(Value self) { return DTM(self)->c.tzinfo; }
static Value dtm_get_fold(Value self) { return MK_SMALLINT(DTM(self)->c.fold); }

static void dtm_trace(Obj *o) { gc_mark_value(((DtDateTime *)o)->c.tzinfo); }

static const GetSetDef dtm_getsets[] = {
    {"hour", dtm_get_hour, NULL, NULL},
    {"minute", dtm_get_minute, NULL, NULL},
    {"second", dtm_get_second, NULL, NULL},
    {"microsecond", dtm_get_us, NULL, NULL},
    {"tzinfo", dtm_get_tzinfo, NULL, NULL},
    {"fold", dtm_get_fold, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef dtm_methods[] = {
    {"__new__", dtm_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"now", dtm_now_m, METH_CLASS | ARGS_KW, "Returns new datetime object representing current time local "
     "to tz.\n\n  tz\n    Timezone object.\n\nIf no tz is specified, uses local timezone.", "($type, /, tz=None)"},
    {"utcnow", dtm_utcnow_m, METH_CLASS | ARGS_NONE, "Return a new datetime representing UTC day and time."},
    {"fromtimestamp", dtm_fromtimestamp_m, METH_CLASS | ARGS_KW,
     "timestamp[, tz] -> tz's local time from POSIX timestamp.", "($type, /, timestamp, tz=None)"},
    {"utcfromtimestamp", dtm_utcfromtimestamp_m, METH_CLASS | ARGS_ONE,
     "Construct a naive UTC datetime from a POSIX timestamp."},
    {"strptime", dtm_strptime_m, METH_CLASS | ARGS_TUPLE(2, 2),
     "string, format -> new datetime parsed from a string (like time.strptime())."},
    {"combine", dtm_combine_m, METH_CLASS | ARGS_KW, "date, time -> datetime with same date and time fields",
     "($type, /, date, time, tzinfo=None)"},
    {"fromisoformat", dtm_fromisoformat_m, METH_CLASS | ARGS_ONE, "string -> datetime from a string in most "
     "ISO 8601 formats"},
    {"date", dtm_date_m, ARGS_NONE, "Return date object with same year, month and day."},
    {"time", dtm_time_m, ARGS_NONE, "Return time object with same time but with tzinfo=None."},
    {"timetz", dtm_timetz_m, ARGS_NONE, "Return time object with same time and tzinfo."},
    {"ctime", dtm_ctime_m, ARGS_NONE, "Return ctime() style string."},
    {"timetuple", dtm_timetuple_m, ARGS_NONE, "Return time tuple, compatible with time.localtime()."},
    {"timestamp", dtm_timestamp_m, ARGS_NONE, "Return POSIX timestamp as float."},
    {"utctimetuple", dtm_utctimetuple_m, ARGS_NONE, "Return UTC time tuple, compatible with time.localtime()."},
    {"isoformat", dtm_isoformat_m, ARGS_KW, "[sep] -> string in ISO 8601 format, YYYY-MM-DDT[HH[:MM[:SS"
     "[.mmm[uuu]]]]][+HH:MM].\nsep is used to separate the year from the time, and defaults to 'T'.\n"
     "The optional argument timespec specifies the number of additional terms\nof the time to include. Valid "
     "options are 'auto', 'hours', 'minutes',\n'seconds', 'milliseconds' and 'microseconds'.\n",
     "($self, /, sep='T', timespec='auto')"},
    {"utcoffset", dtm_utcoffset_m, ARGS_NONE, "Return self.tzinfo.utcoffset(self)."},
    {"tzname", dtm_tzname_m, ARGS_NONE, "Return self.tzinfo.tzname(self)."},
    {"dst", dtm_dst_m, ARGS_NONE, "Return self.tzinfo.dst(self)."},
    {"replace", dtm_replace_m, ARGS_KW, "Return datetime with new specified fields.",
     "($self, /, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None, "
     "tzinfo=None, *, fold=None)"},
    {"astimezone", dtm_astimezone_m, ARGS_KW, "tz -> convert to local time in new timezone tz\n",
     "($self, /, tz=None)"},
    {"__reduce_ex__", dtm_reduce_ex_m, ARGS_ONE, "__reduce_ex__(proto) -> (cls, state)"},
    {"__reduce__", dtm_reduce_m, ARGS_NONE, "__reduce__() -> (cls, state)"},
    {"__repr__", dtm_repr_m, ARGS_WRAP(0), NULL},
    {"__str__", dtm_str_m, ARGS_WRAP(0), NULL},
    {"__hash__", dtm_hash_m, ARGS_WRAP(0), NULL},
    {"__eq__", dtm_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", dtm_ne_m, ARGS_WRAP(1), NULL},
    {"__lt__", dtm_lt_m, ARGS_WRAP(1), NULL},
    {"__le__", dtm_le_m, ARGS_WRAP(1), NULL},
    {"__gt__", dtm_gt_m, ARGS_WRAP(1), NULL},
    {"__ge__", dtm_ge_m, ARGS_WRAP(1), NULL},
    {"__add__", dtm_add_m, ARGS_WRAP(1), NULL},
    {"__radd__", dtm_add_m, ARGS_WRAP(1), NULL},
    {"__sub__", dtm_sub_m, ARGS_WRAP(1), NULL},
    {"__rsub__", dtm_rsub_m, ARGS_WRAP(1), NULL},
    {NULL, NULL, 0, NULL},
};

Type dt_type_datetime = {
    .tp_name = "datetime.datetime", .base = &dt_type_date, .flags = TF_BASETYPE,
    .basicsize = sizeof(DtDateTime), .trace = dtm_trace, .methods = dtm_methods, .getsets = dtm_getsets,
};
GILPY_TYPE(dt_type_datetime, NULL);
