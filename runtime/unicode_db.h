/* unicode_db.h - the Unicode Character Database (Unicode 14.0, CPython 3.11's):
 * character properties, decompositions and compositions, see unicode_db.c. */
#ifndef GILPY_UNICODE_DB_H
#define GILPY_UNICODE_DB_H

#include <stddef.h>
#include <stdint.h>
#include "object.h"

/* The Unicode version the tables hold ("14.0.0": runtime/meson.build's --max-age). */
extern const char unicode_db_version[];

/* The properties of one code point, as unicodedata reports them. */
typedef struct UnicodeProps {
    const char *category;           /* "Lu", ...; "Cn" when unassigned */
    const char *bidirectional;      /* "" when unassigned */
    const char *east_asian_width;
    int combining, mirrored;
    int decimal, digit;             /* -1: none */
    int has_numeric;
    double numeric;
} UnicodeProps;

void     unicode_db_props(uint32_t cp, UnicodeProps *out);
int      unicode_db_combining(uint32_t cp);
/* A letter (categories Lu Ll Lt Lm Lo), str.isalpha's test. */
int      unicode_db_is_letter(uint32_t cp);
int      unicode_db_is_title(uint32_t cp);       /* category Lt */
int      unicode_db_decimal(uint32_t cp);        /* -1: none */
int      unicode_db_digit(uint32_t cp);          /* -1: none */
int      unicode_db_is_numeric(uint32_t cp);     /* has a numeric value */

/* Simple case mappings (one code point; cp itself when it has none). */
uint32_t unicode_db_upper(uint32_t cp);
uint32_t unicode_db_lower(uint32_t cp);
uint32_t unicode_db_title(uint32_t cp);
/* Full case mappings, which may be longer (U+00DF upper is "SS"): the code
 * points of cp's mapping into out and their count (1 to 3).  The conditional
 * mappings (final sigma) are the caller's. */
enum { UNICODE_LOWER, UNICODE_TITLE, UNICODE_UPPER, UNICODE_FOLD };
int      unicode_db_full_case(uint32_t cp, int which, uint32_t out[3]);

/* The decomposition mapping of cp (one level, not recursive): its code points
 * and their count, *tag the formatting tag ("" for a canonical one, else
 * "<compat>", "<font>", ...); NULL when cp has none.  Hangul syllables are not
 * in the table (their decomposition is algorithmic). */
const uint32_t *unicode_db_decomposition(uint32_t cp, int *count, const char **tag);
/* The primary composite of the canonical pair (a, b), Hangul excluded, or 0. */
uint32_t unicode_db_compose(uint32_t a, uint32_t b);
/* The named sequence called s[0..n) (case-insensitively): its code points
 * into out (room for 4) and their count, or 0. */
int      unicode_db_named_sequence(const char *s, size_t n, uint32_t *out);

/* Unicode 3.2.0 (unicodedata.ucd_3_2_0, for IDNA): whether cp was assigned
 * then, and its 3.2 decomposition where it was corrected since (else 0). */
int      unicode_db_assigned_3_2(uint32_t cp);
uint32_t unicode_db_norm_3_2(uint32_t cp);

#endif
