/* ast.h - the abstract syntax tree the parser builds and the compiler reads.
 *
 * The tree mirrors CPython 3.11's `ast` module (same node kinds, same field
 * meanings) so that Python's documentation of `ast` describes it.  It is plain
 * C data, allocated in one Arena per parse and freed in one go: the runtime's
 * objects and GC never see it.  Literals are kept as raw data (digits, UTF-8
 * bytes, doubles); the compiler turns them into runtime values.
 *
 * Every node carries its source span (1-based lines, 0-based columns counted
 * in UTF-8 bytes, end exclusive) for tracebacks and SyntaxError carets.
 */
#ifndef GILPY_AST_H
#define GILPY_AST_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

/* ---- arena -------------------------------------------------------------- */
/* Running out of memory in the front end.  The lexer, parser, symtable and
 * compiler allocate through the arena and fe_malloc/fe_calloc/fe_realloc,
 * which never return NULL: a failure jumps back to the innermost FeGuard
 * (compile_source, compile_module, the REPL's parse), which frees what it
 * owns and raises MemoryError.  Whatever else the interrupted pass had
 * malloc'd is leaked: a small price, paid only once malloc has failed.
 * Outside every guard a failure aborts.  Use:
 *     FeGuard g;
 *     fe_guard_push(&g);
 *     if (setjmp(g.jb) == 0) r = work(); else r = err_no_memory();
 *     fe_guard_pop(&g);
 */
typedef struct FeGuard {
    jmp_buf jb;
    struct FeGuard *prev;
    size_t roots;                   /* gc_temp_roots_depth() at the push */
} FeGuard;
void  fe_guard_push(FeGuard *g);
void  fe_guard_pop(FeGuard *g);
void *fe_malloc(size_t n);
void *fe_calloc(size_t n, size_t size);
void *fe_realloc(void *p, size_t n);

typedef struct ArenaBlock ArenaBlock;
typedef struct Arena { ArenaBlock *head; } Arena;

void  arena_init(Arena *a);
void *arena_alloc(Arena *a, size_t size);        /* zeroed, 16-aligned */
char *arena_strndup(Arena *a, const char *s, size_t n); /* NUL-terminated */
void  arena_free(Arena *a);

/* A growable array of pointers living in an arena. */
typedef struct { void **items; int len, cap; } PtrVec;
void ptrvec_push(Arena *a, PtrVec *v, void *item);

typedef struct Expr Expr;
typedef struct Stmt Stmt;

/* Source span shared by every node. */
typedef struct { int lineno, col, end_lineno, end_col; } Span;

/* ---- operators ---------------------------------------------------------- */
#include "../runtime/ops.h"

typedef enum { BOOL_AND, BOOL_OR } BoolOpKind;
/* Load/Store/Del context of Name, Attribute, Subscript, Starred, List, Tuple. */
typedef enum { CTX_LOAD, CTX_STORE, CTX_DEL } ExprCtx;

/* ---- expressions -------------------------------------------------------- */
typedef enum {
    E_BOOLOP, E_NAMEDEXPR, E_BINOP, E_UNARYOP, E_LAMBDA, E_IFEXP, E_DICT, E_SET,
    E_LISTCOMP, E_SETCOMP, E_DICTCOMP, E_GENEXP, E_AWAIT, E_YIELD, E_YIELDFROM,
    E_COMPARE, E_CALL, E_FORMATTEDVALUE, E_JOINEDSTR, E_CONSTANT, E_ATTRIBUTE,
    E_SUBSCRIPT, E_STARRED, E_NAME, E_LIST, E_TUPLE, E_SLICE
} ExprKind;

typedef enum {
    CONST_NONE, CONST_TRUE, CONST_FALSE, CONST_ELLIPSIS,
    CONST_INT,      /* s.data: the digits without '_' or prefix, s.len; base in int_base */
    CONST_FLOAT,    /* f */
    CONST_IMAG,     /* f: the imaginary part of `1.5j` */
    CONST_STR,      /* s: UTF-8 after escape processing (may contain NUL) */
    CONST_BYTES,    /* s: raw bytes after escape processing */
    CONST_OBJECT    /* obj: a tuple or frozenset from an ast.Constant (compile() of a tree);
                       the tree object the caller passed keeps it alive */
} ConstKind;

typedef struct { const char *data; size_t len; } AstBytes;

/* One `for ... in ... if ...` clause of a comprehension. */
typedef struct {
    Expr *target, *iter;
    PtrVec ifs;          /* Expr* */
    int is_async;
} Comprehension;

/* One argument of a def or lambda. */
typedef struct { const char *name; Expr *annotation; Span span; } Arg;

typedef struct {
    PtrVec posonlyargs;  /* Arg* : before `/` */
    PtrVec args;         /* Arg* : ordinary positional-or-keyword */
    Arg   *vararg;       /* *args or NULL */
    PtrVec kwonlyargs;   /* Arg* : after `*` or `*args` */
    PtrVec kw_defaults;  /* Expr* or NULL, one per kwonlyarg */
    Arg   *kwarg;        /* **kwargs or NULL */
    PtrVec defaults;     /* Expr* : defaults of the LAST len(defaults) of posonly+args */
} Arguments;

/* name=value in a call or a class header; name==NULL means **value. */
typedef struct { const char *name; Expr *value; Span span; } Keyword;

struct Expr {
    ExprKind kind;
    Span span;
    union {
        struct { BoolOpKind op; PtrVec values; } boolop;            /* Expr* */
        struct { Expr *target, *value; } namedexpr;                 /* target is E_NAME */
        struct { Expr *left; BinOpKind op; Expr *right; } binop;
        struct { UnaryOpKind op; Expr *operand; } unaryop;
        struct { Arguments *args; Expr *body; } lambda;
        struct { Expr *test, *body, *orelse; } ifexp;
        struct { PtrVec keys, values; } dict;      /* key NULL means `**value` */
        struct { PtrVec elts; } set;
        struct { Expr *elt; Expr *value; PtrVec generators; } comp;
            /* LISTCOMP/SETCOMP/GENEXP use elt; DICTCOMP uses elt as key and value.
               generators: Comprehension* */
        struct { Expr *value; } await_;
        struct { Expr *value; } yield;             /* YIELD (value may be NULL), YIELDFROM */
        struct { Expr *left; int n; CmpOpKind *ops; Expr **comparators; } compare;
        struct { Expr *func; PtrVec args; PtrVec keywords; } call;
            /* args: Expr* (E_STARRED for *x); keywords: Keyword* */
        struct { Expr *value; int conversion; Expr *format_spec; } formatted;
            /* conversion: -1 none, 's', 'r', 'a'; format_spec: E_JOINEDSTR or NULL */
        struct { PtrVec values; } joinedstr;       /* E_CONSTANT str and E_FORMATTEDVALUE */
        struct { ConstKind kind; AstBytes s; double f; int int_base;
                 int u_prefix; uint64_t obj; } constant;
            /* u_prefix: written u'...' (ast kind='u'); obj: a Value, for CONST_OBJECT */
        struct { Expr *value; const char *attr; ExprCtx ctx; } attribute;
        struct { Expr *value; Expr *slice; ExprCtx ctx; } subscript;
        struct { Expr *value; ExprCtx ctx; } starred;
        struct { const char *id; ExprCtx ctx; } name;
        struct { PtrVec elts; ExprCtx ctx; } list;  /* E_LIST and E_TUPLE */
        struct { Expr *lower, *upper, *step; } slice; /* each may be NULL */
    } u;
};

/* ---- patterns (match statements) ---------------------------------------- */
/* CPython's pattern nodes.  A capture `x` is MatchAs(NULL, "x"), the
 * wildcard `_` MatchAs(NULL, NULL), `*_` MatchStar(NULL); a group `(p)` is
 * just p.  Literal values keep their expression (-1 is a UnaryOp, 1+2j a
 * BinOp, as the parser makes them; the compiler folds them). */
typedef struct Pattern Pattern;

typedef enum {
    P_VALUE, P_SINGLETON, P_SEQUENCE, P_MAPPING, P_CLASS, P_STAR, P_AS, P_OR
} PatternKind;

struct Pattern {
    PatternKind kind;
    Span span;
    union {
        struct { Expr *value; } value;             /* a literal or a dotted name */
        struct { ConstKind value; } singleton;     /* CONST_NONE, CONST_TRUE, CONST_FALSE */
        struct { PtrVec patterns; } seq;           /* Pattern*: P_SEQUENCE and P_OR */
        struct { PtrVec keys, patterns; const char *rest; } mapping;
            /* keys: Expr* (literals, dotted names); rest: `**rest` or NULL */
        struct { Expr *cls; PtrVec patterns, kwd_attrs, kwd_patterns; } cls;
            /* kwd_attrs: const char*, one per kwd_pattern */
        struct { const char *name; } star;         /* NULL for *_ */
        struct { Pattern *pattern; const char *name; } as;   /* either may be NULL */
    } u;
};

/* `case pattern [if guard]: body` */
typedef struct { Pattern *pattern; Expr *guard; PtrVec body; } MatchCase;

/* ---- statements --------------------------------------------------------- */
typedef enum {
    S_FUNCTIONDEF, S_ASYNCFUNCTIONDEF, S_CLASSDEF, S_RETURN, S_DELETE, S_ASSIGN,
    S_AUGASSIGN, S_ANNASSIGN, S_FOR, S_ASYNCFOR, S_WHILE, S_IF, S_WITH, S_ASYNCWITH,
    S_MATCH, S_RAISE, S_TRY, S_TRYSTAR, S_ASSERT, S_IMPORT, S_IMPORTFROM, S_GLOBAL,
    S_NONLOCAL, S_EXPR, S_PASS, S_BREAK, S_CONTINUE
} StmtKind;

typedef struct { const char *name; const char *asname; Span span; } Alias;
    /* name may be dotted ("os.path"); `from x import *` has name "*" */

typedef struct { Expr *context_expr; Expr *optional_vars; } WithItem;

typedef struct {
    Expr *type;          /* NULL for a bare `except:` */
    const char *name;    /* `as name` or NULL */
    PtrVec body;         /* Stmt* */
    Span span;
} ExceptHandler;

struct Stmt {
    StmtKind kind;
    Span span;
    union {
        struct { const char *name; Arguments *args; PtrVec body; PtrVec decorators;
                 Expr *returns; } funcdef;                     /* also ASYNCFUNCTIONDEF */
        struct { const char *name; PtrVec bases; PtrVec keywords; PtrVec body;
                 PtrVec decorators; } classdef;                /* keywords: Keyword* */
        struct { Expr *value; } ret;                           /* value may be NULL */
        struct { PtrVec targets; } del;
        struct { PtrVec targets; Expr *value; } assign;        /* a = b = value */
        struct { Expr *target; BinOpKind op; Expr *value; } augassign;
        struct { Expr *target; Expr *annotation; Expr *value; int simple; } annassign;
        struct { Expr *target, *iter; PtrVec body, orelse; } for_;   /* also ASYNCFOR */
        struct { Expr *test; PtrVec body, orelse; } while_;
        struct { Expr *test; PtrVec body, orelse; } if_;       /* elif is a nested If in orelse */
        struct { PtrVec items; PtrVec body; } with;            /* items: WithItem* */
        struct { Expr *subject; PtrVec cases; } match;         /* cases: MatchCase* */
        struct { Expr *exc, *cause; } raise;                   /* both may be NULL */
        struct { PtrVec body; PtrVec handlers; PtrVec orelse; PtrVec finalbody; } try_;
            /* handlers: ExceptHandler* */
        struct { Expr *test, *msg; } assert_;
        struct { PtrVec names; } import;                       /* Alias* */
        struct { const char *module; PtrVec names; int level; } importfrom;
            /* module NULL for `from . import x` */
        struct { PtrVec names; } global;                       /* const char*; also NONLOCAL */
        struct { Expr *value; } expr;
    } u;
};

/* The noun CPython uses for an expression in error messages ("function call",
 * "literal", "named expression", ...). */
const char *ast_expr_name(const Expr *e);

/* ---- parse entry point -------------------------------------------------- */
typedef enum {
    PARSE_FILE,     /* a module: statements until end of input */
    PARSE_EVAL,     /* one expression (eval()) */
    PARSE_SINGLE    /* one interactive statement (the REPL) */
} ParseMode;

typedef struct {
    PtrVec body;          /* Stmt* (PARSE_FILE, PARSE_SINGLE) */
    Expr  *expr;          /* PARSE_EVAL */
} Module;

/* A warning the parse owes, issued by the compiler through warnings.warn_explicit
 * in source order: the tokenizer's SyntaxWarning "invalid decimal literal"
 * (`1if x else y`), the DeprecationWarning "invalid escape sequence '\d'".
 * If a filter turns it into an error, that is a SyntaxError with the message
 * at lineno/col..end_lineno/end_col (tok_chars as in ParseError). */
typedef struct {
    const char *category;   /* "SyntaxWarning" or "DeprecationWarning" */
    char msg[64];
    int lineno, col, end_lineno, end_col;
    int tok_chars;
} ParseWarning;

/* What went wrong, in CPython's words.  kind is "SyntaxError",
 * "IndentationError" or "TabError".  lineno/col locate the caret (col 0-based,
 * in UTF-8 bytes); end_* the end of the underlined range (end_col exclusive,
 * 0 when unknown).  text is the offending source line without its newline
 * (NULL when there is none, e.g. at end of input). */
typedef struct {
    const char *kind;
    char msg[256];
    int lineno, col, end_lineno, end_col;
    const char *text;
    int incomplete;       /* input ended inside an open construct (the REPL
                             then asks for a continuation line) */
    int tok_chars;        /* a tokenizer error: offsets count characters even
                             in undeclared bytes (see COMPILE_BYTE_OFFSETS) */
    int from_tokenizer;   /* the tokenizer's error: CPython made no second
                             pass (which repeats the parser's warnings) */
    PtrVec warnings;      /* ParseWarning*, in the parse's arena; also after a
                             successful parse */
} ParseError;

/* Parse src[0..len) into a tree allocated in `arena`.  Returns NULL and fills
 * *err on a syntax error.  Never crashes, whatever the bytes. */
Module *parse_source(Arena *arena, const char *src, size_t len, ParseMode mode,
                     ParseError *err);

#endif
