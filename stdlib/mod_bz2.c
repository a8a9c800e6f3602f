/* mod_bz2.c - the `_bz2` module over Debian's libbz2: BZ2Compressor and
 * BZ2Decompressor with CPython 3.11's names, errors and behaviour, under
 * CPython's pure-Python bz2.py (BZ2File, compress, decompress, open).
 *
 * Each object owns a bz_stream inside itself (objects never move).  The
 * library runs with the GIL released, on a held Buffer or the decompressor's
 * kept input; the decompressor's bookkeeping (max_length, needs_input,
 * unused_data) is compress_shared.c's, this file gives it one step.  libbz2
 * must not be called again after an error inside a block, so such a
 * decompressor refuses further input ("Decompressor is unusable after a
 * previous error"); a stream that fails its magic bytes may be fed again. */
#include <bzlib.h>
#include <limits.h>
#include <string.h>
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/gil.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_list.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_type.h"
#include "interp/modreg.h"
#include "compress_shared.h"

GILPY_MODULE("_bz2", mod_bz2_init);

/* CPython's catch_bz2_error: 0 for the codes that mean progress, else raised. */
static int bz_error(int e) {
    switch (e) {
    case BZ_OK: case BZ_RUN_OK: case BZ_FLUSH_OK: case BZ_FINISH_OK: case BZ_STREAM_END:
        return 0;
    case BZ_CONFIG_ERROR: err_format(&exc_SystemError, "libbzip2 was not compiled correctly"); break;
    case BZ_PARAM_ERROR:
        err_format(&exc_ValueError, "Internal error - invalid parameters passed to libbzip2");
        break;
    case BZ_MEM_ERROR: err_no_memory(); break;
    case BZ_DATA_ERROR: case BZ_DATA_ERROR_MAGIC: err_format(&exc_OSError, "Invalid data stream"); break;
    case BZ_IO_ERROR: err_format(&exc_OSError, "Unknown I/O error"); break;
    case BZ_UNEXPECTED_EOF:
        err_format(&exc_EOFError, "Compressed file ended before the logical end-of-stream was detected");
        break;
    case BZ_SEQUENCE_ERROR:
        err_format(&exc_RuntimeError, "Internal error - Invalid sequence of commands sent to libbzip2");
        break;
    default: err_format(&exc_OSError, "Unrecognized error from libbzip2: %d", e); break;
    }
    return -1;
}

/* ---- BZ2Compressor --------------------------------------------------------------------- */

typedef struct {
    Obj       header;
    bz_stream bzs;
    int       inited;
    CsComp    c;
} Bz2Comp;

extern Type type_bz2_compressor, type_bz2_decompressor;

static void bz2c_finalize(Obj *o) {
    Bz2Comp *c = (Bz2Comp *)o;
    if (c->inited) BZ2_bzCompressEnd(&c->bzs);
    c->inited = 0;
    cs_lock_destroy(&c->c.lock);
}

/* BZ2Compressor(compresslevel=9, /) */
static Value bz2c_new(Value *args, int nargs, Value kwnames) {
    int level = 9;
    if (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len)
        return err_format(&exc_TypeError, "BZ2Compressor() takes no keyword arguments");
    if (nargs > 2) return err_format(&exc_TypeError, "BZ2Compressor expected at most 1 argument, got %d", nargs - 1);
    if (nargs == 2 && arg_to_int(args[1], &level) < 0) return VAL_NULL;
    if (level < 1 || level > 9) return err_format(&exc_ValueError, "compresslevel must be between 1 and 9");
    Bz2Comp *c = (Bz2Comp *)obj_new_instance((Type *)AS_OBJ(args[0]));
    if (!c) return VAL_NULL;
    cs_lock_init(&c->c.lock);
    if (bz_error(BZ2_bzCompressInit(&c->bzs, level, 0, 0)) < 0) return VAL_NULL;
    c->inited = 1;
    return MK_OBJ(c);
}

static int bz2_compress_call(bz_stream *s, int action) {
    int e;
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    e = BZ2_bzCompress(s, action);
    GIL_BLOCKING_END();
    return e;
}

/* The CsCompressFn: compress len bytes at p (BZ_RUN) or finish the stream (BZ_FINISH). */
static Value bz2c_run(void *st, const uint8_t *p, size_t len, int finish) {
    bz_stream *s = &((Bz2Comp *)st)->bzs;
    int action = finish ? BZ_FINISH : BZ_RUN;
    CsOut o;
    if (cs_out_init(&o, 0, -1) < 0) return VAL_NULL;
    uint8_t *next = o.buf;
    size_t avail = o.cap;
    s->next_in = (char *)p;
    s->avail_in = 0;
    for (;;) {
        if (s->avail_in == 0 && len > 0) {
            s->avail_in = len > UINT_MAX ? UINT_MAX : (unsigned)len;
            len -= s->avail_in;
        }
        if (action == BZ_RUN && s->avail_in == 0) break;
        if (avail == 0 && cs_out_grow(&o, (size_t)(next - o.buf), &next, &avail) < 0) goto fail;
        s->next_out = (char *)next;
        s->avail_out = avail > UINT_MAX ? UINT_MAX : (unsigned)avail;
        unsigned before = s->avail_out;
        int e = bz2_compress_call(s, action);
        next += before - s->avail_out;
        avail -= before - s->avail_out;
        if (bz_error(e) < 0) goto fail;
        if (action == BZ_FINISH && e == BZ_STREAM_END) break;
    }
    return cs_out_finish(&o, (size_t)(next - o.buf));
fail:
    cs_out_free(&o);
    return VAL_NULL;
}

static Value bz2c_compress_m(Value *args, int nargs, Value kwnames) {
    Bz2Comp *c = (Bz2Comp *)AS_OBJ(args[0]);
    return cs_comp_compress(&c->c, c, bz2c_run, args[1]);
}

static Value bz2c_flush_m(Value *args, int nargs, Value kwnames) {
    Bz2Comp *c = (Bz2Comp *)AS_OBJ(args[0]);
    return cs_comp_flush(&c->c, c, bz2c_run);
}

static const MethodDef bz2c_methods[] = {
    {"__new__", bz2c_new, METH_STATIC | ARGS_ANY, NULL},
    {"compress", bz2c_compress_m, ARGS_ONE, CS_COMPRESS_DOC, "($self, data, /)"},
    {"flush", bz2c_flush_m, ARGS_NONE, CS_FLUSH_DOC, "($self, /)"},
    {NULL, NULL, 0, NULL},
};

Type type_bz2_compressor = {
    .tp_name = "_bz2.BZ2Compressor", .base = &type_object, .basicsize = sizeof(Bz2Comp),
    .finalize = bz2c_finalize, .methods = bz2c_methods,
};
GILPY_TYPE(type_bz2_compressor, NULL);

/* ---- BZ2Decompressor ------------------------------------------------------------------- */

typedef struct {
    Obj       header;
    bz_stream bzs;
    int       inited, unusable;
    CsDecomp  d;
} Bz2Decomp;

static void bz2d_trace(Obj *o) { cs_decomp_trace(&((Bz2Decomp *)o)->d); }

static void bz2d_finalize(Obj *o) {
    Bz2Decomp *b = (Bz2Decomp *)o;
    if (b->inited) BZ2_bzDecompressEnd(&b->bzs);
    b->inited = 0;
    cs_decomp_finalize(&b->d);
}

/* BZ2Decompressor() */
static Value bz2d_new(Value *args, int nargs, Value kwnames) {
    if (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len)
        return err_format(&exc_TypeError, "BZ2Decompressor() takes no keyword arguments");
    if (nargs > 1) return err_format(&exc_TypeError, "BZ2Decompressor() takes no positional arguments");
    Bz2Decomp *b = (Bz2Decomp *)obj_new_instance((Type *)AS_OBJ(args[0]));
    if (!b) return VAL_NULL;
    cs_decomp_init(&b->d, "End of stream already reached");
    if (IS_NULL(b->d.unused_data)) return VAL_NULL;
    if (bz_error(BZ2_bzDecompressInit(&b->bzs, 0, 0)) < 0) return VAL_NULL;
    b->inited = 1;
    return MK_OBJ(b);
}

/* The CsStepFn: one BZ2_bzDecompress over at most UINT_MAX bytes each way. */
static int bz2d_step(void *st, const uint8_t **in, size_t *in_len, uint8_t **out, size_t *out_len) {
    Bz2Decomp *b = st;
    bz_stream *s = &b->bzs;
    s->next_in = (char *)*in;
    s->avail_in = *in_len > UINT_MAX ? UINT_MAX : (unsigned)*in_len;
    s->next_out = (char *)*out;
    s->avail_out = *out_len > UINT_MAX ? UINT_MAX : (unsigned)*out_len;
    unsigned in0 = s->avail_in, out0 = s->avail_out;
    int e;
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    e = BZ2_bzDecompress(s);
    GIL_BLOCKING_END();
    *in += in0 - s->avail_in;
    *in_len -= in0 - s->avail_in;
    *out += out0 - s->avail_out;
    *out_len -= out0 - s->avail_out;
    if (bz_error(e) < 0) {
        b->unusable = e == BZ_DATA_ERROR || e == BZ_SEQUENCE_ERROR || e == BZ_PARAM_ERROR;
        return -1;
    }
    return e == BZ_STREAM_END;
}

/* decompress(data, max_length=-1) */
static Value bz2d_decompress_m(Value *args, int nargs, Value kwnames) {
    Bz2Decomp *b = (Bz2Decomp *)AS_OBJ(args[0]);
    if (b->unusable && !b->d.eof)
        return err_format(&exc_ValueError, "Decompressor is unusable after a previous error");
    Value r = cs_decomp_run(&b->d, b, bz2d_step, args[1], args[2]);
    if (b->unusable) b->d.needs_input = 0;
    return r;
}

static Value bz2d_get_eof(Value self) { return MK_BOOL(((Bz2Decomp *)AS_OBJ(self))->d.eof); }
static Value bz2d_get_unused_data(Value self) { return ((Bz2Decomp *)AS_OBJ(self))->d.unused_data; }
static Value bz2d_get_needs_input(Value self) { return MK_BOOL(((Bz2Decomp *)AS_OBJ(self))->d.needs_input); }

static const GetSetDef bz2d_getsets[] = {
    {"eof", bz2d_get_eof, getset_readonly, "True if the end-of-stream marker has been reached."},
    {"unused_data", bz2d_get_unused_data, getset_readonly, "Data found after the end of the compressed stream."},
    {"needs_input", bz2d_get_needs_input, getset_readonly, "True if more input is needed before more "
     "decompressed data can be produced."},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef bz2d_methods[] = {
    {"__new__", bz2d_new, METH_STATIC | ARGS_ANY, NULL},
    {"decompress", bz2d_decompress_m, ARGS_KW, CS_DECOMPRESS_DOC, "($self, /, data, max_length=-1)"},
    {NULL, NULL, 0, NULL},
};

Type type_bz2_decompressor = {
    .tp_name = "_bz2.BZ2Decompressor", .base = &type_object, .basicsize = sizeof(Bz2Decomp),
    .trace = bz2d_trace, .finalize = bz2d_finalize, .methods = bz2d_methods, .getsets = bz2d_getsets,
};
GILPY_TYPE(type_bz2_decompressor, NULL);

Value mod_bz2_init(void) {
    Value m = module_new_c("_bz2");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    if (dict_set_c(d, "BZ2Compressor", MK_OBJ(&type_bz2_compressor)) < 0
        || dict_set_c(d, "BZ2Decompressor", MK_OBJ(&type_bz2_decompressor)) < 0)
        return VAL_NULL;
    return m;
}
