/* runtime.h - the builtin types' table (runtime/types.c).  Start-up and
 * shutdown as a whole are interp/lifecycle.c's. */
#ifndef GILPY_RUNTIME_H
#define GILPY_RUNTIME_H

#include "object.h"

/* Ready every builtin type (the heap and the main thread exist). */
void types_init(void);
/* Remember a readied static type as a GC root (type_ready calls it). */
void types_register_static(Type *t);
/* The help text of a builtin type (runtime/builtin_docs.c). */
typedef struct TypeDoc { Type *type; const char *doc; const char *sig; } TypeDoc;   /* sig: __text_signature__ */
extern const TypeDoc builtin_type_docs[];
typedef struct NameDoc { const char *name; const char *doc; } NameDoc;
extern const NameDoc builtin_slot_docs[];

/* Mark the readied static types (the collector's roots). */
void types_mark_static(void);

#endif
