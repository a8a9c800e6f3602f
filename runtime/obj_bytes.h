/* obj_bytes.h - bytes (immutable, data inline) and bytearray (mutable). */
#ifndef GILPY_OBJ_BYTES_H
#define GILPY_OBJ_BYTES_H

#include "object.h"

/* Like str: the bytes live inline at offset type->basicsize (after the
 * __dict__ slot in subclass instances) and `data` points at them. */
typedef struct Bytes {
    Obj     header;
    int64_t len;
    int64_t hash;           /* -1 until computed */
    uint8_t *data;          /* -> inline bytes, NUL-terminated for convenience */
} Bytes;

typedef struct ByteArray {
    Obj      header;
    uint8_t *data;          /* gc_malloc'd */
    int64_t  len, cap;
    int64_t  exports;       /* Buffers handed out (object.h): no resizing while > 0 */
} ByteArray;

#define AS_BYTES(v)     ((Bytes *)AS_OBJ(v))
#define AS_BYTEARRAY(v) ((ByteArray *)AS_OBJ(v))
#define IS_BYTEARRAY(v) (IS_OBJ(v) && type_is_subtype(AS_OBJ(v)->type, &type_bytearray))

Value bytes_new(const void *data, size_t len);
Bytes *bytes_alloc(size_t len);            /* fill data, then MK_OBJ */
Bytes *bytes_alloc_type(Type *cls, size_t len);   /* for bytes subclasses */
Value bytearray_new(const void *data, size_t len);
Value bytes_repr(const uint8_t *data, size_t len, int is_bytearray);
/* CPython's PyObject_Bytes (int.from_bytes, bytes of a %b argument...):
 * bytes itself, __bytes__, a buffer, or an iterable of ints that is not a
 * str; never an int as a count.  TypeError "cannot convert 'T' object to bytes". */
Value obj_bytes(Value v);
/* Buffer view of bytes/bytearray; -1 and TypeError otherwise. */
int   bytes_view(Value v, const uint8_t **data, int64_t *len);
int64_t bytes_hash(Value v);
/* bytes.hex(sep, bytes_per_sep) of n bytes at d (sep, bytes_per_sep VAL_NULL when
 * not given), as str, or as bytes for binascii.hexlify (which also takes a
 * separator byte up to 255, as CPython's _Py_strhex_bytes_with_sep does). */
Value bytes_hex(const uint8_t *d, int64_t n, Value sep, Value bytes_per_sep, int as_bytes);

/* CPython 3.11's hash of a byte string: SipHash-1-3 with the zero key that
 * PYTHONHASHSEED=0 gives, so str/bytes hashes (and therefore set iteration
 * order) match CPython's.  Fed incrementally so str can hash its code points
 * in CPython's 1/2/4-byte units without a temporary buffer. */
typedef struct SipHash {
    uint64_t v0, v1, v2, v3, tail;
    uint64_t len;
} SipHash;
void    siphash_init(SipHash *h);
void    siphash_feed(SipHash *h, const uint8_t *p, size_t n);
int64_t siphash_finish(SipHash *h);   /* 0 for no input; never -1 */
/* The same with a key and the bare 64-bit result: CPython's _Py_KeyedHash
 * (key, 0) behind _imp.source_hash. */
void     siphash_init_keyed(SipHash *h, uint64_t k0, uint64_t k1);
uint64_t siphash_finish_raw(SipHash *h);

#endif
