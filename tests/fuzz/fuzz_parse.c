/* fuzz_parse.c - libFuzzer target for the lexer, parser and compiler.
 *
 * Built by .ci/run with clang -fsanitize=fuzzer,address,undefined from every
 * source of the interpreter but interp/main.c (the compiler needs the
 * runtime for its constants and its SyntaxErrors).  Every input is parsed in
 * the three modes, then compiled in each: nothing may crash, hang or leak,
 * a failed parse must leave a well-formed ParseError, and a failed compile
 * must leave a pending SyntaxError (or MemoryError/RecursionError).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "interp/ast.h"
#include "interp/code.h"
#include "interp/vm.h"
#include "runtime/error.h"
#include "runtime/obj_str.h"
#include "interp/lifecycle.h"

static void fuzz_parse_one(const uint8_t *data, size_t size, ParseMode mode) {
    Arena arena;
    ParseError err;
    arena_init(&arena);
    Module *m = parse_source(&arena, (const char *)data, size, mode, &err);
    if (!m) {
        if (!err.kind || strlen(err.msg) == 0 || err.lineno < 0) abort();
    } else if (mode == PARSE_EVAL && !m->expr) {
        abort();
    }
    arena_free(&arena);
}

static void fuzz_compile_one(const uint8_t *data, size_t size, ParseMode mode) {
    Value code = compile_source((const char *)data, size, str_intern_c("<fuzz>"), mode);
    if (IS_NULL(code)) {
        if (!err_occurred()) abort();
        Type *t = val_type(err_peek());
        if (!type_is_subtype(t, &exc_SyntaxError) && t != &exc_MemoryError && t != &exc_RecursionError &&
            t != &exc_ValueError && t != &exc_OverflowError)
            abort();
        err_clear();
    } else if (!IS_EXACT(code, type_code)) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static int ready;
    if (!ready) {
        lifecycle_start_runtime();
        lifecycle_start_interpreter();
        ready = 1;
    }
    static const ParseMode modes[] = { PARSE_FILE, PARSE_EVAL, PARSE_SINGLE };
    for (int i = 0; i < 3; i++) {
        fuzz_parse_one(data, size, modes[i]);
        fuzz_compile_one(data, size, modes[i]);
    }
    return 0;
}
