/* arena.c - bump allocator for the syntax tree.
 *
 * A parse allocates many small nodes that all die together when the
 * compiler is done with the tree.  They are carved from big blocks chained
 * in a list (newest first); arena_free releases the chain.  Requests larger
 * than a block get a block of their own.  Memory is zeroed and 16-aligned.
 * Out of memory jumps to the innermost FeGuard (ast.h): the tree has no
 * partial-failure path, and neither have the passes that walk it.
 */
#include "ast.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../runtime/gc.h"

#define ARENA_BLOCK 65536

struct ArenaBlock {
    ArenaBlock *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
};

/* ---- the front end's out-of-memory guard ---------------------------------- */

static _Thread_local FeGuard *fe_top;

void fe_guard_push(FeGuard *g) {
    g->prev = fe_top;
    g->roots = gc_temp_roots_depth();
    fe_top = g;
}

void fe_guard_pop(FeGuard *g) {
    fe_top = g->prev;
    gc_temp_roots_reset(g->roots);  /* the roots a jump skipped the pops of */
}

static _Noreturn void fe_out_of_memory(void) {
    if (!fe_top) {
        fputs("gilpy: out of memory in the compiler\n", stderr);
        abort();
    }
    longjmp(fe_top->jb, 1);
}

void *fe_malloc(size_t n) {
    void *p = gc_sys_malloc(n ? n : 1);
    if (!p) fe_out_of_memory();
    return p;
}

void *fe_calloc(size_t n, size_t size) {
    void *p = gc_sys_calloc(n ? n : 1, size ? size : 1);
    if (!p) fe_out_of_memory();
    return p;
}

void *fe_realloc(void *old, size_t n) {
    void *p = gc_sys_realloc(old, n ? n : 1);
    if (!p) fe_out_of_memory();
    return p;
}

/* ---- the arena ---------------------------------------------------------------- */

void arena_init(Arena *a) { a->head = NULL; }

static ArenaBlock *arena_new_block(Arena *a, size_t size) {
    ArenaBlock *b = fe_malloc(sizeof *b + size);
    b->next = a->head;
    b->used = 0;
    b->size = size;
    a->head = b;
    return b;
}

void *arena_alloc(Arena *a, size_t size) {
    ArenaBlock *b = a->head;
    void *p;
    size = (size + 15) & ~(size_t)15;
    if (size == 0) size = 16;
    if (!b || b->size - b->used < size) {
        if (size > ARENA_BLOCK / 4) {
            /* big request: own block, linked behind the current one */
            ArenaBlock *big = fe_malloc(sizeof *big + size);
            big->used = big->size = size;
            if (b) { big->next = b->next; b->next = big; }
            else { big->next = NULL; a->head = big; }
            memset(big->data, 0, size);
            return big->data;
        }
        b = arena_new_block(a, ARENA_BLOCK);
    }
    p = b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n) {
    char *p = arena_alloc(a, n + 1);
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void arena_free(Arena *a) {
    ArenaBlock *b = a->head;
    while (b) {
        ArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

void ptrvec_push(Arena *a, PtrVec *v, void *item) {
    if (v->len == v->cap) {
        int ncap = v->cap ? v->cap * 2 : 4;
        void **items = arena_alloc(a, (size_t)ncap * sizeof *items);
        if (v->len) memcpy(items, v->items, (size_t)v->len * sizeof *items);
        v->items = items;
        v->cap = ncap;
    }
    v->items[v->len++] = item;
}

/* The noun CPython uses for an expression in error messages. */
const char *ast_expr_name(const Expr *e) {
    switch (e->kind) {
    case E_ATTRIBUTE: return "attribute";
    case E_SUBSCRIPT: return "subscript";
    case E_STARRED: return "starred";
    case E_NAME: return "name";
    case E_LIST: return "list";
    case E_TUPLE: return "tuple";
    case E_LAMBDA: return "lambda";
    case E_CALL: return "function call";
    case E_BOOLOP: case E_BINOP: case E_UNARYOP: return "expression";
    case E_GENEXP: return "generator expression";
    case E_YIELD: case E_YIELDFROM: return "yield expression";
    case E_AWAIT: return "await expression";
    case E_LISTCOMP: return "list comprehension";
    case E_SETCOMP: return "set comprehension";
    case E_DICTCOMP: return "dict comprehension";
    case E_DICT: return "dict literal";
    case E_SET: return "set display";
    case E_JOINEDSTR: case E_FORMATTEDVALUE: return "f-string expression";
    case E_CONSTANT:
        switch (e->u.constant.kind) {
        case CONST_NONE: return "None";
        case CONST_TRUE: return "True";
        case CONST_FALSE: return "False";
        case CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case E_COMPARE: return "comparison";
    case E_IFEXP: return "conditional expression";
    case E_NAMEDEXPR: return "named expression";
    case E_SLICE: return "slice";
    default: return "expression";
    }
}
