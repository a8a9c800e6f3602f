/* mod_csv.c - the `_csv` module under CPython's csv.py: Dialect, reader,
 * writer, the dialect registry and field_size_limit, as CPython 3.11's
 * _csv.c.
 *
 * A Dialect holds the options as C values: the delimiter, quote and escape
 * characters as code points (CSV_NOT_SET when absent), the flags, the
 * quoting mode and the line terminator str.  Dialect(...) takes a dialect
 * (registered name, Dialect or any object with the attributes) plus
 * keyword overrides; reader and writer build theirs the same way.
 *
 * The reader is CPython's character state machine: every character of each
 * line is fed to reader_char, then an end-of-line marker (CSV_EOL, not a
 * character, so NUL is ordinary data); a record may span lines while a
 * quoted field is open.  A field collects the UTF-8 bytes of its characters
 * and their count (the field size limit counts characters).  The writer
 * builds a whole line, quoting or escaping each field as the dialect says,
 * then calls the file's write once. */
#include <stdlib.h>
#include <string.h>
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_float.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/strbuf.h"
#include "interp/modreg.h"

GILPY_MODULE("_csv", mod_csv_init);

#define CSV_NOT_SET ((uint32_t)-1)
#define CSV_EOL     ((uint32_t)-2)

enum { QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE };

static Value csv_error = VAL_NULL;          /* _csv.Error */
static Value csv_dialects = VAL_NULL;       /* the registry: name -> Dialect */
static int64_t csv_field_limit = 128 * 1024;

#define CSV_ERROR ((Type *)AS_OBJ(csv_error))

/* ---- Dialect ---------------------------------------------------------------------------- */

typedef struct Dialect {
    Obj      header;
    uint32_t delimiter, quotechar, escapechar;
    int      doublequote, skipinitialspace, strict, quoting;
    Value    lineterminator;        /* str */
} Dialect;

Type type_csv_dialect, type_csv_reader, type_csv_writer;
#define AS_DIALECT(v) ((Dialect *)AS_OBJ(v))

static void dialect_trace(Obj *o) { gc_mark_value(((Dialect *)o)->lineterminator); }

enum { D_DIALECT, D_DELIMITER, D_DOUBLEQUOTE, D_ESCAPECHAR, D_LINETERMINATOR, D_QUOTECHAR,
       D_QUOTING, D_SKIPINITIALSPACE, D_STRICT, D_COUNT };
static const char *const dialect_params[D_COUNT] = {
    "dialect", "delimiter", "doublequote", "escapechar", "lineterminator", "quotechar",
    "quoting", "skipinitialspace", "strict",
};

static Value dialect_from_registry(Value name) {
    Value d = dict_get(csv_dialects, name);
    if (IS_NULL(d) && !err_occurred()) err_format(CSV_ERROR, "unknown dialect");
    return d;
}

/* A one-character option: the delimiter must be there, None unsets the
 * others (none_ok: quotechar, escapechar). */
static int set_char(const char *name, uint32_t *target, Value v, uint32_t dflt, int none_ok) {
    if (IS_NULL(v)) { *target = dflt; return 0; }
    *target = CSV_NOT_SET;
    if (none_ok && v == VAL_NONE) return 0;
    if (!IS_STR(v)) {
        err_format(&exc_TypeError, "\"%s\" must be string%s, not %T", name, none_ok ? " or None" : "", v);
        return -1;
    }
    if (AS_STR(v)->nchars != 1) {
        err_format(&exc_TypeError, "\"%s\" must be a 1-character string", name);
        return -1;
    }
    *target = str_char_at(v, 0);
    return 0;
}

static int set_bool(int *target, Value v, int dflt) {
    if (IS_NULL(v)) { *target = dflt; return 0; }
    int r = obj_truthy(v);
    if (r < 0) return -1;
    *target = r;
    return 0;
}

static int set_quoting(int *target, Value v) {
    if (IS_NULL(v)) { *target = QUOTE_MINIMAL; return 0; }
    if (!IS_SMALLINT(v) && !IS_EXACT(v, type_int)) {
        err_format(&exc_TypeError, "\"quoting\" must be an integer");
        return -1;
    }
    return arg_to_int(v, target);
}

static int set_lineterminator(Value *target, Value v) {
    if (IS_NULL(v)) { *target = str_from_c("\r\n"); return IS_NULL(*target) ? -1 : 0; }
    *target = VAL_NULL;
    if (v == VAL_NONE) return 0;
    if (!IS_STR(v)) {
        err_format(&exc_TypeError, "\"lineterminator\" must be a string");
        return -1;
    }
    *target = v;
    return 0;
}

/* Fill self from the options (VAL_NULL: not given) and check them. */
static int dialect_init(Dialect *self, Value *o) {
    if (set_char("delimiter", &self->delimiter, o[D_DELIMITER], ',', 0) < 0
        || set_bool(&self->doublequote, o[D_DOUBLEQUOTE], 1) < 0
        || set_char("escapechar", &self->escapechar, o[D_ESCAPECHAR], CSV_NOT_SET, 1) < 0
        || set_lineterminator(&self->lineterminator, o[D_LINETERMINATOR]) < 0
        || set_char("quotechar", &self->quotechar, o[D_QUOTECHAR], '"', 1) < 0
        || set_quoting(&self->quoting, o[D_QUOTING]) < 0
        || set_bool(&self->skipinitialspace, o[D_SKIPINITIALSPACE], 0) < 0
        || set_bool(&self->strict, o[D_STRICT], 0) < 0)
        return -1;
    const char *msg = NULL;
    if (self->quoting < QUOTE_MINIMAL || self->quoting > QUOTE_NONE) msg = "bad \"quoting\" value";
    if (!msg && o[D_QUOTECHAR] == VAL_NONE && IS_NULL(o[D_QUOTING])) self->quoting = QUOTE_NONE;
    if (!msg && self->quoting != QUOTE_NONE && self->quotechar == CSV_NOT_SET)
        msg = "quotechar must be set if quoting enabled";
    if (!msg && IS_NULL(self->lineterminator)) msg = "lineterminator must be set";
    if (msg) { err_format(&exc_TypeError, "%s", msg); return -1; }
    return 0;
}

/* Bind Dialect's arguments as PyArg_ParseTupleAndKeywords("|OOOOOOOOO") does. */
static int dialect_bind(const Value *args, int npos, Value kwnames, const Value *kwvalues, Value *o) {
    for (int i = 0; i < D_COUNT; i++) o[i] = VAL_NULL;
    int64_t nkw = IS_NULL(kwnames) ? 0 : AS_TUPLE(kwnames)->len;
    if (npos + nkw > D_COUNT) {
        err_format(&exc_TypeError, "function takes at most %d %sarguments (%lld given)", D_COUNT,
                   npos ? "" : "keyword ", (long long)(npos + nkw));
        return -1;
    }
    for (int i = 0; i < npos; i++) o[i] = args[i];
    for (int64_t k = 0; k < nkw; k++) {
        Value name = AS_TUPLE(kwnames)->items[k];
        int i = 0;
        while (i < D_COUNT && !str_eq_c(name, dialect_params[i])) i++;
        if (i == D_COUNT) {
            err_format(&exc_TypeError, "'%U' is an invalid keyword argument for this function", name);
            return -1;
        }
        if (!IS_NULL(o[i])) {
            err_format(&exc_TypeError, "argument for function given by name ('%s') and position (%d)",
                       dialect_params[i], i + 1);
            return -1;
        }
        o[i] = kwvalues[k];
    }
    return 0;
}

/* Dialect(dialect=None, **options) for class cls. */
static Value dialect_make(Type *cls, Value *o) {
    Value base = o[D_DIALECT];
    if (!IS_NULL(base)) {
        if (IS_STR(base)) {
            base = dialect_from_registry(base);
            if (IS_NULL(base)) return VAL_NULL;
        }
        int overrides = 0;
        for (int i = 1; i < D_COUNT; i++) overrides |= !IS_NULL(o[i]);
        if (!overrides && IS_OBJ(base) && type_is_subtype(AS_OBJ(base)->type, &type_csv_dialect)) return base;
        for (int i = 1; i < D_COUNT; i++) {       /* the dialect's attributes fill the gaps */
            if (!IS_NULL(o[i])) continue;
            o[i] = obj_getattr_c(base, dialect_params[i]);
            if (IS_NULL(o[i])) err_clear();
        }
    }
    Dialect *self = (Dialect *)obj_new_instance(cls);
    if (!self) return VAL_NULL;
    self->lineterminator = VAL_NULL;
    return dialect_init(self, o) < 0 ? VAL_NULL : MK_OBJ(self);
}

static Value dialect_new_m(Value *args, int nargs, Value kwnames) {
    Value o[D_COUNT];
    if (dialect_bind(args + 1, nargs - 1, kwnames, args + nargs, o) < 0) return VAL_NULL;
    return dialect_make((Type *)AS_OBJ(args[0]), o);
}

/* Dialect(dialect, **kwargs) for reader, writer and register_dialect, whose
 * extra keyword arguments arrive after their positional ones. */
static Value dialect_call(Value dialect, Value *kwvalues, Value kwnames) {
    Value o[D_COUNT];
    if (dialect_bind(&dialect, IS_NULL(dialect) ? 0 : 1, kwnames, kwvalues, o) < 0) return VAL_NULL;
    return dialect_make(&type_csv_dialect, o);
}

static Value char_attr(uint32_t c) { return c == CSV_NOT_SET ? VAL_NONE : str_from_codepoint(c); }
static Value dialect_get_delimiter(Value s) { return char_attr(AS_DIALECT(s)->delimiter); }
static Value dialect_get_quotechar(Value s) { return char_attr(AS_DIALECT(s)->quotechar); }
static Value dialect_get_escapechar(Value s) { return char_attr(AS_DIALECT(s)->escapechar); }
static Value dialect_get_lineterminator(Value s) { return AS_DIALECT(s)->lineterminator; }
static Value dialect_get_doublequote(Value s) { return MK_BOOL(AS_DIALECT(s)->doublequote); }
static Value dialect_get_skipinitialspace(Value s) { return MK_BOOL(AS_DIALECT(s)->skipinitialspace); }
static Value dialect_get_strict(Value s) { return MK_BOOL(AS_DIALECT(s)->strict); }
static Value dialect_get_quoting(Value s) { return MK_SMALLINT(AS_DIALECT(s)->quoting); }

static const GetSetDef dialect_getsets[] = {
    {"delimiter", dialect_get_delimiter, NULL, NULL},
    {"doublequote", dialect_get_doublequote, NULL, NULL},
    {"escapechar", dialect_get_escapechar, NULL, NULL},
    {"lineterminator", dialect_get_lineterminator, NULL, NULL},
    {"quotechar", dialect_get_quotechar, NULL, NULL},
    {"quoting", dialect_get_quoting, NULL, NULL},
    {"skipinitialspace", dialect_get_skipinitialspace, NULL, NULL},
    {"strict", dialect_get_strict, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static Value dialect_reduce_ex_m(Value *args, int nargs, Value kwnames) {
    if (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len)
        return err_format(&exc_TypeError, "__reduce_ex__() takes no keyword arguments");
    return err_format(&exc_TypeError, "cannot pickle '%U' instances", AS_OBJ(args[0])->type->name);
}

static const MethodDef dialect_methods[] = {
    {"__new__", dialect_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__reduce_ex__", dialect_reduce_ex_m, ARGS_ANY, "raises an exception to avoid pickling"},
    {NULL, NULL, 0, NULL},
};

Type type_csv_dialect = {
    .tp_name = "_csv.Dialect", .base = &type_object, .flags = TF_BASETYPE,
    .basicsize = sizeof(Dialect), .trace = dialect_trace,
    .methods = dialect_methods, .getsets = dialect_getsets,
};
GILPY_TYPE(type_csv_dialect, NULL);

/* ---- reader ----------------------------------------------------------------------------- */

typedef enum {
    START_RECORD, START_FIELD, ESCAPED_CHAR, IN_FIELD, IN_QUOTED_FIELD,
    ESCAPE_IN_QUOTED_FIELD, QUOTE_IN_QUOTED_FIELD, EAT_CRNL, AFTER_ESCAPED_CRNL
} ReaderState;

typedef struct Reader {
    Obj      header;
    Value    input_iter;
    Value    dialect;
    Value    fields;            /* the record being read: a list */
    int64_t  line_num;
    ReaderState state;
    int      numeric_field;     /* QUOTE_NONNUMERIC: the field is unquoted */
    char    *field;             /* UTF-8 of the field so far (gc_sys_realloc'd) */
    int64_t  field_bytes, field_cap, field_len;     /* field_len: characters */
} Reader;

#define AS_READER(v) ((Reader *)AS_OBJ(v))

static void reader_trace(Obj *o) {
    Reader *r = (Reader *)o;
    gc_mark_value(r->input_iter);
    gc_mark_value(r->dialect);
    gc_mark_value(r->fields);
}

static void reader_finalize(Obj *o) {
    Reader *r = (Reader *)o;
    free(r->field);
    r->field = NULL;
    r->field_cap = 0;
}

static int reader_reset(Reader *r) {
    r->fields = list_new(0);
    if (IS_NULL(r->fields)) return -1;
    r->field_bytes = r->field_len = 0;
    r->state = START_RECORD;
    r->numeric_field = 0;
    return 0;
}

static int reader_save_field(Reader *r) {
    Value field = str_new(r->field ? r->field : "", (size_t)r->field_bytes);
    if (IS_NULL(field)) return -1;
    r->field_bytes = r->field_len = 0;
    if (r->numeric_field) {
        r->numeric_field = 0;
        field = call1(MK_OBJ(&type_float), field);
        if (IS_NULL(field)) return -1;
    }
    return list_append(r->fields, field);
}

/* Add character c, whose UTF-8 is the n bytes at utf8. */
static int reader_add_char(Reader *r, const char *utf8, int n) {
    if (r->field_len >= csv_field_limit) {
        err_format(CSV_ERROR, "field larger than field limit (%lld)", (long long)csv_field_limit);
        return -1;
    }
    if (r->field_bytes + n > r->field_cap) {
        int64_t cap = r->field_cap ? r->field_cap * 2 : 64;
        char *p = gc_sys_realloc(r->field, (size_t)cap);
        if (!p) { err_no_memory(); return -1; }
        r->field = p;
        r->field_cap = cap;
    }
    memcpy(r->field + r->field_bytes, utf8, (size_t)n);
    r->field_bytes += n;
    r->field_len++;
    return 0;
}

static int reader_end_line(Reader *r, uint32_t c) {
    if (reader_save_field(r) < 0) return -1;
    r->state = c == CSV_EOL ? START_RECORD : EAT_CRNL;
    return 0;
}

#define IS_NL(c) ((c) == '\n' || (c) == '\r')

/* Feed one character (CSV_EOL at the end of each line); utf8/n are its bytes. */
static int reader_char(Reader *r, uint32_t c, const char *utf8, int n) {
    Dialect *d = AS_DIALECT(r->dialect);
    char nl = '\n';
    switch (r->state) {
    case START_RECORD:
        if (c == CSV_EOL) return 0;                       /* an empty line: [] */
        if (IS_NL(c)) { r->state = EAT_CRNL; return 0; }
        r->state = START_FIELD;
        /* fall through */
    case START_FIELD:
        if (IS_NL(c) || c == CSV_EOL) return reader_end_line(r, c);
        if (c == d->quotechar && d->quoting != QUOTE_NONE) r->state = IN_QUOTED_FIELD;
        else if (c == d->escapechar) r->state = ESCAPED_CHAR;
        else if (c == ' ' && d->skipinitialspace) ;
        else if (c == d->delimiter) return reader_save_field(r);
        else {
            if (d->quoting == QUOTE_NONNUMERIC) r->numeric_field = 1;
            r->state = IN_FIELD;
            return reader_add_char(r, utf8, n);
        }
        return 0;
    case ESCAPED_CHAR:
        if (IS_NL(c)) { r->state = AFTER_ESCAPED_CRNL; return reader_add_char(r, utf8, n); }
        r->state = IN_FIELD;
        return c == CSV_EOL ? reader_add_char(r, &nl, 1) : reader_add_char(r, utf8, n);
    case AFTER_ESCAPED_CRNL:
        if (c == CSV_EOL) return 0;
        /* fall through */
    case IN_FIELD:
        if (IS_NL(c) || c == CSV_EOL) return reader_end_line(r, c);
        if (c == d->escapechar) r->state = ESCAPED_CHAR;
        else if (c == d->delimiter) { r->state = START_FIELD; return reader_save_field(r); }
        else return reader_add_char(r, utf8, n);
        return 0;
    case IN_QUOTED_FIELD:
        if (c == CSV_EOL) ;
        else if (c == d->escapechar) r->state = ESCAPE_IN_QUOTED_FIELD;
        else if (c == d->quotechar && d->quoting != QUOTE_NONE) r->state = d->doublequote ? QUOTE_IN_QUOTED_FIELD : IN_FIELD;
        else return reader_add_char(r, utf8, n);
        return 0;
    case ESCAPE_IN_QUOTED_FIELD:
        r->state = IN_QUOTED_FIELD;
        return c == CSV_EOL ? reader_add_char(r, &nl, 1) : reader_add_char(r, utf8, n);
    case QUOTE_IN_QUOTED_FIELD:                           /* a quote seen in a quoted field */
        if (d->quoting != QUOTE_NONE && c == d->quotechar) {
            r->state = IN_QUOTED_FIELD;                   /* "" is " */
            return reader_add_char(r, utf8, n);
        }
        if (c == d->delimiter) { r->state = START_FIELD; return reader_save_field(r); }
        if (IS_NL(c) || c == CSV_EOL) return reader_end_line(r, c);
        if (!d->strict) { r->state = IN_FIELD; return reader_add_char(r, utf8, n); }
        {
            StrBuf sb; sb_init(&sb);
            sb_puts(&sb, "'");
            sb_put_codepoint(&sb, d->delimiter);
            sb_puts(&sb, "' expected after '");
            sb_put_codepoint(&sb, d->quotechar);
            sb_puts(&sb, "'");
            Value msg = sb_finish_str(&sb);
            if (!IS_NULL(msg)) err_set_value(CSV_ERROR, msg);
        }
        return -1;
    case EAT_CRNL:
        if (IS_NL(c)) return 0;
        if (c == CSV_EOL) { r->state = START_RECORD; return 0; }
        err_format(CSV_ERROR, "new-line character seen in unquoted field - do you need to open the file "
                              "in universal-newline mode?");
        return -1;
    }
    return 0;
}

static int reader_line(Reader *r, Value line) {
    const char *p = STR_DATA(line), *e = p + STR_LEN(line);
    while (p < e) {
        uint32_t c;
        int n = utf8_dec((const unsigned char *)p, &c);
        if (reader_char(r, c, p, n) < 0) return -1;
        p += n;
    }
    return reader_char(r, CSV_EOL, NULL, 0);
}

static Value reader_next_m(Value *args, int nargs, Value kwnames) {
    Reader *r = AS_READER(args[0]);
    if (reader_reset(r) < 0) return VAL_NULL;
    do {
        Value line = obj_next(r->input_iter);
        if (IS_NULL(line)) {
            if (err_occurred() || (r->field_len == 0 && r->state != IN_QUOTED_FIELD)) return VAL_NULL;
            if (AS_DIALECT(r->dialect)->strict) return err_format(CSV_ERROR, "unexpected end of data");
            if (reader_save_field(r) < 0) return VAL_NULL;
            break;
        }
        if (!IS_STR(line))
            return err_format(CSV_ERROR, "iterator should return strings, not %T (the file should be opened in "
                                         "text mode)", line);
        r->line_num++;
        if (reader_line(r, line) < 0) return VAL_NULL;
    } while (r->state != START_RECORD);
    Value fields = r->fields;
    r->fields = VAL_NULL;
    return fields;
}

static Value reader_iter_m(Value *args, int nargs, Value kwnames) { return args[0]; }
static Value reader_get_dialect(Value s) { return AS_READER(s)->dialect; }
static Value reader_get_line_num(Value s) { return int_from_i64(AS_READER(s)->line_num); }

static const GetSetDef reader_getsets[] = {
    {"dialect", reader_get_dialect, getset_readonly, NULL},
    {"line_num", reader_get_line_num, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef reader_methods[] = {
    {"__next__", reader_next_m, ARGS_WRAP(0), NULL},
    {"__iter__", reader_iter_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

Type type_csv_reader = {
    .tp_name = "_csv.reader", .base = &type_object, .flags = TF_ABSTRACT,
    .basicsize = sizeof(Reader), .trace = reader_trace, .finalize = reader_finalize,
    .methods = reader_methods, .getsets = reader_getsets,
};
GILPY_TYPE(type_csv_reader, NULL);

/* reader(f, dialect) and writer(f, dialect): PyArg_UnpackTuple("", 1, 2). */
static int unpack_file_dialect(int npos, Value *args, Value *dialect) {
    if (npos < 1 || npos > 2) {
        err_format(&exc_TypeError, " expected at %s %d argument%s, got %d", npos < 1 ? "least" : "most",
                   npos < 1 ? 1 : 2, npos < 1 ? "" : "s", npos);
        return -1;
    }
    *dialect = npos == 2 ? args[1] : VAL_NULL;
    return 0;
}

static Value csv_reader_fn(Value *args, int nargs, Value kwnames) {
    int npos = nargs;                       /* keyword values follow the positional ones */
    Value dialect;
    if (unpack_file_dialect(npos, args, &dialect) < 0) return VAL_NULL;
    Reader *r = (Reader *)gc_alloc(&type_csv_reader, sizeof(Reader));
    if (!r) return VAL_NULL;
    r->input_iter = r->dialect = r->fields = VAL_NULL;
    if (reader_reset(r) < 0) return VAL_NULL;
    r->input_iter = obj_iter(args[0]);
    if (IS_NULL(r->input_iter)) return VAL_NULL;
    r->dialect = dialect_call(dialect, args + npos, kwnames);
    return IS_NULL(r->dialect) ? VAL_NULL : MK_OBJ(r);
}

/* ---- writer ----------------------------------------------------------------------------- */

typedef struct Writer {
    Obj   header;
    Value write;                /* the file's bound write method */
    Value dialect;
} Writer;

#define AS_WRITER(v) ((Writer *)AS_OBJ(v))

static void writer_trace(Obj *o) {
    gc_mark_value(((Writer *)o)->write);
    gc_mark_value(((Writer *)o)->dialect);
}

static int str_has_char(Value s, uint32_t c) {
    const unsigned char *p = (const unsigned char *)STR_DATA(s), *e = p + STR_LEN(s);
    while (p < e) {
        uint32_t x;
        p += utf8_dec(p, &x);
        if (x == c) return 1;
    }
    return 0;
}

/* Append field (VAL_NULL: empty) to the line: a delimiter first unless it is
 * the first field, then its text, escaped or quoted as needed (*quoted may
 * become 1: a special character under QUOTE_MINIMAL). */
static int writer_field(Dialect *d, StrBuf *line, Value field, int first, int quoted) {
    StrBuf body; sb_init(&body);
    const unsigned char *p = IS_NULL(field) ? NULL : (const unsigned char *)STR_DATA(field);
    const unsigned char *e = p ? p + STR_LEN(field) : NULL;
    int rc = 0;
    while (p < e && rc == 0) {
        uint32_t c;
        int n = utf8_dec(p, &c);
        if (c == d->delimiter || c == d->escapechar || c == d->quotechar || str_has_char(d->lineterminator, c)) {
            int want_escape = 0;
            if (d->quoting == QUOTE_NONE) want_escape = 1;
            else {
                if (c == d->quotechar) {
                    if (d->doublequote) rc |= sb_put_codepoint(&body, c);
                    else want_escape = 1;
                } else if (c == d->escapechar) want_escape = 1;
                if (!want_escape) quoted = 1;
            }
            if (want_escape) {
                if (d->escapechar == CSV_NOT_SET) {
                    sb_free(&body);
                    err_format(CSV_ERROR, "need to escape, but no escapechar set");
                    return -1;
                }
                rc |= sb_put_codepoint(&body, d->escapechar);
            }
        }
        rc |= sb_put(&body, (const char *)p, (size_t)n);
        p += n;
    }
    if (!first) rc |= sb_put_codepoint(line, d->delimiter);
    if (quoted) rc |= sb_put_codepoint(line, d->quotechar);
    rc |= sb_put(line, body.data ? body.data : "", body.len);
    if (quoted) rc |= sb_put_codepoint(line, d->quotechar);
    sb_free(&body);
    return rc ? -1 : 0;
}

static Value writer_writerow_m(Value *args, int nargs, Value kwnames) {
    Writer *w = AS_WRITER(args[0]);
    Dialect *d = AS_DIALECT(w->dialect);
    Value it = obj_iter(args[1]);
    if (IS_NULL(it)) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_format(CSV_ERROR, "iterable expected, not %T", args[1]);
        }
        return VAL_NULL;
    }
    StrBuf line; sb_init(&line);
    int64_t nfields = 0;
    for (;;) {
        Value field = obj_next(it);
        if (IS_NULL(field)) {
            if (err_occurred()) goto fail;
            break;
        }
        int quoted = d->quoting == QUOTE_ALL || (d->quoting == QUOTE_NONNUMERIC && !obj_is_number(field));
        Value text = IS_STR(field) ? field : field == VAL_NONE ? VAL_NULL : obj_str(field);
        if (!IS_STR(field) && field != VAL_NONE && IS_NULL(text)) goto fail;
        if (writer_field(d, &line, text, nfields == 0, quoted) < 0) goto fail;
        nfields++;
    }
    if (nfields == 1 && line.len == 0) {              /* a lone empty field must be quoted */
        if (d->quoting == QUOTE_NONE) {
            err_format(CSV_ERROR, "single empty field record must be quoted");
            goto fail;
        }
        if (writer_field(d, &line, VAL_NULL, 1, 1) < 0) goto fail;
    }
    if (sb_put_value_str(&line, d->lineterminator) < 0) goto fail;
    Value s = sb_finish_str(&line);
    return IS_NULL(s) ? s : call1(w->write, s);
fail:
    sb_free(&line);
    return VAL_NULL;
}

static Value writer_writerows_m(Value *args, int nargs, Value kwnames) {
    Value it = obj_iter(args[1]);
    if (IS_NULL(it)) return VAL_NULL;
    for (;;) {
        Value row = obj_next(it);
        if (IS_NULL(row)) return err_occurred() ? VAL_NULL : VAL_NONE;
        Value wargs[2] = {args[0], row};
        if (IS_NULL(writer_writerow_m(wargs, 2, VAL_NULL))) return VAL_NULL;
    }
}

static Value writer_get_dialect(Value s) { return AS_WRITER(s)->dialect; }

static const GetSetDef writer_getsets[] = {
    {"dialect", writer_get_dialect, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef writer_methods[] = {
    {"writerow", writer_writerow_m, ARGS_ONE, "writerow(iterable)\n\nConstruct and write a CSV record "
     "from an iterable of fields.  Non-string\nelements will be converted to string."},
    {"writerows", writer_writerows_m, ARGS_ONE, "writerows(iterable of iterables)\n\nConstruct and write "
     "a series of iterables to a csv file.  Non-string\nelements will be converted to string."},
    {NULL, NULL, 0, NULL},
};

Type type_csv_writer = {
    .tp_name = "_csv.writer", .base = &type_object, .flags = TF_ABSTRACT,
    .basicsize = sizeof(Writer), .trace = writer_trace,
    .methods = writer_methods, .getsets = writer_getsets,
};
GILPY_TYPE(type_csv_writer, NULL);

static Value csv_writer_fn(Value *args, int nargs, Value kwnames) {
    int npos = nargs;                       /* keyword values follow the positional ones */
    Value dialect;
    if (unpack_file_dialect(npos, args, &dialect) < 0) return VAL_NULL;
    Writer *w = (Writer *)gc_alloc(&type_csv_writer, sizeof(Writer));
    if (!w) return VAL_NULL;
    w->write = w->dialect = VAL_NULL;
    Value write = obj_getattr_opt(args[0], str_intern_c("write"));
    if (IS_NULL(write) && err_occurred()) return VAL_NULL;
    if (IS_NULL(write) || !call_is_callable(write))
        return err_format(&exc_TypeError, "argument 1 must have a \"write\" method");
    w->write = write;
    w->dialect = dialect_call(dialect, args + npos, kwnames);
    return IS_NULL(w->dialect) ? VAL_NULL : MK_OBJ(w);
}

/* ---- the registry and the limit ----------------------------------------------------------- */

static Value csv_register_dialect(Value *args, int nargs, Value kwnames) {
    int npos = nargs;                       /* keyword values follow the positional ones */
    Value dialect;
    if (unpack_file_dialect(npos, args, &dialect) < 0) return VAL_NULL;
    if (!IS_STR(args[0])) return err_format(&exc_TypeError, "dialect name must be a string");
    Value d = dialect_call(dialect, args + npos, kwnames);
    if (IS_NULL(d) || dict_set(csv_dialects, args[0], d) < 0) return VAL_NULL;
    return VAL_NONE;
}

static Value csv_unregister_dialect(Value *args, int nargs, Value kwnames) {
    Value d = dialect_from_registry(args[0]);
    if (IS_NULL(d)) return VAL_NULL;
    return dict_del(csv_dialects, args[0]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value csv_get_dialect(Value *args, int nargs, Value kwnames) { return dialect_from_registry(args[0]); }

static Value csv_list_dialects(Value *args, int nargs, Value kwnames) { return seq_to_list(csv_dialects); }

static Value csv_field_size_limit(Value *args, int nargs, Value kwnames) {
    int64_t old = csv_field_limit;
    if (!IS_NULL(args[0])) {
        if (!IS_SMALLINT(args[0]) && !IS_EXACT(args[0], type_int)) return err_format(&exc_TypeError, "limit must be an integer");
        int64_t n;
        if (int_to_i64(args[0], &n) < 0) return VAL_NULL;
        csv_field_limit = n;
    }
    return int_from_i64(old);
}

static const MethodDef mod_csv_functions[] = {
    {"reader", csv_reader_fn, ARGS_ANY, "    csv_reader = reader(iterable [, dialect='excel']\n"
     "                        [optional keyword args])\n    for row in csv_reader:\n        process(row)\n\n"
     "The \"iterable\" argument can be any object that returns a line\nof input for each iteration, such as "
     "a file object or a list.  The\noptional \"dialect\" parameter is discussed below.  The function\nalso "
     "accepts optional keyword arguments which override settings\nprovided by the dialect.\n\nThe returned "
     "object is an iterator.  Each iteration returns a row\nof the CSV file (which can span multiple input "
     "lines).\n"},
    {"writer", csv_writer_fn, ARGS_ANY, "    csv_writer = csv.writer(fileobj [, dialect='excel']\n"
     "                            [optional keyword args])\n    for row in sequence:\n        "
     "csv_writer.writerow(row)\n\n    [or]\n\n    csv_writer = csv.writer(fileobj [, dialect='excel']\n"
     "                            [optional keyword args])\n    csv_writer.writerows(rows)\n\nThe \"fileobj\" "
     "argument can be any object that supports the file API.\n"},
    {"register_dialect", csv_register_dialect, ARGS_ANY, "Create a mapping from a string name to a dialect "
     "class.\n    dialect = csv.register_dialect(name[, dialect[, **fmtparams]])"},
    {"unregister_dialect", csv_unregister_dialect, ARGS_KW, "Delete the name/dialect mapping associated "
     "with a string name.\n    csv.unregister_dialect(name)", "($module, /, name)"},
    {"get_dialect", csv_get_dialect, ARGS_KW, "Return the dialect instance associated with name.\n    "
     "dialect = csv.get_dialect(name)", "($module, /, name)"},
    {"list_dialects", csv_list_dialects, ARGS_NONE, "Return a list of all know dialect names.\n    "
     "names = csv.list_dialects()"},
    {"field_size_limit", csv_field_size_limit, ARGS_KW, "Sets an upper limit on parsed fields.\n\n    "
     "csv.field_size_limit([limit])\n\nReturns old limit. If limit is not given, no new limit is set and\n"
     "the old limit is returned", "($module, /, new_limit=<unrepresentable>)"},
    {NULL, NULL, 0, NULL},
};

#define CSV_DOC "CSV parsing and writing.\n\nThis module provides classes that assist in the reading and " \
    "writing\nof Comma Separated Value (CSV) files, and implements the interface\ndescribed by PEP 305.  " \
    "Although many CSV files are simple to parse,\nthe format is not formally defined by a stable " \
    "specification and\nis subtle enough that parsing lines of a CSV file with something\nlike " \
    "line.split(\",\") is bound to fail.  The module supports three\nbasic APIs: reading, writing, and " \
    "registration of dialects.\n"

Value mod_csv_init(void) {
    Value m = module_new_c("_csv");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    if (IS_NULL(csv_error)) {
        gc_add_root(&csv_error);
        gc_add_root(&csv_dialects);
        csv_dialects = dict_new();
        csv_error = exc_new_class("_csv", "Error", &exc_Exception);
        if (IS_NULL(csv_dialects) || IS_NULL(csv_error)) return VAL_NULL;
    }
    dict_add_methods(d, mod_csv_functions, m);
    if (dict_set_c(type_csv_dialect.dict, "__doc__",
                   str_from_c("CSV dialect\n\nThe Dialect type records CSV parsing and generation options.\n")) < 0)
        return VAL_NULL;
    static const struct { const char *name; int value; } consts[] = {
        {"QUOTE_MINIMAL", QUOTE_MINIMAL}, {"QUOTE_ALL", QUOTE_ALL},
        {"QUOTE_NONNUMERIC", QUOTE_NONNUMERIC}, {"QUOTE_NONE", QUOTE_NONE},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (dict_set_c(d, consts[i].name, MK_SMALLINT(consts[i].value)) < 0) return VAL_NULL;
    if (err_occurred() || dict_set_c(d, "__doc__", str_from_c(CSV_DOC)) < 0
        || dict_set_c(d, "__version__", str_from_c("1.0")) < 0
        || dict_set_c(d, "Error", csv_error) < 0 || dict_set_c(d, "_dialects", csv_dialects) < 0
        || dict_set_c(d, "Dialect", MK_OBJ(&type_csv_dialect)) < 0
        || dict_set_c(d, "Reader", MK_OBJ(&type_csv_reader)) < 0
        || dict_set_c(d, "Writer", MK_OBJ(&type_csv_writer)) < 0)
        return VAL_NULL;
    return m;
}
