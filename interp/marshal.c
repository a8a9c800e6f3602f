/* marshal.c - CPython's marshal format (version 4), read and written, plus
 * gilpy's code objects: the `marshal` module's engine and the bytecode
 * cache's (import.c).
 *
 * loads reads everything CPython writes for the types gilpy shares with it:
 * singletons, ints (32-bit and the 15-bit-digit long form), floats and
 * complex numbers (binary and the old text forms), bytes, every str form
 * (UTF-8, ASCII, short ASCII, interned), tuples, lists, dicts, sets,
 * frozensets, and back-references (FLAG_REF / 'r').  dumps writes the same
 * forms without back-references, which every reader accepts.
 *
 * Code objects are gilpy's own: type code 'c', then the stamp of the
 * compiler that made them (code_stamp.h: a hash of the compiler's sources),
 * then the counts, the code words and positions as they are in memory, and
 * the tables as values.  Code from another compiler (another gilpy, or
 * CPython) is refused: ValueError "bad marshal data (...)", which the
 * bytecode cache takes as "compile the source again".  Interned strings are
 * written as such and interned again when read, so names stay identical.
 */
#include "marshal.h"

#include <gmp.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/call.h"
#include "../runtime/error.h"
#include "../runtime/gc.h"
#include "../runtime/obj_bytes.h"
#include "../runtime/obj_complex.h"
#include "../runtime/obj_dict.h"
#include "../runtime/obj_int.h"
#include "../runtime/obj_list.h"
#include "../runtime/obj_memoryview.h"
#include "../runtime/obj_misc.h"
#include "../runtime/obj_str.h"
#include "../runtime/strbuf.h"
#include "../runtime/state.h"
#include "code.h"
#include "code_stamp.h"

#define MARSHAL_VERSION 4
#define FLAG_REF 0x80
#define MARSHAL_MAX_DEPTH 2000

/* ---- writing ---------------------------------------------------------------------------- */

/* The output, and the interned strings written so far: each is written once
 * (flagged FLAG_REF) and then as a back-reference ('r' and its index), so a
 * module's code repeats no name and reading it interns each name once. */
typedef struct {
    StrBuf  sb;
    Value   refs;               /* dict: interned str -> its index among the references */
    int64_t nrefs;
} MWriter;

static int mw_u32(MWriter *w, uint32_t v) {
    char b[4] = {(char)(v & 0xff), (char)((v >> 8) & 0xff), (char)((v >> 16) & 0xff), (char)(v >> 24)};
    return sb_put(&w->sb, b, 4);
}

static int mw_code_len(MWriter *w, char code, size_t n) {
    if (n > 0x7fffffff) { err_format(&exc_ValueError, "unmarshallable object"); return -1; }
    return sb_putc(&w->sb, code) < 0 ? -1 : mw_u32(w, (uint32_t)n);
}

static int mw_double(MWriter *w, double d) { return sb_put(&w->sb, (const char *)&d, 8); }

static int mw_int(MWriter *w, Value v) {
    int64_t i;
    if (int_to_i64(v, &i) == 0 && i >= INT32_MIN && i <= INT32_MAX)
        return sb_putc(&w->sb, 'i') < 0 ? -1 : mw_u32(w, (uint32_t)(int32_t)i);
    err_clear();
    mpz_t z;
    mpz_init(z);
    int_to_mpz(v, z);
    size_t count = 0;
    uint16_t *digits = mpz_export(NULL, &count, -1, 2, 0, 1, z);   /* 15-bit digits, low first */
    int r = mw_code_len(w, 'l', count);
    if (r == 0) {
        uint32_t n = mpz_sgn(z) < 0 ? (uint32_t)-(int32_t)count : (uint32_t)count;
        w->sb.len -= 4;
        r = mw_u32(w, n);
    }
    for (size_t k = 0; r == 0 && k < count; k++) {
        char b[2] = {(char)(digits[k] & 0xff), (char)(digits[k] >> 8)};
        r = sb_put(&w->sb, b, 2);
    }
    free(digits);
    mpz_clear(z);
    return r;
}

static int mw_value(MWriter *w, Value v, int depth);

static int mw_items(MWriter *w, Value *items, int64_t n, int depth) {
    for (int64_t i = 0; i < n; i++) if (mw_value(w, items[i], depth) < 0) return -1;
    return 0;
}

/* Interned strings keep the interned codes ('Z', 'A', 't'): read back, they
 * are interned again, as a code object's names must be. */
static int mw_str(MWriter *w, Value v) {
    const char *s = STR_DATA(v);
    size_t n = (size_t)STR_LEN(v);
    int ascii = STR_IS_ASCII(AS_STR(v));
    int interned = (AS_STR(v)->header.aux & STRF_INTERNED) != 0;
    if (interned) {                          /* written before: a back-reference */
        Value at = dict_get(w->refs, v);
        if (!IS_NULL(at)) return sb_putc(&w->sb, 'r') < 0 ? -1 : mw_u32(w, (uint32_t)AS_SMALLINT(at));
        if (dict_set(w->refs, v, MK_SMALLINT(w->nrefs++)) < 0) return -1;
    }
    char flag = interned ? (char)FLAG_REF : 0;
    if (ascii && n < 256) {
        char hdr[2] = {(char)((interned ? 'Z' : 'z') | flag), (char)n};
        return sb_put(&w->sb, hdr, 2) < 0 ? -1 : sb_put(&w->sb, s, n);
    }
    char code = (char)((ascii ? (interned ? 'A' : 'a') : (interned ? 't' : 'u')) | flag);
    if (mw_code_len(w, code, n) < 0) return -1;
    return sb_put(&w->sb, s, n);
}

/* ---- code objects ---- */

/* The counts of a code object, in the order they are written. */
#define CODE_COUNTS(c) {(c)->argcount, (c)->posonlyargcount, (c)->kwonlyargcount, (c)->nlocals, \
                        (c)->ncells, (c)->nfree, (c)->stacksize, (c)->maxblocks, (c)->firstlineno, \
                        (int32_t)(c)->flags, (c)->ncode}
enum { CODE_NCOUNTS = 11, CODE_NTABLES = 9 };

static int mw_code(MWriter *w, Code *c, int depth) {
    int32_t counts[CODE_NCOUNTS] = CODE_COUNTS(c);
    uint64_t stamp = GILPY_CODE_STAMP;
    if (sb_putc(&w->sb, 'c') < 0 || sb_put(&w->sb, (const char *)&stamp, 8) < 0) return -1;
    for (int i = 0; i < CODE_NCOUNTS; i++) if (mw_u32(w, (uint32_t)counts[i]) < 0) return -1;
    size_t n = (size_t)c->ncode;
    if (sb_put(&w->sb, (const char *)c->code, n * sizeof(uint32_t)) < 0 ||
        sb_putc(&w->sb, c->positions != NULL) < 0 ||
        (c->positions && sb_put(&w->sb, (const char *)c->positions, n * sizeof(CodePos)) < 0) ||
        sb_putc(&w->sb, c->cell2arg != NULL) < 0 ||
        (c->cell2arg && sb_put(&w->sb, (const char *)c->cell2arg, (size_t)c->ncells * sizeof(int32_t)) < 0))
        return -1;
    Value tables[CODE_NTABLES] = {c->consts, c->names, c->varnames, c->cellvars, c->freevars,
                                  c->name, c->qualname, c->filename, c->doc};
    return mw_items(w, tables, CODE_NTABLES, depth + 1);
}

static int mw_value(MWriter *w, Value v, int depth) {
    if (depth > MARSHAL_MAX_DEPTH) { err_format(&exc_ValueError, "object too deeply nested to marshal"); return -1; }
    if (IS_NONE(v)) return sb_putc(&w->sb, 'N');
    if (v == VAL_TRUE) return sb_putc(&w->sb, 'T');
    if (v == VAL_FALSE) return sb_putc(&w->sb, 'F');
    if (v == VAL_ELLIPSIS) return sb_putc(&w->sb, '.');
    if (v == MK_OBJ(&exc_StopIteration)) return sb_putc(&w->sb, 'S');
    if (IS_FLOAT(v)) return sb_putc(&w->sb, 'g') < 0 ? -1 : mw_double(w, AS_FLOAT(v));
    if (IS_SMALLINT(v) || IS_EXACT(v, type_int)) return mw_int(w, v);
    if (IS_EXACT(v, type_complex))
        return (sb_putc(&w->sb, 'y') < 0 || mw_double(w, AS_COMPLEX(v)->re) < 0) ? -1 : mw_double(w, AS_COMPLEX(v)->im);
    if (IS_EXACT(v, type_str)) return mw_str(w, v);
    if (IS_EXACT(v, type_bytes) || IS_EXACT(v, type_bytearray) || IS_EXACT(v, type_memoryview)) {
        const uint8_t *d;
        int64_t n;
        if (bytes_view(v, &d, &n) < 0) return -1;
        return mw_code_len(w, 's', (size_t)n) < 0 ? -1 : sb_put(&w->sb, (const char *)d, (size_t)n);
    }
    if (IS_EXACT(v, type_tuple)) {
        int64_t n = AS_TUPLE(v)->len;
        if (n < 256) { char hdr[2] = {')', (char)n}; if (sb_put(&w->sb, hdr, 2) < 0) return -1; }
        else if (mw_code_len(w, '(', (size_t)n) < 0) return -1;
        return mw_items(w, AS_TUPLE(v)->items, n, depth + 1);
    }
    if (IS_EXACT(v, type_list)) {
        Value snap = seq_to_tuple(v);       /* the items now, whatever __eq__ does later */
        if (IS_NULL(snap) || mw_code_len(w, '[', (size_t)AS_TUPLE(snap)->len) < 0) return -1;
        return mw_items(w, AS_TUPLE(snap)->items, AS_TUPLE(snap)->len, depth + 1);
    }
    if (IS_EXACT(v, type_dict)) {
        if (sb_putc(&w->sb, '{') < 0) return -1;
        int64_t pos = 0;
        Value k, val;
        while (dict_next(v, &pos, &k, &val))
            if (mw_value(w, k, depth + 1) < 0 || mw_value(w, val, depth + 1) < 0) return -1;
        return sb_putc(&w->sb, '0');
    }
    if (IS_EXACT(v, type_set) || IS_EXACT(v, type_frozenset)) {
        Value snap = seq_to_tuple(v);
        if (IS_NULL(snap)) return -1;
        if (mw_code_len(w, IS_EXACT(v, type_set) ? '<' : '>', (size_t)AS_TUPLE(snap)->len) < 0) return -1;
        return mw_items(w, AS_TUPLE(snap)->items, AS_TUPLE(snap)->len, depth + 1);
    }
    if (IS_EXACT(v, type_code)) return mw_code(w, AS_CODE(v), depth);
    err_format(&exc_ValueError, "unmarshallable object");
    return -1;
}

Value marshal_dumps(Value v) {
    MWriter w = {.refs = dict_new()};
    if (IS_NULL(w.refs)) return VAL_NULL;
    sb_init(&w.sb);
    if (mw_value(&w, v, 0) < 0) { sb_free(&w.sb); return VAL_NULL; }
    return sb_finish_bytes(&w.sb);
}

/* ---- reading ---------------------------------------------------------------------------- */

typedef struct {
    const uint8_t *p, *end;
    Value refs;                 /* list of objects flagged FLAG_REF, in order */
    int depth;
} MReader;

static Value mr_eof(void) { return err_format(&exc_EOFError, "EOF read where object expected"); }
static Value mr_bad(const char *what) { return err_format(&exc_ValueError, "bad marshal data (%s)", what); }

static int mr_need(MReader *r, size_t n) {
    if ((size_t)(r->end - r->p) >= n) return 0;
    err_format(&exc_EOFError, "marshal data too short");
    return -1;
}

static int mr_u32(MReader *r, int32_t *out) {
    if (mr_need(r, 4) < 0) return -1;
    *out = (int32_t)((uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 | (uint32_t)r->p[3] << 24);
    r->p += 4;
    return 0;
}

static int mr_double(MReader *r, double *d) {
    if (mr_need(r, 8) < 0) return -1;
    memcpy(d, r->p, 8);
    r->p += 8;
    return 0;
}

/* The old text form of a float: a length byte, then the digits. */
static int mr_text_double(MReader *r, double *d) {
    if (mr_need(r, 1) < 0) return -1;
    size_t n = *r->p++;
    if (mr_need(r, n) < 0) return -1;
    Value s = str_new((const char *)r->p, n);
    r->p += n;
    if (IS_NULL(s)) return -1;
    Value f = call_value(MK_OBJ(&type_float), &s, 1, VAL_NULL);
    if (IS_NULL(f)) return -1;
    *d = AS_FLOAT(f);
    return 0;
}

static Value mr_long(MReader *r) {
    int32_t n;
    if (mr_u32(r, &n) < 0) return VAL_NULL;
    size_t count = n < 0 ? (size_t)-(int64_t)n : (size_t)n;
    if (mr_need(r, count * 2) < 0) return VAL_NULL;
    uint16_t *digits = malloc(count ? count * 2 : 2);
    if (!digits) return err_no_memory();
    for (size_t k = 0; k < count; k++) {
        digits[k] = (uint16_t)(r->p[2 * k] | r->p[2 * k + 1] << 8);
        if (digits[k] > 0x7fff) { free(digits); return mr_bad("digit out of range in long"); }
    }
    r->p += count * 2;
    mpz_t z;
    mpz_init(z);
    mpz_import(z, count, -1, 2, 0, 1, digits);
    free(digits);
    if (n < 0) mpz_neg(z, z);
    Value v = int_from_mpz(z);
    mpz_clear(z);
    return v;
}

static Value mr_value(MReader *r);

static Value mr_sized(MReader *r, int small, int64_t *n) {
    if (small) {
        if (mr_need(r, 1) < 0) return VAL_NULL;
        *n = *r->p++;
        return VAL_NONE;
    }
    int32_t v;
    if (mr_u32(r, &v) < 0) return VAL_NULL;
    if (v < 0) return mr_bad("size out of range");
    *n = v;
    return VAL_NONE;
}

static int mr_all_ascii(const uint8_t *p, size_t n) {
    uint8_t any = 0;
    for (size_t i = 0; i < n; i++) any |= p[i];
    return any < 0x80;
}

/* A str of the 'u'/'t' forms (UTF-8), or of the ASCII ones (ascii set),
 * which are taken as they are once their bytes are seen to be ASCII. */
static Value mr_text(MReader *r, int small, int interned, int ascii) {
    int64_t n = 0;
    if (IS_NULL(mr_sized(r, small, &n)) || mr_need(r, (size_t)n) < 0) return VAL_NULL;
    Value s = ascii && mr_all_ascii(r->p, (size_t)n) ? str_new_ascii((const char *)r->p, (size_t)n)
                                                     : str_new_checked((const char *)r->p, (size_t)n);
    if (IS_NULL(s) && err_matches(&exc_UnicodeDecodeError)) {
        err_clear();    /* lone surrogates are written in their UTF-8 forms (CPython's surrogatepass) */
        s = str_decode(r->p, (size_t)n, "utf-8", "surrogatepass");
    }
    r->p += n;
    if (IS_NULL(s)) return VAL_NULL;
    return interned ? str_intern(s) : s;
}

/* Reserve a slot in refs for an object being built (containers may refer to themselves). */
static int64_t mr_reserve(MReader *r, int flag) {
    if (!flag) return -1;
    int64_t at = AS_LIST(r->refs)->len;
    return list_append(r->refs, VAL_NONE) < 0 ? -2 : at;
}

static Value mr_seq(MReader *r, char code, int flag) {
    int64_t n = 0;
    if (IS_NULL(mr_sized(r, code == ')', &n))) return VAL_NULL;
    if ((size_t)n > (size_t)(r->end - r->p)) return mr_eof();      /* each item takes a byte at least */
    int64_t slot = mr_reserve(r, flag);
    if (slot == -2) return VAL_NULL;
    Value items = list_new(n);
    if (IS_NULL(items)) return VAL_NULL;
    if (code == '[' && slot >= 0) AS_LIST(r->refs)->items[slot] = items;
    for (int64_t i = 0; i < n; i++) {
        Value it = mr_value(r);
        if (IS_NULL(it)) {
            if (!err_occurred()) mr_bad("NULL object in marshal data for object");
            return VAL_NULL;
        }
        if (list_append(items, it) < 0) return VAL_NULL;
    }
    Value out = items;
    if (code == '(' || code == ')') out = seq_to_tuple(items);
    else if (code == '<' || code == '>') {
        out = set_new(code == '<' ? &type_set : &type_frozenset);
        for (int64_t i = 0; !IS_NULL(out) && i < n; i++)
            if (set_add(out, AS_LIST(items)->items[i]) < 0) out = VAL_NULL;
    }
    if (!IS_NULL(out) && slot >= 0) AS_LIST(r->refs)->items[slot] = out;
    return out;
}

static Value mr_dict(MReader *r, int flag) {
    int64_t slot = mr_reserve(r, flag);
    if (slot == -2) return VAL_NULL;
    Value d = dict_new();
    if (IS_NULL(d)) return VAL_NULL;
    if (slot >= 0) AS_LIST(r->refs)->items[slot] = d;
    for (;;) {
        Value k = mr_value(r);
        if (IS_NULL(k)) return err_occurred() ? VAL_NULL : d;       /* '0' ends the dict */
        Value v = mr_value(r);
        if (IS_NULL(v)) return err_occurred() ? VAL_NULL : mr_bad("NULL object in marshal data for object");
        if (dict_set(d, k, v) < 0) return VAL_NULL;
    }
}

/* n bytes copied into a new gc_malloc'd array (n + 1 bytes, as the compiler
 * allocates them), or NULL with an error. */
static void *mr_array(MReader *r, size_t n) {
    if (mr_need(r, n) < 0) return NULL;
    void *a = gc_malloc(n + 1);
    if (!a) { err_no_memory(); return NULL; }
    memcpy(a, r->p, n);
    r->p += n;
    return a;
}

static int mr_is_str_tuple(Value t) {
    if (!IS_EXACT(t, type_tuple)) return 0;
    for (int64_t i = 0; i < AS_TUPLE(t)->len; i++) if (!IS_STR(AS_TUPLE(t)->items[i])) return 0;
    return 1;
}

/* The tables of c, read and checked. */
static int mr_code_tables(MReader *r, Code *c) {
    Value t[CODE_NTABLES];
    for (int i = 0; i < CODE_NTABLES; i++)
        if (IS_NULL(t[i] = mr_value(r))) {
            if (!err_occurred()) mr_bad("NULL object in marshal data for object");
            return -1;
        }
    if (!IS_EXACT(t[0], type_tuple) || !mr_is_str_tuple(t[1]) || !mr_is_str_tuple(t[2]) ||
        !mr_is_str_tuple(t[3]) || !mr_is_str_tuple(t[4]) || !IS_STR(t[5]) || !IS_STR(t[6]) || !IS_STR(t[7]) ||
        AS_TUPLE(t[2])->len != c->nlocals || AS_TUPLE(t[3])->len != c->ncells || AS_TUPLE(t[4])->len != c->nfree) {
        mr_bad("malformed code object");
        return -1;
    }
    c->consts = t[0]; c->names = t[1]; c->varnames = t[2]; c->cellvars = t[3]; c->freevars = t[4];
    c->name = t[5]; c->qualname = t[6]; c->filename = t[7]; c->doc = t[8];
    return 0;
}

static Value mr_code(MReader *r) {
    uint64_t stamp;
    if (mr_need(r, 8) < 0) return VAL_NULL;
    memcpy(&stamp, r->p, 8);
    r->p += 8;
    if (stamp != GILPY_CODE_STAMP) return mr_bad("code object of another compiler");
    int32_t n[CODE_NCOUNTS];
    for (int i = 0; i < CODE_NCOUNTS; i++) if (mr_u32(r, &n[i]) < 0) return VAL_NULL;
    for (int i = 0; i < CODE_NCOUNTS; i++)
        if (n[i] < 0 && i != 8 && i != 9) return mr_bad("malformed code object");
    Code *c = code_new();
    if (!c) return VAL_NULL;
    c->argcount = n[0]; c->posonlyargcount = n[1]; c->kwonlyargcount = n[2]; c->nlocals = n[3];
    c->ncells = n[4]; c->nfree = n[5]; c->stacksize = n[6]; c->maxblocks = n[7];
    c->firstlineno = n[8]; c->flags = (uint32_t)n[9];
    size_t ncode = (size_t)n[10];
    if (!(c->code = mr_array(r, ncode * sizeof(uint32_t)))) return VAL_NULL;
    c->ncode = n[10];
    if (mr_need(r, 1) < 0) return VAL_NULL;
    if (*r->p++ && !(c->positions = mr_array(r, ncode * sizeof(CodePos)))) return VAL_NULL;
    if (mr_need(r, 1) < 0) return VAL_NULL;
    if (*r->p++ && !(c->cell2arg = mr_array(r, (size_t)c->ncells * sizeof(int32_t)))) return VAL_NULL;
    if (mr_code_tables(r, c) < 0) return VAL_NULL;
    if (!code_operands_valid(c)) return mr_bad("malformed code object");
    if (interp.flag_no_debug_ranges) code_drop_columns(c);
    return MK_OBJ(c);
}

/* One value; VAL_NULL without an error for the '0' (NULL) code. */
static Value mr_value_inner(MReader *r) {
    if (r->p >= r->end) return mr_eof();
    int code = *r->p & ~FLAG_REF, flag = (*r->p & FLAG_REF) != 0;
    r->p++;
    Value v;
    double re, im;
    int32_t i;
    switch (code) {
    case '0': return VAL_NULL;
    case 'N': return VAL_NONE;
    case 'T': return VAL_TRUE;
    case 'F': return VAL_FALSE;
    case '.': return VAL_ELLIPSIS;
    case 'S': return MK_OBJ(&exc_StopIteration);
    case 'i': v = mr_u32(r, &i) < 0 ? VAL_NULL : int_from_i64(i); break;
    case 'l': v = mr_long(r); break;
    case 'g': v = mr_double(r, &re) < 0 ? VAL_NULL : MK_FLOAT_SAFE(re); break;
    case 'f': v = mr_text_double(r, &re) < 0 ? VAL_NULL : MK_FLOAT_SAFE(re); break;
    case 'y': v = (mr_double(r, &re) < 0 || mr_double(r, &im) < 0) ? VAL_NULL : complex_new(re, im); break;
    case 'x': v = (mr_text_double(r, &re) < 0 || mr_text_double(r, &im) < 0) ? VAL_NULL : complex_new(re, im); break;
    case 's': {
        int64_t n = 0;
        if (IS_NULL(mr_sized(r, 0, &n)) || mr_need(r, (size_t)n) < 0) return VAL_NULL;
        v = bytes_new(r->p, (size_t)n);
        r->p += n;
        break;
    }
    case 'u': v = mr_text(r, 0, 0, 0); break;
    case 't': v = mr_text(r, 0, 1, 0); break;
    case 'a': v = mr_text(r, 0, 0, 1); break;
    case 'A': v = mr_text(r, 0, 1, 1); break;
    case 'z': v = mr_text(r, 1, 0, 1); break;
    case 'Z': v = mr_text(r, 1, 1, 1); break;
    case '(': case ')': case '[': case '<': case '>': return mr_seq(r, (char)code, flag);
    case '{': return mr_dict(r, flag);
    case 'c': v = mr_code(r); break;
    case 'r': {
        if (mr_u32(r, &i) < 0) return VAL_NULL;
        if (i < 0 || i >= AS_LIST(r->refs)->len) return mr_bad("invalid reference");
        return AS_LIST(r->refs)->items[i];
    }
    default: return mr_bad("unknown type code");
    }
    if (!IS_NULL(v) && flag && list_append(r->refs, v) < 0) return VAL_NULL;
    return v;
}

static Value mr_value(MReader *r) {
    if (++r->depth > MARSHAL_MAX_DEPTH) {
        r->depth--;
        return err_format(&exc_ValueError, "recursion limit exceeded");
    }
    Value v = mr_value_inner(r);
    r->depth--;
    return v;
}

Value marshal_loads(const uint8_t *data, int64_t len, int64_t *used) {
    MReader r = {data, data + len, list_new(0), 0};
    if (IS_NULL(r.refs)) return VAL_NULL;
    Value v = mr_value(&r);
    if (IS_NULL(v) && !err_occurred()) mr_bad("NULL object in marshal data for object");
    *used = r.p - data;
    return v;
}

