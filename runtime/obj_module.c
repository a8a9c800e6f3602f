/* obj_module.c - module objects.
 *
 * A module is a header plus its namespace dict, which is also its instance
 * __dict__ (TF_HAS_DICT, dictoffset = offsetof(ModuleObj, dict)), so the
 * generic attribute protocol reads and writes module attributes directly.
 * A missing attribute goes to the module's own __getattr__ (PEP 562) if the
 * namespace has one, else raises "module 'x' has no attribute 'y'".
 */
#include "runtime/obj_misc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/gc.h"
#include "runtime/error.h"
#include "runtime/call.h"

#define MOD(v) ((ModuleObj *)AS_OBJ(v))

static int module_init_dict(Value m, Value name, Value doc)
{
    Value d = MOD(m)->dict;
    if (dict_set_c(d, "__name__", name) < 0 || dict_set_c(d, "__doc__", doc) < 0 ||
        dict_set_c(d, "__package__", VAL_NONE) < 0 || dict_set_c(d, "__loader__", VAL_NONE) < 0 ||
        dict_set_c(d, "__spec__", VAL_NONE) < 0)
        return -1;
    return 0;
}

static ModuleObj *module_alloc(Type *t)
{
    ModuleObj *m = (ModuleObj *)(t == &type_module ? gc_alloc(t, sizeof(ModuleObj)) : obj_new_instance(t));
    if (!m) return NULL;
    m->dict = dict_new();
    if (IS_NULL(m->dict)) return NULL;
    return m;
}

Value module_new(Value name)
{
    ModuleObj *m = module_alloc(&type_module);
    if (!m) return VAL_NULL;
    if (module_init_dict(MK_OBJ(m), name, VAL_NONE) < 0) return VAL_NULL;
    return MK_OBJ(m);
}

Value module_new_c(const char *name)
{
    Value n = str_from_c(name);
    if (IS_NULL(n)) return VAL_NULL;
    return module_new(n);
}

static Value module_new_m(Value *args, int nargs, Value kwnames)
{
    ModuleObj *m = module_alloc(AS_TYPE(args[0]));
    return m ? MK_OBJ(m) : VAL_NULL;
}

/* ARGS_ANY: its messages name the type ("module() missing required argument
 * 'name' (pos 1)"), where an ARGS_KW signature would name __init__. */
static Value module_init_m(Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"name", "doc"};
    Value out[2];
    if (arg_parse("module", args + 1, nargs - 1, kwnames, names, 2, 0, 1, out) < 0) return VAL_NULL;
    if (!IS_STR(out[0]))
        return err_format(&exc_TypeError, "module() argument 'name' must be str, not %N", out[0]);
    if (module_init_dict(args[0], out[0], IS_NULL(out[1]) ? VAL_NONE : out[1]) < 0) return VAL_NULL;
    return VAL_NONE;
}

static Value module_repr_m(Value *args, int nargs, Value kwnames)
{
    Value d = MOD(args[0])->dict;
    Value name = dict_get_c(d, "__name__");
    if (IS_NULL(name)) { err_clear(); name = str_from_c("?"); }
    Value spec = dict_get_c(d, "__spec__");
    if (!IS_NULL(spec) && !IS_NONE(spec)) {
        Value origin = obj_getattr_opt(spec, str_intern_c("origin"));
        if (IS_NULL(origin) && err_occurred()) err_clear();
        if (IS_STR(origin)) {
            Value hl = obj_getattr_opt(spec, str_intern_c("has_location"));
            if (IS_NULL(hl) && err_occurred()) err_clear();
            if (!IS_NULL(hl) && obj_truthy(hl) == 1)
                return str_format_c("<module %R from %R>", name, origin);
            return str_format_c("<module %R (%U)>", name, origin);
        }
    }
    Value file = dict_get_c(d, "__file__");
    if (IS_STR(file)) return str_format_c("<module %R from %R>", name, file);
    if (MOD(args[0])->builtin) return str_format_c("<module %R (built-in)>", name);
    return str_format_c("<module %R>", name);
}

/* Called by the attribute protocol when normal lookup failed (gilpy's own: CPython's
 * modules have no __getattr__ method; a slot wrapper's arity). */
static Value module_getattr_m(Value *args, int nargs, Value kwnames)
{
    Value d = MOD(args[0])->dict;
    Value hook = dict_get_c(d, "__getattr__");
    if (!IS_NULL(hook)) return call1(hook, args[1]);
    if (err_occurred()) return VAL_NULL;
    Value mn = dict_get_c(d, "__name__");
    if (IS_STR(mn))
        return err_set_attribute_error(args[0], args[1], "module '%U' has no attribute '%U'", mn, args[1]);
    return err_set_attribute_error(args[0], args[1], "module has no attribute '%U'", args[1]);
}

static Value module_dir_m(Value *args, int nargs, Value kwnames)
{
    Value d = MOD(args[0])->dict;
    if (!IS_EXACT(args[0], type_module)) {          /* a subclass may override __dict__ */
        d = obj_getattr_c(args[0], "__dict__");
        if (IS_NULL(d)) return VAL_NULL;
        if (!IS_DICT(d)) return err_format(&exc_TypeError, "<module>.__dict__ is not a dictionary");
    }
    Value f = dict_get_c(d, "__dir__");
    if (!IS_NULL(f)) return call0(f);
    return dict_keys_list(d);
}

static Value module_get_dict(Value self) { return MOD(self)->dict; }

/* __annotations__: the module's own, a new empty dict on first use (CPython 3.10+). */
static Value module_get_annotations(Value self) {
    Value d = MOD(self)->dict, name = str_intern_c("__annotations__");
    Value v = dict_get(d, name);
    if (!IS_NULL(v)) return v;
    v = dict_new();
    return IS_NULL(v) || dict_set(d, name, v) < 0 ? VAL_NULL : v;
}
static int module_set_annotations(Value self, Value v) {
    Value d = MOD(self)->dict, name = str_intern_c("__annotations__");
    if (!IS_NULL(v)) return dict_set(d, name, v);
    int r = dict_del(d, name);
    if (r == 0) err_set_value(&exc_AttributeError, name);
    return r <= 0 ? -1 : 0;
}

static const GetSetDef module_getsets[] = {
    {"__dict__", module_get_dict, getset_readonly, NULL},      /* a read-only member in CPython */
    {"__annotations__", module_get_annotations, module_set_annotations, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef module_methods[] = {
    {"__new__", module_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", module_init_m, ARGS_ANY, NULL},
    {"__repr__", module_repr_m, ARGS_WRAP(0), NULL},
    {"__getattr__", module_getattr_m, ARGS_WRAP(1), NULL},
    {"__dir__", module_dir_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};

static void module_trace(Obj *o) { gc_mark_value(((ModuleObj *)o)->dict); }

Type type_module = {
    .tp_name = "module", .base = &type_object,
    .flags = TF_BASETYPE | TF_HAS_DICT | TF_WEAKREFABLE,
    .basicsize = sizeof(ModuleObj), .dictoffset = offsetof(ModuleObj, dict),
    .trace = module_trace, .methods = module_methods, .getsets = module_getsets,
};
GILPY_TYPE(type_module, NULL);
