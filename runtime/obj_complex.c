/* obj_complex.c - the complex type.
 *
 * Design.  A complex is a heap ComplexObj holding two doubles; instances of
 * subclasses use the same layout.  Everything follows CPython 3.11's
 * complexobject.c:
 *   - an int or float operand is first converted to complex (x+0j), so
 *     mixed arithmetic gives CPython's results even with inf and nan;
 *   - division is Smith's algorithm (_Py_c_quot), ** uses repeated squaring
 *     for small integral exponents and the polar formula otherwise, with
 *     errno deciding between ZeroDivisionError and OverflowError;
 *   - repr prints each part with float's shortest repr minus a trailing
 *     ".0", leaving out a real part of +0.0: "2j", "(1+2j)", "(-0-1j)";
 *   - the hash combines the parts' float hashes as hash(re) + 1000003 *
 *     hash(im), so hash(complex(x)) == hash(x);
 *   - complex("1+2j") accepts the forms <float>, <float>j, <float><+-float>j
 *     and the legacy j, +j, <float>+j, optionally in parentheses;
 *   - __format__ formats both parts with the float machinery
 *     (float_format_body) and pads the whole.
 * //, % and divmod are absent, as in CPython, so they raise "unsupported
 * operand type(s)".
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runtime/obj_complex.h"
#include "runtime/obj_float.h"
#include "runtime/obj_int.h"
#include "runtime/obj_str.h"
#include "runtime/obj_list.h"
#include "runtime/error.h"
#include "runtime/call.h"
#include "runtime/format.h"
#include "runtime/gc.h"
#include "runtime/obj_type.h"
#include "runtime/strbuf.h"

/* BinOpKind / CmpOpKind order (interp/ast.h). */
enum { COP_ADD, COP_SUB, COP_MUL, COP_MATMUL, COP_TRUEDIV, COP_FLOORDIV, COP_MOD, COP_POW };
enum { CCMP_EQ, CCMP_NE, CCMP_LT, CCMP_LE, CCMP_GT, CCMP_GE };   /* CmpOpKind order */

typedef struct { double re, im; } Cx;

/* ---------------------------------------------------------------- values */

static Value complex_new_of_type(Type *cls, double re, double im) {
    ComplexObj *o = (ComplexObj *)(cls == &type_complex ? gc_alloc(cls, sizeof(ComplexObj))
                                                        : obj_new_instance(cls));
    if (!o) return VAL_NULL;
    o->re = re;
    o->im = im;
    return MK_OBJ(o);
}

Value complex_new(double re, double im) { return complex_new_of_type(&type_complex, re, im); }

static Value cx_value(Cx z) { return complex_new(z.re, z.im); }

static Cx complex_parts(Value v) {
    return (Cx){AS_COMPLEX(v)->re, AS_COMPLEX(v)->im};
}

/* An arithmetic operand as a complex: 1 ok, 0 not a number, -1 error. */
static int complex_operand(Value v, Cx *out) {
    out->im = 0.0;
    if (IS_FLOATOBJ(v)) { out->re = float_value(v); return 1; }
    if (IS_INT(v)) return int_to_double(v, &out->re) < 0 ? -1 : 1;
    if (IS_COMPLEX(v)) { *out = complex_parts(v); return 1; }
    return 0;
}

/* ---------------------------------------------------------------- arithmetic */

static Cx cx_prod(Cx a, Cx b) {
    return (Cx){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}

/* Smith's division (_Py_c_quot); errno EDOM on a zero divisor. */
static Cx cx_quot(Cx a, Cx b) {
    double abs_re = fabs(b.re), abs_im = fabs(b.im);
    if (abs_re >= abs_im) {
        if (abs_re == 0.0) { errno = EDOM; return (Cx){0.0, 0.0}; }
        double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        return (Cx){(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
    }
    if (abs_im >= abs_re) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        return (Cx){(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
    }
    return (Cx){NAN, NAN};
}

/* a ** b by the polar formula (_Py_c_pow). */
static Cx cx_pow(Cx a, Cx b) {
    if (b.re == 0.0 && b.im == 0.0) return (Cx){1.0, 0.0};
    if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0) errno = EDOM;
        return (Cx){0.0, 0.0};
    }
    double vabs = hypot(a.re, a.im), len = pow(vabs, b.re);
    double at = atan2(a.im, a.re), phase = at * b.re;
    if (b.im != 0.0) {
        len /= exp(at * b.im);
        phase += b.im * log(vabs);
    }
    return (Cx){len * cos(phase), len * sin(phase)};
}

/* a ** n for a small integer n by repeated squaring (c_powi). */
static Cx cx_powi(Cx a, long n) {
    unsigned long u = n < 0 ? (unsigned long)-n : (unsigned long)n;
    Cx r = {1.0, 0.0}, p = a;
    for (unsigned long mask = 1; mask && u >= mask; mask <<= 1) {
        if (u & mask) r = cx_prod(r, p);
        p = cx_prod(p, p);
    }
    return n < 0 ? cx_quot((Cx){1.0, 0.0}, r) : r;
}

Value complex_pow_parts(double ar, double ai, double br, double bi) {
    Cx a = {ar, ai}, b = {br, bi}, p;
    errno = 0;
    if (b.im == 0.0 && b.re == floor(b.re) && fabs(b.re) <= 100.0) p = cx_powi(a, (long)b.re);
    else p = cx_pow(a, b);
    if (isinf(p.re) || isinf(p.im)) { if (errno == 0) errno = ERANGE; }
    else if (errno == ERANGE) errno = 0;
    if (errno == EDOM)
        return err_format(&exc_ZeroDivisionError, "0.0 to a negative or complex power");
    if (errno == ERANGE) return err_format(&exc_OverflowError, "complex exponentiation");
    return cx_value(p);
}

static Value complex_binop(Value av, Value bv, int op) {
    Cx a, b;
    int r = complex_operand(av, &a);
    if (r <= 0) return r < 0 ? VAL_NULL : VAL_NOTIMPLEMENTED;
    r = complex_operand(bv, &b);
    if (r <= 0) return r < 0 ? VAL_NULL : VAL_NOTIMPLEMENTED;
    switch (op) {
    case COP_ADD: return complex_new(a.re + b.re, a.im + b.im);
    case COP_SUB: return complex_new(a.re - b.re, a.im - b.im);
    case COP_MUL: return cx_value(cx_prod(a, b));
    case COP_TRUEDIV: {
        errno = 0;
        Cx q = cx_quot(a, b);
        if (errno == EDOM) return err_format(&exc_ZeroDivisionError, "complex division by zero");
        return cx_value(q);
    }
    default: return complex_pow_parts(a.re, a.im, b.re, b.im);
    }
}

/* == and != against int, float and complex; other orderings do not exist. */
static Value complex_richcompare(Value av, Value bv, int op) {
    Cx a = complex_parts(av), b;
    if (op != CCMP_EQ && op != CCMP_NE) return VAL_NOTIMPLEMENTED;
    int eq;
    if (IS_INT(bv)) {
        if (a.im != 0.0) eq = 0;
        else {
            Value r = float_richcompare(MK_FLOAT(a.re), bv, CCMP_EQ);
            if (IS_NULL(r)) return r;
            eq = IS_TRUE(r);
        }
    } else {
        int k = complex_operand(bv, &b);
        if (k <= 0) return k < 0 ? VAL_NULL : VAL_NOTIMPLEMENTED;
        eq = a.re == b.re && a.im == b.im;
    }
    return MK_BOOL(op == CCMP_EQ ? eq : !eq);
}

static Value complex_abs(Cx z) {
    if (isinf(z.re) || isinf(z.im)) return MK_FLOAT(INFINITY);
    if (isnan(z.re) || isnan(z.im)) return MK_FLOAT_SAFE(NAN);
    double r = hypot(z.re, z.im);
    if (isinf(r)) return err_format(&exc_OverflowError, "absolute value too large");
    return MK_FLOAT(r);
}

static Value complex_hash(Value v) {
    Cx z = complex_parts(v);
    int64_t ptr_hash = (int64_t)((uintptr_t)AS_OBJ(v) >> 4);
    uint64_t hr = (uint64_t)(isnan(z.re) ? ptr_hash : float_hash(z.re));
    uint64_t hi = (uint64_t)(isnan(z.im) ? ptr_hash : float_hash(z.im));
    int64_t h = (int64_t)(hr + 1000003u * hi);
    return int_from_i64(h == -1 ? -2 : h);
}

/* ---------------------------------------------------------------- repr */

/* One part as repr prints it: float's repr without a trailing ".0"; with a
 * sign always when `sign`.  Returns the length written into buf (>= 40). */
static int complex_part_repr(double d, int sign, char *buf) {
    char *p = buf;
    if (sign && !(signbit(d) && !isnan(d))) *p++ = '+';
    int n = float_repr_buf(d, p);
    if (n >= 2 && p[n - 2] == '.' && p[n - 1] == '0') n -= 2;
    p[n] = 0;
    return (int)(p - buf) + n;
}

static Value complex_repr(Value v) {
    Cx z = complex_parts(v);
    char re[48], im[48], out[100];
    complex_part_repr(z.im, 0, im);
    if (z.re == 0.0 && !signbit(z.re)) {
        size_t n = strlen(im);
        memcpy(out, im, n);
        out[n] = 'j';
        return str_new(out, n + 1);
    }
    complex_part_repr(z.re, 0, re);
    complex_part_repr(z.im, 1, im);
    int n = snprintf(out, sizeof out, "(%s%sj)", re, im);
    return str_new(out, (size_t)n);
}

/* ---------------------------------------------------------------- format */

/* One part for format(): sign (per the spec, or '+' when forced) and body. */
static int complex_format_part(StrBuf *sb, double d, const FormatSpec *fs, char type,
                               int64_t prec, char sign) {
    int neg = signbit(d) && !isnan(d);
    double x = fabs(d);
    int upper = type == 'E' || type == 'F' || type == 'G';
    char buf[50];
    char *body = NULL;
    const char *text = buf;
    if (!isfinite(x)) {
        text = isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    } else if (type == 'r') {
        int n = complex_part_repr(x, 0, buf);
        if (fs->alternate && !memchr(buf, '.', (size_t)n)) {   /* '#': always a point: "1.e+16" */
            char *e = memchr(buf, 'e', (size_t)n);
            size_t at = e ? (size_t)(e - buf) : (size_t)n;
            memmove(buf + at + 1, buf + at, (size_t)n - at + 1);
            buf[at] = '.';
        }
    } else {
        body = float_format_body(x, type, prec, fs->alternate);
        if (!body) return -1;
        text = body;
    }
    if (fs->no_neg_zero && neg && isfinite(x) && !strpbrk(text, "123456789")) neg = 0;  /* 'z' */
    int r = 0;
    if (neg) r = sb_putc(sb, '-');
    else if (sign == '+' || sign == ' ') r = sb_putc(sb, sign);
    if (r == 0) r = sb_puts(sb, text);
    free(body);
    return r;
}

static Value complex_format_spec(Value v, Value spec) {
    FormatSpec fs;
    if (fmt_parse_typed(spec, &fs, val_type_name(v)) < 0) return VAL_NULL;
    /* CPython's order: the type code, then '0' as the fill (given, or the
     * zero-padding flag), then '=' alignment. */
    char type = fs.type;
    if (type && strchr("eEfFgGn", type) == NULL) {
        if ((unsigned char)type > 32 && (unsigned char)type < 128)
            return err_format(&exc_ValueError, "Unknown format code '%c' for object of type '%T'", type, v);
        return err_format(&exc_ValueError, "Unknown format code '\\x%x' for object of type '%T'",
                          (unsigned)(unsigned char)type, v);
    }
    if (fs.fill == '0')
        return err_format(&exc_ValueError, "Zero padding is not allowed in complex format specifier");
    if (fs.align == '=')
        return err_format(&exc_ValueError, "'=' alignment flag is not allowed in complex format specifier");
    if (fs.precision > INT32_MAX) return err_format(&exc_ValueError, "precision too big");
    Cx z = complex_parts(v);
    int skip_re = 0, parens = 0;
    int64_t prec = fs.precision;
    if (type == 0) {
        type = prec < 0 ? 'r' : 'g';
        if (z.re == 0.0 && !signbit(z.re)) skip_re = 1; else parens = 1;
    }
    if (type == 'n') type = 'g';
    if (prec < 0) prec = 6;
    StrBuf sb;
    sb_init(&sb);
    int bad = parens ? sb_putc(&sb, '(') : 0;
    if (!skip_re) bad |= complex_format_part(&sb, z.re, &fs, type, prec, fs.sign);
    bad |= complex_format_part(&sb, z.im, &fs, type, prec, skip_re ? fs.sign : '+');
    bad |= sb_puts(&sb, parens ? "j)" : "j");
    if (bad) { sb_free(&sb); return err_no_memory(); }
    Value body = sb_finish_str(&sb);
    if (IS_NULL(body)) return VAL_NULL;
    return fmt_pad(&fs, '>', "", 0, STR_DATA(body), (size_t)STR_LEN(body), STR_LEN(body));
}

/* ---------------------------------------------------------------- construction */

static int complex_is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* Parse complex("...") into z; 0 ok, -1 malformed. */
static int complex_parse(const char *s, size_t n, Cx *z) {
    size_t i = 0, k;
    int bracket = 0;
    double x = 0.0, y = 0.0, d;
    while (i < n && complex_is_space(s[i])) i++;
    if (i < n && s[i] == '(') { bracket = 1; i++; while (i < n && complex_is_space(s[i])) i++; }
    if ((k = float_parse_prefix(s + i, n - i, &d)) > 0) {
        i += k;
        if (i < n && (s[i] == '+' || s[i] == '-')) {
            x = d;
            if ((k = float_parse_prefix(s + i, n - i, &y)) > 0) i += k;
            else y = s[i++] == '+' ? 1.0 : -1.0;
            if (i >= n || (s[i] != 'j' && s[i] != 'J')) return -1;
            i++;
        } else if (i < n && (s[i] == 'j' || s[i] == 'J')) {
            i++;
            y = d;
        } else {
            x = d;
        }
    } else {
        y = 1.0;
        if (i < n && (s[i] == '+' || s[i] == '-')) y = s[i++] == '+' ? 1.0 : -1.0;
        if (i >= n || (s[i] != 'j' && s[i] != 'J')) return -1;
        i++;
    }
    while (i < n && complex_is_space(s[i])) i++;
    if (bracket) {
        if (i >= n || s[i] != ')') return -1;
        i++;
        while (i < n && complex_is_space(s[i])) i++;
    }
    if (i != n) return -1;
    z->re = x;
    z->im = y;
    return 0;
}

/* A number usable by complex(): has __complex__, __float__ or __index__. */
static int complex_is_number(Value v) {
    Type *t = val_type(v);
    return IS_COMPLEX(v) || !IS_NULL(t->slots[SM_FLOAT]) || !IS_NULL(t->slots[SM_INDEX]);
}

/* v.__complex__() if defined: 1 (result in *z), 0 absent, -1 error. */
static int complex_from_special(Value v, Cx *z) {
    if (IS_FLOAT(v) || IS_SMALLINT(v) || IS_BOOL(v) || IS_EXACT(v, type_int) || IS_COMPLEX(v))
        return 0;
    Value f = obj_lookup_special(v, "__complex__");
    if (IS_NULL(f)) return err_occurred() ? -1 : 0;
    Value r = call0(f);
    if (IS_NULL(r)) return -1;
    if (!IS_COMPLEX(r)) {
        err_format(&exc_TypeError, "__complex__ returned non-complex (type %T)", r);
        return -1;
    }
    *z = complex_parts(r);
    return 1;
}

/* One constructor argument as a complex: 2 if it was a complex (or had
 * __complex__), 1 for a real number (im 0), -1 on error. */
static int complex_arg(Value v, Cx *z) {
    int r = complex_from_special(v, z);
    if (r != 0) return r < 0 ? -1 : 2;
    if (IS_COMPLEX(v)) { *z = complex_parts(v); return 2; }
    z->im = 0.0;
    return arg_to_double(v, &z->re) < 0 ? -1 : 1;
}

/* Every '_' sits between two digits (checked before parsing, as CPython). */
static int complex_underscores_ok(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] == '_' && (i == 0 || i + 1 == n || s[i - 1] < '0' || s[i - 1] > '9' ||
                            s[i + 1] < '0' || s[i + 1] > '9'))
            return 0;
    return 1;
}

static Value complex_from_string(Type *cls, Value s) {
    Cx z;
    if (!complex_underscores_ok(STR_DATA(s), (size_t)STR_LEN(s)))
        return err_format(&exc_ValueError, "could not convert string to complex: %R", s);
    if (complex_parse(STR_DATA(s), (size_t)STR_LEN(s), &z) < 0)
        return err_format(&exc_ValueError, "complex() arg is a malformed string");
    return complex_new_of_type(cls, z.re, z.im);
}

static Value complex_construct(Type *cls, Value r, Value i) {
    if (IS_NULL(r)) r = MK_SMALLINT(0);
    if (IS_EXACT(r, type_complex) && IS_NULL(i) && cls == &type_complex) return r;
    if (IS_STR(r)) {
        if (!IS_NULL(i))
            return err_format(&exc_TypeError, "complex() can't take second arg if first is a string");
        return complex_from_string(cls, r);
    }
    if (!IS_NULL(i) && IS_STR(i))
        return err_format(&exc_TypeError, "complex() second arg can't be a string");
    Cx cr, ci = {0.0, 0.0};
    int special = complex_from_special(r, &cr);
    if (special < 0) return VAL_NULL;
    if (!special && !complex_is_number(r))
        return err_format(&exc_TypeError,
                          "complex() first argument must be a string or a number, not '%T'", r);
    if (!IS_NULL(i) && !complex_is_number(i))
        return err_format(&exc_TypeError, "complex() second argument must be a number, not '%T'", i);
    int r_kind = special ? 2 : complex_arg(r, &cr);
    if (r_kind < 0) return VAL_NULL;
    if (IS_NULL(i)) return complex_new_of_type(cls, cr.re, cr.im);
    int i_kind = complex_arg(i, &ci);
    if (i_kind < 0) return VAL_NULL;
    /* CPython's corrections: a complex part only adds what it has, so
     * complex(3, -0.0) keeps the imaginary part's sign (0.0 + -0.0 is 0.0). */
    double re = cr.re, im = ci.re;
    if (i_kind == 2) re -= ci.im;
    if (r_kind == 2) im += cr.im;
    return complex_new_of_type(cls, re, im);
}

/* ARGS_ANY: CPython's messages name the type ("complex() takes at most 2 arguments"). */
static Value complex_new_m(Value *args, int nargs, Value kw) {
    static const char *const names[] = {"real", "imag"};
    Value out[2];
    if (arg_parse("complex", args + 1, nargs - 1, kw, names, 2, 0, 0, out) < 0) return VAL_NULL;
    Type *cls = IS_TYPE(args[0]) ? AS_TYPE(args[0]) : &type_complex;
    return complex_construct(cls, out[0], out[1]);
}

/* ---------------------------------------------------------------- methods */

#define COMPLEX_BINOP(name, op) \
    static Value complex_##name##_m(Value *args, int nargs, Value kw) { \
        return complex_binop(args[0], args[1], op); } \
    static Value complex_r##name##_m(Value *args, int nargs, Value kw) { \
        return complex_binop(args[1], args[0], op); }
COMPLEX_BINOP(add, COP_ADD)
COMPLEX_BINOP(sub, COP_SUB)
COMPLEX_BINOP(mul, COP_MUL)
COMPLEX_BINOP(truediv, COP_TRUEDIV)

static Value complex_pow3(Value a, Value b, Value mod) {
    Cx x;                   /* the operands first: NotImplemented before "complex modulo" */
    int r = complex_operand(a, &x);
    if (r > 0) r = complex_operand(b, &x);
    if (r <= 0) return r < 0 ? VAL_NULL : VAL_NOTIMPLEMENTED;
    if (!IS_NULL(mod) && !IS_NONE(mod)) return err_format(&exc_ValueError, "complex modulo");
    return complex_binop(a, b, COP_POW);
}
static Value complex_pow_m(Value *args, int nargs, Value kw) {
    return complex_pow3(args[0], args[1], args[2]);
}
static Value complex_rpow_m(Value *args, int nargs, Value kw) {
    return complex_pow3(args[1], args[0], args[2]);
}

#define COMPLEX_CMP(name, op) \
    static Value complex_##name##_m(Value *args, int nargs, Value kw) { \
        return complex_richcompare(args[0], args[1], op); }
COMPLEX_CMP(eq, CCMP_EQ)
COMPLEX_CMP(ne, CCMP_NE)
COMPLEX_CMP(lt, CCMP_LT)      /* complex's own slots, as in CPython: they decline */
COMPLEX_CMP(le, CCMP_LE)
COMPLEX_CMP(gt, CCMP_GT)
COMPLEX_CMP(ge, CCMP_GE)

#define COMPLEX_UNARY(name, expr) \
    static Value complex_##name##_m(Value *args, int nargs, Value kw) { \
        Cx z = complex_parts(args[0]); (void)z; return (expr); }
COMPLEX_UNARY(__neg__, complex_new(-z.re, -z.im))
COMPLEX_UNARY(__pos__, complex_new(z.re, z.im))
COMPLEX_UNARY(__abs__, complex_abs(z))
COMPLEX_UNARY(__bool__, MK_BOOL(z.re != 0.0 || z.im != 0.0))
COMPLEX_UNARY(__repr__, complex_repr(args[0]))
COMPLEX_UNARY(__hash__, complex_hash(args[0]))
COMPLEX_UNARY(__complex__, complex_new(z.re, z.im))
COMPLEX_UNARY(__getnewargs__, tuple_pack(2, MK_FLOAT_SAFE(z.re), MK_FLOAT_SAFE(z.im)))
COMPLEX_UNARY(conjugate, complex_new(z.re, -z.im))

static Value complex_format_m(Value *args, int nargs, Value kw) {
    if (!IS_STR(args[1]))
        return err_format(&exc_TypeError, "__format__() argument must be str, not %N", args[1]);
    if (STR_LEN(args[1]) == 0) return obj_str(args[0]);
    return complex_format_spec(args[0], args[1]);
}

static Value complex_get_real(Value self) { return MK_FLOAT_SAFE(AS_COMPLEX(self)->re); }
static Value complex_get_imag(Value self) { return MK_FLOAT_SAFE(AS_COMPLEX(self)->im); }

static const GetSetDef complex_getsets[] = {
    {"real", complex_get_real, getset_readonly, "the real part of a complex number"},
    {"imag", complex_get_imag, getset_readonly, "the imaginary part of a complex number"},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef complex_methods[] = {
    {"__new__", complex_new_m, METH_STATIC, NULL},
    {"__repr__", complex___repr___m, ARGS_WRAP(0), NULL},
    {"__hash__", complex___hash___m, ARGS_WRAP(0), NULL},
    {"__bool__", complex___bool___m, ARGS_WRAP(0), NULL},
    {"__eq__", complex_eq_m, ARGS_WRAP(1), NULL}, {"__ne__", complex_ne_m, ARGS_WRAP(1), NULL},
    {"__lt__", complex_lt_m, ARGS_WRAP(1), NULL}, {"__le__", complex_le_m, ARGS_WRAP(1), NULL},
    {"__gt__", complex_gt_m, ARGS_WRAP(1), NULL}, {"__ge__", complex_ge_m, ARGS_WRAP(1), NULL},
    {"__add__", complex_add_m, ARGS_WRAP(1), NULL}, {"__radd__", complex_radd_m, ARGS_WRAP(1), NULL},
    {"__sub__", complex_sub_m, ARGS_WRAP(1), NULL}, {"__rsub__", complex_rsub_m, ARGS_WRAP(1), NULL},
    {"__mul__", complex_mul_m, ARGS_WRAP(1), NULL}, {"__rmul__", complex_rmul_m, ARGS_WRAP(1), NULL},
    {"__truediv__", complex_truediv_m, ARGS_WRAP(1), NULL}, {"__rtruediv__", complex_rtruediv_m, ARGS_WRAP(1), NULL},
    {"__pow__", complex_pow_m, ARGS_WRAPT(1, 2), NULL}, {"__rpow__", complex_rpow_m, ARGS_WRAPT(1, 2), NULL},
    {"__neg__", complex___neg___m, ARGS_WRAP(0), NULL}, {"__pos__", complex___pos___m, ARGS_WRAP(0), NULL},
    {"__abs__", complex___abs___m, ARGS_WRAP(0), NULL},
    {"__complex__", complex___complex___m, ARGS_NONE, NULL},
    {"__format__", complex_format_m, ARGS_ONE, NULL},
    {"__getnewargs__", complex___getnewargs___m, ARGS_NONE, NULL},
    {"conjugate", complex_conjugate_m, ARGS_NONE, "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {NULL, NULL, 0, NULL},
};

Type type_complex = {
    .tp_name = "complex", .base = &type_object,
    .flags = TF_BASETYPE,
    .basicsize = sizeof(ComplexObj),
    .methods = complex_methods, .getsets = complex_getsets,
};
GILPY_TYPE(type_complex, "complex");
