/* obj_genericalias.c - types.GenericAlias: what `list[int]` and `dict[str, int]` give.
 *
 * Annotations like `def f(x: list[int]) -> dict[str, int]` are evaluated when the
 * def runs, so the builtin containers need __class_getitem__. An alias keeps its
 * origin and its argument tuple, prints as CPython does (`dict[str, list[int]]`),
 * compares and hashes by both, and calling it calls the origin.
 *
 * Type variables: an argument that has __typing_subst__ (typing.TypeVar) is a
 * parameter; __parameters__ collects them, also from arguments that have their
 * own __parameters__ (dict[T, list[S]] has (T, S)), and alias[...] substitutes
 * them (CPython 3.11's _Py_make_parameters and _Py_subs_parameters, which
 * types.UnionType shares: runtime/obj_union.c).  `alias | other` is a union. */
#include "runtime/object.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/strbuf.h"
#include "runtime/gc.h"
#include "runtime/error.h"
#include "runtime/call.h"
#include "runtime/ops.h"
#include "runtime/obj_excgroup.h"
#include "runtime/obj_genericalias.h"
#include "runtime/obj_union.h"
#include "runtime/weakref.h"

typedef struct GenericAlias {
    Obj   header;
    Value origin;
    Value args;       /* tuple */
    Value params;     /* tuple __parameters__, VAL_NULL until first asked for */
    int   starred;    /* *tuple[int, str]: what iterating an alias gives (PEP 646) */
} GenericAlias;

#define GA(v) ((GenericAlias *)AS_OBJ(v))

static void ga_trace(Obj *o) {
    gc_mark_value(((GenericAlias *)o)->origin);
    gc_mark_value(((GenericAlias *)o)->args);
    gc_mark_value(((GenericAlias *)o)->params);
}

Type type_generic_alias;

static Value ga_new(Value origin, Value args) {
    GenericAlias *g = (GenericAlias *)gc_alloc(&type_generic_alias, sizeof(GenericAlias));
    if (!g) return VAL_NULL;
    g->origin = origin;
    g->args = args;
    g->params = VAL_NULL;
    return MK_OBJ(g);
}

/* ---- type variables ------------------------------------------------------------------ */

/* The attribute `name` of v, VAL_NULL when absent (1), -1 on error. */
static int ga_lookup(Value v, const char *name, Value *out) {
    *out = obj_getattr_opt(v, str_intern_c(name));
    return IS_NULL(*out) && err_occurred() ? -1 : 0;
}

static int64_t ga_tuple_index(Value t, Value x) {
    for (int64_t i = 0; i < AS_TUPLE(t)->len; i++)
        if (AS_TUPLE(t)->items[i] == x) return i;
    return -1;
}

static int ga_add_param(Value params, Value p) {
    for (int64_t i = 0; i < AS_LIST(params)->len; i++)
        if (AS_LIST(params)->items[i] == p) return 0;
    return list_append(params, p);
}

Value generic_alias_make_parameters(Value args) {
    Value params = list_new(0);
    if (IS_NULL(params)) return VAL_NULL;
    for (int64_t i = 0; i < AS_TUPLE(args)->len; i++) {
        Value t = AS_TUPLE(args)->items[i], subst, sub;
        if (IS_TYPE(t)) continue;       /* not a bare class's __parameters__ descriptor */
        if (ga_lookup(t, "__typing_subst__", &subst) < 0) return VAL_NULL;
        if (!IS_NULL(subst)) {
            if (ga_add_param(params, t) < 0) return VAL_NULL;
            continue;
        }
        if (ga_lookup(t, "__parameters__", &sub) < 0) return VAL_NULL;
        if (!IS_TUPLE(sub)) continue;
        for (int64_t j = 0; j < AS_TUPLE(sub)->len; j++)
            if (ga_add_param(params, AS_TUPLE(sub)->items[j]) < 0) return VAL_NULL;
    }
    return tuple_from_array(AS_LIST(params)->items, AS_LIST(params)->len);
}

/* An argument that is not itself a parameter, with the parameters it has
 * (list[T] inside dict[S, list[T]]) substituted: obj[its own arguments]. */
static Value ga_subs_tvars(Value obj, Value params, Value *items) {
    Value sub;
    if (ga_lookup(obj, "__parameters__", &sub) < 0) return VAL_NULL;
    if (!IS_TUPLE(sub) || AS_TUPLE(sub)->len == 0) return obj;
    Value subargs = tuple_new(AS_TUPLE(sub)->len);
    if (IS_NULL(subargs)) return VAL_NULL;
    for (int64_t i = 0; i < AS_TUPLE(sub)->len; i++) {
        Value a = AS_TUPLE(sub)->items[i];
        int64_t ip = ga_tuple_index(params, a);
        AS_TUPLE(subargs)->items[i] = ip >= 0 ? items[ip] : a;
    }
    return obj_getitem(obj, subargs);
}

Value generic_alias_subs_parameters(Value self, Value args, Value params, Value item) {
    int64_t nparams = AS_TUPLE(params)->len;
    if (nparams == 0) return err_format(&exc_TypeError, "%R is not a generic class", self);
    for (int64_t i = 0; i < nparams; i++) {
        Value prep;
        if (ga_lookup(AS_TUPLE(params)->items[i], "__typing_prepare_subst__", &prep) < 0) return VAL_NULL;
        if (IS_NULL(prep) || IS_NONE(prep)) continue;
        Value t = IS_TUPLE(item) ? item : tuple_pack(1, item);
        if (IS_NULL(t)) return VAL_NULL;
        Value a[2] = { self, t };
        item = call_value(prep, a, 2, VAL_NULL);
        if (IS_NULL(item)) return VAL_NULL;
    }
    Value items = IS_TUPLE(item) ? item : tuple_pack(1, item);
    if (IS_NULL(items)) return VAL_NULL;
    int64_t nitems = AS_TUPLE(items)->len;
    if (nitems != nparams)
        return err_format(&exc_TypeError, "Too %s arguments for %R; actual %lld, expected %lld",
                          nitems > nparams ? "many" : "few", self, (long long)nitems, (long long)nparams);
    int64_t nargs = AS_TUPLE(args)->len;
    Value out = tuple_new(nargs);
    if (IS_NULL(out)) return VAL_NULL;
    for (int64_t i = 0; i < nargs; i++) AS_TUPLE(out)->items[i] = VAL_NONE;
    for (int64_t i = 0; i < nargs; i++) {
        Value arg = AS_TUPLE(args)->items[i], subst;
        if (!IS_TYPE(arg)) {
            if (ga_lookup(arg, "__typing_subst__", &subst) < 0) return VAL_NULL;
            if (!IS_NULL(subst)) arg = call1(subst, AS_TUPLE(items)->items[ga_tuple_index(params, arg)]);
            else arg = ga_subs_tvars(arg, params, AS_TUPLE(items)->items);
            if (IS_NULL(arg)) return VAL_NULL;
        }
        AS_TUPLE(out)->items[i] = arg;
    }
    return out;
}

static Value ga_parameters(Value self) {
    GenericAlias *g = GA(self);
    if (IS_NULL(g->params)) g->params = generic_alias_make_parameters(g->args);
    return g->params;
}

/* cls[item]: item is the argument tuple, or its only element. */
Value generic_alias_class_getitem_m(Value *args, int nargs, Value kwnames) {
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
    if (g->starred) sb_putc(&sb, '*');
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

/* types.GenericAlias(origin, args): ARGS_ANY for CPython's wording, which names
 * the type without "()" in one message and with it in the other. */
static Value ga_new_m(Value *args, int nargs, Value kwnames) {
    if (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len)
        return err_format(&exc_TypeError, "GenericAlias() takes no keyword arguments");
    if (nargs != 3)
        return err_format(&exc_TypeError, "GenericAlias expected 2 arguments, got %d", nargs - 1);
    Value items = IS_TUPLE(args[2]) ? args[2] : tuple_pack(1, args[2]);
    if (IS_NULL(items)) return VAL_NULL;
    return ga_new(args[1], items);
}

/* ARGS_ANY: passes *args and **kwargs on to the origin. */
static Value ga_call_m(Value *args, int nargs, Value kwnames) {
    return call_value(GA(args[0])->origin, args + 1, nargs - 1, kwnames);
}

static Value ga_eq_m(Value *args, int nargs, Value kwnames) {
    if (!IS_EXACT(args[1], type_generic_alias)) return VAL_NOTIMPLEMENTED;
    GenericAlias *a = GA(args[0]), *b = GA(args[1]);
    if (a->starred != b->starred) return VAL_FALSE;
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

static Value ga_getitem_m(Value *args, int nargs, Value kwnames) {
    Value params = ga_parameters(args[0]);
    if (IS_NULL(params)) return VAL_NULL;
    Value newargs = generic_alias_subs_parameters(args[0], GA(args[0])->args, params, args[1]);
    if (IS_NULL(newargs)) return VAL_NULL;
    return ga_new(GA(args[0])->origin, newargs);
}

static Value ga_or_m(Value *args, int nargs, Value kwnames) { return union_type_or(args[0], args[1]); }
static Value ga_ror_m(Value *args, int nargs, Value kwnames) { return union_type_or(args[1], args[0]); }

static Value ga_instancecheck_m(Value *args, int nargs, Value kwnames) {
    return err_format(&exc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}

static Value ga_subclasscheck_m(Value *args, int nargs, Value kwnames) {
    return err_format(&exc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

static Value ga_mro_entries_m(Value *args, int nargs, Value kwnames) {
    return tuple_pack(1, GA(args[0])->origin);
}

/* iter(tuple[int, str]) yields one item, *tuple[int, str] (what `*Ts` unpacks to). */
static Value ga_iter_m(Value *args, int nargs, Value kwnames) {
    Value star = ga_new(GA(args[0])->origin, GA(args[0])->args);
    if (IS_NULL(star)) return VAL_NULL;
    GA(star)->starred = 1;
    Value one = tuple_pack(1, star);
    return IS_NULL(one) ? VAL_NULL : obj_iter(one);
}

static Value ga_get_unpacked(Value self) { return MK_BOOL(GA(self)->starred); }
static Value ga_get_origin(Value self) { return GA(self)->origin; }
static Value ga_get_args(Value self) { return GA(self)->args; }
static Value ga_get_parameters(Value self) { return ga_parameters(self); }

static const MethodDef ga_methods[] = {
    {"__new__", ga_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__repr__", ga_repr_m, ARGS_WRAP(0), NULL},
    {"__call__", ga_call_m, ARGS_ANY, NULL},
    {"__eq__", ga_eq_m, ARGS_WRAP(1), NULL},
    {"__hash__", ga_hash_m, ARGS_WRAP(0), NULL},
    {"__getattribute__", ga_getattribute_m, ARGS_WRAP(1), NULL},
    {"__mro_entries__", ga_mro_entries_m, ARGS_ONE, NULL},
    {"__getitem__", ga_getitem_m, ARGS_WRAP(1), NULL},
    {"__iter__", ga_iter_m, ARGS_WRAP(0), NULL},
    {"__or__", ga_or_m, ARGS_WRAP(1), NULL},
    {"__ror__", ga_ror_m, ARGS_WRAP(1), NULL},
    {"__instancecheck__", ga_instancecheck_m, ARGS_ONE, NULL},
    {"__subclasscheck__", ga_subclasscheck_m, ARGS_ONE, NULL},
    {NULL, NULL, 0, NULL},
};
static const GetSetDef ga_getsets[] = {
    {"__origin__", ga_get_origin, NULL, NULL},
    {"__args__", ga_get_args, NULL, NULL},
    {"__parameters__", ga_get_parameters, NULL, NULL},
    {"__unpacked__", ga_get_unpacked, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};
Type type_generic_alias = {
    .tp_name = "types.GenericAlias", .base = &type_object, .flags = TF_WEAKREFABLE,
    .basicsize = sizeof(GenericAlias),
    .trace = ga_trace, .methods = ga_methods, .getsets = ga_getsets,
};
GILPY_TYPE(type_generic_alias, NULL);

static const MethodDef ga_class_getitem_def[] = {
    {"__class_getitem__", generic_alias_class_getitem_m, METH_CLASS | ARGS_ONE,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

/* Give the builtin generic containers their __class_getitem__ (once, at start-up). */
void generic_alias_install(void) {
    Type *const generic[] = {
        &type_list, &type_tuple, &type_dict, &type_set, &type_frozenset, &type_type,
        &exc_BaseExceptionGroup, &type_weakref, NULL,
    };
    type_ready(&type_generic_alias);
    for (int i = 0; generic[i]; i++)
        dict_add_methods(generic[i]->dict, ga_class_getitem_def, MK_OBJ(generic[i]));
}
