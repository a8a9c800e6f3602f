/* io_stringio.c - _io.StringIO, a text stream in memory, and
 * _io.IncrementalNewlineDecoder.
 *
 * StringIO keeps its text as an array of code points, so that positions
 * (tell/seek/truncate, writing in the middle or past the end, which pads
 * with NULs) are character indices as in CPython; getvalue() and reads
 * build str objects from slices of it.  Newlines follow CPython: with
 * newline=None writes translate "\r\n" and "\r" to "\n" (and note what they
 * saw for .newlines), with '' they are kept and noted, with "\r" or "\r\n"
 * written '\n's become that; readline() ends lines as the newline says.
 */
#include <stdlib.h>
#include <string.h>

#include "io.h"
#include "call.h"
#include "error.h"
#include "gc.h"
#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_str.h"
#include "obj_type.h"
#include "strbuf.h"

enum { SEEN_LF = 1, SEEN_CR = 2, SEEN_CRLF = 4 };

/* The .newlines value for a set of SEEN_* bits (order: "\r", "\n", "\r\n"). */
static Value io_newlines_value(int seen)
{
    static const char *const names[] = {"\r", "\n", "\r\n"};
    static const int bits[] = {SEEN_CR, SEEN_LF, SEEN_CRLF};
    Value items[3];
    int n = 0;
    for (int i = 0; i < 3; i++) if (seen & bits[i]) items[n++] = str_from_c(names[i]);
    if (n == 0) return VAL_NONE;
    if (n == 1) return items[0];
    return tuple_from_array(items, n);
}

/* Note the line ends of s in *seen; with translate, a new str with them as '\n'. */
static Value io_translate_newlines(Value s, int translate, int *seen)
{
    const char *p = STR_DATA(s);
    size_t n = (size_t)STR_LEN(s);
    if (!memchr(p, '\r', n)) {
        if (memchr(p, '\n', n)) *seen |= SEEN_LF;
        return s;
    }
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\n') { *seen |= SEEN_LF; sb_putc(&sb, '\n'); continue; }
        if (p[i] != '\r') { sb_putc(&sb, p[i]); continue; }
        int crlf = i + 1 < n && p[i + 1] == '\n';
        *seen |= crlf ? SEEN_CRLF : SEEN_CR;
        if (translate) sb_putc(&sb, '\n');
        else sb_put(&sb, crlf ? "\r\n" : "\r", crlf ? 2 : 1);
        i += (size_t)crlf;
    }
    if (!translate) { sb_free(&sb); return s; }
    return sb_finish_str(&sb);
}

/* ---- StringIO ---------------------------------------------------------------------- */

typedef struct StringIO {
    IOBase    base;
    uint32_t *buf;
    int64_t   len, cap, pos;
    uint8_t   ok, closed, readuniversal, readtranslate, seen;
    const char *writenl;       /* NULL: '\n' written as is */
    Value     readnl;          /* None or str */
} StringIO;

#define SELF ((StringIO *)AS_OBJ(args[0]))

static int sio_check(StringIO *s)
{
    if (!s->ok) { err_format(&exc_ValueError, "I/O operation on uninitialized object"); return -1; }
    if (s->closed) { err_format(&exc_ValueError, "I/O operation on closed file"); return -1; }
    return 0;
}

static int sio_reserve(StringIO *s, int64_t need)
{
    if (need <= s->cap) return 0;
    int64_t cap = s->cap ? s->cap : 32;
    while (cap < need) cap = cap + (cap >> 1) + 16;
    uint32_t *nb = gc_sys_realloc(s->buf, (size_t)cap * sizeof(uint32_t));
    if (!nb) { err_no_memory(); return -1; }
    s->buf = nb;
    s->cap = cap;
    return 0;
}

/* Text of buf[start, end) as a str. */
static Value sio_slice(StringIO *s, int64_t start, int64_t end)
{
    StrBuf sb;
    sb_init(&sb);
    for (int64_t i = start; i < end; i++) {
        uint32_t c = s->buf[i];
        if (c < 0x80) { sb_putc(&sb, (char)c); continue; }
        char u[4];
        int n;
        if (c < 0x800) { u[0] = (char)(0xC0 | c >> 6); u[1] = (char)(0x80 | (c & 0x3F)); n = 2; }
        else if (c < 0x10000) {
            u[0] = (char)(0xE0 | c >> 12); u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
            u[2] = (char)(0x80 | (c & 0x3F)); n = 3;
        } else {
            u[0] = (char)(0xF0 | c >> 18); u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
            u[2] = (char)(0x80 | ((c >> 6) & 0x3F)); u[3] = (char)(0x80 | (c & 0x3F)); n = 4;
        }
        sb_put(&sb, u, (size_t)n);
    }
    return sb_finish_str(&sb);
}

static int sio_write(StringIO *s, Value text)
{
    int seen = s->seen;
    if (s->readuniversal) {
        text = io_translate_newlines(text, s->readtranslate, &seen);
        if (IS_NULL(text)) return -1;
        s->seen = (uint8_t)seen;
    }
    const unsigned char *p = (const unsigned char *)STR_DATA(text);
    int64_t nbytes = STR_LEN(text), nchars = AS_STR(text)->nchars;
    int64_t extra = 0;
    size_t wl = s->writenl ? strlen(s->writenl) : 0;
    if (wl > 1) for (int64_t i = 0; i < nbytes; i++) if (p[i] == '\n') extra++;
    int64_t total = nchars + extra;
    if (total == 0) return 0;
    if (sio_reserve(s, s->pos + total) < 0) return -1;
    if (s->pos > s->len) memset(s->buf + s->len, 0, (size_t)(s->pos - s->len) * sizeof(uint32_t));
    uint32_t *out = s->buf + s->pos;
    for (int64_t i = 0; i < nbytes;) {
        uint32_t cp;
        i += utf8_dec(p + i, &cp);
        if (cp == '\n' && s->writenl) {
            for (size_t k = 0; k < wl; k++) *out++ = (uint32_t)(unsigned char)s->writenl[k];
            continue;
        }
        *out++ = cp;
    }
    s->pos += total;
    if (s->pos > s->len) s->len = s->pos;
    return 0;
}

static Value sio_new_m(Value *args, int nargs, Value kwnames)
{
    Obj *o = io_alloc(AS_TYPE(args[0]), &type_stringio);
    if (!o) return VAL_NULL;
    ((StringIO *)o)->readnl = VAL_NONE;
    return MK_OBJ(o);
}

static int sio_set_newline(StringIO *s, Value nl)
{
    if (!IS_NULL(nl) && !IS_NONE(nl) && !IS_STR(nl)) {
        err_format(&exc_TypeError, "newline must be str or None, not %T", nl);
        return -1;
    }
    const char *p = IS_NULL(nl) ? "\n" : IS_STR(nl) ? STR_DATA(nl) : NULL;
    if (p && *p && strcmp(p, "\n") && strcmp(p, "\r") && strcmp(p, "\r\n")) {
        err_format(&exc_ValueError, "illegal newline value: %R", nl);
        return -1;
    }
    s->readuniversal = !p || !*p;
    s->readtranslate = !p;
    s->readnl = IS_NULL(nl) ? str_intern_c("\n") : nl;
    s->writenl = p && *p && strcmp(p, "\n") ? (!strcmp(p, "\r") ? "\r" : "\r\n") : NULL;
    return 0;
}

static Value sio_init_m(Value *args, int nargs, Value kwnames)
{
    StringIO *s = SELF;
    Value init = args[1];
    if (!IS_NULL(init) && !IS_NONE(init) && !IS_STR(init))
        return err_format(&exc_TypeError, "initial_value must be str or None, not %T", init);
    s->ok = 0;
    if (sio_set_newline(s, args[2]) < 0) return VAL_NULL;
    s->len = s->pos = 0;
    s->seen = 0;
    s->closed = 0;
    s->ok = 1;
    if (IS_STR(init) && STR_LEN(init) > 0) {
        if (sio_write(s, init) < 0) return VAL_NULL;
        s->pos = 0;
    }
    return VAL_NONE;
}

static Value sio_getvalue_m(Value *args, int nargs, Value kwnames)
{
    if (sio_check(SELF) < 0) return VAL_NULL;
    return sio_slice(SELF, 0, SELF->len);
}

static Value sio_read_m(Value *args, int nargs, Value kwnames)
{
    StringIO *s = SELF;
    int64_t n;
    if (sio_check(s) < 0 || arg_to_optional_ssize(args[1], &n) < 0) return VAL_NULL;
    int64_t avail = s->len > s->pos ? s->len - s->pos : 0;
    if (n < 0 || n > avail) n = avail;
    Value r = sio_slice(s, s->pos, s->pos + n);
    if (!IS_NULL(r)) s->pos += n;
    return r;
}

/* Length of the line at pos (its end included), at most limit characters. */
static int64_t sio_line_len(StringIO *s, int64_t limit)
{
    int64_t start = s->pos, end = s->len > start ? s->len : start;
    if (limit >= 0 && start + limit < end) end = start + limit;
    const char *nl = IS_STR(s->readnl) ? STR_DATA(s->readnl) : NULL;
    for (int64_t i = start; i < end; i++) {
        uint32_t c = s->buf[i];
        if (s->readtranslate || (nl && !strcmp(nl, "\n"))) {
            if (c == '\n') return i + 1 - start;
        } else if (s->readuniversal) {
            if (c == '\n') return i + 1 - start;
            if (c == '\r') return (i + 1 < end && s->buf[i + 1] == '\n' ? i + 2 : i + 1) - start;
        } else if (nl[1] == 0) {
            if (c == (uint32_t)nl[0]) return i + 1 - start;
        } else if (c == '\r' && i + 1 < end && s->buf[i + 1] == '\n') {
            return i + 2 - start;
        }
    }
    return end - start;
}

static Value sio_readline_n(StringIO *s, int64_t limit)
{
    int64_t n = sio_line_len(s, limit);
    Value r = sio_slice(s, s->pos, s->pos + n);
    if (!IS_NULL(r)) s->pos += n;
    return r;
}

static Value sio_readline_m(Value *args, int nargs, Value kwnames)
{
    int64_t limit;
    if (sio_check(SELF) < 0 || arg_to_optional_ssize(args[1], &limit) < 0) return VAL_NULL;
    return sio_readline_n(SELF, limit);
}

static Value sio_next_m(Value *args, int nargs, Value kwnames)
{
    StringIO *s = SELF;
    Value line;
    if (AS_OBJ(args[0])->type == &type_stringio) {
        if (sio_check(s) < 0) return VAL_NULL;
        line = sio_readline_n(s, -1);
    } else {
        line = obj_call_method(args[0], "readline", NULL, 0);
        if (!IS_NULL(line) && !IS_STR(line))
            return err_format(&exc_OSError, "readline() should have returned a str object, not '%T'", line);
    }
    if (IS_NULL(line)) return VAL_NULL;
    return STR_LEN(line) ? line : VAL_NULL;
}

static Value sio_write_m(Value *args, int nargs, Value kwnames)
{
    StringIO *s = SELF;
    if (!s->ok) return err_format(&exc_ValueError, "I/O operation on uninitialized object");
    if (!IS_STR(args[1])) return err_format(&exc_TypeError, "string argument expected, got '%T'", args[1]);
    if (sio_check(s) < 0) return VAL_NULL;
    int64_t n = AS_STR(args[1])->nchars;
    if (sio_write(s, args[1]) < 0) return VAL_NULL;
    return int_from_i64(n);
}

static Value sio_seek_m(Value *args, int nargs, Value kwnames)
{
    StringIO *s = SELF;
    int64_t pos;
    int whence = 0;
    if (arg_to_ssize(args[1], &pos) < 0) return VAL_NULL;
    if (!IS_NULL(args[2]) && arg_to_cint(args[2], &whence) < 0) return VAL_NULL;
    if (sio_check(s) < 0) return VAL_NULL;
    if (whence != 0 && whence != 1 && whence != 2)
        return err_format(&exc_ValueError, "Invalid whence (%d, should be 0, 1 or 2)", whence);
    if (pos < 0 && whence == 0) return err_format(&exc_ValueError, "Negative seek position %lld", (long long)pos);
    if (whence != 0 && pos != 0) return err_format(&exc_OSError, "Can't do nonzero cur-relative seeks");
    if (whence == 1) pos = s->pos;
    else if (whence == 2) pos = s->len;
    s->pos = pos;
    return int_from_i64(pos);
}

static Value sio_tell_m(Value *args, int nargs, Value kwnames)
{
    if (sio_check(SELF) < 0) return VAL_NULL;
    return int_from_i64(SELF->pos);
}

static Value sio_truncate_m(Value *args, int nargs, Value kwnames)
{
    StringIO *s = SELF;
    if (sio_check(s) < 0) return VAL_NULL;
    int64_t size = s->pos;
    if (!IS_NULL(args[1]) && !IS_NONE(args[1])) {
        if (arg_to_optional_ssize(args[1], &size) < 0) return VAL_NULL;
        if (size < 0) return err_format(&exc_ValueError, "Negative size value %lld", (long long)size);
    }
    if (size < s->len) s->len = size;
    return int_from_i64(size);
}

static Value sio_close_m(Value *args, int nargs, Value kwnames)
{
    StringIO *s = SELF;
    s->closed = 1;
    free(s->buf);
    s->buf = NULL;
    s->len = s->cap = 0;
    return VAL_NONE;
}

static Value sio_true_m(Value *args, int nargs, Value kwnames)
{
    return sio_check(SELF) < 0 ? VAL_NULL : VAL_TRUE;
}

static Value sio_getstate_m(Value *args, int nargs, Value kwnames)
{
    StringIO *s = SELF;
    if (sio_check(s) < 0) return VAL_NULL;
    Value v = sio_slice(s, 0, s->len);
    if (IS_NULL(v)) return VAL_NULL;
    Value d = IS_DICT(s->base.dict) ? call1(MK_OBJ(&type_dict), s->base.dict) : VAL_NONE;
    if (IS_NULL(d)) return VAL_NULL;
    Value nl = s->readtranslate ? VAL_NONE : s->readnl;
    return tuple_pack(4, v, nl, int_from_i64(s->pos), d);
}

static Value sio_setstate_m(Value *args, int nargs, Value kwnames)
{
    StringIO *s = SELF;
    Value st = args[1];
    if (s->closed) return err_format(&exc_ValueError, "I/O operation on closed file");
    if (!IS_TUPLE(st) || AS_TUPLE(st)->len < 4)
        return err_format(&exc_TypeError, "%s.__setstate__ argument should be 4-tuple, got %T",
                          type_name(AS_OBJ(args[0])->type), st);
    Value *it = AS_TUPLE(st)->items;
    Value a[3] = {args[0], VAL_NONE, it[1]};
    if (IS_NULL(sio_init_m(a, 3, VAL_NULL))) return VAL_NULL;
    if (!IS_STR(it[0])) return err_format(&exc_TypeError, "initial_value must be str or None, not %T", it[0]);
    /* the value is stored as is, without newline translation */
    const char *w = s->writenl;
    int ru = s->readuniversal;
    s->writenl = NULL;
    s->readuniversal = 0;
    int r = sio_write(s, it[0]);
    s->writenl = w;
    s->readuniversal = (uint8_t)ru;
    if (r < 0) return VAL_NULL;
    if (!IS_INT(it[2])) return err_format(&exc_TypeError, "third item of state must be an integer, got %T", it[2]);
    int64_t pos;
    if (arg_to_ssize(it[2], &pos) < 0) return VAL_NULL;
    if (pos < 0) return err_format(&exc_ValueError, "position value cannot be negative");
    s->pos = pos;
    if (!IS_NONE(it[3])) {
        if (!IS_DICT(it[3])) return err_format(&exc_TypeError, "fourth item of state should be a dict, got a %T", it[3]);
        if (!IS_DICT(s->base.dict)) s->base.dict = dict_new();
        if (IS_NULL(obj_call_method(s->base.dict, "update", &it[3], 1))) return VAL_NULL;
    }
    return VAL_NONE;
}

static Value sio_closed_get(Value self)
{
    StringIO *s = (StringIO *)AS_OBJ(self);
    if (!s->ok) return err_format(&exc_ValueError, "I/O operation on uninitialized object");
    return MK_BOOL(s->closed);
}

static Value sio_newlines_get(Value self)
{
    StringIO *s = (StringIO *)AS_OBJ(self);
    if (sio_check(s) < 0) return VAL_NULL;
    return s->readuniversal ? io_newlines_value(s->seen) : VAL_NONE;
}

static Value sio_false_get(Value self)
{
    if (sio_check((StringIO *)AS_OBJ(self)) < 0) return VAL_NULL;
    return VAL_FALSE;
}

static const MethodDef sio_methods[] = {
    {"__new__", sio_new_m, METH_STATIC, NULL},
    {"__init__", sio_init_m, ARGS_KW, NULL, "StringIO($self, /, initial_value='', newline='\\n')"},
    {"getvalue", sio_getvalue_m, ARGS_NONE, NULL},
    {"read", sio_read_m, ARGS_POS(0, 1), NULL},
    {"readline", sio_readline_m, ARGS_POS(0, 1), NULL},
    {"write", sio_write_m, ARGS_ONE, NULL},
    {"seek", sio_seek_m, ARGS_POS(1, 2), NULL},
    {"tell", sio_tell_m, ARGS_NONE, NULL},
    {"truncate", sio_truncate_m, ARGS_POS(0, 1), NULL},
    {"close", sio_close_m, ARGS_NONE, NULL},
    {"readable", sio_true_m, ARGS_NONE, NULL},
    {"writable", sio_true_m, ARGS_NONE, NULL},
    {"seekable", sio_true_m, ARGS_NONE, NULL},
    {"__next__", sio_next_m, ARGS_WRAP(0), NULL},
    {"__getstate__", sio_getstate_m, ARGS_NONE, NULL},
    {"__setstate__", sio_setstate_m, ARGS_ONE, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef sio_getsets[] = {
    {"closed", sio_closed_get, NULL, NULL},
    {"newlines", sio_newlines_get, NULL, NULL},
    {"line_buffering", sio_false_get, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static void sio_trace(Obj *o) { gc_mark_value(((StringIO *)o)->readnl); }

static void sio_finalize(Obj *o)
{
    StringIO *s = (StringIO *)o;
    free(s->buf);
    s->buf = NULL;
}

Type type_stringio = {
    .tp_name = "_io.StringIO", .base = &type_textiobase,
    .flags = TF_BASETYPE | TF_HAS_DICT | TF_WEAKREFABLE,
    .basicsize = sizeof(StringIO), .dictoffset = offsetof(IOBase, dict),
    .trace = sio_trace, .finalize = sio_finalize, .methods = sio_methods, .getsets = sio_getsets,
};
GILPY_TYPE(type_stringio, NULL);

/* ---- IncrementalNewlineDecoder ---------------------------------------------------------- */

typedef struct NLDecoder {
    Obj     header;
    Value   decoder;        /* None, or an incremental decoder giving str */
    Value   errors;
    uint8_t ok, translate, pendingcr, seen;
} NLDecoder;

#define NLD ((NLDecoder *)AS_OBJ(args[0]))

static int nld_check(NLDecoder *d)
{
    if (d->ok) return 0;
    err_format(&exc_ValueError, "IncrementalNewlineDecoder.__init__() not called");
    return -1;
}

static Value nld_new_m(Value *args, int nargs, Value kwnames)
{
    Obj *o = obj_new_instance(AS_TYPE(args[0]));
    if (!o) return VAL_NULL;
    ((NLDecoder *)o)->decoder = ((NLDecoder *)o)->errors = VAL_NONE;
    return MK_OBJ(o);
}

static Value nld_init_m(Value *args, int nargs, Value kwnames)
{
    NLDecoder *d = NLD;
    int tr = obj_truthy(args[2]);
    if (tr < 0) return VAL_NULL;
    d->decoder = args[1];
    d->errors = IS_NULL(args[3]) ? str_intern_c("strict") : args[3];
    d->translate = (uint8_t)tr;
    d->pendingcr = 0;
    d->seen = 0;
    d->ok = 1;
    return VAL_NONE;
}

static Value nld_decode_m(Value *args, int nargs, Value kwnames)
{
    NLDecoder *d = NLD;
    if (nld_check(d) < 0) return VAL_NULL;
    int final = 0;
    if (!IS_NULL(args[2])) {
        final = obj_truthy(args[2]);
        if (final < 0) return VAL_NULL;
    }
    Value out = args[1];
    if (!IS_NONE(d->decoder)) {
        Value a[2] = {args[1], MK_BOOL(final)};
        out = obj_call_method(d->decoder, "decode", a, 2);
        if (IS_NULL(out)) return VAL_NULL;
    }
    if (!IS_STR(out))
        return err_format(&exc_TypeError, "decoder should return a string result, not '%T'", out);
    if (d->pendingcr && (final || STR_LEN(out) > 0)) {
        out = str_concat(str_intern_c("\r"), out);
        if (IS_NULL(out)) return VAL_NULL;
        d->pendingcr = 0;
    }
    if (!final && STR_LEN(out) > 0 && STR_DATA(out)[STR_LEN(out) - 1] == '\r') {
        out = str_new(STR_DATA(out), (size_t)STR_LEN(out) - 1);
        if (IS_NULL(out)) return VAL_NULL;
        d->pendingcr = 1;
    }
    int seen = d->seen;
    out = io_translate_newlines(out, d->translate, &seen);
    d->seen = (uint8_t)seen;
    return out;
}

static Value nld_getstate_m(Value *args, int nargs, Value kwnames)
{
    NLDecoder *d = NLD;
    if (nld_check(d) < 0) return VAL_NULL;
    Value buf = bytes_new("", 0);
    int64_t flag = 0;
    if (!IS_NONE(d->decoder)) {
        Value st = obj_call_method(d->decoder, "getstate", NULL, 0);
        if (IS_NULL(st)) return VAL_NULL;
        if (!IS_TUPLE(st) || AS_TUPLE(st)->len != 2)
            return err_format(&exc_TypeError, "illegal decoder state");
        buf = AS_TUPLE(st)->items[0];
        if (arg_to_ssize(AS_TUPLE(st)->items[1], &flag) < 0) return VAL_NULL;
    }
    flag = (flag << 1) | d->pendingcr;
    return tuple_pack(2, buf, int_from_i64(flag));
}

static Value nld_setstate_m(Value *args, int nargs, Value kwnames)
{
    NLDecoder *d = NLD;
    if (nld_check(d) < 0) return VAL_NULL;
    Value st = args[1];
    if (!IS_TUPLE(st) || AS_TUPLE(st)->len != 2) return err_format(&exc_TypeError, "state argument must be a tuple");
    int64_t flag;
    if (arg_to_ssize(AS_TUPLE(st)->items[1], &flag) < 0) return VAL_NULL;
    d->pendingcr = (uint8_t)(flag & 1);
    if (!IS_NONE(d->decoder)) {
        Value ns = tuple_pack(2, AS_TUPLE(st)->items[0], int_from_i64(flag >> 1));
        if (IS_NULL(ns) || IS_NULL(obj_call_method(d->decoder, "setstate", &ns, 1))) return VAL_NULL;
    }
    return VAL_NONE;
}

static Value nld_reset_m(Value *args, int nargs, Value kwnames)
{
    NLDecoder *d = NLD;
    if (nld_check(d) < 0) return VAL_NULL;
    d->seen = 0;
    d->pendingcr = 0;
    if (!IS_NONE(d->decoder)) return obj_call_method(d->decoder, "reset", NULL, 0);
    return VAL_NONE;
}

static Value nld_newlines_get(Value self)
{
    NLDecoder *d = (NLDecoder *)AS_OBJ(self);
    if (!d->ok) return err_format(&exc_ValueError, "IncrementalNewlineDecoder.__init__() not called");
    return io_newlines_value(d->seen);
}

static const MethodDef nld_methods[] = {
    {"__new__", nld_new_m, METH_STATIC, NULL},
    {"__init__", nld_init_m, ARGS_KW, NULL, "IncrementalNewlineDecoder($self, /, decoder, translate, errors='strict')"},
    {"decode", nld_decode_m, ARGS_KW, NULL, "($self, /, input, final=False)"},
    {"getstate", nld_getstate_m, ARGS_NONE, NULL},
    {"setstate", nld_setstate_m, ARGS_ONE, NULL},
    {"reset", nld_reset_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef nld_getsets[] = {
    {"newlines", nld_newlines_get, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static void nld_trace(Obj *o)
{
    gc_mark_value(((NLDecoder *)o)->decoder);
    gc_mark_value(((NLDecoder *)o)->errors);
}

Type type_nldecoder = {
    .tp_name = "_io.IncrementalNewlineDecoder", .base = &type_object, .flags = TF_BASETYPE,
    .basicsize = sizeof(NLDecoder), .trace = nld_trace, .methods = nld_methods, .getsets = nld_getsets,
};
GILPY_TYPE(type_nldecoder, NULL);
