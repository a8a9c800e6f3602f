# generators with yield
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(4)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', e.value)
def with_return():
    yield 1
    return 'done'
g = with_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print('returned', e.value)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
gen = (x * x for x in range(5))
print(type(gen).__name__, sum(gen), sum(gen))
def lazy():
    print('started')
    yield 1
l = lazy()
print('created')
print(next(l))
def in_try():
    try:
        yield 'a'
        yield 'b'
    finally:
        print('gen finally')
for v in in_try():
    print(v)
print(list(zip(count_up(3), 'xyz')))
def g2():
    x = yield
    print('got', x)
it = g2(); next(it)
try:
    it.send('sent')
except StopIteration:
    print('finished')
print(iter(g) is g, hasattr(g, '__next__'))
