/* dt_tz.c - `tzinfo`, the abstract base of time zones, and `timezone`, its
 * fixed-offset implementation; and the calls every other file makes into a
 * tzinfo (utcoffset, dst, tzname), which check what comes back as CPython
 * does (None or a timedelta strictly within a day; None or a str).
 *
 * A timezone answers those calls without a method call.  timezone.utc is
 * one object for the life of the process (tz_utc, a GC root), which
 * timezone(timedelta(0)) returns too, as CPython's does; the local zone is a
 * timezone made from localtime_r's tm_gmtoff and tm_zone. */
#include <string.h>
#include <time.h>
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/gc.h"
#include "runtime/strbuf.h"
#include "stdlib/datetime.h"

Value tz_utc = VAL_NULL;

#define TZ(v) ((DtTimezone *)AS_OBJ(v))
#define IS_TIMEZONE(v) IS_EXACT(v, dt_type_timezone)

/* ---- calls into tzinfo objects ----------------------------------------------------------- */

int tz_check_tzinfo(Value tz) {
    if (IS_NONE(tz) || DT_IS_TZINFO(tz)) return 0;
    err_format(&exc_TypeError, "tzinfo argument must be None or of a tzinfo subclass, not type '%T'", tz);
    return -1;
}

static int tz_offset_in_range(Value off) {
    const DtDelta *d = TD(off);
    return !((d->days == -1 && d->seconds == 0 && d->us < 1) || d->days < -1 || d->days >= 1);
}

static Value tz_call_offset(Value tz, Value arg, const char *name) {
    if (IS_NONE(tz)) return VAL_NONE;
    if (IS_TIMEZONE(tz)) return strcmp(name, "dst") == 0 ? VAL_NONE : TZ(tz)->offset;
    Value r = obj_call_method(tz, name, &arg, 1);
    if (IS_NULL(r) || IS_NONE(r)) return r;
    if (!DT_IS_DELTA(r))
        return err_format(&exc_TypeError, "tzinfo.%s() must return None or timedelta, not '%T'", name, r);
    if (!tz_offset_in_range(r))
        return err_format(&exc_ValueError, "offset must be a timedelta strictly between -timedelta(hours=24) "
                          "and timedelta(hours=24).");
    return r;
}

Value tz_call_utcoffset(Value tz, Value arg) { return tz_call_offset(tz, arg, "utcoffset"); }
Value tz_call_dst(Value tz, Value arg) { return tz_call_offset(tz, arg, "dst"); }

static Value tz_timezone_str(Value self);

Value tz_call_tzname(Value tz, Value arg) {
    if (IS_NONE(tz)) return VAL_NONE;
    if (IS_TIMEZONE(tz)) return tz_timezone_str(tz);
    Value r = obj_call_method(tz, "tzname", &arg, 1);
    if (IS_NULL(r) || IS_NONE(r) || IS_STR(r)) return r;
    return err_format(&exc_TypeError, "tzinfo.tzname() must return None or a string, not '%T'", r);
}

/* ---- tzinfo ------------------------------------------------------------------------------- */

static Value tzinfo_new_m(Value *args, int nargs, Value kwnames) {
    Obj *o = obj_new_instance(AS_TYPE(args[0]));
    return o ? MK_OBJ(o) : VAL_NULL;
}

static Value tzinfo_tzname_m(Value *args, int nargs, Value kwnames) {
    return err_format(&exc_NotImplementedError, "a tzinfo subclass must implement tzname()");
}

static Value tzinfo_utcoffset_m(Value *args, int nargs, Value kwnames) {
    return err_format(&exc_NotImplementedError, "a tzinfo subclass must implement utcoffset()");
}

static Value tzinfo_dst_m(Value *args, int nargs, Value kwnames) {
    return err_format(&exc_NotImplementedError, "a tzinfo subclass must implement dst()");
}

static Value tz_fromutc_check(Value self, Value dt) {
    if (!DT_IS_DT(dt)) return err_format(&exc_TypeError, "fromutc: argument must be a datetime");
    if (DTM(dt)->c.tzinfo != self) return err_format(&exc_ValueError, "fromutc: dt.tzinfo is not self");
    return VAL_NONE;
}

/* The standard conversion for a zone whose dst() is consistent. */
static Value tzinfo_fromutc_m(Value *args, int nargs, Value kwnames) {
    Value self = args[0], dt = args[1];
    if (IS_NULL(tz_fromutc_check(self, dt))) return VAL_NULL;
    Value off = tz_call_utcoffset(self, dt);
    if (IS_NULL(off)) return VAL_NULL;
    if (IS_NONE(off))
        return err_format(&exc_ValueError, "fromutc: non-None utcoffset() result required");
    Value dst = tz_call_dst(self, dt);
    if (IS_NULL(dst)) return VAL_NULL;
    if (IS_NONE(dst)) return err_format(&exc_ValueError, "fromutc: non-None dst() result required");
    Value delta = td_add(off, dst, -1);
    Value r = IS_NULL(delta) ? VAL_NULL : dtm_add_delta(dt, delta, 1);
    if (IS_NULL(r)) return VAL_NULL;
    dst = tz_call_dst(DTM(dt)->c.tzinfo, r);
    if (IS_NULL(dst)) return VAL_NULL;
    if (IS_NONE(dst))
        return err_format(&exc_ValueError, "fromutc: tz.dst() gave inconsistent results; cannot convert");
    return td_is_zero(dst) ? r : dtm_add_delta(r, dst, 1);
}

static Value tzinfo_reduce_m(Value *args, int nargs, Value kwnames) {
    Value self = args[0], a;
    Value init = obj_getattr_opt(self, str_intern_c("__getinitargs__"));
    if (IS_NULL(init) && err_occurred()) return VAL_NULL;
    a = IS_NULL(init) ? tuple_empty() : call0(init);
    if (IS_NULL(a)) return VAL_NULL;
    Value state = obj_call_method(self, "__getstate__", NULL, 0);
    return IS_NULL(state) ? VAL_NULL : tuple_pack(3, MK_OBJ(val_type(self)), a, state);
}

static const MethodDef tzinfo_methods[] = {
    {"__new__", tzinfo_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"tzname", tzinfo_tzname_m, ARGS_ONE, "datetime -> string name of time zone."},
    {"utcoffset", tzinfo_utcoffset_m, ARGS_ONE, "datetime -> timedelta showing offset from UTC, negative "
     "values indicating West of UTC"},
    {"dst", tzinfo_dst_m, ARGS_ONE, "datetime -> DST offset as timedelta positive east of UTC."},
    {"fromutc", tzinfo_fromutc_m, ARGS_ONE, "datetime in UTC -> datetime in local time."},
    {"__reduce__", tzinfo_reduce_m, ARGS_NONE, "-> (cls, state)"},
    {NULL, NULL, 0, NULL},
};

Type dt_type_tzinfo = {
    .tp_name = "datetime.tzinfo", .base = &type_object, .flags = TF_BASETYPE,
    .basicsize = sizeof(Obj), .methods = tzinfo_methods,
};
GILPY_TYPE(dt_type_tzinfo, NULL);

/* ---- timezone ----------------------------------------------------------------------------- */

static Value tz_alloc(Value offset, Value name) {
    DtTimezone *z = (DtTimezone *)obj_new_instance(&dt_type_timezone);
    if (!z) return VAL_NULL;
    z->offset = offset;
    z->name = name;
    return MK_OBJ(z);
}

Value tz_timezone_new(Value offset, Value name) {
    if (IS_NULL(name) && td_is_zero(offset) && !IS_NULL(tz_utc)) return tz_utc;
    if (!tz_offset_in_range(offset))
        return err_format(&exc_ValueError, "offset must be a timedelta strictly between -timedelta(hours=24) "
                          "and timedelta(hours=24), not %R.", offset);
    Value z = tz_alloc(offset, name);
    if (!IS_NULL(z) && IS_NULL(tz_utc) && IS_NULL(name) && td_is_zero(offset)) {
        tz_utc = z;
        gc_add_root(&tz_utc);
    }
    return z;
}

Value tz_local_from_timestamp(int64_t t) {
    struct tm tm;
    if (dtc_tm_of(t, 1, &tm) < 0) return VAL_NULL;
    Value delta = td_new(0, tm.tm_gmtoff, 0);
    if (IS_NULL(delta)) return VAL_NULL;
    Value name = VAL_NULL;
    if (tm.tm_zone) {
        name = str_fsdecode(tm.tm_zone, strlen(tm.tm_zone));
        if (IS_NULL(name)) return VAL_NULL;
    }
    return tz_timezone_new(delta, name);
}

static const char *const tz_kw[] = {"offset", "name"};

static Value tz_new_m(Value *args, int nargs, Value kwnames) {
    Value a[2];
    if (arg_parse("timezone", args + 1, nargs - 1, kwnames, tz_kw, 2, 0, 1, a) < 0) return VAL_NULL;
    Value offset = a[0], name = a[1];
    if (!DT_IS_DELTA(offset))
        return err_format(&exc_TypeError, "timezone() argument 1 must be datetime.timedelta, not %N", offset);
    if (!IS_NULL(name) && !IS_STR(name))
        return err_format(&exc_TypeError, "timezone() argument 2 must be str, not %N", name);
    return tz_timezone_new(offset, name);
}

/* CPython's timezone_str: the name, or UTC+HH:MM[:SS[.ffffff]]. */
static Value tz_timezone_str(Value self) {
    const DtTimezone *z = TZ(self);
    if (!IS_NULL(z->name)) return z->name;
    if (self == tz_utc || td_is_zero(z->offset)) return str_from_c("UTC");
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, "UTC");
    if (dtf_offset(&sb, z->offset, ":") < 0) {
        sb_free(&sb);
        return VAL_NULL;
    }
    return sb_finish_str(&sb);
}

static int tz_check_arg(Value dt, const char *meth) {
    if (IS_NONE(dt) || DT_IS_DT(dt)) return 0;
    err_format(&exc_TypeError, "%s(dt) argument must be a datetime instance or None, not %T", meth, dt);
    return -1;
}

static Value tz_utcoffset_m(Value *args, int nargs, Value kwnames) {
    return tz_check_arg(args[1], "utcoffset") < 0 ? VAL_NULL : TZ(args[0])->offset;
}

static Value tz_dst_m(Value *args, int nargs, Value kwnames) {
    return tz_check_arg(args[1], "dst") < 0 ? VAL_NULL : VAL_NONE;
}

static Value tz_tzname_m(Value *args, int nargs, Value kwnames) {
    return tz_check_arg(args[1], "tzname") < 0 ? VAL_NULL : tz_timezone_str(args[0]);
}

static Value tz_fromutc_m(Value *args, int nargs, Value kwnames) {
    if (IS_NULL(tz_fromutc_check(args[0], args[1]))) return VAL_NULL;
    return dtm_add_delta(args[1], TZ(args[0])->offset, 1);
}

static Value tz_getinitargs_m(Value *args, int nargs, Value kwnames) {
    const DtTimezone *z = TZ(args[0]);
    return IS_NULL(z->name) ? tuple_pack(1, z->offset) : tuple_pack(2, z->offset, z->name);
}

static Value tz_str_m(Value *args, int nargs, Value kwnames) { return tz_timezone_str(args[0]); }

static Value tz_repr_m(Value *args, int nargs, Value kwnames) {
    const DtTimezone *z = TZ(args[0]);
    const char *name = val_type_name(args[0]);
    if (args[0] == tz_utc) return str_from_c("datetime.timezone.utc");
    if (IS_NULL(z->name)) return str_format_c("%s(%R)", name, z->offset);
    return str_format_c("%s(%R, %R)", name, z->offset, z->name);
}

static Value tz_eq(Value *args, int ne) {
    if (!IS_TIMEZONE(args[1])) return VAL_NOTIMPLEMENTED;
    return MK_BOOL((td_cmp(TZ(args[0])->offset, TZ(args[1])->offset) == 0) != ne);
}

static Value tz_eq_m(Value *args, int nargs, Value kwnames) { return tz_eq(args, 0); }
static Value tz_ne_m(Value *args, int nargs, Value kwnames) { return tz_eq(args, 1); }

static Value tz_unordered_m(Value *args, int nargs, Value kwnames) { return VAL_NOTIMPLEMENTED; }

static Value tz_hash_m(Value *args, int nargs, Value kwnames) {
    int64_t h = obj_hash(TZ(args[0])->offset);
    return h == -1 ? VAL_NULL : int_from_i64(h);
}

static void tz_trace(Obj *o) {
    gc_mark_value(((DtTimezone *)o)->offset);
    gc_mark_value(((DtTimezone *)o)->name);
}

static const MethodDef tz_methods[] = {
    {"__new__", tz_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"tzname", tz_tzname_m, ARGS_ONE, "If name is specified when timezone is created, returns the name.  "
     "Otherwise returns offset as 'UTC(+|-)HH:MM'."},
    {"utcoffset", tz_utcoffset_m, ARGS_ONE, "Return fixed offset."},
    {"dst", tz_dst_m, ARGS_ONE, "Return None."},
    {"fromutc", tz_fromutc_m, ARGS_ONE, "datetime in UTC -> datetime in local time."},
    {"__getinitargs__", tz_getinitargs_m, ARGS_NONE, "pickle support"},
    {"__repr__", tz_repr_m, ARGS_WRAP(0), NULL},
    {"__str__", tz_str_m, ARGS_WRAP(0), NULL},
    {"__eq__", tz_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", tz_ne_m, ARGS_WRAP(1), NULL},
    {"__lt__", tz_unordered_m, ARGS_WRAP(1), NULL},
    {"__le__", tz_unordered_m, ARGS_WRAP(1), NULL},
    {"__gt__", tz_unordered_m, ARGS_WRAP(1), NULL},
    {"__ge__", tz_unordered_m, ARGS_WRAP(1), NULL},
    {"__hash__", tz_hash_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

Type dt_type_timezone = {
    .tp_name = "datetime.timezone", .base = &dt_type_tzinfo, .flags = 0,
    .basicsize = sizeof(DtTimezone), .trace = tz_trace, .methods = tz_methods,
};
GILPY_TYPE(dt_type_timezone, NULL);
