/* lexer.h - Python 3.11 tokenizer: source bytes -> token array.
 *
 * The lexer turns the whole source into an array of tokens in one pass
 * (lex_tokenize) before the parser starts; see lexer.c for the approach.
 * Tokens only point into the source (byte offsets); string and number
 * literals are decoded by the parser.
 */
#ifndef GILPY_LEXER_H
#define GILPY_LEXER_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    T_ENDMARKER, T_NAME, T_NUMBER, T_STRING, T_NEWLINE, T_INDENT, T_DEDENT,
    T_ERROR,        /* the tokenizer stopped here; see Lexer.err */
    T_BADCHAR,      /* a stray ASCII character such as '$' or '?': "invalid syntax" */
    /* operators and delimiters */
    T_LPAR, T_RPAR, T_LSQB, T_RSQB, T_LBRACE, T_RBRACE, T_COLON, T_COMMA, T_SEMI,
    T_PLUS, T_MINUS, T_STAR, T_SLASH, T_VBAR, T_AMPER, T_LESS, T_GREATER,
    T_EQUAL, T_DOT, T_PERCENT, T_EQEQUAL, T_NOTEQUAL, T_LESSEQUAL, T_GREATEREQUAL,
    T_TILDE, T_CIRCUMFLEX, T_LEFTSHIFT, T_RIGHTSHIFT, T_DOUBLESTAR,
    T_PLUSEQUAL, T_MINEQUAL, T_STAREQUAL, T_SLASHEQUAL, T_PERCENTEQUAL,
    T_AMPEREQUAL, T_VBAREQUAL, T_CIRCUMFLEXEQUAL, T_LEFTSHIFTEQUAL,
    T_RIGHTSHIFTEQUAL, T_DOUBLESTAREQUAL, T_DOUBLESLASH, T_DOUBLESLASHEQUAL,
    T_AT, T_ATEQUAL, T_RARROW, T_ELLIPSIS, T_COLONEQUAL, T_EXCLAMATION,
    T__COUNT
} TokKind;

/* Hard keywords (Token.kw); soft keywords stay plain names. */
typedef enum {
    K_NONE_, K_FALSE, K_NONE, K_TRUE, K_AND, K_AS, K_ASSERT, K_ASYNC, K_AWAIT,
    K_BREAK, K_CLASS, K_CONTINUE, K_DEF, K_DEL, K_ELIF, K_ELSE, K_EXCEPT,
    K_FINALLY, K_FOR, K_FROM, K_GLOBAL, K_IF, K_IMPORT, K_IN, K_IS, K_LAMBDA,
    K_NONLOCAL, K_NOT, K_OR, K_PASS, K_RAISE, K_RETURN, K_TRY, K_WHILE, K_WITH,
    K_YIELD, K__COUNT
} Keyword_;

/* String token flags (Token.sflags). */
enum { STR_BYTES = 1, STR_RAW = 2, STR_F = 4, STR_U = 8, STR_TRIPLE = 16 };

typedef struct {
    uint8_t kind;        /* TokKind */
    uint8_t kw;          /* Keyword_ when kind == T_NAME, else 0 */
    uint8_t sflags;      /* STR_* when kind == T_STRING */
    uint8_t plen;        /* string prefix length */
    uint32_t start, end; /* byte offsets into the source */
    int lineno, col, end_lineno, end_col;   /* col in bytes, 0-based */
} Token;

/* The first error the tokenizer met.  `strong` errors (bad literals, bad
 * characters, unbalanced brackets) win over any parser error, as in CPython;
 * weak ones (indentation, EOF) only when the parser reaches the token. */
typedef struct {
    int set, strong, incomplete;
    const char *kind;
    char msg[160];
    int lineno, col, end_lineno, end_col;
    int paren_line, paren_col; char paren_ch;  /* innermost open bracket at EOF */
} LexError;

/* A SyntaxWarning the tokenizer owes ("invalid hexadecimal literal" before
 * a keyword: `0xfor x`); the compiler issues it (an "error" filter makes it
 * a SyntaxError at lineno/col, which ends there too). */
typedef struct {
    char msg[64];
    int lineno, col;
} LexWarning;

#define LEX_MAX_PAREN 200
#define LEX_MAX_INDENT 100

typedef struct {
    const char *src;
    size_t len, pos;
    int lineno;
    size_t line_start;
    int atbol, level, indent, pendin, cont_line, interactive;
    int indstack[LEX_MAX_INDENT + 1], altstack[LEX_MAX_INDENT + 1];
    char paren_ch[LEX_MAX_PAREN];
    int paren_line[LEX_MAX_PAREN], paren_col[LEX_MAX_PAREN];
    int line_off, col_off;      /* shift applied to positions (f-string parts) */
    Token *toks;
    int ntoks, cap;
    LexError err;
    LexWarning *warns;          /* malloc'ed, freed by lex_free */
    int nwarns, warncap;
} Lexer;

/* Tokenize src[0..len).  Tokens land in lx->toks (malloc'ed; free with
 * lex_free); on error the last token is T_ERROR and lx->err is set.
 * Returns 0 on success, -1 on error (tokens up to the error are kept). */
void lex_init(Lexer *lx, const char *src, size_t len);
int  lex_tokenize(Lexer *lx);
void lex_free(Lexer *lx);

/* Decode one UTF-8 code point at s[0..n); returns its length (1 on a bad
 * sequence, with *cp = -1). */
int lex_utf8_decode(const unsigned char *s, size_t n, int32_t *cp);
/* Encode cp as UTF-8 into out (4 bytes max); returns the length. */
int lex_utf8_encode(int32_t cp, char *out);
/* 1 if code point cp may start / continue an identifier. */
int lex_is_id_start(int32_t cp);
int lex_is_id_continue(int32_t cp);

#endif
