/* obj_genericalias.h - types.GenericAlias (`list[int]`), see obj_genericalias.c. */
#ifndef GILPY_OBJ_GENERICALIAS_H
#define GILPY_OBJ_GENERICALIAS_H
#include "runtime/object.h"

extern Type type_generic_alias;
void generic_alias_install(void);   /* __class_getitem__ on list, dict, tuple, set, ... */

#endif
