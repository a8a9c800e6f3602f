/* mod_unicodedata.c - the `unicodedata` module: the Unicode Character
 * Database of Unicode 14.0 (CPython 3.11's version) and normalization.
 *
 * The properties, decompositions and compositions are runtime/unicode_db.c's
 * (tables generated at build time from Debian's unicode-data files), the
 * names runtime/unicode_names.c's, the table \N{...} uses, plus the named
 * sequences lookup() also accepts.
 *
 * Normalization is runtime/unicode_norm.c's (the parser normalizes
 * identifiers with it too).  is_normalized(form, s) is normalize(form, s) == s, which is what CPython's
 * quick check answers. */
#include <stdlib.h>
#include <string.h>
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_float.h"
#include "runtime/obj_int.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/strbuf.h"
#include "runtime/unicode_db.h"
#include "runtime/unicode_names.h"
#include "runtime/unicode_norm.h"
#include "interp/modreg.h"

GILPY_MODULE("unicodedata", mod_unicodedata_init);

/* ---- arguments ----------------------------------------------------------------------- */

/* A str of one character; `argn` 0 words the message for a one-argument
 * function ("argument"), else "argument 1". */
static int chr_arg(Value v, const char *fname, int argn, uint32_t *cp) {
    if (!IS_STR(v) || AS_STR(v)->nchars != 1) {
        err_format(&exc_TypeError, "%s() argument%s must be a unicode character, not %N", fname,
                   argn ? " 1" : "", v);
        return -1;
    }
    *cp = str_char_at(v, 0);
    return 0;
}

#define CHR1(fname) uint32_t cp; if (chr_arg(args[0], fname, 0, &cp) < 0) return VAL_NULL
#define CHR2(fname) uint32_t cp; if (chr_arg(args[0], fname, 1, &cp) < 0) return VAL_NULL

/* A code point no Unicode version assigns (U+0378). */
#define UD_UNASSIGNED 0x0378

/* ---- properties ---------------------------------------------------------------------- */

static Value ud_value_or_default(Value v, Value dflt, const char *msg) {
    if (!IS_NULL(v)) return v;
    return IS_NULL(dflt) ? err_format(&exc_ValueError, "%s", msg) : dflt;
}

/* The properties in the database a call reads: for ucd_3_2_0, a character
 * Unicode 3.2 did not assign has those of an unassigned one. */
static void ud_props(int v32, uint32_t cp, UnicodeProps *p) {
    unicode_db_props(v32 && !unicode_db_assigned_3_2(cp) ? UD_UNASSIGNED : cp, p);
}

#define PROPS(fname) CHR1(fname); UnicodeProps p; ud_props(v32, cp, &p)
#define PROPS2(fname) CHR2(fname); UnicodeProps p; ud_props(v32, cp, &p)

static Value ud_decimal_in(int v32, Value *args) {
    PROPS2("decimal");
    return ud_value_or_default(p.decimal < 0 ? VAL_NULL : MK_SMALLINT(p.decimal), args[1], "not a decimal");
}

static Value ud_digit_in(int v32, Value *args) {
    PROPS2("digit");
    return ud_value_or_default(p.digit < 0 ? VAL_NULL : MK_SMALLINT(p.digit), args[1], "not a digit");
}

static Value ud_numeric_in(int v32, Value *args) {
    PROPS2("numeric");
    return ud_value_or_default(p.has_numeric ? MK_FLOAT(p.numeric) : VAL_NULL, args[1], "not a numeric character");
}

static Value ud_category_in(int v32, Value *args) { PROPS("category"); return str_from_c(p.category); }
static Value ud_bidirectional_in(int v32, Value *args) {
    PROPS("bidirectional");
    return str_from_c(p.bidirectional);
}
static Value ud_combining_in(int v32, Value *args) { PROPS("combining"); return MK_SMALLINT(p.combining); }
static Value ud_mirrored_in(int v32, Value *args) { PROPS("mirrored"); return MK_SMALLINT(p.mirrored); }
static Value ud_east_asian_width_in(int v32, Value *args) {
    PROPS("east_asian_width");
    return str_from_c(p.east_asian_width);
}

static Value ud_decomposition_in(int v32, Value *args) {
    CHR1("decomposition");
    if (v32 && !unicode_db_assigned_3_2(cp)) return str_empty();
    int n;
    const char *tag;
    const uint32_t *d = unicode_db_decomposition(cp, &n, &tag);
    if (!d) return str_empty();
    StrBuf sb; sb_init(&sb);
    sb_puts(&sb, tag);
    for (int i = 0; i < n; i++)
        if (sb_printf(&sb, "%s%04X", i || *tag ? " " : "", d[i]) < 0) { sb_free(&sb); return VAL_NULL; }
    return sb_finish_str(&sb);
}

/* ---- names --------------------------------------------------------------------------- */

static Value ud_name_in(int v32, Value *args) {
    CHR2("name");
    char buf[UNICODE_NAME_MAX + 1];
    size_t n = v32 && !unicode_db_assigned_3_2(cp) ? 0 : unicode_name_of(cp, buf);
    if (n) return str_new(buf, n);
    return ud_value_or_default(VAL_NULL, args[1], "no such name");
}

#define UD_NAME_MAXLEN 256

static Value ud_lookup_in(int v32, Value *args) {
    const char *name;
    int64_t len;
    if (IS_STR(args[0])) { name = STR_DATA(args[0]); len = STR_LEN(args[0]); }
    else if (bytes_view(args[0], (const uint8_t **)&name, &len) < 0) return VAL_NULL;
    if (len > UD_NAME_MAXLEN) return err_set_value(&exc_KeyError, str_from_c("name too long"));
    int32_t cp = unicode_name_lookup(name, (size_t)len);
    if (cp >= 0 && v32 && !unicode_db_assigned_3_2((uint32_t)cp)) cp = -1;
    if (cp >= 0) return str_from_codepoint((uint32_t)cp);
    uint32_t seq[4];
    int nseq = v32 ? 0 : unicode_db_named_sequence(name, (size_t)len, seq);
    if (nseq) {
        StrBuf sb; sb_init(&sb);
        for (int k = 0; k < nseq; k++) sb_put_codepoint(&sb, seq[k]);
        return sb_finish_str(&sb);
    }
    Value text = str_new_checked(name, (size_t)len);
    if (IS_NULL(text)) return VAL_NULL;
    Value msg = str_format_c("undefined character name '%U'", text);
    return IS_NULL(msg) ? msg : err_set_value(&exc_KeyError, msg);
}

/* ---- normalization (runtime/unicode_norm.c) ------------------------------------------- */

/* The form name as UNICODE_NF* flags, or -1 with CPython's errors. */
static int form_arg(Value form, const char *fname) {
    if (!IS_STR(form)) {
        err_format(&exc_TypeError, "%s() argument 1 must be str, not %N", fname, form);
        return -1;
    }
    static const char *const names[] = {"NFD", "NFC", "NFKD", "NFKC"};
    for (int i = 0; i < 4; i++)
        if (str_eq_c(form, names[i])) return i;
    err_format(&exc_ValueError, "invalid normalization form");
    return -1;
}


static int unistr_arg(Value v, const char *fname) {
    if (IS_STR(v)) return 0;
    err_format(&exc_TypeError, "%s() argument 2 must be str, not %N", fname, v);
    return -1;
}

static Value ud_normalize_in(int v32, Value *args) {
    int flags = form_arg(args[0], "normalize");
    if (flags < 0 || unistr_arg(args[1], "normalize") < 0) return VAL_NULL;
    return unicode_normalize(flags | (v32 ? UNICODE_NF_3_2 : 0), args[1]);
}

static Value ud_is_normalized_in(int v32, Value *args) {
    int flags = form_arg(args[0], "is_normalized");
    if (flags < 0 || unistr_arg(args[1], "is_normalized") < 0) return VAL_NULL;
    Value n = unicode_normalize(flags | (v32 ? UNICODE_NF_3_2 : 0), args[1]);
    return IS_NULL(n) ? n : MK_BOOL(str_eq(n, args[1]));
}

/* ---- the module's functions and the UCD object's methods ----------------------------------
 * The module reads Unicode 14.0; unicodedata.ucd_3_2_0, a UCD object (CPython's
 * type), reads Unicode 3.2.0 as IDNA (encodings.idna, stringprep) needs it:
 * the characters assigned since are unassigned there, and normalization keeps
 * them as they are and uses 3.2's decompositions for the few that were
 * corrected since (NormalizationCorrections.txt).  Other property changes
 * between 3.2 and 14.0 of characters 3.2 had are not modelled. */

typedef struct UcdObj {
    Obj header;
    int v32;
} UcdObj;

#define UD_BOTH(n) \
    static Value ud_##n(Value *a, int na, Value k) { return ud_##n##_in(0, a); } \
    static Value ucd_##n(Value *a, int na, Value k) { return ud_##n##_in(((UcdObj *)AS_OBJ(a[0]))->v32, a + 1); }
UD_BOTH(decimal)
UD_BOTH(digit)
UD_BOTH(numeric)
UD_BOTH(category)
UD_BOTH(bidirectional)
UD_BOTH(combining)
UD_BOTH(mirrored)
UD_BOTH(east_asian_width)
UD_BOTH(decomposition)
UD_BOTH(name)
UD_BOTH(lookup)
UD_BOTH(normalize)
UD_BOTH(is_normalized)

/* ---- the module ---------------------------------------------------------------------- */

/* name, flags, doc, signature after the receiver: the module functions
 * and the UCD methods alike. */
#define UD_METHODS(X) \
    X(decimal, ARGS_POS(1, 2), "Converts a Unicode character into its equivalent decimal " \
      "value.\n\nReturns the decimal value assigned to the character chr as integer.\nIf no such value is " \
      "defined, default is returned, or, if not given,\nValueError is raised.", \
      "chr, default=<unrepresentable>, /") \
    X(digit, ARGS_POS(1, 2), "Converts a Unicode character into its equivalent digit value.\n\n" \
      "Returns the digit value assigned to the character chr as integer.\nIf no such value is defined, " \
      "default is returned, or, if not given,\nValueError is raised.", \
      "chr, default=<unrepresentable>, /") \
    X(numeric, ARGS_POS(1, 2), "Converts a Unicode character into its equivalent numeric " \
      "value.\n\nReturns the numeric value assigned to the character chr as float.\nIf no such value is " \
      "defined, default is returned, or, if not given,\nValueError is raised.", \
      "chr, default=<unrepresentable>, /") \
    X(category, ARGS_ONE, "Returns the general category assigned to the character chr as " \
      "string.", \
      "chr, /") \
    X(bidirectional, ARGS_ONE, "Returns the bidirectional class assigned to the " \
      "character chr as string.\n\nIf no such value is defined, an empty string is returned.", \
      "chr, /") \
    X(combining, ARGS_ONE, "Returns the canonical combining class assigned to the character " \
      "chr as integer.\n\nReturns 0 if no combining class is defined.", \
      "chr, /") \
    X(mirrored, ARGS_ONE, "Returns the mirrored property assigned to the character chr as " \
      "integer.\n\nReturns 1 if the character has been identified as a \"mirrored\"\ncharacter in " \
      "bidirectional text, 0 otherwise.", \
      "chr, /") \
    X(east_asian_width, ARGS_ONE, "Returns the east asian width assigned to the " \
      "character chr as string.", \
      "chr, /") \
    X(decomposition, ARGS_ONE, "Returns the character decomposition mapping assigned to " \
      "the character chr as string.\n\nAn empty string is returned in case no such mapping is defined.", \
      "chr, /") \
    X(is_normalized, ARGS_POS(2, 2), "Return whether the Unicode string unistr is in " \
      "the normal form 'form'.\n\nValid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'.", \
      "form, unistr, /") \
    X(normalize, ARGS_POS(2, 2), "Return the normal form 'form' for the Unicode string " \
      "unistr.\n\nValid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'.", \
      "form, unistr, /") \
    X(name, ARGS_POS(1, 2), "Returns the name assigned to the character chr as a string.\n\nIf no " \
      "name is defined, default is returned, or, if not given,\nValueError is raised.", \
      "chr, default=<unrepresentable>, /") \
    X(lookup, ARGS_ONE, "Look up character by name.\n\nIf a character with the given name is " \
      "found, return the\ncorresponding character.  If not found, KeyError is raised.", \
      "name, /")

#define UD_FUNCTION(n, fl, doc, sig) {#n, ud_##n, fl, doc, "($module, " sig ")"},
#define UCD_METHOD(n, fl, doc, sig) {#n, ucd_##n, fl, doc, "($self, " sig ")"},

static const MethodDef mod_unicodedata_functions[] = {
    UD_METHODS(UD_FUNCTION)
    {NULL, NULL, 0, NULL},
};

static const MethodDef ucd_methods[] = {
    UD_METHODS(UCD_METHOD)
    {NULL, NULL, 0, NULL},
};

static Value ucd_get_version(Value self) {
    return str_from_c(((UcdObj *)AS_OBJ(self))->v32 ? "3.2.0" : unicode_db_version);
}

static const GetSetDef ucd_getsets[] = {
    {"unidata_version", ucd_get_version, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_ucd = {
    .tp_name = "unicodedata.UCD", .base = &type_object, .basicsize = sizeof(UcdObj),
    .methods = ucd_methods, .getsets = ucd_getsets,
};
GILPY_TYPE(type_ucd, NULL);

Value mod_unicodedata_init(void) {
    Value m = module_new_c("unicodedata");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, mod_unicodedata_functions, m);
    UcdObj *u32 = (UcdObj *)obj_new_instance(&type_ucd);
    if (!u32) return VAL_NULL;
    u32->v32 = 1;
    if (dict_set_c(d, "ucd_3_2_0", MK_OBJ(&u32->header)) < 0 || dict_set_c(d, "UCD", MK_OBJ(&type_ucd)) < 0)
        return VAL_NULL;
    if (err_occurred() || dict_set_c(d, "unidata_version", str_from_c(unicode_db_version)) < 0
        || dict_set_c(d, "__doc__", str_format_c(
            "This module provides access to the Unicode Character Database which\ndefines character "
            "properties for all Unicode characters. The data in\nthis database is based on the "
            "UnicodeData.txt file version\n%s which is publicly available from ftp://ftp.unicode.org/.\n\n"
            "The module uses the same names and symbols as defined by the\nUnicodeData File Format %s.",
            unicode_db_version, unicode_db_version)) < 0)
        return VAL_NULL;
    return m;
}
