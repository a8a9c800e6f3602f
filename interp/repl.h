/* repl.h - the interactive loop (`gilpy` on a terminal, `gilpy -i`). */
#ifndef GILPY_REPL_H
#define GILPY_REPL_H

#include <stdio.h>

#include "../runtime/object.h"

/* The one-line start-up banner: version, platform, GIL policy. */
void repl_banner(FILE *out);

/* Read, run and print statements in the namespace `globals` until end of
 * input (0) or an uncaught SystemExit (-1, left pending for the caller). */
int  repl_run(Value globals);

/* Print an exception through sys.excepthook (exc_print if that fails) and
 * remember it in sys.last_type / last_value / last_traceback. */
void repl_print_exception(Value exc);

#endif
