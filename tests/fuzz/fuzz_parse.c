/* fuzz_parse.c - libFuzzer target for the lexer and parser.
 *
 *   clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
 *       interp/arena.c interp/lexer.c interp/parser.c tests/fuzz/fuzz_parse.c -o fuzz_parse
 *   ./fuzz_parse -max_total_time=60 CORPUS_DIR tests/parser/cases
 *
 * Every input is parsed in the three modes; the parser must never crash,
 * hang or leak, and on failure it must leave a well-formed ParseError.
 */
#include "../../interp/ast.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void fuzz_one(const uint8_t *data, size_t size, ParseMode mode) {
    Arena arena;
    ParseError err;
    Module *m;
    arena_init(&arena);
    m = parse_source(&arena, (const char *)data, size, mode, &err);
    if (!m) {
        /* the error must be filled in */
        if (!err.kind || strlen(err.msg) == 0 || err.lineno < 0) abort();
    } else if (mode == PARSE_EVAL && !m->expr) {
        abort();
    }
    arena_free(&arena);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_one(data, size, PARSE_FILE);
    fuzz_one(data, size, PARSE_EVAL);
    fuzz_one(data, size, PARSE_SINGLE);
    return 0;
}
