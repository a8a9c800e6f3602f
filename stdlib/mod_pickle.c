/* mod_pickle.c - the `_pickle` module: the C accelerator CPython's pickle.py
 * imports (Pickler, Unpickler, dump, dumps, load, loads, the exceptions and
 * PickleBuffer).
 *
 * Design: pickle_save.c writes and pickle_load.c reads CPython's opcodes
 * (pickle.h lists them); this file holds what both use: the exception
 * classes (PickleError, PicklingError, UnpicklingError, with __module__
 * '_pickle' as CPython's tracebacks name them), PickleBuffer (protocol 5's
 * out-of-band buffers: a wrapper whose buffer is its object's), the memo
 * proxies (Pickler.memo / Unpickler.memo with copy() and clear()), the
 * protocol argument, and the names borrowed from other modules (copyreg's
 * dispatch table and extension registry, codecs.encode, functools.partial,
 * _compat_pickle's mappings), imported on first use and kept.
 */
#include <string.h>

#include "runtime/object.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "interp/import.h"
#include "interp/modreg.h"
#include "pickle.h"

GILPY_MODULE("_pickle", mod_pickle_init);

static Value pickle_errors[3] = {VAL_NULL, VAL_NULL, VAL_NULL};   /* PickleError, PicklingError, UnpicklingError */

Type *pickle_error_type(void) { return IS_NULL(pickle_errors[0]) ? &exc_Exception : AS_TYPE(pickle_errors[0]); }
Type *pickling_error_type(void) { return IS_NULL(pickle_errors[1]) ? &exc_Exception : AS_TYPE(pickle_errors[1]); }
Type *unpickling_error_type(void) { return IS_NULL(pickle_errors[2]) ? &exc_Exception : AS_TYPE(pickle_errors[2]); }

/* ---- borrowed names ------------------------------------------------------------ */

#define BORROW_MAX 16
static struct { const char *module, *name; Value value; } borrowed[BORROW_MAX];
static int nborrowed;

Value pickle_borrow(const char *module, const char *name) {
    for (int i = 0; i < nborrowed; i++)
        if (!strcmp(borrowed[i].name, name) && !strcmp(borrowed[i].module, module)) return borrowed[i].value;
    Value m = import_module_c(module);
    Value v = IS_NULL(m) ? VAL_NULL : obj_getattr_c(m, name);
    if (IS_NULL(v) || nborrowed == BORROW_MAX) return v;
    borrowed[nborrowed].module = module;
    borrowed[nborrowed].name = name;
    borrowed[nborrowed].value = v;
    gc_add_root(&borrowed[nborrowed].value);
    nborrowed++;
    return v;
}

int pickle_protocol_arg(Value v, int *out) {
    if (IS_NULL(v) || IS_NONE(v)) {
        *out = PICKLE_DEFAULT_PROTOCOL;
        return 0;
    }
    int64_t p;
    Value i = obj_index(v);
    if (IS_NULL(i) || int_to_i64(i, &p) < 0) return -1;
    if (p < 0) p = PICKLE_HIGHEST_PROTOCOL;
    if (p > PICKLE_HIGHEST_PROTOCOL)
        return err_format(&exc_ValueError, "pickle protocol must be <= %d", PICKLE_HIGHEST_PROTOCOL), -1;
    *out = (int)p;
    return 0;
}

/* ---- PickleBuffer ---------------------------------------------------------------- */

typedef struct PickleBuffer {
    Obj   header;
    Value obj;         /* VAL_NULL once released */
} PickleBuffer;

static int pb_released(void) {
    err_format(&exc_ValueError, "operation forbidden on released PickleBuffer object");
    return -1;
}

int pickle_buffer_view(Value pb, Buffer *view) {
    Value obj = ((PickleBuffer *)AS_OBJ(pb))->obj;
    if (IS_NULL(obj)) return pb_released();
    if (buffer_get(obj, view, BUF_SIMPLE) < 0) return -1;
    if (view->strides && view->ndim > 0) {
        int64_t expect = view->itemsize;
        for (int i = view->ndim - 1; i >= 0; i--) {
            if (view->strides[i] != expect && !(view->shape && view->shape[i] <= 1)) {
                buffer_release(view);
                err_format(pickling_error_type(),
                           "PickleBuffer can not be pickled when pointing to a non-contiguous buffer");
                return -1;
            }
            expect *= view->shape ? view->shape[i] : 1;
        }
    }
    return 0;
}

static Value pb_new_m(Value *args, int nargs, Value kwnames) {
    if (arg_no_kw("PickleBuffer", kwnames) < 0 || arg_count("PickleBuffer", nargs - 1, 1, 1) < 0) return VAL_NULL;
    Value obj = args[1];
    if (!buffer_check(obj)) return err_format(&exc_TypeError, "a bytes-like object is required, not '%T'", obj);
    PickleBuffer *pb = (PickleBuffer *)obj_new_instance(AS_TYPE(args[0]));
    if (!pb) return VAL_NULL;
    pb->obj = obj;
    return MK_OBJ(pb);
}

static int pb_getbuffer(Value self, Buffer *view, int flags) {
    Value obj = ((PickleBuffer *)AS_OBJ(self))->obj;
    if (IS_NULL(obj)) return pb_released();
    return buffer_get(obj, view, flags);
}

static Value pb_raw_m(Value *args, int nargs, Value kwnames) {
    Buffer view;
    if (pickle_buffer_view(args[0], &view) < 0) {
        if (err_matches(pickling_error_type())) {
            err_clear();
            err_format(&exc_BufferError, "cannot extract raw buffer from non-contiguous buffer");
        }
        return VAL_NULL;
    }
    buffer_release(&view);
    Value mv = call1(MK_OBJ(&type_memoryview), args[0]);
    if (IS_NULL(mv)) return VAL_NULL;
    Value fmt = str_intern_c("B");
    return obj_call_method(mv, "cast", &fmt, 1);
}

static Value pb_release_m(Value *args, int nargs, Value kwnames) {
    ((PickleBuffer *)AS_OBJ(args[0]))->obj = VAL_NULL;
    return VAL_NONE;
}

static Value pb_reduce_m(Value *args, int nargs, Value kwnames) {
    return err_format(&exc_TypeError, "cannot pickle 'pickle.PickleBuffer' object");
}

static void pb_trace(Obj *o) { gc_mark_value(((PickleBuffer *)o)->obj); }

static const MethodDef pb_methods[] = {
    {"__new__", pb_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"raw", pb_raw_m, ARGS_NONE, "Return a memoryview of the raw memory underlying this buffer."},
    {"release", pb_release_m, ARGS_NONE, "Release the underlying buffer exposed by the PickleBuffer object."},
    {"__reduce_ex__", pb_reduce_m, ARGS_POS(0, 1), NULL},
    {NULL, NULL, 0, NULL},
};

Type type_pickle_buffer = {
    .tp_name = "pickle.PickleBuffer", .base = &type_object, .flags = TF_WEAKREFABLE,
    .basicsize = sizeof(PickleBuffer), .trace = pb_trace, .methods = pb_methods,
    .getbuffer = pb_getbuffer,
};
GILPY_TYPE(type_pickle_buffer, NULL);

/* ---- memo proxies ------------------------------------------------------------------ */

typedef struct MemoProxy {
    Obj   header;
    Value owner;
} MemoProxy;

static Type type_pickler_memo_proxy, type_unpickler_memo_proxy;

Value memo_proxy_new(Value owner, int of_unpickler) {
    Type *t = of_unpickler ? &type_unpickler_memo_proxy : &type_pickler_memo_proxy;
    MemoProxy *m = (MemoProxy *)gc_alloc(t, sizeof(MemoProxy));
    if (!m) return VAL_NULL;
    m->owner = owner;
    return MK_OBJ(m);
}

int memo_proxy_owner(Value v, Value *owner, int *of_unpickler) {
    if (!IS_EXACT(v, type_pickler_memo_proxy) && !IS_EXACT(v, type_unpickler_memo_proxy)) return 0;
    *owner = ((MemoProxy *)AS_OBJ(v))->owner;
    *of_unpickler = IS_EXACT(v, type_unpickler_memo_proxy);
    return 1;
}

static Value proxy_copy(Value self) {
    Value owner = ((MemoProxy *)AS_OBJ(self))->owner;
    return IS_EXACT(self, type_unpickler_memo_proxy) ? unpickler_memo_copy(owner) : pickler_memo_copy(owner);
}

static Value proxy_copy_m(Value *args, int nargs, Value kwnames) { return proxy_copy(args[0]); }

static Value proxy_clear_m(Value *args, int nargs, Value kwnames) {
    Value owner = ((MemoProxy *)AS_OBJ(args[0]))->owner;
    if (IS_EXACT(args[0], type_unpickler_memo_proxy)) unpickler_memo_clear(owner);
    else pickler_memo_clear(owner);
    return VAL_NONE;
}

static Value proxy_reduce_m(Value *args, int nargs, Value kwnames) {
    Value d = proxy_copy(args[0]);
    Value a = IS_NULL(d) ? VAL_NULL : tuple_pack(1, d);
    return IS_NULL(a) ? VAL_NULL : tuple_pack(2, MK_OBJ(&type_dict), a);
}

static void proxy_trace(Obj *o) { gc_mark_value(((MemoProxy *)o)->owner); }

static const MethodDef proxy_methods[] = {
    {"copy", proxy_copy_m, ARGS_NONE, "Copy the memo to a new object."},
    {"clear", proxy_clear_m, ARGS_NONE, "Remove all items from memo."},
    {"__reduce__", proxy_reduce_m, ARGS_NONE, "Implement pickle support."},
    {NULL, NULL, 0, NULL},
};

static Type type_pickler_memo_proxy = {
    .tp_name = "_pickle.PicklerMemoProxy", .base = &type_object, .basicsize = sizeof(MemoProxy),
    .trace = proxy_trace, .methods = proxy_methods,
};
GILPY_TYPE(type_pickler_memo_proxy, NULL);
static Type type_unpickler_memo_proxy = {
    .tp_name = "_pickle.UnpicklerMemoProxy", .base = &type_object, .basicsize = sizeof(MemoProxy),
    .trace = proxy_trace, .methods = proxy_methods,
};
GILPY_TYPE(type_unpickler_memo_proxy, NULL);

/* ---- module functions ---------------------------------------------------------------- */

static int fix_arg(Value v, int *out) {
    *out = 1;
    if (IS_NULL(v)) return 0;
    int t = obj_truthy(v);
    if (t < 0) return -1;
    *out = t;
    return 0;
}

/* dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None) */
static Value pickle_dump(Value *args, int nargs, Value kwnames) {
    int proto, fix;
    if (pickle_protocol_arg(args[2], &proto) < 0 || fix_arg(args[3], &fix) < 0) return VAL_NULL;
    return pickler_dump_to(args[0], args[1], proto, fix, args[4]);
}

/* dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None) */
static Value pickle_dumps(Value *args, int nargs, Value kwnames) {
    int proto, fix;
    if (pickle_protocol_arg(args[1], &proto) < 0 || fix_arg(args[2], &fix) < 0) return VAL_NULL;
    return pickler_dumps(args[0], proto, fix, args[3]);
}

/* load(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=()) */
static Value pickle_load(Value *args, int nargs, Value kwnames) {
    int fix;
    if (fix_arg(args[1], &fix) < 0) return VAL_NULL;
    return unpickler_load_from(args[0], fix, args[2], args[3], args[4]);
}

/* loads(data, /, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=()) */
static Value pickle_loads(Value *args, int nargs, Value kwnames) {
    int fix;
    if (fix_arg(args[1], &fix) < 0) return VAL_NULL;
    return unpickler_loads(args[0], fix, args[2], args[3], args[4]);
}

static const MethodDef pickle_methods[] = {
    {"dump", pickle_dump, ARGS_KW, "Write a pickled representation of obj to the open file object file.",
     "($module, /, obj, file, protocol=None, *, fix_imports=True, buffer_callback=None)"},
    {"dumps", pickle_dumps, ARGS_KW, "Return the pickled representation of the object as a bytes object.",
     "($module, /, obj, protocol=None, *, fix_imports=True, buffer_callback=None)"},
    {"load", pickle_load, ARGS_KW, "Read and return an object from the pickle data stored in a file.",
     "($module, /, file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())"},
    {"loads", pickle_loads, ARGS_KW, "Read and return an object from the given pickle data.",
     "($module, data, /, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())"},
    {NULL, NULL, 0, NULL},
};

Value mod_pickle_init(void) {
    Value m = module_new_c("_pickle");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, pickle_methods, m);
    static const char *const names[] = {"PickleError", "PicklingError", "UnpicklingError"};
    static int rooted;
    for (int i = 0; i < 3 && !rooted; i++) gc_add_root(&pickle_errors[i]);
    rooted = 1;
    for (int i = 0; i < 3; i++) {
        Type *base = i == 0 ? &exc_Exception : AS_TYPE(pickle_errors[0]);
        pickle_errors[i] = exc_new_class("_pickle", names[i], base);
        if (IS_NULL(pickle_errors[i]) || dict_set_c(d, names[i], pickle_errors[i]) < 0) return VAL_NULL;
    }
    if (dict_set_c(d, "Pickler", MK_OBJ(&type_pickler)) < 0 || dict_set_c(d, "Unpickler", MK_OBJ(&type_unpickler)) < 0 ||
        dict_set_c(d, "PickleBuffer", MK_OBJ(&type_pickle_buffer)) < 0)
        return VAL_NULL;
    return m;
}
