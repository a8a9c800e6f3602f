/* tests/unit/test_serialize.c: runtime/serialize.c.  Builtin values survive
 * a round trip with shared references and cycles intact; the header is
 * checked; every truncation and every single-byte corruption of a valid
 * stream is rejected with an exception or decodes to something, never a
 * crash; so is every malformed reduce ('X') record. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "interp/lifecycle.h"
#include "runtime/serialize.h"

static int initialised;
static void setup(void) {
    if (!initialised) lifecycle_start_runtime();
    initialised = 1;
}

static Value roundtrip(Value v) {
    Value b = ser_dumps(v);
    ck_assert(!IS_NULL(b));
    Value r = ser_loads(AS_BYTES(b)->data, (size_t)AS_BYTES(b)->len);
    ck_assert(!IS_NULL(r));
    return r;
}

static Value sample(void) {
    Value l = list_new(0);
    list_append(l, MK_SMALLINT(1));
    list_append(l, str_from_c("h\xc3\xa9"));
    list_append(l, int_from_string("123456789012345678901234567890", 30, 10));
    list_append(l, MK_FLOAT(2.5));
    list_append(l, bytes_new("ab", 2));
    list_append(l, tuple_pack(2, VAL_NONE, VAL_TRUE));
    Value d = dict_new();
    dict_set_c(d, "list", l);
    dict_set_c(d, "again", l);
    list_append(l, l);                       /* a cycle */
    return d;
}

START_TEST(test_roundtrip_shares_and_cycles)
{
    Value r = roundtrip(sample());
    Value l = dict_get_c(r, "list");
    ck_assert(IS_LIST(l));
    ck_assert(l == dict_get_c(r, "again"));
    ck_assert_int_eq(AS_LIST(l)->len, 7);
    ck_assert(AS_LIST(l)->items[6] == l);
    ck_assert(str_eq_c(AS_LIST(l)->items[1], "h\xc3\xa9"));
    ck_assert_int_eq(obj_eq(AS_LIST(l)->items[2], int_from_string("123456789012345678901234567890", 30, 10)), 1);
}
END_TEST

START_TEST(test_bad_header)
{
    ck_assert(IS_NULL(ser_loads((const uint8_t *)"", 0)));
    ck_assert(err_matches(&exc_EOFError));
    err_clear();
    ck_assert(IS_NULL(ser_loads((const uint8_t *)"XYZ\x01N", 5)));
    err_clear();
    ck_assert(IS_NULL(ser_loads((const uint8_t *)"GPK\x63N", 5)));
    err_clear();
    ck_assert(IS_NULL(ser_loads((const uint8_t *)"GPK\x01NN", 6)));   /* trailing data */
    err_clear();
}
END_TEST

START_TEST(test_truncations_and_corruptions)
{
    Value b = ser_dumps(sample());
    size_t n = (size_t)AS_BYTES(b)->len;
    uint8_t *copy = malloc(n);
    for (size_t i = 0; i < n; i++) {
        ck_assert(IS_NULL(ser_loads(AS_BYTES(b)->data, i)));
        ck_assert(err_occurred());
        err_clear();
    }
    for (size_t i = 4; i < n; i++) {
        for (int x = 0; x < 256; x += 17) {
            memcpy(copy, AS_BYTES(b)->data, n);
            copy[i] = (uint8_t)x;
            Value r = ser_loads(copy, n);
            if (IS_NULL(r)) { ck_assert(err_occurred()); err_clear(); }
        }
    }
    free(copy);
}
END_TEST

START_TEST(test_huge_counts_rejected)
{
    static const uint8_t list[] = {'G', 'P', 'K', 1, 'l', 0xff, 0xff, 0xff, 0x7f, 'N'};
    ck_assert(IS_NULL(ser_loads(list, sizeof list)));
    err_clear();
    static const uint8_t ref[] = {'G', 'P', 'K', 1, 'r', 0, 0, 0, 0};
    ck_assert(IS_NULL(ser_loads(ref, sizeof ref)));
    err_clear();
}
END_TEST

/* 'X' (the reduce protocol) built by hand: every malformed shape is an
 * exception, never a crash or a call of something that is not callable. */
START_TEST(test_bad_reduce_streams)
{
    static const uint8_t kind[] = {'G', 'P', 'K', 1, 'X', 'q', 't', 0, 0, 0, 0};
    static const uint8_t no_kind[] = {'G', 'P', 'K', 1, 'X'};
    static const uint8_t callable[] = {'G', 'P', 'K', 1, 'X', 'c', 'i', 1, 0, 0, 0, 0, 0, 0, 0,
                                       't', 0, 0, 0, 0, 'N', 'N', 'N', 'N'};
    static const uint8_t newobj_empty[] = {'G', 'P', 'K', 1, 'X', 'n', 't', 0, 0, 0, 0,
                                           'N', 'N', 'N', 'N'};
    static const uint8_t newobj_notype[] = {'G', 'P', 'K', 1, 'X', 'n', 't', 1, 0, 0, 0, 'N',
                                            'N', 'N', 'N', 'N'};
    static const uint8_t args_list[] = {'G', 'P', 'K', 1, 'X', 'x', 'l', 0, 0, 0, 0,
                                        'N', 'N', 'N', 'N'};
    static const uint8_t truncated[] = {'G', 'P', 'K', 1, 'X', 'n', 't', 1, 0, 0};
    const struct { const uint8_t *p; size_t n; } cases[] = {
        {kind, sizeof kind}, {no_kind, sizeof no_kind}, {callable, sizeof callable},
        {newobj_empty, sizeof newobj_empty}, {newobj_notype, sizeof newobj_notype},
        {args_list, sizeof args_list}, {truncated, sizeof truncated},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ck_assert(IS_NULL(ser_loads(cases[i].p, cases[i].n)));
        ck_assert(err_occurred());
        err_clear();
    }
}
END_TEST

int main(void) {
    Suite *s = suite_create("serialize");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_roundtrip_shares_and_cycles);
    tcase_add_test(tc, test_bad_header);
    tcase_add_test(tc, test_truncations_and_corruptions);
    tcase_add_test(tc, test_huge_counts_rejected);
    tcase_add_test(tc, test_bad_reduce_streams);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
