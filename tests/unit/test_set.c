/* tests/unit/test_set.c: set iteration order matches CPython 3.11's exactly
 * (same table algorithm).  Every expected string was printed by python3. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "runtime/gc.h"
#include "interp/lifecycle.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_list.h"
#include "runtime/obj_int.h"

static void setup(void) { lifecycle_start_runtime(); }

static Value set_of(const int64_t *v, int n)
{
    Value s = set_new(&type_set);
    for (int i = 0; i < n; i++) ck_assert_int_eq(set_add(s, int_from_i64(v[i])), 0);
    return s;
}

/* The items of s, space-separated (ints only). */
static const char *order(Value s)
{
    static char buf[4096];
    size_t n = 0;
    int64_t pos = 0, x;
    Value k;
    buf[0] = 0;
    while (set_next(s, &pos, &k)) {
        ck_assert_int_eq(int_to_i64(k, &x), 0);
        n += (size_t)snprintf(buf + n, sizeof buf - n, n ? " %lld" : "%lld", (long long)x);
    }
    return buf;
}

START_TEST(test_small_literals)
{
    ck_assert_str_eq(order(set_of((int64_t[]){3, 1, 2}, 3)), "1 2 3");            /* s.add(3); s.add(1); s.add(2) */
    ck_assert_str_eq(order(set_of((int64_t[]){10, 100, 1000}, 3)), "1000 10 100");
    /* s = set(); s.add(x) for each: a literal {-1, -2, 5, 8, 13} is built from a
     * constant frozenset and iterates as "5 -2 8 13 -1" instead */
    ck_assert_str_eq(order(set_of((int64_t[]){-1, -2, 5, 8, 13}, 5)), "5 8 13 -2 -1");
    ck_assert_str_eq(order(set_of((int64_t[]){100, 1, 17, 33}, 4)), "1 100 17 33");
    ck_assert_str_eq(order(set_of((int64_t[]){(int64_t)1 << 40, 7, 1 << 20}, 3)),
                     "1099511627776 1048576 7");
}
END_TEST

START_TEST(test_ranges)
{
    int64_t v[64];
    int n = 0;
    for (int64_t i = 20; i > 0; i -= 3) v[n++] = i;                 /* set(range(20, 0, -3)) */
    ck_assert_str_eq(order(set_of(v, n)), "2 5 8 11 14 17 20");
    n = 0;
    for (int64_t i = 100; i > 0; i -= 7) v[n++] = i;                /* set(range(100, 0, -7)) */
    ck_assert_str_eq(order(set_of(v, n)), "65 2 100 37 72 9 44 79 16 51 86 23 58 93 30");
}
END_TEST

START_TEST(test_dummy_reuse)
{
    Value s = set_of((int64_t[]){1, 9}, 2);                        /* s = {1, 9} */
    ck_assert_int_eq(set_discard(s, MK_SMALLINT(1)), 1);            /* s.remove(1) */
    ck_assert_int_eq(set_add(s, MK_SMALLINT(17)), 0);               /* s.add(17) */
    ck_assert_str_eq(order(s), "17 9");
}
END_TEST

START_TEST(test_deletes_and_growth)
{
    int64_t v[50];
    for (int i = 0; i < 50; i++) v[i] = i;
    Value s = set_of(v, 50);                                        /* set(range(50)) */
    for (int i = 0; i < 50; i += 3) ck_assert_int_eq(set_discard(s, MK_SMALLINT(i)), 1);
    ck_assert_int_eq(set_add(s, MK_SMALLINT(1000)), 0);
    ck_assert_int_eq(set_add(s, MK_SMALLINT(-5)), 0);
    const char *o = order(s);
    ck_assert_msg(strncmp(o, "1 2 4 5 7 8 10 11 13 14 ", 24) == 0, "got %s", o);
    size_t L = strlen(o);
    ck_assert_str_eq(o + L - strlen("46 47 49 1000 -5"), "46 47 49 1000 -5");
    ck_assert_int_eq(set_len(s), 35);
}
END_TEST

START_TEST(test_tuples)
{
    Value s = set_new(&type_set);                                   /* {(1, 2), (3, 4), (0, 0)} */
    Value t[3] = {tuple_pack(2, MK_SMALLINT(1), MK_SMALLINT(2)),
                  tuple_pack(2, MK_SMALLINT(3), MK_SMALLINT(4)),
                  tuple_pack(2, MK_SMALLINT(0), MK_SMALLINT(0))};
    for (int i = 0; i < 3; i++) ck_assert_int_eq(set_add(s, t[i]), 0);
    int64_t pos = 0;
    Value k;
    for (int i = 0; i < 3; i++) {
        ck_assert(set_next(s, &pos, &k));
        ck_assert(k == t[i]);
    }
    ck_assert(!set_next(s, &pos, &k));
    ck_assert_int_eq(set_contains(s, tuple_pack(2, MK_SMALLINT(3), MK_SMALLINT(4))), 1);
}
END_TEST

START_TEST(test_frozenset_hash)
{
    ck_assert_int_eq(frozenset_hash(set_new(&type_frozenset)), 133146708735736LL);
    Value f = set_from_iterable(&type_frozenset, set_of((int64_t[]){1, 2}, 2));
    ck_assert_int_eq(frozenset_hash(f), -1826646154956904602LL);
}
END_TEST

static Suite *set_suite(void)
{
    Suite *s = suite_create("set");
    TCase *tc = tcase_create("order");
    tcase_add_unchecked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_small_literals);
    tcase_add_test(tc, test_ranges);
    tcase_add_test(tc, test_dummy_reuse);
    tcase_add_test(tc, test_deletes_and_growth);
    tcase_add_test(tc, test_tuples);
    tcase_add_test(tc, test_frozenset_hash);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(set_suite());
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
