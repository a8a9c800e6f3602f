/* gc.h - allocation and garbage collection.
 *
 * One allocator for every object (gc_alloc) and one for the malloc'd parts
 * objects own (gc_malloc/gc_realloc/gc_free: list items, dict tables), both
 * counting bytes so a collection starts once the heap has grown past a
 * threshold proportional to the live heap.
 *
 * The collector is stop-the-world mark and sweep.  Stopping the world is
 * free: only the GIL holder touches the heap.  It is precise for the heap
 * (each type's trace function names its children) and conservative for the
 * C stacks of all threads: any word on a stack that points into an object,
 * raw or NaN-boxed, keeps it alive.  C code therefore needs no root
 * registration for locals.  What it does need: Values kept in static
 * variables are registered once with gc_add_root, and Values kept in malloc'd
 * memory across an allocation are either owned by a traced object or pushed
 * with gc_push_root for the duration.  See runtime/gc.c for the heap layout.
 */
#ifndef GILPY_GC_H
#define GILPY_GC_H

#include <stddef.h>
#include "object.h"

/* The least heap growth that starts a collection (gc.set_threshold scales it). */
#define GC_MIN_THRESHOLD ((size_t)4 << 20)

/* A new zeroed object of `size` bytes with its header set to `type`.
 * Raises MemoryError (returns NULL) when memory runs out. */
Obj  *gc_alloc(Type *type, size_t size);

/* The bytes o's block really holds (its size class or its large-object size),
 * at least what gc_alloc was asked for; 0 for an object not on the GC heap. */
size_t gc_usable_size(const Obj *o);

/* malloc'd memory owned by an object; counted towards the GC threshold.
 * gc_malloc/gc_realloc raise MemoryError and return NULL on failure. */
void *gc_malloc(size_t size);
void *gc_calloc(size_t n, size_t size);
void *gc_realloc(void *p, size_t old_size, size_t new_size);
void  gc_free(void *p, size_t size);

/* Marking, for trace functions. */
void  gc_mark_value(Value v);
void  gc_mark_obj(Obj *o);
void  gc_mark_values(const Value *v, size_t n);
/* Mark whatever the words in [lo, hi) point to (frames kept in raw memory). */
void  gc_scan_conservative(const void *lo, const void *hi);

/* Weak bookkeeping.  A hook registered here runs in every collection after
 * marking and before sweeping, when every object still exists and
 * gc_is_marked tells which will survive: the place to drop what refers
 * weakly to dying objects (memoryview's export registry) without touching
 * freed memory.  A hook must not allocate or run Python code. */
void  gc_add_after_mark_hook(void (*hook)(void));
int   gc_is_marked(const Obj *o);           /* survives this collection (static objects do) */
/* Mark what Python code can still reach, from the registered roots, the
 * interpreter and every thread's value stack but not the C stacks, call
 * visit() (which may read gc_is_marked, and must not allocate), then clear
 * the marks; nothing is freed.  The conservative C stack scan keeps dead
 * temporaries alive through stale words; this tells them apart, for
 * memoryview's exports (obj_memoryview.c), at the price of a full mark. */
void  gc_query_reachable(void (*visit)(void));

/* Roots outside the heap. */
void  gc_add_root(Value *slot);             /* a static Value, forever */
void  gc_push_root(Value *slot);            /* temporary; LIFO with gc_pop_root */
void  gc_pop_root(void);
/* The temporary root stack's depth, and cutting it back to one taken before
 * (a jump out of code that pushed roots: interp/arena.c's FeGuard). */
size_t gc_temp_roots_depth(void);
void   gc_temp_roots_reset(size_t depth);

/* Copy n Values that may live in memory the collector does not see (a
 * dying list's item array) to a place it does, for the span of one
 * allocation: the Values and what they reference stay alive, and the copy
 * stays readable even if their owner is collected meanwhile.  Used by
 * tuple_from_array and list_from_array, whose sources are often such
 * arrays. */
typedef struct GcPinned {
    Value  small[16];
    Value *vals;
    size_t n;
} GcPinned;
const Value *gc_pin(GcPinned *pin, const Value *src, size_t n);
void  gc_unpin(GcPinned *pin);

void  gc_collect(void);                     /* a full collection now */
/* gc.collect() called straight from the interpreter loop: a full collection
 * whose scan of this thread's C stack starts at `top` (ThreadState.vm_c_top),
 * so that stale words in the loop's and the call path's frames (the result of
 * a recent call) keep nothing alive. Only for a caller that holds no Value in
 * C below `top` that is not also on a VM stack; NULL `top` is gc_collect. */
void  gc_collect_from(const char *top);
/* Raw memory for C code (StrBuf, file buffers, the compiler): malloc and
 * realloc that, when the system refuses, first give back what the heap can
 * (gc_reclaim: a collection, empty pages, the reserve kept for the
 * MemoryError path) and try again; NULL (no exception set) only then.  Only
 * with the GIL held.  Free with free(). */
void *gc_sys_malloc(size_t n);
void *gc_sys_realloc(void *p, size_t n);
void *gc_sys_calloc(size_t n, size_t size);
/* The system refused `want` bytes for the tries-th time (0 first): 1 if
 * memory was given back (try again), 0 if nothing is left to give. */
int   gc_reclaim(size_t want, int tries);
void  gc_init(void);
/* Heap statistics for gc module / tests. */
size_t gc_live_bytes(void);
size_t gc_collections(void);
/* 1 if p points into a live heap object (used by tests). */
int   gc_is_heap_object(const void *p);
/* Disable/enable automatic collection (gc.disable()). */
void  gc_set_enabled(int on);
int   gc_is_enabled(void);
/* Objects (not counting the collector's buffers) the last collection found
 * dead: freed, or kept for their finalizers. */
size_t gc_last_unreachable(void);
size_t gc_total_unreachable(void);
size_t gc_allocated_since(void);            /* bytes since the last collection */
/* The least growth (bytes) that starts a collection (gc.set_threshold). */
void  gc_set_min_threshold(size_t bytes);

/* For the gc module.  A container is what CPython's collector tracks: an
 * object that may reference others.  gc_objects stores up to cap of them
 * and returns how many there are; it allocates nothing.  gc_referents
 * calls visit on what o's trace names (the collector's own buffers
 * included; the class of an instance of a heap type first).  gc_freeze
 * makes every container a root until gc_unfreeze (gc.freeze). */
int    gc_is_container(const Obj *o);
size_t gc_objects(Obj **out, size_t cap);
void   gc_referents(Obj *o, void (*visit)(Obj *, void *), void *ctx);
/* The same inside a collection, marks untouched (runtime/finalize.c). */
void   gc_referents_collecting(Obj *o, void (*visit)(Obj *, void *), void *ctx);
size_t gc_freeze(void);
void   gc_unfreeze(void);
size_t gc_freeze_count(void);

#endif
