/* mod_zlib.c - the `zlib` module over Debian's libz, with CPython 3.11's
 * names, signatures, errors and behaviour, for gzip.py, zipfile.py,
 * tarfile.py and shutil's archives.
 *
 * Compress and Decompress objects own a z_stream inside the object (the
 * collector never moves objects, so libz may keep pointers into it).  Each
 * deflate()/inflate() runs with the GIL released, on input held as a Buffer
 * and into a CsOut (compress_shared.c), under the object's lock.  The state
 * machine is CPython's, quirks included, because its tests pin them: a
 * finished Compress raises "inconsistent stream state" from libz itself, a
 * Decompress calls inflateEnd only from flush(), flush() swallows data
 * errors, and a dictionary given to decompressobj() is set at once for raw
 * streams and on Z_NEED_DICT otherwise.  Error messages are libz's msg in
 * CPython's "Error %d %s: %s" frame (zl_error). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/gil.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_int.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "interp/modreg.h"
#include "compress_shared.h"

GILPY_MODULE("zlib", mod_zlib_init);

#define ZL_DEF_BUF_SIZE (16 * 1024)
#define ZL_DEF_MEM_LEVEL 8
/* crc32/adler32 release the GIL above this many bytes, as CPython does. */
#define ZL_NOGIL_MIN 5120

static Value zl_error_class = VAL_NULL;     /* zlib.error */
#define ZL_ERROR ((Type *)AS_OBJ(zl_error_class))

/* CPython's zlib_error: "Error -3 while decompressing data: incorrect header check". */
static Value zl_error(const z_stream *zs, int err, const char *what) {
    const char *msg = err == Z_VERSION_ERROR ? "library version mismatch" : zs->msg;
    if (!msg) {
        if (err == Z_BUF_ERROR) msg = "incomplete or truncated stream";
        else if (err == Z_STREAM_ERROR) msg = "inconsistent stream state";
        else if (err == Z_DATA_ERROR) msg = "invalid input data";
    }
    if (!msg) return err_format(ZL_ERROR, "Error %d %s", err, what);
    char m[201];
    snprintf(m, sizeof m, "%s", msg);
    return err_format(ZL_ERROR, "Error %d %s: %s", err, what, m);
}

/* ---- running libz without the GIL ------------------------------------------------------ */

static int zl_deflate(z_stream *zs, int flush) {
    int err;
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    err = deflate(zs, flush);
    GIL_BLOCKING_END();
    return err;
}

static int zl_inflate(z_stream *zs, int flush) {
    int err;
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    err = inflate(zs, flush);
    GIL_BLOCKING_END();
    return err;
}

/* Input beyond what avail_in (an unsigned int) can say is fed in pieces:
 * give zs the next piece of *left bytes. */
static void zl_feed(z_stream *zs, size_t *left) {
    zs->avail_in = *left > UINT_MAX ? UINT_MAX : (uInt)*left;
    *left -= zs->avail_in;
}

/* Output: room for more when avail_out is 0.  0, 1 at max, -1 raised. */
static int zl_room(z_stream *zs, CsOut *o) {
    if (zs->avail_out) return 0;
    uint8_t *next;
    size_t avail;
    int r = cs_out_grow(o, (size_t)(zs->next_out - o->buf), &next, &avail);
    if (r) return r;
    zs->next_out = next;
    zs->avail_out = avail > UINT_MAX ? UINT_MAX : (uInt)avail;
    return 0;
}

static int zl_out_start(z_stream *zs, CsOut *o, size_t first, int64_t max) {
    if (cs_out_init(o, first, max) < 0) return -1;
    zs->next_out = o->buf;
    zs->avail_out = o->cap > UINT_MAX ? UINT_MAX : (uInt)o->cap;
    return 0;
}

static Value zl_out_finish(z_stream *zs, CsOut *o) {
    return cs_out_finish(o, (size_t)(zs->next_out - o->buf));
}

/* ---- one-shot compress and decompress -------------------------------------------------- */

/* compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS) */
static Value zl_compress(Value *args, int nargs, Value kwnames) {
    Buffer in;
    int level = Z_DEFAULT_COMPRESSION, wbits = MAX_WBITS;
    if (buffer_get(args[0], &in, BUF_SIMPLE) < 0) return VAL_NULL;
    if ((!IS_NULL(args[1]) && arg_to_int(args[1], &level) < 0)
        || (!IS_NULL(args[2]) && arg_to_int(args[2], &wbits) < 0)) {
        buffer_release(&in);
        return VAL_NULL;
    }
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    int err = deflateInit2(&zs, level, Z_DEFLATED, wbits, ZL_DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY);
    Value r = VAL_NULL;
    CsOut o = { 0 };
    if (err == Z_MEM_ERROR) { err_format(&exc_MemoryError, "Out of memory while compressing data"); goto done; }
    if (err == Z_STREAM_ERROR) { err_format(ZL_ERROR, "Bad compression level"); goto done; }
    if (err != Z_OK) { deflateEnd(&zs); zl_error(&zs, err, "while compressing data"); goto done; }
    if (zl_out_start(&zs, &o, 0, -1) < 0) { deflateEnd(&zs); goto done; }
    zs.next_in = in.buf;
    size_t left = (size_t)in.len;
    int flush;
    do {
        zl_feed(&zs, &left);
        flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            if (zl_room(&zs, &o) < 0) { deflateEnd(&zs); goto done; }
            err = zl_deflate(&zs, flush);
            if (err == Z_STREAM_ERROR) { deflateEnd(&zs); zl_error(&zs, err, "while compressing data"); goto done; }
        } while (zs.avail_out == 0);
    } while (flush != Z_FINISH);
    err = deflateEnd(&zs);
    if (err != Z_OK) zl_error(&zs, err, "while finishing compression");
    else r = zl_out_finish(&zs, &o);
done:
    cs_out_free(&o);
    buffer_release(&in);
    return r;
}

/* decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE) */
static Value zl_decompress(Value *args, int nargs, Value kwnames) {
    Buffer in;
    int wbits = MAX_WBITS;
    int64_t bufsize = ZL_DEF_BUF_SIZE;
    if (buffer_get(args[0], &in, BUF_SIMPLE) < 0) return VAL_NULL;
    if ((!IS_NULL(args[1]) && arg_to_int(args[1], &wbits) < 0)
        || (!IS_NULL(args[2]) && arg_to_ssize(args[2], &bufsize) < 0)) {
        buffer_release(&in);
        return VAL_NULL;
    }
    Value r = VAL_NULL;
    CsOut o = { 0 };
    if (bufsize < 0) { err_format(&exc_ValueError, "bufsize must be non-negative"); goto done; }
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    int err = inflateInit2(&zs, wbits);
    if (err == Z_MEM_ERROR) { err_format(&exc_MemoryError, "Out of memory while decompressing data"); goto done; }
    if (err != Z_OK) { inflateEnd(&zs); zl_error(&zs, err, "while preparing to decompress data"); goto done; }
    if (zl_out_start(&zs, &o, bufsize ? (size_t)bufsize : 1, -1) < 0) { inflateEnd(&zs); goto done; }
    zs.next_in = in.buf;
    size_t left = (size_t)in.len;
    do {
        zl_feed(&zs, &left);
        int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            if (zl_room(&zs, &o) < 0) { inflateEnd(&zs); goto done; }
            err = zl_inflate(&zs, flush);
            if (err == Z_MEM_ERROR) {
                inflateEnd(&zs);
                err_format(&exc_MemoryError, "Out of memory while decompressing data");
                goto done;
            }
            if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
                inflateEnd(&zs);
                zl_error(&zs, err, "while decompressing data");
                goto done;
            }
        } while (zs.avail_out == 0);
    } while (err != Z_STREAM_END && left != 0);
    if (err != Z_STREAM_END) { inflateEnd(&zs); zl_error(&zs, err, "while decompressing data"); goto done; }
    err = inflateEnd(&zs);
    if (err != Z_OK) zl_error(&zs, err, "while finishing decompression");
    else r = zl_out_finish(&zs, &o);
done:
    cs_out_free(&o);
    buffer_release(&in);
    return r;
}

/* ---- Compress and Decompress ----------------------------------------------------------- */

typedef struct {
    Obj      header;
    z_stream zs;
    int      inited;          /* between a successful *Init2 and *End */
    int      eof;
    CsLock   lock;
    Value    unused_data, unconsumed_tail;
    Value    zdict;           /* Decompress: the dictionary object, or VAL_NULL */
} ZlObj;

#define AS_ZL(v) ((ZlObj *)AS_OBJ(v))

extern Type type_zlib_compress, type_zlib_decompress;

static void zl_trace(Obj *o) {
    ZlObj *z = (ZlObj *)o;
    gc_mark_value(z->unused_data);
    gc_mark_value(z->unconsumed_tail);
    gc_mark_value(z->zdict);
}

static void zl_comp_finalize(Obj *o) {
    ZlObj *z = (ZlObj *)o;
    if (z->inited) deflateEnd(&z->zs);
    z->inited = 0;
    cs_lock_destroy(&z->lock);
}

static void zl_decomp_finalize(Obj *o) {
    ZlObj *z = (ZlObj *)o;
    if (z->inited) inflateEnd(&z->zs);
    z->inited = 0;
    cs_lock_destroy(&z->lock);
}

static ZlObj *zl_new(Type *t) {
    ZlObj *z = (ZlObj *)gc_alloc(t, sizeof(ZlObj));
    if (!z) return NULL;
    z->zdict = VAL_NULL;
    z->unused_data = z->unconsumed_tail = bytes_new("", 0);
    if (IS_NULL(z->unused_data)) return NULL;
    cs_lock_init(&z->lock);
    return z;
}

/* compressobj(level, method, wbits, memLevel, strategy, zdict) */
static Value zl_compressobj(Value *args, int nargs, Value kwnames) {
    int opt[5] = { Z_DEFAULT_COMPRESSION, Z_DEFLATED, MAX_WBITS, ZL_DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY };
    for (int i = 0; i < 5; i++)
        if (!IS_NULL(args[i]) && arg_to_int(args[i], &opt[i]) < 0) return VAL_NULL;
    Buffer zdict = { 0 };
    int have_zdict = !IS_NULL(args[5]);
    if (have_zdict && buffer_get(args[5], &zdict, BUF_SIMPLE) < 0) return VAL_NULL;
    Value r = VAL_NULL;
    ZlObj *z = NULL;
    if (have_zdict && (uint64_t)zdict.len > UINT_MAX) {
        err_format(&exc_OverflowError, "zdict length does not fit in an unsigned int");
        goto done;
    }
    z = zl_new(&type_zlib_compress);
    if (!z) goto done;
    int err = deflateInit2(&z->zs, opt[0], opt[1], opt[2], opt[3], opt[4]);
    if (err == Z_MEM_ERROR) { err_format(&exc_MemoryError, "Can't allocate memory for compression object"); goto done; }
    if (err == Z_STREAM_ERROR) { err_format(&exc_ValueError, "Invalid initialization option"); goto done; }
    if (err != Z_OK) { zl_error(&z->zs, err, "while creating compression object"); goto done; }
    z->inited = 1;
    if (have_zdict) {
        err = deflateSetDictionary(&z->zs, zdict.buf, (uInt)zdict.len);
        if (err != Z_OK) {
            err_format(&exc_ValueError, err == Z_STREAM_ERROR ? "Invalid dictionary" : "deflateSetDictionary()");
            goto done;
        }
    }
    r = MK_OBJ(z);
done:
    if (have_zdict) buffer_release(&zdict);
    return r;
}

/* Give libz the dictionary of a Decompress; -1 raised. */
static int zl_set_inflate_zdict(ZlObj *z) {
    Buffer b;
    if (buffer_get(z->zdict, &b, BUF_SIMPLE) < 0) return -1;
    int rc = 0;
    if ((uint64_t)b.len > UINT_MAX) {
        err_format(&exc_OverflowError, "zdict length does not fit in an unsigned int");
        rc = -1;
    } else {
        int err = inflateSetDictionary(&z->zs, b.buf, (uInt)b.len);
        if (err != Z_OK) { zl_error(&z->zs, err, "while setting zdict"); rc = -1; }
    }
    buffer_release(&b);
    return rc;
}

/* decompressobj(wbits=MAX_WBITS, zdict=b'') */
static Value zl_decompressobj(Value *args, int nargs, Value kwnames) {
    int wbits = MAX_WBITS;
    if (!IS_NULL(args[0]) && arg_to_int(args[0], &wbits) < 0) return VAL_NULL;
    if (!IS_NULL(args[1]) && !buffer_check(args[1]))
        return err_format(&exc_TypeError, "zdict argument must support the buffer protocol");
    ZlObj *z = zl_new(&type_zlib_decompress);
    if (!z) return VAL_NULL;
    z->zdict = args[1];
    int err = inflateInit2(&z->zs, wbits);
    if (err == Z_STREAM_ERROR) return err_format(&exc_ValueError, "Invalid initialization option");
    if (err == Z_MEM_ERROR) return err_format(&exc_MemoryError, "Can't allocate memory for decompression object");
    if (err != Z_OK) return zl_error(&z->zs, err, "while creating decompression object");
    z->inited = 1;
    if (!IS_NULL(z->zdict) && wbits < 0 && zl_set_inflate_zdict(z) < 0) return VAL_NULL;
    return MK_OBJ(z);
}

/* Compress.compress(data, /) */
static Value zl_comp_compress(Value *args, int nargs, Value kwnames) {
    ZlObj *z = AS_ZL(args[0]);
    Buffer in;
    if (buffer_get(args[1], &in, BUF_SIMPLE) < 0) return VAL_NULL;
    cs_lock_enter(&z->lock);
    Value r = VAL_NULL;
    CsOut o = { 0 };
    if (zl_out_start(&z->zs, &o, 0, -1) < 0) goto done;
    z->zs.next_in = in.buf;
    size_t left = (size_t)in.len;
    do {
        zl_feed(&z->zs, &left);
        do {
            if (zl_room(&z->zs, &o) < 0) goto done;
            int err = zl_deflate(&z->zs, Z_NO_FLUSH);
            if (err == Z_STREAM_ERROR) { zl_error(&z->zs, err, "while compressing data"); goto done; }
        } while (z->zs.avail_out == 0);
    } while (left != 0);
    r = zl_out_finish(&z->zs, &o);
done:
    cs_out_free(&o);
    cs_lock_leave(&z->lock);
    buffer_release(&in);
    return r;
}

/* Compress.flush(mode=zlib.Z_FINISH, /) */
static Value zl_comp_flush(Value *args, int nargs, Value kwnames) {
    ZlObj *z = AS_ZL(args[0]);
    int mode = Z_FINISH;
    if (!IS_NULL(args[1]) && arg_to_int(args[1], &mode) < 0) return VAL_NULL;
    if (mode == Z_NO_FLUSH) return bytes_new("", 0);
    cs_lock_enter(&z->lock);
    Value r = VAL_NULL;
    CsOut o = { 0 };
    if (zl_out_start(&z->zs, &o, 0, -1) < 0) goto done;
    z->zs.avail_in = 0;
    int err;
    do {
        if (zl_room(&z->zs, &o) < 0) goto done;
        err = zl_deflate(&z->zs, mode);
        if (err == Z_STREAM_ERROR) { zl_error(&z->zs, err, "while flushing"); goto done; }
    } while (z->zs.avail_out == 0);
    if (err == Z_STREAM_END && mode == Z_FINISH) {
        err = deflateEnd(&z->zs);
        if (err != Z_OK) { zl_error(&z->zs, err, "while finishing compression"); goto done; }
        z->inited = 0;
    } else if (err != Z_OK && err != Z_BUF_ERROR) {
        zl_error(&z->zs, err, "while flushing");
        goto done;
    }
    r = zl_out_finish(&z->zs, &o);
done:
    cs_out_free(&o);
    cs_lock_leave(&z->lock);
    return r;
}

/* After inflate stopped with err: input past the end of the stream goes to
 * unused_data, input not consumed (max_length reached) to unconsumed_tail.
 * end is the end of the input given to this call. */
static int zl_save_unconsumed(ZlObj *z, const uint8_t *end, int err) {
    if (err == Z_STREAM_END && z->zs.avail_in > 0) {
        size_t had = (size_t)AS_BYTES(z->unused_data)->len, left = (size_t)(end - z->zs.next_in);
        Bytes *u = bytes_alloc(had + left);
        if (!u) return -1;
        memcpy(u->data, AS_BYTES(z->unused_data)->data, had);     /* read after the allocation */
        memcpy(u->data + had, z->zs.next_in, left);
        z->unused_data = MK_OBJ(u);
        z->zs.avail_in = 0;
    }
    if (z->zs.avail_in > 0 || AS_BYTES(z->unconsumed_tail)->len) {
        Value t = bytes_new(z->zs.next_in, (size_t)(end - z->zs.next_in));
        if (IS_NULL(t)) return -1;
        z->unconsumed_tail = t;
    }
    return 0;
}

/* The inflate loop of Decompress.decompress (flush == Z_SYNC_FLUSH, at most
 * max bytes out) and of Decompress.flush (Z_FINISH on the last piece).
 * Returns inflate's last result, or INT_MIN with an error raised. */
static int zl_inflate_loop(ZlObj *z, const uint8_t *p, size_t n, CsOut *o, int finish) {
    z->zs.next_in = (Bytef *)p;
    size_t left = n;
    int err = Z_OK;
    do {
        zl_feed(&z->zs, &left);
        int flush = !finish ? Z_SYNC_FLUSH : left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            int room = zl_room(&z->zs, o);
            if (room < 0) return INT_MIN;
            if (room == 1) return err;      /* max_length reached */
            err = zl_inflate(&z->zs, flush);
            if (err == Z_NEED_DICT && !IS_NULL(z->zdict)) {
                if (zl_set_inflate_zdict(z) < 0) return INT_MIN;
            } else if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
                return err;
            }
        } while (z->zs.avail_out == 0 || err == Z_NEED_DICT);
    } while (err != Z_STREAM_END && left != 0);
    return err;
}

/* Decompress.decompress(data, /, max_length=0) */
static Value zl_decomp_decompress(Value *args, int nargs, Value kwnames) {
    ZlObj *z = AS_ZL(args[0]);
    Buffer in;
    int64_t max = 0;
    if (buffer_get(args[1], &in, BUF_SIMPLE) < 0) return VAL_NULL;
    if (!IS_NULL(args[2]) && arg_to_ssize(args[2], &max) < 0) { buffer_release(&in); return VAL_NULL; }
    if (max < 0) { buffer_release(&in); return err_format(&exc_ValueError, "max_length must be non-negative"); }
    cs_lock_enter(&z->lock);
    Value r = VAL_NULL;
    CsOut o = { 0 };
    size_t first = max > 0 && max < ZL_DEF_BUF_SIZE ? (size_t)max : ZL_DEF_BUF_SIZE;
    if (zl_out_start(&z->zs, &o, first, max ? max : -1) < 0) goto done;
    int err = zl_inflate_loop(z, in.buf, (size_t)in.len, &o, 0);
    if (err == INT_MIN || zl_save_unconsumed(z, in.buf + in.len, err) < 0) goto done;
    if (err == Z_STREAM_END) z->eof = 1;
    else if (err != Z_OK && err != Z_BUF_ERROR) { zl_error(&z->zs, err, "while decompressing data"); goto done; }
    r = zl_out_finish(&z->zs, &o);
done:
    cs_out_free(&o);
    cs_lock_leave(&z->lock);
    buffer_release(&in);
    return r;
}

/* Decompress.flush(length=zlib.DEF_BUF_SIZE, /) */
static Value zl_decomp_flush(Value *args, int nargs, Value kwnames) {
    ZlObj *z = AS_ZL(args[0]);
    int64_t length = ZL_DEF_BUF_SIZE;
    if (!IS_NULL(args[1]) && arg_to_ssize(args[1], &length) < 0) return VAL_NULL;
    if (length <= 0) return err_format(&exc_ValueError, "length must be greater than zero");
    cs_lock_enter(&z->lock);
    Value r = VAL_NULL;
    CsOut o = { 0 };
    Value tail = z->unconsumed_tail;           /* bytes: immutable, kept alive here */
    const uint8_t *p = AS_BYTES(tail)->data;
    size_t n = (size_t)AS_BYTES(tail)->len;
    if (zl_out_start(&z->zs, &o, (size_t)length, -1) < 0) goto done;
    int err = zl_inflate_loop(z, p, n, &o, 1);
    if (err == INT_MIN || zl_save_unconsumed(z, p + n, err) < 0) goto done;
    if (err == Z_STREAM_END) {
        z->eof = 1;
        z->inited = 0;
        err = inflateEnd(&z->zs);
        if (err != Z_OK) { zl_error(&z->zs, err, "while finishing decompression"); goto done; }
    }
    r = zl_out_finish(&z->zs, &o);
done:
    cs_out_free(&o);
    cs_lock_leave(&z->lock);
    return r;
}

/* Compress.copy() and Decompress.copy() (also __copy__ and __deepcopy__). */
static Value zl_copy(Value self) {
    ZlObj *z = AS_ZL(self);
    int deflating = val_type(self) == &type_zlib_compress;
    const char *what = deflating ? "compression" : "decompression";
    cs_lock_enter(&z->lock);
    Value r = VAL_NULL;
    ZlObj *c = NULL;
    if (!z->inited) { err_format(&exc_ValueError, "Inconsistent stream state"); goto done; }
    c = zl_new(val_type(self));
    if (!c) goto done;
    int err = deflating ? deflateCopy(&c->zs, &z->zs) : inflateCopy(&c->zs, &z->zs);
    if (err == Z_STREAM_ERROR) { err_format(&exc_ValueError, "Inconsistent stream state"); goto done; }
    if (err == Z_MEM_ERROR) { err_format(&exc_MemoryError, "Can't allocate memory for %s object", what); goto done; }
    if (err != Z_OK) {
        zl_error(&z->zs, err, deflating ? "while copying compression object" : "while copying decompression object");
        goto done;
    }
    c->inited = 1;
    c->unused_data = z->unused_data;
    c->unconsumed_tail = z->unconsumed_tail;
    c->zdict = z->zdict;
    c->eof = z->eof;
    r = MK_OBJ(c);
done:
    cs_lock_leave(&z->lock);
    return r;
}

static Value zl_copy_m(Value *args, int nargs, Value kwnames) { return zl_copy(args[0]); }

static Value zl_get_unused_data(Value self) { return AS_ZL(self)->unused_data; }
static Value zl_get_unconsumed_tail(Value self) { return AS_ZL(self)->unconsumed_tail; }
static Value zl_get_eof(Value self) { return MK_BOOL(AS_ZL(self)->eof); }

static const GetSetDef zl_decomp_getsets[] = {
    {"unused_data", zl_get_unused_data, getset_readonly, NULL},
    {"unconsumed_tail", zl_get_unconsumed_tail, getset_readonly, NULL},
    {"eof", zl_get_eof, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef zl_comp_methods[] = {
    {"compress", zl_comp_compress, ARGS_KW, "Returns a bytes object containing compressed data.\n\n"
     "  data\n    Binary data to be compressed.\n\nAfter calling this function, some of the input data may "
     "still\nbe stored in internal buffers for later processing.\nCall the flush() method to clear these "
     "buffers.", "($self, data, /)"},
    {"flush", zl_comp_flush, ARGS_KW, "Return a bytes object containing any remaining compressed "
     "data.\n\n  mode\n    One of the constants Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH.\n    If mode == "
     "Z_FINISH, the compressor object can no longer be\n    used after calling the flush() method.  "
     "Otherwise, more data\n    can still be compressed.", "($self, mode=zlib.Z_FINISH, /)"},
    {"copy", zl_copy_m, ARGS_KW, "Return a copy of the compression object.", "($self, /)"},
    {"__copy__", zl_copy_m, ARGS_KW, NULL, "($self, /)"},
    {"__deepcopy__", zl_copy_m, ARGS_KW, NULL, "($self, memo, /)"},
    {NULL, NULL, 0, NULL},
};

static const MethodDef zl_decomp_methods[] = {
    {"decompress", zl_decomp_decompress, ARGS_KW, "Return a bytes object containing the decompressed version "
     "of the data.\n\n  data\n    The binary data to decompress.\n  max_length\n    The maximum allowable "
     "length of the decompressed data.\n    Unconsumed input data will be stored in\n    the unconsumed_tail "
     "attribute.\n\nAfter calling this function, some of the input data may still be stored in\ninternal "
     "buffers for later processing.\nCall the flush() method to clear these buffers.",
     "($self, data, /, max_length=0)"},
    {"flush", zl_decomp_flush, ARGS_KW, "Return a bytes object containing any remaining decompressed "
     "data.\n\n  length\n    the initial size of the output buffer.", "($self, length=zlib.DEF_BUF_SIZE, /)"},
    {"copy", zl_copy_m, ARGS_KW, "Return a copy of the decompression object.", "($self, /)"},
    {"__copy__", zl_copy_m, ARGS_KW, NULL, "($self, /)"},
    {"__deepcopy__", zl_copy_m, ARGS_KW, NULL, "($self, memo, /)"},
    {NULL, NULL, 0, NULL},
};

Type type_zlib_compress = {
    .tp_name = "zlib.Compress", .base = &type_object, .basicsize = sizeof(ZlObj),
    .flags = TF_ABSTRACT, .trace = zl_trace, .finalize = zl_comp_finalize,
    .methods = zl_comp_methods,
};
GILPY_TYPE(type_zlib_compress, NULL);

Type type_zlib_decompress = {
    .tp_name = "zlib.Decompress", .base = &type_object, .basicsize = sizeof(ZlObj),
    .flags = TF_ABSTRACT, .trace = zl_trace, .finalize = zl_decomp_finalize,
    .methods = zl_decomp_methods, .getsets = zl_decomp_getsets,
};
GILPY_TYPE(type_zlib_decompress, NULL);

/* ---- checksums ------------------------------------------------------------------------- */

/* An unsigned int taken bitwise (PyLong_AsUnsignedLongMask): any int, mod 2**32. */
static int zl_uint_arg(Value v, uint32_t *out) {
    Value iv = IS_INT(v) ? v : obj_index(v);
    if (IS_NULL(iv)) return -1;
    Value m = obj_binop(iv, MK_SMALLINT(0xFFFFFFFF), OP_BITAND);
    if (IS_NULL(m)) return -1;
    *out = (uint32_t)AS_SMALLINT(m);
    return 0;
}

/* crc32 or adler32 (fn) of data from value, the GIL released for big inputs. */
static Value zl_checksum(Value *args, uLong (*fn)(uLong, const Bytef *, z_size_t), uint32_t start) {
    Buffer b;
    if (buffer_get(args[0], &b, BUF_SIMPLE) < 0) return VAL_NULL;
    uint32_t v = start;
    if (!IS_NULL(args[1]) && zl_uint_arg(args[1], &v) < 0) { buffer_release(&b); return VAL_NULL; }
    uLong r = v;
    if (b.len > ZL_NOGIL_MIN) {
        GIL_BLOCKING_BEGIN(GIL_REASON_IO);
        r = fn(r, b.buf, (z_size_t)b.len);
        GIL_BLOCKING_END();
    } else {
        r = fn(r, b.buf, (z_size_t)b.len);
    }
    buffer_release(&b);
    return int_from_u64((uint32_t)r);
}

static Value zl_crc32(Value *args, int nargs, Value kwnames) { return zl_checksum(args, crc32_z, 0); }
static Value zl_adler32(Value *args, int nargs, Value kwnames) { return zl_checksum(args, adler32_z, 1); }

/* ---- the module ------------------------------------------------------------------------ */

static const MethodDef mod_zlib_functions[] = {
    {"adler32", zl_adler32, ARGS_POS(1, 2), "Compute an Adler-32 checksum of data.\n\n  value\n    Starting "
     "value of the checksum.\n\nThe returned checksum is an integer.", "($module, data, value=1, /)"},
    {"compress", zl_compress, ARGS_KW, "Returns a bytes object containing compressed data.\n\n  data\n    "
     "Binary data to be compressed.\n  level\n    Compression level, in 0-9 or -1.\n  wbits\n    The window "
     "buffer size and container format.",
     "($module, data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS)"},
    {"compressobj", zl_compressobj, ARGS_KW, "Return a compressor object.\n\n  level\n    The compression "
     "level (an integer in the range 0-9 or -1; default is\n    currently equivalent to 6).  Higher "
     "compression levels are slower,\n    but produce smaller results.\n  method\n    The compression "
     "algorithm.  If given, this must be DEFLATED.\n  wbits\n    +9 to +15: The base-two logarithm of the "
     "window size.  Include a zlib\n        container.\n    -9 to -15: Generate a raw stream.\n    +25 to +31: "
     "Include a gzip container.\n  memLevel\n    Controls the amount of memory used for internal compression "
     "state.\n    Valid values range from 1 to 9.  Higher values result in higher memory\n    usage, faster "
     "compression, and smaller output.\n  strategy\n    Used to tune the compression algorithm.  Possible "
     "values are\n    Z_DEFAULT_STRATEGY, Z_FILTERED, and Z_HUFFMAN_ONLY.\n  zdict\n    The predefined "
     "compression dictionary - a sequence of bytes\n    containing subsequences that are likely to occur in "
     "the input data.",
     "($module, /, level=Z_DEFAULT_COMPRESSION, method=DEFLATED, wbits=MAX_WBITS, memLevel=DEF_MEM_LEVEL, "
     "strategy=Z_DEFAULT_STRATEGY, zdict=None)"},
    {"crc32", zl_crc32, ARGS_POS(1, 2), "Compute a CRC-32 checksum of data.\n\n  value\n    Starting value "
     "of the checksum.\n\nThe returned checksum is an integer.", "($module, data, value=0, /)"},
    {"decompress", zl_decompress, ARGS_KW, "Returns a bytes object containing the uncompressed data.\n\n  "
     "data\n    Compressed data.\n  wbits\n    The window buffer size and container format.\n  bufsize\n    "
     "The initial output buffer size.", "($module, data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE)"},
    {"decompressobj", zl_decompressobj, ARGS_KW, "Return a decompressor object.\n\n  wbits\n    The window "
     "buffer size and container format.\n  zdict\n    The predefined compression dictionary.  This must be "
     "the same\n    dictionary as used by the compressor that produced the input data.",
     "($module, /, wbits=MAX_WBITS, zdict=b'')"},
    {NULL, NULL, 0, NULL},
};

static const struct { const char *name; int value; } zl_constants[] = {
    {"MAX_WBITS", MAX_WBITS}, {"DEFLATED", Z_DEFLATED}, {"DEF_MEM_LEVEL", ZL_DEF_MEM_LEVEL},
    {"DEF_BUF_SIZE", ZL_DEF_BUF_SIZE}, {"Z_NO_COMPRESSION", Z_NO_COMPRESSION}, {"Z_BEST_SPEED", Z_BEST_SPEED},
    {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION}, {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
    {"Z_FILTERED", Z_FILTERED}, {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY}, {"Z_RLE", Z_RLE}, {"Z_FIXED", Z_FIXED},
    {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY}, {"Z_NO_FLUSH", Z_NO_FLUSH}, {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
    {"Z_SYNC_FLUSH", Z_SYNC_FLUSH}, {"Z_FULL_FLUSH", Z_FULL_FLUSH}, {"Z_FINISH", Z_FINISH}, {"Z_BLOCK", Z_BLOCK},
    {"Z_TREES", Z_TREES},
};

Value mod_zlib_init(void) {
    Value m = module_new_c("zlib");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, mod_zlib_functions, m);
    if (IS_NULL(zl_error_class)) {
        gc_add_root(&zl_error_class);
        zl_error_class = exc_new_class("zlib", "error", &exc_Exception);
        if (IS_NULL(zl_error_class)) return VAL_NULL;
    }
    if (dict_set_c(d, "error", zl_error_class) < 0) return VAL_NULL;
    for (size_t i = 0; i < sizeof zl_constants / sizeof zl_constants[0]; i++)
        if (dict_set_c(d, zl_constants[i].name, MK_SMALLINT(zl_constants[i].value)) < 0) return VAL_NULL;
    if (dict_set_c(d, "ZLIB_VERSION", str_from_c(ZLIB_VERSION)) < 0
        || dict_set_c(d, "ZLIB_RUNTIME_VERSION", str_from_c(zlibVersion())) < 0
        || dict_set_c(d, "__version__", str_from_c("1.0")) < 0)
        return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
