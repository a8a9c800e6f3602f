/* warn.h - the warnings machinery (interp/warn.c): filters, registries,
 * warn() and warn_explicit() as CPython's _warnings has them. */
#ifndef GILPY_WARN_H
#define GILPY_WARN_H

#include "../runtime/object.h"

int   warn_init(void);              /* the default filters; once, at start-up */

/* warnings.warn(message, category, stacklevel, source): 0, or -1 with the
 * exception set ("error" action, or a failure).  category may be VAL_NULL. */
int   warn_at(Value message, Value category, int stacklevel, Value source);
/* warnings.warn_explicit(...); module, registry, sourceline, source may be
 * VAL_NULL (module then comes from the filename). */
int   warn_explicit(Value message, Value category, Value filename, int lineno, Value module,
                    Value registry, Value sourceline, Value source);
int   warn_c(Type *category, Value message);    /* interp.vm.warn */

/* The objects `_warnings` exports; warnings.py adopts them. */
Value warn_get_filters(void);
Value warn_get_onceregistry(void);
Value warn_get_defaultaction(void);
void  warn_filters_mutated(void);

#endif
