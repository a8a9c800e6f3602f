/* obj_member.c - member descriptors (one per name in a class's __slots__,
 * reading and writing a Value at a fixed offset in the instance) and
 * mappingproxy, the read-only view of a class's __dict__. */
#include "call.h"
#include "error.h"
#include "gc.h"
#include "obj_dict.h"
#include "obj_genericalias.h"
#include "obj_list.h"
#include "obj_str.h"
#include "obj_type.h"
#include "ops.h"

/* A member is a Value at `offset` in the instance (a __slots__ name), or,
 * for what CPython declares as a read-only member of a builtin type
 * (complex.real, function.__globals__), the getter of its GetSetDef `gs`. */
typedef struct MemberDescr {
    Obj      header;
    Type    *owner;
    Value    name;
    uint32_t offset;
    const GetSetDef *gs;
} MemberDescr;

#define AS_MEMBER(v) ((MemberDescr *)AS_OBJ(v))

static void member_trace(Obj *o) {
    gc_mark_obj(&((MemberDescr *)o)->owner->header);
    gc_mark_value(((MemberDescr *)o)->name);
}

Value member_descr_new(Type *owner, Value name, uint32_t offset) {
    MemberDescr *m = (MemberDescr *)gc_alloc(&type_member_descriptor, sizeof(MemberDescr));
    if (!m) return VAL_NULL;
    m->owner = owner;
    m->name = name;
    m->offset = offset;
    return MK_OBJ(m);
}

Value member_descr_from_getset(Type *owner, const GetSetDef *def) {
    Value d = member_descr_new(owner, str_intern_c(def->name), 0);
    if (!IS_NULL(d)) AS_MEMBER(d)->gs = def;
    return d;
}

static Value *member_slot(MemberDescr *m, Value obj) {
    if (!val_isinstance(obj, m->owner)) {
        err_format(&exc_TypeError, "descriptor '%U' for '%s' objects doesn't apply to a '%T' object",
                   m->name, type_name(m->owner), obj);
        return NULL;
    }
    return (Value *)((char *)AS_OBJ(obj) + m->offset);
}

static Value member_get(Value descr, Value obj, Value type) {
    MemberDescr *m = AS_MEMBER(descr);
    if (IS_NULL(obj)) return descr;
    Value *slot = member_slot(m, obj);
    if (!slot) return VAL_NULL;
    if (m->gs) return m->gs->get(obj);
    if (IS_NULL(*slot))
        return err_set_attribute_error(obj, m->name, "'%T' object has no attribute '%U'", obj, m->name);
    return *slot;
}

static Value member_get_m(Value *args, int nargs, Value kwnames) {
    Value obj, type;
    if (descr_get_args(args, &obj, &type) < 0) return VAL_NULL;
    return member_get(args[0], obj, type);
}

static Value member_set_m(Value *args, int nargs, Value kwnames) {
    Value *slot = member_slot(AS_MEMBER(args[0]), args[1]);
    if (!slot) return VAL_NULL;
    if (AS_MEMBER(args[0])->gs) return AS_MEMBER(args[0])->gs->set(args[1], args[2]) < 0 ? VAL_NULL : VAL_NONE;
    *slot = args[2];
    return VAL_NONE;
}

static Value member_delete_m(Value *args, int nargs, Value kwnames) {
    MemberDescr *m = AS_MEMBER(args[0]);
    Value *slot = member_slot(m, args[1]);
    if (!slot) return VAL_NULL;
    if (m->gs) return m->gs->set(args[1], VAL_NULL) < 0 ? VAL_NULL : VAL_NONE;
    if (IS_NULL(*slot))
        return err_set_attribute_error(args[1], m->name, "'%T' object has no attribute '%U'", args[1], m->name);
    *slot = VAL_NULL;
    return VAL_NONE;
}

static Value member_repr_m(Value *args, int nargs, Value kwnames) {
    MemberDescr *m = AS_MEMBER(args[0]);
    return str_format_c("<member '%U' of '%s' objects>", m->name, type_name(m->owner));
}

static const MethodDef member_methods[] = {
    {"__get__", member_get_m, ARGS_WRAPT(1, 2), NULL},
    {"__set__", member_set_m, ARGS_WRAPT(2, 2), NULL},
    {"__delete__", member_delete_m, ARGS_WRAP(1), NULL},
    {"__repr__", member_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};
static Value member_get_name(Value self) { return AS_MEMBER(self)->name; }
static Value member_get_qualname(Value self) {
    return str_format_c("%s.%U", type_qualname(AS_MEMBER(self)->owner), AS_MEMBER(self)->name);
}
static Value member_get_doc(Value self) {
    const GetSetDef *gs = AS_MEMBER(self)->gs;
    return gs && gs->doc ? str_from_c(gs->doc) : VAL_NONE;
}
static Value member_get_objclass(Value self) { return MK_OBJ(AS_MEMBER(self)->owner); }
static const GetSetDef member_getsets[] = {
    {"__name__", member_get_name, getset_readonly, NULL},
    {"__qualname__", member_get_qualname, NULL, NULL},
    {"__doc__", member_get_doc, NULL, NULL},
    {"__objclass__", member_get_objclass, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};
Type type_member_descriptor = {
    .tp_name = "member_descriptor", .base = &type_object, .basicsize = sizeof(MemberDescr),
    .trace = member_trace, .get = member_get, .methods = member_methods, .getsets = member_getsets,
};
GILPY_TYPE(type_member_descriptor, NULL);

/* ---- mappingproxy ------------------------------------------------------------- */

typedef struct MappingProxy {
    Obj   header;
    Value mapping;
} MappingProxy;

#define PROXIED(v) (((MappingProxy *)AS_OBJ(v))->mapping)

static void proxy_trace(Obj *o) { gc_mark_value(((MappingProxy *)o)->mapping); }

Value mappingproxy_new(Value mapping) {
    MappingProxy *p = (MappingProxy *)gc_alloc(&type_mappingproxy, sizeof(MappingProxy));
    if (!p) return VAL_NULL;
    p->mapping = mapping;
    return MK_OBJ(p);
}

/* ARGS_ANY, as __new__ of a builtin type: the messages name the type
 * ("mappingproxy() missing required argument 'mapping' (pos 1)"). */
static Value proxy_new_m(Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"mapping"};
    Value mapping;
    if (arg_parse("mappingproxy", args + 1, nargs - 1, kwnames, names, 1, 0, 1, &mapping) < 0) return VAL_NULL;
    if ((!IS_DICT(mapping) && IS_NULL(val_type(mapping)->slots[SM_GETITEM])) || IS_LIST(mapping) || IS_TUPLE(mapping))
        return err_format(&exc_TypeError, "mappingproxy() argument must be a mapping, not %T", mapping);
    return mappingproxy_new(mapping);
}

static Value proxy_getitem_m(Value *args, int nargs, Value kwnames) {
    return obj_getitem(PROXIED(args[0]), args[1]);
}
static Value proxy_len_m(Value *args, int nargs, Value kwnames) {
    int64_t n = obj_len(PROXIED(args[0]));
    return n < 0 ? VAL_NULL : MK_SMALLINT(n);
}
static Value proxy_iter_m(Value *args, int nargs, Value kwnames) {
    return obj_iter(PROXIED(args[0]));
}
static Value proxy_contains_m(Value *args, int nargs, Value kwnames) {
    int r = obj_contains(PROXIED(args[0]), args[1]);
    return r < 0 ? VAL_NULL : MK_BOOL(r);
}
static Value proxy_repr_m(Value *args, int nargs, Value kwnames) {
    return str_format_c("mappingproxy(%R)", PROXIED(args[0]));
}
/* str() shows the mapping itself, as CPython's mappingproxy_str. */
static Value proxy_str_m(Value *args, int nargs, Value kwnames) { return obj_str(PROXIED(args[0])); }
static Value proxy_forward(Value self, const char *name, Value *args, int nargs) {
    return obj_call_method(PROXIED(self), name, args, nargs);
}
static Value proxy_keys_m(Value *args, int nargs, Value kwnames) { return proxy_forward(args[0], "keys", NULL, 0); }
static Value proxy_values_m(Value *args, int nargs, Value kwnames) { return proxy_forward(args[0], "values", NULL, 0); }
static Value proxy_items_m(Value *args, int nargs, Value kwnames) { return proxy_forward(args[0], "items", NULL, 0); }
static Value proxy_copy_m(Value *args, int nargs, Value kwnames) { return proxy_forward(args[0], "copy", NULL, 0); }
/* get(key, default=None): the mapping's get, with the default only if given. */
static Value proxy_get_m(Value *args, int nargs, Value kwnames) {
    return proxy_forward(args[0], "get", args + 1, IS_NULL(args[2]) ? 1 : 2);
}
static Value proxy_reversed_m(Value *args, int nargs, Value kwnames) {
    return proxy_forward(args[0], "__reversed__", NULL, 0);
}
/* a | b with a proxy on either side: the union of the mappings behind them. */
static Value proxy_unwrap(Value v) { return IS_EXACT(v, type_mappingproxy) ? PROXIED(v) : v; }
static Value proxy_or_m(Value *args, int nargs, Value kwnames) {
    return obj_binop(proxy_unwrap(args[0]), proxy_unwrap(args[1]), OP_BITOR);
}
static Value proxy_ror_m(Value *args, int nargs, Value kwnames) {
    return obj_binop(proxy_unwrap(args[1]), proxy_unwrap(args[0]), OP_BITOR);
}
static Value proxy_ior_m(Value *args, int nargs, Value kwnames) {
    return err_format(&exc_TypeError, "'|=' is not supported by %T; use '|' instead", args[0]);
}
static Value proxy_eq_m(Value *args, int nargs, Value kwnames) {
    return obj_richcompare(PROXIED(args[0]), args[1], CMP_EQ);
}

static const MethodDef proxy_methods[] = {
    {"__new__", proxy_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__getitem__", proxy_getitem_m, ARGS_WRAP(1), NULL},
    {"__len__", proxy_len_m, ARGS_WRAP(0), NULL},
    {"__iter__", proxy_iter_m, ARGS_WRAP(0), NULL},
    {"__contains__", proxy_contains_m, ARGS_WRAP(1), NULL},
    {"__repr__", proxy_repr_m, ARGS_WRAP(0), NULL},
    {"__str__", proxy_str_m, ARGS_WRAP(0), NULL},
    {"__eq__", proxy_eq_m, ARGS_WRAP(1), NULL},
    {"keys", proxy_keys_m, ARGS_NONE, NULL},
    {"values", proxy_values_m, ARGS_NONE, NULL},
    {"items", proxy_items_m, ARGS_NONE, NULL},
    {"get", proxy_get_m, ARGS_POS(1, 2), NULL},
    {"copy", proxy_copy_m, ARGS_NONE, NULL},
    {"__reversed__", proxy_reversed_m, ARGS_NONE, NULL},
    {"__or__", proxy_or_m, ARGS_WRAP(1), NULL},
    {"__ror__", proxy_ror_m, ARGS_WRAP(1), NULL},
    {"__ior__", proxy_ior_m, ARGS_WRAP(1), NULL},
    {"__class_getitem__", generic_alias_class_getitem_m, METH_CLASS | ARGS_ONE, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};
Type type_mappingproxy = {
    .tp_name = "mappingproxy", .base = &type_object, .basicsize = sizeof(MappingProxy),
    .flags = TF_MAPPING, .trace = proxy_trace, .methods = proxy_methods,
};
GILPY_TYPE(type_mappingproxy, NULL);
