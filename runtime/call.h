/* call.h - calling any Python callable from C, and the arguments natives get.
 *
 * runtime/call.c owns calling.  call_value has CPython's vectorcall shape
 * (positional args[0..nargs), then the values of keyword arguments named by
 * the kwnames tuple) and dispatches through the callee type's `call` slot
 * (object.h): builtin functions and method descriptors are called here, with
 * their declared arity checked once (ARGS_* in object.h); bound methods
 * prepend their receiver; types run __new__ and __init__; Python functions
 * are called by the VM, which fills type_function's slot; anything else
 * through its __call__.  The runtime and the modules reach Python code (a
 * user __eq__ in a dict, a key= in sort) only through these functions.
 *
 * runtime/args.c holds what natives use on their arguments: the converters to
 * C types (one per C type, CPython's messages) and, for the few ARGS_ANY
 * functions that take **kwargs or parse by hand, the general parser.
 */
#ifndef GILPY_CALL_H
#define GILPY_CALL_H

#include <stdint.h>
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
/* Whether calling v could succeed (builtins.callable). */
int   call_is_callable(Value v);

/* Call a native function through its declared arity.  `callable` is the
 * object being called (it names the function in error messages); nself is 1
 * when args[0] is a receiver the caller prepended, else 0. */
Value call_native_def(Value callable, const MethodDef *def, Value *args, int nargs, Value kwnames,
                      int nself);

/* ---- converters: one per C type, CPython's messages ------------------------------- */
/* An int through __index__ as int64 ("'float' object cannot be interpreted as
 * an integer"; OverflowError "Python int too large to convert to C ssize_t"). */
int   arg_to_ssize(Value v, int64_t *out);
/* The same, clamped to [INT64_MIN, INT64_MAX] instead of raising OverflowError
 * (slice bounds, str.find's start and end). */
int   arg_to_ssize_clamped(Value v, int64_t *out);
/* None (or absent) as -1, else an index as arg_to_ssize but "argument should be
 * integer or None, not 'str'" and "cannot fit 'int' into an index-sized integer":
 * CPython's _Py_convert_optional_to_ssize_t (read sizes, bisect's hi). */
int   arg_to_optional_ssize(Value v, int64_t *out);
/* A C int as PyArg_Parse's "i" takes it (old-style parsers, pid_t): beyond a C
 * long "Python int too large to convert to C long", else "signed integer is
 * greater than maximum". */
int   arg_to_cint(Value v, int *out);
/* A C int as Argument Clinic's `int` takes it (_PyLong_AsInt: most functions
 * of os, signal, random, sys): "Python int too large to convert to C int". */
int   arg_to_int(Value v, int *out);
/* A C long as PyLong_AsLong takes it: an int through __index__ ("'float' object
 * cannot be interpreted as an integer"; OverflowError "Python int too large to
 * convert to C long"). */
int   arg_to_long(Value v, int64_t *out);
/* A file descriptor as CPython's PyObject_AsFileDescriptor takes it: an int, or
 * what obj.fileno() returns ("argument must be an int, or have a fileno() method.",
 * "fileno() returned a non-integer", ValueError "file descriptor cannot be a
 * negative integer (-1)"). */
int   arg_to_fd(Value v, int *out);
/* A real number through __float__ or __index__ ("must be real number, not str"). */
int   arg_to_double(Value v, double *out);
/* A duration in seconds as CPython's _PyTime_FromSecondsObject takes it (time.sleep,
 * lock timeouts): a float or an int, NaN a ValueError ("Invalid value NaN (not a
 * number)"), beyond int64 nanoseconds an OverflowError. */
int   arg_to_seconds(Value v, double *out);
/* A path: str or bytes as is, else __fspath__'s result ("expected str, bytes or
 * os.PathLike object, not int"). */
Value arg_to_path(Value v);

/* ---- parsing by hand (ARGS_ANY functions only) ------------------------------------- */
/* "f() takes no keyword arguments" unless kwnames is empty. */
int   arg_no_kw(const char *fname, Value kwnames);
/* nargs within [min, max], with _PyArg_CheckPositional's wording. */
int   arg_count(const char *fname, int nargs, int min, int max);
/* General parser.  `names` lists every parameter ("sep", "end", ...), the
 * first `npos_only` being positional-only; `nrequired` are required.  Fills
 * out[i] with the argument or VAL_NULL when not given.  Raises CPython's
 * TypeErrors for unknown, duplicate, missing or extra arguments. */
int   arg_parse(const char *fname, Value *args, int nargs, Value kwnames,
                const char *const *names, int nparams, int npos_only,
                int nrequired, Value *out);

#endif
