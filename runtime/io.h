/* io.h - the layered I/O objects of the `_io` module, shared by runtime/io_*.c.
 *
 * The layers are CPython's: FileIO (a file descriptor) under
 * BufferedReader/Writer/Random/RWPair (bytes buffered in C memory) under
 * TextIOWrapper (text: a decoder, an encoder, newline translation); BytesIO
 * and StringIO are in-memory streams.  The four abstract bases (_IOBase,
 * _RawIOBase, _BufferedIOBase, _TextIOBase) hold the generic methods that
 * io.py's ABCs and Python subclasses inherit.
 *
 * Every object starts with IOBase: the instance __dict__ (FileIO keeps its
 * `name` there, as CPython does; subclasses from Python share the slot) and
 * the flags of the generic base.  A layer talks to the one below it through
 * C calls when that one is exactly the C type (the fast paths: print() to
 * sys.stdout never leaves C) and through ordinary method calls otherwise, so
 * a RawIOBase written in Python works under a BufferedReader.
 *
 * Blocking syscalls (read, write, open) run with the GIL released and touch
 * only C memory meanwhile (io_sys_read/io_sys_write below).  Writable C
 * buffered objects sit in a registry so that file_flush_all() (exit, fork)
 * can write out what they hold without running Python code. */
#ifndef GILPY_IO_H
#define GILPY_IO_H

#include <stddef.h>
#include <sys/types.h>
#include "object.h"
#include "gil.h"

#define IO_DEFAULT_BUFFER_SIZE 8192

typedef struct IOBase {
    Obj      header;
    Value    dict;          /* instance __dict__ */
    uint32_t ioflags;       /* IOF_* */
    uint32_t pad_;
} IOBase;

enum {
    IOF_CLOSED     = 1u << 0,   /* _IOBase.close() ran (the generic base's state) */
    IOF_FINALIZING = 1u << 1,   /* close() called from the finalizer */
};

typedef struct FileIO {
    IOBase  base;
    Value   name;           /* the `name` attribute (VAL_NULL once deleted) */
    int     fd;             /* -1 once closed */
    uint8_t readable, writable, appending, created, closefd;
    int8_t  seekable;       /* -1 until asked */
    int64_t blksize;
} FileIO;

enum { BUFK_READ = 1, BUFK_WRITE = 2 };

typedef struct Buffered {
    IOBase  base;
    Value   raw;
    uint8_t kind;           /* BUFK_* */
    uint8_t ok, detached;
    uint8_t in_reg;
    int64_t size;           /* buffer_size */
    char   *rbuf;           /* read-ahead [rpos, rlen) */
    size_t  rpos, rlen, rcap;
    char   *wbuf;           /* output not yet given to raw */
    size_t  wlen, wcap;
    struct Buffered *reg_prev, *reg_next;
} Buffered;

typedef struct TextIO TextIO;

extern Type type_iobase, type_rawiobase, type_bufferediobase, type_textiobase,
    type_fileio, type_bufferedreader, type_bufferedwriter, type_bufferedrandom,
    type_bufferedrwpair, type_textiowrapper, type_bytesio, type_stringio,
    type_nldecoder;

#define IS_FILEIO(v)   IS_EXACT(v, type_fileio)
/* Exactly one of the C buffered types (subclasses go through method calls). */
#define IS_CBUFFERED(v) (IS_OBJ(v) && (AS_OBJ(v)->type == &type_bufferedwriter || \
    AS_OBJ(v)->type == &type_bufferedreader || AS_OBJ(v)->type == &type_bufferedrandom))

/* ---- io_base.c: errors and the generic protocol ---- */
/* A new instance of t.  `exact` (FileIO, BytesIO, StringIO) is not registered
 * for _IOBase's finalizer: closing it frees nothing its sweep-time finalize
 * does not, and a buffered object over a FileIO, queued after it, must
 * still find it open to flush. */
Obj  *io_alloc(Type *t, Type *exact);
Value io_unsupported_class(void);           /* io.UnsupportedOperation */
Value io_unsupported(const char *msg);      /* raise it; VAL_NULL */
Value io_closed_error(void);                /* ValueError "I/O operation on closed file." */
/* Is the stream closed (its `closed` attribute)?  1, 0, -1. */
int   io_is_closed(Value self);
int   io_check_closed(Value self);          /* -1 + ValueError when closed */
/* _checkReadable()'s test on any object (CPython's _PyIOBase_check_readable, which
 * a buffered object applies to its raw stream, an io class or not): the method
 * ("readable") must return True, else UnsupportedOperation(msg).  VAL_NULL raised. */
Value io_check_able(Value self, const char *method, const char *msg);
/* The end of a close(): `first` is what the flush raised (VAL_NULL: nothing),
 * `r` what closing the stream below returned; a second error gets the first
 * as its __context__.  None, or VAL_NULL with the error. */
Value io_close_result(Value first, Value r);
/* The bytes of a bytes-like argument ("a bytes-like object is required, not 'str'"). */
int   io_bytes_arg(Value v, const uint8_t **data, int64_t *len);

/* ---- io_fileio.c: the syscalls (GIL released, EINTR retried) ---- */
/* read(): bytes read, 0 at EOF, -1 errno set, -2 an exception raised (a signal handler). */
ssize_t io_sys_read(int fd, char *buf, size_t n);
/* One write(): bytes written, or -1 errno set / -2 exception raised. */
ssize_t io_sys_write(int fd, const char *buf, size_t n, int release);
Value fileio_new_fd(int fd, Value name, const char *mode, int closefd);
/* FileIO.readall() of an open FileIO: one read sized by fstat, then more. */
Value fileio_readall(FileIO *f);
/* FileIO(file, mode, closefd, opener) for open(). */
Value fileio_open(Value file, Value mode, int closefd, Value opener);
/* Private memory for one syscall (what a read lands in before it is copied
 * into an object): a per-thread chunk reused while it is big enough, taken
 * out of its slot while in use (a signal handler run by an EINTR retry may
 * read a file too).  NULL with MemoryError; give it back with io_chunk_give. */
char *io_chunk_take(size_t n);
void  io_chunk_give(char *p, size_t n);

/* ---- io_buffered.c ---- */
Value buffered_new(Type *t, Value raw, int64_t size);
/* Append bytes to a C buffered writer (flushing as its size says); -1 on error. */
int   buffered_write_c(Buffered *b, const char *data, size_t n);
int   buffered_flush_c(Buffered *b);
/* Take up to n bytes (at least one unless EOF) from a C buffered reader into
 * *out (a bytes); 0 ok, -1 error.  *out is b"" at EOF. */
Value buffered_read1_c(Buffered *b, int64_t n);
void  buffered_flush_all(void);

/* ---- io_textio.c ---- */
Value textio_new(Value buffer, Value encoding, Value errors, Value newline, int line_buffering,
                 int write_through);
int   textio_write_str(Value self, Value s);
Value textio_readline_c(Value self);
int   textio_flush_c(Value self);
int   textio_is(Value v);                   /* exactly the C TextIOWrapper */
/* Is encoding UTF-8 in any of its spellings? */
int   io_encoding_is_utf8(const char *e);

/* ---- io_open.c ---- */
Value io_open(Value *args, int nargs, Value kwnames);
Value io_open_code(Value *args, int nargs, Value kwnames);
Value io_text_encoding(Value *args, int nargs, Value kwnames);

#endif
