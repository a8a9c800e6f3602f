/* ctypes_codec.c - one C scalar at an address, read and written for ctypes.
 *
 * Each type letter of ctypes (`_type_` of a simple type: 'i' c_int, 'd'
 * c_double, 'z' c_char_p, 'O' py_object...) has a codec: how many bytes,
 * which libffi type, and a getter and a setter between the C bytes and a
 * Python value, with CPython's conversions and messages.  Simple instances,
 * structure fields, array items, arguments and results all go through them.
 *
 * Integers are stored the way CPython stores them: any int (through
 * __index__) is reduced modulo 2**bits, no overflow error.  A bit field is
 * the same integer masked into `bits` bits at bit `ofs` of the unit, and a
 * swapped codec (BigEndianStructure on this little-endian machine) reverses
 * the bytes of the unit around the access.  Memory may be unaligned (packed
 * structures): everything is moved with memcpy.
 *
 * Two letters have no simple type: 's' and 'U' are the `value` of a c_char or
 * c_wchar array field (bytes up to the first NUL; a str).
 *
 * py_object cells hold a Value.  A zero word there is NULL ("PyObject is
 * NULL"), so the float +0.0, whose Value is the zero word, is stored as a
 * static marker object instead.  The stored Value is kept alive by the
 * owner's _objects, not by the memory.
 */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <gmp.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_float.h"
#include "runtime/obj_int.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/strbuf.h"
#include "ctypes.h"

const char codec_letters[] = "cbBhHiIlLdfuzZqQPXOv?g";

/* ---- py_object cells ---------------------------------------------------------------- */

static Obj codec_zero_marker = {.gcflags = GCF_STATIC};

Value codec_pyobj_read(uint64_t raw) {
    if (raw == 0) return VAL_NULL;
    if (raw == MK_OBJ(&codec_zero_marker)) return MK_FLOAT(0.0);
    return (Value)raw;
}

uint64_t codec_pyobj_word(Value v) {
    if (v == 0) {
        codec_zero_marker.type = &type_object;
        return MK_OBJ(&codec_zero_marker);
    }
    return v;
}

/* ---- integers ------------------------------------------------------------------------ */

static uint64_t codec_swap(uint64_t x, int64_t n) {
    switch (n) {
    case 2: return __builtin_bswap16((uint16_t)x);
    case 4: return __builtin_bswap32((uint32_t)x);
    case 8: return __builtin_bswap64(x);
    default: return x;
    }
}

/* v (through __index__) reduced modulo 2**64. */
static int codec_int_mask(Value v, uint64_t *out) {
    if (IS_FLOATOBJ(v)) {
        err_format(&exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return -1;
    }
    Value i = obj_index(v);
    if (IS_NULL(i)) return -1;
    if (IS_SMALLINT(i)) { *out = (uint64_t)AS_SMALLINT(i); return 0; }
    if (IS_BOOL(i)) { *out = (uint64_t)AS_BOOL(i); return 0; }
    mpz_t z;
    mpz_init(z);
    int_to_mpz(i, z);
    mpz_fdiv_r_2exp(z, z, 64);
    *out = (uint64_t)mpz_get_ui(z);
    mpz_clear(z);
    return 0;
}

static uint64_t codec_load(const void *ptr, int64_t n, int swapped) {
    uint64_t x = 0;
    memcpy(&x, ptr, (size_t)n);
    return swapped ? codec_swap(x, n) : x;
}

static void codec_store(void *ptr, uint64_t x, int64_t n, int swapped) {
    if (swapped) x = codec_swap(x, n);
    memcpy(ptr, &x, (size_t)n);
}

/* The unit's bits [ofs, ofs+bits), sign-extended for a signed type. */
static uint64_t codec_bits_get(uint64_t unit, int64_t size, int is_signed, int64_t nbytes) {
    int64_t bits = BITS_NUM(size), ofs = BITS_OFS(size);
    (void)nbytes;
    if (!bits || bits == 64) return unit;
    uint64_t x = (unit >> ofs) & ((1ull << bits) - 1);
    if (is_signed && (x >> (bits - 1)) & 1) x |= ~0ull << bits;
    return x;
}

static uint64_t codec_bits_set(uint64_t unit, uint64_t v, int64_t size) {
    int64_t bits = BITS_NUM(size), ofs = BITS_OFS(size);
    if (!bits || bits == 64) return v;
    uint64_t mask = ((1ull << bits) - 1) << ofs;
    return (unit & ~mask) | ((v << ofs) & mask);
}

static int64_t codec_unit(int64_t size, int64_t natural) {
    return BITS_NUM(size) ? natural : (size && size < natural ? size : natural);
}

#define CODEC_INT(NAME, CT, SIGNED)                                                            \
    static Value codec_##NAME##_get(const void *ptr, int64_t size, int sw) {                  \
        uint64_t x = codec_bits_get(codec_load(ptr, sizeof(CT), sw), size, SIGNED, sizeof(CT)); \
        if (SIGNED) return int_from_i64((int64_t)(CT)(int64_t)x);                              \
        return int_from_u64((uint64_t)(CT)x);                                                  \
    }                                                                                          \
    static Value codec_##NAME##_set(void *ptr, Value v, int64_t size, int sw) {               \
        uint64_t x;                                                                            \
        if (codec_int_mask(v, &x) < 0) return VAL_NULL;                                        \
        uint64_t unit = BITS_NUM(size) ? codec_load(ptr, sizeof(CT), sw) : 0;                  \
        codec_store(ptr, codec_bits_set(unit, x, size), codec_unit(size, sizeof(CT)), sw);     \
        return VAL_NONE;                                                                       \
    }
CODEC_INT(b, int8_t, 1)
CODEC_INT(B, uint8_t, 0)
CODEC_INT(h, int16_t, 1)
CODEC_INT(H, uint16_t, 0)
CODEC_INT(i, int32_t, 1)
CODEC_INT(I, uint32_t, 0)
CODEC_INT(q, int64_t, 1)
CODEC_INT(Q, uint64_t, 0)

static Value codec_bool_get(const void *ptr, int64_t size, int sw) {
    (void)sw;
    uint64_t x = codec_bits_get(codec_load(ptr, 1, 0), size, 0, 1);
    return MK_BOOL(x != 0);
}

static Value codec_bool_set(void *ptr, Value v, int64_t size, int sw) {
    (void)sw;
    int t = obj_truthy(v);
    if (t < 0) return VAL_NULL;
    uint64_t unit = BITS_NUM(size) ? codec_load(ptr, 1, 0) : 0;
    codec_store(ptr, codec_bits_set(unit, (uint64_t)t, size), 1, 0);
    return VAL_NONE;
}

/* ---- floating point ------------------------------------------------------------------ */

static Value codec_d_get(const void *ptr, int64_t size, int sw) {
    (void)size;
    uint64_t x = codec_load(ptr, 8, sw);
    double d;
    memcpy(&d, &x, 8);
    return MK_FLOAT_SAFE(d);
}

static Value codec_d_set(void *ptr, Value v, int64_t size, int sw) {
    (void)size;
    double d;
    if (arg_to_double(v, &d) < 0) return VAL_NULL;
    uint64_t x;
    memcpy(&x, &d, 8);
    codec_store(ptr, x, 8, sw);
    return VAL_NONE;
}

static Value codec_f_get(const void *ptr, int64_t size, int sw) {
    (void)size;
    uint32_t x = (uint32_t)codec_load(ptr, 4, sw);
    float f;
    memcpy(&f, &x, 4);
    return MK_FLOAT_SAFE((double)f);
}

static Value codec_f_set(void *ptr, Value v, int64_t size, int sw) {
    (void)size;
    double d;
    if (arg_to_double(v, &d) < 0) return VAL_NULL;
    float f = (float)d;
    uint32_t x;
    memcpy(&x, &f, 4);
    codec_store(ptr, x, 4, sw);
    return VAL_NONE;
}

static Value codec_g_get(const void *ptr, int64_t size, int sw) {
    (void)size; (void)sw;
    long double g;
    memcpy(&g, ptr, sizeof g);
    return MK_FLOAT_SAFE((double)g);
}

static Value codec_g_set(void *ptr, Value v, int64_t size, int sw) {
    (void)size; (void)sw;
    double d;
    if (arg_to_double(v, &d) < 0) return VAL_NULL;
    long double g = d;
    memcpy(ptr, &g, sizeof g);
    return VAL_NONE;
}

/* ---- characters ---------------------------------------------------------------------- */

static Value codec_c_get(const void *ptr, int64_t size, int sw) {
    (void)size; (void)sw;
    return bytes_new(ptr, 1);
}

static Value codec_c_set(void *ptr, Value v, int64_t size, int sw) {
    (void)size; (void)sw;
    if ((IS_BYTES(v) || IS_EXACT(v, type_bytearray)) ) {
        const uint8_t *d;
        int64_t n;
        if (bytes_view(v, &d, &n) < 0) return VAL_NULL;
        if (n == 1) { *(uint8_t *)ptr = d[0]; return VAL_NONE; }
    } else if (IS_INT(v)) {
        int64_t i;
        if (int_to_i64(v, &i) == 0 && i >= 0 && i < 256) { *(uint8_t *)ptr = (uint8_t)i; return VAL_NONE; }
        err_clear();
    }
    return err_format(&exc_TypeError, "one character bytes, bytearray or integer expected");
}

static Value codec_u_get(const void *ptr, int64_t size, int sw) {
    (void)size; (void)sw;
    wchar_t w;
    memcpy(&w, ptr, sizeof w);
    if ((uint32_t)w > 0x10FFFF) return err_format(&exc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]", (unsigned)w);
    return str_from_codepoint((uint32_t)w);
}

static Value codec_u_set(void *ptr, Value v, int64_t size, int sw) {
    (void)size; (void)sw;
    if (!IS_STR(v)) return err_format(&exc_TypeError, "unicode string expected instead of %s instance", val_type_name(v));
    if (AS_STR(v)->nchars != 1) return err_format(&exc_TypeError, "one character unicode string expected");
    wchar_t w;
    codec_str_wchars(v, &w);
    memcpy(ptr, &w, sizeof w);
    return VAL_NONE;
}

/* ---- pointers ------------------------------------------------------------------------ */

static void *codec_ptr_load(const void *ptr) {
    void *p;
    memcpy(&p, ptr, sizeof p);
    return p;
}

static void codec_ptr_store(void *ptr, const void *p) { memcpy(ptr, &p, sizeof p); }

static Value codec_P_get(const void *ptr, int64_t size, int sw) {
    (void)size; (void)sw;
    void *p = codec_ptr_load(ptr);
    return p ? int_from_u64((uint64_t)(uintptr_t)p) : VAL_NONE;
}

static Value codec_P_set(void *ptr, Value v, int64_t size, int sw) {
    (void)size; (void)sw;
    uint64_t x = 0;
    if (!IS_NONE(v)) {
        if (!IS_INT(v)) return err_format(&exc_TypeError, "cannot be converted to pointer");
        if (codec_int_mask(v, &x) < 0) return VAL_NULL;
    }
    codec_ptr_store(ptr, (void *)(uintptr_t)x);
    return VAL_NONE;
}

static Value codec_z_get(const void *ptr, int64_t size, int sw) {
    (void)size; (void)sw;
    const char *p = codec_ptr_load(ptr);
    return p ? bytes_new(p, strlen(p)) : VAL_NONE;
}

static Value codec_z_set(void *ptr, Value v, int64_t size, int sw) {
    (void)size; (void)sw;
    if (IS_NONE(v)) { codec_ptr_store(ptr, NULL); return VAL_NONE; }
    if (IS_BYTES(v)) {
        codec_ptr_store(ptr, BYTES_DATA(v));
        return v;
    }
    if (IS_INT(v)) {
        uint64_t x;
        if (codec_int_mask(v, &x) < 0) return VAL_NULL;
        codec_ptr_store(ptr, (void *)(uintptr_t)x);
        return VAL_NONE;
    }
    return err_format(&exc_TypeError, "bytes or integer address expected instead of %s instance", val_type_name(v));
}

static Value codec_wstr(const wchar_t *w, size_t n) {
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        if ((uint32_t)w[i] > 0x10FFFF) {
            sb_free(&sb);
            return err_format(&exc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]", (unsigned)w[i]);
        }
        if (sb_put_codepoint(&sb, (uint32_t)w[i]) < 0) { sb_free(&sb); return err_no_memory(); }
    }
    return sb_finish_str(&sb);
}

/* The code points of str s into w (room for all of them): how many. */
int64_t codec_str_wchars(Value s, wchar_t *w) {
    const unsigned char *p = (const unsigned char *)STR_DATA(s), *end = p + STR_LEN(s);
    int64_t n = 0;
    while (p < end) {
        uint32_t cp;
        p += utf8_dec(p, &cp);
        w[n++] = (wchar_t)cp;
    }
    return n;
}

/* A str as NUL-terminated wchar_t in a bytes object (what keeps it alive). */
Value codec_wchar_buffer(Value s) {
    int64_t n = AS_STR(s)->nchars;
    Bytes *b = bytes_alloc((size_t)(n + 1) * sizeof(wchar_t));
    if (!b) return VAL_NULL;
    wchar_t *w = (wchar_t *)b->data;
    w[codec_str_wchars(s, w)] = 0;
    return MK_OBJ(b);
}

static Value codec_Z_get(const void *ptr, int64_t size, int sw) {
    (void)size; (void)sw;
    const wchar_t *p = codec_ptr_load(ptr);
    return p ? codec_wstr(p, wcslen(p)) : VAL_NONE;
}

static Value codec_Z_set(void *ptr, Value v, int64_t size, int sw) {
    (void)size; (void)sw;
    if (IS_NONE(v)) { codec_ptr_store(ptr, NULL); return VAL_NONE; }
    if (IS_STR(v)) {
        Value buf = codec_wchar_buffer(v);
        if (IS_NULL(buf)) return VAL_NULL;
        codec_ptr_store(ptr, BYTES_DATA(buf));
        return buf;
    }
    if (IS_INT(v)) {
        uint64_t x;
        if (codec_int_mask(v, &x) < 0) return VAL_NULL;
        codec_ptr_store(ptr, (void *)(uintptr_t)x);
        return VAL_NONE;
    }
    return err_format(&exc_TypeError, "unicode string or integer address expected instead of %s instance",
                      val_type_name(v));
}

static Value codec_O_get(const void *ptr, int64_t size, int sw) {
    (void)size; (void)sw;
    uint64_t raw;
    memcpy(&raw, ptr, 8);
    Value v = codec_pyobj_read(raw);
    return IS_NULL(v) ? err_format(&exc_ValueError, "PyObject is NULL") : v;
}

static Value codec_O_set(void *ptr, Value v, int64_t size, int sw) {
    (void)size; (void)sw;
    uint64_t raw = codec_pyobj_word(v);
    memcpy(ptr, &raw, 8);
    return v;
}

/* ---- char and wchar_t array fields ('s', 'U') ---------------------------------------- */

static Value codec_s_get(const void *ptr, int64_t size, int sw) {
    (void)sw;
    const char *p = ptr;
    int64_t n = 0;
    while (n < size && p[n]) n++;
    return bytes_new(p, (size_t)n);
}

static Value codec_s_set(void *ptr, Value v, int64_t size, int sw) {
    (void)sw;
    if (!IS_BYTES(v)) return err_format(&exc_TypeError, "expected bytes, %s found", val_type_name(v));
    int64_t n = BYTES_LEN(v);
    if (n > size) return err_format(&exc_ValueError, "bytes too long (%zd, maximum length %zd)", (ssize_t)n, (ssize_t)size);
    memcpy(ptr, BYTES_DATA(v), (size_t)n);
    if (n < size) ((char *)ptr)[n] = 0;
    return VAL_NONE;
}

static Value codec_U_get(const void *ptr, int64_t size, int sw) {
    (void)sw;
    const wchar_t *w = ptr;
    int64_t max = size / (int64_t)sizeof(wchar_t), n = 0;
    while (n < max && w[n]) n++;
    return codec_wstr(w, (size_t)n);
}

static Value codec_U_set(void *ptr, Value v, int64_t size, int sw) {
    (void)sw;
    if (!IS_STR(v)) return err_format(&exc_TypeError, "unicode string expected instead of %s instance", val_type_name(v));
    int64_t n = AS_STR(v)->nchars, max = size / (int64_t)sizeof(wchar_t);
    if (n > max) return err_format(&exc_ValueError, "string too long (%zd, maximum length %zd)", (ssize_t)n, (ssize_t)max);
    wchar_t *w = gc_sys_malloc((size_t)(n + 1) * sizeof(wchar_t));
    if (!w) return err_no_memory();
    codec_str_wchars(v, w);
    memcpy(ptr, w, (size_t)n * sizeof(wchar_t));
    free(w);
    if (n < max) ((wchar_t *)ptr)[n] = 0;
    return VAL_NONE;
}

/* ---- the table ----------------------------------------------------------------------- */

#define CD(ch, nm, ffi, ct, fmt) {ch, codec_##nm##_get, codec_##nm##_set, &ffi, sizeof(ct), _Alignof(ct), fmt}
static const Codec codec_table[] = {
    CD('c', c, ffi_type_schar, char, "<c"),
    CD('b', b, ffi_type_schar, int8_t, "<b"),
    CD('B', B, ffi_type_uchar, uint8_t, "<B"),
    CD('h', h, ffi_type_sshort, int16_t, "<h"),
    CD('H', H, ffi_type_ushort, uint16_t, "<H"),
    CD('i', i, ffi_type_sint, int32_t, "<i"),
    CD('I', I, ffi_type_uint, uint32_t, "<I"),
    CD('l', q, ffi_type_slong, long, "<l"),
    CD('L', Q, ffi_type_ulong, unsigned long, "<L"),
    CD('q', q, ffi_type_sint64, int64_t, "<q"),
    CD('Q', Q, ffi_type_uint64, uint64_t, "<Q"),
    CD('d', d, ffi_type_double, double, "<d"),
    CD('f', f, ffi_type_float, float, "<f"),
    CD('g', g, ffi_type_longdouble, long double, "<g"),
    CD('u', u, ffi_type_sint32, wchar_t, "<u"),
    CD('z', z, ffi_type_pointer, char *, "<z"),
    CD('Z', Z, ffi_type_pointer, wchar_t *, "<Z"),
    CD('P', P, ffi_type_pointer, void *, "&<v"),
    CD('X', P, ffi_type_pointer, void *, "<X"),
    CD('O', O, ffi_type_pointer, void *, "<O"),
    CD('v', h, ffi_type_sshort, int16_t, "<v"),
    CD('?', bool, ffi_type_uchar, _Bool, "<?"),
    CD('s', s, ffi_type_pointer, char, NULL),
    CD('U', U, ffi_type_pointer, wchar_t, NULL),
    {0, NULL, NULL, NULL, 0, 0, NULL},
};

const Codec *codec_find(char code) {
    for (const Codec *c = codec_table; c->code; c++)
        if (c->code == code) return c;
    return NULL;
}
