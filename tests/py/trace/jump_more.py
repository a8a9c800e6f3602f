# More jumps: into a nested def (the next line of the outer code), while conditions and else, comprehensions, if/elif, try/else, nested loops, with opcode events on.
import sys

def run(func, frm, to, opcodes=False):
    first = func.__code__.co_firstlineno
    state = {'done': False}
    def tr(frame, event, arg):
        if frame.f_code is func.__code__:
            frame.f_trace_opcodes = opcodes
            if event == 'line' and not state['done'] and frame.f_lineno == first + frm:
                state['done'] = True
                try:
                    frame.f_lineno = first + to
                    print('  now at', frame.f_lineno - first)
                except ValueError as e:
                    print('  ValueError:', e)
                    raise
        return tr
    out = []
    sys.settrace(tr)
    try:
        func(out)
    except Exception as e:
        out.append(type(e).__name__)
    sys.settrace(None)
    print(func.__name__, frm, to, out)

def into_nested_def(out):
    out.append(1)
    def inner():
        out.append(3)
        out.append(4)
    out.append(5)
    inner()

def while_cond(out):
    i = 0
    while i < 3:
        out.append(i)
        i += 1
    out.append('end')

def out_of_while_else(out):
    i = 0
    while i < 2:
        i += 1
        out.append(i)
    else:
        out.append('else')
    out.append(7)

def dict_comp(out):
    d = {k: out.append(k) for k in range(2)}
    out.append(2)
    out.append(3)

def if_elif(out):
    x = 3
    if x == 1:
        out.append(3)
    elif x == 2:
        out.append(5)
    else:
        out.append(7)
    out.append(8)

def in_try_except_else(out):
    try:
        out.append(2)
    except KeyError:
        out.append(4)
    else:
        out.append(6)
    out.append(7)

def nested_loops_break(out):
    for i in range(2):
        for j in range(2):
            out.append((i, j))
            if j:
                break
    out.append(6)

run(into_nested_def, 1, 3)
run(into_nested_def, 1, 4)
run(while_cond, 3, 2)
run(while_cond, 4, 5)
run(while_cond, 1, 3)
run(out_of_while_else, 4, 6)
run(out_of_while_else, 4, 7)
run(dict_comp, 1, 3)
run(dict_comp, 3, 1)
run(if_elif, 1, 5)
run(if_elif, 8, 1)
run(in_try_except_else, 2, 6)
run(in_try_except_else, 6, 2)
run(nested_loops_break, 3, 6)
run(nested_loops_break, 3, 1)
run(nested_loops_break, 3, 2)
run(while_cond, 3, 5, opcodes=True)
