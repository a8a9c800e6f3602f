/* pickle_load.c - _pickle.Unpickler: CPython's pickle opcodes to objects.
 *
 * Design.  The loader is a loop over opcodes of every protocol (0 to 5), a
 * value stack, a mark stack and a memo, as CPython's C unpickler is.  The
 * value stack and the memo are C arrays of Values that the Unpickler's trace
 * marks; the mark stack holds stack heights.  The "fence" is the height of
 * the innermost mark: popping below it is "unpickling stack underflow" (or
 * "unexpected MARK found" while a mark is set), never a read of another
 * frame's items.
 *
 * Input.  loads() reads from one immutable bytes object.  load() reads from
 * a file: read(n) for what the current buffer does not hold, readline() for
 * the text opcodes, and a FRAME's whole payload in one read(), so that after
 * STOP the file is positioned right after the pickle.  Every length is
 * checked against what is there before anything is allocated: a truncated
 * argument is UnpicklingError "pickle data was truncated", input that ends
 * at an opcode boundary EOFError "Ran out of input", as CPython says.
 *
 * Hooks: find_class (a subclass's override is called as a method),
 * persistent_load, and copyreg's extension registry for EXT1/2/4.
 */
#include <string.h>
#include <stdlib.h>
#include <gmp.h>

#include "runtime/object.h"
#include "runtime/audit.h"
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
#include "interp/import.h"
#include "pickle.h"

typedef struct Unpickler {
    Obj      header;
    Value    dict;
    Value    read, readline;    /* file methods; VAL_NULL for loads() */
    Value    input;             /* the bytes being read */
    const uint8_t *buf;
    int64_t  len, pos;
    Value   *stack;             /* small_stack until it outgrows it */
    int64_t  sp, scap, fence;
    Value    small_stack[16];
    int64_t *marks;
    int64_t  nmarks, mcap;
    Value   *memo;              /* VAL_NULL: no entry */
    int64_t  memo_cap, memo_len;
    Value    memo_far;          /* dict for indices past MEMO_DENSE_MAX, or VAL_NULL */
    Value    encoding, errors;  /* str */
    Value    buffers;           /* iterator, or VAL_NULL */
    Value    pers_load;         /* per load(): persistent_load, or VAL_NULL */
    int      proto, fix_imports, inited, custom_find_class;
} Unpickler;

#define SELF ((Unpickler *)AS_OBJ(args[0]))

/* ---- input ---------------------------------------------------------------------- */

static int truncated(void) {
    err_format(unpickling_error_type(), "pickle data was truncated");
    return -1;
}

static int set_input(Unpickler *u, Value data) {
    if (!IS_BYTES(data))
        return err_format(&exc_TypeError, "a bytes-like object is required, not '%T'", data), -1;
    u->input = data;
    u->buf = AS_BYTES(data)->data;
    u->len = AS_BYTES(data)->len;
    u->pos = 0;
    return 0;
}

/* n bytes at *out: from the buffer, else (with a file) one read(n). */
static int in_read(Unpickler *u, const uint8_t **out, int64_t n) {
    if (n <= u->len - u->pos) {
        *out = u->buf + u->pos;
        u->pos += n;
        return 0;
    }
    if (IS_NULL(u->read) || n < 0) return truncated();
    Value data = call1(u->read, int_from_i64(n));
    if (IS_NULL(data) || set_input(u, data) < 0) return -1;
    if (u->len < n) return truncated();
    *out = u->buf;
    u->pos = n;
    return 0;
}

/* One line with its '\n'; *n is its length without it. */
static int in_readline(Unpickler *u, const uint8_t **out, int64_t *n) {
    const uint8_t *start = u->buf + u->pos;
    const uint8_t *nl = u->pos < u->len ? memchr(start, '\n', (size_t)(u->len - u->pos)) : NULL;
    if (nl) {
        *out = start;
        *n = nl - start;
        u->pos += *n + 1;
        return 0;
    }
    if (IS_NULL(u->readline)) return truncated();
    Value line = call0(u->readline);
    if (IS_NULL(line) || set_input(u, line) < 0) return -1;
    if (u->len == 0 || u->buf[u->len - 1] != '\n') return truncated();
    *out = u->buf;
    *n = u->len - 1;
    u->pos = u->len;
    return 0;
}

static uint64_t get_le(const uint8_t *b, int n) {
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; i--) v = (v << 8) | b[i];
    return v;
}

static int read_size(Unpickler *u, int nbytes, int64_t *out, const char *what) {
    const uint8_t *s;
    if (in_read(u, &s, nbytes) < 0) return -1;
    uint64_t v = get_le(s, nbytes);
    if (v > (uint64_t)INT64_MAX)
        return err_format(&exc_OverflowError, "%s exceeds system's maximum size of %lld bytes", what,
                          (long long)INT64_MAX), -1;
    *out = (int64_t)v;
    return 0;
}

/* ---- the stacks ------------------------------------------------------------------ */

static int underflow(Unpickler *u) {
    err_format(unpickling_error_type(), u->nmarks ? "unexpected MARK found" : "unpickling stack underflow");
    return -1;
}

static int push(Unpickler *u, Value v) {
    if (IS_NULL(v)) return -1;
    if (u->sp == u->scap) {
        int64_t cap = u->scap * 2;
        Value *ns = gc_sys_realloc(u->stack == u->small_stack ? NULL : u->stack, (size_t)cap * sizeof(Value));
        if (!ns) { err_no_memory(); return -1; }
        if (u->stack == u->small_stack) memcpy(ns, u->small_stack, sizeof u->small_stack);
        u->stack = ns;
        u->scap = cap;
    }
    u->stack[u->sp++] = v;
    return 0;
}

static Value pop(Unpickler *u) {
    if (u->sp <= u->fence) { underflow(u); return VAL_NULL; }
    return u->stack[--u->sp];
}

static Value *top(Unpickler *u) {
    if (u->sp <= u->fence) { underflow(u); return NULL; }
    return &u->stack[u->sp - 1];
}

static int push_mark(Unpickler *u) {
    if (u->nmarks == u->mcap) {
        int64_t cap = u->mcap ? u->mcap * 2 : 16;
        int64_t *nm = gc_sys_realloc(u->marks, (size_t)cap * sizeof(int64_t));
        if (!nm) { err_no_memory(); return -1; }
        u->marks = nm;
        u->mcap = cap;
    }
    u->marks[u->nmarks++] = u->sp;
    u->fence = u->sp;
    return 0;
}

/* Pop the innermost mark: the stack height it recorded. */
static int64_t marker(Unpickler *u) {
    if (u->nmarks < 1) return err_format(unpickling_error_type(), "could not find MARK"), -1;
    int64_t m = u->marks[--u->nmarks];
    u->fence = u->nmarks ? u->marks[u->nmarks - 1] : 0;
    return m;
}

/* The items above height `from` as a tuple / list, removed from the stack. */
static Value pop_tuple(Unpickler *u, int64_t from) {
    if (from < u->fence) { underflow(u); return VAL_NULL; }
    Value t = tuple_from_array(u->stack + from, u->sp - from);
    u->sp = from;
    return t;
}

static Value pop_list(Unpickler *u, int64_t from) {
    Value l = list_from_array(u->stack + from, u->sp - from);
    u->sp = from;
    return l;
}

/* ---- the memo -------------------------------------------------------------------- */

/* Indices below this live in the array; a stray huge PUT index (garbage
 * input) goes to a dict instead of allocating gigabytes. */
#define MEMO_DENSE_MAX ((int64_t)1 << 20)

static int memo_put(Unpickler *u, int64_t idx, Value v) {
    if (idx >= MEMO_DENSE_MAX && idx >= 2 * u->memo_cap) {
        if (IS_NULL(u->memo_far) && IS_NULL(u->memo_far = dict_new())) return -1;
        Value k = int_from_i64(idx);
        int had = !IS_NULL(dict_get(u->memo_far, k));
        if (dict_set(u->memo_far, k, v) < 0) return -1;
        u->memo_len += !had;
        return 0;
    }
    if (idx >= u->memo_cap) {
        int64_t cap = u->memo_cap ? u->memo_cap : 16;
        while (cap <= idx) cap *= 2;
        Value *nm = gc_sys_realloc(u->memo, (size_t)cap * sizeof(Value));
        if (!nm) { err_no_memory(); return -1; }
        for (int64_t i = u->memo_cap; i < cap; i++) nm[i] = VAL_NULL;
        u->memo = nm;
        u->memo_cap = cap;
    }
    if (IS_NULL(u->memo[idx])) u->memo_len++;
    u->memo[idx] = v;
    return 0;
}

static Value memo_get(Unpickler *u, int64_t idx) {
    if (idx >= u->memo_cap && !IS_NULL(u->memo_far)) {
        Value v = dict_get(u->memo_far, int_from_i64(idx));
        if (!IS_NULL(v)) return v;
    }
    if (idx < 0 || idx >= u->memo_cap || IS_NULL(u->memo[idx]))
        return err_format(unpickling_error_type(), "Memo value not found at index %lld", (long long)idx);
    return u->memo[idx];
}

void unpickler_memo_clear(Value v) {
    Unpickler *u = (Unpickler *)AS_OBJ(v);
    free(u->memo);
    u->memo = NULL;
    u->memo_far = VAL_NULL;
    u->memo_cap = u->memo_len = 0;
}

Value unpickler_memo_copy(Value v) {
    Unpickler *u = (Unpickler *)AS_OBJ(v);
    Value d = dict_new();
    for (int64_t i = 0; !IS_NULL(d) && i < u->memo_cap; i++)
        if (!IS_NULL(u->memo[i]) && dict_set(d, int_from_i64(i), u->memo[i]) < 0) return VAL_NULL;
    if (!IS_NULL(d) && !IS_NULL(u->memo_far) && dict_update(d, u->memo_far) < 0) return VAL_NULL;
    return d;
}

static int memo_assign(Unpickler *u, Value v) {
    Value owner;
    int of_unpickler;
    if (memo_proxy_owner(v, &owner, &of_unpickler) && of_unpickler) v = unpickler_memo_copy(owner);
    else if (!IS_DICT(v))
        return err_format(&exc_TypeError, "'memo' attribute must be an UnpicklerMemoProxy object or dict, not %.200s",
                          val_type_name(v)), -1;
    if (IS_NULL(v)) return -1;
    int64_t pos = 0, idx;
    Value k, item;
    while (dict_next(v, &pos, &k, &item)) {
        if (!IS_INT(k)) return err_format(&exc_TypeError, "memo key must be integers"), -1;
        if (int_to_i64(k, &idx) < 0) return -1;
        if (idx < 0) return err_format(&exc_ValueError, "memo key must be positive integers."), -1;
    }
    unpickler_memo_clear(MK_OBJ(u));
    pos = 0;
    while (dict_next(v, &pos, &k, &item))
        if (int_to_i64(k, &idx) < 0 || memo_put(u, idx, item) < 0) return -1;
    return 0;
}

/* ---- numbers --------------------------------------------------------------------- */

/* Little-endian two's complement (LONG1, LONG4). */
static Value decode_long(const uint8_t *s, int64_t n) {
    if (n == 0) return MK_SMALLINT(0);
    mpz_t z;
    mpz_init(z);
    mpz_import(z, (size_t)n, -1, 1, 0, 0, s);
    if (s[n - 1] & 0x80) {
        mpz_t m;
        mpz_init(m);
        mpz_ui_pow_ui(m, 2, (unsigned long)(8 * n));
        mpz_sub(z, z, m);
        mpz_clear(m);
    }
    Value v = int_from_mpz(z);
    mpz_clear(z);
    return v;
}

static Value line_to_int(const uint8_t *s, int64_t n, int base) {
    return int_from_string((const char *)s, (size_t)n, base);
}

static int load_int(Unpickler *u) {
    const uint8_t *s;
    int64_t n;
    if (in_readline(u, &s, &n) < 0) return -1;
    if (n == 2 && s[0] == '0' && (s[1] == '0' || s[1] == '1')) return push(u, MK_BOOL(s[1] == '1'));
    return push(u, line_to_int(s, n, 0));
}

static int load_long_text(Unpickler *u) {
    const uint8_t *s;
    int64_t n;
    if (in_readline(u, &s, &n) < 0) return -1;
    if (n > 0 && s[n - 1] == 'L') n--;
    return push(u, line_to_int(s, n, 0));
}

static int load_binint(Unpickler *u, int nbytes) {
    const uint8_t *s;
    if (in_read(u, &s, nbytes) < 0) return -1;
    int64_t v = (int64_t)get_le(s, nbytes);
    if (nbytes == 4) v = (int32_t)(uint32_t)v;
    return push(u, MK_SMALLINT(v));
}

static int load_long_bin(Unpickler *u, int nbytes) {
    const uint8_t *s;
    if (in_read(u, &s, nbytes) < 0) return -1;
    int64_t n = nbytes == 1 ? s[0] : (int32_t)(uint32_t)get_le(s, 4);
    if (n < 0) return err_format(unpickling_error_type(), "LONG pickle has negative byte count"), -1;
    if (in_read(u, &s, n) < 0) return -1;
    return push(u, decode_long(s, n));
}

static int load_float_text(Unpickler *u) {
    const uint8_t *s;
    int64_t n;
    if (in_readline(u, &s, &n) < 0) return -1;
    double d;
    size_t used = float_parse_prefix((const char *)s, (size_t)n, &d);
    if (used == 0 || used != (size_t)n)
        return err_format(&exc_ValueError, "could not convert string to float"), -1;
    return push(u, MK_FLOAT_SAFE(d));
}

static int load_binfloat(Unpickler *u) {
    const uint8_t *s;
    if (in_read(u, &s, 8) < 0) return -1;
    uint64_t bits = 0;
    for (int i = 0; i < 8; i++) bits = (bits << 8) | s[i];
    double d;
    memcpy(&d, &bits, 8);
    return push(u, MK_FLOAT_SAFE(d));
}

/* ---- strings --------------------------------------------------------------------- */

/* A Python 2 str: bytes for encoding='bytes', else decoded. */
static Value decode_py2_string(Unpickler *u, Value bytes) {
    if (IS_NULL(bytes)) return VAL_NULL;
    if (!IS_NULL(u->encoding) && str_eq_c(u->encoding, "bytes")) return bytes;
    Value args[2] = {IS_NULL(u->encoding) ? str_intern_c("ASCII") : u->encoding,
                     IS_NULL(u->errors) ? str_intern_c("strict") : u->errors};
    return obj_call_method(bytes, "decode", args, 2);
}

static int load_string_text(Unpickler *u) {
    const uint8_t *s;
    int64_t n;
    if (in_readline(u, &s, &n) < 0) return -1;
    if (n < 2 || s[0] != s[n - 1] || (s[0] != '\'' && s[0] != '"'))
        return err_format(unpickling_error_type(), "the STRING opcode argument must be quoted"), -1;
    Value raw = bytes_new(s + 1, (size_t)(n - 2));
    Value dec = IS_NULL(raw) ? VAL_NULL : pickle_borrow("codecs", "escape_decode");
    Value r = IS_NULL(dec) ? VAL_NULL : call1(dec, raw);
    if (IS_NULL(r)) return -1;
    return push(u, decode_py2_string(u, AS_TUPLE(r)->items[0]));
}

static int load_binstring(Unpickler *u, int nbytes) {
    const uint8_t *s;
    if (in_read(u, &s, nbytes) < 0) return -1;
    int64_t n = nbytes == 1 ? s[0] : (int32_t)(uint32_t)get_le(s, 4);
    if (n < 0) return err_format(unpickling_error_type(), "BINSTRING pickle has negative byte count"), -1;
    if (in_read(u, &s, n) < 0) return -1;
    return push(u, decode_py2_string(u, bytes_new(s, (size_t)n)));
}

/* A size-prefixed payload.  Bytes and bytearray sizes near the maximum are
 * refused as the allocation CPython makes first would be. */
static int load_counted(Unpickler *u, int nbytes, const char *what, const char *too_large,
                        const uint8_t **s, int64_t *n) {
    if (read_size(u, nbytes, n, what) < 0) return -1;
    if (too_large && *n > INT64_MAX - 64) return err_format(&exc_OverflowError, "%s", too_large), -1;
    return in_read(u, s, *n);
}

static int load_bytes(Unpickler *u, int nbytes) {
    const uint8_t *s;
    int64_t n;
    if (load_counted(u, nbytes, "BINBYTES", "byte string is too large", &s, &n) < 0) return -1;
    return push(u, bytes_new(s, (size_t)n));
}

static int load_bytearray(Unpickler *u) {
    const uint8_t *s;
    int64_t n;
    if (load_counted(u, 8, "BYTEARRAY8", "bytearray is too large", &s, &n) < 0) return -1;
    return push(u, bytearray_new(s, (size_t)n));
}

static int load_unicode_bin(Unpickler *u, int nbytes) {
    const uint8_t *s;
    int64_t n;
    if (load_counted(u, nbytes, "BINUNICODE", NULL, &s, &n) < 0) return -1;
    return push(u, str_decode(s, (size_t)n, "utf-8", "surrogatepass"));
}

static int load_unicode_text(Unpickler *u) {
    const uint8_t *s;
    int64_t n;
    if (in_readline(u, &s, &n) < 0) return -1;
    return push(u, str_decode(s, (size_t)n, "raw_unicode_escape", "strict"));
}

/* ---- containers ------------------------------------------------------------------- */

static int load_tuple_n(Unpickler *u, int n) {
    if (u->sp - u->fence < n) return underflow(u);
    return push(u, pop_tuple(u, u->sp - n));
}

static int load_tuple_mark(Unpickler *u) {
    int64_t m = marker(u);
    return m < 0 ? -1 : push(u, pop_tuple(u, m));
}

static int load_list_mark(Unpickler *u) {
    int64_t m = marker(u);
    return m < 0 ? -1 : push(u, pop_list(u, m));
}

static int load_dict_mark(Unpickler *u) {
    int64_t m = marker(u);
    if (m < 0) return -1;
    if ((u->sp - m) % 2) return err_format(unpickling_error_type(), "odd number of items for DICT"), -1;
    Value d = dict_new();
    for (int64_t i = m; !IS_NULL(d) && i < u->sp; i += 2)
        if (dict_set(d, u->stack[i], u->stack[i + 1]) < 0) return -1;
    u->sp = m;
    return push(u, d);
}

static int load_frozenset(Unpickler *u) {
    int64_t m = marker(u);
    if (m < 0) return -1;
    Value items = pop_tuple(u, m);
    return IS_NULL(items) ? -1 : push(u, set_from_iterable(&type_frozenset, items));
}

/* Append the items above height x to the list below them (an exact list
 * straight from the stack, anything else through extend() or append()). */
static int do_append(Unpickler *u, int64_t x) {
    if (x > u->sp || x <= u->fence) return underflow(u);
    if (x == u->sp) return 0;
    Value list = u->stack[x - 1];
    if (IS_EXACT(list, type_list)) {
        for (int64_t i = x; i < u->sp; i++)
            if (list_append(list, u->stack[i]) < 0) return -1;
        u->sp = x;
        return 0;
    }
    Value items = pop_list(u, x);
    if (IS_NULL(items)) return -1;
    Value extend = obj_getattr_opt(list, str_intern_c("extend"));
    if (!IS_NULL(extend)) return IS_NULL(call1(extend, items)) ? -1 : 0;
    if (err_occurred()) return -1;
    Value append = obj_getattr(list, str_intern_c("append"));
    if (IS_NULL(append)) return -1;
    for (int64_t i = 0; i < AS_LIST(items)->len; i++)
        if (IS_NULL(call1(append, AS_LIST(items)->items[i]))) return -1;
    return 0;
}

static int do_setitems(Unpickler *u, int64_t x) {
    if (x > u->sp || x <= u->fence) return underflow(u);
    if (x == u->sp) return 0;
    if ((u->sp - x) % 2) return err_format(unpickling_error_type(), "odd number of items for SETITEMS"), -1;
    Value d = u->stack[x - 1];
    if (IS_EXACT(d, type_dict)) {
        for (int64_t i = x; i + 1 < u->sp; i += 2)
            if (dict_set(d, u->stack[i], u->stack[i + 1]) < 0) return -1;
        u->sp = x;
        return 0;
    }
    Value items = pop_list(u, x);
    if (IS_NULL(items)) return -1;
    for (int64_t i = 0; i + 1 < AS_LIST(items)->len; i += 2)
        if (obj_setitem(d, AS_LIST(items)->items[i], AS_LIST(items)->items[i + 1]) < 0) return -1;
    return 0;
}

static int load_additems(Unpickler *u) {
    int64_t m = marker(u);
    if (m < 0) return -1;
    if (m <= u->fence || m > u->sp) return underflow(u);
    Value s = u->stack[m - 1];
    if (IS_EXACT(s, type_set)) {
        for (int64_t i = m; i < u->sp; i++)
            if (set_add(s, u->stack[i]) < 0) return -1;
        u->sp = m;
        return 0;
    }
    Value items = pop_list(u, m);
    if (IS_NULL(items)) return -1;
    Value add = obj_getattr(s, str_intern_c("add"));
    if (IS_NULL(add)) return -1;
    for (int64_t i = 0; i < AS_LIST(items)->len; i++)
        if (IS_NULL(call1(add, AS_LIST(items)->items[i]))) return -1;
    return 0;
}

/* ---- globals and objects ------------------------------------------------------------ */

static int compat_names(Value *module, Value *name) {
    Value names = pickle_borrow("_compat_pickle", "NAME_MAPPING");
    Value imports = pickle_borrow("_compat_pickle", "IMPORT_MAPPING");
    if (IS_NULL(names) || IS_NULL(imports)) return -1;
    Value key = tuple_pack(2, *module, *name);
    Value item = IS_NULL(key) ? VAL_NULL : dict_get(names, key);
    if (!IS_NULL(item)) {
        if (!IS_TUPLE(item) || AS_TUPLE(item)->len != 2)
            return err_format(&exc_RuntimeError, "_compat_pickle.NAME_MAPPING values should be 2-tuples, not %.200s",
                              val_type_name(item)), -1;
        Value m = AS_TUPLE(item)->items[0], n = AS_TUPLE(item)->items[1];
        if (!IS_STR(m) || !IS_STR(n))
            return err_format(&exc_RuntimeError, "_compat_pickle.NAME_MAPPING values should be pairs of str, not (%.200s, %.200s)",
                              val_type_name(m), val_type_name(n)), -1;
        *module = m;
        *name = n;
        return 0;
    }
    if (err_occurred()) return -1;
    item = dict_get(imports, *module);
    if (IS_NULL(item)) return err_occurred() ? -1 : 0;
    if (!IS_STR(item))
        return err_format(&exc_RuntimeError, "_compat_pickle.IMPORT_MAPPING values should be strings, not %.200s",
                          val_type_name(item)), -1;
    *module = item;
    return 0;
}

static Value find_class_impl(Unpickler *u, Value module_name, Value name) {
    if (audit_active() && audit("pickle.find_class", "OO", module_name, name) < 0) return VAL_NULL;
    if (u->proto < 3 && u->fix_imports && compat_names(&module_name, &name) < 0) return VAL_NULL;
    Value module = import_module(module_name);
    if (IS_NULL(module)) return VAL_NULL;
    if (u->proto < 4) return obj_getattr(module, name);
    Value parts = obj_call_method(name, "split", (Value[]){str_intern_c(".")}, 1);
    if (IS_NULL(parts)) return VAL_NULL;
    Value obj = module;
    for (int64_t i = 0; i < AS_LIST(parts)->len; i++) {
        if (str_eq_c(AS_LIST(parts)->items[i], "<locals>"))
            return err_format(&exc_AttributeError, "Can't get local attribute %R on %R", name, module);
    }
    for (int64_t i = 0; i < AS_LIST(parts)->len && !IS_NULL(obj); i++)
        obj = obj_getattr(obj, AS_LIST(parts)->items[i]);
    return obj;
}

static Value find_class(Unpickler *u, Value module_name, Value name) {
    if (u->custom_find_class) {
        Value args[2] = {module_name, name};
        return obj_call_method(MK_OBJ(u), "find_class", args, 2);
    }
    return find_class_impl(u, module_name, name);
}

static Value line_str(Unpickler *u) {
    const uint8_t *s;
    int64_t n;
    if (in_readline(u, &s, &n) < 0) return VAL_NULL;
    return str_decode(s, (size_t)n, "utf-8", "strict");
}

static int load_global(Unpickler *u) {
    Value module = line_str(u);
    Value name = IS_NULL(module) ? VAL_NULL : line_str(u);
    if (IS_NULL(name)) return -1;
    return push(u, find_class(u, module, name));
}

static int load_stack_global(Unpickler *u) {
    Value name = pop(u);
    Value module = IS_NULL(name) ? VAL_NULL : pop(u);
    if (IS_NULL(module)) return -1;
    if (!IS_EXACT(module, type_str) || !IS_EXACT(name, type_str))
        return err_format(unpickling_error_type(), "STACK_GLOBAL requires str"), -1;
    return push(u, find_class(u, module, name));
}

/* cls(*args), or cls.__new__(cls) for an empty args without __getinitargs__. */
static Value instantiate(Value cls, Value args) {
    if (AS_TUPLE(args)->len == 0 && IS_TYPE(cls)) {
        Value f = obj_getattr_opt(cls, str_intern_c("__getinitargs__"));
        if (IS_NULL(f)) {
            if (err_occurred()) return VAL_NULL;
            return obj_call_method(cls, "__new__", &cls, 1);
        }
    }
    return call_tuple_dict(cls, args, VAL_NULL);
}

static int load_inst(Unpickler *u) {
    int64_t m = marker(u);
    if (m < 0) return -1;
    Value module = line_str(u);
    Value name = IS_NULL(module) ? VAL_NULL : line_str(u);
    Value cls = IS_NULL(name) ? VAL_NULL : find_class(u, module, name);
    Value args = IS_NULL(cls) ? VAL_NULL : pop_tuple(u, m);
    return IS_NULL(args) ? -1 : push(u, instantiate(cls, args));
}

static int load_obj(Unpickler *u) {
    int64_t m = marker(u);
    if (m < 0) return -1;
    if (u->sp - m < 1) return underflow(u);
    Value args = pop_tuple(u, m + 1);
    Value cls = IS_NULL(args) ? VAL_NULL : pop(u);
    return IS_NULL(cls) ? -1 : push(u, instantiate(cls, args));
}

static int load_newobj(Unpickler *u, int ex) {
    const char *op = ex ? "NEWOBJ_EX" : "NEWOBJ";
    Value kwargs = ex ? pop(u) : VAL_NONE;
    Value args = IS_NULL(kwargs) ? VAL_NULL : pop(u);
    Value cls = IS_NULL(args) ? VAL_NULL : pop(u);
    if (IS_NULL(cls)) return -1;
    if (!IS_TYPE(cls))
        return err_format(unpickling_error_type(), "%s class argument must be a type, not %.200s", op,
                          val_type_name(cls)), -1;
    Value newfn = type_lookup_c(AS_TYPE(cls), "__new__");
    if (IS_NULL(newfn) || IS_NONE(newfn))
        return err_format(unpickling_error_type(), "%s class argument '%.200s' doesn't have __new__", op,
                          type_name(AS_TYPE(cls))), -1;
    if (!IS_TUPLE(args))
        return err_format(unpickling_error_type(), "%s args argument must be a tuple, not %.200s", op,
                          val_type_name(args)), -1;
    if (ex && !IS_DICT(kwargs))
        return err_format(unpickling_error_type(), "%s kwargs argument must be a dict, not %.200s", op,
                          val_type_name(kwargs)), -1;
    Value fn = obj_getattr(cls, str_intern_c("__new__"));
    if (IS_NULL(fn)) return -1;
    int64_t n = AS_TUPLE(args)->len;
    Value full = tuple_new(n + 1);
    if (IS_NULL(full)) return -1;
    AS_TUPLE(full)->items[0] = cls;
    for (int64_t i = 0; i < n; i++) AS_TUPLE(full)->items[i + 1] = AS_TUPLE(args)->items[i];
    return push(u, call_tuple_dict(fn, full, ex ? kwargs : VAL_NULL));
}

static int load_reduce(Unpickler *u) {
    Value args = pop(u);
    Value fn = IS_NULL(args) ? VAL_NULL : pop(u);
    if (IS_NULL(fn)) return -1;
    if (!IS_TUPLE(args)) return err_format(&exc_TypeError, "argument list must be a tuple"), -1;
    return push(u, call_tuple_dict(fn, args, VAL_NULL));
}

static int set_state_items(Value inst, Value state, int as_attrs) {
    int64_t pos = 0;
    Value k, v;
    Value dict = VAL_NULL;
    if (!as_attrs) {
        dict = obj_getattr(inst, str_intern_c("__dict__"));
        if (IS_NULL(dict)) return -1;
    }
    while (dict_next(state, &pos, &k, &v)) {
        if (IS_EXACT(k, type_str)) k = str_intern(k);
        if ((as_attrs ? obj_setattr(inst, k, v) : obj_setitem(dict, k, v)) < 0) return -1;
    }
    return 0;
}

static int load_build(Unpickler *u) {
    Value state = pop(u);
    if (IS_NULL(state)) return -1;
    Value *inst = top(u);
    if (!inst) return -1;
    Value setstate = obj_getattr_opt(*inst, str_intern_c("__setstate__"));
    if (!IS_NULL(setstate)) return IS_NULL(call1(setstate, state)) ? -1 : 0;
    if (err_occurred()) return -1;
    Value slotstate = VAL_NULL;
    if (IS_TUPLE(state) && AS_TUPLE(state)->len == 2) {
        slotstate = AS_TUPLE(state)->items[1];
        state = AS_TUPLE(state)->items[0];
    }
    if (!IS_NONE(state)) {
        if (!IS_DICT(state)) return err_format(unpickling_error_type(), "state is not a dictionary"), -1;
        if (set_state_items(*inst, state, 0) < 0) return -1;
    }
    if (!IS_NULL(slotstate) && !IS_NONE(slotstate)) {
        if (!IS_DICT(slotstate)) return err_format(unpickling_error_type(), "slot state is not a dictionary"), -1;
        if (set_state_items(*inst, slotstate, 1) < 0) return -1;
    }
    return 0;
}

/* ---- memo, persistent ids, extensions, buffers -------------------------------------- */

static int load_get_text(Unpickler *u) {
    const uint8_t *s;
    int64_t n, idx;
    if (in_readline(u, &s, &n) < 0) return -1;
    Value k = line_to_int(s, n, 10);
    if (IS_NULL(k) || int_to_i64(k, &idx) < 0) return -1;
    return push(u, memo_get(u, idx));
}

static int load_get_bin(Unpickler *u, int nbytes) {
    const uint8_t *s;
    if (in_read(u, &s, nbytes) < 0) return -1;
    return push(u, memo_get(u, (int64_t)get_le(s, nbytes)));
}

static int load_put_text(Unpickler *u) {
    const uint8_t *s;
    int64_t n, idx;
    if (in_readline(u, &s, &n) < 0) return -1;
    Value k = line_to_int(s, n, 10);
    if (IS_NULL(k) || int_to_i64(k, &idx) < 0) return -1;
    Value *t = top(u);
    if (!t) return -1;
    if (idx < 0) return err_format(&exc_ValueError, "negative PUT argument"), -1;
    return memo_put(u, idx, *t);
}

static int load_put_bin(Unpickler *u, int nbytes) {
    const uint8_t *s;
    if (in_read(u, &s, nbytes) < 0) return -1;
    Value *t = top(u);
    if (!t) return -1;
    return memo_put(u, (int64_t)get_le(s, nbytes), *t);
}

static int load_memoize(Unpickler *u) {
    Value *t = top(u);
    return t ? memo_put(u, u->memo_len, *t) : -1;
}

static int persistent_load(Unpickler *u, Value pid) {
    if (IS_NULL(u->pers_load))
        return err_format(unpickling_error_type(),
                          "A load persistent id instruction was encountered,\nbut no persistent_load function was specified."), -1;
    return push(u, call1(u->pers_load, pid));
}

static int load_persid(Unpickler *u, int bin) {
    if (bin) {
        Value pid = pop(u);
        return IS_NULL(pid) ? -1 : persistent_load(u, pid);
    }
    const uint8_t *s;
    int64_t n;
    if (in_readline(u, &s, &n) < 0) return -1;
    for (int64_t i = 0; i < n; i++)
        if (s[i] & 0x80)
            return err_format(unpickling_error_type(), "persistent IDs in protocol 0 must be ASCII strings"), -1;
    Value pid = str_new((const char *)s, (size_t)n);
    return IS_NULL(pid) ? -1 : persistent_load(u, pid);
}

static int load_ext(Unpickler *u, int nbytes) {
    const uint8_t *s;
    if (in_read(u, &s, nbytes) < 0) return -1;
    int64_t code = (int64_t)get_le(s, nbytes);
    if (code <= 0) return err_format(unpickling_error_type(), "EXT specifies code <= 0"), -1;
    Value cache = pickle_borrow("copyreg", "_extension_cache");
    Value inverted = IS_NULL(cache) ? VAL_NULL : pickle_borrow("copyreg", "_inverted_registry");
    if (IS_NULL(inverted)) return -1;
    Value key = int_from_i64(code);
    Value obj = dict_get(cache, key);
    if (!IS_NULL(obj)) return push(u, obj);
    if (err_occurred()) return -1;
    Value pair = dict_get(inverted, key);
    if (IS_NULL(pair)) {
        if (err_occurred()) return -1;
        return err_format(&exc_ValueError, "unregistered extension code %lld", (long long)code), -1;
    }
    if (!IS_TUPLE(pair) || AS_TUPLE(pair)->len != 2 || !IS_STR(AS_TUPLE(pair)->items[0]) ||
        !IS_STR(AS_TUPLE(pair)->items[1]))
        return err_format(&exc_ValueError, "_inverted_registry[%lld] isn't a 2-tuple of strings", (long long)code), -1;
    obj = find_class(u, AS_TUPLE(pair)->items[0], AS_TUPLE(pair)->items[1]);
    if (IS_NULL(obj) || dict_set(cache, key, obj) < 0) return -1;
    return push(u, obj);
}

static int load_next_buffer(Unpickler *u) {
    if (IS_NULL(u->buffers))
        return err_format(unpickling_error_type(),
                          "pickle stream refers to out-of-band data but no *buffers* argument was given"), -1;
    Value b = obj_next(u->buffers);
    if (IS_NULL(b)) {
        if (!err_occurred()) err_format(unpickling_error_type(), "not enough out-of-band buffers");
        return -1;
    }
    return push(u, b);
}

static int load_readonly_buffer(Unpickler *u) {
    Value *t = top(u);
    if (!t) return -1;
    Value mv = pickle_borrow("builtins", "memoryview");
    Value view = IS_NULL(mv) ? VAL_NULL : call1(mv, *t);
    if (IS_NULL(view)) return -1;
    Value ro = obj_getattr(view, str_intern_c("readonly"));
    if (IS_NULL(ro)) return -1;
    if (ro == VAL_TRUE) return 0;
    Value r = obj_call_method(view, "toreadonly", NULL, 0);
    if (IS_NULL(r)) return -1;
    *t = r;
    return 0;
}

static int load_frame(Unpickler *u) {
    int64_t n;
    const uint8_t *s;
    if (read_size(u, 8, &n, "FRAME length") < 0) return -1;
    if (in_read(u, &s, n) < 0) return -1;
    u->pos -= n;      /* the frame's bytes stay in the buffer, unread */
    return 0;
}

static int load_proto(Unpickler *u) {
    const uint8_t *s;
    if (in_read(u, &s, 1) < 0) return -1;
    if (s[0] > PICKLE_HIGHEST_PROTOCOL) return err_format(&exc_ValueError, "unsupported pickle protocol: %d", s[0]), -1;
    u->proto = s[0];
    return 0;
}

static int load_pop(Unpickler *u) {
    if (u->nmarks > 0 && u->marks[u->nmarks - 1] == u->sp) {
        marker(u);
        return 0;
    }
    return IS_NULL(pop(u)) ? -1 : 0;
}

static int load_dup(Unpickler *u) {
    Value *t = top(u);
    return t ? push(u, *t) : -1;
}

static int load_pop_mark(Unpickler *u) {
    int64_t m = marker(u);
    if (m < 0) return -1;
    u->sp = m;
    return 0;
}

static int bad_opcode(uint8_t c) {
    if (c >= 0x20 && c <= 0x7e && c != '\'' && c != '\\')
        err_format(unpickling_error_type(), "invalid load key, '%c'.", c);
    else
        err_format(unpickling_error_type(), "invalid load key, '\\x%02x'.", c);
    return -1;
}

/* One opcode; 1 at STOP. */
static int load_op(Unpickler *u, uint8_t op) {
    switch (op) {
    case OP_NONE: return push(u, VAL_NONE);
    case OP_NEWTRUE: return push(u, VAL_TRUE);
    case OP_NEWFALSE: return push(u, VAL_FALSE);
    case OP_INT: return load_int(u);
    case OP_BININT: return load_binint(u, 4);
    case OP_BININT1: return load_binint(u, 1);
    case OP_BININT2: return load_binint(u, 2);
    case OP_LONG: return load_long_text(u);
    case OP_LONG1: return load_long_bin(u, 1);
    case OP_LONG4: return load_long_bin(u, 4);
    case OP_FLOAT: return load_float_text(u);
    case OP_BINFLOAT: return load_binfloat(u);
    case OP_STRING: return load_string_text(u);
    case OP_BINSTRING: return load_binstring(u, 4);
    case OP_SHORT_BINSTRING: return load_binstring(u, 1);
    case OP_BINBYTES: return load_bytes(u, 4);
    case OP_SHORT_BINBYTES: return load_bytes(u, 1);
    case OP_BINBYTES8: return load_bytes(u, 8);
    case OP_BYTEARRAY8: return load_bytearray(u);
    case OP_UNICODE: return load_unicode_text(u);
    case OP_BINUNICODE: return load_unicode_bin(u, 4);
    case OP_SHORT_BINUNICODE: return load_unicode_bin(u, 1);
    case OP_BINUNICODE8: return load_unicode_bin(u, 8);
    case OP_EMPTY_TUPLE: return push(u, tuple_empty());
    case OP_TUPLE1: return load_tuple_n(u, 1);
    case OP_TUPLE2: return load_tuple_n(u, 2);
    case OP_TUPLE3: return load_tuple_n(u, 3);
    case OP_TUPLE: return load_tuple_mark(u);
    case OP_EMPTY_LIST: return push(u, list_new(0));
    case OP_LIST: return load_list_mark(u);
    case OP_EMPTY_DICT: return push(u, dict_new());
    case OP_DICT: return load_dict_mark(u);
    case OP_EMPTY_SET: return push(u, set_new(&type_set));
    case OP_FROZENSET: return load_frozenset(u);
    case OP_ADDITEMS: return load_additems(u);
    case OP_APPEND: return do_append(u, u->sp - 1);
    case OP_APPENDS: { int64_t m = marker(u); return m < 0 ? -1 : do_append(u, m); }
    case OP_SETITEM: return do_setitems(u, u->sp - 2);
    case OP_SETITEMS: { int64_t m = marker(u); return m < 0 ? -1 : do_setitems(u, m); }
    case OP_GLOBAL: return load_global(u);
    case OP_STACK_GLOBAL: return load_stack_global(u);
    case OP_INST: return load_inst(u);
    case OP_OBJ: return load_obj(u);
    case OP_NEWOBJ: return load_newobj(u, 0);
    case OP_NEWOBJ_EX: return load_newobj(u, 1);
    case OP_REDUCE: return load_reduce(u);
    case OP_BUILD: return load_build(u);
    case OP_MARK: return push_mark(u);
    case OP_POP: return load_pop(u);
    case OP_POP_MARK: return load_pop_mark(u);
    case OP_DUP: return load_dup(u);
    case OP_GET: return load_get_text(u);
    case OP_BINGET: return load_get_bin(u, 1);
    case OP_LONG_BINGET: return load_get_bin(u, 4);
    case OP_PUT: return load_put_text(u);
    case OP_BINPUT: return load_put_bin(u, 1);
    case OP_LONG_BINPUT: return load_put_bin(u, 4);
    case OP_MEMOIZE: return load_memoize(u);
    case OP_PERSID: return load_persid(u, 0);
    case OP_BINPERSID: return load_persid(u, 1);
    case OP_EXT1: return load_ext(u, 1);
    case OP_EXT2: return load_ext(u, 2);
    case OP_EXT4: return load_ext(u, 4);
    case OP_NEXT_BUFFER: return load_next_buffer(u);
    case OP_READONLY_BUFFER: return load_readonly_buffer(u);
    case OP_FRAME: return load_frame(u);
    case OP_PROTO: return load_proto(u);
    case OP_STOP: return 1;
    default: return bad_opcode(op);
    }
}

static Value unpickler_run(Unpickler *u) {
    u->sp = u->fence = u->nmarks = 0;
    u->proto = 0;
    u->pers_load = VAL_NULL;
    if (u->header.type != &type_unpickler || !IS_NULL(u->dict)) {
        u->pers_load = obj_getattr_opt(MK_OBJ(u), str_intern_c("persistent_load"));
        if (IS_NULL(u->pers_load) && err_occurred()) return VAL_NULL;
    }
    for (;;) {
        const uint8_t *s;
        if (in_read(u, &s, 1) < 0) {
            if (err_matches(unpickling_error_type())) {
                err_clear();
                err_format(&exc_EOFError, "Ran out of input");
            }
            break;
        }
        int r = load_op(u, s[0]);
        if (r < 0) break;
        if (r == 1) {
            Value v = pop(u);
            u->sp = 0;
            u->pers_load = VAL_NULL;
            return v;
        }
    }
    u->sp = 0;
    u->pers_load = VAL_NULL;
    return VAL_NULL;
}

/* ---- construction and the module-level helpers --------------------------------------- */

static Value unpickler_alloc(Type *t) {
    Unpickler *u = (Unpickler *)obj_new_instance(t);
    if (!u) return VAL_NULL;
    u->read = u->readline = u->input = u->buffers = u->pers_load = VAL_NULL;
    u->stack = u->small_stack;
    u->scap = sizeof u->small_stack / sizeof(Value);
    u->encoding = u->errors = u->memo_far = VAL_NULL;
    return MK_OBJ(u);
}

static int unpickler_setup(Unpickler *u, int fix, Value encoding, Value errors, Value buffers) {
    u->fix_imports = fix;
    u->encoding = encoding;      /* VAL_NULL: 'ASCII' */
    u->errors = errors;          /* VAL_NULL: 'strict' */
    if (!IS_NULL(encoding) && !IS_STR(u->encoding))
        return err_format(&exc_TypeError, "argument 'encoding' must be str, not %.50s", val_type_name(u->encoding)), -1;
    if (!IS_NULL(errors) && !IS_STR(u->errors))
        return err_format(&exc_TypeError, "argument 'errors' must be str, not %.50s", val_type_name(u->errors)), -1;
    u->buffers = VAL_NULL;
    if (!IS_NULL(buffers) && !IS_NONE(buffers)) {
        u->buffers = obj_iter(buffers);
        if (IS_NULL(u->buffers)) return -1;
    }
    u->custom_find_class = u->header.type != &type_unpickler &&
                           type_lookup_c(u->header.type, "find_class") != type_lookup_c(&type_unpickler, "find_class");
    return 0;
}

static int set_file(Unpickler *u, Value file) {
    u->read = obj_getattr_opt(file, str_intern_c("read"));
    if (IS_NULL(u->read) && err_occurred()) return -1;
    u->readline = obj_getattr_opt(file, str_intern_c("readline"));
    if (IS_NULL(u->readline) && err_occurred()) return -1;
    if (IS_NULL(u->read) || IS_NULL(u->readline))
        return err_format(&exc_TypeError, "file must have 'read' and 'readline' attributes"), -1;
    u->input = VAL_NULL;
    u->buf = NULL;
    u->len = u->pos = 0;
    return 0;
}

Value unpickler_loads(Value data, int fix, Value encoding, Value errors, Value buffers) {
    Value uv = unpickler_alloc(&type_unpickler);
    if (IS_NULL(uv)) return VAL_NULL;
    Unpickler *u = (Unpickler *)AS_OBJ(uv);
    if (unpickler_setup(u, fix, encoding, errors, buffers) < 0) return VAL_NULL;
    if (!IS_EXACT(data, type_bytes)) {
        const uint8_t *d;
        int64_t n;
        if (IS_STR(data) || !buffer_check(data))
            return err_format(&exc_TypeError, "a bytes-like object is required, not '%T'", data);
        if (bytes_view(data, &d, &n) < 0) return VAL_NULL;
        data = bytes_new(d, (size_t)n);
        if (IS_NULL(data)) return VAL_NULL;
    }
    if (set_input(u, data) < 0) return VAL_NULL;
    return unpickler_run(u);
}

Value unpickler_load_from(Value file, int fix, Value encoding, Value errors, Value buffers) {
    Value uv = unpickler_alloc(&type_unpickler);
    if (IS_NULL(uv)) return VAL_NULL;
    Unpickler *u = (Unpickler *)AS_OBJ(uv);
    if (unpickler_setup(u, fix, encoding, errors, buffers) < 0 || set_file(u, file) < 0) return VAL_NULL;
    return unpickler_run(u);
}

/* ---- the Unpickler type ------------------------------------------------------------------ */

static Value unpickler_new_m(Value *args, int nargs, Value kwnames) { return unpickler_alloc(AS_TYPE(args[0])); }

/* __init__(self, file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=()) */
static Value unpickler_init_m(Value *args, int nargs, Value kwnames) {
    Unpickler *u = SELF;
    int fix = 1;
    if (!IS_NULL(args[2]) && (fix = obj_truthy(args[2])) < 0) return VAL_NULL;
    if (set_file(u, args[1]) < 0 || unpickler_setup(u, fix, args[3], args[4], args[5]) < 0) return VAL_NULL;
    unpickler_memo_clear(args[0]);
    u->inited = 1;
    return VAL_NONE;
}

static Value unpickler_load_m(Value *args, int nargs, Value kwnames) {
    Unpickler *u = SELF;
    if (!u->inited || IS_NULL(u->read))
        return err_format(unpickling_error_type(), "Unpickler.__init__() was not called by %s.__init__()",
                          val_type_name(args[0]));
    return unpickler_run(u);
}

static Value unpickler_find_class_m(Value *args, int nargs, Value kwnames) {
    return find_class_impl(SELF, args[1], args[2]);
}

static Value unpickler_sizeof_m(Value *args, int nargs, Value kwnames) {
    Unpickler *u = SELF;
    return int_from_i64((int64_t)sizeof(Unpickler) + (u->memo_cap + u->scap) * (int64_t)sizeof(Value) +
                        u->mcap * (int64_t)sizeof(int64_t));
}

static const MethodDef unpickler_methods[] = {
    {"__new__", unpickler_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", unpickler_init_m, ARGS_KW, NULL,
     "($self, /, file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())"},
    {"load", unpickler_load_m, ARGS_NONE, "Load a pickle."},
    {"find_class", unpickler_find_class_m, ARGS_POS(2, 2), "Return an object from a specified module."},
    {"__sizeof__", unpickler_sizeof_m, ARGS_NONE, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static Value unpickler_get_memo(Value self) { return memo_proxy_new(self, 1); }
static int unpickler_set_memo(Value self, Value v) {
    if (IS_NULL(v)) return err_format(&exc_TypeError, "attribute deletion is not supported"), -1;
    return memo_assign((Unpickler *)AS_OBJ(self), v);
}

static const GetSetDef unpickler_getsets[] = {
    {"memo", unpickler_get_memo, unpickler_set_memo, NULL},
    {NULL, NULL, NULL, NULL},
};

static void unpickler_trace(Obj *o) {
    Unpickler *u = (Unpickler *)o;
    gc_mark_value(u->dict);
    gc_mark_value(u->read);
    gc_mark_value(u->readline);
    gc_mark_value(u->input);
    gc_mark_value(u->encoding);
    gc_mark_value(u->errors);
    gc_mark_value(u->buffers);
    gc_mark_value(u->pers_load);
    gc_mark_value(u->memo_far);
    if (u->stack) gc_mark_values(u->stack, (size_t)u->sp);
    for (int64_t i = 0; i < u->memo_cap; i++)
        if (!IS_NULL(u->memo[i])) gc_mark_value(u->memo[i]);
}

static void unpickler_finalize(Obj *o) {
    Unpickler *u = (Unpickler *)o;
    if (u->stack != u->small_stack) free(u->stack);
    free(u->marks);
    free(u->memo);
    u->stack = u->small_stack;
    u->memo = NULL;
    u->marks = NULL;
}

Type type_unpickler = {
    .tp_name = "_pickle.Unpickler", .base = &type_object,
    .flags = TF_BASETYPE | TF_HAS_DICT,
    .basicsize = sizeof(Unpickler), .dictoffset = offsetof(Unpickler, dict),
    .trace = unpickler_trace, .finalize = unpickler_finalize,
    .methods = unpickler_methods, .getsets = unpickler_getsets,
};
GILPY_TYPE(type_unpickler, NULL);
