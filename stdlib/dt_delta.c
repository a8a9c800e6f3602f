/* dt_delta.c - `timedelta`: a duration of days, seconds (0..86399) and
 * microseconds (0..999999), days within +-999999999.
 *
 * Every operation goes through a total of microseconds.  Totals of plain
 * timedeltas fit in 2**77, so they are C __int128 where the arguments are
 * small ints, and Python ints otherwise (huge multipliers, floats with their
 * exact as_integer_ratio, true division correctly rounded by int's own
 * division).  The constructor adds each argument as CPython does: ints
 * exactly, the fractional parts of floats into one double that is rounded
 * half-even at the end, so timedelta(seconds=0.5, microseconds=0.5) and its
 * neighbours round as python3's.  Rounding divisions (td / n, td * 0.1) are
 * half-even too (td_div_nearest). */
#include <math.h>
#include <stdio.h>
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/obj_float.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/strbuf.h"
#include "stdlib/datetime.h"

#define US_PER_DAY 86400000000LL

/* ---- construction ----------------------------------------------------------------------- */

static Value td_alloc(Type *cls, int days, int seconds, int us) {
    if (days < -DT_MAX_DELTA_DAYS || days > DT_MAX_DELTA_DAYS)
        return err_format(&exc_OverflowError, "days=%d; must have magnitude <= 999999999", days);
    DtDelta *t = (DtDelta *)obj_new_instance(cls);
    if (!t) return VAL_NULL;
    t->days = days;
    t->seconds = seconds;
    t->us = us;
    return MK_OBJ(t);
}

static Value td_int_too_large(void) {
    return err_format(&exc_OverflowError, "Python int too large to convert to C int");
}

/* A total of microseconds known to fit an __int128. */
static Value td_from_i128(Type *cls, __int128 total) {
    __int128 days = total / US_PER_DAY, rest = total % US_PER_DAY;
    if (rest < 0) { rest += US_PER_DAY; days--; }
    if (days < -2147483648LL || days > 2147483647LL) return td_int_too_large();
    return td_alloc(cls, (int)days, (int)(rest / 1000000), (int)(rest % 1000000));
}

Value td_new(int64_t days, int64_t seconds, int64_t us) {
    return td_from_i128(&dt_type_delta, (__int128)days * US_PER_DAY + (__int128)seconds * 1000000 + us);
}

static Value td_from_us_t(Type *cls, Value us) {
    int64_t small;
    if (IS_SMALLINT(us)) return td_from_i128(cls, AS_SMALLINT(us));
    if (IS_INT(us)) {
        if (int_to_i64(us, &small) == 0) return td_from_i128(cls, small);
        err_clear();
    }
    Value per_day = int_from_i64(US_PER_DAY);
    Value q = obj_binop(us, per_day, OP_FLOORDIV);
    if (IS_NULL(q)) return VAL_NULL;
    Value r = obj_binop(us, per_day, OP_MOD);
    int64_t days, rest;
    if (IS_NULL(r)) return VAL_NULL;
    if (!IS_INT(q) || !IS_INT(r))
        return err_format(&exc_TypeError, "divmod() returned a non-int (type %T)", IS_INT(q) ? r : q);
    if (int_to_i64(r, &rest) < 0) return VAL_NULL;
    if (int_to_i64(q, &days) < 0 || days < -2147483648LL || days > 2147483647LL) {
        err_clear();
        return td_int_too_large();
    }
    return td_alloc(cls, (int)days, (int)(rest / 1000000), (int)(rest % 1000000));
}

Value td_from_us(Value us) { return td_from_us_t(&dt_type_delta, us); }

static __int128 td_total(const DtDelta *t) {
    return (__int128)t->days * US_PER_DAY + (__int128)t->seconds * 1000000 + t->us;
}

Value td_to_us(Value delta) {
    __int128 total = td_total(TD(delta));
    if (total >= INT64_MIN && total <= INT64_MAX) return int_from_i64((int64_t)total);
    Value days = int_from_i64(TD(delta)->days);
    Value big = obj_binop(days, int_from_i64(US_PER_DAY), OP_MUL);
    if (IS_NULL(big)) return VAL_NULL;
    return obj_binop(big, int_from_i64((int64_t)TD(delta)->seconds * 1000000 + TD(delta)->us), OP_ADD);
}

int td_cmp(Value a, Value b) {
    const DtDelta *x = TD(a), *y = TD(b);
    if (x->days != y->days) return x->days < y->days ? -1 : 1;
    if (x->seconds != y->seconds) return x->seconds < y->seconds ? -1 : 1;
    return x->us < y->us ? -1 : x->us > y->us;
}

int td_is_zero(Value d) {
    return TD(d)->days == 0 && TD(d)->seconds == 0 && TD(d)->us == 0;
}

Value td_add(Value a, Value b, int sign) {
    return td_from_i128(&dt_type_delta, td_total(TD(a)) + sign * td_total(TD(b)));
}

/* ---- the constructor ----------------------------------------------------------------------- */

/* sofar + num * factor, the fraction of a float num kept in *leftover. */
static Value td_accum(const char *tag, Value sofar, Value num, int64_t factor, double *leftover) {
    if (IS_INT(num)) {
        Value prod = obj_binop(num, int_from_i64(factor), OP_MUL);
        return IS_NULL(prod) ? VAL_NULL : obj_binop(sofar, prod, OP_ADD);
    }
    if (!IS_FLOATOBJ(num))
        return err_format(&exc_TypeError, "unsupported type for timedelta %s component: %T", tag, num);
    double d, ip;
    if (arg_to_double(num, &d) < 0) return VAL_NULL;
    double frac = modf(d, &ip);
    Value whole = int_from_double(ip);
    if (IS_NULL(whole)) return VAL_NULL;
    Value prod = obj_binop(whole, int_from_i64(factor), OP_MUL);
    Value sum = IS_NULL(prod) ? VAL_NULL : obj_binop(sofar, prod, OP_ADD);
    if (IS_NULL(sum) || frac == 0.0) return sum;
    frac = modf((double)factor * frac, &ip);
    *leftover += frac;
    return obj_binop(sum, int_from_double(ip), OP_ADD);
}

static const char *const td_arg_names[7] = {"days", "seconds", "microseconds", "milliseconds",
                                            "minutes", "hours", "weeks"};
/* In the order CPython adds them: microseconds first. */
static const int td_add_order[7] = {2, 3, 1, 4, 5, 0, 6};
static const int64_t td_factor[7] = {US_PER_DAY, 1000000, 1, 1000, 60000000, 3600000000LL,
                                     7 * US_PER_DAY};

static Value td_new_slow(Type *cls, const Value *argv) {
    Value x = MK_SMALLINT(0);
    double leftover = 0.0;
    for (int k = 0; k < 7; k++) {
        int i = td_add_order[k];
        if (IS_NULL(argv[i])) continue;
        x = td_accum(td_arg_names[i], x, argv[i], td_factor[i], &leftover);
        if (IS_NULL(x)) return VAL_NULL;
    }
    if (leftover != 0.0) {
        double whole = round(leftover);
        if (fabs(whole - leftover) == 0.5) {
            Value odd = obj_binop(x, MK_SMALLINT(1), OP_BITAND);
            if (IS_NULL(odd)) return VAL_NULL;
            int is_odd = obj_truthy(odd);
            whole = 2.0 * round((leftover + is_odd) * 0.5) - is_odd;
        }
        x = obj_binop(x, int_from_i64((int64_t)whole), OP_ADD);
        if (IS_NULL(x)) return VAL_NULL;
    }
    return td_from_us_t(cls, x);
}

static Value td_new_m(Value *args, int nargs, Value kwnames) {
    Type *cls = AS_TYPE(args[0]);
    Value argv[7];
    if (arg_parse("__new__", args + 1, nargs - 1, kwnames, td_arg_names, 7, 0, 0, argv) < 0) return VAL_NULL;
    __int128 total = 0;
    for (int i = 0; i < 7; i++) {
        if (IS_NULL(argv[i])) continue;
        if (!IS_SMALLINT(argv[i])) return td_new_slow(cls, argv);
        total += (__int128)AS_SMALLINT(argv[i]) * td_factor[i];
    }
    return td_from_i128(cls, total);
}

/* ---- arithmetic ---------------------------------------------------------------------------- */

#define SELF TD(args[0])

static Value td_add_m(Value *args, int nargs, Value kwnames) {
    if (!DT_IS_DELTA(args[0]) || !DT_IS_DELTA(args[1])) return VAL_NOTIMPLEMENTED;
    return td_add(args[0], args[1], 1);
}

static Value td_sub_m(Value *args, int nargs, Value kwnames) {
    if (!DT_IS_DELTA(args[1])) return VAL_NOTIMPLEMENTED;
    return td_add(args[0], args[1], -1);
}

static Value td_rsub_m(Value *args, int nargs, Value kwnames) {
    if (!DT_IS_DELTA(args[1])) return VAL_NOTIMPLEMENTED;
    return td_add(args[1], args[0], -1);
}

static Value td_neg_m(Value *args, int nargs, Value kwnames) {
    return td_from_i128(&dt_type_delta, -td_total(SELF));
}

static Value td_pos_m(Value *args, int nargs, Value kwnames) {
    return td_alloc(&dt_type_delta, SELF->days, SELF->seconds, SELF->us);
}

static Value td_abs_m(Value *args, int nargs, Value kwnames) {
    return SELF->days < 0 ? td_neg_m(args, nargs, kwnames) : td_pos_m(args, nargs, kwnames);
}

/* a / b rounded half to even (both ints). */
static Value td_div_nearest(Value a, Value b) {
    if (!IS_INT(a) || !IS_INT(b))
        return err_format(&exc_TypeError, "unsupported operand type(s) for //: '%T' and '%T'", a, b);
    Value q = obj_binop(a, b, OP_FLOORDIV);
    if (IS_NULL(q)) return VAL_NULL;
    Value r = obj_binop(a, b, OP_MOD);
    Value r2 = IS_NULL(r) ? VAL_NULL : obj_binop(r, MK_SMALLINT(2), OP_MUL);
    if (IS_NULL(r2)) return VAL_NULL;
    int c = obj_richcompare_bool(r2, b, int_sign(b) > 0 ? CMP_GT : CMP_LT);
    int half = obj_richcompare_bool(r2, b, CMP_EQ);
    if (c < 0 || half < 0) return VAL_NULL;
    if (half && !c) {
        Value odd = obj_binop(q, MK_SMALLINT(1), OP_BITAND);
        if (IS_NULL(odd)) return VAL_NULL;
        c = obj_truthy(odd);
    }
    return c ? obj_binop(q, MK_SMALLINT(1), OP_ADD) : q;
}

/* delta * f or delta / f for a float f, through its exact ratio. */
static Value td_float_op(Value delta, Value f, int divide) {
    Value ratio = obj_call_method(f, "as_integer_ratio", NULL, 0);
    if (IS_NULL(ratio)) return VAL_NULL;
    if (!IS_TUPLE(ratio))
        return err_format(&exc_TypeError, "unexpected return type from as_integer_ratio(): expected tuple, "
                          "got '%T'", ratio);
    if (AS_TUPLE(ratio)->len != 2) return err_format(&exc_ValueError, "as_integer_ratio() must return a 2-tuple");
    Value us = td_to_us(delta);
    if (IS_NULL(us)) return VAL_NULL;
    Value num = AS_TUPLE(ratio)->items[divide], den = AS_TUPLE(ratio)->items[!divide];
    Value prod = obj_binop(us, num, OP_MUL);
    if (IS_NULL(prod)) return VAL_NULL;
    Value q = td_div_nearest(prod, den);
    return IS_NULL(q) ? VAL_NULL : td_from_us(q);
}

static Value td_mul(Value delta, Value n) {
    if (IS_FLOATOBJ(n)) return td_float_op(delta, n, 0);
    if (!IS_INT(n)) return VAL_NOTIMPLEMENTED;
    if (IS_SMALLINT(n) && AS_SMALLINT(n) > -(1LL << 40) && AS_SMALLINT(n) < (1LL << 40))
        return td_from_i128(&dt_type_delta, td_total(TD(delta)) * AS_SMALLINT(n));
    Value us = td_to_us(delta);
    Value prod = IS_NULL(us) ? VAL_NULL : obj_binop(us, n, OP_MUL);
    return IS_NULL(prod) ? VAL_NULL : td_from_us(prod);
}

static Value td_mul_m(Value *args, int nargs, Value kwnames) {
    return td_mul(args[0], args[1]);
}

/* An int op on the two totals of microseconds (the second: a delta's or an int). */
static Value td_int_op(Value a, Value b, int op) {
    Value x = td_to_us(a);
    Value y = DT_IS_DELTA(b) ? td_to_us(b) : b;
    if (IS_NULL(x) || IS_NULL(y)) return VAL_NULL;
    return obj_binop(x, y, op);
}

static Value td_truediv_m(Value *args, int nargs, Value kwnames) {
    Value b = args[1];
    if (DT_IS_DELTA(b)) return td_int_op(args[0], b, OP_TRUEDIV);
    if (IS_FLOATOBJ(b)) return td_float_op(args[0], b, 1);
    if (!IS_INT(b)) return VAL_NOTIMPLEMENTED;
    Value us = td_to_us(args[0]);
    Value q = IS_NULL(us) ? VAL_NULL : td_div_nearest(us, b);
    return IS_NULL(q) ? VAL_NULL : td_from_us(q);
}

static Value td_floordiv_m(Value *args, int nargs, Value kwnames) {
    Value b = args[1];
    if (DT_IS_DELTA(b)) return td_int_op(args[0], b, OP_FLOORDIV);
    if (!IS_INT(b)) return VAL_NOTIMPLEMENTED;
    Value q = td_int_op(args[0], b, OP_FLOORDIV);
    return IS_NULL(q) ? VAL_NULL : td_from_us(q);
}

static Value td_mod_m(Value *args, int nargs, Value kwnames) {
    if (!DT_IS_DELTA(args[1])) return VAL_NOTIMPLEMENTED;
    Value r = td_int_op(args[0], args[1], OP_MOD);
    return IS_NULL(r) ? VAL_NULL : td_from_us(r);
}

static Value td_divmod_m(Value *args, int nargs, Value kwnames) {
    if (!DT_IS_DELTA(args[1])) return VAL_NOTIMPLEMENTED;
    Value q = td_int_op(args[0], args[1], OP_FLOORDIV);
    if (IS_NULL(q)) return VAL_NULL;
    Value r = td_int_op(args[0], args[1], OP_MOD);
    Value d = IS_NULL(r) ? VAL_NULL : td_from_us(r);
    return IS_NULL(d) ? VAL_NULL : tuple_pack(2, q, d);
}

/* The reflected forms: other op self, for the delta subclasses whose own method declined. */
#define TD_REFLECTED(name, fn)                                                          \
    static Value name(Value *args, int nargs, Value kwnames) {                          \
        if (!DT_IS_DELTA(args[1])) return VAL_NOTIMPLEMENTED;                           \
        return fn((Value[]){args[1], args[0]}, 2, VAL_NULL);                            \
    }
TD_REFLECTED(td_rtruediv_m, td_truediv_m) TD_REFLECTED(td_rfloordiv_m, td_floordiv_m)
TD_REFLECTED(td_rmod_m, td_mod_m) TD_REFLECTED(td_rdivmod_m, td_divmod_m)

static Value td_richcompare(Value *args, int op) {
    if (!DT_IS_DELTA(args[1])) return VAL_NOTIMPLEMENTED;
    return dt_cmp_result(td_cmp(args[0], args[1]), op);
}

#define TD_CMP(name, op) \
    static Value name(Value *args, int nargs, Value kwnames) { return td_richcompare(args, op); }
TD_CMP(td_eq_m, CMP_EQ) TD_CMP(td_ne_m, CMP_NE) TD_CMP(td_lt_m, CMP_LT)
TD_CMP(td_le_m, CMP_LE) TD_CMP(td_gt_m, CMP_GT) TD_CMP(td_ge_m, CMP_GE)

/* ---- the rest ------------------------------------------------------------------------------ */

static Value td_state(const DtDelta *t) {
    return tuple_pack(3, MK_SMALLINT(t->days), MK_SMALLINT(t->seconds), MK_SMALLINT(t->us));
}

static Value td_hash_m(Value *args, int nargs, Value kwnames) {
    if (!SELF->hash) {
        Value st = td_state(SELF);
        if (IS_NULL(st)) return VAL_NULL;
        SELF->hash = tuple_hash(st);
    }
    return int_from_i64(SELF->hash);
}

static Value td_bool_m(Value *args, int nargs, Value kwnames) {
    return MK_BOOL(!td_is_zero(args[0]));
}

static Value td_repr_m(Value *args, int nargs, Value kwnames) {
    StrBuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%s(", type_name(val_type(args[0])));
    const char *sep = "";
    if (SELF->days) { sb_printf(&sb, "days=%d", SELF->days); sep = ", "; }
    if (SELF->seconds) { sb_printf(&sb, "%sseconds=%d", sep, SELF->seconds); sep = ", "; }
    if (SELF->us) { sb_printf(&sb, "%smicroseconds=%d", sep, SELF->us); sep = ", "; }
    if (!*sep) sb_putc(&sb, '0');
    sb_putc(&sb, ')');
    return sb_finish_str(&sb);
}

static Value td_str_m(Value *args, int nargs, Value kwnames) {
    StrBuf sb;
    sb_init(&sb);
    int s = SELF->seconds;
    if (SELF->days) sb_printf(&sb, "%d day%s, ", SELF->days, SELF->days == 1 || SELF->days == -1 ? "" : "s");
    sb_printf(&sb, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    if (SELF->us) sb_printf(&sb, ".%06d", SELF->us);
    return sb_finish_str(&sb);
}

static Value td_total_seconds_m(Value *args, int nargs, Value kwnames) {
    __int128 total = td_total(SELF);
    if (total > -(1LL << 53) && total < (1LL << 53)) return MK_FLOAT((double)(int64_t)total / 1e6);
    Value us = td_to_us(args[0]);
    return IS_NULL(us) ? VAL_NULL : obj_binop(us, MK_SMALLINT(1000000), OP_TRUEDIV);
}

static Value td_reduce_m(Value *args, int nargs, Value kwnames) {
    Value st = td_state(SELF);
    return IS_NULL(st) ? VAL_NULL : tuple_pack(2, MK_OBJ(val_type(args[0])), st);
}

static Value td_get_days(Value self) { return MK_SMALLINT(TD(self)->days); }
static Value td_get_seconds(Value self) { return MK_SMALLINT(TD(self)->seconds); }
static Value td_get_us(Value self) { return MK_SMALLINT(TD(self)->us); }

static const GetSetDef td_getsets[] = {
    {"days", td_get_days, getset_readonly, "Number of days."},
    {"seconds", td_get_seconds, getset_readonly, "Number of seconds (>= 0 and less than 1 day)."},
    {"microseconds", td_get_us, getset_readonly, "Number of microseconds (>= 0 and less than 1 second)."},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef td_methods[] = {
    {"__new__", td_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__add__", td_add_m, ARGS_WRAP(1), NULL},
    {"__radd__", td_add_m, ARGS_WRAP(1), NULL},
    {"__sub__", td_sub_m, ARGS_WRAP(1), NULL},
    {"__rsub__", td_rsub_m, ARGS_WRAP(1), NULL},
    {"__mul__", td_mul_m, ARGS_WRAP(1), NULL},
    {"__rmul__", td_mul_m, ARGS_WRAP(1), NULL},
    {"__truediv__", td_truediv_m, ARGS_WRAP(1), NULL},
    {"__floordiv__", td_floordiv_m, ARGS_WRAP(1), NULL},
    {"__mod__", td_mod_m, ARGS_WRAP(1), NULL},
    {"__divmod__", td_divmod_m, ARGS_WRAP(1), NULL},
    {"__rtruediv__", td_rtruediv_m, ARGS_WRAP(1), NULL},
    {"__rfloordiv__", td_rfloordiv_m, ARGS_WRAP(1), NULL},
    {"__rmod__", td_rmod_m, ARGS_WRAP(1), NULL},
    {"__rdivmod__", td_rdivmod_m, ARGS_WRAP(1), NULL},
    {"__neg__", td_neg_m, ARGS_WRAP(0), NULL},
    {"__pos__", td_pos_m, ARGS_WRAP(0), NULL},
    {"__abs__", td_abs_m, ARGS_WRAP(0), NULL},
    {"__bool__", td_bool_m, ARGS_WRAP(0), NULL},
    {"__eq__", td_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", td_ne_m, ARGS_WRAP(1), NULL},
    {"__lt__", td_lt_m, ARGS_WRAP(1), NULL},
    {"__le__", td_le_m, ARGS_WRAP(1), NULL},
    {"__gt__", td_gt_m, ARGS_WRAP(1), NULL},
    {"__ge__", td_ge_m, ARGS_WRAP(1), NULL},
    {"__hash__", td_hash_m, ARGS_WRAP(0), NULL},
    {"__repr__", td_repr_m, ARGS_WRAP(0), NULL},
    {"__str__", td_str_m, ARGS_WRAP(0), NULL},
    {"total_seconds", td_total_seconds_m, ARGS_NONE, "Total seconds in the duration."},
    {"__reduce__", td_reduce_m, ARGS_NONE, "__reduce__() -> (cls, state)"},
    {NULL, NULL, 0, NULL},
};

Type dt_type_delta = {
    .tp_name = "datetime.timedelta", .base = &type_object, .flags = TF_BASETYPE,
    .basicsize = sizeof(DtDelta), .methods = td_methods, .getsets = td_getsets,
};
GILPY_TYPE(dt_type_delta, NULL);
