/* compress_shared.h - what zlib, _bz2 and _lzma share: the output buffer a
 * (de)compressor writes into, the per-object lock, and the streaming
 * decompressor's input bookkeeping (max_length, needs_input, unused_data).
 * compress_shared.c explains the design. */
#ifndef GILPY_COMPRESS_SHARED_H
#define GILPY_COMPRESS_SHARED_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include "runtime/object.h"

/* ---- output ---------------------------------------------------------------------------- */

/* A malloc'd buffer that grows (with the GIL held) while a library writes into
 * it (with the GIL released).  `used` is what the library has written. */
typedef struct CsOut {
    uint8_t *buf;
    size_t   cap;
    int64_t  max;           /* most bytes wanted, -1 for no limit */
} CsOut;

/* Start with room for `first` bytes (at least 1, at most max when max >= 0). */
int   cs_out_init(CsOut *o, size_t first, int64_t max);
/* The buffer is full after `used` bytes: more room.  0 with *next and *avail
 * set; 1 when max is reached (nothing changes); -1 with MemoryError. */
int   cs_out_grow(CsOut *o, size_t used, uint8_t **next, size_t *avail);
/* The `used` bytes as bytes (the buffer is freed either way). */
Value cs_out_finish(CsOut *o, size_t used);
void  cs_out_free(CsOut *o);

/* ---- the object lock ------------------------------------------------------------------- */

/* (De)compressor objects run their library with the GIL released, so two
 * threads could use one object at once: a mutex serializes them, as the
 * lock of CPython's compression objects does. */
typedef struct CsLock {
    pthread_mutex_t m;
    int ready;
} CsLock;

void cs_lock_init(CsLock *l);
void cs_lock_destroy(CsLock *l);      /* from a finalizer: safe when never initialised */
void cs_lock_enter(CsLock *l);        /* waits with the GIL released */
void cs_lock_leave(CsLock *l);

/* ---- the compressor of _bz2 and _lzma -------------------------------------------------- */

/* A library's compression of len bytes at p, or the end of the stream when
 * finish: the output as bytes, or VAL_NULL raised. */
typedef Value (*CsCompressFn)(void *st, const uint8_t *p, size_t len, int finish);

typedef struct CsComp {
    CsLock lock;
    int    flushed;
} CsComp;

/* compress(data) and flush() of BZ2Compressor and LZMACompressor: the lock, and
 * "Compressor has been flushed" / "Repeated call to flush()" once flushed. */
Value cs_comp_compress(CsComp *c, void *st, CsCompressFn fn, Value data);
Value cs_comp_flush(CsComp *c, void *st, CsCompressFn fn);

/* ---- the streaming decompressor of _bz2 and _lzma --------------------------------------- */

/* A library's decompression step over the stream st: reads from *in (avail
 * *in_len), writes to *out (avail *out_len), advancing both.  Returns 0 to go
 * on, 1 at the end of the stream, -1 with the error set (it runs with the GIL
 * held: the step wraps its own library call in cs_nogil). */
typedef int (*CsStepFn)(void *st, const uint8_t **in, size_t *in_len, uint8_t **out, size_t *out_len);

typedef struct CsDecomp {
    CsLock   lock;
    int      eof, needs_input;
    /* needs_input stays False when the output filled up just as the input ran
     * out (liblzma may hold more output then); libbz2's decompressor says True */
    int      full_means_more;
    const char *eof_msg;    /* the EOFError of a call after the end */
    Value    unused_data;   /* bytes after the end of the stream */
    uint8_t *pending;       /* input kept between calls (malloc'd): pending_len */
    size_t   pending_off, pending_len, pending_cap;   /* bytes from pending + pending_off */
} CsDecomp;

void  cs_decomp_init(CsDecomp *d, const char *eof_msg);
void  cs_decomp_trace(CsDecomp *d);
void  cs_decomp_finalize(CsDecomp *d);
/* decompress(data, max_length) of BZ2Decompressor and LZMADecompressor: the
 * step run over the kept input and data, at most max_length bytes out (-1:
 * all), the rest kept; EOFError(eof_msg) after the end. */
Value cs_decomp_run(CsDecomp *d, void *st, CsStepFn step, Value data, Value max_length);

/* The docstrings BZ2Compressor/LZMACompressor and their decompressors share. */
#define CS_COMPRESS_DOC \
    "Provide data to the compressor object.\n\nReturns a chunk of compressed data if possible, or b'' " \
    "otherwise.\n\nWhen you have finished providing data to the compressor, call the\nflush() method to " \
    "finish the compression process."
#define CS_FLUSH_DOC \
    "Finish the compression process.\n\nReturns the compressed data left in internal buffers.\n\nThe " \
    "compressor object may not be used after this method is called."
#define CS_DECOMPRESS_DOC \
    "Decompress *data*, returning uncompressed data as bytes.\n\n" \
    "If *max_length* is nonnegative, returns at most *max_length* bytes of\ndecompressed data. If this limit " \
    "is reached and further output can be\nproduced, *self.needs_input* will be set to ``False``. In this " \
    "case, the next\ncall to *decompress()* may provide *data* as b'' to obtain more of the output.\n\nIf all " \
    "of the input data was decompressed and returned (either because this\nwas less than *max_length* bytes, " \
    "or because *max_length* was negative),\n*self.needs_input* will be set to True.\n\nAttempting to " \
    "decompress data after the end of stream is reached raises an\nEOFError.  Any data found after the end " \
    "of the stream is ignored and saved in\nthe unused_data attribute."

#endif
