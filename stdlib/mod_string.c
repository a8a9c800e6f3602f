/* mod_string.c - the `_string` module that CPython's string.py imports:
 * formatter_parser and formatter_field_name_split, the halves of str.format's
 * parsing that string.Formatter exposes (CPython's unicode_format.h).
 *
 * Both return lazy iterators, as CPython's do, so a malformed format string
 * raises while it is iterated, after the items before the error were given.
 * formatter_parser yields (literal, field_name, format_spec, conversion); an
 * escaped brace ends a literal chunk with that brace ("a{{b" gives "a{" then
 * "b"). The field itself is parsed by str.format's own parser
 * (str_fmt_parse_field in runtime/obj_str.c). formatter_field_name_split
 * splits "0.attr[key]" into its first part (an int when it is all digits) and
 * an iterator of (is_attribute, name_or_index). Strings are UTF-8, so
 * positions are byte offsets and every delimiter is ASCII. */
#include <string.h>

#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/unicode_db.h"
#include "interp/modreg.h"

GILPY_MODULE("_string", mod_string_init);

/* One iterator type for both functions: the string and where parsing stands. */
typedef struct StrParseIter {
    Obj   header;
    Value str;
    size_t pos;
} StrParseIter;

#define SPI(v) ((StrParseIter *)AS_OBJ(v))

static void spi_trace(Obj *o) { gc_mark_value(((StrParseIter *)o)->str); }

static Value spi_new(Type *t, Value str, size_t pos) {
    StrParseIter *it = (StrParseIter *)gc_alloc(t, sizeof(StrParseIter));
    if (!it) return VAL_NULL;
    it->str = str;
    it->pos = pos;
    return MK_OBJ(it);
}

static Value spi_iter_m(Value *args, int nargs, Value kwnames) { return args[0]; }

/* CPython's get_integer: the decimal value of s[0..n), -1 when empty or not all
 * digits (Unicode decimals count), ValueError past Py_ssize_t. */
static int64_t str_get_integer(const char *s, size_t n, int *err) {
    int64_t acc = 0;
    *err = 0;
    if (n == 0) return -1;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)utf8_dec((const unsigned char *)s + i, &cp);
        int d = unicode_db_decimal(cp);
        if (d < 0) return -1;
        if (acc > (INT64_MAX - d) / 10) {
            err_format(&exc_ValueError, "Too many decimal digits in format string");
            *err = 1;
            return -1;
        }
        acc = acc * 10 + d;
    }
    return acc;
}

/* A name or index: an int when it is all digits, else the text. */
static Value str_name_or_index(const char *s, size_t n) {
    int err;
    int64_t idx = str_get_integer(s, n, &err);
    if (err) return VAL_NULL;
    return idx >= 0 ? MK_SMALLINT(idx) : str_new(s, n);
}

/* ---- formatter_parser -------------------------------------------------------------- */

static Type type_formatteriterator;

static Value fp_opt_str(const char *s, size_t n, int present) {
    return present ? str_new(s, n) : VAL_NONE;
}

/* CPython's MarkupIterator_next. */
static Value fp_next_m(Value *args, int nargs, Value kwnames) {
    StrParseIter *it = SPI(args[0]);
    const char *f = STR_DATA(it->str);
    size_t len = (size_t)STR_LEN(it->str), start = it->pos, i = it->pos;
    if (i >= len) return VAL_NULL;
    char c = 0;
    int markup = 0;
    while (i < len) {
        c = f[i++];
        if (c == '{' || c == '}') { markup = 1; break; }
    }
    int at_end = i >= len;
    size_t lit_len = i - start;
    if (c == '}' && markup && (at_end || f[i] != '}'))
        return err_format(&exc_ValueError, "Single '}' encountered in format string");
    if (at_end && markup && c == '{')
        return err_format(&exc_ValueError, "Single '{' encountered in format string");
    if (markup && !at_end) {
        if (f[i] == c) { i++; markup = 0; }      /* {{ or }}: the literal keeps one */
        else lit_len--;
    }
    FmtField fld = {0};
    if (markup) {
        if (str_fmt_parse_field(f, len, &i, &fld) < 0) return VAL_NULL;
    }
    it->pos = i;
    Value lit = str_new(f + start, lit_len);
    Value name = fp_opt_str(fld.name, fld.name_len, markup);
    Value spec = fp_opt_str(fld.spec ? fld.spec : "", fld.spec_len, markup);
    Value conv = fld.conv ? str_from_codepoint(fld.conv) : VAL_NONE;
    if (IS_NULL(lit) || IS_NULL(name) || IS_NULL(spec) || IS_NULL(conv)) return VAL_NULL;
    return tuple_pack(4, lit, name, spec, conv);
}

static const MethodDef fp_methods[] = {
    {"__iter__", spi_iter_m, ARGS_WRAP(0), NULL},
    {"__next__", fp_next_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};
static Type type_formatteriterator = {
    .tp_name = "formatteriterator", .base = &type_object,
    .basicsize = sizeof(StrParseIter), .trace = spi_trace, .methods = fp_methods,
};
GILPY_TYPE(type_formatteriterator, NULL);

static int str_arg_check(Value s) {
    if (IS_STR(s)) return 0;
    err_format(&exc_TypeError, "expected str, got %s", val_type_name(s));
    return -1;
}

static Value mod_formatter_parser(Value *args, int nargs, Value kwnames) {
    if (str_arg_check(args[0]) < 0) return VAL_NULL;
    return spi_new(&type_formatteriterator, args[0], 0);
}

/* ---- formatter_field_name_split ---------------------------------------------------- */

static Type type_fieldnameiterator;

/* CPython's FieldNameIterator_next: .name or [key]. */
static Value fn_next_m(Value *args, int nargs, Value kwnames) {
    StrParseIter *it = SPI(args[0]);
    const char *f = STR_DATA(it->str);
    size_t len = (size_t)STR_LEN(it->str), i = it->pos;
    if (i >= len) return VAL_NULL;
    char c = f[i++];
    size_t start = i, end;
    int is_attr = c == '.';
    if (is_attr) {
        while (i < len && f[i] != '.' && f[i] != '[') i++;
        end = i;
    } else if (c == '[') {
        while (i < len && f[i] != ']') i++;
        if (i >= len) return err_format(&exc_ValueError, "Missing ']' in format string");
        end = i++;
    } else {
        return err_format(&exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    }
    it->pos = i;
    if (end == start) return err_format(&exc_ValueError, "Empty attribute in format string");
    Value name = is_attr ? str_new(f + start, end - start) : str_name_or_index(f + start, end - start);
    return IS_NULL(name) ? VAL_NULL : tuple_pack(2, MK_BOOL(is_attr), name);
}

static const MethodDef fn_methods[] = {
    {"__iter__", spi_iter_m, ARGS_WRAP(0), NULL},
    {"__next__", fn_next_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};
static Type type_fieldnameiterator = {
    .tp_name = "fieldnameiterator", .base = &type_object,
    .basicsize = sizeof(StrParseIter), .trace = spi_trace, .methods = fn_methods,
};
GILPY_TYPE(type_fieldnameiterator, NULL);

static Value mod_formatter_field_name_split(Value *args, int nargs, Value kwnames) {
    if (str_arg_check(args[0]) < 0) return VAL_NULL;
    const char *f = STR_DATA(args[0]);
    size_t len = (size_t)STR_LEN(args[0]), k = 0;
    while (k < len && f[k] != '.' && f[k] != '[') k++;
    Value first = str_name_or_index(f, k);
    Value rest = IS_NULL(first) ? VAL_NULL : spi_new(&type_fieldnameiterator, args[0], k);
    return IS_NULL(rest) ? VAL_NULL : tuple_pack(2, first, rest);
}

static const MethodDef mod_string_functions[] = {
    {"formatter_parser", mod_formatter_parser, ARGS_ONE, "parse the argument as a format string"},
    {"formatter_field_name_split", mod_formatter_field_name_split, ARGS_ONE,
     "split the argument as a field name"},
    {NULL, NULL, 0, NULL},
};

Value mod_string_init(void) {
    Value m = module_new_c("_string");
    if (IS_NULL(m)) return VAL_NULL;
    if (dict_set_c(MODULE_DICT(m), "__doc__", str_from_c("string helper module")) < 0) return VAL_NULL;
    dict_add_methods(MODULE_DICT(m), mod_string_functions, m);
    return err_occurred() ? VAL_NULL : m;
}
