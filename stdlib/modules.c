/* modules.c - the table of modules implemented in C.
 *
 * Design: one static array, searched linearly by the import system (a dozen
 * entries).  Only modules whose mod_*.c exists are listed: a missing init
 * symbol would break the link.  Add a line here with each new mod_*.c.
 */
#include "modules.h"

const BuiltinModule builtin_modules[] = {
    {"math", mod_math_init},
    {"time", mod_time_init},
    {"posix", mod_os_init},
    {"_random", mod_random_init},
    {"_dis", mod_dis_init},
    {"_thread", mod_thread_init},
    {"signal", mod_signal_init},
    {"gil", mod_gil_init},
    {"_pickle", mod_pickle_init},
    {"_mp", mod_mp_init},
    {NULL, NULL},
};
