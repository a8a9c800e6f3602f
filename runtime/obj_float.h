/* obj_float.h - float: immediate doubles (value.h); FloatObj only for
 * instances of float subclasses. */
#ifndef GILPY_OBJ_FLOAT_H
#define GILPY_OBJ_FLOAT_H

#include <stddef.h>
#include "object.h"

typedef struct FloatObj {
    Obj    header;
    double v;
} FloatObj;

/* The double of a float or float-subclass value. */
static inline double float_value(Value v) {
    return IS_FLOAT(v) ? AS_FLOAT(v) : ((FloatObj *)AS_OBJ(v))->v;
}
/* Shortest repr that round-trips, as CPython's repr(float). */
Value float_repr(double d);
/* Write the repr into buf (at least 32 bytes); returns its length. */
int   float_repr_buf(double d, char *buf);
/* The longest float at the start of s[0..n) (sign, digits with single '_'
 * between them, '.', exponent, inf/infinity/nan; no spaces): its length,
 * 0 when there is none. */
size_t float_parse_prefix(const char *s, size_t n, double *out);
/* The digits of finite x >= 0 as format() lays them out for a type ('e',
 * 'f', 'g', upper-case forms, 'n'; 0 for "no type but a precision"), with
 * '#' when alt; malloc'd (NULL when out of memory). */
char *float_format_body(double x, char type, int64_t prec, int alt);
Value float_from_string(const char *s, size_t len);  /* float("1e3"), ValueError */
Value float_from_object(Value x);                  /* float(x) */
/* "%.*f" % x into buf (32 bytes) without printf when that is exact: p <= 6,
 * x * 10^p < 10^12 and not near a tie.  1 done, 0 not applicable. */
int float_fixed_fast(double x, int p, char *buf);
int64_t float_hash(double d);                         /* CPython's numeric hash */
/* a op b where a or b is a float and the other a float or int;
 * VAL_NOTIMPLEMENTED otherwise. */
Value float_binop(Value a, Value b, int op);
/* Compare a float with any number; cmpop CmpOpKind; VAL_NOTIMPLEMENTED if b
 * is not a number. */
Value float_richcompare(Value a, Value b, int cmpop);
/* format(float, spec); tname names the type in its ValueErrors (a subclass's name). */
Value float_format_spec(double d, Value spec, const char *tname);

#endif
