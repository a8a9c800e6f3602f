/* obj_bool.c - bool, the int subclass with two immediate values.
 *
 * Design: True and False are immediates (value.h), so bool has no instances
 * on the heap and cannot be subclassed.  Everything is inherited from int
 * except construction, repr, and & | ^ which give bools when both operands
 * are bools.
 */
#include "runtime/obj_int.h"
#include "runtime/error.h"
#include "runtime/call.h"
#include "runtime/obj_str.h"

/* BinOpKind values of | ^ & (interp/ast.h order). */
enum { BOOL_OP_OR = 10, BOOL_OP_XOR = 11, BOOL_OP_AND = 12 };

/* ARGS_ANY: CPython's messages name the type ("bool expected at most 1 argument, got 2"). */
static Value bool_new_m(Value *args, int nargs, Value kw) {
    if (arg_no_kw("bool", kw) || arg_count("bool", nargs - 1, 0, 1)) return VAL_NULL;
    if (nargs < 2) return VAL_FALSE;
    int t = obj_truthy(args[1]);
    if (t < 0) return VAL_NULL;
    return MK_BOOL(t);
}

static Value bool_repr_m(Value *args, int nargs, Value kw) {
    return str_intern_c(IS_TRUE(args[0]) ? "True" : "False");
}

static Value bool_logic(Value a, Value b, int op) {
    if (IS_BOOL(a) && IS_BOOL(b)) {
        int x = AS_BOOL(a), y = AS_BOOL(b);
        return MK_BOOL(op == BOOL_OP_OR ? (x | y) : op == BOOL_OP_XOR ? (x ^ y) : (x & y));
    }
    return int_binop(a, b, op);
}

#define BOOL_BINOP(name, op) \
    static Value bool_##name##_m(Value *args, int nargs, Value kw) { \
        return bool_logic(args[0], args[1], op); } \
    static Value bool_r##name##_m(Value *args, int nargs, Value kw) { \
        return bool_logic(args[1], args[0], op); }
BOOL_BINOP(and, BOOL_OP_AND)
BOOL_BINOP(or, BOOL_OP_OR)
BOOL_BINOP(xor, BOOL_OP_XOR)

static const MethodDef bool_methods[] = {
    {"__new__", bool_new_m, METH_STATIC, NULL},
    {"__repr__", bool_repr_m, ARGS_WRAP(0), NULL},
    {"__and__", bool_and_m, ARGS_WRAP(1), NULL}, {"__rand__", bool_rand_m, ARGS_WRAP(1), NULL},
    {"__or__", bool_or_m, ARGS_WRAP(1), NULL}, {"__ror__", bool_ror_m, ARGS_WRAP(1), NULL},
    {"__xor__", bool_xor_m, ARGS_WRAP(1), NULL}, {"__rxor__", bool_rxor_m, ARGS_WRAP(1), NULL},
    {NULL, NULL, 0, NULL},
};

Type type_bool = {
    .tp_name = "bool", .base = &type_int,
    .flags = TF_INT_SUBCLASS | TF_MATCH_SELF,
    .basicsize = sizeof(Int),
    .methods = bool_methods,
};
GILPY_TYPE(type_bool, "bool");
