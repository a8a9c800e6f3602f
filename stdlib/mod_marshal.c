/* mod_marshal.c - the `marshal` module: dumps/dump/loads/load over the
 * format interp/marshal.c reads and writes (CPython's version 4, and gilpy's
 * code objects).
 */
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_misc.h"
#include "interp/marshal.h"
#include "interp/modreg.h"

GILPY_MODULE("marshal", mod_marshal_init);

/* ---- the module ------------------------------------------------------------------------- */

/* value, version: every version reads what dumps writes. */
static Value mm_to_bytes(Value v, Value version) {
    int ver;
    if (!IS_NULL(version) && arg_to_int(version, &ver) < 0) return VAL_NULL;
    return marshal_dumps(v);
}

static Value mm_dumps(Value *args, int nargs, Value kwnames) { return mm_to_bytes(args[0], args[1]); }

static Value mm_dump(Value *args, int nargs, Value kwnames) {
    Value data = mm_to_bytes(args[0], args[2]);
    if (IS_NULL(data)) return VAL_NULL;
    Value r = obj_call_method(args[1], "write", &data, 1);
    return IS_NULL(r) ? VAL_NULL : VAL_NONE;
}

static Value mm_loads(Value *args, int nargs, Value kwnames) {
    const uint8_t *d;
    int64_t n, used;
    if (bytes_view(args[0], &d, &n) < 0) return VAL_NULL;
    return marshal_loads(d, n, &used);
}

/* load(file): reads what the file has (its read()), keeps the rest for the next
 * reader by seeking back over it. */
static Value mm_load(Value *args, int nargs, Value kwnames) {
    Value data = obj_call_method(args[0], "read", NULL, 0);
    if (IS_NULL(data)) return VAL_NULL;
    const uint8_t *d;
    int64_t n, used;
    if (bytes_view(data, &d, &n) < 0) return VAL_NULL;
    if (n == 0) return err_format(&exc_EOFError, "EOF read where object expected");
    Value v = marshal_loads(d, n, &used);
    if (IS_NULL(v)) return VAL_NULL;
    if (used < n) {
        Value seek_args[2] = {int_from_i64(used - n), MK_SMALLINT(1)};
        if (IS_NULL(obj_call_method(args[0], "seek", seek_args, 2))) return VAL_NULL;
    }
    return v;
}

static const MethodDef marshal_functions[] = {
    {"dumps", mm_dumps, ARGS_POS(1, 2), "Return the bytes object that would be written to a file by dump(value, file)."},
    {"dump", mm_dump, ARGS_POS(2, 3), "Write the value on the open file."},
    {"loads", mm_loads, ARGS_ONE, "Convert the bytes-like object to a value."},
    {"load", mm_load, ARGS_ONE, "Read one value from the open file and return it."},
    {NULL, NULL, 0, NULL},
};

Value mod_marshal_init(void) {
    Value m = module_new_c("marshal");
    if (IS_NULL(m)) return VAL_NULL;
    dict_add_methods(MODULE_DICT(m), marshal_functions, m);
    if (dict_set_c(MODULE_DICT(m), "version", MK_SMALLINT(MARSHAL_VERSION)) < 0) return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
