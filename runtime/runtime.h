/* runtime.h - starting the runtime. */
#ifndef GILPY_RUNTIME_H
#define GILPY_RUNTIME_H

#include "object.h"

/* Create the heap, the main thread state and every builtin type. */
void runtime_init(void);
/* Remember a readied static type as a GC root (type_ready calls it). */
void types_register_static(Type *t);

#endif
