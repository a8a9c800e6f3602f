/* obj_union.h - types.UnionType (`int | str`, PEP 604), see obj_union.c. */
#ifndef GILPY_OBJ_UNION_H
#define GILPY_OBJ_UNION_H
#include "runtime/object.h"

extern Type type_union;
#define IS_UNION(v) IS_EXACT(v, type_union)

/* a | b for type-like operands (None, classes, generic aliases, unions): the
 * flattened, deduplicated union, or its only member; NotImplemented when
 * either operand is something else (type.__or__, GenericAlias.__or__). */
Value union_type_or(Value a, Value b);
/* The member tuple of a union (isinstance and issubclass treat it as one). */
Value union_args(Value u);

#endif
