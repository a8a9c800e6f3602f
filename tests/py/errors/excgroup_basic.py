def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: ExceptionGroup("a"))
t(lambda: ExceptionGroup("a", 1))
t(lambda: ExceptionGroup("a", []))
t(lambda: ExceptionGroup(1, [ValueError()]))
t(lambda: ExceptionGroup("a", [1]))
t(lambda: ExceptionGroup("a", [KeyboardInterrupt()]))
t(lambda: ExceptionGroup("a", [ValueError()], x=1))
t(lambda: BaseExceptionGroup("a", [ValueError()]))
t(lambda: BaseExceptionGroup("a", [KeyboardInterrupt()]))
t(lambda: ExceptionGroup("a", [ValueError()]).derive())
t(lambda: ExceptionGroup("a", [ValueError()]).split())
t(lambda: ExceptionGroup("a", [ValueError()]).split(1))
t(lambda: ExceptionGroup("a", [ValueError()]).split((ValueError, 1)))
t(lambda: ExceptionGroup("a", [ValueError()]).split([ValueError]))
t(lambda: str(ExceptionGroup("a", [ValueError(), TypeError()])))
t(lambda: ExceptionGroup("a", (ValueError(), TypeError())))
t(lambda: ExceptionGroup("a", (ValueError(), TypeError())).exceptions)
t(lambda: ExceptionGroup[int])
t(lambda: ValueError().add_note(1))
t(lambda: ExceptionGroup.__mro__)
class E(ExceptionGroup): pass
t(lambda: E("x", [KeyboardInterrupt()]))
class B(BaseExceptionGroup): pass
t(lambda: B("x", [ValueError()]))
class C(BaseExceptionGroup, ValueError): pass
t(lambda: C("x", [KeyboardInterrupt()]))
t(lambda: C("x", [ValueError()]))
eg = ExceptionGroup("x", [ValueError(1)])
eg.__cause__ = KeyError(); 
m, r = eg.split(ValueError)
print(m is eg, r, m.__suppress_context__)
eg = ExceptionGroup("x", [ValueError(1), TypeError(2)])
eg.__context__ = KeyError()
eg.add_note("hi")
m, r = eg.split(ValueError)
print(m, r, m.__suppress_context__, r.__context__, m.__notes__, m.__notes__ is eg.__notes__, m.__cause__)
t(lambda: ExceptionGroup("a", [ValueError()]).message)
def f():
    e = ExceptionGroup("a", [ValueError()]); e.message = 2
t(f)
t(lambda: ExceptionGroup("a", [ValueError()]).split(lambda e: 1/0))
t(lambda: ExceptionGroup.derive(ValueError(), []))

# hierarchy, attributes, nesting
print(ExceptionGroup.__bases__, BaseExceptionGroup.__bases__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
eg = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)]), KeyError(4)])
print(eg.message, eg.exceptions, eg.args)
print(repr(eg.subgroup(ValueError)))
print(repr(eg.subgroup(lambda e: isinstance(e, (TypeError, KeyError)))))
print(eg.subgroup(OSError))
print(eg.subgroup(ExceptionGroup) is eg)
print(eg.subgroup(lambda e: e is eg) is eg)
m, r = eg.split((TypeError, KeyError))
print(repr(m), repr(r))
print(eg.split(BaseException)[0] is eg, eg.split(BaseException)[1])
m, r = eg.split(lambda e: False)
print(m, r is eg or repr(r))
beg = BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError()])
print(type(beg).__name__, repr(beg.subgroup(ValueError)), type(beg.subgroup(ValueError)).__name__)
print(type(beg.split(KeyboardInterrupt)[0]).__name__)

# derive: subclasses keep their type only if derive says so
class MyEG(ExceptionGroup):
    def __new__(cls, message, excs, code):
        obj = super().__new__(cls, message, excs)
        obj.code = code
        return obj
    def derive(self, excs):
        return MyEG(self.message, excs, self.code)
e = MyEG("m", [ValueError(1), TypeError(2)], 42)
m, r = e.split(ValueError)
print(type(m).__name__, m.code, repr(m), type(r).__name__, r.code)
class Plain(ExceptionGroup):
    pass
m, r = Plain("p", [ValueError(1), TypeError(2)]).split(ValueError)
print(type(m).__name__, type(r).__name__)
class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42
t(lambda: BadDerive("x", [ValueError(), TypeError()]).split(ValueError))

# metadata copied into the parts
eg = ExceptionGroup("meta", [ValueError(1), TypeError(2)])
try:
    raise eg from KeyError("cause")
except ExceptionGroup:
    pass
eg.add_note("note 1")
m, r = eg.split(ValueError)
print(m.__traceback__ is eg.__traceback__, r.__traceback__ is eg.__traceback__)
print(repr(m.__cause__), m.__cause__ is eg.__cause__, m.__context__ is eg.__context__)
print(m.__notes__, r.__notes__, m.__notes__ is r.__notes__)
eg.__notes__ = "not a list"
print(hasattr(eg.split(ValueError)[0], "__notes__"))
eg.__notes__ = ("a", "b")
print(eg.split(ValueError)[0].__notes__)

# add_note
e = ValueError("v")
print(hasattr(e, "__notes__"))
e.add_note("one"); e.add_note("two")
print(e.__notes__)
e.__notes__ = 5
t(lambda: e.add_note("three"))
t(lambda: ValueError().add_note())
t(lambda: ValueError().add_note(b"x"))
class S(str): pass
e = ValueError(); e.add_note(S("sub")); print(e.__notes__)

# constructor details
t(lambda: ExceptionGroup("s", (x for x in [ValueError()])))
t(lambda: ExceptionGroup("s", {ValueError()}))
t(lambda: ExceptionGroup("s", {1: ValueError()}))
t(lambda: ExceptionGroup("s", "abc"))
t(lambda: ExceptionGroup("s", [ValueError(), 2]))
t(lambda: ExceptionGroup("s", [ValueError(), ValueError]))
t(lambda: ExceptionGroup(b"s", [ValueError()]))
t(lambda: ExceptionGroup("s", [ValueError()], 3))
t(lambda: BaseExceptionGroup("s", [ValueError()]).split(ValueError))
eg = ExceptionGroup("s", [ValueError()])
eg.__init__("other", "args")
print(eg.args, eg.message)
print(str(ExceptionGroup("", [ValueError()])), str(ExceptionGroup("x", [ValueError()] * 3)))
t(lambda: ExceptionGroup.split(eg))
t(lambda: eg.subgroup(ValueError, TypeError))
t(lambda: eg.split(ValueError()))
