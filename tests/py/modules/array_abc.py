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
