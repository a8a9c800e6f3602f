# starred arguments and literals, ** in calls and dict displays
def f(*a, **k):
    return a, sorted(k.items())
print(f(*range(3)))
print(f(*'ab', *[1], 2, *(), x=1, **{'y': 2}, **dict(z=3)))
print([*'abc'], (*[1, 2],), {*[1, 1, 2]})
d1 = {'a': 1, 'b': 2}
d2 = {'b': 20, 'c': 30}
print({**d1, **d2}, {**d2, **d1}, {'z': 0, **d1, 'a': 'over'})
print(dict(**d1, c=3))
print(print(*[1, 2, 3], sep=', ') is None)
def g(a, b, c=0, *, d=0):
    return a + b + c + d
print(g(*[1, 2]), g(*[1], **{'b': 2, 'd': 4}), g(1, *[2, 3]))
try:
    f(**d1, **{'a': 5})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(*5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**[1])
except TypeError as e:
    print(type(e).__name__, e)
