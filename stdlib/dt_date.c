/* dt_date.c - `date`: a day of the proleptic Gregorian calendar.
 *
 * datetime derives from date and extends its layout, so the functions here
 * read a datetime's date part as they read a date; the ones a datetime must
 * not inherit as they are (comparison, subtraction, hashing) are overridden
 * in dt_datetime.c, and strftime looks at what it was given (a datetime's
 * tzinfo and microseconds serve %z, %Z and %f).
 *
 * Results of arithmetic and of the alternative constructors have the type of
 * the operand or class they came from: an exact date is allocated here,
 * any other class is called with (year, month, day), so a subclass's own
 * __new__ runs, as CPython's new_date_subclass_ex does. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/gc.h"
#include "runtime/strbuf.h"
#include "runtime/structseq.h"
#include "interp/import.h"
#include "stdlib/datetime.h"

/* ---- construction ------------------------------------------------------------------------ */

static Value date_alloc(Type *cls, int y, int m, int d) {
    DtDate *o = (DtDate *)obj_new_instance(cls);
    if (!o) return VAL_NULL;
    o->year = y;
    o->month = (uint8_t)m;
    o->day = (uint8_t)d;
    return MK_OBJ(o);
}

Value date_new_exact(Type *cls, int y, int m, int d) {
    return dtc_check_date(y, m, d) < 0 ? VAL_NULL : date_alloc(cls, y, m, d);
}

Value date_new_sub(Type *cls, int y, int m, int d) {
    if (cls == &dt_type_date) return date_new_exact(cls, y, m, d);
    if (cls == &dt_type_datetime) return dtm_new_exact(cls, y, m, d, 0, 0, 0, 0, VAL_NONE, 0);
    return call3(MK_OBJ(cls), MK_SMALLINT(y), MK_SMALLINT(m), MK_SMALLINT(d));
}

static const char *const date_kw[] = {"year", "month", "day"};

static Value date_new_m(Value *args, int nargs, Value kwnames) {
    Type *cls = AS_TYPE(args[0]);
    uint8_t st[4];
    if (nargs == 2) {
        int r = dtc_state_arg(args[1], st, 4, 2, 0xff, 1, 12, "date");
        if (r < 0) return VAL_NULL;
        if (r) return date_alloc(cls, st[0] * 256 + st[1], st[2], st[3]);
    }
    Value a[3];
    int v[3];
    if (nargs == 4 && IS_NULL(kwnames)) {      /* the common call: three positional ints */
        for (int i = 0; i < 3; i++)
            if (dtc_int_arg(args[i + 1], &v[i]) < 0) return VAL_NULL;
        return date_new_exact(cls, v[0], v[1], v[2]);
    }
    if (dtc_parse_args(args + 1, nargs - 1, kwnames, date_kw, 3, 3, 3, a) < 0) return VAL_NULL;
    for (int i = 0; i < 3; i++)
        if (dtc_int_field(a[i], &v[i], date_kw, i, 3) < 0) return VAL_NULL;
    return date_new_exact(cls, v[0], v[1], v[2]);
}

#define SELF DATE(args[0])
#define SELF_TYPE AS_OBJ(args[0])->type

static Value date_fromtimestamp_m(Value *args, int nargs, Value kwnames) {
    int64_t t;
    int us;
    struct tm tm;
    if (dtc_timestamp_split(args[1], &t, &us, 1) < 0 || dtc_tm_of(t, 1, &tm) < 0) return VAL_NULL;
    return date_new_sub(AS_TYPE(args[0]), tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static Value date_today_m(Value *args, int nargs, Value kwnames) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    Value now = MK_FLOAT((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
    return obj_call_method(args[0], "fromtimestamp", &now, 1);
}

static Value date_fromordinal_m(Value *args, int nargs, Value kwnames) {
    int ord, y, m, d;
    if (dtc_int_arg(args[1], &ord) < 0) return VAL_NULL;
    if (ord < 1) return err_format(&exc_ValueError, "ordinal must be >= 1");
    dtc_ord_to_ymd(ord, &y, &m, &d);
    return date_new_sub(AS_TYPE(args[0]), y, m, d);
}

static Value date_fromisoformat_m(Value *args, int nargs, Value kwnames) {
    Value s = args[1];
    int y, m, d;
    if (!IS_STR(s)) return err_format(&exc_TypeError, "fromisoformat: argument must be str");
    size_t n = (size_t)STR_LEN(s);
    if (str_has_surrogates(s) || (n != 7 && n != 8 && n != 10) || dtf_parse_date(STR_DATA(s), n, &y, &m, &d) < 0)
        return dtf_invalid_iso(s);
    return date_new_sub(AS_TYPE(args[0]), y, m, d);
}

static Value date_fromisocalendar_m(Value *args, int nargs, Value kwnames) {
    int v[3], y, m, d;
    for (int i = 0; i < 3; i++)
        if (dtc_int_arg(args[i + 1], &v[i]) < 0) {
            if (err_matches(&exc_OverflowError)) {
                err_clear();
                err_format(&exc_ValueError, "ISO calendar component out of range");
            }
            return VAL_NULL;
        }
    if (v[0] < DT_MINYEAR || v[0] > DT_MAXYEAR) return err_format(&exc_ValueError, "Year is out of range: %d", v[0]);
    int r = dtc_iso_to_ymd(v[0], v[1], v[2], &y, &m, &d);
    if (r == -2) return err_format(&exc_ValueError, "Invalid week: %d", v[1]);
    if (r == -3) return err_format(&exc_ValueError, "Invalid day: %d (range is [1, 7])", v[2]);
    return date_new_sub(AS_TYPE(args[0]), y, m, d);
}

/* ---- views ------------------------------------------------------------------------------------ */

static Value date_struct_time = VAL_NULL;     /* time.struct_time, looked up once */

Value date_timetuple(int y, int m, int d, int hh, int mm, int ss, int dstflag) {
    if (IS_NULL(date_struct_time)) {
        Value tmod = import_module_c("time");
        Value st = IS_NULL(tmod) ? VAL_NULL : obj_getattr_c(tmod, "struct_time");
        if (IS_NULL(st)) return VAL_NULL;
        date_struct_time = st;
        gc_add_root(&date_struct_time);
    }
    int yday = dtc_days_before_month(y, m) + d;
    Value t = tuple_pack(9, MK_SMALLINT(y), MK_SMALLINT(m), MK_SMALLINT(d), MK_SMALLINT(hh),
                         MK_SMALLINT(mm), MK_SMALLINT(ss), MK_SMALLINT(dtc_weekday(y, m, d)),
                         MK_SMALLINT(yday), MK_SMALLINT(dstflag));
    return IS_NULL(t) ? VAL_NULL : call1(date_struct_time, t);
}

Value date_ctime(int y, int m, int d, int hh, int mm, int ss) {
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                                         "Oct", "Nov", "Dec"};
    char buf[64];
    snprintf(buf, sizeof buf, "%s %s %2d %02d:%02d:%02d %04d", days[dtc_weekday(y, m, d)], months[m - 1],
             d, hh, mm, ss, y);
    return str_from_c(buf);
}

static const char *const date_isocal_fields[] = {"year", "week", "weekday"};
static StructSeqDesc date_isocal_desc = {"datetime.IsoCalendarDate", date_isocal_fields, 3, 3};

static Value date_isocal_reduce_m(Value *args, int nargs, Value kwnames) {
    Value t = tuple_from_array(AS_TUPLE(args[0])->items, 3);
    Value a = IS_NULL(t) ? VAL_NULL : tuple_pack(1, t);
    return IS_NULL(a) ? VAL_NULL : tuple_pack(2, MK_OBJ(&type_tuple), a);
}

static const MethodDef date_isocal_methods[] = {
    {"__reduce__", date_isocal_reduce_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};

/* A structseq whose pickle is a plain tuple, as CPython's. */
Type *date_isocal_type(void) {
    static int ready;
    Type *t = structseq_type(&date_isocal_desc);
    if (!ready) {
        ready = 1;
        dict_add_methods(t->dict, date_isocal_methods, MK_OBJ(t));
        type_update_slots(t, VAL_NULL);
    }
    return t;
}

Value date_isocalendar_of(int y, int m, int d) {
    int year = y, today = dtc_ymd_to_ord(y, m, d);
    int diff = today - dtc_iso_week1_monday(year);
    if (diff < 0) {
        year--;
        diff = today - dtc_iso_week1_monday(year);
    } else if (diff >= 52 * 7 && today >= dtc_iso_week1_monday(year + 1)) {
        year++;
        diff %= 7;              /* week 1, same weekday */
    }
    date_isocal_type();
    Value r = structseq_new(&date_isocal_desc);
    if (IS_NULL(r)) return VAL_NULL;
    STRUCTSEQ_ITEMS(r)[0] = MK_SMALLINT(year);
    STRUCTSEQ_ITEMS(r)[1] = MK_SMALLINT(diff / 7 + 1);
    STRUCTSEQ_ITEMS(r)[2] = MK_SMALLINT(diff % 7 + 1);
    return r;
}

static Value date_timetuple_m(Value *args, int nargs, Value kwnames) {
    return date_timetuple(SELF->year, SELF->month, SELF->day, 0, 0, 0, -1);
}

static Value date_ctime_m(Value *args, int nargs, Value kwnames) {
    return date_ctime(SELF->year, SELF->month, SELF->day, 0, 0, 0);
}

static Value date_isocalendar_m(Value *args, int nargs, Value kwnames) {
    return date_isocalendar_of(SELF->year, SELF->month, SELF->day);
}

static Value date_toordinal_m(Value *args, int nargs, Value kwnames) {
    return MK_SMALLINT(dtc_ymd_to_ord(SELF->year, SELF->month, SELF->day));
}

static Value date_weekday_m(Value *args, int nargs, Value kwnames) {
    return MK_SMALLINT(dtc_weekday(SELF->year, SELF->month, SELF->day));
}

static Value date_isoweekday_m(Value *args, int nargs, Value kwnames) {
    return MK_SMALLINT(dtc_weekday(SELF->year, SELF->month, SELF->day) + 1);
}

static Value date_isoformat_m(Value *args, int nargs, Value kwnames) {
    char buf[32];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", SELF->year, SELF->month, SELF->day);
    return str_from_c(buf);
}

static Value date_repr_m(Value *args, int nargs, Value kwnames) {
    return str_format_c("%s(%d, %d, %d)", type_name(SELF_TYPE), SELF->year, SELF->month, SELF->day);
}

static Value date_strftime_m(Value *args, int nargs, Value kwnames) {
    Value self = args[0], fmt = args[1];
    if (!IS_STR(fmt)) return err_format(&exc_TypeError, "strftime() argument 1 must be str, not %N", fmt);
    Value tt = obj_call_method(self, "timetuple", NULL, 0);
    if (IS_NULL(tt)) return VAL_NULL;
    if (DT_IS_DT(self)) return dtf_strftime(fmt, tt, DTM(self)->c.tzinfo, self, DTM(self)->c.us);
    return dtf_strftime(fmt, tt, VAL_NONE, self, 0);
}

static Value date_format_m(Value *args, int nargs, Value kwnames) {
    return dtf_format_m(args[0], args[1]);
}

static Value date_replace_m(Value *args, int nargs, Value kwnames) {
    int v[3] = {SELF->year, SELF->month, SELF->day};
    for (int i = 0; i < 3; i++)
        if (!IS_NULL(args[i + 1]) && dtc_int_arg(args[i + 1], &v[i]) < 0) return VAL_NULL;
    return date_new_exact(SELF_TYPE, v[0], v[1], v[2]);
}

static Value date_reduce_m(Value *args, int nargs, Value kwnames) {
    uint8_t st[4];
    dtf_pack_date(SELF, st);
    Value b = bytes_new(st, 4);
    Value a = IS_NULL(b) ? VAL_NULL : tuple_pack(1, b);
    return IS_NULL(a) ? VAL_NULL : tuple_pack(2, MK_OBJ(SELF_TYPE), a);
}

static Value date_hash_m(Value *args, int nargs, Value kwnames) {
    if (!SELF->hash) {
        uint8_t st[4];
        dtf_pack_date(SELF, st);
        SELF->hash = dtc_hash_bytes(st, 4);
    }
    return int_from_i64(SELF->hash);
}

/* ---- comparison and arithmetic ------------------------------------------------------------- */

static int date_cmp(const DtDate *a, const DtDate *b) {
    if (a->year != b->year) return a->year < b->year ? -1 : 1;
    if (a->month != b->month) return a->month < b->month ? -1 : 1;
    return a->day < b->day ? -1 : a->day > b->day;
}

#define DATE_CMP(name, op)                                                              \
    static Value name(Value *args, int nargs, Value kwnames) {                          \
        if (!DT_IS_DATE(args[1])) return VAL_NOTIMPLEMENTED;                            \
        return dt_cmp_result(date_cmp(SELF, DATE(args[1])), op);                       \
    }
DATE_CMP(date_eq_m, CMP_EQ) DATE_CMP(date_ne_m, CMP_NE) DATE_CMP(date_lt_m, CMP_LT)
DATE_CMP(date_le_m, CMP_LE) DATE_CMP(date_gt_m, CMP_GT) DATE_CMP(date_ge_m, CMP_GE)

static Value date_plus_days(Value date, Value delta, int sign) {
    const DtDate *d = DATE(date);
    int y = d->year, m = d->month, day = d->day + sign * TD(delta)->days;
    if (dtc_normalize_date(&y, &m, &day) < 0) return VAL_NULL;
    return date_new_sub(AS_OBJ(date)->type, y, m, day);
}

static Value date_add_m(Value *args, int nargs, Value kwnames) {
    if (!DT_IS_DELTA(args[1])) return VAL_NOTIMPLEMENTED;
    return date_plus_days(args[0], args[1], 1);
}

static Value date_sub_m(Value *args, int nargs, Value kwnames) {
    Value b = args[1];
    if (DT_IS_DT(args[0]) || DT_IS_DT(b)) return VAL_NOTIMPLEMENTED;
    if (DT_IS_DELTA(b)) return date_plus_days(args[0], b, -1);
    if (!DT_IS_DATE(b)) return VAL_NOTIMPLEMENTED;
    int a1 = dtc_ymd_to_ord(SELF->year, SELF->month, SELF->day);
    int a2 = dtc_ymd_to_ord(DATE(b)->year, DATE(b)->month, DATE(b)->day);
    return td_new(a1 - a2, 0, 0);
}

/* other - self: what a date subclass of the left operand declined. */
static Value date_rsub_m(Value *args, int nargs, Value kwnames) {
    if (!DT_IS_DATE(args[1])) return VAL_NOTIMPLEMENTED;
    return date_sub_m((Value[]){args[1], args[0]}, 2, VAL_NULL);
}

static Value date_get_year(Value self) { return MK_SMALLINT(DATE(self)->year); }
static Value date_get_month(Value self) { return MK_SMALLINT(DATE(self)->month); }
static Value date_get_day(Value self) { return MK_SMALLINT(DATE(self)->day); }

static const GetSetDef date_getsets[] = {
    {"year", date_get_year, NULL, NULL},
    {"month", date_get_month, NULL, NULL},
    {"day", date_get_day, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef date_methods[] = {
    {"__new__", date_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"fromtimestamp", date_fromtimestamp_m, METH_CLASS | ARGS_ONE,
     "Create a date from a POSIX timestamp.\n\nThe timestamp is a number, e.g. created via time.time(), "
     "that is interpreted\nas local time."},
    {"today", date_today_m, METH_CLASS | ARGS_NONE, "Current date or datetime:  same as self.__class__.fromtimestamp(time.time())."},
    {"fromordinal", date_fromordinal_m, METH_CLASS | ARGS_ONE, "int -> date corresponding to a proleptic Gregorian ordinal."},
    {"fromisoformat", date_fromisoformat_m, METH_CLASS | ARGS_ONE, "str -> Construct a date from a string in ISO 8601 format."},
    {"fromisocalendar", date_fromisocalendar_m, METH_CLASS | ARGS_KW,
     "int, int, int -> Construct a date from the ISO year, week number and weekday.\n\n"
     "This is the inverse of the date.isocalendar() function", "($type, /, year, week, day)"},
    {"ctime", date_ctime_m, ARGS_NONE, "Return ctime() style string."},
    {"strftime", date_strftime_m, ARGS_KW, "format -> strftime() style string.", "($self, /, format)"},
    {"__format__", date_format_m, ARGS_ONE, "Formats self with strftime."},
    {"timetuple", date_timetuple_m, ARGS_NONE, "Return time tuple, compatible with time.localtime()."},
    {"isocalendar", date_isocalendar_m, ARGS_NONE, "Return a named tuple containing ISO year, week number, and weekday."},
    {"isoformat", date_isoformat_m, ARGS_NONE, "Return string in ISO 8601 format, YYYY-MM-DD."},
    {"isoweekday", date_isoweekday_m, ARGS_NONE, "Return the day of the week represented by the date.\nMonday == 1 ... Sunday == 7"},
    {"toordinal", date_toordinal_m, ARGS_NONE, "Return proleptic Gregorian ordinal.  January 1 of year 1 is day 1."},
    {"weekday", date_weekday_m, ARGS_NONE, "Return the day of the week represented by the date.\nMonday == 0 ... Sunday == 6"},
    {"replace", date_replace_m, ARGS_KW, "Return date with new specified fields.",
     "($self, /, year=None, month=None, day=None)"},
    {"__reduce__", date_reduce_m, ARGS_NONE, "__reduce__() -> (cls, state)"},
    {"__repr__", date_repr_m, ARGS_WRAP(0), NULL},
    {"__str__", date_isoformat_m, ARGS_WRAP(0), NULL},
    {"__hash__", date_hash_m, ARGS_WRAP(0), NULL},
    {"__eq__", date_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", date_ne_m, ARGS_WRAP(1), NULL},
    {"__lt__", date_lt_m, ARGS_WRAP(1), NULL},
    {"__le__", date_le_m, ARGS_WRAP(1), NULL},
    {"__gt__", date_gt_m, ARGS_WRAP(1), NULL},
    {"__ge__", date_ge_m, ARGS_WRAP(1), NULL},
    {"__add__", date_add_m, ARGS_WRAP(1), NULL},
    {"__radd__", date_add_m, ARGS_WRAP(1), NULL},
    {"__sub__", date_sub_m, ARGS_WRAP(1), NULL},
    {"__rsub__", date_rsub_m, ARGS_WRAP(1), NULL},
    {NULL, NULL, 0, NULL},
};

Type dt_type_date = {
    .tp_name = "datetime.date", .base = &type_object, .flags = TF_BASETYPE,
    .basicsize = sizeof(DtDate), .methods = date_methods, .getsets = date_getsets,
};
GILPY_TYPE(dt_type_date, NULL);
