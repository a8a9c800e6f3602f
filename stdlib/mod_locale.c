/* mod_locale.c - the `_locale` module: the C library's locales under
 * CPython's names (setlocale, localeconv, nl_langinfo, strcoll, strxfrm,
 * getencoding, the gettext family), which CPython's locale.py builds on.
 *
 * LC_NUMERIC.  gilpy formats and parses floats with the C library's printf
 * and strtod, which follow LC_NUMERIC: a program's setlocale(LC_NUMERIC,
 * "de_DE") must not turn repr(1.5) into "1,5".  So the C library's own
 * LC_NUMERIC stays "C"; the locale the program chose is remembered here
 * (locale_numeric) and put in place only for the moment localeconv() or a
 * numeric nl_langinfo() asks it, with the GIL held, and answered to
 * setlocale queries, LC_ALL's included.  CPython, whose float code uses no
 * locale, sets it for real; what a program observes is the same.
 */
#include <errno.h>
#include <langinfo.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/strbuf.h"
#include "interp/modreg.h"

GILPY_MODULE("_locale", mod_locale_init);

static Value locale_error = VAL_NULL;          /* locale.Error */
static char locale_numeric[256] = "C";         /* the LC_NUMERIC the program set */

/* A C string of the C library in the locale's encoding, as a str (undecodable
 * bytes as surrogate escapes, CPython's PyUnicode_DecodeLocale). */
static Value locale_str(const char *s) { return str_fsdecode(s, strlen(s)); }

/* ---- setlocale ----------------------------------------------------------------------------- */

/* The program's LC_NUMERIC in place, and the C library's "C" back; code in
 * between formats no floats. */
static void locale_numeric_on(void) { setlocale(LC_NUMERIC, locale_numeric); }
static void locale_numeric_off(void) { setlocale(LC_NUMERIC, "C"); }

static Value locale_query(int category) {
    const char *r;
    char buf[1024];
    if (category == LC_NUMERIC) r = locale_numeric;
    else if (category == LC_ALL) {
        locale_numeric_on();
        r = setlocale(LC_ALL, NULL);
        if (r) r = snprintf(buf, sizeof buf, "%s", r) < (int)sizeof buf ? buf : NULL;
        locale_numeric_off();
    } else r = setlocale(category, NULL);
    if (!r) return err_set_value((Type *)AS_OBJ(locale_error), str_from_c("locale query failed"));
    return locale_str(r);
}

/* setlocale(category, locale=None) */
static Value locale_setlocale(Value *args, int nargs, Value kwnames) {
    int category;
    if (arg_to_cint(args[0], &category) < 0) return VAL_NULL;
    if (IS_NULL(args[1]) || IS_NONE(args[1])) return locale_query(category);
    if (!IS_STR(args[1]))
        return err_format(&exc_TypeError, "setlocale() argument 2 must be str or None, not %T", args[1]);
    if (memchr(STR_DATA(args[1]), 0, (size_t)STR_LEN(args[1])))
        return err_format(&exc_ValueError, "embedded null character");
    const char *r;
    char buf[1024];
    if (category == LC_NUMERIC || category == LC_ALL) {
        locale_numeric_on();
        r = setlocale(category, STR_DATA(args[1]));
        if (r) {
            snprintf(buf, sizeof buf, "%s", r);
            r = buf;
            snprintf(locale_numeric, sizeof locale_numeric, "%s", setlocale(LC_NUMERIC, NULL));
        }
        locale_numeric_off();
    } else {
        r = setlocale(category, STR_DATA(args[1]));
    }
    if (!r) return err_set_value((Type *)AS_OBJ(locale_error), str_from_c("unsupported locale setting"));
    return locale_str(r);
}

/* ---- localeconv ---------------------------------------------------------------------------- */

/* CPython's grouping list: the sizes up to and including the 0 or CHAR_MAX
 * that ends them; [] for none. */
static Value locale_grouping(const char *s) {
    Value l = list_new(0);
    if (IS_NULL(l) || !s[0]) return l;
    int i = -1;
    do {
        i++;
        if (list_append(l, MK_SMALLINT((signed char)s[i])) < 0) return VAL_NULL;
    } while (s[i] != '\0' && s[i] != CHAR_MAX);
    return l;
}

static void locale_put(Value d, const char *key, Value v) {
    if (!IS_NULL(v) && !err_occurred()) dict_set_c(d, key, v);
}

static Value locale_localeconv(Value *args, int nargs, Value kwnames) {
    Value d = dict_new();
    if (IS_NULL(d)) return VAL_NULL;
    locale_numeric_on();
    const struct lconv *lc = localeconv();
    locale_put(d, "int_curr_symbol", locale_str(lc->int_curr_symbol));
    locale_put(d, "currency_symbol", locale_str(lc->currency_symbol));
    locale_put(d, "mon_decimal_point", locale_str(lc->mon_decimal_point));
    locale_put(d, "mon_thousands_sep", locale_str(lc->mon_thousands_sep));
    locale_put(d, "mon_grouping", locale_grouping(lc->mon_grouping));
    locale_put(d, "positive_sign", locale_str(lc->positive_sign));
    locale_put(d, "negative_sign", locale_str(lc->negative_sign));
    locale_put(d, "int_frac_digits", MK_SMALLINT(lc->int_frac_digits));
    locale_put(d, "frac_digits", MK_SMALLINT(lc->frac_digits));
    locale_put(d, "p_cs_precedes", MK_SMALLINT(lc->p_cs_precedes));
    locale_put(d, "p_sep_by_space", MK_SMALLINT(lc->p_sep_by_space));
    locale_put(d, "n_cs_precedes", MK_SMALLINT(lc->n_cs_precedes));
    locale_put(d, "n_sep_by_space", MK_SMALLINT(lc->n_sep_by_space));
    locale_put(d, "p_sign_posn", MK_SMALLINT(lc->p_sign_posn));
    locale_put(d, "n_sign_posn", MK_SMALLINT(lc->n_sign_posn));
    locale_put(d, "decimal_point", locale_str(lc->decimal_point));
    locale_put(d, "thousands_sep", locale_str(lc->thousands_sep));
    locale_put(d, "grouping", locale_grouping(lc->grouping));
    locale_numeric_off();
    return err_occurred() ? VAL_NULL : d;
}

/* ---- nl_langinfo --------------------------------------------------------------------------- */

typedef struct { const char *name; nl_item item; } LocaleItem;

static const LocaleItem locale_items[] = {
    {"CODESET", CODESET}, {"D_T_FMT", D_T_FMT}, {"D_FMT", D_FMT}, {"T_FMT", T_FMT},
    {"T_FMT_AMPM", T_FMT_AMPM}, {"AM_STR", AM_STR}, {"PM_STR", PM_STR},
    {"DAY_1", DAY_1}, {"DAY_2", DAY_2}, {"DAY_3", DAY_3}, {"DAY_4", DAY_4}, {"DAY_5", DAY_5},
    {"DAY_6", DAY_6}, {"DAY_7", DAY_7},
    {"ABDAY_1", ABDAY_1}, {"ABDAY_2", ABDAY_2}, {"ABDAY_3", ABDAY_3}, {"ABDAY_4", ABDAY_4},
    {"ABDAY_5", ABDAY_5}, {"ABDAY_6", ABDAY_6}, {"ABDAY_7", ABDAY_7},
    {"MON_1", MON_1}, {"MON_2", MON_2}, {"MON_3", MON_3}, {"MON_4", MON_4}, {"MON_5", MON_5},
    {"MON_6", MON_6}, {"MON_7", MON_7}, {"MON_8", MON_8}, {"MON_9", MON_9}, {"MON_10", MON_10},
    {"MON_11", MON_11}, {"MON_12", MON_12},
    {"ABMON_1", ABMON_1}, {"ABMON_2", ABMON_2}, {"ABMON_3", ABMON_3}, {"ABMON_4", ABMON_4},
    {"ABMON_5", ABMON_5}, {"ABMON_6", ABMON_6}, {"ABMON_7", ABMON_7}, {"ABMON_8", ABMON_8},
    {"ABMON_9", ABMON_9}, {"ABMON_10", ABMON_10}, {"ABMON_11", ABMON_11}, {"ABMON_12", ABMON_12},
    {"RADIXCHAR", RADIXCHAR}, {"THOUSEP", THOUSEP}, {"YESEXPR", YESEXPR}, {"NOEXPR", NOEXPR},
    {"CRNCYSTR", CRNCYSTR}, {"ERA", ERA}, {"ERA_D_T_FMT", ERA_D_T_FMT}, {"ERA_D_FMT", ERA_D_FMT},
    {"ERA_T_FMT", ERA_T_FMT}, {"ALT_DIGITS", ALT_DIGITS}, {"_DATE_FMT", _DATE_FMT},
    {NULL, 0},
};

static Value locale_nl_langinfo(Value *args, int nargs, Value kwnames) {
    int key;
    if (arg_to_cint(args[0], &key) < 0) return VAL_NULL;
    for (const LocaleItem *it = locale_items; it->name; it++) {
        if ((int)it->item != key) continue;
        int numeric = key == RADIXCHAR || key == THOUSEP;
        if (numeric) locale_numeric_on();
        Value r = locale_str(nl_langinfo(it->item));
        if (numeric) locale_numeric_off();
        return r;
    }
    return err_format(&exc_ValueError, "unsupported langinfo constant");
}

/* ---- collation ----------------------------------------------------------------------------- */

/* s as a malloc'd wide string; NULL with ValueError for an embedded NUL. */
static wchar_t *locale_wide(Value s, const char *fname, int argn) {
    if (!IS_STR(s)) {
        if (argn) err_format(&exc_TypeError, "%s() argument %d must be str, not %T", fname, argn, s);
        else err_format(&exc_TypeError, "%s() argument must be str, not %T", fname, s);
        return NULL;
    }
    if (memchr(STR_DATA(s), 0, (size_t)STR_LEN(s))) {
        err_format(&exc_ValueError, "embedded null character");
        return NULL;
    }
    int64_t n = AS_STR(s)->nchars;
    wchar_t *w = malloc((size_t)(n + 1) * sizeof(wchar_t));
    if (!w) { err_no_memory(); return NULL; }
    const unsigned char *p = (const unsigned char *)STR_DATA(s);
    for (int64_t i = 0; i < n; i++) {
        uint32_t c;
        p += utf8_dec(p, &c);
        w[i] = (wchar_t)c;
    }
    w[n] = 0;
    return w;
}

static Value locale_strcoll(Value *args, int nargs, Value kwnames) {
    wchar_t *a = locale_wide(args[0], "strcoll", 1);
    wchar_t *b = a ? locale_wide(args[1], "strcoll", 2) : NULL;
    Value r = b ? MK_SMALLINT(wcscoll(a, b)) : VAL_NULL;
    free(a);
    free(b);
    return r;
}

static Value locale_strxfrm(Value *args, int nargs, Value kwnames) {
    wchar_t *s = locale_wide(args[0], "strxfrm", 0);
    if (!s) return VAL_NULL;
    size_t n = wcsxfrm(NULL, s, 0) + 1;
    wchar_t *out = malloc(n * sizeof(wchar_t));
    if (!out) { free(s); return err_no_memory(); }
    wcsxfrm(out, s, n);
    StrBuf sb;
    sb_init(&sb);
    int rc = 0;
    for (size_t i = 0; out[i]; i++) rc |= sb_put_codepoint(&sb, (uint32_t)out[i]);
    free(s);
    free(out);
    if (rc) { sb_free(&sb); return VAL_NULL; }
    return sb_finish_str(&sb);
}

static Value locale_getencoding(Value *args, int nargs, Value kwnames) {
    const char *e = nl_langinfo(CODESET);
    return str_from_c(e && e[0] ? e : "UTF-8");
}

/* ---- gettext ------------------------------------------------------------------------------- */

/* A str argument as a C string, None as NULL when allowed. */
static int locale_cstr(Value v, int none_ok, const char **out) {
    if (none_ok && (IS_NULL(v) || IS_NONE(v))) { *out = NULL; return 0; }
    if (!IS_STR(v)) { err_format(&exc_TypeError, "expected str, not %T", v); return -1; }
    *out = STR_DATA(v);
    return 0;
}

static Value locale_gettext(Value *args, int nargs, Value kwnames) {
    const char *m;
    return locale_cstr(args[0], 0, &m) < 0 ? VAL_NULL : locale_str(gettext(m));
}

static Value locale_dgettext(Value *args, int nargs, Value kwnames) {
    const char *d, *m;
    if (locale_cstr(args[0], 1, &d) < 0 || locale_cstr(args[1], 0, &m) < 0) return VAL_NULL;
    return locale_str(dgettext(d, m));
}

static Value locale_dcgettext(Value *args, int nargs, Value kwnames) {
    const char *d, *m;
    int cat;
    if (locale_cstr(args[0], 1, &d) < 0 || locale_cstr(args[1], 0, &m) < 0 || arg_to_cint(args[2], &cat) < 0)
        return VAL_NULL;
    return locale_str(dcgettext(d, m, cat));
}

static Value locale_textdomain(Value *args, int nargs, Value kwnames) {
    const char *d;
    if (locale_cstr(args[0], 1, &d) < 0) return VAL_NULL;
    const char *r = textdomain(d);
    return r ? locale_str(r) : err_from_errno(&exc_OSError, VAL_NULL);
}

static Value locale_bindtextdomain(Value *args, int nargs, Value kwnames) {
    const char *d, *dir;
    if (locale_cstr(args[0], 0, &d) < 0 || locale_cstr(args[1], 1, &dir) < 0) return VAL_NULL;
    if (!d[0]) return err_format(&exc_ValueError, "empty string");
    const char *r = bindtextdomain(d, dir);
    return r ? locale_str(r) : err_from_errno(&exc_OSError, VAL_NULL);
}

static Value locale_bind_textdomain_codeset(Value *args, int nargs, Value kwnames) {
    const char *d, *c;
    if (locale_cstr(args[0], 0, &d) < 0 || locale_cstr(args[1], 1, &c) < 0) return VAL_NULL;
    const char *r = bind_textdomain_codeset(d, c);
    if (r) return locale_str(r);
    return errno ? err_from_errno(&exc_OSError, VAL_NULL) : VAL_NONE;
}

/* ---- the module ---------------------------------------------------------------------------- */

static const MethodDef locale_functions[] = {
    {"setlocale", locale_setlocale, ARGS_POS(1, 2), "Activates/queries locale processing.", NULL},
    {"localeconv", locale_localeconv, ARGS_NONE, "Returns numeric and monetary locale-specific parameters.", NULL},
    {"nl_langinfo", locale_nl_langinfo, ARGS_ONE, "Return the value for the locale information associated with key.",
     "($module, key, /)"},
    {"strcoll", locale_strcoll, ARGS_POS(2, 2), "Compares two strings according to the locale.",
     "($module, os1, os2, /)"},
    {"strxfrm", locale_strxfrm, ARGS_ONE, "Return a string that can be used as a key for locale-aware comparisons.",
     "($module, string, /)"},
    {"getencoding", locale_getencoding, ARGS_NONE, "Get the current locale encoding.", "($module, /)"},
    {"gettext", locale_gettext, ARGS_ONE, "Return translation of msg.", "($module, msg, /)"},
    {"dgettext", locale_dgettext, ARGS_POS(2, 2), "Return translation of msg in domain.",
     "($module, domain, msg, /)"},
    {"dcgettext", locale_dcgettext, ARGS_POS(3, 3), "Return translation of msg in domain and category.",
     "($module, domain, msg, category, /)"},
    {"textdomain", locale_textdomain, ARGS_ONE, "Set the C library's textdmain to domain, returning the new domain.",
     "($module, domain, /)"},
    {"bindtextdomain", locale_bindtextdomain, ARGS_POS(2, 2), "Bind the C library's domain to dir.",
     "($module, domain, dir, /)"},
    {"bind_textdomain_codeset", locale_bind_textdomain_codeset, ARGS_POS(2, 2),
     "Bind the C library's domain to codeset.", "($module, domain, codeset, /)"},
    {NULL, NULL, 0, NULL},
};

Value mod_locale_init(void) {
    Value m = module_new_c("_locale");
    if (IS_NULL(m)) return VAL_NULL;
    if (IS_NULL(locale_error)) {
        gc_add_root(&locale_error);
        locale_error = exc_new_class("locale", "Error", &exc_Exception);
        if (IS_NULL(locale_error)) return VAL_NULL;
    }
    Value d = MODULE_DICT(m);
    dict_add_methods(d, locale_functions, m);
    static const IntConst consts[] = {
        {"LC_CTYPE", LC_CTYPE}, {"LC_COLLATE", LC_COLLATE}, {"LC_TIME", LC_TIME},
        {"LC_MONETARY", LC_MONETARY}, {"LC_NUMERIC", LC_NUMERIC}, {"LC_ALL", LC_ALL},
        {"LC_MESSAGES", LC_MESSAGES}, {"CHAR_MAX", CHAR_MAX}, {NULL, 0}};
    dict_add_int_constants(d, consts);
    for (const LocaleItem *it = locale_items; it->name; it++) dict_set_c(d, it->name, MK_SMALLINT((int)it->item));
    dict_set_c(d, "Error", locale_error);
    dict_set_c(d, "__doc__", str_from_c("Support for POSIX locales."));
    return err_occurred() ? VAL_NULL : m;
}
