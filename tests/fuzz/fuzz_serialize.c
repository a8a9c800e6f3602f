/* fuzz_serialize.c - libFuzzer target for the pickle loader
 * (stdlib/pickle_load.c, the `_pickle` module's Unpickler).
 *
 * Built by .ci/run like fuzz_parse.c (every interpreter source but
 * interp/main.c).  Each input is loaded twice: as is, and behind a protocol
 * 4 header.  Loading may fail only with a pending exception; what loads must
 * dump again.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/obj_bytes.h"
#include "interp/lifecycle.h"
#include "stdlib/pickle.h"

static void fuzz_serialize_one(const uint8_t *data, size_t size) {
    Value b = bytes_new(data, size);
    if (IS_NULL(b)) { err_clear(); return; }
    Value v = unpickler_loads(b, 1, VAL_NULL, VAL_NULL, VAL_NULL);
    if (IS_NULL(v)) {
        if (!err_occurred()) abort();
        err_clear();
        return;
    }
    if (IS_NULL(pickler_dumps(v, 4, 1, VAL_NULL))) err_clear();   /* e.g. an unpicklable object */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static int ready;
    if (!ready) {
        lifecycle_start_runtime();     /* the loader imports (find_class, copyreg) */
        if (lifecycle_start_interpreter() < 0) abort();
        ready = 1;
    }
    fuzz_serialize_one(data, size);
    uint8_t *framed = malloc(size + 2);
    if (!framed) return 0;
    memcpy(framed, "\x80\x04", 2);
    memcpy(framed + 2, data, size);
    fuzz_serialize_one(framed, size + 2);
    free(framed);
    return 0;
}
