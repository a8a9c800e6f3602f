import sys
class Cap:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
    def flush(self): pass
def show(e):
    c = Cap(); old = sys.stderr; sys.stderr = c
    try: sys.excepthook(type(e), e, e.__traceback__)
    finally: sys.stderr = old
    print("".join(c.parts).replace(__file__, "FILE"), end="")
    print('-----')
def catch(f):
    try: f()
    except BaseException as e: return e

def raiser(e): raise e
def f1():
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
show(catch(f1))
show(ExceptionGroup("no tb", [ValueError(1), catch(lambda: raiser(KeyError("k")))]))
def f2():
    try:
        raise ExceptionGroup("inner", [ValueError("a"), ExceptionGroup("deeper", [OSError(2)])])
    except ExceptionGroup as e:
        e.add_note("note on inner")
        e.add_note("multi\nline note")
        raise ExceptionGroup("outer", [e, IndexError(3)]) from KeyError("cause")
show(catch(f2))
show(ExceptionGroup("many", [ValueError(i) for i in range(20)]))
show(ExceptionGroup("exactly 15", [ValueError(i) for i in range(15)]))
show(ExceptionGroup("16", [ValueError(i) for i in range(16)]))
e = ValueError("leaf")
for i in range(12):
    e = ExceptionGroup(f"level {i}", [e])
show(e)
def f3():
    try:
        raise ValueError("ctx")
    except ValueError:
        raise ExceptionGroup("with ctx", [TypeError("t")])
show(catch(f3))
def f4():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("in handler")
show(catch(f4))
e = ValueError("notes")
e.add_note("first")
e.add_note("")
e.add_note("a\nb\n")
show(e)
e = ValueError("bad notes")
e.__notes__ = 42
show(e)
e = ValueError("notes tuple")
e.__notes__ = ("x", 5)
show(e)
class BadStr:
    def __str__(self): raise RuntimeError
e = ValueError("bad note str")
e.__notes__ = [BadStr(), "after"]
show(e)
def f5():
    inner = ExceptionGroup("in", [catch(lambda: raiser(ValueError(1)))])
    try:
        raise inner
    except ExceptionGroup as x:
        raise RuntimeError("outer") from x
show(catch(f5))
beg = BaseExceptionGroup("base", [KeyboardInterrupt(), SystemExit(3)])
show(beg)
show(ExceptionGroup("", [ValueError()]))
# recursion shown once per run of identical entries, inside a group's box
def rec(n):
    if n == 0:
        raise ValueError("deep")
    rec(n - 1)
show(ExceptionGroup("rec", [catch(lambda: rec(10))]))
# a chain cycle is printed once
a = ValueError("a"); b = TypeError("b")
a.__context__ = b; b.__context__ = a
show(ExceptionGroup("cycle", [a]))
# syntax errors inside a group
show(ExceptionGroup("syn", [catch(lambda: compile("x = (", "<src>", "exec"))]))
# a group's own notes and a member's
g = ExceptionGroup("noted", [ValueError("v")])
g.add_note("group note")
g.exceptions[0].add_note("member note")
show(g)
# what except* raises, as printed
def naked():
    raise ValueError(1)
def star_raise_new():
    try:
        naked()
    except* ValueError:
        raise TypeError("in handler")
show(catch(star_raise_new))
def star_reraise_naked():
    try:
        naked()
    except* ValueError as e:
        print(e.__traceback__)
        raise
show(catch(star_reraise_naked))
def star_mixed():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2), TypeError(3)])
    except* ValueError:
        raise
    except* KeyError as e:
        e.add_note("note!")
        raise RuntimeError("x") from e
show(catch(star_mixed))
