/* mod_datetime.c - the `_datetime` module: CPython's `datetime.py` ends with
 * `from _datetime import *`, which replaces its pure-Python classes by these
 * (dt_*.c; datetime.h says which file holds what).  This file only gathers
 * them and sets the class attributes (min, max, resolution, timezone.utc),
 * once: the types are static, so importing the module afresh (as
 * test.support.import_fresh_module does) finds them already complete. */
#include "runtime/error.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "interp/modreg.h"
#include "stdlib/datetime.h"

GILPY_MODULE("_datetime", mod_datetime_init);

static int mod_datetime_set(Type *t, const char *name, Value v) {
    return IS_NULL(v) ? -1 : dict_set_c(t->dict, name, v);
}

static int mod_datetime_docs(void) {
    static const struct { Type *t; const char *doc; } docs[] = {
        {&dt_type_date, "date(year, month, day) --> date object"},
        {&dt_type_time, "time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object\n\nAll "
         "arguments are optional. tzinfo may be None, or an instance of\na tzinfo subclass. The remaining "
         "arguments may be ints.\n"},
        {&dt_type_datetime, "datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])\n\n"
         "The year, month and day arguments are required. tzinfo may be None, or an\ninstance of a tzinfo "
         "subclass. The remaining arguments may be ints.\n"},
        {&dt_type_delta, "Difference between two datetime values.\n\ntimedelta(days=0, seconds=0, "
         "microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)\n\nAll arguments are optional and "
         "default to 0.\nArguments may be integers or floats, and may be positive or negative."},
        {&dt_type_tzinfo, "Abstract base class for time zone info objects."},
        {&dt_type_timezone, "Fixed offset from UTC implementation of tzinfo."},
    };
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++)
        if (mod_datetime_set(docs[i].t, "__doc__", str_from_c(docs[i].doc)) < 0) return -1;
    return 0;
}

/* min, max and resolution of each class, timezone's utc, min and max. */
static int mod_datetime_class_attrs(void) {
    static int done;
    if (done) return 0;
    Value us = td_new(0, 0, 1);
    if (mod_datetime_set(&dt_type_delta, "min", td_new(-DT_MAX_DELTA_DAYS, 0, 0)) < 0
        || mod_datetime_set(&dt_type_delta, "max", td_new(DT_MAX_DELTA_DAYS, 86399, 999999)) < 0
        || mod_datetime_set(&dt_type_delta, "resolution", us) < 0
        || mod_datetime_set(&dt_type_date, "min", date_new_exact(&dt_type_date, 1, 1, 1)) < 0
        || mod_datetime_set(&dt_type_date, "max", date_new_exact(&dt_type_date, 9999, 12, 31)) < 0
        || mod_datetime_set(&dt_type_date, "resolution", td_new(1, 0, 0)) < 0
        || mod_datetime_set(&dt_type_time, "min", tod_new_exact(&dt_type_time, 0, 0, 0, 0, VAL_NONE, 0)) < 0
        || mod_datetime_set(&dt_type_time, "max",
                            tod_new_exact(&dt_type_time, 23, 59, 59, 999999, VAL_NONE, 0)) < 0
        || mod_datetime_set(&dt_type_time, "resolution", us) < 0
        || mod_datetime_set(&dt_type_datetime, "min",
                            dtm_new_exact(&dt_type_datetime, 1, 1, 1, 0, 0, 0, 0, VAL_NONE, 0)) < 0
        || mod_datetime_set(&dt_type_datetime, "max",
                            dtm_new_exact(&dt_type_datetime, 9999, 12, 31, 23, 59, 59, 999999, VAL_NONE, 0)) < 0
        || mod_datetime_set(&dt_type_datetime, "resolution", us) < 0)
        return -1;
    Value zero = td_new(0, 0, 0), lo = td_new(0, -(23 * 3600 + 59 * 60), 0), hi = td_new(0, 23 * 3600 + 59 * 60, 0);
    if (IS_NULL(zero) || IS_NULL(lo) || IS_NULL(hi)
        || mod_datetime_set(&dt_type_timezone, "utc", tz_timezone_new(zero, VAL_NULL)) < 0
        || mod_datetime_set(&dt_type_timezone, "min", tz_timezone_new(lo, VAL_NULL)) < 0
        || mod_datetime_set(&dt_type_timezone, "max", tz_timezone_new(hi, VAL_NULL)) < 0)
        return -1;
    date_isocal_type();
    done = 1;
    return mod_datetime_docs();
}

Value mod_datetime_init(void) {
    Value m = module_new_c("_datetime");
    if (IS_NULL(m) || mod_datetime_class_attrs() < 0) return VAL_NULL;
    Value d = MODULE_DICT(m);
    if (dict_set_c(d, "__doc__", str_from_c("Fast implementation of the datetime type.")) < 0
        || dict_set_c(d, "MINYEAR", MK_SMALLINT(DT_MINYEAR)) < 0
        || dict_set_c(d, "MAXYEAR", MK_SMALLINT(DT_MAXYEAR)) < 0
        || dict_set_c(d, "date", MK_OBJ(&dt_type_date)) < 0
        || dict_set_c(d, "time", MK_OBJ(&dt_type_time)) < 0
        || dict_set_c(d, "datetime", MK_OBJ(&dt_type_datetime)) < 0
        || dict_set_c(d, "timedelta", MK_OBJ(&dt_type_delta)) < 0
        || dict_set_c(d, "tzinfo", MK_OBJ(&dt_type_tzinfo)) < 0
        || dict_set_c(d, "timezone", MK_OBJ(&dt_type_timezone)) < 0
        || dict_set_c(d, "UTC", tz_utc) < 0)
        return VAL_NULL;
    return m;
}
