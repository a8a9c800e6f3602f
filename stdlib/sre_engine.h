/* sre_engine.h - the matcher behind _sre: runs the code CPython's re/_compiler.py
 * produces (see sre_engine.c for the design).
 */
#ifndef GILPY_SRE_ENGINE_H
#define GILPY_SRE_ENGINE_H

#include <stdint.h>

#define SRE_MAGIC      20220615
#define SRE_MAXREPEAT  4294967295u
#define SRE_MAXGROUPS  1073741823   /* (2**31 - 1) / 2, as CPython on 64-bit */

/* The opcodes of re/_constants.py (OPCODES, ATCODES, CHCODES) for MAGIC 20220615. */
enum {
    SRE_OP_FAILURE, SRE_OP_SUCCESS, SRE_OP_ANY, SRE_OP_ANY_ALL, SRE_OP_ASSERT,
    SRE_OP_ASSERT_NOT, SRE_OP_AT, SRE_OP_BRANCH, SRE_OP_CATEGORY, SRE_OP_CHARSET,
    SRE_OP_BIGCHARSET, SRE_OP_GROUPREF, SRE_OP_GROUPREF_EXISTS, SRE_OP_IN, SRE_OP_INFO,
    SRE_OP_JUMP, SRE_OP_LITERAL, SRE_OP_MARK, SRE_OP_MAX_UNTIL, SRE_OP_MIN_UNTIL,
    SRE_OP_NOT_LITERAL, SRE_OP_NEGATE, SRE_OP_RANGE, SRE_OP_REPEAT, SRE_OP_REPEAT_ONE,
    SRE_OP_SUBPATTERN, SRE_OP_MIN_REPEAT_ONE, SRE_OP_ATOMIC_GROUP, SRE_OP_POSSESSIVE_REPEAT,
    SRE_OP_POSSESSIVE_REPEAT_ONE, SRE_OP_GROUPREF_IGNORE, SRE_OP_IN_IGNORE,
    SRE_OP_LITERAL_IGNORE, SRE_OP_NOT_LITERAL_IGNORE, SRE_OP_GROUPREF_LOC_IGNORE,
    SRE_OP_IN_LOC_IGNORE, SRE_OP_LITERAL_LOC_IGNORE, SRE_OP_NOT_LITERAL_LOC_IGNORE,
    SRE_OP_GROUPREF_UNI_IGNORE, SRE_OP_IN_UNI_IGNORE, SRE_OP_LITERAL_UNI_IGNORE,
    SRE_OP_NOT_LITERAL_UNI_IGNORE, SRE_OP_RANGE_UNI_IGNORE,
};
enum {
    SRE_AT_BEGINNING, SRE_AT_BEGINNING_LINE, SRE_AT_BEGINNING_STRING, SRE_AT_BOUNDARY,
    SRE_AT_NON_BOUNDARY, SRE_AT_END, SRE_AT_END_LINE, SRE_AT_END_STRING,
    SRE_AT_LOC_BOUNDARY, SRE_AT_LOC_NON_BOUNDARY, SRE_AT_UNI_BOUNDARY, SRE_AT_UNI_NON_BOUNDARY,
};
enum {
    SRE_CAT_DIGIT, SRE_CAT_NOT_DIGIT, SRE_CAT_SPACE, SRE_CAT_NOT_SPACE, SRE_CAT_WORD,
    SRE_CAT_NOT_WORD, SRE_CAT_LINEBREAK, SRE_CAT_NOT_LINEBREAK, SRE_CAT_LOC_WORD,
    SRE_CAT_LOC_NOT_WORD, SRE_CAT_UNI_DIGIT, SRE_CAT_UNI_NOT_DIGIT, SRE_CAT_UNI_SPACE,
    SRE_CAT_UNI_NOT_SPACE, SRE_CAT_UNI_WORD, SRE_CAT_UNI_NOT_WORD, SRE_CAT_UNI_LINEBREAK,
    SRE_CAT_UNI_NOT_LINEBREAK,
};

typedef struct SreChoice SreChoice;
typedef struct SreTrail SreTrail;
typedef struct SreNode SreNode;

/* One matching run over a subject: the code, the subject's characters (one
 * byte each for bytes and ASCII str, else decoded code points), the bounds,
 * the group marks, and the engine's heap stacks (kept between searches). */
typedef struct SreState {
    const uint32_t *code;
    int64_t codelen;
    const uint8_t *s1;          /* one of s1/s4 is set */
    const uint32_t *s4;
    int64_t start, end;         /* pos and endpos, clamped to the subject */
    int     match_all;          /* fullmatch: SUCCESS only at end */
    int     must_advance;       /* no empty match at adv_pos (after an empty one) */
    int64_t adv_pos;
    int     ngroups;
    int64_t *marks;             /* 2 * ngroups char positions, -1 unset */
    int64_t lastindex;          /* -1 none */
    int64_t mstart, mend;       /* the match found */
    SreChoice *ch;  int64_t nch, capch;
    SreTrail *tr;   int64_t ntr, captr;
    SreNode *pool;  int64_t npool, cappool;
    uint32_t steps;
} SreState;

/* The state for code over s1/s4 (the caller fills those, start, end and
 * ngroups first).  -1 with MemoryError. */
int  sre_state_init(SreState *st);
void sre_state_free(SreState *st);
/* Match at pos (anchored) or search from pos: 1 found (mstart, mend, marks,
 * lastindex set), 0 not, -1 with an exception (KeyboardInterrupt, MemoryError). */
int  sre_match(SreState *st, int64_t pos);
int  sre_search(SreState *st, int64_t pos);

/* Check code from _sre.compile before it runs: 0, or -1 with RuntimeError
 * "invalid SRE code". */
int  sre_validate(const uint32_t *code, int64_t n, int64_t groups);

/* Character helpers the module shares. */
uint32_t sre_lower_ascii(uint32_t c);
int  sre_iscased_ascii(uint32_t c);

#endif
