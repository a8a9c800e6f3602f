/* mod_patma.c - the `_patma` module: what abc.register() must tell the type
 * machinery for pattern matching.
 *
 *     _patma.abc_register(abc, cls)   if abc is a sequence or a mapping for
 *                                     match statements, so become cls and
 *                                     its subclasses
 *
 * Design: sequence and mapping patterns test a type flag (TF_SEQUENCE,
 * TF_MAPPING), as CPython tests Py_TPFLAGS_SEQUENCE/_MAPPING.  A class gets
 * it from its bases and from collections.abc's `__abc_tpflags__` when it is
 * created (runtime/obj_type.c); a virtual subclass gets it here, from
 * register(), which CPython does in its _abc module.  Builtin types keep
 * their own flags (str is a registered Sequence, and no sequence for
 * patterns). */
#include "runtime/error.h"
#include "runtime/obj_misc.h"
#include "interp/modreg.h"

GILPY_MODULE("_patma", mod_patma_init);

static Value patma_abc_register_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    if (!IS_TYPE(args[0]) || !IS_TYPE(args[1]))
        return err_format(&exc_TypeError, "abc_register() arguments must be classes");
    uint32_t flag = AS_TYPE(args[0])->flags & (TF_SEQUENCE | TF_MAPPING);
    if (flag) type_set_collection_flag(AS_TYPE(args[1]), flag);
    return VAL_NONE;
}

static const MethodDef patma_methods[] = {
    {"abc_register", patma_abc_register_m, ARGS_POS(2, 2),
     "abc_register(abc, cls): cls and its subclasses match as abc does (sequence or mapping)."},
    {NULL, NULL, 0, NULL},
};

Value mod_patma_init(void) {
    Value m = module_new_c("_patma");
    if (IS_NULL(m)) return VAL_NULL;
    dict_add_methods(MODULE_DICT(m), patma_methods, m);
    return err_occurred() ? VAL_NULL : m;
}
