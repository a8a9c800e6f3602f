/* obj_memoryview.c - memoryview, and the consumer side of the buffer protocol.
 *
 * The protocol (object.h): an exporter's getbuffer fills a Buffer describing
 * its memory; buffer_get/buffer_release are how C code borrows one.
 *
 * A memoryview is CPython's design in small.  memoryview(obj) takes one
 * Buffer from the exporter into a ManagedBuffer, shared by every view made
 * from it (slices, cast(), toreadonly(), memoryview(m)); each view has its
 * own shape, strides, format and item size over that memory.  The exporter
 * gets its Buffer back when the last view is released: by release() or the
 * with statement, or, for a view nobody released, when the collector finds
 * it dead.  That matters to exporters that count their exports (a bytearray
 * cannot resize while one is out): views over such exporters are kept in a
 * registry that the collector consults after marking (gc_add_after_mark_hook),
 * when dead views can still be read and their exporter is known to survive
 * or not.  A bytearray that finds exports when it must resize collects once
 * before refusing (obj_bytes.c), so a dropped view does not block it.
 *
 * Items are read and written in the native single-character struct formats
 * (c b B ? h H i I l L q Q n N f d P, optionally prefixed by '@'), the only
 * ones memoryview itself understands in CPython too.  Views are N-dimensional
 * (cast(format, shape)); as in CPython 3.11, indexing takes a full tuple of
 * indices, slicing and iteration work on one dimension, and sub-views of
 * N-dimensional views are not implemented.  Messages are CPython's.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gmp.h>

#include "obj_memoryview.h"
#include "obj_bytes.h"
#include "obj_float.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_misc.h"
#include "obj_str.h"
#include "call.h"
#include "error.h"
#include "gc.h"
#include "strbuf.h"

#define MV_MAX_NDIM 64          /* CPython's PyBUF_MAX_NDIM */

/* ---- the consumer API ---------------------------------------------------------- */

void buffer_fill(Buffer *view, Value obj, void *buf, int64_t len, int readonly) {
    memset(view, 0, sizeof *view);
    view->obj = obj;
    view->buf = buf;
    view->len = len;
    view->itemsize = 1;
    view->readonly = readonly;
    view->ndim = 1;
}

int buffer_check(Value obj) { return val_type(obj)->getbuffer != NULL; }

int buffer_get(Value obj, Buffer *view, int flags) {
    GetBufferFn get = val_type(obj)->getbuffer;
    if (!get) {
        err_format(&exc_TypeError, "a bytes-like object is required, not '%T'", obj);
        return -1;
    }
    return get(obj, view, flags);
}

void buffer_release(Buffer *view) {
    ReleaseBufferFn rel = IS_OBJ(view->obj) ? val_type(view->obj)->releasebuffer : NULL;
    if (rel) rel(view->obj, view);
    view->obj = VAL_NULL;
}

/* ---- objects ------------------------------------------------------------------ */

typedef struct ManagedBuffer {
    Obj     header;
    Buffer  master;             /* from the exporter */
    int64_t views;              /* views made from it and not released */
    int     released;           /* master given back */
} ManagedBuffer;

typedef struct MemoryView {
    Obj     header;
    Value   mbuf;               /* the ManagedBuffer */
    Buffer  view;               /* shape and strides point into dims */
    char    fmt[16];            /* view.format */
    int64_t exports;            /* Buffers taken from this view and not given back */
    int64_t hash;               /* -1 until computed */
    int     released;
    int     flags;              /* MV_C | MV_F: contiguity */
    int64_t reg;                /* index in the registry, -1 when not in it */
    int64_t dims[];             /* shape[ndim], then strides[ndim] */
} MemoryView;

enum { MV_C = 1, MV_F = 2 };

#define MV(v) ((MemoryView *)AS_OBJ(v))
#define MBUF(v) ((ManagedBuffer *)AS_OBJ(v))

static void mbuf_trace(Obj *o) { gc_mark_value(((ManagedBuffer *)o)->master.obj); }
static void mv_trace(Obj *o) { gc_mark_value(((MemoryView *)o)->mbuf); }

Type type_managedbuffer = {
    .tp_name = "managedbuffer", .base = &type_object, .basicsize = sizeof(ManagedBuffer),
    .trace = mbuf_trace,
};
GILPY_TYPE(type_managedbuffer, NULL);

Type type_memoryview, type_memory_iterator;

static Value mv_released_error(void) {
    return err_format(&exc_ValueError, "operation forbidden on released memoryview object");
}
#define CHECK_RELEASED(m) do { if ((m)->released) return mv_released_error(); } while (0)

/* ---- the registry of views whose release gives an export back ---------------- */

static MemoryView **mv_registry;
static int64_t mv_nregistry, mv_registry_cap;

static void mbuf_release(ManagedBuffer *b, int exporter_alive) {
    if (b->released) return;
    b->released = 1;
    if (exporter_alive) buffer_release(&b->master);
}

/* One view less on its ManagedBuffer; the last one gives the Buffer back. */
static void mv_drop_view(MemoryView *m, int exporter_alive) {
    ManagedBuffer *b = MBUF(m->mbuf);
    if (--b->views == 0) mbuf_release(b, exporter_alive);
}

static void mv_unregister(MemoryView *m) {
    if (m->reg < 0) return;
    MemoryView *last = mv_registry[--mv_nregistry];
    mv_registry[m->reg] = last;
    last->reg = m->reg;
    m->reg = -1;
}

/* After marking: a view about to be swept that was never released gives its
 * export back now, to an exporter that survives (one that dies with it needs
 * nothing).  Everything is still readable here. */
static void mv_after_mark(void) {
    for (int64_t i = 0; i < mv_nregistry;) {
        MemoryView *m = mv_registry[i];
        if (gc_is_marked(&m->header)) { i++; continue; }
        mv_unregister(m);                   /* moves the last entry to i */
        m->released = 1;
        mv_drop_view(m, gc_is_marked(AS_OBJ(MBUF(m->mbuf)->master.obj)));
    }
}

static void mv_release_unreachable(void) {
    for (int64_t i = 0; i < mv_nregistry;) {
        MemoryView *m = mv_registry[i];
        if (gc_is_marked(&m->header)) { i++; continue; }
        mv_unregister(m);
        m->released = 1;
        mv_drop_view(m, 1);                 /* nothing is freed: the exporter is there */
    }
}

void memoryview_release_dropped(void) {
    if (mv_nregistry) gc_query_reachable(mv_release_unreachable);
}

static int mv_register(MemoryView *m) {
    if (mv_nregistry == mv_registry_cap) {
        int64_t cap = mv_registry_cap ? mv_registry_cap * 2 : 16;
        MemoryView **r = realloc(mv_registry, (size_t)cap * sizeof *r);
        if (!r) { err_no_memory(); return -1; }
        if (!mv_registry) gc_add_after_mark_hook(mv_after_mark);
        mv_registry = r;
        mv_registry_cap = cap;
    }
    m->reg = mv_nregistry;
    mv_registry[mv_nregistry++] = m;
    return 0;
}

/* ---- formats ------------------------------------------------------------------ */

/* The item size of a native single-character format (CPython's
 * get_native_fmtchar, '@' allowed) and the character in *ch, or -1. */
static int64_t fmt_native(const char *fmt, char *ch) {
    if (!fmt) fmt = "B";
    if (fmt[0] == '@') fmt++;
    if (!fmt[0] || fmt[1]) return -1;
    *ch = fmt[0];
    switch (fmt[0]) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': case 'P': return 8;
    default: return -1;
    }
}

#define IS_BYTE_FORMAT(c) ((c) == 'b' || (c) == 'B' || (c) == 'c')

/* The format character of a view without its '@' (CPython's adjust_fmt). */
static int mv_fmt(MemoryView *m, char *ch) {
    if (fmt_native(m->view.format, ch) < 0) {
        err_format(&exc_NotImplementedError, "memoryview: unsupported format %s", m->view.format);
        return -1;
    }
    return 0;
}

static Value unpack_item(char ch, const uint8_t *p) {
    union { int8_t i8; uint8_t u8; int16_t i16; uint16_t u16; int32_t i32; uint32_t u32;
            int64_t i64; uint64_t u64; float f; double d; } u;
    char c;
    char fmt[2] = { ch, 0 };
    memcpy(&u, p, (size_t)fmt_native(fmt, &c));      /* the item's own size */
    switch (ch) {
    case 'B': return MK_SMALLINT(u.u8);
    case 'b': return MK_SMALLINT(u.i8);
    case 'c': return bytes_new(p, 1);
    case '?': return MK_BOOL(u.u8 != 0);
    case 'h': return MK_SMALLINT(u.i16);
    case 'H': return MK_SMALLINT(u.u16);
    case 'i': return MK_SMALLINT(u.i32);
    case 'I': return MK_SMALLINT(u.u32);
    case 'l': case 'q': case 'n': return int_from_i64(u.i64);
    case 'L': case 'Q': case 'N': case 'P': return int_from_u64(u.u64);
    case 'f': return MK_FLOAT_SAFE((double)u.f);
    default:  return MK_FLOAT_SAFE(u.d);
    }
}

/* An int as a C uint64_t: 0, or -1 when it is negative or too big. */
static int int_as_u64(Value i, uint64_t *out) {
    int64_t s;
    if (int_to_i64(i, &s) == 0) {
        if (s < 0) return -1;
        *out = (uint64_t)s;
        return 0;
    }
    err_clear();
    mpz_t z;
    mpz_init(z);
    int_to_mpz(i, z);
    int ok = mpz_sgn(z) >= 0 && mpz_sizeinbase(z, 2) <= 64;
    if (ok) {
        mpz_t lo;
        mpz_init(lo);
        mpz_tdiv_r_2exp(lo, z, 32);
        mpz_tdiv_q_2exp(z, z, 32);
        *out = (uint64_t)mpz_get_ui(z) << 32 | (uint64_t)mpz_get_ui(lo);
        mpz_clear(lo);
    }
    mpz_clear(z);
    return ok ? 0 : -1;
}

static Value pack_type_error(char ch) {
    return err_format(&exc_TypeError, "memoryview: invalid type for format '%c'", ch);
}
static Value pack_value_error(char ch) {
    return err_format(&exc_ValueError, "memoryview: invalid value for format '%c'", ch);
}

/* Store v as one item of format ch at p: 0, or -1 with CPython's errors. */
static int pack_item(char ch, uint8_t *p, Value v) {
    if (ch == 'c') {
        if (!IS_BYTES(v)) return pack_type_error(ch), -1;
        if (AS_BYTES(v)->len != 1) return pack_value_error(ch), -1;
        *p = AS_BYTES(v)->data[0];
        return 0;
    }
    if (ch == '?') {
        int t = obj_truthy(v);
        if (t < 0) return -1;
        *p = (uint8_t)t;
        return 0;
    }
    if (ch == 'f' || ch == 'd') {
        double d;
        if (IS_FLOATOBJ(v)) d = float_value(v);
        else if (arg_to_double(v, &d) < 0) {
            if (!err_matches(&exc_TypeError)) { err_clear(); return pack_value_error(ch), -1; }
            err_clear();
            return pack_type_error(ch), -1;
        }
        if (ch == 'd') { memcpy(p, &d, 8); return 0; }
        float f = (float)d;
        if (isinf(f) && !isinf(d)) return pack_value_error(ch), -1;      /* finite, too big for a float */
        memcpy(p, &f, 4);
        return 0;
    }
    Value i = obj_index(v);
    if (IS_NULL(i)) {
        if (!err_matches(&exc_TypeError)) return -1;
        err_clear();
        return pack_type_error(ch), -1;
    }
    int unsig = ch == 'B' || ch == 'H' || ch == 'I' || ch == 'L' || ch == 'Q' || ch == 'N' || ch == 'P';
    int64_t s = 0;
    uint64_t u = 0;
    if (unsig) {
        if (int_as_u64(i, &u) < 0) return pack_value_error(ch), -1;
    } else if (int_to_i64(i, &s) < 0) {
        err_clear();
        return pack_value_error(ch), -1;
    }
    switch (ch) {
    case 'B': if (u > 0xFF) return pack_value_error(ch), -1;
              *p = (uint8_t)u; return 0;
    case 'b': if (s < -128 || s > 127) return pack_value_error(ch), -1;
              *p = (uint8_t)(int8_t)s; return 0;
    case 'h': { if (s < INT16_MIN || s > INT16_MAX) return pack_value_error(ch), -1;
                int16_t x = (int16_t)s; memcpy(p, &x, 2); return 0; }
    case 'H': { if (u > UINT16_MAX) return pack_value_error(ch), -1;
                uint16_t x = (uint16_t)u; memcpy(p, &x, 2); return 0; }
    case 'i': { if (s < INT32_MIN || s > INT32_MAX) return pack_value_error(ch), -1;
                int32_t x = (int32_t)s; memcpy(p, &x, 4); return 0; }
    case 'I': { if (u > UINT32_MAX) return pack_value_error(ch), -1;
                uint32_t x = (uint32_t)u; memcpy(p, &x, 4); return 0; }
    case 'l': case 'q': case 'n': memcpy(p, &s, 8); return 0;
    default: memcpy(p, &u, 8); return 0;
    }
}

/* ---- views ------------------------------------------------------------------ */

/* CPython's contiguity tests over shape and strides. */
static int mv_contiguous(const Buffer *v, int fortran) {
    if (v->len == 0) return 1;
    int64_t sd = v->itemsize;
    for (int k = 0; k < v->ndim; k++) {
        int i = fortran ? k : v->ndim - 1 - k;
        if (v->shape[i] > 1 && v->strides[i] != sd) return 0;
        sd *= v->shape[i];
    }
    return 1;
}

static void mv_init_flags(MemoryView *m) {
    m->flags = (mv_contiguous(&m->view, 0) ? MV_C : 0) | (mv_contiguous(&m->view, 1) ? MV_F : 0);
}

static void mv_init_len(Buffer *v) {
    int64_t n = v->itemsize;
    for (int i = 0; i < v->ndim; i++) n *= v->shape[i];
    v->len = n;
}

/* A new view on mbuf with room for ndim dimensions, its fields copied from
 * src (dims too when it has as many); registered when its release matters. */
static MemoryView *mv_alloc(Value mbuf, const Buffer *src, const char *fmt, int ndim) {
    MemoryView *m = (MemoryView *)gc_alloc(&type_memoryview,
                                           sizeof(MemoryView) + 2 * (size_t)ndim * sizeof(int64_t));
    if (!m) return NULL;
    m->mbuf = mbuf;
    m->view = *src;
    m->view.ndim = ndim;
    m->view.shape = m->dims;
    m->view.strides = m->dims + ndim;
    snprintf(m->fmt, sizeof m->fmt, "%s", fmt ? fmt : "B");
    m->view.format = m->fmt;
    m->hash = -1;
    m->reg = -1;
    if (src->ndim == ndim && ndim > 0) {
        memcpy(m->view.shape, src->shape, (size_t)ndim * sizeof(int64_t));
        memcpy(m->view.strides, src->strides, (size_t)ndim * sizeof(int64_t));
    }
    ManagedBuffer *b = MBUF(mbuf);
    b->views++;
    ReleaseBufferFn rel = val_type(b->master.obj)->releasebuffer;
    if (rel && mv_register(m) < 0) { b->views--; return NULL; }
    return m;
}

/* memoryview(obj) for an object that is not a memoryview. */
static Value mv_from_exporter(Value obj) {
    ManagedBuffer *b = (ManagedBuffer *)gc_alloc(&type_managedbuffer, sizeof(ManagedBuffer));
    if (!b) return VAL_NULL;
    Buffer master;
    if (buffer_get(obj, &master, BUF_SIMPLE) < 0) {
        if (err_matches(&exc_TypeError) && !val_type(obj)->getbuffer) {
            err_clear();
            err_format(&exc_TypeError, "memoryview: a bytes-like object is required, not '%T'", obj);
        }
        return VAL_NULL;
    }
    b->master = master;
    const char *fmt = master.format ? master.format : "B";
    if (strlen(fmt) >= sizeof ((MemoryView *)0)->fmt) {
        buffer_release(&b->master);
        b->released = 1;
        return err_format(&exc_NotImplementedError, "memoryview: unsupported format %s", fmt);
    }
    int ndim = master.shape ? master.ndim : 1;
    Buffer src = master;
    int64_t shape = master.len / (master.itemsize ? master.itemsize : 1), stride = master.itemsize;
    if (!master.shape) { src.ndim = 1; src.shape = &shape; src.strides = &stride; }
    MemoryView *m = mv_alloc(MK_OBJ(b), &src, fmt, ndim);
    if (!m) {
        buffer_release(&b->master);
        b->released = 1;
        return VAL_NULL;
    }
    mv_init_flags(m);
    return MK_OBJ(m);
}

/* Another view of what m views (memoryview(m), slices, cast, toreadonly). */
static MemoryView *mv_copy(MemoryView *m, int ndim) {
    return mv_alloc(m->mbuf, &m->view, m->fmt, ndim);
}

static void mv_release_now(MemoryView *m) {
    m->released = 1;
    mv_unregister(m);
    mv_drop_view(m, 1);
}

/* ---- element access ------------------------------------------------------------- */

static uint8_t *mv_ptr(MemoryView *m, uint8_t *p, int dim, int64_t index) {
    int64_t n = m->view.shape[dim];
    if (index < 0) index += n;
    if (index < 0 || index >= n) {
        err_format(&exc_IndexError, "index out of bounds on dimension %d", dim + 1);
        return NULL;
    }
    return p + index * m->view.strides[dim];
}

static int is_index(Value k) {
    return IS_INT(k) || !IS_NULL(val_type(k)->slots[SM_INDEX]);
}

/* A tuple of indices only / slices only (CPython's is_multiindex, is_multislice). */
static int tuple_all(Value t, int slices) {
    if (!IS_TUPLE(t)) return 0;
    for (int64_t i = 0; i < AS_TUPLE(t)->len; i++) {
        Value k = AS_TUPLE(t)->items[i];
        if (slices ? !IS_EXACT(k, type_slice) : !is_index(k)) return 0;
    }
    return 1;
}

static uint8_t *mv_ptr_tuple(MemoryView *m, Value key) {
    int64_t n = AS_TUPLE(key)->len;
    if (n > m->view.ndim) {
        err_format(&exc_TypeError, "cannot index %d-dimension view with %lld-element tuple",
                   m->view.ndim, (long long)n);
        return NULL;
    }
    int64_t idx[MV_MAX_NDIM];
    for (int64_t d = 0; d < n; d++)         /* __index__ may run Python code ... */
        if (obj_index_i64(AS_TUPLE(key)->items[d], &idx[d]) < 0) return NULL;
    if (m->released) { mv_released_error(); return NULL; }     /* ... that released m */
    uint8_t *p = m->view.buf;
    for (int64_t d = 0; d < n; d++)
        if (!(p = mv_ptr(m, p, (int)d, idx[d]))) return NULL;
    return p;
}

/* The first dimension of v sliced by `slice` (CPython's init_slice). */
static int mv_slice_dim0(Buffer *v, Value slice) {
    int64_t start, stop, step;
    int64_t n = slice_indices(slice, v->shape[0], &start, &stop, &step);
    if (n < 0) return -1;
    v->buf += start * v->strides[0];
    v->shape[0] = n;
    v->strides[0] *= step;
    mv_init_len(v);
    return 0;
}

static Value mv_getitem_m(Value *args, int nargs, Value kwnames) {
    MemoryView *m = MV(args[0]);
    Value key = args[1];
    char ch;
    CHECK_RELEASED(m);
    if (mv_fmt(m, &ch) < 0) return VAL_NULL;
    if (m->view.ndim == 0) {
        if (IS_TUPLE(key) && AS_TUPLE(key)->len == 0) return unpack_item(ch, m->view.buf);
        if (key == VAL_ELLIPSIS) return args[0];
        return err_format(&exc_TypeError, "invalid indexing of 0-dim memory");
    }
    if (is_index(key)) {
        int64_t i;
        if (obj_index_i64(key, &i) < 0) return VAL_NULL;
        CHECK_RELEASED(m);                  /* by a __index__ */
        if (m->view.ndim > 1)
            return err_format(&exc_NotImplementedError, "multi-dimensional sub-views are not implemented");
        uint8_t *p = mv_ptr(m, m->view.buf, 0, i);
        return p ? unpack_item(ch, p) : VAL_NULL;
    }
    if (IS_EXACT(key, type_slice)) {
        MemoryView *s = mv_copy(m, m->view.ndim);
        if (!s) return VAL_NULL;
        if (mv_slice_dim0(&s->view, key) < 0) return mv_release_now(s), VAL_NULL;
        mv_init_flags(s);
        return MK_OBJ(s);
    }
    if (tuple_all(key, 0)) {
        if (AS_TUPLE(key)->len < m->view.ndim)
            return err_format(&exc_NotImplementedError, "sub-views are not implemented");
        uint8_t *p = mv_ptr_tuple(m, key);
        return p ? unpack_item(ch, p) : VAL_NULL;
    }
    if (tuple_all(key, 1))
        return err_format(&exc_NotImplementedError, "multi-dimensional slicing is not implemented");
    return err_format(&exc_TypeError, "memoryview: invalid slice key");
}

/* Copy the items of src into dest, both of the same shape, through a
 * scratch copy when they may overlap (CPython's copy_single). */
static void mv_copy_items(const Buffer *dest, const Buffer *src) {
    int64_t n = dest->shape[0], isz = dest->itemsize;
    uint8_t *tmp = malloc((size_t)(n * isz) + 1);
    const uint8_t *sp = src->buf;
    for (int64_t i = 0; i < n; i++) {
        const uint8_t *from = src->strides ? sp + i * src->strides[0] : sp + i * isz;
        if (tmp) memcpy(tmp + i * isz, from, (size_t)isz);
        else memmove(dest->buf + i * dest->strides[0], from, (size_t)isz);
    }
    if (!tmp) return;
    for (int64_t i = 0; i < n; i++) memcpy(dest->buf + i * dest->strides[0], tmp + i * isz, (size_t)isz);
    free(tmp);
}

/* m[slice] = value for a one-dimensional m. */
static int mv_assign_slice(MemoryView *m, Value key, Value value) {
    Buffer src;
    /* A memoryview source is read with its format, shape and strides (CPython asks
     * for PyBUF_FULL_RO), which the plain export of bytes would lose. */
    int borrowed = IS_MEMORYVIEW(value);
    if (borrowed) {
        if (MV(value)->released) { mv_released_error(); return -1; }
        src = MV(value)->view;
    } else if (buffer_get(value, &src, BUF_SIMPLE) < 0) {
        return -1;
    }
    int64_t shape = m->view.shape[0], stride = m->view.strides[0];
    Buffer dest = m->view;
    dest.shape = &shape;
    dest.strides = &stride;
    int rc = mv_slice_dim0(&dest, key);
    if (rc == 0 && m->released) {           /* a __index__ of the slice released m */
        mv_released_error();
        rc = -1;
    }
    int64_t ssize = src.shape ? src.shape[0] : src.len / (src.itemsize ? src.itemsize : 1);
    const char *df = dest.format[0] == '@' ? dest.format + 1 : dest.format;
    const char *sf = src.format ? (src.format[0] == '@' ? src.format + 1 : src.format) : "B";
    if (rc == 0 && (strcmp(df, sf) != 0 || dest.itemsize != src.itemsize || (src.shape && src.ndim != 1) ||
                    ssize != shape)) {
        err_format(&exc_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
        rc = -1;
    }
    if (rc == 0) mv_copy_items(&dest, &src);
    if (!borrowed) buffer_release(&src);
    return rc;
}

static Value mv_setitem(Value self, Value key, Value value) {
    MemoryView *m = MV(self);
    char ch;
    CHECK_RELEASED(m);
    if (mv_fmt(m, &ch) < 0) return VAL_NULL;
    if (m->view.readonly) return err_format(&exc_TypeError, "cannot modify read-only memory");
    if (IS_NULL(value)) return err_format(&exc_TypeError, "cannot delete memory");
    uint8_t *p;
    if (m->view.ndim == 0) {
        if (key != VAL_ELLIPSIS && !(IS_TUPLE(key) && AS_TUPLE(key)->len == 0))
            return err_format(&exc_TypeError, "invalid indexing of 0-dim memory");
        p = m->view.buf;
    } else if (is_index(key)) {
        if (m->view.ndim > 1) return err_format(&exc_NotImplementedError, "sub-views are not implemented");
        int64_t i;
        if (obj_index_i64(key, &i) < 0) return VAL_NULL;
        CHECK_RELEASED(m);
        if (!(p = mv_ptr(m, m->view.buf, 0, i))) return VAL_NULL;
    } else if (IS_EXACT(key, type_slice) && m->view.ndim == 1) {
        return mv_assign_slice(m, key, value) < 0 ? VAL_NULL : VAL_NONE;
    } else if (tuple_all(key, 0)) {
        if (AS_TUPLE(key)->len < m->view.ndim)
            return err_format(&exc_NotImplementedError, "sub-views are not implemented");
        if (!(p = mv_ptr_tuple(m, key))) return VAL_NULL;
    } else if (IS_EXACT(key, type_slice) || tuple_all(key, 1)) {
        return err_format(&exc_NotImplementedError,
                          "memoryview slice assignments are currently restricted to ndim = 1");
    } else {
        return err_format(&exc_TypeError, "memoryview: invalid slice key");
    }
    /* the value's conversion (__index__, __float__, __bool__) may release m:
       convert first, store after checking */
    uint8_t item[8];
    if (pack_item(ch, item, value) < 0) return VAL_NULL;
    CHECK_RELEASED(m);
    memcpy(p, item, (size_t)m->view.itemsize);
    return VAL_NONE;
}

static Value mv_setitem_m(Value *args, int nargs, Value kwnames) { return mv_setitem(args[0], args[1], args[2]); }
static Value mv_delitem_m(Value *args, int nargs, Value kwnames) { return mv_setitem(args[0], args[1], VAL_NULL); }

static Value mv_len_m(Value *args, int nargs, Value kwnames) {
    MemoryView *m = MV(args[0]);
    CHECK_RELEASED(m);
    return int_from_i64(m->view.ndim == 0 ? 1 : m->view.shape[0]);
}

/* ---- whole-view conversions ------------------------------------------------------ */

/* Append the items of dimension dim and beyond at p to sb, in C (fortran 0)
 * or Fortran order. */
static int mv_gather(MemoryView *m, const uint8_t *p, int dim, StrBuf *sb) {
    if (dim == m->view.ndim) return sb_put(sb, (const char *)p, (size_t)m->view.itemsize);
    for (int64_t i = 0; i < m->view.shape[dim]; i++)
        if (mv_gather(m, p + i * m->view.strides[dim], dim + 1, sb) < 0) return -1;
    return 0;
}

/* Fortran order: the first index varies fastest. */
static int mv_gather_f(MemoryView *m, StrBuf *sb) {
    int nd = m->view.ndim;
    int64_t idx[MV_MAX_NDIM] = {0}, total = 1;
    for (int d = 0; d < nd; d++) total *= m->view.shape[d];
    for (int64_t n = 0; n < total; n++) {
        const uint8_t *p = m->view.buf;
        for (int d = 0; d < nd; d++) p += idx[d] * m->view.strides[d];
        if (sb_put(sb, (const char *)p, (size_t)m->view.itemsize) < 0) return -1;
        for (int d = 0; d < nd && ++idx[d] == m->view.shape[d]; d++) idx[d] = 0;
    }
    return 0;
}

static Value mv_bytes_in_order(MemoryView *m, char order) {
    if ((m->flags & MV_C) && (order != 'F' || m->view.ndim <= 1))
        return bytes_new(m->view.buf, (size_t)m->view.len);
    StrBuf sb;
    sb_init(&sb);
    int rc = order == 'F' ? mv_gather_f(m, &sb) : mv_gather(m, m->view.buf, 0, &sb);
    if (rc < 0) { sb_free(&sb); return VAL_NULL; }
    Value r = bytes_new(sb.data, sb.len);
    sb_free(&sb);
    return r;
}

Value memoryview_tobytes(Value mv) {
    MemoryView *m = MV(mv);
    CHECK_RELEASED(m);
    return mv_bytes_in_order(m, 'C');
}

int memoryview_is_simple(Value mv) { return !MV(mv)->released && (MV(mv)->flags & MV_C); }

int memoryview_contiguous(Value mv, const uint8_t **data, int64_t *len) {
    MemoryView *m = MV(mv);
    if (m->released) { mv_released_error(); return -1; }
    if (!(m->flags & MV_C)) {
        err_format(&exc_BufferError, "memoryview: underlying buffer is not C-contiguous");
        return -1;
    }
    *data = m->view.buf;
    *len = m->view.len;
    return 0;
}

/* tobytes(order='C'): ARGS_KW "($self, /, order='C')" */
static Value mv_tobytes_m(Value *args, int nargs, Value kwnames) {
    MemoryView *m = MV(args[0]);
    CHECK_RELEASED(m);
    char order = 'C';
    Value o = args[1];
    if (!IS_NULL(o) && !IS_NONE(o)) {
        if (!IS_STR(o))
            return err_format(&exc_TypeError, "tobytes() argument 'order' must be str or None, not %T", o);
        if (str_eq_c(o, "F")) order = 'F';
        else if (str_eq_c(o, "A")) order = 'A';
        else if (!str_eq_c(o, "C")) return err_format(&exc_ValueError, "order must be 'C', 'F' or 'A'");
    }
    return mv_bytes_in_order(m, order);
}

static Value mv_tolist_dim(MemoryView *m, char ch, const uint8_t *p, int dim) {
    if (dim == m->view.ndim) return unpack_item(ch, p);
    Value l = list_new(m->view.shape[dim]);
    if (IS_NULL(l)) return VAL_NULL;
    for (int64_t i = 0; i < m->view.shape[dim]; i++) {
        Value x = mv_tolist_dim(m, ch, p + i * m->view.strides[dim], dim + 1);
        if (IS_NULL(x) || list_append(l, x) < 0) return VAL_NULL;
    }
    return l;
}

static Value mv_tolist_m(Value *args, int nargs, Value kwnames) {
    MemoryView *m = MV(args[0]);
    char ch;
    CHECK_RELEASED(m);
    if (mv_fmt(m, &ch) < 0) return VAL_NULL;
    return mv_tolist_dim(m, ch, m->view.buf, 0);
}

/* hex(sep=<unrepresentable>, bytes_per_sep=1): bytes.hex of tobytes(), with
 * the arguments passed on as given (ARGS_ANY). */
static Value mv_hex_m(Value *args, int nargs, Value kwnames) {
    MemoryView *m = MV(args[0]);
    CHECK_RELEASED(m);
    Value b = mv_bytes_in_order(m, 'C');
    if (IS_NULL(b)) return VAL_NULL;
    Value hex = obj_getattr_c(b, "hex");
    if (IS_NULL(hex)) return VAL_NULL;
    return call_value(hex, args + 1, nargs - 1, kwnames);
}

/* cast(format, shape=<unrepresentable>): ARGS_KW "($self, /, format, shape=<unrepresentable>)" */
static Value mv_cast_m(Value *args, int nargs, Value kwnames) {
    MemoryView *m = MV(args[0]);
    Value format = args[1], shape = args[2];
    if (!IS_STR(format)) return err_format(&exc_TypeError, "cast() argument 'format' must be str, not %N", format);
    CHECK_RELEASED(m);
    if (!(m->flags & MV_C)) return err_format(&exc_TypeError, "memoryview: casts are restricted to C-contiguous views");
    int zero = 0;
    for (int d = 0; d < m->view.ndim; d++) zero |= m->view.shape[d] == 0 || m->view.strides[d] == 0;
    if ((!IS_NULL(shape) || m->view.ndim != 1) && zero)
        return err_format(&exc_TypeError, "memoryview: cannot cast view with zeros in shape or strides");
    int64_t ndim = 1;
    if (!IS_NULL(shape)) {
        if (!IS_LIST(shape) && !IS_TUPLE(shape)) return err_format(&exc_TypeError, "shape must be a list or a tuple");
        ndim = IS_LIST(shape) ? AS_LIST(shape)->len : AS_TUPLE(shape)->len;
        if (ndim > MV_MAX_NDIM)
            return err_format(&exc_ValueError, "memoryview: number of dimensions must not exceed %d", MV_MAX_NDIM);
        if (m->view.ndim != 1 && ndim != 1)
            return err_format(&exc_TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
    }
    /* to one dimension of the new format (CPython's cast_to_1D) */
    char dc, sc;
    int64_t isz = STR_LEN(format) < 16 ? fmt_native(STR_DATA(format), &dc) : -1;
    if (isz < 0)
        return err_format(&exc_ValueError, "memoryview: destination format must be a native single character "
                          "format prefixed with an optional '@'");
    if ((fmt_native(m->view.format, &sc) < 0 || !IS_BYTE_FORMAT(sc)) && !IS_BYTE_FORMAT(dc))
        return err_format(&exc_TypeError, "memoryview: cannot cast between two non-byte formats");
    if (m->view.len % isz) return err_format(&exc_TypeError, "memoryview: length is not a multiple of itemsize");
    MemoryView *c = mv_alloc(m->mbuf, &m->view, STR_DATA(format), (int)ndim);
    if (!c) return VAL_NULL;
    c->view.itemsize = isz;
    if (IS_NULL(shape)) {
        c->view.shape[0] = m->view.len / isz;
        c->view.strides[0] = isz;
    } else {
        /* and to the new shape (cast_to_ND) */
        const Value *items = IS_LIST(shape) ? AS_LIST(shape)->items : AS_TUPLE(shape)->items;
        int64_t len = isz;
        for (int64_t d = 0; d < ndim; d++) {
            Value x = items[d];
            int64_t n;
            if (!IS_INT(x)) {
                mv_release_now(c);
                return err_format(&exc_TypeError, "memoryview.cast(): elements of shape must be integers");
            }
            if (int_to_i64(x, &n) < 0 || n <= 0) {
                err_clear();
                mv_release_now(c);
                return err_format(&exc_ValueError, "memoryview.cast(): elements of shape must be integers > 0");
            }
            if (n > INT64_MAX / len) {
                mv_release_now(c);
                return err_format(&exc_ValueError, "memoryview.cast(): product(shape) > SSIZE_MAX");
            }
            len *= n;
            c->view.shape[d] = n;
        }
        for (int64_t d = ndim, sd = isz; d-- > 0; sd *= c->view.shape[d]) c->view.strides[d] = sd;
        if (len != m->view.len) {
            mv_release_now(c);
            return err_format(&exc_TypeError, "memoryview: product(shape) * itemsize != buffer size");
        }
    }
    mv_init_len(&c->view);
    mv_init_flags(c);
    return MK_OBJ(c);
}

static Value mv_toreadonly_m(Value *args, int nargs, Value kwnames) {
    MemoryView *m = MV(args[0]);
    CHECK_RELEASED(m);
    MemoryView *r = mv_copy(m, m->view.ndim);
    if (!r) return VAL_NULL;
    r->view.readonly = 1;
    r->flags = m->flags;
    return MK_OBJ(r);
}

/* ---- release and the with statement ------------------------------------------------ */

static Value mv_release_m(Value *args, int nargs, Value kwnames) {
    MemoryView *m = MV(args[0]);
    if (m->released) return VAL_NONE;
    if (m->exports > 0)
        return err_format(&exc_BufferError, "memoryview has %lld exported buffer%s", (long long)m->exports,
                          m->exports == 1 ? "" : "s");
    mv_release_now(m);
    return VAL_NONE;
}

static Value mv_enter_m(Value *args, int nargs, Value kwnames) {
    CHECK_RELEASED(MV(args[0]));
    return args[0];
}

static Value mv_exit_m(Value *args, int nargs, Value kwnames) {
    return mv_release_m(args, 1, VAL_NULL);
}

/* ---- comparison and hashing --------------------------------------------------------- */

/* An element-wise walk of two views of the same shape: 1 equal, 0 not, -1 error. */
static int mv_equal_dim(const Buffer *a, char ac, const Buffer *b, char bc, const uint8_t *p,
                        const uint8_t *q, int dim) {
    if (dim == a->ndim) {
        if (ac == bc && ac != 'f' && ac != 'd') return memcmp(p, q, (size_t)a->itemsize) == 0;
        Value x = unpack_item(ac, p), y = unpack_item(bc, q);
        if (IS_NULL(x) || IS_NULL(y)) return -1;
        Value r = obj_richcompare(x, y, CMP_EQ);
        return IS_NULL(r) ? -1 : obj_truthy(r);
    }
    for (int64_t i = 0; i < a->shape[dim]; i++) {
        int r = mv_equal_dim(a, ac, b, bc, p + i * a->strides[dim], q + i * b->strides[dim], dim + 1);
        if (r != 1) return r;
    }
    return 1;
}

static Value mv_compare(Value self, Value other, int want_eq) {
    MemoryView *m = MV(self);
    if (!buffer_check(other)) return VAL_NOTIMPLEMENTED;
    int eq;
    if (m->released || (IS_MEMORYVIEW(other) && MV(other)->released)) {
        eq = self == other;                     /* released views equal only themselves */
    } else {
        Buffer ob;
        Value held = IS_MEMORYVIEW(other) ? VAL_NULL : other;
        int64_t oshape, ostride;
        if (IS_MEMORYVIEW(other)) {
            ob = MV(other)->view;
        } else {
            if (buffer_get(other, &ob, BUF_SIMPLE) < 0) return VAL_NULL;
            if (!ob.shape) {
                oshape = ob.len / (ob.itemsize ? ob.itemsize : 1);
                ostride = ob.itemsize;
                ob.ndim = 1;
                ob.shape = &oshape;
                ob.strides = &ostride;
            }
        }
        char ac, bc;
        if (fmt_native(m->view.format, &ac) < 0 || fmt_native(ob.format, &bc) < 0) {
            if (!IS_NULL(held)) buffer_release(&ob);
            return VAL_NOTIMPLEMENTED;
        }
        eq = m->view.ndim == ob.ndim;
        for (int d = 0; eq && d < ob.ndim; d++) eq = m->view.shape[d] == ob.shape[d];
        if (eq) eq = mv_equal_dim(&m->view, ac, &ob, bc, m->view.buf, ob.buf, 0);
        if (!IS_NULL(held)) buffer_release(&ob);
        if (eq < 0) return VAL_NULL;
    }
    return MK_BOOL(want_eq ? eq : !eq);
}

static Value mv_eq_m(Value *args, int nargs, Value kwnames) { return mv_compare(args[0], args[1], 1); }
static Value mv_ne_m(Value *args, int nargs, Value kwnames) { return mv_compare(args[0], args[1], 0); }

static Value mv_hash_m(Value *args, int nargs, Value kwnames) {
    MemoryView *m = MV(args[0]);
    if (m->hash == -1) {
        char ch;
        CHECK_RELEASED(m);
        if (!m->view.readonly) return err_format(&exc_ValueError, "cannot hash writable memoryview object");
        if (mv_fmt(m, &ch) < 0) return VAL_NULL;
        if (!IS_BYTE_FORMAT(ch))
            return err_format(&exc_ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        if (obj_hash(MBUF(m->mbuf)->master.obj) == -1) return VAL_NULL;     /* its error, as CPython */
        Value b = mv_bytes_in_order(m, 'C');
        if (IS_NULL(b)) return VAL_NULL;
        m->hash = bytes_hash(b);
    }
    return int_from_i64(m->hash);
}

/* ---- the buffer protocol: a memoryview exports what it views ------------------------- */

static int mv_getbuffer(Value obj, Buffer *view, int flags) {
    MemoryView *m = MV(obj);
    if (m->released) { mv_released_error(); return -1; }
    if ((flags & BUF_WRITABLE) && m->view.readonly) {
        err_format(&exc_BufferError, "memoryview: underlying buffer is not writable");
        return -1;
    }
    if (!(m->flags & MV_C)) {
        err_format(&exc_BufferError, "memoryview: underlying buffer is not C-contiguous");
        return -1;
    }
    buffer_fill(view, obj, m->view.buf, m->view.len, m->view.readonly);
    m->exports++;
    return 0;
}

static void mv_releasebuffer(Value obj, Buffer *view) {
    (void)view;
    MV(obj)->exports--;
}

/* ---- construction, attributes, iteration -------------------------------------------- */

/* memoryview(object): ARGS_ANY for arg_parse's "memoryview() missing required
 * argument 'object' (pos 1)". */
static Value mv_new_m(Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"object"};
    Value a[1];
    if (arg_parse("memoryview", args + 1, nargs - 1, kwnames, names, 1, 0, 1, a) < 0) return VAL_NULL;
    if (IS_MEMORYVIEW(a[0])) {
        MemoryView *m = MV(a[0]);
        CHECK_RELEASED(m);
        MemoryView *c = mv_copy(m, m->view.ndim);
        if (!c) return VAL_NULL;
        c->flags = m->flags;
        return MK_OBJ(c);
    }
    return mv_from_exporter(a[0]);
}

static Value mv_repr_m(Value *args, int nargs, Value kwnames) {
    return str_format_c(MV(args[0])->released ? "<released memory at %p>" : "<memory at %p>",
                        (void *)AS_OBJ(args[0]));
}

static Value mv_int_tuple(const int64_t *v, int n) {
    Value t = tuple_new(n);
    if (IS_NULL(t)) return VAL_NULL;
    for (int i = 0; i < n; i++) AS_TUPLE(t)->items[i] = int_from_i64(v[i]);
    return t;
}

#define MV_GETTER(name, expr)                                                   \
    static Value mv_get_##name(Value self) {                                    \
        MemoryView *m = MV(self);                                               \
        CHECK_RELEASED(m);                                                      \
        return (expr);                                                          \
    }
MV_GETTER(obj, MBUF(m->mbuf)->master.obj)
MV_GETTER(nbytes, int_from_i64(m->view.len))
MV_GETTER(readonly, MK_BOOL(m->view.readonly))
MV_GETTER(itemsize, int_from_i64(m->view.itemsize))
MV_GETTER(format, str_from_c(m->view.format))
MV_GETTER(ndim, MK_SMALLINT(m->view.ndim))
MV_GETTER(shape, mv_int_tuple(m->view.shape, m->view.ndim))
MV_GETTER(strides, mv_int_tuple(m->view.strides, m->view.ndim))
MV_GETTER(suboffsets, tuple_empty())
MV_GETTER(c_contiguous, MK_BOOL(m->flags & MV_C))
MV_GETTER(f_contiguous, MK_BOOL(m->flags & MV_F))
MV_GETTER(contiguous, MK_BOOL(m->flags & (MV_C | MV_F)))

typedef struct MemIter {
    Obj     header;
    Value   mv;
    int64_t index;
} MemIter;

static void memiter_trace(Obj *o) { gc_mark_value(((MemIter *)o)->mv); }

static Value mv_iter_m(Value *args, int nargs, Value kwnames) {
    MemoryView *m = MV(args[0]);
    char ch;
    CHECK_RELEASED(m);
    if (m->view.ndim == 0) return err_format(&exc_TypeError, "invalid indexing of 0-dim memory");
    if (m->view.ndim != 1)
        return err_format(&exc_NotImplementedError, "multi-dimensional sub-views are not implemented");
    if (mv_fmt(m, &ch) < 0) return VAL_NULL;
    MemIter *it = (MemIter *)gc_alloc(&type_memory_iterator, sizeof(MemIter));
    if (!it) return VAL_NULL;
    it->mv = args[0];
    return MK_OBJ(it);
}

static Value memiter_next_m(Value *args, int nargs, Value kwnames) {
    MemIter *it = (MemIter *)AS_OBJ(args[0]);
    if (IS_NULL(it->mv)) return VAL_NULL;
    MemoryView *m = MV(it->mv);
    if (it->index >= m->view.shape[0]) { it->mv = VAL_NULL; return VAL_NULL; }
    CHECK_RELEASED(m);
    char ch;
    if (mv_fmt(m, &ch) < 0) return VAL_NULL;
    return unpack_item(ch, m->view.buf + it->index++ * m->view.strides[0]);
}

static Value memiter_iter_m(Value *args, int nargs, Value kwnames) { return args[0]; }

static const MethodDef memiter_methods[] = {
    {"__iter__", memiter_iter_m, ARGS_WRAP(0), NULL},
    {"__next__", memiter_next_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};
Type type_memory_iterator = {
    .tp_name = "memory_iterator", .base = &type_object, .basicsize = sizeof(MemIter),
    .trace = memiter_trace, .methods = memiter_methods,
};
GILPY_TYPE(type_memory_iterator, NULL);

/* memoryview refuses pickling with its own words (CPython's memory_reduce). */
static Value mv_reduce_m(Value *args, int nargs, Value kwnames) {
    return err_format(&exc_TypeError, "cannot pickle memoryview objects");
}

static const MethodDef mv_methods[] = {
    {"__new__", mv_new_m, METH_STATIC, NULL},
    {"__reduce__", mv_reduce_m, ARGS_NONE, NULL},
    {"__repr__", mv_repr_m, ARGS_WRAP(0), NULL},
    {"__len__", mv_len_m, ARGS_WRAP(0), NULL},
    {"__getitem__", mv_getitem_m, ARGS_WRAP(1), NULL},
    {"__setitem__", mv_setitem_m, ARGS_WRAPT(2, 2), NULL},
    {"__delitem__", mv_delitem_m, ARGS_WRAP(1), NULL},
    {"__iter__", mv_iter_m, ARGS_WRAP(0), NULL},
    {"__eq__", mv_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", mv_ne_m, ARGS_WRAP(1), NULL},
    {"__hash__", mv_hash_m, ARGS_WRAP(0), NULL},
    {"__enter__", mv_enter_m, ARGS_NONE, NULL},
    {"__exit__", mv_exit_m, ARGS_VAR, NULL},
    {"release", mv_release_m, ARGS_NONE, "Release the underlying buffer exposed by the memoryview object."},
    {"tobytes", mv_tobytes_m, ARGS_KW, "Return the data in the buffer as a byte string.",
     "($self, /, order='C')"},
    {"tolist", mv_tolist_m, ARGS_NONE, "Return the data in the buffer as a list of elements."},
    {"hex", mv_hex_m, ARGS_ANY, "Return the data in the buffer as a str of hexadecimal numbers."},
    {"cast", mv_cast_m, ARGS_KW, "Cast a memoryview to a new format or shape.",
     "($self, /, format, shape=<unrepresentable>)"},
    {"toreadonly", mv_toreadonly_m, ARGS_NONE, "Return a readonly version of the memoryview."},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef mv_getsets[] = {
    {"obj", mv_get_obj, NULL, "The underlying object of the memoryview."},
    {"nbytes", mv_get_nbytes, NULL, NULL},
    {"readonly", mv_get_readonly, NULL, "A bool indicating whether the memory is read only."},
    {"itemsize", mv_get_itemsize, NULL, "The size in bytes of each element of the memoryview."},
    {"format", mv_get_format, NULL, NULL},
    {"ndim", mv_get_ndim, NULL, NULL},
    {"shape", mv_get_shape, NULL, NULL},
    {"strides", mv_get_strides, NULL, NULL},
    {"suboffsets", mv_get_suboffsets, NULL, NULL},
    {"c_contiguous", mv_get_c_contiguous, NULL, "A bool indicating whether the memory is C contiguous."},
    {"f_contiguous", mv_get_f_contiguous, NULL, "A bool indicating whether the memory is Fortran contiguous."},
    {"contiguous", mv_get_contiguous, NULL, "A bool indicating whether the memory is contiguous."},
    {NULL, NULL, NULL, NULL},
};

Type type_memoryview = {
    .tp_name = "memoryview", .base = &type_object, .flags = TF_WEAKREFABLE, .basicsize = sizeof(MemoryView),
    .trace = mv_trace, .getbuffer = mv_getbuffer, .releasebuffer = mv_releasebuffer,
    .methods = mv_methods, .getsets = mv_getsets,
};
GILPY_TYPE(type_memoryview, "memoryview");
