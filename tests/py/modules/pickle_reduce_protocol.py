# pickle reduces objects as CPython's pickler does: copyreg.dispatch_table,
# then __reduce_ex__/__reduce__ with the whole protocol (2- to 6-tuples:
# state, listitems and dictitems iterators, a state_setter), copyreg.__newobj__
# and __newobj_ex__, object.__getstate__ with __slots__; malformed reduce
# values get CPython's PicklingError messages.
import collections
import copyreg
import pickle


def rt(x):
    try:
        y = pickle.loads(pickle.dumps(x))
        print(type(y).__name__, repr(y), y == x)
        return y
    except Exception as e:
        print(type(e).__name__, e)


od = collections.OrderedDict(b=1, a=2)
od.move_to_end('b')
y = rt(od)
print(list(y), type(y) is collections.OrderedDict)
rt(1 + 2j)
rt(complex(-0.0, float('inf')))
z = 3 - 4j
y = rt([z, z])
print(y[0] is y[1])
dd = collections.defaultdict(list, a=[1])
y = rt(dd)
print(y.default_factory, y['missing'])
rt(collections.Counter('abca'))
rt(collections.deque([1, 2], 5))
rt([collections.OrderedDict(x=collections.OrderedDict(y=1))])


class Slotted:
    __slots__ = ('a', '__b', '__dict__')

    def __repr__(self):
        return 'Slotted(%r, %r, %r)' % (self.a, getattr(self, '_Slotted__b', '-'), self.__dict__)

    def __eq__(self, o):
        return repr(self) == repr(o)


class SlotOnly:
    __slots__ = ('a', 'b')

    def __repr__(self):
        return 'SlotOnly(%r, %r)' % (getattr(self, 'a', '-'), getattr(self, 'b', '-'))

    def __eq__(self, o):
        return repr(self) == repr(o)


class Child(SlotOnly):
    pass


s = Slotted()
s.a, s._Slotted__b, s.c = 1, 2, 3
print(s.__getstate__())
rt(s)
so = SlotOnly()
so.a = [1, 2]
print(so.__getstate__())
rt(so)
c = Child()
c.b, c.extra = 'b', 'e'
print(c.__getstate__())
rt(c)
print(copyreg._slotnames(Slotted), copyreg._slotnames(Child))


class L(list):
    def __reduce__(self):
        return (L, (), {'tag': 1}, iter([1, 2, self]))


y = pickle.loads(pickle.dumps(L()))
print(type(y).__name__, y[:2], y[2] is y, y.tag)


class D(dict):
    def __reduce__(self):
        return (D, (), None, None, iter([('k', 'v'), ('me', self)]))


y = pickle.loads(pickle.dumps(D()))
print(type(y).__name__, y['k'], y['me'] is y)


class Six:
    def __init__(self):
        self.v = 0

    def __reduce__(self):
        return (Six, (), {'v': 5}, None, None, set_v)

    def __repr__(self):
        return 'Six(%r)' % self.v


def set_v(obj, state):
    obj.v = state['v'] * 10


print(pickle.loads(pickle.dumps(Six())))


class NO:
    def __new__(cls, x=0):
        self = object.__new__(cls)
        self.made_with = x
        return self

    def __reduce__(self):
        return (copyreg.__newobj__, (NO, 42), {'x': 7})


y = pickle.loads(pickle.dumps(NO()))
print(y.made_with, y.x)


class NOX:
    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        self.got = (args, kwargs)
        return self

    def __reduce_ex__(self, proto):
        return (copyreg.__newobj_ex__, (NOX, (1, 2), {'k': 3}), None)


print(pickle.loads(pickle.dumps(NOX())).got)


class R2:
    def __reduce_ex__(self, proto):
        return (R2, (), {'p': proto})


print(pickle.loads(pickle.dumps(R2())).p)


class Global:
    def __reduce__(self):
        return 'the_global'


the_global = Global()
print(pickle.loads(pickle.dumps(the_global)) is the_global)


# copyreg.pickle registers a reduction that wins over the class's own
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __reduce__(self):
        raise AssertionError("the dispatch table comes first")


def reduce_point(p):
    return Point, (p.x * 10, p.y)


copyreg.pickle(Point, reduce_point)
y = pickle.loads(pickle.dumps(Point(1, 2)))
print(y.x, y.y)
try:
    copyreg.pickle(Point, 5)
except TypeError as e:
    print('TypeError', e)


class Bad:
    def __init__(self, r):
        self.r = r

    def __reduce__(self):
        return self.r


for r in [5, (), (Bad,), (Bad, 1), (1, ()), (Bad, (), None, 5), (Bad, (), None, None, [1]),
          (Bad, (), None, None, None, 3), (Bad, (1,), None, None, None, None, 7),
          (Bad, (), None, None, iter([1])), (copyreg.__newobj__, ()),
          (copyreg.__newobj__, (5,)), (copyreg.__newobj__, (Point,)),
          (copyreg.__newobj_ex__, (Bad, ())), (copyreg.__newobj_ex__, (Bad, [], {})),
          (copyreg.__newobj_ex__, (Bad, (), [])), (copyreg.__newobj_ex__, (5, (), {}))]:
    try:
        pickle.dumps(Bad(r))
        print('pickled', r)
    except Exception as e:
        print(type(e).__name__, e)
