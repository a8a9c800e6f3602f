/* tests/unit/test_embedded.c: the table of embedded stdlib modules is well formed,
 * and the import system finds it and the C modules through the linker-section
 * registry (interp/modreg.h), which only works if the suite links gilpy_core whole. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"

static size_t module_count(void)
{
    size_t n = 0;
    while (gilpy_embedded_modules[n].name != NULL)
        n++;
    return n;
}

START_TEST(test_terminated)
{
    size_t n = module_count();
    ck_assert_ptr_null(gilpy_embedded_modules[n].source);
    ck_assert_uint_eq(gilpy_embedded_modules[n].len, 0);
    ck_assert_int_eq(gilpy_embedded_modules[n].is_package, 0);
}
END_TEST

START_TEST(test_lengths)
{
    for (size_t i = 0; gilpy_embedded_modules[i].name != NULL; i++) {
        const struct gilpy_embedded_module *m = &gilpy_embedded_modules[i];
        ck_assert_ptr_nonnull(m->source);
        ck_assert_msg(strlen(m->source) == m->len, "%s: len %zu != strlen %zu", m->name,
                      m->len, strlen(m->source));
        ck_assert(m->is_package == 0 || m->is_package == 1);
    }
}
END_TEST

static int valid_dotted_name(const char *s)
{
    int start = 1;
    for (; *s; s++) {
        char c = *s;
        if (c == '.') {
            if (start)
                return 0;
            start = 1;
            continue;
        }
        if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (!start && c >= '0' && c <= '9')))
            return 0;
        start = 0;
    }
    return !start;
}

START_TEST(test_names_sorted_unique_valid)
{
    for (size_t i = 0; gilpy_embedded_modules[i].name != NULL; i++) {
        const char *name = gilpy_embedded_modules[i].name;
        ck_assert_msg(valid_dotted_name(name), "bad module name '%s'", name);
        if (i > 0)
            ck_assert_msg(strcmp(gilpy_embedded_modules[i - 1].name, name) < 0,
                          "modules not sorted/unique at '%s'", name);
    }
}
END_TEST

START_TEST(test_submodules_have_package)
{
    /* "a.b" requires an entry "a" that is a package. */
    for (size_t i = 0; gilpy_embedded_modules[i].name != NULL; i++) {
        const char *name = gilpy_embedded_modules[i].name;
        const char *dot = strrchr(name, '.');
        if (dot == NULL)
            continue;
        size_t plen = (size_t)(dot - name);
        int found = 0;
        for (size_t j = 0; gilpy_embedded_modules[j].name != NULL; j++) {
            const struct gilpy_embedded_module *p = &gilpy_embedded_modules[j];
            if (strlen(p->name) == plen && strncmp(p->name, name, plen) == 0)
                found = p->is_package;
        }
        ck_assert_msg(found, "'%s' has no parent package", name);
    }
}
END_TEST

START_TEST(test_registered)
{
    for (size_t i = 0; gilpy_embedded_modules[i].name != NULL; i++)
        ck_assert_ptr_eq(import_find_embedded(gilpy_embedded_modules[i].name),
                         &gilpy_embedded_modules[i]);
    ck_assert_ptr_null(import_find_embedded("no_such_module"));

    size_t n;
    const BuiltinModule *const *mods = import_builtin_modules(&n);
    ck_assert_uint_ge(n, 1);
    for (size_t i = 0; i < n; i++) {
        ck_assert_ptr_nonnull(mods[i]->name);
        ck_assert_ptr_nonnull(mods[i]->init);
        ck_assert_ptr_eq(import_find_builtin(mods[i]->name), mods[i]);
    }
    ck_assert_ptr_nonnull(import_find_builtin("math"));
    ck_assert_ptr_null(import_find_builtin("sys"));     /* created by start-up code */
}
END_TEST

static Suite *embedded_suite(void)
{
    Suite *s = suite_create("embedded");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, test_terminated);
    tcase_add_test(tc, test_lengths);
    tcase_add_test(tc, test_names_sorted_unique_valid);
    tcase_add_test(tc, test_submodules_have_package);
    tcase_add_test(tc, test_registered);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(embedded_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
