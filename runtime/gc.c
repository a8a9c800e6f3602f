/* gc.c - the heap and the mark-and-sweep collector.
 *
 * Heap layout.  Small objects (up to GC_SMALL_MAX bytes) live in 64 KiB
 * pages, each page holding slots of one size class; a page hands out its
 * slots in order as they are first needed (Page.used counts them: the rest
 * are untouched zero memory, not yet faulted in), and freed slots are zeroed
 * and chained through their first word (where an object keeps its type, so
 * a slot is allocated exactly when that word is a Type*... that is non-NULL
 * and not a free-list link: free slots have gcflags == GC_FREE_TAG).  Large
 * objects get their own 64 KiB-aligned block.  A two-level page map, indexed
 * by address >> 16, tells for any address whether it lies in the heap and
 * where its object starts.  That is what makes conservative stack scanning
 * cheap and exact about which words are heap pointers.
 *
 * Collection.  Stop-the-world: the caller holds the GIL, so every other
 * thread is outside Python with its registers saved (ThreadState.saved_regs)
 * and its stack pointer recorded.  Roots:
 *   - registered static Values (gc_add_root) and the temporary root stack;
 *   - static type objects (their dicts, MROs, slot caches) via type_ready;
 *   - every thread's C stack and VM stack, scanned conservatively: a word
 *     that is a raw or NaN-boxed pointer into a live object marks it;
 *   - interned strings (str_mark_interned) and the Interp struct's Values.
 * Marking is iterative over an explicit mark stack; each type's trace
 * function names its children.  Sweep walks every page: unmarked objects
 * are finalized (their malloc'd parts freed) and their slots returned to
 * the size class's free list.
 *
 * Pacing.  A collection starts in gc_alloc when the bytes allocated since
 * the last one (objects and gc_malloc'd parts) exceed the threshold, which
 * is set after each collection to max(live bytes x GILPY_GC_GROWTH / 100,
 * GC_MIN_THRESHOLD): the marking work stays proportional to what is
 * allocated, and the heap peaks near (1 + growth) x live.  The default
 * growth is 100 (the peak about twice what is live; 200 was a third less
 * marking for a heap half again as large), doubled above GC_BIG_HEAP.  Empty pages and cached large
 * blocks go back to the system (gc_sweep, gc_large_cache_limit).  With
 * -Dgc_stress=true a collection runs every GILPY_GC_STRESS allocations
 * (default 1: every allocation).
 *
 * Running out of memory.  When the system refuses memory (malloc or
 * posix_memalign returning NULL, as under RLIMIT_AS), gc_reclaim gives back
 * what it can before anyone raises MemoryError: a full collection that also
 * returns to the system every empty page and the cached large blocks, then
 * the reserve, GC_RESERVE bytes taken at start-up so that raising the
 * MemoryError, unwinding, running the except clause and printing a
 * traceback can still allocate.  A collection that ends with memory to
 * spare takes the reserve again.  Raw buffers C code needs (StrBuf, file
 * buffers, the compiler's) come from gc_sys_malloc/gc_sys_realloc, which
 * reclaim the same way before failing.  Large blocks of GC_MMAP_MIN bytes
 * and more are mapped directly: zero pages the kernel gives lazily, so
 * bytearray(10**9) costs no memset, and unmapped when freed.  Small pages are
 * mapped too, GC_CHUNK at a time, so a new page costs no memset either.
 */
#include "gc.h"

#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "config.h"
#include "error.h"
#include "finalize.h"
#include "weakref.h"
#include "obj_str.h"
#include "runtime.h"
#include "state.h"

#define GC_PAGE_SHIFT     16
#define GC_PAGE_SIZE      ((size_t)1 << GC_PAGE_SHIFT)
#define GC_SMALL_MAX      16368
#define GC_FREE_TAG       0xF7EEu
#define GC_RESERVE        ((size_t)4 << 20)    /* for the MemoryError path */
#define GC_MMAP_MIN       ((size_t)1 << 20)    /* large blocks mapped directly */
#define GC_CHUNK          ((size_t)1 << 20)    /* small pages are mapped 16 at a time */

/* The conservative scans read other threads' stacks and dead stack words on
 * purpose: not instrumented by AddressSanitizer or ThreadSanitizer. */
#if defined(__SANITIZE_ADDRESS__)
#  define GC_UNDER_ASAN 1
#elif defined(__has_feature)
#  if __has_feature(address_sanitizer)
#    define GC_UNDER_ASAN 1
#  endif
#endif
#ifndef GC_UNDER_ASAN
#  define GC_UNDER_ASAN 0
#endif
#if defined(__clang__)
#  define GC_NO_ASAN __attribute__((no_sanitize("address", "thread")))
#elif defined(__GNUC__)
#  define GC_NO_ASAN __attribute__((no_sanitize_address, no_sanitize_thread))
#else
#  define GC_NO_ASAN
#endif

/* ---- pages and size classes --------------------------------------------- */

typedef struct Page {
    uint32_t slot_size;        /* bytes per slot; 0 for a large object */
    uint32_t nslots;
    uint32_t used;             /* slots handed out at least once; the rest are untouched zeros */
    char    *slots;            /* first slot */
    size_t   large_size;       /* large objects: bytes of the object */
    size_t   span;             /* large objects: bytes mapped for it (room to grow) */
    struct Page *next_all;     /* list of every page */
    struct Page *prev_all;
} Page;

typedef struct FreeSlot {      /* a free slot: overlays Obj */
    struct FreeSlot *next;     /* where Obj.type would be */
    uint32_t tag;              /* GC_FREE_TAG where Obj.gcflags would be */
} FreeSlot;

/* Up to 1024 bytes the classes step by at most 25%; above, each class is the
 * largest multiple of 16 that fits n slots in a page (n = 56, 48, ... 4), so
 * a 2 KiB code object or list buffer does not take a 64 KiB block. */
static const uint32_t gc_class_sizes[] = {
    16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256,
    320, 384, 448, 512, 640, 768, 896, 1024,
    1168, 1360, 1632, 2032, 2336, 2720, 3264, 4080, 4672, 5456, 6544, 8176,
    9344, 10912, 13088, GC_SMALL_MAX,
};
#define GC_NCLASSES (sizeof gc_class_sizes / sizeof gc_class_sizes[0])
_Static_assert(4 * GC_SMALL_MAX + 64 <= GC_PAGE_SIZE, "four of the largest slots fit a page");

/* Buffers whose owner died in the current sweep after the sweep had kept
 * them (see gc_free). */
typedef struct { Obj **items; size_t n, cap; } GcBufferOrphans;

/* All collector state: one struct, protected by the GIL. */
static struct {
    Page    **map[1 << 16];              /* page map: [addr>>32][(addr>>16)&0xffff] */
    uint8_t   class_of[GC_SMALL_MAX / 16 + 1]; /* (size+15)/16 -> class */
    FreeSlot *free[GC_NCLASSES];
    Page     *fresh[GC_NCLASSES];         /* the page whose untouched slots come next */
    Page     *pages;                      /* every page, small and large */
    char     *chunk_next;                 /* the unused pages of the current chunk */
    size_t    chunk_left;
    Page     *large_free;                 /* freed large blocks kept for reuse */
    size_t    large_cached;               /* their bytes */
    size_t    allocated_since;            /* bytes since the last collection */
    size_t    threshold;
    size_t    live_bytes;                 /* after the last collection */
    size_t    malloc_bytes;               /* gc_malloc'd and not yet freed */
    size_t    collections;
    size_t    unreachable;                /* objects the last collection found dead */
    size_t    unreachable_total;          /* ... and all of them so far */
    size_t    threshold_min;              /* GC_MIN_THRESHOLD scaled by gc.set_threshold */
    int       enabled;
    int       collecting;
    unsigned  stress_every, stress_count;
    Obj     **mark_stack; size_t mark_len, mark_cap;
    Value   **roots; size_t nroots, roots_cap;
    Value   **temp_roots; size_t ntemp, temp_cap;
    Obj     **statics; size_t nstatics, statics_cap;   /* static objects marked this cycle */
    GcPinned **pins; size_t npins, pins_cap;          /* large gc_pin copies */
    Obj     **frozen; size_t nfrozen;     /* gc.freeze(): kept as roots */
    void     *reserve;                    /* GC_RESERVE bytes, or NULL while spent */
    int       pressure;                   /* the next sweep returns empty pages */
    int       sweeping;
    int       mark_overflow;              /* a marked object could not be pushed */
    size_t    class_alloc[GC_NCLASSES];   /* bytes allocated per class since the last collection */
    size_t    class_keep[GC_NCLASSES];    /* the sweep: empty pages' bytes a class still keeps */
    void    **empty; size_t nempty, empty_cap;   /* empty pages given back (MADV_DONTNEED) */
    int       trace;                      /* GILPY_GC_TRACE */
    unsigned  growth_pct;                 /* GILPY_GC_GROWTH */
    GcBufferOrphans orphans;              /* buffers disowned by the sweep's finalizers */
} gc;

int gc_reclaim(size_t want, int tries);

/* Make sure the page map has its second-level tables for [addr, addr+span):
 * done before a new page joins the heap, because allocating a table may
 * collect, and a collection must not see a page half set up.  0, or -1
 * when there is no memory for it. */
static int gc_map_reserve(void *addr, size_t span) {
    for (uintptr_t a = (uintptr_t)addr; a < (uintptr_t)addr + span; a += GC_PAGE_SIZE) {
        size_t hi = (a >> 32) & 0xffff;
        if (gc.map[hi]) continue;
        Page **l2;
        for (int tries = 0; (l2 = calloc(1 << 16, sizeof(Page *))) == NULL; tries++)
            if (!gc_reclaim(sizeof(Page *) << 16, tries)) return -1;
        gc.map[hi] = l2;
    }
    return 0;
}

/* Record addr's page (its table is there: gc_map_reserve). */
static void gc_map_set(void *addr, Page *p) {
    uintptr_t a = (uintptr_t)addr;
    gc.map[(a >> 32) & 0xffff][(a >> 16) & 0xffff] = p;
}

static inline Page *gc_map_get(uintptr_t a) {
    if (a >> 48) return NULL;
    Page **l2 = gc.map[(a >> 32) & 0xffff];
    return l2 ? l2[(a >> 16) & 0xffff] : NULL;
}

static void gc_link_page(Page *p) {
    p->next_all = gc.pages;
    p->prev_all = NULL;
    if (gc.pages) gc.pages->prev_all = p;
    gc.pages = p;
}

static void gc_unlink_page(Page *p) {
    if (p->prev_all) p->prev_all->next_all = p->next_all; else gc.pages = p->next_all;
    if (p->next_all) p->next_all->prev_all = p->prev_all;
}

static void *gc_map_block(size_t span);

/* A zero page for a size class.  Pages are cut from chunks of GC_CHUNK bytes
 * that the kernel maps lazily, so a fresh page needs no memset; an empty page
 * given back (gc_page_unmap) is unmapped alone.  Under AddressSanitizer they
 * come from malloc, where LeakSanitizer looks for the pointers they hold. */
#if GC_UNDER_ASAN
static void *gc_fresh_page(void) {
    void *p = NULL;
    if (posix_memalign(&p, GC_PAGE_SIZE, GC_PAGE_SIZE) != 0) return NULL;
    return memset(p, 0, GC_PAGE_SIZE);
}
static void gc_page_unmap(void *p) { free(p); }
static void gc_retire_page(void *p) { free(p); }
static void gc_drop_empty_pages(void) {}
#else
static void *gc_fresh_page(void) {
    if (gc.nempty) return gc.empty[--gc.nempty];     /* zero again since MADV_DONTNEED */
    if (!gc.chunk_left) {
        char *m = gc_map_block(GC_CHUNK);
        if (!m) return NULL;
        gc.chunk_next = m;
        gc.chunk_left = GC_CHUNK / GC_PAGE_SIZE;
    }
    void *p = gc.chunk_next;
    gc.chunk_next += GC_PAGE_SIZE;
    gc.chunk_left--;
    return p;
}
static void gc_page_unmap(void *p) { munmap(p, GC_PAGE_SIZE); }

/* An empty page no class needs: its memory goes back to the system, its
 * address stays for the next new page of any class (no munmap: unmapping
 * pages one by one would split the chunk's mapping into thousands). */
static void gc_retire_page(void *p) {
    if (gc.nempty == gc.empty_cap) {
        size_t cap = gc.empty_cap ? gc.empty_cap * 2 : 64;
        void **q = realloc(gc.empty, cap * sizeof(void *));
        if (!q) { munmap(p, GC_PAGE_SIZE); return; }
        gc.empty = q;
        gc.empty_cap = cap;
    }
    madvise(p, GC_PAGE_SIZE, MADV_DONTNEED);
    gc.empty[gc.nempty++] = p;
}

/* Memory is short: unmap the retired pages (address space counts too). */
static void gc_drop_empty_pages(void) {
    while (gc.nempty) munmap(gc.empty[--gc.nempty], GC_PAGE_SIZE);
}
#endif

static int gc_new_page(unsigned cls) {
    void *mem;
    for (int tries = 0; (mem = gc_fresh_page()) == NULL; tries++)
        if (!gc_reclaim(GC_PAGE_SIZE, tries)) return -1;
    if (gc_map_reserve(mem, GC_PAGE_SIZE) < 0) { gc_page_unmap(mem); return -1; }
    Page *p = mem;
    size_t hdr = (sizeof(Page) + 15) & ~(size_t)15;
    p->slot_size = gc_class_sizes[cls];
    p->slots = (char *)mem + hdr;
    p->nslots = (uint32_t)((GC_PAGE_SIZE - hdr) / p->slot_size);
    p->used = 0;
    gc_map_set(mem, p);
    gc_link_page(p);
    gc.fresh[cls] = p;
    return 0;
}

/* A slot of class cls never used before: the next one of the fresh page, so
 * a page's memory is touched (and faulted in) only as its slots are handed
 * out.  NULL when there is no memory for a new page. */
static FreeSlot *gc_take_fresh(unsigned cls) {
    Page *p = gc.fresh[cls];
    if (!p || p->used == p->nslots) {
        if (gc_new_page(cls) < 0) return NULL;
        p = gc.fresh[cls];
    }
    return (FreeSlot *)(p->slots + (size_t)p->used++ * p->slot_size);
}

/* ---- allocation ---------------------------------------------------------- */

void gc_init(void) {
    for (size_t i = 0, c = 0; i <= GC_SMALL_MAX / 16; i++) {
        while (gc_class_sizes[c] < i * 16) c++;
        gc.class_of[i] = (uint8_t)c;
    }
    gc.threshold = gc.threshold_min = GC_MIN_THRESHOLD;
    gc.enabled = 1;
    gc.reserve = malloc(GC_RESERVE);
    gc.stress_every = 1;
    gc.trace = getenv("GILPY_GC_TRACE") != NULL;
    const char *g = getenv("GILPY_GC_GROWTH");
    gc.growth_pct = g && atoi(g) > 0 ? (unsigned)atoi(g) : 100;
    const char *s = getenv("GILPY_GC_STRESS");
    if (s && atoi(s) > 0) gc.stress_every = (unsigned)atoi(s);
}

static int gc_should_collect(void) {
    if (!gc.enabled || gc.collecting) return 0;
#if GILPY_GC_STRESS
    if (++gc.stress_count >= gc.stress_every) { gc.stress_count = 0; return 1; }
    return 0;
#else
    return gc.allocated_since > gc.threshold;
#endif
}

/* Large objects.  Freed blocks are kept (up to GC_LARGE_CACHE bytes) with
 * their page descriptor and page-map entries, so a program that keeps making
 * and dropping big strings or lists reuses them instead of asking the OS for
 * fresh pages every time. */
#define GC_LARGE_CACHE ((size_t)64 << 20)

static size_t gc_span_of(size_t size) { return (size + GC_PAGE_SIZE - 1) & ~(GC_PAGE_SIZE - 1); }

/* The smallest cached block of at least span bytes and at most twice that
 * (a string growing by steps asks for a slightly larger block each time). */
static Page *gc_large_reuse(size_t span) {
    Page **best = NULL;
    for (Page **pp = &gc.large_free; *pp; pp = &(*pp)->next_all) {
        size_t have = (*pp)->span;
        if (have < span || have / 2 > span) continue;
        if (!best || have < (*best)->span) best = pp;
        if (have == span) break;
    }
    if (!best) return NULL;
    Page *p = *best;
    *best = p->next_all;
    gc.large_cached -= p->span;
    return p;
}

/* The cache holds freed blocks up to half the live heap (at least
 * GC_LARGE_CACHE_MIN, at most GC_LARGE_CACHE): more would only raise the
 * peak resident size of a program that keeps little. */
#define GC_LARGE_CACHE_MIN ((size_t)16 << 20)
static size_t gc_large_cache_limit(void) {
    size_t lim = gc.live_bytes / 2 > GC_LARGE_CACHE_MIN ? gc.live_bytes / 2 : GC_LARGE_CACHE_MIN;
    return lim < GC_LARGE_CACHE ? lim : GC_LARGE_CACHE;
}

void *gc_sys_malloc(size_t n);

/* A GC_PAGE_SIZE-aligned mapping of span bytes (zero pages), or NULL. */
static void *gc_map_block(size_t span) {
    size_t len = span + GC_PAGE_SIZE;
    char *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) return NULL;
    char *a = (char *)(((uintptr_t)m + GC_PAGE_SIZE - 1) & ~(uintptr_t)(GC_PAGE_SIZE - 1));
    if (a > m) munmap(m, (size_t)(a - m));
    if (a + span < m + len) munmap(a + span, (size_t)(m + len - (a + span)));
    return a;
}

static void gc_unmap_or_free(void *mem, size_t span) {
    if (span >= GC_MMAP_MIN) munmap(mem, span); else free(mem);
}

static void *gc_large_block(size_t span, size_t size) {
    void *mem = NULL;
    for (int tries = 0;; tries++) {
        if (span >= GC_MMAP_MIN) {
            if ((mem = gc_map_block(span)) != NULL) return mem;   /* already zero */
        } else if (posix_memalign(&mem, GC_PAGE_SIZE, span) == 0) {
            memset(mem, 0, size);
            return mem;
        }
        if (!gc_reclaim(span, tries)) return NULL;
    }
}

/* A large object of size bytes in a block of at least room bytes. */
static Obj *gc_alloc_large(size_t size, size_t room) {
    if (size > ((size_t)1 << 46)) return NULL;
    size_t span = gc_span_of(room > size ? room : size);
    Page *p = gc_large_reuse(span);
    if (p) {
        memset(p->slots, 0, size);
    } else {
        void *mem = gc_large_block(span, size);
        if (!mem) return NULL;
        p = gc_sys_malloc(sizeof(Page));
        if (!p || gc_map_reserve(mem, span) < 0) { free(p); gc_unmap_or_free(mem, span); return NULL; }
        memset(p, 0, sizeof(Page));
        p->slots = mem;
        p->nslots = p->used = 1;
        p->span = span;
        for (size_t off = 0; off < span; off += GC_PAGE_SIZE) gc_map_set((char *)mem + off, p);
    }
    p->large_size = size;
    gc_link_page(p);
    gc.allocated_since += p->span;
    return (Obj *)p->slots;
}

/* gc_alloc, where a large object gets a block of at least room bytes. */
static inline Obj *gc_alloc_in(Type *type, size_t size, size_t room) {
    if (size < sizeof(Obj)) size = sizeof(Obj);
    if (type && !type->header.type) type_ready(type);   /* a static type's first instance */
    if (gc_should_collect()) gc_collect();
    Obj *o;
    if (size <= GC_SMALL_MAX) {
        unsigned cls = gc.class_of[(size + 15) / 16];
        FreeSlot *f = gc.free[cls];
        if (f) {
            gc.free[cls] = f->next;
            if (f->next) __builtin_prefetch(f->next, 1);   /* the next allocation's slot */
        } else if (!(f = gc_take_fresh(cls))) {
            err_no_memory();
            return NULL;
        }
        f->next = NULL;
        f->tag = 0;
        o = (Obj *)f;
        gc.allocated_since += gc_class_sizes[cls];
        gc.class_alloc[cls] += gc_class_sizes[cls];
    } else {
        o = gc_alloc_large(size, room);
        if (!o) { err_no_memory(); return NULL; }
    }
    o->type = type;
    if (type && type->finalize) o->gcflags = GCF_FINAL;
    return o;
}

Obj *gc_alloc(Type *type, size_t size) { return gc_alloc_in(type, size, size); }

/* ---- buffers: what objects own outside themselves --------------------------
 * gc_malloc hands out the data of a GcBuffer object on the GC heap.  While
 * its owner lives the buffer is OWNED and the sweep never frees it (the
 * owner's trace marks what is inside, precisely).  gc_free only disowns it:
 * it is freed by a later collection that finds no pointer to it.  So a
 * pointer into a dying list's item array that C code still holds on its
 * stack keeps the array - and, through its conservative trace, the items -
 * alive, as if the C code held the list itself. */

typedef struct GcBuffer {
    Obj    header;
    size_t size;              /* bytes of data */
    size_t pad;               /* keeps data 16-byte aligned */
    char   data[];
} GcBuffer;

/* Reached by marking only through a raw pointer (owners do not mark their
 * buffers): keep alive whatever the contents point to. */
static void gc_buffer_trace(Obj *o) {
    GcBuffer *b = (GcBuffer *)o;
    gc_scan_conservative(b->data, b->data + b->size);
}

Type type_gcbuffer = { .tp_name = "gc_buffer", .basicsize = sizeof(GcBuffer), .trace = gc_buffer_trace };

static GcBuffer *gc_buffer_of(void *p) { return (GcBuffer *)((char *)p - offsetof(GcBuffer, data)); }

/* A buffer of size bytes with room for room in its block. */
static void *gc_buffer_new(size_t size, size_t room) {
    if (size > ((size_t)1 << 46)) { err_no_memory(); return NULL; }
    GcBuffer *b = (GcBuffer *)gc_alloc_in(&type_gcbuffer, sizeof(GcBuffer) + (size ? size : 1), sizeof(GcBuffer) + room);
    if (!b) return NULL;
    b->header.gcflags |= GCF_OWNED;
    b->size = size;
    gc.malloc_bytes += size;
    return b->data;
}

void *gc_malloc(size_t size) { return gc_buffer_new(size, size); }

void *gc_calloc(size_t n, size_t size) {
    if (size && n > SIZE_MAX / size) { err_no_memory(); return NULL; }
    return gc_malloc(n * size);               /* gc_alloc memory is zeroed */
}

/* Bytes a buffer's slot (or large block) can hold: room to grow in place. */
static size_t gc_buffer_room(GcBuffer *b) {
    Page *pg = gc_map_get((uintptr_t)b);
    if (!pg) return b->size;
    size_t total = pg->slot_size ? pg->slot_size : pg->span;
    return total - offsetof(GcBuffer, data);
}

void *gc_realloc(void *p, size_t old_size, size_t new_size) {
    if (!p) return gc_malloc(new_size);
    GcBuffer *b = gc_buffer_of(p);
    if (new_size <= gc_buffer_room(b)) {               /* grow or shrink in place */
        if (new_size > b->size) memset(b->data + b->size, 0, new_size - b->size);
        Page *pg = gc_map_get((uintptr_t)b);
        if (pg && !pg->slot_size) pg->large_size = offsetof(GcBuffer, data) + new_size;
        gc.malloc_bytes += new_size - b->size;
        b->size = new_size;
        return p;
    }
    /* moved: a large block gets as much again to grow into, so a buffer
       growing by small steps is copied O(log n) times; the room is address
       space, and only the pages written to take memory */
    void *q = gc_buffer_new(new_size, new_size > GC_SMALL_MAX ? new_size * 2 : new_size);
    if (!q) return NULL;
    memcpy(q, p, old_size < new_size ? old_size : new_size);
    gc_free(p, old_size);
    return q;
}

/* A dead object's finalizer disowned a buffer during the sweep.  When the
 * buffer's slot is still to be swept, the sweep frees it; when it was swept
 * already and kept only because it was owned (GCF_KEPT_OWNED, set afresh by
 * this sweep; a stale flag is harmless: gc_free_orphans checks again), it is
 * listed and freed when the sweep ends.  Without this, every buffer that
 * sits on a page swept before its owner's outlives the owner by a
 * collection and counts as live: a loop making dicts kept a collection's
 * worth of garbage alive, the threshold (2 x live) doubled and the heap grew
 * without bound. */
static void gc_orphan(Obj *o) {
    GcBufferOrphans *v = &gc.orphans;
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 256;
        Obj **q = realloc(v->items, cap * sizeof(Obj *));
        if (!q) return;                          /* the next collection frees it */
        v->items = q;
        v->cap = cap;
    }
    v->items[v->n++] = o;
}

void gc_free(void *p, size_t size) {
    (void)size;
    if (!p) return;
    GcBuffer *b = gc_buffer_of(p);
    if (!(b->header.gcflags & GCF_OWNED)) return;
    b->header.gcflags &= ~(uint32_t)GCF_OWNED;
    gc.malloc_bytes -= b->size < gc.malloc_bytes ? b->size : gc.malloc_bytes;
    if (gc.sweeping && (b->header.gcflags & GCF_KEPT_OWNED)) gc_orphan(&b->header);
}

/* ---- roots ---------------------------------------------------------------- */

void *gc_sys_realloc(void *old, size_t n);

static void gc_grow(void **arr, size_t *cap, size_t elem) {
    size_t n = *cap ? *cap * 2 : 64;
    void *q = gc_sys_realloc(*arr, n * elem);
    if (!q) { fputs("gilpy: out of memory (gc tables)\n", stderr); abort(); }
    *arr = q;
    *cap = n;
}

/* Double the mark stack; -1 when there is no memory for it (the
 * collection then rescans the heap instead: running out of memory must
 * not stop a collection that would free some). */
static int gc_grow_mark_stack(void) {
    size_t n = gc.mark_cap ? gc.mark_cap * 2 : 1024;
    Obj **q = realloc(gc.mark_stack, n * sizeof(Obj *));
    if (!q) return -1;
    gc.mark_stack = q;
    gc.mark_cap = n;
    return 0;
}

void gc_add_root(Value *slot) {
    if (gc.nroots == gc.roots_cap) gc_grow((void **)&gc.roots, &gc.roots_cap, sizeof(Value *));
    gc.roots[gc.nroots++] = slot;
}

void gc_push_root(Value *slot) {
    if (gc.ntemp == gc.temp_cap) gc_grow((void **)&gc.temp_roots, &gc.temp_cap, sizeof(Value *));
    gc.temp_roots[gc.ntemp++] = slot;
}

void gc_pop_root(void) {
    if (gc.ntemp) gc.ntemp--;
}

size_t gc_temp_roots_depth(void) { return gc.ntemp; }
void gc_temp_roots_reset(size_t depth) { if (depth < gc.ntemp) gc.ntemp = depth; }

/* Pinned copies live on the C stack (small) or in malloc'd memory listed in
 * gc.pins (large); both are scanned as roots. */
const Value *gc_pin(GcPinned *pin, const Value *src, size_t n) {
    pin->n = n;
    pin->vals = n <= 16 ? pin->small : malloc(n * sizeof(Value));
    if (!pin->vals) { pin->vals = NULL; pin->n = 0; return NULL; }
    values_copy(pin->vals, src, n);
    if (pin->vals != pin->small) {
        if (gc.npins == gc.pins_cap) gc_grow((void **)&gc.pins, &gc.pins_cap, sizeof(GcPinned *));
        gc.pins[gc.npins++] = pin;
    }
    return pin->vals;
}

void gc_unpin(GcPinned *pin) {
    if (!pin->vals || pin->vals == pin->small) return;
    for (size_t i = gc.npins; i-- > 0;)
        if (gc.pins[i] == pin) { gc.pins[i] = gc.pins[--gc.npins]; break; }
    free(pin->vals);
}

/* ---- marking --------------------------------------------------------------- */

/* Does an object of type t reference nothing but its type? (No trace
 * function, no __dict__, no __slots__: a str, a big int.) */
static inline int gc_is_leaf(const Type *t) {
    return !t->trace && !t->dictoffset && !t->values_start;
}

static void (*gc_capture)(Obj *, void *);  /* gc_referents: report, do not mark */
static void *gc_capture_ctx;

void gc_mark_obj(Obj *o) {
    if (__builtin_expect(gc_capture != NULL, 0)) { if (o && o->type) gc_capture(o, gc_capture_ctx); return; }
    if (!o || (o->gcflags & GCF_MARK)) return;
    if (!o->type) return;                /* a static type not readied yet: nothing to trace */
    o->gcflags |= GCF_MARK;
    if (!(o->gcflags & GCF_STATIC) && gc_is_leaf(o->type)) {
        /* what gc_trace would do, without a trip through the mark stack */
        gc_mark_obj(&o->type->header);
        return;
    }
    if (o->gcflags & GCF_STATIC) {
        if (gc.nstatics == gc.statics_cap)
            gc_grow((void **)&gc.statics, &gc.statics_cap, sizeof(Obj *));
        gc.statics[gc.nstatics++] = o;
    }
    if (gc.mark_len == gc.mark_cap && gc_grow_mark_stack() < 0) {
        gc.mark_overflow = 1;                /* marked, children traced by gc_drain's rescan */
        return;
    }
    gc.mark_stack[gc.mark_len++] = o;
}

void gc_mark_value(Value v) {
    if (IS_OBJ(v)) gc_mark_obj(AS_OBJ(v));
}

void gc_mark_values(const Value *v, size_t n) {
    enum { AHEAD = 8 };                  /* prefetch distance: big lists miss on every item */
    for (size_t i = 0; i < n; i++) {
        if (i + AHEAD < n && IS_OBJ(v[i + AHEAD])) __builtin_prefetch(AS_OBJ(v[i + AHEAD]));
        if (IS_OBJ(v[i])) gc_mark_obj(AS_OBJ(v[i]));
    }
}

/* The object containing address a, or NULL (free slot, page header, not heap). */
static Obj *gc_find_object(uintptr_t a) {
    Page *p = gc_map_get(a);
    if (!p) return NULL;
    if (p->slot_size == 0) {
        if (a < (uintptr_t)p->slots || a >= (uintptr_t)p->slots + p->large_size) return NULL;
        Obj *o = (Obj *)p->slots;
        return o->type ? o : NULL;
    }
    if (a < (uintptr_t)p->slots) return NULL;
    size_t idx = (a - (uintptr_t)p->slots) / p->slot_size;
    if (idx >= p->used) return NULL;
    Obj *o = (Obj *)(p->slots + idx * p->slot_size);
    if (!o->type || ((FreeSlot *)o)->tag == GC_FREE_TAG) return NULL;
    return o;
}

int gc_is_heap_object(const void *p) {
    return gc_find_object((uintptr_t)p) == p;
}

/* Scan [lo, hi) word by word for anything that points into the heap. */
GC_NO_ASAN void gc_scan_conservative(const void *lo, const void *hi) {
    uintptr_t a = ((uintptr_t)lo + 7) & ~(uintptr_t)7;
    for (; a + 8 <= (uintptr_t)hi; a += 8) {
        uint64_t w = *(const uint64_t *)a;
        uintptr_t cand = IS_OBJ(w) ? (uintptr_t)(w & VAL_PAYLOAD) : (uintptr_t)w;
        if (cand < 4096) continue;
        Obj *o = gc_find_object(cand);
        if (o) gc_mark_obj(o);
    }
}

static void gc_trace(Obj *o) {
    Type *t = o->type;
    if (!t) return;                      /* a static type not readied yet */
    gc_mark_obj(&t->header);
    if (t->trace) t->trace(o);
    Value *d = obj_dict_ptr(MK_OBJ(o));
    if (d) gc_mark_value(*d);
    if (t->values_start)                 /* __slots__ members of heap types */
        gc_mark_values((Value *)((char *)o + t->values_start),
                       (t->basicsize - t->values_start) / sizeof(Value));
}

/* Trace again every marked object of the heap: what a mark stack that
 * could not grow left out gets marked (children already marked cost a
 * test).  Repeated until the stack holds everything. */
static void gc_rescan_marked(void) {
    for (Page *p = gc.pages; p; p = p->next_all) {
        size_t size = p->slot_size;
        for (uint32_t i = 0; i < p->used; i++) {
            Obj *o = (Obj *)(p->slots + (size_t)i * size);
            if (!o->type || ((FreeSlot *)o)->tag == GC_FREE_TAG || !(o->gcflags & GCF_MARK)) continue;
            gc_trace(o);
            while (gc.mark_len) gc_trace(gc.mark_stack[--gc.mark_len]);
        }
    }
}

static void gc_drain(void) {
    for (;;) {
        while (gc.mark_len) gc_trace(gc.mark_stack[--gc.mark_len]);
        if (!gc.mark_overflow) return;
        gc.mark_overflow = 0;
        gc_rescan_marked();
    }
}

/* Hooks other files provide for their roots. */
void str_mark_interned(void);

static void gc_mark_thread(ThreadState *t, int current, int c_stacks) {
    if (t->stack_base && t->stack_top > t->stack_base)
        gc_scan_conservative(t->stack_base, t->stack_top);
    gc_mark_value(t->exc);
    gc_mark_value(t->handled_exc);
    gc_mark_value(t->caller_exc);
    gc_mark_value(t->thread_obj);
    gc_mark_value(t->async_exc);
    gc_mark_value(t->asyncgen_firstiter);
    gc_mark_value(t->asyncgen_finalizer);
    gc_mark_value(t->context);
    gc_mark_value(t->asyncio_loop);
    gc_mark_value(t->sentinels);
    gc_mark_value(t->tracefunc);
    gc_mark_value(t->profilefunc);
    if (current || !c_stacks) return;   /* the current C stack is scanned by the caller */
    if (t->gil_released && t->c_scan_from && t->c_scan_from > t->c_stack_lo_saved &&
        t->c_scan_from < t->c_stack_hi) {
        gc_scan_conservative(t->c_scan_from, t->c_stack_hi);      /* as gc_collect_from */
    } else if (t->gil_released && t->c_stack_lo_saved && t->c_stack_hi) {
        gc_scan_conservative(t->c_stack_lo_saved, t->c_stack_hi);
        gc_scan_conservative(&t->saved_regs, (char *)&t->saved_regs + sizeof(jmp_buf));
    }
}

static void gc_mark_interp(void) {
    Value *vs[] = { &interp.modules, &interp.builtins, &interp.builtins_module,
                    &interp.sys_module, &interp.main_module, &interp.interned,
                    &interp.argv, &interp.path, &interp.warnoptions, &interp.xoptions };
    for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++) gc_mark_value(*vs[i]);
}

/* gc_collect_from's mark: scan the current C stack from there up, or NULL. */
static const char *gc_scan_from;

GC_NO_ASAN static void gc_mark_current_stack(void) {
    jmp_buf regs;
    memset(&regs, 0, sizeof regs);       /* setjmp fills only part of it */
    setjmp(regs);
    volatile char here = 0;
    ThreadState *t = ts_get();
    if (t && gc_scan_from && gc_scan_from > (const char *)&here && gc_scan_from < t->c_stack_hi) {
        gc_scan_conservative(gc_scan_from, t->c_stack_hi);
        return;
    }
    gc_scan_conservative(&regs, (char *)&regs + sizeof regs);
    if (t && t->c_stack_hi) gc_scan_conservative((const void *)&here, t->c_stack_hi);
}

/* Mark everything reachable; without c_stacks, from the precise roots and
 * the VM stacks only (gc_query_reachable). */
static void gc_mark_all(int c_stacks) {
    for (size_t i = 0; i < gc.nroots; i++) gc_mark_value(*gc.roots[i]);
    for (size_t i = 0; i < gc.ntemp; i++) gc_mark_value(*gc.temp_roots[i]);
    for (size_t i = 0; i < gc.npins; i++) gc_mark_values(gc.pins[i]->vals, gc.pins[i]->n);
    for (size_t i = 0; i < gc.nfrozen; i++) gc_mark_obj(gc.frozen[i]);
    fin_mark_pending();
    types_mark_static();
    str_mark_interned();
    gc_mark_interp();
    for (ThreadState *t = interp.threads; t; t = t->next) gc_mark_thread(t, t == ts_get(), c_stacks);
    if (c_stacks) gc_mark_current_stack();
    gc_drain();
}

/* ---- sweeping --------------------------------------------------------------- */

/* Unmap a large block (or an empty small page: span GC_PAGE_SIZE) and free it. */
static void gc_release_block(Page *p, size_t span) {
    for (size_t off = 0; off < span; off += GC_PAGE_SIZE) gc_map_set(p->slots + off, NULL);
    if (p->slot_size) {                      /* a small page: its header is in it */
        gc_page_unmap(p);
        return;
    }
    gc_unmap_or_free(p->slots, span);
    free(p);
}

static void gc_release(Obj *o) {
    if (o->type != &type_gcbuffer) gc.unreachable++;
    if ((o->gcflags & GCF_FINAL) && o->type && o->type->finalize) o->type->finalize(o);
}

/* A survivor of the sweep: unmarked, and flagged when only its ownership
 * kept it (gc_orphan). */
static inline void gc_keep(Obj *o) {
    uint32_t f = o->gcflags & ~(uint32_t)(GCF_MARK | GCF_KEPT_OWNED);
    if (!(o->gcflags & GCF_MARK)) f |= GCF_KEPT_OWNED;
    o->gcflags = f;
}

static size_t gc_sweep_small(Page *p, unsigned cls) {
    size_t live = 0;
    FreeSlot *first = gc.free[cls];          /* to undo this page's links */
    for (uint32_t i = 0; i < p->used; i++) {
        Obj *o = (Obj *)(p->slots + (size_t)i * p->slot_size);
        FreeSlot *f = (FreeSlot *)o;
        if (o->type && f->tag != GC_FREE_TAG) {
            if (o->gcflags & (GCF_MARK | GCF_OWNED)) {
                gc_keep(o);
                live += p->slot_size;
                continue;
            }
            gc_release(o);
            memset(o, 0, p->slot_size);
            f->tag = GC_FREE_TAG;
        }
        f->next = gc.free[cls];
        gc.free[cls] = f;
    }
    if (live > 0) return live;
    if (!gc.pressure && gc.class_keep[cls] >= GC_PAGE_SIZE) {
        gc.class_keep[cls] -= GC_PAGE_SIZE;   /* the class will fill it again */
        return 0;
    }
    gc.free[cls] = first;                    /* empty and not needed: back to the system */
    if (gc.fresh[cls] == p) gc.fresh[cls] = NULL;
    gc_unlink_page(p);
    if (gc.pressure) {
        gc_release_block(p, GC_PAGE_SIZE);
    } else {
        gc_map_set(p, NULL);
        gc_retire_page(p);
    }
    return 0;
}

static void gc_free_large(Page *p) {
    size_t span = p->span;
    gc_unlink_page(p);
    ((Obj *)p->slots)->type = NULL;          /* the conservative scan skips it */
    if (!gc.pressure && gc.large_cached + span <= gc_large_cache_limit()) {
        p->next_all = gc.large_free;
        gc.large_free = p;
        gc.large_cached += span;
        return;
    }
    gc_release_block(p, span);
}

/* Give cached large blocks back to the system until at most keep bytes
 * are cached (0: memory is short). */
static void gc_trim_large_cache(size_t keep) {
    while (gc.large_free && gc.large_cached > keep) {
        Page *p = gc.large_free;
        gc.large_free = p->next_all;
        gc.large_cached -= p->span;
        gc_release_block(p, p->span);
    }
}

static unsigned gc_class_index(uint32_t size) {
    return gc.class_of[(size + 15) / 16];
}

/* Free the buffers listed by gc_orphan that are still unowned survivors of
 * this sweep; their bytes, which the sweep counted as live. */
static size_t gc_free_orphans(void) {
    size_t freed = 0;
    for (size_t i = 0; i < gc.orphans.n; i++) {
        Obj *o = gc.orphans.items[i];
        Page *p = gc_map_get((uintptr_t)o);
        if (!p || o->type != &type_gcbuffer || ((FreeSlot *)o)->tag == GC_FREE_TAG) continue;
        if ((o->gcflags & (GCF_OWNED | GCF_KEPT_OWNED)) != GCF_KEPT_OWNED) continue;
        if (!p->slot_size) {
            freed += p->large_size;
            gc_free_large(p);
            continue;
        }
        unsigned cls = gc_class_index(p->slot_size);
        FreeSlot *f = (FreeSlot *)o;
        memset(o, 0, p->slot_size);
        f->tag = GC_FREE_TAG;
        f->next = gc.free[cls];
        gc.free[cls] = f;
        freed += p->slot_size;
    }
    gc.orphans.n = 0;
    return freed;
}

/* Empty pages.  A class keeps as many of its empty pages as it filled
 * since the last collection (it will likely fill them again before the
 * next); the others are retired: their memory goes back to the system and
 * their addresses serve new pages of any class.  So a program whose live
 * heap shrinks, or whose allocations move from one size to another (a
 * string growing through every size class), does not keep the peak. */
static size_t gc_sweep(void) {
    size_t live = 0;
    for (unsigned c = 0; c < GC_NCLASSES; c++) {
        gc.free[c] = NULL;
        gc.class_keep[c] = gc.class_alloc[c];
        gc.class_alloc[c] = 0;
    }
    for (Page *p = gc.pages, *next; p; p = next) {
        next = p->next_all;
        if (p->slot_size) { live += gc_sweep_small(p, gc_class_index(p->slot_size)); continue; }
        Obj *o = (Obj *)p->slots;
        if (o->gcflags & (GCF_MARK | GCF_OWNED)) { gc_keep(o); live += p->large_size; continue; }
        gc_release(o);
        gc_free_large(p);
    }
    live -= gc_free_orphans();
    for (size_t i = 0; i < gc.nstatics; i++) gc.statics[i]->gcflags &= ~(uint32_t)GCF_MARK;
    gc.nstatics = 0;
    return live;
}

/* Zero the dead C stack below the caller, where the collector's own frames
 * are about to go: words that returned calls left there (a list their
 * locals held) would be scanned with those frames as if live. */
__attribute__((noinline)) static void gc_clear_stack(void) {
    char pad[16384];
    explicit_bzero(pad, sizeof pad);
}

#define GC_MAX_HOOKS 8
static void (*gc_after_mark_hooks[GC_MAX_HOOKS])(void);
static int gc_nhooks;

void gc_add_after_mark_hook(void (*hook)(void)) {
    for (int i = 0; i < gc_nhooks; i++) if (gc_after_mark_hooks[i] == hook) return;
    if (gc_nhooks == GC_MAX_HOOKS) { fputs("gilpy: too many gc hooks\n", stderr); abort(); }
    gc_after_mark_hooks[gc_nhooks++] = hook;
}

size_t gc_usable_size(const Obj *o) {
    if (o->gcflags & GCF_STATIC) return 0;
    Page *p = gc_map_get((uintptr_t)o);
    if (!p) return 0;
    return p->slot_size ? p->slot_size : p->large_size;
}

int gc_is_marked(const Obj *o) { return (o->gcflags & (GCF_MARK | GCF_STATIC)) != 0; }

/* Clear every mark without sweeping (after gc_query_reachable). */
static void gc_unmark_all(void) {
    for (Page *p = gc.pages; p; p = p->next_all) {
        uint32_t n = p->used;
        size_t size = p->slot_size ? p->slot_size : 0;
        for (uint32_t i = 0; i < n; i++) {
            Obj *o = (Obj *)(p->slots + (size_t)i * size);
            if (o->type && ((FreeSlot *)o)->tag != GC_FREE_TAG) o->gcflags &= ~(uint32_t)GCF_MARK;
        }
    }
    for (size_t i = 0; i < gc.nstatics; i++) gc.statics[i]->gcflags &= ~(uint32_t)GCF_MARK;
    gc.nstatics = 0;
}

void gc_query_reachable(void (*visit)(void)) {
    if (gc.collecting) return;
    gc.collecting = 1;
    gc_mark_all(0);
    visit();
    gc_unmark_all();
    gc.collecting = 0;
}

/* The bytes to allocate before the next collection: growth_pct percent of
 * the live heap (GILPY_GC_GROWTH, default 100), twice that above
 * GC_BIG_HEAP live bytes (every collection marks the whole live heap: a
 * program keeping a million strings ran 20% slower at 1x), at least
 * threshold_min. */
#define GC_BIG_HEAP ((size_t)64 << 20)
static void gc_set_threshold(void) {
    size_t t = gc.live_bytes / 100 * gc.growth_pct;
    if (gc.live_bytes > GC_BIG_HEAP) t *= 2;       /* marking it all is what costs there */
    gc.threshold = t > gc.threshold_min ? t : gc.threshold_min;
}

/* GILPY_GC_TRACE=1: a line on stderr after every collection. */
static void gc_trace_line(void) {
    size_t npages = 0;
    for (Page *p = gc.pages; p; p = p->next_all) npages++;
    fprintf(stderr, "gilpy gc %zu: live %zu threshold %zu pages %zu buffers %zu large cache %zu\n",
            gc.collections, gc.live_bytes, gc.threshold, npages, gc.malloc_bytes, gc.large_cached);
}

void gc_collect(void) {
    if (gc.collecting || gc_capture) return;
    gc.collecting = 1;
    gc_clear_stack();
    gc_mark_all(1);
    size_t resurrected = weak_any_unreachable() ? fin_resurrect_acyclic() : 0;
    gc_drain();
    weak_clear_unreachable();                 /* weakref.c and finalize.c say why this order */
    resurrected += fin_resurrect_unreachable();
    gc_drain();
    weak_prune();
    for (int i = 0; i < gc_nhooks; i++) gc_after_mark_hooks[i]();
    gc.unreachable = resurrected;             /* gc_release counts the rest */
    gc.sweeping = 1;
    gc.live_bytes = gc_sweep();
    gc.sweeping = 0;
    gc.unreachable_total += gc.unreachable;               /* owned buffers are heap objects too */
    gc_set_threshold();
    gc.allocated_since = 0;
    gc_trim_large_cache(gc_large_cache_limit());
    gc.collections++;
    if (gc.trace) gc_trace_line();
    gc.collecting = 0;
    if (!gc.reserve && !gc.pressure) gc.reserve = malloc(GC_RESERVE);   /* spent: take it again */
}

/* A collection that scans the current thread's C stack from `top` up only: the
 * frames below, and the registers, which hold nothing of the frames above that
 * those did not save above `top`, are not roots (see gc.h). */
void gc_collect_from(const char *top) {
    gc_scan_from = top;
    gc_collect();
    gc_scan_from = NULL;
}

/* ---- running out of memory ----------------------------------------------------------- */

/* The system refused `want` bytes (the tries-th refusal of this request):
 * give back what can be given, in order.  1 when something was given back
 * (worth trying again), 0 when nothing is left.  First a collection, where
 * one may run (with the GIL, not inside one); then the reserve, only for a
 * request it could serve. */
int gc_reclaim(size_t want, int tries) {
    ThreadState *t = ts_get();
    if (tries == 0 && !gc.collecting && t && !t->gil_released) {
        gc.pressure = 1;
        gc_trim_large_cache(0);
        gc_drop_empty_pages();
        gc_collect();
        gc.pressure = 0;
        return 1;
    }
    if (gc.reserve && want <= GC_RESERVE) {
        free(gc.reserve);
        gc.reserve = NULL;
        return 1;
    }
    return 0;
}

void *gc_sys_malloc(size_t n) {
    void *p;
    for (int tries = 0; (p = malloc(n ? n : 1)) == NULL; tries++)
        if (!gc_reclaim(n, tries)) return NULL;
    return p;
}

void *gc_sys_calloc(size_t n, size_t size) {
    if (size && n > SIZE_MAX / size) return NULL;
    void *p = gc_sys_malloc(n * size);
    if (p) memset(p, 0, n * size);
    return p;
}

void *gc_sys_realloc(void *old, size_t n) {
    void *p;
    for (int tries = 0; (p = realloc(old, n ? n : 1)) == NULL; tries++)
        if (!gc_reclaim(n, tries)) return NULL;
    return p;
}

size_t gc_live_bytes(void) { return gc.live_bytes; }
size_t gc_collections(void) { return gc.collections; }
size_t gc_last_unreachable(void) { return gc.unreachable; }
size_t gc_total_unreachable(void) { return gc.unreachable_total; }
void gc_set_enabled(int on) { gc.enabled = on; }
int  gc_is_enabled(void) { return gc.enabled; }
size_t gc_allocated_since(void) { return gc.allocated_since; }

void gc_set_min_threshold(size_t bytes) {
    gc.threshold_min = bytes;
    gc_set_threshold();
}

/* ---- introspection (the gc module) -------------------------------------------------- */

/* An object the gc module shows: traced (a container, in CPython's terms),
 * not one of the collector's own buffers. */
int gc_is_container(const Obj *o) {
    return o->type && o->type != &type_gcbuffer && !gc_is_leaf(o->type);
}

size_t gc_objects(Obj **out, size_t cap) {
    size_t n = 0;
    for (Page *p = gc.pages; p; p = p->next_all) {
        uint32_t count = p->used;
        for (uint32_t i = 0; i < count; i++) {
            Obj *o = (Obj *)(p->slots + (size_t)i * p->slot_size);
            if (!o->type || ((FreeSlot *)o)->tag == GC_FREE_TAG || !gc_is_container(o)) continue;
            if (n < cap) out[n] = o;
            n++;
        }
    }
    return n;
}

void gc_referents(Obj *o, void (*visit)(Obj *, void *), void *ctx) {
    if (!gc.collecting) gc_referents_collecting(o, visit, ctx);
}

void gc_referents_collecting(Obj *o, void (*visit)(Obj *, void *), void *ctx) {
    if (!o->type) return;
    gc_capture = visit;
    gc_capture_ctx = ctx;
    Type *t = o->type;
    if (t->flags & TF_HEAPTYPE) gc_mark_obj(&t->header);
    if (t->trace) t->trace(o);
    Value *d = obj_dict_ptr(MK_OBJ(o));
    if (d) gc_mark_value(*d);
    if (t->values_start)
        gc_mark_values((Value *)((char *)o + t->values_start),
                       (t->basicsize - t->values_start) / sizeof(Value));
    gc_capture = NULL;
}

size_t gc_freeze(void) {
    size_t n = gc_objects(NULL, 0);
    Obj **fr = realloc(gc.frozen, (gc.nfrozen + n + 1) * sizeof(Obj *));
    if (!fr) return gc.nfrozen;
    gc.frozen = fr;
    gc.nfrozen += gc_objects(fr + gc.nfrozen, n);
    return gc.nfrozen;
}

void gc_unfreeze(void) { gc.nfrozen = 0; }
size_t gc_freeze_count(void) { return gc.nfrozen; }
