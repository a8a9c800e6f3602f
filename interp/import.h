/* import.h - the import system. */
#ifndef GILPY_IMPORT_H
#define GILPY_IMPORT_H

#include "../runtime/object.h"

/* __import__(name, globals, None, fromlist, level): the top package when
 * fromlist is empty, else the named module. */
Value import_module_level(Value name, Value globals, Value fromlist, int level);
/* The import statement (IMPORT_NAME): builtins.__import__(name, globals,
 * locals, fromlist, level) when a program has replaced it, else
 * import_module_level directly (CPython's import_name).  locals may be VAL_NULL. */
Value import_name(Value builtins, Value name, Value globals, Value locals, Value fromlist, Value level);
/* Remember the builtins module's own __import__ (builtins_module_new). */
void  import_set_default_func(Value f);
/* Import a module by absolute dotted name and return it (not the top package). */
Value import_module(Value name);
Value import_module_c(const char *name);
/* Run a file's source as module `name` (the __main__ script, runpy). */
Value import_exec_source(Value name, const char *src, size_t len, Value filename, Value module);

/* SyntaxError "Non-UTF-8 code starting with ..." unless src is valid UTF-8. */
int   import_check_source(const char *src, size_t len, const char *path);

#endif
