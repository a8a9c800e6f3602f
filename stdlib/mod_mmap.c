/* mod_mmap.c - the `mmap` module: memory-mapped files and anonymous shared
 * memory as the mmap.mmap type, with CPython's constructor, methods, errors
 * and constants.
 *
 * An mmap object owns one mapping (data, size) and, for a file, a dup() of
 * the caller's descriptor (so resize() can ftruncate it and size() can fstat
 * it after the caller closed its own).  close() unmaps and sets data to
 * NULL; every other operation then fails with "mmap closed or invalid".
 * Where a Python callback (an __index__) runs between that check and the
 * memory access, the check is made again after it.
 *
 * The mapping is a bytes-like object: it exports its memory through the
 * buffer protocol (read-only for ACCESS_READ), so memoryview, bytes(), re,
 * struct.pack_into and file.readinto work on it in place.  While exports are
 * held it may neither be resized (mremap may move it) nor closed (BufferError),
 * as in CPython; views the program dropped without release() are given back
 * first (memoryview_release_dropped), as bytearray does.
 *
 * Indexing gives ints and slicing bytes, but iteration gives one-byte bytes
 * objects (CPython iterates through its sequence item slot), so `b'a' in m`
 * works as there.
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/fdlimit.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/gil.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/audit.h"
#include "runtime/strbuf.h"
#include "interp/modreg.h"

GILPY_MODULE("mmap", mod_mmap_init);

enum { ACCESS_DEFAULT, ACCESS_READ, ACCESS_WRITE, ACCESS_COPY };

typedef struct {
    Obj      header;
    uint8_t *data;          /* NULL once closed */
    int64_t  size;          /* bytes mapped */
    int64_t  pos;           /* the file position of read/write/seek; may pass size after resize */
    int64_t  offset;        /* where the mapping starts in the file */
    int64_t  exports;       /* Buffers handed out and not given back */
    int      fd;            /* our dup of the file's descriptor, -1 for anonymous memory */
    int      access;        /* ACCESS_* */
} MmapObj;

extern Type type_mmap;
#define MM(v) ((MmapObj *)AS_OBJ(v))

static void mm_finalize(Obj *o) {
    MmapObj *m = (MmapObj *)o;
    if (m->data) munmap(m->data, (size_t)m->size);
    if (m->fd >= 0) close(m->fd);
    m->data = NULL;
    m->fd = -1;
}

/* ---- checks ------------------------------------------------------------------------------- */

static MmapObj *mm_valid(Value self) {
    MmapObj *m = MM(self);
    if (m->data) return m;
    err_format(&exc_ValueError, "mmap closed or invalid");
    return NULL;
}

static int mm_writable(MmapObj *m) {
    if (m->access != ACCESS_READ) return 0;
    err_format(&exc_TypeError, "mmap can't modify a readonly memory map.");
    return -1;
}

/* No exports held (after giving back those of dropped views). */
static int mm_unexported(MmapObj *m) {
    if (m->exports > 0) memoryview_release_dropped();
    return m->exports == 0;
}

/* Optional arguments ("n" and "i" in a format): left as they are when absent. */
static int mm_opt_ssize(Value v, int64_t *out) { return IS_NULL(v) ? 0 : arg_to_ssize(v, out); }
static int mm_opt_cint(Value v, int *out) { return IS_NULL(v) ? 0 : arg_to_cint(v, out); }

/* ---- construction ------------------------------------------------------------------------- */

/* mmap(fileno, length, flags=MAP_SHARED, prot=PROT_WRITE|PROT_READ,
 *      access=ACCESS_DEFAULT, offset=0) */
static Value mm_new_m(Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"fileno", "length", "flags", "prot", "access", "offset"};
    Value a[6];
    if (arg_parse("mmap", args + 1, nargs - 1, kwnames, names, 6, 0, 2, a) < 0) return VAL_NULL;
    int fd, flags = MAP_SHARED, prot = PROT_WRITE | PROT_READ, access = ACCESS_DEFAULT;
    int64_t size, offset = 0;
    if (arg_to_cint(a[0], &fd) < 0 || arg_to_ssize(a[1], &size) < 0) return VAL_NULL;
    if (mm_opt_cint(a[2], &flags) < 0 || mm_opt_cint(a[3], &prot) < 0 || mm_opt_cint(a[4], &access) < 0
        || mm_opt_ssize(a[5], &offset) < 0)
        return VAL_NULL;
    if (size < 0) return err_format(&exc_OverflowError, "memory mapped length must be positive");
    if (offset < 0) return err_format(&exc_OverflowError, "memory mapped offset must be positive");
    if (access != ACCESS_DEFAULT && (flags != MAP_SHARED || prot != (PROT_WRITE | PROT_READ)))
        return err_format(&exc_ValueError, "mmap can't specify both access and flags, prot.");
    switch (access) {
    case ACCESS_READ: flags = MAP_SHARED; prot = PROT_READ; break;
    case ACCESS_WRITE: flags = MAP_SHARED; prot = PROT_READ | PROT_WRITE; break;
    case ACCESS_COPY: flags = MAP_PRIVATE; prot = PROT_READ | PROT_WRITE; break;
    case ACCESS_DEFAULT:
        if (!((prot & PROT_READ) && (prot & PROT_WRITE)))
            access = (prot & PROT_WRITE) ? ACCESS_WRITE : ACCESS_READ;
        break;
    default: return err_format(&exc_ValueError, "mmap invalid access parameter.");
    }
    if (audit_active() && audit("mmap.__new__", "inin", fd, size, access, offset) < 0) return VAL_NULL;
    if (fd != -1) {
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
            if (size == 0) {
                if (st.st_size == 0) return err_format(&exc_ValueError, "cannot mmap an empty file");
                if (offset >= st.st_size)
                    return err_format(&exc_ValueError, "mmap offset is greater than file size");
                size = st.st_size - offset;
            } else if (offset > st.st_size || st.st_size - offset < size) {
                return err_format(&exc_ValueError, "mmap length is greater than file size");
            }
        }
    }
    MmapObj *m = (MmapObj *)obj_new_instance(AS_TYPE(args[0]));
    if (!m) return VAL_NULL;
    m->fd = -1;
    m->access = access;
    m->offset = offset;
    if (fd == -1) flags |= MAP_ANONYMOUS;
    else {
        FDLIMIT_RETRY(m->fd, m->fd = fcntl(fd, F_DUPFD_CLOEXEC, 0));
        if (m->fd < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    }
    void *p = mmap(NULL, (size_t)size, prot, flags, m->fd, (off_t)offset);
    if (p == MAP_FAILED) return err_from_errno(&exc_OSError, VAL_NULL);   /* finalize closes the fd */
    m->data = p;
    m->size = size;
    return MK_OBJ(m);
}

/* ---- reading and writing at the position ------------------------------------------------- */

static int64_t mm_remaining(MmapObj *m) { return m->pos < m->size ? m->size - m->pos : 0; }

static Value mm_read_m(Value *args, int nargs, Value kwnames) {
    int64_t n = -1;
    if (!mm_valid(args[0]) || arg_to_optional_ssize(args[1], &n) < 0) return VAL_NULL;
    MmapObj *m = mm_valid(args[0]);
    if (!m) return VAL_NULL;
    int64_t left = mm_remaining(m);
    if (n < 0 || n > left) n = left;
    Value r = bytes_new(m->data + m->pos, (size_t)n);
    if (!IS_NULL(r)) m->pos += n;
    return r;
}

static Value mm_read_byte_m(Value *args, int nargs, Value kwnames) {
    MmapObj *m = mm_valid(args[0]);
    if (!m) return VAL_NULL;
    if (m->pos >= m->size) return err_format(&exc_ValueError, "read byte out of range");
    return MK_SMALLINT(m->data[m->pos++]);
}

static Value mm_readline_m(Value *args, int nargs, Value kwnames) {
    MmapObj *m = mm_valid(args[0]);
    if (!m) return VAL_NULL;
    int64_t left = mm_remaining(m);
    uint8_t *start = m->data + m->pos, *nl = left ? memchr(start, '\n', (size_t)left) : NULL;
    int64_t n = nl ? nl - start + 1 : left;
    Value r = bytes_new(start, (size_t)n);
    if (!IS_NULL(r)) m->pos += n;
    return r;
}

static Value mm_write_m(Value *args, int nargs, Value kwnames) {
    MmapObj *m = mm_valid(args[0]);
    Buffer view;
    if (!m || buffer_get(args[1], &view, BUF_SIMPLE) < 0) return VAL_NULL;
    Value r = VAL_NULL;
    if (mm_valid(args[0]) && mm_writable(m) == 0) {
        if (m->pos > m->size || m->size - m->pos < view.len) err_format(&exc_ValueError, "data out of range");
        else {
            memmove(m->data + m->pos, view.buf, (size_t)view.len);
            m->pos += view.len;
            r = int_from_i64(view.len);
        }
    }
    buffer_release(&view);
    return r;
}

/* PyArg_Parse's "b": an int in 0..255. */
static int mm_byte_arg(Value v, uint8_t *out) {
    int64_t x;
    if (IS_FLOATOBJ(v)) {
        err_format(&exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return -1;
    }
    Value i = obj_index(v);
    if (IS_NULL(i)) return -1;
    if (int_to_i64(i, &x) < 0) {
        err_clear();
        x = int_sign(i) < 0 ? -1 : 256;
    }
    if (x < 0 || x > 255) {
        err_format(&exc_OverflowError, "unsigned byte integer is %s", x < 0 ? "less than minimum"
                                                                          : "greater than maximum");
        return -1;
    }
    *out = (uint8_t)x;
    return 0;
}

static Value mm_write_byte_m(Value *args, int nargs, Value kwnames) {
    uint8_t b;
    if (!mm_valid(args[0]) || mm_byte_arg(args[1], &b) < 0) return VAL_NULL;
    MmapObj *m = mm_valid(args[0]);
    if (!m || mm_writable(m) < 0) return VAL_NULL;
    if (m->pos >= m->size) return err_format(&exc_ValueError, "write byte out of range");
    m->data[m->pos++] = b;
    return VAL_NONE;
}

/* seek(pos, whence=0) */
static Value mm_seek_m(Value *args, int nargs, Value kwnames) {
    int64_t dist, where;
    int how = 0;
    if (!mm_valid(args[0]) || arg_to_ssize(args[1], &dist) < 0) return VAL_NULL;
    if (mm_opt_cint(args[2], &how) < 0) return VAL_NULL;
    MmapObj *m = mm_valid(args[0]);
    if (!m) return VAL_NULL;
    int64_t base;
    switch (how) {
    case 0: base = 0; break;
    case 1: base = m->pos; break;
    case 2: base = m->size; break;
    default: return err_format(&exc_ValueError, "unknown seek type");
    }
    if (__builtin_add_overflow(base, dist, &where) || where > m->size || where < 0)
        return err_format(&exc_ValueError, "seek out of range");
    m->pos = where;
    return VAL_NONE;
}

static Value mm_tell_m(Value *args, int nargs, Value kwnames) {
    MmapObj *m = mm_valid(args[0]);
    return m ? int_from_i64(m->pos) : VAL_NULL;
}

/* The size of the file (not of the mapping), as CPython's fstat does; an
 * anonymous map has no file: EBADF, as there. */
static Value mm_size_m(Value *args, int nargs, Value kwnames) {
    MmapObj *m = mm_valid(args[0]);
    if (!m) return VAL_NULL;
    struct stat st;
    if (fstat(m->fd, &st) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return int_from_i64(st.st_size);
}

/* ---- find / rfind ------------------------------------------------------------------------- */

/* A slice bound as str.find takes it: negative counts from the end, then
 * clamped to [0, size]. */
static int64_t mm_bound(int64_t v, int64_t size) {
    if (v < 0) { v += size; if (v < 0) v = 0; }
    return v > size ? size : v;
}

static Value mm_find_common(Value *args, int reverse) {
    MmapObj *m = mm_valid(args[0]);
    Buffer view;
    if (!m || buffer_get(args[1], &view, BUF_SIMPLE) < 0) return VAL_NULL;
    int64_t start = m->pos, end = m->size;
    Value r = VAL_NULL;
    if (mm_opt_ssize(args[2], &start) < 0 || mm_opt_ssize(args[3], &end) < 0 || !(m = mm_valid(args[0])))
        goto out;
    start = mm_bound(start, m->size);
    end = mm_bound(end, m->size);
    int64_t found = -1, n = view.len;
    if (end - start >= n) {
        if (!reverse) {
            uint8_t *p = m->data + start;
            if (n) p = memmem(p, (size_t)(end - start), view.buf, (size_t)n);
            if (p) found = p - m->data;
        } else {
            for (int64_t i = end - n; i >= start; i--)
                if (memcmp(m->data + i, view.buf, (size_t)n) == 0) { found = i; break; }
        }
    }
    r = int_from_i64(found);
out:
    buffer_release(&view);
    return r;
}

static Value mm_find_m(Value *args, int nargs, Value kwnames) { return mm_find_common(args, 0); }
static Value mm_rfind_m(Value *args, int nargs, Value kwnames) { return mm_find_common(args, 1); }

/* ---- whole-map operations ----------------------------------------------------------------- */

/* flush(offset=0, size=len(self)) */
static Value mm_flush_m(Value *args, int nargs, Value kwnames) {
    int64_t off = 0, n;
    if (!mm_valid(args[0])) return VAL_NULL;
    n = MM(args[0])->size;
    if (mm_opt_ssize(args[1], &off) < 0 || mm_opt_ssize(args[2], &n) < 0) return VAL_NULL;
    MmapObj *m = mm_valid(args[0]);
    if (!m) return VAL_NULL;
    if (n < 0 || off < 0 || m->size - off < n) return err_format(&exc_ValueError, "flush values out of range");
    if (m->access == ACCESS_READ || m->access == ACCESS_COPY) return VAL_NONE;
    int r, err;
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    r = msync(m->data + off, (size_t)n, MS_SYNC);
    err = errno;
    GIL_BLOCKING_END();
    if (r < 0) { errno = err; return err_from_errno(&exc_OSError, VAL_NULL); }
    return VAL_NONE;
}

/* madvise(option, start=0, length=len(self) - start) */
static Value mm_madvise_m(Value *args, int nargs, Value kwnames) {
    int option;
    int64_t start = 0, len = -1;
    if (!mm_valid(args[0]) || arg_to_cint(args[1], &option) < 0) return VAL_NULL;
    if (mm_opt_ssize(args[2], &start) < 0 || mm_opt_ssize(args[3], &len) < 0) return VAL_NULL;
    MmapObj *m = mm_valid(args[0]);
    if (!m) return VAL_NULL;
    if (IS_NULL(args[3])) len = m->size - start;
    if (start < 0 || start >= m->size) return err_format(&exc_ValueError, "madvise start out of bounds");
    if (len < 0) return err_format(&exc_ValueError, "madvise length invalid");
    if (INT64_MAX - start < len) return err_format(&exc_OverflowError, "madvise length too large");
    if (start + len > m->size) len = m->size - start;
    if (madvise(m->data + start, (size_t)len, option) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return VAL_NONE;
}

/* move(dest, src, count) */
static Value mm_move_m(Value *args, int nargs, Value kwnames) {
    int64_t dest, src, cnt;
    if (!mm_valid(args[0])) return VAL_NULL;
    if (arg_to_ssize(args[1], &dest) < 0 || arg_to_ssize(args[2], &src) < 0 || arg_to_ssize(args[3], &cnt) < 0)
        return VAL_NULL;
    MmapObj *m = mm_valid(args[0]);
    if (!m || mm_writable(m) < 0) return VAL_NULL;
    if (dest < 0 || src < 0 || cnt < 0 || m->size - dest < cnt || m->size - src < cnt)
        return err_format(&exc_ValueError, "source, destination, or count out of range");
    memmove(m->data + dest, m->data + src, (size_t)cnt);
    return VAL_NONE;
}

/* resize(newsize): the file grows or shrinks with the map (mremap may move it). */
static Value mm_resize_m(Value *args, int nargs, Value kwnames) {
    int64_t n;
    if (!mm_valid(args[0]) || arg_to_ssize(args[1], &n) < 0) return VAL_NULL;
    MmapObj *m = mm_valid(args[0]);
    if (!m) return VAL_NULL;
    if (!mm_unexported(m))
        return err_format(&exc_BufferError, "mmap can't resize with extant buffers exported.");
    if (m->access != ACCESS_WRITE && m->access != ACCESS_DEFAULT)
        return err_format(&exc_TypeError, "mmap can't resize a readonly or copy-on-write memory map.");
    if (n < 0 || INT64_MAX - n < m->offset) return err_format(&exc_ValueError, "new size out of range");
    if (m->fd >= 0 && ftruncate(m->fd, (off_t)(m->offset + n)) < 0)
        return err_from_errno(&exc_OSError, VAL_NULL);
    void *p = mremap(m->data, (size_t)m->size, (size_t)n, MREMAP_MAYMOVE);
    if (p == MAP_FAILED) return err_from_errno(&exc_OSError, VAL_NULL);
    m->data = p;
    m->size = n;
    return VAL_NONE;
}

static Value mm_close_m(Value *args, int nargs, Value kwnames) {
    MmapObj *m = MM(args[0]);
    if (!mm_unexported(m)) return err_format(&exc_BufferError, "cannot close exported pointers exist");
    mm_finalize(&m->header);
    return VAL_NONE;
}

static Value mm_enter_m(Value *args, int nargs, Value kwnames) {
    return mm_valid(args[0]) ? args[0] : VAL_NULL;
}
static Value mm_exit_m(Value *args, int nargs, Value kwnames) { return mm_close_m(args, 1, VAL_NULL); }

static Value mm_get_closed(Value self) { return MK_BOOL(MM(self)->data == NULL); }

static Value mm_repr_m(Value *args, int nargs, Value kwnames) {
    MmapObj *m = MM(args[0]);
    const char *name = val_type_name(args[0]);
    if (!m->data) return str_format_c("<%s closed=True>", name);
    static const char *const access[] = {"ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY"};
    return str_format_c("<%s closed=False, access=%s, length=%lld, pos=%lld, offset=%lld>", name,
                        access[m->access], (long long)m->size, (long long)m->pos, (long long)m->offset);
}

/* ---- the sequence and mapping side -------------------------------------------------------- */

static Value mm_len_m(Value *args, int nargs, Value kwnames) {
    MmapObj *m = mm_valid(args[0]);
    return m ? int_from_i64(m->size) : VAL_NULL;
}

static Value mm_getitem_m(Value *args, int nargs, Value kwnames) {
    Value k = args[1];
    if (!mm_valid(args[0])) return VAL_NULL;
    if (IS_EXACT(k, type_slice)) {
        int64_t start, stop, step;
        if (slice_unpack_bounds(k, &start, &stop, &step) < 0) return VAL_NULL;
        MmapObj *m = mm_valid(args[0]);
        if (!m) return VAL_NULL;
        int64_t cnt = slice_adjust_bounds(m->size, &start, &stop, step);
        if (step == 1) return bytes_new(m->data + start, (size_t)cnt);
        Bytes *b = bytes_alloc((size_t)cnt);
        if (!b) return VAL_NULL;
        for (int64_t i = 0, j = start; i < cnt; i++, j = seq_next_index(j, step)) b->data[i] = m->data[j];
        return MK_OBJ(b);
    }
    if (!IS_INT(k) && IS_NULL(val_type(k)->slots[SM_INDEX]))
        return err_format(&exc_TypeError, "mmap indices must be integers");
    int64_t i;
    if (obj_index_i64(k, &i) < 0) return VAL_NULL;
    MmapObj *m = mm_valid(args[0]);
    if (!m) return VAL_NULL;
    if (i < 0) i += m->size;
    if (i < 0 || i >= m->size) return err_format(&exc_IndexError, "mmap index out of range");
    return MK_SMALLINT(m->data[i]);
}

/* m[i] = int, m[a:b:c] = bytes-like of the slice's length */
static Value mm_setitem_m(Value *args, int nargs, Value kwnames) {
    Value k = args[1], v = args[2];
    MmapObj *m = mm_valid(args[0]);
    if (!m) return VAL_NULL;
    if (IS_EXACT(k, type_slice)) {
        int64_t start, stop, step;
        if (slice_unpack_bounds(k, &start, &stop, &step) < 0) return VAL_NULL;
        if (!(m = mm_valid(args[0]))) return VAL_NULL;
        int64_t cnt = slice_adjust_bounds(m->size, &start, &stop, step);
        if (IS_NULL(v)) return err_format(&exc_TypeError, "mmap object doesn't support slice deletion");
        if (mm_writable(m) < 0) return VAL_NULL;
        Buffer view;
        if (buffer_get(v, &view, BUF_SIMPLE) < 0) return VAL_NULL;
        Value r = VAL_NONE;
        if (!mm_valid(args[0])) r = VAL_NULL;
        else if (view.len != cnt) r = err_format(&exc_IndexError, "mmap slice assignment is wrong size");
        else if (step == 1) memmove(m->data + start, view.buf, (size_t)cnt);
        else for (int64_t i = 0, j = start; i < cnt; i++, j = seq_next_index(j, step)) m->data[j] = view.buf[i];
        buffer_release(&view);
        return r;
    }
    if (!IS_INT(k) && IS_NULL(val_type(k)->slots[SM_INDEX]))
        return err_format(&exc_TypeError, "mmap indices must be integer");
    int64_t i;
    if (obj_index_i64(k, &i) < 0 || !(m = mm_valid(args[0]))) return VAL_NULL;
    if (i < 0) i += m->size;
    if (i < 0 || i >= m->size) return err_format(&exc_IndexError, "mmap index out of range");
    if (IS_NULL(v)) return err_format(&exc_TypeError, "mmap doesn't support item deletion");
    if (mm_writable(m) < 0) return VAL_NULL;
    if (!IS_INT(v) && IS_NULL(val_type(v)->slots[SM_INDEX]))
        return err_format(&exc_TypeError, "mmap item value must be an int");
    int64_t b;
    if (obj_index_i64(v, &b) < 0) {
        if (!err_matches(&exc_IndexError)) return VAL_NULL;
        err_clear();
        b = -1;
    }
    if (b < 0 || b > 255) return err_format(&exc_ValueError, "mmap item value must be in range(0, 256)");
    if (!(m = mm_valid(args[0]))) return VAL_NULL;
    if (i >= m->size) return err_format(&exc_IndexError, "mmap index out of range");
    m->data[i] = (uint8_t)b;
    return VAL_NONE;
}

static Value mm_delitem_m(Value *args, int nargs, Value kwnames) {
    Value a[3] = {args[0], args[1], VAL_NULL};
    return mm_setitem_m(a, 3, VAL_NULL);
}

/* ---- iteration: one-byte bytes objects ---------------------------------------------------- */

typedef struct {
    Obj     header;
    Value   map;            /* VAL_NULL once exhausted */
    int64_t i;
} MmapIter;

extern Type type_mmap_iterator;

static void mm_iter_trace(Obj *o) { gc_mark_value(((MmapIter *)o)->map); }

static Value mm_iter_m(Value *args, int nargs, Value kwnames) {
    MmapIter *it = (MmapIter *)gc_alloc(&type_mmap_iterator, sizeof(MmapIter));
    if (!it) return VAL_NULL;
    it->map = args[0];
    return MK_OBJ(it);
}

static Value mm_iter_next_m(Value *args, int nargs, Value kwnames) {
    MmapIter *it = (MmapIter *)AS_OBJ(args[0]);
    if (IS_NULL(it->map)) return VAL_NULL;
    MmapObj *m = mm_valid(it->map);
    if (!m) return VAL_NULL;
    if (it->i >= m->size) { it->map = VAL_NULL; return VAL_NULL; }
    return bytes_new(m->data + it->i++, 1);
}

static Value mm_iter_self_m(Value *args, int nargs, Value kwnames) { return args[0]; }

static const MethodDef mm_iter_methods[] = {
    {"__iter__", mm_iter_self_m, ARGS_WRAP(0), NULL},
    {"__next__", mm_iter_next_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

Type type_mmap_iterator = {
    .tp_name = "iterator", .base = &type_object, .basicsize = sizeof(MmapIter),
    .trace = mm_iter_trace, .methods = mm_iter_methods, .flags = TF_ABSTRACT,
};
GILPY_TYPE(type_mmap_iterator, NULL);

/* ---- the buffer protocol ------------------------------------------------------------------ */

static int mm_getbuffer(Value obj, Buffer *view, int flags) {
    MmapObj *m = mm_valid(obj);
    if (!m) return -1;
    int readonly = m->access == ACCESS_READ;
    if ((flags & BUF_WRITABLE) && readonly) {
        err_format(&exc_BufferError, "Object is not writable.");
        return -1;
    }
    buffer_fill(view, obj, m->data, m->size, readonly);
    m->exports++;
    return 0;
}

static void mm_releasebuffer(Value obj, Buffer *view) {
    (void)view;
    MM(obj)->exports--;
}

/* ---- the type and the module -------------------------------------------------------------- */

static const GetSetDef mm_getsets[] = {
    {"closed", mm_get_closed, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef mm_methods[] = {
    {"__new__", mm_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"close", mm_close_m, ARGS_NONE, NULL},
    {"find", mm_find_m, METH_VARARGS | ARGS_TUPLE(1, 3), NULL},
    {"rfind", mm_rfind_m, METH_VARARGS | ARGS_TUPLE(1, 3), NULL},
    {"flush", mm_flush_m, METH_VARARGS | ARGS_TUPLE(0, 2), NULL},
    {"madvise", mm_madvise_m, METH_VARARGS | ARGS_TUPLE(1, 3), NULL},
    {"move", mm_move_m, METH_VARARGS | ARGS_TUPLE(3, 3), NULL},
    {"read", mm_read_m, METH_VARARGS | ARGS_TUPLE(0, 1), NULL},
    {"read_byte", mm_read_byte_m, ARGS_NONE, NULL},
    {"readline", mm_readline_m, ARGS_NONE, NULL},
    {"resize", mm_resize_m, METH_VARARGS | ARGS_TUPLE(1, 1), NULL},
    {"seek", mm_seek_m, METH_VARARGS | ARGS_TUPLE(1, 2), NULL},
    {"size", mm_size_m, ARGS_NONE, NULL},
    {"tell", mm_tell_m, ARGS_NONE, NULL},
    {"write", mm_write_m, METH_VARARGS | ARGS_TUPLE(1, 1), NULL},
    {"write_byte", mm_write_byte_m, METH_VARARGS | ARGS_TUPLE(1, 1), NULL},
    {"__enter__", mm_enter_m, ARGS_NONE, NULL},
    {"__exit__", mm_exit_m, ARGS_VAR, NULL},
    {"__repr__", mm_repr_m, ARGS_WRAP(0), NULL},
    {"__len__", mm_len_m, ARGS_WRAP(0), NULL},
    {"__getitem__", mm_getitem_m, ARGS_WRAP(1), NULL},
    {"__setitem__", mm_setitem_m, ARGS_WRAP(2), NULL},
    {"__delitem__", mm_delitem_m, ARGS_WRAP(1), NULL},
    {"__iter__", mm_iter_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

Type type_mmap = {
    .tp_name = "mmap.mmap", .base = &type_object, .basicsize = sizeof(MmapObj),
    .flags = TF_BASETYPE | TF_WEAKREFABLE, .finalize = mm_finalize,
    .methods = mm_methods, .getsets = mm_getsets,
    .getbuffer = mm_getbuffer, .releasebuffer = mm_releasebuffer,
};
GILPY_TYPE(type_mmap, NULL);

#define C INT_CONST
static const IntConst mm_constants[] = {
    C(MADV_DODUMP) C(MADV_DOFORK) C(MADV_DONTDUMP) C(MADV_DONTFORK) C(MADV_DONTNEED) C(MADV_FREE)
    C(MADV_HUGEPAGE) C(MADV_HWPOISON) C(MADV_MERGEABLE) C(MADV_NOHUGEPAGE) C(MADV_NORMAL) C(MADV_RANDOM)
    C(MADV_REMOVE) C(MADV_SEQUENTIAL) C(MADV_UNMERGEABLE) C(MADV_WILLNEED)
    C(MAP_ANON) C(MAP_ANONYMOUS) C(MAP_DENYWRITE) C(MAP_EXECUTABLE) C(MAP_POPULATE) C(MAP_PRIVATE)
    C(MAP_SHARED) C(MAP_STACK) C(PROT_EXEC) C(PROT_READ) C(PROT_WRITE)
    C(ACCESS_DEFAULT) C(ACCESS_READ) C(ACCESS_WRITE) C(ACCESS_COPY)
    {NULL, 0},
};
#undef C

Value mod_mmap_init(void) {
    Value m = module_new_c("mmap");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    long page = sysconf(_SC_PAGESIZE);
    if (dict_add_int_constants(d, mm_constants) < 0 || dict_set_c(d, "PAGESIZE", int_from_i64(page)) < 0
        || dict_set_c(d, "ALLOCATIONGRANULARITY", int_from_i64(page)) < 0
        || dict_set_c(d, "error", MK_OBJ(&exc_OSError)) < 0 || dict_set_c(d, "mmap", MK_OBJ(&type_mmap)) < 0)
        return VAL_NULL;
    return m;
}
