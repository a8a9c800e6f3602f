# *args and **kwargs
def f(*args, **kwargs):
    return args, kwargs
print(f())
print(f(1, 2, a=3))
print(f(*[1, 2], *(3,), **{'x': 1}, y=2))
def g(a, b, *rest, c=0, **kw):
    return a, b, rest, c, sorted(kw.items())
print(g(1, 2), g(1, 2, 3, 4, c=5, z=6, y=7))
args = (1, 2)
kw = {'c': 3}
print(g(*args, **kw))
def h(a, b, c):
    return a * 100 + b * 10 + c
print(h(*'123' if False else (1, 2, 3)), h(1, *(2, 3)), h(**{'a': 1, 'b': 2, 'c': 3}))
try:
    h(**{'a': 1}, **{'a': 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    h(*[1], **{'z': 1})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
