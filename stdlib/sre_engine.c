/* sre_engine.c - the backtracking matcher of _sre.
 *
 * Design: CPython's re/_compiler.py turns a pattern into a flat list of ints
 * (opcodes of re/_constants.py); this file executes that list as a machine with
 * registers (pc, pos, the current repeat, the current frame, lastindex) and
 * three heap-allocated stacks, so no C recursion ever depends on the pattern or
 * the subject:
 *   - choice points: where to resume when the path being tried fails (the
 *     next alternative of a BRANCH, one character fewer for a greedy
 *     REPEAT_ONE, one more for a lazy one, "take the tail instead" for
 *     MAX_UNTIL...).  Each saves the registers and the heights of the other
 *     two stacks.
 *   - the trail: every write to a group mark or a repeat counter records the
 *     old value; backtracking to a choice point undoes the trail down to its
 *     height, which restores marks exactly as they were.
 *   - the node pool: append-only records for REPEAT contexts (count, last
 *     position: CPython's repeat stack) and for frames, the constructs whose
 *     body ends in SUCCESS (lookaround, atomic group, possessive repeat).  A
 *     frame remembers the choice-stack height at entry, so its SUCCESS can
 *     cut every choice made inside it: that is what makes lookarounds and
 *     atomic groups atomic.  Backtracking truncates the pool.
 * The subject is read one character at a time through sre_ch: bytes and ASCII
 * str directly as bytes, other str as code points decoded once by the caller.
 * Every 4096 steps the matcher runs pending signal handlers, so Ctrl-C stops
 * a catastrophic pattern.
 */
#include <stdlib.h>
#include <string.h>
#include "runtime/object.h"
#include "runtime/obj_str.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/signals.h"
#include "stdlib/sre_engine.h"

enum { CH_BRANCH, CH_REP1, CH_MINREP1, CH_RESUME, CH_MINBODY, CH_BARRIER, CH_POSSDONE };
enum { TR_MARK, TR_COUNT, TR_LAST };
enum { ND_REPEAT, ND_ASSERT, ND_ASSERT_NOT, ND_ATOMIC, ND_POSS };

struct SreChoice {
    int32_t kind, pc, rep, frame;
    int64_t pos, lastindex, ntr, npool;
    int64_t a, b;
};
struct SreTrail { int32_t kind; int64_t slot, old; };
struct SreNode {
    int32_t kind, pc, parent;
    int64_t count, pos, cp;
};

/* ---------------------------------------------------------------- characters */

uint32_t sre_lower_ascii(uint32_t c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static uint32_t upper_ascii(uint32_t c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
int sre_iscased_ascii(uint32_t c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

static int is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static int is_space(uint32_t c) { return c == ' ' || (c >= 9 && c <= 13); }
static int is_word(uint32_t c) { return c < 128 && (c == '_' || is_digit(c) || sre_iscased_ascii(c)); }
/* The Unicode classes answer ASCII without the character database. */
static int is_uni_word(uint32_t c) { return c < 128 ? is_word(c) : str_cp_isalnum(c); }
static int is_uni_digit(uint32_t c) { return c < 128 ? is_digit(c) : str_cp_isdecimal(c); }
static int is_uni_space(uint32_t c) {
    return c < 128 ? is_space(c) || (c >= 0x1C && c <= 0x1F) : str_cp_isspace(c);
}
static int is_uni_linebreak(uint32_t c) {
    return (c >= 10 && c <= 13) || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028 ||
           c == 0x2029;
}

static int category(uint32_t cat, uint32_t c) {
    switch (cat) {
    case SRE_CAT_DIGIT: return is_digit(c);
    case SRE_CAT_NOT_DIGIT: return !is_digit(c);
    case SRE_CAT_SPACE: return is_space(c);
    case SRE_CAT_NOT_SPACE: return !is_space(c);
    case SRE_CAT_WORD: case SRE_CAT_LOC_WORD: return is_word(c);
    case SRE_CAT_NOT_WORD: case SRE_CAT_LOC_NOT_WORD: return !is_word(c);
    case SRE_CAT_LINEBREAK: return c == '\n';
    case SRE_CAT_NOT_LINEBREAK: return c != '\n';
    case SRE_CAT_UNI_DIGIT: return is_uni_digit(c);
    case SRE_CAT_UNI_NOT_DIGIT: return !is_uni_digit(c);
    case SRE_CAT_UNI_SPACE: return is_uni_space(c);
    case SRE_CAT_UNI_NOT_SPACE: return !is_uni_space(c);
    case SRE_CAT_UNI_WORD: return is_uni_word(c);
    case SRE_CAT_UNI_NOT_WORD: return !is_uni_word(c);
    case SRE_CAT_UNI_LINEBREAK: return is_uni_linebreak(c);
    case SRE_CAT_UNI_NOT_LINEBREAK: return !is_uni_linebreak(c);
    }
    return 0;
}

/* Is c in the set starting at code[p] (ended by FAILURE)? */
static int in_set(const uint32_t *code, int64_t p, uint32_t c) {
    int ok = 1;
    for (;;) {
        switch (code[p++]) {
        case SRE_OP_FAILURE: return !ok;
        case SRE_OP_LITERAL: if (c == code[p]) return ok; p++; break;
        case SRE_OP_CATEGORY: if (category(code[p], c)) return ok; p++; break;
        case SRE_OP_CHARSET:
            if (c < 256 && (code[p + (c >> 5)] & (1u << (c & 31)))) return ok;
            p += 8;
            break;
        case SRE_OP_RANGE:
            if (code[p] <= c && c <= code[p + 1]) return ok;
            p += 2;
            break;
        case SRE_OP_RANGE_UNI_IGNORE: {
            if (code[p] <= c && c <= code[p + 1]) return ok;
            uint32_t u = str_cp_upper(c);
            if (code[p] <= u && u <= code[p + 1]) return ok;
            p += 2;
            break;
        }
        case SRE_OP_NEGATE: ok = !ok; break;
        case SRE_OP_BIGCHARSET: {
            uint32_t count = code[p++];
            if (c < 65536) {
                uint32_t hi = c >> 8;
                uint32_t block = (code[p + hi / 4] >> (8 * (hi % 4))) & 0xFF;
                const uint32_t *bits = code + p + 64 + block * 8;
                if (bits[(c & 255) >> 5] & (1u << (c & 31))) return ok;
            }
            p += 64 + (int64_t)count * 8;
            break;
        }
        default: return 0;      /* not produced by _compiler.py */
        }
    }
}

static uint32_t sre_ch(const SreState *st, int64_t i) { return st->s1 ? st->s1[i] : st->s4[i]; }

/* Does the one-character item at code[p] match c? */
static int unit_match(const uint32_t *code, int64_t p, uint32_t c) {
    uint32_t arg = code[p + 1];
    switch (code[p]) {
    case SRE_OP_ANY: return c != '\n';
    case SRE_OP_ANY_ALL: return 1;
    case SRE_OP_LITERAL: return c == arg;
    case SRE_OP_NOT_LITERAL: return c != arg;
    case SRE_OP_LITERAL_IGNORE: return sre_lower_ascii(c) == arg;
    case SRE_OP_NOT_LITERAL_IGNORE: return sre_lower_ascii(c) != arg;
    case SRE_OP_LITERAL_UNI_IGNORE: return str_cp_lower(c) == arg;
    case SRE_OP_NOT_LITERAL_UNI_IGNORE: return str_cp_lower(c) != arg;
    case SRE_OP_LITERAL_LOC_IGNORE:
        return c == arg || sre_lower_ascii(c) == arg || upper_ascii(c) == arg;
    case SRE_OP_NOT_LITERAL_LOC_IGNORE:
        return !(c == arg || sre_lower_ascii(c) == arg || upper_ascii(c) == arg);
    case SRE_OP_IN: return in_set(code, p + 2, c);
    case SRE_OP_IN_IGNORE: return in_set(code, p + 2, sre_lower_ascii(c));
    case SRE_OP_IN_UNI_IGNORE: return in_set(code, p + 2, str_cp_lower(c));
    case SRE_OP_IN_LOC_IGNORE:
        return in_set(code, p + 2, c) || in_set(code, p + 2, sre_lower_ascii(c)) ||
               in_set(code, p + 2, upper_ascii(c));
    case SRE_OP_CATEGORY: return category(arg, c);
    }
    return 0;
}

/* How many times (up to max) the unit at code[p] matches from pos on. */
static int64_t count_units(const SreState *st, int64_t p, int64_t pos, uint32_t max) {
    int64_t limit = st->end - pos;
    if (max != SRE_MAXREPEAT && (int64_t)max < limit) limit = max;
    int64_t n = 0;
    while (n < limit && unit_match(st->code, p, sre_ch(st, pos + n))) n++;
    return n;
}

static int word_at(const SreState *st, int64_t i, int uni) {
    if (i < 0 || i >= st->end) return 0;
    return uni ? is_uni_word(sre_ch(st, i)) : is_word(sre_ch(st, i));
}

static int at(const SreState *st, uint32_t code, int64_t pos) {
    int64_t end = st->end;
    switch (code) {
    case SRE_AT_BEGINNING: case SRE_AT_BEGINNING_STRING: return pos == 0;
    case SRE_AT_BEGINNING_LINE: return pos == 0 || sre_ch(st, pos - 1) == '\n';
    case SRE_AT_END: return pos == end || (pos + 1 == end && sre_ch(st, pos) == '\n');
    case SRE_AT_END_LINE: return pos == end || sre_ch(st, pos) == '\n';
    case SRE_AT_END_STRING: return pos == end;
    case SRE_AT_BOUNDARY: case SRE_AT_LOC_BOUNDARY: case SRE_AT_UNI_BOUNDARY:
    case SRE_AT_NON_BOUNDARY: case SRE_AT_LOC_NON_BOUNDARY: case SRE_AT_UNI_NON_BOUNDARY: {
        if (end == 0) return 0;
        int uni = code == SRE_AT_UNI_BOUNDARY || code == SRE_AT_UNI_NON_BOUNDARY;
        int diff = word_at(st, pos - 1, uni) != word_at(st, pos, uni);
        int want = code == SRE_AT_BOUNDARY || code == SRE_AT_LOC_BOUNDARY || code == SRE_AT_UNI_BOUNDARY;
        return want ? diff : !diff;
    }
    }
    return 0;
}

/* ---------------------------------------------------------------- the stacks */

static int grow(void **p, int64_t *cap, size_t elem) {
    int64_t ncap = *cap ? *cap * 2 : 64;
    void *q = gc_sys_realloc(*p, (size_t)ncap * elem);
    if (!q) { err_no_memory(); return -1; }
    *p = q, *cap = ncap;
    return 0;
}

int sre_state_init(SreState *st) {
    st->ch = NULL, st->tr = NULL, st->pool = NULL;
    st->nch = st->capch = st->ntr = st->captr = st->npool = st->cappool = 0;
    st->steps = 0;
    st->marks = gc_sys_malloc(sizeof(int64_t) * (size_t)(2 * st->ngroups + 1));
    if (!st->marks) { err_no_memory(); return -1; }
    return 0;
}

void sre_state_free(SreState *st) {
    free(st->ch), free(st->tr), free(st->pool), free(st->marks);
    st->ch = NULL, st->tr = NULL, st->pool = NULL, st->marks = NULL;
}

/* Registers of the machine. */
typedef struct Regs {
    int64_t pc, pos, lastindex;
    int32_t rep, frame;
} Regs;

static int trail(SreState *st, int kind, int64_t slot, int64_t old) {
    if (st->ntr == st->captr && grow((void **)&st->tr, &st->captr, sizeof(SreTrail)) < 0) return -1;
    st->tr[st->ntr++] = (SreTrail){kind, slot, old};
    return 0;
}

static int set_mark(SreState *st, int64_t i, int64_t pos) {
    if (trail(st, TR_MARK, i, st->marks[i]) < 0) return -1;
    st->marks[i] = pos;
    return 0;
}

static int set_count(SreState *st, int32_t node, int64_t count) {
    if (trail(st, TR_COUNT, node, st->pool[node].count) < 0) return -1;
    st->pool[node].count = count;
    return 0;
}

static int set_last(SreState *st, int32_t node, int64_t pos) {
    if (trail(st, TR_LAST, node, st->pool[node].pos) < 0) return -1;
    st->pool[node].pos = pos;
    return 0;
}

static int push_choice(SreState *st, const Regs *r, int kind, int64_t pc, int64_t pos,
                       int64_t a, int64_t b) {
    if (st->nch == st->capch && grow((void **)&st->ch, &st->capch, sizeof(SreChoice)) < 0) return -1;
    st->ch[st->nch++] = (SreChoice){kind, (int32_t)pc, r->rep, r->frame, pos, r->lastindex,
                                    st->ntr, st->npool, a, b};
    return 0;
}

/* A new pool node; its index, or -1 with MemoryError. */
static int32_t new_node(SreState *st, int kind, int64_t pc, int32_t parent, int64_t count,
                        int64_t pos, int64_t cp) {
    if (st->npool == st->cappool && grow((void **)&st->pool, &st->cappool, sizeof(SreNode)) < 0)
        return -1;
    st->pool[st->npool] = (SreNode){kind, (int32_t)pc, parent, count, pos, cp};
    return (int32_t)st->npool++;
}

static void undo_trail(SreState *st, int64_t height) {
    while (st->ntr > height) {
        SreTrail *t = &st->tr[--st->ntr];
        if (t->kind == TR_MARK) st->marks[t->slot] = t->old;
        else if (t->kind == TR_COUNT) st->pool[t->slot].count = t->old;
        else st->pool[t->slot].pos = t->old;
    }
}

/* ---------------------------------------------------------------- the machine */

/* The first alternative of the BRANCH list at p (a skip word) that can start
 * at pos; its skip-word index, or -1 if none.  Alternatives opening with a
 * LITERAL that differs from the next character are passed over. */
static int64_t branch_alt(const SreState *st, int64_t p, int64_t pos) {
    const uint32_t *code = st->code;
    for (; code[p] != 0; p += code[p]) {
        if (code[p + 1] == SRE_OP_LITERAL && (pos >= st->end || sre_ch(st, pos) != code[p + 2]))
            continue;
        return p;
    }
    return -1;
}

/* Take alternative p: leave a choice point for the ones after it. */
static int branch_take(SreState *st, Regs *r, int64_t p) {
    int64_t next = branch_alt(st, p + st->code[p], r->pos);
    if (next >= 0 && push_choice(st, r, CH_BRANCH, next, r->pos, 0, 0) < 0) return -1;
    r->pc = p + 1;
    return 0;
}

/* A possessive repeat at code[pc0]: start iteration `count` (or leave). */
static int poss_iter(SreState *st, Regs *r, int64_t pc0, int64_t count, int32_t parent) {
    const uint32_t *code = st->code;
    int64_t tail = pc0 + 1 + code[pc0 + 1] + 1;
    if (code[pc0 + 3] != SRE_MAXREPEAT && count >= code[pc0 + 3]) {
        r->pc = tail, r->frame = parent;
        return 0;
    }
    Regs done = *r;
    done.frame = parent;
    if (push_choice(st, &done, CH_POSSDONE, tail, r->pos, count, code[pc0 + 2]) < 0) return -1;
    int32_t f = new_node(st, ND_POSS, pc0, parent, count, r->pos, st->nch - 1);
    if (f < 0) return -1;
    r->frame = f, r->pc = pc0 + 4;
    return 0;
}

/* SUCCESS inside a frame: 1 go on, 0 fail, -1 error. */
static int frame_success(SreState *st, Regs *r) {
    SreNode f = st->pool[r->frame];
    st->nch = f.cp;            /* cut every choice made inside the frame */
    switch (f.kind) {
    case ND_ASSERT: r->pos = f.pos; /* fall through */
    case ND_ATOMIC: r->pc = f.pc, r->frame = f.parent; return 1;
    case ND_ASSERT_NOT: return 0;
    case ND_POSS: {
        int64_t count = f.count + 1, min = st->code[f.pc + 2];
        if (count >= min && r->pos == f.pos) {
            r->pc = f.pc + 1 + st->code[f.pc + 1] + 1, r->frame = f.parent;
            return 1;
        }
        return poss_iter(st, r, f.pc, count, f.parent) < 0 ? -1 : 1;
    }
    }
    return 0;
}

static int repeat_one(SreState *st, Regs *r) {
    const uint32_t *code = st->code;
    int64_t pc = r->pc, min = code[pc + 2];
    uint32_t max = code[pc + 3];
    int64_t tail = pc + 1 + code[pc + 1];
    if (r->pos + min > st->end) return 0;
    if (code[pc] == SRE_OP_MIN_REPEAT_ONE) {
        int64_t n = count_units(st, pc + 4, r->pos, (uint32_t)min);
        if (n < min) return 0;
        r->pos += n;
        if ((max == SRE_MAXREPEAT || n < max) && push_choice(st, r, CH_MINREP1, tail, r->pos, n, pc) < 0)
            return -1;
        r->pc = tail;
        return 1;
    }
    int64_t n = count_units(st, pc + 4, r->pos, max);
    if (n < min) return 0;
    if (code[pc] == SRE_OP_REPEAT_ONE && n > min &&
        push_choice(st, r, CH_REP1, tail, r->pos, n, min) < 0)
        return -1;
    r->pos += n, r->pc = tail;
    return 1;
}

static int until(SreState *st, Regs *r) {
    const uint32_t *code = st->code;
    int32_t rn = r->rep;
    if (rn < 0) return 0;         /* an UNTIL reached by a stray jump */
    SreNode *R = &st->pool[rn];
    int64_t rpc = R->pc, min = code[rpc + 2], count = R->count + 1;
    uint32_t max = code[rpc + 3];
    int more = (max == SRE_MAXREPEAT || count < max) && r->pos != R->pos;
    if (count < min) {
        if (set_count(st, rn, count) < 0) return -1;
        r->pc = rpc + 4;
        return 1;
    }
    if (code[r->pc] == SRE_OP_MAX_UNTIL) {
        if (more) {
            Regs tail = *r;
            tail.rep = R->parent;
            if (push_choice(st, &tail, CH_RESUME, r->pc + 1, r->pos, 0, 0) < 0) return -1;
            if (set_count(st, rn, count) < 0 || set_last(st, rn, r->pos) < 0) return -1;
            r->pc = rpc + 4;
            return 1;
        }
    } else if (more && push_choice(st, r, CH_MINBODY, rpc + 4, r->pos, count, 0) < 0) {
        return -1;
    }
    r->rep = R->parent;
    r->pc++;
    return 1;
}

static int groupref(SreState *st, Regs *r, uint32_t op, int64_t g) {
    int64_t a = st->marks[2 * g], b = st->marks[2 * g + 1];
    if (a < 0 || b < 0 || b < a) return 0;
    if (r->pos + (b - a) > st->end) return 0;
    for (int64_t i = 0; i < b - a; i++) {
        uint32_t x = sre_ch(st, a + i), y = sre_ch(st, r->pos + i);
        if (op == SRE_OP_GROUPREF_UNI_IGNORE) x = str_cp_lower(x), y = str_cp_lower(y);
        else if (op != SRE_OP_GROUPREF) x = sre_lower_ascii(x), y = sre_lower_ascii(y);
        if (x != y) return 0;
    }
    r->pos += b - a;
    return 1;
}

static int lookaround(SreState *st, Regs *r) {
    const uint32_t *code = st->code;
    int64_t pc = r->pc, back = code[pc + 2], tail = pc + 1 + code[pc + 1];
    if (r->pos - back < 0) return 0;
    int neg = code[pc] == SRE_OP_ASSERT_NOT;
    Regs after = *r;
    after.pc = tail;
    if (push_choice(st, &after, neg ? CH_RESUME : CH_BARRIER, tail, r->pos, 0, 0) < 0) return -1;
    int32_t f = new_node(st, neg ? ND_ASSERT_NOT : ND_ASSERT, tail, r->frame, 0, r->pos, st->nch - 1);
    if (f < 0) return -1;
    r->frame = f, r->pos -= back, r->pc = pc + 3;
    return 1;
}

/* Resume at the newest choice point; 1 go on, 0 no choice left, -1 error. */
static int backtrack(SreState *st, Regs *r) {
    const uint32_t *code = st->code;
    for (;;) {
        if (st->nch == 0) return 0;
        SreChoice c = st->ch[--st->nch];
        undo_trail(st, c.ntr);
        st->npool = c.npool;
        *r = (Regs){c.pc, c.pos, c.lastindex, c.rep, c.frame};
        switch (c.kind) {
        case CH_BRANCH:
            return branch_take(st, r, c.pc) < 0 ? -1 : 1;
        case CH_REP1: {
            int64_t n = c.a - 1, min = c.b;
            if (code[c.pc] == SRE_OP_LITERAL)
                while (n >= min && sre_ch(st, c.pos + n) != code[c.pc + 1]) n--;
            if (n < min) continue;
            if (n > min && push_choice(st, r, CH_REP1, c.pc, c.pos, n, min) < 0) return -1;
            r->pos = c.pos + n;
            return 1;
        }
        case CH_MINREP1: {
            uint32_t max = code[c.b + 3];
            if (r->pos >= st->end || !unit_match(code, c.b + 4, sre_ch(st, r->pos))) continue;
            r->pos++;
            if ((max == SRE_MAXREPEAT || c.a + 1 < max) &&
                push_choice(st, r, CH_MINREP1, c.pc, r->pos, c.a + 1, c.b) < 0)
                return -1;
            return 1;
        }
        case CH_RESUME: return 1;
        case CH_MINBODY:
            if (set_count(st, r->rep, c.a) < 0 || set_last(st, r->rep, r->pos) < 0) return -1;
            return 1;
        case CH_BARRIER: continue;
        case CH_POSSDONE:
            if (c.a < c.b) continue;
            return 1;
        }
    }
}

/* Run the machine from pos; 1 match, 0 none, -1 error. */
static int run(SreState *st, int64_t pos) {
    const uint32_t *code = st->code;
    for (int i = 0; i < 2 * st->ngroups; i++) st->marks[i] = -1;
    st->nch = st->ntr = st->npool = 0;
    Regs r = {0, pos, -1, -1, -1};
    int rc;
    for (;;) {
        if ((++st->steps & 4095) == 0 && sig_check() < 0) return -1;
        uint32_t op = code[r.pc];
        switch (op) {
        case SRE_OP_SUCCESS:
            if (r.frame >= 0) { rc = frame_success(st, &r); break; }
            if (st->match_all && r.pos != st->end) { rc = 0; break; }
            if (st->must_advance && r.pos == st->adv_pos) { rc = 0; break; }
            st->mstart = pos, st->mend = r.pos, st->lastindex = r.lastindex;
            return 1;
        case SRE_OP_ANY: case SRE_OP_ANY_ALL:
            rc = r.pos < st->end && unit_match(code, r.pc, sre_ch(st, r.pos));
            r.pos++, r.pc++;
            break;
        case SRE_OP_LITERAL: case SRE_OP_NOT_LITERAL: case SRE_OP_LITERAL_IGNORE:
        case SRE_OP_NOT_LITERAL_IGNORE: case SRE_OP_LITERAL_UNI_IGNORE:
        case SRE_OP_NOT_LITERAL_UNI_IGNORE: case SRE_OP_LITERAL_LOC_IGNORE:
        case SRE_OP_NOT_LITERAL_LOC_IGNORE: case SRE_OP_CATEGORY:
            rc = r.pos < st->end && unit_match(code, r.pc, sre_ch(st, r.pos));
            r.pos++, r.pc += 2;
            break;
        case SRE_OP_IN: case SRE_OP_IN_IGNORE: case SRE_OP_IN_UNI_IGNORE: case SRE_OP_IN_LOC_IGNORE:
            rc = r.pos < st->end && unit_match(code, r.pc, sre_ch(st, r.pos));
            r.pos++, r.pc += 1 + code[r.pc + 1];
            break;
        case SRE_OP_AT:
            rc = at(st, code[r.pc + 1], r.pos);
            r.pc += 2;
            break;
        case SRE_OP_INFO:
            rc = code[r.pc + 3] == 0 || st->end - r.pos >= (int64_t)code[r.pc + 3];
            r.pc += 1 + code[r.pc + 1];
            break;
        case SRE_OP_JUMP:
            r.pc += 1 + code[r.pc + 1];
            rc = 1;
            break;
        case SRE_OP_MARK: {
            int64_t i = code[r.pc + 1];
            rc = set_mark(st, i, r.pos) < 0 ? -1 : 1;
            if (i & 1) r.lastindex = i / 2 + 1;
            r.pc += 2;
            break;
        }
        case SRE_OP_BRANCH: {
            int64_t p = branch_alt(st, r.pc + 1, r.pos);
            rc = p < 0 ? 0 : branch_take(st, &r, p) < 0 ? -1 : 1;
            break;
        }
        case SRE_OP_REPEAT_ONE: case SRE_OP_MIN_REPEAT_ONE: case SRE_OP_POSSESSIVE_REPEAT_ONE:
            rc = repeat_one(st, &r);
            break;
        case SRE_OP_REPEAT:
            rc = 1;
            r.rep = new_node(st, ND_REPEAT, r.pc, r.rep, -1, -1, 0);
            if (r.rep < 0) rc = -1;
            r.pc += 1 + code[r.pc + 1];
            break;
        case SRE_OP_MAX_UNTIL: case SRE_OP_MIN_UNTIL:
            rc = until(st, &r);
            break;
        case SRE_OP_POSSESSIVE_REPEAT:
            rc = poss_iter(st, &r, r.pc, 0, r.frame) < 0 ? -1 : 1;
            break;
        case SRE_OP_ATOMIC_GROUP: {
            rc = push_choice(st, &r, CH_BARRIER, r.pc, r.pos, 0, 0) < 0 ? -1 : 1;
            int32_t f = new_node(st, ND_ATOMIC, r.pc + 1 + code[r.pc + 1], r.frame, 0, r.pos,
                                 st->nch - 1);
            if (f < 0) rc = -1;
            r.frame = f, r.pc += 2;
            break;
        }
        case SRE_OP_ASSERT: case SRE_OP_ASSERT_NOT:
            rc = lookaround(st, &r);
            break;
        case SRE_OP_GROUPREF: case SRE_OP_GROUPREF_IGNORE: case SRE_OP_GROUPREF_UNI_IGNORE:
        case SRE_OP_GROUPREF_LOC_IGNORE:
            rc = groupref(st, &r, op, code[r.pc + 1]);
            r.pc += 2;
            break;
        case SRE_OP_GROUPREF_EXISTS: {
            int64_t g = code[r.pc + 1], a = st->marks[2 * g], b = st->marks[2 * g + 1];
            if (a >= 0 && b >= a) r.pc += 3;
            else r.pc += 1 + code[r.pc + 2];
            rc = 1;
            break;
        }
        default:        /* FAILURE, or code _compiler.py does not produce */
            rc = 0;
            break;
        }
        if (rc < 0) return -1;
        if (rc == 0) {
            rc = backtrack(st, &r);
            if (rc <= 0) return rc;
        }
    }
}

int sre_match(SreState *st, int64_t pos) {
    if (pos > st->end) return 0;
    return run(st, pos);
}

/* Where a search may start: the pc of a one-character item every match opens
 * with (the first op, or the body of a leading repeat of at least one), or -1.
 * sre_search skips the positions where it does not match. */
static int64_t first_unit(const SreState *st) {
    const uint32_t *code = st->code;
    int64_t p = code[0] == SRE_OP_INFO ? 1 + code[1] : 0;
    switch (code[p]) {
    case SRE_OP_REPEAT_ONE: case SRE_OP_MIN_REPEAT_ONE: case SRE_OP_POSSESSIVE_REPEAT_ONE:
        return code[p + 2] >= 1 ? p + 4 : -1;
    case SRE_OP_ANY: case SRE_OP_ANY_ALL: case SRE_OP_LITERAL: case SRE_OP_NOT_LITERAL:
    case SRE_OP_LITERAL_IGNORE: case SRE_OP_NOT_LITERAL_IGNORE: case SRE_OP_LITERAL_UNI_IGNORE:
    case SRE_OP_NOT_LITERAL_UNI_IGNORE: case SRE_OP_LITERAL_LOC_IGNORE:
    case SRE_OP_NOT_LITERAL_LOC_IGNORE: case SRE_OP_IN: case SRE_OP_IN_IGNORE:
    case SRE_OP_IN_UNI_IGNORE: case SRE_OP_IN_LOC_IGNORE: case SRE_OP_CATEGORY:
        return p;
    }
    return -1;
}

/* The set INFO gives for the first character (SRE_INFO_CHARSET), or -1. */
static int64_t info_charset(const SreState *st) {
    const uint32_t *code = st->code;
    return code[0] == SRE_OP_INFO && (code[2] & 4) && !(code[2] & 1) ? 5 : -1;
}

int sre_search(SreState *st, int64_t pos) {
    const uint32_t *code = st->code;
    int64_t unit = first_unit(st), set = unit < 0 ? info_charset(st) : -1;
    int64_t min = code[0] == SRE_OP_INFO ? code[3] : 0;
    for (; pos <= st->end; pos++) {
        if (st->end - pos < min) return 0;
        if (unit >= 0) {
            while (pos < st->end && !unit_match(code, unit, sre_ch(st, pos))) pos++;
            if (pos >= st->end) return 0;
        } else if (set >= 0) {
            while (pos < st->end && !in_set(code, set, sre_ch(st, pos))) pos++;
            if (pos >= st->end) return 0;
        }
        int rc = run(st, pos);
        if (rc != 0) return rc;
    }
    return 0;
}

/* ---------------------------------------------------------------- validation */

/* _sre.compile accepts any list of ints; the matcher trusts its code, so the
 * code is checked first (CPython's _validate): every operand in bounds, every
 * nested body well formed, marks and group references within the groups, and
 * every jump landing on an instruction.  Nesting deeper than SRE_MAX_DEPTH is
 * refused rather than recursed into. */
#define SRE_MAX_DEPTH 2000

typedef struct Validator {
    const uint32_t *code;
    int64_t n, groups;
    uint8_t *starts;             /* 1 at each instruction's first word */
    int64_t *targets;            /* jump destinations to check at the end */
    int64_t ntargets, cap;
} Validator;

static int v_target(Validator *v, int64_t t) {
    if (v->ntargets == v->cap) {
        int64_t ncap = v->cap ? v->cap * 2 : 32;
        int64_t *q = realloc(v->targets, sizeof(int64_t) * (size_t)ncap);
        if (!q) return -1;
        v->targets = q, v->cap = ncap;
    }
    v->targets[v->ntargets++] = t;
    return 0;
}

static int v_charset(Validator *v, int64_t p, int64_t end) {
    const uint32_t *code = v->code;
    while (p < end) {
        switch (code[p++]) {
        case SRE_OP_FAILURE: return p == end ? 0 : -1;
        case SRE_OP_NEGATE: break;
        case SRE_OP_LITERAL: p += 1; break;
        case SRE_OP_CATEGORY:
            if (p >= end || code[p] > SRE_CAT_UNI_NOT_LINEBREAK) return -1;
            p += 1;
            break;
        case SRE_OP_RANGE: case SRE_OP_RANGE_UNI_IGNORE: p += 2; break;
        case SRE_OP_CHARSET: p += 8; break;
        case SRE_OP_BIGCHARSET: {
            if (p >= end) return -1;
            int64_t count = code[p++];
            if (p + 64 > end) return -1;
            for (int i = 0; i < 256; i++)
                if (((code[p + i / 4] >> (8 * (i % 4))) & 0xFF) >= count) return -1;
            p += 64 + count * 8;
            break;
        }
        default: return -1;
        }
    }
    return -1;
}

static int v_unit(uint32_t op) {
    switch (op) {
    case SRE_OP_ANY: case SRE_OP_ANY_ALL: case SRE_OP_LITERAL: case SRE_OP_NOT_LITERAL:
    case SRE_OP_LITERAL_IGNORE: case SRE_OP_NOT_LITERAL_IGNORE: case SRE_OP_LITERAL_UNI_IGNORE:
    case SRE_OP_NOT_LITERAL_UNI_IGNORE: case SRE_OP_LITERAL_LOC_IGNORE:
    case SRE_OP_NOT_LITERAL_LOC_IGNORE: case SRE_OP_IN: case SRE_OP_IN_IGNORE:
    case SRE_OP_IN_UNI_IGNORE: case SRE_OP_IN_LOC_IGNORE: case SRE_OP_CATEGORY:
        return 1;
    }
    return 0;
}

static int64_t v_unit_len(const uint32_t *code, int64_t q) {
    switch (code[q]) {
    case SRE_OP_ANY: case SRE_OP_ANY_ALL: return 1;
    case SRE_OP_IN: case SRE_OP_IN_IGNORE: case SRE_OP_IN_UNI_IGNORE: case SRE_OP_IN_LOC_IGNORE:
        return 1 + code[q + 1];
    }
    return 2;
}

static int v_block(Validator *v, int64_t p, int64_t end, int depth);

/* The body [p, end) of a construct, which must end with `last` at end. */
static int v_body(Validator *v, int64_t p, int64_t end, uint32_t last, int depth) {
    if (end < p || end >= v->n || v->code[end] != last) return -1;
    if (v_block(v, p, end, depth + 1) < 0) return -1;
    v->starts[end] = 1;
    return 0;
}

static int v_block(Validator *v, int64_t p, int64_t end, int depth) {
    const uint32_t *code = v->code;
    if (depth > SRE_MAX_DEPTH) return -1;
    while (p < end) {
        int64_t pc = p;
        v->starts[pc] = 1;
        uint32_t op = code[p++];
        /* the operand words each opcode needs before it may be read */
        int64_t need = op == SRE_OP_ANY || op == SRE_OP_ANY_ALL || op == SRE_OP_FAILURE ||
                       op == SRE_OP_SUCCESS ? 0 : op == SRE_OP_GROUPREF_EXISTS ? 2 :
                       op == SRE_OP_ASSERT || op == SRE_OP_ASSERT_NOT ? 2 :
                       op == SRE_OP_INFO || op == SRE_OP_REPEAT || op == SRE_OP_REPEAT_ONE ||
                       op == SRE_OP_MIN_REPEAT_ONE || op == SRE_OP_POSSESSIVE_REPEAT ||
                       op == SRE_OP_POSSESSIVE_REPEAT_ONE ? 3 : 1;
        if (p + need > end) return -1;
        int64_t skip = need ? code[p] : 0, next = p + skip;
        switch (op) {
        case SRE_OP_FAILURE: case SRE_OP_SUCCESS: case SRE_OP_ANY: case SRE_OP_ANY_ALL: break;
        case SRE_OP_LITERAL: case SRE_OP_NOT_LITERAL: case SRE_OP_LITERAL_IGNORE:
        case SRE_OP_NOT_LITERAL_IGNORE: case SRE_OP_LITERAL_UNI_IGNORE:
        case SRE_OP_NOT_LITERAL_UNI_IGNORE: case SRE_OP_LITERAL_LOC_IGNORE:
        case SRE_OP_NOT_LITERAL_LOC_IGNORE:
            p++;
            break;
        case SRE_OP_CATEGORY:
            if (code[p++] > SRE_CAT_UNI_NOT_LINEBREAK) return -1;
            break;
        case SRE_OP_AT:
            if (code[p++] > SRE_AT_UNI_NON_BOUNDARY) return -1;
            break;
        case SRE_OP_MARK:
            if (code[p++] >= 2 * (uint64_t)v->groups) return -1;
            break;
        case SRE_OP_GROUPREF: case SRE_OP_GROUPREF_IGNORE: case SRE_OP_GROUPREF_UNI_IGNORE:
        case SRE_OP_GROUPREF_LOC_IGNORE:
            if (code[p++] >= (uint64_t)v->groups) return -1;
            break;
        case SRE_OP_IN: case SRE_OP_IN_IGNORE: case SRE_OP_IN_UNI_IGNORE: case SRE_OP_IN_LOC_IGNORE:
            if (next > end || v_charset(v, p + 1, next) < 0) return -1;
            p = next;
            break;
        case SRE_OP_INFO:
            if (skip < 4 || next > end) return -1;
            if ((code[p + 1] & 4) && !(code[p + 1] & 1) && v_charset(v, p + 4, next) < 0) return -1;
            p = next;
            break;
        case SRE_OP_JUMP:
            if (next > end || v_target(v, next) < 0) return -1;
            p++;
            break;
        case SRE_OP_BRANCH:
            for (;;) {
                if (p >= end) return -1;
                skip = code[p];
                if (skip == 0) { p++; break; }
                next = p + skip;
                if (skip < 3 || next > end || code[next - 2] != SRE_OP_JUMP) return -1;
                if (v_block(v, p + 1, next - 2, depth + 1) < 0) return -1;
                v->starts[next - 2] = 1;
                int64_t t = next - 1 + code[next - 1];
                if (t > v->n || v_target(v, t) < 0) return -1;
                if (v_target(v, p) < 0) return -1;     /* alternatives resume at skip words */
                v->starts[p] = 1;
                p = next;
            }
            break;
        case SRE_OP_REPEAT_ONE: case SRE_OP_MIN_REPEAT_ONE: case SRE_OP_POSSESSIVE_REPEAT_ONE:
            if (code[p + 1] > code[p + 2] || next > end || next < p + 3 + 1) return -1;
            if (!v_unit(code[p + 3]) || v_body(v, p + 3, next - 1, SRE_OP_SUCCESS, depth) < 0) return -1;
            if (next - 1 != p + 3 + v_unit_len(code, p + 3)) return -1;
            p = next;
            break;
        case SRE_OP_REPEAT: case SRE_OP_POSSESSIVE_REPEAT: {
            if (code[p + 1] > code[p + 2] || next >= end || next < p + 3) return -1;
            uint32_t last = code[next];
            if (op == SRE_OP_REPEAT ? last != SRE_OP_MAX_UNTIL && last != SRE_OP_MIN_UNTIL
                                    : last != SRE_OP_SUCCESS)
                return -1;
            if (v_body(v, p + 3, next, last, depth) < 0) return -1;
            p = next + 1;
            break;
        }
        case SRE_OP_ASSERT: case SRE_OP_ASSERT_NOT:
            if (next > end || next < p + 2) return -1;
            if (v_body(v, p + 2, next - 1, SRE_OP_SUCCESS, depth) < 0) return -1;
            p = next;
            break;
        case SRE_OP_ATOMIC_GROUP:
            if (next > end || next < p + 1) return -1;
            if (v_body(v, p + 1, next - 1, SRE_OP_SUCCESS, depth) < 0) return -1;
            p = next;
            break;
        case SRE_OP_GROUPREF_EXISTS:
            if (code[p] >= (uint64_t)v->groups) return -1;
            next = p + code[p + 1];
            if (next > end || next < p + 2 || v_target(v, next) < 0) return -1;
            p += 2;
            break;
        default:
            return -1;
        }
    }
    return p == end ? 0 : -1;
}

int sre_validate(const uint32_t *code, int64_t n, int64_t groups) {
    Validator v = {code, n, groups, calloc((size_t)n + 1, 1), NULL, 0, 0};
    if (!v.starts) { err_no_memory(); return -1; }
    v.starts[n] = 1;
    int rc = v_block(&v, 0, n, 0);
    for (int64_t i = 0; rc == 0 && i < v.ntargets; i++)
        if (v.targets[i] > n || !v.starts[v.targets[i]]) rc = -1;
    free(v.starts), free(v.targets);
    if (rc < 0) err_format(&exc_RuntimeError, "invalid SRE code");
    return rc;
}
