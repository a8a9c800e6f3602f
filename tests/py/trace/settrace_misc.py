# sys.settrace details: gettrace, local trace functions, f_trace_lines/opcodes,
# a trace function that raises, f_lineno assignment errors, threads
import sys
import threading

def f():
    a = 1
    b = 2
    return a + b

# gettrace / settrace(None)
def t0(frame, event, arg):
    return None
print(sys.gettrace())
sys.settrace(t0)
print(sys.gettrace() is t0)
sys.settrace(None)
print(sys.gettrace())

# a global function returning None: only 'call' events
ev = []
def only_call(frame, event, arg):
    ev.append((event, frame.f_code.co_name))
sys.settrace(only_call)
f()
sys.settrace(None)
print(ev)

# the local function's result replaces f_trace; None keeps it
ev = []
def local2(frame, event, arg):
    ev.append(("local2", event, frame.f_lineno))
    return None
def local1(frame, event, arg):
    ev.append(("local1", event, frame.f_lineno))
    return local2
def glob(frame, event, arg):
    if frame.f_code is f.__code__:
        return local1
sys.settrace(glob)
f()
sys.settrace(None)
for e in ev:
    print(*e)

# f_trace_lines = False: no 'line' events; f_trace_opcodes: 'opcode' events
ev = []
def nolines(frame, event, arg):
    if frame.f_code is not f.__code__:
        return None
    frame.f_trace_lines = False
    ev.append(event)
    return nolines
sys.settrace(nolines)
f()
sys.settrace(None)
print(ev)
ops = []
def opcodes(frame, event, arg):
    if frame.f_code is not f.__code__:
        return None
    frame.f_trace_opcodes = True
    ops.append(event)
    return opcodes
sys.settrace(opcodes)
f()
sys.settrace(None)
print(ops[0], ops[-1], "opcode" in ops, ops.count("line"))

# a trace function that raises: tracing stops, the exception propagates
def boom(frame, event, arg):
    if event == "line":
        raise KeyError("from tracer")
    return boom
sys.settrace(boom)
try:
    f()
except KeyError as e:
    print("caught", repr(e), sys.gettrace())
sys.settrace(None)

# exceptions caught and re-raised across frames
ev = []
def exc_tracer(frame, event, arg):
    if frame.f_code.co_name not in ("inner", "outer"):
        return None
    if event == "exception":
        ev.append((event, frame.f_code.co_name, arg[0].__name__, frame.f_lineno))
    else:
        ev.append((event, frame.f_code.co_name, frame.f_lineno))
    return exc_tracer
def inner():
    try:
        raise ValueError(1)
    finally:
        pass
def outer():
    try:
        inner()
    except ValueError:
        return "handled"
sys.settrace(exc_tracer)
outer()
sys.settrace(None)
for e in ev:
    print(*e)

# f_lineno can only be set from a 'line' event
fr = sys._getframe()
for v in (3, "x"):
    try:
        fr.f_lineno = v
    except ValueError as e:
        print("ValueError:", e)
msgs = []
def jumper(frame, event, arg):
    if frame.f_code is not f.__code__:
        return None
    if event in ("call", "return"):
        try:
            frame.f_lineno = 8
        except ValueError as e:
            msgs.append((event, str(e)))
    if event == "line" and frame.f_lineno == 7:
        for target in (1, 10 ** 6):
            try:
                frame.f_lineno = target
            except ValueError as e:
                msgs.append((event, str(e)))
    return jumper
sys.settrace(jumper)
f()
sys.settrace(None)
for m in msgs:
    print(*m)

# f_lineno of running frames, f_back of a traced frame
def where():
    return sys._getframe(1).f_lineno
def caller():
    x = 1
    return where()
print(caller())
seen = []
def tb(frame, event, arg):
    if frame.f_code is where.__code__ and event == "call":
        seen.append((frame.f_back.f_code.co_name, frame.f_back.f_lineno))
sys.settrace(tb)
caller()
sys.settrace(None)
print(seen)

# tracing is per thread; threading.settrace installs it in new threads
names = []
def thread_tracer(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "work":
        names.append(threading.current_thread().name)
    return None
def work():
    return 1
threading.settrace(thread_tracer)
print(threading.gettrace() is thread_tracer)
t = threading.Thread(target=work, name="worker")
t.start()
t.join()
work()
threading.settrace(None)
print(names)
sys.settrace(thread_tracer)
t = threading.Thread(target=work, name="untraced")
t.start()
t.join()
sys.settrace(None)
print(names)
threading.setprofile(t0)
print(threading.getprofile() is t0)
threading.setprofile(None)

# sys.call_tracing checks its arguments
print(sys.call_tracing(len, ([1, 2],)))
try:
    sys.call_tracing(f, [])
except TypeError as e:
    print(e)

# changing a local through f_locals in a trace function (as pdb's `!x = 5`)
def setter(frame, event, arg):
    if frame.f_code is f.__code__ and event == "line" and frame.f_lineno == 9:
        frame.f_locals["a"] = 100
    return setter
sys.settrace(setter)
print(f())
sys.settrace(None)

# the audit events of settrace and setprofile
seen = []
sys.addaudithook(lambda ev, args: seen.append((ev, args)) if ev.startswith("sys.set") else None)
sys.settrace(None)
sys.setprofile(None)
print(seen)
