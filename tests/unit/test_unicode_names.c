/* tests/unit/test_unicode_names.c: the generated Unicode name table
 * (runtime/unicode_names.c).
 *
 * Every stored name and alias must look up to its code point again, and the
 * stored plus the computed (CJK, Hangul) names must be exactly as many as
 * CPython 3.11 (Unicode 14.0) names: 138,552 (python3: sum(1 for c in
 * range(0x110000) if unicodedata.name(chr(c), None))), and 470 aliases.  The
 * script suite checks \N{...} itself against python3 (tests/py/lang/
 * unicode_names.py); this covers the reverse direction no Python code reaches
 * yet.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/unicode_names.h"

static int32_t lookup(const char *s) { return unicode_name_lookup(s, strlen(s)); }

START_TEST(test_lookup) {
    ck_assert_int_eq(lookup("LATIN SMALL LETTER A"), 0x61);
    ck_assert_int_eq(lookup("latin small letter a"), 0x61);         /* any case */
    ck_assert_int_eq(lookup("SPACE"), 0x20);
    ck_assert_int_eq(lookup("BELL"), 0x1F514);
    ck_assert_int_eq(lookup("BEL"), 0x07);                          /* an alias */
    ck_assert_int_eq(lookup("NULL"), 0);                            /* an alias of a <control> */
    ck_assert_int_eq(lookup("HANGUL JUNGSEONG O-E"), 0x1180);       /* vs ...OE, 0x116C */
    ck_assert_int_eq(lookup("HANGUL JUNGSEONG OE"), 0x116C);
    ck_assert_int_eq(lookup("TIBETAN MARK TSA -PHRU"), 0xF39);      /* " -" */
    ck_assert_int_eq(lookup("CJK COMPATIBILITY IDEOGRAPH-F900"), 0xF900);
    ck_assert_int_eq(lookup("CJK UNIFIED IDEOGRAPH-4E00"), 0x4E00);
    ck_assert_int_eq(lookup("CJK UNIFIED IDEOGRAPH-2A6DF"), 0x2A6DF);
    ck_assert_int_eq(lookup("HANGUL SYLLABLE GAGG"), 0xAC02);
    ck_assert_int_eq(lookup("HANGUL SYLLABLE A"), 0xC544);
    ck_assert_int_eq(lookup("ZERO WIDTH SPACE"), 0x200B);
}
END_TEST

START_TEST(test_refused) {
    static const char *const bad[] = {
        "", "LATIN SMALL LETTER", "LATIN  SMALL LETTER A", " SPACE", "SPACE ",
        "cjk unified ideograph-4e00",           /* computed names are exact */
        "CJK UNIFIED IDEOGRAPH-4e0a", "CJK UNIFIED IDEOGRAPH-4E0", "CJK UNIFIED IDEOGRAPH-F900",
        "CJK UNIFIED IDEOGRAPH-31350",          /* Unicode 15.0 */
        "hangul syllable ga", "HANGUL SYLLABLE GAX", "HANGUL SYLLABLE ",
        "EM",                                   /* an alias Unicode 15.0 added */
        "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",     /* a named sequence */
        "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(lookup(bad[i]) == -1, "'%s' should not be a name", bad[i]);
    ck_assert_int_eq(unicode_name_lookup("SPACE\0", 6), -1);
}
END_TEST

typedef struct { int names, aliases, bad; } Count;

static void check_entry(uint32_t cp, int alias, const char *name, void *ctx) {
    Count *c = ctx;
    char back[UNICODE_NAME_MAX + 1];
    if (alias) c->aliases++;
    else c->names++;
    if (unicode_name_lookup(name, strlen(name)) != (int32_t)cp) c->bad++;
    /* unicode_name_of scans the table: check it on a sample */
    if (!alias && cp % 97 == 0 && (unicode_name_of(cp, back) != strlen(name) || strcmp(back, name) != 0))
        c->bad++;
}

START_TEST(test_every_name_round_trips) {
    Count c = {0, 0, 0};
    unicode_names_foreach(check_entry, &c);
    ck_assert_int_eq(c.bad, 0);
    int computed = 11172;                           /* the Hangul syllables */
    char buf[UNICODE_NAME_MAX + 1];
    for (uint32_t cp = 0x3400; cp < 0x32000; cp++) {
        if (cp == 0xA000) cp = 0x20000;             /* the CJK ideograph blocks */
        snprintf(buf, sizeof buf, "CJK UNIFIED IDEOGRAPH-%04X", cp);
        if (unicode_name_lookup(buf, strlen(buf)) == (int32_t)cp) computed++;
    }
    ck_assert_int_eq(c.names + computed, 138552);
    ck_assert_int_eq(c.aliases, 470);               /* NameAliases.txt of 14.0 */
    ck_assert_uint_eq(unicode_name_of(0x4E00, buf), strlen("CJK UNIFIED IDEOGRAPH-4E00"));
    ck_assert_str_eq(buf, "CJK UNIFIED IDEOGRAPH-4E00");
    ck_assert_uint_eq(unicode_name_of(0x41, buf), strlen("LATIN CAPITAL LETTER A"));
    ck_assert_str_eq(buf, "LATIN CAPITAL LETTER A");
    ck_assert_uint_eq(unicode_name_of(0x7, buf), 0);            /* aliases are not names */
    ck_assert_uint_eq(unicode_name_of(0x31350, buf), 0);        /* Unicode 15.0 */
    ck_assert_uint_eq(unicode_name_of(0xAC02, buf), strlen("HANGUL SYLLABLE GAGG"));
    ck_assert_str_eq(buf, "HANGUL SYLLABLE GAGG");
}
END_TEST

static Suite *unicode_names_suite(void) {
    Suite *s = suite_create("unicode_names");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_lookup);
    tcase_add_test(tc, test_refused);
    tcase_add_test(tc, test_every_name_round_trips);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    SRunner *sr = srunner_create(unicode_names_suite());
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
