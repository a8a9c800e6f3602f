/* call.c - calling: the one home of "call this object with these arguments".
 *
 * call_value asks the callee's type for its `call` slot (object.h) and
 * calls it with the arguments in CPython's vectorcall shape.  The slots:
 *
 *   builtin_function_or_method, method-wrapper   native_call: the C function,
 *        with the bound receiver (if any) prepended
 *   method_descriptor, wrapper_descriptor,       the same, after checking that
 *   classmethod_descriptor                       args[0] is an instance (a class)
 *   method                                       method_call: func(self, *args)
 *   type and metatypes that keep type.__call__   type_call (runtime/obj_type.c)
 *   function                                     filled by interp/func.c: the VM
 *   anything else                                its __call__, found through the
 *                                                type's slot cache
 *
 * Every native function is entered through call_native_def, which checks the
 * arity its MethodDef declares (runtime/args.c), so a function body never
 * checks its own argument count.  Natives that return VAL_NULL with no error
 * set (an exhausted __next__) mean StopIteration to a Python caller.
 */
#include "call.h"

#include <string.h>

#include "args.h"
#include "error.h"
#include "obj_dict.h"
#include "obj_list.h"
#include "obj_str.h"
#include "obj_type.h"
#include "state.h"

/* ---- natives -------------------------------------------------------------------- */

Value call_native_def(Value callable, const MethodDef *def, Value *args, int nargs, Value kwnames,
                      int nself) {
    return args_call(callable, def, args, nargs, kwnames, nself);
}

/* Call a native with `self` prepended to the arguments. */
static Value call_native_bound(Value callable, const MethodDef *def, Value self, Value *args, int nargs,
                               Value kwnames) {
    int total = nargs + (IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len) + 1;
    Value small[16], holder = VAL_NULL;
    Value *buf = small;
    if (total > 16) {
        holder = tuple_new(total);          /* GC-visible scratch */
        if (IS_NULL(holder)) return VAL_NULL;
        buf = AS_TUPLE(holder)->items;
    }
    buf[0] = self;
    values_copy(buf + 1, args, (size_t)(total - 1));
    Value r = args_call(callable, def, buf, nargs + 1, kwnames, 1);
    (void)holder;
    return r;
}

static Value stop_iteration_if_done(Value r) {
    if (IS_NULL(r) && !err_occurred()) return err_set_none(&exc_StopIteration);
    return r;
}

/* A type's own __new__ (a static method named so, whose `module` is the type). */
static int is_type_new(const BuiltinFn *f) {
    return (f->def->flags & METH_STATIC) && IS_TYPE(f->module) && strcmp(f->def->name, "__new__") == 0;
}

/* The call slot of builtin_function_or_method and method-wrapper. */
Value native_call(Value callable, Value *args, int nargs, Value kwnames) {
    BuiltinFn *f = (BuiltinFn *)AS_OBJ(callable);
    if (is_type_new(f) && type_new_call_ok(AS_TYPE(f->module), f->def, args, nargs) < 0) return VAL_NULL;
    Value r = IS_NULL(f->self) ? args_call(callable, f->def, args, nargs, kwnames, 0)
                               : call_native_bound(callable, f->def, f->self, args, nargs, kwnames);
    return stop_iteration_if_done(r);
}

Value native_new_call(Value newfn, Value *args, int nargs, Value kwnames) {
    return stop_iteration_if_done(args_call(newfn, ((BuiltinFn *)AS_OBJ(newfn))->def, args, nargs, kwnames, 0));
}

/* The call slot of method_descriptor and wrapper_descriptor: list.append(l, x). */
Value descr_call(Value callable, Value *args, int nargs, Value kwnames) {
    MethodDescr *d = (MethodDescr *)AS_OBJ(callable);
    int wrapper = d->header.type == &type_wrapper_descriptor;
    if (nargs < 1) {
        if (wrapper)
            return err_format(&exc_TypeError, "descriptor '%s' of '%s' object needs an argument", d->def->name,
                              type_name(d->owner));
        return err_format(&exc_TypeError, "unbound method %s.%s() needs an argument", type_qualname(d->owner),
                          d->def->name);
    }
    if (val_type(args[0]) != d->owner && !val_isinstance(args[0], d->owner)) {
        if (wrapper)
            return err_format(&exc_TypeError, "descriptor '%s' requires a '%s' object but received a '%T'",
                              d->def->name, type_name(d->owner), args[0]);
        return err_format(&exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%T' object",
                          d->def->name, type_name(d->owner), args[0]);
    }
    return stop_iteration_if_done(args_call(callable, d->def, args, nargs, kwnames, 1));
}

/* The call slot of classmethod_descriptor: dict.fromkeys called unbound. */
Value classmethod_descr_call(Value callable, Value *args, int nargs, Value kwnames) {
    MethodDescr *d = (MethodDescr *)AS_OBJ(callable);
    if (nargs < 1 || !IS_TYPE(args[0]))
        return err_format(&exc_TypeError, "descriptor '%s' of '%s' object needs a type", d->def->name,
                          type_name(d->owner));
    return args_call(callable, d->def, args, nargs, kwnames, 1);
}

/* ---- bound methods and __call__ --------------------------------------------------- */

/* The call slot of `method`: func(self, *args). */
Value method_call(Value callable, Value *args, int nargs, Value kwnames) {
    BoundMethod *m = (BoundMethod *)AS_OBJ(callable);
    int nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    Value small[12], holder = VAL_NULL;
    Value *buf = small;
    if (nargs + nkw + 1 > 12) {
        holder = tuple_new(nargs + nkw + 1);
        if (IS_NULL(holder)) return VAL_NULL;
        buf = AS_TUPLE(holder)->items;
    }
    buf[0] = m->self;
    values_copy(buf + 1, args, (size_t)(nargs + nkw));
    Value r = call_value(m->func, buf, nargs + 1, kwnames);
    (void)holder;
    return r;
}

/* An object whose type has no call slot: its __call__. */
static Value call_dunder(Value callable, Value *args, int nargs, Value kwnames) {
    Type *t = val_type(callable);
    if (IS_NULL(t->slots[SM_CALL]))
        return err_format(&exc_TypeError, "'%T' object is not callable", callable);
    int nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    Value holder = tuple_new(nargs + nkw + 1);
    if (IS_NULL(holder)) return VAL_NULL;
    Value *buf = AS_TUPLE(holder)->items;
    buf[0] = callable;
    values_copy(buf + 1, args, (size_t)(nargs + nkw));
    if (obj_enter_recursion(" while calling a Python object") < 0) return VAL_NULL;
    Value r = obj_call_special_kw(callable, SM_CALL, buf, nargs + 1, kwnames);
    obj_leave_recursion();
    return r;
}

/* ---- the entry points ------------------------------------------------------------------ */

/* Every call checks the C stack: natives that call back into the protocols
 * (zip of zip of ..., a tuple subclass's hash, an __eq__ in C) recurse in C,
 * and no depth count sees all of them. */
Value call_value(Value callable, Value *args, int nargs, Value kwnames) {
    if (!IS_OBJ(callable)) return err_format(&exc_TypeError, "'%T' object is not callable", callable);
    if (ts_c_stack_low() && obj_check_c_stack() < 0) return VAL_NULL;
    CallFn call = AS_OBJ(callable)->type->call;
    if (call) return call(callable, args, nargs, kwnames);
    return call_dunder(callable, args, nargs, kwnames);
}

Value call_dunder_m(Value *args, int nargs, Value kwnames) {
    return call_value(args[0], args + 1, nargs - 1, kwnames);
}

int call_is_callable(Value v) {
    Type *t = val_type(v);
    return t->call != NULL || !IS_NULL(t->slots[SM_CALL]);
}

Value call0(Value f) { return call_value(f, NULL, 0, VAL_NULL); }
Value call1(Value f, Value a) { Value args[1] = { a }; return call_value(f, args, 1, VAL_NULL); }
Value call2(Value f, Value a, Value b) { Value args[2] = { a, b }; return call_value(f, args, 2, VAL_NULL); }
Value call3(Value f, Value a, Value b, Value c) {
    Value args[3] = { a, b, c };
    return call_value(f, args, 3, VAL_NULL);
}

Value call_tuple_dict(Value f, Value args, Value kwargs) {
    if (!IS_TUPLE(args)) {
        args = seq_to_tuple(args);
        if (IS_NULL(args)) return VAL_NULL;
    }
    int64_t n = AS_TUPLE(args)->len;
    int64_t nkw = IS_DICT(kwargs) ? dict_len(kwargs) : 0;
    if (nkw == 0) return call_value(f, AS_TUPLE(args)->items, (int)n, VAL_NULL);
    Value buf = tuple_new(n + nkw);           /* GC-visible argument array */
    Value names = tuple_new(nkw);
    if (IS_NULL(buf) || IS_NULL(names)) return VAL_NULL;
    values_copy(AS_TUPLE(buf)->items, AS_TUPLE(args)->items, (size_t)(n));
    int64_t pos = 0, i = 0;
    Value k, v;
    while (dict_next(kwargs, &pos, &k, &v)) {
        if (!IS_STR(k)) return err_format(&exc_TypeError, "keywords must be strings");
        AS_TUPLE(names)->items[i] = k;
        AS_TUPLE(buf)->items[n + i] = v;
        i++;
    }
    return call_value(f, AS_TUPLE(buf)->items, (int)n, names);
}
