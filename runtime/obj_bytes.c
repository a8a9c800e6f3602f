/* obj_bytes.c - bytes (immutable) and bytearray (mutable).
 *
 * Layout: like str (see obj_str.c), a bytes object keeps its data inline at
 * offset type->basicsize and Bytes.data points at it, so subclass instances
 * with a __dict__ slot work without special cases.  A bytearray holds a
 * gc_malloc'd buffer freed by its finalizer.
 *
 * The read-only methods are written once against a (data, len) view
 * (bytes_view accepts both types) and build their results with the
 * receiver's kind: bytes methods return bytes, bytearray methods bytearray.
 * Character classes and case mappings are ASCII-only, as in CPython.
 * `bytes % args` uses the printf engine of obj_str.c (str_pct_bytes) in its
 * bytes mode.  Argument counts are checked by the call path (the ARGS_* of
 * the method tables, object.h).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "obj_bytes.h"
#include "obj_memoryview.h"
#include "obj_complex.h"
#include "obj_str.h"
#include "obj_dict.h"
#include "obj_list.h"
#include "obj_int.h"
#include "obj_misc.h"
#include "gc.h"
#include "error.h"
#include "call.h"
#include "state.h"
#include "strbuf.h"

/* ---------------------------------------------------------------- core */

Bytes *bytes_alloc_type(Type *cls, size_t len) {
    size_t off = cls->basicsize < sizeof(Bytes) ? sizeof(Bytes) : cls->basicsize;
    Bytes *b = (Bytes *)gc_alloc(cls, off + len + 1);
    if (!b) return NULL;
    b->data = (uint8_t *)b + off;
    b->len = (int64_t)len;
    b->hash = -1;
    if (cls->dictoffset) *(Value *)((char *)b + cls->dictoffset) = VAL_NULL;
    return b;
}

/* b'' is one object, as in CPython (`b'' is bytes()`): every empty bytes is it. */
static Value bytes_empty_obj;

Bytes *bytes_alloc(size_t len) {
    if (len > 0) return bytes_alloc_type(&type_bytes, len);
    if (!IS_OBJ(bytes_empty_obj)) {
        Bytes *b = bytes_alloc_type(&type_bytes, 0);
        if (!b) return NULL;
        bytes_empty_obj = MK_OBJ(b);
        gc_add_root(&bytes_empty_obj);
    }
    return (Bytes *)AS_OBJ(bytes_empty_obj);
}

Value bytes_new(const void *data, size_t len) {
    Bytes *b = bytes_alloc(len);
    if (!b) return VAL_NULL;
    if (len) memcpy(b->data, data, len);
    return MK_OBJ(b);
}

static int ba_reserve(ByteArray *a, int64_t need) {
    if (need + 1 <= a->cap) return 0;
    int64_t ncap = a->cap ? a->cap : 16;
    while (ncap < need + 1) ncap *= 2;
    uint8_t *p = a->data ? gc_realloc(a->data, (size_t)a->cap, (size_t)ncap) : gc_malloc((size_t)ncap);
    if (!p) return -1;
    a->data = p;
    a->cap = ncap;
    return 0;
}

static void ba_finalize(Obj *o) {
    ByteArray *a = (ByteArray *)o;
    if (a->data) gc_free(a->data, (size_t)a->cap);
    a->data = NULL;
    a->cap = a->len = 0;
}

/* CPython's _canresize: while its memory is exported (a memoryview, object.h's
 * buffer protocol) a bytearray keeps its size.  A memoryview dropped without
 * release() still counts until the collector finds it dead, which a stale
 * word on a C stack can delay indefinitely, so before refusing, the views no
 * Python code can reach give their exports back (obj_memoryview.c). */
static int ba_can_resize(ByteArray *a) {
    if (a->exports == 0) return 0;
    memoryview_release_dropped();
    if (a->exports == 0) return 0;
    err_format(&exc_BufferError, "Existing exports of data: object cannot be re-sized");
    return -1;
}

static int ba_set_contents(ByteArray *a, const void *data, size_t len) {
    if ((int64_t)len != a->len && ba_can_resize(a) < 0) return -1;
    if (ba_reserve(a, (int64_t)len) < 0) return -1;
    if (len) memmove(a->data, data, len);
    a->len = (int64_t)len;
    a->data[len] = 0;
    return 0;
}

Value bytearray_new(const void *data, size_t len) {
    ByteArray *a = (ByteArray *)gc_alloc(&type_bytearray, sizeof(ByteArray));
    if (!a) return VAL_NULL;
    if (ba_set_contents(a, data, len) < 0) return VAL_NULL;
    return MK_OBJ(a);
}

int bytes_view(Value v, const uint8_t **data, int64_t *len) {
    if (IS_BYTES(v)) { *data = AS_BYTES(v)->data; *len = AS_BYTES(v)->len; return 0; }
    if (IS_BYTEARRAY(v)) {
        ByteArray *a = AS_BYTEARRAY(v);
        *data = a->data ? a->data : (const uint8_t *)"";
        *len = a->len;
        return 0;
    }
    if (IS_MEMORYVIEW(v)) return memoryview_contiguous(v, data, len);
    if (buffer_check(v)) {              /* another exporter: borrowed, as documented */
        Buffer b;
        if (buffer_get(v, &b, BUF_SIMPLE) < 0) return -1;
        *data = b.buf;
        *len = b.len;
        buffer_release(&b);
        return 0;
    }
    err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", val_type_name(v));
    return -1;
}

/* Bytes-like as CPython's simple buffer requests see it: a memoryview only
 * while live and C-contiguous (a caller then reports the failure its way,
 * "can't concat memoryview to bytes").  Where CPython lets the request fail
 * with the exporter's error ("memoryview: underlying buffer is not
 * C-contiguous") the test is buffer_check and bytes_view raises. */
static int is_buf(Value v) {
    if (IS_BYTES(v) || IS_BYTEARRAY(v)) return 1;
    return IS_MEMORYVIEW(v) ? memoryview_is_simple(v) : buffer_check(v);
}

/* ---- the buffer protocol: bytes exports its data read-only, bytearray its
 * buffer writable, counting the exports (ba_can_resize). */
static int bytes_getbuffer(Value obj, Buffer *view, int flags) {
    if (flags & BUF_WRITABLE) {
        err_format(&exc_BufferError, "Object is not writable.");
        return -1;
    }
    buffer_fill(view, obj, AS_BYTES(obj)->data, AS_BYTES(obj)->len, 1);
    return 0;
}

static int bytearray_getbuffer(Value obj, Buffer *view, int flags) {
    ByteArray *a = AS_BYTEARRAY(obj);
    static uint8_t empty[1];
    buffer_fill(view, obj, a->data ? a->data : empty, a->len, 0);
    a->exports++;
    return 0;
}

static void bytearray_releasebuffer(Value obj, Buffer *view) {
    (void)view;
    AS_BYTEARRAY(obj)->exports--;
}

#define SIP_ROTL(x, b) (((x) << (b)) | ((x) >> (64 - (b))))

static void sip_round(SipHash *h) {
    h->v0 += h->v1; h->v2 += h->v3;
    h->v1 = SIP_ROTL(h->v1, 13) ^ h->v0; h->v3 = SIP_ROTL(h->v3, 16) ^ h->v2;
    h->v0 = SIP_ROTL(h->v0, 32);
    h->v2 += h->v1; h->v0 += h->v3;
    h->v1 = SIP_ROTL(h->v1, 17) ^ h->v2; h->v3 = SIP_ROTL(h->v3, 21) ^ h->v0;
    h->v2 = SIP_ROTL(h->v2, 32);
}

static void sip_compress(SipHash *h, uint64_t m) {
    h->v3 ^= m;
    sip_round(h);
    h->v0 ^= m;
}

void siphash_init_keyed(SipHash *h, uint64_t k0, uint64_t k1) {
    h->v0 = k0 ^ 0x736f6d6570736575ull;
    h->v1 = k1 ^ 0x646f72616e646f6dull;
    h->v2 = k0 ^ 0x6c7967656e657261ull;
    h->v3 = k1 ^ 0x7465646279746573ull;
    h->tail = 0;
    h->len = 0;
}

void siphash_init(SipHash *h) { siphash_init_keyed(h, 0, 0); }

void siphash_feed(SipHash *h, const uint8_t *p, size_t n) {
    for (size_t i = 0; i < n; i++) {
        h->tail |= (uint64_t)p[i] << (8 * (h->len & 7));
        if ((++h->len & 7) == 0) {
            sip_compress(h, h->tail);
            h->tail = 0;
        }
    }
}

uint64_t siphash_finish_raw(SipHash *h) {
    sip_compress(h, h->tail | (h->len << 56));
    h->v2 ^= 0xff;
    for (int i = 0; i < 3; i++) sip_round(h);
    return (h->v0 ^ h->v1) ^ (h->v2 ^ h->v3);
}

int64_t siphash_finish(SipHash *h) {
    if (h->len == 0) return 0;
    int64_t r = (int64_t)siphash_finish_raw(h);
    return r == -1 ? -2 : r;
}

int64_t bytes_hash(Value v) {
    Bytes *b = AS_BYTES(v);
    if (b->hash != -1) return b->hash;
    SipHash h;
    siphash_init(&h);
    siphash_feed(&h, b->data, (size_t)b->len);
    b->hash = siphash_finish(&h);
    return b->hash;
}

Value bytes_repr(const uint8_t *d, size_t len, int is_bytearray) {
    int sq = 0, dq = 0;
    for (size_t i = 0; i < len; i++) { if (d[i] == '\'') sq = 1; else if (d[i] == '"') dq = 1; }
    char q = (sq && !dq) ? '"' : '\'';
    StrBuf sb; sb_init(&sb);
    int rc = sb_puts(&sb, is_bytearray ? "bytearray(b" : "b");
    if (rc == 0) rc = sb_putc(&sb, q);
    for (size_t i = 0; i < len && rc == 0; i++) {
        uint8_t c = d[i];
        /* bytearray's repr escapes ' even inside "..." (CPython does) */
        if (c == (uint8_t)q || c == '\\' || (is_bytearray && c == '\'')) {
            sb_putc(&sb, '\\');
            rc = sb_putc(&sb, (char)c);
        }
        else if (c == '\t') rc = sb_puts(&sb, "\\t");
        else if (c == '\n') rc = sb_puts(&sb, "\\n");
        else if (c == '\r') rc = sb_puts(&sb, "\\r");
        else if (c < 0x20 || c >= 0x7F) rc = sb_printf(&sb, "\\x%02x", c);
        else rc = sb_putc(&sb, (char)c);
    }
    if (rc == 0) rc = sb_putc(&sb, q);
    if (rc == 0 && is_bytearray) rc = sb_putc(&sb, ')');
    if (rc < 0) { sb_free(&sb); return VAL_NULL; }
    return sb_finish_str(&sb);
}

/* A result of the receiver's kind. */
static Value mk_like(Value self, const void *d, size_t n) {
    return IS_BYTEARRAY(self) ? bytearray_new(d, n) : bytes_new(d, n);
}

#define VIEW(v, d, n) const uint8_t *d; int64_t n; if (bytes_view(v, &d, &n) < 0) return VAL_NULL

/* A byte value: __index__ in range(0, 256) (a huge int is out of range too). */
static int byte_arg(Value v, uint8_t *out) {
    int64_t i;
    if (arg_to_ssize_clamped(v, &i) < 0) return -1;
    if (i < 0 || i > 255) { err_format(&exc_ValueError, "byte must be in range(0, 256)"); return -1; }
    *out = (uint8_t)i;
    return 0;
}

/* ---------------------------------------------------------- construction */

/* The bytes of any bytes(x) source into sb (not for str).  `noun` names
 * the item in the range error: "bytes" for bytes(), "byte" elsewhere. */
static int collect_source(Value x, StrBuf *sb, const char *noun) {
    if (IS_MEMORYVIEW(x)) {             /* any view, contiguous or not: its items in C order */
        Value b = memoryview_tobytes(x);
        return IS_NULL(b) ? -1 : sb_put(sb, (const char *)AS_BYTES(b)->data, (size_t)AS_BYTES(b)->len);
    }
    if (is_buf(x)) {
        const uint8_t *d; int64_t n;
        if (bytes_view(x, &d, &n) < 0) return -1;   /* a closed mmap refuses its buffer */
        return sb_put(sb, (const char *)d, (size_t)n);
    }
    if (IS_INT(x) || (!IS_NULL(val_type(x)->slots[SM_INDEX]) && !IS_STR(x))) {
        int64_t n;
        if (obj_index_size(x, &n) == 0) {
            if (n < 0) { err_format(&exc_ValueError, "negative count"); return -1; }
            return sb_fill(sb, "", 1, n);       /* bytes(10**12): MemoryError at once */
        }
        /* A TypeError from __index__ falls through to iteration, as in CPython. */
        if (IS_INT(x) || !err_matches(&exc_TypeError)) return -1;
        err_clear();
    }
    Value it = obj_iter(x);
    if (IS_NULL(it)) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_format(&exc_TypeError, "cannot convert '%s' object to %s", val_type_name(x),
                       strcmp(noun, "bytes") == 0 ? "bytes" : "bytearray");
        }
        return -1;
    }
    /* bytes() asks for a length hint (its calls and errors are seen), bytearray() not. */
    if (strcmp(noun, "bytes") == 0 && obj_length_hint(x, 64) < 0) return -1;
    for (;;) {
        Value v = obj_next(it);
        if (IS_NULL(v)) return err_occurred() ? -1 : 0;
        int64_t i;
        if (arg_to_ssize_clamped(v, &i) < 0) return -1;
        if (i < 0 || i > 255) { err_format(&exc_ValueError, "%s must be in range(0, 256)", noun); return -1; }
        if (sb_putc(sb, (char)i) < 0) return -1;
    }
}

Value obj_bytes(Value v) {
    if (IS_EXACT(v, type_bytes)) return v;
    Value m = obj_lookup_special(v, "__bytes__");
    if (IS_NULL(m) && err_occurred()) return VAL_NULL;
    if (!IS_NULL(m)) {
        Value r = call0(m);
        if (IS_NULL(r)) return r;
        if (!IS_BYTES(r)) return err_format(&exc_TypeError, "__bytes__ returned non-bytes (type %T)", r);
        return r;
    }
    StrBuf sb; sb_init(&sb);
    int rc;
    if (is_buf(v)) {
        rc = collect_source(v, &sb, "bytes");
    } else {
        Value it = IS_STR(v) ? VAL_NULL : obj_iter(v);
        if (IS_NULL(it)) {
            if (!IS_STR(v) && !err_matches(&exc_TypeError)) return VAL_NULL;
            err_clear();
            return err_format(&exc_TypeError, "cannot convert '%T' object to bytes", v);
        }
        rc = obj_length_hint(v, 64) < 0 ? -1 : collect_source(it, &sb, "bytes");
    }
    Value r = rc < 0 ? VAL_NULL : bytes_new(sb.data, sb.len);
    sb_free(&sb);
    return r;
}

/* bytes(source, encoding, errors) contents into sb: the parser of bytes.__new__
 * and bytearray.__init__, which stay ARGS_ANY because CPython's messages name
 * the type ("bytes() argument 'encoding' must be str, not int"). */
static int bytes_args(const char *fname, Value *args, int nargs, Value kwnames, StrBuf *sb) {
    static const char *const names[] = {"source", "encoding", "errors"};
    Value a[3];
    if (arg_parse(fname, args, nargs, kwnames, names, 3, 0, 0, a) < 0) return -1;
    for (int i = 1; i < 3; i++)
        if (!IS_NULL(a[i]) && !IS_STR(a[i])) {
            err_format(&exc_TypeError, "%s() argument '%s' must be str, not %N", fname, names[i], a[i]);
            return -1;
        }
    if (IS_NULL(a[0])) {
        if (!IS_NULL(a[1]) || !IS_NULL(a[2])) {
            err_format(&exc_TypeError, IS_NULL(a[1]) ? "errors without a string argument"
                                                     : "encoding without a string argument");
            return -1;
        }
        return 0;
    }
    if (IS_STR(a[0])) {
        if (IS_NULL(a[1])) { err_format(&exc_TypeError, "string argument without an encoding"); return -1; }
        const char *enc = str_codec_arg(a[1], NULL), *errors = enc ? str_codec_arg(a[2], "strict") : NULL;
        Value b = errors ? str_encode(a[0], enc, errors) : VAL_NULL;
        if (IS_NULL(b)) return -1;
        return sb_put(sb, (const char *)AS_BYTES(b)->data, (size_t)AS_BYTES(b)->len);
    }
    if (!IS_NULL(a[1]) || !IS_NULL(a[2])) {
        err_format(&exc_TypeError, IS_NULL(a[1]) ? "errors without a string argument"
                                                 : "encoding without a string argument");
        return -1;
    }
    return collect_source(a[0], sb, strcmp(fname, "bytes") == 0 ? "bytes" : "byte");
}

/* ARGS_ANY: see bytes_args. */
static Value bytes_new_m(Value *args, int nargs, Value kwnames) {
    Type *cls = AS_TYPE(args[0]);
    if (nargs == 2 && IS_NULL(kwnames) && IS_EXACT(args[1], type_bytes) && cls == &type_bytes)
        return args[1];
    if (nargs == 2 && IS_NULL(kwnames)) {          /* __bytes__ first, even of a str subclass */
        Value m = obj_lookup_special(args[1], "__bytes__");
        if (IS_NULL(m) && err_occurred()) return VAL_NULL;
        if (!IS_NULL(m)) {
            Value r = call0(m);
            if (IS_NULL(r)) return r;
            if (!IS_BYTES(r))
                return err_format(&exc_TypeError, "__bytes__ returned non-bytes (type %s)", val_type_name(r));
            if (cls == &type_bytes) return r;
            args[1] = r;
        }
    }
    StrBuf sb; sb_init(&sb);
    if (bytes_args("bytes", args + 1, nargs - 1, kwnames, &sb) < 0) { sb_free(&sb); return VAL_NULL; }
    Bytes *b = bytes_alloc_type(cls, sb.len);
    if (b && sb.len) memcpy(b->data, sb.data, sb.len);
    sb_free(&sb);
    return b ? MK_OBJ(b) : VAL_NULL;
}

/* ARGS_ANY: bytearray.__new__ ignores its arguments (object.__new__'s rule);
 * __init__ parses them. */
static Value bytearray_new_m(Value *args, int nargs, Value kwnames) {
    Obj *o = obj_new_instance(AS_TYPE(args[0]));
    return o ? MK_OBJ(o) : VAL_NULL;
}

/* ARGS_ANY: see bytes_args. */
static Value bytearray_init_m(Value *args, int nargs, Value kwnames) {
    ByteArray *a = AS_BYTEARRAY(args[0]);
    if (a->len && ba_can_resize(a) < 0) return VAL_NULL;    /* CPython empties it first */
    StrBuf sb; sb_init(&sb);
    if (bytes_args("bytearray", args + 1, nargs - 1, kwnames, &sb) < 0) { sb_free(&sb); return VAL_NULL; }
    int rc = ba_set_contents(AS_BYTEARRAY(args[0]), sb.data, sb.len);
    sb_free(&sb);
    return rc < 0 ? VAL_NULL : VAL_NONE;
}

/* ----------------------------------------------------- shared methods */

static Value b_repr_m(Value *args, int nargs, Value kwnames) {
    VIEW(args[0], d, n);
    return bytes_repr(d, (size_t)n, IS_BYTEARRAY(args[0]));
}

static Value b_len_m(Value *args, int nargs, Value kwnames) {
    VIEW(args[0], d, n);
    (void)d;
    return MK_SMALLINT(n);
}

static Value b_hash_m(Value *args, int nargs, Value kwnames) {
    return int_from_i64(bytes_hash(args[0]));
}

/* The index is converted before the data is looked at: its __index__ may
 * resize a bytearray. */
static Value b_getitem_m(Value *args, int nargs, Value kwnames) {
    Value k = args[1];
    if (IS_EXACT(k, type_slice)) {
        int64_t start, stop, step;
        if (slice_unpack_bounds(k, &start, &stop, &step) < 0) return VAL_NULL;
        VIEW(args[0], d, n);
        int64_t cnt = slice_adjust_bounds(n, &start, &stop, step);
        if (step == 1) return mk_like(args[0], d + start, (size_t)cnt);
        StrBuf sb; sb_init(&sb);
        for (int64_t i = 0, j = start; i < cnt; i++, j = seq_next_index(j, step))
            if (sb_putc(&sb, (char)d[j]) < 0) { sb_free(&sb); return VAL_NULL; }
        Value r = mk_like(args[0], sb.data, sb.len);
        sb_free(&sb);
        return r;
    }
    if (!IS_INT(k) && IS_NULL(val_type(k)->slots[SM_INDEX]))
        return err_format(&exc_TypeError, "%s indices must be integers or slices, not %s",
                          IS_BYTEARRAY(args[0]) ? "bytearray" : "byte", val_type_name(k));
    int64_t i;
    if (obj_index_i64(k, &i) < 0) return VAL_NULL;
    VIEW(args[0], d, n);
    if (i < 0) i += n;
    if (i < 0 || i >= n)
        return err_format(&exc_IndexError, IS_BYTEARRAY(args[0]) ? "bytearray index out of range"
                                                                : "index out of range");
    return MK_SMALLINT(d[i]);
}

/* bytes_iterator / bytearray_iterator: yields ints; a bytearray's length
 * is re-read at every step, so it may change during the iteration. */
typedef struct BytesIter {
    Obj     header;
    Value   seq;            /* VAL_NULL once exhausted */
    int64_t i;
} BytesIter;

static void biter_trace(Obj *o) { gc_mark_value(((BytesIter *)o)->seq); }

static Value biter_next_m(Value *args, int nargs, Value kwnames) {
    BytesIter *it = (BytesIter *)AS_OBJ(args[0]);
    if (IS_NULL(it->seq)) return VAL_NULL;
    VIEW(it->seq, d, n);
    if (it->i >= n) { it->seq = VAL_NULL; return VAL_NULL; }
    return MK_SMALLINT(d[it->i++]);
}

static Value biter_iter_m(Value *args, int nargs, Value kwnames) {
    return args[0];
}

static Value biter_hint_m(Value *args, int nargs, Value kwnames) {
    BytesIter *it = (BytesIter *)AS_OBJ(args[0]);
    if (IS_NULL(it->seq)) return MK_SMALLINT(0);
    VIEW(it->seq, d, n);
    (void)d;
    return MK_SMALLINT(n > it->i ? n - it->i : 0);
}

/* (iter, (seq,), index), or (iter, ((),)) once exhausted: pickle's recipe. */
static Value biter_reduce_m(Value *args, int nargs, Value kwnames) {
    BytesIter *it = (BytesIter *)AS_OBJ(args[0]);
    Value iter = dict_get_c(interp.builtins, "iter");
    if (IS_NULL(iter)) return err_format(&exc_RuntimeError, "lost builtins.iter");
    Value seq = tuple_pack(1, IS_NULL(it->seq) ? tuple_empty() : it->seq);
    if (IS_NULL(seq)) return VAL_NULL;
    if (IS_NULL(it->seq)) return tuple_pack(2, iter, seq);
    return tuple_pack(3, iter, seq, MK_SMALLINT(it->i));
}

/* __setstate__(index): continue at seq[index], clamped to the sequence. */
static Value biter_setstate_m(Value *args, int nargs, Value kwnames) {
    BytesIter *it = (BytesIter *)AS_OBJ(args[0]);
    int64_t i;
    if (!IS_INT(args[1])) return err_format(&exc_TypeError, "an integer is required");
    if (arg_to_ssize(args[1], &i) < 0) return VAL_NULL;
    if (IS_NULL(it->seq)) return VAL_NONE;
    VIEW(it->seq, d, n);
    (void)d;
    it->i = i < 0 ? 0 : i > n ? n : i;
    return VAL_NONE;
}

static const MethodDef biter_methods[] = {
    {"__next__", biter_next_m, ARGS_WRAP(0), NULL},
    {"__iter__", biter_iter_m, ARGS_WRAP(0), NULL},
    {"__length_hint__", biter_hint_m, ARGS_NONE, NULL},
    {"__reduce__", biter_reduce_m, ARGS_NONE, NULL},
    {"__setstate__", biter_setstate_m, ARGS_ONE, NULL},
    {NULL, NULL, 0, NULL},
};

static Type type_bytes_iterator = {
    .tp_name = "bytes_iterator", .base = &type_object,
    .basicsize = sizeof(BytesIter), .trace = biter_trace, .methods = biter_methods,
};

static Type type_bytearray_iterator = {
    .tp_name = "bytearray_iterator", .base = &type_object,
    .basicsize = sizeof(BytesIter), .trace = biter_trace, .methods = biter_methods,
};

static Value b_iter_m(Value *args, int nargs, Value kwnames) {
    Type *t = IS_BYTEARRAY(args[0]) ? &type_bytearray_iterator : &type_bytes_iterator;
    BytesIter *it = (BytesIter *)gc_alloc(t, sizeof(BytesIter));
    if (!it) return VAL_NULL;
    it->seq = args[0];
    it->i = 0;
    return MK_OBJ(it);
}

static Value b_contains_m(Value *args, int nargs, Value kwnames) {
    Value x = args[1];
    if (buffer_check(x)) {
        VIEW(args[0], d, n);
        VIEW(x, s, sn);
        if (sn == 0) return VAL_TRUE;
        return MK_BOOL(n >= sn && memmem(d, (size_t)n, s, (size_t)sn) != NULL);
    }
    if (!IS_INT(x) && IS_NULL(val_type(x)->slots[SM_INDEX]))
        return err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", val_type_name(x));
    uint8_t c;
    if (byte_arg(x, &c) < 0) return VAL_NULL;     /* its __index__ may resize self: view after */
    VIEW(args[0], d, n);
    return MK_BOOL(n && memchr(d, c, (size_t)n) != NULL);
}

static Value b_add_m(Value *args, int nargs, Value kwnames) {
    VIEW(args[0], a, an);
    if (!is_buf(args[1]))
        return err_format(&exc_TypeError, "can't concat %s to %s", val_type_name(args[1]),
                          IS_BYTEARRAY(args[0]) ? "bytearray" : "bytes");
    VIEW(args[1], b, bn);
    StrBuf sb; sb_init(&sb);
    if (sb_put(&sb, (const char *)a, (size_t)an) < 0 || sb_put(&sb, (const char *)b, (size_t)bn) < 0) {
        sb_free(&sb);
        return VAL_NULL;
    }
    Value r = mk_like(args[0], sb.data, sb.len);
    sb_free(&sb);
    return r;
}

static Value b_mul_m(Value *args, int nargs, Value kwnames) {
    int64_t times;
    if (seq_repeat_arg(args[1], &times) < 0) return VAL_NULL;   /* as CPython's slot wrapper */
    VIEW(args[0], d, n);                     /* after __index__, which may resize a bytearray */
    if (n && times > INT64_MAX / n) {
        if (IS_BYTEARRAY(args[0])) return err_no_memory();
        return err_format(&exc_OverflowError, "repeated bytes are too long");
    }
    StrBuf sb; sb_init(&sb);
    if (sb_fill(&sb, (const char *)d, (size_t)n, times) < 0) { sb_free(&sb); return VAL_NULL; }
    Value r = mk_like(args[0], sb.data, sb.len);
    sb_free(&sb);
    return r;
}

static Value b_cmp(Value *args, int op) {
    /* bytes compares with bytes and bytearray only; bytearray with any simple
       buffer (CPython's bytes_richcompare, bytearray_richcompare) */
    if (!(IS_BYTES(args[1]) || IS_BYTEARRAY(args[1])) && !(IS_BYTEARRAY(args[0]) && is_buf(args[1])))
        return VAL_NOTIMPLEMENTED;
    VIEW(args[0], a, an);
    VIEW(args[1], b, bn);
    int64_t m = an < bn ? an : bn;
    int c = m ? memcmp(a, b, (size_t)m) : 0;
    if (c == 0) c = (an > bn) - (an < bn);
    switch (op) {
    case 0: return MK_BOOL(c == 0);
    case 1: return MK_BOOL(c != 0);
    case 2: return MK_BOOL(c < 0);
    case 3: return MK_BOOL(c <= 0);
    case 4: return MK_BOOL(c > 0);
    default: return MK_BOOL(c >= 0);
    }
}

static Value b_eq_m(Value *a, int n, Value k) { return b_cmp(a, 0); }
static Value b_ne_m(Value *a, int n, Value k) { return b_cmp(a, 1); }
static Value b_lt_m(Value *a, int n, Value k) { return b_cmp(a, 2); }
static Value b_le_m(Value *a, int n, Value k) { return b_cmp(a, 3); }
static Value b_gt_m(Value *a, int n, Value k) { return b_cmp(a, 4); }
static Value b_ge_m(Value *a, int n, Value k) { return b_cmp(a, 5); }

/* decode(encoding='utf-8', errors='strict'): args = [self, encoding, errors] */
static Value b_decode_m(Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"encoding", "errors"};
    for (int i = 0; i < 2; i++)
        if (!IS_NULL(args[i + 1]) && !IS_STR(args[i + 1]))
            return err_format(&exc_TypeError, "decode() argument '%s' must be str, not %N", names[i], args[i + 1]);
    VIEW(args[0], d, n);
    const char *enc = str_codec_arg(args[1], "utf-8"), *errors = enc ? str_codec_arg(args[2], "strict") : NULL;
    return errors ? str_decode(d, (size_t)n, enc, errors) : VAL_NULL;
}

Value bytes_hex(const uint8_t *d, int64_t n, Value sep, Value bytes_per_sep, int as_bytes) {
    char sepc[1];
    size_t seplen = 0;
    int per = 1;
    if (!IS_NULL(bytes_per_sep) && str_arg_to_int(bytes_per_sep, &per) < 0) return VAL_NULL;
    if (!IS_NULL(sep)) {                  /* CPython's _Py_strhex_impl, check by check */
        int64_t sl = obj_len(sep);
        if (sl < 0) return VAL_NULL;
        if (sl != 1) return err_format(&exc_ValueError, "sep must be length 1.");
        uint32_t c;
        if (IS_STR(sep)) c = str_char_at(sep, 0);
        else if (IS_BYTES(sep)) c = AS_BYTES(sep)->data[0];
        else return err_format(&exc_TypeError, "sep must be str or bytes.");
        if (c > 255 || (c > 127 && !as_bytes)) return err_format(&exc_ValueError, "sep must be ASCII.");
        sepc[0] = (char)c;
        seplen = 1;
    }
    StrBuf sb; sb_init(&sb);
    int64_t ap = per < 0 ? -per : per;
    for (int64_t i = 0; i < n; i++) {
        if (seplen && i && ap) {
            int64_t k = per > 0 ? n - i : i;
            if (k % ap == 0) sb_put(&sb, sepc, 1);
        }
        if (sb_printf(&sb, "%02x", d[i]) < 0) { sb_free(&sb); return VAL_NULL; }
    }
    return as_bytes ? sb_finish_bytes(&sb) : sb_finish_str(&sb);
}

/* hex(sep=<unrepresentable>, bytes_per_sep=1): args = [self, sep, bytes_per_sep] */
static Value b_hex_m(Value *args, int nargs, Value kwnames) {
    VIEW(args[0], d, n);
    return bytes_hex(d, n, args[1], args[2], 0);
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* fromhex(string), a class method: args = [cls, string] */
static Value b_fromhex_m(Value *args, int nargs, Value kwnames) {
    if (!IS_STR(args[1]))
        return err_format(&exc_TypeError, "fromhex() argument must be str, not %N", args[1]);
    const char *s = STR_DATA(args[1]);
    int64_t n = STR_LEN(args[1]);
    StrBuf sb; sb_init(&sb);
    for (int64_t i = 0; i < n;) {
        if (s[i] == ' ' || (s[i] >= 9 && s[i] <= 13)) { i++; continue; }
        int hi = hexval((unsigned char)s[i]);
        int lo = i + 1 < n ? hexval((unsigned char)s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            sb_free(&sb);
            int64_t pos = hi < 0 ? i : i + 1;
            return err_format(&exc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zd",
                              (size_t)pos);
        }
        sb_putc(&sb, (char)(hi * 16 + lo));
        i += 2;
    }
    Type *cls = AS_TYPE(args[0]);
    Value r = type_is_subtype(cls, &type_bytearray) ? bytearray_new(sb.data, sb.len)
                                                    : bytes_new(sb.data, sb.len);
    sb_free(&sb);
    if (!IS_NULL(r) && cls != &type_bytes && cls != &type_bytearray) r = call1(args[0], r);
    return r;
}

/* Needle argument: bytes-like or an int byte. */
static int needle_arg(Value v, const uint8_t **d, int64_t *n, uint8_t *one) {
    if (buffer_check(v)) return bytes_view(v, d, n);
    if (IS_INT(v) || !IS_NULL(val_type(v)->slots[SM_INDEX])) {
        if (byte_arg(v, one) < 0) return -1;
        *d = one; *n = 1;
        return 0;
    }
    err_format(&exc_TypeError, "argument should be integer or bytes-like object, not '%s'", val_type_name(v));
    return -1;
}

/* start and end arguments: converted first (their __index__ may resize a
 * bytearray), resolved against the length after (b_range_clamp). */
static int b_range_args(Value vs, Value ve, int64_t *s, int64_t *e) {
    *s = 0; *e = INT64_MAX;
    return str_slice_arg(vs, s) < 0 || str_slice_arg(ve, e) < 0 ? -1 : 0;
}

static void b_range_clamp(int64_t n, int64_t *s, int64_t *e) {
    if (*s < 0) { *s += n; if (*s < 0) *s = 0; }
    if (*e < 0) { *e += n; if (*e < 0) *e = 0; }
    if (*e > n) *e = n;
}

static int64_t b_find_impl(const uint8_t *d, int64_t s, int64_t e, const uint8_t *x, int64_t xn, int dir) {
    if (s > e || e - s < xn) return (xn == 0 && s <= e) ? (dir > 0 ? s : e) : -1;
    if (xn == 0) return dir > 0 ? s : e;
    if (dir > 0) {
        const uint8_t *r = memmem(d + s, (size_t)(e - s), x, (size_t)xn);
        return r ? r - d : -1;
    }
    for (int64_t i = e - xn; i >= s; i--) if (memcmp(d + i, x, (size_t)xn) == 0) return i;
    return -1;
}

/* find, rfind, index, rindex: args = [self, sub, start, end] */
static Value b_find_common(Value *args, int dir, int raise) {
    int64_t s, e;
    if (b_range_args(args[2], args[3], &s, &e) < 0) return VAL_NULL;
    const uint8_t *x; int64_t xn; uint8_t one;
    if (needle_arg(args[1], &x, &xn, &one) < 0) return VAL_NULL;
    VIEW(args[0], d, n);
    b_range_clamp(n, &s, &e);
    if (s > n) return raise ? err_format(&exc_ValueError, "subsection not found") : MK_SMALLINT(-1);
    int64_t r = b_find_impl(d, s, e, x, xn, dir);
    if (r < 0 && raise) return err_format(&exc_ValueError, "subsection not found");
    return MK_SMALLINT(r);
}

static Value b_find_m(Value *a, int n, Value k) { return b_find_common(a, 1, 0); }
static Value b_rfind_m(Value *a, int n, Value k) { return b_find_common(a, -1, 0); }
static Value b_index_m(Value *a, int n, Value k) { return b_find_common(a, 1, 1); }
static Value b_rindex_m(Value *a, int n, Value k) { return b_find_common(a, -1, 1); }

static Value b_count_m(Value *args, int nargs, Value kwnames) {
    int64_t s, e;
    if (b_range_args(args[2], args[3], &s, &e) < 0) return VAL_NULL;
    const uint8_t *x; int64_t xn; uint8_t one;
    if (needle_arg(args[1], &x, &xn, &one) < 0) return VAL_NULL;
    VIEW(args[0], d, n);
    b_range_clamp(n, &s, &e);
    if (s > n || s > e) return MK_SMALLINT(0);
    if (xn == 0) return MK_SMALLINT(e - s + 1);
    int64_t c = 0;
    for (int64_t i = s; i + xn <= e;) {
        const uint8_t *r = memmem(d + i, (size_t)(e - i), x, (size_t)xn);
        if (!r) break;
        c++;
        i = (r - d) + xn;
    }
    return MK_SMALLINT(c);
}

/* startswith, endswith: args = [self, prefix, start, end] */
static Value b_starts_common(Value *args, const char *name, int end) {
    int64_t s, e;
    if (b_range_args(args[2], args[3], &s, &e) < 0) return VAL_NULL;
    VIEW(args[0], d, n);
    b_range_clamp(n, &s, &e);
    Value p = args[1];
    int64_t cnt = IS_TUPLE(p) ? AS_TUPLE(p)->len : 1;
    for (int64_t i = 0; i < cnt; i++) {
        Value x = IS_TUPLE(p) ? AS_TUPLE(p)->items[i] : p;
        if (!buffer_check(x)) {
            if (IS_TUPLE(p))
                return err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", val_type_name(x));
            return err_format(&exc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s",
                              name, val_type_name(x));
        }
        VIEW(x, xd, xn);
        if (s > n || e - s < xn) continue;
        if (memcmp(end ? d + e - xn : d + s, xd, (size_t)xn) == 0) return VAL_TRUE;
    }
    return VAL_FALSE;
}

static Value b_startswith_m(Value *a, int n, Value k) { return b_starts_common(a, "startswith", 0); }
static Value b_endswith_m(Value *a, int n, Value k) { return b_starts_common(a, "endswith", 1); }

static int b_isspace(uint8_t c) { return c == ' ' || (c >= 9 && c <= 13); }

/* strip, lstrip, rstrip: args = [self, bytes]; which: 1 left, 2 right, 3 both */
static Value b_strip_common(Value *args, int which) {
    VIEW(args[0], d, n);
    const uint8_t *cs = NULL; int64_t cn = 0;
    if (!IS_NULL(args[1]) && !IS_NONE(args[1])) {
        if (!buffer_check(args[1]))
            return err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", val_type_name(args[1]));
        if (bytes_view(args[1], &cs, &cn) < 0) return VAL_NULL;
    }
    int64_t b = 0, e = n;
#define STRIPPABLE(c) (cs ? (cn && memchr(cs, (c), (size_t)cn) != NULL) : b_isspace(c))
    if (which & 1) while (b < e && STRIPPABLE(d[b])) b++;
    if (which & 2) while (e > b && STRIPPABLE(d[e - 1])) e--;
#undef STRIPPABLE
    return mk_like(args[0], d + b, (size_t)(e - b));
}

static Value b_strip_m(Value *a, int n, Value k) { return b_strip_common(a, 3); }
static Value b_lstrip_m(Value *a, int n, Value k) { return b_strip_common(a, 1); }
static Value b_rstrip_m(Value *a, int n, Value k) { return b_strip_common(a, 2); }

/* split, rsplit: args = [self, sep, maxsplit] */
static Value b_split_common(Value *args, int rev) {
    int64_t maxsplit = -1;
    if (!IS_NULL(args[2]) && arg_to_ssize(args[2], &maxsplit) < 0) return VAL_NULL;
    VIEW(args[0], d, n);
    Value list = list_new(0);
    if (IS_NULL(list)) return list;
    Value sep = args[1];
    if (IS_NULL(sep) || IS_NONE(sep)) {
        int64_t i = rev ? n : 0;
        for (;;) {
            if (!rev) {
                while (i < n && b_isspace(d[i])) i++;
                if (i >= n) break;
                int64_t j = i;
                if (maxsplit-- == 0) j = n;
                else while (j < n && !b_isspace(d[j])) j++;
                if (list_append(list, mk_like(args[0], d + i, (size_t)(j - i))) < 0) return VAL_NULL;
                i = j;
            } else {
                while (i > 0 && b_isspace(d[i - 1])) i--;
                if (i <= 0) break;
                int64_t j = i;
                if (maxsplit-- == 0) j = 0;
                else while (j > 0 && !b_isspace(d[j - 1])) j--;
                if (list_append(list, mk_like(args[0], d + j, (size_t)(i - j))) < 0) return VAL_NULL;
                i = j;
            }
        }
    } else {
        VIEW(sep, sp, sn);
        if (sn == 0) return err_format(&exc_ValueError, "empty separator");
        int64_t lo = 0, hi = n;
        while (maxsplit-- != 0) {
            int64_t r = b_find_impl(d, lo, hi, sp, sn, rev ? -1 : 1);
            if (r < 0) break;
            Value piece = rev ? mk_like(args[0], d + r + sn, (size_t)(hi - r - sn))
                              : mk_like(args[0], d + lo, (size_t)(r - lo));
            if (list_append(list, piece) < 0) return VAL_NULL;
            if (rev) hi = r; else lo = r + sn;
        }
        if (list_append(list, mk_like(args[0], d + lo, (size_t)(hi - lo))) < 0) return VAL_NULL;
    }
    if (rev) list_reverse(list);
    return list;
}

static Value b_split_m(Value *a, int n, Value k) { return b_split_common(a, 0); }
static Value b_rsplit_m(Value *a, int n, Value k) { return b_split_common(a, 1); }

static Value b_join_m(Value *args, int nargs, Value kwnames) {
    Value seq = seq_to_list(args[1]);
    if (IS_NULL(seq)) return seq;
    VIEW(args[0], sp, sn);                   /* after the iteration, which may change it */
    StrBuf sb; sb_init(&sb);
    List *l = AS_LIST(seq);
    for (int64_t i = 0; i < l->len; i++) {
        if (!is_buf(l->items[i])) {
            sb_free(&sb);
            return err_format(&exc_TypeError, "sequence item %zd: expected a bytes-like object, %T found",
                              (size_t)i, l->items[i]);
        }
        VIEW(l->items[i], xd, xn);
        if ((i && sb_put(&sb, (const char *)sp, (size_t)sn) < 0) || sb_put(&sb, (const char *)xd, (size_t)xn) < 0) {
            sb_free(&sb);
            return VAL_NULL;
        }
    }
    Value r = mk_like(args[0], sb.data, sb.len);
    sb_free(&sb);
    return r;
}

/* replace(old, new, count=-1, /): args = [self, old, new, count] */
static Value b_replace_m(Value *args, int nargs, Value kwnames) {
    int64_t count = -1;
    if (!IS_NULL(args[3]) && arg_to_ssize(args[3], &count) < 0) return VAL_NULL;
    VIEW(args[0], d, n);
    VIEW(args[1], o, on);
    VIEW(args[2], w, wn);
    if (count < 0) count = INT64_MAX;
    StrBuf sb; sb_init(&sb);
    int64_t i = 0;
    int rc = 0;
    if (on == 0) {
        for (; rc == 0; i++) {
            if (count-- > 0) rc = sb_put(&sb, (const char *)w, (size_t)wn);
            if (i >= n) break;
            if (rc == 0) rc = sb_putc(&sb, (char)d[i]);
        }
    } else {
        while (count-- > 0 && rc == 0) {
            int64_t r = b_find_impl(d, i, n, o, on, 1);
            if (r < 0) break;
            rc = sb_put(&sb, (const char *)d + i, (size_t)(r - i));
            if (rc == 0) rc = sb_put(&sb, (const char *)w, (size_t)wn);
            i = r + on;
        }
        if (rc == 0) rc = sb_put(&sb, (const char *)d + i, (size_t)(n - i));
    }
    Value r = rc < 0 ? VAL_NULL : mk_like(args[0], sb.data, sb.len);
    sb_free(&sb);
    return r;
}

/* ------------------------------------------------ ASCII case and classes */

static int b_islower(uint8_t c) { return c >= 'a' && c <= 'z'; }
static int b_isupper(uint8_t c) { return c >= 'A' && c <= 'Z'; }
static int b_isalpha(uint8_t c) { return b_islower(c) || b_isupper(c); }
static int b_isdigit(uint8_t c) { return c >= '0' && c <= '9'; }
static int b_isalnum(uint8_t c) { return b_isalpha(c) || b_isdigit(c); }
static int b_isascii(uint8_t c) { return c < 0x80; }
static uint8_t b_toupper(uint8_t c) { return b_islower(c) ? (uint8_t)(c - 32) : c; }
static uint8_t b_tolower(uint8_t c) { return b_isupper(c) ? (uint8_t)(c + 32) : c; }

enum { BCASE_UPPER, BCASE_LOWER, BCASE_SWAP, BCASE_TITLE, BCASE_CAPITALIZE };

/* upper/lower/swapcase/title/capitalize: ASCII letters only. */
static Value b_case(Value *args, int mode) {
    VIEW(args[0], d, n);
    Value r = mk_like(args[0], d, (size_t)n);
    if (IS_NULL(r)) return r;
    uint8_t *p = IS_BYTEARRAY(r) ? AS_BYTEARRAY(r)->data : AS_BYTES(r)->data;
    int prev_cased = 0;
    for (int64_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        switch (mode) {
        case BCASE_UPPER: p[i] = b_toupper(c); break;
        case BCASE_LOWER: p[i] = b_tolower(c); break;
        case BCASE_SWAP: p[i] = b_islower(c) ? b_toupper(c) : b_tolower(c); break;
        case BCASE_TITLE: p[i] = prev_cased ? b_tolower(c) : b_toupper(c); break;
        default: p[i] = i == 0 ? b_toupper(c) : b_tolower(c); break;
        }
        prev_cased = b_isalpha(c);
    }
    return r;
}

static Value b_upper_m(Value *a, int n, Value k) { return b_case(a, BCASE_UPPER); }
static Value b_lower_m(Value *a, int n, Value k) { return b_case(a, BCASE_LOWER); }
static Value b_swapcase_m(Value *a, int n, Value k) { return b_case(a, BCASE_SWAP); }
static Value b_title_m(Value *a, int n, Value k) { return b_case(a, BCASE_TITLE); }
static Value b_capitalize_m(Value *a, int n, Value k) { return b_case(a, BCASE_CAPITALIZE); }

/* isalpha & co: every byte satisfies pred (empty: `empty`). */
static Value b_isx(Value *args, int (*pred)(uint8_t), int empty) {
    VIEW(args[0], d, n);
    if (n == 0) return MK_BOOL(empty);
    for (int64_t i = 0; i < n; i++)
        if (!pred(d[i])) return VAL_FALSE;
    return VAL_TRUE;
}

static Value b_isalpha_m(Value *a, int n, Value k) { return b_isx(a, b_isalpha, 0); }
static Value b_isdigit_m(Value *a, int n, Value k) { return b_isx(a, b_isdigit, 0); }
static Value b_isalnum_m(Value *a, int n, Value k) { return b_isx(a, b_isalnum, 0); }
static Value b_isspace_m(Value *a, int n, Value k) { return b_isx(a, b_isspace, 0); }
static Value b_isascii_m(Value *a, int n, Value k) { return b_isx(a, b_isascii, 1); }

/* islower/isupper: some cased byte and none of the other case. */
static Value b_cased(Value *args, int upper) {
    VIEW(args[0], d, n);
    int cased = 0;
    for (int64_t i = 0; i < n; i++) {
        if (upper ? b_islower(d[i]) : b_isupper(d[i])) return VAL_FALSE;
        cased |= b_isalpha(d[i]);
    }
    return MK_BOOL(cased);
}

static Value b_islower_m(Value *a, int n, Value k) { return b_cased(a, 0); }
static Value b_isupper_m(Value *a, int n, Value k) { return b_cased(a, 1); }

static Value b_istitle_m(Value *args, int nargs, Value kwnames) {
    VIEW(args[0], d, n);
    int prev_cased = 0, cased = 0;
    for (int64_t i = 0; i < n; i++) {
        uint8_t c = d[i];
        if (b_isupper(c)) { if (prev_cased) return VAL_FALSE; prev_cased = cased = 1; }
        else if (b_islower(c)) { if (!prev_cased) return VAL_FALSE; prev_cased = cased = 1; }
        else prev_cased = 0;
    }
    return MK_BOOL(cased);
}

/* ------------------------------------------- layout: pad, zfill, tabs */

/* self with `left` and `right` copies of fill around it. */
static Value b_pad(Value self, const uint8_t *d, int64_t n, int64_t left, int64_t right, uint8_t fill) {
    if (!IS_BYTEARRAY(self) && left + right > INT64_MAX - 33 - n)   /* CPython's header */
        return err_format(&exc_OverflowError, "byte string is too large");
    StrBuf sb; sb_init(&sb);
    char f = (char)fill;
    int rc = sb_fill(&sb, &f, 1, left);
    if (rc == 0) rc = sb_put(&sb, (const char *)d, (size_t)n);
    if (rc == 0) rc = sb_fill(&sb, &f, 1, right);
    Value r = rc < 0 ? VAL_NULL : mk_like(self, sb.data, sb.len);
    sb_free(&sb);
    return r;
}

/* center/ljust/rjust(width, fillchar=b' ', /): args = [self, width, fillchar];
 * mode '^' '<' '>'. */
static Value b_justify(Value *args, const char *name, char mode) {
    int64_t width;
    if (arg_to_ssize(args[1], &width) < 0) return VAL_NULL;
    uint8_t fill = ' ';
    if (!IS_NULL(args[2])) {
        const uint8_t *f; int64_t fn;
        if (!(IS_BYTES(args[2]) || IS_BYTEARRAY(args[2])) || (bytes_view(args[2], &f, &fn), fn != 1))
            return err_format(&exc_TypeError, "%s() argument 2 must be a byte string of length 1, not %N",
                              name, args[2]);
        fill = f[0];
    }
    VIEW(args[0], d, n);
    int64_t pad = width > n ? width - n : 0;
    int64_t left = mode == '<' ? 0 : mode == '>' ? pad : pad / 2 + (pad & width & 1);
    return b_pad(args[0], d, n, left, pad - left, fill);
}

static Value b_ljust_m(Value *a, int n, Value k) { return b_justify(a, "ljust", '<'); }
static Value b_rjust_m(Value *a, int n, Value k) { return b_justify(a, "rjust", '>'); }
static Value b_center_m(Value *a, int n, Value k) { return b_justify(a, "center", '^'); }

static Value b_zfill_m(Value *args, int nargs, Value kwnames) {
    int64_t width;
    if (arg_to_ssize(args[1], &width) < 0) return VAL_NULL;
    VIEW(args[0], d, n);
    int64_t pad = width > n ? width - n : 0;
    Value r = b_pad(args[0], d, n, pad, 0, '0');
    if (IS_NULL(r) || pad == 0 || n == 0 || (d[0] != '+' && d[0] != '-')) return r;
    uint8_t *p = IS_BYTEARRAY(r) ? AS_BYTEARRAY(r)->data : AS_BYTES(r)->data;
    p[0] = d[0];                    /* the sign moves in front of the zeros */
    p[pad] = '0';
    return r;
}

/* expandtabs(tabsize=8): args = [self, tabsize] */
static Value b_expandtabs_m(Value *args, int nargs, Value kwnames) {
    int tab = 8;
    if (!IS_NULL(args[1]) && str_arg_to_int(args[1], &tab) < 0) return VAL_NULL;
    VIEW(args[0], d, n);
    StrBuf sb; sb_init(&sb);
    int64_t col = 0;
    int rc = 0;
    for (int64_t i = 0; i < n && rc == 0; i++) {
        if (d[i] == '\t') {
            int64_t sp = tab > 0 ? tab - col % tab : 0;
            rc = sb_fill(&sb, " ", 1, sp);
            col += sp;
            continue;
        }
        rc = sb_putc(&sb, (char)d[i]);
        col = (d[i] == '\n' || d[i] == '\r') ? 0 : col + 1;
    }
    Value r = rc < 0 ? VAL_NULL : mk_like(args[0], sb.data, sb.len);
    sb_free(&sb);
    return r;
}

/* ------------------------------------ partition, affixes, splitlines */

static Value b_partition_common(Value *args, int rev) {
    VIEW(args[0], d, n);
    VIEW(args[1], sp, sn);
    if (sn == 0) return err_format(&exc_ValueError, "empty separator");
    int64_t r = b_find_impl(d, 0, n, sp, sn, rev ? -1 : 1);
    int64_t a = r < 0 ? (rev ? 0 : n) : r, b = r < 0 ? a : r + sn;
    /* bytes.partition hands back the separator object itself (CPython's stringlib) */
    Value mid = r >= 0 && !IS_BYTEARRAY(args[0]) ? args[1] : mk_like(args[0], sp, (size_t)(b - a));
    Value head = mk_like(args[0], d, (size_t)a);
    Value tail = mk_like(args[0], d + b, (size_t)(n - b));
    if (IS_NULL(head) || IS_NULL(mid) || IS_NULL(tail)) return VAL_NULL;
    return tuple_pack(3, head, mid, tail);
}

static Value b_partition_m(Value *a, int n, Value k) { return b_partition_common(a, 0); }
static Value b_rpartition_m(Value *a, int n, Value k) { return b_partition_common(a, 1); }

static Value b_affix_common(Value *args, int suffix) {
    VIEW(args[0], d, n);
    VIEW(args[1], x, xn);
    if (xn <= n && memcmp(suffix ? d + n - xn : d, x, (size_t)xn) == 0)
        return mk_like(args[0], suffix ? d : d + xn, (size_t)(n - xn));
    return mk_like(args[0], d, (size_t)n);
}

static Value b_removeprefix_m(Value *a, int n, Value k) { return b_affix_common(a, 0); }
static Value b_removesuffix_m(Value *a, int n, Value k) { return b_affix_common(a, 1); }

/* splitlines(keepends=False): args = [self, keepends] */
static Value b_splitlines_m(Value *args, int nargs, Value kwnames) {
    int keep = 0;
    if (!IS_NULL(args[1]) && str_arg_to_int(args[1], &keep) < 0) return VAL_NULL;
    VIEW(args[0], d, n);
    Value list = list_new(0);
    for (int64_t i = 0; i < n && !IS_NULL(list);) {
        int64_t j = i;
        while (j < n && d[j] != '\n' && d[j] != '\r') j++;
        int64_t eol = j < n ? (d[j] == '\r' && j + 1 < n && d[j + 1] == '\n' ? 2 : 1) : 0;
        if (list_append(list, mk_like(args[0], d + i, (size_t)(j - i + (keep ? eol : 0)))) < 0)
            return VAL_NULL;
        i = j + eol;
    }
    return list;
}

/* ------------------------------------------------- translate, maketrans */

/* translate(table, /, delete=b''): args = [self, table, delete] */
static Value b_translate_m(Value *args, int nargs, Value kwnames) {
    const uint8_t *table = NULL, *del = NULL;
    int64_t tn = 0, dn = 0;
    if (!IS_NONE(args[1])) {
        if (bytes_view(args[1], &table, &tn) < 0) return VAL_NULL;
        if (tn != 256) return err_format(&exc_ValueError, "translation table must be 256 characters long");
    }
    if (!IS_NULL(args[2]) && bytes_view(args[2], &del, &dn) < 0) return VAL_NULL;
    VIEW(args[0], d, n);
    StrBuf sb; sb_init(&sb);
    int rc = 0;
    for (int64_t i = 0; i < n && rc == 0; i++)
        if (!dn || !memchr(del, d[i], (size_t)dn)) rc = sb_putc(&sb, (char)(table ? table[d[i]] : d[i]));
    Value r = rc < 0 ? VAL_NULL : mk_like(args[0], sb.data, sb.len);
    sb_free(&sb);
    return r;
}

/* bytes.maketrans(frm, to): a static method, so args[0] is `frm`. */
static Value b_maketrans_m(Value *args, int nargs, Value kwnames) {
    VIEW(args[0], f, fn);
    VIEW(args[1], t, tn);
    if (fn != tn) return err_format(&exc_ValueError, "maketrans arguments must have same length");
    uint8_t table[256];
    for (int i = 0; i < 256; i++) table[i] = (uint8_t)i;
    for (int64_t i = 0; i < fn; i++) table[f[i]] = t[i];
    return bytes_new(table, 256);
}

/* ------------------------------------------------------- bytes % args */

static Value b_mod_m(Value *args, int nargs, Value kwnames) {
    Value fmt = args[0];
    if (IS_BYTEARRAY(fmt)) {                 /* formatting runs __str__ & co., which may change it */
        const uint8_t *fd; int64_t fn;
        if (bytes_view(fmt, &fd, &fn) < 0) return VAL_NULL;
        fmt = bytes_new(fd, (size_t)fn);
        if (IS_NULL(fmt)) return VAL_NULL;
    }
    VIEW(fmt, d, n);
    Value r = str_pct_bytes(d, (size_t)n, args[1]);
    if (IS_NULL(r) || !IS_BYTEARRAY(args[0])) return r;
    return bytearray_new(AS_BYTES(r)->data, (size_t)AS_BYTES(r)->len);
}

static Value b_rmod_m(Value *args, int nargs, Value kwnames) {
    return VAL_NOTIMPLEMENTED;
}

static Value b_getnewargs_m(Value *args, int nargs, Value kwnames) {
    VIEW(args[0], d, n);
    Value b = bytes_new(d, (size_t)n);
    return IS_NULL(b) ? b : tuple_pack(1, b);
}

/* bytes.__bytes__: the value as an exact bytes (typing.SupportsBytes sees it). */
static Value b_bytes_m(Value *args, int nargs, Value kwnames) {
    if (IS_EXACT(args[0], type_bytes)) return args[0];
    VIEW(args[0], d, n);
    return bytes_new(d, (size_t)n);
}

/* The methods bytes and bytearray share (messages name the receiver's type,
 * so one set of declarations serves both). */
#define SHARED_METHODS                                                                  \
    {"__repr__", b_repr_m, ARGS_WRAP(0), NULL},                                         \
    {"__str__", b_repr_m, ARGS_WRAP(0), NULL},                                          \
    {"__len__", b_len_m, ARGS_WRAP(0), NULL},                                           \
    {"__getitem__", b_getitem_m, ARGS_WRAP(1), NULL},                                   \
    {"__iter__", b_iter_m, ARGS_WRAP(0), NULL},                                         \
    {"__contains__", b_contains_m, ARGS_WRAP(1), NULL},                                 \
    {"__add__", b_add_m, ARGS_WRAP(1), NULL},                                           \
    {"__mul__", b_mul_m, ARGS_WRAPT(1, 1), NULL},                                       \
    {"__rmul__", b_mul_m, ARGS_WRAPT(1, 1), NULL},                                      \
    {"__mod__", b_mod_m, ARGS_WRAP(1), NULL},                                           \
    {"__rmod__", b_rmod_m, ARGS_WRAP(1), NULL},                                         \
    {"__eq__", b_eq_m, ARGS_WRAP(1), NULL},                                             \
    {"__ne__", b_ne_m, ARGS_WRAP(1), NULL},                                             \
    {"__lt__", b_lt_m, ARGS_WRAP(1), NULL},                                             \
    {"__le__", b_le_m, ARGS_WRAP(1), NULL},                                             \
    {"__gt__", b_gt_m, ARGS_WRAP(1), NULL},                                             \
    {"__ge__", b_ge_m, ARGS_WRAP(1), NULL},                                             \
    {"decode", b_decode_m, ARGS_KW, NULL, "($self, /, encoding='utf-8', errors='strict')"}, \
    {"hex", b_hex_m, ARGS_KW, NULL, "($self, /, sep=<unrepresentable>, bytes_per_sep=1)"}, \
    {"fromhex", b_fromhex_m, METH_CLASS | ARGS_ONE, NULL},                              \
    {"find", b_find_m, ARGS_TUPLE(1, 3), NULL},                                         \
    {"rfind", b_rfind_m, ARGS_TUPLE(1, 3), NULL},                                       \
    {"index", b_index_m, ARGS_TUPLE(1, 3), NULL},                                       \
    {"rindex", b_rindex_m, ARGS_TUPLE(1, 3), NULL},                                     \
    {"count", b_count_m, ARGS_TUPLE(1, 3), NULL},                                       \
    {"startswith", b_startswith_m, ARGS_TUPLE(1, 3), NULL},                             \
    {"endswith", b_endswith_m, ARGS_TUPLE(1, 3), NULL},                                 \
    {"strip", b_strip_m, ARGS_POS(0, 1), NULL},                                         \
    {"lstrip", b_lstrip_m, ARGS_POS(0, 1), NULL},                                       \
    {"rstrip", b_rstrip_m, ARGS_POS(0, 1), NULL},                                       \
    {"split", b_split_m, ARGS_KW, NULL, "($self, /, sep=None, maxsplit=-1)"},           \
    {"rsplit", b_rsplit_m, ARGS_KW, NULL, "($self, /, sep=None, maxsplit=-1)"},         \
    {"join", b_join_m, ARGS_ONE, NULL},                                                 \
    {"replace", b_replace_m, ARGS_POS(2, 3), NULL},                                     \
    {"upper", b_upper_m, ARGS_NONE, NULL},                                              \
    {"lower", b_lower_m, ARGS_NONE, NULL},                                              \
    {"swapcase", b_swapcase_m, ARGS_NONE, NULL},                                        \
    {"title", b_title_m, ARGS_NONE, NULL},                                              \
    {"capitalize", b_capitalize_m, ARGS_NONE, NULL},                                    \
    {"isalpha", b_isalpha_m, ARGS_NONE, NULL},                                          \
    {"isdigit", b_isdigit_m, ARGS_NONE, NULL},                                          \
    {"isalnum", b_isalnum_m, ARGS_NONE, NULL},                                          \
    {"isspace", b_isspace_m, ARGS_NONE, NULL},                                          \
    {"isascii", b_isascii_m, ARGS_NONE, NULL},                                          \
    {"islower", b_islower_m, ARGS_NONE, NULL},                                          \
    {"isupper", b_isupper_m, ARGS_NONE, NULL},                                          \
    {"istitle", b_istitle_m, ARGS_NONE, NULL},                                          \
    {"ljust", b_ljust_m, ARGS_POS(1, 2), NULL},                                         \
    {"rjust", b_rjust_m, ARGS_POS(1, 2), NULL},                                         \
    {"center", b_center_m, ARGS_POS(1, 2), NULL},                                       \
    {"zfill", b_zfill_m, ARGS_ONE, NULL},                                               \
    {"expandtabs", b_expandtabs_m, ARGS_KW, NULL, "($self, /, tabsize=8)"},             \
    {"partition", b_partition_m, ARGS_ONE, NULL},                                       \
    {"rpartition", b_rpartition_m, ARGS_ONE, NULL},                                     \
    {"removeprefix", b_removeprefix_m, ARGS_ONE, NULL},                                 \
    {"removesuffix", b_removesuffix_m, ARGS_ONE, NULL},                                 \
    {"splitlines", b_splitlines_m, ARGS_KW, NULL, "($self, /, keepends=False)"},        \
    {"translate", b_translate_m, ARGS_KW, NULL, "($self, table, /, delete=b'')"},       \
    {"maketrans", b_maketrans_m, METH_STATIC | ARGS_POS(2, 2), NULL}

static const MethodDef bytes_methods[] = {
    {"__new__", bytes_new_m, METH_STATIC, NULL},
    {"__hash__", b_hash_m, ARGS_WRAP(0), NULL},
    {"__getnewargs__", b_getnewargs_m, ARGS_NONE, NULL},
    {"__bytes__", b_bytes_m, ARGS_NONE, "Convert this value to exact type bytes."},
    SHARED_METHODS,
    {NULL, NULL, 0, NULL},
};

Type type_bytes = {
    .tp_name = "bytes", .base = &type_object,
    .flags = TF_BASETYPE | TF_BYTES_SUBCLASS | TF_MATCH_SELF,
    .basicsize = sizeof(Bytes), .getbuffer = bytes_getbuffer,
    .methods = bytes_methods,
};
GILPY_TYPE(type_bytes, "bytes");

/* ------------------------------------------------------------ bytearray */

#define BA(v) AS_BYTEARRAY(v)

static Value ba_append_m(Value *args, int nargs, Value kwnames) {
    uint8_t c;
    if (byte_arg(args[1], &c) < 0) return VAL_NULL;
    ByteArray *a = BA(args[0]);
    if (ba_can_resize(a) < 0 || ba_reserve(a, a->len + 1) < 0) return VAL_NULL;
    a->data[a->len++] = c;
    a->data[a->len] = 0;
    return VAL_NONE;
}

static int ba_extend(Value self, Value src) {
    StrBuf sb; sb_init(&sb);
    int rc;
    if (!is_buf(src)) {          /* CPython: only a failing iter() is "can't extend" */
        Value it = obj_iter(src);
        if (IS_NULL(it)) {
            if (err_matches(&exc_TypeError)) {
                err_clear();
                err_format(&exc_TypeError, "can't extend bytearray with %s", val_type_name(src));
            }
            return -1;
        }
        src = it;
    }
    rc = collect_source(src, &sb, "byte");
    if (rc == 0) {
        ByteArray *a = BA(self);
        rc = sb.len && ba_can_resize(a) < 0 ? -1 : ba_reserve(a, a->len + (int64_t)sb.len);
        if (rc == 0) {
            memcpy(a->data + a->len, sb.data, sb.len);
            a->len += (int64_t)sb.len;
            a->data[a->len] = 0;
        }
    }
    sb_free(&sb);
    return rc;
}

static Value ba_extend_m(Value *args, int nargs, Value kwnames) {
    if (IS_MEMORYVIEW(args[1]) && !memoryview_is_simple(args[1]))   /* CPython's bytearray_setslice */
        return err_format(&exc_TypeError, "can't set bytearray slice from memoryview");
    return ba_extend(args[0], args[1]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value ba_iadd_m(Value *args, int nargs, Value kwnames) {
    /* CPython's += takes a buffer on the argument, an export of self when it
     * is self: the resize then fails, unless it adds nothing (extend copies). */
    if (args[1] == args[0] && BA(args[0])->len > 0)
        return err_format(&exc_BufferError, "Existing exports of data: object cannot be re-sized");
    if (!is_buf(args[1]))
        return err_format(&exc_TypeError, "can't concat %s to bytearray", val_type_name(args[1]));
    return ba_extend(args[0], args[1]) < 0 ? VAL_NULL : args[0];
}

/* pop(index=-1, /): args = [self, index] */
static Value ba_pop_m(Value *args, int nargs, Value kwnames) {
    ByteArray *a = BA(args[0]);
    int64_t i = -1;
    if (!IS_NULL(args[1]) && arg_to_ssize(args[1], &i) < 0) return VAL_NULL;
    if (a->len == 0) return err_format(&exc_IndexError, "pop from empty bytearray");
    if (i < 0) i += a->len;
    if (i < 0 || i >= a->len) return err_format(&exc_IndexError, "pop index out of range");
    if (ba_can_resize(a) < 0) return VAL_NULL;
    uint8_t c = a->data[i];
    memmove(a->data + i, a->data + i + 1, (size_t)(a->len - i - 1));
    a->len--;
    a->data[a->len] = 0;
    return MK_SMALLINT(c);
}

static Value ba_insert_m(Value *args, int nargs, Value kwnames) {
    ByteArray *a = BA(args[0]);
    int64_t i;
    uint8_t c;
    if (arg_to_ssize(args[1], &i) < 0 || byte_arg(args[2], &c) < 0) return VAL_NULL;
    if (i < 0) { i += a->len; if (i < 0) i = 0; }
    if (i > a->len) i = a->len;
    if (ba_can_resize(a) < 0 || ba_reserve(a, a->len + 1) < 0) return VAL_NULL;
    memmove(a->data + i + 1, a->data + i, (size_t)(a->len - i));
    a->data[i] = c;
    a->len++;
    a->data[a->len] = 0;
    return VAL_NONE;
}

static Value ba_remove_m(Value *args, int nargs, Value kwnames) {
    ByteArray *a = BA(args[0]);
    uint8_t c;
    if (byte_arg(args[1], &c) < 0) return VAL_NULL;
    uint8_t *p = a->len ? memchr(a->data, c, (size_t)a->len) : NULL;
    if (!p) return err_format(&exc_ValueError, "value not found in bytearray");
    if (ba_can_resize(a) < 0) return VAL_NULL;
    int64_t i = p - a->data;
    memmove(p, p + 1, (size_t)(a->len - i - 1));
    a->len--;
    a->data[a->len] = 0;
    return VAL_NONE;
}

static Value ba_clear_m(Value *args, int nargs, Value kwnames) {
    if (BA(args[0])->len && ba_can_resize(BA(args[0])) < 0) return VAL_NULL;
    BA(args[0])->len = 0;
    if (BA(args[0])->data) BA(args[0])->data[0] = 0;
    return VAL_NONE;
}

static Value ba_copy_m(Value *args, int nargs, Value kwnames) {
    return bytearray_new(BA(args[0])->data, (size_t)BA(args[0])->len);
}

static Value ba_reverse_m(Value *args, int nargs, Value kwnames) {
    ByteArray *a = BA(args[0]);
    for (int64_t i = 0, j = a->len - 1; i < j; i++, j--) {
        uint8_t t = a->data[i]; a->data[i] = a->data[j]; a->data[j] = t;
    }
    return VAL_NONE;
}

/* Replace a->data[start..stop) (step 1) with src. */
static int ba_splice(ByteArray *a, int64_t start, int64_t stop, const uint8_t *src, int64_t n) {
    if (stop < start) stop = start;
    int64_t newlen = a->len - (stop - start) + n;
    if (newlen != a->len && ba_can_resize(a) < 0) return -1;
    if (ba_reserve(a, newlen) < 0) return -1;
    memmove(a->data + start + n, a->data + stop, (size_t)(a->len - stop));
    if (n) memcpy(a->data + start, src, (size_t)n);
    a->len = newlen;
    a->data[a->len] = 0;
    return 0;
}

/* CPython's bytearray_ass_subscript: the bounds, then the value's bytes
 * (copied: its iterator may change the bytearray), then, for any value but
 * another bytearray, the bounds once more (CPython calls itself again with
 * the copy), against the length left. */
static int ba_setslice(Value self, Value slice, Value v) {
    ByteArray *a = BA(self);
    int64_t start, stop, step;
    if (slice_unpack_bounds(slice, &start, &stop, &step) < 0) return -1;
    int64_t cnt = slice_adjust_bounds(a->len, &start, &stop, step);
    StrBuf sb; sb_init(&sb);
    if (!IS_NULL(v)) {
        if (IS_STR(v) || obj_is_number(v)) {
            err_format(&exc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            return -1;
        }
        if (collect_source(v, &sb, "byte") < 0) { sb_free(&sb); return -1; }
        if (v == self || !IS_BYTEARRAY(v)) {
            if (slice_unpack_bounds(slice, &start, &stop, &step) < 0) { sb_free(&sb); return -1; }
            cnt = slice_adjust_bounds(a->len, &start, &stop, step);
        }
    }
    int rc = 0;
    if (step == 1) {
        rc = ba_splice(a, start, stop, (const uint8_t *)sb.data, (int64_t)sb.len);
    } else if (IS_NULL(v) || sb.len == 0) {         /* assigning nothing deletes, as CPython */
        int64_t w = 0;
        if (cnt && ba_can_resize(a) < 0) { sb_free(&sb); return -1; }
        for (int64_t r = 0; r < a->len; r++) {
            int in = step > 0 ? (r >= start && r < stop && (r - start) % step == 0)
                              : (r <= start && r > stop && (start - r) % (-step) == 0);
            if (!in) a->data[w++] = a->data[r];
        }
        a->len = w;
        if (a->data) a->data[w] = 0;
    } else if ((int64_t)sb.len != cnt) {
        err_format(&exc_ValueError, "attempt to assign bytes of size %zd to extended slice of size %zd",
                   (size_t)sb.len, (size_t)cnt);
        rc = -1;
    } else {
        for (int64_t i = 0, j = start; i < cnt; i++, j = seq_next_index(j, step)) a->data[j] = (uint8_t)sb.data[i];
    }
    sb_free(&sb);
    return rc;
}

static Value ba_setitem_common(Value self, Value k, Value v) {
    if (IS_EXACT(k, type_slice)) return ba_setslice(self, k, v) < 0 ? VAL_NULL : VAL_NONE;
    if (!IS_INT(k) && IS_NULL(val_type(k)->slots[SM_INDEX]))
        return err_format(&exc_TypeError, "bytearray indices must be integers or slices, not %s",
                          val_type_name(k));
    ByteArray *a = BA(self);
    int64_t i;
    uint8_t c = 0;
    if (obj_index_i64(k, &i) < 0) return VAL_NULL;
    if (!IS_NULL(v) && byte_arg(v, &c) < 0) return VAL_NULL;   /* before the size check, as
                                                                 CPython (its __index__ may resize) */
    if (i < 0) i += a->len;
    if (i < 0 || i >= a->len) return err_format(&exc_IndexError, "bytearray index out of range");
    if (IS_NULL(v)) return ba_splice(a, i, i + 1, NULL, 0) < 0 ? VAL_NULL : VAL_NONE;
    a->data[i] = c;
    return VAL_NONE;
}

static Value ba_setitem_m(Value *args, int nargs, Value kwnames) {
    return ba_setitem_common(args[0], args[1], args[2]);
}

static Value ba_delitem_m(Value *args, int nargs, Value kwnames) {
    return ba_setitem_common(args[0], args[1], VAL_NULL);
}

static Value ba_imul_m(Value *args, int nargs, Value kwnames) {
    Value r = b_mul_m(args, nargs, kwnames);
    if (IS_NULL(r) || r == VAL_NOTIMPLEMENTED) return r;
    if (ba_set_contents(BA(args[0]), BA(r)->data, (size_t)BA(r)->len) < 0) return VAL_NULL;
    return args[0];
}

/* CPython's _common_reduce: (type, (latin-1 str, 'latin-1'), state) below
 * protocol 3, (type, (bytes,), state) from 3 on, (type, (), state) when empty. */
static Value ba_reduce_common(Value self, int proto) {
    Value state = obj_call_method(self, "__getstate__", NULL, 0);
    if (IS_NULL(state)) return VAL_NULL;
    ByteArray *a = BA(self);
    Value cls = MK_OBJ(val_type(self)), cargs;
    if (a->len == 0) cargs = tuple_empty();
    else if (proto < 3) {
        Value text = str_decode(a->data, (size_t)a->len, "latin-1", "strict");
        cargs = IS_NULL(text) ? VAL_NULL : tuple_pack(2, text, str_new("latin-1", 7));
    } else {
        Value b = bytes_new(a->data, (size_t)a->len);
        cargs = IS_NULL(b) ? VAL_NULL : tuple_pack(1, b);
    }
    return IS_NULL(cargs) ? VAL_NULL : tuple_pack(3, cls, cargs, state);
}

static Value ba_reduce_m(Value *args, int nargs, Value kwnames) {
    return ba_reduce_common(args[0], 2);
}

/* __reduce_ex__(proto=0, /): args = [self, proto] */
static Value ba_reduce_ex_m(Value *args, int nargs, Value kwnames) {
    int proto = 0;
    if (!IS_NULL(args[1]) && str_arg_to_int(args[1], &proto) < 0) return VAL_NULL;
    return ba_reduce_common(args[0], proto);
}

static Value ba_sizeof_m(Value *args, int nargs, Value kwnames) {
    return MK_SMALLINT((int64_t)val_type(args[0])->basicsize + BA(args[0])->cap);
}

static const MethodDef bytearray_methods[] = {
    {"__new__", bytearray_new_m, METH_STATIC, NULL},
    {"__init__", bytearray_init_m, ARGS_ANY, NULL},
    {"__hash__", NULL, 0, NULL},
    {"__setitem__", ba_setitem_m, ARGS_WRAPT(2, 2), NULL},
    {"__delitem__", ba_delitem_m, ARGS_WRAP(1), NULL},
    {"__iadd__", ba_iadd_m, ARGS_WRAP(1), NULL},
    {"__imul__", ba_imul_m, ARGS_WRAPT(1, 1), NULL},
    {"__reduce__", ba_reduce_m, ARGS_NONE, NULL},
    {"__reduce_ex__", ba_reduce_ex_m, ARGS_POS(0, 1), NULL},
    {"__sizeof__", ba_sizeof_m, ARGS_NONE, NULL},
    {"append", ba_append_m, ARGS_ONE, NULL},
    {"extend", ba_extend_m, ARGS_ONE, NULL},
    {"pop", ba_pop_m, ARGS_POS(0, 1), NULL},
    {"insert", ba_insert_m, ARGS_POS(2, 2), NULL},
    {"remove", ba_remove_m, ARGS_ONE, NULL},
    {"clear", ba_clear_m, ARGS_NONE, NULL},
    {"copy", ba_copy_m, ARGS_NONE, NULL},
    {"reverse", ba_reverse_m, ARGS_NONE, NULL},
    SHARED_METHODS,
    {NULL, NULL, 0, NULL},
};

Type type_bytearray = {
    .tp_name = "bytearray", .base = &type_object,
    .flags = TF_BASETYPE | TF_MATCH_SELF,
    .basicsize = sizeof(ByteArray), .finalize = ba_finalize,
    .getbuffer = bytearray_getbuffer, .releasebuffer = bytearray_releasebuffer,
    .methods = bytearray_methods,
};
GILPY_TYPE(type_bytearray, "bytearray");
