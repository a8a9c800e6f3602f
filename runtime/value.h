/* value.h - the one-word value every part of gilpy passes around.
 *
 * A Value is 64 bits, NaN-boxed.  A double is stored as itself; everything
 * else hides in the payload of a quiet NaN that real arithmetic never makes
 * (NaNs that enter from outside are canonicalised by MK_FLOAT_SAFE).
 *
 *   63  62..50 (13 bits)  49 48  47 .................................... 0
 *  +---+---------------+------+-----------------------------------------+
 *  | s | 1111111111111 |  tt  |            payload (48 bits)            |
 *  +---+---------------+------+-----------------------------------------+
 *   s=1            : heap object, payload = Obj* (user-space x86-64/arm64
 *                    pointers fit in 48 bits)
 *   s=0, tt=01     : small int, payload = two's complement 48-bit integer
 *   s=0, tt=10     : bool, payload 0 or 1
 *   s=0, tt=11     : special: payload 0 = None, 1 = NULL (no value: the
 *                    error sentinel, an unbound local, an empty slot)
 *   anything else  : a double
 *
 * So `a + b` on small ints or floats allocates nothing.  Ints outside
 * [-2**47, 2**47) live on the heap as Int objects (GMP); runtime/obj_int.c
 * hides the seam.  Change this header and the layout changes everywhere.
 */
#ifndef GILPY_VALUE_H
#define GILPY_VALUE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

typedef uint64_t Value;

#define VAL_QNAN     ((uint64_t)0x7FFC000000000000ull)
#define VAL_SIGN     ((uint64_t)0x8000000000000000ull)
#define VAL_TAGMASK  ((uint64_t)0x0003000000000000ull)
#define VAL_TAG_INT  ((uint64_t)0x0001000000000000ull)
#define VAL_TAG_BOOL ((uint64_t)0x0002000000000000ull)
#define VAL_TAG_SPEC ((uint64_t)0x0003000000000000ull)
#define VAL_PAYLOAD  ((uint64_t)0x0000FFFFFFFFFFFFull)
#define VAL_OBJ_BITS (VAL_SIGN | VAL_QNAN)

#define VAL_NONE  (VAL_QNAN | VAL_TAG_SPEC | 0)
#define VAL_NULL  (VAL_QNAN | VAL_TAG_SPEC | 1)
#define VAL_FALSE (VAL_QNAN | VAL_TAG_BOOL | 0)
#define VAL_TRUE  (VAL_QNAN | VAL_TAG_BOOL | 1)

#define SMALLINT_MIN (-((int64_t)1 << 47))
#define SMALLINT_MAX (((int64_t)1 << 47) - 1)

struct Obj;

/* ---- tests ---- */
#define IS_FLOAT(v)    (((v) & VAL_QNAN) != VAL_QNAN)
#define IS_OBJ(v)      (((v) & (VAL_OBJ_BITS)) == VAL_OBJ_BITS)
#define IS_SMALLINT(v) (((v) & (VAL_SIGN | VAL_QNAN | VAL_TAGMASK)) == (VAL_QNAN | VAL_TAG_INT))
#define IS_BOOL(v)     (((v) & ~(uint64_t)1) == VAL_FALSE)
#define IS_NONE(v)     ((v) == VAL_NONE)
#define IS_NULL(v)     ((v) == VAL_NULL)
#define IS_TRUE(v)     ((v) == VAL_TRUE)
#define IS_FALSE(v)    ((v) == VAL_FALSE)
/* Both operands small ints (one test for the VM's fast paths). */
#define BOTH_SMALLINT(a, b) (IS_SMALLINT(a) && IS_SMALLINT(b))

/* ---- unboxing ---- */
static inline double val_as_float(Value v) { double d; memcpy(&d, &v, 8); return d; }
static inline int64_t val_as_smallint(Value v) { return ((int64_t)(v << 16)) >> 16; }
#define AS_FLOAT(v)    val_as_float(v)
#define AS_SMALLINT(v) val_as_smallint(v)
#define AS_BOOL(v)     ((int)((v) & 1))
#define AS_OBJ(v)      ((struct Obj *)(uintptr_t)((v) & VAL_PAYLOAD))

/* ---- boxing ---- */
static inline Value val_from_float(double d) { Value v; memcpy(&v, &d, 8); return v; }
static inline Value val_from_smallint(int64_t i) { return VAL_QNAN | VAL_TAG_INT | ((uint64_t)i & VAL_PAYLOAD); }
static inline Value val_from_obj(const void *o) { return VAL_OBJ_BITS | (uint64_t)(uintptr_t)o; }
/* A double from outside (bytes, math results): NaNs become the canonical one. */
static inline Value val_from_float_safe(double d) {
    if (d != d) return (Value)0x7FF8000000000000ull;
    return val_from_float(d);
}
#define MK_FLOAT(d)      val_from_float(d)
#define MK_FLOAT_SAFE(d) val_from_float_safe(d)
#define MK_SMALLINT(i)   val_from_smallint(i)
#define MK_BOOL(b)       ((b) ? VAL_TRUE : VAL_FALSE)
#define MK_OBJ(o)        val_from_obj(o)
#define SMALLINT_FITS(i) ((i) >= SMALLINT_MIN && (i) <= SMALLINT_MAX)

/* Copy n Values (n may be 0 with NULL pointers, unlike memcpy). */
static inline void values_copy(Value *dst, const Value *src, size_t n) {
    if (n) memcpy(dst, src, n * sizeof(Value));
}

#endif
