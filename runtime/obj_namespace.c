/* obj_namespace.c - types.SimpleNamespace (CPython's namespaceobject.c):
 * an object that is only its __dict__.  SimpleNamespace(**kwargs) fills it;
 * the repr lists the attributes in insertion order ("namespace(a=1)", a
 * subclass's own name, "namespace(...)" when it contains itself); two
 * namespaces are equal when their dicts are.  sys.implementation is one.
 */
#include "runtime/obj_namespace.h"

#include <stddef.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/strbuf.h"

typedef struct Namespace {
    Obj   header;
    Value dict;
} Namespace;

#define NS_DICT(v) (((Namespace *)AS_OBJ(v))->dict)

static void ns_trace(Obj *o) { gc_mark_value(((Namespace *)o)->dict); }

static Value ns_alloc(Type *t) {
    Namespace *ns = (Namespace *)obj_new_instance(t);
    if (!ns) return VAL_NULL;
    ns->dict = dict_new();
    return IS_NULL(ns->dict) ? VAL_NULL : MK_OBJ(ns);
}

Value namespace_new(void) { return ns_alloc(&type_namespace); }

Value namespace_dict(Value ns) { return NS_DICT(ns); }

/* __new__(cls, *args, **kwargs): an empty namespace (of cls). */
static Value ns_new_m(Value *args, int nargs, Value kwnames) { return ns_alloc(AS_TYPE(args[0])); }

/* __init__(self, /, **kwargs) */
static Value ns_init_m(Value *args, int nargs, Value kwnames) {
    if (nargs > 1) return err_format(&exc_TypeError, "no positional arguments expected");
    int64_t nkw = IS_NULL(kwnames) ? 0 : AS_TUPLE(kwnames)->len;
    for (int64_t i = 0; i < nkw; i++)
        if (dict_set(NS_DICT(args[0]), AS_TUPLE(kwnames)->items[i], args[nargs + i]) < 0) return VAL_NULL;
    return VAL_NONE;
}

static Value ns_repr_m(Value *args, int nargs, Value kwnames) {
    Value self = args[0];
    const char *name = IS_EXACT(self, type_namespace) ? "namespace" : val_type_name(self);
    int st = seq_repr_enter(self);
    if (st < 0) return VAL_NULL;
    if (st > 0) return str_format_c("%s(...)", name);
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, name);
    sb_putc(&sb, '(');
    int64_t pos = 0;
    Value k, v;
    int first = 1, ok = 1;
    while (ok && dict_next(NS_DICT(self), &pos, &k, &v)) {
        if (!IS_STR(k)) continue;
        Value r = obj_repr(v);
        if (IS_NULL(r)) { ok = 0; break; }
        if (!first) sb_puts(&sb, ", ");
        first = 0;
        sb_put_value_str(&sb, k);
        sb_putc(&sb, '=');
        sb_put_value_str(&sb, r);
    }
    seq_repr_leave(self);
    if (!ok) { sb_free(&sb); return VAL_NULL; }
    sb_putc(&sb, ')');
    return sb_finish_str(&sb);
}

static int ns_both(Value *args) {
    return val_isinstance(args[0], &type_namespace) && val_isinstance(args[1], &type_namespace);
}

static Value ns_eq_m(Value *args, int nargs, Value kwnames) {
    return ns_both(args) ? obj_richcompare(NS_DICT(args[0]), NS_DICT(args[1]), CMP_EQ) : VAL_NOTIMPLEMENTED;
}

static Value ns_ne_m(Value *args, int nargs, Value kwnames) {
    return ns_both(args) ? obj_richcompare(NS_DICT(args[0]), NS_DICT(args[1]), CMP_NE) : VAL_NOTIMPLEMENTED;
}

/* (type(self), (), self.__dict__) */
static Value ns_reduce_m(Value *args, int nargs, Value kwnames) {
    Value empty = tuple_new(0);
    if (IS_NULL(empty)) return VAL_NULL;
    return tuple_pack(3, MK_OBJ(val_type(args[0])), empty, NS_DICT(args[0]));
}

static const MethodDef ns_methods[] = {
    {"__new__", ns_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", ns_init_m, ARGS_ANY, NULL},
    {"__repr__", ns_repr_m, ARGS_WRAP(0), NULL},
    {"__eq__", ns_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", ns_ne_m, ARGS_WRAP(1), NULL},
    {"__reduce__", ns_reduce_m, ARGS_NONE, NULL},
    {"__hash__", NULL, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static Value ns_get_dict(Value self) { return NS_DICT(self); }
static int ns_set_dict(Value self, Value v) { return getset_set_dict(&NS_DICT(self), v); }

static const GetSetDef ns_getsets[] = {
    {"__dict__", ns_get_dict, ns_set_dict, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_namespace = {
    .tp_name = "types.SimpleNamespace", .base = &type_object,
    .flags = TF_BASETYPE | TF_HAS_DICT | TF_WEAKREFABLE,
    .basicsize = sizeof(Namespace), .dictoffset = offsetof(Namespace, dict), .trace = ns_trace,
    .methods = ns_methods, .getsets = ns_getsets,
};
GILPY_TYPE(type_namespace, NULL);
