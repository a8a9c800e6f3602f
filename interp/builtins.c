/* builtins.c - the builtins module.
 *
 * Design: builtins_module_new builds the module namespace once: the builtin
 * types under their Python names, every exception class (runtime/obj_exc.c's
 * exc_all_types[], plus EnvironmentError/IOError aliases of OSError), the
 * constants, and the functions below.  The functions are thin layers over
 * the object protocols of runtime/abstract.c (obj_len, obj_iter, ...), so a
 * user class's special methods work through the type slot cache exactly as
 * in the VM.  What needs a running frame (vars(), dir(), globals(),
 * locals()) asks the VM through vm_globals()/vm_locals(); exec, eval,
 * compile and __build_class__ are in builtins_exec.c.
 * print() and input() look sys.stdout/sys.stdin up at call time, so
 * reassigning them from Python works.
 */
#include <string.h>

#include "runtime/audit.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_complex.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_file.h"
#include "runtime/obj_genericalias.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/obj_union.h"
#include "runtime/ops.h"
#include "runtime/state.h"
#include "builtins.h"
#include "import.h"
#include "vm.h"
/* The iterator types of runtime/obj_iter.c and the exception table of
 * runtime/obj_exc.c (no header declares them yet). */
extern Type type_enumerate, type_zip, type_map, type_filter, type_reversed;
extern Type *const exc_all_types[];

/* ---- helpers -------------------------------------------------------------------- */

/* sys.<name> at call time; VAL_NULL (no error) when sys or the attribute is missing. */
static Value bi_sys_attr(const char *name)
{
    if (!IS_OBJ(interp.sys_module)) {
        if (!strcmp(name, "stdout")) return file_stdout();
        if (!strcmp(name, "stderr")) return file_stderr();
        if (!strcmp(name, "stdin")) return file_stdin();
        return VAL_NULL;
    }
    return dict_get_c(MODULE_DICT(interp.sys_module), name);
}

static Value bi_sys_stream(const char *name)
{
    Value f = bi_sys_attr(name);
    if (IS_NULL(f) && !err_occurred()) return err_format(&exc_RuntimeError, "lost sys.%s", name);
    return f;
}

/* Keyword argument k of a call, by name: its value or VAL_NULL. */
static int bi_kw_index(Value kwnames, const char *name)
{
    if (IS_NULL(kwnames)) return -1;
    for (int64_t i = 0; i < AS_TUPLE(kwnames)->len; i++)
        if (str_eq_c(AS_TUPLE(kwnames)->items[i], name)) return (int)i;
    return -1;
}

/* Check every keyword is in `allowed` (NULL-terminated). */
static int bi_kw_only(const char *fname, Value kwnames, const char *const *allowed)
{
    if (IS_NULL(kwnames)) return 0;
    for (int64_t i = 0; i < AS_TUPLE(kwnames)->len; i++) {
        Value k = AS_TUPLE(kwnames)->items[i];
        int ok = 0;
        for (int j = 0; allowed[j]; j++)
            if (str_eq_c(k, allowed[j])) ok = 1;
        if (!ok) {
            err_format(&exc_TypeError, "'%U' is an invalid keyword argument for %s()", k, fname);
            return -1;
        }
    }
    return 0;
}

static Value bi_kw(Value *args, int nargs, Value kwnames, const char *name)
{
    int i = bi_kw_index(kwnames, name);
    return i < 0 ? VAL_NULL : args[nargs + i];
}

/* ---- print / input -------------------------------------------------------------- */

static int bi_print_sep_arg(Value v, const char *what, Value dflt, Value *out)
{
    if (IS_NULL(v) || IS_NONE(v)) { *out = dflt; return 0; }
    if (!IS_STR(v)) {
        err_format(&exc_TypeError, "%s must be None or a string, not %T", what, v);
        return -1;
    }
    *out = v;
    return 0;
}

/* print(*args, sep=' ', end='\n', file=None, flush=False):
 * args = [the values..., sep, end, file, flush] */
static Value bi_print(Value *args, int nargs, Value kwnames)
{
    int n = nargs - 4;
    Value sep, end;
    if (bi_print_sep_arg(args[n], "sep", str_intern_c(" "), &sep) < 0 ||
        bi_print_sep_arg(args[n + 1], "end", str_intern_c("\n"), &end) < 0)
        return VAL_NULL;
    Value file = args[n + 2];
    if (IS_NULL(file) || IS_NONE(file)) {
        file = bi_sys_stream("stdout");
        if (IS_NULL(file)) return VAL_NULL;
        if (IS_NONE(file)) return VAL_NONE;
    }
    for (int i = 0; i < n; i++) {              /* the separator goes out before str() runs */
        if (i > 0 && file_write_str(file, sep) < 0) return VAL_NULL;
        Value s = obj_str(args[i]);
        if (IS_NULL(s) || file_write_str(file, s) < 0) return VAL_NULL;
    }
    if (file_write_str(file, end) < 0) return VAL_NULL;
    Value flush = args[n + 3];
    if (!IS_NULL(flush)) {
        int t = obj_truthy(flush);
        if (t < 0 || (t && file_flush(file) < 0)) return VAL_NULL;
    }
    return VAL_NONE;
}

static Value bi_input(Value *args, int nargs, Value kwnames)
{
    Value in = bi_sys_stream("stdin"), out = bi_sys_stream("stdout");
    if (IS_NULL(in) || IS_NULL(out)) return VAL_NULL;
    if (IS_NONE(in)) return err_format(&exc_RuntimeError, "input(): lost sys.stdin");
    if (IS_NONE(out)) return err_format(&exc_RuntimeError, "input(): lost sys.stdout");
    if (audit_active() && audit("builtins.input", "O", IS_NULL(args[0]) ? VAL_NONE : args[0]) < 0)
        return VAL_NULL;
    Value errf = bi_sys_attr("stderr");
    if (!IS_NULL(errf) && !IS_NONE(errf) && file_flush(errf) < 0) err_clear();
    if (!IS_NULL(args[0])) {
        Value p = obj_str(args[0]);
        if (IS_NULL(p) || file_write_str(out, p) < 0) return VAL_NULL;
    }
    if (file_flush(out) < 0) return VAL_NULL;
    Value line = file_readline(in);
    if (IS_NULL(line)) return VAL_NULL;
    if (!IS_STR(line)) return err_format(&exc_TypeError, "object.readline() returned non-string");
    int64_t n = STR_LEN(line);
    if (n == 0) return err_format(&exc_EOFError, "EOF when reading a line");
    if (STR_DATA(line)[n - 1] == '\n') return str_new(STR_DATA(line), (size_t)n - 1);
    return line;
}

/* ---- numbers -------------------------------------------------------------------- */

static Value bi_len(Value *args, int nargs, Value kwnames)
{
    int64_t n = obj_len(args[0]);
    return n < 0 ? VAL_NULL : int_from_i64(n);
}

static Value bi_abs(Value *args, int nargs, Value kwnames)
{
    Value r = obj_call_special(args[0], SM_ABS, args, 1);
    if (IS_NULL(r) && !err_occurred())
        return err_format(&exc_TypeError, "bad operand type for abs(): '%T'", args[0]);
    return r;
}

/* round(number, ndigits=None) */
static Value bi_round(Value *args, int nargs, Value kwnames)
{
    int n = IS_NULL(args[1]) || IS_NONE(args[1]) ? 1 : 2;
    Value r = obj_call_special(args[0], SM_ROUND, args, n);
    if (IS_NULL(r) && !err_occurred())
        return err_format(&exc_TypeError, "type %s doesn't define __round__ method",
                          val_type_name(args[0]));
    return r;
}

/* a.__divmod__(b), then b.__rdivmod__(a) (first when b's type subclasses a's). */
static Value bi_divmod(Value *args, int nargs, Value kwnames)
{
    Value a = args[0], b = args[1];
    Type *ta = val_type(a), *tb = val_type(b);
    Value fwd[2] = {a, b}, rev[2] = {b, a};
    int rev_first = ta != tb && type_is_subtype(tb, ta) && !IS_NULL(tb->slots[SM_RDIVMOD]) &&
                    tb->slots[SM_RDIVMOD] != ta->slots[SM_RDIVMOD];
    for (int pass = 0; pass < 2; pass++) {
        int use_rev = pass == 0 ? rev_first : !rev_first;
        if (use_rev && ta == tb) continue;
        Value r = use_rev ? obj_call_special(b, SM_RDIVMOD, rev, 2) : obj_call_special(a, SM_DIVMOD, fwd, 2);
        if (IS_NULL(r) && err_occurred()) return VAL_NULL;
        if (!IS_NULL(r) && r != VAL_NOTIMPLEMENTED) return r;
    }
    return err_format(&exc_TypeError, "unsupported operand type(s) for divmod(): '%T' and '%T'", a, b);
}

/* pow(base, exp, mod=None).  With a modulus, CPython's ternary_op: base's
 * __pow__, then the C slot of exp's type and of mod's type (when they differ)
 * called as (base, exp, mod).  Three-argument pow never uses __rpow__, and
 * among the builtins only float's slot (which refuses any modulus) and
 * complex's ("complex modulo") answer there, so those two are all that
 * is asked of the other operands. */
static Value bi_pow(Value *args, int nargs, Value kwnames)
{
    Value *a = args;
    if (IS_NULL(a[2]) || IS_NONE(a[2])) return obj_binop(a[0], a[1], OP_POW);
    int plain = 1;                      /* ints and bools: no subclass's __pow__ to call */
    for (int k = 0; k < 3; k++) plain &= val_type(a[k]) == &type_int || val_type(a[k]) == &type_bool;
    if (plain) return int_pow_mod(a[0], a[1], a[2]);
    Value r = obj_call_special(a[0], SM_POW, a, 3);
    if (IS_NULL(r) && err_occurred()) return VAL_NULL;
    if (!IS_NULL(r) && r != VAL_NOTIMPLEMENTED) return r;
    Type *tv = val_type(a[0]), *tw = val_type(a[1]), *tz = val_type(a[2]);
    Type *others[2] = {tw != tv ? tw : NULL, tz != tv && tz != tw ? tz : NULL};
    for (int i = 0; i < 2; i++) {
        if (!others[i]) continue;
        if (type_is_subtype(others[i], &type_complex)) {    /* numbers only, then the modulus */
            int nums = 1;
            for (int k = 0; k < 2; k++) nums &= IS_INT(a[k]) || IS_FLOATOBJ(a[k]) || IS_COMPLEX(a[k]);
            if (nums) return err_format(&exc_ValueError, "complex modulo");
            continue;
        }
        if (TYPE_HAS(others[i], TF_FLOAT_SUBCLASS))
            return err_format(&exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    }
    return err_format(&exc_TypeError, "unsupported operand type(s) for ** or pow(): '%T', '%T', '%T'",
                      a[0], a[1], a[2]);
}

/* ---- min / max -------------------------------------------------------------------- */

/* ARGS_ANY: min and max take their arguments or one iterable, and CPython words
 * their errors as none of the ARGS_* kinds does ("max expected at least 1
 * argument, got 0", then keywords checked by name). */
static Value bi_minmax(Value *args, int nargs, Value kwnames, int is_max)
{
    const char *fname = is_max ? "max" : "min";
    static const char *const allowed[] = {"key", "default", NULL};
    if (nargs == 0)
        return err_format(&exc_TypeError, "%s expected at least 1 argument, got 0", fname);
    if (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len > 2)
        return err_format(&exc_TypeError, "%s() takes at most 2 keyword arguments (%d given)", fname,
                          (int)AS_TUPLE(kwnames)->len);
    if (bi_kw_only(fname, kwnames, allowed) < 0) return VAL_NULL;
    Value key = bi_kw(args, nargs, kwnames, "key");
    Value dflt = bi_kw(args, nargs, kwnames, "default");
    if (IS_NONE(key)) key = VAL_NULL;
    if (nargs > 1 && !IS_NULL(dflt))
        return err_format(&exc_TypeError,
                          "Cannot specify a default for %s() with multiple positional arguments", fname);
    Value it = obj_iter(nargs == 1 ? args[0] : tuple_from_array(args, nargs));
    if (IS_NULL(it)) return VAL_NULL;
    Value best = VAL_NULL, bestkey = VAL_NULL;
    for (;;) {
        Value item = obj_next(it);
        if (IS_NULL(item)) {
            if (err_occurred()) return VAL_NULL;
            break;
        }
        Value k = IS_NULL(key) ? item : call1(key, item);
        if (IS_NULL(k)) return VAL_NULL;
        if (IS_NULL(best)) { best = item; bestkey = k; continue; }
        int c = obj_richcompare_bool(k, bestkey, is_max ? CMP_GT : CMP_LT);
        if (c < 0) return VAL_NULL;
        if (c) { best = item; bestkey = k; }
    }
    if (!IS_NULL(best)) return best;
    if (!IS_NULL(dflt)) return dflt;
    return err_format(&exc_ValueError, "%s() arg is an empty sequence", fname);
}

static Value bi_max(Value *args, int nargs, Value kwnames) { return bi_minmax(args, nargs, kwnames, 1); }
static Value bi_min(Value *args, int nargs, Value kwnames) { return bi_minmax(args, nargs, kwnames, 0); }

/* ---- sum / sorted / any / all ------------------------------------------------------ */

/* sum(iterable, /, start=0) */
static Value bi_sum(Value *args, int nargs, Value kwnames)
{
    Value *a = args;
    Value acc = IS_NULL(a[1]) ? MK_SMALLINT(0) : a[1];
    Value it = obj_iter(a[0]);              /* before the start checks, as CPython */
    if (IS_NULL(it)) return VAL_NULL;
    if (IS_STR(acc)) return err_format(&exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (IS_BYTES(acc)) return err_format(&exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (IS_BYTEARRAY(acc))
        return err_format(&exc_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    for (;;) {
        Value item = obj_next(it);
        if (IS_NULL(item)) return err_occurred() ? VAL_NULL : acc;
        if (BOTH_SMALLINT(acc, item)) {
            int64_t s = AS_SMALLINT(acc) + AS_SMALLINT(item);
            acc = SMALLINT_FITS(s) ? MK_SMALLINT(s) : int_from_i64(s);
        } else if (IS_FLOAT(acc) && IS_FLOAT(item)) {
            acc = MK_FLOAT_SAFE(AS_FLOAT(acc) + AS_FLOAT(item));
        } else {
            acc = obj_binop(acc, item, OP_ADD);
        }
        if (IS_NULL(acc)) return VAL_NULL;
    }
}

/* ARGS_ANY: as in CPython, sorted takes one positional argument and hands its
 * keywords to list.sort, which checks them once the iterable is consumed
 * ("'x' is an invalid keyword argument for sort()"). */
static Value bi_sorted(Value *args, int nargs, Value kwnames)
{
    if (nargs != 1) return err_format(&exc_TypeError, "sorted expected 1 argument, got %d", nargs);
    Value l = list_new(0);
    if (IS_NULL(l) || list_extend(l, args[0]) < 0) return VAL_NULL;
    if (IS_NULL(kwnames)) return list_sort(l, VAL_NULL, 0) < 0 ? VAL_NULL : l;
    return IS_NULL(list_sort_kw(l, args + 1, kwnames)) ? VAL_NULL : l;
}

static Value bi_anyall(Value *args, int nargs, Value kwnames, int is_any)
{
    Value it = obj_iter(args[0]);
    if (IS_NULL(it)) return VAL_NULL;
    for (;;) {
        Value item = obj_next(it);
        if (IS_NULL(item)) return err_occurred() ? VAL_NULL : MK_BOOL(!is_any);
        int t = obj_truthy(item);
        if (t < 0) return VAL_NULL;
        if (t == is_any) return MK_BOOL(is_any);
    }
}

static Value bi_any(Value *args, int nargs, Value kwnames) { return bi_anyall(args, nargs, kwnames, 1); }
static Value bi_all(Value *args, int nargs, Value kwnames) { return bi_anyall(args, nargs, kwnames, 0); }

/* ---- chr / ord / hex / oct / bin ------------------------------------------------- */

static Value bi_chr(Value *args, int nargs, Value kwnames)
{
    int64_t c;
    int r = arg_to_ssize(args[0], &c);
    if (r < 0 && !err_matches(&exc_OverflowError)) return VAL_NULL;
    if (r < 0 || c > INT32_MAX || c < INT32_MIN) {     /* Argument Clinic's C int */
        err_clear();
        return err_format(&exc_OverflowError, "Python int too large to convert to C int");
    }
    if (c < 0 || c > 0x10FFFF) return err_format(&exc_ValueError, "chr() arg not in range(0x110000)");
    return str_from_codepoint((uint32_t)c);
}

static Value bi_ord(Value *args, int nargs, Value kwnames)
{
    Value v = args[0];
    if (IS_STR(v)) {
        if (AS_STR(v)->nchars == 1) return MK_SMALLINT(str_char_at(v, 0));
        return err_format(&exc_TypeError, "ord() expected a character, but string of length %lld found",
                          (long long)AS_STR(v)->nchars);
    }
    const uint8_t *data;
    int64_t len;
    if (IS_BYTES(v) || IS_BYTEARRAY(v)) {
        if (bytes_view(v, &data, &len) < 0) return VAL_NULL;
        if (len == 1) return MK_SMALLINT(data[0]);
        return err_format(&exc_TypeError, "ord() expected a character, but string of length %lld found",
                          (long long)len);
    }
    return err_format(&exc_TypeError, "ord() expected string of length 1, but %T found", v);
}

static Value bi_base(Value *args, int base)
{
    Value iv = obj_index(args[0]);
    if (IS_NULL(iv)) return VAL_NULL;
    return int_to_base_str(iv, base, 1);
}

static Value bi_hex(Value *args, int nargs, Value kwnames) { return bi_base(args, 16); }
static Value bi_oct(Value *args, int nargs, Value kwnames) { return bi_base(args, 8); }
static Value bi_bin(Value *args, int nargs, Value kwnames) { return bi_base(args, 2); }

/* ---- hash / id / callable --------------------------------------------------------- */

static Value bi_hash(Value *args, int nargs, Value kwnames)
{
    int64_t h = obj_hash(args[0]);
    if (h == -1 && err_occurred()) return VAL_NULL;
    return int_from_i64(h);
}

/* Heap objects: their address.  Immediates: the boxed bits, which are the
 * same for equal immediates (stable, and never a valid heap address). */
static Value bi_id(Value *args, int nargs, Value kwnames)
{
    Value v = args[0];
    Value id = int_from_u64(IS_OBJ(v) ? (uint64_t)(uintptr_t)AS_OBJ(v) : (uint64_t)v);
    if (!IS_NULL(id) && audit_active() && audit("builtins.id", "O", id) < 0) return VAL_NULL;
    return id;
}

static Value bi_callable(Value *args, int nargs, Value kwnames)
{
    return MK_BOOL(call_is_callable(args[0]));
}

/* ---- attributes ----------------------------------------------------------------- */

static int bi_attr_name(Value name)
{
    if (IS_STR(name)) return 0;
    err_format(&exc_TypeError, "attribute name must be string, not '%T'", name);
    return -1;
}

static Value bi_getattr(Value *args, int nargs, Value kwnames)
{
    if (bi_attr_name(args[1]) < 0) return VAL_NULL;
    Value r = obj_getattr(args[0], args[1]);
    if (IS_NULL(r) && !IS_NULL(args[2]) && err_matches(&exc_AttributeError)) {
        err_clear();
        return args[2];
    }
    return r;
}

static Value bi_setattr(Value *args, int nargs, Value kwnames)
{
    if (bi_attr_name(args[1]) < 0) return VAL_NULL;
    return obj_setattr(args[0], args[1], args[2]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value bi_delattr(Value *args, int nargs, Value kwnames)
{
    if (bi_attr_name(args[1]) < 0) return VAL_NULL;
    return obj_setattr(args[0], args[1], VAL_NULL) < 0 ? VAL_NULL : VAL_NONE;
}

static Value bi_hasattr(Value *args, int nargs, Value kwnames)
{
    if (bi_attr_name(args[1]) < 0) return VAL_NULL;
    int r = obj_hasattr(args[0], args[1]);
    return r < 0 ? VAL_NULL : MK_BOOL(r);
}

/* ---- isinstance / issubclass ------------------------------------------------------- */

/* A types.UnionType (int | str) is the tuple of its members to isinstance/issubclass. */
static Value bi_union_args(Value cls)
{
    return IS_UNION(cls) ? union_args(cls) : VAL_NULL;
}

/* isinstance/issubclass recurse through nested tuples and through
 * __instancecheck__/__subclasscheck__; each such step counts one recursion
 * level, as in CPython's object_recursive_isinstance. */
static int bi_isinstance(Value obj, Value cls);
static int bi_issubclass(Value sub, Value cls);

static int bi_check_tuple(Value x, Value tup, int (*check)(Value, Value), const char *where)
{
    if (obj_enter_recursion(where) < 0) return -1;
    int r = 0;
    for (int64_t i = 0; i < AS_TUPLE(tup)->len && r == 0; i++) r = check(x, AS_TUPLE(tup)->items[i]);
    obj_leave_recursion();
    return r;
}

static int bi_check_special(Value x, Value cls, SpecialMethod sm, const char *where)
{
    if (obj_enter_recursion(where) < 0) return -1;
    Value a[2] = {cls, x};
    Value r = obj_call_special(cls, sm, a, 2);
    obj_leave_recursion();
    return IS_NULL(r) ? -1 : obj_truthy(r);
}

static int bi_isinstance(Value obj, Value cls)
{
    static const char where[] = " in __instancecheck__";
    if (IS_TYPE(cls) && val_type(obj) == AS_TYPE(cls)) return 1;
    if (IS_EXACT(cls, type_type)) return obj_isinstance_class(obj, AS_TYPE(cls));
    Value uargs = bi_union_args(cls);
    if (!IS_NULL(uargs)) cls = uargs;
    if (IS_TUPLE(cls)) return bi_check_tuple(obj, cls, bi_isinstance, where);
    if (!IS_NULL(val_type(cls)->slots[SM_INSTANCECHECK]))
        return bi_check_special(obj, cls, SM_INSTANCECHECK, where);
    if (IS_TYPE(cls)) return obj_isinstance_class(obj, AS_TYPE(cls));
    err_format(&exc_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

static int bi_issubclass(Value sub, Value cls)
{
    static const char where[] = " in __subclasscheck__";
    if (IS_EXACT(cls, type_type) || (IS_TYPE(cls) && IS_NULL(val_type(cls)->slots[SM_SUBCLASSCHECK]))) {
        if (!IS_TYPE(sub)) {
            err_format(&exc_TypeError, "issubclass() arg 1 must be a class");
            return -1;
        }
        return type_is_subtype(AS_TYPE(sub), AS_TYPE(cls));
    }
    Value uargs = bi_union_args(cls);
    if (!IS_NULL(uargs)) cls = uargs;
    if (IS_TUPLE(cls)) return bi_check_tuple(sub, cls, bi_issubclass, where);
    if (!IS_NULL(val_type(cls)->slots[SM_SUBCLASSCHECK]))
        return bi_check_special(sub, cls, SM_SUBCLASSCHECK, where);
    if (!IS_TYPE(sub)) {
        err_format(&exc_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    err_format(&exc_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
}

int builtins_isinstance(Value obj, Value cls)
{
    return bi_isinstance(obj, cls);
}

static Value bi_isinstance_m(Value *args, int nargs, Value kwnames)
{
    int r = bi_isinstance(args[0], args[1]);
    return r < 0 ? VAL_NULL : MK_BOOL(r);
}

static Value bi_issubclass_m(Value *args, int nargs, Value kwnames)
{
    int r = bi_issubclass(args[0], args[1]);
    return r < 0 ? VAL_NULL : MK_BOOL(r);
}

/* ---- iter / next ------------------------------------------------------------------ */

static Value bi_iter(Value *args, int nargs, Value kwnames)
{
    if (IS_NULL(args[1])) return obj_iter(args[0]);
    if (!call_is_callable(args[0]))
        return err_format(&exc_TypeError, "iter(v, w): v must be callable");
    return calliter_new(args[0], args[1]);
}

static Value bi_next(Value *args, int nargs, Value kwnames)
{
    if (IS_NULL(val_type(args[0])->slots[SM_NEXT]))
        return err_format(&exc_TypeError, "'%T' object is not an iterator", args[0]);
    Value a[1] = {args[0]};          /* through the slot protocol: a __next__ that is no
                                        descriptor (gen.__next__ in a class) gets no self */
    Value r = obj_call_special(args[0], SM_NEXT, a, 1);
    if (!IS_NULL(r)) return r;
    if (err_occurred() && !err_matches(&exc_StopIteration)) return VAL_NULL;
    if (!IS_NULL(args[1])) {
        err_clear();
        return args[1];
    }
    if (!err_occurred()) err_set_none(&exc_StopIteration);
    return VAL_NULL;
}

/* ---- repr / ascii / format ------------------------------------------------------- */

static Value bi_repr(Value *args, int nargs, Value kwnames)
{
    return obj_repr(args[0]);
}

static Value bi_ascii(Value *args, int nargs, Value kwnames)
{
    return obj_ascii(args[0]);
}

static Value bi_format(Value *args, int nargs, Value kwnames)
{
    if (!IS_NULL(args[1]) && !IS_STR(args[1]))
        return err_format(&exc_TypeError, "format() argument 2 must be str, not %N", args[1]);
    return obj_format(args[0], args[1]);
}

/* ---- namespaces ----------------------------------------------------------------- */

static Value bi_vars(Value *args, int nargs, Value kwnames)
{
    if (IS_NULL(args[0])) return vm_locals();
    Value d = obj_getattr_opt(args[0], str_intern_c("__dict__"));
    if (IS_NULL(d) && !err_occurred())
        return err_format(&exc_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

static Value bi_sorted_list(Value iterable)
{
    Value l = list_new(0);
    if (IS_NULL(l) || list_extend(l, iterable) < 0 || list_sort(l, VAL_NULL, 0) < 0) return VAL_NULL;
    return l;
}

static Value bi_dir(Value *args, int nargs, Value kwnames)
{
    if (IS_NULL(args[0])) {
        Value loc = vm_locals();
        if (IS_NULL(loc)) return VAL_NULL;
        return bi_sorted_list(IS_DICT(loc) ? dict_keys_list(loc) : loc);
    }
    Value f = type_lookup_c(val_type(args[0]), "__dir__");
    if (IS_NULL(f)) return err_format(&exc_TypeError, "object does not provide __dir__");
    Value fn = descr_get(f, args[0], MK_OBJ(val_type(args[0])));
    if (IS_NULL(fn)) return VAL_NULL;
    Value res = call0(fn);
    if (IS_NULL(res)) return VAL_NULL;
    return bi_sorted_list(res);
}

static Value bi_globals(Value *args, int nargs, Value kwnames)
{
    return vm_globals();
}

static Value bi_locals(Value *args, int nargs, Value kwnames)
{
    return vm_locals();
}

/* __import__(name, globals=None, locals=None, fromlist=(), level=0) */
static Value bi_import(Value *args, int nargs, Value kwnames)
{
    int level = 0;
    if (!IS_NULL(args[4]) && arg_to_int(args[4], &level) < 0) return VAL_NULL;
    if (!IS_STR(args[0])) return err_format(&exc_TypeError, "module name must be a string");
    if (level < 0) return err_format(&exc_ValueError, "level must be >= 0");
    Value globals = IS_NULL(args[1]) ? VAL_NONE : args[1];
    Value fromlist = IS_NULL(args[3]) ? VAL_NONE : args[3];
    return import_module_level(args[0], globals, fromlist, level);
}

/* ---- exit / quit -------------------------------------------------------------------- */

typedef struct Quitter {
    Obj   header;
    Value name;
} Quitter;

static void quitter_trace(Obj *o) { gc_mark_value(((Quitter *)o)->name); }

static Value quitter_repr_m(Value *args, int nargs, Value kwnames)
{
    return str_format_c("Use %U() or Ctrl-D (i.e. EOF) to exit", ((Quitter *)AS_OBJ(args[0]))->name);
}

/* ARGS_ANY: CPython's Quitter is a Python class (_sitebuiltins), whose
 * __call__(self, code=None) reports bad arguments as a Python function does,
 * in the order CPython checks them: keywords, then the positional count. */
static Value quitter_call_m(Value *args, int nargs, Value kwnames)
{
    Value code = nargs > 1 ? args[1] : VAL_NONE;
    int nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    for (int k = 0; k < nkw; k++) {
        Value name = AS_TUPLE(kwnames)->items[k];
        if (!str_eq_c(name, "code"))
            return err_format(&exc_TypeError, "Quitter.__call__() got an unexpected keyword argument '%U'",
                              name);
        if (nargs > 1)
            return err_format(&exc_TypeError,
                              "Quitter.__call__() got multiple values for argument 'code'");
        code = args[nargs + k];
    }
    if (nargs > 2)
        return err_format(&exc_TypeError,
                          "Quitter.__call__() takes from 1 to 2 positional arguments but %d were given",
                          nargs);
    Value in = bi_sys_attr("stdin");
    if (!IS_NULL(in) && IS_FILE(in)) {
        Value r = obj_call_method(in, "close", NULL, 0);
        if (IS_NULL(r)) err_clear();
    }
    err_clear();
    return err_set_value(&exc_SystemExit, code);
}

static Value bi_aiter(Value *args, int nargs, Value kwnames) { return coro_aiter(args[0]); }
static Value bi_anext(Value *args, int nargs, Value kwnames) { return coro_anext(args[0], args[1]); }

static const MethodDef quitter_methods[] = {
    {"__repr__", quitter_repr_m, ARGS_WRAP(0), NULL},
    {"__call__", quitter_call_m, ARGS_ANY, NULL},
    {NULL, NULL, 0, NULL},
};

static Type type_quitter = {
    .tp_name = "_sitebuiltins.Quitter", .base = &type_object, .basicsize = sizeof(Quitter),
    .trace = quitter_trace, .methods = quitter_methods,
};

static Value bi_quitter_new(const char *name)
{
    type_ready(&type_quitter);
    Quitter *q = (Quitter *)gc_alloc(&type_quitter, sizeof(Quitter));
    if (!q) return VAL_NULL;
    q->name = str_from_c(name);
    return MK_OBJ(q);
}

/* ---- the module ------------------------------------------------------------------ */

/* ARGS_ANY: open's parameters are parsed by runtime/io_open.c (file_open_m); _io.open is this object. */
static Value bi_open(Value *args, int nargs, Value kwnames) { return file_open_m(args, nargs, kwnames); }

static const MethodDef bi_functions[] = {
    {"print", bi_print, ARGS_KW, "Prints the values to a stream, or to sys.stdout by default.",
     "($module, /, *args, sep=' ', end='\\n', file=None, flush=False)"},
    {"input", bi_input, ARGS_POS(0, 1), "Read a string from standard input."},
    {"len", bi_len, ARGS_ONE, "Return the number of items in a container."},
    {"abs", bi_abs, ARGS_ONE, "Return the absolute value of the argument."},
    {"round", bi_round, ARGS_KW, "Round a number to a given precision in decimal digits.",
     "($module, /, number, ndigits=None)"},
    {"divmod", bi_divmod, ARGS_POS(2, 2), "Return the tuple (x//y, x%y)."},
    {"pow", bi_pow, ARGS_KW, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3.",
     "($module, /, base, exp, mod=None)"},
    {"min", bi_min, ARGS_ANY, "Return the smallest item."},
    {"max", bi_max, ARGS_ANY, "Return the largest item."},
    {"sum", bi_sum, ARGS_KW,
     "Return the sum of a 'start' value (default: 0) plus an iterable of numbers.",
     "($module, iterable, /, start=0)"},
    {"sorted", bi_sorted, ARGS_ANY,
     "Return a new list containing all items from the iterable in ascending order."},
    {"any", bi_any, ARGS_ONE, "Return True if bool(x) is True for any x in the iterable."},
    {"all", bi_all, ARGS_ONE, "Return True if bool(x) is True for all values x in the iterable."},
    {"chr", bi_chr, ARGS_ONE, "Return a Unicode string of one character with ordinal i."},
    {"ord", bi_ord, ARGS_ONE, "Return the Unicode code point for a one-character string."},
    {"hex", bi_hex, ARGS_ONE, "Return the hexadecimal representation of an integer."},
    {"oct", bi_oct, ARGS_ONE, "Return the octal representation of an integer."},
    {"bin", bi_bin, ARGS_ONE, "Return the binary representation of an integer."},
    {"hash", bi_hash, ARGS_ONE, "Return the hash value for the given object."},
    {"id", bi_id, ARGS_ONE, "Return the identity of an object."},
    {"callable", bi_callable, ARGS_ONE, "Return whether the object is callable."},
    {"aiter", bi_aiter, ARGS_ONE, "Return an AsyncIterator for an AsyncIterable object."},
    {"anext", bi_anext, ARGS_POS(1, 2),
     "async anext(aiterator[, default])\n\nReturn the next item from the async iterator.  If default is given "
     "and the async\niterator is exhausted, it is returned instead of raising StopAsyncIteration."},
    {"getattr", bi_getattr, ARGS_POS(2, 3), "Get a named attribute from an object."},
    {"setattr", bi_setattr, ARGS_POS(3, 3),
     "Sets the named attribute on the given object to the specified value."},
    {"delattr", bi_delattr, ARGS_POS(2, 2), "Deletes the named attribute from the given object."},
    {"hasattr", bi_hasattr, ARGS_POS(2, 2),
     "Return whether the object has an attribute with the given name."},
    {"isinstance", bi_isinstance_m, ARGS_POS(2, 2),
     "Return whether an object is an instance of a class."},
    {"issubclass", bi_issubclass_m, ARGS_POS(2, 2),
     "Return whether 'cls' is derived from another class."},
    {"iter", bi_iter, ARGS_POS(1, 2), "Get an iterator from an object."},
    {"next", bi_next, ARGS_POS(1, 2), "Return the next item from the iterator."},
    {"repr", bi_repr, ARGS_ONE, "Return the canonical string representation of the object."},
    {"ascii", bi_ascii, ARGS_ONE, "Return an ASCII-only representation of an object."},
    {"format", bi_format, ARGS_POS(1, 2), "Return value.__format__(format_spec)"},
    {"vars", bi_vars, ARGS_POS(0, 1), "Show vars."},
    {"dir", bi_dir, ARGS_POS(0, 1), "Show attributes of an object."},
    {"globals", bi_globals, ARGS_NONE,
     "Return the dictionary containing the current scope's global variables."},
    {"locals", bi_locals, ARGS_NONE,
     "Return a dictionary containing the current scope's local variables."},
    {"open", bi_open, ARGS_ANY, "Open file and return a stream."},
    {"__import__", bi_import, ARGS_KW, "Import a module.",
     "($module, /, name, globals=None, locals=None, fromlist=(), level=0)"},
    {NULL, NULL, 0, NULL},
};

static int bi_add_types(Value d)
{
    generic_alias_install();
    size_t n;
    const TypeReg *const *reg = types_registered(&n);     /* GILPY_TYPE(type_x, "name") */
    for (size_t i = 0; i < n; i++) {
        if (!reg[i]->builtin_name) continue;
        type_ready(reg[i]->type);
        if (dict_set_c(d, reg[i]->builtin_name, MK_OBJ(reg[i]->type)) < 0) return -1;
    }
    for (int i = 0; exc_all_types[i]; i++) {
        type_ready(exc_all_types[i]);
        if (dict_set_c(d, type_name(exc_all_types[i]), MK_OBJ(exc_all_types[i])) < 0) return -1;
    }
    if (dict_set_c(d, "EnvironmentError", MK_OBJ(&exc_OSError)) < 0 ||
        dict_set_c(d, "IOError", MK_OBJ(&exc_OSError)) < 0)
        return -1;
    return 0;
}

static int bi_add_constants(Value d)
{
    if (dict_set_c(d, "None", VAL_NONE) < 0 || dict_set_c(d, "True", VAL_TRUE) < 0 ||
        dict_set_c(d, "False", VAL_FALSE) < 0 || dict_set_c(d, "NotImplemented", VAL_NOTIMPLEMENTED) < 0 ||
        dict_set_c(d, "Ellipsis", VAL_ELLIPSIS) < 0 || dict_set_c(d, "__debug__", VAL_TRUE) < 0)
        return -1;
    Value ex = bi_quitter_new("exit"), qu = bi_quitter_new("quit");
    if (IS_NULL(ex) || IS_NULL(qu)) return -1;
    if (dict_set_c(d, "exit", ex) < 0 || dict_set_c(d, "quit", qu) < 0) return -1;
    return 0;
}

Value builtins_module_new(void)
{
    Value m = module_new_c("builtins");
    if (IS_NULL(m)) return VAL_NULL;
    MODULE_SET_BUILTIN(m);
    Value d = MODULE_DICT(m);
    dict_add_methods(d, bi_functions, m);
    dict_add_methods(d, builtins_exec_functions, m);
    if (err_occurred()) return VAL_NULL;
    import_set_default_func(dict_get_c(d, "__import__"));
    if (bi_add_types(d) < 0 || bi_add_constants(d) < 0) return VAL_NULL;
    if (dict_set_c(d, "__doc__", str_from_c("Built-in functions, exceptions, and other objects.")) < 0)
        return VAL_NULL;
    return m;
}
