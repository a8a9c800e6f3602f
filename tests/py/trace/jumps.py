# frame.f_lineno assigned from a trace function: jumps and refused jumps.
import sys


class Tracer:
    """Jump in func's frame from relative line `frm` to `to` at `event`."""

    def __init__(self, func, frm, to, event='line'):
        self.code = func.__code__
        self.first = self.code.co_firstlineno
        self.frm, self.to, self.event = frm, to, event
        self.done = False

    def trace(self, frame, event, arg):
        if self.done or frame.f_code is not self.code:
            return self.trace
        if event == self.event and frame.f_lineno == self.first + self.frm:
            self.done = True
            try:
                frame.f_lineno = self.first + self.to if isinstance(self.to, int) else self.to
            except ValueError as e:
                print('  ValueError:', e)
                raise
        return self.trace


def run(func, frm, to, event='line'):
    out = []
    t = Tracer(func, frm, to, event)
    sys.settrace(t.trace)
    try:
        func(out)
    except Exception as e:
        out.append(type(e).__name__)
    sys.settrace(None)
    print(func.__name__, out)


def simple_forward(out):
    out.append(1)
    out.append(2)
    out.append(3)

def simple_backward(out):
    out.append(1)
    out.append(2)

def same_line(out):
    out.append(1)
    out.append(2)
    out.append(3)

def codeless(out):
    out.append(1)
    # a comment
    out.append(3)

def out_of_for(out):
    for i in 1, 2:
        out.append(2)
        for j in [3]:
            out.append(4)
    out.append(5)

def back_out_of_nested_for(out):
    out.append(1)
    for i in [1]:
        out.append(3)
        for j in [2]:
            out.append(5)
        out.append(6)
    out.append(7)

def into_for(out):
    out.append(1)
    for i in 1, 2:
        out.append(3)

def back_into_for(out):
    for i in 1, 2:
        out.append(2)
    out.append(3)

def into_while(out):
    i = 1
    out.append(2)
    while i <= 2:
        out.append(4)
        i += 1

def out_of_with(out):
    with Ctx(out, 1):
        out.append(2)
    out.append(3)

def into_with(out):
    out.append(1)
    with Ctx(out, 2):
        out.append(3)

def between_withs(out):
    out.append(1)
    with Ctx(out, 2):
        out.append(3)
    with Ctx(out, 4):
        out.append(5)

def out_of_finally(out):
    try:
        out.append(2)
    finally:
        out.append(4)
    out.append(5)

def into_try_finally(out):
    out.append(1)
    try:
        out.append(3)
    finally:
        out.append(5)

def into_except(out):
    out.append(1)
    try:
        out.append(3)
    except ValueError:
        out.append(5)

def to_except_line(out):
    try:
        out.append(2)
    except:
        out.append(4)
        raise

def out_of_except(out):
    out.append(1)
    try:
        out.append(3)
        1/0
    except ZeroDivisionError:
        out.append(sys.exc_info()[0].__name__)
        out.append(7)
    out.append(sys.exc_info()[0])

def except_to_finally(out):
    try:
        1/0
    except ZeroDivisionError:
        out.append(4)
        out.append(5)
    finally:
        out.append(sys.exc_info()[0])
    out.append(8)

def between_excepts(out):
    try:
        1/0
    except ZeroDivisionError:
        out.append(4)
        out.append(5)
    except FloatingPointError:
        out.append(7)
    out.append(8)

def middle_of_call(out):
    print(
        out.append(2)
    )
    (
        (
            out
        ).append(7)
    )

def unbound_after_jump(out):
    out.append(1)
    x = 2
    out.append(x)

def too_far(out):
    out.append(1)
    out.append(2)

def infinite_loop(out):
    out.append(1)
    while True:
        out.append(3)
    out.append(4)

def after_return(out):
    out.append(1)
    return
    out.append(3)

def from_return_event(out):
    out.append(1)
    return

def from_exception_event(out):
    out.append(1)
    1 / 0

def from_call_event(out):
    out.append(1)


class Ctx:
    def __init__(self, out, n):
        self.out, self.n = out, n
    def __enter__(self):
        self.out.append(self.n)
    def __exit__(self, *a):
        self.out.append(-self.n)


run(simple_forward, 1, 3)
run(simple_backward, 2, 1)
run(same_line, 2, 2)
run(codeless, 1, 2)
run(out_of_for, 3, 5)
run(back_out_of_nested_for, 6, 1)
run(into_for, 1, 3)
run(back_into_for, 3, 2)
run(into_while, 2, 4)
run(out_of_with, 2, 3)
run(into_with, 1, 3)
run(between_withs, 3, 5)
run(out_of_finally, 2, 5)
run(into_try_finally, 1, 3)
run(into_except, 1, 5)
run(to_except_line, 2, 3)
run(out_of_except, 7, 8)
run(except_to_finally, 5, 7)
run(between_excepts, 5, 7)
run(middle_of_call, 2, 6)
run(unbound_after_jump, 1, 3)
run(too_far, 2, 3)
run(too_far, 2, -2)
run(too_far, 2, 'spam')
run(infinite_loop, 3, 4)
run(after_return, 1, 3)
run(from_return_event, 2, 1, 'return')
run(from_exception_event, 2, 1, 'exception')
run(from_call_event, 0, 1, 'call')


def gen_jump(out):
    def gen():
        out.append(2)
        yield 3
        out.append(4)
    g = gen()
    next(g)
    out.append(8)


class YieldTracer(Tracer):
    def trace(self, frame, event, arg):
        if not self.done and frame.f_code.co_name == 'gen' and event == 'return':
            self.done = True
            frame.f_lineno = frame.f_lineno - 1
            print('  jumped to', frame.f_lineno - frame.f_code.co_firstlineno)
        return self.trace


out = []
t = YieldTracer(gen_jump, 0, 0)
sys.settrace(t.trace)
gen_jump(out)
sys.settrace(None)
print('gen_jump', out)


# Only a trace function may jump, only in the frame of its event.
def no_tracer():
    try:
        sys._getframe().f_lineno = 1
    except ValueError as e:
        print('ValueError:', e)
no_tracer()


# Module-level code can jump too.
src = '''
out.append(2)
out.append(3)
out.append(4)
'''
code = compile(src, '<jump>', 'exec')
done = []
def mod_tracer(frame, event, arg):
    if frame.f_code is code and event == 'line' and frame.f_lineno == 4 and not done:
        done.append(1)
        frame.f_lineno = 2
    return mod_tracer
ns = {'out': []}
sys.settrace(mod_tracer)
exec(code, ns)
sys.settrace(None)
print('module', ns['out'])
