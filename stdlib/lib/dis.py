"""Disassembler of gilpy bytecode.

The listing has CPython's layout (line number, ">>" on jump targets, offset,
opcode name, argument and its meaning) but shows gilpy's own instructions:
offsets are 32-bit word indexes and the opcode names are those of
interp/opcodes.h (docs/BYTECODE.md describes each one).  The work is done in
C by the `_dis` module; this file picks the code objects.
"""
import collections
import sys
import _dis

__all__ = ["code_info", "dis", "disassemble", "distb", "show_code", "opname", "findlinestarts"]

opname = list(_dis.opname)

# A source range, as code.co_positions() gives it (inspect.getframeinfo uses it).
Positions = collections.namedtuple(
    'Positions', ['lineno', 'end_lineno', 'col_offset', 'end_col_offset'], defaults=[None] * 4)


def _f():
    pass


def findlinestarts(code):
    """Yield (offset, lineno) where each line starts: offsets count 2-byte
    units as f_lasti does (two per gilpy code word)."""
    lastline = None
    for start, end, line in code.co_lines():
        if line is not None and line != lastline:
            lastline = line
            yield start, line


_CodeType = type(_f.__code__)
_FunctionType = type(_f)


def _try_compile(source, name):
    """An expression compiles in 'eval' mode, anything else in 'exec'."""
    try:
        return compile(source, name, 'eval')
    except SyntaxError:
        pass
    return compile(source, name, 'exec')


def _get_code_object(x):
    if hasattr(x, '__func__'):       # bound method, classmethod, staticmethod
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    if isinstance(x, str):
        x = _try_compile(x, '<disassembly>')
    if isinstance(x, _CodeType):
        return x
    raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def _has_code(x):
    x = getattr(x, '__func__', x)
    return isinstance(x, (_FunctionType, _CodeType, type))


def _print(text, file):
    print(text, end='', file=file)


def dis(x=None, *, file=None, depth=None):
    """Disassemble a function, method, class, module, code object or source
    string (each method of a class or module in turn)."""
    if x is None:
        distb(file=file)
        return
    if isinstance(x, type) or (hasattr(x, '__dict__') and not hasattr(x, '__code__')
                               and not hasattr(x, '__func__')):
        for name, x1 in sorted(x.__dict__.items()):
            if _has_code(x1):
                print("Disassembly of %s:" % name, file=file)
                try:
                    dis(x1, file=file, depth=depth)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
                print(file=file)
        return
    _print(_dis.disassemble(_get_code_object(x), depth is None or depth > 0), file)


def disassemble(co, lasti=-1, *, file=None):
    """Disassemble one code object (not the code objects among its constants)."""
    _print(_dis.disassemble(co), file)


disco = disassemble


def distb(tb=None, *, file=None):
    """Disassemble the code of the innermost frame of a traceback."""
    if tb is None:
        tb = getattr(sys, 'last_traceback', None)
        if tb is None:
            raise RuntimeError("no last traceback to disassemble")
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, file=file)


# co_flags carries CPython's bit values (interp/code.c translates gilpy's).
COMPILER_FLAG_NAMES = {1 << i: n for i, n in enumerate(
    ["OPTIMIZED", "NEWLOCALS", "VARARGS", "VARKEYWORDS", "NESTED", "GENERATOR",
     "NOFREE", "COROUTINE", "ITERABLE_COROUTINE", "ASYNC_GENERATOR"])}


def pretty_flags(flags):
    """The names of the CO_* flags set in flags, as CPython's dis prints them."""
    names = [n for bit, n in COMPILER_FLAG_NAMES.items() if flags & bit]
    rest = flags & ~((1 << len(COMPILER_FLAG_NAMES)) - 1)
    if rest or not names:
        names.append(hex(rest))
    return ", ".join(names)


def code_info(x):
    """Formatted details of a code object (as CPython's dis.code_info)."""
    co = _get_code_object(x)
    lines = ["Name:              %s" % co.co_name,
             "Filename:          %s" % co.co_filename,
             "Argument count:    %s" % co.co_argcount,
             "Positional-only arguments: %s" % co.co_posonlyargcount,
             "Kw-only arguments: %s" % co.co_kwonlyargcount,
             "Number of locals:  %s" % co.co_nlocals,
             "Stack size:        %s" % co.co_stacksize,
             "Flags:             %s" % pretty_flags(co.co_flags)]
    for title, items in (("Constants", co.co_consts), ("Names", co.co_names),
                         ("Variable names", co.co_varnames),
                         ("Cell variables", co.co_cellvars),
                         ("Free variables", co.co_freevars)):
        if items:
            lines.append(title + ":")
            fmt = "%4d: %r" if title == "Constants" else "%4d: %s"
            lines.extend(fmt % pair for pair in enumerate(items))
    return "\n".join(lines)


def show_code(co, *, file=None):
    """Print code_info(co)."""
    print(code_info(co), file=file)


def main(args=None):
    """`gilpy -m dis [FILE]`: disassemble a file (stdin without one)."""
    args = sys.argv[1:] if args is None else args
    if len(args) > 1 or (args and args[0] in ('-h', '--help')):
        print("usage: dis.py [-h] [infile]", file=sys.stderr)
        sys.exit(2 if len(args) > 1 else 0)
    if args and args[0] != '-':
        with open(args[0], 'rb') as f:
            source = f.read()
        name = args[0]
    else:
        source = sys.stdin.read()
        name = '<stdin>'
    dis(compile(source, name, 'exec'))


if __name__ == "__main__":
    main()
