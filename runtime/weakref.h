/* weakref.h - weak references (CPython's _weakref types) and the
 * collector's weak bookkeeping.
 *
 * A WeakRef points at its referent with a raw pointer that the collector
 * does not trace.  The weak references to one object form a chain (basic
 * ref first, then the basic proxy, then the others newest first, as
 * CPython orders them), found through a side table keyed by the referent's
 * address; GCF_WEAKREFD in the referent's header says it has an entry, so
 * objects nobody refers to weakly cost nothing.  The collector calls
 * weak_clear_unreachable after marking and weak_prune before sweeping
 * (runtime/gc.c says when); runtime/weakref.c explains both. */
#ifndef GILPY_WEAKREF_H
#define GILPY_WEAKREF_H

#include "object.h"

typedef struct WeakRef {
    Obj     header;
    Obj    *referent;          /* NULL once the referent died */
    Value   callback;          /* VAL_NULL when none (or once it was queued) */
    int64_t hash;              /* -1 until hash() computed it */
    struct WeakRef *prev, *next;   /* the referent's chain (untraced) */
} WeakRef;

extern Type type_weakref, type_weakproxy, type_weakcallableproxy;

#define IS_WEAKREF(v) (IS_OBJ(v) && type_is_subtype(AS_OBJ(v)->type, &type_weakref))

/* weakref.ref(obj, callback) / weakref.proxy(obj, callback): callback
 * VAL_NULL or None for none.  TypeError for objects that cannot be
 * referred to weakly. */
Value weak_new_ref(Type *cls, Value obj, Value callback);
Value weak_new_proxy(Value obj, Value callback);
/* The referent, or None when it died. */
Value weak_get(Value ref);
int64_t weak_count(Value obj);             /* getweakrefcount */
Value weak_list(Value obj);                /* getweakrefs: a new list */
Value weak_first(Value obj);               /* __weakref__: the first ref, or None */

/* The collector's side (runtime/gc.c), with the marks of a collection. */
void weak_clear_unreachable(void);
/* Has an object that was not marked weak references?  (When none has, the
 * order of clearing and finalizing cannot be seen: finalize.c skips its
 * cycle test.) */
int  weak_any_unreachable(void);
void weak_prune(void);

#endif
