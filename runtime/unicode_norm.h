/* unicode_norm.h - Unicode normalization forms (runtime/unicode_norm.c). */
#ifndef GILPY_UNICODE_NORM_H
#define GILPY_UNICODE_NORM_H

#include "object.h"

/* The forms as flags: compose (C), compatibility decompositions (K). */
enum { UNICODE_NF_C = 1, UNICODE_NF_K = 2,
       UNICODE_NF_3_2 = 4 };    /* with Unicode 3.2.0's data (unicodedata.ucd_3_2_0) */
enum { UNICODE_NFD = 0, UNICODE_NFC = UNICODE_NF_C, UNICODE_NFKD = UNICODE_NF_K,
       UNICODE_NFKC = UNICODE_NF_K | UNICODE_NF_C };

/* s (a str) in the normal form `form` (UNICODE_NF*); VAL_NULL on MemoryError. */
Value unicode_normalize(int form, Value s);
/* Identifiers as the parser compares them (PEP 3131). */
Value unicode_nfkc(Value s);

#endif
