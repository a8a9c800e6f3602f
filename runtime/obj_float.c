/* obj_float.c - the float type.
 *
 * Design.  Floats are immediate doubles (value.h); FloatObj exists only for
 * instances of float subclasses, and float_value() reads either.  Every
 * behaviour follows CPython 3.11's floatobject.c:
 *   - repr is the shortest string that round-trips (found by trying
 *     increasing %.*e precisions with glibc's correctly rounded printf and
 *     strtod), laid out like CPython ('1e+16', '1e-05', '0.1');
 *   - comparisons with ints are exact (mpz_cmp_d for big ints);
 *   - //, % and divmod use CPython's fmod-based formulas, ** its special
 *     cases, with OverflowError (34, 'Numerical result out of range');
 *   - round(x, n) is exact: x is scaled by 10**n in GMP and rounded half to
 *     even, then read back with strtod;
 *   - __format__ uses printf for the digits and fmt_number for sign,
 *     grouping and padding.
 * A negative base with a non-integral exponent gives a complex, computed by
 * obj_complex.c as CPython does.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gmp.h>
#include "runtime/obj_float.h"
#include "runtime/obj_complex.h"
#include "runtime/obj_int.h"
#include "runtime/obj_str.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_list.h"
#include "runtime/error.h"
#include "runtime/call.h"
#include "runtime/gc.h"
#include "runtime/format.h"

/* BinOpKind / CmpOpKind order (interp/ast.h). */
enum { FOP_ADD, FOP_SUB, FOP_MUL, FOP_MATMUL, FOP_TRUEDIV, FOP_FLOORDIV, FOP_MOD, FOP_POW };
enum { FCMP_EQ, FCMP_NE, FCMP_LT, FCMP_LE, FCMP_GT, FCMP_GE };

#define FLOAT_HASH_MOD (((uint64_t)1 << 61) - 1)
#define FLOAT_HASH_BITS 61

/* ---------------------------------------------------------------- repr */

/* At a power of two the round-trip interval is wider above than below, so
 * the decimal one unit above the correctly rounded one may round-trip when
 * that one does not: try it, writing "digits" "e" exponent into buf. */
static int float_try_next_up(double d, char *buf, size_t size, int prec) {
    int e;
    if (frexp(d, &e) != 0.5) return 0;
    unsigned long long m = 0, limit = 1;
    for (int i = 0; i <= prec; i++) limit *= 10;
    const char *s = buf;
    for (; *s != 'e'; s++) if (*s != '.') m = m * 10 + (unsigned long long)(*s - '0');
    int E = atoi(s + 1);
    if (++m == limit) { m /= 10; E++; }
    char cand[48];
    snprintf(cand, sizeof cand, "%llue%d", m, E - prec);
    if (strtod(cand, NULL) != d) return 0;
    snprintf(buf, size, "%llue%d", m, E);
    return 1;
}

/* Shortest "%.*e" digits that round-trip: fills buf, returns the precision.
 * For a normal double, any decimal of at most 15 significant digits that
 * round-trips is its 15-digit rounding minus trailing zeros (which the caller
 * strips), so 15, 16 and 17 digits are tried in turn; subnormals have fewer
 * significant bits and are searched from 1 digit up. */
static int float_shortest_e(double d, char *buf, size_t size) {
    int lo = d < DBL_MIN ? 0 : 14;
    for (int prec = lo; prec < 16; prec++) {
        snprintf(buf, size, "%.*e", prec, d);
        if (strtod(buf, NULL) == d || float_try_next_up(d, buf, size, prec)) return prec;
    }
    snprintf(buf, size, "%.*e", 16, d);
    return 16;
}

/* Lay out digits D (no dot) with decimal exponent E the way repr does. */
static int float_layout(int neg, const char *D, int nd, int E, char *out) {
    char *p = out;
    if (neg) *p++ = '-';
    if (E >= -5 + 1 && E < 16) {
        int decpt = E + 1;
        if (decpt <= 0) {
            *p++ = '0'; *p++ = '.';
            for (int i = 0; i < -decpt; i++) *p++ = '0';
            memcpy(p, D, (size_t)nd); p += nd;
        } else if (decpt >= nd) {
            memcpy(p, D, (size_t)nd); p += nd;
            for (int i = nd; i < decpt; i++) *p++ = '0';
            *p++ = '.'; *p++ = '0';
        } else {
            memcpy(p, D, (size_t)decpt); p += decpt;
            *p++ = '.';
            memcpy(p, D + decpt, (size_t)(nd - decpt)); p += nd - decpt;
        }
    } else {
        *p++ = D[0];
        if (nd > 1) { *p++ = '.'; memcpy(p, D + 1, (size_t)(nd - 1)); p += nd - 1; }
        p += sprintf(p, "e%c%02d", E < 0 ? '-' : '+', E < 0 ? -E : E);
    }
    *p = 0;
    return (int)(p - out);
}

/* The shortest digits of x > 0 when x is the double nearest a decimal with
 * at most 4 digits after the point, found without printing: n / 10^k for
 * the least k.  Below 2^33 an ulp is under 10^-5, so at most one such
 * decimal rounds to x, and it is the shortest that does.  Fills D (no
 * trailing zeros) and *E (the exponent of its first digit); 0 when x is
 * not such a double (the caller prints). */
static int float_short_decimal(double x, char *D, int *nd, int *E) {
    static const double p10[] = {1, 10, 100, 1000, 10000};
    if (!(x < 8589934592.0)) return 0;
    for (int k = 0; k < 5; k++) {
        double n = rint(x * p10[k]);
        if (n < 1 || n / p10[k] != x) continue;
        char tmp[24];
        int len = 0;
        for (uint64_t v = (uint64_t)n; v; v /= 10) tmp[len++] = (char)('0' + v % 10);
        *E = len - 1 - k;
        int first = 0;
        while (first < len - 1 && tmp[first] == '0') first++;   /* trailing zeros */
        *nd = 0;
        for (int i = len - 1; i >= first; i--) D[(*nd)++] = tmp[i];
        D[*nd] = 0;
        return 1;
    }
    return 0;
}

int float_repr_buf(double d, char *buf) {
    if (isnan(d)) { strcpy(buf, "nan"); return 3; }
    if (isinf(d)) { strcpy(buf, d < 0 ? "-inf" : "inf"); return d < 0 ? 4 : 3; }
    if (d == 0) { strcpy(buf, signbit(d) ? "-0.0" : "0.0"); return signbit(d) ? 4 : 3; }
    char e[40], D[24];
    int nd0, E0;
    if (float_short_decimal(fabs(d), D, &nd0, &E0)) return float_layout(d < 0, D, nd0, E0, buf);
    float_shortest_e(fabs(d), e, sizeof e);
    int nd = 0;
    const char *s = e;
    for (; *s && *s != 'e'; s++) if (*s != '.') D[nd++] = *s;
    int E = atoi(s + 1);
    while (nd > 1 && D[nd - 1] == '0') nd--;
    D[nd] = 0;
    return float_layout(d < 0, D, nd, E, buf);
}

Value float_repr(double d) {
    char buf[40];
    int n = float_repr_buf(d, buf);
    return str_new(buf, (size_t)n);
}

/* ---------------------------------------------------------------- parsing */

static int float_is_space(unsigned char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static int float_ieq(const char *s, size_t n, const char *lit) {
    if (strlen(lit) != n) return 0;
    for (size_t i = 0; i < n; i++) if ((s[i] | 0x20) != lit[i]) return 0;
    return 1;
}

/* Copy a run of digits with single underscores between digits; -1 if bad. */
static int float_digits(const char *s, size_t n, size_t *i, char *out, size_t *o) {
    size_t start = *i;
    int prev_digit = 0;
    while (*i < n) {
        char c = s[*i];
        if (c >= '0' && c <= '9') { out[(*o)++] = c; prev_digit = 1; }
        else if (c == '_' && prev_digit && *i + 1 < n && s[*i + 1] >= '0' && s[*i + 1] <= '9')
            prev_digit = 0;
        else break;
        (*i)++;
    }
    return (int)(*i - start);
}

/* Case-insensitive prefix test of lit (lower case) against s[0..n). */
static int float_iprefix(const char *s, size_t n, const char *lit) {
    size_t l = strlen(lit);
    return l <= n && float_ieq(s, l, lit);
}

/* The special values with an optional sign: the length matched, 0 if none. */
static size_t float_parse_special(const char *s, size_t n, double *out) {
    size_t k = (n > 0 && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
    int neg = k && s[0] == '-';
    if (float_iprefix(s + k, n - k, "infinity")) { *out = neg ? -INFINITY : INFINITY; return k + 8; }
    if (float_iprefix(s + k, n - k, "inf")) { *out = neg ? -INFINITY : INFINITY; return k + 3; }
    if (float_iprefix(s + k, n - k, "nan")) { *out = neg ? -NAN : NAN; return k + 3; }
    return 0;
}

size_t float_parse_prefix(const char *s, size_t n, double *out) {
    size_t k = float_parse_special(s, n, out);
    if (k) return k;
    char *buf = malloc(n + 2);
    if (!buf) return 0;
    size_t o = 0;
    if (n > 0 && (s[0] == '+' || s[0] == '-')) buf[o++] = s[k++];
    int nint = float_digits(s, n, &k, buf, &o), nfrac = 0;
    if (k < n && s[k] == '.') {
        buf[o++] = '.'; k++;
        nfrac = float_digits(s, n, &k, buf, &o);
    }
    if (nint + nfrac == 0) { free(buf); return 0; }
    if (k + 1 < n && (s[k] == 'e' || s[k] == 'E')) {
        size_t k0 = k, o0 = o;
        buf[o++] = 'e'; k++;
        if (k < n && (s[k] == '+' || s[k] == '-')) buf[o++] = s[k++];
        if (float_digits(s, n, &k, buf, &o) == 0) { k = k0; o = o0; }
    }
    buf[o] = 0;
    *out = strtod(buf, NULL);
    free(buf);
    return k;
}

/* Parse a float literal; 0 ok, 1 syntax error. */
static int float_parse(const char *s, size_t n, double *out) {
    size_t i = 0;
    while (i < n && float_is_space((unsigned char)s[i])) i++;
    while (n > i && float_is_space((unsigned char)s[n - 1])) n--;
    if (n == i) return 1;
    return float_parse_prefix(s + i, n - i, out) == n - i ? 0 : 1;
}

/* float(x) of a str x: Unicode digits and spaces count as their ASCII forms. */
static Value float_from_str(Value x) {
    double d;
    Value a = str_ascii_numeric(x);
    if (IS_NULL(a)) return VAL_NULL;
    if (float_parse(STR_DATA(a), (size_t)STR_LEN(a), &d) == 0) return MK_FLOAT_SAFE(d);
    return err_format(&exc_ValueError, "could not convert string to float: %R", x);
}

Value float_from_string(const char *s, size_t len) {
    double d;
    if (float_parse(s, len, &d) == 0) return MK_FLOAT_SAFE(d);
    Value sv = str_new_checked(s, len);
    if (IS_NULL(sv)) return VAL_NULL;
    return err_format(&exc_ValueError, "could not convert string to float: %R", sv);
}

/* ---------------------------------------------------------------- hash */

int64_t float_hash(double v) {
    if (!isfinite(v)) return isinf(v) ? (v > 0 ? 314159 : -314159) : 0;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) { sign = -1; m = -m; }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & FLOAT_HASH_MOD) | x >> (FLOAT_HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= FLOAT_HASH_MOD) x -= FLOAT_HASH_MOD;
    }
    e = e >= 0 ? e % FLOAT_HASH_BITS : FLOAT_HASH_BITS - 1 - ((-1 - e) % FLOAT_HASH_BITS);
    x = ((x << e) & FLOAT_HASH_MOD) | x >> (FLOAT_HASH_BITS - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

/* ---------------------------------------------------------------- conversion */

/* A float or int operand as a double: 1 ok, 0 not a number, -1 error. */
static int float_operand(Value v, double *out) {
    if (IS_FLOATOBJ(v)) { *out = float_value(v); return 1; }
    if (IS_INT(v)) return int_to_double(v, out) < 0 ? -1 : 1;
    return 0;
}

/* ---------------------------------------------------------------- arithmetic */

static Value float_range_error(void) {
    Value msg = str_from_c("Numerical result out of range");
    if (IS_NULL(msg)) return VAL_NULL;
    Value t = tuple_pack(2, MK_SMALLINT(34), msg);
    if (IS_NULL(t)) return VAL_NULL;
    return err_set_value(&exc_OverflowError, t);
}

static int float_is_odd_int(double w) {
    return fmod(fabs(w), 2.0) == 1.0;
}

static Value float_pow(double iv, double iw) {
    if (iw == 0) return MK_FLOAT(1.0);
    if (isnan(iv)) return MK_FLOAT(iv);
    if (isnan(iw)) return MK_FLOAT(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0) return MK_FLOAT(1.0);
        if ((iw > 0.0) == (iv > 1.0)) return MK_FLOAT(fabs(iw));
        return MK_FLOAT(0.0);
    }
    if (isinf(iv)) {
        int odd = float_is_odd_int(iw);
        if (iw > 0.0) return MK_FLOAT(odd ? iv : fabs(iv));
        return MK_FLOAT(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        if (iw < 0.0)
            return err_format(&exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return MK_FLOAT(float_is_odd_int(iw) ? iv : 0.0);
    }
    int negate = 0;
    if (iv < 0.0) {
        if (iw != floor(iw)) return complex_pow_parts(iv, 0.0, iw, 0.0);
        iv = -iv;
        negate = float_is_odd_int(iw);
    }
    if (iv == 1.0) return MK_FLOAT(negate ? -1.0 : 1.0);
    errno = 0;
    double ix = pow(iv, iw);
    if (isinf(ix)) return float_range_error();
    return MK_FLOAT_SAFE(negate ? -ix : ix);
}

/* CPython's float_divmod; op FOP_FLOORDIV / FOP_MOD / -1 for both. */
static Value float_divmod_impl(double vx, double wx, int op) {
    if (wx == 0.0) {
        const char *msg = op == FOP_MOD ? "float modulo" :
                          op == FOP_FLOORDIV ? "float floor division by zero" : "float divmod()";
        return err_format(&exc_ZeroDivisionError, "%s", msg);
    }
    double mod = fmod(vx, wx);
    if (op == FOP_MOD) {
        if (mod) { if ((wx < 0) != (mod < 0)) mod += wx; }
        else mod = copysign(0.0, wx);
        return MK_FLOAT_SAFE(mod);
    }
    double div = (vx - mod) / wx, floordiv;
    if (mod) {
        if ((wx < 0) != (mod < 0)) { mod += wx; div -= 1.0; }
    } else {
        mod = copysign(0.0, wx);
    }
    if (div) {
        floordiv = floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = copysign(0.0, vx / wx);
    }
    if (op == FOP_FLOORDIV) return MK_FLOAT_SAFE(floordiv);
    return tuple_pack(2, MK_FLOAT_SAFE(floordiv), MK_FLOAT_SAFE(mod));
}

Value float_binop(Value a, Value b, int op) {
    double x, y;
    if (!IS_FLOATOBJ(a) && !IS_FLOATOBJ(b)) return VAL_NOTIMPLEMENTED;
    int ra = float_operand(a, &x);
    if (ra <= 0) return ra < 0 ? VAL_NULL : VAL_NOTIMPLEMENTED;
    int rb = float_operand(b, &y);
    if (rb <= 0) return rb < 0 ? VAL_NULL : VAL_NOTIMPLEMENTED;
    switch (op) {
    case FOP_ADD: return MK_FLOAT_SAFE(x + y);
    case FOP_SUB: return MK_FLOAT_SAFE(x - y);
    case FOP_MUL: return MK_FLOAT_SAFE(x * y);
    case FOP_TRUEDIV:
        if (y == 0.0) return err_format(&exc_ZeroDivisionError, "float division by zero");
        return MK_FLOAT_SAFE(x / y);
    case FOP_FLOORDIV: case FOP_MOD: return float_divmod_impl(x, y, op);
    case FOP_POW: return float_pow(x, y);
    default: return VAL_NOTIMPLEMENTED;
    }
}

/* Compare double d with int i exactly: -1, 0, 1 (d must not be NaN). */
static int float_cmp_int(double d, Value i) {
    if (!IS_OBJ(i)) {
        double di = IS_BOOL(i) ? AS_BOOL(i) : (double)AS_SMALLINT(i);   /* exact: 48 bits */
        return (d > di) - (d < di);
    }
    int c = mpz_cmp_d(AS_INT(i)->z, d);
    return (c < 0) - (c > 0);
}

Value float_richcompare(Value a, Value b, int op) {
    double x = float_value(a);
    int c;
    if (IS_FLOATOBJ(b)) {
        double y = float_value(b);
        switch (op) {
        case FCMP_EQ: return MK_BOOL(x == y);
        case FCMP_NE: return MK_BOOL(x != y);
        case FCMP_LT: return MK_BOOL(x < y);
        case FCMP_LE: return MK_BOOL(x <= y);
        case FCMP_GT: return MK_BOOL(x > y);
        default: return MK_BOOL(x >= y);
        }
    }
    if (!IS_INT(b)) return VAL_NOTIMPLEMENTED;
    if (isnan(x)) return MK_BOOL(op == FCMP_NE);
    c = float_cmp_int(x, b);
    switch (op) {
    case FCMP_EQ: return MK_BOOL(c == 0);
    case FCMP_NE: return MK_BOOL(c != 0);
    case FCMP_LT: return MK_BOOL(c < 0);
    case FCMP_LE: return MK_BOOL(c <= 0);
    case FCMP_GT: return MK_BOOL(c > 0);
    default: return MK_BOOL(c >= 0);
    }
}

/* ---------------------------------------------------------------- rounding */

/* x rounded to nd decimal digits, exactly (half to even). */
static Value float_round_digits(double x, int64_t nd) {
    if (nd > 323 || !isfinite(x) || x == 0.0) return MK_FLOAT(x);
    if (nd < -308) return MK_FLOAT(0.0 * x);
    int e;
    double m = frexp(fabs(x), &e);
    mpz_t num, den, q, r, p;
    mpz_inits(num, den, q, r, p, NULL);
    mpz_set_d(num, ldexp(m, DBL_MANT_DIG));
    e -= DBL_MANT_DIG;
    mpz_set_ui(den, 1);
    if (e >= 0) mpz_mul_2exp(num, num, (mp_bitcnt_t)e); else mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    mpz_ui_pow_ui(p, 10, (unsigned long)(nd < 0 ? -nd : nd));
    if (nd >= 0) mpz_mul(num, num, p); else mpz_mul(den, den, p);
    mpz_fdiv_qr(q, r, num, den);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, den);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
    char *digits = mpz_get_str(NULL, 10, q);
    size_t dl = strlen(digits);
    char *buf = malloc(dl + 32);
    double res = 0;
    if (buf) {
        snprintf(buf, dl + 32, "%s%se%lld", x < 0 ? "-" : "", digits, (long long)-nd);
        res = strtod(buf, NULL);
        free(buf);
    }
    void (*freefn)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &freefn);
    freefn(digits, dl + 1);
    mpz_clears(num, den, q, r, p, NULL);
    if (!buf) return err_no_memory();
    if (isinf(res))
        return err_format(&exc_OverflowError, "rounded value too large to represent");
    return MK_FLOAT(res);
}

static Value float_round(double x, Value ndigits) {
    if (IS_NULL(ndigits) || IS_NONE(ndigits)) {
        double r = round(x);
        if (fabs(x - r) == 0.5) r = 2.0 * round(x / 2.0);
        return int_from_double(r);
    }
    int64_t n;
    if (arg_to_ssize_clamped(ndigits, &n) < 0) return VAL_NULL;
    return float_round_digits(x, n);
}

/* ---------------------------------------------------------------- format */

static Value float_unknown_code(char type, const char *tname) {
    if (type > 32 && (unsigned char)type < 128)
        return err_format(&exc_ValueError, "Unknown format code '%c' for object of type '%s'",
                          type, tname);
    return err_format(&exc_ValueError, "Unknown format code '\\x%x' for object of type '%s'",
                      (unsigned)(unsigned char)type, tname);
}

/* Remove trailing zeros of the fraction (and a bare '.') in a %e / %f body. */
static void float_strip_zeros(char *s) {
    char *dot = strchr(s, '.');
    if (!dot) return;
    char *e = strpbrk(s, "eE");
    char *end = e ? e : s + strlen(s);
    char *p = end;
    while (p > dot + 1 && p[-1] == '0') p--;
    if (p == dot + 1) p = dot;
    memmove(p, end, strlen(end) + 1);
}

/* "%.*f" of x with p <= 6 digits after the point, without printf, when x
 * * 10^p is below 10^12 and not within 10^-3 of a tie (the product's
 * rounding error is under 10^-4 there, so rint rounds the exact value
 * the way printf does).  0 when it does not apply. */
int float_fixed_fast(double x, int p, char *buf) {
    static const double p10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    if (p > 6 || !isfinite(x)) return 0;
    double y = fabs(x) * p10[p];
    if (!(y < 1e12) || fabs(y - floor(y) - 0.5) < 1e-3) return 0;
    uint64_t n = (uint64_t)rint(y);
    char tmp[24];
    int len = 0;
    do { tmp[len++] = (char)('0' + n % 10); n /= 10; } while (n || len <= p);
    char *o = buf;
    if (signbit(x)) *o++ = '-';
    for (int i = len - 1; i >= 0; i--) {
        *o++ = tmp[i];
        if (i == p && p > 0) *o++ = '.';
    }
    *o = 0;
    return 1;
}

char *float_format_body(double x, char type, int64_t prec, int alt) {
    size_t size = (size_t)prec + 360;
    char *buf = malloc(size);
    if (!buf) return NULL;
    if ((type == 'f' || type == 'F') && !alt && float_fixed_fast(x, (int)prec, buf)) return buf;
    if (type == 0) {                       /* 'g'-like; '.0' added; exp at prec-1 */
        int p = prec == 0 ? 1 : (int)prec;
        snprintf(buf, size, "%.*e", p - 1, x);
        int E = atoi(strchr(buf, 'e') + 1);
        if (E < -4 || E >= p - 1) {
            snprintf(buf, size, alt ? "%#.*e" : "%.*e", p - 1, x);
            if (!alt) float_strip_zeros(buf);
        } else {
            snprintf(buf, size, alt ? "%#.*f" : "%.*f", p - 1 - E, x);
            if (!alt) float_strip_zeros(buf);
            if (!strchr(buf, '.')) strcat(buf, ".0");
        }
        return buf;
    }
    char t = type == 'n' ? 'g' : type;
    if ((t == 'g' || t == 'G') && prec == 0) prec = 1;
    int p = (int)prec;
    switch (t) {
    case 'e': snprintf(buf, size, alt ? "%#.*e" : "%.*e", p, x); break;
    case 'E': snprintf(buf, size, alt ? "%#.*E" : "%.*E", p, x); break;
    case 'f': snprintf(buf, size, alt ? "%#.*f" : "%.*f", p, x); break;
    case 'F': snprintf(buf, size, alt ? "%#.*F" : "%.*F", p, x); break;
    case 'g': snprintf(buf, size, alt ? "%#.*g" : "%.*g", p, x); break;
    default: snprintf(buf, size, alt ? "%#.*G" : "%.*G", p, x); break;
    }
    return buf;
}

Value float_format_spec(double d, Value spec, const char *tname) {
    FormatSpec fs;
    if (fmt_parse_typed(spec, &fs, tname) < 0) return VAL_NULL;
    switch (fs.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        break;
    default:
        return float_unknown_code(fs.type, tname);
    }
    if (fs.precision > INT32_MAX - 400)
        return err_format(&exc_ValueError, "precision too big");
    int neg = signbit(d) && !isnan(d);
    double x = fabs(d);
    char type = fs.type;
    const char *suffix = "";
    if (type == '%') { x *= 100.0; type = 'f'; suffix = "%"; }
    int upper = type == 'E' || type == 'F' || type == 'G';
    char *body;
    if (!isfinite(x)) {
        body = malloc(8);
        if (body) strcpy(body, isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
    } else if (type == 0 && fs.precision < 0) {
        body = malloc(40);
        if (body) float_repr_buf(x, body);
    } else {
        int64_t prec = fs.precision < 0 ? 6 : fs.precision;
        body = float_format_body(x, type, prec, fs.alternate);
    }
    if (!body) return err_no_memory();
    if (fs.no_neg_zero && neg && !strpbrk(body, "123456789")) neg = 0;
    char prefix[2];
    size_t pl = 0;
    if (neg) prefix[pl++] = '-';
    else if (fs.sign == '+' || fs.sign == ' ') prefix[pl++] = fs.sign;
    size_t nd = 0;
    while (body[nd] >= '0' && body[nd] <= '9') nd++;
    size_t bl = strlen(body), sl = strlen(suffix);
    char *rest = malloc(bl - nd + sl + 1);
    if (!rest) { free(body); return err_no_memory(); }
    memcpy(rest, body + nd, bl - nd);
    memcpy(rest + bl - nd, suffix, sl + 1);
    Value r = fmt_number(&fs, prefix, pl, body, nd, rest, bl - nd + sl, 3);
    free(rest);
    free(body);
    return r;
}

/* ---------------------------------------------------------------- hex */

static Value float_hex(double x) {
    if (!isfinite(x)) return float_repr(x);
    if (x == 0.0) return str_from_c(signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char s[32];
    int si = 0;
    static const char hexd[] = "0123456789abcdef";
    s[si++] = hexd[(int)m];
    m -= (int)m;
    s[si++] = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
        m *= 16.0;
        s[si++] = hexd[(int)m];
        m -= (int)m;
    }
    s[si] = 0;
    char out[64];
    int n = snprintf(out, sizeof out, "%s0x%sp%c%d", x < 0 ? "-" : "", s, e < 0 ? '-' : '+',
                     e < 0 ? -e : e);
    return str_new(out, (size_t)n);
}

static Value float_fromhex_str(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && float_is_space((unsigned char)s[i])) i++;
    while (n > i && float_is_space((unsigned char)s[n - 1])) n--;
    double d;
    char *buf = malloc(n - i + 4);
    if (!buf) return err_no_memory();
    size_t o = 0, k = i;
    if (k < n && (s[k] == '+' || s[k] == '-')) buf[o++] = s[k++];
    if (float_ieq(s + k, n - k, "inf") || float_ieq(s + k, n - k, "infinity") ||
        float_ieq(s + k, n - k, "nan")) {
        free(buf);
        return float_parse(s + i, n - i, &d) == 0 ? MK_FLOAT_SAFE(d)
               : err_format(&exc_ValueError, "invalid hexadecimal floating-point string");
    }
    if (n - k >= 2 && s[k] == '0' && (s[k + 1] | 0x20) == 'x') k += 2;
    buf[o++] = '0'; buf[o++] = 'x';
    int ok = k < n && s[k] != '+' && s[k] != '-' && !float_is_space((unsigned char)s[k]);
    memcpy(buf + o, s + k, n - k);
    o += n - k;
    buf[o] = 0;
    char *end;
    errno = 0;
    d = ok ? strtod(buf, &end) : 0;
    ok = ok && end == buf + o && o > 2 + (buf[0] != '0');
    free(buf);
    if (!ok) return err_format(&exc_ValueError, "invalid hexadecimal floating-point string");
    if (isinf(d))
        return err_format(&exc_OverflowError, "hexadecimal value too large to represent as a float");
    return MK_FLOAT(d);
}

/* ---------------------------------------------------------------- methods */

static Value float_new_of_type(Value clsv, double d) {
    Type *cls = IS_TYPE(clsv) ? AS_TYPE(clsv) : &type_float;
    if (cls == &type_float) return MK_FLOAT(d);
    FloatObj *o = (FloatObj *)obj_new_instance(cls);
    if (!o) return VAL_NULL;
    o->v = d;
    return MK_OBJ(o);
}

Value float_from_object(Value x) {
    /* Exact types take a shortcut; a subclass's __float__/__index__ come
     * first, as in CPython's PyNumber_Float. */
    if (IS_FLOAT(x) || IS_EXACT(x, type_float)) return MK_FLOAT(float_value(x));
    if (IS_EXACT(x, type_str)) return float_from_str(x);
    if (IS_SMALLINT(x) || IS_BOOL(x) || IS_EXACT(x, type_int)) {
        double d;
        if (int_to_double(x, &d) < 0) return VAL_NULL;
        return MK_FLOAT(d);
    }
    Value a[1] = {x};
    Value r = obj_call_special(x, SM_FLOAT, a, 1);
    if (IS_NULL(r) && err_occurred()) return VAL_NULL;
    if (!IS_NULL(r)) {
        if (!IS_FLOATOBJ(r))
            return err_format(&exc_TypeError, "%T.__float__ returned non-float (type %T)", x, r);
        return MK_FLOAT(float_value(r));
    }
    r = obj_call_special(x, SM_INDEX, a, 1);
    if (IS_NULL(r) && err_occurred()) return VAL_NULL;
    if (!IS_NULL(r)) {
        double d;
        if (!IS_INT(r))
            return err_format(&exc_TypeError, "__index__ returned non-int (type %T)", r);
        if (int_to_double(r, &d) < 0) return VAL_NULL;
        return MK_FLOAT(d);
    }
    if (IS_FLOATOBJ(x)) return MK_FLOAT(float_value(x));
    if (IS_STR(x)) return float_from_str(x);
    if (IS_BYTES(x) || IS_BYTEARRAY(x) || buffer_check(x)) {
        const uint8_t *data;
        int64_t n;
        double d;
        if (bytes_view(x, &data, &n) < 0) {         /* a strided memoryview */
            err_clear();
            return err_format(&exc_TypeError, "float() argument must be a string or a real number, not '%T'", x);
        }
        if (float_parse((const char *)data, (size_t)n, &d) == 0) return MK_FLOAT_SAFE(d);
        return err_format(&exc_ValueError, "could not convert string to float: %R", x);
    }
    return err_format(&exc_TypeError,
                      "float() argument must be a string or a real number, not '%T'", x);
}

/* ARGS_ANY: CPython's messages name the type ("float expected at most 1 argument, got 2"). */
static Value float_new_m(Value *args, int nargs, Value kw) {
    if (arg_no_kw("float", kw) || arg_count("float", nargs - 1, 0, 1)) return VAL_NULL;
    Value r = nargs < 2 ? MK_FLOAT(0.0) : float_from_object(args[1]);
    if (IS_NULL(r)) return VAL_NULL;
    return float_new_of_type(args[0], AS_FLOAT(r));
}

#define FLOAT_BINOP(name, op) \
    static Value float_##name##_m(Value *args, int nargs, Value kw) { \
        return float_binop(args[0], args[1], op); } \
    static Value float_r##name##_m(Value *args, int nargs, Value kw) { \
        return float_binop(args[1], args[0], op); }
FLOAT_BINOP(add, FOP_ADD)
FLOAT_BINOP(sub, FOP_SUB)
FLOAT_BINOP(mul, FOP_MUL)
FLOAT_BINOP(truediv, FOP_TRUEDIV)
FLOAT_BINOP(floordiv, FOP_FLOORDIV)
FLOAT_BINOP(mod, FOP_MOD)

static Value float_pow3(Value a, Value b, Value mod) {
    if (!IS_NULL(mod) && !IS_NONE(mod))
        return err_format(&exc_TypeError,
                          "pow() 3rd argument not allowed unless all arguments are integers");
    return float_binop(a, b, FOP_POW);
}
static Value float_pow_m(Value *args, int nargs, Value kw) {
    return float_pow3(args[0], args[1], args[2]);
}
static Value float_rpow_m(Value *args, int nargs, Value kw) {
    return float_pow3(args[1], args[0], args[2]);
}

static Value float_divmod2(Value a, Value b) {
    double x, y;
    if (!IS_FLOATOBJ(a) && !IS_FLOATOBJ(b)) return VAL_NOTIMPLEMENTED;
    int r = float_operand(a, &x);
    if (r <= 0) return r < 0 ? VAL_NULL : VAL_NOTIMPLEMENTED;
    r = float_operand(b, &y);
    if (r <= 0) return r < 0 ? VAL_NULL : VAL_NOTIMPLEMENTED;
    return float_divmod_impl(x, y, -1);
}
static Value float_divmod_m(Value *args, int nargs, Value kw) {
    return float_divmod2(args[0], args[1]);
}
static Value float_rdivmod_m(Value *args, int nargs, Value kw) {
    return float_divmod2(args[1], args[0]);
}

#define FLOAT_CMP(name, op) \
    static Value float_##name##_m(Value *args, int nargs, Value kw) { \
        return float_richcompare(args[0], args[1], op); }
FLOAT_CMP(eq, FCMP_EQ)
FLOAT_CMP(ne, FCMP_NE)
FLOAT_CMP(lt, FCMP_LT)
FLOAT_CMP(le, FCMP_LE)
FLOAT_CMP(gt, FCMP_GT)
FLOAT_CMP(ge, FCMP_GE)

#define FLOAT_UNARY(name, expr) \
    static Value float_##name##_m(Value *args, int nargs, Value kw) { \
        double x = float_value(args[0]); (void)x; return (expr); }
FLOAT_UNARY(__neg__, MK_FLOAT(-x))
FLOAT_UNARY(__pos__, MK_FLOAT(x))
FLOAT_UNARY(__abs__, MK_FLOAT(fabs(x)))
FLOAT_UNARY(__bool__, MK_BOOL(x != 0.0))
FLOAT_UNARY(__float__, MK_FLOAT(x))
FLOAT_UNARY(__int__, int_from_double(x))
FLOAT_UNARY(__trunc__, int_from_double(x))
FLOAT_UNARY(__floor__, int_from_double(floor(x)))
FLOAT_UNARY(__ceil__, int_from_double(ceil(x)))
FLOAT_UNARY(__repr__, float_repr(x))
FLOAT_UNARY(__hash__, isnan(x) ? MK_SMALLINT((int64_t)((uintptr_t)AS_OBJ(args[0]) >> 4))
                               : int_from_i64(float_hash(x)))
FLOAT_UNARY(__getnewargs__, tuple_pack(1, MK_FLOAT(x)))
FLOAT_UNARY(conjugate, MK_FLOAT(x))
FLOAT_UNARY(is_integer, MK_BOOL(isfinite(x) && floor(x) == x))
FLOAT_UNARY(hex, float_hex(x))

static Value float_round_m(Value *args, int nargs, Value kw) {
    return float_round(float_value(args[0]), args[1]);
}

static Value float_format_m(Value *args, int nargs, Value kw) {
    if (!IS_STR(args[1]))
        return err_format(&exc_TypeError, "__format__() argument must be str, not %N", args[1]);
    if (STR_LEN(args[1]) == 0) return obj_str(args[0]);
    return float_format_spec(float_value(args[0]), args[1], val_type_name(args[0]));
}

static Value float_as_integer_ratio_m(Value *args, int nargs, Value kw) {
    double x = float_value(args[0]);
    if (isinf(x)) return err_format(&exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x)) return err_format(&exc_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(x, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) { m *= 2.0; e--; }
    mpz_t num, den;
    mpz_init_set_d(num, m);
    mpz_init_set_ui(den, 1);
    if (e > 0) mpz_mul_2exp(num, num, (mp_bitcnt_t)e); else mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    Value n = int_from_mpz(num), d = int_from_mpz(den);
    mpz_clears(num, den, NULL);
    if (IS_NULL(n) || IS_NULL(d)) return VAL_NULL;
    return tuple_pack(2, n, d);
}

/* float.__getformat__(typestr): gilpy runs only where C doubles are IEEE 754
 * little-endian (the NaN boxing of value.h relies on it). */
static Value float_getformat_m(Value *args, int nargs, Value kw) {
    Value s = args[1];
    if (!IS_STR(s)) return err_format(&exc_TypeError, "__getformat__() argument must be str, not %N", s);
    if (!str_eq_c(s, "double") && !str_eq_c(s, "float"))
        return err_format(&exc_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
    return str_from_c("IEEE, little-endian");
}

static Value float_fromhex_m(Value *args, int nargs, Value kw) {
    if (!IS_STR(args[1]))
        return err_format(&exc_TypeError, "bad argument type for built-in operation");   /* CPython's */
    Value r = float_fromhex_str(STR_DATA(args[1]), (size_t)STR_LEN(args[1]));
    if (IS_NULL(r)) return VAL_NULL;
    if (IS_TYPE(args[0]) && AS_TYPE(args[0]) != &type_float) return call1(args[0], r);
    return r;
}

static Value float_get_real(Value self) { return MK_FLOAT(float_value(self)); }
static Value float_get_imag(Value self) { (void)self; return MK_FLOAT(0.0); }

static const GetSetDef float_getsets[] = {
    {"real", float_get_real, NULL, "the real part of a complex number"},
    {"imag", float_get_imag, NULL, "the imaginary part of a complex number"},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef float_methods[] = {
    {"__new__", float_new_m, METH_STATIC, NULL},
    {"__repr__", float___repr___m, ARGS_WRAP(0), NULL},
    {"__hash__", float___hash___m, ARGS_WRAP(0), NULL},
    {"__bool__", float___bool___m, ARGS_WRAP(0), NULL},
    {"__eq__", float_eq_m, ARGS_WRAP(1), NULL}, {"__ne__", float_ne_m, ARGS_WRAP(1), NULL},
    {"__lt__", float_lt_m, ARGS_WRAP(1), NULL}, {"__le__", float_le_m, ARGS_WRAP(1), NULL},
    {"__gt__", float_gt_m, ARGS_WRAP(1), NULL}, {"__ge__", float_ge_m, ARGS_WRAP(1), NULL},
    {"__add__", float_add_m, ARGS_WRAP(1), NULL}, {"__radd__", float_radd_m, ARGS_WRAP(1), NULL},
    {"__sub__", float_sub_m, ARGS_WRAP(1), NULL}, {"__rsub__", float_rsub_m, ARGS_WRAP(1), NULL},
    {"__mul__", float_mul_m, ARGS_WRAP(1), NULL}, {"__rmul__", float_rmul_m, ARGS_WRAP(1), NULL},
    {"__truediv__", float_truediv_m, ARGS_WRAP(1), NULL}, {"__rtruediv__", float_rtruediv_m, ARGS_WRAP(1), NULL},
    {"__floordiv__", float_floordiv_m, ARGS_WRAP(1), NULL}, {"__rfloordiv__", float_rfloordiv_m, ARGS_WRAP(1), NULL},
    {"__mod__", float_mod_m, ARGS_WRAP(1), NULL}, {"__rmod__", float_rmod_m, ARGS_WRAP(1), NULL},
    {"__divmod__", float_divmod_m, ARGS_WRAP(1), NULL}, {"__rdivmod__", float_rdivmod_m, ARGS_WRAP(1), NULL},
    {"__pow__", float_pow_m, ARGS_WRAPT(1, 2), NULL}, {"__rpow__", float_rpow_m, ARGS_WRAPT(1, 2), NULL},
    {"__neg__", float___neg___m, ARGS_WRAP(0), NULL}, {"__pos__", float___pos___m, ARGS_WRAP(0), NULL},
    {"__abs__", float___abs___m, ARGS_WRAP(0), NULL},
    {"__int__", float___int___m, ARGS_WRAP(0), NULL}, {"__float__", float___float___m, ARGS_WRAP(0), NULL},
    {"__trunc__", float___trunc___m, ARGS_NONE, NULL}, {"__floor__", float___floor___m, ARGS_NONE, NULL},
    {"__ceil__", float___ceil___m, ARGS_NONE, NULL}, {"__round__", float_round_m, ARGS_POS(0, 1), NULL},
    {"__format__", float_format_m, ARGS_ONE, NULL},
    {"__getnewargs__", float___getnewargs___m, ARGS_NONE, NULL},
    {"conjugate", float_conjugate_m, ARGS_NONE, "Return self, the complex conjugate of any float."},
    {"is_integer", float_is_integer_m, ARGS_NONE, "Return True if the float is an integer."},
    {"as_integer_ratio", float_as_integer_ratio_m, ARGS_NONE, "Return integer ratio."},
    {"hex", float_hex_m, ARGS_NONE, "Return a hexadecimal representation of a floating-point number."},
    {"fromhex", float_fromhex_m, METH_CLASS | ARGS_ONE, "Create a floating-point number from a hexadecimal string."},
    {"__getformat__", float_getformat_m, METH_CLASS | ARGS_ONE,
     "You probably don't want to use this function.\n\n  typestr\n    Must be 'double' or 'float'.\n\n"
     "It exists mainly to be used in Python's test suite.\n\nThis function returns whichever of "
     "'unknown', 'IEEE, big-endian' or 'IEEE,\nlittle-endian' best describes the format of floating "
     "point numbers used by the\nC type named by typestr."},
    {NULL, NULL, 0, NULL},
};

Type type_float = {
    .tp_name = "float", .base = &type_object,
    .flags = TF_BASETYPE | TF_FLOAT_SUBCLASS | TF_MATCH_SELF,
    .basicsize = sizeof(FloatObj),
    .methods = float_methods, .getsets = float_getsets,
};
GILPY_TYPE(type_float, "float");
