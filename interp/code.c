/* code.c - the code object type: compiled bytecode with its tables.
 *
 * A Code owns three malloc'd arrays (code words, positions, cell2arg) and
 * the VM's inline caches; all are gc_malloc'd and released by the
 * finalizer.  Everything else is Values, traced.  Code objects are
 * immutable once the compiler has filled them in.
 *
 * code.replace(**changes) copies one with CPython's keywords and checks.  The
 * bytecode is gilpy's, so what it can change is what does not alter the
 * instructions: names, the constant and name tables (as long as every index
 * the code uses stays valid), counts that fit the locals, the first line
 * (positions move with it, as CPython's relative line table does).  co_code
 * (CPython bytecode) is refused; co_exceptiontable is checked and ignored, and
 * so is co_linetable, except that a table of only "no location" entries
 * takes every line away (f_lineno is then None, as in CPython); of co_flags,
 * the bits for *args and **kwargs are taken.
 */
#include "code.h"

#include <string.h>

#include "../runtime/call.h"
#include "../runtime/error.h"
#include "../runtime/gc.h"
#include "../runtime/obj_bytes.h"
#include "../runtime/obj_list.h"
#include "../runtime/obj_str.h"
#include "../runtime/obj_type.h"
#include "opcodes.h"

Code *code_new(void) {
    Code *c = (Code *)gc_alloc(&type_code, sizeof(Code));
    if (!c) return NULL;
    c->consts = c->names = c->varnames = c->cellvars = c->freevars = tuple_empty();
    c->name = c->qualname = c->filename = str_empty();
    c->doc = VAL_NONE;
    return c;
}

int code_line_at(Code *c, int i) {
    if (!c->positions || i < 0 || i >= c->ncode) return 0;
    return c->positions[i].lineno;
}

static void code_trace(Obj *o) {
    Code *c = (Code *)o;
    gc_mark_value(c->consts);
    gc_mark_value(c->names);
    gc_mark_value(c->varnames);
    gc_mark_value(c->cellvars);
    gc_mark_value(c->freevars);
    gc_mark_value(c->name);
    gc_mark_value(c->qualname);
    gc_mark_value(c->filename);
    gc_mark_value(c->doc);
}

static void code_finalize(Obj *o) {
    Code *c = (Code *)o;
    gc_free(c->code, (size_t)c->ncode * sizeof(uint32_t));
    gc_free(c->positions, (size_t)c->ncode * sizeof(CodePos));
    gc_free(c->cell2arg, (size_t)c->ncells * sizeof(int32_t));
    gc_free(c->caches, (size_t)c->ncode * sizeof(InlineCache));
    c->code = NULL;
    c->positions = NULL;
    c->cell2arg = NULL;
    c->caches = NULL;
}

/* ---- attributes -------------------------------------------------------- */
#define CODE(v) ((Code *)AS_OBJ(v))
#define CODE_GET_VALUE(field) \
    static Value code_get_##field(Value self) { return CODE(self)->field; }
#define CODE_GET_INT(attr, expr) \
    static Value code_get_##attr(Value self) { return MK_SMALLINT((int64_t)(expr)); }

CODE_GET_VALUE(name)
CODE_GET_VALUE(qualname)
CODE_GET_VALUE(filename)
CODE_GET_VALUE(varnames)
CODE_GET_VALUE(names)
CODE_GET_VALUE(consts)
CODE_GET_VALUE(cellvars)
CODE_GET_VALUE(freevars)
CODE_GET_INT(firstlineno, CODE(self)->firstlineno)
CODE_GET_INT(argcount, CODE(self)->argcount)
CODE_GET_INT(posonlyargcount, CODE(self)->posonlyargcount)
CODE_GET_INT(kwonlyargcount, CODE(self)->kwonlyargcount)
CODE_GET_INT(nlocals, CODE(self)->nlocals)

/* co_flags in CPython's bit values, which inspect and friends test. */
static Value code_get_flags(Value self) {
    uint32_t f = CODE(self)->flags, r = 0;
    if (!(f & (CO_MODULE | CO_CLASSBODY))) r |= 0x1 | 0x2;      /* OPTIMIZED, NEWLOCALS */
    if (f & CO_VARARGS) r |= 0x4;
    if (f & CO_VARKEYWORDS) r |= 0x8;
    if (f & CO_NESTED) r |= 0x10;
    if ((f & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) == CO_GENERATOR) r |= 0x20;
    if (f & CO_COROUTINE) r |= 0x80;
    if (f & CO_ITERABLE_COROUTINE) r |= 0x100;
    if (f & CO_ASYNC_GENERATOR) r |= 0x200;
    return MK_SMALLINT((int64_t)r);
}
CODE_GET_INT(stacksize, CODE(self)->stacksize)

/* CPython's read-only members get getset_readonly ("readonly attribute"),
 * its getsets (co_varnames, co_cellvars, co_freevars) no setter. */
static const GetSetDef code_getsets[] = {
    {"co_name", code_get_name, getset_readonly, NULL},
    {"co_qualname", code_get_qualname, getset_readonly, NULL},
    {"co_filename", code_get_filename, getset_readonly, NULL},
    {"co_firstlineno", code_get_firstlineno, getset_readonly, NULL},
    {"co_argcount", code_get_argcount, getset_readonly, NULL},
    {"co_posonlyargcount", code_get_posonlyargcount, getset_readonly, NULL},
    {"co_kwonlyargcount", code_get_kwonlyargcount, getset_readonly, NULL},
    {"co_nlocals", code_get_nlocals, getset_readonly, NULL},
    {"co_varnames", code_get_varnames, NULL, NULL},
    {"co_names", code_get_names, getset_readonly, NULL},
    {"co_consts", code_get_consts, getset_readonly, NULL},
    {"co_cellvars", code_get_cellvars, NULL, NULL},
    {"co_freevars", code_get_freevars, NULL, NULL},
    {"co_flags", code_get_flags, getset_readonly, NULL},
    {"co_stacksize", code_get_stacksize, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};

static Value code_repr_m(Value *args, int nargs, Value kwnames) {
    Code *c = CODE(args[0]);
    return str_format_c("<code object %U at %p, file \"%U\", line %d>", c->name,
                        (void *)c, c->filename, (int)c->firstlineno);
}

/* ---- equality: CPython's code_richcompare, on gilpy's fields ----------- */

static int code_equal(Code *a, Code *b) {
    if (a->argcount != b->argcount || a->posonlyargcount != b->posonlyargcount ||
        a->kwonlyargcount != b->kwonlyargcount || a->flags != b->flags ||
        a->firstlineno != b->firstlineno || a->ncode != b->ncode ||
        memcmp(a->code, b->code, (size_t)a->ncode * sizeof(uint32_t)) != 0)
        return 0;
    Value pairs[][2] = { {a->name, b->name}, {a->consts, b->consts}, {a->names, b->names},
                         {a->varnames, b->varnames}, {a->freevars, b->freevars},
                         {a->cellvars, b->cellvars} };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        int r = obj_eq(pairs[i][0], pairs[i][1]);
        if (r <= 0) return r;
    }
    return 1;
}

static Value code_eq_m(Value *args, int nargs, Value kwnames) {
    if (!IS_EXACT(args[1], type_code)) return VAL_NOTIMPLEMENTED;
    int r = args[0] == args[1] ? 1 : code_equal(CODE(args[0]), CODE(args[1]));
    return r < 0 ? VAL_NULL : MK_BOOL(r);
}

static Value code_ne_m(Value *args, int nargs, Value kwnames) {
    Value r = code_eq_m(args, nargs, kwnames);
    return IS_BOOL(r) ? MK_BOOL(!AS_BOOL(r)) : r;
}

static Value code_hash_m(Value *args, int nargs, Value kwnames) {
    Code *c = CODE(args[0]);
    int64_t h = obj_hash(c->name), h2;
    if (h == -1 || (h2 = obj_hash(c->names)) == -1) return VAL_NULL;
    uint64_t u = (uint64_t)h ^ ((uint64_t)h2 * 1000003u) ^ ((uint64_t)c->argcount << 8) ^
                 (uint64_t)c->ncode ^ c->flags;
    return MK_SMALLINT((int64_t)(u & (uint64_t)SMALLINT_MAX));
}

/* ---- replace ------------------------------------------------------------ */

enum {
    R_ARGCOUNT, R_POSONLY, R_KWONLY, R_NLOCALS, R_STACKSIZE, R_FLAGS, R_FIRSTLINENO, R_CODE,
    R_CONSTS, R_NAMES, R_VARNAMES, R_FREEVARS, R_CELLVARS, R_FILENAME, R_NAME, R_QUALNAME,
    R_LINETABLE, R_EXCEPTIONTABLE, R__COUNT
};
static const char *const replace_names[R__COUNT] = {
    "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize",
    "co_flags", "co_firstlineno", "co_code", "co_consts", "co_names", "co_varnames", "co_freevars",
    "co_cellvars", "co_filename", "co_name", "co_qualname", "co_linetable", "co_exceptiontable",
};

/* The highest index the bytecode gives an instruction of table `which`
 * (OPK_CONST, OPK_NAME), -1 when none: a replaced table must cover it. */
static int64_t code_max_index(Code *c, OperandKind which) {
    int64_t max = -1;
    for (int i = 0; i < c->ncode; i += opcode_words[INSTR_OP(c->code[i])]) {
        int op = INSTR_OP(c->code[i]);
        if (opcode_operands[op] == which && (int64_t)INSTR_ARG(c->code[i]) > max) max = INSTR_ARG(c->code[i]);
    }
    return max;
}

void code_drop_columns(Code *c) {
    if (!c->positions) return;
    for (int32_t i = 0; i < c->ncode; i++) {
        CodePos *p = &c->positions[i];
        p->col = p->end_col = p->anchor = p->anchor_end = -1;
    }
}

/* Whether every instruction of c is whole and names what exists: its
 * constants, names, locals, cells and jump targets (for code read back from
 * marshal data, which the compiler did not make here). */
int code_operands_valid(Code *c) {
    int64_t limit[OPK__COUNT];
    for (int k = 0; k < OPK__COUNT; k++) limit[k] = INT64_MAX;
    limit[OPK_CONST] = AS_TUPLE(c->consts)->len;
    limit[OPK_NAME] = AS_TUPLE(c->names)->len;
    limit[OPK_LOCAL] = c->nlocals;
    limit[OPK_DEREF] = (int64_t)c->ncells + c->nfree;
    limit[OPK_JUMP] = limit[OPK_SETUP] = c->ncode;
    for (int i = 0; i < c->ncode;) {
        int op = INSTR_OP(c->code[i]);
        if (op >= OPC__COUNT || opcode_words[op] == 0 || i + opcode_words[op] > c->ncode) return 0;
        if ((int64_t)INSTR_ARG(c->code[i]) >= limit[opcode_operands[op]]) return 0;
        i += opcode_words[op];
    }
    return 1;
}

static int replace_type_error(int i, const char *want, Value v) {
    err_format(&exc_TypeError, "replace() argument '%s' must be %s, not %N", replace_names[i], want,
               v);
    return -1;
}

/* The keyword arguments of replace() by position in replace_names. */
static int replace_args(Value *args, int nargs, Value kwnames, Value *a) {
    for (int i = 0; i < R__COUNT; i++) a[i] = VAL_NULL;
    if (nargs > 1) { err_format(&exc_TypeError, "replace() takes no positional arguments"); return -1; }
    int nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    for (int k = 0; k < nkw; k++) {
        Value name = AS_TUPLE(kwnames)->items[k];
        int i = 0;
        while (i < R__COUNT && !str_eq_c(name, replace_names[i])) i++;
        if (i == R__COUNT) {
            err_format(&exc_TypeError, "%R is an invalid keyword argument for replace()", name);
            return -1;
        }
        a[i] = args[nargs + k];
    }
    return 0;
}

/* A tuple of str for a name table, interned as the VM wants them. */
static Value replace_name_tuple(Value *a, int i, Value old) {
    if (IS_NULL(a[i])) return old;
    if (!IS_TUPLE(a[i])) { replace_type_error(i, "tuple", a[i]); return VAL_NULL; }
    Value t = tuple_new(AS_TUPLE(a[i])->len);
    if (IS_NULL(t)) return VAL_NULL;
    for (int64_t j = 0; j < AS_TUPLE(a[i])->len; j++) {
        Value s = AS_TUPLE(a[i])->items[j];
        if (!IS_STR(s)) return err_format(&exc_SystemError, "non-string found in code slot");
        AS_TUPLE(t)->items[j] = str_intern(s);
    }
    return t;
}

/* A CPython location table whose every entry says "no location" (code 15,
 * one byte each). */
static int replace_linetable_empty(Value lt) {
    if (IS_NULL(lt) || AS_BYTES(lt)->len == 0) return 0;
    for (int64_t i = 0; i < AS_BYTES(lt)->len; i++)
        if ((AS_BYTES(lt)->data[i] & 0xF8) != 0xF8) return 0;
    return 1;
}

static void *replace_copy(const void *p, size_t n) {
    if (!p) return NULL;
    void *q = gc_malloc(n + 1);          /* as the compiler allocates them */
    if (q && n) memcpy(q, p, n);
    return q;
}

static Value code_replace_m(Value *args, int nargs, Value kwnames) {
    Code *c = CODE(args[0]);
    Value a[R__COUNT];
    if (replace_args(args, nargs, kwnames, a) < 0) return VAL_NULL;
    int64_t n[R_FIRSTLINENO + 1] = { c->argcount, c->posonlyargcount, c->kwonlyargcount, c->nlocals,
                                     c->stacksize, -1, c->firstlineno };
    for (int i = R_ARGCOUNT; i <= R_FIRSTLINENO; i++)
        if (!IS_NULL(a[i]) && obj_index_i64(a[i], &n[i]) < 0) return VAL_NULL;
    static const int strs[] = { R_FILENAME, R_NAME, R_QUALNAME };
    for (int k = 0; k < 3; k++)
        if (!IS_NULL(a[strs[k]]) && !IS_STR(a[strs[k]]))
            return replace_type_error(strs[k], "str", a[strs[k]]), VAL_NULL;
    static const int bufs[] = { R_CODE, R_LINETABLE, R_EXCEPTIONTABLE };
    for (int k = 0; k < 3; k++)
        if (!IS_NULL(a[bufs[k]]) && !IS_BYTES(a[bufs[k]]))
            return replace_type_error(bufs[k], "bytes", a[bufs[k]]), VAL_NULL;
    if (!IS_NULL(a[R_CONSTS]) && !IS_TUPLE(a[R_CONSTS]))
        return replace_type_error(R_CONSTS, "tuple", a[R_CONSTS]), VAL_NULL;
    Value names = replace_name_tuple(a, R_NAMES, c->names), vars = VAL_NULL, frees = VAL_NULL, cells = VAL_NULL;
    if (IS_NULL(names) || IS_NULL(vars = replace_name_tuple(a, R_VARNAMES, c->varnames)) ||
        IS_NULL(frees = replace_name_tuple(a, R_FREEVARS, c->freevars)) ||
        IS_NULL(cells = replace_name_tuple(a, R_CELLVARS, c->cellvars)))
        return VAL_NULL;
    uint32_t flags = c->flags;
    if (n[R_FLAGS] >= 0) {
        flags &= ~(uint32_t)(CO_VARARGS | CO_VARKEYWORDS);
        if (n[R_FLAGS] & 0x4) flags |= CO_VARARGS;
        if (n[R_FLAGS] & 0x8) flags |= CO_VARKEYWORDS;
        /* types.coroutine marks a generator's code: only a generator may be one */
        flags &= ~(uint32_t)CO_ITERABLE_COROUTINE;
        if ((n[R_FLAGS] & 0x100) && (flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) == CO_GENERATOR)
            flags |= CO_ITERABLE_COROUTINE;
    }
    /* CPython's _PyCode_Validate, then what gilpy's frames need */
    if (n[R_ARGCOUNT] < n[R_POSONLY] || n[R_POSONLY] < 0 || n[R_KWONLY] < 0)
        return err_format(&exc_ValueError, "co_argcount must be a positive integer");
    int64_t nparams = n[R_ARGCOUNT] + n[R_KWONLY] + !!(flags & CO_VARARGS) + !!(flags & CO_VARKEYWORDS);
    if (AS_TUPLE(vars)->len < nparams) return err_format(&exc_ValueError, "code: co_varnames is too small");
    if (n[R_NLOCALS] != AS_TUPLE(vars)->len)
        return err_format(&exc_ValueError, "code: co_nlocals != len(co_varnames)");
    if (AS_TUPLE(vars)->len != c->nlocals || AS_TUPLE(cells)->len != c->ncells || AS_TUPLE(frees)->len != c->nfree)
        return err_format(&exc_ValueError, "code: gilpy's bytecode needs as many variables as it was compiled with");
    if (!IS_NULL(a[R_CODE]))
        return err_format(&exc_ValueError, "code: co_code cannot be replaced (gilpy runs its own bytecode)");
    Value consts = IS_NULL(a[R_CONSTS]) ? c->consts : a[R_CONSTS];
    if (AS_TUPLE(consts)->len <= code_max_index(c, OPK_CONST) ||
        AS_TUPLE(names)->len <= code_max_index(c, OPK_NAME))
        return err_format(&exc_ValueError, "code: co_consts or co_names is too small for the bytecode");
    Code *r = code_new();
    if (!r) return VAL_NULL;
    Obj header = r->header;     /* the allocator's bits stay code_new's */
    *r = *c;
    r->header = header;
    r->caches = NULL;
    r->code = NULL;             /* never c's arrays: r's finalizer frees its own */
    r->positions = NULL;
    r->cell2arg = NULL;
    if ((c->code && !(r->code = replace_copy(c->code, (size_t)c->ncode * sizeof(uint32_t)))) ||
        (c->positions && !(r->positions = replace_copy(c->positions, (size_t)c->ncode * sizeof(CodePos)))) ||
        (c->cell2arg && !(r->cell2arg = replace_copy(c->cell2arg, (size_t)c->ncells * sizeof(int32_t)))))
        return VAL_NULL;
    int32_t shift = (int32_t)(n[R_FIRSTLINENO] - c->firstlineno);
    for (int i = 0; shift && r->positions && i < r->ncode; i++)
        if (r->positions[i].lineno) {
            r->positions[i].lineno += shift;
            r->positions[i].end_lineno += shift;
        }
    if (replace_linetable_empty(a[R_LINETABLE]))
        for (int i = 0; r->positions && i < r->ncode; i++) r->positions[i].lineno = r->positions[i].end_lineno = 0;
    r->argcount = (int32_t)n[R_ARGCOUNT];
    r->posonlyargcount = (int32_t)n[R_POSONLY];
    r->kwonlyargcount = (int32_t)n[R_KWONLY];
    if (n[R_STACKSIZE] > r->stacksize) r->stacksize = (int32_t)n[R_STACKSIZE];
    r->firstlineno = (int32_t)n[R_FIRSTLINENO];
    r->flags = flags;
    r->consts = consts;
    r->names = names;
    r->varnames = vars;
    r->freevars = frees;
    r->cellvars = cells;
    if (!IS_NULL(a[R_FILENAME])) r->filename = a[R_FILENAME];
    if (!IS_NULL(a[R_NAME])) r->name = a[R_NAME];
    if (!IS_NULL(a[R_QUALNAME])) r->qualname = a[R_QUALNAME];
    return MK_OBJ(r);
}

/* co_positions(): (lineno, end_lineno, col, end_col) per 2-byte unit of the
 * bytecode as tb_lasti counts them (one per code word here), None where
 * unknown; traceback.py reads it to place its carets. */
static Value code_positions_m(Value *args, int nargs, Value kwnames) {
    Code *c = CODE(args[0]);
    Value list = list_new(c->ncode);
    for (int i = 0; !IS_NULL(list) && i < c->ncode; i++) {
        CodePos *p = &c->positions[i];
        Value t = tuple_pack(4, p->lineno > 0 ? MK_SMALLINT(p->lineno) : VAL_NONE,
                             p->end_lineno > 0 ? MK_SMALLINT(p->end_lineno) : VAL_NONE,
                             p->col >= 0 && p->lineno > 0 ? MK_SMALLINT(p->col) : VAL_NONE,
                             p->end_col >= 0 && p->lineno > 0 ? MK_SMALLINT(p->end_col) : VAL_NONE);
        if (IS_NULL(t) || list_append(list, t) < 0) list = VAL_NULL;
    }
    return IS_NULL(list) ? VAL_NULL : list_iter(list);
}

/* co_lines(): (start, end, line) per run of 2-byte units (code words, as
 * co_positions counts them) on one line, line None where there is none
 * (PEP 626); dis.findlinestarts, trace and pdb read it. */
static Value code_lines_m(Value *args, int nargs, Value kwnames) {
    Code *c = CODE(args[0]);
    Value list = list_new(0);
    for (int i = 0, start = 0; !IS_NULL(list) && i < c->ncode; i++) {
        int line = c->positions[i].lineno;
        if (i + 1 < c->ncode && c->positions[i + 1].lineno == line) continue;
        Value t = tuple_pack(3, MK_SMALLINT(2 * start), MK_SMALLINT(2 * (i + 1)),
                             line > 0 ? MK_SMALLINT(line) : VAL_NONE);
        if (IS_NULL(t) || list_append(list, t) < 0) list = VAL_NULL;
        start = i + 1;
    }
    return IS_NULL(list) ? VAL_NULL : list_iter(list);
}

static const MethodDef code_methods[] = {
    {"__repr__", code_repr_m, ARGS_WRAP(0), NULL},
    {"__eq__", code_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", code_ne_m, ARGS_WRAP(1), NULL},
    {"__hash__", code_hash_m, ARGS_WRAP(0), NULL},
    {"co_positions", code_positions_m, ARGS_NONE, "Return an iterator of (lineno, end_lineno, col, end_col) per instruction."},
    {"co_lines", code_lines_m, ARGS_NONE, "Return an iterator of (start, end, line) for each run of instructions on one line."},
    {"replace", code_replace_m, ARGS_ANY, "Return a copy of the code object with new values for the specified fields."},
    {NULL, NULL, 0, NULL},
};

Type type_code = {
    .tp_name = "code", .base = &type_object, .flags = TF_WEAKREFABLE,
    .basicsize = sizeof(Code), .trace = code_trace, .finalize = code_finalize,
    .methods = code_methods, .getsets = code_getsets,
};
GILPY_TYPE(type_code, NULL);
