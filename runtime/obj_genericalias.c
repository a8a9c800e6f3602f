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
#include "runtime/obj_misc.h"
#include "runtime/obj_dict.h"
#include "runtime/state.h"

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

static Value ga_new_of_type(Type *cls, Value origin, Value args) {
    GenericAlias *g = (GenericAlias *)(cls == &type_generic_alias
                                       ? gc_alloc(cls, sizeof(GenericAlias)) : obj_new_instance(cls));
    if (!g) return VAL_NULL;
    g->origin = origin;
    g->args = args;
    g->params = VAL_NULL;
    return MK_OBJ(g);
}

static Value ga_new(Value origin, Value args) { return ga_new_of_type(&type_generic_alias, origin, args); }

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

/* Whether a parameter is a TypeVarTuple (its substitution is a tuple spliced in):
 * its type is iterable, as CPython tests it. */
static int ga_is_variadic(Value param) {
    Value it;
    if (ga_lookup(MK_OBJ(val_type(param)), "__iter__", &it) < 0) return -1;
    return !IS_NULL(it) && !IS_NONE(it);
}

/* An argument that is not itself a parameter, with the parameters it has
 * (list[T] inside dict[S, list[T]]) substituted: obj[its own arguments]; a
 * TypeVarTuple's value (a tuple) is spliced into them. */
static Value ga_subs_tvars(Value obj, Value params, Value *items) {
    Value sub;
    if (ga_lookup(obj, "__parameters__", &sub) < 0) return VAL_NULL;
    if (!IS_TUPLE(sub) || AS_TUPLE(sub)->len == 0) return obj;
    Value subargs = list_new(AS_TUPLE(sub)->len);
    if (IS_NULL(subargs)) return VAL_NULL;
    for (int64_t i = 0; i < AS_TUPLE(sub)->len; i++) {
        Value a = AS_TUPLE(sub)->items[i];
        int64_t ip = ga_tuple_index(params, a);
        if (ip >= 0) {
            a = items[ip];
            int variadic = IS_TUPLE(a) ? ga_is_variadic(AS_TUPLE(params)->items[ip]) : 0;
            if (variadic < 0) return VAL_NULL;
            if (variadic) {
                if (list_extend(subargs, a) < 0) return VAL_NULL;
                continue;
            }
        }
        if (list_append(subargs, a) < 0) return VAL_NULL;
    }
    Value t = tuple_from_array(AS_LIST(subargs)->items, AS_LIST(subargs)->len);
    return IS_NULL(t) ? VAL_NULL : obj_getitem(obj, t);
}

/* The arguments of an unpacked tuple (*tuple[int, str] gives (int, str)), or
 * VAL_NULL (with or without an error) when arg is none. */
static Value ga_unpacked_tuple_args(Value arg) {
    if (IS_EXACT(arg, type_generic_alias) || val_isinstance(arg, &type_generic_alias)) {
        if (GA(arg)->starred && GA(arg)->origin == MK_OBJ(&type_tuple)) return GA(arg)->args;
    }
    Value r;
    if (ga_lookup(arg, "__typing_unpacked_tuple_args__", &r) < 0) return VAL_NULL;
    return IS_NULL(r) || IS_NONE(r) ? VAL_NULL : r;
}

/* The substitution's arguments with each unpacked tuple of known length spliced
 * in: C[*tuple[int, str]] is C[int, str] (*tuple[int, ...] stays as it is). */
static Value ga_unpack_args(Value item) {
    Value *items = IS_TUPLE(item) ? AS_TUPLE(item)->items : &item;
    int64_t n = IS_TUPLE(item) ? AS_TUPLE(item)->len : 1;
    Value out = list_new(n);
    if (IS_NULL(out)) return VAL_NULL;
    for (int64_t i = 0; i < n; i++) {
        Value a = items[i];
        if (!IS_TYPE(a)) {
            Value sub = ga_unpacked_tuple_args(a);
            if (IS_NULL(sub) && err_occurred()) return VAL_NULL;
            if (IS_TUPLE(sub) && !(AS_TUPLE(sub)->len &&
                                   AS_TUPLE(sub)->items[AS_TUPLE(sub)->len - 1] == VAL_ELLIPSIS)) {
                if (list_extend(out, sub) < 0) return VAL_NULL;
                continue;
            }
        }
        if (list_append(out, a) < 0) return VAL_NULL;
    }
    return tuple_from_array(AS_LIST(out)->items, AS_LIST(out)->len);
}

/* Whether arg is *Ts (typing's __typing_is_unpacked_typevartuple__). */
static int ga_is_unpacked_typevartuple(Value arg) {
    Value r;
    if (IS_TYPE(arg)) return 0;
    if (ga_lookup(arg, "__typing_is_unpacked_typevartuple__", &r) < 0) return -1;
    return IS_NULL(r) ? 0 : obj_truthy(r);
}

Value generic_alias_subs_parameters(Value self, Value args, Value params, Value item) {
    int64_t nparams = AS_TUPLE(params)->len;
    if (nparams == 0) return err_format(&exc_TypeError, "%R is not a generic class", self);
    item = ga_unpack_args(item);
    if (IS_NULL(item)) return VAL_NULL;
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
    Value out = list_new(nargs);
    if (IS_NULL(out)) return VAL_NULL;
    for (int64_t i = 0; i < nargs; i++) {
        Value arg = AS_TUPLE(args)->items[i], subst;
        if (!IS_TYPE(arg)) {
            int unpack = ga_is_unpacked_typevartuple(arg);
            if (unpack < 0) return VAL_NULL;
            if (ga_lookup(arg, "__typing_subst__", &subst) < 0) return VAL_NULL;
            int64_t ip = IS_NULL(subst) ? -1 : ga_tuple_index(params, arg);
            if (ip >= 0) arg = call1(subst, AS_TUPLE(items)->items[ip]);
            else if (IS_NULL(subst)) arg = ga_subs_tvars(arg, params, AS_TUPLE(items)->items);
            if (IS_NULL(arg)) return VAL_NULL;
            if (unpack) {
                if (list_extend(out, arg) < 0) return VAL_NULL;
                continue;
            }
        }
        if (list_append(out, arg) < 0) return VAL_NULL;
    }
    return tuple_from_array(AS_LIST(out)->items, AS_LIST(out)->len);
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

/* How CPython's ga_repr_item shows one argument: `...`, repr() of what looks
 * like an alias (has __origin__ and __args__), a class's (module-)qualified name,
 * or repr(). */
static int ga_put_item(StrBuf *sb, Value v) {
    if (v == VAL_ELLIPSIS) { sb_puts(sb, "..."); return 0; }
    Value r = VAL_NULL, t, qn, mod;
    if (ga_lookup(v, "__origin__", &t) < 0) return -1;
    if (!IS_NULL(t) && ga_lookup(v, "__args__", &t) < 0) return -1;
    if (IS_NULL(t)) {
        if (ga_lookup(v, "__qualname__", &qn) < 0) return -1;
        if (!IS_NULL(qn) && ga_lookup(v, "__module__", &mod) < 0) return -1;
        if (!IS_NULL(qn) && !IS_NULL(mod) && !IS_NONE(mod))
            r = IS_STR(mod) && str_eq_c(mod, "builtins") ? obj_str(qn) : str_format_c("%S.%S", mod, qn);
        else r = obj_repr(v);
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
    return ga_new_of_type(AS_TYPE(args[0]), args[1], items);
}

/* ARGS_ANY: passes *args and **kwargs on to the origin, and records the alias on
 * the instance as __orig_class__ where it can. */
static Value ga_call_m(Value *args, int nargs, Value kwnames) {
    Value obj = call_value(GA(args[0])->origin, args + 1, nargs - 1, kwnames);
    if (IS_NULL(obj) || obj_setattr(obj, str_intern_c("__orig_class__"), args[0]) == 0) return obj;
    if (!err_matches(&exc_AttributeError) && !err_matches(&exc_TypeError)) return VAL_NULL;
    err_clear();
    return obj;
}

static Value ga_eq_m(Value *args, int nargs, Value kwnames) {
    if (!val_isinstance(args[1], &type_generic_alias)) return VAL_NOTIMPLEMENTED;
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

/* The alias's own attributes; every other name is the origin's
 * (list[int].append, list[int].__doc__), as CPython's attr_exceptions say. */
static const char *const ga_own_attrs[] = {
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
    "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__",
    "__copy__", "__deepcopy__", NULL,
};

static Value ga_getattribute_m(Value *args, int nargs, Value kwnames) {
    if (IS_STR(args[1])) {
        for (const char *const *p = ga_own_attrs; ; p++) {
            if (!*p) return obj_getattr(GA(args[0])->origin, args[1]);
            if (str_eq_c(args[1], *p)) break;
        }
    }
    return obj_generic_getattr(args[0], args[1], 0);
}

/* dir(alias): the origin's names and the alias's own. */
static Value ga_dir_m(Value *args, int nargs, Value kwnames) {
    Value dir = IS_DICT(interp.builtins) ? dict_get_c(interp.builtins, "dir") : VAL_NULL;
    if (IS_NULL(dir)) return err_format(&exc_RuntimeError, "lost builtins.dir");
    Value names = call1(dir, GA(args[0])->origin);
    if (IS_NULL(names)) return VAL_NULL;
    for (const char *const *p = ga_own_attrs; *p; p++) {
        Value name = str_intern_c(*p);
        int has = IS_NULL(name) ? -1 : obj_contains(names, name);
        if (has < 0 || (!has && list_append(names, name) < 0)) return VAL_NULL;
    }
    return names;
}

static Value ga_getitem_m(Value *args, int nargs, Value kwnames) {
    Value params = ga_parameters(args[0]);
    if (IS_NULL(params)) return VAL_NULL;
    Value newargs = generic_alias_subs_parameters(args[0], GA(args[0])->args, params, args[1]);
    if (IS_NULL(newargs)) return VAL_NULL;
    Value r = ga_new(GA(args[0])->origin, newargs);
    if (!IS_NULL(r)) GA(r)->starred = GA(args[0])->starred;
    return r;
}

/* pickle: GenericAlias(origin, args), or next(iter(...)) for *tuple[...]. */
static Value ga_reduce_m(Value *args, int nargs, Value kwnames) {
    GenericAlias *g = GA(args[0]);
    if (!g->starred)
        return tuple_pack(2, MK_OBJ(val_type(args[0])), tuple_pack(2, g->origin, g->args));
    Value plain = ga_new(g->origin, g->args);
    Value it = IS_NULL(plain) ? VAL_NULL : obj_iter(plain);
    if (IS_NULL(it)) return VAL_NULL;
    Value next = IS_DICT(interp.builtins) ? dict_get_c(interp.builtins, "next") : VAL_NULL;
    if (IS_NULL(next)) return err_format(&exc_RuntimeError, "lost builtins.next");
    return tuple_pack(2, next, tuple_pack(1, it));
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

/* iter(tuple[int, str]) yields one item, *tuple[int, str] (what `*Ts` unpacks to):
 * an iterator of its own, which pickles as iter(alias). */
typedef struct GaIter {
    Obj   header;
    Value alias;      /* VAL_NULL once the one item was given */
} GaIter;

static void gaiter_trace(Obj *o) { gc_mark_value(((GaIter *)o)->alias); }

static Type type_generic_alias_iterator;

static Value ga_iter_m(Value *args, int nargs, Value kwnames) {
    GaIter *it = (GaIter *)gc_alloc(&type_generic_alias_iterator, sizeof(GaIter));
    if (!it) return VAL_NULL;
    it->alias = args[0];
    return MK_OBJ(it);
}

static Value gaiter_iter_m(Value *args, int nargs, Value kwnames) { return args[0]; }

static Value gaiter_next_m(Value *args, int nargs, Value kwnames) {
    GaIter *it = (GaIter *)AS_OBJ(args[0]);
    if (IS_NULL(it->alias)) return VAL_NULL;     /* StopIteration */
    Value star = ga_new(GA(it->alias)->origin, GA(it->alias)->args);
    if (IS_NULL(star)) return VAL_NULL;
    GA(star)->starred = 1;
    it->alias = VAL_NULL;
    return star;
}

static Value gaiter_reduce_m(Value *args, int nargs, Value kwnames) {
    GaIter *it = (GaIter *)AS_OBJ(args[0]);
    Value of = IS_NULL(it->alias) ? tuple_new(0) : it->alias;
    return IS_NULL(of) ? VAL_NULL : tuple_pack(2, iter_builtin(), tuple_pack(1, of));
}

static const MethodDef gaiter_methods[] = {
    {"__iter__", gaiter_iter_m, ARGS_WRAP(0), NULL},
    {"__next__", gaiter_next_m, ARGS_WRAP(0), NULL},
    {"__reduce__", gaiter_reduce_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};
static Type type_generic_alias_iterator = {
    .tp_name = "generic_alias_iterator", .base = &type_object,
    .basicsize = sizeof(GaIter), .trace = gaiter_trace, .methods = gaiter_methods,
};
GILPY_TYPE(type_generic_alias_iterator, NULL);

static Value ga_get_unpacked_tuple_args(Value self) {
    GenericAlias *g = GA(self);
    return g->starred && g->origin == MK_OBJ(&type_tuple) ? g->args : VAL_NONE;
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
    {"__reduce__", ga_reduce_m, ARGS_NONE, NULL},
    {"__dir__", ga_dir_m, ARGS_NONE, NULL},
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
    {"__typing_unpacked_tuple_args__", ga_get_unpacked_tuple_args, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};
Type type_generic_alias = {
    .tp_name = "types.GenericAlias", .base = &type_object, .flags = TF_BASETYPE | TF_WEAKREFABLE,
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
        &exc_BaseExceptionGroup, &type_weakref, &type_enumerate, NULL,
    };
    type_ready(&type_generic_alias);
    for (int i = 0; generic[i]; i++)
        dict_add_methods(generic[i]->dict, ga_class_getitem_def, MK_OBJ(generic[i]));
}
