/* parser.h - the parser's entry point lives in ast.h (parse_source); this
 * header only names the limits, for tests and the REPL. */
#ifndef GILPY_PARSER_H
#define GILPY_PARSER_H

#include "ast.h"

/* Deepest expression/statement nesting accepted before SyntaxError
 * "too many nested parentheses" (CPython's tokenizer allows 200 brackets). */
#define PARSE_MAX_DEPTH 200

#endif
