/* obj_int.c - the int type.
 *
 * Design.  An int is either an immediate small int (48 bits, value.h), a
 * bool (an int subclass, immediate), or an Int object holding a GMP mpz_t.
 * Builtin arithmetic always normalises its result: a value in the small
 * range is never an exact-int heap object (int_from_mpz / int_steal).  Int
 * objects with small values exist only as instances of int subclasses.
 *
 * Every operation first tries the small/small fast path with plain int64
 * arithmetic (48-bit operands cannot overflow add/sub; mul is checked with
 * __builtin_mul_overflow), and falls back to GMP through IntTmp, which views
 * any int value as an mpz without copying heap ints.
 *
 * Results that would be absurdly large (2 ** 10**12, 1 << 2**60) are refused
 * before GMP tries (GMP aborts on allocation failure): INT_MAX_BITS.
 * int <-> decimal str conversions honour int_max_str_digits like CPython
 * 3.11 (sys.set_int_max_str_digits changes it).
 *
 * Division into a float (int / int, float(int)) is correctly rounded
 * (round-half-even on the exact quotient), as CPython does.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runtime/obj_int.h"
#include "runtime/obj_complex.h"
#include "runtime/obj_float.h"
#include "runtime/obj_str.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_list.h"
#include "runtime/error.h"
#include "runtime/call.h"
#include "runtime/gc.h"
#include "runtime/state.h"
#include "runtime/format.h"
#include "runtime/strbuf.h"

/* BinOpKind order (interp/ast.h; runtime does not include interp headers). */
enum { IOP_ADD, IOP_SUB, IOP_MUL, IOP_MATMUL, IOP_TRUEDIV, IOP_FLOORDIV, IOP_MOD,
       IOP_POW, IOP_LSHIFT, IOP_RSHIFT, IOP_OR, IOP_XOR, IOP_AND };
/* CmpOpKind order. */
enum { ICMP_EQ, ICMP_NE, ICMP_LT, ICMP_LE, ICMP_GT, ICMP_GE };

#define INT_MAX_BITS ((uint64_t)1 << 32)   /* refuse results larger than this */
#define INT_HASH_MOD (((uint64_t)1 << 61) - 1)

int64_t int_max_str_digits = 4300;

/* ---------------------------------------------------------------- basics */

/* A view of any int value as an mpz, copying nothing: heap ints are their
 * own mpz, an immediate is one limb on the stack (GMP only reads it). */
typedef struct { mpz_t tmp; mp_limb_t limb; mpz_srcptr p; } IntTmp;

static int64_t int_imm(Value v) { return IS_BOOL(v) ? AS_BOOL(v) : AS_SMALLINT(v); }

static void int_tmp(Value v, IntTmp *t) {
    if (IS_OBJ(v)) { t->p = AS_INT(v)->z; return; }
    int64_t i = int_imm(v);
    t->limb = i < 0 ? -(mp_limb_t)i : (mp_limb_t)i;
    t->p = mpz_roinit_n(t->tmp, &t->limb, i < 0 ? -1 : i > 0);
}
static void int_tmp_done(IntTmp *t) { (void)t; }

/* v as an int64 in the small range (immediates, and heap ints that fit). */
static int int_small(Value v, int64_t *out) {
    if (IS_SMALLINT(v)) { *out = AS_SMALLINT(v); return 1; }
    if (IS_BOOL(v)) { *out = AS_BOOL(v); return 1; }
    if (!IS_OBJ(v)) return 0;
    mpz_srcptr z = AS_INT(v)->z;
    if (!mpz_fits_slong_p(z)) return 0;
    long l = mpz_get_si(z);
    if (!SMALLINT_FITS(l)) return 0;
    *out = l;
    return 1;
}

/* An instance of t (int or a subclass) holding a copy of z.  The limbs go
 * after the type's fixed part, inside the object: no malloc'd memory for the
 * collector to miss, and nothing to free. */
static Int *int_store(Type *t, mpz_srcptr z) {
    size_t n = mpz_size(z), off = (t->basicsize + 7) & ~(size_t)7;
    size_t size = off + (n ? n : 1) * sizeof(mp_limb_t);
    Int *o = (Int *)(t == &type_int ? gc_alloc(t, size) : obj_new_instance_sized(t, size));
    if (!o) return NULL;
    mp_limb_t *limbs = (mp_limb_t *)((char *)o + off);
    if (n) memcpy(limbs, z->_mp_d, n * sizeof(mp_limb_t));
    o->z->_mp_d = limbs;
    o->z->_mp_alloc = (int)(n ? n : 1);
    o->z->_mp_size = z->_mp_size;
    return o;
}

/* Results of the common operations are computed into the thread's scratch
 * mpz, which grows once and is reused, so GMP allocates nothing per
 * operation; int_from_scratch copies the limbs out.  A scratch is taken and
 * given back within one C function, with no Python code in between. */
static mpz_ptr int_scratch(mpz_ptr local) {
    ThreadState *ts = ts_get();
    if (!ts) { mpz_init(local); return local; }
    if (!ts->int_scratch) {
        mpz_ptr z = malloc(sizeof(mpz_t));
        if (!z) { mpz_init(local); return local; }
        mpz_init(z);
        ts->int_scratch = z;
    }
    return ts->int_scratch;
}

static Value int_from_scratch(mpz_ptr z, mpz_ptr local) {
    Value r = int_from_mpz(z);
    if (z == local) mpz_clear(z);
    else if (z->_mp_alloc > 4096) mpz_realloc2(z, 64);   /* do not keep a huge one */
    return r;
}

void int_scratch_free(void *scratch) {
    if (!scratch) return;
    mpz_clear(scratch);
    free(scratch);
}

/* The int of z, small when it fits; z is cleared. */
static Value int_steal(mpz_t z) {
    Value r = int_from_mpz(z);
    mpz_clear(z);
    return r;
}

Value int_from_mpz(const mpz_t z) {
    if (mpz_fits_slong_p(z)) {
        long l = mpz_get_si(z);
        if (SMALLINT_FITS(l)) return MK_SMALLINT(l);
    }
    Int *o = int_store(&type_int, z);
    return o ? MK_OBJ(o) : VAL_NULL;
}

Value int_from_i64(int64_t i) {
    if (SMALLINT_FITS(i)) return MK_SMALLINT(i);
    mpz_t z;
    mpz_init_set_si(z, (long)i);
    return int_steal(z);
}

Value int_from_u64(uint64_t u) {
    if (u <= (uint64_t)SMALLINT_MAX) return MK_SMALLINT((int64_t)u);
    mpz_t z;
    mpz_init_set_ui(z, (unsigned long)u);
    return int_steal(z);
}

/* An instance of int subclass `cls` (or an exact int) with the value of v. */
static Value int_new_of_type(Type *cls, Value v) {
    if (cls == &type_int) return int_exact(v);
    IntTmp t;
    int_tmp(v, &t);
    Int *o = int_store(cls, t.p);
    return o ? MK_OBJ(o) : VAL_NULL;
}

Value int_exact(Value v) {
    if (IS_SMALLINT(v)) return v;
    if (IS_BOOL(v)) return MK_SMALLINT(AS_BOOL(v));
    if (AS_OBJ(v)->type == &type_int) return v;
    return int_from_mpz(AS_INT(v)->z);
}

void int_to_mpz(Value v, mpz_t out) {
    if (IS_OBJ(v)) mpz_set(out, AS_INT(v)->z);
    else mpz_set_si(out, (long)int_imm(v));
}

int int_sign(Value v) {
    if (IS_OBJ(v)) return mpz_sgn(AS_INT(v)->z);
    int64_t i = int_imm(v);
    return (i > 0) - (i < 0);
}

int int_compare(Value a, Value b) {
    int64_t x, y;
    if (int_small(a, &x) && int_small(b, &y)) return (x > y) - (x < y);
    IntTmp ta, tb;
    int_tmp(a, &ta); int_tmp(b, &tb);
    int c = mpz_cmp(ta.p, tb.p);
    int_tmp_done(&ta); int_tmp_done(&tb);
    return (c > 0) - (c < 0);
}

int64_t int_bit_length(Value v) {
    int64_t i;
    if (int_small(v, &i)) {
        uint64_t u = i < 0 ? (uint64_t)(-i) : (uint64_t)i;
        return u ? 64 - __builtin_clzll(u) : 0;
    }
    mpz_srcptr z = AS_INT(v)->z;
    return mpz_sgn(z) ? (int64_t)mpz_sizeinbase(z, 2) : 0;
}

int int_to_i64(Value v, int64_t *out) {
    if (!IS_OBJ(v)) { *out = int_imm(v); return 0; }
    mpz_srcptr z = AS_INT(v)->z;
    if (!mpz_fits_slong_p(z)) {
        err_format(&exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    *out = mpz_get_si(z);
    return 0;
}

/* ---------------------------------------------------------------- to float */

/* |a| / |b| correctly rounded (half-even) to a double, both non-zero.
 * Returns 0 ok, 1 on overflow. */
static int int_ratio_to_double(mpz_srcptr a, mpz_srcptr b, double *out) {
    int64_t sa = (int64_t)mpz_sizeinbase(a, 2), sb = (int64_t)mpz_sizeinbase(b, 2);
    if (sa - sb > DBL_MAX_EXP + 1) return 1;
    if (sa - sb < DBL_MIN_EXP - DBL_MANT_DIG - 2) { *out = 0.0; return 0; }
    int64_t shift = DBL_MANT_DIG + 2 + sb - sa;   /* q = a*2^shift/b has 55..56 bits */
    mpz_t q, r, den;
    mpz_inits(q, r, den, NULL);
    int sticky = 0;
    if (shift >= 0) {
        mpz_abs(q, a);
        mpz_mul_2exp(q, q, (mp_bitcnt_t)shift);
    } else {
        mpz_abs(q, a);
        sticky = mpz_scan1(q, 0) < (mp_bitcnt_t)(-shift);
        mpz_fdiv_q_2exp(q, q, (mp_bitcnt_t)(-shift));
    }
    mpz_abs(den, b);
    mpz_fdiv_qr(q, r, q, den);
    if (mpz_sgn(r)) sticky = 1;
    int64_t qbits = (int64_t)mpz_sizeinbase(q, 2);
    int64_t extra = qbits - DBL_MANT_DIG;
    int64_t min_extra = shift + DBL_MIN_EXP - DBL_MANT_DIG;   /* lsb >= 2^-1074 */
    if (extra < min_extra) extra = min_extra;
    if (extra > 0) {
        int half = mpz_tstbit(q, (mp_bitcnt_t)(extra - 1));
        int below = mpz_scan1(q, 0) < (mp_bitcnt_t)(extra - 1);
        mpz_fdiv_q_2exp(q, q, (mp_bitcnt_t)extra);
        if (half && (sticky || below || mpz_odd_p(q))) mpz_add_ui(q, q, 1);
    } else {
        extra = 0;
    }
    double d = ldexp(mpz_get_d(q), (int)(extra - shift));
    mpz_clears(q, r, den, NULL);
    if (isinf(d)) return 1;
    *out = d;
    return 0;
}

int int_to_double(Value v, double *out) {
    if (!IS_OBJ(v)) { *out = (double)int_imm(v); return 0; }
    mpz_srcptr z = AS_INT(v)->z;
    if (mpz_sizeinbase(z, 2) <= DBL_MANT_DIG) { *out = mpz_get_d(z); return 0; }
    mpz_t one;
    mpz_init_set_ui(one, 1);
    double d = 0;
    int ovf = int_ratio_to_double(z, one, &d);
    mpz_clear(one);
    if (ovf) {
        err_format(&exc_OverflowError, "int too large to convert to float");
        return -1;
    }
    *out = mpz_sgn(z) < 0 ? -d : d;
    return 0;
}

static Value int_truediv(Value a, Value b) {
    int64_t x, y;
    if (int_small(a, &x) && int_small(b, &y)) {
        if (y == 0) return err_format(&exc_ZeroDivisionError, "division by zero");
        return MK_FLOAT((double)x / (double)y);   /* both exact: < 2**53 */
    }
    IntTmp ta, tb;
    int_tmp(a, &ta); int_tmp(b, &tb);
    Value res;
    if (mpz_sgn(tb.p) == 0) {
        res = err_format(&exc_ZeroDivisionError, "division by zero");
    } else if (mpz_sgn(ta.p) == 0) {
        res = MK_FLOAT(mpz_sgn(tb.p) < 0 ? -0.0 : 0.0);
    } else {
        double d = 0;
        if (int_ratio_to_double(ta.p, tb.p, &d))
            res = err_format(&exc_OverflowError, "integer division result too large for a float");
        else
            res = MK_FLOAT(mpz_sgn(ta.p) * mpz_sgn(tb.p) < 0 ? -d : d);
    }
    int_tmp_done(&ta); int_tmp_done(&tb);
    return res;
}

Value int_from_double(double d) {
    if (isnan(d)) return err_format(&exc_ValueError, "cannot convert float NaN to integer");
    if (isinf(d)) return err_format(&exc_OverflowError, "cannot convert float infinity to integer");
    if (d > -140737488355328.0 && d < 140737488355328.0) return MK_SMALLINT((int64_t)d);
    mpz_t z;
    mpz_init_set_d(z, d);
    return int_steal(z);
}

/* ---------------------------------------------------------------- strings */

static Value int_limit_error(int64_t ndigits) {
    if (ndigits < 0)
        return err_format(&exc_ValueError, "Exceeds the limit (%lld digits) for integer "
                          "string conversion; use sys.set_int_max_str_digits() to increase the limit",
                          (long long)int_max_str_digits);
    return err_format(&exc_ValueError, "Exceeds the limit (%lld digits) for integer string "
                      "conversion: value has %lld digits; use sys.set_int_max_str_digits() to "
                      "increase the limit", (long long)int_max_str_digits, (long long)ndigits);
}

Value int_repr(Value v) {
    char buf[32];
    int64_t i;
    if (!IS_OBJ(v) || int_small(v, &i)) {
        if (!IS_OBJ(v)) i = int_imm(v);
        char *p = buf + sizeof buf;
        uint64_t u = i < 0 ? 0 - (uint64_t)i : (uint64_t)i;
        do { *--p = (char)('0' + u % 10); u /= 10; } while (u);
        if (i < 0) *--p = '-';
        return str_new(p, (size_t)(buf + sizeof buf - p));
    }
    mpz_srcptr z = AS_INT(v)->z;
    size_t est = mpz_sizeinbase(z, 10);
    if (int_max_str_digits > 0 && est > (size_t)int_max_str_digits + 1) return int_limit_error(-1);
    char *s = malloc(est + 2);
    if (!s) return err_no_memory();
    mpz_get_str(s, 10, z);
    size_t n = strlen(s);
    size_t nd = n - (s[0] == '-');
    if (int_max_str_digits > 0 && nd > (size_t)int_max_str_digits) {
        free(s);
        return int_limit_error(-1);
    }
    Value r = str_new(s, n);
    free(s);
    return r;
}

Value int_to_base_str(Value v, int base, int with_prefix) {
    IntTmp t;
    int_tmp(v, &t);
    size_t est = mpz_sizeinbase(t.p, base) + 2;
    char *s = malloc(est + 4);
    if (!s) { int_tmp_done(&t); return err_no_memory(); }
    size_t pos = 0;
    if (mpz_sgn(t.p) < 0) s[pos++] = '-';
    if (with_prefix) {
        s[pos++] = '0';
        s[pos++] = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
    }
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, t.p);
    mpz_get_str(s + pos, base, a);
    mpz_clear(a);
    int_tmp_done(&t);
    Value r = str_new(s, strlen(s));
    free(s);
    return r;
}

static int int_digit_value(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

static int int_is_space(unsigned char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

/* The common case of int_parse: base 10 and up to 18 plain ASCII digits
 * (no leading zero but "0" itself, no underscore) after the sign, between
 * the spaces already skipped.  1 when it parsed s[i, end). */
static int int_parse_decimal(const char *s, size_t i, size_t end, int neg, Value *out) {
    if (end - i > 18 || (s[i] == '0' && end - i > 1)) return 0;
    int64_t acc = 0;
    for (size_t k = i; k < end; k++) {
        unsigned d = (unsigned char)s[k] - '0';
        if (d > 9) return 0;
        acc = acc * 10 + d;
    }
    *out = int_from_i64(neg ? -acc : acc);
    return 1;
}

/* Parse s as int() does.  0 ok, 1 syntax error (no exception), -1 error set. */
static int int_parse(const char *s, size_t len, int base, Value *out) {
    size_t i = 0, end = len;
    while (i < end && int_is_space((unsigned char)s[i])) i++;
    while (end > i && int_is_space((unsigned char)s[end - 1])) end--;
    int neg = 0;
    if (i < end && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    if (i < end && (base == 10 || base == 0) && int_parse_decimal(s, i, end, neg, out))
        return IS_NULL(*out) ? -1 : 0;
    int base0 = base == 0, prefixed = 0;
    if (end - i >= 2 && s[i] == '0') {
        char p = (char)(s[i + 1] | 0x20);
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) { base = pb; i += 2; prefixed = 1; }
    }
    if (base == 0) base = 10;
    if (i < end && s[i] == '_' && prefixed) i++;
    if (i >= end) return 1;
    char small[32];
    char *digits = end - i < sizeof small ? small : malloc(end - i + 1);
    if (!digits) { err_no_memory(); return -1; }
    size_t nd = 0;
    int prev_us = 1, all_zero = 1;
    for (size_t k = i; k < end; k++) {
        unsigned char c = (unsigned char)s[k];
        if (c == '_') {
            if (prev_us) { if (digits != small) free(digits); return 1; }
            prev_us = 1;
            continue;
        }
        if (int_digit_value(c) >= base) { if (digits != small) free(digits); return 1; }
        if (c != '0') all_zero = 0;
        digits[nd++] = (char)c;
        prev_us = 0;
    }
    if (prev_us || nd == 0) { if (digits != small) free(digits); return 1; }
    digits[nd] = 0;
    if (base0 && !prefixed && digits[0] == '0' && !all_zero) { if (digits != small) free(digits); return 1; }
    if ((base & (base - 1)) != 0 && int_max_str_digits > 0 && (int64_t)nd > int_max_str_digits) {
        if (digits != small) free(digits);
        int_limit_error((int64_t)nd);
        return -1;
    }
    if (nd <= 9) {
        int64_t acc = 0;
        for (size_t k = 0; k < nd; k++) acc = acc * base + int_digit_value((unsigned char)digits[k]);
        if (digits != small) free(digits);
        *out = MK_SMALLINT(neg ? -acc : acc);
        return 0;
    }
    mpz_t z;
    mpz_init(z);
    mpz_set_str(z, digits, base);
    if (digits != small) free(digits);
    if (neg) mpz_neg(z, z);
    *out = int_steal(z);
    return IS_NULL(*out) ? -1 : 0;
}

/* CPython's "invalid literal for int() with base %d: %.200R". */
static Value int_invalid_literal(Value x, int base) {
    Value r = obj_repr(x);
    if (IS_NULL(r)) return VAL_NULL;
    if (AS_STR(r)->nchars > 200 && IS_NULL(r = str_slice(r, 0, 200, 1))) return VAL_NULL;
    return err_format(&exc_ValueError, "invalid literal for int() with base %d: %U", base, r);
}

Value int_from_string(const char *s, size_t len, int base) {
    Value out = VAL_NULL;
    int r = int_parse(s, len, base, &out);
    if (r == 0) return out;
    if (r < 0) return VAL_NULL;
    Value sv = str_new_checked(s, len);
    return IS_NULL(sv) ? VAL_NULL : int_invalid_literal(sv, base);
}

/* int(x, base) of a str or bytes-like x. */
static Value int_from_text(Value x, int base) {
    Value out = VAL_NULL;
    const uint8_t *d;
    int64_t n;
    Value a = IS_STR(x) ? str_ascii_numeric(x) : x;
    if (IS_NULL(a)) return VAL_NULL;
    if (IS_STR(a)) { d = (const uint8_t *)STR_DATA(a); n = STR_LEN(a); }
    else if (bytes_view(a, &d, &n) < 0) return VAL_NULL;
    int rc = int_parse((const char *)d, (size_t)n, base, &out);
    if (rc == 0) return out;
    if (rc < 0) return VAL_NULL;
    if (IS_BYTEARRAY(x) && IS_NULL(x = bytes_new(d, (size_t)n))) return VAL_NULL;  /* shown as b'...' */
    return int_invalid_literal(x, base);
}

Value int_from_literal(const char *digits, size_t len, int base) {
    return int_from_string(digits, len, base);
}

/* ---------------------------------------------------------------- hash */

int64_t int_hash(Value v) {
    int64_t i;
    if (int_small(v, &i)) return i == -1 ? -2 : i;
    mpz_srcptr z = AS_INT(v)->z;
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    uint64_t h = mpz_fdiv_ui(a, INT_HASH_MOD);
    mpz_clear(a);
    int64_t r = mpz_sgn(z) < 0 ? -(int64_t)h : (int64_t)h;
    return r == -1 ? -2 : r;
}

/* ---------------------------------------------------------------- arithmetic */

static Value int_memory_error(void) { return err_no_memory(); }

static int64_t int_floordiv64(int64_t x, int64_t y) {
    int64_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
    return q;
}
static int64_t int_mod64(int64_t x, int64_t y) {
    int64_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    return r;
}

/* Float power for a negative int exponent (CPython delegates to float). */
static Value int_pow_float(Value a, Value b) {
    double x, y;
    if (int_to_double(a, &x) < 0 || int_to_double(b, &y) < 0) return VAL_NULL;
    return float_binop(MK_FLOAT(x), MK_FLOAT(y), IOP_POW);
}

static Value int_pow(Value a, Value b) {
    if (int_sign(b) < 0) return int_pow_float(a, b);
    int64_t x, y;
    if (int_small(a, &x) && int_small(b, &y) && y < 64) {
        int64_t r = 1, base = x;
        int ok = 1;
        for (int64_t e = y; e > 0 && ok; e >>= 1) {
            if (e & 1) ok = !__builtin_mul_overflow(r, base, &r);
            if (e > 1 && ok) ok = !__builtin_mul_overflow(base, base, &base);
        }
        if (ok) return int_from_i64(r);
    }
    IntTmp ta, tb;
    int_tmp(a, &ta); int_tmp(b, &tb);
    Value res;
    if (mpz_cmp_si(ta.p, 1) == 0 || mpz_sgn(ta.p) == 0) {
        res = int_exact(a);
    } else if (mpz_cmp_si(ta.p, -1) == 0) {
        res = MK_SMALLINT(mpz_odd_p(tb.p) ? -1 : 1);
    } else if (!mpz_fits_ulong_p(tb.p) ||
               (double)mpz_get_ui(tb.p) * (double)mpz_sizeinbase(ta.p, 2) > (double)INT_MAX_BITS) {
        res = int_memory_error();
    } else {
        mpz_t r;
        mpz_init(r);
        mpz_pow_ui(r, ta.p, mpz_get_ui(tb.p));
        res = int_steal(r);
    }
    int_tmp_done(&ta); int_tmp_done(&tb);
    return res;
}

static Value int_shift(Value a, Value b, int left) {
    if (int_sign(b) < 0) return err_format(&exc_ValueError, "negative shift count");
    int64_t x, y;
    int bsmall = int_small(b, &y);
    if (int_small(a, &x) && bsmall) {
        if (!left) return MK_SMALLINT(y >= 63 ? (x < 0 ? -1 : 0) : (x >> y));
        if (x == 0) return MK_SMALLINT(0);
        if (y < 62) {
            int64_t r = (int64_t)((uint64_t)x << y);
            if ((r >> y) == x) return int_from_i64(r);
        }
    }
    if (int_sign(a) == 0) return MK_SMALLINT(0);
    IntTmp ta, tb;
    int_tmp(a, &ta); int_tmp(b, &tb);
    Value res;
    if (!mpz_fits_slong_p(tb.p)) {
        if (left) res = err_format(&exc_OverflowError, "too many digits in integer");
        else res = MK_SMALLINT(mpz_sgn(ta.p) < 0 ? -1 : 0);
    } else {
        uint64_t n = (uint64_t)mpz_get_si(tb.p);
        if (left && n + mpz_sizeinbase(ta.p, 2) > INT_MAX_BITS) {
            res = int_memory_error();
        } else {
            mpz_t local;
            mpz_ptr r = int_scratch(local);
            if (left) mpz_mul_2exp(r, ta.p, (mp_bitcnt_t)n);
            else mpz_fdiv_q_2exp(r, ta.p, (mp_bitcnt_t)n);
            res = int_from_scratch(r, local);
        }
    }
    int_tmp_done(&ta); int_tmp_done(&tb);
    return res;
}

static Value int_small_binop(int64_t x, int64_t y, int op) {
    int64_t r;
    switch (op) {
    case IOP_ADD: return int_from_i64(x + y);
    case IOP_SUB: return int_from_i64(x - y);
    case IOP_MUL:
        if (!__builtin_mul_overflow(x, y, &r)) return int_from_i64(r);
        return VAL_NULL;   /* go big */
    case IOP_FLOORDIV:
        if (y == 0) return err_format(&exc_ZeroDivisionError, "integer division or modulo by zero");
        return int_from_i64(int_floordiv64(x, y));
    case IOP_MOD:
        if (y == 0) return err_format(&exc_ZeroDivisionError, "integer modulo by zero");
        return MK_SMALLINT(int_mod64(x, y));
    case IOP_OR: return MK_SMALLINT(x | y);
    case IOP_XOR: return MK_SMALLINT(x ^ y);
    case IOP_AND: return MK_SMALLINT(x & y);
    default: return VAL_NULL;
    }
}

static Value int_big_binop(Value a, Value b, int op) {
    IntTmp ta, tb;
    int_tmp(a, &ta); int_tmp(b, &tb);
    mpz_t local;
    mpz_ptr r = int_scratch(local);
    Value res = VAL_NONE;
    switch (op) {
    case IOP_ADD: mpz_add(r, ta.p, tb.p); break;
    case IOP_SUB: mpz_sub(r, ta.p, tb.p); break;
    case IOP_MUL:
        if (mpz_sizeinbase(ta.p, 2) + mpz_sizeinbase(tb.p, 2) > INT_MAX_BITS) res = VAL_NULL;
        else mpz_mul(r, ta.p, tb.p);
        break;
    case IOP_FLOORDIV: case IOP_MOD:
        if (mpz_sgn(tb.p) == 0) {
            res = err_format(&exc_ZeroDivisionError, op == IOP_MOD ? "integer modulo by zero"
                             : "integer division or modulo by zero");
        } else if (op == IOP_FLOORDIV) {
            mpz_fdiv_q(r, ta.p, tb.p);
        } else {
            mpz_fdiv_r(r, ta.p, tb.p);
        }
        break;
    case IOP_OR: mpz_ior(r, ta.p, tb.p); break;
    case IOP_XOR: mpz_xor(r, ta.p, tb.p); break;
    case IOP_AND: mpz_and(r, ta.p, tb.p); break;
    }
    int_tmp_done(&ta); int_tmp_done(&tb);
    if (!IS_NULL(res)) return int_from_scratch(r, local);
    if (r == local) mpz_clear(r);
    return err_occurred() ? VAL_NULL : int_memory_error();
}

Value int_binop(Value a, Value b, int op) {
    if (!IS_INT(a) || !IS_INT(b)) return VAL_NOTIMPLEMENTED;
    switch (op) {
    case IOP_MATMUL: return VAL_NOTIMPLEMENTED;
    case IOP_TRUEDIV: return int_truediv(a, b);
    case IOP_POW: return int_pow(a, b);
    case IOP_LSHIFT: return int_shift(a, b, 1);
    case IOP_RSHIFT: return int_shift(a, b, 0);
    default: break;
    }
    int64_t x, y;
    if (int_small(a, &x) && int_small(b, &y)) {
        Value r = int_small_binop(x, y, op);
        if (!IS_NULL(r) || err_occurred()) return r;
    }
    return int_big_binop(a, b, op);
}

Value int_neg(Value a) {
    int64_t x;
    if (int_small(a, &x)) return int_from_i64(-x);
    mpz_t local;
    mpz_ptr r = int_scratch(local);
    mpz_neg(r, AS_INT(a)->z);
    return int_from_scratch(r, local);
}

Value int_invert(Value a) {
    int64_t x;
    if (int_small(a, &x)) return int_from_i64(~x);
    mpz_t local;
    mpz_ptr r = int_scratch(local);
    mpz_com(r, AS_INT(a)->z);
    return int_from_scratch(r, local);
}

Value int_abs(Value a) {
    return int_sign(a) < 0 ? int_neg(a) : int_exact(a);
}

Value int_pow_mod(Value base, Value exp, Value mod) {
    if (!IS_INT(base) || !IS_INT(exp) || !IS_INT(mod)) return VAL_NOTIMPLEMENTED;
    if (int_sign(mod) == 0) return err_format(&exc_ValueError, "pow() 3rd argument cannot be 0");
    IntTmp tb, te, tm;
    int_tmp(base, &tb); int_tmp(exp, &te); int_tmp(mod, &tm);
    mpz_t m, b, r;
    mpz_inits(m, b, r, NULL);
    mpz_abs(m, tm.p);
    Value res = VAL_NONE;
    mpz_mod(b, tb.p, m);
    if (mpz_sgn(te.p) < 0 && !mpz_invert(b, b, m) && mpz_cmp_ui(m, 1) != 0) {
        res = err_format(&exc_ValueError, "base is not invertible for the given modulus");
    } else if (mpz_cmp_ui(m, 1) == 0) {
        mpz_set_ui(r, 0);
    } else {
        mpz_t e;
        mpz_init(e);
        mpz_abs(e, te.p);
        mpz_powm(r, b, e, m);
        mpz_clear(e);
        if (mpz_sgn(tm.p) < 0 && mpz_sgn(r) != 0) mpz_sub(r, r, m);
    }
    int_tmp_done(&tb); int_tmp_done(&te); int_tmp_done(&tm);
    mpz_clears(m, b, NULL);
    if (IS_NULL(res)) { mpz_clear(r); return VAL_NULL; }
    return int_steal(r);
}

/* ---------------------------------------------------------------- format */

static Value int_unknown_code(char type, const char *tname) {
    if (type > 32 && (unsigned char)type < 128)
        return err_format(&exc_ValueError, "Unknown format code '%c' for object of type '%s'",
                          type, tname);
    return err_format(&exc_ValueError, "Unknown format code '\\x%x' for object of type '%s'",
                      (unsigned)(unsigned char)type, tname);
}

static Value int_format_char(Value v, const FormatSpec *fs) {
    if (fs->sign)
        return err_format(&exc_ValueError, "Sign not allowed with integer format specifier 'c'");
    if (fs->alternate)
        return err_format(&exc_ValueError,
                          "Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t c;
    if (!int_small(v, &c) && int_to_i64(v, &c) < 0) return VAL_NULL;
    if (c < 0 || c > 0x10FFFF)
        return err_format(&exc_OverflowError, "%%c arg not in range(0x110000)");
    char buf[4];
    size_t n;
    if (c < 0x80) { buf[0] = (char)c; n = 1; }
    else if (c < 0x800) { buf[0] = (char)(0xC0 | (c >> 6)); buf[1] = (char)(0x80 | (c & 0x3F)); n = 2; }
    else if (c < 0x10000) {
        buf[0] = (char)(0xE0 | (c >> 12)); buf[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (c & 0x3F)); n = 3;
    } else {
        buf[0] = (char)(0xF0 | (c >> 18)); buf[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        buf[2] = (char)(0x80 | ((c >> 6) & 0x3F)); buf[3] = (char)(0x80 | (c & 0x3F)); n = 4;
    }
    return fmt_pad(fs, '>', "", 0, buf, n, 1);
}

static Value int_format_digits(Value v, const FormatSpec *fs) {
    int base = 10;
    char pfx = 0;
    switch (fs->type) {
    case 'b': base = 2; pfx = 'b'; break;
    case 'o': base = 8; pfx = 'o'; break;
    case 'x': base = 16; pfx = 'x'; break;
    case 'X': base = 16; pfx = 'X'; break;
    default: break;
    }
    IntTmp t;
    int_tmp(v, &t);
    if (base == 10 && int_max_str_digits > 0 &&
        mpz_sizeinbase(t.p, 10) > (size_t)int_max_str_digits + 1) {
        int_tmp_done(&t);
        return int_limit_error(-1);
    }
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, t.p);
    char *digits = malloc(mpz_sizeinbase(a, base) + 2);
    if (!digits) { mpz_clear(a); int_tmp_done(&t); return err_no_memory(); }
    mpz_get_str(digits, fs->type == 'X' ? -16 : base, a);
    mpz_clear(a);
    int neg = mpz_sgn(t.p) < 0;
    int_tmp_done(&t);
    size_t nd = strlen(digits);
    if (base == 10 && int_max_str_digits > 0 && nd > (size_t)int_max_str_digits) {
        free(digits);
        return int_limit_error(-1);
    }
    char prefix[4];
    size_t pl = 0;
    if (neg) prefix[pl++] = '-';
    else if (fs->sign == '+' || fs->sign == ' ') prefix[pl++] = fs->sign;
    if (fs->alternate && pfx) { prefix[pl++] = '0'; prefix[pl++] = pfx; }
    Value r = fmt_number(fs, prefix, pl, digits, nd, "", 0, base == 10 ? 3 : 4);
    free(digits);
    return r;
}

Value int_format_spec(Value v, Value spec) {
    if (STR_LEN(spec) == 0) return obj_str(v);
    FormatSpec fs;
    const char *tname = val_type_name(v);
    if (fmt_parse_typed(spec, &fs, tname) < 0) return VAL_NULL;
    switch (fs.type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d;
        if (int_to_double(v, &d) < 0) return VAL_NULL;
        return float_format_spec(d, spec, tname);
    }
    case 0: case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c':
        break;
    default:
        return int_unknown_code(fs.type, tname);
    }
    if (fs.precision >= 0)
        return err_format(&exc_ValueError, "Precision not allowed in integer format specifier");
    if (fs.no_neg_zero)
        return err_format(&exc_ValueError,
                          "Negative zero coercion (z) not allowed in integer format specifier");
    if (fs.type == 'c') return int_format_char(v, &fs);
    return int_format_digits(v, &fs);
}

/* ---------------------------------------------------------------- methods */

#define INT_BINOP(name, op) \
    static Value int_##name##_m(Value *args, int nargs, Value kw) { \
        return int_binop(args[0], args[1], op); } \
    static Value int_r##name##_m(Value *args, int nargs, Value kw) { \
        return int_binop(args[1], args[0], op); }
INT_BINOP(add, IOP_ADD)
INT_BINOP(sub, IOP_SUB)
INT_BINOP(mul, IOP_MUL)
INT_BINOP(truediv, IOP_TRUEDIV)
INT_BINOP(floordiv, IOP_FLOORDIV)
INT_BINOP(mod, IOP_MOD)
INT_BINOP(lshift, IOP_LSHIFT)
INT_BINOP(rshift, IOP_RSHIFT)
INT_BINOP(or, IOP_OR)
INT_BINOP(xor, IOP_XOR)
INT_BINOP(and, IOP_AND)

/* pow(a, b, m): a float or complex among the operands gets the error its
 * own __pow__ would raise (CPython's ternary_op tries every operand's slot). */
/* int.__pow__(b, mod): NotImplemented unless all are ints, as CPython's
 * long_pow; pow() then asks the other operands' types (builtins.c). */
static Value int_pow3(Value a, Value b, Value m) {
    if (IS_NULL(m) || IS_NONE(m)) return int_binop(a, b, IOP_POW);
    if (!IS_INT(a) || !IS_INT(b) || !IS_INT(m)) return VAL_NOTIMPLEMENTED;
    return int_pow_mod(a, b, m);
}
static Value int_pow_m(Value *args, int nargs, Value kw) {
    return int_pow3(args[0], args[1], args[2]);
}
static Value int_rpow_m(Value *args, int nargs, Value kw) {
    return int_pow3(args[1], args[0], args[2]);
}

static Value int_divmod(Value a, Value b) {
    if (!IS_INT(a) || !IS_INT(b)) return VAL_NOTIMPLEMENTED;
    if (int_sign(b) == 0)
        return err_format(&exc_ZeroDivisionError, "integer division or modulo by zero");
    Value q = int_binop(a, b, IOP_FLOORDIV);
    if (IS_NULL(q)) return VAL_NULL;
    Value r = int_binop(a, b, IOP_MOD);
    if (IS_NULL(r)) return VAL_NULL;
    return tuple_pack(2, q, r);
}
static Value int_divmod_m(Value *args, int nargs, Value kw) {
    return int_divmod(args[0], args[1]);
}
static Value int_rdivmod_m(Value *args, int nargs, Value kw) {
    return int_divmod(args[1], args[0]);
}

/* int's own comparison: NotImplemented for anything but ints, as CPython's
 * long_richcompare, so (10).__eq__(10.0) is NotImplemented and `10 == 10.0`
 * is answered by float's reflected method. */
static Value int_richcompare(Value a, Value b, int op) {
    if (!IS_INT(b)) return VAL_NOTIMPLEMENTED;
    int c = int_compare(a, b);
    switch (op) {
    case ICMP_EQ: return MK_BOOL(c == 0);
    case ICMP_NE: return MK_BOOL(c != 0);
    case ICMP_LT: return MK_BOOL(c < 0);
    case ICMP_LE: return MK_BOOL(c <= 0);
    case ICMP_GT: return MK_BOOL(c > 0);
    default: return MK_BOOL(c >= 0);
    }
}

#define INT_CMP(name, op) \
    static Value int_##name##_m(Value *args, int nargs, Value kw) { \
        return int_richcompare(args[0], args[1], op); }
INT_CMP(eq, ICMP_EQ)
INT_CMP(ne, ICMP_NE)
INT_CMP(lt, ICMP_LT)
INT_CMP(le, ICMP_LE)
INT_CMP(gt, ICMP_GT)
INT_CMP(ge, ICMP_GE)

#define INT_UNARY(name, expr) \
    static Value int_##name##_m(Value *args, int nargs, Value kw) { \
        Value self = args[0]; return (expr); }
INT_UNARY(neg, int_neg(self))
INT_UNARY(pos, int_exact(self))
INT_UNARY(abs, int_abs(self))
INT_UNARY(invert, int_invert(self))
INT_UNARY(int, int_exact(self))
INT_UNARY(index, int_exact(self))
INT_UNARY(trunc, int_exact(self))
INT_UNARY(floor, int_exact(self))
INT_UNARY(ceil, int_exact(self))
INT_UNARY(bool, MK_BOOL(int_sign(self) != 0))
INT_UNARY(repr, int_repr(self))
INT_UNARY(hash, int_from_i64(int_hash(self)))
INT_UNARY(getnewargs, tuple_pack(1, int_exact(self)))

static Value int_float_m(Value *args, int nargs, Value kw) {
    double d;
    if (int_to_double(args[0], &d) < 0) return VAL_NULL;
    return MK_FLOAT(d);
}

static Value int_conjugate_m(Value *args, int nargs, Value kw) {
    return int_exact(args[0]);
}

static Value int_bit_length_m(Value *args, int nargs, Value kw) {
    return int_from_i64(int_bit_length(args[0]));
}

static Value int_bit_count_m(Value *args, int nargs, Value kw) {
    int64_t x;
    if (int_small(args[0], &x)) return MK_SMALLINT(__builtin_popcountll((uint64_t)(x < 0 ? -x : x)));
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, AS_INT(args[0])->z);
    Value r = int_from_u64(mpz_popcount(a));
    mpz_clear(a);
    return r;
}

/* CPython's size: the header and one 30-bit digit per 30 bits (at least one). */
static Value int_sizeof_m(Value *args, int nargs, Value kw) {
    int64_t bits = int_bit_length(args[0]);
    int64_t digits = bits ? (bits + 29) / 30 : 1;
    return int_from_i64(24 + 4 * digits);
}

static Value int_as_integer_ratio_m(Value *args, int nargs, Value kw) {
    return tuple_pack(2, int_exact(args[0]), MK_SMALLINT(1));
}

static Value int_format_m(Value *args, int nargs, Value kw) {
    if (!IS_STR(args[1]))
        return err_format(&exc_TypeError, "__format__() argument must be str, not %N", args[1]);
    return int_format_spec(args[0], args[1]);
}

/* round(int, ndigits): half to even at 10**-ndigits. */
static Value int_round_m(Value *args, int nargs, Value kw) {
    Value self = args[0];
    if (IS_NULL(args[1])) return int_exact(self);      /* None is an error here: round() drops it */
    Value nd = obj_index(args[1]);
    if (IS_NULL(nd)) return VAL_NULL;
    if (int_sign(nd) >= 0) return int_exact(self);
    IntTmp tx, tn;
    int_tmp(self, &tx); int_tmp(nd, &tn);
    Value res;
    size_t xdigits = mpz_sizeinbase(tx.p, 10);
    if (!mpz_fits_slong_p(tn.p) || (uint64_t)(-mpz_get_si(tn.p)) > xdigits + 1) {
        res = MK_SMALLINT(0);
    } else {
        unsigned long k = (unsigned long)(-mpz_get_si(tn.p));
        mpz_t p, q, r;
        mpz_inits(p, q, r, NULL);
        mpz_ui_pow_ui(p, 10, k);
        mpz_fdiv_qr(q, r, tx.p, p);
        mpz_mul_2exp(r, r, 1);
        int c = mpz_cmp(r, p);
        if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
        mpz_mul(q, q, p);
        res = int_steal(q);
        mpz_clears(p, r, NULL);
    }
    int_tmp_done(&tx); int_tmp_done(&tn);
    return res;
}

static int int_byteorder(const char *fname, Value v, int *little) {
    if (IS_STR(v) && str_eq_c(v, "little")) { *little = 1; return 0; }
    if (IS_STR(v) && str_eq_c(v, "big")) { *little = 0; return 0; }
    if (!IS_STR(v))
        err_format(&exc_TypeError, "%s() argument 'byteorder' must be str, not %N", fname, v);
    else
        err_format(&exc_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

/* to_bytes(length=1, byteorder='big', *, signed=False): args = [self, length, byteorder, signed] */
static Value int_to_bytes_m(Value *args, int nargs, Value kw) {
    int64_t len = 1;
    int little = 0, sign = 0;
    if (!IS_NULL(args[1]) && arg_to_ssize(args[1], &len) < 0) return VAL_NULL;
    if (len < 0) return err_format(&exc_ValueError, "length argument must be non-negative");
    if (!IS_NULL(args[2]) && int_byteorder("to_bytes", args[2], &little) < 0) return VAL_NULL;
    if (!IS_NULL(args[3]) && (sign = obj_truthy(args[3])) < 0) return VAL_NULL;
    IntTmp t;
    int_tmp(args[0], &t);
    mpz_t z;
    mpz_init_set(z, t.p);
    int_tmp_done(&t);
    Value res = VAL_NONE;
    if (mpz_sgn(z) < 0 && !sign) {
        res = err_format(&exc_OverflowError, "can't convert negative int to unsigned");
    } else {
        mpz_t m;
        mpz_init(m);
        if (mpz_sgn(z) < 0) mpz_com(m, z); else mpz_set(m, z);   /* -v-1 for negatives */
        uint64_t bits = mpz_sgn(m) ? mpz_sizeinbase(m, 2) : 0;
        if (bits + (uint64_t)sign > (uint64_t)len * 8)
            res = err_format(&exc_OverflowError, "int too big to convert");
        mpz_clear(m);
    }
    if (IS_NULL(res)) { mpz_clear(z); return VAL_NULL; }
    if (mpz_sgn(z) < 0) {
        mpz_t p;
        mpz_init(p);
        mpz_setbit(p, (mp_bitcnt_t)(len * 8));
        mpz_add(z, z, p);
        mpz_clear(p);
    }
    Bytes *b = bytes_alloc((size_t)len);
    if (!b) { mpz_clear(z); return VAL_NULL; }
    memset(b->data, 0, (size_t)len);
    size_t count = 0;
    size_t nb = mpz_sgn(z) ? (mpz_sizeinbase(z, 2) + 7) / 8 : 0;
    if (nb) mpz_export(b->data + (len - (int64_t)nb), &count, 1, 1, 1, 0, z);
    mpz_clear(z);
    if (little) {
        for (int64_t i = 0, j = len - 1; i < j; i++, j--) {
            uint8_t c = b->data[i]; b->data[i] = b->data[j]; b->data[j] = c;
        }
    }
    return MK_OBJ(b);
}

/* from_bytes(bytes, byteorder='big', *, signed=False): args = [cls, bytes, byteorder, signed] */
static Value int_from_bytes_m(Value *args, int nargs, Value kw) {
    int little = 0, sign = 0;
    if (!IS_NULL(args[2]) && int_byteorder("from_bytes", args[2], &little) < 0) return VAL_NULL;
    if (!IS_NULL(args[3]) && (sign = obj_truthy(args[3])) < 0) return VAL_NULL;
    Value src = args[1];
    if (!IS_EXACT(src, type_bytes) && IS_NULL(src = obj_bytes(src))) return VAL_NULL;  /* PyObject_Bytes */
    const uint8_t *data;
    int64_t len;
    if (bytes_view(src, &data, &len) < 0) return VAL_NULL;
    mpz_t z;
    mpz_init(z);
    if (len) mpz_import(z, (size_t)len, little ? -1 : 1, 1, 1, 0, data);
    if (sign && len && (data[little ? len - 1 : 0] & 0x80)) {
        mpz_t p;
        mpz_init(p);
        mpz_setbit(p, (mp_bitcnt_t)(len * 8));
        mpz_sub(z, z, p);
        mpz_clear(p);
    }
    Value r = int_steal(z);
    if (IS_NULL(r)) return VAL_NULL;
    Value cls = args[0];
    if (IS_TYPE(cls) && AS_TYPE(cls) != &type_int) return call1(cls, r);
    return r;
}

/* int(x=0) / int(x, base=10) */
Value int_from_number(Value x) {
    /* Exact types take a shortcut; a subclass may override __int__/__index__,
     * which come first, as in CPython's PyNumber_Long. */
    if (IS_SMALLINT(x) || IS_BOOL(x) || IS_EXACT(x, type_int)) return int_exact(x);
    if (IS_FLOAT(x) || IS_EXACT(x, type_float)) return int_from_double(float_value(x));
    if (IS_EXACT(x, type_str)) return int_from_text(x, 10);
    Value args1[1] = {x};
    Value r = obj_call_special(x, SM_INT, args1, 1);
    if (IS_NULL(r) && err_occurred()) return VAL_NULL;
    if (!IS_NULL(r)) {
        if (!IS_INT(r))
            return err_format(&exc_TypeError, "__int__ returned non-int (type %T)", r);
        return int_exact(r);
    }
    r = obj_call_special(x, SM_INDEX, args1, 1);
    if (IS_NULL(r) && err_occurred()) return VAL_NULL;
    if (!IS_NULL(r)) {
        if (!IS_INT(r))
            return err_format(&exc_TypeError, "__index__ returned non-int (type %T)", r);
        return int_exact(r);
    }
    Value tr = type_lookup_c(val_type(x), "__trunc__");
    if (!IS_NULL(tr)) {
        r = obj_call_method(x, "__trunc__", NULL, 0);
        if (IS_NULL(r)) return VAL_NULL;
        if (IS_INT(r)) return int_exact(r);
        Value i = obj_index(r);
        if (IS_NULL(i) && err_matches(&exc_TypeError)) {
            err_clear();
            return err_format(&exc_TypeError, "__trunc__ returned non-Integral (type %T)", r);
        }
        return i;
    }
    if (IS_STR(x)) return int_from_text(x, 10);
    if (IS_BYTES(x) || IS_BYTEARRAY(x)) return int_from_text(x, 10);
    const uint8_t *d;
    int64_t n;
    if (buffer_check(x)) {              /* another buffer: parsed as a bytes copy of it */
        if (bytes_view(x, &d, &n) == 0) {
            Value b = bytes_new(d, (size_t)n);
            return IS_NULL(b) ? VAL_NULL : int_from_text(b, 10);
        }
        err_clear();
    }
    return err_format(&exc_TypeError, "int() argument must be a string, a bytes-like object "
                      "or a real number, not '%T'", x);
}

static Value int_from_object_base(Value x, Value basev) {
    int64_t base;
    if (arg_to_ssize_clamped(basev, &base) < 0) return VAL_NULL;
    if (base != 0 && (base < 2 || base > 36))
        return err_format(&exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (IS_STR(x) || IS_BYTES(x) || IS_BYTEARRAY(x)) return int_from_text(x, (int)base);
    return err_format(&exc_TypeError, "int() can't convert non-string with explicit base");
}

/* ARGS_ANY: CPython's messages name the type ("int() takes at most 2 arguments"). */
static Value int_new_m(Value *args, int nargs, Value kw) {
    static const char *const names[] = {"x", "base"};
    Value a[2];
    /* bool is the one builtin subclass of int with its own __new__ (CPython's
       tp_new_wrapper "is not safe" check, for the only static subtype) */
    if (args[0] == MK_OBJ(&type_bool))
        return err_format(&exc_TypeError, "int.__new__(bool) is not safe, use bool.__new__()");
    if (arg_parse("int", args + 1, nargs - 1, kw, names, 2, 1, 0, a) < 0) return VAL_NULL;
    Value r;
    if (IS_NULL(a[0])) {
        if (!IS_NULL(a[1])) return err_format(&exc_TypeError, "int() missing string argument");
        r = MK_SMALLINT(0);
    } else if (IS_NULL(a[1])) {
        r = int_from_number(a[0]);
    } else {
        r = int_from_object_base(a[0], a[1]);
    }
    if (IS_NULL(r)) return VAL_NULL;
    Type *cls = IS_TYPE(args[0]) ? AS_TYPE(args[0]) : &type_int;
    return int_new_of_type(cls, r);
}

/* ---------------------------------------------------------------- getsets */

static Value int_get_self(Value self) { return int_exact(self); }
static Value int_get_zero(Value self) { (void)self; return MK_SMALLINT(0); }
static Value int_get_one(Value self) { (void)self; return MK_SMALLINT(1); }

static const GetSetDef int_getsets[] = {
    {"real", int_get_self, NULL, "the real part of a complex number"},
    {"imag", int_get_zero, NULL, "the imaginary part of a complex number"},
    {"numerator", int_get_self, NULL, "the numerator of a rational number in lowest terms"},
    {"denominator", int_get_one, NULL, "the denominator of a rational number in lowest terms"},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef int_methods[] = {
    {"__new__", int_new_m, METH_STATIC, NULL},
    {"__repr__", int_repr_m, ARGS_WRAP(0), NULL},
    {"__hash__", int_hash_m, ARGS_WRAP(0), NULL},
    {"__bool__", int_bool_m, ARGS_WRAP(0), NULL},
    {"__eq__", int_eq_m, ARGS_WRAP(1), NULL}, {"__ne__", int_ne_m, ARGS_WRAP(1), NULL},
    {"__lt__", int_lt_m, ARGS_WRAP(1), NULL}, {"__le__", int_le_m, ARGS_WRAP(1), NULL},
    {"__gt__", int_gt_m, ARGS_WRAP(1), NULL}, {"__ge__", int_ge_m, ARGS_WRAP(1), NULL},
    {"__add__", int_add_m, ARGS_WRAP(1), NULL}, {"__radd__", int_radd_m, ARGS_WRAP(1), NULL},
    {"__sub__", int_sub_m, ARGS_WRAP(1), NULL}, {"__rsub__", int_rsub_m, ARGS_WRAP(1), NULL},
    {"__mul__", int_mul_m, ARGS_WRAP(1), NULL}, {"__rmul__", int_rmul_m, ARGS_WRAP(1), NULL},
    {"__truediv__", int_truediv_m, ARGS_WRAP(1), NULL}, {"__rtruediv__", int_rtruediv_m, ARGS_WRAP(1), NULL},
    {"__floordiv__", int_floordiv_m, ARGS_WRAP(1), NULL}, {"__rfloordiv__", int_rfloordiv_m, ARGS_WRAP(1), NULL},
    {"__mod__", int_mod_m, ARGS_WRAP(1), NULL}, {"__rmod__", int_rmod_m, ARGS_WRAP(1), NULL},
    {"__divmod__", int_divmod_m, ARGS_WRAP(1), NULL}, {"__rdivmod__", int_rdivmod_m, ARGS_WRAP(1), NULL},
    {"__pow__", int_pow_m, ARGS_WRAPT(1, 2), NULL}, {"__rpow__", int_rpow_m, ARGS_WRAPT(1, 2), NULL},
    {"__lshift__", int_lshift_m, ARGS_WRAP(1), NULL}, {"__rlshift__", int_rlshift_m, ARGS_WRAP(1), NULL},
    {"__rshift__", int_rshift_m, ARGS_WRAP(1), NULL}, {"__rrshift__", int_rrshift_m, ARGS_WRAP(1), NULL},
    {"__and__", int_and_m, ARGS_WRAP(1), NULL}, {"__rand__", int_rand_m, ARGS_WRAP(1), NULL},
    {"__or__", int_or_m, ARGS_WRAP(1), NULL}, {"__ror__", int_ror_m, ARGS_WRAP(1), NULL},
    {"__xor__", int_xor_m, ARGS_WRAP(1), NULL}, {"__rxor__", int_rxor_m, ARGS_WRAP(1), NULL},
    {"__neg__", int_neg_m, ARGS_WRAP(0), NULL}, {"__pos__", int_pos_m, ARGS_WRAP(0), NULL},
    {"__abs__", int_abs_m, ARGS_WRAP(0), NULL}, {"__invert__", int_invert_m, ARGS_WRAP(0), NULL},
    {"__int__", int_int_m, ARGS_WRAP(0), NULL}, {"__index__", int_index_m, ARGS_WRAP(0), NULL},
    {"__float__", int_float_m, ARGS_WRAP(0), NULL},
    {"__trunc__", int_trunc_m, ARGS_NONE, NULL}, {"__floor__", int_floor_m, ARGS_NONE, NULL},
    {"__ceil__", int_ceil_m, ARGS_NONE, NULL}, {"__round__", int_round_m, ARGS_POS(0, 1), NULL},
    {"__format__", int_format_m, ARGS_ONE, NULL},
    {"__getnewargs__", int_getnewargs_m, ARGS_NONE, NULL},
    {"__sizeof__", int_sizeof_m, ARGS_NONE, "Returns size in memory, in bytes."},
    {"conjugate", int_conjugate_m, ARGS_NONE, "Returns self, the complex conjugate of any int."},
    {"bit_length", int_bit_length_m, ARGS_NONE, "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count_m, ARGS_NONE, "Number of ones in the binary representation of the absolute value of self."},
    {"to_bytes", int_to_bytes_m, ARGS_KW, "Return an array of bytes representing an integer.",
     "($self, /, length=1, byteorder='big', *, signed=False)"},
    {"from_bytes", int_from_bytes_m, METH_CLASS | ARGS_KW, "Return the integer represented by the given array of bytes.",
     "($type, /, bytes, byteorder='big', *, signed=False)"},
    {"as_integer_ratio", int_as_integer_ratio_m, ARGS_NONE, "Return integer ratio."},
    {NULL, NULL, 0, NULL},
};

Type type_int = {
    .tp_name = "int", .base = &type_object,
    .flags = TF_BASETYPE | TF_INT_SUBCLASS | TF_MATCH_SELF,
    .basicsize = sizeof(Int),
    .methods = int_methods, .getsets = int_getsets,
};
GILPY_TYPE(type_int, "int");
