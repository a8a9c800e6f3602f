# A small debugger in bdb's manner: tracing switched on from inside a running
# frame (f_trace set on the callers, then sys.settrace), stepping over lines,
# reading and changing locals, then continuing without tracing
import sys

class Dbg:
    def __init__(self, commands):
        self.commands = list(commands)
        self.log = []

    def set_trace(self):
        frame = sys._getframe().f_back
        while frame:
            frame.f_trace = self.dispatch
            frame = frame.f_back
        sys.settrace(self.dispatch)

    def dispatch(self, frame, event, arg):
        if frame.f_code.co_filename != __file__ or frame.f_code.co_name == "<module>":
            return None
        if event == "line":
            self.log.append(("line", frame.f_code.co_name, frame.f_lineno))
            cmd = self.commands.pop(0) if self.commands else "c"
            if cmd.startswith("p "):
                self.log.append(("p", repr(frame.f_locals.get(cmd[2:]))))
            elif cmd.startswith("set "):
                name, value = cmd[4:].split("=")
                frame.f_locals[name] = int(value)
            elif cmd == "c":
                sys.settrace(None)
                f = frame
                while f:
                    f.f_trace = None
                    f = f.f_back
                return None
        elif event == "return":
            self.log.append(("return", frame.f_code.co_name, repr(arg)))
        elif event == "call":
            self.log.append(("call", frame.f_code.co_name))
        elif event == "exception":
            self.log.append(("exception", frame.f_code.co_name, arg[0].__name__))
        return self.dispatch

def square(v):
    r = v * v
    return r

def compute(dbg):
    x = 3
    dbg.set_trace()
    y = square(x)
    z = y + 1
    try:
        {}["missing"]
    except KeyError:
        z += 1
    return z

def top(dbg):
    total = compute(dbg)
    total += 1
    return total

dbg = Dbg(["p x", "s", "s", "s", "p r", "set z=40", "s", "s", "s", "s", "s", "s", "s", "s"])
print(top(dbg))
for entry in dbg.log:
    print(*entry)
print(sys.gettrace() == dbg.dispatch)
sys.settrace(None)
