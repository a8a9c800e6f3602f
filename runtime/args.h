/* args.h - the arity machinery behind call_native_def (runtime/call.c).
 *
 * A native function states in its MethodDef what it accepts (ARGS_* in
 * object.h).  call.c calls it directly when the call matches its full width
 * exactly (the common case: one load and two compares); everything else comes
 * here: counts outside the range and keywords are CPython's TypeErrors,
 * missing optional arguments become VAL_NULL, keywords are bound to their
 * positions.  ARGS_KW signatures are parsed once per MethodDef and kept for
 * the life of the process (the tables are static).
 */
#ifndef GILPY_ARGS_H
#define GILPY_ARGS_H

#include <stdint.h>
#include "object.h"

/* A parsed ARGS_KW signature. */
typedef struct ArgSpec {
    const char *name;       /* the function's name in messages: the signature's
                               own ("acquire(...)" on acquire_lock) or MethodDef.name */
    uint8_t npos;           /* parameters that may be given by position */
    uint8_t nposonly;       /* of those, the first nposonly are positional-only */
    uint8_t minpos;         /* of those, the first minpos are required */
    uint8_t nkwonly;        /* keyword-only parameters, after the positional ones */
    uint8_t varargs;        /* *args: extra positional arguments are accepted */
    uint8_t kwonly_required;    /* some keyword-only parameter has no default */
    uint8_t required[ARGS_MAX_PARAMS];  /* per parameter: no default */
    const char *names[ARGS_MAX_PARAMS];
} ArgSpec;

/* The parsed signature of an ARGS_KW function (parsed at the first call). */
const ArgSpec *args_spec(const MethodDef *def);

/* Check, pad and bind, then call def->fn (see the top of this file).
 * `callable` names the function in messages; args[0] is a receiver when nself. */
Value args_invoke(Value callable, const MethodDef *def, Value *args, int nargs, Value kwnames, int nself);

/* call_native_def's body, for the runtime's own hot paths: the common cases
 * go straight to the function (one that parses its own arguments, and a call
 * of exactly the declared width without keywords). */
static inline Value args_call(Value callable, const MethodDef *def, Value *args, int nargs, Value kwnames,
                              int nself) {
    uint32_t fl = def->flags;
    if ((uint32_t)(nargs - nself) == ((fl >> 16) & 0xFFu) && IS_NULL(kwnames)) return def->fn(args, nargs, VAL_NULL);
    uint32_t kind = ARGS_KIND(fl);
    if (kind == ARGK_ANY || (kind == ARGK_VAR && IS_NULL(kwnames))) return def->fn(args, nargs, kwnames);
    return args_invoke(callable, def, args, nargs, kwnames, nself);
}

/* The name CPython's messages give a native callable: "list.append",
 * "math.sqrt", "len" (module functions of builtins go unqualified). */
int   args_funcstr(Value callable, char *buf, size_t size);

#endif
