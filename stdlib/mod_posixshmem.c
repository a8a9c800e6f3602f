/* mod_posixshmem.c - the `_posixshmem` module: shm_open and shm_unlink, under
 * CPython's multiprocessing/shared_memory.py (which maps the descriptor with
 * mmap and sizes it with os.ftruncate).  Names are str, as in CPython; an
 * interrupted call runs the signal handlers and is retried. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>

#include "runtime/fdlimit.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gil.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/signals.h"
#include "interp/modreg.h"

GILPY_MODULE("_posixshmem", mod_posixshmem_init);

/* The path argument as a C string ("shm_open() argument 'path' must be str");
 * CPython does not refuse an embedded NUL either. */
static const char *shm_path(const char *fname, Value v) {
    if (!IS_STR(v)) {
        err_format(&exc_TypeError, "%s() argument 'path' must be str, not %N", fname, v);
        return NULL;
    }
    return STR_DATA(v);    /* as CPython's: a NUL ends the name */
}

/* shm_open(path, flags, mode=0o777) -> fd */
static Value shm_open_m(Value *args, int nargs, Value kwnames) {
    int flags, mode = 0777, fd, err, tries = 0;
    const char *name = shm_path("shm_open", args[0]);
    if (!name || arg_to_int(args[1], &flags) < 0) return VAL_NULL;
    if (!IS_NULL(args[2]) && arg_to_int(args[2], &mode) < 0) return VAL_NULL;
    for (;;) {
        GIL_BLOCKING_BEGIN(GIL_REASON_IO);
        fd = shm_open(name, flags, (mode_t)mode);
        err = errno;
        GIL_BLOCKING_END();
        if (fd >= 0) return MK_SMALLINT(fd);
        if (err == EINTR) {
            if (sig_check() < 0) return VAL_NULL;
        } else if (!fdlimit_reclaim(err, tries++)) {
            break;
        }
    }
    errno = err;
    return err_from_errno(&exc_OSError, args[0]);
}

/* shm_unlink(path) */
static Value shm_unlink_m(Value *args, int nargs, Value kwnames) {
    int rc, err;
    const char *name = shm_path("shm_unlink", args[0]);
    if (!name) return VAL_NULL;
    for (;;) {
        GIL_BLOCKING_BEGIN(GIL_REASON_IO);
        rc = shm_unlink(name);
        err = errno;
        GIL_BLOCKING_END();
        if (rc == 0) return VAL_NONE;
        if (err != EINTR) break;
        if (sig_check() < 0) return VAL_NULL;
    }
    errno = err;
    return err_from_errno(&exc_OSError, args[0]);
}

static const MethodDef shm_functions[] = {
    {"shm_open", shm_open_m, ARGS_KW, "Open a shared memory object.  Returns a file descriptor (integer).",
     "($module, /, path, flags, mode=511)"},
    {"shm_unlink", shm_unlink_m, ARGS_KW, "Remove a shared memory object (similar to unlink()).\n\n"
     "Remove a shared memory object name, and, once all processes  have  unmapped\n"
     "the object, de-allocates and destroys the contents of the associated memory\n"
     "region.", "($module, /, path)"},
    {NULL, NULL, 0, NULL},
};

Value mod_posixshmem_init(void) {
    Value m = module_new_c("_posixshmem");
    if (IS_NULL(m)) return VAL_NULL;
    dict_add_methods(MODULE_DICT(m), shm_functions, m);
    return err_occurred() ? VAL_NULL : m;
}
