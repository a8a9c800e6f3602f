def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
def g():
    try:
        return "try"
    finally:
        return "finally"
print(g())
def h():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(h())
def loop():
    out = []
    for i in range(5):
        try:
            if i == 1: continue
            if i == 3: break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(loop())
def brk_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "broke"
print(brk_in_finally())
def nested():
    try:
        try:
            1 / 0
        finally:
            print("inner finally")
    except ZeroDivisionError as e:
        print("outer caught", e)
    else:
        print("no else")
    finally:
        print("outer finally")
nested()
def else_clause():
    try:
        x = 1
    except Exception:
        print("no")
    else:
        print("else", x)
        return "from else"
    finally:
        print("fin")
print(else_clause())

# except variable is deleted
try:
    raise ValueError("v")
except ValueError as err:
    pass
try:
    err
except NameError as e:
    print(e)

# tuples of types, hierarchy
for exc in [KeyError("k"), IndexError("i"), ZeroDivisionError("z"), OverflowError("o"), UnboundLocalError("u"), ModuleNotFoundError("m"), FileNotFoundError("f"), TimeoutError("t"), UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad")]:
    try:
        raise exc
    except (LookupError, ArithmeticError) as e:
        print("lookup/arith", type(e).__name__, type(e).__mro__[1].__name__)
    except (NameError, ImportError, OSError, ValueError) as e:
        print("other", type(e).__name__, [c.__name__ for c in type(e).__mro__])

# args, str, repr
for e in [Exception(), Exception("a"), Exception("a", 2), KeyError("k"), KeyError(), KeyError(1, 2), OSError(2, "No such file"), ValueError(None), StopIteration(5), SystemExit(3), AttributeError("x")]:
    print(repr(e), "|", str(e), "|", e.args)
e = OSError(2, "No such file or directory", "f.txt")
print(e.errno, e.strerror, e.filename, str(e), type(e).__name__)
print(type(OSError(2, "x")).__name__, FileNotFoundError.__mro__[1].__name__, IOError is OSError, EnvironmentError is OSError)
e = StopIteration(1, 2); print(e.value)
print(SystemExit(4).code, SystemExit().code)
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self): return f"[{self.code}] {self.args[0]}"
try: raise MyErr(7, "bad thing")
except MyErr as e: print(e, repr(e), e.args, e.code)
class E2(ValueError): pass
try: raise E2
except ValueError as e: print("subclass caught", repr(e))
e = Exception("x"); e.args = ("y", 1); print(e, e.args)
ex = ValueError("m"); ex.extra = 5; print(ex.extra)

# chaining
try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")
except ValueError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        raise KeyError("first")
    except KeyError as k:
        raise ValueError("second") from k
except ValueError as e:
    print(repr(e.__context__), repr(e.__cause__), e.__suppress_context__)
try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second") from None
except ValueError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    raise ValueError("x") from TypeError
except ValueError as e:
    print(repr(e.__cause__))
try:
    raise ValueError("x") from 5
except TypeError as e:
    print(e)
try:
    raise 5
except TypeError as e:
    print(e)
class NotExc: pass
try:
    raise NotExc
except TypeError as e:
    print(e)
try:
    try: 1/0
    except NotExc: pass
except TypeError as e:
    print(e)

# bare raise
def reraise():
    try:
        raise KeyError("again")
    except KeyError:
        print("handling")
        raise
try: reraise()
except KeyError as e: print("re-raised", e)
try: raise
except RuntimeError as e: print(e)
def raise_in_finally_after_except():
    try:
        raise ValueError(1)
    except ValueError:
        try:
            raise TypeError(2)
        except TypeError:
            pass
        raise   # re-raises ValueError
try: raise_in_finally_after_except()
except ValueError as e: print("ValueError", e)
# sys.exc_info inside handler
import sys
try:
    raise IndexError("ii")
except IndexError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None)
print(sys.exc_info())

# with: __exit__ suppression and exceptions in __exit__
class CM:
    def __init__(self, name, suppress=False, fail=False):
        self.name, self.suppress, self.fail = name, suppress, fail
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        if self.fail: raise RuntimeError("exit failed " + self.name)
        return self.suppress
with CM("a") as x, CM("b") as y:
    print("body", x, y)
with CM("s", suppress=True):
    raise ValueError("suppressed")
print("after suppressed")
try:
    with CM("outer"), CM("inner", suppress=True):
        raise KeyError("k")
    print("inner suppressed")
except KeyError: print("no")
try:
    with CM("f", fail=True):
        raise ValueError("orig")
except RuntimeError as e:
    print("exit raised", e, "context:", repr(e.__context__))
def with_return():
    with CM("r"):
        return "ret"
print(with_return())
for i in range(2):
    with CM(f"loop{i}"):
        if i == 0: continue
        break
try:
    with 5: pass
except (TypeError, AttributeError) as e: print(type(e).__name__, e)
class OnlyEnter:
    def __enter__(self): return self
try:
    with OnlyEnter(): pass
except (TypeError, AttributeError) as e: print(type(e).__name__, e)

# exception in except clause gets context
try:
    try:
        {}["a"]
    except KeyError:
        None.x
except AttributeError as e:
    print(type(e.__context__).__name__, e.__context__)
# context not self-cycle
try:
    e1 = ValueError("same")
    try: raise e1
    except ValueError: raise e1
except ValueError as e: print(e.__context__)
# assertion
try: assert 1 == 2, "math broke"
except AssertionError as e: print(repr(e), e.args)
try: assert False
except AssertionError as e: print(repr(e))
# exception groups? not listed. BaseException vs Exception
try:
    try: raise KeyboardInterrupt
    except Exception: print("not here")
except BaseException as e: print("base caught", type(e).__name__)
print(issubclass(GeneratorExit, Exception), issubclass(SystemExit, BaseException), issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError), issubclass(UnicodeError, ValueError), issubclass(EOFError, Exception), issubclass(MemoryError, Exception), issubclass(TimeoutError, OSError), issubclass(ConnectionRefusedError, ConnectionError), issubclass(PermissionError, OSError), issubclass(StopIteration, Exception))
# with_traceback and __traceback__
try: raise ValueError("tb")
except ValueError as e: print(type(e.__traceback__).__name__, e.with_traceback(None) is e)
# except* is not listed; exception in generator finally

print("end")
