/* mod_multibytecodec.c - the `_multibytecodec` module: CPython 3.11's frame
 * around the CJK codecs, under CPython's own encodings/shift_jis.py & co.
 *
 * A codec (cjk_codec.h) only knows how to turn one unit of input into output.
 * Everything around it is here, once for all codecs: the loops of
 * MultibyteCodec.encode/decode, the error handlers (strict, ignore and
 * replace directly, any other through the registry of codecs.register_error,
 * with CPython's checks of what a handler returns), and the incremental
 * objects with their pending input (at most 2 code points or 8 bytes, as
 * CPython) and CPython's getstate/setstate encodings of it: the decoder's
 * (pending bytes, the 8 state bytes as an int), the encoder's int of
 * [len(pending UTF-8)] + pending UTF-8 + the 8 state bytes, little-endian.
 *
 * The encodings modules subclass the incremental and stream types together
 * with codecs.IncrementalEncoder & co and set a class attribute `codec`, which
 * __new__ reads (a class without one fails with AttributeError, as CPython's).
 * The types' own __init__ takes anything and does nothing, so codecs'
 * __init__ methods never run over them. */
#include <gmp.h>
#include <stdlib.h>
#include <string.h>
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/strbuf.h"
#include "interp/import.h"
#include "interp/modreg.h"
#include "cjk_codec.h"

GILPY_MODULE("_multibytecodec", mod_multibytecodec_init);

#define MAX_ENC_PENDING 2
#define MAX_DEC_PENDING 8

/* ---- input as code points ------------------------------------------------------------- */

typedef struct { uint32_t *u; int64_t n; } Ucs;

static int ucs_from_str(Value s, Ucs *out) {
    int64_t n = AS_STR(s)->nchars;
    out->n = n;
    out->u = gc_sys_malloc(sizeof(uint32_t) * (size_t)(n ? n : 1));
    if (!out->u) { err_no_memory(); return -1; }
    const unsigned char *p = (const unsigned char *)STR_DATA(s);
    for (int64_t i = 0; i < n; i++) p += utf8_dec(p, &out->u[i]);
    return 0;
}

/* ---- error handlers ------------------------------------------------------------------- */

static int is_errors(Value errors, const char *name) {
    return IS_NULL(errors) ? !strcmp(name, "strict") : !strcmp(STR_DATA(errors), name);
}

/* The handler's (replacement, position) for exc; *pos is checked against len. */
static Value mbc_call_handler(Value errors, Value exc, int64_t len, int decode, int64_t *pos) {
    Value codecs = import_module_c("_codecs");
    if (IS_NULL(codecs)) return VAL_NULL;
    Value look = obj_getattr_c(codecs, "lookup_error");
    Value h = IS_NULL(look) ? VAL_NULL : call1(look, errors);
    Value r = IS_NULL(h) ? VAL_NULL : call1(h, exc);
    if (IS_NULL(r)) return VAL_NULL;
    Value rep = IS_TUPLE(r) && AS_TUPLE(r)->len == 2 ? AS_TUPLE(r)->items[0] : VAL_NULL;
    if (IS_NULL(rep) || !(IS_STR(rep) || (!decode && IS_BYTES(rep))) || !IS_INT(AS_TUPLE(r)->items[1]))
        return err_format(&exc_TypeError, decode ? "decoding error handler must return (str, int) tuple"
                                                 : "encoding error handler must return (str, int) tuple");
    int64_t p;
    if (int_to_i64(AS_TUPLE(r)->items[1], &p) < 0) { err_clear(); p = -1; }
    else if (p < 0) p += len;
    if (p < 0 || p > len)
        return err_format(&exc_IndexError, "position %lld from error handler out of bounds", (long long)p);
    *pos = p;
    return rep;
}

static Value mbc_make_exc(Type *t, const char *enc, Value obj, int64_t start, int64_t end, const char *why) {
    Value a[5] = {str_from_c(enc), obj, int_from_i64(start), int_from_i64(end), str_from_c(why)};
    return call_value(MK_OBJ(t), a, 5, VAL_NULL);
}

static int mbc_encode_run(const CjkCodec *c, CjkState *st, const Ucs *in, Value src, int64_t *pos,
                          Value errors, int flags, StrBuf *out);

/* An encoding error over esize code points at *pos of src. */
static int mbc_enc_error(const CjkCodec *c, CjkState *st, const Ucs *in, Value src, int64_t *pos,
                         int64_t esize, const char *why, Value errors, StrBuf *out) {
    if (is_errors(errors, "ignore")) { *pos += esize; return 0; }
    if (is_errors(errors, "replace")) {
        uint32_t q = '?';
        int64_t used;
        if (c->encode(st, &q, 1, 0, out, &used) != 0) {
            err_format(&exc_RuntimeError, "internal codec error");
            return -1;
        }
        *pos += esize;
        return 0;
    }
    int64_t end = *pos + esize > in->n ? in->n : *pos + esize;
    Value exc = mbc_make_exc(&exc_UnicodeEncodeError, c->name, src, *pos, end, why);
    if (IS_NULL(exc)) return -1;
    if (is_errors(errors, "strict")) { err_set_obj(exc); return -1; }
    int64_t np;
    Value rep = mbc_call_handler(errors, exc, in->n, 0, &np);
    if (IS_NULL(rep)) return -1;
    if (IS_BYTES(rep)) {
        if (sb_put(out, (const char *)AS_BYTES(rep)->data, (size_t)AS_BYTES(rep)->len) < 0) return -1;
    } else {
        Ucs r;
        int64_t rp = 0;
        if (ucs_from_str(rep, &r) < 0) return -1;
        int e = mbc_encode_run(c, st, &r, rep, &rp, VAL_NULL, CJK_FLUSH, out);
        free(r.u);
        if (e < 0) return -1;
    }
    *pos = np;
    return 0;
}

/* Encode in->u from *pos; without CJK_FLUSH an incomplete tail stays at *pos. */
static int mbc_encode_run(const CjkCodec *c, CjkState *st, const Ucs *in, Value src, int64_t *pos,
                          Value errors, int flags, StrBuf *out) {
    while (*pos < in->n) {
        int64_t used = 0;
        int r = c->encode(st, in->u + *pos, in->n - *pos, flags, out, &used);
        if (r == 0) { *pos += used; continue; }
        if (r == CJK_FAIL) return -1;
        if (r == CJK_TOOFEW && !(flags & CJK_FLUSH)) return 0;
        int64_t esize = r == CJK_TOOFEW ? in->n - *pos : r;
        const char *why = r == CJK_TOOFEW ? "incomplete multibyte sequence" : "illegal multibyte sequence";
        if (mbc_enc_error(c, st, in, src, pos, esize, why, errors, out) < 0) return -1;
    }
    if ((flags & CJK_RESET) && c->encreset) return c->encreset(st, out);
    return 0;
}

/* A decoding error over esize bytes at *pos of src (bytes). */
static int mbc_dec_error(const CjkCodec *c, Value src, int64_t n, int64_t *pos, int64_t esize,
                         const char *why, Value errors, StrBuf *out) {
    if (is_errors(errors, "ignore")) { *pos += esize; return 0; }
    if (is_errors(errors, "replace")) {
        *pos += esize;
        return sb_put_codepoint(out, 0xFFFD);
    }
    int64_t end = *pos + esize > n ? n : *pos + esize;
    Value exc = mbc_make_exc(&exc_UnicodeDecodeError, c->name, src, *pos, end, why);
    if (IS_NULL(exc)) return -1;
    if (is_errors(errors, "strict")) { err_set_obj(exc); return -1; }
    Value rep = mbc_call_handler(errors, exc, n, 1, pos);
    return IS_NULL(rep) ? -1 : sb_put_value_str(out, rep);
}

/* Decode d[*pos..n) (src: the same bytes as an object, made when an error
 * needs it); without final an incomplete tail stays at *pos. */
static int mbc_decode_run(const CjkCodec *c, CjkState *st, const uint8_t *d, int64_t n, Value *src,
                          int64_t *pos, Value errors, int final, StrBuf *out) {
    while (*pos < n) {
        int64_t used = 0;
        int r = c->decode(st, d + *pos, n - *pos, out, &used);
        if (r == 0) { *pos += used; continue; }
        if (r == CJK_FAIL) return -1;
        if (r == CJK_TOOFEW && !final) return 0;
        int64_t esize = r == CJK_TOOFEW ? n - *pos : r;
        const char *why = r == CJK_TOOFEW ? "incomplete multibyte sequence" : "illegal multibyte sequence";
        if (IS_NULL(*src) && IS_NULL(*src = bytes_new(d, (size_t)n))) return -1;
        if (mbc_dec_error(c, *src, n, pos, esize, why, errors, out) < 0) return -1;
    }
    return 0;
}

static void mbc_state_init(const CjkCodec *c, CjkState *st, int enc) {
    memset(st, 0, sizeof *st);
    if (enc && c->encinit) c->encinit(st);
    if (!enc && c->decinit) c->decinit(st);
}

/* errors= as given: None -> VAL_NULL (strict); anything else but a str is a TypeError. */
static int mbc_errors_arg(Value v, const char *fn, Value *out) {
    if (IS_NULL(v) || IS_NONE(v)) { *out = VAL_NULL; return 0; }
    if (!IS_STR(v)) {
        err_format(&exc_TypeError, "%s() argument 'errors' must be str or None, not %T", fn, v);
        return -1;
    }
    if (strlen(STR_DATA(v)) != (size_t)STR_LEN(v)) {
        err_format(&exc_ValueError, "embedded null character");
        return -1;
    }
    *out = v;
    return 0;
}

/* ---- MultibyteCodec ------------------------------------------------------------------- */

typedef struct { Obj header; const CjkCodec *codec; } MbCodec;
extern Type type_mbc_codec, type_mbc_ienc, type_mbc_idec, type_mbc_reader, type_mbc_writer;

static Value mbc_str_input(Value v, const char *msg) {
    if (IS_STR(v)) return v;
    Value s = obj_str(v);
    if (!IS_NULL(s) && !IS_STR(s)) return err_format(&exc_TypeError, "%s", msg);
    return s;
}

/* One-shot encoding of s with a fresh state. */
static Value mbc_encode_all(const CjkCodec *c, Value s, Value errors) {
    Ucs in;
    CjkState st;
    StrBuf sb;
    int64_t pos = 0;
    if (ucs_from_str(s, &in) < 0) return VAL_NULL;
    mbc_state_init(c, &st, 1);
    sb_init(&sb);
    int r = mbc_encode_run(c, &st, &in, s, &pos, errors, CJK_FLUSH | CJK_RESET, &sb);
    free(in.u);
    if (r < 0) { sb_free(&sb); return VAL_NULL; }
    return sb_finish_bytes(&sb);
}

static Value mbc_codec_encode_m(Value *args, int nargs, Value kwnames) {
    const CjkCodec *c = ((MbCodec *)AS_OBJ(args[0]))->codec;
    Value errors, s = mbc_str_input(args[1], "couldn't convert the object to unicode.");
    if (IS_NULL(s) || mbc_errors_arg(args[2], "encode", &errors) < 0) return VAL_NULL;
    Value b = mbc_encode_all(c, s, errors);
    return IS_NULL(b) ? VAL_NULL : tuple_pack(2, b, int_from_i64(AS_STR(s)->nchars));
}

static Value mbc_codec_decode_m(Value *args, int nargs, Value kwnames) {
    const CjkCodec *c = ((MbCodec *)AS_OBJ(args[0]))->codec;
    const uint8_t *d;
    int64_t n, pos = 0;
    Value errors, src = IS_BYTES(args[1]) ? args[1] : VAL_NULL;
    if (bytes_view(args[1], &d, &n) < 0 || mbc_errors_arg(args[2], "decode", &errors) < 0) return VAL_NULL;
    CjkState st;
    StrBuf sb;
    mbc_state_init(c, &st, 0);
    sb_init(&sb);
    if (mbc_decode_run(c, &st, d, n, &src, &pos, errors, 1, &sb) < 0) { sb_free(&sb); return VAL_NULL; }
    Value s = sb_finish_str(&sb);
    return IS_NULL(s) ? VAL_NULL : tuple_pack(2, s, int_from_i64(n));
}

#define MBC_ENCODE_DOC "Return an encoded string version of `input'.\n\n'errors' may be given to set a " \
    "different error handling scheme. Default is\n'strict' meaning that encoding errors raise a " \
    "UnicodeEncodeError. Other possible\nvalues are 'ignore', 'replace' and 'xmlcharrefreplace' as well as " \
    "any\nother name registered with codecs.register_error that can handle\nUnicodeEncodeErrors."
#define MBC_DECODE_DOC "Decodes 'input'.\n\n'errors' may be given to set a different error handling " \
    "scheme. Default is\n'strict' meaning that encoding errors raise a UnicodeDecodeError. Other possible\n" \
    "values are 'ignore' and 'replace' as well as any other name registered with\ncodecs.register_error " \
    "that is able to handle UnicodeDecodeErrors.\""

static const MethodDef mbc_codec_methods[] = {
    {"encode", mbc_codec_encode_m, ARGS_KW, MBC_ENCODE_DOC, "($self, /, input, errors=None)"},
    {"decode", mbc_codec_decode_m, ARGS_KW, MBC_DECODE_DOC, "($self, /, input, errors=None)"},
    {NULL, NULL, 0, NULL},
};
Type type_mbc_codec = {
    .tp_name = "_multibytecodec.MultibyteCodec", .base = &type_object, .basicsize = sizeof(MbCodec),
    .methods = mbc_codec_methods,
};
GILPY_TYPE(type_mbc_codec, NULL);

Value mbc_codec_for(const CjkCodec *list, Value name) {
    if (!IS_STR(name)) return err_format(&exc_TypeError, "encoding name must be a string.");
    for (const CjkCodec *c = list; c->name; c++) {
        if (strcmp(c->name, STR_DATA(name))) continue;
        if (c->init && c->init() < 0) return VAL_NULL;
        MbCodec *m = (MbCodec *)gc_alloc(&type_mbc_codec, sizeof(MbCodec));
        if (!m) return VAL_NULL;
        m->codec = c;
        return MK_OBJ(m);
    }
    return err_format(&exc_LookupError, "no such codec is supported.");
}

/* ---- the incremental and stream objects ------------------------------------------------- */

typedef struct {
    Obj header;
    const CjkCodec *codec;
    CjkState state;
    Value errors;           /* str */
    Value stream;           /* the stream types' */
    Value pending;          /* encoders: str, VAL_NULL none */
    uint8_t dpend[MAX_DEC_PENDING];
    int ndpend;
} MbCtx;

static void mbc_ctx_trace(Obj *o) {
    MbCtx *x = (MbCtx *)o;
    gc_mark_value(x->errors);
    gc_mark_value(x->stream);
    gc_mark_value(x->pending);
}

static MbCtx *ctx_of(Value v) { return (MbCtx *)AS_OBJ(v); }
static Value ctx_errors(MbCtx *x) { return str_eq_c(x->errors, "strict") ? VAL_NULL : x->errors; }

/* The arguments of cls(errors) / cls(stream, errors), parsed as CPython's
 * PyArg_ParseTupleAndKeywords "|s:NAME" / "O|s:NAME" does, with its messages. */
static int mbc_new_args(const char *name, int with_stream, Value *args, int nargs, Value kwnames, Value *slot) {
    static const char *const names[2] = {"stream", "errors"};
    int first = with_stream ? 0 : 1, max = 2 - first, npos = nargs - 1;
    int nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    slot[0] = slot[1] = VAL_NULL;
    if (npos + nkw > max) {
        err_format(&exc_TypeError, "%s() takes at most %d argument%s (%d given)", name, max, max == 1 ? "" : "s",
                   npos + nkw);
        return -1;
    }
    for (int i = 0; i < npos; i++) slot[first + i] = args[1 + i];
    for (int k = 0; k < nkw; k++) {
        Value kn = AS_TUPLE(kwnames)->items[k];
        int i = first;
        while (i < 2 && !str_eq_c(kn, names[i])) i++;
        if (i == 2) { err_format(&exc_TypeError, "'%U' is an invalid keyword argument for %s()", kn, name); return -1; }
        if (!IS_NULL(slot[i])) {
            err_format(&exc_TypeError, "argument for %s() given by name ('%s') and position (%d)", name, names[i],
                       i - first + 1);
            return -1;
        }
        slot[i] = args[nargs + k];
    }
    if (with_stream && IS_NULL(slot[0])) {
        err_format(&exc_TypeError, "%s() missing required argument 'stream' (pos 1)", name);
        return -1;
    }
    if (!IS_NULL(slot[1]) && !IS_STR(slot[1])) {
        err_format(&exc_TypeError, "%s() argument %d must be str, not %s", name, 2 - first,
                   IS_NONE(slot[1]) ? "None" : type_name(val_type(slot[1])));
        return -1;
    }
    if (!IS_NULL(slot[1]) && strlen(STR_DATA(slot[1])) != (size_t)STR_LEN(slot[1])) {
        err_format(&exc_ValueError, "embedded null character");
        return -1;
    }
    return 0;
}

/* The object of class args[0], its codec read from cls.codec. */
static Value mbc_ctx_new(const char *name, int stream, int enc, Value *args, int nargs, Value kwnames) {
    Value a[2], cls = args[0];
    if (mbc_new_args(name, stream, args, nargs, kwnames, a) < 0) return VAL_NULL;
    Value codec = obj_getattr_c(cls, "codec");
    if (IS_NULL(codec)) return VAL_NULL;
    if (!IS_OBJ(codec) || AS_OBJ(codec)->type != &type_mbc_codec)
        return err_format(&exc_TypeError, "codec is unexpected type");
    MbCtx *x = (MbCtx *)obj_new_instance((Type *)AS_OBJ(cls));
    if (!x) return VAL_NULL;
    x->codec = ((MbCodec *)AS_OBJ(codec))->codec;
    x->errors = IS_NULL(a[1]) ? str_intern_c("strict") : a[1];
    x->stream = IS_NULL(a[0]) ? VAL_NONE : a[0];
    x->pending = VAL_NULL;
    mbc_state_init(x->codec, &x->state, enc);
    return MK_OBJ(x);
}

static Value mbc_ienc_new(Value *a, int n, Value kw) { return mbc_ctx_new("IncrementalEncoder", 0, 1, a, n, kw); }
static Value mbc_idec_new(Value *a, int n, Value kw) { return mbc_ctx_new("IncrementalDecoder", 0, 0, a, n, kw); }
static Value mbc_reader_new(Value *a, int n, Value kw) { return mbc_ctx_new("StreamReader", 1, 0, a, n, kw); }
static Value mbc_writer_new(Value *a, int n, Value kw) { return mbc_ctx_new("StreamWriter", 1, 1, a, n, kw); }
static Value mbc_ctx_init(Value *args, int nargs, Value kw) { return VAL_NONE; }

static Value mbc_get_errors(Value self) { return ctx_of(self)->errors; }
static int mbc_set_errors(Value self, Value v) {
    if (IS_NULL(v)) { err_format(&exc_AttributeError, "cannot delete attribute"); return -1; }
    if (!IS_STR(v)) { err_format(&exc_TypeError, "errors must be a string"); return -1; }
    ctx_of(self)->errors = v;
    return 0;
}
static Value mbc_get_stream(Value self) { return ctx_of(self)->stream; }

/* Encode pending + s; what stays incomplete becomes the new pending (the old one
 * is kept when the encoding fails). */
static Value mbc_ctx_encode(MbCtx *x, Value s, int final) {
    Value data = IS_NULL(x->pending) ? s : str_concat(x->pending, s);
    if (IS_NULL(data)) return VAL_NULL;
    Ucs in;
    StrBuf sb;
    int64_t pos = 0;
    if (ucs_from_str(data, &in) < 0) return VAL_NULL;
    sb_init(&sb);
    int r = mbc_encode_run(x->codec, &x->state, &in, data, &pos, ctx_errors(x),
                           final ? CJK_FLUSH | CJK_RESET : 0, &sb);
    int64_t n = in.n;
    free(in.u);
    if (r < 0) { sb_free(&sb); return VAL_NULL; }
    if (n - pos > MAX_ENC_PENDING) {
        sb_free(&sb);
        return err_format(&exc_UnicodeError, "pending buffer overflow");
    }
    x->pending = pos < n ? str_slice(data, pos, n, 1) : VAL_NULL;
    if (pos < n && IS_NULL(x->pending)) { sb_free(&sb); return VAL_NULL; }
    return sb_finish_bytes(&sb);
}

/* Decode pending + d[0..n); an incomplete tail becomes the new pending. */
static Value mbc_ctx_decode(MbCtx *x, const uint8_t *d, int64_t n, int final) {
    uint8_t *buf = gc_sys_malloc((size_t)(x->ndpend + n + 1));
    if (!buf) return err_no_memory();
    memcpy(buf, x->dpend, (size_t)x->ndpend);
    if (n) memcpy(buf + x->ndpend, d, (size_t)n);
    int64_t len = x->ndpend + n, pos = 0;
    Value src = VAL_NULL;
    StrBuf sb;
    sb_init(&sb);
    int r = mbc_decode_run(x->codec, &x->state, buf, len, &src, &pos, ctx_errors(x), final, &sb);
    if (r == 0 && len - pos > MAX_DEC_PENDING) {
        err_format(&exc_UnicodeError, "pending buffer overflow");
        r = -1;
    }
    if (r == 0) {
        x->ndpend = (int)(len - pos);
        memcpy(x->dpend, buf + pos, (size_t)x->ndpend);
    }
    free(buf);
    if (r < 0) { sb_free(&sb); return VAL_NULL; }
    return sb_finish_str(&sb);
}

/* final= is an int (CPython's `int` converter), any other type a TypeError */
static int arg_final(Value v, int *final) {
    *final = 0;
    if (IS_NULL(v)) return 0;
    int f;
    if (arg_to_int(v, &f) < 0) return -1;
    *final = f != 0;
    return 0;
}

/* ---- MultibyteIncrementalEncoder ------------------------------------------------------- */

static Value mbc_ienc_encode_m(Value *args, int nargs, Value kw) {
    int final;
    Value s = mbc_str_input(args[1], "couldn't convert the object to str.");
    if (IS_NULL(s) || arg_final(args[2], &final) < 0) return VAL_NULL;
    return mbc_ctx_encode(ctx_of(args[0]), s, final);
}

static Value mbc_ienc_reset_m(Value *args, int nargs, Value kw) {
    MbCtx *x = ctx_of(args[0]);
    if (x->codec->encreset) {
        StrBuf sb;
        sb_init(&sb);
        int r = x->codec->encreset(&x->state, &sb);
        sb_free(&sb);
        if (r < 0) return VAL_NULL;
    }
    x->pending = VAL_NULL;
    return VAL_NONE;
}

static Value int_from_le(const uint8_t *b, size_t n) {
    mpz_t z;
    mpz_init(z);
    mpz_import(z, n, -1, 1, 0, 0, b);
    Value v = int_from_mpz(z);
    mpz_clear(z);
    return v;
}

/* v as n unsigned little-endian bytes, with CPython's OverflowErrors. */
static int int_to_le(Value v, uint8_t *b, size_t n) {
    mpz_t z;
    mpz_init(z);
    int_to_mpz(v, z);
    int r = 0;
    if (mpz_sgn(z) < 0) { err_format(&exc_OverflowError, "can't convert negative int to unsigned"); r = -1; }
    else if (mpz_sgn(z) && mpz_sizeinbase(z, 256) > n) {
        err_format(&exc_OverflowError, "int too big to convert");
        r = -1;
    }
    else {
        size_t cnt = 0;
        memset(b, 0, n);
        mpz_export(b, &cnt, -1, 1, 0, 0, z);
    }
    mpz_clear(z);
    return r;
}

static Value mbc_ienc_getstate_m(Value *args, int nargs, Value kw) {
    MbCtx *x = ctx_of(args[0]);
    uint8_t b[1 + MAX_ENC_PENDING * 4 + 8];
    size_t pn = IS_NULL(x->pending) ? 0 : (size_t)STR_LEN(x->pending);
    if (pn > MAX_ENC_PENDING * 4) return err_format(&exc_UnicodeError, "pending buffer too large");
    b[0] = (uint8_t)pn;
    if (pn) memcpy(b + 1, STR_DATA(x->pending), pn);
    memcpy(b + 1 + pn, x->state.c, 8);
    return int_from_le(b, 1 + pn + 8);
}

static Value mbc_ienc_setstate_m(Value *args, int nargs, Value kw) {
    MbCtx *x = ctx_of(args[0]);
    if (!IS_INT(args[1])) return err_format(&exc_TypeError, "setstate() argument must be int, not %T", args[1]);
    uint8_t b[1 + MAX_ENC_PENDING * 4 + 8];
    if (int_to_le(args[1], b, sizeof b) < 0) return VAL_NULL;
    if (b[0] > MAX_ENC_PENDING * 4) return err_format(&exc_UnicodeError, "pending buffer too large");
    Value p = VAL_NULL;
    if (b[0] && IS_NULL(p = str_decode(b + 1, b[0], "utf-8", "strict"))) return VAL_NULL;
    x->pending = p;
    memcpy(x->state.c, b + 1 + b[0], 8);
    return VAL_NONE;
}

static const GetSetDef mbc_ctx_getsets[] = {
    {"errors", mbc_get_errors, mbc_set_errors, "how to treat errors"},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef mbc_ienc_methods[] = {
    {"__new__", mbc_ienc_new, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", mbc_ctx_init, ARGS_ANY, NULL},
    {"encode", mbc_ienc_encode_m, ARGS_KW, NULL, "($self, /, input, final=False)"},
    {"getstate", mbc_ienc_getstate_m, ARGS_NONE, NULL, "($self, /)"},
    {"setstate", mbc_ienc_setstate_m, ARGS_ONE, NULL, "($self, state, /)"},
    {"reset", mbc_ienc_reset_m, ARGS_NONE, NULL, "($self, /)"},
    {NULL, NULL, 0, NULL},
};
Type type_mbc_ienc = {
    .tp_name = "_multibytecodec.MultibyteIncrementalEncoder", .base = &type_object, .flags = TF_BASETYPE,
    .basicsize = sizeof(MbCtx), .trace = mbc_ctx_trace, .methods = mbc_ienc_methods, .getsets = mbc_ctx_getsets,
};
GILPY_TYPE(type_mbc_ienc, NULL);

/* ---- MultibyteIncrementalDecoder ------------------------------------------------------- */

static Value mbc_idec_decode_m(Value *args, int nargs, Value kw) {
    const uint8_t *d;
    int64_t n;
    int final;
    if (bytes_view(args[1], &d, &n) < 0 || arg_final(args[2], &final) < 0) return VAL_NULL;
    return mbc_ctx_decode(ctx_of(args[0]), d, n, final);
}

static Value mbc_idec_reset_m(Value *args, int nargs, Value kw) {
    MbCtx *x = ctx_of(args[0]);
    mbc_state_init(x->codec, &x->state, 0);
    x->ndpend = 0;
    return VAL_NONE;
}

static Value mbc_idec_getstate_m(Value *args, int nargs, Value kw) {
    MbCtx *x = ctx_of(args[0]);
    Value b = bytes_new(x->dpend, (size_t)x->ndpend), st = int_from_le(x->state.c, 8);
    return IS_NULL(b) || IS_NULL(st) ? VAL_NULL : tuple_pack(2, b, st);
}

static Value mbc_idec_setstate_m(Value *args, int nargs, Value kw) {
    MbCtx *x = ctx_of(args[0]);
    Value t = args[1];
    if (!IS_TUPLE(t)) return err_format(&exc_TypeError, "setstate() argument must be tuple, not %T", t);
    if (AS_TUPLE(t)->len != 2 || !IS_BYTES(AS_TUPLE(t)->items[0]) || !IS_INT(AS_TUPLE(t)->items[1]))
        return err_format(&exc_TypeError, "setstate(): illegal state argument");
    Bytes *b = AS_BYTES(AS_TUPLE(t)->items[0]);
    if (b->len > MAX_DEC_PENDING) return err_format(&exc_UnicodeError, "pending buffer too large");
    uint8_t st[8];
    if (int_to_le(AS_TUPLE(t)->items[1], st, 8) < 0) return VAL_NULL;
    memcpy(x->state.c, st, 8);
    memcpy(x->dpend, b->data, (size_t)b->len);
    x->ndpend = (int)b->len;
    return VAL_NONE;
}

static const MethodDef mbc_idec_methods[] = {
    {"__new__", mbc_idec_new, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", mbc_ctx_init, ARGS_ANY, NULL},
    {"decode", mbc_idec_decode_m, ARGS_KW, NULL, "($self, /, input, final=False)"},
    {"getstate", mbc_idec_getstate_m, ARGS_NONE, NULL, "($self, /)"},
    {"setstate", mbc_idec_setstate_m, ARGS_ONE, NULL, "($self, state, /)"},
    {"reset", mbc_idec_reset_m, ARGS_NONE, NULL, "($self, /)"},
    {NULL, NULL, 0, NULL},
};
Type type_mbc_idec = {
    .tp_name = "_multibytecodec.MultibyteIncrementalDecoder", .base = &type_object, .flags = TF_BASETYPE,
    .basicsize = sizeof(MbCtx), .trace = mbc_ctx_trace, .methods = mbc_idec_methods, .getsets = mbc_ctx_getsets,
};
GILPY_TYPE(type_mbc_idec, NULL);

/* ---- MultibyteStreamReader ------------------------------------------------------------- */

static int size_arg(Value v, int64_t *out) {
    *out = -1;
    if (IS_NULL(v) || IS_NONE(v)) return 0;
    if (!IS_INT(v)) { err_format(&exc_TypeError, "arg 1 must be an integer"); return -1; }
    return int_to_i64(v, out);
}

/* Read with stream.method(size) until something decodes or the stream ends;
 * a tail that stays incomplete at the end is an error. */
static Value mbc_reader_iread(MbCtx *x, const char *method, int64_t size) {
    if (size == 0) return str_empty();
    StrBuf sb;
    sb_init(&sb);
    for (;;) {
        Value sz = int_from_i64(size);
        Value r = obj_call_method(x->stream, method, &sz, size < 0 ? 0 : 1);
        if (IS_NULL(r)) goto fail;
        if (!IS_BYTES(r)) {
            err_format(&exc_TypeError, "stream function returned a non-bytes object (%s)", type_name(val_type(r)));
            goto fail;
        }
        int64_t n = AS_BYTES(r)->len, before = (int64_t)sb.len;
        Value s = mbc_ctx_decode(x, AS_BYTES(r)->data, n, n == 0);
        if (IS_NULL(s) || sb_put_value_str(&sb, s) < 0) goto fail;
        if ((int64_t)sb.len > before || size < 0 || n == 0) break;
        size = 1;
    }
    return sb_finish_str(&sb);
fail:
    sb_free(&sb);
    return VAL_NULL;
}

static Value mbc_reader_read_m(Value *args, int nargs, Value kw) {
    int64_t size;
    return size_arg(args[1], &size) < 0 ? VAL_NULL : mbc_reader_iread(ctx_of(args[0]), "read", size);
}

static Value mbc_reader_readline_m(Value *args, int nargs, Value kw) {
    int64_t size;
    return size_arg(args[1], &size) < 0 ? VAL_NULL : mbc_reader_iread(ctx_of(args[0]), "readline", size);
}

static Value mbc_reader_readlines_m(Value *args, int nargs, Value kw) {
    int64_t size;
    if (size_arg(args[1], &size) < 0) return VAL_NULL;
    Value s = mbc_reader_iread(ctx_of(args[0]), "read", size);
    if (IS_NULL(s)) return VAL_NULL;
    Value t = VAL_TRUE;
    return obj_call_method(s, "splitlines", &t, 1);
}

static const GetSetDef mbc_stream_getsets[] = {
    {"errors", mbc_get_errors, mbc_set_errors, "how to treat errors"},
    {"stream", mbc_get_stream, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef mbc_reader_methods[] = {
    {"__new__", mbc_reader_new, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", mbc_ctx_init, ARGS_ANY, NULL},
    {"read", mbc_reader_read_m, ARGS_POS(0, 1), NULL, "($self, sizeobj=None, /)"},
    {"readline", mbc_reader_readline_m, ARGS_POS(0, 1), NULL, "($self, sizeobj=None, /)"},
    {"readlines", mbc_reader_readlines_m, ARGS_POS(0, 1), NULL, "($self, sizehintobj=None, /)"},
    {"reset", mbc_idec_reset_m, ARGS_NONE, NULL, "($self, /)"},
    {NULL, NULL, 0, NULL},
};
Type type_mbc_reader = {
    .tp_name = "_multibytecodec.MultibyteStreamReader", .base = &type_object, .flags = TF_BASETYPE,
    .basicsize = sizeof(MbCtx), .trace = mbc_ctx_trace, .methods = mbc_reader_methods,
    .getsets = mbc_stream_getsets,
};
GILPY_TYPE(type_mbc_reader, NULL);

/* ---- MultibyteStreamWriter ------------------------------------------------------------- */

static Value mbc_writer_put(MbCtx *x, Value s) {
    Value str = mbc_str_input(s, "couldn't convert the object to str.");
    Value b = IS_NULL(str) ? VAL_NULL : mbc_ctx_encode(x, str, 0);
    if (IS_NULL(b)) return VAL_NULL;
    return obj_call_method(x->stream, "write", &b, 1);
}

static Value mbc_writer_write_m(Value *args, int nargs, Value kw) {
    return IS_NULL(mbc_writer_put(ctx_of(args[0]), args[1])) ? VAL_NULL : VAL_NONE;
}

/* writelines(lines): a sequence, read by index as CPython's PySequence_GetItem */
static Value mbc_writer_writelines_m(Value *args, int nargs, Value kw) {
    int64_t n = obj_len(args[1]);
    if (n < 0) {
        err_clear();
        return err_format(&exc_TypeError, "arg must be a sequence object");
    }
    for (int64_t i = 0; i < n; i++) {
        Value item = obj_getitem(args[1], int_from_i64(i));
        if (IS_NULL(item) || IS_NULL(mbc_writer_put(ctx_of(args[0]), item))) return VAL_NULL;
    }
    return VAL_NONE;
}

static Value mbc_writer_reset_m(Value *args, int nargs, Value kw) {
    MbCtx *x = ctx_of(args[0]);
    if (IS_NULL(x->pending)) return VAL_NONE;
    Value b = mbc_ctx_encode(x, str_empty(), 1);
    if (IS_NULL(b)) return VAL_NULL;
    if (AS_BYTES(b)->len && IS_NULL(obj_call_method(x->stream, "write", &b, 1))) return VAL_NULL;
    return VAL_NONE;
}

static const MethodDef mbc_writer_methods[] = {
    {"__new__", mbc_writer_new, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", mbc_ctx_init, ARGS_ANY, NULL},
    {"write", mbc_writer_write_m, ARGS_ONE, NULL, "($self, strobj, /)"},
    {"writelines", mbc_writer_writelines_m, ARGS_ONE, NULL, "($self, lines, /)"},
    {"reset", mbc_writer_reset_m, ARGS_NONE, NULL, "($self, /)"},
    {NULL, NULL, 0, NULL},
};
Type type_mbc_writer = {
    .tp_name = "_multibytecodec.MultibyteStreamWriter", .base = &type_object, .flags = TF_BASETYPE,
    .basicsize = sizeof(MbCtx), .trace = mbc_ctx_trace, .methods = mbc_writer_methods,
    .getsets = mbc_stream_getsets,
};
GILPY_TYPE(type_mbc_writer, NULL);

/* ---- the module ------------------------------------------------------------------------ */

/* CPython's takes the capsule a _codecs_* module holds; gilpy's modules make their
 * codec objects directly, so nothing is a valid argument. */
static Value mbc_create_codec_m(Value *args, int nargs, Value kw) {
    return err_format(&exc_ValueError, "argument type invalid");
}

static const MethodDef mbc_functions[] = {
    {"__create_codec", mbc_create_codec_m, ARGS_ONE, NULL, "($module, arg, /)"},
    {NULL, NULL, 0, NULL},
};

Value mod_multibytecodec_init(void) {
    Value m = module_new_c("_multibytecodec");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, mbc_functions, m);
    if (dict_set_c(d, "MultibyteIncrementalEncoder", MK_OBJ(&type_mbc_ienc)) < 0
        || dict_set_c(d, "MultibyteIncrementalDecoder", MK_OBJ(&type_mbc_idec)) < 0
        || dict_set_c(d, "MultibyteStreamReader", MK_OBJ(&type_mbc_reader)) < 0
        || dict_set_c(d, "MultibyteStreamWriter", MK_OBJ(&type_mbc_writer)) < 0)
        return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
