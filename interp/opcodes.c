/* opcodes.c - the tables declared at the bottom of opcodes.h, generated
 * from the one OPCODES list. */
#include <stdint.h>

#include "opcodes.h"

const char *const opcode_names[OPC__COUNT] = {
#define OP_NAME(name, words, doc) #name,
    OPCODES(OP_NAME)
#undef OP_NAME
};

const unsigned char opcode_words[OPC__COUNT] = {
#define OP_WORDS(name, words, doc) words,
    OPCODES(OP_WORDS)
#undef OP_WORDS
};

const char *const opcode_docs[OPC__COUNT] = {
#define OP_DOC(name, words, doc) doc,
    OPCODES(OP_DOC)
#undef OP_DOC
};
