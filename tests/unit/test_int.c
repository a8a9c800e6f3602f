/* tests/unit/test_int.c: the value encoding of numbers, big-int boundaries,
 * normalisation of results back to small ints, and numeric hashes (expected
 * numbers taken from CPython 3.11). */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "interp/lifecycle.h"
#include "runtime/obj_int.h"
#include "runtime/obj_float.h"
#include "runtime/obj_str.h"
#include "runtime/error.h"

enum { T_ADD, T_SUB, T_MUL, T_MATMUL, T_TRUEDIV, T_FLOORDIV, T_MOD, T_POW,
       T_LSHIFT, T_RSHIFT, T_OR, T_XOR, T_AND };

static void setup(void) { lifecycle_start_runtime(); }

static Value big(const char *dec) {
    Value v = int_from_string(dec, strlen(dec), 10);
    ck_assert(!IS_NULL(v));
    return v;
}

static void assert_repr(Value v, const char *expect) {
    Value s = int_repr(v);
    ck_assert(!IS_NULL(s));
    ck_assert_str_eq(STR_DATA(s), expect);
}

START_TEST(test_encoding_ints)
{
    int64_t vals[] = {0, 1, -1, 42, SMALLINT_MAX, SMALLINT_MIN, -123456789};
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        Value v = MK_SMALLINT(vals[i]);
        ck_assert(IS_SMALLINT(v));
        ck_assert(!IS_FLOAT(v) && !IS_OBJ(v) && !IS_BOOL(v) && !IS_NONE(v));
        ck_assert_int_eq(AS_SMALLINT(v), vals[i]);
        ck_assert(IS_INT(v));
    }
    ck_assert(SMALLINT_FITS(SMALLINT_MAX) && !SMALLINT_FITS(SMALLINT_MAX + 1));
    ck_assert(SMALLINT_FITS(SMALLINT_MIN) && !SMALLINT_FITS(SMALLINT_MIN - 1));
}
END_TEST

START_TEST(test_encoding_others)
{
    ck_assert(IS_BOOL(VAL_TRUE) && IS_BOOL(VAL_FALSE) && IS_TRUE(MK_BOOL(5)));
    ck_assert_int_eq(AS_BOOL(VAL_TRUE), 1);
    ck_assert_int_eq(AS_BOOL(VAL_FALSE), 0);
    ck_assert(IS_INT(VAL_TRUE) && !IS_SMALLINT(VAL_TRUE));
    ck_assert(IS_NONE(VAL_NONE) && !IS_NULL(VAL_NONE) && IS_NULL(VAL_NULL));
    ck_assert(!IS_FLOAT(VAL_NONE) && !IS_FLOAT(VAL_NULL) && !IS_FLOAT(VAL_TRUE));
    double ds[] = {0.0, 1.5, -2.25, 1e300, -1e-300, 5e-324, INFINITY, -INFINITY};
    for (size_t i = 0; i < sizeof ds / sizeof ds[0]; i++) {
        Value v = MK_FLOAT(ds[i]);
        ck_assert(IS_FLOAT(v) && !IS_SMALLINT(v) && !IS_OBJ(v));
        ck_assert(AS_FLOAT(v) == ds[i]);
    }
    Value nz = MK_FLOAT(-0.0);
    ck_assert(IS_FLOAT(nz) && signbit(AS_FLOAT(nz)) && AS_FLOAT(nz) == 0.0);
    /* NaNs from outside are canonicalised and stay floats. */
    uint64_t bad = 0xFFFF000000001234ull;
    double weird;
    memcpy(&weird, &bad, 8);
    Value n = MK_FLOAT_SAFE(weird);
    ck_assert(IS_FLOAT(n) && isnan(AS_FLOAT(n)));
    ck_assert(IS_FLOAT(MK_FLOAT_SAFE(NAN)) && isnan(AS_FLOAT(MK_FLOAT_SAFE(-NAN))));
}
END_TEST

START_TEST(test_boundaries)
{
    Value max = int_from_i64(SMALLINT_MAX);
    ck_assert(IS_SMALLINT(max));
    Value over = int_from_i64(SMALLINT_MAX + 1);
    ck_assert(IS_OBJ(over) && IS_INT(over));
    assert_repr(over, "140737488355328");
    Value min = int_from_i64(SMALLINT_MIN);
    ck_assert(IS_SMALLINT(min));
    Value under = int_from_i64(SMALLINT_MIN - 1);
    ck_assert(IS_OBJ(under));
    assert_repr(under, "-140737488355329");
    /* the string parser normalises too */
    ck_assert(IS_SMALLINT(big("140737488355327")));
    ck_assert(IS_OBJ(big("140737488355328")));
    ck_assert(IS_SMALLINT(big("-140737488355328")));
    ck_assert(IS_OBJ(big("-140737488355329")));
    Value p63 = big("9223372036854775808");
    assert_repr(p63, "9223372036854775808");
    int64_t out;
    ck_assert_int_eq(int_to_i64(p63, &out), -1);
    err_clear();
    ck_assert_int_eq(int_to_i64(int_from_i64(INT64_MIN), &out), 0);
    ck_assert(out == INT64_MIN);
    ck_assert(IS_OBJ(int_from_u64(UINT64_MAX)));
    assert_repr(int_from_u64(UINT64_MAX), "18446744073709551615");
}
END_TEST

START_TEST(test_mixed_arith_normalises)
{
    Value over = int_from_i64(SMALLINT_MAX + 1);
    Value one = MK_SMALLINT(1);
    Value back = int_binop(over, one, T_SUB);
    ck_assert(IS_SMALLINT(back));
    ck_assert_int_eq(AS_SMALLINT(back), SMALLINT_MAX);
    Value up = int_binop(MK_SMALLINT(SMALLINT_MAX), one, T_ADD);
    ck_assert(IS_OBJ(up));
    ck_assert_int_eq(int_compare(up, over), 0);
    Value sq = int_binop(MK_SMALLINT(SMALLINT_MAX), MK_SMALLINT(SMALLINT_MAX), T_MUL);
    assert_repr(sq, "19807040628565802923409276929");
    Value q = int_binop(sq, MK_SMALLINT(SMALLINT_MAX), T_FLOORDIV);
    ck_assert(IS_SMALLINT(q) && AS_SMALLINT(q) == SMALLINT_MAX);
    Value p = int_binop(MK_SMALLINT(3), MK_SMALLINT(40), T_POW);
    assert_repr(p, "12157665459056928801");
    Value s = int_binop(one, MK_SMALLINT(100), T_LSHIFT);
    assert_repr(s, "1267650600228229401496703205376");
    Value r = int_binop(s, MK_SMALLINT(99), T_RSHIFT);
    ck_assert(IS_SMALLINT(r) && AS_SMALLINT(r) == 2);
    Value e30 = big("1000000000000000000000000000000");
    assert_repr(int_binop(e30, MK_SMALLINT(7), T_FLOORDIV), "142857142857142857142857142857");
    Value ne30 = int_neg(e30);
    assert_repr(int_binop(ne30, MK_SMALLINT(7), T_FLOORDIV), "-142857142857142857142857142858");
    Value m = int_binop(ne30, MK_SMALLINT(7), T_MOD);
    ck_assert(IS_SMALLINT(m) && AS_SMALLINT(m) == 6);
    Value x = int_binop(ne30, e30, T_ADD);
    ck_assert(IS_SMALLINT(x) && AS_SMALLINT(x) == 0);
    /* floor semantics for small negatives */
    ck_assert_int_eq(AS_SMALLINT(int_binop(MK_SMALLINT(-7), MK_SMALLINT(2), T_FLOORDIV)), -4);
    ck_assert_int_eq(AS_SMALLINT(int_binop(MK_SMALLINT(-7), MK_SMALLINT(2), T_MOD)), 1);
    ck_assert_int_eq(AS_SMALLINT(int_binop(MK_SMALLINT(7), MK_SMALLINT(-3), T_MOD)), -2);
    /* SMALLINT_MIN // -1 leaves the small range */
    Value neg = int_binop(MK_SMALLINT(SMALLINT_MIN), MK_SMALLINT(-1), T_FLOORDIV);
    ck_assert(IS_OBJ(neg));
    ck_assert(IS_NULL(int_binop(one, MK_SMALLINT(0), T_FLOORDIV)));
    err_clear();
}
END_TEST

START_TEST(test_to_double)
{
    double d;
    ck_assert_int_eq(int_to_double(big("9223372036854776833"), &d), 0);   /* 2**63+2**10+1 */
    ck_assert(d == 9223372036854777856.0);
    ck_assert_int_eq(int_to_double(big("9007199254740993"), &d), 0);      /* 2**53+1: ties even */
    ck_assert(d == 9007199254740992.0);
    Value t = int_binop(int_binop(MK_SMALLINT(1), MK_SMALLINT(100), T_LSHIFT), MK_SMALLINT(3),
                        T_TRUEDIV);
    ck_assert(IS_FLOAT(t) && AS_FLOAT(t) == 4.2255020007607644e+29);
    Value huge = int_binop(MK_SMALLINT(10), MK_SMALLINT(400), T_POW);
    ck_assert_int_eq(int_to_double(huge, &d), -1);
    err_clear();
}
END_TEST

START_TEST(test_hashes)
{
    ck_assert_int_eq(int_hash(MK_SMALLINT(-1)), -2);
    ck_assert_int_eq(int_hash(MK_SMALLINT(SMALLINT_MAX)), 140737488355327LL);
    ck_assert_int_eq(int_hash(int_from_i64(SMALLINT_MAX + 1)), 140737488355328LL);
    ck_assert_int_eq(int_hash(MK_SMALLINT(SMALLINT_MIN)), -140737488355328LL);
    ck_assert_int_eq(int_hash(int_from_i64(SMALLINT_MIN - 1)), -140737488355329LL);
    ck_assert_int_eq(int_hash(big("9223372036854775808")), 4);
    ck_assert_int_eq(int_hash(big("-9223372036854775808")), -4);
    ck_assert_int_eq(int_hash(big("2305843009213693951")), 0);
    ck_assert_int_eq(int_hash(big("2305843009213693952")), 1);
    ck_assert_int_eq(int_hash(big("1000000000000000000000000000000")), 465258685558744706LL);
    ck_assert_int_eq(int_hash(big("-1000000000000000000000000000000")), -465258685558744706LL);
    ck_assert_int_eq(float_hash(0.5), 1152921504606846976LL);
    ck_assert_int_eq(float_hash(1.5), 1152921504606846977LL);
    ck_assert_int_eq(float_hash(-2.25), -576460752303423490LL);
    ck_assert_int_eq(float_hash(1e300), 1224995262755759164LL);
    ck_assert_int_eq(float_hash(1180591620717411303424.0), 512);   /* 2.0**70 */
    ck_assert_int_eq(float_hash(INFINITY), 314159);
    ck_assert_int_eq(float_hash(-INFINITY), -314159);
    ck_assert_int_eq(float_hash(1.0), int_hash(MK_SMALLINT(1)));
    ck_assert_int_eq(float_hash(-1.0), -2);
}
END_TEST

START_TEST(test_float_repr)
{
    static const struct { double d; const char *s; } cases[] = {
        {1e16, "1e+16"}, {1.5, "1.5"}, {0.1, "0.1"}, {1e-05, "1e-05"}, {-0.0, "-0.0"},
        {0.0001, "0.0001"}, {123456789012345678.0, "1.2345678901234568e+17"},
        {1e15, "1000000000000000.0"}, {5e-324, "5e-324"}, {1.0 / 3.0, "0.3333333333333333"},
    };
    char buf[40];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        float_repr_buf(cases[i].d, buf);
        ck_assert_str_eq(buf, cases[i].s);
    }
}
END_TEST

static Suite *int_suite(void)
{
    Suite *s = suite_create("int");
    TCase *tc = tcase_create("core");
    tcase_add_unchecked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_encoding_ints);
    tcase_add_test(tc, test_encoding_others);
    tcase_add_test(tc, test_boundaries);
    tcase_add_test(tc, test_mixed_arith_normalises);
    tcase_add_test(tc, test_to_double);
    tcase_add_test(tc, test_hashes);
    tcase_add_test(tc, test_float_repr);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(int_suite());
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
