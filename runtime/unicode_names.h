/* unicode_names.h - Unicode character names (\N{...}), see unicode_names.c. */
#ifndef GILPY_UNICODE_NAMES_H
#define GILPY_UNICODE_NAMES_H

#include <stddef.h>
#include <stdint.h>

/* The code point named s[0..n) as \N{...} accepts it (CPython 3.11: Unicode 14.0
 * names and their aliases, case-insensitively; CJK UNIFIED IDEOGRAPH-XXXX and
 * HANGUL SYLLABLE names exactly), or -1. */
int32_t unicode_name_lookup(const char *s, size_t n);
/* The name of code point cp into buf (size >= UNICODE_NAME_MAX + 1), its
 * length, or 0 when cp has no name.  Aliases are never returned. */
size_t  unicode_name_of(uint32_t cp, char *buf);
#define UNICODE_NAME_MAX 96
/* Call fn for every stored name and alias, in name order (the computed CJK
 * UNIFIED IDEOGRAPH and HANGUL SYLLABLE names are not stored). */
void    unicode_names_foreach(void (*fn)(uint32_t cp, int alias, const char *name, void *ctx), void *ctx);

#endif
