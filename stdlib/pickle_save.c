/* pickle_save.c - _pickle.Pickler: objects to CPython's pickle opcodes.
 *
 * Design.  The output is byte for byte what CPython's C pickler writes, so
 * every choice follows it: the opcode per builtin type and size (BININT1/2,
 * LONG1/4, SHORT_BINUNICODE...), tuples of 1-3 items as TUPLE1-3 from
 * protocol 2, lists, dicts and sets in batches of 1000 (an exact list or dict
 * is walked by index / table order with CPython's own edge cases: a one-item
 * dict is one SETITEM, a dict of exactly 1000 items ends with an empty
 * MARK SETITEMS), and globals by STACK_GLOBAL from protocol 4, GLOBAL below
 * it (with _compat_pickle's names for protocol < 3 and fix_imports), or an
 * EXT code from copyreg's extension registry.
 *
 * save() is the dispatcher: the frame boundary first, then persistent_id,
 * then the atoms (None, bool, int, float: never memoized), the memo, str and
 * bytes, then (one recursion level) the containers, reducer_override, types
 * and functions by reference, and finally the reduce protocol:
 * dispatch_table / copyreg.dispatch_table, __reduce_ex__(proto),
 * __reduce__, whose result save_reduce() writes (NEWOBJ / NEWOBJ_EX for
 * copyreg.__newobj__ / __newobj_ex__, else REDUCE; then list items, dict
 * items and state).
 *
 * Output goes to a growable C buffer.  From protocol 4 it is framed: a frame
 * starts with the first write after a commit (9 bytes reserved for the FRAME
 * header) and is committed at the first opcode boundary past 64 KiB, or when
 * a bytes/str payload of 64 KiB or more is written outside any frame.  A
 * frame of fewer than 4 bytes loses its header.  With a file, committed
 * frames go to file.write as they are completed.
 *
 * The memo maps object identity to its index in an open-addressing table of
 * Obj pointers; the Pickler's trace keeps every memoized object alive, so an
 * address is never reused while it is a key.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gmp.h>

#include "runtime/object.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_float.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/state.h"
#include "interp/import.h"
#include "pickle.h"

#define BATCHSIZE 1000
#define FAST_NESTING_LIMIT 50
#define RECURSION_WHERE " while pickling an object"

typedef struct MemoSlot {
    Obj    *key;          /* NULL: empty */
    int64_t index;
} MemoSlot;

typedef struct Pickler {
    Obj       header;
    Value     dict;             /* attributes of subclasses (persistent_id...) */
    Value     write;            /* file.write; VAL_NULL for dumps() */
    Value     buffer_callback;  /* VAL_NULL: buffers in band */
    Value     pers_func;        /* per dump(): persistent_id, reducer_override,  */
    Value     reducer_override; /* dispatch_table (VAL_NULL when absent)       */
    Value     dispatch_table;
    Value     fast_memo;        /* dict id -> obj while fast mode nests deeply */
    MemoSlot *memo;
    int64_t   memo_cap, memo_len;
    uint8_t  *out;
    int64_t   out_len, out_cap, frame_start;
    int       proto, bin, framing, fast, fix_imports, fast_nesting, inited;
} Pickler;

#define SELF ((Pickler *)AS_OBJ(args[0]))

static int save(Pickler *p, Value obj, int pers_save);

/* id(obj) */
static Value obj_id(Value v) { return int_from_u64(IS_OBJ(v) ? (uint64_t)(uintptr_t)AS_OBJ(v) : (uint64_t)v); }

/* ---- output and frames -------------------------------------------------------- */

static int out_reserve(Pickler *p, int64_t n) {
    if (p->out_len + n <= p->out_cap) return 0;
    int64_t cap = p->out_cap ? p->out_cap : 256;
    while (cap < p->out_len + n) cap *= 2;
    uint8_t *nb = gc_sys_realloc(p->out, (size_t)cap);
    if (!nb) { err_no_memory(); return -1; }
    p->out = nb;
    p->out_cap = cap;
    return 0;
}

static int out_write(Pickler *p, const void *data, int64_t n) {
    int new_frame = p->framing && p->frame_start == -1;
    if (out_reserve(p, n + (new_frame ? PICKLE_FRAME_HEADER : 0)) < 0) return -1;
    if (new_frame) {
        p->frame_start = p->out_len;
        p->out_len += PICKLE_FRAME_HEADER;
    }
    memcpy(p->out + p->out_len, data, (size_t)n);
    p->out_len += n;
    return 0;
}

static int out_op(Pickler *p, uint8_t op) { return out_write(p, &op, 1); }

static void put_le(uint8_t *b, uint64_t v, int n) {
    for (int i = 0; i < n; i++) b[i] = (uint8_t)(v >> (8 * i));
}

static void frame_commit(Pickler *p) {
    if (!p->framing || p->frame_start == -1) return;
    int64_t len = p->out_len - p->frame_start - PICKLE_FRAME_HEADER;
    uint8_t *q = p->out + p->frame_start;
    if (len >= 4) {
        q[0] = OP_FRAME;
        put_le(q + 1, (uint64_t)len, 8);
    } else {
        memmove(q, q + PICKLE_FRAME_HEADER, (size_t)len);
        p->out_len -= PICKLE_FRAME_HEADER;
    }
    p->frame_start = -1;
}

/* Hand the buffer to file.write and empty it. */
static int out_flush(Pickler *p) {
    if (IS_NULL(p->write) || p->out_len == 0) return 0;
    Value b = bytes_new(p->out, (size_t)p->out_len);
    if (IS_NULL(b)) return -1;
    p->out_len = 0;
    return IS_NULL(call1(p->write, b)) ? -1 : 0;
}

static int opcode_boundary(Pickler *p) {
    if (!p->framing || p->frame_start == -1) return 0;
    if (p->out_len - p->frame_start - PICKLE_FRAME_HEADER < PICKLE_FRAME_TARGET) return 0;
    frame_commit(p);
    return out_flush(p);
}

/* An opcode with its size header, then a payload that bypasses framing when
 * it is 64 KiB or more (as CPython's _Pickler_write_bytes). */
static int write_payload(Pickler *p, const uint8_t *hdr, int hlen, const void *data, int64_t n, Value payload) {
    int framing = p->framing;
    if (n >= PICKLE_FRAME_TARGET) {
        frame_commit(p);
        p->framing = 0;
    }
    if (out_write(p, hdr, hlen) < 0) return -1;
    int rc;
    if (n >= PICKLE_FRAME_TARGET && !IS_NULL(p->write)) {
        if (out_flush(p) < 0) { p->framing = framing; return -1; }
        Value b = IS_EXACT(payload, type_bytes) ? payload : bytes_new(data, (size_t)n);
        rc = IS_NULL(b) || IS_NULL(call1(p->write, b)) ? -1 : 0;
    } else {
        rc = out_write(p, data, n);
    }
    p->framing = framing;
    return rc;
}

/* ---- the memo ------------------------------------------------------------------- */

static int64_t memo_slot(Pickler *p, Obj *key) {
    uint64_t h = ((uint64_t)(uintptr_t)key >> 4) * 0x9E3779B97F4A7C15ull;
    int64_t mask = p->memo_cap - 1, i = (int64_t)(h >> 20) & mask;
    while (p->memo[i].key && p->memo[i].key != key) i = (i + 1) & mask;
    return i;
}

static int64_t memo_find(Pickler *p, Value v) {
    if (!p->memo_len || !IS_OBJ(v)) return -1;
    MemoSlot *s = &p->memo[memo_slot(p, AS_OBJ(v))];
    return s->key ? s->index : -1;
}

static int memo_insert(Pickler *p, Obj *key, int64_t index) {
    if ((p->memo_len + 1) * 3 >= p->memo_cap * 2) {
        int64_t old_cap = p->memo_cap, cap = old_cap ? old_cap * 2 : 16;
        MemoSlot *old = p->memo;
        p->memo = gc_sys_calloc((size_t)cap, sizeof(MemoSlot));
        if (!p->memo) { p->memo = old; err_no_memory(); return -1; }
        p->memo_cap = cap;
        for (int64_t i = 0; i < old_cap; i++)
            if (old[i].key) p->memo[memo_slot(p, old[i].key)] = old[i];
        free(old);
    }
    MemoSlot *s = &p->memo[memo_slot(p, key)];
    if (!s->key) p->memo_len++;
    s->key = key;
    s->index = index;
    return 0;
}

void pickler_memo_clear(Value pickler) {
    Pickler *p = (Pickler *)AS_OBJ(pickler);
    free(p->memo);
    p->memo = NULL;
    p->memo_cap = p->memo_len = 0;
}

Value pickler_memo_copy(Value pickler) {
    Pickler *p = (Pickler *)AS_OBJ(pickler);
    Value d = dict_new();
    for (int64_t i = 0; !IS_NULL(d) && i < p->memo_cap; i++) {
        if (!p->memo[i].key) continue;
        Value obj = MK_OBJ(p->memo[i].key);
        Value t = tuple_pack(2, int_from_i64(p->memo[i].index), obj);
        if (IS_NULL(t) || dict_set(d, obj_id(obj), t) < 0) return VAL_NULL;
    }
    return d;
}

/* Replace the memo by a dict {id: (index, obj)} or another pickler's proxy. */
static int memo_assign(Pickler *p, Value v) {
    Value owner;
    int of_unpickler;
    if (memo_proxy_owner(v, &owner, &of_unpickler) && !of_unpickler) v = pickler_memo_copy(owner);
    else if (!IS_DICT(v))
        return err_format(&exc_TypeError, "'memo' attribute must be a PicklerMemoProxy object or dict, not %.200s",
                          val_type_name(v)), -1;
    if (IS_NULL(v)) return -1;
    pickler_memo_clear(MK_OBJ(p));
    int64_t pos = 0;
    Value k, item;
    while (dict_next(v, &pos, &k, &item)) {
        int64_t idx;
        if (!IS_TUPLE(item) || AS_TUPLE(item)->len != 2)
            return err_format(&exc_TypeError, "'memo' values must be 2-item tuples"), -1;
        if (int_to_i64(AS_TUPLE(item)->items[0], &idx) < 0) return -1;
        Value obj = AS_TUPLE(item)->items[1];
        if (IS_OBJ(obj) && memo_insert(p, AS_OBJ(obj), idx) < 0) return -1;
    }
    return 0;
}

static int write_memo_op(Pickler *p, int64_t idx, int get) {
    uint8_t b[32];
    if (!p->bin) {
        int n = snprintf((char *)b, sizeof b, "%c%lld\n", get ? OP_GET : OP_PUT, (long long)idx);
        return out_write(p, b, n);
    }
    if (idx < 256) {
        b[0] = get ? OP_BINGET : OP_BINPUT;
        b[1] = (uint8_t)idx;
        return out_write(p, b, 2);
    }
    if (idx > 0xffffffffLL)
        return err_format(pickling_error_type(), "memo id too large for LONG_BIN%s", get ? "GET" : "PUT"), -1;
    b[0] = get ? OP_LONG_BINGET : OP_LONG_BINPUT;
    put_le(b + 1, (uint64_t)idx, 4);
    return out_write(p, b, 5);
}

static int memo_put(Pickler *p, Value obj) {
    if (p->fast || !IS_OBJ(obj)) return 0;
    int64_t idx = p->memo_len;
    if (memo_insert(p, AS_OBJ(obj), idx) < 0) return -1;
    return p->proto >= 4 ? out_op(p, OP_MEMOIZE) : write_memo_op(p, idx, 0);
}

static int memo_get(Pickler *p, Value obj) { return write_memo_op(p, memo_find(p, obj), 1); }

/* ---- fast mode: no memo, a cycle check past FAST_NESTING_LIMIT ------------------ */

static int fast_enter(Pickler *p, Value obj) {
    if (!p->fast || ++p->fast_nesting < FAST_NESTING_LIMIT) return 0;
    if (IS_NULL(p->fast_memo)) {
        p->fast_memo = dict_new();
        if (IS_NULL(p->fast_memo)) return -1;
    }
    Value key = obj_id(obj);
    if (!IS_NULL(dict_get(p->fast_memo, key))) {
        p->fast_nesting = 0;
        return err_format(&exc_ValueError, "fast mode: can't pickle cyclic objects including object type %.200s at %p",
                          val_type_name(obj), IS_OBJ(obj) ? (void *)AS_OBJ(obj) : NULL), -1;
    }
    return dict_set(p->fast_memo, key, obj);
}

static void fast_leave(Pickler *p, Value obj) {
    if (!p->fast) return;
    if (p->fast_nesting-- >= FAST_NESTING_LIMIT && !IS_NULL(p->fast_memo)) {
        Value key = obj_id(obj);
        if (dict_del(p->fast_memo, key) < 0) err_clear();
    }
}

/* ---- atoms ---------------------------------------------------------------------- */

static int save_bool(Pickler *p, int b) {
    if (p->proto >= 2) return out_op(p, b ? OP_NEWTRUE : OP_NEWFALSE);
    return out_write(p, b ? "I01\n" : "I00\n", 4);
}

/* LONG1/LONG4: little-endian two's complement in as few bytes as hold it. */
static int save_long_bytes(Pickler *p, Value v) {
    mpz_t z, m;
    mpz_init(z);
    int_to_mpz(v, z);
    size_t nbits = mpz_sgn(z) ? mpz_sizeinbase(z, 2) : 0;
    size_t nbytes = (nbits >> 3) + 1;
    uint8_t *buf = gc_sys_malloc(nbytes + 9);
    if (!buf) { mpz_clear(z); err_no_memory(); return -1; }
    mpz_init(m);
    if (mpz_sgn(z) < 0) {          /* z + 2**(8*nbytes) */
        mpz_ui_pow_ui(m, 2, 8 * nbytes);
        mpz_add(m, m, z);
    } else {
        mpz_set(m, z);
    }
    memset(buf + 9, 0, nbytes);
    size_t count = 0;
    mpz_export(buf + 9, &count, -1, 1, 0, 0, m);
    if (mpz_sgn(z) < 0 && nbytes > 1 && buf[9 + nbytes - 1] == 0xff && (buf[9 + nbytes - 2] & 0x80)) nbytes--;
    mpz_clear(m);
    mpz_clear(z);
    int rc, h;
    if (nbytes < 256) {
        h = 2;
        buf[7] = OP_LONG1;
        buf[8] = (uint8_t)nbytes;
    } else if (nbytes <= 0x7fffffff) {
        h = 5;
        buf[4] = OP_LONG4;
        put_le(buf + 5, nbytes, 4);
    } else {
        free(buf);
        return err_format(&exc_OverflowError, "int too large to pickle"), -1;
    }
    rc = out_write(p, buf + 9 - h, h + (int64_t)nbytes);
    free(buf);
    return rc;
}

static int save_long(Pickler *p, Value v) {
    int64_t x;
    int fits = int_to_i64(v, &x) == 0;
    if (!fits) err_clear();
    if (fits && x >= -0x80000000LL && x <= 0x7fffffffLL) {
        uint8_t b[24];
        if (!p->bin) {
            int n = snprintf((char *)b, sizeof b, "I%lld\n", (long long)x);
            return out_write(p, b, n);
        }
        put_le(b + 1, (uint64_t)x, 4);
        if (b[4] == 0 && b[3] == 0) {
            b[0] = b[2] == 0 ? OP_BININT1 : OP_BININT2;
            return out_write(p, b, b[2] == 0 ? 2 : 3);
        }
        b[0] = OP_BININT;
        return out_write(p, b, 5);
    }
    if (p->proto >= 2) return save_long_bytes(p, v);
    Value r = int_repr(v);
    if (IS_NULL(r) || out_op(p, OP_LONG) < 0 || out_write(p, STR_DATA(r), STR_LEN(r)) < 0) return -1;
    return out_write(p, "L\n", 2);
}

static int save_float(Pickler *p, double d) {
    if (p->bin) {
        uint8_t b[9];
        uint64_t u;
        memcpy(&u, &d, 8);
        b[0] = OP_BINFLOAT;
        for (int i = 0; i < 8; i++) b[1 + i] = (uint8_t)(u >> (56 - 8 * i));
        return out_write(p, b, 9);
    }
    char buf[64];
    buf[0] = OP_FLOAT;
    int n = float_repr_buf(d, buf + 1);
    buf[1 + n] = '\n';
    return out_write(p, buf, n + 2);
}

/* ---- str, bytes, bytearray, PickleBuffer ---------------------------------------- */

static int save_bytes_data(Pickler *p, Value obj, const uint8_t *data, int64_t n) {
    uint8_t h[9];
    int hl;
    if (n <= 0xff) { h[0] = OP_SHORT_BINBYTES; h[1] = (uint8_t)n; hl = 2; }
    else if (n <= 0xffffffffLL) { h[0] = OP_BINBYTES; put_le(h + 1, (uint64_t)n, 4); hl = 5; }
    else if (p->proto >= 4) { h[0] = OP_BINBYTES8; put_le(h + 1, (uint64_t)n, 8); hl = 9; }
    else return err_format(pickling_error_type(), "cannot serialize a bytes object larger than 4 GiB"), -1;
    if (write_payload(p, h, hl, data, n, obj) < 0) return -1;
    return memo_put(p, obj);
}

static int save_bytearray_data(Pickler *p, Value obj, const uint8_t *data, int64_t n) {
    uint8_t h[9];
    h[0] = OP_BYTEARRAY8;
    put_le(h + 1, (uint64_t)n, 8);
    if (write_payload(p, h, 9, data, n, VAL_NULL) < 0) return -1;
    return memo_put(p, obj);
}

static int save_reduce(Pickler *p, Value rv, Value obj);

/* (callable, args) written with save_reduce: bytes below protocol 3,
 * bytearray below 5, sets below 4. */
static int save_reduce2(Pickler *p, Value callable, Value args, Value obj) {
    if (IS_NULL(callable) || IS_NULL(args)) return -1;
    Value rv = tuple_pack(2, callable, args);
    return IS_NULL(rv) ? -1 : save_reduce(p, rv, obj);
}

static int save_bytes(Pickler *p, Value obj) {
    Bytes *b = AS_BYTES(obj);
    if (p->proto >= 3) return save_bytes_data(p, obj, b->data, b->len);
    if (b->len == 0) return save_reduce2(p, MK_OBJ(&type_bytes), tuple_empty(), obj);
    Value s = str_decode(b->data, (size_t)b->len, "latin-1", "strict");
    if (IS_NULL(s)) return -1;
    return save_reduce2(p, pickle_borrow("codecs", "encode"), tuple_pack(2, s, str_intern_c("latin1")), obj);
}

static int save_bytearray(Pickler *p, Value obj) {
    ByteArray *b = AS_BYTEARRAY(obj);
    if (p->proto >= 5) return save_bytearray_data(p, obj, b->data, b->len);
    Value args = b->len == 0 ? tuple_empty() : tuple_pack(1, bytes_new(b->data, (size_t)b->len));
    return save_reduce2(p, MK_OBJ(val_type(obj)), args, obj);
}

static int save_picklebuffer(Pickler *p, Value obj) {
    if (p->proto < 5)
        return err_format(pickling_error_type(), "PickleBuffer can only pickled with protocol >= 5"), -1;
    Buffer view;
    if (pickle_buffer_view(obj, &view) < 0) return -1;
    int in_band = 1;
    if (!IS_NULL(p->buffer_callback)) {
        Value r = call1(p->buffer_callback, obj);
        in_band = IS_NULL(r) ? -1 : obj_truthy(r);
    }
    int rc;
    if (in_band < 0) rc = -1;
    else if (in_band) rc = view.readonly ? save_bytes_data(p, obj, view.buf, view.len)
                                         : save_bytearray_data(p, obj, view.buf, view.len);
    else rc = out_op(p, OP_NEXT_BUFFER) < 0 || (view.readonly && out_op(p, OP_READONLY_BUFFER) < 0) ? -1 : 0;
    buffer_release(&view);
    return rc;
}

/* Protocol 0's text: raw-unicode-escape with \, NUL, \n, \r and \x1a escaped. */
static int save_unicode_text(Pickler *p, Value s) {
    const unsigned char *d = (const unsigned char *)STR_DATA(s);
    int64_t n = STR_LEN(s);
    if (out_op(p, OP_UNICODE) < 0) return -1;
    for (int64_t i = 0; i < n;) {
        uint32_t cp;
        int k = d[i] < 0x80 ? (cp = d[i], 1) : utf8_dec(d + i, &cp);
        if (k <= 0) { cp = d[i]; k = 1; }
        i += k;
        char buf[12];
        int bl;
        if (cp >= 0x10000) bl = snprintf(buf, sizeof buf, "\\U%08x", cp);
        else if (cp >= 256 || cp == '\\' || cp == 0 || cp == '\n' || cp == '\r' || cp == 0x1a)
            bl = snprintf(buf, sizeof buf, "\\u%04x", cp);
        else { buf[0] = (char)cp; bl = 1; }
        if (out_write(p, buf, bl) < 0) return -1;
    }
    return out_op(p, '\n');
}

static int save_unicode(Pickler *p, Value s) {
    if (!p->bin) {
        if (save_unicode_text(p, s) < 0) return -1;
        return memo_put(p, s);
    }
    int64_t n = STR_LEN(s);
    uint8_t h[9];
    int hl;
    if (n <= 0xff && p->proto >= 4) { h[0] = OP_SHORT_BINUNICODE; h[1] = (uint8_t)n; hl = 2; }
    else if (n <= 0xffffffffLL) { h[0] = OP_BINUNICODE; put_le(h + 1, (uint64_t)n, 4); hl = 5; }
    else if (p->proto >= 4) { h[0] = OP_BINUNICODE8; put_le(h + 1, (uint64_t)n, 8); hl = 9; }
    else return err_format(pickling_error_type(), "cannot serialize a string larger than 4GiB"), -1;
    if (write_payload(p, h, hl, STR_DATA(s), n, VAL_NULL) < 0) return -1;
    return memo_put(p, s);
}

/* ---- containers ---------------------------------------------------------------- */

static int save_tuple(Pickler *p, Value t) {
    Tuple *tp = AS_TUPLE(t);
    int64_t n = tp->len;
    if (n == 0) return p->proto ? out_op(p, OP_EMPTY_TUPLE) : out_write(p, "(t", 2);
    int small = n <= 3 && p->proto >= 2;
    if (!small && out_op(p, OP_MARK) < 0) return -1;
    for (int64_t i = 0; i < n; i++)
        if (save(p, tp->items[i], 0) < 0) return -1;
    if (memo_find(p, t) >= 0) {      /* recursive: the tuple was built meanwhile */
        if (!small && p->bin) {
            if (out_op(p, OP_POP_MARK) < 0) return -1;
        } else {
            for (int64_t i = 0; i < n + !small; i++)
                if (out_op(p, OP_POP) < 0) return -1;
        }
        return memo_get(p, t);
    }
    if (out_op(p, small ? (uint8_t)(OP_TUPLE1 + n - 1) : OP_TUPLE) < 0) return -1;
    return memo_put(p, t);
}

/* Items of an iterator, APPEND each (protocol 0) or in MARK ... APPENDS batches. */
static int batch_list(Pickler *p, Value it) {
    if (p->proto == 0) {
        for (;;) {
            Value x = obj_next(it);
            if (IS_NULL(x)) return err_occurred() ? -1 : 0;
            if (save(p, x, 0) < 0 || out_op(p, OP_APPEND) < 0) return -1;
        }
    }
    int n;
    do {
        Value first = obj_next(it);
        if (IS_NULL(first)) return err_occurred() ? -1 : 0;
        Value x = obj_next(it);
        if (IS_NULL(x)) {
            if (err_occurred()) return -1;
            return save(p, first, 0) < 0 || out_op(p, OP_APPEND) < 0 ? -1 : 0;
        }
        if (out_op(p, OP_MARK) < 0 || save(p, first, 0) < 0) return -1;
        n = 1;
        while (!IS_NULL(x)) {
            if (save(p, x, 0) < 0) return -1;
            if (++n == BATCHSIZE) break;
            x = obj_next(it);
            if (IS_NULL(x) && err_occurred()) return -1;
        }
        if (out_op(p, OP_APPENDS) < 0) return -1;
    } while (n == BATCHSIZE);
    return 0;
}

/* An exact list, walked by index (it may change while items are saved). */
static int batch_list_exact(Pickler *p, Value list) {
    List *l = AS_LIST(list);
    if (l->len == 1) return save(p, l->items[0], 0) < 0 || out_op(p, OP_APPEND) < 0 ? -1 : 0;
    int64_t total = 0;
    do {
        int n = 0;
        if (out_op(p, OP_MARK) < 0) return -1;
        while (total < l->len) {
            if (save(p, l->items[total], 0) < 0) return -1;
            total++;
            if (++n == BATCHSIZE) break;
        }
        if (out_op(p, OP_APPENDS) < 0) return -1;
    } while (total < l->len);
    return 0;
}

static int save_list(Pickler *p, Value list) {
    if (fast_enter(p, list) < 0) return -1;
    int rc = p->bin ? out_op(p, OP_EMPTY_LIST) : out_write(p, "(l", 2);
    if (rc == 0) rc = memo_put(p, list);
    if (rc == 0 && AS_LIST(list)->len && (rc = obj_enter_recursion(RECURSION_WHERE)) == 0) {
        if (p->proto > 0) {
            rc = batch_list_exact(p, list);
        } else {
            Value it = obj_iter(list);
            rc = IS_NULL(it) ? -1 : batch_list(p, it);
        }
        obj_leave_recursion();
    }
    fast_leave(p, list);
    return rc;
}

static int pair_check(Value x) {
    if (IS_TUPLE(x) && AS_TUPLE(x)->len == 2) return 0;
    return err_format(&exc_TypeError, "dict items iterator must return 2-tuples"), -1;
}

static int save_pair(Pickler *p, Value pair) {
    return save(p, AS_TUPLE(pair)->items[0], 0) < 0 || save(p, AS_TUPLE(pair)->items[1], 0) < 0 ? -1 : 0;
}

/* (key, value) pairs of an iterator: SETITEM each, or SETITEMS batches. */
static int batch_dict(Pickler *p, Value it) {
    if (p->proto == 0) {
        for (;;) {
            Value x = obj_next(it);
            if (IS_NULL(x)) return err_occurred() ? -1 : 0;
            if (pair_check(x) < 0 || save_pair(p, x) < 0 || out_op(p, OP_SETITEM) < 0) return -1;
        }
    }
    int n;
    do {
        Value first = obj_next(it);
        if (IS_NULL(first)) return err_occurred() ? -1 : 0;
        if (pair_check(first) < 0) return -1;
        Value x = obj_next(it);
        if (IS_NULL(x)) {
            if (err_occurred()) return -1;
            return save_pair(p, first) < 0 || out_op(p, OP_SETITEM) < 0 ? -1 : 0;
        }
        if (out_op(p, OP_MARK) < 0 || save_pair(p, first) < 0) return -1;
        n = 1;
        while (!IS_NULL(x)) {
            if (pair_check(x) < 0 || save_pair(p, x) < 0) return -1;
            if (++n == BATCHSIZE) break;
            x = obj_next(it);
            if (IS_NULL(x) && err_occurred()) return -1;
        }
        if (out_op(p, OP_SETITEMS) < 0) return -1;
    } while (n == BATCHSIZE);
    return 0;
}

static int batch_dict_exact(Pickler *p, Value d) {
    int64_t size = dict_len(d), pos = 0;
    Value k, v;
    if (size == 1) {
        dict_next(d, &pos, &k, &v);
        return save(p, k, 0) < 0 || save(p, v, 0) < 0 || out_op(p, OP_SETITEM) < 0 ? -1 : 0;
    }
    int n;
    do {
        n = 0;
        if (out_op(p, OP_MARK) < 0) return -1;
        while (dict_next(d, &pos, &k, &v)) {
            if (save(p, k, 0) < 0 || save(p, v, 0) < 0) return -1;
            if (++n == BATCHSIZE) break;
        }
        if (out_op(p, OP_SETITEMS) < 0) return -1;
        if (dict_len(d) != size)
            return err_format(&exc_RuntimeError, "dictionary changed size during iteration"), -1;
    } while (n == BATCHSIZE);
    return 0;
}

static int save_dict(Pickler *p, Value d) {
    if (fast_enter(p, d) < 0) return -1;
    int rc = p->bin ? out_op(p, OP_EMPTY_DICT) : out_write(p, "(d", 2);
    if (rc == 0) rc = memo_put(p, d);
    if (rc == 0 && dict_len(d) && (rc = obj_enter_recursion(RECURSION_WHERE)) == 0) {
        if (IS_EXACT(d, type_dict) && p->proto > 0) {
            rc = batch_dict_exact(p, d);
        } else {
            Value items = obj_call_method(d, "items", NULL, 0);
            Value it = IS_NULL(items) ? VAL_NULL : obj_iter(items);
            rc = IS_NULL(it) ? -1 : batch_dict(p, it);
        }
        obj_leave_recursion();
    }
    fast_leave(p, d);
    return rc;
}

static int save_set(Pickler *p, Value s) {
    if (p->proto < 4) return save_reduce2(p, MK_OBJ(&type_set), tuple_pack(1, seq_to_list(s)), s);
    if (out_op(p, OP_EMPTY_SET) < 0 || memo_put(p, s) < 0) return -1;
    int64_t size = set_len(s), pos = 0;
    if (size == 0) return 0;
    Value item;
    int n;
    do {
        n = 0;
        if (out_op(p, OP_MARK) < 0) return -1;
        while (set_next(s, &pos, &item)) {
            if (save(p, item, 0) < 0) return -1;
            if (++n == BATCHSIZE) break;
        }
        if (out_op(p, OP_ADDITEMS) < 0) return -1;
        if (set_len(s) != size) return err_format(&exc_RuntimeError, "set changed size during iteration"), -1;
    } while (n == BATCHSIZE);
    return 0;
}

static int save_frozenset(Pickler *p, Value s) {
    if (p->proto < 4) return save_reduce2(p, MK_OBJ(val_type(s)), tuple_pack(1, seq_to_list(s)), s);
    if (out_op(p, OP_MARK) < 0) return -1;
    Value it = obj_iter(s);
    if (IS_NULL(it)) return -1;
    for (;;) {
        Value x = obj_next(it);
        if (IS_NULL(x)) { if (err_occurred()) return -1; break; }
        if (save(p, x, 0) < 0) return -1;
    }
    if (memo_find(p, s) >= 0) return out_op(p, OP_POP_MARK) < 0 ? -1 : memo_get(p, s);
    return out_op(p, OP_FROZENSET) < 0 ? -1 : memo_put(p, s);
}

/* ---- globals -------------------------------------------------------------------- */

/* getattr along a dotted path; *parent gets the object holding the last name. */
static Value deep_getattr(Value obj, Value path, Value *parent) {
    List *l = AS_LIST(path);
    Value par = VAL_NULL;
    for (int64_t i = 0; i < l->len && !IS_NULL(obj); i++) {
        par = obj;
        obj = obj_getattr(obj, l->items[i]);
    }
    if (parent) *parent = par;
    return obj;
}

static Value dotted_path(Value name) {
    Value parts = obj_call_method(name, "split", (Value[]){str_intern_c(".")}, 1);
    if (IS_NULL(parts)) return VAL_NULL;
    for (int64_t i = 0; i < AS_LIST(parts)->len; i++)
        if (str_eq_c(AS_LIST(parts)->items[i], "<locals>"))
            return err_format(&exc_AttributeError, "Can't pickle local object %R", name);
    return parts;
}

/* obj.__module__, or the module of sys.modules that holds obj at path. */
static Value whichmodule(Value obj, Value path) {
    Value m = obj_getattr_opt(obj, str_intern_c("__module__"));
    if (IS_NULL(m) && err_occurred()) return VAL_NULL;
    if (!IS_NULL(m) && !IS_NONE(m)) return m;
    Value modules = IS_DICT(interp.modules) ? dict_copy(interp.modules) : VAL_NULL;
    int64_t pos = 0;
    Value name, mod;
    while (!IS_NULL(modules) && dict_next(modules, &pos, &name, &mod)) {
        if ((IS_STR(name) && str_eq_c(name, "__main__")) || IS_NONE(mod)) continue;
        Value found = deep_getattr(mod, path, NULL);
        if (IS_NULL(found)) err_clear();
        else if (found == obj) return name;
    }
    return str_intern_c("__main__");
}

/* Protocol < 3 with fix_imports: Python 3 names to Python 2's. */
static int fix_imports(Value *module, Value *name) {
    Value names = pickle_borrow("_compat_pickle", "REVERSE_NAME_MAPPING");
    Value imports = pickle_borrow("_compat_pickle", "REVERSE_IMPORT_MAPPING");
    if (IS_NULL(names) || IS_NULL(imports)) return -1;
    Value key = tuple_pack(2, *module, *name);
    Value item = IS_NULL(key) ? VAL_NULL : obj_getitem(names, key);
    if (!IS_NULL(item)) {
        if (!IS_TUPLE(item) || AS_TUPLE(item)->len != 2)
            return err_format(&exc_RuntimeError, "_compat_pickle.REVERSE_NAME_MAPPING values should be 2-tuples, not %.200s",
                              val_type_name(item)), -1;
        *module = AS_TUPLE(item)->items[0];
        *name = AS_TUPLE(item)->items[1];
        if (!IS_STR(*module) || !IS_STR(*name))
            return err_format(&exc_RuntimeError, "_compat_pickle.REVERSE_NAME_MAPPING values should be pairs of str, not (%.200s, %.200s)",
                              val_type_name(*module), val_type_name(*name)), -1;
        return 0;
    }
    if (!err_matches(&exc_KeyError)) return -1;
    err_clear();
    item = obj_getitem(imports, *module);
    if (IS_NULL(item)) {
        if (!err_matches(&exc_KeyError)) return -1;
        err_clear();
        return 0;
    }
    if (!IS_STR(item))
        return err_format(&exc_RuntimeError, "_compat_pickle.REVERSE_IMPORT_MAPPING values should be strings, not %.200s",
                          val_type_name(item)), -1;
    *module = item;
    return 0;
}

/* GLOBAL's two text lines: ASCII, or UTF-8 for protocol 3. */
static int write_global_text(Pickler *p, Value module, Value name) {
    Value parts[2] = {module, name};
    static const char *const what[2] = {"module", "global"};
    if (out_op(p, OP_GLOBAL) < 0) return -1;
    for (int i = 0; i < 2; i++) {
        Value s = parts[i];
        if (p->proto != 3 && !STR_IS_ASCII(AS_STR(s)))
            return err_format(pickling_error_type(), "can't pickle %s identifier '%S' using pickle protocol %d",
                              what[i], s, p->proto), -1;
        if (p->proto == 3 && str_has_surrogates(s))
            return err_format(pickling_error_type(), "can't pickle %s identifier '%S' using pickle protocol %d",
                              what[i], s, p->proto), -1;
        if (out_write(p, STR_DATA(s), STR_LEN(s)) < 0 || out_op(p, '\n') < 0) return -1;
    }
    return 0;
}

/* An EXT opcode when copyreg's registry has (module, name); 1 written, 0 not. */
static int save_ext(Pickler *p, Value obj, Value module, Value name) {
    Value reg = pickle_borrow("copyreg", "_extension_registry");
    if (IS_NULL(reg)) return -1;
    Value key = tuple_pack(2, module, name);
    if (IS_NULL(key)) return -1;
    Value code_obj = dict_get(reg, key);
    if (IS_NULL(code_obj)) return err_occurred() ? -1 : 0;
    int64_t code;
    if (int_to_i64(code_obj, &code) < 0) return -1;
    if (code <= 0 || code > 0x7fffffffLL)
        return err_format(pickling_error_type(), "Can't pickle %R: extension code %lld is out of range",
                          obj, (long long)code), -1;
    uint8_t b[5];
    put_le(b + 1, (uint64_t)code, 4);
    int n = code <= 0xff ? 2 : code <= 0xffff ? 3 : 5;
    b[0] = n == 2 ? OP_EXT1 : n == 3 ? OP_EXT2 : OP_EXT4;
    return out_write(p, b, n) < 0 ? -1 : 1;
}

static int save_global(Pickler *p, Value obj, Value name) {
    Value gname = name;
    if (IS_NULL(gname)) {
        gname = obj_getattr_opt(obj, str_intern_c("__qualname__"));
        if (IS_NULL(gname) && !err_occurred()) gname = obj_getattr(obj, str_intern_c("__name__"));
        if (IS_NULL(gname)) return -1;
    }
    if (!IS_STR(gname)) return err_format(&exc_TypeError, "attribute name must be string, not '%T'", gname), -1;
    Value path = dotted_path(gname);
    if (IS_NULL(path)) return -1;
    Value module_name = whichmodule(obj, path);
    if (IS_NULL(module_name)) return -1;
    Value module = import_module(module_name);
    if (IS_NULL(module)) {
        err_clear();
        return err_format(pickling_error_type(), "Can't pickle %R: import of module %R failed", obj, module_name), -1;
    }
    Value parent;
    Value found = deep_getattr(module, path, &parent);
    if (IS_NULL(found)) {
        err_clear();
        return err_format(pickling_error_type(), "Can't pickle %R: attribute lookup %S on %S failed",
                          obj, gname, module_name), -1;
    }
    if (found != obj)
        return err_format(pickling_error_type(), "Can't pickle %R: it's not the same object as %S.%S",
                          obj, module_name, gname), -1;
    if (p->proto >= 2) {
        int r = save_ext(p, obj, module_name, gname);
        if (r != 0) return r < 0 ? -1 : 0;
    }
    Value lastname = AS_LIST(path)->items[AS_LIST(path)->len - 1];
    if (parent == module) gname = lastname;
    if (p->proto >= 4) {
        if (save(p, module_name, 0) < 0 || save(p, gname, 0) < 0 || out_op(p, OP_STACK_GLOBAL) < 0) return -1;
    } else if (parent != module) {
        if (save_reduce2(p, pickle_borrow("builtins", "getattr"), tuple_pack(2, parent, lastname), VAL_NULL) < 0)
            return -1;
    } else {
        if (p->proto < 3 && p->fix_imports && fix_imports(&module_name, &gname) < 0) return -1;
        if (write_global_text(p, module_name, gname) < 0) return -1;
    }
    return memo_put(p, obj);
}

static int save_type(Pickler *p, Value t) {
    Value single = VAL_NULL;
    if (AS_TYPE(t) == &type_none) single = VAL_NONE;
    else if (AS_TYPE(t) == &type_notimplemented) single = VAL_NOTIMPLEMENTED;
    else if (AS_TYPE(t) == &type_ellipsis) single = VAL_ELLIPSIS;
    if (IS_NULL(single)) return save_global(p, t, VAL_NULL);
    return save_reduce2(p, MK_OBJ(&type_type), tuple_pack(1, single), t);
}

/* ---- the reduce protocol --------------------------------------------------------- */

static Value obj_class(Value obj) {
    Value c = obj_getattr(obj, str_intern_c("__class__"));
    return c;
}

static int save_newobj_ex(Pickler *p, Value argtup, Value obj) {
    if (AS_TUPLE(argtup)->len != 3)
        return err_format(pickling_error_type(), "length of the NEWOBJ_EX argument tuple must be exactly 3, not %lld",
                          (long long)AS_TUPLE(argtup)->len), -1;
    Value cls = AS_TUPLE(argtup)->items[0], args = AS_TUPLE(argtup)->items[1], kwargs = AS_TUPLE(argtup)->items[2];
    if (!IS_TYPE(cls))
        return err_format(pickling_error_type(), "first item from NEWOBJ_EX argument tuple must be a class, not %.200s",
                          val_type_name(cls)), -1;
    if (!IS_NULL(obj)) {
        Value oc = obj_class(obj);
        if (IS_NULL(oc)) return -1;
        if (oc != cls)
            return err_format(pickling_error_type(), "first item from NEWOBJ_EX argument tuple must be the same as the class of the object"), -1;
    }
    if (!IS_TUPLE(args))
        return err_format(pickling_error_type(), "second item from NEWOBJ_EX argument tuple must be a tuple, not %.200s",
                          val_type_name(args)), -1;
    if (!IS_DICT(kwargs))
        return err_format(pickling_error_type(), "third item from NEWOBJ_EX argument tuple must be a dict, not %.200s",
                          val_type_name(kwargs)), -1;
    if (p->proto >= 4)
        return save(p, cls, 0) < 0 || save(p, args, 0) < 0 || save(p, kwargs, 0) < 0 || out_op(p, OP_NEWOBJ_EX) < 0 ? -1 : 0;
    /* functools.partial(cls.__new__, cls, *args, **kwargs) */
    Value cls_new = obj_getattr(cls, str_intern_c("__new__"));
    Value partial = pickle_borrow("functools", "partial");
    if (IS_NULL(cls_new) || IS_NULL(partial)) return -1;
    int64_t n = AS_TUPLE(args)->len;
    Value pargs = tuple_new(n + 2);
    if (IS_NULL(pargs)) return -1;
    AS_TUPLE(pargs)->items[0] = cls_new;
    AS_TUPLE(pargs)->items[1] = cls;
    for (int64_t i = 0; i < n; i++) AS_TUPLE(pargs)->items[i + 2] = AS_TUPLE(args)->items[i];
    Value callable = call_tuple_dict(partial, pargs, kwargs);
    if (IS_NULL(callable)) return -1;
    return save(p, callable, 0) < 0 || save(p, tuple_empty(), 0) < 0 || out_op(p, OP_REDUCE) < 0 ? -1 : 0;
}

static int save_newobj(Pickler *p, Value argtup, Value obj) {
    Tuple *a = AS_TUPLE(argtup);
    if (a->len < 1) return err_format(pickling_error_type(), "__newobj__ arglist is empty"), -1;
    Value cls = a->items[0];
    if (!IS_TYPE(cls)) return err_format(pickling_error_type(), "args[0] from __newobj__ args is not a type"), -1;
    if (!IS_NULL(obj)) {
        Value oc = obj_class(obj);
        if (IS_NULL(oc)) return -1;
        if (oc != cls) return err_format(pickling_error_type(), "args[0] from __newobj__ args has the wrong class"), -1;
    }
    Value rest = tuple_from_array(a->items + 1, a->len - 1);
    if (IS_NULL(rest)) return -1;
    return save(p, cls, 0) < 0 || save(p, rest, 0) < 0 || out_op(p, OP_NEWOBJ) < 0 ? -1 : 0;
}

static int is_iterator(Value v) {
    return !IS_NULL(type_lookup_c(val_type(v), "__next__"));
}

static int save_reduce(Pickler *p, Value rv, Value obj) {
    Tuple *t = AS_TUPLE(rv);
    if (t->len < 2 || t->len > 6)
        return err_format(pickling_error_type(), "tuple returned by __reduce__ must contain 2 through 6 elements"), -1;
    Value callable = t->items[0], argtup = t->items[1];
    Value state = t->len > 2 ? t->items[2] : VAL_NONE, listitems = t->len > 3 ? t->items[3] : VAL_NONE;
    Value dictitems = t->len > 4 ? t->items[4] : VAL_NONE, setter = t->len > 5 ? t->items[5] : VAL_NONE;
    if (!call_is_callable(callable))
        return err_format(pickling_error_type(), "first item of the tuple returned by __reduce__ must be callable"), -1;
    if (!IS_TUPLE(argtup))
        return err_format(pickling_error_type(), "second item of the tuple returned by __reduce__ must be a tuple"), -1;
    if (!IS_NONE(listitems) && !is_iterator(listitems))
        return err_format(pickling_error_type(), "fourth element of the tuple returned by __reduce__ must be an iterator, not %s",
                          val_type_name(listitems)), -1;
    if (!IS_NONE(dictitems) && !is_iterator(dictitems))
        return err_format(pickling_error_type(), "fifth element of the tuple returned by __reduce__ must be an iterator, not %s",
                          val_type_name(dictitems)), -1;
    if (!IS_NONE(setter) && !call_is_callable(setter))
        return err_format(pickling_error_type(), "sixth element of the tuple returned by __reduce__ must be a function, not %s",
                          val_type_name(setter)), -1;
    int newobj = 0, newobj_ex = 0;
    if (p->proto >= 2) {
        Value name = obj_getattr_opt(callable, str_intern_c("__name__"));
        if (IS_NULL(name) && err_occurred()) return -1;
        if (!IS_NULL(name) && IS_STR(name)) {
            newobj_ex = str_eq_c(name, "__newobj_ex__");
            newobj = !newobj_ex && str_eq_c(name, "__newobj__");
        }
    }
    int rc;
    if (newobj_ex) rc = save_newobj_ex(p, argtup, obj);
    else if (newobj) rc = save_newobj(p, argtup, obj);
    else rc = save(p, callable, 0) < 0 || save(p, argtup, 0) < 0 || out_op(p, OP_REDUCE) < 0 ? -1 : 0;
    if (rc < 0) return -1;
    if (!IS_NULL(obj)) {
        if (memo_find(p, obj) >= 0) {   /* recursive: drop what REDUCE built */
            if (out_op(p, OP_POP) < 0 || memo_get(p, obj) < 0) return -1;
        } else if (memo_put(p, obj) < 0) {
            return -1;
        }
    }
    if (!IS_NONE(listitems) && batch_list(p, listitems) < 0) return -1;
    if (!IS_NONE(dictitems) && batch_dict(p, dictitems) < 0) return -1;
    if (IS_NONE(state)) return 0;
    if (IS_NONE(setter)) return save(p, state, 0) < 0 || out_op(p, OP_BUILD) < 0 ? -1 : 0;
    /* state_setter(obj, state), its result dropped */
    if (save(p, setter, 0) < 0 || save(p, obj, 0) < 0 || save(p, state, 0) < 0) return -1;
    return out_op(p, OP_TUPLE2) < 0 || out_op(p, OP_REDUCE) < 0 || out_op(p, OP_POP) < 0 ? -1 : 0;
}

static int save_pers(Pickler *p, Value obj) {
    Value pid = call1(p->pers_func, obj);
    if (IS_NULL(pid)) return -1;
    if (IS_NONE(pid)) return 0;
    if (p->bin) return save(p, pid, 1) < 0 || out_op(p, OP_BINPERSID) < 0 ? -1 : 1;
    Value s = obj_str(pid);
    if (IS_NULL(s)) return -1;
    if (!STR_IS_ASCII(AS_STR(s)))
        return err_format(pickling_error_type(), "persistent IDs in protocol 0 must be ASCII strings"), -1;
    if (out_op(p, OP_PERSID) < 0 || out_write(p, STR_DATA(s), STR_LEN(s)) < 0 || out_op(p, '\n') < 0) return -1;
    return 1;
}

/* The reduce value for obj: the dispatch tables, __reduce_ex__, __reduce__. */
static Value reduce_value(Pickler *p, Value obj, Type *type, int *as_global) {
    Value fn;
    if (IS_NULL(p->dispatch_table)) {
        Value table = pickle_borrow("copyreg", "dispatch_table");
        if (IS_NULL(table)) return VAL_NULL;
        fn = IS_DICT(table) ? dict_get(table, MK_OBJ(type)) : VAL_NULL;
        if (IS_NULL(fn) && err_occurred()) return VAL_NULL;
    } else {
        fn = obj_getitem(p->dispatch_table, MK_OBJ(type));
        if (IS_NULL(fn)) {
            if (!err_matches(&exc_KeyError)) return VAL_NULL;
            err_clear();
        }
    }
    if (!IS_NULL(fn)) return call1(fn, obj);
    if (type_is_subtype(type, &type_type)) {
        *as_global = 1;
        return VAL_NONE;
    }
    fn = obj_getattr_opt(obj, str_intern_c("__reduce_ex__"));
    if (!IS_NULL(fn)) return call1(fn, MK_SMALLINT(p->proto));
    if (err_occurred()) return VAL_NULL;
    fn = obj_getattr_opt(obj, str_intern_c("__reduce__"));
    if (!IS_NULL(fn)) return call0(fn);
    if (err_occurred()) return VAL_NULL;
    return err_format(pickling_error_type(), "can't pickle '%.200s' object: %R", type_name(type), obj);
}

/* Containers, hooks and the reduce protocol: save() after the atoms. */
static int save_complex(Pickler *p, Value obj, Type *type) {
    if (type == &type_dict) return save_dict(p, obj);
    if (type == &type_set) return save_set(p, obj);
    if (type == &type_frozenset) return save_frozenset(p, obj);
    if (type == &type_list) return save_list(p, obj);
    if (type == &type_tuple) return save_tuple(p, obj);
    if (type == &type_bytearray) return save_bytearray(p, obj);
    if (type == &type_pickle_buffer) return save_picklebuffer(p, obj);
    Value rv = VAL_NULL;
    if (!IS_NULL(p->reducer_override)) {
        rv = call1(p->reducer_override, obj);
        if (IS_NULL(rv)) return -1;
        if (rv == VAL_NOTIMPLEMENTED) rv = VAL_NULL;
    }
    if (IS_NULL(rv)) {
        if (type == &type_type) return save_type(p, obj);
        if (TYPE_HAS(type, TF_FUNCTION)) return save_global(p, obj, VAL_NULL);
        int as_global = 0;
        rv = reduce_value(p, obj, type, &as_global);
        if (as_global) return save_global(p, obj, VAL_NULL);
        if (IS_NULL(rv)) return -1;
    }
    if (IS_STR(rv)) return save_global(p, obj, rv);
    if (!IS_TUPLE(rv)) return err_format(pickling_error_type(), "__reduce__ must return a string or tuple"), -1;
    return save_reduce(p, rv, obj);
}

static int save(Pickler *p, Value obj, int pers_save) {
    if (opcode_boundary(p) < 0) return -1;
    if (!pers_save && !IS_NULL(p->pers_func)) {
        int r = save_pers(p, obj);
        if (r != 0) return r < 0 ? -1 : 0;
    }
    if (IS_NONE(obj)) return out_op(p, OP_NONE);
    if (IS_BOOL(obj)) return save_bool(p, obj == VAL_TRUE);
    if (IS_SMALLINT(obj)) return save_long(p, obj);
    if (IS_FLOAT(obj)) return save_float(p, float_value(obj));
    Type *type = val_type(obj);
    if (type == &type_int) return save_long(p, obj);
    if (type == &type_float) return save_float(p, float_value(obj));
    if (memo_find(p, obj) >= 0) return memo_get(p, obj);
    if (type == &type_bytes) return save_bytes(p, obj);
    if (type == &type_str) return save_unicode(p, obj);
    if (obj_enter_recursion(RECURSION_WHERE) < 0) return -1;
    int rc = save_complex(p, obj, type);
    obj_leave_recursion();
    return rc;
}

/* ---- dump ------------------------------------------------------------------------ */

/* persistent_id, reducer_override and dispatch_table of a subclass or an
 * instance that was given them. */
static int pickler_lookup_hooks(Pickler *p) {
    static const char *const names[3] = {"persistent_id", "reducer_override", "dispatch_table"};
    Value *slots[3] = {&p->pers_func, &p->reducer_override, &p->dispatch_table};
    for (int i = 0; i < 3; i++) {
        *slots[i] = obj_getattr_opt(MK_OBJ(p), str_intern_c(names[i]));
        if (IS_NULL(*slots[i]) && err_occurred()) return -1;
    }
    return 0;
}

static int pickler_dump(Pickler *p, Value obj) {
    if (p->header.type == &type_pickler && IS_NULL(p->dict)) {
        p->pers_func = p->reducer_override = p->dispatch_table = VAL_NULL;   /* dumps(): no hooks */
    } else if (pickler_lookup_hooks(p) < 0) {
        return -1;
    }
    int rc = 0;
    if (p->proto >= 2) {
        uint8_t h[2] = {OP_PROTO, (uint8_t)p->proto};
        rc = out_write(p, h, 2);
        if (p->proto >= 4) p->framing = 1;
    }
    if (rc == 0) rc = save(p, obj, 0);
    if (rc == 0) rc = out_op(p, OP_STOP);
    if (rc == 0) frame_commit(p);
    p->framing = 0;
    p->frame_start = -1;
    p->pers_func = p->reducer_override = p->dispatch_table = VAL_NULL;
    return rc;
}

static void pickler_setup(Pickler *p, int proto, int fix, Value buffer_callback) {
    p->proto = proto;
    p->bin = proto > 0;
    p->fix_imports = fix && proto < 3;
    p->buffer_callback = buffer_callback;
    p->frame_start = -1;
    p->out_len = 0;
    p->fast = p->fast_nesting = p->framing = 0;
}

static Value pickler_alloc(Type *t) {
    Pickler *p = (Pickler *)obj_new_instance(t);
    if (!p) return VAL_NULL;
    p->write = p->buffer_callback = p->pers_func = p->reducer_override = VAL_NULL;
    p->dispatch_table = p->fast_memo = VAL_NULL;
    p->frame_start = -1;
    return MK_OBJ(p);
}

static int check_buffer_callback(Value cb, int proto) {
    if (IS_NONE(cb) || IS_NULL(cb)) return 0;
    if (proto < 5) return err_format(&exc_ValueError, "buffer_callback needs protocol >= 5"), -1;
    return 1;
}

Value pickler_dumps(Value obj, int proto, int fix, Value cb) {
    int has_cb = check_buffer_callback(cb, proto);
    if (has_cb < 0) return VAL_NULL;
    Value pv = pickler_alloc(&type_pickler);
    if (IS_NULL(pv)) return VAL_NULL;
    Pickler *p = (Pickler *)AS_OBJ(pv);
    pickler_setup(p, proto, fix, has_cb ? cb : VAL_NULL);
    if (pickler_dump(p, obj) < 0) return VAL_NULL;
    /* Take the buffer: the Pickler may be collected (and finalized) while
     * bytes_new allocates. */
    uint8_t *out = p->out;
    int64_t len = p->out_len;
    p->out = NULL;
    p->out_cap = p->out_len = 0;
    Value r = bytes_new(out, (size_t)len);
    free(out);
    return r;
}

static Value file_write_attr(Value file) {
    Value w = obj_getattr_opt(file, str_intern_c("write"));
    if (IS_NULL(w) && !err_occurred()) err_format(&exc_TypeError, "file must have a 'write' attribute");
    return w;
}

Value pickler_dump_to(Value obj, Value file, int proto, int fix, Value cb) {
    int has_cb = check_buffer_callback(cb, proto);
    if (has_cb < 0) return VAL_NULL;
    Value pv = pickler_alloc(&type_pickler);
    if (IS_NULL(pv)) return VAL_NULL;
    Pickler *p = (Pickler *)AS_OBJ(pv);
    pickler_setup(p, proto, fix, has_cb ? cb : VAL_NULL);
    p->write = file_write_attr(file);
    if (IS_NULL(p->write)) return VAL_NULL;
    if (pickler_dump(p, obj) < 0 || out_flush(p) < 0) return VAL_NULL;
    return VAL_NONE;
}

/* ---- the Pickler type --------------------------------------------------------------- */

static Value pickler_new_m(Value *args, int nargs, Value kwnames) { return pickler_alloc(AS_TYPE(args[0])); }

/* __init__(self, file, protocol=None, fix_imports=True, buffer_callback=None) */
static Value pickler_init_m(Value *args, int nargs, Value kwnames) {
    Pickler *p = SELF;
    int proto, fix = 1;
    if (pickle_protocol_arg(args[2], &proto) < 0) return VAL_NULL;
    if (!IS_NULL(args[3]) && (fix = obj_truthy(args[3])) < 0) return VAL_NULL;
    int has_cb = check_buffer_callback(args[4], proto);
    if (has_cb < 0) return VAL_NULL;
    Value w = file_write_attr(args[1]);
    if (IS_NULL(w)) return VAL_NULL;
    pickler_setup(p, proto, fix, has_cb ? args[4] : VAL_NULL);
    p->write = w;
    pickler_memo_clear(args[0]);
    p->inited = 1;
    return VAL_NONE;
}

static Value pickler_dump_m(Value *args, int nargs, Value kwnames) {
    Pickler *p = SELF;
    if (!p->inited || IS_NULL(p->write))
        return err_format(pickling_error_type(), "Pickler.__init__() was not called by %s.__init__()",
                          val_type_name(args[0]));
    p->out_len = 0;
    if (pickler_dump(p, args[1]) < 0 || out_flush(p) < 0) return VAL_NULL;
    return VAL_NONE;
}

static Value pickler_clear_memo_m(Value *args, int nargs, Value kwnames) {
    pickler_memo_clear(args[0]);
    return VAL_NONE;
}

static Value pickler_sizeof_m(Value *args, int nargs, Value kwnames) {
    Pickler *p = SELF;
    return int_from_i64((int64_t)sizeof(Pickler) + p->memo_cap * (int64_t)sizeof(MemoSlot) + p->out_cap);
}

static const MethodDef pickler_methods[] = {
    {"__new__", pickler_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", pickler_init_m, ARGS_KW, NULL,
     "($self, /, file, protocol=None, fix_imports=True, buffer_callback=None)"},
    {"dump", pickler_dump_m, ARGS_ONE, "Write a pickled representation of the given object to the open file."},
    {"clear_memo", pickler_clear_memo_m, ARGS_NONE, "Clears the pickler's \"memo\"."},
    {"__sizeof__", pickler_sizeof_m, ARGS_NONE, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static Value pickler_get_memo(Value self) { return memo_proxy_new(self, 0); }
static int pickler_set_memo(Value self, Value v) {
    if (IS_NULL(v)) return err_format(&exc_TypeError, "attribute deletion is not supported"), -1;
    return memo_assign((Pickler *)AS_OBJ(self), v);
}
static Value pickler_get_fast(Value self) { return MK_BOOL(((Pickler *)AS_OBJ(self))->fast); }
static int pickler_set_fast(Value self, Value v) {
    int t = IS_NULL(v) ? 0 : obj_truthy(v);
    if (t < 0) return -1;
    ((Pickler *)AS_OBJ(self))->fast = t;
    return 0;
}
static Value pickler_get_bin(Value self) { return MK_SMALLINT(((Pickler *)AS_OBJ(self))->bin); }

static const GetSetDef pickler_getsets[] = {
    {"memo", pickler_get_memo, pickler_set_memo, NULL},
    {"fast", pickler_get_fast, pickler_set_fast, NULL},
    {"bin", pickler_get_bin, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};

static void pickler_trace(Obj *o) {
    Pickler *p = (Pickler *)o;
    gc_mark_value(p->dict);
    gc_mark_value(p->write);
    gc_mark_value(p->buffer_callback);
    gc_mark_value(p->pers_func);
    gc_mark_value(p->reducer_override);
    gc_mark_value(p->dispatch_table);
    gc_mark_value(p->fast_memo);
    for (int64_t i = 0; i < p->memo_cap; i++)
        if (p->memo[i].key) gc_mark_obj(p->memo[i].key);
}

static void pickler_finalize(Obj *o) {
    Pickler *p = (Pickler *)o;
    free(p->memo);
    free(p->out);
    p->memo = NULL;
    p->out = NULL;
}

Type type_pickler = {
    .tp_name = "_pickle.Pickler", .base = &type_object,
    .flags = TF_BASETYPE | TF_HAS_DICT,
    .basicsize = sizeof(Pickler), .dictoffset = offsetof(Pickler, dict),
    .trace = pickler_trace, .finalize = pickler_finalize,
    .methods = pickler_methods, .getsets = pickler_getsets,
};
GILPY_TYPE(type_pickler, NULL);
