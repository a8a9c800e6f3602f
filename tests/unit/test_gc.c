/* tests/unit/test_gc.c: the collector's roots.  What a root keeps alive
 * survives a collection with its contents intact (registered statics, the
 * temporary root stack, C locals found by the conservative stack scan,
 * objects reachable through containers and malloc'd item arrays); what no
 * root reaches is freed, small and large objects alike. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "interp/lifecycle.h"

static int initialised;
static void setup(void) {
    if (!initialised) lifecycle_start_runtime();
    initialised = 1;
}

/* Pointers kept where the conservative scan cannot see them. */
#define HIDE(p) ((uintptr_t)(p) ^ (uintptr_t)0x5A5A5A5A5A5A5A5Aull)

static uintptr_t hidden[1000];

/* Allocate n lists whose only trace is the hidden table; clobber the stack. */
__attribute__((noinline)) static void make_garbage(int n) {
    for (int i = 0; i < n; i++) hidden[i] = HIDE(AS_OBJ(list_new(4)));
}

__attribute__((noinline)) static void clobber_stack(void) {
    volatile char junk[16384];
    for (size_t i = 0; i < sizeof junk; i++) junk[i] = 0;
}

START_TEST(test_unreachable_is_freed)
{
    make_garbage(1000);
    clobber_stack();
    gc_collect();
    int alive = 0;
    for (int i = 0; i < 1000; i++)
        if (gc_is_heap_object((void *)HIDE(hidden[i]))) alive++;
    ck_assert_int_lt(alive, 10);            /* a stray stack word may keep a few */
}
END_TEST

static Value static_root;

START_TEST(test_static_root_keeps_contents)
{
    static_root = list_new(0);
    gc_add_root(&static_root);
    for (int i = 0; i < 5000; i++) list_append(static_root, str_format_c("item %d", i));
    clobber_stack();
    gc_collect();
    ck_assert_int_eq(AS_LIST(static_root)->len, 5000);
    ck_assert(str_eq_c(AS_LIST(static_root)->items[4321], "item 4321"));
    ck_assert(gc_is_heap_object(AS_OBJ(AS_LIST(static_root)->items[0])));
}
END_TEST

START_TEST(test_temp_root_for_malloced_value)
{
    Value *slot = malloc(sizeof(Value));      /* invisible to the stack scan */
    *slot = str_from_c("kept only by the temporary root stack");
    uintptr_t h = HIDE(AS_OBJ(*slot));
    gc_push_root(slot);
    clobber_stack();
    gc_collect();
    ck_assert(gc_is_heap_object((void *)HIDE(h)));
    ck_assert(str_eq_c(*slot, "kept only by the temporary root stack"));
    gc_pop_root();
    free(slot);
}
END_TEST

START_TEST(test_local_found_by_stack_scan)
{
    volatile Value local = dict_new();
    dict_set(local, str_from_c("key"), str_from_c("value"));
    gc_collect();
    Value v = dict_get(local, str_from_c("key"));
    ck_assert(!IS_NULL(v));
    ck_assert(str_eq_c(v, "value"));
}
END_TEST

__attribute__((noinline)) static uintptr_t make_large_garbage(void) {
    char big[20000];
    memset(big, 'x', sizeof big);
    return HIDE(AS_OBJ(str_new(big, sizeof big)));
}

START_TEST(test_large_objects)
{
    volatile Value kept = str_from_c("");
    char big[50000];
    memset(big, 'y', sizeof big);
    kept = str_new(big, sizeof big);
    uintptr_t gone = make_large_garbage();
    clobber_stack();
    gc_collect();
    ck_assert(gc_is_heap_object(AS_OBJ(kept)));
    ck_assert_int_eq(STR_LEN(kept), 50000);
    ck_assert_int_eq(STR_DATA(kept)[49999], 'y');
    ck_assert(!gc_is_heap_object((void *)HIDE(gone)));
}
END_TEST

START_TEST(test_many_collections_keep_structure)
{
    volatile Value d = dict_new();
    for (int round = 0; round < 20; round++) {
        for (int i = 0; i < 500; i++) {
            Value l = list_new(0);
            list_append(l, MK_SMALLINT(i));
            list_append(l, str_format_c("%d-%d", round, i));
            dict_set(d, MK_SMALLINT(i), l);
        }
        gc_collect();
    }
    Value l = dict_get(d, MK_SMALLINT(123));
    ck_assert(IS_LIST(l));
    ck_assert(str_eq_c(AS_LIST(l)->items[1], "19-123"));
    ck_assert_int_eq(dict_len(d), 500);
}
END_TEST

static Suite *gc_suite(void) {
    Suite *s = suite_create("gc");
    TCase *tc = tcase_create("roots");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_unreachable_is_freed);
    tcase_add_test(tc, test_static_root_keeps_contents);
    tcase_add_test(tc, test_temp_root_for_malloced_value);
    tcase_add_test(tc, test_local_found_by_stack_scan);
    tcase_add_test(tc, test_large_objects);
    tcase_add_test(tc, test_many_collections_keep_structure);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    SRunner *sr = srunner_create(gc_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
