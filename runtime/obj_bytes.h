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
} ByteArray;

#define AS_BYTES(v)     ((Bytes *)AS_OBJ(v))
#define AS_BYTEARRAY(v) ((ByteArray *)AS_OBJ(v))
#define IS_BYTEARRAY(v) (IS_OBJ(v) && type_is_subtype(AS_OBJ(v)->type, &type_bytearray))

Value bytes_new(const void *data, size_t len);
Bytes *bytes_alloc(size_t len);            /* fill data, then MK_OBJ */
Bytes *bytes_alloc_type(Type *cls, size_t len);   /* for bytes subclasses */
Value bytearray_new(const void *data, size_t len);
Value bytes_repr(const uint8_t *data, size_t len, int is_bytearray);
/* Buffer view of bytes/bytearray; -1 and TypeError otherwise. */
int   bytes_view(Value v, const uint8_t **data, int64_t *len);
int64_t bytes_hash(Value v);

#endif
