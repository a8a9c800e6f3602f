import sys
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
def name(fr):
    return None if fr is None else fr.f_code.co_name
def g():
    x = 1
    y = [2]
    raise ValueError
try:
    g()
except ValueError as e:
    tb = e.__traceback__
print(type(tb).__name__, name(tb.tb_frame), name(tb.tb_next.tb_frame), tb.tb_lineno, tb.tb_next.tb_lineno)
print(tb.tb_next.tb_next, type(tb.tb_lasti).__name__, tb.tb_lasti >= 0)
fr = tb.tb_next.tb_frame
print(fr.f_locals, name(fr.f_back), fr.f_back is tb.tb_frame, fr.f_lineno, fr.f_lasti > 0, type(fr.f_lasti))
print(fr.f_locals is fr.f_locals, fr.f_globals is globals(), fr.f_builtins is __builtins__.__dict__)
print(tb.tb_frame.f_back, tb.tb_frame is sys._getframe(), tb.tb_frame.f_locals is globals())
print(repr(fr).startswith("<frame at 0x"), repr(fr).endswith(", line 10, code g>"))

# types.TracebackType
TB = type(tb)
t(lambda: TB(None, fr, 1, 2).tb_lineno)
t(lambda: TB(None, fr, 1, 2).tb_frame is fr)
t(lambda: TB(tb, fr, 3, 4).tb_next is tb)
t(lambda: TB(5, fr, 1, 2))
t(lambda: TB(None, 5, 1, 2))
t(lambda: TB(None, fr, "a", 2))
t(lambda: TB(None, fr, 1))
t(lambda: TB(None, fr, 1, 2, 3))
t(lambda: TB(tb_next=None, tb_frame=fr, tb_lasti=0, tb_lineno=7).tb_lineno)
t(lambda: TB(None, fr, 1, tb_lasti=2))
t(lambda: TB(None, fr, 1, 2, tb_x=3))
t(lambda: TB(None, fr, 2**40, 2))

# tb_next is writable, with CPython's checks
def setnext(v):
    tb.tb_next = v
t(lambda: setnext(5))
t(lambda: setnext(tb))
t(lambda: setnext(tb.tb_next) or tb.tb_next.tb_lineno)
t(lambda: setnext(TB(TB(tb, fr, 0, 1), fr, 0, 1)))
def delnext():
    del tb.tb_next
t(delnext)
for a in ["tb_lineno", "tb_frame", "tb_lasti"]:
    t(lambda: setattr(tb, a, 5))
saved = tb.tb_next
tb.tb_next = None
print(tb.tb_next)
tb.tb_next = saved

# sys._getframe
t(lambda: sys._getframe(100))
t(lambda: sys._getframe(-1).f_code.co_name)
t(lambda: sys._getframe().f_code.co_name)
t(lambda: sys._getframe(1).f_code.co_name)
t(lambda: sys._getframe("x"))
t(lambda: sys._getframe() is sys._getframe())
def h():
    f = sys._getframe()
    return f, f.f_back.f_code.co_name
f, n = h()
print(n, name(f.f_back), f.f_code.co_name, list(f.f_locals), f.f_lineno)
import _thread
print(list(sys._current_frames()) == [_thread.get_ident()], sys._current_frames()[_thread.get_ident()] is sys._getframe())

# clear()
def clr():
    f = sys._getframe()
    f.clear()
t(clr)
def clr_caller():
    sys._getframe(1).clear()
t(clr_caller)
fr.clear()
print(fr.f_locals)

# generator frames
def gen():
    a = 5
    yield sys._getframe()
    b = 6
    yield sys._getframe().f_back.f_code.co_name
gg = gen()
gf = next(gg)
print(name(gf.f_back), gf.f_locals, gf is gg.gi_frame, gf.f_lineno)
print(next(gg), gf.f_locals, gf.f_lineno)
gf.clear()
print(gg.gi_frame, list(gg))
g2 = gen()
print(g2.gi_frame.f_lineno, g2.gi_frame.f_locals, g2.gi_frame is g2.gi_frame)
list(g2)
print(g2.gi_frame)

# f_trace and friends are stored
fr2 = sys._getframe()
fr2.f_trace = len
print(fr2.f_trace, fr2.f_trace_lines, fr2.f_trace_opcodes)
fr2.f_trace = None
fr2.f_trace_opcodes = True
print(fr2.f_trace, fr2.f_trace_opcodes)
t(lambda: setattr(fr2, "f_lineno", 3))
t(lambda: setattr(fr2, "f_code", 3))
t(lambda: setattr(fr2, "f_back", 3))

# f_locals is a snapshot refreshed on access
def loc():
    a = 1
    f = sys._getframe()
    d = f.f_locals
    b = 2
    del a
    d2 = f.f_locals
    return d is d2, sorted(d2)
print(loc())
def closure():
    c = 1
    def inner():
        return c + len(sys._getframe().f_locals)
    return inner(), sorted(sys._getframe().f_locals)
print(closure())

# sys.exception and exc_info
t(lambda: sys.exception())
try:
    raise KeyError(3)
except KeyError:
    print(repr(sys.exception()), sys.exc_info()[0], sys.exc_info()[2] is sys.exception().__traceback__)
    try:
        raise TypeError
    except TypeError:
        print(repr(sys.exception()))
    print(repr(sys.exception()))
print(sys.exception(), sys.exc_info())

# walking a traceback
def a1(): a2()
def a2(): a3()
def a3(): 1 / 0
try:
    a1()
except ZeroDivisionError as e:
    t_ = e.__traceback__
    while t_:
        print(t_.tb_frame.f_code.co_name, t_.tb_lineno, name(t_.tb_frame.f_back),
              t_.tb_frame.f_lineno if t_.tb_frame is not sys._getframe() else '-')
        t_ = t_.tb_next
