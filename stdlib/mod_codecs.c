/* mod_codecs.c - the `_codecs` module: the codec registry and the C codecs
 * that CPython's codecs.py and encodings/ package build on.
 *
 * The registry is three traced values: the search functions (a list the
 * encodings package appends its search_function to), the cache of CodecInfo
 * tuples by normalized name, and the error handlers by name.  The first
 * lookup imports `encodings`, as CPython's interpreter does at start-up, so a
 * program that never names an unusual codec never loads it.  Importing this
 * module also installs runtime's str_codec_registry hook, through which
 * str.encode/bytes.decode reach every codec utf-8/ascii/latin-1 are not.
 *
 * Codecs work as CPython's: a function takes (input, errors, ...) and returns
 * (output, consumed).  utf-8, ascii and latin-1 are runtime/obj_str.c's own
 * codecs; utf-16/32, charmap and the escape codecs are here.  Every error
 * they meet is a UnicodeDecodeError/EncodeError passed to the handler the
 * `errors` name finds in the registry (strict raising it straight away), and
 * the handler's (replacement, new position) continues the work, so handlers
 * registered from Python work with every codec of this file. */
#include <string.h>
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_excgroup.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/state.h"
#include "runtime/strbuf.h"
#include "runtime/unicode_names.h"
#include "interp/import.h"
#include "interp/modreg.h"
#include "codecs.h"

GILPY_MODULE("_codecs", mod_codecs_init);

static Value codecs_search = VAL_NULL;    /* list of search functions */
static Value codecs_cache = VAL_NULL;     /* dict: normalized name -> CodecInfo */
static Value codecs_errors = VAL_NULL;    /* dict: name -> error handler */
static int codecs_encodings_loaded;

/* ---- the registry ------------------------------------------------------------------- */

/* CPython's normalizestring: ASCII letters, digits and '.' kept (lower
 * case), every run of anything else one '_' (none leading or trailing). */
static Value codecs_normalize(Value enc) {
    StrBuf sb; sb_init(&sb);
    const char *p = STR_DATA(enc);
    int punct = 0;
    for (int64_t i = 0; i < STR_LEN(enc); i++) {
        char c = p[i];
        int keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.';
        if (!keep) { punct = 1; continue; }
        if ((punct && sb.len && sb_putc(&sb, '_') < 0) || sb_putc(&sb, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c)) < 0) {
            sb_free(&sb);
            return VAL_NULL;
        }
        punct = 0;
    }
    return sb_finish_str(&sb);
}

static Value codecs_lookup(Value enc) {
    if (!codecs_encodings_loaded) {
        codecs_encodings_loaded = 1;
        if (IS_NULL(import_module(str_from_c("encodings")))) {
            codecs_encodings_loaded = 0;
            return VAL_NULL;
        }
    }
    Value key = codecs_normalize(enc);
    if (IS_NULL(key)) return VAL_NULL;
    Value hit = dict_get(codecs_cache, key);
    if (!IS_NULL(hit)) return hit;
    if (err_occurred()) return VAL_NULL;
    for (int64_t i = 0; i < AS_LIST(codecs_search)->len; i++) {
        Value r = call1(AS_LIST(codecs_search)->items[i], key);
        if (IS_NULL(r)) return VAL_NULL;
        if (IS_NONE(r)) continue;
        if (!IS_TUPLE(r) || AS_TUPLE(r)->len != 4)
            return err_format(&exc_TypeError, "codec search functions must return 4-tuples");
        return dict_set(codecs_cache, key, r) < 0 ? VAL_NULL : r;
    }
    return err_format(&exc_LookupError, "unknown encoding: %U", enc);
}

static Value need_str_arg(Value v, const char *fn, const char *what) {
    if (IS_STR(v)) return v;
    return err_format(&exc_TypeError, "%s() %s must be str, not %T", fn, what, v);
}

static Value codecs_register(Value *args, int nargs, Value kwnames) {
    if (!call_is_callable(args[0])) return err_format(&exc_TypeError, "argument must be callable");
    return list_append(codecs_search, args[0]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value codecs_unregister(Value *args, int nargs, Value kwnames) {
    Value l = codecs_search;
    for (int64_t i = 0; i < AS_LIST(l)->len; i++)
        if (AS_LIST(l)->items[i] == args[0]) {
            if (IS_NULL(list_pop(l, i))) return VAL_NULL;
            Value c = dict_new();
            if (IS_NULL(c)) return VAL_NULL;
            codecs_cache = c;
            break;
        }
    return VAL_NONE;
}

static Value codecs_lookup_m(Value *args, int nargs, Value kwnames) {
    if (IS_NULL(need_str_arg(args[0], "lookup", "argument"))) return VAL_NULL;
    return codecs_lookup(args[0]);
}

static Value codecs_forget(Value *args, int nargs, Value kwnames) {
    if (IS_NULL(need_str_arg(args[0], "_forget_codec", "argument"))) return VAL_NULL;
    Value key = codecs_normalize(args[0]);
    if (IS_NULL(key)) return VAL_NULL;
    if (dict_del(codecs_cache, key) < 0) err_clear();
    return VAL_NONE;
}

/* Whether a codec's exception can be re-made with a longer message, as
 * CPython's _PyErr_TrySetFromCause decides: its class keeps no state beyond
 * BaseException's (the nearest builtin base is not one of those with own
 * fields, and no class on the way adds __slots__ or its own __init__ or
 * __new__), its args are () or one exact str, and its __dict__ is empty. */
static int codecs_wrappable(Value exc) {
    static Type *const stateful[] = {&exc_StopIteration, &exc_SystemExit, &exc_ImportError, &exc_OSError,
                                     &exc_NameError, &exc_AttributeError, &exc_SyntaxError,
                                     &exc_UnicodeEncodeError, &exc_UnicodeDecodeError,
                                     &exc_UnicodeTranslateError, &exc_MemoryError, NULL};
    if (!IS_EXC(exc)) return 0;
    Type *t = val_type(exc), *b = t;
    for (; b && (b->flags & TF_HEAPTYPE); b = b->base) {
        if (b->basicsize != t->basicsize) return 0;
        Value d = b->dict;
        if (!IS_NULL(dict_get_c(d, "__init__")) || !IS_NULL(dict_get_c(d, "__new__"))) return 0;
    }
    if (!b || b->basicsize != t->basicsize || type_is_subtype(b, &exc_BaseExceptionGroup)) return 0;
    for (int k = 0; stateful[k]; k++)
        if (type_is_subtype(b, stateful[k])) return 0;
    Value args = AS_EXC(exc)->args;
    if (!IS_TUPLE(args) || AS_TUPLE(args)->len > 1) return 0;
    if (AS_TUPLE(args)->len == 1 && !IS_EXACT(AS_TUPLE(args)->items[0], type_str)) return 0;
    Value d = AS_EXC(exc)->dict;
    return IS_NULL(d) || !IS_DICT(d) || AS_DICT(d)->used == 0;
}

/* A codec's exception becomes one of the same type naming the codec, the
 * original as its cause ("decoding with 'hex' codec failed (Error: ...)"),
 * when that can be done without losing anything (codecs_wrappable). */
static Value codecs_wrap_error(Value enc, int decode) {
    Value exc = err_fetch();
    if (!codecs_wrappable(exc)) return err_set_obj(exc);
    Type *t = val_type(exc);
    Value msg = obj_str(exc);
    if (IS_NULL(msg)) { err_clear(); return err_set_obj(exc); }
    Value name = obj_getattr_c(MK_OBJ(t), "__name__");
    Value text = IS_NULL(name) ? VAL_NULL : str_format_c("%s with '%U' codec failed (%U: %U)",
                                                          decode ? "decoding" : "encoding", enc, name, msg);
    Value nexc = IS_NULL(text) ? VAL_NULL : call1(MK_OBJ(t), text);
    if (IS_NULL(nexc) || obj_setattr(nexc, str_intern_c("__cause__"), exc) < 0) {
        err_clear();
        return err_set_obj(exc);
    }
    return err_set_obj(nexc);
}

/* encode/decode through the registry: the codec's function, its result's first item */
static Value codecs_apply(Value obj, Value enc, Value errors, int decode) {
    Value info = codecs_lookup(enc);
    if (IS_NULL(info)) return VAL_NULL;
    Value fn = obj_getitem(info, MK_SMALLINT(decode));
    if (IS_NULL(fn)) return VAL_NULL;
    Value r = IS_NULL(errors) ? call1(fn, obj) : call2(fn, obj, errors);
    if (IS_NULL(r)) return codecs_wrap_error(enc, decode);
    if (!IS_TUPLE(r) || AS_TUPLE(r)->len != 2)
        return err_format(&exc_TypeError, decode ? "decoder must return a tuple (object,integer)"
                                                 : "encoder must return a tuple (object, integer)");
    return AS_TUPLE(r)->items[0];
}

static Value codecs_encdec(Value *args, int decode) {
    const char *fn = decode ? "decode" : "encode";
    Value enc = IS_NULL(args[1]) ? str_from_c("utf-8") : args[1];
    if (IS_NULL(need_str_arg(enc, fn, "argument 'encoding'"))) return VAL_NULL;
    if (!IS_NULL(args[2]) && IS_NULL(need_str_arg(args[2], fn, "argument 'errors'"))) return VAL_NULL;
    return codecs_apply(args[0], enc, args[2], decode);
}
static Value codecs_encode_m(Value *args, int nargs, Value kwnames) { return codecs_encdec(args, 0); }
static Value codecs_decode_m(Value *args, int nargs, Value kwnames) { return codecs_encdec(args, 1); }

/* The runtime's hook: str.encode/bytes.decode of an encoding obj_str.c does
 * not know, with CPython's check that the codec is a text encoding. */
static Value codecs_text_hook(Value obj, const char *encoding, const char *errors, int decode) {
    Value enc = str_from_c(encoding);
    if (IS_NULL(enc)) return VAL_NULL;
    Value info = codecs_lookup(enc);
    if (IS_NULL(info)) return VAL_NULL;
    Value text = obj_getattr_opt(info, str_intern_c("_is_text_encoding"));
    if (!IS_NULL(text)) {
        int t = obj_truthy(text);
        if (t < 0) return VAL_NULL;
        if (!t)
            return err_format(&exc_LookupError, "'%s' is not a text encoding; use codecs.%s() to handle "
                              "arbitrary codecs", encoding, decode ? "decode" : "encode");
    } else if (err_occurred()) return VAL_NULL;
    Value r = codecs_apply(obj, enc, errors ? str_from_c(errors) : VAL_NULL, decode);
    if (IS_NULL(r)) return VAL_NULL;
    if (decode && !IS_STR(r))
        return err_format(&exc_TypeError, "'%s' decoder returned '%T' instead of 'str'; use "
                          "codecs.decode() to decode to arbitrary types", encoding, r);
    if (!decode && !IS_BYTES(r)) {
        if (IS_BYTEARRAY(r)) {
            const uint8_t *d; int64_t n;
            if (bytes_view(r, &d, &n) < 0) return VAL_NULL;
            return bytes_new(d, (size_t)n);
        }
        return err_format(&exc_TypeError, "'%s' encoder returned '%T' instead of 'bytes'; use "
                          "codecs.encode() to encode to arbitrary types", encoding, r);
    }
    return r;
}

/* ---- error handlers ------------------------------------------------------------------ */

static Value codecs_lookup_error(Value name) {
    Value h = dict_get(codecs_errors, name);
    if (!IS_NULL(h) || err_occurred()) return h;
    return err_format(&exc_LookupError, "unknown error handler name '%U'", name);
}

static Value codecs_register_error_m(Value *args, int nargs, Value kwnames) {
    if (IS_NULL(need_str_arg(args[0], "register_error", "argument 1"))) return VAL_NULL;
    if (!call_is_callable(args[1])) return err_format(&exc_TypeError, "handler must be callable");
    return dict_set(codecs_errors, args[0], args[1]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value codecs_lookup_error_m(Value *args, int nargs, Value kwnames) {
    if (IS_NULL(need_str_arg(args[0], "lookup_error", "argument"))) return VAL_NULL;
    return codecs_lookup_error(args[0]);
}

enum { ERR_ENCODE, ERR_DECODE, ERR_TRANSLATE, ERR_OTHER };

/* The kind of a handler's exception, with its object and range. */
static int err_kind(Value exc, Value *obj, int64_t *start, int64_t *end) {
    int kind = ERR_OTHER;
    if (IS_OBJ(exc)) {
        Type *t = AS_OBJ(exc)->type;
        if (type_is_subtype(t, &exc_UnicodeEncodeError)) kind = ERR_ENCODE;
        else if (type_is_subtype(t, &exc_UnicodeDecodeError)) kind = ERR_DECODE;
    }
    if (kind == ERR_OTHER) {
        err_format(&exc_TypeError, "don't know how to handle %T in error callback", exc);
        return -1;
    }
    Value o = obj_getattr_c(exc, "object"), s, e;
    if (IS_NULL(o) || IS_NULL(s = obj_getattr_c(exc, "start")) || IS_NULL(e = obj_getattr_c(exc, "end")))
        return -1;
    if (arg_to_ssize(s, start) < 0 || arg_to_ssize(e, end) < 0) return -1;
    if (kind == ERR_DECODE ? !(IS_BYTES(o) || IS_BYTEARRAY(o)) : !IS_STR(o)) {
        err_format(&exc_TypeError, "%s attribute must be %s", "object", kind == ERR_DECODE ? "bytes" : "unicode");
        return -1;
    }
    int64_t n = kind == ERR_DECODE ? obj_len(o) : AS_STR(o)->nchars;
    if (*start < 0) *start = 0;
    if (*start > n) *start = n;
    if (*end > n) *end = n;
    if (*end < *start) *end = *start;
    *obj = o;
    return kind;
}

static Value handler_result(Value repl, int64_t pos) {
    return IS_NULL(repl) ? VAL_NULL : tuple_pack(2, repl, int_from_i64(pos));
}

static int put_char_escape(StrBuf *sb, uint32_t c) {
    if (c < 0x100) return sb_printf(sb, "\\x%02x", c);
    if (c < 0x10000) return sb_printf(sb, "\\u%04x", c);
    return sb_printf(sb, "\\U%08x", c);
}

/* Apply put to each char of s[start:end); the result as a str. */
static Value map_chars(Value s, int64_t start, int64_t end, int (*put)(StrBuf *, uint32_t)) {
    StrBuf sb; sb_init(&sb);
    const unsigned char *p = (const unsigned char *)STR_DATA(s) + str_byte_offset(s, start);
    for (int64_t i = start; i < end; i++) {
        uint32_t c;
        p += utf8_dec(p, &c);
        if (put(&sb, c) < 0) { sb_free(&sb); return VAL_NULL; }
    }
    return sb_finish_str(&sb);
}

static int put_xmlref(StrBuf *sb, uint32_t c) { return sb_printf(sb, "&#%u;", c); }
static int put_qmark(StrBuf *sb, uint32_t c) { return sb_putc(sb, '?'); }
static int put_fffd(StrBuf *sb, uint32_t c) { return sb_put_codepoint(sb, 0xFFFD); }
static int put_name(StrBuf *sb, uint32_t c) {
    char name[UNICODE_NAME_MAX + 1];
    if (unicode_name_of(c, name) > 0) return sb_printf(sb, "\\N{%s}", name);
    return put_char_escape(sb, c);
}

static Value codecs_strict_errors(Value *args, int nargs, Value kwnames) {
    if (IS_EXC(args[0])) return err_set_obj(args[0]);
    return err_format(&exc_TypeError, "codec must pass exception instance");
}

static Value codecs_ignore_errors(Value *args, int nargs, Value kwnames) {
    Value o; int64_t s, e;
    if (err_kind(args[0], &o, &s, &e) < 0) return VAL_NULL;
    return handler_result(str_empty(), e);
}

static Value codecs_replace_errors(Value *args, int nargs, Value kwnames) {
    Value o; int64_t s, e;
    int k = err_kind(args[0], &o, &s, &e);
    if (k < 0) return VAL_NULL;
    if (k == ERR_DECODE) return handler_result(str_from_codepoint(0xFFFD), e);
    return handler_result(map_chars(o, s, e, k == ERR_ENCODE ? put_qmark : put_fffd), e);
}

static Value codecs_xmlcharref_errors(Value *args, int nargs, Value kwnames) {
    Value o; int64_t s, e;
    int k = err_kind(args[0], &o, &s, &e);
    if (k < 0) return VAL_NULL;
    if (k != ERR_ENCODE)
        return err_format(&exc_TypeError, "don't know how to handle %T in error callback", args[0]);
    return handler_result(map_chars(o, s, e, put_xmlref), e);
}

static Value codecs_namereplace_errors(Value *args, int nargs, Value kwnames) {
    Value o; int64_t s, e;
    int k = err_kind(args[0], &o, &s, &e);
    if (k < 0) return VAL_NULL;
    if (k != ERR_ENCODE)
        return err_format(&exc_TypeError, "don't know how to handle %T in error callback", args[0]);
    return handler_result(map_chars(o, s, e, put_name), e);
}

static Value codecs_backslash_errors(Value *args, int nargs, Value kwnames) {
    Value o; int64_t s, e;
    int k = err_kind(args[0], &o, &s, &e);
    if (k < 0) return VAL_NULL;
    if (k != ERR_DECODE) return handler_result(map_chars(o, s, e, put_char_escape), e);
    const uint8_t *d; int64_t n;
    if (bytes_view(o, &d, &n) < 0) return VAL_NULL;
    StrBuf sb; sb_init(&sb);
    for (int64_t i = s; i < e; i++)
        if (sb_printf(&sb, "\\x%02x", d[i]) < 0) { sb_free(&sb); return VAL_NULL; }
    return handler_result(sb_finish_str(&sb), e);
}

static Value codecs_surrogateescape_errors(Value *args, int nargs, Value kwnames) {
    Value o; int64_t s, e;
    int k = err_kind(args[0], &o, &s, &e);
    if (k < 0) return VAL_NULL;
    StrBuf sb; sb_init(&sb);
    if (k == ERR_DECODE) {
        const uint8_t *d; int64_t n, i = s;
        if (bytes_view(o, &d, &n) < 0) return VAL_NULL;
        for (; i < e && i - s < 4 && d[i] >= 0x80; i++)
            if (sb_put_codepoint(&sb, 0xDC00 + d[i]) < 0) { sb_free(&sb); return VAL_NULL; }
        if (i == s) { sb_free(&sb); return err_set_obj(args[0]); }
        return handler_result(sb_finish_str(&sb), i);
    }
    if (k != ERR_ENCODE)
        return err_format(&exc_TypeError, "don't know how to handle %T in error callback", args[0]);
    const unsigned char *p = (const unsigned char *)STR_DATA(o) + str_byte_offset(o, s);
    for (int64_t i = s; i < e; i++) {
        uint32_t c;
        p += utf8_dec(p, &c);
        if (c < 0xDC80 || c > 0xDCFF) { sb_free(&sb); return err_set_obj(args[0]); }
        if (sb_putc(&sb, (char)(c - 0xDC00)) < 0) { sb_free(&sb); return VAL_NULL; }
    }
    return handler_result(sb_finish_bytes(&sb), e);
}

/* surrogatepass knows the UTF codecs by the exception's encoding name:
 * 1 utf-8, 2 utf-16, 4 utf-32; endianness -1 little, 1 big. */
static int utf_kind(Value exc, int *bo) {
    Value enc = obj_getattr_c(exc, "encoding");
    if (IS_NULL(enc)) return -1;
    if (!IS_STR(enc)) { err_format(&exc_TypeError, "encoding must be str"); return -1; }
    char n[32];
    size_t i = 0;
    for (; i < (size_t)STR_LEN(enc) && i < sizeof n - 1; i++) {
        char c = STR_DATA(enc)[i];
        n[i] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    n[i] = 0;
    *bo = strstr(n, "-be") ? 1 : -1;
    if (!strcmp(n, "utf-8") || !strcmp(n, "utf8")) return 1;
    if (!strncmp(n, "utf-16", 6)) return 2;
    if (!strncmp(n, "utf-32", 6)) return 4;
    return 0;
}

static void put_unit(uint8_t *b, uint32_t v, int width, int bo) {
    for (int k = 0; k < width; k++) b[k] = (uint8_t)(v >> (8 * (bo < 0 ? k : width - 1 - k)));
}

static uint32_t get_unit(const uint8_t *b, int width, int bo) {
    uint32_t v = 0;
    for (int k = 0; k < width; k++) v |= (uint32_t)b[k] << (8 * (bo < 0 ? k : width - 1 - k));
    return v;
}

static Value codecs_surrogatepass_errors(Value *args, int nargs, Value kwnames) {
    Value o; int64_t s, e;
    int k = err_kind(args[0], &o, &s, &e), bo;
    if (k < 0) return VAL_NULL;
    if (k == ERR_TRANSLATE)
        return err_format(&exc_TypeError, "don't know how to handle %T in error callback", args[0]);
    int w = utf_kind(args[0], &bo);
    if (w < 0) return VAL_NULL;
    if (w == 0) return err_set_obj(args[0]);
    if (k == ERR_DECODE) {
        const uint8_t *d; int64_t n;
        if (bytes_view(o, &d, &n) < 0) return VAL_NULL;
        uint32_t c = 0;
        int len = w == 1 ? 3 : w;
        if (s + len > n) return err_set_obj(args[0]);
        if (w == 1) {
            if ((d[s] & 0xF0) != 0xE0 || (d[s + 1] & 0xC0) != 0x80 || (d[s + 2] & 0xC0) != 0x80)
                return err_set_obj(args[0]);
            c = ((d[s] & 0x0Fu) << 12) | ((d[s + 1] & 0x3Fu) << 6) | (d[s + 2] & 0x3Fu);
        } else c = get_unit(d + s, w, bo);
        if (c < 0xD800 || c > 0xDFFF) return err_set_obj(args[0]);
        return handler_result(str_from_codepoint(c), s + len);
    }
    StrBuf sb; sb_init(&sb);
    const unsigned char *p = (const unsigned char *)STR_DATA(o) + str_byte_offset(o, s);
    for (int64_t i = s; i < e; i++) {
        uint32_t c;
        int n = utf8_dec(p, &c);
        if (c < 0xD800 || c > 0xDFFF) { sb_free(&sb); return err_set_obj(args[0]); }
        uint8_t b[4];
        if (w > 1) put_unit(b, c, w, bo);
        if (sb_put(&sb, w == 1 ? (const char *)p : (const char *)b, w == 1 ? (size_t)n : (size_t)w) < 0) {
            sb_free(&sb);
            return VAL_NULL;
        }
        p += n;
    }
    return handler_result(sb_finish_bytes(&sb), e);
}

/* ---- calling a handler from the C codecs ---------------------------------------------- */

/* CPython's default: None and "strict" both mean strict. */
static const char *errors_name(Value v) {
    return IS_NULL(v) || IS_NONE(v) ? "strict" : STR_DATA(v);
}

static int check_errors_arg(Value v, const char *fn) {
    if (IS_NULL(v) || IS_NONE(v) || IS_STR(v)) return 0;
    err_format(&exc_TypeError, "%s() argument 2 must be str or None, not %T", fn, v);
    return -1;
}

/* An error at [start, end) of input: make the exception, raise it for strict,
 * else run the handler.  Returns the replacement (str or bytes) and sets
 * *pos to where work continues; VAL_NULL raised. */
static Value codecs_call_handler(Type *t, const char *enc, const char *errors, Value input,
                                 int64_t start, int64_t end, const char *reason, int64_t *pos) {
    Value a[5] = {str_from_c(enc), input, MK_SMALLINT(start), MK_SMALLINT(end), str_from_c(reason)};
    Value exc = call_value(MK_OBJ(t), a, 5, VAL_NULL);
    if (IS_NULL(exc)) return VAL_NULL;
    if (!strcmp(errors, "strict")) return err_set_obj(exc);
    Value h = codecs_lookup_error(str_from_c(errors));
    if (IS_NULL(h)) return VAL_NULL;
    Value r = call1(h, exc);
    if (IS_NULL(r)) return VAL_NULL;
    int want_bytes_ok = t == &exc_UnicodeEncodeError;
    if (!IS_TUPLE(r) || AS_TUPLE(r)->len != 2 || !IS_INT(AS_TUPLE(r)->items[1]) ||
        !(IS_STR(AS_TUPLE(r)->items[0]) || (want_bytes_ok && IS_BYTES(AS_TUPLE(r)->items[0]))))
        return err_format(&exc_TypeError, want_bytes_ok
                          ? "encoding error handler must return (str/bytes, int) tuple"
                          : "decoding error handler must return (str, int) tuple");
    int64_t p, n = t == &exc_UnicodeDecodeError ? obj_len(input) : AS_STR(input)->nchars;
    if (arg_to_ssize(AS_TUPLE(r)->items[1], &p) < 0) return VAL_NULL;
    if (p < 0) p += n;
    if (p < 0 || p > n)
        return err_format(&exc_IndexError, "position %lld from error handler out of bounds", (long long)p);
    *pos = p;
    return AS_TUPLE(r)->items[0];
}

int64_t codecs_dec_error(StrBuf *sb, const char *enc, const char *errors, Value input,
                         int64_t start, int64_t end, const char *reason) {
    int64_t pos;
    Value r = codecs_call_handler(&exc_UnicodeDecodeError, enc, errors, input, start, end, reason, &pos);
    if (IS_NULL(r) || sb_put_value_str(sb, r) < 0) return -1;
    return pos;
}

/* The input of a decoder: a bytes-like object (a str as its UTF-8 where CPython
 * accepts one, allow_str). */
static int dec_input(Value v, int allow_str, const char *fn, Value *input, const uint8_t **d, int64_t *n) {
    if (allow_str && IS_STR(v)) v = str_encode(v, "utf-8", "strict");
    if (IS_NULL(v)) return -1;
    if (IS_BYTES(v)) *input = v;
    else {
        const uint8_t *p; int64_t len;
        if (bytes_view(v, &p, &len) < 0) {
            err_clear();
            err_format(&exc_TypeError, "a bytes-like object is required, not '%T'", v);
            return -1;
        }
        *input = bytes_new(p, (size_t)len);
        if (IS_NULL(*input)) return -1;
    }
    *d = AS_BYTES(*input)->data;
    *n = AS_BYTES(*input)->len;
    (void)fn;
    return 0;
}

static int need_str_input(Value v, const char *fn) {
    if (IS_STR(v)) return 0;
    err_format(&exc_TypeError, "%s() argument 1 must be str, not %T", fn, v);
    return -1;
}

static Value result2(Value out, int64_t consumed) {
    return IS_NULL(out) ? VAL_NULL : tuple_pack(2, out, int_from_i64(consumed));
}

static int arg_final(Value v) {
    return IS_NULL(v) ? 0 : obj_truthy(v);
}

/* ---- utf-8, ascii, latin-1: runtime/obj_str.c's codecs ---------------------------------- */

/* Bytes at the end of d[0..n) that begin a UTF-8 sequence still incomplete
 * (an incremental decoder keeps them for the next call). */
static int64_t utf8_incomplete_tail(const uint8_t *d, int64_t n) {
    for (int64_t k = 1; k <= 3 && k <= n; k++) {
        uint8_t c = d[n - k];
        if ((c & 0xC0) == 0x80) continue;
        int need = c >= 0xF5 ? 0 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (need <= k) return 0;
        if (k >= 2) {             /* the second byte's narrower ranges (ED A0..BF, a
                                     surrogate's start, waits: surrogatepass may take it) */
            uint8_t c2 = d[n - k + 1];
            if ((c == 0xE0 && c2 < 0xA0) || (c == 0xF0 && c2 < 0x90) || (c == 0xF4 && c2 > 0x8F))
                return 0;
        }
        return k;
    }
    return 0;
}

static Value simple_decode(Value *args, const char *enc, const char *fn, int has_final) {
    Value input; const uint8_t *d; int64_t n;
    if (dec_input(args[0], 0, fn, &input, &d, &n) < 0 || check_errors_arg(args[1], fn) < 0) return VAL_NULL;
    int64_t use = n;
    if (has_final) {
        int f = arg_final(args[2]);
        if (f < 0) return VAL_NULL;
        if (!f) use -= utf8_incomplete_tail(d, n);
    }
    return result2(str_decode(d, (size_t)use, enc, errors_name(args[1])), use);
}

static Value simple_encode(Value *args, const char *enc, const char *fn) {
    if (need_str_input(args[0], fn) < 0 || check_errors_arg(args[1], fn) < 0) return VAL_NULL;
    return result2(str_encode(args[0], enc, errors_name(args[1])), AS_STR(args[0])->nchars);
}

static Value codecs_utf_8_decode(Value *a, int n, Value k) { return simple_decode(a, "utf-8", "utf_8_decode", 1); }
static Value codecs_utf_8_encode(Value *a, int n, Value k) { return simple_encode(a, "utf-8", "utf_8_encode"); }
static Value codecs_ascii_decode(Value *a, int n, Value k) { return simple_decode(a, "ascii", "ascii_decode", 0); }
static Value codecs_ascii_encode(Value *a, int n, Value k) { return simple_encode(a, "ascii", "ascii_encode"); }
static Value codecs_latin_1_decode(Value *a, int n, Value k) { return simple_decode(a, "latin-1", "latin_1_decode", 0); }
static Value codecs_latin_1_encode(Value *a, int n, Value k) { return simple_encode(a, "latin-1", "latin_1_encode"); }

/* ---- utf-16 and utf-32 ------------------------------------------------------------------ */

/* Encode s in units of w bytes (2 or 4), byte order bo (-1 little, 1 big),
 * a BOM first when bom. */
static Value utf_encode(Value s, const char *errors, int w, int bo, int bom, const char *enc) {
    StrBuf sb; sb_init(&sb);
    uint8_t b[8];
    if (bom) { put_unit(b, 0xFEFF, w, bo); if (sb_put(&sb, (const char *)b, (size_t)w) < 0) goto fail; }
    const unsigned char *p = (const unsigned char *)STR_DATA(s);
    int64_t nchars = AS_STR(s)->nchars;
    for (int64_t i = 0; i < nchars;) {
        uint32_t c;
        int len = utf8_dec(p, &c);
        if (c >= 0xD800 && c <= 0xDFFF) {
            int64_t j = i + 1, pos;
            const unsigned char *q = p + len;
            for (uint32_t c2; j < nchars && (utf8_dec(q, &c2), c2 >= 0xD800 && c2 <= 0xDFFF); j++)
                q += utf8_dec(q, &c2);
            Value r = codecs_call_handler(&exc_UnicodeEncodeError, enc, errors, s, i, j,
                                          "surrogates not allowed", &pos);
            if (IS_NULL(r)) goto fail;
            if (IS_BYTES(r)) {
                if (AS_BYTES(r)->len % w) {
                    codecs_call_handler(&exc_UnicodeEncodeError, enc, "strict", s, i, j,
                                        "surrogates not allowed", &pos);
                    goto fail;
                }
                if (sb_put(&sb, (const char *)AS_BYTES(r)->data, (size_t)AS_BYTES(r)->len) < 0) goto fail;
            } else {
                const unsigned char *rp = (const unsigned char *)STR_DATA(r);
                for (int64_t k = 0; k < AS_STR(r)->nchars; k++) {
                    uint32_t rc;
                    rp += utf8_dec(rp, &rc);
                    if (rc >= 0x80) {
                        codecs_call_handler(&exc_UnicodeEncodeError, enc, "strict", s, i, j,
                                            "surrogates not allowed", &pos);
                        goto fail;
                    }
                    put_unit(b, rc, w, bo);
                    if (sb_put(&sb, (const char *)b, (size_t)w) < 0) goto fail;
                }
            }
            i = pos;
            p = (const unsigned char *)STR_DATA(s) + str_byte_offset(s, i);
            continue;
        }
        if (w == 2 && c >= 0x10000) {
            put_unit(b, 0xD800 + ((c - 0x10000) >> 10), 2, bo);
            put_unit(b + 2, 0xDC00 + ((c - 0x10000) & 0x3FF), 2, bo);
            if (sb_put(&sb, (const char *)b, 4) < 0) goto fail;
        } else {
            put_unit(b, c, w, bo);
            if (sb_put(&sb, (const char *)b, (size_t)w) < 0) goto fail;
        }
        p += len; i++;
    }
    return sb_finish_bytes(&sb);
fail:
    sb_free(&sb);
    return VAL_NULL;
}

/* Decode d[0..n) in units of w bytes with byte order *bo (0: detect a BOM,
 * native little-endian without one; *bo tells what was found).  *consumed is
 * what a non-final call used. */
static Value utf_decode(Value input, const uint8_t *d, int64_t n, const char *errors, int w, int *bo,
                        int final, int64_t *consumed, const char *enc) {
    int64_t i = 0;
    if (*bo == 0) {
        if (n < w && !final) { *consumed = 0; return str_empty(); }
        if (n >= w) {
            uint32_t le = get_unit(d, w, -1);
            if (le == 0xFEFF) { *bo = -1; i = w; }
            else if (le == (w == 2 ? 0xFFFEu : 0xFFFE0000u)) { *bo = 1; i = w; }
        }
    }
    int order = *bo ? *bo : -1;
    StrBuf sb; sb_init(&sb);
    while (i < n) {
        const char *why = NULL;
        int64_t end = i;
        if (n - i < w) {
            if (!final) break;
            why = "truncated data"; end = n;
        } else {
            uint32_t c = get_unit(d + i, w, order);
            if (w == 4) {
                if (c < 0xD800 || (c > 0xDFFF && c < 0x110000)) {
                    if (sb_put_codepoint(&sb, c) < 0) goto fail;
                    i += 4; continue;
                }
                why = c >= 0x110000 ? "code point not in range(0x110000)"
                                    : "code point in surrogate code point range(0xd800, 0xe000)";
                end = i + 4;
            } else if (c < 0xD800 || c > 0xDFFF) {
                if (sb_put_codepoint(&sb, c) < 0) goto fail;
                i += 2; continue;
            } else if (c >= 0xDC00) {
                why = "illegal encoding"; end = i + 2;
            } else if (n - i < 4) {
                if (!final) break;
                why = "unexpected end of data"; end = n;
            } else {
                uint32_t c2 = get_unit(d + i + 2, 2, order);
                if (c2 >= 0xDC00 && c2 <= 0xDFFF) {
                    if (sb_put_codepoint(&sb, 0x10000 + ((c - 0xD800) << 10) + (c2 - 0xDC00)) < 0) goto fail;
                    i += 4; continue;
                }
                why = "illegal UTF-16 surrogate"; end = i + 2;
            }
        }
        int64_t pos = codecs_dec_error(&sb, enc, errors, input, i, end, why);
        if (pos < 0) goto fail;
        i = pos;
    }
    *consumed = i;
    return sb_finish_str(&sb);
fail:
    sb_free(&sb);
    return VAL_NULL;
}

static const char *utf_name(int w, int bo) {
    if (w == 2) return bo < 0 ? "utf-16-le" : bo > 0 ? "utf-16-be" : "utf-16";
    return bo < 0 ? "utf-32-le" : bo > 0 ? "utf-32-be" : "utf-32";
}

/* utf_16_encode(str, errors=None, byteorder=0) and the _le/_be twins (fixed_bo) */
static Value utf_encode_m(Value *args, int w, int fixed_bo, const char *fn) {
    if (need_str_input(args[0], fn) < 0 || check_errors_arg(args[1], fn) < 0) return VAL_NULL;
    int bo = fixed_bo;
    if (!fixed_bo && !IS_NULL(args[2]) && arg_to_cint(args[2], &bo) < 0) return VAL_NULL;
    int order = bo == 0 ? -1 : bo < 0 ? -1 : 1;
    return result2(utf_encode(args[0], errors_name(args[1]), w, order, bo == 0 && !fixed_bo,
                              utf_name(w, fixed_bo)), AS_STR(args[0])->nchars);
}

/* utf_16_decode(data, errors=None, final=False) and twins; ex: utf_16_ex_decode
 * (data, errors=None, byteorder=0, final=False) -> (str, consumed, byteorder) */
static Value utf_decode_m(Value *args, int w, int fixed_bo, int ex, const char *fn) {
    Value input; const uint8_t *d; int64_t n;
    if (dec_input(args[0], 0, fn, &input, &d, &n) < 0 || check_errors_arg(args[1], fn) < 0) return VAL_NULL;
    int bo = fixed_bo;
    if (ex && !IS_NULL(args[2]) && arg_to_cint(args[2], &bo) < 0) return VAL_NULL;
    int final = arg_final(args[ex ? 3 : 2]);
    if (final < 0) return VAL_NULL;
    bo = bo < 0 ? -1 : bo > 0 ? 1 : 0;
    int64_t consumed;
    Value s = utf_decode(input, d, n, errors_name(args[1]), w, &bo, final, &consumed, utf_name(w, fixed_bo));
    if (IS_NULL(s)) return VAL_NULL;
    if (ex) return tuple_pack(3, s, int_from_i64(consumed), MK_SMALLINT(bo));
    return result2(s, consumed);
}

static Value codecs_utf_16_encode(Value *a, int n, Value k) { return utf_encode_m(a, 2, 0, "utf_16_encode"); }
static Value codecs_utf_16_le_encode(Value *a, int n, Value k) { return utf_encode_m(a, 2, -1, "utf_16_le_encode"); }
static Value codecs_utf_16_be_encode(Value *a, int n, Value k) { return utf_encode_m(a, 2, 1, "utf_16_be_encode"); }
static Value codecs_utf_32_encode(Value *a, int n, Value k) { return utf_encode_m(a, 4, 0, "utf_32_encode"); }
static Value codecs_utf_32_le_encode(Value *a, int n, Value k) { return utf_encode_m(a, 4, -1, "utf_32_le_encode"); }
static Value codecs_utf_32_be_encode(Value *a, int n, Value k) { return utf_encode_m(a, 4, 1, "utf_32_be_encode"); }
static Value codecs_utf_16_decode(Value *a, int n, Value k) { return utf_decode_m(a, 2, 0, 0, "utf_16_decode"); }
static Value codecs_utf_16_le_decode(Value *a, int n, Value k) { return utf_decode_m(a, 2, -1, 0, "utf_16_le_decode"); }
static Value codecs_utf_16_be_decode(Value *a, int n, Value k) { return utf_decode_m(a, 2, 1, 0, "utf_16_be_decode"); }
static Value codecs_utf_16_ex_decode(Value *a, int n, Value k) { return utf_decode_m(a, 2, 0, 1, "utf_16_ex_decode"); }
static Value codecs_utf_32_decode(Value *a, int n, Value k) { return utf_decode_m(a, 4, 0, 0, "utf_32_decode"); }
static Value codecs_utf_32_le_decode(Value *a, int n, Value k) { return utf_decode_m(a, 4, -1, 0, "utf_32_le_decode"); }
static Value codecs_utf_32_be_decode(Value *a, int n, Value k) { return utf_decode_m(a, 4, 1, 0, "utf_32_be_decode"); }
static Value codecs_utf_32_ex_decode(Value *a, int n, Value k) { return utf_decode_m(a, 4, 0, 1, "utf_32_ex_decode"); }

/* utf_7_encode(str, errors=None) and utf_7_decode(data, errors=None, final=False):
 * stdlib/codecs_utf7.c */
static Value codecs_utf_7_encode(Value *args, int nargs, Value kwnames) {
    if (need_str_input(args[0], "utf_7_encode") < 0 || check_errors_arg(args[1], "utf_7_encode") < 0)
        return VAL_NULL;
    return result2(codecs_utf7_encode(args[0]), AS_STR(args[0])->nchars);
}

static Value codecs_utf_7_decode(Value *args, int nargs, Value kwnames) {
    Value input; const uint8_t *d; int64_t n, consumed = 0;
    if (dec_input(args[0], 0, "utf_7_decode", &input, &d, &n) < 0 || check_errors_arg(args[1], "utf_7_decode") < 0)
        return VAL_NULL;
    int final = arg_final(args[2]);
    if (final < 0) return VAL_NULL;
    Value s = codecs_utf7_decode(input, d, n, errors_name(args[1]), final, &consumed);
    return result2(s, consumed);
}

/* ---- charmap ------------------------------------------------------------------------------ */

/* The str byte b decodes to through mapping: 1 appended, 0 undefined, -1 raised. */
static int charmap_decode_byte(StrBuf *sb, Value mapping, uint8_t b) {
    if (IS_STR(mapping)) {
        if (b >= AS_STR(mapping)->nchars) return 0;
        uint32_t c = str_char_at(mapping, b);
        if (c == 0xFFFE) return 0;
        return sb_put_codepoint(sb, c) < 0 ? -1 : 1;
    }
    Value r = obj_getitem(mapping, MK_SMALLINT(b));
    if (IS_NULL(r)) {
        if (!err_matches(&exc_LookupError)) return -1;
        err_clear();
        return 0;
    }
    if (IS_NONE(r)) return 0;
    if (IS_STR(r)) {
        if (AS_STR(r)->nchars == 1 && str_char_at(r, 0) == 0xFFFE) return 0;
        return sb_put_value_str(sb, r) < 0 ? -1 : 1;
    }
    if (IS_INT(r)) {
        int64_t c;
        if (int_to_i64(r, &c) < 0 || c < 0 || c > 0x10FFFF) {
            err_clear();
            err_format(&exc_TypeError, "character mapping must be in range(0x110000)");
            return -1;
        }
        if (c == 0xFFFE) return 0;
        return sb_put_codepoint(sb, (uint32_t)c) < 0 ? -1 : 1;
    }
    err_format(&exc_TypeError, "character mapping must return integer, None or str");
    return -1;
}

static Value codecs_charmap_decode(Value *args, int nargs, Value kwnames) {
    Value input; const uint8_t *d; int64_t n;
    if (dec_input(args[0], 0, "charmap_decode", &input, &d, &n) < 0 ||
        check_errors_arg(args[1], "charmap_decode") < 0) return VAL_NULL;
    Value mapping = IS_NULL(args[2]) ? VAL_NONE : args[2];
    const char *errors = errors_name(args[1]);
    if (IS_NONE(mapping)) return result2(str_decode(d, (size_t)n, "latin-1", errors), n);
    StrBuf sb; sb_init(&sb);
    for (int64_t i = 0; i < n;) {
        int r = charmap_decode_byte(&sb, mapping, d[i]);
        if (r < 0) goto fail;
        if (r > 0) { i++; continue; }
        i = codecs_dec_error(&sb, "charmap", errors, input, i, i + 1, "character maps to <undefined>");
        if (i < 0) goto fail;
    }
    return result2(sb_finish_str(&sb), n);
fail:
    sb_free(&sb);
    return VAL_NULL;
}

/* Encode code point c through mapping into sb: 1 done, 0 undefined, -1 raised. */
static int charmap_encode_char(StrBuf *sb, Value mapping, uint32_t c) {
    Value r = obj_getitem(mapping, MK_SMALLINT(c));
    if (IS_NULL(r)) {
        if (!err_matches(&exc_LookupError)) return -1;
        err_clear();
        return 0;
    }
    if (IS_NONE(r)) return 0;
    if (IS_INT(r)) {
        int64_t b;
        if (int_to_i64(r, &b) < 0 || b < 0 || b > 255) {
            err_clear();
            err_format(&exc_TypeError, "character mapping must be in range(256)");
            return -1;
        }
        return sb_putc(sb, (char)b) < 0 ? -1 : 1;
    }
    if (IS_BYTES(r)) return sb_put(sb, (const char *)AS_BYTES(r)->data, (size_t)AS_BYTES(r)->len) < 0 ? -1 : 1;
    err_format(&exc_TypeError, "character mapping must return integer, bytes or None, not %T", r);
    return -1;
}

static Value codecs_charmap_encode(Value *args, int nargs, Value kwnames) {
    if (need_str_input(args[0], "charmap_encode") < 0 || check_errors_arg(args[1], "charmap_encode") < 0)
        return VAL_NULL;
    Value s = args[0], mapping = IS_NULL(args[2]) ? VAL_NONE : args[2];
    const char *errors = errors_name(args[1]);
    int64_t nchars = AS_STR(s)->nchars;
    if (IS_NONE(mapping)) return result2(str_encode(s, "latin-1", errors), nchars);
    StrBuf sb; sb_init(&sb);
    const unsigned char *p = (const unsigned char *)STR_DATA(s);
    for (int64_t i = 0; i < nchars;) {
        uint32_t c;
        int len = utf8_dec(p, &c);
        int r = charmap_encode_char(&sb, mapping, c);
        if (r < 0) goto fail;
        if (r > 0) { p += len; i++; continue; }
        int64_t j = i + 1, pos;              /* the run of unencodable characters */
        const unsigned char *q = p + len;
        StrBuf probe; sb_init(&probe);
        for (; j < nchars; j++) {
            uint32_t c2;
            int l2 = utf8_dec(q, &c2);
            int r2 = charmap_encode_char(&probe, mapping, c2);
            if (r2 < 0) { sb_free(&probe); goto fail; }
            if (r2 > 0) break;
            q += l2;
        }
        sb_free(&probe);
        Value rep = codecs_call_handler(&exc_UnicodeEncodeError, "charmap", errors, s, i, j,
                                        "character maps to <undefined>", &pos);
        if (IS_NULL(rep)) goto fail;
        if (IS_BYTES(rep)) {
            if (sb_put(&sb, (const char *)AS_BYTES(rep)->data, (size_t)AS_BYTES(rep)->len) < 0) goto fail;
        } else {
            const unsigned char *rp = (const unsigned char *)STR_DATA(rep);
            for (int64_t k = 0; k < AS_STR(rep)->nchars; k++) {
                uint32_t rc;
                rp += utf8_dec(rp, &rc);
                int rr = charmap_encode_char(&sb, mapping, rc);
                if (rr < 0) goto fail;
                if (rr == 0) {
                    codecs_call_handler(&exc_UnicodeEncodeError, "charmap", "strict", s, i, j,
                                        "character maps to <undefined>", &pos);
                    goto fail;
                }
            }
        }
        i = pos;
        p = (const unsigned char *)STR_DATA(s) + str_byte_offset(s, i);
    }
    return result2(sb_finish_bytes(&sb), nchars);
fail:
    sb_free(&sb);
    return VAL_NULL;
}

/* charmap_build(decoding_table): the encoding map, {code point: byte} */
static Value codecs_charmap_build(Value *args, int nargs, Value kwnames) {
    if (need_str_input(args[0], "charmap_build") < 0) return VAL_NULL;
    Value d = dict_new();
    if (IS_NULL(d)) return VAL_NULL;
    const unsigned char *p = (const unsigned char *)STR_DATA(args[0]);
    for (int64_t i = 0; i < AS_STR(args[0])->nchars; i++) {
        uint32_t c;
        p += utf8_dec(p, &c);
        if (dict_set(d, MK_SMALLINT(c), MK_SMALLINT(i)) < 0) return VAL_NULL;
    }
    return d;
}

/* ---- escape codecs -------------------------------------------------------------------------- */

static int hexval(uint8_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* escape_encode(data, errors=None): bytes as a bytes literal's body */
static Value codecs_escape_encode(Value *args, int nargs, Value kwnames) {
    if (!IS_BYTES(args[0]))
        return err_format(&exc_TypeError, "escape_encode() argument 1 must be bytes, not %T", args[0]);
    if (check_errors_arg(args[1], "escape_encode") < 0) return VAL_NULL;
    const uint8_t *d = AS_BYTES(args[0])->data;
    int64_t n = AS_BYTES(args[0])->len;
    StrBuf sb; sb_init(&sb);
    for (int64_t i = 0; i < n; i++) {
        uint8_t c = d[i];
        int rc;
        if (c == '\\' || c == '\'') { char e[2] = {'\\', (char)c}; rc = sb_put(&sb, e, 2); }
        else if (c == '\t') rc = sb_puts(&sb, "\\t");
        else if (c == '\n') rc = sb_puts(&sb, "\\n");
        else if (c == '\r') rc = sb_puts(&sb, "\\r");
        else if (c < 0x20 || c >= 0x7F) rc = sb_printf(&sb, "\\x%02x", c);
        else rc = sb_putc(&sb, (char)c);
        if (rc < 0) { sb_free(&sb); return VAL_NULL; }
    }
    return result2(sb_finish_bytes(&sb), n);
}

/* One simple escape after a backslash (\n, \t, octal...): the value, or -1 */
static int simple_escape(const uint8_t *d, int64_t n, int64_t *i) {
    uint8_t c = d[*i];
    static const char from[] = "\\'\"abfnrtv", to[] = "\\'\"\a\b\f\n\r\t\v";
    const char *f = memchr(from, c, sizeof from - 1);
    if (f && c) { (*i)++; return (uint8_t)to[f - from]; }
    if (c >= '0' && c <= '7') {
        int v = 0;
        for (int k = 0; k < 3 && *i < n && d[*i] >= '0' && d[*i] <= '7'; k++, (*i)++) v = v * 8 + (d[*i] - '0');
        return v;
    }
    return -1;
}

/* The DeprecationWarning CPython gives for the first escape of a decode
 * that is not one (d[pos] follows the backslash): octal above 0o377, or a
 * character with no meaning after a backslash. */
static int escape_warn(const uint8_t *d, int64_t pos) {
    if (d[pos] >= '0' && d[pos] <= '7')
        return err_warn(&exc_DeprecationWarning, "invalid octal escape sequence '\\%.3s'", (const char *)d + pos);
    Value ch = str_from_codepoint(d[pos]);
    return IS_NULL(ch) ? -1 : err_warn(&exc_DeprecationWarning, "invalid escape sequence '\\%U'", ch);
}

/* An escape simple_escape read at pos: is it invalid (an octal above 0o377)? */
static int escape_octal_too_big(const uint8_t *d, int64_t pos, int v) {
    return d[pos] >= '0' && d[pos] <= '7' && v > 0377;
}

/* escape_decode(data, errors=None): a bytes literal's body to bytes */
static Value codecs_escape_decode(Value *args, int nargs, Value kwnames) {
    Value input; const uint8_t *d; int64_t n;
    if (dec_input(args[0], 1, "escape_decode", &input, &d, &n) < 0 ||
        check_errors_arg(args[1], "escape_decode") < 0) return VAL_NULL;
    const char *errors = errors_name(args[1]);
    int64_t invalid = -1;           /* the first invalid escape, warned about at the end */
    StrBuf sb; sb_init(&sb);
    for (int64_t i = 0; i < n;) {
        if (d[i] != '\\') {
            int64_t j = i;
            while (j < n && d[j] != '\\') j++;
            if (sb_put(&sb, (const char *)d + i, (size_t)(j - i)) < 0) goto fail;
            i = j;
            continue;
        }
        int64_t start = i++;
        if (i >= n) { err_format(&exc_ValueError, "Trailing \\ in string"); goto fail; }
        if (d[i] == '\n') { i++; continue; }
        if (d[i] == 'x') {
            int h1 = i + 1 < n ? hexval(d[i + 1]) : -1, h2 = i + 2 < n ? hexval(d[i + 2]) : -1;
            if (h1 >= 0 && h2 >= 0) {
                if (sb_putc(&sb, (char)(h1 * 16 + h2)) < 0) goto fail;
                i += 3;
                continue;
            }
            if (!strcmp(errors, "strict")) {
                err_format(&exc_ValueError, "invalid \\x escape at position %lld", (long long)start);
                goto fail;
            }
            if (!strcmp(errors, "replace")) { if (sb_putc(&sb, '?') < 0) goto fail; }
            else if (strcmp(errors, "ignore")) {
                err_format(&exc_ValueError, "decoding error; unknown error handling code: %s", errors);
                goto fail;
            }
            i++;
            while (i < n && hexval(d[i]) >= 0 && i < start + 4) i++;
            continue;
        }
        int64_t at = i;
        int v = simple_escape(d, n, &i);
        if ((v < 0 || escape_octal_too_big(d, at, v)) && invalid < 0) invalid = at;
        if (v >= 0) { if (sb_putc(&sb, (char)v) < 0) goto fail; continue; }
        if (sb_putc(&sb, '\\') < 0) goto fail;     /* an unknown escape stays as written */
    }
    if (invalid >= 0 && escape_warn(d, invalid) < 0) goto fail;
    return result2(sb_finish_bytes(&sb), n);
fail:
    sb_free(&sb);
    return VAL_NULL;
}

/* unicode_escape_encode / raw_unicode_escape_encode (raw: only \u and \U) */
static Value escape_encode_str(Value s, int raw) {
    StrBuf sb; sb_init(&sb);
    const unsigned char *p = (const unsigned char *)STR_DATA(s);
    for (int64_t i = 0; i < AS_STR(s)->nchars; i++) {
        uint32_t c;
        p += utf8_dec(p, &c);
        int rc;
        if (raw) rc = c < 0x100 ? sb_putc(&sb, (char)c) : put_char_escape(&sb, c);
        else if (c == '\\') rc = sb_puts(&sb, "\\\\");
        else if (c == '\t') rc = sb_puts(&sb, "\\t");
        else if (c == '\n') rc = sb_puts(&sb, "\\n");
        else if (c == '\r') rc = sb_puts(&sb, "\\r");
        else if (c >= 0x20 && c < 0x7F) rc = sb_putc(&sb, (char)c);
        else rc = put_char_escape(&sb, c);
        if (rc < 0) { sb_free(&sb); return VAL_NULL; }
    }
    return sb_finish_bytes(&sb);
}

static Value codecs_unicode_escape_encode(Value *args, int nargs, Value kwnames) {
    if (need_str_input(args[0], "unicode_escape_encode") < 0 ||
        check_errors_arg(args[1], "unicode_escape_encode") < 0) return VAL_NULL;
    return result2(escape_encode_str(args[0], 0), AS_STR(args[0])->nchars);
}

static Value codecs_raw_unicode_escape_encode(Value *args, int nargs, Value kwnames) {
    if (need_str_input(args[0], "raw_unicode_escape_encode") < 0 ||
        check_errors_arg(args[1], "raw_unicode_escape_encode") < 0) return VAL_NULL;
    return result2(escape_encode_str(args[0], 1), AS_STR(args[0])->nchars);
}

/* \x, \u, \U with `digits` hex digits at d[i..): the code point, -1 truncated */
static int64_t hex_escape(const uint8_t *d, int64_t n, int64_t i, int digits) {
    int64_t v = 0;
    for (int k = 0; k < digits; k++) {
        int h = i + k < n ? hexval(d[i + k]) : -1;
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

/* unicode_escape_decode / raw_unicode_escape_decode(data, errors=None, final=True) */
static Value escape_decode_str(Value *args, int raw, const char *fn) {
    Value input; const uint8_t *d; int64_t n;
    if (dec_input(args[0], 1, fn, &input, &d, &n) < 0 || check_errors_arg(args[1], fn) < 0) return VAL_NULL;
    int final = IS_NULL(args[2]) ? 1 : obj_truthy(args[2]);
    if (final < 0) return VAL_NULL;
    const char *errors = errors_name(args[1]);
    const char *enc = raw ? "rawunicodeescape" : "unicodeescape";
    StrBuf sb; sb_init(&sb);
    int64_t i = 0, invalid = -1;
    while (i < n) {
        if (d[i] != '\\') {
            if (sb_put_codepoint(&sb, d[i]) < 0) goto fail;
            i++;
            continue;
        }
        int64_t start = i;
        if (raw) {                  /* only \u/\U after an odd run of backslashes */
            int64_t j = i;
            while (j < n && d[j] == '\\') j++;
            int64_t run = j - i;
            if (j >= n || (d[j] != 'u' && d[j] != 'U') || run % 2 == 0) {
                if (j >= n && run % 2 && !final) break;
                if (sb_put(&sb, (const char *)d + i, (size_t)run) < 0) goto fail;
                i = j;
                continue;
            }
            if (sb_put(&sb, (const char *)d + i, (size_t)(run - 1)) < 0) goto fail;
            start = i = j - 1;
        }
        const char *why = NULL;
        int64_t end = n;
        if (i + 1 >= n) {
            if (!final) break;
            why = "\\ at end of string";
        } else {
            uint8_t c = d[i + 1];
            int digits = c == 'x' && !raw ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
            if (digits) {
                int64_t v = hex_escape(d, n, i + 2, digits);
                if (v >= 0 && v <= 0x10FFFF) {
                    if (sb_put_codepoint(&sb, (uint32_t)v) < 0) goto fail;
                    i += 2 + digits;
                    continue;
                }
                if (v < 0 && !final && i + 2 + digits > n) {
                    int64_t k = i + 2;
                    while (k < n && hexval(d[k]) >= 0) k++;
                    if (k == n) break;     /* maybe completed by the next call */
                }
                end = i + 2;
                while (end < n && end < i + 2 + digits && hexval(d[end]) >= 0) end++;
                if (v > 0x10FFFF) { why = raw ? "\\Uxxxxxxxx out of range" : "illegal Unicode character"; end = i + 10; }
                else why = c == 'x' ? "truncated \\xXX escape" : c == 'u' ? "truncated \\uXXXX escape"
                                                                : "truncated \\UXXXXXXXX escape";
            } else if (c == 'N') {
                const uint8_t *close = i + 2 < n && d[i + 2] == '{' ? memchr(d + i + 3, '}', (size_t)(n - i - 3)) : NULL;
                int empty = close && close == d + i + 3;       /* \N{} */
                if (empty) close = NULL;
                int32_t cp = close ? unicode_name_lookup((const char *)d + i + 3, (size_t)(close - d - i - 3)) : -1;
                if (cp >= 0) {
                    if (sb_put_codepoint(&sb, (uint32_t)cp) < 0) goto fail;
                    i = close - d + 1;
                    continue;
                }
                if (!close && !empty && !final) break;
                why = close ? "unknown Unicode character name" : "malformed \\N character escape";
                end = close ? close - d + 1 : empty ? i + 3 : i + 2 < n && d[i + 2] == '{' ? n : i + 2;
            } else if (c == '\n') {
                i += 2;
                continue;
            } else {
                int64_t j = i + 1;
                int v = simple_escape(d, n, &j);
                if ((v < 0 || escape_octal_too_big(d, i + 1, v)) && invalid < 0) invalid = i + 1;
                if (v >= 0) {
                    if (sb_put_codepoint(&sb, (uint32_t)v) < 0) goto fail;
                } else if (sb_putc(&sb, '\\') < 0 || sb_put_codepoint(&sb, c) < 0) goto fail;
                else j = i + 2;
                i = j;
                continue;
            }
        }
        i = codecs_dec_error(&sb, enc, errors, input, start, end, why);
        if (i < 0) goto fail;
    }
    if (invalid >= 0 && escape_warn(d, invalid) < 0) goto fail;
    return result2(sb_finish_str(&sb), i);
fail:
    sb_free(&sb);
    return VAL_NULL;
}

static Value codecs_unicode_escape_decode(Value *a, int n, Value k) {
    return escape_decode_str(a, 0, "unicode_escape_decode");
}
static Value codecs_raw_unicode_escape_decode(Value *a, int n, Value k) {
    return escape_decode_str(a, 1, "raw_unicode_escape_decode");
}

static Value codecs_readbuffer_encode(Value *args, int nargs, Value kwnames) {
    Value input; const uint8_t *d; int64_t n;
    if (dec_input(args[0], 1, "readbuffer_encode", &input, &d, &n) < 0 ||
        check_errors_arg(args[1], "readbuffer_encode") < 0) return VAL_NULL;
    return result2(input, n);
}

/* ---- the module --------------------------------------------------------------------------- */

static const MethodDef mod_codecs_functions[] = {
    {"register", codecs_register, ARGS_ONE, "Register a codec search function."},
    {"unregister", codecs_unregister, ARGS_ONE, "Unregister a codec search function and clear the registry's cache."},
    {"lookup", codecs_lookup_m, ARGS_ONE, "Looks up a codec tuple in the Python codec registry and returns a CodecInfo object."},
    {"encode", codecs_encode_m, ARGS_KW, "Encodes obj using the codec registered for encoding.",
     "($module, /, obj, encoding='utf-8', errors='strict')"},
    {"decode", codecs_decode_m, ARGS_KW, "Decodes obj using the codec registered for encoding.",
     "($module, /, obj, encoding='utf-8', errors='strict')"},
    {"_forget_codec", codecs_forget, ARGS_ONE, "Purge the named codec from the internal codec lookup cache"},
    {"register_error", codecs_register_error_m, ARGS_POS(2, 2), "Register the specified error handler under the name errors."},
    {"lookup_error", codecs_lookup_error_m, ARGS_ONE, "lookup_error(errors) -> handler"},
    {"utf_8_encode", codecs_utf_8_encode, ARGS_POS(1, 2), NULL},
    {"utf_8_decode", codecs_utf_8_decode, ARGS_POS(1, 3), NULL},
    {"ascii_encode", codecs_ascii_encode, ARGS_POS(1, 2), NULL},
    {"ascii_decode", codecs_ascii_decode, ARGS_POS(1, 2), NULL},
    {"latin_1_encode", codecs_latin_1_encode, ARGS_POS(1, 2), NULL},
    {"latin_1_decode", codecs_latin_1_decode, ARGS_POS(1, 2), NULL},
    {"utf_7_encode", codecs_utf_7_encode, ARGS_POS(1, 2), NULL},
    {"utf_7_decode", codecs_utf_7_decode, ARGS_POS(1, 3), NULL},
    {"utf_16_encode", codecs_utf_16_encode, ARGS_POS(1, 3), NULL},
    {"utf_16_le_encode", codecs_utf_16_le_encode, ARGS_POS(1, 2), NULL},
    {"utf_16_be_encode", codecs_utf_16_be_encode, ARGS_POS(1, 2), NULL},
    {"utf_16_decode", codecs_utf_16_decode, ARGS_POS(1, 3), NULL},
    {"utf_16_le_decode", codecs_utf_16_le_decode, ARGS_POS(1, 3), NULL},
    {"utf_16_be_decode", codecs_utf_16_be_decode, ARGS_POS(1, 3), NULL},
    {"utf_16_ex_decode", codecs_utf_16_ex_decode, ARGS_POS(1, 4), NULL},
    {"utf_32_encode", codecs_utf_32_encode, ARGS_POS(1, 3), NULL},
    {"utf_32_le_encode", codecs_utf_32_le_encode, ARGS_POS(1, 2), NULL},
    {"utf_32_be_encode", codecs_utf_32_be_encode, ARGS_POS(1, 2), NULL},
    {"utf_32_decode", codecs_utf_32_decode, ARGS_POS(1, 3), NULL},
    {"utf_32_le_decode", codecs_utf_32_le_decode, ARGS_POS(1, 3), NULL},
    {"utf_32_be_decode", codecs_utf_32_be_decode, ARGS_POS(1, 3), NULL},
    {"utf_32_ex_decode", codecs_utf_32_ex_decode, ARGS_POS(1, 4), NULL},
    {"charmap_encode", codecs_charmap_encode, ARGS_POS(1, 3), NULL},
    {"charmap_decode", codecs_charmap_decode, ARGS_POS(1, 3), NULL},
    {"charmap_build", codecs_charmap_build, ARGS_ONE, NULL},
    {"escape_encode", codecs_escape_encode, ARGS_POS(1, 2), NULL},
    {"escape_decode", codecs_escape_decode, ARGS_POS(1, 2), NULL},
    {"unicode_escape_encode", codecs_unicode_escape_encode, ARGS_POS(1, 2), NULL},
    {"unicode_escape_decode", codecs_unicode_escape_decode, ARGS_POS(1, 3), NULL},
    {"raw_unicode_escape_encode", codecs_raw_unicode_escape_encode, ARGS_POS(1, 2), NULL},
    {"raw_unicode_escape_decode", codecs_raw_unicode_escape_decode, ARGS_POS(1, 3), NULL},
    {"readbuffer_encode", codecs_readbuffer_encode, ARGS_POS(1, 2), NULL},
    {NULL, NULL, 0, NULL},
};

/* The built-in error handlers, registered under their names. */
static const MethodDef codecs_handlers[] = {
    {"strict_errors", codecs_strict_errors, ARGS_ONE, NULL},
    {"ignore_errors", codecs_ignore_errors, ARGS_ONE, NULL},
    {"replace_errors", codecs_replace_errors, ARGS_ONE, NULL},
    {"xmlcharrefreplace_errors", codecs_xmlcharref_errors, ARGS_ONE, NULL},
    {"backslashreplace_errors", codecs_backslash_errors, ARGS_ONE, NULL},
    {"namereplace_errors", codecs_namereplace_errors, ARGS_ONE, NULL},
    {"surrogateescape_errors", codecs_surrogateescape_errors, ARGS_ONE, NULL},
    {"surrogatepass_errors", codecs_surrogatepass_errors, ARGS_ONE, NULL},
    {NULL, NULL, 0, NULL},
};

static int codecs_registry_init(Value m) {
    gc_add_root(&codecs_search);
    gc_add_root(&codecs_cache);
    gc_add_root(&codecs_errors);
    codecs_search = list_new(0);
    codecs_cache = dict_new();
    codecs_errors = dict_new();
    if (IS_NULL(codecs_search) || IS_NULL(codecs_cache) || IS_NULL(codecs_errors)) return -1;
    for (const MethodDef *h = codecs_handlers; h->name; h++) {
        Value fn = builtin_fn_new(h, m);
        size_t len = strlen(h->name) - strlen("_errors");
        Value name = str_new(h->name, len);
        if (IS_NULL(fn) || IS_NULL(name) || dict_set(codecs_errors, name, fn) < 0) return -1;
    }
    str_codec_registry = codecs_text_hook;
    return 0;
}

Value mod_codecs_init(void) {
    Value m = module_new_c("_codecs");
    if (IS_NULL(m)) return VAL_NULL;
    if (IS_NULL(codecs_search) && codecs_registry_init(m) < 0) return VAL_NULL;
    dict_add_methods(MODULE_DICT(m), mod_codecs_functions, m);
    return err_occurred() ? VAL_NULL : m;
}
