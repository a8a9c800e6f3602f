# 'line' events of statement shapes whose line table follows CPython 3.11:
# bare constants, return/break/continue through finally and with, try/else,
# except*, the with exit's line.
import sys


def events(func, *args):
    first = func.__code__.co_firstlineno
    evs = []
    def tr(frame, event, arg):
        if frame.f_code is func.__code__:
            evs.append((frame.f_lineno - first, event))
        return tr
    sys.settrace(tr)
    try:
        func(*args)
    except BaseException as e:
        evs.append(type(e).__name__)
    sys.settrace(None)
    print(func.__name__, evs)


class C:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        pass


def constants():
    1
    'two'
    lambda x: 3
    4


def return_through_finally():
    try:
        return 2
    finally:
        4


def return_value_through_finally(x):
    try:
        return x + 1
    finally:
        x = 5


def break_through_finally():
    for i in [1, 2]:
        try:
            break
        finally:
            i = 5
    return 7


def continue_through_finally():
    for i in [1, 2]:
        try:
            continue
        finally:
            i = 5
    return 7


def break_out_of_with():
    for i in (1, 2):
        with C():
            break
    pass


def return_out_of_with():
    with C():
        return


def return_value_out_of_with(x):
    with C():
        return x


def try_else_finally():
    try:
        2
    except:
        4
    else:
        6
        if False:
            8
        else:
            10
    finally:
        12


def except_star_caught():
    try:
        raise ExceptionGroup('eg', [ValueError(3)])
    except* ValueError:
        4
    except* TypeError:
        6
    8


def except_star_not_caught():
    try:
        raise ExceptionGroup('eg', [KeyError(3)])
    except* ValueError:
        4


def nested_finally_return():
    try:
        try:
            return 3
        finally:
            5
    finally:
        7


def while_with_break():
    n = 0
    while True:
        n += 1
        with C():
            if n == 2:
                break
    9


def ident(f):
    return f


def fabric():
    return ident


def decorated():
    @ident
    @fabric()
    def func():
        pass
    @ident
    class K:
        pass
    func()


events(constants)
events(return_through_finally)
events(return_value_through_finally, 1)
events(break_through_finally)
events(continue_through_finally)
events(break_out_of_with)
events(return_out_of_with)
events(return_value_out_of_with, 3)
events(try_else_finally)
events(except_star_caught)

events(nested_finally_return)
events(while_with_break)
events(decorated)
