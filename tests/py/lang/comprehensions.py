# list / set / dict / generator comprehensions
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print([[i * j for j in range(3)] for i in range(3)])
print(sorted({x % 4 for x in range(20)}))
print({k: v for k, v in zip('abc', range(3))})
print({x: x ** 2 for x in range(5) if x != 2})
g = (c.upper() for c in 'abc')
print(next(g), list(g))
print(sum(x for x in range(101)), max(len(w) for w in ['a', 'abc', 'ab']))
print([c for row in [[1, 2], [3]] for c in row])
print(list(x for x in []), [x for x in ''], {x for x in ()}, {k: 1 for k in []})
words = ['apple', 'bob', 'kayak', 'cat']
print([w for w in words if w == w[::-1]])
print({w[0]: w for w in words})
print([(lambda v=v: v)() for v in range(3)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
