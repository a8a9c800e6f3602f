/* mod_abc.c - the `_abc` module: the C half of CPython's abc.py (ABCMeta's
 * registries and caches), with CPython's _abc.c names and semantics.
 *
 *     _abc_init(cls)                 __abstractmethods__, and cls._abc_impl
 *     _abc_register(cls, sub)        a virtual subclass (weakly held)
 *     _abc_instancecheck(cls, obj)   ABCMeta.__instancecheck__
 *     _abc_subclasscheck(cls, sub)   ABCMeta.__subclasscheck__
 *     _get_dump(cls)                 (registry, cache, negative cache, version)
 *     _reset_registry(cls), _reset_caches(cls), get_cache_token()
 *
 * Each ABC keeps an _abc_data object: a registry, a cache of classes known
 * to be subclasses, a negative cache of classes known not to be, and the
 * cache token its negative cache is valid for.  register() anywhere bumps the
 * global token, which invalidates every negative cache.
 *
 * The three sets hold their classes weakly.  Each is a dict from the class's
 * address to a weak reference to it: a lookup (isinstance's hot path) is one
 * dict probe and no allocation, and a hit counts only when the reference
 * still points at that very class, so a dead class whose address was reused
 * is a miss.  Dead entries are swept when a set has doubled since its last
 * sweep; _get_dump shows only live ones, as sets of weak references.
 *
 * register() also passes the ABC's sequence/mapping flag for match
 * statements (TF_SEQUENCE, TF_MAPPING) on to the registered class, as
 * CPython's does; a class statement takes it from `__abc_tpflags__`
 * (runtime/obj_type.c). */
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/weakref.h"
#include "interp/builtins.h"
#include "interp/modreg.h"

GILPY_MODULE("_abc", mod_abc_init);

/* Bumped by every register(): negative caches older than it are stale. */
static int64_t abc_invalidation_counter;

/* The attribute names isinstance's path looks up, interned once at import
 * (interned strings live for good). */
enum { ABC_IMPL, ABC_CLASS, ABC_SUBCLASSCHECK, ABC_SUBCLASSHOOK, ABC_SUBCLASSES, ABC_ISABSTRACT,
       ABC_ABSTRACTMETHODS, ABC_NAMES };
static const char *const abc_name_text[ABC_NAMES] = {
    "_abc_impl", "__class__", "__subclasscheck__", "__subclasshook__", "__subclasses__",
    "__isabstractmethod__", "__abstractmethods__",
};
static Value abc_names[ABC_NAMES];

/* self.<name>(arg), or self.<name>() when arg is VAL_NULL. */
static Value abc_call(Value self, int name, Value arg) {
    Value m = obj_getattr(self, abc_names[name]);
    if (IS_NULL(m)) return m;
    return IS_NULL(arg) ? call_value(m, NULL, 0, VAL_NULL) : call1(m, arg);
}

/* ---- weak class sets --------------------------------------------------------------- */

typedef struct WeakClassSet {
    Value   map;        /* dict: address -> weakref, VAL_NULL until the first add */
    int64_t swept_at;   /* its size after the last sweep of dead entries */
} WeakClassSet;

static Value wcs_key(Value cls) { return MK_SMALLINT((int64_t)(intptr_t)AS_OBJ(cls)); }

/* 1 when cls is in the set, 0 when not. */
static int wcs_has(const WeakClassSet *s, Value cls) {
    if (IS_NULL(s->map) || !IS_OBJ(cls)) return 0;
    Value wr = dict_get(s->map, wcs_key(cls));
    return !IS_NULL(wr) && weak_get(wr) == cls;
}

static int wcs_sweep(WeakClassSet *s) {
    Value dead = list_new(0);
    if (IS_NULL(dead)) return -1;
    int64_t pos = 0;
    Value k, wr;
    while (dict_next(s->map, &pos, &k, &wr))
        if (IS_NONE(weak_get(wr)) && list_append(dead, k) < 0) return -1;
    for (int64_t i = 0; i < AS_LIST(dead)->len; i++)
        if (dict_del(s->map, AS_LIST(dead)->items[i]) < 0) return -1;
    s->swept_at = dict_len(s->map);
    return 0;
}

/* 0, or -1 with an error (cls cannot be referred to weakly: TypeError). */
static int wcs_add(WeakClassSet *s, Value cls) {
    if (IS_NULL(s->map) && IS_NULL(s->map = dict_new())) return -1;
    Value wr = weak_new_ref(&type_weakref, cls, VAL_NULL);
    if (IS_NULL(wr) || dict_set(s->map, wcs_key(cls), wr) < 0) return -1;
    return dict_len(s->map) > 2 * s->swept_at + 8 ? wcs_sweep(s) : 0;
}

static void wcs_clear(WeakClassSet *s) {
    if (!IS_NULL(s->map)) dict_clear(s->map);
    s->swept_at = 0;
}

/* A set of weak references to the live classes (what _get_dump shows). */
static Value wcs_as_set(const WeakClassSet *s) {
    Value out = set_new(&type_set);
    if (IS_NULL(out) || IS_NULL(s->map)) return out;
    int64_t pos = 0;
    Value k, wr;
    while (dict_next(s->map, &pos, &k, &wr))
        if (!IS_NONE(weak_get(wr)) && set_add(out, wr) < 0) return VAL_NULL;
    return out;
}

/* The classes of the set, for iterating while the set may change. */
static Value wcs_snapshot(const WeakClassSet *s) {
    Value out = list_new(0);
    if (IS_NULL(out) || IS_NULL(s->map)) return out;
    int64_t pos = 0;
    Value k, wr;
    while (dict_next(s->map, &pos, &k, &wr)) {
        Value cls = weak_get(wr);
        if (!IS_NONE(cls) && list_append(out, cls) < 0) return VAL_NULL;
    }
    return out;
}

/* ---- _abc_data --------------------------------------------------------------------- */

typedef struct AbcData {
    Obj          header;
    WeakClassSet registry, cache, negative_cache;
    int64_t      negative_cache_version;
} AbcData;

static void abcdata_trace(Obj *o) {
    AbcData *d = (AbcData *)o;
    gc_mark_value(d->registry.map);
    gc_mark_value(d->cache.map);
    gc_mark_value(d->negative_cache.map);
}

static Type type_abc_data = {
    .tp_name = "_abc._abc_data", .base = &type_object, .flags = TF_ABSTRACT,
    .basicsize = sizeof(AbcData), .trace = abcdata_trace,
};
GILPY_TYPE(type_abc_data, NULL);

static Value abcdata_new(void) {
    AbcData *d = (AbcData *)gc_alloc(&type_abc_data, sizeof(AbcData));
    if (!d) return VAL_NULL;
    d->registry.map = d->cache.map = d->negative_cache.map = VAL_NULL;
    d->registry.swept_at = d->cache.swept_at = d->negative_cache.swept_at = 0;
    d->negative_cache_version = abc_invalidation_counter;
    return MK_OBJ(d);
}

/* cls._abc_impl, checked. */
static AbcData *abc_impl(Value cls) {
    Value impl = obj_getattr(cls, abc_names[ABC_IMPL]);
    if (IS_NULL(impl)) return NULL;
    if (!IS_EXACT(impl, type_abc_data)) {
        err_format(&exc_TypeError, "_abc_impl is set to a wrong type");
        return NULL;
    }
    return (AbcData *)AS_OBJ(impl);
}

/* ---- __abstractmethods__ ----------------------------------------------------------- */

/* bool(getattr(v, '__isabstractmethod__', False)): 1, 0, -1. */
static int abc_is_abstract(Value v) {
    Value flag = obj_getattr_opt(v, abc_names[ABC_ISABSTRACT]);
    if (IS_NULL(flag)) return err_occurred() ? -1 : 0;
    return obj_truthy(flag);
}

static int abc_add_if_abstract(Value abstracts, Value name, Value value) {
    int r = abc_is_abstract(value);
    return r <= 0 ? r : set_add(abstracts, name);
}

/* The names abstract in cls's own namespace, and those abstract in a base
 * that cls still leaves abstract (CPython's compute_abstract_methods). */
static int abc_compute_abstracts(Value cls) {
    Value abstracts = set_new(&type_frozenset);
    Value ns = obj_getattr(cls, str_intern_c("__dict__"));
    if (IS_NULL(abstracts) || IS_NULL(ns)) return -1;
    Value items = obj_call_method(ns, "items", NULL, 0);
    Value it = IS_NULL(items) ? VAL_NULL : obj_iter(items);
    if (IS_NULL(it)) return -1;
    for (Value item; !IS_NULL(item = obj_next(it));) {
        if (!IS_TUPLE(item) || AS_TUPLE(item)->len != 2) {
            err_format(&exc_TypeError, "items() returned item which is not a 2-tuple");
            return -1;
        }
        if (abc_add_if_abstract(abstracts, AS_TUPLE(item)->items[0], AS_TUPLE(item)->items[1]) < 0) return -1;
    }
    if (err_occurred()) return -1;
    Value bases = obj_getattr(cls, str_intern_c("__bases__"));
    if (IS_NULL(bases)) return -1;
    if (!IS_TUPLE(bases)) {
        err_format(&exc_TypeError, "__bases__ is not tuple");
        return -1;
    }
    for (int64_t i = 0; i < AS_TUPLE(bases)->len; i++) {
        Value base_abstracts = obj_getattr_opt(AS_TUPLE(bases)->items[i], abc_names[ABC_ABSTRACTMETHODS]);
        if (IS_NULL(base_abstracts)) {
            if (err_occurred()) return -1;
            continue;
        }
        Value names = obj_iter(base_abstracts);
        if (IS_NULL(names)) return -1;
        for (Value name; !IS_NULL(name = obj_next(names));) {
            Value value = obj_getattr_opt(cls, name);
            if (IS_NULL(value)) {
                if (err_occurred()) return -1;
                continue;
            }
            if (abc_add_if_abstract(abstracts, name, value) < 0) return -1;
        }
        if (err_occurred()) return -1;
    }
    return obj_setattr(cls, abc_names[ABC_ABSTRACTMETHODS], abstracts);
}

/* ---- the functions ----------------------------------------------------------------- */

static Value abc_init_m(Value *args, int nargs, Value kwnames) {
    if (abc_compute_abstracts(args[0]) < 0) return VAL_NULL;
    Value data = abcdata_new();
    if (IS_NULL(data) || obj_setattr(args[0], abc_names[ABC_IMPL], data) < 0) return VAL_NULL;
    return VAL_NONE;
}

static Value abc_register_m(Value *args, int nargs, Value kwnames) {
    Value self = args[0], sub = args[1];
    if (!IS_TYPE(sub)) return err_format(&exc_TypeError, "Can only register classes");
    int r = builtins_issubclass(sub, self);
    if (r != 0) return r < 0 ? VAL_NULL : sub;          /* already a subclass */
    /* Tested after "already a subclass": X.register(X) is a no-op. */
    r = builtins_issubclass(self, sub);
    if (r != 0) return r < 0 ? VAL_NULL : err_format(&exc_RuntimeError, "Refusing to create an inheritance cycle");
    AbcData *impl = abc_impl(self);
    if (!impl || wcs_add(&impl->registry, sub) < 0) return VAL_NULL;
    abc_invalidation_counter++;
    uint32_t flag = IS_TYPE(self) ? AS_TYPE(self)->flags & (TF_SEQUENCE | TF_MAPPING) : 0;
    if (flag) type_set_collection_flag(AS_TYPE(sub), flag);
    return sub;
}

static Value abc_call_subclasscheck(Value self, Value cls) { return abc_call(self, ABC_SUBCLASSCHECK, cls); }

static Value abc_instancecheck_m(Value *args, int nargs, Value kwnames) {
    Value self = args[0], instance = args[1];
    AbcData *impl = abc_impl(self);
    if (!impl) return VAL_NULL;
    Value subclass = obj_getattr(instance, abc_names[ABC_CLASS]);
    if (IS_NULL(subclass)) return VAL_NULL;
    if (wcs_has(&impl->cache, subclass)) return VAL_TRUE;
    Value subtype = MK_OBJ(val_type(instance));
    if (subtype == subclass) {
        if (impl->negative_cache_version == abc_invalidation_counter && wcs_has(&impl->negative_cache, subclass))
            return VAL_FALSE;
        return abc_call_subclasscheck(self, subclass);
    }
    Value r = abc_call_subclasscheck(self, subclass);
    if (IS_NULL(r)) return r;
    int t = obj_truthy(r);
    if (t != 0) return t < 0 ? VAL_NULL : r;
    return abc_call_subclasscheck(self, subtype);
}

/* Step 5 of the subclass check: a subclass of a registered class?  1 yes (cached),
 * 0 no, -1 error. */
static int abc_check_registry(AbcData *impl, Value subclass) {
    if (wcs_has(&impl->registry, subclass)) return 1;
    if (IS_NULL(impl->registry.map) || dict_len(impl->registry.map) == 0) return 0;
    Value registered = wcs_snapshot(&impl->registry);
    if (IS_NULL(registered)) return -1;
    for (int64_t i = 0; i < AS_LIST(registered)->len; i++) {
        int r = builtins_issubclass(subclass, AS_LIST(registered)->items[i]);
        if (r != 0) return r < 0 || wcs_add(&impl->cache, subclass) < 0 ? -1 : 1;
    }
    return 0;
}

static Value abc_subclasscheck_m(Value *args, int nargs, Value kwnames) {
    Value self = args[0], subclass = args[1];
    if (!IS_TYPE(subclass)) return err_format(&exc_TypeError, "issubclass() arg 1 must be a class");
    AbcData *impl = abc_impl(self);
    if (!impl) return VAL_NULL;
    /* 1. the cache; 2. the negative cache, dropped when a register() made it stale */
    if (wcs_has(&impl->cache, subclass)) return VAL_TRUE;
    if (impl->negative_cache_version < abc_invalidation_counter) {
        wcs_clear(&impl->negative_cache);
        impl->negative_cache_version = abc_invalidation_counter;
    } else if (wcs_has(&impl->negative_cache, subclass)) {
        return VAL_FALSE;
    }
    /* 3. the subclass hook */
    Value ok = abc_call(self, ABC_SUBCLASSHOOK, subclass);
    if (IS_NULL(ok)) return VAL_NULL;
    if (ok == VAL_TRUE || ok == VAL_FALSE) {
        int rc = wcs_add(ok == VAL_TRUE ? &impl->cache : &impl->negative_cache, subclass);
        return rc < 0 ? VAL_NULL : ok;
    }
    if (ok != VAL_NOTIMPLEMENTED)
        return err_format(&exc_AssertionError, "__subclasshook__ must return either False, True, or NotImplemented");
    /* 4. a real subclass */
    Value mro = AS_TYPE(subclass)->mro;
    for (int64_t i = 0; IS_TUPLE(mro) && i < AS_TUPLE(mro)->len; i++)
        if (AS_TUPLE(mro)->items[i] == self) return wcs_add(&impl->cache, subclass) < 0 ? VAL_NULL : VAL_TRUE;
    /* 5. a subclass of a registered class */
    int r = abc_check_registry(impl, subclass);
    if (r != 0) return r < 0 ? VAL_NULL : VAL_TRUE;
    /* 6. a subclass of a subclass */
    Value subs = abc_call(self, ABC_SUBCLASSES, VAL_NULL);
    if (IS_NULL(subs)) return VAL_NULL;
    if (!IS_LIST(subs)) return err_format(&exc_TypeError, "__subclasses__() must return a list");
    for (int64_t i = 0; i < AS_LIST(subs)->len; i++) {
        r = builtins_issubclass(subclass, AS_LIST(subs)->items[i]);
        if (r != 0) return r < 0 || wcs_add(&impl->cache, subclass) < 0 ? VAL_NULL : VAL_TRUE;
    }
    return wcs_add(&impl->negative_cache, subclass) < 0 ? VAL_NULL : VAL_FALSE;
}

static Value abc_get_dump_m(Value *args, int nargs, Value kwnames) {
    AbcData *impl = abc_impl(args[0]);
    if (!impl) return VAL_NULL;
    Value reg = wcs_as_set(&impl->registry), cache = wcs_as_set(&impl->cache);
    Value neg = wcs_as_set(&impl->negative_cache);
    if (IS_NULL(reg) || IS_NULL(cache) || IS_NULL(neg)) return VAL_NULL;
    return tuple_pack(4, reg, cache, neg, int_from_i64(impl->negative_cache_version));
}

static Value abc_reset_registry_m(Value *args, int nargs, Value kwnames) {
    AbcData *impl = abc_impl(args[0]);
    if (!impl) return VAL_NULL;
    wcs_clear(&impl->registry);
    return VAL_NONE;
}

static Value abc_reset_caches_m(Value *args, int nargs, Value kwnames) {
    AbcData *impl = abc_impl(args[0]);
    if (!impl) return VAL_NULL;
    wcs_clear(&impl->cache);
    wcs_clear(&impl->negative_cache);
    return VAL_NONE;
}

static Value abc_get_cache_token_m(Value *args, int nargs, Value kwnames) {
    return int_from_i64(abc_invalidation_counter);
}

static const MethodDef mod_abc_functions[] = {
    {"get_cache_token", abc_get_cache_token_m, ARGS_NONE,
     "Returns the current ABC cache token.\n\nThe token is an opaque object (supporting equality testing) "
     "identifying the\ncurrent version of the ABC cache for virtual subclasses. The token changes\n"
     "with every call to register() on any ABC."},
    {"_abc_init", abc_init_m, ARGS_ONE, "Internal ABC helper for class set-up. Should be never used outside abc module."},
    {"_reset_registry", abc_reset_registry_m, ARGS_ONE,
     "Internal ABC helper to reset registry of a given class.\n\nShould be only used by refleak.py"},
    {"_reset_caches", abc_reset_caches_m, ARGS_ONE,
     "Internal ABC helper to reset both caches of a given class.\n\nShould be only used by refleak.py"},
    {"_get_dump", abc_get_dump_m, ARGS_ONE,
     "Internal ABC helper for cache and registry debugging.\n\nReturn shallow copies of registry, of both caches, "
     "and\nnegative cache version. Don't call this function directly,\ninstead use ABC._dump_registry() for a "
     "nice repr."},
    {"_abc_register", abc_register_m, ARGS_POS(2, 2), "Internal ABC helper for subclasss registration. Should be "
     "never used outside abc module."},
    {"_abc_instancecheck", abc_instancecheck_m, ARGS_POS(2, 2),
     "Internal ABC helper for instance checks. Should be never used outside abc module."},
    {"_abc_subclasscheck", abc_subclasscheck_m, ARGS_POS(2, 2),
     "Internal ABC helper for subclasss checks. Should be never used outside abc module."},
    {NULL, NULL, 0, NULL},
};

Value mod_abc_init(void) {
    for (int i = 0; i < ABC_NAMES; i++)
        if (IS_NULL(abc_names[i] = str_intern_c(abc_name_text[i]))) return VAL_NULL;
    Value m = module_new_c("_abc");
    if (IS_NULL(m)) return VAL_NULL;
    if (dict_set_c(MODULE_DICT(m), "__doc__", str_from_c("Module contains faster C implementation of abc.ABCMeta"))
        < 0)
        return VAL_NULL;
    dict_add_methods(MODULE_DICT(m), mod_abc_functions, m);
    return err_occurred() ? VAL_NULL : m;
}
