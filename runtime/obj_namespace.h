/* obj_namespace.h - types.SimpleNamespace (obj_namespace.c). */
#ifndef GILPY_OBJ_NAMESPACE_H
#define GILPY_OBJ_NAMESPACE_H

#include "runtime/object.h"

extern Type type_namespace;

/* An empty SimpleNamespace, and the dict that is its attributes. */
Value namespace_new(void);
Value namespace_dict(Value ns);

#endif
