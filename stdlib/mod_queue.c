/* mod_queue.c - the `_queue` module: SimpleQueue, the unbounded FIFO that
 * CPython's queue.py takes from C (and concurrent.futures' thread pool
 * waits on), and the Empty exception.
 *
 * Design, as CPython's: the items are a list read from a moving front index
 * (compacted once the dead front outgrows the live part), and one
 * `_thread.lock` stands for "a getter waits on an empty queue": get() on an
 * empty queue takes the lock (the first time at once, then blocking without
 * the GIL until a put releases it); put() appends and, if a getter holds the
 * lock, releases it, and a getter that took an item releases it too, so the
 * next waiter looks again (two puts may have woken only one).  The GIL makes each operation atomic, so put never
 * blocks and get never misses an item.
 */
#include <string.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_float.h"
#include "runtime/obj_genericalias.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_type.h"
#include "interp/import.h"
#include "interp/modreg.h"

GILPY_MODULE("_queue", mod_queue_init);

typedef struct SimpleQueue {
    Obj     header;
    Value   items;          /* list; live from `front` on */
    int64_t front;
    Value   lock;           /* a _thread.lock, held while a getter waits */
    int     locked;
} SimpleQueue;

#define AS_SQ(v) ((SimpleQueue *)AS_OBJ(v))

static Value queue_empty_exc = VAL_NULL;     /* _queue.Empty */

static void sq_trace(Obj *o) {
    SimpleQueue *q = (SimpleQueue *)o;
    gc_mark_value(q->items);
    gc_mark_value(q->lock);
}

static Value sq_new_m(Value *args, int nargs, Value kwnames) {
    if (nargs > 1) return err_format(&exc_TypeError, "SimpleQueue() takes no positional arguments");
    if (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len)
        return err_format(&exc_TypeError, "SimpleQueue() takes no keyword arguments");
    Value thread = import_module_c("_thread");
    Value lock = IS_NULL(thread) ? VAL_NULL : obj_call_method(thread, "allocate_lock", NULL, 0);
    Value items = IS_NULL(lock) ? VAL_NULL : list_new(0);
    if (IS_NULL(items)) return VAL_NULL;
    SimpleQueue *q = (SimpleQueue *)obj_new_instance(AS_TYPE(args[0]));
    if (!q) return VAL_NULL;
    q->items = items;
    q->lock = lock;
    return MK_OBJ(q);
}

static int64_t sq_size(SimpleQueue *q) { return AS_LIST(q->items)->len - q->front; }

static Value sq_put(SimpleQueue *q, Value item) {
    if (list_append(q->items, item) < 0) return VAL_NULL;
    if (q->locked) {                /* a get() waits: wake it */
        q->locked = 0;
        if (IS_NULL(obj_call_method(q->lock, "release", NULL, 0))) return VAL_NULL;
    }
    return VAL_NONE;
}

/* put(item, block=True, timeout=None): never blocks; block and timeout are
 * accepted for Queue's signature. */
static Value sq_put_m(Value *args, int nargs, Value kwnames) { return sq_put(AS_SQ(args[0]), args[1]); }
static Value sq_put_nowait_m(Value *args, int nargs, Value kwnames) { return sq_put(AS_SQ(args[0]), args[1]); }

/* The front item, the list compacted when its dead front is the larger part. */
static Value sq_pop_front(SimpleQueue *q) {
    List *l = AS_LIST(q->items);
    Value item = l->items[q->front];
    l->items[q->front++] = VAL_NONE;
    if (q->front == l->len) {
        l->len = 0;
        q->front = 0;
    } else if (q->front > 64 && q->front * 2 > l->len) {
        memmove(l->items, l->items + q->front, (size_t)(l->len - q->front) * sizeof(Value));
        l->len -= q->front;
        q->front = 0;
    }
    return item;
}

/* Wait (without the GIL, inside lock.acquire) for a put; 1 woken, 0 timed out. */
static int sq_wait(SimpleQueue *q, Value timeout) {
    Value args[2] = {VAL_TRUE, IS_NONE(timeout) ? MK_SMALLINT(-1) : timeout};
    Value r = obj_call_method(q->lock, "acquire", args, 2);
    if (IS_NULL(r)) return -1;
    if (!IS_TRUE(r)) return 0;
    q->locked = 1;
    return 1;
}

static Value sq_get(SimpleQueue *q, int block, Value timeout) {
    if (block && !IS_NONE(timeout)) {
        double t;
        if (arg_to_seconds(timeout, &t) < 0) return VAL_NULL;
        if (t < 0) return err_format(&exc_ValueError, "'timeout' must be a non-negative number");
        timeout = MK_FLOAT(t);
    }
    while (sq_size(q) == 0) {
        if (!block) return err_set_obj(queue_empty_exc);
        int r = sq_wait(q, timeout);
        if (r < 0) return VAL_NULL;
        if (r == 0 && sq_size(q) == 0) return err_set_obj(queue_empty_exc);
    }
    Value item = sq_pop_front(q);
    if (q->locked) {                /* pass the wake-up on: another getter may wait */
        q->locked = 0;
        if (IS_NULL(obj_call_method(q->lock, "release", NULL, 0))) return VAL_NULL;
    }
    return item;
}

/* get(block=True, timeout=None) */
static Value sq_get_m(Value *args, int nargs, Value kwnames) {
    int block = IS_NULL(args[1]) ? 1 : obj_truthy(args[1]);
    if (block < 0) return VAL_NULL;
    return sq_get(AS_SQ(args[0]), block, IS_NULL(args[2]) ? VAL_NONE : args[2]);
}

static Value sq_get_nowait_m(Value *args, int nargs, Value kwnames) {
    return sq_get(AS_SQ(args[0]), 0, VAL_NONE);
}

static Value sq_empty_m(Value *args, int nargs, Value kwnames) { return MK_BOOL(sq_size(AS_SQ(args[0])) == 0); }
static Value sq_qsize_m(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(sq_size(AS_SQ(args[0]))); }

static const MethodDef sq_methods[] = {
    {"__new__", sq_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"put", sq_put_m, ARGS_KW, "Put the item on the queue.\n\nThe optional 'block' and 'timeout' arguments "
     "are ignored, as this method\nnever blocks.  They are provided for compatibility with the Queue class.",
     "($self, /, item, block=True, timeout=None)"},
    {"put_nowait", sq_put_nowait_m, ARGS_KW, "Put an item into the queue without blocking.\n\nThis is exactly "
     "equivalent to `put(item)` and is only provided\nfor compatibility with the Queue class.", "($self, /, item)"},
    {"get", sq_get_m, ARGS_KW, "Remove and return an item from the queue.\n\nIf optional args 'block' is true "
     "and 'timeout' is None (the default),\nblock if necessary until an item is available. If 'timeout' is\n"
     "a non-negative number, it blocks at most 'timeout' seconds and raises\nthe Empty exception if no item "
     "was available within that time.\nOtherwise ('block' is false), return an item if one is immediately\n"
     "available, else raise the Empty exception ('timeout' is ignored\nin that case).",
     "($self, /, block=True, timeout=None)"},
    {"get_nowait", sq_get_nowait_m, ARGS_NONE, "Remove and return an item from the queue without blocking.\n\n"
     "Only get an item if one is immediately available. Otherwise\nraise the Empty exception.", NULL},
    {"empty", sq_empty_m, ARGS_NONE, "Return True if the queue is empty, False otherwise (not reliable!).", NULL},
    {"qsize", sq_qsize_m, ARGS_NONE, "Return the approximate size of the queue (not reliable!).", NULL},
    {"__class_getitem__", generic_alias_class_getitem_m, METH_CLASS | ARGS_ONE, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

Type type_simple_queue = {
    .tp_name = "_queue.SimpleQueue", .base = &type_object, .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .basicsize = sizeof(SimpleQueue), .trace = sq_trace, .methods = sq_methods,
};
GILPY_TYPE(type_simple_queue, NULL);

Value mod_queue_init(void) {
    Value m = module_new_c("_queue");
    if (IS_NULL(m)) return VAL_NULL;
    if (IS_NULL(queue_empty_exc)) {
        gc_add_root(&queue_empty_exc);
        queue_empty_exc = exc_new_class("_queue", "Empty", &exc_Exception);
        if (IS_NULL(queue_empty_exc) ||
            obj_setattr(queue_empty_exc, str_intern_c("__doc__"),
                        str_from_c("Exception raised by Queue.get(block=0)/get_nowait().")) < 0)
            return VAL_NULL;
    }
    Value d = MODULE_DICT(m);
    dict_set_c(d, "SimpleQueue", MK_OBJ(&type_simple_queue));
    dict_set_c(d, "Empty", queue_empty_exc);
    dict_set_c(d, "__doc__", str_from_c("C implementation of the Python queue module.\n"
                                        "This module is an implementation detail, please do not use it directly."));
    return err_occurred() ? VAL_NULL : m;
}
