/* dt_time.c - `time`: a time of day, with an optional tzinfo and PEP 495's
 * fold.  The fields are a DtClock, shared with datetime, so formatting
 * (dt_format.c) serves both.
 *
 * Comparison and hashing follow CPython: times with the same tzinfo object
 * compare field by field; otherwise the UTC offsets (tzinfo.utcoffset(None))
 * decide: both naive or equal offsets compare fields, two different offsets
 * compare the minutes past midnight minus the offsets (their microseconds
 * ignored, as CPython's), and naive against aware is unequal and unordered. */
#include <stdio.h>
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/gc.h"
#include "runtime/strbuf.h"
#include "stdlib/datetime.h"

Value tod_new_exact(Type *cls, int hh, int mm, int ss, int us, Value tz, int fold) {
    if (dtc_check_time(hh, mm, ss, us, fold) < 0 || tz_check_tzinfo(tz) < 0) return VAL_NULL;
    DtTime *t = (DtTime *)obj_new_instance(cls);
    if (!t) return VAL_NULL;
    t->c = (DtClock){(uint8_t)hh, (uint8_t)mm, (uint8_t)ss, (uint8_t)fold, us, tz};
    return MK_OBJ(t);
}

static Value tod_from_state(Type *cls, const uint8_t *st, Value tz) {
    if (!IS_NONE(tz) && !DT_IS_TZINFO(tz)) return err_format(&exc_TypeError, "bad tzinfo state arg");
    DtTime *t = (DtTime *)obj_new_instance(cls);
    if (!t) return VAL_NULL;
    t->c = (DtClock){(uint8_t)(st[0] & 0x7f), st[1], st[2], (uint8_t)(st[0] >> 7),
                     (st[3] << 16) | (st[4] << 8) | st[5], tz};
    return MK_OBJ(t);
}

static const char *const tod_kw[] = {"hour", "minute", "second", "microsecond", "tzinfo", "fold"};

/* The six fields from parsed arguments (VAL_NULL: keep what v/tz hold). */
static int tod_fields(const Value *a, int v[6], Value *tz) {
    for (int i = 0; i < 6; i++) {
        if (i == 4) {
            if (!IS_NULL(a[4])) *tz = a[4];
        } else if (dtc_int_field(a[i], &v[i], tod_kw, i, 0) < 0) {
            return -1;
        }
    }
    return 0;
}

static Value tod_new_m(Value *args, int nargs, Value kwnames) {
    Type *cls = AS_TYPE(args[0]);
    uint8_t st[6];
    if (nargs == 2 || nargs == 3) {
        int r = dtc_state_arg(args[1], st, 6, 0, 0x7f, 0, 23, "time");
        if (r < 0) return VAL_NULL;
        if (r) return tod_from_state(cls, st, nargs == 3 ? args[2] : VAL_NONE);
    }
    Value a[6];
    int v[6] = {0, 0, 0, 0, 0, 0};
    Value tz = VAL_NONE;
    if (dtc_parse_args(args + 1, nargs - 1, kwnames, tod_kw, 6, 5, 0, a) < 0 || tod_fields(a, v, &tz) < 0)
        return VAL_NULL;
    return tod_new_exact(cls, v[0], v[1], v[2], v[3], tz, v[5]);
}

#define SELF TOD(args[0])
#define SELF_TYPE AS_OBJ(args[0])->type

static Value tod_replace_m(Value *args, int nargs, Value kwnames) {
    const DtClock *c = &SELF->c;
    int v[6] = {c->hour, c->minute, c->second, c->us, 0, c->fold};
    Value tz = c->tzinfo;
    if (tod_fields(args + 1, v, &tz) < 0) return VAL_NULL;
    return tod_new_exact(SELF_TYPE, v[0], v[1], v[2], v[3], tz, v[5]);
}

static Value tod_fromisoformat_m(Value *args, int nargs, Value kwnames) {
    Value s = args[1];
    if (!IS_STR(s)) return err_format(&exc_TypeError, "fromisoformat: argument must be str");
    if (str_has_surrogates(s)) return dtf_invalid_iso(s);
    const char *p = STR_DATA(s);
    size_t n = (size_t)STR_LEN(s);
    if (n > 0 && *p == 'T') { p++; n--; }
    int hh, mm, ss, us, tzsec = 0, tzus = 0;
    int rv = dtf_parse_time(p, n, &hh, &mm, &ss, &us, &tzsec, &tzus);
    if (rv < 0) return dtf_invalid_iso(s);
    Value tz = dtf_tz_from_parse(rv, tzsec, tzus);
    if (IS_NULL(tz)) return VAL_NULL;
    Type *cls = AS_TYPE(args[0]);
    if (cls == &dt_type_time) return tod_new_exact(cls, hh, mm, ss, us, tz, 0);
    Value argv[5] = {MK_SMALLINT(hh), MK_SMALLINT(mm), MK_SMALLINT(ss), MK_SMALLINT(us), tz};
    return dtc_call_class(cls, argv, 5, 0);
}

/* ---- views ------------------------------------------------------------------------------------ */

static Value tod_utcoffset_m(Value *args, int nargs, Value kwnames) {
    return tz_call_utcoffset(SELF->c.tzinfo, VAL_NONE);
}

static Value tod_dst_m(Value *args, int nargs, Value kwnames) {
    return tz_call_dst(SELF->c.tzinfo, VAL_NONE);
}

static Value tod_tzname_m(Value *args, int nargs, Value kwnames) {
    return tz_call_tzname(SELF->c.tzinfo, VAL_NONE);
}

static Value tod_isoformat(Value self, Value timespec) {
    StrBuf sb;
    sb_init(&sb);
    if (dtf_clock_iso(&sb, &TOD(self)->c, timespec, VAL_NONE) < 0) {
        sb_free(&sb);
        return VAL_NULL;
    }
    return sb_finish_str(&sb);
}

static Value tod_isoformat_m(Value *args, int nargs, Value kwnames) {
    if (!IS_NULL(args[1]) && !IS_STR(args[1]))
        return err_format(&exc_TypeError, "isoformat() argument 1 must be str, not %N", args[1]);
    return tod_isoformat(args[0], args[1]);
}

static Value tod_str_m(Value *args, int nargs, Value kwnames) {
    return tod_isoformat(args[0], VAL_NULL);
}

static Value tod_repr_m(Value *args, int nargs, Value kwnames) {
    const DtClock *c = &SELF->c;
    const char *name = type_name(SELF_TYPE);
    Value head = c->us ? str_format_c("%s(%d, %d, %d, %d)", name, c->hour, c->minute, c->second, c->us)
               : c->second ? str_format_c("%s(%d, %d, %d)", name, c->hour, c->minute, c->second)
               : str_format_c("%s(%d, %d)", name, c->hour, c->minute);
    return IS_NULL(head) ? VAL_NULL : dtf_repr_tail(head, c, 0);
}

static Value tod_strftime_m(Value *args, int nargs, Value kwnames) {
    Value fmt = args[1];
    if (!IS_STR(fmt)) return err_format(&exc_TypeError, "strftime() argument 1 must be str, not %N", fmt);
    const DtClock *c = &SELF->c;
    Value tt = tuple_pack(9, MK_SMALLINT(1900), MK_SMALLINT(1), MK_SMALLINT(1), MK_SMALLINT(c->hour),
                          MK_SMALLINT(c->minute), MK_SMALLINT(c->second), MK_SMALLINT(0), MK_SMALLINT(1),
                          MK_SMALLINT(-1));
    return IS_NULL(tt) ? VAL_NULL : dtf_strftime(fmt, tt, c->tzinfo, VAL_NONE, c->us);
}

static Value tod_format_m(Value *args, int nargs, Value kwnames) {
    return dtf_format_m(args[0], args[1]);
}

static Value tod_reduce(Value self, int proto) {
    uint8_t st[6];
    dtf_pack_clock(&TOD(self)->c, st, proto > 3);
    Value b = bytes_new(st, 6);
    if (IS_NULL(b)) return VAL_NULL;
    Value tz = TOD(self)->c.tzinfo;
    Value a = IS_NONE(tz) ? tuple_pack(1, b) : tuple_pack(2, b, tz);
    return IS_NULL(a) ? VAL_NULL : tuple_pack(2, MK_OBJ(AS_OBJ(self)->type), a);
}

static Value tod_reduce_ex_m(Value *args, int nargs, Value kwnames) {
    int proto;
    return dtc_int_arg(args[1], &proto) < 0 ? VAL_NULL : tod_reduce(args[0], proto);
}

static Value tod_reduce_m(Value *args, int nargs, Value kwnames) {
    return tod_reduce(args[0], 2);
}

/* ---- comparison and hashing --------------------------------------------------------------- */

static int64_t tod_field_cmp(const DtClock *a, const DtClock *b) {
    int64_t x = ((a->hour * 60 + a->minute) * 60 + a->second) * 1000000LL + a->us;
    int64_t y = ((b->hour * 60 + b->minute) * 60 + b->second) * 1000000LL + b->us;
    return x < y ? -1 : x > y;
}

static Value tod_richcompare(Value self, Value other, int op) {
    if (!DT_IS_TIME(other)) return VAL_NOTIMPLEMENTED;
    const DtClock *a = &TOD(self)->c, *b = &TOD(other)->c;
    if (a->tzinfo == b->tzinfo) return dt_cmp_result((int)tod_field_cmp(a, b), op);
    Value o1 = tz_call_utcoffset(a->tzinfo, VAL_NONE);
    Value o2 = IS_NULL(o1) ? VAL_NULL : tz_call_utcoffset(b->tzinfo, VAL_NONE);
    if (IS_NULL(o2)) return VAL_NULL;
    if (IS_NONE(o1) && IS_NONE(o2)) return dt_cmp_result((int)tod_field_cmp(a, b), op);
    if (!IS_NONE(o1) && !IS_NONE(o2)) {
        if (td_cmp(o1, o2) == 0) return dt_cmp_result((int)tod_field_cmp(a, b), op);
        int64_t s1 = a->hour * 3600 + a->minute * 60 + a->second - TD(o1)->days * 86400LL - TD(o1)->seconds;
        int64_t s2 = b->hour * 3600 + b->minute * 60 + b->second - TD(o2)->days * 86400LL - TD(o2)->seconds;
        int64_t diff = s1 != s2 ? s1 - s2 : a->us - b->us;
        return dt_cmp_result(diff < 0 ? -1 : diff > 0, op);
    }
    if (op == CMP_EQ) return VAL_FALSE;
    if (op == CMP_NE) return VAL_TRUE;
    return err_format(&exc_TypeError, "can't compare offset-naive and offset-aware times");
}

#define TOD_CMP(name, op) \
    static Value name(Value *args, int nargs, Value kwnames) { return tod_richcompare(args[0], args[1], op); }
TOD_CMP(tod_eq_m, CMP_EQ) TOD_CMP(tod_ne_m, CMP_NE) TOD_CMP(tod_lt_m, CMP_LT)
TOD_CMP(tod_le_m, CMP_LE) TOD_CMP(tod_gt_m, CMP_GT) TOD_CMP(tod_ge_m, CMP_GE)

/* The hash of an equal naive time's bytes, or of its UTC offset's complement; -1 on error. */
static int64_t tod_hash(const DtClock *c) {
    Value off = tz_call_utcoffset(c->tzinfo, VAL_NONE);
    if (IS_NULL(off)) return -1;
    if (IS_NONE(off)) {
        uint8_t st[6];
        dtf_pack_clock(c, st, 0);
        return dtc_hash_bytes(st, 6);
    }
    Value t = td_new(0, c->hour * 3600 + c->minute * 60 + c->second, c->us);
    Value u = IS_NULL(t) ? VAL_NULL : td_add(t, off, -1);
    return IS_NULL(u) ? -1 : obj_hash(u);
}

static Value tod_hash_m(Value *args, int nargs, Value kwnames) {
    DtClock *c = &SELF->c;
    if (!c->hash) c->hash = tod_hash(c);
    return c->hash == -1 ? (c->hash = 0, VAL_NULL) : int_from_i64(c->hash);
}

/* ---- attributes ---------------------------------------------------------------------------- */

static Value tod_get_hour(Value self) { return MK_SMALLINT(TOD(self)->c.hour); }
static Value tod_get_minute(Value self) { return MK_SMALLINT(TOD(self)->c.minute); }
static Value tod_get_second(Value self) { return MK_SMALLINT(TOD(self)->c.second); }
static Value tod_get_us(Value self) { return MK_SMALLINT(TOD(self)->c.us); }
static Value tod_get_tzinfo(Value self) { return TOD(self)->c.tzinfo; }
static Value tod_get_fold(Value self) { return MK_SMALLINT(TOD(self)->c.fold); }

static void tod_trace(Obj *o) { gc_mark_value(((DtTime *)o)->c.tzinfo); }

static const GetSetDef tod_getsets[] = {
    {"hour", tod_get_hour, NULL, NULL},
    {"minute", tod_get_minute, NULL, NULL},
    {"second", tod_get_second, NULL, NULL},
    {"microsecond", tod_get_us, NULL, NULL},
    {"tzinfo", tod_get_tzinfo, NULL, NULL},
    {"fold", tod_get_fold, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef tod_methods[] = {
    {"__new__", tod_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"isoformat", tod_isoformat_m, ARGS_KW, "Return string in ISO 8601 format, [HH[:MM[:SS[.mmm[uuu]]]]]"
     "[+HH:MM].\n\nThe optional argument timespec specifies the number of additional terms\nof the time to "
     "include. Valid options are 'auto', 'hours', 'minutes',\n'seconds', 'milliseconds' and 'microseconds'.\n",
     "($self, /, timespec='auto')"},
    {"strftime", tod_strftime_m, ARGS_KW, "format -> strftime() style string.", "($self, /, format)"},
    {"__format__", tod_format_m, ARGS_ONE, "Formats self with strftime."},
    {"utcoffset", tod_utcoffset_m, ARGS_NONE, "Return self.tzinfo.utcoffset(self)."},
    {"tzname", tod_tzname_m, ARGS_NONE, "Return self.tzinfo.tzname(self)."},
    {"dst", tod_dst_m, ARGS_NONE, "Return self.tzinfo.dst(self)."},
    {"replace", tod_replace_m, ARGS_KW, "Return time with new specified fields.",
     "($self, /, hour=None, minute=None, second=None, microsecond=None, tzinfo=None, *, fold=None)"},
    {"fromisoformat", tod_fromisoformat_m, METH_CLASS | ARGS_ONE, "string -> time from a string in ISO 8601 format"},
    {"__reduce_ex__", tod_reduce_ex_m, ARGS_ONE, "__reduce_ex__(proto) -> (cls, state)"},
    {"__reduce__", tod_reduce_m, ARGS_NONE, "__reduce__() -> (cls, state)"},
    {"__repr__", tod_repr_m, ARGS_WRAP(0), NULL},
    {"__str__", tod_str_m, ARGS_WRAP(0), NULL},
    {"__hash__", tod_hash_m, ARGS_WRAP(0), NULL},
    {"__eq__", tod_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", tod_ne_m, ARGS_WRAP(1), NULL},
    {"__lt__", tod_lt_m, ARGS_WRAP(1), NULL},
    {"__le__", tod_le_m, ARGS_WRAP(1), NULL},
    {"__gt__", tod_gt_m, ARGS_WRAP(1), NULL},
    {"__ge__", tod_ge_m, ARGS_WRAP(1), NULL},
    {NULL, NULL, 0, NULL},
};

Type dt_type_time = {
    .tp_name = "datetime.time", .base = &type_object, .flags = TF_BASETYPE,
    .basicsize = sizeof(DtTime), .trace = tod_trace, .methods = tod_methods, .getsets = tod_getsets,
};
GILPY_TYPE(dt_type_time, NULL);
