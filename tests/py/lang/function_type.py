# types.FunctionType(code, globals, name, argdefs, closure) and code objects with free variables.
import types
def f(x):
    return lambda: x + 1
g = f(3)
for args in [(g.__code__, {}), (g.__code__, {}, None, None, None), (g.__code__, {}, None, None, (1,)), (g.__code__, {}, None, None, ()), (f.__code__, {}, None, None, (types.CellType(1),))]:
    try:
        h = types.FunctionType(*args)
        print(h())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
h = types.FunctionType(g.__code__, {}, None, None, (types.CellType(5),))
print(h())
c = types.CellType()
h = types.FunctionType(g.__code__, {}, None, None, (c,))
try:
    h()
except NameError as e:
    print('NameError', e)
def k(): pass
try:
    k.__code__ = g.__code__
except ValueError as e:
    print('ValueError', e)
for fn in (eval, exec):
    try:
        fn(g.__code__, {})
    except TypeError as e:
        print(e)
