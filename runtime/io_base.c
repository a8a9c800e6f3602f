/* io_base.c - _io._IOBase, _RawIOBase, _BufferedIOBase, _TextIOBase and
 * io.UnsupportedOperation.
 *
 * These are the generic methods every stream inherits, written against the
 * stream's own methods (`self.closed`, `self.readline()`, `self.read()`), as
 * CPython's iobase.c: a subclass from Python that defines readinto() gets
 * read() and readall(); one that defines read() gets readinto() and
 * iteration.  The C streams override the hot ones.
 *
 * _IOBase keeps its closed state in a C flag of the IOBase header (CPython's
 * __IOBase_closed attribute).  Its __del__ is the finalizer of every stream:
 * a stream that becomes unreachable open is closed (and so flushed), its
 * errors ignored, as CPython's iobase_finalize does outside development mode.
 */
#include <string.h>

#include "io.h"
#include "call.h"
#include "error.h"
#include "gc.h"
#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_memoryview.h"
#include "obj_str.h"
#include "obj_type.h"

static Value io_unsupported_cls;

Value io_unsupported_class(void)
{
    if (IS_OBJ(io_unsupported_cls)) return io_unsupported_cls;
    Value d = dict_new();
    if (IS_NULL(d) || dict_set_c(d, "__module__", str_from_c("io")) < 0) return VAL_NULL;
    Value bases = tuple_pack(2, MK_OBJ(&exc_OSError), MK_OBJ(&exc_ValueError));
    if (IS_NULL(bases)) return VAL_NULL;
    Value cls = type_new_class(&type_type, str_from_c("UnsupportedOperation"), bases, d, VAL_NULL);
    if (IS_NULL(cls)) return VAL_NULL;
    io_unsupported_cls = cls;
    gc_add_root(&io_unsupported_cls);
    return cls;
}

Value io_unsupported(const char *msg)
{
    Value cls = io_unsupported_class();
    if (IS_NULL(cls)) return VAL_NULL;
    return err_format(AS_TYPE(cls), "%s", msg);
}

Value io_closed_error(void)
{
    return err_format(&exc_ValueError, "I/O operation on closed file.");
}

int io_is_closed(Value self)
{
    Value c = obj_getattr(self, str_intern_c("closed"));
    if (IS_NULL(c)) return -1;
    return obj_truthy(c);
}

int io_check_closed(Value self)
{
    int c = io_is_closed(self);
    if (c > 0) io_closed_error();
    return c ? -1 : 0;
}

Value io_close_result(Value first, Value r)
{
    if (IS_NULL(r)) {
        if (!IS_NULL(first)) {
            Value second = err_fetch();
            if (IS_EXC(second)) exc_set_context(second, first);
            err_set_obj(second);
        }
        return VAL_NULL;
    }
    if (!IS_NULL(first)) { err_set_obj(first); return VAL_NULL; }
    return VAL_NONE;
}

int io_bytes_arg(Value v, const uint8_t **data, int64_t *len)
{
    if (IS_STR(v) || !buffer_check(v)) {
        err_format(&exc_TypeError, "a bytes-like object is required, not '%T'", v);
        return -1;
    }
    return bytes_view(v, data, len);
}

Obj *io_alloc(Type *t, Type *exact)
{
    if (t != exact) return obj_new_instance(t);
    IOBase *o = (IOBase *)gc_alloc(t, t->basicsize);
    if (o) o->dict = VAL_NULL;
    return (Obj *)o;
}

#define SELF_IOB ((IOBase *)AS_OBJ(args[0]))

/* ---- _IOBase ---------------------------------------------------------------------- */

static Value iobase_seek_m(Value *args, int nargs, Value kwnames) { return io_unsupported("seek"); }
static Value iobase_truncate_m(Value *args, int nargs, Value kwnames) { return io_unsupported("truncate"); }
static Value iobase_fileno_m(Value *args, int nargs, Value kwnames) { return io_unsupported("fileno"); }

static Value iobase_tell_m(Value *args, int nargs, Value kwnames)
{
    Value a[2] = {MK_SMALLINT(0), MK_SMALLINT(1)};
    return obj_call_method(args[0], "seek", a, 2);
}

static Value iobase_flush_m(Value *args, int nargs, Value kwnames)
{
    if (SELF_IOB->ioflags & IOF_CLOSED) return io_closed_error();
    return VAL_NONE;
}

static Value iobase_close_m(Value *args, int nargs, Value kwnames)
{
    if (SELF_IOB->ioflags & IOF_CLOSED) return VAL_NONE;
    Value r = obj_call_method(args[0], "flush", NULL, 0);
    SELF_IOB->ioflags |= IOF_CLOSED;
    return IS_NULL(r) ? VAL_NULL : VAL_NONE;
}

static Value iobase_closed_get(Value self) { return MK_BOOL(((IOBase *)AS_OBJ(self))->ioflags & IOF_CLOSED); }

static Value iobase_false_m(Value *args, int nargs, Value kwnames) { return VAL_FALSE; }

static Value iobase_isatty_m(Value *args, int nargs, Value kwnames)
{
    return io_check_closed(args[0]) < 0 ? VAL_NULL : VAL_FALSE;
}

/* _checkClosed/_checkReadable/...: raise unless the stream is so. */
Value io_check_able(Value self, const char *method, const char *msg)
{
    Value r = obj_call_method(self, method, NULL, 0);
    if (IS_NULL(r)) return VAL_NULL;
    if (r != VAL_TRUE) return io_unsupported(msg);
    return VAL_TRUE;
}

static Value iobase_check_closed_m(Value *args, int nargs, Value kwnames)
{
    return io_check_closed(args[0]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value iobase_check_readable_m(Value *args, int nargs, Value kwnames)
{
    return io_check_able(args[0], "readable", "File or stream is not readable.");
}

static Value iobase_check_writable_m(Value *args, int nargs, Value kwnames)
{
    return io_check_able(args[0], "writable", "File or stream is not writable.");
}

static Value iobase_check_seekable_m(Value *args, int nargs, Value kwnames)
{
    return io_check_able(args[0], "seekable", "File or stream is not seekable.");
}

static Value iobase_enter_m(Value *args, int nargs, Value kwnames)
{
    return io_check_closed(args[0]) < 0 ? VAL_NULL : args[0];
}

static Value iobase_exit_m(Value *args, int nargs, Value kwnames)
{
    return obj_call_method(args[0], "close", NULL, 0);
}

static Value iobase_iter_m(Value *args, int nargs, Value kwnames)
{
    return io_check_closed(args[0]) < 0 ? VAL_NULL : args[0];
}

static Value iobase_next_m(Value *args, int nargs, Value kwnames)
{
    Value line = obj_call_method(args[0], "readline", NULL, 0);
    if (IS_NULL(line)) return VAL_NULL;
    int64_t n = obj_len(line);
    if (n < 0) return VAL_NULL;
    return n ? line : VAL_NULL;
}

/* readline through peek() when the stream has it (one read per line end
 * found), else read(1) byte by byte, as CPython's _io__IOBase_readline_impl. */
static Value iobase_readline(Value self, int64_t limit)
{
    Value peek = obj_getattr_opt(self, str_intern_c("peek"));
    if (IS_NULL(peek) && err_occurred()) return VAL_NULL;
    Value out = bytearray_new(NULL, 0);
    if (IS_NULL(out)) return VAL_NULL;
    while (limit < 0 || AS_BYTEARRAY(out)->len < limit) {
        int64_t nreadahead = 1;
        if (!IS_NULL(peek)) {
            Value ra = call1(peek, MK_SMALLINT(1));
            if (IS_NULL(ra)) return VAL_NULL;
            if (!IS_BYTES(ra))
                return err_format(&exc_OSError, "peek() should have returned a bytes object, not '%T'", ra);
            Bytes *rb = AS_BYTES(ra);
            if (rb->len > 0) {
                int64_t n = 0;
                while (n < rb->len && (limit < 0 || n < limit)) if (rb->data[n++] == '\n') break;
                nreadahead = n;
            }
        }
        Value b = obj_call_method(self, "read", (Value[]){MK_SMALLINT(nreadahead)}, 1);
        if (IS_NULL(b)) return VAL_NULL;
        if (IS_NONE(b)) break;
        if (!IS_BYTES(b))
            return err_format(&exc_OSError, "read() should have returned a bytes object, not '%T'", b);
        Bytes *bb = AS_BYTES(b);
        if (bb->len == 0) break;
        Value r = obj_call_method(out, "extend", &b, 1);
        if (IS_NULL(r)) return VAL_NULL;
        if (bb->data[bb->len - 1] == '\n') break;
    }
    return bytes_new(AS_BYTEARRAY(out)->data, (size_t)AS_BYTEARRAY(out)->len);
}

static Value iobase_readline_m(Value *args, int nargs, Value kwnames)
{
    int64_t limit;
    if (arg_to_optional_ssize(args[1], &limit) < 0) return VAL_NULL;
    return iobase_readline(args[0], limit);
}

static Value iobase_readlines_m(Value *args, int nargs, Value kwnames)
{
    int64_t hint;
    if (arg_to_optional_ssize(args[1], &hint) < 0) return VAL_NULL;
    Value out = list_new(0);
    if (IS_NULL(out)) return VAL_NULL;
    if (hint <= 0) {
        Value r = obj_call_method(out, "extend", &args[0], 1);
        return IS_NULL(r) ? VAL_NULL : out;
    }
    Value it = obj_iter(args[0]);
    if (IS_NULL(it)) return VAL_NULL;
    int64_t total = 0;
    for (;;) {
        Value line = obj_next(it);
        if (IS_NULL(line)) return err_occurred() ? VAL_NULL : out;
        if (list_append(out, line) < 0) return VAL_NULL;
        int64_t n = obj_len(line);
        if (n < 0) return VAL_NULL;
        total += n;
        if (total >= hint) return out;
    }
}

static Value iobase_writelines_m(Value *args, int nargs, Value kwnames)
{
    if (io_check_closed(args[0]) < 0) return VAL_NULL;
    Value it = obj_iter(args[1]);
    if (IS_NULL(it)) return VAL_NULL;
    for (;;) {
        Value line = obj_next(it);
        if (IS_NULL(line)) return err_occurred() ? VAL_NULL : VAL_NONE;
        if (IS_NULL(obj_call_method(args[0], "write", &line, 1))) return VAL_NULL;
    }
}

/* The finalizer: close an open stream, ignoring errors. */
static Value iobase_del_m(Value *args, int nargs, Value kwnames)
{
    Value self = args[0];
    Value c = obj_getattr_opt(self, str_intern_c("closed"));
    if (IS_NULL(c)) { err_clear(); return VAL_NONE; }
    int closed = obj_truthy(c);
    if (closed != 0) { err_clear(); return VAL_NONE; }
    if (IS_OBJ(self)) ((IOBase *)AS_OBJ(self))->ioflags |= IOF_FINALIZING;
    if (IS_NULL(obj_call_method(self, "close", NULL, 0))) err_clear();
    return VAL_NONE;
}

static Value iobase_dict_get(Value self)
{
    IOBase *b = (IOBase *)AS_OBJ(self);
    if (!IS_DICT(b->dict)) b->dict = dict_new();
    return b->dict;
}

static const MethodDef iobase_methods[] = {
    {"seek", iobase_seek_m, ARGS_POS(0, 2), NULL},
    {"tell", iobase_tell_m, ARGS_NONE, NULL},
    {"truncate", iobase_truncate_m, ARGS_POS(0, 1), NULL},
    {"flush", iobase_flush_m, ARGS_NONE, NULL},
    {"close", iobase_close_m, ARGS_NONE, NULL},
    {"seekable", iobase_false_m, ARGS_NONE, NULL},
    {"readable", iobase_false_m, ARGS_NONE, NULL},
    {"writable", iobase_false_m, ARGS_NONE, NULL},
    {"_checkClosed", iobase_check_closed_m, ARGS_POS(0, 1), NULL},
    {"_checkSeekable", iobase_check_seekable_m, ARGS_POS(0, 1), NULL},
    {"_checkReadable", iobase_check_readable_m, ARGS_POS(0, 1), NULL},
    {"_checkWritable", iobase_check_writable_m, ARGS_POS(0, 1), NULL},
    {"fileno", iobase_fileno_m, ARGS_NONE, NULL},
    {"isatty", iobase_isatty_m, ARGS_NONE, NULL},
    {"__enter__", iobase_enter_m, ARGS_NONE, NULL},
    {"__exit__", iobase_exit_m, ARGS_VAR, NULL},
    {"__iter__", iobase_iter_m, ARGS_WRAP(0), NULL},
    {"__next__", iobase_next_m, ARGS_WRAP(0), NULL},
    {"readline", iobase_readline_m, ARGS_POS(0, 1), NULL},
    {"readlines", iobase_readlines_m, ARGS_POS(0, 1), NULL},
    {"writelines", iobase_writelines_m, ARGS_ONE, NULL},
    {"__del__", iobase_del_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef iobase_getsets[] = {
    {"closed", iobase_closed_get, NULL, NULL},
    {"__dict__", iobase_dict_get, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_iobase = {
    .tp_name = "_io._IOBase", .base = &type_object,
    .flags = TF_BASETYPE | TF_HAS_DICT | TF_WEAKREFABLE,
    .basicsize = sizeof(IOBase), .dictoffset = offsetof(IOBase, dict),
    .methods = iobase_methods, .getsets = iobase_getsets,
};
GILPY_TYPE(type_iobase, NULL);

/* The three abstract subclasses share _IOBase's layout. */
#define IO_ABSTRACT_TYPE(var, name, meths, gs)                                            \
    Type var = {                                                                          \
        .tp_name = name, .base = &type_iobase,                                            \
        .flags = TF_BASETYPE | TF_HAS_DICT | TF_WEAKREFABLE,                              \
        .basicsize = sizeof(IOBase), .dictoffset = offsetof(IOBase, dict),                \
        .methods = meths, .getsets = gs,                                                  \
    };

/* ---- _RawIOBase ------------------------------------------------------------------- */

static Value rawiobase_readall_m(Value *args, int nargs, Value kwnames)
{
    Value out = bytearray_new(NULL, 0);
    if (IS_NULL(out)) return VAL_NULL;
    for (;;) {
        Value b = obj_call_method(args[0], "read", (Value[]){MK_SMALLINT(IO_DEFAULT_BUFFER_SIZE)}, 1);
        if (IS_NULL(b)) return VAL_NULL;
        if (IS_NONE(b)) {
            if (AS_BYTEARRAY(out)->len == 0) return b;
            break;
        }
        if (!IS_BYTES(b)) return err_format(&exc_TypeError, "read() should return bytes");
        if (AS_BYTES(b)->len == 0) break;
        if (IS_NULL(obj_call_method(out, "extend", &b, 1))) return VAL_NULL;
    }
    return bytes_new(AS_BYTEARRAY(out)->data, (size_t)AS_BYTEARRAY(out)->len);
}

static Value rawiobase_read_m(Value *args, int nargs, Value kwnames)
{
    int64_t n;
    if (arg_to_optional_ssize(args[1], &n) < 0) return VAL_NULL;
    if (n < 0) return obj_call_method(args[0], "readall", NULL, 0);
    Value ba = call1(MK_OBJ(&type_bytearray), int_from_i64(n));
    if (IS_NULL(ba)) return VAL_NULL;
    Value r = obj_call_method(args[0], "readinto", &ba, 1);
    if (IS_NULL(r) || IS_NONE(r)) return r;
    int64_t got;
    if (obj_index_i64(r, &got) < 0) return VAL_NULL;
    if (got < 0 || got > AS_BYTEARRAY(ba)->len)
        return err_format(&exc_ValueError, "readinto returned %lld outside buffer size %lld",
                          (long long)got, (long long)n);
    return bytes_new(AS_BYTEARRAY(ba)->data, (size_t)got);
}

static Value rawiobase_notimpl_m(Value *args, int nargs, Value kwnames)
{
    return err_set_none(&exc_NotImplementedError);
}

static const MethodDef rawiobase_methods[] = {
    {"read", rawiobase_read_m, ARGS_POS(0, 1), NULL},
    {"readall", rawiobase_readall_m, ARGS_NONE, NULL},
    {"readinto", rawiobase_notimpl_m, ARGS_VAR, NULL},
    {"write", rawiobase_notimpl_m, ARGS_VAR, NULL},
    {NULL, NULL, 0, NULL},
};

IO_ABSTRACT_TYPE(type_rawiobase, "_io._RawIOBase", rawiobase_methods, NULL)
GILPY_TYPE(type_rawiobase, NULL);

/* ---- _BufferedIOBase -------------------------------------------------------------- */

/* What the abstract bases leave to their subclasses. */
static Value unsup_read_m(Value *args, int nargs, Value kwnames) { return io_unsupported("read"); }
static Value unsup_read1_m(Value *args, int nargs, Value kwnames) { return io_unsupported("read1"); }
static Value unsup_readline_m(Value *args, int nargs, Value kwnames) { return io_unsupported("readline"); }
static Value unsup_write_m(Value *args, int nargs, Value kwnames) { return io_unsupported("write"); }
static Value unsup_detach_m(Value *args, int nargs, Value kwnames) { return io_unsupported("detach"); }

/* readinto(b) through read(len(b)) or read1(len(b)). */
static Value bufiobase_readinto_generic(Value self, Value target, const char *method)
{
    Buffer view;
    if (buffer_get(target, &view, BUF_WRITABLE) < 0) {
        err_clear();
        return err_format(&exc_TypeError, "readinto() argument must be read-write bytes-like object, not %T",
                          target);
    }
    Value data = obj_call_method(self, method, (Value[]){int_from_i64(view.len)}, 1);
    if (IS_NULL(data)) { buffer_release(&view); return VAL_NULL; }
    if (!IS_BYTES(data)) {
        buffer_release(&view);
        return err_format(&exc_TypeError, "read() should return bytes");
    }
    int64_t n = AS_BYTES(data)->len;
    if (n > view.len) {
        buffer_release(&view);
        return err_format(&exc_ValueError, "read() returned too much data: %lld bytes requested, %lld returned",
                          (long long)view.len, (long long)n);
    }
    if (n > 0) memcpy(view.buf, AS_BYTES(data)->data, (size_t)n);
    buffer_release(&view);
    return int_from_i64(n);
}

static Value bufiobase_readinto_m(Value *args, int nargs, Value kwnames)
{
    return bufiobase_readinto_generic(args[0], args[1], "read");
}

static Value bufiobase_readinto1_m(Value *args, int nargs, Value kwnames)
{
    return bufiobase_readinto_generic(args[0], args[1], "read1");
}

static const MethodDef bufiobase_methods[] = {
    {"detach", unsup_detach_m, ARGS_NONE, NULL},
    {"read", unsup_read_m, ARGS_POS(0, 1), NULL},
    {"read1", unsup_read1_m, ARGS_POS(0, 1), NULL},
    {"readinto", bufiobase_readinto_m, ARGS_ONE, NULL},
    {"readinto1", bufiobase_readinto1_m, ARGS_ONE, NULL},
    {"write", unsup_write_m, ARGS_POS(0, 1), NULL},
    {NULL, NULL, 0, NULL},
};

IO_ABSTRACT_TYPE(type_bufferediobase, "_io._BufferedIOBase", bufiobase_methods, NULL)
GILPY_TYPE(type_bufferediobase, NULL);

/* ---- _TextIOBase ------------------------------------------------------------------ */

static Value textiobase_none_get(Value self) { (void)self; return VAL_NONE; }

static const MethodDef textiobase_methods[] = {
    {"detach", unsup_detach_m, ARGS_NONE, NULL},
    {"read", unsup_read_m, ARGS_POS(0, 1), NULL},
    {"readline", unsup_readline_m, ARGS_POS(0, 1), NULL},
    {"write", unsup_write_m, ARGS_POS(0, 1), NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef textiobase_getsets[] = {
    {"encoding", textiobase_none_get, NULL, NULL},
    {"newlines", textiobase_none_get, NULL, NULL},
    {"errors", textiobase_none_get, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

IO_ABSTRACT_TYPE(type_textiobase, "_io._TextIOBase", textiobase_methods, textiobase_getsets)
GILPY_TYPE(type_textiobase, NULL);
