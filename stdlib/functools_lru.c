/* functools_lru.c - `_functools._lru_cache_wrapper`, the engine of
 * functools.lru_cache and functools.cache, as CPython 3.11's C one.
 *
 * A call makes a key from its arguments (lru_make_key: the one argument
 * itself when it is an exact str or int, else a tuple of the arguments, a
 * marker and the keyword names and values, and their types when `typed`),
 * and looks it up in a dict:
 *   - maxsize None: the dict maps keys to results;
 *   - maxsize 0: nothing is kept, every call is a miss;
 *   - maxsize n: the dict maps keys to LruLink objects, kept in a circular
 *     doubly linked list in order of use (root.next the least recently used,
 *     root.prev the most), so a hit moves its link to the end and a miss
 *     with the cache full drops root.next.
 * The links point at each other with plain pointers; the dict keeps every
 * link but the root alive, and the wrapper keeps the root.  The user's
 * function may call the wrapper again or clear its cache while it runs, so
 * after the call the key is looked up again before anything is added.
 *
 * The wrapper has a __dict__ (update_wrapper copies __name__, __doc__,
 * __wrapped__ ... into it), binds as a method through __get__, pickles by
 * its qualified name, and copies as itself.
 */
#include <string.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/object.h"
#include "functools_lru.h"
#include "interp/modreg.h"

typedef struct LruLink {
    Obj   header;
    struct LruLink *prev, *next;
    Value key, result;
    int64_t hash;               /* key's, so that dropping the link hashes nothing */
} LruLink;

typedef struct {
    Obj      header;
    Value    dict;              /* __dict__, VAL_NULL until used */
    Value    func;
    Value    cache;             /* dict */
    Value    cache_info_type;
    LruLink *root;              /* the list's sentinel (maxsize > 0) */
    int64_t  maxsize;           /* -1: unbounded */
    int64_t  hits, misses;
    int      typed;
} LruCache;

static Type type_lru_link;
#define AS_LRU(v) ((LruCache *)AS_OBJ(v))

static Value lru_kwd_mark;      /* separates the positional from the keyword part of a key */

static void lru_link_trace(Obj *o) {
    LruLink *l = (LruLink *)o;
    gc_mark_value(l->key);
    gc_mark_value(l->result);
}

static Type type_lru_link = {
    .tp_name = "functools._lru_list_elem", .base = &type_object, .basicsize = sizeof(LruLink),
    .trace = lru_link_trace,
};

static void lru_trace(Obj *o) {
    LruCache *c = (LruCache *)o;
    gc_mark_value(c->dict);
    gc_mark_value(c->func);
    gc_mark_value(c->cache);
    gc_mark_value(c->cache_info_type);
    if (c->root) gc_mark_obj(&c->root->header);
}

/* ---- the list ---- */

static void lru_unlink(LruLink *l) {
    l->prev->next = l->next;
    l->next->prev = l->prev;
}

static void lru_append(LruLink *root, LruLink *l) {     /* as the most recently used */
    l->prev = root->prev;
    l->next = root;
    root->prev->next = l;
    root->prev = l;
}

static LruLink *lru_link_new(Value key, Value result) {
    LruLink *l = (LruLink *)gc_alloc(&type_lru_link, sizeof(LruLink));
    if (!l) return NULL;
    l->prev = l->next = l;
    l->key = key;
    l->result = result;
    return l;
}

/* ---- keys ---- */

static Value lru_make_key(LruCache *c, Value *args, int nargs, Value kwnames) {
    int64_t nkw = IS_NULL(kwnames) ? 0 : AS_TUPLE(kwnames)->len;
    if (!c->typed && nkw == 0) {
        if (nargs == 1 && (IS_EXACT(args[0], type_str) || IS_SMALLINT(args[0]) || IS_EXACT(args[0], type_int)))
            return args[0];
        return tuple_from_array(args, nargs);
    }
    int64_t n = nargs + (nkw ? 1 + 2 * nkw : 0) + (c->typed ? nargs + nkw : 0), k = 0;
    Value key = tuple_new(n);
    if (IS_NULL(key)) return VAL_NULL;
    Value *items = AS_TUPLE(key)->items;
    for (int i = 0; i < nargs; i++) items[k++] = args[i];
    if (nkw) {
        items[k++] = lru_kwd_mark;
        for (int64_t i = 0; i < nkw; i++) {
            items[k++] = AS_TUPLE(kwnames)->items[i];
            items[k++] = args[nargs + i];
        }
    }
    if (c->typed)
        for (int64_t i = 0; i < nargs + nkw; i++) items[k++] = MK_OBJ(val_type(args[i]));
    return key;
}

/* ---- calls ---- */

static Value lru_call_uncached(LruCache *c, Value *args, int nargs, Value kwnames) {
    c->misses++;
    return call_value(c->func, args, nargs, kwnames);
}

static Value lru_call_unbounded(LruCache *c, Value key, int64_t hash, Value *args, int nargs, Value kwnames) {
    Value hit = dict_get_hashed(c->cache, key, hash);
    if (!IS_NULL(hit)) { c->hits++; return hit; }
    if (err_occurred()) return VAL_NULL;
    c->misses++;
    Value r = call_value(c->func, args, nargs, kwnames);
    if (IS_NULL(r) || dict_set_hashed(c->cache, key, hash, r) < 0) return VAL_NULL;
    return r;
}

/* A miss with the cache full: the least recently used link goes. */
static int lru_evict_oldest(LruCache *c) {
    LruLink *old = c->root->next;
    if (old == c->root) return 0;
    lru_unlink(old);
    old->prev = old->next = old;
    return dict_del_hashed(c->cache, old->key, old->hash) < 0 ? -1 : 0;
}

static Value lru_call_bounded(LruCache *c, Value key, int64_t hash, Value *args, int nargs, Value kwnames) {
    Value hit = dict_get_hashed(c->cache, key, hash);
    if (!IS_NULL(hit)) {
        LruLink *l = (LruLink *)AS_OBJ(hit);
        lru_unlink(l);
        lru_append(c->root, l);
        c->hits++;
        return l->result;
    }
    if (err_occurred()) return VAL_NULL;
    c->misses++;
    Value r = call_value(c->func, args, nargs, kwnames);
    if (IS_NULL(r)) return VAL_NULL;
    /* The call may have cached this key already (a recursive call): keep that. */
    if (!IS_NULL(dict_get_hashed(c->cache, key, hash))) return r;
    if (err_occurred()) return VAL_NULL;
    if (dict_len(c->cache) >= c->maxsize && lru_evict_oldest(c) < 0) return VAL_NULL;
    LruLink *l = lru_link_new(key, r);
    if (l) l->hash = hash;
    if (!l || dict_set_hashed(c->cache, key, hash, MK_OBJ(l)) < 0) return VAL_NULL;
    lru_append(c->root, l);
    return r;
}

static Value lru_call(Value self, Value *args, int nargs, Value kwnames) {
    LruCache *c = AS_LRU(self);
    if (c->maxsize == 0) return lru_call_uncached(c, args, nargs, kwnames);
    Value key = lru_make_key(c, args, nargs, kwnames);
    int64_t hash = IS_NULL(key) ? -1 : dict_hash_key(key);     /* once per call, as CPython */
    if (hash == -1) return VAL_NULL;
    return c->maxsize < 0 ? lru_call_unbounded(c, key, hash, args, nargs, kwnames)
                          : lru_call_bounded(c, key, hash, args, nargs, kwnames);
}

/* ---- the type ---- */

/* _lru_cache_wrapper(user_function, maxsize, typed, cache_info_type) */
static Value lru_new_m(Value *args, int nargs, Value kwnames) {
    Type *cls = AS_TYPE(args[0]);
    Value func = args[1], maxsize = args[2];
    if (!call_is_callable(func)) return err_format(&exc_TypeError, "the first argument must be callable");
    int64_t max = -1;
    if (!IS_NONE(maxsize)) {
        if (!IS_INT(maxsize)) return err_format(&exc_TypeError, "maxsize should be integer or None");
        if (int_to_i64(maxsize, &max) < 0) {
            if (!err_matches(&exc_OverflowError)) return VAL_NULL;
            err_clear();
            max = int_sign(maxsize) < 0 ? 0 : INT64_MAX;
        }
        if (max < 0) max = 0;
    }
    int typed = obj_truthy(args[3]);
    if (typed < 0) return VAL_NULL;
    Value cache = dict_new();
    LruLink *root = max > 0 ? lru_link_new(VAL_NONE, VAL_NONE) : NULL;
    if (IS_NULL(cache) || (max > 0 && !root)) return VAL_NULL;
    LruCache *c = (LruCache *)obj_new_instance(cls);
    if (!c) return VAL_NULL;
    c->func = func;
    c->cache = cache;
    c->cache_info_type = args[4];
    c->root = root;
    c->maxsize = max;
    c->typed = typed;
    return MK_OBJ(c);
}

static Value lru_cache_info_m(Value *args, int nargs, Value kwnames) {
    LruCache *c = AS_LRU(args[0]);
    Value info[4] = {int_from_i64(c->hits), int_from_i64(c->misses),
                     c->maxsize < 0 ? VAL_NONE : int_from_i64(c->maxsize), int_from_i64(dict_len(c->cache))};
    return call_value(c->cache_info_type, info, 4, VAL_NULL);
}

static Value lru_cache_clear_m(Value *args, int nargs, Value kwnames) {
    LruCache *c = AS_LRU(args[0]);
    c->hits = c->misses = 0;
    if (c->root) c->root->prev = c->root->next = c->root;
    dict_clear(c->cache);
    return VAL_NONE;
}

static Value lru_get(Value self, Value obj, Value type) {
    return IS_NULL(obj) || IS_NONE(obj) ? self : method_new(self, obj);
}

static Value lru_get_m(Value *args, int nargs, Value kwnames) {
    Value obj, type;
    if (descr_get_args(args, &obj, &type) < 0) return VAL_NULL;
    return lru_get(args[0], obj, type);
}

/* Pickled as what it wraps: by its qualified name. */
static Value lru_reduce_m(Value *args, int nargs, Value kwnames) {
    return obj_getattr(args[0], str_intern_c("__qualname__"));
}

static Value lru_copy_m(Value *args, int nargs, Value kwnames) { return args[0]; }

static Value lru_get_dict(Value self) {
    LruCache *c = AS_LRU(self);
    if (IS_NULL(c->dict)) c->dict = dict_new();
    return c->dict;
}
static int lru_set_dict(Value self, Value v) { return getset_set_dict(&AS_LRU(self)->dict, v); }

static const GetSetDef lru_getsets[] = {
    {"__dict__", lru_get_dict, lru_set_dict, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef lru_methods[] = {
    {"__new__", lru_new_m, METH_STATIC | ARGS_POS(5, 5), NULL},
    {"__get__", lru_get_m, ARGS_WRAPT(1, 2), NULL},
    {"cache_info", lru_cache_info_m, ARGS_NONE, "Report cache statistics"},
    {"cache_clear", lru_cache_clear_m, ARGS_NONE, "Clear the cache and cache statistics"},
    {"__reduce__", lru_reduce_m, ARGS_NONE, NULL},
    {"__copy__", lru_copy_m, ARGS_NONE, NULL},
    {"__deepcopy__", lru_copy_m, ARGS_POS(1, 2), NULL},
    {NULL, NULL, 0, NULL},
};

Type type_lru_cache_wrapper = {
    .tp_name = "functools._lru_cache_wrapper", .base = &type_object, .basicsize = sizeof(LruCache),
    .flags = TF_HAS_DICT | TF_WEAKREFABLE, .dictoffset = offsetof(LruCache, dict),
    .trace = lru_trace, .call = lru_call, .get = lru_get,
    .methods = lru_methods, .getsets = lru_getsets,
};
GILPY_TYPE(type_lru_cache_wrapper, NULL);

int lru_add_to_module(Value module_dict) {
    if (IS_NULL(lru_kwd_mark)) {
        lru_kwd_mark = MK_OBJ(obj_new_instance(&type_object));
        gc_add_root(&lru_kwd_mark);
    }
    return dict_set_c(module_dict, "_lru_cache_wrapper", MK_OBJ(&type_lru_cache_wrapper));
}
