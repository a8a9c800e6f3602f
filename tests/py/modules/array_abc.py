# array.array is a registered MutableSequence: isinstance, sequence patterns
import array, collections.abc
a = array.array('i', [1, 2, 3])
print(isinstance(a, collections.abc.MutableSequence), isinstance(a, collections.abc.Sequence), issubclass(array.array, collections.abc.Iterable))
match a:
    case [x, y, *rest]:
        print('seq', x, y, rest)
match array.array('u', 'ab'):
    case [p, q]:
        print('chars', p, q)
print(list(reversed(a)), a.index(2), 3 in a, sorted(a, reverse=True))
def show(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
class A(array.array):
    def __init__(self, tc, data=(), flag=False):
        self.flag = flag
a = A('i', [1, 2], flag=True); print(a, a.flag)
show(lambda: array.array('i', [1], flag=True))
class B(array.array): pass
show(lambda: B('i', [1], flag=True))
