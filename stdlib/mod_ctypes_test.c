/* mod_ctypes_test.c - `import _ctypes_test`: the library of C functions
 * CPython's ctypes tests call (tests/ctypes_lib/_ctypes_test.c, built by
 * meson beside the gilpy binary as _ctypes_test.so).
 *
 * In CPython _ctypes_test is an extension module and the tests load its file
 * with CDLL(_ctypes_test.__file__); here the module only names that file.
 * Where the library is not beside the executable (an installed gilpy), the
 * import fails as it does for a CPython without its test modules.
 */
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "runtime/error.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "interp/modreg.h"

GILPY_MODULE("_ctypes_test", mod_ctypes_test_init);

Value mod_ctypes_test_init(void) {
    char path[PATH_MAX + 32];
    ssize_t n = readlink("/proc/self/exe", path, PATH_MAX);
    if (n > 0) path[n] = 0;
    char *slash = n > 0 ? strrchr(path, '/') : NULL;
    if (!slash) return err_format(&exc_ModuleNotFoundError, "No module named '_ctypes_test'");
    strcpy(slash + 1, "_ctypes_test.so");
    if (access(path, R_OK) != 0) return err_format(&exc_ModuleNotFoundError, "No module named '_ctypes_test'");
    Value m = module_new_c("_ctypes_test");
    if (IS_NULL(m) || dict_set_c(MODULE_DICT(m), "__file__", str_from_c(path)) < 0) return VAL_NULL;
    return m;
}
