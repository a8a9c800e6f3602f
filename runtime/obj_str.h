/* obj_str.h - str: immutable UTF-8 text.
 *
 * The bytes are stored inline after the type's fixed part (at offset
 * type->basicsize: right after the Str for exact str, after the __dict__ slot
 * and any other fixed slots for subclass instances), NUL-terminated, and
 * `data` points at them, so STR_DATA is O(1) for every layout.  Only
 * str_alloc/str_alloc_type may create str objects.  `len` counts
 * bytes, `nchars` code points; when they are equal the string is ASCII and
 * indexing is O(1).  Non-ASCII indexing walks the UTF-8 (obj_str.c may cache
 * a position index).  hash is -1 until computed.  Identifiers and attribute
 * names are interned: equal interned strings are the same object, so
 * attribute lookup compares pointers first.
 */
#ifndef GILPY_OBJ_STR_H
#define GILPY_OBJ_STR_H

#include <stddef.h>
#include "object.h"

typedef struct Str {
    Obj     header;         /* aux: STRF_* */
    int64_t len;            /* bytes, without the NUL */
    int64_t nchars;         /* code points */
    int64_t hash;           /* -1 until computed */
    char   *data;           /* -> the inline UTF-8, NUL-terminated */
} Str;

enum { STRF_INTERNED = 1u << 0 };

#define AS_STR(v)        ((Str *)AS_OBJ(v))
#define STR_DATA(v)      (AS_STR(v)->data)
#define STR_LEN(v)       (AS_STR(v)->len)
#define STR_IS_ASCII(s)  ((s)->len == (s)->nchars)

/* Construction.  `s` must be valid UTF-8 (str_new_checked validates). */
Value str_new(const char *s, size_t len);
Value str_from_c(const char *s);
Value str_new_checked(const char *s, size_t len);   /* UnicodeDecodeError if bad */
Value str_new_ascii(const char *s, size_t len);     /* every byte < 0x80: the caller checked */
/* Decode bytes with errors='replace' semantics (for reading from the OS). */
Value str_decode_utf8_lossy(const char *s, size_t len);
Value str_from_codepoint(uint32_t cp);
Value str_empty(void);
/* An uninitialised str of `len` bytes to fill in, then str_finish. */
Str  *str_alloc(size_t len);
/* The same for an instance of a str subclass `cls` (its __dict__ slot, if
 * any, is set to VAL_NULL). */
Str  *str_alloc_type(Type *cls, size_t len);
Value str_finish(Str *s);                 /* computes nchars; returns the Value */

/* Interning. */
Value str_intern(Value s);                /* the canonical copy of s */
Value str_intern_c(const char *s);        /* interned str from a C string */
/* Interned strings are immortal: the GC calls this to mark them as roots. */
void  str_mark_interned(void);

/* Codecs (utf-8, ascii, latin-1; errors strict/ignore/replace, plus
 * backslashreplace/xmlcharrefreplace for encoding).  CPython's
 * LookupError/UnicodeError messages.  `errors` NULL means "strict". */
Value str_decode(const uint8_t *data, size_t len, const char *encoding, const char *errors);
Value str_encode(Value s, const char *encoding, const char *errors);
/* An encoding or errors argument (a str, or VAL_NULL for dflt) as a C string;
 * NULL with CPython's ValueError when it holds a NUL. */
const char *str_codec_arg(Value v, const char *dflt);
/* Any other encoding goes through the codec registry: str_encode/str_decode
 * call this hook (set by the _codecs module, imported on first need) with the
 * str or the bytes; it returns bytes or str, as CPython's _PyCodec_EncodeText. */
typedef Value (*StrCodecHook)(Value obj, const char *encoding, const char *errors, int decode);
extern StrCodecHook str_codec_registry;
/* The file system codec (UTF-8, surrogateescape): names from the OS to str,
 * and a str to the NUL-terminated bytes for the OS (*keep holds them alive;
 * NULL with UnicodeEncodeError for a surrogate that is not an escaped byte). */
Value str_fsdecode(const char *p, size_t len);
/* Does s hold a lone surrogate (which its UTF-8 keeps as ED A0..BF xx)? */
int   str_has_surrogates(Value s);
/* CPython's name of a codec gilpy knows ("latin1" -> "iso8859-1"); NULL with
 * LookupError for another. */
const char *str_codec_name(const char *encoding);
const char *str_fsencode(Value s, Value *keep);

/* Decode one code point of a str's UTF-8 at p (a lone surrogate is ED A0..BF xx);
 * returns its byte length. */
static inline int utf8_dec(const unsigned char *p, uint32_t *cp) {
    unsigned c = p[0];
    if (c < 0x80) { *cp = c; return 1; }
    if (c < 0xE0) { *cp = ((c & 0x1F) << 6) | (p[1] & 0x3F); return 2; }
    if (c < 0xF0) {
        *cp = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        return 3;
    }
    *cp = ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    return 4;
}

/* Queries. */
int64_t str_hash(Value s);
int   str_eq(Value a, Value b);           /* both str: same text? */
int   str_eq_c(Value a, const char *s);
int   str_compare(Value a, Value b);      /* <0, 0, >0 by code point */
Value str_concat(Value a, Value b);
Value str_getitem_index(Value s, int64_t i);        /* s[i], IndexError */
Value str_slice(Value s, int64_t start, int64_t stop, int64_t step);
/* CPython's _PyUnicode_TransformDecimalAndSpaceToASCII, for int()/float() of a
 * str: Unicode decimal digits become '0'..'9', Unicode spaces ' ', any other
 * non-ASCII character '?'.  An ASCII str comes back as is. */
Value str_ascii_numeric(Value s);
uint32_t str_char_at(Value s, int64_t i);            /* code point at char index */
/* Byte offset of char index i (0 <= i <= nchars). */
int64_t str_byte_offset(Value s, int64_t i);
Value str_repr(Value s);                  /* 'text' with CPython's quoting */
Value str_join(Value sep, Value iterable);
Value str_mod_format(Value fmt, Value args);         /* fmt % args */
/* bytes % args: the same engine with bytes semantics (%b, %c of a byte,
 * %s of buffers/__bytes__, %r/%a as ascii()); returns bytes. */
Value str_pct_bytes(const uint8_t *fmt, size_t len, Value args);
Value str_format_method(Value fmt, Value *args, int nargs, Value kwnames);
/* A parsed replacement field of a format string (CPython's parse_field): byte
 * ranges into it.  str_fmt_parse_field parses the field that starts after its
 * '{' at f[*pos] and leaves *pos after the closing '}'; ValueError with
 * CPython's messages and order of checks. */
typedef struct FmtField {
    const char *name; size_t name_len;
    const char *spec; size_t spec_len;
    uint32_t conv;              /* 0 when no !conversion */
    int expand;                 /* the spec holds nested {fields} */
} FmtField;
int   str_fmt_parse_field(const char *f, size_t len, size_t *pos, FmtField *out);
/* format(x, spec) for str values. */
Value str_format_spec(Value s, Value spec);
/* The argument converters str, bytes and bytearray methods share (beyond
 * those of call.h).  An optional start/end of find/count/startswith: absent
 * or None leaves *out alone, else __index__ clamped ("slice indices must be
 * integers or None or have an __index__ method"). */
int   str_slice_arg(Value v, int64_t *out);
/* An Argument Clinic `int` parameter (tabsize, keepends, bytes_per_sep):
 * __index__, OverflowError "Python int too large to convert to C int". */
int   str_arg_to_int(Value v, int *out);
/* Per code point: the simple case mappings and the classes str.isdecimal,
 * isalnum, isspace and the cased test use (for _sre). */
uint32_t str_cp_lower(uint32_t c);
uint32_t str_cp_upper(uint32_t c);
int   str_cp_isdecimal(uint32_t c);
int   str_cp_isalnum(uint32_t c);
int   str_cp_isspace(uint32_t c);
int   str_cp_iscased(uint32_t c);
/* Iterator over a str's characters. */
Value str_iter(Value s);

#endif
