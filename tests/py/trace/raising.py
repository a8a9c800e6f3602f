# trace and profile functions that raise at each kind of event
import sys

def target(n):
    x = [i for i in range(n)]
    try:
        {}[1]
    except KeyError:
        pass
    return len(x)

def gen():
    yield 1
    yield 2

def run_target():
    r = target(3)
    for v in gen():
        r += v
    return r

def make(kind, when):
    def t(frame, event, arg):
        if frame.f_code.co_name not in ("target", "gen", "<listcomp>"):
            return t
        if event == when:
            raise RuntimeError(f"{kind} {event}")
        return t
    return t

for when in ("call", "line", "return", "exception", "opcode"):
    t = make("trace", when)
    def opc(frame, event, arg, t=t):
        frame.f_trace_opcodes = True
        return t(frame, event, arg)
    sys.settrace(opc if when == "opcode" else t)
    try:
        print(when, run_target())
    except RuntimeError as e:
        print(when, "RuntimeError", e, sys.gettrace())
    sys.settrace(None)

for when in ("call", "return", "c_call", "c_return"):
    sys.setprofile(make("profile", when))
    try:
        print(when, run_target())
    except RuntimeError as e:
        print(when, "RuntimeError", e, sys.getprofile())
    sys.setprofile(None)

# the trace function replaces itself, unsets everything, and both at once
def unsetter(frame, event, arg):
    sys.settrace(None)
    sys.setprofile(None)
    return None
sys.settrace(unsetter)
sys.setprofile(lambda *a: None)
print(run_target(), sys.gettrace(), sys.getprofile())

# settrace and setprofile together
log = []
def both(frame, event, arg):
    if frame.f_code.co_name == "target":
        log.append(event)
    return both
sys.settrace(both)
sys.setprofile(both)
target(1)
sys.settrace(None)
sys.setprofile(None)
print(log)
