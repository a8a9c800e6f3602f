/* mod_tokenize.c - the `_tokenize` module: CPython 3.11's TokenizerIter on
 * gilpy's own lexer (interp/lexer.c), for tokenize's
 * _generate_tokens_from_c_tokenizer.
 *
 * TokenizerIter(source) yields what CPython's C tokenizer sees, as tuples
 * (string, exact type, lineno, end_lineno, col, end_col, line): columns in
 * bytes of UTF-8, no COMMENT or NL tokens, no ENDMARKER.  A NEWLINE is empty
 * and sits where the line's newline is, or spans the comment that ends the
 * line; INDENT and DEDENT are empty at column -1.  `line` is the source from
 * the start of the logical line (a backslash continuation or a token that
 * spans lines keeps it) to the end of the token's last physical line.
 *
 * The lexer runs over the whole source when the iterator is made (it is
 * fast, and one pass is how it works); the tuples are made one per next().
 * Its errors come after the tokens before them: bad literals, characters and
 * brackets as SyntaxError, as CPython's tokenizer raises them; the others
 * (indentation, an unclosed bracket or a backslash at the end) end the
 * iteration quietly, as they end CPython's.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "interp/ast.h"
#include "interp/import.h"
#include "interp/lexer.h"
#include "interp/modreg.h"
#include "interp/warn.h"

GILPY_MODULE("_tokenize", mod_tokenize_init);

/* token.py's numbers for CPython 3.11. */
enum {
    TK_NAME = 1, TK_NUMBER, TK_STRING, TK_NEWLINE, TK_INDENT, TK_DEDENT, TK_OP = 54,
    TK_AWAIT = 55, TK_ASYNC = 56,
};

/* The exact type of each operator kind of lexer.h, in TokKind order from T_LPAR. */
static const uint8_t tok_op_types[] = {
    7, 8, 9, 10, 25, 26, 11, 12, 13,                  /* ( ) [ ] { } : , ; */
    14, 15, 16, 17, 18, 19, 20, 21,                   /* + - * / | & < > */
    22, 23, 24, 27, 28, 29, 30,                       /* = . % == != <= >= */
    31, 32, 33, 34, 35,                               /* ~ ^ << >> ** */
    36, 37, 38, 39, 40,                               /* += -= *= /= %= */
    41, 42, 43, 44,                                   /* &= |= ^= <<= */
    45, 46, 47, 48,                                   /* >>= **= // //= */
    49, 50, 51, 52, 53, TK_OP,                        /* @ @= -> ... := ! */
};

typedef struct {
    Obj     header;
    char   *src;            /* the source as UTF-8, newlines made \n (malloc'd) */
    size_t  len;
    Token  *toks;           /* the lexer's tokens (malloc'd) */
    int     ntoks, next;
    size_t  line_start;     /* where the current token's `line` begins */
    LexWarning *warns;      /* the lexer's SyntaxWarnings (malloc'd), issued in */
    int     nwarns, nextwarn;   /* order as the tokens after them are reached */
    LexError err;           /* err.set: the lexer stopped with this error */
} TokIter;

Type type_tokenizeriter;

static void tokiter_finalize(Obj *o) {
    TokIter *it = (TokIter *)o;
    free(it->src);
    free(it->toks);
    free(it->warns);
    it->warns = NULL;
    it->src = NULL;
    it->toks = NULL;
    it->ntoks = 0;
}

/* UTF-8 of s with \r\n and lone \r made \n, as CPython's tokenizer reads a string. */
static char *tok_normalise(const char *s, size_t n, size_t *out_len) {
    char *d = gc_sys_malloc(n + 1);
    if (!d) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r') {
            d[k++] = '\n';
            if (i + 1 < n && s[i + 1] == '\n') i++;
        } else {
            d[k++] = s[i];
        }
    }
    d[k] = 0;
    *out_len = k;
    return d;
}

/* Run the lexer over it->src, inside a guard for its allocation failures. */
static int tok_lex(TokIter *it) {
    Lexer lx;
    FeGuard guard;
    lex_init(&lx, it->src, it->len);
    fe_guard_push(&guard);
    int r = 0;
    if (setjmp(guard.jb) == 0) lex_tokenize(&lx);
    else r = -1;
    fe_guard_pop(&guard);
    if (r < 0) { lex_free(&lx); err_no_memory(); return -1; }
    it->toks = lx.toks;
    it->ntoks = lx.ntoks;
    it->err = lx.err;
    it->warns = lx.warns;
    it->nwarns = lx.nwarns;
    lx.toks = NULL;
    lx.warns = NULL;
    lex_free(&lx);
    return 0;
}

/* TokenizerIter(source): source a str without NUL characters. */
static Value tokiter_new_m(Value *args, int nargs, Value kwnames) {
    Value src = args[1];
    if (!IS_STR(src))
        return err_format(&exc_TypeError, "tokenizeriter() argument 'source' must be str, not %T", src);
    if (memchr(STR_DATA(src), 0, (size_t)STR_LEN(src)))
        return err_format(&exc_ValueError, "embedded null character");
    TokIter *it = (TokIter *)obj_new_instance((Type *)AS_OBJ(args[0]));
    if (!it) return VAL_NULL;
    it->src = tok_normalise(STR_DATA(src), (size_t)STR_LEN(src), &it->len);
    if (!it->src) return err_no_memory();
    if (tok_lex(it) < 0) return VAL_NULL;
    return MK_OBJ(it);
}

/* ---- positions and lines ---------------------------------------------------------- */

static size_t tok_line_begin(const TokIter *it, size_t pos) {
    while (pos > 0 && it->src[pos - 1] != '\n') pos--;
    return pos;
}

/* Whether every line break in src[from..to) follows a backslash. */
static int tok_only_continuations(const TokIter *it, size_t from, size_t to) {
    for (size_t i = from; i < to && i < it->len; i++)
        if (it->src[i] == '\n' && (i == 0 || it->src[i - 1] != '\\')) return 0;
    return 1;
}

/* The offset of physical line `lineno` (1-based) in src, or it->len. */
static size_t tok_line_offset(const TokIter *it, int lineno) {
    size_t p = 0;
    for (int l = 1; l < lineno && p < it->len; l++) {
        const char *nl = memchr(it->src + p, '\n', it->len - p);
        if (!nl) return it->len;
        p = (size_t)(nl - it->src) + 1;
    }
    return p;
}

/* `line` for a token from offset begin to the end of physical line end_lineno. */
static Value tok_line_text(const TokIter *it, size_t begin, int end_lineno) {
    size_t e = tok_line_offset(it, end_lineno);
    const char *nl = e < it->len ? memchr(it->src + e, '\n', it->len - e) : NULL;
    e = nl ? (size_t)(nl - it->src) + 1 : it->len;
    if (e < begin) e = begin;
    if (nl) return str_decode_utf8_lossy(it->src + begin, e - begin);
    Value s = str_decode_utf8_lossy(it->src + begin, e - begin);   /* the implicit final newline */
    return IS_NULL(s) ? s : str_format_c("%U\n", s);
}

/* Where the comment that ends the line of a NEWLINE at src[nl] starts, or nl. */
static size_t tok_comment_start(const TokIter *it, size_t from, size_t nl) {
    for (size_t i = from; i < nl; i++) if (it->src[i] == '#') return i;
    return nl;
}

/* ---- the tokens ------------------------------------------------------------------------ */

static int tok_type(const Token *t) {
    switch (t->kind) {
    case T_NAME: return t->kw == K_ASYNC ? TK_ASYNC : t->kw == K_AWAIT ? TK_AWAIT : TK_NAME;
    case T_NUMBER: return TK_NUMBER;
    case T_STRING: return TK_STRING;
    case T_NEWLINE: return TK_NEWLINE;
    case T_INDENT: return TK_INDENT;
    case T_DEDENT: return TK_DEDENT;
    case T_BADCHAR: return TK_OP;
    default:
        if (t->kind >= T_LPAR && t->kind - T_LPAR < (int)sizeof tok_op_types) return tok_op_types[t->kind - T_LPAR];
        return TK_OP;
    }
}

/* The SyntaxError of the lexer's error, at CPython's character offsets. */
static Value tok_raise(const TokIter *it) {
    const LexError *e = &it->err;
    size_t ls = tok_line_offset(it, e->lineno);
    const char *nl = ls < it->len ? memchr(it->src + ls, '\n', it->len - ls) : NULL;
    size_t n = nl ? (size_t)(nl - (it->src + ls)) : it->len - ls;
    Value text = str_decode_utf8_lossy(it->src + ls, n);
    if (IS_NULL(text)) return VAL_NULL;
    size_t k = e->col < 0 ? 0 : (size_t)e->col < n ? (size_t)e->col : n;
    Value prefix = str_decode_utf8_lossy(it->src + ls, k);
    if (IS_NULL(prefix)) return VAL_NULL;
    int offset = (int)AS_STR(prefix)->nchars + (e->col > (int)k ? e->col - (int)k : 0) + 1;
    Value filename = str_from_c("<string>");
    if (IS_NULL(filename)) return VAL_NULL;
    return err_syntax(&exc_SyntaxError, e->msg, filename, e->lineno, offset, text, e->lineno, offset);
}

/* Issue the warnings at or before (lineno, col), as warnings.warn_explicit does. */
static int tok_warn_upto(TokIter *it, int lineno, int col) {
    for (; it->nextwarn < it->nwarns; it->nextwarn++) {
        const LexWarning *w = &it->warns[it->nextwarn];
        if (w->lineno > lineno || (w->lineno == lineno && w->col > col)) break;
        Value msg = str_from_c(w->msg);
        Value filename = IS_NULL(msg) ? VAL_NULL : str_from_c("<string>");
        if (IS_NULL(filename) || warn_explicit(msg, MK_OBJ(&exc_SyntaxWarning), filename, w->lineno,
                                               VAL_NULL, VAL_NULL, VAL_NULL, VAL_NULL) < 0)
            return -1;
    }
    return 0;
}

static Value tokiter_next_m(Value *args, int nargs, Value kwnames) {
    TokIter *it = (TokIter *)AS_OBJ(args[0]);
    if (it->next >= it->ntoks) return VAL_NULL;
    const Token *t = &it->toks[it->next];
    if (it->nextwarn < it->nwarns && tok_warn_upto(it, t->end_lineno, t->end_col) < 0) return VAL_NULL;
    if (t->kind == T_ENDMARKER || t->kind == T_ERROR) {
        it->next = it->ntoks;
        if (t->kind == T_ERROR && it->err.set && it->err.strong) return tok_raise(it);
        return VAL_NULL;
    }
    /* the logical line goes on past a backslash or a token that spans lines */
    const Token *prev = it->next > 0 ? &it->toks[it->next - 1] : NULL;
    size_t prev_end = !prev ? 0 : prev->kind == T_NEWLINE ? prev->start : prev->end;
    int prev_line = prev ? prev->end_lineno : 0;
    if (t->lineno != prev_line && !(prev && tok_only_continuations(it, prev_end, t->start)))
        it->line_start = tok_line_offset(it, t->lineno);
    it->next++;
    size_t start = t->start, end = t->end;
    int col = t->col, end_col = t->end_col, end_lineno = t->end_lineno;
    if (t->kind == T_INDENT || t->kind == T_DEDENT) {
        start = end = 0;
        col = end_col = -1;
        end_lineno = t->lineno;
        it->line_start = tok_line_offset(it, t->lineno);
    } else if (t->kind == T_NEWLINE) {
        size_t nl = start < it->len ? start : it->len;
        start = tok_comment_start(it, prev_end > tok_line_begin(it, nl) ? prev_end : tok_line_begin(it, nl), nl);
        end = nl;
        col = t->col - (int)(nl - start);
        end_col = t->col;
        end_lineno = t->lineno;
    }
    Value s = str_decode_utf8_lossy(it->src + start, end - start);
    Value line = IS_NULL(s) ? s : tok_line_text(it, it->line_start, end_lineno);
    if (IS_NULL(line)) return VAL_NULL;
    return tuple_pack(7, s, MK_SMALLINT(tok_type(t)), MK_SMALLINT(t->lineno), MK_SMALLINT(end_lineno),
                      MK_SMALLINT(col), MK_SMALLINT(end_col), line);
}

static Value tokiter_iter_m(Value *args, int nargs, Value kwnames) { return args[0]; }

static const MethodDef tokiter_methods[] = {
    {"__new__", tokiter_new_m, METH_STATIC | ARGS_KW, NULL, "tokenizeriter(type, source)"},
    {"__next__", tokiter_next_m, ARGS_WRAP(0), NULL},
    {"__iter__", tokiter_iter_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

Type type_tokenizeriter = {
    .tp_name = "_tokenize.TokenizerIter", .base = &type_object, .flags = TF_BASETYPE,
    .basicsize = sizeof(TokIter), .finalize = tokiter_finalize, .methods = tokiter_methods,
};
GILPY_TYPE(type_tokenizeriter, NULL);

Value mod_tokenize_init(void) {
    Value m = module_new_c("_tokenize");
    if (IS_NULL(m)) return VAL_NULL;
    if (dict_set_c(MODULE_DICT(m), "TokenizerIter", MK_OBJ(&type_tokenizeriter)) < 0) return VAL_NULL;
    return m;
}
