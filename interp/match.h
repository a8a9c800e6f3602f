/* match.h - the run-time half of match statements (PEP 634): what the
 * MATCH_KEYS and MATCH_CLASS instructions do (interp/match.c).  Which types
 * sequence and mapping patterns accept is a type flag (TF_SEQUENCE,
 * TF_MAPPING in runtime/object.h); the compiler's half is compile.c's
 * "match statements" section. */
#ifndef GILPY_MATCH_H
#define GILPY_MATCH_H

#include "../runtime/object.h"

/* The values of `keys` (a tuple) in the mapping `map`, looked up with
 * map.get(key, <sentinel>): a tuple, VAL_NONE when a key is missing,
 * VAL_NULL on error (ValueError for a key given twice). */
Value match_keys(Value map, Value keys);

/* Class pattern cls(<nargs positional>, <names>=...): the tuple of the
 * attributes to match the sub-patterns against, VAL_NONE when subject is
 * not a cls or lacks one of them, VAL_NULL on error. */
Value match_class(Value subject, Value cls, int nargs, Value names);

#endif
