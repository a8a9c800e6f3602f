/* abstract.c - the object protocols: what `a + b`, `a[k]`, `repr(a)`,
 * `a.x`, `iter(a)` and friends mean for any object.
 *
 * Each protocol asks the operand's type for the cached special method
 * (Type.slots, see object.h) and calls it through call_slot, which calls a
 * native method's C function directly and anything else through the VM.
 * The binary-operator and comparison dispatch follows CPython exactly: the
 * reflected method of a right operand whose type is a proper subclass goes
 * first (for a binary operator only when the subclass overrides it);
 * NotImplemented falls through to the other side;
 * `==` and `!=` fall back to identity.
 */
#include <string.h>

#include "args.h"
#include "call.h"
#include "error.h"
#include "gc.h"
#include "obj_complex.h"
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

/* ---- calling a slot ------------------------------------------------------------- */

static __attribute__((noinline)) Value call_slot_general(Value f, Value *args, int nargs, Value kwnames) {
    if (IS_OBJ(f)) {
        Type *ft = AS_OBJ(f)->type;
        if (ft == &type_method_descriptor || ft == &type_wrapper_descriptor) {
            MethodDescr *d = (MethodDescr *)AS_OBJ(f);
            if (nargs < 1 || !val_isinstance(args[0], d->owner)) return descr_call(f, args, nargs, kwnames);
            return args_call(f, d->def, args, nargs, kwnames, 1);
        }
        if (TYPE_HAS(ft, TF_METHOD_DESCR))          /* a Python function: f(self, *args) */
            return call_value(f, args, nargs, kwnames);
        if (ft == &type_staticmethod)
            return call_value(((WrapperObj *)AS_OBJ(f))->func, args + 1, nargs - 1, kwnames);
        if (ft == &type_classmethod) {
            Value save = args[0];
            args[0] = MK_OBJ(val_type(save));
            Value r = call_value(((WrapperObj *)AS_OBJ(f))->func, args, nargs, kwnames);
            args[0] = save;
            return r;
        }
    }
    Value bound = descr_get(f, args[0], MK_OBJ(val_type(args[0])));
    if (IS_NULL(bound)) return VAL_NULL;
    return call_value(bound, args + 1, nargs - 1, kwnames);
}

/* The hot case apart, so that it compiles to a few tests and a tail call: a
 * native slot called with exactly its declared width (__next__, __getitem__)
 * on an instance of the type that defined it (a class may borrow another
 * type's slot, `__eq__ = str.__eq__`: that call is refused in descr_call). */
static inline Value call_slot(Value f, Value *args, int nargs, Value kwnames) {
    if (ts_c_stack_low() && obj_check_c_stack() < 0) return VAL_NULL;   /* see call_value */
    if (IS_OBJ(f) && IS_NULL(kwnames)) {
        Type *ft = AS_OBJ(f)->type;
        if (ft == &type_wrapper_descriptor || ft == &type_method_descriptor) {
            MethodDescr *d = (MethodDescr *)AS_OBJ(f);
            Type *rt = val_type(args[0]);
            if ((uint32_t)(nargs - 1) == ((d->def->flags >> 16) & 0xFFu) &&
                (rt == d->owner || type_is_subtype(rt, d->owner)))
                return d->def->fn(args, nargs, VAL_NULL);
        }
    }
    return call_slot_general(f, args, nargs, kwnames);
}

Value obj_call_special(Value v, SpecialMethod sm, Value *args, int nargs) {
    Value f = val_type(v)->slots[sm];
    if (IS_NULL(f)) return VAL_NULL;
    return call_slot(f, args, nargs, VAL_NULL);
}

Value obj_call_special_kw(Value v, SpecialMethod sm, Value *args, int nargs, Value kwnames) {
    Value f = val_type(v)->slots[sm];
    if (IS_NULL(f)) return VAL_NULL;
    return call_slot(f, args, nargs, kwnames);
}

/* Call special method sm with one argument besides the receiver. */
static Value call_special1(Value v, SpecialMethod sm, Value arg) {
    Value args[2] = { v, arg };
    return obj_call_special(v, sm, args, 2);
}

static Value call_special0(Value v, SpecialMethod sm) {
    Value args[1] = { v };
    return obj_call_special(v, sm, args, 1);
}

Value obj_call_method(Value o, const char *name, Value *args, int nargs) {
    Value m = obj_getattr_c(o, name);
    if (IS_NULL(m)) return VAL_NULL;
    return call_value(m, args, nargs, VAL_NULL);
}

/* ---- recursion guard for protocols that recurse through C --------------------------- */

/* RecursionError when the C stack is nearly used up (deep C-level recursion
 * through natives and callbacks). */
int obj_check_c_stack(void) {
    ThreadState *t = ts_get();
    volatile char here = 0;
    if (t->c_stack_lo && (char *)(uintptr_t)&here < t->c_stack_lo) {
        t->recursion_headroom++;
        err_format(&exc_RecursionError, "maximum recursion depth exceeded");
        t->recursion_headroom--;
        return -1;
    }
    return 0;
}

int obj_enter_recursion(const char *where) {
    ThreadState *t = ts_get();
    volatile char here = 0;
    int limit = interp.recursion_limit + (t->recursion_headroom ? 50 : 0);
    if (++t->recursion_depth > limit ||
        (t->c_stack_lo && (char *)(uintptr_t)&here < t->c_stack_lo)) {
        t->recursion_depth--;
        t->recursion_headroom++;
        err_format(&exc_RecursionError, "maximum recursion depth exceeded%s", where);
        t->recursion_headroom--;
        return -1;
    }
    return 0;
}

void obj_leave_recursion(void) { ts_get()->recursion_depth--; }

/* ---- repr, str, format ------------------------------------------------------------- */

static Value check_str_result(Value r, const char *what) {
    if (IS_NULL(r) || IS_STR(r)) return r;
    return err_format(&exc_TypeError, "%s returned non-string (type %T)", what, r);
}

/* __repr__ without a recursion level: what object.__str__ calls (CPython's
 * object_str calls tp_repr directly). */
Value obj_repr_uncounted(Value v) {
    Value r = call_special0(v, SM_REPR);
    if (IS_NULL(r) && !err_occurred()) return str_format_c("<%T object>", v);
    return check_str_result(r, "__repr__");
}

Value obj_repr(Value v) {
    if (obj_enter_recursion(" while getting the repr of an object") < 0) return VAL_NULL;
    Value r = obj_repr_uncounted(v);
    obj_leave_recursion();
    return r;
}

Value obj_str(Value v) {
    if (IS_EXACT(v, type_str)) return v;
    /* exact ints and floats: their __str__, without the lookup and the
       recursion guard (it cannot recurse) */
    if (IS_SMALLINT(v) || IS_EXACT(v, type_int)) return int_repr(v);
    if (IS_FLOAT(v) || IS_EXACT(v, type_float)) return float_repr(float_value(v));
    if (obj_enter_recursion(" while getting the str of an object") < 0) return VAL_NULL;
    Value r = call_special0(v, SM_STR);
    obj_leave_recursion();
    if (IS_NULL(r) && !err_occurred()) return obj_repr(v);
    return check_str_result(r, "__str__");
}

Value obj_ascii(Value v) {
    Value r = obj_repr(v);
    if (IS_NULL(r) || STR_IS_ASCII(AS_STR(r))) return r;
    StrBuf sb;
    sb_init(&sb);
    int64_t n = AS_STR(r)->nchars;
    for (int64_t i = 0; i < n; i++) {
        uint32_t c = str_char_at(r, i);
        if (c < 0x80) sb_putc(&sb, (char)c);
        else if (c < 0x100) sb_printf(&sb, "\\x%02x", c);
        else if (c < 0x10000) sb_printf(&sb, "\\u%04x", c);
        else sb_printf(&sb, "\\U%08x", c);
    }
    return sb_finish_str(&sb);
}

Value obj_format(Value v, Value spec) {
    if (IS_NULL(spec)) spec = str_empty();
    if (IS_EXACT(v, type_str) && STR_LEN(spec) == 0) return v;
    Value r = call_special1(v, SM_FORMAT, spec);
    if (IS_NULL(r)) {
        if (!err_occurred()) return err_format(&exc_TypeError, "Type %T doesn't define __format__", v);
        return VAL_NULL;
    }
    if (!IS_STR(r)) return err_format(&exc_TypeError, "__format__ must return a str, not %T", r);
    return r;
}

/* ---- hash, truth, len --------------------------------------------------------------- */

int64_t obj_hash(Value v) {
    if (IS_SMALLINT(v)) {
        int64_t i = AS_SMALLINT(v);
        return i == -1 ? -2 : i;
    }
    if (IS_BOOL(v)) return AS_BOOL(v);
    if (IS_FLOAT(v)) return float_hash(AS_FLOAT(v));
    if (IS_EXACT(v, type_str)) return str_hash(v);
    Value f = val_type(v)->slots[SM_HASH];
    if (IS_NULL(f) || IS_NONE(f)) {
        err_format(&exc_TypeError, "unhashable type: '%T'", v);
        return -1;
    }
    Value args[1] = { v };
    Value r = call_slot(f, args, 1, VAL_NULL);
    if (IS_NULL(r)) return -1;
    if (IS_SMALLINT(r)) {
        int64_t h = AS_SMALLINT(r);
        return h == -1 ? -2 : h;
    }
    if (!IS_INT(r)) {
        err_format(&exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    int64_t h;
    if (int_to_i64(r, &h) < 0) { err_clear(); h = int_hash(r); }
    return h == -1 ? -2 : h;
}

int obj_truthy(Value v) {
    if (IS_BOOL(v)) return AS_BOOL(v);
    if (IS_NONE(v)) return 0;
    if (IS_SMALLINT(v)) return AS_SMALLINT(v) != 0;
    if (IS_FLOAT(v)) return AS_FLOAT(v) != 0.0;
    Type *t = val_type(v);
    if (t == &type_str) return STR_LEN(v) != 0;
    if (t == &type_list) return AS_LIST(v)->len != 0;
    if (t == &type_tuple) return AS_TUPLE(v)->len != 0;
    if (t == &type_dict) return AS_DICT(v)->used != 0;
    if (t == &type_notimplemented)
        return err_warn(&exc_DeprecationWarning, "NotImplemented should not be used in a boolean context") < 0 ? -1 : 1;
    if (!IS_NULL(t->slots[SM_BOOL])) {
        Value r = call_special0(v, SM_BOOL);
        if (IS_NULL(r)) return -1;
        if (!IS_BOOL(r)) {
            err_format(&exc_TypeError, "__bool__ should return bool, returned %T", r);
            return -1;
        }
        return AS_BOOL(r);
    }
    if (!IS_NULL(t->slots[SM_LEN])) {
        int64_t n = obj_len(v);
        return n < 0 ? -1 : n != 0;
    }
    return 1;
}

int64_t obj_len(Value v) {
    Type *t = val_type(v);
    if (t == &type_str) return AS_STR(v)->nchars;
    if (t == &type_list) return AS_LIST(v)->len;
    if (t == &type_tuple) return AS_TUPLE(v)->len;
    if (t == &type_dict) return AS_DICT(v)->used;
    if (IS_NULL(t->slots[SM_LEN])) {
        err_format(&exc_TypeError, "object of type '%T' has no len()", v);
        return -1;
    }
    Value r = call_special0(v, SM_LEN);
    if (IS_NULL(r)) return -1;
    if (!IS_INT(r) && IS_NULL(r = obj_index(r))) return -1;   /* __len__ may return an __index__ */
    if (IS_BOOL(r)) r = MK_SMALLINT(AS_BOOL(r));
    int64_t n;
    if (!IS_SMALLINT(r)) {                       /* past the immediate range: up to sys.maxsize */
        if (int_sign(r) < 0) { err_format(&exc_ValueError, "__len__() should return >= 0"); return -1; }
        if (int_to_i64(r, &n) < 0) {
            err_clear();
            err_format(&exc_OverflowError, "cannot fit 'int' into an index-sized integer");
            return -1;
        }
        return n;
    }
    n = AS_SMALLINT(r);
    if (n < 0) { err_format(&exc_ValueError, "__len__() should return >= 0"); return -1; }
    return n;
}

/* CPython's PyObject_LengthHint, which list(), tuple(), extend and friends
 * call after iter(): len() if the type has __len__ (a TypeError there is
 * ignored, any other error raised), else __length_hint__ if it has one (a
 * TypeError or NotImplemented means no hint).  Only the errors and the calls
 * matter to callers, which grow their storage as they go. */
int64_t obj_length_hint(Value v, int64_t dflt) {
    Type *t = val_type(v);
    if (!IS_NULL(t->slots[SM_LEN])) {
        int64_t n = obj_len(v);
        if (n >= 0) return n;
        if (!err_matches(&exc_TypeError)) return -1;
        err_clear();
    }
    static Value name = VAL_NULL;
    if (IS_NULL(name)) {
        name = str_intern_c("__length_hint__");
        gc_add_root(&name);
    }
    Value m = type_lookup(t, name);
    if (IS_NULL(m)) return dflt;
    Value f = descr_get(m, v, MK_OBJ(t));
    Value r = IS_NULL(f) ? VAL_NULL : call0(f);
    if (IS_NULL(r)) {
        if (!err_matches(&exc_TypeError)) return -1;
        err_clear();
        return dflt;
    }
    if (r == VAL_NOTIMPLEMENTED) return dflt;
    if (!IS_INT(r)) {
        err_format(&exc_TypeError, "__length_hint__ must be an integer, not %T", r);
        return -1;
    }
    int64_t n;
    if (int_to_i64(r, &n) < 0) {
        err_clear();
        err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    if (n < 0) {
        err_format(&exc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

/* ---- comparison ------------------------------------------------------------------ */

static const char *const cmp_symbols[] = {"==", "!=", "<", "<=", ">", ">="};
static const int cmp_reflected[] = {CMP_EQ, CMP_NE, CMP_GT, CMP_GE, CMP_LT, CMP_LE};

/* A comparison method that is some other descriptor (a property) and fails
 * to bind is NotImplemented, as CPython's slot_tp_richcompare treats a failed
 * lookup. */
static __attribute__((noinline)) Value call_cmp_descr(Value f, Value v, Value arg) {
    Value bound = descr_get(f, v, MK_OBJ(val_type(v)));
    if (IS_NULL(bound)) {
        err_clear();
        return VAL_NOTIMPLEMENTED;
    }
    return call_value(bound, &arg, 1, VAL_NULL);
}

static inline Value call_cmp_slot(Value v, SpecialMethod sm, Value arg) {
    Value f = val_type(v)->slots[sm];
    if (IS_OBJ(f)) {
        Type *ft = AS_OBJ(f)->type;
        if (ft != &type_wrapper_descriptor && ft != &type_method_descriptor && !TYPE_HAS(ft, TF_METHOD_DESCR) &&
            ft != &type_staticmethod && ft != &type_classmethod)
            return call_cmp_descr(f, v, arg);
    }
    return call_special1(v, sm, arg);
}

static Value richcompare_dispatch(Value a, Value b, int op) {
    Type *ta = val_type(a), *tb = val_type(b);
    SpecialMethod sm = SM_FOR_CMP(op), rsm = SM_FOR_CMP(cmp_reflected[op]);
    int reflected_done = 0;
    /* a right operand of a proper subclass goes first whether or not it
     * overrides the method (CPython's do_richcompare; binary operators differ) */
    if (ta != tb && type_is_subtype(tb, ta) && !IS_NULL(tb->slots[rsm])) {
        reflected_done = 1;
        Value r = call_cmp_slot(b, rsm, a);
        if (IS_NULL(r) && err_occurred()) return VAL_NULL;
        if (!IS_NULL(r) && r != VAL_NOTIMPLEMENTED) return r;
    }
    if (!IS_NULL(ta->slots[sm])) {
        Value r = call_cmp_slot(a, sm, b);
        if (IS_NULL(r) && err_occurred()) return VAL_NULL;
        if (!IS_NULL(r) && r != VAL_NOTIMPLEMENTED) return r;
    }
    if (!reflected_done && !IS_NULL(tb->slots[rsm])) {
        Value r = call_cmp_slot(b, rsm, a);
        if (IS_NULL(r) && err_occurred()) return VAL_NULL;
        if (!IS_NULL(r) && r != VAL_NOTIMPLEMENTED) return r;
    }
    if (op == CMP_EQ) return MK_BOOL(a == b);
    if (op == CMP_NE) return MK_BOOL(a != b);
    return err_format(&exc_TypeError, "'%s' not supported between instances of '%T' and '%T'",
                      cmp_symbols[op], a, b);
}

/* Every comparison counts one recursion level, as CPython's
 * PyObject_RichCompare does: [[[...]]] == [[[...]]] recurses through the
 * containers' __eq__ in C. */
Value obj_richcompare(Value a, Value b, int op) {
    if (obj_enter_recursion(" in comparison") < 0) return VAL_NULL;
    Value r = richcompare_dispatch(a, b, op);
    obj_leave_recursion();
    return r;
}

int obj_richcompare_bool(Value a, Value b, int op) {
    if (BOTH_SMALLINT(a, b)) {
        int64_t x = AS_SMALLINT(a), y = AS_SMALLINT(b);
        switch (op) {
        case CMP_EQ: return x == y;
        case CMP_NE: return x != y;
        case CMP_LT: return x < y;
        case CMP_LE: return x <= y;
        case CMP_GT: return x > y;
        default: return x >= y;
        }
    }
    Value r = obj_richcompare(a, b, op);
    if (IS_NULL(r)) return -1;
    if (IS_BOOL(r)) return AS_BOOL(r);
    return obj_truthy(r);
}

int obj_eq(Value a, Value b) {
    if (a == b) return 1;
    if (BOTH_SMALLINT(a, b)) return 0;
    if (IS_EXACT(a, type_str) && IS_EXACT(b, type_str)) return str_eq(a, b);
    return obj_richcompare_bool(a, b, CMP_EQ);
}

/* ---- arithmetic ---------------------------------------------------------------------- */

static const char *const binop_symbols[] = {
    "+", "-", "*", "@", "/", "//", "%", "** or pow()", "<<", ">>", "|", "^", "&"};
static const char *const inplace_symbols[] = {
    "+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=", "<<=", ">>=", "|=", "^=", "&="};

/* ---- + and * of sequences ----------------------------------------------------------
 * CPython keeps the + and * of str, bytes, bytearray, list and tuple in
 * sequence slots (sq_concat, sq_repeat, sq_inplace_*), which PyNumber_Add and
 * PyNumber_Multiply try only after both operands' numeric slots declined;
 * and a class that defines __add__ (or __mul__/__rmul__) in Python loses the
 * inherited sequence slot, while one that defines any of them gets a numeric
 * slot that calls whatever its MRO has under those names.  Here those five
 * types' own methods play the sequence slots (seq_method), so:
 *   - the numeric phase (binop_try) skips a type whose methods for the
 *     operator are all sequence methods (num_slot_exists);
 *   - then the sequence phase (seq_binop) calls the left operand's concat,
 *     or the repeat of whichever operand still has it, checking the count
 *     the way CPython's sequence_repeat does;
 *   - called directly, the methods behave as CPython's slot wrappers
 *     ('ab'.__mul__(1.5): "'float' object cannot be interpreted as an integer"). */

static Type *const seq_types[] = {&type_str, &type_bytes, &type_bytearray, &type_list, &type_tuple};

/* f is str/bytes/bytearray/list/tuple's own method for sm. */
static int seq_method(Value f, int sm) {
    if (IS_NULL(f)) return 0;
    for (size_t i = 0; i < sizeof seq_types / sizeof seq_types[0]; i++)
        if (f == seq_types[i]->slots[sm]) return 1;
    return 0;
}

/* CPython's nb_add/nb_multiply exists for t: one of its methods for the
 * operator is not a sequence method.  Other operators: always. */
static int num_slot_exists(Type *t, int op) {
    if (op != OP_ADD && op != OP_MUL) return 1;
    Value f = t->slots[SM_ADD + op], r = t->slots[SM_RADD + op];
    return (!IS_NULL(f) && !seq_method(f, SM_ADD + op)) || (!IS_NULL(r) && !seq_method(r, SM_RADD + op));
}

/* The type still has CPython's sq_concat / sq_repeat. */
static int has_sq_concat(Type *t) { return seq_method(t->slots[SM_ADD], SM_ADD); }
static int has_sq_repeat(Type *t) {
    return seq_method(t->slots[SM_MUL], SM_MUL) && seq_method(t->slots[SM_RMUL], SM_RMUL);
}
/* CPython's tp_as_sequence != NULL: every class, and builtins with sequence methods. */
static int has_as_sequence(Type *t) {
    return TYPE_HAS(t, TF_HEAPTYPE) || !IS_NULL(t->slots[SM_LEN]) || !IS_NULL(t->slots[SM_CONTAINS]) ||
           !IS_NULL(t->slots[SM_GETITEM]);
}

/* CPython's sequence_repeat: an index count, or "can't multiply sequence". */
static Value seq_repeat(Value seq, Value n, int sm) {
    if (!IS_INT(n) && IS_NULL(val_type(n)->slots[SM_INDEX]))
        return err_format(&exc_TypeError, "can't multiply sequence by non-int of type '%T'", n);
    return call_special1(seq, sm, n);
}

/* The sequence phase of a + b / a * b (and their in-place forms), after the
 * numeric one declined: VAL_NOTIMPLEMENTED when no sequence slot applies. */
static Value seq_binop(Value a, Value b, int op, int inplace) {
    Type *ta = val_type(a), *tb = val_type(b);
    if (op == OP_ADD) {
        if (inplace && seq_method(ta->slots[SM_IADD], SM_IADD)) return call_special1(a, SM_IADD, b);
        return has_sq_concat(ta) ? call_special1(a, SM_ADD, b) : VAL_NOTIMPLEMENTED;
    }
    if (op != OP_MUL) return VAL_NOTIMPLEMENTED;
    if (inplace && seq_method(ta->slots[SM_IMUL], SM_IMUL)) return seq_repeat(a, b, SM_IMUL);
    if (has_sq_repeat(ta)) return seq_repeat(a, b, SM_MUL);
    if (inplace && has_as_sequence(ta)) return VAL_NOTIMPLEMENTED;   /* CPython looks no further */
    if (has_sq_repeat(tb)) return seq_repeat(b, a, SM_MUL);
    return VAL_NOTIMPLEMENTED;
}

static Value binop_error(Value a, Value b, int op, int inplace) {
    return err_format(&exc_TypeError, "unsupported operand type(s) for %s: '%T' and '%T'",
                      inplace ? inplace_symbols[op] : binop_symbols[op], a, b);
}

/* a op b without the error: VAL_NOTIMPLEMENTED when neither side knows. */
static Value binop_try(Value a, Value b, int op, int inplace) {
    Type *ta = val_type(a), *tb = val_type(b);
    Value fa = num_slot_exists(ta, op) ? ta->slots[SM_ADD + op] : VAL_NULL;
    Value fb = ta != tb && num_slot_exists(tb, op) ? tb->slots[SM_RADD + op] : VAL_NULL;
    if (!IS_NULL(fb) && type_is_subtype(tb, ta) && fb != ta->slots[SM_RADD + op]) {
        Value r = call_special1(b, SM_RADD + op, a);
        if (IS_NULL(r) || r != VAL_NOTIMPLEMENTED) return r;
        fb = VAL_NULL;
    }
    if (!IS_NULL(fa)) {
        Value r = call_special1(a, SM_ADD + op, b);
        if (IS_NULL(r) || r != VAL_NOTIMPLEMENTED) return r;
    }
    if (!IS_NULL(fb)) {
        Value r = call_special1(b, SM_RADD + op, a);
        if (IS_NULL(r) || r != VAL_NOTIMPLEMENTED) return r;
    }
    return seq_binop(a, b, op, inplace);
}

/* Two exact ints: their methods are the only ones that can answer. */
static inline int binop_exact_ints(Value a, Value b) {
    return (IS_SMALLINT(a) || IS_EXACT(a, type_int)) && (IS_SMALLINT(b) || IS_EXACT(b, type_int));
}

Value obj_binop(Value a, Value b, int op) {
    if (op != OP_MATMUL && binop_exact_ints(a, b)) return int_binop(a, b, op);
    Value r = binop_try(a, b, op, 0);
    return r == VAL_NOTIMPLEMENTED ? binop_error(a, b, op, 0) : r;
}

Value obj_inplace_binop(Value a, Value b, int op) {
    if (op != OP_MATMUL && binop_exact_ints(a, b)) return int_binop(a, b, op);
    Type *ta = val_type(a);
    Value fi = ta->slots[SM_IADD + op];
    /* A class inheriting list's or bytearray's __iadd__ has it as its numeric
     * in-place slot too (same wrapper signature in CPython's slot table), so
     * it comes first there; the builtins' own only in the sequence phase. */
    if (!IS_NULL(fi) && (!seq_method(fi, SM_IADD + op) || (op == OP_ADD && TYPE_HAS(ta, TF_HEAPTYPE)))) {
        Value r = call_special1(a, SM_IADD + op, b);
        if (IS_NULL(r) || r != VAL_NOTIMPLEMENTED) return r;
    }
    Value r = binop_try(a, b, op, 1);
    if (r == VAL_NOTIMPLEMENTED) return binop_error(a, b, op, 1);
    return r;
}

Value obj_unaryop(Value a, int op) {
    static const SpecialMethod sms[] = {SM_INVERT, SM_NEG /* unused: NOT */, SM_POS, SM_NEG};
    static const char *const names[] = {"~", "not", "+", "-"};
    if (op == UOP_NOT) {
        int t = obj_truthy(a);
        return t < 0 ? VAL_NULL : MK_BOOL(!t);
    }
    Value r = call_special0(a, sms[op]);
    if (IS_NULL(r) && !err_occurred())
        return err_format(&exc_TypeError, "bad operand type for unary %s: '%T'", names[op], a);
    return r;
}

/* ---- __index__ -------------------------------------------------------------------------- */

int obj_is_number(Value v) {
    if (IS_INT(v) || IS_FLOATOBJ(v) || IS_COMPLEX(v)) return 1;
    Type *t = val_type(v);
    return !IS_NULL(t->slots[SM_INDEX]) || !IS_NULL(t->slots[SM_INT]) || !IS_NULL(t->slots[SM_FLOAT]);
}

Value obj_index(Value v) {
    if (IS_SMALLINT(v)) return v;
    if (IS_BOOL(v)) return MK_SMALLINT(AS_BOOL(v));
    if (IS_EXACT(v, type_int)) return v;
    if (IS_INT(v)) return int_exact(v);     /* an int subclass is its value: no __index__ call */
    Value r = call_special0(v, SM_INDEX);
    if (IS_NULL(r)) {
        if (!err_occurred())
            err_format(&exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return VAL_NULL;
    }
    if (!IS_INT(r)) return err_format(&exc_TypeError, "__index__ returned non-int (type %T)", r);
    return int_exact(r);
}

/* PyNumber_AsSsize_t(v, exc): IndexError for subscripts, OverflowError for
 * sizes and counts (bytes(2**63), [0] * 2**70). */
static int obj_index_as(Value v, int64_t *out, Type *exc) {
    if (IS_SMALLINT(v)) { *out = AS_SMALLINT(v); return 0; }
    Value i = obj_index(v);
    if (IS_NULL(i)) return -1;
    if (IS_SMALLINT(i)) { *out = AS_SMALLINT(i); return 0; }
    if (int_to_i64(i, out) < 0) {
        err_clear();
        err_format(exc, "cannot fit '%T' into an index-sized integer", v);
        return -1;
    }
    return 0;
}

int obj_index_i64(Value v, int64_t *out) { return obj_index_as(v, out, &exc_IndexError); }
int obj_index_size(Value v, int64_t *out) { return obj_index_as(v, out, &exc_OverflowError); }

/* ---- items ------------------------------------------------------------------------- */

Value obj_getitem(Value o, Value key) {
    Type *t = val_type(o);
    if (!IS_NULL(t->slots[SM_GETITEM])) return call_special1(o, SM_GETITEM, key);
    if (IS_TYPE(o)) {
        Value cg = type_lookup(AS_TYPE(o), sm_name_values[SM_CLASS_GETITEM]);
        if (!IS_NULL(cg)) {
            Value f = descr_get(cg, VAL_NULL, o);
            if (IS_NULL(f)) return VAL_NULL;
            return call1(f, key);
        }
        if (AS_TYPE(o) == &type_type) return o;
        return err_format(&exc_TypeError, "type '%s' is not subscriptable", type_name(AS_TYPE(o)));
    }
    return err_format(&exc_TypeError, "'%T' object is not subscriptable", o);
}

/* o[key] = v or del o[key] on a type without the method: CPython's
 * PyObject_SetItem/DelItem.  There one C slot serves both __setitem__ and
 * __delitem__, so a class defining only one of them raises AttributeError
 * naming the other.  A sequence-like type (every class, and builtins with
 * __len__ or __contains__) converts an index key first (IndexError if it
 * does not fit) and then "doesn't support item deletion"; the rest "does not". */
static int item_store_error(Value o, Value key, int del) {
    Type *t = val_type(o);
    if (!IS_NULL(t->slots[del ? SM_SETITEM : SM_DELITEM])) {
        err_set_value(&exc_AttributeError, sm_name_values[del ? SM_DELITEM : SM_SETITEM]);
        return -1;
    }
    int seq = (t->flags & TF_HEAPTYPE) || !IS_NULL(t->slots[SM_LEN]) || !IS_NULL(t->slots[SM_CONTAINS]);
    if (seq && (IS_INT(key) || !IS_NULL(val_type(key)->slots[SM_INDEX]))) {
        int64_t i;
        if (obj_index_i64(key, &i) < 0) return -1;
        if (del) {
            err_format(&exc_TypeError, "'%T' object doesn't support item deletion", o);
            return -1;
        }
    }
    err_format(&exc_TypeError, del ? "'%T' object does not support item deletion"
                                   : "'%T' object does not support item assignment", o);
    return -1;
}

int obj_setitem(Value o, Value key, Value v) {
    Type *t = val_type(o);
    if (IS_NULL(t->slots[SM_SETITEM])) return item_store_error(o, key, 0);
    Value args[3] = { o, key, v };
    return IS_NULL(obj_call_special(o, SM_SETITEM, args, 3)) ? -1 : 0;
}

int obj_delitem(Value o, Value key) {
    Type *t = val_type(o);
    if (IS_NULL(t->slots[SM_DELITEM])) return item_store_error(o, key, 1);
    return IS_NULL(call_special1(o, SM_DELITEM, key)) ? -1 : 0;
}

/* ---- iteration ------------------------------------------------------------------------ */

Value obj_iter(Value o) {
    Type *t = val_type(o);
    Value f = t->slots[SM_ITER];
    if (!IS_NULL(f) && !IS_NONE(f)) {
        Value it = call_special0(o, SM_ITER);
        if (IS_NULL(it)) return VAL_NULL;
        if (IS_NULL(val_type(it)->slots[SM_NEXT]))
            return err_format(&exc_TypeError, "iter() returned non-iterator of type '%T'", it);
        return it;
    }
    if (IS_NULL(f) && !IS_NULL(t->slots[SM_GETITEM]) && !IS_TYPE(o)) return seqiter_new(o);
    return err_format(&exc_TypeError, "'%T' object is not iterable", o);
}

Value obj_next_forward(Value it) {
    Value f = val_type(it)->slots[SM_NEXT];
    if (IS_NULL(f)) return err_format(&exc_TypeError, "'%T' object is not an iterator", it);
    Value args[1] = { it };
    return call_slot(f, args, 1, VAL_NULL);
}

Value obj_next(Value it) {
    Value r = obj_next_forward(it);
    if (IS_NULL(r) && err_matches(&exc_StopIteration)) err_clear();
    return r;
}

int obj_contains(Value container, Value item) {
    Type *t = val_type(container);
    if (!IS_NULL(t->slots[SM_CONTAINS])) {
        Value r = call_special1(container, SM_CONTAINS, item);
        if (IS_NULL(r)) return -1;
        return obj_truthy(r);
    }
    if (IS_NULL(t->slots[SM_ITER]) && IS_NULL(t->slots[SM_GETITEM])) {
        err_format(&exc_TypeError, "argument of type '%T' is not iterable", container);
        return -1;
    }
    Value it = obj_iter(container);
    if (IS_NULL(it)) return -1;
    for (;;) {
        Value x = obj_next(it);
        if (IS_NULL(x)) return err_occurred() ? -1 : 0;
        int eq = obj_eq(x, item);
        if (eq != 0) return eq;
    }
}

Value seq_to_list(Value iterable) {
    Value l = list_new(0);
    if (IS_NULL(l)) return VAL_NULL;
    if (list_extend(l, iterable) < 0) return VAL_NULL;
    return l;
}

Value seq_to_tuple(Value iterable) {
    if (IS_EXACT(iterable, type_tuple)) return iterable;
    Value l = seq_to_list(iterable);
    if (IS_NULL(l)) return VAL_NULL;
    return tuple_from_array(AS_LIST(l)->items, AS_LIST(l)->len);
}

/* ---- attributes --------------------------------------------------------------------------- */

static Value object_getattribute_slot, type_getattribute_slot;
static Value object_setattr_slot, type_setattr_slot, object_delattr_slot, type_delattr_slot;

void abstract_init(void) {
    object_getattribute_slot = type_object.slots[SM_GETATTRIBUTE];
    type_getattribute_slot = type_type.slots[SM_GETATTRIBUTE];
    object_setattr_slot = type_object.slots[SM_SETATTR];
    type_setattr_slot = type_type.slots[SM_SETATTR];
    object_delattr_slot = type_object.slots[SM_DELATTR];
    type_delattr_slot = type_type.slots[SM_DELATTR];
}

int obj_uses_generic_getattr(Type *t) {
    return t->slots[SM_GETATTRIBUTE] == object_getattribute_slot && IS_NULL(t->slots[SM_GETATTR]);
}

int obj_uses_generic_setattr(Type *t) {
    return t->slots[SM_SETATTR] == object_setattr_slot;
}

Value *obj_dict_ptr(Value o) {
    if (!IS_OBJ(o)) return NULL;
    Type *t = AS_OBJ(o)->type;
    if (!t->dictoffset) return NULL;
    return (Value *)((char *)AS_OBJ(o) + t->dictoffset);
}

Value err_set_attribute_error(Value obj, Value name, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    Value msg = str_vformat_c(fmt, ap);
    va_end(ap);
    if (IS_NULL(msg)) return VAL_NULL;
    Value e = call1(MK_OBJ(&exc_AttributeError), msg);
    if (IS_NULL(e)) return VAL_NULL;
    Value *d = obj_dict_ptr(e);
    if (d && IS_DICT(*d)) {
        dict_set_c(*d, "name", name);
        dict_set_c(*d, "obj", obj);
    }
    ts_get()->exc = e;
    return VAL_NULL;
}

static Value attr_missing(Value o, Value name) {
    if (IS_EXACT(o, type_module)) {
        Value mn = dict_get_c(MODULE_DICT(o), "__name__");
        if (IS_STR(mn))
            return err_set_attribute_error(o, name, "module '%U' has no attribute '%U'", mn, name);
        return err_set_attribute_error(o, name, "module has no attribute '%U'", name);
    }
    return err_set_attribute_error(o, name, "'%T' object has no attribute '%U'", o, name);
}

static int descr_is_data_type(Type *dt) {
    return !IS_NULL(dt->slots[SM_SET]) || !IS_NULL(dt->slots[SM_DELETE]);
}

Value obj_generic_getattr(Value o, Value name, int suppress) {
    Type *t = val_type(o);
    Value descr = type_lookup(t, name);
    Type *dt = NULL;
    if (!IS_NULL(descr)) {
        dt = val_type(descr);
        if (!IS_NULL(dt->slots[SM_GET]) && descr_is_data_type(dt))
            return descr_get(descr, o, MK_OBJ(t));
    }
    Value *dp = obj_dict_ptr(o);
    if (dp && IS_DICT(*dp)) {
        Value v = dict_get(*dp, name);
        if (!IS_NULL(v)) return v;
        if (err_occurred()) return VAL_NULL;
    }
    if (!IS_NULL(descr)) {
        if (dt->get) return dt->get(descr, o, MK_OBJ(t));
        if (!IS_NULL(dt->slots[SM_GET])) return descr_get(descr, o, MK_OBJ(t));
        return descr;
    }
    if (suppress) return VAL_NULL;
    return attr_missing(o, name);
}

Value obj_getattr(Value o, Value name) {
    Type *t = val_type(o);
    Value ga = t->slots[SM_GETATTRIBUTE];
    int has_getattr = !IS_NULL(t->slots[SM_GETATTR]);
    Value r;
    if (ga == object_getattribute_slot) r = obj_generic_getattr(o, name, has_getattr);
    else if (ga == type_getattribute_slot) r = type_getattr(o, name, has_getattr);
    else r = call_special1(o, SM_GETATTRIBUTE, name);
    if (IS_NULL(r) && has_getattr && (!err_occurred() || err_matches(&exc_AttributeError))) {
        err_clear();
        r = call_special1(o, SM_GETATTR, name);
    }
    if (IS_NULL(r)) {
        if (!err_occurred()) return attr_missing(o, name);
        exc_attribute_error_context(err_peek(), o, name);
    }
    return r;
}

Value obj_getattr_c(Value o, const char *name) { return obj_getattr(o, str_intern_c(name)); }

Value obj_getattr_opt(Value o, Value name) {
    Type *t = val_type(o);
    Value r;
    if (t->slots[SM_GETATTRIBUTE] == object_getattribute_slot && IS_NULL(t->slots[SM_GETATTR]))
        r = obj_generic_getattr(o, name, 1);
    else
        r = obj_getattr(o, name);
    if (IS_NULL(r) && err_matches(&exc_AttributeError)) err_clear();
    return r;
}

int obj_hasattr(Value o, Value name) {
    Value r = obj_getattr_opt(o, name);
    if (IS_NULL(r)) return err_occurred() ? -1 : 0;
    return 1;
}

int obj_generic_setattr(Value o, Value name, Value v) {
    Type *t = val_type(o);
    Value descr = type_lookup(t, name);
    if (!IS_NULL(descr)) {
        Type *dt = val_type(descr);
        SpecialMethod sm = IS_NULL(v) ? SM_DELETE : SM_SET;
        if (!IS_NULL(dt->slots[sm])) {
            Value args[3] = { descr, o, v };
            return IS_NULL(obj_call_special(descr, sm, args, IS_NULL(v) ? 2 : 3)) ? -1 : 0;
        }
        if (descr_is_data_type(dt)) {
            err_format(&exc_AttributeError, "__delete__");
            return -1;
        }
    }
    Value *dp = obj_dict_ptr(o);
    if (!dp) {
        if (!IS_NULL(descr))
            err_format(&exc_AttributeError, "'%T' object attribute '%U' is read-only", o, name);
        else
            err_set_attribute_error(o, name, "'%T' object has no attribute '%U'", o, name);
        return -1;
    }
    if (IS_NULL(v)) {
        int r = IS_DICT(*dp) ? dict_del(*dp, name) : 0;
        if (r == 0) attr_missing(o, name);
        return r > 0 ? 0 : -1;
    }
    if (!IS_DICT(*dp)) {
        *dp = dict_new();
        if (IS_NULL(*dp)) return -1;
    }
    return dict_set(*dp, name, v);
}

int obj_setattr(Value o, Value name, Value v) {
    Type *t = val_type(o);
    SpecialMethod sm = IS_NULL(v) ? SM_DELATTR : SM_SETATTR;
    Value f = t->slots[sm];
    if (f == object_setattr_slot || f == object_delattr_slot) return obj_generic_setattr(o, name, v);
    if (f == type_setattr_slot || f == type_delattr_slot) return type_setattr(o, name, v);
    Value args[3] = { o, name, v };
    Value r = obj_call_special(o, sm, args, IS_NULL(v) ? 2 : 3);
    return IS_NULL(r) ? -1 : 0;
}
