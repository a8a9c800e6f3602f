/* mod_pickle.c - the `_pickle` module: pickle's C half over runtime/serialize.c.
 *
 * Design: the bytes are gilpy's own format (runtime/serialize.c), not
 * CPython's pickle opcodes; `protocol` is accepted and ignored.  This file
 * only parses arguments, creates the exception classes (PickleError,
 * PicklingError, UnpicklingError with __module__ '_pickle', as CPython's
 * tracebacks name them) and gives serialize.c the importer.  pickle.py adds
 * dump/load over file objects.
 */
#include "runtime/object.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/obj_exc.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/serialize.h"
#include "interp/import.h"
#include "interp/modreg.h"

GILPY_MODULE("_pickle", mod_pickle_init);

static Value pickle_errors[3];   /* PickleError, PicklingError, UnpicklingError */

/* dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None): the
 * protocol is checked as CPython checks it (an int through __index__ that fits a
 * C long, at most HIGHEST_PROTOCOL; negative means the highest), then ignored. */
static Value pickle_dumps(Value *args, int nargs, Value kwnames) {
    if (!IS_NULL(args[1]) && !IS_NONE(args[1])) {
        Value p = obj_index(args[1]);
        int64_t proto;
        if (IS_NULL(p) || int_to_i64(p, &proto) < 0) return VAL_NULL;
        if (proto > 5) return err_format(&exc_ValueError, "pickle protocol must be <= 5");
    }
    return ser_dumps(args[0]);
}

/* loads(data, /, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=()):
 * only data is used. */
static Value pickle_loads(Value *args, int nargs, Value kwnames) {
    const uint8_t *data;
    int64_t len;
    if (IS_STR(args[0]) || !buffer_check(args[0]))
        return err_format(&exc_TypeError, "a bytes-like object is required, not '%T'", args[0]);
    if (bytes_view(args[0], &data, &len) < 0) return VAL_NULL;    /* a strided memoryview */
    /* Loading runs user code (__setstate__, imports) that may mutate a
     * bytearray: work on an immutable copy. */
    Value copy = bytes_new(data, (size_t)len);
    if (IS_NULL(copy)) return VAL_NULL;
    return ser_loads(AS_BYTES(copy)->data, (size_t)AS_BYTES(copy)->len);
}

static const MethodDef pickle_methods[] = {
    {"dumps", pickle_dumps, ARGS_KW,
     "Return the pickled representation of the object as a bytes object.",
     "($module, /, obj, protocol=None, *, fix_imports=True, buffer_callback=None)"},
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
    ser_set_hooks(AS_TYPE(pickle_errors[1]), AS_TYPE(pickle_errors[2]), import_module);
    return m;
}
