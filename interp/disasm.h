/* disasm.h - a readable listing of a code object, in the spirit of
 * CPython's `dis` module. */
#ifndef GILPY_DISASM_H
#define GILPY_DISASM_H

#include "../runtime/strbuf.h"
#include "code.h"

/* Append the listing of c to out; with `recursive`, the code objects among
 * its constants follow, each under a "Disassembly of <code object ...>:"
 * header. */
void disasm_code(Code *c, StrBuf *out, int recursive);

#endif
