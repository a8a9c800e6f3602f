/* compress_shared.c - the pieces zlib, _bz2 and _lzma share.
 *
 * The three libraries work the same way: a stream struct with a next/avail
 * pair for input and one for output, advanced by one call (deflate, inflate,
 * BZ2_bzCompress, lzma_code) that runs with the GIL released, as CPython's
 * modules run it.  While the GIL is released no Python object may be touched
 * or allocated, so:
 *   - input is a Buffer held for the whole call (a bytearray cannot resize
 *     while exported) or memory the object owns;
 *   - output goes into a CsOut, a malloc'd buffer grown between library calls
 *     with the GIL held, and becomes one bytes object at the end;
 *   - the object itself is locked (CsLock), since another thread may run
 *     while the library works on it.
 * The compressors of _bz2 and _lzma share their methods' frame (cs_comp_*),
 * and their streaming decompressors (max_length, needs_input, unused_data,
 * input kept between calls) are one loop, cs_decomp_run, over a per-library
 * step function.
 */
#include "compress_shared.h"

#include <stdlib.h>
#include <string.h>
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/gil.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_memoryview.h"

/* ---- output ---------------------------------------------------------------------------- */

#define CS_FIRST_BLOCK (32 * 1024)

int cs_out_init(CsOut *o, size_t first, int64_t max) {
    if (first == 0) first = CS_FIRST_BLOCK;
    if (max >= 0 && (int64_t)first > max) first = (size_t)max;
    o->max = max;
    o->cap = first;
    o->buf = gc_sys_malloc(first ? first : 1);
    if (!o->buf) { err_no_memory(); return -1; }
    return 0;
}

int cs_out_grow(CsOut *o, size_t used, uint8_t **next, size_t *avail) {
    if (o->max >= 0 && (int64_t)used >= o->max) return 1;
    size_t add = o->cap < CS_FIRST_BLOCK ? CS_FIRST_BLOCK : o->cap;   /* doubling */
    if (add > (size_t)INT64_MAX - o->cap) { err_no_memory(); return -1; }
    size_t cap = o->cap + add;
    if (o->max >= 0 && (int64_t)cap > o->max) cap = (size_t)o->max;
    uint8_t *b = gc_sys_realloc(o->buf, cap);
    if (!b) { err_no_memory(); return -1; }
    o->buf = b;
    o->cap = cap;
    *next = b + used;
    *avail = cap - used;
    return 0;
}

Value cs_out_finish(CsOut *o, size_t used) {
    Value r = bytes_new(o->buf, used);
    cs_out_free(o);
    return r;
}

void cs_out_free(CsOut *o) {
    free(o->buf);
    o->buf = NULL;
}

/* ---- the object lock ------------------------------------------------------------------- */

void cs_lock_init(CsLock *l) {
    pthread_mutex_init(&l->m, NULL);
    l->ready = 1;
}

void cs_lock_destroy(CsLock *l) {
    if (l->ready) pthread_mutex_destroy(&l->m);
    l->ready = 0;
}

void cs_lock_enter(CsLock *l) {
    if (pthread_mutex_trylock(&l->m) == 0) return;
    GIL_BLOCKING_BEGIN(GIL_REASON_LOCK);
    pthread_mutex_lock(&l->m);
    GIL_BLOCKING_END();
}

void cs_lock_leave(CsLock *l) { pthread_mutex_unlock(&l->m); }

/* ---- the compressor -------------------------------------------------------------------- */

Value cs_comp_compress(CsComp *c, void *st, CsCompressFn fn, Value data) {
    Buffer in;
    if (buffer_get(data, &in, BUF_SIMPLE) < 0) return VAL_NULL;
    cs_lock_enter(&c->lock);
    Value r = c->flushed ? err_format(&exc_ValueError, "Compressor has been flushed")
                         : fn(st, in.buf, (size_t)in.len, 0);
    cs_lock_leave(&c->lock);
    buffer_release(&in);
    return r;
}

Value cs_comp_flush(CsComp *c, void *st, CsCompressFn fn) {
    cs_lock_enter(&c->lock);
    Value r;
    if (c->flushed) {
        r = err_format(&exc_ValueError, "Repeated call to flush()");
    } else {
        c->flushed = 1;
        r = fn(st, NULL, 0, 1);
    }
    cs_lock_leave(&c->lock);
    return r;
}

/* ---- the streaming decompressor -------------------------------------------------------- */

void cs_decomp_init(CsDecomp *d, const char *eof_msg) {
    cs_lock_init(&d->lock);
    d->eof_msg = eof_msg;
    d->eof = 0;
    d->needs_input = 1;
    d->unused_data = bytes_new("", 0);
}

void cs_decomp_trace(CsDecomp *d) { gc_mark_value(d->unused_data); }

void cs_decomp_finalize(CsDecomp *d) {
    free(d->pending);
    d->pending = NULL;
    cs_lock_destroy(&d->lock);
}

/* Append n bytes to the kept input (moved to the front first when that makes
 * room); -1 with MemoryError. */
static int cs_pending_add(CsDecomp *d, const uint8_t *p, size_t n) {
    if (n == 0) return 0;                   /* nothing to keep (pending may still be NULL) */
    if (d->pending_off + d->pending_len + n > d->pending_cap && d->pending_off) {
        memmove(d->pending, d->pending + d->pending_off, d->pending_len);
        d->pending_off = 0;
    }
    if (d->pending_len + n > d->pending_cap) {
        size_t cap = d->pending_len + n;
        uint8_t *b = gc_sys_realloc(d->pending, cap ? cap : 1);
        if (!b) { err_no_memory(); return -1; }
        d->pending = b;
        d->pending_cap = cap;
    }
    memcpy(d->pending + d->pending_off + d->pending_len, p, n);
    d->pending_len += n;
    return 0;
}

/* Decompress from in (in_len bytes) into a new bytes object of at most max bytes. */
static Value cs_decomp_loop(CsDecomp *d, void *st, CsStepFn step, const uint8_t **in, size_t *in_len,
                            int64_t max) {
    CsOut o;
    if (cs_out_init(&o, 0, max) < 0) return VAL_NULL;
    uint8_t *next = o.buf;
    size_t avail = o.cap;
    for (;;) {
        int r = step(st, in, in_len, &next, &avail);
        if (r < 0) { cs_out_free(&o); return VAL_NULL; }
        if (r == 1) { d->eof = 1; break; }
        if (avail == 0) {
            int g = cs_out_grow(&o, (size_t)(next - o.buf), &next, &avail);
            if (g < 0) { cs_out_free(&o); return VAL_NULL; }
            if (g == 1) break;
        } else if (*in_len == 0) {
            break;
        }
    }
    d->needs_input = !d->eof && *in_len == 0 && (avail != 0 || !d->full_means_more);
    return cs_out_finish(&o, (size_t)(next - o.buf));
}

/* After a run: what is left of the input becomes unused_data (at the end of
 * the stream) or the kept input. */
static int cs_decomp_keep(CsDecomp *d, const uint8_t *in, size_t in_len) {
    if (d->eof) {
        d->pending_off = d->pending_len = 0;
        if (in_len == 0) return 0;
        Value u = bytes_new(in, in_len);
        if (IS_NULL(u)) return -1;
        d->unused_data = u;
        return 0;
    }
    if (in_len && in >= d->pending && in < d->pending + d->pending_cap) {
        d->pending_off = (size_t)(in - d->pending);      /* the rest stays where it is */
        d->pending_len = in_len;
        return 0;
    }
    d->pending_off = d->pending_len = 0;
    return cs_pending_add(d, in, in_len);
}

Value cs_decomp_run(CsDecomp *d, void *st, CsStepFn step, Value data, Value max_length) {
    int64_t max = -1;
    Buffer view;
    if (buffer_get(data, &view, BUF_SIMPLE) < 0) return VAL_NULL;
    if (!IS_NULL(max_length) && arg_to_ssize(max_length, &max) < 0) {
        buffer_release(&view);
        return VAL_NULL;
    }
    cs_lock_enter(&d->lock);
    Value r = VAL_NULL;
    if (d->eof) {
        err_format(&exc_EOFError, "%s", d->eof_msg);
    } else {
        const uint8_t *in = view.buf;
        size_t in_len = (size_t)view.len;
        int ok = 0;
        if (d->pending_len) {
            ok = cs_pending_add(d, view.buf, (size_t)view.len);
            in = d->pending + d->pending_off;
            in_len = d->pending_len;
        }
        if (ok == 0) r = cs_decomp_loop(d, st, step, &in, &in_len, max);
        if (IS_NULL(r) || cs_decomp_keep(d, in, in_len) < 0) {
            d->pending_off = d->pending_len = 0;
            r = VAL_NULL;
        }
    }
    cs_lock_leave(&d->lock);
    buffer_release(&view);
    return r;
}
