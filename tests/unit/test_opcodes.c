/* tests/unit/test_opcodes.c: the pops and pushes columns of interp/opcodes.h
 * agree with what the VM does.
 *
 * The compiler sizes every frame's value stack from those columns
 * (comp_flow_step), and the VM trusts the size, so a wrong entry is a stack
 * overflow or a miscompiled merge at run time.  Compiling the snippets below
 * catches it three ways:
 *   - a statement leaves the stack as it found it, so the same statement as
 *     a loop body must bring the loop head back to its depth: a wrong net
 *     effect anywhere on the way fails to compile ("inconsistent stack
 *     depth");
 *   - a pops column larger than the values there fails ("stack underflow");
 *   - the largest co_stacksize among the snippet's code objects is pinned
 *     here, worked out from the VM's stack pictures (the docs in opcodes.h)
 *     as the deepest stack shown in the comment.
 * Every opcode the compiler emits appears in some snippet (checked below), so
 * a new opcode needs a snippet here.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp/code.h"
#include "interp/opcodes.h"
#include "runtime/error.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "interp/lifecycle.h"

static int initialised;
static void setup(void) {
    if (!initialised) lifecycle_start_runtime();
    initialised = 1;
}

typedef struct {
    const char *src;
    int stacksize;      /* the largest co_stacksize of its code objects */
} Snippet;

static const Snippet snippets[] = {
    { "f(a, b, c)", 5 },                                    /* [NULL, f, a, b, c] */
    { "o.m(a, b)", 4 },                                     /* [m, o, a, b] */
    { "f(x, k=1, j=2)", 6 },                                /* [NULL, f, x, 1, 2, ('k', 'j')] */
    { "g(*a, **k)", 5 },                                    /* [NULL, g, args, {}, k] */
    { "a, *b, c = t", 3 },                                  /* [c, [b], a] */
    { "def f(a=1, *, b=2): pass", 3 },                      /* [(1,), 'b', 2], [(1,), {..}, code] */
    { "x = f'{v!r:>{w}}'", 3 },                             /* [v, '>', w] */
    { "raise E from C", 2 },                                /* [E, C] */
    { "with m as n:\n    pass", 4 },                        /* handler: [exit, prev, exc, result] */
    { "try:\n    pass\nexcept E as e:\n    pass", 3 },     /* handler: [prev, exc, E] */
    { "try:\n    pass\nexcept* E as e:\n    pass", 7 },    /* [prev, orig, list, rest, match, match, None] */
    { "try:\n    a\nfinally:\n    b", 3 },                 /* handler: [prev, exc, b] */
    { "d = {**a, 'k': v}", 3 },                             /* [{..}, 'k', v] */
    { "o.x[i] = v", 3 },                                    /* [v, o.x, i] */
    { "s = {*a, b}", 2 },                                   /* [set, a] */
    { "x = [y for y in z]", 3 },                            /* <listcomp>: [list, iterator, y] */
    { "s = {y for y in z}", 3 },                            /* <setcomp>: [set, iterator, y] */
    { "m = {k: v for k, v in z}", 4 },                      /* <dictcomp>: [dict, iterator, k, v] */
    { "import m", 2 },                                      /* [0, None] */
    { "from m import a, b", 2 },                            /* [0, ('a', 'b')], [m, a] */
    { "from m import *", 2 },                               /* [0, ('*',)] */
    { "del a[i], o.x", 2 },                                 /* [a, i] */
    { "o.x = -a + ~b", 2 },                                 /* [-a, b] */
    { "x = +a, not b", 2 },                                 /* [+a, b] */
    { "x = a[1:2:3]", 4 },                                  /* [a, 1, 2, 3] */
    { "x = a < b is c in d", 3 },                           /* [b, a, b] */
    { "x = a and b or c", 1 },
    { "x = a if not b else c", 1 },
    { "x = (y := a)", 2 },                                  /* [a, a] */
    { "assert a, m", 3 },                                   /* [NULL, AssertionError, m] */
    { "x: int = 1", 3 },                                    /* [int, __annotations__, 'x'] */
    { "class C:\n    x: int = 1", 4 },                      /* [NULL, __build_class__, function, 'C'] */
    { "def f(a):\n    global g\n    while a:\n        g = a\n        del g, a\n        a = g", 1 },
    { "def f(a):\n    def h():\n        nonlocal a\n        while a:\n            a = 1\n            del a\n"
      "    return h", 2 },                                  /* f: [(cell,), code] */
    { "def f(a):\n    class C:\n        while a:\n            b = a\n    return C", 4 },
                                                            /* f: [NULL, __build_class__, (cell,), code] */
    { "def g(a):\n    while a:\n        a = yield a\n        yield from a", 2 }, /* [iterator, None] */
    { "async def f(a):\n    while a:\n        a = await a", 2 },         /* [iterator, None] */
    { "async def f(a):\n    async for x in a:\n        pass", 3 },      /* [aiter, iterator, None] */
    { "async def f(a):\n    async with a as b:\n        pass", 5 },     /* [NULL, exit, None, None, None] */
    { "async def f(a):\n    while a:\n        a = yield a", 1 },        /* ASYNC_GEN_WRAP: [a] */
    { "def f(s, t):\n    s += t\n    s = s + t\n    return s", 2 },  /* APPEND_FAST[_INPLACE]: [s, t]; LOAD_FAST_ESCAPE */
    { "async def f(a):\n    return [x async for x in a]", 4 },           /* <listcomp>: [list, aiter, iterator, None] */
    { "match s:\n    case {'k': v, **r}:\n        pass", 5 },  /* [s, keys, values, values, None] */
    { "match s:\n    case C(a, b=1):\n        pass\n    case _:\n        pass", 3 },
                                                            /* [s, C, ('b',)], then [a, 1] */
    { "match s:\n    case [a, *_, b] | (a, b):\n        pass", 6 },
                                                            /* b = s[len(s) - 1]: [s, a, s, s, len, 1] */
};

/* Compile src; a failure fails the test with the exception's message. */
static Code *compile_c(const char *src, ParseMode mode) {
    Value co = compile_source(src, strlen(src), str_from_c("<snippet>"), mode);
    if (IS_NULL(co)) {
        Value s = obj_str(err_fetch());
        ck_abort_msg("%s: %s", src, IS_NULL(s) ? "?" : STR_DATA(s));
    }
    return AS_CODE(co);
}

/* The largest stacksize among co and the code objects nested in it; marks
 * each opcode found in seen[]. */
static int walk(Code *co, unsigned char *seen) {
    int max = co->stacksize;
    for (int i = 0; i < co->ncode; i += opcode_words[INSTR_OP(co->code[i])])
        seen[INSTR_OP(co->code[i])] = 1;
    Tuple *consts = AS_TUPLE(co->consts);
    for (int64_t k = 0; k < consts->len; k++) {
        Value v = consts->items[k];
        if (!IS_OBJ(v) || AS_OBJ(v)->type != &type_code) continue;
        int n = walk(AS_CODE(v), seen);
        if (n > max) max = n;
    }
    return max;
}

/* "while c:" around src, indented. */
static char *in_loop(const char *src) {
    char *out = malloc(strlen("while c:\n    ") + 5 * strlen(src) + 2), *p = out;
    p += sprintf(p, "while c:\n    ");
    for (; *src; src++) p += *src == '\n' ? sprintf(p, "\n    ") : sprintf(p, "%c", *src);
    strcpy(p, "\n");
    return out;
}

START_TEST(test_stacksize)
{
    unsigned char seen[256] = { 0 };
    const Snippet *s = &snippets[_i];
    int got = walk(compile_c(s->src, PARSE_FILE), seen);
    ck_assert_msg(got == s->stacksize, "%s: stacksize %d, expected %d", s->src, got, s->stacksize);
}
END_TEST

START_TEST(test_balanced_in_loop)
{
    char *src = in_loop(snippets[_i].src);
    compile_c(src, PARSE_FILE);
    free(src);
}
END_TEST

/* PRINT_EXPR exists only in the REPL's mode. */
START_TEST(test_print_expr)
{
    unsigned char seen[256] = { 0 };
    ck_assert_int_eq(walk(compile_c("a", PARSE_SINGLE), seen), 1);       /* [a] */
    ck_assert(seen[OPC_PRINT_EXPR]);
    compile_c("while c:\n    a\n\n", PARSE_SINGLE);
}
END_TEST

START_TEST(test_every_opcode_covered)
{
    unsigned char seen[256] = { 0 };
    for (size_t i = 0; i < sizeof snippets / sizeof snippets[0]; i++)
        walk(compile_c(snippets[i].src, PARSE_FILE), seen);
    seen[OPC_PRINT_EXPR] = 1;           /* test_print_expr */
    seen[OPC_NOP] = 1;                  /* only a match's final `case _:` (a snippet above) */
    for (int op = 0; op < OPC__COUNT; op++)
        ck_assert_msg(seen[op], "no snippet uses %s: add one to tests/unit/test_opcodes.c", opcode_names[op]);
}
END_TEST

static Suite *opcodes_suite(void) {
    Suite *s = suite_create("opcodes");
    TCase *tc = tcase_create("core");
    int n = (int)(sizeof snippets / sizeof snippets[0]);
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_loop_test(tc, test_stacksize, 0, n);
    tcase_add_loop_test(tc, test_balanced_in_loop, 0, n);
    tcase_add_test(tc, test_print_expr);
    tcase_add_test(tc, test_every_opcode_covered);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    SRunner *sr = srunner_create(opcodes_suite());
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
