/* args.c - what native functions accept, checked once for all of them.
 *
 * The call path (runtime/call.c) calls a native function directly when the
 * call matches the width its MethodDef declares; args_invoke handles the
 * rest: wrong counts and unexpected keywords raise the TypeError CPython
 * raises for a function of the same kind (METH_NOARGS, METH_O, Argument
 * Clinic's positional and keyword parsers, PyArg_ParseTuple, slot wrappers),
 * optional arguments not given become VAL_NULL, and keyword arguments are
 * bound to their places in an ARGS_KW signature.
 *
 * Below that: the converters to C types every module shares, and the general
 * parser for the few ARGS_ANY functions that still parse by hand.
 */
#include "args.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "call.h"
#include "error.h"
#include "obj_dict.h"
#include "obj_float.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_misc.h"
#include "obj_str.h"
#include "obj_type.h"

#define S_(n) ((n) == 1 ? "" : "s")

/* ---- signatures ------------------------------------------------------------------ */

/* Cut the next parameter out of a signature "(a, b=1, /, *, c=None)":
 * copies it (without the default) into name, returns the position after it,
 * or NULL at the end.  Defaults may hold strings, brackets and commas. */
static const char *sig_next_param(const char *p, char *name, size_t size, int *has_default) {
    while (*p == ' ' || *p == ',' || *p == '(') p++;
    if (*p == ')' || !*p) return NULL;
    size_t n = 0;
    while (*p && *p != ',' && *p != '=' && *p != ')' && *p != ' ') {
        if (n + 1 < size) name[n++] = *p;
        p++;
    }
    name[n] = 0;
    while (*p == ' ') p++;
    *has_default = *p == '=';
    int depth = 0;
    char quote = 0;
    for (; *p; p++) {
        if (quote) { if (*p == '\\' && p[1]) p++; else if (*p == quote) quote = 0; continue; }
        if (*p == '\'' || *p == '"') quote = *p;
        else if (*p == '(' || *p == '[' || *p == '{') depth++;
        else if ((*p == ')' || *p == ']' || *p == '}') && depth) depth--;
        else if ((*p == ',' || *p == ')') && !depth) break;
    }
    return p;
}

/* A signature the table got wrong is a bug in gilpy: say so loudly, once. */
static void sig_bug(const MethodDef *def, const char *why) {
    fprintf(stderr, "gilpy: bad signature for %s: %s (%s)\n", def->name, def->sig ? def->sig : "NULL", why);
    abort();
}

static ArgSpec *sig_parse(const MethodDef *def) {
    ArgSpec *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    char name[64];
    int has_default, kwonly = 0, n = 0;
    const char *sig = def->sig ? def->sig : "", *paren = strchr(sig, '(');
    s->name = paren && paren != sig ? strndup(sig, (size_t)(paren - sig)) : def->name;
    for (const char *p = paren ? paren : sig; (p = sig_next_param(p, name, sizeof name, &has_default));) {
        if (name[0] == '$') continue;                       /* $self, $module, $type */
        if (!strcmp(name, "/")) { s->nposonly = (uint8_t)n; continue; }
        if (name[0] == '*' && name[1] == '*') sig_bug(def, "**kwargs needs ARGS_ANY");
        if (name[0] == '*') { kwonly = 1; s->varargs = name[1] != 0; continue; }
        if (n == ARGS_MAX_PARAMS) sig_bug(def, "too many parameters");
        s->names[n] = strdup(name);
        s->required[n] = !has_default;
        if (kwonly && !has_default) s->kwonly_required = 1;
        if (kwonly) s->nkwonly++;
        else {
            s->npos++;
            if (!has_default && s->minpos == n) s->minpos = (uint8_t)(n + 1);
        }
        n++;
    }
    if (!def->sig) sig_bug(def, "ARGS_KW without a signature");
    return s;
}

/* Parsed signatures by MethodDef address: an open-addressed table that only
 * grows (the definitions are static and live as long as the process). */
static struct { const MethodDef *def; const ArgSpec *spec; } *spec_table;
static size_t spec_cap, spec_count;

static size_t spec_slot(const MethodDef *def, size_t cap) {
    size_t i = (size_t)(((uintptr_t)def >> 3) * 0x9E3779B97F4A7C15ull) & (cap - 1);
    while (spec_table[i].def && spec_table[i].def != def) i = (i + 1) & (cap - 1);
    return i;
}

static int spec_grow(void) {
    size_t old_cap = spec_cap, cap = old_cap ? old_cap * 2 : 256;
    void *old = spec_table;
    spec_table = calloc(cap, sizeof *spec_table);
    if (!spec_table) { spec_table = old; return -1; }
    spec_cap = cap;
    for (size_t i = 0; i < old_cap; i++) {
        const MethodDef *d = ((typeof(spec_table))old)[i].def;
        if (d) spec_table[spec_slot(d, cap)] = ((typeof(spec_table))old)[i];
    }
    free(old);
    return 0;
}

/* The last signature asked for, per thread: a loop calls the same function. */
static _Thread_local const MethodDef *last_def;
static _Thread_local const ArgSpec *last_spec;

static const ArgSpec *args_spec_lookup(const MethodDef *def) {
    if (spec_cap) {
        size_t i = spec_slot(def, spec_cap);
        if (spec_table[i].def) return spec_table[i].spec;
    }
    if ((spec_count + 1) * 2 > spec_cap && spec_grow() < 0) return NULL;
    ArgSpec *s = sig_parse(def);
    if (!s) return NULL;
    size_t i = spec_slot(def, spec_cap);
    spec_table[i].def = def;
    spec_table[i].spec = s;
    spec_count++;
    return s;
}

const ArgSpec *args_spec(const MethodDef *def) {
    if (def == last_def) return last_spec;
    const ArgSpec *s = args_spec_lookup(def);
    if (s) { last_def = def; last_spec = s; }
    return s;
}

/* ---- the function's name in messages ------------------------------------------------ */

/* CPython's messages name a method by its __qualname__, so the type's qualified
 * name (outer.<locals>.K.__init_subclass__). */
int args_funcstr(Value callable, char *buf, size_t size) {
    Obj *o = AS_OBJ(callable);
    Type *t = o->type;
    if (t == &type_method_descriptor || t == &type_classmethod_descriptor || t == &type_wrapper_descriptor) {
        MethodDescr *d = (MethodDescr *)o;
        return snprintf(buf, size, "%s.%s", type_qualname(d->owner), d->def->name);
    }
    BuiltinFn *f = (BuiltinFn *)o;
    if (IS_NULL(f->self) && IS_EXACT(f->module, type_module)) {
        Value m = dict_get_c(MODULE_DICT(f->module), "__name__");
        if (IS_STR(m) && !str_eq_c(m, "builtins"))
            return snprintf(buf, size, "%s.%s", STR_DATA(m), f->def->name);
    }
    if (IS_NULL(f->self) && IS_TYPE(f->module))
        return snprintf(buf, size, "%s.%s", type_qualname(AS_TYPE(f->module)), f->def->name);
    if (IS_NULL(f->self) || IS_EXACT(f->self, type_module)) return snprintf(buf, size, "%s", f->def->name);
    Type *owner = IS_TYPE(f->self) ? AS_TYPE(f->self) : val_type(f->self);
    return snprintf(buf, size, "%s.%s", type_qualname(owner), f->def->name);
}

/* ---- CPython's messages, by kind of function ---------------------------------------- */

static Value args_no_keywords(Value callable, const MethodDef *def) {
    char who[160];
    uint32_t kind = ARGS_KIND(def->flags);
    if (kind == ARGK_WRAP || kind == ARGK_WRAPT)
        return err_format(&exc_TypeError, "wrapper %s() takes no keyword arguments", def->name);
    /* METH_VARARGS (ARGS_VAR, or the flag with ARGS_POS/ARGS_TUPLE): CPython
       qualifies the name only when the call goes through the method descriptor
       (s.union(x=1)), not through a bound method object or a module function */
    int varargs = kind == ARGK_VAR || (def->flags & METH_VARARGS);
    if (varargs && val_type(callable) == &type_builtin_function)
        return err_format(&exc_TypeError, "%s() takes no keyword arguments", def->name);
    args_funcstr(callable, who, sizeof who);
    return err_format(&exc_TypeError, "%s() takes no keyword arguments", who);
}

/* _PyArg_CheckPositional: "pop expected at most 1 argument, got 2". */
static Value args_positional_error(const char *name, int n, int lo, int hi) {
    int bound = n < lo ? lo : hi;
    const char *how = lo == hi ? "" : n < lo ? "at least " : "at most ";
    return err_format(&exc_TypeError, "%s expected %s%d argument%s, got %d", name, how, bound, S_(bound), n);
}

/* The bare name POS and TUPLE messages use: MethodDef.name, or the name a
 * signature begins with when CPython's parser is told another one
 * ("start_new_thread(function, args, kwargs=None, /)" on start_new). */
static const char *args_bare_name(const MethodDef *def, char *buf, size_t size) {
    const char *paren = def->sig ? strchr(def->sig, '(') : NULL;
    if (!paren || paren == def->sig) return def->name;
    snprintf(buf, size, "%.*s", (int)(paren - def->sig), def->sig);
    return buf;
}

static Value args_count_error(Value callable, const MethodDef *def, int n) {
    char who[160];
    int lo = ARGS_LO(def->flags), hi = ARGS_HI(def->flags);
    switch (ARGS_KIND(def->flags)) {
    case ARGK_NONE:
        args_funcstr(callable, who, sizeof who);
        return err_format(&exc_TypeError, "%s() takes no arguments (%d given)", who, n);
    case ARGK_ONE:
        args_funcstr(callable, who, sizeof who);
        return err_format(&exc_TypeError, "%s() takes exactly one argument (%d given)", who, n);
    case ARGK_POS: return args_positional_error(args_bare_name(def, who, sizeof who), n, lo, hi);
    case ARGK_WRAPT: return args_positional_error("", n, lo, hi);
    case ARGK_WRAP:
        return err_format(&exc_TypeError, "expected %d argument%s, got %d", lo, S_(lo), n);
    default: {                                              /* ARGK_TUPLE */
        int bound = n < lo ? lo : hi;
        const char *how = lo == hi ? "exactly" : n < lo ? "at least" : "at most";
        return err_format(&exc_TypeError, "%s() takes %s %d argument%s (%d given)",
                          args_bare_name(def, who, sizeof who), how, bound,
                          S_(bound), n);
    }
    }
}

/* ---- binding keywords (Argument Clinic's rules) -------------------------------------- */

static int kw_find(Value kwnames, const char *name) {
    Tuple *t = AS_TUPLE(kwnames);
    for (int64_t k = 0; k < t->len; k++)
        if (str_eq_c(t->items[k], name)) return (int)k;
    return -1;
}

/* The first keyword that names no parameter (or a positional-only one). */
static Value kw_unexpected(const ArgSpec *s, Value kwnames) {
    Tuple *t = AS_TUPLE(kwnames);
    for (int64_t k = 0; k < t->len; k++) {
        int known = 0;
        for (int i = s->nposonly; i < s->npos + s->nkwonly && !known; i++)
            known = str_eq_c(t->items[k], s->names[i]);
        if (!known)
            return err_format(&exc_TypeError, "'%U' is an invalid keyword argument for %s()", t->items[k], s->name);
    }
    return err_format(&exc_TypeError, "%s() got an unexpected keyword argument", s->name);
}

/* Fill out[0 .. npos + nkwonly) from n positional arguments and the
 * keywords (their values in kwvalues), as _PyArg_UnpackKeywords does (same
 * checks, same order). */
static int kw_bind(const ArgSpec *s, Value *args, int n, Value kwnames, const Value *kwvalues, Value *out) {
    const char *name = s->name;
    int nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    int maxargs = s->npos + s->nkwonly, maxpos = s->npos;
    if (!s->varargs && maxargs == 0) {   /* Argument Clinic's defining_class methods: keywords ignored */
        if (n == 0) return 0;
        err_format(&exc_TypeError, "%s() takes no arguments", name);
        return -1;
    }
    if (!s->varargs && n + nkw > maxargs) {
        err_format(&exc_TypeError, "%s() takes at most %d %sargument%s (%d given)", name, maxargs,
                   n == 0 ? "keyword " : "", S_(maxargs), n + nkw);
        return -1;
    }
    if (!s->varargs && n > maxpos) {
        if (maxpos == 0) err_format(&exc_TypeError, "%s() takes no positional arguments", name);
        else err_format(&exc_TypeError, "%s() takes %s %d positional argument%s (%d given)", name,
                        s->minpos < maxpos ? "at most" : "exactly", maxpos, S_(maxpos), n);
        return -1;
    }
    int minposonly = s->nposonly < s->minpos ? s->nposonly : s->minpos;
    if (n < minposonly) {
        err_format(&exc_TypeError, "%s() takes %s %d positional argument%s (%d given)", name,
                   minposonly < maxpos ? "at least" : "exactly", minposonly, S_(minposonly), n);
        return -1;
    }
    int npos_given = n < maxpos ? n : maxpos;
    for (int i = 0; i < npos_given; i++) out[i] = args[i];
    int used = 0;
    for (int i = npos_given; i < maxargs; i++) {
        int k = (nkw && i >= s->nposonly) ? kw_find(kwnames, s->names[i]) : -1;
        out[i] = k >= 0 ? kwvalues[k] : VAL_NULL;
        if (k >= 0) { used++; continue; }
        if (s->required[i] && (i < s->minpos || i >= maxpos)) {
            err_format(&exc_TypeError, "%s() missing required argument '%s' (pos %d)", name, s->names[i], i + 1);
            return -1;
        }
    }
    if (used == nkw) return 0;
    for (int i = s->nposonly; i < npos_given; i++)
        if (kw_find(kwnames, s->names[i]) >= 0) {
            err_format(&exc_TypeError, "argument for %s() given by name ('%s') and position (%d)", name,
                       s->names[i], i + 1);
            return -1;
        }
    kw_unexpected(s, kwnames);
    return -1;
}

/* ---- the slow half of a native call ---------------------------------------------- */

/* The scratch arrays below live in frames that stay on the stack while the
 * native runs, which may be for ever (a lock's acquire, a queue's get): the
 * collector scans them conservatively, so a slot left as an earlier call
 * left it would keep that call's objects alive (a dropped
 * ThreadPoolExecutor whose workers the main thread joins).  Every slot is
 * written: the unused ones with VAL_NULL, or the array sized exactly. */
static void args_fill_null(Value *buf, int from, int to) {
    for (int i = from; i < to; i++) buf[i] = VAL_NULL;
}

/* Optionals omitted of a native with many parameters (up to 255). */
__attribute__((noinline)) static Value args_invoke_wide(const MethodDef *def, Value *args, int nargs, int width) {
    Value buf[256];                     /* width <= 255; all of it written (see above) */
    values_copy(buf, args, (size_t)nargs);
    args_fill_null(buf, nargs, 256);
    return def->fn(buf, width, VAL_NULL);
}

/* An ARGS_KW call: out = [receiver] [positional parameters] [*args extras]
 * [keyword-only parameters]. */
static Value args_invoke_kw(Value callable, const MethodDef *def, Value *args, int nargs, Value kwnames,
                            int nself) {
    const ArgSpec *s = args_spec(def);
    if (!s) return VAL_NULL;
    int n = nargs - nself;
    if (IS_NULL(kwnames) && !s->varargs && n >= s->minpos && n <= s->npos && !s->kwonly_required) {
        Value pad[1 + ARGS_MAX_PARAMS];                 /* the common call: positionals only */
        values_copy(pad, args, (size_t)nargs);
        args_fill_null(pad, nargs, 1 + ARGS_MAX_PARAMS);
        return def->fn(pad, nself + s->npos + s->nkwonly, VAL_NULL);
    }
    int extra = s->varargs && n > s->npos ? n - s->npos : 0;
    int width = nself + s->npos + extra + s->nkwonly;
    Value small[1 + ARGS_MAX_PARAMS + 8] = {0}, holder = VAL_NULL;
    Value *buf = small;
    if (width > (int)(sizeof small / sizeof *small)) {
        holder = tuple_new(width);                      /* GC-visible scratch */
        if (IS_NULL(holder)) return VAL_NULL;
        buf = AS_TUPLE(holder)->items;
    }
    Value named[ARGS_MAX_PARAMS] = {0};
    /* the *args extras are not bound: the keyword values follow all n positionals */
    if (kw_bind(s, args + nself, n - extra, kwnames, args + nargs, named) < 0) return VAL_NULL;
    if (nself) buf[0] = args[0];
    values_copy(buf + nself, named, (size_t)s->npos);
    values_copy(buf + nself + s->npos, args + nself + s->npos, (size_t)extra);
    values_copy(buf + nself + s->npos + extra, named + s->npos, (size_t)s->nkwonly);
    Value r = def->fn(buf, width, VAL_NULL);
    (void)holder;
    return r;
}

Value args_invoke(Value callable, const MethodDef *def, Value *args, int nargs, Value kwnames, int nself) {
    uint32_t kind = ARGS_KIND(def->flags);
    int n = nargs - nself, hi = ARGS_HI(def->flags);
    if (IS_NULL(kwnames) && kind >= ARGK_POS && kind <= ARGK_WRAPT && n >= ARGS_LO(def->flags) && n < hi) {
        Value buf[1 + 16];                              /* the common case: optionals omitted */
        if (hi < 16) {
            for (int i = 0; i < nargs; i++) buf[i] = args[i];
            args_fill_null(buf, nargs, 1 + 16);
            return def->fn(buf, nself + hi, VAL_NULL);
        }
    }
    if (kind == ARGK_ANY) return def->fn(args, nargs, kwnames);
    if (kind == ARGK_KW) return args_invoke_kw(callable, def, args, nargs, kwnames, nself);
    if (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len) return args_no_keywords(callable, def);
    if (kind == ARGK_VAR) return def->fn(args, nargs, VAL_NULL);
    if (n < ARGS_LO(def->flags) || n > hi) return args_count_error(callable, def, n);
    if (n == hi) return def->fn(args, nargs, VAL_NULL);
    return args_invoke_wide(def, args, nargs, nself + hi);
}

/* ---- converters --------------------------------------------------------------------- */

static int index_value(Value v, Value *out) {
    if (IS_INT(v)) { *out = v; return 0; }
    Value r = obj_index(v);
    if (IS_NULL(r)) return -1;
    *out = r;
    return 0;
}

int arg_to_ssize(Value v, int64_t *out) {
    if (IS_SMALLINT(v)) { *out = AS_SMALLINT(v); return 0; }
    Value i;
    if (index_value(v, &i) < 0) return -1;
    if (int_to_i64(i, out) < 0) {
        err_clear();
        err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return 0;
}

int arg_to_optional_ssize(Value v, int64_t *out) {
    *out = -1;
    if (IS_NULL(v) || IS_NONE(v)) return 0;
    if (!IS_INT(v) && IS_NULL(type_lookup_c(val_type(v), "__index__"))) {
        err_format(&exc_TypeError, "argument should be integer or None, not '%T'", v);
        return -1;
    }
    return obj_index_size(v, out);
}

int arg_to_ssize_clamped(Value v, int64_t *out) {
    if (IS_SMALLINT(v)) { *out = AS_SMALLINT(v); return 0; }
    Value i;
    if (index_value(v, &i) < 0) return -1;
    if (int_to_i64(i, out) < 0) {
        err_clear();
        *out = int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
    }
    return 0;
}

int arg_to_cint(Value v, int *out) {
    int64_t x;
    if (IS_FLOATOBJ(v)) {
        err_format(&exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return -1;
    }
    Value i;
    if (index_value(v, &i) < 0) return -1;
    if (int_to_i64(i, &x) < 0) return -1;      /* PyLong_AsLong's own message first */
    if (x > INT32_MAX || x < INT32_MIN) {
        err_format(&exc_OverflowError, "signed integer is %s than %s", x < 0 ? "less" : "greater",
                   x < 0 ? "minimum" : "maximum");
        return -1;
    }
    *out = (int)x;
    return 0;
}

int arg_to_int(Value v, int *out) {
    int64_t x;
    if (IS_FLOATOBJ(v)) {
        err_format(&exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return -1;
    }
    if (arg_to_ssize_clamped(v, &x) < 0) return -1;
    if (x < INT32_MIN || x > INT32_MAX) {
        err_format(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

int arg_to_long(Value v, int64_t *out) {
    if (IS_SMALLINT(v)) { *out = AS_SMALLINT(v); return 0; }
    Value i = obj_index(v);
    return IS_NULL(i) ? -1 : int_to_i64(i, out);
}

int arg_to_fd(Value v, int *out) {
    if (!IS_INT(v)) {
        Value f = obj_getattr_opt(v, str_intern_c("fileno"));
        if (IS_NULL(f)) {
            if (!err_occurred())
                err_format(&exc_TypeError, "argument must be an int, or have a fileno() method.");
            return -1;
        }
        v = call0(f);
        if (IS_NULL(v)) return -1;
        if (!IS_INT(v)) { err_format(&exc_TypeError, "fileno() returned a non-integer"); return -1; }
    }
    int fd;
    if (arg_to_int(v, &fd) < 0) return -1;
    if (fd < 0) {
        err_format(&exc_ValueError, "file descriptor cannot be a negative integer (%d)", fd);
        return -1;
    }
    *out = fd;
    return 0;
}

/* CPython's _PyTime_FromSecondsObject: a float (NaN refused; the value in
 * nanoseconds must fit an int64) or an integer (through __index__; seconds
 * times 10**9 must fit an int64).  The result stays in seconds. */
int arg_to_seconds(Value v, double *out) {
    if (IS_FLOATOBJ(v)) {
        double d = float_value(v);
        if (isnan(d)) {
            err_format(&exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        double ns = d * 1e9;
        if (!(ns >= -9223372036854775808.0 && ns < 9223372036854775808.0)) {
            err_format(&exc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = d;
        return 0;
    }
    Value i;
    if (index_value(v, &i) < 0) return -1;
    int64_t n;
    if (int_to_i64(i, &n) < 0 || n > INT64_MAX / 1000000000 || n < INT64_MIN / 1000000000) {
        err_clear();
        err_format(&exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    *out = (double)n;
    return 0;
}

int arg_to_double(Value v, double *out) {
    if (IS_FLOATOBJ(v)) { *out = float_value(v); return 0; }
    if (IS_INT(v)) return int_to_double(v, out);
    Value a[1] = {v};
    Value r = obj_call_special(v, SM_FLOAT, a, 1);
    if (IS_NULL(r) && err_occurred()) return -1;
    if (!IS_NULL(r)) {
        if (!IS_FLOATOBJ(r)) {
            err_format(&exc_TypeError, "%T.__float__ returned non-float (type %T)", v, r);
            return -1;
        }
        *out = float_value(r);
        return 0;
    }
    r = obj_call_special(v, SM_INDEX, a, 1);
    if (IS_NULL(r) && err_occurred()) return -1;
    if (!IS_NULL(r) && IS_INT(r)) return int_to_double(r, out);
    err_format(&exc_TypeError, "must be real number, not %T", v);
    return -1;
}

Value arg_to_path(Value v) {
    if (IS_STR(v) || IS_BYTES(v)) return v;
    Value f = type_lookup_c(val_type(v), "__fspath__");
    if (IS_NULL(f))
        return err_format(&exc_TypeError, "expected str, bytes or os.PathLike object, not %T", v);
    Value r = call1(f, v);
    if (IS_NULL(r) || IS_STR(r) || IS_BYTES(r)) return r;
    return err_format(&exc_TypeError, "expected %T.__fspath__() to return str or bytes, not %T", v, r);
}

/* ---- parsing by hand ------------------------------------------------------------------ */

int arg_no_kw(const char *fname, Value kwnames) {
    if (IS_NULL(kwnames) || AS_TUPLE(kwnames)->len == 0) return 0;
    err_format(&exc_TypeError, "%s() takes no keyword arguments", fname);
    return -1;
}

int arg_count(const char *fname, int nargs, int min, int max) {
    if (nargs >= min && nargs <= max) return 0;
    if (min == max && min <= 1) {
        if (min == 0) err_format(&exc_TypeError, "%s() takes no arguments (%d given)", fname, nargs);
        else err_format(&exc_TypeError, "%s() takes exactly one argument (%d given)", fname, nargs);
        return -1;
    }
    args_positional_error(fname, nargs, min, max);
    return -1;
}

int arg_parse(const char *fname, Value *args, int nargs, Value kwnames,
              const char *const *names, int nparams, int npos_only, int nrequired, Value *out) {
    ArgSpec s = { .name = fname, .npos = (uint8_t)nparams, .nposonly = (uint8_t)npos_only,
                  .minpos = (uint8_t)nrequired };
    for (int i = 0; i < nparams && i < ARGS_MAX_PARAMS; i++) {
        s.names[i] = names[i];
        s.required[i] = i < nrequired;
    }
    return kw_bind(&s, args, nargs, kwnames, args + nargs, out);
}
