/* lexer.c - the Python 3.11 tokenizer.
 *
 * Approach.  One forward pass over the bytes turns the whole source into a
 * Token array before parsing starts (CPython tokenizes lazily, but it also
 * re-tokenizes the rest of the file after a parse error to prefer tokenizer
 * errors; tokenizing up front gives the same answers more simply, and lets
 * the parser look ahead and back up for free).  The rules follow CPython's
 * Parser/tokenizer.c closely so that errors carry the same message, line and
 * column:
 *
 *  - At the beginning of a logical line the indentation is measured twice,
 *    with tabs to multiples of 8 (col) and as one column (altcol); the two
 *    must order the same way against the indent stack, otherwise TabError.
 *    INDENT/DEDENT tokens are queued in `pendin`.  Blank and comment-only
 *    lines, and lines inside brackets, do not count.
 *  - Brackets are kept on a stack (max 200 deep: "too many nested
 *    parentheses"); inside them newlines are ignored (implicit joining).
 *  - Numbers and strings are only delimited and validated here; their values
 *    are decoded by the parser.  A source without a final newline behaves as
 *    if it had one.
 *  - The first error stops the scan: an error token ends the array and
 *    Lexer.err says what happened.
 *
 * Positions are 1-based lines and 0-based byte columns.  Nothing here is
 * recursive and nothing is global.
 */
#include "lexer.h"
#include "ast.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../runtime/gc.h"

/* ---- UTF-8 and identifier classes ---------------------------------------- */

int lex_utf8_decode(const unsigned char *s, size_t n, int32_t *cp) {
    unsigned c = s[0];
    int len, i;
    int32_t v;
    if (c < 0x80) { *cp = (int32_t)c; return 1; }
    if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; v = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; v = c & 0x07; }
    else { *cp = -1; return 1; }
    if ((size_t)len > n) { *cp = -1; return 1; }
    for (i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) { *cp = -1; return 1; }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10FFFF))) {
        *cp = -1; return 1;
    }
    *cp = v;
    return len;
}

int lex_utf8_encode(int32_t cp, char *out) {
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Non-printable code points: CPython says "invalid non-printable character". */
static int lex_is_nonprintable(int32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD ||
           (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
           (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF ||
           (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0xE000 && cp <= 0xF8FF);
}

/* An approximation of XID_Start for non-ASCII: letters of every script are
 * accepted; the common symbol and punctuation blocks are not. */
static int lex_is_symbol(int32_t cp) {
    if (cp < 0xC0)
        return !(cp == 0xAA || cp == 0xB5 || cp == 0xBA);
    if (cp == 0xD7 || cp == 0xF7) return 1;
    if (cp >= 0x2000 && cp <= 0x2BFF)   /* punctuation, currency, arrows, math, ... */
        return !(cp == 0x203F || cp == 0x2040 || cp == 0x2054 || cp == 0x2071 ||
                 cp == 0x207F || (cp >= 0x2090 && cp <= 0x209C) ||
                 (cp >= 0x2102 && cp <= 0x2139 && cp != 0x2116 && cp != 0x2118 &&
                  cp != 0x211E && cp != 0x2122 && cp != 0x2127) ||
                 (cp >= 0x2160 && cp <= 0x2188));
    if (cp >= 0x3000 && cp <= 0x3004) return 1;
    if (cp >= 0x3008 && cp <= 0x3020) return 1;
    if (cp >= 0xFE10 && cp <= 0xFE6F && !(cp >= 0xFE33 && cp <= 0xFE34) &&
        !(cp >= 0xFE4D && cp <= 0xFE4F)) return 1;
    if (cp >= 0xFF01 && cp <= 0xFF0F) return 1;
    if (cp >= 0xFF1A && cp <= 0xFF20) return 1;
    if (cp >= 0x1F000 && cp <= 0x1FAFF) return 1;
    return 0;
}

int lex_is_id_start(int32_t cp) {
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
    return !lex_is_nonprintable(cp) && !lex_is_symbol(cp) &&
           !(cp >= 0x300 && cp <= 0x36F);
}

int lex_is_id_continue(int32_t cp) {
    if (cp < 0x80)
        return lex_is_id_start(cp) || (cp >= '0' && cp <= '9');
    if (cp == 0xB7 || (cp >= 0x300 && cp <= 0x36F)) return 1;
    return !lex_is_nonprintable(cp) && !lex_is_symbol(cp);
}

/* ---- keywords ------------------------------------------------------------- */

static const char *const lex_kwnames[K__COUNT] = {
    "", "False", "None", "True", "and", "as", "assert", "async", "await",
    "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
    "yield"
};

static int lex_keyword(const char *s, size_t n) {
    int i;
    if (n < 2 || n > 8) return 0;
    for (i = 1; i < K__COUNT; i++)
        if (strlen(lex_kwnames[i]) == n && memcmp(lex_kwnames[i], s, n) == 0)
            return i;
    return 0;
}

/* ---- token array and errors ---------------------------------------------- */

void lex_init(Lexer *lx, const char *src, size_t len) {
    memset(lx, 0, sizeof *lx);
    lx->src = src;
    lx->len = len;
    lx->lineno = 1;
    lx->atbol = 1;
}

void lex_free(Lexer *lx) {
    free(lx->toks);
    lx->toks = NULL;
    lx->ntoks = lx->cap = 0;
    free(lx->warns);
    lx->warns = NULL;
    lx->nwarns = lx->warncap = 0;
}

/* Record a SyntaxWarning at the character before pos (dropped when memory is short). */
static void lex_warn(Lexer *lx, size_t pos, const char *msg) {
    if (lx->nwarns == lx->warncap) {
        int cap = lx->warncap ? 2 * lx->warncap : 4;
        LexWarning *w = realloc(lx->warns, (size_t)cap * sizeof *w);
        if (!w) return;
        lx->warns = w;
        lx->warncap = cap;
    }
    LexWarning *w = &lx->warns[lx->nwarns++];
    snprintf(w->msg, sizeof w->msg, "%s", msg);
    w->lineno = lx->lineno + lx->line_off;
    w->col = (int)(pos - lx->line_start) - 1 + (lx->lineno == 1 ? lx->col_off : 0);
}

static int lex_col(const Lexer *lx, size_t pos) { return (int)(pos - lx->line_start); }

static Token *lex_emit(Lexer *lx, int kind, size_t start, int line, int col) {
    Token *t;
    if (lx->ntoks == lx->cap) {
        int ncap = lx->cap ? lx->cap * 2 : 256;
        Token *nt = fe_realloc(lx->toks, (size_t)ncap * sizeof *nt);
        lx->toks = nt;
        lx->cap = ncap;
    }
    t = &lx->toks[lx->ntoks++];
    memset(t, 0, sizeof *t);
    t->kind = (uint8_t)kind;
    t->start = (uint32_t)start;
    t->end = (uint32_t)lx->pos;
    t->lineno = line + lx->line_off;
    t->col = col + (line == 1 ? lx->col_off : 0);
    t->end_lineno = lx->lineno + lx->line_off;
    t->end_col = lex_col(lx, lx->pos) + (lx->lineno == 1 ? lx->col_off : 0);
    return t;
}

/* Record an error at (line, col) and emit the T_ERROR token. */
static int lex_fail(Lexer *lx, int strong, const char *kind, int line, int col,
                    const char *fmt, ...) {
    va_list ap;
    Token *t;
    lx->err.set = 1;
    lx->err.strong = strong;
    lx->err.kind = kind;
    lx->err.lineno = line + lx->line_off;
    lx->err.col = col + (line == 1 ? lx->col_off : 0);
    lx->err.end_lineno = lx->err.lineno;
    lx->err.end_col = strong ? lx->err.col : -2;   /* CPython: end_offset = offset, or -1 */
    va_start(ap, fmt);
    vsnprintf(lx->err.msg, sizeof lx->err.msg, fmt, ap);
    va_end(ap);
    t = lex_emit(lx, T_ERROR, lx->pos, line, col);
    t->lineno = lx->err.lineno;
    t->col = lx->err.col;
    return -1;
}

/* Column of the character that ends just before byte position pos: CPython
 * reports tokenizer errors at "the last character read". */
static int lex_prev_col(const Lexer *lx, size_t pos) {
    size_t p = pos;
    if (p <= lx->line_start) return -1;
    p--;
    while (p > lx->line_start && ((unsigned char)lx->src[p] & 0xC0) == 0x80) p--;
    return lex_col(lx, p);
}

static int lex_peek(const Lexer *lx, size_t off) {
    size_t p = lx->pos + off;
    return p < lx->len ? (unsigned char)lx->src[p] : -1;
}

static void lex_newline_at(Lexer *lx, size_t after) {
    lx->lineno++;
    lx->line_start = after;
}

/* ---- numbers -------------------------------------------------------------- */

static int lex_isdigit(int c) { return c >= '0' && c <= '9'; }
static int lex_isxdigit(int c) {
    return lex_isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static int lex_is_potential_id(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || lex_isdigit(c) ||
           c == '_';
}

/* Fail "at the character before pos" (CPython's syntaxerror(tok, ...)). */
static int lex_numfail(Lexer *lx, size_t pos, const char *msg) {
    int col = lex_prev_col(lx, pos);
    lx->pos = pos;
    return lex_fail(lx, 1, "SyntaxError", lx->lineno, col, "%s", msg);
}

/* Returns 0 if the character after a number is acceptable. */
static int lex_check_end(Lexer *lx, const char *kind) {
    int c = lex_peek(lx, 0), c1 = lex_peek(lx, 1), c2 = lex_peek(lx, 2);
    int kwlike = 0;
    char msg[64];
    if (c == 'a') kwlike = (c1 == 'n' && c2 == 'd');
    else if (c == 'e') kwlike = (c1 == 'l' && c2 == 's' && lex_peek(lx, 3) == 'e');
    else if (c == 'f') kwlike = (c1 == 'o' && c2 == 'r');
    else if (c == 'i') kwlike = (c1 == 'f' || c1 == 'n' || c1 == 's');
    else if (c == 'o') kwlike = (c1 == 'r');
    else if (c == 'n') kwlike = (c1 == 'o' && c2 == 't');
    if (!kwlike && !lex_is_potential_id(c)) return 0;
    snprintf(msg, sizeof msg, "invalid %s literal", kind);
    if (kwlike) {                   /* valid code today: CPython warns */
        lex_warn(lx, lx->pos, msg);
        return 0;
    }
    return lex_numfail(lx, lx->pos, msg);
}

/* Digits with single underscores between them; -1 after an error. */
static int lex_decimal_tail(Lexer *lx) {
    for (;;) {
        while (lex_isdigit(lex_peek(lx, 0))) lx->pos++;
        if (lex_peek(lx, 0) != '_') return 0;
        lx->pos++;
        if (!lex_isdigit(lex_peek(lx, 0)))
            return lex_numfail(lx, lx->pos, "invalid decimal literal");
    }
}

/* 0x / 0o / 0b literals; pos is after the prefix letter. */
static int lex_radix(Lexer *lx, int radix) {
    static const char *const kinds[] = {"binary", "octal", "hexadecimal"};
    const char *kind = kinds[radix == 2 ? 0 : radix == 8 ? 1 : 2];
    char msg[64];
    int c;
    for (;;) {
        if (lex_peek(lx, 0) == '_') lx->pos++;
        c = lex_peek(lx, 0);
        if (!(radix == 16 ? lex_isxdigit(c) : (c >= '0' && c < '0' + radix))) {
            if (radix != 16 && lex_isdigit(c)) {
                snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
                return lex_numfail(lx, lx->pos + 1, msg);
            }
            snprintf(msg, sizeof msg, "invalid %s literal", kind);
            return lex_numfail(lx, lx->pos, msg);
        }
        do { lx->pos++; c = lex_peek(lx, 0); }
        while (radix == 16 ? lex_isxdigit(c) : (c >= '0' && c < '0' + radix));
        if (c != '_') break;
    }
    if (radix != 16 && lex_isdigit(c)) {
        snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
        return lex_numfail(lx, lx->pos + 1, msg);
    }
    return lex_check_end(lx, kind);
}

/* Fraction, exponent and imaginary suffix; pos is just after the integer
 * part (stage 0), after the '.' (stage 1) or at the 'e' (stage 2). */
static int lex_float_tail(Lexer *lx, int stage) {
    int c;
    if (stage == 0 && lex_peek(lx, 0) == '.') { lx->pos++; stage = 1; }
    if (stage == 1 && lex_isdigit(lex_peek(lx, 0)) && lex_decimal_tail(lx) < 0)
        return -1;
    c = lex_peek(lx, 0);
    if (c == 'e' || c == 'E') {
        size_t epos = lx->pos;
        lx->pos++;
        c = lex_peek(lx, 0);
        if (c == '+' || c == '-') {
            lx->pos++;
            if (!lex_isdigit(lex_peek(lx, 0)))
                return lex_numfail(lx, lx->pos, "invalid decimal literal");
        } else if (!lex_isdigit(c)) {
            lx->pos = epos;
            return lex_check_end(lx, "decimal");
        }
        if (lex_decimal_tail(lx) < 0) return -1;
    }
    c = lex_peek(lx, 0);
    if (c == 'j' || c == 'J') {
        lx->pos++;
        return lex_check_end(lx, "imaginary");
    }
    return lex_check_end(lx, "decimal");
}

/* A literal starting with '0' that is not 0x/0o/0b. */
static int lex_zero(Lexer *lx, size_t start) {
    int nonzero = 0, c;
    size_t zeros_end;
    for (;;) {
        c = lex_peek(lx, 0);
        if (c == '_') {
            lx->pos++;
            if (!lex_isdigit(lex_peek(lx, 0)))
                return lex_numfail(lx, lx->pos, "invalid decimal literal");
            continue;
        }
        if (c != '0') break;
        lx->pos++;
    }
    zeros_end = lx->pos;
    if (lex_isdigit(c)) {
        nonzero = 1;
        if (lex_decimal_tail(lx) < 0) return -1;
        c = lex_peek(lx, 0);
    }
    if (c == '.') { lx->pos++; return lex_float_tail(lx, 1); }
    if (c == 'e' || c == 'E' || c == 'j' || c == 'J') return lex_float_tail(lx, 2);
    if (nonzero) {
        lx->pos = zeros_end;
        lex_fail(lx, 1, "SyntaxError", lx->lineno, lex_col(lx, start),
                 "leading zeros in decimal integer literals are not "
                 "permitted; use an 0o prefix for octal integers");
        lx->err.end_col = lex_col(lx, zeros_end);      /* the zeros underlined */
        return -1;
    }
    return lex_check_end(lx, "decimal");
}

static int lex_number(Lexer *lx) {
    size_t start = lx->pos;
    int line = lx->lineno, col = lex_col(lx, start), c = lex_peek(lx, 0), r;
    if (c == '.') {                       /* .5 */
        lx->pos++;
        r = lex_float_tail(lx, 1);
    } else if (c == '0') {
        int c1 = lex_peek(lx, 1);
        lx->pos++;
        if (c1 == 'x' || c1 == 'X') { lx->pos++; r = lex_radix(lx, 16); }
        else if (c1 == 'o' || c1 == 'O') { lx->pos++; r = lex_radix(lx, 8); }
        else if (c1 == 'b' || c1 == 'B') { lx->pos++; r = lex_radix(lx, 2); }
        else r = lex_zero(lx, start);
    } else {
        r = lex_decimal_tail(lx);
        if (r == 0) r = lex_float_tail(lx, 0);
    }
    if (r < 0) return -1;
    lex_emit(lx, T_NUMBER, start, line, col);
    return 0;
}

/* ---- strings -------------------------------------------------------------- */

/* If a string prefix + quote starts at pos, return the prefix flags (with
 * *plen set), else -1. */
static int lex_string_prefix(const Lexer *lx, int *plen) {
    int flags = 0, n = 0, c;
    for (;; n++) {
        c = lex_peek(lx, (size_t)n);
        if (c == '\'' || c == '"') break;
        if (n >= 2) return -1;
        if ((c == 'b' || c == 'B') && !(flags & (STR_BYTES | STR_F | STR_U))) flags |= STR_BYTES;
        else if ((c == 'r' || c == 'R') && !(flags & (STR_RAW | STR_U))) flags |= STR_RAW;
        else if ((c == 'f' || c == 'F') && !(flags & (STR_BYTES | STR_F | STR_U))) flags |= STR_F;
        else if ((c == 'u' || c == 'U') && !flags && n == 0) flags |= STR_U;
        else return -1;
    }
    *plen = n;
    return flags;
}

static int lex_string(Lexer *lx, int flags, int plen) {
    size_t start = lx->pos;
    int line = lx->lineno, col = lex_col(lx, start), q, c;
    lx->pos += (size_t)plen;
    q = lex_peek(lx, 0);
    if (lex_peek(lx, 1) == q && lex_peek(lx, 2) == q) {
        flags |= STR_TRIPLE;
        lx->pos += 3;
    } else if (lex_peek(lx, 1) == q) {       /* empty string */
        lx->pos += 2;
        goto done;
    } else {
        lx->pos++;
    }
    for (;;) {
        c = lex_peek(lx, 0);
        if (c < 0 || (c == '\n' && !(flags & STR_TRIPLE))) {
            int last = lx->lineno - (c < 0 && lx->pos > 0 && lx->src[lx->pos - 1] == '\n');
            lx->err.incomplete = (flags & STR_TRIPLE) || c < 0;
            if (c < 0 && !(flags & STR_TRIPLE)) last = lx->lineno;
            lx->pos = start;
            return lex_fail(lx, 1, "SyntaxError", line, col,
                            (flags & STR_TRIPLE)
                                ? "unterminated triple-quoted string literal (detected at line %d)"
                                : "unterminated string literal (detected at line %d)",
                            last + lx->line_off);
        }
        lx->pos++;
        if (c == '\\') {
            int n = lex_peek(lx, 0);
            if (n < 0) continue;
            lx->pos++;
            if (n == '\n') lex_newline_at(lx, lx->pos);
            else if (n == '\r' && lex_peek(lx, 0) == '\n') { lx->pos++; lex_newline_at(lx, lx->pos); }
            continue;
        }
        if (c == '\n') { lex_newline_at(lx, lx->pos); continue; }
        if (c == q) {
            if (!(flags & STR_TRIPLE)) break;
            if (lex_peek(lx, 0) == q && lex_peek(lx, 1) == q) { lx->pos += 2; break; }
        }
    }
done:;
    Token *t = lex_emit(lx, T_STRING, start, line, col);
    t->sflags = (uint8_t)flags;
    t->plen = (uint8_t)plen;
    return 0;
}

/* ---- operators ------------------------------------------------------------ */

typedef struct { const char *text; int kind; } LexOp;

static const LexOp lex_ops3[] = {
    {"**=", T_DOUBLESTAREQUAL}, {"...", T_ELLIPSIS}, {"//=", T_DOUBLESLASHEQUAL},
    {"<<=", T_LEFTSHIFTEQUAL}, {">>=", T_RIGHTSHIFTEQUAL}, {NULL, 0}
};
static const LexOp lex_ops2[] = {
    {"!=", T_NOTEQUAL}, {"%=", T_PERCENTEQUAL}, {"&=", T_AMPEREQUAL},
    {"**", T_DOUBLESTAR}, {"*=", T_STAREQUAL}, {"+=", T_PLUSEQUAL},
    {"-=", T_MINEQUAL}, {"->", T_RARROW}, {"//", T_DOUBLESLASH},
    {"/=", T_SLASHEQUAL}, {":=", T_COLONEQUAL}, {"<<", T_LEFTSHIFT},
    {"<=", T_LESSEQUAL}, {"==", T_EQEQUAL}, {">=", T_GREATEREQUAL},
    {">>", T_RIGHTSHIFT}, {"@=", T_ATEQUAL}, {"^=", T_CIRCUMFLEXEQUAL},
    {"|=", T_VBAREQUAL}, {NULL, 0}
};

static int lex_op1(int c) {
    switch (c) {
    case '(': return T_LPAR;    case ')': return T_RPAR;
    case '[': return T_LSQB;    case ']': return T_RSQB;
    case '{': return T_LBRACE;  case '}': return T_RBRACE;
    case ':': return T_COLON;   case ',': return T_COMMA;
    case ';': return T_SEMI;    case '+': return T_PLUS;
    case '-': return T_MINUS;   case '*': return T_STAR;
    case '/': return T_SLASH;   case '|': return T_VBAR;
    case '&': return T_AMPER;   case '<': return T_LESS;
    case '>': return T_GREATER; case '=': return T_EQUAL;
    case '.': return T_DOT;     case '%': return T_PERCENT;
    case '~': return T_TILDE;   case '^': return T_CIRCUMFLEX;
    case '@': return T_AT;      case '!': return T_EXCLAMATION;
    default: return -1;
    }
}

static int lex_bracket(Lexer *lx, int c, int line, int col) {
    if (c == '(' || c == '[' || c == '{') {
        if (lx->level >= LEX_MAX_PAREN)
            return lex_fail(lx, 1, "SyntaxError", line, col, "too many nested parentheses");
        lx->paren_ch[lx->level] = (char)c;
        lx->paren_line[lx->level] = line;
        lx->paren_col[lx->level] = col;
        lx->level++;
        return 0;
    }
    if (c == ')' || c == ']' || c == '}') {
        int open, want;
        if (lx->level == 0)
            return lex_fail(lx, 1, "SyntaxError", line, col, "unmatched '%c'", c);
        lx->level--;
        open = lx->paren_ch[lx->level];
        want = open == '(' ? ')' : open == '[' ? ']' : '}';
        if (c != want) {
            if (lx->paren_line[lx->level] != line)
                return lex_fail(lx, 1, "SyntaxError", line, col,
                                "closing parenthesis '%c' does not match opening "
                                "parenthesis '%c' on line %d", c, open,
                                lx->paren_line[lx->level] + lx->line_off);
            return lex_fail(lx, 1, "SyntaxError", line, col,
                            "closing parenthesis '%c' does not match opening "
                            "parenthesis '%c'", c, open);
        }
    }
    return 0;
}

static int lex_operator(Lexer *lx) {
    size_t start = lx->pos;
    int line = lx->lineno, col = lex_col(lx, start), i, kind = -1, c = lex_peek(lx, 0);
    for (i = 0; lex_ops3[i].text && kind < 0; i++)
        if (lx->len - start >= 3 && memcmp(lx->src + start, lex_ops3[i].text, 3) == 0) {
            kind = lex_ops3[i].kind;
            lx->pos += 3;
        }
    for (i = 0; lex_ops2[i].text && kind < 0; i++)
        if (lx->len - start >= 2 && memcmp(lx->src + start, lex_ops2[i].text, 2) == 0) {
            kind = lex_ops2[i].kind;
            lx->pos += 2;
        }
    if (kind < 0) {
        kind = lex_op1(c);
        lx->pos++;
        if (kind < 0) kind = T_BADCHAR;
        else if (lex_bracket(lx, c, line, col) < 0) return -1;
    }
    lex_emit(lx, kind, start, line, col);
    return 0;
}

/* ---- names and stray characters ------------------------------------------ */

static int lex_name(Lexer *lx) {
    size_t start = lx->pos;
    int line = lx->lineno, col = lex_col(lx, start);
    Token *t;
    while (lx->pos < lx->len) {
        int32_t cp;
        int n = lex_utf8_decode((const unsigned char *)lx->src + lx->pos,
                                lx->len - lx->pos, &cp);
        if (cp < 0 || !lex_is_id_continue(cp)) break;
        lx->pos += (size_t)n;
    }
    if (lx->pos < lx->len && (unsigned char)lx->src[lx->pos] >= 0x80) {
        int32_t cp;
        lex_utf8_decode((const unsigned char *)lx->src + lx->pos, lx->len - lx->pos, &cp);
        if (cp < 0 || lex_is_nonprintable(cp) || lex_is_symbol(cp)) {
            /* fall through: the bad character is reported by the next call */
        }
    }
    t = lex_emit(lx, T_NAME, start, line, col);
    t->kw = (uint8_t)lex_keyword(lx->src + start, lx->pos - start);
    return 0;
}

static int lex_badchar(Lexer *lx) {
    int32_t cp;
    int col = lex_col(lx, lx->pos);
    int n = lex_utf8_decode((const unsigned char *)lx->src + lx->pos, lx->len - lx->pos, &cp);
    if (cp < 0) {
        lx->pos += 1;
        return lex_fail(lx, 1, "SyntaxError", lx->lineno, col,
                        "(unicode error) 'utf-8' codec can't decode byte 0x%02x in "
                        "position %d: invalid start byte",
                        (unsigned char)lx->src[lx->pos - 1], col);
    }
    lx->pos += (size_t)n;
    if (lex_is_nonprintable(cp))
        return lex_fail(lx, 1, "SyntaxError", lx->lineno, col,
                        "invalid non-printable character U+%04X", (unsigned)cp);
    return lex_fail(lx, 1, "SyntaxError", lx->lineno, col, "invalid character '%.*s' (U+%04X)",
                    n, lx->src + lx->pos - n, (unsigned)cp);
}

/* ---- indentation ---------------------------------------------------------- */

static int lex_indent_error(Lexer *lx, int tab, int width) {
    if (tab) {
        lex_fail(lx, 0, "TabError", lx->lineno, 0, "inconsistent use of tabs and spaces in indentation");
        lx->err.end_col = -1;           /* CPython: end_offset 0 */
        return -1;
    }
    size_t e = lx->pos;
    (void)width;
    while (e < lx->len && lx->src[e] != '\n') e++;
    if (e > lx->line_start && lx->src[e - 1] == '\r') e--;
    return lex_fail(lx, 0, "IndentationError", lx->lineno, lex_col(lx, e),
                    "unindent does not match any outer indentation level");
}

static int lex_at_eof(Lexer *lx);

/* Backslash continuation; pos is at the backslash. */
static int lex_continuation(Lexer *lx) {
    int c = lex_peek(lx, 1);
    if (c == '\r' && lex_peek(lx, 2) == '\n') { lx->pos++; c = '\n'; }
    if (c != '\n' && c >= 0) {
        int col = lex_col(lx, lx->pos) + 1;
        lex_fail(lx, 0, "SyntaxError", lx->lineno, col,
                 "unexpected character after line continuation character");
        lx->err.end_col = -1;           /* CPython: end_offset 0 */
        return -1;
    }
    if (c < 0 || lx->pos + 2 >= lx->len) {     /* CPython: at the end of the backslash's line */
        int col = lex_col(lx, lx->pos) + 1;
        if (lx->level > 0) {            /* or the bracket left open */
            lx->pos = lx->len;
            return lex_at_eof(lx);
        }
        lx->pos = lx->len;
        lx->err.incomplete = 1;
        return lex_fail(lx, 0, "SyntaxError", lx->lineno, col, "unexpected EOF while parsing");
    }
    lx->pos += 2;
    lex_newline_at(lx, lx->pos);
    return 0;
}

/* Measure the indentation of a new line and queue INDENT/DEDENTs.
 * Returns 1 if the line is blank (to be skipped), 0, or -1 on error.
 * Indentation cannot be split over lines with backslashes: as in CPython's
 * tokenizer, the first backslash's column is the line's indentation (unless
 * it is at column 0). */
static int lex_measure(Lexer *lx) {
    int col = 0, altcol = 0, cont_col = 0, c, width;
    for (;;) {
        c = lex_peek(lx, 0);
        if (c == ' ') { col++; altcol++; }
        else if (c == '\t') { col = (col / 8 + 1) * 8; altcol++; }
        else if (c == '\f') { col = altcol = 0; }
        else if (c == '\\') {
            if (!cont_col) cont_col = col;
            if (lex_continuation(lx) < 0) return -1;
            continue;
        }
        else break;
        lx->pos++;
    }
    if (c == '#' || c == '\n' || c == '\r' || c < 0) return 1;
    if (cont_col) col = altcol = cont_col;
    if (lx->level > 0) return 0;
    width = lex_col(lx, lx->pos);
    if (col == lx->indstack[lx->indent]) {
        if (altcol != lx->altstack[lx->indent]) return lex_indent_error(lx, 1, width);
    } else if (col > lx->indstack[lx->indent]) {
        if (lx->indent + 1 >= LEX_MAX_INDENT)
            return lex_fail(lx, 0, "IndentationError", lx->lineno, 0,
                            "too many levels of indentation");
        if (altcol <= lx->altstack[lx->indent]) return lex_indent_error(lx, 1, width);
        lx->pendin++;
        lx->indent++;
        lx->indstack[lx->indent] = col;
        lx->altstack[lx->indent] = altcol;
    } else {
        while (lx->indent > 0 && col < lx->indstack[lx->indent]) {
            lx->pendin--;
            lx->indent--;
        }
        if (col != lx->indstack[lx->indent]) return lex_indent_error(lx, 0, width);
        if (altcol != lx->altstack[lx->indent]) return lex_indent_error(lx, 1, width);
    }
    return 0;
}

/* Position used by tokens at the end of input: CPython reports the last
 * line, at a column equal to its length. */
static void lex_eof_pos(const Lexer *lx, int *line, int *col) {
    if (lx->line_start >= lx->len && lx->lineno > 1) {
        size_t p = lx->line_start - 1, s = p;
        while (s > 0 && lx->src[s - 1] != '\n') s--;
        *line = lx->lineno - 1;
        *col = (int)(p - s);
    } else {
        *line = lx->lineno;
        *col = (int)(lx->len - lx->line_start);
    }
}

static void lex_emit_indents(Lexer *lx) {
    int line = lx->lineno, col = lex_col(lx, lx->pos) - 1;
    if (lx->pos >= lx->len) lex_eof_pos(lx, &line, &col);
    for (; lx->pendin > 0; lx->pendin--) lex_emit(lx, T_INDENT, lx->pos, line, col);
    for (; lx->pendin < 0; lx->pendin++) lex_emit(lx, T_DEDENT, lx->pos, line, col);
}

/* ---- main loop ------------------------------------------------------------ */

static int lex_at_eof(Lexer *lx) {
    int line, col;
    if (lx->level > 0) {
        int i = lx->level - 1;
        lx->err.paren_line = lx->paren_line[i] + lx->line_off;
        lx->err.paren_col = lx->paren_col[i] + (lx->paren_line[i] == 1 ? lx->col_off : 0);
        lx->err.paren_ch = lx->paren_ch[i];
        lx->err.incomplete = 1;
        lex_eof_pos(lx, &line, &col);
        return lex_fail(lx, 0, "SyntaxError", line, col, "'%c' was never closed",
                        lx->paren_ch[i]);
    }
    if (!lx->atbol) {                    /* the implicit final newline */
        lex_emit(lx, T_NEWLINE, lx->pos, lx->lineno, lex_col(lx, lx->pos));
        lx->atbol = 1;
    }
    lx->pendin = -lx->indent;
    lx->indent = 0;
    lex_emit_indents(lx);
    lex_eof_pos(lx, &line, &col);
    lex_emit(lx, T_ENDMARKER, lx->pos, line, col);
    return 1;
}


/* Skip to the end of a blank/comment line; consumes the newline. */
static void lex_skip_line(Lexer *lx) {
    while (lx->pos < lx->len && lx->src[lx->pos] != '\n') lx->pos++;
    if (lx->pos < lx->len) { lx->pos++; lex_newline_at(lx, lx->pos); }
}

/* Handle the start of a physical line.  Returns 1 to rescan, 0 to go on. */
static int lex_bol(Lexer *lx) {
    int r;
    lx->atbol = 0;
    r = lex_measure(lx);
    if (r < 0) return -1;
    if (r == 1) {
        lex_skip_line(lx);
        lx->atbol = 1;
        if (lx->pos >= lx->len) lx->atbol = 1;
        return 1;
    }
    lex_emit_indents(lx);
    return 0;
}

/* Produce the next token(s).  Returns 1 at the end, -1 on error, 0 else. */
static int lex_next(Lexer *lx) {
    int c, flags, plen;
    if (lx->atbol) {
        int r;
        if (lx->pos >= lx->len) return lex_at_eof(lx);
        r = lex_bol(lx);
        if (r != 0) return r < 0 ? -1 : 0;
    }
    for (;;) {
        c = lex_peek(lx, 0);
        if (c == ' ' || c == '\t' || c == '\f' || (c == '\r' && lex_peek(lx, 1) == '\n')) {
            lx->pos++;
            continue;
        }
        if (c == '#') {
            while (lx->pos < lx->len && lx->src[lx->pos] != '\n') lx->pos++;
            continue;
        }
        if (c == '\\') {
            if (lex_continuation(lx) < 0) return -1;
            continue;
        }
        break;
    }
    if (c < 0) return lex_at_eof(lx);
    if (c == '\n') {
        if (lx->level == 0) {
            lx->pos++;
            lex_emit(lx, T_NEWLINE, lx->pos - 1, lx->lineno, lex_col(lx, lx->pos - 1));
            lx->toks[lx->ntoks - 1].end_col--;  /* zero width, as CPython's: errors there end where they start */
        } else {
            lx->pos++;
        }
        lex_newline_at(lx, lx->pos);
        lx->atbol = lx->level == 0;
        return 0;
    }
    if (c == 0) {
        return lex_fail(lx, 1, "SyntaxError", lx->lineno, lex_col(lx, lx->pos),
                        "source code cannot contain null bytes");
    }
    if ((flags = lex_string_prefix(lx, &plen)) >= 0) return lex_string(lx, flags, plen);
    if (lex_isdigit(c) || (c == '.' && lex_isdigit(lex_peek(lx, 1)))) return lex_number(lx);
    if (c < 0x80 ? lex_is_id_start(c) : 0) return lex_name(lx);
    if (c >= 0x80) {
        int32_t cp;
        lex_utf8_decode((const unsigned char *)lx->src + lx->pos, lx->len - lx->pos, &cp);
        if (cp >= 0 && lex_is_id_start(cp)) return lex_name(lx);
        return lex_badchar(lx);
    }
    if (c < 0x20 || c == 0x7F) return lex_badchar(lx);
    return lex_operator(lx);
}

/* CPython decodes the source before tokenizing it: a bad UTF-8 sequence is
 * an error wherever it is. */
static int lex_check_utf8(Lexer *lx) {
    size_t i = lx->pos, ls = lx->line_start;
    int line = 1;
    while (i < lx->len) {
        unsigned char c = (unsigned char)lx->src[i];
        int32_t cp;
        int n;
        if (c < 0x80) {
            i++;
            if (c == '\n') { line++; ls = i; }
            continue;
        }
        n = lex_utf8_decode((const unsigned char *)lx->src + i, lx->len - i, &cp);
        if (cp < 0) {
            const char *why = (c < 0xC2 || c > 0xF4) ? "invalid start byte"
                              : (i + 1 >= lx->len) ? "unexpected end of data"
                                                   : "invalid continuation byte";
            lx->lineno = line;
            lx->line_start = ls;
            lx->pos = i;
            return lex_fail(lx, 1, "SyntaxError", line, (int)(i - ls),
                            "(unicode error) 'utf-8' codec can't decode byte 0x%02x in "
                            "position %d: %s", c, (int)(i - ls), why);
        }
        i += (size_t)n;
    }
    return 0;
}

int lex_tokenize(Lexer *lx) {
    int r;
    if (lx->len >= 3 && memcmp(lx->src, "\xEF\xBB\xBF", 3) == 0 && lx->line_off == 0) {
        lx->pos = 3;            /* UTF-8 BOM */
        lx->line_start = 3;
    }
    if (memchr(lx->src, 0, lx->len)) {
        const char *z = memchr(lx->src, 0, lx->len);
        int line = 1;
        const char *p;
        for (p = lx->src; p < z; p++) line += (*p == '\n');
        lx->pos = lx->len;
        return lex_fail(lx, 1, "SyntaxError", line, -1, "source code cannot contain null bytes");
    }
    if (lx->line_off == 0 && lex_check_utf8(lx) < 0) return -1;
    do r = lex_next(lx); while (r == 0);
    return r < 0 ? -1 : 0;
}
