/* format.h - the format-spec mini-language shared by format(), str.format,
 * f-strings and `%` formatting: parsing a spec and padding a result. */
#ifndef GILPY_FORMAT_H
#define GILPY_FORMAT_H

#include <stddef.h>
#include <stdint.h>
#include "value.h"

typedef struct FormatSpec {
    uint32_t fill;          /* code point, default ' ' */
    char     align;         /* '<' '>' '^' '=' or 0 when not given */
    char     sign;          /* '+' '-' ' ' or 0 */
    int      alternate;     /* '#' */
    int      zero;          /* '0' before the width */
    int64_t  width;         /* -1 when not given */
    char     grouping;      /* ',' '_' or 0 */
    int64_t  precision;     /* -1 when not given */
    char     type;          /* 's' 'd' 'x' 'f' ... or 0 */
    int      no_neg_zero;   /* 'z' (3.11) */
} FormatSpec;

/* Parse a spec str.  ValueError with CPython's messages ("Invalid format
 * specifier", "Format specifier missing precision", ...). 0 ok, -1 error. */
int   fmt_parse(Value spec, FormatSpec *out);
int   fmt_parse_c(const char *spec, size_t len, FormatSpec *out);
/* The same, naming the formatted object's type in "Invalid format specifier
 * 'spec' for object of type 'tname'" (fmt_parse/fmt_parse_c say 'str').
 * A leading '0' sets fill '0' and zero=1 but leaves align 0: fmt_pad treats
 * that as '=' when its default_align is '>' (numbers), as CPython does. */
int   fmt_parse_typed(Value spec, FormatSpec *out, const char *tname);
/* Pad prefix+body to fs->width with fs->fill according to fs->align (or
 * default_align when none was given).  prefix (sign and base prefix such as
 * "-0x") goes before the padding when the alignment is '='.  Lengths are in
 * bytes, *_nchars in code points.  Returns a new str. */
Value fmt_pad(const FormatSpec *fs, char default_align,
              const char *prefix, size_t prefix_len,
              const char *body, size_t body_len, int64_t body_nchars);
/* Insert a grouping separator every `group` digits of an ASCII digit run
 * (for ',' and '_'); writes into a malloc'd buffer the caller frees. */
char *fmt_group_digits(const char *digits, size_t len, char sep, int group,
                       size_t *out_len);
/* The same, left-padding with grouped '0's to at least min_width chars. */
char *fmt_group_digits_min(const char *digits, size_t len, char sep, int group,
                           int64_t min_width, size_t *out_len);
/* A formatted number: prefix (sign, "0x"), integer digits (grouped by
 * fs->grouping every `group` digits, zero-filled into the groups for '0'
 * padding as CPython), then rest (fraction, exponent, '%', or "inf"), padded
 * to fs->width with default alignment '>'.  All ASCII except the fill. */
Value fmt_number(const FormatSpec *fs, const char *prefix, size_t prefix_len,
                 const char *digits, size_t ndigits, const char *rest, size_t rest_len,
                 int group);

#endif
