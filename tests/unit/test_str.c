/* tests/unit/test_str.c: str internals - UTF-8 indexing and slicing by code
 * point, nchars/len, hash stability and caching, interning identity. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/gc.h"
#include "runtime/obj_str.h"

/* "aЖ😀b日": 1 + 2 + 4 + 1 + 3 bytes, 5 code points */
static const char *MIXED = "a\xd0\x96\xf0\x9f\x98\x80" "b\xe6\x97\xa5";

static void setup(void) { gc_init(); }

static Value mixed(void) { return str_new(MIXED, strlen(MIXED)); }

START_TEST(test_lengths)
{
    Value s = mixed();
    ck_assert_int_eq(AS_STR(s)->nchars, 5);
    ck_assert_int_eq(STR_LEN(s), 11);
    ck_assert(!STR_IS_ASCII(AS_STR(s)));
    Value a = str_from_c("hello");
    ck_assert_int_eq(AS_STR(a)->nchars, 5);
    ck_assert(STR_IS_ASCII(AS_STR(a)));
    ck_assert_int_eq(AS_STR(str_empty())->nchars, 0);
}
END_TEST

START_TEST(test_indexing)
{
    Value s = mixed();
    static const uint32_t cps[] = {0x61, 0x416, 0x1F600, 0x62, 0x65E5};
    for (int i = 0; i < 5; i++) ck_assert_uint_eq(str_char_at(s, i), cps[i]);
    for (int i = 4; i >= 0; i--) ck_assert_uint_eq(str_char_at(s, i), cps[i]);
    ck_assert_uint_eq(str_char_at(s, 2), cps[2]);
    ck_assert_uint_eq(str_char_at(s, 0), cps[0]);
    ck_assert_str_eq(STR_DATA(str_getitem_index(s, 2)), "\xf0\x9f\x98\x80");
    ck_assert_str_eq(STR_DATA(str_getitem_index(s, -1)), "\xe6\x97\xa5");
    ck_assert_int_eq(AS_STR(str_getitem_index(s, 1))->nchars, 1);
    ck_assert_int_eq(str_byte_offset(s, 0), 0);
    ck_assert_int_eq(str_byte_offset(s, 3), 7);
    ck_assert_int_eq(str_byte_offset(s, 5), 11);
}
END_TEST

START_TEST(test_slicing)
{
    Value s = mixed();
    Value a = str_slice(s, 1, 4, 1);
    ck_assert_str_eq(STR_DATA(a), "\xd0\x96\xf0\x9f\x98\x80" "b");
    ck_assert_int_eq(AS_STR(a)->nchars, 3);
    Value r = str_slice(s, 4, -1, -1);   /* s[::-1] */
    ck_assert_str_eq(STR_DATA(r), "\xe6\x97\xa5" "b\xf0\x9f\x98\x80\xd0\x96" "a");
    ck_assert_int_eq(AS_STR(r)->nchars, 5);
    Value e = str_slice(s, 0, 5, 2);
    ck_assert_str_eq(STR_DATA(e), "a\xf0\x9f\x98\x80\xe6\x97\xa5");
    ck_assert_int_eq(STR_LEN(str_slice(s, 3, 3, 1)), 0);
}
END_TEST

START_TEST(test_long_loop)
{
    /* 1000 Cyrillic chars: sequential access must see every char */
    size_t n = 1000;
    char *buf = malloc(n * 2 + 1);
    for (size_t i = 0; i < n; i++) { buf[2 * i] = (char)0xD0; buf[2 * i + 1] = (char)(0x90 + i % 32); }
    Value s = str_new(buf, n * 2);
    free(buf);
    ck_assert_int_eq(AS_STR(s)->nchars, (int64_t)n);
    for (size_t i = 0; i < n; i++) ck_assert_uint_eq(str_char_at(s, (int64_t)i), 0x410 + i % 32);
    for (size_t i = n; i-- > 0;) ck_assert_uint_eq(str_char_at(s, (int64_t)i), 0x410 + i % 32);
}
END_TEST

START_TEST(test_hash)
{
    Value a = str_from_c("hello world");
    Value b = str_concat(str_from_c("hello "), str_from_c("world"));
    ck_assert(a != b);
    ck_assert_int_eq(AS_STR(a)->hash, -1);
    int64_t h = str_hash(a);
    ck_assert_int_ne(h, -1);
    ck_assert_int_eq(AS_STR(a)->hash, h);       /* cached */
    ck_assert_int_eq(str_hash(a), h);           /* stable */
    ck_assert_int_eq(str_hash(b), h);           /* equal text, equal hash */
    ck_assert(str_eq(a, b));
    ck_assert(str_hash(mixed()) == str_hash(mixed()));
    ck_assert(str_hash(str_from_c("a")) != str_hash(str_from_c("b")));
}
END_TEST

START_TEST(test_interning)
{
    Value a = str_intern_c("some_identifier");
    Value b = str_intern(str_concat(str_from_c("some_"), str_from_c("identifier")));
    ck_assert(a == b);
    ck_assert(AS_STR(a)->header.aux & STRF_INTERNED);
    ck_assert(str_intern_c("x") == str_intern_c("x"));
    ck_assert(str_intern_c("x") != str_intern_c("y"));
    /* many names: the table grows and keeps identity */
    char name[32];
    Value first = str_intern_c("name0");
    for (int i = 0; i < 5000; i++) {
        snprintf(name, sizeof name, "name%d", i);
        str_intern_c(name);
    }
    ck_assert(str_intern_c("name0") == first);
}
END_TEST

START_TEST(test_compare)
{
    ck_assert_int_lt(str_compare(str_from_c("abc"), str_from_c("abd")), 0);
    ck_assert_int_lt(str_compare(str_from_c("ab"), str_from_c("abc")), 0);
    ck_assert_int_gt(str_compare(str_from_c("\xc3\xa9"), str_from_c("z")), 0);
    ck_assert_int_eq(str_compare(mixed(), mixed()), 0);
    ck_assert(str_eq_c(str_from_c("abc"), "abc"));
}
END_TEST

static Suite *str_suite(void)
{
    Suite *s = suite_create("str");
    TCase *tc = tcase_create("core");
    tcase_add_unchecked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_lengths);
    tcase_add_test(tc, test_indexing);
    tcase_add_test(tc, test_slicing);
    tcase_add_test(tc, test_long_loop);
    tcase_add_test(tc, test_hash);
    tcase_add_test(tc, test_interning);
    tcase_add_test(tc, test_compare);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(str_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
