/* builtins.h - the two modules the interpreter builds itself, before any
 * import can run: `builtins` (interp/builtins.c, with the functions of
 * interp/builtins_exec.c) and `sys` (interp/sys.c).  interp/lifecycle.c
 * creates them at start-up. */
#ifndef GILPY_BUILTINS_H
#define GILPY_BUILTINS_H

#include "../runtime/object.h"

Value builtins_module_new(void);
Value sys_module_new(void);
/* sys.NAME (stdout, stderr, ...) as the program may have rebound it; VAL_NULL if unset. */
Value sys_stream(const char *name);

/* isinstance(obj, cls) with __instancecheck__: 1, 0, or -1 with an exception. */
int builtins_isinstance(Value obj, Value cls);
/* issubclass(sub, cls) with __subclasscheck__: the same. */
int builtins_issubclass(Value sub, Value cls);

/* exec, eval, compile, __build_class__ (interp/builtins_exec.c). */
extern const MethodDef builtins_exec_functions[];

#endif
