/* source.h - source bytes to the UTF-8 text the lexer reads (PEP 263).
 *
 * CPython decodes Python source as its tokenizer finds it declared: a UTF-8
 * byte order mark, or a coding cookie (`# -*- coding: latin-1 -*-`) on the
 * first line, or on the second when the first is blank or only a comment.
 * Its error messages depend on how the source came: a script file or stdin
 * (the file tokenizer: "encoding problem: nosuch", a plain SyntaxError) or
 * bytes given to compile()/exec() and imported modules (the string tokenizer:
 * "unknown encoding: nosuch", a SyntaxError at line 0 of the file).
 */
#ifndef GILPY_SOURCE_H
#define GILPY_SOURCE_H

#include <stddef.h>
#include "../runtime/object.h"

/* SOURCE_STDIN: a program read from a pipe, which takes no cookie but utf-8 */
typedef enum { SOURCE_FILE, SOURCE_STDIN, SOURCE_STRING } SourceMode;

/* The text of src[0..len): without a BOM, decoded from a declared encoding
 * into a malloc'd buffer (*owned, to free) or src itself (*owned NULL).
 * *declared is 1 when a BOM or a cookie named the encoding (the caller's
 * check for undeclared non-UTF-8 bytes does not apply then).  NULL with SyntaxError
 * set (filename names the file in string mode). */
const char *source_decode(const char *src, size_t len, SourceMode mode, Value filename,
                          size_t *out_len, char **owned, int *declared);

/* Line `lineno` of the source file at path as UTF-8 text, decoded as its
 * cookie declares (interp.vm.source_line); 0 if the file has no such line. */
struct StrBuf;
int source_line(const char *path, int lineno, struct StrBuf *out);

#endif
