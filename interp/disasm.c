/* disasm.c - listing of code objects (see disasm.h).
 *
 * The layout follows CPython 3.11's dis: line number (when a new line
 * starts), ">>" on jump targets, the word offset, the opcode name padded to
 * 20, the argument right-aligned in 5 and its meaning in parentheses.
 * Offsets are word indexes (jump targets are absolute word indexes).
 */
#include "disasm.h"

#include <stdlib.h>
#include <string.h>

#include "../runtime/error.h"
#include "../runtime/obj_list.h"
#include "../runtime/obj_str.h"
#include "opcodes.h"

static const char *const disasm_binops[] = {
    "+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "|", "^", "&",
};
static const char *const disasm_cmpops[] = { "==", "!=", "<", "<=", ">", ">=" };

static void disasm_put_value_repr(StrBuf *out, Value v) {
    Value r = obj_repr(v);
    if (IS_NULL(r)) {
        err_clear();
        sb_puts(out, "<repr failed>");
        return;
    }
    sb_put_value_str(out, r);
}

static void disasm_tuple_item(StrBuf *out, Value t, uint32_t i) {
    if (IS_TUPLE(t) && (int64_t)i < AS_TUPLE(t)->len) sb_put_value_str(out, AS_TUPLE(t)->items[i]);
    else sb_puts(out, "?");
}

static void disasm_deref_name(StrBuf *out, Code *c, uint32_t i) {
    if ((int64_t)i < AS_TUPLE(c->cellvars)->len) disasm_tuple_item(out, c->cellvars, i);
    else disasm_tuple_item(out, c->freevars, i - (uint32_t)AS_TUPLE(c->cellvars)->len);
}

static void disasm_make_function(StrBuf *out, uint32_t arg) {
    static const char *const flags[] = { "defaults", "kwdefaults", "annotations", "closure" };
    int first = 1;
    for (int i = 0; i < 4; i++) {
        if (!(arg & (1u << i))) continue;
        sb_printf(out, "%s%s", first ? "" : ", ", flags[i]);
        first = 0;
    }
}

static void disasm_format_value(StrBuf *out, uint32_t arg) {
    static const char *const conv[] = { "", "str", "repr", "ascii" };
    sb_printf(out, "%s%s%s", conv[arg & 3], (arg & 3) && (arg & 4) ? ", " : "",
              (arg & 4) ? "with format" : "");
}

/* The parenthesised meaning of an argument (nothing when it has none), by the
 * operand kind of opcodes.h.  No default: a new kind must say how it shows. */
static void disasm_argrepr(StrBuf *out, Code *c, int i) {
    uint32_t w = c->code[i], arg = INSTR_ARG(w);
    switch (opcode_operands[INSTR_OP(w)]) {
    case OPK_CONST:
        if ((int64_t)arg < AS_TUPLE(c->consts)->len) disasm_put_value_repr(out, AS_TUPLE(c->consts)->items[arg]);
        break;
    case OPK_NAME: disasm_tuple_item(out, c->names, arg); break;
    case OPK_LOCAL: disasm_tuple_item(out, c->varnames, arg); break;
    case OPK_DEREF: disasm_deref_name(out, c, arg); break;
    case OPK_JUMP: sb_printf(out, "to %u", arg); break;
    case OPK_SETUP:
        sb_printf(out, "to %u, depth %u", arg, i + 1 < c->ncode ? c->code[i + 1] : 0);
        break;
    case OPK_BINOP:
        if (arg < 2 * 13) sb_printf(out, "%s%s", disasm_binops[arg % 13], arg >= 13 ? "=" : "");
        break;
    case OPK_CMPOP:
        if (arg < 6) sb_puts(out, disasm_cmpops[arg]);
        break;
    case OPK_FORMAT: disasm_format_value(out, arg); break;
    case OPK_MAKEFN: disasm_make_function(out, arg); break;
    case OPK_UNPACK_EX: sb_printf(out, "%u before, %u after", arg & 0xFF, arg >> 8); break;
    case OPK_IS: if (arg) sb_puts(out, "is not"); break;
    case OPK_CONTAINS: if (arg) sb_puts(out, "not in"); break;
    case OPK_NONE: case OPK_COUNT: case OPK_DEPTH: case OPK__COUNT: break;
    }
}

static unsigned char *disasm_jump_targets(Code *c) {
    unsigned char *t = calloc((size_t)c->ncode + 1, 1);
    if (!t) return NULL;
    for (int i = 0; i < c->ncode; i += opcode_words[INSTR_OP(c->code[i])] ? opcode_words[INSTR_OP(c->code[i])] : 1) {
        uint32_t a = INSTR_ARG(c->code[i]);
        if (opcode_is_jump(INSTR_OP(c->code[i])) && (int)a < c->ncode) t[a] = 1;
    }
    return t;
}

static void disasm_one(Code *c, StrBuf *out, int i, int *lastline, const unsigned char *targets) {
    uint32_t w = c->code[i];
    Opcode op = INSTR_OP(w);
    int line = c->positions ? c->positions[i].lineno : 0;
    if (line > 0 && line != *lastline) {
        if (*lastline != -1) sb_putc(out, '\n');
        sb_printf(out, "%3d", line);
        *lastline = line;
    } else {
        sb_puts(out, "   ");
    }
    sb_printf(out, "    %s %4d ", targets && targets[i] ? ">>" : "  ", i);
    if (op >= OPC__COUNT) {
        sb_printf(out, "<%u>\n", (unsigned)op);
        return;
    }
    size_t start = out->len;
    sb_printf(out, "%-20s", opcode_names[op]);
    if (opcode_operands[op] != OPK_NONE) {
        sb_printf(out, " %5u", INSTR_ARG(w));
        size_t before = out->len;
        sb_puts(out, " (");
        size_t mark = out->len;
        disasm_argrepr(out, c, i);
        if (out->len == mark) out->len = before;
        else sb_putc(out, ')');
    }
    while (out->len > start && out->data[out->len - 1] == ' ') out->len--;
    if (out->data) out->data[out->len] = '\0';
    sb_putc(out, '\n');
}

static void disasm_body(Code *c, StrBuf *out) {
    unsigned char *targets = disasm_jump_targets(c);
    int lastline = -1;
    for (int i = 0; i < c->ncode;) {
        Opcode op = INSTR_OP(c->code[i]);
        disasm_one(c, out, i, &lastline, targets);
        i += (op < OPC__COUNT && opcode_words[op]) ? opcode_words[op] : 1;
    }
    free(targets);
}

void disasm_code(Code *c, StrBuf *out, int recursive) {
    disasm_body(c, out);
    if (!recursive) return;
    Tuple *consts = AS_TUPLE(c->consts);
    for (int64_t k = 0; k < consts->len; k++) {
        Value v = consts->items[k];
        if (!IS_OBJ(v) || AS_OBJ(v)->type != &type_code) continue;
        sb_puts(out, "\nDisassembly of ");
        disasm_put_value_repr(out, v);
        sb_puts(out, ":\n");
        disasm_code(AS_CODE(v), out, recursive);
    }
}
