/* modules.h - the modules implemented in C, by import name.
 *
 * builtin_modules[] (stdlib/modules.c) lists every stdlib/mod_*.c module the
 * import system may create; it calls init() once and stores the result in
 * sys.modules.  `builtins` and `sys` are not in the table: interp/lifecycle.c creates
 * them before any import runs.
 */
#ifndef GILPY_MODULES_H
#define GILPY_MODULES_H

#include "../runtime/object.h"

typedef struct BuiltinModule {
    const char *name;
    Value (*init)(void);        /* builds the module; the import system caches it */
} BuiltinModule;

extern const BuiltinModule builtin_modules[];   /* NULL-terminated */

/* The init functions, one per stdlib/mod_*.c. */
Value mod_math_init(void);
Value mod_time_init(void);
Value mod_os_init(void);        /* the `posix` module (os.py wraps it) */
Value mod_random_init(void);
Value mod_thread_init(void);
Value mod_signal_init(void);    /* the `signal` module */
Value mod_gil_init(void);       /* the `gil` module: GIL counters (mod_gil.c) */
Value mod_dis_init(void);       /* the `_dis` module (dis.py wraps it) */

Value mod_pickle_init(void);    /* the `_pickle` module (pickle.py wraps it) */
Value mod_mp_init(void);        /* the `_mp` module: multiprocessing's C core */
#endif
