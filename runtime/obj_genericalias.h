/* obj_genericalias.h - types.GenericAlias (`list[int]`), see obj_genericalias.c. */
#ifndef GILPY_OBJ_GENERICALIAS_H
#define GILPY_OBJ_GENERICALIAS_H
#include "runtime/object.h"

extern Type type_generic_alias;
/* The type variables of an argument tuple (typing's __parameters__), and
 * self[item] with them replaced by item's values (a new argument tuple);
 * shared by GenericAlias and types.UnionType. */
/* cls.__class_getitem__(item) of the builtin generic types: GenericAlias(cls, item). */
Value generic_alias_class_getitem_m(Value *args, int nargs, Value kwnames);
Value generic_alias_make_parameters(Value args);
Value generic_alias_subs_parameters(Value self, Value args, Value params, Value item);
void generic_alias_install(void);   /* __class_getitem__ on list, dict, tuple, set, ... */

#endif
