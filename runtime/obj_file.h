/* obj_file.h - file objects: open(), sys.stdin/stdout/stderr.
 *
 * One C struct (FileObj) serves four Python types named like CPython's:
 * _io.TextIOWrapper for text mode and _io.BufferedReader/BufferedWriter/
 * BufferedRandom for binary mode ('r', 'w'/'a'/'x', any '+').  Each object
 * owns a file descriptor and two plain C buffers (read-ahead bytes and
 * pending output), so blocking syscalls never touch a Python object: see
 * GIL_BLOCKING_BEGIN below.
 *
 * Every writable file is linked into a registry (weakly: the collector may
 * still finalize it, which flushes and closes it) so file_flush_all() can
 * flush every buffer at exit and before fork().
 */
#ifndef GILPY_OBJ_FILE_H
#define GILPY_OBJ_FILE_H

#include <stddef.h>
#include "object.h"

/* Around every blocking read()/write(): the GIL is released between the two.
 * runtime/gil.h provides the real pair; until it is included first these
 * are no-ops.  Code between them must not touch any Python object. */
#include "gil.h"

typedef struct FileObj {
    Obj      header;
    int      fd;            /* -1 once closed */
    uint32_t fflags;        /* FILEF_* */
    int      newline;       /* FILE_NL_* */
    Value    name;          /* str, or the int fd */
    Value    mode;          /* str as shown by .mode */
    Value    encoding;      /* text: str; binary: VAL_NONE */
    Value    errors;        /* text: str; binary: VAL_NONE */
    Value    buffer;        /* text: binary view of the same fd (.buffer), lazily */
    char    *rbuf;          /* read-ahead bytes [rpos, rlen) */
    size_t   rpos, rlen, rcap;
    char    *wbuf;          /* output not yet written */
    size_t   wlen, wcap;
    struct FileObj *reg_prev, *reg_next;   /* registry of writable files */
} FileObj;

enum {
    FILEF_READ     = 1u << 0,
    FILEF_WRITE    = 1u << 1,
    FILEF_APPEND   = 1u << 2,
    FILEF_TEXT     = 1u << 3,
    FILEF_CLOSEFD  = 1u << 4,
    FILEF_LINEBUF  = 1u << 5,   /* flush after a write containing '\n' */
    FILEF_UNBUF    = 1u << 6,   /* flush after every write */
    FILEF_EOF      = 1u << 7,   /* last read() returned 0 (cleared by seek) */
    FILEF_UTF8     = 1u << 8,   /* text encoding is UTF-8 */
    FILEF_SHARED   = 1u << 9,   /* .buffer of a text file: never closes the fd */
    FILEF_REG      = 1u << 10,  /* linked into the writable registry */
    FILEF_CLOSED   = 1u << 11,
};

enum { FILE_NL_UNIVERSAL, FILE_NL_UNTRANSLATED, FILE_NL_LF, FILE_NL_CR, FILE_NL_CRLF };

extern Type type_textiowrapper, type_bufferedreader, type_bufferedwriter,
    type_bufferedrandom, type_fileio;

#define IS_FILE(v) (IS_OBJ(v) && (AS_OBJ(v)->type == &type_textiowrapper || \
    AS_OBJ(v)->type == &type_bufferedreader || AS_OBJ(v)->type == &type_bufferedwriter || \
    AS_OBJ(v)->type == &type_bufferedrandom || AS_OBJ(v)->type == &type_fileio))

/* open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
 * closefd=True) as a NativeFn (the builtins module exposes it). */
Value file_open_m(Value *args, int nargs, Value kwnames);
/* A text file over an existing fd (name shown by repr; mode "r"/"w"). */
Value file_from_fd(int fd, const char *name, const char *mode, int closefd);

/* The standard streams, created on first use (text, UTF-8).  stdout is line
 * buffered on a tty and fully buffered otherwise, unbuffered with
 * interp.flag_unbuffered; stderr is line buffered (as CPython, which writes
 * through on every line). */
Value file_stdin(void);
Value file_stdout(void);
Value file_stderr(void);

/* Write a C string to a file object or anything with .write (print, hooks). */
int   file_write_str(Value file, Value s);
/* Flush every open writable file (exit, fork).  Never raises: errors are
 * ignored.  Does not release the GIL. */
void  file_flush_all(void);
/* Flush one file object (or call .flush() on another stream); -1 on error. */
int   file_flush(Value file);
/* Read one line from a stream for input(): VAL_NULL + EOFError handled by
 * the caller; returns "" at EOF. */
Value file_readline(Value file);

#endif
