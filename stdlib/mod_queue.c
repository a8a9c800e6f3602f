/* mod_queue.c - the `_queue` module: its `Empty` exception only.
 *
 * In CPython `queue.Empty` is `_queue.Empty`, and pickles name it so: an
 * Empty raised in a Manager's server or a Pool worker travels to the caller
 * as `_queue.Empty`, which the receiver must be able to import.  gilpy's
 * queue.py (stdlib/lib/queue.py) takes Empty from here; its SimpleQueue is
 * Python code there. */
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "interp/modreg.h"

GILPY_MODULE("_queue", mod_queue_init);

static Value queue_empty = VAL_NULL;

Value mod_queue_init(void) {
    Value m = module_new_c("_queue");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    if (IS_NULL(queue_empty)) {
        gc_add_root(&queue_empty);
        queue_empty = exc_new_class("_queue", "Empty", &exc_Exception);
        if (IS_NULL(queue_empty)) return VAL_NULL;
        if (obj_setattr(queue_empty, str_from_c("__doc__"),
                          str_from_c("Exception raised by Queue.get(block=0)/get_nowait().")) < 0)
            return VAL_NULL;
    }
    if (dict_set_c(d, "__doc__", str_from_c("C implementation of the Python queue module.\n"
                   "This module is an implementation detail, please do not use it directly.")) < 0
        || dict_set_c(d, "Empty", queue_empty) < 0)
        return VAL_NULL;
    return m;
}
