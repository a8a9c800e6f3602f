# operator: getter reprs, errors, in-place ops, dunder aliases
import operator as op
print(repr(op.itemgetter(1)), repr(op.itemgetter(1, 'a')), repr(op.attrgetter('a.b')), repr(op.attrgetter('a', 'b')), repr(op.methodcaller('f', 1, k=2)))
for bad in [lambda: op.itemgetter(), lambda: op.attrgetter(1), lambda: op.methodcaller(), lambda: op.index(1.5),
            lambda: op.concat(1, 2), lambda: op.indexOf([1], 2), lambda: op.add(1, 'a'), lambda: op.truediv(1, 0),
            lambda: op.getitem([], 1), lambda: op.attrgetter('nope')(1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
l = [1]; print(op.iadd(l, [2]) is l, l, op.iconcat([1], [3]), op.imul([0], 3), op.isub(5, 2), op.ipow(2, 10), op.ior({1}, {2}))
print(op.matmul.__name__, op.__add__ is op.add, op.__not__(1), op.inv(0), op.countOf('banana', 'a'), op.length_hint(iter([1, 2, 3])), op.length_hint(object(), 7))
print(op.call(max, 3, 7), op.truth(''), op.contains('abc', 'b'), op.is_not(None, None), op.index(True))
print(sorted([{'a': 2}, {'a': 1}], key=op.itemgetter('a')), list(map(op.attrgetter('imag'), [1, 2j])), op.methodcaller('split', ',')('a,b'))
