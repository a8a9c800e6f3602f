/* obj_file.h - the file API the interpreter uses: open(), the standard
 * streams, print()/input() writes and reads, flushing at exit and fork.
 *
 * The objects are the `_io` module's layered streams (runtime/io.h): FileIO
 * under BufferedReader/Writer/Random under TextIOWrapper.  These functions
 * take the C fast paths when a stream is exactly the C TextIOWrapper and
 * call methods otherwise (runtime/io_open.c). */
#ifndef GILPY_OBJ_FILE_H
#define GILPY_OBJ_FILE_H

#include "object.h"

extern Type type_iobase;

/* Any stream of the _io module (an instance of _io._IOBase). */
#define IS_FILE(v) (IS_OBJ(v) && type_is_subtype(AS_OBJ(v)->type, &type_iobase))

/* open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
 * closefd=True, opener=None) as a NativeFn (the builtins module exposes it). */
Value file_open_m(Value *args, int nargs, Value kwnames);

/* The standard streams, created on first use: TextIOWrapper over
 * BufferedReader/Writer over FileIO(0, 1, 2), or None for a descriptor
 * closed at start-up. */
Value file_stdin(void);
Value file_stdout(void);
Value file_stderr(void);

/* Write a str to a stream (file.write(s) for anything but the C text type). */
int   file_write_str(Value file, Value s);
/* Flush every C buffered writer (exit, fork).  Never raises, never runs
 * Python code, does not release the GIL. */
void  file_flush_all(void);
/* Flush one stream (a closed C text stream is left alone); -1 on error. */
int   file_flush(Value file);
/* Read one line for input(): "" at EOF. */
Value file_readline(Value file);

#endif
