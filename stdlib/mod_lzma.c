/* mod_lzma.c - the `_lzma` module over Debian's liblzma: LZMACompressor,
 * LZMADecompressor, the filter-chain specifiers, and the constants, with
 * CPython 3.11's names, errors and behaviour, under CPython's lzma.py.
 *
 * A filter chain crosses from Python as a sequence of dicts ({"id":
 * FILTER_LZMA2, "preset": 6, "dict_size": ...}); lz_parse_chain turns it into
 * liblzma's lzma_filter array (options malloc'd, freed by lz_free_chain) with
 * CPython's checks and messages, and lz_build_spec turns decoded properties
 * back into a dict.  Each object owns its lzma_stream inside itself (objects
 * never move); lzma_code runs with the GIL released on a held Buffer or the
 * decompressor's kept input, whose bookkeeping is compress_shared.c's. */
#include <lzma.h>
#include <stdlib.h>
#include <string.h>
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/gil.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "interp/modreg.h"
#include "compress_shared.h"
#include "hashlib_args.h"

GILPY_MODULE("_lzma", mod_lzma_init);

enum { FORMAT_AUTO, FORMAT_XZ, FORMAT_ALONE, FORMAT_RAW };

static Value lz_error_class = VAL_NULL;     /* _lzma.LZMAError */
#define LZ_ERROR ((Type *)AS_OBJ(lz_error_class))

/* CPython's catch_lzma_error: 0 for the codes that mean progress, else raised. */
static int lz_error(lzma_ret r) {
    switch (r) {
    case LZMA_OK: case LZMA_GET_CHECK: case LZMA_NO_CHECK: case LZMA_STREAM_END: return 0;
    case LZMA_UNSUPPORTED_CHECK: err_format(LZ_ERROR, "Unsupported integrity check"); break;
    case LZMA_MEM_ERROR: err_no_memory(); break;
    case LZMA_MEMLIMIT_ERROR: err_format(LZ_ERROR, "Memory usage limit exceeded"); break;
    case LZMA_FORMAT_ERROR: err_format(LZ_ERROR, "Input format not supported by decoder"); break;
    case LZMA_OPTIONS_ERROR: err_format(LZ_ERROR, "Invalid or unsupported options"); break;
    case LZMA_DATA_ERROR: err_format(LZ_ERROR, "Corrupt input data"); break;
    case LZMA_BUF_ERROR: err_format(LZ_ERROR, "Insufficient buffer space"); break;
    case LZMA_PROG_ERROR: err_format(LZ_ERROR, "Internal error"); break;
    default: err_format(LZ_ERROR, "Unrecognized error from liblzma: %d", (int)r); break;
    }
    return -1;
}

static lzma_ret lz_code(lzma_stream *s, lzma_action a) {
    lzma_ret r;
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    r = lzma_code(s, a);
    GIL_BLOCKING_END();
    return r;
}

/* ---- converters ------------------------------------------------------------------------ */

/* PyLong_AsUnsignedLongLong: an int (no __index__), not negative, 64 bits. */
static int lz_u64(Value v, uint64_t *out) {
    if (!IS_INT(v)) { err_format(&exc_TypeError, "an integer is required"); return -1; }
    return hashlib_u64(v, out);
}

/* CPython's uint32_converter. */
static int lz_u32(Value v, uint32_t *out) {
    uint64_t u;
    if (lz_u64(v, &u) < 0) return -1;
    if (u > UINT32_MAX) { err_format(&exc_OverflowError, "Value too large for uint32_t type"); return -1; }
    *out = (uint32_t)u;
    return 0;
}

/* spec[name], or VAL_NULL with no error when it has no such key. */
static Value lz_spec_get(Value spec, const char *name) {
    Value k = str_from_c(name);
    if (IS_NULL(k)) return VAL_NULL;
    Value v = obj_getitem(spec, k);
    if (IS_NULL(v) && err_matches(&exc_KeyError)) err_clear();
    return v;
}

/* ---- filter specifiers ----------------------------------------------------------------- */

/* The options of the keyword arguments a dict spec gives (PyArg_ParseTupleAndKeywords
 * over it): names[i] is stored by set(opts, i, value).  Any failure is the
 * ValueError "Invalid filter specifier for <what> filter". */
static int lz_spec_options(Value spec, const char *const *names, int (*set)(void *, int, Value), void *opts,
                           const char *what) {
    int ok = IS_DICT(spec);
    int64_t pos = 0;
    Value k, v;
    while (ok && dict_next(spec, &pos, &k, &v)) {
        int i = 0;
        while (names[i] && !(IS_STR(k) && strcmp(STR_DATA(k), names[i]) == 0)) i++;
        ok = names[i] && set(opts, i, v) == 0;
    }
    if (ok) return 0;
    err_clear();
    err_format(&exc_ValueError, "Invalid filter specifier for %s filter", what);
    return -1;
}

static const char *const lz_lzma_names[] = {"id", "preset", "dict_size", "lc", "lp", "pb", "mode", "nice_len",
                                            "mf", "depth", NULL};

static int lz_set_lzma(void *p, int i, Value v) {
    lzma_options_lzma *o = p;
    uint32_t u = 0;
    if (i >= 2 && lz_u32(v, &u) < 0) return -1;
    switch (i) {
    case 2: o->dict_size = u; break;
    case 3: o->lc = u; break;
    case 4: o->lp = u; break;
    case 5: o->pb = u; break;
    case 6: o->mode = (lzma_mode)u; break;          /* liblzma checks mode and mf */
    case 7: o->nice_len = u; break;
    case 8: o->mf = (lzma_match_finder)u; break;
    case 9: o->depth = u; break;
    }
    return 0;
}

static const char *const lz_delta_names[] = {"id", "dist", NULL};
static int lz_set_delta(void *p, int i, Value v) {
    return i == 1 ? lz_u32(v, &((lzma_options_delta *)p)->dist) : 0;
}

static const char *const lz_bcj_names[] = {"id", "start_offset", NULL};
static int lz_set_bcj(void *p, int i, Value v) {
    return i == 1 ? lz_u32(v, &((lzma_options_bcj *)p)->start_offset) : 0;
}

/* The options of an LZMA1/LZMA2 spec: the preset's, then the keys given. */
static void *lz_parse_lzma(Value spec) {
    uint32_t preset = LZMA_PRESET_DEFAULT;
    Value p = lz_spec_get(spec, "preset");
    if (IS_NULL(p) && err_occurred()) return NULL;
    if (!IS_NULL(p) && lz_u32(p, &preset) < 0) return NULL;
    lzma_options_lzma *o = calloc(1, sizeof *o);
    if (!o) { err_no_memory(); return NULL; }
    if (lzma_lzma_preset(o, preset)) {
        free(o);
        err_format(LZ_ERROR, "Invalid compression preset: %u", preset);
        return NULL;
    }
    if (lz_spec_options(spec, lz_lzma_names, lz_set_lzma, o, "LZMA") < 0) { free(o); return NULL; }
    return o;
}

/* One filter from a spec (CPython's parse_filter_spec); -1 raised. */
static int lz_parse_filter(Value spec, lzma_filter *f) {
    f->options = NULL;
    if (IS_NULL(val_type(spec)->slots[SM_GETITEM])) {
        err_format(&exc_TypeError, "Filter specifier must be a dict or dict-like object");
        return -1;
    }
    Value id = lz_spec_get(spec, "id");
    if (IS_NULL(id)) {
        if (!err_occurred()) err_format(&exc_ValueError, "Filter specifier must have an \"id\" entry");
        return -1;
    }
    uint64_t fid;
    if (lz_u64(id, &fid) < 0) return -1;
    f->id = fid;
    switch (fid) {
    case LZMA_FILTER_LZMA1: case LZMA_FILTER_LZMA2:
        f->options = lz_parse_lzma(spec);
        break;
    case LZMA_FILTER_DELTA: {
        lzma_options_delta *o = calloc(1, sizeof *o);
        if (!o) { err_no_memory(); return -1; }
        o->type = LZMA_DELTA_TYPE_BYTE;
        o->dist = 1;
        if (lz_spec_options(spec, lz_delta_names, lz_set_delta, o, "delta") < 0) { free(o); return -1; }
        f->options = o;
        break;
    }
    case LZMA_FILTER_X86: case LZMA_FILTER_POWERPC: case LZMA_FILTER_IA64: case LZMA_FILTER_ARM:
    case LZMA_FILTER_ARMTHUMB: case LZMA_FILTER_SPARC: {
        lzma_options_bcj *o = calloc(1, sizeof *o);
        if (!o) { err_no_memory(); return -1; }
        if (lz_spec_options(spec, lz_bcj_names, lz_set_bcj, o, "BCJ") < 0) { free(o); return -1; }
        f->options = o;
        break;
    }
    default:
        err_format(&exc_ValueError, "Invalid filter ID: %llu", (unsigned long long)fid);
        return -1;
    }
    return f->options ? 0 : -1;
}

static void lz_free_chain(lzma_filter *fs) {
    for (int i = 0; fs[i].id != LZMA_VLI_UNKNOWN; i++) free(fs[i].options);
}

/* A chain of at most LZMA_FILTERS_MAX filters, ended by LZMA_VLI_UNKNOWN; -1 raised. */
static int lz_parse_chain(Value specs, lzma_filter fs[LZMA_FILTERS_MAX + 1]) {
    fs[0].id = LZMA_VLI_UNKNOWN;
    if (IS_DICT(specs)) return err_format(&exc_TypeError, "%T is not a sequence", specs), -1;
    int64_t n = obj_len(specs);
    if (n < 0) return -1;
    if (n > LZMA_FILTERS_MAX)
        return err_format(&exc_ValueError, "Too many filters - liblzma supports a maximum of %d",
                          LZMA_FILTERS_MAX), -1;
    for (int64_t i = 0; i < n; i++) {
        Value spec = obj_getitem(specs, MK_SMALLINT(i));
        if (IS_NULL(spec) || lz_parse_filter(spec, &fs[i]) < 0) {
            fs[i].id = LZMA_VLI_UNKNOWN;
            lz_free_chain(fs);
            return -1;
        }
        fs[i + 1].id = LZMA_VLI_UNKNOWN;
    }
    return 0;
}

static int lz_spec_add(Value d, const char *name, uint64_t v) {
    Value iv = int_from_u64(v);
    return IS_NULL(iv) ? -1 : dict_set_c(d, name, iv);
}

/* The dict CPython's build_filter_spec makes of a decoded filter. */
static Value lz_build_spec(const lzma_filter *f) {
    Value d = dict_new();
    if (IS_NULL(d) || lz_spec_add(d, "id", f->id) < 0) return VAL_NULL;
    int ok = 0;
    switch (f->id) {
    case LZMA_FILTER_LZMA1: {
        const lzma_options_lzma *o = f->options;
        ok = lz_spec_add(d, "lc", o->lc) | lz_spec_add(d, "lp", o->lp) | lz_spec_add(d, "pb", o->pb)
             | lz_spec_add(d, "dict_size", o->dict_size);
        break;
    }
    case LZMA_FILTER_LZMA2: ok = lz_spec_add(d, "dict_size", ((const lzma_options_lzma *)f->options)->dict_size); break;
    case LZMA_FILTER_DELTA: ok = lz_spec_add(d, "dist", ((const lzma_options_delta *)f->options)->dist); break;
    case LZMA_FILTER_X86: case LZMA_FILTER_POWERPC: case LZMA_FILTER_IA64: case LZMA_FILTER_ARM:
    case LZMA_FILTER_ARMTHUMB: case LZMA_FILTER_SPARC:
        if (f->options) ok = lz_spec_add(d, "start_offset", ((const lzma_options_bcj *)f->options)->start_offset);
        break;
    default:
        return err_format(&exc_ValueError, "Invalid filter ID: %llu", (unsigned long long)f->id);
    }
    return ok < 0 ? VAL_NULL : d;
}

/* ---- LZMACompressor -------------------------------------------------------------------- */

typedef struct {
    Obj         header;
    lzma_stream lzs;
    CsComp      c;
} LzComp;

extern Type type_lzma_compressor, type_lzma_decompressor;

static void lzc_finalize(Obj *o) {
    LzComp *c = (LzComp *)o;
    lzma_end(&c->lzs);
    cs_lock_destroy(&c->c.lock);
}

/* The encoder of FORMAT_XZ, FORMAT_ALONE or FORMAT_RAW; -1 raised. */
static int lzc_init_encoder(lzma_stream *s, int format, int check, uint32_t preset, Value filters) {
    lzma_filter fs[LZMA_FILTERS_MAX + 1];
    int have = !IS_NONE(filters);
    if (format == FORMAT_RAW && !have) {
        err_format(&exc_ValueError, "Must specify filters for FORMAT_RAW");
        return -1;
    }
    if (have && lz_parse_chain(filters, fs) < 0) return -1;
    lzma_ret r = LZMA_OK;
    if (format == FORMAT_XZ) {
        r = have ? lzma_stream_encoder(s, fs, (lzma_check)check) : lzma_easy_encoder(s, preset, (lzma_check)check);
    } else if (format == FORMAT_RAW) {
        r = lzma_raw_encoder(s, fs);
    } else if (have) {
        if (fs[0].id == LZMA_FILTER_LZMA1 && fs[1].id == LZMA_VLI_UNKNOWN) {
            r = lzma_alone_encoder(s, fs[0].options);
        } else {
            lz_free_chain(fs);
            err_format(&exc_ValueError, "Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter");
            return -1;
        }
    } else {
        lzma_options_lzma o;
        if (lzma_lzma_preset(&o, preset)) {
            err_format(LZ_ERROR, "Invalid compression preset: %u", preset);
            return -1;
        }
        r = lzma_alone_encoder(s, &o);
    }
    if (have) lz_free_chain(fs);
    return lz_error(r);
}

/* LZMACompressor(format=FORMAT_XZ, check=-1, preset=None, filters=None) */
static Value lzc_new(Value *argv, int nargs, Value kwnames) {
    static const char *const names[] = {"format", "check", "preset", "filters"};
    Value args[5] = {argv[0]};
    if (arg_parse("LZMACompressor", argv + 1, nargs - 1, kwnames, names, 4, 0, 0, args + 1) < 0) return VAL_NULL;
    int format = FORMAT_XZ, check = -1;
    uint32_t preset = LZMA_PRESET_DEFAULT;
    if ((!IS_NULL(args[1]) && arg_to_cint(args[1], &format) < 0)
        || (!IS_NULL(args[2]) && arg_to_cint(args[2], &check) < 0))
        return VAL_NULL;
    Value preset_obj = IS_NULL(args[3]) ? VAL_NONE : args[3];
    Value filters = IS_NULL(args[4]) ? VAL_NONE : args[4];
    if (format != FORMAT_XZ && check != -1 && check != LZMA_CHECK_NONE)
        return err_format(&exc_ValueError, "Integrity checks are only supported by FORMAT_XZ");
    if (!IS_NONE(preset_obj) && !IS_NONE(filters))
        return err_format(&exc_ValueError, "Cannot specify both preset and filter chain");
    if (!IS_NONE(preset_obj) && lz_u32(preset_obj, &preset) < 0) return VAL_NULL;
    if (format != FORMAT_XZ && format != FORMAT_ALONE && format != FORMAT_RAW)
        return err_format(&exc_ValueError, "Invalid container format: %d", format);
    if (format == FORMAT_XZ && check == -1) check = LZMA_CHECK_CRC64;
    LzComp *c = (LzComp *)obj_new_instance((Type *)AS_OBJ(args[0]));
    if (!c) return VAL_NULL;
    lzma_stream init = LZMA_STREAM_INIT;
    c->lzs = init;
    cs_lock_init(&c->c.lock);
    if (lzc_init_encoder(&c->lzs, format, check, preset, filters) < 0) return VAL_NULL;
    return MK_OBJ(c);
}

/* The CsCompressFn: encode len bytes at p (LZMA_RUN) or finish the stream (LZMA_FINISH). */
static Value lzc_run(void *st, const uint8_t *p, size_t len, int finish) {
    lzma_stream *s = &((LzComp *)st)->lzs;
    lzma_action action = finish ? LZMA_FINISH : LZMA_RUN;
    CsOut o;
    if (cs_out_init(&o, 0, -1) < 0) return VAL_NULL;
    s->next_in = p;
    s->avail_in = len;
    s->next_out = o.buf;
    s->avail_out = o.cap;
    for (;;) {
        lzma_ret r = lz_code(s, action);
        if (r == LZMA_BUF_ERROR && len == 0 && s->avail_out > 0) r = LZMA_OK;
        if (lz_error(r) < 0) { cs_out_free(&o); return VAL_NULL; }
        if ((action == LZMA_RUN && s->avail_in == 0) || (action == LZMA_FINISH && r == LZMA_STREAM_END)) break;
        if (s->avail_out == 0 && cs_out_grow(&o, (size_t)(s->next_out - o.buf), &s->next_out, &s->avail_out) < 0) {
            cs_out_free(&o);
            return VAL_NULL;
        }
    }
    return cs_out_finish(&o, (size_t)(s->next_out - o.buf));
}

static Value lzc_compress_m(Value *args, int nargs, Value kwnames) {
    LzComp *c = (LzComp *)AS_OBJ(args[0]);
    return cs_comp_compress(&c->c, c, lzc_run, args[1]);
}

static Value lzc_flush_m(Value *args, int nargs, Value kwnames) {
    LzComp *c = (LzComp *)AS_OBJ(args[0]);
    return cs_comp_flush(&c->c, c, lzc_run);
}

static const MethodDef lzc_methods[] = {
    {"__new__", lzc_new, METH_STATIC | ARGS_ANY, NULL},
    {"compress", lzc_compress_m, ARGS_ONE, CS_COMPRESS_DOC, "($self, data, /)"},
    {"flush", lzc_flush_m, ARGS_NONE, CS_FLUSH_DOC, "($self, /)"},
    {NULL, NULL, 0, NULL},
};

Type type_lzma_compressor = {
    .tp_name = "_lzma.LZMACompressor", .base = &type_object, .basicsize = sizeof(LzComp),
    .finalize = lzc_finalize, .methods = lzc_methods,
};
GILPY_TYPE(type_lzma_compressor, NULL);

/* ---- LZMADecompressor ------------------------------------------------------------------ */

typedef struct {
    Obj         header;
    lzma_stream lzs;
    int         check;
    CsDecomp    d;
} LzDecomp;

static void lzd_trace(Obj *o) { cs_decomp_trace(&((LzDecomp *)o)->d); }

static void lzd_finalize(Obj *o) {
    LzDecomp *l = (LzDecomp *)o;
    lzma_end(&l->lzs);
    cs_decomp_finalize(&l->d);
}

/* LZMADecompressor(format=FORMAT_AUTO, memlimit=None, filters=None) */
static Value lzd_new(Value *argv, int nargs, Value kwnames) {
    static const char *const names[] = {"format", "memlimit", "filters"};
    Value args[4] = {argv[0]};
    if (arg_parse("LZMADecompressor", argv + 1, nargs - 1, kwnames, names, 3, 0, 0, args + 1) < 0) return VAL_NULL;
    int format = FORMAT_AUTO;
    uint64_t memlimit = UINT64_MAX;
    if (!IS_NULL(args[1]) && arg_to_int(args[1], &format) < 0) return VAL_NULL;
    Value mem = IS_NULL(args[2]) ? VAL_NONE : args[2], filters = IS_NULL(args[3]) ? VAL_NONE : args[3];
    if (!IS_NONE(mem) && format == FORMAT_RAW)
        return err_format(&exc_ValueError, "Cannot specify memory limit with FORMAT_RAW");
    if (!IS_NONE(mem) && lz_u64(mem, &memlimit) < 0) return VAL_NULL;
    if (format == FORMAT_RAW && IS_NONE(filters))
        return err_format(&exc_ValueError, "Must specify filters for FORMAT_RAW");
    if (format != FORMAT_RAW && !IS_NONE(filters))
        return err_format(&exc_ValueError, "Cannot specify filters except with FORMAT_RAW");
    if (format < FORMAT_AUTO || format > FORMAT_RAW)
        return err_format(&exc_ValueError, "Invalid container format: %d", format);
    LzDecomp *l = (LzDecomp *)obj_new_instance((Type *)AS_OBJ(args[0]));
    if (!l) return VAL_NULL;
    lzma_stream init = LZMA_STREAM_INIT;
    l->lzs = init;
    cs_decomp_init(&l->d, "Already at end of stream");
    l->d.full_means_more = 1;
    if (IS_NULL(l->d.unused_data)) return VAL_NULL;
    l->check = format == FORMAT_AUTO || format == FORMAT_XZ ? LZMA_CHECK_ID_MAX + 1 : LZMA_CHECK_NONE;
    const uint32_t flags = LZMA_TELL_ANY_CHECK | LZMA_TELL_NO_CHECK;
    lzma_ret r;
    if (format == FORMAT_AUTO) r = lzma_auto_decoder(&l->lzs, memlimit, flags);
    else if (format == FORMAT_XZ) r = lzma_stream_decoder(&l->lzs, memlimit, flags);
    else if (format == FORMAT_ALONE) r = lzma_alone_decoder(&l->lzs, memlimit);
    else {
        lzma_filter fs[LZMA_FILTERS_MAX + 1];
        if (lz_parse_chain(filters, fs) < 0) return VAL_NULL;
        r = lzma_raw_decoder(&l->lzs, fs);
        lz_free_chain(fs);
    }
    return lz_error(r) < 0 ? VAL_NULL : MK_OBJ(l);
}

/* The CsStepFn: one lzma_code. */
static int lzd_step(void *st, const uint8_t **in, size_t *in_len, uint8_t **out, size_t *out_len) {
    LzDecomp *l = st;
    lzma_stream *s = &l->lzs;
    s->next_in = *in;
    s->avail_in = *in_len;
    s->next_out = *out;
    s->avail_out = *out_len;
    lzma_ret r = lz_code(s, LZMA_RUN);
    *in = s->next_in;
    *in_len = s->avail_in;
    *out = s->next_out;
    *out_len = s->avail_out;
    if (r == LZMA_BUF_ERROR && s->avail_in == 0 && s->avail_out > 0) r = LZMA_OK;
    if (lz_error(r) < 0) { l->check = (int)lzma_get_check(s); return -1; }
    if (r == LZMA_GET_CHECK || r == LZMA_NO_CHECK) l->check = (int)lzma_get_check(s);
    return r == LZMA_STREAM_END;
}

/* decompress(data, max_length=-1) */
static Value lzd_decompress_m(Value *args, int nargs, Value kwnames) {
    LzDecomp *l = (LzDecomp *)AS_OBJ(args[0]);
    return cs_decomp_run(&l->d, l, lzd_step, args[1], args[2]);
}

static Value lzd_get_check(Value self) { return MK_SMALLINT(((LzDecomp *)AS_OBJ(self))->check); }
static Value lzd_get_eof(Value self) { return MK_BOOL(((LzDecomp *)AS_OBJ(self))->d.eof); }
static Value lzd_get_unused_data(Value self) { return ((LzDecomp *)AS_OBJ(self))->d.unused_data; }
static Value lzd_get_needs_input(Value self) { return MK_BOOL(((LzDecomp *)AS_OBJ(self))->d.needs_input); }

static const GetSetDef lzd_getsets[] = {
    {"check", lzd_get_check, getset_readonly, "ID of the integrity check used by the input stream."},
    {"eof", lzd_get_eof, getset_readonly, "True if the end-of-stream marker has been reached."},
    {"unused_data", lzd_get_unused_data, getset_readonly, "Data found after the end of the compressed stream."},
    {"needs_input", lzd_get_needs_input, getset_readonly, "True if more input is needed before more "
     "decompressed data can be produced."},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef lzd_methods[] = {
    {"__new__", lzd_new, METH_STATIC | ARGS_ANY, NULL},
    {"decompress", lzd_decompress_m, ARGS_KW, CS_DECOMPRESS_DOC, "($self, /, data, max_length=-1)"},
    {NULL, NULL, 0, NULL},
};

Type type_lzma_decompressor = {
    .tp_name = "_lzma.LZMADecompressor", .base = &type_object, .basicsize = sizeof(LzDecomp),
    .trace = lzd_trace, .finalize = lzd_finalize, .methods = lzd_methods, .getsets = lzd_getsets,
};
GILPY_TYPE(type_lzma_decompressor, NULL);

/* ---- module functions ------------------------------------------------------------------ */

/* is_check_supported(check_id, /) */
static Value lz_is_check_supported(Value *args, int nargs, Value kwnames) {
    int id;
    if (arg_to_int(args[0], &id) < 0) return VAL_NULL;
    return MK_BOOL(lzma_check_is_supported((lzma_check)id));
}

/* _encode_filter_properties(filter, /) */
static Value lz_encode_filter_properties(Value *args, int nargs, Value kwnames) {
    lzma_filter f[2] = {{.id = LZMA_VLI_UNKNOWN}, {.id = LZMA_VLI_UNKNOWN}};
    if (lz_parse_filter(args[0], &f[0]) < 0) return VAL_NULL;
    uint32_t size;
    Value r = VAL_NULL;
    if (lz_error(lzma_properties_size(&size, &f[0])) == 0) {
        Bytes *b = bytes_alloc(size);
        if (b && lz_error(lzma_properties_encode(&f[0], b->data)) == 0) r = MK_OBJ(b);
    }
    lz_free_chain(f);
    return r;
}

/* _decode_filter_properties(filter_id, encoded_props, /) */
static Value lz_decode_filter_properties(Value *args, int nargs, Value kwnames) {
    uint64_t id;
    if (lz_u64(args[0], &id) < 0) return VAL_NULL;
    Buffer b;
    if (buffer_get(args[1], &b, BUF_SIMPLE) < 0) return VAL_NULL;
    lzma_filter f = {.id = id, .options = NULL};
    lzma_ret r = lzma_properties_decode(&f, NULL, b.buf, (size_t)b.len);
    buffer_release(&b);
    if (lz_error(r) < 0) return VAL_NULL;
    Value d = lz_build_spec(&f);
    free(f.options);
    return d;
}

static const MethodDef mod_lzma_functions[] = {
    {"is_check_supported", lz_is_check_supported, ARGS_ONE, "Test whether the given integrity check is "
     "supported.\n\nAlways returns True for CHECK_NONE and CHECK_CRC32.", "($module, check_id, /)"},
    {"_encode_filter_properties", lz_encode_filter_properties, ARGS_ONE, "Return a bytes object encoding the "
     "options (properties) of the filter specified by *filter* (a dict).\n\nThe result does not include the "
     "filter ID itself, only the options.", "($module, filter, /)"},
    {"_decode_filter_properties", lz_decode_filter_properties, ARGS_POS(2, 2), "Return a bytes object "
     "encoding the options (properties) of the filter specified by *filter* (a dict).\n\nThe result does not "
     "include the filter ID itself, only the options.", "($module, filter_id, encoded_props, /)"},
    {NULL, NULL, 0, NULL},
};

static const struct { const char *name; uint64_t value; } lz_constants[] = {
    {"FORMAT_AUTO", FORMAT_AUTO}, {"FORMAT_XZ", FORMAT_XZ}, {"FORMAT_ALONE", FORMAT_ALONE},
    {"FORMAT_RAW", FORMAT_RAW}, {"CHECK_NONE", LZMA_CHECK_NONE}, {"CHECK_CRC32", LZMA_CHECK_CRC32},
    {"CHECK_CRC64", LZMA_CHECK_CRC64}, {"CHECK_SHA256", LZMA_CHECK_SHA256}, {"CHECK_ID_MAX", LZMA_CHECK_ID_MAX},
    {"CHECK_UNKNOWN", LZMA_CHECK_ID_MAX + 1}, {"FILTER_LZMA1", LZMA_FILTER_LZMA1},
    {"FILTER_LZMA2", LZMA_FILTER_LZMA2}, {"FILTER_DELTA", LZMA_FILTER_DELTA}, {"FILTER_X86", LZMA_FILTER_X86},
    {"FILTER_IA64", LZMA_FILTER_IA64}, {"FILTER_ARM", LZMA_FILTER_ARM}, {"FILTER_ARMTHUMB", LZMA_FILTER_ARMTHUMB},
    {"FILTER_SPARC", LZMA_FILTER_SPARC}, {"FILTER_POWERPC", LZMA_FILTER_POWERPC}, {"MF_HC3", LZMA_MF_HC3},
    {"MF_HC4", LZMA_MF_HC4}, {"MF_BT2", LZMA_MF_BT2}, {"MF_BT3", LZMA_MF_BT3}, {"MF_BT4", LZMA_MF_BT4},
    {"MODE_FAST", LZMA_MODE_FAST}, {"MODE_NORMAL", LZMA_MODE_NORMAL}, {"PRESET_DEFAULT", LZMA_PRESET_DEFAULT},
    {"PRESET_EXTREME", LZMA_PRESET_EXTREME},
};

Value mod_lzma_init(void) {
    Value m = module_new_c("_lzma");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, mod_lzma_functions, m);
    if (IS_NULL(lz_error_class)) {
        gc_add_root(&lz_error_class);
        lz_error_class = exc_new_class("_lzma", "LZMAError", &exc_Exception);
        if (IS_NULL(lz_error_class)) return VAL_NULL;
    }
    if (dict_set_c(d, "LZMAError", lz_error_class) < 0
        || dict_set_c(d, "LZMACompressor", MK_OBJ(&type_lzma_compressor)) < 0
        || dict_set_c(d, "LZMADecompressor", MK_OBJ(&type_lzma_decompressor)) < 0)
        return VAL_NULL;
    for (size_t i = 0; i < sizeof lz_constants / sizeof lz_constants[0]; i++)
        if (lz_spec_add(d, lz_constants[i].name, lz_constants[i].value) < 0) return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
