/* fuzz_serialize.c - libFuzzer target for runtime/serialize.c's loader.
 *
 * Built by .ci/run like fuzz_parse.c (every interpreter source but
 * interp/main.c).  Each input is loaded twice: as is, and behind a valid
 * header.  Loading may fail only with a pending exception; what loads must
 * dump again.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/error.h"
#include "interp/lifecycle.h"
#include "runtime/serialize.h"

static void fuzz_serialize_one(const uint8_t *data, size_t size) {
    Value v = ser_loads(data, size);
    if (IS_NULL(v)) {
        if (!err_occurred()) abort();
        err_clear();
        return;
    }
    if (IS_NULL(ser_dumps(v))) err_clear();   /* e.g. an object whose class has no name */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static int ready;
    if (!ready) {
        lifecycle_start_runtime();
        ready = 1;
    }
    fuzz_serialize_one(data, size);
    uint8_t *framed = malloc(size + 4);
    if (!framed) return 0;
    memcpy(framed, "GPK\x01", 4);
    memcpy(framed + 4, data, size);
    fuzz_serialize_one(framed, size + 4);
    free(framed);
    return 0;
}
