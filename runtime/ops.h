/* ops.h - operator numbering shared by the parser's tree, the compiler's
 * opcodes and the runtime's protocols (obj_binop, obj_richcompare). */
#ifndef GILPY_OPS_H
#define GILPY_OPS_H

/* Binary operators; the special-method table in object.h follows this order. */
typedef enum {
    OP_ADD, OP_SUB, OP_MUL, OP_MATMUL, OP_TRUEDIV, OP_FLOORDIV, OP_MOD, OP_POW,
    OP_LSHIFT, OP_RSHIFT, OP_BITOR, OP_BITXOR, OP_BITAND,
    OP__COUNT
} BinOpKind;

typedef enum { UOP_INVERT, UOP_NOT, UOP_POS, UOP_NEG } UnaryOpKind;

typedef enum {
    CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE,   /* rich comparisons: keep first */
    CMP_IS, CMP_IS_NOT, CMP_IN, CMP_NOT_IN
} CmpOpKind;

#endif
