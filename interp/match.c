/* match.c - MATCH_KEYS and MATCH_CLASS, as CPython 3.11's ceval.c does them.
 *
 * Both only look: they never create keys (a mapping is read through its own
 * `get` with a private sentinel as the default, so defaultdict's
 * __missing__ is not called) and an attribute that is absent means "no
 * match", not an error.  What is an error is CPython's: a key or an
 * attribute named twice, a __match_args__ that is not a tuple of str, more
 * positional sub-patterns than __match_args__ names.
 */
#include "match.h"

#include "../runtime/call.h"
#include "../runtime/error.h"
#include "../runtime/obj_dict.h"
#include "../runtime/obj_list.h"
#include "../runtime/obj_str.h"
#include "builtins.h"

/* A type's name in messages: CPython's tp_name. */
static const char *match_type_name(Type *t) {
    return t->tp_name ? t->tp_name : type_name(t);
}

/* Add key to seen; 1 if it was there already, -1 on error (unhashable). */
static int match_seen(Value seen, Value key) {
    int r = set_contains(seen, key);
    if (r != 0) return r;
    return set_add(seen, key) < 0 ? -1 : 0;
}

Value match_keys(Value map, Value keys) {
    int64_t n = AS_TUPLE(keys)->len;
    if (n == 0) return tuple_empty();
    Value get = IS_EXACT(map, type_dict) ? VAL_NULL : obj_getattr_c(map, "get");
    if (!IS_EXACT(map, type_dict) && IS_NULL(get)) return VAL_NULL;
    Value seen = set_new(&type_set);
    Obj *sentinel = obj_new_instance(&type_object);
    Value values = tuple_new(n);
    if (IS_NULL(seen) || !sentinel || IS_NULL(values)) return VAL_NULL;
    for (int64_t i = 0; i < n; i++) {
        Value key = AS_TUPLE(keys)->items[i], v;
        int dup = match_seen(seen, key);
        if (dup < 0) return VAL_NULL;
        if (dup) return err_format(&exc_ValueError, "mapping pattern checks duplicate key (%R)", key);
        if (IS_NULL(get)) {
            v = dict_get(map, key);
            if (IS_NULL(v)) {
                if (err_occurred()) return VAL_NULL;
                return VAL_NONE;
            }
        } else {
            v = call2(get, key, MK_OBJ(sentinel));
            if (IS_NULL(v)) return VAL_NULL;
            if (v == MK_OBJ(sentinel)) return VAL_NONE;
        }
        AS_TUPLE(values)->items[i] = v;
    }
    return values;
}

/* subject.name for a sub-pattern; VAL_NULL without an exception when the
 * attribute is missing (no match). */
static Value match_attr(Value subject, Type *cls, Value name, Value seen) {
    int dup = match_seen(seen, name);
    if (dup < 0) return VAL_NULL;
    if (dup)
        return err_format(&exc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                          match_type_name(cls), name);
    Value v = obj_getattr(subject, name);
    if (IS_NULL(v) && err_matches(&exc_AttributeError)) err_clear();
    return v;
}

/* The positional sub-patterns' attributes, appended to attrs: 0, or -1 with
 * (an error or, when none is set, no match). */
static int match_positional(Value subject, Type *cls, int nargs, Value attrs, Value seen) {
    Value match_args = obj_getattr_opt(MK_OBJ(cls), str_intern_c("__match_args__"));
    int match_self = 0;
    if (IS_NULL(match_args)) {
        if (err_occurred()) return -1;
        match_args = tuple_empty();
        match_self = TYPE_HAS(cls, TF_MATCH_SELF);
    } else if (!IS_EXACT(match_args, type_tuple)) {
        err_format(&exc_TypeError, "%s.__match_args__ must be a tuple (got %s)", match_type_name(cls),
                   match_type_name(val_type(match_args)));
        return -1;
    }
    int64_t allowed = match_self ? 1 : AS_TUPLE(match_args)->len;
    if (allowed < nargs) {
        err_format(&exc_TypeError, "%s() accepts %d positional sub-pattern%s (%d given)",
                   match_type_name(cls), (int)allowed, allowed == 1 ? "" : "s", nargs);
        return -1;
    }
    if (match_self) return list_append(attrs, subject);
    for (int i = 0; i < nargs; i++) {
        Value name = AS_TUPLE(match_args)->items[i];
        if (!IS_EXACT(name, type_str)) {
            err_format(&exc_TypeError, "__match_args__ elements must be strings (got %s)",
                       match_type_name(val_type(name)));
            return -1;
        }
        Value v = match_attr(subject, cls, name, seen);
        if (IS_NULL(v) || list_append(attrs, v) < 0) return -1;
    }
    return 0;
}

Value match_class(Value subject, Value cls, int nargs, Value names) {
    if (!IS_TYPE(cls)) return err_format(&exc_TypeError, "called match pattern must be a type");
    int r = builtins_isinstance(subject, cls);
    if (r <= 0) return r < 0 ? VAL_NULL : VAL_NONE;
    Value seen = set_new(&type_set);
    Value attrs = list_new(0);
    if (IS_NULL(seen) || IS_NULL(attrs)) return VAL_NULL;
    if (nargs && match_positional(subject, AS_TYPE(cls), nargs, attrs, seen) < 0)
        return err_occurred() ? VAL_NULL : VAL_NONE;
    for (int64_t i = 0; i < AS_TUPLE(names)->len; i++) {
        Value v = match_attr(subject, AS_TYPE(cls), AS_TUPLE(names)->items[i], seen);
        if (IS_NULL(v)) return err_occurred() ? VAL_NULL : VAL_NONE;
        if (list_append(attrs, v) < 0) return VAL_NULL;
    }
    return tuple_from_array(AS_LIST(attrs)->items, AS_LIST(attrs)->len);
}
