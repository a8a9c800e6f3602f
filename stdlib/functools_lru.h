/* functools_lru.h - `_functools._lru_cache_wrapper` (stdlib/functools_lru.c). */
#ifndef GILPY_FUNCTOOLS_LRU_H
#define GILPY_FUNCTOOLS_LRU_H

#include "runtime/object.h"

extern Type type_lru_cache_wrapper;

/* Put _lru_cache_wrapper into the _functools module's dict: 0, or -1. */
int lru_add_to_module(Value module_dict);

#endif
