# generator send / throw / close
def acc():
    total = 0
    while True:
        try:
            v = yield total
        except ValueError as e:
            print('caught in gen', e)
            v = 0
        total += v
g = acc()
print(next(g), g.send(5), g.send(10))
print(g.throw(ValueError('bad')))
print(g.send(1))
g.close()
try:
    g.send(1)
except StopIteration:
    print('closed generator raises StopIteration')
def closer():
    try:
        yield 1
    except GeneratorExit:
        print('GeneratorExit seen')
        raise
c = closer(); next(c); c.close()
print('closed')
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn(); next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)
def thrower():
    yield 1
t = thrower()
try:
    t.throw(KeyError('k'))
except KeyError as e:
    print('unstarted throw propagates', e)
n = thrower()
try:
    n.send(5)
except TypeError as e:
    print(type(e).__name__, e)
def delegating():
    yield from acc()
d = delegating(); next(d); d.send(3)
print(d.throw(ValueError('through yield from')))
d.close()
def gen_ret():
    yield 1
    return 'r'
x = gen_ret(); next(x)
try:
    x.throw(StopIteration)
except RuntimeError as e:
    print(type(e).__name__, e)
