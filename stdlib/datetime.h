/* datetime.h - what the files of the `_datetime` module share: the object
 * layouts, the types, and the helpers each file offers the others.
 *
 * The module is split by concept, a prefix per file:
 *   dt_calendar.c  dtc_   the proleptic Gregorian arithmetic, range checks,
 *                         normalization, and the local clock (localtime_r)
 *   dt_delta.c     td_    timedelta
 *   dt_date.c      date_  date
 *   dt_time.c      tod_   time (time of day)
 *   dt_datetime.c  dtm_   datetime
 *   dt_tz.c        tz_    tzinfo and timezone, calls into tzinfo objects
 *   dt_format.c    dtf_   isoformat pieces, strftime, fromisoformat parsing
 *   mod_datetime.c        the module and the class attributes (min, max, ...)
 *
 * Values are plain C fields, as CPython's: a date is year/month/day, a time
 * of day (DtClock) hour/minute/second/microsecond plus fold and tzinfo, a
 * datetime a date followed by a DtClock, so the date functions take a
 * datetime as they take a date.  Pickles carry CPython's packed bytes
 * (dtf_pack_*), which also serve the hashes of naive values.  Hashes are kept once
 * computed, as CPython's are (an aware value's tzinfo is asked once). */
#ifndef GILPY_DATETIME_H
#define GILPY_DATETIME_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "runtime/object.h"

#define DT_MINYEAR 1
#define DT_MAXYEAR 9999
#define DT_MAX_DELTA_DAYS 999999999
#define DT_MAX_ORDINAL 3652059          /* date(9999, 12, 31).toordinal() */

typedef struct DtDelta {
    Obj     header;
    int32_t days, seconds, us;          /* normalized: 0 <= seconds < 86400, 0 <= us < 10**6 */
    int64_t hash;                       /* 0: not computed yet (as every `hash` below) */
} DtDelta;

typedef struct DtDate {
    Obj     header;
    int32_t year;
    uint8_t month, day;
    int64_t hash;                       /* date.__hash__'s */
} DtDate;

typedef struct DtClock {
    uint8_t hour, minute, second, fold;
    int32_t us;
    Value   tzinfo;                     /* None or a tzinfo */
    int64_t hash;                       /* time's or datetime's __hash__ */
} DtClock;

typedef struct DtTime {
    Obj     header;
    DtClock c;
} DtTime;

typedef struct DtDateTime {
    DtDate  d;
    DtClock c;
} DtDateTime;

typedef struct DtTimezone {
    Obj   header;
    Value offset;                       /* a timedelta */
    Value name;                         /* a str, or VAL_NULL */
} DtTimezone;

extern Type dt_type_delta, dt_type_date, dt_type_time, dt_type_datetime, dt_type_tzinfo,
    dt_type_timezone;

#define DT_IS(v, t)     (IS_OBJ(v) && type_is_subtype(AS_OBJ(v)->type, &(t)))
#define DT_IS_DELTA(v)  DT_IS(v, dt_type_delta)
#define DT_IS_DATE(v)   DT_IS(v, dt_type_date)
#define DT_IS_TIME(v)   DT_IS(v, dt_type_time)
#define DT_IS_DT(v)     DT_IS(v, dt_type_datetime)
#define DT_IS_TZINFO(v) DT_IS(v, dt_type_tzinfo)
#define TD(v)  ((DtDelta *)AS_OBJ(v))
#define DATE(v) ((DtDate *)AS_OBJ(v))
#define TOD(v) ((DtTime *)AS_OBJ(v))
#define DTM(v) ((DtDateTime *)AS_OBJ(v))

/* ---- dt_calendar.c ---- */
int  dtc_is_leap(int year);
int  dtc_days_in_month(int year, int month);
int  dtc_days_before_month(int year, int month);
int  dtc_ymd_to_ord(int year, int month, int day);
void dtc_ord_to_ymd(int ordinal, int *year, int *month, int *day);
int  dtc_weekday(int year, int month, int day);          /* Monday 0 */
int  dtc_iso_week1_monday(int year);
int  dtc_iso_to_ymd(int iyear, int iweek, int iday, int *y, int *m, int *d);   /* 0, -2 week, -3 day */
int  dtc_check_date(int year, int month, int day);
int  dtc_check_time(int hour, int minute, int second, int us, int fold);
/* Carry out-of-range fields into the bigger ones; OverflowError "date value out of range". */
int  dtc_normalize_date(int *year, int *month, int *day);
int  dtc_normalize_datetime(int *y, int *m, int *d, int *hh, int *mm, int *ss, int *us);
int64_t dtc_utc_seconds(int y, int m, int d, int hh, int mm, int ss);   /* since 0001-01-01 */
/* Local time, in seconds since 0001-01-01, of u (same scale); -1 and an error on failure. */
int64_t dtc_local(int64_t u);
int64_t dtc_local_to_seconds(int y, int m, int d, int hh, int mm, int ss, int fold);
#define DTC_EPOCH_SECONDS (719163LL * 86400)
#define DTC_MAX_FOLD_SECONDS 86400
/* A timestamp object as time_t and microseconds, rounded half-even (floor: whole seconds). */
int  dtc_timestamp_split(Value ts, int64_t *secs, int *us, int floor_seconds);
int  dtc_tm_of(int64_t t, int local, struct tm *out);
/* The fields of CPython's argument parsers: "i" conversions. */
int  dtc_int_arg(Value v, int *out);
/* PyArg_ParseTupleAndKeywords without a function name ("function takes at most ..."):
 * dtc_parse_args places the arguments, dtc_int_field converts argument i or reports
 * it missing, in CPython's order (a bad first argument before a missing second). */
int  dtc_int_field(Value v, int *out, const char *const *names, int i, int nrequired);
int  dtc_parse_args(Value *args, int nargs, Value kwnames, const char *const *names, int nparams,
                    int npos, int nrequired, Value *out);

int64_t dtc_hash_bytes(const uint8_t *p, size_t n);
int  dtc_state_arg(Value v, uint8_t *out, size_t len, int idx, int mask, int lo, int hi, const char *what);

/* cls(*argv) with fold=1 added when fold is set (CPython's call_subclass_fold). */
Value dtc_call_class(Type *cls, Value *argv, int n, int fold);
Value dt_cmp_result(int c, int op);           /* a three-way result as the bool op asks */

/* ---- dt_delta.c ---- */
Value td_new(int64_t days, int64_t seconds, int64_t us);   /* normalizes; OverflowError */
Value td_from_us(Value us);                                /* an int of microseconds */
Value td_to_us(Value delta);
int   td_cmp(Value a, Value b);
int   td_is_zero(Value d);
Value td_add(Value a, Value b, int sign);                  /* a + sign * b */

/* ---- dt_date.c ---- */
Value date_new_exact(Type *cls, int y, int m, int d);       /* checked, allocated as cls */
Value date_new_sub(Type *cls, int y, int m, int d);         /* cls(y, m, d) for a subclass */
Value date_timetuple(int y, int m, int d, int hh, int mm, int ss, int dstflag);
Value date_ctime(int y, int m, int d, int hh, int mm, int ss);
Value date_isocalendar_of(int y, int m, int d);
Type *date_isocal_type(void);                 /* datetime.IsoCalendarDate */

/* ---- dt_time.c ---- */
Value tod_new_exact(Type *cls, int hh, int mm, int ss, int us, Value tz, int fold);

/* ---- dt_datetime.c ---- */
Value dtm_new_exact(Type *cls, int y, int m, int d, int hh, int mm, int ss, int us, Value tz, int fold);
Value dtm_new_sub(Type *cls, int y, int m, int d, int hh, int mm, int ss, int us, Value tz, int fold);
Value dtm_add_delta(Value dt, Value delta, int sign);
Value dtm_utcoffset(Value dt);

/* ---- dt_tz.c ---- */
extern Value tz_utc;                                        /* timezone.utc */
Value tz_timezone_new(Value offset, Value name);            /* name VAL_NULL: none */
int   tz_check_tzinfo(Value tz);
Value tz_call_utcoffset(Value tz, Value arg);               /* None or a checked timedelta */
Value tz_call_dst(Value tz, Value arg);
Value tz_call_tzname(Value tz, Value arg);
Value tz_local_from_timestamp(int64_t t);                   /* the local zone at t */

/* ---- dt_format.c ---- */
void  dtf_pack_date(const DtDate *d, uint8_t out[4]);
void  dtf_pack_clock(const DtClock *c, uint8_t out[6], int with_fold);
/* A time of day in ISO form (timespec VAL_NULL: auto), its UTC offset from tzinfo.utcoffset(tzarg). */
int   dtf_clock_iso(void *sb, const DtClock *c, Value timespec, Value tzarg);   /* StrBuf * */
int   dtf_offset(void *sb, Value offset, const char *sep);         /* "+HH:MM[:SS[.ffffff]]" */
/* fmt with %z, %Z (from tz asked about tzarg) and %f (us) replaced, through time.strftime. */
Value dtf_strftime(Value fmt, Value timetuple, Value tz, Value tzarg, int us);
Value dtf_format_m(Value self, Value spec);
Value dtf_repr_tail(Value head, const DtClock *c, int fold_first);   /* ", tzinfo=..., fold=1)" */
int   dtf_parse_date(const char *s, size_t len, int *y, int *m, int *d);
int   dtf_parse_time(const char *s, size_t len, int *hh, int *mm, int *ss, int *us, int *tzsec, int *tzus);
int64_t dtf_datetime_sep(const char *s, size_t len);
Value dtf_tz_from_parse(int rv, int tzsec, int tzus);
Value dtf_invalid_iso(Value s);

#endif
