/* obj_func.c - native callables and the descriptors builtin types use:
 *
 *   builtin_function_or_method  a C function, maybe bound to a receiver
 *   method_descriptor           a C method in a type's dict (list.append);
 *                               binding it to an instance gives a bound
 *                               builtin_function_or_method
 *   classmethod_descriptor      a METH_CLASS C method (dict.fromkeys)
 *   getset_descriptor           a computed attribute (slice.start)
 *   method                      any callable bound to self (Python methods)
 */
#include <string.h>

#include "call.h"
#include "error.h"
#include "gc.h"
#include "obj_dict.h"
#include "obj_list.h"
#include "obj_misc.h"
#include "obj_str.h"
#include "obj_type.h"
#include "runtime.h"
#include "state.h"

static void builtin_trace(Obj *o) {
    BuiltinFn *f = (BuiltinFn *)o;
    gc_mark_value(f->self);
    gc_mark_value(f->module);
    gc_mark_value(f->module_attr);
}

Value builtin_fn_new(const MethodDef *def, Value self_or_module) {
    BuiltinFn *f = (BuiltinFn *)gc_alloc(&type_builtin_function, sizeof(BuiltinFn));
    if (!f) return VAL_NULL;
    f->def = def;
    f->self = VAL_NULL;
    f->module = self_or_module;
    f->module_attr = VAL_NULL;
    return MK_OBJ(f);
}

/* Whether a type's method is one of CPython's slot wrappers: those declared as
 * wrappers, and __init__ and __call__ whatever their argument kind
 * (types.WrapperDescriptorType is type(object.__init__)). */
static int descr_is_slot_wrapper(const MethodDef *d) {
    uint32_t args = ARGS_KIND(d->flags);
    return args == ARGK_WRAP || args == ARGK_WRAPT || !strcmp(d->name, "__init__") || !strcmp(d->name, "__call__");
}

/* A native method bound to self: a method-wrapper for slot wrappers, else a
 * builtin_function_or_method. */
static Value builtin_bound_new(const MethodDef *def, Value self) {
    uint32_t kind = ARGS_KIND(def->flags);
    Type *t = kind == ARGK_WRAP || kind == ARGK_WRAPT ? &type_method_wrapper : &type_builtin_function;
    BuiltinFn *f = (BuiltinFn *)gc_alloc(t, sizeof(BuiltinFn));
    if (!f) return VAL_NULL;
    f->def = def;
    f->self = self;
    f->module = VAL_NULL;
    f->module_attr = VAL_NULL;
    return MK_OBJ(f);
}


static Value builtin_repr_m(Value *args, int nargs, Value kwnames) {
    BuiltinFn *f = (BuiltinFn *)AS_OBJ(args[0]);
    if (f->header.type == &type_method_wrapper)
        return str_format_c("<method-wrapper '%s' of %s object at %p>", f->def->name, val_type_name(f->self),
                            IS_OBJ(f->self) ? (void *)AS_OBJ(f->self) : NULL);
    if (IS_NULL(f->self) && IS_TYPE(f->module))          /* a static method: bound to its type */
        return str_format_c("<built-in method %s of type object at %p>", f->def->name, (void *)AS_OBJ(f->module));
    if (IS_NULL(f->self) || IS_EXACT(f->self, type_module))
        return str_format_c("<built-in function %s>", f->def->name);
    return str_format_c("<built-in method %s of %s object at %p>", f->def->name, val_type_name(f->self),
                        IS_OBJ(f->self) ? (void *)AS_OBJ(f->self) : NULL);
}

static Value builtin_get_name(Value self) { return str_intern_c(((BuiltinFn *)AS_OBJ(self))->def->name); }
static Value builtin_get_qualname(Value self) {
    BuiltinFn *f = (BuiltinFn *)AS_OBJ(self);
    if (IS_TYPE(f->self)) return str_format_c("%s.%s", type_name(AS_TYPE(f->self)), f->def->name);
    if (!IS_NULL(f->self) && !IS_EXACT(f->self, type_module))
        return str_format_c("%s.%s", val_type_name(f->self), f->def->name);
    if (IS_TYPE(f->module)) return str_format_c("%s.%s", type_name(AS_TYPE(f->module)), f->def->name);
    return str_intern_c(f->def->name);
}
/* A native's __doc__: its table's, or for a slot (__next__, __init__) without
 * one the text every slot of that name shares. */
static Value native_doc(const MethodDef *def) {
    const char *d = def->doc;
    if (!d && def->name[0] == '_' && def->name[1] == '_')
        for (const NameDoc *n = builtin_slot_docs; n->name && !d; n++)
            if (!strcmp(n->name, def->name)) d = n->doc;
    return d ? str_from_c(d) : VAL_NONE;
}

static Value builtin_get_doc(Value self) { return native_doc(((BuiltinFn *)AS_OBJ(self))->def); }
/* A type's static method (__new__, maketrans) is bound to the type in
 * CPython: its __self__ is the type. */
static Value builtin_get_self(Value self) {
    BuiltinFn *f = (BuiltinFn *)AS_OBJ(self);
    if (!IS_NULL(f->self)) return f->self;
    return IS_NULL(f->module) ? VAL_NONE : f->module;
}
/* __module__ is a plain writable member in CPython (m_module). */
static Value builtin_get_module(Value self) {
    BuiltinFn *f = (BuiltinFn *)AS_OBJ(self);
    if (!IS_NULL(f->module_attr)) return f->module_attr;
    if (IS_EXACT(f->module, type_module)) {
        Value n = dict_get_c(MODULE_DICT(f->module), "__name__");
        if (!IS_NULL(n)) return n;
    }
    return VAL_NONE;
}

/* Two bound natives are equal when they are the same C function bound to the
 * same object (identity, as CPython's meth_richcompare); no ordering. */
static Value builtin_cmp(Value *args, int eq) {
    if (val_type(args[1]) != val_type(args[0])) return VAL_NOTIMPLEMENTED;
    BuiltinFn *a = (BuiltinFn *)AS_OBJ(args[0]), *b = (BuiltinFn *)AS_OBJ(args[1]);
    int same = a->def == b->def && a->self == b->self && (!IS_NULL(a->self) || a->module == b->module);
    return MK_BOOL(same == eq);
}
static Value builtin_eq_m(Value *args, int nargs, Value kwnames) { return builtin_cmp(args, 1); }
static Value builtin_ne_m(Value *args, int nargs, Value kwnames) { return builtin_cmp(args, 0); }
static Value builtin_hash_m(Value *args, int nargs, Value kwnames) {
    BuiltinFn *f = (BuiltinFn *)AS_OBJ(args[0]);
    uint64_t h = (uint64_t)(uintptr_t)f->def ^ (uint64_t)(IS_NULL(f->self) ? f->module : f->self);
    return MK_SMALLINT((int64_t)((h >> 4) & SMALLINT_MAX));
}


/* (getattr, (owner, name)): how pickle and copy rebuild a method by reference,
 * as CPython's meth_reduce / descr_reduce / method_reduce. */
static Value reduce_getattr(Value owner, Value name) {
    Value ga = IS_DICT(interp.builtins) ? dict_get_c(interp.builtins, "getattr") : VAL_NULL;
    if (IS_NULL(ga)) return err_format(&exc_RuntimeError, "lost builtins.getattr");
    Value t = tuple_pack(2, owner, name);
    return IS_NULL(t) ? VAL_NULL : tuple_pack(2, ga, t);
}

/* A module-level native pickles as its name (a global); a bound one as getattr. */
static Value builtin_reduce_m(Value *args, int nargs, Value kwnames) {
    BuiltinFn *f = (BuiltinFn *)AS_OBJ(args[0]);
    Value self = builtin_get_self(args[0]);
    if (f->header.type != &type_method_wrapper && (IS_NONE(self) || IS_EXACT(self, type_module)))
        return str_intern_c(f->def->name);
    return reduce_getattr(self, str_intern_c(f->def->name));
}

/* Every `__call__` stays ARGS_ANY: it passes *args and **kwargs on. */
static const MethodDef builtin_methods[] = {
    {"__call__", call_dunder_m, ARGS_ANY, NULL},
    {"__repr__", builtin_repr_m, ARGS_WRAP(0), NULL},
    {"__eq__", builtin_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", builtin_ne_m, ARGS_WRAP(1), NULL},
    {"__hash__", builtin_hash_m, ARGS_WRAP(0), NULL},
    {"__reduce__", builtin_reduce_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};
static int builtin_set_module(Value self, Value v) {
    ((BuiltinFn *)AS_OBJ(self))->module_attr = IS_NULL(v) ? VAL_NONE : v;
    return 0;
}
/* The parameters of the signature the table gives, as CPython's
 * __text_signature__ ("($self, /, key=None)"), or None. */
static Value builtin_get_text_signature(Value self) {
    const char *sig = ((BuiltinFn *)AS_OBJ(self))->def->sig;
    const char *p = sig ? strchr(sig, '(') : NULL;
    return p ? str_from_c(p) : VAL_NONE;
}

static const GetSetDef builtin_getsets[] = {
    {"__name__", builtin_get_name, NULL, NULL},
    {"__qualname__", builtin_get_qualname, NULL, NULL},
    {"__doc__", builtin_get_doc, NULL, NULL},
    {"__self__", builtin_get_self, NULL, NULL},
    {"__module__", builtin_get_module, builtin_set_module, NULL},
    {"__text_signature__", builtin_get_text_signature, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};
Type type_builtin_function = {
    .tp_name = "builtin_function_or_method", .base = &type_object, .flags = TF_WEAKREFABLE,
    .basicsize = sizeof(BuiltinFn), .trace = builtin_trace, .call = native_call,
    .methods = builtin_methods, .getsets = builtin_getsets,
};
GILPY_TYPE(type_builtin_function, NULL);
/* method-wrapper: __self__ a read-only member, __objclass__ a getset, no __module__. */
static Value wrapper_get_objclass(Value self) { return MK_OBJ(val_type(((BuiltinFn *)AS_OBJ(self))->self)); }
static const GetSetDef method_wrapper_getsets[] = {
    {"__name__", builtin_get_name, NULL, NULL},
    {"__qualname__", builtin_get_qualname, NULL, NULL},
    {"__doc__", builtin_get_doc, NULL, NULL},
    {"__self__", builtin_get_self, getset_readonly, NULL},
    {"__objclass__", wrapper_get_objclass, NULL, NULL},
    {"__text_signature__", builtin_get_text_signature, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};
Type type_method_wrapper = {
    .tp_name = "method-wrapper", .base = &type_object,
    .basicsize = sizeof(BuiltinFn), .trace = builtin_trace, .call = native_call,
    .methods = builtin_methods, .getsets = method_wrapper_getsets,
};
GILPY_TYPE(type_method_wrapper, NULL);

/* ---- method_descriptor / classmethod_descriptor ---------------------------------- */

static void descr_trace(Obj *o) { gc_mark_obj(&((MethodDescr *)o)->owner->header); }

static Value methoddescr_get(Value descr, Value obj, Value type) {
    MethodDescr *d = (MethodDescr *)AS_OBJ(descr);
    if (IS_NULL(obj)) return descr;
    if (!val_isinstance(obj, d->owner))
        return err_format(&exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%T' object",
                          d->def->name, type_name(d->owner), obj);
    return builtin_bound_new(d->def, obj);
}

static Value methoddescr_get_m(Value *args, int nargs, Value kwnames) {
    Value obj, type;
    if (descr_get_args(args, &obj, &type) < 0) return VAL_NULL;
    return methoddescr_get(args[0], obj, type);
}

static Value methoddescr_repr_m(Value *args, int nargs, Value kwnames) {
    MethodDescr *d = (MethodDescr *)AS_OBJ(args[0]);
    if (d->header.type == &type_wrapper_descriptor)
        return str_format_c("<slot wrapper '%s' of '%s' objects>", d->def->name, type_name(d->owner));
    return str_format_c("<method '%s' of '%s' objects>", d->def->name, type_name(d->owner));
}

static Value methoddescr_get_name(Value self) { return str_intern_c(((MethodDescr *)AS_OBJ(self))->def->name); }
static Value methoddescr_get_qualname(Value self) {
    MethodDescr *d = (MethodDescr *)AS_OBJ(self);
    return str_format_c("%s.%s", type_name(d->owner), d->def->name);
}
static Value methoddescr_get_doc(Value self) { return native_doc(((MethodDescr *)AS_OBJ(self))->def); }
static Value methoddescr_get_objclass(Value self) { return MK_OBJ(((MethodDescr *)AS_OBJ(self))->owner); }

static Value methoddescr_reduce_m(Value *args, int nargs, Value kwnames) {
    MethodDescr *d = (MethodDescr *)AS_OBJ(args[0]);
    return reduce_getattr(MK_OBJ(d->owner), str_intern_c(d->def->name));
}

static const MethodDef methoddescr_methods[] = {
    {"__get__", methoddescr_get_m, ARGS_WRAPT(1, 2), NULL},
    {"__call__", call_dunder_m, ARGS_ANY, NULL},
    {"__repr__", methoddescr_repr_m, ARGS_WRAP(0), NULL},
    {"__reduce__", methoddescr_reduce_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};
static Value methoddescr_get_text_signature(Value self) {
    const char *sig = ((MethodDescr *)AS_OBJ(self))->def->sig;
    const char *p = sig ? strchr(sig, '(') : NULL;
    return p ? str_from_c(p) : VAL_NONE;
}
/* __name__ and __objclass__ are read-only members in CPython, the rest getsets. */
static const GetSetDef methoddescr_getsets[] = {
    {"__name__", methoddescr_get_name, getset_readonly, NULL},
    {"__qualname__", methoddescr_get_qualname, NULL, NULL},
    {"__doc__", methoddescr_get_doc, NULL, NULL},
    {"__objclass__", methoddescr_get_objclass, getset_readonly, NULL},
    {"__text_signature__", methoddescr_get_text_signature, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};
Type type_method_descriptor = {
    .tp_name = "method_descriptor", .base = &type_object, .basicsize = sizeof(MethodDescr),
    .flags = TF_METHOD_DESCR, .trace = descr_trace, .call = descr_call, .get = methoddescr_get,
    .methods = methoddescr_methods, .getsets = methoddescr_getsets,
};
GILPY_TYPE(type_method_descriptor, NULL);
Type type_wrapper_descriptor = {
    .tp_name = "wrapper_descriptor", .base = &type_object, .basicsize = sizeof(MethodDescr),
    .flags = TF_METHOD_DESCR, .trace = descr_trace, .call = descr_call, .get = methoddescr_get,
    .methods = methoddescr_methods, .getsets = methoddescr_getsets,
};
GILPY_TYPE(type_wrapper_descriptor, NULL);

static Value cmdescr_get(Value descr, Value obj, Value type) {
    Value cls = IS_NULL(type) || IS_NONE(type) ? MK_OBJ(val_type(obj)) : type;
    return builtin_bound_new(((MethodDescr *)AS_OBJ(descr))->def, cls);
}

static Value cmdescr_get_m(Value *args, int nargs, Value kwnames) {
    MethodDescr *d = (MethodDescr *)AS_OBJ(args[0]);
    Value obj, type;
    if (descr_get_args(args, &obj, &type) < 0) return VAL_NULL;
    if (IS_NULL(type)) type = MK_OBJ(val_type(obj));
    if (!IS_TYPE(type))
        return err_format(&exc_TypeError, "descriptor '%s' for type '%s' needs a type, not a '%T' as arg 2",
                          d->def->name, type_name(d->owner), type);
    if (!type_is_subtype(AS_TYPE(type), d->owner))
        return err_format(&exc_TypeError, "descriptor '%s' requires a subtype of '%s' but received '%s'",
                          d->def->name, type_name(d->owner), type_name(AS_TYPE(type)));
    return builtin_bound_new(d->def, type);
}
static const MethodDef cmdescr_methods[] = {
    {"__get__", cmdescr_get_m, ARGS_WRAPT(1, 2), NULL},
    {"__call__", call_dunder_m, ARGS_ANY, NULL},
    {"__repr__", methoddescr_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};
Type type_classmethod_descriptor = {
    .tp_name = "classmethod_descriptor", .base = &type_object, .basicsize = sizeof(MethodDescr),
    .trace = descr_trace, .call = classmethod_descr_call, .get = cmdescr_get, .methods = cmdescr_methods, .getsets = methoddescr_getsets,
};
GILPY_TYPE(type_classmethod_descriptor, NULL);

void dict_add_methods(Value dict, const MethodDef *defs, Value owner) {
    for (const MethodDef *d = defs; d && d->name; d++) {
        Value v;
        if (!d->fn) v = VAL_NONE;                           /* __hash__ = None */
        else if (IS_TYPE(owner) && !(d->flags & METH_STATIC)) {
            Type *kind = (d->flags & METH_CLASS) ? &type_classmethod_descriptor
                       : descr_is_slot_wrapper(d) ? &type_wrapper_descriptor
                       : &type_method_descriptor;
            MethodDescr *md = (MethodDescr *)gc_alloc(kind, sizeof(MethodDescr));
            if (!md) return;
            md->def = d;
            md->owner = AS_TYPE(owner);
            v = MK_OBJ(md);
        } else {
            v = builtin_fn_new(d, owner);      /* a module function, or a type's static method */
            /* str.maketrans & co. sit in the type's dict as staticmethod objects, as
               in CPython (__new__ stays a plain builtin bound to the type). */
            if (IS_TYPE(owner) && !IS_NULL(v) && d->name[0] != '_') v = staticmethod_new(v);
        }
        if (IS_NULL(v) || dict_set(dict, str_intern_c(d->name), v) < 0) return;
    }
}

/* ---- getset_descriptor ------------------------------------------------------------ */

Value getset_descr_new(Type *owner, const GetSetDef *def) {
    if (def->set == getset_readonly) return member_descr_from_getset(owner, def);
    GetSetDescr *g = (GetSetDescr *)gc_alloc(&type_getset_descriptor, sizeof(GetSetDescr));
    if (!g) return VAL_NULL;
    g->def = def;
    g->owner = owner;
    return MK_OBJ(g);
}

static Value getset_get(Value descr, Value obj, Value type) {
    GetSetDescr *g = (GetSetDescr *)AS_OBJ(descr);
    if (IS_NULL(obj)) return descr;
    if (!val_isinstance(obj, g->owner))
        return err_format(&exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%T' object",
                          g->def->name, type_name(g->owner), obj);
    return g->def->get(obj);
}

static Value getset_get_m(Value *args, int nargs, Value kwnames) {
    Value obj, type;
    if (descr_get_args(args, &obj, &type) < 0) return VAL_NULL;
    return getset_get(args[0], obj, type);
}

/* CPython's order: the instance check (descr_setcheck), then the setter. */
static Value getset_set_common(Value descr, Value obj, Value v) {
    GetSetDescr *g = (GetSetDescr *)AS_OBJ(descr);
    if (!val_isinstance(obj, g->owner))
        return err_format(&exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%T' object",
                          g->def->name, type_name(g->owner), obj);
    if (!g->def->set)
        return err_format(&exc_AttributeError, "attribute '%s' of '%s' objects is not writable",
                          g->def->name, type_name(g->owner));
    return g->def->set(obj, v) < 0 ? VAL_NULL : VAL_NONE;
}

int getset_readonly(Value self, Value v) {
    (void)self; (void)v;
    err_format(&exc_AttributeError, "readonly attribute");
    return -1;
}

int getset_set_bool(int *slot, Value v) {
    if (IS_NULL(v)) { err_format(&exc_TypeError, "can't delete numeric/char attribute"); return -1; }
    if (!IS_BOOL(v)) { err_format(&exc_TypeError, "attribute value type must be bool"); return -1; }
    *slot = AS_BOOL(v);
    return 0;
}

int getset_set_dict(Value *slot, Value v) {
    if (IS_NULL(v)) { err_format(&exc_TypeError, "cannot delete __dict__"); return -1; }
    if (!IS_DICT(v)) { err_format(&exc_TypeError, "__dict__ must be set to a dictionary, not a '%T'", v); return -1; }
    *slot = v;
    return 0;
}

static Value getset_set_m(Value *args, int nargs, Value kwnames) {
    return getset_set_common(args[0], args[1], args[2]);
}

static Value getset_delete_m(Value *args, int nargs, Value kwnames) {
    return getset_set_common(args[0], args[1], VAL_NULL);
}

static Value getset_repr_m(Value *args, int nargs, Value kwnames) {
    GetSetDescr *g = (GetSetDescr *)AS_OBJ(args[0]);
    return str_format_c("<attribute '%s' of '%s' objects>", g->def->name, type_name(g->owner));
}

static const MethodDef getset_methods[] = {
    {"__get__", getset_get_m, ARGS_WRAPT(1, 2), NULL},
    {"__set__", getset_set_m, ARGS_WRAPT(2, 2), NULL},
    {"__delete__", getset_delete_m, ARGS_WRAP(1), NULL},
    {"__repr__", getset_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};
static Value getset_get_name(Value self) { return str_intern_c(((GetSetDescr *)AS_OBJ(self))->def->name); }
static Value getset_get_qualname(Value self) {
    GetSetDescr *g = (GetSetDescr *)AS_OBJ(self);
    return str_format_c("%s.%s", type_name(g->owner), g->def->name);
}
static Value getset_get_doc(Value self) {
    const char *d = ((GetSetDescr *)AS_OBJ(self))->def->doc;
    return d ? str_from_c(d) : VAL_NONE;
}
static Value getset_get_objclass(Value self) { return MK_OBJ(((GetSetDescr *)AS_OBJ(self))->owner); }
/* __name__ and __objclass__ are read-only members in CPython, the rest getsets. */
static const GetSetDef getset_getsets[] = {
    {"__name__", getset_get_name, getset_readonly, NULL},
    {"__qualname__", getset_get_qualname, NULL, NULL},
    {"__doc__", getset_get_doc, NULL, NULL},
    {"__objclass__", getset_get_objclass, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};
Type type_getset_descriptor = {
    .tp_name = "getset_descriptor", .base = &type_object, .basicsize = sizeof(GetSetDescr),
    .trace = descr_trace, .get = getset_get, .methods = getset_methods, .getsets = getset_getsets,
};
GILPY_TYPE(type_getset_descriptor, NULL);

/* ---- bound methods ------------------------------------------------------------------ */

static void method_trace(Obj *o) {
    gc_mark_value(((BoundMethod *)o)->func);
    gc_mark_value(((BoundMethod *)o)->self);
}

Value method_new(Value func, Value self) {
    BoundMethod *m = (BoundMethod *)gc_alloc(&type_method, sizeof(BoundMethod));
    if (!m) return VAL_NULL;
    m->func = func;
    m->self = self;
    return MK_OBJ(m);
}

/* ARGS_ANY, as __new__ of a builtin type: "method expected 2 arguments, got 1"
 * and "method() takes no keyword arguments" name the type. */
static Value method_new_m(Value *args, int nargs, Value kwnames) {
    if (arg_no_kw("method", kwnames) || arg_count("method", nargs - 1, 2, 2)) return VAL_NULL;
    if (!call_is_callable(args[1])) return err_format(&exc_TypeError, "first argument must be callable");
    if (IS_NONE(args[2])) return err_format(&exc_TypeError, "instance must not be None");
    return method_new(args[1], args[2]);
}

static Value method_repr_m(Value *args, int nargs, Value kwnames) {
    BoundMethod *m = (BoundMethod *)AS_OBJ(args[0]);
    Value qn = obj_getattr_opt(m->func, str_intern_c("__qualname__"));   /* then __name__, then ? */
    if (IS_NULL(qn) && !err_occurred()) qn = obj_getattr_opt(m->func, str_intern_c("__name__"));
    if (IS_NULL(qn) && err_occurred()) return VAL_NULL;
    if (IS_NULL(qn)) qn = str_intern_c("?");
    Value r = obj_repr(m->self);
    if (IS_NULL(r)) return VAL_NULL;
    return str_format_c("<bound method %S of %U>", qn, r);
}

static Value method_eq_m(Value *args, int nargs, Value kwnames) {
    if (!IS_EXACT(args[1], type_method)) return VAL_NOTIMPLEMENTED;
    BoundMethod *a = (BoundMethod *)AS_OBJ(args[0]), *b = (BoundMethod *)AS_OBJ(args[1]);
    return MK_BOOL(a->self == b->self && a->func == b->func);
}

static Value method_hash_m(Value *args, int nargs, Value kwnames) {
    BoundMethod *m = (BoundMethod *)AS_OBJ(args[0]);
    int64_t h1 = val_identity_hash(m->self);   /* methods compare their self by identity */
    int64_t h2 = obj_hash(m->func);
    if (h2 == -1) return VAL_NULL;
    return MK_SMALLINT((h1 ^ h2) & SMALLINT_MAX);
}

static Value method_getattribute_m(Value *args, int nargs, Value kwnames) {
    Value r = obj_generic_getattr(args[0], args[1], 1);
    if (!IS_NULL(r) || err_occurred()) return r;
    return obj_getattr(((BoundMethod *)AS_OBJ(args[0]))->func, args[1]);
}

static Value method_get_func(Value self) { return ((BoundMethod *)AS_OBJ(self))->func; }
static Value method_get_self(Value self) { return ((BoundMethod *)AS_OBJ(self))->self; }
static Value method_get_doc(Value self) { return obj_getattr_c(method_get_func(self), "__doc__"); }

static Value method_reduce_m(Value *args, int nargs, Value kwnames) {
    BoundMethod *m = (BoundMethod *)AS_OBJ(args[0]);
    Value name = obj_getattr_c(m->func, "__name__");
    return IS_NULL(name) ? VAL_NULL : reduce_getattr(m->self, name);
}

static const MethodDef method_methods[] = {
    {"__reduce__", method_reduce_m, ARGS_NONE, NULL},
    {"__new__", method_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__call__", call_dunder_m, ARGS_ANY, NULL},
    {"__repr__", method_repr_m, ARGS_WRAP(0), NULL},
    {"__eq__", method_eq_m, ARGS_WRAP(1), NULL},
    {"__hash__", method_hash_m, ARGS_WRAP(0), NULL},
    {"__getattribute__", method_getattribute_m, ARGS_WRAP(1), NULL},
    {NULL, NULL, 0, NULL},
};
static const GetSetDef method_getsets[] = {
    {"__func__", method_get_func, getset_readonly, NULL},
    {"__self__", method_get_self, getset_readonly, NULL},
    {"__doc__", method_get_doc, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};
Type type_method = {
    .tp_name = "method", .base = &type_object, .flags = TF_WEAKREFABLE, .basicsize = sizeof(BoundMethod),
    .trace = method_trace, .call = method_call, .methods = method_methods, .getsets = method_getsets,
};
GILPY_TYPE(type_method, NULL);

/* ---- staticmethod / classmethod construction from C ------------------------------- */

static Value wrapper_new(Type *t, Value func) {
    WrapperObj *w = (WrapperObj *)gc_alloc(t, t->basicsize ? t->basicsize : sizeof(WrapperObj));
    if (!w) return VAL_NULL;
    w->func = func;
    w->dict = VAL_NULL;
    return MK_OBJ(w);
}

Value staticmethod_new(Value func) { return wrapper_new(&type_staticmethod, func); }
Value classmethod_new(Value func) { return wrapper_new(&type_classmethod, func); }
