/* lifecycle.h - start-up and shutdown of the interpreter (interp/lifecycle.c).
 *
 * The program (interp/main.c), the REPL, the unit tests and the fuzzers all
 * start gilpy the same way:
 *
 *   lifecycle_start_runtime();       the heap, the main thread, the builtin types
 *   ... set interp.argv, interp.path, interp.xoptions, the flags ...
 *   lifecycle_start_interpreter();   GIL policy, builtins, sys, __main__
 *   ... run the program ...
 *   lifecycle_finalize();            join threads, at-exit handlers, flush
 */
#ifndef GILPY_LIFECYCLE_H
#define GILPY_LIFECYCLE_H

void lifecycle_start_runtime(void);
/* 0, or -1 with a Python exception set; exits with status 2 for a bad -X option. */
int  lifecycle_start_interpreter(void);
/* 0, or -1 when flushing sys.stdout or sys.stderr failed (the process then
 * exits with status 120, as CPython's Py_RunMain). */
int  lifecycle_finalize(void);
/* A C function to run at finalization, after threading._shutdown, in the
 * reverse order of registration (atexit's Python handlers come through it). */
void lifecycle_at_exit(void (*fn)(void));

#endif
