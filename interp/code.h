/* code.h - code objects (compiled bytecode) and the compiler's entry points.
 *
 * A Code is what the compiler makes of a module, a function body, a class
 * body, a lambda or a comprehension.  Frame layout for its locals: the
 * `nlocals` fast locals (parameters first, in the order of co_varnames), then
 * `ncells` cells for the variables captured by inner functions
 * (co_cellvars), then `nfree` cells taken from the function's closure
 * (co_freevars).  LOAD_DEREF i indexes cells-then-frees from 0.
 */
#ifndef GILPY_CODE_H
#define GILPY_CODE_H

#include "../runtime/object.h"
#include "ast.h"

enum {
    CO_VARARGS     = 1u << 0,   /* has *args */
    CO_VARKEYWORDS = 1u << 1,   /* has **kwargs */
    CO_GENERATOR   = 1u << 2,   /* calling it makes a generator */
    CO_NESTED      = 1u << 3,   /* defined inside another function */
    CO_CLASSBODY   = 1u << 4,   /* a class body (LOAD_NAME/STORE_NAME on the namespace) */
    CO_MODULE      = 1u << 5,   /* a module body or exec'd code (names in a dict) */
    CO_COMPREHENSION = 1u << 6, /* a comprehension's implicit function */
    CO_LAMBDA      = 1u << 7,
    CO_COROUTINE   = 1u << 8,   /* async def: calling it makes a coroutine (with CO_GENERATOR) */
    CO_ASYNC_GENERATOR = 1u << 9,   /* async def with yield: an async generator (with CO_GENERATOR) */
    CO_ITERABLE_COROUTINE = 1u << 10, /* types.coroutine: a generator `await` accepts */
};

/* Source position of one instruction (1-based lines, 0-based byte columns;
 * end_col exclusive).  lineno 0: no position (synthetic instruction). */
typedef struct CodePos {
    int32_t lineno, end_lineno;
    int16_t col, end_col;
    int16_t anchor, anchor_end; /* the operator of a binary op or the [..] of a
                                   subscript (0-based columns), drawn with ^
                                   among ~ in tracebacks; -1 when none */
} CodePos;

/* One inline cache entry of the VM (the design is in interp/vm.c).  Code.caches
 * holds one per code word, allocated when an instruction first fills one. */
typedef struct InlineCache {
    uint32_t version;           /* Type.version the entry was filled for; 0: empty */
    uint32_t version2;          /* a second type for which the entry holds, or 0 */
    uint32_t kind;              /* what the entry says (vm.c: IC_*) */
    int64_t  hint;              /* entry index of the name in a dict */
    int64_t  hint2;             /* LOAD_GLOBAL: the builtins hint */
    Value    descr;             /* attribute caches: what the MRO gave */
} InlineCache;

typedef struct Code {
    Obj       header;
    uint32_t *code;             /* gc_malloc'd words */
    int32_t   ncode;
    CodePos  *positions;        /* gc_malloc'd, one per word (extra words copy theirs) */
    Value     consts;           /* tuple */
    Value     names;            /* tuple of interned str: globals, attributes, imports */
    Value     varnames;         /* tuple of interned str: fast locals, parameters first */
    Value     cellvars;         /* tuple of interned str */
    Value     freevars;         /* tuple of interned str */
    Value     name;             /* str co_name */
    Value     qualname;         /* str co_qualname */
    Value     filename;         /* str co_filename */
    Value     doc;              /* the docstring or None */
    int32_t   argcount;         /* positional parameters, posonly included */
    int32_t   posonlyargcount;
    int32_t   kwonlyargcount;
    int32_t   nlocals, ncells, nfree;
    int32_t  *cell2arg;         /* ncells entries: parameter index whose value
                                   starts the cell, or -1; NULL if none are args */
    int32_t   stacksize;        /* max value-stack depth */
    int32_t   maxblocks;        /* max depth of the block stack */
    int32_t   firstlineno;
    uint32_t  flags;            /* CO_* */
    InlineCache *caches;        /* the VM's inline caches, ncode entries (lazily allocated) */
} Code;

extern Type type_code;
#define AS_CODE(v) ((Code *)AS_OBJ(v))

Code *code_new(void);           /* all fields zero / empty tuples; fill them in */
/* The line of the instruction at word index i (0 when unknown). */
int   code_line_at(Code *c, int i);
/* 1 when every instruction is whole and its operand indexes a table entry or
 * word that exists (code read back by marshal), else 0. */
int   code_operands_valid(Code *c);
/* -X no_debug_ranges: forget the columns of every position (tracebacks then
 * draw no carets; co_positions gives None columns), as CPython does. */
void  code_drop_columns(Code *c);

/* ---- the compiler (interp/compile.c, interp/symtable.c) ---- */
/* Parse and compile source text.  filename is a str.  Raises SyntaxError
 * (or IndentationError/TabError) with CPython's attributes on failure.
 * mode: PARSE_FILE gives a module code object, PARSE_EVAL one that returns
 * the expression's value, PARSE_SINGLE one that prints expression statements
 * with PRINT_EXPR (the REPL). */
Value compile_source(const char *src, size_t len, Value filename, ParseMode mode);
/* compile_source with flags: COMPILE_ONLY_AST parses into `ast` node objects
 * (compile() with PyCF_ONLY_AST), the same SyntaxErrors, no code generated;
 * COMPILE_BYTE_OFFSETS: src came as bytes that declare no encoding, where
 * CPython's parser errors count columns in bytes. */
enum { COMPILE_ONLY_AST = 1, COMPILE_BYTE_OFFSETS = 2 };
Value compile_source_flags(const char *src, size_t len, Value filename, ParseMode mode, int flags);
/* The value of a constant node (int, float, str, bytes, ...). */
Value compile_constant_value(const Expr *e);
/* Compile an already parsed tree. */
Value compile_module(Module *mod, Value filename, ParseMode mode);

#endif
