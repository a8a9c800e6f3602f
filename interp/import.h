/* import.h - the import system. */
#ifndef GILPY_IMPORT_H
#define GILPY_IMPORT_H

#include "../runtime/object.h"

/* __import__(name, globals, None, fromlist, level): the top package when
 * fromlist is empty, else the named module. */
Value import_module_level(Value name, Value globals, Value fromlist, int level);
/* Import a module by absolute dotted name and return it (not the top package). */
Value import_module(Value name);
Value import_module_c(const char *name);
/* Run a file's source as module `name` (the __main__ script, runpy). */
Value import_exec_source(Value name, const char *src, size_t len, Value filename, Value module);

/* SyntaxError "Non-UTF-8 code starting with ..." unless src is valid UTF-8. */
int   import_check_source(const char *src, size_t len, const char *path);

#endif
