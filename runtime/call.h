/* call.h - calling any Python callable from C: the one entry point.
 *
 * The VM (interp/vm.c) implements call_value; the runtime and the modules
 * reach Python code (a user __eq__ in a dict, a key= in sort) only through
 * these functions.
 */
#ifndef GILPY_CALL_H
#define GILPY_CALL_H

#include "object.h"

/* callable(*args[0:nargs], **dict(zip(kwnames, args[nargs:]))).
 * kwnames is a tuple of str or VAL_NULL. */
Value call_value(Value callable, Value *args, int nargs, Value kwnames);
Value call0(Value callable);
Value call1(Value callable, Value a);
Value call2(Value callable, Value a, Value b);
Value call3(Value callable, Value a, Value b, Value c);
/* callable(*args_tuple, **kwargs_dict); kwargs may be VAL_NULL. */
Value call_tuple_dict(Value callable, Value args, Value kwargs);

/* ---- argument parsing for NativeFn ---- */
/* Check there are no keyword arguments: "f() takes no keyword arguments". */
int   arg_no_kw(const char *fname, Value kwnames);
/* Check nargs is within [min, max]: CPython's "f expected at most 2
 * arguments, got 3" / "f() takes exactly one argument (2 given)" wording. */
int   arg_count(const char *fname, int nargs, int min, int max);
/* General parser.  `names` lists every parameter ("sep", "end", ...), the
 * first `npos_only` being positional-only; `nrequired` are required.  Fills
 * out[i] with the argument or VAL_NULL when not given.  Raises CPython's
 * TypeErrors for unknown, duplicate, missing or extra arguments. */
int   arg_parse(const char *fname, Value *args, int nargs, Value kwnames,
                const char *const *names, int nparams, int npos_only,
                int nrequired, Value *out);

#endif
