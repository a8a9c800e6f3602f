/* obj_property.c - the descriptor types property, staticmethod, classmethod.
 *
 * property holds fget/fset/fdel/doc (VAL_NONE when absent) and the attribute
 * name it was assigned to (__set_name__), used in CPython 3.11's messages
 * ("property 'x' of 'C' object has no setter").  Obj.aux bit 0 records that
 * the doc came from fget (so getter() takes the new getter's doc).
 *
 * staticmethod and classmethod are WrapperObj {func, dict}; the dict is the
 * instance __dict__ (dictoffset), filled at __init__ with the wrapped
 * function's __module__, __name__, __qualname__, __doc__ and __annotations__,
 * as CPython 3.10+ does; __wrapped__ is the func member.
 */
#include "runtime/obj_misc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/gc.h"
#include "runtime/error.h"
#include "runtime/call.h"

#define PROP(v) ((PropertyObj *)AS_OBJ(v))
#define WRAP(v) ((WrapperObj *)AS_OBJ(v))
enum { PROPF_GETTER_DOC = 1u };

/* ---- property ---------------------------------------------------------------- */

static Value property_new_m(Value *args, int nargs, Value kwnames)
{
    Type *t = AS_TYPE(args[0]);
    PropertyObj *p = (PropertyObj *)(t == &type_property ? gc_alloc(t, sizeof(PropertyObj)) : obj_new_instance(t));
    if (!p) return VAL_NULL;
    p->fget = p->fset = p->fdel = p->doc = p->name = VAL_NONE;
    return MK_OBJ(p);
}

/* ARGS_ANY: its messages name the type ("property() takes at most 4 arguments
 * (5 given)"), where an ARGS_KW signature would name __init__. */
static Value property_init_m(Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"fget", "fset", "fdel", "doc"};
    Value out[4];
    if (arg_parse("property", args + 1, nargs - 1, kwnames, names, 4, 0, 0, out) < 0) return VAL_NULL;
    PropertyObj *p = PROP(args[0]);
    p->fget = IS_NULL(out[0]) ? VAL_NONE : out[0];
    p->fset = IS_NULL(out[1]) ? VAL_NONE : out[1];
    p->fdel = IS_NULL(out[2]) ? VAL_NONE : out[2];
    p->doc = IS_NULL(out[3]) ? VAL_NONE : out[3];
    p->header.aux &= ~PROPF_GETTER_DOC;
    if (IS_NONE(p->doc) && !IS_NONE(p->fget)) {
        Value d = obj_getattr_opt(p->fget, str_intern_c("__doc__"));
        if (IS_NULL(d)) {
            if (err_occurred()) return VAL_NULL;
        } else {
            p->doc = d;
            p->header.aux |= PROPF_GETTER_DOC;
        }
    }
    /* a subclass keeps its doc in the instance dict (CPython does the same) */
    if (!IS_EXACT(args[0], type_property) && !IS_NONE(p->doc)) {
        Value *dp = obj_dict_ptr(args[0]);
        if (dp) {
            if (!IS_DICT(*dp)) { *dp = dict_new(); if (IS_NULL(*dp)) return VAL_NULL; }
            if (dict_set_c(*dp, "__doc__", p->doc) < 0) return VAL_NULL;
        }
    }
    return VAL_NONE;
}

static Value property_error(Value self, Value obj, const char *what)
{
    PropertyObj *p = PROP(self);
    Value qn = obj_getattr_c(MK_OBJ(val_type(obj)), "__qualname__");
    if (IS_NULL(qn)) return VAL_NULL;
    if (IS_STR(p->name))
        return err_format(&exc_AttributeError, "property %R of %R object has no %s", p->name, qn, what);
    return err_format(&exc_AttributeError, "property of %R object has no %s", qn, what);
}

static Value property_get_m(Value *args, int nargs, Value kwnames)
{
    Value obj, type;
    if (descr_get_args(args, &obj, &type) < 0) return VAL_NULL;
    if (IS_NULL(obj)) return args[0];
    PropertyObj *p = PROP(args[0]);
    if (IS_NONE(p->fget)) return property_error(args[0], obj, "getter");
    return call1(p->fget, obj);
}

static Value property_set_m(Value *args, int nargs, Value kwnames)
{
    PropertyObj *p = PROP(args[0]);
    if (IS_NONE(p->fset)) return property_error(args[0], args[1], "setter");
    Value r = call2(p->fset, args[1], args[2]);
    return IS_NULL(r) ? r : VAL_NONE;
}

static Value property_delete_m(Value *args, int nargs, Value kwnames)
{
    PropertyObj *p = PROP(args[0]);
    if (IS_NONE(p->fdel)) return property_error(args[0], args[1], "deleter");
    Value r = call1(p->fdel, args[1]);
    return IS_NULL(r) ? r : VAL_NONE;
}

/* ARGS_ANY: CPython checks the count itself ("__set_name__() takes 2 positional
 * arguments but 1 were given"), a wording no kind has. */
static Value property_set_name_m(Value *args, int nargs, Value kwnames)
{
    if (arg_no_kw("property.__set_name__", kwnames)) return VAL_NULL;
    if (nargs != 3)
        return err_format(&exc_TypeError, "__set_name__() takes 2 positional arguments but %d were given", nargs - 1);
    PROP(args[0])->name = args[2];
    return VAL_NONE;
}

/* type(self)(fget, fset, fdel, doc) with one function replaced (which: 0-2). */
static Value property_copy(Value self, int which, Value fn)
{
    PropertyObj *p = PROP(self);
    Value f[3] = {p->fget, p->fset, p->fdel};
    f[which] = IS_NULL(fn) ? VAL_NONE : fn;
    Value doc = (p->header.aux & PROPF_GETTER_DOC) && which == 0 ? VAL_NONE : p->doc;
    if ((p->header.aux & PROPF_GETTER_DOC) && which != 0) doc = VAL_NONE;
    Value argv[4] = {f[0], f[1], f[2], doc};
    Value np = call_value(MK_OBJ(val_type(self)), argv, 4, VAL_NULL);
    if (IS_NULL(np)) return VAL_NULL;
    if (IS_OBJ(np) && type_is_subtype(val_type(np), &type_property)) PROP(np)->name = p->name;
    return np;
}

static Value property_getter_m(Value *args, int nargs, Value kwnames)
{
    return property_copy(args[0], 0, args[1]);
}

static Value property_setter_m(Value *args, int nargs, Value kwnames)
{
    return property_copy(args[0], 1, args[1]);
}

static Value property_deleter_m(Value *args, int nargs, Value kwnames)
{
    return property_copy(args[0], 2, args[1]);
}

static Value prop_get_fget(Value s) { return PROP(s)->fget; }
static Value prop_get_fset(Value s) { return PROP(s)->fset; }
static Value prop_get_fdel(Value s) { return PROP(s)->fdel; }
static Value prop_get_doc(Value s) { return PROP(s)->doc; }
static int prop_set_doc(Value s, Value v) { PROP(s)->doc = IS_NULL(v) ? VAL_NONE : v; return 0; }

static Value abstract_of(Value f)
{
    if (IS_NONE(f) || IS_NULL(f)) return VAL_FALSE;
    Value v = obj_getattr_opt(f, str_intern_c("__isabstractmethod__"));
    if (IS_NULL(v)) return err_occurred() ? VAL_NULL : VAL_FALSE;
    int t = obj_truthy(v);
    return t < 0 ? VAL_NULL : MK_BOOL(t);
}

static Value prop_get_abstract(Value s)
{
    PropertyObj *p = PROP(s);
    Value fs[3] = {p->fget, p->fset, p->fdel};
    for (int i = 0; i < 3; i++) {
        Value r = abstract_of(fs[i]);
        if (IS_NULL(r) || IS_TRUE(r)) return r;
    }
    return VAL_FALSE;
}

/* fget, fset, fdel are read-only members in CPython. */
static const GetSetDef property_getsets[] = {
    {"fget", prop_get_fget, getset_readonly, NULL},
    {"fset", prop_get_fset, getset_readonly, NULL},
    {"fdel", prop_get_fdel, getset_readonly, NULL},
    {"__doc__", prop_get_doc, prop_set_doc, NULL},
    {"__isabstractmethod__", prop_get_abstract, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef property_methods[] = {
    {"__new__", property_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", property_init_m, ARGS_ANY, NULL},
    {"__get__", property_get_m, ARGS_WRAPT(1, 2), NULL},
    {"__set__", property_set_m, ARGS_WRAPT(2, 2), NULL},
    {"__delete__", property_delete_m, ARGS_WRAP(1), NULL},
    {"__set_name__", property_set_name_m, ARGS_ANY, NULL},
    {"getter", property_getter_m, ARGS_ONE, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", property_setter_m, ARGS_ONE, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", property_deleter_m, ARGS_ONE, "Descriptor to obtain a copy of the property with a different deleter."},
    {NULL, NULL, 0, NULL},
};

static void property_trace(Obj *o)
{
    PropertyObj *p = (PropertyObj *)o;
    gc_mark_value(p->fget); gc_mark_value(p->fset); gc_mark_value(p->fdel);
    gc_mark_value(p->doc); gc_mark_value(p->name);
}

Type type_property = {
    .tp_name = "property", .base = &type_object, .flags = TF_BASETYPE,
    .basicsize = sizeof(PropertyObj), .trace = property_trace,
    .methods = property_methods, .getsets = property_getsets,
};
GILPY_TYPE(type_property, "property");

/* ---- staticmethod / classmethod ------------------------------------------------- */

/* __new__ and __init__ stay ARGS_ANY: their messages name the type
 * ("staticmethod expected 1 argument, got 0"). */
static Value wrapper_new_m(Value *args, int nargs, Value kwnames)
{
    Type *t = AS_TYPE(args[0]);
    WrapperObj *w = (WrapperObj *)((t == &type_staticmethod || t == &type_classmethod)
                                       ? gc_alloc(t, sizeof(WrapperObj)) : obj_new_instance(t));
    if (!w) return VAL_NULL;
    w->func = VAL_NONE;
    w->dict = VAL_NULL;
    return MK_OBJ(w);
}

static Value wrapper_init(Value *args, int nargs, Value kwnames, const char *name)
{
    if (arg_no_kw(name, kwnames)) return VAL_NULL;
    if (nargs != 2) return err_format(&exc_TypeError, "%s expected 1 argument, got %d", name, nargs - 1);
    WrapperObj *w = WRAP(args[0]);
    w->func = args[1];
    if (!IS_DICT(w->dict)) {
        w->dict = dict_new();
        if (IS_NULL(w->dict)) return VAL_NULL;
    }
    static const char *const attrs[] = {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__"};
    for (int i = 0; i < 5; i++) {
        Value v = obj_getattr_opt(args[1], str_intern_c(attrs[i]));
        if (IS_NULL(v)) {
            if (err_occurred()) return VAL_NULL;
            continue;
        }
        if (dict_set_c(w->dict, attrs[i], v) < 0) return VAL_NULL;
    }
    return VAL_NONE;
}

static Value staticmethod_init_m(Value *a, int n, Value k) { return wrapper_init(a, n, k, "staticmethod"); }
static Value classmethod_init_m(Value *a, int n, Value k) { return wrapper_init(a, n, k, "classmethod"); }

static Value staticmethod_get_m(Value *args, int nargs, Value kwnames)
{
    Value obj, type;
    if (descr_get_args(args, &obj, &type) < 0) return VAL_NULL;
    return WRAP(args[0])->func;
}

static Value staticmethod_call_m(Value *args, int nargs, Value kwnames)
{
    return call_value(WRAP(args[0])->func, args + 1, nargs - 1, kwnames);
}

static Value classmethod_get_m(Value *args, int nargs, Value kwnames)
{
    Value obj, type;
    if (descr_get_args(args, &obj, &type) < 0) return VAL_NULL;
    return method_new(WRAP(args[0])->func, IS_NULL(type) ? MK_OBJ(val_type(obj)) : type);
}

static Value wrapper_repr(Value self, const char *kind)
{
    return str_format_c("<%s(%R)>", kind, WRAP(self)->func);
}

static Value staticmethod_repr_m(Value *a, int n, Value k) { return wrapper_repr(a[0], "staticmethod"); }
static Value classmethod_repr_m(Value *a, int n, Value k) { return wrapper_repr(a[0], "classmethod"); }

static Value wrapper_get_func(Value s) { return WRAP(s)->func; }
static Value wrapper_get_abstract(Value s) { return abstract_of(WRAP(s)->func); }
static Value wrapper_get_dict(Value s)
{
    WrapperObj *w = WRAP(s);
    if (!IS_DICT(w->dict)) {
        w->dict = dict_new();
        if (IS_NULL(w->dict)) return VAL_NULL;
    }
    return w->dict;
}

static int wrapper_set_dict(Value s, Value v) { return getset_set_dict(&WRAP(s)->dict, v); }

/* __func__ and __wrapped__ are read-only members in CPython, __dict__ is
 * PyObject_GenericSetDict's. */
static const GetSetDef wrapper_getsets[] = {
    {"__func__", wrapper_get_func, getset_readonly, NULL},
    {"__wrapped__", wrapper_get_func, getset_readonly, NULL},
    {"__isabstractmethod__", wrapper_get_abstract, NULL, NULL},
    {"__dict__", wrapper_get_dict, wrapper_set_dict, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef staticmethod_methods[] = {
    {"__new__", wrapper_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", staticmethod_init_m, ARGS_ANY, NULL},
    {"__get__", staticmethod_get_m, ARGS_WRAPT(1, 2), NULL},
    {"__call__", staticmethod_call_m, ARGS_ANY, NULL},          /* *args, **kwargs */
    {"__repr__", staticmethod_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

static const MethodDef classmethod_methods[] = {
    {"__new__", wrapper_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", classmethod_init_m, ARGS_ANY, NULL},
    {"__get__", classmethod_get_m, ARGS_WRAPT(1, 2), NULL},
    {"__repr__", classmethod_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

static void wrapper_trace(Obj *o)
{
    WrapperObj *w = (WrapperObj *)o;
    gc_mark_value(w->func);
    gc_mark_value(w->dict);
}

Type type_staticmethod = {
    .tp_name = "staticmethod", .base = &type_object, .flags = TF_BASETYPE | TF_HAS_DICT,
    .basicsize = sizeof(WrapperObj), .dictoffset = offsetof(WrapperObj, dict),
    .trace = wrapper_trace, .methods = staticmethod_methods, .getsets = wrapper_getsets,
};
GILPY_TYPE(type_staticmethod, "staticmethod");

Type type_classmethod = {
    .tp_name = "classmethod", .base = &type_object, .flags = TF_BASETYPE | TF_HAS_DICT,
    .basicsize = sizeof(WrapperObj), .dictoffset = offsetof(WrapperObj, dict),
    .trace = wrapper_trace, .methods = classmethod_methods, .getsets = wrapper_getsets,
};
GILPY_TYPE(type_classmethod, "classmethod");
