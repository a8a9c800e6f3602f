/* mod_struct.c - the `_struct` module: packing Python values into C structs'
 * bytes and back, for CPython's struct.py.
 *
 * A format is compiled once into a Struct object: an array of codes (the
 * format char, its repeat count, its offset) plus the total size, computed
 * under the format's byte order, size and alignment rules ('@' native with
 * alignment, '=' '<' '>' '!' standard sizes, no padding).  The module
 * functions keep the last formats' Structs in a small cache, as CPython's
 * does.  Every message is CPython's, struct.error for most. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gmp.h>
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_float.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "interp/modreg.h"

GILPY_MODULE("_struct", mod_struct_init);

static Value struct_error = VAL_NULL;       /* struct.error */
static Value struct_cache = VAL_NULL;       /* dict: format -> Struct */

typedef struct Code {
    char     fmt;        /* the format char */
    int64_t  count;      /* repeat count (the length for 's'/'p') */
    int64_t  offset;
    int      size;       /* one item's size */
} Code;

typedef struct StructObj {
    Obj      header;
    Value    format;     /* str */
    int64_t  size, nitems;
    int      ncodes;
    char     order;      /* '@', '=', '<' or '>' */
    Code    *codes;      /* gc_sys_malloc'd */
} StructObj;

extern Type type_struct;
#define AS_STRUCT(v) ((StructObj *)AS_OBJ(v))

static Value struct_err(const char *fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    Value e = call1(struct_error, str_from_c(buf));
    return IS_NULL(e) ? VAL_NULL : err_set_obj(e);
}

/* ---- compiling a format ------------------------------------------------------------ */

/* Size of format char c in order mode (native: '@'), 0 if not a format char. */
static int code_size(char c, char order) {
    int native = order == '@';
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return native ? (int)sizeof(long) : 4;
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': case 'P': return native ? 8 : 0;
    default: return 0;
    }
}

static int struct_compile(StructObj *so, const char *f, int64_t flen) {
    const char *p = f, *e = f + flen;
    char order = '@';
    if (p < e && strchr("@=<>!", *p) && *p) { order = *p == '!' ? '>' : *p; p++; }
    int ncodes = 0;
    int64_t size = 0, nitems = 0;
    Code *codes = NULL;
    for (int pass = 0; pass < 2; pass++) {
        const char *q = p;
        int nc = 0;
        size = 0; nitems = 0;
        while (q < e) {
            char c = *q;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') { q++; continue; }
            int64_t num = 1;
            if (c >= '0' && c <= '9') {
                num = 0;
                while (q < e && *q >= '0' && *q <= '9') {
                    if (num > (INT64_MAX - 9) / 10) { struct_err("total struct size too long"); goto fail; }
                    num = num * 10 + (*q++ - '0');
                }
                if (q == e) { struct_err("repeat count given without format specifier"); goto fail; }
                c = *q;
            }
            int sz = code_size(c, order);
            if (!sz) { struct_err("bad char in struct format"); goto fail; }
            q++;
            if (order == '@' && sz > 1 && c != 's' && c != 'p') size = (size + sz - 1) / sz * sz;
            if (num > (INT64_MAX - size) / sz) { struct_err("total struct size too long"); goto fail; }
            if (c != 'x') {               /* pad bytes only take room */
                if (pass) codes[nc] = (Code){c, num, size, sz};
                nc++;
                nitems += c == 's' || c == 'p' ? 1 : num;
            }
            size += num * sz;
        }
        if (!pass) {
            ncodes = nc;
            codes = gc_sys_malloc(sizeof(Code) * (size_t)(nc ? nc : 1));
            if (!codes) { err_no_memory(); return -1; }
        }
    }
    so->codes = codes;
    so->ncodes = ncodes;
    so->size = size;
    so->nitems = nitems;
    so->order = order;
    return 0;
fail:
    free(codes);
    return -1;
}

/* ---- packing ----------------------------------------------------------------------- */

static void put_uint(uint8_t *b, uint64_t v, int n, int little) {
    for (int k = 0; k < n; k++) b[little ? k : n - 1 - k] = (uint8_t)(v >> (8 * k));
}

static uint64_t get_uint(const uint8_t *b, int n, int little) {
    uint64_t v = 0;
    for (int k = 0; k < n; k++) v |= (uint64_t)b[little ? k : n - 1 - k] << (8 * k);
    return v;
}

/* The range error CPython 3.11 gives: b/B/h/H come from its native table
 * ("short format requires ...", also for '<' and '='; '>' has its own for
 * h/H), the others say "'i' format requires ...", and a value beyond 64 bits
 * "argument out of range" ('>' q/Q: "int too large to convert"). */
static void int_range_err(char c, int n, char order, int beyond64, int is_signed) {
    int named = c == 'b' || c == 'B' || ((c == 'h' || c == 'H') && order != '>');
    int big8 = order == '>' && n == 8;
    if (beyond64 || (!is_signed && !named && n == 8)) {
        struct_err(big8 ? "int too large to convert" : "argument out of range");
        return;
    }
    long long lo = is_signed ? -(1LL << (8 * n - 1)) : 0;
    unsigned long long hi = is_signed ? (1ULL << (8 * n - 1)) - 1 : (1ULL << (8 * n)) - 1;
    if (named)
        struct_err("%s format requires %lld <= number <= %llu", c == 'b' ? "byte" : c == 'B' ? "ubyte"
                   : c == 'h' ? "short" : "ushort", lo, hi);
    else struct_err("'%c' format requires %lld <= number <= %llu", c, lo, hi);
}

/* An integer argument as n bytes: __index__, range checked as CPython's. */
static int pack_int(uint8_t *b, Value v, char c, int n, char order) {
    Value iv = IS_INT(v) ? v : obj_index(v);
    if (IS_NULL(iv)) {
        if (err_matches(&exc_TypeError)) { err_clear(); struct_err("required argument is not an integer"); }
        return -1;
    }
    int is_signed = c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n';
    int named_u = (c == 'B' || c == 'H') && !(order == '>' && c == 'H');
    mpz_t z;
    mpz_init(z);
    int_to_mpz(iv, z);
    int fits_i64 = mpz_fits_slong_p(z), neg = mpz_sgn(z) < 0;
    int fits_u64 = !neg && mpz_sizeinbase(z, 2) <= 64;
    uint64_t u = fits_i64 ? (uint64_t)mpz_get_si(z) : fits_u64 ? (uint64_t)mpz_get_ui(z) : 0;
    mpz_clear(z);
    int bits = 8 * n;
    if (is_signed || named_u) {
        int64_t x = (int64_t)u;
        int ok = fits_i64 && (n == 8 || (is_signed ? x >= -(1LL << (bits - 1)) && x < (1LL << (bits - 1))
                                                   : x >= 0 && x < (1LL << bits)));
        if (!ok) { int_range_err(c, n, order, !fits_i64, is_signed); return -1; }
    } else {
        if (!fits_u64) {
            if (neg && order != '>' && n < 8) struct_err("argument out of range");
            else int_range_err(c, n, order, 1, 0);
            return -1;
        }
        if (n < 8 && u >> bits) { int_range_err(c, n, order, 0, 0); return -1; }
    }
    put_uint(b, u, n, order != '>');
    return 0;
}

/* float -> IEEE half, round half to even; -1 OverflowError */
static int half_pack(double x, uint16_t *out) {
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    double a = fabs(x);
    if (isnan(x)) { *out = sign | 0x7E00; return 0; }
    if (isinf(x)) { *out = sign | 0x7C00; return 0; }
    int e;
    double f = frexp(a, &e);          /* a = f * 2^e, 0.5 <= f < 1 */
    if (a == 0) { *out = sign; return 0; }
    if (e > 16 || (e == 16 && f >= 1 - 1.0 / 4096)) {   /* rounds past 65504 */
        if (a >= 65520.0) {
            err_format(&exc_OverflowError, "float too large to pack with e format");
            return -1;
        }
    }
    uint32_t bits;
    if (e < -13) {                    /* subnormal: units of 2^-24 */
        double m = ldexp(a, 24);
        double r = nearbyint(m);
        bits = (uint32_t)r;           /* may round up into the normal range */
    } else {
        double m = ldexp(f, 11);      /* 1024 <= m < 2048 */
        double r = nearbyint(m);
        uint32_t mant = (uint32_t)r;
        int ex = e - 1 + 15;
        if (mant == 2048) { mant = 1024; ex++; }
        if (ex >= 31) {
            err_format(&exc_OverflowError, "float too large to pack with e format");
            return -1;
        }
        bits = ((uint32_t)ex << 10) | (mant & 0x3FF);
    }
    *out = (uint16_t)(sign | bits);
    return 0;
}

static double half_unpack(uint16_t h) {
    int ex = (h >> 10) & 0x1F, mant = h & 0x3FF;
    double v = ex == 0 ? ldexp(mant, -24) : ex == 31 ? (mant ? (double)NAN : (double)INFINITY) : ldexp(mant + 1024, ex - 25);
    return h & 0x8000 ? -v : v;
}

static int pack_float(uint8_t *b, Value v, char c, char order) {
    int little = order != '>';
    double x;
    if (arg_to_double(v, &x) < 0) {
        if (err_matches(&exc_TypeError)) { err_clear(); struct_err("required argument is not a float"); }
        return -1;
    }
    if (c == 'e') {
        uint16_t h;
        if (half_pack(x, &h) < 0) return -1;
        put_uint(b, h, 2, little);
    } else if (c == 'f') {
        float f = (float)x;
        if (isinf(f) && !isinf(x) && order != '@') {
            err_format(&exc_OverflowError, "float too large to pack with f format");
            return -1;
        }
        uint32_t u;
        memcpy(&u, &f, 4);
        put_uint(b, u, 4, little);
    } else {
        uint64_t u;
        memcpy(&u, &x, 8);
        put_uint(b, u, 8, little);
    }
    return 0;
}

static int pack_one(uint8_t *b, const Code *cd, Value v, char order) {
    char c = cd->fmt;
    switch (c) {
    case 'c':
        if (!IS_BYTES(v) || AS_BYTES(v)->len != 1) {
            struct_err("char format requires a bytes object of length 1");
            return -1;
        }
        b[0] = AS_BYTES(v)->data[0];
        return 0;
    case '?': {
        int t = obj_truthy(v);
        if (t < 0) return -1;
        b[0] = (uint8_t)t;
        return 0;
    }
    case 'e': case 'f': case 'd': return pack_float(b, v, c, order);
    case 's': case 'p': {
        const uint8_t *d; int64_t n;
        if (!(IS_BYTES(v) || IS_BYTEARRAY(v)) || bytes_view(v, &d, &n) < 0) {
            err_clear();
            struct_err("argument for '%c' must be a bytes object", c);
            return -1;
        }
        int64_t room = c == 'p' ? cd->count - 1 : cd->count;
        if (room < 0) room = 0;
        if (n > room) n = room;
        memset(b, 0, (size_t)cd->count);
        if (c == 'p') {
            if (cd->count > 0) { memcpy(b + 1, d, (size_t)n); b[0] = (uint8_t)(n > 255 ? 255 : n); }
        } else memcpy(b, d, (size_t)n);
        return 0;
    }
    case 'P':
        return pack_int(b, v, 'N', 8, order);
    default:
        return pack_int(b, v, c, cd->size, order);
    }
}

/* Pack args[0..n) into buf (so->size bytes, zeroed first). */
static int struct_pack_into_buf(StructObj *so, uint8_t *buf, Value *args, int64_t n, const char *what) {
    if (n != so->nitems) {
        struct_err("%s expected %lld items for packing (got %lld)", what, (long long)so->nitems, (long long)n);
        return -1;
    }
    memset(buf, 0, (size_t)so->size);
    int64_t k = 0;
    for (int i = 0; i < so->ncodes; i++) {
        const Code *cd = &so->codes[i];
        if (cd->fmt == 's' || cd->fmt == 'p') {
            if (pack_one(buf + cd->offset, cd, args[k++], so->order) < 0) return -1;
            continue;
        }
        for (int64_t r = 0; r < cd->count; r++)
            if (pack_one(buf + cd->offset + r * cd->size, cd, args[k++], so->order) < 0) return -1;
    }
    return 0;
}

/* ---- unpacking --------------------------------------------------------------------- */

static Value unpack_one(const uint8_t *b, const Code *cd, char order) {
    char c = cd->fmt;
    int little = order != '>';
    switch (c) {
    case 'c': return bytes_new(b, 1);
    case '?': return b[0] ? VAL_TRUE : VAL_FALSE;
    case 's': return bytes_new(b, (size_t)cd->count);
    case 'p': {
        int64_t n = cd->count ? b[0] : 0;
        if (n >= cd->count) n = cd->count ? cd->count - 1 : 0;
        return bytes_new(b + 1, (size_t)n);
    }
    case 'e': return MK_FLOAT(half_unpack((uint16_t)get_uint(b, 2, little)));
    case 'f': {
        uint32_t u = (uint32_t)get_uint(b, 4, little);
        float f;
        memcpy(&f, &u, 4);
        return MK_FLOAT_SAFE((double)f);
    }
    case 'd': {
        uint64_t u = get_uint(b, 8, little);
        double d;
        memcpy(&d, &u, 8);
        return MK_FLOAT_SAFE(d);
    }
    default: {
        int n = cd->size;
        uint64_t u = get_uint(b, n, little);
        int is_signed = c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n';
        if (!is_signed) return int_from_u64(u);
        if (n < 8 && (u >> (8 * n - 1)) & 1) u |= ~0ULL << (8 * n);
        return int_from_i64((int64_t)u);
    }
    }
}

static Value struct_unpack_buf(StructObj *so, const uint8_t *buf) {
    Value t = tuple_new(so->nitems);
    if (IS_NULL(t)) return VAL_NULL;
    for (int64_t k = 0; k < so->nitems; k++) AS_TUPLE(t)->items[k] = VAL_NONE;
    int64_t k = 0;
    for (int i = 0; i < so->ncodes; i++) {
        const Code *cd = &so->codes[i];
        int64_t reps = cd->fmt == 's' || cd->fmt == 'p' ? 1 : cd->count;
        for (int64_t r = 0; r < reps; r++) {
            Value v = unpack_one(buf + cd->offset + r * cd->size, cd, so->order);
            if (IS_NULL(v)) return VAL_NULL;
            AS_TUPLE(t)->items[k++] = v;
        }
    }
    return t;
}

/* ---- the Struct type --------------------------------------------------------------- */

static void struct_trace(Obj *o) { gc_mark_value(((StructObj *)o)->format); }
static void struct_finalize(Obj *o) { free(((StructObj *)o)->codes); ((StructObj *)o)->codes = NULL; }

static Value struct_make(Type *cls, Value fmt) {
    Value f = fmt;
    if (IS_BYTES(fmt)) f = str_decode(AS_BYTES(fmt)->data, (size_t)AS_BYTES(fmt)->len, "ascii", "strict");
    else if (!IS_STR(fmt))
        return err_format(&exc_TypeError, "Struct() argument 1 must be a str or bytes object, not %T", fmt);
    if (IS_NULL(f)) return VAL_NULL;
    if (memchr(STR_DATA(f), '\0', (size_t)STR_LEN(f))) return struct_err("embedded null character");
    StructObj *so = (StructObj *)obj_new_instance(cls);
    if (!so) return VAL_NULL;
    so->format = f;
    if (struct_compile(so, STR_DATA(f), STR_LEN(f)) < 0) return VAL_NULL;
    return MK_OBJ(so);
}

/* Struct(format): ARGS_ANY, args[0] the class */
static Value struct_new_m(Value *args, int nargs, Value kwnames) {
    int nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    if (nargs + nkw == 2 && (nkw == 0 || str_eq_c(AS_TUPLE(kwnames)->items[0], "format")))
        return struct_make(AS_TYPE(args[0]), args[1]);
    if (nargs + nkw > 2)
        return err_format(&exc_TypeError, "Struct() takes at most 1 argument (%d given)", nargs + nkw - 1);
    return err_format(&exc_TypeError, "Struct() missing required argument 'format' (pos 1)");
}

static Value struct_pack_m(Value *args, int nargs, Value kwnames) {
    StructObj *so = AS_STRUCT(args[0]);
    Bytes *b = bytes_alloc((size_t)so->size);
    if (!b) return VAL_NULL;
    if (struct_pack_into_buf(so, b->data, args + 1, nargs - 1, "pack") < 0) return VAL_NULL;
    return MK_OBJ(b);
}

static Value struct_pack_into_m(Value *args, int nargs, Value kwnames) {
    StructObj *so = AS_STRUCT(args[0]);
    if (nargs - 1 != so->nitems + 2) {
        if (nargs == 1) return struct_err("pack_into expected buffer argument");
        if (nargs == 2) return struct_err("pack_into expected offset argument");
        return struct_err("pack_into expected %lld items for packing (got %lld)",
                          (long long)so->nitems, (long long)(nargs - 3));
    }
    Buffer view;
    if (buffer_get(args[1], &view, BUF_WRITABLE) < 0) {
        err_clear();
        return err_format(&exc_TypeError, "argument must be read-write bytes-like object, not %T", args[1]);
    }
    int64_t off;
    Value r = VAL_NULL;
    if (obj_index_i64(args[2], &off) < 0) goto done;
    if (off < 0) {
        if (off + so->size > 0) { struct_err("no space to pack %lld bytes at offset %lld", (long long)so->size, (long long)off); goto done; }
        if (off + view.len < 0) { struct_err("offset %lld out of range for %lld-byte buffer", (long long)off, (long long)view.len); goto done; }
        off += view.len;
    }
    if (view.len - off < so->size) {
        struct_err("pack_into requires a buffer of at least %llu bytes for packing %lld bytes at offset %lld "
                   "(actual buffer size is %lld)", (unsigned long long)so->size + (unsigned long long)off, (long long)so->size,
                   (long long)off, (long long)view.len);
        goto done;
    }
    uint8_t *tmp = gc_sys_malloc((size_t)so->size + 1);
    if (!tmp) { err_no_memory(); goto done; }
    if (struct_pack_into_buf(so, tmp, args + 3, nargs - 3, "pack_into") == 0) {
        memcpy(view.buf + off, tmp, (size_t)so->size);
        r = VAL_NONE;
    }
    free(tmp);
done:
    buffer_release(&view);
    return r;
}

static Value struct_unpack_m(Value *args, int nargs, Value kwnames) {
    StructObj *so = AS_STRUCT(args[0]);
    Buffer view;
    if (buffer_get(args[1], &view, BUF_SIMPLE) < 0) return VAL_NULL;
    Value r = view.len != so->size ? struct_err("unpack requires a buffer of %lld bytes", (long long)so->size)
                                   : struct_unpack_buf(so, view.buf);
    buffer_release(&view);
    return r;
}

/* unpack_from(buffer, offset=0) */
static Value struct_unpack_from_m(Value *args, int nargs, Value kwnames) {
    StructObj *so = AS_STRUCT(args[0]);
    int64_t off = 0;
    if (!IS_NULL(args[2]) && obj_index_i64(args[2], &off) < 0) return VAL_NULL;
    Buffer view;
    if (buffer_get(args[1], &view, BUF_SIMPLE) < 0) return VAL_NULL;
    Value r = VAL_NULL;
    if (off < 0) {
        if (off + so->size > 0) {
            struct_err("not enough data to unpack %lld bytes at offset %lld", (long long)so->size, (long long)off);
            goto done;
        }
        if (off + view.len < 0) {
            struct_err("offset %lld out of range for %lld-byte buffer", (long long)off, (long long)view.len);
            goto done;
        }
        off += view.len;
    }
    if (view.len - off < so->size) {
        struct_err("unpack_from requires a buffer of at least %llu bytes for unpacking %lld bytes at offset "
                        "%lld (actual buffer size is %lld)", (unsigned long long)so->size + (unsigned long long)off, (long long)so->size,
                        (long long)off, (long long)view.len);
        goto done;
    }
    r = struct_unpack_buf(so, view.buf + off);
done:
    buffer_release(&view);
    return r;
}

static Value struct_iter_unpack_m(Value *args, int nargs, Value kwnames) {
    StructObj *so = AS_STRUCT(args[0]);
    if (so->size == 0) return struct_err("cannot iteratively unpack with a struct of length 0");
    Buffer view;
    if (buffer_get(args[1], &view, BUF_SIMPLE) < 0) return VAL_NULL;
    Value r = VAL_NULL;
    if (view.len % so->size) {
        struct_err("iterative unpacking requires a buffer of a multiple of %lld bytes", (long long)so->size);
        goto done;
    }
    Value l = list_new(0);
    if (IS_NULL(l)) goto done;
    for (int64_t off = 0; off < view.len; off += so->size) {
        Value t = struct_unpack_buf(so, view.buf + off);
        if (IS_NULL(t) || list_append(l, t) < 0) goto done;
    }
    r = obj_iter(l);
done:
    buffer_release(&view);
    return r;
}

static Value struct_format_get(Value self) { return AS_STRUCT(self)->format; }
static Value struct_size_get(Value self) { return int_from_i64(AS_STRUCT(self)->size); }

static Value struct_repr_m(Value *args, int nargs, Value kwnames) {
    Value r = obj_repr(AS_STRUCT(args[0])->format);
    return IS_NULL(r) ? r : str_format_c("Struct(%U)", r);
}

static const MethodDef struct_methods[] = {
    {"__new__", struct_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"pack", struct_pack_m, ARGS_VAR, "S.pack(v1, v2, ...) -> bytes"},
    {"pack_into", struct_pack_into_m, ARGS_VAR, "S.pack_into(buffer, offset, v1, v2, ...)"},
    {"unpack", struct_unpack_m, ARGS_ONE, "Return a tuple containing unpacked values."},
    {"unpack_from", struct_unpack_from_m, ARGS_KW, "Return a tuple containing unpacked values.",
     "($self, /, buffer, offset=0)"},
    {"iter_unpack", struct_iter_unpack_m, ARGS_ONE, "Return an iterator yielding tuples."},
    {"__repr__", struct_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef struct_getsets[] = {
    {"format", struct_format_get, getset_readonly, "struct format string"},
    {"size", struct_size_get, getset_readonly, "struct size in bytes"},
    {NULL, NULL, NULL, NULL},
};

Type type_struct = {
    .tp_name = "_struct.Struct", .base = &type_object, .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .basicsize = sizeof(StructObj), .trace = struct_trace, .finalize = struct_finalize,
    .methods = struct_methods, .getsets = struct_getsets,
};
GILPY_TYPE(type_struct, NULL);

/* ---- module functions: a cached Struct per format -------------------------------------- */

static Value struct_cached(Value fmt) {
    Value s = (IS_STR(fmt) || IS_BYTES(fmt)) ? dict_get(struct_cache, fmt) : VAL_NULL;
    if (!IS_NULL(s) || err_occurred()) return s;
    s = struct_make(&type_struct, fmt);
    if (IS_NULL(s)) return VAL_NULL;
    if (AS_DICT(struct_cache)->used >= 100) {
        Value d = dict_new();
        if (IS_NULL(d)) return VAL_NULL;
        struct_cache = d;
    }
    return dict_set(struct_cache, fmt, s) < 0 ? VAL_NULL : s;
}

/* f(format, *rest): call the Struct method on the rest */
static Value struct_forward(Value *args, int nargs, Value (*m)(Value *, int, Value)) {
    Value s = struct_cached(args[0]);
    if (IS_NULL(s)) return VAL_NULL;
    Value saved = args[0];
    args[0] = s;
    Value r = m(args, nargs, VAL_NULL);
    args[0] = saved;
    return r;
}

static Value mod_struct_pack(Value *args, int nargs, Value kwnames) {
    if (nargs < 1) return err_format(&exc_TypeError, "pack expected at least 1 argument, got 0");
    return struct_forward(args, nargs, struct_pack_m);
}
static Value mod_struct_pack_into(Value *args, int nargs, Value kwnames) {
    if (nargs < 1) return err_format(&exc_TypeError, "pack_into expected at least 1 argument, got 0");
    return struct_forward(args, nargs, struct_pack_into_m);
}
static Value mod_struct_unpack(Value *args, int nargs, Value kwnames) {
    return struct_forward(args, nargs, struct_unpack_m);
}
static Value mod_struct_unpack_from(Value *args, int nargs, Value kwnames) {
    return struct_forward(args, nargs, struct_unpack_from_m);
}
static Value mod_struct_iter_unpack(Value *args, int nargs, Value kwnames) {
    return struct_forward(args, nargs, struct_iter_unpack_m);
}
static Value mod_struct_calcsize(Value *args, int nargs, Value kwnames) {
    Value s = struct_cached(args[0]);
    return IS_NULL(s) ? s : int_from_i64(AS_STRUCT(s)->size);
}
static Value mod_struct_clearcache(Value *args, int nargs, Value kwnames) {
    Value d = dict_new();
    if (IS_NULL(d)) return d;
    struct_cache = d;
    return VAL_NONE;
}

static const MethodDef mod_struct_functions[] = {
    {"pack", mod_struct_pack, ARGS_VAR, "pack(format, v1, v2, ...) -> bytes"},
    {"pack_into", mod_struct_pack_into, ARGS_VAR, "pack_into(format, buffer, offset, v1, v2, ...)"},
    {"unpack", mod_struct_unpack, ARGS_POS(2, 2), "Return a tuple containing values unpacked according to the format string."},
    {"unpack_from", mod_struct_unpack_from, ARGS_KW, "Return a tuple containing values unpacked according to the format string.",
     "($module, format, /, buffer, offset=0)"},
    {"iter_unpack", mod_struct_iter_unpack, ARGS_POS(2, 2), "Return an iterator yielding tuples unpacked from the given bytes."},
    {"calcsize", mod_struct_calcsize, ARGS_ONE, "Return size in bytes of the struct described by the format string."},
    {"_clearcache", mod_struct_clearcache, ARGS_NONE, "Clear the internal cache."},
    {NULL, NULL, 0, NULL},
};

Value mod_struct_init(void) {
    Value m = module_new_c("_struct");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    if (IS_NULL(struct_error)) {
        gc_add_root(&struct_error);
        gc_add_root(&struct_cache);
        struct_cache = dict_new();
        struct_error = exc_new_class("struct", "error", &exc_Exception);
        if (IS_NULL(struct_cache) || IS_NULL(struct_error)) return VAL_NULL;
    }
    dict_add_methods(d, mod_struct_functions, m);
    if (dict_set_c(d, "error", struct_error) < 0 || dict_set_c(d, "Struct", MK_OBJ(&type_struct)) < 0)
        return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
