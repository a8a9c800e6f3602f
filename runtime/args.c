/* args.c - argument checking for native functions, and the small call
 * helpers built on the VM's call_value. */
#include <string.h>

#include "call.h"
#include "error.h"
#include "obj_dict.h"
#include "obj_list.h"
#include "obj_str.h"

int arg_no_kw(const char *fname, Value kwnames) {
    if (IS_NULL(kwnames) || AS_TUPLE(kwnames)->len == 0) return 0;
    err_format(&exc_TypeError, "%s() takes no keyword arguments", fname);
    return -1;
}

int arg_count(const char *fname, int nargs, int min, int max) {
    if (nargs >= min && nargs <= max) return 0;
    if (min == max) {
        if (min == 0) err_format(&exc_TypeError, "%s() takes no arguments (%d given)", fname, nargs);
        else if (min == 1) err_format(&exc_TypeError, "%s() takes exactly one argument (%d given)", fname, nargs);
        else err_format(&exc_TypeError, "%s expected %d arguments, got %d", fname, min, nargs);
    } else if (nargs < min) {
        err_format(&exc_TypeError, "%s expected at least %d argument%s, got %d", fname, min,
                   min == 1 ? "" : "s", nargs);
    } else {
        err_format(&exc_TypeError, "%s expected at most %d argument%s, got %d", fname, max,
                   max == 1 ? "" : "s", nargs);
    }
    return -1;
}

int arg_parse(const char *fname, Value *args, int nargs, Value kwnames,
              const char *const *names, int nparams, int npos_only, int nrequired, Value *out) {
    for (int i = 0; i < nparams; i++) out[i] = VAL_NULL;
    if (nargs > nparams) {
        err_format(&exc_TypeError, "%s() takes at most %d argument%s (%d given)", fname, nparams,
                   nparams == 1 ? "" : "s", nargs);
        return -1;
    }
    for (int i = 0; i < nargs; i++) out[i] = args[i];
    int nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    for (int k = 0; k < nkw; k++) {
        Value kn = AS_TUPLE(kwnames)->items[k];
        int found = -1;
        for (int i = 0; i < nparams; i++)
            if (str_eq_c(kn, names[i])) { found = i; break; }
        if (found < 0 || found < npos_only) {
            if (found >= 0)
                err_format(&exc_TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%U'", fname, kn);
            else
                err_format(&exc_TypeError, "'%U' is an invalid keyword argument for %s()", kn, fname);
            return -1;
        }
        if (!IS_NULL(out[found])) {
            err_format(&exc_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname,
                       names[found], found + 1);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    for (int i = 0; i < nrequired; i++)
        if (IS_NULL(out[i])) {
            err_format(&exc_TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[i], i + 1);
            return -1;
        }
    return 0;
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
