# starred assignment targets
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = 'abcd'
print(init, last)
a, *mid, z = range(6)
print(a, mid, z)
a, *mid, z = (1, 2)
print(a, mid, z)
[x, *y] = (7,)
print(x, y)
(p, *q), r = [1, 2, 3], 4
print(p, q, r)
for h, *t in [(1, 2, 3), (4,)]:
    print(h, t)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
print(*[1, 2], *'ab', sep='-')
l = [*range(3), *[9, 8]]
t = (*l, 0)
s = {*'aa', *'a'}
print(l, t, s)
