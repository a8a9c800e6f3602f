/* mod_sre.c - the _sre module: Pattern, Match and SRE_Scanner over the code that
 * CPython's own re package (re/_compiler.py) produces.
 *
 * Design: `re` is CPython's library unchanged; it parses and compiles in Python
 * and calls _sre.compile(pattern, flags, code, groups, groupindex, indexgroup).
 * A Pattern keeps the code as a uint32 array; each operation reads its subject
 * once into an SreSubject (ASCII str and bytes as bytes, other str decoded to
 * code points, mutable buffers copied) and drives sre_engine.c.  A Match holds
 * the group spans as character offsets and slices the original subject on
 * demand.  Templates of sub() and Match.expand() go back to re._subx and
 * re._expand, as CPython's module does.
 */
#include <stdlib.h>
#include <string.h>
#include "runtime/object.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/obj_genericalias.h"
#include "runtime/error.h"
#include "runtime/call.h"
#include "runtime/gc.h"
#include "runtime/strbuf.h"
#include "interp/import.h"
#include "interp/modreg.h"
#include "stdlib/sre_engine.h"

GILPY_MODULE("_sre", mod_sre_init);

enum {
    SRE_FLAG_TEMPLATE = 1, SRE_FLAG_IGNORECASE = 2, SRE_FLAG_LOCALE = 4, SRE_FLAG_MULTILINE = 8,
    SRE_FLAG_DOTALL = 16, SRE_FLAG_UNICODE = 32, SRE_FLAG_VERBOSE = 64, SRE_FLAG_DEBUG = 128,
    SRE_FLAG_ASCII = 256,
};

typedef struct Pattern {
    Obj      header;
    Value    pattern, groupindex, indexgroup;
    int64_t  flags, groups, codelen;
    int      is_bytes;
    uint32_t *code;
} Pattern;

typedef struct Match {
    Obj      header;
    Value    string, pattern;
    int64_t  pos, endpos, lastindex, ngroups;
    int64_t  spans[];            /* 2 * (ngroups + 1) char offsets, -1 unset */
} Match;

/* A subject's characters, as the engine reads them. */
typedef struct SreSubject {
    const uint8_t *s1;
    uint32_t *s4;                /* owned: decoded code points */
    uint8_t *copy;               /* owned: a mutable buffer's bytes */
    int64_t len;
    int is_bytes;
} SreSubject;

typedef struct Scanner {
    Obj        header;
    Value      pattern, string;
    SreSubject subj;
    SreState   st;
    int64_t    pos;              /* -1 once exhausted */
    int        must_advance;
} Scanner;

extern Type type_sre_pattern, type_sre_match, type_sre_scanner;

#define PAT(v) ((Pattern *)AS_OBJ(v))
#define MATCH(v) ((Match *)AS_OBJ(v))
#define SCANNER(v) ((Scanner *)AS_OBJ(v))

/* ---------------------------------------------------------------- subjects */

static uint32_t *decode_utf8(const uint8_t *p, int64_t len, int64_t nchars) {
    uint32_t *out = gc_sys_malloc(sizeof(uint32_t) * (size_t)(nchars + 1));
    if (!out) { err_no_memory(); return NULL; }
    int64_t i = 0, k = 0;
    while (i < len) {
        uint8_t b = p[i];
        uint32_t c;
        if (b < 0x80) c = b, i += 1;
        else if (b < 0xE0) c = (uint32_t)(b & 0x1F) << 6 | (p[i + 1] & 0x3F), i += 2;
        else if (b < 0xF0)
            c = (uint32_t)(b & 0x0F) << 12 | (uint32_t)(p[i + 1] & 0x3F) << 6 | (p[i + 2] & 0x3F), i += 3;
        else
            c = (uint32_t)(b & 0x07) << 18 | (uint32_t)(p[i + 1] & 0x3F) << 12 |
                (uint32_t)(p[i + 2] & 0x3F) << 6 | (p[i + 3] & 0x3F), i += 4;
        out[k++] = c;
    }
    return out;
}

static void subject_free(SreSubject *sj) {
    free(sj->s4), free(sj->copy);
    sj->s4 = NULL, sj->copy = NULL;
}

static int subject_get(Pattern *p, Value string, SreSubject *sj) {
    memset(sj, 0, sizeof *sj);
    if (IS_STR(string)) {
        if (p->is_bytes) {
            err_format(&exc_TypeError, "cannot use a bytes pattern on a string-like object");
            return -1;
        }
        Str *s = AS_STR(string);
        sj->len = s->nchars;
        if (STR_IS_ASCII(s)) { sj->s1 = (const uint8_t *)s->data; return 0; }
        sj->s4 = decode_utf8((const uint8_t *)s->data, s->len, s->nchars);
        return sj->s4 ? 0 : -1;
    }
    const uint8_t *data;
    int64_t len;
    if (bytes_view(string, &data, &len) < 0) {
        err_clear();
        err_format(&exc_TypeError, "expected string or bytes-like object, got '%T'", string);
        return -1;
    }
    if (!p->is_bytes) {
        err_format(&exc_TypeError, "cannot use a string pattern on a bytes-like object");
        return -1;
    }
    sj->is_bytes = 1, sj->len = len, sj->s1 = data;
    if (val_type(string) != &type_bytes) {      /* a buffer that may change under us */
        sj->copy = gc_sys_malloc((size_t)len + 1);
        if (!sj->copy) { err_no_memory(); return -1; }
        memcpy(sj->copy, data, (size_t)len);
        sj->s1 = sj->copy;
    }
    return 0;
}

static int64_t clamp(int64_t v, int64_t len) { return v < 0 ? 0 : v > len ? len : v; }

/* The subject sj of string and the state for one operation over it between
 * pos and endpos (VAL_NULL: defaults); the positions are converted first, as
 * CPython's argument parsing does.  On failure nothing is left to free. */
static int state_begin(Pattern *p, Value string, SreSubject *sj, SreState *st, Value vpos, Value vend) {
    int64_t pos = 0, end = INT64_MAX;
    if (!IS_NULL(vpos) && arg_to_ssize(vpos, &pos) < 0) return -1;
    if (!IS_NULL(vend) && arg_to_ssize(vend, &end) < 0) return -1;
    if (subject_get(p, string, sj) < 0) return -1;
    memset(st, 0, sizeof *st);
    st->code = p->code, st->codelen = p->codelen;
    st->s1 = sj->s1, st->s4 = sj->s4;
    st->start = clamp(pos, sj->len), st->end = clamp(end, sj->len);
    st->ngroups = (int)p->groups;
    if (sre_state_init(st) < 0) { subject_free(sj); return -1; }
    return 0;
}

/* string[a:b] of the original subject: a str, or bytes for every bytes-like
 * subject (as CPython's getslice). */
static Value subject_slice(Value string, int64_t a, int64_t b) {
    if (IS_STR(string)) return str_slice(string, a, b, 1);
    const uint8_t *data;
    int64_t len;
    if (bytes_view(string, &data, &len) < 0) return VAL_NULL;
    if (b > len) b = len;
    if (a > b) a = b;
    return bytes_new(data + a, (size_t)(b - a));
}

/* ---------------------------------------------------------------- Match */

static Value match_new(Value pattern, Value string, const SreState *st) {
    Pattern *p = PAT(pattern);
    int64_t n = p->groups;
    Match *m = (Match *)gc_alloc(&type_sre_match, sizeof(Match) + sizeof(int64_t) * 2 * (size_t)(n + 1));
    if (!m) return VAL_NULL;
    m->string = string, m->pattern = pattern;
    m->pos = st->start, m->endpos = st->end, m->lastindex = st->lastindex, m->ngroups = n;
    m->spans[0] = st->mstart, m->spans[1] = st->mend;
    for (int64_t g = 0; g < n; g++) {
        int64_t a = st->marks[2 * g], b = st->marks[2 * g + 1];
        if (a < 0 || b < 0 || b < a) a = b = -1;
        m->spans[2 * g + 2] = a, m->spans[2 * g + 3] = b;
    }
    return MK_OBJ(m);
}

static void match_trace(Obj *o) {
    Match *m = (Match *)o;
    gc_mark_value(m->string);
    gc_mark_value(m->pattern);
}

/* The group number g names (an int or a group name); -1 with IndexError. */
static int64_t match_index(Match *m, Value g) {
    int64_t i = -1;
    if (IS_INT(g) || IS_BOOL(g)) {
        if (obj_index_i64(g, &i) < 0) { err_clear(); i = -1; }
    } else {
        Value gi = PAT(m->pattern)->groupindex;
        Value v = IS_DICT(gi) ? dict_get(gi, g) : VAL_NULL;
        if (err_occurred()) err_clear();
        if (!IS_NULL(v) && IS_INT(v) && obj_index_i64(v, &i) < 0) { err_clear(); i = -1; }
    }
    if (i < 0 || i > m->ngroups) {
        err_format(&exc_IndexError, "no such group");
        return -1;
    }
    return i;
}

static Value match_group_value(Match *m, int64_t i, Value dflt) {
    int64_t a = m->spans[2 * i], b = m->spans[2 * i + 1];
    if (a < 0) return dflt;
    return subject_slice(m->string, a, b);
}

static Value match_group_one(Match *m, Value g) {
    int64_t i = match_index(m, g);
    return i < 0 ? VAL_NULL : match_group_value(m, i, VAL_NONE);
}

static Value match_group_m(Value *args, int nargs, Value kwnames) {
    Match *m = MATCH(args[0]);
    if (nargs == 1) return match_group_value(m, 0, VAL_NONE);
    if (nargs == 2) return match_group_one(m, args[1]);
    Value t = tuple_new(nargs - 1);
    if (IS_NULL(t)) return VAL_NULL;
    for (int i = 1; i < nargs; i++) {
        Value v = match_group_one(m, args[i]);
        if (IS_NULL(v)) return VAL_NULL;
        AS_TUPLE(t)->items[i - 1] = v;
    }
    return t;
}

static Value match_getitem_m(Value *args, int nargs, Value kwnames) {
    return match_group_one(MATCH(args[0]), args[1]);
}

static Value match_groups_m(Value *args, int nargs, Value kwnames) {
    Match *m = MATCH(args[0]);
    Value dflt = IS_NULL(args[1]) ? VAL_NONE : args[1];
    Value t = tuple_new(m->ngroups);
    if (IS_NULL(t)) return VAL_NULL;
    for (int64_t i = 0; i < m->ngroups; i++) AS_TUPLE(t)->items[i] = VAL_NONE;
    for (int64_t i = 0; i < m->ngroups; i++) {
        Value v = match_group_value(m, i + 1, dflt);
        if (IS_NULL(v)) return VAL_NULL;
        AS_TUPLE(t)->items[i] = v;
    }
    return t;
}

static Value match_groupdict_m(Value *args, int nargs, Value kwnames) {
    Match *m = MATCH(args[0]);
    Value dflt = IS_NULL(args[1]) ? VAL_NONE : args[1];
    Value d = dict_new(), gi = PAT(m->pattern)->groupindex, key, val;
    if (IS_NULL(d)) return VAL_NULL;
    if (!IS_DICT(gi)) return d;
    for (int64_t pos = 0; dict_next(gi, &pos, &key, &val);) {
        int64_t i = match_index(m, key);
        if (i < 0) return VAL_NULL;
        Value v = match_group_value(m, i, dflt);
        if (IS_NULL(v) || dict_set(d, key, v) < 0) return VAL_NULL;
    }
    return d;
}

static int64_t match_arg_index(Match *m, Value g) {
    return IS_NULL(g) ? 0 : match_index(m, g);
}

static Value match_start_m(Value *args, int nargs, Value kwnames) {
    int64_t i = match_arg_index(MATCH(args[0]), args[1]);
    return i < 0 ? VAL_NULL : MK_SMALLINT(MATCH(args[0])->spans[2 * i]);
}

static Value match_end_m(Value *args, int nargs, Value kwnames) {
    int64_t i = match_arg_index(MATCH(args[0]), args[1]);
    return i < 0 ? VAL_NULL : MK_SMALLINT(MATCH(args[0])->spans[2 * i + 1]);
}

static Value match_span_tuple(Match *m, int64_t i) {
    return tuple_pack(2, MK_SMALLINT(m->spans[2 * i]), MK_SMALLINT(m->spans[2 * i + 1]));
}

static Value match_span_m(Value *args, int nargs, Value kwnames) {
    int64_t i = match_arg_index(MATCH(args[0]), args[1]);
    return i < 0 ? VAL_NULL : match_span_tuple(MATCH(args[0]), i);
}

static Value call_re(const char *fn, Value a, Value b, Value c, int n) {
    Value re = import_module_c("re");
    if (IS_NULL(re)) return VAL_NULL;
    Value f = obj_getattr_c(re, fn);
    if (IS_NULL(f)) return VAL_NULL;
    return n == 2 ? call2(f, a, b) : call3(f, a, b, c);
}

static Value match_expand_m(Value *args, int nargs, Value kwnames) {
    return call_re("_expand", MATCH(args[0])->pattern, args[0], args[1], 3);
}

static Value match_repr_m(Value *args, int nargs, Value kwnames) {
    Match *m = MATCH(args[0]);
    Value g = match_group_value(m, 0, VAL_NONE);
    if (IS_NULL(g)) return VAL_NULL;
    Value r = obj_repr(g);
    if (IS_NULL(r)) return VAL_NULL;
    StrBuf sb;
    sb_init(&sb);
    sb_printf(&sb, "<re.Match object; span=(%lld, %lld), match=", (long long)m->spans[0],
              (long long)m->spans[1]);
    Str *rs = AS_STR(r);
    int64_t n = rs->nchars < 50 ? rs->nchars : 50;
    sb_put(&sb, rs->data, (size_t)str_byte_offset(r, n));
    sb_putc(&sb, '>');
    return sb_finish_str(&sb);
}

static Value self_m(Value *args, int nargs, Value kwnames) { return args[0]; }

static Value class_getitem_m(Value *args, int nargs, Value kwnames) {
    return call2(MK_OBJ(&type_generic_alias), args[0], args[1]);
}

static Value match_get_string(Value self) { return MATCH(self)->string; }
static Value match_get_re(Value self) { return MATCH(self)->pattern; }
static Value match_get_pos(Value self) { return MK_SMALLINT(MATCH(self)->pos); }
static Value match_get_endpos(Value self) { return MK_SMALLINT(MATCH(self)->endpos); }
static Value match_get_lastindex(Value self) {
    int64_t i = MATCH(self)->lastindex;
    return i >= 0 ? MK_SMALLINT(i) : VAL_NONE;
}
static Value match_get_lastgroup(Value self) {
    Match *m = MATCH(self);
    Value ig = PAT(m->pattern)->indexgroup;
    if (m->lastindex < 0 || !IS_TUPLE(ig) || m->lastindex >= AS_TUPLE(ig)->len) return VAL_NONE;
    return AS_TUPLE(ig)->items[m->lastindex];
}
static Value match_get_regs(Value self) {
    Match *m = MATCH(self);
    Value t = tuple_new(m->ngroups + 1);
    if (IS_NULL(t)) return VAL_NULL;
    for (int64_t i = 0; i <= m->ngroups; i++) AS_TUPLE(t)->items[i] = VAL_NONE;
    for (int64_t i = 0; i <= m->ngroups; i++) {
        Value s = match_span_tuple(m, i);
        if (IS_NULL(s)) return VAL_NULL;
        AS_TUPLE(t)->items[i] = s;
    }
    return t;
}

static const MethodDef match_methods[] = {
    {"group", match_group_m, ARGS_VAR, "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices or names.\n    For 0 returns the entire match."},
    {"groups", match_groups_m, ARGS_KW, "Return a tuple containing all the subgroups of the match, from 1.", "($self, /, default=None)"},
    {"groupdict", match_groupdict_m, ARGS_KW, "Return a dictionary containing all the named subgroups of the match, keyed by the subgroup name.", "($self, /, default=None)"},
    {"start", match_start_m, ARGS_POS(0, 1), "Return index of the start of the substring matched by group."},
    {"end", match_end_m, ARGS_POS(0, 1), "Return index of the end of the substring matched by group."},
    {"span", match_span_m, ARGS_POS(0, 1), "For match object m, return the 2-tuple (m.start(group), m.end(group))."},
    {"expand", match_expand_m, ARGS_KW, "Return the string obtained by doing backslash substitution on the string template, as done by the sub() method.", "($self, /, template)"},
    {"__getitem__", match_getitem_m, ARGS_WRAP(1), NULL},
    {"__repr__", match_repr_m, ARGS_WRAP(0), NULL},
    {"__copy__", self_m, ARGS_NONE, NULL},
    {"__deepcopy__", self_m, ARGS_ONE, NULL},
    {"__class_getitem__", class_getitem_m, METH_CLASS | ARGS_ONE, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef match_getsets[] = {
    {"string", match_get_string, getset_readonly, "The string passed to match() or search()."},
    {"re", match_get_re, getset_readonly, "The regular expression object."},
    {"pos", match_get_pos, getset_readonly, "The index into the string at which the RE engine started looking for a match."},
    {"endpos", match_get_endpos, getset_readonly, "The index into the string beyond which the RE engine will not go."},
    {"lastindex", match_get_lastindex, NULL, "The integer index of the last matched capturing group."},
    {"lastgroup", match_get_lastgroup, NULL, "The name of the last matched capturing group."},
    {"regs", match_get_regs, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_sre_match = {
    .tp_name = "re.Match", .base = &type_object,
    .basicsize = sizeof(Match), .trace = match_trace,
    .methods = match_methods, .getsets = match_getsets,
};

/* ---------------------------------------------------------------- Pattern: matching */

/* One match/search of pattern over string: a Match, None, or VAL_NULL. */
static Value pattern_run(Value self, Value string, Value pos, Value endpos, int search, int all) {
    Pattern *p = PAT(self);
    SreSubject sj;
    SreState st;
    if (state_begin(p, string, &sj, &st, pos, endpos) < 0) return VAL_NULL;
    st.match_all = all;
    int rc = search ? sre_search(&st, st.start) : sre_match(&st, st.start);
    Value res = rc < 0 ? VAL_NULL : rc == 0 ? VAL_NONE : match_new(self, string, &st);
    sre_state_free(&st);
    subject_free(&sj);
    return res;
}

static Value pattern_match_m(Value *args, int nargs, Value kwnames) {
    return pattern_run(args[0], args[1], args[2], args[3], 0, 0);
}
static Value pattern_fullmatch_m(Value *args, int nargs, Value kwnames) {
    return pattern_run(args[0], args[1], args[2], args[3], 0, 1);
}
static Value pattern_search_m(Value *args, int nargs, Value kwnames) {
    return pattern_run(args[0], args[1], args[2], args[3], 1, 0);
}

/* The next match of a scan from *pos (a search, or anchored), following
 * CPython's rule that a match may not be empty where the previous one ended
 * (*must_advance).  1 found, 0 done, -1 error. */
static int scan_next(SreState *st, int64_t *pos, int *must_advance, int search) {
    if (*pos < 0) return 0;
    st->must_advance = *must_advance, st->adv_pos = *pos;
    int rc = search ? sre_search(st, *pos) : sre_match(st, *pos);
    if (rc <= 0) { *pos = -1; return rc; }
    *must_advance = st->mend == st->mstart;
    *pos = st->mend;
    return 1;
}

/* A group's text for findall/split: "" of the subject's kind when unmatched. */
static Value group_or_empty(Value string, const SreState *st, int64_t g, Value dflt) {
    int64_t a = g == 0 ? st->mstart : st->marks[2 * g - 2];
    int64_t b = g == 0 ? st->mend : st->marks[2 * g - 1];
    if (a < 0 || b < 0 || b < a) return IS_NULL(dflt) ? subject_slice(string, 0, 0) : dflt;
    return subject_slice(string, a, b);
}

static Value findall_item(Value string, const SreState *st, int64_t groups) {
    if (groups <= 1) return group_or_empty(string, st, groups, VAL_NULL);
    Value t = tuple_new(groups);
    if (IS_NULL(t)) return VAL_NULL;
    for (int64_t i = 0; i < groups; i++) AS_TUPLE(t)->items[i] = VAL_NONE;
    for (int64_t i = 0; i < groups; i++) {
        Value v = group_or_empty(string, st, i + 1, VAL_NULL);
        if (IS_NULL(v)) return VAL_NULL;
        AS_TUPLE(t)->items[i] = v;
    }
    return t;
}

static Value pattern_findall_m(Value *args, int nargs, Value kwnames) {
    Pattern *p = PAT(args[0]);
    Value string = args[1];
    SreSubject sj;
    SreState st;
    if (state_begin(p, string, &sj, &st, args[2], args[3]) < 0) return VAL_NULL;
    Value list = list_new(0);
    int64_t pos = st.start;
    int adv = 0, rc;
    while (!IS_NULL(list) && (rc = scan_next(&st, &pos, &adv, 1)) != 0) {
        Value item = rc < 0 ? VAL_NULL : findall_item(string, &st, p->groups);
        if (IS_NULL(item) || list_append(list, item) < 0) list = VAL_NULL;
    }
    sre_state_free(&st);
    subject_free(&sj);
    return list;
}

static Value pattern_split_m(Value *args, int nargs, Value kwnames) {
    Pattern *p = PAT(args[0]);
    Value string = args[1];
    int64_t maxsplit = 0;
    if (!IS_NULL(args[2]) && arg_to_ssize(args[2], &maxsplit) < 0) return VAL_NULL;
    SreSubject sj;
    SreState st;
    if (state_begin(p, string, &sj, &st, VAL_NULL, VAL_NULL) < 0) return VAL_NULL;
    Value list = list_new(0);
    int64_t pos = 0, last = 0, n = 0;
    int adv = 0, rc = 0;
    while (!IS_NULL(list) && (maxsplit == 0 || n < maxsplit) &&
           (rc = scan_next(&st, &pos, &adv, 1)) > 0) {
        Value item = subject_slice(string, last, st.mstart);
        if (IS_NULL(item) || list_append(list, item) < 0) { list = VAL_NULL; break; }
        for (int64_t g = 1; g <= p->groups; g++) {
            item = group_or_empty(string, &st, g, VAL_NONE);
            if (IS_NULL(item) || list_append(list, item) < 0) { list = VAL_NULL; break; }
        }
        last = st.mend, n++;
    }
    if (rc < 0) list = VAL_NULL;
    if (!IS_NULL(list)) {
        Value item = subject_slice(string, last, sj.len);
        if (IS_NULL(item) || list_append(list, item) < 0) list = VAL_NULL;
    }
    sre_state_free(&st);
    subject_free(&sj);
    return list;
}

/* Does the template (str or bytes-like) hold a backslash? -1 if not a string. */
static int template_has_backslash(Value t) {
    if (IS_STR(t)) return memchr(STR_DATA(t), '\\', (size_t)STR_LEN(t)) != NULL;
    const uint8_t *data;
    int64_t len;
    if (bytes_view(t, &data, &len) < 0) { err_clear(); return -1; }
    return memchr(data, '\\', (size_t)len) != NULL;
}

/* Join the pieces of sub() into a str or bytes like the subject. */
static Value join_pieces(Value string, Value pieces) {
    Value empty = IS_STR(string) ? str_empty() : bytes_new("", 0);
    if (IS_NULL(empty)) return VAL_NULL;
    if (IS_STR(string)) return str_join(empty, pieces);
    return obj_call_method(empty, "join", &pieces, 1);
}

static Value pattern_subx(Value self, Value repl, Value string, Value vcount, int subn) {
    Pattern *p = PAT(self);
    int64_t count = 0;
    if (!IS_NULL(vcount) && arg_to_ssize(vcount, &count) < 0) return VAL_NULL;
    Value filter = repl;
    int callable = call_is_callable(repl);
    if (!callable) {
        int bs = template_has_backslash(repl);
        if (bs != 0) {
            filter = call_re("_subx", self, repl, VAL_NULL, 2);
            if (IS_NULL(filter)) return VAL_NULL;
            callable = call_is_callable(filter);
        }
    }
    SreSubject sj;
    SreState st;
    if (state_begin(p, string, &sj, &st, VAL_NULL, VAL_NULL) < 0) return VAL_NULL;
    Value pieces = list_new(0), res = VAL_NULL;
    int64_t pos = 0, last = 0, n = 0;
    int adv = 0, rc = 0;
    while (!IS_NULL(pieces) && (count == 0 || n < count) &&
           (rc = scan_next(&st, &pos, &adv, 1)) > 0) {
        if (last < st.mstart) {
            Value item = subject_slice(string, last, st.mstart);
            if (IS_NULL(item) || list_append(pieces, item) < 0) { pieces = VAL_NULL; break; }
        }
        Value item = filter;
        if (callable) {
            Value m = match_new(self, string, &st);
            item = IS_NULL(m) ? VAL_NULL : call1(filter, m);
        }
        if (IS_NULL(item) || (!IS_NONE(item) && list_append(pieces, item) < 0)) { pieces = VAL_NULL; break; }
        last = st.mend, n++;
    }
    if (rc < 0) pieces = VAL_NULL;
    if (!IS_NULL(pieces) && last < sj.len) {
        Value item = subject_slice(string, last, sj.len);
        if (IS_NULL(item) || list_append(pieces, item) < 0) pieces = VAL_NULL;
    }
    if (!IS_NULL(pieces)) res = join_pieces(string, pieces);
    sre_state_free(&st);
    subject_free(&sj);
    if (IS_NULL(res) || !subn) return res;
    return tuple_pack(2, res, MK_SMALLINT(n));
}

static Value pattern_sub_m(Value *args, int nargs, Value kwnames) {
    return pattern_subx(args[0], args[1], args[2], args[3], 0);
}
static Value pattern_subn_m(Value *args, int nargs, Value kwnames) {
    return pattern_subx(args[0], args[1], args[2], args[3], 1);
}

/* ---------------------------------------------------------------- Scanner */

static void scanner_trace(Obj *o) {
    Scanner *s = (Scanner *)o;
    gc_mark_value(s->pattern);
    gc_mark_value(s->string);
}

static void scanner_finalize(Obj *o) {
    Scanner *s = (Scanner *)o;
    sre_state_free(&s->st);
    subject_free(&s->subj);
}

static Value scanner_new(Value pattern, Value string, Value pos, Value endpos) {
    Scanner *s = (Scanner *)gc_alloc(&type_sre_scanner, sizeof(Scanner));
    if (!s) return VAL_NULL;
    s->pattern = pattern, s->string = string, s->pos = -1;
    if (state_begin(PAT(pattern), string, &s->subj, &s->st, pos, endpos) < 0) return VAL_NULL;
    s->pos = s->st.start;
    return MK_OBJ(s);
}

static Value scanner_step(Value self, int search) {
    Scanner *s = SCANNER(self);
    int rc = scan_next(&s->st, &s->pos, &s->must_advance, search);
    if (rc < 0) return VAL_NULL;
    return rc == 0 ? VAL_NONE : match_new(s->pattern, s->string, &s->st);
}

static Value scanner_match_m(Value *args, int nargs, Value kwnames) { return scanner_step(args[0], 0); }
static Value scanner_search_m(Value *args, int nargs, Value kwnames) { return scanner_step(args[0], 1); }
static Value scanner_get_pattern(Value self) { return SCANNER(self)->pattern; }

static const MethodDef scanner_methods[] = {
    {"match", scanner_match_m, ARGS_NONE, NULL},
    {"search", scanner_search_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};
static const GetSetDef scanner_getsets[] = {
    {"pattern", scanner_get_pattern, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};
Type type_sre_scanner = {
    .tp_name = "_sre.SRE_Scanner", .base = &type_object,
    .basicsize = sizeof(Scanner), .trace = scanner_trace, .finalize = scanner_finalize,
    .methods = scanner_methods, .getsets = scanner_getsets,
};

static Value pattern_scanner_m(Value *args, int nargs, Value kwnames) {
    return scanner_new(args[0], args[1], args[2], args[3]);
}

static Value pattern_finditer_m(Value *args, int nargs, Value kwnames) {
    Value sc = scanner_new(args[0], args[1], args[2], args[3]);
    if (IS_NULL(sc)) return VAL_NULL;
    Value search = obj_getattr_c(sc, "search");
    if (IS_NULL(search)) return VAL_NULL;
    return calliter_new(search, VAL_NONE);
}

/* ---------------------------------------------------------------- Pattern: the object */

static void pattern_trace(Obj *o) {
    Pattern *p = (Pattern *)o;
    gc_mark_value(p->pattern);
    gc_mark_value(p->groupindex);
    gc_mark_value(p->indexgroup);
}

static void pattern_finalize(Obj *o) {
    Pattern *p = (Pattern *)o;
    free(p->code);
    p->code = NULL;
}

static const struct { int flag; const char *name; } flag_names[] = {
    {SRE_FLAG_TEMPLATE, "re.TEMPLATE"}, {SRE_FLAG_IGNORECASE, "re.IGNORECASE"},
    {SRE_FLAG_LOCALE, "re.LOCALE"}, {SRE_FLAG_MULTILINE, "re.MULTILINE"},
    {SRE_FLAG_DOTALL, "re.DOTALL"}, {SRE_FLAG_UNICODE, "re.UNICODE"},
    {SRE_FLAG_VERBOSE, "re.VERBOSE"}, {SRE_FLAG_DEBUG, "re.DEBUG"}, {SRE_FLAG_ASCII, "re.ASCII"},
};

static Value pattern_repr_m(Value *args, int nargs, Value kwnames) {
    Pattern *p = PAT(args[0]);
    Value r = obj_repr(p->pattern);
    if (IS_NULL(r)) return VAL_NULL;
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, "re.compile(");
    int64_t n = AS_STR(r)->nchars < 200 ? AS_STR(r)->nchars : 200;
    sb_put(&sb, AS_STR(r)->data, (size_t)str_byte_offset(r, n));
    int64_t flags = p->flags;
    if (IS_STR(p->pattern) &&
        (flags & (SRE_FLAG_LOCALE | SRE_FLAG_UNICODE | SRE_FLAG_ASCII)) == SRE_FLAG_UNICODE)
        flags &= ~SRE_FLAG_UNICODE;
    if (flags) {
        const char *sep = ", ";
        for (size_t i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++) {
            if (!(flags & flag_names[i].flag)) continue;
            sb_puts(&sb, sep), sb_puts(&sb, flag_names[i].name);
            sep = "|", flags &= ~flag_names[i].flag;
        }
        if (flags) sb_printf(&sb, "%s0x%llx", sep, (unsigned long long)flags);
    }
    sb_putc(&sb, ')');
    return sb_finish_str(&sb);
}

static Value pattern_eq_m(Value *args, int nargs, Value kwnames) {
    if (val_type(args[1]) != &type_sre_pattern) return VAL_NOTIMPLEMENTED;
    Pattern *a = PAT(args[0]), *b = PAT(args[1]);
    if (a == b) return VAL_TRUE;
    if (a->flags != b->flags || a->is_bytes != b->is_bytes || a->codelen != b->codelen ||
        memcmp(a->code, b->code, sizeof(uint32_t) * (size_t)a->codelen) != 0)
        return VAL_FALSE;
    int eq = obj_eq(a->pattern, b->pattern);
    return eq < 0 ? VAL_NULL : eq ? VAL_TRUE : VAL_FALSE;
}

static Value pattern_hash_m(Value *args, int nargs, Value kwnames) {
    Pattern *p = PAT(args[0]);
    int64_t h = obj_hash(p->pattern);
    if (h == -1 && err_occurred()) return VAL_NULL;
    Value code = bytes_new(p->code, sizeof(uint32_t) * (size_t)p->codelen);
    if (IS_NULL(code)) return VAL_NULL;
    h ^= bytes_hash(code);
    if (h == -1) h = -2;
    return int_from_i64(h);
}

static const MethodDef pattern_methods[] = {
    {"match", pattern_match_m, ARGS_KW, "Matches zero or more characters at the beginning of the string.", "($self, /, string, pos=0, endpos=sys.maxsize)"},
    {"fullmatch", pattern_fullmatch_m, ARGS_KW, "Matches against all of the string.", "($self, /, string, pos=0, endpos=sys.maxsize)"},
    {"search", pattern_search_m, ARGS_KW, "Scan through string looking for a match, and return a corresponding match object instance.\n\nReturn None if no position in the string matches.", "($self, /, string, pos=0, endpos=sys.maxsize)"},
    {"sub", pattern_sub_m, ARGS_KW, "Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern in string by the replacement repl.", "($self, /, repl, string, count=0)"},
    {"subn", pattern_subn_m, ARGS_KW, "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost non-overlapping occurrences of pattern with the replacement repl.", "($self, /, repl, string, count=0)"},
    {"split", pattern_split_m, ARGS_KW, "Split string by the occurrences of pattern.", "($self, /, string, maxsplit=0)"},
    {"findall", pattern_findall_m, ARGS_KW, "Return a list of all non-overlapping matches of pattern in string.", "($self, /, string, pos=0, endpos=sys.maxsize)"},
    {"finditer", pattern_finditer_m, ARGS_KW, "Return an iterator over all non-overlapping matches for the RE pattern in string.\n\nFor each match, the iterator returns a match object.", "($self, /, string, pos=0, endpos=sys.maxsize)"},
    {"scanner", pattern_scanner_m, ARGS_KW, NULL, "($self, /, string, pos=0, endpos=sys.maxsize)"},
    {"__repr__", pattern_repr_m, ARGS_WRAP(0), NULL},
    {"__eq__", pattern_eq_m, ARGS_WRAP(1), NULL},
    {"__hash__", pattern_hash_m, ARGS_WRAP(0), NULL},
    {"__copy__", self_m, ARGS_NONE, NULL},
    {"__deepcopy__", self_m, ARGS_ONE, NULL},
    {"__class_getitem__", class_getitem_m, METH_CLASS | ARGS_ONE, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static Value pattern_get_pattern(Value self) { return PAT(self)->pattern; }
static Value pattern_get_flags(Value self) { return MK_SMALLINT(PAT(self)->flags); }
static Value pattern_get_groups(Value self) { return MK_SMALLINT(PAT(self)->groups); }
/* A read-only view of the names, or a fresh dict when there are none (as CPython). */
static Value pattern_get_groupindex(Value self) {
    Value gi = PAT(self)->groupindex;
    if (!IS_DICT(gi) || dict_len(gi) == 0) return dict_new();
    return mappingproxy_new(gi);
}

static const GetSetDef pattern_getsets[] = {
    {"pattern", pattern_get_pattern, getset_readonly, "The pattern string from which the RE object was compiled."},
    {"flags", pattern_get_flags, getset_readonly, "The regex matching flags."},
    {"groups", pattern_get_groups, getset_readonly, "The number of capturing groups in the pattern."},
    {"groupindex", pattern_get_groupindex, NULL, "A dictionary mapping group names to group numbers."},
    {NULL, NULL, NULL, NULL},
};

Type type_sre_pattern = {
    .tp_name = "re.Pattern", .base = &type_object, .flags = TF_WEAKREFABLE,
    .basicsize = sizeof(Pattern), .trace = pattern_trace, .finalize = pattern_finalize,
    .methods = pattern_methods, .getsets = pattern_getsets,
};

/* ---------------------------------------------------------------- module functions */

static Value sre_compile_m(Value *args, int nargs, Value kwnames) {
    Value code = args[2];
    if (!IS_LIST(code)) return err_format(&exc_TypeError, "compile() argument 'code' must be list, not %T", code);
    int64_t groups;
    if (arg_to_ssize(args[1], &groups) < 0 || arg_to_ssize(args[3], &groups) < 0) return VAL_NULL;
    Pattern *p = (Pattern *)gc_alloc(&type_sre_pattern, sizeof(Pattern));
    if (!p) return VAL_NULL;
    Value self = MK_OBJ(p);
    p->pattern = args[0], p->groupindex = args[4], p->indexgroup = args[5], p->groups = groups;
    if (arg_to_ssize(args[1], &p->flags) < 0) return VAL_NULL;
    int64_t n = AS_LIST(code)->len;
    p->code = gc_sys_malloc(sizeof(uint32_t) * (size_t)(n + 1));
    if (!p->code) return err_no_memory();
    p->codelen = n;
    for (int64_t i = 0; i < n && i < AS_LIST(code)->len; i++) {
        int64_t v;
        if (arg_to_ssize(AS_LIST(code)->items[i], &v) < 0) return VAL_NULL;
        if (v < 0 || v > (int64_t)UINT32_MAX)
            return err_format(&exc_OverflowError, "regular expression code size limit exceeded");
        p->code[i] = (uint32_t)v;
    }
    p->code[n] = SRE_OP_FAILURE;
    if (groups < 0 || groups > SRE_MAXGROUPS || sre_validate(p->code, n, groups) < 0) {
        if (!err_occurred()) err_format(&exc_RuntimeError, "invalid SRE code");
        return VAL_NULL;
    }
    if (!IS_NONE(args[0]) && !IS_STR(args[0])) {
        const uint8_t *d;
        int64_t l;
        if (bytes_view(args[0], &d, &l) < 0) return VAL_NULL;
        p->is_bytes = 1;
    }
    return self;
}

static int arg_char(Value v, uint32_t *out) {
    int64_t c;
    if (arg_to_ssize(v, &c) < 0) return -1;
    *out = (uint32_t)c;
    return 0;
}

static Value sre_getcodesize_m(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(4); }

static Value sre_ascii_iscased_m(Value *args, int nargs, Value kwnames) {
    uint32_t c;
    if (arg_char(args[0], &c) < 0) return VAL_NULL;
    return c < 128 && sre_iscased_ascii(c) ? VAL_TRUE : VAL_FALSE;
}
static Value sre_unicode_iscased_m(Value *args, int nargs, Value kwnames) {
    uint32_t c;
    if (arg_char(args[0], &c) < 0) return VAL_NULL;
    if (c != str_cp_lower(c) || c != str_cp_upper(c)) return VAL_TRUE;
    if (c < 0x80 || c > 0x10FFFF) return VAL_FALSE;
    /* A character whose only uppercase is a full mapping (U+00DF -> "SS"):
     * CPython's simple mapping yields the mapping's first character. */
    Value s = str_from_codepoint(c);
    Value u = IS_NULL(s) ? VAL_NULL : obj_call_method(s, "upper", NULL, 0);
    if (IS_NULL(u)) return VAL_NULL;
    return str_eq(s, u) ? VAL_FALSE : VAL_TRUE;
}
static Value sre_ascii_tolower_m(Value *args, int nargs, Value kwnames) {
    uint32_t c;
    if (arg_char(args[0], &c) < 0) return VAL_NULL;
    return MK_SMALLINT(sre_lower_ascii(c));
}
static Value sre_unicode_tolower_m(Value *args, int nargs, Value kwnames) {
    uint32_t c;
    if (arg_char(args[0], &c) < 0) return VAL_NULL;
    return MK_SMALLINT(str_cp_lower(c));
}

static const MethodDef sre_functions[] = {
    {"compile", sre_compile_m, ARGS_KW, NULL, "($module, /, pattern, flags, code, groups, groupindex, indexgroup)"},
    {"getcodesize", sre_getcodesize_m, ARGS_NONE, NULL},
    {"ascii_iscased", sre_ascii_iscased_m, ARGS_ONE, NULL},
    {"unicode_iscased", sre_unicode_iscased_m, ARGS_ONE, NULL},
    {"ascii_tolower", sre_ascii_tolower_m, ARGS_ONE, NULL},
    {"unicode_tolower", sre_unicode_tolower_m, ARGS_ONE, NULL},
    {NULL, NULL, 0, NULL},
};

Value mod_sre_init(void) {
    type_ready(&type_sre_pattern);
    type_ready(&type_sre_match);
    type_ready(&type_sre_scanner);
    Value m = module_new_c("_sre");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, sre_functions, m);
    if (dict_set_c(d, "MAGIC", MK_SMALLINT(SRE_MAGIC)) < 0 ||
        dict_set_c(d, "CODESIZE", MK_SMALLINT(4)) < 0 ||
        dict_set_c(d, "MAXREPEAT", MK_SMALLINT((int64_t)SRE_MAXREPEAT)) < 0 ||
        dict_set_c(d, "MAXGROUPS", MK_SMALLINT(SRE_MAXGROUPS)) < 0 ||
        dict_set_c(d, "copyright", str_from_c(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ")) < 0)
        return VAL_NULL;
    return m;
}
