/* hashlib_args.c - the argument conversions _hashlib and _blake2 share, and
 * the constant-time comparison of _hashlib.compare_digest and
 * _operator._compare_digest. */
#include "hashlib_args.h"
#include <gmp.h>
#include "runtime/error.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_int.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_str.h"
#include "runtime/object.h"

_Static_assert(sizeof(mp_limb_t) == 8, "hashlib_u64 reads one 64-bit limb");

int hashlib_data(Value v, const uint8_t **p, int64_t *n) {
    if (IS_STR(v)) {
        err_format(&exc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    if (!buffer_check(v)) {
        err_format(&exc_TypeError, "object supporting the buffer API required");
        return -1;
    }
    return bytes_view(v, p, n);
}

int hashlib_index(Value v, int64_t *out) {
    Value iv = IS_INT(v) ? v : obj_index(v);
    if (IS_NULL(iv)) return -1;
    if (int_to_i64(iv, out) < 0) {
        err_clear();
        err_format(&exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return 0;
}

int hashlib_u64(Value v, uint64_t *out) {
    Value iv = IS_INT(v) ? v : obj_index(v);
    if (IS_NULL(iv)) return -1;
    mpz_t z;
    mpz_init(z);
    int_to_mpz(iv, z);
    int neg = mpz_sgn(z) < 0, ok = !neg && mpz_sizeinbase(z, 2) <= 64;
    if (ok) *out = mpz_size(z) ? (uint64_t)mpz_getlimbn(z, 0) : 0;   /* 64-bit limbs */
    mpz_clear(z);
    if (!ok) err_format(&exc_OverflowError, neg ? "can't convert negative int to unsigned" : "int too big to convert");
    return ok ? 0 : -1;
}

/* Constant time in the length of b: every byte is looked at, whatever differs. */
static int hashlib_const_eq(const uint8_t *a, int64_t na, const uint8_t *b, int64_t nb) {
    const uint8_t *left = na == nb ? a : b;
    unsigned result = na == nb ? 0 : 1;
    for (int64_t i = 0; i < nb; i++) result |= (unsigned)(left[i] ^ b[i]);
    return result == 0;
}

Value hashlib_compare_digest(Value a, Value b) {
    if (IS_STR(a) && IS_STR(b)) {
        if (!STR_IS_ASCII(AS_STR(a)) || !STR_IS_ASCII(AS_STR(b)))
            return err_format(&exc_TypeError, "comparing strings with non-ASCII characters is not supported");
        return MK_BOOL(hashlib_const_eq((const uint8_t *)STR_DATA(a), STR_LEN(a), (const uint8_t *)STR_DATA(b),
                                   STR_LEN(b)));
    }
    if (IS_STR(a) || IS_STR(b) || !buffer_check(a) || !buffer_check(b)) {
        if (IS_STR(a) != IS_STR(b) && (IS_STR(a) ? buffer_check(b) : buffer_check(a)))
            return err_format(&exc_TypeError, "a bytes-like object is required, not 'str'");
        return err_format(&exc_TypeError, "unsupported operand types(s) or combination of types: '%T' and '%T'",
                          a, b);
    }
    const uint8_t *pa, *pb;
    int64_t na, nb;
    if (bytes_view(a, &pa, &na) < 0 || bytes_view(b, &pb, &nb) < 0) return VAL_NULL;
    return MK_BOOL(hashlib_const_eq(pa, na, pb, nb));
}

