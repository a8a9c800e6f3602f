# T.__new__(U) checks U as CPython's tp_new_wrapper does: a type, a subtype of
# T, whose nearest builtin __new__ is T's own; otherwise TypeError, never an
# object of the wrong layout.
import pickle


def attempt(label, f):
    try:
        r = f()
        print(label, 'ok', type(r).__name__, r if isinstance(r, (int, float, str, bool)) else '')
    except TypeError as e:
        print(label, 'TypeError', e)


builtin_types = [object, int, bool, float, complex, str, bytes, bytearray, tuple, list, dict, set,
                 frozenset, range, slice, type, property, staticmethod, classmethod, super,
                 BaseException, Exception, ValueError, KeyError, OSError, StopIteration, SystemExit,
                 UnicodeDecodeError, enumerate, zip, map, filter, reversed]
others = [int, list, dict, str, object, type, bool, BaseException, range, float, KeyError]
for t in builtin_types:
    for u in others:
        if t is not u:
            attempt('%s.__new__(%s)' % (t.__name__, u.__name__), lambda: t.__new__(u))


class MyInt(int):
    pass


class MyStr(str):
    pass


class MyList(list):
    pass


class MyExc(Exception):
    pass


class PyNew(int):
    def __new__(cls, *args):
        return int.__new__(cls, *args)


class UnderPyNew(PyNew):
    pass


class Plain:
    pass


class CallsSuper:
    def __new__(cls):
        return super().__new__(cls)


class WrongNew:
    def __new__(cls):
        return object.__new__(int)


for label, f in [
        ('int.__new__(bool, 5)', lambda: int.__new__(bool, 5)),
        ('int.__new__(MyInt, 5) + 1', lambda: int.__new__(MyInt, 5) + 1),
        ('str.__new__(MyStr, "x")', lambda: str.__new__(MyStr, 'x') + 'y'),
        ('str.__new__(MyInt)', lambda: str.__new__(MyInt)),
        ('object.__new__(MyInt)', lambda: object.__new__(MyInt)),
        ('object.__new__(MyList)', lambda: object.__new__(MyList)),
        ('list.__new__(MyList)', lambda: list.__new__(MyList)),
        ('object.__new__(Plain)', lambda: object.__new__(Plain)),
        ('object.__new__(CallsSuper)', lambda: object.__new__(CallsSuper)),
        ('CallsSuper()', lambda: CallsSuper()),
        ('WrongNew()', lambda: WrongNew()),
        ('int.__new__(PyNew, 7)', lambda: int.__new__(PyNew, 7)),
        ('int.__new__(UnderPyNew, 7)', lambda: int.__new__(UnderPyNew, 7)),
        ('object.__new__(UnderPyNew)', lambda: object.__new__(UnderPyNew)),
        ('float.__new__(MyInt)', lambda: float.__new__(MyInt)),
        ('BaseException.__new__(MyExc)', lambda: BaseException.__new__(MyExc)),
        ('object.__new__(MyExc)', lambda: object.__new__(MyExc)),
        ('Exception.__new__(KeyError)', lambda: Exception.__new__(KeyError)),
        ('Exception.__new__(OSError)', lambda: Exception.__new__(OSError)),
        ('OSError.__new__(FileNotFoundError)', lambda: OSError.__new__(FileNotFoundError)),
        ('ValueError.__new__(KeyError)', lambda: ValueError.__new__(KeyError)),
        ('KeyError.__new__(IndexError)', lambda: KeyError.__new__(IndexError)),
        ('UnicodeError.__new__(UnicodeDecodeError)', lambda: UnicodeError.__new__(UnicodeDecodeError)),
        ('type.__new__(type, "X", (), {})', lambda: type.__new__(type, 'X', (), {})),
        ('set.__new__(frozenset)', lambda: set.__new__(frozenset)),
        ('frozenset.__new__(set)', lambda: frozenset.__new__(set)),
        ('bytes.__new__(bytearray)', lambda: bytes.__new__(bytearray)),
        ('complex.__new__(float)', lambda: complex.__new__(float)),
        ('int.__new__(1)', lambda: int.__new__(1)),
        ('object.__new__("x")', lambda: object.__new__('x')),
        ('str.__new__()', lambda: str.__new__()),
        ('ValueError.__new__()', lambda: ValueError.__new__()),
        ('object.__new__(list_iterator)', lambda: object.__new__(type(iter([])))),
        ('list_iterator()', lambda: type(iter([]))()),
        ('object.__new__(NoneType)', lambda: object.__new__(type(None))),
        ('object.__new__(function)', lambda: object.__new__(type(attempt))),
        ('super().__new__ of int', lambda: super(MyInt, MyInt).__new__(MyInt, 3)),
        ('super().__new__ wrong', lambda: super(MyInt, MyInt).__new__(list)),
]:
    attempt(label, f)

print('own __new__', [c.__name__ for c in (Exception, ValueError, KeyError, IndexError, LookupError, OSError,
                                           FileNotFoundError, StopIteration, UnicodeDecodeError, SystemExit)
                      if '__new__' in vars(c)])


# pickle.loads calls what the data names: the same checks apply
def make(t, u):
    return t.__new__(u)


class Reduces:
    def __init__(self, t, u):
        self.t, self.u = t, u

    def __reduce__(self):
        return make, (self.t, self.u)


for t, u in ((str, int), (int, bool), (set, dict), (object, list), (int, MyInt)):
    data = pickle.dumps(Reduces(t, u))
    attempt('pickle.loads %s.__new__(%s)' % (t.__name__, u.__name__), lambda: pickle.loads(data))
