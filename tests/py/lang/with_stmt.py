# with statement, several items, exceptions and suppression
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None, ev)
        return self.suppress
with CM('a') as v:
    print('body', v)
with CM('a') as x, CM('b') as y:
    print('two', x, y)
with CM('sup', suppress=True):
    raise ValueError('swallowed')
print('after suppressed')
try:
    with CM('outer'), CM('inner'):
        raise KeyError('k')
except KeyError as e:
    print('propagated', e)
def f():
    with CM('ret'):
        return 'returned'
print(f())
for i in range(2):
    with CM(str(i)):
        if i == 0:
            continue
        break
with CM('t') as (a):
    print(a)
class Tup:
    def __enter__(self): return (1, 2)
    def __exit__(self, *a): return False
with Tup() as (p, q):
    print(p, q)
with (CM('p1') as m1,
      CM('p2') as m2):
    print(m1, m2)
