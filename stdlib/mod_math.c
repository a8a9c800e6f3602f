/* mod_math.c - the math module.
 *
 * Design: CPython 3.11's mathmodule.c in miniature.  Real functions of one
 * argument go through math_1, which converts the argument with
 * arg_to_double and maps results to CPython's errors: a NaN from a
 * non-NaN argument is ValueError("math domain error"), an infinity from a
 * finite argument is OverflowError("math range error") for functions that
 * can overflow (exp, cosh...) and ValueError otherwise.  Integer functions
 * (factorial, gcd, comb, isqrt...) use GMP through int_to_mpz/int_from_mpz.
 * fsum is CPython's exact Shewchuk summation; hypot and dist use CPython's
 * vector_norm, so results agree to the last bit.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <gmp.h>
#include "runtime/object.h"
#include "runtime/obj_int.h"
#include "runtime/obj_float.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_str.h"
#include "runtime/error.h"
#include "runtime/call.h"
#include "runtime/gc.h"
#include "interp/modreg.h"

#ifndef M_PI
#define M_PI 3.141592653589793238462643383279502884
#endif
#ifndef M_E
#define M_E 2.718281828459045235360287471352662498
#endif

GILPY_MODULE("math", mod_math_init);

enum { MATH_OP_MUL = 2 };   /* BinOpKind OP_MUL */

static Value math_domain(void) { return err_format(&exc_ValueError, "math domain error"); }
static Value math_range(void) { return err_format(&exc_OverflowError, "math range error"); }

/* ---------------------------------------------------------------- one-arg */

static Value math_1(Value arg, double (*fn)(double), int can_overflow) {
    double x;
    if (arg_to_double(arg, &x) < 0) return VAL_NULL;
    errno = 0;
    double r = fn(x);
    if (isnan(r) && !isnan(x)) return math_domain();
    if (isinf(r) && isfinite(x)) return can_overflow ? math_range() : math_domain();
    if (isfinite(r) && errno == ERANGE && fabs(r) >= 1.0) return math_range();
    return MK_FLOAT_SAFE(r);
}

static double math_m_log1p(double x) { return x == -1.0 ? (double)NAN : log1p(x); }
static double math_m_atanh(double x) { return fabs(x) >= 1.0 ? (double)NAN : atanh(x); }

static int math_is_nonpos_int(double x) { return x <= 0 && floor(x) == x; }

/* gamma and lgamma: CPython's own Lanczos approximation (N = 13, g ~ 6.0247),
 * not the C library's, so that results agree with CPython to the last bit.
 * The coefficients are those of the rational function L_g(x) = num(x)/den(x),
 * den(x) = x*(x+1)*...*(x+11). */
#define MATH_LANCZOS_N 13
static const double math_lanczos_g = 6.024680040776729583740234375;
static const double math_lanczos_g_minus_half = 5.524680040776729583740234375;
static const double math_lanczos_num[MATH_LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
static const double math_lanczos_den[MATH_LANCZOS_N] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
    13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0};
#define MATH_NFACT 23   /* gamma(n) = (n-1)! is exact in a double for n <= 23 */
static const double math_logpi = 1.144729885849400174143427351353058711647;

/* L_g(x) for x > 0; for large x as a rational function of 1/x (no overflow). */
static double math_lanczos_sum(double x) {
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = MATH_LANCZOS_N; --i >= 0;) {
            num = num * x + math_lanczos_num[i];
            den = den * x + math_lanczos_den[i];
        }
    } else {
        for (int i = 0; i < MATH_LANCZOS_N; i++) {
            num = num / x + math_lanczos_num[i];
            den = den / x + math_lanczos_den[i];
        }
    }
    return num / den;
}

/* sin(pi*x) for finite x, accurate near the integers and half-integers. */
static double math_sinpi(double x) {
    double y = fmod(fabs(x), 2.0), r = 0.0;
    switch ((int)round(2.0 * y)) {
    case 0: r = sin(M_PI * y); break;
    case 1: r = cos(M_PI * (y - 0.5)); break;
    case 2: r = sin(M_PI * (1.0 - y)); break;
    case 3: r = -cos(M_PI * (y - 1.5)); break;
    default: r = sin(M_PI * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

static double math_fact_double(int n) {
    double r = 1.0;
    for (int i = 2; i <= n; i++) r *= i;
    return r;
}

/* r * y**e, or r / y**e, splitting the power in two when it could overflow. */
static double math_scale_pow(double r, double y, double absx, int divide) {
    if (absx < 140.0) {
        double p = pow(y, absx - 0.5);
        return divide ? r / p : r * p;
    }
    double half = pow(y, absx / 2.0 - 0.25);
    return divide ? r / half / half : r * half * half;
}

static double math_m_gamma(double x) {
    if (isinf(x)) return x > 0 ? x : (double)NAN;
    if (isnan(x)) return x;
    if (math_is_nonpos_int(x)) return NAN;
    if (x == floor(x) && x <= MATH_NFACT) return math_fact_double((int)x - 1);
    double absx = fabs(x);
    if (absx < 1e-20) return 1.0 / x;
    if (absx > 200.0) return x < 0.0 ? 0.0 / math_sinpi(x) : (double)INFINITY;
    double y = absx + math_lanczos_g_minus_half, z;
    if (absx > math_lanczos_g_minus_half) z = (y - absx) - math_lanczos_g_minus_half;
    else z = (y - math_lanczos_g_minus_half) - absx;
    z = z * math_lanczos_g / y;
    double r;
    if (x < 0.0) {
        r = -M_PI / math_sinpi(absx) / absx * exp(y) / math_lanczos_sum(absx);
        r -= z * r;
        return math_scale_pow(r, y, absx, 1);
    }
    r = math_lanczos_sum(absx) / exp(y);
    r += z * r;
    return math_scale_pow(r, y, absx, 0);
}

static double math_m_lgamma(double x) {
    if (isnan(x)) return x;
    if (isinf(x)) return INFINITY;
    if (math_is_nonpos_int(x)) return NAN;
    if (x == 1.0 || x == 2.0) return 0.0;
    double absx = fabs(x);
    if (absx < 1e-20) return -log(absx);
    double r = log(math_lanczos_sum(absx)) - math_lanczos_g;
    r += (absx - 0.5) * (log(absx + math_lanczos_g - 0.5) - 1);
    if (x < 0.0) r = math_logpi - log(fabs(math_sinpi(absx))) - log(absx) - r;
    return r;
}
static double math_m_sin(double x) { return isinf(x) ? (double)NAN : sin(x); }
static double math_m_cos(double x) { return isinf(x) ? (double)NAN : cos(x); }
static double math_m_tan(double x) { return isinf(x) ? (double)NAN : tan(x); }
static double math_m_degrees(double x) { return x * (180.0 / M_PI); }
static double math_m_radians(double x) { return x * (M_PI / 180.0); }

#define MATH_FUNC1(name, fn, ovf) \
    static Value math_##name(Value *args, int nargs, Value kw) { return math_1(args[0], fn, ovf); }
MATH_FUNC1(sqrt, sqrt, 0)
MATH_FUNC1(exp, exp, 1)
MATH_FUNC1(exp2, exp2, 1)
MATH_FUNC1(expm1, expm1, 1)
MATH_FUNC1(log1p, math_m_log1p, 0)
MATH_FUNC1(sin, math_m_sin, 0)
MATH_FUNC1(cos, math_m_cos, 0)
MATH_FUNC1(tan, math_m_tan, 0)
MATH_FUNC1(asin, asin, 0)
MATH_FUNC1(acos, acos, 0)
MATH_FUNC1(atan, atan, 0)
MATH_FUNC1(sinh, sinh, 1)
MATH_FUNC1(cosh, cosh, 1)
MATH_FUNC1(tanh, tanh, 0)
MATH_FUNC1(asinh, asinh, 0)
MATH_FUNC1(acosh, acosh, 0)
MATH_FUNC1(atanh, math_m_atanh, 0)
MATH_FUNC1(erf, erf, 0)
MATH_FUNC1(erfc, erfc, 0)
MATH_FUNC1(gamma, math_m_gamma, 1)
MATH_FUNC1(lgamma, math_m_lgamma, 1)
MATH_FUNC1(fabs, fabs, 0)
MATH_FUNC1(cbrt, cbrt, 0)
MATH_FUNC1(degrees, math_m_degrees, 1)
MATH_FUNC1(radians, math_m_radians, 0)

/* ---------------------------------------------------------------- logs */

/* log of a positive number, ints of any size included; base-e. */
static int math_log_any(Value v, double (*fn)(double), double *out) {
    if (IS_INT(v)) {
        if (int_sign(v) <= 0) { math_domain(); return -1; }
        double d;
        if (int_to_double(v, &d) == 0) { *out = fn(d); return 0; }
        err_clear();
        mpz_t z;
        mpz_init(z);
        int_to_mpz(v, z);
        long e;
        double m = mpz_get_d_2exp(&e, z);   /* z = m * 2**e, 0.5 <= m < 1 */
        mpz_clear(z);
        *out = fn(m) + (double)e * fn(2.0);
        return 0;
    }
    double x;
    if (arg_to_double(v, &x) < 0) return -1;
    if (isnan(x) || (isinf(x) && x > 0)) { *out = x; return 0; }
    if (x <= 0) { math_domain(); return -1; }
    *out = fn(x);
    return 0;
}

/* ARGS_ANY: CPython's math.log checks its count by hand ("math.log requires 1 to
 * 2 arguments"), which no ARGS_* kind words, and is METH_VARARGS for keywords. */
static Value math_log(Value *args, int nargs, Value kw) {
    if (arg_no_kw("log", kw)) return VAL_NULL;
    if (nargs < 1 || nargs > 2) return err_format(&exc_TypeError, "math.log requires 1 to 2 arguments");
    double num, den;
    if (math_log_any(args[0], log, &num) < 0) return VAL_NULL;
    if (nargs == 1) return MK_FLOAT_SAFE(num);
    if (math_log_any(args[1], log, &den) < 0) return VAL_NULL;
    if (den == 0.0) return err_format(&exc_ZeroDivisionError, "float division by zero");
    return MK_FLOAT_SAFE(num / den);
}

static Value math_log2(Value *args, int nargs, Value kw) {
    double r;
    if (math_log_any(args[0], log2, &r) < 0) return VAL_NULL;
    return MK_FLOAT_SAFE(r);
}

static Value math_log10(Value *args, int nargs, Value kw) {
    double r;
    if (math_log_any(args[0], log10, &r) < 0) return VAL_NULL;
    return MK_FLOAT_SAFE(r);
}

/* ---------------------------------------------------------------- two-arg */

static int math_2args(Value *args, double *x, double *y) {
    if (arg_to_double(args[0], x) < 0 || arg_to_double(args[1], y) < 0) return -1;
    return 0;
}

static Value math_pow(Value *args, int nargs, Value kw) {
    double x, y;
    if (math_2args(args, &x, &y) < 0) return VAL_NULL;
    if (!isfinite(x) || !isfinite(y)) {
        errno = 0;
        if (isnan(x)) return MK_FLOAT(y == 0.0 ? 1.0 : x);
        if (isnan(y)) return MK_FLOAT(x == 1.0 ? 1.0 : y);
        return MK_FLOAT_SAFE(pow(x, y));
    }
    if (x == 0.0 && y < 0) return math_domain();
    if (x < 0 && floor(y) != y) return math_domain();
    double r = pow(x, y);
    if (isinf(r)) return math_range();
    return MK_FLOAT(r);
}

static Value math_atan2(Value *args, int nargs, Value kw) {
    double y, x;
    if (math_2args(args, &y, &x) < 0) return VAL_NULL;
    return MK_FLOAT_SAFE(atan2(y, x));
}

static Value math_fmod(Value *args, int nargs, Value kw) {
    double x, y;
    if (math_2args(args, &x, &y) < 0) return VAL_NULL;
    if (isinf(y) && isfinite(x)) return MK_FLOAT(x);
    if (!isnan(x) && !isnan(y) && (y == 0.0 || isinf(x))) return math_domain();
    return MK_FLOAT_SAFE(fmod(x, y));
}

static Value math_remainder(Value *args, int nargs, Value kw) {
    double x, y;
    if (math_2args(args, &x, &y) < 0) return VAL_NULL;
    if (isnan(x) || isnan(y)) return MK_FLOAT(NAN);
    if (isinf(x) || y == 0.0) return math_domain();
    if (isinf(y)) return MK_FLOAT(x);
    return MK_FLOAT_SAFE(remainder(x, y));
}

static Value math_copysign(Value *args, int nargs, Value kw) {
    double x, y;
    if (math_2args(args, &x, &y) < 0) return VAL_NULL;
    return MK_FLOAT_SAFE(copysign(x, y));
}

static Value math_nextafter(Value *args, int nargs, Value kw) {
    double x, y;
    if (math_2args(args, &x, &y) < 0) return VAL_NULL;
    return MK_FLOAT_SAFE(nextafter(x, y));
}

static Value math_ulp(Value *args, int nargs, Value kw) {
    double x;
    if (arg_to_double(args[0], &x) < 0) return VAL_NULL;
    if (isnan(x)) return MK_FLOAT(x);
    x = fabs(x);
    if (isinf(x)) return MK_FLOAT(x);
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) { x2 = nextafter(x, -INFINITY); return MK_FLOAT(x - x2); }
    return MK_FLOAT(x2 - x);
}

/* ---------------------------------------------------------------- predicates */

static Value math_pred(Value *args, int which) {
    double x;
    if (arg_to_double(args[0], &x) < 0) return VAL_NULL;
    return MK_BOOL(which == 0 ? isfinite(x) : which == 1 ? isinf(x) : isnan(x));
}
static Value math_isfinite(Value *a, int n, Value kw) { return math_pred(a, 0); }
static Value math_isinf(Value *a, int n, Value kw) { return math_pred(a, 1); }
static Value math_isnan(Value *a, int n, Value kw) { return math_pred(a, 2); }

/* isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) */
static Value math_isclose(Value *args, int nargs, Value kw) {
    Value *v = args;
    double a, b, rel = 1e-09, abst = 0.0;
    if (arg_to_double(v[0], &a) < 0 || arg_to_double(v[1], &b) < 0) return VAL_NULL;
    if (!IS_NULL(v[2]) && arg_to_double(v[2], &rel) < 0) return VAL_NULL;
    if (!IS_NULL(v[3]) && arg_to_double(v[3], &abst) < 0) return VAL_NULL;
    if (rel < 0.0 || abst < 0.0)
        return err_format(&exc_ValueError, "tolerances must be non-negative");
    if (a == b) return VAL_TRUE;
    if (isinf(a) || isinf(b)) return VAL_FALSE;
    double diff = fabs(b - a);
    return MK_BOOL((diff <= fabs(rel * b)) || (diff <= fabs(rel * a)) || (diff <= abst));
}

/* ---------------------------------------------------------------- rounding */

static Value math_round_via(Value v, const char *meth, double (*fn)(double)) {
    if (IS_FLOAT(v)) return int_from_double(fn(AS_FLOAT(v)));
    if (IS_INT(v) && !IS_OBJ(v)) return int_exact(v);
    Value f = obj_lookup_special(v, meth);
    if (!IS_NULL(f)) return call0(f);
    if (err_occurred()) return VAL_NULL;
    double x;
    if (arg_to_double(v, &x) < 0) return VAL_NULL;
    return int_from_double(fn(x));
}
static Value math_floor(Value *args, int nargs, Value kw) {
    return math_round_via(args[0], "__floor__", floor);
}
static Value math_ceil(Value *args, int nargs, Value kw) {
    return math_round_via(args[0], "__ceil__", ceil);
}
static Value math_trunc(Value *args, int nargs, Value kw) {
    Value v = args[0];
    if (IS_FLOAT(v)) return int_from_double(trunc(AS_FLOAT(v)));
    Value f = obj_lookup_special(v, "__trunc__");
    if (IS_NULL(f) && !err_occurred())
        return err_format(&exc_TypeError, "type %s doesn't define __trunc__ method",
                          val_type_name(v));
    return IS_NULL(f) ? VAL_NULL : call0(f);
}

static Value math_frexp(Value *args, int nargs, Value kw) {
    double x;
    if (arg_to_double(args[0], &x) < 0) return VAL_NULL;
    int e = 0;
    if (isnan(x) || isinf(x) || x == 0.0) return tuple_pack(2, MK_FLOAT_SAFE(x), MK_SMALLINT(0));
    double m = frexp(x, &e);
    return tuple_pack(2, MK_FLOAT(m), MK_SMALLINT(e));
}

static Value math_ldexp(Value *args, int nargs, Value kw) {
    double x;
    if (arg_to_double(args[0], &x) < 0) return VAL_NULL;
    if (!IS_INT(args[1]))
        return err_format(&exc_TypeError, "Expected an int as second argument to ldexp.");
    int64_t e;
    if (IS_OBJ(args[1]) && AS_OBJ(args[1])->type != &type_bool) {
        int s = int_sign(args[1]);
        e = s > 0 ? 100000 : -100000;
        if (mpz_fits_slong_p(AS_INT(args[1])->z)) e = mpz_get_si(AS_INT(args[1])->z);
        if (e > 100000) e = 100000;
        if (e < -100000) e = -100000;
    } else if (int_to_i64(args[1], &e) < 0) {
        return VAL_NULL;
    }
    if (x == 0.0 || !isfinite(x)) return MK_FLOAT_SAFE(x);
    if (e > 100000) e = 100000;
    if (e < -100000) e = -100000;
    double r = ldexp(x, (int)e);
    if (isinf(r)) return math_range();
    return MK_FLOAT(r);
}

static Value math_modf(Value *args, int nargs, Value kw) {
    double x;
    if (arg_to_double(args[0], &x) < 0) return VAL_NULL;
    if (isinf(x)) return tuple_pack(2, MK_FLOAT(copysign(0.0, x)), MK_FLOAT(x));
    if (isnan(x)) return tuple_pack(2, MK_FLOAT_SAFE(x), MK_FLOAT_SAFE(x));
    double ip;
    double fp = modf(x, &ip);
    return tuple_pack(2, MK_FLOAT(fp), MK_FLOAT(ip));
}

/* ---------------------------------------------------------------- hypot, dist */

typedef struct { double hi, lo; } MathDL;
static MathDL math_dl_fast_sum(double a, double b) {
    double x = a + b, z = x - a, y = b - z;
    return (MathDL){x, y};
}
static MathDL math_dl_mul(double x, double y) {
    double z = x * y;
    return (MathDL){z, fma(x, y, -z)};
}

/* CPython 3.11's vector_norm: an accurately rounded sqrt(sum(x*x)). */
static double math_vector_norm(int64_t n, double *vec, double max, int found_nan) {
    if (isinf(max)) return max;
    if (found_nan) return NAN;
    if (max == 0.0 || n <= 1) return max;
    int max_e;
    frexp(max, &max_e);
    if (max_e < -1023) {
        for (int64_t i = 0; i < n; i++) vec[i] /= DBL_MIN;
        return DBL_MIN * math_vector_norm(n, vec, max / DBL_MIN, found_nan);
    }
    double scale = ldexp(1.0, -max_e), csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    MathDL pr, sm;
    for (int64_t i = 0; i < n; i++) {
        double x = vec[i] * scale;
        pr = math_dl_mul(x, x);
        sm = math_dl_fast_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    double h = sqrt(csum - 1.0 + (frac1 + frac2));
    pr = math_dl_mul(-h, h);
    sm = math_dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    double x = csum - 1.0 + (frac1 + frac2);
    return (h + x / (2.0 * h)) / scale;
}

static Value math_norm_of(double *vec, int64_t n) {
    double max = 0.0;
    int found_nan = 0;
    for (int64_t i = 0; i < n; i++) {
        double x = fabs(vec[i]);
        vec[i] = x;
        found_nan |= isnan(x);
        if (x > max) max = x;
    }
    return MK_FLOAT_SAFE(math_vector_norm(n, vec, max, found_nan));
}

/* ARGS_ANY (also gcd and lcm): any number of positional arguments and no
 * keywords, which no ARGS_* kind declares. */
static Value math_hypot(Value *args, int nargs, Value kw) {
    if (arg_no_kw("math.hypot", kw)) return VAL_NULL;
    double stackbuf[16];
    double *vec = nargs <= 16 ? stackbuf : gc_malloc(sizeof(double) * (size_t)nargs);
    if (!vec) return VAL_NULL;
    Value r = VAL_NULL;
    int i;
    for (i = 0; i < nargs; i++) if (arg_to_double(args[i], &vec[i]) < 0) break;
    if (i == nargs) r = math_norm_of(vec, nargs);
    if (vec != stackbuf) gc_free(vec, sizeof(double) * (size_t)nargs);
    return r;
}

static Value math_dist(Value *args, int nargs, Value kw) {
    Value p = IS_TUPLE(args[0]) ? args[0] : seq_to_tuple(args[0]);
    if (IS_NULL(p)) return VAL_NULL;
    Value q = IS_TUPLE(args[1]) ? args[1] : seq_to_tuple(args[1]);
    if (IS_NULL(q)) return VAL_NULL;
    int64_t n = AS_TUPLE(p)->len;
    if (n != AS_TUPLE(q)->len)
        return err_format(&exc_ValueError, "both points must have the same number of dimensions");
    double *vec = gc_malloc(sizeof(double) * (size_t)(n ? n : 1));
    if (!vec) return VAL_NULL;
    Value r = VAL_NULL;
    int64_t i;
    for (i = 0; i < n; i++) {
        double a, b;
        if (arg_to_double(AS_TUPLE(p)->items[i], &a) < 0 ||
            arg_to_double(AS_TUPLE(q)->items[i], &b) < 0) break;
        vec[i] = a - b;
    }
    if (i == n) r = math_norm_of(vec, n);
    gc_free(vec, sizeof(double) * (size_t)(n ? n : 1));
    return r;
}

/* ---------------------------------------------------------------- fsum */

/* CPython's math_fsum: exact partial sums (Shewchuk), with its special cases. */
static Value math_fsum(Value *args, int nargs, Value kw) {
    Value it = obj_iter(args[0]);
    if (IS_NULL(it)) return VAL_NULL;
    size_t cap = 32, n = 0;
    double *p = gc_malloc(cap * sizeof(double));
    if (!p) return VAL_NULL;
    double special_sum = 0.0, inf_sum = 0.0;
    Value res = VAL_NULL;
    for (;;) {
        Value item = obj_next(it);
        if (IS_NULL(item)) { if (err_occurred()) goto done; break; }
        double x;
        if (arg_to_double(item, &x) < 0) goto done;
        double xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) { double t = x; x = y; y = t; }
            double hi = x + y, lo = y - (hi - x);
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                if (isfinite(xsave)) {
                    err_format(&exc_OverflowError, "intermediate overflow in fsum");
                    goto done;
                }
                if (isinf(xsave)) inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            } else {
                if (n >= cap) {
                    double *np = gc_realloc(p, cap * sizeof(double), cap * 2 * sizeof(double));
                    if (!np) goto done;
                    p = np;
                    cap *= 2;
                }
                p[n++] = x;
            }
        }
    }
    if (special_sum != 0.0) {
        if (isnan(inf_sum)) err_format(&exc_ValueError, "-inf + inf in fsum");
        else res = MK_FLOAT_SAFE(special_sum);
        goto done;
    }
    double hi = 0.0;
    if (n > 0) {
        double lo = 0.0, x, y, yr;
        hi = p[--n];
        while (n > 0) {
            x = hi;
            y = p[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            y = lo * 2.0;
            x = hi + y;
            yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    res = MK_FLOAT(hi);
done:
    gc_free(p, cap * sizeof(double));
    return res;
}

/* ---------------------------------------------------------------- integers */

static int math_get_int(Value v, Value *out) {
    *out = obj_index(v);
    return IS_NULL(*out) ? -1 : 0;
}

static Value math_factorial(Value *args, int nargs, Value kw) {
    Value n;
    if (math_get_int(args[0], &n) < 0) return VAL_NULL;
    if (int_sign(n) < 0)
        return err_format(&exc_ValueError, "factorial() not defined for negative values");
    int64_t k;
    if (int_to_i64(n, &k) < 0) {
        err_clear();
        return err_format(&exc_OverflowError,
                          "factorial() argument should not exceed 9223372036854775807");
    }
    if (k > 50000000) return err_no_memory();
    mpz_t z;
    mpz_init(z);
    mpz_fac_ui(z, (unsigned long)k);
    Value r = int_from_mpz(z);
    mpz_clear(z);
    return r;
}

/* ARGS_ANY, as hypot: any number of positional arguments, no keywords. */
static Value math_gcd_lcm(Value *args, int nargs, Value kw, int lcm) {
    if (arg_no_kw(lcm ? "math.lcm" : "math.gcd", kw)) return VAL_NULL;
    mpz_t acc, t;
    mpz_init_set_ui(acc, lcm ? 1 : 0);
    mpz_init(t);
    for (int i = 0; i < nargs; i++) {
        Value v;
        if (math_get_int(args[i], &v) < 0) { mpz_clears(acc, t, NULL); return VAL_NULL; }
        int_to_mpz(v, t);
        if (lcm) mpz_lcm(acc, acc, t); else mpz_gcd(acc, acc, t);
    }
    Value r = int_from_mpz(acc);
    mpz_clears(acc, t, NULL);
    return r;
}
static Value math_gcd(Value *a, int n, Value kw) { return math_gcd_lcm(a, n, kw, 0); }
static Value math_lcm(Value *a, int n, Value kw) { return math_gcd_lcm(a, n, kw, 1); }

static Value math_isqrt(Value *args, int nargs, Value kw) {
    Value n;
    if (math_get_int(args[0], &n) < 0) return VAL_NULL;
    if (int_sign(n) < 0) return err_format(&exc_ValueError, "isqrt() argument must be nonnegative");
    mpz_t z;
    mpz_init(z);
    int_to_mpz(n, z);
    mpz_sqrt(z, z);
    Value r = int_from_mpz(z);
    mpz_clear(z);
    return r;
}

/* comb (perm=0) / perm (perm=1); k VAL_NULL or None for perm(n). */
static Value math_comb_perm(Value nv, Value kv, int perm) {
    Value n, k;
    if (math_get_int(nv, &n) < 0) return VAL_NULL;
    if (IS_NULL(kv) || (perm && IS_NONE(kv))) k = n;
    else if (math_get_int(kv, &k) < 0) return VAL_NULL;
    if (int_sign(n) < 0) return err_format(&exc_ValueError, "n must be a non-negative integer");
    if (int_sign(k) < 0) return err_format(&exc_ValueError, "k must be a non-negative integer");
    if (int_compare(k, n) > 0) return MK_SMALLINT(0);
    mpz_t zn, zk, r;
    mpz_inits(zn, zk, r, NULL);
    int_to_mpz(n, zn);
    int_to_mpz(k, zk);
    if (!perm) {
        mpz_sub(r, zn, zk);
        if (mpz_cmp(r, zk) < 0) mpz_set(zk, r);    /* comb(n, k) == comb(n, n-k) */
    }
    Value res;
    if (!mpz_fits_ulong_p(zk) || mpz_get_ui(zk) > 100000000) {
        res = err_format(&exc_OverflowError, "%s must not exceed %lld", perm ? "k" : "min(n - k, k)",
                         (long long)INT64_MAX);
    } else {
        unsigned long kk = mpz_get_ui(zk);
        mpz_bin_ui(r, zn, kk);
        if (perm) {
            mpz_t f;
            mpz_init(f);
            mpz_fac_ui(f, kk);
            mpz_mul(r, r, f);
            mpz_clear(f);
        }
        res = int_from_mpz(r);
    }
    mpz_clears(zn, zk, r, NULL);
    return res;
}
static Value math_comb(Value *args, int nargs, Value kw) {
    return math_comb_perm(args[0], args[1], 0);
}
static Value math_perm(Value *args, int nargs, Value kw) {
    return math_comb_perm(args[0], args[1], 1);
}

/* prod(iterable, /, *, start=1) */
static Value math_prod(Value *args, int nargs, Value kw) {
    Value *v = args;
    Value acc = IS_NULL(v[1]) ? MK_SMALLINT(1) : v[1];
    Value it = obj_iter(v[0]);
    if (IS_NULL(it)) return VAL_NULL;
    for (;;) {
        Value item = obj_next(it);
        if (IS_NULL(item)) return err_occurred() ? VAL_NULL : acc;
        acc = obj_binop(acc, item, MATH_OP_MUL);
        if (IS_NULL(acc)) return VAL_NULL;
    }
}

/* ---------------------------------------------------------------- module */

static const MethodDef math_methods[] = {
    {"sqrt", math_sqrt, ARGS_ONE, "Return the square root of x."},
    {"exp", math_exp, ARGS_ONE, "Return e raised to the power of x."},
    {"exp2", math_exp2, ARGS_ONE, "Return 2 raised to the power of x."},
    {"expm1", math_expm1, ARGS_ONE, "Return exp(x)-1."},
    {"log", math_log, ARGS_ANY, "log(x, [base=math.e])"},
    {"log2", math_log2, ARGS_ONE, "Return the base 2 logarithm of x."},
    {"log10", math_log10, ARGS_ONE, "Return the base 10 logarithm of x."},
    {"log1p", math_log1p, ARGS_ONE, "Return the natural logarithm of 1+x (base e)."},
    {"sin", math_sin, ARGS_ONE, NULL},
    {"cos", math_cos, ARGS_ONE, NULL},
    {"tan", math_tan, ARGS_ONE, NULL},
    {"asin", math_asin, ARGS_ONE, NULL},
    {"acos", math_acos, ARGS_ONE, NULL},
    {"atan", math_atan, ARGS_ONE, NULL},
    {"atan2", math_atan2, ARGS_POS(2, 2), NULL},
    {"sinh", math_sinh, ARGS_ONE, NULL},
    {"cosh", math_cosh, ARGS_ONE, NULL},
    {"tanh", math_tanh, ARGS_ONE, NULL},
    {"asinh", math_asinh, ARGS_ONE, NULL},
    {"acosh", math_acosh, ARGS_ONE, NULL},
    {"atanh", math_atanh, ARGS_ONE, NULL},
    {"erf", math_erf, ARGS_ONE, NULL},
    {"erfc", math_erfc, ARGS_ONE, NULL},
    {"gamma", math_gamma, ARGS_ONE, NULL},
    {"lgamma", math_lgamma, ARGS_ONE, NULL},
    {"fabs", math_fabs, ARGS_ONE, NULL},
    {"cbrt", math_cbrt, ARGS_ONE, NULL},
    {"degrees", math_degrees, ARGS_ONE, NULL},
    {"radians", math_radians, ARGS_ONE, NULL},
    {"pow", math_pow, ARGS_POS(2, 2), NULL},
    {"fmod", math_fmod, ARGS_POS(2, 2), NULL},
    {"remainder", math_remainder, ARGS_POS(2, 2), NULL},
    {"copysign", math_copysign, ARGS_POS(2, 2), NULL},
    {"nextafter", math_nextafter, ARGS_POS(2, 2), NULL},
    {"ulp", math_ulp, ARGS_ONE, NULL},
    {"isfinite", math_isfinite, ARGS_ONE, NULL},
    {"isinf", math_isinf, ARGS_ONE, NULL},
    {"isnan", math_isnan, ARGS_ONE, NULL},
    {"isclose", math_isclose, ARGS_KW, NULL, "($module, /, a, b, *, rel_tol=1e-09, abs_tol=0.0)"},
    {"floor", math_floor, ARGS_ONE, NULL},
    {"ceil", math_ceil, ARGS_ONE, NULL},
    {"trunc", math_trunc, ARGS_ONE, NULL},
    {"frexp", math_frexp, ARGS_ONE, NULL},
    {"ldexp", math_ldexp, ARGS_POS(2, 2), NULL},
    {"modf", math_modf, ARGS_ONE, NULL},
    {"hypot", math_hypot, ARGS_ANY, NULL},
    {"dist", math_dist, ARGS_POS(2, 2), NULL},
    {"fsum", math_fsum, ARGS_ONE, NULL},
    {"factorial", math_factorial, ARGS_ONE, NULL},
    {"gcd", math_gcd, ARGS_ANY, NULL},
    {"lcm", math_lcm, ARGS_ANY, NULL},
    {"isqrt", math_isqrt, ARGS_ONE, NULL},
    {"comb", math_comb, ARGS_POS(2, 2), NULL},
    {"perm", math_perm, ARGS_POS(1, 2), NULL},
    {"prod", math_prod, ARGS_KW, NULL, "($module, iterable, /, *, start=1)"},
    {NULL, NULL, 0, NULL},
};

Value mod_math_init(void) {
    Value m = module_new_c("math");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, math_methods, m);
    if (dict_set_c(d, "pi", MK_FLOAT(M_PI)) < 0 || dict_set_c(d, "e", MK_FLOAT(M_E)) < 0 ||
        dict_set_c(d, "tau", MK_FLOAT(2.0 * M_PI)) < 0 ||
        dict_set_c(d, "inf", MK_FLOAT(INFINITY)) < 0 ||
        dict_set_c(d, "nan", MK_FLOAT_SAFE(NAN)) < 0)
        return VAL_NULL;
    return m;
}
