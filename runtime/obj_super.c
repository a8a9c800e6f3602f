/* obj_super.c - super(): attribute lookup that starts after a class in the
 * MRO of an object's type.  The zero-argument form takes its arguments from
 * the calling frame (the first parameter and the __class__ cell), which
 * only the VM can see: interp.vm.super_args (runtime/state.h). */
#include "call.h"
#include "error.h"
#include "gc.h"
#include "obj_dict.h"
#include "obj_list.h"
#include "obj_str.h"
#include "obj_type.h"
#include "state.h"

typedef struct SuperObj {
    Obj   header;
    Value type;          /* the class after which the lookup starts */
    Value obj;           /* the instance or class bound to, or None */
    Value obj_type;      /* the type whose MRO is searched */
} SuperObj;

#define AS_SUPER(v) ((SuperObj *)AS_OBJ(v))

static void super_trace(Obj *o) {
    SuperObj *s = (SuperObj *)o;
    gc_mark_value(s->type);
    gc_mark_value(s->obj);
    gc_mark_value(s->obj_type);
}

/* The type whose MRO super(type, obj) searches. */
static Value super_check(Value type, Value obj) {
    if (IS_TYPE(obj) && type_is_subtype(AS_TYPE(obj), AS_TYPE(type))) return obj;
    if (val_isinstance(obj, AS_TYPE(type))) return MK_OBJ(val_type(obj));
    Type *c = obj_claimed_class(obj);
    if (c && type_is_subtype(c, AS_TYPE(type))) return MK_OBJ(c);
    if (err_occurred()) return VAL_NULL;
    return err_format(&exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
}

/* __new__ and __init__ stay ARGS_ANY: their messages name the type.  super(...)
 * itself checks its arguments as CPython's super_vectorcall does; super.__init__
 * called on its own words them as PyArg_ParseTuple. */
static Value super_new_m(Value *args, int nargs, Value kwnames) {
    if (AS_TYPE(args[0]) == &type_super) {
        if (arg_no_kw("super", kwnames)) return VAL_NULL;
        if (nargs > 3) return err_format(&exc_TypeError, "super() expected at most 2 arguments, got %d", nargs - 1);
    }
    Obj *o = obj_new_instance(AS_TYPE(args[0]));
    if (!o) return VAL_NULL;
    SuperObj *s = (SuperObj *)o;
    s->type = s->obj = s->obj_type = VAL_NONE;
    return MK_OBJ(o);
}

static Value super_init_m(Value *args, int nargs, Value kwnames) {
    if (arg_no_kw("super", kwnames)) return VAL_NULL;
    if (nargs > 3) return err_format(&exc_TypeError, "super() takes at most 2 arguments (%d given)", nargs - 1);
    SuperObj *s = AS_SUPER(args[0]);
    Value type, obj = VAL_NONE;
    if (nargs == 1) {
        if (interp.vm.super_args(&type, &obj) < 0) return VAL_NULL;
    } else {
        type = args[1];
        if (nargs > 2) obj = args[2];
    }
    if (!IS_TYPE(type)) return err_format(&exc_TypeError, "super() argument 1 must be a type, not %T", type);
    Value ot = VAL_NONE;
    if (!IS_NONE(obj)) {
        ot = super_check(type, obj);
        if (IS_NULL(ot)) return VAL_NULL;
    }
    s->type = type;
    s->obj = obj;
    s->obj_type = ot;
    return VAL_NONE;
}

static Value super_getattribute_m(Value *args, int nargs, Value kwnames) {
    SuperObj *s = AS_SUPER(args[0]);
    Value name = args[1];
    if (IS_TYPE(s->obj_type) && IS_TUPLE(AS_TYPE(s->obj_type)->mro) && !str_eq_c(name, "__class__")) {
        Tuple *mro = AS_TUPLE(AS_TYPE(s->obj_type)->mro);
        int64_t i = 0;
        while (i < mro->len && mro->items[i] != s->type) i++;
        for (i++; i < mro->len; i++) {
            Type *t = AS_TYPE(mro->items[i]);
            Value d = dict_get(t->dict, name);
            if (IS_NULL(d)) continue;
            Value inst = s->obj == s->obj_type ? VAL_NULL : s->obj;     /* class access */
            return descr_get(d, inst, s->obj_type);
        }
    }
    return obj_generic_getattr(args[0], name, 0);
}

static Value super_get_m(Value *args, int nargs, Value kwnames) {
    SuperObj *s = AS_SUPER(args[0]);
    Value obj, type;
    if (descr_get_args(args, &obj, &type) < 0) return VAL_NULL;
    if (IS_NULL(obj) || !IS_NONE(s->obj)) return args[0];
    Value ns = super_new_m((Value[]){ MK_OBJ(val_type(args[0])) }, 1, VAL_NULL);
    if (IS_NULL(ns)) return VAL_NULL;
    Value a[3] = { ns, s->type, obj };
    if (IS_NULL(super_init_m(a, 3, VAL_NULL))) return VAL_NULL;
    return ns;
}

static Value super_repr_m(Value *args, int nargs, Value kwnames) {
    SuperObj *s = AS_SUPER(args[0]);
    const char *tn = IS_TYPE(s->type) ? type_name(AS_TYPE(s->type)) : "NULL";
    if (IS_TYPE(s->obj_type))
        return str_format_c("<super: <class '%s'>, <%s object>>", tn, type_name(AS_TYPE(s->obj_type)));
    return str_format_c("<super: <class '%s'>, NULL>", tn);
}

static Value super_get_thisclass(Value self) { return AS_SUPER(self)->type; }
static Value super_get_self(Value self) { return AS_SUPER(self)->obj; }
static Value super_get_self_class(Value self) { return AS_SUPER(self)->obj_type; }

static const MethodDef super_methods[] = {
    {"__new__", super_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", super_init_m, ARGS_ANY, NULL},
    {"__getattribute__", super_getattribute_m, ARGS_WRAP(1), NULL},
    {"__get__", super_get_m, ARGS_WRAPT(1, 2), NULL},
    {"__repr__", super_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};
static const GetSetDef super_getsets[] = {
    {"__thisclass__", super_get_thisclass, getset_readonly, NULL},     /* read-only members */
    {"__self__", super_get_self, getset_readonly, NULL},
    {"__self_class__", super_get_self_class, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};
Type type_super = {
    .tp_name = "super", .base = &type_object, .flags = TF_BASETYPE,
    .basicsize = sizeof(SuperObj), .trace = super_trace,
    .methods = super_methods, .getsets = super_getsets,
};
GILPY_TYPE(type_super, "super");
