/* mod_array.c - the `array` module: array.array, a mutable sequence of C
 * numbers (or 'u' characters) stored packed, as CPython 3.11's arraymodule.c.
 *
 * An array is its typecode's descriptor plus one gc_malloc'd block of len
 * items of itemsize bytes (cap allocated).  Every item goes through two
 * steps: item_convert turns a Python value into a C Item with CPython's
 * checks and messages (it may run __index__/__float__, which may change the
 * array), then item_store writes it; reads go through item_load.  So no
 * pointer into the block is kept across Python code.
 *
 * The block is exported through the buffer protocol with the typecode as
 * the struct format ('u' as "w", UCS4, as CPython does), so memoryview,
 * bytes(), struct.pack_into and file writes see the items in place.  While
 * exports are held the array keeps its size ("cannot resize an array that
 * is exporting buffers"), the same rule bytearray follows.
 *
 * Pickling: __reduce_ex__ gives (array, (typecode, list)) for protocols 0-2
 * and array._array_reconstructor(cls, typecode, machine format, bytes) from
 * protocol 3 on; the reconstructor decodes the 22 machine formats CPython
 * names (any integer size and endianness, IEEE floats, UTF-16/32). */
#include <math.h>
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
#include "runtime/strbuf.h"
#include "interp/import.h"
#include "interp/modreg.h"

GILPY_MODULE("array", mod_array_init);

/* ---- typecodes and machine formats -------------------------------------------------- */

enum { K_SIGNED, K_UNSIGNED, K_FLOAT, K_CHAR };

/* CPython's machine format codes (the third argument of _array_reconstructor). */
enum {
    MF_U8, MF_S8, MF_U16_LE, MF_U16_BE, MF_S16_LE, MF_S16_BE, MF_U32_LE, MF_U32_BE,
    MF_S32_LE, MF_S32_BE, MF_U64_LE, MF_U64_BE, MF_S64_LE, MF_S64_BE,
    MF_F32_LE, MF_F32_BE, MF_F64_LE, MF_F64_BE, MF_UTF16_LE, MF_UTF16_BE, MF_UTF32_LE, MF_UTF32_BE,
    MF_COUNT
};

/* What each machine format holds: item size, kind (K_*), big-endian.  The sizes
 * of the UTF formats are CPython's (twice the code unit), which its length check uses. */
static const struct { int8_t size, kind, big; } mformats[MF_COUNT] = {
    {1, K_UNSIGNED, 0}, {1, K_SIGNED, 0}, {2, K_UNSIGNED, 0}, {2, K_UNSIGNED, 1},
    {2, K_SIGNED, 0}, {2, K_SIGNED, 1}, {4, K_UNSIGNED, 0}, {4, K_UNSIGNED, 1},
    {4, K_SIGNED, 0}, {4, K_SIGNED, 1}, {8, K_UNSIGNED, 0}, {8, K_UNSIGNED, 1},
    {8, K_SIGNED, 0}, {8, K_SIGNED, 1}, {4, K_FLOAT, 0}, {4, K_FLOAT, 1},
    {8, K_FLOAT, 0}, {8, K_FLOAT, 1}, {4, K_CHAR, 0}, {4, K_CHAR, 1}, {8, K_CHAR, 0}, {8, K_CHAR, 1},
};

typedef struct ArrayDesc {
    char typecode;
    int  itemsize;
    int  kind;              /* K_* */
    int  mformat;           /* MF_* of the native (little-endian) layout */
    const char *cname;      /* the C type in the range errors */
} ArrayDesc;

static const ArrayDesc descs[] = {
    {'b', 1, K_SIGNED, MF_S8, "signed char"},
    {'B', 1, K_UNSIGNED, MF_U8, "unsigned byte integer"},
    {'u', 4, K_CHAR, MF_UTF32_LE, NULL},
    {'h', 2, K_SIGNED, MF_S16_LE, "signed short integer"},
    {'H', 2, K_UNSIGNED, MF_U16_LE, "unsigned short"},
    {'i', 4, K_SIGNED, MF_S32_LE, "signed integer"},
    {'I', 4, K_UNSIGNED, MF_U32_LE, "unsigned int"},
    {'l', 8, K_SIGNED, MF_S64_LE, NULL},
    {'L', 8, K_UNSIGNED, MF_U64_LE, NULL},
    {'q', 8, K_SIGNED, MF_S64_LE, NULL},
    {'Q', 8, K_UNSIGNED, MF_U64_LE, NULL},
    {'f', 4, K_FLOAT, MF_F32_LE, NULL},
    {'d', 8, K_FLOAT, MF_F64_LE, NULL},
};
#define NDESCS ((int)(sizeof descs / sizeof descs[0]))

static const ArrayDesc *desc_for(uint32_t c) {
    for (int i = 0; i < NDESCS; i++)
        if ((uint32_t)descs[i].typecode == c) return &descs[i];
    return NULL;
}

/* ---- the object ---------------------------------------------------------------------- */

typedef struct ArrayObj {
    Obj      header;
    const ArrayDesc *d;
    uint8_t *data;          /* gc_malloc'd, cap items */
    int64_t  len, cap;
    int64_t  exports;       /* Buffers handed out and not given back */
} ArrayObj;

typedef struct ArrayIter {
    Obj     header;
    Value   array;          /* VAL_NULL once exhausted */
    int64_t index;
} ArrayIter;

Type type_array, type_array_iterator;
static Value array_reconstructor = VAL_NULL;    /* the module's _array_reconstructor */

#define AS_ARRAY(v)  ((ArrayObj *)AS_OBJ(v))
#define SELF         AS_ARRAY(args[0])
#define IS_ARRAY(v)  (IS_OBJ(v) && type_is_subtype(AS_OBJ(v)->type, &type_array))
#define ITEM(a, i)   ((a)->data + (i) * (a)->d->itemsize)

static void array_finalize(Obj *o) {
    ArrayObj *a = (ArrayObj *)o;
    if (a->data) gc_free(a->data, (size_t)(a->cap * a->d->itemsize));
    a->data = NULL;
    a->len = a->cap = 0;
}

static Value resize_refused(void) {
    return err_format(&exc_BufferError, "cannot resize an array that is exporting buffers");
}

/* May the array change its size?  Views Python code can no longer reach give
 * their exports back first (obj_memoryview.c). */
static int array_can_resize(ArrayObj *a) {
    if (a->exports == 0) return 0;
    memoryview_release_dropped();
    if (a->exports == 0) return 0;
    resize_refused();
    return -1;
}

/* Room for n items (growing by about an eighth, as CPython's array_resize). */
static int array_reserve(ArrayObj *a, int64_t n) {
    if (n <= a->cap) return 0;
    int64_t isz = a->d->itemsize;
    if (n > INT64_MAX / 2 / isz) { err_no_memory(); return -1; }
    int64_t ncap = n + (n >> 4) + (n < 8 ? 3 : 7);
    uint8_t *p = a->data ? gc_realloc(a->data, (size_t)(a->cap * isz), (size_t)(ncap * isz))
                         : gc_malloc((size_t)(ncap * isz));
    if (!p) return -1;
    a->data = p;
    a->cap = ncap;
    return 0;
}

/* Set the length to n (new items uninitialised), refused while exported. */
static int array_resize(ArrayObj *a, int64_t n) {
    if (n != a->len && array_can_resize(a) < 0) return -1;
    if (array_reserve(a, n) < 0) return -1;
    a->len = n;
    return 0;
}

static ArrayObj *array_alloc(Type *cls, const ArrayDesc *d, int64_t n) {
    ArrayObj *a = (ArrayObj *)obj_new_instance(cls);
    if (!a) return NULL;
    a->d = d;
    return array_resize(a, n) < 0 ? NULL : a;
}

/* ---- items --------------------------------------------------------------------------- */

typedef union Item { int64_t i; uint64_t u; double f; uint32_t c; } Item;

static int int_range_error(const char *what, const char *cname, int greater) {
    if (cname) err_format(&exc_OverflowError, "%s is %s", cname, greater ? "greater than maximum" : "less than minimum");
    else err_format(&exc_OverflowError, "%s", what);
    return -1;
}

/* An integer item: __index__, then the range of the C type, with the message
 * CPython's converter for that typecode gives. */
static int item_convert_int(const ArrayDesc *d, Value v, Item *out) {
    Value iv = IS_INT(v) ? v : obj_index(v);
    if (IS_NULL(iv)) return -1;
    int neg, fits_i64, fits_u64;
    int64_t si = 0;
    uint64_t ui = 0;
    if (!IS_OBJ(iv) || IS_BOOL(iv)) {
        int64_t x;
        if (int_to_i64(iv, &x) < 0) return -1;
        si = x; ui = (uint64_t)x; neg = x < 0; fits_i64 = 1; fits_u64 = !neg;
    } else {
        mpz_t z;
        mpz_init(z);
        int_to_mpz(iv, z);
        neg = mpz_sgn(z) < 0;
        fits_i64 = mpz_fits_slong_p(z);
        fits_u64 = !neg && mpz_sizeinbase(z, 2) <= 64;
        if (fits_i64) si = mpz_get_si(z);
        if (fits_u64) { mpz_fdiv_r_2exp(z, z, 64); ui = (uint64_t)mpz_get_ui(z); }
        mpz_clear(z);
    }
    char tc = d->typecode;
    if (d->kind == K_SIGNED) {
        if (!fits_i64)
            return int_range_error(tc == 'q' ? "int too big to convert" : "Python int too large to convert to C long",
                                   NULL, 0);
        if (d->itemsize < 8) {
            int64_t hi = (INT64_C(1) << (8 * d->itemsize - 1)) - 1;
            if (si > hi || si < -hi - 1) return int_range_error(NULL, d->cname, si > hi);
        }
        out->i = si;
        return 0;
    }
    if (tc == 'B' || tc == 'H') {              /* through a C long, then the range */
        if (!fits_i64) return int_range_error("Python int too large to convert to C long", NULL, 0);
        int64_t hi = (INT64_C(1) << (8 * d->itemsize)) - 1;
        if (si < 0 || si > hi) return int_range_error(NULL, d->cname, si > hi);
        out->u = (uint64_t)si;
        return 0;
    }
    if (neg) return int_range_error(tc == 'Q' ? "can't convert negative int to unsigned"
                                              : "can't convert negative value to unsigned int", NULL, 0);
    if (!fits_u64) return int_range_error(tc == 'Q' ? "int too big to convert"
                                                    : "Python int too large to convert to C unsigned long", NULL, 0);
    if (tc == 'I' && ui > UINT32_MAX) return int_range_error(NULL, d->cname, 1);
    out->u = ui;
    return 0;
}

static int item_convert(const ArrayDesc *d, Value v, Item *out) {
    switch (d->kind) {
    case K_FLOAT: return arg_to_double(v, &out->f);
    case K_CHAR:
        if (!IS_STR(v) || AS_STR(v)->nchars != 1) {
            err_format(&exc_TypeError, "array item must be unicode character");
            return -1;
        }
        out->c = str_char_at(v, 0);
        return 0;
    default: return item_convert_int(d, v, out);
    }
}

static void item_store(uint8_t *p, const ArrayDesc *d, const Item *it) {
    switch (d->typecode) {
    case 'b': { int8_t x = (int8_t)it->i; memcpy(p, &x, 1); break; }
    case 'B': { uint8_t x = (uint8_t)it->u; memcpy(p, &x, 1); break; }
    case 'h': { int16_t x = (int16_t)it->i; memcpy(p, &x, 2); break; }
    case 'H': { uint16_t x = (uint16_t)it->u; memcpy(p, &x, 2); break; }
    case 'i': { int32_t x = (int32_t)it->i; memcpy(p, &x, 4); break; }
    case 'I': { uint32_t x = (uint32_t)it->u; memcpy(p, &x, 4); break; }
    case 'u': memcpy(p, &it->c, 4); break;
    case 'f': { float x = (float)it->f; memcpy(p, &x, 4); break; }
    case 'd': memcpy(p, &it->f, 8); break;
    default: memcpy(p, &it->u, 8); break;      /* l L q Q */
    }
}

static Value item_load(const uint8_t *p, const ArrayDesc *d) {
    union { int8_t i8; uint8_t u8; int16_t i16; uint16_t u16; int32_t i32; uint32_t u32;
            int64_t i64; uint64_t u64; float f; double dd; } x;
    memcpy(&x, p, (size_t)d->itemsize);
    switch (d->typecode) {
    case 'b': return MK_SMALLINT(x.i8);
    case 'B': return MK_SMALLINT(x.u8);
    case 'h': return MK_SMALLINT(x.i16);
    case 'H': return MK_SMALLINT(x.u16);
    case 'i': return MK_SMALLINT(x.i32);
    case 'I': return MK_SMALLINT(x.u32);
    case 'l': case 'q': return int_from_i64(x.i64);
    case 'L': case 'Q': return int_from_u64(x.u64);
    case 'f': return MK_FLOAT_SAFE((double)x.f);
    case 'd': return MK_FLOAT_SAFE(x.dd);
    default:
        if (x.u32 > 0x10ffff) return err_format(&exc_ValueError, "chr() arg not in range(0x110000)");
        return str_from_codepoint(x.u32);
    }
}

static Value array_item(ArrayObj *a, int64_t i) { return item_load(ITEM(a, i), a->d); }

/* Append one Python value (converted before the array grows). */
static int array_append_value(ArrayObj *a, Value v) {
    Item it;
    if (item_convert(a->d, v, &it) < 0) return -1;
    if (array_resize(a, a->len + 1) < 0) return -1;
    item_store(ITEM(a, a->len - 1), a->d, &it);
    return 0;
}

/* a.extend(iterable) for what is not an array: item by item. */
static int array_extend_iter(ArrayObj *a, Value iterable) {
    Value it = obj_iter(iterable);
    if (IS_NULL(it)) return -1;
    for (;;) {
        Value v = obj_next(it);
        if (IS_NULL(v)) return err_occurred() ? -1 : 0;
        if (array_append_value(a, v) < 0) return -1;
    }
}

/* Append the items of array b (same typecode; b may be a itself). */
static int array_extend_array(ArrayObj *a, ArrayObj *b) {
    int64_t n = b->len, old = a->len;
    if (array_resize(a, old + n) < 0) return -1;
    if (n) memcpy(ITEM(a, old), b->data, (size_t)(n * a->d->itemsize));
    return 0;
}

/* Append n raw items (whole items of a bytes-like object). */
static int array_extend_raw(ArrayObj *a, const uint8_t *p, int64_t nbytes) {
    int64_t isz = a->d->itemsize, old = a->len;
    if (nbytes % isz) {
        err_format(&exc_ValueError, "bytes length not a multiple of item size");
        return -1;
    }
    if (nbytes == 0) return 0;
    if (array_resize(a, old + nbytes / isz) < 0) return -1;
    memcpy(ITEM(a, old), p, (size_t)nbytes);
    return 0;
}

/* frombytes of a held buffer, so that a.frombytes(a) is refused as CPython
 * refuses it instead of reading moved memory. */
static int array_extend_buffer(ArrayObj *a, Value src) {
    Buffer b;
    if (buffer_get(src, &b, BUF_SIMPLE) < 0) return -1;
    int rc = array_extend_raw(a, b.buf, b.len);
    buffer_release(&b);
    return rc;
}

static int array_extend_unicode(ArrayObj *a, Value s) {
    int64_t n = AS_STR(s)->nchars, old = a->len;
    if (array_resize(a, old + n) < 0) return -1;
    const unsigned char *p = (const unsigned char *)STR_DATA(s);
    for (int64_t i = 0; i < n; i++) {
        uint32_t cp;
        p += utf8_dec(p, &cp);
        memcpy(ITEM(a, old + i), &cp, 4);
    }
    return 0;
}

/* ---- construction -------------------------------------------------------------------- */

/* array(typecode[, initializer]) for class cls, the initializer dispatched as
 * CPython's array_new does. */
static Value array_make(Type *cls, uint32_t tc, Value init) {
    if (!IS_NULL(init) && tc != 'u') {
        if (IS_STR(init))
            return err_format(&exc_TypeError, "cannot use a str to initialize an array with typecode '%c'", (int)tc);
        if (IS_ARRAY(init) && AS_ARRAY(init)->d->typecode == 'u')
            return err_format(&exc_TypeError, "cannot use a unicode array to initialize an array with typecode '%c'",
                              (int)tc);
    }
    const ArrayDesc *d = desc_for(tc);
    if (!d) return err_format(&exc_ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    ArrayObj *a = array_alloc(cls, d, 0);
    if (!a) return VAL_NULL;
    int rc = 0;
    if (IS_NULL(init)) rc = 0;
    else if (IS_LIST(init) || IS_TUPLE(init)) {
        for (int64_t i = 0; rc == 0 && i < obj_len(init); i++) {
            Value v = IS_LIST(init) ? AS_LIST(init)->items[i] : AS_TUPLE(init)->items[i];
            rc = array_append_value(a, v);
        }
    } else if (IS_BYTES(init) || IS_BYTEARRAY(init)) rc = array_extend_buffer(a, init);
    else if (tc == 'u' && IS_STR(init)) rc = array_extend_unicode(a, init);
    else if (IS_ARRAY(init) && AS_ARRAY(init)->d == d) rc = array_extend_array(a, AS_ARRAY(init));
    else rc = array_extend_iter(a, init);
    return rc < 0 ? VAL_NULL : MK_OBJ(a);
}

/* A typecode argument: a str of one character ("array() argument 1 must be a
 * unicode character, not str"). */
static int typecode_arg(Value v, const char *fname, int argn, uint32_t *tc) {
    if (!IS_STR(v) || AS_STR(v)->nchars != 1) {
        err_format(&exc_TypeError, "%s() argument %d must be a unicode character, not %T", fname, argn, v);
        return -1;
    }
    *tc = str_char_at(v, 0);
    return 0;
}

static Value array_new_m(Value *args, int nargs, Value kwnames) {
    Type *cls = (Type *)AS_OBJ(args[0]);
    int nkw = IS_NULL(kwnames) ? 0 : (int)obj_len(kwnames);
    if (nkw && (cls == &type_array || cls->slots[SM_INIT] == type_object.slots[SM_INIT]))
        return err_format(&exc_TypeError, "array.array() takes no keyword arguments");
    int npos = nargs - 1;                   /* keyword values follow the positional ones */
    if (npos < 1) return err_format(&exc_TypeError, "array() takes at least 1 argument (%d given)", npos);
    if (npos > 2) return err_format(&exc_TypeError, "array() takes at most 2 arguments (%d given)", npos);
    uint32_t tc;
    if (typecode_arg(args[1], "array", 1, &tc) < 0) return VAL_NULL;
    return array_make(cls, tc, npos == 2 ? args[2] : VAL_NULL);
}

/* ---- the sequence -------------------------------------------------------------------- */

static Value array_len_m(Value *args, int nargs, Value kwnames) { return int_from_i64(SELF->len); }

static Value array_slice(ArrayObj *a, int64_t start, int64_t step, int64_t n) {
    ArrayObj *r = array_alloc(&type_array, a->d, n);
    if (!r) return VAL_NULL;
    int64_t isz = a->d->itemsize;
    if (step == 1) { if (n) memcpy(r->data, ITEM(a, start), (size_t)(n * isz)); }
    else for (int64_t k = 0, j = start; k < n; k++, j = seq_next_index(j, step)) memcpy(ITEM(r, k), ITEM(a, j), (size_t)isz);
    return MK_OBJ(r);
}

static Value array_getitem_m(Value *args, int nargs, Value kwnames) {
    ArrayObj *a = SELF;
    int64_t i;
    int r = seq_index_value(args[1], &i);
    if (r < 0) return VAL_NULL;
    if (r > 0) {
        if (i < 0) i += a->len;
        if (i < 0 || i >= a->len) return err_format(&exc_IndexError, "array index out of range");
        return array_item(a, i);
    }
    if (!IS_EXACT(args[1], type_slice)) return err_format(&exc_TypeError, "array indices must be integers");
    int64_t start, stop, step;
    int64_t n = slice_indices(args[1], a->len, &start, &stop, &step);
    return n < 0 ? VAL_NULL : array_slice(a, start, step, n);
}

/* Remove the n = count items start, start+step, ... (step > 0). */
static void array_remove_items(ArrayObj *a, int64_t start, int64_t step, int64_t n) {
    int64_t isz = a->d->itemsize, w = start, k = 0;
    for (int64_t r = start; r < a->len; r++) {
        if (k < n && r == start + k * step) { k++; continue; }
        memmove(ITEM(a, w), ITEM(a, r), (size_t)isz);
        w++;
    }
    a->len = w;
}

/* a[slice] = v (v VAL_NULL: del a[slice]). */
static int array_assign_slice(ArrayObj *a, Value slice, Value v) {
    int64_t start, stop, step;
    int64_t n = slice_indices(slice, a->len, &start, &stop, &step);
    if (n < 0) return -1;
    ArrayObj *src = NULL;
    if (!IS_NULL(v)) {
        if (!IS_ARRAY(v)) {
            err_format(&exc_TypeError, "can only assign array (not \"%T\") to array slice", v);
            return -1;
        }
        src = AS_ARRAY(v);
        if (src->d != a->d) {
            err_format(&exc_TypeError, "bad argument type for built-in operation");
            return -1;
        }
        if (src == a) {                       /* a[i:j] = a: from a copy */
            Value copy = array_slice(a, 0, 1, a->len);
            if (IS_NULL(copy)) return -1;
            src = AS_ARRAY(copy);
        }
    }
    int64_t needed = src ? src->len : 0, isz = a->d->itemsize;
    if ((needed == 0 || n != needed) && a->exports > 0 && array_can_resize(a) < 0) return -1;
    if (step == 1) {
        int64_t old = a->len, tail = old - start - n;
        if (needed > n && array_resize(a, old + needed - n) < 0) return -1;
        if (tail) memmove(ITEM(a, start + needed), ITEM(a, start + n), (size_t)(tail * isz));
        if (needed) memcpy(ITEM(a, start), src->data, (size_t)(needed * isz));
        if (needed < n) return array_resize(a, old + needed - n);
        return 0;
    }
    if (needed == 0) {
        if (n == 0) return 0;
        if (step < 0) { start += step * (n - 1); step = -step; }
        array_remove_items(a, start, step, n);
        return 0;
    }
    if (needed != n) {
        err_format(&exc_ValueError, "attempt to assign array of size %lld to extended slice of size %lld",
                   (long long)needed, (long long)n);
        return -1;
    }
    for (int64_t k = 0, j = start; k < n; k++, j = seq_next_index(j, step)) memcpy(ITEM(a, j), ITEM(src, k), (size_t)isz);
    return 0;
}

static int array_ass_subscript(ArrayObj *a, Value key, Value v) {
    int64_t i;
    int r = seq_index_value(key, &i);
    if (r < 0) return -1;
    if (r == 0) {
        if (IS_EXACT(key, type_slice)) return array_assign_slice(a, key, v);
        err_format(&exc_TypeError, "array indices must be integers");
        return -1;
    }
    if (i < 0) i += a->len;
    if (i < 0 || i >= a->len) {
        err_format(&exc_IndexError, "array assignment index out of range");
        return -1;
    }
    if (IS_NULL(v)) {
        if (array_can_resize(a) < 0) return -1;
        memmove(ITEM(a, i), ITEM(a, i + 1), (size_t)((a->len - i - 1) * a->d->itemsize));
        return array_resize(a, a->len - 1);
    }
    Item it;
    if (item_convert(a->d, v, &it) < 0) return -1;
    if (i >= a->len) {                        /* shrunk by the conversion's Python code */
        err_format(&exc_IndexError, "array assignment index out of range");
        return -1;
    }
    item_store(ITEM(a, i), a->d, &it);
    return 0;
}

static Value array_setitem_m(Value *args, int nargs, Value kwnames) {
    return array_ass_subscript(SELF, args[1], args[2]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value array_delitem_m(Value *args, int nargs, Value kwnames) {
    return array_ass_subscript(SELF, args[1], VAL_NULL) < 0 ? VAL_NULL : VAL_NONE;
}

/* Index of the first item == v in [start, stop), -1 when none, -2 on error. */
static int64_t array_find(ArrayObj *a, Value v, int64_t start, int64_t stop) {
    for (int64_t i = start; i < stop && i < a->len; i++) {
        Value x = array_item(a, i);
        if (IS_NULL(x)) return -2;
        int r = obj_richcompare_bool(x, v, CMP_EQ);
        if (r < 0) return -2;
        if (r) return i;
    }
    return -1;
}

static Value array_contains_m(Value *args, int nargs, Value kwnames) {
    int64_t i = array_find(SELF, args[1], 0, INT64_MAX);
    return i == -2 ? VAL_NULL : MK_BOOL(i >= 0);
}

static Value array_count_m(Value *args, int nargs, Value kwnames) {
    int64_t n = 0;
    for (int64_t i = 0; (i = array_find(SELF, args[1], i, INT64_MAX)) >= 0; i++) n++;
    return err_occurred() ? VAL_NULL : int_from_i64(n);
}

static Value array_index_m(Value *args, int nargs, Value kwnames) {
    int64_t start, stop;
    if (seq_start_stop(args[2], args[3], SELF->len, &start, &stop) < 0) return VAL_NULL;
    int64_t i = array_find(SELF, args[1], start, stop);
    if (i == -2) return VAL_NULL;
    if (i < 0) return err_format(&exc_ValueError, "array.index(x): x not in array");
    return int_from_i64(i);
}

static Value array_remove_m(Value *args, int nargs, Value kwnames) {
    ArrayObj *a = SELF;
    int64_t i = array_find(a, args[1], 0, INT64_MAX);
    if (i == -2) return VAL_NULL;
    if (i < 0) return err_format(&exc_ValueError, "array.remove(x): x not in array");
    if (array_can_resize(a) < 0) return VAL_NULL;
    memmove(ITEM(a, i), ITEM(a, i + 1), (size_t)((a->len - i - 1) * a->d->itemsize));
    return array_resize(a, a->len - 1) < 0 ? VAL_NULL : VAL_NONE;
}

static Value array_append_m(Value *args, int nargs, Value kwnames) {
    return array_append_value(SELF, args[1]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value array_insert_m(Value *args, int nargs, Value kwnames) {
    ArrayObj *a = SELF;
    int64_t i;
    Item it;
    if (arg_to_ssize(args[1], &i) < 0 || item_convert(a->d, args[2], &it) < 0) return VAL_NULL;
    if (i < 0) { i += a->len; if (i < 0) i = 0; }
    if (i > a->len) i = a->len;
    if (array_resize(a, a->len + 1) < 0) return VAL_NULL;
    memmove(ITEM(a, i + 1), ITEM(a, i), (size_t)((a->len - 1 - i) * a->d->itemsize));
    item_store(ITEM(a, i), a->d, &it);
    return VAL_NONE;
}

static Value array_pop_m(Value *args, int nargs, Value kwnames) {
    ArrayObj *a = SELF;
    int64_t i = -1;
    if (!IS_NULL(args[1]) && arg_to_ssize(args[1], &i) < 0) return VAL_NULL;
    if (a->len == 0) return err_format(&exc_IndexError, "pop from empty array");
    if (i < 0) i += a->len;
    if (i < 0 || i >= a->len) return err_format(&exc_IndexError, "pop index out of range");
    Value v = array_item(a, i);
    if (IS_NULL(v) || array_can_resize(a) < 0) return VAL_NULL;
    memmove(ITEM(a, i), ITEM(a, i + 1), (size_t)((a->len - i - 1) * a->d->itemsize));
    return array_resize(a, a->len - 1) < 0 ? VAL_NULL : v;
}

static Value array_extend_m(Value *args, int nargs, Value kwnames) {
    ArrayObj *a = SELF;
    if (!IS_ARRAY(args[1])) return array_extend_iter(a, args[1]) < 0 ? VAL_NULL : VAL_NONE;
    if (AS_ARRAY(args[1])->d != a->d) return err_format(&exc_TypeError, "can only extend with array of same kind");
    return array_extend_array(a, AS_ARRAY(args[1])) < 0 ? VAL_NULL : VAL_NONE;
}

static Value array_reverse_m(Value *args, int nargs, Value kwnames) {
    ArrayObj *a = SELF;
    int64_t isz = a->d->itemsize;
    uint8_t tmp[8];
    for (int64_t i = 0, j = a->len - 1; i < j; i++, j--) {
        memcpy(tmp, ITEM(a, i), (size_t)isz);
        memcpy(ITEM(a, i), ITEM(a, j), (size_t)isz);
        memcpy(ITEM(a, j), tmp, (size_t)isz);
    }
    return VAL_NONE;
}

static Value array_byteswap_m(Value *args, int nargs, Value kwnames) {
    ArrayObj *a = SELF;
    int isz = a->d->itemsize;
    for (int64_t i = 0; i < a->len; i++) {
        uint8_t *p = ITEM(a, i);
        for (int k = 0; k < isz / 2; k++) { uint8_t t = p[k]; p[k] = p[isz - 1 - k]; p[isz - 1 - k] = t; }
    }
    return VAL_NONE;
}

static Value array_buffer_info_m(Value *args, int nargs, Value kwnames) {
    return tuple_pack(2, int_from_u64((uint64_t)(uintptr_t)SELF->data), int_from_i64(SELF->len));
}

static Value array_tobytes_m(Value *args, int nargs, Value kwnames) {
    return bytes_new(SELF->data, (size_t)(SELF->len * SELF->d->itemsize));
}

static Value array_frombytes_m(Value *args, int nargs, Value kwnames) {
    return array_extend_buffer(SELF, args[1]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value array_tolist_m(Value *args, int nargs, Value kwnames) {
    ArrayObj *a = SELF;
    Value l = list_new(a->len);
    if (IS_NULL(l)) return VAL_NULL;
    for (int64_t i = 0; i < a->len; i++) {
        Value v = array_item(a, i);
        if (IS_NULL(v) || list_append(l, v) < 0) return VAL_NULL;
    }
    return l;
}

static Value array_fromlist_m(Value *args, int nargs, Value kwnames) {
    ArrayObj *a = SELF;
    Value l = args[1];
    if (!IS_LIST(l)) return err_format(&exc_TypeError, "arg must be list");
    int64_t old = a->len;
    for (int64_t i = 0; i < AS_LIST(l)->len; i++) {
        if (array_append_value(a, AS_LIST(l)->items[i]) < 0) {
            if (a->len >= old) a->len = old;     /* all or nothing */
            return VAL_NULL;
        }
    }
    return VAL_NONE;
}

static Value array_unicode_only(const char *fname) {
    return err_format(&exc_ValueError, "%s() may only be called on unicode type arrays", fname);
}

static Value array_tounicode_m(Value *args, int nargs, Value kwnames) {
    ArrayObj *a = SELF;
    if (a->d->kind != K_CHAR) return array_unicode_only("tounicode");
    StrBuf sb; sb_init(&sb);
    for (int64_t i = 0; i < a->len; i++) {
        uint32_t cp;
        memcpy(&cp, ITEM(a, i), 4);
        if (cp > 0x10ffff) {
            sb_free(&sb);
            return err_format(&exc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]", cp);
        }
        if (sb_put_codepoint(&sb, cp) < 0) { sb_free(&sb); return VAL_NULL; }
    }
    return sb_finish_str(&sb);
}

static Value array_fromunicode_m(Value *args, int nargs, Value kwnames) {
    if (!IS_STR(args[1])) return err_format(&exc_TypeError, "fromunicode() argument must be str, not %N", args[1]);
    if (SELF->d->kind != K_CHAR) return array_unicode_only("fromunicode");
    return array_extend_unicode(SELF, args[1]) < 0 ? VAL_NULL : VAL_NONE;
}

#define FILE_BLOCK (64 * 1024)

static Value array_tofile_m(Value *args, int nargs, Value kwnames) {
    ArrayObj *a = SELF;
    int64_t nbytes = a->len * a->d->itemsize;
    for (int64_t off = 0; off < nbytes; off += FILE_BLOCK) {
        int64_t n = nbytes - off < FILE_BLOCK ? nbytes - off : FILE_BLOCK;
        if (off + n > a->len * a->d->itemsize) break;    /* shrunk by a write() */
        Value b = bytes_new(a->data + off, (size_t)n);
        if (IS_NULL(b) || IS_NULL(obj_call_method(args[1], "write", &b, 1))) return VAL_NULL;
    }
    return VAL_NONE;
}

static Value array_fromfile_m(Value *args, int nargs, Value kwnames) {
    ArrayObj *a = SELF;
    int64_t n;
    if (arg_to_ssize(args[2], &n) < 0) return VAL_NULL;
    if (n < 0) return err_format(&exc_ValueError, "negative count");
    if (n > INT64_MAX / a->d->itemsize) return err_no_memory();
    int64_t nbytes = n * a->d->itemsize;
    Value want = int_from_i64(nbytes);
    Value b = obj_call_method(args[1], "read", &want, 1);
    if (IS_NULL(b)) return VAL_NULL;
    if (!IS_BYTES(b)) return err_format(&exc_TypeError, "read() didn't return bytes");
    if (array_extend_raw(a, AS_BYTES(b)->data, AS_BYTES(b)->len) < 0) return VAL_NULL;
    if (AS_BYTES(b)->len != nbytes) return err_format(&exc_EOFError, "read() didn't return enough bytes");
    return VAL_NONE;
}

/* ---- operators ------------------------------------------------------------------------ */

static Value array_add_m(Value *args, int nargs, Value kwnames) {
    ArrayObj *a = SELF;
    if (!IS_ARRAY(args[1]))
        return err_format(&exc_TypeError, "can only append array (not \"%T\") to array", args[1]);
    ArrayObj *b = AS_ARRAY(args[1]);
    if (b->d != a->d) return err_format(&exc_TypeError, "bad argument type for built-in operation");
    ArrayObj *r = array_alloc(&type_array, a->d, 0);
    if (!r || array_reserve(r, a->len + b->len) < 0) return VAL_NULL;
    array_extend_array(r, a);
    array_extend_array(r, b);
    return MK_OBJ(r);
}

static Value array_iadd_m(Value *args, int nargs, Value kwnames) {
    ArrayObj *a = SELF;
    if (!IS_ARRAY(args[1]))
        return err_format(&exc_TypeError, "can only extend array with array (not \"%T\")", args[1]);
    if (AS_ARRAY(args[1])->d != a->d) return err_format(&exc_TypeError, "can only extend with array of same kind");
    return array_extend_array(a, AS_ARRAY(args[1])) < 0 ? VAL_NULL : args[0];
}

/* The repeat count of a * n: an index (else CPython's sequence message), at
 * most what fits in memory. */
static int repeat_count(ArrayObj *a, Value n, int64_t *k) {
    if (!IS_INT(n) && IS_NULL(val_type(n)->slots[SM_INDEX])) {
        err_format(&exc_TypeError, "can't multiply sequence by non-int of type '%T'", n);
        return -1;
    }
    if (seq_repeat_arg(n, k) < 0) return -1;
    if (a->len && *k > INT64_MAX / 2 / a->d->itemsize / a->len) { err_no_memory(); return -1; }
    return 0;
}

static void array_fill_repeats(ArrayObj *r, int64_t nbytes, int64_t k) {
    for (int64_t i = 1; i < k; i++) memcpy(r->data + i * nbytes, r->data, (size_t)nbytes);
}

static Value array_mul_m(Value *args, int nargs, Value kwnames) {
    ArrayObj *a = SELF;
    int64_t k;
    if (repeat_count(a, args[1], &k) < 0) return VAL_NULL;
    int64_t nbytes = a->len * a->d->itemsize;
    ArrayObj *r = array_alloc(&type_array, a->d, a->len * k);
    if (!r) return VAL_NULL;
    if (k && nbytes) { memcpy(r->data, a->data, (size_t)nbytes); array_fill_repeats(r, nbytes, k); }
    return MK_OBJ(r);
}

/* n * a: a sequence that is not an index leaves the operator to that
 * sequence's own repeat, whose message names the array. */
static Value array_rmul_m(Value *args, int nargs, Value kwnames) {
    if (!IS_INT(args[1]) && IS_NULL(val_type(args[1])->slots[SM_INDEX])) return VAL_NOTIMPLEMENTED;
    return array_mul_m(args, nargs, kwnames);
}

static Value array_imul_m(Value *args, int nargs, Value kwnames) {
    ArrayObj *a = SELF;
    int64_t k;
    if (repeat_count(a, args[1], &k) < 0) return VAL_NULL;
    int64_t nbytes = a->len * a->d->itemsize;
    if (array_resize(a, k ? a->len * k : 0) < 0) return VAL_NULL;
    if (k && nbytes) array_fill_repeats(a, nbytes, k);
    return args[0];
}

/* Comparisons: item by item through the items' values, as CPython's
 * array_richcompare (so 'b' -1 and 'B' 255 differ and NaN != NaN). */
static Value array_compare(Value *args, int op) {
    if (!IS_ARRAY(args[1])) return VAL_NOTIMPLEMENTED;
    ArrayObj *a = SELF, *b = AS_ARRAY(args[1]);
    if ((op == CMP_EQ || op == CMP_NE) && a->len != b->len) return MK_BOOL(op == CMP_NE);
    int64_t i;
    Value x = VAL_NULL, y = VAL_NULL;
    for (i = 0; i < a->len && i < b->len; i++) {
        x = array_item(a, i);
        y = IS_NULL(x) ? x : array_item(b, i);
        if (IS_NULL(y)) return VAL_NULL;
        int r = obj_richcompare_bool(x, y, CMP_EQ);
        if (r < 0) return VAL_NULL;
        if (!r) break;
    }
    if (i < a->len && i < b->len) {
        if (op == CMP_EQ) return VAL_FALSE;
        if (op == CMP_NE) return VAL_TRUE;
        return obj_richcompare(x, y, op);
    }
    int64_t la = a->len, lb = b->len;
    switch (op) {
    case CMP_EQ: return MK_BOOL(la == lb);
    case CMP_NE: return MK_BOOL(la != lb);
    case CMP_LT: return MK_BOOL(la < lb);
    case CMP_LE: return MK_BOOL(la <= lb);
    case CMP_GT: return MK_BOOL(la > lb);
    default: return MK_BOOL(la >= lb);
    }
}

static Value array_eq_m(Value *a, int n, Value k) { return array_compare(a, CMP_EQ); }
static Value array_ne_m(Value *a, int n, Value k) { return array_compare(a, CMP_NE); }
static Value array_lt_m(Value *a, int n, Value k) { return array_compare(a, CMP_LT); }
static Value array_le_m(Value *a, int n, Value k) { return array_compare(a, CMP_LE); }
static Value array_gt_m(Value *a, int n, Value k) { return array_compare(a, CMP_GT); }
static Value array_ge_m(Value *a, int n, Value k) { return array_compare(a, CMP_GE); }

static Value array_repr_m(Value *args, int nargs, Value kwnames) {
    ArrayObj *a = SELF;
    Value name = a->header.type->name;
    char tc = a->d->typecode;
    if (a->len == 0) return str_format_c("%U('%c')", name, tc);
    Value items = tc == 'u' ? array_tounicode_m(args, nargs, kwnames) : array_tolist_m(args, nargs, kwnames);
    if (IS_NULL(items)) return VAL_NULL;
    return str_format_c("%U('%c', %R)", name, tc, items);
}

/* ---- copying and pickling -------------------------------------------------------------- */

static Value array_copy_m(Value *args, int nargs, Value kwnames) {
    return array_slice(SELF, 0, 1, SELF->len);
}

static Value array_sizeof_m(Value *args, int nargs, Value kwnames) {
    return int_from_i64((int64_t)SELF->header.type->basicsize + SELF->cap * SELF->d->itemsize);
}

static Value array_reduce_ex_m(Value *args, int nargs, Value kwnames) {
    ArrayObj *a = SELF;
    int64_t protocol;
    if (!IS_INT(args[1])) return err_format(&exc_TypeError, "__reduce_ex__ argument should be an integer");
    if (int_to_i64(args[1], &protocol) < 0) return VAL_NULL;
    Value dict = obj_getattr_opt(args[0], str_intern_c("__dict__"));
    if (IS_NULL(dict)) {
        if (err_occurred()) return VAL_NULL;
        dict = VAL_NONE;
    }
    Value cls = MK_OBJ(a->header.type);
    Value tc = str_from_codepoint((uint32_t)a->d->typecode);
    if (protocol < 3) {
        Value list = array_tolist_m(args, nargs, kwnames);
        return IS_NULL(list) ? list : tuple_pack(3, cls, tuple_pack(2, tc, list), dict);
    }
    Value data = array_tobytes_m(args, nargs, kwnames);
    if (IS_NULL(data)) return VAL_NULL;
    return tuple_pack(3, array_reconstructor, tuple_pack(4, cls, tc, MK_SMALLINT(a->d->mformat), data), dict);
}

/* The items of a machine format other than the typecode's own, as the list
 * (or str) to build the array from; *tc becomes the integer typecode that
 * fits them.  CPython's array__array_reconstructor_impl, format by format. */
static Value mformat_decode(int mf, const uint8_t *p, int64_t n, uint32_t *tc) {
    int size = mformats[mf].size, big = mformats[mf].big, kind = mformats[mf].kind;
    if (n % size) return err_format(&exc_ValueError, "string length not a multiple of item size");
    if (kind == K_CHAR) {
        static const char *const enc[] = {"utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"};
        return str_decode(p, (size_t)n, enc[mf - MF_UTF16_LE], "strict");
    }
    int is_float = kind == K_FLOAT, is_signed = kind == K_SIGNED;
    if (!is_float)
        for (int i = 0; i < NDESCS; i++)             /* the last integer type of that size */
            if (descs[i].kind == (is_signed ? K_SIGNED : K_UNSIGNED) && descs[i].itemsize == size)
                *tc = (uint32_t)descs[i].typecode;
    Value list = list_new(n / size);
    if (IS_NULL(list)) return VAL_NULL;
    for (int64_t off = 0; off < n; off += size) {
        uint64_t u = 0;
        for (int k = 0; k < size; k++) u |= (uint64_t)p[off + (big ? k : size - 1 - k)] << (8 * (size - 1 - k));
        Value v;
        if (is_float && size == 4) { uint32_t w = (uint32_t)u; float f; memcpy(&f, &w, 4); v = MK_FLOAT_SAFE(f); }
        else if (is_float) { double d; memcpy(&d, &u, 8); v = MK_FLOAT_SAFE(d); }
        else if (is_signed) {
            int sh = 64 - 8 * size;
            v = int_from_i64((int64_t)(u << sh) >> sh);
        } else v = int_from_u64(u);
        if (IS_NULL(v) || list_append(list, v) < 0) return VAL_NULL;
    }
    return list;
}

static Value array_reconstructor_fn(Value *args, int nargs, Value kwnames) {
    uint32_t tc;
    int mf;
    if (typecode_arg(args[1], "_array_reconstructor", 2, &tc) < 0 || arg_to_int(args[2], &mf) < 0) return VAL_NULL;
    if (!IS_BYTES(args[3])) return err_format(&exc_TypeError, "fourth argument should be bytes, not %T", args[3]);
    if (!IS_OBJ(args[0]) || !type_is_subtype(val_type(args[0]), &type_type))
        return err_format(&exc_TypeError, "first argument must be a type object, not %T", args[0]);
    Type *cls = (Type *)AS_OBJ(args[0]);
    if (!type_is_subtype(cls, &type_array))
        return err_format(&exc_TypeError, "%U is not a subtype of array.array", cls->name);
    const ArrayDesc *d = desc_for(tc);
    if (!d) return err_format(&exc_ValueError, "second argument must be a valid type code");
    if (mf < 0 || mf >= MF_COUNT) return err_format(&exc_ValueError, "third argument must be a valid machine format code.");
    const uint8_t *p = AS_BYTES(args[3])->data;
    int64_t n = AS_BYTES(args[3])->len;
    if (mf == d->mformat) return array_make(cls, tc, args[3]);
    Value items = mformat_decode(mf, p, n, &tc);
    return IS_NULL(items) ? items : array_make(cls, tc, items);
}

/* ---- the buffer protocol ---------------------------------------------------------------- */

static int array_getbuffer(Value obj, Buffer *view, int flags) {
    ArrayObj *a = AS_ARRAY(obj);
    static uint8_t empty[8];
    static const char *const formats[] = {"b", "B", "w", "h", "H", "i", "I", "l", "L", "q", "Q", "f", "d"};
    buffer_fill(view, obj, a->data ? a->data : empty, a->len * a->d->itemsize, 0);
    view->itemsize = a->d->itemsize;
    view->format = formats[a->d - descs];
    a->exports++;
    return 0;
}

static void array_releasebuffer(Value obj, Buffer *view) {
    (void)view;
    AS_ARRAY(obj)->exports--;
}

/* ---- attributes and the type ------------------------------------------------------------ */

static Value array_get_typecode(Value self) { return str_from_codepoint((uint32_t)AS_ARRAY(self)->d->typecode); }
static Value array_get_itemsize(Value self) { return MK_SMALLINT(AS_ARRAY(self)->d->itemsize); }

static Value array_iter_new(Value arr) {
    ArrayIter *it = (ArrayIter *)gc_alloc(&type_array_iterator, sizeof(ArrayIter));
    if (!it) return VAL_NULL;
    it->array = arr;
    return MK_OBJ(it);
}

static Value array_iter_m(Value *args, int nargs, Value kwnames) { return array_iter_new(args[0]); }

static const GetSetDef array_getsets[] = {
    {"typecode", array_get_typecode, NULL, "the typecode character used to create the array"},
    {"itemsize", array_get_itemsize, NULL, "the size, in bytes, of one array item"},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef array_methods[] = {
    {"__new__", array_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"append", array_append_m, ARGS_ONE, "Append new value v to the end of the array.", "($self, v, /)"},
    {"buffer_info", array_buffer_info_m, ARGS_NONE, "Return a tuple (address, length) giving the current "
     "memory address and the length in items of the buffer used to hold array's contents.\n\nThe length "
     "should be multiplied by the itemsize attribute to calculate\nthe buffer length in bytes."},
    {"byteswap", array_byteswap_m, ARGS_NONE, "Byteswap all items of the array.\n\nIf the items in the "
     "array are not 1, 2, 4, or 8 bytes in size, RuntimeError is\nraised."},
    {"count", array_count_m, ARGS_ONE, "Return number of occurrences of v in the array.", "($self, v, /)"},
    {"extend", array_extend_m, ARGS_KW, "Append items to the end of the array.", "($self, bb, /)"},
    {"frombytes", array_frombytes_m, ARGS_ONE, "Appends items from the string, interpreting it as an array "
     "of machine values, as if it had been read from a file using the fromfile() method.",
     "($self, buffer, /)"},
    {"fromfile", array_fromfile_m, ARGS_KW, "Read n objects from the file object f and append them to "
     "the end of the array.", "($self, f, n, /)"},
    {"fromlist", array_fromlist_m, ARGS_ONE, "Append items to array from list.", "($self, list, /)"},
    {"fromunicode", array_fromunicode_m, ARGS_ONE, "Extends this array with data from the unicode string "
     "ustr.\n\nThe array must be a unicode type array; otherwise a ValueError is raised.\nUse "
     "array.frombytes(ustr.encode(...)) to append Unicode data to an array of\nsome other type.",
     "($self, ustr, /)"},
    {"index", array_index_m, ARGS_POS(1, 3), "Return index of first occurrence of v in the array.\n\n"
     "Raise ValueError if the value is not present.", "($self, v, start=0, stop=sys.maxsize, /)"},
    {"insert", array_insert_m, ARGS_POS(2, 2), "Insert a new item v into the array before position i.",
     "($self, i, v, /)"},
    {"pop", array_pop_m, ARGS_POS(0, 1), "Return the i-th element and delete it from the array.\n\ni "
     "defaults to -1.", "($self, i=-1, /)"},
    {"remove", array_remove_m, ARGS_ONE, "Remove the first occurrence of v in the array.", "($self, v, /)"},
    {"reverse", array_reverse_m, ARGS_NONE, "Reverse the order of the items in the array."},
    {"tobytes", array_tobytes_m, ARGS_NONE, "Convert the array to an array of machine values and return "
     "the bytes representation."},
    {"tofile", array_tofile_m, ARGS_KW, "Write all items (as machine values) to the file object f.",
     "($self, f, /)"},
    {"tolist", array_tolist_m, ARGS_NONE, "Convert array to an ordinary list with the same items."},
    {"tounicode", array_tounicode_m, ARGS_NONE, "Extends this array with data from the unicode string "
     "ustr.\n\nConvert the array to a unicode string.  The array must be a unicode type array;\notherwise "
     "a ValueError is raised.  Use array.tobytes().decode() to obtain a\nunicode string from an array of "
     "some other type."},
    {"__copy__", array_copy_m, ARGS_NONE, "Return a copy of the array."},
    {"__deepcopy__", array_copy_m, ARGS_ONE, "Return a copy of the array.", "($self, unused, /)"},
    {"__reduce_ex__", array_reduce_ex_m, ARGS_KW, "Return state information for pickling.",
     "($self, value, /)"},
    {"__sizeof__", array_sizeof_m, ARGS_NONE, "Size of the array in memory, in bytes."},
    {"__len__", array_len_m, ARGS_WRAP(0), NULL},
    {"__getitem__", array_getitem_m, ARGS_WRAP(1), NULL},
    {"__setitem__", array_setitem_m, ARGS_WRAPT(2, 2), NULL},
    {"__delitem__", array_delitem_m, ARGS_WRAP(1), NULL},
    {"__contains__", array_contains_m, ARGS_WRAP(1), NULL},
    {"__iter__", array_iter_m, ARGS_WRAP(0), NULL},
    {"__repr__", array_repr_m, ARGS_WRAP(0), NULL},
    {"__add__", array_add_m, ARGS_WRAP(1), NULL},
    {"__iadd__", array_iadd_m, ARGS_WRAP(1), NULL},
    {"__mul__", array_mul_m, ARGS_WRAPT(1, 1), NULL},
    {"__rmul__", array_rmul_m, ARGS_WRAPT(1, 1), NULL},
    {"__imul__", array_imul_m, ARGS_WRAPT(1, 1), NULL},
    {"__eq__", array_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", array_ne_m, ARGS_WRAP(1), NULL},
    {"__lt__", array_lt_m, ARGS_WRAP(1), NULL},
    {"__le__", array_le_m, ARGS_WRAP(1), NULL},
    {"__gt__", array_gt_m, ARGS_WRAP(1), NULL},
    {"__ge__", array_ge_m, ARGS_WRAP(1), NULL},
    {"__hash__", NULL, 0, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_array = {
    .tp_name = "array.array", .base = &type_object,
    .flags = TF_BASETYPE | TF_WEAKREFABLE | TF_SEQUENCE,
    .basicsize = sizeof(ArrayObj), .finalize = array_finalize,
    .methods = array_methods, .getsets = array_getsets,
    .getbuffer = array_getbuffer, .releasebuffer = array_releasebuffer,
};
GILPY_TYPE(type_array, NULL);

/* ---- the iterator ----------------------------------------------------------------------- */

#define ITER(v) ((ArrayIter *)AS_OBJ(v))

static void array_iter_trace(Obj *o) { gc_mark_value(((ArrayIter *)o)->array); }

static Value array_iter_next_m(Value *args, int nargs, Value kwnames) {
    ArrayIter *it = ITER(args[0]);
    if (IS_NULL(it->array)) return VAL_NULL;
    ArrayObj *a = AS_ARRAY(it->array);
    if (it->index >= a->len) { it->array = VAL_NULL; return VAL_NULL; }
    return array_item(a, it->index++);
}

static Value array_iter_self_m(Value *args, int nargs, Value kwnames) { return args[0]; }

static Value array_iter_reduce_m(Value *args, int nargs, Value kwnames) {
    ArrayIter *it = ITER(args[0]);
    Value iter = iter_builtin();
    if (IS_NULL(iter)) return VAL_NULL;
    if (IS_NULL(it->array)) return tuple_pack(2, iter, tuple_pack(1, tuple_empty()));
    return tuple_pack(3, iter, tuple_pack(1, it->array), int_from_i64(it->index));
}

static Value array_iter_setstate_m(Value *args, int nargs, Value kwnames) {
    ArrayIter *it = ITER(args[0]);
    int64_t i;
    if (!IS_INT(args[1])) return err_format(&exc_TypeError, "an integer is required");
    if (arg_to_ssize(args[1], &i) < 0) return VAL_NULL;
    if (i < 0) i = 0;
    if (!IS_NULL(it->array) && i > AS_ARRAY(it->array)->len) i = AS_ARRAY(it->array)->len;
    it->index = i;
    return VAL_NONE;
}

static const MethodDef array_iter_methods[] = {
    {"__next__", array_iter_next_m, ARGS_WRAP(0), NULL},
    {"__iter__", array_iter_self_m, ARGS_WRAP(0), NULL},
    {"__reduce__", array_iter_reduce_m, ARGS_NONE, "Return state information for pickling."},
    {"__setstate__", array_iter_setstate_m, ARGS_ONE, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

Type type_array_iterator = {
    .tp_name = "array.arrayiterator", .base = &type_object,
    .basicsize = sizeof(ArrayIter), .trace = array_iter_trace, .methods = array_iter_methods,
};
GILPY_TYPE(type_array_iterator, NULL);

/* ---- the module -------------------------------------------------------------------------- */

static const MethodDef mod_array_functions[] = {
    {"_array_reconstructor", array_reconstructor_fn, ARGS_POS(4, 4), "Internal. Used for pickling support.",
     "($module, arraytype, typecode, mformat_code, items, /)"},
    {NULL, NULL, 0, NULL},
};

Value mod_array_init(void) {
    Value m = module_new_c("array");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, mod_array_functions, m);
    if (err_occurred()) return VAL_NULL;
    if (IS_NULL(array_reconstructor)) gc_add_root(&array_reconstructor);
    array_reconstructor = dict_get_c(d, "_array_reconstructor");
    if (dict_set_c(d, "__doc__", str_from_c(
            "This module defines an object type which can efficiently represent\nan array of basic values: "
            "characters, integers, floating point\nnumbers.  Arrays are sequence types and behave very much "
            "like lists,\nexcept that the type of objects stored in them is constrained.\n")) < 0
        || dict_set_c(d, "typecodes", str_from_c("bBuhHiIlLqQfd")) < 0
        || dict_set_c(d, "array", MK_OBJ(&type_array)) < 0 || dict_set_c(d, "ArrayType", MK_OBJ(&type_array)) < 0)
        return VAL_NULL;
    /* an array is a collections.abc.MutableSequence, as CPython's module registers it */
    Value abc = import_module_c("collections.abc");
    Value seq = IS_NULL(abc) ? abc : obj_getattr_c(abc, "MutableSequence");
    Value arr = MK_OBJ(&type_array);
    if (IS_NULL(seq) || IS_NULL(obj_call_method(seq, "register", &arr, 1))) return VAL_NULL;
    return m;
}
