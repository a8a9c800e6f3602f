# tuple/list unpacking
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = 'xy'
print(f, g)
h, = [9]
print(h)
for k, v in [('a', 1), ('b', 2)]:
    print(k, v)
for i, (p, q) in enumerate([(1, 2), (3, 4)]):
    print(i, p, q)
x, y, z = range(3)
print(x, y, z)
m, n = {'one': 1, 'two': 2}
print(m, n)
try:
    a, b = 1, 2, 3
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c = 1, 2
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__, e)
