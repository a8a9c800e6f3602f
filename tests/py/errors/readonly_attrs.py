# Attributes of functions, code objects, frames, types, modules, builtin
# methods, descriptors and exceptions follow CPython's rules for assignment
# and deletion: read-only members ("readonly attribute"), getsets without a
# setter ("... is not writable"), and setters that check what they store.
import sys


def f(a, b=1, *, c=2):
    "doc"
    return (a, b, c)


def outer():
    x = 1

    def inner():
        return x
    return inner


inner = outer()


def two_free():
    x, y = 1, 2

    def g():
        return x + y
    return g


class C:
    def m(self):
        return 'm'

    @property
    def p(self):
        return 1


class WithSlots:
    __slots__ = ('a',)


def gen():
    yield 1


try:
    raise ValueError('x')
except ValueError as e:
    tb = e.__traceback__

targets = {
    'function': (lambda: f, ['__closure__', '__globals__', '__builtins__', '__code__', '__defaults__',
                             '__kwdefaults__', '__annotations__', '__dict__', '__name__', '__qualname__',
                             '__doc__', '__module__', '__class__']),
    'closure': (lambda: inner, ['__closure__', '__code__']),
    'code': (lambda: f.__code__, ['co_name', 'co_qualname', 'co_filename', 'co_firstlineno', 'co_argcount',
                                  'co_posonlyargcount', 'co_kwonlyargcount', 'co_nlocals', 'co_names',
                                  'co_consts', 'co_flags', 'co_stacksize', 'co_varnames', 'co_cellvars',
                                  'co_freevars', 'x']),
    'frame': (lambda: sys._getframe(), ['f_back', 'f_code', 'f_globals', 'f_builtins', 'f_locals', 'f_lasti',
                                        'f_lineno', 'f_trace', 'f_trace_lines', 'f_trace_opcodes', 'x']),
    'class': (lambda: C, ['__name__', '__qualname__', '__module__', '__doc__', '__bases__', '__base__',
                          '__mro__', '__dict__', '__basicsize__', '__itemsize__', '__flags__',
                          '__dictoffset__', '__weakrefoffset__', '__text_signature__']),
    'int': (lambda: int, ['__name__', '__qualname__', '__module__', '__doc__', '__bases__', '__mro__',
                          '__dict__', 'x', '__abstractmethods__', '__annotations__']),
    'type': (lambda: type, ['__name__', '__doc__', 'mro']),
    'module': (lambda: sys, ['__dict__', '__name__', '__class__']),
    'builtin': (lambda: len, ['__name__', '__qualname__', '__self__', '__doc__', '__module__',
                              '__text_signature__', 'x']),
    'bound builtin': (lambda: [].append, ['__name__', '__self__', '__module__']),
    'method_descriptor': (lambda: list.append, ['__name__', '__qualname__', '__objclass__', '__doc__',
                                                '__text_signature__']),
    'wrapper_descriptor': (lambda: int.__add__, ['__name__', '__objclass__']),
    'method-wrapper': (lambda: (1).__add__, ['__name__', '__self__', '__objclass__', '__module__']),
    'method': (lambda: C().m, ['__func__', '__self__', '__name__', 'x']),
    'property': (lambda: C.p, ['fget', 'fset', 'fdel']),
    'staticmethod': (lambda: staticmethod(f), ['__func__', '__wrapped__', '__isabstractmethod__', '__dict__']),
    'classmethod': (lambda: classmethod(f), ['__func__', '__wrapped__', '__dict__']),
    'generator': (lambda: gen(), ['__name__', '__qualname__', 'gi_code', 'gi_frame', 'gi_running',
                                  'gi_suspended', 'gi_yieldfrom']),
    'exception': (lambda: ValueError('a'), ['args', '__traceback__', '__cause__', '__context__',
                                            '__suppress_context__', '__dict__']),
    'OSError': (lambda: OSError(2, 'x', 'f'), ['errno', 'strerror', 'filename', 'characters_written']),
    'UnicodeDecodeError': (lambda: UnicodeDecodeError('utf-8', b'ab', 0, 1, 'r'), ['start', 'end', 'reason']),
    'slice': (lambda: slice(1, 2, 3), ['start', 'stop', 'step']),
    'range': (lambda: range(1, 5, 2), ['start', 'stop', 'step']),
    'int value': (lambda: 5, ['real', 'imag', 'numerator', '__class__']),
    'complex': (lambda: 1j, ['real', 'imag']),
    'super': (lambda: super(C, C()), ['__thisclass__', '__self__', '__self_class__']),
    'traceback': (lambda: tb, ['tb_next', 'tb_lineno']),
    'getset': (lambda: type.__dict__['__name__'], ['__name__', '__qualname__', '__objclass__', '__doc__']),
    'instance': (lambda: C(), ['__dict__', '__class__']),
    'slots instance': (lambda: WithSlots(), ['__class__', 'b']),
    'None': (lambda: None, ['__class__', '__doc__']),
}

values = (('same', None), ('5', 5), ("'x'", 'x'), ('None', None), ('()', ()), ('{}', {}))
for label, (make, names) in targets.items():
    for name in names:
        obj = make()
        results = []
        for vlabel, v in values + (('del', None),):
            obj = make()
            try:
                if vlabel == 'del':
                    delattr(obj, name)
                else:
                    setattr(obj, name, getattr(obj, name) if vlabel == 'same' else v)
                results.append('%s: ok' % vlabel)
            except (AttributeError, TypeError, ValueError) as e:
                results.append('%s: %s: %s' % (vlabel, type(e).__name__, e))
            finally:
                if label in ('class', 'function', 'builtin', 'module'):
                    pass
        print(label, name)
        for r in results:
            print('   ', r)
    # undo what the loop changed on shared objects
    f.__defaults__, f.__kwdefaults__, f.__name__, f.__qualname__, f.__doc__ = (1,), {'c': 2}, 'f', 'f', 'doc'
    f.__module__, f.__annotations__, f.__code__ = '__main__', {}, f.__code__
    C.__name__, C.__qualname__, C.__module__, C.__doc__, C.__bases__ = 'C', 'C', '__main__', None, (object,)
    len.__module__ = 'builtins'

# what the setters stored is what the VM then uses
f.__defaults__ = (10,)
f.__kwdefaults__ = {'c': 30}
print(f(1), f(1, 2, c=3))
f.__defaults__ = None
try:
    f(1)
except TypeError as e:
    print(e)
f.__defaults__ = (1,)


def g(a, b=5, *, c=7):
    return ('g', a, b, c)


f.__code__ = g.__code__
print(f(1), f.__name__)
try:
    inner.__code__ = f.__code__
except ValueError as e:
    print(e)
try:
    f.__code__ = inner.__code__
except ValueError as e:
    print(e)
try:
    inner.__code__ = two_free().__code__
except ValueError as e:
    print(e)
k = two_free()
k2 = two_free()
k.__code__ = k2.__code__
print(k())
print(inner())
f.__dict__ = {'tag': 1}
print(f.tag)

# classes: __bases__ assignment re-links the hierarchy, or refuses
class A:
    def who(self):
        return 'A'


class B:
    def who(self):
        return 'B'


class Mid(A):
    pass


class Low(Mid):
    pass


low = Low()
Mid.__bases__ = (B,)
print(low.who(), [k.__name__ for k in Low.__mro__], issubclass(Low, A), [k.__name__ for k in B.__subclasses__()])
for bases in ((Low,), (Mid,), (int,), (1,), (A, A), (), (A, B, A)):
    try:
        Mid.__bases__ = bases
        print('ok', [k.__name__ for k in Mid.__mro__])
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    Low.__bases__ = (A, Mid)
    print([k.__name__ for k in Low.__mro__])
except TypeError as e:
    print(e)


class L(list):
    pass


class L2(list):
    pass


for target, bases in ((L, (L2,)), (L, (object,)), (int, (object,)), (object, (int,))):
    try:
        target.__bases__ = bases
        print('ok')
    except TypeError as e:
        print(e)
for name in ('__name__', '__qualname__', '__doc__', '__module__'):
    for t in (int, C):
        try:
            setattr(t, name, 'Q')
            print(name, 'set', getattr(t, name))
        except TypeError as e:
            print(name, e)
try:
    C.__name__ = 'a\x00b'
except ValueError as e:
    print(e)
try:
    type.__dict__['__name__'].__set__(int, 'x')
except TypeError as e:
    print(e)
try:
    int.__dict__['real'].__set__('s', 1)
except TypeError as e:
    print(e)

# __class__ assignment keeps the layout
class S1:
    __slots__ = ('x',)


class S2:
    __slots__ = ('x',)


class S3:
    __slots__ = ('y',)


for a, b in ((C, L), (C, S1), (S1, S2), (S1, S3), (C, A), (C, int)):
    try:
        o = a()
        o.__class__ = b
        print('ok', type(o).__name__)
    except TypeError as e:
        print(e)
for obj, cls in ((1, bool), (None, int), ('s', C)):
    try:
        obj.__class__ = cls
    except TypeError as e:
        print(e)
print(None.__class__, type(None).__name__)
