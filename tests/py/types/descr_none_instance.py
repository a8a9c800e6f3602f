# Descriptors found on the type of the instance None: None is an instance here,
# not "no instance" (CPython's tp_descr_get gets NULL for class access).
import abc

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

show(lambda: None.__class__)
show(lambda: type(None).__class__)
show(lambda: (None).__class__ is type(None))
show(lambda: None.__repr__())
show(lambda: None.__bool__())
show(lambda: None.__eq__(None))
show(lambda: None.__format__(''))
show(lambda: None.__sizeof__() > 0)
show(lambda: sorted(dir(None))[:4])
show(lambda: None.__init_subclass__())

class A(abc.ABC):
    pass

show(lambda: isinstance(None, A))
show(lambda: isinstance(None, (int, A)))
show(lambda: issubclass(type(None), A))
A.register(type(None))
show(lambda: isinstance(None, A))

# Through the class, and through __get__ called by hand, None still means
# "no instance" (CPython's wrap_descr_get).
cls_attr = object.__dict__['__class__']
show(lambda: cls_attr.__get__(None, type(None)))
show(lambda: cls_attr.__get__(1))
show(lambda: cls_attr.__get__(None, None))
show(lambda: object.__dict__['__repr__'].__get__(None, int))
show(lambda: int.__dict__['real'].__get__(None, int))
show(lambda: int.__dict__['real'].__get__(5, int))

class S:
    __slots__ = ('x',)
    @property
    def p(self):
        return 'p'
    def m(self):
        return 'm'
    @classmethod
    def c(cls):
        return cls.__name__
    @staticmethod
    def s():
        return 's'

s = S()
s.x = 3
show(lambda: type(S.__dict__['x']).__name__)
show(lambda: S.x is S.__dict__['x'])
show(lambda: s.x)
show(lambda: S.__dict__['x'].__get__(s, S))
show(lambda: S.__dict__['x'].__get__(None, S) is S.__dict__['x'])
show(lambda: S.__dict__['p'].__get__(None, S) is S.__dict__['p'])
show(lambda: S.m.__name__)
show(lambda: S.__dict__['m'].__get__(None, S) is S.__dict__['m'])
show(lambda: S.__dict__['m'].__get__(None, S).__name__)
show(lambda: S.__dict__['c'].__get__(None, S)())
show(lambda: S.__dict__['s'].__get__(None, S)())
show(lambda: S.c())
show(lambda: s.c())
show(lambda: dict.__dict__['fromkeys'].__get__(None, dict)('ab'))
show(lambda: dict.__dict__['fromkeys'].__get__({}, None)('ab'))
show(lambda: S.__dict__['__dict__'] if '__dict__' in S.__dict__ else 'no __dict__')
show(lambda: object.__dict__['__class__'].__get__(s))
