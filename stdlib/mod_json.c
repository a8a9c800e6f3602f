/* mod_json.c - the `_json` module: the C half of CPython's json package, as
 * CPython 3.11's _json.c (same names, results, errors and positions).
 *
 *   scanstring(s, end, strict=True) -> (str, end)    one JSON string body
 *   make_scanner(context)  -> scanner(s, idx) -> (value, end), or
 *                             StopIteration(idx) when no value starts at idx
 *   make_encoder(markers, default, encoder, indent, key_separator,
 *                item_separator, sort_keys, skipkeys, allow_nan)
 *                          -> encoder(obj, indent_level) -> (text,)
 *   encode_basestring(s), encode_basestring_ascii(s)  -> '"..."'
 *
 * The decoder walks the UTF-8 bytes of the str: every JSON delimiter is
 * ASCII, and the bytes inside strings are copied as they are.  Positions
 * cross the boundary as character indexes (what Python sees); inside, they
 * are byte offsets, converted by counting the lead bytes passed over
 * (Text.char_of), so a document costs one pass however long it is.
 * Errors are json.decoder.JSONDecodeError(msg, doc, pos), imported when one
 * is raised.  The encoder writes into one StrBuf and returns it whole.
 */
#include <math.h>
#include <string.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_float.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/object.h"
#include "runtime/strbuf.h"
#include "interp/import.h"
#include "interp/modreg.h"

GILPY_MODULE("_json", mod_json_init);

extern Type type_json_scanner, type_json_encoder;

/* ======================================================================
 * Decoding
 * ==================================================================== */

/* The document: its str, its bytes, and where character counting stands. */
typedef struct {
    Value str;
    const unsigned char *s;
    int64_t len;                /* bytes */
    int ascii;
    int64_t base_byte, base_char;   /* a known pair: char index of a byte offset */
} Text;

static void text_init(Text *t, Value str) {
    Str *s = AS_STR(str);
    t->str = str;
    t->s = (const unsigned char *)s->data;
    t->len = s->len;
    t->ascii = s->len == s->nchars;
    t->base_byte = t->base_char = 0;
}

/* Byte offset of character index ci (0 <= ci <= nchars). */
static int64_t text_byte_of(Text *t, int64_t ci) {
    if (t->ascii) return ci;
    int64_t b = str_byte_offset(t->str, ci);
    t->base_byte = b;
    t->base_char = ci;
    return b;
}

/* Character index of byte offset b, counted from the last known pair. */
static int64_t text_char_of(Text *t, int64_t b) {
    if (t->ascii) return b;
    if (b < t->base_byte) t->base_byte = t->base_char = 0;
    int64_t c = t->base_char;
    for (int64_t i = t->base_byte; i < b; i++) c += (t->s[i] & 0xC0) != 0x80;
    t->base_byte = b;
    t->base_char = c;
    return c;
}

/* raise JSONDecodeError(msg, doc, pos); returns VAL_NULL */
static Value json_error(Text *t, const char *msg, int64_t byte_pos) {
    int64_t pos = text_char_of(t, byte_pos);
    Value mod = import_module_c("json.decoder");
    if (IS_NULL(mod)) return VAL_NULL;
    Value cls = obj_getattr_c(mod, "JSONDecodeError");
    if (IS_NULL(cls)) return VAL_NULL;
    Value args[3] = { str_from_c(msg), t->str, MK_SMALLINT(pos) };
    if (IS_NULL(args[0])) return VAL_NULL;
    Value exc = call_value(cls, args, 3, VAL_NULL);
    if (IS_NULL(exc)) return VAL_NULL;
    err_set_obj(exc);
    return VAL_NULL;
}

/* StopIteration(idx): no JSON value starts at byte b. */
static Value json_stop(Text *t, int64_t b) {
    return err_set_value(&exc_StopIteration, MK_SMALLINT(text_char_of(t, b)));
}

static int hexval(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Four hex digits at p: the code unit, or -1. */
static int32_t hex4(const unsigned char *p) {
    int32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(p[i]);
        if (h < 0) return -1;
        v = v << 4 | h;
    }
    return v;
}

/* The string whose body starts at byte `end` (after the opening quote);
 * *next: the byte after the closing quote. */
static Value scan_string(Text *t, int64_t end, int strict, int64_t *next) {
    const unsigned char *s = t->s;
    int64_t len = t->len, begin = end - 1, i = end;
    /* the common case: no escape before the closing quote */
    while (i < len && s[i] != '"' && s[i] != '\\' && (s[i] >= 0x20 || !strict)) i++;
    if (i < len && s[i] == '"') {
        *next = i + 1;
        return str_new((const char *)s + end, (size_t)(i - end));
    }
    StrBuf sb;
    sb_init(&sb);
    for (int64_t chunk = end;; chunk = i) {
        while (i < len && s[i] != '"' && s[i] != '\\') {
            if (s[i] < 0x20 && strict) { sb_free(&sb); return json_error(t, "Invalid control character at", i); }
            i++;
        }
        if (i >= len) { sb_free(&sb); return json_error(t, "Unterminated string starting at", begin); }
        if (sb_put(&sb, (const char *)s + chunk, (size_t)(i - chunk)) < 0) goto nomem;
        if (s[i] == '"') { i++; break; }
        i++;                                        /* the backslash */
        if (i == len) { sb_free(&sb); return json_error(t, "Unterminated string starting at", begin); }
        unsigned char c = s[i];
        if (c != 'u') {
            char e;
            switch (c) {
            case '"': e = '"'; break;
            case '\\': e = '\\'; break;
            case '/': e = '/'; break;
            case 'b': e = '\b'; break;
            case 'f': e = '\f'; break;
            case 'n': e = '\n'; break;
            case 'r': e = '\r'; break;
            case 't': e = '\t'; break;
            default: sb_free(&sb); return json_error(t, "Invalid \\escape", i - 1);
            }
            if (sb_putc(&sb, e) < 0) goto nomem;
            i++;
            continue;
        }
        i++;                                        /* the 'u' */
        if (i + 4 > len) { sb_free(&sb); return json_error(t, "Invalid \\uXXXX escape", i - 1); }
        int32_t cp = hex4(s + i);
        if (cp < 0) { sb_free(&sb); return json_error(t, "Invalid \\uXXXX escape", i - 1); }
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= len && s[i] == '\\' && s[i + 1] == 'u') {
            int32_t lo = hex4(s + i + 2);
            if (lo < 0) { sb_free(&sb); return json_error(t, "Invalid \\uXXXX escape", i + 1); }
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
            }
        }
        if (sb_put_codepoint(&sb, (uint32_t)cp) < 0) goto nomem;
    }
    *next = i;
    return sb_finish_str(&sb);
nomem:
    sb_free(&sb);
    return err_no_memory();
}

/* ---- the scanner object ------------------------------------------------ */

typedef struct {
    Obj   header;
    int   strict;
    Value object_hook, object_pairs_hook, parse_float, parse_int, parse_constant;
    Value memo;                 /* keys seen in the current document */
} Scanner;

#define AS_SCANNER(v) ((Scanner *)AS_OBJ(v))

static void scanner_trace(Obj *o) {
    Scanner *s = (Scanner *)o;
    gc_mark_value(s->object_hook);
    gc_mark_value(s->object_pairs_hook);
    gc_mark_value(s->parse_float);
    gc_mark_value(s->parse_int);
    gc_mark_value(s->parse_constant);
    gc_mark_value(s->memo);
}

static int is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static Value scan_once(Scanner *sc, Text *t, int64_t idx, int64_t *next);

static int64_t skip_ws(Text *t, int64_t i) {
    while (i < t->len && is_ws(t->s[i])) i++;
    return i;
}

static Value scan_object(Scanner *sc, Text *t, int64_t i, int64_t *next) {
    const unsigned char *s = t->s;
    int pairs = !IS_NONE(sc->object_pairs_hook);
    Value acc = pairs ? list_new(0) : dict_new();
    if (IS_NULL(acc)) return VAL_NULL;
    i = skip_ws(t, i);
    if (i >= t->len || s[i] != '}') {
        for (;;) {
            if (i >= t->len || s[i] != '"')
                return json_error(t, "Expecting property name enclosed in double quotes", i);
            int64_t after;
            Value key = scan_string(t, i + 1, sc->strict, &after);
            if (IS_NULL(key)) return VAL_NULL;
            Value known = dict_get(sc->memo, key);
            if (!IS_NULL(known)) key = known;
            else if (dict_set(sc->memo, key, key) < 0) return VAL_NULL;
            i = skip_ws(t, after);
            if (i >= t->len || s[i] != ':') return json_error(t, "Expecting ':' delimiter", i);
            i = skip_ws(t, i + 1);
            Value val = scan_once(sc, t, i, &after);
            if (IS_NULL(val)) return VAL_NULL;
            if (pairs) {
                Value pair = tuple_pack(2, key, val);
                if (IS_NULL(pair) || list_append(acc, pair) < 0) return VAL_NULL;
            } else if (dict_set(acc, key, val) < 0) {
                return VAL_NULL;
            }
            i = skip_ws(t, after);
            if (i < t->len && s[i] == '}') break;
            if (i >= t->len || s[i] != ',') return json_error(t, "Expecting ',' delimiter", i);
            i = skip_ws(t, i + 1);
        }
    }
    *next = i + 1;
    if (pairs) return call1(sc->object_pairs_hook, acc);
    if (!IS_NONE(sc->object_hook)) return call1(sc->object_hook, acc);
    return acc;
}

static Value scan_array(Scanner *sc, Text *t, int64_t i, int64_t *next) {
    const unsigned char *s = t->s;
    Value list = list_new(0);
    if (IS_NULL(list)) return VAL_NULL;
    i = skip_ws(t, i);
    if (i >= t->len || s[i] != ']') {
        for (;;) {
            int64_t after;
            Value val = scan_once(sc, t, i, &after);
            if (IS_NULL(val) || list_append(list, val) < 0) return VAL_NULL;
            i = skip_ws(t, after);
            if (i < t->len && s[i] == ']') break;
            if (i >= t->len || s[i] != ',') return json_error(t, "Expecting ',' delimiter", i);
            i = skip_ws(t, i + 1);
        }
    }
    *next = i + 1;
    return list;
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)? at byte start */
static Value scan_number(Scanner *sc, Text *t, int64_t start, int64_t *next) {
    const unsigned char *s = t->s;
    int64_t i = start, len = t->len;
    int is_float = 0;
    if (i < len && s[i] == '-') i++;
    if (i < len && s[i] >= '1' && s[i] <= '9') {
        while (++i < len && is_digit(s[i])) {}
    } else if (i < len && s[i] == '0') {
        i++;
    } else {
        return json_stop(t, start);
    }
    if (i + 1 < len && s[i] == '.' && is_digit(s[i + 1])) {
        is_float = 1;
        i += 2;
        while (i < len && is_digit(s[i])) i++;
    }
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        int64_t e = i++;
        if (i < len && (s[i] == '-' || s[i] == '+')) i++;
        int64_t d = i;
        while (i < len && is_digit(s[i])) i++;
        if (i > d) is_float = 1;
        else i = e;
    }
    *next = i;
    const char *p = (const char *)s + start;
    size_t n = (size_t)(i - start);
    if (is_float) {
        if (sc->parse_float == MK_OBJ(&type_float)) return float_from_string(p, n);
        Value txt = str_new(p, n);
        return IS_NULL(txt) ? VAL_NULL : call1(sc->parse_float, txt);
    }
    if (sc->parse_int == MK_OBJ(&type_int)) return int_from_string(p, n, 10);
    Value txt = str_new(p, n);
    return IS_NULL(txt) ? VAL_NULL : call1(sc->parse_int, txt);
}

/* Does the text at byte i read word? */
static int match_word(Text *t, int64_t i, const char *word) {
    size_t n = strlen(word);
    return i + (int64_t)n <= t->len && memcmp(t->s + i, word, n) == 0;
}

static Value scan_constant(Scanner *sc, Text *t, int64_t i, const char *word, int64_t *next) {
    *next = i + (int64_t)strlen(word);
    return call1(sc->parse_constant, str_from_c(word));
}

static Value scan_once(Scanner *sc, Text *t, int64_t i, int64_t *next) {
    if (i >= t->len) return json_stop(t, i);
    Value r;
    switch (t->s[i]) {
    case '"':
        return scan_string(t, i + 1, sc->strict, next);
    case '{':
        if (obj_enter_recursion(" while decoding a JSON object from a unicode string") < 0) return VAL_NULL;
        r = scan_object(sc, t, i + 1, next);
        obj_leave_recursion();
        return r;
    case '[':
        if (obj_enter_recursion(" while decoding a JSON array from a unicode string") < 0) return VAL_NULL;
        r = scan_array(sc, t, i + 1, next);
        obj_leave_recursion();
        return r;
    case 'n':
        if (match_word(t, i, "null")) { *next = i + 4; return VAL_NONE; }
        break;
    case 't':
        if (match_word(t, i, "true")) { *next = i + 4; return VAL_TRUE; }
        break;
    case 'f':
        if (match_word(t, i, "false")) { *next = i + 5; return VAL_FALSE; }
        break;
    case 'N':
        if (match_word(t, i, "NaN")) return scan_constant(sc, t, i, "NaN", next);
        break;
    case 'I':
        if (match_word(t, i, "Infinity")) return scan_constant(sc, t, i, "Infinity", next);
        break;
    case '-':
        if (match_word(t, i, "-Infinity")) return scan_constant(sc, t, i, "-Infinity", next);
        break;
    default:
        break;
    }
    return scan_number(sc, t, i, next);
}

/* (value, end) for a value and the char index after it */
static Value json_result(Text *t, Value v, int64_t next_byte) {
    if (IS_NULL(v)) return VAL_NULL;
    return tuple_pack(2, v, MK_SMALLINT(text_char_of(t, next_byte)));
}

static Value scanner_call(Value self, Value *args, int nargs, Value kwnames) {
    if (arg_no_kw("Scanner", kwnames) < 0) return VAL_NULL;
    if (nargs != 2)
        return err_format(&exc_TypeError, "scan_once() takes exactly 2 arguments (%d given)", nargs);
    int64_t idx;
    if (arg_to_ssize(args[1], &idx) < 0) return VAL_NULL;
    if (!IS_STR(args[0]))
        return err_format(&exc_TypeError, "first argument must be a string, not %.80s", val_type_name(args[0]));
    if (idx < 0) return err_format(&exc_ValueError, "idx cannot be negative");
    Scanner *sc = AS_SCANNER(self);
    Text t;
    text_init(&t, args[0]);
    int64_t next = 0, b = idx > AS_STR(args[0])->nchars ? t.len + 1 : text_byte_of(&t, idx);
    Value v = b > t.len ? json_stop(&t, t.len) : scan_once(sc, &t, b, &next);
    if (IS_NULL(v) && b > t.len && err_matches(&exc_StopIteration)) {
        err_clear();
        err_set_value(&exc_StopIteration, MK_SMALLINT(idx));
    }
    Value r = json_result(&t, v, next);
    dict_clear(sc->memo);
    return r;
}

static Value scanner_new_m(Value *args, int nargs, Value kwnames) {
    Value ctx = args[1];
    Scanner *sc = (Scanner *)obj_new_instance(AS_TYPE(args[0]));
    if (!sc) return VAL_NULL;
    Value self = MK_OBJ(sc);
    sc->memo = dict_new();
    Value strict = obj_getattr_c(ctx, "strict");
    if (IS_NULL(sc->memo) || IS_NULL(strict)) return VAL_NULL;
    int st = obj_truthy(strict);
    if (st < 0) return VAL_NULL;
    sc->strict = st;
    if (IS_NULL(sc->object_hook = obj_getattr_c(ctx, "object_hook")) ||
        IS_NULL(sc->object_pairs_hook = obj_getattr_c(ctx, "object_pairs_hook")) ||
        IS_NULL(sc->parse_float = obj_getattr_c(ctx, "parse_float")) ||
        IS_NULL(sc->parse_int = obj_getattr_c(ctx, "parse_int")) ||
        IS_NULL(sc->parse_constant = obj_getattr_c(ctx, "parse_constant")))
        return VAL_NULL;
    return self;
}

#define SCANNER_GETTER(F) static Value scanner_get_##F(Value self) { return AS_SCANNER(self)->F; }
SCANNER_GETTER(object_hook)
SCANNER_GETTER(object_pairs_hook)
SCANNER_GETTER(parse_float)
SCANNER_GETTER(parse_int)
SCANNER_GETTER(parse_constant)
static Value scanner_get_strict(Value self) { return MK_BOOL(AS_SCANNER(self)->strict); }

static const GetSetDef scanner_getsets[] = {
    {"strict", scanner_get_strict, NULL, "strict"},
    {"object_hook", scanner_get_object_hook, NULL, "object_hook"},
    {"object_pairs_hook", scanner_get_object_pairs_hook, NULL, "object_pairs_hook"},
    {"parse_float", scanner_get_parse_float, NULL, "parse_float"},
    {"parse_int", scanner_get_parse_int, NULL, "parse_int"},
    {"parse_constant", scanner_get_parse_constant, NULL, "parse_constant"},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef scanner_methods[] = {
    {"__new__", scanner_new_m, METH_STATIC | ARGS_KW, "JSON scanner object", "(type, /, context)"},
    {NULL, NULL, 0, NULL},
};

Type type_json_scanner = {
    .tp_name = "_json.Scanner", .base = &type_object, .basicsize = sizeof(Scanner),
    .flags = TF_BASETYPE, .trace = scanner_trace, .call = scanner_call,
    .methods = scanner_methods, .getsets = scanner_getsets,
};
GILPY_TYPE(type_json_scanner, NULL);

static Value json_scanstring(Value *args, int nargs, Value kwnames) {
    Value s = args[0], endv = args[1];
    int strict = 1;
    if (!IS_NULL(args[2])) {
        strict = obj_truthy(args[2]);
        if (strict < 0) return VAL_NULL;
    }
    int64_t end;
    if (arg_to_ssize(endv, &end) < 0) return VAL_NULL;
    if (!IS_STR(s))
        return err_format(&exc_TypeError, "first argument must be a string, not %.80s", val_type_name(s));
    if (end < 0 || end > AS_STR(s)->nchars) return err_format(&exc_ValueError, "end is out of bounds");
    Text t;
    text_init(&t, s);
    int64_t next = 0;
    Value v = scan_string(&t, text_byte_of(&t, end), strict, &next);
    return json_result(&t, v, next);
}

/* ======================================================================
 * Encoding
 * ==================================================================== */

static const char hexdig[] = "0123456789abcdef";

static int put_u_escape(StrBuf *sb, uint32_t u) {
    char e[6] = {'\\', 'u', hexdig[(u >> 12) & 15], hexdig[(u >> 8) & 15], hexdig[(u >> 4) & 15], hexdig[u & 15]};
    return sb_put(sb, e, 6);
}

/* The JSON string for str s: ascii escapes every non-ASCII character as
 * \uXXXX (a surrogate pair above U+FFFF), else they are kept. */
static int put_json_string(StrBuf *sb, Value str, int ascii) {
    Str *st = AS_STR(str);
    const unsigned char *s = (const unsigned char *)st->data;
    int64_t n = st->len, run = 0;
    if (sb_putc(sb, '"') < 0) return -1;
    for (int64_t i = 0; i < n;) {
        unsigned char c = s[i];
        int plain = c >= 0x20 && c != '"' && c != '\\' && (c < 0x7F || !ascii);
        if (plain) { i++; continue; }
        if (sb_put(sb, (const char *)s + run, (size_t)(i - run)) < 0) return -1;
        uint32_t cp;
        int len = utf8_dec(s + i, &cp);
        const char *e = NULL;
        switch (cp) {
        case '"': e = "\\\""; break;
        case '\\': e = "\\\\"; break;
        case '\n': e = "\\n"; break;
        case '\r': e = "\\r"; break;
        case '\t': e = "\\t"; break;
        case '\b': e = "\\b"; break;
        case '\f': e = "\\f"; break;
        default: break;
        }
        int rc;
        if (e) rc = sb_put(sb, e, 2);
        else if (cp >= 0x10000) rc = put_u_escape(sb, 0xD800 + ((cp - 0x10000) >> 10)) |
                                      put_u_escape(sb, 0xDC00 + ((cp - 0x10000) & 0x3FF));
        else rc = put_u_escape(sb, cp);
        if (rc < 0) return -1;
        i += len;
        run = i;
    }
    if (sb_put(sb, (const char *)s + run, (size_t)(n - run)) < 0) return -1;
    return sb_putc(sb, '"');
}

static Value json_encode_basestring(Value *args, int nargs, Value kwnames, int ascii) {
    if (!IS_STR(args[0]))
        return err_format(&exc_TypeError, "first argument must be a string, not %.80s", val_type_name(args[0]));
    StrBuf sb;
    sb_init(&sb);
    if (put_json_string(&sb, args[0], ascii) < 0) { sb_free(&sb); return err_no_memory(); }
    return sb_finish_str(&sb);
}
static Value json_encode_ascii(Value *a, int n, Value k) { return json_encode_basestring(a, n, k, 1); }
static Value json_encode_plain(Value *a, int n, Value k) { return json_encode_basestring(a, n, k, 0); }

extern const MethodDef mod_json_functions[];
#define JSON_FN_ASCII (&mod_json_functions[1])
#define JSON_FN_PLAIN (&mod_json_functions[2])

typedef struct {
    Obj   header;
    Value markers, defaultfn, encoder, indent, key_separator, item_separator;
    int   sort_keys, skipkeys, allow_nan;
    int   fast;                 /* encoder is encode_basestring(_ascii): 1 plain, 2 ascii */
} Encoder;

#define AS_ENCODER(v) ((Encoder *)AS_OBJ(v))

static void encoder_trace(Obj *o) {
    Encoder *e = (Encoder *)o;
    gc_mark_value(e->markers);
    gc_mark_value(e->defaultfn);
    gc_mark_value(e->encoder);
    gc_mark_value(e->indent);
    gc_mark_value(e->key_separator);
    gc_mark_value(e->item_separator);
}

static int enc_string(Encoder *e, StrBuf *sb, Value s) {
    if (e->fast) return put_json_string(sb, s, e->fast == 2) < 0 ? (err_no_memory(), -1) : 0;
    Value r = call1(e->encoder, s);
    if (IS_NULL(r)) return -1;
    if (!IS_STR(r)) {
        err_format(&exc_TypeError, "encoder() must return a string, not %.80s", val_type_name(r));
        return -1;
    }
    return sb_put_value_str(sb, r);
}

static int enc_float(Encoder *e, StrBuf *sb, double d) {
    if (!isfinite(d)) {
        if (!e->allow_nan) {
            err_format(&exc_ValueError, "Out of range float values are not JSON compliant");
            return -1;
        }
        return sb_puts(sb, d > 0 ? "Infinity" : d < 0 ? "-Infinity" : "NaN");
    }
    char buf[40];
    int n = float_repr_buf(d, buf);
    return sb_put(sb, buf, (size_t)n);
}

static int enc_int(StrBuf *sb, Value v) {
    Value r = int_repr(v);
    return IS_NULL(r) ? -1 : sb_put_value_str(sb, r);
}

static int enc_value(Encoder *e, StrBuf *sb, Value v);

/* Circular reference bookkeeping: the markers dict keyed by id(). */
static int enc_mark(Encoder *e, Value v, Value *ident) {
    *ident = VAL_NULL;
    if (IS_NONE(e->markers)) return 0;
    Value id = int_from_u64((uint64_t)(uintptr_t)AS_OBJ(v));
    if (IS_NULL(id)) return -1;
    Value seen = dict_get(e->markers, id);
    if (IS_NULL(seen) && err_occurred()) return -1;
    if (!IS_NULL(seen)) { err_format(&exc_ValueError, "Circular reference detected"); return -1; }
    if (dict_set(e->markers, id, v) < 0) return -1;
    *ident = id;
    return 0;
}

static int enc_unmark(Encoder *e, Value ident) {
    return IS_NULL(ident) ? 0 : dict_del(e->markers, ident);
}

static int enc_list(Encoder *e, StrBuf *sb, Value seq) {
    int is_list = IS_LIST(seq);
    int64_t n = is_list ? AS_LIST(seq)->len : AS_TUPLE(seq)->len;
    if (n == 0) return sb_puts(sb, "[]");
    Value ident;
    if (enc_mark(e, seq, &ident) < 0 || sb_putc(sb, '[') < 0) return -1;
    for (int64_t i = 0; i < (is_list ? AS_LIST(seq)->len : n); i++) {
        if (i && sb_put_value_str(sb, e->item_separator) < 0) return -1;
        Value item = is_list ? AS_LIST(seq)->items[i] : AS_TUPLE(seq)->items[i];
        if (enc_value(e, sb, item) < 0) return -1;
    }
    if (sb_putc(sb, ']') < 0) return -1;
    return enc_unmark(e, ident);
}

/* A dict key as JSON wants it: a str, or NULL (skipped) with no error. */
static Value enc_key(Encoder *e, Value key) {
    if (IS_STR(key)) return key;
    StrBuf kb;
    sb_init(&kb);
    int rc;
    if (IS_FLOATOBJ(key)) rc = enc_float(e, &kb, float_value(key));
    else if (key == VAL_TRUE) rc = sb_puts(&kb, "true");
    else if (key == VAL_FALSE) rc = sb_puts(&kb, "false");
    else if (IS_NONE(key)) rc = sb_puts(&kb, "null");
    else if (IS_INT(key)) rc = enc_int(&kb, key);
    else {
        sb_free(&kb);
        if (e->skipkeys) return VAL_NULL;
        return err_format(&exc_TypeError, "keys must be str, int, float, bool or None, not %.100s",
                          val_type_name(key));
    }
    if (rc < 0) { sb_free(&kb); return VAL_NULL; }
    return sb_finish_str(&kb);
}

static int enc_dict(Encoder *e, StrBuf *sb, Value d) {
    if (dict_len(d) == 0) return sb_puts(sb, "{}");
    Value ident;
    if (enc_mark(e, d, &ident) < 0 || sb_putc(sb, '{') < 0) return -1;
    Value items = list_new(dict_len(d));
    if (IS_NULL(items)) return -1;
    int64_t pos = 0;
    Value key, val;
    while (dict_next(d, &pos, &key, &val)) {
        Value pair = tuple_pack(2, key, val);
        if (IS_NULL(pair) || list_append(items, pair) < 0) return -1;
    }
    if (e->sort_keys && list_sort(items, VAL_NULL, 0) < 0) return -1;
    int first = 1;
    for (int64_t i = 0; i < AS_LIST(items)->len; i++) {
        Value pair = AS_LIST(items)->items[i];
        key = AS_TUPLE(pair)->items[0];
        val = AS_TUPLE(pair)->items[1];
        Value k = enc_key(e, key);
        if (IS_NULL(k)) {
            if (err_occurred()) return -1;
            continue;
        }
        if (!first && sb_put_value_str(sb, e->item_separator) < 0) return -1;
        first = 0;
        if (enc_string(e, sb, k) < 0 || sb_put_value_str(sb, e->key_separator) < 0 || enc_value(e, sb, val) < 0)
            return -1;
    }
    if (sb_putc(sb, '}') < 0) return -1;
    return enc_unmark(e, ident);
}

static int enc_value(Encoder *e, StrBuf *sb, Value v) {
    if (IS_NONE(v)) return sb_puts(sb, "null");
    if (v == VAL_TRUE) return sb_puts(sb, "true");
    if (v == VAL_FALSE) return sb_puts(sb, "false");
    if (IS_STR(v)) return enc_string(e, sb, v);
    if (IS_INT(v)) return enc_int(sb, v);
    if (IS_FLOATOBJ(v)) return enc_float(e, sb, float_value(v));
    int rc;
    if (IS_LIST(v) || IS_TUPLE(v) || IS_DICT(v)) {
        if (obj_enter_recursion(" while encoding a JSON object") < 0) return -1;
        rc = IS_DICT(v) ? enc_dict(e, sb, v) : enc_list(e, sb, v);
        obj_leave_recursion();
        return rc;
    }
    Value ident;
    if (enc_mark(e, v, &ident) < 0) return -1;
    Value nv = call1(e->defaultfn, v);
    if (IS_NULL(nv)) return -1;
    if (obj_enter_recursion(" while encoding a JSON object") < 0) return -1;
    rc = enc_value(e, sb, nv);
    obj_leave_recursion();
    if (rc < 0) return -1;
    return enc_unmark(e, ident);
}

static Value encoder_call(Value self, Value *args, int nargs, Value kwnames) {
    if (arg_no_kw("_iterencode", kwnames) < 0) return VAL_NULL;
    if (nargs != 2)
        return err_format(&exc_TypeError, "_iterencode() takes exactly 2 arguments (%d given)", nargs);
    Value *a = args;
    int64_t level;
    if (int_to_i64(a[1], &level) < 0) return VAL_NULL;
    StrBuf sb;
    sb_init(&sb);
    if (enc_value(AS_ENCODER(self), &sb, a[0]) < 0) {
        sb_free(&sb);
        if (!err_occurred()) err_no_memory();
        return VAL_NULL;
    }
    Value s = sb_finish_str(&sb);
    return IS_NULL(s) ? VAL_NULL : tuple_pack(1, s);
}

static int is_fast_encoder(Value fn, const MethodDef *def) {
    return IS_EXACT(fn, type_builtin_function) && ((BuiltinFn *)AS_OBJ(fn))->def == def;
}

static Value encoder_new_m(Value *args, int nargs, Value kwnames) {
    Value *a = args + 1;
    if (!IS_NONE(a[0]) && !IS_DICT(a[0]))
        return err_format(&exc_TypeError, "make_encoder() argument 1 must be dict or None, not %.200s",
                          val_type_name(a[0]));
    if (!IS_STR(a[4]))
        return err_format(&exc_TypeError, "make_encoder() argument 5 must be str, not %.200s", val_type_name(a[4]));
    if (!IS_STR(a[5]))
        return err_format(&exc_TypeError, "make_encoder() argument 6 must be str, not %.200s", val_type_name(a[5]));
    int flags[3];
    for (int i = 0; i < 3; i++)
        if ((flags[i] = obj_truthy(a[6 + i])) < 0) return VAL_NULL;
    Encoder *e = (Encoder *)obj_new_instance(AS_TYPE(args[0]));
    if (!e) return VAL_NULL;
    e->markers = a[0];
    e->defaultfn = a[1];
    e->encoder = a[2];
    e->indent = a[3];
    e->key_separator = a[4];
    e->item_separator = a[5];
    e->sort_keys = flags[0];
    e->skipkeys = flags[1];
    e->allow_nan = flags[2];
    e->fast = is_fast_encoder(a[2], JSON_FN_ASCII) ? 2 : is_fast_encoder(a[2], JSON_FN_PLAIN) ? 1 : 0;
    return MK_OBJ(e);
}

#define ENCODER_GETTER(F) static Value encoder_get_##F(Value self) { return AS_ENCODER(self)->F; }
ENCODER_GETTER(markers)
ENCODER_GETTER(defaultfn)
ENCODER_GETTER(encoder)
ENCODER_GETTER(indent)
ENCODER_GETTER(key_separator)
ENCODER_GETTER(item_separator)
static Value encoder_get_sort_keys(Value self) { return MK_BOOL(AS_ENCODER(self)->sort_keys); }
static Value encoder_get_skipkeys(Value self) { return MK_BOOL(AS_ENCODER(self)->skipkeys); }

static const GetSetDef encoder_getsets[] = {
    {"markers", encoder_get_markers, NULL, "markers"},
    {"default", encoder_get_defaultfn, NULL, "default"},
    {"encoder", encoder_get_encoder, NULL, "encoder"},
    {"indent", encoder_get_indent, NULL, "indent"},
    {"key_separator", encoder_get_key_separator, NULL, "key_separator"},
    {"item_separator", encoder_get_item_separator, NULL, "item_separator"},
    {"sort_keys", encoder_get_sort_keys, NULL, "sort_keys"},
    {"skipkeys", encoder_get_skipkeys, NULL, "skipkeys"},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef encoder_methods[] = {
    {"__new__", encoder_new_m, METH_STATIC | ARGS_KW, "_iterencode(obj, _current_indent_level) -> iterable",
     "(type, /, markers, default, encoder, indent, key_separator, item_separator, sort_keys, skipkeys, allow_nan)"},
    {NULL, NULL, 0, NULL},
};

Type type_json_encoder = {
    .tp_name = "_json.Encoder", .base = &type_object, .basicsize = sizeof(Encoder),
    .flags = TF_BASETYPE, .trace = encoder_trace, .call = encoder_call,
    .methods = encoder_methods, .getsets = encoder_getsets,
};
GILPY_TYPE(type_json_encoder, NULL);

/* ======================================================================
 * The module
 * ==================================================================== */

const MethodDef mod_json_functions[] = {
    {"scanstring", json_scanstring, ARGS_POS(2, 3),
     "scanstring(string, end, strict=True) -> (string, end)\n\nScan the string s for a JSON string. End is the "
     "index of the\ncharacter in s after the quote that started the JSON string.\nUnescapes all valid JSON string "
     "escape sequences and raises ValueError\non attempt to decode an invalid string. If strict is False then "
     "literal\ncontrol characters are allowed in the string.\n\nReturns a tuple of the decoded string and the index "
     "of the character in s\nafter the end quote."},
    {"encode_basestring_ascii", json_encode_ascii, ARGS_ONE,
     "encode_basestring_ascii(string) -> string\n\nReturn an ASCII-only JSON representation of a Python string"},
    {"encode_basestring", json_encode_plain, ARGS_ONE,
     "encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string"},
    {NULL, NULL, 0, NULL},
};

Value mod_json_init(void) {
    Value m = module_new_c("_json");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, mod_json_functions, m);
    if (dict_set_c(d, "__doc__", str_from_c("json speedups\n")) < 0 ||
        dict_set_c(d, "make_scanner", MK_OBJ(&type_json_scanner)) < 0 ||
        dict_set_c(d, "make_encoder", MK_OBJ(&type_json_encoder)) < 0)
        return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
