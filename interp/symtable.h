/* symtable.h - scope analysis: which names are local, global, free or cell.
 *
 * st_build walks the tree once, making one StScope per module, class,
 * function, lambda and comprehension, and recording how each name is used
 * there (DEF_* flags).  A second pass resolves every name to a scope (SC_*)
 * exactly as CPython's symtable.c does: implicit globals, `global` and
 * `nonlocal` declarations, class scopes that do not enclose their methods,
 * comprehensions as their own function scopes, walrus targets in
 * comprehensions binding in the enclosing function, cells for variables
 * captured by inner functions, and the implicit `__class__` cell for
 * zero-argument super().  Names are mangled (`__x` in class C is `_C__x`)
 * before they are recorded, so the compiler looks up mangled names.
 *
 * Everything lives in malloc/arena memory; no runtime Value is created, so
 * the analysis may run in any thread and needs no GC roots.
 */
#ifndef GILPY_SYMTABLE_H
#define GILPY_SYMTABLE_H

#include <stdint.h>
#include "ast.h"

/* How a name is used in one scope (flags, several may be set). */
enum {
    DEF_GLOBAL     = 1u << 0,   /* `global` declaration */
    DEF_LOCAL      = 1u << 1,   /* assigned in this scope */
    DEF_PARAM      = 1u << 2,   /* a parameter */
    DEF_NONLOCAL   = 1u << 3,   /* `nonlocal` declaration */
    DEF_USE        = 1u << 4,   /* read in this scope */
    DEF_FREE_CLASS = 1u << 5,   /* class scope: bound here and free in a method */
    DEF_IMPORT     = 1u << 6,   /* bound by an import */
    DEF_ANNOT      = 1u << 7,   /* annotated (x: int) */
    DEF_COMP_ITER  = 1u << 8,   /* a comprehension's iteration variable */
    DEF_APPEND     = 1u << 9,   /* target of `x += e` or `x = x + e` (runtime/append.h) */
    DEF_BOUND      = DEF_LOCAL | DEF_PARAM | DEF_IMPORT,
};

/* The resolved scope of a name. */
typedef enum {
    SC_UNKNOWN = 0, SC_LOCAL, SC_GLOBAL_EXPLICIT, SC_GLOBAL_IMPLICIT, SC_FREE, SC_CELL
} StNameScope;

typedef enum { ST_MODULE, ST_CLASS, ST_FUNCTION } StBlockKind;

/* Comprehension kinds, for StScope.comp and the error messages. */
typedef enum { ST_COMP_NONE, ST_COMP_LIST, ST_COMP_SET, ST_COMP_DICT, ST_COMP_GEN } StCompKind;

typedef struct StSym {
    const char *name;           /* mangled */
    uint32_t flags;             /* DEF_* */
    StNameScope scope;
    Span loc;                   /* where a global/nonlocal directive was */
} StSym;

typedef struct StScope StScope;
struct StScope {
    StBlockKind kind;
    StCompKind comp;            /* comprehension kind (kind is ST_FUNCTION) */
    int is_lambda;
    int is_async;               /* async def */
    int is_coroutine;           /* async def, or a comprehension with await/async for
                                   (CPython's ste_coroutine): a coroutine, or with
                                   is_generator an async generator */
    const char *name;           /* "top", function/class name, "<lambda>", "<listcomp>"... */
    const void *node;           /* the Stmt / Expr that opened the scope */
    StScope *parent;
    StScope **children;
    int nchildren, childcap;
    StSym *syms;                /* in order of first appearance */
    int nsyms, symcap;
    int *hidx;                  /* open-addressing index into syms (-1 empty) */
    int hcap;
    const char **params;        /* parameter names in order (mangled) */
    int nparams, paramcap;
    int is_generator;           /* yield / yield from in the body */
    int is_nested;              /* inside a function */
    int has_free;               /* has free variables */
    int child_free;             /* a child has free variables */
    int needs_class_closure;    /* class: a method uses __class__ / super */
    int comp_iter_expr;         /* >0 while visiting a comprehension's iterable */
    int comp_iter_target;       /* >0 while visiting a comprehension's target */
    int has_annotations;        /* class/module: an annotated simple name */
    const char *private_name;   /* the enclosing class name for mangling, or NULL */
    Span loc;
};

/* A failure of the analysis: a SyntaxError (is_recursion 0) or a
 * RecursionError, with CPython's message and location. */
typedef struct StError {
    int is_recursion;
    char msg[256];
    Span loc;
} StError;

typedef struct SymTable SymTable;

/* Analyse a parsed module.  NULL and *err filled on error. */
SymTable *st_build(Module *mod, ParseMode mode, StError *err);
void      st_free(SymTable *st);
StScope  *st_top(SymTable *st);
/* The scope opened by a def/class Stmt or a lambda/comprehension Expr. */
StScope  *st_scope_for(SymTable *st, const void *node);
/* Look a (mangled) name up in one scope: NULL when unknown there. */
StSym    *st_sym(StScope *sc, const char *name);
StNameScope st_name_scope(StScope *sc, const char *name);
uint32_t st_name_flags(StScope *sc, const char *name);    /* DEF_*, 0 if unknown */
/* `__x` inside class `C` -> `_C__x` (allocated in `arena`); other names
 * are returned unchanged. */
const char *st_mangle(Arena *arena, const char *private_name, const char *name);
/* The arena that owns the symbol table's strings (mangled names). */
Arena    *st_arena(SymTable *st);

#endif
