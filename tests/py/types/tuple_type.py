# tuple
t = (1, 'a', 2.5, None, (1, 2))
print(t, len(t), t[1], t[-1][0], t[1:3], t.count(1), t.index('a'), (1,), (), tuple('ab'), tuple([1, 2]))
print((1, 2) + (3,), (0,) * 3, (1, 2) == (1, 2), (1, 2) < (1, 2, 0), hash((1, 2)) == hash((1, 2)), 1 in t)
a, b = (1, 2)
print(a, b, type(()).__name__, repr((1,)), str(('x',)), tuple(range(3)), max((4, 9, 2)))
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    t[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    hash(([1],))
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.index('zz')
except ValueError as e:
    print(type(e).__name__, e)
nested = ((1, 2), (3, 4))
print([x + y for x, y in nested], dict(nested), sorted(((2, 'b'), (1, 'a'))))
