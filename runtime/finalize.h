/* finalize.h - what runs after a collection: __del__ methods (PEP 442),
 * generator closing and weak reference callbacks.
 *
 * The collector never runs Python code.  It queues the work here, and the
 * queue runs later with the GIL held, at a safe point: the eval breaker of
 * the thread that collected (EB_GC_REQUEST) or at once after gc.collect().
 * runtime/finalize.c explains the protocol. */
#ifndef GILPY_FINALIZE_H
#define GILPY_FINALIZE_H

#include "object.h"

/* o's type has a finalizer (__del__): run it once when o becomes
 * unreachable.  Called when o is created. */
void fin_register(Obj *o);
/* The same for an instance of a class with __del__; fin_made_del() says
 * whether the program ever made one (shutdown then finalizes what is left,
 * interp/lifecycle.c). */
void fin_register_del(Obj *o);
int  fin_made_del(void);
/* Queue callback(ref) (the collector, clearing a weak reference). */
void fin_queue_callback(Value ref, Value callback);

/* The collector's side: mark the queues (roots); move the registered
 * objects that were not marked to the queue, marking them and what they
 * reach (the caller drains the mark stack). */
void fin_mark_pending(void);
size_t fin_resurrect_unreachable(void);     /* how many it kept */
/* Before weak references are cleared: the same for the dead objects in no
 * cycle, which CPython would free by their reference count, running __del__
 * before clearing the weak references to them and what they hold. */
size_t fin_resurrect_acyclic(void);
/* Did fin_resurrect_acyclic keep an object with weak references to it or to
 * what it holds?  (Reset by the call.)
 * gc.collect() then collects again after the finalizers ran, to clear the
 * references of those that stayed dead. */
int    fin_take_acyclic(void);

/* Run what is queued (with the GIL; errors are reported as CPython's
 * "Exception ignored in: ..." and cleared).  Safe to call any time no C
 * code holds pointers into objects Python code may change. */
int  fin_pending(void);
void fin_run_pending(void);
/* gc.collect()'s protocol: a full collection (scanning the current C stack
 * from `top` up, or all of it when NULL: gc_collect_from), the finalizers it
 * queued, and a second collection when they left objects with weak
 * references dead (fin_take_acyclic).  With the GIL.  Returns how many
 * objects the first collection found unreachable. */
size_t fin_collect(const char *top);
/* Report the pending exception as unraisable, naming obj (CPython's
 * PyErr_WriteUnraisable), and clear it. */
void fin_write_unraisable(Value obj);
/* The same with CPython's err_msg ("Exception ignored in" when NULL). Both go
 * through sys.unraisablehook when sys has one. */
void fin_write_unraisable_msg(const char *msg, Value obj);
/* sys.unraisablehook's default (sys.__unraisablehook__) and its argument type. */
Value fin_unraisablehook_m(Value *args, int nargs, Value kwnames);
Type *fin_unraisable_args_type(void);

#endif
