/* fork.h - the one place for the fork protocol. */
#ifndef GILPY_FORK_H
#define GILPY_FORK_H

#include <sys/types.h>

/* fork() with the interpreter's protocol around it: before (flush every
 * stdio buffer so nothing is printed twice), in the child (a fresh GIL held
 * by the only thread left, the other threads' states dropped, per-process
 * state reset).  Returns what fork() returns; -1 with errno on failure. */
pid_t fork_process(void);

/* Hooks run in the child after the runtime's own reset (e.g. the GIL
 * tracer reopening its file per process); at most a few. */
void fork_add_child_hook(void (*hook)(void));

#endif
