/* compile.c - the compiler: AST -> Code objects.
 *
 * Pipeline.  compile_source parses (parse_source), st_build analyses scopes
 * (symtable.c), then one Unit per code object is compiled by a recursive
 * walk that emits instructions straight into a word array.  Jumps name
 * labels (small ints) and are patched when the unit is assembled; a jump to
 * a label already placed becomes JUMP_BACKWARD (every loop edge).  Assembly
 * then runs a flow analysis over the finished code that computes the exact
 * stack depth (Code.stacksize) and block depth (Code.maxblocks) at every
 * instruction, and fills in the depth word of each SETUP_FINALLY (see
 * "Handlers" below).  A depth that disagrees between two paths is a
 * compiler bug and raises SystemError rather than producing bad code.
 *
 * Code shapes (opcodes.h is the contract; CPython 3.11 the model):
 *
 *   call        PUSH_NULL <f> <args> CALL n
 *   method      <o> LOAD_METHOD m <args> CALL n           (no * or ** args)
 *   keywords    ... <args> <kwvalues> LOAD_CONST ('a','b') CALL_KW n+k
 *   f(*a,**k)   PUSH_NULL <f> BUILD_LIST/LIST_APPEND/LIST_EXTEND LIST_TO_TUPLE
 *               BUILD_MAP 0 <k> DICT_MERGE 1  CALL_EX 1
 *   a < b < c   <a> <b> SWAP 2 COPY 2 COMPARE_OP JUMP_IF_FALSE_OR_POP L
 *               <c> COMPARE_OP JUMP E  L: SWAP 2 POP_TOP  E:
 *   for         <it> GET_ITER  L: FOR_ITER X <store> <body> JUMP_BACKWARD L  X:
 *   comprehension  MAKE_FUNCTION(<listcomp>) <first iter> GET_ITER CALL 0
 *               (A = the function, B = the iterator: "call with B as first
 *               argument" in the calling convention), the body starts with
 *               BUILD_LIST 0, LOAD_FAST .0
 *   def         [PUSH_NULL <decorator>]* [defaults tuple] [kwdefaults dict]
 *               [annotations dict] [LOAD_CLOSURE.. BUILD_TUPLE] LOAD_CONST code
 *               MAKE_FUNCTION flags [CALL 1]* <store name>
 *   class       PUSH_NULL LOAD_BUILD_CLASS <make body function> LOAD_CONST name
 *               <bases> CALL/CALL_KW/CALL_EX
 *
 * Handlers.  SETUP_FINALLY's extra word is the stack depth the VM cuts back
 * to.  While emitting, the word holds how many items of the current stack
 * are NOT kept (0 for try, 1 for `with`, whose entered value sits above the
 * exit function, and 1 for the cleanup blocks pushed inside handlers, above
 * the previous exception); the flow analysis replaces it by the depth.
 * try/except, try/finally and with follow opcodes.h's shapes exactly.
 * Exception matching is `<type> CHECK_EXC_MATCH POP_JUMP_IF_FALSE next`,
 * which with CHECK_EXC_MATCH's stack effect ([exc, type] -> [exc, bool])
 * leaves [prev, exc] for both the handler and the next clause.
 *
 * break/continue/return walk the compile-time block stack (FBlock, CPython's
 * fblockinfo) and emit what each block's normal exit would: POP_TOP of a for
 * iterator, POP_BLOCK, the finally body (compiled once more), WITH_EXIT_NONE,
 * POP_EXCEPT; a return value is kept on top with SWAP.
 *
 * Coroutines (interp/coro.c has the runtime side).  `await x` is
 * `<x> GET_AWAITABLE 0, LOAD_CONST None, YIELD_FROM`; a unit whose scope
 * is a coroutine (async def, or a comprehension that awaits) gets
 * CO_COROUTINE, or CO_ASYNC_GENERATOR when it also yields, whose yields wrap
 * their value first (ASYNC_GEN_WRAP).  `async for` is
 *     <iter> GET_AITER
 *   S: SETUP_FINALLY H (aiter kept)  GET_ANEXT <await>  POP_BLOCK
 *     <store target> <body> JUMP S
 *   H: [aiter, exc] END_ASYNC_FOR <else>
 * and `async with` is `with` with BEFORE_ASYNC_WITH and an await after
 * __aenter__ and after each call of __aexit__.
 *
 * Approximations.  `from __future__ import annotations` turns annotations into
 * their source text (CPython unparses the tree; spacing may differ).
 *
 * Memory.  The compiler's own tables are malloc'd.  Runtime values it makes
 * (constants, names, finished code objects) live in per-unit Python lists
 * that are all appended to one list, Compiler.keep, registered as a GC root
 * for the whole compilation.  No global mutable state.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../runtime/call.h"
#include "../runtime/error.h"
#include "../runtime/gc.h"
#include "../runtime/obj_bytes.h"
#include "../runtime/obj_dict.h"
#include "../runtime/obj_float.h"
#include "../runtime/obj_int.h"
#include "../runtime/obj_list.h"
#include "../runtime/obj_str.h"
#include "../runtime/state.h"
#include "code.h"
#include "import.h"
#include "warn.h"
#include "opcodes.h"
#include "symtable.h"
#include "astobj.h"

#define COMP_MAX_BLOCKS 20      /* CPython's CO_MAXBLOCKS */
#define COMP_DEPTH_SLACK 100    /* the symtable bounds the AST depth first (see
                                   comp_enter_depth); this is a second fence */

typedef enum { U_MODULE, U_CLASS, U_FUNCTION, U_LAMBDA, U_COMPREHENSION } UnitKind;

typedef enum {
    FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH, FB_ASYNC_WITH,
    FB_HANDLER_CLEANUP, FB_EXCEPTION_HANDLER, FB_EXCEPTION_GROUP_HANDLER, FB_POP_VALUE
} FBlockKind;

typedef struct FBlock {
    FBlockKind kind;
    int start, exit;            /* labels: loop head (continue), loop exit (break) */
    PtrVec *finalbody;          /* FB_FINALLY_TRY */
    const char *name;           /* FB_HANDLER_CLEANUP: the `as` name or NULL */
    Span loc;                   /* FB_WITH, FB_ASYNC_WITH: the statement, where its exit runs */
} FBlock;

/* string -> index (names, varnames, cells, frees) */
typedef struct NameMap {
    const char **keys;
    int *vals;
    int cap, len;
} NameMap;

typedef struct Unit {
    struct Unit *parent;
    StScope *ste;
    UnitKind kind;
    uint32_t *code;
    CodePos *pos;
    int ncode, codecap;
    int *labels;                /* label -> word index, -1 until placed */
    int nlabels, labelcap;
    Value consts, names, varnames, cellvars, freevars;   /* lists */
    int *cmap;                  /* const hash index: -1 empty, else index in consts */
    int cmapcap;
    NameMap namemap, varmap, cellmap, freemap;
    FBlock fblocks[COMP_MAX_BLOCKS];
    int nfblocks;
    Span loc;                   /* position given to emitted instructions */
    int16_t anchor, anchor_end; /* caret anchor for the next instruction, or -1 */
    const char *private_name;
    Value name, qualname, doc;
    int argcount, posonlyargcount, kwonlyargcount;
    uint32_t flags;
    int firstlineno;
} Unit;

typedef struct Compiler {
    SymTable *st;
    Value filename;
    const char *src;            /* source text for SyntaxError lines, or NULL */
    size_t srclen;
    ParseMode mode;
    Unit *u;
    Value keep;                 /* list of every unit's lists: a GC root */
    int depth;
    int future_annotations;     /* `from __future__ import annotations` */
    int future_lineno;          /* line of the last leading future import, or -1 */
    int unwound_artificial;     /* break/continue/return unwound a with or finally:
                                   CPython's location is then unset (line -1) */
    size_t *line_starts;        /* byte offset of each line (lazily built) */
    int nlines;
} Compiler;

/* ---- errors --------------------------------------------------------------- */
/* Line `lineno` of src with its newline (CPython's SyntaxError.text), or None. */
static Value comp_line_of(const char *src, size_t len, int lineno) {
    if (!src || lineno < 1) return VAL_NONE;
    const char *p = src, *end = src + len;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) return VAL_NONE;
        p = nl + 1;
    }
    if (p >= end) return VAL_NONE;
    const char *e = memchr(p, '\n', (size_t)(end - p));
    size_t n = e ? (size_t)(e - p) : (size_t)(end - p);
    if (n && p[n - 1] == '\r') n--;
    Value s = str_decode_utf8_lossy(p, n);
    if (IS_NULL(s)) { err_clear(); return VAL_NONE; }
    Value r = str_concat(s, str_intern_c("\n"));
    if (IS_NULL(r)) { err_clear(); return VAL_NONE; }
    return r;
}

/* Compile-time errors carry the line only when the file can be read, as
 * CPython's PyErr_ProgramTextObject does. */
static Value comp_source_line(Compiler *c, int lineno) {
    if (!c->src || !IS_STR(c->filename)) return VAL_NONE;
    const char *fn = STR_DATA(c->filename);
    if (fn[0] == '<' || access(fn, R_OK) != 0) return VAL_NONE;
    return comp_line_of(c->src, c->srclen, lineno);
}

/* msg <- fmt formatted with the enclosing variadic function's arguments. */
#define COMP_FORMAT(msg, fmt) do {                                                \
        va_list ap_;                                                              \
        va_start(ap_, fmt);                                                       \
        vsnprintf(msg, sizeof msg, fmt, ap_);                                     \
        va_end(ap_);                                                              \
    } while (0)

static int comp_error_at(Compiler *c, Span loc, const char *fmt, ...) {
    char msg[512];
    COMP_FORMAT(msg, fmt);
    if (err_occurred()) return -1;
    err_syntax(&exc_SyntaxError, msg, c->filename, loc.lineno, loc.col + 1,
               comp_source_line(c, loc.lineno), loc.end_lineno, loc.end_col + 1);
    return -1;
}

#define comp_error(c, ...) comp_error_at((c), (c)->u->loc, __VA_ARGS__)

static int comp_system_error(const char *msg) {
    err_format(&exc_SystemError, "compiler: %s", msg);
    return -1;
}

/* ---- name maps ------------------------------------------------------------ */
static uint32_t comp_str_hash(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static int nm_find(NameMap *m, const char *k) {
    if (!m->cap) return -1;
    uint32_t i = comp_str_hash(k) & (uint32_t)(m->cap - 1);
    while (m->keys[i]) {
        if (strcmp(m->keys[i], k) == 0) return m->vals[i];
        i = (i + 1) & (uint32_t)(m->cap - 1);
    }
    return -1;
}

static void nm_put(NameMap *m, const char *k, int v);

static void nm_grow(NameMap *m) {
    NameMap n = { fe_calloc((size_t)(m->cap ? m->cap * 2 : 16), sizeof(char *)),
                  fe_calloc((size_t)(m->cap ? m->cap * 2 : 16), sizeof(int)),
                  m->cap ? m->cap * 2 : 16, 0 };
    for (int i = 0; i < m->cap; i++)
        if (m->keys[i]) nm_put(&n, m->keys[i], m->vals[i]);
    free(m->keys);
    free(m->vals);
    *m = n;
}

static void nm_put(NameMap *m, const char *k, int v) {
    if ((m->len + 1) * 2 > m->cap) nm_grow(m);
    uint32_t i = comp_str_hash(k) & (uint32_t)(m->cap - 1);
    while (m->keys[i]) i = (i + 1) & (uint32_t)(m->cap - 1);
    m->keys[i] = k;
    m->vals[i] = v;
    m->len++;
}

static void nm_free(NameMap *m) { free(m->keys); free(m->vals); }

/* Index of name in (map, list), appended (interned) if new. -1 on error. */
static int comp_name_in(NameMap *m, Value list, const char *name) {
    int i = nm_find(m, name);
    if (i >= 0) return i;
    Value s = str_intern_c(name);
    if (IS_NULL(s)) return -1;
    i = (int)AS_LIST(list)->len;
    if (list_append(list, s) < 0) return -1;
    nm_put(m, name, i);
    return i;
}

/* ---- constants ------------------------------------------------------------ */
static uint64_t comp_const_hash(Value v) {
    if (!IS_OBJ(v)) return v * 0x9E3779B97F4A7C15ull;
    Type *t = AS_OBJ(v)->type;
    if (t == &type_str) {
        uint64_t h = 1469598103934665603ull;
        for (int64_t i = 0; i < STR_LEN(v); i++) h = (h ^ (uint8_t)STR_DATA(v)[i]) * 1099511628211ull;
        return h;
    }
    if (t == &type_bytes) {
        uint64_t h = 7;
        for (int64_t i = 0; i < AS_BYTES(v)->len; i++) h = (h ^ AS_BYTES(v)->data[i]) * 1099511628211ull;
        return h;
    }
    if (t == &type_tuple) {
        uint64_t h = 0x345678;
        for (int64_t i = 0; i < AS_TUPLE(v)->len; i++) h = (h ^ comp_const_hash(AS_TUPLE(v)->items[i])) * 1000003;
        return h;
    }
    if (t == &type_int) return (uint64_t)int_hash(v);
    return (uint64_t)(uintptr_t)AS_OBJ(v);
}

/* Constants are equal when they have the same type and value: 1, 1.0, True,
 * 0.0 and -0.0 are all distinct. */
static int comp_const_eq(Value a, Value b) {
    if (a == b) return 1;
    if (!IS_OBJ(a) || !IS_OBJ(b)) return 0;
    Type *t = AS_OBJ(a)->type;
    if (t != AS_OBJ(b)->type) return 0;
    if (t == &type_str)
        return STR_LEN(a) == STR_LEN(b) && memcmp(STR_DATA(a), STR_DATA(b), (size_t)STR_LEN(a)) == 0;
    if (t == &type_bytes)
        return AS_BYTES(a)->len == AS_BYTES(b)->len &&
               memcmp(AS_BYTES(a)->data, AS_BYTES(b)->data, (size_t)AS_BYTES(a)->len) == 0;
    if (t == &type_int) return int_compare(a, b) == 0;
    if (t == &type_tuple) {
        if (AS_TUPLE(a)->len != AS_TUPLE(b)->len) return 0;
        for (int64_t i = 0; i < AS_TUPLE(a)->len; i++)
            if (!comp_const_eq(AS_TUPLE(a)->items[i], AS_TUPLE(b)->items[i])) return 0;
        return 1;
    }
    return 0;
}

static void comp_cmap_insert(Unit *u, int idx) {
    Value v = AS_LIST(u->consts)->items[idx];
    uint32_t i = (uint32_t)comp_const_hash(v) & (uint32_t)(u->cmapcap - 1);
    while (u->cmap[i] >= 0) i = (i + 1) & (uint32_t)(u->cmapcap - 1);
    u->cmap[i] = idx;
}

static void comp_cmap_grow(Unit *u) {
    free(u->cmap);
    u->cmapcap = u->cmapcap ? u->cmapcap * 2 : 16;
    u->cmap = fe_malloc((size_t)u->cmapcap * sizeof(int));
    for (int i = 0; i < u->cmapcap; i++) u->cmap[i] = -1;
    for (int k = 0; k < (int)AS_LIST(u->consts)->len; k++) comp_cmap_insert(u, k);
}

/* Index of constant v in the unit's consts (deduplicated). */
static int comp_const_index(Unit *u, Value v) {
    int n = (int)AS_LIST(u->consts)->len;
    if (u->cmapcap) {
        uint32_t i = (uint32_t)comp_const_hash(v) & (uint32_t)(u->cmapcap - 1);
        while (u->cmap[i] >= 0) {
            if (comp_const_eq(AS_LIST(u->consts)->items[u->cmap[i]], v)) return u->cmap[i];
            i = (i + 1) & (uint32_t)(u->cmapcap - 1);
        }
    }
    if (list_append(u->consts, v) < 0) return -1;
    if ((n + 1) * 2 > u->cmapcap) comp_cmap_grow(u);
    else comp_cmap_insert(u, n);
    return n;
}

/* ---- emission ------------------------------------------------------------- */
static int comp_emit_word(Compiler *c, uint32_t w) {
    Unit *u = c->u;
    if (u->ncode == u->codecap) {
        if (u->codecap >= INSTR_ARG_MAX) return comp_error(c, "code object too large");
        u->codecap = u->codecap ? u->codecap * 2 : 64;
        u->code = fe_realloc(u->code, (size_t)u->codecap * sizeof *u->code);
        u->pos = fe_realloc(u->pos, (size_t)u->codecap * sizeof *u->pos);
    }
    CodePos *p = &u->pos[u->ncode];
    p->lineno = u->loc.lineno;
    p->end_lineno = u->loc.end_lineno;
    p->col = (int16_t)(u->loc.col > 32767 ? -1 : u->loc.col);
    p->end_col = (int16_t)(u->loc.end_col > 32767 ? -1 : u->loc.end_col);
    p->anchor = u->anchor;
    p->anchor_end = u->anchor_end;
    u->anchor = u->anchor_end = -1;
    u->code[u->ncode++] = w;
    return 0;
}

static int comp_op(Compiler *c, Opcode op, int arg) {
    if (arg < 0) return -1;     /* an index lookup failed (error set) */
    if (arg > INSTR_ARG_MAX) return comp_error(c, "code object too large");
    return comp_emit_word(c, INSTR(op, arg));
}

static int comp_op0(Compiler *c, Opcode op) { return comp_op(c, op, 0); }

static int comp_new_label(Compiler *c) {
    Unit *u = c->u;
    if (u->nlabels == u->labelcap) {
        u->labelcap = u->labelcap ? u->labelcap * 2 : 16;
        u->labels = fe_realloc(u->labels, (size_t)u->labelcap * sizeof(int));
    }
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

static void comp_place(Compiler *c, int label) { c->u->labels[label] = c->u->ncode; }

/* A jump to a label; JUMP to a placed label is a backward edge. */
static int comp_jump(Compiler *c, Opcode op, int label) {
    if (op == OPC_JUMP && c->u->labels[label] >= 0) op = OPC_JUMP_BACKWARD;
    return comp_op(c, op, label);
}

/* SETUP_FINALLY handler; `drop` stack items above the kept depth. */
static int comp_setup_finally(Compiler *c, int handler, int drop) {
    if (comp_op(c, OPC_SETUP_FINALLY, handler) < 0) return -1;
    return comp_emit_word(c, (uint32_t)drop);
}

static int comp_load_const(Compiler *c, Value v) {
    if (IS_NULL(v)) return -1;
    return comp_op(c, OPC_LOAD_CONST, comp_const_index(c->u, v));
}

static int comp_load_const_str(Compiler *c, const char *s) {
    return comp_load_const(c, str_intern_c(s));
}

static const char *comp_mangle(Compiler *c, const char *name) {
    return st_mangle(st_arena(c->st), c->u->private_name, name);
}

/* An op on names[arg] (attributes, globals, imports); the name is mangled. */
static int comp_op_name(Compiler *c, Opcode op, const char *name) {
    return comp_op(c, op, comp_name_in(&c->u->namemap, c->u->names, comp_mangle(c, name)));
}

/* Same without mangling (synthetic names such as __module__). */
static int comp_op_rawname(Compiler *c, Opcode op, const char *name) {
    return comp_op(c, op, comp_name_in(&c->u->namemap, c->u->names, name));
}

static int comp_is_terminal(Opcode op) {
    return op == OPC_JUMP || op == OPC_JUMP_BACKWARD || op == OPC_RETURN_VALUE ||
           op == OPC_RERAISE || op == OPC_RAISE_VARARGS;
}

/* ---- units ---------------------------------------------------------------- */
static int comp_keep(Compiler *c, Value v) {
    if (IS_NULL(v)) return -1;
    return list_append(c->keep, v);
}

static int comp_cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Fill a unit's cellvars/freevars (sorted, as CPython) and its parameters. */
static int comp_unit_names(Unit *u) {
    StScope *sc = u->ste;
    const char **tmp = fe_malloc(((size_t)sc->nsyms + 1) * sizeof(char *));
    int n = 0;
    /* parameters that are cells first, in parameter order (CPython 3.11) */
    for (int i = 0; i < sc->nparams; i++)
        if (st_name_scope(sc, sc->params[i]) == SC_CELL &&
            comp_name_in(&u->cellmap, u->cellvars, sc->params[i]) < 0) { free(tmp); return -1; }
    for (int i = 0; i < sc->nsyms; i++)
        if (sc->syms[i].scope == SC_CELL && !(sc->syms[i].flags & DEF_PARAM)) tmp[n++] = sc->syms[i].name;
    if (sc->kind == ST_CLASS && sc->needs_class_closure) tmp[n++] = "__class__";
    qsort(tmp, (size_t)n, sizeof *tmp, comp_cmp_str);
    for (int i = 0; i < n; i++)
        if (comp_name_in(&u->cellmap, u->cellvars, tmp[i]) < 0) { free(tmp); return -1; }
    n = 0;
    for (int i = 0; i < sc->nsyms; i++)
        if (sc->syms[i].scope == SC_FREE ||
            (sc->kind == ST_CLASS && (sc->syms[i].flags & DEF_FREE_CLASS)))
            tmp[n++] = sc->syms[i].name;
    qsort(tmp, (size_t)n, sizeof *tmp, comp_cmp_str);
    for (int i = 0; i < n; i++)
        if (comp_name_in(&u->freemap, u->freevars, tmp[i]) < 0) { free(tmp); return -1; }
    free(tmp);
    for (int i = 0; i < sc->nparams; i++)
        if (comp_name_in(&u->varmap, u->varnames, sc->params[i]) < 0) return -1;
    return 0;
}

static Value comp_qualname(Compiler *c, Unit *u, const char *name) {
    Unit *p = u->parent;
    if (!p || p->kind == U_MODULE) return str_from_c(name);
    if (u->kind == U_FUNCTION || u->kind == U_CLASS) {
        const char *m = st_mangle(st_arena(c->st), p->private_name, name);
        if (st_name_scope(p->ste, m) == SC_GLOBAL_EXPLICIT) return str_from_c(name);
    }
    const char *suffix = (p->kind == U_FUNCTION || p->kind == U_LAMBDA) ? ".<locals>" : "";
    return str_format_c("%U%s.%s", p->qualname, suffix, name);
}

static int comp_enter_unit(Compiler *c, StScope *sc, UnitKind kind, const char *name, int firstlineno) {
    if (!sc) return comp_system_error("missing scope");
    Unit *u = fe_calloc(1, sizeof *u);
    u->parent = c->u;
    u->ste = sc;
    u->kind = kind;
    u->firstlineno = firstlineno;
    u->loc = c->u ? c->u->loc : (Span){ firstlineno, 0, firstlineno, 0 };
    u->anchor = u->anchor_end = -1;
    u->private_name = kind == U_CLASS ? name : (c->u ? c->u->private_name : NULL);
    u->doc = VAL_NONE;
    c->u = u;
    Value *lists[5] = { &u->consts, &u->names, &u->varnames, &u->cellvars, &u->freevars };
    for (int i = 0; i < 5; i++) {
        Value l = list_new(i < 3 ? 8 : 0);     /* reachable from `keep` before stored */
        if (comp_keep(c, l) < 0) return -1;
        *lists[i] = l;
    }
    Value v = str_intern_c(name);
    if (comp_keep(c, v) < 0) return -1;
    u->name = v;
    v = kind == U_MODULE ? u->name : comp_qualname(c, u, name);
    if (comp_keep(c, v) < 0) return -1;
    u->qualname = v;
    return comp_unit_names(u);
}

static void comp_free_unit(Unit *u) {
    free(u->code);
    free(u->pos);
    free(u->labels);
    free(u->cmap);
    nm_free(&u->namemap);
    nm_free(&u->varmap);
    nm_free(&u->cellmap);
    nm_free(&u->freemap);
    free(u);
}

static void comp_exit_unit(Compiler *c) {
    Unit *u = c->u;
    c->u = u->parent;
    comp_free_unit(u);
}

/* ---- assembly ------------------------------------------------------------- */
static int comp_resolve_labels(Compiler *c) {
    Unit *u = c->u;
    for (int i = 0; i < u->ncode; i += opcode_words[INSTR_OP(u->code[i])]) {
        Opcode op = INSTR_OP(u->code[i]);
        if (!opcode_is_jump(op)) continue;
        int t = u->labels[INSTR_ARG(u->code[i])];
        if (t < 0) return comp_system_error("jump to an unplaced label");
        u->code[i] = INSTR(op, t);
    }
    return 0;
}

typedef struct FlowState {
    int *depth, *blocks, *work;
    int nwork, maxdepth, maxblocks;
} FlowState;

static int comp_flow_push(Compiler *c, FlowState *f, int target, int depth, int blocks) {
    if (depth < 0 || blocks < 0) return comp_system_error("negative stack depth");
    if (target >= c->u->ncode) return comp_system_error("code falls off the end");
    if (f->depth[target] >= 0) {
        if (f->depth[target] != depth || f->blocks[target] != blocks)
            return comp_system_error("inconsistent stack depth");
        return 0;
    }
    f->depth[target] = depth;
    f->blocks[target] = blocks;
    if (depth > f->maxdepth) f->maxdepth = depth;
    if (blocks > f->maxblocks) f->maxblocks = blocks;
    f->work[f->nwork++] = target;
    return 0;
}

/* Successors of the instruction at i, given its entry state.  Falling through
 * changes the depth by the pops and pushes of opcodes.h; the switch adds the
 * edges to jump targets and the block-stack changes, which the table does
 * not describe. */
static int comp_flow_step(Compiler *c, FlowState *f, int i) {
    Unit *u = c->u;
    Opcode op = INSTR_OP(u->code[i]);
    int arg = (int)INSTR_ARG(u->code[i]);
    int d = f->depth[i], b = f->blocks[i];
    int next = i + opcode_words[op];
    int pops = opcode_pops(op, arg);
    if (d < pops) return comp_system_error("stack underflow");
    int nd = d - pops + opcode_pushes(op, arg);          /* after falling through */
    switch (op) {
    case OPC_SETUP_FINALLY: {
        int kept = d - (int)u->code[i + 1];
        u->code[i + 1] = (uint32_t)kept;
        if (comp_flow_push(c, f, arg, kept + 1, b) < 0) return -1;
        return comp_flow_push(c, f, next, nd, b + 1);
    }
    case OPC_POP_BLOCK: return comp_flow_push(c, f, next, nd, b - 1);
    case OPC_FOR_ITER:
        if (comp_flow_push(c, f, arg, d - 1, b) < 0) return -1;
        break;
    case OPC_JUMP_IF_FALSE_OR_POP: case OPC_JUMP_IF_TRUE_OR_POP:
        if (comp_flow_push(c, f, arg, d, b) < 0) return -1;
        break;
    case OPC_POP_JUMP_IF_FALSE: case OPC_POP_JUMP_IF_TRUE:
        if (comp_flow_push(c, f, arg, nd, b) < 0) return -1;
        break;
    case OPC_JUMP: case OPC_JUMP_BACKWARD: return comp_flow_push(c, f, arg, nd, b);
    default: break;
    }
    if (comp_is_terminal(op)) return 0;
    return comp_flow_push(c, f, next, nd, b);
}

static int comp_flow(Compiler *c, int *stacksize, int *maxblocks) {
    int n = c->u->ncode;
    FlowState f = { fe_malloc((size_t)n * sizeof(int) + 1), fe_malloc((size_t)n * sizeof(int) + 1),
                    fe_malloc((size_t)n * sizeof(int) + 1), 0, 0, 0 };
    for (int i = 0; i < n; i++) f.depth[i] = -1;
    int r = n ? comp_flow_push(c, &f, 0, 0, 0) : 0;
    while (r == 0 && f.nwork > 0) r = comp_flow_step(c, &f, f.work[--f.nwork]);
    /* unreachable SETUP_FINALLY words still hold the drop count: zero them */
    for (int i = 0; i < n; i += opcode_words[INSTR_OP(c->u->code[i])])
        if (f.depth[i] < 0 && INSTR_OP(c->u->code[i]) == OPC_SETUP_FINALLY) c->u->code[i + 1] = 0;
    *stacksize = f.maxdepth;
    *maxblocks = f.maxblocks;
    free(f.depth); free(f.blocks); free(f.work);
    return r;
}

static Value comp_list_tuple(Value list) {
    return tuple_from_array(AS_LIST(list)->items, AS_LIST(list)->len);
}

static int comp_cell2arg(Unit *u, Code *co) {
    int nparams = u->argcount + u->kwonlyargcount + ((u->flags & CO_VARARGS) ? 1 : 0) +
                  ((u->flags & CO_VARKEYWORDS) ? 1 : 0);
    int ncells = (int)AS_LIST(u->cellvars)->len, any = 0;
    if (!ncells || !nparams) return 0;
    int32_t *m = gc_malloc((size_t)ncells * sizeof(int32_t));
    if (!m) return -1;
    for (int i = 0; i < ncells; i++) {
        int k = nm_find(&u->varmap, STR_DATA(AS_LIST(u->cellvars)->items[i]));
        m[i] = (k >= 0 && k < nparams) ? k : -1;
        if (m[i] >= 0) any = 1;
    }
    if (!any) { gc_free(m, (size_t)ncells * sizeof(int32_t)); return 0; }
    co->cell2arg = m;
    return 0;
}

static int comp_fill_code(Compiler *c, Code *co, int stacksize, int maxblocks) {
    Unit *u = c->u;
    size_t n = (size_t)u->ncode;
    co->code = gc_malloc(n * sizeof(uint32_t) + 1);
    co->positions = gc_malloc(n * sizeof(CodePos) + 1);
    if (!co->code || !co->positions) return -1;
    memcpy(co->code, u->code, n * sizeof(uint32_t));
    memcpy(co->positions, u->pos, n * sizeof(CodePos));
    co->ncode = (int32_t)n;
    if (interp.flag_no_debug_ranges) code_drop_columns(co);
    if (IS_NULL(co->consts = comp_list_tuple(u->consts))) return -1;
    if (IS_NULL(co->names = comp_list_tuple(u->names))) return -1;
    if (IS_NULL(co->varnames = comp_list_tuple(u->varnames))) return -1;
    if (IS_NULL(co->cellvars = comp_list_tuple(u->cellvars))) return -1;
    if (IS_NULL(co->freevars = comp_list_tuple(u->freevars))) return -1;
    co->name = u->name;
    co->qualname = u->qualname;
    co->filename = c->filename;
    co->doc = u->doc;
    co->argcount = u->argcount;
    co->posonlyargcount = u->posonlyargcount;
    co->kwonlyargcount = u->kwonlyargcount;
    co->nlocals = (int32_t)AS_LIST(u->varnames)->len;
    co->ncells = (int32_t)AS_LIST(u->cellvars)->len;
    co->nfree = (int32_t)AS_LIST(u->freevars)->len;
    co->stacksize = stacksize;
    co->maxblocks = maxblocks;
    co->firstlineno = u->firstlineno;
    co->flags = u->flags;
    if (u->kind == U_FUNCTION || u->kind == U_LAMBDA || u->kind == U_COMPREHENSION) {
        if (u->ste->is_generator || u->ste->is_coroutine) co->flags |= CO_GENERATOR;
        if (u->ste->is_coroutine) co->flags |= u->ste->is_generator ? CO_ASYNC_GENERATOR : CO_COROUTINE;
    }
    return comp_cell2arg(u, co);
}

/* Finish the current unit into a Code object (kept alive in Compiler.keep). */
static Value comp_assemble(Compiler *c) {
    int stacksize = 0, maxblocks = 0;
    if (comp_resolve_labels(c) < 0 || comp_flow(c, &stacksize, &maxblocks) < 0) return VAL_NULL;
    Code *co = code_new();
    if (!co) return VAL_NULL;
    Value v = MK_OBJ(co);
    if (comp_keep(c, v) < 0) return VAL_NULL;
    if (comp_fill_code(c, co, stacksize, maxblocks) < 0) return VAL_NULL;
    return v;
}

/* ---- recursion guard ------------------------------------------------------ */
/* The symtable pass has already refused trees deeper than CPython allows,
 * so this only trips on the compiler's own extra levels or a short C stack. */
static int comp_enter_depth(Compiler *c) {
    if (++c->depth > (int64_t)interp.recursion_limit * 3 + COMP_DEPTH_SLACK || ts_c_stack_low()) {
        c->depth--;
        if (!err_occurred())
            err_format(&exc_RecursionError, "maximum recursion depth exceeded during compilation");
        return -1;
    }
    return 0;
}

/* ---- the block stack ------------------------------------------------------ */
static FBlock *comp_push_fblock(Compiler *c, FBlockKind kind, int start, int exit) {
    Unit *u = c->u;
    if (u->nfblocks >= COMP_MAX_BLOCKS) {
        comp_error(c, "too many statically nested blocks");
        return NULL;
    }
    FBlock *b = &u->fblocks[u->nfblocks++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->start = start;
    b->exit = exit;
    return b;
}

static void comp_pop_fblock(Compiler *c) { c->u->nfblocks--; }

static int comp_stmts(Compiler *c, PtrVec *v);
static int comp_stmt(Compiler *c, Stmt *s);
static int comp_expr(Compiler *c, Expr *e);
static int comp_nameop(Compiler *c, const char *name, ExprCtx ctx);

static void comp_no_line(Compiler *c);

static int comp_unset_name(Compiler *c, const char *name) {
    if (comp_load_const(c, VAL_NONE) < 0 || comp_nameop(c, name, CTX_STORE) < 0) return -1;
    return comp_nameop(c, name, CTX_DEL);
}

/* [awaitable] -> [result]: the three instructions of `await` (where: see
 * GET_AWAITABLE). */
static int comp_await_top(Compiler *c, int where) {
    if (comp_op(c, OPC_GET_AWAITABLE, where) < 0 || comp_load_const(c, VAL_NONE) < 0) return -1;
    return comp_op0(c, OPC_YIELD_FROM);
}

/* [v] -> yield v (wrapped first in an async generator) -> [sent] */
static int comp_yield_value(Compiler *c) {
    if (c->u->ste->is_coroutine && comp_op0(c, OPC_ASYNC_GEN_WRAP) < 0) return -1;
    return comp_op0(c, OPC_YIELD_VALUE);
}

/* [exit] -> []: the exit of a with block left normally; `async with` awaits
 * exit(None, None, None) as a plain call. */
static int comp_with_exit_none(Compiler *c, int is_async) {
    if (!is_async) return comp_op0(c, OPC_WITH_EXIT_NONE);
    if (comp_op0(c, OPC_PUSH_NULL) < 0 || comp_op(c, OPC_SWAP, 2) < 0) return -1;
    for (int i = 0; i < 3; i++)
        if (comp_load_const(c, VAL_NONE) < 0) return -1;
    if (comp_op(c, OPC_CALL, 3) < 0 || comp_await_top(c, 2) < 0) return -1;
    return comp_op0(c, OPC_POP_TOP);
}

/* Emit what leaving block b normally does (CPython's compiler_unwind_fblock). */
static int comp_unwind_fblock(Compiler *c, FBlock *b, int preserve_tos) {
    switch (b->kind) {
    case FB_WHILE: case FB_EXCEPTION_HANDLER:
        return 0;
    case FB_FOR:
        if (preserve_tos && comp_op(c, OPC_SWAP, 2) < 0) return -1;
        return comp_op0(c, OPC_POP_TOP);
    case FB_TRY_EXCEPT:
        return comp_op0(c, OPC_POP_BLOCK);
    case FB_FINALLY_TRY: {
        if (comp_op0(c, OPC_POP_BLOCK) < 0) return -1;
        if (preserve_tos && !comp_push_fblock(c, FB_POP_VALUE, -1, -1)) return -1;
        int r = comp_stmts(c, b->finalbody);
        if (preserve_tos) comp_pop_fblock(c);
        comp_no_line(c);            /* what follows runs after the finally body, as CPython */
        c->unwound_artificial = 1;
        return r;
    }
    case FB_FINALLY_END:
        if (preserve_tos && comp_op(c, OPC_SWAP, 2) < 0) return -1;
        if (comp_op0(c, OPC_POP_TOP) < 0) return -1;
        if (preserve_tos && comp_op(c, OPC_SWAP, 2) < 0) return -1;
        if (comp_op0(c, OPC_POP_BLOCK) < 0) return -1;
        return comp_op0(c, OPC_POP_EXCEPT);
    case FB_WITH: case FB_ASYNC_WITH:
        c->u->loc = b->loc;         /* the exit runs on the `with` line, then no line */
        if (comp_op0(c, OPC_POP_BLOCK) < 0) return -1;
        if (preserve_tos && comp_op(c, OPC_SWAP, 2) < 0) return -1;
        c->unwound_artificial = 1;
        if (comp_with_exit_none(c, b->kind == FB_ASYNC_WITH) < 0) return -1;
        comp_no_line(c);
        return 0;
    case FB_HANDLER_CLEANUP:
        if (b->name && comp_op0(c, OPC_POP_BLOCK) < 0) return -1;
        if (preserve_tos && comp_op(c, OPC_SWAP, 2) < 0) return -1;
        if (comp_op0(c, OPC_POP_BLOCK) < 0 || comp_op0(c, OPC_POP_EXCEPT) < 0) return -1;
        return b->name ? comp_unset_name(c, b->name) : 0;
    case FB_POP_VALUE:
        if (preserve_tos && comp_op(c, OPC_SWAP, 2) < 0) return -1;
        return comp_op0(c, OPC_POP_TOP);
    case FB_EXCEPTION_GROUP_HANDLER: {
        Span unset = { .lineno = -1, .end_lineno = -1, .col = -1, .end_col = -1 };
        return comp_error_at(c, c->unwound_artificial ? unset : c->u->loc,
                             "'break', 'continue' and 'return' cannot appear in an except* block");
    }
    }
    return 0;
}

/* Unwind blocks from the top; stop at a loop when *loop is given (its index
 * is stored there, -1 if none). */
static int comp_unwind_stack(Compiler *c, int preserve_tos, int *loop) {
    Unit *u = c->u;
    if (u->nfblocks == 0) return 0;
    FBlock top = u->fblocks[u->nfblocks - 1];
    if (loop && (top.kind == FB_WHILE || top.kind == FB_FOR)) {
        *loop = u->nfblocks - 1;
        return 0;
    }
    u->nfblocks--;
    int r = comp_unwind_fblock(c, &top, preserve_tos);
    if (r == 0) r = comp_unwind_stack(c, preserve_tos, loop);
    u->fblocks[u->nfblocks++] = top;
    return r;
}

/* ---- names ---------------------------------------------------------------- */
static int comp_is_optimized(Unit *u) { return u->ste->kind == ST_FUNCTION; }

static int comp_deref_index(Compiler *c, const char *name) {
    Unit *u = c->u;
    int i = nm_find(&u->cellmap, name);
    if (i >= 0) return i;
    i = nm_find(&u->freemap, name);
    if (i >= 0) return (int)AS_LIST(u->cellvars)->len + i;
    return comp_system_error("unknown cell variable");
}

static const Opcode comp_fast_ops[3] = { OPC_LOAD_FAST, OPC_STORE_FAST, OPC_DELETE_FAST };
static const Opcode comp_deref_ops[3] = { OPC_LOAD_DEREF, OPC_STORE_DEREF, OPC_DELETE_DEREF };
static const Opcode comp_global_ops[3] = { OPC_LOAD_GLOBAL, OPC_STORE_GLOBAL, OPC_DELETE_GLOBAL };
static const Opcode comp_name_ops[3] = { OPC_LOAD_NAME, OPC_STORE_NAME, OPC_DELETE_NAME };

static int comp_nameop(Compiler *c, const char *name, ExprCtx ctx) {
    Unit *u = c->u;
    if (ctx == CTX_LOAD && strcmp(name, "__debug__") == 0) return comp_load_const(c, VAL_TRUE);
    if (ctx != CTX_LOAD && strcmp(name, "__debug__") == 0)
        return comp_error(c, ctx == CTX_DEL ? "cannot delete __debug__" : "cannot assign to __debug__");
    const char *m = comp_mangle(c, name);
    switch (st_name_scope(u->ste, m)) {
    case SC_FREE:
        if (ctx == CTX_LOAD && u->ste->kind == ST_CLASS)
            return comp_op(c, OPC_LOAD_CLASSDEREF, comp_deref_index(c, m));
        return comp_op(c, comp_deref_ops[ctx], comp_deref_index(c, m));
    case SC_CELL:
        return comp_op(c, comp_deref_ops[ctx], comp_deref_index(c, m));
    case SC_LOCAL:
        if (!comp_is_optimized(u)) break;
        if (ctx == CTX_LOAD && (st_name_flags(u->ste, m) & DEF_APPEND))
            return comp_op(c, OPC_LOAD_FAST_ESCAPE, comp_name_in(&u->varmap, u->varnames, m));
        return comp_op(c, comp_fast_ops[ctx], comp_name_in(&u->varmap, u->varnames, m));
    case SC_GLOBAL_IMPLICIT:
        if (comp_is_optimized(u)) return comp_op(c, comp_global_ops[ctx], comp_name_in(&u->namemap, u->names, m));
        break;
    case SC_GLOBAL_EXPLICIT:
        return comp_op(c, comp_global_ops[ctx], comp_name_in(&u->namemap, u->names, m));
    default:
        if (comp_is_optimized(u)) return comp_op(c, comp_global_ops[ctx], comp_name_in(&u->namemap, u->names, m));
        break;
    }
    return comp_op(c, comp_name_ops[ctx], comp_name_in(&u->namemap, u->names, m));
}

/* ---- constants from the tree ---------------------------------------------- */
/* complex(real, imag) through the builtins (no C constructor is exported). */
static Value comp_make_complex(double real, double imag) {
    Value cls = IS_DICT(interp.builtins) ? dict_get_c(interp.builtins, "complex") : VAL_NULL;
    if (IS_NULL(cls)) {
        if (!err_occurred()) err_format(&exc_SystemError, "complex numbers are not available");
        return VAL_NULL;
    }
    return call2(cls, MK_FLOAT(real), MK_FLOAT(imag));
}

static int comp_str_is_identifier(const char *s, size_t n) {
    if (n == 0 || n > 40) return 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_'))
            return 0;
    }
    return 1;
}

Value compile_constant_value(const Expr *e) {
    switch (e->u.constant.kind) {
    case CONST_NONE: return VAL_NONE;
    case CONST_TRUE: return VAL_TRUE;
    case CONST_FALSE: return VAL_FALSE;
    case CONST_ELLIPSIS: return VAL_ELLIPSIS;
    case CONST_INT:
        return int_from_literal(e->u.constant.s.data, e->u.constant.s.len,
                                e->u.constant.int_base ? e->u.constant.int_base : 10);
    case CONST_FLOAT: return MK_FLOAT_SAFE(e->u.constant.f);
    case CONST_IMAG: return comp_make_complex(0.0, e->u.constant.f);
    case CONST_STR: {
        Value s = str_new(e->u.constant.s.data, e->u.constant.s.len);
        if (!IS_NULL(s) && comp_str_is_identifier(e->u.constant.s.data, e->u.constant.s.len))
            s = str_intern(s);
        return s;
    }
    case CONST_BYTES: return bytes_new(e->u.constant.s.data, e->u.constant.s.len);
    case CONST_OBJECT: return (Value)e->u.constant.obj;
    }
    return VAL_NONE;
}

static int comp_is_number(Value v) {
    return IS_SMALLINT(v) || IS_FLOAT(v) || IS_EXACT(v, type_int);
}

/* Fold what CPython folds cheaply: literals, -x / +x / ~x of numbers, tuples
 * of constants, and int/float arithmetic with small results.  Returns
 * VAL_NULL (no error set) when e is not a foldable constant. */
static Value comp_fold(Compiler *c, Expr *e, int depth);

static Value comp_fold_unary(Compiler *c, Expr *e, int depth) {
    if (e->u.unaryop.op == UOP_NOT) return VAL_NULL;
    Value v = comp_fold(c, e->u.unaryop.operand, depth + 1);
    if (IS_NULL(v) || !comp_is_number(v)) return VAL_NULL;
    if (e->u.unaryop.op == UOP_POS) return v;
    if (e->u.unaryop.op == UOP_INVERT) return IS_FLOAT(v) ? VAL_NULL : int_invert(v);
    if (IS_FLOAT(v)) return MK_FLOAT(-AS_FLOAT(v));
    return int_neg(v);
}

static int comp_int_small(Value v, int bits) {
    if (IS_SMALLINT(v)) return 1;
    return IS_EXACT(v, type_int) && int_bit_length(v) <= bits;
}

static Value comp_fold_binop(Compiler *c, Expr *e, int depth) {
    Value a = comp_fold(c, e->u.binop.left, depth + 1);
    if (IS_NULL(a) || !comp_is_number(a)) return VAL_NULL;
    Value b = comp_fold(c, e->u.binop.right, depth + 1);
    if (IS_NULL(b) || !comp_is_number(b)) return VAL_NULL;
    int op = e->u.binop.op;
    if (op == OP_MATMUL) return VAL_NULL;
    if (!IS_FLOAT(a) && !IS_FLOAT(b)) {
        /* keep results small, as CPython's MAX_INT_SIZE (128 bits) */
        if (!comp_int_small(a, 128) || !comp_int_small(b, 128)) return VAL_NULL;
        if (op == OP_POW) {
            int64_t ex;
            if (!IS_SMALLINT(b) || (ex = AS_SMALLINT(b)) < 0 || ex > 128) return VAL_NULL;
            if (int_bit_length(a) * ex > 128) return VAL_NULL;
        }
        if (op == OP_LSHIFT && (!IS_SMALLINT(b) || AS_SMALLINT(b) > 128 || AS_SMALLINT(b) < 0))
            return VAL_NULL;
    } else if (op == OP_POW || op == OP_LSHIFT || op == OP_RSHIFT || op >= OP_BITOR) {
        return VAL_NULL;
    }
    Value r = (IS_FLOAT(a) || IS_FLOAT(b)) ? float_binop(a, b, op) : int_binop(a, b, op);
    if (IS_NULL(r) || r == VAL_NOTIMPLEMENTED) { err_clear(); return VAL_NULL; }
    if (!comp_is_number(r)) return VAL_NULL;
    return r;
}

static Value comp_fold_elts(Compiler *c, PtrVec *v, int depth) {
    Value t = tuple_new(v->len);
    if (IS_NULL(t)) { err_clear(); return VAL_NULL; }
    for (int i = 0; i < v->len; i++) AS_TUPLE(t)->items[i] = VAL_NONE;
    for (int i = 0; i < v->len; i++) {
        Value x = comp_fold(c, v->items[i], depth + 1);
        if (IS_NULL(x)) return VAL_NULL;
        AS_TUPLE(t)->items[i] = x;
    }
    return t;
}

static Value comp_fold_tuple(Compiler *c, Expr *e, int depth) {
    return comp_fold_elts(c, &e->u.list.elts, depth);
}

static Value comp_fold(Compiler *c, Expr *e, int depth) {
    if (depth > 100) return VAL_NULL;
    switch (e->kind) {
    case E_CONSTANT: {
        Value v = compile_constant_value(e);
        if (IS_NULL(v)) err_clear();
        return v;
    }
    case E_UNARYOP: return comp_fold_unary(c, e, depth);
    case E_BINOP: return comp_fold_binop(c, e, depth);
    case E_TUPLE: return e->u.list.ctx == CTX_LOAD ? comp_fold_tuple(c, e, depth) : VAL_NULL;
    default: return VAL_NULL;
    }
}

/* 1 if e is a constant whose truth is known (value in *truth). */
static int comp_const_truth(Expr *e, int *truth) {
    if (e->kind == E_NAME && strcmp(e->u.name.id, "__debug__") == 0) { *truth = 1; return 1; }
    if (e->kind != E_CONSTANT) return 0;
    switch (e->u.constant.kind) {
    case CONST_TRUE: case CONST_ELLIPSIS: *truth = 1; return 1;
    case CONST_FALSE: case CONST_NONE: *truth = 0; return 1;
    case CONST_INT: {
        *truth = 0;
        for (size_t i = 0; i < e->u.constant.s.len; i++)
            if (e->u.constant.s.data[i] != '0') *truth = 1;
        return 1;
    }
    case CONST_STR: case CONST_BYTES: *truth = e->u.constant.s.len != 0; return 1;
    default: return 0;
    }
}

/* ---- compile-time SyntaxWarnings (CPython's check_compare & co) ------------- */
/* Through warn_explicit (interp/warn.c), as CPython's compiler_warn does; an "error"
 * filter turns the warning into a SyntaxError at loc. */
static int comp_warn(Compiler *c, Span loc, const char *fmt, ...) {
    char msg[512];
    COMP_FORMAT(msg, fmt);
    Value text = str_from_c(msg);
    if (IS_NULL(text)) return -1;
    if (warn_explicit(text, MK_OBJ(&exc_SyntaxWarning), c->filename, loc.lineno,
                      VAL_NULL, VAL_NULL, VAL_NULL, VAL_NULL) == 0)
        return 0;
    if (!err_matches(&exc_SyntaxWarning)) return -1;
    err_clear();
    return comp_error_at(c, loc, "%s", msg);
}

/* The type a literal expression is known to have (CPython's infer_type after
 * constant folding), or NULL. */
static Type *comp_infer_type(Compiler *c, Expr *e) {
    switch (e->kind) {
    case E_TUPLE: return &type_tuple;
    case E_LIST: case E_LISTCOMP: return &type_list;
    case E_DICT: case E_DICTCOMP: return &type_dict;
    case E_SET: case E_SETCOMP: return &type_set;
    case E_GENEXP: return &type_generator;
    case E_LAMBDA: return &type_function;
    case E_JOINEDSTR: case E_FORMATTEDVALUE: return &type_str;
    case E_CONSTANT: case E_UNARYOP: case E_BINOP: {
        Value v = comp_fold(c, e, 0);
        return IS_NULL(v) ? NULL : val_type(v);
    }
    default: return NULL;
    }
}

/* A literal other than None/True/False/...: `x is 1` is almost surely a bug. */
static int comp_is_literal(Compiler *c, Expr *e) {
    if (e->kind == E_TUPLE) return !IS_NULL(comp_fold(c, e, 0));
    if (e->kind == E_CONSTANT) {
        ConstKind k = e->u.constant.kind;
        return k != CONST_NONE && k != CONST_TRUE && k != CONST_FALSE && k != CONST_ELLIPSIS;
    }
    return (e->kind == E_UNARYOP || e->kind == E_BINOP) && !IS_NULL(comp_fold(c, e, 0));
}

static int comp_check_compare(Compiler *c, Expr *e) {
    int left = comp_is_literal(c, e->u.compare.left);
    for (int i = 0; i < e->u.compare.n; i++) {
        CmpOpKind op = e->u.compare.ops[i];
        int right = comp_is_literal(c, e->u.compare.comparators[i]);
        if ((op == CMP_IS || op == CMP_IS_NOT) && (left || right))
            return comp_warn(c, e->span, op == CMP_IS
                             ? "\"is\" with a literal. Did you mean \"==\"?"
                             : "\"is not\" with a literal. Did you mean \"!=\"?");
        left = right;
    }
    return 0;
}

static int comp_check_caller(Compiler *c, Expr *call) {
    Expr *f = call->u.call.func;
    Type *t = f->kind == E_LAMBDA ? NULL : comp_infer_type(c, f);
    if (!t) return 0;
    return comp_warn(c, call->span, "'%s' object is not callable; perhaps you missed a comma?",
                     t->tp_name);
}

static int comp_check_subscript(Compiler *c, Expr *e) {
    Expr *val = e->u.subscript.value;
    Type *vt = comp_infer_type(c, val), *it = comp_infer_type(c, e->u.subscript.slice);
    if (!vt) return 0;
    if (vt == &type_set || vt == &type_frozenset || vt == &type_generator || vt == &type_function ||
        type_is_subtype(vt, &type_int) || vt == &type_float || vt == &type_complex ||
        vt == &type_none || vt == &type_ellipsis)
        return comp_warn(c, e->span, "'%s' object is not subscriptable; perhaps you missed a comma?",
                         vt->tp_name);
    if (!it || type_is_subtype(it, &type_int) || e->u.subscript.slice->kind == E_SLICE) return 0;
    if (vt == &type_tuple || vt == &type_list || vt == &type_str || vt == &type_bytes)
        return comp_warn(c, e->span, "%s indices must be integers or slices, not %s; "
                         "perhaps you missed a comma?", vt->tp_name, it->tp_name);
    return 0;
}

/* ---- expressions ---------------------------------------------------------- */

static int comp_exprs(Compiler *c, PtrVec *v) {
    for (int i = 0; i < v->len; i++)
        if (comp_expr(c, v->items[i]) < 0) return -1;
    return 0;
}

static int comp_jump_if(Compiler *c, Expr *e, int label, int cond);

static int comp_cmpop(Compiler *c, CmpOpKind op) {
    switch (op) {
    case CMP_IS: return comp_op(c, OPC_IS_OP, 0);
    case CMP_IS_NOT: return comp_op(c, OPC_IS_OP, 1);
    case CMP_IN: return comp_op(c, OPC_CONTAINS_OP, 0);
    case CMP_NOT_IN: return comp_op(c, OPC_CONTAINS_OP, 1);
    default: return comp_op(c, OPC_COMPARE_OP, (int)op);
    }
}

/* The first n-1 links of a chain: <left> (<cmp_i> SWAP 2 COPY 2 CMP JUMP cleanup)*  */
static int comp_compare_links(Compiler *c, Expr *e, int cleanup, Opcode jump) {
    if (comp_expr(c, e->u.compare.left) < 0) return -1;
    for (int i = 0; i < e->u.compare.n - 1; i++) {
        if (comp_expr(c, e->u.compare.comparators[i]) < 0 || comp_op(c, OPC_SWAP, 2) < 0 ||
            comp_op(c, OPC_COPY, 2) < 0 || comp_cmpop(c, e->u.compare.ops[i]) < 0 ||
            comp_jump(c, jump, cleanup) < 0) return -1;
    }
    int n = e->u.compare.n;
    if (comp_expr(c, e->u.compare.comparators[n - 1]) < 0) return -1;
    return comp_cmpop(c, e->u.compare.ops[n - 1]);
}

static int comp_compare(Compiler *c, Expr *e) {
    if (comp_check_compare(c, e) < 0) return -1;
    if (e->u.compare.n == 1) {
        if (comp_expr(c, e->u.compare.left) < 0 || comp_expr(c, e->u.compare.comparators[0]) < 0)
            return -1;
        return comp_cmpop(c, e->u.compare.ops[0]);
    }
    int cleanup = comp_new_label(c), end = comp_new_label(c);
    if (comp_compare_links(c, e, cleanup, OPC_JUMP_IF_FALSE_OR_POP) < 0) return -1;
    if (comp_jump(c, OPC_JUMP, end) < 0) return -1;
    comp_place(c, cleanup);
    if (comp_op(c, OPC_SWAP, 2) < 0 || comp_op0(c, OPC_POP_TOP) < 0) return -1;
    comp_place(c, end);
    return 0;
}

static int comp_jump_if_compare(Compiler *c, Expr *e, int label, int cond) {
    if (comp_check_compare(c, e) < 0) return -1;
    int cleanup = comp_new_label(c), end = comp_new_label(c);
    if (comp_compare_links(c, e, cleanup, OPC_POP_JUMP_IF_FALSE) < 0) return -1;
    if (comp_jump(c, cond ? OPC_POP_JUMP_IF_TRUE : OPC_POP_JUMP_IF_FALSE, label) < 0) return -1;
    if (comp_jump(c, OPC_JUMP, end) < 0) return -1;
    comp_place(c, cleanup);
    if (comp_op0(c, OPC_POP_TOP) < 0) return -1;
    if (!cond && comp_jump(c, OPC_JUMP, label) < 0) return -1;
    comp_place(c, end);
    return 0;
}

static int comp_jump_if_boolop(Compiler *c, Expr *e, int label, int cond) {
    int cond2 = e->u.boolop.op == BOOL_OR;
    int next2 = cond2 != cond ? comp_new_label(c) : label;
    PtrVec *v = &e->u.boolop.values;
    for (int i = 0; i < v->len - 1; i++)
        if (comp_jump_if(c, v->items[i], next2, cond2) < 0) return -1;
    if (comp_jump_if(c, v->items[v->len - 1], label, cond) < 0) return -1;
    if (next2 != label) comp_place(c, next2);
    return 0;
}

static int comp_jump_if_ifexp(Compiler *c, Expr *e, int label, int cond) {
    int end = comp_new_label(c), next2 = comp_new_label(c);
    if (comp_jump_if(c, e->u.ifexp.test, next2, 0) < 0 ||
        comp_jump_if(c, e->u.ifexp.body, label, cond) < 0 || comp_jump(c, OPC_JUMP, end) < 0)
        return -1;
    comp_place(c, next2);
    if (comp_jump_if(c, e->u.ifexp.orelse, label, cond) < 0) return -1;
    comp_place(c, end);
    return 0;
}

/* Jump to label when bool(e) == cond; fall through otherwise. */
static int comp_jump_if(Compiler *c, Expr *e, int label, int cond) {
    if (comp_enter_depth(c) < 0) return -1;
    Span saved = c->u->loc;
    c->u->loc = e->span;
    int r;
    if (e->kind == E_UNARYOP && e->u.unaryop.op == UOP_NOT)
        r = comp_jump_if(c, e->u.unaryop.operand, label, !cond);
    else if (e->kind == E_BOOLOP && e->u.boolop.values.len > 0)
        r = comp_jump_if_boolop(c, e, label, cond);
    else if (e->kind == E_IFEXP)
        r = comp_jump_if_ifexp(c, e, label, cond);
    else if (e->kind == E_COMPARE && e->u.compare.n > 1)
        r = comp_jump_if_compare(c, e, label, cond);
    else if (comp_expr(c, e) < 0)
        r = -1;
    else
        r = comp_jump(c, cond ? OPC_POP_JUMP_IF_TRUE : OPC_POP_JUMP_IF_FALSE, label);
    c->u->loc = saved;
    c->depth--;
    return r;
}

static int comp_boolop(Compiler *c, Expr *e) {
    Opcode jump = e->u.boolop.op == BOOL_AND ? OPC_JUMP_IF_FALSE_OR_POP : OPC_JUMP_IF_TRUE_OR_POP;
    int end = comp_new_label(c);
    PtrVec *v = &e->u.boolop.values;
    for (int i = 0; i < v->len - 1; i++)
        if (comp_expr(c, v->items[i]) < 0 || comp_jump(c, jump, end) < 0) return -1;
    if (v->len && comp_expr(c, v->items[v->len - 1]) < 0) return -1;
    comp_place(c, end);
    return 0;
}

static int comp_has_starred(PtrVec *v) {
    for (int i = 0; i < v->len; i++)
        if (((Expr *)v->items[i])->kind == E_STARRED) return 1;
    return 0;
}

/* Build a list (or set) from elts with *x items: CPython's starunpack_helper.
 * `pushed` items already on the stack go first. */
static int comp_starunpack(Compiler *c, PtrVec *elts, int pushed, Opcode build, Opcode add,
                           Opcode extend) {
    int seen_star = 0;
    for (int i = 0; i < elts->len; i++) {
        Expr *x = elts->items[i];
        if (x->kind == E_STARRED) {
            if (!seen_star && comp_op(c, build, i + pushed) < 0) return -1;
            seen_star = 1;
            if (comp_expr(c, x->u.starred.value) < 0 || comp_op(c, extend, 1) < 0) return -1;
        } else {
            if (comp_expr(c, x) < 0) return -1;
            if (seen_star && comp_op(c, add, 1) < 0) return -1;
        }
    }
    if (!seen_star) return comp_op(c, build, elts->len + pushed);
    return 0;
}

static int comp_list(Compiler *c, Expr *e) {
    PtrVec *v = &e->u.list.elts;
    if (comp_has_starred(v))
        return comp_starunpack(c, v, 0, OPC_BUILD_LIST, OPC_LIST_APPEND, OPC_LIST_EXTEND);
    if (comp_exprs(c, v) < 0) return -1;
    return comp_op(c, OPC_BUILD_LIST, v->len);
}

static int comp_tuple(Compiler *c, Expr *e) {
    PtrVec *v = &e->u.list.elts;
    if (comp_has_starred(v)) {
        if (comp_starunpack(c, v, 0, OPC_BUILD_LIST, OPC_LIST_APPEND, OPC_LIST_EXTEND) < 0) return -1;
        return comp_op0(c, OPC_LIST_TO_TUPLE);
    }
    Value t = comp_fold(c, e, 0);
    if (!IS_NULL(t)) return comp_load_const(c, t);
    if (comp_exprs(c, v) < 0) return -1;
    return comp_op(c, OPC_BUILD_TUPLE, v->len);
}

/* A display of more than two constants is built from one constant, as
 * CPython does: [] + tuple, or set() updated from a frozenset (which also
 * gives CPython's iteration order for such set literals). */
static int comp_const_display(Compiler *c, PtrVec *v, Opcode build, Opcode update, int is_set) {
    if (v->len <= 2) return 0;
    Value t = comp_fold_elts(c, v, 0);
    if (IS_NULL(t)) return 0;
    if (is_set) {
        /* CPython re-creates the frozenset when it merges code constants, so
           its table is built in the first frozenset's iteration order */
        t = set_from_iterable(&type_frozenset, t);
        if (!IS_NULL(t)) t = set_from_iterable(&type_frozenset, seq_to_tuple(t));
        if (IS_NULL(t)) { err_clear(); return 0; }
    }
    if (comp_op(c, build, 0) < 0 || comp_load_const(c, t) < 0 || comp_op(c, update, 1) < 0) return -1;
    return 1;
}

static int comp_set(Compiler *c, Expr *e) {
    PtrVec *v = &e->u.set.elts;
    if (comp_has_starred(v))
        return comp_starunpack(c, v, 0, OPC_BUILD_SET, OPC_SET_ADD, OPC_SET_UPDATE);
    int folded = comp_const_display(c, v, OPC_BUILD_SET, OPC_SET_UPDATE, 1);
    if (folded) return folded < 0 ? -1 : 0;
    if (comp_exprs(c, v) < 0) return -1;
    return comp_op(c, OPC_BUILD_SET, v->len);
}

/* Flush `n` pending key/value pairs into the dict being built. */
static int comp_dict_flush(Compiler *c, int n, int *have_dict) {
    if (comp_op(c, OPC_BUILD_MAP, n) < 0) return -1;
    if (*have_dict && comp_op(c, OPC_DICT_UPDATE, 1) < 0) return -1;
    *have_dict = 1;
    return 0;
}

static int comp_dict(Compiler *c, Expr *e) {
    PtrVec *keys = &e->u.dict.keys, *vals = &e->u.dict.values;
    int pending = 0, have_dict = 0;
    for (int i = 0; i < vals->len; i++) {
        if (!keys->items[i]) {
            if (pending && comp_dict_flush(c, pending, &have_dict) < 0) return -1;
            pending = 0;
            if (!have_dict && comp_op(c, OPC_BUILD_MAP, 0) < 0) return -1;
            have_dict = 1;
            if (comp_expr(c, vals->items[i]) < 0 || comp_op(c, OPC_DICT_UPDATE, 1) < 0) return -1;
            continue;
        }
        if (comp_expr(c, keys->items[i]) < 0 || comp_expr(c, vals->items[i]) < 0) return -1;
        if (++pending == 64) {
            if (comp_dict_flush(c, pending, &have_dict) < 0) return -1;
            pending = 0;
        }
    }
    if (pending || !have_dict) return comp_dict_flush(c, pending, &have_dict);
    return 0;
}

/* ---- calls ---------------------------------------------------------------- */
static int comp_check_keywords(Compiler *c, PtrVec *kws) {
    for (int i = 0; i < kws->len; i++) {
        Keyword *k = kws->items[i];
        if (!k->name) continue;
        if (strcmp(k->name, "__debug__") == 0) return comp_error(c, "cannot assign to __debug__");
        for (int j = i + 1; j < kws->len; j++) {
            Keyword *o = kws->items[j];
            if (o->name && strcmp(o->name, k->name) == 0)
                return comp_error_at(c, o->span, "keyword argument repeated: %s", k->name);
        }
    }
    return 0;
}

static Value comp_kwnames(PtrVec *kws, int from, int to) {
    Value t = tuple_new(to - from);
    if (IS_NULL(t)) return t;
    for (int i = from; i < to; i++) AS_TUPLE(t)->items[i - from] = VAL_NONE;
    for (int i = from; i < to; i++) {
        Value s = str_intern_c(((Keyword *)kws->items[i])->name);
        if (IS_NULL(s)) return s;
        AS_TUPLE(t)->items[i - from] = s;
    }
    return t;
}

/* {k1: v1, ...} for keywords[from:to] (all named). */
static int comp_subkwargs(Compiler *c, PtrVec *kws, int from, int to) {
    for (int i = from; i < to; i++) {
        Keyword *k = kws->items[i];
        if (comp_load_const(c, str_intern_c(k->name)) < 0 || comp_expr(c, k->value) < 0) return -1;
    }
    return comp_op(c, OPC_BUILD_MAP, to - from);
}

static int comp_kwargs_dict(Compiler *c, PtrVec *kws) {
    int nseen = 0, have_dict = 0;
    for (int i = 0; i < kws->len; i++) {
        Keyword *k = kws->items[i];
        if (k->name) { nseen++; continue; }
        if (nseen) {
            if (comp_subkwargs(c, kws, i - nseen, i) < 0) return -1;
            if (have_dict && comp_op(c, OPC_DICT_MERGE, 1) < 0) return -1;
            have_dict = 1;
            nseen = 0;
        }
        if (!have_dict && comp_op(c, OPC_BUILD_MAP, 0) < 0) return -1;
        have_dict = 1;
        if (comp_expr(c, k->value) < 0 || comp_op(c, OPC_DICT_MERGE, 1) < 0) return -1;
    }
    if (nseen) {
        if (comp_subkwargs(c, kws, kws->len - nseen, kws->len) < 0) return -1;
        if (have_dict && comp_op(c, OPC_DICT_MERGE, 1) < 0) return -1;
    }
    return 0;
}

static int comp_has_dstar(PtrVec *kws) {
    for (int i = 0; i < kws->len; i++)
        if (!((Keyword *)kws->items[i])->name) return 1;
    return 0;
}

/* The arguments and the call; `pushed` positional arguments are already on
 * the stack (a class's body function and name). */
static int comp_call_helper(Compiler *c, int pushed, PtrVec *args, PtrVec *kws) {
    if (comp_check_keywords(c, kws) < 0) return -1;
    if (!comp_has_starred(args) && !comp_has_dstar(kws)) {
        if (comp_exprs(c, args) < 0) return -1;
        if (!kws->len) return comp_op(c, OPC_CALL, pushed + args->len);
        for (int i = 0; i < kws->len; i++)
            if (comp_expr(c, ((Keyword *)kws->items[i])->value) < 0) return -1;
        if (comp_load_const(c, comp_kwnames(kws, 0, kws->len)) < 0) return -1;
        return comp_op(c, OPC_CALL_KW, pushed + args->len + kws->len);
    }
    if (comp_starunpack(c, args, pushed, OPC_BUILD_LIST, OPC_LIST_APPEND, OPC_LIST_EXTEND) < 0 ||
        comp_op0(c, OPC_LIST_TO_TUPLE) < 0) return -1;
    if (kws->len && comp_kwargs_dict(c, kws) < 0) return -1;
    return comp_op(c, OPC_CALL_EX, kws->len ? 1 : 0);
}

/* Where an attribute's LOAD_ATTR/LOAD_METHOD/STORE_ATTR stands, as CPython
 * 3.11 places it (update_start_location_to_match_attr): the expression's own
 * span, or when it spans lines, just the name on its last line (so a
 * traceback of a chained call split over lines points at the method). */
static Span comp_attr_span(Expr *attr) {
    Span s = attr->span;
    if (s.lineno == s.end_lineno) return s;
    int len = 0;
    for (const unsigned char *p = (const unsigned char *)attr->u.attribute.attr; *p; p++) len += (*p & 0xC0) != 0x80;
    s.lineno = s.end_lineno;
    if (len <= s.end_col) s.col = s.end_col - len;
    else s.col = s.end_col = -1;
    return s;
}

static int comp_attr_op(Compiler *c, int op, Expr *attr) {
    Span saved = c->u->loc;
    c->u->loc = comp_attr_span(attr);
    int r = comp_op_name(c, op, attr->u.attribute.attr);
    c->u->loc = saved;
    return r;
}

static int comp_call(Compiler *c, Expr *e) {
    if (comp_check_caller(c, e) < 0) return -1;
    Expr *f = e->u.call.func;
    PtrVec *args = &e->u.call.args, *kws = &e->u.call.keywords;
    if (f->kind == E_ATTRIBUTE && f->u.attribute.ctx == CTX_LOAD && !comp_has_starred(args) &&
        !comp_has_dstar(kws)) {
        if (comp_expr(c, f->u.attribute.value) < 0 || comp_attr_op(c, OPC_LOAD_METHOD, f) < 0) return -1;
        Span saved = c->u->loc, at = comp_attr_span(f);
        if (at.lineno != f->span.lineno) {        /* the call starts at the method's name too */
            c->u->loc.lineno = at.lineno;
            c->u->loc.col = at.col;
        }
        int r = comp_call_helper(c, 0, args, kws);
        c->u->loc = saved;
        return r;
    }
    if (comp_op0(c, OPC_PUSH_NULL) < 0 || comp_expr(c, f) < 0) return -1;
    return comp_call_helper(c, 0, args, kws);
}

/* ---- functions, lambdas, comprehensions, classes -------------------------- */
static Expr *comp_docstring(PtrVec *body) {
    if (!body->len) return NULL;
    Stmt *s = body->items[0];
    if (s->kind != S_EXPR) return NULL;
    Expr *e = s->u.expr.value;
    return (e->kind == E_CONSTANT && e->u.constant.kind == CONST_STR) ? e : NULL;
}

/* [LOAD_CLOSURE .. BUILD_TUPLE] LOAD_CONST code MAKE_FUNCTION flags */
static int comp_make_closure(Compiler *c, Value code, int flags) {
    if (IS_NULL(code)) return -1;
    Code *co = AS_CODE(code);
    int64_t n = AS_TUPLE(co->freevars)->len;
    if (n > 0) {
        for (int64_t i = 0; i < n; i++)
            if (comp_op(c, OPC_LOAD_CLOSURE, comp_deref_index(c, STR_DATA(AS_TUPLE(co->freevars)->items[i]))) < 0)
                return -1;
        if (comp_op(c, OPC_BUILD_TUPLE, (int)n) < 0) return -1;
        flags |= 8;
    }
    if (comp_load_const(c, code) < 0) return -1;
    return comp_op(c, OPC_MAKE_FUNCTION, flags);
}

static int comp_check_debug_args(Compiler *c, Arguments *a) {
    PtrVec *lists[3] = { &a->posonlyargs, &a->args, &a->kwonlyargs };
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < lists[k]->len; i++)
            if (strcmp(((Arg *)lists[k]->items[i])->name, "__debug__") == 0)
                return comp_error(c, "cannot assign to __debug__");
    if ((a->vararg && strcmp(a->vararg->name, "__debug__") == 0) ||
        (a->kwarg && strcmp(a->kwarg->name, "__debug__") == 0))
        return comp_error(c, "cannot assign to __debug__");
    return 0;
}

/* Defaults tuple and kwdefaults dict; returns the MAKE_FUNCTION flags or -1. */
static int comp_defaults(Compiler *c, Arguments *a) {
    int flags = 0, nkw = 0;
    if (a->defaults.len) {
        if (comp_exprs(c, &a->defaults) < 0 || comp_op(c, OPC_BUILD_TUPLE, a->defaults.len) < 0) return -1;
        flags |= 1;
    }
    for (int i = 0; i < a->kwonlyargs.len && i < a->kw_defaults.len; i++) {
        Expr *d = a->kw_defaults.items[i];
        if (!d) continue;
        if (comp_load_const_str(c, comp_mangle(c, ((Arg *)a->kwonlyargs.items[i])->name)) < 0 ||
            comp_expr(c, d) < 0) return -1;
        nkw++;
    }
    if (nkw) {
        if (comp_op(c, OPC_BUILD_MAP, nkw) < 0) return -1;
        flags |= 2;
    }
    return flags;
}

/* Byte offset of (lineno, col) in the source, or -1. */
static long comp_src_offset(Compiler *c, int lineno, int col) {
    if (!c->line_starts) {
        int n = 1;
        for (size_t i = 0; i < c->srclen; i++) n += c->src[i] == '\n';
        c->line_starts = fe_malloc(((size_t)n + 1) * sizeof(size_t));
        c->line_starts[0] = 0;
        c->nlines = 1;
        for (size_t i = 0; i < c->srclen; i++)
            if (c->src[i] == '\n') c->line_starts[c->nlines++] = i + 1;
    }
    if (lineno < 1 || lineno > c->nlines) return -1;
    size_t off = c->line_starts[lineno - 1] + (size_t)col;
    return off <= c->srclen ? (long)off : -1;
}

/* Under `from __future__ import annotations`: the annotation's source text
 * (lines joined by single spaces), as a str. */
static Value comp_annotation_text(Compiler *c, Expr *e) {
    long a = comp_src_offset(c, e->span.lineno, e->span.col);
    long b = comp_src_offset(c, e->span.end_lineno, e->span.end_col);
    if (a < 0 || b < a) return VAL_NULL;
    char *buf = fe_malloc((size_t)(b - a) + 1);
    size_t n = 0;
    for (long i = a; i < b; i++) {
        char ch = c->src[i];
        if (ch == '\\' && i + 1 < b && c->src[i + 1] == '\n') continue;
        if (ch == '\n' || ch == '\r') {
            while (n && buf[n - 1] == ' ') n--;
            while (i + 1 < b && (c->src[i + 1] == ' ' || c->src[i + 1] == '\t')) i++;
            if (n && buf[n - 1] != '(' && buf[n - 1] != '[' && buf[n - 1] != '{') buf[n++] = ' ';
            continue;
        }
        buf[n++] = ch;
    }
    Value v = str_new(buf, n);
    free(buf);
    return v;
}

/* An annotation's value: evaluated, or its text under the future import. */
static int comp_annotation(Compiler *c, Expr *e) {
    if (c->future_annotations && c->src) {
        Value t = VAL_NULL;
        if (e->kind == E_CONSTANT && e->u.constant.kind == CONST_STR) {
            Value v = compile_constant_value(e);
            t = IS_NULL(v) ? v : obj_repr(v);
        } else {
            t = comp_annotation_text(c, e);
        }
        if (!IS_NULL(t)) return comp_load_const(c, t);
        if (err_occurred()) return -1;
    }
    if (e->kind == E_STARRED)        /* `*args: *Ts` (PEP 646): [value] = [*Ts] */
        return comp_expr(c, e->u.starred.value) < 0 ? -1 : comp_op(c, OPC_UNPACK_SEQUENCE, 1);
    return comp_expr(c, e);
}

static int comp_arg_annotations(Compiler *c, PtrVec *v, int *n) {
    for (int i = 0; i < v->len; i++) {
        Arg *a = v->items[i];
        if (!a->annotation) continue;
        if (comp_load_const_str(c, comp_mangle(c, a->name)) < 0 || comp_annotation(c, a->annotation) < 0)
            return -1;
        (*n)++;
    }
    return 0;
}

static int comp_one_annotation(Compiler *c, Arg *a, int *n) {
    if (!a || !a->annotation) return 0;
    if (comp_load_const_str(c, comp_mangle(c, a->name)) < 0 || comp_annotation(c, a->annotation) < 0)
        return -1;
    (*n)++;
    return 0;
}

/* The annotations dict (CPython's order); returns flag 4, 0, or -1. */
static int comp_annotations(Compiler *c, Arguments *a, Expr *returns) {
    int n = 0;
    if (comp_arg_annotations(c, &a->args, &n) < 0 || comp_arg_annotations(c, &a->posonlyargs, &n) < 0 ||
        comp_one_annotation(c, a->vararg, &n) < 0 || comp_arg_annotations(c, &a->kwonlyargs, &n) < 0 ||
        comp_one_annotation(c, a->kwarg, &n) < 0) return -1;
    if (returns) {
        if (comp_load_const_str(c, "return") < 0 || comp_annotation(c, returns) < 0) return -1;
        n++;
    }
    if (!n) return 0;
    if (comp_op(c, OPC_BUILD_MAP, n) < 0) return -1;
    return 4;
}

static void comp_set_arg_counts(Unit *u, Arguments *a) {
    u->posonlyargcount = a->posonlyargs.len;
    u->argcount = a->posonlyargs.len + a->args.len;
    u->kwonlyargcount = a->kwonlyargs.len;
    if (a->vararg) u->flags |= CO_VARARGS;
    if (a->kwarg) u->flags |= CO_VARKEYWORDS;
    if (u->ste->is_nested) u->flags |= CO_NESTED;
}

static int comp_return_none(Compiler *c) {
    if (comp_load_const(c, VAL_NONE) < 0) return -1;
    return comp_op0(c, OPC_RETURN_VALUE);
}

/* What follows has no line: the instructions that only keep blocks and loops
 * going (POP_BLOCK, the jump that closes a try body or a loop, a handler's
 * entry and cleanup) and the implicit `return None` of a body, which
 * CPython's bytecode lacks or gives the line of what ran before.  A tracer
 * sees no 'line' event for them (interp/trace.c), and a traceback or f_lineno
 * there shows the line before. */
static void comp_no_line(Compiler *c) { c->u->loc = (Span){ 0, -1, 0, -1 }; }

/* The implicit `return None` closing a function or class body; a body that
 * emitted nothing keeps its line (CPython reports a 'line' there). */
static int comp_implicit_return(Compiler *c, PtrVec *body) {
    if (c->u->ncode) comp_no_line(c);
    else if (body->len) c->u->loc = ((Stmt *)body->items[body->len - 1])->span;
    return comp_return_none(c);
}

static Value comp_function_code(Compiler *c, Stmt *s) {
    StScope *sc = st_scope_for(c->st, s);
    if (comp_enter_unit(c, sc, U_FUNCTION, s->u.funcdef.name, c->u->loc.lineno) < 0) return VAL_NULL;
    Unit *u = c->u;
    comp_set_arg_counts(u, s->u.funcdef.args);
    PtrVec *body = &s->u.funcdef.body;
    Expr *doc = comp_docstring(body);
    Value docv = doc ? compile_constant_value(doc) : VAL_NONE;
    if (IS_NULL(docv) || comp_const_index(u, docv) < 0) return VAL_NULL;
    u->doc = docv;
    for (int i = doc ? 1 : 0; i < body->len; i++)
        if (comp_stmt(c, body->items[i]) < 0) return VAL_NULL;
    if (comp_implicit_return(c, body) < 0) return VAL_NULL;
    Value code = comp_assemble(c);
    if (IS_NULL(code)) return code;
    comp_exit_unit(c);
    return code;
}

/* Each decorator on its own line, its PUSH_NULL included (a tracer sees the
 * decorator lines in order, as CPython). */
static int comp_decorators(Compiler *c, PtrVec *decos) {
    Span saved = c->u->loc;
    for (int i = 0; i < decos->len; i++) {
        c->u->loc = ((Expr *)decos->items[i])->span;
        if (comp_op0(c, OPC_PUSH_NULL) < 0 || comp_expr(c, decos->items[i]) < 0) return -1;
    }
    c->u->loc = saved;
    return 0;
}

/* Innermost decorator first; each call carries its decorator's position. */
static int comp_apply_decorators(Compiler *c, PtrVec *decos) {
    Span saved = c->u->loc;
    for (int i = decos->len - 1; i >= 0; i--) {
        c->u->loc = ((Expr *)decos->items[i])->span;
        if (comp_op(c, OPC_CALL, 1) < 0) return -1;
    }
    c->u->loc = saved;
    return 0;
}

static int comp_funcdef(Compiler *c, Stmt *s) {
    Arguments *a = s->u.funcdef.args;
    if (comp_check_debug_args(c, a) < 0 || comp_decorators(c, &s->u.funcdef.decorators) < 0) return -1;
    int flags = comp_defaults(c, a);
    if (flags < 0) return -1;
    int ann = comp_annotations(c, a, s->u.funcdef.returns);
    if (ann < 0) return -1;
    Span saved = c->u->loc;
    if (s->u.funcdef.decorators.len)
        c->u->loc.lineno = ((Expr *)s->u.funcdef.decorators.items[0])->span.lineno;
    Value code = comp_function_code(c, s);
    c->u->loc = saved;
    if (comp_make_closure(c, code, flags | ann) < 0) return -1;
    if (comp_apply_decorators(c, &s->u.funcdef.decorators) < 0) return -1;
    return comp_nameop(c, s->u.funcdef.name, CTX_STORE);
}

static int comp_lambda(Compiler *c, Expr *e) {
    Arguments *a = e->u.lambda.args;
    if (comp_check_debug_args(c, a) < 0) return -1;
    int flags = comp_defaults(c, a);
    if (flags < 0) return -1;
    StScope *sc = st_scope_for(c->st, e);
    if (comp_enter_unit(c, sc, U_LAMBDA, "<lambda>", e->span.lineno) < 0) return -1;
    Unit *u = c->u;
    comp_set_arg_counts(u, a);
    u->flags |= CO_LAMBDA;
    /* a generator lambda returns its body's value too: StopIteration.value */
    if (comp_const_index(u, VAL_NONE) < 0 || comp_expr(c, e->u.lambda.body) < 0) return -1;
    if (comp_op0(c, OPC_RETURN_VALUE) < 0) return -1;
    Value code = comp_assemble(c);
    if (IS_NULL(code)) return -1;
    comp_exit_unit(c);
    return comp_make_closure(c, code, flags);
}

static int comp_store(Compiler *c, Expr *e);

static int comp_comp_element(Compiler *c, Expr *e, StCompKind kind, int depth) {
    switch (kind) {
    case ST_COMP_GEN:
        if (comp_expr(c, e->u.comp.elt) < 0 || comp_yield_value(c) < 0) return -1;
        return comp_op0(c, OPC_POP_TOP);
    case ST_COMP_LIST:
        if (comp_expr(c, e->u.comp.elt) < 0) return -1;
        return comp_op(c, OPC_LIST_APPEND, depth + 1);
    case ST_COMP_SET:
        if (comp_expr(c, e->u.comp.elt) < 0) return -1;
        return comp_op(c, OPC_SET_ADD, depth + 1);
    default:
        if (comp_expr(c, e->u.comp.elt) < 0 || comp_expr(c, e->u.comp.value) < 0) return -1;
        return comp_op(c, OPC_MAP_ADD, depth + 1);
    }
}

/* One `async for` step of a loop over the aiter on top: the next item, or a
 * jump to `done` (aiter popped) when the iterator is exhausted. */
static int comp_async_next(Compiler *c, int done) {
    int handler = comp_new_label(c), got = comp_new_label(c);
    if (comp_setup_finally(c, handler, 0) < 0 || comp_op0(c, OPC_GET_ANEXT) < 0 || comp_await_top(c, 0) < 0 ||
        comp_op0(c, OPC_POP_BLOCK) < 0 || comp_jump(c, OPC_JUMP, got) < 0) return -1;
    comp_place(c, handler);
    if (comp_op0(c, OPC_END_ASYNC_FOR) < 0 || comp_jump(c, OPC_JUMP, done) < 0) return -1;
    comp_place(c, got);
    return 0;
}

static int comp_comp_generator(Compiler *c, Expr *e, StCompKind kind, int index, int depth) {
    PtrVec *gens = &e->u.comp.generators;
    Comprehension *g = gens->items[index];
    int start = comp_new_label(c), if_cleanup = comp_new_label(c), anchor = comp_new_label(c);
    if (index == 0) {
        if (comp_op(c, OPC_LOAD_FAST, 0) < 0) return -1;
    } else if (comp_expr(c, g->iter) < 0 || comp_op0(c, g->is_async ? OPC_GET_AITER : OPC_GET_ITER) < 0) return -1;
    depth++;
    comp_place(c, start);
    if (g->is_async ? comp_async_next(c, anchor) < 0 : comp_jump(c, OPC_FOR_ITER, anchor) < 0) return -1;
    if (comp_store(c, g->target) < 0) return -1;
    for (int i = 0; i < g->ifs.len; i++)
        if (comp_jump_if(c, g->ifs.items[i], if_cleanup, 0) < 0) return -1;
    if (index + 1 < gens->len) {
        if (comp_comp_generator(c, e, kind, index + 1, depth) < 0) return -1;
    } else if (comp_comp_element(c, e, kind, depth) < 0) return -1;
    comp_place(c, if_cleanup);
    if (comp_jump(c, OPC_JUMP, start) < 0) return -1;
    comp_place(c, anchor);
    return 0;
}

static const char *const comp_comp_names[] = { "", "<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>" };

/* A comprehension that awaits is itself awaited where it is built, which only
 * an async function or another comprehension can do (a generator expression
 * becomes an async generator instead). */
static int comp_comp_checks(Compiler *c, Expr *e, StScope *sc, StCompKind kind) {
    PtrVec *gens = &e->u.comp.generators;
    if (!gens->len) return comp_system_error("comprehension without generators");
    if (e->u.comp.elt && e->u.comp.elt->kind == E_STARRED)
        return comp_error_at(c, e->u.comp.elt->span, "iterable unpacking cannot be used in comprehension");
    StScope *outer = c->u->ste;
    if (sc->is_coroutine && kind != ST_COMP_GEN && !outer->is_async && !outer->comp)
        return comp_error_at(c, e->span, "asynchronous comprehension outside of an asynchronous function");
    return 0;
}

static int comp_comprehension(Compiler *c, Expr *e, StCompKind kind) {
    StScope *sc = st_scope_for(c->st, e);
    if (comp_comp_checks(c, e, sc, kind) < 0) return -1;
    if (comp_enter_unit(c, sc, U_COMPREHENSION, comp_comp_names[kind], e->span.lineno) < 0) return -1;
    Unit *u = c->u;
    u->argcount = 1;
    u->flags |= CO_COMPREHENSION | (sc->is_nested ? CO_NESTED : 0);
    static const Opcode builds[] = { OPC_NOP, OPC_BUILD_LIST, OPC_BUILD_SET, OPC_BUILD_MAP, OPC_NOP };
    if (kind != ST_COMP_GEN && comp_op(c, builds[kind], 0) < 0) return -1;
    if (comp_comp_generator(c, e, kind, 0, 0) < 0) return -1;
    if (kind == ST_COMP_GEN ? comp_return_none(c) < 0 : comp_op0(c, OPC_RETURN_VALUE) < 0) return -1;
    Value code = comp_assemble(c);
    if (IS_NULL(code)) return -1;
    comp_exit_unit(c);
    if (comp_make_closure(c, code, 0) < 0) return -1;
    Comprehension *outer = e->u.comp.generators.items[0];
    if (comp_expr(c, outer->iter) < 0 || comp_op0(c, outer->is_async ? OPC_GET_AITER : OPC_GET_ITER) < 0) return -1;
    if (comp_op(c, OPC_CALL, 0) < 0) return -1;
    return sc->is_coroutine && kind != ST_COMP_GEN ? comp_await_top(c, 0) : 0;
}

/* ---- other expressions ------------------------------------------------------ */
static int comp_ifexp(Compiler *c, Expr *e) {
    int orelse = comp_new_label(c), end = comp_new_label(c);
    if (comp_jump_if(c, e->u.ifexp.test, orelse, 0) < 0 || comp_expr(c, e->u.ifexp.body) < 0 ||
        comp_jump(c, OPC_JUMP, end) < 0) return -1;
    comp_place(c, orelse);
    if (comp_expr(c, e->u.ifexp.orelse) < 0) return -1;
    comp_place(c, end);
    return 0;
}

static int comp_formatted(Compiler *c, Expr *e) {
    int conv = e->u.formatted.conversion;
    int arg = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : 0;
    if (comp_expr(c, e->u.formatted.value) < 0) return -1;
    if (e->u.formatted.format_spec) {
        if (comp_expr(c, e->u.formatted.format_spec) < 0) return -1;
        arg |= 4;
    }
    return comp_op(c, OPC_FORMAT_VALUE, arg);
}

static int comp_joinedstr(Compiler *c, Expr *e) {
    PtrVec *v = &e->u.joinedstr.values;
    if (v->len == 0) return comp_load_const(c, str_empty());
    if (comp_exprs(c, v) < 0) return -1;
    return v->len == 1 ? 0 : comp_op(c, OPC_BUILD_STRING, v->len);
}

static int comp_slice(Compiler *c, Expr *e) {
    Expr *parts[2] = { e->u.slice.lower, e->u.slice.upper };
    for (int i = 0; i < 2; i++) {
        if (parts[i] ? comp_expr(c, parts[i]) < 0 : comp_load_const(c, VAL_NONE) < 0) return -1;
    }
    if (e->u.slice.step && comp_expr(c, e->u.slice.step) < 0) return -1;
    return comp_op(c, OPC_BUILD_SLICE, e->u.slice.step ? 3 : 2);
}

static int comp_yield(Compiler *c, Expr *e) {
    if (c->u->ste->kind != ST_FUNCTION) return comp_error(c, "'yield' outside function");
    if (e->kind == E_YIELD) {
        if (e->u.yield.value ? comp_expr(c, e->u.yield.value) < 0 : comp_load_const(c, VAL_NONE) < 0)
            return -1;
        return comp_yield_value(c);
    }
    if (c->u->ste->is_async) return comp_error(c, "'yield from' inside async function");
    if (comp_expr(c, e->u.yield.value) < 0 || comp_op0(c, OPC_GET_YIELD_FROM_ITER) < 0 ||
        comp_load_const(c, VAL_NONE) < 0) return -1;
    return comp_op0(c, OPC_YIELD_FROM);
}

static int comp_await(Compiler *c, Expr *e) {
    if (c->u->ste->kind != ST_FUNCTION) return comp_error(c, "'await' outside function");
    if (!c->u->ste->is_async && !c->u->ste->comp) return comp_error(c, "'await' outside async function");
    if (comp_expr(c, e->u.await_.value) < 0) return -1;
    return comp_await_top(c, 0);
}

static int comp_constant(Compiler *c, Expr *e) {
    Value v = compile_constant_value(e);
    if (IS_NULL(v) && err_matches(&exc_ValueError)) {
        /* an int literal past the digit limit is a SyntaxError with a hint */
        Value msg = obj_str(err_fetch());
        if (IS_NULL(msg)) return -1;
        Value full = str_format_c("%U - Consider hexadecimal for huge integer literals to avoid decimal "
                                  "conversion limits.", msg);
        if (IS_NULL(full)) return -1;
        err_syntax(&exc_SyntaxError, STR_DATA(full), c->filename, e->span.lineno, 0, VAL_NONE, 0, 0);
        return -1;
    }
    return comp_load_const(c, v);
}

static int comp_unaryop(Compiler *c, Expr *e) {
    Value v = comp_fold(c, e, 0);
    if (!IS_NULL(v)) return comp_load_const(c, v);
    if (comp_expr(c, e->u.unaryop.operand) < 0) return -1;
    static const Opcode ops[] = { OPC_UNARY_INVERT, OPC_UNARY_NOT, OPC_UNARY_POSITIVE, OPC_UNARY_NEGATIVE };
    return comp_op0(c, ops[e->u.unaryop.op]);
}

/* Start of line `lineno` in the source, or NULL. */
static const char *comp_line_start(Compiler *c, int lineno, const char **end) {
    if (!c->src || lineno < 1) return NULL;
    long off = comp_src_offset(c, lineno, 0);          /* the indexed line starts */
    if (off < 0) return NULL;
    const char *p = c->src + off, *stop = c->src + c->srclen;
    const char *e = memchr(p, '\n', (size_t)(stop - p));
    *end = e ? e : stop;
    return p;
}

/* Set the caret anchor of the next instruction, the way CPython 3.11 finds
 * it: from column `from` skip blanks and closing parentheses; the anchor then
 * spans `width` characters (or up to column `to` when width is 0). */
static void comp_anchor(Compiler *c, Expr *e, int from, int width, int to) {
    const char *end, *line = comp_line_start(c, e->span.lineno, &end);
    if (!line || e->span.lineno != e->span.end_lineno) return;
    int n = (int)(end - line), a = from;
    while (a < n && a < e->span.end_col && (line[a] == ' ' || line[a] == '\t' || line[a] == ')' || line[a] == '#'))
        a++;
    int b = width ? a + width : to + (a - from);
    if (width == 1 && a + 1 < to && a + 1 < n && line[a + 1] != ' ' && line[a + 1] != '\t')
        b++;                                    /* a two-character operator: // ** << >> */
    if (a >= e->span.end_col || b > 32767) return;
    c->u->anchor = (int16_t)a;
    c->u->anchor_end = (int16_t)b;
}

static int comp_binop(Compiler *c, Expr *e) {
    Value v = comp_fold(c, e, 0);
    if (!IS_NULL(v)) return comp_load_const(c, v);
    if (comp_expr(c, e->u.binop.left) < 0 || comp_expr(c, e->u.binop.right) < 0) return -1;
    if (e->u.binop.left->span.end_lineno == e->span.lineno)
        comp_anchor(c, e, e->u.binop.left->span.end_col, 1, e->u.binop.right->span.col);
    return comp_op(c, OPC_BINARY_OP, (int)e->u.binop.op);
}

static int comp_namedexpr(Compiler *c, Expr *e) {
    if (comp_expr(c, e->u.namedexpr.value) < 0 || comp_op(c, OPC_COPY, 1) < 0) return -1;
    return comp_store(c, e->u.namedexpr.target);
}

static int comp_attribute(Compiler *c, Expr *e) {
    if (comp_expr(c, e->u.attribute.value) < 0) return -1;
    return comp_attr_op(c, OPC_LOAD_ATTR, e);
}

static int comp_subscript(Compiler *c, Expr *e) {
    if (comp_check_subscript(c, e) < 0) return -1;
    if (comp_expr(c, e->u.subscript.value) < 0 || comp_expr(c, e->u.subscript.slice) < 0) return -1;
    Expr *val = e->u.subscript.value, *sl = e->u.subscript.slice;
    if (val->span.end_lineno == e->span.lineno && sl->span.end_lineno == e->span.lineno)
        comp_anchor(c, e, val->span.end_col, 0, sl->span.end_col + 1);
    return comp_op0(c, OPC_BINARY_SUBSCR);
}

static int comp_expr_inner(Compiler *c, Expr *e) {
    switch (e->kind) {
    case E_BOOLOP: return comp_boolop(c, e);
    case E_NAMEDEXPR: return comp_namedexpr(c, e);
    case E_BINOP: return comp_binop(c, e);
    case E_UNARYOP: return comp_unaryop(c, e);
    case E_LAMBDA: return comp_lambda(c, e);
    case E_IFEXP: return comp_ifexp(c, e);
    case E_DICT: return comp_dict(c, e);
    case E_SET: return comp_set(c, e);
    case E_LISTCOMP: return comp_comprehension(c, e, ST_COMP_LIST);
    case E_SETCOMP: return comp_comprehension(c, e, ST_COMP_SET);
    case E_DICTCOMP: return comp_comprehension(c, e, ST_COMP_DICT);
    case E_GENEXP: return comp_comprehension(c, e, ST_COMP_GEN);
    case E_AWAIT: return comp_await(c, e);
    case E_YIELD: case E_YIELDFROM: return comp_yield(c, e);
    case E_COMPARE: return comp_compare(c, e);
    case E_CALL: return comp_call(c, e);
    case E_FORMATTEDVALUE: return comp_formatted(c, e);
    case E_JOINEDSTR: return comp_joinedstr(c, e);
    case E_CONSTANT: return comp_constant(c, e);
    case E_ATTRIBUTE: return comp_attribute(c, e);
    case E_SUBSCRIPT: return comp_subscript(c, e);
    case E_STARRED: return comp_error(c, "can't use starred expression here");
    case E_NAME: return comp_nameop(c, e->u.name.id, CTX_LOAD);
    case E_LIST: return comp_list(c, e);
    case E_TUPLE: return comp_tuple(c, e);
    case E_SLICE: return comp_slice(c, e);
    }
    return comp_system_error("unknown expression kind");
}

static int comp_expr(Compiler *c, Expr *e) {
    if (comp_enter_depth(c) < 0) return -1;
    Span saved = c->u->loc;
    c->u->loc = e->span;
    int r = comp_expr_inner(c, e);
    c->u->loc = saved;
    c->depth--;
    return r;
}

/* ---- assignment targets --------------------------------------------------- */
static int comp_unpack(Compiler *c, Expr *e) {
    PtrVec *v = &e->u.list.elts;
    int star = -1;
    for (int i = 0; i < v->len; i++) {
        if (((Expr *)v->items[i])->kind != E_STARRED) continue;
        if (star >= 0) return comp_error_at(c, e->span, "multiple starred expressions in assignment");
        star = i;
    }
    if (star < 0) return comp_op(c, OPC_UNPACK_SEQUENCE, v->len);
    int after = v->len - star - 1;
    if (star >= 256 || after >= 65536)
        return comp_error_at(c, e->span, "too many expressions in star-unpacking assignment");
    return comp_op(c, OPC_UNPACK_EX, star | (after << 8));
}

static int comp_store_seq(Compiler *c, Expr *e) {
    if (comp_unpack(c, e) < 0) return -1;
    PtrVec *v = &e->u.list.elts;
    for (int i = 0; i < v->len; i++) {
        Expr *x = v->items[i];
        if (comp_store(c, x->kind == E_STARRED ? x->u.starred.value : x) < 0) return -1;
    }
    return 0;
}

/* Store the value on top of the stack into target e. */
static int comp_store(Compiler *c, Expr *e) {
    if (comp_enter_depth(c) < 0) return -1;
    Span saved = c->u->loc;
    c->u->loc = e->span;
    int r;
    switch (e->kind) {
    case E_NAME: r = comp_nameop(c, e->u.name.id, CTX_STORE); break;
    case E_ATTRIBUTE:
        if (strcmp(e->u.attribute.attr, "__debug__") == 0) { r = comp_error(c, "cannot assign to __debug__"); break; }
        r = comp_expr(c, e->u.attribute.value) < 0 ? -1 : comp_attr_op(c, OPC_STORE_ATTR, e);
        break;
    case E_SUBSCRIPT:
        r = (comp_expr(c, e->u.subscript.value) < 0 || comp_expr(c, e->u.subscript.slice) < 0)
                ? -1 : comp_op0(c, OPC_STORE_SUBSCR);
        break;
    case E_LIST: case E_TUPLE: r = comp_store_seq(c, e); break;
    case E_STARRED: r = comp_error(c, "starred assignment target must be in a list or tuple"); break;
    default: r = comp_error(c, "cannot assign to %s", ast_expr_name(e)); break;
    }
    c->u->loc = saved;
    c->depth--;
    return r;
}

static int comp_delete(Compiler *c, Expr *e) {
    if (comp_enter_depth(c) < 0) return -1;
    Span saved = c->u->loc;
    c->u->loc = e->span;
    int r = 0;
    switch (e->kind) {
    case E_NAME: r = comp_nameop(c, e->u.name.id, CTX_DEL); break;
    case E_ATTRIBUTE:
        if (strcmp(e->u.attribute.attr, "__debug__") == 0) { r = comp_error(c, "cannot delete __debug__"); break; }
        r = comp_expr(c, e->u.attribute.value) < 0 ? -1 : comp_op_name(c, OPC_DELETE_ATTR, e->u.attribute.attr);
        break;
    case E_SUBSCRIPT:
        r = (comp_expr(c, e->u.subscript.value) < 0 || comp_expr(c, e->u.subscript.slice) < 0)
                ? -1 : comp_op0(c, OPC_DELETE_SUBSCR);
        break;
    case E_LIST: case E_TUPLE:
        for (int i = 0; i < e->u.list.elts.len && r == 0; i++) r = comp_delete(c, e->u.list.elts.items[i]);
        break;
    case E_STARRED: r = comp_error(c, "cannot delete starred"); break;
    default: r = comp_error(c, "cannot delete %s", ast_expr_name(e)); break;
    }
    c->u->loc = saved;
    c->depth--;
    return r;
}

/* ---- simple statements ------------------------------------------------------ */
static int comp_stmt(Compiler *c, Stmt *s);

/* The slot of name when `name = name + e` / `name += e` may extend it in
 * place (APPEND_FAST, runtime/append.h); -1 otherwise. */
static int comp_append_slot(Compiler *c, const char *name) {
    Unit *u = c->u;
    if (!comp_is_optimized(u) || strcmp(name, "__debug__") == 0) return -1;
    const char *m = comp_mangle(c, name);
    if (st_name_scope(u->ste, m) != SC_LOCAL) return -1;
    return comp_name_in(&u->varmap, u->varnames, m);
}

/* LOAD_FAST x, <e>, APPEND_FAST[_INPLACE] x: the load is the one read of x
 * that does not let the value escape. */
static int comp_append(Compiler *c, Expr *target, int slot, Expr *value, Span op_loc, Opcode op) {
    Span saved = c->u->loc;
    c->u->loc = target->span;
    if (comp_op(c, OPC_LOAD_FAST, slot) < 0) return -1;
    c->u->loc = saved;
    if (comp_expr(c, value) < 0) return -1;
    c->u->loc = op_loc;
    int r = comp_op(c, op, slot);
    c->u->loc = saved;
    return r;
}

static int comp_assign(Compiler *c, Stmt *s) {
    PtrVec *t = &s->u.assign.targets;
    Expr *v = s->u.assign.value;
    if (t->len == 1 && v->kind == E_BINOP && v->u.binop.op == OP_ADD && v->u.binop.left->kind == E_NAME &&
        ((Expr *)t->items[0])->kind == E_NAME &&
        strcmp(v->u.binop.left->u.name.id, ((Expr *)t->items[0])->u.name.id) == 0) {
        int slot = comp_append_slot(c, v->u.binop.left->u.name.id);
        if (slot >= 0) return comp_append(c, v->u.binop.left, slot, v->u.binop.right, v->span, OPC_APPEND_FAST);
    }
    if (comp_expr(c, s->u.assign.value) < 0) return -1;
    for (int i = 0; i < t->len; i++) {
        if (i < t->len - 1 && comp_op(c, OPC_COPY, 1) < 0) return -1;
        if (comp_store(c, t->items[i]) < 0) return -1;
    }
    return 0;
}

static int comp_augassign(Compiler *c, Stmt *s) {
    Expr *t = s->u.augassign.target;
    int op = (int)s->u.augassign.op + OP__COUNT;
    Span saved = c->u->loc;
    switch (t->kind) {
    case E_NAME:
        if (s->u.augassign.op == OP_ADD) {
            int slot = comp_append_slot(c, t->u.name.id);
            if (slot >= 0) return comp_append(c, t, slot, s->u.augassign.value, saved, OPC_APPEND_FAST_INPLACE);
        }
        c->u->loc = t->span;
        if (comp_nameop(c, t->u.name.id, CTX_LOAD) < 0) return -1;
        c->u->loc = saved;
        if (comp_expr(c, s->u.augassign.value) < 0 || comp_op(c, OPC_BINARY_OP, op) < 0) return -1;
        c->u->loc = t->span;
        return comp_nameop(c, t->u.name.id, CTX_STORE);
    case E_ATTRIBUTE:
        if (comp_expr(c, t->u.attribute.value) < 0) return -1;
        c->u->loc = t->span;
        if (comp_op(c, OPC_COPY, 1) < 0 || comp_op_name(c, OPC_LOAD_ATTR, t->u.attribute.attr) < 0) return -1;
        c->u->loc = saved;
        if (comp_expr(c, s->u.augassign.value) < 0 || comp_op(c, OPC_BINARY_OP, op) < 0) return -1;
        c->u->loc = t->span;
        if (comp_op(c, OPC_SWAP, 2) < 0) return -1;
        return comp_op_name(c, OPC_STORE_ATTR, t->u.attribute.attr);
    case E_SUBSCRIPT:
        if (comp_expr(c, t->u.subscript.value) < 0 || comp_expr(c, t->u.subscript.slice) < 0) return -1;
        c->u->loc = t->span;
        if (comp_op(c, OPC_COPY, 2) < 0 || comp_op(c, OPC_COPY, 2) < 0 || comp_op0(c, OPC_BINARY_SUBSCR) < 0)
            return -1;
        c->u->loc = saved;
        if (comp_expr(c, s->u.augassign.value) < 0 || comp_op(c, OPC_BINARY_OP, op) < 0) return -1;
        c->u->loc = t->span;
        if (comp_op(c, OPC_SWAP, 3) < 0 || comp_op(c, OPC_SWAP, 2) < 0) return -1;
        return comp_op0(c, OPC_STORE_SUBSCR);
    default:
        return comp_error_at(c, t->span, "'%s' is an illegal expression for augmented assignment",
                             ast_expr_name(t));
    }
}

static int comp_ann_expr_check(Compiler *c, Expr *e) {
    if (comp_expr(c, e) < 0) return -1;
    return comp_op0(c, OPC_POP_TOP);
}

static int comp_annassign(Compiler *c, Stmt *s) {
    Expr *t = s->u.annassign.target;
    int in_ns = c->u->kind == U_MODULE || c->u->kind == U_CLASS;
    if (t->kind == E_NAME && strcmp(t->u.name.id, "__debug__") == 0)
        return comp_error(c, "cannot assign to __debug__");
    if (s->u.annassign.value) {
        if (comp_expr(c, s->u.annassign.value) < 0 || comp_store(c, t) < 0) return -1;
    }
    if (t->kind == E_NAME && s->u.annassign.simple) {
        if (!in_ns) return 0;
        if (comp_annotation(c, s->u.annassign.annotation) < 0 ||
            comp_op_rawname(c, OPC_LOAD_NAME, "__annotations__") < 0 ||
            comp_load_const_str(c, comp_mangle(c, t->u.name.id)) < 0) return -1;
        return comp_op0(c, OPC_STORE_SUBSCR);
    }
    if (!s->u.annassign.value) {
        if (t->kind == E_ATTRIBUTE && comp_ann_expr_check(c, t->u.attribute.value) < 0) return -1;
        if (t->kind == E_SUBSCRIPT && (comp_ann_expr_check(c, t->u.subscript.value) < 0 ||
                                       comp_ann_expr_check(c, t->u.subscript.slice) < 0)) return -1;
    }
    return in_ns && !c->future_annotations ? comp_ann_expr_check(c, s->u.annassign.annotation) : 0;
}

static int comp_expr_stmt(Compiler *c, Stmt *s) {
    Expr *e = s->u.expr.value;
    int interactive = c->mode == PARSE_SINGLE && c->u->kind == U_MODULE;
    if (interactive) {
        if (comp_expr(c, e) < 0) return -1;
        return comp_op0(c, OPC_PRINT_EXPR);
    }
    if (e->kind == E_CONSTANT) return comp_op0(c, OPC_NOP);   /* its line, for a tracer (as CPython) */
    if (comp_expr(c, e) < 0) return -1;
    return comp_op0(c, OPC_POP_TOP);
}

/* Whether leaving the blocks up to the innermost loop (all of them when
 * !to_loop) runs a `with` exit or a finally body: then the statement first
 * gets a NOP of its own line, as CPython's, since what follows is on other
 * lines or on none. */
static int comp_unwind_moves_line(Compiler *c, int to_loop) {
    for (int i = c->u->nfblocks - 1; i >= 0; i--) {
        FBlockKind k = c->u->fblocks[i].kind;
        if (to_loop && (k == FB_WHILE || k == FB_FOR)) return 0;
        if (k == FB_WITH || k == FB_ASYNC_WITH || k == FB_FINALLY_TRY) return 1;
    }
    return 0;
}

static int comp_return(Compiler *c, Stmt *s) {
    Expr *v = s->u.ret.value;
    if (c->u->ste->kind != ST_FUNCTION || c->u->kind == U_COMPREHENSION)
        return comp_error(c, "'return' outside function");
    if (v && c->u->ste->is_coroutine && c->u->ste->is_generator)
        return comp_error(c, "'return' with value in async generator");
    int preserve = v && v->kind != E_CONSTANT;
    if (preserve && comp_expr(c, v) < 0) return -1;
    if (!preserve && comp_unwind_moves_line(c, 0) && comp_op0(c, OPC_NOP) < 0) return -1;
    Span saved = c->u->loc;
    if (v && !preserve) c->u->loc = v->span;    /* CPython's location while unwinding */
    c->unwound_artificial = 0;
    if (comp_unwind_stack(c, preserve, NULL) < 0) return -1;
    if (!c->unwound_artificial) c->u->loc = saved;   /* else no line: it ran the finally or exit last */
    if (!preserve && (v ? comp_constant(c, v) : comp_load_const(c, VAL_NONE)) < 0) return -1;
    return comp_op0(c, OPC_RETURN_VALUE);
}

static int comp_break_continue(Compiler *c, int is_break) {
    int loop = -1;
    Span at = c->u->loc;            /* the statement's: unwinding a `with` moves loc */
    c->unwound_artificial = 0;
    if (comp_unwind_moves_line(c, 1) && comp_op0(c, OPC_NOP) < 0) return -1;
    if (comp_unwind_stack(c, 0, &loop) < 0) return -1;
    if (loop < 0)
        return comp_error_at(c, at, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    FBlock b = c->u->fblocks[loop];
    if (!is_break) return comp_jump(c, OPC_JUMP, b.start);
    if (comp_unwind_fblock(c, &b, 0) < 0) return -1;
    return comp_jump(c, OPC_JUMP, b.exit);
}

static int comp_raise(Compiler *c, Stmt *s) {
    int n = 0;
    if (s->u.raise.exc) {
        if (comp_expr(c, s->u.raise.exc) < 0) return -1;
        n = 1;
        if (s->u.raise.cause) {
            if (comp_expr(c, s->u.raise.cause) < 0) return -1;
            n = 2;
        }
    }
    return comp_op(c, OPC_RAISE_VARARGS, n);
}

/* Where CPython 3.11 reports a failing assert: the last comparison its
 * jump_if visits in the test (through `not`, `and`/`or`, `if-else`), else
 * the whole statement. */
static const Span *comp_assert_span(Expr *e) {
    const Span *last = NULL, *sp;
    switch (e->kind) {
    case E_COMPARE: return &e->span;
    case E_UNARYOP: return e->u.unaryop.op == UOP_NOT ? comp_assert_span(e->u.unaryop.operand) : NULL;
    case E_BOOLOP:
        for (int i = 0; i < e->u.boolop.values.len; i++)
            if ((sp = comp_assert_span(e->u.boolop.values.items[i]))) last = sp;
        return last;
    case E_IFEXP: {
        Expr *parts[3] = {e->u.ifexp.test, e->u.ifexp.body, e->u.ifexp.orelse};
        for (int i = 0; i < 3; i++)
            if ((sp = comp_assert_span(parts[i]))) last = sp;
        return last;
    }
    default: return NULL;
    }
}

static int comp_assert(Compiler *c, Stmt *s) {
    Expr *test = s->u.assert_.test;
    if (test->kind == E_TUPLE && test->u.list.elts.len > 0 &&
        comp_warn(c, s->span, "assertion is always true, perhaps remove parentheses?") < 0) return -1;
    int end = comp_new_label(c);
    if (comp_jump_if(c, s->u.assert_.test, end, 1) < 0) return -1;
    const Span *where = comp_assert_span(test);
    c->u->loc = where ? *where : s->span;
    if (s->u.assert_.msg) {
        if (comp_op0(c, OPC_PUSH_NULL) < 0 || comp_op0(c, OPC_LOAD_ASSERTION_ERROR) < 0 ||
            comp_expr(c, s->u.assert_.msg) < 0 || comp_op(c, OPC_CALL, 1) < 0) return -1;
    } else if (comp_op0(c, OPC_LOAD_ASSERTION_ERROR) < 0) return -1;
    if (comp_op(c, OPC_RAISE_VARARGS, 1) < 0) return -1;
    comp_place(c, end);
    return 0;
}

/* ---- imports ---------------------------------------------------------------- */
static int comp_import_name(Compiler *c, const char *module, int level, Value fromlist) {
    if (comp_load_const(c, MK_SMALLINT(level)) < 0 || comp_load_const(c, fromlist) < 0) return -1;
    return comp_op(c, OPC_IMPORT_NAME, comp_name_in(&c->u->namemap, c->u->names, module));
}

/* `import a.b.c as d`: walk the attributes with IMPORT_FROM, as CPython. */
static int comp_import_as(Compiler *c, const char *name, const char *asname) {
    const char *dot = strchr(name, '.');
    if (!dot) return comp_nameop(c, asname, CTX_STORE);
    for (;;) {
        const char *start = dot + 1;
        dot = strchr(start, '.');
        size_t n = dot ? (size_t)(dot - start) : strlen(start);
        char *attr = arena_strndup(st_arena(c->st), start, n);
        if (comp_op_rawname(c, OPC_IMPORT_FROM, attr) < 0) return -1;
        if (!dot) break;
        if (comp_op(c, OPC_SWAP, 2) < 0 || comp_op0(c, OPC_POP_TOP) < 0) return -1;
    }
    if (comp_nameop(c, asname, CTX_STORE) < 0) return -1;
    return comp_op0(c, OPC_POP_TOP);
}

static int comp_import(Compiler *c, Stmt *s) {
    PtrVec *v = &s->u.import.names;
    for (int i = 0; i < v->len; i++) {
        Alias *a = v->items[i];
        if (comp_import_name(c, a->name, 0, VAL_NONE) < 0) return -1;
        if (a->asname) {
            if (comp_import_as(c, a->name, a->asname) < 0) return -1;
            continue;
        }
        const char *dot = strchr(a->name, '.');
        const char *store = dot ? arena_strndup(st_arena(c->st), a->name, (size_t)(dot - a->name)) : a->name;
        if (comp_nameop(c, store, CTX_STORE) < 0) return -1;
    }
    return 0;
}

static int comp_is_future(const Stmt *s) {
    return s->kind == S_IMPORTFROM && s->u.importfrom.module && strcmp(s->u.importfrom.module, "__future__") == 0;
}

static int comp_importfrom(Compiler *c, Stmt *s) {
    PtrVec *v = &s->u.importfrom.names;
    const char *module = s->u.importfrom.module ? s->u.importfrom.module : "";
    if (comp_is_future(s) && s->span.lineno > c->future_lineno)
        return comp_error(c, "from __future__ imports must occur at the beginning of the file");
    Value names = tuple_new(v->len);
    if (IS_NULL(names)) return -1;
    for (int i = 0; i < v->len; i++) AS_TUPLE(names)->items[i] = VAL_NONE;
    for (int i = 0; i < v->len; i++) {
        Value n = str_intern_c(((Alias *)v->items[i])->name);
        if (IS_NULL(n)) return -1;
        AS_TUPLE(names)->items[i] = n;
    }
    if (comp_import_name(c, module, s->u.importfrom.level, names) < 0) return -1;
    if (v->len == 1 && strcmp(((Alias *)v->items[0])->name, "*") == 0)
        return comp_op0(c, OPC_IMPORT_STAR);
    for (int i = 0; i < v->len; i++) {
        Alias *a = v->items[i];
        if (comp_op_rawname(c, OPC_IMPORT_FROM, a->name) < 0) return -1;
        if (comp_nameop(c, a->asname ? a->asname : a->name, CTX_STORE) < 0) return -1;
    }
    return comp_op0(c, OPC_POP_TOP);
}

/* ---- compound statements ---------------------------------------------------- */
static int comp_if(Compiler *c, Stmt *s) {
    int end = comp_new_label(c);
    int next = s->u.if_.orelse.len ? comp_new_label(c) : end;
    if (comp_jump_if(c, s->u.if_.test, next, 0) < 0 || comp_stmts(c, &s->u.if_.body) < 0) return -1;
    if (s->u.if_.orelse.len) {
        comp_no_line(c);
        if (comp_jump(c, OPC_JUMP, end) < 0) return -1;
        comp_place(c, next);
        if (comp_stmts(c, &s->u.if_.orelse) < 0) return -1;
    }
    comp_place(c, end);
    return 0;
}

static int comp_while(Compiler *c, Stmt *s) {
    int loop = comp_new_label(c), orelse = comp_new_label(c), end = comp_new_label(c);
    int truth = 0;
    int forever = comp_const_truth(s->u.while_.test, &truth) && truth;
    if (forever && comp_op0(c, OPC_NOP) < 0) return -1;        /* its line, once */
    comp_place(c, loop);
    if (!comp_push_fblock(c, FB_WHILE, loop, end)) return -1;
    if (!forever && comp_jump_if(c, s->u.while_.test, orelse, 0) < 0) return -1;
    if (comp_stmts(c, &s->u.while_.body) < 0) return -1;
    c->u->loc = s->span;
    if (!forever) comp_no_line(c);     /* the test reports the line again, not the jump */
    if (comp_jump(c, OPC_JUMP, loop) < 0) return -1;
    comp_pop_fblock(c);
    comp_place(c, orelse);
    if (comp_stmts(c, &s->u.while_.orelse) < 0) return -1;
    comp_place(c, end);
    return 0;
}

static int comp_for(Compiler *c, Stmt *s) {
    int is_async = s->kind == S_ASYNCFOR;
    if (is_async && !c->u->ste->is_async) return comp_error(c, "'async for' outside async function");
    int start = comp_new_label(c), cleanup = comp_new_label(c), end = comp_new_label(c);
    if (comp_expr(c, s->u.for_.iter) < 0 || comp_op0(c, is_async ? OPC_GET_AITER : OPC_GET_ITER) < 0) return -1;
    comp_place(c, start);
    if (!comp_push_fblock(c, FB_FOR, start, end)) return -1;
    c->u->loc = s->span;
    if (is_async ? comp_async_next(c, cleanup) < 0 : comp_jump(c, OPC_FOR_ITER, cleanup) < 0) return -1;
    if (comp_store(c, s->u.for_.target) < 0 || comp_stmts(c, &s->u.for_.body) < 0) return -1;
    comp_no_line(c);                   /* FOR_ITER reports the line again */
    if (comp_jump(c, OPC_JUMP, start) < 0) return -1;
    c->u->loc = s->span;
    comp_pop_fblock(c);
    comp_place(c, cleanup);
    if (comp_stmts(c, &s->u.for_.orelse) < 0) return -1;
    comp_place(c, end);
    return 0;
}

/* C: [prev, exc] SWAP 2 POP_EXCEPT RERAISE */
static int comp_pop_except_and_reraise(Compiler *c) {
    comp_no_line(c);
    if (comp_op(c, OPC_SWAP, 2) < 0 || comp_op0(c, OPC_POP_EXCEPT) < 0) return -1;
    return comp_op0(c, OPC_RERAISE);
}

static int comp_try_except(Compiler *c, Stmt *s);
static int comp_try_star(Compiler *c, Stmt *s);

static int comp_try_finally(Compiler *c, Stmt *s) {
    int handler = comp_new_label(c), cleanup = comp_new_label(c), end = comp_new_label(c);
    PtrVec *fin = &s->u.try_.finalbody;
    if (comp_setup_finally(c, handler, 0) < 0) return -1;
    FBlock *b = comp_push_fblock(c, FB_FINALLY_TRY, -1, -1);
    if (!b) return -1;
    b->finalbody = fin;
    int r = !s->u.try_.handlers.len ? comp_stmts(c, &s->u.try_.body)
          : s->kind == S_TRYSTAR ? comp_try_star(c, s) : comp_try_except(c, s);
    if (r < 0) return -1;
    comp_pop_fblock(c);
    comp_no_line(c);
    if (comp_op0(c, OPC_POP_BLOCK) < 0 || comp_stmts(c, fin) < 0) return -1;
    comp_no_line(c);
    if (comp_jump(c, OPC_JUMP, end) < 0) return -1;
    comp_place(c, handler);
    if (comp_op0(c, OPC_PUSH_EXC_INFO) < 0 || comp_setup_finally(c, cleanup, 1) < 0) return -1;
    if (!comp_push_fblock(c, FB_FINALLY_END, -1, -1)) return -1;
    if (comp_stmts(c, fin) < 0) return -1;
    comp_pop_fblock(c);
    c->u->loc = ((Stmt *)fin->items[fin->len - 1])->span;   /* where the frame stands as it leaves */
    if (comp_op0(c, OPC_RERAISE) < 0) return -1;
    comp_place(c, cleanup);
    if (comp_pop_except_and_reraise(c) < 0) return -1;
    comp_place(c, end);
    return 0;
}

/* A handler's body inside SETUP_FINALLY cleanup_end (what it raises goes there,
 * where the `as` name is unbound); the normal exit is the caller's. */
static int comp_handler_body(Compiler *c, ExceptHandler *h, int cleanup_end) {
    if (comp_setup_finally(c, cleanup_end, 0) < 0) return -1;
    FBlock *b = comp_push_fblock(c, FB_HANDLER_CLEANUP, -1, -1);
    if (!b) return -1;
    b->name = h->name;
    if (comp_stmts(c, &h->body) < 0) return -1;
    comp_pop_fblock(c);
    comp_no_line(c);
    return 0;
}

/* One `except [T [as n]]:` clause; the stack is [prev, exc]. */
static int comp_except_clause(Compiler *c, ExceptHandler *h, int end) {
    int next = comp_new_label(c);
    c->u->loc = h->span;
    if (h->type) {
        if (comp_expr(c, h->type) < 0 || comp_op0(c, OPC_CHECK_EXC_MATCH) < 0 ||
            comp_jump(c, OPC_POP_JUMP_IF_FALSE, next) < 0) return -1;
    }
    if (!h->name) {
        if (comp_op0(c, OPC_POP_TOP) < 0) return -1;
        if (!comp_push_fblock(c, FB_HANDLER_CLEANUP, -1, -1)) return -1;
        if (comp_stmts(c, &h->body) < 0) return -1;
        comp_pop_fblock(c);
        comp_no_line(c);
        if (comp_op0(c, OPC_POP_BLOCK) < 0 || comp_op0(c, OPC_POP_EXCEPT) < 0 ||
            comp_jump(c, OPC_JUMP, end) < 0) return -1;
        comp_place(c, next);
        return 0;
    }
    int cleanup_end = comp_new_label(c);
    if (comp_nameop(c, h->name, CTX_STORE) < 0 || comp_handler_body(c, h, cleanup_end) < 0) return -1;
    if (comp_op0(c, OPC_POP_BLOCK) < 0 || comp_op0(c, OPC_POP_BLOCK) < 0 ||
        comp_op0(c, OPC_POP_EXCEPT) < 0 || comp_unset_name(c, h->name) < 0 ||
        comp_jump(c, OPC_JUMP, end) < 0) return -1;
    comp_place(c, cleanup_end);
    if (comp_unset_name(c, h->name) < 0 || comp_op0(c, OPC_RERAISE) < 0) return -1;
    comp_place(c, next);
    return 0;
}

/* The part try/except and try/except* share: SETUP_FINALLY H <body> POP_BLOCK
 * <else> JUMP END, then H: PUSH_EXC_INFO SETUP_FINALLY C with the handler's
 * block (kind) pushed. */
static int comp_try_handler_entry(Compiler *c, Stmt *s, int handler, int cleanup, int end, FBlockKind kind) {
    if (comp_setup_finally(c, handler, 0) < 0) return -1;
    if (!comp_push_fblock(c, FB_TRY_EXCEPT, -1, -1)) return -1;
    if (comp_stmts(c, &s->u.try_.body) < 0) return -1;
    comp_pop_fblock(c);
    comp_no_line(c);
    if (comp_op0(c, OPC_POP_BLOCK) < 0 || comp_stmts(c, &s->u.try_.orelse) < 0) return -1;
    comp_no_line(c);
    if (comp_jump(c, OPC_JUMP, end) < 0) return -1;
    comp_place(c, handler);
    if (comp_op0(c, OPC_PUSH_EXC_INFO) < 0 || comp_setup_finally(c, cleanup, 1) < 0) return -1;
    return comp_push_fblock(c, kind, -1, -1) ? 0 : -1;
}

static int comp_try_except(Compiler *c, Stmt *s) {
    int handler = comp_new_label(c), cleanup = comp_new_label(c), end = comp_new_label(c);
    PtrVec *hs = &s->u.try_.handlers;
    if (comp_try_handler_entry(c, s, handler, cleanup, end, FB_EXCEPTION_HANDLER) < 0) return -1;
    for (int i = 0; i < hs->len; i++) {
        ExceptHandler *h = hs->items[i];
        if (!h->type && i < hs->len - 1) return comp_error_at(c, h->span, "default 'except:' must be last");
        if (comp_except_clause(c, h, end) < 0) return -1;
    }
    comp_pop_fblock(c);
    /* no clause matched: the frame stands on the last `except` line as it leaves */
    if (hs->len) c->u->loc = ((ExceptHandler *)hs->items[hs->len - 1])->span;
    if (comp_op0(c, OPC_RERAISE) < 0) return -1;
    comp_place(c, cleanup);
    if (comp_pop_except_and_reraise(c) < 0) return -1;
    comp_place(c, end);
    return 0;
}

/* One `except* T [as n]:` clause; the stack is [prev, orig, raised, exc] and
 * stays so (exc becomes what is left unmatched).  What the body raises is
 * appended to `raised`. */
static int comp_except_star_clause(Compiler *c, ExceptHandler *h) {
    int no_match = comp_new_label(c), cleanup_end = comp_new_label(c), next = comp_new_label(c);
    c->u->loc = h->span;
    if (comp_expr(c, h->type) < 0 || comp_op0(c, OPC_CHECK_EG_MATCH) < 0 || comp_op(c, OPC_COPY, 1) < 0 ||
        comp_load_const(c, VAL_NONE) < 0 || comp_op(c, OPC_IS_OP, 0) < 0 ||
        comp_jump(c, OPC_POP_JUMP_IF_TRUE, no_match) < 0) return -1;
    if (h->name ? comp_nameop(c, h->name, CTX_STORE) < 0 : comp_op0(c, OPC_POP_TOP) < 0) return -1;
    if (comp_handler_body(c, h, cleanup_end) < 0) return -1;
    if (comp_op0(c, OPC_POP_BLOCK) < 0 || (h->name && comp_unset_name(c, h->name) < 0) ||
        comp_jump(c, OPC_JUMP, next) < 0) return -1;
    comp_place(c, cleanup_end);                 /* [prev, orig, raised, rest, exc2] */
    if ((h->name && comp_unset_name(c, h->name) < 0) || comp_op(c, OPC_LIST_APPEND, 2) < 0 ||
        comp_jump(c, OPC_JUMP, next) < 0) return -1;
    comp_place(c, no_match);                    /* [prev, orig, raised, exc, None] */
    if (comp_op0(c, OPC_POP_TOP) < 0) return -1;
    comp_place(c, next);
    return 0;
}

/* try/except*, CPython's shape:
 *   SETUP_FINALLY H  <body> POP_BLOCK <else> JUMP END
 * H: [exc] PUSH_EXC_INFO -> [prev, exc]  SETUP_FINALLY C (keeps prev)
 *   COPY 1 BUILD_LIST 0 SWAP 2 -> [prev, orig, raised, exc]
 *   <clauses>  LIST_APPEND 1 (the unmatched rest) PREP_RERAISE_STAR -> [prev, res]
 *   COPY 1 LOAD_CONST None IS_OP 1 POP_JUMP_IF_TRUE R
 *   POP_TOP POP_BLOCK POP_EXCEPT JUMP END
 * R: POP_BLOCK SWAP 2 POP_EXCEPT RERAISE
 * C: [prev, exc2] SWAP 2 POP_EXCEPT RERAISE */
static int comp_try_star(Compiler *c, Stmt *s) {
    int handler = comp_new_label(c), cleanup = comp_new_label(c), reraise = comp_new_label(c);
    int end = comp_new_label(c);
    PtrVec *hs = &s->u.try_.handlers;
    if (comp_try_handler_entry(c, s, handler, cleanup, end, FB_EXCEPTION_GROUP_HANDLER) < 0) return -1;
    if (comp_op(c, OPC_COPY, 1) < 0 || comp_op(c, OPC_BUILD_LIST, 0) < 0 || comp_op(c, OPC_SWAP, 2) < 0)
        return -1;
    for (int i = 0; i < hs->len; i++)
        if (comp_except_star_clause(c, hs->items[i]) < 0) return -1;
    comp_pop_fblock(c);
    comp_no_line(c);
    if (comp_op(c, OPC_LIST_APPEND, 1) < 0 || comp_op0(c, OPC_PREP_RERAISE_STAR) < 0 ||
        comp_op(c, OPC_COPY, 1) < 0 || comp_load_const(c, VAL_NONE) < 0 || comp_op(c, OPC_IS_OP, 1) < 0 ||
        comp_jump(c, OPC_POP_JUMP_IF_TRUE, reraise) < 0) return -1;
    if (comp_op0(c, OPC_POP_TOP) < 0 || comp_op0(c, OPC_POP_BLOCK) < 0 || comp_op0(c, OPC_POP_EXCEPT) < 0 ||
        comp_jump(c, OPC_JUMP, end) < 0) return -1;
    comp_place(c, reraise);
    if (comp_op0(c, OPC_POP_BLOCK) < 0 || comp_pop_except_and_reraise(c) < 0) return -1;
    comp_place(c, cleanup);
    if (comp_pop_except_and_reraise(c) < 0) return -1;
    comp_place(c, end);
    return 0;
}

static int comp_try(Compiler *c, Stmt *s) {
    if (s->u.try_.finalbody.len) return comp_try_finally(c, s);
    return s->kind == S_TRYSTAR ? comp_try_star(c, s) : comp_try_except(c, s);
}

static int comp_with_item(Compiler *c, Stmt *s, int pos) {
    WithItem *w = s->u.with.items.items[pos];
    int is_async = s->kind == S_ASYNCWITH;
    int handler = comp_new_label(c), cleanup = comp_new_label(c), suppress = comp_new_label(c);
    int end = comp_new_label(c);
    if (comp_expr(c, w->context_expr) < 0) return -1;
    c->u->loc = s->span;
    if (is_async ? comp_op0(c, OPC_BEFORE_ASYNC_WITH) < 0 || comp_await_top(c, 1) < 0
                 : comp_op0(c, OPC_BEFORE_WITH) < 0) return -1;
    if (comp_setup_finally(c, handler, 1) < 0) return -1;
    FBlock *fb = comp_push_fblock(c, is_async ? FB_ASYNC_WITH : FB_WITH, -1, -1);
    if (!fb) return -1;
    fb->loc = s->span;
    if (w->optional_vars ? comp_store(c, w->optional_vars) < 0 : comp_op0(c, OPC_POP_TOP) < 0) return -1;
    if (pos + 1 < s->u.with.items.len ? comp_with_item(c, s, pos + 1) < 0
                                       : comp_stmts(c, &s->u.with.body) < 0) return -1;
    comp_pop_fblock(c);
    c->u->loc = s->span;
    if (comp_op0(c, OPC_POP_BLOCK) < 0 || comp_with_exit_none(c, is_async) < 0 ||
        comp_jump(c, OPC_JUMP, end) < 0) return -1;
    comp_place(c, handler);
    if (comp_op0(c, OPC_PUSH_EXC_INFO) < 0 || comp_setup_finally(c, cleanup, 1) < 0 ||
        comp_op0(c, OPC_WITH_EXCEPT_START) < 0 || (is_async && comp_await_top(c, 2) < 0) ||
        comp_jump(c, OPC_POP_JUMP_IF_TRUE, suppress) < 0) return -1;
    comp_no_line(c);                    /* re-raised: the frame stands where the body raised */
    if (comp_op0(c, OPC_RERAISE) < 0) return -1;
    c->u->loc = s->span;
    comp_place(c, suppress);
    if (comp_op0(c, OPC_POP_BLOCK) < 0 || comp_op0(c, OPC_POP_TOP) < 0 || comp_op0(c, OPC_POP_EXCEPT) < 0 ||
        comp_op0(c, OPC_POP_TOP) < 0 || comp_jump(c, OPC_JUMP, end) < 0) return -1;
    comp_place(c, cleanup);
    if (comp_pop_except_and_reraise(c) < 0) return -1;
    comp_place(c, end);
    return 0;
}

static int comp_with(Compiler *c, Stmt *s) {
    if (s->kind == S_ASYNCWITH && !c->u->ste->is_async) return comp_error(c, "'async with' outside async function");
    if (!s->u.with.items.len) return comp_stmts(c, &s->u.with.body);
    return comp_with_item(c, s, 0);
}

/* ---- match statements ------------------------------------------------------- */
/* CPython 3.11's pattern compiler (compiler_match and compiler_pattern_*),
 * step for step, so that bindings, evaluation order and errors are its own.
 *
 * The subject stays on the stack while a case's pattern runs; each pattern
 * consumes the value on top and either falls through (matched) or jumps
 * away.  Captured values are not stored at once: each is rotated under the
 * items the pattern still needs and stays on the stack, and the names are
 * bound only when the whole pattern has matched (then the guard runs).  So
 * a failing pattern binds nothing, while a failing guard leaves its
 * pattern's names bound.  A failed test jumps to fail_pop[n], the entry of
 * a chain of POP_TOPs placed after the case, where n is what the pattern
 * has pushed so far: PatCtx.on_top (copies and tuples of values it still
 * works on) plus the captures.
 *
 * An or-pattern runs each alternative on a copy of the subject with a
 * context of its own, then moves the captures of the one that matched into
 * the order of the first alternative's, so that every alternative leaves
 * the same names in the same places.
 *
 * The compile-time errors are CPython's and point where it points: the
 * current location is set to each pattern as it is compiled and, as in
 * CPython, not restored on the way out. */

typedef struct PatCtx {
    const char **stores;        /* captured names; stores[0] is nearest the top */
    int nstores, storecap;
    int *fail_pop;              /* labels: fail_pop[n] pops n items, then fails */
    int nfail_pop;
    int on_top;                 /* items above the subject the pattern still uses */
    int allow_irrefutable;      /* a capture or wildcard may match everything here */
} PatCtx;

static int comp_pattern(Compiler *c, Pattern *p, PatCtx *pc);

static void pat_free(PatCtx *pc) {
    free(pc->stores);
    free(pc->fail_pop);
    pc->stores = NULL;
    pc->fail_pop = NULL;
    pc->nstores = pc->storecap = pc->nfail_pop = 0;
}

static int pat_is_wildcard(const Pattern *p) {
    return p->kind == P_AS && !p->u.as.pattern && !p->u.as.name;
}

static int pat_find_store(const PatCtx *pc, const char *name) {
    for (int i = 0; i < pc->nstores; i++)
        if (strcmp(pc->stores[i], name) == 0) return i;
    return -1;
}

static void pat_push_store(PatCtx *pc, const char *name) {
    if (pc->nstores == pc->storecap) {
        pc->storecap = pc->storecap ? pc->storecap * 2 : 8;
        pc->stores = fe_realloc(pc->stores, (size_t)pc->storecap * sizeof *pc->stores);
    }
    pc->stores[pc->nstores++] = name;
}

static void pat_ensure_fail_pop(Compiler *c, PatCtx *pc, int n) {
    if (n < pc->nfail_pop) return;
    pc->fail_pop = fe_realloc(pc->fail_pop, (size_t)(n + 1) * sizeof *pc->fail_pop);
    while (pc->nfail_pop <= n) pc->fail_pop[pc->nfail_pop++] = comp_new_label(c);
}

/* Jump with op to the fail_pop entry that drops everything pushed so far. */
static int pat_jump_to_fail_pop(Compiler *c, PatCtx *pc, Opcode op) {
    int pops = pc->on_top + pc->nstores;
    pat_ensure_fail_pop(c, pc, pops);
    return comp_jump(c, op, pc->fail_pop[pops]);
}

/* Place the fail_pop chain: fail_pop[n] POP_TOP ... fail_pop[0]. */
static int pat_emit_fail_pop(Compiler *c, PatCtx *pc) {
    for (int n = pc->nfail_pop - 1; n > 0; n--) {
        comp_place(c, pc->fail_pop[n]);
        if (comp_op0(c, OPC_POP_TOP) < 0) return -1;
    }
    if (pc->nfail_pop) comp_place(c, pc->fail_pop[0]);
    free(pc->fail_pop);
    pc->fail_pop = NULL;
    pc->nfail_pop = 0;
    return 0;
}

/* Move the top item `count - 1` places down. */
static int pat_rotate(Compiler *c, int count) {
    for (; count > 1; count--)
        if (comp_op(c, OPC_SWAP, count) < 0) return -1;
    return 0;
}

static int pat_duplicate_store(Compiler *c, const char *name) {
    return comp_error(c, "multiple assignments to name '%s' in pattern", name);
}

/* Capture the value on top as `name` (NULL: drop it). */
static int pat_store_name(Compiler *c, const char *name, PatCtx *pc) {
    if (!name) return comp_op0(c, OPC_POP_TOP);
    if (strcmp(name, "__debug__") == 0) return comp_error(c, "cannot assign to __debug__");
    if (pat_find_store(pc, name) >= 0) return pat_duplicate_store(c, name);
    if (pat_rotate(c, pc->on_top + pc->nstores + 1) < 0) return -1;
    pat_push_store(pc, name);
    return 0;
}

static int comp_subpattern(Compiler *c, Pattern *p, PatCtx *pc) {
    int allow = pc->allow_irrefutable;
    pc->allow_irrefutable = 1;
    if (comp_pattern(c, p, pc) < 0) return -1;
    pc->allow_irrefutable = allow;
    return 0;
}

/* The value of a literal (CPython folds -1 and 1+2j into constants first),
 * or VAL_NULL with no error set when e is not one. */
static Value pat_const(Expr *e) {
    Value a, b;
    switch (e->kind) {
    case E_CONSTANT: a = compile_constant_value(e); break;
    case E_UNARYOP:
        a = pat_const(e->u.unaryop.operand);
        if (!IS_NULL(a)) a = obj_unaryop(a, e->u.unaryop.op);
        break;
    case E_BINOP:
        a = pat_const(e->u.binop.left);
        b = IS_NULL(a) ? VAL_NULL : pat_const(e->u.binop.right);
        a = IS_NULL(b) ? VAL_NULL : obj_binop(a, b, e->u.binop.op);
        break;
    default: return VAL_NULL;
    }
    if (IS_NULL(a)) err_clear();
    return a;
}

static int pat_is_literal(const Expr *e) {
    return e->kind == E_CONSTANT || e->kind == E_UNARYOP || e->kind == E_BINOP;
}

static int comp_pattern_value(Compiler *c, Pattern *p, PatCtx *pc) {
    Expr *v = p->u.value.value;
    if (!pat_is_literal(v) && v->kind != E_ATTRIBUTE)
        return comp_error(c, "patterns may only match literals and attribute lookups");
    if (comp_expr(c, v) < 0 || comp_op(c, OPC_COMPARE_OP, CMP_EQ) < 0) return -1;
    return pat_jump_to_fail_pop(c, pc, OPC_POP_JUMP_IF_FALSE);
}

static int comp_pattern_singleton(Compiler *c, Pattern *p, PatCtx *pc) {
    ConstKind k = p->u.singleton.value;
    if (comp_load_const(c, k == CONST_NONE ? VAL_NONE : MK_BOOL(k == CONST_TRUE)) < 0 ||
        comp_op(c, OPC_IS_OP, 0) < 0) return -1;
    return pat_jump_to_fail_pop(c, pc, OPC_POP_JUMP_IF_FALSE);
}

/* `<name> as`, `_` and captures. */
static int comp_pattern_as(Compiler *c, Pattern *p, PatCtx *pc) {
    if (!p->u.as.pattern) {
        if (!pc->allow_irrefutable) {
            if (p->u.as.name)
                return comp_error(c, "name capture '%s' makes remaining patterns unreachable", p->u.as.name);
            return comp_error(c, "wildcard makes remaining patterns unreachable");
        }
        return pat_store_name(c, p->u.as.name, pc);
    }
    pc->on_top++;                               /* a copy to store on success */
    if (comp_op(c, OPC_COPY, 1) < 0 || comp_pattern(c, p->u.as.pattern, pc) < 0) return -1;
    pc->on_top--;
    return pat_store_name(c, p->u.as.name, pc);
}

/* UNPACK_SEQUENCE / UNPACK_EX, then each item against its pattern. */
static int pat_sequence_unpack(Compiler *c, PtrVec *pats, int star, PatCtx *pc) {
    int size = pats->len;
    if (star < 0) {
        if (comp_op(c, OPC_UNPACK_SEQUENCE, size) < 0) return -1;
    } else {
        if (star >= 256 || size - star - 1 >= (INSTR_ARG_MAX >> 8))
            return comp_error(c, "too many expressions in star-unpacking sequence pattern");
        if (comp_op(c, OPC_UNPACK_EX, star | ((size - star - 1) << 8)) < 0) return -1;
    }
    pc->on_top += size;
    for (int i = 0; i < size; i++) {
        pc->on_top--;
        if (comp_subpattern(c, pats->items[i], pc) < 0) return -1;
    }
    return 0;
}

/* With a `*_` the items are read by index (from the end after the star:
 * len(s) - k, as the subject need not support negative indexes). */
static int pat_sequence_subscr(Compiler *c, PtrVec *pats, int star, PatCtx *pc) {
    int size = pats->len;
    pc->on_top++;
    for (int i = 0; i < size; i++) {
        Pattern *q = pats->items[i];
        if (pat_is_wildcard(q) || i == star) continue;
        if (comp_op(c, OPC_COPY, 1) < 0) return -1;
        if (i < star) {
            if (comp_load_const(c, MK_SMALLINT(i)) < 0) return -1;
        } else if (comp_op0(c, OPC_GET_LEN) < 0 || comp_load_const(c, MK_SMALLINT(size - i)) < 0 ||
                   comp_op(c, OPC_BINARY_OP, OP_SUB) < 0) {
            return -1;
        }
        if (comp_op0(c, OPC_BINARY_SUBSCR) < 0 || comp_subpattern(c, q, pc) < 0) return -1;
    }
    pc->on_top--;
    return comp_op0(c, OPC_POP_TOP);
}

static int comp_pattern_sequence(Compiler *c, Pattern *p, PatCtx *pc) {
    PtrVec *pats = &p->u.seq.patterns;
    int size = pats->len, star = -1, only_wildcard = 1, star_wildcard = 0;
    for (int i = 0; i < size; i++) {
        Pattern *q = pats->items[i];
        if (q->kind == P_STAR) {
            if (star >= 0) return comp_error(c, "multiple starred names in sequence pattern");
            star_wildcard = q->u.star.name == NULL;
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= pat_is_wildcard(q);
    }
    pc->on_top++;                               /* the subject, for the checks */
    if (comp_op0(c, OPC_MATCH_SEQUENCE) < 0 || pat_jump_to_fail_pop(c, pc, OPC_POP_JUMP_IF_FALSE) < 0)
        return -1;
    if (star < 0 || size > 1) {                 /* len(s) == size, or >= size - 1 */
        if (comp_op0(c, OPC_GET_LEN) < 0 || comp_load_const(c, MK_SMALLINT(star < 0 ? size : size - 1)) < 0 ||
            comp_op(c, OPC_COMPARE_OP, star < 0 ? CMP_EQ : CMP_GE) < 0 ||
            pat_jump_to_fail_pop(c, pc, OPC_POP_JUMP_IF_FALSE) < 0) return -1;
    }
    pc->on_top--;
    if (only_wildcard) return comp_op0(c, OPC_POP_TOP);
    if (star_wildcard) return pat_sequence_subscr(c, pats, star, pc);
    return pat_sequence_unpack(c, pats, star, pc);
}

/* The keys of a mapping pattern, as one tuple on the stack; duplicate
 * literal keys are a SyntaxError. */
static int pat_mapping_keys(Compiler *c, PtrVec *keys) {
    Value seen = set_new(&type_set), folded = tuple_new(keys->len);
    if (IS_NULL(seen) || IS_NULL(folded) || comp_keep(c, seen) < 0 || comp_keep(c, folded) < 0) return -1;
    int all_const = 1;
    for (int i = 0; i < keys->len; i++) {
        Expr *k = keys->items[i];
        Value v = pat_is_literal(k) ? pat_const(k) : VAL_NULL;
        if (!IS_NULL(v)) {
            int dup = set_contains(seen, v);
            if (dup < 0 || (!dup && set_add(seen, v) < 0)) return -1;
            if (dup) {
                Value r = obj_repr(v);
                if (IS_NULL(r)) return -1;
                return comp_error(c, "mapping pattern checks duplicate key (%s)", STR_DATA(r));
            }
        } else if (k->kind != E_ATTRIBUTE && !pat_is_literal(k)) {
            return comp_error(c, "mapping pattern keys may only match literals and attribute lookups");
        }
        AS_TUPLE(folded)->items[i] = IS_NULL(v) ? VAL_NONE : v;
        all_const &= !IS_NULL(v);
    }
    if (all_const) return comp_load_const(c, folded);
    for (int i = 0; i < keys->len; i++)
        if (comp_expr(c, keys->items[i]) < 0) return -1;
    return comp_op(c, OPC_BUILD_TUPLE, keys->len);
}

static int comp_pattern_mapping(Compiler *c, Pattern *p, PatCtx *pc) {
    PtrVec *keys = &p->u.mapping.keys, *pats = &p->u.mapping.patterns;
    const char *rest = p->u.mapping.rest;
    int size = keys->len;
    pc->on_top++;                               /* the subject, for the checks */
    if (comp_op0(c, OPC_MATCH_MAPPING) < 0 || pat_jump_to_fail_pop(c, pc, OPC_POP_JUMP_IF_FALSE) < 0)
        return -1;
    if (!size && !rest) {                       /* {} */
        pc->on_top--;
        return comp_op0(c, OPC_POP_TOP);
    }
    if (size && (comp_op0(c, OPC_GET_LEN) < 0 || comp_load_const(c, MK_SMALLINT(size)) < 0 ||
                 comp_op(c, OPC_COMPARE_OP, CMP_GE) < 0 ||
                 pat_jump_to_fail_pop(c, pc, OPC_POP_JUMP_IF_FALSE) < 0)) return -1;
    if (pat_mapping_keys(c, keys) < 0 || comp_op0(c, OPC_MATCH_KEYS) < 0) return -1;
    pc->on_top += 2;                            /* the keys and the values */
    if (comp_op(c, OPC_COPY, 1) < 0 || comp_load_const(c, VAL_NONE) < 0 || comp_op(c, OPC_IS_OP, 1) < 0 ||
        pat_jump_to_fail_pop(c, pc, OPC_POP_JUMP_IF_FALSE) < 0 ||
        comp_op(c, OPC_UNPACK_SEQUENCE, size) < 0) return -1;
    pc->on_top += size - 1;
    for (int i = 0; i < size; i++) {
        pc->on_top--;
        if (comp_subpattern(c, pats->items[i], pc) < 0) return -1;
    }
    pc->on_top -= 2;
    if (!rest) {                                /* drop the keys and the subject */
        if (comp_op0(c, OPC_POP_TOP) < 0) return -1;
        return comp_op0(c, OPC_POP_TOP);
    }
    /* rest = dict(subject), then del rest[key] for each key */
    if (comp_op(c, OPC_BUILD_MAP, 0) < 0 || comp_op(c, OPC_SWAP, 3) < 0 || comp_op(c, OPC_DICT_UPDATE, 2) < 0 ||
        comp_op(c, OPC_UNPACK_SEQUENCE, size) < 0) return -1;
    for (int n = size; n > 0; n--)
        if (comp_op(c, OPC_COPY, 1 + n) < 0 || comp_op(c, OPC_SWAP, 2) < 0 || comp_op0(c, OPC_DELETE_SUBSCR) < 0)
            return -1;
    return pat_store_name(c, rest, pc);
}

/* Keyword names: not __debug__, not twice (errors at the sub-pattern). */
static int pat_check_kwd_attrs(Compiler *c, PtrVec *attrs, PtrVec *pats) {
    for (int i = 0; i < attrs->len; i++) {
        const char *a = attrs->items[i];
        c->u->loc = ((Pattern *)pats->items[i])->span;
        if (strcmp(a, "__debug__") == 0) return comp_error(c, "cannot assign to __debug__");
        for (int j = i + 1; j < attrs->len; j++) {
            if (strcmp(a, attrs->items[j]) != 0) continue;
            c->u->loc = ((Pattern *)pats->items[j])->span;
            return comp_error(c, "attribute name repeated in class pattern: %s", a);
        }
    }
    return 0;
}

static int comp_pattern_class(Compiler *c, Pattern *p, PatCtx *pc) {
    PtrVec *pats = &p->u.cls.patterns, *attrs = &p->u.cls.kwd_attrs, *kpats = &p->u.cls.kwd_patterns;
    int nargs = pats->len, nattrs = attrs->len;
    if (nattrs) {
        if (pat_check_kwd_attrs(c, attrs, kpats) < 0) return -1;
        c->u->loc = p->span;
    }
    Value names = tuple_new(nattrs);
    if (IS_NULL(names) || comp_keep(c, names) < 0) return -1;
    for (int i = 0; i < nattrs; i++) {
        Value s = str_intern_c(attrs->items[i]);
        if (IS_NULL(s)) return -1;
        AS_TUPLE(names)->items[i] = s;
    }
    if (comp_expr(c, p->u.cls.cls) < 0 || comp_load_const(c, names) < 0 ||
        comp_op(c, OPC_MATCH_CLASS, nargs) < 0 || comp_op(c, OPC_COPY, 1) < 0 ||
        comp_load_const(c, VAL_NONE) < 0 || comp_op(c, OPC_IS_OP, 1) < 0) return -1;
    pc->on_top++;                               /* the tuple of attributes */
    if (pat_jump_to_fail_pop(c, pc, OPC_POP_JUMP_IF_FALSE) < 0 ||
        comp_op(c, OPC_UNPACK_SEQUENCE, nargs + nattrs) < 0) return -1;
    pc->on_top += nargs + nattrs - 1;
    for (int i = 0; i < nargs + nattrs; i++) {
        Pattern *q = i < nargs ? pats->items[i] : kpats->items[i - nargs];
        pc->on_top--;
        if (pat_is_wildcard(q) ? comp_op0(c, OPC_POP_TOP) < 0 : comp_subpattern(c, q, pc) < 0) return -1;
    }
    return 0;
}

/* Reorder alt's captures (and the stack) into the order of `control`. */
static int pat_reorder_captures(Compiler *c, PatCtx *alt, const char **control, int ncontrol) {
    for (int icontrol = ncontrol - 1; icontrol >= 0; icontrol--) {
        int istores = pat_find_store(alt, control[icontrol]);
        if (istores < 0) return 1;
        if (istores == icontrol) continue;
        /* rotated = stores[:n]; del stores[:n]; stores[icontrol-istores:icontrol-istores] = rotated */
        int n = istores + 1, at = icontrol - istores;
        const char **rotated = fe_malloc((size_t)n * sizeof *rotated);
        memcpy(rotated, alt->stores, (size_t)n * sizeof *rotated);
        memmove(alt->stores, alt->stores + n, (size_t)(alt->nstores - n) * sizeof *rotated);
        memmove(alt->stores + at + n, alt->stores + at, (size_t)(alt->nstores - n - at) * sizeof *rotated);
        memcpy(alt->stores + at, rotated, (size_t)n * sizeof *rotated);
        free(rotated);
        for (int k = 0; k < n; k++)
            if (pat_rotate(c, icontrol + 1) < 0) return -1;
    }
    return 0;
}

static int comp_pattern_or_alts(Compiler *c, Pattern *p, PatCtx *pc, PatCtx *alt, const char ***control,
                                int *ncontrol) {
    PtrVec *alts = &p->u.seq.patterns;
    int end = comp_new_label(c);
    for (int i = 0; i < alts->len; i++) {
        c->u->loc = ((Pattern *)alts->items[i])->span;
        alt->nstores = 0;
        alt->on_top = 0;
        alt->allow_irrefutable = i == alts->len - 1 && pc->allow_irrefutable;
        if (comp_op(c, OPC_COPY, 1) < 0 || comp_pattern(c, alts->items[i], alt) < 0) return -1;
        if (i == 0) {
            *control = fe_malloc((size_t)(alt->nstores + 1) * sizeof **control);
            if (alt->nstores) memcpy(*control, alt->stores, (size_t)alt->nstores * sizeof **control);
            *ncontrol = alt->nstores;
        } else if (alt->nstores != *ncontrol) {
            return comp_error(c, "alternative patterns bind different names");
        } else {
            int r = pat_reorder_captures(c, alt, *control, *ncontrol);
            if (r < 0) return -1;
            if (r > 0) return comp_error(c, "alternative patterns bind different names");
        }
        if (comp_jump(c, OPC_JUMP, end) < 0 || pat_emit_fail_pop(c, alt) < 0) return -1;
    }
    /* no alternative matched: drop the subject and fail */
    if (comp_op0(c, OPC_POP_TOP) < 0 || pat_jump_to_fail_pop(c, pc, OPC_JUMP) < 0) return -1;
    comp_place(c, end);
    return 0;
}

static int comp_pattern_or(Compiler *c, Pattern *p, PatCtx *pc) {
    PatCtx alt = {0};
    const char **control = NULL;
    int ncontrol = 0;
    int r = comp_pattern_or_alts(c, p, pc, &alt, &control, &ncontrol);
    /* the captures go under the subject, what the pattern uses and the earlier captures */
    int nrots = ncontrol + 1 + pc->on_top + pc->nstores;
    for (int i = 0; r == 0 && i < ncontrol; i++) {
        if (pat_rotate(c, nrots) < 0) r = -1;
        else if (pat_find_store(pc, control[i]) >= 0) r = pat_duplicate_store(c, control[i]);
        else pat_push_store(pc, control[i]);
    }
    if (r == 0) r = comp_op0(c, OPC_POP_TOP);   /* the copy of the subject */
    pat_free(&alt);
    free(control);
    return r;
}

static int comp_pattern(Compiler *c, Pattern *p, PatCtx *pc) {
    if (comp_enter_depth(c) < 0) return -1;
    c->u->loc = p->span;
    int r;
    switch (p->kind) {
    case P_VALUE: r = comp_pattern_value(c, p, pc); break;
    case P_SINGLETON: r = comp_pattern_singleton(c, p, pc); break;
    case P_SEQUENCE: r = comp_pattern_sequence(c, p, pc); break;
    case P_MAPPING: r = comp_pattern_mapping(c, p, pc); break;
    case P_CLASS: r = comp_pattern_class(c, p, pc); break;
    case P_STAR: r = pat_store_name(c, p->u.star.name, pc); break;
    case P_AS: r = comp_pattern_as(c, p, pc); break;
    case P_OR: r = comp_pattern_or(c, p, pc); break;
    default: r = comp_system_error("unknown pattern kind"); break;
    }
    c->depth--;
    return r;
}

/* One case of the loop in comp_match_cases; `last` is the last case that
 * runs a pattern (it consumes the subject instead of a copy). */
static int comp_match_case(Compiler *c, MatchCase *m, PatCtx *pc, int last, int irrefutable_ok, int end) {
    c->u->loc = m->pattern->span;
    if (!last && comp_op(c, OPC_COPY, 1) < 0) return -1;
    pc->nstores = 0;
    pc->on_top = 0;
    pc->allow_irrefutable = m->guard != NULL || irrefutable_ok;
    if (comp_pattern(c, m->pattern, pc) < 0) return -1;
    for (int n = 0; n < pc->nstores; n++)      /* matched: bind the captures */
        if (comp_nameop(c, pc->stores[n], CTX_STORE) < 0) return -1;
    if (m->guard) {
        pat_ensure_fail_pop(c, pc, 0);
        if (comp_jump_if(c, m->guard, pc->fail_pop[0], 0) < 0) return -1;
    }
    if (!last && comp_op0(c, OPC_POP_TOP) < 0) return -1;
    if (comp_stmts(c, &m->body) < 0 || comp_jump(c, OPC_JUMP, end) < 0) return -1;
    c->u->loc = m->pattern->span;
    return pat_emit_fail_pop(c, pc);
}

static int comp_match_cases(Compiler *c, Stmt *s, PatCtx *pc) {
    PtrVec *cases = &s->u.match.cases;
    int n = cases->len, end = comp_new_label(c);
    MatchCase *m = cases->items[n - 1];
    int has_default = pat_is_wildcard(m->pattern) && n > 1;     /* a final `case _:` */
    if (comp_expr(c, s->u.match.subject) < 0) return -1;
    for (int i = 0; i < n - has_default; i++)
        if (comp_match_case(c, cases->items[i], pc, i == n - has_default - 1, i == n - 1, end) < 0) return -1;
    if (has_default) {
        c->u->loc = m->pattern->span;
        if (comp_op0(c, OPC_NOP) < 0) return -1;       /* the line of `case _:` */
        if (m->guard && comp_jump_if(c, m->guard, end, 0) < 0) return -1;
        if (comp_stmts(c, &m->body) < 0) return -1;
    }
    comp_place(c, end);
    return 0;
}

static int comp_match(Compiler *c, Stmt *s) {
    PatCtx pc = {0};
    int r = comp_match_cases(c, s, &pc);
    pat_free(&pc);
    return r;
}

/* Any annotated assignment in these statements (not inside defs/classes)? */
static int comp_find_ann(PtrVec *v) {
    for (int i = 0; i < v->len; i++) {
        Stmt *s = v->items[i];
        switch (s->kind) {
        case S_ANNASSIGN: return 1;
        case S_FOR: case S_ASYNCFOR:
            if (comp_find_ann(&s->u.for_.body) || comp_find_ann(&s->u.for_.orelse)) return 1;
            break;
        case S_WHILE: case S_IF:
            if (comp_find_ann(&s->u.if_.body) || comp_find_ann(&s->u.if_.orelse)) return 1;
            break;
        case S_WITH: case S_ASYNCWITH:
            if (comp_find_ann(&s->u.with.body)) return 1;
            break;
        case S_MATCH:
            for (int k = 0; k < s->u.match.cases.len; k++)
                if (comp_find_ann(&((MatchCase *)s->u.match.cases.items[k])->body)) return 1;
            break;
        case S_TRY: case S_TRYSTAR:
            if (comp_find_ann(&s->u.try_.body) || comp_find_ann(&s->u.try_.orelse) ||
                comp_find_ann(&s->u.try_.finalbody)) return 1;
            for (int k = 0; k < s->u.try_.handlers.len; k++)
                if (comp_find_ann(&((ExceptHandler *)s->u.try_.handlers.items[k])->body)) return 1;
            break;
        default: break;
        }
    }
    return 0;
}

/* A module or class body: SETUP_ANNOTATIONS, __doc__, the statements. */
static int comp_body(Compiler *c, PtrVec *body) {
    if (comp_find_ann(body) && comp_op0(c, OPC_SETUP_ANNOTATIONS) < 0) return -1;
    Expr *doc = c->mode == PARSE_SINGLE && c->u->kind == U_MODULE ? NULL : comp_docstring(body);
    int i = 0;
    if (doc) {
        Span saved = c->u->loc;
        Value docv = compile_constant_value(doc);
        c->u->loc = doc->span;
        if (comp_load_const(c, docv) < 0 || comp_op_rawname(c, OPC_STORE_NAME, "__doc__") < 0) return -1;
        c->u->doc = docv;       /* now also held by the consts list */
        c->u->loc = saved;
        i = 1;
    }
    for (; i < body->len; i++)
        if (comp_stmt(c, body->items[i]) < 0) return -1;
    return 0;
}

static Value comp_class_code(Compiler *c, Stmt *s, int firstlineno) {
    StScope *sc = st_scope_for(c->st, s);
    if (comp_enter_unit(c, sc, U_CLASS, s->u.classdef.name, firstlineno) < 0) return VAL_NULL;
    Unit *u = c->u;
    u->flags |= CO_CLASSBODY;
    if (comp_op_rawname(c, OPC_LOAD_NAME, "__name__") < 0 || comp_op_rawname(c, OPC_STORE_NAME, "__module__") < 0 ||
        comp_load_const(c, u->qualname) < 0 || comp_op_rawname(c, OPC_STORE_NAME, "__qualname__") < 0)
        return VAL_NULL;
    if (comp_body(c, &s->u.classdef.body) < 0) return VAL_NULL;
    if (sc->needs_class_closure) {
        if (comp_op(c, OPC_LOAD_CLOSURE, comp_deref_index(c, "__class__")) < 0 ||
            comp_op_rawname(c, OPC_STORE_NAME, "__classcell__") < 0) return VAL_NULL;
    }
    if (comp_implicit_return(c, &s->u.classdef.body) < 0) return VAL_NULL;
    Value code = comp_assemble(c);
    if (IS_NULL(code)) return code;
    comp_exit_unit(c);
    return code;
}

static int comp_classdef(Compiler *c, Stmt *s) {
    PtrVec *decos = &s->u.classdef.decorators;
    if (comp_decorators(c, decos) < 0) return -1;
    int firstlineno = decos->len ? ((Expr *)decos->items[0])->span.lineno : s->span.lineno;
    Value code = comp_class_code(c, s, firstlineno);
    if (IS_NULL(code)) return -1;
    c->u->loc = s->span;
    if (comp_op0(c, OPC_PUSH_NULL) < 0 || comp_op0(c, OPC_LOAD_BUILD_CLASS) < 0 ||
        comp_make_closure(c, code, 0) < 0 || comp_load_const_str(c, s->u.classdef.name) < 0) return -1;
    if (comp_call_helper(c, 2, &s->u.classdef.bases, &s->u.classdef.keywords) < 0) return -1;
    if (comp_apply_decorators(c, decos) < 0) return -1;
    return comp_nameop(c, s->u.classdef.name, CTX_STORE);
}

static int comp_stmt_inner(Compiler *c, Stmt *s) {
    switch (s->kind) {
    case S_FUNCTIONDEF: case S_ASYNCFUNCTIONDEF: return comp_funcdef(c, s);
    case S_CLASSDEF: return comp_classdef(c, s);
    case S_RETURN: return comp_return(c, s);
    case S_DELETE:
        for (int i = 0; i < s->u.del.targets.len; i++)
            if (comp_delete(c, s->u.del.targets.items[i]) < 0) return -1;
        return 0;
    case S_ASSIGN: return comp_assign(c, s);
    case S_AUGASSIGN: return comp_augassign(c, s);
    case S_ANNASSIGN: return comp_annassign(c, s);
    case S_FOR: case S_ASYNCFOR: return comp_for(c, s);
    case S_WHILE: return comp_while(c, s);
    case S_IF: return comp_if(c, s);
    case S_WITH: case S_ASYNCWITH: return comp_with(c, s);
    case S_MATCH: return comp_match(c, s);
    case S_RAISE: return comp_raise(c, s);
    case S_TRY: case S_TRYSTAR: return comp_try(c, s);
    case S_ASSERT: return comp_assert(c, s);
    case S_IMPORT: return comp_import(c, s);
    case S_IMPORTFROM: return comp_importfrom(c, s);
    case S_GLOBAL: case S_NONLOCAL: return 0;
    case S_PASS: return comp_op0(c, OPC_NOP);     /* its line, for a tracer (as CPython) */
    case S_EXPR: return comp_expr_stmt(c, s);
    case S_BREAK: return comp_break_continue(c, 1);
    case S_CONTINUE: return comp_break_continue(c, 0);
    }
    return comp_system_error("unknown statement kind");
}

static int comp_stmt(Compiler *c, Stmt *s) {
    if (comp_enter_depth(c) < 0) return -1;
    Span saved = c->u->loc;
    c->u->loc = s->span;
    int r = comp_stmt_inner(c, s);
    c->u->loc = saved;
    c->depth--;
    return r;
}

static int comp_stmts(Compiler *c, PtrVec *v) {
    for (int i = 0; i < v->len; i++)
        if (comp_stmt(c, v->items[i]) < 0) return -1;
    return 0;
}

/* ---- entry points ------------------------------------------------------------ */
static Value comp_module_code(Compiler *c, Module *mod) {
    if (comp_enter_unit(c, st_top(c->st), U_MODULE, "<module>", 1) < 0) return VAL_NULL;
    c->u->flags |= CO_MODULE;
    if (c->mode == PARSE_EVAL) {
        if (!mod->expr) return VAL_NULL;
        c->u->loc = mod->expr->span;
        if (comp_expr(c, mod->expr) < 0 || comp_op0(c, OPC_RETURN_VALUE) < 0) return VAL_NULL;
    } else {
        if (comp_body(c, &mod->body) < 0 || comp_implicit_return(c, &mod->body) < 0) return VAL_NULL;
    }
    return comp_assemble(c);
}

static Value comp_st_error(Compiler *c, StError *e) {
    if (e->is_recursion) return err_format(&exc_RecursionError, "%s", e->msg);
    err_syntax(&exc_SyntaxError, e->msg, c->filename, e->loc.lineno, e->loc.col + 1,
               comp_source_line(c, e->loc.lineno), e->loc.end_lineno, e->loc.end_col + 1);
    return VAL_NULL;
}

/* ---- __future__ ------------------------------------------------------------
 * CPython's future.c before the symbol table: the leading `from __future__`
 * imports (after an optional docstring) name known features; a later one on
 * the same line as earlier code is refused here, others when compiled
 * (comp_importfrom, against future_lineno). */

/* future.c's errors: only lineno and offset (the statement's), end_offset None. */
static int comp_future_error(Compiler *c, const Stmt *s, const char *fmt, const char *name) {
    Value msg = str_format_c(fmt, name);
    if (IS_NULL(msg)) return -1;
    Value e = call1(MK_OBJ(&exc_SyntaxError), msg);
    if (IS_NULL(e)) return -1;
    int line = s->span.lineno;
    if (obj_setattr(e, str_intern_c("filename"), c->filename) < 0 ||
        obj_setattr(e, str_intern_c("lineno"), MK_SMALLINT(line)) < 0 ||
        obj_setattr(e, str_intern_c("offset"), MK_SMALLINT(s->span.col + 1)) < 0 ||
        obj_setattr(e, str_intern_c("end_lineno"), MK_SMALLINT(line)) < 0 ||
        obj_setattr(e, str_intern_c("text"), comp_source_line(c, line)) < 0)
        return -1;
    err_set_obj(e);
    return -1;
}

static int comp_future_features(Compiler *c, const Stmt *s) {
    static const char *const known[] = {
        "nested_scopes", "generators", "division", "absolute_import", "with_statement",
        "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations", NULL
    };
    for (int i = 0; i < s->u.importfrom.names.len; i++) {
        const char *n = ((Alias *)s->u.importfrom.names.items[i])->name;
        int k = 0;
        while (known[k] && strcmp(known[k], n) != 0) k++;
        if (!strcmp(n, "braces")) return comp_future_error(c, s, "not a chance", NULL);
        if (!known[k]) return comp_future_error(c, s, "future feature %s is not defined", n);
        if (!strcmp(n, "annotations")) c->future_annotations = 1;
    }
    return 0;
}

static int comp_future(Compiler *c, PtrVec *body) {
    int done = 0, prev_line = 0, i = 0;
    c->future_lineno = -1;
    if (body->len && ((Stmt *)body->items[0])->kind == S_EXPR) {     /* a docstring */
        Expr *e = ((Stmt *)body->items[0])->u.expr.value;
        if (e->kind == E_CONSTANT && e->u.constant.kind == CONST_STR) i = 1;
    }
    for (; i < body->len; i++) {
        Stmt *s = body->items[i];
        if (done && s->span.lineno > prev_line) return 0;
        prev_line = s->span.lineno;
        if (!comp_is_future(s)) {
            done = 1;
        } else if (done) {              /* CPython: the column as the offset */
            Stmt late = *s;
            late.span.col--;
            return comp_future_error(c, &late, "from __future__ imports must occur at the beginning of the file",
                                     NULL);
        } else {
            if (comp_future_features(c, s) < 0) return -1;
            c->future_lineno = s->span.lineno;
        }
    }
    return 0;
}

static Value comp_run(Module *mod, Value filename, ParseMode mode, const char *src, size_t len) {
    Compiler c;
    memset(&c, 0, sizeof c);
    c.filename = filename;
    c.src = src;
    c.srclen = len;
    c.mode = mode;
    c.keep = list_new(16);
    if (IS_NULL(c.keep)) return VAL_NULL;
    gc_push_root(&c.keep);
    StError serr;
    memset(&serr, 0, sizeof serr);
    Value result = VAL_NULL;
    if (mode == PARSE_EVAL && !mod->expr) {
        err_format(&exc_SystemError, "compiler: eval mode without an expression");
    } else if (mode != PARSE_EVAL && comp_future(&c, &mod->body) < 0) {
        /* raised */
    } else if (!(c.st = st_build(mod, mode, &serr))) {
        comp_st_error(&c, &serr);
    } else {
        result = comp_module_code(&c, mod);
    }
    while (c.u) comp_exit_unit(&c);
    free(c.line_starts);
    st_free(c.st);
    gc_pop_root();
    return result;
}

/* comp_run(...) inside a FeGuard: MemoryError when the compiler runs out. */
static Value comp_run_guarded(Module *mod, Value filename, ParseMode mode, const char *src, size_t len) {
    FeGuard guard;
    Value result;
    fe_guard_push(&guard);
    if (setjmp(guard.jb) == 0) result = comp_run(mod, filename, mode, src, len);
    else result = err_no_memory();
    fe_guard_pop(&guard);
    return result;
}

Value compile_module(Module *mod, Value filename, ParseMode mode) {
    return comp_run_guarded(mod, filename, mode, NULL, 0);
}

static Type *comp_error_kind(const char *kind) {
    if (kind && strcmp(kind, "IndentationError") == 0) return &exc_IndentationError;
    if (kind && strcmp(kind, "TabError") == 0) return &exc_TabError;
    return &exc_SyntaxError;
}

/* The 1-based offset of byte column col of line lineno, in characters of the
 * line as decoded with errors="replace" (CPython's byte_offset_to_character_offset;
 * columns past the line's end count one each). */
static int comp_char_offset(const char *src, size_t len, int lineno, int col) {
    if (col < 0) return col + 1;
    const char *p = src, *end = src + len;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) return col + 1;
        p = nl + 1;
    }
    const char *e = memchr(p, '\n', (size_t)(end - p));
    size_t n = e ? (size_t)(e - p) : (size_t)(end - p);
    size_t k = (size_t)col < n ? (size_t)col : n;
    if (memchr(p, 0, k)) return col + 1;
    Value s = str_decode_utf8_lossy(p, k);
    if (IS_NULL(s)) { err_clear(); return col + 1; }
    return (int)(AS_STR(s)->nchars + (int64_t)((size_t)col - k)) + 1;
}

/* The SyntaxError of a failed parse.  Offsets count characters, except for the
 * parser's own errors in bytes that declare no encoding (COMPILE_BYTE_OFFSETS),
 * where CPython leaves them in bytes. */
static void comp_parse_error(const ParseError *perr, const char *src, size_t len, Value filename,
                             int flags) {
    Value text = comp_line_of(src, len, perr->lineno);
    if (perr->tok_chars && IS_STR(text))        /* CPython's tokenizer: the line without its newline */
        text = str_new(STR_DATA(text), (size_t)STR_LEN(text) - 1);
    if (IS_NONE(text) && perr->text) {
        text = str_decode_utf8_lossy(perr->text, strlen(perr->text));
        if (IS_NULL(text)) { err_clear(); text = VAL_NONE; }
    }
    int offset = perr->col + 1, end_offset = perr->end_col + 1;
    if (perr->tok_chars || !(flags & COMPILE_BYTE_OFFSETS)) {
        offset = comp_char_offset(src, len, perr->lineno, perr->col);
        if (perr->end_col > 0) end_offset = comp_char_offset(src, len, perr->end_lineno, perr->end_col);
    }
    err_syntax(comp_error_kind(perr->kind), perr->msg, filename, perr->lineno, offset,
               text, perr->end_lineno, end_offset);
}

static int comp_before(const ParseWarning *w, int line, int col) {
    return w->lineno < line || (w->lineno == line && w->col < col);
}

/* Issue the parse's warnings in source order (those before the error only,
 * when it failed: CPython's tokenizer and parser had not read further; the
 * parser's twice after a parser error, from CPython's two passes).  -1
 * when one was turned into an error (a SyntaxError at its place, as CPython's
 * parser_warn and warn_invalid_escape_sequence raise) or failed otherwise. */
static int comp_parse_warnings(const ParseError *perr, int failed, const char *src, size_t len,
                               Value filename, int flags) {
    int n = perr->warnings.len;
    ParseWarning **ws = (ParseWarning **)perr->warnings.items;
    for (int i = 1; i < n; i++)                 /* insertion sort: few, nearly in order */
        for (int k = i; k > 0 && comp_before(ws[k], ws[k - 1]->lineno, ws[k - 1]->col); k--) {
            ParseWarning *t = ws[k]; ws[k] = ws[k - 1]; ws[k - 1] = t;
        }
    int passes = failed && !perr->from_tokenizer ? 2 : 1;
    for (int i = 0; i < passes * n; i++) {
        ParseWarning *w = ws[i % n];
        if (i >= n && w->tok_chars) continue;          /* the tokenizer's come once */
        if (failed && !comp_before(w, perr->lineno, perr->col)) {
            if (i >= n) break;
            i = n - 1;
            continue;
        }
        Type *cat = strcmp(w->category, "SyntaxWarning") == 0 ? &exc_SyntaxWarning : &exc_DeprecationWarning;
        Value msg = str_from_c(w->msg);
        if (IS_NULL(msg)) return -1;
        if (warn_explicit(msg, MK_OBJ(cat), filename, w->lineno, VAL_NULL, VAL_NULL, VAL_NULL, VAL_NULL) == 0)
            continue;
        if (!err_matches(cat)) return -1;
        err_clear();
        ParseError e;
        memset(&e, 0, sizeof e);
        e.kind = "SyntaxError";
        snprintf(e.msg, sizeof e.msg, "%s", w->msg);
        e.lineno = w->lineno;
        e.col = w->col;
        e.end_lineno = w->end_lineno;
        e.end_col = w->end_col;
        e.tok_chars = w->tok_chars;
        comp_parse_error(&e, src, len, filename, flags);
        return -1;
    }
    return 0;
}

/* Parse src into arena and compile it (compile_source's work, inside its guard). */
static Value comp_parse_and_run(Arena *arena, const char *src, size_t len, Value filename, ParseMode mode,
                                int flags) {
    ParseError perr;
    memset(&perr, 0, sizeof perr);
    Module *mod = parse_source(arena, src, len, mode, &perr);
    Value result;
    if (perr.warnings.len && comp_parse_warnings(&perr, mod == NULL, src, len, filename, flags) < 0)
        return VAL_NULL;
    if (!mod && perr.kind && strcmp(perr.kind, "MemoryError") == 0) {
        err_no_memory();                /* nested past the parser's stack, as in CPython */
        result = VAL_NULL;
    } else if (!mod && strcmp(perr.msg, "source code cannot contain null bytes") == 0) {
        /* CPython shows the line up to the NUL and no caret */
        Value text = comp_line_of(src, len, perr.lineno);
        if (IS_STR(text)) text = str_new(STR_DATA(text), strlen(STR_DATA(text)));
        err_syntax(comp_error_kind(perr.kind), perr.msg, filename, perr.lineno, 0, text, 0, 0);
        result = VAL_NULL;
    } else if (!mod) {
        comp_parse_error(&perr, src, len, filename, flags);
        result = VAL_NULL;
    } else if (flags & COMPILE_ONLY_AST) {
        result = astobj_from_module(mod, mode);
    } else {
        result = comp_run(mod, filename, mode, src, len);
    }
    return result;
}

Value compile_source_flags(const char *src, size_t len, Value filename, ParseMode mode, int flags) {
    Arena arena;
    FeGuard guard;
    Value result;
    arena_init(&arena);
    fe_guard_push(&guard);
    if (setjmp(guard.jb) == 0) result = comp_parse_and_run(&arena, src, len, filename, mode, flags);
    else result = err_no_memory();
    fe_guard_pop(&guard);
    arena_free(&arena);
    return result;
}

Value compile_source(const char *src, size_t len, Value filename, ParseMode mode) {
    return compile_source_flags(src, len, filename, mode, 0);
}
