/* marshal.h - CPython's marshal format and gilpy's code objects in it
 * (interp/marshal.c; the `marshal` module and the bytecode cache use it). */
#ifndef GILPY_MARSHAL_H
#define GILPY_MARSHAL_H

#include <stdint.h>

#include "../runtime/object.h"

#define MARSHAL_VERSION 4

/* The bytes of v, or NULL with ValueError "unmarshallable object". */
Value marshal_dumps(Value v);
/* One value read from data; *used tells how many bytes it took.  NULL with
 * EOFError or ValueError "bad marshal data (...)" on bad input. */
Value marshal_loads(const uint8_t *data, int64_t len, int64_t *used);

#endif
