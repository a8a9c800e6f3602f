/* tests/unit/test_dict.c: the compact dict - insertion order through inserts,
 * deletes and resizes, re-insertion after delete, int/str/tuple keys, and a
 * 100 000-key table. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "runtime/gc.h"
#include "interp/lifecycle.h"
#include "runtime/error.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_list.h"
#include "runtime/obj_int.h"
#include "runtime/obj_str.h"

static void setup(void) { lifecycle_start_runtime(); }

static Value skey(int64_t i)
{
    char buf[32];
    snprintf(buf, sizeof buf, "k%lld", (long long)i);
    return str_from_c(buf);
}

START_TEST(test_order_and_resize)
{
    Value d = dict_new();
    for (int64_t i = 0; i < 1000; i++) ck_assert_int_eq(dict_set(d, MK_SMALLINT(i * 7 % 1000), MK_SMALLINT(i)), 0);
    ck_assert_int_eq(dict_len(d), 1000);
    int64_t pos = 0, n = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v)) {
        ck_assert_int_eq(AS_SMALLINT(k), n * 7 % 1000);
        ck_assert_int_eq(AS_SMALLINT(v), n);
        n++;
    }
    ck_assert_int_eq(n, 1000);
}
END_TEST

START_TEST(test_delete_and_reinsert)
{
    Value d = dict_new();
    for (int64_t i = 0; i < 100; i++) dict_set(d, MK_SMALLINT(i), MK_SMALLINT(i));
    for (int64_t i = 0; i < 100; i += 2) ck_assert_int_eq(dict_del(d, MK_SMALLINT(i)), 1);
    ck_assert_int_eq(dict_del(d, MK_SMALLINT(0)), 0);
    ck_assert_int_eq(dict_len(d), 50);
    ck_assert_int_eq(dict_set(d, MK_SMALLINT(0), VAL_NONE), 0);   /* goes to the end */
    ck_assert_int_eq(dict_set(d, MK_SMALLINT(1), VAL_TRUE), 0);   /* keeps its place */
    for (int64_t i = 1000; i < 1300; i++) dict_set(d, MK_SMALLINT(i), MK_SMALLINT(i));  /* resizes */
    Value keys = dict_keys_list(d);
    List *l = AS_LIST(keys);
    ck_assert_int_eq(l->len, 351);
    ck_assert_int_eq(AS_SMALLINT(l->items[0]), 1);
    for (int64_t i = 0; i < 50; i++) ck_assert_int_eq(AS_SMALLINT(l->items[i]), 2 * i + 1);
    ck_assert_int_eq(AS_SMALLINT(l->items[50]), 0);
    ck_assert_int_eq(AS_SMALLINT(l->items[51]), 1000);
    ck_assert(dict_get(d, MK_SMALLINT(1)) == VAL_TRUE);
    ck_assert(IS_NULL(dict_get(d, MK_SMALLINT(2))));
    ck_assert(!err_occurred());
}
END_TEST

START_TEST(test_key_kinds)
{
    Value d = dict_new();
    Value t = tuple_pack(2, MK_SMALLINT(1), str_from_c("a"));
    ck_assert_int_eq(dict_set(d, str_from_c("hello"), MK_SMALLINT(1)), 0);
    ck_assert_int_eq(dict_set(d, MK_SMALLINT(-1), MK_SMALLINT(2)), 0);
    ck_assert_int_eq(dict_set(d, t, MK_SMALLINT(3)), 0);
    ck_assert_int_eq(dict_set(d, int_from_string("123456789012345678901234567890", 30, 10), MK_SMALLINT(4)), 0);
    /* equal but distinct key objects */
    ck_assert(dict_get(d, str_from_c("hello")) == MK_SMALLINT(1));
    ck_assert(dict_get_c(d, "hello") == MK_SMALLINT(1));
    ck_assert(dict_get(d, MK_SMALLINT(-1)) == MK_SMALLINT(2));
    ck_assert(dict_get(d, tuple_pack(2, MK_SMALLINT(1), str_from_c("a"))) == MK_SMALLINT(3));
    ck_assert(dict_get(d, int_from_string("123456789012345678901234567890", 30, 10)) == MK_SMALLINT(4));
    ck_assert(IS_NULL(dict_get(d, MK_SMALLINT(-2))));
    ck_assert(IS_NULL(dict_get(d, str_from_c("hell"))));
    ck_assert_int_eq(dict_len(d), 4);
    /* a list key is unhashable */
    ck_assert_int_eq(dict_set(d, list_new(0), VAL_NONE), -1);
    ck_assert(err_matches(&exc_TypeError));
    err_clear();
}
END_TEST

START_TEST(test_100k)
{
    Value d = dict_new();
    for (int64_t i = 0; i < 100000; i++) ck_assert_int_eq(dict_set(d, skey(i), MK_SMALLINT(i)), 0);
    for (int64_t i = 0; i < 100000; i += 3) ck_assert_int_eq(dict_del(d, skey(i)), 1);
    for (int64_t i = 0; i < 100000; i++) {
        Value v = dict_get(d, skey(i));
        if (i % 3 == 0) ck_assert(IS_NULL(v));
        else ck_assert_int_eq(AS_SMALLINT(v), i);
    }
    int64_t pos = 0, prev = -1;
    Value k, v;
    while (dict_next(d, &pos, &k, &v)) {
        ck_assert_int_gt(AS_SMALLINT(v), prev);
        prev = AS_SMALLINT(v);
    }
    ck_assert_int_eq(dict_len(d), 66666);
    Value c = dict_copy(d);
    ck_assert_int_eq(dict_len(c), 66666);
    dict_clear(d);
    ck_assert_int_eq(dict_len(d), 0);
    ck_assert(dict_get(c, skey(99998)) == MK_SMALLINT(99998));
}
END_TEST

static Suite *dict_suite(void)
{
    Suite *s = suite_create("dict");
    TCase *tc = tcase_create("core");
    tcase_add_unchecked_fixture(tc, setup, NULL);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_order_and_resize);
    tcase_add_test(tc, test_delete_and_reinsert);
    tcase_add_test(tc, test_key_kinds);
    tcase_add_test(tc, test_100k);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(dict_suite());
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
