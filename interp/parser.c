/* parser.c - Python 3.11 grammar -> AST (ast.h).
 *
 * Approach.  The lexer first turns the whole source into a token array;
 * this file is a hand-written recursive-descent parser over that array, one
 * function per grammar rule of CPython's Grammar/python.gram (same names
 * where possible: parse_disjunction, parse_star_targets, ...).  Lookahead is
 * bounded (at most two tokens, plus one cheap position reset for the
 * parenthesised `with` form), so parsing is linear.
 *
 * Assignment targets are parsed as expressions and then checked and given
 * their Store/Del context (set_ctx), which is how CPython's error messages
 * ("cannot assign to function call here...") are produced too.
 *
 * Errors.  The first error wins and every parse function returns NULL
 * after it.  An error is either specific (a message at a node, as CPython's
 * invalid_* rules raise) or generic ("invalid syntax" at the furthest token
 * the parser looked at, which is where CPython reports it).  parse_finish
 * then ranks it against the tokenizer's error the way CPython does:
 * tokenizer errors for bad literals/characters/brackets win everywhere,
 * indentation and EOF errors only if the parser got that far.
 *
 * Strings: adjacent literals are decoded and joined here; f-strings are
 * split into literal text and {expressions}, and each expression is lexed
 * and parsed by a child Parser over the same source bytes, so its nodes get
 * their true positions.
 *
 * Depth: every recursive rule passes through enter(), which counts the
 * nesting in units of CPython's PEG parser levels and fails the way that
 * parser does past its MAXSTACK (6000): with MemoryError.  The costs are
 * pegen's, measured: a unary operator, `not` or `x if c else` is one level,
 * `lambda:` or `**` two, a bracket with the expression inside about 29, a
 * call or subscript 24.  So `-` * 6000 + `1` and `[-` * 200 fail where
 * CPython's parser does, and brackets alone hit the tokenizer's limit of 200
 * first ("too many nested parentheses", lexer.c).  enter() also checks the
 * C stack itself.  There is no global state.
 */
#include "parser.h"
#include "lexer.h"
#include "../runtime/state.h"
#include "../runtime/obj_str.h"
#include "../runtime/unicode_names.h"
#include "../runtime/unicode_db.h"
#include "../runtime/unicode_norm.h"
#include "../runtime/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEPTH_LIMIT 5976    /* pegen's MAXSTACK less the levels above the first
                               expression; units: see the top comment */
#define COST_EXPR    1      /* expression, and each unary op, `not`, `else` */
#define COST_BRACKET 28     /* [ { with the expression inside: 29 in pegen */
#define COST_TRAILER 23     /* a call or subscript with its expression: 24 */
#define COST_STMT    7      /* a statement: 6 to 8 in pegen */

typedef struct Parser {
    Arena *arena;
    const char *src;
    size_t len;
    Token *toks;
    int ntoks, pos, maxpos;
    int depth;
    int failed;             /* an error happened; unwind */
    int specific;           /* ... and it has its message in *err */
    int brackets;           /* enclosing (, [, { while parsing */
    int fdepth;             /* f-string nesting (format specs count) */
    int fstring_child;      /* this parser reads an f-string expression */
    int call_arg;           /* parsing a call argument: `x=` is a keyword */
    Expr *bare_tuple;       /* last tuple made without parentheses */
    int match_line;         /* a `match <expr>` line was read as an ordinary
                               statement (see parse_match) */
    ParseError *err;
} Parser;

/* ---- tokens ---------------------------------------------------------------- */

static Token *tk(Parser *p) {
    if (p->pos > p->maxpos) p->maxpos = p->pos;
    return &p->toks[p->pos];
}

static Token *tk_ahead(Parser *p, int n) {
    int i = p->pos + n;
    if (i >= p->ntoks) i = p->ntoks - 1;
    if (i > p->maxpos) p->maxpos = i;
    return &p->toks[i];
}

static int at(Parser *p, int kind) { return tk(p)->kind == kind; }
static int at_kw(Parser *p, int kw) { Token *t = tk(p); return t->kind == T_NAME && t->kw == kw; }
static int is_name(const Token *t) { return t->kind == T_NAME && t->kw == 0; }

static Token *advance(Parser *p) {
    Token *t = tk(p);
    if (t->kind != T_ENDMARKER && t->kind != T_ERROR) p->pos++;
    return t;
}

static Token *accept(Parser *p, int kind) { return at(p, kind) ? advance(p) : NULL; }
static Token *accept_kw(Parser *p, int kw) { return at_kw(p, kw) ? advance(p) : NULL; }
static Token *prev(Parser *p) { return &p->toks[p->pos > 0 ? p->pos - 1 : 0]; }

static int tok_is(const Token *t, const char *src, const char *s) {
    size_t n = strlen(s);
    return t->end - t->start == n && memcmp(src + t->start, s, n) == 0;
}

/* ---- spans and nodes ------------------------------------------------------- */

static Span sp_tok(const Token *t) {
    Span s = {t->lineno, t->col, t->end_lineno, t->end_col};
    return s;
}
static Span sp_join(Span a, Span b) {
    Span s = {a.lineno, a.col, b.end_lineno, b.end_col};
    return s;
}
/* An error at token t: CPython's DEDENT and ENDMARKER have no end (end_offset -1). */
static Span sp_err_tok(const Token *t) {
    Span s = sp_tok(t);
    if (t->kind == T_DEDENT || t->kind == T_ENDMARKER) {
        s.end_lineno = s.lineno;
        s.end_col = -2;
    }
    return s;
}
/* From token `start` to the last consumed token. */
static Span sp_from(Parser *p, const Token *start) { return sp_join(sp_tok(start), sp_tok(prev(p))); }

static Expr *new_expr(Parser *p, ExprKind kind, Span sp) {
    Expr *e = arena_alloc(p->arena, sizeof *e);
    e->kind = kind;
    e->span = sp;
    return e;
}

static Stmt *new_stmt(Parser *p, StmtKind kind, Span sp) {
    Stmt *s = arena_alloc(p->arena, sizeof *s);
    s->kind = kind;
    s->span = sp;
    return s;
}

/* A token's text; a non-ASCII name in NFKC form (PEP 3131), as CPython's
 * parser makes identifiers. */
static const char *tok_str(Parser *p, const Token *t) {
    const char *s = p->src + t->start;
    size_t n = t->end - t->start;
    if (t->kind == T_NAME) {
        for (size_t i = 0; i < n; i++) {
            if ((unsigned char)s[i] < 0x80) continue;
            Value v = str_new_checked(s, n);
            Value k = IS_NULL(v) ? VAL_NULL : unicode_nfkc(v);
            if (IS_NULL(k)) { err_clear(); break; }
            return arena_strndup(p->arena, STR_DATA(k), (size_t)STR_LEN(k));
        }
    }
    return arena_strndup(p->arena, s, n);
}

static Expr *new_name(Parser *p, const Token *t, ExprCtx ctx) {
    Expr *e = new_expr(p, E_NAME, sp_tok(t));
    e->u.name.id = tok_str(p, t);
    e->u.name.ctx = ctx;
    return e;
}

static Expr *new_const(Parser *p, ConstKind k, Span sp) {
    Expr *e = new_expr(p, E_CONSTANT, sp);
    e->u.constant.kind = k;
    return e;
}

/* ---- errors ---------------------------------------------------------------- */

static void *fail(Parser *p) {
    p->failed = 1;
    return NULL;
}

static void *fail_v(Parser *p, const char *kind, Span sp, const char *fmt, va_list ap) {
    if (p->failed) return NULL;
    p->failed = p->specific = 1;
    p->err->kind = kind;
    vsnprintf(p->err->msg, sizeof p->err->msg, fmt, ap);
    p->err->lineno = sp.lineno;
    p->err->col = sp.col;
    p->err->end_lineno = sp.end_lineno;
    p->err->end_col = sp.end_col;
    return NULL;
}

static void *fail_v_c(Parser *p, const char *kind, Span sp, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fail_v(p, kind, sp, fmt, ap);
    va_end(ap);
    return NULL;
}

static void *fail_at(Parser *p, Span sp, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fail_v(p, "SyntaxError", sp, fmt, ap);
    va_end(ap);
    return NULL;
}

static void *fail_indent(Parser *p, Span sp, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fail_v(p, "IndentationError", sp, fmt, ap);
    va_end(ap);
    return NULL;
}

static int expect(Parser *p, int kind) {
    if (accept(p, kind)) return 1;
    fail(p);
    return 0;
}

/* ':' of a compound statement.  CPython says "expected ':'" for a forced
 * colon (def, try, else, finally) anywhere, for the others only when the
 * line ends where the colon should be. */
static int expect_colon_f(Parser *p, int forced) {
    if (accept(p, T_COLON)) return 1;
    if (forced || at(p, T_NEWLINE)) fail_at(p, sp_tok(tk(p)), "expected ':'");
    else fail(p);
    return 0;
}
static int expect_colon(Parser *p) { return expect_colon_f(p, 0); }
static int expect_forced_colon(Parser *p) { return expect_colon_f(p, 1); }

/* Recursion guard: see the top comment. */
static int enter(Parser *p, int cost) {
    p->depth += cost;
    if (p->depth > DEPTH_LIMIT || ts_c_stack_low()) {
        fail_v_c(p, "MemoryError", sp_tok(tk(p)), "");
        return 0;
    }
    return 1;
}
static void leave(Parser *p, int cost) { p->depth -= cost; }


/* ---- targets --------------------------------------------------------------- */

enum { TGT_STAR, TGT_DEL, TGT_FOR };

/* The first sub-expression of e that cannot be a target, or NULL. */
static Expr *invalid_target(Expr *e, int type) {
    int i;
    switch (e->kind) {
    case E_LIST: case E_TUPLE:
        for (i = 0; i < e->u.list.elts.len; i++) {
            Expr *r = invalid_target(e->u.list.elts.items[i], type);
            if (r) return r;
        }
        return NULL;
    case E_STARRED:
        return type == TGT_DEL ? e : invalid_target(e->u.starred.value, type);
    case E_COMPARE:
        if (type == TGT_FOR && e->u.compare.ops[0] == CMP_IN)
            return invalid_target(e->u.compare.left, type);
        return e;
    case E_NAME: case E_SUBSCRIPT: case E_ATTRIBUTE:
        return NULL;
    default:
        return e;
    }
}

static void set_ctx(Expr *e, ExprCtx ctx) {
    int i;
    switch (e->kind) {
    case E_NAME: e->u.name.ctx = ctx; break;
    case E_ATTRIBUTE: e->u.attribute.ctx = ctx; break;
    case E_SUBSCRIPT: e->u.subscript.ctx = ctx; break;
    case E_STARRED: e->u.starred.ctx = ctx; set_ctx(e->u.starred.value, ctx); break;
    case E_LIST: case E_TUPLE:
        e->u.list.ctx = ctx;
        for (i = 0; i < e->u.list.elts.len; i++) set_ctx(e->u.list.elts.items[i], ctx);
        break;
    default: break;
    }
}

/* Check e as a target and give it ctx; NULL after an error. */
static Expr *as_target(Parser *p, Expr *e, int type) {
    Expr *bad = invalid_target(e, type);
    if (bad) {
        return fail_at(p, bad->span, type == TGT_DEL ? "cannot delete %s" : "cannot assign to %s",
                       ast_expr_name(bad));
    }
    set_ctx(e, type == TGT_DEL ? CTX_DEL : CTX_STORE);
    return e;
}

/* ---- forward declarations -------------------------------------------------- */

static Expr *parse_expression(Parser *p);
static Expr *parse_named_expression(Parser *p);
static Expr *parse_star_expressions(Parser *p);
static Expr *parse_star_named_expression(Parser *p);
static Expr *parse_bitwise_or(Parser *p);
static Expr *parse_disjunction(Parser *p);
static Expr *parse_factor(Parser *p);
static Expr *parse_primary(Parser *p);
static Expr *parse_yield_expr(Parser *p);
static Expr *parse_strings(Parser *p);
static Arguments *parse_params(Parser *p, int lambda);
static PtrVec parse_block(Parser *p, const char *what, int line);
static Stmt *parse_statement(Parser *p, PtrVec *out);
static Expr *parse_star_targets(Parser *p);
static int is_bitwise_or_level(const Expr *e, int bare);

/* Can token t begin an expression? */
static int starts_expr(const Token *t) {
    switch (t->kind) {
    case T_NAME:
        return t->kw == 0 || t->kw == K_TRUE || t->kw == K_FALSE || t->kw == K_NONE ||
               t->kw == K_NOT || t->kw == K_LAMBDA || t->kw == K_AWAIT;
    case T_NUMBER: case T_STRING: case T_LPAR: case T_LSQB: case T_LBRACE:
    case T_MINUS: case T_PLUS: case T_TILDE: case T_ELLIPSIS:
        return 1;
    default:
        return 0;
    }
}

/* Inside brackets, `a b` is "invalid syntax. Perhaps you forgot a comma?". */
static void check_missing_comma(Parser *p, Expr *a, const Token *astart) {
    Token *t = tk(p);
    Expr *b;
    int save = p->pos;
    if (p->failed || p->brackets == 0 || !a) return;
    if (t->kind == T_NAME ? !(t->kw == 0 || t->kw == K_TRUE || t->kw == K_FALSE ||
                              t->kw == K_NONE || t->kw == K_LAMBDA || t->kw == K_NOT ||
                              t->kw == K_AWAIT)
                          : !(t->kind == T_NUMBER || t->kind == T_STRING ||
                              t->kind == T_LBRACE || t->kind == T_ELLIPSIS))
        return;
    if (a->kind == E_LAMBDA || a->kind == E_IFEXP || a->kind == E_STARRED ||
        a->kind == E_NAMEDEXPR)
        return;
    if (is_name(astart) && astart[1].kind == T_STRING) return;
    if (astart->kind == T_NAME && (tok_is(astart, p->src, "match") ||
                                   tok_is(astart, p->src, "case") ||
                                   tok_is(astart, p->src, "_")) && a->kind == E_NAME)
        return;
    b = parse_expression(p);
    if (!b || p->failed) { p->pos = save; return; }
    fail_at(p, sp_join(a->span, b->span), "invalid syntax. Perhaps you forgot a comma?");
}

/* ---- numbers --------------------------------------------------------------- */

static Expr *parse_number(Parser *p) {
    Token *t = advance(p);
    const char *s = p->src + t->start;
    size_t n = t->end - t->start, i, k = 0;
    char *clean = arena_alloc(p->arena, n + 1);
    Expr *e;
    int base = 10, is_float = 0, is_imag = 0;
    for (i = 0; i < n; i++)
        if (s[i] != '_') clean[k++] = s[i];
    clean[k] = '\0';
    if (k > 1 && clean[0] == '0' && strchr("xXoObB", clean[1])) {
        base = strchr("xX", clean[1]) ? 16 : strchr("oO", clean[1]) ? 8 : 2;
        e = new_const(p, CONST_INT, sp_tok(t));
        e->u.constant.s.data = clean + 2;
        e->u.constant.s.len = k - 2;
        e->u.constant.int_base = base;
        return e;
    }
    if (clean[k - 1] == 'j' || clean[k - 1] == 'J') { is_imag = 1; clean[--k] = '\0'; }
    for (i = 0; i < k; i++)
        if (clean[i] == '.' || clean[i] == 'e' || clean[i] == 'E') is_float = 1;
    if (is_imag || is_float) {
        e = new_const(p, is_imag ? CONST_IMAG : CONST_FLOAT, sp_tok(t));
        e->u.constant.f = strtod(clean, NULL);
        e->u.constant.s.data = clean;
        e->u.constant.s.len = k;
        return e;
    }
    e = new_const(p, CONST_INT, sp_tok(t));
    e->u.constant.s.data = clean;
    e->u.constant.s.len = k;
    e->u.constant.int_base = 10;
    return e;
}

/* ---- string literals ------------------------------------------------------- */

/* A growable byte buffer in the arena. */
typedef struct { char *data; size_t len, cap; } Buf;

static void buf_reserve(Parser *p, Buf *b, size_t extra) {
    if (b->len + extra + 1 > b->cap) {
        size_t ncap = b->cap ? b->cap * 2 : 64;
        char *nd;
        while (ncap < b->len + extra + 1) ncap *= 2;
        nd = arena_alloc(p->arena, ncap);
        if (b->len) memcpy(nd, b->data, b->len);
        b->data = nd;
        b->cap = ncap;
    }
}
static void buf_add(Parser *p, Buf *b, const char *s, size_t n) {
    buf_reserve(p, b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}
static void buf_addc(Parser *p, Buf *b, int c) { char ch = (char)c; buf_add(p, b, &ch, 1); }

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Where CPython reports an escape error in a str literal: its decoder sees each
 * non-ASCII character turned into a 10-character \UXXXXXXXX escape
 * (decode_unicode_with_escapes), so positions count those as 10.  The
 * position of byte offset off of s. */
static int escape_pos(const char *s, size_t off) {
    int pos = 0;
    for (size_t k = 0; k < off; k++) {
        unsigned char c = (unsigned char)s[k];
        pos += c < 0x80 ? 1 : c >= 0xC0 ? 10 : 0;
    }
    return pos;
}

/* "(unicode error) 'unicodeescape' codec can't decode bytes in position A-B: why"
 * for the escape from s[start] up to s[end) (CPython's startinpos, endinpos). */
static int escape_error(Parser *p, Span sp, const char *s, size_t start, size_t end, const char *why) {
    fail_at(p, sp, "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s",
            escape_pos(s, start), escape_pos(s, end) - 1, why);
    return -1;
}

/* \N{name} after s[*i - 1] == 'N': as CPython's unicode-escape decoder. */
static int decode_named_escape(Parser *p, Buf *b, const char *s, size_t n, size_t *i, Span sp, size_t bs_pos) {
    size_t j = *i, end = j;
    const char *why = "malformed \\N character escape";
    if (j < n && s[j] == '{') {
        size_t e = j + 1;
        while (e < n && s[e] != '}') e++;
        end = e;                            /* no name, or no closing brace */
        if (e < n && e > j + 1) {
            int32_t v = unicode_name_lookup(s + j + 1, e - j - 1);
            if (v >= 0) {
                char enc[4];
                *i = e + 1;
                buf_add(p, b, enc, (size_t)lex_utf8_encode(v, enc));
                return 0;
            }
            why = "unknown Unicode character name";
            end = e + 1;
        }
    }
    return escape_error(p, sp, s, bs_pos, end, why);
}

/* Decode one escape at s[*i] (just after the backslash) into b.  Returns 0,
 * or -1 with an error message set at sp.  An escape Python does not know (or
 * an octal one past \377) sets *bad to it, if *bad is still NULL. */
static int decode_escape(Parser *p, Buf *b, const char *s, size_t n, size_t *i, int bytes,
                         Span sp, size_t bs_pos, const char **bad) {
    int c = (unsigned char)s[(*i)++], d, k, len;
    int32_t v;
    char enc[4];
    switch (c) {
    case '\n': return 0;
    case '\r': if (*i < n && s[*i] == '\n') (*i)++; return 0;
    case '\\': buf_addc(p, b, '\\'); return 0;
    case '\'': buf_addc(p, b, '\''); return 0;
    case '"': buf_addc(p, b, '"'); return 0;
    case 'a': buf_addc(p, b, 7); return 0;
    case 'b': buf_addc(p, b, 8); return 0;
    case 'f': buf_addc(p, b, 12); return 0;
    case 'n': buf_addc(p, b, 10); return 0;
    case 'r': buf_addc(p, b, 13); return 0;
    case 't': buf_addc(p, b, 9); return 0;
    case 'v': buf_addc(p, b, 11); return 0;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        v = c - '0';
        for (k = 0; k < 2 && *i < n && s[*i] >= '0' && s[*i] <= '7'; k++)
            v = v * 8 + (s[(*i)++] - '0');
        if (v > 0377 && !*bad) *bad = s + *i - 3;
        if (bytes) buf_addc(p, b, (int)(v & 0xFF));
        else { len = lex_utf8_encode(v, enc); buf_add(p, b, enc, (size_t)len); }
        return 0;
    case 'x': len = 2; break;
    case 'u': len = bytes ? 0 : 4; break;
    case 'U': len = bytes ? 0 : 8; break;
    case 'N': if (!bytes) return decode_named_escape(p, b, s, n, i, sp, bs_pos);
              len = 0; break;
    default: len = 0; break;
    }
    if (len == 0) {                         /* unknown escape: kept as is */
        buf_addc(p, b, '\\');
        (*i)--;
        if (!*bad) *bad = s + *i;
        return 0;
    }
    uint32_t uv = 0;
    for (k = 0; k < len; k++) {
        d = *i < n ? hexval((unsigned char)s[*i]) : -1;
        if (d < 0) {
            if (bytes) {
                fail_at(p, sp, "(value error) invalid \\x escape at position %d", (int)bs_pos);
                return -1;
            }
            return escape_error(p, sp, s, bs_pos, *i, len == 2 ? "truncated \\xXX escape"
                                : len == 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape");
        }
        uv = uv * 16 + (uint32_t)d;      /* unsigned: \U80110000 must not overflow */
        (*i)++;
    }
    v = (int32_t)(uv & 0x7FFFFFFF);
    if (bytes) { buf_addc(p, b, (int)v); return 0; }
    if (uv > 0x10FFFF) return escape_error(p, sp, s, bs_pos, *i, "illegal Unicode character");
    len = lex_utf8_encode(v, enc);
    buf_add(p, b, enc, (size_t)len);
    return 0;
}

/* A warning for the compiler to issue (ParseWarning). */
static void parse_warn(Parser *p, const char *category, Span sp, const char *fmt, ...) {
    ParseWarning *w = arena_alloc(p->arena, sizeof *w);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->msg, sizeof w->msg, fmt, ap);
    va_end(ap);
    w->category = category;
    w->lineno = sp.lineno;
    w->col = sp.col;
    w->end_lineno = sp.end_lineno;
    w->end_col = sp.end_col;
    w->tok_chars = 0;
    ptrvec_push(p->arena, &p->err->warnings, w);
}

/* CPython's DeprecationWarning for the first unknown escape of a literal
 * (token t), as its warn_invalid_escape_sequence words it. */
static void warn_bad_escape(Parser *p, const Token *t, const char *bad) {
    if (*bad >= '4' && *bad <= '7')
        parse_warn(p, "DeprecationWarning", sp_tok(t), "invalid octal escape sequence '\\%.3s'", bad);
    else
        parse_warn(p, "DeprecationWarning", sp_tok(t), "invalid escape sequence '\\%c'", *bad);
}

/* Decode literal text s[0..n) (no quotes) of token t into b. */
static int decode_text(Parser *p, Buf *b, const char *s, size_t n, const Token *t, Span sp) {
    size_t i = 0, run;
    int flags = t->sflags, bytes = flags & STR_BYTES;
    const char *bad = NULL;
    while (i < n) {
        run = i;
        while (i < n && s[i] != '\\' && s[i] != '\r' && !(bytes && (unsigned char)s[i] >= 0x80))
            i++;
        buf_add(p, b, s + run, i - run);
        if (i >= n) break;
        if (s[i] == '\r') {             /* \r\n and lone \r both read as \n */
            buf_addc(p, b, '\n');
            i++;
            if (i < n && s[i] == '\n') i++;
            continue;
        }
        if ((unsigned char)s[i] >= 0x80) {
            fail_at(p, sp, "bytes can only contain ASCII literal characters");
            return -1;
        }
        if (flags & STR_RAW) {
            buf_addc(p, b, '\\');
            i++;
            if (i < n) { buf_addc(p, b, s[i]); i++; }
            continue;
        }
        i++;
        if (i >= n) { buf_addc(p, b, '\\'); break; }
        if (decode_escape(p, b, s, n, &i, bytes, sp, i - 1, &bad) < 0) return -1;
    }
    if (bad) warn_bad_escape(p, t, bad);
    return 0;
}

/* Body of a string token: sets *s, *n to the text between the quotes. */
static void string_body(Parser *p, const Token *t, const char **s, size_t *n) {
    size_t q = (t->sflags & STR_TRIPLE) ? 3 : 1;
    *s = p->src + t->start + t->plen + q;
    *n = t->end - t->start - t->plen - 2 * q;
}

/* f-string state while joining the pieces of one concatenation. */
typedef struct {
    PtrVec values;       /* JoinedStr values */
    Buf lit;             /* pending literal text */
    Span sp;             /* span of the whole concatenation */
} FParts;

static void fparts_flush(Parser *p, FParts *f) {
    Expr *c;
    if (f->lit.len == 0) return;
    c = new_const(p, CONST_STR, f->sp);
    c->u.constant.s.data = f->lit.data;
    c->u.constant.s.len = f->lit.len;
    ptrvec_push(p->arena, &f->values, c);
    memset(&f->lit, 0, sizeof f->lit);
}

static int fstring_parse(Parser *p, FParts *f, const Token *t, const char **s, const char *end,
                         int level);
static Parser *child_parser(Parser *p, Parser *c);

/* Position of byte pointer q in the source, as (line, col). */
static void src_pos(Parser *p, const Token *t, const char *q, int *line, int *col) {
    const char *s = p->src + t->start, *ls = s;
    int ln = t->lineno, c0 = t->col;
    for (; s < q; s++)
        if (*s == '\n') { ln++; ls = s + 1; c0 = 0; }
    *line = ln;
    *col = c0 + (int)(q - ls);
}

/* Lex and parse the expression text q[0..n) of an f-string. */
static Expr *fstring_compile(Parser *p, const Token *t, const char *q, size_t n, const Token *next) {
    Lexer lx;
    Parser c;
    Expr *e = NULL;
    size_t i;
    int line, col;
    for (i = 0; i < n && (q[i] == ' ' || q[i] == '\t' || q[i] == '\n' || q[i] == '\f' ||
                          q[i] == '\r'); i++) {}
    if (i == n) {
        if (q[n] == '!' || q[n] == ':' || q[n] == '=')
            return fail_at(p, sp_tok(next), "f-string: expression required before '%c'", q[n]);
        return fail_at(p, sp_tok(next), "f-string: empty expression not allowed");
    }
    src_pos(p, t, q, &line, &col);
    lex_init(&lx, q, n);
    lx.line_off = line - 1;
    lx.col_off = col;
    lx.level = 1;                      /* as if inside (...) */
    lx.paren_ch[0] = '(';
    lx.atbol = 0;
    lex_tokenize(&lx);
    if (lx.err.set && lx.err.strong) {
        if (!p->failed) {
            p->failed = p->specific = 1;
            p->err->kind = lx.err.kind;
            snprintf(p->err->msg, sizeof p->err->msg, "f-string: %s", lx.err.msg);
            p->err->lineno = lx.err.lineno;
            p->err->col = lx.err.col;
            p->err->end_lineno = lx.err.end_lineno;
            p->err->end_col = lx.err.end_col;
        }
        lex_free(&lx);
        return NULL;
    }
    /* replace the EOF error token by an ENDMARKER */
    if (lx.ntoks > 0 && lx.toks[lx.ntoks - 1].kind == T_ERROR) lx.toks[lx.ntoks - 1].kind = T_ENDMARKER;
    child_parser(p, &c);
    c.src = q;   /* token offsets are relative to q */
    c.len = n;
    c.toks = lx.toks;
    c.ntoks = lx.ntoks;
    c.brackets = 1;
    if (at(&c, T_DOUBLESTAR))
        fail_at(&c, sp_tok(tk(&c)), "cannot use double starred expression here");
    else
        e = at_kw(&c, K_YIELD) ? parse_yield_expr(&c) : parse_star_expressions(&c);    /* "(yield x)" */
    if (e && e->kind == E_STARRED) e = fail_at(&c, e->span, "cannot use starred expression here");
    if (e && e == c.bare_tuple) {   /* CPython parsed "(expr)": the tuple spans the braces */
        int l2, c2;
        src_pos(p, t, q - 1, &e->span.lineno, &e->span.col);
        src_pos(p, t, q + n, &l2, &c2);
        e->span.end_lineno = l2;
        e->span.end_col = c2 + 1;
    }
    if (e && !at(&c, T_ENDMARKER)) {
        check_missing_comma(&c, e, c.toks);
        e = NULL;
        fail(&c);
    }
    if (!e && !p->failed) {
        p->failed = 1;
        p->specific = 1;
        if (c.specific) {
            char tmp[sizeof p->err->msg];
            memcpy(tmp, p->err->msg, sizeof tmp);
            snprintf(p->err->msg, sizeof p->err->msg, "f-string: %.240s", tmp);
        } else {
            Token *bad = &c.toks[c.maxpos < c.ntoks ? c.maxpos : c.ntoks - 1];
            p->err->kind = "SyntaxError";
            snprintf(p->err->msg, sizeof p->err->msg, "f-string: invalid syntax");
            p->err->lineno = bad->lineno;
            p->err->col = bad->col;
            p->err->end_lineno = bad->end_lineno;
            p->err->end_col = bad->end_col;
        }
        /* CPython reports columns relative to the "(expr)" it parsed */
        if (p->err->lineno == line) p->err->col = p->err->col - col + 1;
        if (p->err->end_lineno == line && p->err->end_col > 0) p->err->end_col = p->err->end_col - col + 1;
    }
    lex_free(&lx);
    return e;
}

/* Find the end of the expression in "{expr...": stops at ! : } = at depth 0.
 * Returns 0 or -1 (error set). */
static int fstring_find_expr_end(Parser *p, const char **s, const char *end, const Token *next) {
    char stack[LEX_MAX_PAREN];
    int depth = 0, quote = 0, qlen = 0;
    const char *q = *s;
    for (; q < end; q++) {
        char ch = *q;
        if (ch == '\\') return (int)(intptr_t)fail_at(p, sp_tok(next),
                               "f-string expression part cannot include a backslash") - 1;
        if (quote) {
            if (ch == quote && (qlen == 1 || (q + 2 < end && q[1] == quote && q[2] == quote))) {
                q += qlen - 1;
                quote = 0;
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            quote = ch;
            qlen = (q + 2 < end && q[1] == ch && q[2] == ch) ? 3 : 1;
            q += qlen - 1;
            continue;
        }
        if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= LEX_MAX_PAREN) {
                fail_at(p, sp_tok(next), "f-string: too many nested parenthesis");
                return -1;
            }
            stack[depth++] = ch;
            continue;
        }
        if (ch == '#') {
            fail_at(p, sp_tok(next), "f-string expression part cannot include '#'");
            return -1;
        }
        if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (q + 1 < end && q[1] == '=' && ch != ':' && ch != '}') { q++; continue; }
            if (ch == '>' || ch == '<') continue;
            break;
        }
        if (ch == ']' || ch == '}' || ch == ')') {
            char open;
            if (!depth) {
                fail_at(p, sp_tok(next), "f-string: unmatched '%c'", ch);
                return -1;
            }
            open = stack[--depth];
            if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') || (open == '{' && ch == '}'))) {
                fail_at(p, sp_tok(next), "f-string: closing parenthesis '%c' does not match "
                        "opening parenthesis '%c'", ch, open);
                return -1;
            }
        }
    }
    if (quote) { fail_at(p, sp_tok(next), "f-string: unterminated string"); return -1; }
    if (depth) { fail_at(p, sp_tok(next), "f-string: unmatched '%c'", stack[depth - 1]); return -1; }
    if (q >= end) { fail_at(p, sp_tok(next), "f-string: expecting '}'"); return -1; }
    *s = q;
    return 0;
}

/* One {expression[=][!c][:spec]} at *s (pointing at '{'). */
static int fstring_expr(Parser *p, FParts *f, const Token *t, const char **s, const char *end,
                        int level) {
    const Token *next = &p->toks[p->pos < p->ntoks ? p->pos : p->ntoks - 1];
    const char *start, *q;
    Expr *value, *fv, *spec = NULL;
    int conversion = -1, has_text = 0;
    if (level >= 2) { fail_at(p, sp_tok(next), "f-string: expressions nested too deeply"); return -1; }
    start = *s + 1;
    q = start;
    if (fstring_find_expr_end(p, &q, end, next) < 0) return -1;
    value = fstring_compile(p, t, start, (size_t)(q - start), next);
    if (!value) return -1;
    if (*q == '=') {
        q++;
        while (q < end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r' || *q == '\f')) q++;
        if (q >= end) { fail_at(p, sp_tok(next), "f-string: expecting '}'"); return -1; }
        buf_add(p, &f->lit, start, (size_t)(q - start));
        has_text = 1;
    }
    if (*q == '!') {
        q++;
        if (q >= end) { fail_at(p, sp_tok(next), "f-string: expecting '}'"); return -1; }
        conversion = (unsigned char)*q++;
        if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
            fail_at(p, sp_tok(next), "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return -1;
        }
    }
    if (q < end && *q == ':') {
        FParts sf;
        q++;
        if (q >= end) { fail_at(p, sp_tok(next), "f-string: expecting '}'"); return -1; }
        memset(&sf, 0, sizeof sf);
        sf.sp = f->sp;
        if (fstring_parse(p, &sf, t, &q, end, level + 1) < 0) return -1;
        if (sf.values.len == 0) sf.sp = sp_tok(t);   /* CPython's quirk */
        fparts_flush(p, &sf);
        spec = new_expr(p, E_JOINEDSTR, sp_tok(t));
        spec->u.joinedstr.values = sf.values;
    }
    if (q >= end || *q != '}') { fail_at(p, sp_tok(next), "f-string: expecting '}'"); return -1; }
    q++;
    if (has_text && !spec && conversion == -1) conversion = 'r';
    fparts_flush(p, f);
    fv = new_expr(p, E_FORMATTEDVALUE, f->sp);
    fv->u.formatted.value = value;
    fv->u.formatted.conversion = conversion;
    fv->u.formatted.format_spec = spec;
    ptrvec_push(p->arena, &f->values, fv);
    *s = q;
    return 0;
}

/* Literal text and expressions of an f-string body (level 0) or a format
 * spec (level > 0, stops at the closing '}'). */
static int fstring_parse(Parser *p, FParts *f, const Token *t, const char **s, const char *end,
                         int level) {
    const char *q = *s;
    int raw = t->sflags & STR_RAW;
    const Token *next = &p->toks[p->pos < p->ntoks ? p->pos : p->ntoks - 1];
    while (q < end) {
        const char *lit = q;
        while (q < end && *q != '{' && *q != '}') {
            if (!raw && *q == '\\' && q + 1 < end) {
                if (q[1] == '{' || q[1] == '}') {       /* the backslash stays; the brace is one */
                    if (q[1] == '{') warn_bad_escape(p, t, q + 1);
                    q++;
                    break;
                }
                q++;
                if (*q == 'N' && q + 1 < end && q[1] == '{') {
                    while (q < end && *q != '}') q++;
                }
            }
            q++;
        }
        if (q > end) q = end;
        /* a doubled brace ends the literal, the first one included (so `\}}`
           decodes, and warns, as the escape `\}`) */
        int doubled = level == 0 && q + 1 < end && (*q == '{' || *q == '}') && q[1] == *q;
        if (q + doubled > lit && decode_text(p, &f->lit, lit, (size_t)(q + doubled - lit), t, f->sp) < 0)
            return -1;
        if (doubled) { q += 2; continue; }
        if (q >= end) break;
        if (*q == '}') {
            if (level > 0) break;
            fail_at(p, sp_tok(next), "f-string: single '}' is not allowed");
            return -1;
        }
        if (fstring_expr(p, f, t, &q, end, level) < 0) return -1;
    }
    *s = q;
    return 0;
}

/* STRING+ : adjacent literals joined into a Constant or a JoinedStr.  As in
 * CPython the pieces are processed in order, so the first bad piece is the
 * one reported; errors point at the token after the strings. */
static Expr *parse_strings(Parser *p) {
    Token *first = tk(p), *t;
    int i, n = 0, bytes = (first->sflags & STR_BYTES) != 0, has_f = 0;
    FParts f;
    Expr *e;
    Span after;
    while (tk_ahead(p, n)->kind == T_STRING) n++;
    after = sp_tok(tk_ahead(p, n));     /* CPython looks one token past the strings */
    memset(&f, 0, sizeof f);
    f.sp = sp_join(sp_tok(first), sp_tok(tk_ahead(p, n - 1)));
    p->pos += n;
    for (i = 0; i < n; i++) {
        const char *s;
        size_t len;
        t = &p->toks[p->pos - n + i];
        if (((t->sflags & STR_BYTES) != 0) != bytes)
            return fail_at(p, after, "cannot mix bytes and nonbytes literals");
        string_body(p, t, &s, &len);
        if (t->sflags & STR_F) {
            const char *q = s;
            has_f = 1;
            p->fdepth++;
            if (fstring_parse(p, &f, t, &q, s + len, 0) < 0) { p->fdepth--; return NULL; }
            p->fdepth--;
        } else if (decode_text(p, &f.lit, s, len, t, after) < 0) {
            if (p->err->msg[0] == 'b') {    /* "bytes can only contain ASCII ...": at the token */
                p->err->lineno = t->lineno;
                p->err->col = t->col;
            }
            return NULL;
        }
    }
    if (has_f) {
        fparts_flush(p, &f);
        e = new_expr(p, E_JOINEDSTR, f.sp);
        e->u.joinedstr.values = f.values;
        return e;
    }
    e = new_const(p, bytes ? CONST_BYTES : CONST_STR, f.sp);
    e->u.constant.s.data = f.lit.data ? f.lit.data : "";
    e->u.constant.s.len = f.lit.len;
    e->u.constant.u_prefix = (first->sflags & STR_U) != 0;
    return e;
}

/* ---- comprehensions -------------------------------------------------------- */

/* ('async'? 'for' star_targets 'in' disjunction ('if' disjunction)*)+ */
static int parse_for_if_clauses(Parser *p, PtrVec *gens) {
    while (at_kw(p, K_FOR) || (at_kw(p, K_ASYNC) && tk_ahead(p, 1)->kw == K_FOR)) {
        Comprehension *c = arena_alloc(p->arena, sizeof *c);
        if (accept_kw(p, K_ASYNC)) c->is_async = 1;
        advance(p);
        c->target = parse_star_targets(p);
        if (!c->target) return -1;
        if (!accept_kw(p, K_IN)) {
            Expr *bad = invalid_target(c->target, TGT_FOR);
            if (bad) return (int)(intptr_t)fail_at(p, bad->span, "cannot assign to %s", ast_expr_name(bad)) - 1;
            fail(p);
            return -1;
        }
        if (!as_target(p, c->target, TGT_FOR)) return -1;
        c->iter = parse_disjunction(p);
        if (!c->iter) return -1;
        while (accept_kw(p, K_IF)) {
            Expr *cond = parse_disjunction(p);
            if (!cond) return -1;
            ptrvec_push(p->arena, &c->ifs, cond);
        }
        ptrvec_push(p->arena, gens, c);
    }
    return 0;
}

static Expr *make_comp(Parser *p, ExprKind kind, Expr *elt, const Token *start) {
    Expr *e = new_expr(p, kind, sp_tok(start));
    e->u.comp.elt = elt;
    if (parse_for_if_clauses(p, &e->u.comp.generators) < 0) return NULL;
    return e;
}

/* ---- atoms ----------------------------------------------------------------- */

static int close_bracket(Parser *p, int kind, Expr *last, const Token *last_start) {
    if (accept(p, kind)) return 1;
    check_missing_comma(p, last, last_start);
    fail(p);
    return 0;
}

/* `[a, b for ...]` or `{a, for ...}`: CPython's invalid_comprehension, from
 * the first element to the last one or the comma. */
static int comp_target_error(Parser *p, Expr *first, Span last) {
    PtrVec gens = {0};
    int for_pos = p->pos;
    if (parse_for_if_clauses(p, &gens) < 0) {
        if (!p->specific) p->maxpos = for_pos;  /* CPython's first pass stopped at the `for` */
        return 0;
    }
    fail_at(p, sp_join(first->span, last), "did you forget parentheses around the comprehension target?");
    return 0;
}

/* Elements of a list/tuple/set display after the first, up to `close`. */
static int parse_elts_rest(Parser *p, PtrVec *elts, int close, Expr *last, const Token *ls) {
    Expr *first = last;
    while (accept(p, T_COMMA)) {
        if (at(p, close)) break;
        if (close != T_RPAR && (at_kw(p, K_FOR) || at_kw(p, K_ASYNC)))
            return comp_target_error(p, first, elts->len == 1 ? sp_tok(prev(p)) : last->span);
        ls = tk(p);
        last = parse_star_named_expression(p);
        if (!last) return 0;
        ptrvec_push(p->arena, elts, last);
    }
    if (close != T_RPAR && (at_kw(p, K_FOR) || at_kw(p, K_ASYNC)))
        return comp_target_error(p, first, last->span);
    return close_bracket(p, close, last, ls);
}

/* '(' ... ')' : tuple, group, generator expression or yield. */
static Expr *parse_paren(Parser *p) {
    Token *open = advance(p), *fs;
    Expr *first, *e;
    if (accept(p, T_RPAR)) {
        e = new_expr(p, E_TUPLE, sp_from(p, open));
        return e;
    }
    if (at_kw(p, K_YIELD)) {
        e = parse_yield_expr(p);
        if (!e || !expect(p, T_RPAR)) return NULL;
        return e;
    }
    fs = tk(p);
    first = parse_star_named_expression(p);
    if (!first) return NULL;
    if (at_kw(p, K_FOR) || at_kw(p, K_ASYNC)) {
        if (first->kind == E_STARRED)
            return fail_at(p, first->span, "iterable unpacking cannot be used in comprehension");
        e = make_comp(p, E_GENEXP, first, open);
        if (!e || !close_bracket(p, T_RPAR, NULL, fs)) return NULL;
        e->span = sp_from(p, open);
        return e;
    }
    if (at(p, T_COMMA)) {
        e = new_expr(p, E_TUPLE, sp_tok(open));
        ptrvec_push(p->arena, &e->u.list.elts, first);
        if (!parse_elts_rest(p, &e->u.list.elts, T_RPAR, first, fs)) return NULL;
        e->span = sp_from(p, open);
        return e;
    }
    if (!close_bracket(p, T_RPAR, first, fs)) {
        if (!p->specific && at(p, T_EQUAL) && first->kind != E_STARRED)
            return NULL;
        return NULL;
    }
    if (first->kind == E_STARRED)
        return fail_at(p, first->span, "cannot use starred expression here");
    return first;
}

static Expr *parse_list(Parser *p) {
    Token *open = advance(p), *fs;
    Expr *first, *e;
    if (accept(p, T_RSQB)) return new_expr(p, E_LIST, sp_from(p, open));
    fs = tk(p);
    first = parse_star_named_expression(p);
    if (!first) return NULL;
    if (at_kw(p, K_FOR) || at_kw(p, K_ASYNC)) {
        if (first->kind == E_STARRED)
            return fail_at(p, first->span, "iterable unpacking cannot be used in comprehension");
        e = make_comp(p, E_LISTCOMP, first, open);
        if (!e || !close_bracket(p, T_RSQB, NULL, fs)) return NULL;
        e->span = sp_from(p, open);
        return e;
    }
    e = new_expr(p, E_LIST, sp_tok(open));
    ptrvec_push(p->arena, &e->u.list.elts, first);
    if (!parse_elts_rest(p, &e->u.list.elts, T_RSQB, first, fs)) return NULL;
    e->span = sp_from(p, open);
    return e;
}

/* A dict value after ':', with CPython's errors for a missing or starred one. */
static Expr *parse_dict_value(Parser *p) {
    if (at(p, T_RBRACE) || at(p, T_COMMA))
        return fail_at(p, sp_tok(prev(p)), "expression expected after dictionary key and ':'");
    if (at(p, T_STAR)) {
        Token *star = advance(p);
        if (!parse_bitwise_or(p)) return NULL;
        Span sp = sp_join(sp_tok(star), sp_tok(tk(p)));
        sp.end_col--;                   /* CPython's CURRENT_POS: after the next token */
        return fail_at(p, sp, "cannot use a starred expression in a dictionary value");
    }
    return parse_expression(p);
}

/* One dict item: key ':' value, or '**' value (key NULL). */
static int parse_dict_item(Parser *p, Expr *d) {
    Expr *k = NULL, *v;
    if (accept(p, T_DOUBLESTAR)) {
        v = parse_bitwise_or(p);
    } else {
        k = parse_expression(p);
        if (!k) return 0;
        if (!accept(p, T_COLON)) {
            if (at(p, T_RBRACE) || at(p, T_COMMA)) {
                Span sp = {k->span.lineno, k->span.end_col - 1, k->span.end_lineno, -1};
                return (int)(intptr_t)fail_at(p, sp, "':' expected after dictionary key");
            }
            fail(p);
            return 0;
        }
        v = parse_dict_value(p);
    }
    if (!v) return 0;
    ptrvec_push(p->arena, &d->u.dict.keys, k);
    ptrvec_push(p->arena, &d->u.dict.values, v);
    return 1;
}

static Expr *parse_dict_rest(Parser *p, Expr *d, const Token *open) {
    Expr *last = d->u.dict.values.items[d->u.dict.values.len - 1];
    const Token *ls = tk(p);
    if ((at_kw(p, K_FOR) || at_kw(p, K_ASYNC)) && d->u.dict.keys.len == 1 && d->u.dict.keys.items[0]) {
        Expr *e = make_comp(p, E_DICTCOMP, d->u.dict.keys.items[0], open);
        if (!e) return NULL;
        e->u.comp.value = last;
        if (!close_bracket(p, T_RBRACE, NULL, ls)) return NULL;
        e->span = sp_from(p, open);
        return e;
    }
    if ((at_kw(p, K_FOR) || at_kw(p, K_ASYNC)))
        return fail_at(p, d->span, "dict unpacking cannot be used in dict comprehension");
    while (accept(p, T_COMMA)) {
        if (at(p, T_RBRACE)) break;
        ls = tk(p);
        if (!parse_dict_item(p, d)) return NULL;
        last = d->u.dict.values.items[d->u.dict.values.len - 1];
    }
    if (!close_bracket(p, T_RBRACE, last, ls)) return NULL;
    d->span = sp_from(p, open);
    return d;
}

static Expr *parse_brace(Parser *p) {
    Token *open = advance(p), *fs;
    Expr *first, *e;
    if (accept(p, T_RBRACE)) return new_expr(p, E_DICT, sp_from(p, open));
    fs = tk(p);
    if (at(p, T_DOUBLESTAR)) {
        e = new_expr(p, E_DICT, sp_tok(open));
        if (!parse_dict_item(p, e)) return NULL;
        return parse_dict_rest(p, e, open);
    }
    first = parse_star_named_expression(p);
    if (!first) return NULL;
    if (at(p, T_COLON) && first->kind != E_STARRED) {
        Expr *v;
        advance(p);
        v = parse_dict_value(p);
        if (!v) return NULL;
        e = new_expr(p, E_DICT, sp_tok(open));
        ptrvec_push(p->arena, &e->u.dict.keys, first);
        ptrvec_push(p->arena, &e->u.dict.values, v);
        return parse_dict_rest(p, e, open);
    }
    if (at_kw(p, K_FOR) || at_kw(p, K_ASYNC)) {
        if (first->kind == E_STARRED)
            return fail_at(p, first->span, "iterable unpacking cannot be used in comprehension");
        e = make_comp(p, E_SETCOMP, first, open);
        if (!e || !close_bracket(p, T_RBRACE, NULL, fs)) return NULL;
        e->span = sp_from(p, open);
        return e;
    }
    e = new_expr(p, E_SET, sp_tok(open));
    ptrvec_push(p->arena, &e->u.set.elts, first);
    if (!parse_elts_rest(p, &e->u.set.elts, T_RBRACE, first, fs)) return NULL;
    e->span = sp_from(p, open);
    return e;
}

static Expr *parse_atom(Parser *p) {
    Token *t = tk(p);
    Expr *e;
    switch (t->kind) {
    case T_NAME:
        switch (t->kw) {
        case 0: advance(p); return new_name(p, t, CTX_LOAD);
        case K_TRUE: advance(p); return new_const(p, CONST_TRUE, sp_tok(t));
        case K_FALSE: advance(p); return new_const(p, CONST_FALSE, sp_tok(t));
        case K_NONE: advance(p); return new_const(p, CONST_NONE, sp_tok(t));
        default: return fail(p);
        }
    case T_NUMBER: return parse_number(p);
    case T_STRING: return parse_strings(p);
    case T_ELLIPSIS: advance(p); return new_const(p, CONST_ELLIPSIS, sp_tok(t));
    case T_LPAR: case T_LSQB: case T_LBRACE: {
        int cost = COST_BRACKET - (t->kind == T_LPAR);     /* pegen: ( is one level less */
        if (!enter(p, cost)) return NULL;
        p->brackets++;
        e = t->kind == T_LPAR ? parse_paren(p) : t->kind == T_LSQB ? parse_list(p) : parse_brace(p);
        p->brackets--;
        leave(p, cost);
        return e;
    }
    default:
        return fail(p);
    }
}

/* ---- primaries ------------------------------------------------------------- */

/* The token that closes the current call (CPython reports some argument
 * errors there, having read the whole argument list). */
static Token *call_end(Parser *p) {
    int depth = 0, i;
    for (i = p->pos; i < p->ntoks - 1; i++) {
        int k = p->toks[i].kind;
        if (k == T_LPAR || k == T_LSQB || k == T_LBRACE) depth++;
        else if (k == T_RPAR || k == T_RSQB || k == T_RBRACE) {
            if (depth-- == 0) break;
        } else if (k == T_NEWLINE || k == T_ERROR) break;
    }
    if (i > p->maxpos) p->maxpos = i;
    return &p->toks[i];
}

/* Call arguments after '('; fills call.args/keywords; consumes ')'. */
static int parse_call_args(Parser *p, Expr *call, const Token *open) {
    int seen_kw = 0, seen_dstar = 0;
    PtrVec *args = &call->u.call.args, *kws = &call->u.call.keywords;
    while (!at(p, T_RPAR)) {
        Token *st = tk(p);
        Expr *e;
        if (accept(p, T_STAR)) {
            Expr *v = parse_expression(p);
            if (!v) return 0;
            e = new_expr(p, E_STARRED, sp_from(p, st));
            e->u.starred.value = v;
            if (seen_dstar)
                return (int)(intptr_t)fail_at(p, e->span, "iterable argument unpacking follows keyword argument unpacking");
            ptrvec_push(p->arena, args, e);
        } else if (accept(p, T_DOUBLESTAR)) {
            Keyword *k = arena_alloc(p->arena, sizeof *k);
            k->value = parse_expression(p);
            if (!k->value) return 0;
            k->span = sp_from(p, st);
            ptrvec_push(p->arena, kws, k);
            seen_dstar = 1;
        } else if (st->kind == T_NAME && tk_ahead(p, 1)->kind == T_EQUAL) {
            Keyword *k = arena_alloc(p->arena, sizeof *k);
            if (st->kw == K_TRUE || st->kw == K_FALSE || st->kw == K_NONE)
                return (int)(intptr_t)fail_at(p, sp_join(sp_tok(st), sp_tok(st + 1)), "cannot assign to %s",
                                              tok_str(p, st));
            if (st->kw) return (int)(intptr_t)fail(p);
            advance(p);
            advance(p);
            k->name = tok_str(p, st);
            k->value = parse_expression(p);
            if (!k->value) return 0;
            k->span = sp_from(p, st);
            ptrvec_push(p->arena, kws, k);
            seen_kw = 1;
        } else {
            int st_index = (int)(st - p->toks);
            p->call_arg++;
            e = parse_named_expression(p);
            p->call_arg--;
            if (!e && (seen_kw || seen_dstar) && !p->specific) {
                /* CPython's first pass stops reading at a positional argument
                   after keywords: the generic error is there */
                p->maxpos = st_index + (st->kind == T_NAME);
                return 0;
            }
            if (!e) return 0;
            if (!call->u.call.func && !args->len && !kws->len && at_kw(p, K_FOR)) {
                p->maxpos = p->pos;     /* class C(x for x in y): no generator argument */
                return (int)(intptr_t)fail(p);
            }
            if (at_kw(p, K_FOR) || at_kw(p, K_ASYNC)) {
                Expr *g = make_comp(p, E_GENEXP, e, st);
                if (!g) return 0;
                g->span = sp_from(p, st);
                if (args->len || kws->len || !at(p, T_RPAR)) {
                    if (args->len == 0 && kws->len == 0 && at(p, T_COMMA) && tk_ahead(p, 1)->kind == T_RPAR) {
                        /* f(x for x in y,) */
                    }
                    if (call_end(p)->kind == T_ERROR) return (int)(intptr_t)fail(p);   /* CPython read on
                                                                       into the tokenizer's error */
                    return (int)(intptr_t)fail_at(p, g->span, "Generator expression must be parenthesized");
                }
                g->span = sp_join(sp_tok(open), sp_tok(tk(p)));
                ptrvec_push(p->arena, args, g);
                continue;
            }
            if (at(p, T_EQUAL) && (e->kind != E_NAME || st->kind != T_NAME))
                return (int)(intptr_t)fail_at(p, sp_join(e->span, sp_tok(tk(p))),
                                              "expression cannot contain assignment, perhaps you meant \"==\"?");
            if (seen_kw || seen_dstar)
                return (int)(intptr_t)fail_at(p, sp_tok(call_end(p)), seen_dstar
                                              ? "positional argument follows keyword argument unpacking"
                                              : "positional argument follows keyword argument");
            ptrvec_push(p->arena, args, e);
            if (!at(p, T_COMMA) && !at(p, T_RPAR)) {
                check_missing_comma(p, e, st);
                return (int)(intptr_t)fail(p);
            }
        }
        if (!accept(p, T_COMMA)) break;
    }
    return expect(p, T_RPAR);
}

/* slice: [expr] ':' [expr] [':' [expr]] | named_expression | starred */
static Expr *parse_slice(Parser *p) {
    Token *st = tk(p);
    Expr *lower = NULL, *e;
    if (accept(p, T_STAR)) {
        Expr *v = parse_bitwise_or(p);
        if (!v) return NULL;
        e = new_expr(p, E_STARRED, sp_from(p, st));
        e->u.starred.value = v;
        return e;
    }
    if (!at(p, T_COLON)) {
        lower = parse_named_expression(p);
        if (!lower || !at(p, T_COLON)) return lower;
    }
    e = new_expr(p, E_SLICE, sp_tok(st));
    e->u.slice.lower = lower;
    advance(p);
    if (!at(p, T_COLON) && !at(p, T_COMMA) && !at(p, T_RSQB)) {
        e->u.slice.upper = parse_expression(p);
        if (!e->u.slice.upper) return NULL;
    }
    if (accept(p, T_COLON) && !at(p, T_COMMA) && !at(p, T_RSQB)) {
        e->u.slice.step = parse_expression(p);
        if (!e->u.slice.step) return NULL;
    }
    e->span = sp_from(p, st);
    return e;
}

static Expr *parse_slices(Parser *p) {
    Token *st = tk(p);
    Expr *first = parse_slice(p), *t;
    if (!first) return NULL;
    if (!at(p, T_COMMA) && first->kind != E_STARRED) return first;
    t = new_expr(p, E_TUPLE, sp_tok(st));
    ptrvec_push(p->arena, &t->u.list.elts, first);
    while (accept(p, T_COMMA)) {
        Expr *e;
        if (at(p, T_RSQB)) break;
        e = parse_slice(p);
        if (!e) return NULL;
        ptrvec_push(p->arena, &t->u.list.elts, e);
    }
    t->span = sp_from(p, st);
    return t;
}

static Expr *parse_trailer(Parser *p, Expr *e, const Token *start) {
    Token *t = tk(p), *name;
    Expr *n;
    if (t->kind == T_DOT) {
        advance(p);
        name = tk(p);
        if (!is_name(name)) return fail(p);
        advance(p);
        n = new_expr(p, E_ATTRIBUTE, sp_from(p, start));
        n->u.attribute.value = e;
        n->u.attribute.attr = tok_str(p, name);
        return n;
    }
    if (!enter(p, COST_TRAILER)) return NULL;
    p->brackets++;
    advance(p);
    if (t->kind == T_LPAR) {
        n = new_expr(p, E_CALL, sp_tok(start));
        n->u.call.func = e;
        if (!parse_call_args(p, n, t)) n = NULL;
    } else {
        n = new_expr(p, E_SUBSCRIPT, sp_tok(start));
        n->u.subscript.value = e;
        n->u.subscript.slice = parse_slices(p);
        if (!n->u.subscript.slice) n = NULL;
        else if (!accept(p, T_RSQB)) {
            check_missing_comma(p, n->u.subscript.slice, t + 1);
            n = fail(p);
        }
    }
    p->brackets--;
    leave(p, COST_TRAILER);
    if (n) n->span = sp_from(p, start);
    return n;
}

static Expr *parse_primary(Parser *p) {
    Token *start = tk(p);
    Expr *e = parse_atom(p);
    while (e && (at(p, T_DOT) || at(p, T_LPAR) || at(p, T_LSQB)))
        e = parse_trailer(p, e, start);
    return e;
}

/* ---- operators ------------------------------------------------------------- */

static Expr *parse_await_primary(Parser *p) {
    Token *st = tk(p);
    Expr *e, *v;
    if (!accept_kw(p, K_AWAIT)) return parse_primary(p);
    v = parse_primary(p);
    if (!v) return NULL;
    e = new_expr(p, E_AWAIT, sp_from(p, st));
    e->u.await_.value = v;
    return e;
}

static Expr *new_binop(Parser *p, const Token *st, Expr *l, BinOpKind op, Expr *r) {
    Expr *e = new_expr(p, E_BINOP, sp_from(p, st));
    e->u.binop.left = l;
    e->u.binop.op = op;
    e->u.binop.right = r;
    return e;
}

static Expr *parse_power(Parser *p) {
    Token *st = tk(p);
    Expr *l = parse_await_primary(p), *r;
    if (!l || !accept(p, T_DOUBLESTAR)) return l;
    if (!enter(p, 2)) return NULL;                 /* power -> factor -> power */
    r = parse_factor(p);
    leave(p, 2);
    return r ? new_binop(p, st, l, OP_POW, r) : NULL;
}

static Expr *parse_factor(Parser *p) {
    Token *t = tk(p);
    UnaryOpKind op;
    Expr *e, *v;
    if (t->kind == T_PLUS) op = UOP_POS;
    else if (t->kind == T_MINUS) op = UOP_NEG;
    else if (t->kind == T_TILDE) op = UOP_INVERT;
    else return parse_power(p);
    advance(p);
    if (!enter(p, 1)) return NULL;
    v = parse_factor(p);
    leave(p, 1);
    if (!v) return NULL;
    e = new_expr(p, E_UNARYOP, sp_from(p, t));
    e->u.unaryop.op = op;
    e->u.unaryop.operand = v;
    return e;
}

/* Binary operator levels from tightest (term) to loosest (bitwise or). */
enum { LV_TERM, LV_SUM, LV_SHIFT, LV_AND, LV_XOR, LV_OR };

static int binop_of(int level, int kind, BinOpKind *op) {
    switch (level) {
    case LV_TERM:
        switch (kind) {
        case T_STAR: *op = OP_MUL; return 1;
        case T_SLASH: *op = OP_TRUEDIV; return 1;
        case T_DOUBLESLASH: *op = OP_FLOORDIV; return 1;
        case T_PERCENT: *op = OP_MOD; return 1;
        case T_AT: *op = OP_MATMUL; return 1;
        default: return 0;
        }
    case LV_SUM:
        if (kind == T_PLUS) { *op = OP_ADD; return 1; }
        if (kind == T_MINUS) { *op = OP_SUB; return 1; }
        return 0;
    case LV_SHIFT:
        if (kind == T_LEFTSHIFT) { *op = OP_LSHIFT; return 1; }
        if (kind == T_RIGHTSHIFT) { *op = OP_RSHIFT; return 1; }
        return 0;
    case LV_AND: *op = OP_BITAND; return kind == T_AMPER;
    case LV_XOR: *op = OP_BITXOR; return kind == T_CIRCUMFLEX;
    default: *op = OP_BITOR; return kind == T_VBAR;
    }
}

static Expr *parse_binary(Parser *p, int level) {
    Token *st = tk(p);
    Expr *l = level == LV_TERM ? parse_factor(p) : parse_binary(p, level - 1), *r;
    BinOpKind op;
    while (l && binop_of(level, tk(p)->kind, &op)) {
        advance(p);
        r = level == LV_TERM ? parse_factor(p) : parse_binary(p, level - 1);
        l = r ? new_binop(p, st, l, op, r) : NULL;
    }
    return l;
}

static Expr *parse_bitwise_or(Parser *p) { return parse_binary(p, LV_OR); }

/* The comparison operator at the current token, consuming it; -1 if none. */
static int parse_cmp_op(Parser *p) {
    Token *t = tk(p);
    switch (t->kind) {
    case T_EQEQUAL: advance(p); return CMP_EQ;
    case T_NOTEQUAL: advance(p); return CMP_NE;
    case T_LESS: advance(p); return CMP_LT;
    case T_LESSEQUAL: advance(p); return CMP_LE;
    case T_GREATER: advance(p); return CMP_GT;
    case T_GREATEREQUAL: advance(p); return CMP_GE;
    case T_NAME:
        if (t->kw == K_IN) { advance(p); return CMP_IN; }
        if (t->kw == K_IS) {
            advance(p);
            return accept_kw(p, K_NOT) ? CMP_IS_NOT : CMP_IS;
        }
        if (t->kw == K_NOT && tk_ahead(p, 1)->kw == K_IN && tk_ahead(p, 1)->kind == T_NAME) {
            advance(p);
            advance(p);
            return CMP_NOT_IN;
        }
        return -1;
    default: return -1;
    }
}

static Expr *parse_comparison(Parser *p) {
    Token *st = tk(p);
    Expr *l = parse_bitwise_or(p), *e, *r;
    int op, n = 0, cap = 0;
    CmpOpKind *ops = NULL;
    Expr **comps = NULL;
    if (!l) return NULL;
    while ((op = parse_cmp_op(p)) >= 0) {
        r = parse_bitwise_or(p);
        if (!r) return NULL;
        if (n == cap) {
            int ncap = cap ? cap * 2 : 4;
            CmpOpKind *nops = arena_alloc(p->arena, (size_t)ncap * sizeof *nops);
            Expr **ncomps = arena_alloc(p->arena, (size_t)ncap * sizeof *ncomps);
            if (n) {
                memcpy(nops, ops, (size_t)n * sizeof *ops);
                memcpy(ncomps, comps, (size_t)n * sizeof *comps);
            }
            ops = nops;
            comps = ncomps;
            cap = ncap;
        }
        ops[n] = (CmpOpKind)op;
        comps[n++] = r;
    }
    if (n == 0) return l;
    e = new_expr(p, E_COMPARE, sp_from(p, st));
    e->u.compare.left = l;
    e->u.compare.n = n;
    e->u.compare.ops = ops;
    e->u.compare.comparators = comps;
    return e;
}

static Expr *parse_inversion(Parser *p) {
    Token *t = tk(p);
    Expr *e, *v;
    if (!accept_kw(p, K_NOT)) return parse_comparison(p);
    if (!enter(p, 1)) return NULL;
    v = parse_inversion(p);
    leave(p, 1);
    if (!v) return NULL;
    e = new_expr(p, E_UNARYOP, sp_from(p, t));
    e->u.unaryop.op = UOP_NOT;
    e->u.unaryop.operand = v;
    return e;
}

static Expr *parse_boolop(Parser *p, int kw) {
    Token *st = tk(p);
    Expr *first = kw == K_OR ? parse_boolop(p, K_AND) : parse_inversion(p), *e, *v = NULL;
    if (!first || !at_kw(p, kw)) return first;
    e = new_expr(p, E_BOOLOP, first->span);
    e->u.boolop.op = kw == K_OR ? BOOL_OR : BOOL_AND;
    ptrvec_push(p->arena, &e->u.boolop.values, first);
    while (accept_kw(p, kw)) {
        v = kw == K_OR ? parse_boolop(p, K_AND) : parse_inversion(p);
        if (!v) return NULL;
        ptrvec_push(p->arena, &e->u.boolop.values, v);
    }
    e->span = sp_from(p, st);
    return e;
}

static Expr *parse_disjunction(Parser *p) { return parse_boolop(p, K_OR); }

static Expr *parse_lambda(Parser *p) {
    Token *st = advance(p);
    Expr *e = new_expr(p, E_LAMBDA, sp_tok(st));
    e->u.lambda.args = parse_params(p, 1);
    if (!e->u.lambda.args) return NULL;
    if (!expect(p, T_COLON)) return NULL;
    if (!enter(p, COST_EXPR)) return NULL;         /* lambdef -> expression: 2 levels */
    e->u.lambda.body = parse_expression(p);
    leave(p, COST_EXPR);
    if (!e->u.lambda.body) return NULL;
    e->span = sp_from(p, st);
    return e;
}

static Expr *parse_expression_inner(Parser *p) {
    Token *st = tk(p);
    Expr *body, *e;
    if (at_kw(p, K_LAMBDA)) return parse_lambda(p);
    body = parse_disjunction(p);
    if (!body || !at_kw(p, K_IF)) return body;
    advance(p);
    e = new_expr(p, E_IFEXP, body->span);
    e->u.ifexp.body = body;
    e->u.ifexp.test = parse_disjunction(p);
    if (!e->u.ifexp.test) return NULL;
    if (!accept_kw(p, K_ELSE)) {
        if (!at(p, T_COLON))
            return fail_at(p, sp_join(body->span, e->u.ifexp.test->span),
                           "expected 'else' after 'if' expression");
        return fail(p);
    }
    e->u.ifexp.orelse = parse_expression(p);
    if (!e->u.ifexp.orelse) return NULL;
    e->span = sp_from(p, st);
    return e;
}

static Expr *parse_expression(Parser *p) {
    Expr *e;
    if (!enter(p, COST_EXPR)) return NULL;
    e = parse_expression_inner(p);
    leave(p, COST_EXPR);
    return e;
}

/* `e = ...` where a named expression was expected: CPython's
 * invalid_named_expression.  Returns NULL (with an error when it applies). */
static Expr *named_eq_error(Parser *p, Expr *e, const Token *st) {
    int save = p->pos;
    Expr *b;
    if (!is_bitwise_or_level(e, 0) || e->kind == E_YIELD || e->kind == E_YIELDFROM) return fail(p);
    advance(p);
    b = parse_bitwise_or(p);
    if (!b || at(p, T_EQUAL) || at(p, T_COLONEQUAL)) {
        p->pos = save;
        if (p->specific) return NULL;
        return fail(p);
    }
    if (e->kind == E_NAME && is_name(st))
        return fail_at(p, sp_join(e->span, b->span),
                       "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    if (e->kind == E_LIST || e->kind == E_TUPLE || e->kind == E_GENEXP ||
        (e->kind == E_CONSTANT && e->u.constant.kind <= CONST_FALSE))
        return fail(p);
    return fail_at(p, e->span, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                   ast_expr_name(e));
}

/* NAME ':=' expression | expression */
static Expr *parse_named_expression(Parser *p) {
    Token *t = tk(p);
    Expr *e, *v;
    if (is_name(t) && tk_ahead(p, 1)->kind == T_COLONEQUAL) {
        advance(p);
        advance(p);
        v = parse_expression(p);
        if (!v) return NULL;
        e = new_expr(p, E_NAMEDEXPR, sp_from(p, t));
        e->u.namedexpr.target = new_name(p, t, CTX_STORE);
        e->u.namedexpr.value = v;
        return e;
    }
    e = parse_expression(p);
    if (e && at(p, T_COLONEQUAL))
        return fail_at(p, e->span, "cannot use assignment expressions with %s", ast_expr_name(e));
    if (e && at(p, T_EQUAL) && !p->call_arg) return named_eq_error(p, e, t);
    return e;
}

static Expr *parse_starred(Parser *p) {
    Token *st = advance(p);
    Expr *v = parse_bitwise_or(p), *e;
    if (!v) return NULL;
    e = new_expr(p, E_STARRED, sp_from(p, st));
    e->u.starred.value = v;
    return e;
}

static Expr *parse_star_named_expression(Parser *p) {
    return at(p, T_STAR) ? parse_starred(p) : parse_named_expression(p);
}

static Expr *parse_star_expression(Parser *p) {
    return at(p, T_STAR) ? parse_starred(p) : parse_expression(p);
}

/* star_expression (',' star_expression)* [','] -> Tuple when there is a comma */
static Expr *parse_star_expressions(Parser *p) {
    Token *st = tk(p);
    Expr *first = parse_star_expression(p), *t, *e;
    if (!first || !at(p, T_COMMA)) return first;
    t = new_expr(p, E_TUPLE, first->span);
    ptrvec_push(p->arena, &t->u.list.elts, first);
    while (accept(p, T_COMMA)) {
        if (!starts_expr(tk(p)) && !at(p, T_STAR)) break;
        e = parse_star_expression(p);
        if (!e) return NULL;
        ptrvec_push(p->arena, &t->u.list.elts, e);
    }
    t->span = sp_from(p, st);
    p->bare_tuple = t;
    return t;
}

/* Targets of for / comprehensions / with: bitwise_or items, a Tuple when
 * there is a comma. */
static Expr *parse_star_targets(Parser *p) {
    Token *st = tk(p);
    Expr *first = at(p, T_STAR) ? parse_starred(p) : parse_bitwise_or(p), *t, *e;
    if (!first || !at(p, T_COMMA)) return first;
    t = new_expr(p, E_TUPLE, first->span);
    ptrvec_push(p->arena, &t->u.list.elts, first);
    while (accept(p, T_COMMA)) {
        if (!starts_expr(tk(p)) && !at(p, T_STAR)) break;
        e = at(p, T_STAR) ? parse_starred(p) : parse_bitwise_or(p);
        if (!e) return NULL;
        ptrvec_push(p->arena, &t->u.list.elts, e);
    }
    t->span = sp_from(p, st);
    return t;
}

static Expr *parse_yield_expr(Parser *p) {
    Token *st = advance(p);
    Expr *e, *v = NULL;
    if (accept_kw(p, K_FROM)) {
        v = parse_expression(p);
        if (!v) return NULL;
        e = new_expr(p, E_YIELDFROM, sp_from(p, st));
        e->u.yield.value = v;
        return e;
    }
    if (starts_expr(tk(p)) || at(p, T_STAR)) {
        v = parse_star_expressions(p);
        if (!v) return NULL;
    }
    e = new_expr(p, E_YIELD, sp_from(p, st));
    e->u.yield.value = v;
    return e;
}

/* ---- parameters ------------------------------------------------------------ */

static Arg *parse_param(Parser *p, int lambda) {
    Token *t = tk(p);
    Arg *a;
    if (!is_name(t)) return fail(p);
    advance(p);
    a = arena_alloc(p->arena, sizeof *a);
    a->name = tok_str(p, t);
    if (!lambda && accept(p, T_COLON)) {
        if (at(p, T_STAR) && tk_ahead(p, -3)->kind == T_STAR) {
            a->annotation = parse_starred(p);
        } else {
            a->annotation = parse_expression(p);
        }
        if (!a->annotation) return NULL;
    }
    a->span = sp_from(p, t);
    return a;
}

static int param_end(Parser *p, int lambda) {
    return at(p, lambda ? T_COLON : T_RPAR);
}

/* `def f(a, (b, c))`: CPython's invalid_parameters, when only plain names
 * come before: '(' NAME (',' NAME)* [','] ')' is reported whole. */
static void *parenthesized_params(Parser *p, int lambda) {
    int i = p->pos + 1;
    if (!is_name(&p->toks[i])) return fail(p);
    while (is_name(&p->toks[i]) && p->toks[i + 1].kind == T_COMMA) i += 2;
    if (is_name(&p->toks[i])) i++;
    if (p->toks[i].kind != T_RPAR) return fail(p);
    if (i > p->maxpos) p->maxpos = i;
    return fail_at(p, sp_join(sp_tok(tk(p)), sp_tok(&p->toks[i])), lambda
                   ? "Lambda expression parameters cannot be parenthesized"
                   : "Function parameters cannot be parenthesized");
}

/* A parameter's default after '=' (CPython's invalid_default when it is missing). */
static Expr *parse_default(Parser *p) {
    if (at(p, T_COMMA) || at(p, T_RPAR))
        return fail_at(p, sp_tok(prev(p)), "expected default value expression");
    return parse_expression(p);
}

/* Parameters of a def (up to ')') or a lambda (up to ':'). */
static Arguments *parse_params(Parser *p, int lambda) {
    Arguments *a = arena_alloc(p->arena, sizeof *a);
    int star = 0, slash = 0, seen_default = 0;
    while (!param_end(p, lambda)) {
        Token *t = tk(p);
        if (a->kwarg) return fail_at(p, sp_tok(t), "arguments cannot follow var-keyword argument");
        if (accept(p, T_SLASH)) {
            if (slash) return fail_at(p, sp_tok(t), "/ may appear only once");
            if (star) return fail_at(p, sp_tok(t), "/ must be ahead of *");
            if (a->args.len == 0) return fail_at(p, sp_tok(t), "at least one argument must precede /");
            a->posonlyargs = a->args;
            memset(&a->args, 0, sizeof a->args);
            slash = 1;
            if (at(p, T_STAR)) return fail_at(p, sp_tok(tk(p)), "expected comma between / and *");
        } else if (accept(p, T_STAR)) {
            if (star) return fail_at(p, sp_tok(t), "* argument may appear only once");
            star = 1;
            if (at(p, T_COMMA) || param_end(p, lambda)) {
                /* def reports at the '*', lambda at the last token read */
                if (param_end(p, lambda))
                    return fail_at(p, sp_tok(lambda ? tk(p) : t), "named arguments must follow bare *");
                if (tk_ahead(p, 1)->kind == T_DOUBLESTAR || (lambda && tk_ahead(p, 1)->kind == T_COLON))
                    return fail_at(p, sp_tok(lambda ? tk_ahead(p, 1) : t), "named arguments must follow bare *");
            } else {
                a->vararg = parse_param(p, lambda);
                if (!a->vararg) return NULL;
                if (at(p, T_EQUAL))
                    return fail_at(p, sp_tok(tk(p)), "var-positional argument cannot have default value");
            }
        } else if (accept(p, T_DOUBLESTAR)) {
            a->kwarg = parse_param(p, lambda);
            if (!a->kwarg) return NULL;
            if (at(p, T_EQUAL))
                return fail_at(p, sp_tok(tk(p)), "var-keyword argument cannot have default value");
        } else {
            if (at(p, T_LPAR) && !slash && !star && !seen_default) return parenthesized_params(p, lambda);
            Arg *arg = parse_param(p, lambda);
            Expr *def = NULL;
            if (!arg) return NULL;
            if (accept(p, T_EQUAL)) {
                def = parse_default(p);
                if (!def) return NULL;
            }
            if (star) {
                ptrvec_push(p->arena, &a->kwonlyargs, arg);
                ptrvec_push(p->arena, &a->kw_defaults, def);
            } else {
                if (def) { ptrvec_push(p->arena, &a->defaults, def); seen_default = 1; }
                else if (seen_default)
                    return fail_at(p, arg->span, "non-default argument follows default argument");
                ptrvec_push(p->arena, &a->args, arg);
            }
        }
        if (!accept(p, T_COMMA)) break;
    }
    if (!param_end(p, lambda)) return fail(p);
    return a;
}

/* ---- simple statements ----------------------------------------------------- */

static int at_stmt_end(Parser *p) { return at(p, T_NEWLINE) || at(p, T_SEMI); }

static Expr *parse_rhs(Parser *p) {
    return at_kw(p, K_YIELD) ? parse_yield_expr(p) : parse_star_expressions(p);
}

static int augop_of(int kind, BinOpKind *op) {
    static const struct { int tok; BinOpKind op; } map[] = {
        {T_PLUSEQUAL, OP_ADD}, {T_MINEQUAL, OP_SUB}, {T_STAREQUAL, OP_MUL},
        {T_ATEQUAL, OP_MATMUL}, {T_SLASHEQUAL, OP_TRUEDIV}, {T_PERCENTEQUAL, OP_MOD},
        {T_AMPEREQUAL, OP_BITAND}, {T_VBAREQUAL, OP_BITOR}, {T_CIRCUMFLEXEQUAL, OP_BITXOR},
        {T_LEFTSHIFTEQUAL, OP_LSHIFT}, {T_RIGHTSHIFTEQUAL, OP_RSHIFT},
        {T_DOUBLESTAREQUAL, OP_POW}, {T_DOUBLESLASHEQUAL, OP_FLOORDIV},
    };
    size_t i;
    for (i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].tok == kind) { *op = map[i].op; return 1; }
    return 0;
}

/* Is e (parenthesized unless `bare`) a bitwise_or-level expression? */
static int is_bitwise_or_level(const Expr *e, int bare) {
    switch (e->kind) {
    case E_BOOLOP: case E_NAMEDEXPR: case E_LAMBDA: case E_IFEXP:
    case E_COMPARE: case E_STARRED: case E_TUPLE:
        return 0;
    case E_UNARYOP:
        return e->u.unaryop.op != UOP_NOT;
    case E_YIELD: case E_YIELDFROM:
        return !bare;
    default:
        return 1;
    }
}

/* An invalid target in `t0 = t1 = ... = value`: CPython's
 * invalid_named_expression and invalid_assignment messages.  bare[i] says
 * item i is an unparenthesized yield. */
static Stmt *assign_error(Parser *p, PtrVec *items, const unsigned char *bare, int i) {
    Expr *target = items->items[i], *value = items->items[i + 1];
    Expr *bad = invalid_target(target, TGT_STAR);
    int last = items->len - 1;
    if (bare[i] && (target->kind == E_YIELD || target->kind == E_YIELDFROM))
        return fail_at(p, target->span, "assignment to yield expression not possible");
    if (i == 0 && last == 1 && bad == target && is_bitwise_or_level(value, bare[1]) &&
        is_bitwise_or_level(target, 0) && target->kind != E_LIST && target->kind != E_GENEXP &&
        !(target->kind == E_CONSTANT && target->u.constant.kind <= CONST_FALSE))
        return fail_at(p, bad->span, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                       ast_expr_name(bad));
    return fail_at(p, bad->span, "cannot assign to %s", ast_expr_name(bad));
}

/* target ':' annotation ['=' value].  A bad target is reported only once
 * the annotation has parsed (CPython's invalid_assignment, a second-pass
 * rule: `x*y:` alone is plain "invalid syntax", at the ':'). */
static Stmt *parse_annassign(Parser *p, Expr *target, const Token *st) {
    Stmt *s = new_stmt(p, S_ANNASSIGN, sp_tok(st));
    int maxpos = p->maxpos;
    int bad = target->kind != E_NAME && target->kind != E_ATTRIBUTE && target->kind != E_SUBSCRIPT;
    advance(p);
    s->u.annassign.annotation = parse_expression(p);
    if (!s->u.annassign.annotation) {
        if (bad && !p->specific) p->maxpos = maxpos;
        return NULL;
    }
    if (target->kind == E_TUPLE || target->kind == E_LIST)
        return fail_at(p, target->span, "only single target (not %s) can be annotated",
                       target->kind == E_TUPLE ? "tuple" : "list");
    if (bad) return fail_at(p, target->span, "illegal target for annotation");
    set_ctx(target, CTX_STORE);
    s->u.annassign.target = target;
    s->u.annassign.simple = target->kind == E_NAME && st->kind != T_LPAR;
    if (accept(p, T_EQUAL)) {
        s->u.annassign.value = parse_rhs(p);
        if (!s->u.annassign.value) return NULL;
    }
    s->span = sp_from(p, st);
    return s;
}

#define MAX_BARE 64

static Stmt *parse_assign(Parser *p, Expr *first, const Token *st) {
    Stmt *s = new_stmt(p, S_ASSIGN, sp_tok(st));
    PtrVec items = {0};
    unsigned char bare[MAX_BARE + 1] = {0};
    int i;
    bare[0] = st->kind == T_NAME && st->kw == K_YIELD;
    ptrvec_push(p->arena, &items, first);
    while (accept(p, T_EQUAL)) {
        Expr *v;
        if (items.len < MAX_BARE) bare[items.len] = at_kw(p, K_YIELD);
        v = parse_rhs(p);
        if (!v) return NULL;
        ptrvec_push(p->arena, &items, v);
    }
    for (i = 0; i + 1 < items.len; i++) {
        Expr *t = items.items[i];
        if (invalid_target(t, TGT_STAR))
            return assign_error(p, &items, bare, i < MAX_BARE ? i : MAX_BARE - 1);
        set_ctx(t, CTX_STORE);
    }
    s->u.assign.value = items.items[--items.len];
    s->u.assign.targets = items;
    s->span = sp_from(p, st);
    return s;
}

/* Statements that start with an expression: expression statement,
 * assignment, augmented or annotated assignment. */
static Stmt *parse_expr_stmt(Parser *p) {
    Token *st = tk(p);
    Expr *e = parse_rhs(p);
    BinOpKind op;
    Stmt *s;
    if (!e) return NULL;
    if (at(p, T_COLON)) return parse_annassign(p, e, st);
    if (at(p, T_EQUAL)) return parse_assign(p, e, st);
    if (augop_of(tk(p)->kind, &op)) {
        if (e->kind != E_NAME && e->kind != E_ATTRIBUTE && e->kind != E_SUBSCRIPT)
            return fail_at(p, e->span, "'%s' is an illegal expression for augmented assignment",
                           ast_expr_name(e));
        advance(p);
        set_ctx(e, CTX_STORE);
        s = new_stmt(p, S_AUGASSIGN, sp_tok(st));
        s->u.augassign.target = e;
        s->u.augassign.op = op;
        s->u.augassign.value = parse_rhs(p);
        if (!s->u.augassign.value) return NULL;
        s->span = sp_from(p, st);
        return s;
    }
    if (e->kind == E_NAME && (strcmp(e->u.name.id, "print") == 0 || strcmp(e->u.name.id, "exec") == 0) &&
        starts_expr(tk(p)) && !at(p, T_LPAR)) {
        Expr *b = parse_star_expressions(p);
        if (b)
            return fail_at(p, sp_join(e->span, b->span),
                           "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                           e->u.name.id, e->u.name.id);
        return NULL;
    }
    s = new_stmt(p, S_EXPR, sp_from(p, st));
    s->u.expr.value = e;
    return s;
}

/* dotted_name: NAME ('.' NAME)* */
static const char *parse_dotted_name(Parser *p) {
    Token *st = tk(p);
    Buf b = {0};
    if (!is_name(st)) return fail(p);
    buf_add(p, &b, p->src + st->start, st->end - st->start);
    advance(p);
    while (at(p, T_DOT)) {
        Token *n = tk_ahead(p, 1);
        if (!is_name(n)) { advance(p); return fail(p); }
        advance(p);
        advance(p);
        buf_addc(p, &b, '.');
        buf_add(p, &b, p->src + n->start, n->end - n->start);
    }
    return b.data;
}

static Alias *parse_alias(Parser *p, int dotted) {
    Token *st = tk(p);
    Alias *a = arena_alloc(p->arena, sizeof *a);
    if (dotted) a->name = parse_dotted_name(p);
    else if (is_name(st)) { advance(p); a->name = tok_str(p, st); }
    else return fail(p);
    if (!a->name) return NULL;
    if (accept_kw(p, K_AS)) {
        Token *n = tk(p);
        if (!is_name(n)) return fail(p);
        advance(p);
        a->asname = tok_str(p, n);
    }
    a->span = sp_from(p, st);
    return a;
}

static Stmt *parse_import(Parser *p, const Token *st) {
    Stmt *s = new_stmt(p, S_IMPORT, sp_tok(st));
    do {
        Alias *a = parse_alias(p, 1);
        if (!a) return NULL;
        ptrvec_push(p->arena, &s->u.import.names, a);
    } while (accept(p, T_COMMA));
    s->span = sp_from(p, st);
    return s;
}

static Stmt *parse_from_import(Parser *p, const Token *st) {
    Stmt *s = new_stmt(p, S_IMPORTFROM, sp_tok(st));
    int level = 0, paren;
    for (;;) {
        if (accept(p, T_DOT)) level++;
        else if (accept(p, T_ELLIPSIS)) level += 3;
        else break;
    }
    s->u.importfrom.level = level;
    if (!at_kw(p, K_IMPORT) || level == 0) {
        s->u.importfrom.module = parse_dotted_name(p);
        if (!s->u.importfrom.module) return NULL;
    }
    if (!accept_kw(p, K_IMPORT)) return fail(p);
    if (at(p, T_STAR)) {
        Token *t = advance(p);
        Alias *a = arena_alloc(p->arena, sizeof *a);
        a->name = "*";
        a->span = sp_tok(t);
        ptrvec_push(p->arena, &s->u.importfrom.names, a);
        s->span = sp_from(p, st);
        return s;
    }
    paren = accept(p, T_LPAR) != NULL;
    do {
        Alias *a;
        if (paren && at(p, T_RPAR) && s->u.importfrom.names.len) break;
        if (!paren && at(p, T_NEWLINE) && s->u.importfrom.names.len)
            return fail_at(p, sp_tok(tk(p)), "trailing comma not allowed without surrounding parentheses");
        a = parse_alias(p, 0);
        if (!a) return NULL;
        ptrvec_push(p->arena, &s->u.importfrom.names, a);
    } while (accept(p, T_COMMA));
    if (paren && !expect(p, T_RPAR)) return NULL;
    s->span = sp_from(p, st);
    return s;
}

static Stmt *parse_names_stmt(Parser *p, const Token *st, StmtKind kind) {
    Stmt *s = new_stmt(p, kind, sp_tok(st));
    do {
        Token *n = tk(p);
        if (!is_name(n)) return fail(p);
        advance(p);
        ptrvec_push(p->arena, &s->u.global.names, (void *)tok_str(p, n));
    } while (accept(p, T_COMMA));
    s->span = sp_from(p, st);
    return s;
}

static Stmt *parse_del(Parser *p, const Token *st) {
    Stmt *s = new_stmt(p, S_DELETE, sp_tok(st));
    do {
        Expr *e;
        if (at_stmt_end(p) && s->u.del.targets.len) break;
        e = parse_star_expression(p);
        if (!e) return NULL;
        if (!as_target(p, e, TGT_DEL)) return NULL;
        ptrvec_push(p->arena, &s->u.del.targets, e);
    } while (accept(p, T_COMMA));
    s->span = sp_from(p, st);
    return s;
}

static Stmt *parse_simple_stmt(Parser *p) {
    Token *st = tk(p);
    Stmt *s;
    if (st->kind != T_NAME || st->kw == 0 || st->kw == K_TRUE || st->kw == K_FALSE ||
        st->kw == K_NONE || st->kw == K_NOT || st->kw == K_LAMBDA || st->kw == K_AWAIT ||
        st->kw == K_YIELD)
        return parse_expr_stmt(p);
    switch (st->kw) {
    case K_PASS: case K_BREAK: case K_CONTINUE:
        advance(p);
        return new_stmt(p, st->kw == K_PASS ? S_PASS : st->kw == K_BREAK ? S_BREAK : S_CONTINUE,
                        sp_tok(st));
    case K_RETURN:
        advance(p);
        s = new_stmt(p, S_RETURN, sp_tok(st));
        if (!at_stmt_end(p)) {
            s->u.ret.value = parse_star_expressions(p);
            if (!s->u.ret.value) return NULL;
        }
        s->span = sp_from(p, st);
        return s;
    case K_RAISE:
        advance(p);
        s = new_stmt(p, S_RAISE, sp_tok(st));
        if (!at_stmt_end(p)) {
            s->u.raise.exc = parse_expression(p);
            if (!s->u.raise.exc) return NULL;
            if (accept_kw(p, K_FROM)) {
                s->u.raise.cause = parse_expression(p);
                if (!s->u.raise.cause) return NULL;
            }
        }
        s->span = sp_from(p, st);
        return s;
    case K_GLOBAL: advance(p); return parse_names_stmt(p, st, S_GLOBAL);
    case K_NONLOCAL: advance(p); return parse_names_stmt(p, st, S_NONLOCAL);
    case K_DEL: advance(p); return parse_del(p, st);
    case K_IMPORT: advance(p); return parse_import(p, st);
    case K_FROM: advance(p); return parse_from_import(p, st);
    case K_ASSERT:
        advance(p);
        s = new_stmt(p, S_ASSERT, sp_tok(st));
        s->u.assert_.test = parse_expression(p);
        if (!s->u.assert_.test) return NULL;
        if (accept(p, T_COMMA)) {
            s->u.assert_.msg = parse_expression(p);
            if (!s->u.assert_.msg) return NULL;
        }
        s->span = sp_from(p, st);
        return s;
    default:
        return fail(p);
    }
}

/* simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static int parse_simple_stmts(Parser *p, PtrVec *out) {
    do {
        Stmt *s;
        if (at(p, T_NEWLINE) && out->len) break;
        s = parse_simple_stmt(p);
        if (!s) return 0;
        ptrvec_push(p->arena, out, s);
    } while (accept(p, T_SEMI));
    if (!accept(p, T_NEWLINE)) {
        Stmt *last = out->items[out->len - 1];
        if (last->kind == S_EXPR)
            check_missing_comma(p, last->u.expr.value, tk(p));
        fail(p);
        return 0;
    }
    return 1;
}

/* ---- compound statements --------------------------------------------------- */

/* NEWLINE INDENT statement+ DEDENT | simple_stmts */
static PtrVec parse_block(Parser *p, const char *what, int line) {
    PtrVec body = {0}, none = {0};
    if (!accept(p, T_NEWLINE)) {
        if (!parse_simple_stmts(p, &body)) return none;
        return body;
    }
    if (!accept(p, T_INDENT)) {
        fail_indent(p, sp_err_tok(tk(p)), "expected an indented block after %s on line %d", what, line);
        return none;
    }
    while (!accept(p, T_DEDENT)) {
        if (at(p, T_ENDMARKER) || at(p, T_ERROR)) { fail(p); return none; }
        if (!parse_statement(p, &body)) return none;
    }
    return body;
}

static Span stmts_end(Span start, PtrVec *body) {
    Stmt *last = body->len ? body->items[body->len - 1] : NULL;
    return last ? sp_join(start, last->span) : start;
}

static Stmt *parse_if(Parser *p, const Token *st, int is_elif) {
    Stmt *s = new_stmt(p, S_IF, sp_tok(st));
    s->u.if_.test = parse_named_expression(p);
    if (!s->u.if_.test || !expect_colon(p)) return NULL;
    s->u.if_.body = parse_block(p, is_elif ? "'elif' statement" : "'if' statement", st->lineno);
    if (p->failed) return NULL;
    s->span = stmts_end(sp_tok(st), &s->u.if_.body);
    if (at_kw(p, K_ELIF)) {
        Token *e = advance(p);
        Stmt *sub = parse_if(p, e, 1);
        if (!sub) return NULL;
        ptrvec_push(p->arena, &s->u.if_.orelse, sub);
        s->span = sp_join(s->span, sub->span);
    } else if (at_kw(p, K_ELSE)) {
        Token *e = advance(p);
        if (!expect_forced_colon(p)) return NULL;
        s->u.if_.orelse = parse_block(p, "'else' statement", e->lineno);
        if (p->failed) return NULL;
        s->span = stmts_end(s->span, &s->u.if_.orelse);
    }
    return s;
}

/* Optional `else:` block of while/for. */
static int parse_else(Parser *p, Stmt *s, PtrVec *orelse) {
    if (at_kw(p, K_ELSE)) {
        Token *e = advance(p);
        if (!expect_forced_colon(p)) return 0;
        *orelse = parse_block(p, "'else' statement", e->lineno);
        if (p->failed) return 0;
        s->span = stmts_end(s->span, orelse);
    }
    return 1;
}

static Stmt *parse_while(Parser *p, const Token *st) {
    Stmt *s = new_stmt(p, S_WHILE, sp_tok(st));
    s->u.while_.test = parse_named_expression(p);
    if (!s->u.while_.test || !expect_colon(p)) return NULL;
    s->u.while_.body = parse_block(p, "'while' statement", st->lineno);
    if (p->failed) return NULL;
    s->span = stmts_end(sp_tok(st), &s->u.while_.body);
    return parse_else(p, s, &s->u.while_.orelse) ? s : NULL;
}

static Stmt *parse_for(Parser *p, const Token *st, int is_async) {
    Stmt *s = new_stmt(p, is_async ? S_ASYNCFOR : S_FOR, sp_tok(st));
    Expr *target = parse_star_targets(p);
    if (!target) return NULL;
    if (!accept_kw(p, K_IN)) {
        Expr *bad = invalid_target(target, TGT_FOR);
        if (bad) return fail_at(p, bad->span, "cannot assign to %s", ast_expr_name(bad));
        return fail(p);
    }
    if (!as_target(p, target, TGT_FOR)) return NULL;
    s->u.for_.target = target;
    s->u.for_.iter = parse_star_expressions(p);
    if (!s->u.for_.iter || !expect_colon(p)) return NULL;
    s->u.for_.body = parse_block(p, "'for' statement", st->lineno);
    if (p->failed) return NULL;
    s->span = stmts_end(sp_tok(st), &s->u.for_.body);
    return parse_else(p, s, &s->u.for_.orelse) ? s : NULL;
}

static WithItem *parse_with_item(Parser *p) {
    WithItem *w = arena_alloc(p->arena, sizeof *w);
    w->context_expr = parse_expression(p);
    if (!w->context_expr) return NULL;
    if (accept_kw(p, K_AS)) {
        w->optional_vars = at(p, T_STAR) ? parse_starred(p) : parse_bitwise_or(p);
        if (!w->optional_vars) return NULL;
        if (at(p, T_NEWLINE) && !p->brackets && !invalid_target(w->optional_vars, TGT_STAR))
            return fail_at(p, sp_tok(tk(p)), "expected ':'");      /* CPython's invalid_with_stmt */
        if (!at(p, T_COMMA) && !at(p, T_RPAR) && !at(p, T_COLON)) return fail(p);
        if (!as_target(p, w->optional_vars, TGT_STAR)) return NULL;
    }
    return w;
}

/* '(' with_item (',' with_item)* [','] ')' ':' ; 0 if it does not fit. */
static int parse_with_parens(Parser *p, PtrVec *items) {
    int save = p->pos, saved_brackets = p->brackets;
    advance(p);
    p->brackets++;
    do {
        WithItem *w;
        if (at(p, T_RPAR) && items->len) break;
        w = parse_with_item(p);
        if (!w) break;
        ptrvec_push(p->arena, items, w);
    } while (accept(p, T_COMMA));
    p->brackets = saved_brackets;
    if (!p->failed && accept(p, T_RPAR) && at(p, T_COLON)) return 1;
    if (!p->failed && at(p, T_NEWLINE)) {               /* CPython's invalid_with_stmt */
        fail_at(p, sp_tok(tk(p)), "expected ':'");
        return -1;
    }
    if (p->specific) return -1;
    p->failed = 0;
    p->pos = save;
    memset(items, 0, sizeof *items);
    return 0;
}

static Stmt *parse_with(Parser *p, const Token *st, int is_async) {
    Stmt *s = new_stmt(p, is_async ? S_ASYNCWITH : S_WITH, sp_tok(st));
    int r = 0;
    if (at(p, T_LPAR)) r = parse_with_parens(p, &s->u.with.items);
    if (r < 0) return NULL;
    if (r == 0) {
        do {
            WithItem *w = parse_with_item(p);
            if (!w) return NULL;
            ptrvec_push(p->arena, &s->u.with.items, w);
        } while (accept(p, T_COMMA));
    }
    if (!expect_colon(p)) return NULL;
    s->u.with.body = parse_block(p, "'with' statement", st->lineno);
    if (p->failed) return NULL;
    s->span = stmts_end(sp_tok(st), &s->u.with.body);
    return s;
}

/* `except A, B [as n]:` (CPython's invalid_except_stmt): the error spans from
 * A to the tokenizer's position after the ':'. */
static void *unparenthesized_types(Parser *p, Expr *first) {
    int comma = p->pos;
    while (accept(p, T_COMMA)) {
        if (at(p, T_COLON) || at_kw(p, K_AS)) break;
        if (!parse_expression(p)) return NULL;
    }
    if ((accept_kw(p, K_AS) && !(is_name(tk(p)) && advance(p))) || !accept(p, T_COLON)) {
        p->maxpos = comma;              /* CPython's first pass stopped at the ',' */
        return fail(p);
    }
    Span sp = sp_join(first->span, sp_tok(prev(p)));
    sp.end_col--;                       /* CPython's CURRENT_POS, used as a 1-based offset */
    return fail_at(p, sp, "multiple exception types must be parenthesized");
}

static ExceptHandler *parse_handler(Parser *p, int *star) {
    Token *st = advance(p);
    ExceptHandler *h = arena_alloc(p->arena, sizeof *h);
    int is_star = accept(p, T_STAR) != NULL;
    if (*star < 0) *star = is_star;
    else if (*star != is_star)
        return fail_at(p, sp_from(p, st), "cannot have both 'except' and 'except*' on the same 'try'");
    if (is_star && at(p, T_COLON))
        return fail_at(p, sp_tok(tk(p)), "expected one or more exception types");
    if (at(p, T_NEWLINE)) return fail_at(p, sp_tok(tk(p)), "expected ':'");
    if (!at(p, T_COLON)) {
        h->type = parse_expression(p);
        if (!h->type) return NULL;
        if (at(p, T_COMMA)) return unparenthesized_types(p, h->type);
        if (accept_kw(p, K_AS)) {
            Token *n = tk(p);
            if (!is_name(n)) return fail(p);
            advance(p);
            h->name = tok_str(p, n);
        }
    }
    if (!expect_colon(p)) return NULL;
    h->body = parse_block(p, is_star ? "'except*' statement" : "'except' statement", st->lineno);
    if (p->failed) return NULL;
    h->span = stmts_end(sp_tok(st), &h->body);
    return h;
}

static Stmt *parse_try(Parser *p, const Token *st) {
    Stmt *s = new_stmt(p, S_TRY, sp_tok(st));
    int star = -1;
    if (!expect_forced_colon(p)) return NULL;
    s->u.try_.body = parse_block(p, "'try' statement", st->lineno);
    if (p->failed) return NULL;
    while (at_kw(p, K_EXCEPT)) {
        ExceptHandler *h = parse_handler(p, &star);
        if (!h) return NULL;
        ptrvec_push(p->arena, &s->u.try_.handlers, h);
        s->span = sp_join(sp_tok(st), h->span);
    }
    if (star == 1) s->kind = S_TRYSTAR;
    if (s->u.try_.handlers.len && at_kw(p, K_ELSE)) {
        Token *e = advance(p);
        if (!expect_forced_colon(p)) return NULL;
        s->u.try_.orelse = parse_block(p, "'else' statement", e->lineno);
        if (p->failed) return NULL;
        s->span = stmts_end(s->span, &s->u.try_.orelse);
    }
    if (at_kw(p, K_FINALLY)) {
        Token *f = advance(p);
        if (!expect_forced_colon(p)) return NULL;
        s->u.try_.finalbody = parse_block(p, "'finally' statement", f->lineno);
        if (p->failed) return NULL;
        s->span = stmts_end(s->span, &s->u.try_.finalbody);
    } else if (!s->u.try_.handlers.len) {
        return fail_at(p, sp_err_tok(tk(p)), "expected 'except' or 'finally' block");
    }
    return s;
}

static Stmt *parse_funcdef(Parser *p, const Token *st, PtrVec decos, int is_async) {
    Stmt *s = new_stmt(p, is_async ? S_ASYNCFUNCTIONDEF : S_FUNCTIONDEF, sp_tok(st));
    Token *name = tk(p);
    if (!is_name(name)) return fail(p);
    advance(p);
    s->u.funcdef.name = tok_str(p, name);
    s->u.funcdef.decorators = decos;
    if (!accept(p, T_LPAR)) return fail_at(p, sp_tok(tk(p)), "expected '('");
    p->brackets++;
    s->u.funcdef.args = parse_params(p, 0);
    p->brackets--;
    if (!s->u.funcdef.args || !expect(p, T_RPAR)) return NULL;
    if (accept(p, T_RARROW)) {
        s->u.funcdef.returns = parse_expression(p);
        if (!s->u.funcdef.returns) return NULL;
    }
    if (!expect_forced_colon(p)) return NULL;
    s->u.funcdef.body = parse_block(p, "function definition", st->lineno);
    if (p->failed) return NULL;
    s->span = stmts_end(sp_tok(st), &s->u.funcdef.body);
    return s;
}

static Stmt *parse_classdef(Parser *p, const Token *st, PtrVec decos) {
    Stmt *s = new_stmt(p, S_CLASSDEF, sp_tok(st));
    Token *name = tk(p), *open;
    if (!is_name(name)) return fail(p);
    advance(p);
    s->u.classdef.name = tok_str(p, name);
    s->u.classdef.decorators = decos;
    if ((open = accept(p, T_LPAR))) {
        Expr call;
        memset(&call, 0, sizeof call);
        p->brackets++;
        if (!parse_call_args(p, &call, open)) return NULL;
        p->brackets--;
        s->u.classdef.bases = call.u.call.args;
        s->u.classdef.keywords = call.u.call.keywords;
    }
    if (!expect_colon(p)) return NULL;
    s->u.classdef.body = parse_block(p, "class definition", st->lineno);
    if (p->failed) return NULL;
    s->span = stmts_end(sp_tok(st), &s->u.classdef.body);
    return s;
}

static Stmt *parse_decorated(Parser *p) {
    PtrVec decos = {0};
    Token *t;
    while (accept(p, T_AT)) {
        Expr *d = parse_named_expression(p);
        if (!d || !expect(p, T_NEWLINE)) return NULL;
        ptrvec_push(p->arena, &decos, d);
    }
    t = tk(p);
    if (accept_kw(p, K_DEF)) return parse_funcdef(p, t, decos, 0);
    if (accept_kw(p, K_CLASS)) return parse_classdef(p, t, decos);
    if (at_kw(p, K_ASYNC) && tk_ahead(p, 1)->kw == K_DEF) {
        advance(p);
        advance(p);
        return parse_funcdef(p, t, decos, 1);
    }
    return fail(p);
}

/* ---- match statements ------------------------------------------------------ */
/* CPython's match_stmt and pattern rules (PEP 634).  `match`, `case` and `_`
 * are soft keywords: they stay NAME tokens and only mean something where the
 * rules below look for them.
 *
 * A line that starts with `match` and an expression is first read as a match
 * statement; it is one once `match <subject> ':' NEWLINE` has been read (no
 * ordinary statement has that shape).  Before that point nothing is final:
 * the parser goes back and reads the line as an ordinary statement
 * (`match(x)`, `match[i] = v`, `match -x`).  Only when that fails too is the
 * error chosen the way CPython's second pass would choose it: an error of the
 * match attempt's own (its subject's), then "expected ':'" for `match x`
 * NEWLINE, then the ordinary statement's error. */

static Pattern *parse_pattern(Parser *p);

static int tok_soft(Parser *p, const Token *t, const char *word) {
    return is_name(t) && tok_is(t, p->src, word);
}

static Pattern *new_pattern(Parser *p, PatternKind kind, Span sp) {
    Pattern *pat = arena_alloc(p->arena, sizeof *pat);
    pat->kind = kind;
    pat->span = sp;
    return pat;
}

/* Can token t begin a pattern? */
static int starts_pattern(const Token *t) {
    switch (t->kind) {
    case T_NAME:
        return t->kw == 0 || t->kw == K_NONE || t->kw == K_TRUE || t->kw == K_FALSE;
    case T_NUMBER: case T_STRING: case T_MINUS: case T_LPAR: case T_LSQB: case T_LBRACE: case T_STAR:
        return 1;
    default:
        return 0;
    }
}

/* signed_number !('+' | '-') | complex_number: -1, 1.5, 1+2j, -1.5-2j.
 * The parts of a complex literal must be real, then imaginary. */
static Expr *parse_signed_number(Parser *p) {
    Token *st = tk(p), *op;
    Expr *num, *e, *imag;
    int neg = accept(p, T_MINUS) != NULL;
    if (!at(p, T_NUMBER)) return fail(p);
    e = num = parse_number(p);
    if (neg) {
        e = new_expr(p, E_UNARYOP, sp_from(p, st));
        e->u.unaryop.op = UOP_NEG;
        e->u.unaryop.operand = num;
    }
    if (!at(p, T_PLUS) && !at(p, T_MINUS)) return e;
    if (num->u.constant.kind == CONST_IMAG)
        return fail_at(p, num->span, "real number required in complex literal");
    op = advance(p);
    if (!at(p, T_NUMBER)) return fail(p);
    imag = parse_number(p);
    if (imag->u.constant.kind != CONST_IMAG)
        return fail_at(p, imag->span, "imaginary number required in complex literal");
    return new_binop(p, st, e, op->kind == T_PLUS ? OP_ADD : OP_SUB, imag);
}

/* name_or_attr: NAME ('.' NAME)*, the dotted form as Attribute loads. */
static Expr *parse_name_or_attr(Parser *p) {
    Token *st = tk(p);
    Expr *e = new_name(p, advance(p), CTX_LOAD);
    while (accept(p, T_DOT)) {
        Token *n = tk(p);
        Expr *a;
        if (!is_name(n)) return fail(p);
        advance(p);
        a = new_expr(p, E_ATTRIBUTE, sp_from(p, st));
        a->u.attribute.value = e;
        a->u.attribute.attr = tok_str(p, n);
        a->u.attribute.ctx = CTX_LOAD;
        e = a;
    }
    return e;
}

/* pattern_capture_target: !"_" NAME !('.' | '(' | '='); the name or NULL. */
static const char *parse_capture_target(Parser *p) {
    Token *n = tk(p);
    if (!is_name(n) || tok_soft(p, n, "_")) return fail(p);
    advance(p);
    if (at(p, T_DOT) || at(p, T_LPAR) || at(p, T_EQUAL)) return fail(p);
    return tok_str(p, n);
}

static Pattern *new_value_pattern(Parser *p, Expr *value) {
    Pattern *pat;
    if (!value) return NULL;
    pat = new_pattern(p, P_VALUE, value->span);
    pat->u.value.value = value;
    return pat;
}

/* '*' (pattern_capture_target | '_') */
static Pattern *parse_star_pattern(Parser *p) {
    Token *st = advance(p);
    Pattern *pat;
    const char *name = NULL;
    if (tok_soft(p, tk(p), "_")) advance(p);
    else if (!(name = parse_capture_target(p))) return NULL;
    pat = new_pattern(p, P_STAR, sp_from(p, st));
    pat->u.star.name = name;
    return pat;
}

static Pattern *parse_maybe_star_pattern(Parser *p) {
    return at(p, T_STAR) ? parse_star_pattern(p) : parse_pattern(p);
}

/* maybe_sequence_pattern: ','.maybe_star_pattern+ ','?  appended to seq;
 * stops before the closing token. */
static int parse_sequence_items(Parser *p, Pattern *seq) {
    do {
        Pattern *item;
        if (seq->u.seq.patterns.len && !starts_pattern(tk(p))) break;
        item = parse_maybe_star_pattern(p);
        if (!item) return 0;
        ptrvec_push(p->arena, &seq->u.seq.patterns, item);
    } while (accept(p, T_COMMA));
    return 1;
}

/* '(' pattern ')' (a group: the pattern itself) | '(' open_sequence_pattern? ')' */
static Pattern *parse_paren_pattern(Parser *p) {
    Token *open = advance(p);
    Pattern *first, *seq = new_pattern(p, P_SEQUENCE, sp_tok(open));
    if (!accept(p, T_RPAR)) {
        first = parse_maybe_star_pattern(p);
        if (!first) return NULL;
        if (accept(p, T_RPAR)) return first->kind == P_STAR ? fail(p) : first;
        if (!expect(p, T_COMMA)) return NULL;
        ptrvec_push(p->arena, &seq->u.seq.patterns, first);
        if (starts_pattern(tk(p)) && !parse_sequence_items(p, seq)) return NULL;
        if (!expect(p, T_RPAR)) return NULL;
    }
    seq->span = sp_from(p, open);
    return seq;
}

/* '[' maybe_sequence_pattern? ']' */
static Pattern *parse_list_pattern(Parser *p) {
    Token *open = advance(p);
    Pattern *seq = new_pattern(p, P_SEQUENCE, sp_tok(open));
    if (!at(p, T_RSQB) && !parse_sequence_items(p, seq)) return NULL;
    if (!expect(p, T_RSQB)) return NULL;
    seq->span = sp_from(p, open);
    return seq;
}

/* A mapping pattern key: literal_expr | attr */
static Expr *parse_pattern_key(Parser *p) {
    Token *t = tk(p);
    Expr *e;
    if (t->kind == T_NUMBER || t->kind == T_MINUS) return parse_signed_number(p);
    if (t->kind == T_STRING) return parse_strings(p);
    if (t->kind == T_NAME && (t->kw == K_NONE || t->kw == K_TRUE || t->kw == K_FALSE)) {
        advance(p);
        return new_const(p, t->kw == K_NONE ? CONST_NONE : t->kw == K_TRUE ? CONST_TRUE : CONST_FALSE,
                         sp_tok(t));
    }
    if (!is_name(t)) return fail(p);
    e = parse_name_or_attr(p);
    return e && e->kind == E_ATTRIBUTE ? e : fail(p);
}

/* '{' [key ':' pattern (',' key ':' pattern)*] [',' '**' target] ','? '}' */
static Pattern *parse_mapping_pattern(Parser *p) {
    Token *open = advance(p);
    Pattern *m = new_pattern(p, P_MAPPING, sp_tok(open));
    while (!at(p, T_RBRACE)) {
        Expr *key;
        Pattern *value;
        if (accept(p, T_DOUBLESTAR)) {
            if (!(m->u.mapping.rest = parse_capture_target(p))) return NULL;
            accept(p, T_COMMA);
            break;
        }
        if (!(key = parse_pattern_key(p)) || !expect(p, T_COLON) || !(value = parse_pattern(p)))
            return NULL;
        ptrvec_push(p->arena, &m->u.mapping.keys, key);
        ptrvec_push(p->arena, &m->u.mapping.patterns, value);
        if (!accept(p, T_COMMA)) break;
    }
    if (!expect(p, T_RBRACE)) return NULL;
    m->span = sp_from(p, open);
    return m;
}

static int at_keyword_pattern(Parser *p) {
    return is_name(tk(p)) && tk_ahead(p, 1)->kind == T_EQUAL;
}

/* invalid_class_argument_pattern: positional patterns after keyword ones.
 * CPython underlines the run of positional patterns (as many as parse).  A
 * second-pass rule: when even the first does not parse, the generic error
 * stays where the first pass stopped, at its first token. */
static Pattern *positional_after_keyword(Parser *p) {
    int maxpos = p->maxpos;
    Pattern *first = parse_pattern(p), *last = first;
    if (!first) {
        if (!p->specific) p->maxpos = maxpos;
        return NULL;
    }
    for (;;) {
        int save = p->pos;
        Pattern *next;
        if (!accept(p, T_COMMA) || at_keyword_pattern(p) || !starts_pattern(tk(p))) {
            p->pos = save;
            break;
        }
        next = parse_pattern(p);
        if (!next) {
            if (p->specific) return NULL;
            p->failed = 0;
            p->pos = save;
            break;
        }
        last = next;
    }
    return fail_at(p, sp_join(first->span, last->span), "positional patterns follow keyword patterns");
}

/* name_or_attr '(' [positional patterns] [keyword patterns] ','? ')' */
static Pattern *parse_class_pattern(Parser *p, Expr *cls, const Token *st) {
    Pattern *c = new_pattern(p, P_CLASS, cls->span);
    c->u.cls.cls = cls;
    advance(p);
    while (!at(p, T_RPAR)) {
        Pattern *arg;
        if (at_keyword_pattern(p)) {
            Token *n = advance(p);
            advance(p);
            if (!(arg = parse_pattern(p))) return NULL;
            ptrvec_push(p->arena, &c->u.cls.kwd_attrs, (void *)tok_str(p, n));
            ptrvec_push(p->arena, &c->u.cls.kwd_patterns, arg);
        } else if (c->u.cls.kwd_patterns.len) {
            return positional_after_keyword(p);
        } else {
            if (!(arg = parse_pattern(p))) return NULL;
            ptrvec_push(p->arena, &c->u.cls.patterns, arg);
        }
        if (!accept(p, T_COMMA)) break;
    }
    if (!expect(p, T_RPAR)) return NULL;
    c->span = sp_from(p, st);
    return c;
}

/* A pattern that starts with a name: capture, wildcard, value (dotted) or
 * class pattern. */
static Pattern *parse_name_pattern(Parser *p) {
    Token *t = tk(p);
    Token *n = tk_ahead(p, 1);
    Pattern *pat;
    Expr *e;
    if (tok_soft(p, t, "_")) {
        advance(p);
        return new_pattern(p, P_AS, sp_tok(t));
    }
    if (n->kind != T_DOT && n->kind != T_LPAR) {
        const char *name = parse_capture_target(p);
        if (!name) return NULL;
        pat = new_pattern(p, P_AS, sp_tok(t));
        pat->u.as.name = name;
        return pat;
    }
    if (!(e = parse_name_or_attr(p))) return NULL;
    if (at(p, T_LPAR)) return parse_class_pattern(p, e, t);
    if (e->kind != E_ATTRIBUTE || at(p, T_EQUAL)) return fail(p);
    return new_value_pattern(p, e);
}

/* closed_pattern: literal | capture | wildcard | value | group | sequence
 * | mapping | class */
static Pattern *parse_closed_pattern(Parser *p) {
    Token *t = tk(p);
    Pattern *pat;
    switch (t->kind) {
    case T_NUMBER: case T_MINUS: return new_value_pattern(p, parse_signed_number(p));
    case T_STRING: return new_value_pattern(p, parse_strings(p));
    case T_LPAR: return parse_paren_pattern(p);
    case T_LSQB: return parse_list_pattern(p);
    case T_LBRACE: return parse_mapping_pattern(p);
    case T_NAME:
        if (t->kw == K_NONE || t->kw == K_TRUE || t->kw == K_FALSE) {
            advance(p);
            pat = new_pattern(p, P_SINGLETON, sp_tok(t));
            pat->u.singleton.value = t->kw == K_NONE ? CONST_NONE : t->kw == K_TRUE ? CONST_TRUE : CONST_FALSE;
            return pat;
        }
        if (t->kw == 0) return parse_name_pattern(p);
        return fail(p);
    default:
        return fail(p);
    }
}

/* or_pattern: '|'.closed_pattern+  As a PEG gather it ends before a '|'
 * whose alternative does not parse (the caller then fails at the '|'; only
 * CPython's second-pass rules can tell the difference). */
static Pattern *parse_or_pattern(Parser *p) {
    Token *st = tk(p);
    Pattern *first = parse_closed_pattern(p), *alts;
    if (!first || !at(p, T_VBAR)) return first;
    alts = new_pattern(p, P_OR, first->span);
    ptrvec_push(p->arena, &alts->u.seq.patterns, first);
    while (at(p, T_VBAR)) {
        int save = p->pos;
        Pattern *next;
        advance(p);
        if (!(next = parse_closed_pattern(p))) {
            if (p->specific) return NULL;
            p->failed = 0;
            p->pos = save;
            break;
        }
        ptrvec_push(p->arena, &alts->u.seq.patterns, next);
    }
    if (alts->u.seq.patterns.len == 1) return first;
    alts->span = sp_from(p, st);
    return alts;
}

/* as_pattern | or_pattern, with invalid_as_pattern's messages. */
static Pattern *parse_pattern_inner(Parser *p) {
    Token *st = tk(p), *n;
    Pattern *pat = parse_or_pattern(p), *as;
    Expr *bad;
    const char *name;
    if (!pat || !accept_kw(p, K_AS)) return pat;
    n = tk(p);
    if (tok_soft(p, n, "_")) return fail_at(p, sp_tok(n), "cannot use '_' as a target");
    if (!is_name(n)) {
        /* a second-pass rule: tokens it reads past a failure do not move the
           generic error (which CPython puts at the end of its first pass) */
        int save = p->pos, maxpos = p->maxpos;
        if (!(bad = parse_expression(p)) && !p->specific) {
            /* `case 1 as 2 if x:` - the target is `2` (CPython's expression
               rule falls back to its disjunction) */
            p->failed = 0;
            p->pos = save;
            bad = parse_disjunction(p);
        }
        if (!bad) {
            if (!p->specific) p->maxpos = maxpos;
            return NULL;
        }
        return fail_at(p, bad->span, "invalid pattern target");
    }
    if (!(name = parse_capture_target(p))) return NULL;
    as = new_pattern(p, P_AS, sp_from(p, st));
    as->u.as.pattern = pat;
    as->u.as.name = name;
    return as;
}

static Pattern *parse_pattern(Parser *p) {
    Pattern *pat;
    if (!enter(p, 10)) return NULL;
    pat = parse_pattern_inner(p);
    leave(p, 10);
    return pat;
}

/* patterns: open_sequence_pattern (a MatchSequence without brackets) | pattern */
static Pattern *parse_patterns(Parser *p) {
    Token *st = tk(p);
    Pattern *first = parse_maybe_star_pattern(p), *seq;
    if (!first) return NULL;
    if (!at(p, T_COMMA)) return first->kind == P_STAR ? fail(p) : first;
    advance(p);
    seq = new_pattern(p, P_SEQUENCE, first->span);
    ptrvec_push(p->arena, &seq->u.seq.patterns, first);
    if (starts_pattern(tk(p)) && !parse_sequence_items(p, seq)) return NULL;
    seq->span = sp_from(p, st);
    return seq;
}

/* "case" patterns guard? ':' block */
static MatchCase *parse_case_block(Parser *p) {
    Token *st = tk(p);
    MatchCase *mc = arena_alloc(p->arena, sizeof *mc);
    if (!tok_soft(p, st, "case")) return fail(p);
    advance(p);
    if (!(mc->pattern = parse_patterns(p))) return NULL;
    if (accept_kw(p, K_IF) && !(mc->guard = parse_named_expression(p))) return NULL;
    if (!expect_colon(p)) return NULL;
    mc->body = parse_block(p, "'case' statement", st->lineno);
    return p->failed ? NULL : mc;
}

/* subject_expr: star_named_expression ',' star_named_expressions? | named_expression */
static Expr *parse_subject(Parser *p) {
    Token *st = tk(p);
    Expr *first = parse_star_named_expression(p), *t;
    if (!first) return NULL;
    if (!at(p, T_COMMA)) return first->kind == E_STARRED ? fail(p) : first;
    t = new_expr(p, E_TUPLE, first->span);
    ptrvec_push(p->arena, &t->u.list.elts, first);
    while (accept(p, T_COMMA)) {
        Expr *e;
        if (!starts_expr(tk(p)) && !at(p, T_STAR)) break;
        if (!(e = parse_star_named_expression(p))) return NULL;
        ptrvec_push(p->arena, &t->u.list.elts, e);
    }
    t->span = sp_from(p, st);
    return t;
}

/* The cases after `match <subject> ':' NEWLINE`. */
static Stmt *parse_match_body(Parser *p, const Token *st, Expr *subject) {
    Stmt *s = new_stmt(p, S_MATCH, sp_tok(st));
    MatchCase *mc = NULL;
    s->u.match.subject = subject;
    if (!accept(p, T_INDENT))
        return fail_indent(p, sp_err_tok(tk(p)), "expected an indented block after 'match' statement on line %d",
                           st->lineno);
    do {
        if (!(mc = parse_case_block(p))) return NULL;
        ptrvec_push(p->arena, &s->u.match.cases, mc);
    } while (!accept(p, T_DEDENT));
    s->span = stmts_end(sp_tok(st), &mc->body);
    return s;
}

/* A line starting with `match` and an expression (see the section comment).
 * Returns the match statement; NULL without an error when the line is an
 * ordinary statement (the caller reads it again from the start), NULL with
 * an error otherwise. */
static Stmt *parse_match(Parser *p) {
    Token *st = tk(p);
    int save = p->pos, no_colon;
    Expr *subject, *bare = p->bare_tuple;
    ParseError trial;
    PtrVec scratch = {0};
    advance(p);
    subject = parse_subject(p);
    if (subject && at(p, T_COLON) && tk_ahead(p, 1)->kind == T_NEWLINE) {
        advance(p);
        advance(p);
        return parse_match_body(p, st, subject);
    }
    no_colon = subject && at(p, T_NEWLINE);
    trial = *p->err;
    trial.kind = p->specific ? trial.kind : NULL;
    p->failed = p->specific = 0;
    p->pos = save;
    if (parse_simple_stmts(p, &scratch)) {     /* an ordinary statement after all */
        p->pos = save;
        p->bare_tuple = bare;
        p->match_line |= no_colon;
        return NULL;
    }
    if (trial.kind) {
        *p->err = trial;
        p->specific = 1;
    } else if (no_colon) {
        p->failed = 0;
        fail_at(p, sp_tok(&p->toks[p->maxpos]), "expected ':'");
    }
    return NULL;
}

static Stmt *parse_compound(Parser *p) {
    Token *t = tk(p);
    PtrVec none = {0};
    if (t->kind == T_AT) return parse_decorated(p);
    if (t->kind != T_NAME) return NULL;
    switch (t->kw) {
    case K_IF: advance(p); return parse_if(p, t, 0);
    case K_WHILE: advance(p); return parse_while(p, t);
    case K_FOR: advance(p); return parse_for(p, t, 0);
    case K_WITH: advance(p); return parse_with(p, t, 0);
    case K_TRY: advance(p); return parse_try(p, t);
    case K_DEF: advance(p); return parse_funcdef(p, t, none, 0);
    case K_CLASS: advance(p); return parse_classdef(p, t, none);
    case K_ASYNC: {
        Token *n = tk_ahead(p, 1);
        advance(p);
        if (n->kw == K_DEF) { advance(p); return parse_funcdef(p, t, none, 1); }
        if (n->kw == K_FOR) { advance(p); return parse_for(p, t, 1); }
        if (n->kw == K_WITH) { advance(p); return parse_with(p, t, 1); }
        return fail(p);
    }
    case 0:
        if (tok_soft(p, t, "match") && (starts_expr(tk_ahead(p, 1)) || tk_ahead(p, 1)->kind == T_STAR))
            return parse_match(p);
        return NULL;
    default:
        return NULL;
    }
}

/* compound_stmt | simple_stmts; appends to out.  Returns NULL on error. */
static Stmt *parse_statement(Parser *p, PtrVec *out) {
    Stmt *s;
    if (!enter(p, COST_STMT)) return NULL;
    s = parse_compound(p);
    if (s) ptrvec_push(p->arena, out, s);
    else if (!p->failed && parse_simple_stmts(p, out)) s = out->items[out->len - 1];
    leave(p, COST_STMT);
    return s;
}

/* ---- entry point ----------------------------------------------------------- */

static Parser *child_parser(Parser *p, Parser *c) {
    memset(c, 0, sizeof *c);
    c->arena = p->arena;
    c->err = p->err;
    c->depth = p->depth + 10;
    c->fdepth = p->fdepth;
    c->fstring_child = 1;
    c->failed = p->failed;
    return c;
}

static void set_error(ParseError *err, const char *kind, const char *msg, int line, int col,
                      int eline, int ecol) {
    err->kind = kind;
    snprintf(err->msg, sizeof err->msg, "%s", msg);
    err->lineno = line;
    err->col = col;
    err->end_lineno = eline;
    err->end_col = ecol;
    err->tok_chars = 0;
    err->from_tokenizer = 0;
}

/* The tokenizer's error as the parse's.  An unclosed bracket is reported by
 * CPython's parser, the others by its tokenizer, which counts columns in
 * characters whatever the source's encoding (ParseError.tok_chars). */
static void take_lex_error(ParseError *err, const Lexer *lx) {
    set_error(err, lx->err.kind, lx->err.msg, lx->err.lineno, lx->err.col,
              lx->err.end_lineno, lx->err.end_col);
    if (lx->err.paren_ch) {
        err->lineno = err->end_lineno = lx->err.paren_line;
        err->col = lx->err.paren_col;
        err->end_col = -1;          /* CPython: end_offset 0 */
    } else {
        err->tok_chars = lx->err.strong;
    }
    err->from_tokenizer = 1;
    err->incomplete = lx->err.incomplete;
}

/* The generic error at the furthest token, in CPython's words. */
static void generic_error(Parser *p, Lexer *lx) {
    Token *t = &p->toks[p->maxpos < p->ntoks ? p->maxpos : p->ntoks - 1];
    ParseError *err = p->err;
    if (t->kind == T_ERROR) {
        take_lex_error(err, lx);
        return;
    }
    if (t->kind == T_INDENT) {
        set_error(err, "IndentationError", "unexpected indent", t->lineno, t->col, t->lineno, -2);
        return;
    }
    if (t->kind == T_DEDENT && t > p->toks && t[-1].kind != T_NEWLINE) {
        set_error(err, "IndentationError", "unexpected unindent", t->lineno, t->col, t->lineno, -2);
        return;
    }
    set_error(err, "SyntaxError", "invalid syntax", t->lineno, t->col, t->end_lineno, t->end_col);
    if (t->kind == T_ENDMARKER || (t->kind == T_DEDENT && t[1].kind == T_ENDMARKER))
        err->incomplete = 1;
}

/* CPython reports most syntax errors from a second pass over the whole file
 * that tries its error rules; one of them, `"match" subject_expr NEWLINE`,
 * also fires on an earlier line such as `match(x)`, so such a line turns any
 * later second-pass error into "expected ':'" at the furthest token.  The
 * errors of the first pass (tokens, literals, f-strings) are kept. */
static void match_line_error(Parser *p) {
    static const char *const first_pass[] = {
        "(unicode error)", "(value error)", "bytes can only contain", "cannot mix bytes",
        "f-string", "imaginary number required", "real number required",
        "too many nested parentheses", "multiple statements found", NULL
    };
    Token *far = &p->toks[p->maxpos < p->ntoks ? p->maxpos : p->ntoks - 1];
    for (int i = 0; first_pass[i]; i++)
        if (strncmp(p->err->msg, first_pass[i], strlen(first_pass[i])) == 0) return;
    set_error(p->err, "SyntaxError", "expected ':'", far->lineno, far->col, far->end_lineno, far->end_col);
}

/* Rank the parser's error against the tokenizer's (see the top comment). */
static void resolve_error(Parser *p, Lexer *lx) {
    ParseError *err = p->err;
    if (p->specific && strcmp(err->kind, "MemoryError") == 0) return;    /* pegen stops at once */
    Token *far = &p->toks[p->maxpos < p->ntoks ? p->maxpos : p->ntoks - 1];
    if (lx->err.set && (lx->err.strong || far->kind == T_ERROR)) {
        take_lex_error(err, lx);
        return;
    }
    if (!p->specific) generic_error(p, lx);
    if (lx->err.set && lx->err.paren_ch && far->lineno > lx->err.paren_line) {
        char msg[64];
        snprintf(msg, sizeof msg, "'%c' was never closed", lx->err.paren_ch);
        set_error(err, "SyntaxError", msg, lx->err.paren_line, lx->err.paren_col,
                  lx->err.paren_line, lx->err.paren_col + 1);
        err->from_tokenizer = 1;
        err->incomplete = 1;
    }
    if (strncmp(err->msg, "expected an indented block", 26) == 0 &&
        (far->kind == T_ENDMARKER || (far->kind == T_DEDENT && far[1].kind == T_ENDMARKER)))
        err->incomplete = 1;
    if (p->match_line) match_line_error(p);
}

static void parse_body(Parser *p, Module *m, ParseMode mode) {
    if (mode == PARSE_EVAL) {
        while (accept(p, T_NEWLINE)) {}
        m->expr = parse_star_expressions(p);
        if (!m->expr) return;
        while (accept(p, T_NEWLINE)) {}
        if (!at(p, T_ENDMARKER)) fail(p);
        return;
    }
    if (mode == PARSE_SINGLE) {
        if (at(p, T_NEWLINE) || at(p, T_ENDMARKER)) return;
        int n = m->body.len;
        if (!parse_statement(p, &m->body)) return;
        Stmt *first = m->body.items[n];
        Span after = sp_tok(prev(p));        /* the NEWLINE that ended simple statements */
        while (accept(p, T_NEWLINE)) {}
        if (at(p, T_ENDMARKER)) return;
        switch (first->kind) {               /* a compound statement needs an empty line */
        case S_FOR: case S_ASYNCFOR: case S_WHILE: case S_IF: case S_WITH: case S_ASYNCWITH:
        case S_MATCH: case S_TRY: case S_TRYSTAR: case S_FUNCTIONDEF: case S_ASYNCFUNCTIONDEF:
        case S_CLASSDEF:
            fail(p);
            break;
        default:
            fail_at(p, after, "multiple statements found while compiling a single statement");
        }
        return;
    }
    while (!at(p, T_ENDMARKER)) {
        if (accept(p, T_NEWLINE)) continue;
        if (!parse_statement(p, &m->body)) return;
    }
}

/* CPython reads sources with universal newlines: \r\n and \r become \n
 * before tokenizing (columns are counted on the translated text too). */
static const char *normalize_newlines(Arena *arena, const char *src, size_t *len) {
    char *out;
    size_t i, k = 0;
    if (!memchr(src, '\r', *len)) return src;
    out = arena_alloc(arena, *len + 1);
    for (i = 0; i < *len; i++) {
        if (src[i] == '\r') {
            out[k++] = '\n';
            if (i + 1 < *len && src[i + 1] == '\n') i++;
        } else {
            out[k++] = src[i];
        }
    }
    *len = k;
    return out;
}

Module *parse_source(Arena *arena, const char *src, size_t len, ParseMode mode, ParseError *err) {
    Lexer lx;
    Parser p;
    Module *m;
    memset(err, 0, sizeof *err);
    src = normalize_newlines(arena, src, &len);
    lex_init(&lx, src, len);
    lx.interactive = mode == PARSE_SINGLE;
    lex_tokenize(&lx);
    memset(&p, 0, sizeof p);
    p.arena = arena;
    p.src = src;
    p.len = len;
    p.toks = lx.toks;
    p.ntoks = lx.ntoks;
    p.err = err;
    m = arena_alloc(arena, sizeof *m);
    parse_body(&p, m, mode);
    for (int i = 0; i < lx.nwarns; i++) {      /* the tokenizer's, before the parser's */
        ParseWarning *w = arena_alloc(arena, sizeof *w);
        w->category = "SyntaxWarning";
        snprintf(w->msg, sizeof w->msg, "%s", lx.warns[i].msg);
        w->lineno = w->end_lineno = lx.warns[i].lineno;
        w->col = w->end_col = lx.warns[i].col;
        w->tok_chars = 1;
        ptrvec_push(arena, &err->warnings, w);
    }
    if (lx.err.set && lx.err.strong) p.failed = 1;   /* it wins, unless the parser ran out of
                                                       stack before reaching it (resolve_error) */
    if (p.failed) {
        resolve_error(&p, &lx);
        m = NULL;
    }
    lex_free(&lx);
    return m;
}
