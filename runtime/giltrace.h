/* giltrace.h - watching the GIL: -X gilstats and -X giltrace=FILE.
 *
 * -X gilstats prints the per-thread counters (gilstats.c) on stderr at exit.
 * -X giltrace=FILE.json writes a Chrome Trace Event timeline (Perfetto,
 * chrome://tracing); -X giltrace=FILE.svg draws the same timeline as a
 * self-contained SVG picture.  runtime/giltrace.c explains the design.
 */
#ifndef GILPY_GILTRACE_H
#define GILPY_GILTRACE_H

#include "object.h"

/* At start-up (interp/lifecycle.c): read -X gilstats / -X giltrace=FILE from the xoptions dict and
 * start tracing.  -1 after printing an error (the caller exits with 2). */
int  giltrace_configure(Value xoptions);
/* At finalization (interp/lifecycle.c), with the GIL held: print the stats if asked, write the trace. */
void giltrace_at_exit(void);

/* Record GIL events from now on; the file is written by giltrace_finish.
 * The format follows the extension: .svg draws a picture, anything else is JSON. */
int  giltrace_start(const char *path);
int  giltrace_active(void);
/* Stop recording and write the file (GIL held).  0 ok, -1 (errno) otherwise. */
int  giltrace_finish(void);
/* In a fork child (a hook interp/lifecycle.c registers with runtime/fork.c):
 * forget the parent's threads and events, and write FILE.PID.json (or .svg)
 * at the child's exit. */
void giltrace_after_fork_child(void);

#endif
