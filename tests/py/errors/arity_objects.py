# Wrong argument counts and keywords for the object model's own callables:
# files, functions, generators, code and frame objects, descriptors, bound
# methods, super, cells, mappingproxy, GenericAlias, modules, the singletons,
# type and object.
import sys

def f(a, b=1):
    return a

def g():
    yield 1

class C:
    __slots__ = ('x',)
    def m(self):
        return 1

class P:
    @property
    def p(self):
        return 1

text = open('/dev/null')
binary = open('/dev/null', 'rb')
raw = open('/dev/null', 'rb', buffering=0)
writer = open('/dev/null', 'w')
gen = g()
code = f.__code__
frame = sys._getframe()
cell = (lambda x: lambda: x)(1).__closure__[0]
prop = P.__dict__['p']
sm = staticmethod(f)
cm = classmethod(f)
bound = C().m
mdescr = list.__dict__['append']
cmdescr = dict.__dict__['fromkeys']
gsdescr = type.__dict__['__name__']
member = C.__dict__['x']
proxy = C.__dict__
alias = list[int]
mod = type(sys)('m')
Method = type(bound)
Cell = type(cell)

CASES = [
    # files
    'text.read(1, 2)', 'text.read(x=1)', 'text.readline(1, 2)', 'text.readlines(1, 2)',
    'text.write()', 'text.write(1, 2)', 'text.write(s="")',
    'text.close(1)', 'text.flush(1)', 'text.flush(x=1)', 'text.fileno(1)', 'text.isatty(1)',
    'text.readable(1)', 'text.writable(1)', 'text.seekable(1)', 'text.tell(1)',
    'text.seek()', 'text.seek(0, 0, 0)', 'text.seek(0, whence=0)', 'text.seek(0, 1.5)',
    'text.truncate(1, 2)', 'writer.truncate(1.5)', 'text.__iter__(1)', 'text.__next__(1)',
    'text.__repr__(1)', 'text.__repr__(x=1)', 'text.__exit__(x=1)',
    'binary.read(1, 2)', 'binary.read1(1, 2)', 'binary.readinto()', 'binary.seek()',
    'binary.seek(0, 1.5)', 'binary.seek("a")', 'raw.write()', 'raw.write(1, 2)', 'raw.readinto(1, 2)',
    'raw.seek(0, 0, 0)', 'raw.close(1)',
    # functions, generators, code, frames
    '(lambda: 0).__get__()', '(lambda: 0).__get__(1, 2, 3)', '(lambda: 0).__get__(None)',
    '(lambda: 0).__get__(None, None)', '(lambda: 0).__get__(x=1)', '(lambda: 0).__repr__(1)',
    'gen.send()', 'gen.send(1, 2)', 'gen.send(x=1)', 'gen.throw()', 'gen.throw(1, 2, 3, 4)',
    'gen.throw(x=1)', 'gen.close(1)', 'gen.close(x=1)', 'gen.__next__(1)', 'gen.__iter__(1)',
    'gen.__repr__(1)', 'code.__repr__(1)', 'frame.__repr__(1)',
    # property, staticmethod, classmethod
    'prop.getter()', 'prop.getter(1, 2)', 'prop.getter(x=1)', 'prop.setter()', 'prop.deleter(1, 2)',
    'prop.__get__()', 'prop.__get__(1, 2, 3)', 'prop.__get__(None)', 'prop.__get__(x=1)',
    'prop.__set__(1)', 'prop.__set__(1, 2, 3)', 'prop.__delete__()', 'prop.__delete__(1, 2)',
    'prop.__set_name__(1)', 'prop.__set_name__(1, 2, 3)', 'prop.__set_name__(x=1)',
    'property(1, 2, 3, 4, 5)', 'property(x=1)', 'prop.__init__(z=2)',
    'staticmethod()', 'staticmethod(1, 2)', 'staticmethod(f=1)', 'classmethod()', 'classmethod(f=1)',
    'sm.__get__()', 'sm.__get__(1, 2, 3)', 'sm.__get__(None)', 'sm.__get__(x=3)', 'sm.__repr__(1)',
    'cm.__get__()', 'cm.__get__(1, 2, 3)', 'cm.__get__(None, None)', 'cm.__init__()',
    # bound methods and native descriptors
    'Method()', 'Method(1)', 'Method(f, 1, 2)', 'Method(f, 1, x=2)', 'Method(1, 2)', 'Method(f, None)',
    'bound.__eq__()', 'bound.__hash__(1)', 'bound.__getattribute__()', 'bound.__repr__(1)',
    'len.__repr__(1)', 'len.__call__(x=1)',
    'mdescr.__get__()', 'mdescr.__get__(None)', 'mdescr.__get__(1, 2, 3)', 'mdescr.__repr__(1)',
    'cmdescr.__get__()', 'cmdescr.__get__(None, None)', 'cmdescr.__get__(1, 2, 3)',
    'cmdescr.__get__({}, 3)', 'cmdescr.__get__({}, int)', 'cmdescr.__repr__(1)',
    'gsdescr.__get__()', 'gsdescr.__get__(None)', 'gsdescr.__get__(1, 2, 3)', 'gsdescr.__set__(1)',
    'gsdescr.__delete__()', 'gsdescr.__repr__(1)',
    'member.__get__()', 'member.__get__(None, None)', 'member.__set__(1)', 'member.__delete__()',
    'member.__repr__(1)',
    # mappingproxy, super, cell, GenericAlias, module
    'type(proxy)()', 'type(proxy)(1, 2)', 'proxy.get()', 'proxy.get(1, 2, 3)',
    'proxy.get(x=1)', 'proxy.keys(1)', 'proxy.values(1)', 'proxy.items(1)', 'proxy.copy(1)',
    'proxy.__getitem__()', 'proxy.__contains__()', 'proxy.__len__(1)', 'proxy.__eq__()',
    'super(int).__get__()', 'super(int).__get__(1, 2, 3)', 'super(int).__get__(None)',
    'super(int).__getattribute__()', 'super(int).__repr__(1)', 'super(1, 2, 3)', 'super(int, x=1)',
    'super.__init__(super(int), 1, 2, 3)', 'super(int).__init__(x=1)',
    'Cell(1, 2)', 'Cell(x=1)', 'Cell(1).__eq__()', 'Cell(1).__repr__(1)',
    'alias.__mro_entries__()', 'alias.__mro_entries__(1, 2)', 'alias.__mro_entries__(x=1)',
    'list.__class_getitem__()', 'list.__class_getitem__(1, 2)', 'list.__class_getitem__(x=1)',
    'type(mod)()', 'type(mod)(1, 2, 3)', 'type(mod)("a", x=1)', 'mod.__init__()', 'mod.__repr__(1)',
    # None, NotImplemented, Ellipsis
    'type(None)(1)', 'type(None)(x=1)', 'type(NotImplemented)(1)', 'type(...)(1)', 'type(...)(x=1)',
    'None.__bool__(1)', 'None.__hash__(1)', 'None.__repr__(x=1)',
    'NotImplemented.__reduce__(1)', 'NotImplemented.__reduce__()', '(...).__reduce__()',
    # type and object
    'type.__instancecheck__(int)', 'type.__subclasscheck__(int, 1, 2)',
    'type.mro()', 'type.mro(int, 1)', 'type.__subclasses__(int, 1)', 'type.__dir__(int, 1)',
    'type.__dir__(int, x=1)', 'type.__repr__(int, 1)', 'int.__setattr__(1)', 'type.__init__(int, 1, 2, 3, 4)',
    'type.__init__(int, x=1)', 'type.__prepare__(1, 2, 3, x=4)',
    'object().__init__(0)', 'object.__init__(object(), x=1)', 'object.__new__()', 'object.__new__(1)',
    'object.__new__(int)', 'object.__init_subclass__(1)', 'object.__init_subclass__(x=1)',
    'int.__init_subclass__(x=1)', 'object.__subclasshook__(1, 2, 3)', 'C.__subclasshook__(x=1)',
    'object.__reduce_ex__(object(), "a")', 'object.__format__(object(), 1)',
    'ValueError().with_traceback()', 'ValueError().add_note(1, 2)', 'ValueError().__setstate__()',
    'KeyError().__str__(1)', 'OSError().__str__(1)', 'ValueError(x=1)',
]

for case in CASES:
    try:
        eval(case)
        print(case, '-> no error')
    except Exception as e:
        print(case, '->', type(e).__name__, e)

# Classes: a class keyword goes to object.__init_subclass__, named after the class.
class A: pass
class B:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
for body in ['class X(A, x=1): pass', 'class Y(B, y=2): pass']:
    try:
        exec(body)
    except TypeError as e:
        print(body, '->', e)
for fh in (text, binary, raw, writer):
    fh.close()
