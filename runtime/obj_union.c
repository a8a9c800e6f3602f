/* obj_union.c - types.UnionType: what `int | str` gives (PEP 604).
 *
 * `|` between two type-like operands (None, a class, a generic alias such as
 * list[int], or a union) builds a union: the members of union operands are
 * flattened into it, None stands for NoneType, and a repeated member is kept
 * once (by identity; generic aliases by ==).  A union of one member is that
 * member (`int | int` is int).  Anything else on either side gives
 * NotImplemented, so `int | "str"` is the usual unsupported-operand TypeError.
 *
 * Unions compare and hash as the set of their members (`int | str == str |
 * int`), print as CPython prints them (`list[int] | None`), and isinstance()
 * and issubclass() treat one as the tuple of its members (interp/builtins.c).
 * Type variables among the members give __parameters__, and u[...]
 * substitutes them (the helpers are GenericAlias's, obj_genericalias.c).
 * The entry points are type.__or__/__ror__ (obj_type.c) and
 * GenericAlias.__or__/__ror__.
 */
#include "runtime/obj_union.h"
#include "runtime/obj_genericalias.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/strbuf.h"
#include "runtime/gc.h"
#include "runtime/error.h"
#include "runtime/call.h"
#include "runtime/ops.h"

typedef struct Union {
    Obj   header;
    Value args;       /* tuple of at least two members */
    Value params;     /* tuple __parameters__, VAL_NULL until first asked for */
} Union;

#define UNION(v) ((Union *)AS_OBJ(v))

static void union_trace(Obj *o) {
    gc_mark_value(((Union *)o)->args);
    gc_mark_value(((Union *)o)->params);
}

Value union_args(Value u) { return UNION(u)->args; }

static int union_is_unionable(Value v) {
    return IS_NONE(v) || IS_TYPE(v) || val_isinstance(v, &type_generic_alias) || IS_UNION(v);
}

static int union_add_member(Value members, Value m) {
    if (IS_NONE(m)) m = MK_OBJ(&type_none);
    for (int64_t i = 0; i < AS_LIST(members)->len; i++) {
        Value o = AS_LIST(members)->items[i];
        int same = o == m;
        if (!same && val_isinstance(o, &type_generic_alias) && val_isinstance(m, &type_generic_alias)) {
            same = obj_eq(o, m);
            if (same < 0) return -1;
        }
        if (same) return 0;
    }
    return list_append(members, m);
}

/* The union of the members of `items` (flattened, deduplicated), or its one member. */
static Value union_make(const Value *items, int64_t n) {
    Value members = list_new(0);
    if (IS_NULL(members)) return VAL_NULL;
    for (int64_t i = 0; i < n; i++) {
        if (!IS_UNION(items[i])) {
            if (union_add_member(members, items[i]) < 0) return VAL_NULL;
            continue;
        }
        Tuple *t = AS_TUPLE(UNION(items[i])->args);
        for (int64_t j = 0; j < t->len; j++)
            if (union_add_member(members, t->items[j]) < 0) return VAL_NULL;
    }
    if (AS_LIST(members)->len == 1) return AS_LIST(members)->items[0];
    Value args = tuple_from_array(AS_LIST(members)->items, AS_LIST(members)->len);
    if (IS_NULL(args)) return VAL_NULL;
    Union *u = (Union *)gc_alloc(&type_union, sizeof(Union));
    if (!u) return VAL_NULL;
    u->args = args;
    u->params = VAL_NULL;
    return MK_OBJ(u);
}

Value union_type_or(Value a, Value b) {
    if (!union_is_unionable(a) || !union_is_unionable(b)) return VAL_NOTIMPLEMENTED;
    Value items[2] = { a, b };
    return union_make(items, 2);
}

/* One member as CPython's union_repr_item shows it: None, a generic alias by
 * its repr, a class by its (module-)qualified name, anything else by repr. */
static Value union_repr_item(Value p) {
    if (p == MK_OBJ(&type_none)) return str_intern_c("None");
    Value origin, args, qn, mod;
    if (IS_NULL(origin = obj_getattr_opt(p, str_intern_c("__origin__"))) && err_occurred()) return VAL_NULL;
    if (!IS_NULL(origin)) {
        if (IS_NULL(args = obj_getattr_opt(p, str_intern_c("__args__"))) && err_occurred()) return VAL_NULL;
        if (!IS_NULL(args)) return obj_repr(p);
    }
    if (IS_NULL(qn = obj_getattr_opt(p, str_intern_c("__qualname__")))) {
        return err_occurred() ? VAL_NULL : obj_repr(p);
    }
    if (IS_NULL(mod = obj_getattr_opt(p, str_intern_c("__module__"))) && err_occurred()) return VAL_NULL;
    if (IS_NULL(mod) || IS_NONE(mod)) return obj_repr(p);
    if (IS_STR(mod) && str_eq_c(mod, "builtins")) return obj_str(qn);
    return str_format_c("%S.%S", mod, qn);
}

static Value union_repr_m(Value *args, int nargs, Value kwnames) {
    Tuple *t = AS_TUPLE(UNION(args[0])->args);
    StrBuf sb;
    sb_init(&sb);
    for (int64_t i = 0; i < t->len; i++) {
        if (i) sb_puts(&sb, " | ");
        Value r = union_repr_item(t->items[i]);
        if (IS_NULL(r)) { sb_free(&sb); return VAL_NULL; }
        sb_put_value_str(&sb, r);
    }
    return sb_finish_str(&sb);
}

static Value union_member_set(Value u) { return set_from_iterable(&type_frozenset, UNION(u)->args); }

static Value union_eq_m(Value *args, int nargs, Value kwnames) {
    if (!IS_UNION(args[1])) return VAL_NOTIMPLEMENTED;
    Value a = union_member_set(args[0]), b;
    if (IS_NULL(a) || IS_NULL(b = union_member_set(args[1]))) return VAL_NULL;
    return obj_richcompare(a, b, CMP_EQ);
}

static Value union_ne_m(Value *args, int nargs, Value kwnames) {
    if (!IS_UNION(args[1])) return VAL_NOTIMPLEMENTED;
    Value a = union_member_set(args[0]), b;
    if (IS_NULL(a) || IS_NULL(b = union_member_set(args[1]))) return VAL_NULL;
    return obj_richcompare(a, b, CMP_NE);
}

static Value union_hash_m(Value *args, int nargs, Value kwnames) {
    Value s = union_member_set(args[0]);
    if (IS_NULL(s)) return VAL_NULL;
    int64_t h = obj_hash(s);
    return h == -1 ? VAL_NULL : int_from_i64(h);
}

static Value union_or_m(Value *args, int nargs, Value kwnames) { return union_type_or(args[0], args[1]); }
static Value union_ror_m(Value *args, int nargs, Value kwnames) { return union_type_or(args[1], args[0]); }

static Value union_parameters(Value self) {
    Union *u = UNION(self);
    if (IS_NULL(u->params)) u->params = generic_alias_make_parameters(u->args);
    return u->params;
}

/* u[X]: the members with the type variables replaced, or'ed together again. */
static Value union_getitem_m(Value *args, int nargs, Value kwnames) {
    Value params = union_parameters(args[0]);
    if (IS_NULL(params)) return VAL_NULL;
    Value newargs = generic_alias_subs_parameters(args[0], UNION(args[0])->args, params, args[1]);
    if (IS_NULL(newargs)) return VAL_NULL;
    Tuple *t = AS_TUPLE(newargs);
    if (t->len == 0) return union_make(t->items, 0);
    Value r = t->items[0];
    for (int64_t i = 1; i < t->len && !IS_NULL(r); i++) r = obj_binop(r, t->items[i], OP_BITOR);
    return r;
}

/* __module__ is the type's ('types'), for the typing module. */
static Value union_getattribute_m(Value *args, int nargs, Value kwnames) {
    if (IS_STR(args[1]) && str_eq_c(args[1], "__module__"))
        return obj_getattr(MK_OBJ(val_type(args[0])), args[1]);
    return obj_generic_getattr(args[0], args[1], 0);
}

static Value union_get_args(Value self) { return UNION(self)->args; }
static Value union_get_parameters(Value self) { return union_parameters(self); }

static const MethodDef union_methods[] = {
    {"__repr__", union_repr_m, ARGS_WRAP(0), NULL},
    {"__eq__", union_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", union_ne_m, ARGS_WRAP(1), NULL},
    {"__hash__", union_hash_m, ARGS_WRAP(0), NULL},
    {"__or__", union_or_m, ARGS_WRAP(1), NULL},
    {"__ror__", union_ror_m, ARGS_WRAP(1), NULL},
    {"__getitem__", union_getitem_m, ARGS_WRAP(1), NULL},
    {"__getattribute__", union_getattribute_m, ARGS_WRAP(1), NULL},
    {NULL, NULL, 0, NULL},
};
static const GetSetDef union_getsets[] = {
    {"__args__", union_get_args, NULL, NULL},
    {"__parameters__", union_get_parameters, NULL, "Type variables in the types.UnionType."},
    {NULL, NULL, NULL, NULL},
};
Type type_union = {
    .tp_name = "types.UnionType", .base = &type_object, .basicsize = sizeof(Union),
    .trace = union_trace, .methods = union_methods, .getsets = union_getsets,
};
GILPY_TYPE(type_union, NULL);
