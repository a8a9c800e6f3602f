/* error.h - raising and inspecting exceptions from C.
 *
 * CPython's convention: a function that fails sets the current thread's
 * pending exception and returns a sentinel (VAL_NULL, -1, NULL).  The caller
 * either handles it (err_fetch/err_clear) or passes the sentinel up.  No
 * longjmp anywhere.
 */
#ifndef GILPY_ERROR_H
#define GILPY_ERROR_H

#include <stdarg.h>
#include "object.h"

/* Builtin exception types (runtime/obj_exc.c). */
extern Type exc_BaseException, exc_Exception, exc_ArithmeticError,
    exc_ZeroDivisionError, exc_OverflowError, exc_FloatingPointError,
    exc_LookupError, exc_IndexError, exc_KeyError, exc_ValueError,
    exc_TypeError, exc_NameError, exc_UnboundLocalError, exc_AttributeError,
    exc_StopIteration, exc_StopAsyncIteration, exc_RuntimeError,
    exc_RecursionError, exc_NotImplementedError, exc_AssertionError,
    exc_ImportError, exc_ModuleNotFoundError, exc_OSError, exc_FileNotFoundError,
    exc_FileExistsError, exc_PermissionError, exc_IsADirectoryError,
    exc_NotADirectoryError, exc_InterruptedError, exc_BlockingIOError,
    exc_ChildProcessError, exc_ProcessLookupError, exc_TimeoutError,
    exc_ConnectionError, exc_BrokenPipeError, exc_ConnectionAbortedError,
    exc_ConnectionRefusedError, exc_ConnectionResetError,
    exc_KeyboardInterrupt, exc_SystemExit, exc_GeneratorExit, exc_MemoryError,
    exc_UnicodeError, exc_UnicodeDecodeError, exc_UnicodeEncodeError, exc_UnicodeTranslateError,
    exc_EOFError, exc_SyntaxError, exc_IndentationError, exc_TabError,
    exc_SystemError, exc_BufferError, exc_ReferenceError,
    exc_Warning, exc_UserWarning, exc_DeprecationWarning,
    exc_PendingDeprecationWarning, exc_SyntaxWarning, exc_RuntimeWarning,
    exc_FutureWarning, exc_ImportWarning, exc_UnicodeWarning, exc_BytesWarning,
    exc_ResourceWarning, exc_EncodingWarning;

/* Raise type(msg) with printf-style formatting.  Besides the C conversions
 * (%s %d %i %u %ld %lu %lld %llu %zd %zu %c %x %p %%), the format takes:
 *   %R  repr() of a Value      %S  str() of a Value
 *   %T  the type name of a Value    %U  a str Value as is
 *   %N  the type name, but "None" for None: CPython's argument parsers
 *       (_PyArg_BadArgument) say "must be str, not None"
 * Always returns VAL_NULL so callers can `return err_format(...)`. */
Value err_format(Type *type, const char *fmt, ...);
/* warnings.warn(message, category) from C, the message formatted as err_format's:
 * 0 (shown, or filtered out), or -1 with the exception when a filter turned
 * the warning into an error (CPython's PyErr_WarnFormat, stacklevel 1). */
int   err_warn(Type *category, const char *fmt, ...);
Value err_vformat(Type *type, const char *fmt, va_list ap);
/* Raise type(*args) with a prebuilt value (one argument) or no argument. */
Value err_set_value(Type *type, Value arg);
Value err_set_none(Type *type);
/* Raise an exception instance (or a class, which is instantiated). */
Value err_set_obj(Value exc);
/* OSError from errno (picks the errno subclass), optional filename. */
Value err_from_errno(Type *type, Value filename);
/* The same naming two files ("[Errno 2] ...: 'a' -> 'b'", OSError.filename2). */
Value err_from_errno2(Type *type, Value filename, Value filename2);
Value err_no_memory(void);

int   err_occurred(void);              /* a pending exception? */
Value err_peek(void);                  /* the pending instance, or VAL_NULL */
Value err_fetch(void);                 /* take it (VAL_NULL if none) */
void  err_clear(void);
/* Pending exception is an instance of t (or a subclass). */
int   err_matches(Type *t);
/* Instance test for exception types and tuples of them (except clauses). */
int   err_given_matches(Value exc, Value type_or_tuple);

/* Raise a SyntaxError-family exception (kind: exc_SyntaxError,
 * exc_IndentationError, exc_TabError) with CPython's attributes: msg,
 * filename, lineno, offset (1-based), text, end_lineno, end_offset.
 * text may be VAL_NONE. */
Value err_syntax(Type *kind, const char *msg, Value filename, int lineno,
                 int offset, Value text, int end_lineno, int end_offset);

/* Format a C message into a str Value with the conversions above. */
Value str_vformat_c(const char *fmt, va_list ap);
Value str_format_c(const char *fmt, ...);

#endif
