def t1():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("V", repr(e))
    except* TypeError as e:
        print("T", repr(e))
t1()
def t2():
    try:
        raise ValueError(5)
    except* ValueError as e:
        print("naked", repr(e), repr(e.exceptions[0]))
t2()
def t3():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        except* ValueError:
            print("got V")
    except ExceptionGroup as e:
        print("rest", repr(e))
t3()
def t4():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        except* ValueError:
            raise
    except ExceptionGroup as e:
        print("reraise", repr(e))
t4()
def t5():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        except* ValueError:
            raise KeyError('x')
        except* TypeError:
            raise
    except ExceptionGroup as e:
        print("new", repr(e), repr(e.exceptions[0].__context__))
t5()
def t6():
    try:
        try:
            raise ValueError(1)
        except* ValueError:
            raise
    except BaseException as e:
        print("naked reraise", repr(e))
t6()
def t7():
    try:
        try:
            raise ValueError(1)
        except* ValueError:
            raise KeyError(2)
    except BaseException as e:
        print("naked new", repr(e), repr(e.__context__))
t7()
def t8():
    try:
        try:
            raise ValueError(1)
        except* TypeError:
            print("no")
    except BaseException as e:
        print("unmatched naked", repr(e))
t8()
for T in [ExceptionGroup, (ValueError, ExceptionGroup), int, (ValueError, 1)]:
    try:
        try:
            raise ValueError(1)
        except* T:
            pass
    except TypeError as e:
        print(e)
import sys
def t9():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        print(repr(sys.exc_info()[1]), repr(sys.exception()) if hasattr(sys, 'exception') else '')
    print(sys.exc_info())
t9()
def t10():
    try:
        pass
    except* ValueError:
        pass
    else:
        print("else")
    finally:
        print("finally")
t10()

def show(e, depth=0):
    pad = "  " * depth
    if isinstance(e, BaseExceptionGroup):
        print(pad + type(e).__name__, repr(e.message))
        for x in e.exceptions:
            show(x, depth + 1)
    else:
        print(pad + repr(e))

def run(f):
    try:
        f()
        print("no exception")
    except BaseException as e:
        show(e)

# nested except*, in loops, break/continue in loops inside the handler
def nested():
    try:
        raise ExceptionGroup("a", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        try:
            raise ExceptionGroup("b", [KeyError(4), IndexError(5)])
        except* KeyError as k:
            print("inner", repr(k))
    except* OSError:
        pass
run(nested)

def loops():
    for i in range(3):
        try:
            raise ExceptionGroup("l", [ValueError(i)])
        except* ValueError as e:
            for j in range(10):
                if j == 1:
                    break
            while True:
                break
            print("loop", i, repr(e.exceptions[0]))
    return "done"
print(loops())

def ret_in_body():
    try:
        return 1
    except* ValueError:
        pass
print(ret_in_body())

def ret_after():
    for x in range(2):
        try:
            raise ValueError(x)
        except* ValueError:
            pass
        if x:
            return x
print(ret_after())

# raise from inside a handler, the order of raised and re-raised parts
def raise_from():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError as e:
        raise KeyError("k") from e
    except* TypeError:
        raise
run(raise_from)
try:
    raise_from()
except ExceptionGroup as e:
    k = e.exceptions[0]
    print(repr(k), repr(k.__cause__), k.__suppress_context__)
    rest = e.exceptions[1]
    print(repr(rest), type(rest.__traceback__).__name__)

def all_raise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise IndexError(1)
    except* TypeError:
        raise IndexError(2)
run(all_raise)

def raise_group_in_handler():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise ExceptionGroup("new", [KeyError(1)])
run(raise_group_in_handler)

# first match wins; a clause sees only what is left
def first_wins():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* (ValueError, TypeError) as e:
        print("first", repr(e))
    except* ValueError as e:
        print("never", repr(e))
run(first_wins)

# naked BaseException and Exception-derived matching
def naked_base():
    try:
        raise KeyboardInterrupt
    except* KeyboardInterrupt as e:
        print(type(e).__name__, repr(e.exceptions))
run(naked_base)

def star_exception():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* Exception as e:
        print("Exception catches", repr(e))
run(star_exception)

# sys.exc_info is restored
import sys
def exc_info_restored():
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise ExceptionGroup("eg", [ValueError(1)])
        except* ValueError:
            print("in", repr(sys.exc_info()[1]))
        print("after", repr(sys.exc_info()[1]))
    print("end", sys.exc_info())
exc_info_restored()

# generator with except*
def gen():
    try:
        yield 1
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        yield 2
    except* TypeError:
        yield 3
    yield 4
print(list(gen()))

# the handler's name is unbound afterwards
def unbound():
    try:
        raise ValueError(1)
    except* ValueError as e:
        pass
    try:
        e
    except NameError as ne:
        print(type(ne).__name__, ne)
unbound()

# finally and else
def with_finally():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("handled V")
    else:
        print("else")
    finally:
        print("finally")
run(with_finally)

# an exception group subclass whose instances are false
class FalsyEG(ExceptionGroup):
    def __bool__(self):
        return False
    def derive(self, excs):
        return FalsyEG(self.message, excs)
def falsy():
    try:
        raise FalsyEG("f", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print(type(e).__name__, repr(e))
run(falsy)

# the syntax errors
for src in [
    "try: pass\nexcept* E: pass\nexcept F: pass",
    "try: pass\nexcept E: pass\nexcept* F: pass",
    "try: pass\nexcept*: pass",
    "try: pass\nexcept* E pass",
    "try: pass\nexcept* E, F: pass",
    "for x in y:\n  try: pass\n  except* E: break",
    "for x in y:\n  try: pass\n  except* E: continue",
    "def f():\n  try: pass\n  except* E: return 1",
    "def f():\n  try: pass\n  except* E:\n    with x: return",
    "for x in y:\n  try: pass\n  except* E:\n    try: pass\n    finally: break",
    "def f():\n  try: pass\n  except* E:\n    for i in x: break\n    def g(): return 1",
    "try: pass\nexcept* (A, B) as e: pass\nelse: pass\nfinally: pass",
]:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset)
