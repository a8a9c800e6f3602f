/* mod_operator.c - the `_operator` module: Python's operators as functions,
 * and itemgetter, attrgetter and methodcaller, as CPython 3.11's _operator.c.
 * CPython's own operator.py imports everything from here.
 *
 * Each function is one call of the runtime's protocol for its operator
 * (obj_binop, obj_richcompare, obj_getitem...), so results and messages are
 * the interpreter's own.  The three callable classes keep their arguments
 * in a tuple and are called through their type's call slot, without
 * building an argument tuple: sorted(key=itemgetter(1)) stays in C. */
#include <stdlib.h>
#include <string.h>
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/ops.h"
#include "interp/import.h"
#include "interp/modreg.h"
#include "hashlib_args.h"

GILPY_MODULE("_operator", mod_operator_init);

/* ---- the operators --------------------------------------------------------------------- */

#define OPR_BINARY(NAME, KIND)                                                                \
    static Value opr_##NAME(Value *a, int n, Value kw) { return obj_binop(a[0], a[1], KIND); } \
    static Value opr_i##NAME(Value *a, int n, Value kw) { return obj_inplace_binop(a[0], a[1], KIND); }
OPR_BINARY(add, OP_ADD)
OPR_BINARY(sub, OP_SUB)
OPR_BINARY(mul, OP_MUL)
OPR_BINARY(matmul, OP_MATMUL)
OPR_BINARY(truediv, OP_TRUEDIV)
OPR_BINARY(floordiv, OP_FLOORDIV)
OPR_BINARY(mod, OP_MOD)
OPR_BINARY(pow, OP_POW)
OPR_BINARY(lshift, OP_LSHIFT)
OPR_BINARY(rshift, OP_RSHIFT)
OPR_BINARY(or_, OP_BITOR)
OPR_BINARY(xor, OP_BITXOR)
OPR_BINARY(and_, OP_BITAND)

#define OPR_COMPARE(NAME, KIND) \
    static Value opr_##NAME(Value *a, int n, Value kw) { return obj_richcompare(a[0], a[1], KIND); }
OPR_COMPARE(lt, CMP_LT)
OPR_COMPARE(le, CMP_LE)
OPR_COMPARE(eq, CMP_EQ)
OPR_COMPARE(ne, CMP_NE)
OPR_COMPARE(gt, CMP_GT)
OPR_COMPARE(ge, CMP_GE)

static Value opr_neg(Value *a, int n, Value kw) { return obj_unaryop(a[0], UOP_NEG); }
static Value opr_pos(Value *a, int n, Value kw) { return obj_unaryop(a[0], UOP_POS); }
static Value opr_invert(Value *a, int n, Value kw) { return obj_unaryop(a[0], UOP_INVERT); }
static Value opr_abs(Value *a, int n, Value kw) {
    Value r = obj_call_special(a[0], SM_ABS, a, 1);
    if (IS_NULL(r) && !err_occurred()) return err_format(&exc_TypeError, "bad operand type for abs(): '%T'", a[0]);
    return r;
}
static Value opr_index(Value *a, int n, Value kw) { return obj_index(a[0]); }
static Value opr_truth(Value *a, int n, Value kw) {
    int t = obj_truthy(a[0]);
    return t < 0 ? VAL_NULL : MK_BOOL(t);
}
static Value opr_not_(Value *a, int n, Value kw) {
    int t = obj_truthy(a[0]);
    return t < 0 ? VAL_NULL : MK_BOOL(!t);
}
static Value opr_is_(Value *a, int n, Value kw) { return MK_BOOL(a[0] == a[1]); }
static Value opr_is_not(Value *a, int n, Value kw) { return MK_BOOL(a[0] != a[1]); }

static Value opr_contains(Value *a, int n, Value kw) {
    int r = obj_contains(a[0], a[1]);
    return r < 0 ? VAL_NULL : MK_BOOL(r);
}
static Value opr_getitem(Value *a, int n, Value kw) { return obj_getitem(a[0], a[1]); }
static Value opr_setitem(Value *a, int n, Value kw) { return obj_setitem(a[0], a[1], a[2]) < 0 ? VAL_NULL : VAL_NONE; }
static Value opr_delitem(Value *a, int n, Value kw) { return obj_delitem(a[0], a[1]) < 0 ? VAL_NULL : VAL_NONE; }

/* concat and iconcat: sequences only, as PySequence_Concat. */
static int opr_is_sequence(Value v) {
    Type *t = val_type(v);
    return !IS_NULL(t->slots[SM_GETITEM]) && !type_is_subtype(t, &type_dict);
}
static Value opr_concat(Value *a, int n, Value kw) {
    if (!opr_is_sequence(a[0])) return err_format(&exc_TypeError, "'%T' object can't be concatenated", a[0]);
    return obj_binop(a[0], a[1], OP_ADD);
}
static Value opr_iconcat(Value *a, int n, Value kw) {
    if (!opr_is_sequence(a[0])) return err_format(&exc_TypeError, "'%T' object can't be concatenated", a[0]);
    return obj_inplace_binop(a[0], a[1], OP_ADD);
}

/* Walk a's items comparing with b: the count of equal ones, or (first) the
 * index of the first; -1 raised. */
static int64_t opr_scan(Value a, Value b, int first) {
    Value it = obj_iter(a);
    if (IS_NULL(it)) return -1;
    int64_t i = 0, count = 0;
    for (Value x; !IS_NULL(x = obj_next(it)); i++) {
        int eq = x == b ? 1 : obj_richcompare_bool(x, b, CMP_EQ);
        if (eq < 0) return -1;
        if (eq && first) return i;
        count += eq;
    }
    if (err_occurred()) return -1;
    if (first) { err_format(&exc_ValueError, "sequence.index(x): x not in sequence"); return -1; }
    return count;
}
static Value opr_countOf(Value *a, int n, Value kw) {
    int64_t c = opr_scan(a[0], a[1], 0);
    return c < 0 ? VAL_NULL : int_from_i64(c);
}
static Value opr_indexOf(Value *a, int n, Value kw) {
    int64_t c = opr_scan(a[0], a[1], 1);
    return c < 0 ? VAL_NULL : int_from_i64(c);
}

/* length_hint(obj, default=0) */
static Value opr_length_hint(Value *a, int n, Value kw) {
    int64_t dflt = 0;
    if (!IS_NULL(a[1])) {
        if (!IS_INT(a[1]))
            return err_format(&exc_TypeError, "'%T' object cannot be interpreted as an integer", a[1]);
        if (int_to_i64(a[1], &dflt) < 0) return VAL_NULL;
    }
    int64_t r = obj_length_hint(a[0], dflt);
    return r < 0 ? VAL_NULL : int_from_i64(r);
}

/* call(obj, /, *args, **kwargs) */
static Value opr_call(Value *a, int n, Value kw) {
    if (n < 1) return err_format(&exc_TypeError, "call() missing 1 required positional argument: 'obj'");
    return call_value(a[0], a + 1, n - 1, kw);
}

static Value opr_compare_digest(Value *a, int n, Value kw) { return hashlib_compare_digest(a[0], a[1]); }

/* ---- itemgetter, attrgetter, methodcaller ---------------------------------------------- */

typedef struct {
    Obj   header;
    Value items;       /* itemgetter: the keys; attrgetter: per attribute a tuple of
                          its dotted parts; methodcaller: (name, *args) */
    Value kwargs;      /* methodcaller's keyword arguments (a dict), else VAL_NULL */
} Getter;

#define AS_GETTER(v) ((Getter *)AS_OBJ(v))
#define TUP_LEN(t) (AS_TUPLE(t)->len)
#define TUP_ITEMS(t) (AS_TUPLE(t)->items)

static void getter_trace(Obj *o) {
    gc_mark_value(((Getter *)o)->items);
    gc_mark_value(((Getter *)o)->kwargs);
}

extern Type type_itemgetter, type_attrgetter, type_methodcaller;

static Getter *getter_new(Type *t, Value items) {
    Getter *g = (Getter *)gc_alloc(t, sizeof(Getter));
    if (g) { g->items = items; g->kwargs = VAL_NULL; }
    return g;
}

/* The tuple of what a getter returns, one per item (or the one value). */
static Value getter_collect(Value self, Value obj, Value (*one)(Value part, Value obj)) {
    Value items = AS_GETTER(self)->items;
    int64_t n = TUP_LEN(items);
    if (n == 1) return one(TUP_ITEMS(items)[0], obj);
    Value r = tuple_new(n);
    if (IS_NULL(r)) return VAL_NULL;
    for (int64_t i = 0; i < n; i++) {
        Value v = one(TUP_ITEMS(items)[i], obj);
        if (IS_NULL(v)) return VAL_NULL;
        TUP_ITEMS(r)[i] = v;
    }
    return r;
}

static int getter_one_arg(const char *name, int nargs, Value kwnames) {
    if (arg_no_kw(name, kwnames) < 0) return -1;
    if (nargs != 1) {
        err_format(&exc_TypeError, "%s expected 1 argument, got %d", name, nargs);
        return -1;
    }
    return 0;
}

static Value itemgetter_new_m(Value *args, int nargs, Value kwnames) {
    if (arg_no_kw("itemgetter", kwnames) < 0) return VAL_NULL;
    if (nargs < 2) return err_format(&exc_TypeError, "itemgetter expected 1 argument, got 0");
    Value items = tuple_from_array(args + 1, nargs - 1);
    Getter *g = IS_NULL(items) ? NULL : getter_new(AS_TYPE(args[0]), items);
    return g ? MK_OBJ(g) : VAL_NULL;
}

static Value itemgetter_one(Value key, Value obj) { return obj_getitem(obj, key); }

static Value itemgetter_call(Value self, Value *args, int nargs, Value kwnames) {
    if (getter_one_arg("itemgetter", nargs, kwnames) < 0) return VAL_NULL;
    return getter_collect(self, args[0], itemgetter_one);
}

/* attrgetter's parts: "a.b.c" -> ('a', 'b', 'c'), each interned. */
static Value attrgetter_parts(Value name) {
    if (!IS_STR(name)) return err_format(&exc_TypeError, "attribute name must be a string");
    const char *s = STR_DATA(name);
    int64_t len = STR_LEN(name), nparts = 1;
    for (int64_t i = 0; i < len; i++) nparts += s[i] == '.';
    Value parts = tuple_new(nparts);
    if (IS_NULL(parts)) return VAL_NULL;
    int64_t start = 0, k = 0;
    for (int64_t i = 0; i <= len; i++) {
        if (i < len && s[i] != '.') continue;
        Value p = str_new(s + start, (size_t)(i - start));
        if (IS_NULL(p)) return VAL_NULL;
        TUP_ITEMS(parts)[k++] = str_intern(p);
        start = i + 1;
    }
    return parts;
}

static Value attrgetter_new_m(Value *args, int nargs, Value kwnames) {
    if (arg_no_kw("attrgetter", kwnames) < 0) return VAL_NULL;
    if (nargs < 2) return err_format(&exc_TypeError, "attrgetter expected 1 argument, got 0");
    Value items = tuple_new(nargs - 1);
    if (IS_NULL(items)) return VAL_NULL;
    for (int i = 1; i < nargs; i++) {
        Value parts = attrgetter_parts(args[i]);
        if (IS_NULL(parts)) return VAL_NULL;
        TUP_ITEMS(items)[i - 1] = parts;
    }
    Getter *g = getter_new(AS_TYPE(args[0]), items);
    return g ? MK_OBJ(g) : VAL_NULL;
}

static Value attrgetter_one(Value parts, Value obj) {
    for (int64_t i = 0; i < TUP_LEN(parts) && !IS_NULL(obj); i++) obj = obj_getattr(obj, TUP_ITEMS(parts)[i]);
    return obj;
}

static Value attrgetter_call(Value self, Value *args, int nargs, Value kwnames) {
    if (getter_one_arg("attrgetter", nargs, kwnames) < 0) return VAL_NULL;
    return getter_collect(self, args[0], attrgetter_one);
}

/* The dotted name back from its parts. */
static Value attrgetter_name(Value parts) {
    Value dot = str_intern_c(".");
    return TUP_LEN(parts) == 1 ? TUP_ITEMS(parts)[0] : str_join(dot, parts);
}

static Value attrgetter_names(Value self) {
    Value items = AS_GETTER(self)->items;
    Value r = tuple_new(TUP_LEN(items));
    if (IS_NULL(r)) return VAL_NULL;
    for (int64_t i = 0; i < TUP_LEN(items); i++) {
        Value s = attrgetter_name(TUP_ITEMS(items)[i]);
        if (IS_NULL(s)) return VAL_NULL;
        TUP_ITEMS(r)[i] = s;
    }
    return r;
}

static Value methodcaller_new_m(Value *args, int nargs, Value kwnames) {
    if (nargs < 2) return err_format(&exc_TypeError, "methodcaller needs at least one argument, the method name");
    if (!IS_STR(args[1])) return err_format(&exc_TypeError, "method name must be a string");
    args[1] = str_intern(args[1]);
    Value items = tuple_from_array(args + 1, nargs - 1);
    Getter *g = IS_NULL(items) ? NULL : getter_new(AS_TYPE(args[0]), items);
    if (!g) return VAL_NULL;
    if (!IS_NULL(kwnames) && TUP_LEN(kwnames) > 0) {
        g->kwargs = dict_new();
        if (IS_NULL(g->kwargs)) return VAL_NULL;
        for (int64_t i = 0; i < TUP_LEN(kwnames); i++)
            if (dict_set(g->kwargs, TUP_ITEMS(kwnames)[i], args[nargs + i]) < 0) return VAL_NULL;
    }
    return MK_OBJ(g);
}

static Value methodcaller_call(Value self, Value *args, int nargs, Value kwnames) {
    if (getter_one_arg("methodcaller", nargs, kwnames) < 0) return VAL_NULL;
    Getter *g = AS_GETTER(self);
    Value m = obj_getattr(args[0], TUP_ITEMS(g->items)[0]);
    if (IS_NULL(m)) return VAL_NULL;
    int64_t npos = TUP_LEN(g->items) - 1, nkw = IS_NULL(g->kwargs) ? 0 : dict_len(g->kwargs);
    if (nkw == 0) return call_value(m, TUP_ITEMS(g->items) + 1, (int)npos, VAL_NULL);
    Value *av = malloc(sizeof(Value) * (size_t)(npos + nkw));
    Value names = tuple_new(nkw);
    if (!av || IS_NULL(names)) { free(av); return IS_NULL(names) ? VAL_NULL : err_no_memory(); }
    memcpy(av, TUP_ITEMS(g->items) + 1, sizeof(Value) * (size_t)npos);
    int64_t pos = 0, k = 0;
    Value key, val;
    while (dict_next(g->kwargs, &pos, &key, &val)) { TUP_ITEMS(names)[k] = key; av[npos + k++] = val; }
    Value r = call_value(m, av, (int)npos, names);
    free(av);
    return r;
}

static Value getter_call_m(Value *args, int nargs, Value kwnames) {
    return val_type(args[0])->call(args[0], args + 1, nargs - 1, kwnames);
}

/* repr: operator.itemgetter(1, 'a'), operator.attrgetter('a.b'), operator.methodcaller('f', 1, k=2) */
static Value getter_repr_m(Value *args, int nargs, Value kwnames) {
    Value self = args[0];
    Type *t = val_type(self);
    Value shown = t == &type_attrgetter ? attrgetter_names(self) : AS_GETTER(self)->items;
    if (IS_NULL(shown)) return VAL_NULL;
    const char *name = strchr(t->tp_name, '.') + 1;
    int rc = seq_repr_enter(self);
    if (rc != 0) return rc < 0 ? VAL_NULL : str_format_c("%s(...)", name);
    Value parts = list_new(0);
    for (int64_t i = 0; !IS_NULL(parts) && i < TUP_LEN(shown); i++) {
        Value r = obj_repr(TUP_ITEMS(shown)[i]);
        if (IS_NULL(r) || list_append(parts, r) < 0) parts = VAL_NULL;
    }
    Value kw = AS_GETTER(self)->kwargs;
    int64_t pos = 0;
    Value k, v;
    while (!IS_NULL(parts) && !IS_NULL(kw) && dict_next(kw, &pos, &k, &v)) {
        Value r = obj_repr(v);
        Value item = IS_NULL(r) ? VAL_NULL : str_format_c("%U=%U", k, r);
        if (IS_NULL(item) || list_append(parts, item) < 0) parts = VAL_NULL;
    }
    seq_repr_leave(self);
    Value body = IS_NULL(parts) ? VAL_NULL : str_join(str_intern_c(", "), parts);
    return IS_NULL(body) ? VAL_NULL : str_format_c("operator.%s(%U)", name, body);
}

/* __reduce__: (type, args), or for methodcaller with keywords
 * (functools.partial(methodcaller, name, **kwargs), args). */
static Value getter_reduce_m(Value *args, int nargs, Value kwnames) {
    Value self = args[0];
    Type *t = val_type(self);
    Getter *g = AS_GETTER(self);
    if (t == &type_attrgetter) {
        Value names = attrgetter_names(self);
        return IS_NULL(names) ? VAL_NULL : tuple_pack(2, MK_OBJ(t), names);
    }
    if (t != &type_methodcaller || IS_NULL(g->kwargs) || dict_len(g->kwargs) == 0)
        return tuple_pack(2, MK_OBJ(t), g->items);
    Value functools = import_module_c("functools");
    Value partial = IS_NULL(functools) ? VAL_NULL : obj_getattr_c(functools, "partial");
    if (IS_NULL(partial)) return VAL_NULL;
    int64_t nkw = dict_len(g->kwargs), pos = 0, k = 0;
    Value names = tuple_new(nkw), av = tuple_new(2 + nkw);     /* partial(type, name, **kwargs) */
    if (IS_NULL(names) || IS_NULL(av)) return VAL_NULL;
    TUP_ITEMS(av)[0] = MK_OBJ(t);
    TUP_ITEMS(av)[1] = TUP_ITEMS(g->items)[0];
    Value key, val;
    while (dict_next(g->kwargs, &pos, &key, &val)) { TUP_ITEMS(names)[k] = key; TUP_ITEMS(av)[2 + k++] = val; }
    Value p = call_value(partial, TUP_ITEMS(av), 2, names);
    if (IS_NULL(p)) return VAL_NULL;
    Value rest = tuple_from_array(TUP_ITEMS(g->items) + 1, TUP_LEN(g->items) - 1);
    return IS_NULL(rest) ? VAL_NULL : tuple_pack(2, p, rest);
}

#define GETTER_METHODS(NAME, DOC)                                                         \
    static const MethodDef NAME##_methods[] = {                                           \
        {"__new__", NAME##_new_m, METH_STATIC | ARGS_ANY, DOC},                           \
        {"__call__", getter_call_m, ARGS_ANY, NULL},                                      \
        {"__repr__", getter_repr_m, ARGS_WRAP(0), NULL},                                  \
        {"__reduce__", getter_reduce_m, ARGS_NONE, "Return state information for pickling"}, \
        {NULL, NULL, 0, NULL},                                                            \
    };
GETTER_METHODS(itemgetter, "Return a callable object that fetches the given item(s) from its operand.\n"
    "After f = itemgetter(2), the call f(r) returns r[2].\nAfter g = itemgetter(2, 5, 3), the call g(r) returns "
    "(r[2], r[5], r[3])")
GETTER_METHODS(attrgetter, "Return a callable object that fetches the given attribute(s) from its operand.\n"
    "After f = attrgetter('name'), the call f(r) returns r.name.\nAfter g = attrgetter('name', 'date'), the call "
    "g(r) returns (r.name, r.date).\nAfter h = attrgetter('name.first', 'name.last'), the call h(r) returns\n"
    "(r.name.first, r.name.last).")
GETTER_METHODS(methodcaller, "Return a callable object that calls the given method on its operand.\n"
    "After f = methodcaller('name'), the call f(r) returns r.name().\nAfter g = methodcaller('name', 'date', "
    "foo=1), the call g(r) returns\nr.name('date', foo=1).")

#define GETTER_TYPE(NAME)                                                                 \
    Type type_##NAME = {                                                                  \
        .tp_name = "operator." #NAME, .base = &type_object, .basicsize = sizeof(Getter),  \
        .trace = getter_trace, .call = NAME##_call, .methods = NAME##_methods,            \
    };                                                                                    \
    GILPY_TYPE(type_##NAME, NULL);
GETTER_TYPE(itemgetter)
GETTER_TYPE(attrgetter)
GETTER_TYPE(methodcaller)

/* ---- the module ------------------------------------------------------------------------ */

#define B(NAME, DOC) {#NAME, opr_##NAME, ARGS_POS(2, 2), "Same as " DOC ".", "($module, a, b, /)"}
#define I(NAME, DOC) {"i" #NAME, opr_i##NAME, ARGS_POS(2, 2), "Same as " DOC ".", "($module, a, b, /)"}
#define U(NAME, DOC) {#NAME, opr_##NAME, ARGS_ONE, "Same as " DOC ".", "($module, a, /)"}

static const MethodDef mod_operator_functions[] = {
    B(add, "a + b"), B(sub, "a - b"), B(mul, "a * b"), B(matmul, "a @ b"), B(truediv, "a / b"),
    B(floordiv, "a // b"), B(mod, "a % b"), B(pow, "a ** b"), B(lshift, "a << b"), B(rshift, "a >> b"),
    B(or_, "a | b"), B(xor, "a ^ b"), B(and_, "a & b"),
    I(add, "a += b"), I(sub, "a -= b"), I(mul, "a *= b"), I(matmul, "a @= b"), I(truediv, "a /= b"),
    I(floordiv, "a //= b"), I(mod, "a %= b"), I(pow, "a **= b"), I(lshift, "a <<= b"), I(rshift, "a >>= b"),
    {"ior", opr_ior_, ARGS_POS(2, 2), "Same as a |= b.", "($module, a, b, /)"},
    {"ixor", opr_ixor, ARGS_POS(2, 2), "Same as a ^= b.", "($module, a, b, /)"},
    {"iand", opr_iand_, ARGS_POS(2, 2), "Same as a &= b.", "($module, a, b, /)"},
    B(lt, "a < b"), B(le, "a <= b"), B(eq, "a == b"), B(ne, "a != b"), B(gt, "a > b"), B(ge, "a >= b"),
    U(neg, "-a"), U(pos, "+a"), U(invert, "~a"), U(abs, "abs(a)"), U(index, "a.__index__()"),
    {"inv", opr_invert, ARGS_ONE, "Same as ~a.", "($module, a, /)"},
    {"truth", opr_truth, ARGS_ONE, "Return True if a is true, False otherwise.", "($module, a, /)"},
    U(not_, "not a"), B(is_, "a is b"), B(is_not, "a is not b"),
    {"contains", opr_contains, ARGS_POS(2, 2), "Same as b in a (note reversed operands).", "($module, a, b, /)"},
    B(getitem, "a[b]"), {"setitem", opr_setitem, ARGS_POS(3, 3), "Same as a[b] = c.", "($module, a, b, c, /)"},
    B(delitem, "del a[b]"), B(concat, "a + b, for a and b sequences"),
    {"iconcat", opr_iconcat, ARGS_POS(2, 2), "Same as a += b, for a and b sequences.", "($module, a, b, /)"},
    {"countOf", opr_countOf, ARGS_POS(2, 2), "Return the number of items in a which are, or which equal, b.",
     "($module, a, b, /)"},
    {"indexOf", opr_indexOf, ARGS_POS(2, 2), "Return the first index of b in a.", "($module, a, b, /)"},
    {"length_hint", opr_length_hint, ARGS_POS(1, 2), "Return an estimate of the number of items in obj.\n\n"
     "This is useful for presizing containers when building from an iterable.\n\nIf the object supports len(), "
     "the result will be exact.\nOtherwise, it may over- or under-estimate by an arbitrary amount.\nThe result "
     "will be an integer >= 0.", "($module, obj, default=0, /)"},
    {"call", opr_call, ARGS_ANY, "Same as obj(*args, **kwargs).", "($module, obj, /, *args, **kwargs)"},
    {"_compare_digest", opr_compare_digest, ARGS_POS(2, 2), "Return 'a == b'.\n\nThis function uses an approach "
     "designed to prevent\ntiming analysis, making it appropriate for cryptography.", "($module, a, b, /)"},
    {NULL, NULL, 0, NULL},
};

Value mod_operator_init(void) {
    Value m = module_new_c("_operator");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, mod_operator_functions, m);
    if (dict_set_c(d, "__doc__", str_from_c("Operator interface.\n\nThis module exports a set of functions "
            "implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\n"
            "is equivalent to the expression x+y.  The function names are those\nused for special methods; variants "
            "without leading and trailing\n'__' are also provided for convenience.")) < 0
        || dict_set_c(d, "itemgetter", MK_OBJ(&type_itemgetter)) < 0
        || dict_set_c(d, "attrgetter", MK_OBJ(&type_attrgetter)) < 0
        || dict_set_c(d, "methodcaller", MK_OBJ(&type_methodcaller)) < 0)
        return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
