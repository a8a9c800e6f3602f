# the type constructors
print(int('12'), float('1.5'), str(12), bool(''), list('ab'), tuple([1]), dict(a=1), set([1, 1]), frozenset('aa'))
print(bytes(2), bytearray(b'x'), range(3), slice(2), complex if False else 'no complex', type(3.0)(2))
print(list(), tuple(), dict(), set(), str(), int(), float(), bool(), bytes())
print(list({'a': 1, 'b': 2}.items()), dict([(1, 2), [3, 4]]), tuple('xyz'), str(3.25), int(-0.5), float(-7))
class MyList(list):
    def total(self): return sum(self)
ml = MyList([1, 2, 3])
print(ml, ml.total(), type(ml).__name__, isinstance(ml, list), len(ml), ml + [4], type(ml + [4]).__name__)
class MyDict(dict):
    def __missing__(self, k): return k * 2
md = MyDict(a=1)
print(md['a'], md['zz'], md)
class MyInt(int):
    def double(self): return self * 2
mi = MyInt(21)
print(mi, mi.double(), mi + 1, type(mi + 1).__name__, isinstance(mi, int))
class MyStr(str):
    pass
print(MyStr('x') + 'y', MyStr('abc').upper(), type(MyStr('a')).__name__, repr(MyStr('q')))
try:
    dict([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(5)
except TypeError as e:
    print(type(e).__name__, e)
