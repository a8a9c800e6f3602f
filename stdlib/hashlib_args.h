/* hashlib_args.h - what _hashlib, _blake2 and _operator share. */
#ifndef GILPY_HASHLIB_ARGS_H
#define GILPY_HASHLIB_ARGS_H

#include <stdint.h>
#include "runtime/value.h"

/* Data to hash, borrowed: a bytes-like object.  A str is "Strings must be
 * encoded before hashing", anything else "object supporting the buffer API
 * required" (TypeError). 0, or -1 raised. */
int hashlib_data(Value v, const uint8_t **p, int64_t *n);

/* An int option through __index__ (int64 range). 0, or -1 raised. */
int hashlib_index(Value v, int64_t *out);

/* An unsigned 64-bit int option ("int too big to convert" beyond). */
int hashlib_u64(Value v, uint64_t *out);

/* a == b in time that does not depend on where they differ: both ASCII str
 * or both bytes-like (CPython's compare_digest and its TypeErrors). */
Value hashlib_compare_digest(Value a, Value b);

#endif
