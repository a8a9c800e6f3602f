# Warnings the tokenizer and parser owe, issued when the code is compiled:
# SyntaxWarning "invalid ... literal" for a number run into a keyword,
# DeprecationWarning for the first invalid escape sequence of each literal;
# an "error" filter turns them into SyntaxErrors at their place.  And
# f-string expression errors.
import warnings

def show(s, mode='exec'):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        try:
            compile(s, '<t>', mode)
            r = 'ok'
        except SyntaxError as e:
            r = ('SE', e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    print(repr(s), r, [(x.category.__name__, str(x.message), x.lineno) for x in w])
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        try:
            compile(s, '<t>', mode)
            r = 'ok'
        except SyntaxError as e:
            r = ('SE', e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    print('   as errors:', r)

for num in "0xf", "0o7", "0b1", "9", "0", "1.", "1e3", "1j":
    for tail in ("and x", "or x", "in x", "not in x", "if x else y", "spam", "is x"):
        show(num + tail, 'eval')
for s in ['[0x1for x in ()]', '[0xfor x in ()]', 'x if 0xfelse y', 'x = 1\ny = 0xfor z\nw = 2if 1 else 3',
          'x = "\\d"', 'x = b"\\d"', 'x = 1\ny = "a" "\\q"', 'x = f"\\d{1}"', 'x = "\\8"', 'x = "\\777"', 'x = b"\\777"',
          'x = "\\d\\q"', 'x = r"\\d"', 'x = "\\N{EM DASH}"', 'x = b"\\N{EM DASH}"', 'x = f"\\{6*7}"', 'x = f"a\\}}b"',
          'x = 0xfor y\nz = (', 'x = "\\d"\n$', 'x = """\n\\d"""']:
    show(s)

for s in ["f'{!r}'", "f'{ !r}'", "f'{!}'", "f'{:}'", "f'{=}'", "f'{}'", "f'{ }'", "f'{:2}'", "f'{!x}'",
          "f'{='", "f'{:'", "f'''{\t\x0c\r\n!a}'''", "f'{*a}'", "f'{*a, b}'", "f'{a}' f'{*b}'", "f'{a:{*b}}'",
          "f'{**a}'", "f'{ **a}'", "f'{a b}'", "def g():\n  f'{yield 1}'", "f'{1}}'"]:
    try:
        compile(s, '<t>', 'exec')
        print(repr(s), 'ok')
    except SyntaxError as e:
        print(repr(s), (e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset))

def gen():
    x = f'y:{yield 6*7}'
    yield x
g = gen()
print(next(g), g.send('sent'))
print(eval(r"f'\{6*7}'"), f'\\{6*7}', fr'\{6*7}', eval(r"f'a\}}b'"))
