/* serialize.h - gilpy's one binary serialization (what `pickle` exposes).
 *
 * The format ("GPK" + version, then one tagged value) is described at the top
 * of runtime/serialize.c and in the README.  dumps never writes what loads
 * cannot read back; loads checks every tag, length and count against the
 * input and raises (never crashes) on bad bytes.
 */
#ifndef GILPY_SERIALIZE_H
#define GILPY_SERIALIZE_H

#include <stddef.h>
#include <stdint.h>
#include "object.h"

#define SER_VERSION 1

/* obj -> bytes; VAL_NULL with an exception set (PicklingError, TypeError,
 * AttributeError for local objects, RecursionError) on failure. */
Value ser_dumps(Value obj);

/* bytes -> object; VAL_NULL with UnpicklingError / EOFError (or what a
 * user's __setstate__ / class lookup raised) on failure. */
Value ser_loads(const uint8_t *data, size_t len);

/* Set by the pickle module at import: the exception classes to raise (NULL
 * types fall back to ValueError) and the importer used to find a module
 * named by a global that sys.modules does not hold yet (NULL: sys.modules
 * only). */
void ser_set_hooks(Type *pickling_error, Type *unpickling_error, Value (*import)(Value name));

#endif
