# edge cases of the builtin functions: messages and protocols
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == 'magic'
    def __subclasscheck__(cls, sub):
        return sub is int
class Magic(metaclass=Meta):
    pass
print(isinstance('magic', Magic), isinstance('other', Magic), issubclass(int, Magic), issubclass(str, Magic))
print(isinstance(1, ((str,), ((float, int),))), issubclass(bool, ((str,), int)), isinstance(1, ()))
for args in [(1, 1), (1, (int, 1))]:
    try:
        isinstance(*args)
    except TypeError as e:
        print(type(e).__name__, e)
for args in [(1, int), (int, 1)]:
    try:
        issubclass(*args)
    except TypeError as e:
        print(type(e).__name__, e)
for f, args in [(ord, ('ab',)), (ord, ('',)), (ord, (5,)), (chr, (-1,)), (chr, (0x110000,)), (chr, ('a',)),
                (len, (5,)), (abs, ('x',)), (round, ('x',)), (divmod, (1, 'a')), (pow, (2, 'a', 3)),
                (hex, (1.5,)), (sum, (['a'], 'x')), (sum, ([b'a'], b'')), (min, ()), (max, ([],)), (min, (1,)),
                (iter, (1, 2)), (next, ([],)), (getattr, (1, 2)), (sorted, (1, 2)), (format, (1, 5))]:
    try:
        print(f(*args))
    except (TypeError, ValueError) as e:
        print(f.__name__, type(e).__name__, e)
print(ord(b'A'), ord(bytearray(b'z')), chr(0x1F600) == '\U0001F600', ord('é'))
print(round(2.675, 2), round(-0.5), round(1.5), round(7, -1), round(1234.5678, -2), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
class R:
    def __round__(self, n=None):
        return ('rounded', n)
    def __abs__(self):
        return 'absolute'
    def __divmod__(self, o):
        return ('dm', o)
    def __rdivmod__(self, o):
        return ('rdm', o)
print(round(R()), round(R(), 3), abs(R()), divmod(R(), 1), divmod(1, R()))
print(divmod(-7, 2), divmod(7.5, 2), divmod(-7, -2), pow(3, 4, 5), pow(2, -1, 7), pow(2.0, 3), pow(base=2, exp=5))
print(min([3, 1, 2], key=lambda x: -x), max(1, 2, key=None), min('abc', default='z'), max((), default=None))
print(sum([1.5, 2.5]), sum([10**20, 1]), sum(range(10), 5), sum([[1], [2]], start=[0]))
print(sorted('bca'), sorted([3, 1, 2], key=lambda x: -x), sorted({'b': 1, 'a': 2}), sorted([1, 2, 3], reverse=True))
print(any(x > 2 for x in [1, 2, 3]), all(x > 0 for x in [1, 2, 0]), any([]), all([[]]))
it = iter([1, 2])
print(next(it), next(it), next(it, 'done'), next(it, None))
calls = iter([1, 2, 3, 4])
print(list(iter(lambda: next(calls), 3)))
print(getattr(1, 'real'), getattr(1, 'nope', 'dflt'), hasattr('x', 'upper'), hasattr('x', 'nope'))
class O:
    pass
o = O()
setattr(o, 'a', 1)
print(o.a, vars(o))
delattr(o, 'a')
print(hasattr(o, 'a'))
try:
    delattr(o, 'a')
except AttributeError as e:
    print(type(e).__name__, e)
try:
    vars(1)
except TypeError as e:
    print(type(e).__name__, e)
print(callable(O), callable(o), callable(print), callable(lambda: 0), callable(1))
print(hash(1) == hash(1.0), hash('a') == hash('a'), id(o) == id(o), id(1) == id(1), type(id(o)).__name__)
try:
    hash([])
except TypeError as e:
    print(type(e).__name__, e)
print(repr(exit), repr(quit), str(exit))
try:
    exit(4)
except SystemExit as e:
    print('SystemExit', e.code)
print(format(255, 'x'), format('s', '>3'), format(1.5), format(12345.678, ','), ascii('日本'), repr(None))
print(EnvironmentError is OSError, IOError is OSError, __debug__, NotImplemented, Ellipsis, ...)
print(hex(-255), oct(-8), bin(-5), hex(2**70), bin(0))
class Idx:
    def __index__(self):
        return 10
print(hex(Idx()), bin(Idx()), chr(Idx()))
print(__import__('math').floor(2.5), __import__('os.path').__name__)
print(sorted(dir(O))[:3], 'a' in dir(o) or 'x' not in dir(o))
