/* io_bytesio.c - _io.BytesIO: a binary stream over a growable C buffer.
 *
 * The bytes live in a malloc'd buffer [0, len) with the position anywhere
 * (writing past the end fills the gap with zeros).  getbuffer() exports that
 * memory in place through a small exporter object (_io._BytesIOBuffer) whose
 * memoryview keeps the BytesIO alive; while any export is held the buffer
 * must not move, so every resizing operation refuses with CPython's
 * BufferError.
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
#include "obj_memoryview.h"
#include "obj_str.h"
#include "obj_type.h"

typedef struct BytesIO {
    IOBase  base;
    char   *buf;
    int64_t len, cap, pos;
    int64_t exports;
    uint8_t closed;
} BytesIO;

typedef struct BytesIOBuf {
    Obj   header;
    Value source;          /* the BytesIO */
} BytesIOBuf;

#define SELF ((BytesIO *)AS_OBJ(args[0]))

static int bio_check_closed(BytesIO *b)
{
    if (b->closed) { io_closed_error(); return -1; }
    return 0;
}

static int bio_check_exports(BytesIO *b)
{
    if (b->exports > 0) memoryview_release_dropped();   /* views nothing can reach any more */
    if (b->exports > 0) {
        err_format(&exc_BufferError, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    return 0;
}

static int bio_reserve(BytesIO *b, int64_t need)
{
    if (need <= b->cap) return 0;
    int64_t cap = b->cap ? b->cap : 64;
    while (cap < need) cap = cap + (cap >> 1) + 16;
    char *nb = gc_sys_realloc(b->buf, (size_t)cap);
    if (!nb) { err_no_memory(); return -1; }
    b->buf = nb;
    b->cap = cap;
    return 0;
}

static int bio_write(BytesIO *b, const uint8_t *data, int64_t n)
{
    if (n == 0) return 0;
    if (bio_reserve(b, b->pos + n) < 0) return -1;
    if (b->pos > b->len) memset(b->buf + b->len, 0, (size_t)(b->pos - b->len));
    memmove(b->buf + b->pos, data, (size_t)n);
    b->pos += n;
    if (b->pos > b->len) b->len = b->pos;
    return 0;
}

static Value bio_take(BytesIO *b, int64_t n)
{
    int64_t avail = b->len > b->pos ? b->len - b->pos : 0;
    if (n < 0 || n > avail) n = avail;
    Value v = bytes_new(b->buf ? b->buf + b->pos : "", (size_t)n);
    if (!IS_NULL(v)) b->pos += n;
    return v;
}

/* ---- construction ---------------------------------------------------------------------- */

static Value bio_new_m(Value *args, int nargs, Value kwnames)
{
    Obj *o = io_alloc(AS_TYPE(args[0]), &type_bytesio);
    return o ? MK_OBJ(o) : VAL_NULL;
}

static Value bio_init_m(Value *args, int nargs, Value kwnames)
{
    BytesIO *b = SELF;
    if (bio_check_exports(b) < 0) return VAL_NULL;
    b->len = b->pos = 0;
    b->closed = 0;
    Value init = args[1];
    if (!IS_NULL(init) && !IS_NONE(init)) {
        const uint8_t *data;
        int64_t n;
        if (io_bytes_arg(init, &data, &n) < 0) return VAL_NULL;
        if (bio_write(b, data, n) < 0) return VAL_NULL;
        b->pos = 0;
    }
    return VAL_NONE;
}

/* ---- reading ------------------------------------------------------------------------- */

static Value bio_read_m(Value *args, int nargs, Value kwnames)
{
    int64_t n;
    if (arg_to_optional_ssize(args[1], &n) < 0) return VAL_NULL;
    if (bio_check_closed(SELF) < 0) return VAL_NULL;
    return bio_take(SELF, n);
}

static int64_t bio_line_len(BytesIO *b, int64_t limit)
{
    if (b->pos >= b->len) return 0;
    int64_t avail = b->len - b->pos;
    if (limit >= 0 && limit < avail) avail = limit;
    const char *nl = memchr(b->buf + b->pos, '\n', (size_t)avail);
    return nl ? (int64_t)(nl - (b->buf + b->pos)) + 1 : avail;
}

static Value bio_readline_m(Value *args, int nargs, Value kwnames)
{
    int64_t limit;
    if (arg_to_optional_ssize(args[1], &limit) < 0) return VAL_NULL;
    if (bio_check_closed(SELF) < 0) return VAL_NULL;
    return bio_take(SELF, bio_line_len(SELF, limit));
}

static Value bio_readlines_m(Value *args, int nargs, Value kwnames)
{
    BytesIO *b = SELF;
    int64_t hint;
    if (arg_to_optional_ssize(args[1], &hint) < 0) return VAL_NULL;
    if (bio_check_closed(b) < 0) return VAL_NULL;
    Value out = list_new(0);
    int64_t total = 0;
    while (!IS_NULL(out)) {
        int64_t n = bio_line_len(b, -1);
        if (n == 0) break;
        Value line = bio_take(b, n);
        if (IS_NULL(line) || list_append(out, line) < 0) return VAL_NULL;
        total += n;
        if (hint > 0 && total >= hint) break;
    }
    return out;
}

static Value bio_next_m(Value *args, int nargs, Value kwnames)
{
    BytesIO *b = SELF;
    if (AS_OBJ(args[0])->type != &type_bytesio) {
        Value line = obj_call_method(args[0], "readline", NULL, 0);
        if (IS_NULL(line)) return VAL_NULL;
        if (!IS_BYTES(line))
            return err_format(&exc_OSError, "readline() should have returned a bytes object, not '%T'", line);
        return AS_BYTES(line)->len ? line : VAL_NULL;
    }
    if (bio_check_closed(b) < 0) return VAL_NULL;
    int64_t n = bio_line_len(b, -1);
    return n ? bio_take(b, n) : VAL_NULL;
}

static Value bio_readinto_m(Value *args, int nargs, Value kwnames)
{
    BytesIO *b = SELF;
    if (bio_check_closed(b) < 0) return VAL_NULL;
    Buffer view;
    if (buffer_get(args[1], &view, BUF_WRITABLE) < 0) {
        err_clear();
        return err_format(&exc_TypeError, "readinto() argument must be read-write bytes-like object, not %T",
                          args[1]);
    }
    int64_t avail = b->len > b->pos ? b->len - b->pos : 0;
    int64_t n = view.len < avail ? view.len : avail;
    if (n > 0) memcpy(view.buf, b->buf + b->pos, (size_t)n);
    b->pos += n;
    buffer_release(&view);
    return int_from_i64(n);
}

static Value bio_getvalue_m(Value *args, int nargs, Value kwnames)
{
    BytesIO *b = SELF;
    if (bio_check_closed(b) < 0) return VAL_NULL;
    return bytes_new(b->buf ? b->buf : "", (size_t)b->len);
}

/* ---- writing ------------------------------------------------------------------------- */

static Value bio_write_m(Value *args, int nargs, Value kwnames)
{
    BytesIO *b = SELF;
    if (bio_check_closed(b) < 0 || bio_check_exports(b) < 0) return VAL_NULL;
    const uint8_t *data;
    int64_t n;
    if (io_bytes_arg(args[1], &data, &n) < 0) return VAL_NULL;
    if (bio_write(b, data, n) < 0) return VAL_NULL;
    return int_from_i64(n);
}

static Value bio_writelines_m(Value *args, int nargs, Value kwnames)
{
    if (bio_check_closed(SELF) < 0) return VAL_NULL;
    Value it = obj_iter(args[1]);
    if (IS_NULL(it)) return VAL_NULL;
    for (;;) {
        Value line = obj_next(it);
        if (IS_NULL(line)) return err_occurred() ? VAL_NULL : VAL_NONE;
        Value a[2] = {args[0], line};
        if (IS_NULL(bio_write_m(a, 2, VAL_NULL))) return VAL_NULL;
    }
}

static Value bio_seek_m(Value *args, int nargs, Value kwnames)
{
    BytesIO *b = SELF;
    int64_t pos;
    int whence = 0;
    if (arg_to_ssize(args[1], &pos) < 0) return VAL_NULL;
    if (!IS_NULL(args[2]) && arg_to_cint(args[2], &whence) < 0) return VAL_NULL;
    if (bio_check_closed(b) < 0) return VAL_NULL;
    if (pos < 0 && whence == 0) return err_format(&exc_ValueError, "negative seek value %lld", (long long)pos);
    if (whence == 1) pos += b->pos;
    else if (whence == 2) pos += b->len;
    else if (whence != 0)
        return err_format(&exc_ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence);
    if (pos < 0) pos = 0;
    b->pos = pos;
    return int_from_i64(pos);
}

static Value bio_tell_m(Value *args, int nargs, Value kwnames)
{
    if (bio_check_closed(SELF) < 0) return VAL_NULL;
    return int_from_i64(SELF->pos);
}

static Value bio_truncate_m(Value *args, int nargs, Value kwnames)
{
    BytesIO *b = SELF;
    if (bio_check_closed(b) < 0 || bio_check_exports(b) < 0) return VAL_NULL;
    int64_t size = b->pos;
    if (!IS_NULL(args[1]) && !IS_NONE(args[1])) {
        if (arg_to_optional_ssize(args[1], &size) < 0) return VAL_NULL;
        if (size < 0) return err_format(&exc_ValueError, "negative size value %lld", (long long)size);
    }
    if (size < b->len) b->len = size;
    return int_from_i64(size);
}

/* ---- state ------------------------------------------------------------------------- */

static Value bio_close_m(Value *args, int nargs, Value kwnames)
{
    BytesIO *b = SELF;
    if (bio_check_exports(b) < 0) return VAL_NULL;
    b->closed = 1;
    free(b->buf);
    b->buf = NULL;
    b->len = b->cap = 0;
    return VAL_NONE;
}

static Value bio_flush_m(Value *args, int nargs, Value kwnames)
{
    return bio_check_closed(SELF) < 0 ? VAL_NULL : VAL_NONE;
}

static Value bio_true_m(Value *args, int nargs, Value kwnames)
{
    return bio_check_closed(SELF) < 0 ? VAL_NULL : VAL_TRUE;
}

static Value bio_isatty_m(Value *args, int nargs, Value kwnames)
{
    return bio_check_closed(SELF) < 0 ? VAL_NULL : VAL_FALSE;
}

static Value bio_iter_m(Value *args, int nargs, Value kwnames)
{
    if (AS_OBJ(args[0])->type == &type_bytesio) return bio_check_closed(SELF) < 0 ? VAL_NULL : args[0];
    return io_check_closed(args[0]) < 0 ? VAL_NULL : args[0];
}

static Value bio_closed_get(Value self) { return MK_BOOL(((BytesIO *)AS_OBJ(self))->closed); }

static Value bio_getstate_m(Value *args, int nargs, Value kwnames)
{
    BytesIO *b = SELF;
    Value v = bio_getvalue_m(args, 1, VAL_NULL);
    if (IS_NULL(v)) return VAL_NULL;
    Value d = IS_DICT(b->base.dict) ? call1(MK_OBJ(&type_dict), b->base.dict) : VAL_NONE;
    if (IS_NULL(d)) return VAL_NULL;
    return tuple_pack(3, v, int_from_i64(b->pos), d);
}

static Value bio_setstate_m(Value *args, int nargs, Value kwnames)
{
    BytesIO *b = SELF;
    Value st = args[1];
    if (!IS_TUPLE(st) || AS_TUPLE(st)->len < 3)
        return err_format(&exc_TypeError, "%s.__setstate__ argument should be 3-tuple, got %T",
                          type_name(AS_OBJ(args[0])->type), st);
    Value *it = AS_TUPLE(st)->items;
    if (bio_check_closed(b) < 0 || bio_check_exports(b) < 0) return VAL_NULL;
    const uint8_t *data;
    int64_t n, pos;
    if (io_bytes_arg(it[0], &data, &n) < 0) return VAL_NULL;
    b->len = b->pos = 0;
    if (bio_write(b, data, n) < 0) return VAL_NULL;
    if (!IS_INT(it[1]))
        return err_format(&exc_TypeError, "second item of state must be an integer, not %T", it[1]);
    if (arg_to_ssize(it[1], &pos) < 0) return VAL_NULL;
    if (pos < 0) return err_format(&exc_ValueError, "position value cannot be negative");
    b->pos = pos;
    if (!IS_NONE(it[2])) {
        if (!IS_DICT(it[2]))
            return err_format(&exc_TypeError, "third item of state should be a dict, got a %T", it[2]);
        if (!IS_DICT(b->base.dict)) b->base.dict = dict_new();
        if (IS_NULL(obj_call_method(b->base.dict, "update", &it[2], 1))) return VAL_NULL;
    }
    return VAL_NONE;
}

static Value bio_sizeof_m(Value *args, int nargs, Value kwnames)
{
    return int_from_i64((int64_t)sizeof(BytesIO) + SELF->cap);
}

/* ---- getbuffer ---------------------------------------------------------------------- */

/* The view's exporter is the BytesIO itself (its type has releasebuffer
 * but no getbuffer: it is not bytes-like), so that a view the collector
 * finds dropped gives its export back to the BytesIO that outlives it. */
static int biobuf_getbuffer(Value obj, Buffer *view, int flags)
{
    Value source = ((BytesIOBuf *)AS_OBJ(obj))->source;
    BytesIO *b = (BytesIO *)AS_OBJ(source);
    (void)flags;
    if (bio_reserve(b, b->len > 0 ? b->len : 1) < 0) return -1;
    buffer_fill(view, source, b->buf, b->len, 0);
    b->exports++;
    return 0;
}

static void bio_releasebuffer(Value obj, Buffer *view)
{
    (void)view;
    BytesIO *b = (BytesIO *)AS_OBJ(obj);
    if (b->exports > 0) b->exports--;
}

static void biobuf_trace(Obj *o) { gc_mark_value(((BytesIOBuf *)o)->source); }

static Type type_bytesiobuf = {
    .tp_name = "_io._BytesIOBuffer", .base = &type_object, .basicsize = sizeof(BytesIOBuf),
    .trace = biobuf_trace, .getbuffer = biobuf_getbuffer,
};
GILPY_TYPE(type_bytesiobuf, NULL);

static Value bio_getbuffer_m(Value *args, int nargs, Value kwnames)
{
    if (bio_check_closed(SELF) < 0) return VAL_NULL;
    BytesIOBuf *e = (BytesIOBuf *)gc_alloc(&type_bytesiobuf, sizeof(BytesIOBuf));
    if (!e) return VAL_NULL;
    e->source = args[0];
    return call1(MK_OBJ(&type_memoryview), MK_OBJ(e));
}

/* ---- the type ----------------------------------------------------------------------- */

static const MethodDef bio_methods[] = {
    {"__new__", bio_new_m, METH_STATIC, NULL},
    {"__init__", bio_init_m, ARGS_KW, NULL, "BytesIO($self, /, initial_bytes=b'')"},
    {"getvalue", bio_getvalue_m, ARGS_NONE, NULL},
    {"getbuffer", bio_getbuffer_m, ARGS_NONE, NULL},
    {"read", bio_read_m, ARGS_POS(0, 1), NULL},
    {"read1", bio_read_m, ARGS_POS(0, 1), NULL},
    {"readline", bio_readline_m, ARGS_POS(0, 1), NULL},
    {"readlines", bio_readlines_m, ARGS_POS(0, 1), NULL},
    {"readinto", bio_readinto_m, ARGS_ONE, NULL},
    {"readinto1", bio_readinto_m, ARGS_ONE, NULL},
    {"write", bio_write_m, ARGS_ONE, NULL},
    {"writelines", bio_writelines_m, ARGS_ONE, NULL},
    {"seek", bio_seek_m, ARGS_POS(1, 2), NULL},
    {"tell", bio_tell_m, ARGS_NONE, NULL},
    {"truncate", bio_truncate_m, ARGS_POS(0, 1), NULL},
    {"close", bio_close_m, ARGS_NONE, NULL},
    {"flush", bio_flush_m, ARGS_NONE, NULL},
    {"isatty", bio_isatty_m, ARGS_NONE, NULL},
    {"readable", bio_true_m, ARGS_NONE, NULL},
    {"writable", bio_true_m, ARGS_NONE, NULL},
    {"seekable", bio_true_m, ARGS_NONE, NULL},
    {"__iter__", bio_iter_m, ARGS_WRAP(0), NULL},
    {"__next__", bio_next_m, ARGS_WRAP(0), NULL},
    {"__getstate__", bio_getstate_m, ARGS_NONE, NULL},
    {"__setstate__", bio_setstate_m, ARGS_ONE, NULL},
    {"__sizeof__", bio_sizeof_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef bio_getsets[] = {
    {"closed", bio_closed_get, NULL, "True if the file is closed."},
    {NULL, NULL, NULL, NULL},
};

static void bio_finalize(Obj *o)
{
    BytesIO *b = (BytesIO *)o;
    free(b->buf);
    b->buf = NULL;
}

Type type_bytesio = {
    .tp_name = "_io.BytesIO", .base = &type_bufferediobase,
    .flags = TF_BASETYPE | TF_HAS_DICT | TF_WEAKREFABLE,
    .basicsize = sizeof(BytesIO), .dictoffset = offsetof(IOBase, dict),
    .finalize = bio_finalize, .methods = bio_methods, .getsets = bio_getsets,
    .releasebuffer = bio_releasebuffer,
};
GILPY_TYPE(type_bytesio, NULL);
