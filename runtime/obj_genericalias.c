/* obj_genericalias.c - types.GenericAlias: what `list[int]` and `dict[str, int]` give.
 *
 * Annotations like `def f(x: list[int]) -> dict[str, int]` are evaluated when the
 * def runs, so the builtin containers need __class_getitem__. An alias keeps its
 * origin and its argument tuple, prints as CPython does (`dict[str, list[int]]`),
 * compares and hashes by both, and calling it calls the origin. */
#include "runtime/object.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/strbuf.h"
#include "runtime/gc.h"
#include "runtime/error.h"
#include "runtime/call.h"
#include "runtime/ops.h"
#include "runtime/obj_genericalias.h"

typedef struct GenericAlias {
    Obj   header;
    Value origin;
    Value args;       /* tuple */
} GenericAlias;

#define GA(v) ((GenericAlias *)AS_OBJ(v))

static void ga_trace(Obj *o) {
    gc_mark_value(((GenericAlias *)o)->origin);
    gc_mark_value(((GenericAlias *)o)->args);
}

Type type_generic_alias;

static Value ga_new(Value origin, Value args) {
    GenericAlias *g = (GenericAlias *)gc_alloc(&type_generic_alias, sizeof(GenericAlias));
    if (!g) return VAL_NULL;
    g->origin = origin;
    g->args = args;
    return MK_OBJ(g);
}

/* cls[item]: item is the argument tuple, or its only element. */
static Value ga_class_getitem_m(Value *args, int nargs, Value kwnames) {
    Value items = IS_TUPLE(args[1]) ? args[1] : tuple_pack(1, args[1]);
    if (IS_NULL(items)) return VAL_NULL;
    return ga_new(args[0], items);
}

/* How CPython's ga_repr_item shows one argument: `...`, a type's (module-)qualified
 * name, or repr(). */
static int ga_put_item(StrBuf *sb, Value v) {
    if (v == VAL_ELLIPSIS) { sb_puts(sb, "..."); return 0; }
    Value r;
    if (IS_TYPE(v)) {
        Value mod = obj_getattr_c(v, "__module__"), qn = obj_getattr_c(v, "__qualname__");
        if (IS_NULL(mod) || IS_NULL(qn)) return -1;
        r = IS_STR(mod) && !str_eq_c(mod, "builtins") ? str_format_c("%U.%U", mod, qn) : obj_str(qn);
    } else {
        r = obj_repr(v);
    }
    if (IS_NULL(r)) return -1;
    sb_put_value_str(sb, r);
    return 0;
}

static Value ga_repr_m(Value *args, int nargs, Value kwnames) {
    GenericAlias *g = GA(args[0]);
    StrBuf sb;
    sb_init(&sb);
    int rc = ga_put_item(&sb, g->origin);
    sb_putc(&sb, '[');
    Tuple *t = AS_TUPLE(g->args);
    if (t->len == 0) sb_puts(&sb, "()");
    for (int64_t i = 0; i < t->len && rc == 0; i++) {
        if (i) sb_puts(&sb, ", ");
        rc = ga_put_item(&sb, t->items[i]);
    }
    sb_putc(&sb, ']');
    if (rc < 0) { sb_free(&sb); return VAL_NULL; }
    return sb_finish_str(&sb);
}

/* ARGS_ANY: passes *args and **kwargs on to the origin. */
static Value ga_call_m(Value *args, int nargs, Value kwnames) {
    return call_value(GA(args[0])->origin, args + 1, nargs - 1, kwnames);
}

static Value ga_eq_m(Value *args, int nargs, Value kwnames) {
    if (!IS_EXACT(args[1], type_generic_alias)) return VAL_NOTIMPLEMENTED;
    GenericAlias *a = GA(args[0]), *b = GA(args[1]);
    int r = obj_richcompare_bool(a->origin, b->origin, CMP_EQ);
    if (r == 1) r = obj_richcompare_bool(a->args, b->args, CMP_EQ);
    return r < 0 ? VAL_NULL : MK_BOOL(r);
}

static Value ga_hash_m(Value *args, int nargs, Value kwnames) {
    int64_t h1 = obj_hash(GA(args[0])->origin);
    if (h1 == -1) return VAL_NULL;
    int64_t h2 = obj_hash(GA(args[0])->args);
    if (h2 == -1) return VAL_NULL;
    return MK_SMALLINT((h1 ^ h2) & SMALLINT_MAX);
}

/* Attributes the alias does not have come from the origin (list[int].append). */
static Value ga_getattribute_m(Value *args, int nargs, Value kwnames) {
    Value r = obj_generic_getattr(args[0], args[1], 1);
    if (!IS_NULL(r) || err_occurred()) return r;
    return obj_getattr(GA(args[0])->origin, args[1]);
}

static Value ga_mro_entries_m(Value *args, int nargs, Value kwnames) {
    return tuple_pack(1, GA(args[0])->origin);
}

static Value ga_get_origin(Value self) { return GA(self)->origin; }
static Value ga_get_args(Value self) { return GA(self)->args; }
static Value ga_get_parameters(Value self) { (void)self; return tuple_new(0); }

static const MethodDef ga_methods[] = {
    {"__repr__", ga_repr_m, ARGS_WRAP(0), NULL},
    {"__call__", ga_call_m, ARGS_ANY, NULL},
    {"__eq__", ga_eq_m, ARGS_WRAP(1), NULL},
    {"__hash__", ga_hash_m, ARGS_WRAP(0), NULL},
    {"__getattribute__", ga_getattribute_m, ARGS_WRAP(1), NULL},
    {"__mro_entries__", ga_mro_entries_m, ARGS_ONE, NULL},
    {NULL, NULL, 0, NULL},
};
static const GetSetDef ga_getsets[] = {
    {"__origin__", ga_get_origin, NULL, NULL},
    {"__args__", ga_get_args, NULL, NULL},
    {"__parameters__", ga_get_parameters, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};
Type type_generic_alias = {
    .tp_name = "types.GenericAlias", .base = &type_object, .basicsize = sizeof(GenericAlias),
    .trace = ga_trace, .methods = ga_methods, .getsets = ga_getsets,
};
GILPY_TYPE(type_generic_alias, NULL);

static const MethodDef ga_class_getitem_def[] = {
    {"__class_getitem__", ga_class_getitem_m, METH_CLASS | ARGS_ONE,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

/* Give the builtin generic containers their __class_getitem__ (once, at start-up). */
void generic_alias_install(void) {
    Type *const generic[] = {
        &type_list, &type_tuple, &type_dict, &type_set, &type_frozenset, &type_type, NULL,
    };
    type_ready(&type_generic_alias);
    for (int i = 0; generic[i]; i++)
        dict_add_methods(generic[i]->dict, ga_class_getitem_def, MK_OBJ(generic[i]));
}
