# Argument errors of the constructors; the keyword ones need args.c's
# CPython wording ("'foo' is an invalid keyword argument for int()").
for f in [list, tuple, dict, set, frozenset, range, int, float, bool, complex, slice, enumerate, zip, map, filter, reversed]:
    for args in [(1, 2, 3, 4, 5), ()]:
        try: f(*args); print(f.__name__, len(args), 'ok')
        except Exception as e: print(f.__name__, len(args), type(e).__name__, e)
    try: f(foo=1); print(f.__name__, 'kw ok')
    except Exception as e: print(f.__name__, 'kw', type(e).__name__, e)
for args in [(1, 2, 3, 4), ()]:
    try: [].sort(*args)
    except TypeError as e: print(e)
try: [].sort(x=1)
except TypeError as e: print(e)
