/* serialize.c - gilpy's versioned binary serialization (pickle's engine).
 *
 * Format: the header "GPK" + one version byte (SER_VERSION), then exactly one
 * value; nothing may follow it.  A value is a one-byte tag and its payload.
 * Integers in the payload are little-endian; N is a u32 count or length.
 *
 *   'N' None   'T' True   'F' False   'E' Ellipsis   'n' NotImplemented
 *   'i' i64                       small int
 *   'I' u8 sign, N, N bytes       big int: magnitude, most significant first
 *   'f' 8 bytes                   float (IEEE 754 binary64)
 *   's' N, N bytes UTF-8          str          'b' / 'a'  bytes / bytearray
 *   't' N, N values               tuple        'l' list     'S' set
 *   'Z' N, N values               frozenset    'd' N, 2N values (key, value)
 *   'g' N module, N qualname      a global: class, function, builtin
 *   'm' value, value              a bound method: receiver, name (str)
 *   'e' class, args, attrs        exception: cls(*args), then attrs (dict/None)
 *   'o' class, state              instance: cls.__new__(cls), then
 *                                 __setstate__(state) or __dict__.update(state)
 *   'O' class, base, state        instance of a subclass of a builtin type:
 *                                 base is the builtin value (tuple, list...)
 *   'R' callable, args, state     __reduce__ result: callable(*args), then state
 *                                 (written by older versions; still read)
 *   'X' kind [callable] args listitems dictitems state_setter state
 *                                 the full reduce protocol (2- to 6-tuples): kind
 *                                 'c' callable(*args), 'n' copyreg.__newobj__
 *                                 (args[0].__new__(*args)), 'x' __newobj_ex__
 *                                 (cls.__new__(cls, *args, **kwargs)); then
 *                                 listitems (a list or None: extend/append),
 *                                 dictitems (a list of pairs or None: obj[k] =
 *                                 v), and the state: state_setter(obj, state)
 *                                 or __setstate__ or the __dict__ (with a
 *                                 (dict, slots) pair, the slots by setattr)
 *   'r' N                         the N-th memoized object (shared refs, cycles)
 *
 * Memo: writer and reader number the same objects in the same order.  list,
 * dict, set, bytearray and 'o'/'O' instances are numbered as soon as they are
 * created (so cycles through them work); tuple, frozenset, 'e' and 'R' once
 * their arguments are complete (a cycle back through them is an error, as in
 * pickle for tuples).  The writer keeps every memoized object alive in a list
 * so an address is never reused while it is in the table.
 *
 * The reader trusts nothing: each length or count is checked against the
 * bytes left before anything is allocated, nesting is bounded, every str must
 * be valid UTF-8, and a class or callable must really be one.
 *
 * Depth.  The writer counts recursion levels as CPython's pickler does (one
 * per value, one more for the items of a non-empty list or dict: its
 * batch_list/batch_dict), with the interpreter's recursion counter, so the
 * same data is too deep for both.  The reader is bounded by the C stack.
 */
#include <stdio.h>
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serialize.h"
#include "call.h"
#include "error.h"
#include "gc.h"
#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_float.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_misc.h"
#include "obj_str.h"
#include "obj_type.h"
#include "state.h"
#include "strbuf.h"

#define SER_MAX_LOAD_DEPTH 100000     /* and the C stack must hold (r_value) */
#define SER_RECURSION " while pickling an object"
#define SER_MAGIC "GPK"

static Type *ser_pickling_error, *ser_unpickling_error;
static Value (*ser_import)(Value name);

void ser_set_hooks(Type *pickling_error, Type *unpickling_error, Value (*import)(Value name)) {
    ser_pickling_error = pickling_error;
    ser_unpickling_error = unpickling_error;
    ser_import = import;
}

static Type *ser_perr(void) { return ser_pickling_error ? ser_pickling_error : &exc_ValueError; }
static Type *ser_uerr(void) { return ser_unpickling_error ? ser_unpickling_error : &exc_ValueError; }

/* ---------------------------------------------------------------- globals */

/* The object a module + dotted qualname names, or VAL_NULL (error set). */
static Value ser_find_global(Value module, Value qualname) {
    if (!IS_DICT(interp.modules)) return err_format(&exc_ModuleNotFoundError, "No module named %R", module);
    Value mod = dict_get(interp.modules, module);
    if (IS_NULL(mod)) {
        if (err_occurred()) return VAL_NULL;
        if (!ser_import) return err_format(&exc_ModuleNotFoundError, "No module named %R", module);
        mod = ser_import(module);
        if (IS_NULL(mod)) return VAL_NULL;
    }
    const char *s = STR_DATA(qualname);
    size_t n = STR_LEN(qualname), start = 0;
    Value cur = mod;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '.') continue;
        cur = obj_getattr(cur, str_new(s + start, i - start));
        if (IS_NULL(cur)) return VAL_NULL;
        start = i + 1;
    }
    return cur;
}

/* ---------------------------------------------------------------- writer */

typedef struct Writer {
    StrBuf sb;
    uintptr_t *keys;        /* open addressing: object address -> index+1 */
    uint32_t *vals;
    size_t cap, count;
    Value keep;             /* list: every memoized object, kept alive */
} Writer;

static int w_put(Writer *w, const void *p, size_t n) { return sb_put(&w->sb, (const char *)p, n); }
static int w_tag(Writer *w, char t) { return sb_putc(&w->sb, t); }

static int w_u32(Writer *w, uint64_t n) {
    if (n > UINT32_MAX) { err_format(ser_perr(), "object too large to serialize"); return -1; }
    uint8_t b[4] = {(uint8_t)n, (uint8_t)(n >> 8), (uint8_t)(n >> 16), (uint8_t)(n >> 24)};
    return w_put(w, b, 4);
}

static int w_u64(Writer *w, uint64_t n) {
    uint8_t b[8];
    for (int i = 0; i < 8; i++) b[i] = (uint8_t)(n >> (8 * i));
    return w_put(w, b, 8);
}

static int w_blob(Writer *w, char tag, const void *p, size_t n) {
    if (w_tag(w, tag) < 0 || w_u32(w, n) < 0) return -1;
    return w_put(w, p, n);
}

static size_t w_slot(Writer *w, uintptr_t key) {
    size_t i = (key >> 4) * 0x9E3779B97F4A7C15ull & (w->cap - 1);
    while (w->keys[i] && w->keys[i] != key) i = (i + 1) & (w->cap - 1);
    return i;
}

/* The memo index of o, or -1 when o is not memoized. */
static int64_t w_memo_get(Writer *w, Value o) {
    if (!w->cap) return -1;
    size_t i = w_slot(w, (uintptr_t)AS_OBJ(o));
    return w->keys[i] ? (int64_t)w->vals[i] : -1;
}

static int w_memo_grow(Writer *w) {
    size_t oldcap = w->cap, ncap = oldcap ? oldcap * 2 : 64;
    uintptr_t *ok = w->keys;
    uint32_t *ov = w->vals;
    w->keys = calloc(ncap, sizeof *w->keys);
    w->vals = calloc(ncap, sizeof *w->vals);
    if (!w->keys || !w->vals) { err_no_memory(); return -1; }
    w->cap = ncap;
    for (size_t i = 0; i < oldcap; i++)
        if (ok[i]) { size_t j = w_slot(w, ok[i]); w->keys[j] = ok[i]; w->vals[j] = ov[i]; }
    free(ok);
    free(ov);
    return 0;
}

static int w_memo_put(Writer *w, Value o) {
    if ((w->count + 1) * 2 > w->cap && w_memo_grow(w) < 0) return -1;
    size_t i = w_slot(w, (uintptr_t)AS_OBJ(o));
    w->keys[i] = (uintptr_t)AS_OBJ(o);
    w->vals[i] = (uint32_t)w->count++;
    return list_append(w->keep, o);
}

static int w_value(Writer *w, Value v);

static int w_items(Writer *w, char tag, const Value *items, int64_t n) {
    if (w_tag(w, tag) < 0 || w_u32(w, (uint64_t)n) < 0) return -1;
    int batch = tag == 'l' && n > 0;      /* CPython's batch_list counts a level */
    if (batch && obj_enter_recursion(SER_RECURSION) < 0) return -1;
    int rc = 0;
    for (int64_t i = 0; i < n && rc == 0; i++) rc = w_value(w, items[i]);
    if (batch) obj_leave_recursion();
    return rc;
}

static int w_bigint(Writer *w, Value v) {
    mpz_t z;
    mpz_init(z);
    int_to_mpz(v, z);
    size_t n = 0;
    uint8_t *mag = mpz_export(NULL, &n, 1, 1, 1, 0, z);
    int rc = w_tag(w, 'I') < 0 || sb_putc(&w->sb, (char)(mpz_sgn(z) < 0)) < 0 || w_u32(w, n) < 0 ||
             w_put(w, mag, n) < 0 ? -1 : 0;
    free(mag);
    mpz_clear(z);
    return rc;
}

static int w_int(Writer *w, Value v) {
    int64_t i;
    if (IS_SMALLINT(v)) i = AS_SMALLINT(v);
    else if (int_bit_length(v) >= 63) return w_bigint(w, v);
    else if (int_to_i64(v, &i) < 0) return -1;
    return w_tag(w, 'i') < 0 ? -1 : w_u64(w, (uint64_t)i);
}

static int w_dict(Writer *w, Value d) {
    if (w_memo_put(w, d) < 0 || w_tag(w, 'd') < 0 || w_u32(w, (uint64_t)dict_len(d)) < 0) return -1;
    if (dict_len(d) == 0) return 0;
    if (obj_enter_recursion(SER_RECURSION) < 0) return -1;    /* batch_dict's level */
    int64_t pos = 0;
    Value k, v;
    int rc = 0;
    while (rc == 0 && dict_next(d, &pos, &k, &v))
        rc = w_value(w, k) < 0 || w_value(w, v) < 0 ? -1 : 0;
    obj_leave_recursion();
    return rc;
}

static int w_set(Writer *w, Value s, char tag) {
    Value items = list_new(set_len(s));
    int64_t pos = 0;
    Value k;
    while (set_next(s, &pos, &k))
        if (list_append(items, k) < 0) return -1;
    if (tag == 'S' && w_memo_put(w, s) < 0) return -1;
    if (w_items(w, tag, AS_LIST(items)->items, AS_LIST(items)->len) < 0) return -1;
    return tag == 'Z' ? w_memo_put(w, s) : 0;
}

/* A class or function written by reference, checked the way pickle checks;
 * `name` is the name a __reduce__ gave (VAL_NULL: the object's qualname). */
static int w_global_named(Writer *w, Value v, Value name) {
    Value module = obj_getattr_c(v, "__module__");
    if (IS_NULL(module)) { err_clear(); module = VAL_NONE; }
    Value qualname = name;
    if (IS_NULL(qualname)) qualname = obj_getattr_c(v, "__qualname__");
    if (IS_NULL(qualname)) { err_clear(); qualname = obj_getattr_c(v, "__name__"); }
    if (IS_NULL(qualname)) return -1;
    if (!IS_STR(module)) module = str_from_c("__main__");
    if (!IS_STR(qualname)) { err_format(ser_perr(), "Can't pickle %R: no qualified name", v); return -1; }
    if (strstr(STR_DATA(qualname), "<locals>")) {
        err_format(&exc_AttributeError, "Can't pickle local object %R", qualname);
        return -1;
    }
    Value found = ser_find_global(module, qualname);
    if (IS_NULL(found) || found != v) {
        err_clear();
        err_format(ser_perr(), "Can't pickle %R: attribute lookup %S on %S failed", v, qualname, module);
        return -1;
    }
    if (w_tag(w, 'g') < 0 || w_u32(w, STR_LEN(module)) < 0 || w_put(w, STR_DATA(module), STR_LEN(module)) < 0)
        return -1;
    return w_u32(w, STR_LEN(qualname)) < 0 ? -1 : w_put(w, STR_DATA(qualname), STR_LEN(qualname));
}

static int w_global(Writer *w, Value v) { return w_global_named(w, v, VAL_NULL); }

/* Does t override `name` (not the one object / BaseException provide)? */
static int w_overrides(Type *t, const char *name) {
    Value m = type_lookup_c(t, name);
    if (IS_NULL(m)) return 0;
    return m != type_lookup_c(&type_object, name) && m != type_lookup_c(&exc_BaseException, name);
}

/* __getstate__(): object's gives the __dict__ (None when empty) and, with
 * __slots__ set, (dict, {slot: value}), as in CPython 3.11. */
static Value w_state(Value v) {
    return obj_call_method(v, "__getstate__", NULL, 0);
}

/* copyreg.dispatch_table[type(v)] when copyreg is imported, else VAL_NULL
 * (no error): the reduction registered for the type, which wins over the
 * object's own __reduce_ex__ as in CPython's pickler. */
static Value w_dispatch(Type *t) {
    if (!IS_DICT(interp.modules)) return VAL_NULL;
    Value copyreg = dict_get_c(interp.modules, "copyreg");
    if (IS_NULL(copyreg) || !IS_EXACT(copyreg, type_module)) return VAL_NULL;
    Value table = dict_get_c(MODULE_DICT(copyreg), "dispatch_table");
    if (IS_NULL(table) || !IS_DICT(table) || dict_len(table) == 0) return VAL_NULL;
    return dict_get(table, MK_OBJ(t));
}

/* An iterator's items as a list (listitems/dictitems of a reduce value). */
static Value w_drain(Value it, int pairs) {
    Value out = list_new(0);
    if (IS_NULL(out)) return VAL_NULL;
    for (;;) {
        Value x = obj_next(it);
        if (IS_NULL(x)) return err_occurred() ? VAL_NULL : out;
        if (pairs && (!IS_TUPLE(x) || AS_TUPLE(x)->len != 2))
            return err_format(&exc_TypeError, "dict items iterator must return 2-tuples");
        if (list_append(out, x) < 0) return VAL_NULL;
    }
}

static int w_is_iterator(Value v) { return !IS_NULL(val_type(v)->slots[SM_NEXT]); }

/* copyreg.__newobj__ / __newobj_ex__ as the callable: 'n' / 'x', else 'c'. */
static char w_newobj_kind(Value callable) {
    Value name = obj_getattr_c(callable, "__name__");
    if (IS_NULL(name)) { err_clear(); return 'c'; }
    if (!IS_STR(name)) return 'c';
    if (!strcmp(STR_DATA(name), "__newobj_ex__")) return 'x';
    return strcmp(STR_DATA(name), "__newobj__") ? 'c' : 'n';
}

/* The arguments of a __newobj__/__newobj_ex__ reduce, checked as CPython's
 * save_reduce checks them. */
static int w_check_newobj(char kind, Value v, Value args) {
    Tuple *a = AS_TUPLE(args);
    if (kind == 'x') {
        if (a->len != 3) {
            err_format(ser_perr(), "length of the NEWOBJ_EX argument tuple must be exactly 3, not %d",
                       (int)a->len);
            return -1;
        }
        if (!IS_TYPE(a->items[0])) {
            err_format(ser_perr(), "first item from NEWOBJ_EX argument tuple must be a class, not %s",
                       val_type_name(a->items[0]));
            return -1;
        }
        if (!IS_TUPLE(a->items[1])) {
            err_format(ser_perr(), "second item from NEWOBJ_EX argument tuple must be a tuple, not %s",
                       val_type_name(a->items[1]));
            return -1;
        }
        if (!IS_DICT(a->items[2])) {
            err_format(ser_perr(), "third item from NEWOBJ_EX argument tuple must be a dict, not %s",
                       val_type_name(a->items[2]));
            return -1;
        }
        return 0;
    }
    if (a->len < 1) { err_format(ser_perr(), "__newobj__ arglist is empty"); return -1; }
    if (!IS_TYPE(a->items[0])) { err_format(ser_perr(), "args[0] from __newobj__ args is not a type"); return -1; }
    if (AS_TYPE(a->items[0]) != val_type(v)) {
        err_format(ser_perr(), "args[0] from __newobj__ args has the wrong class");
        return -1;
    }
    return 0;
}

/* CPython's save_reduce: a reduce value (callable, args[, state[, listitems[,
 * dictitems[, state_setter]]]]) checked with CPython's messages. */
static int w_reduce_value(Writer *w, Value v, Value r) {
    if (!IS_TUPLE(r)) {
        err_format(ser_perr(), "__reduce__ must return a string or tuple");
        return -1;
    }
    int64_t n = AS_TUPLE(r)->len;
    if (n < 2 || n > 6) {
        err_format(ser_perr(), "tuple returned by __reduce__ must contain 2 through 6 elements");
        return -1;
    }
    Value it[6];
    for (int i = 0; i < 6; i++) it[i] = i < n ? AS_TUPLE(r)->items[i] : VAL_NONE;
    if (!IS_TUPLE(it[1])) {
        err_format(ser_perr(), "second item of the tuple returned by __reduce__ must be a tuple");
        return -1;
    }
    if (!call_is_callable(it[0])) {
        err_format(ser_perr(), "first item of the tuple returned by __reduce__ must be callable");
        return -1;
    }
    static const char *const nth[] = {"fourth", "fifth"};
    for (int i = 3; i <= 4; i++)
        if (!IS_NONE(it[i]) && !w_is_iterator(it[i])) {
            err_format(ser_perr(), "%s element of the tuple returned by __reduce__ must be an iterator, not %s",
                       nth[i - 3], val_type_name(it[i]));
            return -1;
        }
    if (!IS_NONE(it[5]) && !call_is_callable(it[5])) {
        err_format(ser_perr(), "sixth element of the tuple returned by __reduce__ must be a function, not %s",
                   val_type_name(it[5]));
        return -1;
    }
    char kind = w_newobj_kind(it[0]);
    if (kind != 'c' && w_check_newobj(kind, v, it[1]) < 0) return -1;
    if (w_tag(w, 'X') < 0 || w_tag(w, kind) < 0) return -1;
    if (kind == 'c' && w_value(w, it[0]) < 0) return -1;
    if (w_value(w, it[1]) < 0 || w_memo_put(w, v) < 0) return -1;
    for (int i = 3; i <= 4; i++) {
        Value items = IS_NONE(it[i]) ? VAL_NONE : w_drain(it[i], i == 4);
        if (IS_NULL(items) || w_value(w, items) < 0) return -1;
    }
    return w_value(w, it[5]) < 0 ? -1 : w_value(w, it[2]);
}

/* An object with its own __reduce_ex__ or __reduce__ (called as pickle calls
 * them, protocol 4); a str result names a global. */
static int w_reduce(Writer *w, Value v) {
    Value r;
    if (w_overrides(val_type(v), "__reduce_ex__") || !w_overrides(val_type(v), "__reduce__")) {
        Value proto = MK_SMALLINT(4);
        r = obj_call_method(v, "__reduce_ex__", &proto, 1);
    } else {
        r = obj_call_method(v, "__reduce__", NULL, 0);
    }
    if (IS_NULL(r)) return -1;
    if (IS_STR(r)) return w_global_named(w, v, r);
    return w_reduce_value(w, v, r);
}

/* A builtin type's instance by copyreg.__reduce_newobj__: cls.__new__(cls,
 * *obj.__getnewargs__()) (complex(1, 2)); 1 when the type has no
 * __getnewargs__. */
static int w_newargs(Writer *w, Value v) {
    Type *t = val_type(v);
    if (IS_NULL(type_lookup_c(t, "__getnewargs__"))) return 1;
    Value na = obj_call_method(v, "__getnewargs__", NULL, 0);
    if (IS_NULL(na)) return -1;
    if (!IS_TUPLE(na))
        return err_format(&exc_TypeError, "__getnewargs__ should return a tuple, not '%T'", na), -1;
    Value args = list_new(0);
    if (IS_NULL(args) || list_append(args, MK_OBJ(t)) < 0) return -1;
    for (int64_t i = 0; i < AS_TUPLE(na)->len; i++)
        if (list_append(args, AS_TUPLE(na)->items[i]) < 0) return -1;
    Value targs = tuple_from_array(AS_LIST(args)->items, AS_LIST(args)->len);
    if (IS_NULL(targs)) return -1;
    if (w_tag(w, 'X') < 0 || w_tag(w, 'n') < 0 || w_value(w, targs) < 0 || w_memo_put(w, v) < 0)
        return -1;
    for (int i = 0; i < 3; i++) if (w_tag(w, 'N') < 0) return -1;   /* no items, no setter */
    return w_tag(w, 'N');                                               /* no state */
}

static int w_exception(Writer *w, Value v) {
    ExcObj *e = (ExcObj *)AS_OBJ(v);
    Value attrs = IS_DICT(e->dict) && dict_len(e->dict) ? e->dict : VAL_NONE;
    if (w_tag(w, 'e') < 0 || w_global(w, MK_OBJ(val_type(v))) < 0 ||
        w_value(w, IS_TUPLE(e->args) ? e->args : tuple_empty()) < 0 || w_memo_put(w, v) < 0)
        return -1;
    return w_value(w, attrs);
}

/* The builtin value inside an instance of a subclass of a builtin type. */
static Value w_base_value(Value v, Type *t) {
    if (TYPE_HAS(t, TF_TUPLE_SUBCLASS)) return tuple_from_array(AS_TUPLE(v)->items, AS_TUPLE(v)->len);
    if (TYPE_HAS(t, TF_LIST_SUBCLASS)) return list_from_array(AS_LIST(v)->items, AS_LIST(v)->len);
    if (TYPE_HAS(t, TF_DICT_SUBCLASS)) { Value d = dict_new(); return dict_update(d, v) < 0 ? VAL_NULL : d; }
    if (TYPE_HAS(t, TF_SET_SUBCLASS)) return set_from_iterable(&type_set, v);
    if (TYPE_HAS(t, TF_STR_SUBCLASS)) return str_new(STR_DATA(v), STR_LEN(v));
    if (TYPE_HAS(t, TF_BYTES_SUBCLASS)) return bytes_new(AS_BYTES(v)->data, (size_t)AS_BYTES(v)->len);
    if (TYPE_HAS(t, TF_INT_SUBCLASS)) return obj_index(v);
    if (TYPE_HAS(t, TF_FLOAT_SUBCLASS)) { double d; return arg_to_double(v, &d) < 0 ? VAL_NULL : MK_FLOAT(d); }
    return VAL_NONE;
}

static int w_instance(Writer *w, Value v) {
    Type *t = val_type(v);
    Value reducer = w_dispatch(t);
    if (!IS_NULL(reducer)) {
        Value r = call1(reducer, v);
        if (IS_NULL(r)) return -1;
        return IS_STR(r) ? w_global_named(w, v, r) : w_reduce_value(w, v, r);
    }
    if (err_occurred()) return -1;
    if (w_overrides(t, "__reduce__") || w_overrides(t, "__reduce_ex__") || w_overrides(t, "__getstate__"))
        return w_reduce(w, v);     /* object.__reduce_ex__ with the C state __getstate__ gives */
    if (!TYPE_HAS(t, TF_HEAPTYPE)) {
        int rc = w_newargs(w, v);
        if (rc <= 0) return rc;
        err_format(&exc_TypeError, "cannot pickle '%s' object", type_name(t));
        return -1;
    }
    Value base = VAL_NONE;
    if (t->base != &type_object && !IS_NULL((base = w_base_value(v, t))) && !IS_NONE(base)) {
        if (w_tag(w, 'O') < 0 || w_global(w, MK_OBJ(t)) < 0 || w_memo_put(w, v) < 0 || w_value(w, base) < 0)
            return -1;
    } else {
        if (IS_NULL(base)) return -1;
        if (w_tag(w, 'o') < 0 || w_global(w, MK_OBJ(t)) < 0 || w_memo_put(w, v) < 0) return -1;
    }
    Value state = w_state(v);
    return IS_NULL(state) ? -1 : w_value(w, state);
}

static int w_float(Writer *w, double d) {
    uint64_t bits;
    memcpy(&bits, &d, 8);
    return w_tag(w, 'f') < 0 ? -1 : w_u64(w, bits);
}

static int w_exact_builtin(Writer *w, Value v, Type *t) {
    if (t == &type_str) return w_blob(w, 's', STR_DATA(v), STR_LEN(v));
    if (t == &type_int) return w_int(w, v);
    if (t == &type_bytes) return w_blob(w, 'b', AS_BYTES(v)->data, (size_t)AS_BYTES(v)->len);
    if (t == &type_tuple) {
        if (w_items(w, 't', AS_TUPLE(v)->items, AS_TUPLE(v)->len) < 0) return -1;
        return w_memo_put(w, v);
    }
    if (t == &type_list) {
        if (w_memo_put(w, v) < 0) return -1;
        return w_items(w, 'l', AS_LIST(v)->items, AS_LIST(v)->len);
    }
    if (t == &type_dict) return w_dict(w, v);
    if (t == &type_set) return w_set(w, v, 'S');
    if (t == &type_frozenset) return w_set(w, v, 'Z');
    if (t == &type_bytearray) {
        ByteArray *b = (ByteArray *)AS_OBJ(v);
        return w_memo_put(w, v) < 0 ? -1 : w_blob(w, 'a', b->data, (size_t)b->len);
    }
    if (t == &type_method) {
        BoundMethod *m = (BoundMethod *)AS_OBJ(v);
        Value name = obj_getattr_c(m->func, "__name__");
        if (IS_NULL(name) || w_tag(w, 'm') < 0 || w_value(w, m->self) < 0) return -1;
        return w_value(w, name);
    }
    if (v == MK_OBJ(&type_none) || v == MK_OBJ(&type_notimplemented) || v == MK_OBJ(&type_ellipsis)) {
        /* not reachable by name: type(None) and friends, as pickle's save_type */
        Value single = v == MK_OBJ(&type_none) ? VAL_NONE : v == MK_OBJ(&type_ellipsis) ? VAL_ELLIPSIS
                                                                                       : VAL_NOTIMPLEMENTED;
        Value args = tuple_pack(1, single);
        Value r = IS_NULL(args) ? VAL_NULL : tuple_pack(2, MK_OBJ(&type_type), args);
        return IS_NULL(r) ? -1 : w_reduce_value(w, v, r);
    }
    if (TYPE_HAS(t, TF_FUNCTION | TF_TYPE_SUBCLASS) || t == &type_builtin_function)
        return w_global(w, v);
    return 1;   /* not one of these */
}

static int w_object(Writer *w, Value v) {
    int64_t idx = w_memo_get(w, v);
    if (idx >= 0) return w_tag(w, 'r') < 0 ? -1 : w_u32(w, (uint64_t)idx);
    Type *t = AS_OBJ(v)->type;
    int rc = w_exact_builtin(w, v, t);
    if (rc <= 0) return rc;
    if (TYPE_HAS(t, TF_EXC_SUBCLASS) && !w_overrides(t, "__reduce__")) return w_exception(w, v);
    return w_instance(w, v);
}

static int w_value(Writer *w, Value v) {
    if (IS_NONE(v)) return w_tag(w, 'N');
    if (IS_BOOL(v)) return w_tag(w, AS_BOOL(v) ? 'T' : 'F');
    if (IS_SMALLINT(v)) return w_int(w, v);
    if (IS_FLOAT(v)) return w_float(w, AS_FLOAT(v));
    if (v == VAL_ELLIPSIS) return w_tag(w, 'E');
    if (v == VAL_NOTIMPLEMENTED) return w_tag(w, 'n');
    if (!IS_OBJ(v)) { err_format(&exc_TypeError, "cannot pickle this value"); return -1; }
    if (obj_enter_recursion(SER_RECURSION) < 0) return -1;
    int rc = w_object(w, v);
    obj_leave_recursion();
    return rc;
}

Value ser_dumps(Value obj) {
    Writer w = {0};
    sb_init(&w.sb);
    w.keep = list_new(0);
    Value r = VAL_NULL;
    if (!IS_NULL(w.keep) && sb_put(&w.sb, SER_MAGIC, 3) == 0 && sb_putc(&w.sb, SER_VERSION) == 0 &&
        w_value(&w, obj) == 0)
        r = sb_finish_bytes(&w.sb);
    else
        sb_free(&w.sb);
    free(w.keys);
    free(w.vals);
    return r;
}

/* ---------------------------------------------------------------- reader */

typedef struct Reader {
    const uint8_t *p;
    size_t len, pos;
    Value memo;             /* list */
    int depth;
} Reader;

static int r_fail(Reader *r, const char *msg) {
    (void)r;
    err_format(ser_uerr(), "%s", msg);
    return -1;
}

static int r_need(Reader *r, size_t n) {
    return r->len - r->pos < n ? r_fail(r, "pickle data was truncated") : 0;
}

static int r_u32(Reader *r, uint32_t *out) {
    if (r_need(r, 4) < 0) return -1;
    const uint8_t *b = r->p + r->pos;
    *out = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    r->pos += 4;
    return 0;
}

static int r_u64(Reader *r, uint64_t *out) {
    if (r_need(r, 8) < 0) return -1;
    uint64_t n = 0;
    for (int i = 7; i >= 0; i--) n = n << 8 | r->p[r->pos + (size_t)i];
    r->pos += 8;
    *out = n;
    return 0;
}

/* A length-prefixed blob: its bytes stay in the input. */
static int r_blob(Reader *r, const uint8_t **data, uint32_t *n) {
    if (r_u32(r, n) < 0 || r_need(r, *n) < 0) return -1;
    *data = r->p + r->pos;
    r->pos += *n;
    return 0;
}

/* A count of items, each at least one byte long. */
static int r_count(Reader *r, uint32_t *n, uint32_t per_item) {
    if (r_u32(r, n) < 0) return -1;
    return (uint64_t)*n * per_item > r->len - r->pos ? r_fail(r, "pickle data was truncated") : 0;
}

static Value r_value(Reader *r);

static Value r_memo(Reader *r, Value v) {
    return list_append(r->memo, v) < 0 ? VAL_NULL : v;
}

static Value r_str(Reader *r) {
    const uint8_t *d;
    uint32_t n;
    if (r_blob(r, &d, &n) < 0) return VAL_NULL;
    Value s = str_new_checked((const char *)d, n);
    if (IS_NULL(s)) { err_clear(); r_fail(r, "invalid UTF-8 in a str"); }
    return s;
}

static Value r_bigint(Reader *r) {
    const uint8_t *d;
    uint32_t n;
    if (r_need(r, 1) < 0) return VAL_NULL;
    uint8_t neg = r->p[r->pos++];
    if (neg > 1) return r_fail(r, "bad int sign"), VAL_NULL;
    if (r_blob(r, &d, &n) < 0) return VAL_NULL;
    mpz_t z;
    mpz_init(z);
    mpz_import(z, n, 1, 1, 1, 0, d);
    if (neg) mpz_neg(z, z);
    Value v = int_from_mpz(z);
    mpz_clear(z);
    return v;
}

static Value r_seq(Reader *r, char tag) {
    uint32_t n;
    if (r_count(r, &n, 1) < 0) return VAL_NULL;
    Value container = tag == 'l' ? list_new(n) : tag == 'S' ? set_new(&type_set) : list_new(n);
    if (IS_NULL(container) || ((tag == 'l' || tag == 'S') && IS_NULL(r_memo(r, container)))) return VAL_NULL;
    for (uint32_t i = 0; i < n; i++) {
        Value item = r_value(r);
        if (IS_NULL(item)) return VAL_NULL;
        if ((tag == 'S' ? set_add(container, item) : list_append(container, item)) < 0) return VAL_NULL;
    }
    if (tag == 'l' || tag == 'S') return container;
    Value v = tag == 't' ? tuple_from_array(AS_LIST(container)->items, AS_LIST(container)->len)
                         : set_from_iterable(&type_frozenset, container);
    return IS_NULL(v) ? VAL_NULL : r_memo(r, v);
}

static Value r_dict(Reader *r) {
    uint32_t n;
    if (r_count(r, &n, 2) < 0) return VAL_NULL;
    Value d = dict_new();
    if (IS_NULL(d) || IS_NULL(r_memo(r, d))) return VAL_NULL;
    for (uint32_t i = 0; i < n; i++) {
        Value k = r_value(r);
        if (IS_NULL(k)) return VAL_NULL;
        Value v = r_value(r);
        if (IS_NULL(v) || dict_set(d, k, v) < 0) return VAL_NULL;
    }
    return d;
}

static Value r_global(Reader *r) {
    Value module = r_str(r);
    if (IS_NULL(module)) return VAL_NULL;
    Value qualname = r_str(r);
    if (IS_NULL(qualname)) return VAL_NULL;
    if (STR_LEN(module) == 0 || STR_LEN(qualname) == 0) return r_fail(r, "empty global name"), VAL_NULL;
    return ser_find_global(module, qualname);
}

/* A value that must be a class (for 'o', 'O', 'e'). */
static Value r_class(Reader *r, int exception) {
    Value cls = r_value(r);
    if (IS_NULL(cls)) return VAL_NULL;
    if (!IS_TYPE(cls) || (exception && !type_is_subtype(AS_TYPE(cls), &exc_BaseException)))
        return r_fail(r, exception ? "exception class expected" : "class expected"), VAL_NULL;
    return cls;
}

/* CPython's load_build: __setstate__(state), else the state dict into the
 * instance's __dict__ and, for a (dict, slots) pair, the slots by setattr. */
static int r_setstate(Value obj, Value state) {
    if (IS_NONE(state)) return 0;
    Value setstate = obj_getattr_c(obj, "__setstate__");
    if (!IS_NULL(setstate)) return IS_NULL(call1(setstate, state)) ? -1 : 0;
    if (!err_matches(&exc_AttributeError)) return -1;
    err_clear();
    Value slots = VAL_NONE;
    if (IS_TUPLE(state) && AS_TUPLE(state)->len == 2) {
        slots = AS_TUPLE(state)->items[1];
        state = AS_TUPLE(state)->items[0];
    }
    int64_t pos = 0;
    Value k, v;
    if (!IS_NONE(state)) {
        if (!IS_DICT(state)) { err_format(ser_uerr(), "state is not a dictionary"); return -1; }
        Value *dp = obj_dict_ptr(obj);
        while (dict_next(state, &pos, &k, &v)) {
            if (dp && IS_DICT(*dp) ? dict_set(*dp, k, v) < 0 : obj_setattr(obj, k, v) < 0) return -1;
        }
    }
    if (IS_NONE(slots)) return 0;
    if (!IS_DICT(slots)) { err_format(ser_uerr(), "slot state is not a dictionary"); return -1; }
    for (pos = 0; dict_next(slots, &pos, &k, &v);)
        if (obj_setattr(obj, k, v) < 0) return -1;
    return 0;
}

/* (first, *rest) as a new tuple. */
static Value r_prepend(Value first, Value rest) {
    int64_t n = IS_TUPLE(rest) ? AS_TUPLE(rest)->len : 0;
    Value *args = gc_malloc(sizeof(Value) * (size_t)(n + 1));
    if (!args) return VAL_NULL;
    args[0] = first;
    for (int64_t i = 0; i < n; i++) args[i + 1] = AS_TUPLE(rest)->items[i];
    Value targs = tuple_from_array(args, n + 1);
    gc_free(args, sizeof(Value) * (size_t)(n + 1));
    return targs;
}

static Value r_new_instance(Value cls, Value newargs) {
    Value new = obj_getattr_c(cls, "__new__");
    if (IS_NULL(new)) return VAL_NULL;
    Value targs = r_prepend(cls, newargs);
    return IS_NULL(targs) ? VAL_NULL : call_tuple_dict(new, targs, VAL_NULL);
}

static Value r_object(Reader *r) {
    Value cls = r_class(r, 0);
    if (IS_NULL(cls)) return VAL_NULL;
    Value obj = r_new_instance(cls, VAL_NULL);
    if (IS_NULL(obj) || IS_NULL(r_memo(r, obj))) return VAL_NULL;
    Value state = r_value(r);
    return IS_NULL(state) || r_setstate(obj, state) < 0 ? VAL_NULL : obj;
}

/* Fill a mutable builtin-subclass instance from its base value. */
static int r_fill_base(Value obj, Value base) {
    if (IS_LIST(obj) && IS_LIST(base)) return list_extend(obj, base);
    if (IS_DICT(obj) && IS_DICT(base)) return dict_update(obj, base);
    if (VAL_HAS_TF(obj, TF_SET_SUBCLASS)) return set_update(obj, base);
    return 0;
}

static Value r_subclass_object(Reader *r) {
    Value cls = r_class(r, 0);
    if (IS_NULL(cls)) return VAL_NULL;
    Type *t = AS_TYPE(cls);
    int mutable = TYPE_HAS(t, TF_LIST_SUBCLASS | TF_DICT_SUBCLASS) || type_is_subtype(t, &type_set);
    Value obj = VAL_NULL, base;
    if (mutable) {
        obj = r_new_instance(cls, VAL_NULL);
        if (IS_NULL(obj) || IS_NULL(r_memo(r, obj))) return VAL_NULL;
    } else {
        size_t slot = (size_t)AS_LIST(r->memo)->len;
        if (IS_NULL(r_memo(r, VAL_NONE))) return VAL_NULL;   /* placeholder */
        base = r_value(r);
        if (IS_NULL(base)) return VAL_NULL;
        Value getnew = type_lookup_c(t, "__getnewargs__");
        Value args = IS_NULL(getnew) || !IS_TUPLE(base) ? tuple_pack(1, base) : base;
        obj = r_new_instance(cls, args);
        if (IS_NULL(obj)) return VAL_NULL;
        AS_LIST(r->memo)->items[slot] = obj;
    }
    if (mutable && (IS_NULL((base = r_value(r))) || r_fill_base(obj, base) < 0)) return VAL_NULL;
    Value state = r_value(r);
    return IS_NULL(state) || r_setstate(obj, state) < 0 ? VAL_NULL : obj;
}

static Value r_exception(Reader *r) {
    Value cls = r_class(r, 1);
    if (IS_NULL(cls)) return VAL_NULL;
    Value args = r_value(r);
    if (IS_NULL(args)) return VAL_NULL;
    if (!IS_TUPLE(args)) return r_fail(r, "exception args must be a tuple"), VAL_NULL;
    Value exc = call_tuple_dict(cls, args, VAL_NULL);
    if (IS_NULL(exc) || IS_NULL(r_memo(r, exc))) return VAL_NULL;
    Value attrs = r_value(r);
    if (IS_NULL(attrs)) return VAL_NULL;
    if (!IS_NONE(attrs) && !IS_DICT(attrs)) return r_fail(r, "exception attributes must be a dict"), VAL_NULL;
    return r_setstate(exc, attrs) < 0 ? VAL_NULL : exc;
}

static Value r_reduce(Reader *r) {
    Value fn = r_value(r);
    if (IS_NULL(fn)) return VAL_NULL;
    Value args = r_value(r);
    if (IS_NULL(args)) return VAL_NULL;
    if (!IS_TUPLE(args)) return r_fail(r, "reduce args must be a tuple"), VAL_NULL;
    Value obj = call_tuple_dict(fn, args, VAL_NULL);     /* any callable, as pickle's REDUCE */
    if (IS_NULL(obj) || IS_NULL(r_memo(r, obj))) return VAL_NULL;
    Value state = r_value(r);
    return IS_NULL(state) || r_setstate(obj, state) < 0 ? VAL_NULL : obj;
}

/* listitems of a reduce: extend (an exact list, or its extend method), else
 * append one by one, as CPython's do_append. */
static int r_listitems(Value obj, Value items) {
    if (IS_EXACT(obj, type_list)) return list_extend(obj, items);
    Value ext = obj_getattr_opt(obj, str_intern_c("extend"));
    if (!IS_NULL(ext)) return IS_NULL(call1(ext, items)) ? -1 : 0;
    if (err_occurred()) return -1;
    Value app = obj_getattr_c(obj, "append");
    if (IS_NULL(app)) return -1;
    for (int64_t i = 0; i < AS_LIST(items)->len; i++)
        if (IS_NULL(call1(app, AS_LIST(items)->items[i]))) return -1;
    return 0;
}

static int r_dictitems(Value obj, Value items) {
    for (int64_t i = 0; i < AS_LIST(items)->len; i++) {
        Value kv = AS_LIST(items)->items[i];
        if (!IS_TUPLE(kv) || AS_TUPLE(kv)->len != 2) {
            err_format(ser_uerr(), "dictitems must be pairs");
            return -1;
        }
        if (obj_setitem(obj, AS_TUPLE(kv)->items[0], AS_TUPLE(kv)->items[1]) < 0) return -1;
    }
    return 0;
}

/* The object a reduce value makes: callable(*args) or a __newobj__[_ex]. */
static Value r_reduce_make(Reader *r, uint8_t kind) {
    Value fn = VAL_NULL;
    if (kind == 'c') {
        fn = r_value(r);
        if (IS_NULL(fn)) return VAL_NULL;            /* any callable, as pickle's REDUCE */
    } else if (kind != 'n' && kind != 'x') {
        return r_fail(r, "unknown reduce kind"), VAL_NULL;
    }
    Value args = r_value(r);
    if (IS_NULL(args)) return VAL_NULL;
    if (!IS_TUPLE(args)) return r_fail(r, "reduce args must be a tuple"), VAL_NULL;
    Tuple *a = AS_TUPLE(args);
    if (kind == 'c') return call_tuple_dict(fn, args, VAL_NULL);
    if (a->len < 1 || !IS_TYPE(a->items[0])) return r_fail(r, "__newobj__ needs a class"), VAL_NULL;
    if (kind == 'n') {
        Value rest = tuple_from_array(a->items + 1, a->len - 1);
        return IS_NULL(rest) ? VAL_NULL : r_new_instance(a->items[0], rest);
    }
    if (a->len != 3 || !IS_TUPLE(a->items[1]) || !IS_DICT(a->items[2]))
        return r_fail(r, "__newobj_ex__ needs (cls, args, kwargs)"), VAL_NULL;
    Value new = obj_getattr_c(a->items[0], "__new__");
    Value targs = IS_NULL(new) ? VAL_NULL : r_prepend(a->items[0], a->items[1]);
    return IS_NULL(targs) ? VAL_NULL : call_tuple_dict(new, targs, a->items[2]);
}

static Value r_xreduce(Reader *r) {
    if (r_need(r, 1) < 0) return VAL_NULL;
    uint8_t kind = r->p[r->pos++];
    Value obj = r_reduce_make(r, kind);
    if (IS_NULL(obj) || IS_NULL(r_memo(r, obj))) return VAL_NULL;
    Value items = r_value(r);
    if (IS_NULL(items)) return VAL_NULL;
    if (!IS_NONE(items) && (!IS_LIST(items) || r_listitems(obj, items) < 0))
        return err_occurred() ? VAL_NULL : (r_fail(r, "listitems must be a list"), VAL_NULL);
    items = r_value(r);
    if (IS_NULL(items)) return VAL_NULL;
    if (!IS_NONE(items) && (!IS_LIST(items) || r_dictitems(obj, items) < 0))
        return err_occurred() ? VAL_NULL : (r_fail(r, "dictitems must be a list"), VAL_NULL);
    Value setter = r_value(r);
    if (IS_NULL(setter)) return VAL_NULL;
    Value state = r_value(r);
    if (IS_NULL(state)) return VAL_NULL;
    if (IS_NONE(setter)) return r_setstate(obj, state) < 0 ? VAL_NULL : obj;
    if (!call_is_callable(setter)) return r_fail(r, "state_setter must be callable"), VAL_NULL;
    return IS_NULL(call2(setter, obj, state)) ? VAL_NULL : obj;
}

static Value r_method(Reader *r) {
    Value self = r_value(r);
    if (IS_NULL(self)) return VAL_NULL;
    Value name = r_value(r);
    if (IS_NULL(name)) return VAL_NULL;
    if (!IS_STR(name)) return r_fail(r, "method name must be a str"), VAL_NULL;
    return obj_getattr(self, name);
}

static Value r_scalar(Reader *r, uint8_t tag) {
    const uint8_t *d;
    uint32_t n;
    uint64_t u;
    switch (tag) {
    case 'i': return r_u64(r, &u) < 0 ? VAL_NULL : int_from_i64((int64_t)u);
    case 'f': {
        if (r_u64(r, &u) < 0) return VAL_NULL;
        double x;
        memcpy(&x, &u, 8);
        return val_from_float_safe(x);
    }
    case 'I': return r_bigint(r);
    case 's': return r_str(r);
    case 'b': return r_blob(r, &d, &n) < 0 ? VAL_NULL : bytes_new(d, n);
    case 'a': return r_blob(r, &d, &n) < 0 ? VAL_NULL : r_memo(r, bytearray_new(d, n));
    case 'r':
        if (r_u32(r, &n) < 0) return VAL_NULL;
        if (n >= AS_LIST(r->memo)->len) return r_fail(r, "memo reference out of range"), VAL_NULL;
        return AS_LIST(r->memo)->items[n];
    default: {
        char msg[40];
        snprintf(msg, sizeof msg, "invalid load key, '\\x%02x'.", tag);
        return r_fail(r, msg), VAL_NULL;
    }
    }
}

static Value r_tagged(Reader *r, uint8_t tag) {
    switch (tag) {
    case 'N': return VAL_NONE;
    case 'T': return VAL_TRUE;
    case 'F': return VAL_FALSE;
    case 'E': return VAL_ELLIPSIS;
    case 'n': return VAL_NOTIMPLEMENTED;
    case 't': case 'l': case 'S': case 'Z': return r_seq(r, (char)tag);
    case 'd': return r_dict(r);
    case 'g': return r_global(r);
    case 'o': return r_object(r);
    case 'O': return r_subclass_object(r);
    case 'e': return r_exception(r);
    case 'R': return r_reduce(r);
    case 'X': return r_xreduce(r);
    case 'm': return r_method(r);
    default: return r_scalar(r, tag);
    }
}

static Value r_value(Reader *r) {
    if (r_need(r, 1) < 0) return VAL_NULL;
    if (++r->depth > SER_MAX_LOAD_DEPTH || ts_c_stack_low())
        return r_fail(r, "pickle data nested too deeply"), VAL_NULL;
    Value v = r_tagged(r, r->p[r->pos++]);
    r->depth--;
    return v;
}

Value ser_loads(const uint8_t *data, size_t len) {
    if (len == 0) return err_format(&exc_EOFError, "Ran out of input");
    if (len < 4 || memcmp(data, SER_MAGIC, 3) != 0) {
        char msg[40];
        snprintf(msg, sizeof msg, "invalid load key, '\\x%02x'.", data[0]);
        return err_format(ser_uerr(), "%s", msg);
    }
    if (data[3] != SER_VERSION) return err_format(ser_uerr(), "unsupported pickle version: %d", data[3]);
    Reader r = {.p = data, .len = len, .pos = 4, .memo = list_new(0)};
    if (IS_NULL(r.memo)) return VAL_NULL;
    Value v = r_value(&r);
    if (!IS_NULL(v) && r.pos != r.len) return err_format(ser_uerr(), "trailing data after the pickled object");
    return v;
}
