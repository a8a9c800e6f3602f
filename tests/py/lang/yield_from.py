# yield from delegation
def inner():
    got = yield 'i1'
    print('inner got', got)
    yield 'i2'
    return 'inner result'
def outer():
    r = yield from inner()
    print('outer got', r)
    yield from [10, 20]
    yield from range(2)
    yield from 'ab'
g = outer()
print(next(g))
print(g.send('hello'))
print(list(g))
def flatten(x):
    if isinstance(x, list):
        for e in x:
            yield from flatten(e)
    else:
        yield x
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def chain(*its):
    for it in its:
        yield from it
print(list(chain('ab', (1, 2), {'k': 0})))
def ret():
    return (yield from ())
try:
    next(ret())
except StopIteration as e:
    print('empty yield from result', e.value)
