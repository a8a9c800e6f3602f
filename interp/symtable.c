/* symtable.c - scope analysis (see symtable.h).
 *
 * Pass 1 (st_visit_*) builds the scope tree and records DEF_* flags for
 * every name, mangled, in the scope where it appears.  Pass 2
 * (st_analyze_block) is CPython's analyze_block: walking down, each block
 * receives the set of names bound in enclosing function scopes (`bound`) and
 * the names declared global above (`global`); walking up, each block returns
 * the names that its children use freely (`free`).  A name local to a
 * function and free in a child becomes a cell; a free name not bound by the
 * function is passed further up.  Class scopes hide their bindings from
 * their methods but offer them `__class__`.
 *
 * Errors stop the walk at once (the first error is the one reported, as in
 * CPython).  Recursion is bounded as in CPython 3.11's symtable: three
 * levels per level of Python recursion left (st_build), and by the C stack.
 */
#include "symtable.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../runtime/gc.h"

#include "../runtime/state.h"

#define ST_STACK_FRAME_SCALE 3     /* CPython's COMPILER_STACK_FRAME_SCALE */

/* ---- string sets (for the analysis pass) -------------------------------- */
typedef struct StSet {
    const char **keys;          /* NULL: empty slot */
    int cap, len;
} StSet;

static uint32_t st_hash(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static void st_set_free(StSet *s) { free(s->keys); s->keys = NULL; s->cap = s->len = 0; }

static int st_set_find(const StSet *s, const char *k) {
    if (!s || !s->cap) return -1;
    uint32_t i = st_hash(k) & (uint32_t)(s->cap - 1);
    while (s->keys[i]) {
        if (strcmp(s->keys[i], k) == 0) return (int)i;
        i = (i + 1) & (uint32_t)(s->cap - 1);
    }
    return -1;
}

static int st_set_has(const StSet *s, const char *k) { return st_set_find(s, k) >= 0; }

static void st_set_add(StSet *s, const char *k);

static void st_set_grow(StSet *s) {
    StSet n = { fe_calloc((size_t)(s->cap ? s->cap * 2 : 16), sizeof(char *)), s->cap ? s->cap * 2 : 16, 0 };
    for (int i = 0; i < s->cap; i++)
        if (s->keys[i]) st_set_add(&n, s->keys[i]);
    free(s->keys);
    *s = n;
}

static void st_set_add(StSet *s, const char *k) {
    if (st_set_has(s, k)) return;
    if ((s->len + 1) * 2 > s->cap) st_set_grow(s);
    uint32_t i = st_hash(k) & (uint32_t)(s->cap - 1);
    while (s->keys[i]) i = (i + 1) & (uint32_t)(s->cap - 1);
    s->keys[i] = k;
    s->len++;
}

static void st_set_update(StSet *s, const StSet *o) {
    if (!o) return;
    for (int i = 0; i < o->cap; i++)
        if (o->keys[i]) st_set_add(s, o->keys[i]);
}

/* Remove by rebuilding (rare: only for global/cell adjustments). */
static void st_set_discard(StSet *s, const char *k) {
    if (!st_set_has(s, k)) return;
    StSet n = { NULL, 0, 0 };
    for (int i = 0; i < s->cap; i++)
        if (s->keys[i] && strcmp(s->keys[i], k) != 0) st_set_add(&n, s->keys[i]);
    free(s->keys);
    *s = n;
}

static StSet st_set_copy(const StSet *o) {
    StSet n = { NULL, 0, 0 };
    st_set_update(&n, o);
    return n;
}

/* ---- the table ---------------------------------------------------------- */
struct SymTable {
    Arena arena;                /* scopes, symbols' mangled names */
    StScope *top;
    StScope *cur;
    const char *private_name;   /* class name for mangling */
    const void **mkeys;         /* node -> scope map (open addressing) */
    StScope **mvals;
    int mcap, mlen;
    int depth, limit;
    int failed;
    StError *err;
};

static int st_error(SymTable *st, Span loc, const char *fmt, ...) {
    if (st->failed) return -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->err->msg, sizeof st->err->msg, fmt, ap);
    va_end(ap);
    st->err->loc = loc;
    st->err->is_recursion = 0;
    st->failed = 1;
    return -1;
}

static uint32_t st_ptr_hash(const void *p) {
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17; x *= 0x9E3779B1u; x ^= x >> 13;
    return (uint32_t)x;
}

static void st_map_put(SymTable *st, const void *key, StScope *sc);

static void st_map_grow(SymTable *st) {
    int ocap = st->mcap;
    const void **ok = st->mkeys;
    StScope **ov = st->mvals;
    st->mcap = ocap ? ocap * 2 : 64;
    st->mkeys = fe_calloc((size_t)st->mcap, sizeof *st->mkeys);
    st->mvals = fe_calloc((size_t)st->mcap, sizeof *st->mvals);
    st->mlen = 0;
    for (int i = 0; i < ocap; i++)
        if (ok[i]) st_map_put(st, ok[i], ov[i]);
    free(ok);
    free(ov);
}

static void st_map_put(SymTable *st, const void *key, StScope *sc) {
    if ((st->mlen + 1) * 2 > st->mcap) st_map_grow(st);
    uint32_t i = st_ptr_hash(key) & (uint32_t)(st->mcap - 1);
    while (st->mkeys[i] && st->mkeys[i] != key) i = (i + 1) & (uint32_t)(st->mcap - 1);
    if (!st->mkeys[i]) st->mlen++;
    st->mkeys[i] = key;
    st->mvals[i] = sc;
}

StScope *st_scope_for(SymTable *st, const void *node) {
    if (!st->mcap) return NULL;
    uint32_t i = st_ptr_hash(node) & (uint32_t)(st->mcap - 1);
    while (st->mkeys[i]) {
        if (st->mkeys[i] == node) return st->mvals[i];
        i = (i + 1) & (uint32_t)(st->mcap - 1);
    }
    return NULL;
}

StScope *st_top(SymTable *st) { return st->top; }
Arena *st_arena(SymTable *st) { return &st->arena; }

/* ---- symbols of one scope ----------------------------------------------- */
static int st_sym_index(StScope *sc, const char *name) {
    if (!sc->hcap) return -1;
    uint32_t i = st_hash(name) & (uint32_t)(sc->hcap - 1);
    while (sc->hidx[i] >= 0) {
        if (strcmp(sc->syms[sc->hidx[i]].name, name) == 0) return sc->hidx[i];
        i = (i + 1) & (uint32_t)(sc->hcap - 1);
    }
    return -1;
}

StSym *st_sym(StScope *sc, const char *name) {
    int i = st_sym_index(sc, name);
    return i < 0 ? NULL : &sc->syms[i];
}

StNameScope st_name_scope(StScope *sc, const char *name) {
    StSym *s = st_sym(sc, name);
    return s ? s->scope : SC_UNKNOWN;
}

uint32_t st_name_flags(StScope *sc, const char *name) {
    StSym *s = st_sym(sc, name);
    return s ? s->flags : 0;
}

static void st_reindex(StScope *sc) {
    free(sc->hidx);
    sc->hcap = sc->hcap ? sc->hcap * 2 : 16;
    sc->hidx = fe_malloc((size_t)sc->hcap * sizeof(int));
    for (int i = 0; i < sc->hcap; i++) sc->hidx[i] = -1;
    for (int k = 0; k < sc->nsyms; k++) {
        uint32_t i = st_hash(sc->syms[k].name) & (uint32_t)(sc->hcap - 1);
        while (sc->hidx[i] >= 0) i = (i + 1) & (uint32_t)(sc->hcap - 1);
        sc->hidx[i] = k;
    }
}

/* The symbol for name in sc, created (with no flags) if needed. */
static StSym *st_sym_get(StScope *sc, const char *name) {
    int i = st_sym_index(sc, name);
    if (i >= 0) return &sc->syms[i];
    if (sc->nsyms == sc->symcap) {
        sc->symcap = sc->symcap ? sc->symcap * 2 : 8;
        sc->syms = fe_realloc(sc->syms, (size_t)sc->symcap * sizeof *sc->syms);
    }
    StSym *s = &sc->syms[sc->nsyms++];
    memset(s, 0, sizeof *s);
    s->name = name;
    if (sc->nsyms * 2 > sc->hcap) st_reindex(sc);
    else {
        uint32_t h = st_hash(name) & (uint32_t)(sc->hcap - 1);
        while (sc->hidx[h] >= 0) h = (h + 1) & (uint32_t)(sc->hcap - 1);
        sc->hidx[h] = sc->nsyms - 1;
    }
    return s;
}

const char *st_mangle(Arena *arena, const char *priv, const char *name) {
    if (!priv || name[0] != '_' || name[1] != '_') return name;
    size_t n = strlen(name);
    if ((n >= 2 && name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.')) return name;
    while (*priv == '_') priv++;
    if (!*priv) return name;
    size_t p = strlen(priv);
    char *r = arena_alloc(arena, n + p + 2);
    r[0] = '_';
    memcpy(r + 1, priv, p);
    memcpy(r + 1 + p, name, n + 1);
    return r;
}

/* Record a use of `name` with `flag` in scope sc (CPython's add_def_helper). */
static int st_add_def_in(SymTable *st, StScope *sc, const char *name, uint32_t flag, Span loc) {
    const char *m = st_mangle(&st->arena, st->private_name, name);
    StSym *s = st_sym_get(sc, m);
    if ((flag & DEF_PARAM) && (s->flags & DEF_PARAM))
        return st_error(st, loc, "duplicate argument '%s' in function definition", name);
    s->flags |= flag;
    /* a `global` anywhere makes the name global in the module too (CPython's
       st_global): module-level code then stores it with STORE_GLOBAL */
    if ((flag & DEF_GLOBAL) && st->top && sc != st->top) st_sym_get(st->top, m)->flags |= DEF_GLOBAL;
    if (flag & DEF_PARAM) {
        if (sc->nparams == sc->paramcap) {
            sc->paramcap = sc->paramcap ? sc->paramcap * 2 : 8;
            sc->params = fe_realloc(sc->params, (size_t)sc->paramcap * sizeof(char *));
        }
        sc->params[sc->nparams++] = m;
    }
    if ((flag & (DEF_GLOBAL | DEF_NONLOCAL)) && !s->loc.lineno) s->loc = loc;
    if (sc->comp_iter_target) {
        if (s->flags & (DEF_GLOBAL | DEF_NONLOCAL))
            return st_error(st, loc, "comprehension inner loop cannot rebind assignment "
                            "expression target '%s'", name);
        s->flags |= DEF_COMP_ITER;
    }
    return 0;
}

static int st_add_def(SymTable *st, const char *name, uint32_t flag, Span loc) {
    return st_add_def_in(st, st->cur, name, flag, loc);
}

/* ---- scopes ------------------------------------------------------------- */
static StScope *st_enter(SymTable *st, StBlockKind kind, const char *name, const void *node, Span loc) {
    StScope *sc = arena_alloc(&st->arena, sizeof *sc);
    sc->kind = kind;
    sc->name = name;
    sc->node = node;
    sc->loc = loc;
    sc->parent = st->cur;
    sc->private_name = st->private_name;
    if (st->cur) {
        StScope *p = st->cur;
        if (p->is_nested || p->kind == ST_FUNCTION) sc->is_nested = 1;
        if (p->nchildren == p->childcap) {
            p->childcap = p->childcap ? p->childcap * 2 : 4;
            p->children = fe_realloc(p->children, (size_t)p->childcap * sizeof(StScope *));
        }
        p->children[p->nchildren++] = sc;
    }
    if (node) st_map_put(st, node, sc);
    st->cur = sc;
    return sc;
}

static void st_exit(SymTable *st) { st->cur = st->cur->parent; }

/* ---- pass 1: the visitor ------------------------------------------------ */
static int st_visit_expr(SymTable *st, Expr *e);
static int st_visit_stmt(SymTable *st, Stmt *s);

static int st_visit_exprs(SymTable *st, PtrVec *v) {
    for (int i = 0; i < v->len; i++)
        if (v->items[i] && st_visit_expr(st, v->items[i]) < 0) return -1;
    return 0;
}

static int st_visit_stmts(SymTable *st, PtrVec *v) {
    for (int i = 0; i < v->len; i++)
        if (st_visit_stmt(st, v->items[i]) < 0) return -1;
    return 0;
}

static int st_visit_opt(SymTable *st, Expr *e) { return e ? st_visit_expr(st, e) : 0; }

static int st_visit_keywords(SymTable *st, PtrVec *v) {
    for (int i = 0; i < v->len; i++)
        if (st_visit_expr(st, ((Keyword *)v->items[i])->value) < 0) return -1;
    return 0;
}

static int st_visit_params(SymTable *st, PtrVec *v) {
    for (int i = 0; i < v->len; i++) {
        Arg *a = v->items[i];
        if (st_add_def(st, a->name, DEF_PARAM, a->span) < 0) return -1;
    }
    return 0;
}

static int st_visit_arguments(SymTable *st, Arguments *a) {
    if (st_visit_params(st, &a->posonlyargs) < 0 || st_visit_params(st, &a->args) < 0 ||
        st_visit_params(st, &a->kwonlyargs) < 0) return -1;
    if (a->vararg && st_add_def(st, a->vararg->name, DEF_PARAM, a->vararg->span) < 0) return -1;
    if (a->kwarg && st_add_def(st, a->kwarg->name, DEF_PARAM, a->kwarg->span) < 0) return -1;
    return 0;
}

static int st_visit_arg_annotations(SymTable *st, PtrVec *v) {
    for (int i = 0; i < v->len; i++)
        if (st_visit_opt(st, ((Arg *)v->items[i])->annotation) < 0) return -1;
    return 0;
}

static int st_visit_annotations(SymTable *st, Arguments *a, Expr *returns) {
    if (st_visit_arg_annotations(st, &a->posonlyargs) < 0 ||
        st_visit_arg_annotations(st, &a->args) < 0 ||
        st_visit_arg_annotations(st, &a->kwonlyargs) < 0) return -1;
    if (a->vararg && st_visit_opt(st, a->vararg->annotation) < 0) return -1;
    if (a->kwarg && st_visit_opt(st, a->kwarg->annotation) < 0) return -1;
    return st_visit_opt(st, returns);
}

static int st_visit_defaults(SymTable *st, Arguments *a) {
    if (st_visit_exprs(st, &a->defaults) < 0) return -1;
    return st_visit_exprs(st, &a->kw_defaults);
}

static int st_visit_funcdef(SymTable *st, Stmt *s) {
    Arguments *a = s->u.funcdef.args;
    if (st_add_def(st, s->u.funcdef.name, DEF_LOCAL, s->span) < 0) return -1;
    if (st_visit_defaults(st, a) < 0) return -1;
    if (st_visit_annotations(st, a, s->u.funcdef.returns) < 0) return -1;
    if (st_visit_exprs(st, &s->u.funcdef.decorators) < 0) return -1;
    StScope *sc = st_enter(st, ST_FUNCTION, s->u.funcdef.name, s, s->span);
    sc->is_async = sc->is_coroutine = s->kind == S_ASYNCFUNCTIONDEF;
    if (st_visit_arguments(st, a) < 0 || st_visit_stmts(st, &s->u.funcdef.body) < 0) return -1;
    st_exit(st);
    return 0;
}

static int st_visit_classdef(SymTable *st, Stmt *s) {
    if (st_add_def(st, s->u.classdef.name, DEF_LOCAL, s->span) < 0) return -1;
    if (st_visit_exprs(st, &s->u.classdef.bases) < 0) return -1;
    if (st_visit_keywords(st, &s->u.classdef.keywords) < 0) return -1;
    if (st_visit_exprs(st, &s->u.classdef.decorators) < 0) return -1;
    const char *saved = st->private_name;
    st_enter(st, ST_CLASS, s->u.classdef.name, s, s->span);
    st->private_name = s->u.classdef.name;
    st->cur->private_name = s->u.classdef.name;
    int r = st_visit_stmts(st, &s->u.classdef.body);
    st->private_name = saved;
    if (r < 0) return -1;
    st_exit(st);
    return 0;
}

static int st_visit_annassign(SymTable *st, Stmt *s) {
    Expr *t = s->u.annassign.target;
    if (t->kind == E_NAME) {
        const char *m = st_mangle(&st->arena, st->private_name, t->u.name.id);
        StSym *cur = st_sym(st->cur, m);
        if (cur && (cur->flags & (DEF_GLOBAL | DEF_NONLOCAL)) && st->cur != st->top && s->u.annassign.simple)
            return st_error(st, s->span, (cur->flags & DEF_GLOBAL) ?
                            "annotated name '%s' can't be global" :
                            "annotated name '%s' can't be nonlocal", t->u.name.id);
        if (s->u.annassign.simple) {
            if (st_add_def(st, t->u.name.id, DEF_ANNOT | DEF_LOCAL, t->span) < 0) return -1;
            st->cur->has_annotations = 1;
        } else if (s->u.annassign.value &&
                   st_add_def(st, t->u.name.id, DEF_LOCAL, t->span) < 0) return -1;
    } else if (st_visit_expr(st, t) < 0) return -1;
    if (st_visit_expr(st, s->u.annassign.annotation) < 0) return -1;
    return st_visit_opt(st, s->u.annassign.value);
}

static int st_visit_import(SymTable *st, Stmt *s, PtrVec *names, int is_from) {
    for (int i = 0; i < names->len; i++) {
        Alias *al = names->items[i];
        if (strcmp(al->name, "*") == 0) {
            if (st->cur->kind != ST_MODULE)
                return st_error(st, al->span, "import * only allowed at module level");
            continue;
        }
        const char *store = al->asname;
        if (!store) {
            const char *dot = is_from ? NULL : strchr(al->name, '.');
            store = dot ? arena_strndup(&st->arena, al->name, (size_t)(dot - al->name)) : al->name;
        }
        if (st_add_def(st, store, DEF_IMPORT, al->span) < 0) return -1;
    }
    (void)s;
    return 0;
}

static int st_visit_global(SymTable *st, Stmt *s, int nonlocal) {
    PtrVec *v = &s->u.global.names;
    for (int i = 0; i < v->len; i++) {
        const char *name = v->items[i];
        const char *m = st_mangle(&st->arena, st->private_name, name);
        StSym *cur = st_sym(st->cur, m);
        uint32_t f = cur ? cur->flags : 0;
        if (f & (DEF_PARAM | DEF_LOCAL | DEF_USE | DEF_ANNOT)) {
            const char *what = nonlocal ? "nonlocal" : "global";
            if (f & DEF_PARAM) return st_error(st, s->span, "name '%s' is parameter and %s", name, what);
            if (f & DEF_USE) return st_error(st, s->span, "name '%s' is used prior to %s declaration", name, what);
            if (f & DEF_ANNOT) return st_error(st, s->span, "annotated name '%s' can't be %s", name, what);
            return st_error(st, s->span, "name '%s' is assigned to before %s declaration", name, what);
        }
        if (st_add_def(st, name, nonlocal ? DEF_NONLOCAL : DEF_GLOBAL, s->span) < 0) return -1;
    }
    return 0;
}

static int st_visit_try(SymTable *st, Stmt *s) {
    if (st_visit_stmts(st, &s->u.try_.body) < 0) return -1;
    for (int i = 0; i < s->u.try_.handlers.len; i++) {
        ExceptHandler *h = s->u.try_.handlers.items[i];
        if (st_visit_opt(st, h->type) < 0) return -1;
        if (h->name && st_add_def(st, h->name, DEF_LOCAL, h->span) < 0) return -1;
        if (st_visit_stmts(st, &h->body) < 0) return -1;
    }
    if (st_visit_stmts(st, &s->u.try_.orelse) < 0) return -1;
    return st_visit_stmts(st, &s->u.try_.finalbody);
}

static int st_visit_with(SymTable *st, Stmt *s) {
    for (int i = 0; i < s->u.with.items.len; i++) {
        WithItem *w = s->u.with.items.items[i];
        if (st_visit_expr(st, w->context_expr) < 0 || st_visit_opt(st, w->optional_vars) < 0)
            return -1;
    }
    return st_visit_stmts(st, &s->u.with.body);
}

/* Capture names are local bindings (CPython's symtable_visit_pattern). */
static int st_visit_pattern(SymTable *st, Pattern *p);
static int st_recursion_error(SymTable *st, Span loc);

static int st_visit_patterns(SymTable *st, PtrVec *v) {
    for (int i = 0; i < v->len; i++)
        if (st_visit_pattern(st, v->items[i]) < 0) return -1;
    return 0;
}

static int st_visit_pattern_inner(SymTable *st, Pattern *p) {
    switch (p->kind) {
    case P_VALUE: return st_visit_expr(st, p->u.value.value);
    case P_SINGLETON: return 0;
    case P_SEQUENCE: case P_OR: return st_visit_patterns(st, &p->u.seq.patterns);
    case P_STAR: return p->u.star.name ? st_add_def(st, p->u.star.name, DEF_LOCAL, p->span) : 0;
    case P_MAPPING:
        if (st_visit_exprs(st, &p->u.mapping.keys) < 0 || st_visit_patterns(st, &p->u.mapping.patterns) < 0)
            return -1;
        return p->u.mapping.rest ? st_add_def(st, p->u.mapping.rest, DEF_LOCAL, p->span) : 0;
    case P_CLASS:
        if (st_visit_expr(st, p->u.cls.cls) < 0 || st_visit_patterns(st, &p->u.cls.patterns) < 0) return -1;
        return st_visit_patterns(st, &p->u.cls.kwd_patterns);
    case P_AS:
        if (p->u.as.pattern && st_visit_pattern(st, p->u.as.pattern) < 0) return -1;
        return p->u.as.name ? st_add_def(st, p->u.as.name, DEF_LOCAL, p->span) : 0;
    }
    return 0;
}

static int st_visit_pattern(SymTable *st, Pattern *p) {
    if (++st->depth > st->limit || ts_c_stack_low()) return st_recursion_error(st, p->span);
    int r = st_visit_pattern_inner(st, p);
    st->depth--;
    return r;
}

static int st_visit_match(SymTable *st, Stmt *s) {
    if (st_visit_expr(st, s->u.match.subject) < 0) return -1;
    for (int i = 0; i < s->u.match.cases.len; i++) {
        MatchCase *m = s->u.match.cases.items[i];
        if (st_visit_pattern(st, m->pattern) < 0 || st_visit_opt(st, m->guard) < 0 ||
            st_visit_stmts(st, &m->body) < 0) return -1;
    }
    return 0;
}

/* `x += e` and `x = x + e` name x DEF_APPEND: the compiler may extend x in
 * place (runtime/append.h). */
static int st_note_append(SymTable *st, Stmt *s) {
    Expr *t, *left = NULL;
    if (s->kind == S_AUGASSIGN) {
        t = s->u.augassign.target;
        if (s->u.augassign.op != OP_ADD) return 0;
    } else {
        Expr *v = s->u.assign.value;
        if (s->u.assign.targets.len != 1 || v->kind != E_BINOP || v->u.binop.op != OP_ADD) return 0;
        t = s->u.assign.targets.items[0];
        left = v->u.binop.left;
        if (left->kind != E_NAME || t->kind != E_NAME || strcmp(left->u.name.id, t->u.name.id) != 0) return 0;
    }
    if (t->kind != E_NAME) return 0;
    return st_add_def(st, t->u.name.id, DEF_APPEND, t->span);
}

static int st_visit_stmt_inner(SymTable *st, Stmt *s) {
    switch (s->kind) {
    case S_FUNCTIONDEF: case S_ASYNCFUNCTIONDEF: return st_visit_funcdef(st, s);
    case S_CLASSDEF: return st_visit_classdef(st, s);
    case S_RETURN: return st_visit_opt(st, s->u.ret.value);
    case S_DELETE: return st_visit_exprs(st, &s->u.del.targets);
    case S_ASSIGN:
        if (st_visit_exprs(st, &s->u.assign.targets) < 0 || st_note_append(st, s) < 0) return -1;
        return st_visit_expr(st, s->u.assign.value);
    case S_AUGASSIGN:
        if (st_visit_expr(st, s->u.augassign.target) < 0 || st_note_append(st, s) < 0) return -1;
        return st_visit_expr(st, s->u.augassign.value);
    case S_ANNASSIGN: return st_visit_annassign(st, s);
    case S_FOR: case S_ASYNCFOR:
        if (st_visit_expr(st, s->u.for_.target) < 0 || st_visit_expr(st, s->u.for_.iter) < 0 ||
            st_visit_stmts(st, &s->u.for_.body) < 0) return -1;
        return st_visit_stmts(st, &s->u.for_.orelse);
    case S_WHILE: case S_IF:
        if (st_visit_expr(st, s->u.if_.test) < 0 || st_visit_stmts(st, &s->u.if_.body) < 0) return -1;
        return st_visit_stmts(st, &s->u.if_.orelse);
    case S_WITH: case S_ASYNCWITH: return st_visit_with(st, s);
    case S_MATCH: return st_visit_match(st, s);
    case S_RAISE:
        if (st_visit_opt(st, s->u.raise.exc) < 0) return -1;
        return st_visit_opt(st, s->u.raise.cause);
    case S_TRY: case S_TRYSTAR: return st_visit_try(st, s);
    case S_ASSERT:
        if (st_visit_expr(st, s->u.assert_.test) < 0) return -1;
        return st_visit_opt(st, s->u.assert_.msg);
    case S_IMPORT: return st_visit_import(st, s, &s->u.import.names, 0);
    case S_IMPORTFROM: return st_visit_import(st, s, &s->u.importfrom.names, 1);
    case S_GLOBAL: return st_visit_global(st, s, 0);
    case S_NONLOCAL:
        if (st->cur->kind == ST_MODULE)
            return st_error(st, s->span, "nonlocal declaration not allowed at module level");
        return st_visit_global(st, s, 1);
    case S_EXPR: return st_visit_expr(st, s->u.expr.value);
    case S_PASS: case S_BREAK: case S_CONTINUE: return 0;
    }
    return 0;
}

static int st_recursion_error(SymTable *st, Span loc) {
    if (st->failed) return -1;
    snprintf(st->err->msg, sizeof st->err->msg, "maximum recursion depth exceeded during compilation");
    st->err->is_recursion = 1;
    st->err->loc = loc;
    st->failed = 1;
    return -1;
}

static int st_visit_stmt(SymTable *st, Stmt *s) {
    if (++st->depth > st->limit || ts_c_stack_low()) return st_recursion_error(st, s->span);
    int r = st_visit_stmt_inner(st, s);
    st->depth--;
    return r;
}

/* A walrus inside a comprehension binds in the nearest enclosing function
 * (or module) scope: CPython's symtable_extend_namedexpr_scope. */
static int st_extend_namedexpr_scope(SymTable *st, Expr *target) {
    const char *name = target->u.name.id;
    for (StScope *sc = st->cur; sc; sc = sc->parent) {
        if (sc->comp) {
            StSym *s = st_sym(sc, st_mangle(&st->arena, st->private_name, name));
            if (s && (s->flags & DEF_COMP_ITER))
                return st_error(st, target->span, "assignment expression cannot rebind "
                                "comprehension iteration variable '%s'", name);
            continue;
        }
        if (sc->kind == ST_FUNCTION) {
            StSym *s = st_sym(sc, st_mangle(&st->arena, st->private_name, name));
            uint32_t f = (s && (s->flags & DEF_GLOBAL)) ? DEF_GLOBAL : DEF_NONLOCAL;
            if (st_add_def(st, name, f, target->span) < 0) return -1;
            return st_add_def_in(st, sc, name, DEF_LOCAL, target->span);
        }
        if (sc->kind == ST_MODULE) {
            if (st_add_def(st, name, DEF_GLOBAL, target->span) < 0) return -1;
            return st_add_def_in(st, sc, name, DEF_GLOBAL, target->span);
        }
        return st_error(st, target->span, "assignment expression within a comprehension "
                        "cannot be used in a class body");
    }
    return 0;
}

static int st_visit_namedexpr(SymTable *st, Expr *e) {
    if (st->cur->comp_iter_expr > 0)
        return st_error(st, e->span, "assignment expression cannot be used in a "
                        "comprehension iterable expression");
    if (st->cur->comp && st_extend_namedexpr_scope(st, e->u.namedexpr.target) < 0) return -1;
    if (st_visit_expr(st, e->u.namedexpr.value) < 0) return -1;
    return st_visit_expr(st, e->u.namedexpr.target);
}

static const char *const st_comp_names[] = { "", "<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>" };

static int st_visit_generator_rest(SymTable *st, Comprehension *g) {
    st->cur->comp_iter_target++;
    int r = st_visit_expr(st, g->target);
    st->cur->comp_iter_target--;
    if (r < 0) return -1;
    st->cur->comp_iter_expr++;
    r = st_visit_expr(st, g->iter);
    st->cur->comp_iter_expr--;
    if (r < 0) return -1;
    return st_visit_exprs(st, &g->ifs);
}

static int st_visit_comprehension(SymTable *st, Expr *e, StCompKind kind) {
    PtrVec *gens = &e->u.comp.generators;
    if (gens->len == 0) return 0;
    Comprehension *outer = gens->items[0];
    st->cur->comp_iter_expr++;
    int r = st_visit_expr(st, outer->iter);
    st->cur->comp_iter_expr--;
    if (r < 0) return -1;
    StScope *sc = st_enter(st, ST_FUNCTION, st_comp_names[kind], e, e->span);
    sc->comp = kind;
    if (kind == ST_COMP_GEN) sc->is_generator = 1;
    for (int i = 0; i < gens->len; i++)
        if (((Comprehension *)gens->items[i])->is_async) sc->is_coroutine = 1;
    if (st_add_def(st, ".0", DEF_PARAM, e->span) < 0) return -1;
    sc->comp_iter_target++;
    r = st_visit_expr(st, outer->target);
    sc->comp_iter_target--;
    if (r < 0 || st_visit_exprs(st, &outer->ifs) < 0) return -1;
    for (int i = 1; i < gens->len; i++)
        if (st_visit_generator_rest(st, gens->items[i]) < 0) return -1;
    if (kind == ST_COMP_DICT && st_visit_expr(st, e->u.comp.value) < 0) return -1;
    if (st_visit_expr(st, e->u.comp.elt) < 0) return -1;
    st_exit(st);
    /* an awaited comprehension makes its scope a coroutine too */
    if (sc->is_coroutine && kind != ST_COMP_GEN) st->cur->is_coroutine = 1;
    return 0;
}

static int st_visit_lambda(SymTable *st, Expr *e) {
    Arguments *a = e->u.lambda.args;
    if (st_visit_defaults(st, a) < 0) return -1;
    StScope *sc = st_enter(st, ST_FUNCTION, "<lambda>", e, e->span);
    sc->is_lambda = 1;
    if (st_visit_arguments(st, a) < 0 || st_visit_expr(st, e->u.lambda.body) < 0) return -1;
    st_exit(st);
    return 0;
}

static int st_visit_yield(SymTable *st, Expr *e) {
    if (st_visit_opt(st, e->u.yield.value) < 0) return -1;
    StScope *sc = st->cur;
    sc->is_generator = 1;
    if (sc->comp) {
        static const char *const what[] = { "", "list comprehension", "set comprehension",
                                            "dict comprehension", "generator expression" };
        return st_error(st, e->span, "'yield' inside %s", what[sc->comp]);   /* CPython says 'yield' for both */
    }
    return 0;
}

static int st_visit_name(SymTable *st, Expr *e) {
    int load = e->u.name.ctx == CTX_LOAD;
    if (st_add_def(st, e->u.name.id, load ? DEF_USE : DEF_LOCAL, e->span) < 0) return -1;
    if (load && st->cur->kind == ST_FUNCTION && strcmp(e->u.name.id, "super") == 0)
        return st_add_def(st, "__class__", DEF_USE, e->span);
    return 0;
}

static int st_visit_expr_inner(SymTable *st, Expr *e) {
    switch (e->kind) {
    case E_BOOLOP: return st_visit_exprs(st, &e->u.boolop.values);
    case E_NAMEDEXPR: return st_visit_namedexpr(st, e);
    case E_BINOP:
        if (st_visit_expr(st, e->u.binop.left) < 0) return -1;
        return st_visit_expr(st, e->u.binop.right);
    case E_UNARYOP: return st_visit_expr(st, e->u.unaryop.operand);
    case E_LAMBDA: return st_visit_lambda(st, e);
    case E_IFEXP:
        if (st_visit_expr(st, e->u.ifexp.test) < 0 || st_visit_expr(st, e->u.ifexp.body) < 0)
            return -1;
        return st_visit_expr(st, e->u.ifexp.orelse);
    case E_DICT:
        if (st_visit_exprs(st, &e->u.dict.keys) < 0) return -1;
        return st_visit_exprs(st, &e->u.dict.values);
    case E_SET: return st_visit_exprs(st, &e->u.set.elts);
    case E_LISTCOMP: return st_visit_comprehension(st, e, ST_COMP_LIST);
    case E_SETCOMP: return st_visit_comprehension(st, e, ST_COMP_SET);
    case E_DICTCOMP: return st_visit_comprehension(st, e, ST_COMP_DICT);
    case E_GENEXP: return st_visit_comprehension(st, e, ST_COMP_GEN);
    case E_AWAIT:
        st->cur->is_coroutine = 1;
        return st_visit_expr(st, e->u.await_.value);
    case E_YIELD: case E_YIELDFROM: return st_visit_yield(st, e);
    case E_COMPARE:
        if (st_visit_expr(st, e->u.compare.left) < 0) return -1;
        for (int i = 0; i < e->u.compare.n; i++)
            if (st_visit_expr(st, e->u.compare.comparators[i]) < 0) return -1;
        return 0;
    case E_CALL:
        if (st_visit_expr(st, e->u.call.func) < 0 || st_visit_exprs(st, &e->u.call.args) < 0)
            return -1;
        return st_visit_keywords(st, &e->u.call.keywords);
    case E_FORMATTEDVALUE:
        if (st_visit_expr(st, e->u.formatted.value) < 0) return -1;
        return st_visit_opt(st, e->u.formatted.format_spec);
    case E_JOINEDSTR: return st_visit_exprs(st, &e->u.joinedstr.values);
    case E_CONSTANT: return 0;
    case E_ATTRIBUTE: return st_visit_expr(st, e->u.attribute.value);
    case E_SUBSCRIPT:
        if (st_visit_expr(st, e->u.subscript.value) < 0) return -1;
        return st_visit_expr(st, e->u.subscript.slice);
    case E_STARRED: return st_visit_expr(st, e->u.starred.value);
    case E_NAME: return st_visit_name(st, e);
    case E_LIST: case E_TUPLE: return st_visit_exprs(st, &e->u.list.elts);
    case E_SLICE:
        if (st_visit_opt(st, e->u.slice.lower) < 0 || st_visit_opt(st, e->u.slice.upper) < 0)
            return -1;
        return st_visit_opt(st, e->u.slice.step);
    }
    return 0;
}

static int st_visit_expr(SymTable *st, Expr *e) {
    if (++st->depth > st->limit || ts_c_stack_low()) return st_recursion_error(st, e->span);
    int r = st_visit_expr_inner(st, e);
    st->depth--;
    return r;
}

/* ---- pass 2: analysis --------------------------------------------------- */
static int st_analyze_name(SymTable *st, StScope *sc, StSym *s, StSet *bound, StSet *local,
                           StSet *free, StSet *global) {
    uint32_t f = s->flags;
    if (f & DEF_GLOBAL) {
        if (f & DEF_NONLOCAL)
            return st_error(st, s->loc, "name '%s' is nonlocal and global", s->name);
        s->scope = SC_GLOBAL_EXPLICIT;
        st_set_add(global, s->name);
        if (bound) st_set_discard(bound, s->name);
        return 0;
    }
    if (f & DEF_NONLOCAL) {
        if (!bound)
            return st_error(st, s->loc, "nonlocal declaration not allowed at module level");
        if (!st_set_has(bound, s->name))
            return st_error(st, s->loc, "no binding for nonlocal '%s' found", s->name);
        s->scope = SC_FREE;
        sc->has_free = 1;
        st_set_add(free, s->name);
        return 0;
    }
    if (f & DEF_BOUND) {
        s->scope = SC_LOCAL;
        st_set_add(local, s->name);
        st_set_discard(global, s->name);
        return 0;
    }
    if (bound && st_set_has(bound, s->name)) {
        s->scope = SC_FREE;
        sc->has_free = 1;
        st_set_add(free, s->name);
        return 0;
    }
    if (sc->is_nested && !(global && st_set_has(global, s->name))) sc->has_free = 1;
    s->scope = SC_GLOBAL_IMPLICIT;
    return 0;
}

static void st_update_symbols(StScope *sc, StSet *bound, StSet *newfree) {
    for (int i = 0; i < newfree->cap; i++) {
        const char *name = newfree->keys[i];
        if (!name) continue;
        StSym *s = st_sym(sc, name);
        if (s) {
            if (sc->kind == ST_CLASS && (s->flags & (DEF_BOUND | DEF_GLOBAL)))
                s->flags |= DEF_FREE_CLASS;
            continue;
        }
        if (bound && !st_set_has(bound, name)) continue;
        st_sym_get(sc, name)->scope = SC_FREE;
    }
}

static int st_analyze_block(SymTable *st, StScope *sc, StSet *bound, StSet *free, StSet *global);

static int st_analyze_children(SymTable *st, StScope *sc, StSet *newbound, StSet *newfree,
                               StSet *newglobal, StSet *allfree) {
    for (int i = 0; i < sc->nchildren; i++) {
        StScope *ch = sc->children[i];
        StSet tb = st_set_copy(newbound), tf = st_set_copy(newfree), tg = st_set_copy(newglobal);
        int r = st_analyze_block(st, ch, &tb, &tf, &tg);
        if (r == 0) st_set_update(allfree, &tf);
        st_set_free(&tb); st_set_free(&tf); st_set_free(&tg);
        if (r < 0) return -1;
        if (ch->has_free || ch->child_free) sc->child_free = 1;
    }
    return 0;
}

static void st_analyze_cells(StScope *sc, StSet *newfree) {
    for (int i = 0; i < sc->nsyms; i++) {
        StSym *s = &sc->syms[i];
        if (s->scope != SC_LOCAL || !st_set_has(newfree, s->name)) continue;
        s->scope = SC_CELL;
        st_set_discard(newfree, s->name);
    }
}

static int st_analyze_block(SymTable *st, StScope *sc, StSet *bound, StSet *free, StSet *global) {
    StSet local = {0}, newbound = {0}, newglobal = {0}, newfree = {0}, allfree = {0};
    int r = -1;
    if (sc->kind == ST_CLASS) {
        st_set_update(&newglobal, global);
        if (bound) st_set_update(&newbound, bound);
    }
    for (int i = 0; i < sc->nsyms; i++)
        if (st_analyze_name(st, sc, &sc->syms[i], bound, &local, free, global) < 0) goto done;
    if (sc->kind != ST_CLASS) {
        if (sc->kind == ST_FUNCTION) st_set_update(&newbound, &local);
        if (bound) st_set_update(&newbound, bound);
        st_set_update(&newglobal, global);
    } else {
        st_set_add(&newbound, "__class__");
    }
    if (st_analyze_children(st, sc, &newbound, &newfree, &newglobal, &allfree) < 0) goto done;
    st_set_update(&newfree, &allfree);
    if (sc->kind == ST_FUNCTION) st_analyze_cells(sc, &newfree);
    else if (sc->kind == ST_CLASS && st_set_has(&newfree, "__class__")) {
        st_set_discard(&newfree, "__class__");
        sc->needs_class_closure = 1;
    }
    st_update_symbols(sc, bound, &newfree);
    st_set_update(free, &newfree);
    r = 0;
done:
    st_set_free(&local); st_set_free(&newbound); st_set_free(&newglobal);
    st_set_free(&newfree); st_set_free(&allfree);
    return r;
}

/* ---- entry points ------------------------------------------------------- */
static void st_free_scope(StScope *sc) {
    for (int i = 0; i < sc->nchildren; i++) st_free_scope(sc->children[i]);
    free(sc->children);
    free(sc->syms);
    free(sc->hidx);
    free(sc->params);
}

void st_free(SymTable *st) {
    if (!st) return;
    if (st->top) st_free_scope(st->top);
    free(st->mkeys);
    free(st->mvals);
    arena_free(&st->arena);
    free(st);
}

SymTable *st_build(Module *mod, ParseMode mode, StError *err) {
    SymTable *st = fe_calloc(1, sizeof *st);
    arena_init(&st->arena);
    st->err = err;
    int lim = interp.recursion_limit, used = ts_get() ? ts_get()->recursion_depth : 0;
    st->limit = lim < INT_MAX / ST_STACK_FRAME_SCALE ? lim * ST_STACK_FRAME_SCALE : lim;
    st->depth = used < INT_MAX / ST_STACK_FRAME_SCALE ? used * ST_STACK_FRAME_SCALE : used;
    Span none = {0, 0, 0, 0};
    st->top = st_enter(st, ST_MODULE, "top", mod, none);
    int r = mode == PARSE_EVAL ? st_visit_opt(st, mod->expr) : st_visit_stmts(st, &mod->body);
    if (r == 0) {
        StSet free = {0}, global = {0};
        st->cur = st->top;
        r = st_analyze_block(st, st->top, NULL, &free, &global);
        st_set_free(&free);
        st_set_free(&global);
    }
    if (r < 0) {
        st_free(st);
        return NULL;
    }
    return st;
}
