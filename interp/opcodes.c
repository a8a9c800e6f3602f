/* opcodes.c - the tables and functions declared at the bottom of opcodes.h,
 * generated from the one OPCODES list.
 *
 * The pops and pushes columns are expressions of the argument, so they become
 * two switches (each case returns its column with `arg` bound to the
 * parameter) rather than arrays.  Every other column is an array indexed by
 * opcode. */
#include <stdint.h>

#include "opcodes.h"

const char *const opcode_names[OPC__COUNT] = {
#define OP_NAME(name, words, pops, pushes, operand, doc) #name,
    OPCODES(OP_NAME)
#undef OP_NAME
};

const unsigned char opcode_words[OPC__COUNT] = {
#define OP_WORDS(name, words, pops, pushes, operand, doc) words,
    OPCODES(OP_WORDS)
#undef OP_WORDS
};

const char *const opcode_docs[OPC__COUNT] = {
#define OP_DOC(name, words, pops, pushes, operand, doc) doc,
    OPCODES(OP_DOC)
#undef OP_DOC
};

const OperandKind opcode_operands[OPC__COUNT] = {
#define OP_OPERAND(name, words, pops, pushes, operand, doc) OPK_##operand,
    OPCODES(OP_OPERAND)
#undef OP_OPERAND
};

/* The extra word is read only where the operand kind says SETUP (the block
 * depth that disasm shows and comp_flow_step fills in): checked per entry. */
#define OP_CHECK_WORDS(name, words, pops, pushes, operand, doc)                                    \
    _Static_assert((words) == 1 + (OPK_##operand == OPK_SETUP),                                   \
                   #name ": 2 words if and only if the operand is SETUP");
OPCODES(OP_CHECK_WORDS)
#undef OP_CHECK_WORDS

/* An opcode outside the list (never emitted) pops and pushes nothing. */
int opcode_pops(Opcode op, int arg) {
    switch (op) {
#define OP_POPS(name, words, pops, pushes, operand, doc) case OPC_##name: return pops;
        OPCODES(OP_POPS)
#undef OP_POPS
    default: return 0;
    }
}

int opcode_pushes(Opcode op, int arg) {
    switch (op) {
#define OP_PUSHES(name, words, pops, pushes, operand, doc) case OPC_##name: return pushes;
        OPCODES(OP_PUSHES)
#undef OP_PUSHES
    default: return 0;
    }
}

int opcode_is_jump(Opcode op) {
    return op < OPC__COUNT && (opcode_operands[op] == OPK_JUMP || opcode_operands[op] == OPK_SETUP);
}
