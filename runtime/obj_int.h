/* obj_int.h - int: small ints are immediate (value.h); the rest are Int
 * objects holding a GMP integer.  An Int object whose value would fit the
 * small range only exists as an instance of an int subclass: arithmetic on
 * builtin ints always normalises results (int_from_mpz).  bool is an int
 * subclass whose two values are immediate.
 */
#ifndef GILPY_OBJ_INT_H
#define GILPY_OBJ_INT_H

#include <gmp.h>
#include "object.h"

/* z is read-only: its limbs live inside the object, after the type's fixed
 * part (obj_int.c: int_store), so GMP may read it but never write or free it. */
typedef struct Int {
    Obj   header;
    mpz_t z;
} Int;

#define AS_INT(v) ((Int *)AS_OBJ(v))

Value int_from_i64(int64_t i);
Value int_from_u64(uint64_t u);
Value int_from_mpz(const mpz_t z);             /* copies; small when it fits */
Value int_from_double(double d);               /* truncates; OverflowError/ValueError */
/* Parse text as int() does (whitespace, sign, underscores, base prefixes when
 * base is 0 or matches).  ValueError "invalid literal for int() with base 10: 'x'". */
Value int_from_string(const char *s, size_t len, int base);
/* A literal from the compiler: digits only (no prefix, no '_'), base 2/8/10/16. */
Value int_from_literal(const char *digits, size_t len, int base);
/* Into C; OverflowError "Python int too large to convert to C long". */
int   int_to_i64(Value v, int64_t *out);
int   int_to_double(Value v, double *out);     /* OverflowError "int too large to convert to float" */
void  int_to_mpz(Value v, mpz_t out);          /* out must be mpz_init'ed */
int   int_sign(Value v);                       /* -1, 0, 1 */
int   int_compare(Value a, Value b);           /* both ints: -1, 0, 1 */
int64_t int_hash(Value v);
Value int_repr(Value v);                       /* decimal str */
Value int_to_base_str(Value v, int base, int with_prefix); /* bin/oct/hex */
/* a op b for ints (bools count); VAL_NOTIMPLEMENTED if b is not an int.
 * op is BinOpKind; raises ZeroDivisionError etc. with CPython's messages. */
Value int_binop(Value a, Value b, int op);
Value int_neg(Value a);
Value int_invert(Value a);
Value int_abs(Value a);
Value int_pow_mod(Value base, Value exp, Value mod);   /* pow(a, b, m) */
Value int_format_spec(Value v, Value spec);    /* format(int, spec) */
/* An exact int (not a subclass instance) with the value of v. */
Value int_exact(Value v);
/* int(x) without a base (CPython's PyNumber_Long): __int__, __index__, __trunc__,
 * then a str/bytes-like parsed in base 10. */
Value int_from_number(Value x);
int64_t int_bit_length(Value v);
/* Free a thread state's scratch (ThreadState.int_scratch; NULL is fine). */
void  int_scratch_free(void *scratch);
/* sys.get_int_max_str_digits(): the decimal str<->int limit (0: none). */
extern int64_t int_max_str_digits;

#endif
