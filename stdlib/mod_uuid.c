/* mod_uuid.c - the `_uuid` module: what CPython's uuid.py takes from
 * libuuid (util-linux's): generate_time_safe(), a version 1 UUID's 16 bytes
 * and whether it was made safely (without two processes sharing a clock
 * sequence), and has_uuid_generate_time_safe.  uuid.py also reads the node
 * (the MAC address) from it.
 */
#include <uuid/uuid.h>

#include "runtime/error.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "interp/modreg.h"

GILPY_MODULE("_uuid", mod_uuid_init);

static Value uuid_generate_time_safe_m(Value *args, int nargs, Value kwnames) {
    uuid_t u;
    int safe = uuid_generate_time_safe(u);
    Value b = bytes_new(u, sizeof u);
    return IS_NULL(b) ? VAL_NULL : tuple_pack(2, b, MK_SMALLINT(safe));
}

static const MethodDef uuid_functions[] = {
    {"generate_time_safe", uuid_generate_time_safe_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};

Value mod_uuid_init(void) {
    Value m = module_new_c("_uuid");
    if (IS_NULL(m)) return VAL_NULL;
    dict_add_methods(MODULE_DICT(m), uuid_functions, m);
    if (dict_set_c(MODULE_DICT(m), "has_uuid_generate_time_safe", MK_SMALLINT(1)) < 0) return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
