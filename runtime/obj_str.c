/* obj_str.c - str: immutable UTF-8 text, its methods, codecs, % and format().
 *
 * Layout.  A str is one GC object: the Str header, then any fixed slots of
 * the instance's type, then the UTF-8 bytes + NUL.  The bytes start at offset
 * `type->basicsize` and Str.data points at them.  For exact str that is
 * sizeof(Str); for a subclass instance the class machinery's ordinary layout
 * (dictoffset = base->basicsize, basicsize = base->basicsize + 8) puts the
 * __dict__ slot at sizeof(Str) and the text after it.  So STR_DATA(v) is one
 * load for every layout and no code needs to know about subclasses.  Every
 * str is created by str_alloc_type (str.__new__ for subclasses).
 *
 * Character index -> byte offset.  ASCII strings (len == nchars) index in
 * O(1).  For the others a small global cache of "cursors" (string, char
 * index, byte offset) remembers the last position used in each of the 8 most
 * recently indexed strings; a lookup walks from the nearest of the start, the
 * end and the cursor.  Loops over s[i] (forwards or backwards), slicing in a
 * loop and find/index with start offsets are therefore O(1) amortised per
 * step without any per-string memory.  The cache holds raw pointers, not
 * references: str_alloc_type drops any entry for the address it hands out,
 * so an entry can never describe a recycled object.
 *
 * Hash: CPython's (SipHash-1-3 of the Latin-1/UCS-2/UCS-4 units, zero key),
 * cached in Str.hash (never -1).
 * Interning: an open-addressing table of Str* (immortal; str_mark_interned
 * marks them for the GC).  The empty string and the 256 Latin-1 one-char
 * strings are interned singletons.
 *
 * Unicode properties: built-in tables for ASCII, Latin-1, Latin Extended-A,
 * Greek and Cyrillic case mapping; other code points use glibc's C.UTF-8
 * locale (towupper_l, iswalpha_l, ...) when it is available, plus small
 * tables for digits/numerics and CPython's whitespace and special casings
 * (sharp s, final sigma, dotted I, titlecase digraphs).
 *
 * Formatting: one printf-style engine (pct_format) serves str % args and,
 * in its bytes mode, bytes % args; str.format follows CPython's
 * MarkupIterator/parse_field step by step so its ValueErrors match.
 */
#define _GNU_SOURCE
#include <locale.h>
#include <wctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "obj_str.h"
#include "unicode_db.h"
#include "unicode_names.h"
#include "obj_bytes.h"
#include "obj_memoryview.h"
#include "obj_list.h"
#include "obj_dict.h"
#include "obj_int.h"
#include "obj_float.h"
#include "obj_misc.h"
#include "gc.h"
#include "error.h"
#include "call.h"
#include "strbuf.h"
#include "format.h"
#include "state.h"

/* ======================================================================
 * UTF-8
 * ==================================================================== */

static inline int utf8_enc(uint32_t cp, char *b) {
    if (cp < 0x80) { b[0] = (char)cp; return 1; }
    if (cp < 0x800) { b[0] = (char)(0xC0 | (cp >> 6)); b[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12)); b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F)); return 3;
    }
    b[0] = (char)(0xF0 | (cp >> 18)); b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    b[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); b[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static int64_t utf8_count(const char *s, int64_t len) {
    int64_t n = 0;
    for (int64_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Check UTF-8 at p[0..len) starting at i.  Returns the sequence length (>0),
 * or the negative length of the maximal invalid prefix with *why set. */
static int utf8_check_one(const unsigned char *p, size_t i, size_t len, const char **why) {
    unsigned c = p[i];
    if (c < 0x80) return 1;
    int n; unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
    else { *why = "invalid start byte"; return -1; }
    for (int k = 1; k < n; k++) {
        if (i + k >= len) { *why = "unexpected end of data"; return -k; }
        unsigned d = p[i + k];
        if (d < lo || d > hi) { *why = "invalid continuation byte"; return -k; }
        lo = 0x80; hi = 0xBF;
    }
    return n;
}

/* ======================================================================
 * Allocation, cursors, interning
 * ==================================================================== */

typedef struct Cursor { Str *s; int64_t ci, bi; } Cursor;
static Cursor cursors[8];
static unsigned cursor_next;

Str *str_alloc_type(Type *cls, size_t len) {
    size_t off = cls->basicsize < sizeof(Str) ? sizeof(Str) : cls->basicsize;
    Str *s = (Str *)gc_alloc(cls, off + len + 1);
    if (!s) return NULL;
    for (int i = 0; i < 8; i++)
        if (cursors[i].s == s) cursors[i].s = NULL;
    s->data = (char *)s + off;
    s->len = (int64_t)len;
    s->nchars = (int64_t)len;
    s->hash = -1;
    if (cls->dictoffset) *(Value *)((char *)s + cls->dictoffset) = VAL_NULL;
    return s;
}

Str *str_alloc(size_t len) { return str_alloc_type(&type_str, len); }

Value str_finish(Str *s) {
    s->data[s->len] = '\0';
    s->nchars = utf8_count(s->data, s->len);
    return MK_OBJ(s);
}

static Value str_singletons[257];   /* [0..255] Latin-1 chars, [256] "" */

static Value str_new_raw(const char *p, size_t len) {
    Str *s = str_alloc(len);
    if (!s) return VAL_NULL;
    memcpy(s->data, p, len);
    return str_finish(s);
}

static Value singleton_for(const char *p, size_t len) {
    int idx;
    if (len == 0) idx = 256;
    else if (len == 1 && (unsigned char)p[0] < 0x80) idx = (unsigned char)p[0];
    else if (len == 2 && ((unsigned char)p[0] & 0xFE) == 0xC2)
        idx = (((unsigned char)p[0] & 0x1F) << 6) | ((unsigned char)p[1] & 0x3F);
    else return VAL_NULL;
    if (str_singletons[idx] == 0) {
        Value v = str_new_raw(p, len);
        if (IS_NULL(v)) return v;
        v = str_intern(v);
        str_singletons[idx] = v;
    }
    return str_singletons[idx];
}

Value str_new(const char *p, size_t len) {
    if (len <= 2) {
        Value v = singleton_for(p, len);
        if (!IS_NULL(v)) return v;
    }
    return str_new_raw(p, len);
}

Value str_from_c(const char *p) { return str_new(p, strlen(p)); }
Value str_empty(void) { return str_new("", 0); }

Value str_from_codepoint(uint32_t cp) {
    char b[4];
    return str_new(b, (size_t)utf8_enc(cp, b));
}

/* Byte offset of char index ci (0 <= ci <= nchars). */
static int64_t str_offset(Str *s, int64_t ci) {
    if (s->len == s->nchars) return ci;
    if (ci <= 0) return 0;
    if (ci >= s->nchars) return s->len;
    Cursor *c = NULL;
    for (int i = 0; i < 8; i++) if (cursors[i].s == s) { c = &cursors[i]; break; }
    if (!c) { c = &cursors[cursor_next++ & 7]; c->s = s; c->ci = 0; c->bi = 0; }
    int64_t pci = c->ci, pbi = c->bi;
    if (ci < pci && ci < pci - ci) { pci = 0; pbi = 0; }
    if (ci > pci && s->nchars - ci < ci - pci) { pci = s->nchars; pbi = s->len; }
    const unsigned char *d = (const unsigned char *)s->data;
    while (pci < ci) {
        pbi++;
        while ((d[pbi] & 0xC0) == 0x80) pbi++;
        pci++;
    }
    while (pci > ci) {
        pbi--;
        while ((d[pbi] & 0xC0) == 0x80) pbi--;
        pci--;
    }
    c->ci = pci; c->bi = pbi;
    return pbi;
}

int64_t str_byte_offset(Value s, int64_t i) { return str_offset(AS_STR(s), i); }


uint32_t str_char_at(Value v, int64_t i) {
    Str *s = AS_STR(v);
    uint32_t cp;
    utf8_dec((const unsigned char *)s->data + str_offset(s, i), &cp);
    return cp;
}

/* ---- interning ---- */
static Str **intern_tab;
static size_t intern_cap, intern_count;

static int intern_grow(void) {
    size_t ncap = intern_cap ? intern_cap * 2 : 1024;
    Str **nt = calloc(ncap, sizeof *nt);
    if (!nt) { err_no_memory(); return -1; }
    for (size_t i = 0; i < intern_cap; i++) {
        Str *s = intern_tab[i];
        if (!s) continue;
        size_t j = (size_t)s->hash & (ncap - 1);
        while (nt[j]) j = (j + 1) & (ncap - 1);
        nt[j] = s;
    }
    free(intern_tab);
    intern_tab = nt;
    intern_cap = ncap;
    return 0;
}

Value str_intern(Value v) {
    Str *s = AS_STR(v);
    if (s->header.aux & STRF_INTERNED) return v;
    if ((intern_count + 1) * 3 >= intern_cap * 2 && intern_grow() < 0) return VAL_NULL;
    int64_t h = str_hash(v);
    size_t j = (size_t)h & (intern_cap - 1);
    while (intern_tab[j]) {
        Str *t = intern_tab[j];
        if (t->hash == h && t->len == s->len && memcmp(t->data, s->data, (size_t)s->len) == 0)
            return MK_OBJ(t);
        j = (j + 1) & (intern_cap - 1);
    }
    if (s->header.type != &type_str) {      /* intern an exact copy */
        Value c = str_new_raw(s->data, (size_t)s->len);
        if (IS_NULL(c)) return c;
        s = AS_STR(c);
        str_hash(c);
    }
    s->header.aux |= STRF_INTERNED;
    intern_tab[j] = s;
    intern_count++;
    return MK_OBJ(s);
}

/* C code asks for the same names (dict_get_c(globals, "__builtins__") at
 * every function made, obj_getattr_c in the C modules) over and over: a
 * direct-mapped cache from the C string's address to its interned str
 * saves the new str and its hash.  An entry is used only when its text
 * still equals the string (the address may be a reused buffer); interned
 * strings live as long as the interpreter. */
#define INTERN_C_CACHE 512
static struct { const char *p; Str *s; } intern_c_cache[INTERN_C_CACHE];

Value str_intern_c(const char *p) {
    size_t slot = ((uintptr_t)p >> 3) % INTERN_C_CACHE;
    Str *hit = intern_c_cache[slot].s;
    if (intern_c_cache[slot].p == p && hit && strcmp(hit->data, p) == 0) return MK_OBJ(hit);
    Value v = str_new(p, strlen(p));
    if (IS_NULL(v)) return v;
    v = str_intern(v);
    if (IS_NULL(v)) return v;
    if ((size_t)AS_STR(v)->len == strlen(p)) {     /* no NUL inside: strcmp can tell */
        intern_c_cache[slot].p = p;
        intern_c_cache[slot].s = AS_STR(v);
    }
    return v;
}

void str_mark_interned(void) {
    for (size_t i = 0; i < intern_cap; i++)
        if (intern_tab[i]) gc_mark_obj(&intern_tab[i]->header);
}

/* ---- construction with validation ---- */
static size_t utf8_valid_prefix(const uint8_t *d, size_t i, size_t len);

Value str_new_checked(const char *p, size_t len) {
    if (utf8_valid_prefix((const uint8_t *)p, 0, len) == len) return str_new(p, len);   /* valid: as is */
    return str_decode((const uint8_t *)p, len, "utf-8", "strict");
}

Value str_new_ascii(const char *p, size_t len) {
    if (len <= 1) return str_new(p, len);
    Str *s = str_alloc(len);
    if (!s) return VAL_NULL;
    memcpy(s->data, p, len);
    s->data[len] = '\0';
    s->nchars = (int64_t)len;
    return MK_OBJ(s);
}

Value str_decode_utf8_lossy(const char *p, size_t len) {
    return str_decode((const uint8_t *)p, len, "utf-8", "replace");
}

/* ======================================================================
 * Queries
 * ==================================================================== */

/* Width of CPython's storage for s: 1 (Latin-1), 2 (UCS-2) or 4 (UCS-4). */
static int str_kind(const Str *s) {
    uint32_t max = 0, cp;
    for (int64_t i = 0; i < s->len;) {
        i += utf8_dec((const unsigned char *)s->data + i, &cp);
        if (cp > max) max = cp;
    }
    return max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
}

/* CPython hashes the code points in its storage units, little-endian. */
int64_t str_hash(Value v) {
    Str *s = AS_STR(v);
    if (s->hash != -1) return s->hash;
    SipHash h;
    siphash_init(&h);
    if (s->nchars == s->len) {
        siphash_feed(&h, (const uint8_t *)s->data, (size_t)s->len);
    } else {
        int kind = str_kind(s);
        uint32_t cp;
        for (int64_t i = 0; i < s->len;) {
            i += utf8_dec((const unsigned char *)s->data + i, &cp);
            uint8_t unit[4] = {(uint8_t)cp, (uint8_t)(cp >> 8), (uint8_t)(cp >> 16), 0};
            siphash_feed(&h, unit, (size_t)kind);
        }
    }
    s->hash = siphash_finish(&h);
    return s->hash;
}

int str_eq(Value a, Value b) {
    if (a == b) return 1;
    Str *x = AS_STR(a), *y = AS_STR(b);
    if (x->len != y->len) return 0;
    if ((x->header.aux & y->header.aux & STRF_INTERNED)) return 0;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return 0;
    return memcmp(x->data, y->data, (size_t)x->len) == 0;
}

int str_eq_c(Value a, const char *p) {
    size_t n = strlen(p);
    return (size_t)STR_LEN(a) == n && memcmp(STR_DATA(a), p, n) == 0;
}

int str_compare(Value a, Value b) {
    Str *x = AS_STR(a), *y = AS_STR(b);
    int64_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->data, y->data, (size_t)n);
    if (c) return c;
    return (x->len > y->len) - (x->len < y->len);
}

Value str_concat(Value a, Value b) {
    Str *x = AS_STR(a), *y = AS_STR(b);
    if (y->len == 0 && x->header.type == &type_str) return a;
    if (x->len == 0 && y->header.type == &type_str) return b;
    Str *r = str_alloc((size_t)(x->len + y->len));
    if (!r) return VAL_NULL;
    memcpy(r->data, x->data, (size_t)x->len);
    memcpy(r->data + x->len, y->data, (size_t)y->len);
    r->data[r->len] = '\0';
    r->nchars = x->nchars + y->nchars;
    return MK_OBJ(r);
}

/* A new str for bytes [bs, be) of s holding nc chars. */
static Value str_sub(Str *s, int64_t bs, int64_t be, int64_t nc) {
    if (bs == 0 && be == s->len && s->header.type == &type_str) return MK_OBJ(s);
    if (be - bs <= 2) return str_new(s->data + bs, (size_t)(be - bs));
    Str *r = str_alloc((size_t)(be - bs));
    if (!r) return VAL_NULL;
    memcpy(r->data, s->data + bs, (size_t)(be - bs));
    r->data[r->len] = '\0';
    r->nchars = nc;
    return MK_OBJ(r);
}

/* Substring by char indices [ci, cj). */
static Value str_subchars(Str *s, int64_t ci, int64_t cj) {
    if (cj <= ci) return str_empty();
    int64_t bs = str_offset(s, ci), be = str_offset(s, cj);
    return str_sub(s, bs, be, cj - ci);
}

Value str_getitem_index(Value v, int64_t i) {
    Str *s = AS_STR(v);
    if (i < 0) i += s->nchars;
    if (i < 0 || i >= s->nchars) return err_format(&exc_IndexError, "string index out of range");
    if (s->len == s->nchars) return str_new(s->data + i, 1);
    int64_t b = str_offset(s, i);
    uint32_t cp;
    int n = utf8_dec((const unsigned char *)s->data + b, &cp);
    if (n > 2) {
        Str *r = str_alloc((size_t)n);
        if (!r) return VAL_NULL;
        memcpy(r->data, s->data + b, (size_t)n);
        r->data[n] = '\0';
        r->nchars = 1;
        return MK_OBJ(r);
    }
    return str_new(s->data + b, (size_t)n);
}

Value str_slice(Value v, int64_t start, int64_t stop, int64_t step) {
    Str *s = AS_STR(v);
    if (step == 1) return str_subchars(s, start, stop);
    int64_t n = 0;
    if (step > 0 && stop > start) n = (stop - start - 1) / step + 1;
    if (step < 0 && start > stop) n = (start - stop - 1) / (-step) + 1;
    if (n <= 0) return str_empty();
    if (s->len == s->nchars) {                  /* ASCII: a byte per character, copied */
        if (n == 1) return str_new(s->data + start, 1);          /* the interned singletons */
        Str *r = str_alloc((size_t)n);
        if (!r) return VAL_NULL;
        for (int64_t k = 0, i = start; k < n; k++, i = seq_next_index(i, step)) r->data[k] = s->data[i];
        r->data[n] = '\0';
        return MK_OBJ(r);
    }
    StrBuf sb; sb_init(&sb);
    int64_t b = str_offset(s, start);           /* then walk the UTF-8 |step| chars at a time */
    const char *d = s->data;
    for (int64_t k = 0; k < n; k++) {
        uint32_t cp;
        int len = utf8_dec((const unsigned char *)d + b, &cp);
        if (sb_put(&sb, d + b, (size_t)len) < 0) { sb_free(&sb); return VAL_NULL; }
        if (k + 1 == n) break;
        for (int64_t m = step; m > 0; m--)
            do b++; while (b < s->len && ((unsigned char)d[b] & 0xC0) == 0x80);
        for (int64_t m = step; m < 0; m++)
            do b--; while (b > 0 && ((unsigned char)d[b] & 0xC0) == 0x80);
    }
    return sb_finish_str(&sb);
}

/* ======================================================================
 * Unicode character properties
 * ==================================================================== */

static locale_t uloc;
static int uloc_tried;

static locale_t uc_locale(void) {
    if (!uloc_tried) {
        uloc_tried = 1;
        uloc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
        if (!uloc) uloc = newlocale(LC_CTYPE_MASK, "C.utf8", (locale_t)0);
    }
    return uloc;
}

/* Simple case mappings: ASCII here, the rest from the Unicode database. */
static uint32_t uc_upper(uint32_t c) {
    if (c < 0x80) return c >= 'a' && c <= 'z' ? c - 32 : c;
    return unicode_db_upper(c);
}

static uint32_t uc_lower(uint32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
    return unicode_db_lower(c);
}

/* Titlecase letters (category Lt: U+01C5, the Greek letters with prosgegrammeni). */
static int uc_istitle(uint32_t c) { return c >= 0x80 && unicode_db_is_title(c); }

static int uc_isupper(uint32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    if (uc_istitle(c)) return 0;
    return uc_lower(c) != c || (uc_locale() && iswupper_l((wint_t)c, uc_locale()));
}

static int uc_islower(uint32_t c) {
    if (c < 0x80) return c >= 'a' && c <= 'z';
    if (c == 0xDF || c == 0x138 || c == 0x149 || c == 0xAA || c == 0xBA) return 1;
    if (uc_istitle(c)) return 0;
    return uc_upper(c) != c || (uc_locale() && iswlower_l((wint_t)c, uc_locale()));
}


static int uc_iscased(uint32_t c) { return uc_isupper(c) || uc_islower(c) || uc_istitle(c); }

/* The numeric classes and letters of non-ASCII characters are the Unicode
 * database's (runtime/unicode_db.c), as CPython's are. */

/* Decimal digit value of c, or -1. */
static int uc_decimal(uint32_t c) {
    if (c < 0x80) return (c >= '0' && c <= '9') ? (int)(c - '0') : -1;
    return unicode_db_decimal(c);
}

static int uc_isdigit(uint32_t c) {
    return c < 0x80 ? c >= '0' && c <= '9' : unicode_db_digit(c) >= 0;
}

static int uc_isnumeric(uint32_t c) {
    return c < 0x80 ? c >= '0' && c <= '9' : unicode_db_is_numeric(c);
}

static int uc_isspace(uint32_t c) {
    if (c < 0x80) return (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x20);
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

static int uc_isalpha(uint32_t c) {
    if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
    return unicode_db_is_letter(c);
}

static int uc_isalnum(uint32_t c) { return uc_isalpha(c) || uc_isnumeric(c); }

/* The character classes and simple case mappings _sre's matcher shares. */
uint32_t str_cp_lower(uint32_t c) { return uc_lower(c); }
uint32_t str_cp_upper(uint32_t c) { return uc_upper(c); }
int str_cp_isdecimal(uint32_t c) { return uc_decimal(c) >= 0; }
int str_cp_isalnum(uint32_t c) { return uc_isalnum(c); }
int str_cp_isspace(uint32_t c) { return uc_isspace(c); }
int str_cp_iscased(uint32_t c) { return uc_iscased(c); }

static int uc_isprintable(uint32_t c) {
    if (c < 0x80) return c >= 0x20 && c < 0x7F;
    if (c <= 0xA0 || c == 0xAD) return 0;
    if (c < 0x100) return 1;
    if (c == 0x1680 || (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
        (c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0xFEFF ||
        (c >= 0xFFF9 && c <= 0xFFFB) || (c >= 0xD800 && c <= 0xF8FF) ||
        (c >= 0x600 && c <= 0x605) || c == 0x61C || c == 0x6DD || c == 0x70F ||
        c == 0x180E || c >= 0xE0000 || c > 0x10FFFF)
        return 0;
    if (c >= 0x400 && c <= 0x52F) return 1;
    if (c >= 0x1F300 && c <= 0x1FAFF) return 1;
    locale_t l = uc_locale();
    return l ? iswprint_l((wint_t)c, l) != 0 : 1;
}

/* Letters, '_' and the letter numbers (Nl: Roman numerals and the like). */
static int uc_isid_start(uint32_t c) {
    return c == '_' || uc_isalpha(c) || (c >= 0x2160 && c <= 0x2188) || c == 0x3007 ||
           (c >= 0x3021 && c <= 0x3029) || (c >= 0x16EE && c <= 0x16F0);
}
static int uc_isid_continue(uint32_t c) {
    return uc_isid_start(c) || uc_decimal(c) >= 0 || (c >= 0x300 && c <= 0x36F) ||
           c == 0xB7 || c == 0x387 || (c >= 0x483 && c <= 0x487);
}

/* Iterate the code points of a str. */
#define FOR_CP(s, cp, body) do {                                             \
    const unsigned char *p_ = (const unsigned char *)(s)->data;              \
    const unsigned char *e_ = p_ + (s)->len;                                 \
    while (p_ < e_) { uint32_t cp; p_ += utf8_dec(p_, &cp); body }           \
} while (0)

/* ======================================================================
 * repr
 * ==================================================================== */

static int put_escape(StrBuf *sb, uint32_t c) {
    if (c < 0x100) return sb_printf(sb, "\\x%02x", c);
    if (c < 0x10000) return sb_printf(sb, "\\u%04x", c);
    return sb_printf(sb, "\\U%08x", c);
}

static int repr_into(StrBuf *sb, Str *s) {
    int sq = 0, dq = 0;
    for (int64_t i = 0; i < s->len; i++) {
        if (s->data[i] == '\'') sq = 1;
        else if (s->data[i] == '"') dq = 1;
    }
    char q = (sq && !dq) ? '"' : '\'';
    int rc = sb_putc(sb, q);
    FOR_CP(s, c, {
        if (rc < 0) return -1;
        if (c == (uint32_t)q || c == '\\') { sb_putc(sb, '\\'); rc = sb_putc(sb, (char)c); }
        else if (c == '\n') rc = sb_puts(sb, "\\n");
        else if (c == '\r') rc = sb_puts(sb, "\\r");
        else if (c == '\t') rc = sb_puts(sb, "\\t");
        else if (c < 0x80 && c >= 0x20 && c != 0x7F) rc = sb_putc(sb, (char)c);
        else if (uc_isprintable(c)) rc = sb_put_codepoint(sb, c);
        else rc = put_escape(sb, c);
    });
    if (rc < 0 || sb_putc(sb, q) < 0) return -1;
    return 0;
}

Value str_repr(Value v) {
    StrBuf sb; sb_init(&sb);
    if (repr_into(&sb, AS_STR(v)) < 0) { sb_free(&sb); return VAL_NULL; }
    return sb_finish_str(&sb);
}

/* ascii(): repr with every non-ASCII char escaped. */
static Value ascii_of(Value v) {
    Value r = obj_repr(v);
    if (IS_NULL(r)) return r;
    Str *s = AS_STR(r);
    if (s->len == s->nchars) return r;
    StrBuf sb; sb_init(&sb);
    FOR_CP(s, c, {
        if ((c < 0x80 ? sb_putc(&sb, (char)c) : put_escape(&sb, c)) < 0) { sb_free(&sb); return VAL_NULL; }
    });
    return sb_finish_str(&sb);
}

/* ======================================================================
 * Codecs
 * ==================================================================== */

enum { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1 };
static const char *const codec_names[] = {"utf-8", "ascii", "latin-1"};

static int codec_lookup(const char *enc) {
    char n[32];
    size_t i = 0;
    for (; enc[i] && i < sizeof n - 1; i++) {
        char c = enc[i];
        if (c >= 'A' && c <= 'Z') c += 32;
        if (c == '_' || c == ' ') c = '-';
        n[i] = c;
    }
    n[i] = '\0';
    if (!strcmp(n, "utf-8") || !strcmp(n, "utf8") || !strcmp(n, "u8") || !strcmp(n, "utf") ||
        !strcmp(n, "cp65001"))
        return CODEC_UTF8;
    if (!strcmp(n, "ascii") || !strcmp(n, "us-ascii") || !strcmp(n, "646") || !strcmp(n, "us"))
        return CODEC_ASCII;
    if (!strcmp(n, "latin-1") || !strcmp(n, "latin1") || !strcmp(n, "iso-8859-1") ||
        !strcmp(n, "iso8859-1") || !strcmp(n, "8859") || !strcmp(n, "cp819") ||
        !strcmp(n, "l1") || !strcmp(n, "latin") || !strcmp(n, "iso-ir-100"))
        return CODEC_LATIN1;
    return -1;
}

/* Other encodings come from the codec registry (stdlib/mod_codecs.c, which
 * the library's encodings package fills): the module installs this hook when
 * it is imported, and the first encoding gilpy does not know here imports it.
 * The C codecs above stay the path for utf-8, ascii and latin-1. */
StrCodecHook str_codec_registry;

static Value codec_via_registry(Value obj, const char *encoding, const char *errors, int decode) {
    if (IS_NULL(obj)) return VAL_NULL;
    if (!str_codec_registry) {
        Value imp = dict_get_c(interp.builtins, "__import__");
        if (IS_NULL(imp) || IS_NULL(call1(imp, str_from_c("_codecs")))) {
            if (!err_occurred()) err_format(&exc_LookupError, "unknown encoding: %s", encoding);
            return VAL_NULL;
        }
        if (!str_codec_registry) return err_format(&exc_LookupError, "unknown encoding: %s", encoding);
    }
    return str_codec_registry(obj, encoding, errors, decode);
}

/* The error handlers, CPython's eight.  Each failure is a *range*: the
 * decoder's maximal invalid byte run (one byte for a bad start byte, the
 * lead and its valid continuation bytes before a bad one, what is left at an
 * unexpected end), the encoder's run of consecutive unencodable characters.
 * Handlers see the whole range and either produce its replacement or raise
 * the original exception with the range they could not handle, exactly as
 * codecs.c's handlers do, so UnicodeError.start/end and the bytes a
 * surrogateescape round trip gives back are CPython's. */
enum { EH_STRICT, EH_IGNORE, EH_REPLACE, EH_BACKSLASH, EH_XMLCHAR, EH_SURROGATEESCAPE,
       EH_SURROGATEPASS, EH_NAMEREPLACE, EH_UNKNOWN };

static int errors_lookup(const char *e) {
    if (!e || !strcmp(e, "strict")) return EH_STRICT;
    if (!strcmp(e, "ignore")) return EH_IGNORE;
    if (!strcmp(e, "replace")) return EH_REPLACE;
    if (!strcmp(e, "backslashreplace")) return EH_BACKSLASH;
    if (!strcmp(e, "xmlcharrefreplace")) return EH_XMLCHAR;
    if (!strcmp(e, "surrogateescape")) return EH_SURROGATEESCAPE;
    if (!strcmp(e, "surrogatepass")) return EH_SURROGATEPASS;
    if (!strcmp(e, "namereplace")) return EH_NAMEREPLACE;
    return EH_UNKNOWN;
}

static Value unknown_handler(const char *e) {
    return err_format(&exc_LookupError, "unknown error handler name '%s'", e);
}

static Value raise_unicode_error(Type *t, const char *enc, Value obj, int64_t start,
                                 int64_t end, const char *reason) {
    Value args[5] = {str_from_c(enc), obj, MK_SMALLINT(start), MK_SMALLINT(end), str_from_c(reason)};
    Value exc = call_value(MK_OBJ(t), args, 5, VAL_NULL);
    if (!IS_NULL(exc)) return err_set_obj(exc);
    err_clear();
    return err_format(t, "'%s' codec can't process data in position %d-%d: %s",
                      enc, (int)start, (int)end - 1, reason);
}

static Value decode_error(int codec, const uint8_t *d, size_t len, size_t start, size_t end,
                          const char *reason) {
    Value b = bytes_new(d, len);
    if (IS_NULL(b)) return b;
    return raise_unicode_error(&exc_UnicodeDecodeError, codec_names[codec], b,
                               (int64_t)start, (int64_t)end, reason);
}

/* Is d[i..) an encoded surrogate, ED A0..BF 80..BF (what surrogatepass decodes)? */
static int utf8_is_surrogate_at(const uint8_t *d, size_t len, size_t i) {
    return i + 2 < len && d[i] == 0xED && d[i + 1] >= 0xA0 && d[i + 1] <= 0xBF &&
           d[i + 2] >= 0x80 && d[i + 2] <= 0xBF;
}

/* Handle the undecodable range d[i..i+n); returns the bytes consumed (n, or 3
 * for surrogatepass), -1 raised. */
static int64_t decode_bad(StrBuf *sb, int codec, int eh, const char *errors, const uint8_t *d,
                          size_t len, size_t i, size_t n, const char *reason) {
    switch (eh) {
    case EH_STRICT: break;
    case EH_IGNORE: return (int64_t)n;
    case EH_REPLACE: return sb_put_codepoint(sb, 0xFFFD) < 0 ? -1 : (int64_t)n;
    case EH_BACKSLASH:
        for (size_t k = 0; k < n; k++) if (sb_printf(sb, "\\x%02x", d[i + k]) < 0) return -1;
        return (int64_t)n;
    case EH_SURROGATEESCAPE:
        for (size_t k = 0; k < n; k++) if (d[i + k] < 0x80) goto raise;   /* not escapable */
        for (size_t k = 0; k < n; k++) if (sb_put_codepoint(sb, 0xDC00 + d[i + k]) < 0) return -1;
        return (int64_t)n;
    case EH_SURROGATEPASS:
        if (codec != CODEC_UTF8 || !utf8_is_surrogate_at(d, len, i)) break;
        return sb_put(sb, (const char *)d + i, 3) < 0 ? -1 : 3;  /* str keeps it as these bytes */
    case EH_XMLCHAR: case EH_NAMEREPLACE:
        err_format(&exc_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
        return -1;
    default:
        unknown_handler(errors);
        return -1;
    }
raise:
    decode_error(codec, d, len, i, i + n, reason);
    return -1;
}

/* End of the valid UTF-8 run starting at d[i]. */
static size_t utf8_valid_prefix(const uint8_t *d, size_t i, size_t len) {
    const char *why;
    while (i < len) {
        if (d[i] < 0x80) { i++; continue; }
        int n = utf8_check_one(d, i, len, &why);
        if (n <= 0) break;
        i += (size_t)n;
    }
    return i;
}

/* Does the UTF-8 text hold an encoded surrogate (ED A0..BF xx)? */
static int utf8_has_surrogate(const char *p, int64_t len) {
    const char *e = p + len;
    while ((p = memchr(p, 0xED, (size_t)(e - p))) != NULL) {
        if (p + 1 < e && (unsigned char)p[1] >= 0xA0) return 1;
        p++;
    }
    return 0;
}

Value str_decode(const uint8_t *d, size_t len, const char *encoding, const char *errors) {
    if (len == 0) return str_empty();   /* CPython: no codec lookup for empty input */
    if ((!encoding || strcmp(encoding, "utf-8") == 0) && utf8_valid_prefix(d, 0, len) == len)
        return str_new((const char *)d, len);   /* valid as it is: no error handler can matter */
    int codec = encoding ? codec_lookup(encoding) : CODEC_UTF8;
    if (codec < 0) return codec_via_registry(bytes_new(d, len), encoding, errors, 1);
    int eh = errors_lookup(errors);
    StrBuf sb; sb_init(&sb);
    size_t i = 0;
    while (i < len) {
        size_t j = codec == CODEC_UTF8 ? utf8_valid_prefix(d, i, len) : i;
        while (j < len && d[j] < 0x80) j++;
        if (j > i) {            /* a run that decodes as it is */
            if (sb_put(&sb, (const char *)d + i, j - i) < 0) goto fail;
            i = j;
            continue;
        }
        int64_t used;
        if (codec == CODEC_LATIN1) {
            used = sb_put_codepoint(&sb, d[i]) < 0 ? -1 : 1;
        } else if (codec == CODEC_ASCII) {
            used = decode_bad(&sb, codec, eh, errors, d, len, i, 1, "ordinal not in range(128)");
        } else {
            const char *why = NULL;
            int n = utf8_check_one(d, i, len, &why);   /* < 0 here: the invalid range */
            used = decode_bad(&sb, codec, eh, errors, d, len, i, (size_t)-n, why);
        }
        if (used < 0) goto fail;
        i += (size_t)used;
    }
    return sb_finish_str(&sb);
fail:
    sb_free(&sb);
    return VAL_NULL;
}

static Value encode_error(int codec, Value s, int64_t start, int64_t end, const char *reason) {
    return raise_unicode_error(&exc_UnicodeEncodeError, codec_names[codec], s, start, end, reason);
}

/* namereplace: \N{NAME}, or a backslash escape for a character without a name. */
static int put_name_escape(StrBuf *sb, uint32_t c) {
    char name[UNICODE_NAME_MAX + 1];
    if (unicode_name_of(c, name) > 0) return sb_printf(sb, "\\N{%s}", name);
    return put_escape(sb, c);
}

/* Handle the unencodable characters [ci, cj) of s, whose UTF-8 is p[0..q-p).
 * 0, or -1 raised. */
static int encode_bad(StrBuf *sb, int codec, int eh, const char *errors, Value s,
                      const unsigned char *p, const unsigned char *q, int64_t ci, int64_t cj) {
    const char *reason = codec == CODEC_ASCII ? "ordinal not in range(128)"
                       : codec == CODEC_LATIN1 ? "ordinal not in range(256)" : "surrogates not allowed";
    uint32_t c;
    int rc = 0;
    switch (eh) {
    case EH_STRICT: break;
    case EH_IGNORE: return 0;
    case EH_REPLACE: return sb_fill(sb, "?", 1, cj - ci);
    case EH_BACKSLASH:
        for (; p < q && rc == 0; p += utf8_dec(p, &c)) { utf8_dec(p, &c); rc = put_escape(sb, c); }
        return rc;
    case EH_XMLCHAR:
        for (; p < q && rc == 0; p += utf8_dec(p, &c)) { utf8_dec(p, &c); rc = sb_printf(sb, "&#%u;", c); }
        return rc;
    case EH_NAMEREPLACE:
        for (; p < q && rc == 0; p += utf8_dec(p, &c)) { utf8_dec(p, &c); rc = put_name_escape(sb, c); }
        return rc;
    case EH_SURROGATEESCAPE:
        /* the escapable prefix is written; the rest of the run is an error */
        for (; p < q; ci++) {
            int n = utf8_dec(p, &c);
            if (c < 0xDC80 || c > 0xDCFF) break;
            if (sb_putc(sb, (char)(c - 0xDC00)) < 0) return -1;
            p += n;
        }
        if (p == q) return 0;
        break;
    case EH_SURROGATEPASS:
        if (codec != CODEC_UTF8) break;            /* only the UTF codecs can pass them */
        return sb_put(sb, (const char *)p, (size_t)(q - p));   /* ED xx xx, as stored */
    default:
        unknown_handler(errors);
        return -1;
    }
    encode_error(codec, s, ci, cj, reason);
    return -1;
}

const char *str_codec_arg(Value v, const char *dflt) {
    if (IS_NULL(v)) return dflt;
    if (memchr(STR_DATA(v), 0, (size_t)STR_LEN(v))) {
        err_format(&exc_ValueError, "embedded null character");
        return NULL;
    }
    return STR_DATA(v);
}

Value str_encode(Value v, const char *encoding, const char *errors) {
    int codec = encoding ? codec_lookup(encoding) : CODEC_UTF8;
    if (codec < 0) return codec_via_registry(v, encoding, errors, 0);
    Str *s = AS_STR(v);
    uint32_t limit = codec == CODEC_ASCII ? 0x80 : codec == CODEC_LATIN1 ? 0x100 : 0x110000;
    if (s->len == s->nchars || (codec == CODEC_UTF8 && !utf8_has_surrogate(s->data, s->len)))
        return bytes_new(s->data, (size_t)s->len);
    int eh = errors_lookup(errors);
    StrBuf sb; sb_init(&sb);
    const unsigned char *p = (const unsigned char *)s->data, *e = p + s->len;
    int64_t ci = 0;
#define ENC_BAD(c) ((c) >= limit || ((c) >= 0xD800 && (c) <= 0xDFFF))
    while (p < e) {
        uint32_t c;
        int n = utf8_dec(p, &c);
        if (!ENC_BAD(c)) {
            int rc = codec == CODEC_UTF8 ? sb_put(&sb, (const char *)p, (size_t)n)
                                         : sb_putc(&sb, (char)c);
            if (rc < 0) goto fail;
            p += n; ci++;
            continue;
        }
        const unsigned char *q = p;                /* the run of unencodable chars */
        int64_t cj = ci;
        while (q < e) {
            uint32_t c2;
            int n2 = utf8_dec(q, &c2);
            if (!ENC_BAD(c2)) break;
            q += n2; cj++;
        }
        if (encode_bad(&sb, codec, eh, errors, v, p, q, ci, cj) < 0) goto fail;
        p = q; ci = cj;
    }
#undef ENC_BAD
    return sb_finish_bytes(&sb);
fail:
    sb_free(&sb);
    return VAL_NULL;
}

int str_has_surrogates(Value s) {
    return STR_LEN(s) != AS_STR(s)->nchars && utf8_has_surrogate(STR_DATA(s), STR_LEN(s));
}

const char *str_codec_name(const char *encoding) {
    static const char *const python_names[] = {"utf-8", "ascii", "iso8859-1"};
    int codec = codec_lookup(encoding);
    if (codec < 0) err_format(&exc_LookupError, "unknown encoding: %s", encoding);
    return codec < 0 ? NULL : python_names[codec];
}

/* The file system encoding: UTF-8 with surrogateescape, as CPython's on a
 * UTF-8 locale.  Names that are not valid UTF-8 survive a round trip. */
Value str_fsdecode(const char *p, size_t len) {
    return str_decode((const uint8_t *)p, len, "utf-8", "surrogateescape");
}

const char *str_fsencode(Value s, Value *keep) {
    *keep = s;
    if (!utf8_has_surrogate(STR_DATA(s), STR_LEN(s))) return STR_DATA(s);
    Value b = str_encode(s, "utf-8", "surrogateescape");
    if (IS_NULL(b)) return NULL;
    *keep = b;
    return (const char *)AS_BYTES(b)->data;
}

/* ======================================================================
 * Argument helpers
 * ==================================================================== */

#define SELF(args) AS_STR((args)[0])

static Value need_str(Value v) {
    if (IS_STR(v)) return v;
    return err_format(&exc_TypeError, "must be str, not %T", v);
}

/* An optional start/end argument of find, count, startswith and the like
 * (str, bytes and bytearray): absent or None leaves *out alone; otherwise an
 * __index__ value clamped to int64, as _PyEval_SliceIndex does. */
int str_slice_arg(Value v, int64_t *out) {
    if (IS_NULL(v) || IS_NONE(v)) return 0;
    if (!IS_INT(v) && IS_NULL(val_type(v)->slots[SM_INDEX])) {
        err_format(&exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    return arg_to_ssize_clamped(v, out);
}

/* Resolve [start, end) char range args for find/count/startswith. */
static int range_args(Str *s, Value vs, Value ve, int64_t *cs, int64_t *ce) {
    int64_t a = 0, b = s->nchars;
    if (str_slice_arg(vs, &a) < 0 || str_slice_arg(ve, &b) < 0) return -1;
    if (a < 0) { a += s->nchars; if (a < 0) a = 0; }
    if (b < 0) { b += s->nchars; if (b < 0) b = 0; }
    if (b > s->nchars) b = s->nchars;
    *cs = a; *ce = b;
    return 0;
}

/* An Argument Clinic `int` parameter (expandtabs' tabsize, splitlines'
 * keepends, hex's bytes_per_sep, bytearray.__reduce_ex__'s proto). */
int str_arg_to_int(Value v, int *out) { return arg_to_int(v, out); }

/* ======================================================================
 * Searching
 * ==================================================================== */

static int64_t find_fwd(const char *h, int64_t hl, const char *n, int64_t nl) {
    if (nl == 0) return 0;
    if (nl > hl) return -1;
    if (nl == 1) {
        const char *r = memchr(h, n[0], (size_t)hl);
        return r ? r - h : -1;
    }
    const char *r = memmem(h, (size_t)hl, n, (size_t)nl);
    return r ? r - h : -1;
}

static int64_t find_back(const char *h, int64_t hl, const char *n, int64_t nl) {
    if (nl > hl) return -1;
    for (int64_t i = hl - nl; i >= 0; i--)
        if (h[i] == n[0] && memcmp(h + i, n, (size_t)nl) == 0) return i;
    return -1;
}

/* s.find(sub, start, end) (dir > 0) or rfind; result char index or -1;
 * -2 on error. */
static int64_t str_find_impl(Str *s, Str *sub, int64_t cs, int64_t ce, int dir) {
    if (cs > s->nchars || ce - cs < sub->nchars) return -1;
    int64_t bs = str_offset(s, cs), be = str_offset(s, ce);
    int64_t r = dir > 0 ? find_fwd(s->data + bs, be - bs, sub->data, sub->len)
                        : find_back(s->data + bs, be - bs, sub->data, sub->len);
    if (r < 0) return -1;
    if (sub->len == 0 && dir < 0) return ce;
    return cs + (s->len == s->nchars ? r : utf8_count(s->data + bs, r));
}

static int64_t count_impl(const char *h, int64_t hl, const char *n, int64_t nl, int64_t max) {
    int64_t c = 0, i = 0;
    while (c < max) {
        int64_t r = find_fwd(h + i, hl - i, n, nl);
        if (r < 0) break;
        c++;
        i += r + nl;
    }
    return c;
}

/* find, rfind, index, rindex: args = [self, sub, start, end].  The range is
 * checked before sub, in CPython's order (stringlib_parse_args_finds). */
static Value find_common(Value *args, int dir, int raise) {
    Str *s = SELF(args);
    int64_t cs, ce;
    if (range_args(s, args[2], args[3], &cs, &ce) < 0) return VAL_NULL;
    if (IS_NULL(need_str(args[1]))) return VAL_NULL;
    int64_t r = str_find_impl(s, AS_STR(args[1]), cs, ce, dir);
    if (r < 0 && raise) return err_format(&exc_ValueError, "substring not found");
    return MK_SMALLINT(r);
}

static Value str_find_m(Value *a, int n, Value k) { return find_common(a, 1, 0); }
static Value str_rfind_m(Value *a, int n, Value k) { return find_common(a, -1, 0); }
static Value str_index_m(Value *a, int n, Value k) { return find_common(a, 1, 1); }
static Value str_rindex_m(Value *a, int n, Value k) { return find_common(a, -1, 1); }

static Value str_count_m(Value *args, int nargs, Value kwnames) {
    Str *s = SELF(args);
    int64_t cs, ce;
    if (range_args(s, args[2], args[3], &cs, &ce) < 0) return VAL_NULL;
    if (IS_NULL(need_str(args[1]))) return VAL_NULL;
    Str *sub = AS_STR(args[1]);
    if (cs > s->nchars) return MK_SMALLINT(0);
    if (sub->len == 0) return MK_SMALLINT(ce >= cs ? ce - cs + 1 : 0);
    if (ce <= cs) return MK_SMALLINT(0);
    int64_t bs = str_offset(s, cs), be = str_offset(s, ce);
    return MK_SMALLINT(count_impl(s->data + bs, be - bs, sub->data, sub->len, INT64_MAX));
}

static int starts_one(Str *s, Str *p, int64_t cs, int64_t ce, int end) {
    if (cs > s->nchars) return 0;
    if (ce - cs < p->nchars) return 0;
    int64_t bs = str_offset(s, cs), be = str_offset(s, ce);
    if (be - bs < p->len) return 0;
    const char *at = end ? s->data + be - p->len : s->data + bs;
    return memcmp(at, p->data, (size_t)p->len) == 0;
}

/* startswith, endswith: args = [self, prefix, start, end] */
static Value starts_common(Value *args, const char *name, int end) {
    Str *s = SELF(args);
    int64_t cs, ce;
    if (range_args(s, args[2], args[3], &cs, &ce) < 0) return VAL_NULL;
    Value p = args[1];
    if (IS_TUPLE(p)) {
        for (int64_t i = 0; i < AS_TUPLE(p)->len; i++) {
            Value x = AS_TUPLE(p)->items[i];
            if (!IS_STR(x))
                return err_format(&exc_TypeError, "tuple for %s must only contain str, not %T", name, x);
            if (starts_one(s, AS_STR(x), cs, ce, end)) return VAL_TRUE;
        }
        return VAL_FALSE;
    }
    if (!IS_STR(p))
        return err_format(&exc_TypeError, "%s first arg must be str or a tuple of str, not %T", name, p);
    return MK_BOOL(starts_one(s, AS_STR(p), cs, ce, end));
}

static Value str_startswith_m(Value *a, int n, Value k) { return starts_common(a, "startswith", 0); }
static Value str_endswith_m(Value *a, int n, Value k) { return starts_common(a, "endswith", 1); }

static Value str_contains_m(Value *args, int nargs, Value kwnames) {
    Value x = args[1];
    if (!IS_STR(x))
        return err_format(&exc_TypeError, "'in <string>' requires string as left operand, not %T", x);
    Str *s = SELF(args), *sub = AS_STR(x);
    return MK_BOOL(find_fwd(s->data, s->len, sub->data, sub->len) >= 0);
}

/* ======================================================================
 * split / join / strip / partition / replace
 * ==================================================================== */

static int list_push_sub(Value list, Str *s, int64_t bs, int64_t be) {
    Value piece = STR_IS_ASCII(s) ? str_sub(s, bs, be, be - bs) : str_new(s->data + bs, (size_t)(be - bs));
    if (IS_NULL(piece)) return -1;
    return list_append(list, piece);
}

/* Next whitespace / non-whitespace boundary scanning forwards from byte i. */
static int64_t skip_ws(Str *s, int64_t i, int want_ws) {
    const unsigned char *d = (const unsigned char *)s->data;
    while (i < s->len) {
        uint32_t c; int n = utf8_dec(d + i, &c);
        if (uc_isspace(c) != want_ws) break;
        i += n;
    }
    return i;
}

static int64_t prev_cp(Str *s, int64_t i, uint32_t *c) {
    const unsigned char *d = (const unsigned char *)s->data;
    int64_t j = i - 1;
    while (j > 0 && (d[j] & 0xC0) == 0x80) j--;
    utf8_dec(d + j, c);
    return j;
}

static int64_t skip_ws_back(Str *s, int64_t i, int want_ws) {
    while (i > 0) {
        uint32_t c; int64_t j = prev_cp(s, i, &c);
        if (uc_isspace(c) != want_ws) break;
        i = j;
    }
    return i;
}

static Value split_ws(Str *s, int64_t maxsplit) {
    Value list = list_new(0);
    int64_t i = 0;
    while (!IS_NULL(list)) {
        i = skip_ws(s, i, 1);
        if (i >= s->len) break;
        if (maxsplit-- == 0) {
            if (list_push_sub(list, s, i, s->len) < 0) return VAL_NULL;
            break;
        }
        int64_t j = skip_ws(s, i, 0);
        if (list_push_sub(list, s, i, j) < 0) return VAL_NULL;
        i = j;
    }
    return list;
}

static Value rsplit_ws(Str *s, int64_t maxsplit) {
    Value list = list_new(0);
    int64_t i = s->len;
    while (!IS_NULL(list)) {
        i = skip_ws_back(s, i, 1);
        if (i <= 0) break;
        if (maxsplit-- == 0) {
            if (list_push_sub(list, s, 0, i) < 0) return VAL_NULL;
            break;
        }
        int64_t j = skip_ws_back(s, i, 0);
        if (list_push_sub(list, s, j, i) < 0) return VAL_NULL;
        i = j;
    }
    if (!IS_NULL(list)) list_reverse(list);
    return list;
}

static Value split_sep(Str *s, Str *sep, int64_t maxsplit, int rev) {
    Value list = list_new(0);
    if (IS_NULL(list)) return list;
    if (!rev) {
        int64_t i = 0;
        while (maxsplit-- != 0) {
            int64_t r = find_fwd(s->data + i, s->len - i, sep->data, sep->len);
            if (r < 0) break;
            if (list_push_sub(list, s, i, i + r) < 0) return VAL_NULL;
            i += r + sep->len;
        }
        if (list_push_sub(list, s, i, s->len) < 0) return VAL_NULL;
    } else {
        int64_t e = s->len;
        while (maxsplit-- != 0) {
            int64_t r = find_back(s->data, e, sep->data, sep->len);
            if (r < 0) break;
            if (list_push_sub(list, s, r + sep->len, e) < 0) return VAL_NULL;
            e = r;
        }
        if (list_push_sub(list, s, 0, e) < 0) return VAL_NULL;
        list_reverse(list);
    }
    return list;
}

/* split, rsplit: args = [self, sep, maxsplit] */
static Value split_common(Value *args, int rev) {
    int64_t maxsplit = -1;
    if (!IS_NULL(args[2]) && arg_to_ssize(args[2], &maxsplit) < 0) return VAL_NULL;
    if (maxsplit < 0) maxsplit = -1;
    Str *s = SELF(args);
    Value sep = args[1];
    if (IS_NULL(sep) || IS_NONE(sep)) return rev ? rsplit_ws(s, maxsplit) : split_ws(s, maxsplit);
    if (!IS_STR(sep)) return err_format(&exc_TypeError, "must be str or None, not %T", sep);
    if (STR_LEN(sep) == 0) return err_format(&exc_ValueError, "empty separator");
    return split_sep(s, AS_STR(sep), maxsplit, rev);
}

static Value str_split_m(Value *a, int n, Value k) { return split_common(a, 0); }
static Value str_rsplit_m(Value *a, int n, Value k) { return split_common(a, 1); }

static int is_linebreak(uint32_t c) {
    return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D ||
           c == 0x1E || c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* splitlines(keepends=False): args = [self, keepends] */
static Value str_splitlines_m(Value *args, int nargs, Value kwnames) {
    int keep = 0;
    if (!IS_NULL(args[1]) && str_arg_to_int(args[1], &keep) < 0) return VAL_NULL;
    Str *s = SELF(args);
    Value list = list_new(0);
    if (IS_NULL(list)) return list;
    const unsigned char *d = (const unsigned char *)s->data;
    int64_t start = 0, i = 0;
    while (i < s->len) {
        uint32_t c; int n = utf8_dec(d + i, &c);
        if (!is_linebreak(c)) { i += n; continue; }
        int64_t eol = i + n;
        if (c == '\r' && eol < s->len && d[eol] == '\n') eol++;
        if (list_push_sub(list, s, start, keep ? eol : i) < 0) return VAL_NULL;
        start = i = eol;
    }
    if (start < s->len && list_push_sub(list, s, start, s->len) < 0) return VAL_NULL;
    return list;
}

Value str_join(Value sep, Value iterable) {
    Value seq = IS_LIST(iterable) || IS_TUPLE(iterable) ? iterable : VAL_NULL;
    if (IS_NULL(seq)) {
        Value it = obj_iter(iterable);
        if (IS_NULL(it)) {
            if (err_matches(&exc_TypeError)) {
                err_clear();
                return err_format(&exc_TypeError, "can only join an iterable");
            }
            return VAL_NULL;
        }
        seq = seq_to_list(iterable);
        if (IS_NULL(seq)) return seq;
    }
    Value *items = IS_LIST(seq) ? AS_LIST(seq)->items : AS_TUPLE(seq)->items;
    int64_t n = IS_LIST(seq) ? AS_LIST(seq)->len : AS_TUPLE(seq)->len;
    if (n == 1 && IS_EXACT(items[0], type_str)) return items[0];
    Str *sp = AS_STR(sep);
    int64_t total = 0, nch = 0;
    for (int64_t i = 0; i < n; i++) {
        if (!IS_STR(items[i]))
            return err_format(&exc_TypeError, "sequence item %zd: expected str instance, %T found",
                              (size_t)i, items[i]);
        total += AS_STR(items[i])->len;
        nch += AS_STR(items[i])->nchars;
    }
    if (n > 1) { total += sp->len * (n - 1); nch += sp->nchars * (n - 1); }
    Str *r = str_alloc((size_t)total);
    if (!r) return VAL_NULL;
    char *p = r->data;
    for (int64_t i = 0; i < n; i++) {
        if (i && sp->len) { memcpy(p, sp->data, (size_t)sp->len); p += sp->len; }
        Str *x = AS_STR(items[i]);
        memcpy(p, x->data, (size_t)x->len);
        p += x->len;
    }
    *p = '\0';
    r->nchars = nch;
    return MK_OBJ(r);
}

static Value str_join_m(Value *args, int nargs, Value kwnames) {
    return str_join(args[0], args[1]);
}

static int in_chars(Str *chars, uint32_t c) {
    if (!chars) return uc_isspace(c);
    if (c < 0x80) return memchr(chars->data, (int)c, (size_t)chars->len) != NULL;
    FOR_CP(chars, d, { if (d == c) return 1; });
    return 0;
}

/* strip, lstrip, rstrip: args = [self, chars]; which: 1 left, 2 right, 3 both */
static Value strip_common(Value *args, const char *name, int which) {
    Str *chars = NULL;
    if (!IS_NULL(args[1]) && !IS_NONE(args[1])) {
        if (!IS_STR(args[1])) return err_format(&exc_TypeError, "%s arg must be None or str", name);
        chars = AS_STR(args[1]);
    }
    Str *s = SELF(args);
    const unsigned char *d = (const unsigned char *)s->data;
    int64_t b = 0, e = s->len;
    if (which & 1) {
        while (b < e) {
            uint32_t c; int n = utf8_dec(d + b, &c);
            if (!in_chars(chars, c)) break;
            b += n;
        }
    }
    if (which & 2) {
        while (e > b) {
            uint32_t c; int64_t j = prev_cp(s, e, &c);
            if (!in_chars(chars, c)) break;
            e = j;
        }
    }
    return str_sub(s, b, e, s->len == s->nchars ? e - b : utf8_count(s->data + b, e - b));
}

static Value str_strip_m(Value *a, int n, Value k) { return strip_common(a, "strip", 3); }
static Value str_lstrip_m(Value *a, int n, Value k) { return strip_common(a, "lstrip", 1); }
static Value str_rstrip_m(Value *a, int n, Value k) { return strip_common(a, "rstrip", 2); }

static Value partition_common(Value *args, int rev) {
    if (IS_NULL(need_str(args[1]))) return VAL_NULL;
    Str *s = SELF(args), *sep = AS_STR(args[1]);
    if (sep->len == 0) return err_format(&exc_ValueError, "empty separator");
    int64_t r = rev ? find_back(s->data, s->len, sep->data, sep->len)
                    : find_fwd(s->data, s->len, sep->data, sep->len);
    Value e = str_empty(), whole = str_sub(s, 0, s->len, s->nchars);
    if (r < 0) return rev ? tuple_pack(3, e, e, whole) : tuple_pack(3, whole, e, e);
    Value a = str_new(s->data, (size_t)r);
    Value b = str_new(s->data + r + sep->len, (size_t)(s->len - r - sep->len));
    if (IS_NULL(a) || IS_NULL(b)) return VAL_NULL;
    Value sepv = IS_EXACT(args[1], type_str) ? args[1] : str_new(sep->data, (size_t)sep->len);
    return tuple_pack(3, a, sepv, b);
}

static Value str_partition_m(Value *a, int n, Value k) { return partition_common(a, 0); }
static Value str_rpartition_m(Value *a, int n, Value k) { return partition_common(a, 1); }

static Value replace_impl(Str *s, Str *old, Str *new, int64_t count) {
    if (count < 0) count = INT64_MAX;
    StrBuf sb; sb_init(&sb);
    int rc = 0;
    if (old->len == 0) {
        const unsigned char *d = (const unsigned char *)s->data;
        int64_t i = 0;
        while (i <= s->len && rc == 0) {
            if (count > 0) { rc = sb_put(&sb, new->data, (size_t)new->len); count--; }
            if (i == s->len) break;
            uint32_t c; int n = utf8_dec(d + i, &c);
            if (count <= 0) { rc = rc ? rc : sb_put(&sb, s->data + i, (size_t)(s->len - i)); break; }
            rc = rc ? rc : sb_put(&sb, s->data + i, (size_t)n);
            i += n;
        }
    } else {
        int64_t i = 0;
        while (count-- > 0 && rc == 0) {
            int64_t r = find_fwd(s->data + i, s->len - i, old->data, old->len);
            if (r < 0) break;
            rc = sb_put(&sb, s->data + i, (size_t)r);
            if (rc == 0) rc = sb_put(&sb, new->data, (size_t)new->len);
            i += r + old->len;
        }
        if (rc == 0) rc = sb_put(&sb, s->data + i, (size_t)(s->len - i));
    }
    if (rc < 0) { sb_free(&sb); return VAL_NULL; }
    return sb_finish_str(&sb);
}

/* replace(old, new, count=-1, /): args = [self, old, new, count] */
static Value str_replace_m(Value *args, int nargs, Value kwnames) {
    for (int i = 1; i <= 2; i++)
        if (!IS_STR(args[i]))
            return err_format(&exc_TypeError, "replace() argument %d must be str, not %N", i, args[i]);
    int64_t count = -1;
    if (!IS_NULL(args[3]) && arg_to_ssize(args[3], &count) < 0) return VAL_NULL;
    return replace_impl(SELF(args), AS_STR(args[1]), AS_STR(args[2]), count);
}

/* ======================================================================
 * Case mapping
 * ==================================================================== */

enum { CASE_UPPER, CASE_LOWER, CASE_SWAP, CASE_FOLD, CASE_TITLE, CASE_CAPITALIZE };

/* Final sigma: preceded by a cased letter and not followed by one. */
static int final_sigma(Str *s, int64_t bi, int64_t n) {
    const unsigned char *d = (const unsigned char *)s->data;
    int before = 0, after = 0;
    int64_t j = bi;
    while (j > 0) {
        uint32_t c; j = prev_cp(s, j, &c);
        if (c == '\'' || c == 0x2019 || (c >= 0x300 && c <= 0x36F)) continue;
        before = uc_iscased(c); break;
    }
    j = bi + n;
    while (j < s->len) {
        uint32_t c; j += utf8_dec(d + j, &c);
        if (c == '\'' || c == 0x2019 || (c >= 0x300 && c <= 0x36F)) continue;
        after = uc_iscased(c); break;
    }
    return before && !after;
}

static int put_mapping(StrBuf *sb, uint32_t c, int which) {
    uint32_t m[3];
    int n = unicode_db_full_case(c, which, m), rc = 0;
    for (int i = 0; i < n; i++) rc |= sb_put_codepoint(sb, m[i]);
    return rc;
}

/* The full lower case (or case folding) of c; a capital sigma is final or not
 * by its neighbours, as CPython's handle_capital_sigma decides. */
static int put_lower(StrBuf *sb, Str *s, int64_t bi, int n, uint32_t c, int fold) {
    if (c == 0x3A3 && !fold) return sb_put_codepoint(sb, final_sigma(s, bi, n) ? 0x3C2 : 0x3C3);
    return put_mapping(sb, c, fold ? UNICODE_FOLD : UNICODE_LOWER);
}

static int put_upper(StrBuf *sb, uint32_t c, int title) {
    return put_mapping(sb, c, title ? UNICODE_TITLE : UNICODE_UPPER);
}

static Value case_map(Str *s, int mode) {
    StrBuf sb; sb_init(&sb);
    const unsigned char *d = (const unsigned char *)s->data;
    int64_t i = 0;
    int prev_cased = 0, first = 1, rc = 0;
    while (i < s->len && rc == 0) {
        uint32_t c; int n = utf8_dec(d + i, &c);
        switch (mode) {
        case CASE_UPPER: rc = put_upper(&sb, c, 0); break;
        case CASE_LOWER: rc = put_lower(&sb, s, i, n, c, 0); break;
        case CASE_FOLD: rc = put_lower(&sb, s, i, n, c, 1); break;
        case CASE_SWAP:
            if (uc_isupper(c)) rc = put_lower(&sb, s, i, n, c, 0);
            else if (uc_islower(c)) rc = put_upper(&sb, c, 0);
            else rc = sb_put_codepoint(&sb, c);
            break;
        case CASE_TITLE:
            rc = prev_cased ? put_lower(&sb, s, i, n, c, 0) : put_upper(&sb, c, 1);
            prev_cased = uc_iscased(c);
            break;
        default:
            rc = first ? put_upper(&sb, c, 1) : put_lower(&sb, s, i, n, c, 0);
            break;
        }
        first = 0;
        i += n;
    }
    if (rc < 0) { sb_free(&sb); return VAL_NULL; }
    return sb_finish_str(&sb);
}

/* upper() and lower() of ASCII text: one table-free pass the compiler vectorizes. */
static Value ascii_shift_case(Str *s, char from, char to) {
    Str *r = str_alloc((size_t)s->len);
    if (!r) return VAL_NULL;
    const unsigned char *src = (const unsigned char *)s->data;
    unsigned char *dst = (unsigned char *)r->data;
    for (int64_t i = 0; i < s->len; i++) {
        unsigned char c = src[i];
        dst[i] = (unsigned char)(c - from) < 26 ? (unsigned char)(c + (to - from)) : c;
    }
    r->data[r->len] = '\0';
    return MK_OBJ(r);                         /* nchars == len: str_alloc's */
}

static Value ascii_case(Str *s, int mode) {
    if (mode == CASE_UPPER) return ascii_shift_case(s, 'a', 'A');
    if (mode == CASE_LOWER) return ascii_shift_case(s, 'A', 'a');
    Str *r = str_alloc((size_t)s->len);
    if (!r) return VAL_NULL;
    int prev_cased = 0;
    for (int64_t i = 0; i < s->len; i++) {
        char c = s->data[i];
        int up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        int to_up = mode == CASE_UPPER || (mode == CASE_SWAP && lo) ||
                    (mode == CASE_TITLE && !prev_cased) || (mode == CASE_CAPITALIZE && i == 0);
        int to_lo = !to_up && mode != CASE_UPPER && !(mode == CASE_SWAP && !up);
        if (to_up && lo) c -= 32;
        else if (to_lo && up) c += 32;
        prev_cased = up || lo;
        r->data[i] = c;
    }
    return str_finish(r);
}

static Value case_common(Value *args, int mode) {
    Str *s = SELF(args);
    if (s->len == s->nchars) return ascii_case(s, mode == CASE_FOLD ? CASE_LOWER : mode);
    return case_map(s, mode);
}

static Value str_upper_m(Value *a, int n, Value k) { return case_common(a, CASE_UPPER); }
static Value str_lower_m(Value *a, int n, Value k) { return case_common(a, CASE_LOWER); }
static Value str_swapcase_m(Value *a, int n, Value k) { return case_common(a, CASE_SWAP); }
static Value str_casefold_m(Value *a, int n, Value k) { return case_common(a, CASE_FOLD); }
static Value str_title_m(Value *a, int n, Value k) { return case_common(a, CASE_TITLE); }
static Value str_capitalize_m(Value *a, int n, Value k) { return case_common(a, CASE_CAPITALIZE); }

/* ======================================================================
 * Predicates
 * ==================================================================== */

typedef int (*CpPred)(uint32_t);

static Value all_chars(Value *args, CpPred f, int empty) {
    Str *s = SELF(args);
    if (s->len == 0) return MK_BOOL(empty);
    FOR_CP(s, c, { if (!f(c)) return VAL_FALSE; });
    return VAL_TRUE;
}

static int cp_isdecimal(uint32_t c) { return uc_decimal(c) >= 0; }

Value str_ascii_numeric(Value v) {
    Str *s = AS_STR(v);
    if (STR_IS_ASCII(s)) return v;
    StrBuf sb; sb_init(&sb);
    const unsigned char *d = (const unsigned char *)s->data;
    for (int64_t i = 0; i < s->len;) {
        uint32_t c;
        i += utf8_dec(d + i, &c);
        int dec = uc_decimal(c);
        char ch = c < 0x80 ? (char)c : dec >= 0 ? (char)('0' + dec) : uc_isspace(c) ? ' ' : '?';
        if (sb_putc(&sb, ch) < 0) { sb_free(&sb); return VAL_NULL; }
    }
    return sb_finish_str(&sb);
}

static Value str_isalpha_m(Value *a, int n, Value k) { return all_chars(a, uc_isalpha, 0); }
static Value str_isdigit_m(Value *a, int n, Value k) { return all_chars(a, uc_isdigit, 0); }
static Value str_isdecimal_m(Value *a, int n, Value k) { return all_chars(a, cp_isdecimal, 0); }
static Value str_isnumeric_m(Value *a, int n, Value k) { return all_chars(a, uc_isnumeric, 0); }
static Value str_isalnum_m(Value *a, int n, Value k) { return all_chars(a, uc_isalnum, 0); }
static Value str_isspace_m(Value *a, int n, Value k) { return all_chars(a, uc_isspace, 0); }
static Value str_isprintable_m(Value *a, int n, Value k) { return all_chars(a, uc_isprintable, 1); }
static Value str_isascii_m(Value *a, int n, Value k) {
    return MK_BOOL(STR_IS_ASCII(SELF(a)));
}

static Value cased_check(Value *args, int upper) {
    int cased = 0;
    FOR_CP(SELF(args), c, {
        if (upper ? (uc_islower(c) || uc_istitle(c)) : (uc_isupper(c) || uc_istitle(c))) return VAL_FALSE;
        if (!cased && (upper ? uc_isupper(c) : uc_islower(c))) cased = 1;
    });
    return MK_BOOL(cased);
}

static Value str_isupper_m(Value *a, int n, Value k) { return cased_check(a, 1); }
static Value str_islower_m(Value *a, int n, Value k) { return cased_check(a, 0); }

static Value str_istitle_m(Value *args, int nargs, Value kwnames) {
    int cased = 0, prev_cased = 0;
    FOR_CP(SELF(args), c, {
        if (uc_isupper(c) || uc_istitle(c)) {
            if (prev_cased) return VAL_FALSE;
            prev_cased = cased = 1;
        } else if (uc_islower(c)) {
            if (!prev_cased) return VAL_FALSE;
            prev_cased = cased = 1;
        } else prev_cased = 0;
    });
    return MK_BOOL(cased);
}

static Value str_isidentifier_m(Value *args, int nargs, Value kwnames) {
    Str *s = SELF(args);
    if (s->len == 0) return VAL_FALSE;
    int first = 1;
    FOR_CP(s, c, {
        if (first ? !uc_isid_start(c) : !uc_isid_continue(c)) return VAL_FALSE;
        first = 0;
    });
    return VAL_TRUE;
}

/* ======================================================================
 * Padding and friends
 * ==================================================================== */

static Value pad(Str *s, int64_t left, int64_t right, uint32_t fill) {
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (left == 0 && right == 0) return str_sub(s, 0, s->len, s->nchars);
    char fb[4];
    int fl = utf8_enc(fill, fb);
    if (left > (INT64_MAX / 2 - s->len) / fl - right) return err_no_memory();
    Str *r = str_alloc((size_t)(s->len + (left + right) * fl));
    if (!r) return VAL_NULL;
    char *p = r->data;
    for (int64_t i = 0; i < left; i++) { memcpy(p, fb, (size_t)fl); p += fl; }
    memcpy(p, s->data, (size_t)s->len); p += s->len;
    for (int64_t i = 0; i < right; i++) { memcpy(p, fb, (size_t)fl); p += fl; }
    *p = '\0';
    r->nchars = s->nchars + left + right;
    return MK_OBJ(r);
}

static int fill_arg(Value v, uint32_t *fill) {
    if (!IS_STR(v)) {
        err_format(&exc_TypeError, "The fill character must be a unicode character, not %T", v);
        return -1;
    }
    if (AS_STR(v)->nchars != 1) {
        err_format(&exc_TypeError, "The fill character must be exactly one character long");
        return -1;
    }
    utf8_dec((const unsigned char *)STR_DATA(v), fill);
    return 0;
}

/* ljust, rjust, center: args = [self, width, fillchar]; mode: '<' ljust,
 * '>' rjust, '^' center */
static Value justify(Value *args, char mode) {
    int64_t width;
    uint32_t fill = ' ';
    if (arg_to_ssize(args[1], &width) < 0) return VAL_NULL;
    if (!IS_NULL(args[2]) && fill_arg(args[2], &fill) < 0) return VAL_NULL;
    Str *s = SELF(args);
    int64_t padn = width - s->nchars;
    if (padn <= 0) return str_sub(s, 0, s->len, s->nchars);
    if (mode == '<') return pad(s, 0, padn, fill);
    if (mode == '>') return pad(s, padn, 0, fill);
    int64_t left = padn / 2 + (padn & width & 1);
    return pad(s, left, padn - left, fill);
}

static Value str_ljust_m(Value *a, int n, Value k) { return justify(a, '<'); }
static Value str_rjust_m(Value *a, int n, Value k) { return justify(a, '>'); }
static Value str_center_m(Value *a, int n, Value k) { return justify(a, '^'); }

static Value str_zfill_m(Value *args, int nargs, Value kwnames) {
    int64_t width;
    if (arg_to_ssize(args[1], &width) < 0) return VAL_NULL;
    Str *s = SELF(args);
    if (width <= s->nchars) return str_sub(s, 0, s->len, s->nchars);
    Value r = pad(s, width - s->nchars, 0, '0');
    if (IS_NULL(r)) return r;
    Str *rs = AS_STR(r);
    int64_t fillc = width - s->nchars;
    if (s->len && (s->data[0] == '+' || s->data[0] == '-')) {
        rs->data[0] = s->data[0];
        rs->data[fillc] = '0';
    }
    return r;
}

/* expandtabs(tabsize=8): args = [self, tabsize] */
static Value str_expandtabs_m(Value *args, int nargs, Value kwnames) {
    int ts = 8;
    if (!IS_NULL(args[1]) && str_arg_to_int(args[1], &ts) < 0) return VAL_NULL;
    StrBuf sb; sb_init(&sb);
    int64_t col = 0;
    int rc = 0;
    FOR_CP(SELF(args), c, {
        if (c == '\t') {
            if (ts > 0) {
                int64_t n = ts - col % ts;
                rc = sb_fill(&sb, " ", 1, n);
                col += n;
            }
        } else {
            rc = sb_put_codepoint(&sb, c);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
        if (rc < 0) { sb_free(&sb); return VAL_NULL; }
    });
    return sb_finish_str(&sb);
}

static Value affix_common(Value *args, const char *name, int suffix) {
    if (!IS_STR(args[1]))
        return err_format(&exc_TypeError, "%s() argument must be str, not %N", name, args[1]);
    Str *s = SELF(args), *p = AS_STR(args[1]);
    if (p->len && p->len <= s->len &&
        memcmp(suffix ? s->data + s->len - p->len : s->data, p->data, (size_t)p->len) == 0)
        return suffix ? str_sub(s, 0, s->len - p->len, s->nchars - p->nchars)
                      : str_sub(s, p->len, s->len, s->nchars - p->nchars);
    return str_sub(s, 0, s->len, s->nchars);
}

static Value str_removeprefix_m(Value *a, int n, Value k) { return affix_common(a, "removeprefix", 0); }
static Value str_removesuffix_m(Value *a, int n, Value k) { return affix_common(a, "removesuffix", 1); }

/* encode(encoding='utf-8', errors='strict'): args = [self, encoding, errors] */
static Value str_encode_m(Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"encoding", "errors"};
    for (int i = 0; i < 2; i++)
        if (!IS_NULL(args[i + 1]) && !IS_STR(args[i + 1]))
            return err_format(&exc_TypeError, "encode() argument '%s' must be str, not %N", names[i], args[i + 1]);
    const char *enc = str_codec_arg(args[1], "utf-8"), *errors = enc ? str_codec_arg(args[2], "strict") : NULL;
    return errors ? str_encode(args[0], enc, errors) : VAL_NULL;
}

/* ---- maketrans / translate ---- */
/* maketrans(x, y=<unrepresentable>, z=<unrepresentable>, /), a static
 * method: args = [x, y, z]. */
static Value str_maketrans_m(Value *args, int nargs, Value kwnames) {
    for (int i = 1; i < 3; i++)         /* the argument parser's checks come first */
        if (!IS_NULL(args[i]) && !IS_STR(args[i]))
            return err_format(&exc_TypeError, "maketrans() argument %d must be str, not %N", i + 1, args[i]);
    Value d = dict_new();
    if (IS_NULL(d)) return d;
    if (IS_NULL(args[1])) {
        if (!IS_DICT(args[0]))
            return err_format(&exc_TypeError, "if you give only one argument to maketrans it must be a dict");
        int64_t pos = 0; Value k, v;
        while (dict_next(args[0], &pos, &k, &v)) {
            if (IS_STR(k)) {
                if (AS_STR(k)->nchars != 1)
                    return err_format(&exc_ValueError, "string keys in translate table must be of length 1");
                k = MK_SMALLINT(str_char_at(k, 0));
            } else if (!IS_INT(k)) {
                return err_format(&exc_TypeError, "keys in translate table must be strings or integers");
            }
            if (dict_set(d, k, v) < 0) return VAL_NULL;
        }
        return d;
    }
    if (!IS_STR(args[0]))
        return err_format(&exc_TypeError, "first maketrans argument must be a string if there is a second argument");
    Str *x = AS_STR(args[0]), *y = AS_STR(args[1]);
    if (x->nchars != y->nchars)
        return err_format(&exc_ValueError, "the first two maketrans arguments must have equal length");
    for (int64_t i = 0; i < x->nchars; i++)
        if (dict_set(d, MK_SMALLINT(str_char_at(args[0], i)), MK_SMALLINT(str_char_at(args[1], i))) < 0)
            return VAL_NULL;
    if (!IS_NULL(args[2])) {
        FOR_CP(AS_STR(args[2]), c, { if (dict_set(d, MK_SMALLINT(c), VAL_NONE) < 0) return VAL_NULL; });
    }
    return d;
}

static Value str_translate_m(Value *args, int nargs, Value kwnames) {
    Value table = args[1];
    StrBuf sb; sb_init(&sb);
    FOR_CP(SELF(args), c, {
        Value r = obj_getitem(table, MK_SMALLINT(c));
        int rc = 0;
        if (IS_NULL(r)) {
            if (!err_matches(&exc_LookupError)) { sb_free(&sb); return VAL_NULL; }
            err_clear();
            rc = sb_put_codepoint(&sb, c);
        } else if (IS_NONE(r)) {
        } else if (IS_STR(r)) {
            rc = sb_put_value_str(&sb, r);
        } else if (IS_INT(r)) {
            int64_t cp;
            if (int_to_i64(r, &cp) < 0 || cp < 0 || cp > 0x10FFFF) {
                err_clear();
                sb_free(&sb);
                return err_format(&exc_ValueError, "character mapping must be in range(0x110000)");
            }
            rc = sb_put_codepoint(&sb, (uint32_t)cp);
        } else {
            sb_free(&sb);
            return err_format(&exc_TypeError, "character mapping must return integer, None or str");
        }
        if (rc < 0) { sb_free(&sb); return VAL_NULL; }
    });
    return sb_finish_str(&sb);
}

/* ======================================================================
 * printf-style formatting: fmt % args
 * ==================================================================== */

typedef struct PctSpec {
    int left, plus, space, alt, zero;
    int64_t width, prec;
    char conv;
    uint32_t conv_cp;       /* the conversion as a code point (bytes: the byte) */
    int bytes;              /* bytes % args: some messages differ */
} PctSpec;

/* %c's integer argument: an int, or whatever has __index__ (CPython's
 * PyLong_AsLong); NULL with TypeError `msg` for anything else. */
static Value pct_char_index(Value v, const char *msg) {
    if (IS_INT(v)) return v;
    Value r = IS_NULL(val_type(v)->slots[SM_INDEX]) ? VAL_NULL : obj_index(v);
    if (IS_NULL(r) && (!err_occurred() || err_matches(&exc_TypeError))) {
        err_clear();
        err_format(&exc_TypeError, "%s", msg);
    }
    return r;
}

/* Pad sign+prefix+body per the spec; numeric zero padding goes after the prefix.
 * The padding is one sb_fill each: a huge width is a MemoryError at once. */
static int pct_emit(StrBuf *sb, const PctSpec *ps, const char *pre, size_t prelen,
                    const char *body, size_t blen, int64_t bchars, int numeric) {
    int64_t total = (int64_t)prelen + bchars;
    int64_t padn = ps->width > total ? ps->width - total : 0;
    int zeros = ps->zero && numeric;
    if (!ps->left && !zeros && sb_fill(sb, " ", 1, padn) < 0) return -1;
    if (sb_put(sb, pre, prelen) < 0) return -1;
    if (!ps->left && zeros && sb_fill(sb, "0", 1, padn) < 0) return -1;
    if (sb_put(sb, body, blen) < 0) return -1;
    return ps->left ? sb_fill(sb, " ", 1, padn) : 0;
}

/* The int a %d/%i/%u (int(v): __int__, __index__, __trunc__) or %o/%x/%X
 * (__index__) conversion formats, as CPython's mainformatlong: v must be a
 * number (PyNumber_Check), and a TypeError from the conversion becomes
 * "%c format: ... is required, not T".  NULL with the error. */
static Value pct_int_arg(const PctSpec *ps, Value v) {
    char c = ps->conv;
    int decimal = c == 'd' || c == 'i' || c == 'u';
    if (IS_INT(v)) return v;
    if (obj_is_number(v)) {
        Value r = decimal ? int_from_number(v) : obj_index(v);
        if (!IS_NULL(r) || !err_matches(&exc_TypeError)) return r;
        err_clear();
    }
    if (decimal)                                /* bytes formatting says %d for %i */
        return err_format(&exc_TypeError, "%%%c format: a real number is required, not %T",
                          c == 'i' && ps->bytes ? 'd' : c, v);
    return err_format(&exc_TypeError, "%%%c format: an integer is required, not %T", c, v);
}

static int pct_int(StrBuf *sb, const PctSpec *ps, Value v) {
    char c = ps->conv;
    v = pct_int_arg(ps, v);
    if (IS_NULL(v)) return -1;
    int base = (c == 'x' || c == 'X') ? 16 : c == 'o' ? 8 : 10;
    Value digits = base == 10 ? int_repr(int_exact(v)) : int_to_base_str(v, base, 0);
    if (IS_NULL(digits)) return -1;
    const char *d = STR_DATA(digits);
    size_t dl = (size_t)STR_LEN(digits);
    int neg = d[0] == '-';
    if (neg) { d++; dl--; }
    char pre[4]; size_t pl = 0;
    if (neg) pre[pl++] = '-';
    else if (ps->plus) pre[pl++] = '+';
    else if (ps->space) pre[pl++] = ' ';
    if (ps->alt && base != 10) { pre[pl++] = '0'; pre[pl++] = c == 'o' ? 'o' : c; }
    StrBuf body; sb_init(&body);
    int rc = sb_fill(&body, "0", 1, ps->prec - (int64_t)dl);
    if (rc == 0) rc = sb_put(&body, d, dl);
    if (rc == 0 && c == 'X')
        for (size_t i = 0; i < body.len; i++) if (body.data[i] >= 'a') body.data[i] -= 32;
    if (rc == 0) rc = pct_emit(sb, ps, pre, pl, body.data, body.len, (int64_t)body.len, 1);
    sb_free(&body);
    return rc;
}

static int pct_float(StrBuf *sb, const PctSpec *ps, Value v) {
    double d;
    if (!IS_FLOATOBJ(v) && !IS_INT(v) && IS_NULL(val_type(v)->slots[SM_FLOAT]) &&
        IS_NULL(val_type(v)->slots[SM_INDEX])) {
        err_format(&exc_TypeError, ps->bytes ? "float argument required, not %T" : "must be real number, not %T", v);
        return -1;
    }
    if (arg_to_double(v, &d) < 0) {
        if (!ps->bytes) return -1;
        err_clear();            /* bytes formatting replaces any error (CPython's formatfloat) */
        err_format(&exc_TypeError, "float argument required, not %T", v);
        return -1;
    }
    char c = ps->conv;
    int upper = c == 'E' || c == 'F' || c == 'G';
    char pre[2]; size_t pl = 0;
    if (signbit(d) && !isnan(d)) pre[pl++] = '-';
    else if (ps->plus) pre[pl++] = '+';
    else if (ps->space) pre[pl++] = ' ';
    d = fabs(d);
    char buf[512];
    int n;
    if (!isfinite(d)) {
        n = snprintf(buf, sizeof buf, "%s", isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
        return pct_emit(sb, ps, pre, pl, buf, (size_t)n, n, 1);    /* '0' pads them too: 00nan */
    }
    int prec = ps->prec < 0 ? 6 : (int)ps->prec;     /* pct_parse keeps it an int */
    char f[8] = "%", *q = f + 1;
    if (ps->alt) *q++ = '#';
    *q++ = '.'; *q++ = '*'; *q++ = c; *q = '\0';
    if ((c == 'f' || c == 'F') && !ps->alt && float_fixed_fast(d, prec, buf))
        return pct_emit(sb, ps, pre, pl, buf, strlen(buf), (int)strlen(buf), 1);
    n = snprintf(buf, sizeof buf, f, prec, d);
    if (n >= 0 && n < (int)sizeof buf) return pct_emit(sb, ps, pre, pl, buf, (size_t)n, n, 1);
    /* a long one: %f of 1e300, or a precision of thousands (not capped: '%.450f'
     * % 0.5 has 452 characters, as in CPython) */
    char *big = n < 0 ? NULL : malloc((size_t)n + 1);
    if (!big) { err_no_memory(); return -1; }
    n = snprintf(big, (size_t)n + 1, f, prec, d);
    int rc = pct_emit(sb, ps, pre, pl, big, (size_t)n, n, 1);
    free(big);
    return rc;
}

/* %c of bytes formatting: an int in range(256) or a single byte. */
static int pct_byte(StrBuf *sb, const PctSpec *ps, Value v) {
    const uint8_t *d; int64_t n, i;
    char b;
    if ((IS_BYTES(v) || IS_BYTEARRAY(v)) && bytes_view(v, &d, &n) == 0 && n == 1) {
        b = (char)d[0];
    } else {
        v = pct_char_index(v, "%c requires an integer in range(256) or a single byte");
        if (IS_NULL(v)) return -1;
        if (int_to_i64(v, &i) < 0 || i < 0 || i > 255) {
            err_clear();
            err_format(&exc_OverflowError, "%%c arg not in range(256)");
            return -1;
        }
        b = (char)i;
    }
    return pct_emit(sb, ps, "", 0, &b, 1, 1, 0);
}

static int pct_char(StrBuf *sb, const PctSpec *ps, Value v) {
    uint32_t cp;
    if (IS_STR(v)) {
        if (AS_STR(v)->nchars != 1) { err_format(&exc_TypeError, "%%c requires int or char"); return -1; }
        cp = str_char_at(v, 0);
    } else {
        int64_t i;
        v = pct_char_index(v, "%c requires int or char");
        if (IS_NULL(v)) return -1;
        if (int_to_i64(v, &i) < 0 || i < 0 || i > 0x10FFFF) {
            err_clear();
            err_format(&exc_OverflowError, "%%c arg not in range(0x110000)");
            return -1;
        }
        cp = (uint32_t)i;
    }
    char b[4];
    int n = utf8_enc(cp, b);
    return pct_emit(sb, ps, "", 0, b, (size_t)n, 1, 0);
}

static int pct_text(StrBuf *sb, const PctSpec *ps, Value v) {
    Value t = ps->conv == 's' ? obj_str(v) : ps->conv == 'r' ? obj_repr(v) : ascii_of(v);
    if (IS_NULL(t)) return -1;
    Str *s = AS_STR(t);
    int64_t nc = s->nchars, bl = s->len;
    if (ps->prec >= 0 && ps->prec < nc) { nc = ps->prec; bl = str_offset(s, nc); }
    return pct_emit(sb, ps, "", 0, s->data, (size_t)bl, nc, 0);
}

/* %s/%b of bytes formatting: a buffer or an object with __bytes__. */
static int pct_bytes(StrBuf *sb, const PctSpec *ps, Value v) {
    if (IS_MEMORYVIEW(v)) {                 /* a copy of its items, strided or not */
        v = memoryview_tobytes(v);
        if (IS_NULL(v)) return -1;
    }
    if (!IS_BYTES(v) && !IS_BYTEARRAY(v)) {
        Value m = type_lookup_c(val_type(v), "__bytes__");
        if (IS_NULL(m)) {
            err_format(&exc_TypeError, "%%b requires a bytes-like object, or an object that "
                       "implements __bytes__, not '%s'", val_type_name(v));
            return -1;
        }
        v = call1(m, v);
        if (IS_NULL(v)) return -1;
        if (!IS_BYTES(v)) {
            err_format(&exc_TypeError, "__bytes__ returned non-bytes (type %s)", val_type_name(v));
            return -1;
        }
    }
    const uint8_t *d; int64_t n;
    bytes_view(v, &d, &n);
    if (ps->prec >= 0 && ps->prec < n) n = ps->prec;
    return pct_emit(sb, ps, "", 0, (const char *)d, (size_t)n, n, 0);
}

/* %r/%a of bytes formatting: ascii(v) as bytes. */
static int pct_bytes_ascii(StrBuf *sb, const PctSpec *ps, Value v) {
    Value t = ascii_of(v);
    if (IS_NULL(t)) return -1;
    int64_t n = STR_LEN(t);
    if (ps->prec >= 0 && ps->prec < n) n = ps->prec;
    return pct_emit(sb, ps, "", 0, STR_DATA(t), (size_t)n, n, 0);
}

typedef struct PctArgs { Value *items; int64_t n, i; Value dict; int bytes; } PctArgs;

static Value pct_next(PctArgs *pa) {
    if (pa->i >= pa->n) return err_format(&exc_TypeError, "not enough arguments for format string");
    return pa->items[pa->i++];
}

/* A '*' width (Py_ssize_t) or precision (C int), CPython's conversions. */
static int pct_star(PctArgs *pa, int64_t *out, int is_prec) {
    Value v = pct_next(pa);
    if (IS_NULL(v)) return -1;
    if (!IS_INT(v)) { err_format(&exc_TypeError, "* wants int"); return -1; }
    if (int_to_i64(v, out) == 0 && (!is_prec || (*out >= INT32_MIN && *out <= INT32_MAX)))
        return 0;
    err_clear();
    err_format(&exc_OverflowError, "Python int too large to convert to C %s", is_prec ? "int" : "ssize_t");
    return -1;
}

/* Digits of a width (up to INT64_MAX) or a precision (up to INT32_MAX). */
static int pct_digits(const char *f, int64_t len, int64_t *j, int64_t *out, int is_prec) {
    int64_t limit = is_prec ? INT32_MAX : INT64_MAX;
    for (; *j < len && f[*j] >= '0' && f[*j] <= '9'; (*j)++) {
        int d = f[*j] - '0';
        if (*out > (limit - d) / 10) {
            err_format(&exc_ValueError, is_prec ? "precision too big" : "width too big");
            return -1;
        }
        *out = *out * 10 + d;
    }
    return 0;
}

/* Parse one spec after '%' at f[*i]; returns 0, -1 on error. */
static int pct_parse(const char *f, int64_t len, int64_t *i, PctArgs *pa, PctSpec *ps, Value *arg) {
    int64_t j = *i;
    *arg = VAL_NULL;
    if (j < len && f[j] == '(') {
        if (IS_NULL(pa->dict)) { err_format(&exc_TypeError, "format requires a mapping"); return -1; }
        int depth = 1;
        int64_t k = ++j;
        while (j < len && depth) { if (f[j] == '(') depth++; else if (f[j] == ')') depth--; j++; }
        if (depth) { err_format(&exc_ValueError, "incomplete format key"); return -1; }
        Value key = pa->bytes ? bytes_new(f + k, (size_t)(j - 1 - k)) : str_new(f + k, (size_t)(j - 1 - k));
        if (IS_NULL(key)) return -1;
        *arg = obj_getitem(pa->dict, key);
        if (IS_NULL(*arg)) return -1;
        pa->i = pa->n = 0;
    }
    for (; j < len; j++) {
        char c = f[j];
        if (c == '-') ps->left = 1;
        else if (c == '+') ps->plus = 1;
        else if (c == ' ') ps->space = 1;
        else if (c == '#') ps->alt = 1;
        else if (c == '0') ps->zero = 1;
        else break;
    }
    if (j < len && f[j] == '*') {
        if (pct_star(pa, &ps->width, 0) < 0) return -1;
        if (ps->width < 0) {
            ps->left = 1;
            ps->width = ps->width == INT64_MIN ? INT64_MAX : -ps->width;
        }
        j++;
    } else if (pct_digits(f, len, &j, &ps->width, 0) < 0) {
        return -1;
    }
    if (j < len && f[j] == '.') {
        ps->prec = 0;
        j++;
        if (j < len && f[j] == '*') {
            if (pct_star(pa, &ps->prec, 1) < 0) return -1;
            if (ps->prec < 0) ps->prec = 0;
            j++;
        } else if (pct_digits(f, len, &j, &ps->prec, 1) < 0) {
            return -1;
        }
    }
    while (j < len && (f[j] == 'h' || f[j] == 'l' || f[j] == 'L')) j++;
    if (j >= len) { err_format(&exc_ValueError, "incomplete format"); return -1; }
    ps->conv = f[j];
    if (pa->bytes) ps->conv_cp = (unsigned char)f[j];
    else utf8_dec((const unsigned char *)f + j, &ps->conv_cp);
    *i = j + 1;
    return 0;
}

static int pct_one(StrBuf *sb, const PctSpec *ps, Value v, int64_t at, int bytes) {
    switch (ps->conv) {
    case 'b': if (!bytes) break; return pct_bytes(sb, ps, v);
    case 's': return bytes ? pct_bytes(sb, ps, v) : pct_text(sb, ps, v);
    case 'r': case 'a': return bytes ? pct_bytes_ascii(sb, ps, v) : pct_text(sb, ps, v);
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': return pct_int(sb, ps, v);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': return pct_float(sb, ps, v);
    case 'c': return bytes ? pct_byte(sb, ps, v) : pct_char(sb, ps, v);
    default: break;
    }
    uint32_t c = ps->conv_cp;
    if (bytes && c >= 0x80) {       /* CPython passes the byte as a negative char to '%c' */
        err_format(&exc_OverflowError, "character argument not in range(0x110000)");
        return -1;
    }
    err_format(&exc_ValueError, "unsupported format character '%c' (0x%x) at index %d",
               bytes || (c >= 31 && c <= 126) ? (int)c : '?', (unsigned)c, (int)at);
    return -1;
}

/* The printf-style engine shared by str % args and bytes % args: the format
 * f[0..len) is UTF-8 text (str) or raw bytes; the result is built in sb. */
static int pct_format(StrBuf *sb, const char *f, int64_t len, Value args, int bytes) {
    PctArgs pa = {NULL, 1, 0, VAL_NULL, bytes};
    Value single = args;
    if (IS_TUPLE(args)) { pa.items = AS_TUPLE(args)->items; pa.n = AS_TUPLE(args)->len; }
    else pa.items = &single;
    /* Not a mapping for %(key)s: str always, bytes-likes only for bytes formatting. */
    int textlike = IS_STR(args) || (bytes && (IS_BYTES(args) || IS_BYTEARRAY(args)));
    if (!IS_TUPLE(args) && !textlike && !IS_NULL(val_type(args)->slots[SM_GETITEM]))
        pa.dict = args;
    int64_t i = 0;
    while (i < len) {
        const char *pc = memchr(f + i, '%', (size_t)(len - i));
        int64_t j = pc ? pc - f : len;
        if (sb_put(sb, f + i, (size_t)(j - i)) < 0) return -1;
        if (!pc) break;
        i = j + 1;
        if (i < len && f[i] == '%') { if (sb_putc(sb, '%') < 0) return -1; i++; continue; }
        PctSpec ps = {0, 0, 0, 0, 0, 0, -1, 0, 0, bytes};
        Value arg;
        if (pct_parse(f, len, &i, &pa, &ps, &arg) < 0) return -1;
        if (IS_NULL(arg) && IS_NULL(arg = pct_next(&pa))) return -1;
        int64_t at = bytes ? i - 1 : utf8_count(f, i - 1);
        if (pct_one(sb, &ps, arg, at, bytes) < 0) return -1;
    }
    if (pa.i < pa.n && IS_NULL(pa.dict)) {
        err_format(&exc_TypeError, "not all arguments converted during %s formatting",
                   bytes ? "bytes" : "string");
        return -1;
    }
    return 0;
}

Value str_mod_format(Value fmt, Value args) {
    StrBuf sb; sb_init(&sb);
    if (pct_format(&sb, STR_DATA(fmt), STR_LEN(fmt), args, 0) < 0) { sb_free(&sb); return VAL_NULL; }
    return sb_finish_str(&sb);
}

Value str_pct_bytes(const uint8_t *fmt, size_t len, Value args) {
    StrBuf sb; sb_init(&sb);
    if (pct_format(&sb, (const char *)fmt, (int64_t)len, args, 1) < 0) { sb_free(&sb); return VAL_NULL; }
    return sb_finish_bytes(&sb);
}

/* ======================================================================
 * format(): str.__format__ and str.format
 * ==================================================================== */

Value str_format_spec(Value v, Value spec) {
    Str *s = AS_STR(v), *sp = AS_STR(spec);
    if (sp->len == 0) return IS_EXACT(v, type_str) ? v : str_new(s->data, (size_t)s->len);
    FormatSpec fs;
    if (fmt_parse_typed(spec, &fs, val_type_name(v)) < 0) return VAL_NULL;
    if (fs.type && fs.type != 's') {
        if ((unsigned char)fs.type > 32 && (unsigned char)fs.type < 128)
            return err_format(&exc_ValueError, "Unknown format code '%c' for object of type '%T'", fs.type, v);
        return err_format(&exc_ValueError, "Unknown format code '\\x%x' for object of type '%T'",
                          (unsigned)(unsigned char)fs.type, v);
    }
    if (fs.grouping)
        return err_format(&exc_ValueError, "Cannot specify '%c' with 's'.", fs.grouping);
    /* CPython's order (format_string_internal): sign, z, #, '='. */
    if (fs.sign == ' ') return err_format(&exc_ValueError, "Space not allowed in string format specifier");
    if (fs.sign) return err_format(&exc_ValueError, "Sign not allowed in string format specifier");
    if (fs.no_neg_zero)
        return err_format(&exc_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
    if (fs.alternate)
        return err_format(&exc_ValueError, "Alternate form (#) not allowed in string format specifier");
    if (fs.align == '=')
        return err_format(&exc_ValueError, "'=' alignment not allowed in string format specifier");
    int64_t nc = s->nchars, bl = s->len;
    if (fs.precision >= 0 && fs.precision < nc) { nc = fs.precision; bl = str_offset(s, nc); }
    /* Nothing to cut or pad: CPython's writer hands back the object itself, so
     * format(S('abc'), 's') is still an S. */
    if (nc == s->nchars && fs.width <= nc) return v;
    return fmt_pad(&fs, '<', "", 0, s->data, (size_t)bl, nc);
}

static Value str_format_dunder_m(Value *args, int nargs, Value kwnames) {
    if (!IS_STR(args[1]))
        return err_format(&exc_TypeError, "__format__() argument must be str, not %N", args[1]);
    if (STR_LEN(args[1]) == 0) return obj_str(args[0]);     /* a subclass's __str__, as CPython */
    return str_format_spec(args[0], args[1]);
}

typedef struct FmtCtx {
    Value *args;
    int nargs;
    Value kwnames;      /* tuple or VAL_NULL; values at args[nargs..] */
    Value mapping;      /* format_map's mapping, or VAL_NULL */
    int auto_idx;       /* next automatic index; -1 once manual numbering used */
    int manual;
} FmtCtx;

static Value fmt_lookup_kw(FmtCtx *c, const char *name, size_t len) {
    Value key = str_new(name, len);
    if (IS_NULL(key)) return key;
    if (!IS_NULL(c->mapping)) return obj_getitem(c->mapping, key);
    if (!IS_NULL(c->kwnames)) {
        Tuple *kt = AS_TUPLE(c->kwnames);
        for (int64_t i = 0; i < kt->len; i++)
            if (str_eq(kt->items[i], key)) return c->args[c->nargs + i];
    }
    return err_set_value(&exc_KeyError, key);
}

/* A field name or index that is all digits: 1 and its value, 0 if it is not
 * a number, -1 (ValueError, CPython's get_integer) when it is one too big. */
static int parse_digits(const char *p, size_t n, int64_t *out) {
    if (n == 0) return 0;
    for (size_t i = 0; i < n; i++)
        if (p[i] < '0' || p[i] > '9') return 0;
    int64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        int d = p[i] - '0';
        if (v > (INT64_MAX - d) / 10) {
            err_format(&exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + d;
    }
    *out = v;
    return 1;
}

/* The object named by a field name such as "0.attr[key]". */
static Value fmt_get_field(FmtCtx *c, const char *p, size_t n) {
    size_t k = 0;
    while (k < n && p[k] != '.' && p[k] != '[') k++;
    Value obj;
    int64_t idx;
    if (!IS_NULL(c->mapping) && (k == 0 || (p[0] >= '0' && p[0] <= '9' && parse_digits(p, k, &idx) != 0))) {
        if (!err_occurred()) err_format(&exc_ValueError, "Format string contains positional fields");
        return VAL_NULL;
    }
    if (k == 0) {
        if (c->manual)
            return err_format(&exc_ValueError,
                              "cannot switch from manual field specification to automatic field numbering");
        c->auto_idx++;
        idx = c->auto_idx - 1;
        goto positional;
    }
    int num = parse_digits(p, k, &idx);
    if (num < 0) return VAL_NULL;
    if (num) {
        if (c->auto_idx > 0)
            return err_format(&exc_ValueError,
                              "cannot switch from automatic field numbering to manual field specification");
        c->manual = 1;
positional:
        if (!IS_NULL(c->mapping) || idx >= c->nargs)
            return err_format(&exc_IndexError, "Replacement index %lld out of range for positional args tuple",
                              (long long)idx);
        obj = c->args[idx];
    } else {
        obj = fmt_lookup_kw(c, p, k);
    }
    while (!IS_NULL(obj) && k < n) {
        if (p[k] == '.') {
            size_t b = ++k;
            while (k < n && p[k] != '.' && p[k] != '[') k++;
            if (k == b) return err_format(&exc_ValueError, "Empty attribute in format string");
            Value name = str_new(p + b, k - b);
            if (IS_NULL(name)) return name;
            obj = obj_getattr(obj, name);
        } else if (p[k] == '[') {
            size_t b = ++k;
            while (k < n && p[k] != ']') k++;
            if (k >= n) return err_format(&exc_ValueError, "Missing ']' in format string");
            if (k == b) return err_format(&exc_ValueError, "Empty attribute in format string");
            int64_t ki;
            int inum = parse_digits(p + b, k - b, &ki);
            if (inum < 0) return VAL_NULL;
            Value key = inum ? int_from_i64(ki) : str_new(p + b, k - b);
            if (IS_NULL(key)) return key;
            obj = obj_getitem(obj, key);
            k++;
            if (k < n && p[k] != '.' && p[k] != '[')
                return err_format(&exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        } else {
            return err_format(&exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    return obj;
}

static Value format_impl(FmtCtx *c, const char *f, size_t len, int depth);

/* CPython's parse_field, also behind _string.formatter_parser (obj_str.h). */
int str_fmt_parse_field(const char *f, size_t len, size_t *pos, FmtField *out) {
    size_t i = *pos;
    char c = 0;
    memset(out, 0, sizeof *out);
    out->name = f + i;
    while (i < len) {
        c = f[i++];
        if (c == '{') { err_format(&exc_ValueError, "unexpected '{' in field name"); return -1; }
        if (c == '[') { while (i < len && f[i] != ']') i++; continue; }
        if (c == '}' || c == ':' || c == '!') break;
    }
    out->name_len = (size_t)(f + i - 1 - out->name);
    if (c != '!' && c != ':') {
        if (c != '}') { err_format(&exc_ValueError, "expected '}' before end of string"); return -1; }
        *pos = i;
        return 0;
    }
    if (c == '!') {
        if (i >= len) {
            err_format(&exc_ValueError, "end of string while looking for conversion specifier");
            return -1;
        }
        i += (size_t)utf8_dec((const unsigned char *)f + i, &out->conv);
        if (i < len) {
            c = f[i++];
            if (c == '}') { *pos = i; return 0; }
            if (c != ':') { err_format(&exc_ValueError, "expected ':' after conversion specifier"); return -1; }
        }
    }
    out->spec = f + i;
    for (int count = 1; i < len; i++) {
        if (f[i] == '{') { out->expand = 1; count++; }
        else if (f[i] == '}' && --count == 0) {
            out->spec_len = (size_t)(f + i - out->spec);
            *pos = i + 1;
            return 0;
        }
    }
    err_format(&exc_ValueError, "unmatched '{' in format spec");
    return -1;
}

static Value fmt_convert(Value obj, uint32_t conv) {
    if (conv == 'r') return obj_repr(obj);
    if (conv == 's') return obj_str(obj);
    if (conv == 'a') return ascii_of(obj);
    if (conv > 32 && conv < 127)
        return err_format(&exc_ValueError, "Unknown conversion specifier %c", (char)conv);
    return err_format(&exc_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conv);
}

/* Format one parsed replacement field into sb. */
static int fmt_field(StrBuf *sb, FmtCtx *c, const FmtField *fld, int depth) {
    Value obj = fmt_get_field(c, fld->name, fld->name_len);
    if (!IS_NULL(obj) && fld->conv) obj = fmt_convert(obj, fld->conv);
    if (IS_NULL(obj)) return -1;
    Value spec = fld->expand ? format_impl(c, fld->spec, fld->spec_len, depth + 1)
                             : str_new(fld->spec, fld->spec_len);
    if (IS_NULL(spec)) return -1;
    Value r = (IS_EXACT(obj, type_str) ? str_format_spec(obj, spec) : obj_format(obj, spec));
    if (IS_NULL(r)) return -1;
    return sb_put_value_str(sb, r);
}

/* CPython's build_string: literal text with {{ }} escapes and fields;
 * nested specs may go one level deep. */
static Value format_impl(FmtCtx *c, const char *f, size_t len, int depth) {
    if (depth > 1) return err_format(&exc_ValueError, "Max string recursion exceeded");
    StrBuf sb; sb_init(&sb);
    size_t i = 0;
    while (i < len) {
        char ch = f[i];
        if (ch != '{' && ch != '}') {
            size_t j = i;
            while (j < len && f[j] != '{' && f[j] != '}') j++;
            if (sb_put(&sb, f + i, j - i) < 0) goto fail;
            i = j;
            continue;
        }
        if (i + 1 < len && f[i + 1] == ch) { if (sb_putc(&sb, ch) < 0) goto fail; i += 2; continue; }
        if (ch == '}' || i + 1 >= len) {
            err_format(&exc_ValueError, "Single '%c' encountered in format string", ch);
            goto fail;
        }
        FmtField fld;
        i++;
        if (str_fmt_parse_field(f, len, &i, &fld) < 0 || fmt_field(&sb, c, &fld, depth) < 0) goto fail;
    }
    return sb_finish_str(&sb);
fail:
    sb_free(&sb);
    return VAL_NULL;
}

Value str_format_method(Value fmt, Value *args, int nargs, Value kwnames) {
    FmtCtx c = {args, nargs, kwnames, VAL_NULL, 0, 0};
    return format_impl(&c, STR_DATA(fmt), (size_t)STR_LEN(fmt), 0);
}

/* format(*args, **kwargs): ARGS_ANY, since **kwargs has no ARGS_KW form. */
static Value str_format_m(Value *args, int nargs, Value kwnames) {
    return str_format_method(args[0], args + 1, nargs - 1, kwnames);
}

static Value str_format_map_m(Value *args, int nargs, Value kwnames) {
    FmtCtx c = {NULL, 0, VAL_NULL, args[1], 0, 0};
    return format_impl(&c, STR_DATA(args[0]), (size_t)STR_LEN(args[0]), 0);
}

/* ======================================================================
 * Special methods, iterator, type
 * ==================================================================== */

/* str(object='', encoding='utf-8', errors='strict'): ARGS_ANY, as CPython's
 * messages name the type ("str() argument 'encoding' must be str"). */
static Value str_new_m(Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"object", "encoding", "errors"};
    Value a[3];
    if (arg_parse("str", args + 1, nargs - 1, kwnames, names, 3, 0, 0, a) < 0) return VAL_NULL;
    Type *cls = AS_TYPE(args[0]);
    Value r;
    if (IS_NULL(a[1]) && IS_NULL(a[2])) {
        r = IS_NULL(a[0]) ? str_empty() : obj_str(a[0]);
    } else {
        for (int i = 1; i < 3; i++)
            if (!IS_NULL(a[i]) && !IS_STR(a[i]))
                return err_format(&exc_TypeError, "str() argument '%s' must be str, not %N", names[i], a[i]);
        if (IS_NULL(a[0])) return str_empty();
        if (IS_STR(a[0])) return err_format(&exc_TypeError, "decoding str is not supported");
        const uint8_t *d; int64_t n;
        if (!buffer_check(a[0]) || bytes_view(a[0], &d, &n) < 0) {
            err_clear();
            return err_format(&exc_TypeError, "decoding to str: need a bytes-like object, %T found", a[0]);
        }
        const char *enc = str_codec_arg(a[1], "utf-8"), *errors = enc ? str_codec_arg(a[2], "strict") : NULL;
        r = errors ? str_decode(d, (size_t)n, enc, errors) : VAL_NULL;
    }
    if (IS_NULL(r) || cls == &type_str) return r;
    Str *s = str_alloc_type(cls, (size_t)STR_LEN(r));
    if (!s) return VAL_NULL;
    memcpy(s->data, STR_DATA(r), (size_t)STR_LEN(r));
    return str_finish(s);
}

static Value str_repr_m(Value *args, int nargs, Value kwnames) {
    return str_repr(args[0]);
}

static Value str_str_m(Value *args, int nargs, Value kwnames) {
    if (IS_EXACT(args[0], type_str)) return args[0];
    return str_new(STR_DATA(args[0]), (size_t)STR_LEN(args[0]));
}

static Value str_hash_m(Value *args, int nargs, Value kwnames) {
    return int_from_i64(str_hash(args[0]));
}

static Value str_len_m(Value *args, int nargs, Value kwnames) {
    return MK_SMALLINT(SELF(args)->nchars);
}

static Value str_getitem_m(Value *args, int nargs, Value kwnames) {
    Value k = args[1];
    if (IS_SMALLINT(k)) return str_getitem_index(args[0], AS_SMALLINT(k));
    if (IS_EXACT(k, type_slice)) {
        int64_t start, stop, step;
        if (slice_indices(k, SELF(args)->nchars, &start, &stop, &step) < 0) return VAL_NULL;
        if (step == 1 && start == 0 && stop >= SELF(args)->nchars && IS_EXACT(args[0], type_str))
            return args[0];
        return str_slice(args[0], start, stop, step);
    }
    if (!IS_INT(k) && IS_NULL(val_type(k)->slots[SM_INDEX]))
        return err_format(&exc_TypeError, "string indices must be integers, not '%s'", val_type_name(k));
    int64_t i;
    if (obj_index_i64(k, &i) < 0) return VAL_NULL;
    return str_getitem_index(args[0], i);
}

static Value str_add_m(Value *args, int nargs, Value kwnames) {
    Value b = args[1];
    if (IS_STR(b)) return str_concat(args[0], b);
    return err_format(&exc_TypeError, "can only concatenate str (not \"%s\") to str", val_type_name(b));
}

/* s * n, s.__mul__(n), s.__rmul__(n): the count as CPython's slot wrapper takes it. */
static Value str_repeat(Value s, Value n) {
    int64_t k;
    if (seq_repeat_arg(n, &k) < 0) return VAL_NULL;
    Str *x = AS_STR(s);
    if (k <= 0 || x->len == 0) return str_empty();
    if (k == 1 && IS_EXACT(s, type_str)) return s;
    if (x->nchars > INT64_MAX / k)
        return err_format(&exc_OverflowError, "repeated string is too long");
    if (x->len > INT64_MAX / k / 2) return err_no_memory();
    Str *r = str_alloc((size_t)(x->len * k));
    if (!r) return VAL_NULL;
    if (x->len == 1) memset(r->data, x->data[0], (size_t)k);
    else {
        memcpy(r->data, x->data, (size_t)x->len);
        int64_t done = x->len, total = x->len * k;
        while (done < total) {
            int64_t n2 = done < total - done ? done : total - done;
            memcpy(r->data + done, r->data, (size_t)n2);
            done += n2;
        }
    }
    r->data[r->len] = '\0';
    r->nchars = x->nchars * k;
    return MK_OBJ(r);
}

static Value str_mul_m(Value *args, int nargs, Value kwnames) {
    return str_repeat(args[0], args[1]);
}

static Value str_mod_m(Value *args, int nargs, Value kwnames) {
    return str_mod_format(args[0], args[1]);
}

static Value str_rmod_m(Value *args, int nargs, Value kwnames) {
    return VAL_NOTIMPLEMENTED;
}

static Value cmp_common(Value *args, int op) {
    Value b = args[1];
    if (!IS_STR(b)) return VAL_NOTIMPLEMENTED;
    if (op == 0) return MK_BOOL(str_eq(args[0], b));
    if (op == 1) return MK_BOOL(!str_eq(args[0], b));
    int c = str_compare(args[0], b);
    switch (op) {
    case 2: return MK_BOOL(c < 0);
    case 3: return MK_BOOL(c <= 0);
    case 4: return MK_BOOL(c > 0);
    default: return MK_BOOL(c >= 0);
    }
}

static Value str_eq_m(Value *a, int n, Value k) { return cmp_common(a, 0); }
static Value str_ne_m(Value *a, int n, Value k) { return cmp_common(a, 1); }
static Value str_lt_m(Value *a, int n, Value k) { return cmp_common(a, 2); }
static Value str_le_m(Value *a, int n, Value k) { return cmp_common(a, 3); }
static Value str_gt_m(Value *a, int n, Value k) { return cmp_common(a, 4); }
static Value str_ge_m(Value *a, int n, Value k) { return cmp_common(a, 5); }

static Value str_getnewargs_m(Value *args, int nargs, Value kwnames) {
    Value s = str_new(STR_DATA(args[0]), (size_t)STR_LEN(args[0]));
    if (IS_NULL(s)) return s;
    return tuple_pack(1, s);
}

static Value str_sizeof_m(Value *args, int nargs, Value kwnames) {
    return MK_SMALLINT((int64_t)val_type(args[0])->basicsize + SELF(args)->len + 1);
}

/* ---- str_iterator ---- */
typedef struct StrIter {
    Obj     header;
    Value   s;          /* the str, VAL_NULL once exhausted */
    int64_t pos;        /* byte offset */
    int64_t idx;        /* char index (for __length_hint__) */
} StrIter;

static void striter_trace(Obj *o) { gc_mark_value(((StrIter *)o)->s); }

Type type_str_iterator;

/* Two iterator types, as in CPython 3.11: ASCII strings get
 * str_ascii_iterator, the others str_iterator (same code, other name). */
Type type_str_ascii_iterator;

Value str_iter(Value s) {
    Type *t = STR_IS_ASCII(AS_STR(s)) ? &type_str_ascii_iterator : &type_str_iterator;
    StrIter *it = (StrIter *)gc_alloc(t, sizeof(StrIter));
    if (!it) return VAL_NULL;
    it->s = s;
    it->pos = 0;
    it->idx = 0;
    return MK_OBJ(it);
}

static Value striter_next_m(Value *args, int nargs, Value kwnames) {
    StrIter *it = (StrIter *)AS_OBJ(args[0]);
    if (IS_NULL(it->s)) return VAL_NULL;
    Str *s = AS_STR(it->s);
    if (it->pos >= s->len) { it->s = VAL_NULL; return VAL_NULL; }
    uint32_t c;
    int n = utf8_dec((const unsigned char *)s->data + it->pos, &c);
    Value r = n <= 2 ? str_new(s->data + it->pos, (size_t)n) : str_from_codepoint(c);
    it->pos += n;
    it->idx++;
    return r;
}

static Value striter_iter_m(Value *args, int nargs, Value kwnames) {
    return args[0];
}

static Value striter_hint_m(Value *args, int nargs, Value kwnames) {
    StrIter *it = (StrIter *)AS_OBJ(args[0]);
    if (IS_NULL(it->s)) return MK_SMALLINT(0);
    return MK_SMALLINT(AS_STR(it->s)->nchars - it->idx);
}

/* (iter, (s,), index), or (iter, ('',)) once exhausted: pickle's recipe. */
static Value striter_reduce_m(Value *args, int nargs, Value kwnames) {
    StrIter *it = (StrIter *)AS_OBJ(args[0]);
    Value iter = dict_get_c(interp.builtins, "iter");
    if (IS_NULL(iter)) return err_format(&exc_RuntimeError, "lost builtins.iter");
    Value seq = tuple_pack(1, IS_NULL(it->s) ? str_empty() : it->s);
    if (IS_NULL(seq)) return VAL_NULL;
    if (IS_NULL(it->s)) return tuple_pack(2, iter, seq);
    return tuple_pack(3, iter, seq, MK_SMALLINT(it->idx));
}

/* __setstate__(index): the next character is s[index], clamped to the string. */
static Value striter_setstate_m(Value *args, int nargs, Value kwnames) {
    StrIter *it = (StrIter *)AS_OBJ(args[0]);
    int64_t i;
    if (!IS_INT(args[1])) return err_format(&exc_TypeError, "an integer is required");
    if (arg_to_ssize(args[1], &i) < 0) return VAL_NULL;
    if (IS_NULL(it->s)) return VAL_NONE;
    Str *s = AS_STR(it->s);
    if (i < 0) i = 0;
    if (i > s->nchars) i = s->nchars;
    it->idx = i;
    it->pos = str_offset(s, i);
    return VAL_NONE;
}

static const MethodDef striter_methods[] = {
    {"__next__", striter_next_m, ARGS_WRAP(0), NULL},
    {"__iter__", striter_iter_m, ARGS_WRAP(0), NULL},
    {"__length_hint__", striter_hint_m, ARGS_NONE, NULL},
    {"__reduce__", striter_reduce_m, ARGS_NONE, NULL},
    {"__setstate__", striter_setstate_m, ARGS_ONE, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_str_iterator = {
    .tp_name = "str_iterator", .base = &type_object,
    .basicsize = sizeof(StrIter), .trace = striter_trace,
    .methods = striter_methods,
};
GILPY_TYPE(type_str_iterator, NULL);

Type type_str_ascii_iterator = {
    .tp_name = "str_ascii_iterator", .base = &type_object,
    .basicsize = sizeof(StrIter), .trace = striter_trace,
    .methods = striter_methods,
};
GILPY_TYPE(type_str_ascii_iterator, NULL);

static Value str_iter_m(Value *args, int nargs, Value kwnames) {
    return str_iter(args[0]);
}

static const MethodDef str_methods[] = {
    {"__new__", str_new_m, METH_STATIC, NULL},
    {"__repr__", str_repr_m, ARGS_WRAP(0), NULL},
    {"__str__", str_str_m, ARGS_WRAP(0), NULL},
    {"__hash__", str_hash_m, ARGS_WRAP(0), NULL},
    {"__len__", str_len_m, ARGS_WRAP(0), NULL},
    {"__getitem__", str_getitem_m, ARGS_WRAP(1), NULL},
    {"__contains__", str_contains_m, ARGS_WRAP(1), NULL},
    {"__iter__", str_iter_m, ARGS_WRAP(0), NULL},
    {"__add__", str_add_m, ARGS_WRAP(1), NULL},
    {"__mul__", str_mul_m, ARGS_WRAPT(1, 1), NULL},
    {"__rmul__", str_mul_m, ARGS_WRAPT(1, 1), NULL},
    {"__mod__", str_mod_m, ARGS_WRAP(1), NULL},
    {"__rmod__", str_rmod_m, ARGS_WRAP(1), NULL},
    {"__eq__", str_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", str_ne_m, ARGS_WRAP(1), NULL},
    {"__lt__", str_lt_m, ARGS_WRAP(1), NULL},
    {"__le__", str_le_m, ARGS_WRAP(1), NULL},
    {"__gt__", str_gt_m, ARGS_WRAP(1), NULL},
    {"__ge__", str_ge_m, ARGS_WRAP(1), NULL},
    {"__format__", str_format_dunder_m, ARGS_ONE, NULL},
    {"__getnewargs__", str_getnewargs_m, ARGS_NONE, NULL},
    {"__sizeof__", str_sizeof_m, ARGS_NONE, NULL},
    {"split", str_split_m, ARGS_KW, NULL, "($self, /, sep=None, maxsplit=-1)"},
    {"rsplit", str_rsplit_m, ARGS_KW, NULL, "($self, /, sep=None, maxsplit=-1)"},
    {"splitlines", str_splitlines_m, ARGS_KW, NULL, "($self, /, keepends=False)"},
    {"join", str_join_m, ARGS_ONE, NULL},
    {"strip", str_strip_m, ARGS_POS(0, 1), NULL},
    {"lstrip", str_lstrip_m, ARGS_POS(0, 1), NULL},
    {"rstrip", str_rstrip_m, ARGS_POS(0, 1), NULL},
    {"startswith", str_startswith_m, ARGS_TUPLE(1, 3), NULL},
    {"endswith", str_endswith_m, ARGS_TUPLE(1, 3), NULL},
    {"find", str_find_m, ARGS_TUPLE(1, 3), NULL},
    {"rfind", str_rfind_m, ARGS_TUPLE(1, 3), NULL},
    {"index", str_index_m, ARGS_TUPLE(1, 3), NULL},
    {"rindex", str_rindex_m, ARGS_TUPLE(1, 3), NULL},
    {"count", str_count_m, ARGS_TUPLE(1, 3), NULL},
    {"replace", str_replace_m, ARGS_POS(2, 3), NULL},
    {"upper", str_upper_m, ARGS_NONE, NULL},
    {"lower", str_lower_m, ARGS_NONE, NULL},
    {"title", str_title_m, ARGS_NONE, NULL},
    {"capitalize", str_capitalize_m, ARGS_NONE, NULL},
    {"swapcase", str_swapcase_m, ARGS_NONE, NULL},
    {"casefold", str_casefold_m, ARGS_NONE, NULL},
    {"isalpha", str_isalpha_m, ARGS_NONE, NULL},
    {"isdigit", str_isdigit_m, ARGS_NONE, NULL},
    {"isdecimal", str_isdecimal_m, ARGS_NONE, NULL},
    {"isnumeric", str_isnumeric_m, ARGS_NONE, NULL},
    {"isalnum", str_isalnum_m, ARGS_NONE, NULL},
    {"isspace", str_isspace_m, ARGS_NONE, NULL},
    {"isupper", str_isupper_m, ARGS_NONE, NULL},
    {"islower", str_islower_m, ARGS_NONE, NULL},
    {"istitle", str_istitle_m, ARGS_NONE, NULL},
    {"isidentifier", str_isidentifier_m, ARGS_NONE, NULL},
    {"isprintable", str_isprintable_m, ARGS_NONE, NULL},
    {"isascii", str_isascii_m, ARGS_NONE, NULL},
    {"format", str_format_m, ARGS_ANY, NULL},
    {"format_map", str_format_map_m, ARGS_ONE, NULL},
    {"zfill", str_zfill_m, ARGS_ONE, NULL},
    {"center", str_center_m, ARGS_POS(1, 2), NULL},
    {"ljust", str_ljust_m, ARGS_POS(1, 2), NULL},
    {"rjust", str_rjust_m, ARGS_POS(1, 2), NULL},
    {"partition", str_partition_m, ARGS_ONE, NULL},
    {"rpartition", str_rpartition_m, ARGS_ONE, NULL},
    {"expandtabs", str_expandtabs_m, ARGS_KW, NULL, "($self, /, tabsize=8)"},
    {"encode", str_encode_m, ARGS_KW, NULL, "($self, /, encoding='utf-8', errors='strict')"},
    {"removeprefix", str_removeprefix_m, ARGS_ONE, NULL},
    {"removesuffix", str_removesuffix_m, ARGS_ONE, NULL},
    {"maketrans", str_maketrans_m, METH_STATIC | ARGS_POS(1, 3), NULL},
    {"translate", str_translate_m, ARGS_ONE, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_str = {
    .tp_name = "str", .base = &type_object,
    .flags = TF_BASETYPE | TF_STR_SUBCLASS | TF_MATCH_SELF,
    .basicsize = sizeof(Str),
    .methods = str_methods,
};
GILPY_TYPE(type_str, "str");
